"""Resolution files (TOML) and results files (CSV, Excel): what they hold and every problem.

Expected targets and results are built by hand with the public API from what
each file snippet says; expected problems are written out with their line
numbers counted in the snippets. Where a problem keeps the message of an
error raised by the library itself (a target that does not fit its
indicator, text the reader cannot read), the expected message is that
error's own message, raised here directly from the same input.
"""

from __future__ import annotations

import pickle
import re
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import resolmetrics as rm
from resolmetrics import units
from resolmetrics.demo import AS_OF, demo_resolution, demo_results
from resolmetrics.files import FileError, Problem, load_resolution, read_results

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "provincial"

# --------------------------------------------------------------------------- helpers

# 22 lines; "\n[[target]]\n..." appended to it puts [[target]] on line 24.
HEAD = """\
[resolution]
name = "Test resolution"
term = [2020, 2025]
lang = "vi"

[indicators.share]
name = "Share of cells rated good"
unit = "percent"
limits = [0, 100]

[indicators.members]
unit = "member"

[indicators.rating]
scale = "party_quality"

[indicators.money]
unit = "triệu đồng"

[indicators.poverty]
unit = "percent"
direction = "lower_is_better"
"""

SHARE = rm.Indicator("share", name="Share of cells rated good", unit="percent", limits=(0, 100))
MEMBERS = rm.Indicator("members", unit="member")
RATING = rm.Indicator("rating", scale=rm.PARTY_QUALITY)
MONEY = rm.Indicator("money", unit="triệu đồng")
POVERTY = rm.Indicator("poverty", unit="percent", direction="lower_is_better")
TERM = (2020, 2025)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a fresh folder, so that messages name files as 'resolution.toml'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).write_text(textwrap.dedent(text), encoding="utf-8")
    return name


def problems_of(call: object) -> list[tuple[int | None, str | None, str]]:
    """The (line, field, message) of every problem the call raises, in order."""
    with pytest.raises(FileError) as info:
        call()
    assert all(problem.file == info.value.problems[0].file for problem in info.value.problems)
    return [(p.line, p.field, p.message) for p in info.value.problems]


def toml_problems(targets: str, head: str = HEAD) -> list[tuple[int | None, str | None, str]]:
    write("resolution.toml", head + textwrap.dedent(targets))
    return problems_of(lambda: load_resolution("resolution.toml"))


def one_target(snippet: str) -> rm.Target:
    write("resolution.toml", HEAD + "\n[[target]]\n" + textwrap.dedent(snippet))
    resolution = load_resolution("resolution.toml")
    (target,) = resolution.components
    return target


def message_of(build: object) -> str:
    with pytest.raises(rm.ResolmetricsError) as info:
        build()
    return str(info.value)


def test_head_has_22_lines() -> None:
    assert HEAD.count("\n") == 22


# --------------------------------------------------------------------------- every field


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ('indicator = "share"\nrule = "above 90"', rm.Target(SHARE, rm.above(90))),
        (
            'indicator = "share"\nrule = "between 3.5 and 5"\nlabel = "Band"',
            rm.Target(SHARE, rm.between("3.5", 5), label="Band"),
        ),
        (
            'indicator = "members"\nrule = "at least 150"\nper = "year"\ncombine = "total"',
            rm.Target(MEMBERS, rm.at_least(150), per="year", combine="total", term=TERM),
        ),
        (
            'indicator = "members"\nrule = "at least 150"\nper = "year"\ncombine = "each"\n'
            "term = [2021, 2023]",
            rm.Target(MEMBERS, rm.at_least(150), per="year", combine="each", term=(2021, 2023)),
        ),
        (
            'indicator = "share"\nrule = "at least 70"\ndue = 2025\n'
            "baseline = { value = 0, year = 2020 }",
            rm.Target(SHARE, rm.at_least(70), due=2025, baseline=rm.Baseline(0, 2020)),
        ),
        (
            'indicator = "share"\nrule = "at least 70"\ndue = "term"',
            rm.Target(SHARE, rm.at_least(70), due=2025),
        ),
        (
            'indicator = "share"\nrule = "at least 70"\ndue = 2024-06-30',
            rm.Target(SHARE, rm.at_least(70), due=date(2024, 6, 30)),
        ),
        (  # a TOML float is read exactly as written
            'indicator = "poverty"\nrule = "below 2"\ndue = 2025\n'
            "baseline = { value = 4.8, year = 2020 }",
            rm.Target(POVERTY, rm.below(2), due=2025, baseline=rm.Baseline(Decimal("4.8"), 2020)),
        ),
        (  # more digits than a binary float holds: still exact
            'indicator = "poverty"\nrule = "below 2"\ndue = 2025\n'
            "baseline = { value = 4.8000000000000000000001, year = 2020 }",
            rm.Target(
                POVERTY,
                rm.below(2),
                due=2025,
                baseline=rm.Baseline(Decimal("4.8000000000000000000001"), 2020),
            ),
        ),
        (
            'indicator = "poverty"\nrule = "at most 3.5"\n'
            'baseline = { value = "4.8", year = 2020, unit = "%" }',
            rm.Target(POVERTY, rm.at_most("3.5"), baseline=rm.Baseline("4.8", 2020, "percent")),
        ),
        (
            'indicator = "money"\nrule = "at least 25000"\nunit = "tỷ đồng"',
            rm.Target(MONEY, rm.at_least(25000), unit="tỷ đồng"),
        ),
        (
            'indicator = "rating"\nrule = "at least HTTNV"\nacross = "all"',
            rm.Target(RATING, rm.at_least("HTTNV"), across="all"),
        ),
        (
            'indicator = "rating"\nrule = "at least HTTNV"\nacross = "any"',
            rm.Target(RATING, rm.at_least("HTTNV"), across="any"),
        ),
        (
            'indicator = "rating"\nrule = "at least HTTNV"\nacross = { count = 5 }',
            rm.Target(RATING, rm.at_least("HTTNV"), across=rm.at_least_count(5)),
        ),
        (
            'indicator = "rating"\nrule = "at least HTTNV"\nacross = { share = 85 }',
            rm.Target(RATING, rm.at_least("HTTNV"), across=rm.at_least_share(85)),
        ),
        (
            'indicator = "rating"\nrule = "at least HTTNV"\nacross = { above_share = 90 }',
            rm.Target(RATING, rm.at_least("HTTNV"), across=rm.above_share(90)),
        ),
        (
            'indicator = "money"\nrule = "at least 7"\nper = "year"\ngrowth = "cagr"\n'
            "baseline = { value = 58000, year = 2020 }",
            rm.Target(
                MONEY,
                rm.at_least(7),
                per="year",
                growth="cagr",
                term=TERM,
                baseline=rm.Baseline(58000, 2020),
            ),
        ),
        (
            'indicator = "money"\nrule = "between 4 and 6"\nper = "year"\ncombine = "each"\n'
            'growth = "yoy"',
            rm.Target(
                MONEY, rm.between(4, 6), per="year", combine="each", growth="yoy", term=TERM
            ),
        ),
        (
            'indicator = "rating"\nquota = { level = "at least HTXSNV", at_most = 20, '
            'of = "at least HTTNV", rounding = "down" }',
            rm.Target(
                RATING,
                rm.quota(
                    rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"), rounding="down"
                ),
            ),
        ),
        (
            'indicator = "rating"\n[target.quota]\nlevel = "at least HTXSNV"\nat_most = "12.5"\n'
            'rounding = "exact"',
            rm.Target(
                RATING, rm.quota(rm.at_least("HTXSNV"), at_most="12.5", of=None, rounding="exact")
            ),
        ),
    ],
)
def test_explicit_fields(here: Path, snippet: str, expected: rm.Target) -> None:
    assert one_target(snippet) == expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        # a share of units on an indicator that is itself the share: the reported share
        (
            'indicator = "share"\ntext = "Trên 90% chi bộ hoàn thành tốt nhiệm vụ"',
            rm.Target(SHARE, rm.above(90)),
        ),
        # the same text on a rated indicator: judged across the units' ratings
        (
            'indicator = "rating"\ntext = "Trên 90% chi bộ hoàn thành tốt nhiệm vụ"',
            rm.Target(RATING, rm.at_least("HTTNV"), across=rm.above_share(90)),
        ),
        (  # "mỗi năm" is judged every year, unless combine says otherwise
            'indicator = "members"\ntext = "Kết nạp 150 đảng viên trở lên mỗi năm"',
            rm.Target(MEMBERS, rm.at_least(150), per="year", combine="each", term=TERM),
        ),
        (
            'indicator = "members"\ntext = "Kết nạp 150 đảng viên trở lên mỗi năm"\n'
            'combine = "total"',
            rm.Target(MEMBERS, rm.at_least(150), per="year", combine="total", term=TERM),
        ),
        (  # "trong nhiệm kỳ" is due at the end of the resolution's term
            'indicator = "share"\ntext = "Trong nhiệm kỳ, 70% tổ chức đảng được kiểm tra"',
            rm.Target(SHARE, rm.at_least(70), due=2025),
        ),
        (  # growth read from the text, computed as compound growth
            'indicator = "money"\ntext = "GRDP tăng bình quân 7%/năm trở lên"\n'
            'growth = "cagr"\nbaseline = { value = 58000, year = 2020 }',
            rm.Target(
                MONEY,
                rm.at_least(7),
                per="year",
                growth="cagr",
                term=TERM,
                baseline=rm.Baseline(58000, 2020),
            ),
        ),
        (
            'indicator = "money"\ntext = "Thu nhập tăng 4-6%/năm"\nacross = { count = 5 }',
            rm.Target(
                MONEY,
                rm.between(4, 6),
                per="year",
                combine="each",
                growth="yoy",
                across=rm.at_least_count(5),
                term=TERM,
            ),
        ),
        (
            'indicator = "money"\ntext = "Thu ngân sách từ 25.000 tỷ đồng trở lên"',
            rm.Target(MONEY, rm.at_least(25000), unit="tỷ đồng"),
        ),
        (  # an explicit field that agrees with the text
            'indicator = "money"\ntext = "Thu ngân sách từ 25.000 tỷ đồng trở lên"\n'
            'unit = "tỷ đồng"\nrule = "at least 25000"',
            rm.Target(MONEY, rm.at_least(25000), unit="tỷ đồng"),
        ),
        (  # explicit fields that complete the text
            'indicator = "share"\ntext = "Tỷ lệ che phủ rừng từ 45% trở lên"\nper = "year"\n'
            'combine = "mean"\nlabel = "Forest"',
            rm.Target(
                SHARE, rm.at_least(45), per="year", combine="mean", label="Forest", term=TERM
            ),
        ),
        (
            'indicator = "poverty"\ntext = "Đến năm 2025, tỷ lệ hộ nghèo giảm xuống dưới 2%"\n'
            "baseline = { value = 4.8, year = 2020 }",
            rm.Target(POVERTY, rm.below(2), due=2025, baseline=rm.Baseline("4.8", 2020)),
        ),
        (  # the quota the text leaves implicit: of which units, and the rounding
            'indicator = "rating"\n'
            'text = "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ không quá 20%"\n'
            'quota = { level = "at least HTXSNV", at_most = 20, of = "at least HTTNV", '
            'rounding = "down" }',
            rm.Target(
                RATING,
                rm.quota(
                    rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"), rounding="down"
                ),
            ),
        ),
    ],
)
def test_text_with_fields(here: Path, snippet: str, expected: rm.Target) -> None:
    assert one_target(snippet) == expected


def test_indicator_fields(here: Path) -> None:
    write(
        "resolution.toml",
        """\
        [resolution]
        name = "Indicators"

        [indicators.a]
        name = "Prices"
        unit = "%"
        direction = "on_target"
        limits = { lowest = 0 }

        [indicators.b]
        scale = ["weak", "fair", "good"]

        [indicators.c]
        limits = [-5, "7.5"]

        [[target]]
        indicator = "a"
        rule = "between 3 and 5"

        [[target]]
        indicator = "b"
        rule = "at least fair"

        [[target]]
        indicator = "c"
        rule = "at least 1"
        """,
    )
    a, b, c = (target.indicator for target in load_resolution("resolution.toml").components)
    assert a == rm.Indicator(
        "a", name="Prices", unit="percent", direction="on_target", limits=(0, None)
    )
    assert b == rm.Indicator("b", scale=rm.OrdinalScale("b", ["weak", "fair", "good"]))
    assert c == rm.Indicator("c", limits=(-5, "7.5"))


def test_resolution_groups_and_term(here: Path) -> None:
    resolution = load_resolution(
        write(
            "resolution.toml",
            HEAD
            + """
[[target]]
group = "Quality"
indicator = "share"
rule = "above 90"

[[target]]
group = "Quality"
indicator = "share"
rule = "at least 92"
label = "Members"

[[target]]
indicator = "members"
rule = "at least 5"

[[target]]
group = "Alone"
indicator = "money"
rule = "at least 1"
""",
        )
    )
    assert resolution.name == "Test resolution"
    assert resolution.term == TERM
    assert resolution.targets == (
        rm.Group(
            "Quality",
            [rm.Target(SHARE, rm.above(90)), rm.Target(SHARE, rm.at_least(92), label="Members")],
        ),
        rm.Target(MEMBERS, rm.at_least(5)),
        rm.Group("Alone", [rm.Target(MONEY, rm.at_least(1))]),
    )


LANG_FILE = """\
[resolution]
name = "Languages"
{lang}
[indicators.members]
unit = "member"

[[target]]
indicator = "members"
text = "{text}"
"""


@pytest.mark.parametrize(
    ("lang_line", "argument", "text"),
    [
        ('lang = "en"\n', None, "at least 1,500 members"),
        ("", "en", "at least 1,500 members"),
        ("", "vi", "Kết nạp 1.500 đảng viên trở lên"),
        ('lang = "en"\n', "vi", "at least 1,500 members"),  # the file's own lang comes first
        ('lang = "vi"\n', "en", "Kết nạp 1.500 đảng viên trở lên"),
    ],
)
def test_lang(here: Path, lang_line: str, argument: str | None, text: str) -> None:
    write("resolution.toml", LANG_FILE.format(lang=lang_line, text=text))
    (target,) = load_resolution("resolution.toml", lang=argument).components
    assert target.rule == rm.at_least(1500)


NAMES_FILE = """\
[resolution]
name = "Names"
{lang}
[indicators.revenue]
name = {name}
unit = "triệu đồng"

[[target]]
indicator = "revenue"
rule = "at least 1"
"""

BOTH = '{ vi = "Thu ngân sách", en = "Budget revenue" }'


@pytest.mark.parametrize(
    ("lang_line", "name", "lang", "names", "expected"),
    [
        # a string is taken as it is, whatever the language asked for
        ('lang = "vi"\n', '"Thu ngân sách"', None, "en", "Thu ngân sách"),
        ("", '"Budget revenue"', None, "vi", "Budget revenue"),
        # a table with both: names picks one; without it, the file's lang, then lang
        ('lang = "vi"\n', BOTH, None, "en", "Budget revenue"),
        ('lang = "en"\n', BOTH, None, "vi", "Thu ngân sách"),
        ('lang = "vi"\n', BOTH, None, None, "Thu ngân sách"),
        ('lang = "en"\n', BOTH, None, None, "Budget revenue"),
        ('lang = "en"\n', BOTH, "vi", None, "Budget revenue"),  # the file's lang first
        ("", BOTH, "en", None, "Budget revenue"),
        ("", BOTH, "vi", None, "Thu ngân sách"),
        # with no language at all, the first the table gives
        ("", BOTH, None, None, "Thu ngân sách"),
        ("", '{ en = "Budget revenue", vi = "Thu ngân sách" }', None, None, "Budget revenue"),
        # one language: in names if given there, else the file's lang, else the other one
        ('lang = "vi"\n', '{ vi = "Thu ngân sách" }', None, "en", "Thu ngân sách"),
        ('lang = "en"\n', '{ vi = "Thu ngân sách" }', None, "en", "Thu ngân sách"),
        ('lang = "vi"\n', '{ en = "Budget revenue" }', None, "vi", "Budget revenue"),
        ('lang = "vi"\n', '{ en = "Budget revenue" }', None, None, "Budget revenue"),
        ("", '{ en = "Budget revenue" }', "vi", "vi", "Budget revenue"),
        ('lang = "vi"\n', '{ en = "Budget revenue" }', None, "en", "Budget revenue"),
    ],
)
def test_names(
    here: Path,
    lang_line: str,
    name: str,
    lang: str | None,
    names: str | None,
    expected: str,
) -> None:
    write("resolution.toml", NAMES_FILE.format(lang=lang_line, name=name))
    (target,) = load_resolution("resolution.toml", lang=lang, names=names).components
    assert target.indicator.name == expected


@pytest.mark.parametrize(
    ("names", "expected"), [("en", "Budget revenue"), ("vi", "Thu ngân sách")]
)
def test_names_as_dotted_keys(here: Path, names: str, expected: str) -> None:
    """name.vi = "..." and name.en = "..." on two lines are the same table as { vi, en }."""
    name = '"Thu ngân sách"\nname.en = "Budget revenue"'
    write(
        "resolution.toml",
        NAMES_FILE.format(lang="", name=name).replace("name = ", "name.vi = ", 2),
    )
    resolution = load_resolution("resolution.toml", names=names)
    assert resolution.name == "Names"
    assert resolution.components[0].indicator.name == expected


BILINGUAL = """\
[resolution]
name = { vi = "Nghị quyết (thử)", en = "Resolution (trial)" }
term = [2020, 2025]
lang = "vi"

[indicators.cells]
name = { vi = "Chi bộ hoàn thành tốt nhiệm vụ", en = "Cells rated good" }
unit = "percent"
limits = [0, 100]

[indicators.members]
name = "Kết nạp đảng viên"
unit = "member"

[[target]]
group = { vi = "Xây dựng Đảng", en = "Party building" }
indicator = "cells"
text = "Trên 90% chi bộ hoàn thành tốt nhiệm vụ"

[[target]]
group.vi = "Xây dựng Đảng"
group.en = "Party building"
indicator = "members"
label = { vi = "Kết nạp (giữa kỳ)", en = "Admitted (mid-term)" }
rule = "at least 15"

[[target]]
group = { en = "Alone" }
indicator = "members"
rule = "at least 10"

[[target]]
group.vi = "Kinh tế"
indicator = "cells"
rule = "at least 95"
"""


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            "en",
            (
                "Resolution (trial)",
                "Party building",
                "Cells rated good",
                "Kết nạp đảng viên",
                "Admitted (mid-term)",
                "Alone",
                "Kinh tế",
            ),
        ),
        (
            "vi",
            (
                "Nghị quyết (thử)",
                "Xây dựng Đảng",
                "Chi bộ hoàn thành tốt nhiệm vụ",
                "Kết nạp đảng viên",
                "Kết nạp (giữa kỳ)",
                "Alone",
                "Kinh tế",
            ),
        ),
    ],
)
def test_names_labels_and_groups_in_two_languages(
    here: Path, names: str, expected: tuple[str, ...]
) -> None:
    """Targets 1 and 2 write one group as an inline table and as dotted keys: one row. The
    groups of targets 3 and 4 have one language each, shown whatever names asks for."""
    write("resolution.toml", BILINGUAL)
    resolution = load_resolution("resolution.toml", names=names)
    title, group, cells, members, label, alone, last = expected
    cells_indicator = rm.Indicator("cells", name=cells, unit="percent", limits=(0, 100))
    members_indicator = rm.Indicator("members", name=members, unit="member")
    assert resolution.name == title
    assert resolution.targets == (
        rm.Group(
            group,
            [
                rm.Target(cells_indicator, rm.above(90)),
                rm.Target(members_indicator, rm.at_least(15), label=label),
            ],
        ),
        rm.Group(alone, [rm.Target(members_indicator, rm.at_least(10))]),
        rm.Group(last, [rm.Target(cells_indicator, rm.at_least(95))]),
    )


NAME_PROBLEMS = """\
[resolution]
name = { vi = "Nghị quyết", fr = "Résolution" }
lang = "vi"

[indicators.revenue]
name = { vi = "", en = 5 }
unit = "triệu đồng"

[indicators.poverty]
name = {}
unit = "percent"

[indicators.forest]
name = ["Tỷ lệ che phủ rừng", "Forest cover"]
unit = "percent"

[[target]]
indicator = "forest"
label = { vn = "Che phủ rừng", EN = "Forest cover", eng = "Forests", vii = "Rừng" }
rule = "at least 45"
"""

LANGUAGES = "(the languages are 'vi' and 'en'; leave out any other)"


def test_name_problems(here: Path) -> None:
    write("resolution.toml", NAME_PROBLEMS)
    assert problems_of(lambda: load_resolution("resolution.toml", names="en")) == [
        (2, "resolution.name.fr", f"unknown language 'fr' {LANGUAGES}"),
        (
            6,
            "indicators.revenue.name.vi",
            'must not be empty; write it such as "...", or leave the key out',
        ),
        (6, "indicators.revenue.name.en", 'must be a string such as "...", got 5'),
        (
            10,
            "indicators.poverty.name",
            "an empty table: give the text in 'vi', in 'en' or in both, such as "
            'name = { vi = "...", en = "..." }',
        ),
        (
            14,
            "indicators.forest.name",
            'must be a string such as "Budget revenue", or a table of languages such as '
            '{ vi = "...", en = "..." }, got an array',
        ),
        (19, "target[1].label.vn", f"unknown language 'vn'; did you mean 'vi'? {LANGUAGES}"),
        (19, "target[1].label.EN", f"unknown language 'EN'; did you mean 'en'? {LANGUAGES}"),
        (19, "target[1].label.eng", f"unknown language 'eng'; did you mean 'en'? {LANGUAGES}"),
        (19, "target[1].label.vii", f"unknown language 'vii'; did you mean 'vi'? {LANGUAGES}"),
    ]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (  # the Vietnamese text of the first, without its English one
            '"Xây dựng Đảng"',
            (
                "target[2].group",
                "group = \"Xây dựng Đảng\" has the 'vi' text of the group before it, "
                '{ vi = "Xây dựng Đảng", en = "Party building" }, but differs from it in the '
                "others; write a group the same way in each of its targets",
            ),
        ),
        (
            '{ en = "Party building", vi = "Xây dựng Đảng", fr = "Parti" }',
            ("target[2].group.fr", f"unknown language 'fr' {LANGUAGES}"),
        ),
        (
            '{ vi = "Xây dựng Đảng", en = "Building the party" }',
            (
                "target[2].group",
                'group = { vi = "Xây dựng Đảng", en = "Building the party" } has the \'vi\' '
                'text of the group before it, { vi = "Xây dựng Đảng", en = "Party building" }, '
                "but differs from it in the others; write a group the same way in each of its "
                "targets",
            ),
        ),
        (
            "5",
            (
                "target[2].group",
                'must be a string such as "...", or a table of languages such as '
                '{ vi = "...", en = "..." }, got 5',
            ),
        ),
    ],
)
def test_group_problems(here: Path, second: str, expected: tuple[str, str]) -> None:
    targets = f"""
[[target]]
group = {{ vi = "Xây dựng Đảng", en = "Party building" }}
indicator = "share"
rule = "at least 1"

[[target]]
group = {second}
indicator = "share"
rule = "at least 2"
"""
    assert toml_problems(targets) == [(30, *expected)]


@pytest.mark.parametrize(
    "third",
    [
        '{ en = "Party building", vi = "Xây dựng Đảng" }',  # the same group
        '"Xây dựng Đảng"',  # its Vietnamese text, in a file in Vietnamese
        '{ vi = "Xây dựng Đảng", en = "Building the party" }',  # one of its texts
    ],
)
def test_a_group_in_two_languages_closed_and_opened_again(here: Path, third: str) -> None:
    targets = f"""
[[target]]
group = {{ vi = "Xây dựng Đảng", en = "Party building" }}
indicator = "share"
rule = "at least 1"

[[target]]
indicator = "share"
rule = "at least 2"

[[target]]
group = {third}
indicator = "share"
rule = "at least 3"
"""
    assert toml_problems(targets) == [
        (
            34,
            "target[3].group",
            "group 'Xây dựng Đảng' was opened by target[1] and closed by another target since; "
            "the targets of a group must follow one another",
        )
    ]


def test_path_may_be_a_pathlib_path() -> None:
    assert load_resolution(EXAMPLE / "resolution.toml").term == TERM


# --------------------------------------------------------------------------- TOML problems

PARSE_RULE = (
    "expected one of 'at least', 'above', 'at most', 'below', 'between', 'exactly' followed "
    "by a number or a level; did you mean 'at least'?\n    at lest 5\n    ^"
)
TARGET_KEYS = (
    "indicator, group, label, text, rule, quota, unit, per, combine, due, across, growth, "
    "baseline, term"
)


@pytest.mark.parametrize(
    ("targets", "expected"),
    [
        (
            '\n[[target]]\nindicator = "share"\nrule = "at lest 5"\n',
            [(26, "target[1].rule", PARSE_RULE)],
        ),
        (
            '\n[[target]]\nindicator = "shares"\nrule = "at least 5"\n',
            [
                (
                    25,
                    "target[1].indicator",
                    "indicator 'shares' is not described: add an [indicators.shares] table, "
                    "or did you mean 'share'?",
                )
            ],
        ),
        (
            '\n[[target]]\nrule = "at least 5"\n',
            [(24, "target[1].indicator", "missing: give the indicator's key")],
        ),
        (
            '\n[[target]]\nindicator = 5\nrule = "at least 5"\n',
            [(25, "target[1].indicator", "must be the key of an [indicators.KEY] table, got 5")],
        ),
        (
            '\n[[target]]\nindicator = "share"\nrule = "at least 5"\nlable = "x"\n',
            [
                (
                    27,
                    "target[1].lable",
                    f"unknown key 'lable'; did you mean 'label'? (the keys are: {TARGET_KEYS})",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\n',
            [
                (
                    25,
                    "target[1]",
                    'say what the target is: give text = "...", rule = "at least ..." or '
                    "quota = {...}",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "rating"\nrule = "at least HTTNV"\n'
            'quota = { level = "at least HTXSNV", at_most = 20, rounding = "down" }\n',
            [(27, "target[1].quota", "give either rule or quota, not both")],
        ),
        (
            '\n[[target]]\nindicator = "rating"\nquota = { level = "at least HTXSNV", '
            "at_most = 20 }\n",
            [
                (
                    26,
                    "target[1].quota",
                    'missing rounding; write it such as {level = "at least HTXSNV", at_most = 20, '
                    'of = "at least HTTNV", rounding = "down"}',
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\nrule = "at least 5"\ndue = "soon"\n',
            [
                (
                    27,
                    "target[1].due",
                    'must be a year such as 2025, a date such as 2025-12-31, or "term", '
                    "got 'soon'",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "rating"\nrule = "at least HTTNV"\n'
            "across = { count = 2.5 }\n",
            [(27, "target[1].across", "count must be a whole number of units, got 2.5")],
        ),
        (
            '\n[[target]]\nindicator = "rating"\nrule = "at least HTTNV"\nacross = "most"\n',
            [
                (
                    27,
                    "target[1].across",
                    'must be "all", "any", {count = 5}, {share = 85} or {above_share = 85}, '
                    "got 'most'",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\nrule = "at least 5"\nbaseline = { value = 1 }\n',
            [
                (
                    27,
                    "target[1].baseline",
                    "missing year; write it such as {value = 58000, year = 2020}",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\nrule = "at least 5"\nterm = [2025]\n',
            [
                (
                    27,
                    "target[1].term",
                    "must be the first and last year, both included, such as [2020, 2025], "
                    "got [2025]",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\nrule = "at least 5"\nbaseline = { value = true, '
            "year = 2020 }\n",
            [(27, "target[1].baseline", 'expected a number such as 95, 4.8 or "4.8", got true')],
        ),
        (  # an explicit field that says otherwise than the text
            '\n[[target]]\nindicator = "share"\ntext = "Tỷ lệ từ 45% trở lên"\n'
            'rule = "at least 50"\n',
            [
                (
                    27,
                    "target[1].rule",
                    'rule = "at least 50" clashes with the text, which says "at least 45"; '
                    "correct one of them, or leave rule out",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "share"\n'
            'text = "Đến năm 2025, tỷ lệ che phủ rừng từ 45% trở lên"\ndue = 2024\n',
            [
                (
                    27,
                    "target[1].due",
                    "due = 2024 clashes with the text, which says 2025; correct one of them, or "
                    "leave due out",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "money"\ntext = "Thu ngân sách từ 25.000 tỷ đồng trở lên"\n'
            'unit = "triệu đồng"\n',
            [
                (
                    27,
                    "target[1].unit",
                    'unit = "triệu đồng" clashes with the text, which says "tỷ đồng"; correct one '
                    "of them, or leave unit out",
                )
            ],
        ),
        (
            '\n[[target]]\nindicator = "rating"\n'
            'text = "Trên 90% chi bộ hoàn thành tốt nhiệm vụ"\nacross = { share = 90 }\n',
            [
                (
                    27,
                    "target[1].across",
                    "across = {share = 90} clashes with the text, which says {above_share = 90}; "
                    "correct one of them, or leave across out",
                )
            ],
        ),
        (  # the targets of a group must follow one another
            '\n[[target]]\ngroup = "A"\nindicator = "share"\nrule = "at least 1"\n'
            '\n[[target]]\ngroup = "B"\nindicator = "share"\nrule = "at least 2"\n'
            '\n[[target]]\ngroup = "A"\nindicator = "share"\nrule = "at least 3"\n',
            [
                (
                    35,
                    "target[3].group",
                    "group 'A' was opened by target[1] and closed by another target since; the "
                    "targets of a group must follow one another",
                )
            ],
        ),
        (
            '\n[[target]]\ngroup = ""\nindicator = "share"\nrule = "at least 1"\n',
            [
                (
                    25,
                    "target[1].group",
                    'must not be empty; write it such as "...", or leave the key out',
                )
            ],
        ),
    ],
)
def test_target_problems(
    here: Path, targets: str, expected: list[tuple[int | None, str | None, str]]
) -> None:
    assert toml_problems(targets) == expected


@pytest.mark.parametrize(
    ("snippet", "field", "error"),
    [
        # errors of the library's own constructors keep their message
        (
            'indicator = "share"\nrule = "at least 50"\ncombine = "total"',
            "target[1]",
            lambda: rm.Target(SHARE, rm.at_least(50), combine="total"),
        ),
        (
            'indicator = "members"\nrule = "at least 5"\nper = "year"\ncombine = "each"\n'
            'growth = "cgar"',
            "target[1]",
            lambda: rm.Target(MEMBERS, rm.at_least(5), per="year", combine="each", growth="cgar"),
        ),
        (
            'indicator = "share"\nrule = "at least 120"',
            "target[1]",
            lambda: rm.Target(SHARE, rm.at_least(120)),
        ),
        (
            'indicator = "poverty"\nrule = "at least 5"',
            "target[1]",
            lambda: rm.Target(POVERTY, rm.at_least(5)),
        ),
        (
            'indicator = "share"\ntext = "Kết nạp 150 đảng viên trở lên"',
            "target[1].text",
            lambda: rm.parse_target("Kết nạp 150 đảng viên trở lên", "vi").to_target(
                SHARE, term=TERM
            ),
        ),
        (
            'indicator = "share"\ntext = "Kết nạp nhiều đảng viên"',
            "target[1].text",
            lambda: rm.parse_target("Kết nạp nhiều đảng viên", "vi"),
        ),
        (
            'indicator = "share"\nrule = "between 5 and 3"',
            "target[1].rule",
            lambda: rm.Rule.parse("between 5 and 3"),
        ),
    ],
)
def test_library_errors_become_problems(
    here: Path, snippet: str, field: str, error: object
) -> None:
    lines = {"target[1]": 24, "target[1].text": 26, "target[1].rule": 26}
    assert toml_problems("\n[[target]]\n" + snippet + "\n") == [
        (lines[field], field, message_of(error))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[resolution]\nterm = [2025, 2020]\nlang = "fr"\ntitle = "x"\n\n'
            '[indicators.a]\n\n[[target]]\nindicator = "a"\nrule = "at least 1"\n',
            [
                (1, "resolution.name", "missing: give the resolution's name"),
                (
                    2,
                    "resolution.term",
                    "the first year is after the last; did you mean [2020, 2025]?",
                ),
                (3, "resolution.lang", 'must be "vi" or "en", got \'fr\''),
                (4, "resolution.title", "unknown key 'title' (the keys are: name, term, lang)"),
            ],
        ),
        (
            '[[targets]]\nindicator = "a"\n',
            [
                (None, "target", "no targets: add a [[target]] table for each"),
                (
                    1,
                    "targets",
                    "unknown key 'targets'; did you mean 'target'? (the keys are: resolution, "
                    "indicators, target)",
                ),
                (1, "resolution", "missing [resolution] table with the resolution's name"),
                (1, "indicators", "missing: describe each indicator in an [indicators.KEY] table"),
            ],
        ),
        (
            '[resolution]\nname = "x"\n\n[indicators.a]\n\n[target]\nindicator = "a"\n',
            [(6, "target", "write each target as a [[target]] table (two brackets)")],
        ),
        (
            '[resolution]\nname = "x"\nterm = [2020, 2025\n',
            [(3, None, "not valid TOML: Unclosed array (at end of document); close it with ']'")],
        ),
        (
            '[resolution]\nname = "x"\nterm = [2020, 2025]]\n',
            [
                (
                    3,
                    None,
                    "not valid TOML: Expected newline or end of document after a statement "
                    "(column 20); the line goes on after its value: put text in quotes (such as "
                    '"95%"), write decimals with a dot (such as 4.8), and give one key = value on '
                    "each line",
                )
            ],
        ),
        (
            '[resolution]\nname = "x"\n\n[indicators.a]\nunit = "percent"\n'
            'direction = "lower_is_beter"\nscale = "party_qualty"\nlimits = [0]\ncolour = 1\n\n'
            '[indicators.b]\nunit = "percent"\nscale = "party_quality"\n\n'
            '[[target]]\nindicator = "a"\nrule = "at most 1"\n\n'
            '[[target]]\nindicator = "b"\nrule = "at least 1"\n',
            [
                (
                    6,
                    "indicators.a.direction",
                    "must be one of 'higher_is_better', 'lower_is_better', 'on_target', got "
                    "'lower_is_beter'; did you mean 'lower_is_better'?",
                ),
                (
                    7,
                    "indicators.a.scale",
                    'must be "party_quality" or a list of level codes, worst first, such as '
                    '["weak", "fair", "good"], got \'party_qualty\'; did you mean '
                    "'party_quality'?",
                ),
                (
                    8,
                    "indicators.a.limits",
                    "must be [lowest, highest] such as [0, 100], or {lowest = 0} for one end, "
                    "got an array",
                ),
                (
                    9,
                    "indicators.a.colour",
                    "unknown key 'colour' (the keys are: name, unit, direction, scale, limits)",
                ),
                (
                    11,
                    "indicators.b",
                    message_of(lambda: rm.Indicator("b", unit="percent", scale=rm.PARTY_QUALITY)),
                ),
            ],
        ),
    ],
)
def test_file_problems(
    here: Path, text: str, expected: list[tuple[int | None, str | None, str]]
) -> None:
    write("resolution.toml", text)
    assert problems_of(lambda: load_resolution("resolution.toml")) == expected


UNITS_PAGE = (
    "use one of the units listed in docs/reference/units.md (such as 'percent', 'tỷ đồng', "
    "'member' or 'ha')"
)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            'rule = "at leest 200"',
            (
                26,
                "target[1].rule",
                "expected one of 'at least', 'above', 'at most', 'below', 'between', 'exactly' "
                "followed by a number or a level; did you mean 'at least'?\n"
                "    at leest 200\n"
                "    ^",
            ),
        ),
        (
            'rule = "at least"',
            (
                26,
                "target[1].rule",
                "expected a number or a level after 'at least'\n    at least\n            ^",
            ),
        ),
        (
            'rule = "at least 5"\nunit = "customer"',
            (
                27,
                "target[1].unit",
                f"'customer' is not a known unit; {UNITS_PAGE}, write unit = \"count\" for a "
                "plain count, or leave unit out to use the indicator's unit",
            ),
        ),
        (
            'rule = "at least 5"\nunit = "tyy dong"',
            (
                27,
                "target[1].unit",
                f"'tyy dong' is not a known unit; did you mean 'dong'? {UNITS_PAGE}, write "
                'unit = "count" for a plain count, or leave unit out to use the indicator\'s unit',
            ),
        ),
        (
            'rule = "at least 5"\nbaseline = { value = "1..2", year = 2020 }',
            (
                27,
                "target[1].baseline",
                "expected a number such as 95, 4.8 or \"4.8\", got '1..2'",
            ),
        ),
        (
            'rule = "at least 5"\nbaseline = { value = 3, year = 2020, unit = "customer" }',
            (
                27,
                "target[1].baseline",
                f"'customer' is not a known unit; {UNITS_PAGE}, write unit = \"count\" for a "
                "plain count, or leave unit out to use the indicator's unit",
            ),
        ),
    ],
)
def test_target_field_messages(here: Path, snippet: str, expected: tuple[int, str, str]) -> None:
    assert toml_problems('\n[[target]]\nindicator = "share"\n' + snippet + "\n") == [expected]


INDICATOR_PROBLEMS = """\
[resolution]
name = "Customers"

[indicators.customers]
unit = "customer"

[indicators.csat]
unit = "percent"
limits = [0, "abc"]

[indicators.wait]
limits = { highest = "4,8" }

[indicators.calls]
limits = { lowest = "1e999" }

[[target]]
indicator = "csat"
rule = "at least 80"
"""


def test_indicator_field_messages(here: Path) -> None:
    write("resolution.toml", INDICATOR_PROBLEMS)
    assert problems_of(lambda: load_resolution("resolution.toml")) == [
        (
            5,
            "indicators.customers.unit",
            f"'customer' is not a known unit; {UNITS_PAGE}, or for a plain count write "
            'unit = "count" or leave unit out',
        ),
        (9, "indicators.csat.limits", "expected a number such as 95, 4.8 or \"4.8\", got 'abc'"),
        (
            12,
            "indicators.wait.limits",
            "expected a number such as 95, 4.8 or \"4.8\", got '4,8'; write '4.8'",
        ),
        (
            15,
            "indicators.calls.limits",
            "the value='1e999' is out of range: resolmetrics reads numbers between 1e-100 and "
            "1e100; check the figure and its unit",
        ),
    ]


def test_count_is_the_plain_count_unit(here: Path) -> None:
    write(
        "resolution.toml",
        '[resolution]\nname = "x"\n\n[indicators.calls]\nunit = "count"\n\n'
        '[[target]]\nindicator = "calls"\nrule = "at least 5"\n',
    )
    (target,) = load_resolution("resolution.toml").components
    assert target.indicator == rm.Indicator("calls")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '[resolution]\nname = "x"\n\n[indicators.a]\nunit = percent\n',
            5,
            'Invalid value (column 8); text needs quotes: unit = "percent"',
        ),
        (
            '[resolution]\nname = "x"\n\n[indicators.a]\nunit = tỷ đồng  # money\n',
            5,
            'Invalid value (column 8); text needs quotes: unit = "tỷ đồng"',
        ),
        (
            '[resolution]\nname = "x"\n\n[indicators.a]\nunit =\n',
            5,
            "Invalid value (column 7); give a value after '=', such as unit = \"...\"",
        ),
        (
            '[resolution]\nname = "x"\nflag = True\n',
            3,
            "Invalid value (column 8); write true in lower case",
        ),
        (
            '[resolution]\nname = "Nghị quyết\nterm = [2020, 2025]\n',
            2,
            "Illegal character '\\n' (column 19); close the text with the quote it opens with, "
            'on the same line (or use """ around text of several lines)',
        ),
        (
            "[resolution]\nname = 'x\n",
            2,
            'Expected "\'" (at end of document); close the text with the quote it opens with, '
            'on the same line (or use """ around text of several lines)',
        ),
        (
            '[resolution]\nname = "x"\nname = "y"\n',
            3,
            "Cannot overwrite a value (column 11); a key is given twice in one table: keep one",
        ),
        (
            '[resolution]\nname = "x"\n\n[target]\nindicator = "a"\n\n[target]\nindicator = "b"\n',
            7,
            "Cannot declare ('target',) twice (column 8); write each target as a [[target]] "
            "table (two brackets)",
        ),
        (
            '[resolution]\nname = "x"\n\n[resolution]\nterm = [2020, 2025]\n',
            4,
            "Cannot declare ('resolution',) twice (column 12); a table is declared twice: "
            "merge the two",
        ),
        (
            '[resolution]\nname = "x"\n\n[[target]]\nrule = "at least 5"\nacross = { share = 90\n',
            6,
            "Unclosed inline table (column 22); close it with '}' on the same line",
        ),
        (
            '[resolution]\nname = "x"\nat least 5\n',
            3,
            "Expected '=' after a key in a key/value pair (column 4)",
        ),
        (
            '[resolution]\nname = "x"\n]\n',
            3,
            "Invalid statement (column 1); each line is key = value, a [table] header, or a "
            "comment after #",
        ),
    ],
)
def test_toml_syntax_hints(here: Path, text: str, line: int, message: str) -> None:
    write("resolution.toml", text)
    assert problems_of(lambda: load_resolution("resolution.toml")) == [
        (line, None, f"not valid TOML: {message}")
    ]


def test_three_bad_targets_give_three_problems_in_one_error(here: Path) -> None:
    write(
        "resolution.toml",
        HEAD
        + """
[[target]]
indicator = "share"
rule = "at least 5%"

[[target]]
indicator = "share"
rule = "above 90"

[[target]]
indicator = "memebrs"
rule = "at least 5"

[[target]]
indicator = "rating"
rule = "at least HTTN"
""",
    )
    with pytest.raises(FileError) as info:
        load_resolution("resolution.toml")
    lines = str(info.value).splitlines()
    assert lines[0] == "3 problems in resolution.toml:"
    assert lines[1].startswith("resolution.toml:26: target[1].rule: expected a number or a level")
    assert lines[4:] == [
        "resolution.toml:33: target[3].indicator: indicator 'memebrs' is not described: add "
        "an [indicators.memebrs] table, or did you mean 'members'?",
        "resolution.toml:36: target[4]: "
        + message_of(lambda: rm.Target(RATING, rm.at_least("HTTN"))),
    ]
    assert [problem.line for problem in info.value.problems] == [26, 33, 36]


def test_missing_file(here: Path) -> None:
    with pytest.raises(FileError) as info:
        load_resolution("nowhere.toml")
    assert info.value.problems == (
        Problem(
            "nowhere.toml",
            None,
            None,
            "cannot read the file: No such file or directory; check the path and its permissions",
        ),
    )
    assert str(info.value) == (
        "1 problem in nowhere.toml:\nnowhere.toml: cannot read the file: "
        "No such file or directory; check the path and its permissions"
    )


def test_not_utf8(here: Path) -> None:
    Path("resolution.toml").write_bytes('[resolution]\nname = "Đoàn"\n'.encode("cp1258"))
    assert problems_of(lambda: load_resolution("resolution.toml")) == [
        (
            2,
            None,
            "the file is not UTF-8 text (byte 0xd0); save it as UTF-8 (in Excel: 'CSV UTF-8')",
        ),
    ]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: load_resolution(5),
            rm.InvalidArgumentTypeError,
            "load_resolution(path) must be a file path (str or pathlib.Path), got 5",
        ),
        (
            lambda: load_resolution("x.toml", lang="fr"),
            rm.InvalidArgumentError,
            "load_resolution(lang) must be 'vi', 'en' or None, got 'fr'",
        ),
        (
            lambda: load_resolution("x.toml", names="vn"),
            rm.InvalidArgumentError,
            "load_resolution(names) must be 'vi', 'en' or None, got 'vn'",
        ),
        (
            lambda: load_resolution("x.toml", names=["en"]),
            rm.InvalidArgumentError,
            "load_resolution(names) must be 'vi', 'en' or None, got ['en']",
        ),
        (
            lambda: read_results("x.csv", lang="fr"),
            rm.InvalidArgumentError,
            "read_results(lang) must be 'vi' or 'en', got 'fr'",
        ),
        (
            lambda: read_results("x.csv", resolution="r"),
            rm.InvalidArgumentTypeError,
            "read_results(resolution) must be a Resolution (from load_resolution) or None, "
            "got 'r'",
        ),
    ],
)
def test_bad_arguments(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


# --------------------------------------------------------------------------- problems and errors


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("r.toml", 14, "target[3].text", "bad"), "r.toml:14: target[3].text: bad"),
        (Problem("r.csv", 7, None, "bad"), "r.csv:7: bad"),
        (Problem("r.csv", None, "value", "bad"), "r.csv: value: bad"),
        (Problem("r.csv", None, None, "bad"), "r.csv: bad"),
    ],
)
def test_problem_text(problem: Problem, text: str) -> None:
    assert str(problem) == text


def test_file_error() -> None:
    error = FileError([Problem("r.csv", 9, "value", "b"), Problem("r.csv", 3, None, "a")])
    assert isinstance(error, rm.ResolmetricsError)
    assert isinstance(error, ValueError)
    assert error.problems == (Problem("r.csv", 3, None, "a"), Problem("r.csv", 9, "value", "b"))
    assert str(error) == "2 problems in r.csv:\nr.csv:3: a\nr.csv:9: value: b"
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.problems, str(copy)) == (FileError, error.problems, str(error))


# --------------------------------------------------------------------------- results: CSV


def test_csv_english(here: Path) -> None:
    write(
        "results.csv",
        """\
        indicator,period,entity,value,unit
        revenue,2022,,"26,150,000",triệu đồng
        share,2022,,94.5%,
        inspected,2022,,33/52 = 63.5%,

        rating,,TCCS 01,HTXSNV,
        rating,,TCCS 02,good,
        income,2021,Cty In,"94.5",triệu đồng
        """,
    )
    assert read_results("results.csv") == {
        "revenue": [rm.Result(26_150_000, "triệu đồng", period=2022)],
        "share": [rm.Result("94.5", "percent", period=2022)],
        "inspected": [rm.Result.ratio(33, 52, period=2022)],
        "rating": [rm.Result("HTXSNV", entity="TCCS 01"), rm.Result("good", entity="TCCS 02")],
        "income": [rm.Result("94.5", "triệu đồng", period=2021, entity="Cty In")],
    }


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_vietnamese_semicolons_and_bom(here: Path, bom: bytes) -> None:
    text = (
        "Chỉ tiêu;Năm;Đối tượng;Giá trị;ĐVT;Ghi chú\n"
        "revenue;2022;;26.150.000;triệu đồng;số ước\n"
        "share;2022;;94,5%;;\n"
        "inspected;2022;;33/52 = 63,5%;;\n"
        "income;2021;Cty In;94,5;triệu đồng;\n"
        ";;;;;\n"
        "rating;;TCCS 01;hoàn thành tốt nhiệm vụ;;\n"
    )
    Path("results.csv").write_bytes(bom + text.encode("utf-8"))
    assert read_results("results.csv", lang="vi") == {
        "revenue": [rm.Result(26_150_000, "triệu đồng", period=2022)],
        "share": [rm.Result("94.5", "percent", period=2022)],
        "inspected": [rm.Result.ratio(33, 52, period=2022)],
        "income": [rm.Result("94.5", "triệu đồng", period=2021, entity="Cty In")],
        "rating": [rm.Result("HTTNV", entity="TCCS 01")],
    }


@pytest.mark.parametrize(
    ("lang", "value"),
    [("vi", Decimal("2.046")), ("en", Decimal("2046"))],
)
def test_csv_numbers_follow_lang(here: Path, lang: str, value: Decimal) -> None:
    # "," is the decimal mark in Vietnamese and groups thousands in English
    write("results.csv", 'indicator;value\nx;"2,046"\n')
    assert read_results("results.csv", lang=lang) == {"x": [rm.Result(value)]}


def test_csv_tabs_and_header_case(here: Path) -> None:
    write("results.csv", "INDICATOR\tYear\tValue\nx\t2021\t5\n")
    assert read_results("results.csv") == {"x": [rm.Result(5, period=2021)]}


def test_csv_row_lines_with_a_field_over_two_lines(here: Path) -> None:
    write("results.csv", 'indicator,entity,value\nx,"Cty\nIn",5\n\nx,Cty B,\n')
    assert problems_of(lambda: read_results("results.csv")) == [
        (
            5,
            "value",
            "no value; leave the row out if there is no result (a target with no "
            "result is reported as having no data)",
        ),
    ]


RESOLUTION = load_resolution(EXAMPLE / "resolution.toml")
KEYS = (
    "admitted, base_rating, cells_good, committee, communes, forest, grdp_growth, income, "
    "inspected, members_good, poverty, prices, revenue"
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "revenue;2022;;;",
            [
                (
                    2,
                    "value",
                    "no value; leave the row out if there is no result (a target with no "
                    "result is reported as having no data)",
                )
            ],
        ),
        (";2022;;5;", [(2, "indicator", "no indicator key; give the indicator's key")]),
        (
            "admited;2022;;5;",
            [
                (
                    2,
                    "indicator",
                    "no target of the resolution is on indicator 'admited'; did you mean "
                    f"'admitted'? (the keys are: {KEYS})",
                )
            ],
        ),
        ("admitted;22;;5;", [(2, "period", "expected a four-digit year such as 2022, got '22'")]),
        (
            "committee;2021;;95;",
            [
                (
                    2,
                    "value",
                    "indicator 'committee' is rated on the scale 'party_quality': expected a "
                    "level such as 'HTTNV', got 95",
                )
            ],
        ),
        (
            "committee;2021;;HTTN;",
            [
                (
                    2,
                    "value",
                    "indicator 'committee': "
                    + message_of(lambda: rm.PARTY_QUALITY.rank("HTTN", argument="the result")),
                )
            ],
        ),
        (
            "admitted;2021;;HTNV;",
            [
                (
                    2,
                    "value",
                    "indicator 'admitted' is measured in numbers, not rated: expected a "
                    "number, got 'HTNV'",
                )
            ],
        ),
        (
            "revenue;2021;;5;ha",
            [
                (
                    2,
                    "unit",
                    "indicator 'revenue': " + message_of(lambda: units.factor("ha", "triệu đồng")),
                )
            ],
        ),
        (
            "revenue;2021;;5 ha;",
            [
                (
                    2,
                    "value",
                    "indicator 'revenue': "
                    + message_of(lambda: units.factor("hectare", "triệu đồng")),
                )
            ],
        ),
        (
            "revenue;2021;;5%;tỷ đồng",
            [
                (
                    2,
                    "value",
                    "the value is in 'percent' but the unit column says 'tỷ đồng'; keep one "
                    "of them",
                )
            ],
        ),
        (
            "cells_good;2022;;940%;",
            [
                (
                    2,
                    "value",
                    "indicator 'cells_good': the result, 940%, is outside the indicator's "
                    "limits (0 to 100); check the figure and its unit, or widen "
                    "Indicator(limits=...)",
                )
            ],
        ),
        (
            "revenue;2021;;5;tyy dong",
            [
                (
                    2,
                    "unit",
                    "'tyy dong' is not a known unit; did you mean 'dong'? use one of the units "
                    "listed in docs/reference/units.md (such as 'percent', 'tỷ đồng', 'member' or "
                    "'ha'), or leave the cell empty for a figure in the indicator's unit",
                )
            ],
        ),
        (
            "inspected;2022;;33/52 = 64%;",
            [(2, "value", message_of(lambda: rm.Result.parse("33/52 = 64%", "vi")))],
        ),
        (
            "revenue;2022;;1;\nrevenue;2022;;2;",
            [
                (
                    3,
                    None,
                    "a second result for indicator 'revenue', period 2022 (the first is on "
                    "line 2); keep one result per indicator, period and entity",
                )
            ],
        ),
        (  # every cell's problem, and every row's
            "admitted;20x;;HTTN;\nbase_rating;;;7;\nrevenue;2022;;26.150.000;triệu đồng",
            [
                (2, "period", "expected a four-digit year such as 2022, got '20x'"),
                (
                    2,
                    "value",
                    "indicator 'admitted' is measured in numbers, not rated: expected "
                    "a number, got 'HTTN'",
                ),
                (
                    3,
                    "value",
                    "indicator 'base_rating' is rated on the scale 'party_quality': "
                    "expected a level such as 'HTTNV', got 7",
                ),
            ],
        ),
    ],
)
def test_results_problems(
    here: Path, rows: str, expected: list[tuple[int | None, str | None, str]]
) -> None:
    write("results.csv", "indicator;period;entity;value;unit\n" + rows + "\n")
    assert (
        problems_of(lambda: read_results("results.csv", lang="vi", resolution=RESOLUTION))
        == expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(None, None, "the file is empty: expected a header row and results")]),
        ("\n\n", [(None, None, "the file is empty: expected a header row and results")]),
        (
            "indicator,vaule\nx,5\n",
            [
                (
                    1,
                    None,
                    "unknown column 'vaule'; did you mean 'value'? (the columns are: "
                    "indicator, period, entity, value, unit; a 'note' or 'ghi chú' column "
                    "is allowed and not read)",
                ),
                (
                    1,
                    None,
                    "the header row has no 'value' column; the first row must name the "
                    "columns: indicator, period, entity, value, unit",
                ),
            ],
        ),
        (
            "value,period\n5,2020\n",
            [
                (
                    1,
                    None,
                    "the header row has no 'indicator' column; the first row must name the "
                    "columns: indicator, period, entity, value, unit",
                ),
            ],
        ),
        ("indicator,value,Giá trị\nx,5,5\n", [(1, "value", "two columns are 'value': keep one")]),
        # "94,5%" unquoted between commas: never read as 94
        (
            "indicator,period,value\ncells_good,2022,94,5%\ncells_good,2021,93\n",
            [
                (
                    2,
                    None,
                    "the row has more cells than the header names columns (the first past "
                    "them: '5%'); a value with the column separator in it must be quoted, "
                    'such as "94,5%", or the columns separated by ";"',
                ),
            ],
        ),
        (
            "indicator,value,colour\nx,5,red\nx,,red\n",
            [
                (
                    1,
                    None,
                    "unknown column 'colour' (the columns are: indicator, period, entity, "
                    "value, unit; a 'note' or 'ghi chú' column is allowed and not read)",
                ),
                (
                    3,
                    "value",
                    "no value; leave the row out if there is no result (a target with no "
                    "result is reported as having no data)",
                ),
            ],
        ),
    ],
)
def test_results_file_problems(
    here: Path, text: str, expected: list[tuple[int | None, str | None, str]]
) -> None:
    write("results.csv", text)
    assert problems_of(lambda: read_results("results.csv")) == expected


DUPLICATE_AFTER_A_BAD_VALUE = """\
indicator,period,entity,value
csat,2023,,86..2%
csat,2013,,80%
csat,2014,,80%
csat,2015,,80%
csat,2016,,80%
csat,2017,,80%
csat,2018,,80%
csat,2019,,80%
csat,2020,,80%
csat,2021,,80%
csat,2022,,80%
csat,2023,,87%
"""


def test_a_second_result_is_reported_when_the_first_is_invalid(here: Path) -> None:
    write("results.csv", DUPLICATE_AFTER_A_BAD_VALUE)
    assert problems_of(lambda: read_results("results.csv")) == [
        (
            2,
            "value",
            "'86..2' is not a number: two marks in a row; did you mean '86.2'?\n"
            "    86..2%\n"
            "       ^",
        ),
        (
            13,
            None,
            "a second result for indicator 'csat', period 2023 (the first is on line 2); keep "
            "one result per indicator, period and entity",
        ),
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # both copies invalid: each value's problem, and the second copy
            "x,2023,,95 abc\nx,2023,,86..2%\n",
            [
                (
                    2,
                    "value",
                    "expected a unit such as '%', 'million VND' or 'members' after the "
                    "number\n    95 abc\n       ^",
                ),
                (
                    3,
                    "value",
                    "'86..2' is not a number: two marks in a row; did you mean '86.2'?\n"
                    "    86..2%\n"
                    "       ^",
                ),
                (
                    3,
                    None,
                    "a second result for indicator 'x', period 2023 (the first is on line 2); "
                    "keep one result per indicator, period and entity",
                ),
            ],
        ),
        (  # a row with a bad period has no identity to repeat
            "x,23,,5\nx,23,,6\n",
            [
                (2, "period", "expected a four-digit year such as 2022, got '23'"),
                (3, "period", "expected a four-digit year such as 2022, got '23'"),
            ],
        ),
        (  # an empty value is no result: the row after it is the only one
            "x,2023,e,\nx,2023,e,5\n",
            [
                (
                    2,
                    "value",
                    "no value; leave the row out if there is no result (a target with no "
                    "result is reported as having no data)",
                ),
            ],
        ),
        (
            "x,2023,,95 abc\n",
            [
                (
                    2,
                    "value",
                    "expected a unit such as '%', 'million VND' or 'members' after the "
                    "number\n    95 abc\n       ^",
                ),
            ],
        ),
        (
            "x,2023,,95 members\nx,2024,,95 million VND\nx,2022,,.5%\n",
            [
                (
                    4,
                    "value",
                    "'.5' is not a number: write a digit before the mark, such as '0.5'\n"
                    "    .5%\n"
                    "    ^",
                ),
            ],
        ),
        (
            "x,2023,,86.%\n",
            [(2, "value", "'86.' is not a number: no digit after the mark\n    86.%\n      ^")],
        ),
    ],
)
def test_english_results_problems(
    here: Path, rows: str, expected: list[tuple[int | None, str | None, str]]
) -> None:
    write("results.csv", "indicator,period,entity,value\n" + rows)
    assert problems_of(lambda: read_results("results.csv", lang="en")) == expected


def test_vietnamese_value_with_two_marks_in_a_row(here: Path) -> None:
    write("results.csv", "indicator;period;value\nx;2023;86,,2%\ny;2023;86..2%\n")
    assert problems_of(lambda: read_results("results.csv", lang="vi")) == [
        (
            2,
            "value",
            "'86,,2' is not a number: two marks in a row; did you mean '86,2'?\n"
            "    86,,2%\n"
            "       ^",
        ),
        (3, "value", "'86..2' is not a number: two marks in a row\n    86..2%\n       ^"),
    ]


def test_vietnamese_headers_without_diacritics(here: Path) -> None:
    write("results.csv", "chi tieu,gia tri,don vi tinh,ghi chu\nx,5,member,\n")
    assert read_results("results.csv") == {"x": [rm.Result(5, "member")]}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "nowhere.csv",
            "cannot read the file: No such file or directory; check the path and its permissions",
        ),
        (
            "nowhere.xlsx",
            "cannot read the file: No such file or directory; check the path and its permissions",
        ),
        (
            "results.xls",
            "expected a .csv, .xlsx or .parquet file, got '.xls'; save it from Excel as .xlsx "
            "or CSV UTF-8",
        ),
        ("results", "expected a .csv, .xlsx or .parquet file, got 'no suffix'"),
    ],
)
def test_results_file_not_read(here: Path, name: str, message: str) -> None:
    assert problems_of(lambda: read_results(name)) == [(None, None, message)]


def test_results_not_utf8(here: Path) -> None:
    Path("results.csv").write_bytes("indicator,value\nx,5\ny,Đoàn\n".encode("cp1258"))
    assert problems_of(lambda: read_results("results.csv")) == [
        (
            3,
            None,
            "the file is not UTF-8 text (byte 0xd0); save it as UTF-8 (in Excel: 'CSV UTF-8')",
        ),
    ]


# --------------------------------------------------------------------------- results: Excel


def workbook(rows: list[list[object]], percent: tuple[str, ...] = ()) -> str:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell in percent:
        sheet[cell].number_format = "0.0%"
    book.save("results.xlsx")
    return "results.xlsx"


def test_xlsx(here: Path) -> None:
    workbook(
        [
            ["Indicator", "Period", "Entity", "Value", "Unit"],
            ["members_good", 2022, None, 94.5],
            ["cells_good", 2022, None, 0.94],  # shown as 94.0% in Excel
            [],
            ["revenue", 2022.0, None, 26_150_000, "triệu đồng"],
            ["income", 2021, "Cty In", "94,5", "triệu đồng"],
            ["committee", 2021, None, "HTTNV"],
            ["base_rating", None, 101, "HTNV"],
        ],
        percent=("D3",),
    )
    assert read_results("results.xlsx", lang="vi", resolution=RESOLUTION) == {
        "members_good": [rm.Result("94.5", period=2022)],
        "cells_good": [rm.Result(94, "percent", period=2022)],
        "revenue": [rm.Result(26_150_000, "triệu đồng", period=2022)],
        "income": [rm.Result("94.5", "triệu đồng", period=2021, entity="Cty In")],
        "committee": [rm.Result("HTTNV", period=2021)],
        "base_rating": [rm.Result("HTNV", entity="101")],
    }


def test_xlsx_problems_name_sheet_rows(here: Path) -> None:
    workbook(
        [
            ["indicator", "period", "value"],
            [],
            ["admitted", 2021, None],
            [],
            [],
            ["admitted", date(2021, 1, 1), True],
        ]
    )
    assert problems_of(lambda: read_results("results.xlsx")) == [
        (
            3,
            "value",
            "no value; leave the row out if there is no result (a target with no "
            "result is reported as having no data)",
        ),
        (
            6,
            "period",
            "expected a four-digit year such as 2022, got datetime.datetime(2021, 1, 1, 0, 0)",
        ),
        (6, "value", "expected a number or a rating level, got True; type the figure in the cell"),
    ]


FORMULA_HAS_NO_VALUE = (
    "the formula {} has no saved value; open the workbook in a spreadsheet program and "
    "save it, so that its results are stored"
)


def test_xlsx_formula_without_a_saved_value(here: Path) -> None:
    # openpyxl saves a formula without its value, as a program that does not compute it would
    workbook(
        [
            ["indicator", "period", "value"],
            ["admitted", 2021, "=80+6"],
            ["admitted", 2022, None],
            ["admitted", 2023, "=SUM(C2:C3)"],
            ["admitted", 2021, 5],
        ]
    )
    assert problems_of(lambda: read_results("results.xlsx")) == [
        (2, "value", FORMULA_HAS_NO_VALUE.format("=80+6")),
        (
            3,
            "value",
            "no value; leave the row out if there is no result (a target with no "
            "result is reported as having no data)",
        ),
        (4, "value", FORMULA_HAS_NO_VALUE.format("=SUM(C2:C3)")),
        (
            5,
            None,
            "a second result for indicator 'admitted', period 2021 (the first is on line 2); "
            "keep one result per indicator, period and entity",
        ),
    ]


def test_xlsx_formula_with_a_saved_value_is_read(here: Path) -> None:
    """A formula whose value was saved is read as that value, the formula left alone."""
    import zipfile

    workbook([["indicator", "period", "value"], ["admitted", 2021, "=80+6"]])
    with zipfile.ZipFile("results.xlsx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    # openpyxl writes the empty value as "<v />", or "<v></v>" where lxml is installed
    empty = re.compile(rb"<f>80\+6</f>(<v ?/>|<v></v>)")
    assert empty.search(parts[sheet])
    parts[sheet] = empty.sub(b"<f>80+6</f><v>86</v>", parts[sheet])
    with zipfile.ZipFile("results.xlsx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert read_results("results.xlsx") == {"admitted": [rm.Result(86, period=2021)]}


def test_xlsx_not_a_workbook(here: Path) -> None:
    write("results.xlsx", "indicator,value\n")
    ((line, field, message),) = problems_of(lambda: read_results("results.xlsx"))
    assert (line, field) == (None, None)
    assert message.startswith("cannot read the workbook: ")
    assert message.endswith("; is it an .xlsx file?")


def test_xlsx_without_openpyxl(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    write("results.xlsx", "")
    assert problems_of(lambda: read_results("results.xlsx")) == [
        (
            None,
            None,
            "reading .xlsx files needs the openpyxl package: pip install "
            "'resolmetrics[xlsx]' (or save the sheet as CSV UTF-8)",
        ),
    ]


# --------------------------------------------------------------------------- the example files


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_example_files_review_as_the_demo(lang: str) -> None:
    """The example files hold the demo: the same verdicts, component by component, and the
    same table and summary in either language, names included."""
    resolution = load_resolution(EXAMPLE / "resolution.toml", names=lang)
    results = read_results(EXAMPLE / "results.csv", lang="vi", resolution=resolution)
    report = resolution.evaluate(results, as_of=date(2023, 6, 30))
    demo = demo_resolution(lang).evaluate(demo_results(), as_of=AS_OF)
    assert resolution.name == demo.resolution.name
    assert resolution.term == demo.resolution.term
    assert [(row.number, row.group, len(row.verdicts)) for row in report.rows] == [
        (row.number, row.group, len(row.verdicts)) for row in demo.rows
    ]
    assert report.rows[0].label == demo.rows[0].label
    assert (
        report.rows[0].label
        == {
            "en": "Quality of party cells and members",
            "vi": "Chất lượng chi bộ và đảng viên",
        }[lang]
    )
    assert len(report.verdicts) == 15
    for mine, theirs in zip(report.verdicts, demo.verdicts, strict=True):
        assert mine.status == theirs.status
        assert mine.actual == theirs.actual
        assert mine.margin == theirs.margin
        assert mine.relative_margin == theirs.relative_margin
        assert mine.attainment == theirs.attainment
        assert mine.explain(lang) == theirs.explain(lang)
    assert report.table(lang) == demo.table(lang)
    assert report.summary(lang) == demo.summary(lang)


def test_example_files_names_default_to_the_files_lang() -> None:
    """Without names, the example file's names are in its lang, Vietnamese."""
    default = load_resolution(EXAMPLE / "resolution.toml")
    assert default == load_resolution(EXAMPLE / "resolution.toml", names="vi")
    assert (
        default.name
        == "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)"
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_example_targets_equal_the_demo_targets(lang: str) -> None:
    """Every target equals the demo's, but the quota, whose name is a label in the file."""
    mine = load_resolution(EXAMPLE / "resolution.toml", names=lang).components
    theirs = demo_resolution(lang).components
    assert [a == b for a, b in zip(mine, theirs, strict=True)] == [True] * 5 + [False] + [True] * 9
    assert mine[5].rule == theirs[5].rule
    assert mine[5].label == theirs[5].indicator.name


# --------------------------------------------------------------------------- large and broken CSV

_ROWS = "".join(f"admitted;2020;E{i};{i};\n" for i in range(2_000)).encode()
_HEAD = b"indicator;period;entity;value;unit\n"
_QUOTE_OPEN = (
    'a quote (") opened on this line is not closed: the cell runs on to the end of the file '
    "(line {end}); close the quote, or take it out"
)
_FIELD = (
    "a cell of the row on this line is longer than 131,072 characters{by}, more than any cell "
    'needs; if a quote (") opened on this line is not closed, close it'
)


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        pytest.param(
            _HEAD + _ROWS + b"admitted;2020;X\xff;5;\n" + _ROWS[:30],
            [(2_002, "the file is not UTF-8 text (byte 0xff); save it as UTF-8 (in Excel: "
                     "'CSV UTF-8')")],
            id="not-utf8-deep-in-the-file",
        ),
        pytest.param(
            _HEAD + _ROWS + b"admitted;2020;X\x00;5;\n",
            [(2_002, "the line holds a NUL byte (0x00), which text has not: the file is not "
                     "a CSV text file; save it as CSV UTF-8")],
            id="nul-byte",
        ),
        pytest.param(
            "indicator;value\n".encode("utf-16"),
            [(1, "the file is UTF-16 text (Excel's 'Unicode text'), not UTF-8; save it as UTF-8 "
                 "(in Excel: 'CSV UTF-8')")],
            id="utf-16",
        ),
        pytest.param(
            _HEAD + _ROWS + b'admitted;2020;"X;5;\n' + _ROWS[:60],
            [(2_002, _QUOTE_OPEN.format(end=2_005))],
            id="unterminated-quote",
        ),
        pytest.param(
            _HEAD + _ROWS + b'admitted;2020;"' + b"x" * 140_000 + b'";5;\n',
            [(2_002, _FIELD.format(by=""))],
            id="field-limit",
        ),
        pytest.param(
            _HEAD + _ROWS + b'admitted;2020;"X\n' + (b"y" * 1_000 + b"\n") * 140,
            [(2_002, _FIELD.format(by=" (by line 2133)"))],
            id="field-limit-of-an-open-quote",
        ),
        pytest.param(
            _HEAD + b"admitted;2020;E;" + b"9" * (1 << 20) + b";\n",
            [(2, "the line is longer than 1,048,576 characters, more than a results file's "
                 "lines hold; check that the file is a CSV file, one row a line")],
            id="line-too-long",
        ),
    ],
)  # fmt: skip
def test_a_broken_csv_names_its_line(
    tmp_path: Path, data: bytes, problems: list[tuple[int, str]]
) -> None:
    path = tmp_path / "results.csv"
    path.write_bytes(data)
    with pytest.raises(FileError) as raised:
        read_results(path)
    assert raised.value.problems == tuple(
        Problem(str(path), line, None, message) for line, message in problems
    )


def test_a_bad_cell_deep_in_a_large_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_bytes(_HEAD + _ROWS * 1 + b"admitted;2021;E;94,5,1%;\n")
    with pytest.raises(FileError) as raised:
        read_results(path)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (2_002, "value")


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_csv_lines_are_read_one_by_one_with_any_ending(tmp_path: Path, ending: str) -> None:
    """Lines end at \\n, \\r\\n or \\r; a quoted cell over two lines is one value."""
    lines = ["indicator;period;entity;value", 'a;2020;"x', 'y";5', "", "a;2021;z;6"]
    path = tmp_path / "results.csv"
    path.write_bytes(("\ufeff" + ending.join(lines) + ending).encode())
    results = read_results(path)
    assert results == {
        "a": [rm.Result(5, period=2020, entity="x y"), rm.Result(6, period=2021, entity="z")]
    }


def test_cells_written_alike_share_their_value(tmp_path: Path) -> None:
    """A value read once is kept once: the rows that write it alike hold the same object,
    and a ratio keeps its counts."""
    path = tmp_path / "results.csv"
    path.write_text(
        "indicator;period;value\na;2020;94,5%\na;2021;94,5%\nb;2020;33/52\nb;2021;33/52\n",
        encoding="utf-8",
    )
    results = read_results(path, lang="vi")
    assert results["a"][0].value is results["a"][1].value
    assert [result.ratio_of for result in results["b"]] == [(33, 52), (33, 52)]
