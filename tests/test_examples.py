"""The example scripts and the demo run, and print the verdicts worked out by hand.

Each expected line below was derived from the figures in the script and the
verdict rules, not copied from a run: e.g. 94.5% against "92% trở lên" is
exceeded by 94.5 - 92 = 2.5 percentage points; 249 members against 240 is
exceeded by 9 / 240 = 3.75%; 33/52 = 63.46% against 70% is 6.54 points short.
``explain()`` is the short phrase of the verdict column; ``detail=True`` adds
": <value> against <target>".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str) -> str:
    """Run ``python *args`` from the repository root; fail unless it exits with 0."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    completed = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, (
        f"python {' '.join(args)} exited with {completed.returncode}:\n{completed.stderr}"
    )
    assert completed.stderr == "", completed.stderr
    return completed.stdout


def row(output: str, *cells: str) -> str:
    """The one line of *output* holding all *cells* (a table row or an explanation)."""
    lines = [line for line in output.splitlines() if all(cell in line for cell in cells)]
    assert len(lines) == 1, f"expected one line with {cells!r}, found {lines!r} in:\n{output}"
    return lines[0]


# Lines (or sets of cells on one line) each script must print.
EXPECTED: dict[str, list[tuple[str, ...]]] = {
    "first_verdicts.py": [
        # A met strict bound: the short phrase is the status alone.
        ("1. Party cells rated good or better [achieved]: achieved",),
        ("en: achieved: 94% against above 90%",),
        ("vi: Đạt: 94% so với trên 90%",),
        ("2. Members rated good or better [exceeded]: exceeded by 2.5 percentage points",),
        ("en: exceeded by 2.5 percentage points: 94.5% against at least 92%",),
        ("vi: Vượt 2,5 điểm phần trăm: 94,5% so với từ 92% trở lên",),
        ("en: achieved: 97% against at least 97%",),
        ("en: achieved: 3.1% against below 4%",),
        ("5. New members admitted [exceeded]: exceeded by 3.75% (9 members)",),
        ("en: exceeded by 3.75% (9 members): 249 members against at least 240 members",),
        ("vi: Vượt 3,75% (9 đảng viên): 249 đảng viên so với từ 240 đảng viên trở lên",),
        # One step short: the singular "step".
        ("6. Party committee rating [not_achieved]: not achieved, short by 1 rating step",),
        ("en: not achieved, short by 1 rating step: HTNV against at least HTTNV",),
        ("vi: Không đạt, thiếu 1 bậc xếp loại: HTNV so với từ HTTNV trở lên",),
        ("en: not achieved, short by 6.54 percentage points: 63.46% against at least 70%",),
        ("vi: Không đạt, thiếu 6,54 điểm phần trăm: 63,46% so với từ 70% trở lên",),
        # 4749/4999 = 94.998999...%: 95 - 474900/4999 = 5/4999 = 0.0010002 points short.
        # Two decimals would show "95%" and "0"; three tell the value from the bound.
        ("en: not achieved, short by 0.001 percentage points: 94.999% against at least 95%",),
        ("vi: Không đạt, thiếu 0,001 điểm phần trăm: 94,999% so với từ 95% trở lên",),
        # exactly(120) on 123: off by 3 = 3/120 = 2.5%; a miss on either side.
        ("9. Commune civil servants [not_achieved]: not achieved, off by 2.5% (3 persons)",),
        ("en: not achieved, off by 2.5% (3 persons): 123 persons against exactly 120 persons",),
        ("vi: Không đạt, lệch 2,5% (3 người): 123 người so với đúng 120 người",),
        ("10. Forest cover [no_data]: no data",),
        ("en: no data: nothing was reported for Forest cover",),
        ("vi: Chưa có số liệu: chưa có kết quả cho Forest cover",),
    ],
    "units_and_money.py": [
        # 12 480 triệu đồng = 12.48 tỷ đồng (no trailing zero): 0.48 over 12, which is 4%.
        ("-> actual Decimal('12.48') tỷ đồng",),
        (
            "en: exceeded by 4% (0.48 billion đồng): "
            "12.48 billion đồng against at least 12 billion đồng",
        ),
        ("vi: Vượt 4% (0,48 tỷ đồng): 12,48 tỷ đồng so với từ 12 tỷ đồng trở lên",),
        # 11 750 000 000 đồng = 11.75 tỷ đồng: 0.25 short of 12, which is 2.08%.
        ("-> actual Decimal('11.75') tỷ đồng",),
        (
            "en: not achieved, short by 2.08% (0.25 billion đồng): "
            "11.75 billion đồng against at least 12 billion đồng",
        ),
        ("vi: Không đạt, thiếu 2,08% (0,25 tỷ đồng): 11,75 tỷ đồng so với từ 12 tỷ đồng trở lên",),
        ("en: achieved: 12 billion đồng against at least 12 billion đồng",),
        # 18 members against at least 15: 3 over, which is 20%.
        ("en: exceeded by 20% (3 members): 18 members against at least 15 members",),
        ("vi: Vượt 20% (3 đảng viên): 18 đảng viên so với từ 15 đảng viên trở lên",),
        # 16 against 15: 1 over (singular), 1/15 = 6.67%.
        ("en: exceeded by 6.67% (1 member): 16 members against at least 15 members",),
        ("vi: Vượt 6,67% (1 đảng viên): 16 đảng viên so với từ 15 đảng viên trở lên",),
        # 5 200 visits against 5 000: 200 over, 4%.
        ("en: exceeded by 4% (200 visits): 5,200 visits against at least 5,000 visits",),
        ("vi: Vượt 4% (200 lượt người): 5.200 lượt người so với từ 5.000 lượt người trở lên",),
        ("UnitError: indicator 'visits': cannot compare 'người' with 'lượt người'",),
        # 21 500 against 20 000: 1 500 over, 7.5%; a defined unit shows as written.
        (
            "en: exceeded by 7.5% (1,500 lượt khách): "
            "21,500 lượt khách against at least 20,000 lượt khách",
        ),
        (
            "vi: Vượt 7,5% (1.500 lượt khách): "
            "21.500 lượt khách so với từ 20.000 lượt khách trở lên",
        ),
        ("UnitError: indicator 'admitted': cannot compare 'percent' with 'member'",),
    ],
    "review_table.py": [
        # Vietnamese table and summary.
        ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
        # 11/12 = 91.67% against "trên 85%": a met strict bound is Đạt.
        ("Chi bộ hoàn thành tốt nhiệm vụ trở lên: trên 85%", "91,67%", "│ Đạt "),
        ("Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 90% trở lên", "92,6%",
         "Vượt 2,6 điểm phần trăm"),
        # 2849/2999 = 94.99833...%: 95 - 284900/2999 = 5/2999 = 0.00167 points short,
        # shown with three decimals, not as "95%" and "0".
        ("Người dân tham gia bảo hiểm y tế: từ 95% trở lên", "│ 94,998% ",
         "Không đạt, thiếu 0,002 điểm phần trăm"),
        ("Kết nạp đảng viên mới: từ 15 đảng viên trở lên", "18 đảng viên",
         "Vượt 20% (3 đảng viên)"),
        ("Tỷ lệ hộ nghèo: dưới 2%", "2,4%", "Không đạt, thiếu 0,4 điểm phần trăm"),
        # 9 120 triệu đồng = 9.12 tỷ đồng: 0.62 over 8.5, which is 7.29%.
        ("Thu ngân sách xã: từ 8,5 tỷ đồng trở lên", "9,12 tỷ đồng", "Vượt 7,29% (0,62 tỷ đồng)"),
        ("Xếp loại Đảng bộ xã: từ HTTNV trở lên", "HTTNV", "│ Đạt "),
        ("Gia đình đạt chuẩn văn hóa: từ 90% trở lên", "│ Chưa có số liệu "),
        # 10.5 km against 12 km: 1.5 short, which is 12.5%.
        ("Đường giao thông nông thôn được cứng hóa: từ 12 km trở lên", "10,5 km",
         "Không đạt, thiếu 12,5% (1,5 km)"),
        # 9 rows: met 1, 2, 4, 6, 7 (achieved 1, 7; exceeded 2, 4, 6); missed 3, 5, 9; no data 8.
        ("Hoàn thành và vượt 5/9 chỉ tiêu (2 đạt, 3 vượt); không đạt 3/9 chỉ tiêu; "
         "chưa có số liệu 1/9 chỉ tiêu.",),
        # English table and summary ("│ achieved " is the whole cell, not "not achieved").
        ("No.", "Target", "Result", "Verdict"),
        ("Party cells rated good or better: above 85%", "91.67%", "│ achieved "),
        ("Members rated good or better: at least 90%", "92.6%",
         "exceeded by 2.6 percentage points"),
        ("Residents with health insurance: at least 95%", "│ 94.998% ",
         "not achieved, short by 0.002 percentage points"),
        ("Poor households: below 2%", "2.4%", "not achieved, short by 0.4 percentage points"),
        ("Commune budget revenue: at least 8.5 billion đồng", "9.12 billion đồng",
         "exceeded by 7.29% (0.62 billion đồng)"),
        ("Families meeting the cultural standard: at least 90%", "│ no data "),
        ("Rural roads paved: at least 12 km", "10.5 km", "not achieved, short by 12.5% (1.5 km)"),
        ("Met 5 of 9 targets (2 achieved, 3 exceeded); 3 not achieved; 1 with no data.",),
    ],
}  # fmt: skip


def test_every_example_has_expectations() -> None:
    scripts = sorted(path.name for path in EXAMPLES.glob("*.py"))
    assert scripts == sorted(EXPECTED)


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_example_runs_and_prints_its_verdicts(script: str) -> None:
    output = run(str(EXAMPLES / script))
    for cells in EXPECTED[script]:
        row(output, *cells)


def test_demo_prints_the_review_and_its_summary() -> None:
    output = run("-m", "resolmetrics", "demo")
    # 94.5% against "92% trở lên": exceeded by 2.5 percentage points.
    row(output, "Members rated good or better: at least 92%", "94.5%",
        "exceeded by 2.5 percentage points")  # fmt: skip
    # 249 against 240: exceeded by 9 / 240 = 3.75%.
    row(output, "249 members", "exceeded by 3.75% (9 members)")
    # 4 achieved (rows 1, 3, 6, 11), 4 exceeded (2, 4, 7, 8), 2 missed (5, 9), 1 no data (10).
    row(output, "Met 8 of 11 targets (4 achieved, 4 exceeded); 2 not achieved; 1 with no data.")


def test_demo_in_vietnamese_prints_the_review_and_its_summary() -> None:
    output = run("-m", "resolmetrics", "demo", "--lang", "vi")
    row(output, "STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu")
    row(output, "94,5%", "Vượt 2,5 điểm phần trăm")
    row(output, "249 đảng viên", "Vượt 3,75% (9 đảng viên)")
    row(
        output,
        "Hoàn thành và vượt 8/11 chỉ tiêu (4 đạt, 4 vượt); không đạt 2/11 chỉ tiêu; "
        "chưa có số liệu 1/11 chỉ tiêu.",
    )
