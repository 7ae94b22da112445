"""Properties of the warnings a review gives about its results.

A review leaves out results it cannot count for their year: after the
review date, in a year not yet over (yearly targets), outside a yearly
target's term, after a due year. It says so with an UnusedResultWarning.
"""

from __future__ import annotations

import warnings
from datetime import date

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import resolution_results, resolutions

SETTINGS = settings(max_examples=80, deadline=None)


def review(
    resolution: rm.Resolution, results: dict[str, list[rm.Result]], as_of: date | None
) -> rm.Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rm.ResolmetricsWarning)
        return resolution.evaluate(results, as_of=as_of)


@st.composite
def reviews(draw: st.DrawFn) -> tuple[rm.Resolution, dict[str, list[rm.Result]], date | None]:
    resolution = draw(resolutions())
    results = draw(resolution_results(resolution))
    assert resolution.term is not None
    first, last = resolution.term
    as_of = draw(st.none() | st.dates(date(first - 1, 1, 1), date(last + 2, 12, 31)))
    return resolution, results, as_of


def without(
    results: dict[str, list[rm.Result]], left_out: set[tuple[str, int]]
) -> dict[str, list[rm.Result]]:
    return {k: [r for r in rs if (k, r.period) not in left_out] for k, rs in results.items()}


@SETTINGS
@given(reviews())
def test_results_a_review_says_it_left_out_change_no_verdict(drawn):
    """Taking away every result a warning names leaves every verdict as it was (results of
    units aside: a unit whose only result is left out is still a unit, without data), and
    the review without them warns of nothing left out."""
    resolution, results, as_of = drawn
    report = review(resolution, results, as_of)
    unused = [w for w in report.warnings if isinstance(w, rm.UnusedResultWarning)]
    if any(r.entity is not None for w in unused for r in results[w.key]):
        return
    left_out = {(w.key, year) for w in unused for year in w.years}
    again = review(resolution, without(results, left_out), as_of)
    assert again.verdicts == report.verdicts
    assert not [w for w in again.warnings if isinstance(w, rm.UnusedResultWarning)]


@SETTINGS
@given(reviews())
def test_each_year_warned_of_is_a_year_reported_and_fits_its_reason(drawn):
    """A warning names only years results were given for, each once, and each agrees with
    its reason: after the review date means after its year; a year not over means the
    review date is before that year's 31 December."""
    resolution, results, as_of = drawn
    report = review(resolution, results, as_of)
    for warning in report.warnings:
        if not isinstance(warning, rm.UnusedResultWarning):
            continue
        reported = {r.period for r in results[warning.key]}
        assert set(warning.years) <= reported
        assert list(warning.years) == sorted(set(warning.years))
        for year in warning.years:
            if warning.reason == "after_review":
                assert as_of is not None
                assert year > as_of.year
            elif warning.reason == "year_not_over":
                assert as_of is not None
                assert as_of < date(year, 12, 31)
            else:
                assert warning.reason in ("outside_term", "after_due")


@SETTINGS
@given(reviews(), st.integers(1, 3))
def test_a_yearly_result_after_the_term_is_always_warned_of(drawn, later):
    """A result added for a year after the term of a yearly target (on an indicator no other
    kind of target shares) is named by a warning, and changes no verdict."""
    resolution, results, as_of = drawn
    for target in resolution.components:
        if target.per is None or target.term is None or target.across is not None:
            continue
        on_key = [t for t in resolution.components if t.key == target.key]
        if any(t.per is None or t.across is not None for t in on_key):
            continue
        given_years = [r for r in results[target.key] if r.period is not None]
        if not given_years:
            continue
        year = max(t.term[1] for t in on_key if t.term) + later  # type: ignore[index]
        extra = attrs.evolve(given_years[-1], period=year)
        if any(r.period == year for r in results[target.key]):
            continue
        more = {**results, target.key: [*results[target.key], extra]}
        report = review(resolution, more, as_of)
        named = {
            (w.key, y) for w in report.warnings if isinstance(w, rm.UnusedResultWarning)
            for y in w.years
        }  # fmt: skip
        assert (target.key, year) in named
        assert report.verdicts == review(resolution, results, as_of).verdicts
