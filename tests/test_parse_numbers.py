"""parse_number and Result.parse: numbers and results as they are written (DOMAIN.md section 5).

Worked out by hand from the contract:

- Vietnamese groups thousands with "." and marks decimals with ","; English the other way
  round. "2.046" is 2046 in Vietnamese and 2.046 in English: without ``lang`` a number
  the two languages read differently is a ParseError naming both readings, never a guess;
  a number only one language can read, or both read alike, needs no ``lang``;
- "a/b = c%" keeps the exact ratio a/b; the stated c% must be the exact share rounded to
  the decimals c shows: 33/52 = 63.4615...% so "63,5%", "63%" and "63,46%" are consistent,
  "64%" and "63,4%" are not; "mismatch='warn'" warns and keeps the ratio;
- "triệu đồng" is 10^6 đồng and "tỷ đồng" 10^9 đồng: a target in one and a result in the
  other compare exactly; count nouns are units ("đảng viên" -> member);
- a rating is read as its level code ("hoàn thành tốt nhiệm vụ" -> HTTNV).
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, NOT, D, raises_exactly


def shown(message: str, text: str, position: int) -> str:
    """``str(ParseError)``: the message, the text, and a caret under the problem."""
    return f"{message}\n    {text}\n    {' ' * position}^"


VI_NUMBER = "expected a number such as '3.745.356' or '99,2'"
EN_NUMBER = "expected a number such as '3,745,356' or '99.2'"
EITHER_NUMBER = f"{VI_NUMBER} or a number such as '3,745,356' or '99.2'"

# --------------------------------------------------------------------------- parse_number

NUMBERS = [
    ("3.745.356", "vi", D(3745356)),
    ("99,2", "vi", D("99.2")),
    ("4.332,98", "vi", D("4332.98")),
    ("2.046", "vi", D(2046)),
    ("2,046", "vi", D("2.046")),
    ("0,5", "vi", D("0.5")),
    ("95", "vi", D(95)),
    ("-5", "vi", D(-5)),
    ("-1.234,5", "vi", D("-1234.5")),
    ("1.000.000.000", "vi", D(10**9)),
    ("3,745,356", "en", D(3745356)),
    ("99.2", "en", D("99.2")),
    ("4,332.98", "en", D("4332.98")),
    ("2.046", "en", D("2.046")),
    ("2,046", "en", D(2046)),
    ("1,234.5", "en", D("1234.5")),
    ("-5", "en", D(-5)),
    ("-1,234.5", "en", D("-1234.5")),
    # without lang: read alike in both, or readable in one only
    ("95", None, D(95)),
    ("-5", None, D(-5)),
    ("3.745.356", None, D(3745356)),
    ("3,745,356", None, D(3745356)),
    ("1.234,5", None, D("1234.5")),
    ("1,234.5", None, D("1234.5")),
    ("4.332,98", None, D("4332.98")),
    # spaces around the figure are not part of it
    (" 99,2 ", "vi", D("99.2")),
]


@pytest.mark.parametrize(
    ("text", "lang", "value"), NUMBERS, ids=[f"{lang}:{text}" for text, lang, _ in NUMBERS]
)
def test_parse_number(text: str, lang: str | None, value: D) -> None:
    parsed = rm.parse_number(text, lang)
    assert parsed == value
    assert type(parsed) is D


def test_decimals_are_kept_exactly() -> None:
    assert str(rm.parse_number("4.332,98", "vi")) == "4332.98"
    tenth, fifth = rm.parse_number("0,1", "vi"), rm.parse_number("0,2", "vi")
    assert (tenth, fifth) == (D("0.1"), D("0.2"))
    assert isinstance(tenth, D)
    assert isinstance(fifth, D)
    assert tenth + fifth == D("0.3")


AMBIGUOUS = [
    ("2.046", "'2.046' is 2046 in Vietnamese and 2.046 in English", 0),
    ("2,046", "'2,046' is 2.046 in Vietnamese and 2046 in English", 0),
    ("-2.046", "'-2.046' is -2046 in Vietnamese and -2.046 in English", 0),
    (" 2.046 ", "'2.046' is 2046 in Vietnamese and 2.046 in English", 1),
]


@pytest.mark.parametrize(("text", "readings", "position"), AMBIGUOUS)
def test_ambiguous_number_needs_lang(text: str, readings: str, position: int) -> None:
    message = f"{readings}; say which with lang='vi' or lang='en'"
    with pytest.raises(rm.ParseError) as info:
        rm.parse_number(text)
    assert str(info.value) == shown(message, text, position)
    assert (info.value.message, info.value.text, info.value.position) == (
        message,
        text,
        position,
    )


def test_ambiguity_shown_in_full() -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_number("2.046")
    assert str(info.value) == (
        "'2.046' is 2046 in Vietnamese and 2.046 in English; say which with lang='vi' or "
        "lang='en'\n"
        "    2.046\n"
        "    ^"
    )


NEITHER = [
    ("abc", "vi", VI_NUMBER),
    ("abc", "en", EN_NUMBER),
    ("abc", None, EITHER_NUMBER),
    ("5%", "vi", VI_NUMBER),
    ("1/3", "en", EN_NUMBER),
    ("12.34.5", "vi", f"{VI_NUMBER}; did you mean '12.345'?"),
    ("1,2,3", None, f"{EITHER_NUMBER}; did you mean '123'?"),
    # two suggestions are joined by "or"
    ("1.234,5", "en", f"{EN_NUMBER}; did you mean '1.2345' or '1,234.5'?"),
]


@pytest.mark.parametrize(
    ("text", "lang", "message"), NEITHER, ids=[f"{lang}:{text}" for text, lang, _ in NEITHER]
)
def test_text_that_is_not_a_number(text: str, lang: str | None, message: str) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_number(text, lang)
    assert str(info.value) == shown(message, text, 0)


def test_empty_number() -> None:
    raises_exactly(lambda: rm.parse_number("", "vi"), rm.ParseError, VI_NUMBER)


def test_number_must_be_text() -> None:
    raises_exactly(
        lambda: rm.parse_number(95),  # type: ignore[arg-type]
        rm.InvalidArgumentTypeError,
        "parse_number(text) takes a str, got 95",
    )


@pytest.mark.parametrize("lang", ["fr", "VI", "", 1])
def test_bad_lang(lang: Any) -> None:
    raises_exactly(
        lambda: rm.parse_number("95", lang),
        rm.InvalidArgumentError,
        f"lang={lang!r} is not a supported language; use 'vi' or 'en', or None to tell it "
        "from the words",
    )


# --------------------------------------------------------------------------- Result.parse

PARSED = [
    ("share-vi", "99,2%", "vi", rm.Result("99.2", unit="percent")),
    ("share-vi-space", "99,2 %", "vi", rm.Result("99.2", unit="percent")),
    ("share-en", "99.2%", "en", rm.Result("99.2", unit="percent")),
    ("share-unknown-lang", "99,2%", None, rm.Result("99.2", unit="percent")),
    ("negative", "-5%", "vi", rm.Result(-5, unit="percent")),
    ("plain", "63,5", "vi", rm.Result("63.5")),
    ("ratio", "33/52 = 63,5%", "vi", rm.Result.ratio(33, 52)),
    ("ratio-en", "33/52 = 63.5%", "en", rm.Result.ratio(33, 52)),
    ("ratio-brackets", "33/52 (63,5%)", "vi", rm.Result.ratio(33, 52)),
    ("ratio-bare", "33/52", "vi", rm.Result.ratio(33, 52)),
    ("ratio-all", "52/52 = 100%", "vi", rm.Result.ratio(52, 52)),
    ("ratio-none", "0/52 = 0%", "vi", rm.Result.ratio(0, 52)),
    ("trieu-dong", "3.745.356 triệu đồng", "vi", rm.Result(3745356, unit="triệu đồng")),
    ("ty-dong", "2,046 tỷ đồng", "vi", rm.Result(D("2.046"), unit="tỷ đồng")),
    ("ty-dong-unknown-lang", "2,046 tỷ đồng", None, rm.Result(D("2.046"), unit="tỷ đồng")),
    ("members-vi", "249 đảng viên", "vi", rm.Result(249, unit="member")),
    ("members-vi-grouped", "2.046 đảng viên", None, rm.Result(2046, unit="member")),
    ("members-en", "2,046 members", "en", rm.Result(2046, unit="member")),
    ("enterprises", "12 DN", "vi", rm.Result(12, unit="enterprise")),
    ("households", "1.250 hộ", "vi", rm.Result(1250, unit="household")),
    ("visits", "1.200 lượt người", "vi", rm.Result(1200, unit="visit")),
    ("hectares", "4.332,98 ha", "vi", rm.Result(D("4332.98"), unit="hectare")),
    ("usd", "3.700 USD", "vi", rm.Result(3700, unit="USD")),
    ("points", "2,5 điểm phần trăm", "vi", rm.Result("2.5", unit="percent")),
    ("rating-code", "HTNV", "vi", rm.Result("HTNV")),
    ("rating-code-unknown-lang", "HTTNV", None, rm.Result("HTTNV")),
    ("rating-good", "hoàn thành tốt nhiệm vụ", "vi", rm.Result("HTTNV")),
    ("rating-excellent", "hoàn thành xuất sắc nhiệm vụ", "vi", rm.Result("HTXSNV")),
    ("rating-completed", "hoàn thành nhiệm vụ", "vi", rm.Result("HTNV")),
    ("rating-not-completed", "không hoàn thành nhiệm vụ", "vi", rm.Result("KHTNV")),
    ("rating-en", "rated good", "en", rm.Result("HTTNV")),
]


@pytest.mark.parametrize(
    ("text", "lang", "result"), [c[1:] for c in PARSED], ids=[c[0] for c in PARSED]
)
def test_result_parse(text: str, lang: str | None, result: rm.Result) -> None:
    assert rm.Result.parse(text, lang) == result


def test_ratio_is_exact() -> None:
    result = rm.Result.parse("33/52 = 63,5%", "vi")
    assert result.ratio_of == (33, 52)
    assert result.value == rm.Result.ratio(33, 52).value
    assert result.value * 52 == 3300  # 100 * 33 / 52, not 63.5


def test_period_and_entity_are_passed_through() -> None:
    for text, result in [
        ("99,2%", rm.Result("99.2", unit="percent", period=2021, entity="Chi bộ 1")),
        ("33/52 = 63,5%", rm.Result.ratio(33, 52, period=2021, entity="Chi bộ 1")),
        ("HTTNV", rm.Result("HTTNV", period=2021, entity="Chi bộ 1")),
        ("249 đảng viên", rm.Result(249, unit="member", period=2021, entity="Chi bộ 1")),
    ]:
        parsed = rm.Result.parse(text, "vi", period=2021, entity="Chi bộ 1")
        assert parsed == result
        assert (parsed.period, parsed.entity) == (2021, "Chi bộ 1")


# --------------------------------------------------------------------------- a/b = c%

# 33/52 = 63.461538...%; 2/3 = 66.666...%; 1/8 = 12.5%
CONSISTENT = [
    "33/52 = 63,5%",
    "33/52 = 63%",
    "33/52 = 63,46%",
    "33/52 = 63,462%",
    "2/3 = 66,67%",
    "2/3 = 67%",
    "1/8 = 12,5%",
    "1/8 = 13%",
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_stated_percentage_rounds_from_the_ratio(text: str) -> None:
    counts = text.split(" = ")[0].split("/")
    assert rm.Result.parse(text, "vi") == rm.Result.ratio(int(counts[0]), int(counts[1]))


def test_stated_percentage_that_does_not_round_is_an_error() -> None:
    text = "33/52 = 64%"
    raises_exactly(
        lambda: rm.Result.parse(text, "vi"),
        rm.ParseError,
        shown(
            "33/52 is 63.4615%, which does not round to the stated 64%; check the counts or "
            "the percentage",
            text,
            0,
        ),
    )


@pytest.mark.parametrize(
    "text", ["33/52 = 63,4%", "33/52 = 63,47%", "2/3 = 66,66%", "33/52 = 64%"]
)
def test_other_inconsistent_percentages(text: str) -> None:
    # 63.4615 rounds to 63.5 (not 63.4) and to 63.46 (not 63.47); 66.666... rounds to
    # 66.67, not the truncated 66.66; 63.4615 rounds to 63, not 64
    with pytest.raises(rm.ParseError):
        rm.Result.parse(text, "vi")


def test_mismatch_warn_keeps_the_ratio() -> None:
    text = "33/52 = 64%"
    with pytest.warns(rm.InconsistentResultWarning) as record:
        result = rm.Result.parse(text, "vi", mismatch="warn")
    assert result == rm.Result.ratio(33, 52)
    assert len(record) == 1
    assert str(record[0].message) == (
        "'33/52 = 64%': 33/52 is 63.4615%, which does not round to the stated 64%; check the "
        "counts or the percentage; the exact ratio is kept"
    )
    assert record[0].filename == __file__  # the warning points at the caller


def test_mismatch_warn_is_silent_when_consistent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert rm.Result.parse("33/52 = 63,5%", "vi", mismatch="warn") == rm.Result.ratio(33, 52)


def test_inconsistent_result_warning_is_a_user_warning() -> None:
    assert issubclass(rm.InconsistentResultWarning, UserWarning)


def test_bad_mismatch() -> None:
    raises_exactly(
        lambda: rm.Result.parse("33/52 = 64%", "vi", mismatch="ignore"),
        rm.InvalidArgumentError,
        "Result.parse(mismatch) must be 'error' or 'warn', got 'ignore'",
    )


# --------------------------------------------------------------------------- units judged


MILLIONS = rm.Indicator("revenue", unit="triệu đồng")
BILLIONS = rm.Indicator("budget", unit="tỷ đồng")
MEMBERS = rm.Indicator("admitted", unit="member")
SHARE = rm.Indicator("share", unit="percent")


def test_result_in_billions_against_a_target_in_millions() -> None:
    # 2,046 tỷ đồng = 2.046 tỷ = 2,046 triệu: exactly on "từ 2.046 triệu đồng trở lên"
    target = rm.Target(MILLIONS, rm.at_least(2046))
    verdict = rm.evaluate(target, rm.Result.parse("2,046 tỷ đồng", "vi"))
    assert (verdict.status, verdict.actual) == (ACHIEVED, D(2046))


def test_result_in_millions_against_a_target_in_billions() -> None:
    # 3.745.356 triệu đồng = 3.745,356 tỷ đồng against 3.745 tỷ đồng: + 0,356 tỷ
    target = rm.Target(BILLIONS, rm.at_least(3745))
    verdict = rm.evaluate(target, rm.Result.parse("3.745.356 triệu đồng", "vi"))
    assert (verdict.status, verdict.actual, verdict.margin) == (
        EXCEEDED,
        D("3745.356"),
        D("0.356"),
    )


def test_members_and_shares_judged() -> None:
    members = rm.evaluate(rm.Target(MEMBERS, rm.at_least(240)), rm.Result.parse("249 đảng viên"))
    assert (members.status, members.margin) == (EXCEEDED, D(9))
    share = rm.evaluate(rm.Target(SHARE, rm.at_least(70)), rm.Result.parse("33/52 = 63,5%"))
    assert share.status is NOT


def test_members_are_not_households() -> None:
    with pytest.raises(rm.UnitError):
        rm.evaluate(rm.Target(MEMBERS, rm.at_least(240)), rm.Result.parse("249 hộ", "vi"))


# --------------------------------------------------------------------------- malformed results

MALFORMED = [
    ("ratio-zero-total", "33/0", "expected whole counts in 'a/b', with b above 0", 0),
    ("ratio-not-whole", "33,5/52", "expected whole counts in 'a/b', with b above 0", 0),
    ("ratio-negative", "-33/52", "a count out of a total is not negative", 0),
    ("ratio-then-word", "33/52 x", "expected '= 63,5%' after the ratio", 6),
    ("ratio-no-percentage", "33/52 =", "expected the percentage", 7),
    ("ratio-no-percent-sign", "33/52 = 63,5", "expected '%' after the percentage", 12),
    ("ratio-unclosed", "33/52 (63,5%", "expected ')'", 12),
    ("ratio-trailing", "33/52 = 63,5% x", "expected nothing more after the result", 14),
    ("unknown-unit", "95 abc",
     "expected a unit such as '%', 'triệu đồng' or 'đảng viên' after the number", 3),
    ("rating-trailing", "HTNV trở lên", "expected nothing more after the result", 5),
    ("lone-dash", "-", "expected a number", 0),
    ("lone-percent", "%", "expected a number", 0),
    ("english-decimal-in-vi", "99.2%", f"{VI_NUMBER}; did you mean '992' or '99,2'?", 0),
    ("blank", "   ", "expected a result such as '99,2%', '33/52 = 63,5%' or 'HTNV'", 0),
    ("two-commas", "86,,2%", "'86,,2' is not a number: two marks in a row; did you mean '86,2'?",
     3),
    ("two-dots", "86..2%", "'86..2' is not a number: two marks in a row", 3),  # '86.2' is no vi
    ("three-marks", "86.,.2 %", "'86.,.2' is not a number: two marks in a row", 3),
    ("two-pairs", "1..2,,3", "'1..2,,3' is not a number: two marks in a row", 2),
    ("mark-then-unit", "86, đảng viên", "'86,' is not a number: no digit after the mark", 2),
    ("mark-at-end", "3.745.", "'3.745.' is not a number: no digit after the mark", 5),
    ("no-leading-digit", ",5%", "',5' is not a number: write a digit before the mark, such as "
     "'0,5'", 0),
    ("negative-no-leading-digit", "-,5", "',5' is not a number: write a digit before the mark, "
     "such as '0,5'", 1),
    ("ratio-two-marks", "33/52 = 63,,5%", "'63,,5' is not a number: two marks in a row; did you "
     "mean '63,5'?", 11),
    ("denominator-two-marks", "33/5..2", "'5..2' is not a number: two marks in a row", 5),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message", "position"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_result(text: str, message: str, position: int) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.Result.parse(text, "vi")
    assert str(info.value) == shown(message, text, position)
    assert (info.value.message, info.value.text, info.value.position) == (message, text, position)


MALFORMED_EN = [
    ("two-dots", "86..2%", "'86..2' is not a number: two marks in a row; did you mean '86.2'?",
     3),
    ("dot-comma", "86.,2%", "'86.,2' is not a number: two marks in a row; did you mean '86.2'?",
     3),
    ("two-commas", "1,,500 members", "'1,,500' is not a number: two marks in a row; did you "
     "mean '1,500'?", 2),
    ("no-leading-digit", ".5%", "'.5' is not a number: write a digit before the mark, such as "
     "'0.5'", 0),
    ("mark-then-percent", "86.%", "'86.' is not a number: no digit after the mark", 2),
    ("unknown-unit", "95 abc", "expected a unit such as '%', 'million VND' or 'members' after "
     "the number", 3),
    ("vietnamese-unit-word", "95 đảng vien", "expected a unit such as '%', 'million VND' or "
     "'members' after the number", 3),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [c[1:] for c in MALFORMED_EN],
    ids=[c[0] for c in MALFORMED_EN],
)
def test_malformed_english_result(text: str, message: str, position: int) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.Result.parse(text, "en")
    assert str(info.value) == shown(message, text, position)
    assert (info.value.message, info.value.text, info.value.position) == (message, text, position)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("95%", rm.Result(95, "percent")),
        ("95 million VND", rm.Result(95, "triệu đồng")),
        ("95 members", rm.Result(95, "member")),
    ],
)
def test_the_english_unit_examples_are_read(text: str, result: rm.Result) -> None:
    """The units the English message offers as examples are units the reader knows."""
    assert rm.Result.parse(text, "en") == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("95%", rm.Result(95, "percent")),
        ("95 triệu đồng", rm.Result(95, "triệu đồng")),
        ("95 đảng viên", rm.Result(95, "member")),
    ],
)
def test_the_vietnamese_unit_examples_are_read(text: str, result: rm.Result) -> None:
    """The units the Vietnamese message offers as examples are units the reader knows."""
    assert rm.Result.parse(text, "vi") == result


def test_ambiguous_result_needs_lang() -> None:
    raises_exactly(
        lambda: rm.Result.parse("2.046"),
        rm.ParseError,
        shown(
            "'2.046' is 2046 in Vietnamese and 2.046 in English; say which with lang='vi' or "
            "lang='en'",
            "2.046",
            0,
        ),
    )
    # the number is read where it stands in the text
    with pytest.raises(rm.ParseError) as info:
        rm.Result.parse("1/2.046")
    assert info.value.position == 2


def test_empty_result() -> None:
    raises_exactly(
        lambda: rm.Result.parse("", "vi"),
        rm.ParseError,
        "expected a result such as '99,2%', '33/52 = 63,5%' or 'HTNV'",
    )


def test_result_text_must_be_text() -> None:
    raises_exactly(
        lambda: rm.Result.parse(99.2),  # type: ignore[arg-type]
        rm.InvalidArgumentTypeError,
        "Result.parse(text) takes a str, got 99.2",
    )


def test_result_bad_lang() -> None:
    raises_exactly(
        lambda: rm.Result.parse("99,2%", "fr"),
        rm.InvalidArgumentError,
        "lang='fr' is not a supported language; use 'vi' or 'en', or None to tell it from "
        "the words",
    )
