"""The notebook example runs as a script, prints the review and saves its chart.

The expected lines are worked out by hand from the demo: e.g. the targets
furthest behind relative to their bound are the poverty rate (3.4 against
below 2: -1.4/2 = -0.7), then the quota (9 against a cap of 7: -2/7) and the
communes (61 against 80: -19/80 = -0.2375); the met targets' attainments
47/45, 189/184, 1.02, 1.0570, 1.046, 1 and 35/34 (the rating has none) have a
mean of 7.224/7 = 1.032.
"""

from __future__ import annotations

from pathlib import Path

from _support import run_python

SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "notebook.py"


def run(*args: str, cwd: Path) -> str:
    return run_python(str(SCRIPT), *args, cwd=cwd)


def lines_with(output: str, *pieces: str) -> list[str]:
    return [line for line in output.splitlines() if all(piece in line for piece in pieces)]


def test_notebook_prints_the_review_and_saves_the_chart(tmp_path: Path) -> None:
    chart = tmp_path / "charts" / "review.png"
    chart.parent.mkdir()
    output = run(str(chart), cwd=tmp_path)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert output.splitlines()[-1] == f"chart saved to {chart}"
    # the review table, as print() shows it outside a notebook
    assert len(lines_with(output, "│ 1b ", "Members rated good or better: at least 92%",
                          "exceeded by 2.5 percentage points")) == 1  # fmt: skip
    assert (
        "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
        "1 with no data."
    ) in output.splitlines()
    # the Vietnamese Markdown table
    assert len(lines_with(output, "| 1b ", "từ 92% trở lên", "Vượt 2,5 điểm phần trăm")) == 1
    # the DataFrame with exact figures: 39/46 of units is 1950/23 %, 5/23 points short
    assert lines_with(output, "base_rating", "not_achieved")[0].split() == [
        "4", "base_rating", "not_achieved", "1950/23", "85", "-5/23",
    ]  # fmt: skip
    # the float frame, sorted by relative margin
    header = output.splitlines().index(
        next(line for line in output.splitlines() if "relative_margin" in line)
    )
    behind = [line.split()[0] for line in output.splitlines()[header + 1 : header + 4]]
    assert behind == ["10", "5", "13"]
    assert "mean attainment of the met targets: 1.032" in output.splitlines()


def test_notebook_saves_review_png_in_the_current_directory_by_default(tmp_path: Path) -> None:
    output = run(cwd=tmp_path)
    assert (tmp_path / "review.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert output.splitlines()[-1] == "chart saved to review.png"


def test_arguments_that_are_not_an_image_path_are_ignored(tmp_path: Path) -> None:
    """A notebook kernel runs the cells with its own arguments ("-f kernel.json")."""
    output = run("-f", "kernel.json", cwd=tmp_path)
    assert (tmp_path / "review.png").is_file()
    assert not (tmp_path / "-f.png").exists()
    assert "chart saved to review.png" in output
