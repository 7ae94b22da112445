"""Rules, results, targets and indicators as values.

``repr`` shows how to rebuild the object; ``str`` is canonical text that parses back;
equality and hashing agree (DESIGN.md section 4).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import resolmetrics as rm

NAMESPACE: dict[str, Any] = {
    name: getattr(rm, name) for name in dir(rm) if not name.startswith("_")
} | {"Decimal": Decimal, "Fraction": Fraction}


def rebuilt(obj: object) -> Any:
    return eval(repr(obj), dict(NAMESPACE))


# --- rule equality and hashing --------------------------------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(rm.at_least(Decimal("95.0")), id="Decimal-95.0"),
        pytest.param(rm.at_least(Decimal("95")), id="Decimal-95"),
        pytest.param(rm.at_least("95"), id="str-95"),
        pytest.param(rm.at_least("95.00"), id="str-95.00"),
        pytest.param(rm.at_least(95.0), id="float-95.0"),
        pytest.param(rm.at_least(Fraction(95)), id="Fraction-95"),
        pytest.param(rm.at_least("190/2"), id="str-ratio"),
        pytest.param(rm.at_least("9.5e1"), id="str-exponent"),
        pytest.param(rm.Rule(rm.Kind.AT_LEAST, (Decimal(95),)), id="Rule-constructor"),
        pytest.param(rm.Rule("at_least", ("95.0",)), id="Rule-constructor-coerces"),
        pytest.param(rm.Rule.parse("at least 95"), id="parsed"),
    ],
)
def test_equal_rules_hash_equal(rule: rm.Rule) -> None:
    assert rule == rm.at_least(95)
    assert hash(rule) == hash(rm.at_least(95))
    assert len({rule, rm.at_least(95)}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param(rm.at_least(Fraction(1, 3)), rm.at_least("1/3"), id="fraction"),
        pytest.param(rm.at_least(Fraction(2, 6)), rm.at_least("1/3"), id="fraction-unreduced"),
        pytest.param(rm.at_least(Fraction(1, 8)), rm.at_least("0.125"), id="finite-fraction"),
        pytest.param(rm.below(0.1), rm.below("0.1"), id="float-0.1"),
        pytest.param(rm.between(3, 5), rm.between("3.0", 5.0), id="between"),
        pytest.param(rm.at_least("HTTNV"), rm.at_least("  HTTNV "), id="level-spaces"),
        pytest.param(rm.at_least(0), rm.at_least("-0"), id="zero"),
    ],
)
def test_more_equal_rules(one: rm.Rule, other: rm.Rule) -> None:
    assert one == other
    assert hash(one) == hash(other)


def test_different_rules_are_unequal() -> None:
    rules = [
        rm.at_least(95),
        rm.above(95),
        rm.at_most(95),
        rm.below(95),
        rm.exactly(95),
        rm.between(95, 95),
        rm.between(95, 96),
        rm.at_least(96),
        rm.at_least("HTTNV"),
        rm.at_least("HTNV"),
    ]
    for i, one in enumerate(rules):
        for j, other in enumerate(rules):
            assert (one == other) is (i == j), (one, other)
    assert len(set(rules)) == len(rules)


def test_rule_bounds_are_exact() -> None:
    assert rm.at_least(95).bounds == (Decimal(95),)
    assert rm.above(93.1).bounds == (Decimal("93.1"),)
    assert rm.between("3.5", 5).bounds == (Decimal("3.5"), Decimal(5))
    assert rm.at_most("1/3").bounds == (Fraction(1, 3),)
    assert rm.at_least("HTTNV").bounds == ("HTTNV",)
    for bound in (*rm.between(0.1, "2/3").bounds, *rm.exactly(7).bounds):
        assert isinstance(bound, Decimal | Fraction)


def test_rule_properties() -> None:
    assert rm.at_least(95).kind is rm.Kind.AT_LEAST
    assert rm.above(95).is_strict
    assert rm.below(95).is_strict
    assert not rm.at_least(95).is_strict
    assert not rm.exactly(95).is_strict
    assert rm.at_least("HTTNV").is_ordinal
    assert not rm.at_least(95).is_ordinal


# --- str: canonical text that parses back -----------------------------------------------------

STR_CASES = [
    pytest.param(rm.at_least(95), "at least 95", id="at_least"),
    pytest.param(rm.above(Decimal("93.1")), "above 93.1", id="above"),
    pytest.param(rm.at_most(4), "at most 4", id="at_most"),
    pytest.param(rm.below("3.5"), "below 3.5", id="below"),
    pytest.param(rm.between(3, 5), "between 3 and 5", id="between"),
    pytest.param(rm.between("3.5", 5), "between 3.5 and 5", id="between-decimal"),
    pytest.param(rm.exactly(100), "exactly 100", id="exactly"),
    pytest.param(rm.at_least(Fraction(1, 3)), "at least 1/3", id="fraction"),
    pytest.param(rm.between("1/3", "2/3"), "between 1/3 and 2/3", id="between-fractions"),
    pytest.param(rm.at_least(Fraction(1, 8)), "at least 0.125", id="finite-fraction"),
    pytest.param(rm.at_least("1e3"), "at least 1000", id="exponent"),
    pytest.param(rm.at_least(0.1), "at least 0.1", id="float"),
    pytest.param(rm.at_least("0.0000001"), "at least 0.0000001", id="small"),
    pytest.param(rm.above(-2), "above -2", id="negative"),
    pytest.param(rm.at_least("HTTNV"), "at least HTTNV", id="level"),
    pytest.param(rm.between("HTNV", "HTTNV"), "between HTNV and HTTNV", id="levels"),
    pytest.param(rm.exactly("HTXSNV"), "exactly HTXSNV", id="exactly-level"),
    pytest.param(rm.at_least("hoàn thành tốt nhiệm vụ"), "at least hoàn thành tốt nhiệm vụ",
                 id="level-name"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "text"), STR_CASES)
def test_str(rule: rm.Rule, text: str) -> None:
    assert str(rule) == text


@pytest.mark.parametrize(("rule", "text"), STR_CASES)
def test_parse_str_round_trip(rule: rm.Rule, text: str) -> None:
    assert rm.Rule.parse(str(rule)) == rule
    assert rm.Rule.parse(text) == rule


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(rm.at_least(95.0), id="float-95.0"),
        pytest.param(rm.at_least(Decimal("95.0")), id="Decimal-95.0"),
        pytest.param(rm.at_least("95.00"), id="str-95.00"),
        pytest.param(rm.at_least(Decimal("9.5E+1")), id="Decimal-exponent"),
    ],
)
def test_equal_rules_share_one_canonical_text(rule: rm.Rule) -> None:
    assert rule == rm.at_least(95)
    assert str(rule) == "at least 95"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        pytest.param("  at   least   95 ", rm.at_least(95), id="spaces"),
        pytest.param("between 3.5 and 5", rm.between("3.5", 5), id="between"),
        pytest.param("at least 93.10", rm.at_least("93.1"), id="trailing-zero"),
        pytest.param("below 41/71", rm.below(Fraction(41, 71)), id="ratio"),
        pytest.param("at most 1e2", rm.at_most(100), id="exponent"),
    ],
)
def test_parse(text: str, rule: rm.Rule) -> None:
    assert rm.Rule.parse(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("at least", id="no-bound"),
        pytest.param("at lest 95", id="misspelt"),
        pytest.param("more than 95", id="unknown-words"),
        pytest.param("95", id="bare-number"),
        pytest.param("at least 95,5", id="decimal-comma"),
        pytest.param("at least 95%", id="percent-sign"),
        pytest.param("at least 9..5", id="bad-number"),
        pytest.param("between 3", id="between-one-bound"),
        pytest.param("between 3 and 4 and 5", id="between-three-bounds"),
        pytest.param("between 3 and HTTNV", id="between-mixed"),
        pytest.param("between 5 and 3", id="between-swapped"),
        pytest.param("at least 1/0", id="zero-denominator"),
    ],
)
def test_parse_errors_are_parse_errors(text: str) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.Rule.parse(text)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, rm.ResolmetricsError)


RULE_WORDS = (
    "expected one of 'at least', 'above', 'at most', 'below', 'between', 'exactly' followed by "
    "a number or a level"
)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        pytest.param("at leest 200", f"{RULE_WORDS}; did you mean 'at least'?", 0, id="leest"),
        pytest.param("at lest 95", f"{RULE_WORDS}; did you mean 'at least'?", 0, id="lest"),
        pytest.param("atleast 95", f"{RULE_WORDS}; did you mean 'at least'?", 0, id="one-word"),
        pytest.param("At Least 95", f"{RULE_WORDS}; did you mean 'at least'?", 0, id="case"),
        pytest.param("abov 95", f"{RULE_WORDS}; did you mean 'above'?", 0, id="abov"),
        pytest.param("at mots 4", f"{RULE_WORDS}; did you mean 'at most'?", 0, id="mots"),
        pytest.param("belwo 4", f"{RULE_WORDS}; did you mean 'below'?", 0, id="belwo"),
        pytest.param(
            "beetween 3 and 5", f"{RULE_WORDS}; did you mean 'between'?", 0, id="beetween"
        ),
        pytest.param("exacly 7", f"{RULE_WORDS}; did you mean 'exactly'?", 0, id="exacly"),
        pytest.param("more than 95", RULE_WORDS, 0, id="other-words"),
        pytest.param("95", RULE_WORDS, 0, id="bare-number"),
        pytest.param("", RULE_WORDS, 0, id="empty"),
        pytest.param(
            "at least", "expected a number or a level after 'at least'", 8, id="no-bound"
        ),
        pytest.param(
            "  at   most ", "expected a number or a level after 'at most'", 7, id="spaces"
        ),
        pytest.param("between", "expected 'between LOW and HIGH'", 7, id="between-alone"),
    ],
)
def test_parse_error_messages(text: str, message: str, position: int) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.Rule.parse(text)
    source = " ".join(text.split())
    assert (info.value.message, info.value.text, info.value.position) == (
        message,
        source,
        position,
    )
    assert str(info.value) == (
        f"{message}\n    {source}\n    {' ' * position}^" if source else message
    )


def test_parse_rejects_a_non_string() -> None:
    with pytest.raises(rm.InvalidTargetTypeError) as info:
        rm.Rule.parse(95)  # type: ignore[arg-type]
    assert str(info.value) == "Rule.parse(text) takes a str, got 95"


# --- repr: the call that rebuilds the rule ----------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        pytest.param(rm.at_least(95), "at_least(95)", id="at_least"),
        pytest.param(rm.above(98), "above(98)", id="above"),
        pytest.param(rm.at_most(4), "at_most(4)", id="at_most"),
        pytest.param(rm.below("3.1"), "below('3.1')", id="below-decimal"),
        pytest.param(rm.between(3, 5), "between(3, 5)", id="between"),
        pytest.param(rm.between("3.5", 5), "between('3.5', 5)", id="between-decimal"),
        pytest.param(rm.exactly(100), "exactly(100)", id="exactly"),
        pytest.param(rm.at_least(Fraction(1, 3)), "at_least('1/3')", id="fraction"),
        pytest.param(rm.at_least("HTTNV"), "at_least('HTTNV')", id="level"),
        pytest.param(rm.above(-2), "above(-2)", id="negative"),
    ],
)
def test_repr(rule: rm.Rule, text: str) -> None:
    assert repr(rule) == text
    assert rebuilt(rule) == rule


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(rm.at_least(95), id="at_least"),
        pytest.param(rm.above(93.1), id="above-float"),
        pytest.param(rm.at_most(Decimal("4.25")), id="at_most"),
        pytest.param(rm.below(Fraction(41, 71)), id="below-fraction"),
        pytest.param(rm.between(Fraction(1, 3), Fraction(2, 3)), id="between-fractions"),
        pytest.param(rm.exactly("0.0000001"), id="exactly-small"),
        pytest.param(rm.at_least("1e3"), id="exponent"),
        pytest.param(rm.at_least(95.0), id="float-whole"),
        pytest.param(rm.between("HTNV", "HTXSNV"), id="levels"),
        pytest.param(rm.exactly("hoàn thành nhiệm vụ"), id="level-name"),
    ],
)
def test_repr_rebuilds_an_equal_rule(rule: rm.Rule) -> None:
    copy = rebuilt(rule)
    assert copy == rule
    assert hash(copy) == hash(rule)
    assert str(copy) == str(rule)


# --- targets and indicators --------------------------------------------------------------

SHARE = rm.Indicator("org_good", name="Base organisations rated good+", unit="percent")
RATING = rm.Indicator("committee", name="Committee rating", scale=rm.PARTY_QUALITY)
MONEY = rm.Indicator("budget", unit="triệu đồng")
POVERTY = rm.Indicator(
    "poverty", unit="percent", direction=rm.Direction.LOWER_IS_BETTER, limits=(0, 100)
)
QUALITY = rm.OrdinalScale(
    "quality", [rm.Level("poor", "kém", "poor"), rm.Level("fair"), rm.Level("good", "tốt")]
)


@pytest.mark.parametrize(
    "indicator",
    [
        pytest.param(SHARE, id="share"),
        pytest.param(RATING, id="rating"),
        pytest.param(MONEY, id="money"),
        pytest.param(POVERTY, id="poverty-limits"),
        pytest.param(rm.Indicator("admitted", unit="đảng viên"), id="vi-unit"),
        pytest.param(rm.Indicator("count"), id="plain"),
        pytest.param(rm.Indicator("band", direction="on_target"), id="direction-str"),
        pytest.param(rm.Indicator("x", limits=(Decimal("0.5"), None)), id="one-limit"),
        pytest.param(rm.Indicator("x", limits=(None, Fraction(1, 3))), id="fraction-limit"),
        pytest.param(rm.Indicator("q", scale=QUALITY), id="custom-scale"),
    ],
)
def test_indicator_repr_rebuilds_an_equal_indicator(indicator: rm.Indicator) -> None:
    copy = rebuilt(indicator)
    assert copy == indicator
    assert hash(copy) == hash(indicator)
    assert repr(copy) == repr(indicator)


def test_indicator_repr_text() -> None:
    assert repr(SHARE) == (
        "Indicator('org_good', name='Base organisations rated good+', unit='percent')"
    )
    assert repr(RATING) == "Indicator('committee', name='Committee rating', scale=PARTY_QUALITY)"
    assert repr(POVERTY) == (
        "Indicator('poverty', unit='percent', direction=Direction.LOWER_IS_BETTER, "
        "limits=(0, 100))"
    )


def test_indicator_values() -> None:
    assert rm.Indicator("band", direction="on_target").direction is rm.Direction.ON_TARGET
    assert POVERTY.limits == (0, 100)
    assert RATING.is_ordinal
    assert not SHARE.is_ordinal
    assert SHARE.title == "Base organisations rated good+"
    assert rm.Indicator("count").title == "count"
    assert rm.Indicator("x", unit="%") == rm.Indicator("x", unit="percent")
    assert rm.Indicator("x", limits=(0, 100)) == rm.Indicator("x", limits=("0", 100.0))


@pytest.mark.parametrize(
    "target",
    [
        pytest.param(rm.Target(SHARE, rm.above(95)), id="share"),
        pytest.param(rm.Target(SHARE, rm.at_least("93.1"), label="row 1"), id="label"),
        pytest.param(rm.Target(RATING, rm.at_least("HTTNV")), id="rating"),
        pytest.param(rm.Target(RATING, rm.at_least("good")), id="rating-by-name"),
        pytest.param(rm.Target(MONEY, rm.at_least(25_000), unit="tỷ đồng"), id="other-unit"),
        pytest.param(rm.Target(POVERTY, rm.below(Fraction(1, 3))), id="fraction"),
        pytest.param(rm.Target(rm.Indicator("q", scale=QUALITY), rm.exactly("tốt")), id="custom"),
    ],
)
def test_target_repr_rebuilds_an_equal_target(target: rm.Target) -> None:
    copy = rebuilt(target)
    assert copy == target
    assert hash(copy) == hash(target)
    assert repr(copy) == repr(target)


def test_target_repr_text() -> None:
    assert repr(rm.Target(SHARE, rm.above(95))) == (
        "Target(Indicator('org_good', name='Base organisations rated good+', unit='percent'), "
        "above(95))"
    )
    assert repr(rm.Target(MONEY, rm.at_least(25_000), unit="tỷ đồng")) == (
        "Target(Indicator('budget', unit='triệu đồng'), at_least(25000), unit='tỷ đồng')"
    )


def test_target_values() -> None:
    assert rm.Target(SHARE, rm.at_least(90)) == rm.Target(SHARE, rm.at_least("90.0"))
    assert rm.Target(SHARE, rm.at_least(90)) == rm.Target(SHARE, rm.at_least(90), unit="%")
    assert rm.Target(SHARE, rm.at_least(90)) != rm.Target(SHARE, rm.above(90))
    assert rm.Target(SHARE, rm.at_least(90)).unit == "percent"
    assert rm.Target(SHARE, rm.at_least(90)).key == "org_good"
    # a level named by its name is kept by its code
    assert rm.Target(RATING, rm.at_least("Hoàn thành tốt nhiệm vụ")).rule == rm.at_least("HTTNV")
    assert rm.Target(SHARE, rm.at_least(90)).direction is rm.Direction.HIGHER_IS_BETTER
    assert rm.Target(SHARE, rm.at_most(4)).direction is rm.Direction.LOWER_IS_BETTER
    assert rm.Target(SHARE, rm.exactly(4)).direction is rm.Direction.ON_TARGET


# --- results ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "text"),
    [
        pytest.param(rm.Result(98), "Result(98)", id="int"),
        pytest.param(rm.Result("91.6"), "Result('91.6')", id="decimal"),
        pytest.param(rm.Result(25_000, unit="tỷ đồng"), "Result(25000, unit='tỷ đồng')",
                     id="unit"),
        pytest.param(rm.Result.ratio(41, 71), "Result.ratio(41, 71)", id="ratio"),
        pytest.param(rm.Result(104, period=2021), "Result(104, period=2021)", id="period"),
        pytest.param(rm.Result("93.1", entity="union A"), "Result('93.1', entity='union A')",
                     id="entity"),
        pytest.param(rm.Result("HTNV", period=2020), "Result('HTNV', period=2020)", id="level"),
        pytest.param(rm.Result(Fraction(1, 3)), "Result('1/3')", id="fraction"),
        pytest.param(rm.Result(93.1), "Result('93.1')", id="float"),
    ],
)  # fmt: skip
def test_result_repr(result: rm.Result, text: str) -> None:
    assert repr(result) == text
    copy = rebuilt(result)
    assert copy == result
    assert hash(copy) == hash(result)
    assert repr(copy) == repr(result)


@pytest.mark.parametrize(
    "result",
    [
        pytest.param(rm.Result.ratio(33, 52, period=2022, entity="union B"), id="ratio-full"),
        pytest.param(rm.Result("0.0000001", unit="km"), id="small-pint-unit"),
        pytest.param(rm.Result(-3, unit="%"), id="negative-percent"),
        pytest.param(rm.Result("hoàn thành nhiệm vụ"), id="level-name"),
        pytest.param(rm.Result(Decimal("95.50")), id="trailing-zero"),
    ],
)
def test_result_repr_rebuilds_an_equal_result(result: rm.Result) -> None:
    copy = rebuilt(result)
    assert copy == result
    assert copy.ratio_of == result.ratio_of
    assert repr(copy) == repr(result)


def test_result_ratio_keeps_ratio_of() -> None:
    result = rm.Result.ratio(33, 52)
    assert result.ratio_of == (33, 52)
    assert result.value == Fraction(3300, 52)
    assert result.unit == "percent"
    assert not result.is_level
    third = rm.Result.ratio(1, 3)
    assert third.ratio_of == (1, 3)
    assert third.value == Fraction(100, 3)
    quarter = rm.Result.ratio(1, 4)
    assert quarter.value == Decimal(25)
    assert type(quarter.value) is Decimal
    assert rm.Result.ratio(41, 71, period=2021).period == 2021
    # the ratio is how the value was reported, not part of the value
    assert rm.Result.ratio(33, 52) == rm.Result("3300/52", unit="percent")
    assert rm.Result.ratio(1, 2) == rm.Result.ratio(26, 52)


def test_result_values() -> None:
    assert rm.Result(93.1).value == Decimal("93.1")
    assert rm.Result("93.1") == rm.Result(93.1) == rm.Result(Decimal("93.10"))
    assert hash(rm.Result("93.1")) == hash(rm.Result(Decimal("93.10")))
    assert rm.Result(93, unit="%").unit == "percent"
    assert rm.Result(98) != rm.Result(98, period=2021)
    assert rm.Result(98) != rm.Result(98, unit="percent")
    assert rm.Result(98, period=2021).period == 2021
    assert rm.Result(98, entity="union A").entity == "union A"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("HTNV", "HTNV", id="code"),
        pytest.param(" HTNV ", "HTNV", id="padded"),
        pytest.param("hoàn  thành nhiệm vụ", "hoàn thành nhiệm vụ", id="name-spaces"),
        pytest.param("good", "good", id="english"),
    ],
)
def test_result_level(text: str, value: str) -> None:
    result = rm.Result(text)
    assert result.is_level
    assert result.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("95", Decimal(95), id="int"),
        pytest.param("93.1", Decimal("93.1"), id="decimal"),
        pytest.param("41/71", Fraction(41, 71), id="ratio"),
        pytest.param("-2.5", Decimal("-2.5"), id="negative"),
    ],
)
def test_result_number_from_str(text: str, value: object) -> None:
    result = rm.Result(text)
    assert not result.is_level
    assert result.value == value


# --- levels and scales -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "rank", "code"),
    [
        pytest.param("KHTNV", 0, "KHTNV", id="code-0"),
        pytest.param("HTNV", 1, "HTNV", id="code-1"),
        pytest.param("HTTNV", 2, "HTTNV", id="code-2"),
        pytest.param("HTXSNV", 3, "HTXSNV", id="code-3"),
        pytest.param("httnv", 2, "HTTNV", id="code-lower"),
        pytest.param("HtXsNv", 3, "HTXSNV", id="code-mixed"),
        pytest.param("không hoàn thành nhiệm vụ", 0, "KHTNV", id="vi-0"),
        pytest.param("hoàn thành nhiệm vụ", 1, "HTNV", id="vi-1"),
        pytest.param("hoàn thành tốt nhiệm vụ", 2, "HTTNV", id="vi-2"),
        pytest.param("hoàn thành xuất sắc nhiệm vụ", 3, "HTXSNV", id="vi-3"),
        pytest.param("HOÀN THÀNH TỐT NHIỆM VỤ", 2, "HTTNV", id="vi-upper"),
        pytest.param("Hoàn thành xuất sắc nhiệm vụ", 3, "HTXSNV", id="vi-capitalised"),
        pytest.param("not completed", 0, "KHTNV", id="en-0"),
        pytest.param("completed", 1, "HTNV", id="en-1"),
        pytest.param("good", 2, "HTTNV", id="en-2"),
        pytest.param("excellent", 3, "HTXSNV", id="en-3"),
        pytest.param("Excellent", 3, "HTXSNV", id="en-capitalised"),
        pytest.param("NOT COMPLETED", 0, "KHTNV", id="en-upper"),
    ],
)
def test_party_quality_lookup(word: str, rank: int, code: str) -> None:
    assert rm.PARTY_QUALITY.rank(word) == rank
    assert rm.PARTY_QUALITY.code(word) == code
    assert word in rm.PARTY_QUALITY


def test_party_quality_order_and_levels() -> None:
    scale = rm.PARTY_QUALITY
    assert scale.codes == ("KHTNV", "HTNV", "HTTNV", "HTXSNV")
    assert scale.levels[2] == rm.Level("HTTNV", "hoàn thành tốt nhiệm vụ", "good")
    assert scale.levels[3] == rm.Level("HTXSNV", "hoàn thành xuất sắc nhiệm vụ", "excellent")
    assert scale.levels[0] == rm.Level("KHTNV", "không hoàn thành nhiệm vụ", "not completed")
    for word in ("HTTVN", "great", "", "hoàn thành"):
        assert word not in scale
    assert 2 not in scale
    assert None not in scale


def test_custom_scale_lookup() -> None:
    assert QUALITY.codes == ("poor", "fair", "good")
    assert QUALITY.rank("Good") == 2
    assert QUALITY.rank("TỐT") == 2
    assert QUALITY.rank("kém") == 0
    assert QUALITY.code("FAIR") == "fair"
    same = rm.OrdinalScale(
        "quality", (rm.Level("poor", "kém", "poor"), rm.Level("fair"), rm.Level("good", "tốt"))
    )
    assert same == QUALITY
    assert rm.OrdinalScale("s", ["a", "b"]).levels == (rm.Level("a"), rm.Level("b"))


@pytest.mark.parametrize(
    ("kind", "bounds", "message"),
    [
        (rm.Kind.AT_LEAST, (90, 95), "at_least takes one bound, got 2"),
        (rm.Kind.EXACTLY, (), "exactly takes one bound, got 0"),
        (rm.Kind.BETWEEN, (3,), "between takes two bounds, got 1"),
        (rm.Kind.BETWEEN, (3, 4, 5), "between takes two bounds, got 3"),
    ],
)
def test_a_rule_with_the_wrong_number_of_bounds_says_how_many_it_takes(
    kind: rm.Kind, bounds: tuple[int, ...], message: str
) -> None:
    with pytest.raises(rm.InvalidTargetError) as raised:
        rm.Rule(kind, bounds)
    assert str(raised.value) == message


def test_unknown_level_lookup_raises() -> None:
    with pytest.raises(rm.InvalidTargetError):
        rm.PARTY_QUALITY.rank("HTTVN")
    with pytest.raises(rm.InvalidResultError):
        rm.PARTY_QUALITY.code("great", error=rm.InvalidResultError)


@pytest.mark.parametrize(
    ("levels", "error"),
    [
        pytest.param(["only"], rm.InvalidTargetError, id="one-level"),
        pytest.param(["a", "A"], rm.InvalidTargetError, id="same-code-ignoring-case"),
        pytest.param([rm.Level("a", en="x"), rm.Level("b", en="X")], rm.InvalidTargetError,
                     id="same-name"),
        pytest.param(["a", " "], rm.InvalidTargetError, id="blank-code"),
        pytest.param("abc", rm.InvalidTargetTypeError, id="str-not-sequence"),
    ],
)  # fmt: skip
def test_bad_scales_are_rejected(levels: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        rm.OrdinalScale("s", levels)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("-12345678901234567890123456789", "en", "-12345678901234567890123456789"),
        ("-1.234.567.890.123.456.789.012.345.678,9", "vi", "-1234567890123456789012345678.9"),
        ("-0,0000000000000000000000000000001", "vi", "-1E-31"),
    ],
)
def test_a_negative_result_keeps_every_digit(text: str, lang: str, value: str) -> None:
    """More digits than Decimal's default 28-digit context: the minus sign must not round."""
    assert rm.Result.parse(text, lang).value == Decimal(value)
    assert str(rm.Result.parse(text, lang).value) == str(Decimal(value))
