"""What the command line writes: never over one of its inputs; CSV that spreadsheets read.

``-o`` or ``--plot`` naming the resolution, results or published file would
lose that file; it is refused (exit status 2) before anything is read, and
the file is left as it was. ``--format csv`` writes figures rounded for
display, and the exact ones in extra columns with ``--exact``.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

from resolmetrics.__main__ import EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = ROOT / "examples" / "provincial"
PUBLISHED = ROOT / "examples" / "audit" / "published.csv"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name in ("resolution.toml", "results.csv"):
        shutil.copy(PROVINCIAL / name, tmp_path / name)
    shutil.copy(PUBLISHED, tmp_path / "published.csv")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("option", "name", "what"),
    [
        ("-o", "results.csv", "the results file"),
        ("--output", "resolution.toml", "the resolution file"),
        ("--plot", "results.csv", "the results file"),
    ],
)
def test_evaluate_refuses_an_output_over_an_input(
    capsys: pytest.CaptureFixture[str], files: Path, option: str, name: str, what: str
) -> None:
    before = (files / name).read_bytes()
    target = files / name
    if option == "--plot":  # a chart's name must end in .png, .svg or .pdf
        target = files / "results.png"
        os.symlink(files / name, target)
    status, out, err = run(capsys, "evaluate", str(files / "resolution.toml"),
                           str(files / "results.csv"), option, str(target))  # fmt: skip
    assert (status, out) == (EXIT_USAGE, "")
    said = "--plot" if option == "--plot" else "-o"  # -o and --output are one option
    assert err == (
        f"resolmetrics evaluate: error: {said} {str(target)!r} names {what}, which it would "
        "overwrite; write to another file\n"
    )
    assert (files / name).read_bytes() == before


def test_the_same_file_by_another_path_is_refused(
    capsys: pytest.CaptureFixture[str], files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(files)
    status, _, err = run(capsys, "evaluate", "resolution.toml", str(files / "results.csv"),
                         "-o", "./sub/../results.csv")  # fmt: skip
    assert status == EXIT_USAGE
    assert "names the results file, which it would overwrite" in err


def test_audit_refuses_to_write_over_the_published_table(
    capsys: pytest.CaptureFixture[str], files: Path
) -> None:
    before = (files / "published.csv").read_bytes()
    status, _, err = run(capsys, "audit", str(files / "resolution.toml"),
                         str(files / "results.csv"), "--published", str(files / "published.csv"),
                         "-o", str(files / "published.csv"))  # fmt: skip
    assert status == EXIT_USAGE
    assert err == (
        f"resolmetrics audit: error: -o {str(files / 'published.csv')!r} names the published "
        "table, which it would overwrite; write to another file\n"
    )
    assert (files / "published.csv").read_bytes() == before


def test_output_and_plot_cannot_share_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chart = tmp_path / "review.pdf"
    status, _, err = run(capsys, "demo", "-o", str(chart), "--plot", str(chart))
    assert status == EXIT_USAGE
    assert err == (
        f"resolmetrics demo: error: -o and --plot both name {str(chart)!r}; give each its own "
        "file\n"
    )
    assert not chart.exists()


def test_another_output_file_is_written(capsys: pytest.CaptureFixture[str], files: Path) -> None:
    status, _, err = run(capsys, "evaluate", str(files / "resolution.toml"),
                         str(files / "results.csv"), "--as-of", "2023-06-30",
                         "-o", str(files / "review.txt"))  # fmt: skip
    assert (status, err) == (EXIT_OK, "")
    assert (files / "review.txt").read_text(encoding="utf-8").startswith("Resolution of")


def test_csv_figures_are_rounded_and_exact_ones_come_with_exact(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "demo", "--format", "csv")
    assert status == EXIT_OK
    rows = {row["number"]: row for row in csv.DictReader(io.StringIO(out))}
    # 39 of 46 base organisations: 1950/23 = 84.7826...%, 5/23 = 0.217... points short of 85
    assert (rows["4"]["actual"], rows["4"]["margin"]) == ("84.78", "-0.22")
    assert "actual_exact" not in rows["4"]
    status, out, _ = run(capsys, "demo", "--format", "csv", "--exact")
    assert status == EXIT_OK
    rows = {row["number"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows["4"]["actual"], rows["4"]["actual_exact"]) == ("84.78", "1950/23")
    assert (rows["4"]["margin_exact"], rows["4"]["attainment_exact"]) == ("-5/23", "390/391")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["demo", "--exact"],
         "--exact adds exact columns to --format csv, not text; give --format csv (json is "
         "always exact)"),
        (["demo", "--exact", "--format", "json"],
         "--exact adds exact columns to --format csv, not json; give --format csv (json is "
         "always exact)"),
        (["evaluate", str(ROOT / "examples" / "units" / "resolution.toml"),
          str(ROOT / "examples" / "units" / "results.csv"), "--by", "entity", "--format", "csv",
          "--exact"],
         "--exact is for the csv of one review: with --by the csv already writes every figure "
         "exactly, but those with no finite decimal form, which it rounds to 12 places"),
    ],
)  # fmt: skip
def test_exact_is_refused_where_it_adds_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (EXIT_USAGE, "")
    assert err == f"resolmetrics {argv[0]}: error: {message}\n"
