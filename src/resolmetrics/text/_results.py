"""Results as people write them: "99,2%", "33/52 = 63,5%", "3.745.356 triệu đồng", "HTNV"."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from resolmetrics.errors import (
    InconsistentResultWarning,
    InvalidArgumentError,
    InvalidArgumentTypeError,
    InvalidResultError,
    InvalidTargetError,
    ParseError,
    shown,
)
from resolmetrics.numbers import Exact, as_text, decimal_places
from resolmetrics.results import Result

from . import _vocabulary as vocabulary
from ._numbers import check_lang, parse_number
from ._parser import detect_language
from ._tokenizer import Token, tokenize

__all__ = ["parse_result"]

_MISMATCH = ("error", "warn")


def parse_result(
    text: str,
    lang: str | None = None,
    *,
    period: int | None = None,
    entity: str | None = None,
    mismatch: str = "error",
) -> Result:
    """Read one result (see :meth:`resolmetrics.Result.parse`).

    A figure resolmetrics cannot hold (beyond its range) is a ParseError too.
    """
    try:
        return _parse_result(text, lang, period=period, entity=entity, mismatch=mismatch)
    except (InvalidResultError, InvalidTargetError) as exc:
        raise ParseError(str(exc), text, 0) from None


def _parse_result(
    text: str,
    lang: str | None = None,
    *,
    period: int | None = None,
    entity: str | None = None,
    mismatch: str = "error",
) -> Result:
    """Read one result (see :meth:`resolmetrics.Result.parse`)."""
    if not isinstance(text, str):
        raise InvalidArgumentTypeError(f"Result.parse(text) takes a str, got {shown(text)}")
    lang = check_lang(lang, optional=True)
    if mismatch not in _MISMATCH:
        raise InvalidArgumentError(
            f"Result.parse(mismatch) must be 'error' or 'warn', got {mismatch!r}"
        )
    tokens = tokenize(text)
    words_lang = lang or detect_language(tokens)
    if not tokens:
        raise ParseError("expected a result such as '99,2%', '33/52 = 63,5%' or 'HTNV'", text, 0)
    first = tokens[0]
    if first.kind == "WORD":
        return _rating(text, tokens, words_lang or "vi", period, entity)

    def number(token: Token) -> Exact:
        _check_marks(text, tokens, tokens.index(token), lang or words_lang)
        if token.kind != "NUMBER":
            raise ParseError("expected a number", text, token.start)
        try:
            return parse_number(token.text, lang or words_lang)
        except ParseError as exc:
            raise ParseError(exc.message, text, token.start) from None

    negative = first.kind == "DASH" and len(tokens) > 1
    at = 1 if negative else 0
    value = number(tokens[at])
    at += 1
    if at + 1 < len(tokens) and tokens[at].kind == "SLASH" and tokens[at + 1].kind == "NUMBER":
        if negative:
            raise ParseError("a count out of a total is not negative", text, first.start)
        numerator, denominator = value, number(tokens[at + 1])
        if numerator != int(numerator) or denominator != int(denominator) or denominator == 0:
            raise ParseError(
                "expected whole counts in 'a/b', with b above 0", text, tokens[at - 1].start
            )
        result = Result.ratio(int(numerator), int(denominator), period=period, entity=entity)
        at += 2
        if at < len(tokens):
            stated, at = _stated_percent(text, tokens, at, number)
            _check(text, tokens, result, stated, mismatch)
        _end(text, tokens, at)
        return result
    if negative:  # exact: a Decimal's unary minus would round to the context's precision
        value = value.copy_negate() if isinstance(value, Decimal) else -value
    unit = None
    if at < len(tokens) and tokens[at].kind == "PERCENT":
        unit, at = "percent", at + 1
    elif at < len(tokens):
        found = _match(tokens, at, vocabulary.UNITS)
        if found is None:
            examples = _UNIT_EXAMPLES["en" if (lang or words_lang) == "en" else "vi"]
            raise ParseError(
                f"expected a unit such as {examples} after the number", text, tokens[at].start
            )
        unit, at = found[0], at + found[1]
        if unit == "percentage points":
            unit = "percent"
    _end(text, tokens, at)
    return Result(value, unit, period=period, entity=entity)


# Units the vocabulary reads, as a result in each language may write them.
_UNIT_EXAMPLES = {
    "vi": "'%', 'triệu đồng' or 'đảng viên'",
    "en": "'%', 'million VND' or 'members'",
}

_MARKS = frozenset(".,")


def _check_marks(text: str, tokens: list[Token], at: int, lang: str | None) -> None:
    """A number's digits and marks are written one after another: "86..2" is no number.

    The tokenizer reads "86..2" as the number 86, two marks and the number
    2; written without spaces between them, they are one malformed number.
    """

    def mark(index: int) -> bool:
        return tokens[index].kind == "PUNCT" and tokens[index].text in _MARKS

    def touches(index: int) -> bool:  # written right after the token before it
        return index < len(tokens) and tokens[index].start == tokens[index - 1].end

    first = tokens[at]
    if mark(at) and touches(at + 1) and tokens[at + 1].kind == "NUMBER":  # ".5"
        written = first.text + tokens[at + 1].text
        raise ParseError(
            f"{written!r} is not a number: write a digit before the mark, such as '0{written}'",
            text,
            first.start,
        )
    if first.kind != "NUMBER":
        return
    end = at + 1
    while touches(end) and (mark(end) or tokens[end].kind == "NUMBER"):
        end += 1
    if end == at + 1:
        return
    written = text[first.start : tokens[end - 1].end]
    second = next((index for index in range(at + 2, end) if mark(index - 1) and mark(index)), None)
    if second is None:  # "86." then a space, a unit or the end
        raise ParseError(
            f"{written!r} is not a number: no digit after the mark", text, tokens[at + 1].start
        )
    hint = ""
    fixed = re.sub(r"([.,])[.,]+", r"\1", written)
    try:
        parse_number(fixed, lang)
    except ParseError:
        pass
    else:
        hint = f"; did you mean {fixed!r}?"
    raise ParseError(
        f"{written!r} is not a number: two marks in a row{hint}", text, tokens[second].start
    )


def _stated_percent(
    text: str, tokens: list[Token], at: int, number: Callable[[Token], Exact]
) -> tuple[Exact, int]:
    """'= 63,5%' or '(63,5%)' after a ratio: the percentage the text states."""
    opened = tokens[at].kind == "OPEN"
    if tokens[at].kind not in ("EQUALS", "OPEN"):
        raise ParseError("expected '= 63,5%' after the ratio", text, tokens[at].start)
    at += 1
    if at >= len(tokens):
        raise ParseError("expected the percentage", text, len(text))
    stated = number(tokens[at])
    at += 1
    if at >= len(tokens) or tokens[at].kind != "PERCENT":
        raise ParseError("expected '%' after the percentage", text, _at(text, tokens, at))
    at += 1
    if opened:
        if at >= len(tokens) or tokens[at].kind != "CLOSE":
            raise ParseError("expected ')'", text, _at(text, tokens, at))
        at += 1
    return stated, at


def _check(text: str, tokens: list[Token], result: Result, stated: Exact, mismatch: str) -> None:
    """The stated percentage must be the exact share rounded to the decimals it shows."""
    places = _written_places(stated)
    exact_share = Fraction(result.value)
    if abs(exact_share - Fraction(stated)) <= Fraction(1, 2 * 10**places):
        return
    n, d = result.ratio_of  # type: ignore[misc]
    message = (
        f"{n}/{d} is {_shown(exact_share)}%, which does not round to the stated "
        f"{as_text(stated)}%; check the counts or the percentage"
    )
    if mismatch == "error":
        raise ParseError(message, text, tokens[0].start)
    warnings.warn(f"{shown(text)}: {message}; the exact ratio is kept", InconsistentResultWarning,
                  stacklevel=5)  # fmt: skip


def _written_places(value: Exact) -> int:
    """The decimals a stated figure was written with: "3,0" has one, "86,900" three."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return max(-exponent, 0) if isinstance(exponent, int) else 0
    return decimal_places(value) or 0


def _shown(value: Fraction) -> str:
    from resolmetrics.numbers import round_display

    return format(round_display(value, 4, "ROUND_HALF_UP").normalize(), "f")


def _rating(
    text: str, tokens: list[Token], lang: str, period: int | None, entity: str | None
) -> Result:
    for table in (vocabulary.RATINGS[lang], vocabulary.RATINGS["vi"], vocabulary.RATINGS["en"]):
        found = _match(tokens, 0, table)
        if found is not None:
            _end(text, tokens, found[1])
            return Result(found[0], period=period, entity=entity)
    return Result(" ".join(text.split()), period=period, entity=entity)  # another scale's level


def _match(
    tokens: list[Token], at: int, table: dict[tuple[str, ...], str]
) -> tuple[str, int] | None:
    first = tokens[at].key if at < len(tokens) else None
    for phrase, meaning in table.items():
        if phrase and phrase[0] != first:  # most phrases fail on their first word: say so fast
            continue
        words = tokens[at : at + len(phrase)]
        if len(words) == len(phrase) and all(
            t.key == w for t, w in zip(words, phrase, strict=True)
        ):
            return meaning, len(phrase)
    return None


def _at(text: str, tokens: list[Token], at: int) -> int:
    return tokens[at].start if at < len(tokens) else len(text)


def _end(text: str, tokens: list[Token], at: int) -> None:
    if at < len(tokens):
        raise ParseError("expected nothing more after the result", text, tokens[at].start)
