"""The review table in every format: text grids, Markdown, HTML and CSV, and notebook display.

Expected cells are worked out by hand from the demo's figures and the verdict
rules (DOMAIN.md): e.g. 94.5% against "92% trở lên" is exceeded by 2.5
points, which is 2.5/92 = 5/184 of the bound, attainment 94.5/92 = 189/184;
152 + 160 + 147 = 459 members against 3 x 150 = 450 is exceeded by 9, 9/450 =
0.02; 39 of 46 base organisations rated good or better is 3900/46 = 1950/23 %
against 85 %: short by 5/23 points, -5/23/85 = -1/391 of the bound.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

import resolmetrics as rm
from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.render import (
    CSV_COLUMNS,
    EXACT_COLUMNS,
    STATUS_COLORS,
    VERDICT_FIGURES,
    margin_text,
    report_csv,
    report_html,
    report_markdown,
    report_table,
    verdict_html,
    verdict_markdown,
)


def demo(lang: str = "en") -> rm.Report:
    return demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined,no-any-return]


EN, VI = demo("en"), demo("vi")

# the numbers of the demo's table rows, group row "1" included
TABLE_NUMBERS = ["1", "1a", "1b", *map(str, range(2, 15))]

SHARE = rm.Indicator("share", name="Organisations rated good", unit="percent")
MEMBERS = rm.Indicator("admitted", name="New members", unit="member")
LOWER = rm.Indicator("poverty", name="Poor households", unit="percent",
                     direction=rm.Direction.LOWER_IS_BETTER)  # fmt: skip
RATING = rm.Indicator("committee", name="Committee rating", scale=rm.PARTY_QUALITY)
MONEY = rm.Indicator("revenue", name="Revenue", unit="triệu đồng")


def tricky(lang: str = "en") -> rm.Report:
    """A resolution whose name and labels hold characters HTML and Markdown treat as markup."""
    cost = rm.Indicator("cost", name="Cost <per unit> & fees | *all*", unit="percent")
    resolution = rm.Resolution(
        "R&D <plan> 2020-2025",
        [
            rm.Target(cost, rm.at_most(5)),
            rm.Group("Group <b>A</b> & co", [rm.Target(SHARE, rm.at_least(90))]),
        ],
    )
    return resolution.evaluate({"cost": rm.Result(4), "share": rm.Result(95)})


# --- text, Markdown and HTML tables through tabulate -------------------------------------


HEADERS = {
    "en": ("No.", "Target", "Result", "Verdict"),
    "vi": ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
}


def grid_first_cells(table: str) -> list[str]:
    """The first cell of every line of a grid table that holds text."""
    cells = []
    for line in table.splitlines():
        if line[:1] in ("│", "|"):
            cells.append(re.split(r"[│|]", line)[1].strip())
    return cells


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("tablefmt", ["simple_grid", "grid"])
def test_grid_tables_show_the_headers_and_every_row_number(tablefmt: str, lang: str) -> None:
    report = EN if lang == "en" else VI
    table = report_table(report, lang, tablefmt=tablefmt)
    lines = table.splitlines()
    corner = "┌" if tablefmt == "simple_grid" else "+"
    assert lines[0].startswith(corner)
    header = [cell.strip() for cell in re.split(r"[│|]", lines[1])[1:-1]]
    assert header == list(HEADERS[lang])
    # a wrapped cell continues on lines whose first cell is empty
    assert [cell for cell in grid_first_cells(table)[1:] if cell] == TABLE_NUMBERS


@pytest.mark.parametrize(
    ("lang", "row_1b"),
    [
        ("en", ["1b", "Members rated good or better: at least 92%", "94.5%",
                "exceeded by 2.5 percentage points"]),
        ("vi", ["1b", "Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 92% trở lên", "94,5%",
                "Vượt 2,5 điểm phần trăm"]),
    ],
)  # fmt: skip
def test_github_table_has_one_line_per_row(lang: str, row_1b: list[str]) -> None:
    table = report_table(EN if lang == "en" else VI, lang, tablefmt="github")
    lines = table.splitlines()
    assert len(lines) == 2 + len(TABLE_NUMBERS)
    rows = [[cell.strip() for cell in line.split(" | ")] for line in lines]
    assert [c.strip("| ") for c in rows[0]] == list(HEADERS[lang])
    assert re.fullmatch(r"\|[-|]+\|", lines[1])
    assert [row[0].strip("| ") for row in rows[2:]] == TABLE_NUMBERS
    assert [cell.strip("| ") for cell in rows[4]] == row_1b


def test_github_table_escapes_a_pipe_inside_a_cell() -> None:
    table = report_table(tricky(), tablefmt="github")
    lines = table.splitlines()
    assert len(lines) == 2 + 3  # two rows and the group's own row: a "|" split nothing
    assert "Cost <per unit> & fees \\| *all*: at most 5%" in lines[2]


@pytest.mark.parametrize(
    ("lang", "target_cell", "verdict_cell"),
    [
        ("en", "Cost &lt;per unit&gt; &amp; fees | *all*: at most 5%",
         "exceeded by 1 percentage point"),
        ("vi", "Cost &lt;per unit&gt; &amp; fees | *all*: không quá 5%",
         "Vượt 1 điểm phần trăm"),
    ],
)  # fmt: skip
def test_tabulate_html_escapes_labels(lang: str, target_cell: str, verdict_cell: str) -> None:
    table = report_table(tricky(), lang, tablefmt="html")
    assert type(table) is str
    assert "<per unit>" not in table
    assert target_cell in table
    assert verdict_cell in table
    assert "Group &lt;b&gt;A&lt;/b&gt; &amp; co" in table
    for header in HEADERS[lang]:
        assert f"<th>{header}" in table


def test_report_table_refuses_what_is_not_a_report() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError) as info:
        report_table(EN.verdicts)  # type: ignore[arg-type]
    assert str(info.value).startswith(
        "report_table(report) must be a Report, such as resolution.evaluate(results), got ("
    )


# --- CSV ----------------------------------------------------------------------------------


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return {row["number"]: row for row in rows}


def test_csv_header_and_one_line_per_table_row() -> None:
    text = report_csv(EN)
    lines = text.split("\n")
    assert lines[0] == (
        "number,target,result,verdict,key,status,actual,unit,bound,margin,relative_margin,"
        "attainment"
    )
    assert lines[0].split(",") == list(CSV_COLUMNS)
    assert "\r" not in text
    assert text.endswith("\n")
    assert lines[-1] == ""
    assert [line.split(",")[0] for line in lines[1:-1]] == TABLE_NUMBERS


def test_csv_lines_written_out_by_hand() -> None:
    lines = report_csv(EN).split("\n")
    assert lines[1] == "1,Quality of party cells and members,,,,,,,,,,"
    assert lines[3] == (
        "1b,Members rated good or better: at least 92%,94.5%,exceeded by 2.5 percentage points,"
        "members_good,exceeded,94.5,percent,92,2.5,0.0272,1.0272"
    )
    assert lines[4] == (
        '2,"New members admitted: at least 150 members a year, in total over the years",'
        "2020: 152; 2021: 160; 2022: 147 (total 459 members),exceeded by 2% (9 members),"
        "admitted,exceeded,459,member,450,9,0.02,1.02"
    )
    assert lines[13] == "11,Forest cover: at least 45%,,no data,forest,no_data,,percent,,,,"


# (number, status, actual, unit, bound, margin, relative_margin, attainment)
CSV_FIGURES = [
    # 94 against "trên 90": met strict bound; 4/90 = 2/45; 94/90 = 47/45
    ("1a", "achieved", "94", "percent", "90", "4", "2/45", "47/45"),
    # rated every year HTTNV, HTXSNV, HTTNV: the weakest year is on the bound, 0 steps
    ("3", "achieved", "HTTNV", "", "HTTNV", "0", "", ""),
    ("4", "not_achieved", "1950/23", "percent", "85", "-5/23", "-1/391", "390/391"),
    # 9 rated excellent against a cap of 20% of 39, rounded down: 7; 2 over, -2/7; 7/9
    ("5", "not_achieved", "9", "", "7", "-2", "-2/7", "7/9"),
    # 26,150,000 triệu đồng = 26,150 tỷ against 25,000 tỷ: +1,150, 0.046
    ("8", "exceeded", "26150", "tỷ đồng", "25000", "1150", "0.046", "1.046"),
    # mean of 3.2, 1.8, 3.9 = 8.9/3 = 89/30, below a 3-5 band: -1/30 point, -1/90, no ratio
    ("12", "not_achieved", "89/30", "percent", "3", "-1/30", "-1/90", ""),
    # at most 3.5, latest year 3.4: +0.1, 0.1/3.5 = 1/35, 3.5/3.4 = 35/34
    ("14", "exceeded", "3.4", "percent", "3.5", "0.1", "1/35", "35/34"),
]


# The same figures as a spreadsheet gets them by default: values and margins rounded as the
# table rounds them (2 places, never onto the bound), ratios with 2 more places; bounds exact.
CSV_ROUNDED = {
    "1a": ("94", "90", "4", "0.0444", "1.0444"),  # 2/45 = 0.04444..., 47/45 = 1.04444...
    "3": ("HTTNV", "HTTNV", "0", "", ""),
    "4": ("84.78", "85", "-0.22", "-0.0026", "0.9974"),  # 1950/23 = 84.7826...; -5/23 = -0.217...
    "5": ("9", "7", "-2", "-0.2857", "0.7778"),
    "8": ("26150", "25000", "1150", "0.046", "1.046"),
    "12": ("2.97", "3", "-0.03", "-0.0111", ""),  # 89/30 = 2.9666..., shown below its bound 3
    "14": ("3.4", "3.5", "0.1", "0.0286", "1.0294"),  # 1/35 = 0.02857..., 35/34 = 1.02941...
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("number", "status", "actual", "unit", "bound", "margin", "relative", "attainment"),
    CSV_FIGURES,
)
def test_csv_figures_are_rounded_for_display_and_exact_on_request(
    lang: str,
    number: str,
    status: str,
    actual: str,
    unit: str,
    bound: str,
    margin: str,
    relative: str,
    attainment: str,
) -> None:
    report = EN if lang == "en" else VI
    row = csv_rows(report_csv(report, lang))[number]
    rounded = CSV_ROUNDED[number]
    assert (row["status"], row["unit"]) == (status, unit)
    assert (row["actual"], row["bound"], row["margin"], row["relative_margin"],
            row["attainment"]) == rounded  # fmt: skip
    exact_row = csv_rows(report_csv(report, lang, exact=True))[number]
    assert {c: exact_row[c] for c in CSV_COLUMNS} == row  # the same columns, then the exact ones
    assert [exact_row[c] for c in EXACT_COLUMNS] == [actual, bound, margin, relative, attainment]


def test_csv_exact_header_adds_one_exact_column_per_number_figure() -> None:
    header = report_csv(EN, exact=True).split("\n")[0]
    assert header == (
        "number,target,result,verdict,key,status,actual,unit,bound,margin,relative_margin,"
        "attainment,actual_exact,bound_exact,margin_exact,relative_margin_exact,"
        "attainment_exact"
    )


def test_no_csv_cell_is_a_fraction_a_spreadsheet_would_read_as_a_date() -> None:
    for row in csv.DictReader(io.StringIO(report_csv(EN))):
        for column in VERDICT_FIGURES:
            assert "/" not in row[column], (row["number"], column, row[column])


def test_csv_in_vietnamese_quotes_cells_with_a_decimal_comma() -> None:
    text = report_csv(VI, "vi")
    line = text.split("\n")[3]
    assert line.startswith(
        '1b,Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 92% trở lên,"94,5%",'
        '"Vượt 2,5 điểm phần trăm",members_good,exceeded,94.5,'
    )
    assert csv_rows(text)["1b"]["verdict"] == "Vượt 2,5 điểm phần trăm"


# --- HTML --------------------------------------------------------------------------------


def parse(html: str) -> ET.Element:
    """The HTML, which resolmetrics writes as well-formed XML."""
    return ET.fromstring(html)


def test_html_report_structure() -> None:
    root = parse(report_html(EN))
    assert root.tag == "div"
    assert root.get("class") == "resolmetrics-report"
    table = root.find("table")
    assert table is not None
    assert table.findtext("caption") == (
        "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)"
    )
    assert [th.text for th in table.iter("th")] == list(HEADERS["en"])
    rows = table.findall("tbody/tr")
    assert [tr[0].text for tr in rows] == TABLE_NUMBERS
    assert rows[0].get("class") == "rm-group"
    assert rows[0][1].get("colspan") == "3"
    assert root.findtext("p") == (
        "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
        "1 with no data."
    )


# (number, status, the tint of the verdict cell: the status colour mixed 1:3 with white)
HTML_COLOURS = [
    # #0072B2: 255 - 255/4 = 191 (bf), 255 - 141/4 = 219.75 (dc), 255 - 77/4 = 235.75 (ec)
    ("1b", "exceeded", "#bfdcec", "#0072B2"),
    # #D55E00: 255 - 42/4 = 244.5 (f4, half to even), 255 - 161/4 = 214.75 (d7), 191 (bf)
    ("4", "not_achieved", "#f4d7bf", "#D55E00"),
    # #999999: 255 - 102/4 = 229.5 (e6, half to even)
    ("11", "no_data", "#e6e6e6", "#999999"),
]


@pytest.mark.parametrize(("number", "status", "tint", "colour"), HTML_COLOURS)
def test_html_verdict_cell_is_coloured_by_status(
    number: str, status: str, tint: str, colour: str
) -> None:
    rows = {tr[0].text: tr for tr in parse(report_html(EN)).iter("tr")}
    row = rows[number]
    assert row.get("class") == f"rm-{status}"
    assert row.get("data-status") == status
    cell = row[3]
    assert cell.get("class") == "rm-verdict"
    style = cell.get("style") or ""
    assert f"background-color:{tint};border-left:4px solid {colour}" in style


def test_html_in_vietnamese() -> None:
    root = parse(report_html(VI, "vi"))
    assert [th.text for th in root.iter("th")] == list(HEADERS["vi"])
    rows = {tr[0].text: tr for tr in root.iter("tr")}
    assert [td.text for td in rows["1b"]] == [
        "1b",
        "Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 92% trở lên",
        "94,5%",
        "Vượt 2,5 điểm phần trăm",
    ]
    assert root.findtext("p") == (
        "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
        "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu."
    )


def test_html_escapes_the_name_and_labels() -> None:
    html = report_html(tricky())
    assert "<caption" in html
    assert "R&amp;D &lt;plan&gt; 2020-2025</caption>" in html
    assert "Cost &lt;per unit&gt; &amp; fees | *all*: at most 5%" in html
    assert "Group &lt;b&gt;A&lt;/b&gt; &amp; co" in html
    assert "<b>" not in html
    assert "<per" not in html
    root = parse(html)  # still well formed: nothing leaked as markup
    assert root.findtext("table/caption") == "R&D <plan> 2020-2025"


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_report_name_table_and_summary() -> None:
    text = report_markdown(EN)
    blocks = text.split("\n\n")
    assert blocks[0] == (
        "**Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)**"
    )
    table = blocks[1].splitlines()
    assert len(table) == 2 + len(TABLE_NUMBERS)
    assert [cell.strip() for cell in table[2].strip("|").split("|")] == [
        "1", "**Quality of party cells and members**", "", "",
    ]  # fmt: skip
    assert blocks[2] == (
        "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
        "1 with no data."
    )
    assert len(blocks) == 3


def test_markdown_escapes_markup_in_labels() -> None:
    text = report_markdown(tricky(), "vi")
    assert text.startswith("**R\\&D \\<plan\\> 2020-2025**\n\n")
    assert "Cost \\<per unit\\> \\& fees \\| \\*all\\*: không quá 5%" in text
    assert "**Group \\<b\\>A\\</b\\> \\& co**" in text
    assert len(text.split("\n\n")[1].splitlines()) == 2 + 3


# --- one verdict -------------------------------------------------------------------------


def verdict_of(
    indicator: rm.Indicator, rule: rm.Rule, result: object, **target: str
) -> rm.Verdict:
    results = None if result is None else rm.Result(result)  # type: ignore[arg-type]
    return rm.evaluate(rm.Target(indicator, rule, **target), results)


MARGINS = [
    # 93.1 against at least 90: +3.1 points
    (verdict_of(SHARE, rm.at_least(90), "93.1"),
     "+3.1 percentage points", "+3,1 điểm phần trăm"),
    # on the bound: no sign
    (verdict_of(SHARE, rm.at_least(90), 90), "0 percentage points", "0 điểm phần trăm"),
    # 249 against at least 240: +9, 9/240 = 3.75%
    (verdict_of(MEMBERS, rm.at_least(240), 249), "+9 members (+3.75%)", "+9 đảng viên (+3,75%)"),
    # 230 against at least 240: -10, -10/240 = -4.1666...% shown -4.17%
    (verdict_of(MEMBERS, rm.at_least(240), 230),
     "-10 members (-4.17%)", "-10 đảng viên (-4,17%)"),
    # lower is better: 4.25 against at most 4 is 0.25 points too high
    (verdict_of(LOWER, rm.at_most(4), "4.25"),
     "-0.25 percentage points", "-0,25 điểm phần trăm"),
    (verdict_of(RATING, rm.at_least("HTTNV"), "KHTNV"), "-2 rating steps", "-2 bậc xếp loại"),
    (verdict_of(RATING, rm.at_least("HTTNV"), "HTXSNV"), "+1 rating step", "+1 bậc xếp loại"),
    # 26,150,000 triệu = 26,150 tỷ against 25,000 tỷ: +1,150 tỷ, 1,150/25,000 = 4.6%
    (verdict_of(MONEY, rm.at_least(25_000), 26_150_000, unit="tỷ đồng"),
     "+1,150 billion đồng (+4.6%)", "+1.150 tỷ đồng (+4,6%)"),
    (verdict_of(SHARE, rm.at_least(90), None), "", ""),
]  # fmt: skip


@pytest.mark.parametrize(("verdict", "english", "vietnamese"), MARGINS)
def test_margin_text(verdict: rm.Verdict, english: str, vietnamese: str) -> None:
    assert margin_text(verdict) == english
    assert margin_text(verdict, "vi") == vietnamese


def markdown_cells(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in text.splitlines()]


def test_verdict_markdown_is_a_one_row_table() -> None:
    verdict = verdict_of(MEMBERS, rm.at_least(240), 249)
    rows = markdown_cells(verdict_markdown(verdict))
    assert rows[0] == ["Target", "Result", "Verdict", "Margin"]
    assert set(rows[1]) <= {"-" * n for n in range(1, 200)}
    assert rows[2] == [
        "New members: at least 240 members", "249 members",
        "exceeded by 3.75% (9 members)", "+9 members (+3.75%)",
    ]  # fmt: skip
    assert len(rows) == 3
    vi = markdown_cells(verdict_markdown(verdict, "vi"))
    assert vi[0] == ["Mục tiêu", "Thực hiện", "So sánh với mục tiêu", "Chênh lệch"]
    assert vi[2][2:] == ["Vượt 3,75% (9 đảng viên)", "+9 đảng viên (+3,75%)"]


def test_verdict_html_is_a_one_row_table() -> None:
    verdict = verdict_of(LOWER, rm.at_most(4), "4.25")
    root = parse(verdict_html(verdict))
    assert root.get("class") == "resolmetrics-verdict"
    assert [th.text for th in root.iter("th")] == ["Target", "Result", "Verdict", "Margin"]
    (row,) = root.findall("tbody/tr")
    assert row.get("data-status") == "not_achieved"
    assert [td.text for td in row] == [
        "Poor households: at most 4%",
        "4.25%",
        "not achieved, over by 0.25 percentage points",
        "-0.25 percentage points",
    ]
    assert "#D55E00" in (row[2].get("style") or "")


def test_verdict_html_without_data_leaves_result_and_margin_empty() -> None:
    root = parse(verdict_html(verdict_of(SHARE, rm.at_least(90), None), "vi"))
    (row,) = root.findall("tbody/tr")
    assert [td.text for td in row] == ["Organisations rated good: từ 90% trở lên", None,
                                       "Chưa có số liệu", None]  # fmt: skip


# --- notebook display --------------------------------------------------------------------


def test_verdict_repr_html_contains_its_explanation() -> None:
    verdict = verdict_of(SHARE, rm.at_least(90), "93.1")
    html = verdict._repr_html_()
    assert ">exceeded by 3.1 percentage points</td>" in html
    assert html == verdict_html(verdict, "en")
    assert verdict._repr_markdown_() == verdict_markdown(verdict, "en")


def test_report_rich_display_is_the_english_report() -> None:
    assert EN._repr_html_() == report_html(EN, "en")
    assert EN._repr_markdown_() == report_markdown(EN, "en")
    assert "<caption" in EN._repr_html_()


def test_status_colours_are_the_documented_palette() -> None:
    assert dict(STATUS_COLORS) == {
        rm.Status.EXCEEDED: "#0072B2",
        rm.Status.ACHIEVED: "#56B4E9",
        rm.Status.NOT_ACHIEVED: "#D55E00",
        rm.Status.IN_PROGRESS: "#E69F00",
        rm.Status.NO_DATA: "#999999",
    }


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("function", [report_csv, report_html, report_markdown])
def test_report_formats_refuse_what_is_not_a_report(function: object) -> None:
    name = function.__name__  # type: ignore[attr-defined]
    with pytest.raises(rm.InvalidArgumentTypeError) as info:
        function("report.csv")  # type: ignore[operator]
    assert str(info.value) == (
        f"{name}(report) must be a Report, such as resolution.evaluate(results), got 'report.csv'"
    )
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("function", [verdict_html, verdict_markdown])
def test_verdict_formats_refuse_what_is_not_a_verdict(function: object) -> None:
    name = function.__name__  # type: ignore[attr-defined]
    with pytest.raises(rm.InvalidArgumentTypeError, match=re.escape(
        f"{name}(verdict) must be a Verdict, such as evaluate(target, result), got 93.1"
    )):  # fmt: skip
        function(93.1)  # type: ignore[operator]


@pytest.mark.parametrize(
    "function", [report_csv, report_html, report_markdown, verdict_html, verdict_markdown]
)
def test_formats_refuse_an_unknown_language(function: object) -> None:
    argument = EN if function.__name__.startswith("report") else EN.verdicts[0]  # type: ignore[attr-defined]
    with pytest.raises(rm.InvalidArgumentError) as info:
        function(argument, "fr")  # type: ignore[operator]
    assert str(info.value) == "lang='fr' is not a supported language; use 'en' or 'vi'"


# ---------------------------------------------------------------- Report's own methods


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_report_methods_are_the_render_functions(lang: str) -> None:
    """Report.to_csv / to_html / to_markdown give what the render functions give."""
    from resolmetrics.demo import AS_OF, demo_resolution, demo_results
    from resolmetrics.render import report_csv, report_html, report_markdown

    report = demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    assert report.to_csv(lang) == report_csv(report, lang)
    assert report.to_csv(lang, exact=True) == report_csv(report, lang, exact=True)
    assert report.to_html(lang) == report_html(report, lang)
    assert report.to_markdown(lang) == report_markdown(report, lang)
    assert report._repr_html_() == report_html(report, "en")
    assert report._repr_markdown_() == report_markdown(report, "en")
