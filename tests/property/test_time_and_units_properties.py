"""Invariants of targets over years, growth, due dates, units of observation, quotas and
whole resolutions (the semantics of yearly targets, populations and resolutions).

Expected values never come from the code under test: each year's or unit's status is
worked out here from the contract table, sums, means and growth rates are recomputed
with ``fractions.Fraction``, unit sizes are written out below, and the years judged,
the years missing and the caps of quotas follow the contract's words.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
from _oracle import contract_status
from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import (
    indicators,
    population_targets,
    quota_targets,
    resolution_results,
    resolutions,
    results,
    targets,
    unit_results,
    yearly_results,
    yearly_targets,
)

H, L, ON = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER, rm.Direction.ON_TARGET
EXC, ACH, NOT = rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED
PROGRESS, NO_DATA = rm.Status.IN_PROGRESS, rm.Status.NO_DATA
K = rm.Kind

#: NOT_ACHIEVED < ACHIEVED < EXCEEDED
ORDER = {NOT: 0, ACH: 1, EXC: 2}
IMPLIED = {K.AT_LEAST: H, K.ABOVE: H, K.BETWEEN: H, K.AT_MOST: L, K.BELOW: L, K.EXACTLY: ON}
SIGN = {H: 1, L: -1, ON: 0}
#: The size of each unit the strategies use, in its kind's smallest unit.
SIZE = {None: 1, "percent": 1, "member": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9}
OTHER_MONEY = {"triệu đồng": "tỷ đồng", "tỷ đồng": "triệu đồng"}
#: PARTY_QUALITY, worst first, by code and by name (DOMAIN.md section 6).
LEVELS = [
    ("KHTNV", "không hoàn thành nhiệm vụ", "not completed"),
    ("HTNV", "hoàn thành nhiệm vụ", "completed"),
    ("HTTNV", "hoàn thành tốt nhiệm vụ", "good"),
    ("HTXSNV", "hoàn thành xuất sắc nhiệm vụ", "excellent"),
]
RANK = {word.casefold(): rank for rank, words in enumerate(LEVELS) for word in words}

POLICIES = st.sampled_from([rm.Policy(), rm.Policy(strict_met=EXC)])
FAST = settings(max_examples=80, deadline=None)
SLOW = settings(max_examples=40, deadline=None)


# --------------------------------------------------------------------------- the contract


def direction_of(rule: rm.Rule, indicator: rm.Indicator) -> rm.Direction:
    return indicator.direction or IMPLIED[rule.kind]


def number(bound) -> Fraction:
    """A bound or a result's value as a number (a rank for a rating level)."""
    if isinstance(bound, str):
        return Fraction(RANK[" ".join(bound.split()).casefold()])
    return Fraction(bound)


def contract_margin(kind, direction, v, lo, hi) -> Fraction:
    """The signed margin of DESIGN.md section 2."""
    d = SIGN[direction]
    if kind is K.BETWEEN:
        if d > 0:
            return v - hi if v > hi else v - lo
        if d < 0:
            return lo - v if v < lo else hi - v
        if v < lo:
            return v - lo
        if v > hi:
            return hi - v
        return min(v - lo, hi - v)
    if kind is K.EXACTLY:
        return -abs(v - lo)
    return d * (v - lo)


def judged(rule: rm.Rule, indicator: rm.Indicator, v: Fraction, policy=None, scale=1):
    """The status of *v* against *rule* on *indicator*, its bounds multiplied by *scale*."""
    strict = (policy or rm.Policy()).strict_met
    lo, hi = number(rule.bounds[0]) * scale, number(rule.bounds[-1]) * scale
    return contract_status(rule.kind, direction_of(rule, indicator), v, lo, hi, strict)


def all_of(statuses) -> rm.Status:
    """The rule of "each" and across="all": any miss is a miss; all exceeded is exceeded."""
    statuses = list(statuses)
    if any(s is NOT for s in statuses):
        return NOT
    return EXC if all(s is EXC for s in statuses) else ACH


def value_of(target: rm.Target, result: rm.Result) -> Fraction:
    """The result in the target's unit (a rank for a level)."""
    if isinstance(result.value, str):
        return number(result.value)
    written = target.indicator.unit if result.unit is None else result.unit
    return Fraction(result.value) * SIZE[written] / SIZE[target.unit]


def level_of(indicator: rm.Indicator, value, unit) -> Fraction:
    """A level (a result or a baseline) in the indicator's unit."""
    written = indicator.unit if unit is None else unit
    return Fraction(value) * SIZE[written] / SIZE[indicator.unit]


def exact_decimal(value: Fraction) -> Decimal | Fraction:
    """*value* as a Decimal when it has a finite expansion (built from text: exact)."""
    rest, scale = value.denominator, 0
    while rest % 2 == 0 or rest % 5 == 0:
        rest //= 2 if rest % 2 == 0 else 5
        scale += 1
    if rest != 1:
        return value
    return Decimal(f"{value.numerator * 10**scale // value.denominator}E-{scale}")


def years_judged(target: rm.Target, series: list[rm.Result]) -> list[int]:
    """The years of a yearly target on values: its term, else the years reported."""
    if target.term is not None:
        return list(range(target.term[0], target.term[1] + 1))
    return sorted(r.period for r in series)


def expected_level_verdict(target, series, policy):
    """(status, actual) of a yearly target on values, from the contract, at a final review
    with every judged year reported."""
    by_year = {r.period: value_of(target, r) for r in series}
    years = [y for y in years_judged(target, series) if y in by_year]
    values = [by_year[y] for y in years]
    rule, indicator = target.rule, target.indicator
    statuses = [judged(rule, indicator, v, policy) for v in values]
    if target.combine == "each":
        return all_of(statuses), None
    if target.combine == "latest":
        return statuses[-1], values[-1]
    if target.combine == "mean":
        mean = sum(values) / len(values)
        return judged(rule, indicator, mean, policy), mean
    total = sum(values)
    return judged(rule, indicator, total, policy, scale=len(values)), total


def growth_rates(target: rm.Target, series: list[rm.Result]) -> dict[int, Fraction]:
    """The exact year-on-year rates (percent) a growth target is judged on, by year.

    Over a term the first year's level is the base of the first rate, unless the
    baseline is the year before the term; without a term, the first level reported
    is the base unless the baseline is the year before it.
    """
    indicator = target.indicator
    levels = {r.period: level_of(indicator, r.value, r.unit) for r in series}
    first = target.term[0] if target.term is not None else min(levels)
    last = target.term[1] if target.term is not None else max(levels)
    baseline = target.baseline
    if baseline is not None and baseline.year == first - 1:
        levels[first - 1] = level_of(indicator, baseline.value, baseline.unit)
    else:
        first += 1
    return {year: (levels[year] / levels[year - 1] - 1) * 100 for year in range(first, last + 1)}


def final(status) -> bool:
    return status in (EXC, ACH, NOT)


# --------------------------------------------------------------------------- combining years


@FAST
@given(st.data(), POLICIES)
def test_each_is_met_iff_every_year_is_met(data, policy):
    """combine="each": the target is met exactly when every year judged is met (any year
    missed -> NOT_ACHIEVED, every year exceeded -> EXCEEDED, else ACHIEVED), with one
    part per year, in year order, each judged on that year's value alone.
    """
    target = data.draw(yearly_targets(combines=["each"], growths=[None]), label="target")
    series = data.draw(yearly_results(target), label="series")
    verdict = rm.evaluate(target, series, policy=policy)
    years = years_judged(target, series)
    by_year = {r.period: value_of(target, r) for r in series}
    statuses = [judged(target.rule, target.indicator, by_year[y], policy) for y in years]
    assert verdict.status is all_of(statuses)
    assert verdict.met == all(s.met for s in statuses)
    assert [part.period for part in verdict.parts] == years
    assert [part.status for part in verdict.parts] == statuses
    assert verdict.tally == (sum(s.met for s in statuses), len(years))


@FAST
@given(st.data(), POLICIES)
def test_a_total_is_judged_as_one_value_against_the_bound_times_the_years(data, policy):
    """combine="total": the verdict is that of a one-value target whose bound is the
    yearly bound times the number of years judged, on the exact sum of the years; its
    actual is that sum and its margin is measured from the scaled bound (249 members
    against 80 a year over 3 years: exceeded, margin 9).
    """
    target = data.draw(yearly_targets(combines=["total"], growths=[None]), label="target")
    series = data.draw(yearly_results(target), label="series")
    verdict = rm.evaluate(target, series, policy=policy)
    years = years_judged(target, series)
    by_year = {r.period: value_of(target, r) for r in series}
    total, n = sum(by_year[y] for y in years), len(years)
    rule, indicator = target.rule, target.indicator
    assert verdict.status is judged(rule, indicator, total, policy, scale=n)
    assert Fraction(verdict.actual) == total
    lo, hi = number(rule.bounds[0]) * n, number(rule.bounds[-1]) * n
    assert Fraction(verdict.margin) == contract_margin(
        rule.kind, direction_of(rule, indicator), total, lo, hi
    )
    one_value = rm.Target(
        indicator, rm.Rule(rule.kind, tuple(number(b) * n for b in rule.bounds)), unit=target.unit
    )
    alone = rm.evaluate(one_value, rm.Result(exact_decimal(total), target.unit), policy=policy)
    assert alone.status is verdict.status
    assert [Fraction(b) for b in verdict.basis.rule.bounds] == [lo, hi][: len(rule.bounds)]


@FAST
@given(st.data(), POLICIES, st.sampled_from(["mean", "latest"]))
def test_mean_and_latest_judge_one_exact_value(data, policy, combine):
    """combine="mean" judges the exact mean of the years against the yearly bound, and
    combine="latest" judges the last year judged (its value is the actual, its year
    the verdict's period); the parts still hold one verdict per year.
    """
    target = data.draw(yearly_targets(combines=[combine], growths=[None]), label="target")
    series = data.draw(yearly_results(target), label="series")
    verdict = rm.evaluate(target, series, policy=policy)
    status, actual = expected_level_verdict(target, series, policy)
    assert verdict.status is status
    years = years_judged(target, series)
    assert [part.period for part in verdict.parts] == years
    if target.indicator.scale is None:
        assert Fraction(verdict.actual) == actual
    else:
        assert number(verdict.actual) == actual
    if combine == "latest":
        assert verdict.period == years[-1]


# --------------------------------------------------------------------------- order changes nothing


#: Populations whose units can tie (equal status and margin, different values): a
#: point target or a band, where order is most likely to leak into the verdict.
TIES = population_targets(indicators=indicators(directions=[ON]), across=["all", "any"])


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_the_order_of_units_and_years_changes_nothing(data):
    """Permutation invariance: the results of a population or a yearly target given in
    any order (shuffled, or reversed) get the same status, actual, margin and tally.
    """
    target = data.draw(
        st.one_of(TIES, TIES, population_targets(yearly=None), yearly_targets()), label="target"
    )
    if target.across is not None:
        given_results = data.draw(unit_results(target), label="results")
    else:
        given_results = data.draw(yearly_results(target), label="results")
    shuffled = data.draw(st.permutations(given_results), label="shuffled")
    first = rm.evaluate(target, given_results)
    for order in (shuffled, given_results[::-1]):
        other = rm.evaluate(target, order)
        assert other.status is first.status
        assert other.actual == first.actual
        assert other.margin == first.margin
        assert other.tally == first.tally


# --------------------------------------------------------------------------- units of observation


def unit_statuses(target: rm.Target, found: list[rm.Result], policy) -> dict[str, rm.Status]:
    """Each unit's status, from its one result, by the contract table."""
    return {
        r.entity: judged(target.rule, target.indicator, value_of(target, r), policy) for r in found
    }


@FAST
@given(st.data(), POLICIES)
def test_adding_a_missed_unit_never_improves_all_nor_a_met_one_worsens_any(data, policy):
    """Monotonicity over units: across="all" is the "each" rule over units, and one more
    unit that misses never improves it; across="any" is the best unit's status, and one
    more unit that meets the rule never worsens it.
    """
    target = data.draw(population_targets(across=["all", "any"]), label="target")
    found = data.draw(unit_results(target), label="units")
    extra = data.draw(unit_results(target, entities=["one more unit"]), label="extra")
    statuses = unit_statuses(target, found, policy)
    before = rm.evaluate(target, found, policy=policy)
    after = rm.evaluate(target, found + extra, policy=policy)
    added = judged(target.rule, target.indicator, value_of(target, extra[0]), policy)
    if target.across.quantifier is rm.Quantifier.ALL:
        assert before.status is all_of(statuses.values())
        if not added.met:
            assert after.status is NOT
            assert ORDER[after.status] <= ORDER[before.status]
    else:
        assert before.status is max(statuses.values(), key=ORDER.get)
        if added.met:
            assert ORDER[after.status] >= ORDER[before.status]
    assert after.tally == (sum(s.met for s in statuses.values()) + added.met, len(found) + 1)


@FAST
@given(st.data(), POLICIES)
def test_counts_and_shares_of_units_met(data, policy):
    """at_least_count(k) is met exactly when at least k units are met, with the number
    met as its actual; at_least_share(p) exactly when 100 * met / units >= p, with that
    exact percentage as its actual; the tally is (met, units) either way.
    """
    target = data.draw(population_targets(across=["count", "share"]), label="target")
    found = data.draw(unit_results(target), label="units")
    verdict = rm.evaluate(target, found, policy=policy)
    statuses = unit_statuses(target, found, policy)
    met, units = sum(s.met for s in statuses.values()), len(statuses)
    needed = Fraction(target.across.value)
    if target.across.quantifier is rm.Quantifier.COUNT:
        assert verdict.met == (met >= needed)
        assert Fraction(verdict.actual) == met
    else:
        assert verdict.met == (Fraction(100 * met, units) >= needed)
        assert Fraction(verdict.actual) == Fraction(100 * met, units)
    assert verdict.status is contract_status(
        K.AT_LEAST, H, Fraction(verdict.actual), needed, needed, policy.strict_met
    )
    assert verdict.tally == (met, units)
    assert sorted(part.entity for part in verdict.parts) == sorted(statuses)


# --------------------------------------------------------------------------- due dates, missing


def before_due(data, target: rm.Target, earliest: int) -> date:
    """A review date before the target's due date, in *earliest* or later."""
    due = target.due_date
    first = min(date(earliest, 1, 1), due - timedelta(days=1))
    return data.draw(st.dates(min_value=first, max_value=due - timedelta(days=1)), label="as_of")


@FAST
@given(st.data())
def test_a_target_not_yet_due_is_in_progress_with_its_latest_value(data):
    """Not yet due: before its due date a target is IN_PROGRESS (never NOT_ACHIEVED),
    whatever its results, with the latest value known at the review (results after the
    review's year or the due year are left out) as its actual.

    The review and the results are dated in the baseline's year or later.
    """
    target = data.draw(targets(due=True), label="target")
    since = target.baseline.year if target.baseline else target.due_date.year - 5
    as_of = before_due(data, target, since)
    years = data.draw(
        st.lists(st.integers(since, target.due_date.year + 2), unique=True, max_size=3),
        label="years",
    )
    if years:
        found = [attrs.evolve(data.draw(results(target)), period=year) for year in years]
    else:
        found = data.draw(st.lists(results(target), max_size=1), label="without a period")
    verdict = rm.evaluate(target, found, as_of=as_of)
    assert verdict.status is PROGRESS
    last = min(as_of.year, target.due_date.year)
    known = [r for r in found if r.period is None or r.period <= last]
    if not known:
        assert verdict.actual is None
        return
    latest = max(known, key=lambda r: r.period or 0)
    if target.indicator.scale is None:
        assert Fraction(verdict.actual) == value_of(target, latest)
    else:
        assert number(verdict.actual) == value_of(target, latest)


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_a_result_older_than_the_baseline_is_in_progress_too(data):
    """Not yet due, on a latest result from before the baseline year (reviewed then, or
    later): still IN_PROGRESS with that result as its actual, never an error; the
    contract asks for IN_PROGRESS for any results before the due date.
    """
    target = data.draw(targets(due=True), label="target")
    if target.baseline is None:
        start = data.draw(results(target), label="baseline")
        baseline = rm.Baseline(start.value, target.due_date.year - 1, start.unit)
        target = attrs.evolve(target, baseline=baseline)
    early = target.baseline.year - 1
    result = attrs.evolve(data.draw(results(target)), period=early)
    as_of = before_due(data, target, early)
    verdict = rm.evaluate(target, [result], as_of=as_of)
    assert verdict.status is PROGRESS
    assert number(verdict.actual) == value_of(target, result)


@FAST
@given(st.data(), st.sampled_from(["no_data", "skip"]))
def test_a_missing_year_is_never_read_as_a_miss(data, missing):
    """Missing data: with a due year of the term unreported, a yearly target is NO_DATA
    naming exactly those years (never NOT_ACHIEVED), its parts still holding the years
    reported; with Policy(missing="skip") it is judged on the years reported.
    """
    target = data.draw(yearly_targets(growths=[None], terms=True), label="target")
    series = data.draw(yearly_results(target, missing=True), label="series")
    policy = rm.Policy(missing=missing)
    verdict = rm.evaluate(target, series, policy=policy)
    years = years_judged(target, [])
    reported = [r.period for r in series]
    absent = [y for y in years if y not in reported]
    assert [part.period for part in verdict.parts] == reported
    if not absent:
        assert verdict.status is expected_level_verdict(target, series, policy)[0]
    elif missing == "no_data" or not reported:
        assert verdict.status is NO_DATA
        assert list(verdict.missing) == absent
    else:
        assert verdict.status is expected_level_verdict(target, series, policy)[0]


@FAST
@given(st.data())
def test_a_missing_level_makes_a_growth_target_no_data(data):
    """Missing data in a growth target: a rate needs the level of its year and of the
    year before (the baseline for the first year when it is the year before the
    term); "cagr" only the first and last levels. Any needed level missing -> NO_DATA
    (never NOT_ACHIEVED), else a final verdict.
    """
    target = data.draw(yearly_targets(growths=["yoy", "mean", "cagr"], terms=True))
    series = data.draw(yearly_results(target, missing=True), label="series")
    verdict = rm.evaluate(target, series)
    first, last = target.term
    base = target.baseline
    start = first - 1 if base is not None and base.year == first - 1 else first
    if start == last:
        return  # no rate to compute in a one-year term (see the report test)
    known = {r.period for r in series} | ({start} if start < first else set())
    needed = {start, last} if target.growth == "cagr" else set(range(start, last + 1))
    if needed <= known:
        assert final(verdict.status)
    else:
        assert verdict.status is NO_DATA
        assert set(verdict.missing) <= needed - known


@SLOW
@given(st.data())
def test_no_result_at_a_final_review_is_no_data(data):
    """No data is never anything else: at a final review (as_of=None, every year due
    and every due date passed), a target of any kind with no results at all is
    NO_DATA.
    """
    target = data.draw(
        st.one_of(
            targets(due=None),
            yearly_targets(),
            population_targets(yearly=None),
            quota_targets(),
        ),
        label="target",
    )
    assert rm.evaluate(target, []).status is NO_DATA


@FAST
@given(st.data())
def test_a_unit_with_a_missing_year_makes_the_population_no_data(data):
    """Missing data across units: a unit with a due year unreported makes the whole
    NO_DATA, naming exactly those units, in the order given; never NOT_ACHIEVED.
    """
    yearly = data.draw(yearly_targets(growths=[None], terms=True), label="yearly target")
    across = data.draw(st.sampled_from(["all", "any", rm.at_least_count(2)]), label="across")
    target = attrs.evolve(yearly, across=across)
    found = data.draw(unit_results(target, missing=True), label="units")
    verdict = rm.evaluate(target, found)
    years = years_judged(target, [])
    units = list(dict.fromkeys(r.entity for r in found))
    if not units:
        assert verdict.status is NO_DATA  # no unit reported anything
        return
    lacking = [u for u in units if {r.period for r in found if r.entity == u} != set(years)]
    if lacking:
        assert verdict.status is NO_DATA
        assert list(verdict.missing) == lacking
    else:
        assert final(verdict.status)


# --------------------------------------------------------------------------- growth


@FAST
@given(st.data(), POLICIES)
def test_year_on_year_growth_is_judged_on_the_exact_rates(data, policy):
    """Growth "yoy" (combined "each", "mean" or "latest") and growth "mean" judge the
    exact rates (level / previous level - 1) * 100 as a yearly target judges values:
    one part per rate year, with that rate as its actual.
    """
    target = data.draw(yearly_targets(growths=["yoy", "mean"]), label="target")
    series = data.draw(yearly_results(target), label="levels")
    verdict = rm.evaluate(target, series, policy=policy)
    rates = growth_rates(target, series)
    if not rates:
        return
    rule, indicator = target.rule, target.indicator
    statuses = [judged(rule, indicator, rate, policy) for rate in rates.values()]
    assert [part.period for part in verdict.parts] == list(rates)
    assert [Fraction(part.actual) for part in verdict.parts] == list(rates.values())
    assert [part.status for part in verdict.parts] == statuses
    how = "mean" if target.growth == "mean" else target.combine
    if how == "each":
        assert verdict.status is all_of(statuses)
    elif how == "latest":
        assert verdict.status is statuses[-1]
        assert Fraction(verdict.actual) == list(rates.values())[-1]
    else:
        mean = sum(rates.values()) / len(rates)
        assert verdict.status is judged(rule, indicator, mean, policy)
        assert Fraction(verdict.actual) == mean


@FAST
@given(st.data(), POLICIES)
def test_cagr_is_decided_exactly(data, policy):
    """Growth "cagr": the status is that of last / first against (1 + bound / 100) **
    years, compared exactly; the actual, rounded to 50 significant digits, is the rate
    whose compound growth over those years gives last / first to within that rounding.
    """
    target = data.draw(yearly_targets(growths=["cagr"]), label="target")
    series = data.draw(yearly_results(target), label="levels")
    verdict = rm.evaluate(target, series, policy=policy)
    rates = growth_rates(target, series)
    if not rates:
        return
    indicator, rule = target.indicator, target.rule
    levels = {r.period: level_of(indicator, r.value, r.unit) for r in series}
    start, end = min(rates) - 1, max(rates)
    if start not in levels:
        levels[start] = level_of(indicator, target.baseline.value, target.baseline.unit)
    ratio, years = levels[end] / levels[start], end - start
    lo, hi = ((1 + number(b) / 100) ** years for b in (rule.bounds[0], rule.bounds[-1]))
    strict, direction = policy.strict_met, direction_of(rule, indicator)
    assert verdict.status is contract_status(rule.kind, direction, ratio, lo, hi, strict)
    assert verdict.context.approximate
    compounded = (1 + Fraction(verdict.actual) / 100) ** years
    assert abs(compounded - ratio) <= ratio * years * Fraction(1, 10**48)


MONEY = indicators(units=["triệu đồng", "tỷ đồng"], ordinal=False)
FACTORS = st.sampled_from([Fraction(3), Fraction(1000), Fraction(1, 7), Fraction(5, 4)])


@FAST
@given(st.data(), FACTORS)
def test_scaling_the_levels_changes_no_growth_verdict(data, factor):
    """Growth verdicts are scale-free: multiplying every level (and the baseline) by the
    same positive factor, or writing the levels in triệu đồng instead of tỷ đồng (and
    the reverse), changes neither the status nor the actual nor any part.
    """
    target = data.draw(
        yearly_targets(indicators=MONEY, growths=["yoy", "mean", "cagr"]), label="target"
    )
    series = data.draw(yearly_results(target), label="levels")
    verdict = rm.evaluate(target, series)
    scaled_target = target
    if target.baseline is not None:
        base = target.baseline
        scaled_target = attrs.evolve(
            target, baseline=rm.Baseline(Fraction(base.value) * factor, base.year, base.unit)
        )
    scaled = [attrs.evolve(r, value=Fraction(r.value) * factor) for r in series]
    rewritten = []
    for r in series:
        unit = target.indicator.unit if r.unit is None else r.unit
        amount = Fraction(r.value) * SIZE[unit] / SIZE[OTHER_MONEY[unit]]
        rewritten.append(attrs.evolve(r, value=exact_decimal(amount), unit=OTHER_MONEY[unit]))
    for other in (rm.evaluate(scaled_target, scaled), rm.evaluate(target, rewritten)):
        assert other.status is verdict.status
        assert other.actual == verdict.actual
        assert [(p.period, p.status, p.actual) for p in other.parts] == [
            (p.period, p.status, p.actual) for p in verdict.parts
        ]


# --------------------------------------------------------------------------- quotas


def cap_of(share: Fraction, rounding: str) -> Fraction:
    """p % of the group, rounded as the quota states."""
    if rounding == "exact":
        return share
    if rounding == "down":
        return Fraction(share.numerator // share.denominator)
    if rounding == "up":
        return Fraction(-(-share.numerator // share.denominator))
    return Fraction((2 * share.numerator + share.denominator) // (2 * share.denominator))


def meets(rule: rm.Rule | None, indicator: rm.Indicator, v: Fraction) -> bool:
    return rule is None or judged(rule, indicator, v).met


def quota_value(indicator: rm.Indicator, result: rm.Result) -> Fraction:
    """A unit's result for a quota: a rank, or a number in the indicator's unit."""
    if isinstance(result.value, str):
        return number(result.value)
    return level_of(indicator, result.value, result.unit)


@FAST
@given(st.data())
def test_a_quota_compares_the_count_at_the_level_with_the_rounded_cap(data):
    """Quotas: the count of units meeting the level rule must be at most p % of the
    units meeting the `of` rule (all units when None), rounded as stated; within the
    cap -> ACHIEVED, over it -> NOT_ACHIEVED (never EXCEEDED); the actual is the count
    and the margin the room left under the cap.
    """
    target = data.draw(quota_targets(), label="target")
    found = data.draw(unit_results(target), label="units")
    verdict = rm.evaluate(target, found)
    quota, indicator = target.rule, target.indicator
    values = [quota_value(indicator, r) for r in found]
    count = sum(meets(quota.level, indicator, v) for v in values)
    group = sum(meets(quota.of, indicator, v) for v in values)
    cap = cap_of(Fraction(quota.at_most) * group / 100, quota.rounding)
    assert verdict.status is (ACH if count <= cap else NOT)
    assert Fraction(verdict.actual) == count
    assert Fraction(verdict.margin) == cap - count
    assert verdict.context.periods[0] == group


UP = quota_targets(
    indicators=indicators(ordinal=True, directions=[H]), kinds=[K.AT_LEAST, K.ABOVE]
)


@FAST
@given(st.data())
def test_lowering_a_rating_within_the_group_never_worsens_a_quota(data):
    """Quotas on "this level or better": lowering one unit's rating, while it stays in
    (or out of) the group the quota is a share of, never makes the verdict worse nor
    its room under the cap smaller.

    (Lowering a unit out of the `of` group shrinks the cap as well: see
    test_dropping_a_unit_out_of_the_group_shrinks_the_cap.)
    """
    target = data.draw(UP, label="target")
    found = data.draw(unit_results(target), label="units")
    which = data.draw(st.integers(0, len(found) - 1), label="unit")
    quota, indicator = target.rule, target.indicator
    rank = int(quota_value(indicator, found[which]))
    in_group = meets(quota.of, indicator, Fraction(rank))
    lower = [r for r in range(rank) if meets(quota.of, indicator, Fraction(r)) == in_group]
    if not lower:
        return
    new_rank = data.draw(st.sampled_from(lower), label="lowered to")
    lowered = list(found)
    lowered[which] = attrs.evolve(found[which], value=LEVELS[new_rank][0])
    before, after = rm.evaluate(target, found), rm.evaluate(target, lowered)
    assert ORDER[after.status] >= ORDER[before.status]
    assert after.margin >= before.margin


def test_dropping_a_unit_out_of_the_group_shrinks_the_cap():
    """The `of` group is what the cap is a share of: lowering a unit out of it lowers
    the cap, so a quota can turn NOT_ACHIEVED with no unit more at the level."""
    rating = rm.Indicator("org", scale=rm.PARTY_QUALITY)
    cap = rm.quota(rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"), rounding="down")
    target = rm.Target(rating, cap)
    codes = ["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTTNV"]  # 1 of 5: cap 1
    found = [rm.Result(code, entity=f"org {n}") for n, code in enumerate(codes)]
    assert rm.evaluate(target, found).status is ACH
    found[1] = rm.Result("HTNV", entity="org 1")  # 1 of 4: cap 0
    assert rm.evaluate(target, found).status is NOT


# --------------------------------------------------------------------------- reports

# The split of the met targets is in brackets, each count only when not zero, and the
# brackets only when some target is met: "(2 exceeded)", "(1 achieved, 2 exceeded)".
SUMMARY_EN = re.compile(
    r"Met (\d+) of (\d+) targets?"
    r"(?: \((?:(\d+) achieved(?:, (\d+) exceeded)?|(\d+) exceeded)\))?"
    r"(?:; (\d+) not achieved)?(?:; (\d+) in progress)?(?:; (\d+) with no data)?\.$"
)
SUMMARY_VI = re.compile(
    r"Hoàn thành và vượt (\d+)/(\d+) chỉ tiêu"
    r"(?: \((?:(\d+) đạt(?:, (\d+) vượt)?|(\d+) vượt)\))?"
    r"(?:; không đạt (\d+)/\d+ chỉ tiêu)?(?:; đang thực hiện (\d+)/\d+ chỉ tiêu)?"
    r"(?:; chưa có số liệu (\d+)/\d+ chỉ tiêu)?\.$"
)


@SLOW
@given(st.data())
def test_a_reports_counts_and_summary_match_its_verdicts(data):
    """Reports: one verdict per component, in order; Report.counts has every status,
    sums to the number of components and counts the verdicts' statuses; the summary's
    numbers, in English and in Vietnamese, are those counts.
    """
    resolution = data.draw(resolutions(), label="resolution")
    found = data.draw(resolution_results(resolution, missing=True), label="results")
    first, last = resolution.term
    as_of = data.draw(
        st.none() | st.dates(date(first, 1, 1), date(last + 1, 12, 31)), label="as_of"
    )
    report = resolution.evaluate(found, as_of=as_of)
    components = resolution.components
    assert [v.target for v in report.verdicts] == list(components)
    counts = report.counts
    assert set(counts) == set(rm.Status)
    assert sum(counts.values()) == len(components)
    for status in rm.Status:
        assert counts[status] == sum(v.status is status for v in report.verdicts)
    met = counts[ACH] + counts[EXC]
    expected = [
        met, len(components), counts[ACH] or None, counts[EXC] or None,
        counts[NOT] or None, counts[PROGRESS] or None, counts[NO_DATA] or None,
    ]  # fmt: skip
    for pattern, lang in ((SUMMARY_EN, "en"), (SUMMARY_VI, "vi")):
        matched = pattern.match(report.summary(lang))
        assert matched, report.summary(lang)
        found = [None if g is None else int(g) for g in matched.groups()]
        exceeded = found[3] if found[3] is not None else found[4]  # after achieved, or alone
        assert [*found[:3], exceeded, *found[5:]] == expected
