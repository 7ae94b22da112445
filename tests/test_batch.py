"""The columnar engine on real cases: review-table rows, every kind of column, bad input.

Expected statuses and figures come from the review table of DOMAIN.md and
from arithmetic done here by hand, never from the engine itself.
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import resolmetrics as rm
from _support import ACHIEVED, EXCEEDED, IN_PROGRESS, NO_DATA, NOT, D, F
from resolmetrics import batch

SHARE = rm.Indicator("org_good", unit="percent", limits=(0, 100))
AT_LEAST_90 = rm.Target(SHARE, rm.at_least(90))


# --------------------------------------------------------------------------- review-table rows

ROWS = [
    # "Trên 90% chi bộ hoàn thành tốt nhiệm vụ" -> 94%: Đạt (a met strict bound), 4 points
    (rm.above(90), "94", ACHIEVED, D(4)),
    # "92% trở lên đảng viên hoàn thành tốt nhiệm vụ" -> 94,5%: Vượt 2,5 points
    (rm.at_least(92), "94.5", EXCEEDED, D("2.5")),
    # "97% trở lên hộ gia đình đạt chuẩn văn hóa" -> 97%: Đạt, on the bound
    (rm.at_least(97), "97", ACHIEVED, D(0)),
    # a hair under the bound is a miss, never rounded onto it
    (rm.at_least(97), "96.999999999999999999", NOT, D("-0.000000000000000001")),
    # "Tỷ lệ hộ nghèo dưới 4%" -> 3,1%: Đạt
    (rm.below(4), "3.1", ACHIEVED, D("0.9")),
]

KINDS = {
    "numpy float": lambda texts: np.array([float(t) for t in texts]),
    "text": lambda texts: list(texts),
    "pandas Float64": lambda texts: pd.Series([float(t) for t in texts], dtype="Float64"),
    "Arrow decimal128": lambda texts: pa.array([Decimal(t) for t in texts],
                                               type=pa.decimal128(38, 20)),
    "Arrow text": lambda texts: pa.array(texts),
    "polars text": lambda texts: pl.Series(texts),
    "Decimal objects": lambda texts: [Decimal(t) for t in texts],
}  # fmt: skip


@pytest.mark.parametrize(("rule", "value", "status", "margin"), ROWS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_review_table_rows(kind: str, rule: rm.Rule, value: str, status: rm.Status,
                           margin: Decimal) -> None:  # fmt: skip
    if kind in ("numpy float", "pandas Float64") and Decimal(repr(float(value))) != D(value):
        pytest.skip("no float is this decimal")
    target = rm.Target(SHARE, rule)
    verdicts = batch.evaluate(target, KINDS[kind]([value, value]))
    assert [verdicts.status(0), verdicts.status(1)] == [status, status]
    assert verdicts.margin.to_list() == [margin, margin]


def test_admissions_a_year_judged_on_their_total() -> None:
    """ "Kết nạp 80 đảng viên trở lên mỗi năm": 80 + 86 + 83 = 249 against 240, Vượt 3,75%."""
    target = rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(80), per="year",
                       combine="total", term=(2020, 2022))  # fmt: skip
    table = {"value": [80, 86, 83], "period": [2020, 2021, 2022]}
    verdicts = batch.evaluate(target, table)
    assert verdicts.status(0) is EXCEEDED
    assert verdicts.actual[0] == 249
    assert verdicts.margin[0] == 9
    assert verdicts.relative_margin[0] == F(9, 240)  # 3.75 %
    assert verdicts.tally is not None
    assert (int(verdicts.tally[0][0]), int(verdicts.tally[1][0])) == (3, 3)


def test_organisations_inspected_as_an_exact_share() -> None:
    """ "70% tổ chức đảng được kiểm tra": 33/52 = 63,5%, Đạt 90,7% so với nghị quyết."""
    target = rm.Target(SHARE, rm.at_least(70), due=2025)
    share = rm.numbers.as_text(rm.Result.ratio(33, 52).value)  # "825/13", not 63.5
    final = batch.evaluate(target, [share])
    midterm = batch.evaluate(target, [share], as_of=date(2023, 6, 30))
    assert final.status(0) is NOT
    assert midterm.status(0) is IN_PROGRESS
    assert final.attainment[0] == F(3300, 52) / 70
    assert round(float(final.attainment[0]), 3) == 0.907  # type: ignore[arg-type]


def test_income_up_four_to_six_percent_in_every_enterprise() -> None:
    """ "Thu nhập ... tăng 4-6%/năm": 3 of 9 enterprises within 4-6 %, 6 below: Không đạt."""
    target = rm.Target(rm.Indicator("income", unit="triệu đồng"), rm.between(4, 6), per="year",
                       growth="yoy", combine="latest", across="all")  # fmt: skip
    grown = [5, 5, 5, 3, 3, 3, 3, 3, 3]  # percent, 2021 to 2022
    table = {
        "entity": [f"DN {i}" for i in range(1, 10)],
        "y2021": [100.0] * 9,
        "y2022": [100.0 + g for g in grown],
    }
    verdicts = batch.evaluate(target, table, years={2021: "y2021", 2022: "y2022"})
    assert verdicts.status(0) is NOT
    assert verdicts.tally is not None
    assert (int(verdicts.tally[0][0]), int(verdicts.tally[1][0])) == (3, 9)
    assert verdicts.actual[0] == 3  # the weakest enterprise grew 3 %
    assert verdicts.margin[0] == -1


# --------------------------------------------------------------------------- every kind of column

COLUMNS = {
    "numpy float64": np.array([93.1, 90.0, 89.999]),
    "numpy float32 as float": np.array([93.1, 90.0, 89.999], dtype=np.float64),
    "numpy int": np.array([93, 90, 89]),
    "pandas float": pd.Series([93.1, 90.0, 89.999]),
    "pandas Int64": pd.Series([93, 90, 89], dtype="Int64"),
    "pandas str": pd.Series(["93.1", "90", "89.999"], dtype="string"),
    "pandas object": pd.Series([93.1, 90, "89.999"], dtype=object),
    "pandas categorical": pd.Series(["93.1", "90", "89.999"], dtype="category"),
    "Arrow float": pa.array([93.1, 90.0, 89.999]),
    "Arrow chunked": pa.chunked_array([[93.1], [90.0, 89.999]]),
    "Arrow dictionary": pa.array(["93.1", "90", "89.999"]).dictionary_encode(),
    "Arrow decimal128": pa.array([D("93.1"), D(90), D("89.999")], type=pa.decimal128(6, 3)),
    "polars float": pl.Series([93.1, 90.0, 89.999]),
    "polars decimal": pl.Series([D("93.1"), D(90), D("89.999")], dtype=pl.Decimal(6, 3)),
    "list of floats": [93.1, 90.0, 89.999],
    "list of fractions": [F(931, 10), F(90), F(89999, 1000)],
}


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_every_kind_of_column_gives_the_same_verdicts(kind: str) -> None:
    verdicts = batch.evaluate(AT_LEAST_90, COLUMNS[kind])
    expected = [EXCEEDED, ACHIEVED, NOT]
    if kind == "numpy int" or kind == "pandas Int64":
        expected = [EXCEEDED, ACHIEVED, NOT]
    assert [verdicts.status(i) for i in range(3)] == expected


NULLS = {
    "None in a list": [93.1, None],
    "pandas NA": pd.Series([93.1, None], dtype="Float64"),
    "Arrow null": pa.array([93.1, None]),
    "polars null": pl.Series([93.1, None]),
    "masked numpy": np.ma.masked_array([93.1, 0.0], mask=[False, True]),
    "NaN read as missing": np.array([93.1, np.nan]),
}


@pytest.mark.parametrize("kind", list(NULLS))
def test_a_null_is_a_result_left_out_so_no_data(kind: str) -> None:
    nan = "missing" if kind == "NaN read as missing" else "error"
    verdicts = batch.evaluate(AT_LEAST_90, NULLS[kind], nan=nan)
    assert verdicts.status(1) is NO_DATA
    assert verdicts.actual.to_list() == [D("93.1"), None]
    assert verdicts.verdict(1) == rm.evaluate(AT_LEAST_90, None)


def test_a_null_is_no_part_of_a_group() -> None:
    target = rm.Target(rm.Indicator("admitted"), rm.at_least(2), per="year", combine="each")
    table = {"value": [3, None, 2], "period": [2021, 2022, 2022], "g": ["a", "a", "b"]}
    verdicts = batch.evaluate(target, table, by="g")
    assert [verdicts.status(0), verdicts.status(1)] == [EXCEEDED, ACHIEVED]


def test_units_row_by_row() -> None:
    """A target in tỷ đồng judged on results in triệu and tỷ đồng, exactly."""
    revenue = rm.Target(rm.Indicator("revenue", unit="tỷ đồng"), rm.at_least(25_000))
    values = [26_150_000, 25_000, "24999.999999"]
    verdicts = batch.evaluate(revenue, values, unit=["triệu đồng", "tỷ đồng", None])
    assert [verdicts.status(i) for i in range(3)] == [EXCEEDED, ACHIEVED, NOT]
    assert verdicts.margin.to_list() == [D(1150), D(0), D("-0.000001")]


def test_numbers_too_wide_for_int64_are_judged_exactly() -> None:
    target = rm.Target(rm.Indicator("budget", unit="đồng"), rm.at_least(10**30))
    values = [str(10**30), str(10**30 - 1), "1000000000000000000000000000000.5"]
    verdicts = batch.evaluate(target, values)
    assert [verdicts.status(i) for i in range(3)] == [ACHIEVED, NOT, EXCEEDED]
    assert verdicts.margin.to_list() == [D(0), D(-1), D("0.5")]
    money = rm.Target(rm.Indicator("budget", unit="đồng"), rm.at_least(1))
    in_billions = batch.evaluate(money, [9 * 10**17], unit="tỷ đồng")  # 9e26 đồng
    assert in_billions.actual[0] == 9 * 10**26


def test_a_float_is_its_shortest_repr() -> None:
    """0.1 + 0.2 is 0.30000000000000004 when read, not 0.3 and not its binary value."""
    target = rm.Target(rm.Indicator("x"), rm.at_most(D("0.30000000000000004")))
    verdicts = batch.evaluate(target, np.array([0.1 + 0.2, 0.3]))
    assert [verdicts.status(0), verdicts.status(1)] == [ACHIEVED, EXCEEDED]
    assert verdicts.actual.to_list() == [D("0.30000000000000004"), D("0.3")]


def test_growth_where_a_float_comparison_is_wrong() -> None:
    """312 -> 327.6 is exactly +5 %: on the upper bound of 3-5 %, achieved; computed in
    floats, 327.6 * 100 > 312 * 105 says exceeded."""
    assert 327.6 * 100 > 312 * 105
    target = rm.Target(rm.Indicator("income"), rm.between(3, 5), per="year", growth="yoy",
                       combine="latest")  # fmt: skip
    table = {"y2021": np.array([312.0]), "y2022": np.array([327.6])}
    verdicts = batch.evaluate(target, table, years={2021: "y2021", 2022: "y2022"})
    assert verdicts.status(0) is ACHIEVED
    assert verdicts.actual[0] == 5


# --------------------------------------------------------------------------- bad input

ADMITTED = rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(80), per="year",
                     combine="total")  # fmt: skip
RATED = rm.Target(rm.Indicator("cell", scale=rm.PARTY_QUALITY), rm.at_least("HTTNV"))
HEAD = "indicator 'org_good', column 'value': {} cannot be judged; nothing was judged\n"

BAD = [
    (lambda: batch.evaluate(AT_LEAST_90, np.array([93.1, np.nan])), rm.InvalidColumnError,
     HEAD.format("1 row (counted from 0)")
     + "  row 1: NaN is not a number; a missing result is a null (None, NA), or pass "
       "nan='missing' if NaN marks missing data in this column"),
    (lambda: batch.evaluate(AT_LEAST_90, np.array([np.inf, 1e200])), rm.InvalidColumnError,
     HEAD.format("2 rows (counted from 0)")
     + "  row 0: Result(value) must be a finite number, got inf; report missing data as a "
       "null (None, NA) (the verdict is then NO_DATA)\n"
       "  row 1: Result(value)=1e+200 is out of range: resolmetrics reads numbers between "
       "1e-100 and 1e100; check the figure and its unit"),
    (lambda: batch.evaluate(AT_LEAST_90, np.array([True])), rm.InvalidColumnTypeError,
     HEAD.format("1 row (counted from 0)")
     + "  row 0: Result(value) must be a number, got True; a boolean is not a figure: give 1 "
       "or 0 if a count is meant"),
    (lambda: batch.evaluate(AT_LEAST_90, ["93,1", "tốt"]), rm.InvalidColumnError,
     HEAD.format("2 rows (counted from 0)")
     + "  row 0: Result(value) must be a number in Python notation such as '95.5' or a ratio "
       "such as '41/71', got '93,1'; in Python notation, write '93.1'\n"
       "  row 1: indicator 'org_good' is numeric, but the result is the level 'tốt'; give a "
       "number, or rate the indicator on a scale"),
    (lambda: batch.evaluate(AT_LEAST_90, [120]), rm.InvalidColumnError,
     HEAD.format("1 row (counted from 0)")
     + "  row 0: indicator 'org_good': the result, 120%, is outside the indicator's limits (0 "
       "to 100); check the figure and its unit, or widen Indicator(limits=...)"),
    (lambda: batch.evaluate(AT_LEAST_90, [5, 6], unit=["percent", "member"]),
     rm.InvalidColumnError,
     HEAD.replace("'value'", "'unit'").format("1 row (counted from 0)")
     + "  row 1: indicator 'org_good': cannot compare 'member' with 'percent': they measure "
       "different things; give the figure in a unit of the same kind (a share in percent is "
       "not a count)"),
    (lambda: batch.evaluate(RATED, ["HTTNV", 95]), rm.InvalidColumnError,
     "indicator 'cell', column 'value': 1 row (counted from 0) cannot be judged; nothing was "
     "judged\n  row 1: indicator 'cell' is rated on the scale 'party_quality', but the result "
     "is the number 95; give a level (KHTNV, HTNV, HTTNV, HTXSNV)"),
    (lambda: batch.evaluate(RATED, ["HTTNV", "HTTVN"]), rm.InvalidColumnError,
     "indicator 'cell', column 'value': 1 row (counted from 0) cannot be judged; nothing was "
     "judged\n  row 1: indicator 'cell': the result 'HTTVN' is not a level of the scale "
     "'party_quality' (levels, worst first: KHTNV, HTNV, HTTNV, HTXSNV); did you mean "
     "'HTTNV'?"),
    (lambda: batch.evaluate(ADMITTED, {"value": [80, 81], "period": [2021, 2021]}),
     rm.InvalidColumnError,
     "indicator 'admitted', column 'period': 1 row (counted from 0) cannot be judged; nothing "
     "was judged\n  row 1: a second result for the same group, entity and period (period "
     "2021) (the first is row 0); keep one result per group, entity and period"),
    (lambda: batch.evaluate(ADMITTED, {"value": [80, 81], "period": [2021, None]}),
     rm.InvalidColumnError,
     "indicator 'admitted', column 'period': 1 row (counted from 0) cannot be judged; nothing "
     "was judged\n  row 1: indicator 'admitted': a yearly target needs the year of each "
     "result, but the row has none; give its period"),
    (lambda: batch.evaluate(ADMITTED, {"value": [80, 81], "period": [2021, 21]}),
     rm.InvalidColumnError,
     "indicator 'admitted', column 'period': 1 row (counted from 0) cannot be judged; nothing "
     "was judged\n  row 1: Result(period) must be a four-digit year such as 2021, got 21"),
    (lambda: batch.evaluate(AT_LEAST_90, {"value": [80, 81], "g": ["a", None]}, by="g"),
     rm.InvalidColumnError,
     "column 'g': 1 row (counted from 0) cannot be judged; nothing was judged\n  row 1: no g: "
     "the verdicts are by 'g', so every row must say which g it is about"),
    (lambda: batch.evaluate(AT_LEAST_90, {"value": [95], "entity": ["DN 1"]}),
     rm.InvalidColumnError,
     "indicator 'org_good', column 'entity': 1 row (counted from 0) cannot be judged; nothing "
     "was judged\n  row 0: indicator 'org_good': the row names a unit of observation ('DN "
     "1'), but the target is not judged across units; to judge each entity on its own, give "
     "by='entity' (on the command line, --by entity); to judge them together, give the target "
     "across='all', 'any', at_least_count(k) or at_least_share(p); or leave the entity out "
     "(entity=None)"),
    (lambda: batch.evaluate(ADMITTED, {"y2021": [0.0, 5.0], "y2022": [1.0, np.nan]},
                            years={2021: "y2021", 2022: "y2022"}),
     rm.InvalidColumnError,
     "indicator 'admitted', columns 'y2021', 'y2022': 1 row (counted from 0) cannot be "
     "judged; nothing was judged\n  row 1, column 'y2022': NaN is not a number; a missing "
     "result is a null (None, NA), or pass nan='missing' if NaN marks missing data in this "
     "column"),
    (lambda: batch.evaluate(rm.Target(rm.Indicator("x"), rm.at_least(1), per="year",
                                      combine="each"),
                            {"y2021": [0.0, 5.0], "y2022": [1.0, np.nan]},
                            years={2021: "y2021", 2022: "y2022"}),
     rm.InvalidColumnError,
     "indicator 'x', columns 'y2021', 'y2022': 1 row (counted from 0) cannot be judged; "
     "nothing was judged\n  row 1, column 'y2022': NaN is not a number; a missing result "
     "is a null (None, NA), or pass nan='missing' if NaN marks missing data in this column"),
    (lambda: batch.evaluate(AT_LEAST_90, [80, 81], period=[2021]), rm.InvalidArgumentError,
     "batch.evaluate(period) has 1 row, but the values have 2; give one period per value"),
    (lambda: batch.evaluate(AT_LEAST_90, {"valeu": [1]}), rm.InvalidArgumentError,
     "batch.evaluate(value='value'): the table has no column 'value' (its columns: 'valeu'); "
     "did you mean 'valeu'?"),
    (lambda: batch.evaluate(AT_LEAST_90, [1], nan="skip"), rm.InvalidArgumentError,
     "batch.evaluate(nan) must be 'error' (NaN is refused, the default) or 'missing' (NaN is "
     "a null: a result left out), got 'skip'"),
    (lambda: batch.evaluate(ADMITTED, {"a": [1]}, years={"2021": "a"}),  # type: ignore[dict-item]
     rm.InvalidArgumentError,
     "batch.evaluate(years) maps four-digit years (int) to column names (str), got '2021': "
     "'a'"),
    (lambda: batch.evaluate(AT_LEAST_90, 5), rm.InvalidArgumentTypeError,
     "column 'value' must be a numpy array, a pandas Series, an Arrow array, a polars Series "
     "or a sequence of values, got int 5"),
    (lambda: batch.evaluate("at least 90", [1]), rm.InvalidTargetTypeError,  # type: ignore[arg-type]
     "batch.evaluate(target) must be a Target such as Target(indicator, at_least(95)), got "
     "'at least 90'"),
]  # fmt: skip


@pytest.mark.parametrize(("build", "error", "message"), BAD)
def test_bad_input_is_a_clear_error(build: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        build()
    assert type(info.value) is error
    assert isinstance(info.value, rm.ResolmetricsError)
    assert str(info.value) == message


def test_the_whole_column_is_checked_before_anything_is_judged() -> None:
    values = np.full(1_000, 93.0)
    values[[3, 500, 999]] = np.nan
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(AT_LEAST_90, values)
    error = info.value
    assert error.count == 3
    assert error.rows == (3, 500, 999)
    assert error.column == "value"
    assert [row for row, _ in error.details] == [3, 500, 999]


def test_many_bad_rows_show_ten_and_count_the_rest() -> None:
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(AT_LEAST_90, np.full(2_500, np.inf))
    lines = str(info.value).splitlines()
    assert len(lines) == 12
    assert lines[-1] == "  ... and 2,490 more rows"
    assert info.value.count == 2_500
    assert len(info.value.rows) == 1_000


# --------------------------------------------------------------------------- the results


def test_exact_columns_read_out() -> None:
    verdicts = batch.evaluate(rm.Target(SHARE, rm.at_least(90)), ["93.1", "90", "825/13"])
    margin = verdicts.margin
    assert margin.to_list() == [D("3.1"), D(0), F(825, 13) - 90]
    assert margin.scaled() is None  # 825/13 is no finite decimal
    assert verdicts.actual.to_list()[:2] == [D("93.1"), D(90)]
    with pytest.raises(rm.InvalidArgumentError, match="give places=N"):
        margin.to_arrow()
    rounded = margin.to_arrow(places=2).to_pylist()
    assert rounded == [D("3.10"), D("0.00"), D("-26.54")]  # -345/13 = -26.538...
    down = margin.to_arrow(places=2, rounding=decimal.ROUND_DOWN).to_pylist()
    assert down[2] == D("-26.53")
    floats = margin.to_numpy(float)
    assert floats[2] == pytest.approx(-26.538461538)
    two = batch.evaluate(rm.Target(SHARE, rm.at_least(90)), ["93.1", "90.25"]).margin
    assert two.scaled() is not None
    mantissas, scale = two.scaled()  # type: ignore[misc]
    assert (mantissas.tolist(), scale) == ([310, 25], 2)
    assert two.to_arrow().type == pa.decimal128(3, 2)


def test_half_even_display_rounding() -> None:
    target = rm.Target(rm.Indicator("x"), rm.at_least(0))
    column = batch.evaluate(target, ["1/8", "3/8"]).actual  # 0.125 and 0.375: decimals
    assert column.to_arrow(places=2, rounding=decimal.ROUND_HALF_EVEN).to_pylist() == [
        D("0.12"), D("0.38")]  # fmt: skip
    assert column.to_arrow(places=2).to_pylist() == [D("0.13"), D("0.38")]


def test_levels_are_level_codes() -> None:
    verdicts = batch.evaluate(RATED, ["hoàn thành tốt nhiệm vụ", "HTNV", "htxsnv"])
    assert verdicts.actual.to_list() == ["HTTNV", "HTNV", "HTXSNV"]
    assert verdicts.margin.to_list() == [D(0), D(-1), D(1)]
    assert verdicts.relative_margin.to_list() == [None, None, None]
    assert verdicts.attainment.to_list() == [None, None, None]


def test_frames() -> None:
    verdicts = batch.evaluate(AT_LEAST_90, {"value": [93.1, 90.0, None], "g": ["a", "b", "c"]},
                              by="g")  # fmt: skip
    arrow = verdicts.to_arrow()
    assert arrow.column_names == ["g", "status", "actual", "margin", "unit", "relative_margin",
                                  "attainment"]  # fmt: skip
    assert arrow.column("status").to_pylist() == ["exceeded", "achieved", "no_data"]
    assert arrow.column("margin").to_pylist() == [D("3.1"), D("0.0"), None]
    frame = verdicts.to_pandas()
    assert list(frame["status"].cat.categories) == [s.value for s in rm.Status]
    assert frame["margin"].tolist()[:2] == [D("3.1"), D(0)]
    floats = verdicts.to_pandas(exact=False)
    assert floats["margin"].tolist()[:2] == pytest.approx([3.1, 0.0])
    polars = verdicts.to_polars()
    assert polars["status"].dtype == pl.Enum([s.value for s in rm.Status])
    assert verdicts.summary() == "Met 2 of 3 units (1 achieved, 1 exceeded); 1 with no data."
    assert verdicts.summary("vi") == (
        "Hoàn thành và vượt 2/3 đơn vị (1 đạt, 1 vượt); chưa có số liệu 1/3 đơn vị."
    )


def test_codes_are_the_order_of_status() -> None:
    assert tuple(rm.Status) == batch.STATUSES
    verdicts = batch.evaluate(AT_LEAST_90, [95, 90, 80, None])
    assert verdicts.codes.dtype == np.int8
    assert verdicts.codes.tolist() == [0, 1, 2, 4]
    assert verdicts.counts[rm.Status.NO_DATA] == 1
    assert verdicts.met.tolist() == [True, True, False, False]


def test_decimal_objects_are_read_at_once_and_exactly() -> None:
    """A pandas column of Decimals (what to_pandas() gives back) reads as its numbers."""
    target = rm.Target(rm.Indicator("x"), rm.at_least(D("90.5")))
    values = pd.Series([D("90.5"), D("90.49999999999999999999999"), D("1E+2"), None],
                       dtype=object)  # fmt: skip
    verdicts = batch.evaluate(target, values)
    assert [verdicts.status(i) for i in range(4)] == [ACHIEVED, NOT, EXCEEDED, NO_DATA]
    assert verdicts.actual.to_list() == [D("90.5"), D("90.49999999999999999999999"), D(100),
                                         None]  # fmt: skip
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(target, pd.Series([D("NaN"), D(1)], dtype=object))
    assert str(info.value).splitlines()[1] == (
        "  row 0: Result(value) must be a finite number, got Decimal('NaN'); report missing "
        "data as a null (None, NA) (the verdict is then NO_DATA)"
    )


def test_by_entity_makes_the_entities_the_groups() -> None:
    target = rm.Target(rm.Indicator("admitted"), rm.at_least(3), per="year", combine="each")
    table = {"entity": ["A", "A", "B"], "period": [2021, 2022, 2021], "value": [3, 4, 1]}
    verdicts = batch.evaluate(target, table, by="entity")
    assert verdicts.keys["entity"].tolist() == ["A", "B"]
    assert [verdicts.status(0), verdicts.status(1)] == [ACHIEVED, NOT]


def test_a_wide_table_names_its_rows_by_their_entity() -> None:
    target = rm.Target(rm.Indicator("income"), rm.at_least(3), per="year", growth="yoy",
                       combine="each")  # fmt: skip
    table = {"entity": ["A", "B"], "y2021": [100.0, 80.0], "y2022": [104.0, 81.0]}
    verdicts = batch.evaluate(target, table, years={2021: "y2021", 2022: "y2022"})
    assert verdicts.keys["entity"].tolist() == ["A", "B"]
    assert verdicts.actual.to_list() == [D(4), D("1.25")]
    assert verdicts.verdict(1).status is NOT


def test_every_problem_of_every_column_together() -> None:
    """A bad unit is the unit column's problem, a bad figure the value column's, and a
    figure out of the limits is named though other rows are bad too."""
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(AT_LEAST_90, ["96.5", 101, "9x", 95], unit=[None, None, None, "prcent"])
    error = info.value
    assert [part.column for part in error.errors] == ["value", "unit"]
    assert error.count == 3
    assert [row for row, _ in error.details] == [1, 2, 3]
    assert str(error).splitlines()[0] == HEAD.format("2 rows (counted from 0)").rstrip()


def test_a_repeated_row_names_the_first_of_its_copies() -> None:
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(ADMITTED, {"value": [1, 2, 3], "period": [2021, 2021, 2021]})
    assert [message[-60:] for _, message in info.value.details] == [
        "group, entity and period (period 2021) (the first is row 0); keep one result per group, "
        "entity and period"[-60:]
    ] * 2


def test_entities_are_told_apart_by_their_names() -> None:
    target = rm.Target(rm.Indicator("x"), rm.at_least(47), across="all")
    with pytest.raises(rm.InvalidColumnError, match="the first is row 0"):
        batch.evaluate(target, {"value": [46, 47], "entity": [1, "1"]})  # one unit, twice


def test_by_entity_in_a_wide_table() -> None:
    target = rm.Target(rm.Indicator("income", unit="triệu đồng"), rm.between(3, 5), per="year",
                       growth="yoy", combine="each")  # fmt: skip
    wide = pd.DataFrame({"entity": ["A", "B"], "2020": [96.0, 72.0], "2021": [100.0, 74.0]})
    verdicts = batch.evaluate(target, wide, years={2020: "2020", 2021: "2021"}, by="entity")
    assert verdicts.keys["entity"].tolist() == ["A", "B"]
    assert [verdicts.status(0), verdicts.status(1)] == [ACHIEVED, NOT]  # +4.17 %, +2.78 %


def test_a_growth_target_names_the_unit_its_levels_are_in() -> None:
    target = rm.Target(rm.Indicator("income", unit="triệu đồng"), rm.between(4, 6), per="year",
                       growth="yoy", combine="each")  # fmt: skip
    table = {"value": [50, 52, 53], "unit": ["triệu đồng", "%", "triệu đồng"],
             "period": [2020, 2021, 2022]}  # fmt: skip
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(target, table)
    assert str(info.value).splitlines()[1] == (
        "  row 1: indicator 'income': cannot compare 'percent' with 'triệu đồng': they measure "
        "different things; give the figure in a unit of the same kind (a share in percent is "
        "not a count)"
    )


def test_columns_of_unequal_length() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        batch.evaluate(ADMITTED, {"value": [1, 2, 3], "period": [2021, 2022]})
    assert str(info.value) == (
        "batch.evaluate(data): the columns of a table must have one length, got 'value': 3, "
        "'period': 2; give every column a value for every row (None where it has none)"
    )


def test_years_written_as_text() -> None:
    target = rm.Target(rm.Indicator("admitted"), rm.at_least(2), per="year", combine="each")
    verdicts = batch.evaluate(target, pd.DataFrame({"value": [3, 2], "period": ["2021", "2022"]}))
    assert verdicts.status(0) is ACHIEVED
    assert verdicts.verdict(0).context.periods == (2021, 2022)  # type: ignore[union-attr]


def test_helpful_hints_for_typos() -> None:
    """A unit written without its accents means that unit; a letter among digits is noted."""
    assert rm.units.nearest("ty dong") == "tỷ đồng"
    assert rm.units.nearest("trieu dong") == "triệu đồng"
    with pytest.raises(rm.InvalidColumnError) as info:
        batch.evaluate(AT_LEAST_90, ["5O.2"])
    assert "('5O.2' has letters among its digits: is one typed for a digit?)" in str(info.value)
