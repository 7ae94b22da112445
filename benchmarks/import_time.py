"""How long `import resolmetrics` takes, side by side with `import attrs`.

Each import runs in a fresh interpreter, alternating the two, many times; the
figure is the median wall time of the import statement alone. Both packages
use their bytecode caches, as installed packages do (PYTHONDONTWRITEBYTECODE
is cleared and one warm-up run writes the caches). The script also checks
that the import leaves pint, tabulate and hypothesis unloaded.

    python benchmarks/import_time.py [--runs 40]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

PROBE = """
import sys, time
start = time.perf_counter()
import {module}
elapsed = time.perf_counter() - start
heavy = sorted(m for m in ("pint", "tabulate", "hypothesis") if m in sys.modules)
print(elapsed, ",".join(heavy))
"""

FIRST_USE = """
import time
start = time.perf_counter()
import resolmetrics as rm
share = rm.Indicator("org_good", unit="percent")
rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result("93.1")).margin
print(time.perf_counter() - start)
"""


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_ENV
    )
    return done.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"attrs": [], "resolmetrics": []}
    loaded: set[str] = set()
    first_use: list[float] = []
    _run(FIRST_USE)  # warm-up: writes the bytecode caches
    for _ in range(args.runs):
        for module in times:
            out = _run(PROBE.format(module=module))
            times[module].append(float(out[0]))
            if module == "resolmetrics" and len(out) > 1:
                loaded.update(out[1].split(","))
        first_use.append(float(_run(FIRST_USE)[0]))
    attrs_ms = statistics.median(times["attrs"]) * 1e3
    rm_ms = statistics.median(times["resolmetrics"]) * 1e3
    report = {
        "runs": args.runs,
        "import attrs (ms, median)": round(attrs_ms, 2),
        "import resolmetrics (ms, median)": round(rm_ms, 2),
        "ratio": round(rm_ms / attrs_ms, 2),
        "import + first verdict (ms, median)": round(statistics.median(first_use) * 1e3, 2),
        "heavy modules loaded by the import": sorted(loaded) or "none",
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
