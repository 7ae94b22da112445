"""Per-unit and panel reviews: one resolution judged for each unit of a long table.

A long table holds one result a row: ``indicator``, the unit it is about
(``entity``, or a province, a school, ...), ``period``, ``value`` and
``unit``. :func:`review` judges every component target of a
:class:`~resolmetrics.Resolution` for every unit, as
``Resolution.evaluate`` judges one unit's results, and keeps the verdicts
as a target-by-unit matrix of status codes with exact figures on demand.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from resolmetrics.errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    InvalidColumnError,
    InvalidResultError,
    UnusedResultWarning,
    require,
)
from resolmetrics.policy import Policy
from resolmetrics.targets import Target

from ._columns import Column, factorize, table_column, table_names
from ._engine import Input, group_index, judge
from ._output import STATUSES, Verdicts, decimal_texts, status_array
from ._values import Labels, combined

if TYPE_CHECKING:
    import pandas

    from resolmetrics.resolution import Report, Resolution

__all__ = ["Review", "review"]

_Array = np.ndarray[Any, Any]


class Review:
    """The verdicts of a resolution's targets for each unit of a long table.

    ``codes[t, u]`` is the int8 status code of component target *t* (in the
    order of ``Resolution.components``) for unit *u* (in the order the units
    first appear); ``units`` holds each unit's key values, by column.
    ``verdicts[t]`` is the :class:`Verdicts` of target *t* over the units,
    with its exact figures; :meth:`report` gives one unit's whole
    :class:`~resolmetrics.Report`, as ``Resolution.evaluate`` makes it.
    """

    def __init__(
        self,
        resolution: Resolution,
        verdicts: Sequence[Verdicts],
        units: Mapping[str, _Array],
        *,
        as_of: date | None,
        policy: Policy | None,
        numbers: Sequence[str],
        years: Mapping[str, Mapping[int, int]] | None = None,
    ) -> None:
        self.resolution = resolution
        self.verdicts = tuple(verdicts)
        self.years = {key: dict(counts) for key, counts in (years or {}).items()}
        """How many results (rows with a value) each indicator key has for each year."""
        self.units = dict(units)
        self.as_of = as_of
        self.policy = policy
        self.numbers = tuple(numbers)
        """Each component's number in the review table: "1", "3a", "3b", ..."""
        count = len(next(iter(self.units.values()))) if self.units else 0
        self.codes: _Array = (
            np.stack([v.codes for v in self.verdicts])
            if self.verdicts
            else np.zeros((0, count), dtype=np.int8)
        )

    @property
    def targets(self) -> tuple[Target, ...]:
        """The component targets, in order (the rows of :attr:`codes`)."""
        return tuple(v.target for v in self.verdicts)

    @property
    def warnings(self) -> tuple[UnusedResultWarning, ...]:
        """The results left out for their year, as ``Resolution.evaluate`` warns of them:
        one :class:`~resolmetrics.UnusedResultWarning` per indicator and reason, counting the
        rows of every unit."""
        return left_out(self.resolution, self.years, self.as_of)

    def __len__(self) -> int:
        """The number of units reviewed."""
        return int(self.codes.shape[1])

    def __repr__(self) -> str:
        return (
            f"<Review of {self.resolution.name!r}: {len(self.verdicts)} targets x "
            f"{len(self)} units>"
        )

    def unit(self, index: int) -> dict[str, object]:
        """The key values of unit *index*."""
        return {name: values[index] for name, values in self.units.items()}

    def find(self, **keys: object) -> int:
        """The index of the unit with these key values: ``review.find(entity="Chi bộ 3")``."""
        if set(keys) != set(self.units):
            raise InvalidArgumentError(
                f"Review.find() takes the unit's key columns ({', '.join(self.units)}), "
                f"got {', '.join(keys) or 'none'}"
            )
        match = np.ones(len(self), dtype=bool)
        for name, value in keys.items():
            match &= np.asarray(self.units[name] == value)
        found = np.nonzero(match)[0]
        if found.size == 0:
            raise InvalidArgumentError(f"no unit of the review has {keys!r}")
        return int(found[0])

    # summaries -------------------------------------------------------------

    def met_counts(self) -> tuple[_Array, _Array]:
        """(targets met, targets) for each unit: "9/12"."""
        met = np.count_nonzero(self.codes <= 1, axis=0)
        return met, np.full(len(self), len(self.verdicts))

    def by_unit(self) -> dict[str, Any]:
        """One row per unit: its keys, how many targets have each status, and "met"/"targets"."""
        columns: dict[str, Any] = dict(self.units)
        for code, status in enumerate(STATUSES):
            columns[status.value] = np.count_nonzero(self.codes == code, axis=0)
        columns["met"], columns["targets"] = self.met_counts()
        return columns

    def by_target(self) -> dict[str, Any]:
        """One row per component target: its number, key and label, and how many units have
        each status ("58 of 71 units met it")."""
        columns: dict[str, Any] = {
            "number": list(self.numbers),
            "key": [t.key for t in self.targets],
            "target": [_title(t) for t in self.targets],
        }
        for code, status in enumerate(STATUSES):
            columns[status.value] = np.count_nonzero(self.codes == code, axis=1)
        columns["met"] = np.count_nonzero(self.codes <= 1, axis=1)
        columns["units"] = np.full(len(self.verdicts), len(self))
        return columns

    def summary(self, lang: str = "en") -> str:
        """The review in one sentence per target: "1 (org_good): met by 58 of 71 units"."""
        from resolmetrics.numbers import check_lang

        lang = check_lang(lang) or "en"
        table = self.by_target()
        lines = []
        for row, number in enumerate(table["number"]):
            met, units = int(table["met"][row]), int(table["units"][row])
            key = table["key"][row]
            if lang == "vi":
                lines.append(f"{number} ({key}): {met}/{units} đơn vị đạt")
            else:
                lines.append(f"{number} ({key}): met by {met} of {units} units")
        return "\n".join(lines)

    def unit_summary(self, index: int, lang: str = "en") -> str:
        """The summary sentence of one unit's review, as ``Report.summary`` writes it."""
        from resolmetrics.render import counts_summary

        found = np.bincount(self.codes[:, index].astype(np.int64), minlength=len(STATUSES))
        return counts_summary({s: int(n) for s, n in zip(STATUSES, found, strict=True)}, lang)

    # one unit ----------------------------------------------------------------

    def report(self, index: int) -> Report:
        """Unit *index*'s :class:`~resolmetrics.Report`, exactly as Resolution.evaluate makes it
        from that unit's results (Python objects: for reading a few units in full)."""
        results: dict[str, list[Any]] = {}
        for verdicts in self.verdicts:
            key = verdicts.target.key
            if key not in results:
                results[key] = verdicts.results(index)
        return self.resolution.evaluate(results, as_of=self.as_of, policy=self.policy)

    # frames ------------------------------------------------------------------

    def columns(self, *, places: int = 12) -> dict[str, Any]:
        """The verdicts as Arrow arrays by column name, one row per (unit, target)."""
        pa = require("pyarrow", "batch", "Review.to_arrow()")
        parts = [self._target_columns(pa, t, places) for t in range(len(self.verdicts))]
        if not parts:
            return {}
        return {name: pa.concat_arrays([p[name] for p in parts]) for name in parts[0]}

    def _target_columns(self, pa: Any, index: int, places: int) -> dict[str, Any]:
        verdicts = self.verdicts[index]
        count = len(self)
        columns: dict[str, Any] = {name: pa.array(values) for name, values in self.units.items()}
        columns["number"] = pa.array([self.numbers[index]] * count, type=pa.string())
        columns["key"] = pa.array([verdicts.target.key] * count, type=pa.string())
        columns["status"] = status_array(pa, verdicts.codes)
        columns.update(figure_texts(pa, verdicts, places))
        columns["unit"] = pa.array([verdicts.actual.unit] * count, type=pa.string())
        tally = verdicts.tally
        none = pa.nulls(count, type=pa.int64())
        columns["met"] = none if tally is None else pa.array(tally[0], type=pa.int64())
        columns["parts"] = none if tally is None else pa.array(tally[1], type=pa.int64())
        return columns

    def to_arrow(self, *, places: int = 12) -> Any:
        """An Arrow table of every verdict, one row per (target, unit): the unit's keys,
        ``number``, ``key``, ``status``, the figures as text (a finite decimal exactly,
        ``"93.1"``; a fraction that is no finite decimal rounded to *places* decimals) and
        ``unit``; ``met`` and ``parts`` for verdicts over units or years (null for others)."""
        pa = require("pyarrow", "batch", "Review.to_arrow()")
        return pa.table(self.columns(places=places))

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`to_arrow` as a pandas DataFrame (status as a categorical; ``met`` and
        ``parts`` as nullable integers)."""
        frame = self.to_arrow().to_pandas()
        return frame.astype({"met": "Int64", "parts": "Int64"})  # type: ignore[no-any-return]

    def status_table(self) -> pandas.DataFrame:
        """A pandas DataFrame of status values: a row per target (by number), a column per unit."""
        pd = require("pandas", "pandas", "Review.status_table()")
        names = [s.value for s in STATUSES]
        labels = [_unit_label(self.unit(i)) for i in range(len(self))]
        data = {label: pd.Categorical.from_codes(self.codes[:, i], categories=names)
                for i, label in enumerate(labels)}  # fmt: skip
        return pd.DataFrame(data, index=pd.Index(self.numbers, name="number"))  # type: ignore[no-any-return]

    def write(self, path: str | os.PathLike[str], *, places: int = 12) -> None:
        """Write every verdict to *path*: ``.parquet`` (needs pyarrow) or ``.csv``."""
        write_table(self.to_arrow(places=places), path)


def write_table(table: Any, path: str | os.PathLike[str]) -> None:
    """An Arrow table to a .parquet or .csv file (CSV with a header, UTF-8)."""
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].casefold()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, name)
    elif suffix == ".csv":
        import pyarrow as pa
        import pyarrow.csv as pacsv

        pacsv.write_csv(plain_table(pa, table), name)
    else:
        raise InvalidArgumentError(f"cannot write {name!r}: name a .parquet or .csv file")


def plain_table(pa: Any, table: Any) -> Any:
    """*table* with its dictionary-encoded columns (the status) as plain text, for CSV."""
    return pa.table({name: _plain(pa, table.column(name)) for name in table.column_names})


def _plain(pa: Any, column: Any) -> Any:
    if pa.types.is_dictionary(column.type):
        return column.cast(pa.string())
    return column


FIGURES = ("actual", "margin", "relative_margin", "attainment")


def figure_texts(pa: Any, verdicts: Verdicts, places: int) -> dict[str, Any]:
    """Each figure of *verdicts* as an Arrow column of text: numbers exactly ("93.1"), a
    fraction that is no finite decimal rounded to *places* decimals, level codes as they are.
    """
    columns = {}
    for name in FIGURES:
        figure = getattr(verdicts, name)
        if figure.levels is not None:
            texts = [None if value is None else str(value) for value in figure.to_list()]
            columns[name] = pa.array(texts, type=pa.string())
        else:
            columns[name] = decimal_texts(pa, figure, places)
    return columns


def _title(target: Target) -> str:
    return target.label or target.indicator.title


def _unit_label(keys: Mapping[str, object]) -> str:
    return " / ".join(str(v) for v in keys.values())


def review(
    resolution: Resolution,
    data: object,
    *,
    by: str | Sequence[str] = "entity",
    indicator: str = "indicator",
    value: str = "value",
    period: str | None = "period",
    entity: str | None = "entity",
    unit: str | None = "unit",
    as_of: date | None = None,
    policy: Policy | None = None,
    nan: str = "error",
    progress: bool | None = None,
    lines: str | None = None,
) -> Review:
    """Judge every component target of *resolution* for each unit of the long table *data*.

    *data* is a table (pandas or polars DataFrame, Arrow table, or mapping
    of columns) with a row per result. *by* names the column (or columns)
    of the unit reviewed: each unit gets the verdicts ``Resolution.evaluate``
    gives on the rows of that unit, filed by *indicator*. *period* and
    *unit* name the columns of the year and of the unit of measurement
    (used when the table has them); *entity* names a column of the units
    observed within a reviewed unit, for targets across units (enterprises
    within a province; used when the table has it and *by* is not it).
    Unknown indicator keys are an error, as in ``Resolution.evaluate``.

    *progress* shows a progress bar (tqdm) on standard error; None: only on
    a terminal and for 100,000 rows or more. *lines* names a column of file
    lines, to name bad rows by line in messages.
    """
    from resolmetrics.resolution import Resolution

    if not isinstance(resolution, Resolution):
        raise InvalidArgumentTypeError(
            f"batch.review(resolution) must be a Resolution, got {resolution!r}"
        )
    from . import _check_as_of, _nan, _policy, group_codes

    policy = _policy(policy, "batch.review")
    _check_as_of(as_of, "batch.review")
    _nan(nan, "batch.review")
    names = table_names(data)
    keys = [by] if isinstance(by, str) else list(by)
    labels = Labels()
    if lines is not None:
        labels = Labels(table_column(data, lines, "batch.review(lines)").data, "line")
    unit_keys = [(name, table_column(data, name, "batch.review(by)")) for name in keys]
    groups, count, key_values = group_codes(unit_keys, labels)
    indicators = table_column(data, indicator, "batch.review(indicator)")
    key_codes, key_names = factorize(indicators)
    _check_keys(resolution, [str(k) for k in key_names], key_codes)
    values = table_column(data, value, "batch.review(value)")
    periods = _maybe(data, names, period)
    entities = None if entity in keys else _maybe(data, names, entity)
    units = _maybe(data, names, unit)
    by_key = _rows_by_key(key_codes, len(key_names))
    position = {str(name): index for index, name in enumerate(key_names)}
    components = resolution.components
    verdicts = []
    problems: list[InvalidColumnError] = []
    years: dict[str, dict[int, int]] = {}
    for target in _progress(components, len(values), progress):
        rows = by_key[position[target.key]] if target.key in position else np.zeros(0, int)
        inputs = Input(
            values.take(rows),
            None if periods is None else periods.take(rows),
            None if entities is None else entities.take(rows),
            None if units is None else units.take(rows),
            groups[rows],
            count,
            _subset(labels, rows),
        )
        try:
            judged = judge(target, inputs, as_of, policy, nan)
        except InvalidColumnError as error:  # every target's problems are named together
            problems.append(error)
            continue
        verdicts.append(Verdicts(target, judged, inputs, key_values, as_of=as_of, policy=policy))
        if target.key not in years and judged.periods is not None:
            years[target.key] = _year_counts(judged.periods, inputs.values)
    if problems:
        raise combined(problems)
    done = Review(resolution, verdicts, key_values, as_of=as_of, policy=policy,
                  numbers=component_numbers(resolution), years=years)  # fmt: skip
    warn(done.warnings)
    return done


def warn(found: Sequence[Warning]) -> None:
    """Issue each of *found* through :mod:`warnings`, from the caller of the public call."""
    import warnings

    for warning in found:
        warnings.warn(warning, stacklevel=3)


def _year_counts(periods: _Array, values: Column) -> dict[int, int]:
    """How many rows with a value there are for each year (the engine's checked years)."""
    present = values.is_valid() & (periods >= 0)
    found, counts = np.unique(periods[present], return_counts=True)
    return dict(zip(found.tolist(), counts.tolist(), strict=True))


def left_out(
    resolution: Resolution, years: Mapping[str, Mapping[int, int]], as_of: date | None
) -> tuple[UnusedResultWarning, ...]:
    """The warnings for results of *years* (counts by key and year) no target could use."""
    from resolmetrics._checks import unused_warnings

    found: list[UnusedResultWarning] = []
    for key, counts in years.items():
        on_key = [t for t in resolution.components if t.key == key]
        found += unused_warnings(key, on_key, counts, as_of)
    return tuple(found)


def component_numbers(resolution: Resolution) -> list[str]:
    """Each component's number in the review table: "1", "2", "3a", "3b", ..."""
    from resolmetrics.resolution import _letters

    numbers = []
    for number, _, group, targets in resolution._rows:
        numbers += [number + _letters(i) for i in range(len(targets))] if group else [number]
    return numbers


def _maybe(data: object, names: Sequence[str], name: str | None) -> Column | None:
    if name is None or name not in names:
        return None
    return table_column(data, name, name)


def _subset(labels: Labels, rows: _Array) -> Labels:
    if labels.lines is None:
        return Labels(rows, "row", counted=True)
    return Labels(labels.lines[rows], labels.noun)


def _rows_by_key(codes: _Array, count: int) -> list[_Array]:
    """The rows of each indicator key, in order."""
    order, starts = group_index(codes, count)
    return [order[starts[k] : starts[k + 1]] for k in range(count)]


def _check_keys(resolution: Resolution, found: list[str], codes: _Array) -> None:
    known = resolution.keys
    unknown = sorted(set(found) - known)
    if not unknown:
        return
    import difflib

    hints = []
    for key in unknown:
        near = difflib.get_close_matches(key, sorted(known), n=1)
        hints.append(f"{key!r} (did you mean {near[0]!r}?)" if near else repr(key))
    first = int(np.nonzero(np.isin(codes, [found.index(k) for k in unknown]))[0][0])
    raise InvalidResultError(
        f"batch.review: the table has results for {', '.join(hints)}, which no target of "
        f"{resolution.name!r} is on (first on row {first}, counted from 0); the keys are: "
        f"{', '.join(sorted(known))}"
    )


def _progress(items: Sequence[Target], rows: int, shown: bool | None) -> Iterator[Target]:
    import sys

    if shown is None:
        shown = rows >= 100_000 and sys.stderr.isatty()
    if not shown:
        yield from items
        return
    tqdm = require("tqdm", "batch", "batch.review(progress=True)")
    yield from tqdm.tqdm(items, desc="targets", unit="target", file=sys.stderr)
