"""Rows per second read by the columnar reader from large Parquet and CSV files.

A results file of --rows rows (10,000,000 by default) is written in a
temporary directory twice, as Parquet (row groups of 1,048,576 rows, the
period as a whole-number column, every other column text) and as CSV
(``;`` between the columns, numbers written the Vietnamese way). Its rows
mix, as in benchmarks/files_speed.py (d), the indicators of
examples/provincial/resolution.toml: rating level codes ("HTTNV"), amounts
("12.345,6") and percentages ("94,5%"), each on its own entity. Both files
are read by resolmetrics.batch iter_results with lang="vi" and resolution=
given (every value is checked against its indicator); side by side,
resolmetrics.read_results reads a CSV of the first --baseline-rows rows
(100,000 by default) of the same file.

Each reading runs in a fresh Python process, --runs times (the best run
counts), so that its peak memory is its own: the process's peak resident
size (getrusage) and the peak of Arrow's memory pool. A reading's time
includes what its first call sets up (pyarrow imported, Babel's locale
data read): with a small --rows, that is much of it.

    python benchmarks/batch_read_speed.py [--rows 10000000] [--baseline-rows 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESOLUTION = Path(__file__).resolve().parent.parent / "examples" / "provincial" / "resolution.toml"
CODES = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
CHUNK = 1_048_576


def _written(whole: int, decimals: str) -> str:
    """A number as a Vietnamese spreadsheet writes it: "12.345,6"."""
    digits = str(whole)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups) + ("," + decimals if decimals else "")


def _chunks(count: int) -> object:
    """The rows, CHUNK at a time, as Arrow tables."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    chooser = np.random.default_rng(7)
    amounts = pa.array(
        [_written(int(a) // 10, str(int(a) % 10)) for a in chooser.integers(1, 10**6, 50_000)]
    )
    shares = pa.array([_written(s // 10, str(s % 10)) + "%" for s in range(1001)])
    levels = pa.array(CODES)
    keys = pa.array(["base_rating", "base_rating", "income", "income", "cells_good"])
    places = pa.array(["TCCS ", "TCCS ", "DN ", "DN ", "Chi bộ "])
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        number = np.arange(start, start + size)
        kind = pa.array(number % 5)
        value = pc.if_else(
            pc.less(kind, 2),
            levels.take(pa.array(chooser.integers(0, len(CODES), size))),
            pc.if_else(
                pc.less(kind, 4),
                amounts.take(pa.array(chooser.integers(0, len(amounts), size))),
                shares.take(pa.array(chooser.integers(0, len(shares), size))),
            ),
        )
        entity = pc.binary_join_element_wise(
            places.take(kind), pc.cast(pa.array(number), pa.string()), ""
        )
        yield pa.table(
            {
                "indicator": keys.take(kind),
                "period": pa.array(np.full(size, 2022, np.int32)),
                "entity": entity,
                "value": value,
            }
        )


def _write(folder: Path, count: int, baseline: int) -> dict[str, Path]:
    import pyarrow.csv as csv
    import pyarrow.parquet as parquet

    paths = {
        "parquet": folder / "results.parquet",
        "csv": folder / "results.csv",
        "baseline": folder / "baseline.csv",
    }
    options = csv.WriteOptions(delimiter=";", quoting_style="none")
    parquet_writer = csv_writer = None
    for table in _chunks(count):  # type: ignore[attr-defined]
        if parquet_writer is None:
            parquet_writer = parquet.ParquetWriter(paths["parquet"], table.schema)
            csv_writer = csv.CSVWriter(paths["csv"], table.schema, write_options=options)
        parquet_writer.write_table(table, row_group_size=CHUNK)
        csv_writer.write_table(table)
    assert parquet_writer is not None
    assert csv_writer is not None
    parquet_writer.close()
    csv_writer.close()
    with paths["csv"].open("rb") as source, paths["baseline"].open("wb") as target:
        for _ in range(baseline + 1):  # the header and the rows
            target.write(source.readline())
    return paths


def _measure(kind: str, path: str) -> None:
    """Read *path* once, in this process, and print rows, seconds and peak memory as JSON."""
    from resolmetrics.files import load_resolution, read_results

    resolution = load_resolution(RESOLUTION)
    start = time.perf_counter()
    if kind == "read_results":
        results = read_results(path, lang="vi", resolution=resolution)
        rows = sum(map(len, results.values()))
        arrow_peak = 0
    else:
        import pyarrow as pa

        from resolmetrics.batch import iter_results

        rows = 0
        for batch in iter_results(path, lang="vi", resolution=resolution):
            rows += batch.num_rows
        arrow_peak = pa.default_memory_pool().max_memory()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    print(json.dumps({"rows": rows, "seconds": seconds, "peak": peak, "arrow_peak": arrow_peak}))


def _run(kind: str, path: Path, runs: int) -> dict[str, float]:
    best: dict[str, float] | None = None
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, __file__, "--measure", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(output)
        if best is None or figures["seconds"] < best["seconds"]:
            best = figures
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(*args.measure)
        return
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        paths = _write(Path(folder), args.rows, min(args.baseline_rows, args.rows))
        report["files written (seconds)"] = round(time.perf_counter() - start, 1)
        report["file sizes (MB)"] = {
            name: round(path.stat().st_size / 1e6, 1) for name, path in paths.items()
        }
        readings = {
            "(a) iter_results, Parquet": ("iter_results", paths["parquet"]),
            "(b) iter_results, CSV": ("iter_results", paths["csv"]),
            "(c) read_results, CSV": ("read_results", paths["baseline"]),
        }
        speeds: dict[str, float] = {}
        for name, (kind, path) in readings.items():
            figures = _run(kind, path, args.runs)
            speeds[name] = figures["rows"] / figures["seconds"]
            report[name] = {
                "rows": figures["rows"],
                "seconds (best run)": round(figures["seconds"], 3),
                "rows per second": round(speeds[name]),
                "peak resident memory (MB)": round(figures["peak"] / 1e6, 1),
                "peak of Arrow's memory pool (MB)": round(figures["arrow_peak"] / 1e6, 1),
            }
        baseline = speeds["(c) read_results, CSV"]
        report["speed per row against read_results"] = {
            "Parquet": f"{speeds['(a) iter_results, Parquet'] / baseline:.1f}x",
            "CSV": f"{speeds['(b) iter_results, CSV'] / baseline:.1f}x",
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
