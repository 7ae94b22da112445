"""Exact numbers: coercion, arithmetic that never rounds, and display rounding.

Every number resolmetrics keeps is *exact*: a :class:`~decimal.Decimal` when
it has a finite decimal expansion (``95``, ``93.1``, ``0.125``) and a
:class:`~fractions.Fraction` otherwise (``41/71``). Decimals keep comparisons
fast; fractions keep ratios exact. The two compare and hash consistently with
each other and with ``int``.

Inputs are read as follows:

=================  =====================================================
``int``            exactly
``str``            Python notation, ``"95.5"`` or ``"1e3"``, or a ratio ``"41/71"``
``Decimal``        exactly (NaN and infinities are rejected)
``Fraction``       exactly
``float``          as its shortest ``repr``: ``93.1`` is 93.1, not the binary
                   value ``93.099999999999994315658...``
=================  =====================================================

Nothing is rounded until it is displayed; :func:`round_display` and
:func:`format_number` do the displaying.
"""

from __future__ import annotations

import functools
import numbers as _numbers
import operator
import re
from collections.abc import Callable
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
)
from fractions import Fraction
from typing import TypeAlias

from .errors import (
    InvalidArgumentError,
    InvalidResultError,
    InvalidTargetError,
    InvalidTargetTypeError,
    ResolmetricsError,
    shown,
)

__all__ = [
    "LANGS",
    "LIMITS",
    "LOCALES",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "Exact",
    "NumberLike",
    "check_lang",
    "exact",
    "format_number",
    "round_display",
]

Exact: TypeAlias = Decimal | Fraction
"""An exact number as resolmetrics keeps it."""

NumberLike: TypeAlias = int | str | Decimal | Fraction | float
"""What the public API accepts wherever it asks for a number."""

#: Numbers whose decimal exponent is beyond this are refused: no target or
#: result is that large or small, and the bound keeps exact arithmetic cheap.
MAX_EXPONENT = 100

MAX_DIGITS = 4 * MAX_EXPONENT
"""The most significant digits a number read may have; a ratio, its numerator and its
denominator each.

No figure a resolution or a report states has that many. With :data:`MAX_EXPONENT` it
bounds the work of every exact operation on what was read, and of its display: a number
read is written in at most about ``MAX_DIGITS + MAX_EXPONENT`` characters. Every reader
(the constructors, :func:`resolmetrics.json.loads`, :func:`resolmetrics.parse_number`, the
file readers) checks both bounds before any costly conversion.
"""

LIMITS = (
    f"resolmetrics reads numbers of at most {MAX_DIGITS} significant digits, "
    f"between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT}"
)
"""The limits, as error messages state them."""

_ZERO = Decimal(0)
_ONE = Decimal(1)
_SMALLEST = Fraction(1, 10**MAX_EXPONENT)
_LARGEST = Fraction(10 ** (MAX_EXPONENT + 1))
_LARGEST_INT = 10 ** (MAX_EXPONENT + 1)
_DIGITS_BOUND = 10**MAX_DIGITS
_LOG10_2 = 0.30102999566398120
_NON_DIGITS = re.compile(r"[^0-9]+")

# Decimal arithmetic that refuses to round: a result needing more digits than
# this raises Inexact, and the caller falls back to Fraction arithmetic.
_EXACT = Context(prec=4 * MAX_EXPONENT, traps=[Inexact], Emax=10**6, Emin=-(10**6))


def exact(
    value: object,
    *,
    argument: str,
    error: type[ResolmetricsError] = InvalidTargetError,
    type_error: type[ResolmetricsError] = InvalidTargetTypeError,
) -> Exact:
    """Return *value* as an exact number, or raise *error* / *type_error*.

    *argument* names what is being read (``"at_least(value)"``,
    ``"Result(value)"``) so that the message points at the caller's code.
    A number beyond :data:`MAX_DIGITS` significant digits or outside
    ``1e-MAX_EXPONENT`` to ``1e+MAX_EXPONENT`` raises *error*, checked before
    anything costly is done with it.
    """
    kind = type(value)
    if kind is Decimal:
        return _checked_decimal(value, value, argument, error)  # type: ignore[arg-type]
    if kind is int:
        return _checked_int(value, argument, error)  # type: ignore[arg-type]
    if kind is str:
        return _from_str(value, argument, error)  # type: ignore[arg-type]
    if kind is Fraction:
        return _checked_fraction(value, argument, error)  # type: ignore[arg-type]
    if value is None:
        raise type_error(f"{argument} must be a number, got None{_missing_hint(error)}")
    if isinstance(value, bool):
        raise type_error(
            f"{argument} must be a number, got {value!r}; "
            "a boolean is not a figure: give 1 or 0 if a count is meant"
        )
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise error(f"{argument} must be a finite number, got {value!r}{_missing_hint(error)}")
        # float's own repr: a subclass may write itself otherwise (numpy: "np.float64(93.1)")
        return _checked_decimal(Decimal(float.__repr__(value)), value, argument, error)
    if isinstance(value, Decimal):
        return _checked_decimal(Decimal(value), value, argument, error)
    if isinstance(value, _numbers.Integral):
        return _checked_int(int(value), argument, error)
    if isinstance(value, _numbers.Rational):
        ratio = Fraction(int(value.numerator), int(value.denominator))
        return _checked_fraction(ratio, argument, error)
    if isinstance(value, _numbers.Real):  # numpy floats and the like: read as a float
        return exact(float(value), argument=argument, error=error, type_error=type_error)
    raise type_error(
        f"{argument} must be an int, str, Decimal, Fraction or float, "
        f"got {shown(value)} of type {kind.__name__}"
    )


def _missing_hint(error: type[ResolmetricsError]) -> str:
    if issubclass(error, InvalidResultError):
        return "; report missing data by leaving the result out (the verdict is then NO_DATA)"
    return ""


def int_digits(number: int) -> int:
    """How many decimal digits write ``abs(number)`` (1 for 0), found without writing them."""
    size = abs(number)
    if size < _DIGITS_BOUND:
        return len(str(size))
    # 2**(b-1) <= size < 2**b: the count is this estimate or one more
    estimate = int((size.bit_length() - 1) * _LOG10_2) + 1
    return estimate + 1 if size >= 10**estimate else estimate


def echo(value: object) -> str:
    """*value* for an error message: :func:`~resolmetrics.errors.shown`, except that an int
    too long to write cheaply (the numerator or denominator of a fraction, too) is shown by
    its number of digits: ``<an int of 5,001 digits>``."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _DIGITS_BOUND:
        return f"<an int of {int_digits(value):,} digits>"
    if type(value) is Fraction and max(abs(value.numerator), value.denominator) >= _DIGITS_BOUND:
        return f"Fraction({echo(value.numerator)}, {echo(value.denominator)})"
    return shown(value)


_OUT_OF_RANGE = (
    f"is out of range: resolmetrics reads numbers between 1e-{MAX_EXPONENT} and "
    f"1e{MAX_EXPONENT}; check the figure and its unit"
)


def _too_many_digits(count: int, part: str = "") -> str:
    if part:
        return (
            f"has a {part} of {count:,} digits; {LIMITS}, and ratios of at most {MAX_DIGITS} "
            "digits above and below the line: reduce the ratio, or round its value to the "
            "digits that are known"
        )
    return f"has {count:,} significant digits; {LIMITS}: round it to the digits that are known"


def limit_problem(number: Decimal | Fraction | int) -> str | None:
    """What puts the finite *number* beyond the limits, or None when it is within them.

    The phrase follows the value in a message: ``"is out of range: ..."``,
    ``"has 5,000 significant digits; ..."``, each saying what to do. It is
    found cheaply whatever the size of *number*.
    """
    if type(number) is Fraction:
        for part, whole in (("numerator", number.numerator), ("denominator", number.denominator)):
            if abs(whole) >= _DIGITS_BOUND:
                return _too_many_digits(int_digits(whole), part)
        if number and not _SMALLEST <= abs(number) < _LARGEST:
            return _OUT_OF_RANGE
        return None
    if type(number) is not Decimal:
        assert isinstance(number, int)
        return _OUT_OF_RANGE if abs(number) >= _LARGEST_INT else None
    if not number:
        return None
    if abs(number.adjusted()) > MAX_EXPONENT:
        return _OUT_OF_RANGE
    count = len(number.as_tuple().digits)
    return _too_many_digits(count) if count > MAX_DIGITS else None


def text_digits_problem(text: str) -> str | None:
    """What puts the number written in *text* beyond :data:`MAX_DIGITS`, counting its digits
    from the first that is not 0 (None when it is within it, or *text* is not that long)."""
    if len(text) <= MAX_DIGITS:
        return None
    count = len(_NON_DIGITS.sub("", text).lstrip("0"))
    return _too_many_digits(count) if count > MAX_DIGITS else None


def _checked_int(value: int, argument: str, error: type[ResolmetricsError]) -> Decimal:
    if abs(value) >= _LARGEST_INT:  # before Decimal(), whose cost grows with the digits
        raise error(f"{argument}={echo(value)} {_OUT_OF_RANGE}")
    return _checked_decimal(Decimal(value), value, argument, error)


def _checked_decimal(
    number: Decimal, original: object, argument: str, error: type[ResolmetricsError]
) -> Decimal:
    if not number.is_finite():
        raise error(
            f"{argument} must be a finite number, got {echo(original)}{_missing_hint(error)}"
        )
    problem = limit_problem(number)
    if problem is not None:
        raise error(f"{argument}={echo(original)} {problem}")
    if number.is_zero():
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)
        if abs(exponent) > MAX_EXPONENT:  # 0E+999999999 would be written with a billion zeros
            return _ZERO
        if number.is_signed():
            return number.copy_abs()
    return number


def _checked_fraction(value: Fraction, argument: str, error: type[ResolmetricsError]) -> Exact:
    problem = limit_problem(value)  # before normal(), which scales by 10**n
    if problem is not None:
        raise error(f"{argument}={echo(value)} {problem}")
    return normal(value)  # within the limits of its parts, whatever its decimals


def _from_str(text: str, argument: str, error: type[ResolmetricsError]) -> Exact:
    stripped = text.strip()
    try:
        number = Decimal(stripped)
    except InvalidOperation:
        pass
    else:
        return _checked_decimal(number, text, argument, error)
    if "/" in stripped:
        numerator, _, denominator = stripped.partition("/")
        for part, written in (("numerator", numerator), ("denominator", denominator)):
            if len(written) > MAX_DIGITS:  # int() would refuse more than 4300 digits
                count = len(_NON_DIGITS.sub("", written).lstrip("0"))
                if count > MAX_DIGITS:
                    raise error(f"{argument}={shown(text)} {_too_many_digits(count, part)}")
        try:
            ratio = Fraction(stripped)
        except (ValueError, ZeroDivisionError):
            pass
        else:
            return _checked_fraction(ratio, argument, error)
    hint = ""
    if "," in stripped and any(ch.isdigit() for ch in stripped):
        hint = f"; in Python notation, {_python_notation_hint(stripped)}"
    raise error(
        f"{argument} must be a number in Python notation such as '95.5' or a ratio "
        f"such as '41/71', got {shown(text)}{hint}"
    )


def _python_notation_hint(text: str) -> str:
    """Python notation for a number written with a comma, each way it can be read."""
    digits = text.replace(" ", "")
    if digits.count(",") == 1 and "." not in digits:
        whole, decimals = digits.split(",")
        if len(decimals) == 3:  # "25,000": a decimal comma or a thousands comma
            return (
                f"write {shown(whole + '.' + decimals)} if the comma is a decimal mark, or "
                f"{shown(whole + decimals)} if it groups thousands"
            )
        return f"write {shown(whole + '.' + decimals)}"
    last = max(digits.rfind(","), digits.rfind("."))  # the last mark is the decimal one
    whole = digits[:last].replace(",", "").replace(".", "")
    return f"write {shown(whole + '.' + digits[last + 1 :])}"


_NON_FINITE = frozenset(
    sign + word for sign in ("", "+", "-") for word in ("nan", "snan", "inf", "infinity")
)


def looks_numeric(text: str) -> bool:
    """True when *text* is meant as a number rather than a rating level.

    That is when it is made of digits and the marks numbers are written with
    (signs, decimal marks, grouping, an exponent, "/" and "%"), or spells a
    non-finite number ("nan", "inf"): the number reader then reads it or
    rejects it with a clear message. "HTTNV", "3 sao" and "Loại 1" are levels.
    """
    stripped = text.strip()
    if stripped.casefold() in _NON_FINITE:
        return True
    return any(ch.isdigit() for ch in stripped) and all(
        ch.isdigit() or ch in _NUMBER_MARKS for ch in stripped
    )


_NUMBER_MARKS = frozenset("+-.,_/%eE \u00a0")


def normal(value: Fraction) -> Exact:
    """*value* as a Decimal when its decimal expansion is finite, else as a Fraction."""
    denominator = value.denominator
    if denominator == 1:
        return Decimal(value.numerator)
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return value
    places = max(twos, fives)
    scaled = value.numerator * (10**places // denominator)
    return _shifted(scaled, places)


def magnitude(value: Exact) -> Exact:
    """``|value|``, keeping its type."""
    return sub(_ZERO, value) if value < 0 else value


def _shifted(whole: int, places: int) -> Decimal:
    """``whole / 10**places`` as a Decimal, exactly: the constructor never rounds."""
    return Decimal(f"{whole}E-{places}")


def decimal_places(value: Exact) -> int | None:
    """How many decimals write *value* exactly (``90.125`` -> 3); None for a fraction."""
    if not isinstance(value, Decimal):
        return None
    exponent = value.normalize(_WIDE).as_tuple().exponent if value else 0
    return max(-exponent, 0)  # type: ignore[operator]


def to_fraction(value: Exact) -> Fraction:
    """*value* as a Fraction (exact)."""
    return value if type(value) is Fraction else Fraction(value)


def _exactly(
    a: Exact,
    b: Exact,
    decimal_op: Callable[[Decimal, Decimal], Decimal],
    fraction_op: Callable[[Fraction, Fraction], Fraction],
) -> Exact:
    # Two decimals: the wide context gives the exact result or raises Inexact.
    if type(a) is Decimal and type(b) is Decimal:
        try:
            return decimal_op(a, b)
        except Inexact:
            pass
    return normal(fraction_op(to_fraction(a), to_fraction(b)))


def sub(a: Exact, b: Exact) -> Exact:
    """``a - b``, exactly."""
    return _exactly(a, b, _EXACT.subtract, operator.sub)


def mul(a: Exact, b: Exact) -> Exact:
    """``a * b``, exactly; a product of decimals keeps no trailing zeros it did not need."""
    product = _exactly(a, b, _EXACT.multiply, operator.mul)
    return trimmed(product) if type(product) is Decimal else product


def trimmed(value: Decimal) -> Decimal:
    """*value* without trailing zeros after the decimal mark: 4.00 -> 4, 10.50 -> 10.5."""
    whole = value.to_integral_value()  # exact for a whole number; 26150.000 -> 26150
    if whole == value:
        return whole
    return value.normalize(_EXACT)  # not whole: its exponent stays negative


def div(a: Exact, b: Exact) -> Exact:
    """``a / b``, exactly; *b* must not be zero."""
    return normal(to_fraction(a) / to_fraction(b))


def as_text(value: Exact) -> str:
    """Canonical text of an exact number: ``95``, ``93.1``, ``41/71``.

    Equal numbers have one text: ``95.0`` and ``95`` are both ``95``.
    """
    if type(value) is Fraction:
        return f"{value.numerator}/{value.denominator}"
    assert isinstance(value, Decimal)
    return format(value.normalize(_WIDE) if value else _ZERO, "f")


def as_repr(value: Exact) -> str:
    """Python source that rebuilds *value* when passed to the public API."""
    text = as_text(value)
    return text if text.lstrip("-").isdigit() else repr(text)


def round_display(value: Exact, places: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """*value* rounded to *places* decimals for display.

    ``rounding`` is ``decimal.ROUND_HALF_UP`` (halves away from zero, as
    Vietnamese reports expect: 2.45 -> 2.5, -2.45 -> -2.5), ``ROUND_HALF_EVEN``
    or ``ROUND_DOWN`` (truncation). A fraction is rounded on its exact value.
    """
    if rounding not in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN):
        raise InvalidArgumentError(
            f"rounding={rounding!r} is not supported; use ROUND_HALF_UP, ROUND_HALF_EVEN "
            "or ROUND_DOWN"
        )
    if type(value) is not Fraction:
        assert isinstance(value, Decimal)
        return value.quantize(_shifted(1, places), rounding=rounding, context=_WIDE)
    scaled = abs(value) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    twice = 2 * rest  # compare rest/denominator with 1/2 on integers
    if rounding != ROUND_DOWN and (
        twice > scaled.denominator
        or (twice == scaled.denominator and (rounding == ROUND_HALF_UP or whole % 2 == 1))
    ):
        whole += 1
    return _shifted(-whole if value < 0 else whole, places)


_WIDE = Context(prec=2 * MAX_DIGITS + 40)  # every digit of what exact() reads, and more


LANGS = ("en", "vi")
"""The languages resolmetrics reads and writes."""

LOCALES = {"en": "en_US", "vi": "vi_VN"}
"""The Babel locale of each language."""


def check_lang(lang: object, *, optional: bool = False, first: str = "en") -> str | None:
    """*lang* if it is a supported language, or None where *optional* allows it.

    The message names *first* first: the text layer, Vietnamese first, says
    "use 'vi' or 'en'".
    """
    if lang is None and optional:
        return None
    if lang not in LOCALES:
        order = sorted(LANGS, key=lambda each: each != first)
        raise InvalidArgumentError(
            f"lang={lang!r} is not a supported language; use {order[0]!r} or {order[1]!r}"
            + (", or None to tell it from the words" if optional else "")
        )
    return lang


@functools.cache
def symbols(lang: str) -> tuple[str, str, str]:
    """(group mark, decimal mark, minus sign) of *lang*, from Babel's locale data, read once."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    locale = LOCALES[lang]
    return get_group_symbol(locale), get_decimal_symbol(locale), get_minus_sign_symbol(locale)


def format_number(
    value: Exact,
    lang: str = "en",
    places: int = 2,
    *,
    rounding: str = ROUND_HALF_UP,
    group: bool = True,
) -> str:
    """*value* for display: rounded (half-up by default) to at most *places* decimals.

    Trailing zeros after the decimal mark are dropped (``3.10`` shows as
    ``3.1``). ``lang`` picks the marks: ``en`` writes ``3,745,356.5`` and
    ``vi`` writes ``3.745.356,5``: the marks are the locale's, from Babel.
    """
    check_lang(lang)
    group_mark, decimal_mark, minus = symbols(lang)
    rounded = round_display(value, places, rounding)
    sign = minus if rounded < 0 else ""
    text = format(rounded.copy_abs(), "f")
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        chunks = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        whole = group_mark.join(chunks)
    return sign + whole + (decimal_mark + decimals if decimals else "")
