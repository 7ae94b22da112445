"""Reports as bullet charts: one strip per component target, under its group's heading.

matplotlib is an optional dependency (``pip install 'resolmetrics[plot]'``),
imported only when a chart is made. Charts are built on a
:class:`matplotlib.figure.Figure` directly, never through ``pyplot``: making
one changes no global state and opens no window.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise
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
_HEADING_LINE = 0.3  # a group's label, above its components
_NOTE_LINE = 0.19
_LEGEND_LINE = 0.2
_LEGEND_GAP = 0.22
_BOTTOM = 0.15
_LABEL_PT = 8.5
_NOTE_PT = 7.5
_CHAR = 0.52  # a character's mean width, in ems of DejaVu Sans
_LEGEND_COLUMNS = len(Status) + 3  # on a wide chart every entry fits one line

_Axis = tuple[float, float, bool]
"""A strip's scale: (left, right, whole), *whole* for whole-number ticks."""


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

    Each strip has its own scale, except that the components of a group
    that are in the same unit (and not rated) share one, so that they can be
    compared by eye; a group's label heads its components, in bold, as in
    the review table. The target is drawn as its threshold (a
    line at the bound, dashed for a strict bound such as ``above``), a grey
    band between the two bounds of a ``between`` rule, and a light shade on
    the side where the target is met. The actual value is a dot, joined to
    the bound it is measured from by a bar: the margin. Dot and bar take the
    status's colour (:data:`STATUS_COLORS`); *in progress* is also hatched,
    and a strip with *no data* is hatched grey and says so (its words clear
    of the bound). A dot at the edge of the scale (a share of 100%) is
    drawn whole. A rated
    indicator's strip has the levels of its scale as ticks; a strip that
    counts whole things (units of observation, a count unit such as members,
    or a plain count) has whole-number ticks when its bounds and value are
    whole. The legend names the statuses found in the chart, in the order
    of :class:`Status`, then the bound, the side where the target is met and
    the band of a range, each when drawn. At the left of a
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

    # a group's heading, then its components, each with its scale (None: its own)
    lines: list[tuple[str, str] | tuple[str, Verdict, _Axis | None]] = []
    for row in checked.rows:
        if row.group:
            lines.append((row.number, row.label))
        axes_of = _shared_axes(row.verdicts) if row.group else {}
        for place, (number, verdict) in enumerate(zip(row.numbers, row.verdicts, strict=True)):
            lines.append((number, verdict, axes_of.get(place)))
    verdicts = checked.verdicts
    words = _WORDS[lang]
    heading = checked.resolution.name if title is None else title
    title_lines = _wrap(heading, width_in - 0.3, 11, lines=2) if heading else []
    entries = _legend_entries(verdicts, lang)
    columns = _LEGEND_COLUMNS if width_in >= 10 else 4  # legend entries a line
    legend = (_LEGEND_LINE * -(-len(entries) // columns) + _LEGEND_GAP) if entries else 0.0
    top = _TOP_GAP + _TITLE_LINE * len(title_lines) + 2 * _NOTE_LINE + legend
    headings = sum(row.group for row in checked.rows)
    strips = max(len(verdicts), 1)
    height = top + headings * _HEADING_LINE + strips * strip_in + _BOTTOM
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
    if entries:
        _legend(figure, entries, y - 0.04, columns)

    left_in, right_in = 0.31 * width_in, 0.27 * width_in
    if not verdicts:
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
    strip_top = height - top
    for line in lines:
        if len(line) == 2:
            _heading(figure, *line, strip_top, width_in)
            strip_top -= _HEADING_LINE
            continue
        number, verdict, axis = line
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
        _strip(axes, verdict, lang, axis or _axis([verdict]))
        _texts(figure, axes, number, verdict, lang, left_in, right_in, width_in)
        strip_top -= strip_in
    return figure


def _heading(figure: Figure, number: str, label: str, top: float, width_in: float) -> None:
    """A group's number and label on a line of their own, above its components."""
    middle = top - _HEADING_LINE / 2
    for x, text, gid in ((0.15, number, "group-number"), (0.6, label, "group")):
        shown = _wrap(text, width_in - 0.75, _LABEL_PT + 0.5, lines=1)[0] if x > 0.15 else text
        figure.text(
            x,
            middle,
            shown,
            transform=figure.dpi_scale_trans,
            parse_math=False,
            va="center",
            fontsize=_LABEL_PT + 0.5,
            fontweight="bold",
            color=_TEXT,
            gid=gid,
        )
    figure.add_artist(_rule_line(figure, 0.15, width_in - 0.15, top - _HEADING_LINE + 0.04))


def _rule_line(figure: Figure, x0: float, x1: float, y: float) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [x0, x1],
        [y, y],
        transform=figure.dpi_scale_trans,
        color="#c8c8c8",
        linewidth=0.6,
        gid="group-rule",
    )


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


def _legend_entries(verdicts: Sequence[Verdict], lang: str) -> list[Any]:
    """The legend's handles: the statuses present (in Status order), then the marks drawn."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    words = _WORDS[lang]
    present = {verdict.status for verdict in verdicts}
    handles: list[Any] = [
        Patch(
            facecolor=STATUS_COLORS[status],
            edgecolor=_BOUND,
            linewidth=0.6,
            hatch=HATCHES.get(status),
            label=_STATUS_WORDS[lang][status],
        )
        for status in Status
        if status in present
    ]
    if verdicts:  # every strip draws its bound
        handles.append(Line2D([], [], color=_BOUND, linewidth=1.5, label=words["bound"]))
    if any(_met_side(verdict) for verdict in verdicts):
        handles.append(Patch(facecolor=_MET_SIDE, edgecolor=_BAND, label=words["met"]))
    if any(verdict.basis.kind is Kind.BETWEEN for verdict in verdicts):
        handles.append(
            Patch(facecolor=_BAND, edgecolor=_QUIET, linewidth=0.6, label=words["range"])
        )
    return handles


def _met_side(verdict: Verdict) -> bool:
    """True when the strip shades a side where the target is met (see :func:`_strip`)."""
    kind, sign = verdict.basis.kind, verdict.basis.sign
    if kind is Kind.BETWEEN:
        return sign != 0
    return kind is not Kind.EXACTLY


def _legend(figure: Figure, handles: list[Any], y: float, columns: int) -> None:
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


def _is_share(verdict: Verdict) -> bool:
    return verdict.unit == "percent" and verdict.basis.growth is None


def _axis(verdicts: Sequence[Verdict]) -> _Axis:
    """One scale for *verdicts*, none of them rated: room around all their bounds and values."""
    values: list[float] = []
    for verdict in verdicts:
        lo, hi, actual, _ = _positions(verdict)
        values += [lo, hi] if actual is None else [lo, hi, actual]
    share = all(map(_is_share, verdicts))
    whole = all(map(_counts_whole_things, verdicts)) and all(v.is_integer() for v in values)
    left, right = _limits(values, share, whole=whole)
    return left, right, whole


def _shared_axes(verdicts: Sequence[Verdict]) -> dict[int, _Axis]:
    """The scale of each of a group's components that shares it with a sibling, by place.

    Components that are not rated and whose strips have the same unit label
    (and are shares, or not, alike) share one scale; a rated component, or
    one alone in its unit, keeps a scale of its own (not in the result).
    """
    kinds: dict[tuple[str, bool], list[int]] = {}
    for place, verdict in enumerate(verdicts):
        if verdict.basis.indicator.scale is None:
            key = (_unit_text(verdict, "en"), _is_share(verdict))
            kinds.setdefault(key, []).append(place)
    shared: dict[int, _Axis] = {}
    for places in kinds.values():
        if len(places) > 1:
            axis = _axis([verdicts[place] for place in places])
            shared.update(dict.fromkeys(places, axis))
    return shared


def _strip(axes: Axes, verdict: Verdict, lang: str, axis: _Axis) -> None:
    """Draw *verdict* on *axes*, on the scale *axis* unless it is rated (then on its levels)."""
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
        left, right, whole = axis
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
            _clear_of(sorted({lo, hi}), left, right),
            0.5,
            _WORDS[lang]["no_data"],
            transform=axes.get_xaxis_transform(),
            parse_math=False,
            ha="center",
            va="center",
            fontsize=_NOTE_PT + 0.5,
            style="italic",
            color=_QUIET,
            zorder=5,  # over the bound, should it reach it
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 2},
            gid="no-data-text",
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


def _clear_of(bounds: list[float], left: float, right: float) -> float:
    """The middle of the widest stretch of [*left*, *right*] between the *bounds*.

    The words of a strip with no data go there, clear of the bound lines; on
    a tie the leftmost stretch.
    """
    edges = [left, *(b for b in bounds if left < b < right), right]
    start, end = max(pairwise(edges), key=lambda pair: pair[1] - pair[0])
    return (start + end) / 2


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
