"""The columnar engine at data-pipeline scale, side by side with raw numpy, in one run.

(a) A threshold rule ("at least 90", percent) over --rows float64 values
    (10,000,000 by default), against the raw numpy comparison that makes the
    same int8 codes: ``2 - (v >= 90) - (v > 90)``.
(b) A range ("between 85 and 95") over the same values, against
    ``1 + (v < 85) - (v > 95)``.
(c) Growth from one year to the next ("income up 3-5 % a year") over --rows
    units of a wide table (a float64 column a year), against the raw
    cross-multiplication ``100 cur >= 103 prev``, ``100 cur > 105 prev``.
    Where the two disagree, the raw comparison is wrong: the engine's
    verdicts are exact (the number of such rows is printed).
(d) The memory each of (a)-(c) adds beyond its input columns, in bytes a
    row: the peak that tracemalloc sees while it runs (numpy's arrays
    included), its result included.
(e) A per-unit review: a resolution of 12 targets of every kind (levels,
    strict and on-target ranges, yearly totals, every-year and latest, mean,
    growth, compound growth, ratings, a term target) over a long pandas
    table, for --review-rows rows in all (1,000,000 by default), and with
    --review-rows rows for each of the 7 yearly targets (a fifth as many for
    the 5 others: 8,000,000 rows in all by default).
(f) Reading a results file of --file-rows rows (10,000,000) from Parquet
    with the columnar reader, against today's CSV reader (read_results) on
    --baseline-rows rows, per row (benchmarks/batch_read_speed.py measures
    it, each reading in a fresh process).

Times are the best of --runs runs (3). Nothing here is a test: the figures
are printed, as JSON.

    python benchmarks/batch_speed.py [--rows 10000000] [--review-rows 1000000]
        [--file-rows 10000000] [--baseline-rows 100000] [--runs 3] [--skip-files]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import resolmetrics as rm
from resolmetrics import batch


def _best(call: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def _added_bytes(call: Callable[[], object], rows: int) -> float:
    """The peak memory *call* allocates, in bytes a row (its result included)."""
    tracemalloc.start()
    try:
        kept = call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del kept
    return peak / rows


def _side_by_side(name: str, raw: Callable[[], Any], ours: Callable[[], Any], rows: int,
                  runs: int) -> dict[str, Any]:  # fmt: skip
    raw(), ours()  # warm up: pages of the input touched, modules imported
    raw_seconds, our_seconds = _best(raw, runs), _best(ours, runs)
    disagree = int(np.count_nonzero(raw() != ours()))
    return {
        "rows": rows,
        "raw numpy (ms)": round(raw_seconds * 1000, 1),
        "batch.evaluate (ms)": round(our_seconds * 1000, 1),
        "ratio": f"{our_seconds / raw_seconds:.2f}x",
        "added memory (bytes a row)": round(_added_bytes(ours, rows), 2),
        "rows where raw numpy is not exact": disagree,
        "what": name,
    }


def _thresholds(values: Any, runs: int) -> dict[str, Any]:
    share = rm.Indicator("share", unit="percent")
    at_least = rm.Target(share, rm.at_least(90))
    between = rm.Target(share, rm.between(85, 95))
    return {
        "(a) at least 90, float64": _side_by_side(
            "at_least(90)",
            lambda: 2 - (values >= 90.0).view(np.int8) - (values > 90.0).view(np.int8),
            lambda: batch.evaluate(at_least, values).codes,
            len(values),
            runs,
        ),
        "(b) between 85 and 95, float64": _side_by_side(
            "between(85, 95)",
            lambda: 1 + (values < 85.0).view(np.int8) - (values > 95.0).view(np.int8),
            lambda: batch.evaluate(between, values).codes,
            len(values),
            runs,
        ),
    }


def _growth(before: Any, after: Any, runs: int) -> dict[str, Any]:
    income = rm.Indicator("income", unit="triệu đồng")
    growth = rm.Target(income, rm.between(3, 5), per="year", growth="yoy", combine="latest")
    table = {"y2021": before, "y2022": after}
    years = {2021: "y2021", 2022: "y2022"}

    def raw() -> Any:
        low = (after * 100 >= before * 103).view(np.int8)
        high = (after * 100 > before * 105).view(np.int8)
        return 2 - low - high  # 2 below the range, 1 inside, 0 above: the engine's codes

    return {
        "(c) growth 3-5 % from 2021 to 2022, wide float64": _side_by_side(
            "between(3, 5), growth='yoy'",
            raw,
            lambda: batch.evaluate(growth, table, years=years).codes,
            len(before),
            runs,
        )
    }


def _engine(rows: int, runs: int) -> dict[str, Any]:
    rng = np.random.default_rng(2023)
    report = _thresholds(rng.normal(90, 5, rows).round(2), runs)
    before = rng.integers(1000, 100000, rows) / 10
    after = (before * rng.normal(1.04, 0.02, rows)).round(1)
    report.update(_growth(before, after, runs))
    return report


def _resolution() -> rm.Resolution:
    indicator, target = rm.Indicator, rm.Target
    return rm.Resolution(
        "Twelve targets of every kind",
        [
            target(indicator("good", unit="percent"), rm.at_least(90)),
            target(indicator("above", unit="percent"), rm.above(95)),
            target(indicator("band", unit="percent", direction="on_target"), rm.between(3, 5)),
            target(indicator("poor", unit="percent"), rm.below(4)),
            target(
                indicator("admitted", unit="member"), rm.at_least(80), per="year", combine="total"
            ),
            target(
                indicator("every_year", unit="member"), rm.at_least(80), per="year", combine="each"
            ),
            target(indicator("mean", unit="percent"), rm.at_least(50), per="year", combine="mean"),
            target(
                indicator("latest", unit="percent"), rm.at_most(20), per="year", combine="latest"
            ),
            target(
                indicator("growth"), rm.between(3, 5), per="year", growth="yoy", combine="each"
            ),
            target(indicator("compound"), rm.at_least(4), per="year", growth="cagr"),
            target(
                indicator("rating", scale=rm.PARTY_QUALITY),
                rm.at_least("HTTNV"),
                per="year",
                combine="each",
            ),
            target(indicator("term", unit="percent"), rm.at_least(60), due=2025),
        ],
        term=(2021, 2025),
    )


def _long_table(resolution: rm.Resolution, units: int) -> Any:
    """A long table of results: five years for the yearly targets, one for the others."""
    import pandas as pd

    rng = np.random.default_rng(7)
    years = [2021, 2022, 2023, 2024, 2025]
    parts = []
    for target in resolution.components:
        span = years if target.per is not None else [2025]
        count = units * len(span)
        if target.indicator.scale is not None:
            codes = np.array(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], dtype=object)
            values: Any = rng.choice(codes, count)
        elif target.growth is not None:
            steps = 1 + rng.normal(0.04, 0.01, (units, len(span)))
            values = (1000 * np.cumprod(steps, axis=1)).round(2).ravel()
        else:
            values = rng.normal(80, 20, count).round(1)
        frame = {
            "indicator": target.key,
            "entity": np.repeat(np.arange(units), len(span)).astype(str),
            "period": np.tile(span, units),
            "value": pd.Series(values, dtype=object),
        }
        parts.append(pd.DataFrame(frame))
    return pd.concat(parts, ignore_index=True)


def _review(rows: int, runs: int) -> dict[str, Any]:
    resolution = _resolution()
    per_unit = sum(5 if t.per is not None else 1 for t in resolution.components)
    report = {}
    for name, units in (
        (f"{rows:,} rows in all", max(rows // per_unit, 1)),
        (f"{rows:,} rows a target", max(rows // 5, 1)),
    ):
        table = _long_table(resolution, units)
        seconds = _best(lambda table=table: batch.review(resolution, table, by="entity"),
                        min(runs, 2))  # fmt: skip
        report[name] = {
            "rows": len(table),
            "units": units,
            "targets": len(resolution.components),
            "seconds (best run)": round(seconds, 2),
            "rows per second": round(len(table) / seconds),
        }
        del table
    return report


def _files(rows: int, baseline: int, runs: int) -> dict[str, Any]:
    import batch_read_speed as reading

    with tempfile.TemporaryDirectory() as folder:
        paths = reading._write(Path(folder), rows, min(baseline, rows))
        parquet = reading._run("iter_results", paths["parquet"], runs)
        today = reading._run("read_results", paths["baseline"], runs)
    parquet_speed = parquet["rows"] / parquet["seconds"]
    today_speed = today["rows"] / today["seconds"]
    return {
        "Parquet, batch.iter_results": {
            "rows": parquet["rows"],
            "rows per second": round(parquet_speed),
            "peak resident memory (MB)": round(parquet["peak"] / 1e6, 1),
        },
        "CSV, read_results": {"rows": today["rows"], "rows per second": round(today_speed)},
        "speed per row against read_results": f"{parquet_speed / today_speed:.1f}x",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--review-rows", type=int, default=1_000_000)
    parser.add_argument("--file-rows", type=int, default=10_000_000)
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-files", action="store_true", help="leave out (f)")
    args = parser.parse_args()
    # (f) first: a child process's peak resident memory counts the parent's at the fork, so
    # it is measured before this process holds the large arrays of (a) to (e)
    files = None if args.skip_files else _files(args.file_rows, args.baseline_rows, args.runs)
    report: dict[str, Any] = _engine(args.rows, args.runs)
    report["(e) per-unit review, 12 targets"] = _review(args.review_rows, args.runs)
    if files is not None:
        report["(f) results files"] = files
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
