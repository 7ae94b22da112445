"""The limits on the numbers read (digits and exponents), and the cost of refusing them.

Every reader (Result, the rules, json.loads, parse_number, read_results)
refuses a number beyond numbers.MAX_DIGITS significant digits or outside
1e-MAX_EXPONENT..1e+MAX_EXPONENT with its own error, cheaply, and echoes the
input cut short.
"""

from __future__ import annotations

import contextlib
import re
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import resolmetrics as rm
from resolmetrics import json as rmjson
from resolmetrics.files import FileError, read_results
from resolmetrics.numbers import LIMITS, MAX_DIGITS, MAX_EXPONENT, int_digits

RANGE = (
    "is out of range: resolmetrics reads numbers between 1e-100 and 1e100; "
    "check the figure and its unit"
)
DIGITS = "resolmetrics reads numbers of at most 400 significant digits, between 1e-100 and 1e100"


def test_the_limits() -> None:
    assert (MAX_DIGITS, MAX_EXPONENT) == (400, 100)
    assert LIMITS == DIGITS


@pytest.mark.parametrize(
    ("number", "digits"),
    [(0, 1), (9, 1), (10, 2), (-(10**199), 200), (10**200 - 1, 200), (10**200, 201),
     (10**5000, 5001), (10**5000 - 1, 5000), (-(2**20000), 6021)],
    ids=lambda each: f"{int_digits(each)}" if isinstance(each, int) else None,
)  # fmt: skip
def test_int_digits(number: int, digits: int) -> None:
    assert int_digits(number) == digits


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(
            "1" * 201,
            f"Result(value)='{'1' * 79}…(43 more characters)…{'1' * 79}' {RANGE}",
            id="str-201-digits-whole",
        ),
        pytest.param(
            "0." + "1" * 401,
            f"Result(value)='0.{'1' * 77}…(245 more characters)…{'1' * 79}' has 401 "
            f"significant digits; {DIGITS}: round it to the digits that are known",
            id="str-401-digits",
        ),
        pytest.param(
            Decimal("1e999999999"),
            f"Result(value)=Decimal('1E+999999999') {RANGE}",
            id="decimal-huge-exponent",
        ),
        pytest.param("1e999999999", f"Result(value)='1e999999999' {RANGE}", id="str-exponent"),
        pytest.param(
            int("7" * 4000),
            f"Result(value)=<an int of 4,000 digits> {RANGE}",
            id="int-4000-digits",
        ),
        pytest.param(
            Fraction(10**5000, 3),
            "Result(value)=Fraction(<an int of 5,001 digits>, 3) has a numerator of 5,001 "
            f"digits; {DIGITS}, and ratios of at most 400 digits above and below the line: "
            "reduce the ratio, or round its value to the digits that are known",
            id="fraction-5001-digits",
        ),
        pytest.param(
            "1/" + "3" * 5000,
            f"Result(value)='1/{'3' * 77}…(4,844 more characters)…{'3' * 79}' has a "
            f"denominator of 5,000 digits; {DIGITS}, and ratios of at most 400 digits above "
            "and below the line: reduce the ratio, or round its value to the digits that are "
            "known",
            id="str-ratio-5000-digits",
        ),
    ],
)
def test_result_refuses_numbers_beyond_the_limits(value: object, message: str) -> None:
    with pytest.raises(rm.InvalidResultError, match=f"^{re.escape(message)}$"):
        rm.Result(value)


def test_a_rule_bound_beyond_the_limits_is_an_invalid_target() -> None:
    with pytest.raises(rm.InvalidTargetError) as raised:
        rm.at_least(Decimal("1." + "0" * 450))
    assert str(raised.value) == (
        f"at_least(value)=Decimal('1.{'0' * 69}…(303 more characters)…{'0' * 78}') has 451 "
        f"significant digits; {DIGITS}: round it to the digits that are known"
    )


@pytest.mark.parametrize(
    "value",
    [Decimal("0E+999999999"), Decimal("-0E-999999999"), "0e999999999"],
)
def test_a_zero_with_a_huge_exponent_is_plain_zero(value: object) -> None:
    """0E+999999999 is zero; kept as written, it would be displayed with a billion zeros."""
    number = rm.Result(value).value
    assert number == 0
    assert str(number) == "0"


def test_result_ratio_refuses_counts_beyond_the_limits() -> None:
    with pytest.raises(rm.InvalidResultError) as raised:
        rm.Result.ratio(10**500, 10**501)
    assert str(raised.value) == (
        "Result.ratio(numerator)=<an int of 501 digits> has 501 digits; resolmetrics reads "
        "counts of at most 398 digits: check the count"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '{"x": 1e999999999}',
            "the number 1e999999999 at line 1, column 7 is out of range: resolmetrics reads "
            "numbers between 1e-100 and 1e100; check the figure and its unit; an exact number "
            'is written as a string, such as "93.1"',
            id="float-exponent",
        ),
        pytest.param(
            "1" * 5000,
            f"the number {'1' * 79}…(4,842 more characters)…{'1' * 79} at line 1, column 1 has "
            f"5,000 significant digits; {DIGITS}: round it to the digits that are known; an "
            'exact number is written as a string, such as "93.1"',
            id="int-5000-digits",
        ),
        pytest.param(
            "[\n  1e-99999999999999999999999]",
            "the number 1e-99999999999999999999999 at line 2, column 3 is out of range: "
            "resolmetrics reads numbers between 1e-100 and 1e100; check the figure and its "
            'unit; an exact number is written as a string, such as "93.1"',
            id="exponent-beyond-decimal",
        ),
    ],
)
def test_json_refuses_numbers_beyond_the_limits(text: str, message: str) -> None:
    for given in (text, text.encode()):
        with pytest.raises(rmjson.JSONError) as raised:
            rmjson.loads(given)
        assert str(raised.value) == message


def _result_document(value: str) -> str:
    return rmjson.dumps(rm.Result("93.1")).replace('"93.1"', value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(
            '"1e999999999"',
            "value.value: expected an exact number written as a string, a decimal such as "
            '"93.1" or a ratio such as "41/71", got "1e999999999" (a string); it is out of '
            "range: resolmetrics reads numbers between 1e-100 and 1e100; check the figure and "
            "its unit",
            id="string-with-exponent",
        ),
        pytest.param(
            '"0.' + "1" * 450 + '"',
            f'value.value: got "0.{"1" * 54}... (a string), which has 450 significant digits; '
            f"{DIGITS}: round it to the digits that are known",
            id="string-450-digits",
        ),
        pytest.param(
            '"1/' + "3" * 5000 + '"',
            f'value.value: got "1/{"3" * 54}... (a string), whose denominator has 5,000 '
            f"significant digits; {DIGITS}: round it to the digits that are known",
            id="ratio-5000-digits",
        ),
    ],
)
def test_json_refuses_exact_strings_beyond_the_limits(value: str, message: str) -> None:
    with pytest.raises(rmjson.JSONError) as raised:
        rmjson.loads(_result_document(value))
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "1" * 5000,
            f"parse_number(text)='{'1' * 79}…(4,842 more characters)…{'1' * 79}' has 5,000 "
            f"significant digits; {DIGITS}: round it to the digits that are known",
            id="5000-digits",
        ),
        pytest.param(
            "0," + "5" * 450,
            f"parse_number(text)='0,{'5' * 77}…(294 more characters)…{'5' * 79}' has 450 "
            f"significant digits; {DIGITS}: round it to the digits that are known",
            id="450-decimals",
        ),
    ],
)
def test_parse_number_refuses_numbers_beyond_the_limits(text: str, message: str) -> None:
    with pytest.raises(rm.ParseError) as raised:
        rm.parse_number(text, "vi")
    assert raised.value.message == message
    assert raised.value.position == 0


# --------------------------------------------------------------------------- cheap refusals


def _peak(call: Callable[[], object]) -> int:
    """The most memory Python allocated while *call* ran, in bytes."""
    tracemalloc.start()
    try:
        with contextlib.suppress(rm.ResolmetricsError):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


HUGE = "1e999999999"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: rm.Result(HUGE), id="Result-str"),
        pytest.param(lambda: rm.Result(Decimal(HUGE)), id="Result-Decimal"),
        pytest.param(lambda: rm.Result(Fraction(10**20000, 7)), id="Result-Fraction"),
        pytest.param(lambda: rm.Result(-(10**20000)), id="Result-int"),
        pytest.param(lambda: rm.at_most(Decimal("-" + HUGE)), id="rule"),
        pytest.param(lambda: rmjson.loads(_result_document(f'"{HUGE}"')), id="json-string"),
        pytest.param(lambda: rmjson.loads(f"[{HUGE}]"), id="json-number"),
        pytest.param(lambda: rmjson.loads("9" * 20000), id="json-int"),
        pytest.param(lambda: rm.parse_number("9" * 20000), id="parse_number"),
    ],
)
def test_refusing_a_huge_number_allocates_little(call: Callable[[], object]) -> None:
    """Beyond the limits is refused before any conversion whose cost grows with the number:
    a 1e999999999 written out, quantised or made a Fraction takes a gigabyte."""
    with pytest.raises(rm.ResolmetricsError):
        call()
    assert _peak(call) < 2_000_000


# --------------------------------------------------------------------------- echoes cut short

LONG = 100_000


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: rm.Result("1," * (LONG // 2)), id="Result-commas"),
        pytest.param(lambda: rm.Result("9" * LONG), id="Result-digits"),
        pytest.param(lambda: rm.Result("1/" + "3" * LONG), id="Result-ratio"),
        pytest.param(lambda: rm.Result(1, period="x" * LONG), id="Result-period"),
        pytest.param(lambda: rm.Result(1, entity=["x" * LONG]), id="Result-entity"),
        pytest.param(lambda: rmjson.loads("9" * LONG), id="json-number"),
        pytest.param(
            lambda: rmjson.loads(_result_document('"' + "1," * LONG + '"')), id="json-string"
        ),
        pytest.param(
            lambda: rmjson.loads(
                _result_document("1").replace('"value": {', f'"value": {{"{"k" * LONG}": 1, ')
            ),
            id="json-key",
        ),
        pytest.param(lambda: rm.parse_number("9" * LONG), id="parse_number-digits"),
        pytest.param(lambda: rm.parse_number("x" * LONG), id="parse_number-text"),
        pytest.param(lambda: rm.parse_number("1.2" * LONG), id="parse_number-marks"),
    ],
)
def test_a_long_bad_input_gives_a_short_message(call: Callable[[], object]) -> None:
    with pytest.raises(rm.ResolmetricsError) as raised:
        call()
    assert len(str(raised.value)) < 600, str(raised.value)[:1000]


def test_a_long_bad_cell_gives_a_short_message(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text("indicator;value\nadmitted;" + "1,2" * 30_000 + "\n", encoding="utf-8")
    with pytest.raises(FileError) as raised:
        read_results(path, lang="vi")
    (problem,) = raised.value.problems
    assert problem.line == 2
    assert len(str(raised.value)) < 600 + len(str(path)), str(raised.value)[:1000]


def test_a_huge_number_in_a_results_file_is_a_problem_of_its_line(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text(
        "indicator;period;value\nadmitted;2020;5\nadmitted;2021;" + "9" * 500 + "\n",
        encoding="utf-8",
    )
    with pytest.raises(FileError) as raised:
        read_results(path, lang="en")
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (3, "value")
    assert problem.message.splitlines()[0] == (
        f"parse_number(text)='{'9' * 79}…(342 more characters)…{'9' * 79}' has 500 "
        f"significant digits; {DIGITS}: round it to the digits that are known"
    )
