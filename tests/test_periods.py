"""Yearly targets: ``per="year"`` with ``combine`` "each", "total", "mean" or "latest".

Worked out by hand from the contract:

- the years judged are the target's ``term`` (both ends included), else the Resolution's,
  else the years reported; a year is due once it is over (``as_of >= 31 December``);
  ``as_of=None`` is a final review;
- "each": any year missed -> NOT_ACHIEVED, every year EXCEEDED -> EXCEEDED, else ACHIEVED;
  actual, margin and period are the worst year's (lowest status first, then smallest margin);
- "total": the sum of the due years against the yearly bound times the number of years
  judged (``verdict.basis``); margin, relative margin and attainment are against that basis;
- "mean": the exact mean against the yearly bound; "latest": the last due year's verdict;
- a due year without a result -> NO_DATA naming it in ``missing``, unless
  ``Policy(missing="skip")``, which judges on the years reported.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, F, raises_exactly, yearly
from resolmetrics.render import actual_text

MEMBERS = rm.Indicator("admitted", name="New members", unit="member")
SHARE = rm.Indicator("share", unit="percent")
COMMITTEE = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
REVENUE = rm.Indicator("revenue", unit="tỷ đồng")


def admitted(
    combine: str,
    rule: rm.Rule | None = None,
    *,
    term: tuple[int, int] | None = (2020, 2022),
) -> rm.Target:
    return rm.Target(MEMBERS, rule or rm.at_least(80), per="year", combine=combine, term=term)


DOMAIN_YEARS = {2020: 80, 2021: 86, 2022: 83}


# --------------------------------------------------------------------------- combine


# at_least(80) over 2020-2022.
# (80, 86, 83): each -> 80 is on the bound (ACHIEVED), the others beat it: ACHIEVED, worst
#   2020 (margin 0); total 249 against 240 -> +9; mean 83 -> +3; latest 2022: 83 -> +3.
# (80, 78, 90): each -> 2021 misses by 2; total 248 against 240 -> +8;
#   mean 248/3 -> +8/3; latest 2022: 90 -> +10.
# (81, 82, 83): each -> every year beaten: EXCEEDED, worst 2020 (margin 1).
COMBINED = [
    ("each-on-bound", "each", (80, 86, 83), ACHIEVED, D(80), D(0), 2020),
    ("total-domain", "total", (80, 86, 83), EXCEEDED, D(249), D(9), None),
    ("mean-domain", "mean", (80, 86, 83), EXCEEDED, D(83), D(3), None),
    ("latest-domain", "latest", (80, 86, 83), EXCEEDED, D(83), D(3), 2022),
    ("each-one-miss", "each", (80, 78, 90), NOT, D(78), D(-2), 2021),
    ("total-one-miss", "total", (80, 78, 90), EXCEEDED, D(248), D(8), None),
    ("mean-one-miss", "mean", (80, 78, 90), EXCEEDED, F(248, 3), F(8, 3), None),
    ("latest-one-miss", "latest", (80, 78, 90), EXCEEDED, D(90), D(10), 2022),
    ("each-all-beaten", "each", (81, 82, 83), EXCEEDED, D(81), D(1), 2020),
    ("total-short", "total", (70, 80, 89), NOT, D(239), D(-1), None),
    ("mean-on-bound", "mean", (70, 80, 90), ACHIEVED, D(80), D(0), None),
    ("latest-missed", "latest", (90, 90, 79), NOT, D(79), D(-1), 2022),
]


@pytest.mark.parametrize(
    ("combine", "values", "status", "actual", "margin", "period"),
    [case[1:] for case in COMBINED],
    ids=[case[0] for case in COMBINED],
)
def test_combine(
    combine: str,
    values: tuple[int, int, int],
    status: rm.Status,
    actual: Any,
    margin: Any,
    period: int | None,
) -> None:
    results = yearly(dict(zip((2020, 2021, 2022), values, strict=True)))
    verdict = rm.evaluate(admitted(combine), results)
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    if period is not None:
        assert verdict.period == period


@pytest.mark.parametrize("combine", ["each", "total", "mean", "latest"])
def test_parts_hold_one_verdict_per_year_judged(combine: str) -> None:
    verdict = rm.evaluate(admitted(combine), yearly(DOMAIN_YEARS))
    # each year against the yearly rule: 80 on the bound, 86 and 83 beat it
    assert [(p.period, p.actual, p.status) for p in verdict.parts] == [
        (2020, D(80), ACHIEVED),
        (2021, D(86), EXCEEDED),
        (2022, D(83), EXCEEDED),
    ]
    assert verdict.tally == (3, 3)


def test_each_worst_year_is_the_lowest_status_before_the_smallest_margin() -> None:
    # between(4, 6), higher is better: 5.9 is ACHIEVED with margin 5.9 - 4 = 1.9;
    # 6.1 is EXCEEDED with margin 6.1 - 6 = 0.1. The worst year is 2020 (the lower
    # status) although its margin is the larger.
    target = rm.Target(SHARE, rm.between(4, 6), per="year", combine="each")
    verdict = rm.evaluate(target, yearly({2020: "5.9", 2021: "6.1"}))
    assert verdict.status is ACHIEVED
    assert (verdict.period, verdict.actual, verdict.margin) == (2020, D("5.9"), D("1.9"))


def test_each_worst_of_two_misses_is_the_larger_shortfall() -> None:
    verdict = rm.evaluate(admitted("each"), yearly({2020: 79, 2021: 70, 2022: 95}))
    assert verdict.status is NOT
    assert (verdict.period, verdict.actual, verdict.margin) == (2021, D(70), D(-10))


def test_mean_is_exact() -> None:
    # (80 + 81 + 81) / 3 = 242/3, short of 81 by exactly 1/3
    verdict = rm.evaluate(
        admitted("mean", rm.at_least(81)), yearly({2020: 80, 2021: 81, 2022: 81})
    )
    assert verdict.status is NOT
    assert verdict.actual == F(242, 3)
    assert verdict.margin == F(-1, 3)


def test_mean_of_yearly_shares() -> None:
    # (89 + 91 + 90.5) / 3 = 270.5 / 3 = 541/6 = 90.1666...: beats 90 by 1/6 point
    target = rm.Target(SHARE, rm.at_least(90), per="year", combine="mean")
    verdict = rm.evaluate(target, yearly({2020: 89, 2021: 91, 2022: "90.5"}))
    assert verdict.status is EXCEEDED
    assert verdict.actual == F(541, 6)
    assert verdict.margin == F(1, 6)


# --------------------------------------------------------------------------- totals


def test_domain_row_4_total_exceeded_by_3_75_percent() -> None:
    # "Kết nạp 80 đảng viên trở lên mỗi năm: 2020: 80; 2021: 86; 2022: 83 (249) -> Vượt 3,75%"
    # 80 a year over 3 years = 240; 249 - 240 = 9; 9 / 240 = 0.0375; 249 / 240 = 1.0375.
    verdict = rm.evaluate(admitted("total"), yearly(DOMAIN_YEARS))
    assert verdict.status is EXCEEDED
    assert verdict.actual == 249
    assert verdict.margin == 9
    assert verdict.relative_margin == D("0.0375")
    assert verdict.attainment == D("1.0375")
    assert verdict.basis.rule == rm.at_least(240)
    assert verdict.unit == "member"
    assert verdict.explain("vi") == "Vượt 3,75% (9 đảng viên)"
    assert actual_text(verdict) == "2020: 80; 2021: 86; 2022: 83 (total 249 members)"


def test_total_basis_is_the_yearly_rule_times_the_years_judged() -> None:
    target = admitted("total", rm.between(80, 100), term=(2020, 2023))
    # 4 years: between(320, 400); 85 + 90 + 95 + 100 = 370, inside: ACHIEVED, 370 - 320 = 50
    verdict = rm.evaluate(target, yearly({2020: 85, 2021: 90, 2022: 95, 2023: 100}))
    assert verdict.basis.rule == rm.between(320, 400)
    assert verdict.status is ACHIEVED
    assert verdict.actual == 370
    assert verdict.margin == 50


def test_total_of_amounts_in_another_unit() -> None:
    # 100 000 triệu đồng = 100 tỷ đồng; 100 + 105 = 205 against 2 x 100 = 200: +5 tỷ, 2.5 %
    target = rm.Target(REVENUE, rm.at_least(100), per="year", combine="total")
    results = [
        rm.Result(100_000, "triệu đồng", period=2020),
        rm.Result(105, period=2021),
    ]
    verdict = rm.evaluate(target, results)
    assert verdict.status is EXCEEDED
    assert verdict.actual == 205
    assert verdict.margin == 5
    assert verdict.relative_margin == D("0.025")
    assert verdict.basis.rule == rm.at_least(200)


def test_each_and_contract_wording_of_a_weak_year() -> None:
    # 2022: 78 against 80: short by 2 members, 2 / 80 = 2.5 %
    verdict = rm.evaluate(admitted("each"), yearly({2020: 80, 2021: 86, 2022: 78}))
    assert verdict.status is NOT
    assert verdict.relative_margin == D("-0.025")
    assert verdict.explain() == "not achieved, short by 2.5% (2 members; weakest year 2022)"


# --------------------------------------------------------------------------- terms


def test_the_targets_own_term_bounds_the_years() -> None:
    # 2019 and 2023 lie outside the term 2020-2022: 249 against 240 as in the DOMAIN row
    results = yearly({2019: 10, **DOMAIN_YEARS, 2023: 10})
    verdict = rm.evaluate(admitted("total"), results)
    assert verdict.actual == 249
    assert verdict.basis.rule == rm.at_least(240)
    assert [p.period for p in verdict.parts] == [2020, 2021, 2022]


def test_without_a_term_the_years_reported_are_judged() -> None:
    # 2019..2022 reported: 10 + 80 + 86 + 83 = 259 against 4 x 80 = 320
    verdict = rm.evaluate(admitted("total", term=None), yearly({2019: 10, **DOMAIN_YEARS}))
    assert verdict.status is NOT
    assert verdict.actual == 259
    assert verdict.margin == -61
    assert verdict.basis.rule == rm.at_least(320)
    assert [p.period for p in verdict.parts] == [2019, 2020, 2021, 2022]


def test_a_resolutions_term_is_used_when_the_target_has_none() -> None:
    no_term = admitted("total", term=None)
    own_term = rm.Target(
        rm.Indicator("kept", unit="member"), rm.at_least(80), per="year", combine="total",
        term=(2021, 2022),
    )  # fmt: skip
    resolution = rm.Resolution("R", [no_term, own_term], term=(2020, 2022))
    results = {"admitted": yearly({2019: 10, **DOMAIN_YEARS}), "kept": yearly(DOMAIN_YEARS)}
    with pytest.warns(rm.UnusedResultWarning) as caught:
        report = resolution.evaluate(results)
    first, second = report.verdicts
    # the years outside each target's term are left out, and the review says so
    assert [(w.message.key, w.message.years) for w in caught] == [  # type: ignore[union-attr]
        ("admitted", (2019,)),
        ("kept", (2020,)),
    ]
    # the resolution's 2020-2022: 2019 left out, 249 against 240
    assert first.target.term == (2020, 2022)
    assert (first.status, first.actual, first.margin) == (EXCEEDED, D(249), D(9))
    # its own 2021-2022: 86 + 83 = 169 against 160
    assert second.target.term == (2021, 2022)
    assert (second.status, second.actual, second.margin) == (EXCEEDED, D(169), D(9))


# --------------------------------------------------------------------------- due years


@pytest.mark.parametrize(
    ("as_of", "years", "actual", "margin"),
    [
        # 2022 is not over on 30 December: 80 + 86 = 166 against 160
        (date(2022, 12, 30), [2020, 2021], 166, 6),
        # on 31 December it is: 249 against 240
        (date(2022, 12, 31), [2020, 2021, 2022], 249, 9),
        (date(2023, 1, 1), [2020, 2021, 2022], 249, 9),
        (None, [2020, 2021, 2022], 249, 9),
        # only 2020 is over: 80 against 80
        (date(2021, 12, 30), [2020], 80, 0),
    ],
    ids=["30-dec", "31-dec", "1-jan-after", "final-review", "one-year"],
)
def test_a_year_is_due_once_it_is_over(
    as_of: date | None, years: list[int], actual: int, margin: int
) -> None:
    verdict = rm.evaluate(admitted("total"), yearly(DOMAIN_YEARS), as_of=as_of)
    assert [p.period for p in verdict.parts] == years
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.basis.rule == rm.at_least(80 * len(years))


@pytest.mark.parametrize(
    ("as_of", "status"),
    [(date(2022, 12, 30), ACHIEVED), (date(2022, 12, 31), NOT)],
    ids=["before-the-weak-year-is-over", "once-it-is-over"],
)
def test_a_year_not_yet_over_cannot_miss(as_of: date, status: rm.Status) -> None:
    verdict = rm.evaluate(admitted("each"), yearly({2020: 80, 2021: 86, 2022: 50}), as_of=as_of)
    assert verdict.status is status


def test_term_years_not_yet_due_are_not_missing() -> None:
    # term 2020-2025 at 30 June 2023: 2020-2022 are due and reported; 2023-2025 are not due
    target = admitted("total", term=(2020, 2025))
    verdict = rm.evaluate(target, yearly(DOMAIN_YEARS), as_of=date(2023, 6, 30))
    assert verdict.status is EXCEEDED
    assert verdict.missing == ()
    assert verdict.actual == 249


@pytest.mark.parametrize("combine", ["each", "total", "mean", "latest"])
@pytest.mark.parametrize(
    ("term", "results"),
    [
        ((2023, 2025), {2023: 90}),
        (None, {2023: 90}),
        ((2023, 2025), {}),
    ],
    ids=["term-not-started", "only-the-current-year-reported", "nothing-reported"],
)
def test_no_due_year_is_in_progress(
    combine: str, term: tuple[int, int] | None, results: dict[int, int]
) -> None:
    target = admitted(combine, term=term)
    verdict = rm.evaluate(target, yearly(results), as_of=date(2023, 6, 30))
    assert verdict.status is IN_PROGRESS
    assert verdict.actual is None


# --------------------------------------------------------------------------- missing years


@pytest.mark.parametrize("combine", ["each", "total", "mean", "latest"])
@pytest.mark.parametrize(
    ("term", "values", "missing", "reported"),
    [
        ((2020, 2022), {2020: 80, 2022: 83}, (2021,), [2020, 2022]),
        ((2020, 2022), {2020: 80, 2021: 86}, (2022,), [2020, 2021]),
        ((2020, 2023), {2020: 80}, (2021, 2022, 2023), [2020]),
        ((2020, 2022), {2020: 10, 2022: 10}, (2021,), [2020, 2022]),
    ],
    ids=["middle-year", "last-year", "three-years", "reported-years-missed"],
)
def test_a_due_year_without_a_result_is_no_data(
    combine: str,
    term: tuple[int, int],
    values: dict[int, int],
    missing: tuple[int, ...],
    reported: list[int],
) -> None:
    verdict = rm.evaluate(admitted(combine, term=term), yearly(values))
    assert verdict.status is NO_DATA
    assert verdict.actual is None
    assert verdict.missing == missing
    assert [p.period for p in verdict.parts] == reported


# 2020: 80, 2022: 83 with 2021 missing, judged on the two years reported:
# each -> ACHIEVED (80 on the bound), worst 2020; total 163 against 2 x 80 = 160 -> +3;
# mean 163 / 2 = 81.5 -> +1.5; latest 2022: 83 -> +3.
SKIPPED = [
    ("each", ACHIEVED, D(80), D(0), "at_least(80)"),
    ("total", EXCEEDED, D(163), D(3), "at_least(160)"),
    ("mean", EXCEEDED, D("81.5"), D("1.5"), "at_least(80)"),
    ("latest", EXCEEDED, D(83), D(3), "at_least(80)"),
]


@pytest.mark.parametrize(
    ("combine", "status", "actual", "margin", "basis"), SKIPPED, ids=[c[0] for c in SKIPPED]
)
def test_policy_skip_judges_on_the_years_reported(
    combine: str, status: rm.Status, actual: Any, margin: Any, basis: str
) -> None:
    verdict = rm.evaluate(
        admitted(combine), yearly({2020: 80, 2022: 83}), policy=rm.Policy(missing="skip")
    )
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert repr(verdict.basis.rule) == basis
    assert [p.period for p in verdict.parts] == [2020, 2022]


def test_policy_skip_with_nothing_reported_is_still_no_data() -> None:
    verdict = rm.evaluate(admitted("total"), [], policy=rm.Policy(missing="skip"))
    assert verdict.status is NO_DATA
    assert verdict.actual is None


def test_no_data_names_the_missing_years_in_words() -> None:
    verdict = rm.evaluate(admitted("each"), yearly({2020: 80, 2021: 86}))
    assert verdict.explain() == "no data for 2022"


# --------------------------------------------------------------------------- rated every year


# "The committee is rated good or better every year": one HTNV year misses it.
# Ranks: KHTNV 0 < HTNV 1 < HTTNV 2 < HTXSNV 3; margins in rating steps.
RATED = [
    ("one-HTNV-year", ("HTTNV", "HTNV", "HTXSNV"), NOT, "HTNV", D(-1), 2021),
    ("one-KHTNV-year", ("HTTNV", "HTNV", "KHTNV"), NOT, "KHTNV", D(-2), 2022),
    ("good-every-year", ("HTTNV", "HTXSNV", "HTTNV"), ACHIEVED, "HTTNV", D(0), 2020),
    ("excellent-every-year", ("HTXSNV",) * 3, EXCEEDED, "HTXSNV", D(1), 2020),
]


@pytest.mark.parametrize(
    ("ratings", "status", "actual", "margin", "period"),
    [case[1:] for case in RATED],
    ids=[case[0] for case in RATED],
)
def test_rated_every_year(
    ratings: tuple[str, str, str],
    status: rm.Status,
    actual: str,
    margin: Decimal,
    period: int,
) -> None:
    target = rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", combine="each")
    results = yearly(dict(zip((2020, 2021, 2022), ratings, strict=True)))
    verdict = rm.evaluate(target, results)
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.period == period
    assert [p.actual for p in verdict.parts] == list(ratings)


def test_rated_latest_year() -> None:
    target = rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", combine="latest")
    verdict = rm.evaluate(target, yearly({2020: "HTNV", 2021: "HTNV", 2022: "HTTNV"}))
    assert (verdict.status, verdict.actual, verdict.period) == (ACHIEVED, "HTTNV", 2022)


def test_ratings_by_name_are_read_as_codes() -> None:
    target = rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", combine="each")
    results = yearly({2020: "hoàn thành tốt nhiệm vụ", 2021: "hoàn thành nhiệm vụ"})
    verdict = rm.evaluate(target, results)
    assert (verdict.status, verdict.actual, verdict.period) == (NOT, "HTNV", 2021)


# --------------------------------------------------------------------------- errors


def test_a_result_without_a_period_is_an_error() -> None:
    results = [rm.Result(80, period=2020), rm.Result(86)]
    with pytest.raises(rm.InvalidResultError) as info:
        rm.evaluate(admitted("total"), results)
    assert str(info.value) == (
        "indicator 'admitted': a yearly target needs the year of each result, but "
        "Result(86) has none; give period=YEAR"
    )


def test_two_results_for_one_year_are_an_error() -> None:
    results = [*yearly(DOMAIN_YEARS), rm.Result(87, period=2021)]
    with pytest.raises(rm.InvalidResultError) as info:
        rm.evaluate(admitted("each"), results)
    assert str(info.value) == (
        "indicator 'admitted': two results for 2021 (Result(86, period=2021), "
        "Result(87, period=2021)); keep one result per year"
    )


def test_two_results_for_one_year_outside_the_due_years_are_still_an_error() -> None:
    results = [rm.Result(80, period=2020), rm.Result(1, period=2024), rm.Result(2, period=2024)]
    with pytest.raises(rm.InvalidResultError) as info:
        rm.evaluate(admitted("each", term=None), results, as_of=date(2021, 1, 1))
    assert str(info.value) == (
        "indicator 'admitted': two results for 2024 (Result(1, period=2024), "
        "Result(2, period=2024)); keep one result per year"
    )


TARGET_ERRORS = [
    (
        "combine-without-per",
        lambda: rm.Target(MEMBERS, rm.at_least(80), combine="total"),
        rm.InvalidTargetError,
        "indicator 'admitted': combine='total' combines the periods of a yearly target; "
        "add per='year', or leave combine out",
    ),
    (
        "per-without-combine",
        lambda: rm.Target(MEMBERS, rm.at_least(80), per="year"),
        rm.InvalidTargetError,
        "indicator 'admitted': a yearly target must say how its years are judged: "
        "combine='each' (every year), 'total', 'mean' or 'latest'",
    ),
    (
        "total-of-a-share",
        lambda: rm.Target(SHARE, rm.at_least(90), per="year", combine="total"),
        rm.InvalidTargetError,
        "indicator 'share': the total of yearly percentages means nothing; use combine='mean' "
        "or 'each', or give the yearly counts",
    ),
    (
        "unknown-combine-with-hint",
        lambda: rm.Target(MEMBERS, rm.at_least(80), per="year", combine="totl"),
        rm.InvalidTargetError,
        "Target(combine) must be one of 'each', 'total', 'mean', 'latest' or None, "
        "got 'totl'; did you mean 'total'?",
    ),
    (
        "unknown-per",
        lambda: rm.Target(MEMBERS, rm.at_least(80), per="month", combine="each"),
        rm.InvalidTargetError,
        "Target(per) must be one of 'year' or None, got 'month'",
    ),
    (
        "term-reversed",
        lambda: admitted("each", term=(2025, 2020)),
        rm.InvalidTargetError,
        "term=(2025, 2020): the first year is after the last; did you mean (2020, 2025)?",
    ),
    (
        "term-not-a-pair",
        lambda: rm.Target(MEMBERS, rm.at_least(80), per="year", combine="each", term=2025),
        rm.InvalidTargetTypeError,
        "term must be a pair (first year, last year), both included, such as (2020, 2025), "
        "got 2025",
    ),
    (
        "term-year-not-an-int",
        lambda: admitted("each", term=("2020", 2025)),  # type: ignore[arg-type]
        rm.InvalidTargetTypeError,
        "term[0] must be a year as an int such as 2025, got '2020'",
    ),
    (
        "term-year-not-four-digits",
        lambda: admitted("each", term=(20, 25)),
        rm.InvalidTargetError,
        "term[0] must be a four-digit year such as 2025, got 20",
    ),
]


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [case[1:] for case in TARGET_ERRORS],
    ids=[case[0] for case in TARGET_ERRORS],
)
def test_yearly_target_errors(build: Any, error: type[Exception], message: str) -> None:
    raises_exactly(build, error, message)


def test_a_yearly_target_with_no_term_and_nothing_reported_is_no_data() -> None:
    """Nothing reported and no term to wait for: there is nothing in progress, only no data."""
    target = rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(80), per="year",
                       combine="each")  # fmt: skip
    assert rm.evaluate(target, []).status is rm.Status.NO_DATA
    assert rm.evaluate(target, [], as_of=date(2023, 6, 30)).status is rm.Status.NO_DATA
    termed = attrs.evolve(target, term=(2020, 2025))
    assert rm.evaluate(termed, [], as_of=date(2020, 6, 30)).status is rm.Status.IN_PROGRESS


@pytest.mark.parametrize("combine", ["mean", "total"])
def test_ratings_have_no_mean_or_total(combine: str) -> None:
    rating = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
    with pytest.raises(rm.InvalidTargetError) as info:
        rm.Target(rating, rm.at_least("HTTNV"), per="year", combine=combine)
    assert str(info.value) == (
        f"indicator 'committee' is rated on a scale: ratings have no {combine}; use "
        "combine='each' (every year) or 'latest'"
    )
