"""The columnar reader reads a results file as read_results reads it.

Invariant: a results file read by the columnar reader gives, row for row,
the results read_results gives. For any CSV results file (numbers written
well or slightly wrong in Vietnamese or English, percentages, negative
numbers, ratios, rating levels as codes or names, units in the value or in
a unit column, padded and empty cells, blank lines, rows with too many or
too few cells, quoted cells holding separators, quotes or line ends, stray
quotes in unquoted cells, any of the three line ends, with or without a
byte-order mark; with or without a resolution to check the values against)
and for the same rows in a Parquet file:

- every row of the batches, read as ``Result(value, unit, period=period,
  entity=entity)`` under its ``indicator``, is the result read_results
  reads from the row on that line, in the same order, and the batches hold
  a row for every result read_results reads (from a file with problems
  too: the rows it reads before it raises);
- ``value`` is the canonical text of that result's value
  (``numbers.as_text``; a level as it is);
- the problems are the ones read_results reports (file, line, field and
  message), in the same order; the files have no two rows for one
  indicator, period and entity, whose problem is not the reader's to find.

The CSV is read through Arrow in blocks as small as its longest row, so
that the rows, the quoted cells, the line ends and the UTF-8 characters are
cut between blocks.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics import files as files_module
from resolmetrics.files import FileError, load_resolution, read_results
from resolmetrics.numbers import as_text

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

from resolmetrics.batch import _read  # noqa: E402 (after the skip without pyarrow)

ROOT = Path(__file__).resolve().parents[2]
RESOLUTION = load_resolution(ROOT / "examples" / "provincial" / "resolution.toml")
MARKS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal mark)

KEYS = ["cells_good", "income", "base_rating", "admitted", "poverty", " revenue ", "revenu", ""]
PERIODS = ["", "2022", " 2021 ", "22", "0999", "02022", "２０２２", "abc", "1000", "9999", "10000"]
UNITS = ["", "%", "percent", "triệu đồng", " tỷ đồng ", "customer", "ha", "member", "đảng viên"]
LEVELS = [
    "HTTNV",
    "httnv",
    "HtXsNv",
    "KHTNV",
    "htnv",
    "hoàn thành tốt nhiệm vụ",
    "rated good",
    "Hoàn thành xuất sắc nhiệm vụ",
    "good",
    "tốt",
]


def grouped(whole: str, mark: str) -> str:
    head = len(whole) % 3 or 3
    return mark.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])


@st.composite
def numbers(draw: st.DrawFn, lang: str) -> str:
    """A number as people write it in *lang*, or the other language: grouped, a sign, a '%'."""
    lang = draw(st.sampled_from([lang, lang, "vi" if lang == "en" else "en"]))
    thousands, point = MARKS[lang]
    whole = str(draw(st.integers(min_value=0, max_value=10**33)))
    if draw(st.booleans()):
        whole = grouped(whole, thousands)
    if draw(st.booleans()):
        whole = "0" * draw(st.integers(1, 2)) + whole
    decimals = draw(st.text("0123456789", max_size=33))
    text = whole + (point + decimals if decimals else "")
    return draw(st.sampled_from(["", "", "-", "+"])) + text + draw(st.sampled_from(["", "", "%"]))


@st.composite
def slightly_wrong(draw: st.DrawFn, lang: str) -> str:
    text = draw(numbers(lang))
    at = draw(st.integers(0, len(text)))
    how = draw(st.sampled_from(["insert", "double", "drop"]))
    mark = draw(st.sampled_from([".", ",", " ", "-", "a", "%", "\u00a0"]))
    if how == "insert":
        return text[:at] + mark + text[at:]
    if how == "double":
        return text[:at] + mark + mark + text[at:]
    return text[:at] + text[at + 1 :]


def values(lang: str) -> st.SearchStrategy[str]:
    ratios = st.builds(
        lambda a, b, shown: f"{a}/{b}" + shown,
        st.integers(0, 60),
        st.integers(0, 60),
        st.sampled_from(["", " = 63,5%", " = 63.5%", " = 50%", " = 0%"]),
    )
    with_units = st.builds(
        lambda number, unit: f"{number} {unit}",
        numbers(lang),
        st.sampled_from(["triệu đồng", "tỷ", "ha", "đảng viên", "customers", "members", "%"]),
    )
    plain = st.one_of(
        numbers(lang),
        numbers(lang),
        slightly_wrong(lang),
        st.sampled_from(LEVELS),
        ratios,
        with_units,
        st.sampled_from(["", "  ", "nan", "inf", "1e3", "-0", "0,0", "-0.0%"]),
        st.text('0123456789.,-%/ "aHTN\n;\t', max_size=8),
    )
    return st.builds(
        lambda padding, text: padding[0] + text + padding[1],
        st.sampled_from([("", ""), ("", ""), (" ", " "), ("\u00a0", ""), ("\t", "\u2003")]),
        plain,
    )


def entities(index: int) -> st.SearchStrategy[str]:
    """Entity cells that stay distinct row from row once their spaces are normalised."""
    return st.sampled_from(
        [f"e{index}", f" e  {index} ", f"e\u00a0{index}", f"\te{index}\n", f"E {index}\u3000x"]
    )


HEADERS = {
    "indicator": ["indicator", "Chỉ tiêu", "KEY", "ma_chi_tieu"],
    "period": ["period", "Năm", "year"],
    "entity": ["entity", "Đối tượng"],
    "value": ["value", "Giá trị", "kết quả", "Result"],
    "unit": ["unit", "ĐVT", "don vi tinh"],
    "note": ["note", "Ghi chú"],
}


@st.composite
def files(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, lang) of a results file: each row one cell per header column."""
    lang = draw(st.sampled_from(["vi", "en"]))
    columns = ["indicator", "value"]
    columns += [c for c in ("period", "entity", "unit", "note") if draw(st.booleans())]
    columns = draw(st.permutations(columns))
    header = [draw(st.sampled_from(HEADERS[column])) for column in columns]
    if draw(st.integers(0, 9)) == 0:
        header.append(draw(st.sampled_from(["remarks", "", "valeu"])))
    rows = []
    for index in range(draw(st.integers(0, 12))):
        key = draw(st.sampled_from(KEYS))
        entity = draw(entities(index))
        cells = {
            "indicator": key,
            "value": draw(values(lang)),
            "period": draw(st.sampled_from(PERIODS)),
            "entity": entity,
            "unit": draw(st.sampled_from(UNITS)),
            "note": draw(st.sampled_from(["", "ok", 'a "quote"', "two\nlines", "x;y,z"])),
        }
        if "entity" not in columns:  # keep the rows distinct by their key
            cells["indicator"] = f"{key.strip() or 'k'}{index}" if key.strip() else key
        row = [cells[column] for column in columns]
        row += [""] * (len(header) - len(row))
        rows.append(row)
    return header, rows, lang


def written(
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    ending: str,
    shapes: list[int],
) -> tuple[str, int]:
    """The CSV text of *header* and *rows*, each row shaped as *shapes* says; its longest row.

    The longest row's length is in UTF-8 bytes, line end included.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending)
    writer.writerow(header)
    longest = len(out.getvalue().encode())
    for row, shape in zip(rows, shapes, strict=False):
        start = len(out.getvalue().encode())
        if shape == 1:  # a blank line before the row
            out.write(ending)
        elif shape == 2:  # a cell past the header's columns
            row = [*row, "extra"]
        elif shape == 3:  # empty cells past them
            row = [*row, "", ""]
        elif shape == 4:  # the last cell left out
            row = row[:-1]
        elif shape == 5 and not any(delimiter in c or "\n" in c or "\r" in c for c in row):
            out.write(delimiter.join(row) + ending)  # not quoted: quotes stay in the cells
            longest = max(longest, len(out.getvalue().encode()) - start)
            continue
        elif shape == 6:  # a row of empty cells
            row = [""] * len(row)
        writer.writerow(row)
        longest = max(longest, len(out.getvalue().encode()) - start)
    return out.getvalue(), longest


def results_of(table: object) -> dict[str, list[rm.Result]]:
    read: dict[str, list[rm.Result]] = {}
    for row in table.to_pylist():  # type: ignore[attr-defined]
        result = rm.Result(row["value"], row["unit"], period=row["period"], entity=row["entity"])
        read.setdefault(row["indicator"], []).append(result)
    return read


def problems_of(call: object) -> tuple[object, list[tuple[int | None, str | None, str]]]:
    try:
        return call(), []  # type: ignore[operator]
    except FileError as error:
        return None, [(p.line, p.field, p.message) for p in error.problems]


def without_seconds(
    problems: list[tuple[int | None, str | None, str]],
) -> tuple[list[tuple[int | None, str | None, str]], set[int | None]]:
    """*problems* but the second results for an indicator, period and entity; their lines."""
    second = "a second result for "
    return (
        [problem for problem in problems if not problem[2].startswith(second)],
        {line for line, _, message in problems if message.startswith(second)},
    )


def read_as_read_results(
    path: Path, lang: str, resolution: rm.Resolution | None
) -> tuple[dict[str, list[rm.Result]], list[tuple[int | None, str | None, str]]]:
    """The results read_results reads from the CSV *path*, and its problems, in order.

    The results are those it would return if the file had no problems: the
    rows read before it raises its FileError.
    """
    problems = files_module._Problems(str(path))
    try:
        rows = files_module._csv_rows(str(path), problems)
        results = files_module._Rows(problems, lang, resolution).read(rows)
    except FileError as error:
        return {}, [(p.line, p.field, p.message) for p in error.problems]
    if not problems.items:
        return results, []
    note = files_module.language_hint(problems.items, str(path), lang)  # as read_results adds
    found = ([] if note is None else [note]) + problems.items
    return results, [(p.line, p.field, p.message) for p in FileError(found).problems]


def same_as_read_results(path: Path, lang: str, resolution: rm.Resolution | None) -> None:
    """What the columnar reader reads from *path* is what read_results reads from it.

    A row that read_results finds a second result for an indicator, period
    and entity (a line break in an unquoted cell makes two rows of one) is
    left out: finding those is not the reader's task.
    """
    expected, expected_problems = read_as_read_results(path, lang, resolution)
    _, raised = problems_of(lambda: read_results(path, lang=lang, resolution=resolution))
    assert raised == expected_problems
    expected_problems, seconds = without_seconds(expected_problems)
    event("with problems" if expected_problems else "without problems")
    batches: list[object] = []
    problems: list[tuple[int | None, str | None, str]] = []
    try:  # the rows without problems are read all the same
        for batch in _read.iter_results(path, lang=lang, resolution=resolution, batch_rows=3):
            batches.append(batch)
    except FileError as error:
        problems = [(p.line, p.field, p.message) for p in error.problems]
    assert problems == expected_problems
    table = pa.Table.from_batches(batches, schema=_read._Arrow("test").schema)
    assert all(batch.num_rows == 3 for batch in batches[:-1])
    if seconds:
        keep = pa.compute.invert(pa.compute.is_in(table.column("line"), pa.array(list(seconds))))
        table = table.filter(keep)
    assert results_of(table) == expected
    rows = table.to_pylist()
    lines = [row["line"] for row in rows]
    assert lines == sorted(set(lines))  # in the order of the file, one row a line
    for key, results in expected.items():
        texts = [row["value"] for row in rows if row["indicator"] == key]
        assert texts == [value_text(result) for result in results]


def value_text(result: rm.Result) -> str:
    """A result's value as the ``value`` column writes it."""
    return result.value if isinstance(result.value, str) else as_text(result.value)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    files(),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
    st.lists(st.integers(0, 12), min_size=12, max_size=12),
    st.booleans(),
    st.booleans(),
)
@example(
    (["indicator", "value"], [["x", "1"], ["y", '"a"b']], "en"),
    ",",
    "\r\n",
    False,
    [0, 5],
    False,
    True,
)
def test_a_csv_file_reads_as_read_results_reads_it(
    file: tuple[list[str], list[list[str]], str],
    delimiter: str,
    ending: str,
    bom: bool,
    shapes: list[int],
    checked: bool,
    small_blocks: bool,
) -> None:
    header, rows, lang = file
    text, longest = written(header, rows, delimiter, ending, shapes)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        if small_blocks:  # Arrow reads a row in one block, or in two
            patch.setattr(_read, "_BLOCK", longest + 1)
        path = Path(folder) / "results.csv"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        same_as_read_results(path, lang, RESOLUTION if checked else None)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(), st.booleans())
def test_a_parquet_file_of_text_reads_as_the_csv_file(
    file: tuple[list[str], list[list[str]], str], checked: bool
) -> None:
    """The same rows in Parquet (text columns) read as read_results reads them from CSV.

    Lines become rows: the Parquet row r is the CSV line r + 1.
    """
    header, rows, lang = file
    assume("" not in header)  # Parquet columns are named
    # one line a row, so that the row r is on the line r + 1
    rows = [[cell.replace("\n", " ").replace("\r", " ") for cell in row] for row in rows]
    resolution = RESOLUTION if checked else None
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "results.csv"
        text, _ = written(header, rows, ";", "\n", [0] * len(rows))
        csv_path.write_text(text, encoding="utf-8")
        parquet_path = Path(folder) / "results.parquet"
        columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
        parquet.write_table(
            pa.table({name: pa.array(cells, pa.string()) for name, cells in columns.items()}),
            parquet_path,
        )
        expected, expected_problems = problems_of(
            lambda: read_results(csv_path, lang=lang, resolution=resolution)
        )
        table, problems = problems_of(
            lambda: _read.read_table(parquet_path, lang=lang, resolution=resolution)
        )
        moved = [
            (None if line == 1 else None if line is None else line - 1, field, message)
            for line, field, message in expected_problems
        ]
        assert problems == moved
        if expected is not None:
            assert results_of(table) == expected


# --------------------------------------------------------------------------- records


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet='ab;,"\n\rđ ', max_size=60),
    st.sampled_from([",", ";"]),
    st.lists(st.integers(1, 8), min_size=1, max_size=20),
)
@example('"a""\n"b\n', ",", [3])
@example('a;"b"\r\n"c', ";", [5, 1])
def test_records_are_told_apart_as_the_csv_module_reads_them(
    text: str, delimiter: str, sizes: list[int]
) -> None:
    """Fed the bytes of any text in pieces of any size, the records start on the lines they
    start on for the csv module, with as many cells (an empty line: a record of no cells,
    which Arrow reads as a row of empty cells)."""
    np = pytest.importorskip("numpy")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    expected: list[tuple[int, int]] = []
    start = 1
    for row in reader:
        expected.append((start, len(row)))
        start = reader.line_num + 1
    records = _read._Records(np, delimiter, 1, 2)
    data = text.encode()
    position = 0
    index = 0
    while position < len(data):
        size = sizes[index % len(sizes)]
        index += 1
        piece = data[position : position + size]
        position += len(piece)
        records.feed(piece, data[position] if position < len(data) else None)
    records.finish()
    records._gather()
    told = list(zip(records.lines.tolist(), records.counts.tolist(), strict=True))
    empty = [line for line, cells in expected if cells == 0]
    assert [line for line, _ in told] == [line for line, _ in expected]
    assert [(line, cells) for line, cells in told if line not in empty] == [
        (line, cells) for line, cells in expected if cells
    ]
    valid = records.valid.tolist()
    assert valid == [cells in (0, 2) for _, cells in expected]
