"""Reviews as Office documents: an Excel workbook and a Word appendix.

:func:`report_xlsx` writes the review table as a workbook (openpyxl, the
``xlsx`` extra); :func:`report_docx` writes it as the appendix of a
published review (python-docx, the ``docx`` extra). ``pip install
'resolmetrics[office]'`` installs both. Neither library is imported until a
document is written.

The workbook
    Sheet one (``Review`` / ``Đánh giá``) is the review table: a title row
    (the resolution's name), the review date, the header row (bold, frozen,
    with an autofilter), one row per table row (a group's own row in bold,
    with no verdict) and the summary sentence last. The verdict cell is
    tinted with its status's colour (:data:`~resolmetrics.render.STATUS_COLORS`
    mixed with white, so that black text stays readable) and edged in the
    colour itself. Three columns hold numbers that a spreadsheet can sort
    and sum: the judged value, the margin and the attainment.

    Each number cell stores the nearest binary float to the exact figure,
    as openpyxl writes it (to 16 significant digits; a whole number exactly),
    and its number format shows it
    rounded as the table's text shows it: the verdict's
    :class:`~resolmetrics.Policy` places, or more where fewer would put the
    value onto a bound it is not on, or where the application's rounding
    (half away from zero) would show other digits than the policy's
    rounding does. Shares are stored as ratios under a ``%`` format
    (94.5 percent is the cell value 0.945, shown ``94.5%``); a margin in
    percentage points is shown with the words ``percentage points`` (or
    ``%`` under ``Policy(points="percent")``); other units are written after
    the number by the format, so the value stays a number. Under
    ``lang="vi"`` the formats carry the Vietnamese locale tag
    (``[$-42A]``), which makes LibreOffice write ``94,5%`` and ``26.150``;
    Excel writes the marks of the reader's own system settings.

    Sheet two (``Exact figures`` / ``Số liệu chính xác``) holds every
    component's number, key and status code and its exact figures as text
    (``1950/23``, ``94.5``), as ``report_csv(..., exact=True)`` writes them,
    so that nothing the floats round away is lost.

The appendix
    ``Appendix`` / ``Phụ lục``, the resolution's name and the review date as
    its heading, then the table of a published mid-term review: ``STT |
    Chỉ tiêu | Kết quả thực hiện | So sánh với nghị quyết`` (``No. | Target |
    Result | Against the resolution``), its header row repeated on every
    page, a group's row in bold across the three text columns, each verdict
    cell shaded by status; then the summary sentence. A4 portrait, in Times
    New Roman, with the margins of Vietnamese administrative documents
    (3 cm left, 2 cm elsewhere).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, overload

from . import units
from .errors import InvalidArgumentTypeError, require, shown
from .numbers import (
    Exact,
    check_lang,
    decimal_places,
    mul,
    round_display,
    to_fraction,
    trimmed,
)
from .policy import DEFAULT_POLICY, Policy
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    from .resolution import Report

__all__ = ["DOCX_HEADERS", "EXACT_HEADERS", "XLSX_HEADERS", "report_docx", "report_xlsx"]

XLSX_HEADERS = {
    "en": ("No.", "Target", "Result", "Verdict", "Value", "Margin", "Attainment"),
    "vi": ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu", "Giá trị", "Chênh lệch",
           "Mức đạt"),
}  # fmt: skip
"""The header row of the workbook's review sheet, in each language."""

EXACT_HEADERS = {
    "en": ("No.", "Key", "Status", "Actual", "Unit", "Bound", "Margin", "Relative margin",
           "Attainment"),
    "vi": ("STT", "Mã chỉ tiêu", "Trạng thái", "Giá trị thực hiện", "Đơn vị", "Ngưỡng",
           "Chênh lệch", "Chênh lệch tương đối", "Mức đạt"),
}  # fmt: skip
"""The header row of the workbook's sheet of exact figures, in each language."""

DOCX_HEADERS = {
    "en": ("No.", "Target", "Result", "Against the resolution"),
    "vi": ("STT", "Chỉ tiêu", "Kết quả thực hiện", "So sánh với nghị quyết"),
}
"""The header row of the appendix's table, in each language."""

_SHEETS = {"en": ("Review", "Exact figures"), "vi": ("Đánh giá", "Số liệu chính xác")}
_APPENDIX = {"en": "Appendix", "vi": "Phụ lục"}

_POINTS = {
    "en": {"percent": "percentage points", "permille": "per-mille points"},
    "vi": {"percent": "điểm phần trăm", "permille": "điểm phần nghìn"},
}
_ONE_POINT = {"percent": "percentage point", "permille": "per-mille point"}
_STEPS = {"en": ("rating steps", "rating step"), "vi": ("bậc xếp loại", "bậc xếp loại")}
_UNITS = {"en": ("units", "unit"), "vi": ("đơn vị", "đơn vị")}

#: The locale tag of a Vietnamese number format (LCID 0x042A).
VI_FORMAT_TAG = "[$-42A]"

#: A number cell never shows more decimals than this (a double holds about 15 digits).
_MOST_PLACES = 15

# Characters XML 1.0 cannot hold: neither workbooks nor documents can store them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """*text* without the control characters an Office file cannot hold (each becomes U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


# Reviews as text: the headings both documents share.


def _review_date(report: Report, lang: str) -> str:
    as_of = report.as_of
    if as_of is None:
        return "Final review" if lang == "en" else "Tổng kết"
    if lang == "en":
        return f"Review at {as_of.day} {as_of:%B %Y}"
    return f"Đánh giá ngày {as_of:%d/%m/%Y}"


def _checked(report: object, lang: object, function: str) -> tuple[Report, str]:
    from .resolution import Report

    if not isinstance(report, Report):
        raise InvalidArgumentTypeError(
            f"{function}: report must be a Report, such as resolution.evaluate(results), "
            f"got {shown(report)}"
        )
    checked_lang = check_lang(lang)
    assert checked_lang is not None
    return report, checked_lang


def _destination(path_or_file: object, function: str, suffix: str) -> Path | IO[bytes]:
    """A path to write to, or a binary file object; else a clear TypeError."""
    if isinstance(path_or_file, str | os.PathLike):
        return Path(path_or_file)
    if isinstance(path_or_file, io.TextIOBase) or not callable(
        getattr(path_or_file, "write", None)
    ):
        raise InvalidArgumentTypeError(
            f"{function}: path_or_file must be a path (such as 'review{suffix}') or a file "
            f"opened for writing bytes (open('review{suffix}', 'wb'), io.BytesIO()), got "
            f"{shown(path_or_file)}"
        )
    return path_or_file  # type: ignore[return-value]


def _deliver(data: bytes, target: Path | IO[bytes]) -> Path | None:
    if isinstance(target, Path):
        target.write_bytes(data)
        return target
    target.write(data)
    return None


# Numbers as the cells of a workbook hold them.


def _stored(value: Exact) -> int | float:
    """The cell value of an exact number: an int when whole, else the nearest float."""
    fraction = to_fraction(value)
    if fraction.denominator == 1 and abs(fraction.numerator) < 2**53:
        return fraction.numerator
    return float(fraction)


def _cell_places(value: Exact, stored: int | float, places: int, policy: Policy) -> int:
    """The decimals a number format shows *value* with, *stored* in the cell.

    At least *places*; more where the application's rounding of *stored*
    (half away from zero) would show other digits than *policy*'s rounding
    of the exact value. Trailing zeros are left off: 94.50 shows ``94.5``.
    """
    seen = Decimal(repr(stored))
    while places < _MOST_PLACES:
        mine = round_display(value, places, policy.rounding)
        if mine == round_display(seen, places, ROUND_HALF_UP):
            break
        places += 1
    shown_places = decimal_places(trimmed(round_display(value, places, policy.rounding)))
    return shown_places or 0


def _number_format(
    places: int, lang: str, *, suffix: str = "", percent: bool = False, signed: bool = False
) -> str:
    """An Excel number format: grouped thousands, *places* decimals, then *suffix*.

    *percent* makes it a percent format (the cell holds a ratio: 0.945 shows
    ``94.5%``); a *suffix* is written after the number as quoted text (a
    quoted ``%`` is only a sign). *signed* puts ``+`` before a positive number.
    """
    body = "#,##0" + ("." + "0" * places if places else "")
    tail = ("%" if percent else "") + ('"' + suffix.replace('"', "'") + '"' if suffix else "")
    code = body + tail
    if signed:
        code = f"+{code};-{code};{code}"
    return (VI_FORMAT_TAG if lang == "vi" else "") + code


def _places_for(value: Exact, policy: Policy, unlike: Sequence[Exact]) -> int:
    from .render import MAX_PLACES, _places

    places = _places(value, policy, unlike)
    return MAX_PLACES if places is None else places


def _counts_units(verdict: Verdict) -> bool:
    from .render import _counts_units

    return _counts_units(verdict)


def _value_cell(verdict: Verdict, lang: str) -> tuple[int | float | str | None, str]:
    """The judged value: its cell value and its number format ("" for text or nothing)."""
    actual = verdict.actual
    if actual is None:
        return None, ""
    if isinstance(actual, str):
        return actual, ""
    policy = verdict.policy or DEFAULT_POLICY
    unit = verdict.basis.unit
    bounds = [b for b in verdict.basis.rule.bounds if not isinstance(b, str)]  # type: ignore[union-attr]
    places = _places_for(actual, policy, [Decimal(0), *bounds])
    if unit == "percent":
        stored = _stored(to_fraction(actual) / 100)
        places = _cell_places(actual, _stored(actual), places, policy)
        return stored, _number_format(places, lang, percent=True)
    stored = _stored(actual)
    places = _cell_places(actual, stored, places, policy)
    one = round_display(actual, places, policy.rounding) == 1
    if unit == "permille":
        suffix = "‰"
    elif _counts_units(verdict):
        suffix = " " + _UNITS[lang][one]
    else:
        label = units.label(unit, lang, one=one)
        suffix = f" {label}" if label else ""
    return stored, _number_format(places, lang, suffix=suffix)


def _margin_cell(verdict: Verdict, lang: str) -> tuple[int | float | None, str]:
    """The signed margin: its cell value and number format, in the margin's own unit."""
    margin = verdict.margin
    if margin is None:
        return None, ""
    policy = verdict.policy or DEFAULT_POLICY
    basis = verdict.basis
    unit = basis.unit
    stored = _stored(margin)
    size = -margin if margin < 0 else margin
    if basis.indicator.scale is not None:
        one = size == 1
        return stored, _number_format(0, lang, suffix=" " + _STEPS[lang][one], signed=True)
    places = _cell_places(margin, stored, _places_for(size, policy, [Decimal(0)]), policy)
    one = round_display(size, places, policy.rounding) == 1
    if _counts_units(verdict):
        suffix = " " + _UNITS[lang][one]
    elif unit == "percent" and policy.points == "percent":
        suffix = "%"  # the customary "Vượt 3,1%", in quotes: the cell holds points, not a ratio
    elif unit in ("percent", "permille"):
        suffix = " " + (_ONE_POINT[unit] if one and lang == "en" else _POINTS[lang][unit])
    else:
        label = units.label(unit, lang, one=one)
        suffix = f" {label}" if label else ""
    return stored, _number_format(places, lang, suffix=suffix, signed=True)


def _attainment_cell(verdict: Verdict, lang: str) -> tuple[int | float | None, str]:
    """The attainment ratio under a percent format: 1.046 shows ``104.6%``."""
    attainment = verdict.attainment
    if attainment is None:
        return None, ""
    policy = verdict.policy or DEFAULT_POLICY
    exact_percent = mul(attainment, Decimal(100))
    places = _places_for(exact_percent, policy, [Decimal(0), Decimal(100)])
    places = _cell_places(exact_percent, _stored(exact_percent), places, policy)
    return _stored(attainment), _number_format(places, lang, percent=True)


# The workbook.

_WIDTHS = (7, 46, 32, 40, 20, 24, 12)
_EXACT_WIDTHS = (7, 16, 14, 26, 12, 12, 26, 26, 26)
_WRAPPED = (1, 2, 3)  # the text columns (from 0) whose long cells wrap


@overload
def report_xlsx(
    report: Report, path_or_file: str | os.PathLike[str], lang: str = "en"
) -> Path: ...


@overload
def report_xlsx(report: Report, path_or_file: IO[bytes], lang: str = "en") -> None: ...


def report_xlsx(
    report: Report, path_or_file: str | os.PathLike[str] | IO[bytes], lang: str = "en"
) -> Path | None:
    """Write *report* as an Excel workbook (needs openpyxl: the ``xlsx`` extra).

    *path_or_file* is a path (the file is created or replaced) or a file
    object opened for writing bytes (the workbook is written at its
    position; it is left open). Returns the :class:`~pathlib.Path` written,
    or None for a file object. ``lang`` is ``"en"`` or ``"vi"``: the sheet
    names, headers, texts and number formats. The module's docstring
    describes the sheets, the number formats and the colours.
    """
    return _xlsx(report, path_or_file, lang, "report_xlsx()")


def _xlsx(report: object, path_or_file: object, lang: object, caller: str) -> Path | None:
    checked, lang = _checked(report, lang, caller)
    target = _destination(path_or_file, caller, ".xlsx")
    openpyxl = require("openpyxl", "xlsx", caller)

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    review, exact = _SHEETS[lang]
    sheet.title = review
    _review_sheet(sheet, checked, lang)
    _exact_sheet(book.create_sheet(exact), checked, lang)
    book.properties.title = _xml_text(checked.resolution.name)
    buffer = io.BytesIO()
    book.save(buffer)
    return _deliver(buffer.getvalue(), target)


def _openpyxl() -> tuple[Any, Any]:
    """openpyxl's styles module and its column-letter function (openpyxl ships no types)."""
    import importlib

    styles = importlib.import_module("openpyxl.styles")
    return styles, importlib.import_module("openpyxl.utils").get_column_letter


def _put(sheet: Any, row: int, column: int, value: object, number_format: str = "") -> Any:
    """Set one cell; a text is always stored as text (never read as a formula)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _xml_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def _review_sheet(sheet: Any, report: Report, lang: str) -> None:
    styles, get_column_letter = _openpyxl()
    Alignment, Border, Font = styles.Alignment, styles.Border, styles.Font
    PatternFill, Side = styles.PatternFill, styles.Side

    from .render import STATUS_COLORS, _report_rows, _tint, summary

    headers = XLSX_HEADERS[lang]
    last = get_column_letter(len(headers))
    top = Alignment(vertical="top", wrap_text=True)
    _put(sheet, 1, 1, report.resolution.name).font = Font(bold=True, size=13)
    _put(sheet, 2, 1, _review_date(report, lang)).font = Font(italic=True)
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")
    thin = Side(style="thin", color="BFBFBF")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, title in enumerate(headers, start=1):
        cell = _put(sheet, 3, column, title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        cell.border = grid
    row = 3
    for number, verdict, (goal, result, said) in _report_rows(report, lang, "report_xlsx"):
        row += 1
        if verdict is None:  # a group's own row: its label, in bold, and no verdict
            for column in range(1, len(headers) + 1):
                cell = _put(sheet, row, column, (number, goal)[column - 1] if column < 3 else "")
                cell.font = Font(bold=True)
                cell.alignment = top
                cell.border = grid
            _fit_height(sheet, row, ("", goal))
            continue
        figures = (
            _value_cell(verdict, lang),
            _margin_cell(verdict, lang),
            _attainment_cell(verdict, lang),
        )
        texts = (number, goal, result, said)
        for column, text in enumerate(texts, start=1):
            cell = _put(sheet, row, column, text)
            cell.alignment = top
            cell.border = grid
        for column, (value, code) in enumerate(figures, start=len(texts) + 1):
            cell = _put(sheet, row, column, value, code)
            cell.alignment = Alignment(vertical="top", horizontal="right")
            cell.border = grid
        color = STATUS_COLORS[verdict.status]
        said_cell = sheet.cell(row=row, column=4)
        said_cell.fill = PatternFill("solid", fgColor=_tint(color)[1:].upper())
        said_cell.border = Border(
            left=Side(style="thick", color=color[1:].upper()), right=thin, top=thin, bottom=thin
        )
        _fit_height(sheet, row, texts)
    table_end = row
    row += 1
    sentence = summary(report.verdicts, lang)
    cell = _put(sheet, row, 1, sentence)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.merge_cells(f"A{row}:{last}{row}")
    sheet.row_dimensions[row].height = 15 * _lines(sentence, sum(_WIDTHS) - 2)
    for column, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:{last}{table_end}"
    _print_setup(sheet, "3:3")


def _lines(text: str, width: int, *, hard: bool = False) -> int:
    """About how many lines *text* wraps onto in a column *width* characters wide.

    Words wrap at spaces; a word longer than the column is broken (*hard*)
    or left to run on.
    """
    count = 0
    for paragraph in text.split("\n"):
        line = 0
        count += 1
        for word in paragraph.split(" "):
            if line and line + 1 + len(word) > width:
                count += 1
                line = len(word)
            else:
                line += len(word) + (1 if line else 0)
            while hard and line > width:
                count += 1
                line -= width
    return max(count, 1)


def _fit_height(sheet: Any, row: int, texts: Sequence[str]) -> None:
    """Set the row's height to the tallest of its wrapped text cells (15 points a line).

    Spreadsheet applications do not all fit a row to wrapped text on opening.
    """
    lines = max(
        _lines(text, _WIDTHS[column] - 1) if column in _WRAPPED else 1
        for column, text in enumerate(texts)
    )
    if lines > 1:
        sheet.row_dimensions[row].height = 15 * lines


def _exact_sheet(sheet: Any, report: Report, lang: str) -> None:
    styles, get_column_letter = _openpyxl()
    Alignment, Font = styles.Alignment, styles.Font

    from .render import VERDICT_FIGURES, _exact_text

    wrapped = Alignment(vertical="top", wrap_text=True)
    for column, title in enumerate(EXACT_HEADERS[lang], start=1):
        cell = _put(sheet, 1, column, title)
        cell.font = Font(bold=True)
        cell.alignment = wrapped
    row = 1
    for report_row in report.rows:
        for number, verdict in zip(report_row.numbers, report_row.verdicts, strict=True):
            row += 1
            figures = [_exact_text(getattr(verdict, name)) for name in VERDICT_FIGURES]
            texts = (number, verdict.key, verdict.status.value, *figures)
            for column, text in enumerate(texts, start=1):
                _put(sheet, row, column, text, "@").alignment = wrapped
            lines = max(_lines(text, width - 1, hard=True)
                        for text, width in zip(texts, _EXACT_WIDTHS, strict=True))  # fmt: skip
            if lines > 1:
                sheet.row_dimensions[row].height = 15 * lines
    for column, width in enumerate(_EXACT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(_EXACT_WIDTHS))}{row}"
    _print_setup(sheet, "1:1")


def _print_setup(sheet: Any, title_rows: str) -> None:
    """Print *sheet* on A4 landscape, as wide as one page, its *title_rows* on every page."""
    sheet.print_title_rows = title_rows
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


# The appendix.

_CM_WIDTHS = (1.3, 5.5, 3.8, 5.4)  # 16 cm: A4 less 3 cm on the left and 2 cm on the right
_FONT = "Times New Roman"


@overload
def report_docx(
    report: Report, path_or_file: str | os.PathLike[str], lang: str = "en"
) -> Path: ...


@overload
def report_docx(report: Report, path_or_file: IO[bytes], lang: str = "en") -> None: ...


def report_docx(
    report: Report, path_or_file: str | os.PathLike[str] | IO[bytes], lang: str = "en"
) -> Path | None:
    """Write *report* as the appendix of a published review, a Word document (needs
    python-docx: the ``docx`` extra).

    *path_or_file* is a path (the file is created or replaced) or a file
    object opened for writing bytes (left open). Returns the
    :class:`~pathlib.Path` written, or None for a file object. ``lang`` is
    ``"en"`` or ``"vi"``. The module's docstring describes the layout.
    """
    return _docx(report, path_or_file, lang, "report_docx()")


def _docx(report: object, path_or_file: object, lang: object, caller: str) -> Path | None:
    checked, lang = _checked(report, lang, caller)
    target = _destination(path_or_file, caller, ".docx")
    require("docx", "docx", caller)
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from .render import summary

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(13)
    _language(normal.element, lang)
    document.core_properties.title = _xml_text(checked.resolution.name)

    for text, bold, italic in (
        (_APPENDIX[lang].upper(), True, False),
        (checked.resolution.name, True, False),
        (f"({_review_date(checked, lang)})", False, True),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(_xml_text(text))
        run.bold, run.italic = bold, italic
    document.add_paragraph().paragraph_format.space_after = Pt(0)

    rows = _report_rows_of(checked, lang)
    table = document.add_table(rows=1 + len(rows), cols=4)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, _CM_WIDTHS, strict=True):
        column.width = Cm(width)
    header = table.rows[0]
    _repeat_header(header)
    for cell, title in zip(header.cells, DOCX_HEADERS[lang], strict=True):
        _write_cell(cell, title, bold=True, center=True)
    for table_row, (number, verdict, cells) in zip(table.rows[1:], rows, strict=True):
        _keep_together(table_row)
        if verdict is None:  # a group's own row: its label across the three text columns
            _write_cell(table_row.cells[0], number, bold=True, center=True)
            merged = table_row.cells[1].merge(table_row.cells[3])
            _write_cell(merged, cells[0], bold=True)
            continue
        _write_cell(table_row.cells[0], number, center=True)
        for cell, text in zip(table_row.cells[1:], cells, strict=True):
            _write_cell(cell, text)
        _shade(table_row.cells[3], verdict.status)
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, _CM_WIDTHS, strict=True):
            cell.width = Cm(width)

    closing = document.add_paragraph()
    closing.paragraph_format.space_before = Pt(8)
    closing.add_run(_xml_text(summary(checked.verdicts, lang))).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return _deliver(buffer.getvalue(), target)


def _report_rows_of(
    report: Report, lang: str
) -> list[tuple[str, Verdict | None, tuple[str, ...]]]:
    from .render import _report_rows

    return [(n, v, tuple(c)) for n, v, c in _report_rows(report, lang, "report_docx")]


def _write_cell(cell: Any, text: str, *, bold: bool = False, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:  # a merged cell keeps the paragraphs of each part
        extra._element.getparent().remove(extra._element)
    paragraph.paragraph_format.space_after = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(_xml_text(text))
    run.bold = bold
    run.font.size = Pt(12)


def _shade(cell: Any, status: Status) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from .render import STATUS_COLORS, _tint

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _tint(STATUS_COLORS[status])[1:].upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _row_property(row: Any, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row: Any) -> None:
    """Repeat *row* at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def _keep_together(row: Any) -> None:
    """Keep *row* on one page."""
    _row_property(row, "w:cantSplit")


def _language(style_element: Any, lang: str) -> None:
    """Mark the text of a style as written in *lang* (for spelling and hyphenation)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = style_element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    properties.append(tag)
