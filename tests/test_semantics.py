"""The verdict semantics of DESIGN.md section 2, case by case.

Every expected number is worked out by hand from the contract:

- single bound ``x``: ``margin = d * (v - x)`` with ``d`` = +1 (higher is better) or -1
  (lower is better); ``relative_margin = margin / x``; ``attainment = v / x`` (higher is
  better) or ``x / v`` (lower is better);
- ranges: EXCEEDED -> distance beyond the better end; NOT_ACHIEVED -> distance short of
  the worse end (negative); ACHIEVED -> distance inside from the bound that makes it met
  (higher better: ``v - lo``; lower better: ``hi - v``; on target: to the nearer end).
  ``relative_margin`` divides by the bound the margin is measured from (``verdict.bound``);
  attainment is taken against the bound that makes the range met (``lo`` when higher is
  better, ``hi`` when lower is better);
- ``exactly(x)`` is a point: never EXCEEDED, any miss is the negative distance
  ``-|v - x|`` whatever the direction, and there is no attainment. (Section 2 gives no
  margin for ``exactly`` on a directed indicator; ``d * (v - x)`` would make an overshoot
  a NOT_ACHIEVED with a positive margin and an attainment above 1, against "positive =
  on the better side" and "above 1 is always better". This reading is the one
  docs/explanation/verdicts.md states.);
- attainment is None on target, for ordinal rules, and for a zero bound or value;
- ordinal rules: margin in rating steps (KHTNV 0 < HTNV 1 < HTTNV 2 < HTXSNV 3),
  ratios None, ``bound`` the level code.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, NO_DATA, NOT, D, F

UP = rm.Direction.HIGHER_IS_BETTER
DOWN = rm.Direction.LOWER_IS_BETTER
BAND = rm.Direction.ON_TARGET


def judge(
    rule: rm.Rule,
    value: Any,
    direction: rm.Direction | None = None,
    *,
    unit: str | None = "percent",
    policy: rm.Policy | None = None,
) -> rm.Verdict:
    indicator = rm.Indicator("x", unit=unit, direction=direction)
    result = value if isinstance(value, rm.Result) else rm.Result(value)
    return rm.evaluate(rm.Target(indicator, rule), result, policy=policy)


def check(
    verdict: rm.Verdict,
    status: rm.Status,
    margin: Any,
    relative: Any,
    attainment: Any,
    bound: Any,
) -> None:
    assert verdict.status is status
    assert verdict.met is (status in (EXCEEDED, ACHIEVED))
    assert verdict.margin == margin
    assert isinstance(verdict.margin, Decimal | Fraction)
    if relative is None:
        assert verdict.relative_margin is None
    else:
        assert verdict.relative_margin == relative
    if attainment is None:
        assert verdict.attainment is None
    else:
        assert verdict.attainment == attainment
    assert verdict.bound == bound


# (id, rule, value, status, margin, relative_margin, attainment, bound)
HIGHER_ROWS = [
    # at_least(90): met when v >= 90; ACHIEVED on it, EXCEEDED above it
    ("at_least-below", rm.at_least(90), 85, NOT, D(-5), F(-1, 18), F(17, 18), D(90)),
    ("at_least-on", rm.at_least(90), 90, ACHIEVED, D(0), D(0), D(1), D(90)),
    ("at_least-on-90.0", rm.at_least(90), "90.0", ACHIEVED, D(0), D(0), D(1), D(90)),
    (
        "at_least-above",
        rm.at_least(90),
        "93.1",
        EXCEEDED,
        D("3.1"),
        F(31, 900),
        F(931, 900),
        D(90),
    ),
    ("at_least-zero-value", rm.at_least(90), 0, NOT, D(-90), D(-1), None, D(90)),
    ("at_least-zero-bound", rm.at_least(0), 5, EXCEEDED, D(5), None, None, D(0)),
    # above(90): met when v > 90, and then only ACHIEVED; on the bound is a miss by 0
    ("above-below", rm.above(90), 85, NOT, D(-5), F(-1, 18), F(17, 18), D(90)),
    ("above-on", rm.above(90), 90, NOT, D(0), D(0), D(1), D(90)),
    ("above-above", rm.above(90), 94, ACHIEVED, D(4), F(2, 45), F(47, 45), D(90)),
    ("above-far-above", rm.above(90), 100, ACHIEVED, D(10), F(1, 9), F(10, 9), D(90)),
    # between(3, 5), higher is better: met from lo, EXCEEDED beyond hi
    ("between-below", rm.between(3, 5), 2, NOT, D(-1), F(-1, 3), F(2, 3), D(3)),
    ("between-on-lo", rm.between(3, 5), 3, ACHIEVED, D(0), D(0), D(1), D(3)),
    ("between-inside", rm.between(3, 5), 4, ACHIEVED, D(1), F(1, 3), F(4, 3), D(3)),
    ("between-on-hi", rm.between(3, 5), 5, ACHIEVED, D(2), F(2, 3), F(5, 3), D(3)),
    ("between-above", rm.between(3, 5), 6, EXCEEDED, D(1), D("0.2"), D(2), D(5)),
    ("between-above-frac", rm.between(3, 5), "5.5", EXCEEDED, D("0.5"), D("0.1"), F(11, 6), D(5)),
    # exactly(100): met only on 100, never EXCEEDED; a point, so any miss is -|v - x|
    # and there is no attainment, whatever the direction (see the module docstring)
    ("exactly-below", rm.exactly(100), 99, NOT, D(-1), D("-0.01"), None, D(100)),
    ("exactly-on", rm.exactly(100), 100, ACHIEVED, D(0), D(0), None, D(100)),
    ("exactly-above", rm.exactly(100), 101, NOT, D(-1), D("-0.01"), None, D(100)),
]

LOWER_ROWS = [
    # at_most(4): met when v <= 4; ACHIEVED on it, EXCEEDED below it
    ("at_most-below", rm.at_most(4), "3.1", EXCEEDED, D("0.9"), D("0.225"), F(40, 31), D(4)),
    ("at_most-on", rm.at_most(4), 4, ACHIEVED, D(0), D(0), D(1), D(4)),
    ("at_most-above", rm.at_most(4), 5, NOT, D(-1), D("-0.25"), D("0.8"), D(4)),
    ("at_most-zero-value", rm.at_most(4), 0, EXCEEDED, D(4), D(1), None, D(4)),
    ("at_most-zero-bound", rm.at_most(0), 2, NOT, D(-2), None, None, D(0)),
    # below(4): met when v < 4, and then only ACHIEVED
    ("below-below", rm.below(4), "3.1", ACHIEVED, D("0.9"), D("0.225"), F(40, 31), D(4)),
    ("below-on", rm.below(4), 4, NOT, D(0), D(0), D(1), D(4)),
    ("below-above", rm.below(4), 5, NOT, D(-1), D("-0.25"), D("0.8"), D(4)),
    # between(3, 5), lower is better: met up to hi, EXCEEDED below lo
    ("between-below", rm.between(3, 5), 2, EXCEEDED, D(1), F(1, 3), D("2.5"), D(3)),
    ("between-on-lo", rm.between(3, 5), 3, ACHIEVED, D(2), D("0.4"), F(5, 3), D(5)),
    ("between-inside", rm.between(3, 5), 4, ACHIEVED, D(1), D("0.2"), D("1.25"), D(5)),
    ("between-on-hi", rm.between(3, 5), 5, ACHIEVED, D(0), D(0), D(1), D(5)),
    ("between-above", rm.between(3, 5), 6, NOT, D(-1), D("-0.2"), F(5, 6), D(5)),
    # exactly(100), lower is better: still a point
    ("exactly-below", rm.exactly(100), 99, NOT, D(-1), D("-0.01"), None, D(100)),
    ("exactly-on", rm.exactly(100), 100, ACHIEVED, D(0), D(0), None, D(100)),
    ("exactly-above", rm.exactly(100), 101, NOT, D(-1), D("-0.01"), None, D(100)),
]

ON_TARGET_ROWS = [
    # between(3, 5) on target: ACHIEVED inside, never EXCEEDED; margin to the nearer end
    ("between-below", rm.between(3, 5), 2, NOT, D(-1), F(-1, 3), None, D(3)),
    ("between-on-lo", rm.between(3, 5), 3, ACHIEVED, D(0), D(0), None, D(3)),
    ("between-near-lo", rm.between(3, 5), "3.5", ACHIEVED, D("0.5"), F(1, 6), None, D(3)),
    ("between-near-hi", rm.between(3, 5), "4.5", ACHIEVED, D("0.5"), D("0.1"), None, D(5)),
    ("between-on-hi", rm.between(3, 5), 5, ACHIEVED, D(0), D(0), None, D(5)),
    ("between-above", rm.between(3, 5), 6, NOT, D(-1), D("-0.2"), None, D(5)),
    ("between-far-above", rm.between(3, 5), 9, NOT, D(-4), D("-0.8"), None, D(5)),
    # exactly(100) on target: any miss is a miss by |v - x|
    ("exactly-below", rm.exactly(100), 99, NOT, D(-1), D("-0.01"), None, D(100)),
    ("exactly-on", rm.exactly(100), 100, ACHIEVED, D(0), D(0), None, D(100)),
    ("exactly-above", rm.exactly(100), 101, NOT, D(-1), D("-0.01"), None, D(100)),
]


def _params(rows: list[tuple[Any, ...]], directions: list[rm.Direction | None]) -> list[Any]:
    params = []
    for row_id, *row in rows:
        for direction in directions:
            name = "implied" if direction is None else direction.name
            params.append(pytest.param(*row, direction, id=f"{row_id}-{name}"))
    return params


_IMPLIES_HIGHER = {rm.Kind.AT_LEAST, rm.Kind.ABOVE, rm.Kind.BETWEEN}
_IMPLIES_LOWER = {rm.Kind.AT_MOST, rm.Kind.BELOW}

_ROW_FIELDS = ("rule", "value", "status", "margin", "relative", "attainment", "bound", "direction")


@pytest.mark.parametrize(
    _ROW_FIELDS,
    [
        # higher is better: stated, or implied by the rule where it implies it
        *_params([r for r in HIGHER_ROWS if r[1].kind in _IMPLIES_HIGHER], [None, UP]),
        *_params([r for r in HIGHER_ROWS if r[1].kind not in _IMPLIES_HIGHER], [UP]),
        # lower is better
        *_params([r for r in LOWER_ROWS if r[1].kind in _IMPLIES_LOWER], [None, DOWN]),
        *_params([r for r in LOWER_ROWS if r[1].kind not in _IMPLIES_LOWER], [DOWN]),
        # on target: a miss on either side is a miss
        *_params([r for r in ON_TARGET_ROWS if r[1].kind is rm.Kind.EXACTLY], [None, BAND]),
        *_params([r for r in ON_TARGET_ROWS if r[1].kind is rm.Kind.BETWEEN], [BAND]),
    ],
)
def test_contract_table(
    rule: rm.Rule,
    value: Any,
    status: rm.Status,
    margin: Any,
    relative: Any,
    attainment: Any,
    bound: Any,
    direction: rm.Direction | None,
) -> None:
    """Each row of DESIGN.md section 2, under each direction that the rule allows."""
    check(judge(rule, value, direction), status, margin, relative, attainment, bound)


def test_on_target_midpoint_is_inside_by_half_the_width() -> None:
    verdict = judge(rm.between(3, 5), 4, BAND)
    assert verdict.status is ACHIEVED
    assert verdict.margin == 1
    assert verdict.attainment is None


@pytest.mark.parametrize(
    ("value", "status"),
    [
        pytest.param(2, NOT, id="below"),
        pytest.param(3, ACHIEVED, id="on-lo"),
        pytest.param(4, ACHIEVED, id="inside"),
        pytest.param(5, ACHIEVED, id="on-hi"),
        pytest.param(6, NOT, id="above"),
    ],
)
def test_on_target_range_is_never_exceeded(value: int, status: rm.Status) -> None:
    assert judge(rm.between(3, 5), value, BAND).status is status


# --- ordinal rules on PARTY_QUALITY ---------------------------------------------------------

ORDINAL_ROWS = [
    # at_least("HTTNV"): rank >= 2
    ("at_least-far-below", rm.at_least("HTTNV"), None, "KHTNV", NOT, D(-2), "HTTNV"),
    ("at_least-below", rm.at_least("HTTNV"), None, "HTNV", NOT, D(-1), "HTTNV"),
    ("at_least-on", rm.at_least("HTTNV"), None, "HTTNV", ACHIEVED, D(0), "HTTNV"),
    ("at_least-above", rm.at_least("HTTNV"), None, "HTXSNV", EXCEEDED, D(1), "HTTNV"),
    ("at_least-on-H", rm.at_least("HTTNV"), UP, "HTTNV", ACHIEVED, D(0), "HTTNV"),
    ("at_least-above-H", rm.at_least("HTTNV"), UP, "HTXSNV", EXCEEDED, D(1), "HTTNV"),
    # above("HTNV"): rank > 1, met is ACHIEVED
    ("above-below", rm.above("HTNV"), None, "KHTNV", NOT, D(-1), "HTNV"),
    ("above-on", rm.above("HTNV"), None, "HTNV", NOT, D(0), "HTNV"),
    ("above-above", rm.above("HTNV"), None, "HTTNV", ACHIEVED, D(1), "HTNV"),
    ("above-far-above", rm.above("HTNV"), UP, "HTXSNV", ACHIEVED, D(2), "HTNV"),
    # at_most("HTNV") on ranks, lower is better
    ("at_most-below", rm.at_most("HTNV"), None, "KHTNV", EXCEEDED, D(1), "HTNV"),
    ("at_most-on", rm.at_most("HTNV"), None, "HTNV", ACHIEVED, D(0), "HTNV"),
    ("at_most-above", rm.at_most("HTNV"), DOWN, "HTTNV", NOT, D(-1), "HTNV"),
    # below("HTNV") on ranks
    ("below-below", rm.below("HTNV"), None, "KHTNV", ACHIEVED, D(1), "HTNV"),
    ("below-on", rm.below("HTNV"), None, "HTNV", NOT, D(0), "HTNV"),
    ("below-above", rm.below("HTNV"), DOWN, "HTXSNV", NOT, D(-2), "HTNV"),
    # between("HTNV", "HTTNV"), higher is better
    ("between-below", rm.between("HTNV", "HTTNV"), None, "KHTNV", NOT, D(-1), "HTNV"),
    ("between-on-lo", rm.between("HTNV", "HTTNV"), None, "HTNV", ACHIEVED, D(0), "HTNV"),
    ("between-on-hi", rm.between("HTNV", "HTTNV"), None, "HTTNV", ACHIEVED, D(1), "HTNV"),
    ("between-above", rm.between("HTNV", "HTTNV"), UP, "HTXSNV", EXCEEDED, D(1), "HTTNV"),
    # between("HTNV", "HTTNV"), lower is better
    ("between-L-below", rm.between("HTNV", "HTTNV"), DOWN, "KHTNV", EXCEEDED, D(1), "HTNV"),
    ("between-L-on-lo", rm.between("HTNV", "HTTNV"), DOWN, "HTNV", ACHIEVED, D(1), "HTTNV"),
    ("between-L-on-hi", rm.between("HTNV", "HTTNV"), DOWN, "HTTNV", ACHIEVED, D(0), "HTTNV"),
    ("between-L-above", rm.between("HTNV", "HTTNV"), DOWN, "HTXSNV", NOT, D(-1), "HTTNV"),
    # between("HTNV", "HTTNV") on target
    ("between-O-below", rm.between("HTNV", "HTTNV"), BAND, "KHTNV", NOT, D(-1), "HTNV"),
    ("between-O-on-lo", rm.between("HTNV", "HTTNV"), BAND, "HTNV", ACHIEVED, D(0), "HTNV"),
    ("between-O-on-hi", rm.between("HTNV", "HTTNV"), BAND, "HTTNV", ACHIEVED, D(0), "HTTNV"),
    ("between-O-above", rm.between("HTNV", "HTTNV"), BAND, "HTXSNV", NOT, D(-1), "HTTNV"),
    # exactly("HTTNV"), on target (implied)
    ("exactly-below", rm.exactly("HTTNV"), None, "HTNV", NOT, D(-1), "HTTNV"),
    ("exactly-on", rm.exactly("HTTNV"), None, "HTTNV", ACHIEVED, D(0), "HTTNV"),
    ("exactly-above", rm.exactly("HTTNV"), BAND, "HTXSNV", NOT, D(-1), "HTTNV"),
    # exactly("HTTNV") with a stated direction: still a point, any miss is negative
    ("exactly-H-above", rm.exactly("HTTNV"), UP, "HTXSNV", NOT, D(-1), "HTTNV"),
    ("exactly-L-below", rm.exactly("HTTNV"), DOWN, "HTNV", NOT, D(-1), "HTTNV"),
]


@pytest.mark.parametrize(
    ("rule", "direction", "level", "status", "margin", "bound"),
    [pytest.param(*row, id=row_id) for row_id, *row in ORDINAL_ROWS],
)
def test_ordinal(
    rule: rm.Rule,
    direction: rm.Direction | None,
    level: str,
    status: rm.Status,
    margin: Decimal,
    bound: str,
) -> None:
    indicator = rm.Indicator("committee", scale=rm.PARTY_QUALITY, direction=direction)
    verdict = rm.evaluate(rm.Target(indicator, rule), rm.Result(level))
    assert verdict.status is status
    assert verdict.met is (status in (EXCEEDED, ACHIEVED))
    assert verdict.actual == level
    assert verdict.margin == margin
    assert verdict.relative_margin is None
    assert verdict.attainment is None
    assert verdict.bound == bound


@pytest.mark.parametrize(
    ("rule_level", "result_level", "status", "actual"),
    [
        pytest.param("HTTNV", "hoàn thành tốt nhiệm vụ", ACHIEVED, "HTTNV", id="vi-name"),
        pytest.param("HTTNV", "Hoàn Thành Xuất Sắc Nhiệm Vụ", EXCEEDED, "HTXSNV", id="vi-case"),
        pytest.param("HTTNV", "completed", NOT, "HTNV", id="en-name"),
        pytest.param("good", "httnv", ACHIEVED, "HTTNV", id="rule-by-name"),
        pytest.param("hoàn thành tốt nhiệm vụ", "HTXSNV", EXCEEDED, "HTXSNV", id="rule-vi"),
    ],
)
def test_ordinal_levels_by_name(
    rule_level: str, result_level: str, status: rm.Status, actual: str
) -> None:
    indicator = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
    target = rm.Target(indicator, rm.at_least(rule_level))
    assert target.rule == rm.at_least("HTTNV")
    verdict = rm.evaluate(target, rm.Result(result_level))
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.bound == "HTTNV"


# --- the strict-bound policy ----------------------------------------------------------------

STRICT = rm.Policy(strict_met=rm.Status.EXCEEDED)


@pytest.mark.parametrize(
    ("rule", "value", "default", "strict"),
    [
        pytest.param(rm.above(95), 98, ACHIEVED, EXCEEDED, id="above-met"),
        pytest.param(rm.below(4), "3.1", ACHIEVED, EXCEEDED, id="below-met"),
        pytest.param(rm.above(95), 95, NOT, NOT, id="above-on-bound"),
        pytest.param(rm.above(95), 94, NOT, NOT, id="above-missed"),
        pytest.param(rm.below(4), 4, NOT, NOT, id="below-on-bound"),
        pytest.param(rm.at_least(95), 95, ACHIEVED, ACHIEVED, id="at_least-on-unaffected"),
        pytest.param(rm.at_least(95), 98, EXCEEDED, EXCEEDED, id="at_least-above-unaffected"),
        pytest.param(rm.at_most(4), 4, ACHIEVED, ACHIEVED, id="at_most-on-unaffected"),
        pytest.param(rm.exactly(100), 100, ACHIEVED, ACHIEVED, id="exactly-unaffected"),
        pytest.param(rm.between(3, 5), 4, ACHIEVED, ACHIEVED, id="between-inside-unaffected"),
    ],
)
def test_policy_strict_met(
    rule: rm.Rule, value: Any, default: rm.Status, strict: rm.Status
) -> None:
    assert judge(rule, value).status is default
    assert judge(rule, value, policy=rm.Policy()).status is default
    verdict = judge(rule, value, policy=STRICT)
    assert verdict.status is strict
    # the margin does not depend on the policy
    assert verdict.margin == judge(rule, value).margin


def test_policy_strict_met_on_an_ordinal_bound() -> None:
    indicator = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
    target = rm.Target(indicator, rm.above("HTNV"))
    assert rm.evaluate(target, rm.Result("HTTNV")).status is ACHIEVED
    assert rm.evaluate(target, rm.Result("HTTNV"), policy=STRICT).status is EXCEEDED


# --- the review table of DOMAIN.md section 1 ------------------------------------------------


def test_domain_row_1_strict_bound_met_is_achieved() -> None:
    # "Trên 90% chi bộ hoàn thành tốt nhiệm vụ" -> 94%: Đạt
    verdict = judge(rm.above(90), 94)
    check(verdict, ACHIEVED, D(4), F(2, 45), F(47, 45), D(90))


def test_domain_row_2_inclusive_bound_beaten_is_exceeded_by_points() -> None:
    # "92% trở lên" -> 94,5%: Vượt 2,5% (percentage points)
    verdict = judge(rm.at_least(92), "94.5")
    assert verdict.status is EXCEEDED
    assert verdict.margin == Decimal("2.5")
    assert type(verdict.margin) is Decimal
    assert verdict.unit == "percent"
    assert verdict.relative_margin == F(5, 184)
    assert verdict.attainment == F(189, 184)


def test_domain_row_3_inclusive_bound_equalled_is_achieved() -> None:
    # "97% trở lên" -> 97%: Đạt
    check(judge(rm.at_least(97), 97), ACHIEVED, D(0), D(0), D(1), D(97))


def test_domain_row_4_count_margin_is_relative() -> None:
    # 249 admissions against 80 a year for three years (240): Vượt 3,75%
    verdict = judge(rm.at_least(240), 249, unit="member")
    assert verdict.status is EXCEEDED
    assert verdict.actual == 249
    assert verdict.margin == 9
    assert verdict.relative_margin == Decimal("0.0375")
    assert verdict.attainment == Decimal("1.0375")
    assert verdict.unit == "member"


def test_domain_row_5_exact_ratio_is_judged_not_the_rounded_percent() -> None:
    # 33/52 = 63,5% against 70%: not achieved; "Đạt 90,7% so với nghị quyết" is attainment
    verdict = judge(rm.at_least(70), rm.Result.ratio(33, 52))
    assert verdict.status is NOT
    assert verdict.met is False
    assert verdict.actual == F(3300, 52)
    assert verdict.margin == F(3300, 52) - 70
    assert verdict.margin == F(-85, 13)
    assert verdict.relative_margin == F(-17, 182)
    assert verdict.attainment == F(3300, 52 * 70)
    assert verdict.attainment == F(165, 182)


def test_ratio_on_the_bound_is_achieved() -> None:
    verdict = judge(rm.at_least(29), rm.Result.ratio(29, 100))
    check(verdict, ACHIEVED, D(0), D(0), D(1), D(29))


def test_ratio_just_below_a_rounded_bound_is_not_achieved() -> None:
    # 2/3 = 66.666...% rounds to 66.67 for display but is below at_least("66.67")
    verdict = judge(rm.at_least("66.67"), rm.Result.ratio(2, 3))
    assert verdict.status is NOT
    assert verdict.margin == F(200, 3) - F(6667, 100)
    assert verdict.margin == F(-1, 300)


# 33/52 = 825/13 % = 63.4615...%: an exact ratio against decimal and fractional bounds.
# 825/13 - 63.46 = (82500 - 82498)/1300 = 1/650; 63.47 - 825/13 = (82511 - 82500)/1300
RATIO = rm.Result.ratio(33, 52)
V = F(825, 13)
B46, B47 = D("63.46"), D("63.47")
ABOVE_46 = F(1, 650)  # how far V is above 63.46
BELOW_47 = F(11, 1300)  # how far V is below 63.47


@pytest.mark.parametrize(
    ("rule", "direction", "status", "margin", "bound"),
    [
        pytest.param(rm.at_least(V), None, ACHIEVED, D(0), V, id="at_least-on"),
        pytest.param(rm.above(V), None, NOT, D(0), V, id="above-on"),
        pytest.param(rm.at_most(V), None, ACHIEVED, D(0), V, id="at_most-on"),
        pytest.param(rm.below(V), None, NOT, D(0), V, id="below-on"),
        pytest.param(rm.exactly(V), None, ACHIEVED, D(0), V, id="exactly-on"),
        pytest.param(rm.exactly(V), UP, ACHIEVED, D(0), V, id="exactly-on-UP"),
        pytest.param(rm.at_least(B46), None, EXCEEDED, ABOVE_46, B46, id="at_least-above"),
        pytest.param(rm.at_least(B47), None, NOT, -BELOW_47, B47, id="at_least-below"),
        pytest.param(rm.above(B46), None, ACHIEVED, ABOVE_46, B46, id="above-above"),
        pytest.param(rm.at_most(B47), None, EXCEEDED, BELOW_47, B47, id="at_most-below"),
        pytest.param(rm.below(B46), None, NOT, -ABOVE_46, B46, id="below-above"),
        pytest.param(rm.between(B46, B47), None, ACHIEVED, ABOVE_46, B46, id="UP-inside"),
        pytest.param(rm.between(B46, B47), BAND, ACHIEVED, ABOVE_46, B46, id="BAND-inside"),
        pytest.param(rm.between(B47, 70), None, NOT, -BELOW_47, B47, id="UP-below"),
        pytest.param(rm.between(50, B46), None, EXCEEDED, ABOVE_46, B46, id="UP-above"),
        pytest.param(rm.between(50, B46), DOWN, NOT, -ABOVE_46, B46, id="DOWN-above"),
        pytest.param(rm.between(B47, 70), DOWN, EXCEEDED, BELOW_47, B47, id="DOWN-below"),
        pytest.param(rm.between(60, V), None, ACHIEVED, F(45, 13), D(60), id="UP-on-hi"),
    ],
)
def test_exact_ratio_against_bounds(
    rule: rm.Rule, direction: rm.Direction | None, status: rm.Status, margin: Any, bound: Any
) -> None:
    verdict = judge(rule, RATIO, direction)
    assert verdict.status is status
    assert verdict.actual == V
    assert verdict.margin == margin
    assert verdict.bound == bound


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("93.1", id="str"),
        pytest.param(93.1, id="float"),
        pytest.param(Decimal("93.1"), id="Decimal"),
        pytest.param(Fraction(931, 10), id="Fraction"),
        pytest.param("931/10", id="str-ratio"),
    ],
)
def test_margin_is_exact_whatever_the_input_type(value: Any) -> None:
    verdict = judge(rm.at_least(90), value)
    assert verdict.status is EXCEEDED
    assert verdict.actual == Decimal("93.1")
    assert verdict.margin == Decimal("3.1")
    assert verdict.relative_margin == F(31, 900)
    assert verdict.attainment == F(931, 900)


def test_float_bound_is_read_as_written() -> None:
    verdict = judge(rm.at_least(90.1), "93.2")
    assert verdict.margin == Decimal("3.1")
    verdict = judge(rm.at_most(0.3), rm.Result("0.1"), DOWN)
    assert verdict.margin == Decimal("0.2")


# --- no data ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "results",
    [
        pytest.param(None, id="None"),
        pytest.param([], id="empty-list"),
        pytest.param((), id="empty-tuple"),
        pytest.param(iter([]), id="empty-iterator"),
    ],
)
@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(rm.at_least(90), id="at_least"),
        pytest.param(rm.above(90), id="above"),
        pytest.param(rm.between(80, 90), id="between"),
        pytest.param(rm.exactly(90), id="exactly"),
    ],
)
def test_no_result_is_no_data(results: Any, rule: rm.Rule) -> None:
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rule)
    verdict = rm.evaluate(target, results)
    assert verdict.status is NO_DATA
    assert verdict.met is False
    assert verdict.actual is None
    assert verdict.margin is None
    assert verdict.relative_margin is None
    assert verdict.attainment is None


def test_no_result_on_a_rated_indicator_is_no_data() -> None:
    target = rm.Target(rm.Indicator("committee", scale=rm.PARTY_QUALITY), rm.at_least("HTTNV"))
    verdict = rm.evaluate(target, [])
    assert verdict.status is NO_DATA
    assert verdict.met is False
    assert verdict.actual is None
    assert verdict.margin is None


def test_lower_is_better_no_data() -> None:
    target = rm.Target(rm.Indicator("poverty", unit="percent"), rm.below(4))
    verdict = rm.evaluate(target, None)
    assert verdict.status is NO_DATA
    assert verdict.attainment is None


# --- unit conversion -----------------------------------------------------------------------

MONEY = rm.Indicator("budget", unit="triệu đồng")
IN_TY = rm.Target(MONEY, rm.at_least(25_000), unit="tỷ đồng")


@pytest.mark.parametrize(
    ("result", "status", "actual", "margin"),
    [
        pytest.param(rm.Result(25_000_000), ACHIEVED, D(25_000), D(0), id="trieu-implied-on"),
        pytest.param(
            rm.Result(25_000_000, unit="triệu đồng"), ACHIEVED, D(25_000), D(0), id="trieu-on"
        ),
        pytest.param(rm.Result(25_000, unit="tỷ đồng"), ACHIEVED, D(25_000), D(0), id="ty-on"),
        pytest.param(rm.Result(25_001, unit="tỉ đồng"), EXCEEDED, D(25_001), D(1), id="ti-above"),
        pytest.param(
            rm.Result("24999999.5"), NOT, D("24999.9995"), D("-0.0005"), id="trieu-just-below"
        ),
        pytest.param(
            rm.Result("25000000.001"),
            EXCEEDED,
            D("25000.000001"),
            D("0.000001"),
            id="trieu-just-above",
        ),
        pytest.param(
            rm.Result(25_000_000_000, unit="nghìn đồng"), ACHIEVED, D(25_000), D(0), id="nghin"
        ),
        pytest.param(rm.Result(25 * 10**12, unit="đồng"), ACHIEVED, D(25_000), D(0), id="dong"),
    ],
)
def test_target_in_ty_on_indicator_in_trieu(
    result: rm.Result, status: rm.Status, actual: Decimal, margin: Decimal
) -> None:
    verdict = rm.evaluate(IN_TY, result)
    assert verdict.unit == "tỷ đồng"
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin


def test_target_in_ty_ratios_are_exact() -> None:
    verdict = rm.evaluate(IN_TY, rm.Result("24999999.5"))
    # -0.0005 / 25000 and 24999.9995 / 25000
    assert verdict.relative_margin == Decimal("-0.00000002")
    assert verdict.attainment == Decimal("0.99999998")


def test_target_in_trieu_on_indicator_in_ty() -> None:
    indicator = rm.Indicator("budget", unit="tỷ đồng")
    target = rm.Target(indicator, rm.at_least(500), unit="triệu đồng")
    assert rm.evaluate(target, rm.Result("0.5")).status is ACHIEVED
    verdict = rm.evaluate(target, rm.Result(Decimal("0.4995")))
    assert verdict.status is NOT
    assert verdict.actual == Decimal("499.5")
    assert verdict.margin == Decimal("-0.5")
    verdict = rm.evaluate(target, rm.Result(3_745_356, unit="triệu đồng"))
    assert verdict.status is EXCEEDED
    assert verdict.margin == 3_744_856


def test_result_in_another_unit_than_the_indicator() -> None:
    target = rm.Target(rm.Indicator("revenue", unit="tỷ đồng"), rm.at_least(3745))
    verdict = rm.evaluate(target, rm.Result(3_745_356, unit="triệu đồng"))
    assert verdict.unit == "tỷ đồng"
    assert verdict.status is EXCEEDED
    assert verdict.actual == Decimal("3745.356")
    assert verdict.margin == Decimal("0.356")


def test_pint_units_compare_exactly() -> None:
    roads = rm.Target(rm.Indicator("roads", unit="km"), rm.at_least(1500), unit="m")
    assert rm.evaluate(roads, rm.Result("1.5")).status is ACHIEVED
    verdict = rm.evaluate(roads, rm.Result(1499, unit="m"))
    assert verdict.status is NOT
    assert verdict.margin == -1
    forest = rm.Target(rm.Indicator("forest", unit="ha"), rm.at_least(43), unit="km**2")
    verdict = rm.evaluate(forest, rm.Result("4332.98"))
    assert verdict.status is EXCEEDED
    assert verdict.actual == Decimal("43.3298")
    assert verdict.margin == Decimal("0.3298")


def test_permille_result_on_a_percent_indicator() -> None:
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90))
    verdict = rm.evaluate(target, rm.Result(931, unit="permille"))
    assert verdict.actual == Decimal("93.1")
    assert verdict.margin == Decimal("3.1")


# --- which result is judged ----------------------------------------------------------------

# the years between are left out so that no as_of below falls in the year of a result
YEARLY = [
    rm.Result(91, period=2019),
    rm.Result(95, period=2023),
    rm.Result(89, period=2021),
]


@pytest.mark.parametrize(
    ("as_of", "status", "actual"),
    [
        pytest.param(None, EXCEEDED, D(95), id="final-review-latest-period"),
        pytest.param(date(2024, 6, 30), EXCEEDED, D(95), id="after-all"),
        pytest.param(date(2022, 6, 30), NOT, D(89), id="mid-2022-leaves-out-2023"),
        pytest.param(date(2020, 6, 30), EXCEEDED, D(91), id="mid-2020-leaves-out-2021-2023"),
        pytest.param(date(2018, 6, 30), NO_DATA, None, id="before-any"),
    ],
)
def test_latest_result_at_as_of(as_of: date | None, status: rm.Status, actual: Any) -> None:
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90))
    verdict = rm.evaluate(target, YEARLY, as_of=as_of)
    assert verdict.status is status
    assert verdict.actual == actual


def test_latest_is_by_period_not_by_position() -> None:
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90))
    verdict = rm.evaluate(target, list(reversed(YEARLY)))
    assert verdict.actual == 95
    verdict = rm.evaluate(target, (r for r in YEARLY))  # any iterable
    assert verdict.actual == 95


def test_several_results_without_periods_have_no_latest_and_are_refused() -> None:
    # judging "the last one given" would make the verdict depend on the order
    # of a list (or of a set): which result is the latest must be stated
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90))
    for results in ([rm.Result(95), rm.Result(89)], [rm.Result(89), rm.Result(95)]):
        with pytest.raises(rm.InvalidResultError) as info:
            rm.evaluate(target, results)
        first, second = results
        assert str(info.value) == (
            f"indicator 'org_good': several results without a period ({first!r}, {second!r}), "
            "so none is the latest; give each its period=YEAR, or pass one result"
        )
    with pytest.raises(rm.InvalidResultTypeError, match="unordered collection has no latest"):
        rm.evaluate(target, {rm.Result(95), rm.Result(89)})
    assert rm.evaluate(target, [rm.Result(89)]).actual == 89


def test_a_single_result_after_as_of_is_left_out() -> None:
    # a result for 2023 is not known in mid-2022, whether given alone or in a list
    target = rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90))
    as_of = date(2022, 6, 30)
    assert rm.evaluate(target, [rm.Result(95, period=2023)], as_of=as_of).status is NO_DATA
    verdict = rm.evaluate(target, rm.Result(95, period=2023), as_of=as_of)
    assert verdict.status is NO_DATA
    assert verdict.actual is None


def test_latest_rating() -> None:
    target = rm.Target(rm.Indicator("committee", scale=rm.PARTY_QUALITY), rm.at_least("HTTNV"))
    ratings = [
        rm.Result("HTTNV", period=2019),
        rm.Result("HTNV", period=2021),
        rm.Result("HTXSNV", period=2023),
    ]
    assert rm.evaluate(target, ratings).status is EXCEEDED
    verdict = rm.evaluate(target, ratings, as_of=date(2022, 6, 30))
    assert verdict.status is NOT
    assert verdict.actual == "HTNV"
    assert verdict.margin == -1


# --- no negative zero --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "value", "direction"),
    [
        pytest.param(rm.at_least(90), "90.0", None, id="at_least-90.0"),
        pytest.param(rm.at_least(0), -0.0, None, id="at_least-0-float-minus-zero"),
        pytest.param(rm.at_least("0.0"), "-0", None, id="at_least-str-minus-zero"),
        pytest.param(rm.above(90), 90, None, id="above-on"),
        pytest.param(rm.at_most(4), "4.00", None, id="at_most-4.00"),
        pytest.param(rm.at_most(0), "-0.0", None, id="at_most-minus-zero"),
        pytest.param(rm.below(4), 4, None, id="below-on"),
        pytest.param(rm.between(3, 5), 3, UP, id="between-H-lo"),
        pytest.param(rm.between(3, 5), "5.0", DOWN, id="between-L-hi"),
        pytest.param(rm.between(3, 5), 5, BAND, id="between-O-hi"),
        pytest.param(rm.between(3, 5), 3, BAND, id="between-O-lo"),
        pytest.param(rm.exactly(100), "100.00", None, id="exactly-O"),
        pytest.param(rm.exactly(0), -0.0, None, id="exactly-O-zero"),
        pytest.param(rm.exactly(100), 100, DOWN, id="exactly-L"),
        pytest.param(rm.exactly(Decimal("-0")), 0, UP, id="exactly-H-zero"),
    ],
)
def test_margin_is_never_negative_zero(
    rule: rm.Rule, value: Any, direction: rm.Direction | None
) -> None:
    verdict = judge(rule, value, direction)
    assert verdict.margin == 0
    assert "-0" not in str(verdict.margin)
    assert not str(verdict.margin).startswith("-")
    if verdict.relative_margin is not None:
        assert "-0" not in str(verdict.relative_margin)


@pytest.mark.parametrize(
    ("rule", "level", "direction"),
    [
        pytest.param(rm.at_least("HTTNV"), "HTTNV", None, id="at_least"),
        pytest.param(rm.at_most("HTNV"), "HTNV", None, id="at_most"),
        pytest.param(rm.exactly("HTNV"), "HTNV", None, id="exactly"),
        pytest.param(rm.between("HTNV", "HTTNV"), "HTTNV", BAND, id="between-O"),
    ],
)
def test_ordinal_margin_is_never_negative_zero(
    rule: rm.Rule, level: str, direction: rm.Direction | None
) -> None:
    indicator = rm.Indicator("committee", scale=rm.PARTY_QUALITY, direction=direction)
    verdict = rm.evaluate(rm.Target(indicator, rule), rm.Result(level))
    assert verdict.margin == 0
    assert "-0" not in str(verdict.margin)
