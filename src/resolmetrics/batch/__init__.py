"""Judge targets over columns of millions of results, exactly as :func:`resolmetrics.evaluate`.

Where :func:`resolmetrics.evaluate` judges a target on Result objects, this
module judges it on columns: numpy arrays, pandas Series and DataFrames,
Arrow arrays and tables, polars Series and DataFrames, or plain sequences.
The verdicts are the same, row for row (a property test checks it), and so
are the rules: a float is its shortest repr, decimals are compared as
scaled integers, growth by cross-multiplication, and a number too wide for
int64 is judged exactly in Python integers rather than approximately.

>>> import numpy as np
>>> import resolmetrics as rm
>>> from resolmetrics import batch
>>> share = rm.Indicator("org_good", unit="percent")
>>> verdicts = batch.evaluate(rm.Target(share, rm.at_least(90)), np.array([93.1, 90.0, 89.999]))
>>> [s.value for s in map(batch.STATUSES.__getitem__, verdicts.codes)]
['exceeded', 'achieved', 'not_achieved']
>>> verdicts.margin.to_list()
[Decimal('3.1'), Decimal('0'), Decimal('-0.001')]

Needs the ``batch`` extra (numpy and pyarrow): ``pip install 'resolmetrics[batch]'``.
The how-to ``docs/howto/large-populations.md`` shows per-unit and panel
reviews, files at scale and Dask.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from resolmetrics.errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    InvalidTargetTypeError,
    require,
)

require("numpy", "batch", "resolmetrics.batch")

import attrs  # noqa: E402
import numpy as np  # noqa: E402

from resolmetrics.policy import DEFAULT_POLICY, Policy  # noqa: E402
from resolmetrics.rules import Quota  # noqa: E402
from resolmetrics.targets import Target  # noqa: E402
from resolmetrics.verdicts import Status  # noqa: E402

from ._columns import (  # noqa: E402
    Column,
    column,
    factorize,
    table_column,
    table_length,
    table_names,
)
from ._engine import Deferred, Input, judge, not_yet_due  # noqa: E402
from ._output import STATUSES, ExactColumn, Verdicts  # noqa: E402
from ._values import (  # noqa: E402
    CODES,
    Labels,
    WideLabels,
    _fixed,
    _Problems,
)
from ._wide import wide_codes  # noqa: E402

__all__ = [
    "STATUSES",
    "ExactColumn",
    "FileReview",
    "Review",
    "Verdicts",
    "evaluate",
    "iter_results",
    "read_table",
    "review",
    "review_file",
]

_Array = np.ndarray[Any, Any]
_AUTO = "auto"
_NAN = ("error", "missing")


def evaluate(
    target: Target,
    data: object,
    *,
    value: str = "value",
    period: object = _AUTO,
    entity: object = _AUTO,
    unit: object = _AUTO,
    by: object = None,
    years: Mapping[int, str] | None = None,
    as_of: date | None = None,
    policy: Policy | None = None,
    nan: str = "error",
) -> Verdicts:
    """Judge *target* on the results in *data*, one verdict per row or per group.

    *data* is a table (a pandas or polars DataFrame, an Arrow table, or a
    mapping of column names to columns), or one column of values (a numpy
    array, a pandas, Arrow or polars series, a sequence).

    For a table, *value* names the column of values; *period*, *entity* and
    *unit* name the columns of the year, the unit of observation and the
    unit of measurement, and by default are the columns ``period``,
    ``entity`` and ``unit`` when the table has them (None: do not use one).
    *unit* may also be the name of a unit for every row (``"tỷ đồng"``). For
    a column of values, *period*, *entity* and *unit* are columns of the
    same length (or None), and *unit* may be a unit name.

    *by* names the columns (or gives the columns) whose values make a group:
    each group is judged as ``evaluate(target, its results)`` would judge
    it, and ``Verdicts.keys`` holds each group's values, in the order the
    groups first appear. Without *by*, a target judged on one value judges
    each row alone, and a target that combines results (``per``,
    ``across``, a quota) judges all rows as one group. ``by="entity"`` makes
    the entities the groups: the ``entity`` column is then no column of
    units within them.

    A null value (None, NA, an Arrow or polars null, a masked entry) is a
    result left out: its row alone is NO_DATA, and it is no part of a group.
    NaN is refused unless ``nan="missing"`` reads it as a null. Every row is
    checked before anything is judged: a bad value, period, unit or entity,
    or two rows for one group, unit and period, raise an
    :class:`~resolmetrics.InvalidColumnError` naming every bad row (counted
    from 0) with what is wrong and how to fix it.

    *years* reads a wide table, a column a year, as spreadsheets and panels
    are often kept: ``years={2021: "income_2021", 2022: "income_2022"}``.
    Each row is then one unit, with a result for each year (a null where it
    has none); a yearly target gets a verdict per row, its ``entity`` (when
    the table has one) among the keys, or per *by* group of rows, which are
    the units of a target across units.
    """
    if not isinstance(target, Target):
        raise InvalidTargetTypeError(
            f"batch.evaluate(target) must be a Target such as Target(indicator, at_least(95)), "
            f"got {target!r}"
        )
    policy = _policy(policy, "batch.evaluate")
    _check_as_of(as_of, "batch.evaluate")
    _nan(nan, "batch.evaluate")
    if _is_auto(entity) and "entity" in _by_names(by):
        entity = None  # the units reviewed, not units within them (as batch.review)
    if years is not None:
        make, keys, parts, unit_column = _wide(target, data, years, entity=entity, unit=unit,
                                               by=by)  # fmt: skip
        fast = None
        if by is None:
            fast = wide_codes(target, parts, sorted(years), unit_column, as_of, policy, nan)
        if fast is not None:
            if not_yet_due(target, as_of):
                fast[:] = CODES[Status.IN_PROGRESS]
            whole = functools.cache(make)
            deferred = Deferred(fast, lambda: judge(target, whole(), as_of, policy, nan))
            return Verdicts(target, deferred, whole, keys, as_of=as_of, policy=policy)
        inputs = make()
    else:
        columns = _Columns(data, value)
        inputs = Input(
            values=columns.values,
            period=columns.optional(period, "period"),
            entity=columns.optional(entity, "entity"),
            unit=columns.unit(unit),
        )
        keys = {}
        if by is not None:
            groups, count, keys = columns.groups(by)
            inputs = attrs.evolve(inputs, groups=groups, count=count)
    judged = judge(target, inputs, as_of, policy, nan)
    return Verdicts(target, judged, inputs, keys, as_of=as_of, policy=policy)


def _wide(
    target: Target, data: object, years: Mapping[int, str], *, entity: object, unit: object,
    by: object,
) -> tuple[Callable[[], Input], dict[str, _Array], list[Column], Column | str | None]:  # fmt: skip
    """A wide table's year columns as the rows of a long one, ordered by (row, year): made
    on demand; and its groups' keys, the year columns in year order and the unit."""
    if not isinstance(years, Mapping) or not years:
        raise InvalidArgumentTypeError(
            f"batch.evaluate(years) maps each year to its column, such as "
            f"{{2021: 'income_2021', 2022: 'income_2022'}}, got {years!r}"
        )
    for year, name in years.items():
        if type(year) is not int or not 1000 <= year <= 9999 or not isinstance(name, str):
            raise InvalidArgumentError(
                f"batch.evaluate(years) maps four-digit years (int) to column names (str), "
                f"got {year!r}: {name!r}"
            )
    if table_length(data) is None or _is_column(data):
        raise InvalidArgumentTypeError(
            "batch.evaluate(years=...) reads the year columns of a table (a DataFrame, an Arrow "
            f"table or a mapping of columns), got {type(data).__name__}"
        )
    ordered = sorted(years)
    names = tuple(years[year] for year in ordered)
    columns = _Columns(data, names[0])
    size, width = columns.size or 0, len(names)
    parts = [table_column(data, years[year], f"batch.evaluate(years[{year}])") for year in ordered]
    entities: Column | None = columns.optional(entity, "entity")
    units = columns.unit(unit)
    keys: dict[str, _Array] = {}
    groups: _Array | None = None
    count = 0
    if by is not None:
        groups, count, keys = columns.groups(by)
    elif target.across is None and not isinstance(target.rule, Quota) and entities is not None:
        # each row is one unit: its entity names it, among the keys of its verdict
        keys = {entities.name: _objects(entities)}
        entities = None

    def make() -> Input:
        each = np.repeat(np.arange(size), width)  # the table row of each (row, year)
        inputs = Input(
            values=_interleave(parts, size),
            period=Column("period", "int", np.tile(np.array(ordered, dtype=np.int64), size)),
            entity=None if entities is None else entities.take(each),
            unit=_repeat(units, each),
            labels=WideLabels(names),
        )
        if groups is not None:
            return attrs.evolve(inputs, groups=groups[each], count=count)
        if target.across is None and not isinstance(target.rule, Quota):
            return attrs.evolve(inputs, groups=each, count=size)  # each row is a unit
        return inputs

    return make, keys, parts, units


def _repeat(column: Column | str | None, rows: _Array) -> Column | str | None:
    return column.take(rows) if isinstance(column, Column) else column


def _interleave(parts: list[Column], size: int) -> Column:
    """One column of the *parts* (a column a year), row after row: (row 0, year 0),
    (row 0, year 1), ..."""
    width = len(parts)
    kinds = {part.kind for part in parts}
    scales = {part.scale for part in parts}
    valid = None
    if any(part.valid is not None for part in parts):
        valid = np.stack([part.is_valid() for part in parts], axis=1).ravel()
    if (len(kinds) == 1 and kinds <= {"float", "int", "bool"}) or (kinds == {"decimal"} and len(
        scales) == 1):  # fmt: skip
        data = np.stack([part.data for part in parts], axis=1).ravel()
        return Column("years", parts[0].kind, data, valid, parts[0].scale)
    if kinds == {"text"} and all(part.arrow is not None for part in parts):
        import pyarrow as pa

        whole = pa.concat_arrays([part.arrow.cast(pa.string()) for part in parts])
        order = (np.arange(size)[:, None] + np.arange(width)[None, :] * size).ravel()
        return Column("years", "text", None, valid, arrow=whole.take(pa.array(order)))
    data = np.stack([_objects(part) for part in parts], axis=1).ravel()
    return Column("years", "text" if kinds == {"text"} else "object", data, valid)


def _objects(part: Column) -> _Array:
    """A column's values as Python objects, as the scalar API would be given them."""
    if part.kind == "decimal":
        from decimal import Decimal

        return np.array([Decimal(int(m)).scaleb(-part.scale) for m in part.data.tolist()],
                        dtype=object)  # fmt: skip
    values = np.empty(len(part), dtype=object)
    values[:] = part.data.tolist()
    return values


def _is_auto(given: object) -> bool:
    return isinstance(given, str) and given == _AUTO


def _by_names(by: object) -> list[str]:
    if isinstance(by, str):
        return [by]
    if isinstance(by, list | tuple) and all(isinstance(name, str) for name in by):
        return list(by)
    return []


def _nan(nan: object, caller: str) -> None:
    if nan not in _NAN:
        raise InvalidArgumentError(
            f"{caller}(nan) must be 'error' (NaN is refused, the default) or 'missing' "
            f"(NaN is a null: a result left out), got {nan!r}"
        )


def _policy(policy: Policy | None, caller: str) -> Policy:
    if policy is None:
        return DEFAULT_POLICY
    if not isinstance(policy, Policy):
        raise InvalidArgumentTypeError(
            f"{caller}(policy) must be a Policy or None, got {policy!r}"
        )
    return policy


def _check_as_of(as_of: object, caller: str) -> None:
    if as_of is not None and not isinstance(as_of, date):
        raise InvalidArgumentTypeError(
            f"{caller}(as_of) must be a datetime.date such as date(2023, 6, 30), or None for a "
            f"final review, got {as_of!r}"
        )


class _Columns:
    """The columns of *data*: a table's by name, or a column and its companions."""

    def __init__(self, data: object, value: str) -> None:
        self.data = data
        self.size = table_length(data)
        if isinstance(data, Mapping) and self.size is None and data:
            lengths = ", ".join(f"{name!r}: {len(values):,}" for name, values in data.items())
            raise InvalidArgumentError(
                f"batch.evaluate(data): the columns of a table must have one length, got "
                f"{lengths}; give every column a value for every row (None where it has none)"
            )
        self.table = self.size is not None and not _is_column(data)
        if self.table:
            if not isinstance(value, str):
                raise InvalidArgumentTypeError(
                    f"batch.evaluate(value) names the column of values, got {value!r}"
                )
            self.names = table_names(data)
            self.values = table_column(data, value, "batch.evaluate(value)")
        else:
            self.names = ()
            self.values = column(data, "value")
            self.size = len(self.values)

    def _column(self, given: object, argument: str) -> Column:
        if self.table:
            if not isinstance(given, str):
                raise InvalidArgumentTypeError(
                    f"batch.evaluate({argument}) names a column of the table, got "
                    f"{type(given).__name__}; give the column's name"
                )
            return table_column(self.data, given, f"batch.evaluate({argument})")
        found = column(given, argument)
        if len(found) != self.size:
            raise InvalidArgumentError(
                f"batch.evaluate({argument}) has {len(found):,} row"
                f"{'' if len(found) == 1 else 's'}, but the values have {self.size:,}; give one "
                f"{argument} per value"
            )
        return found

    def optional(self, given: object, name: str) -> Column | None:
        if given is None:
            return None
        if isinstance(given, str) and given == _AUTO:
            if self.table and name in self.names:
                return table_column(self.data, name, name)
            return None
        return self._column(given, name)

    def unit(self, given: object) -> Column | str | None:
        if given is None:
            return None
        if isinstance(given, str):
            if given == _AUTO:
                return self.optional(given, "unit")
            if self.table and given in self.names:
                return table_column(self.data, given, "batch.evaluate(unit)")
            return given  # the unit of every row
        return self._column(given, "unit")

    def groups(self, by: object) -> tuple[_Array, int, dict[str, _Array]]:
        """A group code per row, the number of groups, and each group's key values."""
        if self.table:
            names = [by] if isinstance(by, str) else list(by)  # type: ignore[call-overload]
            if not names or not all(isinstance(n, str) for n in names):
                raise InvalidArgumentTypeError(
                    f"batch.evaluate(by) names one or more columns of the table, got {by!r}"
                )
            keys = [(name, table_column(self.data, name, "batch.evaluate(by)")) for name in names]
        else:
            items = list(by) if isinstance(by, tuple) else [by]
            keys = [(f"by{i}" if len(items) > 1 else "by", self._column(item, "by"))
                    for i, item in enumerate(items)]  # fmt: skip
        return group_codes(keys)


def _no_group(name: str) -> str:
    return (
        f"no {name}: the verdicts are by {name!r}, so every row must say which {name} it is about"
    )


def _is_column(data: object) -> bool:
    module = type(data).__module__.partition(".")[0]
    if module == "pandas":
        return type(data).__name__ in ("Series", "Index")
    if module == "polars":
        return type(data).__name__ == "Series"
    if module == "pyarrow":
        return type(data).__name__ in ("ChunkedArray",) or not hasattr(data, "num_columns")
    return not isinstance(data, Mapping)


def group_codes(
    keys: Sequence[tuple[str, Column]], labels: Labels | None = None
) -> tuple[_Array, int, dict[str, _Array]]:
    """Codes 0..k-1 per row for the distinct combinations of the *keys* columns, in order of
    first appearance, the number k, and each group's key values. A row with no key is an
    InvalidColumnError naming every such row (by *labels*)."""
    packed: _Array | None = None
    firsts: dict[str, _Array] = {}
    uniques: list[tuple[str, list[object], _Array]] = []
    for name, key in keys:
        codes, values = factorize(key)
        if (codes < 0).any():
            problems = _Problems("", name, labels or Labels())
            problems.add(np.nonzero(codes < 0)[0], _fixed(_no_group(name)))
            problems.raise_any()
        uniques.append((name, values, codes))
        packed = codes if packed is None else packed * len(values) + codes
    assert packed is not None
    group, _ = factorize(Column("by", "int", packed.astype(np.int64)))
    count = int(group.max()) + 1 if len(group) else 0
    first_row = np.full(count, len(group), dtype=np.int64)
    np.minimum.at(first_row, group, np.arange(len(group)))
    for name, values, codes in uniques:
        table = np.empty(len(values), dtype=object)
        table[:] = values
        firsts[name] = table[codes[first_row]] if count else table[:0]
    return group, count, firsts


from ._files import FileReview, review_file  # noqa: E402
from ._read import iter_results, read_table  # noqa: E402
from ._review import Review, review  # noqa: E402  (it uses the helpers above)


def __getattr__(name: str) -> Any:
    if name == "dask":  # resolmetrics.batch.dask: imported on first use, as it imports Dask
        import importlib

        return importlib.import_module("._dask", __name__)
    raise AttributeError(f"module 'resolmetrics.batch' has no attribute {name!r}")
