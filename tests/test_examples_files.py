"""examples/review_files.py runs from any folder and prints the review of the example files.

The expected lines are worked out from the figures in the example files:
26.150.000 triệu đồng is 26.150 tỷ đồng, 1.150 tỷ đồng (4,6%) above 25.000;
152 + 160 + 147 = 459 members against 3 × 150 = 450, 9 more (2%); 94,5%
against "92% trở lên" is 2,5 points above. The summary is the demo's
(the files hold the demo resolution and its results): 3 achieved and 5
exceeded of 15, 3 not achieved, 3 in progress (the three term targets
due in 2025) and 1 with no data (forest cover, never reported).
"""

from __future__ import annotations

from pathlib import Path

from _support import run_python

SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "review_files.py"


def run_script(cwd: Path) -> str:
    return run_python(str(SCRIPT), cwd=cwd)


def line_with(output: str, *cells: str) -> str:
    lines = [line for line in output.splitlines() if all(cell in line for cell in cells)]
    assert len(lines) == 1, f"expected one line with {cells!r} in:\n{output}"
    return lines[0]


def test_review_files_prints_table_and_summary(tmp_path: Path) -> None:
    output = run_script(tmp_path)  # not the repository root: paths are the script's own
    lines = output.splitlines()
    assert (
        lines[0] == "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)"
    )
    assert lines[-1] == (
        "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
        "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu."
    )
    line_with(output, "│ 8 ", "26.150 tỷ đồng", "Vượt 4,6% (1.150 tỷ đồng)")
    line_with(output, "│ 2 ", "2020: 152; 2021: 160; 2022: 147", "Vượt 2% (9 đảng viên)")
    line_with(output, "│ 1b ", "94,5%", "Vượt 2,5 điểm phần trăm")
    line_with(output, "│ 11 ", "Tỷ lệ che phủ rừng", "Chưa có số liệu")
