"""What the example-based tests share: short names, result builders, exact-error checks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import resolmetrics as rm

EXCEEDED = rm.Status.EXCEEDED
ACHIEVED = rm.Status.ACHIEVED
NOT = rm.Status.NOT_ACHIEVED
IN_PROGRESS = rm.Status.IN_PROGRESS
NO_DATA = rm.Status.NO_DATA

D = Decimal
F = Fraction


def yearly(values: dict[int, Any], **options: Any) -> list[rm.Result]:
    """One result a year: ``yearly({2020: 80, 2021: 86})``."""
    return [rm.Result(value, period=year, **options) for year, value in values.items()]


def by_unit(values: dict[str, Any], **options: Any) -> list[rm.Result]:
    """One result a unit of observation: ``by_unit({"DN 1": "4.5", "DN 2": 3})``."""
    return [rm.Result(value, entity=entity, **options) for entity, value in values.items()]


def raises_exactly(build: Callable[[], object], error: type[Exception], message: str) -> None:
    """*build()* raises exactly *error* (not a subclass) with exactly *message*."""
    with pytest.raises(error) as info:
        build()
    assert type(info.value) is error
    assert str(info.value) == message
