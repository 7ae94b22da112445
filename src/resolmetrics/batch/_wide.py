"""Yearly targets over wide tables (a column a year), decided column against column.

The general engine reads a wide table as a long one: a row per (unit,
year). For the common case (float columns with no gaps, a target on the
levels or their year-on-year growth, judged every year or on the latest)
the statuses follow from the year columns directly, a chunk of rows at a
time, at the speed of numpy comparisons; :func:`wide_codes` gives them.
Everything else a verdict holds (its figures, its parts) is then made by the
general engine only when it is asked for, so the two agree by construction
on all but the statuses, which a property test holds equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from resolmetrics._combine import _complete, _due_year
from resolmetrics.errors import InvalidColumnError
from resolmetrics.policy import Policy
from resolmetrics.rules import Quota
from resolmetrics.targets import Target

from ._columns import Column
from ._values import (
    IN_PROGRESS,
    NO_DATA,
    ColumnLabels,
    Values,
    float_growth_codes,
    float_growth_fits,
    strict_code,
)

__all__ = ["wide_codes"]

_Array = np.ndarray[Any, Any]


def wide_codes(
    target: Target,
    parts: Sequence[Column],
    years: Sequence[int],
    unit: Column | str | None,
    as_of: date | None,
    policy: Policy,
    nan: str,
) -> _Array | None:
    """The status code of each row (before the due date is looked at), or None when the
    general engine must judge the table (see the module docstring)."""
    if not _fits(target, parts, years, unit, nan):
        return None
    size = len(parts[0])
    names = tuple(part.name for part in parts)
    growth = target.growth is not None
    try:
        checked = {
            year: Values(target, part.renamed("years"), unit=unit, nan=nan,
                         labels=ColumnLabels(part.name, names), level=growth)
            for year, part in zip(years, parts, strict=True)
        }  # fmt: skip
    except InvalidColumnError:
        return None  # the general engine names every bad row of every year at once
    due = _due_years(target, years, as_of)
    if not due:
        return np.full(size, IN_PROGRESS, dtype=np.int8)
    have = [y for y in due if y in checked and (not growth or y - 1 in checked)]
    if (len(have) < len(due) and policy.missing == "no_data") or not have:
        return np.full(size, NO_DATA, dtype=np.int8)
    strict = strict_code(policy.strict_met)
    codes: _Array | None = None
    for year in have:
        if growth:
            found = _growth_codes(target, checked[year - 1], checked[year], strict, year)
        else:
            found = checked[year].codes(target, strict)
        if codes is None or target.combine == "latest":
            codes = found
        else:  # each: any year missed is a miss, all beaten is exceeded
            np.maximum(codes, found, out=codes)
    assert codes is not None
    return codes


def _fits(
    target: Target,
    parts: Sequence[Column],
    years: Sequence[int],
    unit: Column | str | None,
    nan: str,
) -> bool:
    if target.per is None or target.across is not None or isinstance(target.rule, Quota):
        return False
    if target.combine not in ("each", "latest") or target.growth not in (None, "yoy"):
        return False
    if target.indicator.scale is not None or isinstance(unit, Column):
        return False
    if any(part.kind != "float" or part.valid is not None for part in parts):
        return False
    if nan == "missing" and any(np.isnan(part.data).any() for part in parts):
        return False
    baseline = target.baseline
    if (
        baseline is not None
        and not isinstance(baseline.value, str)
        and min(years) - 1 <= baseline.year <= max(years)
    ):
        return False  # a level the baseline gives: the general engine reads it
    return float_growth_fits(target)


def _due_years(target: Target, years: Sequence[int], as_of: date | None) -> list[int]:
    """The years judged, as _combine._years and _complete choose them: every row reports
    every year column, so they are the same for all rows."""
    baseline = target.baseline
    if target.term is not None:
        first, last = target.term
        if target.growth is not None and (baseline is None or baseline.year != first - 1):
            first += 1
        candidates = list(range(first, last + 1))
    else:
        candidates = sorted(years)
        if target.growth is not None and candidates:
            candidates = candidates[1:]  # the first level is the base of the first rate
        due = _due_year(target)
        candidates = [y for y in candidates if due is None or y <= due]
    return [y for y in candidates if _complete(y, as_of)]


def _growth_codes(target: Target, before: Values, after: Values, strict: int, year: int) -> _Array:
    """The status of each row's growth from one year's level to the next, exactly."""
    previous, current = before.floats, after.floats
    assert previous is not None
    assert current is not None
    if (previous <= 0).any():
        row = int(np.nonzero(previous <= 0)[0][0])
        from resolmetrics.errors import InvalidResultError
        from resolmetrics.numbers import as_text

        raise InvalidResultError(
            f"indicator {target.key!r}: the growth of {year} is measured from the level of "
            f"{year - 1}, {as_text(before.exact().exact(row))}, which is not positive; a "
            f"growth rate needs a positive starting level (row {row})"
        )
    return float_growth_codes(target, current, previous, strict)
