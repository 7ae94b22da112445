"""The command line: ``resolmetrics demo`` (also ``python -m resolmetrics demo``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


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
        default="simple_grid",
        help="any tabulate table format: simple_grid (default), github, html, plain, ...",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "demo":
        parser.print_help()
        return 0 if args.command is None else 2
    from .demo import AS_OF, demo_resolution, demo_results

    report = demo_resolution(args.lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    heading = {"en": f"Mid-term review at {AS_OF:%d %B %Y}", "vi": f"Sơ kết ngày {AS_OF:%d/%m/%Y}"}
    print(report.resolution.name)
    print(heading[args.lang])
    print(report.table(args.lang, tablefmt=args.tablefmt))
    print(report.summary(args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
