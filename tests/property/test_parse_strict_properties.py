"""Invariants of what parse_target refuses rather than read wrongly (tests/test_parse_strict.py
has the cases): a due year typed wrong is never dropped, a text written in one language is
never read in the other, and an error message stays short whatever the text's length.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.strategies import indicators, rules, targets

FAST = settings(max_examples=150, deadline=None)
LANGS = st.sampled_from(("vi", "en"))
NAMES = {"vi": "Vietnamese", "en": "English"}

FIGURES = {
    "vi": ["trên 95%", "Tỷ lệ che phủ rừng đạt 45%", "Kết nạp 80 đảng viên trở lên",
           "từ 3% đến 5%", "không quá 4%", "Thu ngân sách đạt 25.000 tỷ đồng"],
    "en": ["more than 95%", "forest cover 45%", "at least 80 members", "between 3% and 5%",
           "no more than 4%", "budget revenue of 25,000 tỷ đồng"],
}  # fmt: skip
# a letter typed for a digit that looks like it
LOOKALIKES = {"0": "Oo", "1": "lI"}


@st.composite
def mistyped_years(draw: st.DrawFn) -> str:
    """A year from 1900 to 2200 with one 0 or 1 typed as a letter, or a digit too many."""
    year = str(draw(st.integers(1900, 2200)))
    places = [i for i, digit in enumerate(year) if digit in LOOKALIKES]
    if places and draw(st.booleans()):
        i = draw(st.sampled_from(places))
        return year[:i] + draw(st.sampled_from(LOOKALIKES[year[i]])) + year[i + 1 :]
    return year + str(draw(st.integers(0, 9)))


@FAST
@given(LANGS, st.data(), mistyped_years())
def test_a_mistyped_due_year_is_never_dropped(lang: str, data: st.DataObject, year: str) -> None:
    """A target's text with its due year written with a letter in place of a digit ("by
    2O25") or a digit too many ("đến năm 20255") is never read with due=None and the year
    left in the subject: it raises ParseError, the caret at the year."""
    figure = data.draw(st.sampled_from(FIGURES[lang]))
    text = f"{figure} by {year}" if lang == "en" else f"Đến năm {year}, {figure}"
    note(f"text: {text!r}")
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, lang)
    assert info.value.position == text.index(year)


ALL_TARGETS = st.one_of(targets(due=None), targets(indicators=indicators(limits=False)), rules())


@FAST
@given(ALL_TARGETS, LANGS)
def test_a_target_written_in_one_language_is_refused_in_the_other(target, lang: str) -> None:
    """The text format_target writes for a target in one language reads back in that
    language without the language check refusing it, and read with the other lang it is
    refused with a ParseError that names the language it is written in: "từ 95% trở lên"
    is never read as English, "at least 95%" never as Vietnamese."""
    rule = target if isinstance(target, rm.Rule) else target.rule
    assume(not any(isinstance(bound, Fraction) for bound in rule.bounds))
    text = rm.format_target(target, lang)
    note(f"text: {text!r}")
    assert rm.parse_target(text, lang).rule == rule
    other = "en" if lang == "vi" else "vi"
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, other)
    assert info.value.message.endswith(
        f": the text reads as {NAMES[lang]}, not {NAMES[other]}; parse it with lang={lang!r}"
    )


@FAST
@given(st.text(min_size=250, max_size=3000), st.text(min_size=250, max_size=3000), LANGS)
def test_a_parse_error_message_is_short_whatever_the_text(
    before: str, after: str, lang: str
) -> None:
    """Whatever surrounds a problem, str(ParseError) shows at most 80 characters of the
    text on either side of the caret (and a "…" mark where text is left out), so its
    length stays below 500 characters (a text with "100/0%" in it is always an error)."""
    text = before + " 100/0% " + after  # a fraction over 0: never a target
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, lang)
    assert len(str(info.value)) < 500, str(info.value)
