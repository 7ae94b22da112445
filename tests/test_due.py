"""Term targets (``due=``): in progress before the due date, judged on it and after.

Worked out by hand from the contract:

- ``due=2025`` falls due on 31 December 2025; ``due=date(...)`` on that day;
- before the due date the verdict is IN_PROGRESS, never NOT_ACHIEVED, with ``actual`` the
  latest value so far (results after as_of's year or after the due year are left out) and
  its attainment so far;
- with a ``baseline`` (and a direction other than ON_TARGET, and no growth),
  ``verdict.progress`` is a progress assessment: linear pro-rating by default, another
  method by ``Policy(progress=...)``, none with ``Policy(progress=None)``;
- on or after the due date, or with ``as_of=None``, it is judged like any target on its
  latest result.

Linear pro-rating (PROGRESS_METHODS.md section 4):
``expected = y0 + (yT - y0) * (t - t0) / (T - t0)``, on track when the value is at or
beyond it in the direction of improvement.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import resolmetrics as rm
from _support import EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, F, raises_exactly

INSPECTED = rm.Indicator("inspected", name="Party organisations inspected", unit="percent")
POVERTY = rm.Indicator("poverty", unit="percent", direction=rm.Direction.LOWER_IS_BETTER)
PRICES = rm.Indicator("prices", unit="percent", direction=rm.Direction.ON_TARGET)
MEMBERS = rm.Indicator("admitted", unit="member")
GDP = rm.Indicator("gdp", unit="tỷ đồng")


MID_TERM = date(2023, 6, 30)


def term_target(rule: rm.Rule | None = None, **options: Any) -> rm.Target:
    options.setdefault("due", 2025)
    return rm.Target(INSPECTED, rule or rm.at_least(70), **options)


# --------------------------------------------------------------------------- due dates


@pytest.mark.parametrize(
    ("due", "due_date"),
    [
        (2025, date(2025, 12, 31)),
        (date(2024, 6, 30), date(2024, 6, 30)),
        (None, None),
    ],
    ids=["year", "date", "none"],
)
def test_due_date(due: Any, due_date: date | None) -> None:
    assert rm.Target(INSPECTED, rm.at_least(70), due=due).due_date == due_date


@pytest.mark.parametrize(
    ("due", "as_of", "status"),
    [
        (2025, MID_TERM, IN_PROGRESS),
        (2025, date(2025, 12, 30), IN_PROGRESS),
        (2025, date(2025, 12, 31), NOT),
        (2025, date(2026, 3, 1), NOT),
        (2025, None, NOT),
        (date(2024, 6, 30), date(2024, 6, 29), IN_PROGRESS),
        (date(2024, 6, 30), date(2024, 6, 30), NOT),
        (date(2024, 6, 30), None, NOT),
    ],
    ids=[
        "mid-term",
        "the-day-before",
        "the-due-day",
        "after",
        "final-review",
        "date-the-day-before",
        "date-the-due-day",
        "date-final-review",
    ],
)
def test_in_progress_until_the_due_date(due: Any, as_of: date | None, status: rm.Status) -> None:
    # 63 against at least 70: a miss once due
    verdict = rm.evaluate(term_target(due=due), rm.Result(63, period=2022), as_of=as_of)
    assert verdict.status is status
    assert verdict.actual == 63


@pytest.mark.parametrize(
    ("rule", "value", "attainment"),
    [
        (rm.at_least(70), 10, F(1, 7)),  # far behind: 10 / 70
        (rm.at_least(70), 35, D("0.5")),
        (rm.at_least(70), 75, F(15, 14)),  # already beyond the target: 75 / 70
    ],
    ids=["far-behind", "half-way", "already-beyond"],
)
def test_never_not_achieved_before_the_due_date(
    rule: rm.Rule, value: int, attainment: Any
) -> None:
    verdict = rm.evaluate(term_target(rule), rm.Result(value, period=2022), as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.actual == value
    assert verdict.attainment == attainment


def test_lower_is_better_attainment_so_far() -> None:
    # below 2 %, 4.8 % so far: 2 / 4.8 = 5/12
    target = rm.Target(POVERTY, rm.below(2), due=2025)
    verdict = rm.evaluate(target, rm.Result("4.8", period=2022), as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.attainment == F(5, 12)


def test_nothing_reported_before_the_due_date_is_in_progress() -> None:
    verdict = rm.evaluate(term_target(), [], as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.actual is None
    assert verdict.attainment is None
    assert verdict.explain() == "in progress"


def test_a_yearly_target_with_a_missed_year_is_in_progress_before_the_due_date() -> None:
    # every year at least 80, 2021 missed: NOT_ACHIEVED once due, not before
    target = rm.Target(
        MEMBERS, rm.at_least(80), per="year", combine="each", term=(2020, 2022), due=2022
    )
    results = [rm.Result(v, period=y) for y, v in {2020: 80, 2021: 50, 2022: 90}.items()]
    assert rm.evaluate(target, results, as_of=MID_TERM.replace(year=2022)).status is IN_PROGRESS
    assert rm.evaluate(target, results, as_of=date(2022, 12, 31)).status is NOT


def test_units_missing_the_rule_are_in_progress_before_the_due_date() -> None:
    target = term_target(across="all")
    results = [rm.Result(40, entity="A"), rm.Result(90, entity="B")]
    assert rm.evaluate(target, results, as_of=MID_TERM).status is IN_PROGRESS
    final = rm.evaluate(target, results)
    assert (final.status, final.entity, final.actual) == (NOT, "A", D(40))


# --------------------------------------------------------------------------- which results count


@pytest.mark.parametrize(
    ("due", "as_of", "values", "status", "actual", "period"),
    [
        # 2023 is as_of's year: it counts; 2024 is after it
        (2025, MID_TERM, {2022: 60, 2023: 65, 2024: 90}, IN_PROGRESS, 65, 2023),
        # after the due year 2023: 2024 is left out, even in a final review
        (2023, None, {2022: 60, 2023: 66, 2024: 90}, NOT, 66, 2023),
        (2023, date(2025, 1, 1), {2023: 75, 2024: 60}, EXCEEDED, 75, 2023),
        (2023, MID_TERM, {2023: 72, 2024: 99}, IN_PROGRESS, 72, 2023),
        # nothing up to the due year: no data once due
        (2023, None, {2024: 99}, NO_DATA, None, None),
    ],
    ids=["after-as-of", "after-due-final", "after-due-later-review", "due-year-so-far", "none"],
)
def test_results_after_as_of_or_the_due_year_are_left_out(
    due: int,
    as_of: date | None,
    values: dict[int, int],
    status: rm.Status,
    actual: Any,
    period: int | None,
) -> None:
    results = [rm.Result(v, period=y) for y, v in values.items()]
    verdict = rm.evaluate(term_target(due=due), results, as_of=as_of)
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.period == period


def test_the_review_date_is_kept() -> None:
    verdict = rm.evaluate(term_target(), rm.Result(63, period=2022), as_of=MID_TERM)
    assert verdict.context is not None
    assert verdict.context.as_of == MID_TERM


# --------------------------------------------------------------------------- progress


def _with_baseline(**options: Any) -> rm.Verdict:
    # base 50 in 2020, target at least 70 by 2025, 60 in 2023
    target = term_target(baseline=rm.Baseline(50, 2020))
    return rm.evaluate(target, rm.Result(60, period=2023), as_of=MID_TERM, **options)


def test_linear_pro_rating_is_the_default() -> None:
    # expected in 2023 = 50 + (70 - 50) * 3/5 = 62; 60 < 62: behind schedule;
    # share of the expected change = (60 - 50) / (62 - 50) = 5/6; attainment 60 / 70 = 6/7
    verdict = _with_baseline()
    assert verdict.status is IN_PROGRESS
    progress = verdict.progress
    assert progress is not None
    assert progress.method == "linear"
    assert progress.status == "off_track"
    assert progress.on_track is False
    assert progress.value == F(5, 6)
    parameters = progress.parameters
    assert parameters["expected"] == 62
    assert parameters["elapsed"] == D("0.6")
    assert (parameters["base_value"], parameters["base_year"]) == (50, 2020)
    assert (parameters["current_value"], parameters["current_year"]) == (60, 2023)
    assert (parameters["target_value"], parameters["target_year"]) == (70, 2025)
    assert parameters["attainment"] == F(6, 7)
    assert verdict.explain() == (
        "in progress, 85.71% attained so far; behind schedule (linear pro-rating): "
        "60 in 2023 against 62 expected by then on a straight line to 70 in 2025"
    )


# Same inputs (50 in 2020, 60 in 2023, 70 by 2025), by hand:
# growth so far (60/50) ** (1/3) - 1 = 6.266 % a year; needed (70/50) ** (1/5) - 1 = 6.961 %;
# ratio 0.9001: Open SDG "moderate progress" (0.60 <= R < 0.95), Eurostat "moderate
# progress" (same cut-offs); UNSD: 60 * 1.06266 ** 2 = 67.755 projected for 2025,
# (67.755 - 50) / (70 - 50) = 0.888: "acceleration needed" (0.10 <= rho < 0.95).
METHODS = [
    ("linear", "linear", "off_track"),
    ("open_sdg", "open_sdg", "moderate_progress"),
    ("eurostat", "eurostat", "moderate_progress"),
    ("unsd", "unsd", "acceleration_needed"),
    (rm.OpenSDG(limit=100), "open_sdg", "moderate_progress"),
    (rm.LinearProRating(), "linear", "off_track"),
]


@pytest.mark.parametrize(
    ("method", "name", "status"),
    METHODS,
    ids=["linear", "open_sdg", "eurostat", "unsd", "OpenSDG-object", "LinearProRating-object"],
)
def test_progress_method_from_the_policy(method: Any, name: str, status: str) -> None:
    verdict = _with_baseline(policy=rm.Policy(progress=method))
    assert verdict.status is IN_PROGRESS
    assert verdict.progress is not None
    assert verdict.progress.method == name
    assert verdict.progress.status == status
    assert verdict.progress.on_track is False


def test_no_progress_with_policy_progress_none() -> None:
    verdict = _with_baseline(policy=rm.Policy(progress=None))
    assert verdict.status is IN_PROGRESS
    assert verdict.progress is None
    assert verdict.explain() == "in progress, 85.71% attained so far"


def test_no_progress_without_a_baseline() -> None:
    verdict = rm.evaluate(term_target(), rm.Result(60, period=2023), as_of=MID_TERM)
    assert verdict.progress is None


def test_no_progress_on_target() -> None:
    target = rm.Target(PRICES, rm.between(3, 5), due=2025, baseline=rm.Baseline(2, 2020))
    verdict = rm.evaluate(target, rm.Result(4, period=2022), as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.actual == 4
    assert verdict.progress is None


def test_no_progress_for_a_growth_target() -> None:
    # 100 (baseline 2020) -> 110.25 (2022): 5 % a year so far; the baseline is a level, the
    # target a rate, so there is no progress assessment
    target = rm.Target(
        GDP, rm.at_least(5), per="year", growth="cagr", term=(2021, 2025), due=2025,
        baseline=rm.Baseline(100, 2020),
    )  # fmt: skip
    results = [rm.Result(105, period=2021), rm.Result("110.25", period=2022)]
    verdict = rm.evaluate(target, results, as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.actual == 5
    assert verdict.progress is None


def test_no_progress_once_due() -> None:
    verdict = rm.evaluate(term_target(baseline=rm.Baseline(50, 2020)), rm.Result(71))
    assert verdict.status is EXCEEDED
    assert verdict.progress is None


def test_linear_progress_where_lower_is_better() -> None:
    # below 2 % by 2025 from 4.8 % in 2020; 3.4 % in 2022:
    # expected = 4.8 + (2 - 4.8) * 2/5 = 3.68; 3.4 <= 3.68: on track;
    # (3.4 - 4.8) / (3.68 - 4.8) = -1.4 / -1.12 = 1.25; attainment 2 / 3.4 = 10/17 (58.82 %)
    target = rm.Target(POVERTY, rm.below(2), due=2025, baseline=rm.Baseline("4.8", 2020))
    verdict = rm.evaluate(target, rm.Result("3.4", period=2022), as_of=MID_TERM)
    assert verdict.attainment == F(10, 17)
    progress = verdict.progress
    assert progress is not None
    assert (progress.method, progress.status, progress.on_track) == ("linear", "on_track", True)
    assert progress.value == D("1.25")
    assert progress.parameters["expected"] == D("3.68")
    assert progress.parameters["target_value"] == 2
    assert verdict.explain().startswith("in progress, 58.82% attained so far; on track")


def test_progress_toward_a_range_aims_at_the_bound_that_makes_it_met() -> None:
    # between 60 and 80, higher is better: the target value is 60;
    # expected in 2022 = 50 + (60 - 50) * 2/5 = 54; 55 >= 54: on track
    target = rm.Target(INSPECTED, rm.between(60, 80), due=2025, baseline=rm.Baseline(50, 2020))
    verdict = rm.evaluate(target, rm.Result(55, period=2022), as_of=MID_TERM)
    progress = verdict.progress
    assert progress is not None
    assert progress.parameters["target_value"] == 60
    assert progress.parameters["expected"] == 54
    assert progress.status == "on_track"


def test_progress_without_a_period_is_measured_at_the_review_year() -> None:
    verdict = rm.evaluate(
        term_target(baseline=rm.Baseline(50, 2020)), rm.Result(60), as_of=MID_TERM
    )
    assert verdict.progress is not None
    assert verdict.progress.parameters["current_year"] == 2023


# --------------------------------------------------------------------------- DOMAIN row 5


def test_domain_row_5_inspected_at_mid_term() -> None:
    # "Trong nhiệm kỳ, 70% tổ chức đảng được kiểm tra: 33/52 = 63,5% -> Đạt 90,7% so với
    # nghị quyết": 3300/52 % against 70 %: attainment 3300 / (52 * 70) = 0.906593...
    verdict = rm.evaluate(term_target(), rm.Result.ratio(33, 52, period=2022), as_of=MID_TERM)
    assert verdict.status is IN_PROGRESS
    assert verdict.actual == F(3300, 52)
    assert verdict.attainment == F(3300, 52 * 70)
    assert verdict.explain() == "in progress, 90.66% attained so far"
    assert "90,66%" in verdict.explain("vi")


def test_domain_row_5_at_the_end_of_the_term() -> None:
    # 3300/52 = 825/13 = 63.46...; 825/13 - 70 = -85/13
    verdict = rm.evaluate(term_target(), rm.Result.ratio(33, 52, period=2025))
    assert verdict.status is NOT
    assert verdict.margin == F(-85, 13)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: term_target(due="2025"),
            rm.InvalidTargetTypeError,
            "Target(due) must be a year (int) such as 2025, due at its end, or a "
            "datetime.date, got '2025'",
        ),
        (
            lambda: term_target(due=25),
            rm.InvalidTargetError,
            "Target(due) must be a four-digit year such as 2025, got 25",
        ),
        (
            lambda: rm.evaluate(term_target(), rm.Result(60), as_of="2023-06-30"),  # type: ignore[arg-type]
            rm.InvalidArgumentTypeError,
            "evaluate(as_of) must be a datetime.date such as date(2023, 6, 30), or None for "
            "a final review, got '2023-06-30'",
        ),
        (
            lambda: rm.Policy(progress="linar"),
            rm.InvalidArgumentError,
            "Policy(progress) must be one of 'linear', 'open_sdg', 'eurostat', 'unsd', a "
            "configured method such as OpenSDG(limit=100), or None for no assessment, "
            "got 'linar'",
        ),
    ],
    ids=["due-as-str", "due-two-digits", "as-of-as-str", "unknown-progress-method"],
)
def test_errors(call: Any, error: type[Exception], message: str) -> None:
    raises_exactly(call, error, message)


def test_a_result_older_than_the_baseline_gets_no_progress_assessment() -> None:
    """Progress is measured from the baseline: before it, there is nothing to assess yet."""
    share = rm.Indicator("inspected", unit="percent", limits=(0, 100))
    target = rm.Target(share, rm.at_least(90), due=2025, baseline=rm.Baseline(80, 2020))
    verdict = rm.evaluate(target, [rm.Result(85, period=2019)], as_of=date(2023, 6, 30))
    assert verdict.status is rm.Status.IN_PROGRESS
    assert verdict.progress is None
    assert verdict.actual == 85
