"""The contract of the strategies for years, units, quotas, due dates and resolutions:
they draw only valid objects, reach the values where verdicts change, keep to their
options, and reject bad arguments at once with a message naming the argument and the fix.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import (
    indicators,
    population_targets,
    quota_targets,
    resolution_results,
    resolutions,
    targets,
    unit_results,
    yearly_results,
    yearly_targets,
)

FAST = settings(max_examples=60, deadline=None)
SEARCH = settings(max_examples=400, deadline=None, database=None)
FINAL = (rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED)
SIZE = {None: 1, "percent": 1, "member": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9}


@FAST
@given(st.data())
def test_yearly_targets_and_their_results_are_valid(data):
    """Every yearly target drawn is per="year" with a combine or a growth that fits it,
    and its drawn results (every year reported) get a final verdict at a final review,
    one result per year of its term, in year order."""
    target = data.draw(yearly_targets(), label="target")
    assert target.per == "year"
    assert (target.combine is None) == (target.growth in ("mean", "cagr"))
    series = data.draw(yearly_results(target), label="series")
    years = [r.period for r in series]
    assert years == sorted(years)
    if target.term is not None:
        assert years == list(range(target.term[0], target.term[1] + 1))
    assert rm.evaluate(target, series).status in FINAL


@FAST
@given(st.data())
def test_population_and_quota_targets_and_their_results_are_valid(data):
    """Every population or quota target drawn gets a final verdict on the results drawn
    for its units, each result naming its unit, with one part per unit."""
    target = data.draw(st.one_of(population_targets(yearly=None), quota_targets()))
    found = data.draw(unit_results(target), label="units")
    assert all(r.entity for r in found)
    verdict = rm.evaluate(target, found)
    assert verdict.status in FINAL
    assert len(verdict.parts) == len({r.entity for r in found})


@FAST
@given(targets(due=None))
def test_due_targets_are_valid(target):
    """targets(due=None) gives some targets a due date, and a baseline only with one and
    in an earlier year."""
    if target.due is None:
        assert target.baseline is None
    elif target.baseline is not None:
        assert target.baseline.year < target.due_date.year


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_resolutions_and_their_results_are_valid(data):
    """A drawn resolution has a term and unique keys; its drawn results are filed only
    under its keys and evaluate to one verdict per component."""
    resolution = data.draw(resolutions(), label="resolution")
    assert resolution.term is not None
    keys = [t.key for t in resolution.components]
    assert len(set(keys)) == len(keys)
    found = data.draw(resolution_results(resolution), label="results")
    assert set(found) == set(keys)
    report = resolution.evaluate(found)
    assert len(report.verdicts) == len(keys)


@FAST
@given(st.data(), st.integers(2000, 2030), st.integers(0, 5))
def test_yearly_results_keep_to_their_options(data, first, length):
    """yearly_results keeps to the years asked for, leaves years out only with
    missing=True, and names the unit given as entity."""
    target = data.draw(yearly_targets(terms=False), label="target")
    span = (first, first + length)
    series = data.draw(yearly_results(target, years=span), label="series")
    assert [r.period for r in series] == list(range(span[0], span[1] + 1))
    gappy = data.draw(yearly_results(target, years=span, missing=True), label="gappy")
    assert {r.period for r in gappy} <= set(range(span[0], span[1] + 1))
    units = attrs.evolve(target, across="all")
    named = data.draw(yearly_results(units, entity="xã A"), label="named")
    assert all(r.entity == "xã A" for r in named)


@FAST
@given(st.data(), st.integers(1, 4), st.integers(0, 4))
def test_unit_results_keep_to_their_options(data, low, width):
    """unit_results draws min_size to max_size units, or exactly the units named."""
    target = data.draw(population_targets(), label="target")
    found = data.draw(unit_results(target, min_size=low, max_size=low + width))
    assert low <= len({r.entity for r in found}) <= low + width
    named = data.draw(unit_results(target, entities=["DN 1", "DN 2"]))
    assert sorted(r.entity for r in named) == ["DN 1", "DN 2"]


MEMBERS = rm.Indicator("admitted", unit="member", limits=(0, None))
TOTAL = rm.Target(MEMBERS, rm.at_least(80), per="year", combine="total", term=(2020, 2022))
REVENUE = rm.Indicator("revenue", unit="tỷ đồng", limits=(0, None))
CAGR = rm.Target(REVENUE, rm.at_least(5), per="year", growth="cagr", term=(2020, 2023))
YOY_MEAN = rm.Target(REVENUE, rm.between(4, 6), per="year", growth="yoy", combine="mean",
                     term=(2020, 2024))  # fmt: skip
SIX_OF_NINE = rm.Target(rm.Indicator("wage", unit="percent"), rm.at_least(4),
                        across=rm.at_least_count(6))  # fmt: skip


def total(series) -> Fraction:
    return sum(Fraction(r.value) * SIZE[r.unit] for r in series)


def levels(series) -> list[Fraction]:
    return [Fraction(r.value) * SIZE[r.unit or "tỷ đồng"] for r in series]


def rates(series) -> list[Fraction]:
    values = levels(series)
    return [(b / a - 1) * 100 for a, b in itertools.pairwise(values)]


@pytest.mark.parametrize(
    ("strategy", "description", "found"),
    [
        (yearly_results(TOTAL), "a total exactly on 3 x 80", lambda s: total(s) == 240),
        (yearly_results(TOTAL), "a total one short of 3 x 80", lambda s: total(s) == 239),
        (
            yearly_results(CAGR),
            "a CAGR exactly on 5 %",
            lambda s: levels(s)[-1] / levels(s)[0] == Fraction(105, 100) ** 3,
        ),
        (
            yearly_results(CAGR),
            "a CAGR a hair under 5 %",
            lambda s: (
                0 < Fraction(105, 100) ** 3 - levels(s)[-1] / levels(s)[0] < Fraction(1, 10**20)
            ),
        ),
        (yearly_results(YOY_MEAN), "a yearly rate on 6 %", lambda s: 6 in rates(s)),
        (
            yearly_results(YOY_MEAN),
            "a mean rate exactly on 4 %",
            lambda s: sum(rates(s)) / len(rates(s)) == 4,
        ),
        (
            unit_results(SIX_OF_NINE),
            "exactly 6 units at or above 4 %",
            lambda s: sum(Fraction(r.value) >= 4 for r in s) == 6,
        ),
        (
            unit_results(SIX_OF_NINE),
            "exactly 5 units at or above 4 %",
            lambda s: sum(Fraction(r.value) >= 4 for r in s) == 5,
        ),
    ],
)
def test_series_and_units_reach_the_boundaries(strategy, description, found):
    """The strategies for years and units reach each kind of boundary within a few
    hundred draws: totals, compound and mean growth exactly on the bound or a hair
    beside it, and counts of units met on k and k - 1."""
    find(strategy, found, settings=SEARCH)


SHARE = rm.Target(rm.Indicator("s", unit="percent"), rm.at_least(90))
YEARLY_SHARE = rm.Target(rm.Indicator("s", unit="percent"), rm.at_least(90), per="year",
                         combine="each")  # fmt: skip
ALL_UNITS = rm.Target(rm.Indicator("s", unit="percent"), rm.at_least(90), across="all")

BAD_CALLS = [
    (lambda: targets(due="yes"), rm.InvalidTargetTypeError, "due"),
    (lambda: yearly_targets(combines=["totals"]), rm.InvalidTargetError, "did you mean 'total'"),
    (lambda: yearly_targets(combines="each"), rm.InvalidTargetTypeError, "combines"),
    (lambda: yearly_targets(growths=["cagr", "yearly"]), rm.InvalidTargetError, "growths"),
    (
        lambda: yearly_targets(combines=["total"], growths=["yoy"]),
        rm.InvalidTargetError,
        "do not add up",
    ),
    (lambda: yearly_targets(terms=1), rm.InvalidTargetTypeError, "terms"),
    (lambda: yearly_targets(kinds=["at least"]), rm.InvalidTargetError, "at_least"),
    (lambda: yearly_results(SHARE), rm.InvalidTargetError, "results(target)"),
    (lambda: yearly_results(rm.at_least(5)), rm.InvalidTargetTypeError, "target"),
    (
        lambda: yearly_results(YEARLY_SHARE, years=(2025, 2020)),
        rm.InvalidTargetError,
        "years=(2020, 2025)",
    ),
    (lambda: yearly_results(YEARLY_SHARE, years=2020), rm.InvalidTargetTypeError, "years"),
    (lambda: yearly_results(YEARLY_SHARE, missing=None), rm.InvalidTargetTypeError, "missing"),
    (lambda: yearly_results(YEARLY_SHARE, entity="A"), rm.InvalidTargetError, "entity"),
    (lambda: yearly_results(YEARLY_SHARE, entity=""), rm.InvalidTargetError, "entity"),
    (lambda: population_targets(across=["every"]), rm.InvalidTargetError, "across"),
    (lambda: population_targets(yearly="no"), rm.InvalidTargetTypeError, "yearly"),
    (lambda: quota_targets(roundings=["nearest"]), rm.InvalidTargetError, "roundings"),
    (lambda: quota_targets(indicators=rm.PARTY_QUALITY), rm.InvalidTargetTypeError, "just"),
    (lambda: unit_results(SHARE), rm.InvalidTargetError, "results(target)"),
    (
        lambda: unit_results(ALL_UNITS, min_size=5, max_size=2),
        rm.InvalidTargetError,
        "min_size=2, max_size=5",
    ),
    (lambda: unit_results(ALL_UNITS, entities=["A", "A"]), rm.InvalidTargetError, "once"),
    (lambda: unit_results(ALL_UNITS, entities="AB"), rm.InvalidTargetTypeError, "entities"),
    (lambda: unit_results(ALL_UNITS, entities=["A"], max_size=3), rm.InvalidTargetError, "either"),
    (lambda: unit_results(ALL_UNITS, max_size=0), rm.InvalidTargetError, "max_size"),
    (lambda: unit_results(ALL_UNITS, missing=True), rm.InvalidTargetError, "not yearly"),
    (lambda: resolutions(min_size=3, max_size=1), rm.InvalidTargetError, "min_size"),
    (lambda: resolutions(max_size="6"), rm.InvalidTargetTypeError, "max_size"),
    (lambda: resolution_results(SHARE), rm.InvalidTargetTypeError, "resolution"),
    (
        lambda: resolution_results(rm.Resolution("r", [SHARE, YEARLY_SHARE])),
        rm.InvalidTargetError,
        "own indicator key",
    ),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_CALLS)
def test_bad_arguments_are_rejected_when_the_strategy_is_made(call, error, fragment):
    """A bad argument raises at once (not at the first draw), with an error that is also
    a ValueError or TypeError and a message naming the argument and the way out."""
    with pytest.raises(error) as caught:
        call()
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError | TypeError)


def test_drawn_targets_keep_to_their_options():
    """Options narrow what is drawn: combines, growths, terms, quantifiers, roundings."""
    find(yearly_targets(growths=[None], combines=["total"]),
         lambda t: t.combine == "total" and t.growth is None, settings=SEARCH)  # fmt: skip

    @FAST
    @given(
        yearly_targets(combines=["each", "latest"], growths=[None, "yoy"], terms=True),
        population_targets(across=["share"], indicators=indicators(ordinal=True)),
        quota_targets(roundings=["half_up"], kinds=["at_least"]),
    )
    def check(yearly, population, capped):
        assert yearly.combine in ("each", "latest")
        assert yearly.growth in (None, "yoy")
        assert yearly.term is not None
        assert population.across.quantifier is rm.Quantifier.SHARE
        assert population.indicator.scale is rm.PARTY_QUALITY
        assert capped.rule.rounding == "half_up"
        assert capped.rule.level.kind is rm.Kind.AT_LEAST

    check()
