"""resolmetrics.numbers: exact coercion, display rounding and number formatting.

Every expected value below is worked out by hand from the documented rules:
exact() keeps a number exactly (a float is read as its shortest repr), a value
with a finite decimal expansion is a Decimal and any other ratio a Fraction;
nothing is rounded until it is displayed, and display rounding is half-up by
default.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

import resolmetrics as rm
from resolmetrics.numbers import exact, format_number, round_display

# --- exact() -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        pytest.param(95, Decimal(95), Decimal, id="int"),
        pytest.param(0, Decimal(0), Decimal, id="int-zero"),
        pytest.param(-7, Decimal(-7), Decimal, id="int-negative"),
        pytest.param("95.5", Decimal("95.5"), Decimal, id="str-decimal"),
        pytest.param(" 95.5 ", Decimal("95.5"), Decimal, id="str-padded"),
        pytest.param("1e3", Decimal(1000), Decimal, id="str-exponent"),
        pytest.param("-3.25", Decimal("-3.25"), Decimal, id="str-negative"),
        pytest.param(Decimal("93.1"), Decimal("93.1"), Decimal, id="Decimal"),
        pytest.param(Fraction(95), Decimal(95), Decimal, id="Fraction-whole"),
        pytest.param(Fraction(1, 8), Decimal("0.125"), Decimal, id="Fraction-1/8-finite"),
        pytest.param(Fraction(-1, 8), Decimal("-0.125"), Decimal, id="Fraction-negative-finite"),
        pytest.param(Fraction(3, 40), Decimal("0.075"), Decimal, id="Fraction-3/40-finite"),
        pytest.param(Fraction(4100, 100), Decimal(41), Decimal, id="Fraction-unreduced-whole"),
        pytest.param(Fraction(1, 3), Fraction(1, 3), Fraction, id="Fraction-1/3-infinite"),
        pytest.param(Fraction(41, 71), Fraction(41, 71), Fraction, id="Fraction-41/71"),
        pytest.param("41/71", Fraction(41, 71), Fraction, id="str-ratio-infinite"),
        pytest.param("1/4", Decimal("0.25"), Decimal, id="str-ratio-finite"),
        pytest.param("3300/52", Fraction(825, 13), Fraction, id="str-ratio-unreduced"),
        pytest.param(0.1, Decimal("0.1"), Decimal, id="float-0.1-shortest-repr"),
        pytest.param(93.1, Decimal("93.1"), Decimal, id="float-93.1"),
        pytest.param(95.0, Decimal(95), Decimal, id="float-whole"),
        pytest.param(1e-7, Decimal("0.0000001"), Decimal, id="float-small"),
        pytest.param(-2.45, Decimal("-2.45"), Decimal, id="float-negative"),
    ],
)
def test_exact_reads_inputs_exactly(value: object, expected: object, kind: type) -> None:
    result = exact(value, argument="x")
    assert result == expected
    assert type(result) is kind


def test_exact_float_is_not_the_binary_value() -> None:
    # the binary double nearest 0.1 is 0.1000000000000000055511151231257827...
    assert exact(0.1, argument="x") != Fraction(0.1)  # the binary value, exactly
    assert exact(0.1, argument="x") + exact(0.2, argument="x") == Decimal("0.3")


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(-0.0, id="float"),
        pytest.param("-0", id="str"),
        pytest.param("-0.00", id="str-places"),
        pytest.param(Decimal("-0"), id="Decimal"),
    ],
)
def test_exact_has_no_negative_zero(value: object) -> None:
    result = exact(value, argument="x")
    assert result == 0
    assert not str(result).startswith("-")


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("1e101", id="str-large"),
        pytest.param("1e-101", id="str-small"),
        pytest.param(Decimal("1E+101"), id="Decimal-large"),
        pytest.param(1e101, id="float-large"),
        pytest.param(10**101, id="int-large"),
        pytest.param(-(10**101), id="int-large-negative"),
        pytest.param(Fraction(10**101), id="Fraction-large"),
        pytest.param(Fraction(1, 10**101), id="Fraction-small"),
    ],
)
def test_exact_refuses_numbers_beyond_the_exponent_bound(value: object) -> None:
    # numbers.MAX_EXPONENT: "Numbers whose decimal exponent is beyond this are refused",
    # whatever type they are given as
    with pytest.raises(rm.InvalidTargetError):
        exact(value, argument="x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("1e100", Decimal("1e100"), id="str-largest"),
        pytest.param(10**100, Decimal("1e100"), id="int-largest"),
        pytest.param("1e-100", Decimal("1e-100"), id="str-smallest"),
    ],
)
def test_exact_accepts_numbers_at_the_exponent_bound(value: object, expected: Decimal) -> None:
    assert exact(value, argument="x") == expected


# --- round_display() -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "rounding", "expected"),
    [
        # half-up: halves go away from zero
        pytest.param(Decimal("2.45"), 1, ROUND_HALF_UP, Decimal("2.5"), id="half-up-2.45"),
        pytest.param(Decimal("-2.45"), 1, ROUND_HALF_UP, Decimal("-2.5"), id="half-up--2.45"),
        pytest.param(Decimal("2.5"), 0, ROUND_HALF_UP, Decimal(3), id="half-up-2.5-to-0"),
        pytest.param(Decimal("3.5"), 0, ROUND_HALF_UP, Decimal(4), id="half-up-3.5-to-0"),
        pytest.param(Decimal("2.44"), 1, ROUND_HALF_UP, Decimal("2.4"), id="half-up-below-half"),
        pytest.param(Decimal("3.745"), 2, ROUND_HALF_UP, Decimal("3.75"), id="half-up-3.745"),
        pytest.param(Decimal(95), 2, ROUND_HALF_UP, Decimal("95.00"), id="half-up-whole"),
        # half-even: halves go to the even digit
        pytest.param(Decimal("2.45"), 1, ROUND_HALF_EVEN, Decimal("2.4"), id="half-even-2.45"),
        pytest.param(Decimal("2.55"), 1, ROUND_HALF_EVEN, Decimal("2.6"), id="half-even-2.55"),
        pytest.param(Decimal("2.5"), 0, ROUND_HALF_EVEN, Decimal(2), id="half-even-2.5"),
        pytest.param(Decimal("3.5"), 0, ROUND_HALF_EVEN, Decimal(4), id="half-even-3.5"),
        pytest.param(Decimal("-2.45"), 1, ROUND_HALF_EVEN, Decimal("-2.4"), id="half-even--2.45"),
        # down: truncation towards zero
        pytest.param(Decimal("2.49"), 1, ROUND_DOWN, Decimal("2.4"), id="down-2.49"),
        pytest.param(Decimal("-2.49"), 1, ROUND_DOWN, Decimal("-2.4"), id="down--2.49"),
        pytest.param(Decimal("90.659"), 1, ROUND_DOWN, Decimal("90.6"), id="down-90.659"),
        # fractions, exactly
        pytest.param(Fraction(1, 3), 2, ROUND_HALF_UP, Decimal("0.33"), id="fraction-1/3"),
        pytest.param(Fraction(2, 3), 2, ROUND_HALF_UP, Decimal("0.67"), id="fraction-2/3"),
        pytest.param(Fraction(-2, 3), 2, ROUND_HALF_UP, Decimal("-0.67"), id="fraction--2/3"),
        pytest.param(Fraction(2, 3), 2, ROUND_DOWN, Decimal("0.66"), id="fraction-2/3-down"),
        pytest.param(Fraction(1, 6), 1, ROUND_HALF_UP, Decimal("0.2"), id="fraction-1/6"),
        # 33/52 = 63.4615...%: "63,5%" in the review table
        pytest.param(Fraction(3300, 52), 1, ROUND_HALF_UP, Decimal("63.5"), id="fraction-33/52"),
        # 63.46.../70 = 90.659...%: "Đạt 90,7%"
        pytest.param(Fraction(330000, 52 * 70), 1, ROUND_HALF_UP, Decimal("90.7"), id="att-90.7"),
        pytest.param(Fraction(200, 3), 0, ROUND_HALF_UP, Decimal(67), id="fraction-200/3"),
        # a Fraction that is exactly on a half (a caller may pass one unnormalised)
        pytest.param(Fraction(1, 8), 2, ROUND_HALF_UP, Decimal("0.13"), id="fraction-1/8-up"),
        pytest.param(Fraction(1, 8), 2, ROUND_HALF_EVEN, Decimal("0.12"), id="fraction-1/8-even"),
        pytest.param(Fraction(-1, 8), 2, ROUND_HALF_UP, Decimal("-0.13"), id="fraction--1/8-up"),
    ],
)
def test_round_display(value: object, places: int, rounding: str, expected: Decimal) -> None:
    rounded = round_display(value, places, rounding)  # type: ignore[arg-type]
    assert rounded == expected
    assert type(rounded) is Decimal


def test_round_display_defaults_to_half_up() -> None:
    assert round_display(Decimal("2.45"), 1) == Decimal("2.5")
    assert round_display(Decimal("-2.45"), 1) == Decimal("-2.5")


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [
        pytest.param(ROUND_HALF_UP, Decimal("0.13"), id="half-up"),
        pytest.param(ROUND_HALF_EVEN, Decimal("0.13"), id="half-even"),
        pytest.param(ROUND_DOWN, Decimal("0.12"), id="down"),
    ],
)
def test_round_display_fraction_just_above_a_half(rounding: str, expected: Decimal) -> None:
    # 1/8 + 1/(3 * 10**40) is strictly above 0.125, so the nearest hundredth is 0.13 under
    # every half rule; only truncation gives 0.12.
    value = Fraction(1, 8) + Fraction(1, 3 * 10**40)
    assert round_display(value, 2, rounding) == expected


def test_round_display_fraction_just_below_a_half() -> None:
    value = Fraction(1, 8) - Fraction(1, 3 * 10**40)
    assert round_display(value, 2, ROUND_HALF_UP) == Decimal("0.12")
    assert round_display(value, 2, ROUND_HALF_EVEN) == Decimal("0.12")


def test_round_display_rejects_other_roundings() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        round_display(Decimal(1), 2, "ROUND_UP")
    assert str(info.value) == (
        "rounding='ROUND_UP' is not supported; use ROUND_HALF_UP, ROUND_HALF_EVEN or ROUND_DOWN"
    )


# --- format_number() -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "places", "expected"),
    [
        pytest.param(Decimal("3745356.5"), "en", 2, "3,745,356.5", id="en-grouped"),
        pytest.param(Decimal("3745356.5"), "vi", 2, "3.745.356,5", id="vi-grouped"),
        pytest.param(Decimal(3745356), "vi", 2, "3.745.356", id="vi-whole"),
        pytest.param(Decimal("4332.98"), "vi", 2, "4.332,98", id="vi-ha"),
        pytest.param(Decimal("99.2"), "vi", 2, "99,2", id="vi-percent"),
        pytest.param(Decimal("3.10"), "en", 2, "3.1", id="trailing-zero-dropped"),
        pytest.param(Decimal("3.00"), "en", 2, "3", id="all-zeros-dropped"),
        pytest.param(Decimal(100), "en", 2, "100", id="whole"),
        pytest.param(Decimal(1000), "en", 2, "1,000", id="en-thousand"),
        pytest.param(Decimal(1000), "vi", 2, "1.000", id="vi-thousand"),
        pytest.param(Decimal(999), "en", 2, "999", id="no-group-under-1000"),
        pytest.param(Decimal(123456), "en", 0, "123,456", id="six-digits"),
        pytest.param(Decimal("-1234.5"), "en", 2, "-1,234.5", id="en-negative"),
        pytest.param(Decimal("-1234.5"), "vi", 2, "-1.234,5", id="vi-negative"),
        pytest.param(Decimal("2.45"), "en", 1, "2.5", id="half-up"),
        pytest.param(Decimal("2.449"), "en", 2, "2.45", id="two-places"),
        pytest.param(Decimal("-0.001"), "en", 2, "0", id="rounds-to-zero-unsigned"),
        pytest.param(Decimal("0.004"), "en", 2, "0", id="small-to-zero"),
        pytest.param(Fraction(3300, 52), "vi", 1, "63,5", id="vi-fraction"),
        pytest.param(Fraction(2, 3), "en", 2, "0.67", id="en-fraction"),
        pytest.param(Decimal("1E+3"), "en", 2, "1,000", id="exponent"),
    ],
)
def test_format_number(value: object, lang: str, places: int, expected: str) -> None:
    assert format_number(value, lang, places) == expected  # type: ignore[arg-type]


def test_format_number_default_is_english_two_places() -> None:
    assert format_number(Decimal("3745356.456")) == "3,745,356.46"


def test_format_number_rounding_and_grouping_options() -> None:
    assert format_number(Decimal("2.49"), "en", 1, rounding=ROUND_DOWN) == "2.4"
    assert format_number(Decimal("2.45"), "en", 1, rounding=ROUND_HALF_EVEN) == "2.4"
    assert format_number(Decimal("3745356.5"), "en", group=False) == "3745356.5"
    assert format_number(Decimal("3745356.5"), "vi", group=False) == "3745356,5"


def test_format_number_rejects_unknown_language() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        format_number(Decimal(1), "fr")
    assert str(info.value) == "lang='fr' is not a supported language; use 'en' or 'vi'"
