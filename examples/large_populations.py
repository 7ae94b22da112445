"""Judge targets over large populations: columns, panels, per-unit reviews, files and Dask.

The steps of docs/howto/large-populations.md as one script:

1. one target over a million generated values, in a numpy array;
2. a growth target over a wide table of 90,000 enterprises, a column a year,
   with the rows that grew exactly 5% on the bound of "tăng 3-5%/năm";
3. the review of examples/units: six targets for each of 71 base
   organisations, as a table per target and one organisation's report;
4. the same results as a Parquet file, read back with ``batch.read_table``
   and reviewed with ``batch.review_file``, in memory and over partitions;
5. when Dask and distributed are installed, the same review on a local
   cluster of two worker processes, compared with the review in memory.

Run from anywhere; it takes well under a minute on two cores:

    python examples/large_populations.py

It needs the ``batch`` extra (``pip install 'resolmetrics[batch]'``), and the
``dask`` extra for step 5, which is left out without it.
"""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq
from tabulate import tabulate

import resolmetrics as rm
from resolmetrics import batch
from resolmetrics.files import load_resolution

UNITS = Path(__file__).resolve().parent / "units"
AS_OF = date(2023, 6, 30)


def one_target_over_a_million() -> None:
    """A million shares, 80.00% to 100.00% and again, against "95% trở lên"."""
    water = rm.Indicator(
        "water", name="Households with clean water", unit="percent", limits=(0, 100)
    )
    coverage = (8000 + np.arange(1_000_000) % 2001) / 100
    started = time.perf_counter()
    verdicts = batch.evaluate(rm.Target(water, rm.at_least(95)), coverage)
    took = time.perf_counter() - started
    print(f"{len(verdicts):,} values judged in {took:.3f} s")
    print(verdicts.summary())
    print(verdicts.summary("vi", noun=("village", "villages", "thôn")))
    scaled = verdicts.margin.scaled()  # None if some margin were no decimal fitting int64
    assert scaled is not None
    mantissas, scale = scaled
    print(f"margins as int64 over 10**{scale}: rows 1499-1501 {mantissas[1499:1502].tolist()}")
    print(f"row 1499: {verdicts.verdict(1499).explain(detail=True)}")
    print(f"row 1501: {verdicts.verdict(1501).explain('vi', detail=True)}")


def wide_growth_table() -> None:
    """Income levels a column a year; each enterprise grew the same rate, 2% to 6%, twice."""
    rows = 90_000
    index = np.arange(rows)
    base = 100 + index % 900  # 2020 levels, triệu đồng: 100 to 999
    rate = 2 + (index // 900) % 5  # % a year: 2, 3, 4, 5, 6, a block of 900 rows each
    table = {
        "2020": base.astype(float),
        "2021": base * (100 + rate) / 100,
        "2022": base * (100 + rate) ** 2 / 10_000,
    }
    income = rm.Indicator("income", name="Average income", unit="triệu đồng")
    target = rm.Target(income, rm.between(3, 5), per="year", growth="yoy", combine="each",
                       term=(2020, 2025))  # fmt: skip
    started = time.perf_counter()
    verdicts = batch.evaluate(target, table, years={2020: "2020", 2021: "2021", 2022: "2022"},
                              as_of=AS_OF)  # fmt: skip
    took = time.perf_counter() - started
    print(f"{rows:,} enterprises over 2020-2022 judged in {took:.3f} s")
    print(verdicts.summary(noun=("enterprise", "enterprises", "doanh nghiệp")))
    five = rate == 5
    floats = (table["2021"] / table["2020"] - 1) * 100
    codes = verdicts.codes[five]
    print(f"growing exactly 5%: {int(five.sum()):,} rows, "
          f"{int((codes == 1).sum()):,} achieved, {int((codes == 0).sum()):,} exceeded; "
          f"float64 rates above 5% in 2021: {int((floats[five] > 5).sum()):,}")  # fmt: skip
    row = int(np.flatnonzero(five & (base == 312))[0])
    print(f"row {row}: {float(table['2020'][row])!r} -> {float(table['2021'][row])!r}, "
          f"float64 rate {float(floats[row])!r}%: "
          f"{verdicts.verdict(row).explain(detail=True)}")  # fmt: skip


def review_each_unit(resolution: rm.Resolution, table: Any) -> batch.Review:
    """The six targets for each of the 71 base organisations."""
    review = batch.review(resolution, table, by="entity", as_of=AS_OF)
    print(review)
    counts = review.by_target()
    headers = ["STT", "chỉ tiêu", "vượt", "đạt", "không đạt", "đang thực hiện",
               "chưa có số liệu", "đạt/đơn vị"]  # fmt: skip
    rows = [
        [counts["number"][t], counts["key"][t]]
        + [int(counts[status.value][t]) for status in batch.STATUSES]
        + [f"{counts['met'][t]}/{counts['units'][t]}"]
        for t in range(len(review.targets))
    ]
    print(tabulate(rows, headers=headers, tablefmt="simple_grid", disable_numparse=True))
    index = review.find(entity="Chi bộ thôn An Hòa 1")
    report = review.report(index)
    print(f"{review.unit(index)['entity']}:")
    print(report.table("vi"))
    print(report.summary("vi"))
    return review


def parquet_round_trip(resolution: rm.Resolution, table: Any, review: batch.Review,
                       folder: Path) -> None:  # fmt: skip
    """The results as a Parquet file, read back and reviewed from the file."""
    path = folder / "results.parquet"
    pq.write_table(table.drop(["line"]), path)
    again = batch.read_table(path, resolution=resolution)
    same = again.drop(["line"]).equals(table.drop(["line"]))
    print(f"{path.name}: {again.num_rows} rows read back, the same as the CSV's: {same}")
    expected = {s.value: int(np.count_nonzero(review.codes == c))
                for c, s in enumerate(batch.STATUSES)}  # fmt: skip
    whole = batch.review_file(resolution, path, as_of=AS_OF, output=folder / "verdicts.parquet")
    spread = batch.review_file(resolution, path, as_of=AS_OF, output=folder / "spread.parquet",
                               memory_rows=100, partitions=4)  # fmt: skip
    for name, found in (("in memory", whole), ("over 4 partitions", spread)):
        written = pq.read_table(folder / ("verdicts.parquet" if found is whole
                                          else "spread.parquet")).num_rows  # fmt: skip
        print(f"review_file {name}: {found.units} units, {written} verdicts written, "
              f"the same counts as in memory: {found.counts == expected}")  # fmt: skip


def on_a_dask_cluster(resolution: rm.Resolution, table: Any, review: batch.Review,
                      folder: Path) -> None:  # fmt: skip
    """The review on two worker processes, from a Parquet dataset of three files."""
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster
    except ImportError:
        print("Dask: not installed (pip install 'resolmetrics[dask]'); left out")
        return
    dataset = folder / "dataset"
    dataset.mkdir()
    rows = table.drop(["line"])
    for part, start in enumerate(range(0, rows.num_rows, 300)):
        pq.write_table(rows.slice(start, 300), dataset / f"part-{part}.parquet")
    started = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                     dashboard_address=None, silence_logs=logging.ERROR) as cluster,
        Client(cluster),
    ):  # fmt: skip
        results = dd.read_parquet(dataset)
        got = batch.dask.review(resolution, results, as_of=AS_OF).compute()
    took = time.perf_counter() - started
    expected = review.to_pandas().astype({"status": str})[list(got.columns)]
    key = ["entity", "number"]
    in_order = [frame.sort_values(key).reset_index(drop=True) for frame in (got, expected)]
    same = in_order[0].equals(in_order[1])
    print(f"Dask, 2 worker processes, {results.npartitions} partitions: {len(got)} verdicts "
          f"in {took:.1f} s, the same as in memory: {same}")  # fmt: skip


def main() -> None:
    print("== One target over a million values")
    one_target_over_a_million()
    print("\n== A wide table: growth year on year")
    wide_growth_table()
    print("\n== A resolution reviewed for each base organisation")
    resolution = load_resolution(UNITS / "resolution.toml")
    table = batch.read_table(UNITS / "results.csv", lang="vi", resolution=resolution)
    review = review_each_unit(resolution, table)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("\n== Parquet")
        parquet_round_trip(resolution, table, review, folder)
        print("\n== Dask")
        on_a_dask_cluster(resolution, table, review, folder)


if __name__ == "__main__":
    main()
