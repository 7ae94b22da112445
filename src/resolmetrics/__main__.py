"""The command line: ``resolmetrics evaluate``, ``audit`` and ``demo``.

Also ``python -m resolmetrics``. Exit status (see ``docs/reference/cli.md``):

- 0: evaluated (or audited), whatever the verdicts;
- 1: the input is invalid (every problem found is written to standard error);
- 2: the command line is wrong (usage);
- 3: asked for with ``--fail-on-miss``: a target was not achieved; with
  ``--fail-on-disagreement``: the audit found a disagreement.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .audit import Published
    from .batch import FileReview
    from .resolution import Report

__all__ = ["EXIT_FAILED_CHECK", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "main", "run"]

EXIT_OK = 0
"""Evaluated or audited."""
EXIT_INVALID = 1
"""The input files or values are invalid; the problems are on standard error."""
EXIT_USAGE = 2
"""The command line itself is wrong."""
EXIT_FAILED_CHECK = 3
"""``--fail-on-miss`` found a target not achieved, or ``--fail-on-disagreement`` a
disagreement."""

FORMATS = ("text", "github", "html", "csv", "json", "parquet", "xlsx", "docx")
"""The output formats; any other name of a tabulate table format is accepted too. parquet is for
``evaluate --by`` (every verdict, one row per target and unit), to a file named by -o; xlsx and
docx (a workbook, a Word appendix) are for one review, to a file named by -o."""

OFFICE_FORMATS = ("xlsx", "docx")
"""The formats written as Office documents: binary files, so only to a file named by -o."""

_EPILOG = """\
exit status: 0 evaluated; 1 invalid input (the problems are on standard error);
2 wrong command line; 3 --fail-on-miss found a target not achieved (or
--fail-on-disagreement a disagreement).
"""


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-06-30"
        ) from None


def _output_options(command: argparse.ArgumentParser, *, plot: bool = True) -> None:
    command.add_argument(
        "--lang",
        choices=("en", "vi"),
        default="en",
        help="the language of the output: the table, its numbers and the summary (default "
        "en), and of the names when the resolution file gives them in both languages; the "
        "target texts are read in the file's own lang",
    )
    command.add_argument(
        "--format",
        dest="format",
        default="text",
        type=_format,
        metavar="FORMAT",
        help="text (the default), github (Markdown), html, csv or json; parquet (with --by "
        "and -o FILE.parquet); xlsx or docx (an Excel workbook or a Word appendix, with -o "
        "FILE; needs the office extra); any tabulate table format name (grid, simple, pipe, "
        "...) also works for the table",
    )
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="write to FILE instead of standard output",
    )
    if plot:
        command.add_argument(
            "--exact",
            action="store_true",
            help="with --format csv: add the exact figures (actual_exact, bound_exact, "
            "margin_exact, relative_margin_exact, attainment_exact: every decimal, or p/q) "
            "after the figures rounded for display",
        )
        command.add_argument(
            "--plot",
            metavar="FILE",
            type=_plot_path,
            help="also save a bullet chart of the review to FILE (.png, .svg or .pdf; needs "
            "the plot extra: pip install 'resolmetrics[plot]')",
        )


def _input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("resolution", type=Path, help="the resolution file (TOML)")
    command.add_argument("results", type=Path, help="the results file (.csv, .parquet, or .xlsx)")
    command.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATE",
        help="the review date, YYYY-MM-DD; without it the review is final: every period "
        "given is due",
    )
    command.add_argument(
        "--results-lang",
        choices=("en", "vi"),
        metavar="LANG",
        help="how numbers are written in the results (and published) file: vi (3.745.356,5) "
        "or en (3,745,356.5); default: the resolution file's lang, else --lang",
    )


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="resolmetrics",
        description="Exact, explainable verdicts on quantified targets: review a resolution's "
        "targets against its results, or audit a published review table.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resolmetrics {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    evaluate = commands.add_parser(
        "evaluate",
        help="review a resolution file against a results file",
        description="Judge every target of RESOLUTION on the results in RESULTS and print the "
        "review table and its summary.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(evaluate)
    _output_options(evaluate)
    evaluate.add_argument(
        "--fail-on-miss",
        action="store_true",
        help="exit with status 3 when any target is not achieved (targets in progress or "
        "without data are not misses)",
    )
    evaluate.add_argument(
        "--by",
        choices=("entity",),
        help="review the resolution for each unit of the results file (its entity column): "
        "a table per target and per unit in text formats, every verdict with --format csv or "
        "parquet; read in bounded memory, for files of any size (needs the batch extra)",
    )
    evaluate.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on standard error for --by (default: when it is a terminal)",
    )

    audit = commands.add_parser(
        "audit",
        help="check a published review table against the computed verdicts",
        description="Compare the verdicts of a published review table (PUBLISHED, a CSV) with "
        "the verdicts computed from RESOLUTION and RESULTS, row by row, and say where and why "
        "they disagree.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(audit)
    audit.add_argument(
        "--published", type=Path, required=True, metavar="FILE", help="the published table (CSV)"
    )
    _output_options(audit, plot=False)
    audit.add_argument(
        "--fail-on-disagreement",
        action="store_true",
        help="exit with status 3 when the published table disagrees anywhere",
    )

    demo = commands.add_parser(
        "demo",
        help="print the mid-term review of the embedded example resolution",
        description="Review the embedded, invented provincial resolution at 30 June 2023.",
    )
    _output_options(demo)
    return parser


class _Invalid(Exception):
    """The input is invalid: the message goes to standard error, the exit status is 1."""


class _Usage(Exception):
    """The command line asks for what cannot be done together: exit status 2."""


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


def _format(name: str) -> str:
    from tabulate import tabulate_formats

    if name in FORMATS or name in tabulate_formats:
        return name
    import difflib

    near = difflib.get_close_matches(name, [*FORMATS, *tabulate_formats], n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise argparse.ArgumentTypeError(
        f"{name!r} is not an output format; {hint}use one of: {', '.join(FORMATS)}, or a "
        "tabulate table format such as grid or simple"
    )


def _heading(report: Report, lang: str, *, midterm: bool = False) -> str:
    as_of = report.as_of
    if midterm and as_of is not None:
        if lang == "en":
            return f"Mid-term review at {as_of:%d %B %Y}"
        return f"Sơ kết ngày {as_of:%d/%m/%Y}"
    if as_of is None:
        return "Final review" if lang == "en" else "Tổng kết"
    if lang == "en":
        return f"Review at {as_of.day} {as_of:%B %Y}"
    return f"Đánh giá ngày {as_of:%d/%m/%Y}"


def _render_report(
    report: Report,
    fmt: str,
    lang: str,
    *,
    to_terminal: bool,
    midterm: bool = False,
    exact: bool = False,
) -> str:
    if fmt == "parquet":
        raise _Usage("--format parquet writes every verdict of evaluate --by entity; use csv")
    if fmt == "json":
        from . import json

        return json.dumps(report, indent=2) + "\n"
    if fmt == "csv":
        return report.to_csv(lang, exact=exact)
    if fmt == "html":
        return report.to_html(lang) + "\n"
    name = report.resolution.name
    if fmt == "github":
        table = report.table(lang, tablefmt="github")
        heading = _heading(report, lang, midterm=midterm)
        return f"# {name}\n\n{heading}\n\n{table}\n\n{report.summary(lang)}\n"
    tablefmt = fmt
    if fmt == "text":
        tablefmt = "simple_grid" if not to_terminal or _can_write("┌─đ") else "grid"
    table = report.table(lang, tablefmt=tablefmt)
    return f"{name}\n{_heading(report, lang, midterm=midterm)}\n{table}\n{report.summary(lang)}\n"


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise _Invalid(f"cannot write --output {str(output)!r}: {error.strerror}") from None


def _plot_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise argparse.ArgumentTypeError(
            f"{text!r} must end in .png, .svg or .pdf (the chart's format is taken from it)"
        )
    return path


def _plot(report: Report, lang: str, path: Path) -> None:
    try:
        figure = report.plot(lang)
    except ModuleNotFoundError as error:
        raise _Invalid(str(error)) from None
    try:
        figure.savefig(path)
    except OSError as error:
        raise _Invalid(f"cannot write --plot {str(path)!r}: {error.strerror}") from None


def _declared_lang(path: Path) -> str | None:
    """The ``lang`` that a resolution file declares, or None (also for a file that cannot be
    read: its problems are reported by the resolution's reader)."""
    import tomllib

    try:
        declared = tomllib.loads(path.read_text(encoding="utf-8-sig")).get("resolution", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    lang = declared.get("lang") if isinstance(declared, dict) else None
    return lang if lang in ("en", "vi") else None


def _numbers_lang(args: argparse.Namespace) -> str:
    """How the numbers of the results (and published) files are written.

    ``--results-lang``; else the resolution file's ``lang``, as an office's
    results are written the way its resolution is; else ``--lang``.
    """
    if args.results_lang is None:
        args.results_lang = _declared_lang(args.resolution) or args.lang
    return str(args.results_lang)


def _load(args: argparse.Namespace, *, published: bool = False) -> tuple[Report, Published | None]:
    """The report of the resolution and results files (and the published table, if asked).

    Every file is read, and the problems of all of them are reported together,
    before anything is evaluated.
    """
    from .errors import ResolmetricsWarning
    from .files import FileError, load_resolution, read_results

    errors: list[FileError] = []
    resolution = results = table = None
    try:
        resolution = load_resolution(args.resolution, names=args.lang)
    except FileError as error:
        errors.append(error)
    lang = _numbers_lang(args)
    try:
        results = read_results(args.results, lang=lang, resolution=resolution)
    except FileError as error:
        errors.append(error)
    if published:
        from .audit import read_published

        try:
            table = read_published(args.published, lang=lang)
        except FileError as error:
            errors.append(error)
    if errors:
        raise _Invalid("\n".join(map(str, errors)))
    assert resolution is not None
    assert results is not None
    import warnings

    with warnings.catch_warnings():  # the report holds them; _warn() writes them after it
        warnings.simplefilter("ignore", ResolmetricsWarning)
        report = resolution.evaluate(results, as_of=args.as_of)
    return report, table


def _warn(found: Sequence[Warning], args: argparse.Namespace) -> None:
    """What the review noticed in its input, on standard error after the output."""
    for warning in found:
        print(f"resolmetrics {args.command}: warning: {warning}", file=sys.stderr)


def _report_out(report: Report, args: argparse.Namespace, *, midterm: bool = False) -> None:
    """The chart first (so that a chart that cannot be made stops before any output), then
    the review."""
    if args.plot is not None:
        _plot(report, args.lang, args.plot)
    if args.format in OFFICE_FORMATS:
        _write_office(report, args)
        return
    text = _render_report(report, args.format, args.lang, to_terminal=args.output is None,
                          midterm=midterm, exact=args.exact)  # fmt: skip
    _write(text, args.output)


def _write_office(report: Report, args: argparse.Namespace) -> None:
    """The review as an Office document, to the file -o names (checked by _check_office)."""
    write = report.to_xlsx if args.format == "xlsx" else report.to_docx
    try:
        write(args.output, args.lang)
    except OSError as error:
        raise _Invalid(f"cannot write --output {str(args.output)!r}: {error.strerror}") from None


def _check_office(args: argparse.Namespace) -> None:
    """Refuse an Office format that cannot be written, or -o naming another format's file."""
    fmt = args.format
    output = args.output
    written = None if output is None else output.suffix.casefold()[1:]
    if fmt not in OFFICE_FORMATS:
        if written in OFFICE_FORMATS:
            raise _Usage(f"-o {str(output)!r} ends in .{written}, but --format is {fmt}; "
                         f"give --format {written}")  # fmt: skip
        return
    if args.command == "audit":
        raise _Usage(f"audit writes text (or another table format), csv or json, not {fmt}")
    if getattr(args, "by", None) is not None:
        raise _Usage(f"--format {fmt} writes one review; with --by there is one per unit: "
                     "give --format csv or parquet")  # fmt: skip
    if output is None:
        raise _Usage(f"--format {fmt} writes a binary file, not text for standard output; "
                     f"give -o FILE.{fmt}")  # fmt: skip
    if written in OFFICE_FORMATS and written != fmt:
        raise _Usage(f"-o {str(output)!r} ends in .{written}, but --format is {fmt}; "
                     f"give --format {written}")  # fmt: skip
    if written != fmt:  # a workbook named x.txt opens nowhere
        raise _Usage(f"--format {fmt} writes a .{fmt} file; give -o FILE.{fmt}, not "
                     f"{str(output)!r}")  # fmt: skip


def _evaluate(args: argparse.Namespace) -> int:
    if args.by is not None:
        return _evaluate_by(args)
    if args.format == "parquet":
        raise _Usage("--format parquet writes every verdict of a review --by entity; "
                     "give --by entity, or use csv")  # fmt: skip
    report, _ = _load(args)
    _report_out(report, args)
    _warn(report.warnings, args)
    from .verdicts import Status

    if args.fail_on_miss and report.counts[Status.NOT_ACHIEVED]:
        return EXIT_FAILED_CHECK
    return EXIT_OK


_BY_FORMATS = ("json", "html")


def _evaluate_by(args: argparse.Namespace) -> int:
    """A review per unit of the results file: tables of counts, or every verdict as a file."""
    from .errors import ResolmetricsWarning
    from .files import FileError, load_resolution

    if args.format in _BY_FORMATS:
        raise _Usage(f"--by writes text (or another table format), csv or parquet, not "
                     f"{args.format}")  # fmt: skip
    if args.plot is not None:
        raise _Usage("--plot draws one review; with --by there is one per unit")
    if args.format == "parquet" and (args.output is None or args.output.suffix != ".parquet"):
        raise _Usage("--format parquet needs -o FILE.parquet")
    written = None if args.output is None else args.output.suffix.casefold()
    if written in (".csv", ".parquet") and written != f".{args.format}":
        raise _Usage(f"-o {args.output} names a {written[1:]} file, but --format is "
                     f"{args.format}; give --format {written[1:]}")  # fmt: skip
    try:
        resolution = load_resolution(args.resolution, names=args.lang)
    except FileError as error:
        raise _Invalid(str(error)) from None
    from .batch import review_file

    lang = _numbers_lang(args)
    every = args.format in ("csv", "parquet")
    target_file = None
    if every:
        target_file = args.output
        if target_file is None or target_file.suffix.casefold() != f".{args.format}":
            import tempfile

            target_file = Path(tempfile.mkdtemp(prefix="resolmetrics-")) / f"out.{args.format}"
    import warnings

    with warnings.catch_warnings():  # written after the output, as for one review
        warnings.simplefilter("ignore", ResolmetricsWarning)
        found = review_file(resolution, args.results, by=args.by, lang=lang, as_of=args.as_of,
                            output=target_file, progress=args.progress)  # fmt: skip
    if every:
        assert target_file is not None
        if target_file != args.output:
            _write(target_file.read_text(encoding="utf-8"), args.output)
            import shutil

            shutil.rmtree(target_file.parent)
    else:
        _write(_by_text(resolution.name, found, args), args.output)
    _warn(found.warnings, args)
    if args.fail_on_miss and found.counts["not_achieved"]:
        return EXIT_FAILED_CHECK
    return EXIT_OK


def _by_text(name: str, found: FileReview, args: argparse.Namespace) -> str:
    from decimal import Decimal

    from .numbers import format_number
    from .render import counts_summary, unit_review_tables
    from .verdicts import Status

    lang = args.lang
    fmt = args.format
    if fmt == "text":
        fmt = "simple_grid" if args.output is not None or _can_write("┌─đ") else "grid"
    units = format_number(Decimal(found.units), lang, 0)
    targets = len(found.by_target["number"])
    as_of = args.as_of
    if lang == "vi":
        when = "tổng kết" if as_of is None else f"ngày {as_of:%d/%m/%Y}"
        heading = f"Đánh giá theo đơn vị, {when}: {units} đơn vị, {targets} chỉ tiêu"
    else:
        when = "final review" if as_of is None else f"at {as_of.day} {as_of:%B %Y}"
        heading = f"Review by unit, {when}: {units} units, {targets} targets"
    tables = unit_review_tables(found.by_target, found.by_unit, lang, tablefmt=fmt)
    counts = {Status(k): v for k, v in found.counts.items()}
    sentence = counts_summary(counts, lang, noun=("verdict", "verdicts", "kết quả"))
    if fmt == "github":
        return f"# {name}\n\n{heading}\n\n{tables}\n\n{sentence}\n"
    return f"{name}\n{heading}\n{tables}\n{sentence}\n"


def _audit(args: argparse.Namespace) -> int:
    from .audit import audit

    report, published = _load(args, published=True)
    assert published is not None
    _warn(report.warnings, args)
    result = audit(report, published, lang=args.lang)
    fmt = args.format
    if fmt == "json":
        from . import json

        text = json.dumps(result, indent=2) + "\n"
    elif fmt == "csv":
        text = result.csv(args.lang)
    else:
        if fmt == "text":
            fmt = "simple_grid" if args.output is not None or _can_write("┌─đ") else "grid"
        text = f"{result.table(args.lang, tablefmt=fmt)}\n{result.summary(args.lang)}\n"
    _write(text, args.output)
    if args.fail_on_disagreement and not result.ok:
        return EXIT_FAILED_CHECK
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from .demo import AS_OF, demo_resolution, demo_results

    report = demo_resolution(args.lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined]
    _report_out(report, args, midterm=True)
    return EXIT_OK


_INPUTS = (("resolution", "the resolution file"), ("results", "the results file"),
           ("published", "the published table"))  # fmt: skip
_OUTPUTS = (("output", "-o"), ("plot", "--plot"))


def _same_file(a: Path, b: Path) -> bool:
    """True when *a* and *b* name one file (one that exists, or one they would both create)."""
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output that names an input file (or the other output) before anything is read.

    Writing the review over the results it was made from would lose them.
    """
    inputs = [(getattr(args, name, None), what) for name, what in _INPUTS]
    outputs = [(getattr(args, name, None), option) for name, option in _OUTPUTS]
    for index, (output, option) in enumerate(outputs):
        if output is None:
            continue
        for path, what in inputs:
            if path is not None and _same_file(output, path):
                raise _Usage(f"{option} {str(output)!r} names {what}, which it would "
                             f"overwrite; write to another file")  # fmt: skip
        for other, other_option in outputs[index + 1 :]:
            if other is not None and _same_file(output, other):
                raise _Usage(f"{option} and {other_option} both name {str(output)!r}; give "
                             f"each its own file")  # fmt: skip


def _check_exact(args: argparse.Namespace) -> None:
    if not getattr(args, "exact", False):
        return
    if getattr(args, "by", None) is not None:
        raise _Usage("--exact is for the csv of one review: with --by the csv already writes "
                     "every figure exactly, but those with no finite decimal form, which it "
                     "rounds to 12 places")  # fmt: skip
    if args.format != "csv":
        raise _Usage(f"--exact adds exact columns to --format csv, not {args.format}; give "
                     "--format csv (json is always exact)")  # fmt: skip


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "evaluate": _evaluate,
    "audit": _audit,
    "demo": _demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    from .errors import ResolmetricsError

    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version (0) and usage errors (2)
        return int(exit.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        _check_outputs(args)
        _check_exact(args)
        _check_office(args)
        return _COMMANDS[args.command](args)
    except (ResolmetricsError, _Invalid) as error:
        print(f"resolmetrics {args.command}: {error}", file=sys.stderr)
        return EXIT_INVALID
    except _Usage as error:
        print(f"resolmetrics {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE


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
