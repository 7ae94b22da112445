"""Targets over units of observation (``across=``) and quotas of ratings.

Worked out by hand from the contract:

- each unit's series is judged first (years combined within the unit), then the units:
  "all" -> any unit missed is NOT_ACHIEVED, every unit EXCEEDED is EXCEEDED, else
  ACHIEVED, with the worst unit's actual and margin (``verdict.entity``); "any" -> the best
  unit's status and actual; ``at_least_count(k)`` -> actual = the number of units met
  (a Decimal) judged as at_least(k); ``at_least_share(p)`` -> actual = 100 * met / units,
  exactly, judged as at_least(p) percent;
- ``verdict.parts`` holds one verdict per unit in the order units first appear;
  ``verdict.tally`` = (met, units);
- a unit IN_PROGRESS makes the whole IN_PROGRESS; a unit with NO_DATA makes it NO_DATA
  naming the units, unless ``Policy(missing="skip")``;
- ``quota(level, at_most=p, of=..., rounding=...)``: over the units' latest results, the
  count at the level must be at most cap = p % of the units meeting ``of`` (all units if
  None), rounded as stated; within the cap ACHIEVED, over it NOT_ACHIEVED, never EXCEEDED;
  margin = cap - count; basis = at_most(cap) on a count; ``context.periods[0]`` is the size
  of the ``of`` group.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, F, by_unit, raises_exactly

SHARE = rm.Indicator("org_good", unit="percent")
RATED = rm.Indicator("base_rating", scale=rm.PARTY_QUALITY)
MEMBERS = rm.Indicator("admitted", unit="member")


def rated(ratings: list[str]) -> list[rm.Result]:
    return [rm.Result(r, entity=f"TCCS {i:02d}") for i, r in enumerate(ratings, start=1)]


THREE = {"A": 95, "B": 88, "C": 92}  # at_least(90): A beats it by 5, B misses by 2, C by +2


# --------------------------------------------------------------------------- quantifiers


# Over THREE against at_least(90): 2 of 3 units met.
# all -> B is the worst (88, -2); any -> A is the best (95, +5);
# count: 2 against k; share: 100 * 2 / 3 = 200/3 % against p.
QUANTIFIERS = [
    ("all", "all", NOT, D(88), D(-2), "B"),
    ("any", "any", EXCEEDED, D(95), D(5), "A"),
    ("count-2", rm.at_least_count(2), ACHIEVED, D(2), D(0), None),
    ("count-3", rm.at_least_count(3), NOT, D(2), D(-1), None),
    ("count-1", rm.at_least_count(1), EXCEEDED, D(2), D(1), None),
    ("share-50", rm.at_least_share(50), EXCEEDED, F(200, 3), F(50, 3), None),
    ("share-on-the-bound", rm.at_least_share(F(200, 3)), ACHIEVED, F(200, 3), D(0), None),
    ("share-70", rm.at_least_share(70), NOT, F(200, 3), F(-10, 3), None),
]


@pytest.mark.parametrize(
    ("across", "status", "actual", "margin", "entity"),
    [case[1:] for case in QUANTIFIERS],
    ids=[case[0] for case in QUANTIFIERS],
)
def test_quantifiers(
    across: Any, status: rm.Status, actual: Any, margin: Any, entity: str | None
) -> None:
    verdict = rm.evaluate(rm.Target(SHARE, rm.at_least(90), across=across), by_unit(THREE))
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.entity == entity
    assert verdict.tally == (2, 3)
    assert [(p.entity, p.actual, p.status) for p in verdict.parts] == [
        ("A", D(95), EXCEEDED),
        ("B", D(88), NOT),
        ("C", D(92), EXCEEDED),
    ]


@pytest.mark.parametrize(
    ("across", "values", "status", "actual", "entity"),
    [
        ("all", {"A": 95, "B": 91, "C": 92}, EXCEEDED, D(91), "B"),  # all beaten: worst B
        ("all", {"A": 90, "B": 95}, ACHIEVED, D(90), "A"),  # one on the bound
        ("all", {"A": 95, "B": 80, "C": 85}, NOT, D(80), "B"),  # two misses: the larger
        ("any", {"A": 80, "B": 85}, NOT, D(85), "B"),  # none met: the best miss
        ("any", {"A": 90, "B": 80}, ACHIEVED, D(90), "A"),  # the best is on the bound
    ],
    ids=["all-exceeded", "all-achieved", "all-worst-miss", "any-none-met", "any-achieved"],
)
def test_all_and_any(
    across: str, values: dict[str, int], status: rm.Status, actual: Any, entity: str
) -> None:
    verdict = rm.evaluate(rm.Target(SHARE, rm.at_least(90), across=across), by_unit(values))
    assert (verdict.status, verdict.actual, verdict.entity) == (status, actual, entity)


def test_count_and_share_are_judged_on_counts_and_percentages() -> None:
    count = rm.evaluate(
        rm.Target(SHARE, rm.at_least(90), across=rm.at_least_count(2)), by_unit(THREE)
    )
    assert type(count.actual) is Decimal
    assert count.basis.rule == rm.at_least(2)
    assert count.basis.unit is None
    assert count.unit is None
    share = rm.evaluate(
        rm.Target(SHARE, rm.at_least(90), across=rm.at_least_share(50)), by_unit(THREE)
    )
    assert share.basis.rule == rm.at_least(50)
    assert share.unit == "percent"


def test_count_in_words_says_how_many_units_met() -> None:
    target = rm.Target(SHARE, rm.at_least(90), across=rm.at_least_count(2))
    assert rm.evaluate(target, by_unit(THREE)).explain() == "achieved (2/3 units met)"


def test_parts_follow_the_order_units_first_appear() -> None:
    results = [
        rm.Result(88, period=2020, entity="B"),
        rm.Result(95, period=2020, entity="A"),
        rm.Result(89, period=2021, entity="B"),
        rm.Result(92, period=2021, entity="C"),
        rm.Result(96, period=2021, entity="A"),
    ]
    target = rm.Target(SHARE, rm.at_least(90), across="all")
    verdict = rm.evaluate(target, results)
    # each unit's latest: B 2021: 89, A 2021: 96, C 2021: 92
    assert [(p.entity, p.actual) for p in verdict.parts] == [
        ("B", D(89)),
        ("A", D(96)),
        ("C", D(92)),
    ]
    assert (verdict.status, verdict.entity, verdict.actual) == (NOT, "B", D(89))


def test_a_unit_with_one_result_per_year_is_judged_on_its_latest() -> None:
    results = [
        rm.Result(80, period=2022, entity="A"),
        rm.Result(95, period=2021, entity="A"),
        rm.Result(91, period=2022, entity="B"),
    ]
    verdict = rm.evaluate(rm.Target(SHARE, rm.at_least(90), across="all"), results)
    assert [(p.entity, p.actual, p.period) for p in verdict.parts] == [
        ("A", D(80), 2022),
        ("B", D(91), 2022),
    ]


# --------------------------------------------------------------------------- years within units


# at_least(80) a year over 2020-2021, per unit:
# A: 80, 85 -> total 165 against 160 (+5); each: ACHIEVED (80 on the bound)
# B: 70, 95 -> total 165 (+5);              each: 2020 misses by 10
# C: 90, 72 -> total 162 (+2);              each: 2021 misses by 8
YEARS_BY_UNIT = {"A": (80, 85), "B": (70, 95), "C": (90, 72)}


def _years_by_unit() -> list[rm.Result]:
    return [
        rm.Result(value, period=year, entity=unit)
        for unit, values in YEARS_BY_UNIT.items()
        for year, value in zip((2020, 2021), values, strict=True)
    ]


@pytest.mark.parametrize(
    ("combine", "across", "status", "actual", "margin", "entity"),
    [
        # every unit's total beats 160: EXCEEDED; the worst is C's 162
        ("total", "all", EXCEEDED, D(162), D(2), "C"),
        # year by year B and C miss: the worst is B's 70 in 2020
        ("each", "all", NOT, D(70), D(-10), "B"),
        ("each", rm.at_least_count(1), ACHIEVED, D(1), D(0), None),
        ("each", rm.at_least_share(50), NOT, F(100, 3), F(-50, 3), None),
        ("total", rm.at_least_count(3), ACHIEVED, D(3), D(0), None),
    ],
    ids=["total-all", "each-all", "each-count", "each-share", "total-count"],
)
def test_units_are_combined_after_years(
    combine: str, across: Any, status: rm.Status, actual: Any, margin: Any, entity: str | None
) -> None:
    target = rm.Target(MEMBERS, rm.at_least(80), per="year", combine=combine, across=across)
    verdict = rm.evaluate(target, _years_by_unit())
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.entity == entity
    assert [p.entity for p in verdict.parts] == ["A", "B", "C"]
    assert all([y.period for y in p.parts] == [2020, 2021] for p in verdict.parts)


def test_the_worst_units_total_is_judged_against_the_scaled_basis() -> None:
    target = rm.Target(MEMBERS, rm.at_least(80), per="year", combine="total", across="all")
    verdict = rm.evaluate(target, _years_by_unit())
    assert verdict.basis.rule == rm.at_least(160)
    assert [p.actual for p in verdict.parts] == [165, 165, 162]
    # 2 / 160 = 1.25 %
    assert verdict.relative_margin == D("0.0125")


# --------------------------------------------------------------------------- units not judged


def test_a_unit_in_progress_makes_the_whole_in_progress() -> None:
    # no term: A reported 2022 (over on 30 June 2023), B only 2023 (not over yet)
    results = [rm.Result(90, period=2022, entity="A"), rm.Result(95, period=2023, entity="B")]
    target = rm.Target(SHARE, rm.at_least(90), per="year", combine="each", across="all")
    verdict = rm.evaluate(target, results, as_of=date(2023, 6, 30))
    assert verdict.status is IN_PROGRESS
    assert verdict.actual is None
    assert [(p.entity, p.status) for p in verdict.parts] == [("A", ACHIEVED), ("B", IN_PROGRESS)]


# term 2021-2022, each year at least 90: A reports both years; B lacks 2022; C reported
# only 2019, outside the term.
GAPS = [
    rm.Result(95, period=2021, entity="A"),
    rm.Result(96, period=2022, entity="A"),
    rm.Result(91, period=2021, entity="B"),
    rm.Result(99, period=2019, entity="C"),
]


@pytest.mark.parametrize("across", ["all", "any", rm.at_least_count(1), rm.at_least_share(50)])
def test_a_unit_without_data_makes_the_whole_no_data(across: Any) -> None:
    target = rm.Target(
        SHARE, rm.at_least(90), per="year", combine="each", across=across, term=(2021, 2022)
    )
    verdict = rm.evaluate(target, GAPS)
    assert verdict.status is NO_DATA
    assert verdict.actual is None
    assert verdict.missing == ("B", "C")
    assert [(p.entity, p.status) for p in verdict.parts] == [
        ("A", EXCEEDED),
        ("B", NO_DATA),
        ("C", NO_DATA),
    ]
    assert verdict.parts[1].missing == (2022,)


@pytest.mark.parametrize(
    ("across", "status", "actual", "entity"),
    [
        # B is judged on 2021 alone (91); C, with nothing in the term, is left out
        ("all", EXCEEDED, D(91), "B"),
        ("any", EXCEEDED, D(95), "A"),
        (rm.at_least_count(2), ACHIEVED, D(2), None),
        # 2 of the 2 units judged
        (rm.at_least_share(100), ACHIEVED, D(100), None),
    ],
    ids=["all", "any", "count", "share"],
)
def test_policy_skip_judges_the_units_reported(
    across: Any, status: rm.Status, actual: Any, entity: str | None
) -> None:
    target = rm.Target(
        SHARE, rm.at_least(90), per="year", combine="each", across=across, term=(2021, 2022)
    )
    verdict = rm.evaluate(target, GAPS, policy=rm.Policy(missing="skip"))
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.entity == entity
    assert [p.period for p in verdict.parts[1].parts] == [2021]


def test_policy_skip_share_and_tally_count_the_same_units() -> None:
    # the contract: actual = 100 * met / units and tally = (met, units); whichever units
    # are counted under skip, the share shown must be the one the tally gives
    target = rm.Target(
        SHARE, rm.at_least(90), per="year", combine="each", across=rm.at_least_share(50),
        term=(2021, 2022),
    )  # fmt: skip
    verdict = rm.evaluate(target, GAPS, policy=rm.Policy(missing="skip"))
    assert verdict.tally is not None
    met, units = verdict.tally
    assert verdict.actual == Fraction(100 * met, units)


def test_a_unit_whose_only_result_is_after_the_review_is_no_data() -> None:
    results = [rm.Result(95, period=2022, entity="A"), rm.Result(91, period=2024, entity="B")]
    target = rm.Target(SHARE, rm.at_least(90), across="all")
    verdict = rm.evaluate(target, results, as_of=date(2023, 6, 30))
    assert verdict.status is NO_DATA
    assert verdict.missing == ("B",)


def test_no_units_at_all_is_no_data() -> None:
    verdict = rm.evaluate(rm.Target(SHARE, rm.at_least(90), across="all"), [])
    assert verdict.status is NO_DATA
    assert verdict.actual is None


# --------------------------------------------------------------------------- shares of ratings


# "90 % of base organisations rated good or better": HTTNV or HTXSNV meets at_least("HTTNV").
RATINGS = [
    ("9-of-10", ["HTXSNV"] * 3 + ["HTTNV"] * 6 + ["HTNV"], ACHIEVED, D(90), D(0), (9, 10)),
    ("8-of-10", ["HTXSNV"] * 3 + ["HTTNV"] * 5 + ["HTNV", "KHTNV"], NOT, D(80), D(-10), (8, 10)),
    ("10-of-10", ["HTXSNV"] * 2 + ["HTTNV"] * 8, EXCEEDED, D(100), D(10), (10, 10)),
    # 39 of 46: 3900/46 = 1950/23 = 84.78... %, short of 85 by 5/23
    (
        "39-of-46",
        ["HTXSNV"] * 9 + ["HTTNV"] * 30 + ["HTNV"] * 6 + ["KHTNV"],
        NOT,
        F(1950, 23),
        F(-5, 23),
        (39, 46),
    ),
]


@pytest.mark.parametrize(
    ("ratings", "status", "actual", "margin", "tally"),
    [case[1:] for case in RATINGS],
    ids=[case[0] for case in RATINGS],
)
def test_share_of_units_rated_good_or_better(
    ratings: list[str], status: rm.Status, actual: Any, margin: Any, tally: tuple[int, int]
) -> None:
    share = 85 if len(ratings) == 46 else 90
    target = rm.Target(RATED, rm.at_least("HTTNV"), across=rm.at_least_share(share))
    verdict = rm.evaluate(target, rated(ratings))
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.tally == tally
    assert [p.actual for p in verdict.parts] == ratings


def test_unit_ratings_are_judged_on_the_scale() -> None:
    target = rm.Target(RATED, rm.at_least("HTTNV"), across=rm.at_least_share(90))
    verdict = rm.evaluate(target, rated(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]))
    assert [p.status for p in verdict.parts] == [EXCEEDED, ACHIEVED, NOT, NOT]
    assert [p.margin for p in verdict.parts] == [1, 0, -1, -2]


# --------------------------------------------------------------------------- quotas


# 9 units, 2 of them rated HTXSNV; of=None counts all 9: 20 % of 9 = 1.8.
NINE = ["HTXSNV"] * 2 + ["HTTNV"] * 5 + ["HTNV"] * 2
ROUNDINGS = [
    ("down", D(1), NOT, D(-1)),  # 2 at the level, cap 1: one over
    ("half_up", D(2), ACHIEVED, D(0)),
    ("up", D(2), ACHIEVED, D(0)),
    ("exact", D("1.8"), NOT, D("-0.2")),  # 2 > 1.8
]


@pytest.mark.parametrize(
    ("rounding", "cap", "status", "margin"), ROUNDINGS, ids=[r[0] for r in ROUNDINGS]
)
def test_quota_cap_rounding(
    rounding: str, cap: Decimal, status: rm.Status, margin: Decimal
) -> None:
    target = rm.Target(
        RATED, rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding=rounding)
    )
    verdict = rm.evaluate(target, rated(NINE))
    assert verdict.status is status
    assert verdict.actual == 2
    assert type(verdict.actual) is Decimal
    assert verdict.margin == margin
    assert verdict.basis.rule == rm.at_most(cap)
    assert verdict.basis.unit is None
    assert verdict.context is not None
    assert verdict.context.periods[0] == 9


# of=at_least("HTTNV"): 2 HTXSNV + 5 HTTNV = 7 units; 20 % of 7 = 1.4.
OF_GOOD = [
    ("down", D(1), NOT),
    ("half_up", D(1), NOT),
    ("up", D(2), ACHIEVED),
    ("exact", D("1.4"), NOT),
]


@pytest.mark.parametrize(("rounding", "cap", "status"), OF_GOOD, ids=[r[0] for r in OF_GOOD])
def test_quota_of_the_units_rated_good_or_better(
    rounding: str, cap: Decimal, status: rm.Status
) -> None:
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"), rounding=rounding)
    verdict = rm.evaluate(rm.Target(RATED, rule), rated(NINE))
    assert verdict.status is status
    assert verdict.basis.rule == rm.at_most(cap)
    assert verdict.context is not None
    assert verdict.context.periods[0] == 7


@pytest.mark.parametrize(
    ("at_most", "units", "rounding", "cap"),
    [
        (25, 10, "down", D(2)),  # 2.5
        (25, 10, "half_up", D(3)),
        (25, 10, "up", D(3)),
        (25, 10, "exact", D("2.5")),
        (10, 5, "down", D(0)),  # 0.5
        (10, 5, "half_up", D(1)),
        (10, 5, "up", D(1)),
        (10, 5, "exact", D("0.5")),
        (20, 10, "down", D(2)),  # 2, whole already
        (20, 10, "up", D(2)),
        (Fraction(100, 3), 10, "exact", Fraction(10, 3)),  # 10/3, not a decimal
    ],
    ids=lambda value: str(value),
)
def test_quota_caps(at_most: Any, units: int, rounding: str, cap: Any) -> None:
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=at_most, of=None, rounding=rounding)
    verdict = rm.evaluate(rm.Target(RATED, rule), rated(["HTTNV"] * units))
    assert verdict.basis.lo == cap
    # no unit at the level: within any cap, and never EXCEEDED; the room left is the cap
    assert verdict.status is ACHIEVED
    assert verdict.margin == cap


def test_quota_margin_is_the_room_left() -> None:
    # 30 % of 10 = 3; one unit at the level leaves room for 2
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=30, of=None, rounding="down")
    verdict = rm.evaluate(rm.Target(RATED, rule), rated(["HTXSNV"] + ["HTTNV"] * 9))
    assert (verdict.status, verdict.actual, verdict.margin) == (ACHIEVED, D(1), D(2))


def test_quota_over_the_cap_in_words() -> None:
    # 3 at the level, 20 % of 9 = 1.8 rounded down to 1: 2 over
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="down")
    verdict = rm.evaluate(rm.Target(RATED, rule), rated(["HTXSNV"] * 3 + ["HTTNV"] * 6))
    assert verdict.status is NOT
    assert verdict.margin == -2
    assert verdict.explain() == "not achieved, 2 units over the cap"


@pytest.mark.parametrize(
    ("as_of", "at_level", "status"),
    [
        # E's 2023 rating is not yet known at the end of 2022: B alone is at the level
        (date(2022, 12, 31), 1, ACHIEVED),
        # a final review takes E's 2023 HTXSNV: 2 at the level
        (None, 2, NOT),
    ],
    ids=["end-of-2022", "final-review"],
)
def test_quota_counts_the_units_latest_results(
    as_of: date | None, at_level: int, status: rm.Status
) -> None:
    results = [
        rm.Result("HTXSNV", period=2021, entity="A"),
        rm.Result("HTTNV", period=2022, entity="A"),
        rm.Result("HTXSNV", period=2022, entity="B"),
        rm.Result("HTTNV", period=2022, entity="C"),
        rm.Result("HTTNV", period=2022, entity="D"),
        rm.Result("HTTNV", period=2022, entity="E"),
        rm.Result("HTXSNV", period=2023, entity="E"),
    ]
    # 20 % of 5 = 1
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="down")
    verdict = rm.evaluate(rm.Target(RATED, rule), results, as_of=as_of)
    assert verdict.actual == at_level
    assert verdict.status is status


def test_quota_on_a_numeric_indicator() -> None:
    # units at 95 % or more may be at most half of all: 2 of 3, cap 1.5 rounded down to 1
    rule = rm.quota(rm.at_least(95), at_most=50, of=None, rounding="down")
    verdict = rm.evaluate(rm.Target(SHARE, rule), by_unit({"A": 96, "B": 97, "C": 80}))
    assert (verdict.status, verdict.actual, verdict.margin) == (NOT, D(2), D(-1))


def test_quota_without_results_is_no_data() -> None:
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="down")
    verdict = rm.evaluate(rm.Target(RATED, rule), [])
    assert verdict.status is NO_DATA
    assert verdict.actual is None


# --------------------------------------------------------------------------- errors


def _quota_target(**options: Any) -> rm.Target:
    rule = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="down")
    return rm.Target(RATED, rule, **options)


NOT_A_UNIT = (
    "names a unit of observation (entity), but the target is judged on one value; judge the "
    "units with across='all', 'any', at_least_count(k) or at_least_share(p), or leave entity out"
)

ERRORS = [
    (
        "no-entity-across",
        lambda: rm.evaluate(
            rm.Target(SHARE, rm.at_least(90), across="all"),
            [rm.Result(95, entity="A"), rm.Result(95)],
        ),
        rm.InvalidResultError,
        "indicator 'org_good': the target is judged across units, but Result(95) names no "
        "unit; give entity='...'",
    ),
    (
        "no-entity-quota",
        lambda: rm.evaluate(_quota_target(), [rm.Result("HTTNV")]),
        rm.InvalidResultError,
        "indicator 'base_rating': the target is judged across units, but Result('HTTNV') "
        "names no unit; give entity='...'",
    ),
    (
        "entity-without-across",
        lambda: rm.evaluate(rm.Target(SHARE, rm.at_least(90)), rm.Result(95, entity="A")),
        rm.InvalidResultError,
        f"indicator 'org_good': the result Result(95, entity='A') {NOT_A_UNIT}",
    ),
    (
        "entity-without-across-yearly",
        lambda: rm.evaluate(
            rm.Target(SHARE, rm.at_least(90), per="year", combine="each"),
            [rm.Result(95, period=2021, entity="A")],
        ),
        rm.InvalidResultError,
        f"indicator 'org_good': the result Result(95, period=2021, entity='A') {NOT_A_UNIT}",
    ),
    (
        "two-results-for-one-year-in-one-unit",
        lambda: rm.evaluate(
            rm.Target(SHARE, rm.at_least(90), per="year", combine="each", across="all"),
            [
                rm.Result(90, period=2021, entity="A"),
                rm.Result(90, period=2021, entity="B"),
                rm.Result(91, period=2021, entity="A"),
            ],
        ),
        rm.InvalidResultError,
        "indicator 'org_good': two results for 2021 in 'A' (Result(90, period=2021, "
        "entity='A'), Result(91, period=2021, entity='A')); keep one result per year",
    ),
    (
        "count-zero",
        lambda: rm.at_least_count(0),
        rm.InvalidTargetError,
        "at_least_count(k) must be at least 1, got 0; use across='any' for one unit",
    ),
    (
        "count-negative",
        lambda: rm.at_least_count(-2),
        rm.InvalidTargetError,
        "at_least_count(k) must be at least 1, got -2; use across='any' for one unit",
    ),
    (
        "count-float",
        lambda: rm.at_least_count(2.0),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "at_least_count(k) must be a whole number (int), got 2.0",
    ),
    (
        "count-bool",
        lambda: rm.at_least_count(True),
        rm.InvalidTargetTypeError,
        "at_least_count(k) must be a whole number (int), got True",
    ),
    (
        "count-str",
        lambda: rm.at_least_count("3"),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "at_least_count(k) must be a whole number (int), got '3'",
    ),
    (
        "share-zero",
        lambda: rm.at_least_share(0),
        rm.InvalidTargetError,
        "at_least_share(p) is a percentage of units, above 0 and at most 100, got 0",
    ),
    (
        "share-negative",
        lambda: rm.at_least_share(-5),
        rm.InvalidTargetError,
        "at_least_share(p) is a percentage of units, above 0 and at most 100, got -5",
    ),
    (
        "share-over-100",
        lambda: rm.at_least_share("100.5"),
        rm.InvalidTargetError,
        "at_least_share(p) is a percentage of units, above 0 and at most 100, got '100.5'",
    ),
    (
        "share-not-a-number",
        lambda: rm.at_least_share("half"),
        rm.InvalidTargetError,
        "at_least_share(p) must be a number in Python notation such as '95.5' or a ratio "
        "such as '41/71', got 'half'",
    ),
    (
        "share-none",
        lambda: rm.at_least_share(None),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "at_least_share(p) must be a number, got None",
    ),
    (
        "across-unknown-word",
        lambda: rm.Target(SHARE, rm.at_least(90), across="most"),
        rm.InvalidTargetError,
        "Target(across) must be 'all', 'any', at_least_count(k) or at_least_share(p), got 'most'",
    ),
    (
        "quota-over-100",
        lambda: rm.quota(rm.at_least("HTXSNV"), at_most=120, of=None, rounding="down"),
        rm.InvalidTargetError,
        "quota(at_most) is a percentage from 0 to 100, got 120",
    ),
    (
        "quota-negative",
        lambda: rm.quota(rm.at_least("HTXSNV"), at_most=-1, of=None, rounding="down"),
        rm.InvalidTargetError,
        "quota(at_most) is a percentage from 0 to 100, got -1",
    ),
    (
        "quota-rounding-unknown",
        lambda: rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="nearest"),
        rm.InvalidTargetError,
        "quota(rounding) must say how the cap is rounded: one of 'down', 'half_up', 'up', "
        "'exact', got 'nearest'",
    ),
    (
        "quota-level-not-a-rule",
        lambda: rm.quota("HTXSNV", at_most=20, of=None, rounding="down"),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "quota(level) must be a rule such as at_least('HTXSNV'), got 'HTXSNV'",
    ),
    (
        "quota-of-not-a-rule",
        lambda: rm.quota(rm.at_least("HTXSNV"), at_most=20, of="HTTNV", rounding="down"),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "quota(of) must be a rule such as at_least('HTXSNV'), got 'HTTNV'",
    ),
    (
        "quota-with-across",
        lambda: _quota_target(across="all"),
        rm.InvalidTargetError,
        "indicator 'base_rating': a quota already counts the units; leave across and per out",
    ),
    (
        "quota-with-per",
        lambda: _quota_target(per="year", combine="latest"),
        rm.InvalidTargetError,
        "indicator 'base_rating': a quota already counts the units; leave across and per out",
    ),
    (
        "quota-level-numeric-on-a-rated-indicator",
        lambda: rm.Target(RATED, rm.quota(rm.at_least(90), at_most=20, of=None, rounding="up")),
        rm.InvalidTargetError,
        "indicator 'base_rating' is rated on the scale 'party_quality', but the rule "
        "at_least(90) has a numeric bound; give a level such as at_least('HTTNV')",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_errors(call: Any, error: type[Exception], message: str) -> None:
    raises_exactly(call, error, message)


def test_quota_rounding_must_be_stated() -> None:
    with pytest.raises(TypeError) as info:
        rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None)  # type: ignore[call-arg]
    assert str(info.value) == "quota() missing 1 required keyword-only argument: 'rounding'"


@pytest.mark.parametrize(
    ("good", "units", "status", "actual"),
    [
        (9, 10, rm.Status.NOT_ACHIEVED, Decimal(90)),  # 90% is not above 90%
        (19, 20, rm.Status.ACHIEVED, Decimal(95)),  # a met strict bound is achieved
        (10, 10, rm.Status.ACHIEVED, Decimal(100)),
    ],
)
def test_above_share_is_a_strict_share_of_units(
    good: int, units: int, status: rm.Status, actual: Decimal
) -> None:
    """ "Trên 90% chi bộ hoàn thành tốt nhiệm vụ": more than 90% of the cells rated HTTNV+."""
    cells = rm.Indicator("cells", scale=rm.PARTY_QUALITY)
    target = rm.Target(cells, rm.at_least("HTTNV"), across=rm.above_share(90))
    results = [
        rm.Result("HTTNV" if i < good else "HTNV", entity=f"cb {i:02}") for i in range(units)
    ]
    verdict = rm.evaluate(target, results)
    assert (verdict.status, verdict.actual, verdict.tally) == (status, actual, (good, units))


@pytest.mark.parametrize(("p", "message"), [
    (100, "above_share(p) is a percentage of units, from 0 and below 100, got 100"),
    (-1, "above_share(p) is a percentage of units, from 0 and below 100, got -1"),
])  # fmt: skip
def test_above_share_bounds(p: int, message: str) -> None:
    with pytest.raises(rm.InvalidTargetError) as info:
        rm.above_share(p)
    assert str(info.value) == message
