"""examples/large_populations.py runs from any folder and prints verdicts worked out by hand.

The million values are (8000 + i % 2001) / 100: 80.00% to 100.00%, again and
again. Each cycle of 2,001 has 1,500 values below 95, one on it and 500 above;
a million is 499 cycles (998,499 values) and 1,501 more, 80.00 to 95.00: so
499 * 1,500 + 1,500 = 750,000 not achieved, 499 + 1 = 500 achieved and
499 * 500 = 249,500 exceeded. Row 1499 is 94.99 (0.01 points short), row 1501
95.01; their margins over 10**2 are -1, 0, 1.

The wide table has 90,000 enterprises in blocks of 900 growing 2, 3, 4, 5 or
6% a year, 18,000 at each rate, against "between 3 and 5": 2% misses, 3% and
5% are on the bounds of an inclusive range and 4% inside (achieved), 6% is
beyond the better end (exceeded): 72,000 met (54,000 achieved, 18,000
exceeded), 18,000 not. Row 2912 is the one with a 2020 level of 312 growing
5%: 312 * 1.05 = 327.6, on the bound; float64 division puts it a hair above.

The per-unit review is checked against the scalar engine: each base
organisation's results read with read_results and judged with
Resolution.evaluate, unit by unit. Chi bộ thôn An Hòa 1's report: 94.8%,
93.8%, 95.9% against 90% every year, weakest 2021, 3.8 points over; 3 + 1 + 3
= 7 members against 3 * 2 = 6, 1 over (16.67%); rated HTNV in 2020, one step
short of HTTNV; 99.5% of dues against 100%, 0.5 short; 97.1% studied against
95% by 2025, in progress at 97.1 / 95 = 102.21%; 2.01% poor households against
below 2%, 0.01 over: 2 exceeded, 3 not achieved, 1 in progress.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from datetime import date
from pathlib import Path

import resolmetrics as rm
from _support import run_python
from resolmetrics.files import load_resolution, read_results

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "large_populations.py"
UNITS = ROOT / "examples" / "units"
HAS_DASK = all(importlib.util.find_spec(name) for name in ("dask", "distributed"))


def line_with(output: str, *pieces: str) -> str:
    lines = [line for line in output.splitlines() if all(piece in line for piece in pieces)]
    assert len(lines) == 1, f"expected one line with {pieces!r} in:\n{output}"
    return lines[0]


def cells(line: str) -> list[str]:
    """The cells of one row of a grid table."""
    return [cell.strip() for cell in line.strip().strip("│").split("│")]


def scalar_counts() -> dict[str, Counter[str]]:
    """For each target key, how many units have each status, from the scalar engine."""
    resolution = load_resolution(UNITS / "resolution.toml")
    results = read_results(UNITS / "results.csv", lang="vi", resolution=resolution)
    by_unit: dict[str, dict[str, list[rm.Result]]] = {}
    for key, items in results.items():
        for item in items:
            assert item.entity is not None
            plain = rm.Result(item.value, item.unit, period=item.period)
            by_unit.setdefault(item.entity, {}).setdefault(key, []).append(plain)
    counts: dict[str, Counter[str]] = {t.key: Counter() for t in resolution.components}
    for unit_results in by_unit.values():
        report = resolution.evaluate(unit_results, as_of=date(2023, 6, 30))
        for verdict in report.verdicts:
            counts[verdict.target.key][verdict.status.value] += 1
    assert len(by_unit) == 71
    return counts


def test_large_populations_prints_verdicts_worked_out_by_hand(tmp_path: Path) -> None:
    output = run_python(str(SCRIPT), cwd=tmp_path)  # not the repository root

    # a million values
    assert line_with(output, "values judged in").startswith("1,000,000 values judged in ")
    line_with(output, "Met 250,000 of 1,000,000 rows (500 achieved, 249,500 exceeded); "
                      "750,000 not achieved.")  # fmt: skip
    line_with(output, "Hoàn thành và vượt 250.000/1.000.000 thôn (500 đạt, 249.500 vượt); "
                      "không đạt 750.000/1.000.000 thôn.")  # fmt: skip
    line_with(output, "margins as int64 over 10**2: rows 1499-1501 [-1, 0, 1]")
    line_with(output, "row 1499: not achieved, short by 0.01 percentage points: "
                      "94.99% against at least 95%")  # fmt: skip
    line_with(output, "row 1501: Vượt 0,01 điểm phần trăm: 95,01% so với từ 95% trở lên")

    # the wide table
    line_with(output, "Met 72,000 of 90,000 enterprises (54,000 achieved, 18,000 exceeded); "
                      "18,000 not achieved.")  # fmt: skip
    exact = line_with(output, "growing exactly 5%: 18,000 rows, 18,000 achieved, 0 exceeded")
    found = re.search(r"float64 rates above 5% in 2021: ([\d,]+)$", exact)
    assert found is not None
    assert 0 < int(found[1].replace(",", "")) <= 18_000  # floats call some of them exceeded
    line_with(output, "row 2912: 312.0 -> 327.6, float64 rate 5.000000000000004%: achieved "
                      "(weakest year 2021): 2021: 5%; 2022: 5% against growth of between 3% "
                      "and 5% every year")  # fmt: skip

    # the per-unit review: the table per target is the scalar engine's, unit by unit
    line_with(output, "6 targets x 71 units>")
    statuses = [status.value for status in rm.Status]
    for key, counted in scalar_counts().items():
        row = cells(line_with(output, f"│ {key} "))
        numbers = [int(cell) for cell in row[2:7]]
        assert numbers == [counted[status] for status in statuses], key
        assert row[7] == f"{counted['exceeded'] + counted['achieved']}/71"
    assert cells(line_with(output, "│ studied "))[2:8] == ["0", "0", "0", "71", "0", "0/71"]

    # one unit's report, in Vietnamese
    line_with(output, "│ 1 ", "2020: 94,8%; 2021: 93,8%; 2022:", "Vượt 3,8 điểm phần trăm")
    line_with(output, "│ 2 ", "(tổng 7", "Vượt 16,67% (1 đảng viên)")
    line_with(output, "│ 3 ", "2020: HTNV", "Không đạt, thiếu 1 bậc xếp loại")
    line_with(output, "│ 4 ", "99,5%", "Không đạt, thiếu 0,5 điểm phần trăm")
    line_with(output, "│ 5 ", "97,1% (2022)", "Đang thực hiện, đạt 102,21% so với mục tiêu")
    line_with(output, "│ 6 ", "2,01%", "Không đạt, cao hơn 0,01 điểm phần trăm")
    line_with(output, "Hoàn thành và vượt 2/6 chỉ tiêu (2 vượt); không đạt 3/6 chỉ tiêu; "
                      "đang thực hiện 1/6 chỉ tiêu.")  # fmt: skip

    # Parquet: 849 rows, and 6 targets x 71 units = 426 verdicts, in memory and partitioned
    line_with(output, "results.parquet: 849 rows read back, the same as the CSV's: True")
    line_with(output, "review_file in memory: 71 units, 426 verdicts written, "
                      "the same counts as in memory: True")  # fmt: skip
    line_with(output, "review_file over 4 partitions: 71 units, 426 verdicts written, "
                      "the same counts as in memory: True")  # fmt: skip

    # Dask: 849 rows in files of 300 are 3 partitions
    if HAS_DASK:
        dask = line_with(output, "Dask, 2 worker processes, 3 partitions: 426 verdicts")
        assert dask.endswith("the same as in memory: True")
    else:
        line_with(output, "Dask: not installed")
