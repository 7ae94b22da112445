"""Rows per second read by resolmetrics.files.read_results from large CSV files.

Four files of --rows rows each (100,000 by default), written in a temporary
directory: (a) plain numbers written the Vietnamese way ("3.745.356,5",
"99,2", "94,5%"), read with lang="vi"; (b) the same numbers written the
English way, read with lang="en"; (c) rating level codes ("HTTNV"); (d) a
mix of the three kinds of rows on the indicators of
examples/provincial/resolution.toml (level codes, numbers, percentages),
read with lang="vi" and resolution= given, so every value is also checked
against its indicator. Each file is read --runs times (3 by default); the
best run counts. Last, (e): load_resolution of that resolution file, in
calls per second.

    python benchmarks/files_speed.py [--rows 100000] [--runs 3] [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _timing import rate

from resolmetrics.files import load_resolution, read_results

RESOLUTION = Path(__file__).resolve().parent.parent / "examples" / "provincial" / "resolution.toml"
MARKS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal mark)
CODES = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")


def _written(value: Decimal, lang: str) -> str:
    """*value* as a spreadsheet in *lang* writes it, thousands grouped, from its digits."""
    thousands, point = MARKS[lang]
    whole, _, decimals = format(value, "f").partition(".")
    head = len(whole) % 3 or 3
    whole = thousands.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return whole + (point + decimals if decimals else "")


def _number(chooser: random.Random, lang: str) -> str:
    """A figure such as a results sheet holds: a count, an amount or a percentage."""
    kind = chooser.randrange(3)
    if kind == 0:  # a count
        return _written(Decimal(chooser.randrange(1, 100_000)), lang)
    if kind == 1:  # an amount with decimals
        return _written(Decimal(chooser.randrange(1, 10**9)).scaleb(-2), lang)
    return _written(Decimal(chooser.randrange(0, 1001)).scaleb(-1), lang) + "%"


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["indicator", "period", "entity", "value"])
        writer.writerows(rows)


def _files(folder: Path, count: int) -> dict[str, tuple[Path, str, bool]]:
    """The files to read: name -> (path, lang, with the resolution)."""
    chooser = random.Random(7)
    numbers = [_number(chooser, "vi") for _ in range(count)]
    english = [
        text.replace(".", "\0").replace(",", ".").replace("\0", ",") for text in numbers
    ]  # the same figures written the English way
    files: dict[str, tuple[Path, str, bool]] = {}

    def add(name: str, rows: list[list[str]], lang: str, checked: bool) -> None:
        path = folder / f"{len(files)}.csv"
        _write(path, rows)
        files[name] = (path, lang, checked)

    add(
        "(a) numbers, lang='vi'",
        [["income", "2022", f"DN {i}", text] for i, text in enumerate(numbers)],
        "vi",
        False,
    )
    add(
        "(b) numbers, lang='en'",
        [["income", "2022", f"DN {i}", text] for i, text in enumerate(english)],
        "en",
        False,
    )
    add(
        "(c) level codes, lang='vi'",
        [["base_rating", "2022", f"TCCS {i}", chooser.choice(CODES)] for i in range(count)],
        "vi",
        False,
    )
    mixed = []
    for i in range(count):
        kind = i % 5
        if kind < 2:
            mixed.append(["base_rating", "2022", f"TCCS {i}", chooser.choice(CODES)])
        elif kind < 4:
            amount = Decimal(chooser.randrange(1, 10**6)).scaleb(-1)
            mixed.append(["income", "2022", f"DN {i}", _written(amount, "vi")])
        else:
            share = Decimal(chooser.randrange(0, 1001)).scaleb(-1)
            mixed.append(["cells_good", "2022", f"Chi bộ {i}", _written(share, "vi") + "%"])
    add("(d) mixed, lang='vi', resolution=", mixed, "vi", True)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    resolution = load_resolution(RESOLUTION)
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (path, lang, checked) in _files(Path(folder), args.rows).items():
            best = float("inf")
            for _ in range(args.runs):
                start = time.perf_counter()
                results = read_results(path, lang=lang, resolution=resolution if checked else None)
                best = min(best, time.perf_counter() - start)
            assert sum(map(len, results.values())) == args.rows
            report[name] = {
                "rows": args.rows,
                "seconds (best run)": round(best, 3),
                "rows per second": round(args.rows / best),
            }
    per_second = rate(lambda: load_resolution(RESOLUTION), args.seconds, start_with=10)
    report["(e) load_resolution(examples/provincial/resolution.toml)"] = {
        "calls per second": round(per_second),
        "milliseconds each": round(1000 / per_second, 3),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
