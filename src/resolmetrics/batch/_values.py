"""The values of one target's results, read from a column, checked and ready to judge.

:class:`Values` reads a :class:`~resolmetrics.batch._columns.Column` the way
:class:`~resolmetrics.Result` reads one value and ``evaluate()`` checks it
against its target (a number or a level, its unit, the indicator's limits),
but for the whole column at once. Every bad row is found before anything is
judged, and one :class:`~resolmetrics.InvalidColumnError` names them all,
each with the message the scalar engine gives for that value.

Comparisons never convert the values: a bound is converted once into each
unit the column holds, and compared there, exactly (see ``_rational``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from resolmetrics import units as _units
from resolmetrics.errors import (
    InvalidColumnError,
    InvalidColumnTypeError,
    InvalidResultError,
    InvalidResultTypeError,
    ResolmetricsError,
    UnitError,
)
from resolmetrics.numbers import MAX_EXPONENT, Exact, exact, looks_numeric
from resolmetrics.results import Result
from resolmetrics.rules import Kind
from resolmetrics.targets import Target
from resolmetrics.verdicts import Status

from ._columns import Column, factorize
from ._rational import Q, _ints, cross_compare, float_threshold, floats_to_q, magnitude, product

__all__ = ["CODES", "Labels", "Values", "codes_from_masks", "float_codes", "strict_code"]

_Array = np.ndarray[Any, Any]

CODES = {status: np.int8(code) for code, status in enumerate(Status)}
"""The int8 code of each status: its place in :class:`~resolmetrics.Status`."""

EXCEEDED, ACHIEVED, NOT = 0, 1, 2
IN_PROGRESS, NO_DATA = 3, 4

_CHUNK = 1 << 16  # rows a float kernel works on at a time: its temporaries stay in cache
_SHOWN = 10  # bad rows shown in a message
_KEPT = 1000  # bad rows whose messages the error keeps


class Labels:
    """How rows are named in messages: by position, or by the file line they came from."""

    def __init__(
        self, lines: _Array | None = None, noun: str = "row", *, counted: bool | None = None
    ) -> None:
        self.lines = lines
        self.noun = noun
        self.counted = lines is None if counted is None else counted
        """True when rows are named by position (counted from 0), not by file line."""

    def of(self, row: int) -> int:
        return row if self.lines is None else int(self.lines[row])

    def name(self, row: int) -> str:
        return f"{self.noun} {self.of(row)}"


class ColumnLabels(Labels):
    """Rows of one year column of a wide table: "row 17, column 'income_2021'"."""

    def __init__(self, column: str, columns: tuple[str, ...]) -> None:
        super().__init__()
        self.column = column
        self.columns = columns

    def name(self, row: int) -> str:
        return f"row {row}, column {self.column!r}"


class WideLabels(Labels):
    """Rows of a wide table read as one row a (unit, year): "row 17, column 'income_2021'"."""

    def __init__(self, columns: tuple[str, ...], lines: _Array | None = None) -> None:
        super().__init__(lines)
        self.columns = columns

    def of(self, row: int) -> int:
        return super().of(row // len(self.columns))

    def name(self, row: int) -> str:
        return f"row {self.of(row)}, column {self.columns[row % len(self.columns)]!r}"


class _Problems:
    """Bad rows of a column: where, and what the scalar engine says about each."""

    def __init__(self, where: str, column: str, labels: Labels) -> None:
        self.where = where
        self.column = column
        self.labels = labels
        self.rows: list[_Array] = []
        self.explain: list[Callable[[int], str]] = []
        self.types = False

    def add(
        self, rows: _Array, explain: Callable[[int], str], *, type_error: bool = False
    ) -> None:
        rows = np.asarray(rows, dtype=np.int64)
        if rows.size:
            self.rows.append(rows)
            self.explain.append(explain)
            self.types = self.types or type_error

    def bad(self, size: int) -> _Array:
        """The mask of the rows with a problem so far."""
        mask = np.zeros(size, dtype=bool)
        for rows in self.rows:
            mask[rows] = True
        return mask

    def raise_any(self) -> None:
        error = self.error()
        if error is not None:
            raise error

    def error(self) -> InvalidColumnError | None:
        """The error that names every bad row, or None where there is none."""
        if not self.rows:
            return None
        every = np.concatenate(self.rows)
        owner = np.concatenate([np.full(len(r), i) for i, r in enumerate(self.rows)])
        order = np.argsort(every, kind="stable")
        every, owner = every[order], owner[order]
        count = len(every)
        kept = list(zip(every[:_KEPT].tolist(), owner[:_KEPT].tolist(), strict=True))
        messages = [self.explain[who](row) for row, who in kept]
        details = tuple(
            (self.labels.of(row), m) for (row, _), m in zip(kept, messages, strict=True)
        )
        shown = zip(kept[:_SHOWN], messages[:_SHOWN], strict=True)
        lines = [f"  {self.labels.name(row)}: {m}" for (row, _), m in shown]
        if count > _SHOWN:
            lines.append(f"  ... and {count - _SHOWN:,} more {self.labels.noun}s")
        noun = self.labels.noun + ("" if count == 1 else "s")
        counted = " (counted from 0)" if self.labels.counted else ""
        columns = getattr(self.labels, "columns", None)
        shown_column = (
            f"columns {', '.join(map(repr, columns))}" if columns else f"column {self.column!r}"
        )
        where = f"{self.where}, {shown_column}" if self.where else shown_column
        head = f"{where}: {count:,} {noun}{counted} cannot be judged; nothing was judged"
        error = InvalidColumnTypeError if self.types else InvalidColumnError
        rows = tuple(self.labels.of(int(row)) for row in every[:_KEPT].tolist())
        return error("\n".join([head, *lines]), self.column, rows, details, self.where, count)


def raise_together(*found: _Problems | InvalidColumnError | None) -> None:
    """Raise one error for the problems of several columns (or targets), if there are any."""
    errors = [f.error() if isinstance(f, _Problems) else f for f in found]
    present = [error for error in errors if error is not None]
    if present:
        raise combined(present)


def combined(errors: list[InvalidColumnError]) -> InvalidColumnError:
    """One error holding several: its message theirs, one after the other; ``errors`` them."""
    if len(errors) == 1:
        return errors[0]
    parts = tuple(part for error in errors for part in error.errors)
    details = tuple(sorted((d for part in parts for d in part.details), key=lambda d: d[0]))
    rows = tuple(sorted({row for part in parts for row in part.rows}))
    kind = InvalidColumnTypeError if all(isinstance(p, TypeError) for p in parts) else (
        InvalidColumnError)  # fmt: skip
    first = parts[0]
    return kind("\n".join(part.message for part in parts), first.column, rows, details,
                first.where, sum(part.count for part in parts), parts)  # fmt: skip


def _scalar_message(build: Callable[[], object]) -> str:
    """The message the scalar engine gives for a value (build() must raise), in a column's
    words: a result left out is a null there."""
    try:
        build()
    except ResolmetricsError as exc:
        return _in_a_column(exc)
    return "cannot be judged"


def _in_a_column(error: Exception) -> str:
    """A scalar error's message, in a column's words: a result left out is a null there."""
    return str(error).replace(_LEFT_OUT, "report missing data as a null (None, NA)")


_LEFT_OUT = "report missing data by leaving the result out"


_PLAIN = r"^[+-]?[0-9]{1,18}(\.[0-9]{1,18})?$"


class Values:
    """A target's result values from one column, checked (see the module docstring).

    ``present`` marks the rows with a value (False for nulls, and for NaN
    read as missing); ``kind`` is ``"float"``, ``"exact"`` or ``"level"``.
    With ``level=True`` the values are judged in the indicator's unit (the
    yearly levels of a growth target), else in the target's.
    """

    def __init__(
        self,
        target: Target,
        column: Column,
        *,
        unit: Column | str | None = None,
        nan: str = "error",
        labels: Labels | None = None,
        level: bool = False,
    ) -> None:
        self.target = target
        self.size = len(column)
        self.labels = labels or Labels()
        indicator = target.indicator
        self.level = level
        self.to_unit = indicator.unit if level else target.unit
        where = f"indicator {target.key!r}"
        problems = _Problems(where, column.name, self.labels)
        unit_name = unit.name if isinstance(unit, Column) else "unit"
        unit_problems = _Problems(where, unit_name, self.labels)
        self.present = column.is_valid().copy()
        self.floats: _Array | None = None
        self._q: Q | None = None
        self.ranks: _Array | None = None
        self.kind = "exact"
        self._read(column, nan, problems)
        self._read_units(unit, unit_problems)
        # the limits of the rows that read well, so that every bad row is named at once
        sound = ~(problems.bad(self.size) | unit_problems.bad(self.size))
        self._check_limits(problems, sound)
        raise_together(problems, unit_problems)

    # ------------------------------------------------------------------ reading

    def _read(self, column: Column, nan: str, problems: _Problems) -> None:
        kind = column.kind
        scale = self.target.indicator.scale
        if kind == "bool":
            rows = np.nonzero(self.present)[0]
            problems.add(rows, lambda row: _scalar_message(lambda: Result(bool(column.data[row]))),
                         type_error=True)  # fmt: skip
            return
        if kind == "float":
            self._read_floats(column, nan, problems)
        elif kind == "int":
            self._q = Q(np.where(self.present, column.data, 0), 1)
        elif kind == "decimal":
            self._q = Q(column.data, 10**column.scale)
        elif kind in ("text", "object", "exact"):
            self._read_objects(column, nan, problems)
            return
        self.kind = "float" if kind == "float" else "exact"
        if scale is not None:
            rows = np.nonzero(self.present)[0]
            problems.add(rows, self._judged_message(column))

    def _judged_message(self, column: Column) -> Callable[[int], str]:
        """The scalar message for row *row* of *column* judged on the target."""
        target, level = self.target, self.level

        def explain(row: int) -> str:
            value = _item(column, row)
            if column.kind == "decimal":
                value = Fraction(int(value), 10**column.scale)
            return _scalar_message(lambda: _judge_one(target, value, None, level))

        return explain

    def _read_floats(self, column: Column, nan: str, problems: _Problems) -> None:
        values = column.data
        nans, bad = _float_problems(values, column.valid)
        if nans.size:
            if nan == "missing":
                self.present[nans] = False
            else:
                problems.add(nans, _nan_message)
        if bad.size:
            problems.add(bad, lambda row: _scalar_message(lambda: Result(float(values[row]))))
        self.floats = values
        self.kind = "float"

    def _read_objects(self, column: Column, nan: str, problems: _Problems) -> None:
        """Text, mixed Python objects, or wide exact numbers: numbers and levels.

        The rows are sorted by what they hold, and each kind is read as a
        column of its own: floats as floats, ints as ints, text through the
        plain-number pattern; only what is left (text that is no plain
        number, Decimals, Fractions, anything else) is read one by one, as
        ``Result(value)`` reads it.
        """
        rows = np.nonzero(self.present)[0]
        parts: list[tuple[_Array, Q]] = []
        numbers: dict[int, Exact] = {}
        if column.kind == "text":
            text_rows, others = rows, rows[:0]
        else:
            data = column.data
            sorts = map(_SORTS.get, map(type, data[rows]), itertools.repeat(0))
            kinds = np.fromiter(sorts, np.int8, len(rows))
            floats, ints, texts, decimals = kinds == 1, kinds == 2, kinds == 3, kinds == 4
            text_rows = rows[texts]
            self._object_floats(data, rows[floats], nan, problems, parts)
            self._object_ints(data, rows[ints], problems, parts)
            slow = _object_decimals(data, rows[decimals], parts)
            others = np.sort(np.concatenate([rows[~(floats | ints | texts | decimals)], slow]))
        fast_rows, fast_q, rest, surely_levels = _plain_numbers(column, text_rows)
        if fast_q is not None:
            parts.append((fast_rows, fast_q))
        level_rows: list[int] = surely_levels.tolist()
        for row in rest.tolist():
            item = _item(column, row)
            if looks_numeric(item):
                try:
                    numbers[row] = exact(item.strip(), argument="Result(value)",
                                         error=InvalidResultError,
                                         type_error=InvalidResultTypeError)  # fmt: skip
                except ResolmetricsError as exc:
                    problems.add(np.array([row]), _fixed(_in_a_column(exc)))
            else:
                level_rows.append(row)
        for row in others.tolist():
            try:
                value = Result(_item(column, row)).value
            except ResolmetricsError as exc:
                problems.add(
                    np.array([row]),
                    _fixed(_in_a_column(exc)),
                    type_error=isinstance(exc, TypeError),
                )
                continue
            if isinstance(value, str):
                level_rows.append(row)
            else:
                numbers[row] = value
        if numbers:
            slow_rows = np.array(list(numbers), dtype=np.int64)
            parts.append((slow_rows, Q.from_exact(list(numbers.values()))))
        levels = np.array(sorted(level_rows), dtype=np.int64)
        if self.target.indicator.scale is not None:
            number_rows = np.concatenate([r for r, _ in parts]) if parts else levels[:0]
            problems.add(np.sort(number_rows), self._judged_message(column))
            self._read_levels(levels, problems, column)
            return
        problems.add(levels, self._judged_message(column))
        self.kind = "exact"
        self._q = _assemble(self.size, parts)

    def _object_floats(
        self, data: _Array, rows: _Array, nan: str, problems: _Problems,
        parts: list[tuple[_Array, Q]],
    ) -> None:  # fmt: skip
        if rows.size == 0:
            return
        values = data[rows].astype(np.float64)
        nans, bad = _float_problems(values, None)
        if nans.size:
            if nan == "missing":
                self.present[rows[nans]] = False
            else:
                problems.add(rows[nans], _nan_message)
        if bad.size:
            problems.add(rows[bad], lambda row: _scalar_message(lambda: Result(float(data[row]))))
        good = np.ones(len(rows), dtype=bool)
        good[nans] = False
        good[bad] = False
        parts.append((rows[good], floats_to_q(values[good])))

    def _object_ints(
        self, data: _Array, rows: _Array, problems: _Problems, parts: list[tuple[_Array, Q]]
    ) -> None:
        if rows.size == 0:
            return
        values = data[rows]
        if magnitude(values) < 10**MAX_EXPONENT:  # exact() reads ints up to 1e100
            parts.append((rows, Q(_ints(values.astype(object)), 1)))
            return
        fits = np.array([abs(int(v)) < 10**MAX_EXPONENT for v in values.tolist()])
        problems.add(rows[~fits], lambda row: _scalar_message(lambda: Result(int(data[row]))))
        parts.append((rows[fits], Q(_ints(values[fits].astype(object)), 1)))

    def _read_levels(self, rows: _Array, problems: _Problems, column: Column) -> None:
        scale = self.target.indicator.scale
        assert scale is not None
        words = column.take(rows)
        self.level_text = _Texts(words, rows)
        ranks = np.full(self.size, -1, dtype=np.int64)
        if rows.size:
            codes, distinct = factorize(words)
            known = np.empty(len(distinct), dtype=np.int64)
            for index, word in enumerate(distinct):
                known[index] = scale._index.get(" ".join(str(word).split()).casefold(), -1)
            found = known[codes]
            ranks[rows] = found
            problems.add(rows[found < 0], self._judged_message(column))
        self.ranks = ranks
        self.kind = "level"

    def _read_units(self, unit: Column | str | None, problems: _Problems) -> None:
        """The unit of every row, and the exact factor from each into the judged unit."""
        indicator = self.target.indicator
        self.unit_rows: _Array | None = None  # index into unit_names, per row; None: one unit
        # a result with no unit (or the unit "count") is in the indicator's unit, as in Result
        if unit is None or isinstance(unit, str):
            given = None
            if unit is not None:
                try:
                    given = _units.canonical(
                        unit, argument="unit", type_error=InvalidResultTypeError
                    )
                except UnitError as exc:
                    raise UnitError(f"indicator {self.target.key!r}: {exc}") from None
            self.unit_names: tuple[str | None, ...] = (indicator.unit if given is None else given,)
        else:
            codes, distinct = factorize(unit)
            names: list[str | None] = []
            for index, text in enumerate(distinct):
                try:
                    names.append(_units.canonical(str(text), argument="Result(unit)",
                                                  type_error=InvalidResultTypeError))  # fmt: skip
                except ResolmetricsError as exc:
                    message = str(exc)
                    problems.add(np.nonzero((codes == index) & self.present)[0], _fixed(message))
                    names.append(indicator.unit)
            # a row with no unit is in the indicator's unit
            null = codes < 0
            if null.any():
                codes = np.where(null, len(names), codes)
                names.append(indicator.unit)
            self.unit_names = tuple(indicator.unit if n is None else n for n in names)
            self.unit_rows = codes.astype(np.int16)
        if self.kind == "level":
            named = [i for i, name in enumerate(self.unit_names) if name is not None]
            if named:  # a rating takes no unit
                target, texts, given_units = self.target, self.level_text, self.unit_names

                def explain(row: int) -> str:
                    unit = given_units[self._unit_of(row)]
                    return _scalar_message(
                        lambda: _judge_one(target, texts[row], unit, self.level)
                    )

                problems.add(self._rows_of(*named), explain)
            self.factors: tuple[Fraction, ...] = (Fraction(1),) * len(self.unit_names)
            return
        factors = []
        for index, name in enumerate(self.unit_names):
            try:
                factors.append(Fraction(_units.factor(name, self.to_unit)))
            except UnitError:
                problems.add(self._rows_of(index), self._unit_message(name))
                factors.append(Fraction(1))
        self.factors = tuple(factors)

    def _unit_of(self, row: int) -> int:
        return 0 if self.unit_rows is None else int(self.unit_rows[row])

    def _rows_of(self, *units: int) -> _Array:
        """The rows with a value in one of the units numbered *units*."""
        if self.unit_rows is None:
            return np.nonzero(self.present)[0] if 0 in units else np.zeros(0, dtype=np.int64)
        return np.nonzero(np.isin(self.unit_rows, units) & self.present)[0]

    def _unit_message(self, unit: str | None) -> Callable[[int], str]:
        """The scalar message for a number in *unit*, which the judged unit cannot take."""
        return lambda row: _scalar_message(lambda: _judge_one(self.target, 1, unit, self.level))

    def _check_limits(self, problems: _Problems, sound: _Array) -> None:
        indicator = self.target.indicator
        if indicator.limits is None or self.kind == "level":
            return
        if self._q is None and self.floats is None:
            return  # nothing could be read (booleans): the problems say why
        lo, hi = indicator.limits
        to_indicator = Fraction(_units.factor(self.to_unit, indicator.unit))
        outside = np.zeros(self.size, dtype=bool)
        if lo is not None:
            greater, equal = self.compare(Fraction(lo) / to_indicator)
            outside |= ~(greater | equal)
        if hi is not None:
            greater, _ = self.compare(Fraction(hi) / to_indicator)
            outside |= greater
        outside &= self.present & sound
        if outside.any():
            names = self.unit_names

            def explain(row: int) -> str:
                value = self._raw_value(row)
                return _scalar_message(
                    lambda: _judge_one(self.target, value, names[self._unit_of(row)], self.level)
                )

            problems.add(np.nonzero(outside)[0], explain)

    def _raw_value(self, row: int) -> object:
        if self.kind == "float":
            assert self.floats is not None
            return float(self.floats[row])
        assert self._q is not None
        return self._q.exact(row)

    # ------------------------------------------------------------------ judging

    def compare(self, bound: Fraction) -> tuple[_Array, _Array]:
        """(value > bound, value == bound) per row, *bound* in the judged unit; exact."""
        if self.kind == "level":
            assert self.ranks is not None
            floor = bound.numerator // bound.denominator
            greater = self.ranks > floor
            if bound.denominator != 1:
                return greater, np.zeros(self.size, dtype=bool)
            return greater, self.ranks == floor
        if self.unit_rows is None:
            return self._compare_in(bound / self.factors[0], None)
        greater = np.zeros(self.size, dtype=bool)
        equal = np.zeros(self.size, dtype=bool)
        for index, factor in enumerate(self.factors):
            rows = np.nonzero(self.unit_rows == index)[0]
            if rows.size:
                g, e = self._compare_in(bound / factor, rows)
                greater[rows] = g
                equal[rows] = e
        return greater, equal

    def _compare_in(self, bound: Fraction, rows: _Array | None) -> tuple[_Array, _Array]:
        if self.kind == "float":
            assert self.floats is not None
            values = self.floats if rows is None else self.floats[rows]
            nearest, side = float_threshold(bound)
            greater = values >= nearest if side > 0 else values > nearest
            equal = values == nearest if side == 0 else np.zeros(len(values), dtype=bool)
            return greater, equal
        assert self._q is not None
        q = self._q if rows is None else self._q.take(rows)
        return q.threshold(bound)

    def exact(self) -> Q:
        """The values in the judged unit, exactly (0 on rows without a value)."""
        if self.kind == "level":
            assert self.ranks is not None
            return Q(self.ranks, 1)
        if self._q is None:
            assert self.floats is not None
            floats = np.where(self.present, self.floats, 0.0)
            self._q = floats_to_q(floats)
        q = self._q
        if self.unit_rows is None:
            factor = self.factors[0]
            return q if factor == 1 else q.scale(factor)
        den = math.lcm(*(factor.denominator for factor in self.factors))
        multipliers = np.empty(len(self.factors), dtype=object)
        multipliers[:] = [f.numerator * (den // f.denominator) for f in self.factors]
        scaled = product(q.num, _ints(multipliers[self.unit_rows]))
        over = product(q.den, den)
        assert not isinstance(scaled, int)
        return Q(scaled, over)

    def codes(self, target: Target, strict: int) -> _Array:
        """The status code of every row judged alone against *target* (NO_DATA where empty)."""
        if self.kind == "float" and self.unit_rows is None:
            assert self.floats is not None
            factor = self.factors[0]
            lo = float_threshold(Fraction(target.lo) / factor)
            hi = float_threshold(Fraction(target.hi) / factor)
            codes = float_codes(self.floats, target.kind, target.sign, lo, hi, strict)
        else:
            lo_gt, lo_eq = self.compare(Fraction(target.lo))
            hi_gt, hi_eq = (lo_gt, lo_eq) if target.hi == target.lo else self.compare(
                Fraction(target.hi))  # fmt: skip
            codes = codes_from_masks(target.kind, target.sign, lo_gt, lo_eq, hi_gt, hi_eq, strict)
        if not self.present.all():
            codes[~self.present] = NO_DATA
        return codes


def _judge_one(target: Target, value: object, unit: str | None, level: bool) -> object:
    """Judge one value as evaluate() does (a yearly level where *level*), for its message."""
    from resolmetrics.evaluate import judged_value

    return judged_value(target, Result(value, unit), level=level)


def _fixed(message: str) -> Callable[[int], str]:
    return lambda row: message


def _nan_message(row: int) -> str:
    return (
        "NaN is not a number; a missing result is a null (None, NA), or pass nan='missing' "
        "if NaN marks missing data in this column"
    )


_SORTS: dict[type, int] = {float: 1, np.float64: 1, int: 2, str: 3, Decimal: 4}
"""How _read_objects sorts a column's Python objects: floats, ints, text, Decimals, the rest
(0)."""


def _object_decimals(data: _Array, rows: _Array, parts: list[tuple[_Array, Q]]) -> _Array:
    """Decimal objects read at once through Arrow's decimal128, when they fit it; the rows
    left to read one by one (all of them, if one does not fit or is not finite)."""
    if rows.size == 0:
        return rows
    try:
        import pyarrow as pa

        decimals = pa.array(data[rows].tolist())
    except (ImportError, ArithmeticError, ValueError, TypeError, OverflowError):
        return rows
    from ._columns import _from_decimal

    if not pa.types.is_decimal(decimals.type) or decimals.null_count:
        return rows
    read = _from_decimal(decimals, "value", None)
    if read.kind != "decimal":
        return rows
    parts.append((rows, Q(read.data, 10**read.scale)))
    return rows[:0]


def _assemble(size: int, parts: list[tuple[_Array, Q]]) -> Q:
    """One Q over every row from the parts read each its own way (rows, values)."""
    if not parts:
        return Q(np.zeros(size, dtype=np.int64), 1)
    den = math.lcm(*(int(q.den) for _, q in parts))
    if len(parts) == 1 and parts[0][1].den == den and parts[0][1].num.dtype != object:
        num = np.zeros(size, dtype=np.int64)
        num[parts[0][0]] = parts[0][1].num
        return Q(num, den)
    num = np.zeros(size, dtype=object)
    for rows, q in parts:
        num[rows] = np.asarray(product(q.num, den // int(q.den)), dtype=object)
    return Q(_ints(num), den)


_WORDS = (
    r"(?i)^\s*[+-]?(?:s?nan|inf|infinity)\s*$"  # non-finite numbers, as looks_numeric reads them
)


def _item(column: Column, row: int) -> Any:
    """One row's value, without turning a whole Arrow column into Python objects."""
    if column.arrow is not None:
        return column.arrow[row].as_py()
    return column.data[row]


class _Texts:
    """The text of each level row, by row number, read when a message needs it."""

    def __init__(self, words: Column, rows: _Array) -> None:
        self.words = words
        self.rows = rows

    def __getitem__(self, row: int) -> str:
        at = int(np.searchsorted(self.rows, row))
        return str(_item(self.words, at))


def _plain_numbers(column: Column, rows: _Array) -> tuple[_Array, Q | None, _Array, _Array]:
    """Text rows of *data* sorted out at once: (plain decimals, their values, rows to read
    one by one, rows that are surely rating levels).

    A plain decimal ("93.1", "-4") is converted in Arrow's compute kernels;
    a text with no numeric character at all, and no word such as "nan",
    is no number (see :func:`resolmetrics.numbers.looks_numeric`), so it is
    a level. Without pyarrow, every row is read one by one.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return rows[:0], None, rows, rows[:0]
    if rows.size == 0:
        return rows, None, rows, rows
    if column.arrow is not None:
        text = column.arrow.take(pa.array(rows))
        if not pa.types.is_string(text.type):
            text = text.cast(pa.string())
    else:
        text = pa.array(column.data[rows], type=pa.string())
    text = pc.utf8_trim_whitespace(text)
    plain = pc.match_substring_regex(text, _PLAIN).to_numpy(zero_copy_only=False)
    numeric = pc.match_substring_regex(text, r"\p{N}").to_numpy(zero_copy_only=False)
    numeric |= pc.match_substring_regex(text, _WORDS).to_numpy(zero_copy_only=False)
    levels = rows[~numeric]
    chosen = pc.filter(text, pa.array(plain))
    if len(chosen) == 0:
        return rows[:0], None, rows[numeric], levels
    length = pc.utf8_length(chosen).to_numpy(zero_copy_only=False).astype(np.int64)
    dot = pc.find_substring(chosen, ".").to_numpy(zero_copy_only=False).astype(np.int64)
    places = np.where(dot >= 0, length - dot - 1, 0)
    signed = pc.starts_with(chosen, "-").to_numpy(zero_copy_only=False) | pc.starts_with(
        chosen, "+").to_numpy(zero_copy_only=False)  # fmt: skip
    whole = np.where(dot >= 0, dot, length) - signed
    scale = int(places.max())
    if int((whole + scale).max()) > 18:  # may not fit in int64: the slow way, exactly
        return rows[:0], None, rows[numeric], levels
    decimals = pc.cast(chosen, pa.decimal128(38, scale))
    words = np.frombuffer(decimals.buffers()[1], dtype=np.int64)[: 2 * len(decimals)]
    return rows[plain], Q(words[0::2].copy(), 10**scale), rows[numeric & ~plain], levels


# --------------------------------------------------------------------------- float kernels

_HUGE = np.uint64(np.array(1e101).view(np.uint64) << np.uint64(1))
_TINY = np.uint64(np.array(1e-100).view(np.uint64) << np.uint64(1))
_ONE = np.uint64(1)


def _float_problems(values: _Array, valid: _Array | None) -> tuple[_Array, _Array]:
    """(rows holding NaN, rows that are infinite or out of range), among *valid* rows.

    A float is in range when its shortest repr is zero or between 1e-100
    and 1e100 (as :func:`resolmetrics.numbers.exact` requires): on the
    magnitude's bits shifted left by one (which drops the sign and keeps
    the order), that is ``bits == 0`` or ``TINY <= bits < HUGE``; NaN and
    the infinities lie above HUGE.
    """
    bits = values.view(np.uint64)
    found: list[_Array] = []
    shifted = np.empty(min(_CHUNK, len(values)), dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):
        stop = min(start + _CHUNK, len(values))
        part = shifted[: stop - start]
        np.left_shift(bits[start:stop], _ONE, out=part)
        if valid is not None:
            part[~valid[start:stop]] = 0
        top = part.max()
        np.subtract(part, _ONE, out=part)  # 0 wraps to the largest: never "tiny"
        if top >= _HUGE or part.min() < _TINY - _ONE:
            np.add(part, _ONE, out=part)
            bad = (part >= _HUGE) | ((part > 0) & (part < _TINY))
            found.append(np.nonzero(bad)[0] + start)
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    rows = np.concatenate(found)
    nan = np.isnan(values[rows])
    return rows[nan], rows[~nan]


def _greater(values: _Array, threshold: tuple[float, int], out: _Array) -> _Array:
    nearest, side = threshold
    if side > 0:
        return np.greater_equal(values, nearest, out=out)
    return np.greater(values, nearest, out=out)


def _at_least(values: _Array, threshold: tuple[float, int], out: _Array) -> _Array:
    nearest, side = threshold
    if side < 0:
        return np.greater(values, nearest, out=out)
    return np.greater_equal(values, nearest, out=out)


def float_codes(
    values: _Array,
    kind: Kind,
    sign: int,
    lo: tuple[float, int],
    hi: tuple[float, int],
    strict: int,
) -> _Array:
    """The status code of every float against a rule, chunk by chunk; exact (see float_threshold).

    ``lo`` and ``hi`` are the bounds' thresholds in the values' unit;
    *strict* is the code of a met strict bound.
    """
    size = len(values)
    codes = np.empty(size, dtype=np.int8)
    a = np.empty(min(_CHUNK, size), dtype=bool)
    b = np.empty(min(_CHUNK, size), dtype=bool)
    for start in range(0, size, _CHUNK):
        stop = min(start + _CHUNK, size)
        part = values[start:stop]
        out = codes[start:stop]
        first, second = a[: stop - start], b[: stop - start]
        if kind is Kind.AT_LEAST:  # 2 - (v >= lo) - (v > lo)
            _at_least(part, lo, first)
            _greater(part, lo, second)
            np.subtract(NOT, first.view(np.int8), out=out)
            np.subtract(out, second.view(np.int8), out=out)
        elif kind is Kind.AT_MOST:  # 2 - (v <= lo) - (v < lo)
            _greater(part, lo, first)
            _at_least(part, lo, second)
            np.add(first.view(np.int8), second.view(np.int8), out=out)  # 0, 1 or 2: = code
        elif kind is Kind.ABOVE:
            _greater(part, lo, first)
            np.multiply(first.view(np.int8), strict - NOT, out=out)
            np.add(out, NOT, out=out)
        elif kind is Kind.BELOW:
            _at_least(part, lo, first)  # not met where v >= lo
            np.multiply(first.view(np.int8), NOT - strict, out=out)
            np.add(out, strict, out=out)
        elif kind is Kind.EXACTLY:
            nearest, side = lo
            if side == 0:
                np.equal(part, nearest, out=first)
            else:
                first[:] = False
            np.subtract(NOT, first.view(np.int8), out=out)
        else:  # between: below lo, above hi
            _at_least(part, lo, first)
            np.logical_not(first, out=first)
            _greater(part, hi, second)
            if sign > 0:  # 1 + below - above
                np.subtract(first.view(np.int8), second.view(np.int8), out=out)
                np.add(out, ACHIEVED, out=out)
            elif sign < 0:  # 1 + above - below
                np.subtract(second.view(np.int8), first.view(np.int8), out=out)
                np.add(out, ACHIEVED, out=out)
            else:
                np.logical_or(first, second, out=first)
                np.add(first.view(np.int8), ACHIEVED, out=out)
    return codes


def codes_from_masks(
    kind: Kind,
    sign: int,
    lo_greater: _Array,
    lo_equal: _Array,
    hi_greater: _Array,
    hi_equal: _Array,
    strict: int,
) -> _Array:
    """Status codes from exact comparisons with the bounds (value > bound, value == bound)."""
    i8 = np.int8
    if kind is Kind.AT_LEAST:
        return (NOT - (lo_greater | lo_equal).astype(i8) - lo_greater.astype(i8)).astype(i8)
    if kind is Kind.AT_MOST:
        return (lo_greater.astype(i8) + (lo_greater | lo_equal).astype(i8)).astype(i8)
    if kind is Kind.ABOVE:
        return np.where(lo_greater, strict, NOT).astype(i8)
    if kind is Kind.BELOW:
        return np.where(lo_greater | lo_equal, NOT, strict).astype(i8)
    if kind is Kind.EXACTLY:
        return np.where(lo_equal, ACHIEVED, NOT).astype(i8)
    below = ~(lo_greater | lo_equal)
    above = hi_greater
    if sign > 0:
        return (ACHIEVED + below.astype(i8) - above.astype(i8)).astype(i8)
    if sign < 0:
        return (ACHIEVED + above.astype(i8) - below.astype(i8)).astype(i8)
    return (ACHIEVED + (below | above).astype(i8)).astype(i8)


def float_growth_fits(target: Target) -> bool:
    """True when :func:`float_growth_codes` can judge *target*'s growth bounds: their
    cross-multipliers are whole numbers float64 holds exactly."""
    bounds = (Fraction(target.lo), Fraction(target.hi))
    return all(100 * b.denominator + abs(b.numerator) < 2**53 for b in bounds)


def float_growth_codes(target: Target, current: _Array, previous: _Array, strict: int) -> _Array:
    """The status of each growth rate from a positive float level *previous* to *current*,
    exactly: for a bound ``r = a / b``, the rate is above r exactly when
    ``100 b current > (100 b + a) previous`` (see ``cross_compare``)."""
    masks = []
    for bound in (Fraction(target.lo), Fraction(target.hi)):
        left, right = 100 * bound.denominator, 100 * bound.denominator + bound.numerator
        masks.append(cross_compare(current, previous, left, right))
    (lo_gt, lo_eq), (hi_gt, hi_eq) = masks
    return codes_from_masks(target.kind, target.sign, lo_gt, lo_eq, hi_gt, hi_eq, strict)


def strict_code(status: Status) -> int:
    """The code a met strict bound gets under a policy's ``strict_met``."""
    return int(CODES[status])
