"""Reviews as Office documents: the workbook and the Word appendix, read back.

The demo review (15 components in 16 table rows: group 1 with 1a and 1b,
then 2 to 14) is written and read back with openpyxl and python-docx. The
expected cells are worked out from the demo's figures: 94.5% against "at
least 92%" is a cell value of 0.945 under a one-decimal percent format,
2.5 percentage points above, attained 94.5 / 92 = 102.72%; 459 members
against 3 × 150 = 450 is 9 more, attained 459 / 450 = 102%; 39 of 46 base
organisations rated good is 1950/23 = 84.78%, 5/23 = 0.22 points short of
85%; 26,150 tỷ đồng against 25,000 is 1,150 more, attained 104.6%.

The status tints are each Okabe-Ito colour mixed with three parts white:
255 - (255 - c) / 4 for each channel, rounded half to even (#0072B2 ->
#BFDCEC, #56B4E9 -> #D5ECFA, #D55E00 -> #F4D7BF, #E69F00 -> #F9E7BF,
#999999 -> #E6E6E6).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date
from decimal import ROUND_DOWN
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import resolmetrics as rm
from resolmetrics import office, render
from resolmetrics.__main__ import main
from resolmetrics.demo import AS_OF, TITLE, demo_resolution, demo_results
from resolmetrics.numbers import as_text

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = ROOT / "examples" / "provincial"

TINTS = {
    rm.Status.EXCEEDED: "BFDCEC",
    rm.Status.ACHIEVED: "D5ECFA",
    rm.Status.NOT_ACHIEVED: "F4D7BF",
    rm.Status.IN_PROGRESS: "F9E7BF",
    rm.Status.NO_DATA: "E6E6E6",
}

SUMMARY = {
    "en": "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
    "1 with no data.",
    "vi": "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
    "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu.",
}

NUMBERS = [str(n) for n in range(1, 15)]
NUMBERS[1:1] = ["1a", "1b"]  # 1, 1a, 1b, 2, ..., 14


def demo_report(lang: str = "en") -> rm.Report:
    return demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)


def signed(body: str) -> str:
    return f"+{body};-{body};{body}"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("xlsx")
    written = {}
    for lang in ("en", "vi"):
        path = demo_report(lang).to_xlsx(folder / f"review-{lang}.xlsx", lang)
        written[lang] = openpyxl.load_workbook(path)
    return written


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("docx")
    return {
        lang: docx.Document(demo_report(lang).to_docx(folder / f"review-{lang}.docx", lang))
        for lang in ("en", "vi")
    }


def rows_by_number(sheet: Any, first: int = 4) -> dict[str, tuple[Any, ...]]:
    return {
        row[0].value: row
        for row in sheet.iter_rows(min_row=first, max_row=first + len(NUMBERS) - 1)
    }


# The workbook


@pytest.mark.parametrize(
    ("lang", "sheets", "headers", "when"),
    [
        ("en", ["Review", "Exact figures"],
         ["No.", "Target", "Result", "Verdict", "Value", "Margin", "Attainment"],
         "Review at 30 June 2023"),
        ("vi", ["Đánh giá", "Số liệu chính xác"],
         ["STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu", "Giá trị", "Chênh lệch",
          "Mức đạt"],
         "Đánh giá ngày 30/06/2023"),
    ],
)  # fmt: skip
def test_xlsx_sheets_title_and_header_row(
    books: dict[str, Any], lang: str, sheets: list[str], headers: list[str], when: str
) -> None:
    book = books[lang]
    assert book.sheetnames == sheets
    sheet = book.worksheets[0]
    assert sheet["A1"].value == TITLE[lang]
    assert sheet["A1"].font.b
    assert sheet["A2"].value == when
    assert [cell.value for cell in sheet[3]] == headers
    assert all(cell.font.b for cell in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:G19"  # the header and the 16 table rows
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert [sheet.cell(row=r, column=1).value for r in range(4, 20)] == NUMBERS


def test_xlsx_text_cells_are_the_tables_cells(books: dict[str, Any]) -> None:
    rows = rows_by_number(books["vi"].worksheets[0])
    assert [c.value for c in rows["1b"][:4]] == [
        "1b",
        "Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 92% trở lên",
        "94,5%",
        "Vượt 2,5 điểm phần trăm",
    ]
    assert rows["8"][2].value == "26.150 tỷ đồng"
    assert rows["8"][3].value == "Vượt 4,6% (1.150 tỷ đồng)"
    assert rows["1b"][1].alignment.wrap_text


POINTS = '#,##0.0" percentage points"'

# number: (value cell, its format), (margin cell, its format), (attainment, its format)
EXPECTED_EN = {
    "1a": ((0.94, "#,##0%"), (4, signed('#,##0" percentage points"')),
           (47 / 45, "#,##0.00%")),
    "1b": ((0.945, "#,##0.0%"), (2.5, signed(POINTS)), (189 / 184, "#,##0.00%")),
    "2": ((459, '#,##0" members"'), (9, signed('#,##0" members"')), (1.02, "#,##0%")),
    "3": (("HTTNV", "General"), (0, signed('#,##0" rating steps"')), (None, "General")),
    "4": ((1950 / 2300, "#,##0.00%"), (-5 / 23, signed('#,##0.00" percentage points"')),
          (390 / 391, "#,##0.00%")),
    "5": ((9, '#,##0" units"'), (-2, signed('#,##0" units"')), (7 / 9, "#,##0.00%")),
    "8": ((26150, '#,##0" billion đồng"'), (1150, signed('#,##0" billion đồng"')),
          (1.046, "#,##0.0%")),
    "9": ((5, '#,##0" units"'), (0, signed('#,##0" units"')), (1, "#,##0%")),
    "11": ((None, "General"), (None, "General"), (None, "General")),
    "12": ((89 / 3000, "#,##0.00%"), (-1 / 30, signed('#,##0.00" percentage points"')),
           (None, "General")),
}  # fmt: skip


@pytest.mark.parametrize("number", sorted(EXPECTED_EN))
def test_xlsx_number_cells_and_formats(books: dict[str, Any], number: str) -> None:
    row = rows_by_number(books["en"].worksheets[0])[number]
    for cell, (value, code) in zip(row[4:], EXPECTED_EN[number], strict=True):
        assert cell.number_format == code
        if isinstance(value, float):
            assert cell.value == pytest.approx(value, rel=1e-15)
        else:
            assert cell.value == value
        if value is not None and not isinstance(value, str):
            assert isinstance(cell.value, int | float)  # a number, not its text


def test_xlsx_vietnamese_formats_carry_the_locale_tag_and_words(books: dict[str, Any]) -> None:
    rows = rows_by_number(books["vi"].worksheets[0])
    assert rows["1b"][4].number_format == "[$-42A]#,##0.0%"
    assert rows["1b"][5].number_format == "[$-42A]" + signed('#,##0.0" điểm phần trăm"')
    assert rows["2"][4].number_format == '[$-42A]#,##0" đảng viên"'
    assert rows["8"][5].number_format == "[$-42A]" + signed('#,##0" tỷ đồng"')
    assert rows["3"][5].number_format == "[$-42A]" + signed('#,##0" bậc xếp loại"')
    assert rows["5"][4].number_format == '[$-42A]#,##0" đơn vị"'


def near(value: object) -> object:
    """The exact *value* as a cell may hold it: the nearest float, to within the 16
    significant digits openpyxl writes (a whole number exactly)."""
    if value is None:
        return None
    fraction = Fraction(value)  # type: ignore[arg-type]
    if fraction.denominator == 1:
        return fraction.numerator
    return pytest.approx(float(fraction), rel=1e-15, abs=0)  # half a unit of digit 16


def test_xlsx_every_number_cell_is_the_exact_figure_as_a_float() -> None:
    report = demo_report()
    buffer = io.BytesIO()
    assert report.to_xlsx(buffer) is None
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]
    rows = rows_by_number(sheet)
    for row in report.rows:
        for number, verdict in zip(row.numbers, row.verdicts, strict=True):
            value, margin, attainment = (cell.value for cell in rows[number][4:])
            actual = verdict.actual
            if actual is None or isinstance(actual, str):
                assert value == actual
            else:
                scale = 100 if verdict.unit == "percent" else 1
                assert value == near(Fraction(actual) / scale)
            assert margin == near(verdict.margin)
            assert attainment == near(verdict.attainment)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_xlsx_verdict_cells_are_tinted_by_status(books: dict[str, Any], lang: str) -> None:
    report = demo_report(lang)
    rows = rows_by_number(books[lang].worksheets[0])
    seen = set()
    for row in report.rows:
        for number, verdict in zip(row.numbers, row.verdicts, strict=True):
            cell = rows[number][3]
            assert cell.fill.fill_type == "solid"
            assert cell.fill.fgColor.rgb == "00" + TINTS[verdict.status]
            color = render.STATUS_COLORS[verdict.status][1:].upper()
            assert cell.border.left.style == "thick"
            assert cell.border.left.color.rgb == "00" + color
            assert not rows[number][1].fill.fill_type  # only the verdict is coloured
            seen.add(verdict.status)
    assert seen == set(rm.Status)  # the demo has every status


def test_xlsx_group_row_is_bold_without_verdict(books: dict[str, Any]) -> None:
    group = rows_by_number(books["en"].worksheets[0])["1"]
    assert [cell.value for cell in group] == ["1", "Quality of party cells and members"] + [
        None
    ] * 5
    assert group[0].font.b
    assert group[1].font.b
    assert not group[3].fill.fill_type


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_xlsx_summary_is_the_last_row(books: dict[str, Any], lang: str) -> None:
    sheet = books[lang].worksheets[0]
    assert sheet.max_row == 20
    assert sheet["A20"].value == SUMMARY[lang]
    assert "A20:G20" in {str(cells) for cells in sheet.merged_cells.ranges}


def test_xlsx_exact_sheet_holds_every_figure_as_text(books: dict[str, Any]) -> None:
    sheet = books["en"].worksheets[1]
    assert [c.value for c in sheet[1]] == [
        "No.", "Key", "Status", "Actual", "Unit", "Bound", "Margin", "Relative margin",
        "Attainment",
    ]  # fmt: skip
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == [n for n in NUMBERS if n != "1"]  # components only
    # 39 of 46 units: 1950/23 percent, 5/23 points short of 85, 390/391 attained
    assert rows["4"] == ("4", "base_rating", "not_achieved", "1950/23", "percent", "85",
                         "-5/23", "-1/391", "390/391")  # fmt: skip
    assert rows["8"] == ("8", "revenue", "exceeded", "26150", "tỷ đồng", "25000", "1150",
                         "0.046", "1.046")  # fmt: skip
    assert rows["3"][3:6] == ("HTTNV", None, "HTTNV")
    assert rows["11"][2:] == ("no_data", None, "percent", None, None, None, None)
    report = demo_report()
    for verdict, number in zip(report.verdicts, rows, strict=True):
        figures = rows[number][3:]
        for name, text in zip(render.VERDICT_FIGURES, figures, strict=True):
            value = getattr(verdict, name)
            if value is None:
                assert text is None
            else:
                assert text == (value if isinstance(value, str) else as_text(value))
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type == "s" for cell in row if cell.value is not None)
        assert all(cell.number_format == "@" for cell in row)
    assert [c.value for c in books["vi"].worksheets[1][1]][:4] == [
        "STT", "Mã chỉ tiêu", "Trạng thái", "Giá trị thực hiện",
    ]  # fmt: skip


def small_report(label: str, value: str, policy: rm.Policy | None = None) -> rm.Report:
    share = rm.Indicator("share", name="Share", unit="percent")
    resolution = rm.Resolution("=SUM(A1)", [rm.Target(share, rm.at_least(3), label=label)])
    return resolution.evaluate({"share": rm.Result(value)}, as_of=date(2023, 6, 30), policy=policy)


def test_xlsx_texts_are_never_formulas_and_hold_no_control_characters(tmp_path: Path) -> None:
    report = small_report("=1+1\x07", "3.5")
    sheet = openpyxl.load_workbook(report.to_xlsx(tmp_path / "r.xlsx")).worksheets[0]
    assert sheet["A1"].value == "=SUM(A1)"
    assert sheet["A1"].data_type == "s"
    assert sheet["B4"].value == "=1+1\ufffd: at least 3%"
    assert sheet["B4"].data_type == "s"
    document = docx.Document(report.to_docx(tmp_path / "r.docx"))
    assert document.tables[0].rows[1].cells[1].text == "=1+1\ufffd: at least 3%"


def test_xlsx_shows_more_decimals_where_the_policy_rounds_otherwise(tmp_path: Path) -> None:
    # 3.17 truncated to one decimal is 3.1 (the table's text), which a spreadsheet's
    # half-up rounding of 0.0317 would show as 3.2%: two decimals show 3.17% instead
    policy = rm.Policy(places=1, rounding=ROUND_DOWN)
    report = small_report("", "3.17", policy)
    sheet = openpyxl.load_workbook(report.to_xlsx(tmp_path / "r.xlsx")).worksheets[0]
    assert sheet["C4"].value == "3.1%"
    assert sheet["E4"].number_format == "#,##0.00%"
    assert sheet["E4"].value == pytest.approx(0.0317, rel=1e-15)
    # the margin 0.17 truncates to 0.1 and would round to 0.2: shown 0.17
    assert sheet["F4"].number_format == signed('#,##0.00" percentage points"')
    # 3.14 truncates and rounds to 3.1 alike: one decimal
    again = small_report("", "3.14", policy)
    sheet = openpyxl.load_workbook(again.to_xlsx(tmp_path / "s.xlsx")).worksheets[0]
    assert sheet["E4"].number_format == "#,##0.0%"


def test_xlsx_margin_in_percent_under_points_percent(tmp_path: Path) -> None:
    report = small_report("", "3.5", rm.Policy(points="percent"))
    sheet = openpyxl.load_workbook(report.to_xlsx(tmp_path / "r.xlsx", "vi")).worksheets[0]
    assert sheet["D4"].value == "Vượt 0,5%"
    assert sheet["F4"].value == 0.5  # points, not a ratio: the % is quoted text
    assert sheet["F4"].number_format == "[$-42A]" + signed('#,##0.0"%"')


# The appendix


@pytest.mark.parametrize(
    ("lang", "heading", "headers"),
    [
        ("en", ["APPENDIX", TITLE["en"], "(Review at 30 June 2023)"],
         ["No.", "Target", "Result", "Against the resolution"]),
        ("vi", ["PHỤ LỤC", TITLE["vi"], "(Đánh giá ngày 30/06/2023)"],
         ["STT", "Chỉ tiêu", "Kết quả thực hiện", "So sánh với nghị quyết"]),
    ],
)  # fmt: skip
def test_docx_heading_table_and_summary(
    documents: dict[str, Any], lang: str, heading: list[str], headers: list[str]
) -> None:
    document = documents[lang]
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == heading
    assert texts[-1] == SUMMARY[lang]
    assert document.paragraphs[-1].runs[0].bold
    (table,) = document.tables
    assert [cell.text for cell in table.rows[0].cells] == headers
    assert all(cell.paragraphs[0].runs[0].bold for cell in table.rows[0].cells)
    assert [row.cells[0].text for row in table.rows[1:]] == NUMBERS
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 3.0


def test_docx_header_repeats_and_rows_do_not_split(documents: dict[str, Any]) -> None:
    from docx.oxml.ns import qn

    table = documents["en"].tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_docx_cells_group_row_and_shading(documents: dict[str, Any]) -> None:
    from docx.oxml.ns import qn

    table = documents["vi"].tables[0]
    group = table.rows[1]
    assert group.cells[1]._tc is group.cells[3]._tc  # one cell across the three columns
    assert group.cells[1].text == "Chất lượng chi bộ và đảng viên"
    assert group.cells[0].paragraphs[0].runs[0].bold
    assert group.cells[1].paragraphs[0].runs[0].bold
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert [c.text for c in rows["8"].cells] == [
        "8", "Thu ngân sách: từ 25.000 tỷ đồng trở lên", "26.150 tỷ đồng",
        "Vượt 4,6% (1.150 tỷ đồng)",
    ]  # fmt: skip
    report = demo_report("vi")
    for row in report.rows:
        for number, verdict in zip(row.numbers, row.verdicts, strict=True):
            cell = rows[number].cells[3]
            shading = cell._tc.tcPr.find(qn("w:shd"))
            assert shading.get(qn("w:fill")) == TINTS[verdict.status]
            assert cell.text == verdict.explain("vi")
            assert rows[number].cells[1]._tc.tcPr.find(qn("w:shd")) is None


def test_docx_to_a_file_object(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    with path.open("wb") as file:
        assert office.report_docx(demo_report(), file) is None
    assert docx.Document(path).paragraphs[-1].text == SUMMARY["en"]


# Errors


def test_a_text_file_is_refused_with_the_fix() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError) as caught:
        demo_report().to_xlsx(io.StringIO())  # type: ignore[arg-type]
    assert str(caught.value).startswith(
        "Report.to_xlsx(): path_or_file must be a path (such as 'review.xlsx') or a file "
        "opened for writing bytes (open('review.xlsx', 'wb'), io.BytesIO()), got "
        "<_io.StringIO object at "
    )
    assert isinstance(caught.value, TypeError)


def test_not_a_report_is_refused_naming_the_argument() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError) as caught:
        office.report_docx("x" * 500, io.BytesIO())  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(
        "report_docx(): report must be a Report, such as resolution.evaluate(results), got 'xxx"
    )
    assert "more characters" in message  # the value is cut short
    assert len(message) < 320


def test_a_wrong_language_is_refused() -> None:
    with pytest.raises(rm.InvalidArgumentError, match=r"lang='fr' is not a supported language"):
        demo_report().to_docx(io.BytesIO(), "fr")


@pytest.mark.parametrize(
    ("method", "module", "message"),
    [
        ("to_xlsx", "openpyxl",
         "Report.to_xlsx() needs openpyxl: pip install 'resolmetrics[xlsx]'"),
        ("to_docx", "docx", "Report.to_docx() needs docx: pip install 'resolmetrics[docx]'"),
    ],
)  # fmt: skip
def test_a_missing_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, method: str, module: str, message: str
) -> None:
    report = demo_report()
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    buffer = io.BytesIO()
    with pytest.raises(rm.MissingDependencyError) as caught:
        getattr(report, method)(buffer)
    assert str(caught.value) == message
    assert isinstance(caught.value, ModuleNotFoundError)
    assert buffer.getvalue() == b""


# The command line


def test_cli_evaluate_writes_both_documents(tmp_path: Path) -> None:
    inputs = [str(PROVINCIAL / "resolution.toml"), str(PROVINCIAL / "results.csv")]
    book, appendix = tmp_path / "review.xlsx", tmp_path / "review.docx"
    common = ["--as-of", "2023-06-30", "--lang", "vi"]
    assert main(["evaluate", *inputs, *common, "--format", "xlsx", "-o", str(book)]) == 0
    assert main(["evaluate", *inputs, *common, "--format", "docx", "-o", str(appendix)]) == 0
    sheet = openpyxl.load_workbook(book).worksheets[0]
    assert sheet.title == "Đánh giá"
    assert sheet["A20"].value == SUMMARY["vi"]
    assert docx.Document(appendix).paragraphs[-1].text == SUMMARY["vi"]


def test_cli_demo_writes_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "demo.xlsx"
    assert main(["demo", "--format", "xlsx", "-o", str(book)]) == 0
    sheet = openpyxl.load_workbook(book).worksheets[0]
    assert sheet["A1"].value == TITLE["en"]
    assert sheet["A20"].value == SUMMARY["en"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["demo", "--format", "xlsx"],
         "resolmetrics demo: error: --format xlsx writes a binary file, not text for standard "
         "output; give -o FILE.xlsx"),
        (["demo", "--format", "docx", "-o", "{tmp}/a.xlsx"],
         "resolmetrics demo: error: -o '{tmp}/a.xlsx' ends in .xlsx, but --format is docx; "
         "give --format xlsx"),
        (["demo", "--format", "xlsx", "-o", "{tmp}/review.txt"],
         "resolmetrics demo: error: --format xlsx writes a .xlsx file; give -o FILE.xlsx, not "
         "'{tmp}/review.txt'"),
        (["demo", "-o", "{tmp}/a.docx"],
         "resolmetrics demo: error: -o '{tmp}/a.docx' ends in .docx, but --format is text; "
         "give --format docx"),
        (["evaluate", "{res}", "{csv}", "--by", "entity", "--format", "xlsx", "-o", "{tmp}/a"],
         "resolmetrics evaluate: error: --format xlsx writes one review; with --by there is "
         "one per unit: give --format csv or parquet"),
        (["audit", "{res}", "{csv}", "--published", "{csv}", "--format", "docx", "-o",
          "{tmp}/a.docx"],
         "resolmetrics audit: error: audit writes text (or another table format), csv or json, "
         "not docx"),
    ],
)  # fmt: skip
def test_cli_refuses_what_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    where = {"tmp": str(tmp_path), "res": str(PROVINCIAL / "resolution.toml"),
             "csv": str(PROVINCIAL / "results.csv")}  # fmt: skip
    assert main([arg.format(**where) for arg in argv]) == 2
    assert capsys.readouterr().err == message.format(**where) + "\n"
    assert list(tmp_path.iterdir()) == []


def test_cli_missing_extra_is_invalid_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    assert main(["demo", "--format", "docx", "-o", str(tmp_path / "a.docx")]) == 1
    assert capsys.readouterr().err == (
        "resolmetrics demo: Report.to_docx() needs docx: pip install 'resolmetrics[docx]'\n"
    )


def test_cli_cannot_write_is_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "a.xlsx"
    assert main(["demo", "--format", "xlsx", "-o", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"resolmetrics demo: cannot write --output {str(target)!r}: No such file or directory\n"
    )


# The pages, as LibreOffice prints them


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_both_documents_convert_to_pdf_holding_the_summary(tmp_path: Path) -> None:
    report = demo_report("vi")
    report.to_xlsx(tmp_path / "review-xlsx.xlsx", "vi")
    report.to_docx(tmp_path / "review-docx.docx", "vi")
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(tmp_path / "review-xlsx.xlsx"), str(tmp_path / "review-docx.docx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for name in ("review-xlsx", "review-docx"):
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.stat().st_size > 1000
        if shutil.which("pdftotext") is None:
            continue
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        flat = " ".join(text.split())
        assert SUMMARY["vi"] in flat
        assert "Vượt 2,5 điểm phần trăm" in flat
        if name == "review-xlsx":  # the number formats, as LibreOffice writes them
            assert "94,5%" in flat
            assert "26.150 tỷ đồng" in flat
            assert "+1.150 tỷ đồng" in flat
