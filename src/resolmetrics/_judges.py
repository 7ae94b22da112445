"""The status of one value against one rule: a comparison or two, nothing more.

Each function takes the value and the two bounds (equal for a one-bound
rule), all on one scale, and the status a met strict bound gets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .indicators import Direction
from .rules import Kind
from .verdicts import Status

__all__ = ["JUDGES", "Judge"]

_EXCEEDED, _ACHIEVED, _NOT = Status.EXCEEDED, Status.ACHIEVED, Status.NOT_ACHIEVED
Judge = Callable[[Any, Any, Any, Status], Status]


def _at_least(v: Any, x: Any, _: Any, strict: Status) -> Status:
    return _EXCEEDED if v > x else _ACHIEVED if v == x else _NOT


def _at_most(v: Any, x: Any, _: Any, strict: Status) -> Status:
    return _EXCEEDED if v < x else _ACHIEVED if v == x else _NOT


def _above(v: Any, x: Any, _: Any, strict: Status) -> Status:
    return strict if v > x else _NOT


def _below(v: Any, x: Any, _: Any, strict: Status) -> Status:
    return strict if v < x else _NOT


def _exactly(v: Any, x: Any, _: Any, strict: Status) -> Status:
    return _ACHIEVED if v == x else _NOT


def _range_higher(v: Any, lo: Any, hi: Any, strict: Status) -> Status:
    return _NOT if v < lo else _EXCEEDED if v > hi else _ACHIEVED


def _range_lower(v: Any, lo: Any, hi: Any, strict: Status) -> Status:
    return _NOT if v > hi else _EXCEEDED if v < lo else _ACHIEVED


def _range_band(v: Any, lo: Any, hi: Any, strict: Status) -> Status:
    return _ACHIEVED if lo <= v <= hi else _NOT


JUDGES: dict[tuple[Kind, Direction], Judge] = {}
for _direction in Direction:
    JUDGES[Kind.AT_LEAST, _direction] = _at_least
    JUDGES[Kind.AT_MOST, _direction] = _at_most
    JUDGES[Kind.ABOVE, _direction] = _above
    JUDGES[Kind.BELOW, _direction] = _below
    JUDGES[Kind.EXACTLY, _direction] = _exactly
JUDGES[Kind.BETWEEN, Direction.HIGHER_IS_BETTER] = _range_higher
JUDGES[Kind.BETWEEN, Direction.LOWER_IS_BETTER] = _range_lower
JUDGES[Kind.BETWEEN, Direction.ON_TARGET] = _range_band
