"""Named invariants of pickling and deep-copying, over the shipped strategies.

Each invariant: a drawn value, pickled with any protocol or deep-copied, is an equal value
of the same type with the same repr, and the copies judge the same: evaluating copies of a
target and its results gives the verdict evaluating the originals gives.
"""

from __future__ import annotations

import copy
import pickle
import warnings
from datetime import date
from typing import Any, TypeVar

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
    rules,
    targets,
    unit_results,
    yearly_results,
    yearly_targets,
)

_T = TypeVar("_T")

#: Review dates before, inside and after the terms the strategies draw (2000 to 2040).
REVIEW_DATES = st.one_of(
    st.none(), st.dates(min_value=date(1999, 1, 1), max_value=date(2042, 12, 31))
)

POLICIES = st.one_of(
    st.none(),
    st.builds(
        rm.Policy,
        strict_met=st.sampled_from([rm.Status.ACHIEVED, rm.Status.EXCEEDED]),
        places=st.integers(0, 4),
        missing=st.sampled_from(["no_data", "skip"]),
        progress=st.sampled_from(
            [None, "linear", "open_sdg", "eurostat", "unsd", rm.OpenSDG(limit=100),
             rm.Eurostat(horizon="short"), rm.UNSD(percent=True), rm.LinearProRating()]
        ),
    ),
)  # fmt: skip

#: A way of copying a value: pickling with one protocol, or deep-copying.
COPIES = st.sampled_from(
    [
        *(
            (lambda value, protocol=protocol: pickle.loads(pickle.dumps(value, protocol)))
            for protocol in range(pickle.HIGHEST_PROTOCOL + 1)
        ),
        copy.deepcopy,
    ]
)


def faithful(value: _T, again: Any) -> _T:
    """Check that *again* is *value* again (type, ``==``, repr) and return it."""
    assert type(again) is type(value)
    assert again == value
    assert repr(again) == repr(value)
    return again  # type: ignore[no-any-return]


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_indicators_and_rules_copy_faithfully(data: st.DataObject) -> None:
    """For any indicator and any rule that fits it, a copy is equal with the same repr, and
    a target built on the copies equals the target built on the originals."""
    indicator = data.draw(indicators())
    rule = data.draw(rules(indicator=indicator))
    how = data.draw(COPIES)
    indicator2, rule2 = faithful(indicator, how(indicator)), faithful(rule, how(rule))
    assert rm.Target(indicator2, rule2) == rm.Target(indicator, rule)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_copied_target_and_result_judge_the_same(data: st.DataObject) -> None:
    """For any target (due or not, with a baseline or not) and any result for it, at any
    review date and under any policy: the copies are equal to the originals, judging the
    copies gives the verdict judging the originals gives, and that verdict (its progress
    assessment included) copies to an equal verdict that explains itself the same."""
    target = data.draw(targets(due=None))
    result = data.draw(results(target))
    as_of, policy = data.draw(REVIEW_DATES), data.draw(POLICIES)
    how = data.draw(COPIES)
    verdict = rm.evaluate(target, result, as_of=as_of, policy=policy)
    target2, result2 = faithful(target, how(target)), faithful(result, how(result))
    assert rm.evaluate(target2, result2, as_of=as_of, policy=how(policy)) == verdict
    verdict2 = faithful(verdict, how(verdict))
    assert verdict2.explain("vi", detail=True) == verdict.explain("vi", detail=True)
    assert verdict2.progress == verdict.progress


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_copied_series_judges_the_same(data: st.DataObject) -> None:
    """For any yearly or growth target and any series for it (years missing or not), the
    copies judge as the originals, and the verdict with its parts copies to an equal one."""
    target = data.draw(yearly_targets(terms=True))
    series = data.draw(yearly_results(target, missing=True))
    as_of, policy = data.draw(REVIEW_DATES), data.draw(POLICIES)
    how = data.draw(COPIES)
    verdict = rm.evaluate(target, series, as_of=as_of, policy=policy)
    copied = how((target, series))
    assert rm.evaluate(copied[0], copied[1], as_of=as_of, policy=policy) == verdict
    assert faithful(verdict, how(verdict)).parts == verdict.parts


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_copied_population_judges_the_same(data: st.DataObject) -> None:
    """For any target across units or quota and any results per unit, the copies judge as
    the originals, and the verdict copies to an equal one."""
    target = data.draw(st.one_of(population_targets(), quota_targets()))
    found = data.draw(unit_results(target))
    how = data.draw(COPIES)
    verdict = rm.evaluate(target, found)
    copied = how((target, found))
    assert rm.evaluate(copied[0], copied[1]) == verdict
    faithful(verdict, how(verdict))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_copied_resolution_reviews_the_same(data: st.DataObject) -> None:
    """For any resolution and results for its keys, the copied resolution reviews the copied
    results into the report the originals give; the report copies to an equal report whose
    verdicts explain themselves the same, with the same summary, in both languages."""
    resolution = data.draw(resolutions())
    found = data.draw(resolution_results(resolution, missing=True))
    as_of = data.draw(REVIEW_DATES)
    how = data.draw(COPIES)
    with warnings.catch_warnings():  # what a review notices in its input is not at issue
        warnings.simplefilter("ignore", rm.ResolmetricsWarning)
        report = resolution.evaluate(found, as_of=as_of)
        resolution2 = faithful(resolution, how(resolution))
        assert resolution2.evaluate(how(found), as_of=as_of) == report
    report2 = faithful(report, how(report))
    for lang in ("en", "vi"):
        assert [v.explain(lang, detail=True) for v in report2.verdicts] == [
            v.explain(lang, detail=True) for v in report.verdicts
        ]
        assert report2.summary(lang) == report.summary(lang)
