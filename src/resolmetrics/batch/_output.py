"""What the columnar engine gives back: a status code per verdict, exact figures on demand."""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from resolmetrics.errors import InvalidArgumentError, InvalidArgumentTypeError, require
from resolmetrics.numbers import Exact, as_text
from resolmetrics.policy import Policy
from resolmetrics.results import Result
from resolmetrics.rules import Kind
from resolmetrics.targets import Target
from resolmetrics.verdicts import Status, Verdict

from ._engine import Deferred, Input, Judged, Measured, margins_of
from ._rational import Q, _ints, magnitude, product
from ._values import _item

if TYPE_CHECKING:
    import pandas

__all__ = ["STATUSES", "ExactColumn", "Verdicts"]

_Array = np.ndarray[Any, Any]

STATUSES: tuple[Status, ...] = tuple(Status)
"""The status of each code: ``STATUSES[code]``. 0 exceeded, 1 achieved, 2 not achieved,
3 in progress, 4 no data (the order of :class:`~resolmetrics.Status`)."""

_ROUNDINGS = (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN)
_DECIMAL128_DIGITS = 38


class ExactColumn:
    """A column of exact numbers, one per verdict, None where a verdict has none.

    ``column[i]`` is what the verdict of row *i* holds (a Decimal, a
    Fraction, a level code for a rated indicator, or None), exactly as
    :func:`~resolmetrics.evaluate` gives it. The numbers are kept as
    integer numerators and denominators (:attr:`numerator`,
    :attr:`denominator`), never as floats. Reading them out:

    - :meth:`to_list`: exact Decimal and Fraction objects;
    - :meth:`scaled`: int64 mantissas over one power of ten, when every
      number is a decimal that fits; ``(mantissas, scale)``;
    - :meth:`to_arrow`: an Arrow ``decimal128`` column, exact when every
      number is such a decimal, else rounded to ``places`` decimals (only
      when asked: it is display rounding);
    - :meth:`to_numpy`: exact objects, or floats with ``dtype=float``.
    """

    def __init__(
        self,
        values: Q,
        present: _Array,
        *,
        levels: tuple[str, ...] | None = None,
        unit: str | None = None,
        name: str = "",
    ) -> None:
        self._q = values
        self.present = present
        """True where the verdict has this figure."""
        self.levels = levels
        self.unit = unit
        """The unit of the numbers (percent for the rate of a growth target)."""
        self.name = name

    def __len__(self) -> int:
        return len(self.present)

    def __repr__(self) -> str:
        shown = [repr(self[i]) for i in range(min(len(self), 5))]
        more = ", ..." if len(self) > 5 else ""
        return f"ExactColumn({self.name!r}, [{', '.join(shown)}{more}], rows={len(self)})"

    def __getitem__(self, row: int) -> Exact | str | None:
        if not isinstance(row, int | np.integer):
            raise InvalidArgumentTypeError(
                f"ExactColumn[{row!r}]: give a row number; to_list() gives every row"
            )
        row = int(row)
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(f"row {row} of an ExactColumn of {len(self)} rows")
        if not self.present[row]:
            return None
        if self.levels is not None:
            return self.levels[int(self._q.num[row])]
        return self._q.exact(row)

    def __iter__(self) -> Iterator[Exact | str | None]:
        return iter(self.to_list())

    @property
    def numerator(self) -> _Array:
        """Each row's numerator (int64, or Python ints where one is too wide); 0 where None."""
        return np.where(self.present, self._q.num, 0)

    @property
    def denominator(self) -> _Array:
        """Each row's positive denominator (1 where None)."""
        return np.where(self.present, self._q.den_array(), 1)

    def to_list(self) -> list[Exact | str | None]:
        """Every row, exactly (a Python object per row: for checking, not for speed)."""
        if self.levels is not None:
            levels = self.levels
            return [levels[int(r)] if p else None for r, p in
                    zip(self._q.num.tolist(), self.present.tolist(), strict=True)]  # fmt: skip
        exacts = self._q.exacts()
        return [value if shown else None for value, shown in
                zip(exacts, self.present.tolist(), strict=True)]  # fmt: skip

    def to_numpy(self, dtype: object = object) -> _Array:
        """Exact objects (``dtype=object``, None where absent), or floats with ``dtype=float``
        (NaN where absent; for plots, never for judging)."""
        if dtype is object:
            column = np.empty(len(self), dtype=object)
            column[:] = self.to_list()
            return column
        if dtype in (float, np.float64, "float", "float64"):
            if self.levels is not None:
                raise InvalidArgumentError(
                    f"{self.name or 'the column'} holds rating levels: they have no float; "
                    "use to_numpy() for the level codes"
                )
            floats = self._q.floats()
            return np.where(self.present, floats, np.nan)
        raise InvalidArgumentError(
            f"ExactColumn.to_numpy(dtype={dtype!r}): use object (exact) or float"
        )

    def scaled(self) -> tuple[_Array, int] | None:
        """(int64 mantissas, scale) with ``value = mantissa / 10**scale`` exactly, or None when
        some number is not a finite decimal or does not fit in int64 that way."""
        found = _decimal(self._q, self.present)
        if found is None:
            return None
        mantissas, scale = found
        mantissas = _ints(mantissas)
        if mantissas.dtype == object:
            return None
        return mantissas, scale

    def to_arrow(self, *, places: int | None = None, rounding: str = decimal.ROUND_HALF_UP) -> Any:
        """An Arrow array: ``decimal128`` for numbers, strings for levels (nulls where None).

        Without *places*, exact: every number must be a decimal of at most
        38 digits. With *places*, every number is rounded to that many
        decimals (half up by default, or ``ROUND_HALF_EVEN``/``ROUND_DOWN``):
        display rounding, never used to judge.
        """
        pa = require("pyarrow", "batch", "ExactColumn.to_arrow()")
        mask = ~self.present
        if self.levels is not None:
            return pa.array(self.to_list(), type=pa.string())
        found = None if places is not None else _decimal(self._q, self.present)
        if found is not None and _digits(found[0]) <= _DECIMAL128_DIGITS:
            mantissas, scale = found
        elif places is None:
            raise InvalidArgumentError(
                f"{self.name or 'the column'} holds numbers that are not decimals of at most "
                f"38 digits (such as {_example(self)}); give places=N to round them for display, "
                "or use to_list() for the exact values"
            )
        else:
            mantissas, scale = _rounded(self._q, places, rounding), places
        precision = max(_digits(mantissas), scale, 1)
        if precision > _DECIMAL128_DIGITS:
            raise InvalidArgumentError(
                f"{self.name or 'the column'}: some numbers need {precision} digits, more than "
                "decimal128 holds (38); use fewer places, or to_list() for the exact values"
            )
        return _decimal_array(pa, np.where(mask, 0, mantissas), scale, precision, mask)

    def to_pandas(self, *, exact: bool = True) -> pandas.Series[Any]:
        """A pandas Series of exact objects, or of floats with ``exact=False``."""
        pd = require("pandas", "pandas", "ExactColumn.to_pandas()")
        data = self.to_numpy() if exact or self.levels is not None else self.to_numpy(float)
        return pd.Series(data, name=self.name or None)  # type: ignore[no-any-return]


def _example(column: ExactColumn) -> str:
    """A number of *column* that is no finite decimal, for a message."""
    finite, _, _ = _decimal_rows(column._q, column.present)
    rows = np.nonzero(column.present & ~finite)[0]
    return repr(column[int(rows[0])]) if rows.size else "a very long decimal"


def _digits(mantissas: _Array) -> int:
    return len(str(magnitude(mantissas))) if len(mantissas) else 1


def _decimal(values: Q, present: _Array) -> tuple[_Array, int] | None:
    """(mantissas, scale) of the rows as decimals over one power of ten, or None."""
    decimal, mantissas, scale = _decimal_rows(values, present)
    if not decimal.all():
        return None
    return mantissas, scale


def _decimal_rows(values: Q, present: _Array) -> tuple[_Array, _Array, int]:
    """Which rows are finite decimals, their mantissas over one power of ten (0 for the
    others), and that power: (decimal, mantissas, scale). Rows not present count as 0."""
    num = np.where(present, values.num, 0)
    den = np.where(present, values.den_array(), 1)
    common = np.gcd(num, den) if num.dtype != object and den.dtype != object else np.array(
        [math.gcd(int(n), int(d)) for n, d in zip(num.tolist(), den.tolist(), strict=True)],
        dtype=object)  # fmt: skip
    common = np.where(common == 0, 1, common)
    num, den = _ints(num // common), _ints(den // common)
    rest = den.copy()
    twos = np.zeros(len(den), dtype=np.int64)
    fives = np.zeros(len(den), dtype=np.int64)
    for prime, count in ((2, twos), (5, fives)):
        while True:
            divisible = (rest % prime == 0) & (rest > 1)
            if not divisible.any():
                break
            rest = np.where(divisible, rest // prime, rest)
            count += divisible
    decimal = np.asarray(rest == 1)
    places = np.where(decimal, np.maximum(twos, fives), 0)
    scale = int(places.max()) if len(places) else 0
    num, den = np.where(decimal, num, 0), np.where(decimal, den, 1)
    if scale == 0:
        return decimal, _ints(np.asarray(num)), 0
    shift = 10**scale // np.asarray(den, dtype=object)
    return decimal, _ints(np.asarray(num, dtype=object) * shift), scale


def decimal_texts(pa: Any, column: ExactColumn, places: int) -> Any:
    """An exact column as Arrow text: a finite decimal exactly ("93.1", as ``as_text`` writes
    it), a fraction that is no finite decimal rounded to *places* decimals; no Python
    object a row where the numbers fit int64."""
    import pyarrow.compute as pc

    finite, exact, scale = _decimal_rows(column._q, column.present)
    texts = _plain_texts(pa, exact, scale, column.present)
    if not finite[column.present].all():
        rounded = _rounded(column._q, places, decimal.ROUND_HALF_UP)
        texts = pc.if_else(pa.array(finite), texts, _plain_texts(pa, rounded, places,
                                                                   column.present))  # fmt: skip
    return texts


def _plain_texts(pa: Any, mantissas: _Array, scale: int, present: _Array) -> Any:
    """Mantissas over 10**scale as text without trailing zeros: "93.1", "-4", "0"."""
    import pyarrow.compute as pc

    mask = ~present
    if mantissas.dtype == object or _digits(mantissas) + scale > _DECIMAL128_DIGITS:
        return pa.array([None if hidden else as_text(Decimal(int(m)).scaleb(-scale))
                         for m, hidden in zip(mantissas.tolist(), mask.tolist(), strict=True)],
                        type=pa.string())  # fmt: skip
    precision = max(_digits(mantissas), scale, 1)
    decimals = _decimal_array(pa, np.where(mask, 0, mantissas), scale, precision, mask)
    text = pc.cast(decimals, pa.string())
    if scale:
        text = pc.replace_substring_regex(text, r"(\.\d*?)0+$", r"\1")
        text = pc.replace_substring_regex(text, r"\.$", "")
    return text


def _rounded(values: Q, places: int, rounding: str) -> _Array:
    """Mantissas of the rows rounded to *places* decimals (display only)."""
    if rounding not in _ROUNDINGS:
        raise InvalidArgumentError(
            f"rounding={rounding!r} is not supported; use ROUND_HALF_UP, ROUND_HALF_EVEN or "
            "ROUND_DOWN"
        )
    num = product(values.num, 10**places)  # int64 while it fits, Python ints beyond
    den = values.den_array()
    if isinstance(num, int) or num.dtype == object or den.dtype == object:
        num, den = np.asarray(num, dtype=object), np.asarray(den, dtype=object)
    negative = num < 0
    size = np.abs(num)
    whole = size // den
    rest = size - whole * den
    twice = 2 * rest
    if rounding == decimal.ROUND_HALF_UP:
        whole = whole + (twice >= den)
    elif rounding == decimal.ROUND_HALF_EVEN:
        whole = whole + ((twice > den) | ((twice == den) & (whole % 2 == 1)))
    return _ints(np.where(negative, -whole, whole))


def _decimal_array(pa: Any, mantissas: _Array, scale: int, precision: int, mask: _Array) -> Any:
    """An Arrow decimal128 array from mantissas, without a Python object per row where they
    fit in int64."""
    kind = pa.decimal128(precision, scale)
    if mantissas.dtype != object:
        words = np.empty(2 * len(mantissas), dtype=np.int64)
        words[0::2] = mantissas
        words[1::2] = mantissas >> 63
        validity = None
        if mask.any():
            validity = pa.array(~mask).buffers()[1]
        return pa.Array.from_buffers(kind, len(mantissas), [validity, pa.py_buffer(words)])
    items = [
        None if hidden else Decimal(int(m)).scaleb(-scale)
        for m, hidden in zip(mantissas.tolist(), mask.tolist(), strict=True)
    ]
    return pa.array(items, type=kind)


# --------------------------------------------------------------------------- verdicts


class Verdicts:
    """The verdicts of one target over columns: one per row, or one per group.

    Made by :func:`resolmetrics.batch.evaluate`. ``codes`` holds an int8
    status code per verdict (``STATUSES[code]`` is its :class:`Status`);
    ``keys`` the values of the ``by`` columns of each group. The figures
    (``actual``, ``margin``, ``relative_margin``, ``attainment``) are
    :class:`ExactColumn` objects, computed exactly when first read; and
    :meth:`verdict` gives the full :class:`~resolmetrics.Verdict` of any
    row, as ``evaluate()`` makes it.
    """

    def __init__(
        self,
        target: Target,
        judged: Judged | Deferred,
        data: Input | Callable[[], Input],
        keys: Mapping[str, _Array],
        *,
        as_of: date | None,
        policy: Policy | None,
    ) -> None:
        self.target = target
        self.codes: _Array = judged.codes
        """The status code of each verdict, int8: see :data:`STATUSES`."""
        self.keys: Mapping[str, _Array] = MappingProxyType(dict(keys))
        """The value of each ``by`` column for each group (empty for verdicts per row)."""
        self.as_of = as_of
        self.policy = policy
        self._judged = judged
        self._data = data
        self._measured: Measured | None = None
        self._figures: dict[str, ExactColumn] = {}

    def __len__(self) -> int:
        return len(self.codes)

    def __repr__(self) -> str:
        counts = ", ".join(f"{s.value}={n}" for s, n in self.counts.items() if n)
        noun = "verdict" if len(self) == 1 else "verdicts"
        return f"<Verdicts of {self.target.key!r}: {len(self):,} {noun} ({counts})>"

    # statuses ------------------------------------------------------------

    @property
    def met(self) -> _Array:
        """True where the target is met (exceeded or achieved)."""
        return np.asarray(self.codes <= 1)

    def status(self, row: int) -> Status:
        """The status of the verdict of *row*."""
        return STATUSES[int(self.codes[row])]

    @property
    def counts(self) -> Mapping[Status, int]:
        """How many verdicts have each status (every status present, zeros included)."""
        found = np.bincount(self.codes.astype(np.int64), minlength=len(STATUSES))
        return MappingProxyType({s: int(n) for s, n in zip(STATUSES, found, strict=True)})

    def summary(self, lang: str = "en", *, noun: tuple[str, str, str] | None = None) -> str:
        """The verdicts in one sentence: "Met 58 of 71 units (...)"."""
        from resolmetrics.render import counts_summary

        if noun is None:
            noun = ("unit", "units", "đơn vị") if self.keys else ("row", "rows", "dòng")
        return counts_summary(self.counts, lang, noun=noun)

    # figures -------------------------------------------------------------

    def _measure(self) -> Measured:
        if self._measured is None:
            self._measured = self._judged.measure()
        return self._measured

    def _figure(self, name: str) -> ExactColumn:
        if name not in self._figures:
            self._figures[name] = self._make(name)
        return self._figures[name]

    def _make(self, name: str) -> ExactColumn:
        measured = self._measure()
        has = measured.has_actual
        unit = measured.unit
        if name == "actual":
            return ExactColumn(measured.actual, has, levels=measured.levels, unit=unit,
                               name=name)  # fmt: skip
        margin, reference = margins_of(measured)
        if name == "margin":
            return ExactColumn(margin, has, unit=None if measured.levels else unit, name=name)
        if measured.levels is not None:
            return ExactColumn(margin, np.zeros(len(has), dtype=bool), name=name)
        if name == "relative_margin":
            nonzero = reference.sign() != 0
            return ExactColumn(margin.divide(reference.absolute()), has & nonzero, name=name)
        # attainment: actual / bound where higher is better, bound / actual where lower
        sign, value = measured.sign, measured.actual
        bound = measured.lo if sign > 0 else measured.hi
        usable = has & (bound.sign() > 0) & (value.sign() > 0)
        if sign == 0 or measured.kind is Kind.EXACTLY:
            usable = np.zeros(len(has), dtype=bool)
        ratio = value.divide(bound) if sign > 0 else bound.divide(value)
        return ExactColumn(ratio, usable, name=name)

    @property
    def actual(self) -> ExactColumn:
        """The value each verdict judged, exactly, in its unit (a level code when rated)."""
        return self._figure("actual")

    @property
    def margin(self) -> ExactColumn:
        """The signed distance from the target, positive on the better side (see Verdict)."""
        return self._figure("margin")

    @property
    def relative_margin(self) -> ExactColumn:
        """``margin / |bound|``, exactly; None where the bound is zero or the rule rated."""
        return self._figure("relative_margin")

    @property
    def attainment(self) -> ExactColumn:
        """How much of the target is attained (above 1 is better), exactly; None where
        meaningless (see Verdict.attainment)."""
        return self._figure("attainment")

    @property
    def tally(self) -> tuple[_Array, _Array] | None:
        """(parts met, parts) per verdict for verdicts over units or years ("58 of 71 units");
        None when no verdict has parts."""
        return self._judged.tally()

    # one verdict ---------------------------------------------------------

    def results(self, row: int) -> list[Result]:
        """The results the verdict of *row* was judged on, as Result objects."""
        if not 0 <= row < len(self):
            raise IndexError(f"row {row} of {len(self)} verdicts")
        members = self._judged.members(row)
        data = self._data() if callable(self._data) else self._data
        return [_result(data, self._judged, int(m)) for m in members.tolist()
                if _present(data, int(m))]  # fmt: skip

    def verdict(self, row: int) -> Verdict:
        """The :class:`~resolmetrics.Verdict` of *row*, exactly as ``evaluate()`` makes it.

        It is made anew from the row's results (a Python object per result):
        for reading a few verdicts in full, not for all of them.
        """
        from resolmetrics.evaluate import evaluate

        row = int(row)
        if row < 0:
            row += len(self)
        return evaluate(self.target, self.results(row), as_of=self.as_of, policy=self.policy)

    # frames --------------------------------------------------------------

    def columns(self, *, places: int = 12) -> dict[str, Any]:
        """The verdicts as Arrow arrays, by column name (see :meth:`to_arrow`)."""
        pa = require("pyarrow", "batch", "Verdicts.to_arrow()")
        columns: dict[str, Any] = {}
        for name, values in self.keys.items():
            columns[name] = pa.array(values)
        columns["status"] = status_array(pa, self.codes)
        for name in ("actual", "margin"):
            figure = self._figure(name)
            exact = figure.levels is None and _decimal(figure._q, figure.present) is not None
            columns[name] = figure.to_arrow() if exact else figure.to_arrow(places=places)
        columns["unit"] = pa.array([self.actual.unit] * len(self), type=pa.string())
        for name in ("relative_margin", "attainment"):
            columns[name] = self._figure(name).to_arrow(places=places)
        tally = self.tally
        if tally is not None:
            columns["met"] = pa.array(tally[0])
            columns["parts"] = pa.array(tally[1])
        return columns

    def to_arrow(self, *, places: int = 12) -> Any:
        """An Arrow table: the ``by`` columns, ``status`` (dictionary-encoded), ``actual``,
        ``margin`` (exact decimal128 when they are decimals, else rounded to *places*),
        ``unit``, ``relative_margin`` and ``attainment`` (decimal128 rounded to *places*
        decimals, for display), and ``met``/``parts`` for verdicts over units or years."""
        pa = require("pyarrow", "batch", "Verdicts.to_arrow()")
        return pa.table(self.columns(places=places))

    def to_pandas(self, *, exact: bool = True) -> pandas.DataFrame:
        """A pandas DataFrame: ``status`` as a categorical of status values; figures as exact
        Decimal/Fraction objects, or floats with ``exact=False``."""
        pd = require("pandas", "pandas", "Verdicts.to_pandas()")
        frame: dict[str, Any] = dict(self.keys)
        frame["status"] = pd.Categorical.from_codes(
            self.codes, categories=[s.value for s in STATUSES]
        )
        for name in ("actual", "margin", "relative_margin", "attainment"):
            frame[name] = self._figure(name).to_pandas(exact=exact).to_numpy()
        frame["unit"] = self.actual.unit
        tally = self.tally
        if tally is not None:
            frame["met"], frame["parts"] = tally
        return pd.DataFrame(frame)  # type: ignore[no-any-return]

    def to_polars(self, *, places: int = 12) -> Any:
        """A polars DataFrame of :meth:`to_arrow`'s columns (status as an Enum)."""
        pl = require("polars", "polars", "Verdicts.to_polars()")
        frame = pl.from_arrow(self.to_arrow(places=places))
        return frame.with_columns(pl.col("status").cast(pl.Enum([s.value for s in STATUSES])))


def status_array(pa: Any, codes: _Array) -> Any:
    """Status codes as an Arrow dictionary array of the status values."""
    return pa.DictionaryArray.from_arrays(
        pa.array(codes.astype(np.int8)), pa.array([s.value for s in STATUSES])
    )


# --------------------------------------------------------------------------- results back


def _present(data: Input, row: int) -> bool:
    column = data.values
    if column.valid is not None and not column.valid[row]:
        return False
    item = _item(column, row)
    return not (isinstance(item, float | np.floating) and item != item)


def _result(data: Input, judged: Judged | Deferred, row: int) -> Result:
    """The Result of one row, as the scalar API would be given it."""
    column = data.values
    item: Any = _item(column, row)
    if column.kind == "decimal":
        item = Decimal(int(item)).scaleb(-column.scale)
    elif column.kind == "float":
        item = float(item)
    elif column.kind == "int":
        item = int(item)
    elif isinstance(item, np.generic):
        item = item.item()
    unit = data.unit
    if unit is not None and not isinstance(unit, str):
        given = unit.valid is None or unit.valid[row]
        unit = str(_item(unit, row)) if given else None
    period = None
    if judged.periods is not None and judged.periods[row] >= 0:
        period = int(judged.periods[row])
    entity = None
    if judged.entities is not None:
        codes, names = judged.entities
        if codes[row] >= 0:
            entity = names[int(codes[row])]
    return Result(item, unit, period=period, entity=entity)
