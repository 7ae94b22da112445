"""Results: what was reported for an indicator."""

from __future__ import annotations

from fractions import Fraction

import attrs

from . import units
from .errors import InvalidResultError, InvalidResultTypeError
from .numbers import MAX_DIGITS, Exact, as_repr, echo, exact, int_digits, looks_numeric, normal

__all__ = ["Result"]

_COUNT_BOUND = 10 ** (MAX_DIGITS - 2)  # a share in percent of such counts has MAX_DIGITS digits


def _value(value: object) -> Exact | str:
    if isinstance(value, str) and not looks_numeric(value):
        level = " ".join(value.split())
        if not level:
            raise InvalidResultError(
                "Result(value) must be a number or a rating level such as 'HTNV', got ''; "
                "report missing data by leaving the result out (the verdict is then NO_DATA)"
            )
        return level
    return exact(
        value,
        argument="Result(value)",
        error=InvalidResultError,
        type_error=InvalidResultTypeError,
    )


def _unit(value: object) -> str | None:
    return units.canonical(
        value,  # type: ignore[arg-type]
        argument="Result(unit)",
        type_error=InvalidResultTypeError,
    )


def _period(value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise InvalidResultTypeError(
            f"Result(period) must be a year as an int such as 2021, got {echo(value)}"
        )
    if not 1000 <= value <= 9999:
        raise InvalidResultError(
            f"Result(period) must be a four-digit year such as 2021, got {echo(value)}"
        )
    return value


def _entity(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidResultTypeError(
            f"Result(entity) must be a str naming the unit observed, such as 'union A', "
            f"got {echo(value)}"
        )
    if not value.strip():
        raise InvalidResultError("Result(entity) must not be empty; leave it out (None) instead")
    return value


@attrs.frozen(repr=False)
class Result:
    """A reported value: a number (exact) or a rating level.

    ``value`` is an int, a str in Python notation (``"93.1"``, ``"41/71"``),
    a Decimal, a Fraction, a float (read as its repr: 93.1 is 93.1), or the
    code or name of a rating level (``"HTNV"``). NaN, infinities, None,
    booleans and text such as ``"95,5"`` are refused with
    :class:`InvalidResultError` / :class:`InvalidResultTypeError`; a missing
    result is left out (the verdict is then NO_DATA).

    ``unit`` None means "in the indicator's unit"; a result in another unit
    of the same kind is converted exactly. ``period`` is the year the
    value is for; ``entity`` the unit of observation (an enterprise, a base
    organisation) it was measured in. A share reported as a count out of a
    total is best given with :meth:`Result.ratio`, which keeps it exact.
    """

    value: Exact | str = attrs.field(converter=_value)
    unit: str | None = attrs.field(default=None, converter=_unit)
    period: int | None = attrs.field(default=None, kw_only=True, converter=_period)
    entity: str | None = attrs.field(default=None, kw_only=True, converter=_entity)
    ratio_of: tuple[int, int] | None = attrs.field(init=False, default=None, eq=False)
    """The (numerator, denominator) a share was computed from, when it came from ratio()."""

    @property
    def is_level(self) -> bool:
        """True when the value is a rating level rather than a number."""
        return isinstance(self.value, str)

    @classmethod
    def ratio(
        cls,
        numerator: int,
        denominator: int,
        *,
        period: int | None = None,
        entity: str | None = None,
    ) -> Result:
        """An exact share in percent: *numerator* out of *denominator*.

        >>> Result.ratio(41, 71).value
        Fraction(4100, 71)
        >>> Result.ratio(33, 66).value
        Decimal('50')
        """
        for name, number in (("numerator", numerator), ("denominator", denominator)):
            if type(number) is not int:
                raise InvalidResultTypeError(
                    f"Result.ratio({name}) must be a whole count (int), got {echo(number)}"
                )
            if abs(number) >= _COUNT_BOUND:
                raise InvalidResultError(
                    f"Result.ratio({name})={echo(number)} has {int_digits(number):,} digits; "
                    f"resolmetrics reads counts of at most {MAX_DIGITS - 2} digits: "
                    "check the count"
                )
        if denominator <= 0:
            raise InvalidResultError(
                f"Result.ratio(denominator) must be a positive count, got {denominator!r}; "
                "a share of nothing is missing data: leave the result out"
            )
        if numerator < 0:
            raise InvalidResultError(
                f"Result.ratio(numerator) must not be negative, got {numerator!r}"
            )
        result = cls(normal(Fraction(numerator * 100, denominator)), "percent",
                     period=period, entity=entity)  # fmt: skip
        object.__setattr__(result, "ratio_of", (numerator, denominator))
        return result

    @classmethod
    def parse(
        cls,
        text: str,
        lang: str | None = None,
        *,
        period: int | None = None,
        entity: str | None = None,
        mismatch: str = "error",
    ) -> Result:
        """A result written as people write it, in Vietnamese or English.

        >>> Result.parse("99,2%", "vi")
        Result('99.2', unit='percent')
        >>> Result.parse("33/52 = 63,5%", "vi")
        Result.ratio(33, 52)
        >>> Result.parse("3.745.356 triệu đồng", "vi")
        Result(3745356, unit='triệu đồng')

        A ratio "a/b" is kept exact; a percentage stated after it must be
        the ratio rounded to the decimals it shows, else ``mismatch="error"``
        (the default) raises :class:`ParseError` and ``mismatch="warn"``
        issues an :class:`InconsistentResultWarning` and keeps the ratio.
        Numbers are read as in :func:`parse_number`: a number that reads
        differently in the two languages needs ``lang``.
        """
        from .text._results import parse_result

        return parse_result(text, lang, period=period, entity=entity, mismatch=mismatch)

    def __repr__(self) -> str:
        if self.ratio_of is not None:
            parts = [str(self.ratio_of[0]), str(self.ratio_of[1])]
            call = "Result.ratio"
        else:
            value = self.value
            parts = [repr(value) if isinstance(value, str) else as_repr(value)]
            if self.unit is not None:
                parts.append(f"unit={self.unit!r}")
            call = "Result"
        if self.period is not None:
            parts.append(f"period={self.period!r}")
        if self.entity is not None:
            parts.append(f"entity={self.entity!r}")
        return f"{call}({', '.join(parts)})"
