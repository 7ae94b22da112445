"""Per-unit reviews: in memory, from files of any size, and on the command line.

The example is examples/units: 71 base organisations, 6 targets each,
reviewed at 30 June 2023. The oracle is Resolution.evaluate on each unit's
results, as read_results reads them.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pyarrow.parquet as pq
import pytest

import resolmetrics as rm
from resolmetrics import batch
from resolmetrics.__main__ import EXIT_FAILED_CHECK, EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from resolmetrics.files import FileError, load_resolution, read_results
from resolmetrics.render import unit_review_tables

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "units"
RESOLUTION_FILE, RESULTS_FILE = EXAMPLE / "resolution.toml", EXAMPLE / "results.csv"
AS_OF = date(2023, 6, 30)
RESOLUTION = load_resolution(RESOLUTION_FILE)


@pytest.fixture(scope="module")
def reports() -> dict[str, rm.Report]:
    """Each organisation's report, from its own results, by the scalar engine."""
    by_unit: dict[str, dict[str, list[rm.Result]]] = defaultdict(lambda: defaultdict(list))
    for key, results in read_results(RESULTS_FILE, lang="vi", resolution=RESOLUTION).items():
        for result in results:
            assert result.entity is not None
            by_unit[result.entity][key].append(attrs.evolve(result, entity=None))
    return {unit: RESOLUTION.evaluate(found, as_of=AS_OF) for unit, found in by_unit.items()}


@pytest.fixture(scope="module")
def table() -> Any:
    return batch.read_table(RESULTS_FILE, lang="vi", resolution=RESOLUTION)


def _counts(reports: dict[str, rm.Report]) -> list[Counter[str]]:
    """For each component, how many units have each status."""
    counts: list[Counter[str]] = [Counter() for _ in RESOLUTION.components]
    for report in reports.values():
        for index, verdict in enumerate(report.verdicts):
            counts[index][verdict.status.value] += 1
    return counts


def test_each_unit_of_the_review_is_its_own_report(table: Any, reports: dict[str, rm.Report]):
    review = batch.review(RESOLUTION, table, as_of=AS_OF, lines="line")
    assert len(review) == 71
    assert review.numbers == ("1", "2", "3", "4", "5", "6")
    for index in range(len(review)):
        unit = str(review.units["entity"][index])
        expected = reports[unit]
        assert review.report(index) == expected
        statuses = [batch.STATUSES[c] for c in review.codes[:, index]]
        assert statuses == [v.status for v in expected.verdicts]
        assert review.unit_summary(index) == expected.summary()


def test_counts_by_target_and_by_unit(table: Any, reports: dict[str, rm.Report]) -> None:
    review = batch.review(RESOLUTION, table, as_of=AS_OF)
    by_target = review.by_target()
    for index, counts in enumerate(_counts(reports)):
        for status in rm.Status:
            assert by_target[status.value][index] == counts[status.value]
        assert by_target["met"][index] == counts["exceeded"] + counts["achieved"]
    by_unit = review.by_unit()
    for row, unit in enumerate(by_unit["entity"]):
        report = reports[str(unit)]
        assert by_unit["met"][row] == sum(v.met for v in report.verdicts)
        assert by_unit["targets"][row] == 6


def test_a_large_file_spread_over_partitions_gives_the_same_review(tmp_path: Path) -> None:
    whole = batch.review_file(RESOLUTION, RESULTS_FILE, lang="vi", as_of=AS_OF,
                              output=tmp_path / "whole.parquet")  # fmt: skip
    spread = batch.review_file(RESOLUTION, RESULTS_FILE, lang="vi", as_of=AS_OF,
                               output=tmp_path / "spread.parquet", memory_rows=100,
                               partitions=3)  # fmt: skip
    assert whole.review is not None
    assert spread.review is None  # judged a partition at a time, never all in memory
    assert (whole.units, spread.units, whole.rows, spread.rows) == (71, 71, 849, 849)
    for name in ("number", *(s.value for s in rm.Status), "met", "units"):
        assert list(whole.by_target[name]) == list(spread.by_target[name])
    assert spread.by_unit is not None
    assert whole.by_unit is not None
    assert sorted(spread.by_unit["entity"]) == sorted(whole.by_unit["entity"])

    def rows(name: str) -> list[tuple[Any, ...]]:
        frame = pq.read_table(tmp_path / name).to_pylist()
        return sorted(tuple(row.values()) for row in frame)

    assert rows("whole.parquet") == rows("spread.parquet")
    assert len(rows("whole.parquet")) == 71 * 6


def test_a_file_problem_names_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "results.csv"
    text = RESULTS_FILE.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([*text, text[1]]) + "\n", encoding="utf-8")  # line 2 again
    output = tmp_path / "verdicts.csv"
    for memory_rows in (10**6, 100):
        with pytest.raises(FileError) as info:
            batch.review_file(RESOLUTION, broken, lang="vi", output=output,
                              memory_rows=memory_rows)  # fmt: skip
        (problem,) = info.value.problems
        assert (problem.file, problem.line, problem.field) == (str(broken), 851, "period")
        assert problem.message == (
            "indicator 'members_good': a second result for the same group, entity and period "
            "(period 2020) (the first is line 2); keep one result per group, entity and period"
        )
        assert not output.exists()
        assert list(tmp_path.iterdir()) == [broken]


def test_a_row_without_its_unit(tmp_path: Path) -> None:
    broken = tmp_path / "results.csv"
    text = RESULTS_FILE.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join([*text, "fees;2022;;100%;"]) + "\n", encoding="utf-8")
    with pytest.raises(FileError) as info:
        batch.review_file(RESOLUTION, broken, lang="vi")
    assert str(info.value) == (
        f"1 problem in {broken}:\n{broken}:851: entity: no entity: the verdicts are by "
        "'entity', so every row must say which entity it is about"
    )


# --------------------------------------------------------------------------- command line

ARGS = ["evaluate", str(RESOLUTION_FILE), str(RESULTS_FILE), "--by", "entity",
        "--as-of", "2023-06-30"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_line_prints_tables_by_target_and_by_unit(
    capsys: pytest.CaptureFixture[str], reports: dict[str, rm.Report]
) -> None:
    status, out, err = run(capsys, *ARGS, "--format", "github")
    assert (status, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == (
        "# Targets for each base organisation, District Party Congress resolution, term "
        "2020-2025 (invented)"
    )
    assert lines[2] == "Review by unit, at 30 June 2023: 71 units, 6 targets"
    counts = _counts(reports)
    first = next(line for line in lines if line.startswith("| 1 "))
    cells = [cell.strip() for cell in first.strip("|").split("|")]
    assert cells[2:] == [*(str(counts[0][s.value]) for s in rm.Status),
                         f"{counts[0]['exceeded'] + counts[0]['achieved']}/71"]  # fmt: skip
    assert lines[-3:-1] == ["... and 51 more units (--format csv or parquet gives every verdict)",
                            ""]  # fmt: skip
    verdicts = Counter(v.status for r in reports.values() for v in r.verdicts)
    assert lines[-1] == rm.render.counts_summary(verdicts, noun=("verdict", "verdicts", ""))


def test_unit_tables_count_units_as_the_language_writes_numbers() -> None:
    statuses = [s.value for s in rm.Status]
    by_target = {"number": ["1"], "target": ["Members admitted"], "key": ["admitted"],
                 **{s: [0] for s in statuses}, "met": [1250], "units": [1250]}  # fmt: skip
    by_target["achieved"] = [1250]
    by_unit = {"entity": [f"Chi bộ {i}" for i in range(1250)],
               **{s: [0] * 1250 for s in statuses}, "met": [1] * 1250,
               "targets": [1] * 1250}  # fmt: skip
    by_unit["achieved"] = [1] * 1250
    vi = unit_review_tables(by_target, by_unit, "vi")
    en = unit_review_tables(by_target, by_unit, "en")
    assert vi.splitlines()[-1] == (
        "... và 1.230 đơn vị khác (--format csv hoặc parquet cho mọi kết quả)"
    )
    assert en.splitlines()[-1] == (
        "... and 1,230 more units (--format csv or parquet gives every verdict)"
    )


def test_a_csv_to_standard_output_leaves_no_temporary_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    status, out, err = run(capsys, *ARGS, "--format", "csv")
    assert (status, err) == (EXIT_OK, "")
    assert len(out.splitlines()) == 1 + 71 * 6
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_writes_every_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, reports: dict[str, rm.Report]
) -> None:
    status, out, err = run(capsys, *ARGS, "--format", "csv")
    assert (status, err) == (EXIT_OK, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 71 * 6
    assert list(rows[0]) == ["entity", "number", "key", "status", "actual", "margin",
                             "relative_margin", "attainment", "unit", "met", "parts"]  # fmt: skip
    for row in rows:
        verdict = reports[row["entity"]].verdicts[int(row["number"]) - 1]
        assert row["status"] == verdict.status.value
        actual = verdict.actual
        if actual is None:
            assert row["actual"] == ""
        else:
            written = actual if isinstance(actual, str) else rm.numbers.as_text(actual)
            assert row["actual"] == written
    target = tmp_path / "verdicts.parquet"
    status, out, err = run(capsys, *ARGS, "--format", "parquet", "-o", str(target))
    assert (status, out, err) == (EXIT_OK, "", "")
    assert pq.read_table(target).num_rows == 71 * 6


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "json"], "--by writes text (or another table format), csv or parquet, "
                               "not json"),
        (["--format", "parquet"], "--format parquet needs -o FILE.parquet"),
        (["--plot", "x.png"], "--plot draws one review; with --by there is one per unit"),
    ],
)  # fmt: skip
def test_command_line_usage_errors(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    status, out, err = run(capsys, *ARGS, *extra)
    assert (status, out) == (EXIT_USAGE, "")
    assert err == f"resolmetrics evaluate: error: {message}\n"


def test_parquet_needs_by(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, *ARGS[:3], "--format", "parquet", "-o", str(tmp_path / "x"))
    assert status == EXIT_USAGE
    assert err == (
        "resolmetrics evaluate: error: --format parquet writes every verdict of a review --by "
        "entity; give --by entity, or use csv\n"
    )


def test_fail_on_miss_and_invalid_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, _ = run(capsys, *ARGS, "--fail-on-miss")
    assert status == EXIT_FAILED_CHECK
    broken = tmp_path / "results.csv"
    broken.write_text("indicator;period;entity;value\nfees;2022;;100%\n", encoding="utf-8")
    status, out, err = run(capsys, "evaluate", str(RESOLUTION_FILE), str(broken), "--by",
                           "entity")  # fmt: skip
    assert (status, out) == (EXIT_INVALID, "")
    assert err.splitlines()[-1] == (
        f"{broken}: entity: no row names its entity: a review by entity judges the resolution "
        "for each entity of the file; give each row its entity, or review the file as one "
        "whole (without --by)"
    )


def test_read_results_and_evaluate_read_parquet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A results file kept as Parquet reads as its CSV does, also on the command line."""
    import pyarrow.csv as pacsv

    provincial = EXAMPLE.parent / "provincial"
    resolution = load_resolution(provincial / "resolution.toml")
    from_csv = read_results(provincial / "results.csv", lang="vi", resolution=resolution)
    # the file's cells as they are written ("33/52 = 63,5%"), as text
    cells = pacsv.read_csv(provincial / "results.csv",
                           parse_options=pacsv.ParseOptions(delimiter=";"),
                           convert_options=pacsv.ConvertOptions(
                               column_types={"value": "string", "period": "int32"}))  # fmt: skip
    parquet = tmp_path / "results.parquet"
    pq.write_table(cells, parquet)
    assert read_results(parquet, lang="vi", resolution=resolution) == from_csv
    rows = cells
    status, out, _ = run(capsys, "evaluate", str(provincial / "resolution.toml"), str(parquet),
                         "--as-of", "2023-06-30")  # fmt: skip
    assert status == EXIT_OK
    assert out.splitlines()[-1].startswith("Met 8 of 15 targets")
    twice = tmp_path / "twice.parquet"
    pq.write_table(rows.slice(0, 2).take([0, 1, 0]), twice)
    with pytest.raises(FileError) as info:
        read_results(twice, lang="vi", resolution=resolution)
    assert str(info.value) == (
        f"1 problem in {twice}:\n{twice}:3: a second result for indicator 'cells_good', period "
        "2022 (the first is on line 1); keep one result per indicator, period and entity"
    )


def test_a_progress_bar_on_standard_error_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, *ARGS, "--format", "csv", "--progress")
    assert status == EXIT_OK
    assert "rows read" in err
    assert "849" in err  # every row counted
    assert out.startswith('"entity","number"')
    status, _, err = run(capsys, *ARGS, "--format", "csv", "--no-progress")
    assert (status, err) == (EXIT_OK, "")
    status, _, err = run(capsys, *ARGS, "--format", "csv")  # not a terminal: no bar
    assert (status, err) == (EXIT_OK, "")


def test_the_problems_of_every_target_and_partition_together(tmp_path: Path) -> None:
    broken = tmp_path / "results.csv"
    text = RESULTS_FILE.read_text(encoding="utf-8").splitlines()
    fees = next(i for i, line in enumerate(text) if line.startswith("fees;"))
    broken.write_text("\n".join([*text, text[1], text[fees]]) + "\n", encoding="utf-8")
    for memory_rows in (10**6, 100):  # in memory, and spread over partitions
        with pytest.raises(FileError) as info:
            batch.review_file(RESOLUTION, broken, lang="vi", memory_rows=memory_rows,
                              partitions=5)  # fmt: skip
        found = sorted((p.line, p.message.split(":")[0]) for p in info.value.problems)
        assert found == [(851, "indicator 'members_good'"), (852, "indicator 'fees'")]


def test_output_files_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        for name, memory_rows in (("a.parquet", 10**6), ("b.csv", 100)):
            batch.review_file(RESOLUTION, RESULTS_FILE, lang="vi", output=tmp_path / name,
                              memory_rows=memory_rows)  # fmt: skip
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "b.csv"]


def test_review_file_reviews_by_entity_only() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        batch.review_file(RESOLUTION, RESULTS_FILE, by="period")
    assert str(info.value) == (
        "review_file(by='period'): a results file's units are in its 'entity' column; use "
        "by='entity'"
    )


def test_a_file_written_in_the_other_language_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    english = tmp_path / "results.csv"
    english.write_text("indicator;period;entity;value\n" + "".join(
        f"fees;{2020 + i};A;9{i}.5%\n" for i in range(3)), encoding="utf-8")  # fmt: skip
    status, _, err = run(capsys, "evaluate", str(RESOLUTION_FILE), str(english), "--by",
                         "entity")  # fmt: skip
    assert status == EXIT_INVALID
    assert err.splitlines()[1] == (
        f"{english}: value: 3 numbers are not written as Vietnamese writes them; if the file "
        "writes numbers the English way (3,745,356.5 and 92.2), read it with lang='en' (on the "
        "command line, --results-lang en)"
    )
    status, _, _ = run(capsys, "evaluate", str(RESOLUTION_FILE), str(english), "--by",
                       "entity", "--results-lang", "en")  # fmt: skip
    assert status == EXIT_OK


def test_an_output_named_for_another_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, *ARGS, "--format", "csv", "-o", str(tmp_path / "v.parquet"))
    assert status == EXIT_USAGE
    assert err == (
        f"resolmetrics evaluate: error: -o {tmp_path / 'v.parquet'} names a parquet file, but "
        "--format is csv; give --format parquet\n"
    )
    assert list(tmp_path.iterdir()) == []
