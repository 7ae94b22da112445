"""The errors parse_target raises: exact text, caret, attributes, pickling, hierarchy.

``str(ParseError)`` is the message, then the text and a caret under the problem, each
indented by four spaces; with no text (or no position) it is the message alone. A word
beside a figure that is close to a comparison word but not one is an error with a
suggestion, never a silent part of the subject: "trở lến" is not "trở lên", and reading
"dươí 4%" as a bare figure would turn "below 4%" into "at least 4%".
"""

from __future__ import annotations

import pickle

import pytest

import resolmetrics as rm
from _support import raises_exactly


def shown(message: str, text: str, position: int) -> str:
    return f"{message}\n    {text}\n    {' ' * position}^"


FIGURE_OR_RATING = (
    "expected a figure such as '95%' or 'trên 90%', or a rating such as "
    "'hoàn thành tốt nhiệm vụ trở lên'"
)
AMBIGUOUS = (
    "'2.046' is 2046 in Vietnamese and 2.046 in English; say which with lang='vi' or lang='en'"
)

# (id, text, lang, message, position of the caret)
ERRORS = [
    ("blank", "   ", "vi", "expected a target such as 'Trên 95%' or 'at least 90%'", 3),
    ("no-figure", "chi bộ hoàn thành", "vi", FIGURE_OR_RATING, 0),
    ("no-figure-en", "units inspected", "en", FIGURE_OR_RATING, 0),
    ("two-comparisons", "trên 95% trở lên", "vi",
     "two comparisons for one figure (above and at_least); keep one", 0),
    ("two-comparisons-prefixes", "trên không quá 95%", "vi",
     "two comparisons for one figure (above and at_most); keep one", 0),
    ("two-comparisons-en", "at least 95% or less", "en",
     "two comparisons for one figure (at_least and at_most); keep one", 0),
    ("two-comparisons-rating", "không quá HTTNV trở lên", "vi",
     "two comparisons for one rating (at_least and at_most)", 0),
    ("range-with-comparison", "trên 3-5%", "vi",
     "a range cannot also be 'above'; write the range alone", 0),
    ("range-with-suffix", "từ 3% đến 5% trở lên", "vi",
     "a range cannot also be 'at_least'; write the range alone", 0),
    ("range-high-to-low", "5-3%", "vi",
     "the range runs from 5 down to 3; write the lower end first", 0),
    ("range-high-to-low-tu-den", "từ 5% đến 3%", "vi",
     "the range runs from 5 down to 3; write the lower end first", 3),
    ("range-high-to-low-decimals", "từ 5,5% đến 3%", "vi",
     "the range runs from 5.5 down to 3; write the lower end first", 3),
    ("range-high-to-low-between", "between 5 and 3", "en",
     "the range runs from 5 down to 3; write the lower end first", 8),
    ("between-without-and", "between 3%", "en", "expected 'between X and Y'", 0),
    ("between-without-second", "between 3% and", "en", "expected the other end of the range",
     14),
    ("fraction-over-zero", "100/0", "vi", "a fraction cannot have 0 below the line", 4),
    ("ambiguous-number", "2.046", None, AMBIGUOUS, 0),
    ("ambiguous-number-inside", "1/2.046", None, AMBIGUOUS, 2),
    ("ambiguous-after-mark", "> 2.046", None, AMBIGUOUS, 2),
    ("malformed-number", "1,2,3%", "vi", "expected a number such as '3.745.356' or '99,2'", 0),
    ("rating-with-a-count", "95 đảng viên hoàn thành tốt nhiệm vụ", "vi",
     "a rating in a target with a figure must be a share of units, such as "
     "'90% tổ chức ... hoàn thành tốt nhiệm vụ trở lên'", 13),
    # misspelt comparison words beside the figure
    ("tro-len", "95% trở lến", "vi", "unknown words 'trở lến'; did you mean 'trở lên'?", 4),
    ("tro-len-double-space", "95% trở  lến", "vi",
     "unknown words 'trở lến'; did you mean 'trở lên'?", 4),
    ("tro-len-no-space", "95%trở lến", "vi",
     "unknown words 'trở lến'; did you mean 'trở lên'?", 3),
    ("tro-len-count", "95 trở lến đảng viên", "vi",
     "unknown words 'trở lến'; did you mean 'trở lên'?", 3),
    ("tro-len-no-accent", "95% tro lên", "vi",
     "unknown words 'tro lên'; did you mean 'trở lên'?", 4),
    ("tro-xuong", "4% trở xuốn", "vi", "unknown words 'trở xuốn'; did you mean 'trở xuống'?", 3),
    ("tren-wrong-accent", "trện 95%", "vi", "unknown words 'trện'; did you mean 'trên'?", 0),
    ("duoi-wrong-accent", "dươí 4%", "vi", "unknown words 'dươí'; did you mean 'dưới'?", 0),
    ("it-nhat", "ít nhât 90%", "vi", "unknown words 'ít nhât'; did you mean 'ít nhất'?", 0),
    ("khong-duoi", "không dưói 90%", "vi",
     "unknown words 'không dưói'; did you mean 'không dưới'?", 0),
    ("khong-qua", "không qúa 4%", "vi",
     "unknown words 'không qúa'; did you mean 'không quá'?", 0),
    ("khong-vuot-qua", "không vượt qúa 4%", "vi",
     "unknown words 'không vượt qúa'; did you mean 'không vượt quá'?", 0),
    ("khong-qua-rating", "không qúa HTNV", "vi",
     "unknown words 'không qúa'; did you mean 'không quá'?", 0),
    ("or-more", "90% or mroe", "en", "unknown words 'or mroe'; did you mean 'or more'?", 4),
    ("or-more-spaced", "90 % or mroe of units", "en",
     "unknown words 'or mroe'; did you mean 'or more'?", 5),
    ("or-less", "90 % or les", "en", "unknown words 'or les'; did you mean 'or less'?", 5),
    ("at-least", "at lest 90%", "en", "unknown words 'at lest'; did you mean 'at least'?", 0),
    ("more-than", "more then 95%", "en",
     "unknown words 'more then'; did you mean 'more than'?", 0),
    ("less-than", "les than 4%", "en", "unknown words 'les than'; did you mean 'less than'?", 0),
    ("no-more-than", "no more tha 4%", "en",
     "unknown words 'no more tha'; did you mean 'no more than'?", 0),
    # the language is told from the words, misspelt ones included
    ("tro-len-unknown-lang", "95% trở lến", None,
     "unknown words 'trở lến'; did you mean 'trở lên'?", 4),
    ("or-more-unknown-lang", "90% or mroe", None,
     "unknown words 'or mroe'; did you mean 'or more'?", 4),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "message", "position"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_parse_error(text: str, lang: str | None, message: str, position: int) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, lang)
    error = info.value
    assert type(error) is rm.ParseError
    assert str(error) == shown(message, text, position)
    assert (error.message, error.text, error.position) == (message, text, position)


def test_the_caret_layout() -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target("95% trở lến", "vi")
    assert str(info.value) == (
        "unknown words 'trở lến'; did you mean 'trở lên'?\n    95% trở lến\n        ^"
    )
    assert info.value.text[info.value.position :] == "trở lến"


def test_the_caret_is_under_the_misspelt_word() -> None:
    text = "95% trở lến tổ chức cơ sở đảng"
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, "vi")
    assert (info.value.text, info.value.position) == (text, 4)


def test_empty_text() -> None:
    # no text to show: the message alone
    raises_exactly(
        lambda: rm.parse_target("", "vi"),
        rm.ParseError,
        "expected a target such as 'Trên 95%' or 'at least 90%'",
    )


def test_text_must_be_a_string() -> None:
    with pytest.raises(rm.InvalidArgumentTypeError) as info:
        rm.parse_target(95)  # type: ignore[arg-type]
    assert str(info.value) == "parse_target(text) takes a str, got 95"
    assert isinstance(info.value, TypeError)


def test_bad_lang_is_an_argument_error() -> None:
    raises_exactly(
        lambda: rm.parse_target("95%", "fr"),
        rm.InvalidArgumentError,
        "lang='fr' is not a supported language; use 'vi' or 'en', or None to tell it from "
        "the words",
    )


def test_correct_words_are_no_error() -> None:
    # the words the misspellings are near read as they should
    assert rm.parse_target("trên 95%", "vi").rule == rm.above(95)
    assert rm.parse_target("dưới 4%", "vi").rule == rm.below(4)
    assert rm.parse_target("không quá 4%", "vi").rule == rm.at_most(4)
    assert rm.parse_target("no more than 4%", "en").rule == rm.at_most(4)
    assert rm.parse_target("90% or more", "en").rule == rm.at_least(90)


# --------------------------------------------------------------------------- the error objects


# one case of each kind of error the parser raises
KINDS = [
    case for case in ERRORS
    if case[0] in {
        "blank", "no-figure", "two-comparisons", "two-comparisons-rating",
        "range-with-comparison", "range-high-to-low-tu-den", "between-without-and",
        "fraction-over-zero", "ambiguous-number-inside", "malformed-number",
        "rating-with-a-count", "tro-len", "or-more",
    }
]  # fmt: skip


def raised(text: str, lang: str | None) -> rm.ParseError:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target(text, lang)
    return info.value


@pytest.mark.parametrize(
    ("text", "lang"), [case[1:3] for case in KINDS], ids=[case[0] for case in KINDS]
)
def test_errors_pickle(text: str, lang: str | None) -> None:
    error = raised(text, lang)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is rm.ParseError
    assert str(copy) == str(error)
    assert (copy.message, copy.text, copy.position) == (error.message, error.text, error.position)


def test_kinds_are_all_listed() -> None:
    assert len(KINDS) == 13


def test_every_parse_error_is_a_resolmetrics_value_error() -> None:
    for case in KINDS:
        error = raised(case[1], case[2])
        assert isinstance(error, rm.ResolmetricsError)
        assert isinstance(error, ValueError)
    assert issubclass(rm.ParseError, rm.ResolmetricsError)
    assert issubclass(rm.ParseError, ValueError)


def test_caught_as_value_error() -> None:
    with pytest.raises(ValueError, match="did you mean 'trở lên'"):
        rm.parse_target("95% trở lến", "vi")


def test_parse_error_built_by_hand() -> None:
    error = rm.ParseError("expected a number", "95 %%", 3)
    assert str(error) == "expected a number\n    95 %%\n       ^"
    assert str(rm.ParseError("expected a number")) == "expected a number"
    assert str(rm.ParseError("expected a number", "95", None)) == "expected a number"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.text, copy.position) == ("expected a number", "95 %%", 3)


@pytest.mark.parametrize(
    "text", ["khoảng HTNV", "doanh nghiệp all", "about HTTNV", "between HTNV", "all all all"]
)
@pytest.mark.parametrize("lang", ["vi", "en", None])
def test_odd_mixes_of_grammar_words_read_or_raise_a_parse_error(
    text: str, lang: str | None
) -> None:
    """Words of the grammar in combinations it does not foresee never crash the parser."""
    try:
        spec = rm.parse_target(text, lang)
    except rm.ParseError:
        return
    assert isinstance(spec.rule, rm.Rule)


def test_an_impossible_date_is_an_error() -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target("45% ngày 31/02/2025", "vi")
    assert str(info.value) == "2025-02-31 is not a date\n    45% ngày 31/02/2025\n             ^"


def test_a_date_too_big_for_the_calendar_is_an_error_not_an_overflow() -> None:
    # day 3000000000 is too big for a date even to be tried (found by a property test)
    with pytest.raises(rm.ParseError) as info:
        rm.parse_target("NGÀY3000000000/0/0", "vi")
    assert str(info.value) == ("0-00-3000000000 is not a date\n    NGÀY3000000000/0/0\n        ^")
