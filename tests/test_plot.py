"""Bullet charts of a report: one strip per component, coloured by status, saved as PNG or SVG.

What each strip should show is read off the demo by hand: e.g. row 12 (prices
between 3 and 5 % a year on average) is a band from 3 to 5, row 1a ("trên
90 %") a dashed threshold at 90, row 3 (the committee's rating) a strip whose
ticks are the four levels of the party-quality scale.
"""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

import resolmetrics as rm
from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.errors import MissingDependencyError
from resolmetrics.plot import HATCHES, STATUS_COLORS, report_plot


def demo(lang: str = "en") -> rm.Report:
    return demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)  # type: ignore[attr-defined,no-any-return]


NUMBERS = ["1a", "1b", *map(str, range(2, 15))]
STATUSES = dict(
    zip(
        NUMBERS,
        [
            "achieved", "exceeded", "exceeded", "achieved", "not_achieved", "not_achieved",
            "in_progress", "exceeded", "exceeded", "achieved", "in_progress", "no_data",
            "not_achieved", "in_progress", "exceeded",
        ],
        strict=True,
    )
)  # fmt: skip

EN_FIGURE = demo("en").plot("en")


def strips(figure: Figure) -> dict[str, Axes]:
    return {str(axes.get_gid()).removeprefix("strip-"): axes for axes in figure.axes}


def artist(axes: Axes, gid: str) -> list[object]:
    return [child for child in axes.get_children() if child.get_gid() == gid]


def test_one_strip_per_component_in_order() -> None:
    assert [axes.get_gid() for axes in EN_FIGURE.axes] == [f"strip-{n}" for n in NUMBERS]


def test_the_palette_is_the_documented_one() -> None:
    assert {status.value: colour for status, colour in STATUS_COLORS.items()} == {
        "exceeded": "#0072B2",
        "achieved": "#56B4E9",
        "not_achieved": "#D55E00",
        "in_progress": "#E69F00",
        "no_data": "#999999",
    }
    assert {status.value: hatch for status, hatch in HATCHES.items()} == {
        "in_progress": "////",
        "no_data": "\\\\\\\\",
    }


@pytest.mark.parametrize("number", [n for n in NUMBERS if STATUSES[n] != "no_data"])
def test_actual_dot_has_its_status_colour(number: str) -> None:
    axes = strips(EN_FIGURE)[number]
    (dot,) = artist(axes, "actual")
    colour = STATUS_COLORS[rm.Status(STATUSES[number])]
    assert to_rgba(dot.get_markerfacecolor()) == to_rgba(colour)  # type: ignore[attr-defined]


@pytest.mark.parametrize("number", ["6", "10", "13"])
def test_in_progress_margin_bar_is_hatched(number: str) -> None:
    (bar,) = artist(strips(EN_FIGURE)[number], "margin")
    assert bar.get_hatch() == "////"  # type: ignore[attr-defined]
    assert to_rgba(bar.get_facecolor()) == to_rgba("#E69F00")  # type: ignore[attr-defined]


def test_a_margin_of_zero_has_no_bar() -> None:
    # 3: weakest year HTTNV on "at least HTTNV"; 9: 5 units against at least 5
    assert artist(strips(EN_FIGURE)["3"], "margin") == []
    assert artist(strips(EN_FIGURE)["9"], "margin") == []


def test_no_data_is_shown_as_such() -> None:
    axes = strips(EN_FIGURE)["11"]
    assert artist(axes, "actual") == []
    (patch,) = artist(axes, "no-data")
    assert patch.get_hatch() == HATCHES[rm.Status.NO_DATA]  # type: ignore[attr-defined]
    assert "no data" in [text.get_text() for text in axes.texts]
    # the target is still drawn: the bound at 45
    assert [line.get_xdata()[0] for line in artist(axes, "bound")] == [45.0]  # type: ignore[attr-defined]


def test_bounds_band_and_strictness() -> None:
    axes = strips(EN_FIGURE)
    # "between 3% and 5%": a shaded band from 3 to 5 and a line at each end
    (band,) = artist(axes["12"], "band")
    assert (band.get_x(), band.get_x() + band.get_width()) == (3.0, 5.0)  # type: ignore[attr-defined]
    assert sorted(line.get_xdata()[0] for line in artist(axes["12"], "bound")) == [3.0, 5.0]  # type: ignore[attr-defined]
    # "above 90%" is strict: dashed; "at least 92%" is not
    (strict,) = artist(axes["1a"], "bound")
    (inclusive,) = artist(axes["1b"], "bound")
    assert strict.get_linestyle() != "-"  # type: ignore[attr-defined]
    assert inclusive.get_linestyle() == "-"  # type: ignore[attr-defined]
    assert artist(axes["1b"], "band") == []


def tick_labels(axes: Axes) -> list[str]:
    """The labels of the ticks within the strip's range."""
    left, right = axes.get_xlim()
    axis = axes.xaxis
    ticks = [x for x in axis.get_majorticklocs() if left <= x <= right]
    return list(axis.get_major_formatter().format_ticks(ticks))


def test_a_rated_indicator_is_on_its_levels() -> None:
    axes = strips(EN_FIGURE)["3"]
    assert tick_labels(axes) == ["KHTNV", "HTNV", "HTTNV", "HTXSNV"]
    (dot,) = artist(axes, "actual")
    assert list(dot.get_xdata()) == [2.0]  # type: ignore[attr-defined]  # HTTNV, rank 2 of 0-3


@pytest.mark.parametrize(
    ("lang", "number", "unit"),
    [
        ("en", "8", "billion đồng"),
        ("vi", "8", "tỷ đồng"),
        ("en", "2", "members"),
        ("vi", "2", "đảng viên"),
        ("en", "1b", "%"),
        ("en", "3", "rating"),
        ("vi", "3", "xếp loại"),
        ("en", "5", "units"),
        ("vi", "9", "đơn vị"),
    ],
)
def test_each_strip_names_its_unit(lang: str, number: str, unit: str) -> None:
    figure = EN_FIGURE if lang == "en" else VI_FIGURE
    assert strips(figure)[number].get_xlabel() == unit


VI_FIGURE = demo("vi").plot("vi")


def test_vietnamese_ticks_use_the_decimal_comma() -> None:
    # 25,000 against 26,150 (tỷ đồng), a tenth of 26,150 either side: 22,385 to 28,765
    assert tick_labels(strips(VI_FIGURE)["8"]) == [
        "22.500",
        "24.000",
        "25.500",
        "27.000",
        "28.500",
    ]
    assert tick_labels(strips(EN_FIGURE)["8"]) == [
        "22,500",
        "24,000",
        "25,500",
        "27,000",
        "28,500",
    ]
    # 3.4 against at most 3.5 (the mid-term poverty rate): 3.4 - 0.35 to 3.5 + 0.35
    assert tick_labels(strips(VI_FIGURE)["14"]) == ["3,2", "3,4", "3,6", "3,8"]


def figure_texts(figure: Figure) -> list[str]:
    return [text.get_text() for text in figure.texts]


def test_labels_and_verdicts_beside_the_strips() -> None:
    texts = figure_texts(EN_FIGURE)
    assert "1b" in texts
    assert "Members rated good or better" in texts
    assert "at least 92%" in texts
    assert "exceeded by 2.5 percentage points" in texts
    # the progress assessment after "; " stays in the table
    assert "in progress, 90.66% attained so far" in texts
    assert (
        texts[0] == "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)"
    )
    assert texts[1] == (
        "Review at 30 June 2023\n"
        "Met 8 of 15 targets (3 achieved, 5 exceeded); 3 not achieved; 3 in progress; "
        "1 with no data."
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ["Vượt", "Đạt", "Không đạt", "Đang thực hiện", "Chưa có số liệu", "ngưỡng",
                "vùng đạt mục tiêu", "khoảng mục tiêu"]),
        ("en", ["exceeded", "achieved", "not achieved", "in progress", "no data", "bound",
                "target met here", "target range"]),
    ],
)  # fmt: skip
def test_legend_names_every_status_in_the_language(lang: str, words: list[str]) -> None:
    (legend,) = (VI_FIGURE if lang == "vi" else EN_FIGURE).legends
    assert [text.get_text() for text in legend.get_texts()] == words


def test_the_legend_shows_the_band_of_a_range_in_its_colour() -> None:
    (legend,) = EN_FIGURE.legends
    texts = [t.get_text() for t in legend.get_texts()]
    handles = dict(zip(texts, legend.legend_handles, strict=True))
    (band,) = artist(strips(EN_FIGURE)["12"], "band")  # between 3% and 5%
    entry = handles["target range"]
    assert to_rgba(entry.get_facecolor()) == to_rgba(band.get_facecolor()) == to_rgba("#d0d0d0")  # type: ignore[union-attr,attr-defined]


def locator(axes: Axes) -> dict[str, object]:
    return axes.xaxis.get_major_locator().__dict__


@pytest.mark.parametrize(
    ("number", "labels"),
    [
        # 5: the quota, 9 units against a cap of 7: room max(0.4 x 2, 0.9, 1) = 1, so
        # 6 to 10, a tick on every whole unit
        ("5", ["6", "7", "8", "9", "10"]),
        # 9: 5 units against at least 5: room max(0, 0.5, 1) = 1, so 4 to 6
        ("9", ["4", "5", "6"]),
        # 2: 459 members against 450: room 45.9, 404.1 to 504.9, every 25
        ("2", ["425", "450", "475", "500"]),
    ],
)
def test_a_count_of_whole_things_has_whole_ticks(number: str, labels: list[str]) -> None:
    for figure in (EN_FIGURE, VI_FIGURE):
        axes = strips(figure)[number]
        assert tick_labels(axes) == labels
        assert locator(axes)["_integer"] is True


def one_strip(target: rm.Target, result: rm.Result) -> Axes:
    report = rm.Resolution("R", [target]).evaluate({target.indicator.key: result})
    (axes,) = report_plot(report).axes
    return axes


@pytest.mark.parametrize(
    ("target", "result", "labels"),
    [
        # a plain count (no unit), 5 against at least 4: room max(0.4, 0.5, 1) = 1, 3 to 6
        (rm.Target(rm.Indicator("n"), rm.at_least(4)), rm.Result(5), ["3", "4", "5", "6"]),
        # households, 6 against at least 5: room max(0.4, 0.6, 1) = 1, 4 to 7
        (rm.Target(rm.Indicator("h", unit="household"), rm.at_least(5)), rm.Result(6),
         ["4", "5", "6", "7"]),
    ],
)  # fmt: skip
def test_whole_ticks_for_a_count_unit(
    target: rm.Target, result: rm.Result, labels: list[str]
) -> None:
    axes = one_strip(target, result)
    assert locator(axes)["_integer"] is True
    assert tick_labels(axes) == labels


@pytest.mark.parametrize(
    ("target", "result"),
    [
        # members, but a value that is not whole (a mean): 5.5 against at least 5,
        # 4.45 to 6.05, less than two units wide
        (rm.Target(rm.Indicator("m", unit="member"), rm.at_least(5)), rm.Result("5.5")),
        # a share is not a count, even on whole values: 5% against at least 4%, 3.5 to 5.5
        (rm.Target(rm.Indicator("s", unit="percent"), rm.at_least(4)), rm.Result(5)),
        # money is not a count either: 6 tỷ đồng against at least 5, 4.4 to 6.6
        (rm.Target(rm.Indicator("r", unit="tỷ đồng"), rm.at_least(5)), rm.Result(6)),
    ],
)
def test_other_strips_keep_fractional_ticks(target: rm.Target, result: rm.Result) -> None:
    axes = one_strip(target, result)
    assert locator(axes)["_integer"] is False
    # on a range about two wide, five bins need steps below 1
    assert any(not label.isdigit() for label in tick_labels(axes)), tick_labels(axes)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_png(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "review.png"
    (EN_FIGURE if lang == "en" else VI_FIGURE).savefig(path)
    # 11 inches at 150 dpi wide; high: 0.15 top gap + 0.24 one title line + 2 x 0.19
    # notes + 0.2 + 0.22 legend + 0.3 one group heading + 15 strips x 0.72 + 0.15 bottom
    # = 12.44 inches
    assert png_size(path.read_bytes()) == (1650, 1866)


def svg_texts(figure: Figure) -> list[str]:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg")
    root = ET.fromstring(buffer.getvalue())
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1a", "14", "Forest cover", "Budget revenue", "no data", "achieved",
                "exceeded by 0.1 percentage points", "HTXSNV"]),
        ("vi", ["1a", "14", "Tỷ lệ che phủ rừng", "Thu ngân sách", "chưa có số liệu",
                "Chưa có số liệu", "Vượt 0,1 điểm phần trăm", "Đạt (5/6 đơn vị đạt)"]),
    ],
)  # fmt: skip
def test_svg_keeps_the_text_as_text(lang: str, expected: list[str]) -> None:
    texts = svg_texts(EN_FIGURE if lang == "en" else VI_FIGURE)
    for text in expected:
        assert text in texts


def test_saving_takes_the_format_from_the_suffix(tmp_path: Path) -> None:
    figure = report_plot(demo(), width=9, strip_height=0.5)
    figure.savefig(tmp_path / "review.svg")
    figure.savefig(tmp_path / "review.png")
    assert (tmp_path / "review.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    # 9 inches x 150 dpi; 0.15 + 0.24 + 0.38 + two legend lines of 4 (8 entries) 0.4 + 0.22
    # + 0.3 heading + 15 x 0.5 + 0.15
    assert png_size((tmp_path / "review.png").read_bytes()) == (1350, round(9.34 * 150))


def test_a_final_review_and_a_title_of_ones_own() -> None:
    share = rm.Indicator("share", name="Share", unit="percent")
    report = rm.Resolution("R", [rm.Target(share, rm.at_least(90))]).evaluate(
        {"share": rm.Result(95)}
    )
    texts = figure_texts(report.plot(title="Mid-term review"))
    assert texts[0] == "Mid-term review"
    assert texts[1].startswith("Final review\nMet 1 of 1 target ")
    untitled = figure_texts(report.plot("vi", title=""))
    assert untitled[0].startswith("Đánh giá cuối kỳ\nHoàn thành và vượt 1/1 chỉ tiêu")


def test_a_report_without_targets_still_draws() -> None:
    figure = rm.Resolution("Empty", []).evaluate({}).plot()
    assert figure.axes == []
    assert "no targets" in figure_texts(figure)
    assert figure.legends == []  # nothing to name


def test_no_pyplot_no_global_state() -> None:
    code = (
        "import sys\n"
        "from resolmetrics.demo import AS_OF, demo_resolution, demo_results\n"
        "report = demo_resolution().evaluate(demo_results(), as_of=AS_OF)\n"
        "figure = report.plot()\n"
        "import io; figure.savefig(io.BytesIO(), format='png')\n"
        "print('matplotlib.pyplot' in sys.modules, type(figure).__module__)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert completed.stdout.split() == ["False", "matplotlib.figure"]


# --- groups: a heading, one scale for the components in one unit; legend; edges ----------


def share_target(key: str, bound: int = 90) -> rm.Target:
    return rm.Target(rm.Indicator(key, name=key.upper(), unit="percent"), rm.at_least(bound))


DISTRICTS = rm.Resolution(
    "Districts",
    [
        rm.Group(
            "Clean water",
            [
                share_target("a"),  # 95
                share_target("b"),  # 100, a share at its maximum
                share_target("c"),  # 84
                share_target("d"),  # no data
                rm.Target(rm.Indicator("e", unit="member"), rm.at_least(150)),  # 140
                rm.Target(rm.Indicator("f", scale=rm.PARTY_QUALITY), rm.at_least("HTTNV")),
            ],
        ),
        share_target("g"),  # 95, not in a group
    ],
).evaluate(
    {
        "a": rm.Result(95),
        "b": rm.Result(100),
        "c": rm.Result(84),
        "e": rm.Result(140),
        "f": rm.Result("HTXSNV"),
        "g": rm.Result(95),
    }
)
DISTRICTS_EN = DISTRICTS.plot()
DISTRICTS_VI = DISTRICTS.plot("vi")


@pytest.mark.parametrize(
    ("number", "limits"),
    [
        # the four shares of the group: bounds 90, values 95, 100, 84 (d has none): 84 to
        # 100, room max(0.4 x 16, 100 / 10) = 10, 74 to 110, a share cut at 100
        ("1a", (74.0, 100.0)),
        ("1b", (74.0, 100.0)),
        ("1c", (74.0, 100.0)),
        ("1d", (74.0, 100.0)),
        # alone in its unit (members), 140 against 150: room max(4, 15) = 15
        ("1e", (125.0, 165.0)),
        # rated: its four levels, ranks 0 to 3, half a step either side
        ("1f", (-0.5, 3.5)),
        # the same share outside a group keeps its own: 90 to 95, room max(2, 9.5) = 9.5
        ("2", (80.5, 100.0)),
    ],
)
def test_a_groups_components_in_one_unit_share_a_scale(
    number: str, limits: tuple[float, float]
) -> None:
    for figure in (DISTRICTS_EN, DISTRICTS_VI):
        assert strips(figure)[number].get_xlim() == pytest.approx(limits)


def test_sibling_strips_of_the_demo_share_a_scale() -> None:
    # 1a (above 90%, 94%) and 1b (at least 92%, 94.5%): 90 to 94.5, room
    # max(0.4 x 4.5, 94.5 / 10) = 9.45, 80.55 to 103.95, a share cut at 100
    axes = strips(EN_FIGURE)
    assert axes["1a"].get_xlim() == axes["1b"].get_xlim() == pytest.approx((80.55, 100.0))
    assert tick_labels(axes["1a"]) == tick_labels(axes["1b"]) == ["84", "88", "92", "96", "100"]


@pytest.mark.parametrize(
    ("figure", "heading"),
    [
        (EN_FIGURE, "Quality of party cells and members"),
        (VI_FIGURE, "Chất lượng chi bộ và đảng viên"),
        (DISTRICTS_EN, "Clean water"),
        (DISTRICTS_VI, "Clean water"),
    ],
)
def test_a_group_label_heads_its_components(figure: Figure, heading: str) -> None:
    texts = svg_texts(figure)
    assert heading in texts
    (shown,) = [text for text in figure.texts if text.get_gid() == "group"]
    assert shown.get_text() == heading
    assert shown.get_fontweight() == "bold"
    # above the strip of its first component, inches from the bottom of the figure
    top = strips(figure)["1a"].get_position().y1 * figure.get_size_inches()[1]
    assert shown.get_position()[1] > top
    (number,) = [text for text in figure.texts if text.get_gid() == "group-number"]
    assert number.get_text() == "1"


def test_a_heading_adds_a_line_to_the_height() -> None:
    # 0.15 + 0.24 title + 0.38 notes + 0.2 + 0.22 legend (one line) + 0.3 heading
    # + 7 strips x 0.72 + 0.15 bottom = 6.68 inches
    assert DISTRICTS_EN.get_size_inches() == pytest.approx((11.0, 6.68))


ON_TARGET = rm.Indicator("p", unit="percent", direction=rm.Direction.ON_TARGET)


@pytest.mark.parametrize(
    ("report", "lang", "words"),
    [
        (DISTRICTS, "en", ["exceeded", "not achieved", "no data", "bound", "target met here"]),
        (DISTRICTS, "vi", ["Vượt", "Không đạt", "Chưa có số liệu", "ngưỡng",
                           "vùng đạt mục tiêu"]),
        # one target met inside a range on target: no side is shaded, the band is drawn
        (rm.Resolution("R", [rm.Target(ON_TARGET, rm.between(3, 5))]).evaluate(
            {"p": rm.Result(4)}), "en", ["achieved", "bound", "target range"]),
        # exactly: neither side nor band
        (rm.Resolution("R", [rm.Target(ON_TARGET, rm.exactly(4))]).evaluate(
            {"p": rm.Result(5)}), "vi", ["Không đạt", "ngưỡng"]),
    ],
)  # fmt: skip
def test_the_legend_names_only_what_the_chart_shows(
    report: rm.Report, lang: str, words: list[str]
) -> None:
    (legend,) = report.plot(lang).legends
    assert [text.get_text() for text in legend.get_texts()] == words


def test_the_legend_takes_only_the_lines_its_entries_need() -> None:
    report = rm.Resolution("R", [share_target("s")]).evaluate({"s": rm.Result(95)})
    # exceeded, bound, target met here: one line of 4 at 9 inches wide; 0.15 + 0.24
    # + 0.38 + 0.2 + 0.22 + 0.72 + 0.15 = 2.06 inches
    assert report.plot(width=9).get_size_inches() == pytest.approx((9.0, 2.06))


@pytest.mark.parametrize(
    ("figure", "number", "x"),
    [
        # 45 on 40.5 to 49.5: two equal stretches, the words in the left one's middle
        (EN_FIGURE, "11", 42.75),
        # 90 on 74 to 100: the stretch 74 to 90 is the wider
        (DISTRICTS_EN, "1d", 82.0),
    ],
)
def test_no_data_words_stand_clear_of_the_bound(figure: Figure, number: str, x: float) -> None:
    axes = strips(figure)[number]
    (words,) = artist(axes, "no-data-text")
    assert words.get_position()[0] == pytest.approx(x)  # type: ignore[attr-defined]
    figure.draw_without_rendering()
    box = words.get_window_extent()  # type: ignore[attr-defined]
    for line in artist(axes, "bound"):
        bound = axes.transData.transform((line.get_xdata()[0], 0.5))[0]  # type: ignore[attr-defined]
        assert not box.x0 <= bound <= box.x1
        # and, should it reach the line, over it on a box of its own
        assert words.get_zorder() > line.get_zorder()  # type: ignore[attr-defined]
    assert words.get_bbox_patch() is not None  # type: ignore[attr-defined]


@pytest.mark.parametrize("figure", [EN_FIGURE, VI_FIGURE, DISTRICTS_EN])
def test_every_dot_is_drawn_whole_within_its_scale(figure: Figure) -> None:
    for axes in figure.axes:
        left, right = axes.get_xlim()
        for dot in artist(axes, "actual"):
            assert dot.get_clip_on() is False  # type: ignore[attr-defined]
            assert left <= dot.get_xdata()[0] <= right  # type: ignore[attr-defined]


def test_a_share_at_its_maximum_sits_on_the_edge_unclipped() -> None:
    axes = strips(DISTRICTS_EN)["1b"]
    (dot,) = artist(axes, "actual")
    assert axes.get_xlim()[1] == 100.0  # a share's scale stops at 100
    assert list(dot.get_xdata()) == [100.0]  # type: ignore[attr-defined]
    assert dot.get_clip_on() is False  # type: ignore[attr-defined]


# --- errors ------------------------------------------------------------------------------


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    report = demo()
    with pytest.raises(MissingDependencyError) as info:
        report.plot()
    assert str(info.value) == "Report.plot() needs matplotlib: pip install 'resolmetrics[plot]'"
    assert isinstance(info.value, ModuleNotFoundError)
    assert isinstance(info.value, rm.ResolmetricsError)
    with pytest.raises(ModuleNotFoundError, match=re.escape(
        "report_plot() needs matplotlib: pip install 'resolmetrics[plot]'"
    )):  # fmt: skip
        report_plot(report)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"width": 5}, rm.InvalidArgumentError,
         "Report.plot(): width must be at least 8, such as width=11, got 5"),
        ({"width": "wide"}, rm.InvalidArgumentTypeError,
         "Report.plot(): width must be a number, such as width=11, got 'wide'"),
        ({"strip_height": float("nan")}, rm.InvalidArgumentError,
         "Report.plot(): strip_height must be at least 0.4, such as strip_height=0.72, got nan"),
        ({"dpi": True}, rm.InvalidArgumentTypeError,
         "Report.plot(): dpi must be a number, such as dpi=150, got True"),
        ({"title": 2025}, rm.InvalidArgumentTypeError,
         "Report.plot(): title must be a str (or None for the resolution's name), got 2025"),
    ],
)  # fmt: skip
def test_options_are_checked(options: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error) as info:
        demo().plot(**options)
    assert type(info.value) is error
    assert str(info.value) == message


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="colour"):
        demo().plot(colour="red")


def test_report_plot_refuses_what_is_not_a_report() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError, match=re.escape(
        "report_plot(report) must be a Report, such as resolution.evaluate(results), got None"
    )):  # fmt: skip
        report_plot(None)  # type: ignore[arg-type]
