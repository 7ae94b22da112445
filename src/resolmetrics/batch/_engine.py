"""The columnar engine: the scalar engine's rules, applied to whole columns at once.

Each step mirrors one of ``evaluate.py`` and ``_combine.py``, in the same
order, so that a group of rows gets the verdict ``evaluate()`` gives the
same results:

1. the values are read and checked (``_values``): every bad row first;
2. a target judged on one value takes each row alone, or the latest result
   of each group (up to the review date);
3. a yearly target combines the due years of each unit ("each", "total",
   "mean", "latest"; year-on-year, mean or compound growth);
4. a population target counts its units (all, any, k of n, a share); a
   quota caps the units at a level;
5. a target not yet due turns IN_PROGRESS, keeping what it has so far.

Statuses are decided eagerly, by numpy comparisons of exact numbers. What a
verdict's figures need beyond its status (the worst year or unit, sums and
means, the basis a margin is measured from) is computed only when a figure
is asked for: a :class:`Measured`, through ``Judged.measure``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from resolmetrics._combine import (
    _baseline_level,
    _complete,
    _due_year,
    _last_year,
    compound_bound,
    compound_rate,
    population_basis,
)
from resolmetrics.errors import InvalidResultError
from resolmetrics.numbers import Exact, as_text
from resolmetrics.policy import Policy
from resolmetrics.results import Result
from resolmetrics.rules import Kind, Quantifier, Quota
from resolmetrics.targets import Target

from ._columns import Column, factorize, remap
from ._rational import Q, _ints, product, total
from ._values import (
    ACHIEVED,
    CODES,
    IN_PROGRESS,
    NO_DATA,
    NOT,
    Labels,
    Values,
    _Problems,
    codes_from_masks,
    float_growth_codes,
    float_growth_fits,
    strict_code,
)

__all__ = ["Input", "Judged", "Measured", "combines", "judge", "margins_of"]

_Array = np.ndarray[Any, Any]
_YEARS = 10_000  # periods are four-digit years (or -1 for none)


def _pack(unit: _Array, year: _Array) -> _Array:
    """(unit, year) as one sortable int64 key; a missing year (-1) sorts first."""
    keys: _Array = unit * (_YEARS + 1) + (year + 1)
    return keys


def _order(keys: _Array) -> _Array:
    """A stable order that sorts *keys*: no sort at all where they are sorted already."""
    if len(keys) < 2 or bool((keys[1:] >= keys[:-1]).all()):
        return np.arange(len(keys))
    return np.argsort(keys, kind="stable")


_Tally = tuple[_Array, _Array] | None
_Group = tuple[_Array, Callable[[], "Measured"], Callable[[], _Tally]]


@attrs.frozen
class Input:
    """The columns one target is judged on, and how the rows form groups.

    ``groups`` gives each row's group (0 .. ``count`` - 1); None means each
    row is its own group, or, for a target that combines results, that all
    rows are one group. ``labels`` names rows in messages.
    """

    values: Column
    period: Column | None = None
    entity: Column | None = None
    unit: Column | str | None = None
    groups: _Array | None = None
    count: int = 0
    labels: Labels = attrs.field(factory=Labels)


def combines(target: Target) -> bool:
    """True when one verdict of *target* is made of several results (years, units, a quota)."""
    return target.per is not None or target.across is not None or isinstance(target.rule, Quota)


@attrs.frozen
class Measured:
    """What the figures of each group's verdict are made of.

    ``actual`` holds the judged value (where ``has_actual``) in the basis's
    unit, or the rank of a level; ``lo`` and ``hi`` are the bounds of the
    basis it is judged against (the target, the yearly rule times the years
    of a total, the count or share of units asked for, a quota's cap), whose
    rule kind and sign are ``kind`` and ``sign``.
    """

    actual: Q
    has_actual: _Array
    lo: Q
    hi: Q
    kind: Kind
    sign: int
    levels: tuple[str, ...] | None = None
    """For a rated indicator: the level codes, by rank."""
    approximate: _Array | None = None
    """Groups whose actual is a compound growth rate, shown to 50 digits as evaluate() does."""
    unit: str | None = None
    """The unit of actual and margins: the basis's."""


@attrs.frozen
class Judged:
    """The status code of every group, and what the rest of each verdict is made from."""

    codes: _Array
    measure: Callable[[], Measured]
    tally: Callable[[], _Tally]
    members: Callable[[int], _Array]
    """The rows of a group (for remaking its verdict)."""
    periods: _Array | None
    entities: tuple[_Array, list[str]] | None


def judge(target: Target, data: Input, as_of: date | None, policy: Policy, nan: str) -> Judged:
    """Judge *target* on the columns of *data* (see the module docstring)."""
    level = target.growth is not None or isinstance(target.rule, Quota)
    values = Values(target, data.values, unit=data.unit, nan=nan, labels=data.labels,
                    level=level)  # fmt: skip
    periods = _periods(data.period, len(data.values), target, data.labels)
    entities = _entities(data.entity, target, data.labels)
    return _Engine(target, values, periods, entities, data, as_of, policy).run()


# --------------------------------------------------------------------------- columns


def _periods(column: Column | None, size: int, target: Target, labels: Labels) -> _Array | None:
    """Each row's year, -1 where it has none; a year is a four-digit whole number."""
    if column is None:
        return None
    problems = _Problems(f"indicator {target.key!r}", column.name, labels)
    valid = column.is_valid()
    years = np.full(size, -1, dtype=np.int64)
    if column.kind == "int":
        years = np.where(valid, column.data, -1)
    elif column.kind == "float":
        data = column.data
        valid = valid & ~np.isnan(data)
        whole = np.isfinite(data) & (np.floor(data) == data)
        problems.add(np.nonzero(valid & ~whole)[0], _year_message(column))
        years = np.where(valid & whole, data, -1).astype(np.int64)
    elif column.kind in ("object", "text"):  # ints, or years written as text ("2021")
        for row in np.nonzero(valid)[0].tolist():
            item = column.data[row]
            if type(item) is str and _FOUR_DIGITS.fullmatch(item.strip()):
                years[row] = int(item)
            elif type(item) is int:
                years[row] = item
            elif not (isinstance(item, float) and item != item):
                problems.add(np.array([row]), _year_message(column))
    else:
        problems.add(np.nonzero(valid)[0], _year_message(column))
    outside = valid & ((years < 1000) | (years > 9999)) & (years != -1) | (years < -1)
    problems.add(np.nonzero(outside)[0], _year_message(column))
    problems.raise_any()
    return years.astype(np.int64)


_FOUR_DIGITS = re.compile(r"[1-9][0-9]{3}")


def _year_message(column: Column) -> Callable[[int], str]:
    def explain(row: int) -> str:
        item = column.data[row]
        if isinstance(item, np.generic):
            item = item.item()
        if isinstance(item, float) and item.is_integer():
            item = int(item)
        try:
            Result(1, period=item)
        except Exception as exc:
            return str(exc)
        return f"Result(period) must be a four-digit year such as 2021, got {item!r}"

    return explain


def _entities(
    column: Column | None, target: Target, labels: Labels
) -> tuple[_Array, list[str]] | None:
    """Each row's unit of observation, as codes in the order of the names; -1 where none."""
    if column is None:
        return None
    if column.kind == "object":  # units are told apart by their names: 1 and "1" are one
        texts = np.empty(len(column), dtype=object)
        texts[:] = [_entity_name(value) for value in column.data.tolist()]
        column = Column(column.name, "text", texts, column.valid)
    codes, distinct = factorize(column)
    names = [_entity_name(value) for value in distinct]
    empty = [index for index, name in enumerate(names) if not name.strip()]
    if empty:
        problems = _Problems(f"indicator {target.key!r}", column.name, labels)
        problems.add(
            np.nonzero(np.isin(codes, empty))[0],
            lambda row: "Result(entity) must not be empty; leave it out (null) instead",
        )
        problems.raise_any()
    order = sorted(range(len(names)), key=names.__getitem__)
    rank = np.empty(len(names), dtype=np.int64)
    rank[order] = np.arange(len(names))
    return remap(codes, rank), [names[index] for index in order]


def _entity_name(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


# --------------------------------------------------------------------------- helpers


def _starts(keys: _Array) -> _Array:
    """Where each run of equal keys begins, in sorted *keys*."""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))


def _ends(starts: _Array, size: int) -> _Array:
    """The last index of each run that begins at *starts*."""
    if len(starts) == 0:
        return starts
    return np.append(starts[1:], size) - 1


def _const(value: Exact | int | Fraction, size: int) -> Q:
    return Q.constant(Fraction(value), size)


def _times(count: _Array, bound: Exact) -> Q:
    """*bound* times *count*, per row, exactly."""
    ratio = Fraction(bound)
    num = product(np.asarray(count, dtype=np.int64), ratio.numerator)
    assert not isinstance(num, int)
    return Q(num, ratio.denominator)


def _dense(values: Q) -> _Array:
    """Each row's place among the distinct values, smallest first: equal values, equal places."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    if values.common and values.num.dtype != object:
        return np.unique(values.num, return_inverse=True)[1].astype(np.int64)
    exact = [Fraction(int(n), int(d)) for n, d in
             zip(values.num.tolist(), values.den_array().tolist(), strict=True)]  # fmt: skip
    places = {value: place for place, value in enumerate(sorted(set(exact)))}
    return np.array([places[value] for value in exact], dtype=np.int64)


@attrs.define
class _Units:
    """The series verdicts of units: a group alone, or each entity of a group."""

    codes: _Array
    group: _Array  # the group of each unit
    entity: _Array  # the entity code of each unit (-1 without entities)
    measure: Callable[[], Measured]
    parts: Callable[[], _Tally]


class _Engine:
    def __init__(
        self,
        target: Target,
        values: Values,
        periods: _Array | None,
        entities: tuple[_Array, list[str]] | None,
        data: Input,
        as_of: date | None,
        policy: Policy,
    ) -> None:
        self.target = target
        self.values = values
        self.periods = periods
        self.entities = entities
        self.data = data
        self.as_of = as_of
        self.policy = policy
        self.strict = strict_code(policy.strict_met)
        self.size = values.size

    @functools.cached_property
    def row_codes(self) -> _Array:
        """The status of every row judged alone against the target."""
        return self.values.codes(self.target, self.strict)

    @functools.cached_property
    def exact(self) -> Q:
        return self.values.exact()

    # ------------------------------------------------------------------ entry

    def run(self) -> Judged:
        target = self.target
        groups, count = self.data.groups, self.data.count
        if groups is None and not combines(target):
            codes, measure = self._each_row()
            codes, measure = self._due(codes, measure)
            return Judged(codes, measure, lambda: None, _alone, self.periods, self.entities)
        if groups is None:  # one group: the whole column
            groups, count = np.zeros(self.size, dtype=np.int64), 1
        rows = np.nonzero(self.values.present)[0]
        group_of = groups[rows]
        judged: _Group
        if isinstance(target.rule, Quota):
            judged = self._quota(rows, group_of, count)
        elif target.across is not None:
            self._need_entities(rows)
            judged = self._population(self._series(rows, group_of), count)
        else:
            self._no_entities(rows)  # so every row's entity code is -1
            judged = self._by_group(self._series(rows, group_of), count)
        codes, measure, tally = judged
        codes, measure = self._due(codes, measure)
        return Judged(codes, measure, tally, _members(groups, count), self.periods,
                      self.entities)  # fmt: skip

    def _each_row(self) -> tuple[_Array, Callable[[], Measured]]:
        """Every row judged alone; a row dated after the review (or due) year is not known yet."""
        target, values = self.target, self.values
        codes, shown = self.row_codes, values.present
        last_year = _last_year(target, self.as_of)
        if self.periods is not None and last_year is not None:
            later = self.periods > last_year  # not known yet at the review
            codes = np.where(later, NO_DATA, codes).astype(np.int8)
            shown = shown & ~later
        if self.entities is not None:
            self._no_entities(np.nonzero(values.present)[0])
        size = self.size
        return codes, lambda: _measured(target, self.exact, shown, size)

    # ------------------------------------------------------------------ checks

    def _problems(self, column: str) -> _Problems:
        return _Problems(f"indicator {self.target.key!r}", column, self.data.labels)

    def _column(self, column: Column | None, default: str) -> str:
        return default if column is None else column.name

    def _years(self, rows: _Array) -> _Array:
        """The year of each of *rows*, -1 where it has none."""
        if self.periods is None:
            return np.full(len(rows), -1, dtype=np.int64)
        return self.periods[rows]

    def _entity_codes(self, rows: _Array) -> _Array:
        if self.entities is None:
            return np.full(len(rows), -1, dtype=np.int64)
        return self.entities[0][rows]

    def _no_entities(self, rows: _Array) -> None:
        """A target not judged across units refuses results that name a unit of observation."""
        if self.entities is None:
            return
        codes, names = self.entities
        named = rows[codes[rows] >= 0]
        if named.size:
            key = self.target.key

            def explain(row: int) -> str:
                return (
                    f"indicator {key!r}: the row names a unit of observation "
                    f"({names[codes[row]]!r}), but the target is not judged across units; to "
                    "judge each entity on its own, give by='entity' (on the command line, --by "
                    "entity); to judge them together, give the target across='all', 'any', "
                    "at_least_count(k) or at_least_share(p); or leave the entity out "
                    "(entity=None)"
                )

            problems = self._problems(self._column(self.data.entity, "entity"))
            problems.add(named, explain)
            problems.raise_any()

    def _need_entities(self, rows: _Array) -> None:
        """A target across units needs each result's unit."""
        unnamed = rows if self.entities is None else rows[self.entities[0][rows] < 0]
        if unnamed.size:
            key = self.target.key
            problems = self._problems(self._column(self.data.entity, "entity"))
            problems.add(unnamed, lambda row: (
                f"indicator {key!r}: the target is judged across units, but the result names "
                "no unit; give each row its entity"))  # fmt: skip
            problems.raise_any()

    def _duplicates(self, keys: _Array, rows: _Array) -> None:
        """Refuse two rows with one key: one result per group, unit and period."""
        if len(keys) < 2:
            return
        twice = np.nonzero(keys[1:] == keys[:-1])[0]
        if twice.size == 0:
            return
        labels = self.data.labels
        runs = np.cumsum(np.concatenate(([True], keys[1:] != keys[:-1]))) - 1
        first = rows[_starts(keys)][runs]  # the first row of each row's run of equal keys
        earlier = dict(zip(rows[twice + 1].tolist(), first[twice + 1].tolist(), strict=True))
        data = self.data
        named = data.period or data.entity or data.values  # the column that tells them apart
        problems = self._problems(named.name)

        periods, entities = self.periods, self.entities

        def explain(row: int) -> str:
            which = []
            if periods is not None and periods[row] >= 0:
                which.append(f"period {periods[row]}")
            if entities is not None and entities[0][row] >= 0:
                which.append(f"entity {entities[1][entities[0][row]]!r}")
            named = f" ({', '.join(which)})" if which else ""
            return (
                f"a second result for the same group, entity and period{named} (the first is "
                f"{labels.name(earlier[row])}); keep one result per group, entity and period"
            )

        problems.add(rows[twice + 1], explain)
        problems.raise_any()

    # ------------------------------------------------------------------ units

    def _units(self, group_of: _Array, entity_of: _Array) -> tuple[_Array, _Array, _Array]:
        """A unit code per row for its (group, entity), and the group and entity of each unit.

        Units are numbered by group, then by entity name.
        """
        if not len(entity_of) or entity_of.max() < 0:  # no entities: a unit is a group
            seen = np.zeros(int(group_of.max()) + 1 if len(group_of) else 0, dtype=bool)
            seen[group_of] = True
            number = np.cumsum(seen) - 1
            group = np.nonzero(seen)[0]
            return number[group_of], group, np.full(len(group), -1, dtype=np.int64)
        width = int(entity_of.max()) + 2
        packed = group_of * width + (entity_of + 1)
        unique, inverse = np.unique(packed, return_inverse=True)
        return inverse.astype(np.int64).reshape(-1), unique // width, unique % width - 1

    def _series(self, rows: _Array, group_of: _Array) -> _Units:
        """The verdict of each unit: its latest result, or its due years combined."""
        if self.target.per is not None:
            return self._yearly(rows, group_of)
        chosen, group, entity = self._pick_latest(rows, group_of)
        codes = np.where(chosen >= 0, self.row_codes[np.maximum(chosen, 0)], NO_DATA)
        target, count = self.target, len(chosen)

        def measure() -> Measured:
            picked = np.maximum(chosen, 0)
            return _measured(target, self.exact.take(picked), chosen >= 0, count)

        return _Units(codes.astype(np.int8), group, entity, measure, lambda: None)

    def _pick_latest(self, rows: _Array, group_of: _Array) -> tuple[_Array, _Array, _Array]:
        """The row of each unit's latest result up to the review (or due) year, -1 if none.

        As evaluate.pick_latest: a result dated after that year is not known
        yet; several undated results, or dated and undated ones mixed, have
        no latest.
        """
        key = self.target.key
        unit_of, group, entity = self._units(group_of, self._entity_codes(rows))
        years = self._years(rows)
        keys = _pack(unit_of, years)
        order = _order(keys)
        unit_s, year_s, rows_s = unit_of[order], years[order], rows[order]
        self._duplicates(keys[order], rows_s)
        last_year = _last_year(self.target, self.as_of)
        if last_year is not None:
            known = year_s <= last_year
            unit_s, year_s, rows_s = unit_s[known], year_s[known], rows_s[known]
        starts = _starts(unit_s)
        lengths = np.diff(np.append(starts, len(unit_s)))
        undated = np.add.reduceat((year_s < 0).astype(np.int64), starts) if len(starts) else (
            starts)  # fmt: skip
        problems = self._problems(self._column(self.data.period, "period"))
        several = unit_s[starts[undated > 1]]
        problems.add(rows_s[np.isin(unit_s, several) & (year_s < 0)], lambda row: (
            f"indicator {key!r}: several results without a period in one group, so none is "
            "the latest; give each its period, or keep one result per group"))  # fmt: skip
        mixed = unit_s[starts[(undated > 0) & (lengths > undated)]]
        problems.add(rows_s[np.isin(unit_s, mixed)], lambda row: (
            f"indicator {key!r}: some results of one group name a period and some do not; "
            "give every result a period, or none"))  # fmt: skip
        problems.raise_any()
        chosen = np.full(len(group), -1, dtype=np.int64)
        if len(unit_s):  # the latest year sorts last
            chosen[unit_s[starts]] = rows_s[_ends(starts, len(unit_s))]
        return chosen, group, entity

    def _yearly(self, rows: _Array, group_of: _Array) -> _Units:
        target = self.target
        years = self._years(rows)
        undated = rows[years < 0]
        if undated.size:
            key = target.key
            problems = self._problems(self._column(self.data.period, "period"))
            problems.add(undated, lambda row: (
                f"indicator {key!r}: a yearly target needs the year of each result, but the "
                "row has none; give its period"))  # fmt: skip
            problems.raise_any()
        unit_of, group, entity = self._units(group_of, self._entity_codes(rows))
        keys = _pack(unit_of, years)
        order = _order(keys)
        unit_s, year_s, rows_s, keys = unit_of[order], years[order], rows[order], keys[order]
        self._duplicates(keys, rows_s)
        plan = _Plan(self, unit_s, year_s, rows_s, keys, len(group))
        return plan.units(group, entity)

    # ------------------------------------------------------------------ groups

    def _by_group(self, units: _Units, count: int) -> _Group:
        """Without entities a group is one unit; a group with no rows gets the empty verdict."""
        group = units.group
        codes = np.full(count, self._empty_code, dtype=np.int8)
        codes[group] = units.codes

        def measure() -> Measured:
            return _spread(units.measure(), group, count)

        def tally() -> _Tally:
            parts = units.parts()
            if parts is None:
                return None
            met, total_parts = np.zeros(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
            met[group], total_parts[group] = parts
            return met, total_parts

        return codes, measure, tally

    @functools.cached_property
    def _empty_code(self) -> np.int8:
        """The status of a group with no results, as evaluate() gives it."""
        from resolmetrics.evaluate import evaluate

        verdict = evaluate(self.target, [], as_of=self.as_of, policy=self.policy)
        return CODES[verdict.status]

    # ------------------------------------------------------------------ populations

    def _population(self, units: _Units, count: int) -> _Group:
        """Count the units of each group: all, any, k of n, a share (see _combine._population)."""
        target, policy = self.target, self.policy
        across = target.across
        assert across is not None
        group, unit_codes = units.group, units.codes
        present = np.bincount(group, minlength=count) > 0
        in_progress = np.bincount(group[unit_codes == IN_PROGRESS], minlength=count) > 0
        missing = np.bincount(group[unit_codes == NO_DATA], minlength=count)
        judged_unit = unit_codes <= NOT
        judged = np.bincount(group[judged_unit], minlength=count)
        met = np.bincount(group[unit_codes <= ACHIEVED], minlength=count)
        no_data = ((missing > 0) & (policy.missing == "no_data")) | (judged == 0)
        quantifier = across.quantifier
        basis: Target | None = None
        actual = Q(met.astype(np.int64), 1)
        if quantifier is Quantifier.ALL:  # every unit: the worst status
            worst = np.zeros(count, dtype=np.int8)
            np.maximum.at(worst, group[judged_unit], unit_codes[judged_unit])
            codes = np.where(judged > 0, worst, NO_DATA)
        elif quantifier is Quantifier.ANY:  # one unit is enough: the best status
            best = np.full(count, NOT, dtype=np.int8)
            np.minimum.at(best, group[judged_unit], unit_codes[judged_unit])
            codes = np.where(judged > 0, best, NO_DATA)
        else:
            basis = population_basis(target)
            if quantifier is Quantifier.SHARE:
                actual = Q(100 * met.astype(np.int64), np.maximum(judged, 1).astype(np.int64))
            greater, equal = actual.threshold(Fraction(basis.lo))
            codes = codes_from_masks(basis.kind, basis.sign, greater, equal, greater, equal,
                                     self.strict)  # fmt: skip
        codes = np.where(no_data, NO_DATA, codes)
        codes = np.where(in_progress, IN_PROGRESS, codes)
        codes = np.where(present, codes, self._empty_code).astype(np.int8)
        shown = present & ~no_data & ~in_progress

        def measure() -> Measured:
            if basis is not None:
                lo = _const(basis.lo, count)
                return Measured(actual, shown, lo, lo, basis.kind, basis.sign, unit=basis.unit)
            return self._pick(units, count, shown, worst=quantifier is Quantifier.ALL)

        def tally() -> _Tally:
            # the parts are the units (only those judged, where "skip" leaves some out)
            every = np.bincount(group, minlength=count)
            skipped = (policy.missing == "skip") & ~no_data & ~in_progress
            return met, np.where(skipped, judged, every)

        return codes, measure, tally

    def _pick(self, units: _Units, count: int, shown: _Array, *, worst: bool) -> Measured:
        """The unit an "all" verdict shows (the worst) or an "any" verdict (the best).

        Worst: lowest status, then smallest margin; best: highest status,
        then largest margin; on a tie, the first unit by name.
        """
        inner = units.measure()
        judged = np.nonzero(units.codes <= NOT)[0]
        standing = NOT - units.codes[judged].astype(np.int64)
        margin = _dense(margins_of(inner)[0].take(judged))
        if not worst:
            standing, margin = -standing, -margin
        group = units.group[judged]
        order = np.lexsort((units.entity[judged], margin, standing, group))
        first = order[_starts(group[order])]
        picked = np.full(count, -1, dtype=np.int64)
        picked[group[first]] = judged[first]
        return _take(inner, np.where(shown, picked, -1))

    # ------------------------------------------------------------------ quotas

    def _quota(self, rows: _Array, group_of: _Array, count: int) -> _Group:
        """Units at a level against a cap on their share (see _combine._quota)."""
        rule = self.target.rule
        assert isinstance(rule, Quota)
        assert self.target.quota_targets is not None
        self._need_entities(rows)
        level_target, of_target = self.target.quota_targets
        chosen, unit_group, _ = self._pick_latest(rows, group_of)
        has = chosen >= 0
        picked, group = chosen[has], unit_group[has]
        level_codes = self.values.codes(level_target, self.strict)[picked]
        at_level = np.bincount(group[level_codes <= ACHIEVED], minlength=count)
        judged = np.bincount(group, minlength=count)
        if of_target is None:
            in_group = judged
        else:
            of_codes = self.values.codes(of_target, self.strict)[picked]
            in_group = np.bincount(group[of_codes <= ACHIEVED], minlength=count)
        share = Fraction(rule.at_most) / 100
        cap = _cap(_times(in_group, share), rule.rounding)
        counted = Q(at_level.astype(np.int64), 1)
        codes = np.where(counted.compare(cap) > 0, NOT, ACHIEVED)  # met or not, never exceeded
        codes = np.where(judged > 0, codes, NO_DATA).astype(np.int8)

        def measure() -> Measured:
            return Measured(counted, judged > 0, cap, cap, Kind.AT_MOST, -1)

        return codes, measure, lambda: (at_level, judged)

    # ------------------------------------------------------------------ not yet due

    def _due(
        self, codes: _Array, measure: Callable[[], Measured]
    ) -> tuple[_Array, Callable[[], Measured]]:
        """A target not yet due is IN_PROGRESS, keeping its figures so far.

        A yearly total is then measured against the whole term's total.
        """
        target, as_of = self.target, self.as_of
        if not not_yet_due(target, as_of):
            return codes, measure
        codes = np.full(len(codes), IN_PROGRESS, dtype=np.int8)
        if target.combine != "total" or target.term is None:
            return codes, measure
        first, last = target.term
        years = np.full(len(codes), last - first + 1, dtype=np.int64)

        def whole_term() -> Measured:
            inner = measure()
            return attrs.evolve(inner, lo=_times(years, target.lo), hi=_times(years, target.hi))

        return codes, whole_term


def not_yet_due(target: Target, as_of: date | None) -> bool:
    """True when the review date comes before the target's due date."""
    due = target.due_date
    return due is not None and as_of is not None and as_of < due


class Deferred:
    """A Judged whose statuses are known and whose other parts the general engine makes
    when first asked for (see _wide)."""

    def __init__(self, codes: _Array, make: Callable[[], Judged]) -> None:
        self.codes = codes
        self._make = functools.cache(make)

    def measure(self) -> Measured:
        return self._make().measure()

    def tally(self) -> _Tally:
        return self._make().tally()

    def members(self, group: int) -> _Array:
        return self._make().members(group)

    @property
    def periods(self) -> _Array | None:
        return self._make().periods

    @property
    def entities(self) -> tuple[_Array, list[str]] | None:
        return self._make().entities


def _alone(row: int) -> _Array:
    return np.array([row])


def group_index(groups: _Array, count: int) -> tuple[_Array, _Array]:
    """The rows in group order, and where each group's rows begin among them (and end:
    group *g*'s rows are ``order[starts[g] : starts[g + 1]]``)."""
    order = np.argsort(groups, kind="stable")
    return order, np.searchsorted(groups[order], np.arange(count + 1))


def _members(groups: _Array, count: int) -> Callable[[int], _Array]:
    """The rows of each group, found once, when first asked for."""
    index = functools.cache(lambda: group_index(groups, count))

    def rows(group: int) -> _Array:
        order, starts = index()
        return order[starts[group] : starts[group + 1]]

    return rows


# --------------------------------------------------------------------------- yearly plans


class _Plan:
    """The due years of every unit of a yearly target, and their values (see _combine._yearly).

    Rows come sorted by unit and year. A *candidate* is a (unit, due year)
    pair: with a term, each due year of the term for every unit; without
    one, the years each unit reported, up to the due year. A candidate has
    a value when its year (and, for a growth rate, the year before) has a
    level.
    """

    def __init__(
        self,
        engine: _Engine,
        unit_s: _Array,
        year_s: _Array,
        rows_s: _Array,
        keys: _Array,
        count: int,
    ) -> None:
        self.engine = engine
        self.target = engine.target
        self.unit_s, self.year_s, self.rows_s, self.keys = unit_s, year_s, rows_s, keys
        self.count = count

    def _row(self, unit: _Array, year: _Array) -> _Array:
        """The row of each (unit, year), or -1."""
        if len(self.keys) == 0:
            return np.full(len(unit), -1, dtype=np.int64)
        grid = self._grid
        if grid is not None:  # units by years, densely: look up by position
            table, first, width = grid
            at = year - first
            inside = (at >= 0) & (at < width)
            found = table[np.where(inside, unit * width + at, 0)]
            return np.where(inside, found, -1)
        wanted = _pack(unit, year)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.rows_s[at], -1)

    @functools.cached_property
    def _grid(self) -> tuple[_Array, int, int] | None:
        """The row of each (unit, year) in a units-by-years table, when that table is small
        (at most four cells a row): (table, first year, years)."""
        first, last = int(self.year_s.min()), int(self.year_s.max())
        width = last - first + 1
        if self.count * width > 4 * len(self.year_s) + 1024:
            return None
        table = np.full(self.count * width, -1, dtype=np.int64)
        table[self.unit_s * width + (self.year_s - first)] = self.rows_s
        return table, first, width

    def _candidates(self) -> tuple[_Array, _Array]:
        """(unit, year) of every due year of every unit, sorted by unit then year."""
        target, as_of = self.target, self.engine.as_of
        baseline = target.baseline
        if target.term is not None:
            first, last = target.term
            if target.growth is not None and (baseline is None or baseline.year != first - 1):
                first += 1
            due = [year for year in range(first, last + 1) if _complete(year, as_of)]
            years = np.array(due, dtype=np.int64)
            return np.repeat(np.arange(self.count), len(years)), np.tile(years, self.count)
        unit_s, year_s = self.unit_s, self.year_s
        keep = np.ones(len(unit_s), dtype=bool)
        if target.growth is not None:  # a unit's first level is the base of its first rate
            starts = _starts(unit_s)
            base = np.ones(len(starts), dtype=bool)
            if baseline is not None:
                base = year_s[starts] - 1 != baseline.year
            keep[starts[base]] = False
        due_year = _due_year(target)
        if due_year is not None:
            keep &= year_s <= due_year
        if as_of is not None:
            last_complete = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
            keep &= year_s <= last_complete
        return unit_s[keep], year_s[keep]

    def _level(self, unit: _Array, year: _Array) -> tuple[Q, _Array]:
        """The level of each (unit, year): its row's, else the baseline's for its year."""
        row = self._row(unit, year)
        levels = self.engine.exact.take(np.maximum(row, 0))
        has = row >= 0
        baseline = self.target.baseline
        if baseline is not None and not isinstance(baseline.value, str):
            fill = ~has & (year == baseline.year)
            if fill.any():
                levels = _const(_baseline_level(self.target), len(row)).where(fill, levels)
                has = has | fill
        return levels, has

    def _check_positive(self, level: Q, has: _Array, year: _Array, base_year: _Array) -> None:
        bad = np.nonzero(has & (level.sign() <= 0))[0]
        if bad.size:
            at = int(bad[0])
            raise InvalidResultError(
                f"indicator {self.target.key!r}: the growth of {int(year[at])} is measured from "
                f"the level of {int(base_year[at])}, {as_text(level.exact(at))}, which is not "
                "positive; a growth rate needs a positive starting level"
            )

    def _parts(self, unit: _Array, year: _Array) -> tuple[Callable[[], Q], _Array, _Array]:
        """For every candidate: its value (made on demand), whether it has one, its status."""
        engine, target = self.engine, self.target
        if target.growth is None:
            row = self._row(unit, year)
            picked = np.maximum(row, 0)
            return lambda: engine.exact.take(picked), row >= 0, engine.row_codes[picked]
        fast = self._float_growth(unit, year)
        if fast is not None:
            has, codes = fast
            return functools.cache(lambda: self._rates(unit, year)[0]), has, codes
        rate, has = self._rates(unit, year)
        lo_gt, lo_eq = rate.threshold(Fraction(target.lo))
        hi_gt, hi_eq = rate.threshold(Fraction(target.hi))
        codes = codes_from_masks(target.kind, target.sign, lo_gt, lo_eq, hi_gt, hi_eq,
                                 engine.strict)  # fmt: skip
        return lambda: rate, has, codes

    def _rates(self, unit: _Array, year: _Array) -> tuple[Q, _Array]:
        """The growth rate of each (unit, year) from the year before, exactly, and whether the
        two levels are known."""
        current, has_current = self._level(unit, year)
        previous, has_previous = self._level(unit, year - 1)
        has = has_current & has_previous
        self._check_positive(previous, has, year, year - 1)
        return _growth_rate(current, previous, has), has

    def _float_growth(self, unit: _Array, year: _Array) -> tuple[_Array, _Array] | None:
        """(has a rate, status code) of each (unit, year), from float levels, exactly.

        For a bound ``r = a / b``, a rate from ``prev`` to ``cur`` is above
        r exactly when ``100 b cur > (100 b + a) prev`` (prev positive). The
        two products are computed in float64 where their rounding (a few
        parts in 10**16, the shortest repr included) cannot change the
        sign of their difference; the other rows, ties among them, are
        compared exactly on integers. None where this does not apply (other
        kinds of values, several units, a baseline in the years, a bound
        with a wide denominator).
        """
        values, target = self.engine.values, self.target
        if values.kind != "float" or values.unit_rows is not None or values.floats is None:
            return None
        if not float_growth_fits(target):
            return None
        current, previous = self._row(unit, year), self._row(unit, year - 1)
        baseline = target.baseline
        if baseline is not None and not isinstance(baseline.value, str) and (
            ((current < 0) & (year == baseline.year)).any()
            or ((previous < 0) & (year - 1 == baseline.year)).any()
        ):  # fmt: skip
            return None
        has = (current >= 0) & (previous >= 0)
        cur = values.floats[current[has]]
        prev = values.floats[previous[has]]
        if (prev <= 0).any():
            self._rates(unit, year)  # raises the exact message
        codes = np.full(len(has), NO_DATA, dtype=np.int8)
        codes[has] = float_growth_codes(target, cur, prev, self.engine.strict)
        return has, codes

    def units(self, group: _Array, entity: _Array) -> _Units:
        target, policy, count = self.target, self.engine.policy, self.count
        cand_unit, cand_year = self._candidates()
        if target.growth == "cagr":
            return self._compound(cand_unit, cand_year, group, entity)
        candidates = np.bincount(cand_unit, minlength=count)
        reported = np.bincount(self.unit_s, minlength=count)
        make_values, has, part_codes = self._parts(cand_unit, cand_year)
        part_unit, part_year, part_codes = cand_unit[has], cand_year[has], part_codes[has]
        valued = np.bincount(part_unit, minlength=count)
        no_data = ((candidates > valued) & (policy.missing == "no_data")) | (valued == 0)
        how = "mean" if target.growth == "mean" else target.combine
        starts = _starts(part_unit)
        owner = part_unit[starts]
        codes = np.full(count, NO_DATA, dtype=np.int8)
        if how == "each":  # any year missed is a miss; all beaten is exceeded
            codes[owner] = np.maximum.reduceat(part_codes, starts) if len(starts) else []
        elif how == "latest":
            codes[owner] = part_codes[_ends(starts, len(part_unit))]
        else:  # the sum of the years against the yearly bound times their number
            sums = _sums(make_values().take(has), starts)
            years = valued[owner]
            low, high = sums.compare(_times(years, target.lo)), sums.compare(
                _times(years, target.hi))  # fmt: skip
            codes[owner] = codes_from_masks(target.kind, target.sign, low > 0, low == 0,
                                            high > 0, high == 0, self.engine.strict)  # fmt: skip
        codes = np.where(no_data, NO_DATA, codes)
        codes = np.where(candidates == 0, IN_PROGRESS, codes)  # no due year is over yet
        if target.term is None:  # nothing reported, and no term to wait for
            codes = np.where(reported == 0, NO_DATA, codes)
        codes = codes.astype(np.int8)
        shown = (candidates > 0) & ~no_data

        def measure() -> Measured:
            values = make_values().take(has)
            return self._measure(values, part_unit, part_year, part_codes, starts, how, shown)

        def parts() -> _Tally:
            return np.bincount(part_unit[part_codes <= ACHIEVED], minlength=count), valued

        return _Units(codes, group, entity, measure, parts)

    def _measure(
        self,
        values: Q,
        part_unit: _Array,
        part_year: _Array,
        part_codes: _Array,
        starts: _Array,
        how: str | None,
        shown: _Array,
    ) -> Measured:
        target, count = self.target, self.count
        owner = part_unit[starts]
        lo, hi = _const(target.lo, count), _const(target.hi, count)
        unit = "percent" if target.growth is not None else target.unit
        if how in ("each", "latest"):
            if how == "each":  # the weakest year: lowest status, smallest margin, first year
                inner = _measured(target, values, np.ones(len(values), dtype=bool), len(values))
                margin = _dense(margins_of(inner)[0])
                order = np.lexsort((part_year, margin, -part_codes.astype(np.int64), part_unit))
                chosen = order[_starts(part_unit[order])]
            else:
                chosen = _ends(starts, len(part_unit))
            picked = np.zeros(count, dtype=np.int64)
            picked[owner] = chosen
            measured = Measured(values.take(picked), shown, lo, hi, target.kind, target.sign,
                                unit=unit)  # fmt: skip
            return _with_levels(target, measured)
        sums = _spread_q(_sums(values, starts), owner, count)
        years = np.maximum(np.bincount(part_unit, minlength=count), 1).astype(np.int64)
        if how == "mean":
            actual = sums.divide(Q(years, 1))
            return Measured(actual, shown, lo, hi, target.kind, target.sign, unit=unit)
        return Measured(sums, shown, _times(years, target.lo), _times(years, target.hi),
                        target.kind, target.sign, unit=unit)  # fmt: skip

    def _compound(
        self, cand_unit: _Array, cand_year: _Array, group: _Array, entity: _Array
    ) -> _Units:
        """Compound annual growth from the level before the first due year to the last.

        Decided exactly: for levels a and b over n years and a bound r %,
        ``cagr >= r`` exactly when ``b / a >= (1 + r / 100) ** n``; compared
        by cross-multiplication on integers.
        """
        target, engine, count = self.target, self.engine, self.count
        candidates = np.bincount(cand_unit, minlength=count)
        reported = np.bincount(self.unit_s, minlength=count)
        starts = _starts(cand_unit)
        owner = cand_unit[starts]
        end = np.zeros(count, dtype=np.int64)
        start = np.zeros(count, dtype=np.int64)
        end[owner] = cand_year[_ends(starts, len(cand_unit))]
        start[owner] = cand_year[starts] - 1
        if target.term is None:  # from the first level known before the end
            first_known = np.full(count, _YEARS, dtype=np.int64)
            before = self.year_s < end[self.unit_s]
            np.minimum.at(first_known, self.unit_s[before], self.year_s[before])
            baseline = target.baseline
            if baseline is not None:
                earlier = np.minimum(first_known, baseline.year)
                first_known = np.where(baseline.year < end, earlier, first_known)
            start = np.where(first_known < _YEARS, first_known, start)
        units = np.arange(count)
        first, has_first = self._level(units, start)
        last, has_last = self._level(units, end)
        due = candidates > 0
        judged = due & has_first & has_last
        self._check_positive(first, judged, end, start)
        span = end - start
        codes = np.full(count, NO_DATA, dtype=np.int8)
        for years in np.unique(span[judged]).tolist():
            chosen = judged & (span == years)
            ends, begins = last.take(chosen), first.take(chosen)
            low = _ratio_threshold(ends, begins, compound_bound(target, target.lo, years))
            high = _ratio_threshold(ends, begins, compound_bound(target, target.hi, years))
            codes[chosen] = codes_from_masks(target.kind, target.sign, *low, *high,
                                             engine.strict)  # fmt: skip
        codes = np.where(due, codes, IN_PROGRESS)
        if target.term is None:
            codes = np.where(reported == 0, NO_DATA, codes)

        def measure() -> Measured:
            rates: list[Exact] = [
                compound_rate(Fraction(last.exact(i)) / Fraction(first.exact(i)), int(span[i]))
                if judged[i] else Decimal(0)
                for i in range(count)
            ]  # fmt: skip
            lo, hi = _const(target.lo, count), _const(target.hi, count)
            return Measured(Q.from_exact(rates), judged.copy(), lo, hi, target.kind, target.sign,
                            approximate=judged.copy(), unit="percent")  # fmt: skip

        return _Units(codes.astype(np.int8), group, entity, measure, lambda: None)


def _sums(values: Q, starts: _Array) -> Q:
    """The sum of each run of rows beginning at *starts*, exactly."""
    if values.common:
        return values.segment_sums(starts, np.diff(np.append(starts, len(values))))
    ends = _ends(starts, len(values)) + 1
    nums, dens = values.num.tolist(), values.den_array().tolist()
    sums = [
        sum((Fraction(int(nums[i]), int(dens[i])) for i in range(begin, end)), Fraction(0))
        for begin, end in zip(starts.tolist(), ends.tolist(), strict=True)
    ]
    return Q.from_exact(sums)


def _growth_rate(current: Q, previous: Q, has: _Array) -> Q:
    """``100 * (current / previous - 1)`` per row, exactly (0 where a level is missing)."""
    a, b, _ = current.over(previous)
    num = product(total(a, b, -1), 100)
    den = np.where(has & (np.asarray(b) != 0), b, 1)
    num = np.where(has, num, 0)
    return Q(_ints(np.asarray(num)), _ints(np.asarray(den)))


def _ratio_threshold(num: Q, den: Q, bound: Fraction) -> tuple[_Array, _Array]:
    """(num / den > bound, num / den == bound) for positive *den*, by cross-multiplication."""
    a, b, _ = num.over(den)
    difference = total(product(a, bound.denominator), product(b, bound.numerator), -1)
    return np.asarray(difference > 0, dtype=bool), np.asarray(difference == 0, dtype=bool)


def _cap(share: Q, rounding: str) -> Q:
    """A quota's cap from the exact number of units its share allows (see Quota.cap)."""
    if rounding == "exact":
        return share
    num, den = share.num, share.den
    assert isinstance(den, int)
    if rounding == "down":
        whole = num // den
    elif rounding == "up":
        whole = -(-num // den)
    else:  # half up
        whole = (2 * num + den) // (2 * den)
    return Q(_ints(np.asarray(whole)), 1)


# --------------------------------------------------------------------------- figures


def _measured(target: Target, exact: Q, shown: _Array, count: int) -> Measured:
    """The figures of verdicts on single values: each value against the target itself."""
    lo, hi = _const(target.lo, count), _const(target.hi, count)
    measured = Measured(exact, shown, lo, hi, target.kind, target.sign, unit=target.unit)
    return _with_levels(target, measured)


def _with_levels(target: Target, measured: Measured) -> Measured:
    scale = target.indicator.scale
    return measured if scale is None else attrs.evolve(measured, levels=scale.codes)


def _spread(inner: Measured, group: _Array, count: int) -> Measured:
    """Per-unit figures put on the rows of their groups (a group without a unit shows none)."""
    has = np.zeros(count, dtype=bool)
    has[group] = inner.has_actual
    approximate = None
    if inner.approximate is not None:
        approximate = np.zeros(count, dtype=bool)
        approximate[group] = inner.approximate
    return attrs.evolve(
        inner,
        actual=_spread_q(inner.actual, group, count),
        has_actual=has,
        lo=_spread_q(inner.lo, group, count),
        hi=_spread_q(inner.hi, group, count),
        approximate=approximate,
    )


def _spread_q(values: Q, group: _Array, count: int) -> Q:
    num = np.zeros(count, dtype=values.num.dtype)
    num[group] = values.num
    if isinstance(values.den, int):
        return Q(num, values.den)
    den = np.ones(count, dtype=values.den.dtype)
    den[group] = values.den
    return Q(num, den)


def _take(inner: Measured, picked: _Array) -> Measured:
    """The figures of the units *picked* (-1: none), one per group."""
    rows = np.maximum(picked, 0)
    return attrs.evolve(
        inner,
        actual=inner.actual.take(rows),
        has_actual=(picked >= 0) & inner.has_actual[rows],
        lo=inner.lo.take(rows),
        hi=inner.hi.take(rows),
        approximate=None if inner.approximate is None else inner.approximate[rows],
    )


def margins_of(measured: Measured) -> tuple[Q, Q]:
    """(margin, the bound it is measured from) per group, as Verdict._measure computes them."""
    value, lo, hi = measured.actual, measured.lo, measured.hi
    kind, sign = measured.kind, measured.sign
    if kind is Kind.BETWEEN:
        if sign > 0:
            reference = hi.where(value.compare(hi) > 0, lo)
            return value - reference, reference
        if sign < 0:
            reference = lo.where(value.compare(lo) < 0, hi)
            return reference - value, reference
        under, over = value.compare(lo) < 0, value.compare(hi) > 0
        below, beyond = value - lo, hi - value
        nearer_low = below.compare(beyond) <= 0
        inside = below.where(nearer_low, beyond)
        inside_reference = lo.where(nearer_low, hi)
        margin = below.where(under, beyond.where(over, inside))
        return margin, lo.where(under, hi.where(over, inside_reference))
    if kind is Kind.EXACTLY:  # a point: any difference is a miss
        return -((value - lo).absolute()), lo
    return (value - lo, lo) if sign > 0 else (lo - value, lo)
