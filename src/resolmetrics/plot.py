"""Reports as bullet charts: one strip per component target, each on its own scale.

matplotlib is an optional dependency (``pip install 'resolmetrics[plot]'``),
imported only when a chart is made. Charts are built on a
:class:`matplotlib.figure.Figure` directly, never through ``pyplot``: making
one changes no global state and opens no window.
"""

from __future__ import annotations

import textwrap
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentError, InvalidArgumentTypeError, require
from .numbers import check_lang, format_number
from .render import _STATUS_WORDS, STATUS_COLORS, _counts_units, _report, summary
from .rules import Kind
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .resolution import Report

__all__ = ["HATCHES", "STATUS_COLORS", "report_plot"]

HATCHES = {Status.IN_PROGRESS: "////", Status.NO_DATA: "\\\\\\\\"}
"""Statuses drawn hatched as well as coloured: no final verdict yet, or nothing to show."""

_BOUND = "#222222"  # threshold lines
_BAND = "#d0d0d0"  # between two bounds
_MET_SIDE = "#ededed"  # the side of a bound where the target is met
_TEXT = "#222222"
_QUIET = "#666666"

_WORDS = {
    "en": {
        "bound": "bound",
        "met": "target met here",
        "range": "target range",
        "rating": "rating",
        "units": "units",
        "no_data": "no data",
        "review": "Review at {0}",
        "final": "Final review",
        "empty": "no targets",
    },
    "vi": {
        "bound": "ngưỡng",
        "met": "vùng đạt mục tiêu",
        "range": "khoảng mục tiêu",
        "rating": "xếp loại",
        "units": "đơn vị",
        "no_data": "chưa có số liệu",
        "review": "Đánh giá ngày {0}",
        "final": "Đánh giá cuối kỳ",
        "empty": "không có chỉ tiêu",
    },
}

# Layout, in inches and points
_TOP_GAP = 0.15
_TITLE_LINE = 0.24
_NOTE_LINE = 0.19
_LEGEND_LINE = 0.2
_LEGEND_GAP = 0.22
_BOTTOM = 0.15
_LABEL_PT = 8.5
_NOTE_PT = 7.5
_CHAR = 0.52  # a character's mean width, in ems of DejaVu Sans
_LEGEND_ENTRIES = len(Status) + 3  # the statuses, a bound, the met side, a range


# Units that count whole things (see _counts_whole_things)
def report_plot(
    report: Report,
    lang: str = "en",
    *,
    width: float = 11.0,
    strip_height: float = 0.72,
    title: str | None = None,
    dpi: float = 150.0,
) -> Figure:
    """A bullet chart of *report*: one horizontal strip per component target.

    Each strip has its own scale. The target is drawn as its threshold (a
    line at the bound, dashed for a strict bound such as ``above``), a grey
    band between the two bounds of a ``between`` rule, and a light shade on
    the side where the target is met. The actual value is a dot, joined to
    the bound it is measured from by a bar: the margin. Dot and bar take the
    status's colour (:data:`STATUS_COLORS`); *in progress* is also hatched,
    and a strip with *no data* is hatched grey and says so. A rated
    indicator's strip has the levels of its scale as ticks; a strip that
    counts whole things (units of observation, a count unit such as members,
    or a plain count) has whole-number ticks when its bounds and value are
    whole. The legend names the statuses, the bound, the side where the
    target is met and the band of a range. At the left of a
    strip are the component's number and label and the target in words, at
    the right the verdict; the unit is the strip's axis label.

    ``lang`` is ``"en"`` or ``"vi"``; ``width`` is the figure's width and
    ``strip_height`` each strip's height, in inches; ``title`` replaces the
    resolution's name at the top (``""`` for none); ``dpi`` sets the
    resolution of raster output. Save the figure with
    ``figure.savefig("review.png")`` (or ``.svg``, ``.pdf``): the format
    follows the suffix.
    """
    return _plot(
        report,
        lang,
        caller="report_plot()",
        width=width,
        strip_height=strip_height,
        title=title,
        dpi=dpi,
    )


def _plot(
    report: object,
    lang: str = "en",
    *,
    caller: str,
    width: object = 11.0,
    strip_height: object = 0.72,
    title: object = None,
    dpi: object = 150.0,
) -> Figure:
    """:func:`report_plot`, with *caller* named in errors."""
    checked = _report(report, "report_plot")
    check_lang(lang)
    width_in = _inches(width, "width", caller, minimum=8.0, example="11")
    strip_in = _inches(strip_height, "strip_height", caller, minimum=0.4, example="0.72")
    dots = _inches(dpi, "dpi", caller, minimum=10.0, example="150")
    if title is not None and not isinstance(title, str):
        raise InvalidArgumentTypeError(
            f"{caller}: title must be a str (or None for the resolution's name), got {title!r}"
        )

    require("matplotlib", "plot", caller)
    from matplotlib.figure import Figure

    components = [
        (number, verdict)
        for row in checked.rows
        for number, verdict in zip(row.numbers, row.verdicts, strict=True)
    ]
    words = _WORDS[lang]
    heading = checked.resolution.name if title is None else title
    title_lines = _wrap(heading, width_in - 0.3, 11, lines=2) if heading else []
    columns = _LEGEND_ENTRIES if width_in >= 10 else 4  # legend entries a line
    legend = _LEGEND_LINE * -(-_LEGEND_ENTRIES // columns) + _LEGEND_GAP
    top = _TOP_GAP + _TITLE_LINE * len(title_lines) + 2 * _NOTE_LINE + legend
    strips = max(len(components), 1)
    height = top + strips * strip_in + _BOTTOM
    figure = Figure(figsize=(width_in, height), dpi=dots)
    inches = figure.dpi_scale_trans

    y = height - _TOP_GAP
    if title_lines:
        figure.text(
            0.15,
            y,
            "\n".join(title_lines),
            transform=inches,
            parse_math=False,
            va="top",
            fontsize=11,
            fontweight="bold",
            color=_TEXT,
        )
        y -= _TITLE_LINE * len(title_lines)
    as_of = checked.as_of
    when = words["final"] if as_of is None else words["review"].format(_date(as_of, lang))
    sentence = summary(checked.verdicts, lang)
    notes = [when, _wrap(sentence, width_in - 0.3, _NOTE_PT + 0.5, lines=1)[0]]
    figure.text(
        0.15,
        y - 0.04,
        "\n".join(notes),
        transform=inches,
        parse_math=False,
        va="top",
        fontsize=_NOTE_PT + 0.5,
        color=_QUIET,
        linespacing=1.4,
    )
    y -= 2 * _NOTE_LINE
    _legend(figure, lang, y - 0.04, columns)

    left_in, right_in = 0.31 * width_in, 0.27 * width_in
    if not components:
        figure.text(
            0.15,
            _BOTTOM + strip_in / 2,
            words["empty"],
            transform=inches,
            parse_math=False,
            va="center",
            fontsize=_LABEL_PT,
            color=_QUIET,
        )
    for index, (number, verdict) in enumerate(components):
        strip_top = height - top - index * strip_in
        axes_height = 0.36 * strip_in
        bottom = strip_top - 0.12 * strip_in - axes_height
        axes = figure.add_axes(
            (
                left_in / width_in,
                bottom / height,
                (width_in - left_in - right_in) / width_in,
                axes_height / height,
            )
        )
        axes.set_gid(f"strip-{number}")
        _strip(axes, verdict, lang)
        _texts(figure, axes, number, verdict, lang, left_in, right_in, width_in)
    return figure


def _inches(value: object, name: str, caller: str, *, minimum: float, example: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidArgumentTypeError(
            f"{caller}: {name} must be a number, such as {name}={example}, got {value!r}"
        )
    if not float(value) >= minimum:  # NaN fails too
        raise InvalidArgumentError(
            f"{caller}: {name} must be at least {minimum:g}, such as {name}={example}, "
            f"got {value!r}"
        )
    return float(value)


def _date(day: date, lang: str) -> str:
    return f"{day.day} {day:%B %Y}" if lang == "en" else f"{day:%d/%m/%Y}"


def _wrap(text: str, inches: float, points: float, *, lines: int) -> list[str]:
    """*text* wrapped to fit *inches* at *points*, in at most *lines* lines (cut with …)."""
    columns = max(int(inches * 72 / (points * _CHAR)), 8)
    return textwrap.wrap(text, columns, max_lines=lines, placeholder=" …") or [""]


def _legend(figure: Figure, lang: str, y: float, columns: int) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    words = _WORDS[lang]
    handles: list[Any] = [
        Patch(
            facecolor=STATUS_COLORS[status],
            edgecolor=_BOUND,
            linewidth=0.6,
            hatch=HATCHES.get(status),
            label=_STATUS_WORDS[lang][status],
        )
        for status in Status
    ]
    handles.append(Line2D([], [], color=_BOUND, linewidth=1.5, label=words["bound"]))
    handles.append(Patch(facecolor=_MET_SIDE, edgecolor=_BAND, label=words["met"]))
    handles.append(Patch(facecolor=_BAND, edgecolor=_QUIET, linewidth=0.6, label=words["range"]))
    figure.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.1, y),
        bbox_transform=figure.dpi_scale_trans,
        ncol=columns,
        fontsize=_NOTE_PT,
        frameon=False,
        handlelength=1.6,
        columnspacing=1.2,
        borderaxespad=0,
        borderpad=0,
    )


def _positions(verdict: Verdict) -> tuple[float, float, float | None, float | None]:
    """(lo, hi, actual, reference) on the strip's axis: values, or ranks for a rating."""
    basis = verdict.basis
    scale = basis.indicator.scale
    lo, hi = float(basis.lo), float(basis.hi)
    actual, reference = verdict.actual, verdict.bound
    if actual is None or reference is None:
        return lo, hi, None, None
    if scale is not None:
        return lo, hi, float(scale.rank(str(actual))), float(scale.rank(str(reference)))
    assert not isinstance(actual, str)
    assert not isinstance(reference, str)
    return lo, hi, float(actual), float(reference)


def _strip(axes: Axes, verdict: Verdict, lang: str) -> None:
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    basis = verdict.basis
    scale = basis.indicator.scale
    kind, sign = basis.kind, basis.sign
    lo, hi, actual, reference = _positions(verdict)
    if scale is not None:
        left, right = -0.5, len(scale.levels) - 0.5
        axes.xaxis.set_major_locator(FixedLocator(range(len(scale.levels))))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _level(scale.codes, x)))
    else:
        share = verdict.unit == "percent" and basis.growth is None
        values = [lo, hi] if actual is None else [lo, hi, actual]
        whole = _counts_whole_things(verdict) and all(v.is_integer() for v in values)
        left, right = _limits(values, share, whole=whole)
        # a count of whole things has whole-number ticks, even a single one
        axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=whole, min_n_ticks=1))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _tick(x, lang)))
    axes.set_xlim(left, right)
    axes.set_ylim(0, 1)

    # where the target is met, then the bound(s)
    if kind is Kind.BETWEEN:
        if sign > 0:
            axes.axvspan(hi, right, color=_MET_SIDE, linewidth=0, zorder=0)
        elif sign < 0:
            axes.axvspan(left, lo, color=_MET_SIDE, linewidth=0, zorder=0)
        axes.axvspan(lo, hi, color=_BAND, linewidth=0, zorder=0, gid="band")
    elif kind is not Kind.EXACTLY:
        span = (lo, right) if sign > 0 else (left, lo)
        axes.axvspan(*span, color=_MET_SIDE, linewidth=0, zorder=0)
    strict = kind in (Kind.ABOVE, Kind.BELOW)
    for bound in {lo, hi}:
        axes.axvline(
            bound,
            color=_BOUND,
            linewidth=1.6,
            linestyle=(0, (1.5, 1.5)) if strict else "-",
            zorder=3.5,  # over the margin bar, under the dot
            gid="bound",
        )

    color = STATUS_COLORS[verdict.status]
    hatch = HATCHES.get(verdict.status)
    if actual is None or reference is None:
        axes.add_patch(
            Rectangle(
                (0, 0),
                1,
                1,
                transform=axes.transAxes,
                facecolor="#f4f4f4",
                edgecolor="#c4c4c4",
                hatch=hatch,
                linewidth=0,
                zorder=1,
                gid="no-data",
            )
        )
        axes.text(
            0.5,
            0.5,
            _WORDS[lang]["no_data"],
            transform=axes.transAxes,
            parse_math=False,
            ha="center",
            va="center",
            fontsize=_NOTE_PT + 0.5,
            style="italic",
            color=_QUIET,
            zorder=4,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        )
    else:
        if actual != reference:
            axes.barh(
                0.5,
                actual - reference,
                left=reference,
                height=0.42,
                color=color,
                edgecolor="#3a3a3a" if hatch else color,
                linewidth=0.6,
                hatch=hatch,
                zorder=3,
                gid="margin",
            )
        axes.plot(
            [actual],
            [0.5],
            marker="o",
            markersize=8,
            markerfacecolor=color,
            markeredgecolor=_BOUND,
            markeredgewidth=0.8,
            clip_on=False,
            linestyle="none",
            zorder=4,
            gid="actual",
        )

    axes.set_yticks([])
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color("#9a9a9a")
    axes.tick_params(axis="x", labelsize=7, length=2.5, pad=1.5, colors="#444444")
    axes.set_xlabel(
        _unit_text(verdict, lang),
        fontsize=7,
        loc="right",
        labelpad=1,
        color=_QUIET,
        parse_math=False,
    )


def _counts_whole_things(verdict: Verdict) -> bool:
    """True when the strip's unit counts whole things: units of observation, or a count unit.

    A count of units (``at least 5 units``, a quota) and a plain count
    (no unit) count whole things, and so do the count units resolmetrics
    knows (members, organisations, enterprises, households, persons,
    visits). Shares, money and the units pint reads (km, ha, kWh …) are
    measures that take any value. Such a strip has whole-number ticks when
    its bounds and value are whole numbers too.
    """
    from . import units

    if _counts_units(verdict):
        return True
    return units.is_count(verdict.unit)


def _limits(values: list[float], share: bool, *, whole: bool = False) -> tuple[float, float]:
    """A range around *values* with room on both sides.

    The room is at least a tenth of the largest value, so that a margin
    small beside the bound looks small, and at least 1 for a count of
    *whole* things, so that whole numbers either side are on the scale; the
    range stays at or above 0 when no value is below it, and at or below 100
    for a share when none is above.
    """
    low, high = min(values), max(values)
    room = max(0.4 * (high - low), 0.1 * max(abs(low), abs(high))) or 1.0
    if whole:
        room = max(room, 1.0)
    left, right = low - room, high + room
    if low >= 0 > left:
        left = 0.0
    if share and high <= 100 < right:
        right = 100.0
    return left, right


def _tick(x: float, lang: str) -> str:
    return format_number(Decimal(repr(float(x))), lang, 6)


def _level(codes: tuple[str, ...], x: float) -> str:
    index = round(x)
    return codes[index] if 0 <= index < len(codes) else ""


def _unit_text(verdict: Verdict, lang: str) -> str:
    from . import units

    context = verdict.context
    if verdict.basis.indicator.scale is not None:
        return _WORDS[lang]["rating"]
    if context is not None and context.combined in ("count", "quota"):
        return _WORDS[lang]["units"]
    return units.label(verdict.unit, lang)


def _texts(
    figure: Figure,
    axes: Axes,
    number: str,
    verdict: Verdict,
    lang: str,
    left_in: float,
    right_in: float,
    width_in: float,
) -> None:
    """The number, label and target at the left of a strip; the verdict at the right."""
    from matplotlib.transforms import blended_transform_factory

    from .render import rule_text

    at_left = blended_transform_factory(figure.dpi_scale_trans, axes.transAxes)
    target = verdict.target
    label = target.label or target.indicator.title
    figure.text(
        0.15,
        0.5,
        number,
        transform=at_left,
        parse_math=False,
        va="center",
        fontsize=_LABEL_PT,
        fontweight="bold",
        color=_TEXT,
    )
    column = left_in - 0.65 - 0.2
    lines = _wrap(label, column, _LABEL_PT, lines=2)
    rule = _wrap(rule_text(target, lang), column, _NOTE_PT, lines=2)
    figure.text(
        0.6,
        0.62,
        "\n".join(lines),
        transform=at_left,
        parse_math=False,
        va="bottom",
        fontsize=_LABEL_PT,
        color=_TEXT,
        gid="label",
    )
    figure.text(
        0.6,
        0.5,
        "\n".join(rule),
        transform=at_left,
        parse_math=False,
        va="top",
        fontsize=_NOTE_PT,
        color=_QUIET,
        gid="rule",
    )
    said = verdict.explain(lang).split("; ")[0]  # the progress assessment stays in the table
    figure.text(
        width_in - right_in + 0.2,
        0.5,
        "\n".join(_wrap(said, right_in - 0.45, 8, lines=3)),
        transform=at_left,
        parse_math=False,
        va="center",
        fontsize=8,
        color=_TEXT,
        gid="verdict",
    )
