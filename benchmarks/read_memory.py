"""Memory taken by resolmetrics.files.read_results on a large results CSV.

Writes a results CSV of about --megabytes MB (50 by default) in a temporary
directory: rows on four indicators, numbers written the Vietnamese way
("3.745.356,5", "94,5%") and rating level codes ("HTTNV"), each row for its
own entity and year. Then reads it in a child process for each measure:

- the child's peak resident set size (``ru_maxrss``), which counts
  everything the process held, the interpreter and its imports included;
- the peak of the memory Python allocated while reading, from
  :mod:`tracemalloc` (which slows the reading down), and what the results
  themselves hold once read (the current size at the end);
- the same peak resident size for a process that only imports resolmetrics
  and builds nothing, to tell the reading apart from the interpreter.

Each figure is printed in MB and as a multiple of the file's size.

    python benchmarks/read_memory.py [--megabytes 50] [--lang vi]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CODES = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")

_CHILD = r"""
import json, resource, sys, tracemalloc
import resolmetrics.files as files
path, lang, traced = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
if path == "-":
    print(json.dumps({"rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
    raise SystemExit
if traced:
    tracemalloc.start()
results = files.read_results(path, lang=lang)
rows = sum(map(len, results.values()))
report = {"rows": rows, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
if traced:
    report["current"], report["peak"] = tracemalloc.get_traced_memory()
print(json.dumps(report))
"""


def write(path: Path, megabytes: float) -> int:
    """Write the results CSV at *path*, about *megabytes* MB; return its number of rows."""
    chooser = random.Random(7)
    target = int(megabytes * 1_000_000)
    rows = 0
    size = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        size += stream.write("indicator;period;entity;value;unit\n")
        while size < target:
            entity = f"Đảng bộ xã số {rows // 8 + 1}"
            year = 2020 + rows // 4 % 2
            kind = rows % 4
            if kind == 0:
                line = f"members_good;{year};{entity};{chooser.randrange(0, 1001) / 10:.1f}%;"
                line = line.replace(".", ",")
            elif kind == 1:
                line = f"admitted;{year};{entity};{chooser.randrange(1, 1000)};đảng viên"
            elif kind == 2:
                amount = f"{chooser.randrange(1, 10**9):,}".replace(",", ".")
                line = f"revenue;{year};{entity};{amount};triệu đồng"
            else:
                line = f"rating;{year};{entity};{chooser.choice(CODES)};"
            size += len((line + "\n").encode())
            stream.write(line + "\n")
            rows += 1
    return rows


def measure(path: str, lang: str, traced: bool) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, path, lang, "1" if traced else "0"],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    report: dict[str, int] = json.loads(done.stdout)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--lang", default="vi")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.csv"
        rows = write(path, args.megabytes)
        size = os.path.getsize(path)
        print(f"file: {size / 1e6:.1f} MB, {rows:,} rows")
        base = measure("-", args.lang, traced=False)["rss"]
        plain = measure(str(path), args.lang, traced=False)
        traced = measure(str(path), args.lang, traced=True)
        assert plain["rows"] == rows, (plain["rows"], rows)

        def line(label: str, number: int) -> None:
            print(f"{label:<46} {number / 1e6:8.1f} MB  {number / size:5.2f} x the file")

        line("peak resident size, importing only", base)
        line("peak resident size, reading", plain["rss"])
        line("  of which the reading (minus the import)", plain["rss"] - base)
        line("peak allocated while reading (tracemalloc)", traced["peak"])
        line("held by the results once read (tracemalloc)", traced["current"])


if __name__ == "__main__":
    main()
