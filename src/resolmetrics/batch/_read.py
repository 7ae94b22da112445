"""Results files read column by column: CSV and Parquet files of any size, in Arrow batches.

:func:`iter_results` reads a results file (the format of
``docs/reference/results-file.md``: the same columns, the same numbers, the
same problems as :func:`resolmetrics.files.read_results`) into
``pyarrow.RecordBatch`` es of a fixed schema, one batch after another, so
that a file of a hundred million rows is read in bounded memory;
:func:`read_table` reads a whole file into one ``pyarrow.Table``.

Each batch has the columns of :data:`COLUMNS`, in that order:

==============  ========  ===============================================
``line``        int64     the line the row starts on (CSV), or the row
                          counting from 1 (Parquet, which has no lines)
``indicator``   string    the indicator's key, stripped; never null
``period``      int32     the year, or null
``entity``      string    the unit observed, its spaces normalised, or null
``value``       string    never null: a number in Python notation, as
                          :func:`resolmetrics.numbers.as_text` writes it
                          (``3745356.5``, ``-4``, ``825/13`` for an exact
                          ratio), or a rating level (``HTTNV``)
``unit``        string    the value's unit (``percent``, ``triệu đồng``),
                          or null for a figure in the indicator's unit
==============  ========  ===============================================

A row reads as ``Result(value, unit, period=period, entity=entity)`` of
what :func:`~resolmetrics.files.read_results` reads from it, filed under
``indicator``. Rows with a problem are not in the batches: their problems
are collected, and one :class:`~resolmetrics.files.FileError` lists them
all after the last batch.

The common cells are read with ``pyarrow.compute``, a whole column at once:
a plain number in the file's language (``3.745.356,5`` in Vietnamese), with
a ``-`` before it or a ``%`` after it, and a rating level written as one
word (``HTTNV``). Any other cell (``33/52 = 63,5%``, ``1.200 triệu đồng``,
``hoàn thành tốt nhiệm vụ``), and every row with a problem, is read one by
one by the code of ``read_results`` itself, so both read every cell alike.
"""

from __future__ import annotations

import codecs
import functools
import io
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from resolmetrics import units
from resolmetrics.errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    ResolmetricsError,
    require,
)
from resolmetrics.files import (
    FileError,
    Problem,
    _all_blank,
    _csv_records,
    _decode,
    _delimiter,
    _level_words,
    _not_utf8,
    _Problems,
    _Rows,
    language_hint,
    results_arguments,
)
from resolmetrics.numbers import Exact, as_text, exact, mul

if TYPE_CHECKING:
    from resolmetrics.indicators import Indicator
    from resolmetrics.resolution import Resolution
    from resolmetrics.results import Result

__all__ = ["COLUMNS", "MAX_PROBLEMS", "iter_results", "read_table"]

COLUMNS = ("line", "indicator", "period", "entity", "value", "unit")
"""The columns of every batch :func:`iter_results` yields, in order."""

MAX_PROBLEMS = 1000
"""The problems a :class:`~resolmetrics.files.FileError` of the columnar reader lists at most.

A last problem then says how many more were found.
"""

_SUFFIXES = (".csv", ".parquet")
# bytes of CSV parsed at a time (about 30,000 rows); a row must fit in one. Arrow reads
# blocks ahead of the one it parses, and holds them, so a larger block takes more memory
_BLOCK = 1 << 20

# --------------------------------------------------------------------------- arguments


class _Arrow:
    """pyarrow's modules (and numpy), imported when a file is first read."""

    def __init__(self, caller: str) -> None:
        self.caller = caller
        self.pa: Any = require("pyarrow", "batch", caller)
        self.pc: Any = require("pyarrow.compute", "batch", caller)
        self.np: Any = require("numpy", "batch", caller)

    def module(self, name: str) -> Any:
        return require(name, "batch", self.caller)

    @functools.cached_property
    def schema(self) -> Any:
        pa = self.pa
        return pa.schema(
            [
                pa.field("line", pa.int64(), nullable=False),
                pa.field("indicator", pa.string(), nullable=False),
                pa.field("period", pa.int32()),
                pa.field("entity", pa.string()),
                pa.field("value", pa.string(), nullable=False),
                pa.field("unit", pa.string()),
            ]
        )


def iter_results(
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    resolution: Resolution | None = None,
    batch_rows: int = 1_048_576,
) -> Iterator[Any]:
    """Read a ``.csv`` or ``.parquet`` results file as ``pyarrow.RecordBatch`` es.

    The columns, the numbers (read in *lang*, ``"vi"`` or ``"en"``) and the
    checks against *resolution* are those of
    :func:`resolmetrics.files.read_results`; each batch has the columns
    :data:`COLUMNS` (see the module's documentation), at most *batch_rows*
    rows (all but the last exactly that many) and only rows without a
    problem, in the order of the file.

    The file is read a batch at a time, never whole. A file that cannot be
    read at all (missing, neither CSV nor Parquet, not UTF-8 before its
    header ends, without an ``indicator`` or a ``value`` column) raises
    :class:`~resolmetrics.files.FileError` when this is called; every other
    problem is collected as the batches are read, and after the last batch
    one FileError lists them all (the first :data:`MAX_PROBLEMS`, then how
    many more). Use nothing the batches hold before the iterator is
    exhausted: until then the file may still turn out to be invalid.

    Needs pyarrow: ``pip install 'resolmetrics[batch]'``.
    """
    name, lang, resolution = results_arguments("iter_results", path, lang, resolution)
    if isinstance(batch_rows, bool) or not isinstance(batch_rows, int):
        raise InvalidArgumentTypeError(
            f"iter_results(batch_rows) must be a whole number of rows such as 1_048_576, "
            f"got {batch_rows!r}"
        )
    if batch_rows < 1:
        raise InvalidArgumentError(
            f"iter_results(batch_rows) must be at least 1, got {batch_rows!r}"
        )
    arrow = _Arrow("resolmetrics.batch.iter_results()")
    return _open(arrow, name, lang, resolution, batch_rows)


def read_table(
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    resolution: Resolution | None = None,
) -> Any:
    """Read a whole ``.csv`` or ``.parquet`` results file into one ``pyarrow.Table``.

    The table holds every row of :func:`iter_results` (same columns, same
    values); every problem of the file is raised together in one
    :class:`~resolmetrics.files.FileError`, before anything is returned.
    The whole table is in memory: for a file larger than memory, use
    :func:`iter_results`.

    Needs pyarrow: ``pip install 'resolmetrics[batch]'``.
    """
    name, lang, resolution = results_arguments("read_table", path, lang, resolution)
    arrow = _Arrow("resolmetrics.batch.read_table()")
    batches = list(_open(arrow, name, lang, resolution, 1_048_576))
    return arrow.pa.Table.from_batches(batches, schema=arrow.schema)


def _open(
    arrow: _Arrow, name: str, lang: str, resolution: Resolution | None, batch_rows: int
) -> Iterator[Any]:
    """The batches of the file *name*, once its header has been read."""
    problems = _Problems(name)
    suffix = os.path.splitext(name)[1].casefold()
    if suffix not in _SUFFIXES:
        if suffix in (".xlsx", ".xls", ".ods"):
            problems.add(
                None,
                None,
                f"the columnar reader reads .csv and .parquet files, not {suffix!r}: read a "
                "workbook with resolmetrics.read_results, or save its sheet as CSV UTF-8 or "
                "as Parquet",
            )
        else:
            problems.add(
                None, None, f"expected a .csv or .parquet file, got {suffix or 'no suffix'!r}"
            )
        problems.raise_any()
    convert = _Converter(arrow, name, lang, resolution)
    if suffix == ".csv":
        source: Iterator[_Raw] = _csv_source(arrow, name, convert, batch_rows)
    else:
        source = _parquet_source(arrow, name, convert, batch_rows)
    return _batches(arrow, source, convert, batch_rows)


def _batches(
    arrow: _Arrow, source: Iterator[_Raw], convert: _Converter, size: int
) -> Iterator[Any]:
    """The converted batches of *source*, *size* rows each, then the FileError if any."""
    pa = arrow.pa
    pending: list[Any] = []
    count = 0
    for raw in source:
        batch = convert(raw)
        if not batch.num_rows:
            continue
        pending.append(batch)
        count += batch.num_rows
        while count >= size:
            if len(pending) == 1 and count == size:
                yield pending.pop()
            else:
                table = pa.Table.from_batches(pending, schema=arrow.schema)
                yield table.slice(0, size).combine_chunks().to_batches()[0]
                pending = table.slice(size).to_batches()
            count -= size
    if count:
        if len(pending) == 1:
            yield pending[0]
        else:
            table = pa.Table.from_batches(pending, schema=arrow.schema)
            yield table.combine_chunks().to_batches()[0]
    error = convert.collected.error()
    if error is not None:
        raise error


# --------------------------------------------------------------------------- problems


class _Collected:
    """The problems of a file: the first MAX_PROBLEMS kept, the others counted."""

    def __init__(self, file: str, lang: str = "en") -> None:
        self.file = file
        self.lang = lang
        self.items: list[Problem] = []
        self.more = 0
        self.first_line: int | None = None  # the line of the first problem not kept

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if len(self.items) < MAX_PROBLEMS:
                self.items.append(problem)
            else:
                if not self.more:
                    self.first_line = problem.line
                self.more += 1

    def error(self) -> FileError | None:
        if not self.items:
            return None
        problems = list(self.items)
        hint = language_hint(problems, self.file, self.lang)
        if hint is not None:  # first: it explains the rest
            problems.insert(0, hint)
        if self.more:
            problems.append(
                Problem(
                    self.file,
                    self.first_line,
                    None,
                    f"{self.more:,} more problem{'' if self.more == 1 else 's'} from this line "
                    f"on, not listed: only the first {MAX_PROBLEMS:,} are kept; mend these and "
                    "read the file again",
                )
            )
        return FileError(problems)


# --------------------------------------------------------------------------- text


@functools.cache
def _spaces() -> str:
    """The characters ``str.strip()`` and ``str.split()`` take for white space."""
    return "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace())


@functools.cache
def _space_class(other: bool = False) -> str:
    """A regular expression (RE2) for one character of :func:`_spaces` (but " " if *other*)."""
    chars = _spaces().replace(" ", "") if other else _spaces()
    return "[" + "".join(f"\\x{{{ord(ch):x}}}" for ch in chars) + "]"


def _value_text(value: Exact | str) -> str:
    """A result's value as the ``value`` column holds it."""
    if isinstance(value, str):
        return value
    return as_text(value)


class _Raw:
    """The cells of some rows of a file, as Arrow read them, and the rows it could not.

    ``columns`` holds one array per column of the header; ``lines`` the line
    (or the Parquet row) of each of their rows; ``extra`` the (line, cells)
    of rows read without Arrow (a CSV row with more or fewer cells than the
    header), whose lines are among those of ``lines``' rows.
    """

    def __init__(self, columns: list[Any], lines: Any, extra: list[tuple[int, list[Any]]]) -> None:
        self.columns = columns
        self.lines = lines
        self.extra = extra


# --------------------------------------------------------------------------- rows


class _Converter:
    """Turns the cells Arrow read into batches of results, collecting problems.

    Cells of the common kinds are read a column at a time; every other row
    (one with a problem, or a cell of a rarer kind) is read by
    :meth:`resolmetrics.files._Rows._row`, the reader of ``read_results``.
    """

    def __init__(self, arrow: _Arrow, name: str, lang: str, resolution: Resolution | None) -> None:
        from resolmetrics.text._numbers import _plain_pattern

        self.arrow = arrow
        self.name = name
        self.lang = lang
        self.scratch = _Problems(name)  # the problems of one row, or of the header
        self.rows = _Rows(self.scratch, lang, resolution)
        self.collected = _Collected(name, lang)
        self.columns: dict[str, int] = {}
        self.width = 0  # the index of the header's last named column
        plain, self.group, self.point = _plain_pattern(lang)
        self.number = f"^-?(?:{plain.pattern})%?$"
        words = {word: level for word, level in _level_words(lang).items() if word.isascii()}
        pa = arrow.pa
        self.words = pa.array(list(words), pa.string())
        self.levels = pa.array(list(words.values()), pa.string())
        self.indicators: dict[str, Indicator] = self.rows.indicators
        self.keys = pa.array(sorted(self.indicators), pa.string())
        # what was read of cells of the rarer kinds: text -> (value, unit, is a level), or
        # None for text with a problem
        self.cells: dict[str, tuple[str, str | None, bool] | None] = {}
        self.units: dict[str, tuple[str | None] | None] = {}  # unit cell -> (its unit,) or None
        self.checked: dict[tuple[str, str, str | None], bool] = {}  # (key, value, unit) -> fits

    # ----------------------------------------------------------------- the header

    def header(self, line: int | None, cells: list[Any]) -> bool:
        """Read the header; False when the file cannot be read (the problems are collected)."""
        columns = self.rows.start(line, cells)
        self._collect()
        if columns is None:
            return False
        self.columns = columns
        self.width = self.rows.width
        return True

    def _collect(self) -> None:
        self.collected.extend(self.scratch.items)
        self.scratch.items.clear()

    def fail(self, line: int | None, message: str) -> None:
        """Add a problem of the file itself (not of a row)."""
        self.collected.extend([Problem(self.name, line, None, message)])

    # ----------------------------------------------------------------- a batch

    def __call__(self, raw: _Raw) -> Any:
        pa, pc = self.arrow.pa, self.arrow.pc
        columns, lines = raw.columns, raw.lines
        blanks = [self._blank(column) for column in columns]
        filled = blanks[0]
        for blank in blanks[1:]:
            filled = pc.and_(filled, blank)
        if pc.any(filled).as_py():  # rows with no cell filled in are not rows
            keep = pc.invert(filled)
            columns = [pc.filter(column, keep) for column in columns]
            blanks = [pc.filter(blank, keep) for blank in blanks]
            lines = pc.filter(lines, keep)
        count = len(lines)
        slow = _none(pa, count)
        for index in range(self.width + 1, len(columns)):  # cells past the named columns
            slow = pc.or_(slow, pc.invert(blanks[index]))
        cells = [columns[index] if index is not None else None for index in self.rows.places]
        key, period, entity, value, unit = cells
        assert key is not None
        assert value is not None

        key, bad = self._key(key)
        slow = pc.or_(slow, bad)
        period, bad = self._period(period, count)
        slow = pc.or_(slow, bad)
        entity, bad = self._entity(entity, count)
        slow = pc.or_(slow, bad)
        unit, bad = self._unit(unit, count)
        slow = pc.or_(slow, bad)
        value, own_unit, level, bad = self._value(value)
        slow = pc.or_(slow, bad)
        # a value that carries its own unit agrees with the unit column, or the row is read
        # one by one (which says what is wrong)
        clash = pc.fill_null(pc.not_equal(own_unit, unit), False)
        slow = pc.or_(slow, clash)
        unit = pc.coalesce(own_unit, unit)
        if self.rows.checked:
            slow = pc.or_(slow, self._unfit(key, value, unit, level, slow))

        fast = pc.invert(slow)
        out = [pc.filter(array, fast) for array in (lines, key, period, entity, value, unit)]
        slow_rows = self._slow(columns, lines, slow, raw.extra)
        if slow_rows:
            more = self._arrays(slow_rows)
            out = [pa.concat_arrays([a, b]) for a, b in zip(out, more, strict=True)]
            order = pc.sort_indices(out[0])
            out = [pc.take(array, order) for array in out]
        return pa.RecordBatch.from_arrays(out, schema=self.arrow.schema)

    def _blank(self, column: Any) -> Any:
        """Where *column*'s cells are blank (empty, white space or null)."""
        pa, pc = self.arrow.pa, self.arrow.pc
        if _is_text(pa, column.type):
            return pc.fill_null(pc.equal(pc.utf8_trim(column, characters=_spaces()), ""), True)
        return pc.is_null(column)

    def _strip(self, column: Any) -> Any:
        """*column*'s text, stripped as ``str.strip()`` strips it ("" for null)."""
        pc = self.arrow.pc
        return pc.fill_null(pc.utf8_trim(column, characters=_spaces()), "")

    def _nulls(self, count: int, kind: Any) -> Any:
        return self.arrow.pa.nulls(count, kind)

    def _key(self, column: Any) -> tuple[Any, Any]:
        pa, pc = self.arrow.pa, self.arrow.pc
        if _is_text(pa, column.type):
            key = self._strip(column)
        elif pa.types.is_integer(column.type):
            key = pc.fill_null(pc.cast(column, pa.string()), "")
        else:
            return pc.cast(self._nulls(len(column), pa.string()), pa.string()), _all(
                pa, len(column)
            )
        bad = pc.equal(key, "")
        if self.rows.checked:
            bad = pc.or_(bad, pc.invert(pc.is_in(key, value_set=self.keys)))
        return key, bad

    def _period(self, column: Any, count: int) -> tuple[Any, Any]:
        pa, pc = self.arrow.pa, self.arrow.pc
        if column is None:
            return self._nulls(count, pa.int32()), _none(pa, count)
        kind = column.type
        if _is_text(pa, kind):
            text = self._strip(column)
            year = pc.and_(  # four ASCII digits, the first not 0
                pc.and_(pc.equal(pc.binary_length(text), 4), pc.ascii_is_decimal(text)),
                pc.invert(pc.starts_with(text, "0")),
            )
            bad = pc.and_(pc.invert(year), pc.not_equal(text, ""))
            period = pc.cast(pc.if_else(year, text, pa.scalar(None, pa.string())), pa.int32())
            return period, bad
        if pa.types.is_integer(kind) or pa.types.is_floating(kind):
            number = pc.cast(column, pa.float64())
            whole = pc.and_(
                pc.equal(pc.floor(number), number),
                pc.and_(pc.greater_equal(number, 1000), pc.less_equal(number, 9999)),
            )
            bad = pc.fill_null(pc.invert(whole), False)
            period = pc.cast(pc.if_else(whole, number, pa.scalar(None, pa.float64())), pa.int32())
            return period, bad
        return self._nulls(count, pa.int32()), pc.is_valid(column)

    def _entity(self, column: Any, count: int) -> tuple[Any, Any]:
        pa, pc = self.arrow.pa, self.arrow.pc
        if column is None:
            return self._nulls(count, pa.string()), _none(pa, count)
        kind = column.type
        if _is_text(pa, kind):
            text = self._strip(column)
            # white space other than one space between words: as " ".join(text.split())
            spaced = pc.match_substring_regex(text, _space_class(other=True) + "|  ")
            if pc.any(spaced).as_py():
                joined = pc.replace_substring_regex(
                    pc.filter(text, spaced), _space_class() + "+", " "
                )
                text = pc.replace_with_mask(text, spaced, joined)
            return pc.cast(
                pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text), pa.string()
            ), _none(pa, count)
        if pa.types.is_integer(kind):
            return pc.cast(column, pa.string()), _none(pa, count)
        if pa.types.is_floating(kind):  # a whole number written as a float: as read_results
            whole = pc.fill_null(pc.equal(pc.floor(column), column), False)
            number = pc.if_else(whole, column, pa.scalar(None, kind))
            entity = pc.cast(pc.cast(number, pa.int64()), pa.string())
            return entity, pc.and_(pc.is_valid(column), pc.invert(whole))
        return self._nulls(count, pa.string()), pc.is_valid(column)

    def _unit(self, column: Any, count: int) -> tuple[Any, Any]:
        pa, pc = self.arrow.pa, self.arrow.pc
        if column is None:
            return self._nulls(count, pa.string()), _none(pa, count)
        if not _is_text(pa, column.type):
            return self._nulls(count, pa.string()), pc.is_valid(column)
        given = pc.invert(self._blank(column))
        if not pc.any(given).as_py():
            return self._nulls(count, pa.string()), _none(pa, count)
        column = pc.cast(pc.fill_null(column, ""), pa.string())
        texts = pc.unique(pc.filter(column, given)).to_pylist()
        found = [self._known_unit(text) for text in texts]
        read = pa.array([None if unit is None else unit[0] for unit in found], pa.string())
        valid = pa.array([unit is not None for unit in found], pa.bool_())
        where = pc.index_in(column, value_set=pa.array(texts, pa.string()))
        unit = pc.if_else(given, pc.take(read, where), pa.scalar(None, pa.string()))
        bad = pc.and_(given, pc.invert(pc.fill_null(pc.take(valid, where), False)))
        return unit, bad

    def _known_unit(self, text: str) -> tuple[str | None] | None:
        """The unit a unit cell gives, as read_results reads it; None if it is a problem."""
        if text not in self.units:
            if len(self.units) > 10_000:
                self.units.clear()
            unit = self.rows._unit(0, text)
            self.units[text] = None if self.scratch.items else (unit,)
            self.scratch.items.clear()
        return self.units[text]

    def _value(self, column: Any) -> tuple[Any, Any, Any, Any]:
        """(value, the value's own unit, is a level, read one by one) of each value cell."""
        pa, pc = self.arrow.pa, self.arrow.pc
        kind = column.type
        count = len(column)
        string = pa.string()
        if _is_text(pa, kind):
            return self._text_values(self._strip(column))
        if pa.types.is_integer(kind):
            return (
                pc.cast(column, string),
                self._nulls(count, string),
                _none(pa, count),
                pc.is_null(column),
            )
        if pa.types.is_floating(kind) or pa.types.is_decimal(kind):
            # Arrow writes a float's shortest repr, as Python does; large and small ones
            # in an exponent form, which is read one by one
            text = pc.cast(column, string)
            plain = pc.fill_null(pc.match_substring_regex(text, r"^-?[0-9]+(\.[0-9]+)?$"), False)
            value = self._canonical(pc.if_else(plain, text, "0"))
            return value, self._nulls(count, string), _none(pa, count), pc.invert(plain)
        return (
            pc.cast(self._nulls(count, string), string),
            self._nulls(count, string),
            _none(pa, count),
            _all(pa, count),
        )

    def _text_values(self, text: Any) -> tuple[Any, Any, Any, Any]:
        pa, pc = self.arrow.pa, self.arrow.pc
        string = pa.string()
        count = len(text)
        value = self._nulls(count, string)
        unit = self._nulls(count, string)
        level = _none(pa, count)
        # plain numbers in the file's language, with a "-" before or a "%" after
        number = pc.match_substring_regex(text, self.number)
        if pc.any(number).as_py():
            figures = pc.filter(text, number)
            negative = pc.starts_with(figures, "-")
            percent = pc.ends_with(figures, "%")
            digits = pc.utf8_rtrim(pc.utf8_ltrim(figures, "-"), "%")
            digits = pc.replace_substring(digits, self.group, "")
            if self.point != ".":
                digits = pc.replace_substring(digits, self.point, ".")
            figures = self._canonical(digits, negative)
            value = pc.replace_with_mask(value, number, figures)
            units_ = pc.if_else(percent, "percent", pa.scalar(None, string))
            unit = pc.replace_with_mask(unit, number, pc.cast(units_, string))
        # rating levels written as one word (the words are ASCII: so are their cells)
        rest = pc.invert(number)
        where = pc.index_in(pc.ascii_lower(pc.filter(text, rest)), value_set=self.words)
        found = pc.and_(pc.is_valid(where), pc.string_is_ascii(pc.filter(text, rest)))
        word = pc.replace_with_mask(_none(pa, count), rest, found)
        if pc.any(word).as_py():
            value = pc.replace_with_mask(
                value, word, pc.take(self.levels, pc.filter(where, found))
            )
            level = pc.or_(level, word)
        # any other text: one by one, once for each text
        other = pc.invert(pc.or_(pc.or_(number, word), pc.equal(text, "")))
        bad = pc.equal(text, "")  # no value: a problem
        if pc.any(other).as_py():
            cells = pc.filter(text, other)
            texts = pc.unique(cells).to_pylist()
            read = [self._rare(cell) for cell in texts]
            where = pc.index_in(cells, value_set=pa.array(texts, string))
            values = pa.array(["" if r is None else r[0] for r in read], string)
            own = pa.array([None if r is None else r[1] for r in read], string)
            levels = pa.array([r is not None and r[2] for r in read], pa.bool_())
            failed = pa.array([r is None for r in read], pa.bool_())
            value = pc.replace_with_mask(value, other, pc.take(values, where))
            unit = pc.replace_with_mask(unit, other, pc.take(own, where))
            level = pc.replace_with_mask(level, other, pc.take(levels, where))
            bad = pc.replace_with_mask(bad, other, pc.take(failed, where))
        value = pc.fill_null(value, "")
        return value, unit, level, bad

    def _rare(self, text: str) -> tuple[str, str | None, bool] | None:
        """A value cell of a rarer kind as read_results reads it; None if it is a problem."""
        if text not in self.cells:
            if len(self.cells) > 100_000:
                self.cells.clear()
            try:
                result = self.rows.parse(text, None, None)
            except ResolmetricsError:
                self.cells[text] = None
            else:
                self.cells[text] = (_value_text(result.value), result.unit, result.is_level)
        return self.cells[text]

    def _canonical(self, digits: Any, negative: Any = None) -> Any:
        """Numbers written ``-?[0-9]+(.[0-9]+)?`` as :func:`as_text` writes them.

        *negative*, if given, tells which are negative, *digits* then
        holding no sign.
        """
        pa, pc = self.arrow.pa, self.arrow.pc
        if negative is None:
            negative = pc.starts_with(digits, "-")
            digits = pc.utf8_ltrim(digits, "-")
        point = pc.match_substring(digits, ".")
        # leading zeros, trailing zeros after the point: most numbers have neither
        zeros = pc.or_(pc.starts_with(digits, "0"), pc.and_(point, pc.ends_with(digits, "0")))
        if pc.any(zeros).as_py():
            some = pc.filter(digits, zeros)
            pointed = pc.filter(point, zeros)
            some = pc.if_else(pointed, pc.utf8_rtrim(pc.utf8_rtrim(some, "0"), "."), some)
            some = pc.utf8_ltrim(some, "0")
            some = pc.if_else(
                pc.equal(some, ""),
                "0",
                pc.if_else(
                    pc.starts_with(some, "."), pc.binary_join_element_wise("0", some, ""), some
                ),
            )
            digits = pc.replace_with_mask(digits, zeros, pc.cast(some, pa.string()))
        sign = pc.and_(negative, pc.not_equal(digits, "0"))
        if pc.any(sign).as_py():
            signed = pc.binary_join_element_wise("-", pc.filter(digits, sign), "")
            digits = pc.replace_with_mask(digits, sign, signed)
        return pc.cast(digits, pa.string())

    # ----------------------------------------------------------------- with a resolution

    def _unfit(self, key: Any, value: Any, unit: Any, level: Any, slow: Any) -> Any:
        """Where a value does not suit its indicator: a problem, told by the rows' reader."""
        pa, pc = self.arrow.pa, self.arrow.pc
        unfit = _none(pa, len(key))
        fine = pc.invert(slow)
        for name in pc.unique(pc.filter(key, fine)).to_pylist():
            indicator = self.indicators[name]
            rows = pc.and_(fine, pc.equal(key, name))
            if indicator.scale is not None:
                unfit = pc.or_(unfit, pc.and_(rows, pc.invert(level)))
                rated = pc.and_(rows, level)
                for code in pc.unique(pc.filter(value, rated)).to_pylist():
                    if not self._fits(indicator, code, None, True):
                        unfit = pc.or_(unfit, pc.and_(rated, pc.equal(value, code)))
                continue
            unfit = pc.or_(unfit, pc.and_(rows, level))
            figures = pc.and_(rows, pc.invert(level))
            for written in pc.unique(pc.filter(unit, figures)).to_pylist():
                same = pc.is_null(unit) if written is None else pc.equal(unit, written)
                these = pc.and_(figures, pc.fill_null(same, False))
                try:
                    factor = units.factor(written or indicator.unit, indicator.unit)
                except ResolmetricsError:
                    unfit = pc.or_(unfit, these)
                    continue
                if indicator.limits is not None:
                    unfit = pc.or_(unfit, self._outside(indicator, value, written, factor, these))
        return unfit

    def _outside(
        self, indicator: Indicator, value: Any, unit: str | None, factor: Any, rows: Any
    ) -> Any:
        """Where the figures of *rows* are outside the indicator's limits, exactly.

        Figures far inside the limits are told in floating point; the others
        (near a limit, beyond it, or exact ratios) exactly, once each.
        """
        pa, pc = self.arrow.pa, self.arrow.pc
        assert indicator.limits is not None
        ratio = pc.match_substring(value, "/")
        decimal = pc.filter(value, pc.and_(rows, pc.invert(ratio)))
        figures = pc.multiply(pc.cast(decimal, pa.float64()), float(factor))
        size = pc.abs(figures)
        inside = _all(pa, len(decimal))
        for bound, above in zip(indicator.limits, (True, False), strict=True):
            if bound is None:
                continue
            edge = float(bound)
            room = pc.subtract(figures, edge) if above else pc.subtract(edge, figures)
            margin = pc.multiply(pc.add(size, abs(edge)), 1e-9)
            inside = pc.and_(inside, pc.greater(room, margin))
        near = pc.unique(pc.filter(decimal, pc.invert(inside))).to_pylist()
        near += pc.unique(pc.filter(value, pc.and_(rows, ratio))).to_pylist()
        bad = [figure for figure in near if not self._fits(indicator, figure, unit, False, factor)]
        if not bad:
            return _none(pa, len(value))
        return pc.and_(rows, pc.is_in(value, value_set=pa.array(bad, pa.string())))

    def _fits(
        self,
        indicator: Indicator,
        value: str,
        unit: str | None,
        is_level: bool,
        factor: Any = None,
    ) -> bool:
        """Whether a level, or a figure in *unit*, suits *indicator*, as ``_Rows._check`` says."""
        known = (indicator.key, value, unit)
        if known not in self.checked:
            if len(self.checked) > 100_000:
                self.checked.clear()
            try:
                if is_level:
                    assert indicator.scale is not None
                    indicator.scale.rank(value, argument="the result")
                else:
                    figure = exact(value, argument="the result")
                    indicator.check_value(
                        mul(figure, factor), what="the result", error=InvalidArgumentError
                    )
            except ResolmetricsError:
                self.checked[known] = False
            else:
                self.checked[known] = True
        return self.checked[known]

    # ----------------------------------------------------------------- one by one

    def _slow(
        self, columns: list[Any], lines: Any, slow: Any, extra: list[tuple[int, list[Any]]]
    ) -> list[tuple[int, str, Result]]:
        """The results of the rows read one by one, with their problems collected."""
        pc = self.arrow.pc
        rows: list[tuple[int, list[Any]]] = list(extra)
        if pc.any(slow).as_py():
            where = pc.indices_nonzero(slow)
            cells = [pc.take(column, where).to_pylist() for column in columns]
            numbers = pc.take(lines, where).to_pylist()
            rows.extend((line, list(row)) for line, *row in zip(numbers, *cells, strict=True))
            rows.sort(key=lambda row: row[0])
        read: list[tuple[int, str, Result]] = []
        for line, cells_ in rows:
            if _all_blank(cells_):
                continue
            identity, result = self.rows._row(line, cells_, [], self.columns)
            self._collect()
            if result is not None:
                assert identity is not None
                read.append((line, identity[0], result))
        return read

    def _arrays(self, rows: list[tuple[int, str, Result]]) -> list[Any]:
        pa = self.arrow.pa
        schema = self.arrow.schema
        return [
            pa.array([line for line, _, _ in rows], schema.field("line").type),
            pa.array([key for _, key, _ in rows], pa.string()),
            pa.array([result.period for _, _, result in rows], pa.int32()),
            pa.array([result.entity for _, _, result in rows], pa.string()),
            pa.array([_value_text(result.value) for _, _, result in rows], pa.string()),
            pa.array([result.unit for _, _, result in rows], pa.string()),
        ]


def _is_text(pa: Any, kind: Any) -> bool:
    return bool(
        pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
    )


def _none(pa: Any, count: int) -> Any:
    """*count* times False."""
    return pa.repeat(pa.scalar(False, pa.bool_()), count)


def _all(pa: Any, count: int) -> Any:
    """*count* times True."""
    return pa.repeat(pa.scalar(True, pa.bool_()), count)


# --------------------------------------------------------------------------- Parquet


_NOT_PARQUET = "cannot read the Parquet file: {}; is it a .parquet file?"


def _parquet_source(
    arrow: _Arrow, name: str, convert: _Converter, batch_rows: int
) -> Iterator[_Raw]:
    pa = arrow.pa
    parquet = arrow.module("pyarrow.parquet")
    problems = _Problems(name)
    try:
        with open(name, "rb"):
            pass
    except OSError as exc:
        problems.add(
            None,
            None,
            f"cannot read the file: {exc.strerror or exc}; check the path and its permissions",
        )
        problems.raise_any()
    try:
        file = parquet.ParquetFile(name, pre_buffer=False)  # one row group in memory at a time
    except (OSError, pa.ArrowException) as exc:
        problems.add(None, None, _NOT_PARQUET.format(exc))
        problems.raise_any()
    names = list(file.schema_arrow.names)
    if not convert.header(None, names):
        raise convert.collected.error() or AssertionError("a header without problems")
    return _parquet_rows(arrow, file, batch_rows)


def _parquet_rows(arrow: _Arrow, file: Any, batch_rows: int) -> Iterator[_Raw]:
    pa, np = arrow.pa, arrow.np
    first = 1
    for batch in file.iter_batches(batch_size=batch_rows):
        count = batch.num_rows
        columns = []
        for column in batch.columns:
            if pa.types.is_dictionary(column.type):
                column = column.dictionary_decode()
            view = getattr(pa.types, "is_string_view", None)  # pyarrow 16 and later
            if _is_text(pa, column.type) or (view is not None and view(column.type)):
                column = column.cast(pa.string())  # large, view and null text: all one type
            columns.append(column)
        lines = pa.array(np.arange(first, first + count, dtype=np.int64))
        first += count
        yield _Raw(columns, lines, [])


# --------------------------------------------------------------------------- CSV

_LF, _CR, _QUOTE = 10, 13, 34


class _Misread(Exception):
    """Arrow read the rows of a CSV otherwise than the records were told (caught here)."""


class _Records:
    """Where each record of a CSV starts and how many cells it has, from its bytes.

    Fed the bytes after the header in order, it tells the records (the rows;
    a quoted cell may hold line ends) apart as the csv module and Arrow do:
    lines end at ``\\n``, ``\\r\\n`` or ``\\r``; a quote opens a quoted cell
    only at the start of a cell, two quotes in a quoted cell are one quote,
    and a separator or a line end in a quoted cell is part of it. A record
    is *valid* when Arrow reads it as a row: it has as many cells as the
    header, or it is an empty line; Arrow gives each other record to its
    invalid-row handler instead.
    """

    def __init__(self, np: Any, delimiter: str, line: int, width: int) -> None:
        self.np = np
        self.delimiter = ord(delimiter)
        self.width = width
        self.line = line  # the line of the next byte
        self.inside = False  # whether the next byte is in a quoted cell
        self.inside_before = False  # whether the bytes last fed start in a quoted cell
        self.skip = False  # whether the next byte is the second quote of a doubled quote
        self.previous = _LF  # the byte before the next one
        # the record being read: its first line, its cells and its bytes so far
        self.start = line
        self.cells = 1
        self.length = 0
        self.finished = False
        self.told: deque[tuple[Any, Any, Any]] = deque()  # (lines, valid, cells) per piece
        self.lines: Any = np.zeros(0, np.int64)
        self.valid: Any = np.zeros(0, bool)
        self.counts: Any = np.zeros(0, np.int64)

    def feed(self, data: bytes, following: int | None) -> None:
        """Tell the records in *data*; *following* is the byte after it (None: the end)."""
        np = self.np
        size = len(data)
        if not size:
            return
        a = np.frombuffer(data, dtype=np.uint8)
        ends = np.flatnonzero(a == _LF)
        if b"\r" in data:
            returns = np.flatnonzero(a == _CR)
            after = np.empty(len(returns), np.int64)
            within = returns + 1 < size
            after[within] = a[returns[within] + 1]
            after[~within] = -1 if following is None else following
            ends = np.sort(np.concatenate([ends, returns[after != _LF]]))
        toggles = self._toggles(a, data, following)
        if len(toggles) or self.inside_before:
            # a position is in a quoted cell when an odd number of toggles are before it
            def quoted(positions: Any) -> Any:
                before = np.searchsorted(toggles, positions) + self.inside_before
                return (before & 1).astype(bool)

            record_ends = ends[~quoted(ends)]
            delimiters = np.flatnonzero(a == self.delimiter)
            delimiters = delimiters[~quoted(delimiters)]
        else:
            record_ends = ends
            delimiters = np.flatnonzero(a == self.delimiter)
        done = len(record_ends)
        cells = np.bincount(np.searchsorted(record_ends, delimiters), minlength=done + 1)
        if done:
            index = np.searchsorted(ends, record_ends)  # the line each record ends on
            starts = np.empty(done, np.int64)
            starts[0] = self.start
            starts[1:] = self.line + index[:-1] + 1
            counts = cells[:done] + 1
            counts[0] += self.cells - 1
            begins = np.empty(done, np.int64)
            begins[0] = 0
            begins[1:] = record_ends[:-1] + 1
            lengths = record_ends - begins
            lengths[0] += self.length
            # a record ending at "\r\n": its "\r" is no part of it
            back = np.where(record_ends > 0, a[np.maximum(record_ends - 1, 0)], self.previous)
            lengths -= (a[record_ends] == _LF) & (back == _CR)
            valid = (lengths == 0) | (counts == self.width)
            self.told.append((starts, valid, counts))
            self.start = int(self.line + index[-1] + 1)
            self.cells = int(cells[done]) + 1
            self.length = size - int(record_ends[-1]) - 1
        else:
            self.cells += int(cells[0])
            self.length += size
        self.line += len(ends)
        self.previous = int(a[-1])

    def _toggles(self, a: Any, data: bytes, following: int | None) -> Any:
        """The positions of the quotes in *a* that open or close a quoted cell.

        Sets ``inside_before`` (whether *a* starts in a quoted cell), and
        ``inside`` and ``skip`` for the bytes after *a*.
        """
        np = self.np
        self.inside_before = self.inside
        empty = np.zeros(0, np.int64)
        if b'"' not in data:
            return empty
        quotes = np.flatnonzero(a == _QUOTE)
        size = len(a)
        if self.skip:  # the second quote of a doubled quote begun before
            quotes = quotes[1:]
            self.skip = False
        count = len(quotes)
        if not count:
            return empty
        before = np.where(quotes > 0, a[np.maximum(quotes - 1, 0)], self.previous)
        last = quotes + 1 >= size
        after = a[np.minimum(quotes + 1, size - 1)].astype(np.int64)
        after[last] = -1 if following is None else following
        inside = ((np.arange(count) + self.inside) & 1).astype(bool)  # quotes in quoted cells
        # a quote out of a quoted cell opens one at the start of a cell, or is the second of
        # a doubled quote (the one before it, in a quoted cell, is the first); a quote in a
        # quoted cell closes it before a separator or a line end, or is the first of a pair
        opens = np.isin(before, [self.delimiter, _LF, _CR])
        opens[1:] |= quotes[1:] - 1 == quotes[:-1]
        closes = np.isin(after, [self.delimiter, _LF, _CR, _QUOTE, -1])
        regular = bool(opens[~inside].all() and closes[inside].all())
        if regular:  # every quote opens or closes a quoted cell, or is doubled in one
            ending = bool((count + self.inside) & 1)
            if last[-1] and inside[-1] and following == _QUOTE:
                ending, self.skip = True, True  # a doubled quote across the two pieces
            self.inside = ending
            return quotes
        # quotes within cells that do not start with one: read as the csv module reads them
        toggles: list[int] = []
        state = self.inside
        positions = quotes.tolist()
        index = 0
        while index < count:
            position = positions[index]
            if not state:
                byte = int(a[position - 1]) if position else self.previous
                if byte in (self.delimiter, _LF, _CR):
                    state = True
                    toggles.append(position)
                index += 1
                continue
            next_byte = int(a[position + 1]) if position + 1 < size else following
            if next_byte == _QUOTE:  # a doubled quote: one quote of the cell
                if position + 1 >= size:
                    self.skip = True
                index += 2
                continue
            state = False
            toggles.append(position)
            index += 1
        self.inside = state
        return np.array(toggles, np.int64)

    def finish(self) -> None:
        """The end of the file: the last record, if it has no line end."""
        if self.finished:
            return
        self.finished = True
        np = self.np
        if self.length:
            self.told.append(
                (
                    np.array([self.start], np.int64),
                    np.array([self.cells == self.width]),
                    np.array([self.cells], np.int64),
                )
            )
            self.length = 0

    def _gather(self) -> None:
        np = self.np
        if self.told:
            pieces = [(self.lines, self.valid, self.counts), *self.told]
            self.told.clear()
            self.lines = np.concatenate([piece[0] for piece in pieces])
            self.valid = np.concatenate([piece[1] for piece in pieces])
            self.counts = np.concatenate([piece[2] for piece in pieces])

    def take(self, rows: int) -> tuple[Any, list[tuple[int, int]]]:
        """The lines of the next *rows* valid records; (line, cells) of the invalid ones passed."""
        np = self.np
        self._gather()
        if rows:
            so_far = np.cumsum(self.valid)
            if not len(so_far) or so_far[-1] < rows:
                raise _Misread
            cut = int(np.searchsorted(so_far, rows)) + 1
        else:
            cut = 0
        lines, valid, counts = self.lines[:cut], self.valid[:cut], self.counts[:cut]
        self.lines, self.valid, self.counts = (
            self.lines[cut:],
            self.valid[cut:],
            self.counts[cut:],
        )
        invalid = list(zip(lines[~valid].tolist(), counts[~valid].tolist(), strict=True))
        return lines[valid], invalid

    def rest(self) -> list[tuple[int, int]]:
        """(line, cells) of the records left: at the end, invalid ones only."""
        self._gather()
        if self.valid.any():
            raise _Misread
        rest = list(zip(self.lines.tolist(), self.counts.tolist(), strict=True))
        self.lines = self.lines[:0]
        self.valid = self.valid[:0]
        self.counts = self.counts[:0]
        return rest


class _Stream(io.RawIOBase):
    """The bytes of a CSV after its header, for Arrow, told into records as they are read.

    Text that is not UTF-8 ends the stream at the line end before it, with
    a problem naming its line.
    """

    def __init__(
        self, file: BinaryIO, records: _Records, newlines: int, fail: Callable[[int, str], None]
    ) -> None:
        super().__init__()
        self.file = file
        self.records = records
        self.newlines = newlines  # the "\n" before the next byte, counted from the file's start
        self.fail = fail
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.ahead = b""
        self.ended = False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self.ended:
            return b""
        if size is None or size < 0:
            size = _BLOCK
        data = self.ahead + self.file.read(max(size - len(self.ahead), 1))
        self.ahead = self.file.read(1)
        following = self.ahead[0] if self.ahead else None
        if not data:
            self.ended = True
            self.records.finish()
            return b""
        held = self.decoder.getstate()[0]  # the end of a character begun before *data*
        try:
            self.decoder.decode(data, final=following is None)
        except UnicodeDecodeError as exc:
            at = exc.start - len(held)  # where in *data* (before it: in the bytes held)
            shown = (held + data)[exc.start]
            line = self.newlines + data[: max(at, 0)].count(b"\n") + 1
            self.fail(line, _not_utf8(shown))
            cut = max(data.rfind(b"\n", 0, max(at, 0)), data.rfind(b"\r", 0, max(at, 0))) + 1
            data = data[:cut]
            self.ended = True
            self.records.feed(data, None)
            self.records.finish()
            return data
        self.newlines += data.count(b"\n")
        self.records.feed(data, following)
        return data


class _Header:
    """Where a CSV's header is and what it holds."""

    def __init__(
        self,
        delimiter: str,
        cells: list[str],
        line: int,
        offset: int,
        next_line: int,
        newlines: int,
    ) -> None:
        self.delimiter = delimiter
        self.cells = cells
        self.line = line  # the line it starts on
        self.offset = offset  # the first byte after it
        self.next_line = next_line  # the line of that byte
        self.newlines = newlines  # the "\n" before that byte


def _terminators(data: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each line end in *data*."""
    for match in re.finditer(rb"\r\n|\r|\n", data):
        yield match.start(), match.end()


def _csv_header(name: str, problems: _Problems) -> _Header | None:
    """The header of the CSV *name*, read from its first bytes; None for an empty file.

    A file that cannot be read, or is not UTF-8 before the header ends,
    adds its problem to *problems* and raises their FileError.
    """
    size = 1 << 16
    while True:
        try:
            with open(name, "rb") as stream:
                data = stream.read(size + 1)
        except OSError as exc:
            problems.add(
                None,
                None,
                f"cannot read the file: {exc.strerror or exc}; check the path and its permissions",
            )
            problems.raise_any()
            raise AssertionError("unreachable") from None
        whole = len(data) <= size
        data = data[:size] if not whole else data
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = codecs.getincrementaldecoder("utf-8")().decode(data[bom:], final=whole)
        except UnicodeDecodeError as exc:  # after the header, it is a problem of its rows
            end = bom + exc.start
            header = _header_in(name, data[:end], bom, data[bom:end].decode(), False)
            if header is not None:
                return header
            _decode(name, data, problems)  # the same problem, on the same line
            problems.raise_any()
            raise AssertionError("unreachable") from None
        header = _header_in(name, data, bom, text, whole)
        if header is not None or whole:
            return header
        size *= 4


def _header_in(name: str, data: bytes, bom: int, text: str, whole: bool) -> _Header | None:
    """The header in the first bytes *data* of a file (*whole* if they are all of it).

    None when it is not (wholly) there: the file is empty, or more of it
    must be read.
    """
    delimiter = _delimiter(text)
    scratch = _Problems(name)
    for start, cells in _csv_records(text, delimiter, scratch):
        inside = sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in cells)
        last = start + inside  # the line the header ends on
        for lines, (_, end) in enumerate(_terminators(data[bom:]), start=1):
            if lines == last:
                offset = bom + end
                if not whole and offset == len(data) and data.endswith(b"\r"):
                    return None  # a "\r\n" may be cut in two
                newlines = data[:offset].count(b"\n")
                return _Header(delimiter, cells, start, offset, last + 1, newlines)
        if not whole:
            return None
        return _Header(delimiter, cells, start, len(data), last + 1, data.count(b"\n"))
    return None


def _csv_source(arrow: _Arrow, name: str, convert: _Converter, batch_rows: int) -> Iterator[_Raw]:
    problems = _Problems(name)
    header = _csv_header(name, problems)
    if header is None:
        problems.add(None, None, "the file is empty: expected a header row and results")
        problems.raise_any()
    assert header is not None
    if not convert.header(header.line, header.cells):
        raise convert.collected.error() or AssertionError("a header without problems")
    return _csv_rows(arrow, name, header, convert, batch_rows)


def _csv_rows(
    arrow: _Arrow, name: str, header: _Header, convert: _Converter, batch_rows: int
) -> Iterator[_Raw]:
    pa = arrow.pa
    csv = arrow.module("pyarrow.csv")
    width = len(header.cells)
    names = [f"c{index}" for index in range(width)]
    records = _Records(arrow.np, header.delimiter, header.next_line, width)
    handed: deque[tuple[int, str]] = deque()  # the rows Arrow could not read: (cells, text)

    def handler(row: Any) -> str:
        handed.append((row.actual_columns, row.text))
        return "skip"

    with open(name, "rb") as file:
        file.seek(header.offset)
        stream = _Stream(file, records, header.newlines, convert.fail)
        try:
            reader = csv.open_csv(
                stream,
                read_options=csv.ReadOptions(
                    column_names=names, block_size=_BLOCK, use_threads=False
                ),
                parse_options=csv.ParseOptions(
                    delimiter=header.delimiter,
                    quote_char='"',
                    double_quote=True,
                    escape_char=False,
                    newlines_in_values=True,
                    ignore_empty_lines=False,
                    invalid_row_handler=handler,
                ),
                convert_options=csv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                    check_utf8=False,
                ),
            )
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" in str(exc):
                return
            convert.fail(None, _arrow_problem(exc))
            return
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as exc:
                convert.fail(None, _arrow_problem(exc))
                return
            try:
                lines, invalid = records.take(batch.num_rows)
                extra = _handed(invalid, handed, header.delimiter, convert)
            except _Misread:
                convert.fail(None, _MISREAD)
                return
            yield _Raw(batch.columns, pa.array(lines), extra)
        try:
            records.finish()
            extra = _handed(records.rest(), handed, header.delimiter, convert)
        except _Misread:
            convert.fail(None, _MISREAD)
            return
        if extra:
            yield _Raw([pa.array([], pa.string()) for _ in names], pa.array([], pa.int64()), extra)


def _arrow_problem(error: Exception) -> str:
    """The problem of a CSV that Arrow cannot read."""
    if "straddl" in str(error):
        return (
            f"cannot read the CSV: a row is longer than {_BLOCK:,} bytes; read the file with "
            "resolmetrics.read_results"
        )
    return f"cannot read the CSV: {error}"


_MISREAD = (
    "cannot tell the lines of the rows apart as the CSV module does; read the file with "
    "resolmetrics.read_results"
)


def _handed(
    invalid: list[tuple[int, int]],
    handed: deque[tuple[int, str]],
    delimiter: str,
    convert: _Converter,
) -> list[tuple[int, list[Any]]]:
    """The rows Arrow handed over, with their lines, read by the csv module."""
    rows: list[tuple[int, list[Any]]] = []
    for line, cells in invalid:
        if not handed:
            raise _Misread
        count, text = handed.popleft()
        if count != cells:
            raise _Misread
        scratch = _Problems(convert.name)
        for _, row in _csv_records(text, delimiter, scratch):
            rows.append((line, row))
            break
    return rows
