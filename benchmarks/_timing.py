"""What the benchmark scripts share: calls per second, measured the same way."""

from __future__ import annotations

import time
from collections.abc import Callable


def rate(call: Callable[[], object], seconds: float, *, start_with: int = 100) -> float:
    """Calls per second, best of five runs of about *seconds* / 5 each."""
    number = start_with
    while True:  # calibrate
        start = time.perf_counter()
        for _ in range(number):
            call()
        elapsed = time.perf_counter() - start
        if elapsed > seconds / 50:
            break
        number *= 2
    per_run = max(int(number * (seconds / 5) / elapsed), 1)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(per_run):
            call()
        best = min(best, (time.perf_counter() - start) / per_run)
    return 1 / best
