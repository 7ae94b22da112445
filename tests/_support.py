"""What the example-based tests share: short names, result builders, exact-error checks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
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


def run_python(*args: str, cwd: Path) -> str:
    """Run ``python *args`` in *cwd*; fail unless it exits with 0 and writes no error."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    completed = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, (
        f"python {' '.join(args)} exited with {completed.returncode}:\n{completed.stderr}"
    )
    assert completed.stderr == "", completed.stderr
    return completed.stdout
