"""The command line: evaluate, audit, demo, --version; formats, exit statuses and errors.

The example files are the invented provincial resolution of ``resolmetrics.demo``
(examples/provincial), reviewed at 30 June 2023: 15 components, of which 8 are met
(3 achieved, 5 exceeded), 3 not achieved, 3 in progress and 1 without data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import resolmetrics as rm
from resolmetrics.__main__ import EXIT_FAILED_CHECK, EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
RESOLUTION = ROOT / "examples" / "provincial" / "resolution.toml"
RESULTS = ROOT / "examples" / "provincial" / "results.csv"
PUBLISHED = ROOT / "examples" / "audit" / "published.csv"
EVALUATE = ["evaluate", str(RESOLUTION), str(RESULTS), "--as-of", "2023-06-30"]

SUMMARY = {
    "en": "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
    "1 with no data.",
    "vi": "Hoàn thành và vượt 8/15 chỉ tiêu (3 đạt, 5 vượt); không đạt 3/15 chỉ tiêu; "
    "đang thực hiện 3/15 chỉ tiêu; chưa có số liệu 1/15 chỉ tiêu.",
}
# the resolution file gives its name in both languages: the title is in --lang
TITLE = {
    "en": "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)",
    "vi": "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# ------------------------------------------------------------------------------ evaluate


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_evaluate_prints_the_review_and_its_summary(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    status, out, err = run(capsys, *EVALUATE, "--lang", lang, "--results-lang", "vi")
    assert (status, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == TITLE[lang]
    assert lines[1] == {"en": "Review at 30 June 2023", "vi": "Đánh giá ngày 30/06/2023"}[lang]
    assert lines[-1] == SUMMARY[lang]
    header = {"en": ("No.", "Target", "Result", "Verdict"),
              "vi": ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu")}[lang]  # fmt: skip
    assert all(word in lines[3] for word in header)


def test_evaluate_reads_vietnamese_numbers_with_lang_vi(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, *EVALUATE, "--lang", "vi")
    assert status == EXIT_OK
    assert "26.150 tỷ đồng" in out  # revenue 26.150.000 triệu đồng, shown in tỷ đồng


def test_results_lang_overrides_the_resolution_files_lang(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # results.csv writes "94,5%": read as English it is not a number
    status, out, err = run(capsys, *EVALUATE, "--results-lang", "en")
    assert (status, out) == (EXIT_INVALID, "")
    # 12 numbers, and a note at the top that the file may write them the Vietnamese way
    assert err.startswith(f"resolmetrics evaluate: 13 problems in {RESULTS}:\n")
    assert err.splitlines()[1] == (
        f"{RESULTS}: value: 12 numbers are not written as English writes them; if the file "
        "writes numbers the Vietnamese way (3.745.356,5 and 92,2), read it with lang='vi' (on "
        "the command line, --results-lang vi)"
    )
    assert f"{RESULTS}:3: value: expected a number such as '3,745,356' or '99.2'" in err


def test_evaluate_github_format_is_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *EVALUATE, "--lang", "vi", "--format", "github")
    assert status == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == f"# {TITLE['vi']}"
    table = [line for line in lines if line.startswith("|")]
    assert re.fullmatch(
        r"\| STT +\| Mục tiêu +\| Thực hiện +\| So sánh với mục tiêu +\|", table[0]
    )
    assert set(table[1]) <= {"|", "-", ":"}
    # 14 rows, one of them a group of two components: 16 lines after the header's two
    assert len(table) == 2 + 16
    assert lines[-1] == SUMMARY["vi"]


def test_evaluate_html_format_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *EVALUATE, "--lang", "vi", "--format", "html")
    assert status == EXIT_OK
    assert out.count("<table") == 1
    assert out.count("</table>") == 1
    assert "Vượt" in out
    assert SUMMARY["vi"] in out


def test_evaluate_csv_format_has_one_line_per_row(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *EVALUATE, "--lang", "vi", "--format", "csv")
    assert status == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out)))
    numbers = [row[next(iter(row))] for row in rows]
    assert numbers == ["1", "1a", "1b", *map(str, range(2, 15))]
    statuses = [row["status"] for row in rows if row["status"]]
    assert statuses.count("not_achieved") == 3
    assert statuses.count("exceeded") == 5


def test_evaluate_json_format_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *EVALUATE, "--lang", "vi", "--format", "json")
    assert status == EXIT_OK
    document = json.loads(out)
    assert document["type"] == "Report"
    report = rm.json.loads(out)
    assert isinstance(report, rm.Report)
    assert [v.status for v in report.verdicts].count(rm.Status.IN_PROGRESS) == 3


def test_evaluate_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "review.md"
    status, out, _ = run(capsys, *EVALUATE, "--format", "github", "-o", str(target))
    assert (status, out) == (EXIT_OK, "")
    assert target.read_text(encoding="utf-8").splitlines()[-1] == SUMMARY["en"]


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_evaluate_plot(capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"review{suffix}"
    status, _, err = run(capsys, *EVALUATE, "--plot", str(chart))
    assert (status, err) == (EXIT_OK, "")
    data = chart.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert b"<svg" in data


def test_plot_needs_a_known_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    chart = tmp_path / "review.jpeg"
    status, out, err = run(capsys, *EVALUATE, "--plot", str(chart))
    assert (status, out) == (EXIT_USAGE, "")
    assert err.splitlines()[-1] == (
        f"resolmetrics evaluate: error: argument --plot: {str(chart)!r} must end in .png, .svg "
        "or .pdf (the chart's format is taken from it)"
    )


def test_a_chart_that_cannot_be_written_stops_before_any_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chart = tmp_path / "no such folder" / "review.png"
    status, out, err = run(capsys, *EVALUATE, "--plot", str(chart))
    assert (status, out) == (EXIT_INVALID, "")
    assert err == (
        f"resolmetrics evaluate: cannot write --plot {str(chart)!r}: No such file or directory\n"
    )


def test_problems_of_both_files_are_reported_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    resolution = tmp_path / "r.toml"
    resolution.write_text('[resolution]\nname = "R"\nterm = [2025, 2020]\n', encoding="utf-8")
    results = tmp_path / "r.csv"
    results.write_text("indicator,value\ngood,\n", encoding="utf-8")
    status, out, err = run(capsys, "evaluate", str(resolution), str(results))
    assert (status, out) == (EXIT_INVALID, "")
    lines = err.splitlines()
    assert lines[0] == f"resolmetrics evaluate: 3 problems in {resolution}:"
    # no targets, no indicators, the years of the term the wrong way round
    assert (
        lines[3] == f"{resolution}:3: resolution.term: the first year is after the last; "
        "did you mean [2020, 2025]?"
    )
    assert lines[4] == f"1 problem in {results}:"
    assert lines[5].startswith(f"{results}:2: value: no value; ")


def test_fail_on_miss(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *EVALUATE)[0] == EXIT_OK
    assert run(capsys, *EVALUATE, "--fail-on-miss")[0] == EXIT_FAILED_CHECK


def test_fail_on_miss_passes_when_nothing_is_missed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # one target, "từ 90% trở lên", met: in progress and no-data targets are not misses
    resolution = tmp_path / "r.toml"
    resolution.write_text(
        '[resolution]\nname = "R"\nlang = "vi"\n\n[indicators.good]\nunit = "percent"\n\n'
        '[[target]]\nindicator = "good"\ntext = "từ 90% trở lên"\n',
        encoding="utf-8",
    )
    results = tmp_path / "r.csv"
    results.write_text('indicator,value\ngood,"93,1"\n', encoding="utf-8")
    status, out, err = run(
        capsys, "evaluate", str(resolution), str(results), "--lang", "vi", "--fail-on-miss"
    )
    assert (status, err) == (EXIT_OK, "")
    assert out.splitlines()[1] == "Tổng kết"  # no --as-of: a final review
    assert out.splitlines()[-1] == "Hoàn thành và vượt 1/1 chỉ tiêu (1 vượt)."


# ------------------------------------------------------------------------------ bad input


def test_invalid_resolution_file_exits_1_with_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from resolmetrics.files import FileError, load_resolution

    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[resolution]\nname = "R"\nlang = "vi"\n\n[indicators.good]\nunit = "percent"\n\n'
        '[[target]]\nindicator = "god"\ntext = "từ 90% trở lên"\n\n'
        '[[target]]\nindicator = "good"\ntext = "từ chín mươi"\n',
        encoding="utf-8",
    )
    with pytest.raises(FileError) as caught:
        load_resolution(bad)
    assert len(caught.value.problems) == 2
    status, out, err = run(capsys, "evaluate", str(bad), str(RESULTS))
    assert (status, out) == (EXIT_INVALID, "")
    assert err == f"resolmetrics evaluate: {caught.value}\n"
    assert "bad.toml" in err
    assert ":9" in err
    assert ":14" in err


def test_missing_results_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nothing.csv"
    status, out, err = run(capsys, "evaluate", str(RESOLUTION), str(missing))
    assert (status, out) == (EXIT_INVALID, "")
    assert err.startswith("resolmetrics evaluate: ")
    assert "nothing.csv" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["evaluate", "r.toml", "x.csv", "--as-of", "30/06/2023"],
         "argument --as-of: '30/06/2023' is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30"),
        (["evaluate", "r.toml", "x.csv", "--format", "markdown"],
         "argument --format: 'markdown' is not an output format; use one of: "
         "text, github, html, csv, json, parquet, xlsx, docx, or a tabulate table format "
         "such as grid or simple"),
        (["demo", "--format", "htm"],
         "argument --format: 'htm' is not an output format; did you mean 'html'? use one of: "
         "text, github, html, csv, json, parquet, xlsx, docx, or a tabulate table format "
         "such as grid or simple"),
        (["evaluate", "r.toml"], "the following arguments are required: results"),
        (["audit", "r.toml", "x.csv"], "the following arguments are required: --published"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (EXIT_USAGE, "")
    assert err.splitlines()[-1].endswith(f"error: {message}")


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)
    assert status == EXIT_USAGE
    assert out.startswith("usage: resolmetrics")
    assert all(command in out for command in ("evaluate", "audit", "demo"))


def test_help_of_evaluate_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "evaluate", "--help")
    assert status == EXIT_OK
    for option in ("--as-of", "--lang", "--format", "--plot", "--output", "--fail-on-miss",
                   "--results-lang", "exit status"):  # fmt: skip
        assert option in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (EXIT_OK, f"resolmetrics {rm.__version__}\n")


# ------------------------------------------------------------------------------ audit


def test_audit_finds_the_two_deliberate_disagreements(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["audit", str(RESOLUTION), str(RESULTS), "--published", str(PUBLISHED),
            "--as-of", "2023-06-30", "--lang", "vi"]  # fmt: skip
    status, out, err = run(capsys, *argv)
    assert (status, err) == (EXIT_OK, "")
    assert out.strip()
    assert run(capsys, *argv, "--fail-on-disagreement")[0] == EXIT_FAILED_CHECK


# ------------------------------------------------------------------------------ demo


@pytest.mark.parametrize("fmt", ["text", "github", "html", "csv", "json", "grid"])
def test_demo_in_every_format(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    status, out, err = run(capsys, "demo", "--format", fmt)
    assert (status, err) == (EXIT_OK, "")
    assert "admitted" in out or "New members admitted" in out


def test_the_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resolmetrics", "evaluate", str(RESOLUTION), str(RESULTS),
         "--as-of", "2023-06-30", "--lang", "vi"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-1] == SUMMARY["vi"]


def test_audit_of_a_missing_published_file_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.csv"
    status, out, err = run(capsys, "audit", str(RESOLUTION), str(RESULTS), "--published",
                           str(missing), "--as-of", "2023-06-30")  # fmt: skip
    assert (status, out) == (EXIT_INVALID, "")
    assert err == (
        f"resolmetrics audit: 1 problem in {missing}:\n"
        f"{missing}: cannot read the file: No such file or directory; "
        "check the path and its permissions\n"
    )


def test_audit_of_a_bad_published_file_exits_1_with_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "published.csv"
    bad.write_text("STT;Verdict\n1a;Đạt\n1a;Vượt\n;Hoàn thành 1/1\n;Hoàn thành 2/2\n",
                   encoding="utf-8")  # fmt: skip
    status, out, err = run(capsys, "audit", str(RESOLUTION), str(RESULTS), "--published",
                           str(bad), "--as-of", "2023-06-30")  # fmt: skip
    assert (status, out) == (EXIT_INVALID, "")
    assert err == (
        f"resolmetrics audit: 2 problems in {bad}:\n"
        f"{bad}:3: STT: row '1a' is also on line 2; number each row once\n"
        f"{bad}:5: Verdict: a second summary, 'Hoàn thành 2/2' (the first is on line 4); "
        "keep one summary row\n"
    )


def test_audit_json_format_loads_back_to_the_audit(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON document of the audit reads back as an Audit with the table's two deliberate
    mistakes: 1a "Vượt 4%" on a strict bound that is met (achieved, not exceeded) and 6
    "Đạt 90,6%", the attainment 90.659...% truncated instead of rounded to 90.7."""
    argv = ["audit", str(RESOLUTION), str(RESULTS), "--published", str(PUBLISHED),
            "--as-of", "2023-06-30", "--lang", "vi", "--format", "json"]  # fmt: skip
    status = main(argv)
    out, err = capsys.readouterr()
    assert (status, err) == (EXIT_OK, "")
    document = json.loads(out)
    assert (document["type"], document["value"]["ok"]) == ("Audit", False)
    assert document["value"]["counts"] == {"agreements": 14, "disagreements": 2}
    result = rm.json.loads(out, rm.Audit)
    assert isinstance(result, rm.Audit)
    assert [(f.number, f.kind) for f in result.disagreements] == [
        ("1a", rm.FindingKind.STATUS),
        ("6", rm.FindingKind.TRUNCATED),
    ]
    assert result.lang == "vi"
    assert result.published.source == str(PUBLISHED)


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("lang", "group", "first"),
    [
        (
            "en",
            "Quality of party cells and members",
            "Party cells rated good or better: above 90%",
        ),
        ("vi", "Chất lượng chi bộ và đảng viên", "Chi bộ hoàn thành tốt nhiệm vụ trở lên: trên"),
    ],
)
def test_evaluate_shows_the_names_in_lang(
    capsys: pytest.CaptureFixture[str], lang: str, group: str, first: str
) -> None:
    """The example file names everything in vi and en: --lang picks the names as well.

    Row 1 is the group's label alone; row 1a the first indicator's name and
    its rule ("trên 90%" is wrapped onto a second line in Vietnamese).
    """
    status, out, err = run(capsys, *EVALUATE, "--lang", lang)
    assert (status, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == TITLE[lang]
    (row,) = [line for line in lines if line.startswith("│ 1 ")]
    assert row.split("│")[2].strip() == group
    (row,) = [line for line in lines if line.startswith("│ 1a ")]
    assert row.split("│")[2].strip() == first
    other = {"en": "Chi bộ hoàn thành tốt", "vi": "Party cells"}[lang]
    assert other not in out
