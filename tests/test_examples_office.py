"""examples/office_documents.py writes the demo review's workbook and appendix.

The files are read back: the workbook's first sheet is the Vietnamese review
(STT ... Mức đạt), row 6 is component 1b, 94,5% against "từ 92% trở lên"
(the cell value 0.945 under a percent format, 2,5 points above); the
appendix's last paragraph is the summary: 3 achieved and 5 exceeded of 15,
3 not achieved, 3 in progress, 1 without data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _support import run_python

SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "office_documents.py"

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

SUMMARY = (
    "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
    "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu."
)


def test_office_documents_writes_both_files_into_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    output = run_python(str(SCRIPT), str(folder), cwd=tmp_path)
    book, appendix = folder / "danh-gia.xlsx", folder / "phu-luc.docx"
    assert output.splitlines() == [str(book), str(appendix), SUMMARY]
    sheet = openpyxl.load_workbook(book).worksheets[0]
    assert sheet.title == "Đánh giá"
    assert [cell.value for cell in sheet[6]][:4] == [
        "1b",
        "Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 92% trở lên",
        "94,5%",
        "Vượt 2,5 điểm phần trăm",
    ]
    assert sheet["E6"].value == 0.945
    assert sheet["E6"].number_format == "[$-42A]#,##0.0%"
    assert sheet["A20"].value == SUMMARY
    document = docx.Document(appendix)
    assert document.paragraphs[0].text == "PHỤ LỤC"
    assert document.paragraphs[-1].text == SUMMARY
    assert [c.text for c in document.tables[0].rows[0].cells] == [
        "STT", "Chỉ tiêu", "Kết quả thực hiện", "So sánh với nghị quyết",
    ]  # fmt: skip


def test_office_documents_without_a_folder_uses_a_new_one(tmp_path: Path) -> None:
    output = run_python(str(SCRIPT), cwd=tmp_path)
    book, appendix, _ = output.splitlines()
    assert Path(book).name == "danh-gia.xlsx"
    assert Path(book).parent == Path(appendix).parent
    assert Path(book).parent != tmp_path
    assert openpyxl.load_workbook(book).worksheets[0]["A20"].value == SUMMARY
    import shutil

    shutil.rmtree(Path(book).parent)
