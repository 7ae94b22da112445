"""Targets: an indicator, a rule, and the unit its bounds are written in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from . import units
from ._judges import JUDGES, Judge
from .errors import InvalidTargetError, InvalidTargetTypeError, UnitError
from .indicators import Direction, Indicator
from .numbers import Exact, NumberLike, as_repr, exact, looks_numeric, mul
from .rules import Across, Kind, Quantifier, Quota, Rule

__all__ = ["COMBINES", "GROWTHS", "Baseline", "Target"]

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


def _rule(value: object) -> Rule | Quota:
    if not isinstance(value, Rule | Quota):
        raise InvalidTargetTypeError(
            f"Target(rule) must be a rule such as at_least(95) or between(3, 5), got {value!r}"
        )
    return value


def _baseline_value(value: object) -> Exact | str:
    if isinstance(value, str) and not looks_numeric(value):
        return " ".join(value.split())
    return exact(value, argument="Baseline(value)")


def _year(value: object, argument: str) -> int:
    if type(value) is not int:
        raise InvalidTargetTypeError(
            f"{argument} must be a year as an int such as 2025, got {value!r}"
        )
    if not 1000 <= value <= 9999:
        raise InvalidTargetError(
            f"{argument} must be a four-digit year such as 2025, got {value!r}"
        )
    return value


def _baseline_year(value: object) -> int:
    return _year(value, "Baseline(year)")


def _baseline_unit(value: object) -> str | None:
    return units.canonical(value, argument="Baseline(unit)")  # type: ignore[arg-type]


@attrs.frozen(repr=False)
class Baseline:
    """The value an indicator started from, in a year: what progress is measured against.

    ``value`` is in the indicator's unit unless ``unit`` says otherwise (a
    rating level for a rated indicator).
    """

    value: Exact | str = attrs.field(converter=_baseline_value)
    year: int = attrs.field(converter=_baseline_year)
    unit: str | None = attrs.field(default=None, converter=_baseline_unit)

    def __repr__(self) -> str:
        value = repr(self.value) if isinstance(self.value, str) else as_repr(self.value)
        unit = "" if self.unit is None else f", unit={self.unit!r}"
        return f"Baseline({value}, {self.year}{unit})"


def _baseline(value: object) -> Baseline | None:
    if value is None or isinstance(value, Baseline):
        return value
    if isinstance(value, tuple) and len(value) in (2, 3):
        return Baseline(*value)
    raise InvalidTargetTypeError(
        f"Target(baseline) must be a Baseline(value, year) or a (value, year) pair, got {value!r}"
    )


def _due(value: object) -> int | date | None:
    if value is None or type(value) is date:
        return value
    if type(value) is int:
        return _year(value, "Target(due)")
    raise InvalidTargetTypeError(
        f"Target(due) must be a year (int) such as 2025, due at its end, or a datetime.date, "
        f"got {value!r}"
    )


def _term(value: object) -> tuple[int, int] | None:
    if value is None:
        return None
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise InvalidTargetTypeError(
            f"term must be a pair (first year, last year), both included, such as (2020, 2025), "
            f"got {value!r}"
        )
    first, last = _year(value[0], "term[0]"), _year(value[1], "term[1]")
    if first > last:
        raise InvalidTargetError(
            f"term=({first}, {last}): the first year is after the last; did you mean "
            f"({last}, {first})?"
        )
    return (first, last)


COMBINES = ("each", "total", "mean", "latest")
GROWTHS = ("yoy", "mean", "cagr")


def _choice(value: object, options: tuple[str, ...], argument: str) -> str | None:
    if value is None or value in options:
        return value
    import difflib

    near = difflib.get_close_matches(str(value), options, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else ""
    raise InvalidTargetError(
        f"{argument} must be one of {', '.join(map(repr, options))} or None, got {value!r}{hint}"
    )


def _per(value: object) -> str | None:
    return _choice(value, ("year",), "Target(per)")


def _combine(value: object) -> str | None:
    return _choice(value, COMBINES, "Target(combine)")


def _growth(value: object) -> str | None:
    return _choice(value, GROWTHS, "Target(growth)")


def _across(value: object) -> Across | None:
    if value is None or isinstance(value, Across):
        return value
    if value in ("all", "any"):
        return Across(Quantifier(value))
    raise InvalidTargetError(
        f"Target(across) must be 'all', 'any', at_least_count(k) or at_least_share(p), "
        f"got {value!r}"
    )


@attrs.frozen(repr=False)
class Target:
    """An indicator, the rule it must meet, and when and over what it is judged.

    ``unit`` None means the indicator's unit; a different unit must measure
    the same thing (a target in ``tỷ đồng`` on an indicator kept in
    ``triệu đồng``). The target checks at once that the rule fits the
    indicator: its direction, its scale, its unit and its limits.

    Time and populations (see the explanation of how they combine):

    ``per="year"`` with ``combine``
        a yearly target over the years of ``term`` (first and last year both
        included; a Resolution's term when the target names none):
        ``"each"`` every due year must meet the rule, ``"total"`` the sum of
        the due years against the yearly figure times their number,
        ``"mean"`` their mean, ``"latest"`` the last due year.
    ``growth``
        the rule is on a growth rate in percent computed from yearly levels:
        ``"yoy"`` year-on-year growth of each year (combined by ``combine``),
        ``"mean"`` the mean of the yearly growth rates, ``"cagr"`` compound
        annual growth from the level before the first year (the
        ``baseline``, or the result for that year) to the last due year.
    ``due``
        a term target: not judged before the end of that year (or that
        date); until then its verdict is IN_PROGRESS with the attainment so
        far and, with a ``baseline``, a progress assessment.
    ``across``
        judged over units of observation (results with ``entity=``):
        ``"all"``, ``"any"``, :func:`at_least_count` or :func:`at_least_share`.

    The attributes after ``baseline`` are derived, for the engine:
    ``direction`` is the indicator's direction or, if it states none, the
    rule's implied one; ``sign`` is +1 (higher is better), -1 (lower is
    better) or 0 (on target); ``lo`` and ``hi`` are the bounds as compared
    (ranks for an ordinal rule; ``lo == hi`` for a one-bound rule).
    """

    indicator: Indicator = attrs.field(converter=_indicator)
    rule: Rule | Quota = attrs.field(converter=_rule)
    unit: str | None = attrs.field(default=None, kw_only=True)
    label: str = attrs.field(default="", kw_only=True)
    per: str | None = attrs.field(default=None, kw_only=True, converter=_per)
    combine: str | None = attrs.field(default=None, kw_only=True, converter=_combine)
    due: int | date | None = attrs.field(default=None, kw_only=True, converter=_due)
    across: Across | None = attrs.field(default=None, kw_only=True, converter=_across)
    growth: str | None = attrs.field(default=None, kw_only=True, converter=_growth)
    term: tuple[int, int] | None = attrs.field(default=None, kw_only=True, converter=_term)
    baseline: Baseline | None = attrs.field(default=None, kw_only=True, converter=_baseline)
    direction: Direction = attrs.field(init=False, eq=False)
    sign: int = attrs.field(init=False, eq=False)
    lo: Any = attrs.field(init=False, eq=False)
    hi: Any = attrs.field(init=False, eq=False)
    _cross: tuple[int, int, int, int] = attrs.field(init=False, eq=False)
    """lo and hi as integer ratios (a_lo, b_lo, a_hi, b_hi), to judge fractions on integers."""
    simple: bool = attrs.field(init=False, eq=False)
    """True when the target is one value against one rule: no period, due date or units."""
    fast: bool = attrs.field(init=False, eq=False)
    """True when a plain number in the indicator's unit is judged with no conversion."""
    judge: Judge = attrs.field(init=False, eq=False)
    """The comparison that decides the status (see ``_judges``)."""
    quota_targets: tuple[Target, Target | None] | None = attrs.field(
        init=False, eq=False, default=None
    )
    """For a quota: the targets that pick the units at the level, and those it is a share of."""

    def __attrs_post_init__(self) -> None:
        self._check_timing()
        if isinstance(self.rule, Quota):
            self._check_quota(self.rule)
        else:
            self._check_rule(self.rule)
        simple = (
            self.per is None and self.due is None and self.across is None and self.growth is None
            and not isinstance(self.rule, Quota)
        )  # fmt: skip
        object.__setattr__(self, "simple", simple)
        fast = simple and self.indicator.scale is None and self.unit == self.indicator.unit
        object.__setattr__(self, "fast", fast)
        object.__setattr__(self, "judge", JUDGES[self.kind, self.direction])

    def _check_timing(self) -> None:
        name = f"indicator {self.indicator.key!r}"
        if not isinstance(self.label, str):
            raise InvalidTargetTypeError(f"Target(label) must be a str, got {self.label!r}")
        if self.combine is not None and self.per is None:
            raise InvalidTargetError(
                f"{name}: combine={self.combine!r} combines the periods of a yearly target; "
                "add per='year', or leave combine out"
            )
        if self.growth is not None and self.per is None:
            raise InvalidTargetError(
                f"{name}: growth={self.growth!r} is a rate per year computed from yearly levels; "
                "add per='year'"
            )
        if self.per is not None and self.combine is None and self.growth not in ("mean", "cagr"):
            raise InvalidTargetError(
                f"{name}: a yearly target must say how its years are judged: combine='each' "
                "(every year), 'total', 'mean' or 'latest'"
            )
        if self.growth in ("mean", "cagr") and self.combine is not None:
            raise InvalidTargetError(
                f"{name}: growth={self.growth!r} already makes one rate of the years; "
                f"leave combine={self.combine!r} out"
            )
        if self.growth is not None and self.indicator.scale is not None:
            raise InvalidTargetError(f"{name} is rated on a scale: ratings have no growth rate")
        if self.combine in ("total", "mean") and self.indicator.scale is not None:
            raise InvalidTargetError(
                f"{name} is rated on a scale: ratings have no {self.combine}; use "
                "combine='each' (every year) or 'latest'"
            )
        if self.growth is not None and self.term is not None:
            first, last = self.term
            if first == last and (self.baseline is None or self.baseline.year != first - 1):
                raise InvalidTargetError(
                    f"{name}: a growth rate needs two years, but the term is {first} alone; "
                    f"give baseline=Baseline(level, {first - 1}) or a longer term"
                )
        if self.growth is not None and self.combine == "total":
            raise InvalidTargetError(
                f"{name}: growth rates do not add up; use combine='each', 'mean' or 'latest'"
            )
        if self.combine == "total" and units.is_share(self.unit or self.indicator.unit):
            raise InvalidTargetError(
                f"{name}: the total of yearly percentages means nothing; use combine='mean' "
                "or 'each', or give the yearly counts"
            )
        if isinstance(self.rule, Quota) and (self.across is not None or self.per is not None):
            raise InvalidTargetError(
                f"{name}: a quota already counts the units; leave across and per out"
            )

    def _check_quota(self, rule: Quota) -> None:
        level = Target(self.indicator, rule.level)  # raises if the rule does not fit
        of = None if rule.of is None else Target(self.indicator, rule.of)
        object.__setattr__(self, "quota_targets", (level, of))
        object.__setattr__(self, "unit", None)
        object.__setattr__(self, "direction", Direction.LOWER_IS_BETTER)
        object.__setattr__(self, "sign", -1)
        object.__setattr__(self, "lo", rule.at_most)
        object.__setattr__(self, "hi", rule.at_most)
        object.__setattr__(self, "_cross", (*rule.at_most.as_integer_ratio(),) * 2)

    def _check_rule(self, rule: Rule) -> None:
        indicator = self.indicator
        lo_value: Exact
        hi_value: Exact
        name = f"indicator {indicator.key!r}"

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
            arguments = ("lo", "hi") if rule.kind is Kind.BETWEEN else ("value",)
            ranks = [
                indicator.scale.rank(str(bound), argument=f"{rule.kind.value}({argument})")
                for bound, argument in zip(rule.bounds, arguments, strict=True)
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
            if self.growth is not None:
                if self.unit not in (None, "percent", "%"):
                    raise UnitError(
                        f"{name}: a growth target's bounds are rates in percent, "
                        f"got unit={self.unit!r}; leave unit out"
                    )
                unit = "percent"
            else:
                unit = (
                    indicator.unit
                    if self.unit is None
                    else units.canonical(self.unit, argument="Target(unit)")
                )
            if self.growth is not None:
                to_indicator = None
            elif unit != indicator.unit:
                try:
                    to_indicator = units.factor(unit, indicator.unit)
                except UnitError as exc:
                    raise UnitError(f"{name}, Target(unit={unit!r}): {exc}") from None
            else:
                to_indicator = None
            numbers: list[Exact] = [b for b in rule.bounds if not isinstance(b, str)]
            for bound in numbers if self.growth is None else ():
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

    def convert(self, value: Exact, unit: str | None) -> Exact:
        """*value* (already exact) in *unit*, converted to the target's unit: unchecked."""
        if unit == self.unit:
            return value
        try:
            factor = units.factor(unit, self.unit)
        except UnitError as exc:
            raise UnitError(f"indicator {self.indicator.key!r}: {exc}") from None
        return mul(value, factor)

    def in_unit(self, value: NumberLike, unit: str | None) -> Exact:
        """*value* given in *unit*, converted exactly to the target's unit.

        >>> from resolmetrics import Indicator, Target, at_least
        >>> Target(Indicator("revenue", unit="tỷ đồng"), at_least(25_000)).in_unit(
        ...     26_150_000, "triệu đồng")
        Decimal('26150')
        """
        number = exact(value, argument="Target.in_unit(value)")
        if unit is not None:
            unit = units.canonical(unit, argument="Target.in_unit(unit)")
        return self.convert(number, unit)

    @property
    def kind(self) -> Kind:
        """The rule's kind; a quota is a cap, so ``Kind.AT_MOST``."""
        return self.rule.kind if isinstance(self.rule, Rule) else Kind.AT_MOST

    @property
    def due_date(self) -> date | None:
        """The day the target falls due: ``due`` itself, or the last day of the ``due`` year."""
        if self.due is None or isinstance(self.due, date):
            return self.due
        return date(self.due, 12, 31)

    def __repr__(self) -> str:
        parts = [repr(self.indicator), repr(self.rule)]
        if self.unit != self.indicator.unit and self.growth is None:
            parts.append(f"unit={self.unit!r}")
        for name in ("label", "per", "combine", "due", "across", "growth", "term", "baseline"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}={value!r}")
        return f"Target({', '.join(parts)})"
