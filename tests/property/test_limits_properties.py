"""Numbers within the limits round-trip exactly; numbers beyond them raise the library's error."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics import json as rmjson
from resolmetrics.numbers import MAX_DIGITS, MAX_EXPONENT

_COEFFICIENTS = st.integers(1, 10**MAX_DIGITS - 1)


@st.composite
def _within(draw: st.DrawFn) -> Decimal:
    """A Decimal of at most MAX_DIGITS digits whose leading digit is within ±MAX_EXPONENT."""
    coefficient = draw(_COEFFICIENTS)
    digits = len(str(coefficient))
    leading = draw(st.integers(-MAX_EXPONENT, MAX_EXPONENT))
    sign = draw(st.sampled_from((1, -1)))
    return Decimal(f"{sign * coefficient}E{leading - digits + 1}")


@st.composite
def _beyond(draw: st.DrawFn) -> object:
    """A number beyond the limits: too many digits, or a leading digit too far out."""
    kind = draw(st.sampled_from(("digits", "exponent", "fraction", "int", "text")))
    if kind == "digits":
        coefficient = draw(st.integers(10**MAX_DIGITS, 10 ** (MAX_DIGITS + 300)))
        return Decimal(f"{coefficient}E-{len(str(coefficient)) - 1}")
    if kind == "exponent":
        leading = draw(st.integers(MAX_EXPONENT + 1, 10**12))
        return Decimal(f"1E{draw(st.sampled_from((leading, -leading)))}")
    if kind == "fraction":
        numerator = draw(st.integers(10**MAX_DIGITS, 10**6000))
        return Fraction(numerator, numerator - 1)
    if kind == "int":
        return draw(st.integers(10 ** (MAX_EXPONENT + 1), 10**6000))
    return "1" * draw(st.integers(MAX_DIGITS + 1, 20_000))


@given(_within())
def test_a_number_within_the_limits_round_trips_exactly(number: Decimal) -> None:
    """Any number of at most MAX_DIGITS significant digits between 1e-MAX_EXPONENT and
    1e+MAX_EXPONENT is read exactly by Result, from itself and from its text, and comes
    back equal through JSON."""
    result = rm.Result(number)
    assert result.value == number
    assert rm.Result(str(number)).value == number
    assert rmjson.loads(rmjson.dumps(result)) == result


@given(_beyond())
def test_a_number_beyond_the_limits_raises_the_librarys_error(value: object) -> None:
    """Any number beyond the limits, given to Result or read by json.loads as a JSON number
    or string, raises InvalidResultError / JSONError: never a builtin ValueError,
    OverflowError or MemoryError of its own."""
    try:
        rm.Result(value)
    except rm.InvalidResultError:
        pass
    else:
        raise AssertionError(f"Result accepted a number beyond the limits: {value!r:.80}")
    if isinstance(value, Decimal | str):
        for written in (f'"{value}"', str(value)):
            document = rmjson.dumps(rm.Result(5)).replace('"5"', written)
            try:
                rmjson.loads(document)
            except rmjson.JSONError:
                pass
            else:
                raise AssertionError(f"loads accepted {written:.80}")
