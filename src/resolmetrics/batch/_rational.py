"""Exact rationals over columns: ``num[i] / den[i]`` on int64 arrays, never rounded.

A :class:`Q` holds one exact number per row as an integer numerator and a
positive integer denominator (one for the whole column, or one per row).
The arrays are int64 while every number fits with room to spare
(``|x| < 2**62``, so that a sum of two never overflows); an operation whose
result would not fit is done on arrays of Python ints instead (numpy's
``object`` dtype): slower, and exact all the same. Nothing here ever
rounds, and nothing here is a float.

Floats are read as their shortest repr, as :func:`resolmetrics.numbers.exact`
reads them: :func:`float_threshold` turns a bound into the float comparison
that decides exactly what comparing the shortest repr decides, and
:func:`floats_to_q` gives the exact decimal of every float at numpy speed.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from resolmetrics.numbers import Exact, normal

__all__ = ["LIMIT", "Q", "cross_compare", "float_threshold", "floats_to_q", "magnitude"]

LIMIT = 1 << 62
"""Every int64 array here holds numbers below this in magnitude."""

_Array = np.ndarray[Any, Any]


def magnitude(values: _Array | int) -> int:
    """The largest ``|x|`` in *values* (0 for an empty array), as a Python int."""
    if isinstance(values, int):
        return abs(values)
    if values.size == 0:
        return 0
    if values.dtype == object:
        return max(abs(int(value)) for value in values.flat)
    return max(abs(int(values.max())), abs(int(values.min())))


def _objects(values: _Array) -> _Array:
    """*values* as an array of Python ints."""
    if values.dtype == object:
        return values
    return values.astype(object)


def _ints(values: _Array) -> _Array:
    """*values* as int64 when every one fits, else as Python ints."""
    if values.dtype != object:
        return values
    if values.size == 0 or magnitude(values) < LIMIT:
        return values.astype(np.int64)
    return values


def product(a: _Array | int, b: _Array | int) -> _Array | int:
    """``a * b`` elementwise, exactly (int64 when it fits, Python ints otherwise)."""
    if isinstance(a, int) and isinstance(b, int):
        return a * b
    x, y = magnitude(a), magnitude(b)
    if x < LIMIT and y < LIMIT and x * y < LIMIT and _native(a) and _native(b):
        return _typed(np.multiply(a, b))
    return _ints(np.multiply(_obj(a), _obj(b)))


def total(a: _Array | int, b: _Array | int, sign: int = 1) -> _Array | int:
    """``a + sign * b`` elementwise, exactly."""
    if isinstance(a, int) and isinstance(b, int):
        return a + sign * b
    if magnitude(a) + magnitude(b) < LIMIT and _native(a) and _native(b):
        return _typed(np.add(a, b) if sign > 0 else np.subtract(a, b))
    result = np.add(_obj(a), _obj(b)) if sign > 0 else np.subtract(_obj(a), _obj(b))
    return _ints(result)


def _native(value: _Array | int) -> bool:
    """True for a Python int or an int64 array (not an array of Python ints)."""
    return isinstance(value, int) or value.dtype != object


def _obj(value: _Array | int) -> _Array | int:
    return value if isinstance(value, int) else _objects(value)


def _typed(values: Any) -> _Array:
    array: _Array = np.asarray(values)
    if array.dtype != object and array.dtype != np.int64:
        return array.astype(np.int64)
    return array


class Q:
    """Exact rationals ``num / den`` per row; ``den`` is positive, one int or one per row."""

    __slots__ = ("den", "num")

    def __init__(self, num: _Array, den: _Array | int = 1) -> None:
        self.num = num
        self.den = den

    # ------------------------------------------------------------------ building

    @classmethod
    def constant(cls, value: Fraction | Exact | int, size: int) -> Q:
        """*value* on every one of *size* rows."""
        ratio = Fraction(value)
        num = ratio.numerator
        if abs(num) < LIMIT:
            return cls(np.full(size, num, dtype=np.int64), ratio.denominator)
        column = np.empty(size, dtype=object)
        column[:] = num
        return cls(column, ratio.denominator)

    @classmethod
    def from_exact(cls, values: list[Exact] | list[Fraction]) -> Q:
        """Exact numbers (Decimal or Fraction) as one Q, over a common denominator."""
        ratios = [Fraction(value) for value in values]
        den = 1
        for ratio in ratios:
            den = den * ratio.denominator // math.gcd(den, ratio.denominator)
        num = np.empty(len(ratios), dtype=object)
        for index, ratio in enumerate(ratios):
            num[index] = ratio.numerator * (den // ratio.denominator)
        return cls(_ints(num), den)

    def __len__(self) -> int:
        return len(self.num)

    @property
    def common(self) -> bool:
        """True when every row has the same denominator."""
        return isinstance(self.den, int)

    def take(self, rows: _Array) -> Q:
        """The rows *rows* (an index array or a boolean mask).

        From an empty Q, every row taken is 0: callers take from an empty
        column only rows that their masks mark as holding no value.
        """
        if len(self.num) == 0 and rows.dtype != bool:
            return Q(np.zeros(len(rows), dtype=np.int64), 1)
        den = self.den if isinstance(self.den, int) else self.den[rows]
        return Q(self.num[rows], den)

    def den_array(self) -> _Array:
        """The denominators as an array, one per row."""
        if isinstance(self.den, int):
            if self.den < LIMIT:
                return np.full(len(self.num), self.den, dtype=np.int64)
            column = np.empty(len(self.num), dtype=object)
            column[:] = self.den
            return column
        return self.den

    # ------------------------------------------------------------------ arithmetic

    def scale(self, factor: Fraction) -> Q:
        """Every row times the exact *factor* (a unit's conversion factor)."""
        num = product(self.num, factor.numerator)
        den = product(self.den, factor.denominator)
        assert not isinstance(num, int)
        return Q(num, den)

    def over(self, rows: Q) -> tuple[_Array | int, _Array | int, _Array | int]:
        """Numerators of self and *rows* over one denominator: (a, b, den)."""
        if isinstance(self.den, int) and isinstance(rows.den, int):
            if self.den == rows.den:
                return self.num, rows.num, self.den
            g = math.gcd(self.den, rows.den)
            den = self.den // g * rows.den
            return product(self.num, den // self.den), product(rows.num, den // rows.den), den
        return (
            product(self.num, rows.den),
            product(rows.num, self.den),
            product(self.den, rows.den),
        )

    def __sub__(self, other: Q) -> Q:
        a, b, den = self.over(other)
        num = total(a, b, -1)
        assert not isinstance(num, int)
        return Q(num, den)

    def __add__(self, other: Q) -> Q:
        a, b, den = self.over(other)
        num = total(a, b)
        assert not isinstance(num, int)
        return Q(num, den)

    def __neg__(self) -> Q:
        return Q(-self.num, self.den)

    def absolute(self) -> Q:
        return Q(np.abs(self.num), self.den)

    def divide(self, other: Q) -> Q:
        """``self / other`` row by row; rows where *other* is zero get 0 (mask them out)."""
        num = product(self.num, other.den)
        den = product(self.den, other.num)
        assert not isinstance(num, int)
        assert not isinstance(den, int)
        negative = den < 0
        if negative.any():
            num = np.where(negative, -num, num)
            den = np.where(negative, -den, den)
        zero = den == 0
        if zero.any():
            den = np.where(zero, 1, den)
            num = np.where(zero, 0, num)
        return Q(_ints(np.asarray(num)), _ints(np.asarray(den)))

    def sign(self) -> _Array:
        """-1, 0 or 1 per row (the denominators are positive)."""
        return np.sign(self.num).astype(np.int8)

    def compare(self, other: Q) -> _Array:
        """-1, 0 or 1 per row: the sign of ``self - other``, exactly."""
        a, b, _ = self.over(other)
        difference = total(a, b, -1)
        assert not isinstance(difference, int)
        return np.sign(difference).astype(np.int8)

    def where(self, mask: _Array, other: Q) -> Q:
        """Rows of self where *mask*, else rows of *other*."""
        a, b, den = self.over(other)
        num = np.where(mask, a, b)
        return Q(_ints(np.asarray(num)), den)

    def segment_sums(self, starts: _Array, lengths: _Array) -> Q:
        """The sum of each run of rows beginning at *starts* (runs are contiguous, non-empty).

        The rows must share one denominator.
        """
        assert isinstance(self.den, int)
        if len(starts) == 0:
            return Q(np.zeros(0, dtype=np.int64), self.den)
        longest = int(lengths.max())
        if self.num.dtype != object and magnitude(self.num) * longest < LIMIT:
            return Q(np.add.reduceat(self.num, starts), self.den)
        sums = np.add.reduceat(_objects(self.num), starts)
        return Q(_ints(sums), self.den)

    # ------------------------------------------------------------------ comparisons

    def threshold(self, bound: Fraction) -> tuple[_Array, _Array]:
        """(self > bound, self == bound) as boolean arrays."""
        if isinstance(self.den, int):
            scaled = bound * self.den
            floor = scaled.numerator // scaled.denominator
            whole = scaled.denominator == 1
            if self.num.dtype != object:
                greater = _int_greater(self.num, floor)
                equal = _int_equal(self.num, floor) if whole else np.zeros(len(self.num), bool)
                return greater, equal
            greater = np.asarray(self.num > floor, dtype=bool)
            equal = np.asarray(self.num == floor, dtype=bool) if whole else np.zeros_like(greater)
            return greater, equal
        difference = total(product(self.num, bound.denominator),
                           product(self.den, bound.numerator), -1)  # fmt: skip
        assert not isinstance(difference, int)
        return np.asarray(difference > 0, dtype=bool), np.asarray(difference == 0, dtype=bool)

    # ------------------------------------------------------------------ reading back

    def exact(self, row: int) -> Exact:
        """Row *row* as resolmetrics keeps an exact number (Decimal, or Fraction)."""
        den = self.den if isinstance(self.den, int) else int(self.den[row])
        return normal(Fraction(int(self.num[row]), den))

    def exacts(self) -> list[Exact]:
        """Every row as an exact number."""
        if isinstance(self.den, int):
            den = self.den
            if den == 1:
                return [Decimal(int(value)) for value in self.num.tolist()]
            return [normal(Fraction(int(value), den)) for value in self.num.tolist()]
        return [
            normal(Fraction(int(n), int(d)))
            for n, d in zip(self.num.tolist(), self.den.tolist(), strict=True)
        ]

    def floats(self) -> _Array:
        """The nearest float64 of each row (for display and plots only)."""
        if (
            self.num.dtype != object
            and (isinstance(self.den, int) or self.den.dtype != object)
            and magnitude(self.num) < 2**53
        ):
            return np.asarray(self.num, dtype=np.float64) / np.asarray(self.den, dtype=np.float64)
        pairs = zip(self.num.tolist(), self.den_array().tolist(), strict=True)
        return np.array([float(Fraction(int(n), int(d))) for n, d in pairs])


def _int_greater(values: _Array, floor: int) -> _Array:
    if floor >= LIMIT:
        return np.zeros(len(values), dtype=bool)
    if floor < -LIMIT:
        return np.ones(len(values), dtype=bool)
    return np.asarray(values > floor, dtype=bool)


def _int_equal(values: _Array, whole: int) -> _Array:
    if abs(whole) >= LIMIT:
        return np.zeros(len(values), dtype=bool)
    return np.asarray(values == whole, dtype=bool)


# --------------------------------------------------------------------------- floats


def float_threshold(bound: Fraction) -> tuple[float, int]:
    """The float *F* nearest *bound*, and how the shortest repr of *F* compares with it.

    For any finite float ``v`` read as its shortest repr ``d(v)`` (which is
    strictly increasing in ``v``): ``d(v) > bound`` exactly when ``v > F``,
    or ``v == F`` and the comparison *c* is positive; ``d(v) == bound``
    exactly when ``v == F`` and ``c == 0``. So one float comparison decides
    exactly what comparing the exact number decides.
    """
    try:
        nearest = float(bound)  # correctly rounded
    except OverflowError:
        nearest = math.inf if bound > 0 else -math.inf
    if math.isinf(nearest):  # beyond every finite float: F itself is never met
        return nearest, -1 if nearest > 0 else 1
    shortest = Fraction(Decimal(repr(nearest)))
    return nearest, (shortest > bound) - (shortest < bound)


_POWERS = [10.0**places for places in range(18)]


def _scale_guess(values: _Array) -> int:
    """The decimals a sample of *values* needs: where floats_to_q starts looking."""
    sample = values[:: max(1, len(values) // 512)][:1024]
    for scale, power in enumerate(_POWERS):
        scaled = np.rint(sample * power)
        if ((np.abs(scaled) < 2.0**52) & (scaled / power == sample)).all():
            return scale
    return 0


def floats_to_q(values: _Array) -> Q:
    """The exact decimal of every finite float's shortest repr, over one power of ten.

    For most columns the decimal is found with numpy: a float *v* whose
    shortest repr has *s* decimals is the integer ``m = rint(v * 10**s)``
    over ``10**s``, and ``m / 10**s == v`` (a correctly rounded division of
    two exact floats) proves that decimal reads back as *v*; while
    ``|m| < 2**52`` no other decimal with *s* decimals does, and so it is the
    shortest repr. The few floats that no scale up to 17 proves are read
    through ``repr`` one by one.
    """
    size = len(values)
    places = np.full(size, -1, dtype=np.int8)
    mantissas = np.zeros(size, dtype=np.int64)
    pending: _Array | None = None  # None: every row
    guess = _scale_guess(values)
    for scale in [*range(guess, len(_POWERS)), *range(guess)]:
        power = _POWERS[scale]
        chosen = values if pending is None else values[pending]
        scaled = np.rint(chosen * power)
        proven = (np.abs(scaled) < 2.0**52) & (scaled / power == chosen)
        if pending is None:
            pending = np.arange(size)
        if proven.any():
            rows = pending[proven]
            places[rows] = scale
            mantissas[rows] = scaled[proven].astype(np.int64)
            pending = pending[~proven]
        if pending.size == 0:
            break
    assert pending is not None
    top = max(int(places.max()), 0) if size else 0
    if pending.size == 0:
        if top == 0:
            return Q(mantissas, 1)
        shift = (top - places).astype(np.int64)
        if magnitude(mantissas) * 10**top < LIMIT:
            return Q(mantissas * np.power(10, shift, dtype=np.int64), 10**top)
        num = _objects(mantissas) * np.array([10 ** int(s) for s in shift.tolist()], dtype=object)
        return Q(_ints(num), 10**top)
    # the rest through repr: exact, one by one
    decimals = {int(row): Decimal(repr(float(values[row]))) for row in pending.tolist()}
    exponent = min([-top, *(int(d.as_tuple().exponent) for d in decimals.values())])
    widest = -exponent
    exact = np.empty(size, dtype=object)
    shifts = (widest - places.astype(np.int64)).tolist()
    for row, (digits, moved) in enumerate(zip(mantissas.tolist(), shifts, strict=True)):
        exact[row] = int(digits) * 10 ** int(moved)
    for row, decimal in decimals.items():
        exact[row] = int(decimal.scaleb(widest))
    return Q(_ints(exact), 10**widest)


_CHUNK = 1 << 16
_ROUNDING = 1e-15  # far above the few parts in 10**16 two float products can be off by


def cross_compare(
    current: _Array, previous: _Array, left: int, right: int
) -> tuple[_Array, _Array]:
    """(left * current > right * previous, ... == ...) for floats read as their shortest repr.

    In float64, chunk by chunk, where the products' rounding cannot change
    the sign of their difference; exactly, on integers, for the rows where it
    could (ties among them).
    """
    size = len(current)
    greater = np.empty(size, dtype=bool)
    unsure: list[_Array] = []
    a = np.empty(min(size, _CHUNK))
    b = np.empty(min(size, _CHUNK))
    for start in range(0, size, _CHUNK):
        stop = min(start + _CHUNK, size)
        x, y = a[: stop - start], b[: stop - start]
        np.multiply(current[start:stop], float(left), out=x)
        np.multiply(previous[start:stop], float(right), out=y)
        np.subtract(x, y, out=x)  # the difference
        np.greater(x, 0, out=greater[start:stop])
        np.abs(y, out=y)
        np.multiply(y, 2 * _ROUNDING, out=y)  # |b| and |a| are within a hair of each other
        close = np.abs(x) <= y
        if close.any():
            unsure.append(np.nonzero(close)[0] + start)
    equal = np.zeros(size, dtype=bool)
    if unsure:
        rows = np.concatenate(unsure)
        sign = (
            floats_to_q(current[rows])
            .scale(Fraction(left))
            .compare(floats_to_q(previous[rows]).scale(Fraction(right)))
        )
        greater[rows] = sign > 0
        equal[rows] = sign == 0
    return greater, equal
