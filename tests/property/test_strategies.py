"""The strategies' own contract: they draw only valid objects, favour the bounds, and
reject bad arguments at once with a message that names the argument and the fix.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import exact_numbers, indicators, results, rules, targets

FAST = settings(max_examples=100, deadline=None)
SEARCH = settings(max_examples=300, deadline=None, database=None)
H, L, ON = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER, rm.Direction.ON_TARGET
SIZE = {None: 1, "percent": 1, "member": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9}


def test_importing_resolmetrics_does_not_import_hypothesis():
    """resolmetrics.strategies is opt-in: `import resolmetrics` leaves Hypothesis out."""
    code = "import sys, resolmetrics; sys.exit('hypothesis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_public_names():
    """__all__ lists the strategies, and each returns a Hypothesis strategy."""
    import resolmetrics.strategies as module

    assert sorted(module.__all__) == [
        "exact_numbers",
        "indicators",
        "population_targets",
        "quota_targets",
        "resolution_results",
        "resolutions",
        "results",
        "rules",
        "targets",
        "unit_results",
        "yearly_results",
        "yearly_targets",
    ]
    share = rm.Target(rm.Indicator("s", unit="percent"), rm.at_least(90))
    for strategy in (exact_numbers(), indicators(), rules(), targets(), results(share)):
        assert isinstance(strategy, st.SearchStrategy)


@FAST
@given(
    st.data(),
    st.integers(-(10**6), 10**6),
    st.integers(0, 10**6),
    st.integers(0, 6),
    st.booleans(),
)
def test_exact_numbers_stay_within_their_range_and_places(data, low, width, places, fractions):
    """exact_numbers draws Decimals with at most `places` decimals (or, if allowed,
    Fractions), always within [min_value, max_value]."""
    lo, hi = Decimal(low).scaleb(-places), Decimal(low + width).scaleb(-places)
    value = data.draw(
        exact_numbers(min_value=lo, max_value=hi, places=places, allow_fractions=fractions)
    )
    assert lo <= value <= hi
    if isinstance(value, Decimal):
        assert value.as_tuple().exponent >= -places
    else:
        assert fractions
        assert isinstance(value, Fraction)
        assert value.denominator % 2
        assert value.denominator % 5


@FAST
@given(
    st.data(),
    st.lists(st.sampled_from(["percent", None, "triệu đồng", "tỷ đồng", "member"]), min_size=1),
    st.lists(st.sampled_from([None, H, L, ON]), min_size=1),
    st.sampled_from([None, True, False]),
)
def test_indicators_keep_to_their_options(data, units, directions, limits):
    """indicators draws only the units and directions asked for; shares in percent have
    limits (0, 100) unless limits=False; limits=False draws no limits at all."""
    indicator = data.draw(indicators(units=units, directions=directions, limits=limits))
    assert indicator.direction in directions
    if indicator.scale is not None:
        assert indicator.scale == rm.PARTY_QUALITY
        return
    assert indicator.unit in units
    if limits is False:
        assert indicator.limits is None
    elif indicator.unit == "percent":
        assert indicator.limits == (0, 100)
    elif limits:
        assert indicator.limits == (0, None)


@FAST
@given(st.data(), st.lists(st.sampled_from(list(rm.Kind)), min_size=1, unique=True))
def test_rules_fit_the_indicator_they_are_drawn_for(data, kinds):
    """rules(indicator=...) draws rules of the kinds asked for that make a valid target on
    the indicator: its direction allows them, its scale has their levels, its limits hold
    their bounds."""
    indicator = data.draw(indicators())
    allowed = {
        None: set(rm.Kind),
        H: {rm.Kind.AT_LEAST, rm.Kind.ABOVE, rm.Kind.BETWEEN, rm.Kind.EXACTLY},
        L: {rm.Kind.AT_MOST, rm.Kind.BELOW, rm.Kind.BETWEEN, rm.Kind.EXACTLY},
        ON: {rm.Kind.BETWEEN, rm.Kind.EXACTLY},
    }[indicator.direction]
    if not allowed & set(kinds):
        with pytest.raises(rm.InvalidTargetError, match="kinds"):
            rules(indicator=indicator, kinds=kinds)
        return
    rule = data.draw(rules(indicator=indicator, kinds=kinds))
    assert rule.kind in set(kinds) & allowed
    rm.Target(indicator, rule)  # raises if the rule does not fit


@FAST
@given(targets().flatmap(lambda t: st.tuples(st.just(t), results(t))))
def test_results_are_valid_for_their_target(drawn):
    """Every drawn result can be judged against its target (in a compatible unit, within
    the indicator's limits) and gets a final status."""
    target, result = drawn
    verdict = rm.evaluate(target, result)
    assert verdict.status in (rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED)


@FAST
@given(targets(rules=rules()))
def test_targets_fit_an_indicator_to_drawn_rules(target):
    """targets(rules=...) makes an indicator for each drawn rule, so any rule gives a target."""
    assert isinstance(target, rm.Target)


def bound_in_result_unit(target: rm.Target, result: rm.Result, bound) -> Fraction:
    written = target.indicator.unit if result.unit is None else result.unit
    return Fraction(bound) * SIZE[target.unit] / SIZE[written]


MONEY_TARGET = rm.Target(
    rm.Indicator("revenue", unit="triệu đồng", limits=(0, None)),
    rm.at_least("25.5"),
    unit="tỷ đồng",
)
RATED_TARGET = rm.Target(rm.Indicator("c", scale=rm.PARTY_QUALITY), rm.at_least("HTNV"))
RATED_TARGET = rm.Target(rm.Indicator("c", scale=rm.PARTY_QUALITY), rm.at_least("HTNV"))
SHARE_TARGET = rm.Target(rm.Indicator("org_good", unit="percent", limits=(0, 100)), rm.above(95))


@pytest.mark.parametrize(
    ("target", "description", "found"),
    [
        (SHARE_TARGET, "on the bound", lambda t, r, b: Fraction(r.value) == b),
        (SHARE_TARGET, "one step above", lambda t, r, b: Fraction(r.value) == b + 1),
        (SHARE_TARGET, "one step below", lambda t, r, b: Fraction(r.value) == b - 1),
        (
            SHARE_TARGET,
            "an exact ratio on the bound",
            lambda t, r, b: r.ratio_of is not None and Fraction(r.value) == b,
        ),
        (
            SHARE_TARGET,
            "an exact ratio just below the bound",
            lambda t, r, b: r.ratio_of is not None and b - 1 < Fraction(r.value) < b,
        ),
        (
            SHARE_TARGET,
            "beyond 28 significant digits",
            lambda t, r, b: 0 < abs(Fraction(r.value) - b) < Fraction(1, 10**26),
        ),
        (
            MONEY_TARGET,
            "on the bound, in the other unit",
            lambda t, r, b: r.unit == "triệu đồng" and Fraction(r.value) == b,
        ),
        (
            MONEY_TARGET,
            "next to the bound, in the other unit",
            lambda t, r, b: r.unit == "triệu đồng" and abs(Fraction(r.value) - b) == 1,
        ),
    ],
)
def test_results_favour_the_bounds(target, description, found):
    """results(target) reaches each kind of boundary value within a few draws."""
    bound = target.rule.bounds[0]
    find(
        results(target),
        lambda r: found(target, r, bound_in_result_unit(target, r, bound)),
        settings=SEARCH,
    )


@settings(max_examples=50, deadline=None, database=None)
@given(st.data())
def test_most_results_are_next_to_a_bound(data):
    """Most results drawn for a target lie within one unit of a bound, in the unit they
    are written in (a loose check of the bias: a quarter of 20 draws is required, while
    five in six are drawn at a bound)."""
    target = data.draw(targets(indicators=indicators(ordinal=False)))
    near = 0
    for _ in range(20):
        result = data.draw(results(target))
        value = Fraction(result.value)
        bounds = [bound_in_result_unit(target, result, b) for b in target.rule.bounds]
        near += min(abs(value - b) for b in bounds) <= 1
    assert near >= 5


BAD_CALLS = [
    (lambda: exact_numbers(min_value=5, max_value=1), rm.InvalidTargetError, "min_value"),
    (lambda: exact_numbers(min_value="abc"), rm.InvalidTargetError, "min_value"),
    (lambda: exact_numbers(max_value=None, places=-1), rm.InvalidTargetError, "places"),
    (lambda: exact_numbers(places=2.5), rm.InvalidTargetTypeError, "places"),
    (lambda: exact_numbers(allow_fractions="yes"), rm.InvalidTargetTypeError, "allow_fractions"),
    (
        lambda: exact_numbers(min_value="0.001", max_value="0.002", places=2),
        rm.InvalidTargetError,
        "places",
    ),
    (lambda: indicators(units="percent"), rm.InvalidTargetTypeError, "units"),
    (lambda: indicators(units=[]), rm.InvalidTargetError, "units"),
    (lambda: indicators(units=["percnt"]), rm.InvalidTargetError, "did you mean 'percent'"),
    (lambda: indicators(directions=["up"]), rm.InvalidTargetError, "directions"),
    (lambda: indicators(ordinal="yes"), rm.InvalidTargetTypeError, "ordinal"),
    (lambda: indicators(ordinal=True, units=["percent"]), rm.InvalidTargetError, "units"),
    (lambda: indicators(ordinal=True, limits=True), rm.InvalidTargetError, "limits"),
    (lambda: rules(indicator="org_good"), rm.InvalidTargetTypeError, "indicator"),
    (lambda: rules(kinds=["at least"]), rm.InvalidTargetError, "did you mean 'at_least'"),
    (
        lambda: rules(indicator=rm.Indicator("p", direction=L), kinds=[rm.Kind.AT_LEAST]),
        rm.InvalidTargetError,
        "at_most, below, between or exactly",
    ),
    (lambda: targets(indicators=rm.Indicator("x")), rm.InvalidTargetTypeError, "just"),
    (lambda: targets(rules=rm.at_least(5)), rm.InvalidTargetTypeError, "rules"),
    (lambda: targets(rules=rules(), kinds=["between"]), rm.InvalidTargetError, "kinds"),
    (lambda: results(rm.at_least(5)), rm.InvalidTargetTypeError, "target"),
    (lambda: results(SHARE_TARGET, units=["member"]), rm.InvalidTargetError, "member"),
    (lambda: results(RATED_TARGET, units=["percent"]), rm.InvalidTargetError, "no unit"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), BAD_CALLS)
def test_bad_arguments_are_rejected_when_the_strategy_is_made(call, error, fragment):
    """A bad argument raises at once (not at the first draw), with an error that is also
    a ValueError or TypeError and a message naming the argument and the way out."""
    with pytest.raises(error) as caught:
        call()
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError | TypeError)
