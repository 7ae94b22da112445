"""Verdicts per second from evaluate() on a prepared target and result.

The baseline is what one would write by hand: a Decimal comparison that
returns a small attrs object. The headline figure is the first scenario (a
percent target, decimal bound and value); the others show the costs of a
ratio, a rated indicator, a range, a unit conversion, and of reading the
margins (computed on read, exactly).

    python benchmarks/evaluate_speed.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from decimal import Decimal

import attrs
from _timing import rate

import resolmetrics as rm


@attrs.frozen
class _Baseline:
    status: str
    actual: Decimal


_BOUND = Decimal(90)


def _baseline(value: Decimal) -> _Baseline:
    status = "exceeded" if value > _BOUND else "achieved" if value == _BOUND else "not_achieved"
    return _Baseline(status, value)


def _rate(call: Callable[[], object], seconds: float) -> float:
    return rate(call, seconds, start_with=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    share = rm.Indicator("org_good", unit="percent", limits=(0, 100))
    percent = rm.Target(share, rm.at_least(90))
    value = rm.Result("93.1")
    ratio = rm.Result.ratio(41, 71)
    rated = rm.Target(rm.Indicator("committee", scale=rm.PARTY_QUALITY), rm.at_least("HTTNV"))
    rating = rm.Result("HTXSNV")
    band = rm.Target(
        rm.Indicator("prices", unit="percent", direction=rm.Direction.ON_TARGET), rm.between(3, 5)
    )
    revenue = rm.Target(rm.Indicator("revenue", unit="triệu đồng"), rm.at_least(25_000),
                        unit="tỷ đồng")  # fmt: skip
    in_trieu = rm.Result(26_150_000)
    verdict = rm.evaluate(percent, value)
    evaluate = rm.evaluate
    sample = Decimal("93.1")

    baseline = _rate(lambda: _baseline(sample), args.seconds)
    scenarios = {
        "percent, decimal (headline)": lambda: evaluate(percent, value),
        "percent, exact ratio 41/71": lambda: evaluate(percent, ratio),
        "rated indicator (ordinal)": lambda: evaluate(rated, rating),
        "on-target range": lambda: evaluate(band, value),
        "unit conversion triệu -> tỷ đồng": lambda: evaluate(revenue, in_trieu),
        "evaluate + read margin, relative margin, attainment": lambda: (
            (v := evaluate(percent, value)).margin,
            v.relative_margin,
            v.attainment,
        ),
        "verdict.explain()": verdict.explain,
    }
    report: dict[str, object] = {
        "baseline: hand-written Decimal comparison -> attrs object (per s)": round(baseline),
    }
    for name, call in scenarios.items():
        rate = _rate(call, args.seconds)
        report[name] = {"per second": round(rate), "time vs baseline": round(baseline / rate, 2)}
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
