"""Verdicts over years, units and time: the part of the engine beyond one value.

The order is fixed: within each unit, the years are combined first (``per``,
``combine``, ``growth``); then the units are counted (``across``, quotas);
last, a target not yet due turns into IN_PROGRESS with its attainment so far
and a progress assessment.

What is missing is never read as a miss: a due year or a unit without data
makes the verdict NO_DATA and names it (unless ``Policy(missing="skip")``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Context as DecimalContext
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from .errors import InvalidResultError
from .evaluate import judge_transformed, judge_value, judged_value, no_entities, pick_latest
from .indicators import Direction, Indicator
from .numbers import Exact, as_text, normal, trimmed
from .policy import Policy
from .results import Result
from .rules import Quantifier, Quota, Rule, above, at_least, at_most
from .targets import Target
from .verdicts import Context, Status, Verdict, make_verdict

__all__ = ["evaluate_combined"]

_RANK = {Status.NOT_ACHIEVED: 0, Status.ACHIEVED: 1, Status.EXCEEDED: 2}

#: Compound growth rates are irrational in general: they are shown to this
#: many significant digits, while their status is decided exactly.
GROWTH_DIGITS = 50


def evaluate_combined(
    target: Target, results: list[Result], as_of: date | None, policy: Policy
) -> Verdict:
    """Judge a target with periods, units, a quota or a due date (see the module docstring)."""
    if isinstance(target.rule, Quota):
        verdict = _quota(target, target.rule, results, as_of, policy)
    elif target.across is not None:
        verdict = _population(target, results, as_of, policy)
    else:
        no_entities(target, results)
        verdict = _series(target, results, as_of, policy, None)
    due = target.due_date
    if due is not None and as_of is not None and as_of < due:
        return _not_yet_due(target, verdict, as_of, policy)
    if as_of is not None and verdict.context is not None:
        return attrs.evolve(verdict, context=attrs.evolve(verdict.context, as_of=as_of))
    return verdict


# --------------------------------------------------------------------------- one unit


def _last_year(target: Target, as_of: date | None) -> int | None:
    """The last year whose result may count: none after the review date or the due year."""
    years = [y for y in (None if as_of is None else as_of.year, _due_year(target)) if y]
    return min(years) if years else None


def _due_year(target: Target) -> int | None:
    due = target.due_date
    return None if due is None else due.year


def _complete(year: int, as_of: date | None) -> bool:
    """A year is due once it is over: on 31 December or later."""
    return as_of is None or as_of >= date(year, 12, 31)


def _series(
    target: Target,
    results: list[Result],
    as_of: date | None,
    policy: Policy,
    entity: str | None,
) -> Verdict:
    """The verdict of one unit (or of the whole when there are no units)."""
    if target.per is None:
        result = pick_latest(target, results, _last_year(target, as_of))
        context = Context(entity=entity) if entity is not None else None
        if result is None:
            return make_verdict(target, Status.NO_DATA, None, (), policy, context)
        value = judged_value(target, result)
        if result.period is not None:
            context = Context(period=result.period, entity=entity)
        return make_verdict(target, judge_value(target, value, policy), value, (), policy, context)
    return _yearly(target, results, as_of, policy, entity)


def _by_year(target: Target, results: list[Result], entity: str | None) -> dict[int, Result]:
    by_year: dict[int, Result] = {}
    for result in results:
        if result.period is None:
            raise InvalidResultError(
                f"indicator {target.key!r}: a yearly target needs the year of each result, "
                f"but {result!r} has none; give period=YEAR"
            )
        if result.period in by_year:
            where = "" if entity is None else f" in {entity!r}"
            raise InvalidResultError(
                f"indicator {target.key!r}: two results for {result.period}{where} "
                f"({by_year[result.period]!r}, {result!r}); keep one result per year"
            )
        by_year[result.period] = result
    return by_year


def _years(target: Target, by_year: dict[int, Result]) -> list[int]:
    """The years the target is judged on: its term, or else the years reported.

    A growth rate needs the level of the year before: over a term, the first
    year's level is the base of the first rate, unless the target's baseline
    is the year before the term.
    """
    if target.term is not None:
        first, last = target.term
        baseline = target.baseline
        if target.growth is not None and (baseline is None or baseline.year != first - 1):
            first += 1
        return list(range(first, last + 1))
    years = sorted(by_year)
    if target.growth is not None and years:
        baseline = target.baseline
        if baseline is None or baseline.year != years[0] - 1:
            years = years[1:]  # the first level reported is the base of the first rate
    due = _due_year(target)
    return [y for y in years if due is None or y <= due]


def _yearly(
    target: Target,
    results: list[Result],
    as_of: date | None,
    policy: Policy,
    entity: str | None,
) -> Verdict:
    by_year = _by_year(target, results, entity)
    # how the years make one value: 'each', 'total', 'mean', 'latest' (year-on-year
    # growth rates are combined like levels), or 'mean'/'cagr' for the other growths
    combined = target.combine or target.growth or ""
    if not by_year and target.term is None:  # no term to wait for, and nothing reported
        context = Context(entity=entity, combined=combined)
        return make_verdict(target, Status.NO_DATA, None, (), policy, context)
    due_years = [y for y in _years(target, by_year) if _complete(y, as_of)]
    if not due_years:  # no year is over yet
        context = Context(entity=entity, combined=combined)
        return make_verdict(target, Status.IN_PROGRESS, None, (), policy, context)
    if target.growth == "cagr":
        return _compound_growth(target, by_year, due_years, policy, entity)

    values: dict[int, Any] = {}
    missing: list[int] = []
    level = _levels(target, by_year)
    for year in due_years:
        if target.growth is None:
            result = by_year.get(year)
            if result is None:
                missing.append(year)
            else:
                values[year] = judged_value(target, result)
            continue
        current, previous = level(year), level(year - 1)
        if current is None or previous is None:
            lacking = year if current is None else year - 1
            if lacking not in missing:
                missing.append(lacking)
        else:
            values[year] = _growth(target, previous, current, year)
    parts = tuple(
        make_verdict(
            target, judge_value(target, v, policy), v, (), policy, Context(period=y, entity=entity)
        )
        for y, v in values.items()
    )
    if (missing and policy.missing == "no_data") or not parts:
        context = Context(entity=entity, missing=tuple(missing), combined=combined,
                          periods=tuple(values))  # fmt: skip
        return make_verdict(target, Status.NO_DATA, None, parts, policy, context)

    periods = tuple(values)
    how = "mean" if target.growth == "mean" else target.combine
    if how == "each":
        worst = _worst(parts)
        context = Context(period=worst.period, entity=entity, combined=combined, periods=periods)
        return make_verdict(target, _all_status(parts), worst.actual, parts, policy, context)
    if how == "latest":
        last = parts[-1]
        context = Context(period=last.period, entity=entity, combined=combined, periods=periods)
        return make_verdict(target, last.status, last.actual, parts, policy, context)
    total = normal(sum((Fraction(v) for v in values.values()), Fraction(0)))
    if how == "mean":
        mean = normal(Fraction(total) / len(values))
        context = Context(entity=entity, combined=combined, periods=periods)
        return make_verdict(
            target, judge_value(target, mean, policy), mean, parts, policy, context
        )
    # total: the sum of the due years against the yearly figure times their number
    basis = _scaled(target, len(values))
    context = Context(entity=entity, basis=basis, combined=combined, periods=periods)
    return make_verdict(target, judge_value(basis, total, policy), total, parts, policy, context)


def _levels(target: Target, by_year: dict[int, Result]) -> Callable[[int], Exact | None]:
    """The level of a year, in the indicator's unit: reported, or the baseline."""
    baseline = target.baseline

    def level(year: int) -> Exact | None:
        result = by_year.get(year)
        if result is not None:
            return judged_value(target, result, level=True)  # type: ignore[no-any-return]
        if baseline is not None and baseline.year == year and not isinstance(baseline.value, str):
            return _baseline_level(target)
        return None

    return level


def _baseline_level(target: Target) -> Exact:
    baseline = target.baseline
    assert baseline is not None
    assert not isinstance(baseline.value, str)
    return judged_value(target, Result(baseline.value, baseline.unit), level=True)  # type: ignore[no-any-return]


def _growth(
    target: Target, previous: Exact, current: Exact, year: int, base_year: int | None = None
) -> Exact:
    """Growth in percent from *base_year* (the year before, by default), exactly."""
    base_year = year - 1 if base_year is None else base_year
    if previous <= 0:
        raise InvalidResultError(
            f"indicator {target.key!r}: the growth of {year} is measured from the level of "
            f"{base_year}, {as_text(previous)}, which is not positive; a growth rate needs a "
            "positive starting level"
        )
    return normal((Fraction(current) / Fraction(previous) - 1) * 100)


def _compound_growth(
    target: Target,
    by_year: dict[int, Result],
    due_years: list[int],
    policy: Policy,
    entity: str | None,
) -> Verdict:
    """Compound annual growth from the level before the first year to the last due year.

    The status is decided exactly: for levels a < b over n years and a bound
    r %, ``cagr >= r`` exactly when ``b / a >= (1 + r / 100) ** n``, all
    rational. The rate itself is shown to GROWTH_DIGITS significant digits.
    """
    level = _levels(target, by_year)
    end = due_years[-1]
    start = due_years[0] - 1
    if target.term is None:  # from the first level known: the baseline or the first reported
        known = [y for y in by_year if y < end]
        if target.baseline is not None and target.baseline.year < end:
            known.append(target.baseline.year)
        start = min(known, default=start)
    first, last = level(start), level(end)
    missing = tuple(y for y, v in ((start, first), (end, last)) if v is None)
    if first is None or last is None:
        context = Context(entity=entity, missing=missing, combined="cagr")
        return make_verdict(target, Status.NO_DATA, None, (), policy, context)
    _growth(target, first, last, end, start)  # checks the starting level is positive
    years = end - start
    ratio = Fraction(last) / Fraction(first)
    low, high = (compound_bound(target, bound, years) for bound in (target.lo, target.hi))
    status = judge_transformed(target, ratio, low, high, policy)
    rate = compound_rate(ratio, years)
    context = Context(entity=entity, combined="cagr", periods=(start, end), approximate=True)
    return make_verdict(target, status, rate, (), policy, context)


def compound_bound(target: Target, bound: Exact, years: int) -> Fraction:
    """``(1 + bound / 100) ** years``: what the ratio of the last level to the first must
    reach for a compound growth rate of *bound* percent over *years* years."""
    growth = 1 + Fraction(bound) / 100
    if growth <= 0:
        raise InvalidResultError(
            f"indicator {target.key!r}: a compound growth bound must be above -100%, "
            f"got {as_text(bound)}%"
        )
    return growth**years


def compound_rate(ratio: Fraction, years: int) -> Decimal:
    """The compound annual growth rate in percent of a level that grew by *ratio* in
    *years* years, to GROWTH_DIGITS significant digits (it is irrational in general)."""
    digits = DecimalContext(prec=GROWTH_DIGITS + 5)
    root = digits.power(
        digits.divide(Decimal(ratio.numerator), Decimal(ratio.denominator)),
        digits.divide(Decimal(1), Decimal(years)),
    )
    return trimmed(DecimalContext(prec=GROWTH_DIGITS).multiply(digits.subtract(root, 1), 100))


def _scaled(target: Target, years: int) -> Target:
    """The yearly rule times *years*: what a total over that many years is judged against."""
    rule = target.rule
    assert isinstance(rule, Rule)
    bounds = tuple(normal(Fraction(b) * years) for b in rule.bounds)
    return Target(target.indicator, Rule(rule.kind, bounds), unit=target.unit, label=target.label)


def _standing(verdict: Verdict) -> tuple[int, Exact | int]:
    return _RANK.get(verdict.status, -1), verdict.margin or 0


def _order(verdict: Verdict) -> tuple[str, int]:
    """A tie-break that does not depend on the order results were given in."""
    return (verdict.entity or "", verdict.period or 0)


def _worst(parts: Sequence[Verdict]) -> Verdict:
    """The weakest part: lowest status, then smallest margin; on a tie the first unit or year."""
    return min(parts, key=lambda v: (*_standing(v), _order(v)))


def _best(parts: Sequence[Verdict]) -> Verdict:
    """The strongest part; on a tie the first unit or year by name or date."""
    return max(sorted(parts, key=_order), key=_standing)  # max keeps the first of equals


def _all_status(parts: Sequence[Verdict]) -> Status:
    """Every part must meet it: any miss is a miss; all beaten is exceeded; else achieved."""
    if any(not p.met for p in parts):
        return Status.NOT_ACHIEVED
    if all(p.status is Status.EXCEEDED for p in parts):
        return Status.EXCEEDED
    return Status.ACHIEVED


# --------------------------------------------------------------------------- units


def _by_entity(target: Target, results: list[Result]) -> dict[str, list[Result]]:
    groups: dict[str, list[Result]] = {}
    for result in results:
        if result.entity is None:
            raise InvalidResultError(
                f"indicator {target.key!r}: the target is judged across units, but "
                f"{result!r} names no unit; give entity='...'"
            )
        groups.setdefault(result.entity, []).append(result)
    return groups


def _population(
    target: Target, results: list[Result], as_of: date | None, policy: Policy
) -> Verdict:
    across = target.across
    assert across is not None
    units = tuple(
        _series(target, items, as_of, policy, entity)
        for entity, items in _by_entity(target, results).items()
    )
    combined = across.quantifier.value
    if any(v.status is Status.IN_PROGRESS for v in units):
        context = Context(combined=combined)
        return make_verdict(target, Status.IN_PROGRESS, None, units, policy, context)
    missing = tuple(v.entity for v in units if v.status is Status.NO_DATA)
    judged = tuple(v for v in units if v.status is not Status.NO_DATA)
    if (missing and policy.missing == "no_data") or not judged:
        context = Context(missing=missing, combined=combined)  # type: ignore[arg-type]
        return make_verdict(target, Status.NO_DATA, None, units, policy, context)
    units = judged  # Policy(missing="skip"): the units without data are left out

    quantifier = across.quantifier
    if quantifier in (Quantifier.ALL, Quantifier.ANY):
        pick = _worst(judged) if quantifier is Quantifier.ALL else _best(judged)
        status = _all_status(judged) if quantifier is Quantifier.ALL else pick.status
        basis = None if pick.basis is target else pick.basis
        context = Context(entity=pick.entity, period=pick.period, basis=basis, combined=combined)
        return make_verdict(target, status, pick.actual, units, policy, context)
    met = sum(v.met for v in judged)
    if quantifier is Quantifier.COUNT:
        actual: Exact = Decimal(met)
    else:
        actual = normal(Fraction(100 * met, len(judged)))
    basis = population_basis(target)
    context = Context(basis=basis, combined=combined)
    return make_verdict(target, judge_value(basis, actual, policy), actual, units, policy, context)


def population_basis(target: Target) -> Target:
    """What a count or share of units is judged against: the target on the number of units
    that meet *target* (at_least_count), or on their share in percent (at_least_share)."""
    across = target.across
    assert across is not None
    assert across.value is not None
    if across.quantifier is Quantifier.COUNT:
        return _units_target(target, None, at_least(across.value))
    rule = (above if across.strict else at_least)(across.value)
    return _units_target(target, "percent", rule)


def _units_target(target: Target, unit: str | None, rule: Rule) -> Target:
    """A target on the count or share of units that meet *target*."""
    direction = Direction.LOWER_IS_BETTER if rule.kind.value == "at_most" else None
    indicator = Indicator(target.key, name=target.indicator.name, unit=unit, direction=direction)
    return Target(indicator, rule, label=target.label)


def _quota(
    target: Target, quota: Quota, results: list[Result], as_of: date | None, policy: Policy
) -> Verdict:
    assert target.quota_targets is not None
    level_target, of_target = target.quota_targets
    last_year = _last_year(target, as_of)
    units = []
    in_group = 0
    for entity, items in _by_entity(target, results).items():
        latest = pick_latest(target, items, last_year)
        if latest is None:
            continue
        value = judged_value(level_target, latest)
        if of_target is None or judge_value(of_target, value, policy).met:
            in_group += 1
        status = judge_value(level_target, value, policy)
        units.append(make_verdict(level_target, status, value, (), policy, Context(entity=entity)))
    if not units:
        return make_verdict(target, Status.NO_DATA, None, (), policy, Context(combined="quota"))
    at_level = sum(v.met for v in units)
    cap = quota.cap(in_group)
    basis = _units_target(target, None, at_most(cap))
    status = judge_quota(basis, Decimal(at_level), policy)
    context = Context(basis=basis, combined="quota", periods=(in_group,))
    return make_verdict(target, status, Decimal(at_level), tuple(units), policy, context)


def judge_quota(basis: Target, count: Exact, policy: Policy) -> Status:
    """The status of *count* units against a quota's cap (*basis*, ``at_most(cap)``).

    A quota is met or not, never exceeded: at or under the cap is ACHIEVED.
    """
    status = judge_value(basis, count, policy)
    return Status.ACHIEVED if status is Status.EXCEEDED else status


# --------------------------------------------------------------------------- not yet due


def _not_yet_due(target: Target, verdict: Verdict, as_of: date, policy: Policy) -> Verdict:
    """IN_PROGRESS, keeping what is known so far and adding a progress assessment.

    A yearly total is then measured against the whole term's total (the
    yearly figure times the years of the term), not the years so far.
    """
    context = verdict.context or Context()
    if target.combine == "total" and target.term is not None and verdict.actual is not None:
        first, last = target.term
        whole_term = _scaled(target, last - first + 1)
        context = attrs.evolve(context, basis=whole_term)
        verdict = make_verdict(
            target, verdict.status, verdict.actual, verdict.parts, policy, context
        )
    progress = None
    if verdict.actual is not None and not isinstance(verdict.actual, str):
        progress = _assess(target, verdict, policy, as_of)
    context = attrs.evolve(context, progress=progress, as_of=as_of, missing=())
    return make_verdict(target, Status.IN_PROGRESS, verdict.actual, verdict.parts, policy, context)


def _assess(target: Target, verdict: Verdict, policy: Policy, as_of: date) -> Any:
    baseline = target.baseline
    method = policy.progress
    if baseline is None or method is None or isinstance(baseline.value, str):
        return None
    if target.growth is not None:
        return None  # the baseline is a level, the target a rate: no common scale
    basis = verdict.basis
    if basis.sign == 0:
        return None  # on-target bands have no direction to progress in
    current_year = verdict.period if verdict.period is not None else as_of.year
    if current_year <= baseline.year:
        return None  # no time has passed since the baseline: nothing to assess yet
    from . import progress

    assessor = progress.method(method)
    return assessor.assess(
        base_value=judged_value(basis, Result(baseline.value, baseline.unit)),
        base_year=baseline.year,
        current_value=verdict.actual,
        current_year=current_year,
        target_value=basis.lo if basis.sign > 0 else basis.hi,
        target_year=_due_year(target),
        direction=basis.direction,
    )
