"""Evaluation conventions that reasonable reviews choose differently."""

from __future__ import annotations

import decimal

import attrs

from .errors import InvalidArgumentError, InvalidArgumentTypeError
from .verdicts import Status

__all__ = ["DEFAULT_POLICY", "Policy"]

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
    """

    strict_met: Status = attrs.field(default=Status.ACHIEVED, converter=_strict_met)
    places: int = attrs.field(default=2, converter=_places)
    rounding: str = attrs.field(default=decimal.ROUND_HALF_UP, converter=_rounding)


DEFAULT_POLICY = Policy()
