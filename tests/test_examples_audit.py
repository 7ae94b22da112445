"""The audit example: its published table holds exactly two deliberate disagreements.

``examples/audit/published.csv`` is the demo resolution's review at 30 June
2023 as a province might publish it. Worked out by hand from the demo's
figures, every row agrees with the computed verdicts except:

- 1a: "Vượt 4%" for 94% against "trên 90%", a strict bound that is met:
  achieved ("Đạt"), not exceeded: a STATUS finding;
- 6: "Đạt 90,6% so với nghị quyết" for 33/52 = 63.461538...% against 70% by
  2025: the attainment 90.659340...% rounds half-up to 90.7; 90.6 is it
  truncated: a TRUNCATED finding.

The others, for instance: 1b 94.5 - 92 = 2.5 points ("Vượt 2,5%"); 2 (152 +
160 + 147 - 450) / 450 = 2%; 4 39/46 = 84.782608...% is 0.217391... points
short of 85 ("thiếu 0,22%"); 7 the compound growth (66,900 / 58,000) ** (1/2)
- 1 = 7.398709...% beats 7 by 0.4 points at one decimal; 8 (26,150 - 25,000)
/ 25,000 = 4.6%; 9 five of six enterprises ("5/6 DN"); 10 3.4% against "below
2% by 2025" is in progress ("Chưa đạt"); 13 61 / 80 = 76.25%; 14 3.5 - 3.4 =
0.1 points. The summary, 8 met, 3 not achieved, 3 in progress and 1 with no
data of 15, adds up for the published rows and for the computed verdicts
(1a, published exceeded, is met either way).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _support import run_python
from resolmetrics.audit import FindingKind, PublishedRow, audit, read_published
from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.files import FileError

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "examples" / "audit" / "published.csv"
NUMBERS = ["1a", "1b", *map(str, range(2, 15))]


def test_the_published_table_has_exactly_the_two_deliberate_disagreements() -> None:
    report = demo_resolution("vi").evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    result = audit(report, read_published(PUBLISHED))
    assert [(f.number, f.kind) for f in result.disagreements] == [
        ("1a", FindingKind.STATUS),
        ("6", FindingKind.TRUNCATED),
    ]
    assert [f.number for f in result.agreements] == [
        n for n in NUMBERS if n not in ("1a", "6")
    ] + [""]
    assert result.summary() == "2 điểm không khớp, 14 điểm khớp"


def test_the_published_table_reads_one_row_a_line() -> None:
    # the file: the header on line 1, the group heading 1 on line 2, then 1a, 1b and 2 to
    # 14 on lines 3 to 17, the summary on line 18; cells with ';' in them are quoted
    table = read_published(PUBLISHED)
    assert [(row.number, row.line) for row in table.rows] == list(
        zip(["1", *NUMBERS], range(2, 18), strict=True)
    )
    assert table.rows[0].verdict == ""  # the heading of the group 1a, 1b
    assert table.get("2") == PublishedRow(
        "2",
        "Vượt 2%",
        "Kết nạp 150 đảng viên trở lên mỗi năm",
        "2020: 152; 2021: 160; 2022: 147 (459)",
    )
    assert table.summary is not None
    assert table.summary.startswith("Hoàn thành và vượt 8/15 chỉ tiêu")
    assert table.source == str(PUBLISHED)


def test_a_missing_published_table_is_a_file_error(tmp_path: Path) -> None:
    missing = tmp_path / "published.csv"
    with pytest.raises(FileError) as raised:
        read_published(missing)
    assert str(raised.value) == (
        f"1 problem in {missing}:\n{missing}: cannot read the file: No such file or directory; "
        "check the path and its permissions"
    )


def test_the_example_script_prints_the_audit_in_both_languages() -> None:
    # the published table is found next to the script, from anywhere
    output = run_python(str(ROOT / "examples" / "audit_review.py"), cwd=ROOT / "docs")
    lines = output.splitlines()
    assert "2 điểm không khớp, 14 điểm khớp" in lines
    assert lines[-1] == "2 disagreements, 14 agreements"
    assert any(line.startswith("│ 1a ") and "│ sai mức đánh" in line for line in lines)
    assert any(line.startswith("│ 6 ") and "│ truncated " in line for line in lines)
