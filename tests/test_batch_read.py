"""The columnar reader of results files: cells, columns, lines, problems, Parquet, checks.

Expected values are written out by hand from what each cell says; each is
also checked against what read_results reads from the same file, and
expected problems are written out with their line numbers counted in the
snippets (their messages are read_results' own).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import resolmetrics as rm
from resolmetrics.files import FileError, Problem, load_resolution, read_results
from resolmetrics.numbers import as_text

pa = pytest.importorskip("pyarrow")
parquet = pytest.importorskip("pyarrow.parquet")

from resolmetrics.batch import _read  # noqa: E402 (after the skip without pyarrow)
from resolmetrics.batch._read import COLUMNS, iter_results, read_table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "provincial"
PROVINCIAL = load_resolution(EXAMPLE / "resolution.toml")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh folder, so that messages name files as 'results.csv'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str, *, dedent: bool = True) -> str:
    Path(name).write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
    return name


def rows_of(name: str, **options: object) -> list[dict[str, object]]:
    return read_table(name, **options).to_pylist()  # type: ignore[no-any-return]


def problems_of(call: object) -> list[tuple[int | None, str | None, str]]:
    """The (line, field, message) of every problem the call raises, in order."""
    with pytest.raises(FileError) as info:
        call()  # type: ignore[operator]
    return [(p.line, p.field, p.message) for p in info.value.problems]


def streamed(
    name: str, **options: object
) -> tuple[list[dict[str, object]], list[tuple[int | None, str | None, str]]]:
    """The rows of the batches iter_results yields before it raises, and the problems raised."""
    rows: list[dict[str, object]] = []
    batches = iter_results(name, **options)  # type: ignore[arg-type]
    try:
        for batch in batches:
            rows.extend(batch.to_pylist())
    except FileError as error:
        return rows, [(p.line, p.field, p.message) for p in error.problems]
    return rows, []


def results_of(rows: list[dict[str, object]]) -> dict[str, list[rm.Result]]:
    read: dict[str, list[rm.Result]] = {}
    for row in rows:
        result = rm.Result(row["value"], row["unit"], period=row["period"], entity=row["entity"])
        read.setdefault(str(row["indicator"]), []).append(result)
    return read


def value_text(result: rm.Result) -> str:
    return result.value if isinstance(result.value, str) else as_text(result.value)


# --------------------------------------------------------------------------- cells


VIETNAMESE = [
    ("3.745.356,5", "3745356.5", None),
    ("26.150.000", "26150000", None),
    ("2.046", "2046", None),
    ("1.000", "1000", None),
    ("99,2", "99.2", None),
    ("63,5%", "63.5", "percent"),
    ("94,5 %", "94.5", "percent"),
    ("-4", "-4", None),
    ("-4,50", "-4.5", None),
    ("-0,25%", "-0.25", "percent"),
    ("0,0", "0", None),
    ("-0", "0", None),
    ("007", "7", None),
    (" 12,5 ", "12.5", None),
    ("\u00a012,5\u2003", "12.5", None),
    ("33/52 = 63,5%", "825/13", "percent"),
    ("41/71", "4100/71", "percent"),
    ("33/66", "50", "percent"),
    ("HTTNV", "HTTNV", None),
    ("httnv", "HTTNV", None),
    ("KhTnV", "KHTNV", None),
    ("hoàn thành tốt nhiệm vụ", "HTTNV", None),
    ("Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", None),
    ("3.745.356 triệu đồng", "3745356", "triệu đồng"),
    ("1,5 tỷ đồng", "1.5", "tỷ đồng"),
    ("152 đảng viên", "152", "member"),
]
ENGLISH = [
    ("3,745,356.5", "3745356.5", None),
    ("2,046", "2046", None),
    ("2.046", "2.046", None),
    ("0.50", "0.5", None),
    ("63.5%", "63.5", "percent"),
    ("-4", "-4", None),
    ("-12.5%", "-12.5", "percent"),
    ("41/71 = 57.7%", "4100/71", "percent"),
    ("HTNV", "HTNV", None),
    ("rated good", "HTTNV", None),
    ("1,200 million VND", "1200", "triệu đồng"),
    ("12 members", "12", "member"),
]


@pytest.mark.parametrize(
    ("lang", "cell", "value", "unit"),
    [("vi", *case) for case in VIETNAMESE] + [("en", *case) for case in ENGLISH],
)
def test_a_value_cell(here: Path, lang: str, cell: str, value: str, unit: str | None) -> None:
    write("results.csv", f'indicator,period,value\nx,2022,"{cell}"\n', dedent=False)
    (row,) = rows_of("results.csv", lang=lang)
    assert row == {
        "line": 2,
        "indicator": "x",
        "period": 2022,
        "entity": None,
        "value": value,
        "unit": unit,
    }
    (result,) = read_results("results.csv", lang=lang)["x"]
    assert (value_text(result), result.unit) == (value, unit)


def test_every_cell_of_the_tables_in_one_file_as_read_results(here: Path) -> None:
    for lang, cases in (("vi", VIETNAMESE), ("en", ENGLISH)):
        lines = [f'k{i},"{cell}"' for i, (cell, _, _) in enumerate(cases)]
        write("results.csv", "indicator,value\n" + "\n".join(lines) + "\n", dedent=False)
        rows = rows_of("results.csv", lang=lang)
        assert [(row["value"], row["unit"]) for row in rows] == [(v, u) for _, v, u in cases]
        assert results_of(rows) == read_results("results.csv", lang=lang)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("%", "percent"),
        ("percent", "percent"),
        ("triệu đồng", "triệu đồng"),
        (" tỷ đồng ", "tỷ đồng"),
        ("đảng viên", "đảng viên"),
        ("member", "member"),
        ("ha", "ha"),
        ("km", "km"),
        ("count", None),
        ("", None),
    ],
)
def test_a_unit_cell(here: Path, cell: str, unit: str | None) -> None:
    write("results.csv", f"indicator;value;unit\nx;5;{cell}\n", dedent=False)
    (row,) = rows_of("results.csv", lang="vi")
    assert (row["value"], row["unit"]) == ("5", unit)
    assert read_results("results.csv", lang="vi")["x"] == [rm.Result(5, unit)]


def test_periods_and_entities(here: Path) -> None:
    write(
        "results.csv",
        "indicator;period;entity;value\n"
        "x; 2021 ;  Cty   Cấp\u00a0nước ;5\n"
        "x;;TCCS 01;5\n"
        "x;2022;;5\n"
        'x;２０２２;"\tDN\n";5\n',
        dedent=False,
    )
    rows = rows_of("results.csv", lang="vi")
    assert [(row["line"], row["period"], row["entity"]) for row in rows] == [
        (2, 2021, "Cty Cấp nước"),
        (3, None, "TCCS 01"),
        (4, 2022, None),
        (5, 2022, "DN"),
    ]
    assert results_of(rows) == read_results("results.csv", lang="vi")


def test_the_columns_and_their_types(here: Path) -> None:
    write("results.csv", "indicator,value\nx,5\n")
    (batch,) = list(iter_results("results.csv"))
    assert tuple(batch.schema.names) == COLUMNS
    assert [str(field.type) for field in batch.schema] == [
        "int64",
        "string",
        "int32",
        "string",
        "string",
        "string",
    ]
    assert [field.nullable for field in batch.schema] == [False, False, True, True, False, True]
    table = read_table("results.csv")
    assert table.schema == batch.schema


def test_an_empty_results_table_has_the_columns(here: Path) -> None:
    write("results.csv", "indicator,value\n\n")
    table = read_table("results.csv")
    assert table.num_rows == 0
    assert tuple(table.schema.names) == COLUMNS
    assert list(iter_results("results.csv")) == []


# --------------------------------------------------------------------------- columns


def test_vietnamese_headers_any_case_and_notes(here: Path) -> None:
    write(
        "results.csv",
        """\
        Ghi chú;MÃ CHỈ TIÊU;Năm;Đối tượng;Kết quả;ĐVT;note
        đúng;revenue;2022;;1.245.600;triệu đồng;x
        """,
    )
    (row,) = rows_of("results.csv", lang="vi")
    assert row == {
        "line": 2,
        "indicator": "revenue",
        "period": 2022,
        "entity": None,
        "value": "1245600",
        "unit": "triệu đồng",
    }


def test_headers_without_diacritics(here: Path) -> None:
    write("results.csv", "chi tieu;nam;gia tri;don vi tinh\nx;2022;5;%\n")
    (row,) = rows_of("results.csv", lang="vi")
    assert (row["indicator"], row["period"], row["value"], row["unit"]) == (
        "x",
        2022,
        "5",
        "percent",
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "indicator,valeu",
            [
                (
                    1,
                    None,
                    "unknown column 'valeu'; did you mean 'value'? (the columns are: indicator, "
                    "period, entity, value, unit; a 'note' or 'ghi chú' column is allowed and "
                    "not read)",
                ),
                (
                    1,
                    None,
                    "the header row has no 'value' column; the first row must name the "
                    "columns: indicator, period, entity, value, unit",
                ),
            ],
        ),
        (
            "year,value",
            [
                (
                    1,
                    None,
                    "the header row has no 'indicator' column; the first row must name the "
                    "columns: indicator, period, entity, value, unit",
                )
            ],
        ),
        (
            "indicator,value,result",
            [(1, "value", "two columns are 'value': keep one")],
        ),
    ],
)
def test_header_problems_are_those_of_read_results(
    here: Path, header: str, expected: list[tuple[int, str | None, str]]
) -> None:
    write("results.csv", f"{header}\nx,5,6\n")
    assert problems_of(lambda: read_table("results.csv")) == expected
    assert problems_of(lambda: read_results("results.csv")) == expected


def test_an_unknown_column_is_a_problem_after_the_rows(here: Path) -> None:
    write("results.csv", "indicator,value,remarks\nx,5,fine\ny,6,\n")
    rows, problems = streamed("results.csv")
    assert [line for line, _, _ in problems] == [1]
    assert [row["indicator"] for row in rows] == ["x", "y"]


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_and_the_byte_order_mark(here: Path, bom: bytes, delimiter: str) -> None:
    text = delimiter.join(["indicator", "period", "value"]) + "\n"
    text += delimiter.join(["x", "2022", '"1,5"' if delimiter == "," else "1,5"]) + "\n"
    Path("results.csv").write_bytes(bom + text.encode())
    (row,) = rows_of("results.csv", lang="vi")
    assert (row["line"], row["value"]) == (2, "1.5")


def test_lines_with_blank_lines_and_quoted_line_ends(here: Path) -> None:
    Path("results.csv").write_bytes(
        b"\r\n"  # 1: blank
        b";;\r\n"  # 2: cells all blank
        b"indicator;value;note\r\n"  # 3: the header
        b"a;1;\r\n"  # 4
        b"\r\n"  # 5
        b"\r\n"  # 6
        b'b;2;"two\r\nlines"\r\n'  # 7-8
        b'c;"3";"one ""quote"" and; a separator"\r\n'  # 9
        b"   \r\n"  # 10: white space
        b'd;4;"a\nb\rc"\n'  # 11-13
        b"e;5\r"  # 14: a cell fewer, an old Mac line end
        b"f;6;;\n"  # 15: an empty cell more
        b"g;7"  # 16: no line end
    )
    rows = rows_of("results.csv")
    assert [(row["line"], row["indicator"]) for row in rows] == [
        (4, "a"),
        (7, "b"),
        (9, "c"),
        (11, "d"),
        (14, "e"),
        (15, "f"),
        (16, "g"),
    ]
    assert results_of(rows) == read_results("results.csv")


def test_lines_of_problems_after_quoted_line_ends(here: Path) -> None:
    write(
        "results.csv",
        'indicator,value,note\nx,1,"a\nb\nc"\ny,,\nz,2,3,4\n\n"w\n",5,\n',
        dedent=False,
    )
    expected = [
        (
            5,
            "value",
            "no value; leave the row out if there is no result (a target with no result is "
            "reported as having no data)",
        ),
        (
            6,
            None,
            "the row has more cells than the header names columns (the first past them: '4'); "
            'a value with the column separator in it must be quoted, such as "94,5%", or the '
            'columns separated by ";"',
        ),
    ]
    assert problems_of(lambda: read_table("results.csv")) == expected
    assert problems_of(lambda: read_results("results.csv")) == expected


def test_quotes_inside_cells_that_do_not_start_with_one(here: Path) -> None:
    write("results.csv", 'indicator,entity,value\nx,5" pipe,1\ny,"a"b,2\nz, "q",3\n')
    rows = rows_of("results.csv")
    assert [(row["line"], row["entity"]) for row in rows] == [
        (2, '5" pipe'),
        (3, "ab"),
        (4, '"q"'),
    ]
    assert results_of(rows) == read_results("results.csv")


def test_a_file_that_is_not_utf8_after_its_header(here: Path) -> None:
    Path("results.csv").write_bytes(b"indicator,value\nx,1\ny,2\nz,caf\xe9\nw,4\n")
    expected = [
        (
            4,
            None,
            "the file is not UTF-8 text (byte 0xe9); save it as UTF-8 (in Excel: 'CSV UTF-8')",
        )
    ]
    rows, problems = streamed("results.csv")
    assert problems == expected
    assert problems_of(lambda: read_results("results.csv")) == expected
    assert [row["line"] for row in rows] == [2, 3]


def test_a_file_that_is_not_utf8_in_its_header(here: Path) -> None:
    Path("results.csv").write_bytes(b"indicator,gi\xe1 tr\xef\n")
    expected = problems_of(lambda: read_results("results.csv"))
    assert expected[0][0] == 1
    assert problems_of(lambda: iter_results("results.csv")) == expected


def test_a_long_header_and_a_header_after_blank_lines(here: Path) -> None:
    header = "indicator,value," + ",".join(["note"] * 40_000)  # longer than the first read
    Path("results.csv").write_text("\n\n" + header + "\nx,1\n", encoding="utf-8")
    (row,) = rows_of("results.csv")
    assert (row["line"], row["value"]) == (4, "1")


def test_rows_in_many_blocks_and_batches(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"k{i % 7};{2000 + i % 20};e{i};{i},{i % 10}%" for i in range(5000)]
    write("results.csv", "indicator;period;entity;value\n" + "\n".join(lines) + "\n")
    monkeypatch.setattr(_read, "_BLOCK", 4096)
    batches = list(iter_results("results.csv", lang="vi", batch_rows=700))
    assert [batch.num_rows for batch in batches] == [700] * 7 + [100]
    rows = [row for batch in batches for row in batch.to_pylist()]
    assert [row["line"] for row in rows] == list(range(2, 5002))
    assert results_of(rows) == read_results("results.csv", lang="vi")


def test_a_row_longer_than_a_block(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_read, "_BLOCK", 64)
    write("results.csv", "indicator,value,note\nx,1,\ny,2," + "n" * 200 + "\nz,3,\n")
    rows, problems = streamed("results.csv")
    assert problems == [
        (
            None,
            None,
            "cannot read the CSV: a row is longer than 64 bytes; read the file with "
            "resolmetrics.read_results",
        )
    ]
    assert [row["indicator"] for row in rows] == ["x"]


def test_stopping_early_raises_nothing(here: Path) -> None:
    write("results.csv", "indicator,value\nx,1\ny,oops\n" + "z,3\n" * 10)
    batches = iter_results("results.csv", batch_rows=1)
    first = next(batches)
    assert first.to_pylist()[0]["indicator"] == "x"
    batches.close()  # no FileError: the rest of the file was not read


# --------------------------------------------------------------------------- problems


DOCS_RESOLUTION = rm.Resolution(
    "Nghị quyết",
    [
        rm.Target(rm.Indicator("revenue", unit="tỷ đồng"), rm.at_least(1200)),
        rm.Target(
            rm.Indicator("committee", scale=rm.PARTY_QUALITY),
            rm.at_least("HTTNV"),
            per="year",
            combine="each",
        ),
    ],
    term=(2020, 2025),
)


def test_the_problems_of_the_reference_page(here: Path) -> None:
    write(
        "ket_qua.csv",
        """\
        Chỉ tiêu;Năm;Giá trị;ĐVT
        revenue;2022;1.245.600;triệu đồng
        revenu;2021;1.150;tỷ đồng
        committee;2021;95;
        committee;22;;
        """,
    )
    with pytest.raises(FileError) as info:
        read_table("ket_qua.csv", lang="vi", resolution=DOCS_RESOLUTION)
    assert str(info.value) == textwrap.dedent(
        """\
        4 problems in ket_qua.csv:
        ket_qua.csv:3: indicator: no target of the resolution is on indicator 'revenu'; did you mean 'revenue'? (the keys are: committee, revenue)
        ket_qua.csv:4: value: indicator 'committee' is rated on the scale 'party_quality': expected a level such as 'HTTNV', got 95
        ket_qua.csv:5: period: expected a four-digit year such as 2022, got '22'
        ket_qua.csv:5: value: no value; leave the row out if there is no result (a target with no result is reported as having no data)"""  # noqa: E501
    )
    with pytest.raises(FileError) as same:
        read_results("ket_qua.csv", lang="vi", resolution=DOCS_RESOLUTION)
    assert info.value.problems == same.value.problems


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "cells_good;2022;;HTTNV;",
            (
                "value",
                "indicator 'cells_good' is measured in numbers, not rated: expected a number, "
                "got 'HTTNV'",
            ),
        ),
        (
            "committee;2022;;94%;",
            (
                "value",
                "indicator 'committee' is rated on the scale 'party_quality': expected a level "
                "such as 'HTTNV', got 94",
            ),
        ),
        (
            "revenue;2022;;5;ha",
            (
                "unit",
                "indicator 'revenue': cannot compare 'ha' with 'triệu đồng': they measure "
                "different things; give the figure in a unit of the same kind",
            ),
        ),
        (
            "revenue;2022;;5 ha;",
            (
                "value",
                "indicator 'revenue': cannot compare 'hectare' with 'triệu đồng': they measure "
                "different things; give the figure in a unit of the same kind",
            ),
        ),
        (
            "cells_good;2022;;100,5%;",
            (
                "value",
                "indicator 'cells_good': the result, 100.5%, is outside the indicator's limits "
                "(0 to 100); check the figure and its unit, or widen Indicator(limits=...)",
            ),
        ),
        (
            "cells_good;2022;;100,0000000000001%;",
            (
                "value",
                "indicator 'cells_good': the result, 100.0000000000001%, is outside the "
                "indicator's limits (0 to 100); check the figure and its unit, or widen "
                "Indicator(limits=...)",
            ),
        ),
        (
            "cells_good;2022;;-0,0000001;",
            (
                "value",
                "indicator 'cells_good': the result, -0.0000001%, is outside the indicator's "
                "limits (0 to 100); check the figure and its unit, or widen "
                "Indicator(limits=...)",
            ),
        ),
        (
            "inspected;2022;;53/52;",
            (
                "value",
                "indicator 'inspected': the result, 1325/13%, is outside the indicator's limits "
                "(0 to 100); check the figure and its unit, or widen Indicator(limits=...)",
            ),
        ),
        (
            "base_rating;;TCCS 1;Loại 1;",
            (
                "value",
                "indicator 'base_rating': the result 'Loại 1' is not a level of the scale "
                "'party_quality' (levels, worst first: KHTNV, HTNV, HTTNV, HTXSNV)",
            ),
        ),
        (
            "communes;2022;;5;tỷ đồng",
            (
                "unit",
                "indicator 'communes': cannot compare 'tỷ đồng' with 'percent': they measure "
                "different things; give the figure in a unit of the same kind (a share in "
                "percent is not a count)",
            ),
        ),
    ],
)
def test_values_that_do_not_suit_their_indicator(
    here: Path, row: str, expected: tuple[str, str]
) -> None:
    write("results.csv", "indicator;period;entity;value;unit\nrevenue;2019;;7;\n" + row + "\n")
    problems = problems_of(lambda: read_table("results.csv", lang="vi", resolution=PROVINCIAL))
    assert problems == [(3, *expected)]
    assert problems == problems_of(
        lambda: read_results("results.csv", lang="vi", resolution=PROVINCIAL)
    )


@pytest.mark.parametrize(
    "row",
    [
        "cells_good;2022;;100%;",
        "cells_good;2022;;0%;",
        "cells_good;2022;;0;",
        "cells_good;2022;;99,9999999999999%;",
        "cells_good;2022;;1/3;",
        "inspected;2022;;52/52;",
        "revenue;2022;;1,5;tỷ đồng",
        "revenue;2022;;-12;",
        "base_rating;;TCCS 1;hoàn thành nhiệm vụ;",
        "poverty;2022;;0,5%;percent",
    ],
)
def test_values_that_suit_their_indicator(here: Path, row: str) -> None:
    write("results.csv", "indicator;period;entity;value;unit\n" + row + "\n")
    rows = rows_of("results.csv", lang="vi", resolution=PROVINCIAL)
    assert len(rows) == 1
    assert results_of(rows) == read_results("results.csv", lang="vi", resolution=PROVINCIAL)


def test_problems_of_many_rows_and_their_lines(here: Path) -> None:
    write(
        "results.csv",
        """\
        indicator,period,entity,value,unit
        csat,2023,,86..2%,
        csat,2022,,.5%,
        calls,2023,,1200 customers,
        ,2021,,5,
        x,2021,,5%,ha
        x,2022,,5,customer
        x,0999,,5,
        ok,2023,,87%,
        """,
    )
    expected = problems_of(lambda: read_results("results.csv"))
    assert [line for line, _, _ in expected] == [2, 3, 4, 5, 6, 7, 8]
    assert problems_of(lambda: read_table("results.csv")) == expected


def test_problems_are_capped(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_read, "_BLOCK", 1 << 12)
    write("results.csv", "indicator,value\n" + "".join(f"x{i},{i}..5\n" for i in range(1500)))
    with pytest.raises(FileError) as info:
        read_table("results.csv")
    problems = info.value.problems
    assert len(problems) == _read.MAX_PROBLEMS + 1 == 1001
    assert [p.line for p in problems[:-1]] == list(range(2, 1002))
    assert problems[-1] == Problem(
        "results.csv",
        1002,
        None,
        "500 more problems from this line on, not listed: only the first 1,000 are kept; mend "
        "these and read the file again",
    )
    assert problems[0] == problems_of_read_results_first("results.csv")


def problems_of_read_results_first(name: str) -> Problem:
    with pytest.raises(FileError) as info:
        read_results(name)
    return info.value.problems[0]


def test_a_second_result_for_a_row_is_not_a_problem_here(here: Path) -> None:
    """The engine finds them, naming the lines of the ``line`` column."""
    write("results.csv", "indicator,period,value\nx,2022,1\nx,2022,2\n")
    assert [row["line"] for row in rows_of("results.csv")] == [2, 3]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "results.xlsx",
            "the columnar reader reads .csv and .parquet files, not '.xlsx': read a workbook "
            "with resolmetrics.read_results, or save its sheet as CSV UTF-8 or as Parquet",
        ),
        ("results.txt", "expected a .csv or .parquet file, got '.txt'"),
        (
            "missing.csv",
            "cannot read the file: No such file or directory; check the path and its permissions",
        ),
        (
            "missing.parquet",
            "cannot read the file: No such file or directory; check the path and its permissions",
        ),
    ],
)
def test_files_not_read(here: Path, name: str, message: str) -> None:
    if name.endswith((".xlsx", ".txt")):
        Path(name).write_bytes(b"")
    assert problems_of(lambda: iter_results(name)) == [(None, None, message)]
    assert problems_of(lambda: read_table(name)) == [(None, None, message)]


def test_an_empty_file(here: Path) -> None:
    write("results.csv", "\n \n")
    expected = [(None, None, "the file is empty: expected a header row and results")]
    assert problems_of(lambda: iter_results("results.csv")) == expected
    assert problems_of(lambda: read_results("results.csv")) == expected


def test_a_parquet_file_that_is_not_one(here: Path) -> None:
    Path("results.parquet").write_bytes(b"indicator,value\nx,1\n")
    ((line, field, message),) = problems_of(lambda: read_table("results.parquet"))
    assert (line, field) == (None, None)
    assert message.startswith("cannot read the Parquet file: ")
    assert message.endswith("; is it a .parquet file?")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: read_table("r.csv", lang="fr"),
            rm.InvalidArgumentError,
            "read_table(lang) must be 'vi' or 'en', got 'fr'",
        ),
        (
            lambda: iter_results("r.csv", resolution="resolution.toml"),
            rm.errors.InvalidArgumentTypeError,
            "iter_results(resolution) must be a Resolution (from load_resolution) or None, "
            "got 'resolution.toml'",
        ),
        (
            lambda: iter_results("r.csv", batch_rows=0),
            rm.InvalidArgumentError,
            "iter_results(batch_rows) must be at least 1, got 0",
        ),
        (
            lambda: iter_results("r.csv", batch_rows=True),
            rm.errors.InvalidArgumentTypeError,
            "iter_results(batch_rows) must be a whole number of rows such as 1_048_576, got True",
        ),
        (
            lambda: read_table(42),
            rm.errors.InvalidArgumentTypeError,
            "read_table(path) must be a file path (str or pathlib.Path), got 42",
        ),
    ],
)
def test_bad_arguments(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


def test_without_pyarrow(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write("results.csv", "indicator,value\nx,1\n")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow fails
    with pytest.raises(rm.errors.MissingDependencyError) as info:
        read_table("results.csv")
    assert str(info.value) == (
        "resolmetrics.batch.read_table() needs pyarrow: pip install 'resolmetrics[batch]'"
    )
    assert isinstance(info.value, ModuleNotFoundError)


def test_importing_resolmetrics_does_not_import_pyarrow() -> None:
    code = "import sys, resolmetrics, resolmetrics.files; print('pyarrow' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "False"


# --------------------------------------------------------------------------- Parquet


def test_parquet_with_numeric_columns(here: Path) -> None:
    table = pa.table(
        {
            "indicator": ["a", "b", "c", "d", "e", "f", "g", "h"],
            "period": pa.array([2020, None, 2022, 2023, 2024, 2025, 2026, 2027], pa.int16()),
            "entity": pa.array([1, 2, None, 4, 5, 6, 7, 8], pa.int64()),
            "value": pa.array([94.5, 1e20, -0.0, 1.5e-7, 100.0, 0.1, 12345678.9, 2.0]),
        }
    )
    parquet.write_table(table, "results.parquet")
    rows = rows_of("results.parquet")
    assert [(row["line"], row["period"], row["entity"], row["value"]) for row in rows] == [
        (1, 2020, "1", "94.5"),
        (2, None, "2", "100000000000000000000"),
        (3, 2022, None, "0"),
        (4, 2023, "4", "0.00000015"),
        (5, 2024, "5", "100"),
        (6, 2025, "6", "0.1"),
        (7, 2026, "7", "12345678.9"),
        (8, 2027, "8", "2"),
    ]
    assert all(row["unit"] is None for row in rows)


def test_parquet_with_decimal_and_integer_values(here: Path) -> None:
    table = pa.table(
        {
            "Chỉ tiêu": ["a", "b", "c"],
            "Giá trị": pa.array([Decimal("94.50"), Decimal("-0.00"), Decimal("-12.25")]),
            "ĐVT": ["%", None, "triệu đồng"],
        }
    )
    parquet.write_table(table, "results.parquet")
    assert [(row["value"], row["unit"]) for row in rows_of("results.parquet")] == [
        ("94.5", "percent"),
        ("0", None),
        ("-12.25", "triệu đồng"),
    ]
    parquet.write_table(pa.table({"key": ["a", "b"], "result": [-4, 7]}), "counts.parquet")
    assert [row["value"] for row in rows_of("counts.parquet")] == ["-4", "7"]


def test_parquet_text_of_every_kind_and_other_types(here: Path) -> None:
    table = pa.table(
        {
            "indicator": pa.array(["a", "b", "c"], pa.large_string()),
            "value": pa.array(["1,5", "HTTNV", "2"]).dictionary_encode(),
            "entity": pa.nulls(3),
            "unit": pa.array(["%", None, None]),
        }
    )
    parquet.write_table(table, "text.parquet")
    assert [(row["value"], row["unit"]) for row in rows_of("text.parquet", lang="vi")] == [
        ("1.5", "percent"),
        ("HTTNV", None),
        ("2", None),
    ]
    table = pa.table(
        {
            "indicator": ["a", "b"],
            "value": [True, False],
            "period": pa.array([date(2022, 1, 1), None]),
        }
    )
    parquet.write_table(table, "other.parquet")
    assert problems_of(lambda: read_table("other.parquet")) == [
        (1, "period", "expected a four-digit year such as 2022, got datetime.date(2022, 1, 1)"),
        (1, "value", "expected a number or a rating level, got True; type the figure in the cell"),
        (
            2,
            "value",
            "expected a number or a rating level, got False; type the figure in the cell",
        ),
    ]


def test_parquet_floats_are_read_as_their_shortest_repr() -> None:
    """What Arrow writes for a float is the number Python's repr writes (as read_results)."""
    import random
    import struct

    chooser = random.Random(5)
    floats = [
        struct.unpack("d", struct.pack("Q", chooser.getrandbits(64)))[0] for _ in range(5000)
    ]
    floats += [chooser.uniform(-1e6, 1e6) for _ in range(5000)] + [0.1, 1e22, 5e-324, 2.5]
    floats = [f for f in floats if f == f and abs(f) != float("inf") and 1e-100 < abs(f) < 1e100]
    texts = pa.compute.cast(pa.array(floats), pa.string()).to_pylist()
    assert [Decimal(text) for text in texts] == [Decimal(repr(f)) for f in floats]


def test_parquet_problems_name_rows(here: Path) -> None:
    table = pa.table(
        {
            "indicator": ["cells_good", None, "cells_good", "committee", "revenu"],
            "period": pa.array([2022.0, 2022.0, 2021.5, None, 2022.0]),
            "value": pa.array([94.5, 5.0, float("nan"), 3.0, 1.0]),
        }
    )
    parquet.write_table(table, "results.parquet")
    problems = problems_of(lambda: read_table("results.parquet", resolution=PROVINCIAL))
    assert problems == [
        (2, "indicator", "no indicator key; give the indicator's key"),
        (3, "period", "expected a four-digit year such as 2022, got 2021.5"),
        (3, "value", "the cell must be a finite number, got nan"),
        (
            4,
            "value",
            "indicator 'committee' is rated on the scale 'party_quality': expected a level "
            "such as 'HTTNV', got 3.0",
        ),
        (
            5,
            "indicator",
            "no target of the resolution is on indicator 'revenu'; did you mean 'revenue'? (the "
            "keys are: admitted, base_rating, cells_good, committee, communes, forest, "
            "grdp_growth, income, inspected, members_good, poverty, prices, revenue)",
        ),
    ]


def test_parquet_header_problems_are_on_no_line(here: Path) -> None:
    parquet.write_table(pa.table({"indicator": ["a"], "valeu": [1]}), "results.parquet")
    assert [
        (line, field) for line, field, _ in problems_of(lambda: read_table("results.parquet"))
    ] == [
        (None, None),
        (None, None),
    ]


def test_parquet_with_text_columns_reads_as_the_csv(here: Path) -> None:
    source = (EXAMPLE / "results.csv").read_text(encoding="utf-8").splitlines()
    header = source[0].split(";")
    cells = [line.split(";") for line in source[1:]]
    table = pa.table({name: [row[i] for row in cells] for i, name in enumerate(header)})
    parquet.write_table(table, "results.parquet", row_group_size=10)
    rows = rows_of("results.parquet", lang="vi", resolution=PROVINCIAL)
    assert [row["line"] for row in rows] == list(range(1, len(cells) + 1))
    csv_rows = rows_of(str(EXAMPLE / "results.csv"), lang="vi", resolution=PROVINCIAL)
    assert [{**row, "line": 0} for row in rows] == [{**row, "line": 0} for row in csv_rows]


# --------------------------------------------------------------------------- examples


def test_the_example_results_as_read_results_reads_them() -> None:
    path = EXAMPLE / "results.csv"
    rows = rows_of(str(path), lang="vi", resolution=PROVINCIAL)
    expected = read_results(path, lang="vi", resolution=PROVINCIAL)
    assert results_of(rows) == expected
    assert len(rows) == sum(map(len, expected.values())) == 85
    for key, results in expected.items():
        assert [row["value"] for row in rows if row["indicator"] == key] == [
            value_text(result) for result in results
        ]
    assert rows[0] == {
        "line": 2,
        "indicator": "cells_good",
        "period": 2022,
        "entity": None,
        "value": "94",
        "unit": "percent",
    }
    inspected = [row for row in rows if row["indicator"] == "inspected"]
    assert [(row["value"], row["unit"]) for row in inspected] == [("825/13", "percent")]


def test_the_reader_is_in_the_batch_package() -> None:
    from resolmetrics import batch

    assert batch.iter_results is iter_results
    assert batch.read_table is read_table
