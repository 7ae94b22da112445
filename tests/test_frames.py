"""Reports as pandas DataFrames: one row per component, exact or float figures.

The expected figures are worked out by hand from the demo (see
test_render_formats.py for the arithmetic of each row).
"""

from __future__ import annotations

import math
import pickle
import re
import sys
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

import resolmetrics as rm
from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.errors import MissingDependencyError
from resolmetrics.frames import COLUMNS, report_dataframe

D, F = Decimal, Fraction


def demo(lang: str = "en") -> rm.Report:
    return demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined,no-any-return]


REPORT = demo()
NUMBERS = ["1a", "1b", *map(str, range(2, 15))]  # components: the group's own row is left out
STATUSES = [
    "achieved", "exceeded", "exceeded", "achieved", "not_achieved", "not_achieved",
    "in_progress", "exceeded", "exceeded", "achieved", "in_progress", "no_data",
    "not_achieved", "in_progress", "exceeded",
]  # fmt: skip


def test_columns_and_one_row_per_component() -> None:
    frame = REPORT.to_dataframe()
    assert list(frame.columns) == list(COLUMNS)
    assert list(COLUMNS) == [
        "number", "label", "key", "status", "met", "actual", "unit", "bound", "margin",
        "relative_margin", "attainment", "explanation",
    ]  # fmt: skip
    assert frame["number"].tolist() == NUMBERS
    assert len(frame) == len(REPORT.verdicts) == 15


def test_status_is_a_categorical_in_status_order() -> None:
    status = REPORT.to_dataframe()["status"]
    assert isinstance(status.dtype, pd.CategoricalDtype)
    assert status.cat.categories.tolist() == [
        "exceeded", "achieved", "not_achieved", "in_progress", "no_data",
    ]  # fmt: skip
    assert status.tolist() == STATUSES
    assert (status == "exceeded").sum() == 5


def test_met_is_boolean() -> None:
    met = REPORT.to_dataframe()["met"]
    assert met.dtype == bool
    assert met.tolist() == [s in ("exceeded", "achieved") for s in STATUSES]
    assert met.sum() == 8  # "Met 8 of 15 targets"


def test_labels_keys_and_units() -> None:
    frame = REPORT.to_dataframe().set_index("number")
    assert frame.loc["10", "label"] == "Poor households"  # the indicator's name
    assert frame.loc["14", "label"] == "Poor households (mid-term)"  # the target's own label
    assert frame.loc["5", "key"] == "base_rating"
    assert frame.loc["8", "unit"] == "tỷ đồng"
    assert frame.loc["3", "unit"] is None


def test_exact_figures_are_the_verdicts_own() -> None:
    frame = REPORT.to_dataframe()
    for column in ("actual", "bound", "margin", "relative_margin", "attainment"):
        assert frame[column].dtype == object
        expected = [getattr(verdict, column) for verdict in REPORT.verdicts]
        assert frame[column].tolist() == expected
        assert [type(v) for v in frame[column]] == [type(v) for v in expected]


# (number, actual, bound, margin, relative_margin, attainment), by hand
EXACT_ROWS = [
    ("1b", D("94.5"), D(92), D("2.5"), F(5, 184), F(189, 184)),
    ("2", D(459), D(450), D(9), D("0.02"), D("1.02")),
    ("3", "HTTNV", "HTTNV", D(0), None, None),
    ("4", F(1950, 23), D(85), F(-5, 23), F(-1, 391), F(390, 391)),
    ("11", None, None, None, None, None),
    ("12", F(89, 30), D(3), F(-1, 30), F(-1, 90), None),
]


@pytest.mark.parametrize(
    ("number", "actual", "bound", "margin", "relative", "attainment"), EXACT_ROWS
)
def test_exact_rows(
    number: str,
    actual: object,
    bound: object,
    margin: object,
    relative: object,
    attainment: object,
) -> None:
    row = REPORT.to_dataframe().set_index("number").loc[number]
    assert row["actual"] == actual
    assert row["bound"] == bound
    assert row["margin"] == margin
    assert row["relative_margin"] == relative
    assert row["attainment"] == attainment


def test_floats_for_arithmetic() -> None:
    frame = REPORT.to_dataframe(exact=False)
    for column in ("actual", "bound", "margin", "relative_margin", "attainment"):
        assert frame[column].dtype == "float64"
    rows = frame.set_index("number")
    assert rows.loc["2", "margin"] == 9.0
    assert rows.loc["4", "relative_margin"] == -1 / 391
    assert rows.loc["1b", "attainment"] == 189 / 184
    # a rating: its levels are not numbers, its margin in steps is
    assert math.isnan(rows.loc["3", "actual"])
    assert math.isnan(rows.loc["3", "bound"])
    assert rows.loc["3", "margin"] == 0.0
    # no data: every figure is NaN
    assert (
        rows.loc["11", ["actual", "bound", "margin", "relative_margin", "attainment"]].isna().all()
    )


def test_sorting_by_relative_margin() -> None:
    frame = REPORT.to_dataframe(exact=False).sort_values("relative_margin")
    # poverty 3.4 against below 2: -1.4/2 = -0.7; the quota -2/7 = -0.286;
    # communes -19/80 = -0.2375; inspected (825/13 - 70)/70 = -17/182 = -0.093
    assert frame["number"].tolist()[:4] == ["10", "5", "13", "6"]
    # the rating and no data have no relative margin: NaN sorts last
    assert frame["number"].tolist()[-2:] == ["3", "11"]


def test_explanations_in_the_language_asked() -> None:
    rows = demo("vi").to_dataframe(lang="vi").set_index("number")
    assert rows.loc["1b", "explanation"] == "Vượt 2,5 điểm phần trăm"
    assert rows.loc["11", "explanation"] == "Chưa có số liệu"
    assert rows.loc["1b", "label"] == "Đảng viên hoàn thành tốt nhiệm vụ trở lên"
    english = REPORT.to_dataframe().set_index("number")
    assert english.loc["2", "explanation"] == "exceeded by 2% (9 members)"


def test_the_function_and_the_method_agree() -> None:
    pd.testing.assert_frame_equal(
        report_dataframe(REPORT, lang="vi", exact=False),
        REPORT.to_dataframe(lang="vi", exact=False),
    )


def test_a_report_without_targets_gives_an_empty_frame() -> None:
    frame = rm.Resolution("Empty", []).evaluate({}).to_dataframe()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 0


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "caller"),
    [
        (lambda: REPORT.to_dataframe(), "Report.to_dataframe()"),
        (lambda: report_dataframe(REPORT), "report_dataframe()"),
    ],
)
def test_missing_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, call: object, caller: str
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(MissingDependencyError) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == f"{caller} needs pandas: pip install 'resolmetrics[pandas]'"
    assert isinstance(info.value, ModuleNotFoundError)
    assert isinstance(info.value, ImportError)
    assert isinstance(info.value, rm.ResolmetricsError)
    assert info.value.name == "pandas"


def test_missing_dependency_error_pickles() -> None:
    error = MissingDependencyError(
        "x() needs pandas: pip install 'resolmetrics[pandas]'", name="pandas"
    )
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is MissingDependencyError
    assert str(copy) == str(error)
    assert copy.name == "pandas"


def test_report_dataframe_refuses_what_is_not_a_report() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError, match=re.escape(
        "report_dataframe(report) must be a Report, such as resolution.evaluate(results), "
        "got []"
    )):  # fmt: skip
        report_dataframe([])  # type: ignore[arg-type]


def test_exact_must_be_a_bool() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError) as info:
        REPORT.to_dataframe(exact="yes")  # type: ignore[arg-type]
    assert str(info.value) == (
        "Report.to_dataframe(): exact must be True (exact Decimal and Fraction figures) or "
        "False (floats), got 'yes'"
    )


def test_language_is_checked() -> None:
    with pytest.raises(rm.InvalidArgumentError, match=re.escape(
        "lang='de' is not a supported language; use 'en' or 'vi'"
    )):  # fmt: skip
        REPORT.to_dataframe(lang="de")
