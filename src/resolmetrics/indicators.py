"""What is measured: indicators, directions of improvement and ordinal scales."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, SupportsIndex

import attrs

from . import units
from .errors import (
    InvalidArgumentError,
    InvalidTargetError,
    InvalidTargetTypeError,
    ResolmetricsError,
)
from .numbers import Exact, NumberLike, as_repr, as_text, exact

__all__ = ["PARTY_QUALITY", "Direction", "Indicator", "Level", "OrdinalScale"]


class Direction(enum.StrEnum):
    """Which way an indicator improves.

    ``HIGHER_IS_BETTER`` (shares rated good, members admitted),
    ``LOWER_IS_BETTER`` (poverty rate, bad debt), ``ON_TARGET`` (a band
    missed on either side, such as an inflation range). Found by value or
    name in any case: ``Direction("lower_is_better")``.
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    ON_TARGET = "on_target"
    """A miss on either side is a miss: an inflation band, a planned headcount."""

    def __repr__(self) -> str:
        return f"Direction.{self.name}"

    @classmethod
    def _missing_(cls, value: object) -> Direction:
        return lookup(cls, value)  # type: ignore[return-value]


def lookup(cls: type[enum.Enum], value: object) -> enum.Enum:
    """The member of *cls* named or valued *value* in any case, or a clear error."""
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for member in cls:
            if wanted in (member.name.casefold(), str(member.value).casefold()):
                return member
    raise InvalidArgumentError(
        f"{value!r} is not a {cls.__name__}; use one of "
        f"{', '.join(repr(member.value) for member in cls)}"
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTargetTypeError(
            f"Level(code, vi, en) takes text, got {value!r} of type {type(value).__name__}"
        )
    return value


@attrs.frozen
class Level:
    """One level of an ordinal scale: a short code and its Vietnamese and English names."""

    code: str = attrs.field(converter=_text)
    vi: str = attrs.field(default="", converter=_text)
    en: str = attrs.field(default="", converter=_text)


def _levels(values: Iterable[Level | str]) -> tuple[Level, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidTargetTypeError(
            f"OrdinalScale(levels) must be a sequence of level codes or Level objects, "
            f"worst first, got {values!r}"
        )
    levels = tuple(v if isinstance(v, Level) else Level(v) for v in values)
    for level in levels:
        if not isinstance(level.code, str) or not level.code.strip():
            raise InvalidTargetError(
                f"OrdinalScale(levels): every level needs a non-empty code, got {level.code!r}"
            )
    return levels


@attrs.frozen
class OrdinalScale:
    """An ordered rating scale, *worst level first*.

    >>> scale = OrdinalScale("quality", ["poor", "fair", "good"])
    >>> scale.rank("good") > scale.rank("fair")
    True

    Levels are found by code, and by their Vietnamese or English name,
    ignoring case.
    """

    name: str
    levels: tuple[Level, ...] = attrs.field(converter=_levels)
    _index: dict[str, int] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if len(self.levels) < 2:
            raise InvalidTargetError(
                f"OrdinalScale {self.name!r} needs at least two levels, got {len(self.levels)}"
            )
        index: dict[str, int] = {}
        for rank, level in enumerate(self.levels):
            for word in (level.code, level.vi, level.en):
                key = word.casefold()
                if not key:
                    continue
                if index.get(key, rank) != rank:
                    raise InvalidTargetError(
                        f"OrdinalScale {self.name!r}: {word!r} names two different levels"
                    )
                index[key] = rank
        object.__setattr__(self, "_index", index)

    @property
    def codes(self) -> tuple[str, ...]:
        """The level codes, worst first."""
        return tuple(level.code for level in self.levels)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.casefold() in self._index

    def rank(
        self,
        word: str,
        *,
        argument: str = "rating",
        error: type[ResolmetricsError] = InvalidTargetError,
    ) -> int:
        """The rank of a level (0 for the worst), by code or name.

        Raises :class:`InvalidTargetError` listing the levels and the nearest
        one when *word* is not on the scale.
        """
        rank = (
            self._index.get(" ".join(word.split()).casefold()) if isinstance(word, str) else None
        )
        if rank is None:
            raise error(self._unknown(word, argument))
        return rank

    def code(
        self,
        word: str,
        *,
        argument: str = "rating",
        error: type[ResolmetricsError] = InvalidTargetError,
    ) -> str:
        """The canonical code of a level given by code or name."""
        return self.levels[self.rank(word, argument=argument, error=error)].code

    def _unknown(self, word: object, argument: str) -> str:
        # "at_least(value)='X' is not ..." for an argument; "the result 'X' is not ..." else
        shown = f"{argument}={word!r}" if argument.endswith(")") else f"{argument} {word!r}"
        message = (
            f"{shown} is not a level of the scale {self.name!r} "
            f"(levels, worst first: {', '.join(self.codes)})"
        )
        if isinstance(word, str):
            import difflib

            match = difflib.get_close_matches(word.casefold(), self._index, n=1, cutoff=0.5)
            if match:
                message += f"; did you mean {self.levels[self._index[match[0]]].code!r}?"
        return message


PARTY_QUALITY = OrdinalScale(
    "party_quality",
    [
        Level("KHTNV", "không hoàn thành nhiệm vụ", "not completed"),
        Level("HTNV", "hoàn thành nhiệm vụ", "completed"),
        Level("HTTNV", "hoàn thành tốt nhiệm vụ", "good"),
        Level("HTXSNV", "hoàn thành xuất sắc nhiệm vụ", "excellent"),
    ],
)
"""The yearly rating of party organisations and members, worst first:
KHTNV < HTNV < HTTNV < HTXSNV."""


def _key(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTargetTypeError(
            f"Indicator(key) must be a str such as 'org_good', got {value!r}"
        )
    if not value.strip():
        raise InvalidTargetError(
            "Indicator(key) must not be empty: it is how results are matched to the indicator"
        )
    return value


def _direction(value: object) -> Direction | None:
    if value is None or isinstance(value, Direction):
        return value
    try:
        return Direction(value)  # type: ignore[arg-type]
    except ValueError:
        raise InvalidTargetError(
            f"Indicator(direction) must be a Direction or one of "
            f"{[d.value for d in Direction]}, got {value!r}"
        ) from None


def _unit(value: object) -> str | None:
    return units.canonical(value, argument="Indicator(unit)")  # type: ignore[arg-type]


def _limit(value: NumberLike | None) -> Exact | None:
    if value is None:
        return None
    return exact(value, argument="Indicator(limits)")


def _limits(value: object) -> tuple[Exact | None, Exact | None] | None:
    if value is None:
        return None
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise InvalidTargetTypeError(
            f"Indicator(limits) must be a pair (lowest, highest), either may be None, "
            f"got {value!r}; a share is limits=(0, 100)"
        )
    lo, hi = _limit(value[0]), _limit(value[1])
    if lo is not None and hi is not None and lo > hi:
        raise InvalidTargetError(
            f"Indicator(limits)=({as_repr(lo)}, {as_repr(hi)}): the lowest valid value is "
            f"greater than the highest; did you mean ({as_repr(hi)}, {as_repr(lo)})?"
        )
    return (lo, hi)


@attrs.frozen(repr=False)
class Indicator:
    """What is measured.

    ``key`` names it (results are filed under it); ``name`` is how reports
    call it. ``unit`` None is a plain count. ``direction`` None means "implied by the
    rule a target puts on it". ``scale`` makes it an ordinal indicator
    (ratings rather than numbers). ``limits`` declares the valid values, in
    the indicator's unit: ``(0, 100)`` for a share in percent; a target or
    result outside them is an error rather than a verdict.

    Errors: InvalidTargetError / InvalidTargetTypeError (a bad key, name,
    direction, scale or limits), UnitError (an unknown unit).
    """

    key: str = attrs.field(converter=_key)
    name: str = ""
    unit: str | None = attrs.field(default=None, converter=_unit)
    direction: Direction | None = attrs.field(default=None, converter=_direction)
    scale: OrdinalScale | None = None
    limits: tuple[Exact | None, Exact | None] | None = attrs.field(
        default=None, converter=_limits, kw_only=True
    )
    _fraction_limits: tuple[Fraction | None, Fraction | None] = attrs.field(
        init=False, eq=False, default=(None, None)
    )

    def __attrs_post_init__(self) -> None:
        if self.limits is not None:
            fractions = tuple(None if x is None else Fraction(x) for x in self.limits)
            object.__setattr__(self, "_fraction_limits", fractions)
        if self.scale is not None:
            if not isinstance(self.scale, OrdinalScale):
                raise InvalidTargetTypeError(
                    f"Indicator {self.key!r}: scale must be an OrdinalScale such as "
                    f"PARTY_QUALITY, got {self.scale!r}"
                )
            if self.unit is not None or self.limits is not None:
                raise InvalidTargetError(
                    f"Indicator {self.key!r} is rated on the scale {self.scale.name!r}: "
                    "a rated indicator has no unit and no limits"
                )
        if not isinstance(self.name, str):
            raise InvalidTargetTypeError(
                f"Indicator {self.key!r}: name must be a str, got {self.name!r}"
            )

    @property
    def is_ordinal(self) -> bool:
        """True when the indicator is rated on an ordinal scale."""
        return self.scale is not None

    @property
    def title(self) -> str:
        """The name, or the key when there is no name."""
        return self.name or self.key

    def check_value(
        self,
        value: Exact,
        *,
        what: str,
        error: type[ResolmetricsError] = InvalidTargetError,
    ) -> None:
        """Raise *error* if *value* (in the indicator's unit) is outside the declared limits.

        *what* names the value in the message: ``"the result"``, ``"the bound of at_least(120)"``.
        """
        if self.limits is None:
            return
        # An exact ratio compares fastest with Fraction limits, a Decimal with Decimal ones.
        lo, hi = self._fraction_limits if type(value) is Fraction else self.limits
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            label = units.label(self.unit, "en")
            shown = label if units.is_share(self.unit) else f" {label}" if label else ""
            low, high = self.limits  # as given: the fractions above only compare faster
            raise error(
                f"indicator {self.key!r}: {what}, {as_text(value)}{shown}, is outside the "
                f"indicator's limits ({_limit_text(low)} to {_limit_text(high)}); "
                "check the figure and its unit, or widen Indicator(limits=...)"
            )

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # An indicator pickles as attrs pickles it; in a process that has defined units with
        # define_unit(), it carries their definitions, and loading it defines them again, so
        # that its unit (or a target's or result's unit of the same kind) is known there.
        definitions = units.user_definitions()
        if not definitions:
            return super().__reduce_ex__(protocol)
        return _unpickle, (definitions, self.__getstate__())

    def __repr__(self) -> str:
        parts = [repr(self.key)]
        if self.name:
            parts.append(f"name={self.name!r}")
        if self.unit is not None:
            parts.append(f"unit={self.unit!r}")
        if self.direction is not None:
            parts.append(f"direction={self.direction!r}")
        if self.scale is not None:
            parts.append("scale=PARTY_QUALITY" if self.scale == PARTY_QUALITY else
                         f"scale={self.scale!r}")  # fmt: skip
        if self.limits is not None:
            parts.append(f"limits=({_show(self.limits[0])}, {_show(self.limits[1])})")
        return f"Indicator({', '.join(parts)})"


def _unpickle(definitions: tuple[str, ...], state: Any) -> Indicator:
    """An indicator pickled in a process that defined units of its own (see ``__reduce_ex__``)."""
    units.redefine(definitions)
    indicator = object.__new__(Indicator)
    indicator.__setstate__(state)  # type: ignore[attr-defined]  # made by attrs
    return indicator


def _show(value: Exact | None) -> str:
    return "None" if value is None else as_repr(value)


def _limit_text(value: Exact | None) -> str:
    return "no limit" if value is None else as_text(value)
