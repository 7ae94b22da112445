"""Growth targets: the rule is on a yearly growth rate in percent, computed from levels.

Worked out by hand from the contract:

- "yoy": each year's rate is ``(level / previous level - 1) * 100``, exactly, combined by
  ``combine`` ("each", "mean" or "latest"); growth "mean" is the mean of the yearly rates;
- "cagr": compound annual growth from the level before the first growth year to the last
  due year; its status is decided exactly (``last / first`` against
  ``(1 + bound / 100) ** years``), its actual is shown to 50 significant digits and
  ``verdict.context.approximate`` is True;
- over a term the first year's level is the base of the first rate (term 2020-2022 gives
  rates for 2021 and 2022), unless ``baseline=Baseline(level, first - 1)``; without a term
  the first level reported is the base unless a baseline is the year before;
- a growth from a level <= 0 is InvalidResultError.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import isqrt
from typing import Any

import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, F, raises_exactly

INCOME = rm.Indicator("income", name="Average income", unit="triệu đồng")
GDP = rm.Indicator("gdp", unit="tỷ đồng")
COMMITTEE = rm.Indicator("committee", scale=rm.PARTY_QUALITY)


def levels(values: dict[int, Any], **options: Any) -> list[rm.Result]:
    return [rm.Result(value, period=year, **options) for year, value in values.items()]


def growth(
    rule: rm.Rule,
    how: str,
    combine: str | None = None,
    *,
    indicator: rm.Indicator = INCOME,
    **options: Any,
) -> rm.Target:
    return rm.Target(indicator, rule, per="year", growth=how, combine=combine, **options)


# 100 -> 104 is exactly 4 %; 104 -> 108 is 4 / 104 = 1/26, i.e. 100/26 = 50/13 % (3.846...).
STEADY = {2020: 100, 2021: 104, 2022: 108}


# --------------------------------------------------------------------------- year on year


def test_yearly_rates_are_exact() -> None:
    verdict = rm.evaluate(growth(rm.at_least(4), "yoy", "each"), levels(STEADY))
    assert [(p.period, p.actual) for p in verdict.parts] == [(2021, D(4)), (2022, F(50, 13))]
    assert [p.status for p in verdict.parts] == [ACHIEVED, NOT]
    assert verdict.target.unit == "percent"
    assert verdict.unit == "percent"


# at_least(4): each -> 2022 misses by 50/13 - 52/13 = -2/13; latest -> the same year;
# mean of the rates (4 + 50/13) / 2 = (52/13 + 50/13) / 2 = 51/13, short by 1/13.
# at_least(3): each -> both beat it, the worst is 2022 (50/13 - 39/13 = 11/13 < 1).
YOY = [
    ("each", "yoy", "each", rm.at_least(4), NOT, F(50, 13), F(-2, 13)),
    ("latest", "yoy", "latest", rm.at_least(4), NOT, F(50, 13), F(-2, 13)),
    ("yoy-mean", "yoy", "mean", rm.at_least(4), NOT, F(51, 13), F(-1, 13)),
    ("growth-mean", "mean", None, rm.at_least(4), NOT, F(51, 13), F(-1, 13)),
    ("each-beaten", "yoy", "each", rm.at_least(3), EXCEEDED, F(50, 13), F(11, 13)),
    ("growth-mean-beaten", "mean", None, rm.at_least(3), EXCEEDED, F(51, 13), F(12, 13)),
    ("latest-inside-a-band", "yoy", "latest", rm.between(3, 4), ACHIEVED, F(50, 13), F(11, 13)),
]


@pytest.mark.parametrize(
    ("how", "combine", "rule", "status", "actual", "margin"),
    [case[1:] for case in YOY],
    ids=[case[0] for case in YOY],
)
def test_year_on_year_growth(
    how: str,
    combine: str | None,
    rule: rm.Rule,
    status: rm.Status,
    actual: Fraction,
    margin: Fraction,
) -> None:
    verdict = rm.evaluate(growth(rule, how, combine), levels(STEADY))
    assert verdict.status is status
    assert verdict.actual == actual
    assert verdict.margin == margin
    assert verdict.context is not None
    assert verdict.context.approximate is False


def test_each_growth_names_the_weakest_year() -> None:
    verdict = rm.evaluate(growth(rm.at_least(4), "yoy", "each"), levels(STEADY))
    assert verdict.period == 2022


def test_a_fall_is_a_negative_rate() -> None:
    # 100 -> 90 is -10 %; 90 -> 99 is +10 %
    verdict = rm.evaluate(
        growth(rm.at_least(0), "yoy", "each"), levels({2020: 100, 2021: 90, 2022: 99})
    )
    assert [p.actual for p in verdict.parts] == [D(-10), D(10)]
    assert (verdict.status, verdict.actual, verdict.period) == (NOT, D(-10), 2021)


@pytest.mark.parametrize(
    "results",
    [
        levels({2020: "0.1", 2021: "0.104", 2022: "0.108"}, unit="tỷ đồng"),
        levels({2020: 100_000_000, 2021: 104_000_000, 2022: 108_000_000}, unit="đồng"),
        [
            rm.Result("0.1", "tỷ đồng", period=2020),
            rm.Result(104, period=2021),
            rm.Result(108_000, "nghìn đồng", period=2022),
        ],
    ],
    ids=["ty-dong", "dong", "mixed"],
)
def test_levels_in_another_unit_give_the_same_rates(results: list[rm.Result]) -> None:
    # the same levels as STEADY in triệu đồng: 4 % then 50/13 %
    verdict = rm.evaluate(growth(rm.at_least(4), "yoy", "each"), results)
    assert [p.actual for p in verdict.parts] == [D(4), F(50, 13)]


def test_an_indicator_in_ty_dong_with_levels_in_trieu_dong() -> None:
    # 100 tỷ = 100 000 triệu; 121 000 triệu = 121 tỷ: 10 % a year over two years
    results = levels({2020: 100_000, 2021: 110_000, 2022: 121_000}, unit="triệu đồng")
    verdict = rm.evaluate(growth(rm.at_least(10), "cagr", indicator=GDP), results)
    assert verdict.status is ACHIEVED
    assert verdict.actual == 10


# --------------------------------------------------------------------------- compound growth


# levels 100 (2020) -> X (2022), two years: at_least(10) is met exactly when X / 100 >= 1.21.
# 125.44 = 100 * 1.12 ** 2; 90.25 = 100 * 0.95 ** 2 (-5 % a year).
CAGR = [
    ("on-the-bound", rm.at_least(10), 121, ACHIEVED),
    ("strict-bound-equalled", rm.above(10), 121, NOT),
    ("just-above", rm.at_least(10), "121.0001", EXCEEDED),
    ("just-below", rm.at_least(10), "120.9999", NOT),
    ("strict-just-above", rm.above(10), "121.0001", ACHIEVED),
    ("band-lower-end", rm.between(10, 12), 121, ACHIEVED),
    ("band-upper-end", rm.between(10, 12), "125.44", ACHIEVED),
    ("band-beyond", rm.between(10, 12), "125.4401", EXCEEDED),
    ("at-most-on-the-bound", rm.at_most(10), 121, ACHIEVED),
    ("at-most-just-over", rm.at_most(10), "121.0001", NOT),
    ("at-most-under", rm.at_most(10), 120, EXCEEDED),
    ("below-equalled", rm.below(10), 121, NOT),
    ("exactly", rm.exactly(10), 121, ACHIEVED),
    ("negative-bound-met", rm.at_least(-5), "90.25", ACHIEVED),
    ("negative-bound-missed", rm.at_least(-5), "90.2499", NOT),
]


@pytest.mark.parametrize(
    ("rule", "last", "status"), [c[1:] for c in CAGR], ids=[c[0] for c in CAGR]
)
def test_compound_growth_is_decided_exactly(rule: rm.Rule, last: Any, status: rm.Status) -> None:
    verdict = rm.evaluate(growth(rule, "cagr"), levels({2020: 100, 2021: 110, 2022: last}))
    assert verdict.status is status


def test_compound_growth_on_the_bound() -> None:
    results = levels({2020: 100, 2021: 105, 2022: 121})
    verdict = rm.evaluate(growth(rm.at_least(10), "cagr"), results)
    assert verdict.actual == 10
    assert verdict.margin == 0
    assert verdict.context is not None
    assert verdict.context.approximate is True
    assert verdict.context.periods == (2020, 2022)


def _doubling_over_two_years() -> Decimal:
    """100 * (sqrt(2) - 1) to 50 significant digits, from integer square roots."""
    scale = 10**60
    root = isqrt(2 * scale * scale)  # floor(sqrt(2) * 10**60)
    hundredfold = (root - scale) * 100  # 100 * (sqrt(2) - 1) * 10**60, floored
    # 41.4...: 2 digits before the point, 48 after; round the 49th (no tie is possible)
    shifted, rest = divmod(hundredfold, 10**12)
    if rest * 2 >= 10**12:
        shifted += 1
    return Decimal(f"{shifted}E-48")  # the constructor never rounds


def test_compound_growth_is_shown_to_50_significant_digits() -> None:
    # 100 -> 200 over two years: sqrt(2) - 1 a year = 41.4213562373095048801688724209698
    # 07856967187537694|807... %, rounded to 50 digits: ...537695
    expected = D("41.421356237309504880168872420969807856967187537695")
    assert _doubling_over_two_years() == expected
    results = levels({2020: 100, 2021: 150, 2022: 200})
    verdict = rm.evaluate(growth(rm.at_least(40), "cagr"), results)
    assert verdict.status is EXCEEDED
    assert verdict.actual == expected
    assert isinstance(verdict.actual, Decimal)
    assert len(verdict.actual.as_tuple().digits) == 50
    assert verdict.context is not None
    assert verdict.context.approximate is True


def test_without_a_term_compound_growth_runs_from_the_first_level_reported() -> None:
    # no term, no baseline: the first level reported (2020) is the base, whatever the
    # years in between; 100 -> 121 from 2020 to 2022 is 10 % a year
    verdict = rm.evaluate(growth(rm.at_least(10), "cagr"), levels({2020: 100, 2022: 121}))
    assert verdict.status is ACHIEVED
    assert verdict.actual == 10
    assert verdict.context is not None
    assert verdict.context.periods == (2020, 2022)


def test_compound_growth_over_a_term_reviewed_mid_term() -> None:
    # term 2020-2025 at 30 June 2023: growth years 2021 and 2022 are due;
    # 100 -> 121 from 2020 to 2022 is 10 % a year; 2023's level is not yet known
    target = growth(rm.at_least(10), "cagr", term=(2020, 2025))
    results = levels({2020: 100, 2021: 105, 2022: 121, 2023: 300})
    verdict = rm.evaluate(target, results, as_of=date(2023, 6, 30))
    assert verdict.status is ACHIEVED
    assert verdict.actual == 10
    assert verdict.context is not None
    assert verdict.context.periods == (2020, 2022)


# --------------------------------------------------------------------------- base years


# 5 % a year from 100: 105, 110.25, 115.7625.
FIVE = {2019: 100, 2020: 105, 2021: "110.25", 2022: "115.7625"}


@pytest.mark.parametrize(
    ("term", "baseline", "reported", "years"),
    [
        ((2020, 2022), None, (2020, 2021, 2022), [2021, 2022]),
        ((2020, 2022), rm.Baseline(100, 2019), (2020, 2021, 2022), [2020, 2021, 2022]),
        ((2020, 2022), rm.Baseline(100, 2018), (2020, 2021, 2022), [2021, 2022]),
        ((2020, 2022), None, (2019, 2020, 2021, 2022), [2021, 2022]),
        (None, None, (2020, 2021, 2022), [2021, 2022]),
        (None, rm.Baseline(100, 2019), (2020, 2021, 2022), [2020, 2021, 2022]),
        (None, rm.Baseline(100, 2017), (2020, 2021, 2022), [2021, 2022]),
        (None, None, (2019, 2020, 2021, 2022), [2020, 2021, 2022]),
    ],
    ids=[
        "term",
        "term-baseline-the-year-before",
        "term-baseline-earlier",
        "term-level-before-the-term-ignored",
        "no-term",
        "no-term-baseline-the-year-before",
        "no-term-baseline-earlier",
        "no-term-first-level-reported",
    ],
)
def test_which_years_have_a_rate(
    term: tuple[int, int] | None,
    baseline: rm.Baseline | None,
    reported: tuple[int, ...],
    years: list[int],
) -> None:
    target = growth(rm.at_least(5), "yoy", "each", term=term, baseline=baseline)
    verdict = rm.evaluate(target, levels({y: FIVE[y] for y in reported}))
    assert [p.period for p in verdict.parts] == years
    assert all(p.actual == 5 for p in verdict.parts)
    assert verdict.status is ACHIEVED


def test_baseline_level_in_another_unit() -> None:
    # Baseline 0.1 tỷ đồng = 100 triệu đồng: 100 -> 105 is 5 %
    target = growth(
        rm.at_least(5), "yoy", "each", term=(2020, 2020),
        baseline=rm.Baseline("0.1", 2019, unit="tỷ đồng"),
    )  # fmt: skip
    verdict = rm.evaluate(target, levels({2020: 105}))
    assert [(p.period, p.actual) for p in verdict.parts] == [(2020, D(5))]


@pytest.mark.parametrize(
    ("baseline", "status", "periods"),
    [
        # from the baseline 100 (2019) to 115.7625 (2022): three years of exactly 5 %
        (rm.Baseline(100, 2019), ACHIEVED, (2019, 2022)),
        # from 110 (2020) to 115.7625 (2022): 115.7625 / 110 < 1.05 ** 2 = 1.1025
        (None, NOT, (2020, 2022)),
    ],
    ids=["baseline-the-year-before", "first-year-of-the-term"],
)
def test_compound_growth_base(
    baseline: rm.Baseline | None, status: rm.Status, periods: tuple[int, int]
) -> None:
    target = growth(rm.at_least(5), "cagr", term=(2020, 2022), baseline=baseline)
    verdict = rm.evaluate(target, levels({2020: 110, 2022: "115.7625"}))
    assert verdict.status is status
    assert verdict.context is not None
    assert verdict.context.periods == periods


def test_no_growth_year_due_yet_is_in_progress() -> None:
    # term 2022-2025: the first rate is 2023's, not over on 30 June 2023
    for how, combine in (("yoy", "each"), ("mean", None), ("cagr", None)):
        target = growth(rm.at_least(5), how, combine, term=(2022, 2025))
        verdict = rm.evaluate(target, levels({2022: 100, 2023: 110}), as_of=date(2023, 6, 30))
        assert verdict.status is IN_PROGRESS, how
        assert verdict.actual is None, how


@pytest.mark.parametrize(
    ("how", "combine", "reported", "missing"),
    [
        ("yoy", "each", {2021: 104, 2022: 108}, (2020,)),
        ("yoy", "each", {2020: 100, 2022: 108}, (2021,)),
        ("mean", None, {2020: 100, 2021: 104}, (2022,)),
        ("cagr", None, {2021: 104, 2022: 108}, (2020,)),
        ("cagr", None, {2020: 100, 2021: 104}, (2022,)),
    ],
    ids=["yoy-no-base", "yoy-middle-level", "mean-last-level", "cagr-no-base", "cagr-no-end"],
)
def test_a_missing_level_is_no_data(
    how: str, combine: str | None, reported: dict[int, int], missing: tuple[int, ...]
) -> None:
    target = growth(rm.at_least(4), how, combine, term=(2020, 2022))
    verdict = rm.evaluate(target, levels(reported))
    assert verdict.status is NO_DATA
    assert verdict.actual is None
    assert verdict.missing == missing


# --------------------------------------------------------------------------- errors


def _not_positive(year: int, base_year: int, level: str) -> str:
    return (
        f"indicator 'income': the growth of {year} is measured from the level of {base_year}, "
        f"{level}, which is not positive; a growth rate needs a positive starting level"
    )


@pytest.mark.parametrize(
    ("target", "results", "message"),
    [
        (
            growth(rm.at_least(4), "yoy", "each"),
            levels({2020: 0, 2021: 5}),
            _not_positive(2021, 2020, "0"),
        ),
        (
            growth(rm.at_least(4), "yoy", "each"),
            levels({2020: 100, 2021: -5, 2022: 10}),
            _not_positive(2022, 2021, "-5"),
        ),
        (
            growth(rm.at_least(4), "yoy", "each", baseline=rm.Baseline(0, 2019)),
            levels({2020: 5}),
            _not_positive(2020, 2019, "0"),
        ),
        (
            growth(rm.at_least(4), "mean"),
            levels({2020: "-0.5", 2021: 5}),
            _not_positive(2021, 2020, "-0.5"),
        ),
        # the compound growth of 2020-2022 is measured from the level of 2020
        (
            growth(rm.at_least(4), "cagr"),
            levels({2020: 0, 2021: 3, 2022: 5}),
            _not_positive(2022, 2020, "0"),
        ),
        (
            growth(rm.at_least(4), "cagr"),
            levels({2020: -1, 2021: 3, 2022: 5}),
            _not_positive(2022, 2020, "-1"),
        ),
    ],
    ids=[
        "yoy-zero",
        "yoy-negative",
        "baseline-zero",
        "mean-negative",
        "cagr-zero-base",
        "cagr-negative-base",
    ],
)
def test_growth_from_a_level_not_positive_is_an_error(
    target: rm.Target, results: list[rm.Result], message: str
) -> None:
    with pytest.raises(rm.InvalidResultError) as info:
        rm.evaluate(target, results)
    assert str(info.value) == message


TARGET_ERRORS = [
    (
        "growth-without-per",
        lambda: rm.Target(INCOME, rm.at_least(4), growth="yoy"),
        rm.InvalidTargetError,
        "indicator 'income': growth='yoy' is a rate per year computed from yearly levels; "
        "add per='year'",
    ),
    (
        "yoy-without-combine",
        lambda: rm.Target(INCOME, rm.at_least(4), per="year", growth="yoy"),
        rm.InvalidTargetError,
        "indicator 'income': a yearly target must say how its years are judged: "
        "combine='each' (every year), 'total', 'mean' or 'latest'",
    ),
    (
        "cagr-with-combine",
        lambda: rm.Target(INCOME, rm.at_least(4), per="year", growth="cagr", combine="each"),
        rm.InvalidTargetError,
        "indicator 'income': growth='cagr' already makes one rate of the years; "
        "leave combine='each' out",
    ),
    (
        "mean-with-combine",
        lambda: rm.Target(INCOME, rm.at_least(4), per="year", growth="mean", combine="mean"),
        rm.InvalidTargetError,
        "indicator 'income': growth='mean' already makes one rate of the years; "
        "leave combine='mean' out",
    ),
    (
        "total-of-rates",
        lambda: rm.Target(INCOME, rm.at_least(4), per="year", growth="yoy", combine="total"),
        rm.InvalidTargetError,
        "indicator 'income': growth rates do not add up; use combine='each', 'mean' or 'latest'",
    ),
    (
        "rated-indicator",
        lambda: rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", growth="cagr"),
        rm.InvalidTargetError,
        "indicator 'committee' is rated on a scale: ratings have no growth rate",
    ),
    (
        "unknown-growth",
        lambda: rm.Target(INCOME, rm.at_least(4), per="year", growth="cgr"),
        rm.InvalidTargetError,
        "Target(growth) must be one of 'yoy', 'mean', 'cagr' or None, got 'cgr'; "
        "did you mean 'cagr'?",
    ),
    (
        "bounds-in-money",
        lambda: rm.Target(INCOME, rm.at_least(4), unit="tỷ đồng", per="year", growth="cagr"),
        rm.UnitError,
        "indicator 'income': a growth target's bounds are rates in percent, "
        "got unit='tỷ đồng'; leave unit out",
    ),
]


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [case[1:] for case in TARGET_ERRORS],
    ids=[case[0] for case in TARGET_ERRORS],
)
def test_growth_target_errors(build: Any, error: type[Exception], message: str) -> None:
    raises_exactly(build, error, message)


def test_growth_bounds_in_percent_are_accepted() -> None:
    target = rm.Target(INCOME, rm.at_least(4), unit="percent", per="year", growth="cagr")
    assert target.unit == "percent"


# --------------------------------------------------------------------------- DOMAIN row 6


# "Thu nhập bình quân người lao động tăng 4-6%/năm: 3/9 doanh nghiệp từ 4-6%; 6/9 dưới 4%
#  -> Không đạt". Nine invented enterprises, yearly average income in triệu đồng, 2020-2022;
# the rates of 2021 and 2022 (each level / the one before - 1):
ENTERPRISES = {
    "DN 1": (100, 104, "108.16"),  # 4 %, 4 %: on the lower end, met
    "DN 2": (100, 105, "110.25"),  # 5 %, 5 %: met
    "DN 3": (100, 106, "112.36"),  # 6 %, 6 %: on the upper end, met (not beyond it)
    "DN 4": (100, 103, "106.09"),  # 3 %, 3 %: short by 1 point
    "DN 5": (100, 102, "104.04"),  # 2 %, 2 %: short by 2 points
    "DN 6": (100, 101, "102.01"),  # 1 %, 1 %: short by 3 points, the weakest
    "DN 7": (200, 207, "214.245"),  # 3.5 %, 3.5 %: short by 0.5
    "DN 8": (50, 52, 53),  # 4 %, then 1/52 = 1.923... %: short by 2.076...
    "DN 9": (80, 82, "84.05"),  # 2.5 %, 2.5 %: short by 1.5
}


def _enterprise_results() -> list[rm.Result]:
    return [
        rm.Result(level, period=year, entity=firm)
        for firm, values in ENTERPRISES.items()
        for year, level in zip((2020, 2021, 2022), values, strict=True)
    ]


def _income_target(across: Any) -> rm.Target:
    return growth(rm.between(4, 6), "yoy", "each", term=(2020, 2022), across=across)


def test_domain_row_6_income_growth_in_three_of_nine_enterprises() -> None:
    verdict = rm.evaluate(_income_target("all"), _enterprise_results())
    assert verdict.status is NOT
    assert verdict.tally == (3, 9)
    assert [p.entity for p in verdict.parts] == list(ENTERPRISES)
    assert [p.met for p in verdict.parts] == [True] * 3 + [False] * 6
    # the weakest enterprise: DN 6 at 1 % a year, 3 points short of 4 %, first in 2021
    assert verdict.entity == "DN 6"
    assert verdict.actual == 1
    assert verdict.margin == -3
    assert verdict.explain("vi").split(",")[0] == "Không đạt"


def test_domain_row_6_yearly_rates_of_one_enterprise() -> None:
    verdict = rm.evaluate(_income_target("all"), _enterprise_results())
    dn8 = verdict.parts[7]
    assert dn8.entity == "DN 8"
    # 52 / 50 - 1 = 4 %; 53 / 52 - 1 = 1/52 = 100/52 % = 25/13 %
    assert [(p.period, p.actual) for p in dn8.parts] == [(2021, D(4)), (2022, F(25, 13))]
    assert (dn8.status, dn8.actual, dn8.period) == (NOT, F(25, 13), 2022)


@pytest.mark.parametrize(
    ("across", "status", "actual"),
    [
        (rm.at_least_count(3), ACHIEVED, D(3)),
        (rm.at_least_count(4), NOT, D(3)),
        (rm.at_least_share(30), EXCEEDED, F(100, 3)),  # 3/9 = 33.33... %
        ("any", ACHIEVED, D(6)),  # the best: DN 3 at 6 %, 6 - 4 = 2 points inside the band
    ],
    ids=["count-3", "count-4", "share-30", "any"],
)
def test_domain_row_6_other_quantifiers(across: Any, status: rm.Status, actual: Any) -> None:
    verdict = rm.evaluate(_income_target(across), _enterprise_results())
    assert verdict.status is status
    assert verdict.actual == actual


def test_a_growth_target_over_a_single_year_needs_the_level_before() -> None:
    income = rm.Indicator("income", unit="triệu đồng")
    with pytest.raises(rm.InvalidTargetError) as info:
        rm.Target(income, rm.at_least(5), per="year", growth="cagr", term=(2021, 2021))
    assert str(info.value) == (
        "indicator 'income': a growth rate needs two years, but the term is 2021 alone; "
        "give baseline=Baseline(level, 2020) or a longer term"
    )
    target = rm.Target(income, rm.at_least(5), per="year", growth="cagr", term=(2021, 2021),
                       baseline=rm.Baseline(100, 2020))  # fmt: skip
    assert rm.evaluate(target, [rm.Result(106, period=2021)]).status is rm.Status.EXCEEDED
    with pytest.raises(rm.InvalidTargetError, match="a growth rate needs two years"):
        rm.Resolution("one year", [rm.Target(income, rm.at_least(5), per="year", growth="yoy",
                                             combine="each")], term=(2021, 2021))  # fmt: skip
