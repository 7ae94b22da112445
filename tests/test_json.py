"""JSON for embedding: round trips, the published schema, hand-written documents, errors."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import resolmetrics as rm
from _support import raises_exactly
from resolmetrics import json as rmjson
from resolmetrics.audit import audit
from resolmetrics.demo import AS_OF, demo_resolution, demo_results

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(
    rmjson.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
ENVELOPE = {"schema": "urn:resolmetrics:schema:1", "version": 1}

SHARE = rm.Indicator("org_good", name="Base organisations rated good+", unit="percent",
                     limits=(0, 100))  # fmt: skip
ADMITTED = rm.Indicator("admitted", name="New members", unit="member")
COMMITTEE = rm.Indicator("committee", name="Committee rating", scale=rm.PARTY_QUALITY)
POVERTY = rm.Indicator("poverty", unit="percent", direction="lower_is_better", limits=(0, 100))
PRICES = rm.Indicator("prices", unit="percent", direction=rm.Direction.ON_TARGET)
REVENUE = rm.Indicator("revenue", unit="triệu đồng")
INCOME = rm.Indicator("income", unit="triệu đồng")


def problems(document: object) -> list[str]:
    """What the schema finds wrong with *document* (parsed JSON), as 'path: message'."""
    return [f"{error.json_path}: {error.message}" for error in VALIDATOR.iter_errors(document)]


def yearly(values: dict[int, Any], **options: Any) -> list[rm.Result]:
    return [rm.Result(value, period=year, **options) for year, value in values.items()]


def demo_report(lang: str = "en") -> rm.Report:
    resolution: rm.Resolution = demo_resolution(lang)  # type: ignore[assignment]
    return resolution.evaluate(demo_results(), as_of=AS_OF)


PUBLISHED = ROOT / "examples" / "audit" / "published.csv"


def example_audit(lang: str = "vi") -> rm.Audit:
    """The example audit (examples/audit_review.py): the demo report at 30 June 2023 against
    the published table examples/audit/published.csv, with the reasons in *lang*."""
    report = demo_report(lang)
    return audit(report, rm.read_published(PUBLISHED, lang="vi"), lang=lang)


def audit_cases() -> list[tuple[str, Any]]:
    """Published tables, their rows, findings and audits, as audits make them."""
    members = rm.Indicator("members_good", name="Members rated good", unit="percent")
    resolution = rm.Resolution("Resolution", [rm.Target(members, rm.at_least(92))])
    report = resolution.evaluate({"members_good": rm.Result("94.5")})
    table = rm.Published({"1": "Vượt 2,72%"}, summary="Hoàn thành 1/1 chỉ tiêu")
    example = example_audit()
    return [
        ("finding kind", rm.FindingKind.PERCENT_FOR_POINTS),
        ("published row", example.published.rows[2]),
        ("published row without its cells", rm.PublishedRow("1b", "Đạt")),
        ("published table from a mapping", table),
        ("published table in English", rm.Published({"2": "exceeded by 2.5"}, lang="en")),
        ("published table read from a file", example.published),
        ("finding", example.findings[0]),
        ("finding of the summary", example.findings[-1]),
        ("audit of one row", audit(report, table, lang="en")),
        ("audit", example),
        ("audit in English", example_audit("en")),
    ]


def real_cases() -> list[tuple[str, Any]]:
    """Values of every type, as reviews make them."""
    due_mid_year = rm.Target(SHARE, rm.at_least(60), due=date(2025, 6, 30))
    inspected = rm.Target(SHARE, rm.at_least(70), due=2025, baseline=rm.Baseline(0, 2020))
    admitted_total = rm.Target(ADMITTED, rm.at_least(150), per="year", combine="total",
                               term=(2020, 2025))  # fmt: skip
    committee_each = rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", combine="each",
                               term=(2020, 2025))  # fmt: skip
    units = rm.Target(COMMITTEE, rm.at_least("HTTNV"), across=rm.at_least_share(85))
    excellent = rm.Target(
        COMMITTEE, rm.quota(rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"),
                            rounding="down"),
    )  # fmt: skip
    income = rm.Target(INCOME, rm.between(4, 6), per="year", combine="each", growth="yoy",
                       across=rm.at_least_count(2), term=(2021, 2022))  # fmt: skip
    growth = rm.Target(REVENUE, rm.at_least(7), per="year", growth="cagr", term=(2021, 2022),
                       baseline=rm.Baseline(58_000, 2020))  # fmt: skip
    ratings = [rm.Result(level, entity=f"unit {n}") for n, level in
               enumerate(["HTTNV", "HTXSNV", "HTNV", "HTTNV", "HTXSNV"], start=1)]  # fmt: skip
    incomes = [
        rm.Result(value, period=year, entity=unit)
        for unit, series in {"A": (100, 105, 110), "B": (100, 103, 110), "C": (50, 51, 52)}.items()
        for year, value in zip((2020, 2021, 2022), series, strict=True)
    ]
    report = demo_report()
    spec = rm.parse_target("Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "vi")
    return [
        ("status", rm.Status.IN_PROGRESS),
        ("direction", rm.Direction.LOWER_IS_BETTER),
        ("kind", rm.Kind.BETWEEN),
        ("quantifier", rm.Quantifier.COUNT),
        ("level", rm.Level("HTTNV", "hoàn thành tốt nhiệm vụ", "good")),
        ("scale", rm.PARTY_QUALITY),
        ("indicator with limits", SHARE),
        ("rated indicator", COMMITTEE),
        ("lower-is-better indicator", POVERTY),
        ("rule", rm.above(95)),
        ("range with decimals", rm.between("3.5", 5)),
        ("rule on a level", rm.at_least("HTTNV")),
        ("quota", excellent.rule),
        ("across all", rm.Across(rm.Quantifier.ALL)),
        ("at least a count", rm.at_least_count(6)),
        ("above a share", rm.above_share(90)),
        ("baseline", rm.Baseline("4.8", 2020)),
        ("baseline level", rm.Baseline("HTNV", 2019)),
        ("baseline in another unit", rm.Baseline(3, 2020, unit="tỷ đồng")),
        ("target", rm.Target(SHARE, rm.above(95))),
        ("target in another unit", rm.Target(REVENUE, rm.at_least(25_000), unit="tỷ đồng")),
        ("target due on a date", due_mid_year),
        ("term target with baseline", inspected),
        ("yearly target", admitted_total),
        ("growth target", growth),
        ("quota target", excellent),
        ("target with every field", income),
        ("result", rm.Result("93.1")),
        ("exact share", rm.Result.ratio(33, 52)),
        ("exact share of a unit in a year", rm.Result.ratio(41, 71, period=2021, entity="A")),
        ("rating", rm.Result("HTNV", period=2020)),
        ("result in another unit", rm.Result(26_150_000, unit="triệu đồng")),
        ("trailing zeros kept", rm.Result("94.50")),
        ("default policy", rm.Policy()),
        (
            "policy",
            rm.Policy(
                strict_met="exceeded", places=1, missing="skip", points="percent", progress=None
            ),
        ),
        ("policy with OpenSDG", rm.Policy(progress=rm.OpenSDG(limit=100))),
        ("policy with Eurostat", rm.Policy(progress=rm.Eurostat(horizon="short"))),
        ("policy with UNSD", rm.Policy(progress=rm.UNSD(percent=True, tolerance="0.5"))),
        ("policy with linear", rm.Policy(progress=rm.LinearProRating())),
        ("OpenSDG", rm.OpenSDG(thresholds=("0.9", "0.5"))),
        ("Eurostat", rm.Eurostat(trend_threshold="0.02")),
        ("UNSD", rm.UNSD(thresholds=("0.9", "0.2"))),
        ("LinearProRating", rm.LinearProRating()),
        (
            "progress",
            rm.LinearProRating().assess(
                base_value=50,
                base_year=2020,
                current_value=60,
                current_year=2023,
                target_value=70,
                target_year=2025,
            ),
        ),
        (
            "progress of 50 digits",
            rm.UNSD().assess(
                base_value=50,
                base_year=2015,
                current_value=61,
                current_year=2020,
                target_value=100,
                target_year=2030,
            ),
        ),
        (
            "progress with a warning",
            rm.OpenSDG(limit=100).assess(
                base_value=0, base_year=2020, current_value=8, current_year=2023
            ),
        ),
        ("verdict", rm.evaluate(rm.Target(SHARE, rm.at_least(90)), rm.Result("93.1"))),
        (
            "verdict on a fraction",
            rm.evaluate(rm.Target(SHARE, rm.at_least(60)), rm.Result.ratio(33, 52)),
        ),
        ("verdict without data", rm.evaluate(rm.Target(SHARE, rm.at_least(45)), [])),
        (
            "verdict on a rating",
            rm.evaluate(rm.Target(COMMITTEE, rm.at_least("HTTNV")), rm.Result("HTXSNV")),
        ),
        (
            "verdict over years",
            rm.evaluate(admitted_total, yearly({2020: 152, 2021: 148, 2022: 159}), as_of=AS_OF),
        ),
        (
            "verdict on ratings each year",
            rm.evaluate(
                committee_each, yearly({2020: "HTTNV", 2021: "HTXSNV", 2022: "HTTNV"}), as_of=AS_OF
            ),
        ),
        (
            "verdict with progress",
            rm.evaluate(inspected, rm.Result.ratio(825, 1300, period=2022), as_of=AS_OF),
        ),
        (
            "verdict with OpenSDG progress",
            rm.evaluate(
                inspected,
                rm.Result(50, period=2022),
                as_of=AS_OF,
                policy=rm.Policy(progress=rm.OpenSDG(limit=100)),
            ),
        ),
        ("verdict across units", rm.evaluate(units, ratings)),
        ("verdict of a quota", rm.evaluate(excellent, ratings)),
        ("verdict over units and years", rm.evaluate(income, incomes)),
        (
            "verdict on a compound growth",
            rm.evaluate(growth, yearly({2021: 62_000, 2022: 66_500}), as_of=AS_OF),
        ),
        (
            "verdict with years missing",
            rm.evaluate(
                rm.Target(PRICES, rm.between(3, 5), per="year", combine="mean", term=(2020, 2022)),
                yearly({2020: "3.2", 2022: "2.9"}),
            ),
        ),
        ("group", report.resolution.targets[0]),
        ("row", report.rows[2]),
        ("resolution", report.resolution),
        ("context", report.verdicts[5].context),
        ("report", report),
        ("report in Vietnamese", demo_report("vi")),
        ("target spec", spec),
        (
            "target spec due in the term",
            rm.parse_target("trong nhiệm kỳ kết nạp 600 đảng viên", "vi"),
        ),
        *audit_cases(),
        *problem_cases(),
    ]


def problem_cases() -> list[tuple[str, Any]]:
    """The problems of a file, as load_resolution reports them."""
    from resolmetrics.files import FileError

    broken = ROOT / "tests" / "data" / "no-such-resolution.toml"
    try:
        rm.load_resolution(broken)
    except FileError as error:
        missing = error.problems[0]
    return [
        ("problem not on a line", missing),
        ("problem of a field", rm.Problem("r.toml", 14, "target[3].text", "expected a number")),
    ]


CASES = real_cases()
CASES_BY_NAME = dict(CASES)


@pytest.mark.parametrize(("name", "value"), CASES, ids=[name for name, _ in CASES])
def test_every_value_round_trips_and_its_document_is_valid(name: str, value: Any) -> None:
    text = rmjson.dumps(value)
    document = json.loads(text)
    assert problems(document) == []
    assert document["type"] == type(value).__name__
    again = rmjson.loads(text)
    assert type(again) is type(value)
    assert again == value
    assert repr(again) == repr(value)
    assert rmjson.loads(text, type(value)) == value
    assert rmjson.structure(rmjson.unstructure(value)) == value


#: The public value types JSON writes, by name.
TYPES = {
    "Across", "Baseline", "Context", "Direction", "Eurostat", "Group", "Indicator", "Kind",
    "Level", "LinearProRating", "OpenSDG", "OrdinalScale", "Policy", "Progress", "Quantifier",
    "Quota", "Report", "Resolution", "Result", "Row", "Rule", "Status", "Target", "TargetSpec",
    "UNSD", "Verdict", "Audit", "Finding", "FindingKind", "Published", "PublishedRow",
    "Problem",
}  # fmt: skip


def test_every_type_has_a_case_and_a_place_in_the_schema() -> None:
    assert {type(value).__name__ for _, value in CASES} == TYPES
    assert set(rmjson.schema()["properties"]["type"]["enum"]) == TYPES | {"Results"}
    assert set(rm.__all__) >= TYPES


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_demo_report_is_valid_in_both_languages(lang: str) -> None:
    document = json.loads(rmjson.dumps(demo_report(lang), indent=2))
    assert problems(document) == []
    assert document["value"]["counts"] == {
        "exceeded": 5, "achieved": 3, "not_achieved": 3, "in_progress": 3, "no_data": 1,
    }  # fmt: skip
    assert set(document["value"]["summary"]) == {"en", "vi"}


def test_exact_numbers_keep_their_type() -> None:
    verdict = rm.evaluate(rm.Target(SHARE, rm.at_least(60)), rm.Result.ratio(33, 52))
    again = rmjson.loads(rmjson.dumps(verdict))
    assert again.actual == Fraction(825, 13)
    assert type(again.actual) is Fraction
    assert type(again.target.rule.bounds[0]) is Decimal
    assert again.target.indicator.limits == (Decimal(0), Decimal(100))
    result = rmjson.loads(rmjson.dumps(rm.Result("94.50")))
    assert str(result.value) == "94.50"


# --------------------------------------------------------------------------- hand-written


def envelope(kind: str, value: Any) -> dict[str, Any]:
    return {**ENVELOPE, "type": kind, "value": value}


HAND_WRITTEN = [
    (rm.between("3.5", 5), envelope("Rule", {"kind": "between", "bounds": ["3.5", "5"]})),
    (rm.at_least("HTTNV"), envelope("Rule", {"kind": "at_least", "bounds": ["HTTNV"]})),
    (rm.Baseline("4.8", 2020), envelope("Baseline", {"value": "4.8", "year": 2020,
                                                     "unit": None})),
    (rm.at_least_share("87.5"), envelope("Across", {"quantifier": "share", "value": "87.5",
                                                    "strict": False})),
    (
        rm.Result.ratio(33, 52, period=2021),
        # 33/52 of 100 percent = 3300/52 = 825/13
        envelope("Result", {"value": "825/13", "unit": "percent", "period": 2021,
                            "entity": None, "ratio_of": [33, 52]}),
    ),
    (
        rm.Result(26_150_000, unit="triệu đồng"),
        envelope("Result", {"value": "26150000", "unit": "triệu đồng", "period": None,
                            "entity": None, "ratio_of": None}),
    ),
    (
        POVERTY,
        envelope("Indicator", {"key": "poverty", "name": "", "unit": "percent",
                               "direction": "lower_is_better", "scale": None,
                               "limits": ["0", "100"]}),
    ),
    (
        rm.Target(SHARE, rm.at_least(60), due=date(2025, 6, 30)),
        envelope("Target", {
            "indicator": {"key": "org_good", "name": "Base organisations rated good+",
                          "unit": "percent", "direction": None, "scale": None,
                          "limits": ["0", "100"]},
            "rule": {"kind": "at_least", "bounds": ["60"]},
            "unit": "percent", "label": "", "per": None, "combine": None,
            "due": "2025-06-30", "across": None, "growth": None, "term": None,
            "baseline": None,
        }),
    ),
    (
        rm.evaluate(rm.Target(rm.Indicator("org_good", unit="percent"), rm.at_least(90)),
                    rm.Result("93.1")),
        envelope("Verdict", {
            "target": {
                "indicator": {"key": "org_good", "name": "", "unit": "percent",
                              "direction": None, "scale": None, "limits": None},
                "rule": {"kind": "at_least", "bounds": ["90"]},
                "unit": "percent", "label": "", "per": None, "combine": None, "due": None,
                "across": None, "growth": None, "term": None, "baseline": None,
            },
            "status": "exceeded",
            "actual": "93.1",
            "context": None,
            "met": True,
            "margin": "3.1",            # 93.1 - 90
            "bound": "90",
            "relative_margin": "31/900",  # 3.1 / 90
            "attainment": "931/900",      # 93.1 / 90
            "explanation": {"en": "exceeded by 3.1 percentage points",
                            "vi": "Vượt 3,1 điểm phần trăm"},
            "policy": {"strict_met": "achieved", "places": 2, "rounding": "ROUND_HALF_UP",
                       "missing": "no_data", "points": "words", "progress": "linear"},
            "parts": [],
        }),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("value", "document"), HAND_WRITTEN,
                         ids=[type(value).__name__ for value, _ in HAND_WRITTEN])  # fmt: skip
def test_hand_written_documents(value: Any, document: dict[str, Any]) -> None:
    assert json.loads(rmjson.dumps(value)) == document
    assert rmjson.loads(json.dumps(document)) == value
    assert problems(document) == []


def test_a_minimal_hand_written_document_reads_with_defaults() -> None:
    """Fields with a default may be left out; derived fields are optional."""
    text = """{"schema": "urn:resolmetrics:schema:1", "version": 1, "type": "Verdict",
               "value": {"target": {"indicator": {"key": "admitted", "unit": "member"},
                                    "rule": {"kind": "at_least", "bounds": ["100"]}},
                         "status": "not_achieved", "actual": "98"}}"""
    verdict = rmjson.loads(text, rm.Verdict)
    assert verdict == rm.Verdict(rm.Target(rm.Indicator("admitted", unit="member"),
                                           rm.at_least(100)), rm.Status.NOT_ACHIEVED,
                                 Decimal(98))  # fmt: skip
    assert verdict.margin == -2
    assert problems(json.loads(text)) == []


def test_parts_leave_out_the_target_and_policy_they_share() -> None:
    target = rm.Target(ADMITTED, rm.at_least(100), per="year", combine="each",
                       term=(2021, 2022))  # fmt: skip
    verdict = rm.evaluate(target, yearly({2021: 104, 2022: 98}))
    document = json.loads(rmjson.dumps(verdict))["value"]
    assert [sorted(set(part) & {"target", "policy"}) for part in document["parts"]] == [[], []]
    assert [(p["status"], p["actual"], p["margin"]) for p in document["parts"]] == [
        ("exceeded", "104", "4"),
        ("not_achieved", "98", "-2"),
    ]
    assert (document["status"], document["actual"], document["margin"]) == (
        "not_achieved", "98", "-2",
    )  # fmt: skip
    again = rmjson.loads(rmjson.dumps(verdict))
    assert [part.target for part in again.parts] == [target, target]
    assert again == verdict


def test_a_part_with_a_target_of_its_own_keeps_it() -> None:
    excellent = rm.Target(
        COMMITTEE, rm.quota(rm.at_least("HTXSNV"), at_most=20, of=None, rounding="down")
    )
    ratings = [rm.Result(level, entity=name) for name, level in
               {"A": "HTXSNV", "B": "HTTNV", "C": "HTNV"}.items()]  # fmt: skip
    verdict = rm.evaluate(excellent, ratings)
    document = json.loads(rmjson.dumps(verdict))["value"]
    # each unit is judged on the level of the quota, not on the quota itself
    assert [part["target"]["rule"] for part in document["parts"]] == [
        {"kind": "at_least", "bounds": ["HTXSNV"]}
    ] * 3
    assert [part["status"] for part in document["parts"]] == [
        "achieved", "not_achieved", "not_achieved",
    ]  # fmt: skip
    assert ["policy" in part for part in document["parts"]] == [False] * 3
    assert rmjson.loads(rmjson.dumps(verdict)) == verdict


# --------------------------------------------------------------------------- the schema


def test_the_schema_is_published_twice_identically() -> None:
    docs = ROOT / "docs" / "schema" / "resolmetrics-1.schema.json"
    package = ROOT / "src" / "resolmetrics" / "schema" / "resolmetrics-1.schema.json"
    assert docs.read_bytes() == package.read_bytes()
    assert rmjson.schema() == json.loads(docs.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = rmjson.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == rmjson.SCHEMA_ID == "urn:resolmetrics:schema:1"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"]["const"] == rmjson.VERSION == 1


def test_schema_returns_a_new_dict_each_time() -> None:
    first = rmjson.schema()
    first["$id"] = "changed"
    assert rmjson.schema()["$id"] == "urn:resolmetrics:schema:1"


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (["value", "actual"], 93.1),          # a number where an exact string is required
        (["value", "actual"], "1e3"),         # not plain notation
        (["value", "actual"], "1/0"),         # a ratio that divides by zero
        (["value", "status"], "Exceeded"),    # enum values are lower case
        (["value", "colour"], "red"),         # unknown field
        (["value", "policy", "places"], 13),  # out of range
        (["version"], 2),
        (["type"], "Verdikt"),
        (["value", "target", "rule", "bounds"], ["90", "95"]),  # at_least takes one bound
        (["value", "target", "rule", "bounds"], []),
        (["value", "target", "rule"], {"kind": "between", "bounds": ["90"]}),  # two bounds
        (["value", "target", "rule"], {"kind": "between", "bounds": ["90", "95", "99"]}),
        (["value", "target", "rule"], {"kind": "between", "bounds": ["90", "HTTNV"]}),
        (["value", "actual"], "NaN"),         # neither an exact number nor a level
        (["value", "actual"], "Infinity"),
        (["value", "actual"], "-inf"),
        (["value", "actual"], "sNaN"),
        (["value", "actual"], " "),
        (["value", "target", "rule", "bounds"], ["nan"]),
    ],
)  # fmt: skip
def test_the_schema_rejects_what_loads_rejects(place: list[str], value: object) -> None:
    document = json.loads(rmjson.dumps(CASES_BY_NAME["verdict"]))
    holder = document
    for key in place[:-1]:
        holder = holder[key]
    holder[place[-1]] = value
    assert problems(document) != []
    with pytest.raises(rmjson.JSONError):
        rmjson.structure(document)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("93.1", True), ("41/71", True), ("-0.5", True),    # exact numbers
        ("HTTNV", True), ("3 sao", True), ("Loại 1", True),  # levels: not like a number
        ("A+", True), ("Info", True), ("infinite", True),    # words that only begin like inf
        ("NaN", False), ("nan", False), ("Infinity", False), ("+inf", False), ("-INF", False),
        ("sNaN", False), ("", False), ("  ", False),
        ("93,1", False), ("1e3", False), ("10%", False), ("1_000", False),  # numbers, unread
    ],
)  # fmt: skip
def test_exact_numbers_and_levels_are_told_apart_as_loads_tells_them(
    value: str, valid: bool
) -> None:
    document = envelope("Result", {"value": value})
    assert (problems(document) == []) is valid
    if valid:
        assert rmjson.structure(document).value == rm.Result(value).value
    else:
        with pytest.raises(rmjson.JSONError):
            rmjson.structure(document)


@pytest.mark.parametrize(
    ("rule", "valid"),
    [
        ({"kind": "at_least", "bounds": ["90"]}, True),
        ({"kind": "above", "bounds": ["HTTNV"]}, True),
        ({"kind": "between", "bounds": ["3", "5"]}, True),
        ({"kind": "between", "bounds": ["HTNV", "HTXSNV"]}, True),
        ({"kind": "at_least", "bounds": ["90", "95"]}, False),
        ({"kind": "at_most", "bounds": ["3", "5"]}, False),
        ({"kind": "below", "bounds": []}, False),
        ({"kind": "exactly", "bounds": ["1", "2"]}, False),
        ({"kind": "between", "bounds": ["3"]}, False),
        ({"kind": "between", "bounds": ["3", "HTNV"]}, False),
    ],
)  # fmt: skip
def test_the_schema_counts_the_bounds_of_each_kind_of_rule(
    rule: dict[str, Any], valid: bool
) -> None:
    document = envelope("Rule", rule)
    assert (problems(document) == []) is valid
    if valid:
        assert rmjson.structure(document).bounds == tuple(
            rm.Rule.parse(f"between {rule['bounds'][0]} and {rule['bounds'][1]}").bounds
            if rule["kind"] == "between" else rm.at_least(rule["bounds"][0]).bounds
        )  # fmt: skip
    else:
        with pytest.raises(rmjson.JSONError):
            rmjson.structure(document)


# --------------------------------------------------------------------------- errors


RULE = envelope("Rule", {"kind": "at_least", "bounds": ["95"]})
RESULT = envelope("Result", {"value": "93.1", "unit": "percent"})
_EXACT = 'an exact number written as a string, a decimal such as "93.1" or a ratio such as "41/71"'


def changed_json(document: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    """*document* parsed again after :func:`changed`."""
    result: dict[str, Any] = json.loads(changed(document, path, value))
    return result


def changed(document: dict[str, Any], path: list[Any], value: Any) -> str:
    """*document* as JSON text with the field at *path* set to *value* (or removed: ...)."""
    copy = json.loads(json.dumps(document))
    holder = copy
    for key in path[:-1]:
        holder = holder[key]
    if value is ...:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return json.dumps(copy, ensure_ascii=False)


YEARLY = json.loads(
    rmjson.dumps(rm.evaluate(rm.Target(ADMITTED, rm.at_least(100), per="year", combine="each",
                                       term=(2021, 2022)), yearly({2021: 104, 2022: 98})))
)  # fmt: skip
REPORT = json.loads(rmjson.dumps(demo_report()))

BAD_DOCUMENTS = [
    (
        "wrong type tag",
        json.dumps(RULE), rm.Result,
        'type: expected a Result document, got "Rule"; read it with loads(text, Rule), or with '
        "loads(text) to build whatever the document holds",
    ),
    (
        "unknown type",
        changed(RULE, ["type"], "Rul"), None,
        'type: expected the name of a resolmetrics type, got "Rul" (a string); did you mean '
        '"Rule"?',
    ),
    (
        "later version",
        changed(RULE, ["version"], 2), None,
        "version: this release of resolmetrics reads version 1 of the JSON format, got version 2, "
        "written by a later release; read it with that release",
    ),
    (
        "version as a string",
        changed(RULE, ["version"], "1"), None,
        'version: expected the format version as a whole number, got "1" (a string)',
    ),
    (
        "another schema",
        changed(RULE, ["schema"], "urn:example:other"), None,
        'schema: expected "urn:resolmetrics:schema:1", got "urn:example:other" (a string); this '
        "is not a resolmetrics document of this format",
    ),
    (
        "no envelope",
        json.dumps({"kind": "at_least", "bounds": ["95"]}), None,
        "version: this field is missing; a resolmetrics document needs it",
    ),
    (
        "not an object",
        "[1, 2]", None,
        'a resolmetrics document is an object with the fields "schema", "version", "type" and '
        '"value", got [1, 2] (an array)',
    ),
    (
        "not JSON",
        '{"schema": "urn:resolmetrics:schema:1",', None,
        "the text is not valid JSON: Expecting property name enclosed in double quotes at "
        "line 1, column 40",
    ),
    (
        "a number where an exact string is required",
        changed(RULE, ["value", "bounds", 0], 95), None,
        f'value.bounds[0]: expected {_EXACT}, or a rating level such as "HTTNV", got 95 '
        '(a number); write it as the string "95"',
    ),
    (
        "a float where an exact string is required",
        changed(RESULT, ["value", "value"], 93.1), None,
        f'value.value: expected {_EXACT}, or a rating level such as "HTTNV", got 93.1 '
        '(a number); write it as the string "93.1"',
    ),
    (
        "a bad fraction",
        changed(RESULT, ["value", "value"], "1/0"), None,
        f'value.value: expected {_EXACT}, got "1/0" (a string): a ratio cannot divide by zero',
    ),
    (
        "scientific notation",
        changed(RESULT, ["value", "value"], "9.31e1"), None,
        f'value.value: expected {_EXACT}, got "9.31e1" (a string); in plain decimal notation '
        'it is "93.1"',
    ),
    (
        "missing field",
        changed(RULE, ["value", "kind"], ...), None,
        "value.kind: this field is missing; a Rule needs it",
    ),
    (
        "unknown field",
        changed(RULE, ["value", "bound"], "95"), None,
        'value: unknown field "bound"; a Rule has the fields "kind", "bounds"',
    ),
    (
        "an enum value in the wrong case",
        changed(RULE, ["value", "kind"], "AT_LEAST"), None,
        'value.kind: expected one of "at_least", "above", "at_most", "below", "between", '
        '"exactly", got "AT_LEAST" (a string)',
    ),
    (
        "a year as a string",
        changed(RESULT, ["value", "period"], "2021"), None,
        'value.period: expected a whole number, got "2021" (a string); write it without '
        "quotes: 2021",
    ),
    (
        "a day not in the calendar",
        changed(REPORT, ["value", "as_of"], "2023-02-30"), None,
        'value.as_of: expected a date, got "2023-02-30" (a string), which is not a day of the '
        "calendar",
    ),
    (
        "a verdict that is not an object",
        changed(YEARLY, ["value"], 98), None,
        "value: expected an object (a Verdict), got 98 (a number)",
    ),
    (
        "a share's result that is not an object",
        changed(RESULT, ["value"], "93.1"), None,
        'value: expected an object (a Result), got "93.1" (a string)',
    ),
    (
        "a field the constructor refuses",
        changed(RULE, ["value", "bounds"], ["5", "3"]), None,
        "value: not a valid Rule: at_least takes one bound, got 2",
    ),
    (
        "a field the constructor refuses, in a target",
        changed(YEARLY, ["value", "target", "rule", "bounds"], ["100", "120"]), None,
        "value.target.rule: not a valid Rule: at_least takes one bound, got 2",
    ),
    (
        "between with one bound, in a target",
        changed(YEARLY, ["value", "target", "rule"], {"kind": "between", "bounds": ["100"]}),
        None,
        "value.target.rule: not a valid Rule: between takes two bounds, got 1",
    ),
    (
        "an explanation in a language the library does not write",
        changed(YEARLY, ["value", "explanation", "fr"], "non atteint"), None,
        'value.explanation: unknown language "fr"; the languages are "en" and "vi"',
    ),
    (
        "a summary in two languages the library does not write",
        changed(changed_json(REPORT, ["value", "summary", "fr"], "x"),
                ["value", "summary", "de"], "y"), None,
        'value.summary: unknown languages "de", "fr"; the languages are "en" and "vi"',
    ),
    (
        "an explanation that is not text",
        changed(YEARLY, ["value", "explanation", "en"], 3), None,
        'value.explanation: expected the text in "en" as a string, got 3 (a number)',
    ),
    (
        "deep in a report",
        changed(REPORT, ["value", "rows", 2, "verdicts", 0, "parts", 1, "actual"], 148), None,
        f"value.rows[2].verdicts[0].parts[1].actual: expected {_EXACT}, or a rating level such "
        'as "HTTNV", got 148 (a number); write it as the string "148"',
    ),
    (
        "a derived field that disagrees",
        changed(YEARLY, ["value", "margin"], "2"), None,
        'value.margin: the document says "2", but the verdict\'s margin is "-2"; derived fields '
        "are recomputed when a document is read: correct the field or leave it out",
    ),
    (
        "a derived flag that disagrees, in a part",
        changed(YEARLY, ["value", "parts", 1, "met"], True), None,
        "value.parts[1].met: the document says true, but the verdict's met is false; derived "
        "fields are recomputed when a document is read: correct the field or leave it out",
    ),
    (
        "counts that disagree",
        changed(REPORT, ["value", "counts", "no_data"], 0), None,
        'value.counts: the document says {"exceeded": 5, "achieved": 3, "not_achieved": 3, '
        '"in_progress": 3, "no_data": 0}, but the report\'s counts are {"exceeded": 5, '
        '"achieved": 3, "not_achieved": 3, "in_progress": 3, "no_data": 1}; derived fields are '
        "recomputed when a document is read: correct the field or leave it out",
    ),
    (
        "counts of a share that disagree with its value",
        changed(envelope("Result", {"value": "825/13", "unit": "percent",
                                    "ratio_of": [33, 52]}), ["value", "ratio_of"], [33, 51]),
        None,
        "value.ratio_of: 33 of 51 is 1100/17 percent, but the result is 825/13 percent; "
        "correct the counts or the value",
    ),
    (
        "a progress method misspelt",
        changed(envelope("Policy", {"progress": "linear"}), ["value", "progress"], "liner"), None,
        'value.progress: expected one of "linear", "open_sdg", "eurostat", "unsd", null, or a '
        'method object, got "liner" (a string); did you mean "linear"?',
    ),
    (
        "a term as text",
        changed(YEARLY, ["value", "target", "term"], "2021-2022"), None,
        'value.target.term: expected an array of 2 items, got "2021-2022" (a string)',
    ),
    (
        "a rule that is neither",
        json.dumps(envelope("Target", {"indicator": {"key": "x"}, "rule": {"at": "95"}})), None,
        'value.rule: expected a rule or a quota (an object with a field "kind" or "level"), '
        'got {"at": "95"} (an object)',
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [case[1:] for case in BAD_DOCUMENTS],
    ids=[case[0] for case in BAD_DOCUMENTS],
)
def test_bad_documents_raise_one_clear_error(text: str, kind: type | None, message: str) -> None:
    raises_exactly(lambda: rmjson.loads(text, kind), rmjson.JSONError, message)


def test_json_error_is_a_resolmetrics_error_and_a_value_error() -> None:
    with pytest.raises(rm.ResolmetricsError) as info:
        rmjson.loads(changed(RULE, ["version"], 3))
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, rmjson.JSONError)
    assert error.path == "version"
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert copy.path == "version"


def test_a_target_the_library_refuses_is_named_with_its_place() -> None:
    text = changed(YEARLY, ["value", "target", "indicator", "direction"], "lower_is_better")
    raises_exactly(
        lambda: rmjson.loads(text),
        rmjson.JSONError,
        "value.target: not a valid Target: indicator 'admitted' is lower is better, but the rule "
        "at_least(100) implies higher is better; use at_most/below/between/exactly for this "
        "indicator, or correct its direction",
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: rmjson.dumps(42),
            rm.InvalidArgumentTypeError,
            "dumps(value) must be a resolmetrics value such as a Verdict, a Report or a "
            "Target, got 42 of type int; the types written as JSON are: " + ", ".join(sorted(
                set(rmjson.schema()["properties"]["type"]["enum"]))),
        ),
        (
            lambda: rmjson.unstructure(42),
            rm.InvalidArgumentTypeError,
            "unstructure(value) must be a resolmetrics value such as a Verdict, a Report or a "
            "Target, got 42 of type int; the types written as JSON are: " + ", ".join(sorted(
                set(rmjson.schema()["properties"]["type"]["enum"]))),
        ),
        (
            lambda: rmjson.dumps(rm.Result(1), indent=-1),
            rm.InvalidArgumentError,
            "dumps(indent) must be None or a number of spaces (an int, 0 or more), got -1",
        ),
        (
            lambda: rmjson.loads(b"{}", int),
            rm.InvalidArgumentError,
            "structure(type) / loads(type) must be a resolmetrics type written as JSON, got "
            "<class 'int'>; use one of: " + ", ".join(sorted(TYPES))
            + ", dict (for Results), or None to build what the document says",
        ),
        (
            lambda: rmjson.loads({"schema": rmjson.SCHEMA_ID}),  # type: ignore[arg-type]
            rm.InvalidArgumentTypeError,
            "loads(text) must be the JSON text, a str or bytes, got {'schema': "
            "'urn:resolmetrics:schema:1'} of type dict; use structure() for parsed data",
        ),
    ],
    ids=["unsupported value", "unsupported value (unstructure)", "bad indent",
         "unsupported type", "parsed data to loads"],
)  # fmt: skip
def test_bad_calls(call: Any, error: type[Exception], message: str) -> None:
    raises_exactly(call, error, message)


def test_a_progress_method_of_ones_own_is_not_written() -> None:
    class Halfway:
        def assess(self, **inputs: object) -> None:
            return None

        def __repr__(self) -> str:
            return "Halfway()"

    policy = rm.Policy(progress=Halfway())
    with pytest.raises(rm.InvalidArgumentError, match=re.escape(
        "Policy(progress)=Halfway() is a progress method JSON cannot write; JSON writes "
        "'linear', 'open_sdg', 'eurostat', 'unsd', None, and OpenSDG, Eurostat, UNSD and "
        "LinearProRating objects"
    )):  # fmt: skip
        rmjson.dumps(policy)


def test_bytes_are_read_as_utf8() -> None:
    text = rmjson.dumps(rm.Result(25_000, unit="tỷ đồng")).encode("utf-8")
    assert rmjson.loads(text) == rm.Result(25_000, unit="tỷ đồng")
    raises_exactly(lambda: rmjson.loads(b'{"a": "\xff"}'), rmjson.JSONError,
                   "the text is not valid JSON: not UTF-8 text")  # fmt: skip


def test_import_resolmetrics_loads_neither_cattrs_nor_the_json_module() -> None:
    code = (
        "import sys, resolmetrics; "
        "print(sorted(m for m in ('cattrs', 'resolmetrics.json') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- results


def test_the_demo_results_round_trip_as_one_document() -> None:
    results = demo_results()
    text = rmjson.dumps(results)
    document = json.loads(text)
    assert problems(document) == []
    assert document["type"] == "Results"
    assert list(document["value"]) == list(results)
    # "inspected" is 33 of 52: a share that keeps its counts
    assert document["value"]["inspected"] == [
        {"value": "825/13", "unit": "percent", "period": 2022, "entity": None,
         "ratio_of": [33, 52]},
    ]  # fmt: skip
    again = rmjson.loads(text)
    assert type(again) is dict
    assert all(type(items) is list for items in again.values())
    assert again == results
    assert rmjson.loads(text, dict) == results
    assert rmjson.structure(rmjson.unstructure(results)) == results
    resolution: rm.Resolution = demo_resolution()  # type: ignore[assignment]
    assert resolution.evaluate(again, as_of=AS_OF) == demo_report()


def test_a_hand_written_results_document() -> None:
    text = json.dumps(envelope("Results", {
        "org_good": [{"value": "93.1", "period": 2022}],
        "committee": [{"value": "HTTNV", "period": 2021}, {"value": "HTXSNV", "period": 2022}],
        "revenue": [],
    }))  # fmt: skip
    assert rmjson.loads(text) == {
        "org_good": [rm.Result("93.1", period=2022)],
        "committee": [rm.Result("HTTNV", period=2021), rm.Result("HTXSNV", period=2022)],
        "revenue": [],
    }
    assert problems(json.loads(text)) == []
    # tuples are written as arrays, and read back as lists
    assert rmjson.loads(rmjson.dumps({"x": (rm.Result(1),)})) == {"x": [rm.Result(1)]}
    assert rmjson.loads(rmjson.dumps({})) == {}


_RESULTS_DICT = (
    "dumps(value) is a dict, which is written as Results: indicator keys (str) mapped to lists "
    "of Result, such as {'org_good': [Result('93.1')]}; but "
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"org_good": [rm.Result("93.1"), 93.1]},
         "value['org_good'][1] is 93.1, a float, not a Result"),
        ({"org_good": [rm.Result("93.1"), rm.evaluate(rm.Target(SHARE, rm.at_least(90)),
                                                       rm.Result(93))]},
         # the value is shown to 57 characters: "Verdict(" 8, "target=" 15, "Target(" 22,
         # "Indicator(" 32, "'org_good'" 42, ", " 44, "name='" 50, "Base or" 57
         "value['org_good'][1] is Verdict(target=Target(Indicator('org_good', name='Base or..., "
         "a Verdict, not a Result"),
        ({2022: [rm.Result("93.1")]},
         "its key 2022 is an int, not an indicator key (a str)"),
        ({"org_good": rm.Result("93.1")},
         "value['org_good'] is Result('93.1'), not a list of Results: put it in a list, "
         "[Result('93.1')]"),
        ({"org_good": "93.1"},
         "value['org_good'] is '93.1', not a list of Results"),
    ],
    ids=["a float in a list", "a verdict in a list", "a year as a key", "a bare result",
         "a figure"],
)  # fmt: skip
def test_a_dict_that_is_not_results_is_refused(value: Any, message: str) -> None:
    raises_exactly(lambda: rmjson.dumps(value), rm.InvalidArgumentTypeError,
                   _RESULTS_DICT + message)  # fmt: skip


RESULTS = envelope("Results", {"org_good": [{"value": "93.1"}, {"value": "95"}]})


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        (changed(RESULTS, ["value", "org_good", 1], 95), None,
         "value.org_good[1]: expected an object (a Result), got 95 (a number)"),
        (changed(RESULTS, ["value", "org_good", 1, "value"], 95), None,
         f'value.org_good[1].value: expected {_EXACT}, or a rating level such as "HTTNV", got '
         '95 (a number); write it as the string "95"'),
        (changed(RESULTS, ["value", "org good"], [{"value": "1", "year": 2022}]), None,
         'value["org good"][0]: unknown field "year"; a Result has the fields "value", "unit", '
         '"period", "entity", "ratio_of"'),
        (changed(RESULTS, ["value", "org_good"], {"value": "93.1"}), None,
         'value.org_good: expected an array of results, got {"value": "93.1"} (an object)'),
        (changed(RESULTS, ["value"], [{"value": "93.1"}]), None,
         'value: expected an object of results by indicator key, such as {"org_good": '
         '[{"value": "93.1"}]}, got [{"value": "93.1"}] (an array)'),
        (json.dumps(RESULTS), rm.Report,
         'type: expected a Report document, got "Results"; read it with loads(text, dict), or '
         "with loads(text) to build whatever the document holds"),
        (json.dumps(RULE), dict,
         'type: expected a Results document, got "Rule"; read it with loads(text, Rule), or '
         "with loads(text) to build whatever the document holds"),
    ],
    ids=["a number for a result", "a number for a value", "an unknown field", "not a list",
         "not an object", "read as a report", "a rule read as results"],
)  # fmt: skip
def test_bad_results_documents_raise_one_clear_error(
    text: str, kind: type | None, message: str
) -> None:
    raises_exactly(lambda: rmjson.loads(text, kind), rmjson.JSONError, message)
    if kind is None:
        assert problems(json.loads(text)) != []


# --------------------------------------------------------------------------- audits

AUDIT = example_audit()
AUDIT_TEXT = rmjson.dumps(AUDIT, indent=2)
AUDIT_DOCUMENT = json.loads(AUDIT_TEXT)
RECOMPUTED = (
    "derived fields are recomputed when a document is read: correct the field or leave it out"
)
#: The component rows of examples/audit/published.csv in table order; the heading row "1"
#: (its verdict cell empty) is not a component, the unnumbered last row is the summary.
COMPONENTS = ["1a", "1b", *map(str, range(2, 15))]


def test_the_example_audit_document() -> None:
    """The two deliberate mistakes of the example table, worked out by hand:

    - 1a "Vượt 4%": 94% against "above 90%", a strict bound that is met, is achieved, not
      exceeded: the status differs;
    - 6 "Đạt 90,6% so với nghị quyết": 33 of 52 organisations inspected is 63.4615...%, which
      is 90.659...% of the 70% targeted: 90.7 rounded half-up to one decimal; 90.6 is it
      truncated.

    Every other row, and the summary sentence, agrees.
    """
    assert problems(AUDIT_DOCUMENT) == []
    assert AUDIT_DOCUMENT["type"] == "Audit"
    value = AUDIT_DOCUMENT["value"]
    assert list(value) == [
        "report", "published", "lang", "findings", "ok", "counts", "summary",
    ]  # fmt: skip
    assert value["lang"] == "vi"
    assert value["ok"] is False
    assert value["counts"] == {"agreements": 14, "disagreements": 2}
    assert value["summary"] == {
        "en": "2 disagreements, 14 agreements",
        "vi": "2 điểm không khớp, 14 điểm khớp",
    }
    findings = value["findings"]
    assert [f["number"] for f in findings] == [*COMPONENTS, ""]
    assert [(f["number"], f["kind"]) for f in findings if not f["agrees"]] == [
        ("1a", "status"),
        ("6", "truncated"),
    ]
    assert [f["agrees"] for f in findings] == [f["kind"] == "agrees" for f in findings]
    assert (findings[0]["published"], findings[6]["published"]) == (
        "Vượt 4%", "Đạt 90,6% so với nghị quyết",
    )  # fmt: skip
    assert findings[-1]["label"] == "Tổng hợp"
    assert set(findings[0]) == {
        "number", "label", "kind", "published", "computed", "reason", "agrees",
    }  # fmt: skip
    published = value["published"]
    assert [row["number"] for row in published["rows"]] == ["1", *COMPONENTS]
    assert [row["line"] for row in published["rows"]] == list(range(2, 18))
    assert published["rows"][1] == {
        "number": "1a", "verdict": "Vượt 4%",
        "target": "Trên 90% chi bộ hoàn thành tốt nhiệm vụ trở lên", "result": "94%", "line": 3,
    }  # fmt: skip
    assert published["summary"].startswith("Hoàn thành và vượt 8/15 chỉ tiêu;")
    assert (published["lang"], published["source"]) == ("vi", str(PUBLISHED))
    assert value["report"]["counts"] == {
        "exceeded": 5, "achieved": 3, "not_achieved": 3, "in_progress": 3, "no_data": 1,
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_example_audit_round_trips(lang: str) -> None:
    value = example_audit(lang)
    text = rmjson.dumps(value)
    again = rmjson.loads(text, rm.Audit)
    assert type(again) is rm.Audit
    assert again == value
    assert again.findings == value.findings
    assert [(f.number, f.kind) for f in again.disagreements] == [
        ("1a", rm.FindingKind.STATUS),
        ("6", rm.FindingKind.TRUNCATED),
    ]
    assert again.ok is False
    assert again.published.source == str(PUBLISHED)
    assert [row.line for row in again.published.rows] == list(range(2, 18))
    assert rmjson.structure(rmjson.unstructure(value)) == value


def test_an_audit_document_reads_without_its_derived_fields() -> None:
    value = AUDIT_DOCUMENT["value"]
    bare = {key: value[key] for key in ("report", "published", "lang")}
    again = rmjson.structure(envelope("Audit", bare))
    assert again == AUDIT
    assert again.findings == AUDIT.findings
    assert problems(envelope("Audit", bare)) == []


def test_the_texts_of_findings_are_read_only() -> None:
    """A finding's computed verdict and reason are wording: another wording is read (and
    replaced by this release's own); its number, label, kind and published text are checked."""
    text = changed(AUDIT_DOCUMENT, ["value", "findings", 0, "reason"], "reworded")
    again = rmjson.loads(changed(json.loads(text), ["value", "findings", 0, "computed"], "Đ"))
    assert again.findings[0].reason == AUDIT.findings[0].reason != "reworded"
    assert again.findings[0].computed == "Đạt"


def test_a_hand_written_audit_of_one_row() -> None:
    """94.5% against "92% or more" is exceeded by 94.5 - 92 = 2.5 percentage points; the
    published "2,72%" is the relative change 2.5 / 92 = 2.717...%, percent for points."""
    members = rm.Indicator("members_good", name="Members rated good", unit="percent")
    resolution = rm.Resolution("Resolution", [rm.Target(members, rm.at_least(92))])
    report = resolution.evaluate({"members_good": rm.Result("94.5")})
    row = {"number": "1", "verdict": "Vượt 2,72%", "target": "", "result": "", "line": None}
    table = {"rows": [row], "summary": None, "lang": "vi", "source": None}
    assert json.loads(rmjson.dumps(rm.Published({"1": "Vượt 2,72%"}))) == envelope(
        "Published", table
    )
    document = envelope(
        "Audit",
        {"report": rmjson.unstructure(report)["value"], "published": {"rows": [row]},
         "lang": "en", "ok": False, "counts": {"agreements": 0, "disagreements": 1}},
    )  # fmt: skip
    assert problems(document) == []
    result = rmjson.structure(document, rm.Audit)
    assert [(f.number, f.label, f.kind, f.published) for f in result.findings] == [
        ("1", "Members rated good", rm.FindingKind.PERCENT_FOR_POINTS, "Vượt 2,72%")
    ]
    finding = rm.Finding("1", "Members rated good", rm.FindingKind.PERCENT_FOR_POINTS,
                         "Vượt 2,72%", "exceeded by 2.5 percentage points", "percent")  # fmt: skip
    assert json.loads(rmjson.dumps(finding)) == envelope("Finding", {
        "number": "1", "label": "Members rated good", "kind": "percent_for_points",
        "published": "Vượt 2,72%", "computed": "exceeded by 2.5 percentage points",
        "reason": "percent", "agrees": False,
    })  # fmt: skip
    assert json.loads(rmjson.dumps(rm.FindingKind.MISSING)) == envelope("FindingKind", "missing")


def with_finding(index: int, **fields: Any) -> str:
    """The example audit's document with fields of its finding *index* changed."""
    copy = json.loads(AUDIT_TEXT)
    copy["value"]["findings"][index].update(fields)
    return json.dumps(copy, ensure_ascii=False)


BAD_AUDITS = [
    (
        "ok tampered",
        changed(AUDIT_DOCUMENT, ["value", "ok"], True), None,
        f"value.ok: the document says true, but the audit's ok is false; {RECOMPUTED}",
    ),
    (
        "ok as a string",
        changed(AUDIT_DOCUMENT, ["value", "ok"], "false"), None,
        'value.ok: expected true or false, got "false" (a string)',
    ),
    (
        "a disagreement turned into an agreement",
        with_finding(0, kind="agrees", agrees=True), rm.Audit,
        f'value.findings[0].kind: the document says "agrees", but the finding\'s kind is '
        f'"status"; {RECOMPUTED}',
    ),
    (
        "a truncated figure called a rounded input",
        with_finding(6, kind="rounded_inputs"), None,
        f'value.findings[6].kind: the document says "rounded_inputs", but the finding\'s kind '
        f'is "truncated"; {RECOMPUTED}',
    ),
    (
        "agrees that contradicts the kind",
        with_finding(1, agrees=False), None,
        f'value.findings[1].agrees: the document says false, but the finding\'s agrees is true '
        f'(its kind is "agrees"); {RECOMPUTED}',
    ),
    (
        "a published text edited",
        with_finding(1, published="Vượt 2,6%"), None,
        f'value.findings[1].published: the document says "Vượt 2,6%", but the finding\'s '
        f'published is "Vượt 2,5%"; {RECOMPUTED}',
    ),
    (
        "a finding left out",
        changed(AUDIT_DOCUMENT, ["value", "findings", 15], ...), None,
        f"value.findings: the document has 15 findings, but the audit has 16; {RECOMPUTED}",
    ),
    (
        "a finding's kind misspelt",
        with_finding(3, kind="agree"), None,
        'value.findings[3].kind: expected one of "agrees", "status", "truncated", '
        '"rounded_inputs", "percent_for_points", "margin", "summary", "missing", '
        '"unknown_row", "unreadable", got "agree" (a string); did you mean "agrees"?',
    ),
    (
        "counts tampered",
        changed(AUDIT_DOCUMENT, ["value", "counts"], {"agreements": 16, "disagreements": 0}),
        None,
        'value.counts: the document says {"agreements": 16, "disagreements": 0}, but the '
        f'audit\'s counts are {{"agreements": 14, "disagreements": 2}}; {RECOMPUTED}',
    ),
    (
        "an unknown field",
        changed(AUDIT_DOCUMENT, ["value", "disagreements"], 2), None,
        'value: unknown field "disagreements"; an Audit has the fields "report", "published", '
        '"lang", "findings", "ok", "counts", "summary"',
    ),
    (
        "a language the library does not write",
        changed(AUDIT_DOCUMENT, ["value", "published", "lang"], "fr"), None,
        "value.published: not a valid Published: lang='fr' is not a supported language; use "
        "'vi' or 'en'",
    ),
    (
        "a line as a string",
        changed(AUDIT_DOCUMENT, ["value", "published", "rows", 1, "line"], "3"), None,
        'value.published.rows[1].line: expected a whole number, got "3" (a string); write it '
        "without quotes: 3",
    ),
    (
        "an audit read as a report",
        AUDIT_TEXT, rm.Report,
        'type: expected a Report document, got "Audit"; read it with loads(text, Audit), or '
        "with loads(text) to build whatever the document holds",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [case[1:] for case in BAD_AUDITS],
    ids=[case[0] for case in BAD_AUDITS],
)
def test_bad_audit_documents_raise_one_clear_error(
    text: str, kind: type | None, message: str
) -> None:
    raises_exactly(lambda: rmjson.loads(text, kind), rmjson.JSONError, message)


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (["value", "ok"], "false"),                              # a flag as a string
        (["value", "findings", 0, "kind"], "agree"),             # not a kind
        (["value", "findings", 0, "colour"], "red"),             # unknown field of a finding
        (["value", "counts", "agreements"], -1),                 # a count below zero
        (["value", "published", "lang"], "fr"),                  # not a language
        (["value", "published", "rows", 0, "line"], "2"),        # a line as a string
        (["value", "published", "rows", 0, "verdict"], ...),     # a required field left out
    ],
)  # fmt: skip
def test_the_schema_rejects_what_loads_rejects_in_an_audit(
    place: list[Any], value: object
) -> None:
    document = json.loads(changed(AUDIT_DOCUMENT, place, value))
    assert problems(document) != []
    with pytest.raises(rmjson.JSONError):
        rmjson.structure(document)


# ----------------------------------------------------------------- a status its figures deny

_DERIVED = ("met", "margin", "bound", "relative_margin", "attainment", "explanation")
_SHARE = rm.Indicator("org_good", unit="percent")
_RATED = rm.Indicator("committee", scale=rm.PARTY_QUALITY)


def _forged(verdict: rm.Verdict, status: str, *, keep_derived: bool = False) -> str:
    document = rmjson.unstructure(verdict)
    document["value"]["status"] = status
    if not keep_derived:
        for name in _DERIVED:
            del document["value"][name]
    return json.dumps(document)


@pytest.mark.parametrize(
    ("verdict", "status", "keep", "message"),
    [
        # 41/44 = 93.18...% against at least 90: exceeded, forged as not achieved
        (rm.evaluate(rm.Target(_SHARE, rm.at_least(90)), rm.Result.ratio(41, 44)),
         "not_achieved", False,
         'value.status: the document says "not_achieved", but its actual value 1025/11 '
         'against at least 90 is "exceeded"'),
        # the same, every derived field kept: exceeded forged as achieved
        (rm.evaluate(rm.Target(_SHARE, rm.at_least(90)), rm.Result.ratio(41, 44)),
         "achieved", True,
         'value.status: the document says "achieved", but its actual value 1025/11 '
         'against at least 90 is "exceeded"'),
        # "trên 95%" met by 98: achieved (the strict-bound convention), forged as exceeded
        (rm.evaluate(rm.Target(_SHARE, rm.above(95)), rm.Result(98)), "exceeded", False,
         'value.status: the document says "exceeded", but its actual value 98 against '
         'above 95 is "achieved"'),
        # HTNV against at least HTTNV: not achieved, forged as achieved
        (rm.evaluate(rm.Target(_RATED, rm.at_least("HTTNV")), rm.Result("HTNV")),
         "achieved", False,
         'value.status: the document says "achieved", but its actual value HTNV against '
         'at least HTTNV is "not_achieved"'),
        # no data forged as achieved
        (rm.evaluate(rm.Target(_SHARE, rm.at_least(90)), []), "achieved", False,
         'value.status: the document says "achieved" without an actual value; a verdict '
         'with no value is "no_data" (or "in_progress" for a target not yet due)'),
    ],
)  # fmt: skip
def test_a_status_its_own_figures_deny_is_refused(
    verdict: rm.Verdict, status: str, keep: bool, message: str
) -> None:
    with pytest.raises(rmjson.JSONError) as raised:
        rmjson.loads(_forged(verdict, status, keep_derived=keep))
    assert str(raised.value).startswith(message)


def test_a_forged_row_of_a_report_is_refused_without_counts() -> None:
    """Without counts or summary, a row's forged status would change the summary."""
    document = rmjson.unstructure(demo_report())
    del document["value"]["counts"], document["value"]["summary"]
    # row 2: 152 + 160 + 147 = 459 members against 150 a year for 3 years, 450: exceeded
    row = document["value"]["rows"][1]["verdicts"][0]
    row["status"] = "not_achieved"
    for name in _DERIVED:
        row.pop(name, None)
    with pytest.raises(rmjson.JSONError) as raised:
        rmjson.structure(document)
    assert str(raised.value).startswith(
        'value.rows[1].verdicts[0].status: the document says "not_achieved", but its actual '
        'value 459 against at least 450 is "exceeded"'
    )


def test_a_target_not_yet_due_is_in_progress_and_not_judged() -> None:
    # 80 against at least 90, due 2025, reviewed mid-2024: in progress, though 80 < 90
    target = rm.Target(_SHARE, rm.at_least(90), due=2025)
    verdict = rm.evaluate(target, rm.Result(80, period=2024), as_of=date(2024, 6, 30))
    assert verdict.status is rm.Status.IN_PROGRESS
    assert rmjson.loads(rmjson.dumps(verdict)) == verdict


#: The demo report's row 2 (152 + 160 + 147 = 459 members against 150 a year for 3 years,
#: 450: exceeded), its first year (152 against 150: exceeded), row 6 (33 of 52 inspected,
#: 825/13 %, due 2025, reviewed on 30 June 2023: in progress) and row 7 (GRDP from 58000 to
#: 66900 in two years: sqrt(66900/58000) = 1.0739..., 7.39...% a year against at least 7%:
#: exceeded). Each status is forged and the derived fields are left as they were, so that
#: ``met`` disagrees too: the status is what is reported.
FORGED_ROWS = [
    (["rows", 1, "verdicts", 0], "not_achieved",
     'value.rows[1].verdicts[0].status: the document says "not_achieved", but its actual value '
     '459 against at least 450 is "exceeded"; a verdict\'s status follows from its target and '
     "actual value: correct the status (or the actual value)"),
    (["rows", 1, "verdicts", 0], "in_progress",
     'value.rows[1].verdicts[0].status: the document says "in_progress", but its target has no '
     "due date; a target is in progress only when it is reviewed before it is due: correct the "
     "status (or the dates)"),
    (["rows", 1, "verdicts", 0], "no_data",
     'value.rows[1].verdicts[0].status: the document says "no_data" with an actual value, 459; '
     'a verdict without data has none ("actual": null): correct the status (or the actual '
     "value)"),
    (["rows", 1, "verdicts", 0, "parts", 0], "not_achieved",
     'value.rows[1].verdicts[0].parts[0].status: the document says "not_achieved", but its '
     'actual value 152 against at least 150 is "exceeded"; a verdict\'s status follows from its '
     "target and actual value: correct the status (or the actual value)"),
    (["rows", 5, "verdicts", 0], "not_achieved",
     'value.rows[5].verdicts[0].status: the document says "not_achieved", but its target is due '
     'on 2025-12-31, after its review date, 2023-06-30; a target not yet due is "in_progress": '
     "correct the status (or the dates)"),
]  # fmt: skip


@pytest.mark.parametrize(("place", "status", "message"), FORGED_ROWS)
def test_a_forged_status_in_a_report_is_reported_before_its_derived_fields(
    place: list[Any], status: str, message: str
) -> None:
    document = rmjson.unstructure(demo_report())
    del document["value"]["counts"], document["value"]["summary"]
    verdict = document["value"]
    for key in place:
        verdict = verdict[key]
    assert "met" in verdict
    verdict["status"] = status
    raises_exactly(lambda: rmjson.structure(document), rmjson.JSONError, message)


def test_a_forged_compound_growth_status_is_refused() -> None:
    document = rmjson.unstructure(demo_report())
    row = document["value"]["rows"][6]["verdicts"][0]
    assert row["context"]["approximate"] is True
    row["status"] = "not_achieved"
    with pytest.raises(rmjson.JSONError) as raised:
        rmjson.structure(document)
    assert re.fullmatch(
        re.escape('value.rows[6].verdicts[0].status: the document says "not_achieved", but its '
                  "actual value 7.39") + "[0-9]+"
        + re.escape(' against at least 7 is "exceeded"; a verdict\'s status follows from its '
                    "target and actual value: correct the status (or the actual value)"),
        str(raised.value),
    )  # fmt: skip


def test_a_growth_rate_too_close_to_its_bound_is_not_judged_again() -> None:
    """1000 to 1210 in two years is 10% a year exactly, met; a rate shown as 9.99... (50
    nines) could be the rounding of an exact 10, so it is not judged again."""
    grdp = rm.Indicator("grdp", unit="tỷ đồng")
    target = rm.Target(grdp, rm.at_least(10), per="year", growth="cagr")
    verdict = rm.evaluate(target, yearly({2020: 1000, 2022: 1210}))
    assert verdict.status is rm.Status.ACHIEVED
    document = rmjson.unstructure(verdict)
    document["value"]["actual"] = "9." + "9" * 49
    del document["value"]["margin"], document["value"]["relative_margin"]
    del document["value"]["attainment"]
    assert rmjson.structure(document).status is rm.Status.ACHIEVED


def test_version_written_as_1_0_is_version_1_as_the_schema_reads_it() -> None:
    verdict = rm.evaluate(rm.Target(_SHARE, rm.at_least(90)), rm.Result(93))
    document = rmjson.unstructure(verdict)
    document["version"] = 1.0
    jsonschema.Draft202012Validator(rmjson.schema()).validate(json.loads(json.dumps(document)))
    assert rmjson.loads(json.dumps(document)) == verdict
