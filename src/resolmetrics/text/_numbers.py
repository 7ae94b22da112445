"""Numbers as people write them, read through Babel's locale data.

Vietnamese writes "3.745.356,5" (dots group thousands, a comma marks the
decimals); English writes "3,745,356.5". A number that reads differently in
the two and is given without a language is never guessed: it is a
ParseError naming both readings.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from resolmetrics import numbers
from resolmetrics.errors import (
    InvalidArgumentTypeError,
    ParseError,
    ResolmetricsError,
    shown,
)
from resolmetrics.numbers import MAX_EXPONENT, Exact, exact

if TYPE_CHECKING:
    from babel.numbers import NumberFormatError as NumberFormatError

__all__ = ["LANGS", "check_lang", "parse_number", "plain_number"]

LANGS = ("vi", "en")  # Vietnamese first: the order in which the text layer tries them


def check_lang(lang: object, *, optional: bool = False) -> str | None:
    """*lang* if it is a supported language (or None where that is allowed)."""
    return numbers.check_lang(lang, optional=optional, first="vi")


_WRITTEN = frozenset("0123456789.,-+ \u00a0\u202f")


def _read(text: str, lang: str) -> Decimal:
    plain = plain_number(text, lang)
    if plain is not None:  # what Babel reads it as, without asking Babel
        return plain
    from decimal import localcontext

    from babel.numbers import NumberFormatError, parse_decimal

    if not text or not set(text) <= _WRITTEN:  # digits and marks only: no "nan", "1e5", "²"
        raise NumberFormatError(f"{shown(text)} is not written with digits and marks")
    try:
        with localcontext() as context:  # Babel checks grouping by formatting: keep every digit
            context.prec = 4 * MAX_EXPONENT
            return parse_decimal(text, locale=_locale(lang), strict=True)
    except NumberFormatError:
        raise
    except Exception as exc:  # Babel's other complaints about malformed text
        raise NumberFormatError(str(exc)) from None


@functools.cache
def _locale(lang: str) -> Any:
    """The Babel locale of *lang*, built once (Babel builds one per call from its name)."""
    from babel import Locale

    return Locale.parse(numbers.LOCALES[lang])


_PLACES = 30  # at most this many digits before and after the mark on the plain path


@functools.cache
def _plain_pattern(lang: str) -> tuple[re.Pattern[str], str, str]:
    """The pattern of a plain number in *lang*, its group mark and its decimal mark.

    Plain: digits, either not grouped or grouped by threes after a first
    group of one to three digits that does not start with 0, then
    optionally the decimal mark and digits. Babel reads any such text, with
    strict grouping, as the digits with the marks taken out (and anything
    else the slow way, which says what is wrong).
    """
    group, point, _ = numbers.symbols(lang)
    g, p = re.escape(group), re.escape(point)
    pattern = re.compile(
        rf"(?:[0-9]{{1,{_PLACES}}}|[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}}){{1,{_PLACES // 3 - 1}}})"
        rf"(?:{p}[0-9]{{1,{_PLACES}}})?"
    )
    return pattern, group, point


def plain_number(text: str, lang: str) -> Decimal | None:
    """*text* as a Decimal when it is a plain number in *lang*, else None.

    A plain number ("3.745.356,5" or "99,2" in Vietnamese, "3,745,356.5" in
    English; no sign, no space, at most 30 digits on either side of the
    decimal mark) is read as :func:`parse_number` reads it in *lang*; for
    any other text the answer is None, and parse_number says what it makes
    of it.

    >>> plain_number("2.046", "vi"), plain_number("2.046", "en")
    (Decimal('2046'), Decimal('2.046'))
    >>> plain_number("1.23.456", "vi") is None
    True
    """
    pattern, group, point = _plain_pattern(lang)
    if pattern.fullmatch(text) is None:
        return None
    return Decimal(text.replace(group, "").replace(point, "."))


def parse_number(text: str, lang: str | None = None) -> Exact:
    """A number written as people write it in *lang* ("vi" or "en"), exactly.

    >>> parse_number("3.745.356", "vi")
    Decimal('3745356')
    >>> parse_number("99,2", "vi")
    Decimal('99.2')
    >>> parse_number("2,046", "en")
    Decimal('2046')

    With ``lang=None`` a number is read only when both languages read it
    the same way ("95", "1.234,5" is Vietnamese only); "2.046" is two
    thousand and forty-six in Vietnamese and two point zero four six in
    English, so it is a :class:`ParseError` asking for the language.
    """
    if not isinstance(text, str):
        raise InvalidArgumentTypeError(f"parse_number(text) takes a str, got {shown(text)}")
    lang = check_lang(lang, optional=True)
    source = text.strip()
    start = text.find(source) if source else 0
    too_long = numbers.text_digits_problem(source)  # before Babel, whose work grows with them
    if too_long is not None:
        raise ParseError(f"parse_number(text)={shown(source)} {too_long}", text, start)
    languages = LANGS if lang is None else (lang,)
    readings: dict[str, Decimal] = {}
    problems: dict[str, list[str]] = {}
    for each in languages:
        try:
            readings[each] = _read(source, each)
        except Exception as exc:
            problems[each] = list(getattr(exc, "suggestions", None) or [])
    if not readings:
        expected = {
            "vi": "a number such as '3.745.356' or '99,2'",
            "en": "a number such as '3,745,356' or '99.2'",
        }
        wanted = " or ".join(expected[each] for each in languages)
        hint = ""
        suggestions = _suggestions(problems)
        if suggestions:
            hint = f"; did you mean {suggestions}?"
        raise ParseError(f"expected {wanted}{hint}", text, start)
    values = set(readings.values())
    if len(values) > 1:
        vi, en = readings["vi"], readings["en"]
        raise ParseError(
            f"{shown(source)} is {_plain(vi)} in Vietnamese and {_plain(en)} in English; "
            "say which with lang='vi' or lang='en'",
            text,
            start,
        )
    value = values.pop()
    try:
        return exact(value, argument="parse_number(text)")
    except ResolmetricsError as exc:  # out of the range resolmetrics reads
        raise ParseError(str(exc), text, start) from None


def _suggestions(problems: dict[str, list[str]]) -> str:
    """Babel's suggestions for a number it could not read: "'1.2345' or '1,234.5'"."""
    suggestions = [s for found in problems.values() for s in found]
    return " or ".join(repr(s) for s in dict.fromkeys(suggestions))


def _plain(value: Decimal) -> str:
    return format(value, "f")
