"""Targets: an indicator, a rule, and the unit its bounds are written in."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from . import units
from .errors import InvalidTargetError, InvalidTargetTypeError, UnitError
from .indicators import Direction, Indicator
from .numbers import Exact, mul
from .rules import Kind, Rule

__all__ = ["Target"]

_ALLOWED = {
    Kind.AT_LEAST: (Direction.HIGHER_IS_BETTER,),
    Kind.ABOVE: (Direction.HIGHER_IS_BETTER,),
    Kind.AT_MOST: (Direction.LOWER_IS_BETTER,),
    Kind.BELOW: (Direction.LOWER_IS_BETTER,),
    Kind.BETWEEN: tuple(Direction),
    Kind.EXACTLY: tuple(Direction),
}

_FIX = {
    Direction.HIGHER_IS_BETTER: "at_least/above/between/exactly",
    Direction.LOWER_IS_BETTER: "at_most/below/between/exactly",
    Direction.ON_TARGET: "between or exactly",
}


def _indicator(value: object) -> Indicator:
    if not isinstance(value, Indicator):
        raise InvalidTargetTypeError(
            f"Target(indicator) must be an Indicator such as Indicator('org_good', "
            f"unit='percent'), got {value!r}"
        )
    return value


def _rule(value: object) -> Rule:
    if not isinstance(value, Rule):
        raise InvalidTargetTypeError(
            f"Target(rule) must be a rule such as at_least(95) or between(3, 5), got {value!r}"
        )
    return value


@attrs.frozen(repr=False)
class Target:
    """An indicator, the rule it must meet, and the unit of the rule's bounds.

    ``unit`` None means the indicator's unit; a different unit must measure
    the same thing (a target in ``tỷ đồng`` on an indicator kept in
    ``triệu đồng``). The target checks at once that the rule fits the
    indicator: its direction, its scale, its unit and its limits.

    The attributes after ``label`` are derived, for the engine: ``direction``
    is the indicator's direction or, if it states none, the rule's implied
    one; ``sign`` is +1 (higher is better), -1 (lower is better) or 0
    (on target); ``lo`` and ``hi`` are the bounds as compared (ranks for an
    ordinal rule; ``lo == hi`` for a one-bound rule).
    """

    indicator: Indicator = attrs.field(converter=_indicator)
    rule: Rule = attrs.field(converter=_rule)
    unit: str | None = attrs.field(default=None, kw_only=True)
    label: str = attrs.field(default="", kw_only=True)
    direction: Direction = attrs.field(init=False, eq=False)
    sign: int = attrs.field(init=False, eq=False)
    lo: Any = attrs.field(init=False, eq=False)
    hi: Any = attrs.field(init=False, eq=False)
    _cross: tuple[int, int, int, int] = attrs.field(init=False, eq=False)
    """lo and hi as integer ratios (a_lo, b_lo, a_hi, b_hi), to judge fractions on integers."""

    def __attrs_post_init__(self) -> None:
        indicator, rule = self.indicator, self.rule
        lo_value: Exact
        hi_value: Exact
        name = f"indicator {indicator.key!r}"
        if not isinstance(self.label, str):
            raise InvalidTargetTypeError(f"Target(label) must be a str, got {self.label!r}")

        direction = indicator.direction or rule.implied_direction
        if direction not in _ALLOWED[rule.kind]:
            raise InvalidTargetError(
                f"{name} is {direction.value.replace('_', ' ')}, but the rule {rule!r} "
                f"implies {rule.implied_direction.value.replace('_', ' ')}; "
                f"use {_FIX[direction]} for this indicator, or correct its direction"
            )
        sign = {Direction.HIGHER_IS_BETTER: 1, Direction.LOWER_IS_BETTER: -1}.get(direction, 0)

        if indicator.scale is not None:
            if not rule.is_ordinal:
                raise InvalidTargetError(
                    f"{name} is rated on the scale {indicator.scale.name!r}, but the rule "
                    f"{rule!r} has a numeric bound; give a level such as "
                    f"at_least({indicator.scale.codes[-2]!r})"
                )
            if self.unit is not None:
                raise UnitError(f"{name} is rated on a scale: its target has no unit")
            names = ("lo", "hi") if rule.kind is Kind.BETWEEN else ("value",)
            ranks = [
                indicator.scale.rank(str(bound), argument=f"{rule.kind.value}({name})")
                for bound, name in zip(rule.bounds, names, strict=True)
            ]
            if ranks[0] > ranks[-1]:
                lo, hi = rule.bounds
                raise InvalidTargetError(
                    f"{name}: between({lo!r}, {hi!r}) names the better level first; "
                    f"did you mean between({hi!r}, {lo!r})?"
                )
            codes = tuple(indicator.scale.levels[r].code for r in ranks)
            if codes != rule.bounds:
                object.__setattr__(self, "rule", Rule(rule.kind, codes))
            unit = None
            lo_value, hi_value = Decimal(ranks[0]), Decimal(ranks[-1])
        else:
            if rule.is_ordinal:
                raise InvalidTargetError(
                    f"{name} is numeric, but the rule {rule!r} names a rating level; "
                    "give a number, or give the indicator a scale such as PARTY_QUALITY"
                )
            unit = (
                indicator.unit
                if self.unit is None
                else units.canonical(self.unit, argument="Target(unit)")
            )
            if unit != indicator.unit:
                try:
                    to_indicator = units.factor(unit, indicator.unit)
                except UnitError as exc:
                    raise UnitError(f"{name}, Target(unit={unit!r}): {exc}") from None
            else:
                to_indicator = None
            numbers: list[Exact] = [b for b in rule.bounds if not isinstance(b, str)]
            for bound in numbers:
                in_indicator_unit = bound if to_indicator is None else mul(bound, to_indicator)
                indicator.check_value(in_indicator_unit, what=f"the bound of {rule!r}")
            lo_value, hi_value = numbers[0], numbers[-1]

        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "direction", direction)
        object.__setattr__(self, "sign", sign)
        object.__setattr__(self, "lo", lo_value)
        object.__setattr__(self, "hi", hi_value)
        object.__setattr__(
            self, "_cross", (*lo_value.as_integer_ratio(), *hi_value.as_integer_ratio())
        )

    def judged_ratio(self, value: Fraction) -> tuple[int, int, int]:
        """*value*, lo and hi scaled to integers over one denominator, order kept.

        Comparing these integers decides exactly what comparing the exact
        numbers decides, at a fraction of the cost of Fraction arithmetic.
        """
        a_lo, b_lo, a_hi, b_hi = self._cross
        p, q = value.numerator, value.denominator
        return p * b_lo * b_hi, a_lo * q * b_hi, a_hi * q * b_lo

    @property
    def key(self) -> str:
        """The indicator's key: results for this target are filed under it."""
        return self.indicator.key

    def in_unit(self, value: Exact, unit: str | None) -> Exact:
        """*value* given in *unit*, converted exactly to the target's unit."""
        if unit == self.unit:
            return value
        try:
            factor = units.factor(unit, self.unit)
        except UnitError as exc:
            raise UnitError(f"indicator {self.indicator.key!r}: {exc}") from None
        return mul(value, factor)

    def __repr__(self) -> str:
        parts = [repr(self.indicator), repr(self.rule)]
        if self.unit != self.indicator.unit:
            parts.append(f"unit={self.unit!r}")
        if self.label:
            parts.append(f"label={self.label!r}")
        return f"Target({', '.join(parts)})"
