"""Named invariants of the progress methods (PROGRESS_METHODS.md), on drawn series.

Statuses are compared with each other, along each method's own order of bands,
worst first; expected numbers are never taken from the code under test.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.progress import (
    UNSD,
    Eurostat,
    LinearProRating,
    OpenSDG,
    Progress,
    ProgressMethod,
)

H, L = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER
SIGN = {H: 1, L: -1}
FAST = settings(max_examples=200, deadline=None)

#: Each method's bands, worst first. Eurostat's bands without a target share ranks
#: with those with one: away (much), away (a little) / insufficient, moderate, significant.
RANK = {
    "open_sdg": {
        "deterioration": 0,
        "limited_progress": 1,
        "moderate_progress": 2,
        "substantial_progress": 3,
        "target_achieved": 4,
    },
    "eurostat": {
        "significant_movement_away": 0,
        "movement_away": 0,
        "moderate_movement_away": 1,
        "insufficient_progress": 1,
        "moderate_progress": 2,
        "significant_progress": 3,
    },
    "unsd": {
        "stagnation_or_regression": 0,
        "acceleration_needed": 1,
        "on_track": 2,
        "target_achieved": 3,
    },
    "linear": {"off_track": 0, "on_track": 1, "target_achieved": 2},
}

#: The methods with the published defaults and with their options.
METHODS: list[ProgressMethod] = [
    OpenSDG(),
    OpenSDG(limit=100),
    Eurostat(),
    Eurostat(horizon="short"),
    UNSD(),
    UNSD(percent=True),
    LinearProRating(),
]
#: Methods that publish "target achieved".
ACHIEVING: list[ProgressMethod] = [
    OpenSDG(),
    OpenSDG(limit=100),
    UNSD(),
    UNSD(percent=True),
    LinearProRating(),
]

#: Positive figures with two decimals, as reports give them.
values = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000), places=2)
directions = st.sampled_from([H, L])


@st.composite
def years(draw: st.DrawFn) -> tuple[int, int, int]:
    """(base year, current year, target year) with base < current <= target."""
    base = draw(st.integers(2000, 2020))
    current = draw(st.integers(base + 1, base + 12))
    target = draw(st.integers(current, current + 12))
    return base, current, target


# The inputs of an assessment: a base, current and target value, with or without
# the target, in either direction, over years drawn by years().
SERIES = {
    "base": values,
    "current": values,
    "target": values,
    "with_target": st.booleans(),
    "direction": directions,
    "when": years(),
}


def _assess(
    assessor: ProgressMethod,
    base: Decimal,
    current: Decimal,
    target: Decimal | None,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> Progress:
    t0, t, big_t = when
    return assessor.assess(
        base_value=base,
        base_year=t0,
        current_value=current,
        current_year=t,
        target_value=target,
        target_year=big_t if target is not None else None,
        direction=direction,
    )


def _needs_target(assessor: ProgressMethod) -> bool:
    return isinstance(assessor, UNSD | LinearProRating)


@FAST
@given(
    assessor=st.sampled_from(METHODS),
    base=values,
    pair=st.tuples(values, values),
    target=values,
    with_target=st.booleans(),
    direction=directions,
    when=years(),
)
def test_status_is_monotone_in_the_current_value(
    assessor: ProgressMethod,
    base: Decimal,
    pair: tuple[Decimal, Decimal],
    target: Decimal,
    with_target: bool,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """Moving the current value in the direction of improvement never gives a worse band.

    For every method, with and without a target: of two current values, the one
    better in the direction of improvement gets a band at least as good, in the
    method's own order (worst first; target achieved above every band).
    """
    goal = target if with_target or _needs_target(assessor) else None
    worse, better = sorted(pair, key=lambda v: SIGN[direction] * v)
    low = _assess(assessor, base, worse, goal, direction, when)
    high = _assess(assessor, base, better, goal, direction, when)
    ranks = RANK[low.method]
    assert ranks[high.status] >= ranks[low.status], (low, high)


@FAST
@given(
    assessor=st.sampled_from([OpenSDG(), Eurostat(), UNSD(), LinearProRating()]),
    **SERIES,
)
def test_mirror_symmetry(
    assessor: ProgressMethod,
    base: Decimal,
    current: Decimal,
    target: Decimal,
    with_target: bool,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """Negating every value and flipping the direction changes nothing.

    A series that rises toward a higher-is-better target and its negation falling
    toward a lower-is-better one are the same progress: same status, same ratio,
    same on-track flag. (Growth rates see only the ratios of the values, which
    negation keeps; the methods flip the direction of a negative series.)
    """
    goal = target if with_target or _needs_target(assessor) else None
    flipped = L if direction is H else H
    original = _assess(assessor, base, current, goal, direction, when)
    mirrored = _assess(assessor, -base, -current, None if goal is None else -goal, flipped, when)
    assert (mirrored.status, mirrored.value, mirrored.on_track) == (
        original.status,
        original.value,
        original.on_track,
    )


@FAST
@given(
    assessor=st.sampled_from(ACHIEVING),
    base=values,
    target=values,
    beyond=st.decimals(min_value=0, max_value=500, places=2),
    direction=directions,
    when=years(),
)
def test_meeting_the_target_is_target_achieved(
    assessor: ProgressMethod,
    base: Decimal,
    target: Decimal,
    beyond: Decimal,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """A current value that meets the target (on it or beyond) is always target_achieved.

    Whatever the base value and the trend, for every method that publishes
    "target achieved" (Open SDG, UNSD, linear pro-rating), and it is on track.
    """
    current = target + SIGN[direction] * beyond
    if current <= 0:
        current = target  # keep the series positive; on the target is still met
    progress = _assess(assessor, base, current, target, direction, when)
    assert progress.status == "target_achieved"
    assert progress.on_track is True


@FAST
@given(
    base=values,
    gap=st.decimals(min_value=Decimal("0.01"), max_value=500, places=2),
    beyond=st.decimals(min_value=0, max_value=500, places=2),
    direction=directions,
    when=years(),
)
def test_eurostat_meeting_a_target_ahead_is_significant_progress(
    base: Decimal,
    gap: Decimal,
    beyond: Decimal,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """Eurostat publishes no "target achieved"; a met target ahead of the base is best.

    When the target lies beyond the base value in the direction of improvement
    and is already met, the growth so far is at least the growth needed (over a
    shorter time, a larger change), so the ratio is at least 1: significant
    progress.
    """
    sign = SIGN[direction]
    target = base + sign * gap
    current = target + sign * beyond
    if target <= 0 or current <= 0:
        return
    progress = _assess(Eurostat(), base, current, target, direction, when)
    assert progress.status == "significant_progress"
    assert progress.value is not None
    assert progress.value >= 1


@FAST
@given(
    assessor=st.sampled_from(METHODS),
    **SERIES,
)
def test_status_follows_from_the_exposed_value(
    assessor: ProgressMethod,
    base: Decimal,
    current: Decimal,
    target: Decimal,
    with_target: bool,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """A reader can check the status: it is the band of ``value`` among ``thresholds``.

    Bands are closed below and open above; the best band is on track. (Linear
    pro-rating is checked against its expected level instead, exactly.)
    """
    goal = target if with_target or _needs_target(assessor) else None
    progress = _assess(assessor, base, current, goal, direction, when)
    if progress.status == "target_achieved" or progress.value is None:
        return
    parameters: Any = progress.parameters
    if progress.method == "linear":
        expected = Fraction(parameters["expected"])
        assert (SIGN[direction] * (Fraction(current) - expected) >= 0) == (
            progress.status == "on_track"
        )
        return
    cutoffs = parameters["thresholds"]  # worst band below the last cut-off
    passed = sum(progress.value >= cutoff for cutoff in cutoffs)
    assert RANK[progress.method][progress.status] == passed
    assert progress.on_track is (passed == len(cutoffs))


@FAST
@given(
    base=values,
    current=values,
    target=values,
    direction=directions,
    when=years(),
)
def test_linear_pro_rating_is_exact(
    base: Decimal,
    current: Decimal,
    target: Decimal,
    direction: rm.Direction,
    when: tuple[int, int, int],
) -> None:
    """Linear pro-rating is rational arithmetic: expected level and ratio are exact.

    ``expected = y0 + (yT - y0) * (t - t0) / (T - t0)`` and, with a target ahead,
    ``value = (yt - y0) / (expected - y0)``, recomputed here with Fractions.
    """
    t0, t, big_t = when
    progress = _assess(LinearProRating(), base, current, target, direction, when)
    y0, yt, y_target = Fraction(base), Fraction(current), Fraction(target)
    expected = y0 + (y_target - y0) * Fraction(t - t0, big_t - t0)
    assert progress.parameters["expected"] == expected
    if SIGN[direction] * (y_target - y0) > 0:
        assert progress.value == (yt - y0) / (expected - y0)
    else:
        assert progress.value is None
