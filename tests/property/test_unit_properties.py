"""Unit invariance: the unit a figure is written in never changes its verdict.

Conversions here use the sizes of DOMAIN.md section 5 (triệu đồng = 10**6
đồng, tỷ đồng = 10**9 đồng), not resolmetrics' own unit code.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import indicators, results, targets

SIZE = {"triệu đồng": 10**6, "tỷ đồng": 10**9}
OTHER = {"triệu đồng": "tỷ đồng", "tỷ đồng": "triệu đồng"}
MONEY = indicators(units=list(SIZE), ordinal=False)


def exact_decimal(value: Fraction) -> Decimal | Fraction:
    """*value* as a Decimal when it has a finite expansion (built from text: exact)."""
    rest, scale = value.denominator, 0
    while rest % 2 == 0 or rest % 5 == 0:
        rest //= 2 if rest % 2 == 0 else 5
        scale += 1
    if rest != 1:
        return value
    return Decimal(f"{value.numerator * 10**scale // value.denominator}E-{scale}")


def rewritten(amount, unit: str, into: str) -> Decimal | Fraction:
    """*amount* in *unit*, written in *into*."""
    return exact_decimal(Fraction(amount) * SIZE[unit] / SIZE[into])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_unit_of_an_amount_does_not_change_its_verdict(data):
    """Unit invariance: the same amount given in triệu đồng or in tỷ đồng, judged against
    the same target written in triệu đồng or in tỷ đồng, gets the same status; its
    actual value and margin are the same amount, once both are in the target's unit.
    """
    target = data.draw(targets(indicators=MONEY), label="target")
    result = data.draw(results(target, units=list(SIZE)), label="result")
    indicator, unit = target.indicator, target.unit
    other_unit = OTHER[unit]
    other_rule = rm.Rule(
        target.rule.kind, tuple(rewritten(b, unit, other_unit) for b in target.rule.bounds)
    )
    other_target = rm.Target(indicator, other_rule, unit=other_unit, label=target.label)
    other_result = rm.Result(
        rewritten(result.value, result.unit, OTHER[result.unit]), OTHER[result.unit]
    )

    verdicts = {
        (t.unit, r.unit): rm.evaluate(t, r)
        for t in (target, other_target)
        for r in (result, other_result)
    }
    statuses = {key: verdict.status for key, verdict in verdicts.items()}
    assert len(set(statuses.values())) == 1, statuses
    in_dong = {
        key: (Fraction(v.actual) * SIZE[key[0]], Fraction(v.margin) * SIZE[key[0]])
        for key, v in verdicts.items()
    }
    assert len(set(in_dong.values())) == 1, in_dong
    amount = Fraction(result.value) * SIZE[result.unit]
    assert all(actual == amount for actual, _ in in_dong.values())


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_leaving_the_unit_out_means_the_indicators_unit(data):
    """A result without a unit is in the indicator's unit: it gets the same verdict as
    the same figure with the indicator's unit written out.
    """
    target = data.draw(targets(indicators=indicators(ordinal=False)), label="target")
    result = data.draw(results(target, units=[None]), label="result")
    spelled = rm.Result(result.value, target.indicator.unit)
    implicit, explicit = rm.evaluate(target, result), rm.evaluate(target, spelled)
    assert implicit.status is explicit.status
    assert implicit.margin == explicit.margin
