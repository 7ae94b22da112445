"""Batch equals scalar: the columnar engine gives, group for group, the verdict evaluate() gives.

The oracle is :func:`resolmetrics.evaluate` on the same results as Result
objects. The drawn results sit on, just above and just below every bound
(the public strategies draw them so), with decimals of up to 34 digits that
do not fit int64, exact ratios, levels, units of the same kind, missing
years and units, and review dates before and after the due date. Each
example is written as one kind of column (Python objects, text, floats,
Arrow decimals, integers), so every reading path is held to the oracle.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics import batch
from resolmetrics.numbers import as_text
from resolmetrics.strategies import (
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

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
KINDS = ("objects", "text", "float", "arrow", "int")
AS_OF = st.one_of(
    st.none(),
    st.dates(min_value=date(1999, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from([date(2022, 12, 31), date(2023, 6, 30), date(2025, 12, 31)]),
)
POLICIES = st.builds(
    rm.Policy,
    strict_met=st.sampled_from([rm.Status.ACHIEVED, rm.Status.EXCEEDED]),
    missing=st.sampled_from(["no_data", "skip"]),
)


def _float_of(value: object) -> float | None:
    """The float whose shortest repr is *value*, if there is one."""
    if not isinstance(value, Decimal):
        return None
    number = float(value)
    return number if Decimal(repr(number)) == value else None


def _values_column(values: list[object], kind: str) -> Any:
    """*values* written as a column of *kind*, or as Python objects where they do not fit it."""
    numbers = [v for v in values if not isinstance(v, str)]
    levels = [v for v in values if isinstance(v, str)]
    if kind == "text":
        return [v if isinstance(v, str) else as_text(v) for v in values]  # type: ignore[arg-type]
    if kind == "float" and not levels:
        floats = [_float_of(v) for v in numbers]
        if all(f is not None for f in floats):
            return floats
    if kind == "arrow" and not levels and all(isinstance(v, Decimal) for v in numbers):
        exponents = [v.as_tuple().exponent for v in numbers]  # type: ignore[union-attr]
        scale = max([0, *(-e for e in exponents if isinstance(e, int))])
        digits = [len(str(abs(int(v.scaleb(scale))))) for v in numbers]  # type: ignore[union-attr]
        if max([1, *digits]) <= 38 and scale <= 38:
            return pa.array(numbers, type=pa.decimal128(max(38, scale), scale))
    if kind == "int" and not levels and all(v == int(v) and abs(v) < 2**62 for v in numbers):
        import numpy as np

        return np.array([int(v) for v in numbers], dtype=np.int64)
    return values


def _table(groups: list[list[rm.Result]], kind: str) -> dict[str, Any]:
    rows = [(index, r) for index, group in enumerate(groups) for r in group]
    return {
        "value": _values_column([r.value for _, r in rows], kind),
        "unit": [r.unit for _, r in rows],
        "period": [r.period for _, r in rows],
        "entity": [r.entity for _, r in rows],
        "case": [index for index, _ in rows],
    }


def _same(batch_value: object, scalar_value: object) -> bool:
    if batch_value is None or scalar_value is None:
        return batch_value is None and scalar_value is None
    if isinstance(batch_value, str) or isinstance(scalar_value, str):
        return batch_value == scalar_value
    return Fraction(batch_value) == Fraction(scalar_value)  # type: ignore[arg-type]


def _check(target: rm.Target, groups: list[list[rm.Result]], kind: str, as_of: date | None,
           policy: rm.Policy) -> None:  # fmt: skip
    """Every group's batch verdict has the scalar verdict's status, figures and tally."""
    expected = []
    for group in groups:
        try:
            expected.append(rm.evaluate(target, group, as_of=as_of, policy=policy))
        except rm.ResolmetricsError:
            # the scalar engine refuses these results: so must the batch engine
            with pytest.raises(rm.ResolmetricsError):
                batch.evaluate(target, _table([group], kind), by="case", as_of=as_of,
                               policy=policy)  # fmt: skip
            return
    verdicts = batch.evaluate(target, _table(groups, kind), by="case", as_of=as_of,
                              policy=policy)  # fmt: skip
    assert len(verdicts) == len([g for g in groups if g]) or not all(groups)
    by_case = {int(case): row for row, case in enumerate(verdicts.keys["case"])}
    figures = {name: getattr(verdicts, name).to_list()
               for name in ("actual", "margin", "relative_margin", "attainment")}  # fmt: skip
    tally = verdicts.tally
    for case, scalar in enumerate(expected):
        if case not in by_case:  # a group with no rows is not a group
            continue
        row = by_case[case]
        assert verdicts.status(row) is scalar.status, (case, scalar)
        for name, column in figures.items():
            assert _same(column[row], getattr(scalar, name)), (name, column[row], scalar)
        if scalar.tally is not None and scalar.parts:
            assert tally is not None
            assert (int(tally[0][row]), int(tally[1][row])) == scalar.tally
        assert verdicts.verdict(row) == scalar


@SETTINGS
@given(st.data(), st.sampled_from(KINDS), AS_OF, POLICIES)
def test_one_value_targets_batch_equals_scalar(data: Any, kind: str, as_of: date | None,
                                               policy: rm.Policy) -> None:  # fmt: skip
    """For targets on one value (with and without a due date), on and beside every bound,
    in any unit of the same kind, each row's batch verdict is evaluate()'s."""
    target = data.draw(targets(due=None))
    drawn = data.draw(st.lists(results(target), min_size=1, max_size=8))
    _check(target, [[r] for r in drawn], kind, as_of, policy)


@SETTINGS
@given(st.data(), st.sampled_from(KINDS), AS_OF, POLICIES)
def test_rows_alone_batch_equals_scalar(data: Any, kind: str, as_of: date | None,
                                        policy: rm.Policy) -> None:  # fmt: skip
    """Without groups, every row of a column is judged alone, as evaluate() judges it."""
    target = data.draw(targets(due=None))
    drawn = data.draw(st.lists(results(target), min_size=1, max_size=8))
    table = _table([[r] for r in drawn], kind)
    verdicts = batch.evaluate(target, table["value"], unit=table["unit"], as_of=as_of,
                              policy=policy)  # fmt: skip
    margins = verdicts.margin.to_list()
    for row, result in enumerate(drawn):
        scalar = rm.evaluate(target, result, as_of=as_of, policy=policy)
        assert verdicts.status(row) is scalar.status
        assert _same(margins[row], scalar.margin)


@SETTINGS
@given(st.data(), st.sampled_from(KINDS), AS_OF, POLICIES)
def test_yearly_targets_batch_equals_scalar(data: Any, kind: str, as_of: date | None,
                                            policy: rm.Policy) -> None:  # fmt: skip
    """For yearly targets (each, total, mean, latest; year-on-year, mean and compound growth),
    with and without a term, years missing, the batch verdict of each series is evaluate()'s."""
    target = data.draw(yearly_targets())
    groups = data.draw(st.lists(yearly_results(target, missing=data.draw(st.booleans())),
                                min_size=1, max_size=4))  # fmt: skip
    _check(target, groups, kind, as_of, policy)


@SETTINGS
@given(st.data(), st.sampled_from(KINDS), AS_OF, POLICIES)
def test_population_targets_batch_equals_scalar(data: Any, kind: str, as_of: date | None,
                                                policy: rm.Policy) -> None:  # fmt: skip
    """For targets across units (all, any, k of n, a share; on one value or yearly), the
    batch verdict of each population is evaluate()'s, tie-breaks between units included."""
    target = data.draw(population_targets(yearly=None))
    missing = target.per is not None and data.draw(st.booleans())
    groups = data.draw(st.lists(unit_results(target, missing=missing),
                                min_size=1, max_size=3))  # fmt: skip
    _check(target, groups, kind, as_of, policy)


@SETTINGS
@given(st.data(), st.sampled_from(KINDS), AS_OF, POLICIES)
def test_quota_targets_batch_equals_scalar(data: Any, kind: str, as_of: date | None,
                                           policy: rm.Policy) -> None:  # fmt: skip
    """For quotas (a cap on the units at a level, rounded down, half up, up or exact), the
    batch verdict of each population is evaluate()'s."""
    target = data.draw(quota_targets())
    groups = data.draw(st.lists(unit_results(target), min_size=1, max_size=3))
    _check(target, groups, kind, as_of, policy)


FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30, max_value=1e30)


@st.composite
def _bound_beside(draw: st.DrawFn, value: float) -> Fraction:
    """An exact bound on, or a hair beside, the shortest repr of *value* (or of its neighbour):
    a long decimal, a fraction, or the float's own binary value."""
    import math

    near = draw(st.sampled_from([value, math.nextafter(value, math.inf),
                                 math.nextafter(value, -math.inf)]))  # fmt: skip
    shortest = Fraction(Decimal(repr(near)))
    hair = Fraction(1, 10 ** draw(st.integers(17, 40)))
    return draw(st.sampled_from([
        shortest, shortest + hair, shortest - hair, Fraction(near),
        shortest + Fraction(1, 3) * hair, (shortest + Fraction(near)) / 2,
    ]))  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.data(), st.lists(FINITE, min_size=1, max_size=20),
       st.sampled_from(list(rm.Kind)))  # fmt: skip
def test_floats_are_their_shortest_repr_beside_any_bound(
    data: Any, values: list[float], kind: rm.Kind
) -> None:
    """A float is judged as its shortest repr, exactly: against a bound on it or a hair beside
    it (a 17- to 40-digit decimal, a fraction, the float's binary value), every rule gives each
    float the status, the value and the margin evaluate() gives Result(float)."""
    import numpy as np

    values = [v for v in values if v == 0 or abs(v) >= 1e-80]
    anchors = [v for v in values if v != 0]
    assume(anchors)
    lo = data.draw(_bound_beside(data.draw(st.sampled_from(anchors))))
    if kind is rm.Kind.BETWEEN:
        hi = data.draw(_bound_beside(data.draw(st.sampled_from(anchors))))
        lo, hi = min(lo, hi), max(lo, hi)
        rule = rm.between(lo, hi)
    else:
        rule = rm.Rule(kind, (lo,))
    target = rm.Target(rm.Indicator("x"), rule)
    verdicts = batch.evaluate(target, np.array(values))
    actual, margin = verdicts.actual.to_list(), verdicts.margin.to_list()
    for row, value in enumerate(values):
        scalar = rm.evaluate(target, rm.Result(value))
        assert verdicts.status(row) is scalar.status, value
        assert actual[row] == scalar.actual, value
        assert margin[row] == scalar.margin, value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(KINDS), AS_OF)
def test_a_review_per_unit_equals_resolution_evaluate(
    data: Any, kind: str, as_of: date | None
) -> None:
    """For drawn resolutions mixing every kind of target, and several units each with its
    own results (keys and years missing at times), each unit's column of the review holds the
    statuses of Resolution.evaluate on that unit's results, and its report is that report; the
    review warns of the years, and the number of results, that the units' reviews leave out."""
    resolution = data.draw(resolutions())
    units = data.draw(st.lists(resolution_results(resolution, missing=True), min_size=1,
                               max_size=3))  # fmt: skip
    expected = []
    for found in units:
        try:
            expected.append(resolution.evaluate(found, as_of=as_of))
        except rm.ResolmetricsError:
            event("the scalar engine refuses these results")
            return  # results the scalar engine refuses are held to it by the tests above
    rows = [(number, key, r) for number, unit in enumerate(units)
            for key, found in unit.items() for r in found]  # fmt: skip
    table = {
        "value": _values_column([r.value for _, _, r in rows], kind),
        "unit": [r.unit for _, _, r in rows],
        "period": [r.period for _, _, r in rows],
        "entity": [r.entity for _, _, r in rows],
        "indicator": [key for _, key, _ in rows],
        "reviewed": [f"unit {number}" for number, _, _ in rows],
    }
    review = batch.review(resolution, table, by="reviewed", as_of=as_of)
    for number, report in enumerate(expected):
        if not units[number] or not any(units[number].values()):
            continue  # a unit with no rows is not in the table
        index = review.find(reviewed=f"unit {number}")
        statuses = [batch.STATUSES[code] for code in review.codes[:, index]]
        assert statuses == [v.status for v in report.verdicts]
        assert review.report(index) == report
        event("a unit compared")
    left_out: dict[tuple[str, str, int], int] = {}
    for number, report in enumerate(expected):
        for warning in report.warnings:
            if isinstance(warning, rm.UnusedResultWarning):
                counts = Counter(r.period for r in units[number][warning.key])
                for year in warning.years:
                    place = (warning.key, warning.reason, year)
                    left_out[place] = left_out.get(place, 0) + counts[year]
    found = {(w.key, w.reason, y): 0 for w in review.warnings for y in w.years}
    assert set(found) == set(left_out)
    for warning in review.warnings:
        assert warning.count == sum(
            left_out[warning.key, warning.reason, y] for y in warning.years
        )


@st.composite
def _levels_beside_a_rate(draw: st.DrawFn, rate: Fraction) -> tuple[float, float]:
    """A year's level and the next, as floats: the growth exactly at *rate*, or one float
    step above or below it."""
    import math

    previous = draw(st.sampled_from([100.0, 200.0, 1000.0, 12345.6, 7.25, 1e9, 0.05]))
    current = float(Fraction(Decimal(repr(previous))) * (1 + rate / 100))
    step = draw(st.sampled_from([0, 1, -1, 2, -2]))
    for _ in range(abs(step)):
        current = math.nextafter(current, math.inf if step > 0 else -math.inf)
    return previous, current


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(["each", "latest"]), st.sampled_from(list(rm.Kind)))
def test_growth_from_float_levels_in_a_wide_table_equals_scalar(
    data: Any, combine: str, kind: rm.Kind
) -> None:
    """Year-on-year growth read from float levels (a column a year) is decided exactly on
    the bound and one float step beside it: every row gets the verdict evaluate() gives."""
    import numpy as np

    bounds = sorted(data.draw(st.lists(st.decimals(-20, 30, places=1), min_size=2,
                                       max_size=2)))  # fmt: skip
    lo, hi = (Fraction(b) for b in bounds)
    rule = rm.between(lo, hi) if kind is rm.Kind.BETWEEN else rm.Rule(kind, (lo,))
    if kind in (rm.Kind.AT_MOST, rm.Kind.BELOW):
        indicator = rm.Indicator("cost", direction="lower_is_better")
    else:
        indicator = rm.Indicator("income")
    target = rm.Target(indicator, rule, per="year", growth="yoy", combine=combine)
    rows = data.draw(st.lists(_levels_beside_a_rate(data.draw(st.sampled_from([lo, hi]))),
                              min_size=1, max_size=10))  # fmt: skip
    table = {"y2021": np.array([p for p, _ in rows]), "y2022": np.array([c for _, c in rows])}
    verdicts = batch.evaluate(target, table, years={2021: "y2021", 2022: "y2022"})
    for row, (previous, current) in enumerate(rows):
        results = [rm.Result(previous, period=2021), rm.Result(current, period=2022)]
        assert verdicts.status(row) is rm.evaluate(target, results).status, (previous, current)
