"""Value-type invariants: text and reprs round-trip, equality agrees with hashing,
and a number keeps its exact value however it is spelled.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import exact_numbers, indicators, results, rules, targets

#: The names a repr may use: resolmetrics' public API, Decimal and Fraction.
NAMESPACE = {name: getattr(rm, name) for name in rm.__all__} | {
    "Decimal": Decimal,
    "Fraction": Fraction,
}
FAST = settings(max_examples=150, deadline=None)


def rebuilt(value):
    return eval(repr(value), dict(NAMESPACE))


def spellings(number) -> list:
    """Other spellings of an exact number: as text, with trailing zeros, as a Fraction."""
    if isinstance(number, Fraction):
        return [f"{number.numerator}/{number.denominator}", number]
    text = format(number, "f")
    padded = text + ("000" if "." in text else ".000")
    return [text, Decimal(padded), Fraction(number)]


FACTORY = {
    rm.Kind.AT_LEAST: rm.at_least,
    rm.Kind.ABOVE: rm.above,
    rm.Kind.AT_MOST: rm.at_most,
    rm.Kind.BELOW: rm.below,
    rm.Kind.BETWEEN: rm.between,
    rm.Kind.EXACTLY: rm.exactly,
}


def respelled(rule: rm.Rule, pick: int) -> rm.Rule:
    """The same rule built by its factory from other spellings of its bounds."""
    if rule.is_ordinal:
        return FACTORY[rule.kind](*(b.lower() for b in rule.bounds))
    bounds = []
    for bound in rule.bounds:
        options = spellings(bound)
        bounds.append(options[pick % len(options)])
    return FACTORY[rule.kind](*bounds)


@FAST
@given(rules())
def test_a_rule_reads_back_from_its_text_and_its_repr(rule):
    """str/repr round trips: Rule.parse(str(rule)) == rule, and eval(repr(rule)) == rule."""
    assert rm.Rule.parse(str(rule)) == rule
    assert rebuilt(rule) == rule
    assert str(rm.Rule.parse(str(rule))) == str(rule)


@FAST
@given(indicators())
def test_an_indicator_is_rebuilt_by_its_repr(indicator):
    """eval(repr(indicator)) == indicator, with resolmetrics' public names in scope."""
    assert rebuilt(indicator) == indicator


@FAST
@given(targets())
def test_a_target_is_rebuilt_by_its_repr(target):
    """eval(repr(target)) == target, including its unit and label."""
    assert rebuilt(target) == target


@FAST
@given(targets().flatmap(results))
def test_a_result_is_rebuilt_by_its_repr(result):
    """eval(repr(result)) == result, also for exact shares written Result.ratio(n, d)."""
    again = rebuilt(result)
    assert again == result
    assert again.ratio_of == result.ratio_of


@FAST
@given(rules(), st.integers(0, 2))
def test_equal_rules_hash_equally(rule, pick):
    """Equality implies equal hashes for rules: a rule, its text read back, its repr
    evaluated and the same rule with its bounds spelled otherwise (95, "95.000",
    Fraction(95)) are equal and hash alike.
    """
    twins = [rm.Rule.parse(str(rule)), rebuilt(rule)]
    if not rule.is_ordinal:  # a level is matched by name only once it is on a scale
        twins.append(respelled(rule, pick))
    for twin in twins:
        assert twin == rule
        assert hash(twin) == hash(rule)


@FAST
@given(targets(), st.integers(0, 2))
def test_equal_targets_hash_equally(target, pick):
    """Equality implies equal hashes for targets: rebuilt from its repr, with the unit
    written out, with the bounds spelled otherwise or a level named by its name.
    """
    rule = respelled(target.rule, pick)
    twins = [
        rebuilt(target),
        rm.Target(target.indicator, rule, unit=target.unit, label=target.label),
    ]
    for twin in twins:
        assert twin == target
        assert hash(twin) == hash(target)


@FAST
@given(targets().flatmap(results), st.integers(0, 2))
def test_equal_results_hash_equally(result, pick):
    """Equality implies equal hashes for results: rebuilt from its repr, the value spelled
    otherwise, and an exact share given as Result.ratio(n, d) or as its value.
    """
    twins = [rebuilt(result)]
    if not result.is_level:
        options = spellings(result.value)
        twins.append(rm.Result(options[pick % len(options)], result.unit))
    if result.ratio_of is not None:
        twins.append(rm.Result(result.value, result.unit))
    for twin in twins:
        assert twin == result
        assert hash(twin) == hash(result)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        targets(indicators=indicators(ordinal=False)).flatmap(results).map(lambda r: r.value),
        exact_numbers(places=6, allow_fractions=True),
    )
)
def test_a_number_keeps_its_exact_value_however_it_is_spelled(number):
    """Exactness: a value given as text, as a Decimal with trailing zeros or as a Fraction
    is kept as the same exact number, in a result and in a rule's bound (nothing is
    rounded, however many digits it has).
    """
    for spelled in spellings(number):
        assert Fraction(rm.Result(spelled).value) == Fraction(number), spelled
        assert Fraction(rm.at_least(spelled).bounds[0]) == Fraction(number), spelled
