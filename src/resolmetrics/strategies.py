"""Hypothesis strategies for resolmetrics' values: guard your own rules with property tests.

This module is public but not imported by ``import resolmetrics``: importing
it imports Hypothesis, which only tests need.

>>> import resolmetrics as rm
>>> from hypothesis import given, settings, strategies as st
>>> from resolmetrics.strategies import results, targets
>>> @settings(max_examples=20, deadline=None)
... @given(st.data())
... def test_a_result_never_gives_no_data(data):
...     target = data.draw(targets())
...     result = data.draw(results(target))
...     assert rm.evaluate(target, result).status is not rm.Status.NO_DATA
>>> test_a_result_never_gives_no_data()

Every strategy validates its arguments when it is called, not when it is
first drawn from: a bad argument raises :class:`~resolmetrics.InvalidTargetError`
(a :class:`ValueError`) or :class:`~resolmetrics.InvalidTargetTypeError` (a
:class:`TypeError`) that names the argument, shows the value and says how to
fix it. Options are keyword-only. Every object drawn is valid by
construction: a drawn target fits its indicator, a drawn result fits its
target, so nothing is filtered away.

- :func:`exact_numbers`: decimals (and optionally fractions) as resolmetrics
  keeps them;
- :func:`indicators`: shares in percent (limits 0 to 100), plain counts,
  money in triệu or tỷ đồng, counts of members, and ratings on
  :data:`~resolmetrics.PARTY_QUALITY`;
- :func:`rules`: rules that fit an indicator's direction, scale and limits;
- :func:`targets`: valid targets, some with their bounds in another unit of
  the same kind (a target in tỷ đồng on an indicator kept in triệu đồng),
  and with ``due=True`` a due date and sometimes a baseline;
- :func:`results`: results for one target, mostly *on and next to its
  bounds* (the bound, the bound plus or minus one step at its precision or
  one unit in the last place of a 16-, 17-, 28-, 29-, 30- or 34-digit decimal,
  exact shares such as ``Result.ratio(5, 8)`` landing on 62.5 %), sometimes
  anywhere within the indicator's limits, and in any unit of the same kind.

Over years, units of observation and whole resolutions:

- :func:`yearly_targets`: ``per="year"`` targets combined ``"each"``,
  ``"total"``, ``"mean"`` or ``"latest"``, and growth targets (``"yoy"``,
  ``"mean"``, ``"cagr"``), with or without a term;
- :func:`yearly_results`: one result per year for a yearly target, on and
  next to the bounds year by year, with totals, mean rates and compound
  growth landing exactly on the bound or a hair beside it, optionally with
  years missing;
- :func:`population_targets` and :func:`quota_targets`: targets judged
  across units (``"all"``, ``"any"``, ``at_least_count(k)``,
  ``at_least_share(p)``) and quotas with a rounded cap;
- :func:`unit_results`: results with ``entity=`` for every unit, the number
  of units met landing on and next to what the target asks for, and units
  that tie on status and margin with different values;
- :func:`resolutions` and :func:`resolution_results`: resolutions with a
  term and groups mixing every kind of target, and results for all their
  keys (optionally with keys and years missing).

>>> from resolmetrics.strategies import yearly_results, yearly_targets
>>> @settings(max_examples=20, deadline=None)
... @given(st.data())
... def test_a_final_review_of_a_full_series_is_final(data):
...     target = data.draw(yearly_targets(terms=True))
...     series = data.draw(yearly_results(target))
...     assert rm.evaluate(target, series).status in (
...         rm.Status.EXCEEDED, rm.Status.ACHIEVED, rm.Status.NOT_ACHIEVED)
>>> test_a_final_review_of_a_full_series_is_final()
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Collection, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from . import units as _units
from .errors import InvalidTargetError, InvalidTargetTypeError, UnitError
from .indicators import PARTY_QUALITY, Direction, Indicator
from .numbers import MAX_EXPONENT, Exact, NumberLike, exact, normal
from .resolution import Group, Resolution
from .results import Result
from .rules import (
    Across,
    Bound,
    Kind,
    Quantifier,
    Quota,
    Rule,
    above,
    at_least,
    at_least_count,
    at_least_share,
    at_most,
    below,
    between,
    exactly,
    quota,
)
from .targets import COMBINES, GROWTHS, Baseline, Target

__all__ = [
    "exact_numbers",
    "indicators",
    "population_targets",
    "quota_targets",
    "resolution_results",
    "resolutions",
    "results",
    "rules",
    "targets",
    "unit_results",
    "yearly_results",
    "yearly_targets",
]

_T = TypeVar("_T")

_PERCENT = "percent"
_MONEY = ("triệu đồng", "tỷ đồng")
_DEFAULT_UNITS: tuple[str | None, ...] = (_PERCENT, None, "triệu đồng", "tỷ đồng", "member")
_SPAN = 10**12  # the reach of exact_numbers() on a side left unbounded
_RULE_SPAN = 10**6  # the reach of a drawn bound where the indicator has no limits
_RULE_PLACES = 3
_PRIMES = tuple(p for p in range(3, 98) if p != 5 and all(p % q for q in range(2, p)))
#: One unit in the last place of a decimal of this many digits: Python's default
#: decimal context (28) and just beyond it, decimal128 (34), and doubles (16, 17).
_ULP_DIGITS = (28, 29, 30, 34, 16, 17)
_FIRST_YEARS = (2000, 2030)  # the first year of a drawn term or span of years
_DUE_YEARS = (2000, 2035)  # the year a drawn target falls due
_MAX_SPAN = 6  # the most years in a drawn term or span
_RATES = (Fraction(-20), Fraction(30))  # the reach of a drawn growth bound, in percent
_ANY_RATES = (Fraction(-30), Fraction(50))  # the reach of a rate drawn anywhere

_KINDS_FOR: dict[Direction | None, tuple[Kind, ...]] = {
    None: tuple(Kind),
    Direction.HIGHER_IS_BETTER: (Kind.AT_LEAST, Kind.ABOVE, Kind.BETWEEN, Kind.EXACTLY),
    Direction.LOWER_IS_BETTER: (Kind.AT_MOST, Kind.BELOW, Kind.BETWEEN, Kind.EXACTLY),
    Direction.ON_TARGET: (Kind.BETWEEN, Kind.EXACTLY),
}
_FIX = {
    None: "any kind",
    Direction.HIGHER_IS_BETTER: "at_least, above, between or exactly",
    Direction.LOWER_IS_BETTER: "at_most, below, between or exactly",
    Direction.ON_TARGET: "between or exactly",
}

_FACTORIES = {
    Kind.AT_LEAST: at_least,
    Kind.ABOVE: above,
    Kind.AT_MOST: at_most,
    Kind.BELOW: below,
    Kind.EXACTLY: exactly,
}

_KEYS = st.one_of(
    st.sampled_from(("org_good", "admitted", "revenue", "poverty_rate", "committee", "budget")),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12),
)
_NAMES = st.one_of(
    st.just(""),
    st.sampled_from(
        (
            "Base organisations rated good+",
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
            "Kết nạp đảng viên mới",
            "Thu ngân sách",
            "Tỷ lệ hộ nghèo",
        )
    ),
    st.text(max_size=24),
)
_LABELS = st.one_of(st.just(""), st.sampled_from(("1", "3a", "Chỉ tiêu 2")), st.text(max_size=12))


# --------------------------------------------------------------------------- exact arithmetic


def _exponent(value: Fraction) -> int:
    """The decimal exponent of the leading digit of *value* (0 for zero)."""
    magnitude = abs(value)
    if not magnitude:
        return 0
    exponent = len(str(magnitude.numerator)) - len(str(magnitude.denominator))
    while Fraction(10) ** exponent > magnitude:
        exponent -= 1
    while Fraction(10) ** (exponent + 1) <= magnitude:
        exponent += 1
    return exponent


def _precision_step(bound: Exact, converted: Fraction) -> Fraction:
    """The smallest step at the precision *bound* is written with (in the result's unit)."""
    if isinstance(bound, Decimal) and converted == Fraction(bound):
        exponent = bound.as_tuple().exponent
        assert isinstance(exponent, int)
        return Fraction(10) ** exponent
    kept = normal(converted)
    if isinstance(kept, Decimal):
        exponent = kept.as_tuple().exponent
        assert isinstance(exponent, int)
        return Fraction(10) ** min(exponent, 0)
    return Fraction(1, kept.denominator)


def _first_places(lo: Fraction, hi: Fraction, places: int) -> int | None:
    """The fewest decimals (at most *places*) a number in ``[lo, hi]`` can have."""
    for k in range(places + 1):
        scale = 10**k
        if math.ceil(lo * scale) <= math.floor(hi * scale):
            return k
    return None


def _draw_number(
    draw: DrawFn, lo: Fraction, hi: Fraction, first: int, places: int, allow_fractions: bool
) -> Exact:
    if allow_fractions and draw(st.integers(0, 3)) == 3:
        denominator = draw(st.sampled_from(_PRIMES))
        low, high = math.ceil(lo * denominator), math.floor(hi * denominator)
        if low <= high:
            return normal(Fraction(draw(st.integers(low, high)), denominator))
    k = draw(st.integers(first, places))
    scale = 10**k
    n = draw(st.integers(math.ceil(lo * scale), math.floor(hi * scale)))
    return Decimal(f"{n}E-{k}")


def _named(name: str, function: Callable[..., _T]) -> Callable[..., SearchStrategy[_T]]:
    """``st.composite(function)``, shown in reprs under the public *name*."""
    function.__name__ = function.__qualname__ = name
    return st.composite(function)


# --------------------------------------------------------------------------- validation


def _flag(value: object, call: str, argument: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidTargetTypeError(
        f"{call}({argument}={value!r}): {argument} must be True, False or None "
        f"(the default), got a {type(value).__name__}"
    )


def _members(value: object, call: str, argument: str, example: str) -> tuple[Any, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Collection):
        raise InvalidTargetTypeError(
            f"{call}({argument}={value!r}): {argument} must be a collection such as "
            f"{example}, got a {type(value).__name__}"
        )
    members = tuple(value)
    if not members:
        raise InvalidTargetError(
            f"{call}({argument}={value!r}): {argument} must not be empty; give at least one, "
            f"such as {example}, or leave it out for the default"
        )
    return members


def _strategy(value: object, call: str, argument: str, example: str) -> None:
    if value is not None and not isinstance(value, SearchStrategy):
        raise InvalidTargetTypeError(
            f"{call}({argument}={value!r}): {argument} must be a Hypothesis strategy such as "
            f"{example}, or None; wrap a single value as hypothesis.strategies.just(value)"
        )


def _unit_names(value: object, call: str) -> tuple[str | None, ...]:
    names: list[str | None] = []
    for unit in _members(value, call, "units", "['percent', 'tỷ đồng', None]"):
        try:
            name = _units.canonical(unit, argument="unit")
        except UnitError as exc:
            raise InvalidTargetError(f"{call}(units={value!r}): {exc}") from None
        if name not in names:
            names.append(name)
    return tuple(names)


def _directions(value: object) -> tuple[Direction | None, ...]:
    chosen: list[Direction | None] = []
    for item in _members(value, "indicators", "directions", "[Direction.HIGHER_IS_BETTER]"):
        if item is None or isinstance(item, Direction):
            direction = item
        else:
            try:
                direction = Direction(item)
            except ValueError:
                raise InvalidTargetError(
                    f"indicators(directions={value!r}): {item!r} is not a direction; give "
                    f"members of Direction ({', '.join(d.name for d in Direction)}) or None "
                    "(the direction implied by the rule)"
                ) from None
        if direction not in chosen:
            chosen.append(direction)
    return tuple(chosen)


def _kinds(value: object, call: str) -> tuple[Kind, ...]:
    chosen: list[Kind] = []
    for item in _members(value, call, "kinds", "[Kind.AT_LEAST, Kind.BETWEEN]"):
        if isinstance(item, Kind):
            kind = item
        else:
            try:
                kind = Kind(item)
            except ValueError:
                words = [k.value for k in Kind]
                match = difflib.get_close_matches(str(item).replace(" ", "_"), words, n=1)
                hint = f"did you mean {match[0]!r}? " if match else ""
                raise InvalidTargetError(
                    f"{call}(kinds={value!r}): {item!r} is not a kind of rule; {hint}"
                    f"give members of Kind ({', '.join(words)})"
                ) from None
        if kind not in chosen:
            chosen.append(kind)
    return tuple(chosen)


def _fitting(kinds: tuple[Kind, ...], direction: Direction | None) -> tuple[Kind, ...]:
    return tuple(kind for kind in kinds if kind in _KINDS_FOR[direction])


# --------------------------------------------------------------------------- exact_numbers


def exact_numbers(
    *,
    min_value: NumberLike | None = None,
    max_value: NumberLike | None = None,
    places: int = 2,
    allow_fractions: bool = False,
) -> SearchStrategy[Exact]:
    """Exact numbers as resolmetrics keeps them: Decimals with at most *places* decimals.

    ``min_value`` and ``max_value`` (both included) take anything resolmetrics
    reads as a number (``95``, ``"93.1"``, ``Decimal``, ``Fraction``); a side
    left as None reaches 10**12 beyond the other side (or zero). Decimals
    keep the exponent they are drawn with, so ``95`` and ``Decimal("95.0")``
    both occur. With ``allow_fractions=True`` some values are Fractions with
    no finite decimal expansion (``Fraction(41, 71)``), as ratios are kept.

    >>> from hypothesis import given
    >>> @given(exact_numbers(min_value=0, max_value=100, places=1))
    ... def test_shares(value):
    ...     assert 0 <= value <= 100 and value == round(value, 1)
    >>> test_shares()
    """
    lo = None if min_value is None else exact(min_value, argument="exact_numbers(min_value)")
    hi = None if max_value is None else exact(max_value, argument="exact_numbers(max_value)")
    if type(places) is not int:
        raise InvalidTargetTypeError(
            f"exact_numbers(places={places!r}): places must be an int number of decimals such as 2"
        )
    if not 0 <= places <= MAX_EXPONENT // 2:
        raise InvalidTargetError(
            f"exact_numbers(places={places!r}): places must be between 0 and {MAX_EXPONENT // 2}"
        )
    if not isinstance(allow_fractions, bool):
        raise InvalidTargetTypeError(
            f"exact_numbers(allow_fractions={allow_fractions!r}): allow_fractions must be "
            f"True or False, got a {type(allow_fractions).__name__}"
        )
    if lo is not None and hi is not None and lo > hi:
        raise InvalidTargetError(
            f"exact_numbers(min_value={min_value!r}, max_value={max_value!r}): min_value must "
            f"not be greater than max_value; did you mean exact_numbers(min_value="
            f"{max_value!r}, max_value={min_value!r})?"
        )
    low, high = _number_range(lo, hi)
    if _first_places(low, high, places) is None:
        raise InvalidTargetError(
            f"exact_numbers(min_value={min_value!r}, max_value={max_value!r}, places={places}): "
            f"no number with at most {places} decimals lies in this range; raise places or "
            "widen the range"
        )
    return _exact_numbers(
        min_value=lo, max_value=hi, places=places, allow_fractions=allow_fractions
    )


def _number_range(lo: Exact | None, hi: Exact | None) -> tuple[Fraction, Fraction]:
    low = Fraction(lo) if lo is not None else min(Fraction(0), Fraction(hi or 0)) - _SPAN
    high = Fraction(hi) if hi is not None else max(Fraction(0), low) + _SPAN
    return low, high


def _draw_exact_numbers(
    draw: DrawFn,
    *,
    min_value: Exact | None,
    max_value: Exact | None,
    places: int,
    allow_fractions: bool,
) -> Exact:
    low, high = _number_range(min_value, max_value)
    first = _first_places(low, high, places)
    assert first is not None
    return _draw_number(draw, low, high, first, places, allow_fractions)


_exact_numbers = _named("exact_numbers", _draw_exact_numbers)


# --------------------------------------------------------------------------- indicators


def indicators(
    *,
    units: Collection[str | None] | None = None,
    directions: Collection[Direction | str | None] | None = None,
    ordinal: bool | None = None,
    limits: bool | None = None,
) -> SearchStrategy[Indicator]:
    """Indicators: numeric ones in *units*, and ones rated on PARTY_QUALITY.

    ``units`` is the collection of units to draw from (None in it is a plain
    count); by default ``percent``, a plain count, ``triệu đồng``,
    ``tỷ đồng`` and ``member``. ``directions`` is the collection of
    directions to draw from; None in it leaves the direction to be implied
    by the rule (the default draws None and every Direction). ``ordinal``
    True draws only rated indicators, False only numeric ones; None draws
    both, or only numeric ones when ``units`` is given.
    ``limits`` False draws no limits at all (use it where negative values are
    needed); True gives every numeric indicator its natural limits (0 to 100
    for a percentage, 0 to 1000 for per mille, at least 0 otherwise); None
    gives shares their limits and other units limits or none.

    >>> from hypothesis import given
    >>> @given(indicators(units=["percent"]))
    ... def test_shares(indicator):
    ...     assert indicator.unit == "percent" and indicator.limits == (0, 100)
    >>> test_shares()
    """
    ordinal = _flag(ordinal, "indicators", "ordinal")
    limits = _flag(limits, "indicators", "limits")
    if ordinal and units is not None:
        raise InvalidTargetError(
            f"indicators(units={units!r}, ordinal=True): a rated indicator has no unit; "
            "leave units out to draw rated indicators, or leave ordinal out to draw numeric "
            "ones in these units"
        )
    if ordinal and limits:
        raise InvalidTargetError(
            "indicators(ordinal=True, limits=True): a rated indicator has no limits; "
            "leave limits out"
        )
    names = _DEFAULT_UNITS if units is None else _unit_names(units, "indicators")
    if ordinal is None and units is not None:
        ordinal = False
    shares = tuple(_units.is_share(name) for name in names)
    chosen = (None, *Direction) if directions is None else _directions(directions)
    return _indicators(
        units=names, directions=chosen, ordinal=ordinal, limits=limits, shares=shares
    )


def _draw_indicators(
    draw: DrawFn,
    *,
    units: tuple[str | None, ...],
    directions: tuple[Direction | None, ...],
    ordinal: bool | None,
    limits: bool | None,
    shares: tuple[bool, ...],
) -> Indicator:
    key, name = draw(_KEYS), draw(_NAMES)
    direction = draw(st.sampled_from(directions))
    rated = ordinal if ordinal is not None else draw(st.integers(0, 4)) == 4
    if rated:
        return Indicator(key, name=name, direction=direction, scale=PARTY_QUALITY)
    index = draw(st.integers(0, len(units) - 1))
    unit, share = units[index], shares[index]
    bounds: tuple[int | None, int | None] | None = None
    if limits is not False:
        if share:
            bounds = (0, 1000 if unit == "permille" else 100)
        elif limits is True or draw(st.booleans()):
            bounds = (0, None)
    return Indicator(key, name=name, unit=unit, direction=direction, limits=bounds)


_indicators = _named("indicators", _draw_indicators)


# --------------------------------------------------------------------------- rules


def rules(
    *, indicator: Indicator | None = None, kinds: Collection[Kind | str] | None = None
) -> SearchStrategy[Rule]:
    """Rules of the given *kinds*, fitting *indicator* when one is given.

    With an indicator, only kinds its direction allows are drawn (``at_least``
    and ``above`` need higher-is-better or no direction; ``between`` and
    ``exactly`` fit any), bounds lie within its limits, in its unit, and a
    rated indicator gets levels of its scale. Without one, the bounds are
    numbers within a million either side of zero, or PARTY_QUALITY levels.
    ``kinds`` is the collection of kinds to draw from (default: every kind
    that fits); it is an error if none of them fits the indicator.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> poverty = rm.Indicator("poverty", unit="percent", limits=(0, 100),
    ...                        direction=rm.Direction.LOWER_IS_BETTER)
    >>> @given(rules(indicator=poverty))
    ... def test_fits(rule):
    ...     assert rm.Target(poverty, rule).sign == -1
    >>> test_fits()
    """
    if indicator is not None and not isinstance(indicator, Indicator):
        raise InvalidTargetTypeError(
            f"rules(indicator={indicator!r}): indicator must be an Indicator such as "
            "Indicator('org_good', unit='percent'), or None; to draw rules for drawn "
            "indicators use targets(indicators=...)"
        )
    chosen = tuple(Kind) if kinds is None else _kinds(kinds, "rules")
    direction = None if indicator is None else indicator.direction
    fitting = _fitting(chosen, direction)
    if not fitting:
        assert direction is not None
        raise InvalidTargetError(
            f"rules(indicator={indicator!r}, kinds={kinds!r}): no kind given fits an "
            f"indicator that is {direction.value.replace('_', ' ')}; use {_FIX[direction]}, "
            "or leave kinds out"
        )
    return _rules(indicator=indicator, kinds=fitting)


def _rule_range(indicator: Indicator | None) -> tuple[Fraction, Fraction]:
    lo: Fraction | None = None
    hi: Fraction | None = None
    if indicator is not None and indicator.limits is not None:
        lo = None if indicator.limits[0] is None else Fraction(indicator.limits[0])
        hi = None if indicator.limits[1] is None else Fraction(indicator.limits[1])
    if lo is None and hi is None:
        return Fraction(-_RULE_SPAN), Fraction(_RULE_SPAN)
    if lo is None:
        assert hi is not None
        return hi - _RULE_SPAN, hi
    if hi is None:
        return lo, lo + _RULE_SPAN
    return lo, hi


def _draw_rule(draw: DrawFn, indicator: Indicator | None, kinds: tuple[Kind, ...]) -> Rule:
    kind = draw(st.sampled_from(kinds))
    count = 2 if kind is Kind.BETWEEN else 1
    scale = None if indicator is None else indicator.scale
    if scale is None and indicator is None and draw(st.integers(0, 4)) == 4:
        scale = PARTY_QUALITY
    bounds: list[Bound]
    if scale is not None:
        ranks = sorted(draw(st.integers(0, len(scale.levels) - 1)) for _ in range(count))
        bounds = [scale.levels[rank].code for rank in ranks]
    else:
        lo, hi = _rule_range(indicator)
        first = _first_places(lo, hi, _RULE_PLACES)
        if first is None:  # limits narrower than a thousandth: a bound on a limit
            bounds = [normal(lo)] * count
        else:
            numbers = [_draw_number(draw, lo, hi, first, _RULE_PLACES, True) for _ in range(count)]
            bounds = sorted(numbers, key=lambda number: Fraction(number))
    return _rule(kind, bounds)


def _rule(kind: Kind, bounds: Sequence[Bound]) -> Rule:
    """The rule built by its public factory, as a user would build it."""
    if kind is Kind.BETWEEN:
        return between(*bounds)
    return _FACTORIES[kind](bounds[0])


def _draw_rules(draw: DrawFn, *, indicator: Indicator | None, kinds: tuple[Kind, ...]) -> Rule:
    return _draw_rule(draw, indicator, kinds)


_rules = _named("rules", _draw_rules)


# --------------------------------------------------------------------------- targets


def targets(
    *,
    indicators: SearchStrategy[Indicator] | None = None,
    rules: SearchStrategy[Rule] | None = None,
    kinds: Collection[Kind | str] | None = None,
    due: bool | None = False,
) -> SearchStrategy[Target]:
    """Valid targets: an indicator, a rule that fits it, and the unit of its bounds.

    ``indicators`` is a strategy for the indicators (default:
    ``indicators()``); ``rules`` a strategy for the rules. Given only
    ``indicators``, each rule is drawn to fit its indicator, of one of the
    *kinds* (default: any that fits). Given only ``rules``, an indicator is
    made to fit each rule. Given both, pairs that do not fit are rejected:
    keep them compatible (for instance indicators without direction or
    limits), or Hypothesis reports a health-check failure. ``kinds`` applies
    only to rules drawn here, not with ``rules``; where it is given without
    ``indicators``, only indicators some of the kinds fit are drawn.

    A target on money may state its bounds in the other unit: a target in
    ``tỷ đồng`` on an indicator kept in ``triệu đồng``, and the reverse.

    ``due`` True gives every target a due date (a year from 2000 to 2035,
    sometimes a day within it such as 30 June) and, half the time, a
    ``Baseline`` a few years before it, drawn like a result; None gives a
    due date to some targets; False (the default) to none.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(targets(kinds=[rm.Kind.BETWEEN]))
    ... def test_ranges(target):
    ...     assert target.rule.kind is rm.Kind.BETWEEN
    >>> test_ranges()
    """
    due = _flag(due, "targets", "due")
    _strategy(indicators, "targets", "indicators", "indicators(units=['percent'])")
    _strategy(rules, "targets", "rules", "rules(kinds=[Kind.AT_LEAST])")
    chosen: tuple[Kind, ...] | None = None
    if kinds is not None:
        if rules is not None:
            raise InvalidTargetError(
                f"targets(rules=..., kinds={kinds!r}): kinds applies to the rules drawn when "
                "rules is left out; give the kinds to your rules strategy instead, e.g. "
                "rules(kinds=...)"
            )
        chosen = _kinds(kinds, "targets")
        if indicators is None:
            directions = tuple(d for d in (None, *Direction) if _fitting(chosen, d))
            indicators = _indicators(
                units=_DEFAULT_UNITS,
                directions=directions,
                ordinal=None,
                limits=None,
                shares=tuple(_units.is_share(u) for u in _DEFAULT_UNITS),
            )
    return _targets(indicators=indicators, rules=rules, kinds=chosen, due=due)


def _indicator_for(draw: DrawFn, rule: Rule) -> Indicator:
    key, name = draw(_KEYS), draw(_NAMES)
    directions = [d for d in (None, *Direction) if rule.kind in _KINDS_FOR[d]]
    direction = draw(st.sampled_from(directions))
    if rule.is_ordinal:
        missing = [b for b in rule.bounds if b not in PARTY_QUALITY]
        if missing:
            raise InvalidTargetError(
                f"targets(rules=...) drew {rule!r}, whose level {missing[0]!r} is not on "
                "PARTY_QUALITY; pass indicators= too, with indicators on your scale"
            )
        return Indicator(key, name=name, direction=direction, scale=PARTY_QUALITY)
    unit = draw(st.sampled_from(_DEFAULT_UNITS))
    numbers = [Fraction(b) for b in rule.bounds if not isinstance(b, str)]
    limits: tuple[int | None, int | None] | None = None
    if unit == _PERCENT:
        if all(0 <= b <= 100 for b in numbers):
            limits = (0, 100)
    elif all(b >= 0 for b in numbers) and draw(st.booleans()):
        limits = (0, None)
    return Indicator(key, name=name, unit=unit, direction=direction, limits=limits)


def _draw_targets(
    draw: DrawFn,
    *,
    indicators: SearchStrategy[Indicator] | None,
    rules: SearchStrategy[Rule] | None,
    kinds: tuple[Kind, ...] | None,
    due: bool | None = False,
) -> Target:
    indicator: Indicator
    if rules is None:
        indicator = draw(_DEFAULT_INDICATORS if indicators is None else indicators)
        fitting = _fitting(tuple(Kind) if kinds is None else kinds, indicator.direction)
        if not fitting:
            reject()  # kinds and indicators given together, and this indicator fits none
        rule = _draw_rule(draw, indicator, fitting)
    elif indicators is None:
        rule = draw(rules)
        indicator = _indicator_for(draw, rule)
    else:
        indicator, rule = draw(indicators), draw(rules)
        try:
            Target(indicator, rule)
        except (InvalidTargetError, UnitError):
            reject()
    rule, unit = _in_some_unit(draw, indicator, rule)
    target = Target(indicator, rule, unit=unit, label=draw(_LABELS))
    if due is None:
        due = draw(st.booleans())
    return _with_due(draw, target) if due else target


def _in_some_unit(draw: DrawFn, indicator: Indicator, rule: Rule) -> tuple[Rule, str | None]:
    """*rule* with its bounds in the indicator's unit, or for money in the other unit."""
    unit = indicator.unit
    if unit in _MONEY and draw(st.booleans()):
        unit = _MONEY[1 - _MONEY.index(unit)]
        factor = Fraction(_units.factor(indicator.unit, unit))
        rule = _rule(rule.kind, [normal(Fraction(b) * factor) for b in rule.bounds])
    return rule, None if unit == indicator.unit else unit


def _with_due(
    draw: DrawFn, target: Target, year: int | None = None, since: int | None = None
) -> Target:
    """*target* due at the end of *year* (or a day within it), sometimes with a baseline.

    The baseline is in the year *since* or the year before, when given; else one to
    five years before the due year.
    """
    if year is None:
        year = draw(st.integers(*_DUE_YEARS))
    due: int | date = year
    if draw(st.integers(0, 3)) == 0:
        month, day = draw(st.sampled_from(((6, 30), (12, 31), (1, 1), (9, 30))))
        due = date(year, month, day)
    baseline = None
    if draw(st.booleans()):
        if since is None:
            since = year - draw(st.integers(1, 5))
        else:
            since -= draw(st.integers(0, 1))
        if target.indicator.scale is not None:
            baseline = Baseline(_draw_level(draw, target).value, since)
        else:
            start = _draw_results(draw, target, units=_default_units(target))
            baseline = Baseline(start.value, since, start.unit)
    return attrs.evolve(target, due=due, baseline=baseline)


_targets = _named("targets", _draw_targets)


_DEFAULT_INDICATORS = _indicators(
    units=_DEFAULT_UNITS,
    directions=(None, *Direction),
    ordinal=None,
    limits=None,
    shares=tuple(_units.is_share(u) for u in _DEFAULT_UNITS),
)


# --------------------------------------------------------------------------- results


def results(
    target: Target, *, units: Collection[str | None] | None = None
) -> SearchStrategy[Result]:
    """Results for *target*, mostly on and next to its bounds.

    Five draws in six are at a bound (either bound of a range): the bound
    itself; the bound plus or minus the smallest step at the precision it is
    written with (95.5 -> 95.4, 95.6); the bound plus or minus one unit in
    the last place of a 16-, 17-, 28-, 29-, 30- or 34-digit decimal (where
    floats, Python's default decimal context and decimal128 round); and, for
    a share given in percent, an exact ``Result.ratio(n, d)`` whose percent
    is the bound or its neighbour ``(n ± 1) / d``. The rest lie anywhere
    within the indicator's limits. A rated target gets levels of its scale:
    the bound's level, the next one up or down, or any, by code or by name.

    ``units`` is the collection of units the value may be written in, each
    of the same kind as the target's (None in it leaves the unit out: the
    indicator's unit). By default: no unit, the target's and the
    indicator's unit, and for money both triệu đồng and tỷ đồng, so a test
    can check that the unit a figure is written in does not change its
    verdict. Every result drawn is within the indicator's limits.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> share = rm.Indicator("org_good", unit="percent", limits=(0, 100))
    >>> target = rm.Target(share, rm.at_least(90))
    >>> @given(results(target))
    ... def test_at_least_is_inclusive(result):
    ...     verdict = rm.evaluate(target, result)
    ...     assert verdict.met == (verdict.actual >= 90)
    >>> test_at_least_is_inclusive()
    """
    if not isinstance(target, Target):
        raise InvalidTargetTypeError(
            f"results(target={target!r}): target must be a Target such as "
            "Target(indicator, at_least(95)); to draw results for drawn targets, use "
            "targets().flatmap(results) or hypothesis.strategies.data()"
        )
    indicator = target.indicator
    if indicator.scale is not None:
        given = () if units is None else _members(units, "results", "units", "[None]")
        if any(unit is not None for unit in given):
            raise InvalidTargetError(
                f"results({target!r}, units={units!r}): the target is on a rated indicator, "
                "whose results have no unit; leave units out"
            )
        return _results(target, units=(None,))
    if units is None:
        names = _default_units(target)
    else:
        names = _unit_names(units, "results")
        for name in names:
            try:
                _units.factor(indicator.unit if name is None else name, target.unit)
            except UnitError as exc:
                raise InvalidTargetError(
                    f"results({target!r}, units={units!r}): {name!r} cannot give a result "
                    f"for this target: {exc}"
                ) from None
    return _results(target, units=names)


def _default_units(target: Target) -> tuple[str | None, ...]:
    """No unit, the target's and the indicator's unit, and both units of money."""
    if target.indicator.scale is not None:
        return (None,)
    choices: list[str | None] = [None]
    for unit in (target.unit, target.indicator.unit):
        if unit is not None and unit not in choices:
            choices.append(unit)
    if target.unit in _MONEY or target.indicator.unit in _MONEY:
        choices += [unit for unit in _MONEY if unit not in choices]
    return tuple(choices)


def _clamp(value: Fraction, lo: Fraction | None, hi: Fraction | None) -> Fraction:
    if lo is not None and value < lo:
        return lo
    if hi is not None and value > hi:
        return hi
    return value


def _draw_level(draw: DrawFn, target: Target) -> Result:
    scale = target.indicator.scale
    assert scale is not None
    ranks = (int(target.lo), int(target.hi))
    how = draw(st.sampled_from(("bound", "next", "any")))
    if how == "any":
        rank = draw(st.integers(0, len(scale.levels) - 1))
    else:
        rank = draw(st.sampled_from(ranks))
        if how == "next":
            rank = min(max(rank + draw(st.sampled_from((-1, 1))), 0), len(scale.levels) - 1)
    level = scale.levels[rank]
    return Result(draw(st.sampled_from([w for w in (level.code, level.vi, level.en) if w])))


def _draw_results(draw: DrawFn, target: Target, *, units: tuple[str | None, ...]) -> Result:
    if target.indicator.scale is not None:
        return _draw_level(draw, target)
    indicator = target.indicator
    unit = draw(st.sampled_from(units))
    written = indicator.unit if unit is None else unit
    to_result = Fraction(_units.factor(target.unit, written))
    from_indicator = Fraction(_units.factor(indicator.unit, written))
    lo_limit = hi_limit = None
    if indicator.limits is not None:
        if indicator.limits[0] is not None:
            lo_limit = Fraction(indicator.limits[0]) * from_indicator
        if indicator.limits[1] is not None:
            hi_limit = Fraction(indicator.limits[1]) * from_indicator
    bound: Exact = draw(st.sampled_from((target.lo, target.hi)))
    at = Fraction(bound) * to_result
    how = draw(st.sampled_from(("bound", "step", "ulp", "ulp", "ratio", "any")))
    value = at
    if how == "step":
        value = at + draw(st.sampled_from((-1, 1))) * _precision_step(bound, at)
    elif how == "ulp":
        digits = draw(st.sampled_from(_ULP_DIGITS))
        exponent = _exponent(at) - digits + 1
        if exponent >= -MAX_EXPONENT:
            value = at + draw(st.sampled_from((-1, 1))) * Fraction(10) ** exponent
    elif how == "ratio" and written == _PERCENT and unit == _PERCENT and at >= 0:
        share = at / 100
        times = draw(st.integers(1, 20))
        numerator = share.numerator * times + draw(st.sampled_from((0, -1, 1)))
        denominator = share.denominator * times
        percent = Fraction(100 * numerator, denominator)
        if numerator >= 0 and _clamp(percent, lo_limit, hi_limit) == percent:
            return Result.ratio(numerator, denominator)
    elif how == "any":
        spread = max(abs(Fraction(target.lo)), abs(Fraction(target.hi)), Fraction(1)) * to_result
        low = lo_limit if lo_limit is not None else min(at, Fraction(target.lo) * to_result)
        high = hi_limit if hi_limit is not None else max(at, Fraction(target.hi) * to_result)
        if lo_limit is None:
            low -= spread
        if hi_limit is None:
            high += spread
        first = _first_places(low, high, 6)
        if first is not None:
            value = Fraction(_draw_number(draw, low, high, first, max(first, 2), True))
    return Result(normal(_clamp(value, lo_limit, hi_limit)), unit)


_results = _named("results", _draw_results)


# --------------------------------------------------------------------------- time: yearly targets

_GROWTH_INDICATORS = _indicators(
    units=(None, "triệu đồng", "tỷ đồng", "member"),
    directions=(None, *Direction),
    ordinal=False,
    limits=None,
    shares=(False, False, False, False),
)
_LEVEL_UNITS = (None, "triệu đồng", "tỷ đồng", "member")


def _words(
    value: object,
    call: str,
    argument: str,
    options: tuple[str, ...],
    example: str,
    *,
    none: bool = False,
) -> tuple[Any, ...]:
    """The members of *value*, each one of *options* (or None where *none*), deduplicated."""
    chosen: list[str | None] = []
    for item in _members(value, call, argument, example):
        if item is None and none:
            word: str | None = None
        elif isinstance(item, str) and str(item) in options:
            word = str(item)
        else:
            match = difflib.get_close_matches(str(item), options, n=1)
            hint = f"; did you mean {match[0]!r}?" if match else ""
            allowed = ", ".join(map(repr, options)) + (", or None" if none else "")
            raise InvalidTargetError(
                f"{call}({argument}={value!r}): {item!r} is not one of {allowed}{hint}"
            )
        if word not in chosen:
            chosen.append(word)
    return tuple(chosen)


def _boolean(value: object, call: str, argument: str) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidTargetTypeError(
        f"{call}({argument}={value!r}): {argument} must be True or False, "
        f"got a {type(value).__name__}"
    )


def _directions_for(kinds: tuple[Kind, ...] | None) -> tuple[Direction | None, ...]:
    if kinds is None:
        return (None, *Direction)
    return tuple(d for d in (None, *Direction) if _fitting(kinds, d))


def yearly_targets(
    *,
    indicators: SearchStrategy[Indicator] | None = None,
    kinds: Collection[Kind | str] | None = None,
    combines: Collection[str] | None = None,
    growths: Collection[str | None] | None = None,
    terms: bool | None = None,
) -> SearchStrategy[Target]:
    """Valid yearly targets (``per="year"``): on yearly values, or on growth rates.

    ``combines`` is the collection of ways the years are combined to draw
    from (``"each"``, ``"total"``, ``"mean"``, ``"latest"``; default all);
    ``growths`` the collection of growths to draw from, None in it meaning a
    target on the yearly values themselves (default: None, ``"yoy"``,
    ``"mean"`` and ``"cagr"``). A rated indicator is only combined
    ``"each"`` or ``"latest"``, a share never ``"total"``, and a growth
    ``"yoy"`` never ``"total"``; growths ``"mean"`` and ``"cagr"`` take no
    combine. A growth target's rule is on a rate in percent, from -20 to 30
    (``between(4, 6)``: "tăng 4-6%/năm"), on an indicator of levels (a
    count, members or money) with no upper limit unless *indicators* says
    otherwise.

    ``indicators`` and ``kinds`` are as for :func:`targets`. ``terms`` True
    gives every target a ``term=(first, last)`` of one to six years starting
    between 2000 and 2030 (two years at least for a growth, whose first
    year is the base of the first rate, unless it has a ``Baseline`` in the
    year before, drawn a third of the time); False gives none (the years are
    then those of a Resolution's term, or those reported); None either.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(yearly_targets(combines=["total"], growths=[None]))
    ... def test_totals(target):
    ...     assert target.per == "year" and target.combine == "total"
    >>> test_totals()
    """
    call = "yearly_targets"
    _strategy(indicators, call, "indicators", "indicators(units=['member'])")
    chosen_kinds = None if kinds is None else _kinds(kinds, call)
    chosen = (
        COMBINES
        if combines is None
        else _words(combines, call, "combines", COMBINES, "['each', 'total']")
    )
    growth_options = (None, *GROWTHS)
    kinds_of_growth = (
        growth_options
        if growths is None
        else _words(growths, call, "growths", GROWTHS, "[None, 'yoy', 'cagr']", none=True)
    )
    terms = _flag(terms, call, "terms")
    if "yoy" in kinds_of_growth and set(chosen) <= {"total"}:
        kinds_of_growth = tuple(g for g in kinds_of_growth if g != "yoy")
        if not kinds_of_growth:
            raise InvalidTargetError(
                f"{call}(combines={combines!r}, growths={growths!r}): growth rates do not add "
                "up, so no 'yoy' target takes combine='total'; add 'each', 'mean' or 'latest' "
                "to combines, or None (targets on the yearly values) to growths"
            )
    levels = indicators
    if levels is None:
        directions = _directions_for(chosen_kinds)
        rated = any(c in ("each", "latest") for c in chosen)
        unit_names = _DEFAULT_UNITS if set(chosen) != {"total"} else _LEVEL_UNITS
        levels = _indicators(
            units=unit_names,
            directions=directions,
            ordinal=None if rated else False,
            limits=None,
            shares=tuple(_units.is_share(u) for u in unit_names),
        )
    rates = indicators
    if rates is None:
        rates = _indicators(
            units=_LEVEL_UNITS,
            directions=_directions_for(chosen_kinds),
            ordinal=False,
            limits=None,
            shares=(False,) * len(_LEVEL_UNITS),
        )
    return _yearly_targets(
        levels=levels, rates=rates, kinds=chosen_kinds, combines=chosen,
        growths=kinds_of_growth, terms=terms,
    )  # fmt: skip


def _combine_fits(indicator: Indicator, combine: str) -> bool:
    if indicator.scale is not None:
        return combine in ("each", "latest")
    return combine != "total" or not _units.is_share(indicator.unit)


def _draw_yearly_targets(
    draw: DrawFn,
    *,
    levels: SearchStrategy[Indicator],
    rates: SearchStrategy[Indicator],
    kinds: tuple[Kind, ...] | None,
    combines: tuple[str, ...],
    growths: tuple[str | None, ...],
    terms: bool | None,
) -> Target:
    growth = draw(st.sampled_from(growths))
    indicator = draw(levels if growth is None else rates)
    fitting = _fitting(tuple(Kind) if kinds is None else kinds, indicator.direction)
    if not fitting or (growth is not None and indicator.scale is not None):
        reject()  # indicators given that fit none of the kinds, or rated ones for a growth
    combine: str | None = None
    unit: str | None = None
    if growth is None:
        usable = [c for c in combines if _combine_fits(indicator, c)]
        if not usable:
            reject()  # e.g. a share or a rating, where only "total" is asked for
        combine = draw(st.sampled_from(usable))
        rule, unit = _in_some_unit(draw, indicator, _draw_rule(draw, indicator, fitting))
    else:
        if growth == "yoy":
            combine = draw(st.sampled_from([c for c in combines if c != "total"]))
        rule = _growth_rule(draw, fitting)
    if terms is None:
        terms = draw(st.booleans())
    term = baseline = None
    if terms:
        first = draw(st.integers(*_FIRST_YEARS))
        if growth is not None and draw(st.integers(0, 2)) == 0:
            baseline = Baseline(_draw_base_level(draw, indicator), first - 1)
        shortest = 2 if growth is not None and baseline is None else 1
        term = (first, first + draw(st.integers(shortest, _MAX_SPAN)) - 1)
    return Target(
        indicator, rule, unit=unit, label=draw(_LABELS), per="year", combine=combine,
        growth=growth, term=term, baseline=baseline,
    )  # fmt: skip


_yearly_targets = _named("yearly_targets", _draw_yearly_targets)


def _growth_rule(draw: DrawFn, kinds: tuple[Kind, ...]) -> Rule:
    kind = draw(st.sampled_from(kinds))
    count = 2 if kind is Kind.BETWEEN else 1
    numbers = [_draw_number(draw, *_RATES, 0, 2, False) for _ in range(count)]
    return _rule(kind, sorted(numbers, key=lambda number: Fraction(number)))


def _draw_base_level(draw: DrawFn, indicator: Indicator) -> Exact:
    """A positive level within the indicator's limits, in its unit."""
    high = Fraction(10**4)
    if indicator.limits is not None and indicator.limits[1] is not None:
        high = min(high, Fraction(indicator.limits[1]))
    low = Fraction(1, 100)
    if indicator.limits is not None and indicator.limits[0] is not None:
        low = max(low, Fraction(indicator.limits[0]))
    if low > high:
        return normal(high)
    first = _first_places(low, high, 2)
    if first is None:
        return normal(high)
    return _draw_number(draw, low, high, first, 2, False)


# --------------------------------------------------------------------------- time: yearly results


def yearly_results(
    target: Target,
    *,
    years: tuple[int, int] | None = None,
    missing: bool = False,
    entity: str | None = None,
) -> SearchStrategy[list[Result]]:
    """Results for a yearly target: one per year, with ``period=``, in year order.

    The years are ``years=(first, last)`` (both included) when given, else
    the target's term, else one to six years drawn from 2000 on. For a
    target on yearly values each year is drawn as :func:`results` draws one
    value (on and next to the bounds, in any unit of the same kind); for
    ``"total"`` and ``"mean"`` a third of the series are *balanced*: the
    last year is chosen so that the total is exactly the yearly bound times
    the number of years, or one step or one unit in the last place beside it.

    For a growth target the results are levels (in the indicator's unit or,
    for money, in either unit) whose exact year-on-year rates lie on and next
    to the bounds; for ``growth="mean"`` and ``combine="mean"`` a third of
    the series have a mean rate exactly on a bound (or next to it), and for
    ``"cagr"`` the last level is most often exactly ``first * (1 + bound/100)
    ** years``, or one unit in the last place beside it. Levels stay positive
    and within the indicator's limits.

    ``missing=True`` leaves out some years (each with a chance of one in
    four; sometimes all of them). ``entity`` names the unit of observation of
    every result: needed, and only allowed, for a target with ``across=``
    (:func:`unit_results` draws the results of every unit).

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> admitted = rm.Indicator("admitted", unit="member")
    >>> target = rm.Target(admitted, rm.at_least(80), per="year", combine="total",
    ...                    term=(2020, 2022))
    >>> @given(yearly_results(target))
    ... def test_three_years(series):
    ...     assert [result.period for result in series] == [2020, 2021, 2022]
    >>> test_three_years()
    """
    call = "yearly_results"
    _yearly_target(target, call)
    span = None if years is None else _span_argument(years, call)
    missing = _boolean(missing, call, "missing")
    entity = _entity_argument(entity, call)
    if target.across is not None and entity is None:
        raise InvalidTargetError(
            f"{call}({target!r}): the target is judged across units (across="
            f"{target.across!r}), so every result names its unit; give entity='...', or draw "
            "the results of all units with unit_results(target)"
        )
    if target.across is None and entity is not None:
        raise InvalidTargetError(
            f"{call}({target!r}, entity={entity!r}): the target is not judged across units, "
            "and a result with entity= is an error for it; leave entity out"
        )
    return _yearly_results(target, span=span, missing=missing, entity=entity)


def _yearly_target(target: object, call: str) -> Target:
    if not isinstance(target, Target):
        raise InvalidTargetTypeError(
            f"{call}(target={target!r}): target must be a Target such as Target(indicator, "
            "at_least(80), per='year', combine='total'); to draw results for drawn targets, "
            "use yearly_targets().flatmap(yearly_results) or hypothesis.strategies.data()"
        )
    if target.per is None:
        raise InvalidTargetError(
            f"{call}({target!r}): the target is not yearly (per=None); draw its results with "
            "results(target), or give the target per='year' and a combine"
        )
    return target


def _span_argument(value: object, call: str) -> tuple[int, int]:
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(type(year) is int for year in value)
    ):
        raise InvalidTargetTypeError(
            f"{call}(years={value!r}): years must be a pair of ints (first year, last year), "
            "both included, such as (2020, 2025)"
        )
    first, last = value
    if not (1000 <= first <= 9999 and 1000 <= last <= 9999):
        raise InvalidTargetError(
            f"{call}(years={value!r}): years must be four-digit years such as (2020, 2025)"
        )
    if first > last:
        raise InvalidTargetError(
            f"{call}(years={value!r}): the first year is after the last; did you mean "
            f"years=({last}, {first})?"
        )
    return first, last


def _entity_argument(value: object, call: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTargetTypeError(
            f"{call}(entity={value!r}): entity must be a str naming a unit of observation, "
            f"such as 'union A', or None; got a {type(value).__name__}"
        )
    if not value.strip():
        raise InvalidTargetError(f"{call}(entity={value!r}): entity must not be blank")
    return value


def _draw_span(draw: DrawFn, target: Target) -> tuple[int, int]:
    """The years to report for *target*: its term, or a drawn span."""
    if target.term is not None:
        return target.term
    baseline = target.baseline
    if target.growth is not None and baseline is not None and draw(st.booleans()):
        first = baseline.year + 1  # the baseline is then the base of the first rate
        return first, first + draw(st.integers(1, _MAX_SPAN)) - 1
    first = draw(st.integers(*_FIRST_YEARS))
    shortest = 2 if target.growth is not None else 1
    return first, first + draw(st.integers(shortest, _MAX_SPAN)) - 1


def _draw_yearly_results(
    draw: DrawFn,
    target: Target,
    *,
    span: tuple[int, int] | None,
    missing: bool,
    entity: str | None,
) -> list[Result]:
    first, last = _draw_span(draw, target) if span is None else span
    years = list(range(first, last + 1))
    if target.growth is not None:
        values = _draw_levels(draw, target, years)
    else:
        values = _draw_values(draw, target, years)
    kept = [y for y in years if not (missing and draw(st.integers(0, 3)) == 0)]
    return [attrs.evolve(values[y], period=y, entity=entity) for y in kept]


_yearly_results = _named("yearly_results", _draw_yearly_results)


def _value_in_target_unit(target: Target, result: Result) -> Fraction:
    written = target.indicator.unit if result.unit is None else result.unit
    return Fraction(result.value) * Fraction(_units.factor(written, target.unit))


def _within_limits(indicator: Indicator, value: Fraction) -> bool:
    if indicator.limits is None:
        return True
    lo, hi = indicator.limits
    return (lo is None or value >= Fraction(lo)) and (hi is None or value <= Fraction(hi))


def _beside(draw: DrawFn, at: Fraction, bound: Exact) -> Fraction:
    """*at*, or one step at *bound*'s precision, or one unit in a last place, beside it."""
    how = draw(st.sampled_from(("on", "on", "step", "ulp")))
    if how == "on":
        return at
    sign = draw(st.sampled_from((-1, 1)))
    if how == "step":
        return at + sign * _precision_step(bound, at)
    exponent = _exponent(at) - draw(st.sampled_from(_ULP_DIGITS)) + 1
    return at + sign * Fraction(10) ** max(exponent, -MAX_EXPONENT)


def _draw_values(draw: DrawFn, target: Target, years: list[int]) -> dict[int, Result]:
    """One value per year, on and next to the bounds; sometimes a balanced total."""
    if target.indicator.scale is not None:
        return {year: _draw_level(draw, target) for year in years}
    units = _default_units(target)
    values = {year: _draw_results(draw, target, units=units) for year in years}
    judged = [y for y in years if target.term is None or target.term[0] <= y <= target.term[1]]
    if target.combine in ("total", "mean") and judged and draw(st.integers(0, 2)) == 0:
        bound: Exact = draw(st.sampled_from((target.lo, target.hi)))
        others = sum((_value_in_target_unit(target, values[y]) for y in judged[:-1]), Fraction(0))
        value = _beside(draw, Fraction(bound) * len(judged) - others, bound)
        in_indicator_unit = value * Fraction(_units.factor(target.unit, target.indicator.unit))
        if _within_limits(target.indicator, in_indicator_unit):
            values[judged[-1]] = Result(normal(value), target.unit)
    return values


def _draw_rate(draw: DrawFn, target: Target) -> Fraction:
    """A growth rate in percent on or next to one of the target's bounds, or anywhere."""
    bound: Exact = draw(st.sampled_from((target.lo, target.hi)))
    if draw(st.integers(0, 4)) == 0:
        rate = Fraction(_draw_number(draw, *_ANY_RATES, 0, 2, False))
    else:
        rate = _beside(draw, Fraction(bound), bound)
    return max(rate, Fraction(-90))


def _draw_levels(draw: DrawFn, target: Target, years: list[int]) -> dict[int, Result]:
    """Positive yearly levels whose exact growth rates lie on and next to the bounds."""
    indicator = target.indicator
    baseline = target.baseline
    fixed = (
        baseline is not None
        and baseline.year == years[0] - 1
        and not isinstance(baseline.value, str)
    )
    if fixed:
        assert baseline is not None
        assert not isinstance(baseline.value, str)
        written = indicator.unit if baseline.unit is None else baseline.unit
        base = Fraction(baseline.value) * Fraction(_units.factor(written, indicator.unit))
        rate_years = years
    else:
        base = Fraction(_draw_base_level(draw, indicator))
        rate_years = years[1:]
    rates = {year: _draw_rate(draw, target) for year in rate_years}
    how = "mean" if target.growth == "mean" else target.combine
    if rate_years and how == "mean" and draw(st.integers(0, 2)) == 0:
        bound: Exact = draw(st.sampled_from((target.lo, target.hi)))
        others = sum((rates[y] for y in rate_years[:-1]), Fraction(0))
        rate = _beside(draw, Fraction(bound) * len(rate_years) - others, bound)
        if rate > -90:
            rates[rate_years[-1]] = rate
    levels: dict[int, Fraction] = {} if fixed else {years[0]: base}
    previous = base
    for year in rate_years:
        previous = levels[year] = previous * (1 + rates[year] / 100)
    if target.growth == "cagr" and rate_years and draw(st.integers(0, 3)) != 0:
        bound = draw(st.sampled_from((target.lo, target.hi)))
        growth = 1 + Fraction(bound) / 100
        if growth > 0:
            exact_level = base * growth ** len(rate_years)
            level = _beside(draw, exact_level, bound)
            levels[rate_years[-1]] = level if level > 0 else exact_level
    highest = max(levels.values())
    if not fixed and indicator.limits is not None and indicator.limits[1] is not None:
        top = Fraction(indicator.limits[1])
        if highest > top > 0:  # scaled down to fit: the same rates
            levels = {year: level * top / highest for year, level in levels.items()}
    results: dict[int, Result] = {}
    choices = (None, *_MONEY) if indicator.unit in _MONEY else (None,)
    for year, level in levels.items():
        if _within_limits(indicator, level):
            pass
        elif indicator.limits is not None:
            lo, hi = indicator.limits
            level = _clamp(level, None if lo is None else Fraction(lo),
                           None if hi is None else Fraction(hi))  # fmt: skip
        unit = draw(st.sampled_from(choices))
        written = indicator.unit if unit is None else unit
        value = level * Fraction(_units.factor(indicator.unit, written))
        results[year] = Result(normal(value), unit)
    return results


# --------------------------------------------------------------------------- units of observation

_QUANTIFIERS = ("all", "any", "count", "share")
_ROUNDINGS = ("down", "half_up", "up", "exact")
_SHARES_OF_UNITS = ("50", "60", "75", "80", "90", "95", "100", "66.67")
_QUOTA_CAPS = ("0", "10", "15", "20", "25", "30", "33.33", "50", "100")
_ENTITY_NAMES = ("union", "Chi bộ", "DN", "xã", "Đảng bộ phường")
_MAX_COUNT = 6  # the largest k drawn for at_least_count(k)


def population_targets(
    *,
    indicators: SearchStrategy[Indicator] | None = None,
    kinds: Collection[Kind | str] | None = None,
    across: Collection[Quantifier | str] | None = None,
    yearly: bool | None = False,
) -> SearchStrategy[Target]:
    """Valid targets judged across units of observation (``across=``).

    ``across`` is the collection of quantifiers to draw from: ``"all"``,
    ``"any"``, ``"count"`` (``at_least_count(k)``, k from 1 to 6) and
    ``"share"`` (``at_least_share(p)``: 50, 60, 66.67, 75, 80, 90, 95, 100 or
    any percentage with two decimals); default all four. ``indicators`` and
    ``kinds`` are as for :func:`targets`: the rule each unit must meet, rated
    ones included ("90 % of base organisations rated HTTNV or better").
    ``yearly`` True draws the per-unit targets as :func:`yearly_targets`
    does (each unit's years are combined first, growth included: "income up
    4-6 % a year in at least 6 of 9 enterprises"); False (the default) draws
    targets on one value per unit; None either.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(population_targets(across=["count"]))
    ... def test_counts(target):
    ...     assert target.across.quantifier is rm.Quantifier.COUNT
    >>> test_counts()
    """
    call = "population_targets"
    _strategy(indicators, call, "indicators", "indicators(units=['percent'])")
    chosen_kinds = None if kinds is None else _kinds(kinds, call)
    quantifiers = (
        _QUANTIFIERS
        if across is None
        else _words(across, call, "across", _QUANTIFIERS, "['all', 'count']")
    )
    yearly = _flag(yearly, call, "yearly")
    rates = _GROWTH_INDICATORS if indicators is None else indicators
    if indicators is None:
        indicators = _indicators(
            units=_DEFAULT_UNITS,
            directions=_directions_for(chosen_kinds),
            ordinal=None,
            limits=None,
            shares=tuple(_units.is_share(u) for u in _DEFAULT_UNITS),
        )
    series = _yearly_targets(
        levels=indicators, rates=rates, kinds=chosen_kinds, combines=COMBINES,
        growths=(None, *GROWTHS), terms=None,
    )  # fmt: skip
    ones = _targets(indicators=indicators, rules=None, kinds=chosen_kinds, due=False)
    return _population_targets(ones=ones, series=series, quantifiers=quantifiers, yearly=yearly)


def _draw_population_targets(
    draw: DrawFn,
    *,
    ones: SearchStrategy[Target],
    series: SearchStrategy[Target],
    quantifiers: tuple[str, ...],
    yearly: bool | None,
) -> Target:
    if yearly is None:
        yearly = draw(st.booleans())
    target = draw(series if yearly else ones)
    quantifier = draw(st.sampled_from(quantifiers))
    across: Across | str
    if quantifier == "count":
        across = at_least_count(draw(st.integers(1, _MAX_COUNT)))
    elif quantifier == "share":
        if draw(st.integers(0, 3)) == 0:
            share = _draw_number(draw, Fraction(1, 100), Fraction(100), 0, 2, False)
        else:
            share = Decimal(draw(st.sampled_from(_SHARES_OF_UNITS)))
        across = at_least_share(share)
    else:
        across = quantifier
    return attrs.evolve(target, across=across)


_population_targets = _named("population_targets", _draw_population_targets)


def quota_targets(
    *,
    indicators: SearchStrategy[Indicator] | None = None,
    kinds: Collection[Kind | str] | None = None,
    roundings: Collection[str] | None = None,
) -> SearchStrategy[Target]:
    """Valid quota targets: ``quota(level, at_most=p, of=rule_or_None, rounding=...)``.

    The level rule and the ``of`` rule (None half the time: all units) are
    drawn to fit the indicator; by default half the indicators are rated
    on PARTY_QUALITY ("units rated HTXSNV at most 20 % of those rated HTTNV
    or better"), the rest numeric. ``kinds`` is the collection of kinds the
    level and ``of`` rules are drawn from (default: any that fits the
    indicator; ``["at_least", "above"]`` keeps to "this level or better").
    ``p`` is a usual cap (0, 10, 15, 20, 25,
    30, 33.33, 50, 100) or any percentage with two decimals. ``roundings`` is
    the collection of roundings of the cap to draw from (``"down"``,
    ``"half_up"``, ``"up"``, ``"exact"``; default all).

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(quota_targets(roundings=["down"]))
    ... def test_rounded_down(target):
    ...     assert target.rule.rounding == "down"
    >>> test_rounded_down()
    """
    call = "quota_targets"
    _strategy(indicators, call, "indicators", "indicators(ordinal=True)")
    chosen_kinds = tuple(Kind) if kinds is None else _kinds(kinds, call)
    chosen = (
        _ROUNDINGS
        if roundings is None
        else _words(roundings, call, "roundings", _ROUNDINGS, "['down', 'half_up']")
    )
    if indicators is None:
        directions = _directions_for(chosen_kinds)
        indicators = st.one_of(
            _indicators(
                units=_DEFAULT_UNITS, directions=directions, ordinal=True, limits=None,
                shares=tuple(_units.is_share(u) for u in _DEFAULT_UNITS),
            ),
            _indicators(
                units=_DEFAULT_UNITS, directions=directions, ordinal=False, limits=None,
                shares=tuple(_units.is_share(u) for u in _DEFAULT_UNITS),
            ),
        )  # fmt: skip
    return _quota_targets(indicators=indicators, kinds=chosen_kinds, roundings=chosen)


def _draw_quota_targets(
    draw: DrawFn,
    *,
    indicators: SearchStrategy[Indicator],
    kinds: tuple[Kind, ...],
    roundings: tuple[str, ...],
) -> Target:
    indicator = draw(indicators)
    fitting = _fitting(kinds, indicator.direction)
    if not fitting:
        reject()  # an indicator whose direction none of the kinds fits
    level = _draw_rule(draw, indicator, fitting)
    of = _draw_rule(draw, indicator, fitting) if draw(st.booleans()) else None
    if draw(st.integers(0, 3)) == 0:
        cap: Exact = _draw_number(draw, Fraction(0), Fraction(100), 0, 2, False)
    else:
        cap = Decimal(draw(st.sampled_from(_QUOTA_CAPS)))
    rounding = draw(st.sampled_from(roundings))
    rule = quota(level, at_most=cap, of=of, rounding=rounding)
    return Target(indicator, rule, label=draw(_LABELS))


_quota_targets = _named("quota_targets", _draw_quota_targets)


def unit_results(
    target: Target,
    *,
    entities: Collection[str] | None = None,
    min_size: int | None = None,
    max_size: int | None = None,
    missing: bool = False,
) -> SearchStrategy[list[Result]]:
    """Results for a target judged across units (``across=``) or a quota: each with ``entity=``.

    ``entities`` names the units (default: ``min_size`` to ``max_size``
    units, 1 to 8, named like ``"DN 1"``, ``"DN 2"``); give either
    ``entities`` or the sizes. For ``at_least_count(k)`` half the draws have
    k - 1, k or k + 1 units, and for ``at_least_share(p)`` a number of units
    of which p % is a whole number where one fits, so that the count of
    units met lands on and next to what the target asks for.

    Each unit's results are drawn as :func:`results` draws one (one result
    per unit), or as :func:`yearly_results` draws a series for a yearly
    target (the same years for every unit; ``missing=True`` leaves some of
    a unit's years out). One unit in four (after the first) mirrors an
    earlier unit across the middle of the bounds (95 and 105 for
    ``between(96, 104)``, 3 and 5 for ``exactly(4)``): two units that tie on
    status and margin with different values, where the order of the units
    must not matter. For a quota each unit gets one result, on and next to
    the bounds of the level rule or of the ``of`` rule. The results come
    unit by unit.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> share = rm.Indicator("income_growth", unit="percent", limits=(0, 100))
    >>> target = rm.Target(share, rm.at_least(4), across=rm.at_least_count(6))
    >>> @given(unit_results(target, entities=["DN 1", "DN 2", "DN 3"]))
    ... def test_three_units(results):
    ...     assert sorted(result.entity for result in results) == ["DN 1", "DN 2", "DN 3"]
    >>> test_three_units()
    """
    call = "unit_results"
    if not isinstance(target, Target):
        raise InvalidTargetTypeError(
            f"{call}(target={target!r}): target must be a Target judged across units, such "
            "as Target(indicator, at_least(4), across='all'); to draw results for drawn "
            "targets, use population_targets().flatmap(unit_results)"
        )
    if target.across is None and not isinstance(target.rule, Quota):
        raise InvalidTargetError(
            f"{call}({target!r}): the target is not judged across units (no across= and no "
            "quota); draw its results with results(target), or yearly_results(target) for "
            "a yearly target"
        )
    names: tuple[str, ...] | None = None
    if entities is not None:
        if min_size is not None or max_size is not None:
            raise InvalidTargetError(
                f"{call}(entities={entities!r}, min_size={min_size!r}, max_size={max_size!r})"
                ": entities already fixes the units; give either entities or the sizes"
            )
        names = _members(entities, call, "entities", "['DN 1', 'DN 2']")
        if not all(isinstance(name, str) and name.strip() for name in names):
            raise InvalidTargetTypeError(
                f"{call}(entities={entities!r}): each unit must be named by a non-blank str, "
                "such as 'DN 1'"
            )
        if len(set(names)) != len(names):
            raise InvalidTargetError(
                f"{call}(entities={entities!r}): each unit must be named once; a unit's "
                "results are all those that name it"
            )
    low = _size(1 if min_size is None else min_size, call, "min_size")
    high = _size(8 if max_size is None else max_size, call, "max_size")
    if low > high:
        raise InvalidTargetError(
            f"{call}(min_size={min_size!r}, max_size={max_size!r}): min_size must not be "
            f"greater than max_size; did you mean min_size={high}, max_size={low}?"
        )
    missing = _boolean(missing, call, "missing")
    if missing and target.per is None:
        raise InvalidTargetError(
            f"{call}({target!r}, missing=True): missing leaves out years of a yearly "
            "target, and this target is not yearly; leave missing out"
        )
    return _unit_results(target, names=names, low=low, high=high, missing=missing)


def _size(value: object, call: str, argument: str) -> int:
    if type(value) is not int:
        raise InvalidTargetTypeError(
            f"{call}({argument}={value!r}): {argument} must be an int number of units, such as 5"
        )
    if not 1 <= value <= 100:
        raise InvalidTargetError(
            f"{call}({argument}={value!r}): {argument} must be between 1 and 100 units"
        )
    return value


def _draw_size(draw: DrawFn, target: Target, low: int, high: int) -> int:
    across = target.across
    if across is not None and across.value is not None and draw(st.booleans()):
        if across.quantifier is Quantifier.COUNT:
            k = int(across.value)
            near = [n for n in (k - 1, k, k + 1) if low <= n <= high]
            if near:
                return draw(st.sampled_from(near))
        else:
            whole = (Fraction(across.value) / 100).denominator
            fitting = [n for n in range(whole, high + 1, whole) if n >= low]
            if fitting:
                return draw(st.sampled_from(fitting))
    return draw(st.integers(low, high))


def _draw_one(draw: DrawFn, target: Target) -> Result:
    if target.indicator.scale is not None:
        return _draw_level(draw, target)
    return _draw_results(draw, target, units=_default_units(target))


def _draw_unit_results(
    draw: DrawFn,
    target: Target,
    *,
    names: tuple[str, ...] | None,
    low: int,
    high: int,
    missing: bool,
) -> list[Result]:
    if names is None:
        prefix = draw(st.sampled_from(_ENTITY_NAMES))
        size = _draw_size(draw, target, low, high)
        names = tuple(f"{prefix} {number}" for number in range(1, size + 1))
    span = _draw_span(draw, target) if target.per is not None else None
    drawn: list[Result] = []
    for name in names:
        if target.per is not None:
            drawn += _draw_yearly_results(draw, target, span=span, missing=missing, entity=name)
            continue
        which = target
        if target.quota_targets is not None:
            level, of = target.quota_targets
            which = level if of is None or draw(st.booleans()) else of
        mirrored = None
        if drawn and target.quota_targets is None and draw(st.integers(0, 3)) == 0:
            mirrored = _mirrored(target, draw(st.sampled_from(drawn)))
        found = _draw_one(draw, which) if mirrored is None else mirrored
        drawn.append(attrs.evolve(found, entity=name))
    return drawn


def _mirrored(target: Target, result: Result) -> Result | None:
    """*result* reflected across the middle of the target's bounds: as far from the other
    bound (a tie on status and margin with another value), within the limits."""
    if target.indicator.scale is not None:
        assert isinstance(result.value, str)
        scale = target.indicator.scale
        rank = int(target.lo) + int(target.hi) - scale.rank(result.value)
        return Result(scale.levels[rank].code) if 0 <= rank < len(scale.levels) else None
    value = Fraction(target.lo) + Fraction(target.hi) - _value_in_target_unit(target, result)
    in_indicator_unit = value * Fraction(_units.factor(target.unit, target.indicator.unit))
    if not _within_limits(target.indicator, in_indicator_unit):
        return None
    return Result(normal(value), target.unit)


_unit_results = _named("unit_results", _draw_unit_results)


# --------------------------------------------------------------------------- resolutions

_RESOLUTION_NAMES = (
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV",
    "Resolution of the 4th Congress",
    "Nghị quyết Đại hội Chi bộ nhiệm kỳ 2020-2025",
)
_COMPONENTS = ("one", "due", "yearly", "population", "quota")


def resolutions(*, min_size: int = 1, max_size: int = 6) -> SearchStrategy[Resolution]:
    """Resolutions with a term and *min_size* to *max_size* component targets.

    The term is five years (sometimes one to six) starting between 2000 and
    2030. The components mix every kind of target: one value
    (:func:`targets`), due at the end of the term (some with a baseline),
    yearly (:func:`yearly_targets`, most without a term of their own, so
    the resolution's term is theirs), across units
    (:func:`population_targets`) and quotas (:func:`quota_targets`). Each
    component is on an indicator of its own key; about one row in four is a
    :class:`~resolmetrics.Group` of two or three components.
    :func:`resolution_results` draws the results to evaluate one with.

    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(resolutions(max_size=3))
    ... def test_terms(resolution):
    ...     assert 1 <= len(resolution.components) <= 3 and resolution.term is not None
    >>> test_terms()
    """
    call = "resolutions"
    low = _size(min_size, call, "min_size")
    high = _size(max_size, call, "max_size")
    if low > high:
        raise InvalidTargetError(
            f"{call}(min_size={min_size!r}, max_size={max_size!r}): min_size must not be "
            f"greater than max_size; did you mean min_size={high}, max_size={low}?"
        )
    return _resolutions(low=low, high=high)


def _draw_component(draw: DrawFn, term: tuple[int, int], key: str) -> Target:
    kind = draw(st.sampled_from(_COMPONENTS))
    target: Target
    if kind == "one":
        target = draw(_targets(indicators=None, rules=None, kinds=None, due=False))
    elif kind == "due":
        one = draw(_targets(indicators=None, rules=None, kinds=None, due=False))
        target = _with_due(draw, one, term[1], term[0])
    elif kind == "yearly":
        target = draw(_DEFAULT_YEARLY)
        if target.term is not None and draw(st.integers(0, 2)) != 0:
            target = attrs.evolve(target, term=None, baseline=None)  # the resolution's term
    elif kind == "population":
        target = draw(_DEFAULT_POPULATION)
    else:
        target = draw(_DEFAULT_QUOTAS)
    if target.growth is not None and target.term is None and term[0] == term[1]:
        # a growth rate needs two years: in a one-year resolution it keeps a term of its own
        target = attrs.evolve(target, term=(term[0] - 1, term[1]))
    indicator = attrs.evolve(target.indicator, key=key)
    return attrs.evolve(target, indicator=indicator)


def _draw_resolutions(draw: DrawFn, *, low: int, high: int) -> Resolution:
    first = draw(st.integers(*_FIRST_YEARS))
    length = 5 if draw(st.booleans()) else draw(st.integers(1, _MAX_SPAN))
    term = (first, first + length - 1)
    size = draw(st.integers(low, high))
    components = [_draw_component(draw, term, f"k{n}_{draw(_KEYS)}") for n in range(size)]
    rows: list[Target | Group] = []
    while components:
        together = draw(st.integers(2, 3)) if draw(st.integers(0, 3)) == 0 else 1
        if together > 1 and len(components) >= together:
            label = draw(_LABELS)
            rows.append(Group(label, components[:together]))
            components = components[together:]
        else:
            rows.append(components.pop(0))
    return Resolution(draw(st.sampled_from(_RESOLUTION_NAMES)), rows, term=term)


_resolutions = _named("resolutions", _draw_resolutions)


def resolution_results(
    resolution: Resolution, *, missing: bool = False
) -> SearchStrategy[dict[str, list[Result]]]:
    """Results for every component of *resolution*, filed under their indicators' keys.

    Each key gets results fit for its targets, as :func:`results`,
    :func:`yearly_results` (over the resolution's term when the target has
    none) and :func:`unit_results` draw them. ``missing=True`` leaves out
    some keys altogether (each with a chance of one in five: their targets
    get NO_DATA) and some years of yearly targets. Targets that share a key
    must take results of one shape (all yearly, all across units, or all on
    one value).

    Drawn results may be of a kind a review warns about (a percent indicator given only
    values between 0 and 1, say); a test that is not about those warnings silences them:

    >>> import warnings
    >>> import resolmetrics as rm
    >>> from hypothesis import given
    >>> @given(resolutions().flatmap(
    ...     lambda resolution: st.tuples(st.just(resolution), resolution_results(resolution))))
    ... def test_one_verdict_per_component(drawn):
    ...     resolution, results = drawn
    ...     with warnings.catch_warnings():
    ...         warnings.simplefilter("ignore", rm.ResolmetricsWarning)
    ...         report = resolution.evaluate(results)
    ...     assert len(report.verdicts) == len(resolution.components)
    >>> from hypothesis import strategies as st
    >>> test_one_verdict_per_component()
    """
    call = "resolution_results"
    if not isinstance(resolution, Resolution):
        raise InvalidTargetTypeError(
            f"{call}(resolution={resolution!r}): resolution must be a Resolution such as "
            "Resolution('Resolution of the 4th Congress', [target], term=(2020, 2025)); to "
            "draw results for drawn resolutions, use resolutions().flatmap(resolution_results)"
        )
    missing = _boolean(missing, call, "missing")
    by_key: dict[str, Target] = {}
    for target in resolution.components:
        first = by_key.setdefault(target.key, target)
        if _shape(first) != _shape(target):
            raise InvalidTargetError(
                f"{call}: the targets {first!r} and {target!r} share the key {target.key!r} "
                "but take results of different shapes (yearly, across units or one value); "
                "give each its own indicator key"
            )
    return _resolution_results(targets=tuple(by_key.values()), missing=missing)


def _shape(target: Target) -> tuple[bool, bool]:
    return target.per is not None, target.across is not None or isinstance(target.rule, Quota)


def _draw_resolution_results(
    draw: DrawFn, *, targets: tuple[Target, ...], missing: bool
) -> dict[str, list[Result]]:
    drawn: dict[str, list[Result]] = {}
    for target in targets:
        if missing and draw(st.integers(0, 4)) == 0:
            continue
        if target.across is not None or isinstance(target.rule, Quota):
            found = _draw_unit_results(
                draw, target, names=None, low=1, high=8, missing=missing and target.per is not None
            )
        elif target.per is not None:
            found = _draw_yearly_results(draw, target, span=None, missing=missing, entity=None)
        else:
            found = [_draw_one(draw, target)]
        drawn[target.key] = found
    return drawn


_resolution_results = _named("resolution_results", _draw_resolution_results)

_DEFAULT_YEARLY = _yearly_targets(
    levels=_DEFAULT_INDICATORS, rates=_GROWTH_INDICATORS, kinds=None, combines=COMBINES,
    growths=(None, *GROWTHS), terms=None,
)  # fmt: skip
_DEFAULT_POPULATION = _population_targets(
    ones=_targets(indicators=_DEFAULT_INDICATORS, rules=None, kinds=None, due=False),
    series=_DEFAULT_YEARLY,
    quantifiers=_QUANTIFIERS,
    yearly=None,
)
_DEFAULT_QUOTAS = quota_targets()
