"""The command line: ``resolmetrics demo`` (also ``python -m resolmetrics demo``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main", "run"]


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="resolmetrics",
        description="Exact, explainable verdicts on quantified targets.",
    )
    parser.add_argument("--version", action="version", version=f"resolmetrics {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo", help="print the mid-term review of the embedded example resolution"
    )
    demo.add_argument("--lang", choices=("en", "vi"), default="en", help="language (default en)")
    demo.add_argument(
        "--format",
        dest="tablefmt",
        default=None,
        metavar="FORMAT",
        help="a tabulate table format: simple_grid (the default), grid (ASCII), github, "
        "html, plain, ...",
    )
    return parser


def _can_write(text: str) -> bool:
    """True when standard output can encode *text*; if not, it is set to replace what it cannot."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "demo":
        parser.print_help()
        return 0 if args.command is None else 2
    from tabulate import tabulate_formats

    from .demo import AS_OF, demo_resolution, demo_results

    if args.tablefmt is not None and args.tablefmt not in tabulate_formats:
        parser.error(
            f"--format {args.tablefmt!r} is not a table format; use one of: "
            + ", ".join(sorted(tabulate_formats))
        )
    tablefmt = args.tablefmt or ("simple_grid" if _can_write("┌─đ") else "grid")

    report = demo_resolution(args.lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    heading = {"en": f"Mid-term review at {AS_OF:%d %B %Y}", "vi": f"Sơ kết ngày {AS_OF:%d/%m/%Y}"}
    print(report.resolution.name)
    print(heading[args.lang])
    print(report.table(args.lang, tablefmt=tablefmt))
    print(report.summary(args.lang))
    return 0


def run() -> None:
    """The console entry point: main(), quiet when the reader of its output goes away."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `resolmetrics demo | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    run()
