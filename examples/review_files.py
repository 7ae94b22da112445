"""Review a resolution kept in files: its targets in TOML, its results in a spreadsheet.

The resolution (examples/provincial/resolution.toml) is the invented provincial
resolution of ``resolmetrics demo``; its results (examples/provincial/results.csv)
are written as a Vietnamese spreadsheet writes them: ";" between columns and
"94,5%", "26.150.000". Run from anywhere:

    python examples/review_files.py

The command line does the same:

    resolmetrics evaluate examples/provincial/resolution.toml \\
        examples/provincial/results.csv --as-of 2023-06-30 --lang vi
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from resolmetrics.files import load_resolution, read_results

HERE = Path(__file__).resolve().parent / "provincial"


def main() -> None:
    resolution = load_resolution(HERE / "resolution.toml")
    results = read_results(HERE / "results.csv", lang="vi", resolution=resolution)
    report = resolution.evaluate(results, as_of=date(2023, 6, 30))
    print(resolution.name)
    print(report.table("vi"))
    print(report.summary("vi"))


if __name__ == "__main__":
    main()
