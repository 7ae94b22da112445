"""The example scripts and the demo run, and print the verdicts worked out by hand.

Each expected line or table row below was derived from the figures in the
script and the verdict rules, not copied from a run: e.g. 94.5% against "92%
trở lên" is exceeded by 94.5 - 92 = 2.5 percentage points; 249 members
against 240 is exceeded by 9 / 240 = 3.75%; 33/52 = 63.46% against 70% is
6.54 points short. ``explain()`` is the short phrase of the verdict column;
``detail=True`` adds ": <value> against <target>".

Review tables are printed in grid formats, whose long cells wrap onto several
lines; :func:`table_rows` puts the pieces of each cell back together, so a
table row is checked as its four whole cells.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _support import run_python

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str) -> str:
    """Run ``python *args`` from the repository root; fail unless it exits with 0."""
    return run_python(*args, cwd=ROOT)


def row(output: str, *cells: str) -> str:
    """The one line of *output* holding all *cells* (an explanation or a summary)."""
    lines = [line for line in output.splitlines() if all(cell in line for cell in cells)]
    assert len(lines) == 1, f"expected one line with {cells!r}, found {lines!r} in:\n{output}"
    return lines[0]


_BORDERS = ("┌", "├", "└", "+", "╞")
_SIDES = ("│", "|")


def table_rows(output: str) -> list[tuple[str, ...]]:
    """Every row of every grid table in *output*, each cell's wrapped lines joined.

    A cell wrapped at a space is joined with one space; one wrapped after a
    hyphen ("2020-" / "2022") is joined without.
    """
    rows: list[tuple[str, ...]] = []
    pieces: list[list[str]] = []

    def finish() -> None:
        if pieces:
            rows.append(tuple(_join(cell) for cell in pieces))
            pieces.clear()

    for line in output.splitlines():
        if line.startswith(_BORDERS):
            finish()
        elif line.startswith(_SIDES):
            side = line[0]
            cells = [cell.strip() for cell in line.strip()[1:-1].split(side)]
            if not pieces:
                pieces.extend([] for _ in cells)
            for column, cell in zip(pieces, cells, strict=True):
                if cell:
                    column.append(cell)
        else:
            finish()
    finish()
    return rows


def _join(fragments: list[str]) -> str:
    text = ""
    for fragment in fragments:
        text += fragment if not text or text.endswith("-") else " " + fragment
    return text


def has_row(output: str, *cells: str) -> None:
    """*output* has exactly one table row whose cells are *cells*."""
    rows = table_rows(output)
    found = [r for r in rows if r == cells]
    shown = "\n".join(map(repr, rows))
    assert len(found) == 1, f"expected one row {cells!r} among:\n{shown}"


# Lines (or sets of text on one line) each script must print.
LINES: dict[str, list[tuple[str, ...]]] = {
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
        ("Sơ kết giữa nhiệm kỳ nghị quyết Đảng bộ xã (số liệu giả định)",),
        # 9 rows: met 1, 2, 4, 6, 7 (achieved 1, 7; exceeded 2, 4, 6); missed 3, 5, 9; no data 8.
        ("Hoàn thành và vượt 5/9 chỉ tiêu (2 đạt, 3 vượt); không đạt 3/9 chỉ tiêu; "
         "chưa có số liệu 1/9 chỉ tiêu.",),
        ("Mid-term review of the commune party resolution (invented figures)",),
        ("Met 5 of 9 targets (2 achieved, 3 exceeded); 3 not achieved; 1 with no data.",),
    ],
    "provincial_review.py": [
        ("Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 (giả định)",),
        ("Sơ kết giữa nhiệm kỳ, ngày 30/06/2023",),
        ("Resolution of the provincial party congress, term 2020-2025 (invented)",),
        ("Mid-term review at 30 June 2023",),
        # Nine components (1a, 1b, 2, 3, 4a, 4b, 4c, 5, 6): achieved 1b, 3, 4c; exceeded
        # 1a, 4a, 4b; not achieved 2; in progress 5; no data 6.
        ("Hoàn thành và vượt 6/9 chỉ tiêu (3 đạt, 3 vượt); không đạt 1/9 chỉ tiêu; "
         "đang thực hiện 1/9 chỉ tiêu; chưa có số liệu 1/9 chỉ tiêu.",),
        ("Met 6 of 9 targets (3 achieved, 3 exceeded); 1 not achieved; 1 in progress; "
         "1 with no data.",),
    ],
    "text_review.py": [
        ("Sơ kết giữa nhiệm kỳ 2020-2025, ngày 30/06/2023 (số liệu giả định)",),
        ("Mid-term review of the term 2020-2025 at 30 June 2023 (invented figures)",),
        # How each target's text is read: "Trên" is a strict bound; a rating beside a
        # share makes it a share of units; "mỗi năm" is yearly; "tăng 5-7%/năm" a growth
        # range; "Trong nhiệm kỳ" due at the end of the term; "đạt 1.200" a point target.
        ("1. Trên 90% chi bộ hoàn thành tốt nhiệm vụ trở lên -> above(90), unit='percent', "
         "per=None, due=None, measure='level'",),
        ("2. Kết nạp 15 đảng viên trở lên mỗi năm -> at_least(15), unit='member', "
         "per='year', due=None, measure='level'",),
        ("3. Thu nhập bình quân của người lao động tăng 5-7%/năm -> between(5, 7), "
         "unit='percent', per='year', due=None, measure='growth'",),
        ("4. Trong nhiệm kỳ, 70% tổ chức đảng được kiểm tra -> at_least(70), "
         "unit='percent', per=None, due='term', measure='level'",),
        ("5. Thu ngân sách trên địa bàn đạt 1.200 tỷ đồng -> at_least(1200), "
         "unit='tỷ đồng', per=None, due=None, measure='level'",),
        ("6. Tỷ lệ hộ nghèo còn dưới 3% -> below(3), unit='percent'",),
        # "15 or more" has no unit word: the indicator's unit (member) applies.
        ("2. New members admitted: 15 or more each year -> at_least(15), unit=None, "
         "per='year'",),
        ("5. Budget revenue: 1,200 billion đồng -> at_least(1200), unit='tỷ đồng'",),
        # Met 1, 3, 5, 6 (achieved 1, 3, 6; exceeded 5); missed 2, 7; in progress 4.
        ("Hoàn thành và vượt 4/7 chỉ tiêu (3 đạt, 1 vượt); không đạt 2/7 chỉ tiêu; "
         "đang thực hiện 1/7 chỉ tiêu.",),
        ("Met 4 of 7 targets (3 achieved, 1 exceeded); 2 not achieved; 1 in progress.",),
    ],
    "term_progress.py": [
        # Forest cover, at least 45% by 2025 from 40.5% in 2020; 42.1% in 2022.
        # Attained so far: 42.1 / 45 = 0.93555... = 93.56%.
        # Linear: 2 of the 5 years gone, expected 40.5 + 4.5 * 2/5 = 42.3; 42.1 is behind;
        # value (42.1 - 40.5) / (42.3 - 40.5) = 1.6 / 1.8 = 8/9.
        ("linear pro-rating: in_progress, off_track (value 8/9)",),
        ("expected by 2022: 42.3",),
        ("en: in progress, 93.56% attained so far; behind schedule (linear pro-rating): "
         "42.1 in 2022 against 42.3 expected by then on a straight line to 45 in 2025",),
        ("vi: Đang thực hiện, đạt 93,56% so với mục tiêu; chậm so với tiến độ (tính tuyến "
         "tính theo thời gian): 42,1 năm 2022 so với mức 42,3 cần đạt theo lộ trình đều "
         "đến 45 năm 2025",),
        # Open SDG: growth so far (42.1 / 40.5) ** (1/2) - 1 = 1.9562%; needed
        # (45 / 40.5) ** (1/5) - 1 = 2.1296%; ratio 0.91858: from 0.6 to 0.95, moderate.
        ("Open SDG: in_progress, moderate_progress (value 0.9186)",),
        ("growth so far 1.96% a year, needed 2.13% a year",),
        ("en: in progress, 93.56% attained so far; moderate progress, acceleration needed "
         "(Open SDG method): the growth so far is 91.86% of the growth the target needs",),
        # Poor households, below 1.5% by 2025 from 3.9% in 2020; 2.6% in 2022.
        # Attained so far (lower is better): 1.5 / 2.6 = 0.576923 = 57.69%.
        # Linear: expected 3.9 - 2.4 * 2/5 = 2.94; 2.6 is ahead;
        # value (2.6 - 3.9) / (2.94 - 3.9) = 1.3 / 0.96 = 65/48.
        ("linear pro-rating: in_progress, on_track (value 65/48)",),
        ("expected by 2022: 2.94",),
        ("en: in progress, 57.69% attained so far; on track (linear pro-rating): 2.6 in 2022 "
         "against 2.94 expected by then on a straight line to 1.5 in 2025",),
        # Open SDG: (2.6 / 3.9) ** (1/2) - 1 = -18.350%; needed (1.5 / 3.9) ** (1/5) - 1 =
        # -17.395%; in the direction of improvement 0.18350 / 0.17395 = 1.0549 >= 0.95.
        ("Open SDG: in_progress, substantial_progress (value 1.0549)",),
        ("growth so far -18.35% a year, needed -17.40% a year",),
        ("vi: Đang thực hiện, đạt 57,69% so với mục tiêu; tiến bộ đáng kể, đúng tiến độ "
         "(phương pháp Open SDG): tốc độ tăng trưởng đạt 105,49% tốc độ cần thiết để đạt "
         "mục tiêu",),
        # At the end of 2025 the target is due: 45.3 against at least 45, 0.3 points over.
        ("Forest cover at the end of the term: exceeded by 0.3 percentage points: "
         "45.3% against at least 45%, by 2025",),
        ("vi: Vượt 0,3 điểm phần trăm: 45,3% so với từ 45% trở lên, đến năm 2025",),
    ],
}  # fmt: skip

# Rows (number, target, result, verdict) of the review tables each script prints.
ROWS: dict[str, list[tuple[str, str, str, str]]] = {
    "first_verdicts.py": [],
    "units_and_money.py": [],
    "review_table.py": [
        # Vietnamese table.
        ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
        # 11/12 = 91.67% against "trên 85%": a met strict bound is Đạt.
        ("1", "Chi bộ hoàn thành tốt nhiệm vụ trở lên: trên 85%", "91,67%", "Đạt"),
        ("2", "Đảng viên hoàn thành tốt nhiệm vụ trở lên: từ 90% trở lên", "92,6%",
         "Vượt 2,6 điểm phần trăm"),
        # 2849/2999 = 94.99833...%: 95 - 284900/2999 = 5/2999 = 0.00167 points short,
        # shown with three decimals, not as "95%" and "0".
        ("3", "Người dân tham gia bảo hiểm y tế: từ 95% trở lên", "94,998%",
         "Không đạt, thiếu 0,002 điểm phần trăm"),
        ("4", "Kết nạp đảng viên mới: từ 15 đảng viên trở lên", "18 đảng viên",
         "Vượt 20% (3 đảng viên)"),
        ("5", "Tỷ lệ hộ nghèo: dưới 2%", "2,4%", "Không đạt, cao hơn 0,4 điểm phần trăm"),
        # 9 120 triệu đồng = 9.12 tỷ đồng: 0.62 over 8.5, which is 7.29%.
        ("6", "Thu ngân sách xã: từ 8,5 tỷ đồng trở lên", "9,12 tỷ đồng",
         "Vượt 7,29% (0,62 tỷ đồng)"),
        ("7", "Xếp loại Đảng bộ xã: từ HTTNV trở lên", "HTTNV", "Đạt"),
        ("8", "Gia đình đạt chuẩn văn hóa: từ 90% trở lên", "", "Chưa có số liệu"),
        # 10.5 km against 12 km: 1.5 short, which is 12.5%.
        ("9", "Đường giao thông nông thôn được cứng hóa: từ 12 km trở lên", "10,5 km",
         "Không đạt, thiếu 12,5% (1,5 km)"),
        # English table.
        ("No.", "Target", "Result", "Verdict"),
        ("1", "Party cells rated good or better: above 85%", "91.67%", "achieved"),
        ("2", "Members rated good or better: at least 90%", "92.6%",
         "exceeded by 2.6 percentage points"),
        ("3", "Residents with health insurance: at least 95%", "94.998%",
         "not achieved, short by 0.002 percentage points"),
        ("4", "New members admitted: at least 15 members", "18 members",
         "exceeded by 20% (3 members)"),
        # "Dưới 2%" where lower is better: 2.4% is 0.4 points over the bound.
        ("5", "Poor households: below 2%", "2.4%", "not achieved, over by 0.4 percentage points"),
        ("6", "Commune budget revenue: at least 8.5 billion đồng", "9.12 billion đồng",
         "exceeded by 7.29% (0.62 billion đồng)"),
        ("7", "Commune party committee rating: at least HTTNV", "HTTNV", "achieved"),
        ("8", "Families meeting the cultural standard: at least 90%", "", "no data"),
        ("9", "Rural roads paved: at least 12 km", "10.5 km",
         "not achieved, short by 12.5% (1.5 km)"),
    ],
    "provincial_review.py": [
        ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
        ("1", "Chất lượng tổ chức cơ sở đảng", "", ""),
        # 3 HTXSNV + 16 HTTNV of 20 are HTTNV or better: 19/20 = 95%, 5 points above 90%.
        ("1a", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: từ HTTNV trở lên ở ít "
         "nhất 90% đơn vị", "19/20 đơn vị (95%)", "Vượt 5 điểm phần trăm (19/20 đơn vị đạt)"),
        # 20% of the 19 rated HTTNV or better is 3.8, rounded down to 3; 3 are HTXSNV.
        ("1b", "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ: số đơn vị từ HTXSNV trở lên "
         "không quá 20% số đơn vị từ HTTNV trở lên, trần làm tròn xuống",
         "3 trong 19 đơn vị (trần 3)", "Đạt"),
        # 2022's 118 is 2 short of 120 = 1.67%; one year missed misses "mỗi năm".
        ("2", "Kết nạp đảng viên mới: từ 120 đảng viên trở lên mỗi năm",
         "2020: 125; 2021: 131; 2022: 118 đảng viên",
         "Không đạt, thiếu 1,67% (2 đảng viên; năm thấp nhất 2022)"),
        ("3", "Xếp loại Ban Chấp hành Đảng bộ tỉnh: từ HTTNV trở lên mỗi năm",
         "2020: HTTNV; 2021: HTTNV; 2022: HTTNV", "Đạt (năm thấp nhất 2020)"),
        ("4", "Phát triển kinh tế", "", ""),
        # 45 800 / 40 000 = 1.145 > 1.07 ** 2 = 1.1449: exceeded, exactly; the rate
        # 1.145 ** (1/2) - 1 = 7.0047%, shown with 3 decimals to differ from 7%.
        ("4a", "Tổng sản phẩm trên địa bàn (GRDP): tăng bình quân từ 7% trở lên/năm (tăng "
         "trưởng kép)", "7,005% (2020-2022)", "Vượt 0,005 điểm phần trăm"),
        # 12 480 000 triệu đồng = 12 480 tỷ đồng: 480 over 12 000 = 4%.
        ("4b", "Thu ngân sách trên địa bàn: từ 12.000 tỷ đồng trở lên", "12.480 tỷ đồng",
         "Vượt 4% (480 tỷ đồng)"),
        # Yearly growth 2021, 2022: Cao su 6%, 5.66%; Chè 5%, 7.14% (beyond 7: met);
        # Cà phê 3.33% (missed); Điện lực 5.83%, 5.51%. 3 of 4 met, at least 3 needed.
        ("4c", "Thu nhập người lao động trong doanh nghiệp nhà nước: tăng từ 5% đến 7% mỗi "
         "năm ở ít nhất 3 đơn vị", "3/4 đơn vị", "Đạt (3/4 đơn vị đạt)"),
        # Due in 2025: 1.5 / 2.6 = 57.69% attained; expected 3.9 - 2.4 * 2/5 = 2.94 by 2022.
        # In progress on 2022's result: the cell names its year.
        ("5", "Tỷ lệ hộ nghèo: dưới 1,5%, đến năm 2025", "2,6% (2022)",
         "Đang thực hiện, đạt 57,69% so với mục tiêu; đúng tiến độ (tính tuyến tính theo "
         "thời gian): 2,6 năm 2022 so với mức 2,94 cần đạt theo lộ trình đều đến 1,5 năm "
         "2025"),
        ("6", "Trường học đạt chuẩn quốc gia: từ 70% trở lên", "", "Chưa có số liệu"),
        ("No.", "Target", "Result", "Verdict"),
        ("1", "Quality of base organisations", "", ""),
        ("1a", "Base organisations rated good or better: at least HTTNV in at least 90% of "
         "units", "19/20 units (95%)", "exceeded by 5 percentage points (19/20 units met)"),
        ("1b", "Base organisations rated excellent: units at least HTXSNV: at most 20% of "
         "units at least HTTNV, the cap rounded down", "3 of 19 units (cap 3)", "achieved"),
        ("2", "New members admitted: at least 120 members every year",
         "2020: 125; 2021: 131; 2022: 118 members",
         "not achieved, short by 1.67% (2 members; weakest year 2022)"),
        ("3", "Provincial party committee rating: at least HTTNV every year",
         "2020: HTTNV; 2021: HTTNV; 2022: HTTNV", "achieved (weakest year 2020)"),
        ("4", "Economy", "", ""),
        ("4a", "Gross regional product (GRDP): compound growth of at least 7% a year",
         "7.005% (2020-2022)", "exceeded by 0.005 percentage points"),
        ("4b", "Budget revenue: at least 12,000 billion đồng", "12,480 billion đồng",
         "exceeded by 4% (480 billion đồng)"),
        ("4c", "Income of workers in state enterprises: growth of between 5% and 7% every "
         "year in at least 3 units", "3/4 units", "achieved (3/4 units met)"),
        ("5", "Poor households: below 1.5%, by 2025", "2.6% (2022)",
         "in progress, 57.69% attained so far; on track (linear pro-rating): 2.6 in 2022 "
         "against 2.94 expected by then on a straight line to 1.5 in 2025"),
        ("6", "Schools meeting the national standard: at least 70%", "", "no data"),
    ],
    "text_review.py": [
        ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
        # Cells 1-6 and 8-12 are HTTNV or better, cell 7 HTNV: 11/12 = 91.67% > 90%,
        # a met strict bound, "Đạt".
        ("1", "Chi bộ hoàn thành tốt nhiệm vụ: từ HTTNV trở lên ở trên 90% đơn vị",
         "11/12 đơn vị (91,67%)", "Đạt (11/12 đơn vị đạt)"),
        # 2022's 14 is 1 short of 15 = 6.67%; one year missed misses "mỗi năm".
        ("2", "Kết nạp đảng viên: từ 15 đảng viên trở lên mỗi năm",
         "2020: 16; 2021: 18; 2022: 14 đảng viên",
         "Không đạt, thiếu 6,67% (1 đảng viên; năm thấp nhất 2022)"),
        # 101.5 / 96 - 1 = 5.729% and 108 / 101.5 - 1 = 6.404%: both from 5% to 7%.
        ("3", "Thu nhập bình quân của người lao động: tăng từ 5% đến 7% mỗi năm",
         "2021: 5,73%; 2022: 6,4%", "Đạt (năm thấp nhất 2021)"),
        # Due at the end of 2025: 33/52 = 63.46%, 63.46 / 70 = 90.66% attained so far.
        ("4", "Tổ chức đảng được kiểm tra: từ 70% trở lên, đến năm 2025", "63,46%",
         "Đang thực hiện, đạt 90,66% so với mục tiêu"),
        # 1 245 600 triệu đồng = 1 245.6 tỷ đồng: 45.6 over 1 200, which is 3.8%.
        ("5", "Thu ngân sách trên địa bàn: từ 1.200 tỷ đồng trở lên", "1.245,6 tỷ đồng",
         "Vượt 3,8% (45,6 tỷ đồng)"),
        ("6", "Tỷ lệ hộ nghèo: dưới 3%", "2,6%", "Đạt"),
        ("7", "Hộ gia đình đạt chuẩn văn hóa: từ 97% trở lên", "96,2%",
         "Không đạt, thiếu 0,8 điểm phần trăm"),
        # The English table reads to the same verdicts.
        ("No.", "Target", "Result", "Verdict"),
        ("1", "Party cells rated good: at least HTTNV in more than 90% of units",
         "11/12 units (91.67%)", "achieved (11/12 units met)"),
        ("2", "New members admitted: at least 15 members every year",
         "2020: 16; 2021: 18; 2022: 14 members",
         "not achieved, short by 6.67% (1 member; weakest year 2022)"),
        ("3", "Average income of workers: growth of between 5% and 7% every year",
         "2021: 5.73%; 2022: 6.4%", "achieved (weakest year 2021)"),
        ("4", "Party organisations inspected: at least 70%, by 2025", "63.46%",
         "in progress, 90.66% attained so far"),
        ("5", "Budget revenue: at least 1,200 billion đồng", "1,245.6 billion đồng",
         "exceeded by 3.8% (45.6 billion đồng)"),
        ("6", "Poor households: below 3%", "2.6%", "achieved"),
        ("7", "Families meeting the cultural standard: at least 97%", "96.2%",
         "not achieved, short by 0.8 percentage points"),
    ],
    "term_progress.py": [],
}  # fmt: skip


# the examples of files, notebooks, audits and Office documents have test files of their own
ELSEWHERE = {
    "review_files.py": "test_examples_files.py",
    "notebook.py": "test_examples_notebook.py",
    "audit_review.py": "test_examples_audit.py",
    "large_populations.py": "test_examples_large_populations.py",
    "office_documents.py": "test_examples_office.py",
}


def test_every_example_has_expectations() -> None:
    scripts = sorted(path.name for path in EXAMPLES.glob("*.py") if path.name not in ELSEWHERE)
    assert scripts == sorted(LINES) == sorted(ROWS)
    tests = Path(__file__).parent
    assert all((tests / name).is_file() for name in ELSEWHERE.values())


@pytest.mark.parametrize("script", sorted(LINES))
def test_example_runs_and_prints_its_verdicts(script: str) -> None:
    output = run(str(EXAMPLES / script))
    for cells in LINES[script]:
        row(output, *cells)
    for cells in ROWS[script]:
        has_row(output, *cells)


def test_table_rows_joins_wrapped_cells() -> None:
    table = "\n".join([
        "┌─────┬────────────┐",
        "│ No. │ Result     │",
        "├─────┼────────────┤",
        "│ 1   │ 7.4% (2020-│",
        "│     │ 2022) and  │",
        "│     │ more       │",
        "└─────┴────────────┘",
    ])  # fmt: skip
    assert table_rows(table) == [("No.", "Result"), ("1", "7.4% (2020-2022) and more")]


DEMO_TITLE = {
    "en": "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)",
    "vi": "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)",
}

# The demo (src/resolmetrics/demo.py), reviewed at 30 June 2023, term 2020-2025: the
# years 2020, 2021 and 2022 are over, 2023 is not. Its 15 components:
#  1a cells: 94% against "trên 90%": a met strict bound, achieved.
#  1b members: 94.5% against "92% trở lên": exceeded by 2.5 points.
#  2  admitted, 150 a year in total: 152 + 160 + 147 = 459 against 3 * 150 = 450:
#     exceeded by 9, 9 / 450 = 2%.
#  3  committee, HTTNV or better every year: HTTNV, HTXSNV, HTTNV: achieved, the
#     weakest year the first of the two HTTNV, 2020.
#  4  base organisations, 85% rated HTTNV or better: 9 HTXSNV + 30 HTTNV of 46
#     (6 HTNV, 1 KHTNV) = 39/46 = 84.78%: not achieved, 0.22 points short.
#  5  quota, HTXSNV at most 20% of those HTTNV or better: 20% of 39 = 7.8, rounded
#     down to 7; 9 are HTXSNV: not achieved, 2 units over the cap.
#  6  inspected, 70% by 2025: in progress; 33/52 = 63.46%, 63.46 / 70 = 90.66% attained;
#     linear from 0 in 2020: 70 * 2/5 = 28 expected by 2022, on track.
#  7  GRDP, compound growth at least 7%: 66 900 / 58 000 = 1.15345 > 1.07 ** 2 = 1.1449:
#     exceeded; the rate 1.15345 ** (1/2) - 1 = 7.399%, shown 7.4%, 0.4 points over.
#  8  revenue: 26 150 000 triệu đồng = 26 150 tỷ đồng against 25 000: exceeded by
#     1 150, 1 150 / 25 000 = 4.6%.
#  9  income up 4-6% every year in at least 5 of 6 enterprises: all but Cty Lâm
#     nghiệp (74 / 72 - 1 = 2.78%) grow 4-6% in 2021 and 2022: 5/6, achieved.
#  10 poor households below 2% by 2025: in progress; 2 / 3.4 = 58.82% attained;
#     linear from 4.8 in 2020: 4.8 - 2.8 * 2/5 = 3.68 expected, 3.4 is on track.
#  11 forest cover: nothing reported, no data.
#  12 prices 3-5% a year on average (on target): (3.2 + 1.8 + 3.9) / 3 = 2.9667:
#     not achieved, off by 0.03 points.
#  13 communes 80% by 2025: in progress; 61 / 80 = 76.25%; linear from 52 in 2020:
#     52 + 28 * 2/5 = 63.2 expected, 61 is behind.
#  14 poor households at most 3.5% in the latest year: 2022's 3.4%, exceeded by 0.1.
# Achieved 1a, 3, 9 (3); exceeded 1b, 2, 7, 8, 14 (5); not achieved 4, 5, 12 (3);
# in progress 6, 10, 13 (3); no data 11 (1): met 8 of 15.
DEMO = {
    "en": [
        ("Mid-term review at 30 June 2023",),
        ("Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
         "1 with no data.",),
    ],
    "vi": [
        ("Sơ kết ngày 30/06/2023",),
        ("Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
         "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu.",),
    ],
}  # fmt: skip

DEMO_ROWS = {
    "en": [
        ("No.", "Target", "Result", "Verdict"),
        ("1", "Quality of party cells and members", "", ""),
        ("1a", "Party cells rated good or better: above 90%", "94%", "achieved"),
        ("1b", "Members rated good or better: at least 92%", "94.5%",
         "exceeded by 2.5 percentage points"),
        ("2", "New members admitted: at least 150 members a year, in total over the years",
         "2020: 152; 2021: 160; 2022: 147 (total 459 members)", "exceeded by 2% (9 members)"),
        ("4", "Base organisations rated good or better: at least HTTNV in at least 85% of "
         "units", "39/46 units (84.78%)",
         "not achieved, short by 0.22 percentage points (39/46 units met)"),
        ("5", "Base organisations rated excellent: units at least HTXSNV: at most 20% of "
         "units at least HTTNV, the cap rounded down", "9 of 39 units (cap 7)",
         "not achieved, 2 units over the cap"),
        # 6, 10, 13: due in 2025, in progress on 2022's result, whose year is named
        ("6", "Party organisations inspected: at least 70%, by 2025", "63.46% (2022)",
         "in progress, 90.66% attained so far; on track (linear pro-rating): 63.46 in 2022 "
         "against 28 expected by then on a straight line to 70 in 2025"),
        ("7", "Gross regional product: compound growth of at least 7% a year",
         "7.4% (2020-2022)", "exceeded by 0.4 percentage points"),
        ("9", "Income of workers in state enterprises: growth of between 4% and 6% every "
         "year in at least 5 units", "5/6 units", "achieved (5/6 units met)"),
        ("11", "Forest cover: at least 45%", "", "no data"),
        ("12", "Consumer price rise: between 3% and 5% a year on average",
         "2020: 3.2%; 2021: 1.8%; 2022: 3.9% (mean 2.97%)",
         "not achieved, off by 0.03 percentage points"),
    ],
    "vi": [
        ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
        ("2", "Kết nạp đảng viên mới: từ 150 đảng viên trở lên mỗi năm, tính tổng các năm",
         "2020: 152; 2021: 160; 2022: 147 (tổng 459 đảng viên)", "Vượt 2% (9 đảng viên)"),
        ("8", "Thu ngân sách: từ 25.000 tỷ đồng trở lên", "26.150 tỷ đồng",
         "Vượt 4,6% (1.150 tỷ đồng)"),
        ("10", "Tỷ lệ hộ nghèo: dưới 2%, đến năm 2025", "3,4% (2022)",
         "Đang thực hiện, đạt 58,82% so với mục tiêu; đúng tiến độ (tính tuyến tính theo "
         "thời gian): 3,4 năm 2022 so với mức 3,68 cần đạt theo lộ trình đều đến 2 năm 2025"),
        ("13", "Xã đạt chuẩn nông thôn mới: từ 80% trở lên, đến năm 2025", "61% (2022)",
         "Đang thực hiện, đạt 76,25% so với mục tiêu; chậm so với tiến độ (tính tuyến tính "
         "theo thời gian): 61 năm 2022 so với mức 63,2 cần đạt theo lộ trình đều đến 80 năm "
         "2025"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_demo_prints_the_mid_term_review_and_its_summary(lang: str) -> None:
    output = run("-m", "resolmetrics", "demo", "--lang", lang)
    assert output.splitlines()[0] == DEMO_TITLE[lang]
    for cells in DEMO[lang]:
        row(output, *cells)
    for cells in DEMO_ROWS[lang]:
        has_row(output, *cells)
    # Every component has a row: 14 rows, one of them a group of two, and the headers.
    assert len(table_rows(output)) == 1 + 14 + 2
