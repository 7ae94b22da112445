"""Results written to a CSV file read back as the same results.

Invariant: any set of results (exact decimal numbers, with or without a
unit, or rating levels; with or without a period and an entity), written
one per row to a CSV file the way a spreadsheet in Vietnamese or English
writes numbers ("1.234.567,89" or "1,234,567.89", thousands grouped or
not), with "," or ";" between the columns, is read back by ``read_results``
in that language as equal results, filed under the same keys, in the order
of the rows. The numbers are written here by hand from their digits, not by
resolmetrics.
"""

from __future__ import annotations

import csv
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.files import read_results

MARKS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal mark)

numbers = st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False)
units = st.sampled_from([None, "percent", "triệu đồng", "tỷ đồng", "member", "ha"])
levels = st.sampled_from(rm.PARTY_QUALITY.codes)
entities = st.none() | st.text(alphabet="abcxyzĐđơưạỹ 0123456789-", min_size=1, max_size=12).map(
    lambda text: " ".join(text.split())
).filter(bool)
periods = st.none() | st.integers(min_value=1990, max_value=2040)
keys = st.sampled_from(["revenue", "cells_good", "admitted", "chỉ_tiêu_1"])


def written(value: Decimal, lang: str, group: bool) -> str:
    """*value* as a spreadsheet in *lang* writes it, from its digits."""
    thousands, point = MARKS[lang]
    whole, _, decimals = format(value, "f").partition(".")
    decimals = decimals.rstrip("0")
    if group:
        head = len(whole) % 3 or 3
        whole = thousands.join(
            [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        )
    return whole + (point + decimals if decimals else "")


rows = st.lists(
    st.tuples(keys, periods, entities, st.one_of(st.tuples(numbers, units), levels)),
    max_size=20,
    unique_by=lambda row: (row[0], row[1], row[2]),
)


@settings(max_examples=150, deadline=None)
@given(rows, st.sampled_from(["vi", "en"]), st.sampled_from([",", ";"]), st.booleans())
def test_results_written_to_csv_read_back_equal(
    rows: list[tuple[str, int | None, str | None, object]],
    lang: str,
    delimiter: str,
    group: bool,
) -> None:
    expected: dict[str, list[rm.Result]] = {}
    lines = [["indicator", "period", "entity", "value", "unit"]]
    for key, period, entity, value in rows:
        if isinstance(value, tuple):
            number, unit = value
            text = written(number, lang, group)
            unit_text = "" if unit is None else unit
            result = rm.Result(number, unit, period=period, entity=entity)
        else:
            text, unit_text = str(value), ""
            result = rm.Result(value, period=period, entity=entity)
        lines.append([key, "" if period is None else str(period), entity or "", text, unit_text])
        expected.setdefault(key, []).append(result)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream, delimiter=delimiter).writerows(lines)
        assert read_results(path, lang=lang) == expected
