"""Progress toward a target that is not yet due: named, published assessment methods.

A mid-term review has to say more than "in progress": is the target on track?
Each class here is one published answer, with its parameters and their
published defaults:

=====================  ==================================================================
:class:`OpenSDG`       Statistics Canada's method, used by the Open SDG platforms: the
                       compound annual growth rate (CAGR) so far against the one the
                       target needs, or against fixed rates when there is no target,
                       with a correction near a natural limit.
:class:`Eurostat`      the EU SDG monitoring report: the same growth rates, its own words,
                       fixed bands of 1 % a year without a target, a 15- or 5-year horizon.
:class:`UNSD`          the UN progress chart: the value projected at the target year at
                       the current pace, as a share of the change the target asks for.
:class:`LinearProRating`  the usual mid-term check: the level expected by now on a
                       straight line from the base value to the target.
=====================  ==================================================================

Every method has the same call::

    method.assess(base_value=..., base_year=..., current_value=..., current_year=...,
                  target_value=None, target_year=None, direction=Direction.HIGHER_IS_BETTER)

and returns a :class:`Progress`: the method, its own outcome word, the
computed ratio, whether that is on track, every input and threshold used, and
warnings. A missing value or year (None), or a current value from the base
year itself, gives the status ``"not_available"``.

Exactness
---------
Inputs are kept exact (:func:`resolmetrics.numbers.exact`). A growth rate
``(b / a) ** (1 / n) - 1`` is a fractional power and in general not a
rational number, so it cannot be exact: growth rates, the ratios built on
them, the natural-limit factor and the UNSD projection are computed with
:mod:`decimal` in a local context (never with floats), with guard digits,
raising the working precision until two successive computations agree, and
rounded to 50 significant digits (:data:`SIGNIFICANT_DIGITS`). The status is
decided on that 50-digit value, which is the one exposed, so a reader can
check it against the thresholds in ``Progress.parameters``; a true value that
agrees with a threshold to 50 significant digits counts as equal to it.

What rational arithmetic decides is decided exactly: whether the target is
already met, and the whole of the linear pro-rating (its expected level and
ratio are exact :class:`~fractions.Fraction` or :class:`~decimal.Decimal`
numbers).
"""

from __future__ import annotations

import abc
import decimal
import numbers as _numbers
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import ClassVar, TypeAlias, cast

import attrs
from attrs import AttrsInstance

from .errors import InvalidArgumentError, InvalidArgumentTypeError
from .indicators import Direction
from .numbers import (
    Exact,
    NumberLike,
    as_repr,
    as_text,
    check_lang,
    decimal_places,
    exact,
    format_number,
    normal,
    round_display,
    to_fraction,
)

__all__ = [
    "SIGNIFICANT_DIGITS",
    "UNSD",
    "Eurostat",
    "LinearProRating",
    "OpenSDG",
    "Progress",
    "ProgressMethod",
    "method",
]

SIGNIFICANT_DIGITS = 50
"""Growth rates and the figures built on them are rounded to this many significant digits."""

_ZERO = Decimal(0)
_ONE = Decimal(1)

# The context the 50-digit results are rounded in.
_ROUNDED = decimal.Context(
    prec=SIGNIFICANT_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
)
_WIDE = decimal.Context(prec=4 * SIGNIFICANT_DIGITS)
_FIRST_PRECISION = SIGNIFICANT_DIGITS + 20
_LAST_PRECISION = 64 * SIGNIFICANT_DIGITS


# --------------------------------------------------------------------------- the outcome


def _frozen_mapping(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Progress:
    """The outcome of a progress assessment.

    ``method``
        ``"open_sdg"``, ``"eurostat"``, ``"unsd"`` or ``"linear"``.
    ``status``
        The method's own published outcome word. Open SDG:
        ``target_achieved``, ``substantial_progress``, ``moderate_progress``,
        ``limited_progress``, ``deterioration``. Eurostat, with a target:
        ``significant_progress``, ``moderate_progress``,
        ``insufficient_progress``, ``movement_away``; without one:
        ``significant_progress``, ``moderate_progress``,
        ``moderate_movement_away``, ``significant_movement_away``. UNSD:
        ``target_achieved``, ``on_track``, ``acceleration_needed``,
        ``stagnation_or_regression``. Linear pro-rating: ``target_achieved``,
        ``on_track``, ``off_track``. Every method: ``not_available``.
    ``value``
        The computed ratio (the growth rate in the direction of improvement
        when there is no target), or None when it is undefined; ``reason``
        then says why.
    ``on_track``
        True for the method's best band and for a target achieved, False
        for the other bands, None when not available.
    ``parameters``
        Every input (exact) and threshold used, and the figures computed on
        the way (growth rates, the expected level, the limit factor), so a
        reader can check the status.
    ``warnings``
        Conventions that changed the computation, e.g. "zero base value
        replaced by 0.001".
    ``reason``
        Why the status is ``not_available`` or ``value`` is None:
        ``"missing_data"``, ``"single_year"``, ``"sign_change"``,
        ``"target_at_base"`` or ``"target_not_ahead"``; None otherwise.
    """

    method: str
    status: str
    value: Decimal | Fraction | None
    on_track: bool | None
    parameters: Mapping[str, object] = attrs.field(
        converter=_frozen_mapping, hash=False, repr=lambda m: repr(dict(m))
    )
    warnings: tuple[str, ...] = ()
    reason: str | None = None

    def __reduce__(self) -> tuple[type[Progress], tuple[object, ...]]:
        # A read-only mapping does not pickle: pickle (and deep-copy) the parameters as a
        # dict, which the constructor makes read-only again.
        return Progress, (
            self.method,
            self.status,
            self.value,
            self.on_track,
            dict(self.parameters),
            self.warnings,
            self.reason,
        )

    def explain(self, lang: str = "en") -> str:
        """The assessment in one sentence, in English (``"en"``) or Vietnamese (``"vi"``).

        >>> progress = LinearProRating().assess(
        ...     base_value=50, base_year=2020, current_value=60, current_year=2023,
        ...     target_value=70, target_year=2025)
        >>> progress.explain()  # doctest: +ELLIPSIS
        'behind schedule (linear pro-rating): 60 in 2023 against 62 expected by then ...'
        >>> progress.explain("vi")  # doctest: +ELLIPSIS
        'Chậm so với tiến độ (tính tuyến tính theo thời gian): 60 năm 2023 so với mức 62 ...'
        """
        check_lang(lang)
        vi = lang == "vi"
        label = _LABELS.get((self.method, self.status)) or _LABELS[("", self.status)]
        name = _METHOD_NAMES[self.method]
        return f"{label[vi]} ({name[vi]}): {_detail(self, lang)}"


# --------------------------------------------------------------------------- reading inputs


@attrs.frozen
class _Inputs:
    """The arguments of ``assess``, validated and exact."""

    base_value: Exact | None
    base_year: int | None
    current_value: Exact | None
    current_year: int | None
    target_value: Exact | None
    target_year: int | None
    direction: Direction

    @property
    def sign(self) -> int:
        """+1 if higher is better, -1 if lower is better."""
        return 1 if self.direction is Direction.HIGHER_IS_BETTER else -1

    @property
    def missing(self) -> bool:
        return (
            self.base_value is None
            or self.current_value is None
            or self.base_year is None
            or self.current_year is None
        )

    def parameters(self) -> dict[str, object]:
        return {
            "base_value": self.base_value,
            "base_year": self.base_year,
            "current_value": self.current_value,
            "current_year": self.current_year,
            "target_value": self.target_value,
            "target_year": self.target_year,
            "direction": self.direction,
        }

    def achieved(self, tolerance: Fraction = Fraction(0)) -> bool:
        """The current value meets the target (inclusive), decided exactly."""
        assert self.current_value is not None
        assert self.target_value is not None
        gap = to_fraction(self.current_value) - to_fraction(self.target_value)
        return self.sign * gap >= -tolerance


_DIRECTION_HINT = "use Direction.HIGHER_IS_BETTER or Direction.LOWER_IS_BETTER"


def _read_direction(value: object, caller: str) -> Direction:
    if isinstance(value, Direction):
        direction = value
    elif isinstance(value, str):
        try:
            direction = Direction(value)
        except ValueError:
            raise InvalidArgumentError(
                f"{caller}(direction) must be a Direction, got {value!r}; {_DIRECTION_HINT}"
            ) from None
    else:
        raise InvalidArgumentTypeError(
            f"{caller}(direction) must be a Direction, got {value!r}; {_DIRECTION_HINT}"
        )
    if direction is Direction.ON_TARGET:
        raise InvalidArgumentError(
            f"{caller}(direction)=Direction.ON_TARGET has no direction of improvement to "
            f"progress in; {_DIRECTION_HINT} (a band target is judged with evaluate())"
        )
    return direction


def _read_year(value: object, caller: str, name: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        if isinstance(value, _numbers.Integral) and not isinstance(value, bool):
            value = int(value)
        else:
            hint = ""
            if isinstance(value, float) and value.is_integer():
                hint = f"; convert it with int(): {int(value)}"
            raise InvalidArgumentTypeError(
                f"{caller}({name}) must be a year as an int such as 2025, got {value!r}{hint}"
            )
    assert isinstance(value, int)
    if not 1000 <= value <= 9999:
        raise InvalidArgumentError(
            f"{caller}({name}) must be a four-digit year such as 2025, got {value!r}"
        )
    return value


def _read_value(value: object, caller: str, name: str) -> Exact | None:
    if value is None:
        return None
    return exact(
        value,
        argument=f"{caller}({name})",
        error=InvalidArgumentError,
        type_error=InvalidArgumentTypeError,
    )


def _read(
    caller: str,
    *,
    base_value: object,
    base_year: object,
    current_value: object,
    current_year: object,
    target_value: object,
    target_year: object,
    direction: object,
    needs_target: bool,
) -> _Inputs:
    inputs = _Inputs(
        base_value=_read_value(base_value, caller, "base_value"),
        base_year=_read_year(base_year, caller, "base_year"),
        current_value=_read_value(current_value, caller, "current_value"),
        current_year=_read_year(current_year, caller, "current_year"),
        target_value=_read_value(target_value, caller, "target_value"),
        target_year=_read_year(target_year, caller, "target_year"),
        direction=_read_direction(direction, caller),
    )
    t0, t, year = inputs.base_year, inputs.current_year, inputs.target_year
    if t0 is not None and t is not None and t < t0:
        raise InvalidArgumentError(
            f"{caller}(current_year)={t} is before base_year={t0}; the current value must be "
            f"from the base year or later (are the two years swapped?)"
        )
    if needs_target and inputs.target_value is None:
        raise InvalidArgumentError(
            f"{caller}(target_value) is missing: this method measures progress toward a "
            f"target; give target_value and target_year, or use OpenSDG() or Eurostat(), "
            f"which also assess a trend without a target"
        )
    if inputs.target_value is not None and year is None:
        raise InvalidArgumentError(
            f"{caller}(target_year) is missing: the target_value "
            f"{as_text(inputs.target_value)} needs the year it is due, e.g. target_year=2030"
        )
    if year is not None:
        if t0 is not None and year <= t0:
            raise InvalidArgumentError(
                f"{caller}(target_year)={year} must be after base_year={t0}: the pace a "
                f"target needs is measured from the base year"
            )
        if t is not None and t > year:
            raise InvalidArgumentError(
                f"{caller}(current_year)={t} is after target_year={year}: the target is "
                f"already due; judge it with evaluate() rather than a progress method"
            )
    return inputs


# --------------------------------------------------------------------------- validating methods


def _number_field(owner: str, name: str, *, allow_zero: bool = False) -> Callable[[object], Exact]:
    def convert(value: object) -> Exact:
        number = exact(
            value,
            argument=f"{owner}({name})",
            error=InvalidArgumentError,
            type_error=InvalidArgumentTypeError,
        )
        if number < 0 or (number == 0 and not allow_zero):
            wanted = "zero or positive" if allow_zero else "positive"
            raise InvalidArgumentError(f"{owner}({name}) must be {wanted}, got {as_text(number)}")
        return number

    return convert


def _pair_field(owner: str, name: str, example: str) -> Callable[[object], tuple[Exact, Exact]]:
    def convert(value: object) -> tuple[Exact, Exact]:
        if not isinstance(value, tuple | list) or len(value) != 2:
            raise InvalidArgumentTypeError(
                f"{owner}({name}) must be a pair (upper, lower) of cut-offs such as "
                f"{example}, got {value!r}"
            )
        upper, lower = (
            exact(
                item,
                argument=f"{owner}({name})",
                error=InvalidArgumentError,
                type_error=InvalidArgumentTypeError,
            )
            for item in value
        )
        if not 0 < lower < upper:
            hint = f"; did you mean ({as_text(lower)}, {as_text(upper)})?" if upper < lower else ""
            raise InvalidArgumentError(
                f"{owner}({name})=({as_text(upper)}, {as_text(lower)}) must be two cut-offs "
                f"with upper > lower > 0, such as {example}{hint}"
            )
        return (upper, lower)

    return convert


def _limit(value: object) -> Exact | None:
    if value is None:
        return None
    number = exact(
        value,
        argument="OpenSDG(limit)",
        error=InvalidArgumentError,
        type_error=InvalidArgumentTypeError,
    )
    if number <= 0:
        raise InvalidArgumentError(
            f"OpenSDG(limit) must be positive, got {as_text(number)}; a share in percent has "
            f"the natural limit 100, and None means no limit"
        )
    return number


def _horizon(value: object) -> str:
    if value not in _HORIZONS:
        raise InvalidArgumentError(
            f"Eurostat(horizon) must be 'long' (15 years) or 'short' (5 years), got {value!r}"
        )
    return str(value)


def _flag(owner: str, name: str) -> Callable[[object], bool]:
    def convert(value: object) -> bool:
        if not isinstance(value, bool):
            raise InvalidArgumentTypeError(f"{owner}({name}) must be True or False, got {value!r}")
        return value

    return convert


def _method_repr(self: AttrsInstance) -> str:
    """``OpenSDG(limit=100)``: only the parameters that differ from the published defaults."""
    parts = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if value == field.default:
            continue
        if isinstance(value, tuple):
            shown = "(" + ", ".join(as_repr(v) for v in value) + ")"
        elif isinstance(value, Decimal | Fraction):
            shown = as_repr(value)
        else:
            shown = repr(value)
        parts.append(f"{field.name}={shown}")
    return f"{type(self).__name__}({', '.join(parts)})"


# --------------------------------------------------------------------------- 50-digit arithmetic


def _rounded(value: Decimal) -> Decimal:
    """*value* to 50 significant digits, without trailing zeros or a negative zero."""
    number = _ROUNDED.plus(value)
    if not number:
        return _ZERO
    number = number.normalize(_ROUNDED)
    if number.as_tuple().exponent > 0 and number.adjusted() < SIGNIFICANT_DIGITS:  # type: ignore[operator]
        number = number.quantize(_ONE, context=_WIDE)
    return number


def _settled(compute: Callable[[], tuple[Decimal, ...]]) -> tuple[Decimal, ...]:
    """Run *compute* in a local decimal context until its results are stable to 50 digits.

    The working precision starts 20 digits above 50 and doubles until two
    successive runs round to the same 50 significant digits.
    """
    precision = _FIRST_PRECISION
    previous: tuple[Decimal, ...] | None = None
    while True:
        context = decimal.Context(
            prec=precision,
            rounding=decimal.ROUND_HALF_EVEN,
            Emax=decimal.MAX_EMAX,
            Emin=decimal.MIN_EMIN,
        )
        with decimal.localcontext(context):
            results = tuple(_rounded(value) for value in compute())
        if results == previous or precision >= _LAST_PRECISION:
            return results
        previous = results
        precision *= 2


def _dec(value: Fraction) -> Decimal:
    """*value* as a Decimal in the current context."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def _power_minus_one(base: Fraction, exponent: Fraction) -> Decimal:
    """``base ** exponent - 1`` in the current context; *base* >= 0, *exponent* >= 0."""
    if base == 1 or exponent == 0:
        return _ZERO
    if base == 0:
        return -_ONE
    return (_dec(base).ln() * _dec(exponent)).exp() - 1


# --------------------------------------------------------------------------- shared steps


_ON_TRACK = {
    "open_sdg": frozenset({"target_achieved", "substantial_progress"}),
    "eurostat": frozenset({"significant_progress"}),
    "unsd": frozenset({"target_achieved", "on_track"}),
    "linear": frozenset({"target_achieved", "on_track"}),
}


def _outcome(
    method_name: str,
    status: str,
    value: Exact | None,
    parameters: Mapping[str, object],
    warnings: list[str],
    reason: str | None = None,
) -> Progress:
    on_track = None if status == "not_available" else status in _ON_TRACK[method_name]
    return Progress(
        method=method_name,
        status=status,
        value=value,
        on_track=on_track,
        parameters=parameters,
        warnings=tuple(warnings),
        reason=reason,
    )


def _unavailable_reason(inputs: _Inputs) -> str | None:
    if inputs.missing:
        return "missing_data"
    if inputs.current_year == inputs.base_year:
        return "single_year"
    return None


def _band(value: Exact, bands: tuple[tuple[Exact, str], ...], below: str) -> str:
    """The status of the first band whose lower bound (inclusive) *value* reaches."""
    for bound, status in bands:
        if value >= bound:
            return status
    return below


@attrs.frozen
class _Series:
    """The values a growth rate is computed from, after the zero replacements."""

    base: Fraction
    current: Fraction
    target: Fraction | None
    orientation: int
    """+1 when a rise of the series is an improvement: the direction, flipped for a
    series of negative values (whose ratios grow as they fall)."""


def _series(
    inputs: _Inputs,
    replacement: Exact,
    parameters: dict[str, object],
    warnings: list[str],
    *,
    with_target: bool = True,
) -> _Series | None:
    """The growth-rate inputs, or None when their signs differ (no growth rate exists).

    A zero base value is replaced by *replacement* with the sign of the current
    value (of the target when the current value is zero too, else positive); a
    zero target by *replacement* with the sign of the base value. A current
    value of zero is kept: its growth rate is -1 (a fall to nothing).
    """
    assert inputs.base_value is not None
    assert inputs.current_value is not None
    base, current = to_fraction(inputs.base_value), to_fraction(inputs.current_value)
    small = to_fraction(replacement)
    if base == 0:
        given = to_fraction(inputs.target_value) if with_target and inputs.target_value else 0
        base = -small if (current or given) < 0 else small
        parameters["base_value_used"] = normal(base)
        warnings.append(f"zero base value replaced by {as_text(normal(base))}")
    if current != 0 and (current > 0) != (base > 0):
        return None
    target: Fraction | None = None
    if with_target and inputs.target_value is not None:
        target = to_fraction(inputs.target_value)
        if target == 0:
            target = small if base > 0 else -small
            parameters["target_value_used"] = normal(target)
            warnings.append(f"zero target value replaced by {as_text(normal(target))}")
        if (target > 0) != (base > 0):
            return None
    orientation = inputs.sign if base > 0 else -inputs.sign
    return _Series(base, current, target, orientation)


def _growth_rates(
    series: _Series, inputs: _Inputs
) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """(CAGR so far, CAGR the target needs, their ratio in the direction of improvement).

    The ratio is ``orientation * CAGR / |required CAGR|``; None when the
    target equals the base value (no growth is needed, the ratio is undefined).
    """
    assert inputs.base_year is not None
    assert inputs.current_year is not None
    elapsed = inputs.current_year - inputs.base_year
    ratio_so_far = series.current / series.base
    target = series.target
    if target is None:
        (growth,) = _settled(lambda: (_power_minus_one(ratio_so_far, Fraction(1, elapsed)),))
        return growth, None, None
    assert inputs.target_year is not None
    term = inputs.target_year - inputs.base_year
    ratio_needed = target / series.base

    def compute() -> tuple[Decimal, ...]:
        growth = _power_minus_one(ratio_so_far, Fraction(1, elapsed))
        required = _power_minus_one(ratio_needed, Fraction(1, term))
        ratio = series.orientation * growth / abs(required) if required else _ZERO
        return growth, required, ratio

    growth, required, ratio = _settled(compute)
    return growth, required, (ratio if required else None)


def _improvement(growth: Decimal, orientation: int) -> Decimal:
    """The growth rate in the direction of improvement, never a negative zero."""
    value = growth if orientation > 0 else growth.copy_negate()
    return value if value else _ZERO


_UNDEFINED_RATIO = (
    "the target equals the base value: the growth it needs is zero, so the ratio is undefined"
)


def _target_ratio(
    method_name: str,
    inputs: _Inputs,
    replacement: Exact,
    bands: tuple[tuple[Exact, str], ...],
    below: str,
    parameters: dict[str, object],
    warnings: list[str],
    achieved: bool,
) -> Progress:
    """The growth-ratio assessment shared by Open SDG and Eurostat (a target given)."""
    parameters["thresholds"] = (*(bound for bound, _ in bands),)
    series = _series(inputs, replacement, parameters, warnings)
    if series is None:
        if achieved:
            return _outcome(
                method_name, "target_achieved", None, parameters, warnings, "sign_change"
            )
        warnings.append(_SIGN_WARNING)
        return _outcome(method_name, "not_available", None, parameters, warnings, "sign_change")
    growth, required, ratio = _growth_rates(series, inputs)
    parameters["growth"] = growth
    parameters["required_growth"] = required
    if achieved:
        reason = None if ratio is not None else "target_at_base"
        return _outcome(method_name, "target_achieved", ratio, parameters, warnings, reason)
    if ratio is None:
        warnings.append(_UNDEFINED_RATIO)
        pace = _improvement(growth, series.orientation)
        status = bands[0][1] if pace > 0 else bands[-1][1] if pace == 0 else below
        return _outcome(method_name, status, None, parameters, warnings, "target_at_base")
    return _outcome(method_name, _band(ratio, bands, below), ratio, parameters, warnings)


_SIGN_WARNING = (
    "the base, current and target values do not all have the same sign: no growth rate "
    "can be computed"
)


# --------------------------------------------------------------------------- Open SDG


def _open_sdg_thresholds(value: object) -> tuple[Exact, Exact]:
    return _pair_field("OpenSDG", "thresholds", "(0.95, 0.6)")(value)


def _open_sdg_trend(value: object) -> tuple[Exact, Exact]:
    return _pair_field("OpenSDG", "trend_thresholds", "(0.015, 0.005)")(value)


def _open_sdg_exponent(value: object) -> Exact:
    return _number_field("OpenSDG", "limit_exponent")(value)


def _open_sdg_zero(value: object) -> Exact:
    return _number_field("OpenSDG", "zero_replacement")(value)


class _Method(abc.ABC):
    """What every progress method shares: reading and checking the inputs.

    A method says what it adds to the parameters (``_settings``) and how it
    judges inputs that allow an assessment (``_judge``).
    """

    __slots__ = ()
    name: ClassVar[str]
    needs_target: ClassVar[bool]

    def assess(
        self,
        *,
        base_value: NumberLike | None,
        base_year: int | None,
        current_value: NumberLike | None,
        current_year: int | None,
        target_value: NumberLike | None = None,
        target_year: int | None = None,
        direction: Direction = Direction.HIGHER_IS_BETTER,
    ) -> Progress:
        """Assess progress from the base value to the current one; see the class docstring.

        Numbers are read as everywhere in resolmetrics (int, str, Decimal,
        Fraction, or a float as its repr); years are four-digit ints;
        ``direction`` is HIGHER_IS_BETTER or LOWER_IS_BETTER. Fewer than two
        data points give the status ``not_available``.
        """
        inputs = _read(
            f"{type(self).__name__}.assess",
            base_value=base_value,
            base_year=base_year,
            current_value=current_value,
            current_year=current_year,
            target_value=target_value,
            target_year=target_year,
            direction=direction,
            needs_target=self.needs_target,
        )
        parameters = {**inputs.parameters(), **self._settings()}
        warnings: list[str] = []
        reason = _unavailable_reason(inputs)
        if reason is not None:
            return _outcome(self.name, "not_available", None, parameters, warnings, reason)
        return self._judge(inputs, parameters, warnings)

    @abc.abstractmethod
    def _settings(self) -> dict[str, object]:
        """The method's own parameters, shown with the inputs in ``Progress.parameters``."""

    @abc.abstractmethod
    def _judge(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        """The assessment of inputs that have at least two data points."""


@attrs.frozen(repr=False)
class OpenSDG(_Method):
    """The Open SDG progress measure of Statistics Canada.

    With a target: ``R = d * CAGR(y0, yt, t - t0) / |CAGR(y0, yT, T - t0)|``;
    ``R >= 0.95`` substantial progress (on track), ``0.6 <= R < 0.95``
    moderate progress, ``0 <= R < 0.6`` limited progress, ``R < 0``
    deterioration; a current value that meets the target (inclusive) is
    target achieved, whatever the trend. Without a target the growth rate
    ``d * CAGR(y0, yt, t - t0)`` is compared with 0.015 / 0.005 / 0 instead.

    ``limit`` is the indicator's natural limit (100 for a share in percent):
    the positive no-target thresholds are then multiplied by
    ``C = 1 - (y0 / L) ** 4.44`` when ``0 <= y0 <= L``, by
    ``C = 1 - ((2L - y0) / L) ** 4.44`` when ``L < y0 < 2L``, else by 1.

    Published conventions: a zero base or target value is replaced by
    ``zero_replacement`` (0.001) with a warning; values of different signs
    have no growth rate (not available); a series of negative values has its
    direction flipped, since its ratios grow as it falls.

    >>> progress = OpenSDG().assess(
    ...     base_value=100, base_year=2020, current_value=108, current_year=2021,
    ...     target_value=121, target_year=2022)
    >>> progress.status, progress.value
    ('moderate_progress', Decimal('0.8'))
    """

    limit: Exact | None = attrs.field(default=None, converter=_limit)
    thresholds: tuple[Exact, Exact] = attrs.field(
        default=(Decimal("0.95"), Decimal("0.6")), converter=_open_sdg_thresholds, kw_only=True
    )
    trend_thresholds: tuple[Exact, Exact] = attrs.field(
        default=(Decimal("0.015"), Decimal("0.005")), converter=_open_sdg_trend, kw_only=True
    )
    limit_exponent: Exact = attrs.field(
        default=Decimal("4.44"), converter=_open_sdg_exponent, kw_only=True
    )
    zero_replacement: Exact = attrs.field(
        default=Decimal("0.001"), converter=_open_sdg_zero, kw_only=True
    )

    __repr__ = _method_repr

    name = "open_sdg"
    needs_target = False

    def _settings(self) -> dict[str, object]:
        return {
            "limit": self.limit,
            "zero_replacement": self.zero_replacement,
        }

    def _judge(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        if inputs.target_value is not None:
            upper, lower = self.thresholds
            bands = (
                (upper, "substantial_progress"),
                (lower, "moderate_progress"),
                (_ZERO, "limited_progress"),
            )
            return _target_ratio(
                "open_sdg",
                inputs,
                self.zero_replacement,
                bands,
                "deterioration",
                parameters,
                warnings,
                inputs.achieved(),
            )
        return self._trend(inputs, parameters, warnings)

    def _trend(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        factor = self._limit_factor(inputs)
        upper, lower = (
            normal(to_fraction(bound) * to_fraction(factor)) for bound in self.trend_thresholds
        )
        parameters["limit_exponent"] = self.limit_exponent
        parameters["limit_factor"] = factor
        parameters["thresholds"] = (upper, lower, _ZERO)
        series = _series(inputs, self.zero_replacement, parameters, warnings, with_target=False)
        if series is None:
            warnings.append(_SIGN_WARNING)
            return _outcome("open_sdg", "not_available", None, parameters, warnings, "sign_change")
        growth, _, _ = _growth_rates(series, inputs)
        parameters["growth"] = growth
        pace = _improvement(growth, series.orientation)
        bands = (
            (upper, "substantial_progress"),
            (lower, "moderate_progress"),
            (_ZERO, "limited_progress"),
        )
        return _outcome(
            "open_sdg", _band(pace, bands, "deterioration"), pace, parameters, warnings
        )

    def _limit_factor(self, inputs: _Inputs) -> Exact:
        """C, the factor of the positive no-target thresholds near the natural limit."""
        if self.limit is None:
            return _ONE
        assert inputs.base_value is not None
        base, limit = to_fraction(inputs.base_value), to_fraction(self.limit)
        if 0 <= base <= limit:
            share = base / limit
        elif limit < base < 2 * limit:
            share = (2 * limit - base) / limit
        else:
            return _ONE
        exponent = to_fraction(self.limit_exponent)
        (factor,) = _settled(lambda: (-_power_minus_one(share, exponent),))
        return factor


# --------------------------------------------------------------------------- Eurostat

_HORIZONS = {"long": 15, "short": 5}


def _eurostat_thresholds(value: object) -> tuple[Exact, Exact]:
    return _pair_field("Eurostat", "thresholds", "(0.95, 0.6)")(value)


def _eurostat_step(value: object) -> Exact:
    return _number_field("Eurostat", "trend_threshold")(value)


def _eurostat_zero(value: object) -> Exact:
    return _number_field("Eurostat", "zero_replacement")(value)


@attrs.frozen(repr=False)
class Eurostat(_Method):
    """The assessment of Eurostat's EU SDG monitoring report.

    With a target, the ratio of the actual to the required growth rate,
    ``RoR = d * CAGR(y0, yt, t - t0) / |CAGR(y0, yT, T - t0)|`` (the published
    ``CAGR_actual / CAGR_required`` whenever the target lies beyond the base
    value, the direction of improvement made explicit): ``RoR >= 0.95``
    significant progress, ``0.6 <= RoR < 0.95`` moderate progress,
    ``0 <= RoR < 0.6`` insufficient progress, ``RoR < 0`` movement away.
    Without a target, the growth rate in the direction of improvement
    against fixed bands of ``trend_threshold`` (1 %) a year: ``>= 1 %``
    significant progress, ``0 to 1 %`` moderate progress, ``-1 % to 0``
    moderate movement away, ``< -1 %`` significant movement away. Lower
    bounds are inclusive.

    ``horizon`` is ``"long"`` (15 years, the default) or ``"short"`` (the
    last 5 years); a period of another length is assessed all the same, with
    a warning. Growth rates follow the conventions of :class:`OpenSDG`
    (zero replaced by 0.001, negative series flipped, mixed signs not
    available).

    >>> progress = Eurostat(horizon="short").assess(
    ...     base_value=100, base_year=2019, current_value="95.09900499", current_year=2024)
    >>> progress.status, progress.value
    ('moderate_movement_away', Decimal('-0.01'))
    """

    horizon: str = attrs.field(default="long", converter=_horizon)
    thresholds: tuple[Exact, Exact] = attrs.field(
        default=(Decimal("0.95"), Decimal("0.6")), converter=_eurostat_thresholds, kw_only=True
    )
    trend_threshold: Exact = attrs.field(
        default=Decimal("0.01"), converter=_eurostat_step, kw_only=True
    )
    zero_replacement: Exact = attrs.field(
        default=Decimal("0.001"), converter=_eurostat_zero, kw_only=True
    )

    __repr__ = _method_repr

    @property
    def horizon_years(self) -> int:
        """15 for the long-term horizon, 5 for the short-term one."""
        return _HORIZONS[self.horizon]

    name = "eurostat"
    needs_target = False

    def _settings(self) -> dict[str, object]:
        return {
            "horizon": self.horizon,
            "horizon_years": self.horizon_years,
            "zero_replacement": self.zero_replacement,
        }

    def _judge(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        assert inputs.base_year is not None
        assert inputs.current_year is not None
        years = inputs.current_year - inputs.base_year
        if years != self.horizon_years:
            warnings.append(
                f"the period {inputs.base_year}-{inputs.current_year} covers {years} years; "
                f"Eurostat's {self.horizon}-term assessment covers {self.horizon_years} "
                f"years (from {inputs.current_year - self.horizon_years} to {inputs.current_year})"
            )
        if inputs.target_value is not None:
            upper, lower = self.thresholds
            ratio_bands: tuple[tuple[Exact, str], ...] = (
                (upper, "significant_progress"),
                (lower, "moderate_progress"),
                (_ZERO, "insufficient_progress"),
            )
            # Eurostat publishes no "target achieved": a met target is judged by its ratio.
            return _target_ratio(
                "eurostat",
                inputs,
                self.zero_replacement,
                ratio_bands,
                "movement_away",
                parameters,
                warnings,
                achieved=False,
            )
        step = self.trend_threshold
        negative_step = normal(-to_fraction(step))
        bands: tuple[tuple[Exact, str], ...] = (
            (step, "significant_progress"),
            (_ZERO, "moderate_progress"),
            (negative_step, "moderate_movement_away"),
        )
        parameters["thresholds"] = (step, _ZERO, negative_step)
        series = _series(inputs, self.zero_replacement, parameters, warnings, with_target=False)
        if series is None:
            warnings.append(_SIGN_WARNING)
            return _outcome("eurostat", "not_available", None, parameters, warnings, "sign_change")
        growth, _, _ = _growth_rates(series, inputs)
        parameters["growth"] = growth
        pace = _improvement(growth, series.orientation)
        status = _band(pace, bands, "significant_movement_away")
        return _outcome("eurostat", status, pace, parameters, warnings)


# --------------------------------------------------------------------------- UNSD


def _unsd_thresholds(value: object) -> tuple[Exact, Exact]:
    return _pair_field("UNSD", "thresholds", "(0.95, 0.1)")(value)


def _unsd_percent(value: object) -> bool:
    return _flag("UNSD", "percent")(value)


def _unsd_tolerance(value: object) -> Exact:
    return _number_field("UNSD", "tolerance", allow_zero=True)(value)


def _unsd_zero(value: object) -> Exact:
    return _number_field("UNSD", "zero_replacement")(value)


@attrs.frozen(repr=False)
class UNSD(_Method):
    """The progress chart of the UN Statistics Division.

    ``CAGR_a = CAGR(y0, yt, t - t0)``; the value projected at the target
    year at that pace, ``v_T = yt * (1 + CAGR_a) ** (T - t)``; the share of
    the required change it achieves, ``rho = (v_T - y0) / (yT - y0)``:
    ``rho >= 0.95`` on track, ``0.1 <= rho < 0.95`` acceleration needed,
    below that stagnation or regression. A current value that meets the
    target (inclusive) is target achieved. With ``percent=True`` (the
    indicator is a percentage), a target of 0 or 100 counts as achieved
    within ``tolerance`` (1) percentage point of it.

    A target that does not lie beyond the base value in the direction of
    improvement, and is not met, gives stagnation or regression with no
    ratio (``reason="target_not_ahead"``). A zero base value is replaced by
    ``zero_replacement`` in the growth rate (with a warning); ``rho`` is
    measured from the base value as given.

    >>> progress = UNSD().assess(
    ...     base_value=50, base_year=2015, current_value=60, current_year=2020,
    ...     target_value=100, target_year=2030)
    >>> progress.status, progress.value, progress.parameters["projected_value"]
    ('acceleration_needed', Decimal('0.728'), Decimal('86.4'))
    """

    thresholds: tuple[Exact, Exact] = attrs.field(
        default=(Decimal("0.95"), Decimal("0.1")), converter=_unsd_thresholds, kw_only=True
    )
    percent: bool = attrs.field(default=False, converter=_unsd_percent, kw_only=True)
    tolerance: Exact = attrs.field(default=Decimal(1), converter=_unsd_tolerance, kw_only=True)
    zero_replacement: Exact = attrs.field(
        default=Decimal("0.001"), converter=_unsd_zero, kw_only=True
    )

    __repr__ = _method_repr

    name = "unsd"
    needs_target = True

    def _settings(self) -> dict[str, object]:
        upper, lower = self.thresholds
        return {
            "thresholds": (upper, lower),
            "percent": self.percent,
            "tolerance": self.tolerance if self.percent else _ZERO,
            "zero_replacement": self.zero_replacement,
        }

    def _judge(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        upper, lower = self.thresholds
        assert inputs.target_value is not None
        assert inputs.base_value is not None
        assert inputs.current_value is not None
        tolerance = Fraction(0)
        if self.percent and inputs.target_value in (0, 100):
            tolerance = to_fraction(self.tolerance)
        achieved = inputs.achieved(tolerance)
        base, target = to_fraction(inputs.base_value), to_fraction(inputs.target_value)
        current = to_fraction(inputs.current_value)
        if inputs.sign * (target - base) <= 0:
            if achieved:
                return _outcome(
                    "unsd", "target_achieved", None, parameters, warnings, "target_not_ahead"
                )
            warnings.append(
                f"the target {as_text(inputs.target_value)} does not lie beyond the base value "
                f"{as_text(inputs.base_value)} in the direction of improvement: the share of the "
                f"required change is undefined"
            )
            return _outcome(
                "unsd", "stagnation_or_regression", None, parameters, warnings, "target_not_ahead"
            )
        series = _series(inputs, self.zero_replacement, parameters, warnings, with_target=False)
        if series is None:
            if achieved:
                return _outcome(
                    "unsd", "target_achieved", None, parameters, warnings, "sign_change"
                )
            warnings.append(_SIGN_WARNING)
            return _outcome("unsd", "not_available", None, parameters, warnings, "sign_change")
        assert inputs.base_year is not None
        assert inputs.current_year is not None
        assert inputs.target_year is not None
        elapsed = inputs.current_year - inputs.base_year
        ahead = Fraction(inputs.target_year - inputs.current_year, elapsed)
        ratio_so_far = series.current / series.base
        change_needed = target - base

        def compute() -> tuple[Decimal, ...]:
            growth = _power_minus_one(ratio_so_far, Fraction(1, elapsed))
            projected = _dec(current) * (1 + _power_minus_one(ratio_so_far, ahead))
            share = (projected - _dec(base)) / _dec(change_needed)
            return growth, projected, share

        growth, projected, share = _settled(compute)
        parameters["growth"] = growth
        parameters["projected_value"] = projected
        if achieved:
            return _outcome("unsd", "target_achieved", share, parameters, warnings)
        bands = ((upper, "on_track"), (lower, "acceleration_needed"))
        return _outcome(
            "unsd", _band(share, bands, "stagnation_or_regression"), share, parameters, warnings
        )


# --------------------------------------------------------------------------- linear pro-rating


@attrs.frozen(repr=False)
class LinearProRating(_Method):
    """The simple mid-term check: the level expected by now on a straight line.

    ``expected = y0 + (yT - y0) * (t - t0) / (T - t0)``; on track when the
    current value is at or beyond it in the direction of improvement, target
    achieved when it meets the target (inclusive). Everything is exact.

    ``value`` is the share of the change expected by now that has happened,
    ``(yt - y0) / (expected - y0)`` (on track exactly when it is at least 1);
    None when the target does not lie beyond the base value in the direction
    of improvement. ``parameters`` also holds ``expected``, ``elapsed`` (the
    share of the term gone by) and ``attainment``, the plain ratio ``yt / yT``
    (``yT / yt`` where lower is better; None unless both are positive).

    >>> progress = LinearProRating().assess(
    ...     base_value=50, base_year=2020, current_value=60, current_year=2023,
    ...     target_value=70, target_year=2025)
    >>> progress.status, progress.value, progress.parameters["expected"]
    ('off_track', Fraction(5, 6), Decimal('62'))
    """

    __repr__ = _method_repr

    name = "linear"
    needs_target = True

    def _settings(self) -> dict[str, object]:
        return {}

    def _judge(
        self, inputs: _Inputs, parameters: dict[str, object], warnings: list[str]
    ) -> Progress:
        assert inputs.base_value is not None
        assert inputs.current_value is not None
        assert inputs.target_value is not None
        assert inputs.base_year is not None
        assert inputs.current_year is not None
        assert inputs.target_year is not None
        base = to_fraction(inputs.base_value)
        current = to_fraction(inputs.current_value)
        target = to_fraction(inputs.target_value)
        sign = inputs.sign
        elapsed = Fraction(
            inputs.current_year - inputs.base_year, inputs.target_year - inputs.base_year
        )
        expected = base + (target - base) * elapsed
        parameters["elapsed"] = normal(elapsed)
        parameters["expected"] = normal(expected)
        attainment = None
        if current > 0 and target > 0:
            attainment = normal(current / target if sign > 0 else target / current)
        parameters["attainment"] = attainment
        value: Exact | None = None
        why: str | None = None
        if sign * (target - base) > 0:
            value = normal((current - base) / (expected - base))
        else:
            why = "target_not_ahead"
        if inputs.achieved():
            return _outcome("linear", "target_achieved", value, parameters, warnings, why)
        if why is not None:
            warnings.append(
                f"the target {as_text(inputs.target_value)} does not lie beyond the base value "
                f"{as_text(inputs.base_value)} in the direction of improvement: there is no "
                f"share of the expected change to report"
            )
        status = "on_track" if sign * (current - expected) >= 0 else "off_track"
        return _outcome("linear", status, value, parameters, warnings, why)


ProgressMethod: TypeAlias = OpenSDG | Eurostat | UNSD | LinearProRating
"""Any of the progress methods."""

_BY_NAME: dict[str, Callable[[], ProgressMethod]] = {
    "linear": LinearProRating,
    "open_sdg": OpenSDG,
    "eurostat": Eurostat,
    "unsd": UNSD,
}


def method(spec: object) -> ProgressMethod:
    """The progress method named by *spec*, with its published defaults.

    *spec* is ``"linear"``, ``"open_sdg"``, ``"eurostat"`` or ``"unsd"``; a
    configured method object such as ``OpenSDG(limit=100)`` (or any object
    with an ``assess`` method of the same signature) is returned unchanged.

    >>> method("open_sdg")
    OpenSDG()
    """
    if isinstance(spec, str):
        make = _BY_NAME.get(spec)
        if make is not None:
            return make()
        import difflib

        names = ", ".join(map(repr, _BY_NAME))
        close = difflib.get_close_matches(spec.lower().replace("-", "_"), _BY_NAME, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InvalidArgumentError(
            f"method({spec!r}) is not a progress method; use one of {names}{hint}"
        )
    if callable(getattr(spec, "assess", None)):
        return cast(ProgressMethod, spec)
    raise InvalidArgumentTypeError(
        f"method() takes a method name such as 'open_sdg' or a method object such as "
        f"OpenSDG(limit=100), got {spec!r}"
    )


# --------------------------------------------------------------------------- explanations

_METHOD_NAMES = {
    "open_sdg": ("Open SDG method", "phương pháp Open SDG"),
    "eurostat": ("Eurostat method", "phương pháp Eurostat"),
    "unsd": ("UNSD progress chart", "biểu đồ tiến độ UNSD"),
    "linear": ("linear pro-rating", "tính tuyến tính theo thời gian"),
}

_LABELS = {
    ("", "target_achieved"): ("target achieved", "Đã đạt mục tiêu"),
    ("", "not_available"): ("not available", "Không đánh giá được"),
    ("open_sdg", "substantial_progress"): (
        "substantial progress, on track",
        "Tiến bộ đáng kể, đúng tiến độ",
    ),
    ("open_sdg", "moderate_progress"): (
        "moderate progress, acceleration needed",
        "Có tiến bộ nhưng cần tăng tốc",
    ),
    ("open_sdg", "limited_progress"): ("limited progress", "Tiến bộ hạn chế"),
    ("open_sdg", "deterioration"): ("deterioration", "Thụt lùi"),
    ("eurostat", "significant_progress"): ("significant progress", "Tiến bộ đáng kể"),
    ("eurostat", "moderate_progress"): ("moderate progress", "Tiến bộ vừa phải"),
    ("eurostat", "insufficient_progress"): ("insufficient progress", "Tiến bộ chưa đủ"),
    ("eurostat", "movement_away"): ("movement away from the target", "Xa dần mục tiêu"),
    ("eurostat", "moderate_movement_away"): ("moderate movement away", "Đi ngược hướng ở mức vừa"),
    ("eurostat", "significant_movement_away"): (
        "significant movement away",
        "Đi ngược hướng rõ rệt",
    ),
    ("unsd", "on_track"): ("on track", "Đúng tiến độ"),
    ("unsd", "acceleration_needed"): ("acceleration needed", "Cần tăng tốc"),
    ("unsd", "stagnation_or_regression"): ("stagnation or regression", "Trì trệ hoặc thụt lùi"),
    ("linear", "on_track"): ("on track", "Đúng tiến độ"),
    ("linear", "off_track"): ("behind schedule", "Chậm so với tiến độ"),
}

_REASONS = {
    "missing_data": (
        "a base or current value or year is missing",
        "thiếu giá trị hoặc năm gốc hay hiện tại",
    ),
    "single_year": (
        "the base and current values are from the same year; two years of data are needed",
        "giá trị gốc và giá trị hiện tại cùng một năm; cần số liệu của hai năm",
    ),
    "sign_change": (
        "the values do not all have the same sign, so no growth rate can be computed",
        "các giá trị không cùng dấu nên không tính được tốc độ tăng trưởng",
    ),
    "target_at_base": (
        "the target equals the base value, so the growth it needs is zero",
        "mục tiêu bằng giá trị gốc nên tốc độ cần thiết bằng 0",
    ),
    "target_not_ahead": (
        "the target does not lie beyond the base value in the direction of improvement",
        "mục tiêu không nằm xa hơn giá trị gốc theo hướng cải thiện",
    ),
}


def _number(value: object, lang: str) -> str:
    assert isinstance(value, Decimal | Fraction)
    places = decimal_places(value)
    return format_number(value, lang, 2 if places is None else min(max(places, 2), 6))


_HUGE = 10**15


def _percent(value: Exact, lang: str, cutoffs: object) -> str:
    """*value* as a percentage, with enough decimals not to look like a cut-off it is not."""
    hundredfold = to_fraction(value) * 100
    if abs(hundredfold) >= _HUGE:  # a runaway ratio: three significant digits say enough
        text = format(_ROUNDED.divide(hundredfold.numerator, hundredfold.denominator), ".2E")
        return (text.replace(".", ",") if lang == "vi" else text) + "%"
    marks = {to_fraction(c) * 100 for c in cutoffs} if isinstance(cutoffs, tuple) else set()
    places = 2
    while places < 12:
        shown = to_fraction(round_display(normal(hundredfold), places))
        misleading = shown != hundredfold and (shown in marks or shown == 0)
        if not misleading:
            break
        places += 1
    return format_number(normal(hundredfold), lang, places) + "%"


def _detail(progress: Progress, lang: str) -> str:
    vi = lang == "vi"
    p = progress.parameters
    if progress.status == "not_available":
        return _REASONS[progress.reason or "missing_data"][vi]
    if progress.status == "target_achieved":
        current, target = _number(p["current_value"], lang), _number(p["target_value"], lang)
        year = p["target_year"]
        if vi:
            return f"{current} so với mục tiêu {target} năm {year}"
        return f"{current} against a target of {target} for {year}"
    value = progress.value
    if progress.method == "linear":
        current, expected = _number(p["current_value"], lang), _number(p["expected"], lang)
        target, now, due = _number(p["target_value"], lang), p["current_year"], p["target_year"]
        if vi:
            return (
                f"{current} năm {now} so với mức {expected} cần đạt theo lộ trình đều "
                f"đến {target} năm {due}"
            )
        return (
            f"{current} in {now} against {expected} expected by then on a straight line "
            f"to {target} in {due}"
        )
    if value is None:
        return _REASONS[progress.reason or "target_not_ahead"][vi]
    shown = _percent(value, lang, p.get("thresholds"))
    if progress.method == "unsd":
        due = p["target_year"]
        if vi:
            return f"với tốc độ hiện nay, dự kiến đạt {shown} mức thay đổi cần thiết vào năm {due}"
        return f"at the current pace, {shown} of the required change is projected by {due}"
    if p.get("target_value") is not None:
        if vi:
            return f"tốc độ tăng trưởng đạt {shown} tốc độ cần thiết để đạt mục tiêu"
        return f"the growth so far is {shown} of the growth the target needs"
    if value == 0:
        return "không đổi" if vi else "unchanged"
    size = _percent(value if value > 0 else -value, lang, p.get("thresholds"))
    if value > 0:
        return f"cải thiện {size} mỗi năm" if vi else f"improving by {size} a year"
    return f"xấu đi {size} mỗi năm" if vi else f"worsening by {size} a year"
