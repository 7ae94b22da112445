"""Named invariants of the JSON format, checked on drawn targets, results, verdicts and reports.

Every invariant has two halves: reading a written document gives back an
equal value of the same type (``loads(dumps(x)) == x``), and every written
document is valid under the published JSON Schema.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics import json as rmjson
from resolmetrics.numbers import looks_numeric
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

VALIDATOR = jsonschema.Draft202012Validator(
    rmjson.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)

#: Review dates: before, inside and after the terms the strategies draw (2000 to 2040).
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
        points=st.sampled_from(["words", "percent"]),
        progress=st.sampled_from(
            [None, "linear", "open_sdg", "eurostat", "unsd", rm.OpenSDG(limit=100),
             rm.Eurostat(horizon="short"), rm.UNSD(percent=True), rm.LinearProRating()]
        ),
    ),
)  # fmt: skip


def round_trip(value: Any) -> None:
    """Write *value*, check the document against the schema, read it back and compare."""
    text = rmjson.dumps(value)
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(json.loads(text))]
    assert errors == []
    again = rmjson.loads(text)
    assert type(again) is type(value)
    assert again == value
    assert rmjson.loads(text, type(value)) == value


def walk(verdict: rm.Verdict) -> Any:
    yield verdict
    for part in verdict.parts:
        yield from walk(part)


def exact_types(verdict: rm.Verdict) -> list[type]:
    """The types of the exact numbers a verdict and its parts hold."""
    return [type(v.actual) for v in walk(verdict)]


@settings(max_examples=150, deadline=None)
@given(targets(due=None))
def test_any_target_round_trips(target: rm.Target) -> None:
    """For any target (with or without a due date and baseline), loads(dumps(target)) equals
    it and the document is valid under the schema."""
    round_trip(target)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_result_round_trips(data: st.DataObject) -> None:
    """For any result drawn for a target (numbers on and beside its bounds, exact shares,
    levels, other units), loads(dumps(result)) equals it, keeps its Decimal or Fraction, and
    the document is valid under the schema."""
    result = data.draw(results(data.draw(targets())))
    round_trip(result)
    again = rmjson.loads(rmjson.dumps(result))
    assert type(again.value) is type(result.value)
    assert again.ratio_of == result.ratio_of


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_verdict_on_one_value_round_trips(data: st.DataObject) -> None:
    """For any verdict of a target on a result, at any review date and under any policy,
    loads(dumps(verdict)) equals it with the same types of exact numbers, and the document
    (with its derived fields) is valid under the schema."""
    target = data.draw(targets(due=None))
    result = data.draw(st.one_of(st.just(()), results(target)))
    verdict = rm.evaluate(target, result, as_of=data.draw(REVIEW_DATES),
                          policy=data.draw(POLICIES))  # fmt: skip
    round_trip(verdict)
    assert exact_types(rmjson.loads(rmjson.dumps(verdict))) == exact_types(verdict)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_verdict_over_years_round_trips(data: st.DataObject) -> None:
    """For any verdict of a yearly or growth target on a series with or without missing
    years, its parts included, loads(dumps(verdict)) equals it and the document is valid."""
    target = data.draw(yearly_targets(terms=True))
    series = data.draw(yearly_results(target, missing=True))
    verdict = rm.evaluate(target, series, as_of=data.draw(REVIEW_DATES),
                          policy=data.draw(POLICIES))  # fmt: skip
    round_trip(verdict)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_verdict_across_units_round_trips(data: st.DataObject) -> None:
    """For any verdict over units of observation, or of a quota, loads(dumps(verdict)) equals
    it (each unit's part included) and the document is valid under the schema."""
    target = data.draw(st.one_of(population_targets(), quota_targets()))
    verdict = rm.evaluate(target, data.draw(unit_results(target)),
                          policy=data.draw(POLICIES))  # fmt: skip
    round_trip(verdict)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_report_round_trips(data: st.DataObject) -> None:
    """For any resolution and its report at any review date, with keys and years missing,
    loads(dumps(x)) equals x for both, and both documents are valid under the schema."""
    resolution = data.draw(resolutions(max_size=5))
    found = data.draw(resolution_results(resolution, missing=True))
    report = resolution.evaluate(found, as_of=data.draw(REVIEW_DATES),
                                 policy=data.draw(POLICIES))  # fmt: skip
    round_trip(resolution)
    round_trip(report)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_results_of_a_resolution_round_trip_as_one_document(data: st.DataObject) -> None:
    """For any results drawn for a resolution (keys and years missing), the dict of lists of
    results is one Results document, valid under the schema, that reads back equal (a dict of
    lists), and the resolution judges the results read back as it judges the originals."""
    resolution = data.draw(resolutions(max_size=5))
    found = data.draw(resolution_results(resolution, missing=True))
    round_trip(found)
    again = rmjson.loads(rmjson.dumps(found))
    assert all(type(items) is list for items in again.values())
    as_of = data.draw(REVIEW_DATES)
    assert resolution.evaluate(again, as_of=as_of) == resolution.evaluate(found, as_of=as_of)


#: Letters of level codes and of the words "NaN" and "Infinity", digits, the marks numbers
#: are written with, and spaces.
TEXT = st.text(alphabet="HTXSNVạiInNfFaAtTyYsSeE0123456789+-.,_/% \u00a0\t", max_size=8)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_the_schema_tells_numbers_and_levels_apart_as_loads_does(text: str) -> None:
    """For any text of letters, digits, number marks and spaces, a result whose value is that
    text is valid under the schema exactly when loads reads it: as an exact number when it is
    written as one, as a rating level when it does not look like a number (never "NaN" or
    "Infinity" in any case), and not at all otherwise."""
    document = {"schema": rmjson.SCHEMA_ID, "version": 1, "type": "Result",
                "value": {"value": text}}  # fmt: skip
    try:
        result = rmjson.structure(document)
    except rmjson.JSONError:
        read = False
    else:
        read = True
        assert isinstance(result.value, str) is not looks_numeric(text)
    assert VALIDATOR.is_valid(document) is read


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False),
        st.fractions(),
    )
)
def test_any_exact_number_is_written_as_a_string_and_read_back_exactly(
    number: Decimal | Fraction,
) -> None:
    """Any Decimal or Fraction a result can hold is written as a JSON string (never a JSON
    number) and read back equal, a Decimal as a Decimal and a ratio as a Fraction."""
    try:
        result = rm.Result(number)
    except rm.InvalidResultError:  # beyond the range resolmetrics reads
        return
    document = rmjson.unstructure(result)
    assert isinstance(document["value"]["value"], str)
    again = rmjson.structure(json.loads(json.dumps(document)), rm.Result)
    assert again.value == result.value
    assert type(again.value) is type(result.value)


def own_table(report: rm.Report, lang: str) -> rm.Published:
    """The report's review table written with the library's own words: each component's
    verdict in words, numbered 1, 2a, 2b, 3, ..., and the report's summary."""
    rows = []
    for row in report.rows:
        numbers = (
            [row.number] if not row.group
            else [row.number + chr(ord("a") + i) for i in range(len(row.verdicts))]
        )  # fmt: skip
        rows += [rm.PublishedRow(n, v.explain(lang)) for n, v in zip(numbers, row.verdicts,
                                                                    strict=True)]  # fmt: skip
    return rm.Published(rows, summary=report.summary(lang), lang=lang)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_an_audit_of_a_report_against_its_own_table_round_trips(data: st.DataObject) -> None:
    """For any report and the review table it writes itself (with one row's verdict replaced
    by another status word, or not), the audit of that table, in either language, reads back
    from its document equal with the same findings; the document is valid under the schema
    and says ok exactly when no row was replaced."""
    from resolmetrics.audit import audit

    resolution = data.draw(resolutions(max_size=4))
    found = data.draw(resolution_results(resolution, missing=True))
    report = resolution.evaluate(found, as_of=data.draw(REVIEW_DATES))
    table_lang, lang = (
        data.draw(st.sampled_from(["vi", "en"])),
        data.draw(st.sampled_from(["vi", "en"])),
    )
    table = own_table(report, table_lang)
    replaced = data.draw(st.one_of(st.none(), st.integers(0, len(table.rows) - 1)))
    if replaced is not None:
        row = table.rows[replaced]
        status = report.verdicts[replaced].status
        word = {"vi": "Chưa có số liệu", "en": "no data"}[table_lang]
        if status is rm.Status.NO_DATA:
            word = {"vi": "Vượt", "en": "exceeded"}[table_lang]
        rows = list(table.rows)
        rows[replaced] = rm.PublishedRow(row.number, word)
        table = rm.Published(rows, summary=table.summary, lang=table_lang)
    result = audit(report, table, lang=lang)
    round_trip(result)
    again = rmjson.loads(rmjson.dumps(result))
    assert again.findings == result.findings
    document = rmjson.unstructure(result)["value"]
    assert document["ok"] is (replaced is None)
