"""Named invariants of verdicts (DESIGN.md section 2), checked on drawn targets and results.

Expected values never come from the code under test: statuses are compared
with each other or with the contract table written out below, and numbers
are recomputed here with ``fractions.Fraction``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from _oracle import contract_status
from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import indicators, results, targets

H, L, ON = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER, rm.Direction.ON_TARGET
EXC, ACH, NOT = rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED
K = rm.Kind

#: NOT_ACHIEVED < ACHIEVED < EXCEEDED
ORDER = {NOT: 0, ACH: 1, EXC: 2}

#: The direction a rule implies when the indicator states none (DESIGN.md section 1).
IMPLIED = {K.AT_LEAST: H, K.ABOVE: H, K.BETWEEN: H, K.AT_MOST: L, K.BELOW: L, K.EXACTLY: ON}
SIGN = {H: 1, L: -1, ON: 0}

#: The size of each unit the default strategies use, in its kind's smallest unit.
SIZE = {None: 1, "percent": 1, "member": 1, "triệu đồng": 10**6, "tỷ đồng": 10**9}

#: PARTY_QUALITY as DOMAIN.md section 6 writes it, worst first, by code and by name.
LEVELS = [
    ("KHTNV", "không hoàn thành nhiệm vụ", "not completed"),
    ("HTNV", "hoàn thành nhiệm vụ", "completed"),
    ("HTTNV", "hoàn thành tốt nhiệm vụ", "good"),
    ("HTXSNV", "hoàn thành xuất sắc nhiệm vụ", "excellent"),
]
RANK = {word.casefold(): rank for rank, words in enumerate(LEVELS) for word in words}

POLICIES = st.sampled_from([rm.Policy(), rm.Policy(strict_met=EXC)])
FAST = settings(max_examples=300, deadline=None)


def direction_of(target: rm.Target) -> rm.Direction:
    return target.indicator.direction or IMPLIED[target.rule.kind]


def bounds_of(target: rm.Target) -> tuple[Fraction, Fraction]:
    """The rule's bounds as numbers (ranks for levels), lo first."""
    values = [
        Fraction(RANK[b.casefold()]) if isinstance(b, str) else Fraction(b)
        for b in target.rule.bounds
    ]
    return values[0], values[-1]


def value_of(target: rm.Target, result: rm.Result) -> Fraction:
    """The result in the target's unit (a rank for a level), computed here."""
    if isinstance(result.value, str):
        return Fraction(RANK[" ".join(result.value.split()).casefold()])
    written = target.indicator.unit if result.unit is None else result.unit
    return Fraction(result.value) * SIZE[written] / SIZE[target.unit]


def contract_margin(
    kind: rm.Kind, direction: rm.Direction, v: Fraction, lo: Fraction, hi: Fraction
) -> tuple[Fraction, Fraction]:
    """(margin, the bound it is measured from), by DESIGN.md section 2."""
    d = SIGN[direction]
    if kind is K.BETWEEN:
        if d > 0:
            return (v - hi, hi) if v > hi else (v - lo, lo)
        if d < 0:
            return (lo - v, lo) if v < lo else (hi - v, hi)
        if v < lo:
            return v - lo, lo
        if v > hi:
            return hi - v, hi
        return (v - lo, lo) if v - lo <= hi - v else (hi - v, hi)
    if kind is K.EXACTLY:  # a point: a miss on either side is negative
        return -abs(v - lo), lo
    return d * (v - lo), lo


def exact_decimal(value: Fraction) -> Decimal | Fraction:
    """*value* as a Decimal when it has a finite expansion (built from text: exact)."""
    rest, scale = value.denominator, 0
    while rest % 10 == 0 or rest % 2 == 0 or rest % 5 == 0:
        rest //= 10 if rest % 10 == 0 else 2 if rest % 2 == 0 else 5
        scale += 1
    if rest != 1:
        return value
    return Decimal(f"{value.numerator * 10**scale // value.denominator}E-{scale}")


@FAST
@given(st.data(), POLICIES)
def test_status_and_margin_follow_the_contract_table(data, policy):
    """Every verdict's status, margin and relative margin are those of DESIGN.md section 2.

    The status of a result follows the rule's table row for the target's
    direction; the margin is the exact signed distance from the bound named
    there, in the target's unit (rating steps for levels); the relative
    margin is that margin over the bound's magnitude.
    """
    target = data.draw(targets(), label="target")
    result = data.draw(results(target), label="result")
    verdict = rm.evaluate(target, result, policy=policy)
    kind, direction = target.rule.kind, direction_of(target)
    v, (lo, hi) = value_of(target, result), bounds_of(target)
    assert verdict.status is contract_status(kind, direction, v, lo, hi, policy.strict_met)
    margin, reference = contract_margin(kind, direction, v, lo, hi)
    assert Fraction(verdict.margin) == margin
    if target.indicator.scale is None:
        assert Fraction(verdict.actual) == v
        if reference:
            assert Fraction(verdict.relative_margin) == margin / abs(reference)


MONOTONE_KINDS = [K.AT_LEAST, K.ABOVE, K.AT_MOST, K.BELOW, K.BETWEEN]


@FAST
@given(st.data(), POLICIES)
def test_moving_towards_better_never_worsens_the_status(data, policy):
    """Monotonicity: of two results, the one further in the direction of improvement
    never gets a worse status (NOT_ACHIEVED < ACHIEVED < EXCEEDED).

    Holds for at_least, above, at_most, below and between on every
    higher- or lower-is-better indicator, numeric or rated, under either
    policy for strict bounds. (It does not apply to exactly, nor to an
    ON_TARGET band, where a miss on either side is a miss.)
    """
    target = data.draw(
        targets(indicators=indicators(directions=[None, H, L]), kinds=MONOTONE_KINDS),
        label="target",
    )
    units = None if target.indicator.scale is not None else [None]
    first = data.draw(results(target, units=units), label="first")
    second = data.draw(results(target, units=units), label="second")
    d = SIGN[direction_of(target)]
    worse, better = sorted([first, second], key=lambda r: d * value_of(target, r))
    worse_status = rm.evaluate(target, worse, policy=policy).status
    better_status = rm.evaluate(target, better, policy=policy).status
    assert ORDER[better_status] >= ORDER[worse_status]


def results_on_the_bound(target: rm.Target, bound) -> list[rm.Result]:
    """The bound itself, written in the target's unit and in every other unit of its kind."""
    if isinstance(bound, str):
        return [rm.Result(bound)]
    written = [rm.Result(bound, target.unit)]
    if target.unit in ("triệu đồng", "tỷ đồng"):
        other = "tỷ đồng" if target.unit == "triệu đồng" else "triệu đồng"
        amount = Fraction(bound) * SIZE[target.unit] / SIZE[other]
        written.append(rm.Result(exact_decimal(amount), other))
    return written


@FAST
@given(targets())
def test_inclusive_bounds_include_themselves_and_strict_ones_do_not(target):
    """Boundary inclusivity: a result exactly on the bound is ACHIEVED with margin 0 for
    at_least, at_most and exactly; NOT_ACHIEVED with margin 0 for above and below;
    and between includes both its ends (ACHIEVED on lo and on hi, in every direction).

    The same holds whichever unit of the same kind the bound is written in.
    """
    kind = target.rule.kind
    for bound in target.rule.bounds:
        for result in results_on_the_bound(target, bound):
            verdict = rm.evaluate(target, result)
            if kind in (K.ABOVE, K.BELOW):
                assert verdict.status is NOT
                assert verdict.margin == 0
            else:
                assert verdict.status is ACH
                if kind is not K.BETWEEN:
                    assert verdict.margin == 0


MIRROR_RULE = {
    K.AT_LEAST: K.AT_MOST,
    K.AT_MOST: K.AT_LEAST,
    K.ABOVE: K.BELOW,
    K.BELOW: K.ABOVE,
    K.BETWEEN: K.BETWEEN,
    K.EXACTLY: K.EXACTLY,
}
MIRROR_DIRECTION = {H: L, L: H, ON: ON}
UNLIMITED = indicators(
    units=[None, "member", "percent", "triệu đồng"], limits=False, ordinal=False
)


def negated(value):
    """-value, exactly (a Decimal's unary minus would round to 28 digits)."""
    return -value if isinstance(value, Fraction) else value.copy_negate()


@FAST
@given(st.data())
def test_a_target_and_its_mirror_image_agree(data):
    """Mirror symmetry: judging v against a higher-is-better target equals judging -v
    against the mirrored lower-is-better target, in status and in margin.

    at_least(x) <-> at_most(-x), above(x) <-> below(-x), between(lo, hi) <->
    between(-hi, -lo) with the direction flipped, exactly(x) <-> exactly(-x);
    on indicators without limits, since negative values are needed. The relative
    margin agrees too, except in the middle of an ON_TARGET band, where the margin is
    measured from either end.
    """
    target = data.draw(targets(indicators=UNLIMITED), label="target")
    result = data.draw(results(target), label="result")
    rule = target.rule
    mirrored_rule = rm.Rule(
        MIRROR_RULE[rule.kind], tuple(negated(b) for b in reversed(rule.bounds))
    )
    mirrored_indicator = attrs.evolve(
        target.indicator, direction=MIRROR_DIRECTION[direction_of(target)]
    )
    mirror = rm.Target(mirrored_indicator, mirrored_rule, unit=target.unit)
    verdict = rm.evaluate(target, result)
    mirrored = rm.evaluate(mirror, rm.Result(negated(result.value), result.unit))
    assert mirrored.status is verdict.status
    assert mirrored.margin == verdict.margin
    lo, hi = bounds_of(target)
    v = value_of(target, result)
    if not (direction_of(target) is ON and v - lo == hi - v):  # a tie names either end
        assert mirrored.relative_margin == verdict.relative_margin


@FAST
@given(st.data())
def test_a_range_behaves_as_its_two_bounds(data):
    """A range is its two bounds: between(lo, hi) higher-is-better is NOT_ACHIEVED
    exactly when at_least(lo) is, and EXCEEDED exactly when at_least(hi) would be
    EXCEEDED; lower-is-better, the same with at_most(hi) and at_most(lo).

    Checked on numeric and rated indicators.
    """
    target = data.draw(
        targets(indicators=indicators(directions=[None, H, L]), kinds=[K.BETWEEN]),
        label="target",
    )
    result = data.draw(results(target), label="result")
    lo, hi = target.rule.bounds
    if direction_of(target) is H:
        missed_by, beaten_by = rm.at_least(lo), rm.at_least(hi)
    else:
        missed_by, beaten_by = rm.at_most(hi), rm.at_most(lo)

    def status(rule: rm.Rule) -> rm.Status:
        one_sided = rm.Target(target.indicator, rule, unit=target.unit)
        return rm.evaluate(one_sided, result).status

    ranged = rm.evaluate(target, result).status
    assert (ranged is NOT) == (status(missed_by) is NOT)
    assert (ranged is EXC) == (status(beaten_by) is EXC)


SHARES_UP = indicators(units=["percent"], directions=[None, H], ordinal=False)
SHARES_DOWN = indicators(units=["percent"], directions=[L], ordinal=False)


@FAST
@given(
    st.one_of(
        targets(indicators=SHARES_UP, kinds=[K.AT_LEAST]),
        targets(indicators=SHARES_DOWN, kinds=[K.AT_MOST]),
    ),
    st.integers(1, 60),
)
def test_an_exact_ratio_on_the_bound_is_achieved(target, times):
    """Exact ratios at the boundary: Result.ratio(n, d) whose percent equals the bound
    exactly is ACHIEVED, with margin 0 (and attainment 1 for a positive bound), for
    at_least and at_most; one more or one fewer out of d falls on the right side.

    No rounding of n/d (63.5 % shown for 33/52) may move a share across its bound.
    """
    bound = Fraction(target.rule.bounds[0])
    share = bound / 100
    n, d = share.numerator * times, share.denominator * times
    on = rm.evaluate(target, rm.Result.ratio(n, d))
    assert on.status is ACH
    assert on.margin == 0
    if bound > 0:
        assert on.attainment == 1
    up = target.rule.kind is K.AT_LEAST
    if n + 1 <= d:
        assert rm.evaluate(target, rm.Result.ratio(n + 1, d)).status is (EXC if up else NOT)
    if n >= 1:
        assert rm.evaluate(target, rm.Result.ratio(n - 1, d)).status is (NOT if up else EXC)


@FAST
@given(st.data())
def test_the_sign_of_the_margin_agrees_with_the_status(data):
    """Margin sign agrees with status: EXCEEDED -> margin > 0; NOT_ACHIEVED on an
    inclusive one-sided rule (at_least, at_most), a range or a point -> margin < 0;
    ACHIEVED on an inclusive bound or a point -> margin 0, inside a range -> margin >= 0;
    a met strict bound -> margin > 0, a missed one -> margin <= 0.
    """
    target = data.draw(targets(), label="target")
    result = data.draw(results(target), label="result")
    verdict = rm.evaluate(target, result)
    kind, status, margin = target.rule.kind, verdict.status, verdict.margin
    if status is EXC:
        assert margin > 0
    if status is NOT and kind in (K.AT_LEAST, K.AT_MOST, K.BETWEEN, K.EXACTLY):
        assert margin < 0
    if status is ACH and kind in (K.AT_LEAST, K.AT_MOST, K.EXACTLY):
        assert margin == 0
    if kind in (K.ABOVE, K.BELOW):
        assert margin > 0 if verdict.met else margin <= 0
    if kind is K.BETWEEN and status is ACH:
        assert margin >= 0


@FAST
@given(st.data())
def test_attainment_is_at_least_one_exactly_when_met(data):
    """Attainment agrees with status: for at_least/at_most with a positive bound and a
    positive value, attainment >= 1 exactly when the target is met, and it is exactly
    value / bound (bound / value where lower is better); with a value of 0 or less
    there is no attainment (None).
    """
    target = data.draw(
        targets(indicators=indicators(ordinal=False), kinds=[K.AT_LEAST, K.AT_MOST]),
        label="target",
    )
    result = data.draw(results(target), label="result")
    verdict = rm.evaluate(target, result)
    bound, v = bounds_of(target)[0], value_of(target, result)
    if bound > 0 and v > 0:
        assert (verdict.attainment >= 1) == verdict.met
        up = target.rule.kind is K.AT_LEAST
        assert Fraction(verdict.attainment) == (v / bound if up else bound / v)
    elif v <= 0:
        assert verdict.attainment is None


@FAST
@given(st.data())
def test_no_data_exactly_when_there_is_no_result(data):
    """NO_DATA is never the verdict when a result is given, and it is the verdict
    (never NOT_ACHIEVED) when none is: no result, an empty list, or only results for
    periods after the review date.
    """
    target = data.draw(targets(), label="target")
    result = data.draw(results(target), label="result")
    assert rm.evaluate(target, result).status is not rm.Status.NO_DATA
    assert rm.evaluate(target, [result]).status is not rm.Status.NO_DATA
    later = attrs.evolve(result, period=2030)
    for nothing in (None, [], ()):
        assert rm.evaluate(target, nothing).status is rm.Status.NO_DATA
    verdict = rm.evaluate(target, [later], as_of=date(2025, 6, 30))
    assert verdict.status is rm.Status.NO_DATA
    assert verdict.margin is None


@pytest.mark.parametrize(
    ("rule", "result", "status"),
    [
        (rm.at_least(90), rm.Result("93.1"), EXC),
        (rm.above(95), rm.Result(95), NOT),
        (rm.at_least(70), rm.Result.ratio(7, 10), ACH),
        (
            rm.at_least("57.7"),
            rm.Result.ratio(577, 1000),
            ACH,
        ),  # 0.577 * 100 is 57.699... in floats
    ],
)
def test_known_verdicts(rule, result, status):
    """A few verdicts of DOMAIN.md's review table, as a sanity anchor for the properties."""
    share = rm.Indicator("share", unit="percent", limits=(0, 100))
    assert rm.evaluate(rm.Target(share, rule), result).status is status
