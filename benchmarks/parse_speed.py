"""How fast the text layer reads: targets, numbers and results per second, and how long
a long input (1 kB, 3 kB, 10 kB, 100 kB) takes to be read or rejected.

The typical texts are read in the language shown (None: told from the words). The long
inputs are read with lang="vi"; each read is stopped after --limit seconds (and the
larger sizes of that input are skipped). "growth" is log(time ratio) / log(size ratio)
over the two largest sizes that finished with the same outcome: about 1 for work linear
in the input, about 2 for quadratic work.

    python benchmarks/parse_speed.py [--seconds 1.0] [--limit 30]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import signal
import time
from collections.abc import Callable

from _timing import rate

import resolmetrics as rm
from resolmetrics.text import _vocabulary as vocabulary

TARGETS = [
    ("Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "vi"),
    ("Kết nạp 100 đảng viên trở lên mỗi năm", "vi"),
    ("Thu nhập bình quân tăng 3-5%/năm", "vi"),
    ("Tỷ lệ hộ nghèo giảm xuống dưới 2% đến năm 2025", "vi"),
    ("Thu ngân sách đạt 3.745.356 triệu đồng", "vi"),
    ("at least 90% of members rated good or better", "en"),
    ("no more than 4 %", "en"),
    ("grow 6.5-7% a year during the term", "en"),
]
NUMBERS = [("3.745.356", "vi"), ("99,2", "vi"), ("2,046", "en"), ("95", None), ("4.332,98", None)]
RESULTS = [
    ("99,2%", "vi"),
    ("33/52 = 63,5%", "vi"),
    ("3.745.356 triệu đồng", "vi"),
    ("HTNV", "vi"),
    ("hoàn thành tốt nhiệm vụ", "vi"),
    ("41/71 (57.7%)", "en"),
]
READERS: dict[str, Callable[[str, str | None], object]] = {
    "parse_target": rm.parse_target,
    "parse_number": rm.parse_number,
    "Result.parse": rm.Result.parse,
}
SIZES = (1_000, 3_000, 10_000, 100_000)


def _rate(call: Callable[[], object], seconds: float) -> float:
    return rate(call, seconds, start_with=100)


def _per_second(
    texts: list[tuple[str, str | None]], read: Callable[..., object], seconds: float
) -> dict[str, int]:
    report = {}
    for text, lang in texts:
        report[f"{text} ({lang})"] = round(_rate(lambda t=text, g=lang: read(t, g), seconds))
    return report


# --------------------------------------------------------------------------- long inputs


def _fill(piece: Callable[[random.Random], str], size: int) -> str:
    """Pieces drawn with a fixed seed, joined until the text is *size* characters long.

    The same seed for every size: a shorter input is the start of a longer one.
    """
    chooser = random.Random(4)
    parts: list[str] = []
    length = 0
    while length < size:
        part = piece(chooser)
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


_WORDS = sorted(
    {" ".join(p) for table in (vocabulary.PREFIXES, vocabulary.SUFFIXES, vocabulary.MEASURES,
                               vocabulary.PER_YEAR, vocabulary.DUE, vocabulary.RATINGS,
                               vocabulary.PLAN, vocabulary.RANGE_JOINERS)
     for p in table["vi"]}
    | {" ".join(p) for p in vocabulary.UNITS}
    | {"tổ", "chức", "cơ", "sở", "đảng", "thu", "nhập", "bình", "quân", "tỷ", "lệ", "hộ",
       "nghèo", "ngân", "sách", "kết", "nạp"}
)  # fmt: skip
_SUBJECT = ["tổ", "chức", "cơ", "sở", "đảng", "hoàn", "thành", "tốt", "nhiệm", "vụ", "thu",
            "nhập", "bình", "quân", "đầu", "người"]  # fmt: skip

INPUTS: dict[str, Callable[[int], str]] = {
    "long valid text (one figure, then subject words)": lambda size: (
        "Trên 95% " + _fill(lambda r: r.choice(_SUBJECT) + " ", size - 9)
    ),
    "a valid target repeated": lambda size: _fill(
        lambda r: "Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên. ", size
    ),
    "digits, dots and commas at random": lambda size: _fill(
        lambda r: r.choice("0123456789.,"), size
    ),
    "one grouped number 1.234.567...": lambda size: "1" + _fill(lambda r: ".234", size - 1),
    "random words (vocabulary and subject)": lambda size: _fill(
        lambda r: r.choice(_WORDS) + " ", size
    ),
    "random characters": lambda size: _fill(lambda r: chr(r.randrange(32, 0x2000)), size),
    "a comparison word repeated ('trên trên ...')": lambda size: _fill(lambda r: "trên ", size),
}


class _Stopped(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


def _timed(read: Callable[[str, str | None], object], text: str, limit: float):
    """(seconds, outcome) for one read of *text*, or (None, 'stopped') past *limit*."""
    signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        read(text, "vi")
        outcome = "read"
    except _Stopped:
        return None, f"stopped after {limit:g} s"
    except rm.ParseError:
        outcome = "ParseError"
    except Exception as exc:  # the outcome is reported, not judged, here
        outcome = type(exc).__name__
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, outcome


def _long_input(
    make: Callable[[int], str], read: Callable[..., object], limit: float
) -> dict[str, object]:
    """Seconds and outcome at each size; the growth over the two largest sizes read alike."""
    sizes: dict[str, object] = {}
    finished: list[tuple[int, float, str]] = []
    outcome = ""
    for size in SIZES:
        label = f"{size / 1000:g} kB"
        if outcome.startswith("stopped"):
            sizes[label] = "skipped"
            continue
        text = make(size)
        took, outcome = _timed(read, text, limit)
        if took is None:
            sizes[label] = outcome
            continue
        if took < 0.2:  # short: best of three
            took = min(took, *(_timed(read, text, limit)[0] or took for _ in range(2)))
        sizes[label] = f"{took:.4f} s, {outcome}"
        finished.append((size, took, outcome))
    entry: dict[str, object] = {"seconds, outcome": sizes}
    if len(finished) >= 2:
        (small, t1, o1), (large, t2, o2) = finished[-2:]
        if o1 == o2 and t1 > 0:
            entry["growth"] = round(math.log(t2 / t1) / math.log(large / small), 2)
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--limit", type=float, default=30.0)
    args = parser.parse_args()

    report: dict[str, object] = {
        "parse_target (per second)": _per_second(TARGETS, rm.parse_target, args.seconds),
        "parse_number (per second)": _per_second(NUMBERS, rm.parse_number, args.seconds),
        "Result.parse (per second)": _per_second(RESULTS, rm.Result.parse, args.seconds),
    }
    long_inputs: dict[str, object] = {}
    for name, make in INPUTS.items():
        long_inputs[name] = {
            reader: _long_input(make, read, args.limit) for reader, read in READERS.items()
        }
    report["long inputs, lang='vi'"] = long_inputs
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
