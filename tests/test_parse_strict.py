"""What parse_target refuses rather than read wrongly.

A target's text is never read with part of what it says left silently in the subject:
a due phrase that is not a year ("by 2O25"), a year on its own ("đến năm 2025 2026"), a
comparison word that stands after no figure ("trở lên 95") or before none ("95 trên"),
or text in the other language than ``lang`` ("Trên 90%" read as English) is a ParseError
with a caret under the place, saying what was expected. Other figures in the subject are
part of it ("trẻ em 5 tuổi", "children under 5", "Nghị quyết số 12"). Every message shows
at most about 80 characters of the text either side of the caret.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import resolmetrics as rm


def shown(message: str, text: str, position: int) -> str:
    return f"{message}\n    {text}\n    {' ' * position}^"


DUE_EN = "expected a due year such as 'by 2025', or a date such as 'by 2025-06-30'"
DUE_VI = "expected a due year such as 'đến năm 2025', or a date such as 'đến ngày 30/06/2025'"
YEAR_EN = "write the due year as 'by 2025', or the years of the term as '2021-2025'"
YEAR_VI = "write the due year as 'đến năm 2025', or the years of the term as '2021-2025'"
SUFFIX_VI = "write it right after the figure, as in '95% trở lên'"
SUFFIX_EN = "write it right after the figure, as in '95% or more'"
PREFIX_VI = "write it right before the figure, as in 'trên 90%'"
PREFIX_EN = "write it right before the figure, as in 'at least 90%'"
AS_VI = "the text reads as Vietnamese, not English; parse it with lang='vi'"
AS_EN = "the text reads as English, not Vietnamese; parse it with lang='en'"

# (id, text, lang, message, caret position); each was read before, wrongly, without error
REFUSED = [
    # 1. a due phrase that is not a year, a year alone in the subject
    ("letter-o-in-year", "at least 500 km by 2O25", "en",
     f"'by' is followed by '2O25', which is not a year or a date: {DUE_EN}", 19),
    ("five-digit-year", "at least 500 km by 20255", "en",
     f"'by' is followed by '20255', which is not a year or a date: {DUE_EN}", 19),
    ("by-the-end-of", "by the end of 2O25, 95%", "en",
     f"'by the end of' is followed by '2O25', which is not a year or a date: {DUE_EN}", 14),
    ("year-then-full-stop", "at least 500 km by 2o25.", "en",
     f"'by' is followed by '2o25', which is not a year or a date: {DUE_EN}", 19),
    ("den-nam-five-digits", "Đến năm 20255, tỷ lệ che phủ rừng đạt 45%", "vi",
     f"'Đến năm' is followed by '20255', which is not a year: {DUE_VI}", 8),
    ("den-ngay-not-a-date", "45%, đến ngày 2O25", "vi",
     f"'đến ngày' is followed by '2O25', which is not a date: {DUE_VI}", 14),
    ("two-years", "Tỷ lệ che phủ rừng đạt 45% đến năm 2025 2026", "vi",
     f"'2026' looks like a year, but no due word goes with it: {YEAR_VI}", 40),
    ("year-alone", "95% or more, 2O25", "en",
     f"'2O25' looks like a year, but no due word goes with it: {YEAR_EN}", 13),
    ("year-alone-digits", "at least 500 km 2025", "en",
     f"'2025' looks like a year, but no due word goes with it: {YEAR_EN}", 16),
    ("us-date", "45% on 03/04/2025", "en",
     "'on' is followed by '03/04/2025', a date with its day and month either way round in "
     "English: write it year first, as in 'by 2025-06-30'", 7),
    # 2. a comparison word out of place
    ("suffix-first", "trở lên 95", "vi", f"'trở lên' follows no figure: {SUFFIX_VI}", 0),
    ("suffix-first-percent", "Tỷ lệ che phủ rừng trở lên 45%", "vi",
     f"'trở lên' follows no figure: {SUFFIX_VI}", 19),
    ("suffix-first-en", "or more 95%", "en", f"'or more' follows no figure: {SUFFIX_EN}", 0),
    ("prefix-at-end", "95 trên", "vi", f"'trên' has no figure after it: {PREFIX_VI}", 3),
    ("prefix-alone", "at least", "en", f"'at least' has no figure after it: {PREFIX_EN}", 0),
    ("prefix-at-end-en", "95% of units at least.", "en",
     f"'at least' has no figure after it: {PREFIX_EN}", 13),
    ("khong-qua-at-end", "tỷ lệ hộ nghèo 2% không quá", "vi",
     f"'không quá' has no figure after it: {PREFIX_VI}", 18),
    # 3. the other language
    ("tren-as-english", "Trên 90%", "en", f"'Trên' is Vietnamese: {AS_VI}", 0),
    ("thousands-as-decimals", "Kết nạp từ 1.500 đảng viên trở lên", "en",
     f"'từ' is Vietnamese: {AS_VI}", 8),
    ("growth-as-english", "Tăng 3-5%/năm", "en", f"'Tăng' is Vietnamese: {AS_VI}", 0),
    ("suffix-as-english", "95% trở lên", "en", f"'trở lên' is Vietnamese: {AS_VI}", 4),
    ("rating-as-english", "Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "en",
     f"'Trên' is Vietnamese: {AS_VI}", 0),
    ("at-least-as-vietnamese", "at least 90%", "vi", f"'at least' is English: {AS_EN}", 0),
    ("per-year-as-vietnamese", "income up 4-6% a year", "vi", f"'up' is English: {AS_EN}", 7),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "message", "position"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_refused(text: str, lang: str, message: str, position: int) -> None:
    with pytest.raises(rm.ParseError, match=re.escape(shown(message, text, position))) as info:
        rm.parse_target(text, lang)
    assert (info.value.message, info.value.position) == (message, position)
    assert isinstance(info.value, ValueError)


# (id, text, lang, rule, due, subject): figures that belong to the subject stay in it
KEPT = [
    ("age-in-subject", "100% trẻ em 5 tuổi được đi học mẫu giáo", "vi", rm.at_least(100), None,
     "trẻ em 5 tuổi được đi học mẫu giáo"),
    ("under-5", "at least 90% of children under 5", "en", rm.at_least(90), None,
     "children under 5"),
    ("standard-years", "Tỷ lệ hộ nghèo theo chuẩn 2021-2025 dưới 2%", "vi", rm.below(2), None,
     "Tỷ lệ hộ nghèo theo chuẩn"),
    ("resolution-number", "Nghị quyết số 12, đạt 45%", "vi", rm.at_least(45), None,
     "Nghị quyết số 12"),
    ("document-code", "Nghị quyết số 05/2021/NQ-HĐND, đạt 45%", "vi", rm.at_least(45), None,
     "Nghị quyết số 05/2021/NQ-HĐND"),
    ("duration", "tổng thu ngân sách 5 năm đạt 12.000 tỷ đồng", "vi", rm.at_least(12000),
     None, "tổng thu ngân sách 5 năm"),
    ("in-3-districts", "at least 90% of households in 3 districts by 2025", "en",
     rm.at_least(90), 2025, "households in 3 districts"),
    ("tren-dia-ban", "Tỷ lệ hộ nghèo trên địa bàn giảm xuống dưới 2% đến năm 2025", "vi",
     rm.below(2), 2025, "Tỷ lệ hộ nghèo trên địa bàn"),
    ("dong-in-english", "at least 25,000 tỷ đồng", "en", rm.at_least(25000), None, ""),
    ("revenue-in-dong", "budget revenue of 25,000 tỷ đồng by 2025", "en", rm.at_least(25000),
     2025, "budget revenue of"),
    ("vietnamese-name-in-english", "at least 90% of households in Tân Phú by 2025", "en",
     rm.at_least(90), 2025, "households in Tân Phú"),
    ("start-up", "Hỗ trợ 100 doanh nghiệp start-up", "vi", rm.at_least(100), None,
     "Hỗ trợ doanh nghiệp start-up"),
    ("rating-code-in-english", "HTTNV or better", "en", rm.at_least("HTTNV"), None, "HTTNV"),
    ("tren-as-vietnamese", "Trên 90%", "vi", rm.above(90), None, ""),
    ("by-2025", "at least 500 km by 2025", "en", rm.at_least(500), 2025, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "rule", "due", "subject"),
    [case[1:] for case in KEPT],
    ids=[case[0] for case in KEPT],
)
def test_kept(text: str, lang: str, rule: rm.Rule, due: int | None, subject: str) -> None:
    spec = rm.parse_target(text, lang)
    assert (spec.rule, spec.due, spec.subject, spec.lang) == (rule, due, subject, lang)


def test_a_long_text_is_shown_around_the_caret() -> None:
    """A 100,000-character text gives a message of a few hundred characters: the 80
    characters either side of the caret, with "…" where text is left out."""
    text = "x " * 50_000 + "95% trở lến " + "y " * 50_000
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, "vi")
    position = 100_004
    assert info.value.position == position
    assert str(info.value) == (
        "unknown words 'trở lến'; did you mean 'trở lên'?\n"
        f"    …{text[position - 80 : position + 80]}…\n"
        f"    {' ' * 81}^"
    )
    assert len(str(info.value)) < 500


@pytest.mark.parametrize(
    ("text", "position", "line", "caret"),
    [
        ("abc", 1, "abc", " ^"),
        ("a" * 80 + "b", 80, "a" * 80 + "b", " " * 80 + "^"),
        ("a" * 81 + "b", 81, "…" + "a" * 80 + "b", " " * 81 + "^"),
        ("b" + "a" * 80, 0, "b" + "a" * 79 + "…", "^"),
        ("b" + "a" * 79, 0, "b" + "a" * 79, "^"),
        ("a" * 100, 100, "…" + "a" * 80, " " * 81 + "^"),  # the caret after the end
    ],
)
def test_the_window_of_a_parse_error(text: str, position: int, line: str, caret: str) -> None:
    assert str(rm.ParseError("m", text, position)) == f"m\n    {line}\n    {caret}"


def test_a_long_second_figure_is_echoed_cut() -> None:
    text = "95% đảng viên và " + "1" * 5000 + " ha"
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, "vi")
    assert len(str(info.value)) < 700
    assert "more characters" in info.value.message


def test_a_resolution_file_in_the_other_language_says_so(tmp_path: Path) -> None:
    path = tmp_path / "resolution.toml"
    path.write_text(
        textwrap.dedent(
            """\
            [resolution]
            name = "Test"
            lang = "en"

            [indicators.cover]
            unit = "percent"

            [[target]]
            indicator = "cover"
            text = "Trên 90%"
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(rm.ResolmetricsError) as info:
        rm.load_resolution(path)
    # the advice is the file's: its lang, not a call's argument
    assert (
        "'Trên' is Vietnamese: the text reads as Vietnamese, not English; give the file "
        'lang = "vi" under [resolution], or write this target in the file\'s language'
    ) in str(info.value)
