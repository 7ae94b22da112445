"""Text-layer invariants: any text is read or rejected with a ParseError, targets and
numbers read back from the text the library writes, a ratio's stated share is checked
exactly, and the parser's work grows linearly with its input.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.numbers import decimal_places, format_number, normal, round_display
from resolmetrics.strategies import exact_numbers, indicators, rules, targets
from resolmetrics.text import _vocabulary as vocabulary
from resolmetrics.text._parser import _Parser
from resolmetrics.text._tokenizer import tokenize

FAST = settings(max_examples=150, deadline=None)
FUZZ = settings(max_examples=400, deadline=None)
LANGS = st.sampled_from(("vi", "en"))
ANY_LANG = st.sampled_from(("vi", "en", None))

# --------------------------------------------------------------------------- texts to fuzz with

_TABLES = (
    vocabulary.PREFIXES,
    vocabulary.SUFFIXES,
    vocabulary.RANGE_JOINERS,
    vocabulary.PER_YEAR,
    vocabulary.DUE,
    vocabulary.MEASURES,
    vocabulary.PLAN,
    vocabulary.RATINGS,
)
#: Every phrase of the vocabulary, in both languages, as text ("trở lên", "/ năm").
PHRASES = sorted(
    {" ".join(p) for table in _TABLES for lang in ("vi", "en") for p in table[lang]}
    | {" ".join(p) for p in vocabulary.UNITS}
    | {"HTXSNV", "HTTNV", "HTNV", "KHTNV", "tổ chức cơ sở đảng", "of", "the", "Trên"}
)
_WRITTEN = st.builds(
    format_number,
    st.one_of(
        exact_numbers(places=4),
        exact_numbers(min_value=-100, max_value=100, places=3),
    ),
    LANGS,
    st.integers(0, 4),
)
NUMBERS = st.one_of(
    _WRITTEN,
    st.integers(-(10**12), 10**12).map(str),
    st.from_regex(r"-?[0-9]{1,13}([.,][0-9]{1,4}){0,4}", fullmatch=True),
    st.builds("{}/{}".format, st.integers(0, 10**6), st.integers(0, 10**6)),
    st.integers(1900, 2200).map(str),
    st.integers(100, 130).map(lambda n: "9" * n),  # beyond the 1e100 numbers are read up to
    st.sampled_from(
        ["2.046", "2,046", "1/3", "100/3", "0/0", "2020-2025", "1e5", "1E+500", "nan", "NaN",
         "inf", "Infinity", "-Infinity", "sNaN", "٣٤", "१२", "１２", "²", "½", "Ⅻ", "0,0"]
    ),
)  # fmt: skip
MARKS = st.sampled_from([*"%‰/-–—=()[],;:.!?…+*", "\n", "\t", "\u00a0"])
PIECES = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(PHRASES).map(str.upper),
    NUMBERS,
    MARKS,
    st.text(max_size=4),
)


@st.composite
def _built_texts(draw: st.DrawFn, max_pieces: int = 14) -> str:
    pieces = draw(st.lists(PIECES, max_size=max_pieces))
    gaps = draw(st.lists(st.sampled_from(["", " ", "  "]), min_size=len(pieces),
                         max_size=len(pieces)))  # fmt: skip
    return "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True))


TEXTS = st.one_of(st.text(), _built_texts())


@FUZZ
@given(TEXTS, ANY_LANG)
def test_parse_target_reads_any_text_or_raises_parse_error(text, lang):
    """Any text (arbitrary characters, or the vocabulary's phrases mixed with numbers,
    marks and noise), with lang "vi", "en" or None, gives a TargetSpec or raises
    ParseError: never another exception (no TypeError, InvalidTargetError ... escapes)."""
    try:
        spec = rm.parse_target(text, lang)
    except rm.ParseError:
        return
    assert isinstance(spec, rm.TargetSpec)


@FUZZ
@given(st.one_of(TEXTS, NUMBERS), ANY_LANG)
def test_parse_number_reads_any_text_or_raises_parse_error(text, lang):
    """Any text (arbitrary characters, vocabulary mixed with numbers, marks and noise, or
    a number alone, including "nan", "1e500" and 120 digits), with lang "vi", "en" or None,
    gives an exact number (Decimal or Fraction) or raises ParseError: never another
    exception."""
    try:
        value = rm.parse_number(text, lang)
    except rm.ParseError:
        return
    assert isinstance(value, Decimal | Fraction)


@FUZZ
@given(st.one_of(TEXTS, NUMBERS, NUMBERS.map(lambda n: n + "%")), ANY_LANG)
def test_result_parse_reads_any_text_or_raises_parse_error(text, lang):
    """Any text (arbitrary characters, vocabulary mixed with numbers, marks and noise, or
    a number alone or with "%"), with lang "vi", "en" or None, gives a Result or raises
    ParseError: never another exception."""
    try:
        result = rm.Result.parse(text, lang)
    except rm.ParseError:
        return
    assert isinstance(result, rm.Result)


# --------------------------------------------------------------------------- round trips

ALL_TARGETS = st.one_of(
    targets(due=None),
    targets(indicators=indicators(limits=False)),  # negative bounds too
    rules(),
)


def _rule(target: rm.Target | rm.Rule) -> rm.Rule:
    return target if isinstance(target, rm.Rule) else target.rule


@FAST
@given(ALL_TARGETS, LANGS)
def test_a_target_with_decimal_or_rated_bounds_reads_back_from_its_text(target, lang):
    """For every target (or bare rule) the strategies draw whose bounds are decimals or
    rating levels, in either language, parse_target(format_target(t, lang), lang).rule is
    t.rule: the kind and every bound exactly ("từ 98,5% trở lên", "between 3% and 5%",
    "từ HTNV đến HTTNV", "dưới -1.250,125")."""
    rule = _rule(target)
    assume(not any(isinstance(bound, Fraction) for bound in rule.bounds))
    text = rm.format_target(target, lang)
    note(f"text: {text!r}")
    assert rm.parse_target(text, lang).rule == rule


_FRACTIONS = st.builds(
    Fraction, st.integers(-(10**6), 10**6), st.sampled_from((3, 6, 7, 9, 11, 12, 13, 30, 97, 360))
).filter(lambda f: not isinstance(normal(f), Decimal))
_FACTORIES = {
    rm.Kind.AT_LEAST: rm.at_least,
    rm.Kind.ABOVE: rm.above,
    rm.Kind.AT_MOST: rm.at_most,
    rm.Kind.BELOW: rm.below,
    rm.Kind.EXACTLY: rm.exactly,
}
FRACTION_RULES = st.one_of(
    st.builds(lambda make, bound: make(bound), st.sampled_from(list(_FACTORIES.values())),
              _FRACTIONS),
    st.builds(lambda a, b: rm.between(*sorted((a, b))), _FRACTIONS,
              st.one_of(_FRACTIONS, exact_numbers(min_value=-(10**6), max_value=10**6))),
)  # fmt: skip


@FAST
@given(st.one_of(FRACTION_RULES, targets(rules=FRACTION_RULES)), LANGS)
def test_a_target_with_fraction_bounds_reads_back_exactly(target, lang):
    """A bound with no finite decimal expansion is written as the reduced fraction
    "p/q" (1/3 is written "1/3", -1/3 as "-1/3", 100/3 as "100/3": never a rounded
    33.33), and parse_target reads it back exactly: the rule read equals t.rule, in
    both languages."""
    rule = _rule(target)
    text = rm.format_target(target, lang)
    note(f"text: {text!r}")
    for bound in rule.bounds:
        if isinstance(bound, Fraction):
            assert f"{bound.numerator}/{bound.denominator}" in text
    assert rm.parse_target(text, lang).rule == rule


NUMBERS_TO_WRITE = st.one_of(
    exact_numbers(),  # within 10**12 of zero, 2 decimals
    exact_numbers(min_value=-1000, max_value=1000, places=8),
    # large ones, grouped: well within the 1e-100 to 1e100 that resolmetrics reads
    exact_numbers(min_value=10**15, max_value=10**40, places=12),
    exact_numbers(min_value=-(10**40), max_value=-(10**15), places=12),
)


@FAST
@given(NUMBERS_TO_WRITE, LANGS)
def test_a_number_written_for_a_language_reads_back_in_that_language(value, lang):
    """A decimal written by format_number(value, lang, places) with places enough to be
    exact, grouping included ("-1.234.567,125" in vi, "-1,234,567.125" in en), reads
    back with parse_number(text, lang) as the same number."""
    text = format_number(value, lang, decimal_places(value))
    note(f"text: {text!r}")
    assert rm.parse_number(text, lang) == value


# --------------------------------------------------------------------------- stated shares


def _written(value: Decimal, places: int, lang: str) -> str:
    """*value* with exactly *places* decimals (trailing zeros kept) in *lang*'s notation."""
    group, point = {"vi": (".", ","), "en": (",", ".")}[lang]
    whole, _, decimals = format(value.quantize(Decimal(1).scaleb(-places)), "f").partition(".")
    head = len(whole) % 3 or 3
    whole = group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return whole + (point + decimals if decimals else "")


RATIOS = st.integers(1, 10**6).flatmap(
    lambda d: st.tuples(st.one_of(st.integers(0, d), st.integers(0, 30 * d)), st.just(d))
)


@FAST
@given(RATIOS, st.integers(0, 5), LANGS)
def test_a_ratio_with_its_share_rounded_half_up_reads_back_as_the_ratio(ratio, places, lang):
    """ "n/d = p%" with p the exact share 100*n/d rounded half-up to k decimals (written
    with its k decimals in the language's notation: "33/52 = 63,5%" in vi, "63.5" in en)
    reads back as Result.ratio(n, d), never a ParseError."""
    n, d = ratio
    share = round_display(Fraction(100 * n, d), places, ROUND_HALF_UP)
    text = f"{n}/{d} = {_written(share, places, lang)}%"
    note(f"text: {text!r}")
    assert rm.Result.parse(text, lang) == rm.Result.ratio(n, d)


@FAST
@given(RATIOS, st.integers(0, 5), st.integers(1, 30), st.booleans(), LANGS)
def test_a_ratio_with_a_share_off_by_more_than_half_a_unit_is_a_parse_error(
    ratio, places, steps, up, lang
):
    """ "n/d = p%" with p written with k decimals and more than half a unit in its k-th
    decimal away from the exact share 100*n/d is a ParseError (mismatch="error"): a
    stated "62,0%" for 624/1000 (62.4%) is off by 0.4, more than 0.05."""
    n, d = ratio
    exact_share = Fraction(100 * n, d)
    unit = Fraction(1, 10**places)
    stated = round_display(exact_share, places, ROUND_HALF_UP) + (
        Decimal(steps if up else -steps).scaleb(-places)
    )
    assume(stated >= 0 and abs(Fraction(stated) - exact_share) > unit / 2)
    text = f"{n}/{d} = {_written(stated, places, lang)}%"
    note(f"text: {text!r}")
    with pytest.raises(rm.ParseError):
        rm.Result.parse(text, lang)


# --------------------------------------------------------------------------- linear work


@contextlib.contextmanager
def _counted_matches() -> Iterator[list[int]]:
    """Count the parser's phrase look-ups (_Parser.match), its unit of work per token."""
    calls = [0]
    original = _Parser.match

    def match(self: _Parser, index: int, table: dict[tuple[str, ...], str]):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return original(self, index, table)

    _Parser.match = match  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        _Parser.match = original  # type: ignore[method-assign]


def _work(text: str, lang: str | None) -> int:
    """Phrase look-ups parse_target makes on *text*, whether it reads it or rejects it."""
    # which error is raised is the fuzz tests' business; here only the work counts
    with _counted_matches() as calls, contextlib.suppress(rm.ResolmetricsError):
        rm.parse_target(text, lang)
    return calls[0]


def _check_linear(unit: str, lang: str | None) -> None:
    once = _work(unit, lang)
    for k in (10, 100):
        work = _work(unit * k, lang)
        assert work <= k * (2 * once + 20), (
            f"{unit!r} * {k}: {work} phrase look-ups, against {once} for one copy "
            f"({work / max(once, 1) / k:.1f} times proportional)"
        )


REPEATED = {
    "valid target vi": "Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên. ",
    "valid target en": "at least 90% of members rated good or better; ",
    "valid yearly growth": "Thu nhập bình quân tăng 3-5%/năm đến năm 2025, ",
    "subject words": "tổ chức cơ sở đảng ",
    "rating words": "hoàn thành tốt nhiệm vụ trở lên ",
    "comparison word vi": "trên ",
    "comparison words vi": "không quá ",
    "comparison words en": "at least ",
    "measure words": "tăng trưởng ",
    "digits and separators": "12.345,6",
    "figures with separators": "1.234,5 ",
    "figures and dashes": "3-5 ",
    "marks": "%/-–=()[],;:.!?… ",
    "noise": "¤§ ",
}


@pytest.mark.parametrize("unit", REPEATED.values(), ids=REPEATED.keys())
@pytest.mark.parametrize("lang", ["vi", "en", None])
def test_the_parsers_work_grows_linearly_with_repeated_input(unit, lang):
    """The parser's work (phrase look-ups, counted, not timed) on an input repeated k
    times (k = 1, 10, 100) grows at most proportionally to k: at most
    k * (2 * work(one copy) + 20) look-ups, for valid targets, words, comparison words,
    digits and separators, and marks."""
    _check_linear(unit, lang)


@settings(max_examples=40, deadline=None)
@given(_built_texts(max_pieces=6), ANY_LANG)
def test_the_parsers_work_grows_linearly_with_any_repeated_text(unit, lang):
    """For any short text of vocabulary phrases, numbers, marks and noise, repeating it
    k times (k = 1, 10, 100) multiplies the parser's phrase look-ups by at most about k:
    at most k * (2 * work(one copy) + 20)."""
    assume(tokenize(unit))
    _check_linear(unit, lang)
