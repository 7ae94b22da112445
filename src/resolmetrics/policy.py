"""Evaluation conventions that reasonable reviews choose differently."""

from __future__ import annotations

import decimal

import attrs

from .errors import InvalidArgumentError, InvalidArgumentTypeError
from .verdicts import Status

__all__ = ["DEFAULT_POLICY", "PROGRESS_METHODS", "Policy"]

_ROUNDINGS = (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN)


def _strict_met(value: object) -> Status:
    try:
        status = Status(value)  # type: ignore[arg-type]
    except ValueError:
        status = None
    if status is None or status not in (Status.ACHIEVED, Status.EXCEEDED):
        raise InvalidArgumentError(
            f"Policy(strict_met) must be Status.ACHIEVED (the convention of review tables) "
            f"or Status.EXCEEDED, got {value!r}"
        )
    return status


def _places(value: object) -> int:
    if type(value) is not int:
        raise InvalidArgumentTypeError(
            f"Policy(places) must be an int number of decimal places, got {value!r}"
        )
    if not 0 <= value <= 12:
        raise InvalidArgumentError(f"Policy(places) must be between 0 and 12, got {value!r}")
    return value


_MISSING = ("no_data", "skip")
PROGRESS_METHODS = ("linear", "open_sdg", "eurostat", "unsd")


def _missing(value: object) -> str:
    if value not in _MISSING:
        raise InvalidArgumentError(
            f"Policy(missing) must be 'no_data' (a due year or unit without data makes the "
            f"verdict NO_DATA, the default) or 'skip' (judge on what was reported), got {value!r}"
        )
    return value


def _progress(value: object) -> object:
    if value is None or value in PROGRESS_METHODS or hasattr(value, "assess"):
        return value
    raise InvalidArgumentError(
        f"Policy(progress) must be one of {', '.join(map(repr, PROGRESS_METHODS))}, a "
        f"configured method such as OpenSDG(limit=100), or None for no assessment, got {value!r}"
    )


def _points(value: object) -> str:
    if value not in ("words", "percent"):
        raise InvalidArgumentError(
            f'Policy(points) must be \'words\' ("3.1 percentage points", "3,1 điểm phần '
            f'trăm", the default) or \'percent\' (the customary "Vượt 3,1%"), got {value!r}'
        )
    return value


def _rounding(value: object) -> str:
    if not isinstance(value, str) or value not in _ROUNDINGS:
        raise InvalidArgumentError(
            f"Policy(rounding) must be decimal.ROUND_HALF_UP (the default), ROUND_HALF_EVEN "
            f"or ROUND_DOWN (truncation), got {value!r}"
        )
    return value


@attrs.frozen
class Policy:
    """How verdicts are decided and displayed where conventions differ.

    ``strict_met``
        The status of a met strict bound (``above``/``below``). Review tables
        write "Đạt" (achieved) for "Trên 95 %" met by 98 %, so the default is
        ``Status.ACHIEVED``; ``Status.EXCEEDED`` treats it as beaten.
    ``places``
        At most this many decimals when a number is displayed (trailing zeros
        are dropped). Only display is rounded; verdicts and margins never are.
    ``rounding``
        The display rounding: ``decimal.ROUND_HALF_UP`` (default, as
        Vietnamese reports expect), ``ROUND_HALF_EVEN`` or ``ROUND_DOWN``.
    ``missing``
        What a due year or a unit without data does: ``"no_data"`` (the
        default) makes the verdict NO_DATA and names what is missing (the
        years or units reported are still in its parts); ``"skip"`` judges
        on what was reported and leaves the rest out.
    ``points``
        How a margin in percentage points is written: ``"words"`` (the
        default: "3.1 percentage points", "3,1 điểm phần trăm") or
        ``"percent"``, the customary "Vượt 3,1%" of Vietnamese review tables.
    ``progress``
        How a target not yet due that has a baseline is assessed: ``"linear"``
        (the default: linear pro-rating over the term), ``"open_sdg"``,
        ``"eurostat"``, ``"unsd"``, a configured method object such as
        ``OpenSDG(limit=100)``, or None for no assessment.
    """

    strict_met: Status = attrs.field(default=Status.ACHIEVED, converter=_strict_met)
    places: int = attrs.field(default=2, converter=_places)
    rounding: str = attrs.field(default=decimal.ROUND_HALF_UP, converter=_rounding)
    missing: str = attrs.field(default="no_data", converter=_missing)
    points: str = attrs.field(default="words", converter=_points)
    progress: object = attrs.field(default="linear", converter=_progress)


DEFAULT_POLICY = Policy()
