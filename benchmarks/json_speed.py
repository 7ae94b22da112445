"""Documents per second written and read by resolmetrics.json.

Two values: the report of the embedded demo (a resolution of 15 component
targets, about 120 part verdicts, written with every verdict's derived
figures and explanations in two languages), and a single verdict on one
value. For each: dumps (value -> text), loads (text -> value), and, for
comparison, the standard library's json.dumps / json.loads of the same
document, which bound what any value-to-JSON layer can do.

    python benchmarks/json_speed.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from _timing import rate

import resolmetrics as rm
from resolmetrics import json as rmjson
from resolmetrics.demo import AS_OF, demo_resolution, demo_results


def _figures(call: Callable[[], object], seconds: float) -> dict[str, float]:
    per_second = rate(call, seconds, start_with=10)
    return {"per second": round(per_second), "milliseconds each": round(1000 / per_second, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    report = demo_resolution().evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    share = rm.Indicator("org_good", unit="percent", limits=(0, 100))
    verdict = rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result("93.1"))

    results: dict[str, object] = {}
    for name, value in (("demo report", report), ("single verdict", verdict)):
        text = rmjson.dumps(value)
        document = json.loads(text)
        assert rmjson.loads(text) == value
        results[name] = {
            "document size (bytes)": len(text.encode("utf-8")),
            "dumps": _figures(lambda value=value: rmjson.dumps(value), args.seconds),
            "loads": _figures(lambda text=text: rmjson.loads(text), args.seconds),
            "stdlib json.dumps of the document": _figures(
                lambda document=document: json.dumps(document, ensure_ascii=False), args.seconds
            ),
            "stdlib json.loads of the text": _figures(
                lambda text=text: json.loads(text), args.seconds
            ),
        }
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
