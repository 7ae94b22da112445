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
from decimal import Decimal, localcontext
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.files import language_hint, read_results

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


# --------------------------------------------------------------------------- one cell, two ways

CODES = rm.PARTY_QUALITY.codes
DIGITS = "0123456789"


@st.composite
def well_written(draw: st.DrawFn, lang: str) -> str:
    """A number as people write it in *lang*: grouped or not, decimals, a sign, a '%'."""
    thousands, point = MARKS[lang]
    whole = str(draw(st.integers(min_value=0, max_value=10**33)))
    if draw(st.booleans()):
        head = len(whole) % 3 or 3
        whole = thousands.join(
            [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        )
    decimals = draw(st.text(DIGITS, max_size=33))
    text = whole + (point + decimals if decimals else "")
    return draw(st.sampled_from(["", "-"])) + text + draw(st.sampled_from(["", "%"]))


def _near_miss(text: str, how: str, at: int, mark: str) -> str:
    """*text* written slightly wrong, *how* says how (at position *at* of it)."""
    at = at % (len(text) + 1)
    if how == "insert":  # a mark, a space, a sign or a letter where it does not belong
        return text[:at] + mark + text[at:]
    if how == "double":  # two marks in a row, or a mark doubled
        return text[:at] + mark + mark + text[at:]
    if how == "drop":  # a digit or a mark left out: misplaced groups
        return text[:at] + text[at + 1 :]
    if how == "swap":  # the other language's marks
        return text.translate(str.maketrans({".": ",", ",": "."}))
    if how == "lead":  # leading zeros
        return "0" * (at % 3 + 1) + text
    return text + mark  # "trail": a trailing mark, '%', sign or space


near_misses = st.builds(
    _near_miss,
    st.sampled_from(["vi", "en"]).flatmap(well_written),
    st.sampled_from(["insert", "double", "drop", "swap", "lead", "trail"]),
    st.integers(min_value=0, max_value=60),
    st.sampled_from([".", ",", " ", "-", "+", "−", "%", "a", "\u00a0", "/"]),
)
levels_written = st.builds(
    lambda word, case: getattr(word, case)(),
    st.sampled_from([*CODES, *(level.vi for level in rm.PARTY_QUALITY.levels), "Loại A", "nan"]),
    st.sampled_from(["upper", "lower", "title", "strip"]),
) | st.text(alphabet="HTNVKXSabcđĐươ", min_size=1, max_size=8)
cells = st.one_of(
    st.sampled_from(["vi", "en"]).flatmap(well_written),
    near_misses,
    levels_written,
    st.text(alphabet="0123456789.,-% ", min_size=1, max_size=12),
    st.sampled_from(
        ["1.23.456", "1,23,456", "01.234", "1.234,5.6", "12 345", "86..2", "5.", "2.046"]
    ),
).filter(lambda text: text.strip() != "")


def _write_rows(folder: str, texts: list[str]) -> Path:
    """A results file in *folder* with one row for each of *texts*, as its value."""
    path = Path(folder) / "results.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["indicator", "period", "entity", "value"])
        writer.writerows(["key", "2022", f"E{i}", text] for i, text in enumerate(texts))
    return path


def _same(result: object) -> tuple[object, ...]:
    """What must be the same: the value's type (Decimal or Fraction), the result, its repr."""
    return (type(getattr(result, "value", None)), result, repr(result))


def _parsed(texts: list[str], lang: str) -> list[rm.Result | rm.Problem]:
    """Each cell as Result.parse reads it on its row, or the problem its error makes."""
    read: list[rm.Result | rm.Problem] = []
    for i, text in enumerate(texts):
        try:
            read.append(rm.Result.parse(text.strip(), lang, period=2022, entity=f"E{i}"))
        except rm.ResolmetricsError as exc:
            read.append(rm.Problem("results.csv", i + 2, "value", str(exc)))
    return read


@settings(max_examples=200, deadline=None)
@given(st.lists(cells, min_size=1, max_size=25), st.sampled_from(["vi", "en"]))
@example(["2.046", "2,046", "94,5%", "94.5%", "-1.234,5", "HTTNV", "httnv", "1.23.456"], "vi")
@example(["2.046", "2,046", "94,5%", "94.5%", "-1,234.5", "HTTNV", "httnv", "1,23,456"], "en")
def test_a_cell_reads_as_result_parse_reads_it(texts: list[str], lang: str) -> None:
    """A value cell reads as Result.parse reads it, in the file's language.

    Invariant: for any number written the Vietnamese or English way, and any
    level code, read_results gives the same Result as Result.parse of the
    same cell (the cell's text, stripped, in the file's language, with the
    row's period and entity): the same value of the same type (Decimal or
    Fraction), unit, period and entity. For any near miss (two marks,
    misplaced groups such as "1.23.456", leading zeros, spaces, trailing
    marks, the other language's marks) it is the same Result too or, when
    Result.parse raises, a problem on that line and field with its message,
    word for word; the cells Result.parse reads, read alone, give its
    Results.
    """
    expected = _parsed(texts, lang)
    problems = [each for each in expected if isinstance(each, rm.Problem)]
    good = [
        text for text, each in zip(texts, expected, strict=True) if isinstance(each, rm.Result)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = _write_rows(folder, texts)
        if problems:
            with pytest.raises(rm.FileError) as raised:
                read_results(path, lang=lang)
            found = [
                attrs.evolve(problem, file="results.csv") for problem in raised.value.problems
            ]
            # the file's own note that its numbers may be written the other way
            hint = language_hint(problems, "results.csv", lang)
            assert found == ([hint] if hint is not None else []) + problems
        if good:
            read = read_results(_write_rows(folder, good), lang=lang)["key"]
            assert list(map(_same, read)) == list(map(_same, _parsed(good, lang)))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(cells, st.text(alphabet="0123456789.,", max_size=40)), st.sampled_from(["vi", "en"])
)
def test_plain_numbers_read_as_babel_reads_them(text: str, lang: str) -> None:
    """plain_number gives what Babel's strict reading gives, or leaves the text to it.

    Invariant: for any text and language, plain_number(text, lang) is either
    None or the Decimal that Babel's parse_decimal reads from the text with
    strict grouping in the language's locale (the reading parse_number made
    of every number before plain_number), with the same digits and exponent
    (so "1.234,50" keeps its two decimals).
    """
    from babel.numbers import parse_decimal

    from resolmetrics.numbers import LOCALES
    from resolmetrics.text._numbers import plain_number

    plain = plain_number(text, lang)
    if plain is not None:
        with localcontext() as context:  # Babel checks the grouping by formatting: every digit
            context.prec = 400
            read = parse_decimal(text, locale=LOCALES[lang], strict=True)
        assert plain.as_tuple() == read.as_tuple()
