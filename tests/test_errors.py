"""Exact error messages for every rejection, the exception classes, and pickling.

Each message names the argument or indicator at fault, shows the offending value and
says how to fix it (DESIGN.md section 4). Every error derives from
``rm.ResolmetricsError`` and from ``ValueError`` (or ``TypeError`` for a value of the
wrong type).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import resolmetrics as rm
from resolmetrics.numbers import exact

SHARE = rm.Indicator("org_good", unit="percent")
SHARE_UP = rm.Indicator("org_good", unit="percent", direction=rm.Direction.HIGHER_IS_BETTER)
POVERTY = rm.Indicator("poverty", unit="percent", direction=rm.Direction.LOWER_IS_BETTER)
INFLATION = rm.Indicator("inflation", unit="percent", direction=rm.Direction.ON_TARGET)
RATING = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
RATING_DOWN = rm.Indicator(
    "committee", scale=rm.PARTY_QUALITY, direction=rm.Direction.LOWER_IS_BETTER
)
LIMITED = rm.Indicator("org_good", unit="percent", limits=(0, 100))
ADMITTED = rm.Indicator("admitted", unit="member")
COUNT = rm.Indicator("admitted")

MISSING = "report missing data by leaving the result out (the verdict is then NO_DATA)"
BOOLEAN = "a boolean is not a figure: give 1 or 0 if a count is meant"
NOTATION = "must be a number in Python notation such as '95.5' or a ratio such as '41/71'"
LEVELS = "(levels, worst first: KHTNV, HTNV, HTTNV, HTXSNV)"
UNIT_HELP = (
    "use a unit pint knows (e.g. 'km', 'ha', 'kWh'), one of resolmetrics' own "
    "('percent', 'tỷ đồng', 'member', ...), or define it with define_unit()"
)
DIFFERENT = "they measure different things; give the figure in a unit of the same kind"
NOT_A_COUNT = " (a share in percent is not a count)"
LIMITS = (
    "is outside the indicator's limits (0 to 100); check the figure and its unit, "
    "or widen Indicator(limits=...)"
)


def _comma_hint(text: str, python: str) -> str:
    return f"; in Python notation, write {python!r}"


def _judge(indicator: rm.Indicator, rule: rm.Rule, result: Any) -> Callable[[], object]:
    return lambda: rm.evaluate(rm.Target(indicator, rule), result)


TE, TT = rm.InvalidTargetError, rm.InvalidTargetTypeError
RE, RT = rm.InvalidResultError, rm.InvalidResultTypeError
UE = rm.UnitError
AE = rm.InvalidArgumentError

# (id, call, exception class, message)
CASES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    # --- NaN and infinities: float, Decimal and str ---
    ("nan-float-rule", lambda: rm.at_least(float("nan")), TE,
     "at_least(value) must be a finite number, got nan"),
    ("inf-float-rule", lambda: rm.above(float("inf")), TE,
     "above(value) must be a finite number, got inf"),
    ("minus-inf-float-rule", lambda: rm.below(float("-inf")), TE,
     "below(value) must be a finite number, got -inf"),
    ("nan-Decimal-rule", lambda: rm.at_least(Decimal("NaN")), TE,
     "at_least(value) must be a finite number, got Decimal('NaN')"),
    ("sNaN-Decimal-rule", lambda: rm.exactly(Decimal("sNaN")), TE,
     "exactly(value) must be a finite number, got Decimal('sNaN')"),
    ("inf-Decimal-rule", lambda: rm.at_most(Decimal("Infinity")), TE,
     "at_most(value) must be a finite number, got Decimal('Infinity')"),
    ("minus-inf-Decimal-lo", lambda: rm.between(Decimal("-Infinity"), 5), TE,
     "between(lo) must be a finite number, got Decimal('-Infinity')"),
    ("inf-float-hi", lambda: rm.between(3, float("inf")), TE,
     "between(hi) must be a finite number, got inf"),
    ("nan-str-exact", lambda: exact("nan", argument="bound"), TE,
     "bound must be a finite number, got 'nan'"),
    ("inf-str-exact", lambda: exact("-inf", argument="bound"), TE,
     "bound must be a finite number, got '-inf'"),
    ("nan-str-rule", lambda: rm.at_least("nan"), TE,
     "at_least(value) must be a finite number, got 'nan'"),
    ("inf-str-rule", lambda: rm.at_most("-inf"), TE,
     "at_most(value) must be a finite number, got '-inf'"),
    ("nan-float-result", lambda: rm.Result(float("nan")), RE,
     f"Result(value) must be a finite number, got nan; {MISSING}"),
    ("inf-Decimal-result", lambda: rm.Result(Decimal("Infinity")), RE,
     f"Result(value) must be a finite number, got Decimal('Infinity'); {MISSING}"),
    ("minus-inf-float-result", lambda: rm.Result(float("-inf")), RE,
     f"Result(value) must be a finite number, got -inf; {MISSING}"),
    ("nan-str-result", lambda: rm.Result("nan"), RE,
     f"Result(value) must be a finite number, got 'nan'; {MISSING}"),
    ("inf-str-result", lambda: rm.Result("Infinity"), RE,
     f"Result(value) must be a finite number, got 'Infinity'; {MISSING}"),
    # --- None and booleans are not figures ---
    ("None-rule", lambda: rm.at_least(None), TT,  # type: ignore[arg-type]
     "at_least(value) must be a number, got None"),
    ("None-lo", lambda: rm.between(None, 5), TT,  # type: ignore[arg-type]
     "between(lo) must be a number, got None"),
    ("None-result", lambda: rm.Result(None), RT,  # type: ignore[arg-type]
     f"Result(value) must be a number, got None; {MISSING}"),
    ("True-rule", lambda: rm.at_least(True), TT,
     f"at_least(value) must be a number, got True; {BOOLEAN}"),
    ("False-rule", lambda: rm.at_most(False), TT,
     f"at_most(value) must be a number, got False; {BOOLEAN}"),
    ("True-hi", lambda: rm.between(0, True), TT,
     f"between(hi) must be a number, got True; {BOOLEAN}"),
    ("True-result", lambda: rm.Result(True), RT,
     f"Result(value) must be a number, got True; {BOOLEAN}"),
    ("False-result", lambda: rm.Result(False), RT,
     f"Result(value) must be a number, got False; {BOOLEAN}"),
    # --- other types ---
    ("list-rule", lambda: rm.at_least([95]), TT,  # type: ignore[arg-type]
     "at_least(value) must be an int, str, Decimal, Fraction or float, got [95] of type list"),
    ("bytes-result", lambda: rm.Result(b"95"), RT,  # type: ignore[arg-type]
     "Result(value) must be an int, str, Decimal, Fraction or float, got b'95' of type bytes"),
    # --- strings that are not numbers in Python notation ---
    ("decimal-comma-rule", lambda: rm.at_least("95,5"), TE,
     f"at_least(value) {NOTATION}, got '95,5'" + _comma_hint("95,5", "95.5")),
    ("decimal-comma-result", lambda: rm.Result("63,5"), RE,
     f"Result(value) {NOTATION}, got '63,5'" + _comma_hint("63,5", "63.5")),
    ("grouped-vi-rule", lambda: rm.above("1.234,5"), TE,
     f"above(value) {NOTATION}, got '1.234,5'" + _comma_hint("1.234,5", "1234.5")),
    ("percent-sign-rule", lambda: rm.at_least("95%"), TE,
     f"at_least(value) {NOTATION}, got '95%'"),
    ("thousands-or-decimal-comma", lambda: rm.Result("25,000"), RE,
     f"Result(value) {NOTATION}, got '25,000'; in Python notation, write '25.000' if the "
     "comma is a decimal mark, or '25000' if it groups thousands"),
    # a figure written with its unit reads as a level, refused by a numeric indicator
    ("figure-with-words-result", _judge(SHARE, rm.at_least(90), rm.Result("12 members")), RE,
     "indicator 'org_good' is numeric, but the result is the level '12 members'; give a "
     "number (if '12 members' is a figure with its unit, give Result(12, unit='...')), or "
     "rate the indicator on a scale"),
    ("zero-denominator-str", lambda: rm.Result("1/0"), RE,
     f"Result(value) {NOTATION}, got '1/0'"),
    # --- between with its bounds swapped ---
    ("between-swapped", lambda: rm.between(5, 3), TE,
     "between(lo=5, hi=3): lo must not be greater than hi; did you mean between(3, 5)?"),
    ("between-swapped-decimal", lambda: rm.between("5.5", 3), TE,
     "between(lo='5.5', hi=3): lo must not be greater than hi; "
     "did you mean between(3, '5.5')?"),
    ("between-swapped-levels", lambda: rm.Target(RATING, rm.between("HTTNV", "HTNV")), TE,
     "indicator 'committee': between('HTTNV', 'HTNV') names the better level first; "
     "did you mean between('HTNV', 'HTTNV')?"),
    ("between-mixed", lambda: rm.between(3, "HTTNV"), TE,
     "between(3, 'HTTNV') mixes a number with a rating level; give two numbers or two levels"),
    # --- a rule contradicting the indicator's direction ---
    ("at_least-on-lower", lambda: rm.Target(POVERTY, rm.at_least(5)), TE,
     "indicator 'poverty' is lower is better, but the rule at_least(5) implies higher is "
     "better; use at_most/below/between/exactly for this indicator, or correct its direction"),
    ("above-on-lower", lambda: rm.Target(POVERTY, rm.above(5)), TE,
     "indicator 'poverty' is lower is better, but the rule above(5) implies higher is "
     "better; use at_most/below/between/exactly for this indicator, or correct its direction"),
    ("at_most-on-higher", lambda: rm.Target(SHARE_UP, rm.at_most(4)), TE,
     "indicator 'org_good' is higher is better, but the rule at_most(4) implies lower is "
     "better; use at_least/above/between/exactly for this indicator, or correct its direction"),
    ("below-on-higher", lambda: rm.Target(SHARE_UP, rm.below("3.5")), TE,
     "indicator 'org_good' is higher is better, but the rule below('3.5') implies lower is "
     "better; use at_least/above/between/exactly for this indicator, or correct its direction"),
    ("at_least-on-target", lambda: rm.Target(INFLATION, rm.at_least(2)), TE,
     "indicator 'inflation' is on target, but the rule at_least(2) implies higher is better; "
     "use between or exactly for this indicator, or correct its direction"),
    ("at_most-on-target", lambda: rm.Target(INFLATION, rm.at_most(4)), TE,
     "indicator 'inflation' is on target, but the rule at_most(4) implies lower is better; "
     "use between or exactly for this indicator, or correct its direction"),
    ("ordinal-at_least-on-lower", lambda: rm.Target(RATING_DOWN, rm.at_least("HTTNV")), TE,
     "indicator 'committee' is lower is better, but the rule at_least('HTTNV') implies higher "
     "is better; use at_most/below/between/exactly for this indicator, or correct its "
     "direction"),
    # --- levels not on the scale ---
    ("level-typo-rule", lambda: rm.Target(RATING, rm.at_least("HTTVN")), TE,
     f"at_least(value)='HTTVN' is not a level of the scale 'party_quality' {LEVELS}; "
     "did you mean 'HTTNV'?"),
    ("level-unknown-rule", lambda: rm.Target(RATING, rm.at_least("great")), TE,
     f"at_least(value)='great' is not a level of the scale 'party_quality' {LEVELS}"),
    ("level-typo-hi", lambda: rm.Target(RATING, rm.between("HTNV", "HTXNV")), TE,
     f"between(hi)='HTXNV' is not a level of the scale 'party_quality' {LEVELS}; "
     "did you mean 'HTXSNV'?"),
    ("level-typo-result", _judge(RATING, rm.at_least("HTTNV"), rm.Result("HTTVN")), RE,
     f"indicator 'committee': the result 'HTTVN' is not a level of the scale "
     f"'party_quality' {LEVELS}; did you mean 'HTTNV'?"),
    # --- numbers and levels in the wrong place ---
    ("level-rule-on-numeric", lambda: rm.Target(SHARE, rm.at_least("HTTNV")), TE,
     "indicator 'org_good' is numeric, but the rule at_least('HTTNV') names a rating level; "
     "give a number, or give the indicator a scale such as PARTY_QUALITY"),
    ("numeric-rule-on-rated", lambda: rm.Target(RATING, rm.at_least(3)), TE,
     "indicator 'committee' is rated on the scale 'party_quality', but the rule at_least(3) "
     "has a numeric bound; give a level such as at_least('HTTNV')"),
    ("unit-on-rated", lambda: rm.Target(RATING, rm.at_least("HTTNV"), unit="percent"), UE,
     "indicator 'committee' is rated on a scale: its target has no unit"),
    ("number-result-on-rated", _judge(RATING, rm.at_least("HTTNV"), rm.Result(3)), RE,
     "indicator 'committee' is rated on the scale 'party_quality', but the result is the "
     "number 3; give a level (KHTNV, HTNV, HTTNV, HTXSNV)"),
    ("decimal-result-on-rated", _judge(RATING, rm.at_least("HTTNV"), rm.Result("2.5")), RE,
     "indicator 'committee' is rated on the scale 'party_quality', but the result is the "
     "number 2.5; give a level (KHTNV, HTNV, HTTNV, HTXSNV)"),
    ("level-result-on-numeric", _judge(SHARE, rm.at_least(90), rm.Result("HTNV")), RE,
     "indicator 'org_good' is numeric, but the result is the level 'HTNV'; give a number, or "
     "rate the indicator on a scale"),
    # --- values outside Indicator(limits=(0, 100)) ---
    ("bound-above-limits", lambda: rm.Target(LIMITED, rm.at_least(120)), TE,
     f"indicator 'org_good': the bound of at_least(120), 120%, {LIMITS}"),
    ("bound-below-limits", lambda: rm.Target(LIMITED, rm.at_most(-5)), TE,
     f"indicator 'org_good': the bound of at_most(-5), -5%, {LIMITS}"),
    ("between-hi-above-limits", lambda: rm.Target(LIMITED, rm.between(90, 120)), TE,
     f"indicator 'org_good': the bound of between(90, 120), 120%, {LIMITS}"),
    ("result-above-limits", _judge(LIMITED, rm.at_least(90), rm.Result(101)), RE,
     f"indicator 'org_good': the result, 101%, {LIMITS}"),
    ("result-below-limits", _judge(LIMITED, rm.at_least(90), rm.Result(-1)), RE,
     f"indicator 'org_good': the result, -1%, {LIMITS}"),
    # an exact share is compared with the limits as fractions; they are shown as given
    ("ratio-above-limits", _judge(LIMITED, rm.at_least(90), rm.Result.ratio(53, 52)), RE,
     f"indicator 'org_good': the result, 1325/13%, {LIMITS}"),
    ("result-permille-above-limits",
     _judge(LIMITED, rm.at_least(90), rm.Result(1010, unit="permille")), RE,
     f"indicator 'org_good': the result, 101%, {LIMITS}"),
    # --- unknown units ---
    ("unknown-unit-indicator", lambda: rm.Indicator("x", unit="percnt"), UE,
     f"Indicator(unit)='percnt' is not a known unit; did you mean 'percent'? {UNIT_HELP}"),
    ("unknown-unit-result", lambda: rm.Result(5, unit="đảng vien"), UE,
     f"Result(unit)='đảng vien' is not a known unit; did you mean 'đảng viên'? {UNIT_HELP}"),
    ("unknown-unit-target", lambda: rm.Target(ADMITTED, rm.at_least(1), unit="tỷ dồng"), UE,
     f"Target(unit)='tỷ dồng' is not a known unit; did you mean 'tỷ đồng'? {UNIT_HELP}"),
    ("unknown-unit-no-suggestion", lambda: rm.Indicator("x", unit="zzz"), UE,
     f"Indicator(unit)='zzz' is not a known unit; {UNIT_HELP}"),
    ("unit-type-indicator", lambda: rm.Indicator("x", unit=5), TT,  # type: ignore[arg-type]
     "Indicator(unit) must be a unit name such as 'percent' or 'tỷ đồng', or None for a "
     "plain count, got 5 of type int"),
    ("unit-type-result", lambda: rm.Result(1, unit=5), RT,  # type: ignore[arg-type]
     "Result(unit) must be a unit name such as 'percent' or 'tỷ đồng', or None for a "
     "plain count, got 5 of type int"),
    # --- incompatible units ---
    ("money-target-on-members",
     lambda: rm.Target(ADMITTED, rm.at_least(1), unit="tỷ đồng"), UE,
     f"indicator 'admitted', Target(unit='tỷ đồng'): cannot compare 'tỷ đồng' with "
     f"'member': {DIFFERENT}"),
    ("members-target-on-share", lambda: rm.Target(SHARE, rm.at_least(90), unit="member"), UE,
     f"indicator 'org_good', Target(unit='member'): cannot compare 'member' with "
     f"'percent': {DIFFERENT}{NOT_A_COUNT}"),
    ("money-result-on-members",
     _judge(ADMITTED, rm.at_least(80), rm.Result(5, unit="tỷ đồng")), UE,
     f"indicator 'admitted': cannot compare 'tỷ đồng' with 'member': {DIFFERENT}"),
    ("percent-result-on-count",
     _judge(COUNT, rm.at_least(80), rm.Result(93, unit="percent")), UE,
     f"indicator 'admitted': cannot compare 'percent' with a plain count: "
     f"{DIFFERENT}{NOT_A_COUNT}"),
    ("ratio-result-on-members", _judge(ADMITTED, rm.at_least(80), rm.Result.ratio(33, 52)), UE,
     f"indicator 'admitted': cannot compare 'percent' with 'member': {DIFFERENT}{NOT_A_COUNT}"),
    ("members-result-on-share",
     _judge(SHARE, rm.at_least(90), rm.Result(93, unit="member")), UE,
     f"indicator 'org_good': cannot compare 'member' with 'percent': {DIFFERENT}{NOT_A_COUNT}"),
    ("members-result-on-limited-share",
     _judge(LIMITED, rm.at_least(90), rm.Result(93, unit="member")), UE,
     f"indicator 'org_good': cannot compare 'member' with 'percent': {DIFFERENT}{NOT_A_COUNT}"),
    # --- Result.ratio ---
    ("ratio-zero-denominator", lambda: rm.Result.ratio(1, 0), RE,
     "Result.ratio(denominator) must be a positive count, got 0; a share of nothing is "
     "missing data: leave the result out"),
    ("ratio-negative-denominator", lambda: rm.Result.ratio(1, -5), RE,
     "Result.ratio(denominator) must be a positive count, got -5; a share of nothing is "
     "missing data: leave the result out"),
    ("ratio-negative-numerator", lambda: rm.Result.ratio(-1, 52), RE,
     "Result.ratio(numerator) must not be negative, got -1"),
    ("ratio-float-numerator", lambda: rm.Result.ratio(33.0, 52), RT,  # type: ignore[arg-type]
     "Result.ratio(numerator) must be a whole count (int), got 33.0"),
    ("ratio-str-denominator", lambda: rm.Result.ratio(33, "52"), RT,  # type: ignore[arg-type]
     "Result.ratio(denominator) must be a whole count (int), got '52'"),
    ("ratio-Decimal-denominator",
     lambda: rm.Result.ratio(33, Decimal(52)), RT,  # type: ignore[arg-type]
     "Result.ratio(denominator) must be a whole count (int), got Decimal('52')"),
    ("ratio-bool-numerator", lambda: rm.Result.ratio(True, 2), RT,
     "Result.ratio(numerator) must be a whole count (int), got True"),
    # --- what evaluate() is given ---
    ("two-results-one-period",
     _judge(SHARE, rm.at_least(90),
            [rm.Result(90, period=2021), rm.Result(91, period=2021)]), RE,
     "indicator 'org_good': two results for period 2021 (Result(90, period=2021), "
     "Result(91, period=2021)); keep one result per period"),
    ("periods-mixed",
     _judge(SHARE, rm.at_least(90), [rm.Result(90, period=2021), rm.Result(91)]), RE,
     "indicator 'org_good': some results name a period and some do not "
     "(Result(90, period=2021), Result(91)); give every result a period, or none"),
    ("bare-figure", _judge(SHARE, rm.at_least(90), 93.1), RT,
     "evaluate(results) for indicator 'org_good' must be a Result or an iterable of Results, "
     "got 93.1; wrap a bare figure as Result(93.1)"),
    ("bare-str", _judge(SHARE, rm.at_least(90), "93.1"), RT,
     "evaluate(results) for indicator 'org_good' must be a Result or an iterable of Results, "
     "got '93.1'; wrap a bare figure as Result('93.1')"),
    ("bare-figure-in-list", _judge(SHARE, rm.at_least(90), [93.1]), RT,
     "evaluate(results) for indicator 'org_good' holds 93.1, which is not a Result; "
     "wrap it as Result(93.1)"),
    ("not-a-target", lambda: rm.evaluate("org_good", rm.Result(1)), TT,  # type: ignore[arg-type]
     "evaluate(target) must be a Target such as Target(indicator, at_least(95)), "
     "got 'org_good'"),
    ("policy-strict-met", lambda: rm.Policy(strict_met=rm.Status.NOT_ACHIEVED), AE,
     "Policy(strict_met) must be Status.ACHIEVED (the convention of review tables) or "
     "Status.EXCEEDED, got Status.NOT_ACHIEVED"),
]  # fmt: skip

_PARAMS = [pytest.param(call, cls, message, id=case_id) for case_id, call, cls, message in CASES]


def _raise(call: Callable[[], object]) -> BaseException:
    with pytest.raises(rm.ResolmetricsError) as info:
        call()
    return info.value


@pytest.mark.parametrize(("call", "cls", "message"), _PARAMS)
def test_message(call: Callable[[], object], cls: type[Exception], message: str) -> None:
    error = _raise(call)
    assert str(error) == message
    assert type(error) is cls


@pytest.mark.parametrize(("call", "cls", "message"), _PARAMS)
def test_class(call: Callable[[], object], cls: type[Exception], message: str) -> None:
    error = _raise(call)
    assert isinstance(error, rm.ResolmetricsError)
    if cls in (TT, RT, rm.InvalidArgumentTypeError):
        assert isinstance(error, TypeError)
    else:
        assert isinstance(error, ValueError)
        assert not isinstance(error, TypeError)


@pytest.mark.parametrize(("call", "cls", "message"), _PARAMS)
def test_raised_error_pickles(
    call: Callable[[], object], cls: type[Exception], message: str
) -> None:
    error = _raise(call)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


# --- the hierarchy ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "bases"),
    [
        pytest.param(rm.InvalidTargetError, (rm.ResolmetricsError, ValueError), id="target"),
        pytest.param(
            rm.InvalidTargetTypeError,
            (rm.ResolmetricsError, rm.InvalidTargetError, ValueError, TypeError),
            id="target-type",
        ),
        pytest.param(rm.InvalidResultError, (rm.ResolmetricsError, ValueError), id="result"),
        pytest.param(
            rm.InvalidResultTypeError,
            (rm.ResolmetricsError, rm.InvalidResultError, ValueError, TypeError),
            id="result-type",
        ),
        pytest.param(rm.InvalidArgumentError, (rm.ResolmetricsError, ValueError), id="argument"),
        pytest.param(
            rm.InvalidArgumentTypeError,
            (rm.ResolmetricsError, rm.InvalidArgumentError, ValueError, TypeError),
            id="argument-type",
        ),
        pytest.param(rm.UnitError, (rm.ResolmetricsError, ValueError), id="unit"),
        pytest.param(rm.ParseError, (rm.ResolmetricsError, ValueError), id="parse"),
    ],
)
def test_hierarchy(cls: type[Exception], bases: tuple[type[Exception], ...]) -> None:
    for base in bases:
        assert issubclass(cls, base)


# --- pickling every class --------------------------------------------------------------------

ALL_CLASSES = [
    rm.ResolmetricsError,
    rm.InvalidTargetError,
    rm.InvalidTargetTypeError,
    rm.InvalidResultError,
    rm.InvalidResultTypeError,
    rm.InvalidArgumentError,
    rm.InvalidArgumentTypeError,
    rm.UnitError,
    rm.ParseError,
]


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_class_pickles(cls: type[Exception]) -> None:
    error = cls("at_least(value) must be a number, got 'x'; give a figure")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert str(copy) == "at_least(value) must be a number, got 'x'; give a figure"


def test_parse_error_shows_the_text_and_a_caret() -> None:
    error = rm.ParseError("expected a number", "at least x", 9)
    assert str(error) == "expected a number\n    at least x\n             ^"
    assert error.message == "expected a number"
    assert error.text == "at least x"
    assert error.position == 9


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(
            rm.ParseError("expected a number", "at least x", 9),
            "expected a number\n    at least x\n             ^",
            id="caret-at-9",
        ),
        pytest.param(
            rm.ParseError("expected a rule", "atleast 5", 0),
            "expected a rule\n    atleast 5\n    ^",
            id="caret-at-0",
        ),
        pytest.param(rm.ParseError("expected a rule"), "expected a rule", id="no-text"),
        pytest.param(
            rm.ParseError("expected a rule", "atleast 5"), "expected a rule", id="no-position"
        ),
        pytest.param(
            rm.ParseError("giá trị không hợp lệ", "trên 9x%", 6),
            "giá trị không hợp lệ\n    trên 9x%\n          ^",
            id="vietnamese",
        ),
    ],
)
def test_parse_error_pickles_with_text_and_position(error: rm.ParseError, expected: str) -> None:
    assert str(error) == expected
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is rm.ParseError
    assert str(copy) == expected
    assert copy.message == error.message
    assert copy.text == error.text
    assert copy.position == error.position


# --- Rule.parse errors ----------------------------------------------------------------------

EXPECTED_RULE = (
    "expected one of 'at least', 'above', 'at most', 'below', 'between', 'exactly' "
    "followed by a number or a level"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "at lest 5",
            f"{EXPECTED_RULE}; did you mean 'at least'?\n    at lest 5\n    ^",
            id="misspelt-keyword",
        ),
        pytest.param(
            "between 3", "expected 'between LOW and HIGH'\n    between 3\n            ^",
            id="between-one-bound",
        ),
        pytest.param(
            "at least 95,5",
            "expected a number or a level: bound "
            f"{NOTATION}, got '95,5'{_comma_hint('95,5', '95.5')}\n"
            "    at least 95,5\n"
            "             ^",
            id="decimal-comma",
        ),
    ],
)  # fmt: skip
def test_rule_parse_error_message(text: str, expected: str) -> None:
    with pytest.raises(rm.ParseError) as info:
        rm.Rule.parse(text)
    assert str(info.value) == expected
    assert isinstance(info.value, ValueError)
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == expected
