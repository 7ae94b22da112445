"""Whole resolutions: Resolution, Group, Row, Report, and the embedded demo.

Worked out by hand from the contract: a Resolution's term fills in the years of every
yearly target that names none; a key with no results gives NO_DATA; a key no target uses
is an error with a "did you mean" hint; the report holds one verdict per component in
order, counts every Status (zeros included) and sums up in one sentence; its table shows a
group's label on a line of its own and numbers its components 3a, 3b.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, raises_exactly

SHARE = rm.Indicator("org_good", name="Base organisations rated good+", unit="percent")
MEMBERS_GOOD = rm.Indicator("members_good", name="Members rated good+", unit="percent")
ADMITTED = rm.Indicator("admitted", name="New members", unit="member")
COMMITTEE = rm.Indicator("committee", name="Committee rating", scale=rm.PARTY_QUALITY)
POVERTY = rm.Indicator(
    "poverty", name="Poor households", unit="percent", direction=rm.Direction.LOWER_IS_BETTER
)
FOREST = rm.Indicator("forest", name="Forest cover", unit="percent")


MID_TERM = date(2023, 6, 30)
NAME = "Resolution of the 4th Congress"
GROUP = "Quality of members and the committee"


def resolution() -> rm.Resolution:
    return rm.Resolution(
        NAME,
        [
            rm.Target(SHARE, rm.above(90)),
            rm.Target(ADMITTED, rm.at_least(80), per="year", combine="total"),
            rm.Group(
                GROUP,
                [
                    rm.Target(MEMBERS_GOOD, rm.at_least(92)),
                    rm.Target(COMMITTEE, rm.at_least("HTTNV"), per="year", combine="each"),
                ],
            ),
            rm.Target(POVERTY, rm.below(2), due=2025),
            rm.Target(FOREST, rm.at_least(45), label="Forest cover (province)"),
        ],
        term=(2020, 2025),
    )


def yearly(values: dict[int, Any]) -> list[rm.Result]:
    return [rm.Result(value, period=year) for year, value in values.items()]


RESULTS: dict[str, list[rm.Result]] = {
    "org_good": [rm.Result(94, period=2022)],
    "admitted": yearly({2019: 10, 2020: 80, 2021: 86, 2022: 83}),
    "members_good": [rm.Result("94.5", period=2022)],
    "committee": yearly({2020: "HTTNV", 2021: "HTNV", 2022: "HTTNV"}),
    "poverty": yearly({2020: "4.8", 2021: "4.1", 2022: "3.4"}),
    # no results for "forest"
}

# At 30 June 2023, by hand:
# 1  above 90: 94 -> ACHIEVED (a strict bound met)
# 2  80 a year over the term 2020-2025, due 2020-2022 (2019 is before the term):
#    80 + 86 + 83 = 249 against 240 -> EXCEEDED by 9
# 3a at least 92: 94.5 -> EXCEEDED by 2.5
# 3b HTTNV every year: 2021 HTNV -> NOT_ACHIEVED
# 4  below 2 by 2025: 3.4 so far -> IN_PROGRESS
# 5  nothing reported -> NO_DATA
EXPECTED = [
    ("org_good", ACHIEVED),
    ("admitted", EXCEEDED),
    ("members_good", EXCEEDED),
    ("committee", NOT),
    ("poverty", IN_PROGRESS),
    ("forest", NO_DATA),
]


@pytest.fixture
def report() -> rm.Report:
    # 2019 is before the term: the review leaves it out, and says so
    with pytest.warns(rm.UnusedResultWarning, match="the result for 2019 is outside the term"):
        return resolution().evaluate(RESULTS, as_of=MID_TERM)


# --------------------------------------------------------------------------- the report


def test_verdicts_are_one_per_component_in_order(report: rm.Report) -> None:
    assert [(v.key, v.status) for v in report.verdicts] == EXPECTED


def test_rows(report: rm.Report) -> None:
    rows = [(row.number, row.label, [v.key for v in row.verdicts]) for row in report.rows]
    assert rows == [
        ("1", "", ["org_good"]),
        ("2", "", ["admitted"]),
        ("3", GROUP, ["members_good", "committee"]),
        ("4", "", ["poverty"]),
        ("5", "Forest cover (province)", ["forest"]),
    ]
    assert all(isinstance(row, rm.Row) for row in report.rows)
    assert report.as_of == MID_TERM


def test_figures_of_the_components(report: rm.Report) -> None:
    first, total, members, committee, poverty, forest = report.verdicts
    assert (first.actual, first.margin) == (D(94), D(4))
    assert (total.actual, total.margin) == (D(249), D(9))
    assert total.basis.rule == rm.at_least(240)
    assert members.margin == Decimal("2.5")
    assert (committee.actual, committee.period) == ("HTNV", 2021)
    assert poverty.actual == Decimal("3.4")
    assert forest.actual is None


def test_counts_include_every_status(report: rm.Report) -> None:
    assert dict(report.counts) == {
        EXCEEDED: 2,
        ACHIEVED: 1,
        NOT: 1,
        IN_PROGRESS: 1,
        NO_DATA: 1,
    }


def test_counts_with_zeros() -> None:
    report = resolution().evaluate({"org_good": [rm.Result(94)]})
    # 1 achieved; the four others have no results and are NO_DATA (5 components in all)
    assert dict(report.counts) == {
        EXCEEDED: 0,
        ACHIEVED: 1,
        NOT: 0,
        IN_PROGRESS: 0,
        NO_DATA: 5,
    }


def test_counts_are_read_only(report: rm.Report) -> None:
    with pytest.raises(TypeError):
        report.counts[ACHIEVED] = 5  # type: ignore[index]


def test_a_key_with_an_empty_list_of_results_is_no_data() -> None:
    with pytest.warns(rm.UnusedResultWarning):
        report = resolution().evaluate({**RESULTS, "forest": []}, as_of=MID_TERM)
    assert report.verdicts[-1].status is NO_DATA
    assert report.verdicts[-1].key == "forest"


def test_summary(report: rm.Report) -> None:
    # components, not rows: 6; met = 1 achieved + 2 exceeded = 3
    assert report.summary() == (
        "Met 3 of 6 targets (1 achieved, 2 exceeded); 1 not achieved; 1 in progress; "
        "1 with no data."
    )
    assert report.summary("vi") == (
        "Hoàn thành và vượt 3/6 chỉ tiêu (1 đạt, 2 vượt); không đạt 1/6 chỉ tiêu; "
        "đang thực hiện 1/6 chỉ tiêu; chưa có số liệu 1/6 chỉ tiêu."
    )


def test_summary_of_the_contract() -> None:
    # 5 at 90 (achieved), 4 at 95 (exceeded), 2 at 80 (not achieved) against at least 90,
    # and one due in 2025 (in progress at mid-term): met 9 of 12
    values = [90] * 5 + [95] * 4 + [80] * 2 + [90]
    targets = [
        rm.Target(
            rm.Indicator(f"k{i}", unit="percent"),
            rm.at_least(90),
            due=2025 if i == len(values) else None,
        )
        for i in range(1, len(values) + 1)
    ]
    results = {f"k{i}": [rm.Result(v)] for i, v in enumerate(values, start=1)}
    report = rm.Resolution("Twelve", targets).evaluate(results, as_of=MID_TERM)
    assert report.summary() == (
        "Met 9 of 12 targets (5 achieved, 4 exceeded); 2 not achieved; 1 in progress."
    )
    assert report.summary("vi") == (
        "Hoàn thành và vượt 9/12 chỉ tiêu (5 đạt, 4 vượt); không đạt 2/12 chỉ tiêu; "
        "đang thực hiện 1/12 chỉ tiêu."
    )


def test_str_is_name_table_and_summary(report: rm.Report) -> None:
    assert str(report) == f"{NAME}\n{report.table()}\n{report.summary()}"


# --------------------------------------------------------------------------- the term


def test_the_term_is_filled_into_yearly_targets_without_one() -> None:
    own = rm.Target(
        rm.Indicator("own", unit="member"), rm.at_least(1), per="year", combine="each",
        term=(2021, 2022),
    )  # fmt: skip
    res = rm.Resolution("R", [*resolution().targets, own], term=(2020, 2025))
    terms = {target.key: target.term for target in res.components}
    assert terms == {
        "org_good": None,
        "admitted": (2020, 2025),
        "members_good": None,
        "committee": (2020, 2025),
        "poverty": None,
        "forest": None,
        "own": (2021, 2022),
    }


def test_without_a_term_the_years_reported_are_judged() -> None:
    res = rm.Resolution("R", [rm.Target(ADMITTED, rm.at_least(80), per="year", combine="total")])
    (verdict,) = res.evaluate({"admitted": RESULTS["admitted"]}).verdicts
    # 2019 counts too: 10 + 249 = 259 against 4 x 80 = 320
    assert (verdict.status, verdict.actual) == (NOT, D(259))


def test_keys() -> None:
    assert resolution().keys == frozenset(
        {"org_good", "admitted", "members_good", "committee", "poverty", "forest"}
    )


# --------------------------------------------------------------------------- the table


def _github_rows(table: str) -> list[list[str]]:
    lines = table.splitlines()
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_table_numbers_group_components(report: rm.Report) -> None:
    rows = _github_rows(report.table(tablefmt="github"))
    assert [row[0] for row in rows] == ["1", "2", "3", "3a", "3b", "4", "5"]
    assert rows[2] == ["3", GROUP, "", ""]
    assert rows[0][1] == "Base organisations rated good+: above 90%"
    assert rows[6][1] == "Forest cover (province): at least 45%"
    assert rows[1][2] == "2020: 80; 2021: 86; 2022: 83 (total 249 members)"


@pytest.mark.parametrize(
    ("lang", "headers"),
    [
        ("en", ["No.", "Target", "Result", "Verdict"]),
        ("vi", ["STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"]),
    ],
)
def test_table_headers(report: rm.Report, lang: str, headers: list[str]) -> None:
    header = report.table(lang, tablefmt="github").splitlines()[0]
    assert [cell.strip() for cell in header.strip("|").split("|")] == headers


def test_table_in_vietnamese_numbers_the_group_the_same_way(report: rm.Report) -> None:
    rows = _github_rows(report.table("vi", tablefmt="github"))
    assert [row[0] for row in rows] == ["1", "2", "3", "3a", "3b", "4", "5"]
    assert rows[0][1] == "Base organisations rated good+: trên 90%"


def test_grid_tables_wrap_long_cells() -> None:
    label = "A very long label for a target that cannot fit in one narrow table column"
    res = rm.Resolution("R", [rm.Target(SHARE, rm.above(90), label=label)])
    report = res.evaluate({"org_good": [rm.Result(94)]})
    grid = report.table()  # simple_grid by default
    assert label not in grid
    assert "A very long label" in grid
    assert label in report.table(tablefmt="github")


# --------------------------------------------------------------------------- errors


def test_a_key_no_target_uses_is_an_error_with_a_hint() -> None:
    results = {**RESULTS, "org_god": [rm.Result(94)], "zzz": [rm.Result(1)]}
    with pytest.raises(rm.InvalidResultError) as info:
        resolution().evaluate(results)
    assert str(info.value) == (
        "Resolution.evaluate(results) has results for 'org_god' (did you mean 'org_good'?), "
        "'zzz', which no target of 'Resolution of the 4th Congress' is on; the keys are: "
        "admitted, committee, forest, members_good, org_good, poverty"
    )


ERRORS = [
    (
        "targets-a-str",
        lambda: rm.Resolution("R", "abc"),
        rm.InvalidTargetTypeError,
        "Resolution(targets) must be a list of Targets and Groups, got 'abc'",
    ),
    (
        "targets-hold-a-number",
        lambda: rm.Resolution("R", [rm.Target(SHARE, rm.above(90)), 1]),
        rm.InvalidTargetTypeError,
        "Resolution(targets) holds 1, which is not a Target or a Group",
    ),
    (
        "targets-hold-an-indicator",
        lambda: rm.Resolution("R", [FOREST]),
        rm.InvalidTargetTypeError,
        "Resolution(targets) holds Indicator('forest', name='Forest cover', unit='percent'), "
        "which is not a Target or a Group",
    ),
    (
        "group-targets-a-number",
        lambda: rm.Group("3", 5),
        rm.InvalidTargetTypeError,
        "Group(targets) must be a list of Targets, got 5",
    ),
    (
        "group-in-a-group",
        lambda: rm.Group("3", [rm.Group("x", [])]),
        rm.InvalidTargetTypeError,
        "Group(targets) holds Group(label='x', targets=()), which is not a Target",
    ),
    (
        "term-reversed",
        lambda: rm.Resolution("R", [], term=(2025, 2020)),
        rm.InvalidTargetError,
        "term=(2025, 2020): the first year is after the last; did you mean (2020, 2025)?",
    ),
    (
        "term-a-str",
        lambda: rm.Resolution("R", [], term="2020-2025"),
        rm.InvalidTargetTypeError,
        "term must be a pair (first year, last year), both included, such as (2020, 2025), "
        "got '2020-2025'",
    ),
    (
        "results-not-a-mapping",
        lambda: resolution().evaluate([rm.Result(94)]),  # type: ignore[arg-type]
        rm.InvalidResultTypeError,
        "Resolution.evaluate(results) must map indicator keys to results, such as "
        "{'org_good': [Result(93.1)]}, got [Result(94)]",
    ),
    (
        "policy-not-a-policy",
        lambda: resolution().evaluate(RESULTS, policy="skip"),  # type: ignore[arg-type]
        rm.InvalidArgumentTypeError,
        "evaluate(policy) must be a Policy or None, got 'skip'",
    ),
    (
        "table-language",
        lambda: resolution().evaluate({}).table("fr"),
        rm.InvalidArgumentError,
        "lang='fr' is not a supported language; use 'en' or 'vi'",
    ),
    (
        "summary-language",
        lambda: resolution().evaluate({}).summary("fr"),
        rm.InvalidArgumentError,
        "lang='fr' is not a supported language; use 'en' or 'vi'",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_errors(call: Any, error: type[Exception], message: str) -> None:
    raises_exactly(call, error, message)


# --------------------------------------------------------------------------- the demo


# src/resolmetrics/demo.py, reviewed on 30 June 2023 (2020, 2021 and 2022 are over; the
# term 2020-2025 is filled into every yearly target), component by component:
DEMO = [
    # 1a cells above 90 %: 94 -> achieved (strict bound met)
    ("1a", ACHIEVED),
    # 1b members at least 92 %: 94.5 -> exceeded by 2.5 points
    ("1b", EXCEEDED),
    # 2  admitted at least 150 a year, total: 152 + 160 + 147 = 459 against 450 -> +9
    ("2", EXCEEDED),
    # 3  committee HTTNV every year: HTTNV, HTXSNV, HTTNV -> achieved
    ("3", ACHIEVED),
    # 4  share of the 46 base organisations rated HTTNV+: 9 + 30 = 39; 3900/46 = 84.78 % < 85
    ("4", NOT),
    # 5  HTXSNV at most 20 % of the 39 rated HTTNV+: 7.8 rounded down to 7; 9 > 7
    ("5", NOT),
    # 6  inspected at least 70 % by 2025: 33/52 = 63.46 % so far -> in progress
    ("6", IN_PROGRESS),
    # 7  GRDP compound growth at least 7 %: the baseline is 2020, not the year before the
    #    term, so the rates start in 2021; 58 000 (2020) -> 66 900 (2022):
    #    66 900 / 58 000 = 1.15345 > 1.07 ** 2 = 1.1449 -> exceeded (7.40 % a year)
    ("7", EXCEEDED),
    # 8  revenue at least 25 000 tỷ: 26 150 000 triệu = 26 150 tỷ -> exceeded
    ("8", EXCEEDED),
    # 9  income growth 4-6 % every year (2021, 2022) in at least 5 of 6 enterprises:
    #    Cấp nước 100/96 = 4.17 %, 105/100 = 5 %;      Môi trường 92/88 = 4.55 %, 96.5/92 = 4.89 %
    #    Xổ số 157/150 = 4.67 %, 164/157 = 4.46 %;     Lâm nghiệp 74/72 = 2.78 % (miss)
    #    In 94.5/90 = 5 %, 99/94.5 = 4.76 %;           Thủy lợi 84/80 = 5 %, 88/84 = 4.76 %
    #    5 met, at least 5 -> achieved (on the bound)
    ("9", ACHIEVED),
    # 10 poverty below 2 % by 2025: 3.4 % in 2022 -> in progress
    ("10", IN_PROGRESS),
    # 11 forest cover: nothing reported -> no data
    ("11", NO_DATA),
    # 12 prices 3-5 % on average: (3.2 + 1.8 + 3.9) / 3 = 8.9 / 3 = 2.967 < 3 -> not achieved
    ("12", NOT),
    # 13 communes at least 80 % by 2025: 61 % in 2022 -> in progress
    ("13", IN_PROGRESS),
    # 14 poverty at most 3.5 % in the latest year: 2022: 3.4 < 3.5 -> exceeded
    ("14", EXCEEDED),
]
# 15 components: achieved 1a, 3, 9 (3); exceeded 1b, 2, 7, 8, 14 (5); met 8;
# not achieved 4, 5, 12 (3); in progress 6, 10, 13 (3); no data 11 (1).
DEMO_SUMMARY = {
    "en": "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
    "1 with no data.",
    "vi": "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
    "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu.",
}
DEMO_NAME = {
    "en": "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)",
    "vi": "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)",
}
DEMO_HEADING = {"en": "Mid-term review at 30 June 2023", "vi": "Sơ kết ngày 30/06/2023"}
DEMO_HEADERS = {
    "en": ["No.", "Target", "Result", "Verdict"],
    "vi": ["STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"],
}


def _demo_report() -> rm.Report:
    from resolmetrics.demo import AS_OF, demo_resolution, demo_results

    report = demo_resolution().evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    assert isinstance(report, rm.Report)
    return report


def test_demo_verdicts_by_hand() -> None:
    report = _demo_report()
    numbers = [
        f"{row.number}{'abcdefghijklmnopqrstuvwxyz'[i] if len(row.verdicts) > 1 else ''}"
        for row in report.rows
        for i in range(len(row.verdicts))
    ]
    assert list(zip(numbers, [v.status for v in report.verdicts], strict=True)) == DEMO


def test_demo_figures_by_hand() -> None:
    verdicts = dict(zip([n for n, _ in DEMO], _demo_report().verdicts, strict=True))
    assert (verdicts["2"].actual, verdicts["2"].margin) == (D(459), D(9))
    assert verdicts["4"].actual == Fraction(1950, 23)  # 3900 / 46
    assert verdicts["4"].tally == (39, 46)
    assert (verdicts["5"].actual, verdicts["5"].basis.rule) == (D(9), rm.at_most(7))
    assert verdicts["6"].attainment == Fraction(3300, 52 * 70)
    assert verdicts["8"].actual == 26_150
    assert (verdicts["9"].actual, verdicts["9"].tally) == (D(5), (5, 6))
    assert verdicts["12"].actual == Fraction(89, 30)  # 8.9 / 3
    assert verdicts["13"].attainment == Decimal("0.7625")  # 61 / 80
    assert verdicts["14"].actual == Decimal("3.4")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_demo_command(lang: str) -> None:
    command = [sys.executable, "-m", "resolmetrics", "demo"]
    if lang == "vi":
        command += ["--lang", "vi"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        command, capture_output=True, encoding="utf-8", env=env, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == DEMO_NAME[lang]
    assert lines[1] == DEMO_HEADING[lang]
    header = next(line for line in lines if DEMO_HEADERS[lang][0] in line)
    assert [cell.strip() for cell in header.strip("│").split("│")] == DEMO_HEADERS[lang]
    assert lines[-1] == DEMO_SUMMARY[lang]
    numbers = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    assert [n for n in numbers if n] == [DEMO_HEADERS[lang][0], "1", *[n for n, _ in DEMO]]


def test_a_group_of_more_than_26_components_keeps_every_row() -> None:
    """Components are lettered a..z, then aa, ab, ...: none is dropped from the table."""
    share = rm.Indicator("share", unit="percent")
    group = rm.Group("many", [rm.Target(share, rm.at_least(n)) for n in range(28)])
    report = rm.Resolution("R", [group]).evaluate({"share": [rm.Result(10)]})
    numbers = [
        line.split("|")[1].strip() for line in report.table(tablefmt="github").splitlines()[2:]
    ]
    assert numbers == ["1", *(f"1{chr(ord('a') + n)}" for n in range(26)), "1aa", "1ab"]
    assert report.rows[0].group is True
    assert len(report.verdicts) == 28


@pytest.mark.parametrize(
    ("group", "size", "numbers"),
    [
        (False, 1, ("7",)),
        (True, 2, ("7a", "7b")),
        (True, 28, (*(f"7{chr(c)}" for c in range(ord("a"), ord("z") + 1)), "7aa", "7ab")),
    ],
)
def test_row_numbers_letter_a_groups_components(
    group: bool, size: int, numbers: tuple[str, ...]
) -> None:
    share = rm.Indicator("good", unit="percent")
    verdict = rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result(95))
    assert rm.Row("7", "", (verdict,) * size, group).numbers == numbers
