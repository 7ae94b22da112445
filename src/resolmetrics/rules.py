"""How a value is judged: rules and their factories.

A rule is a small immutable value: a kind and one or two bounds. Bounds are
exact numbers, or level codes of an ordinal scale (checked against the scale
when a :class:`~resolmetrics.Target` is built).

>>> at_least(95)
at_least(95)
>>> str(between("3.5", 5))
'between 3.5 and 5'
>>> Rule.parse("above 95") == above(95)
True
>>> at_least(95) == at_least("95.0")
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeAlias

import attrs

from .errors import InvalidTargetError, InvalidTargetTypeError, ParseError
from .indicators import Direction
from .numbers import Exact, NumberLike, as_repr, as_text, exact, looks_numeric

__all__ = [
    "Across",
    "Bound",
    "Kind",
    "Quantifier",
    "Quota",
    "Rule",
    "above",
    "above_share",
    "at_least",
    "at_least_count",
    "at_least_share",
    "at_most",
    "below",
    "between",
    "exactly",
    "quota",
]

Bound: TypeAlias = Exact | str
"""A rule's bound: an exact number, or the code of a rating level."""


class Kind(enum.StrEnum):
    """The kinds of rule."""

    AT_LEAST = "at_least"
    ABOVE = "above"
    AT_MOST = "at_most"
    BELOW = "below"
    BETWEEN = "between"
    EXACTLY = "exactly"

    def __repr__(self) -> str:
        return f"Kind.{self.name}"


_WORDS = {
    Kind.AT_LEAST: "at least",
    Kind.ABOVE: "above",
    Kind.AT_MOST: "at most",
    Kind.BELOW: "below",
    Kind.BETWEEN: "between",
    Kind.EXACTLY: "exactly",
}

_IMPLIED = {
    Kind.AT_LEAST: Direction.HIGHER_IS_BETTER,
    Kind.ABOVE: Direction.HIGHER_IS_BETTER,
    Kind.BETWEEN: Direction.HIGHER_IS_BETTER,
    Kind.AT_MOST: Direction.LOWER_IS_BETTER,
    Kind.BELOW: Direction.LOWER_IS_BETTER,
    Kind.EXACTLY: Direction.ON_TARGET,
}


def _bound(value: object, argument: str) -> Bound:
    if isinstance(value, str) and not looks_numeric(value):
        level = " ".join(value.split())
        if not level:
            raise InvalidTargetError(
                f"{argument} must be a number or a rating level such as 'HTTNV', got {value!r}"
            )
        return level
    return exact(value, argument=argument)


def _kind(value: object) -> Kind:
    try:
        return Kind(value)  # type: ignore[arg-type]
    except ValueError:
        raise InvalidTargetError(
            f"Rule(kind) must be one of {[k.value for k in Kind]}, got {value!r}"
        ) from None


def _bounds(values: Iterable[object]) -> tuple[Bound, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidTargetTypeError(
            f"Rule(bounds) must be a tuple of one or two bounds, got {values!r}; "
            "the factories at_least(95), between(3, 5), ... build rules more simply"
        )
    return tuple(_bound(value, "Rule(bounds)") for value in values)


@attrs.frozen(repr=False)
class Rule:
    """A rule: ``kind`` and its ``bounds`` (one, or two for ``between``).

    Build rules with the factories (:func:`at_least`, :func:`above`,
    :func:`at_most`, :func:`below`, :func:`between`, :func:`exactly`) or
    :meth:`Rule.parse`. ``str(rule)`` is canonical text that
    :meth:`Rule.parse` reads back; ``repr(rule)`` is the call that rebuilds it.
    """

    kind: Kind = attrs.field(converter=_kind)
    bounds: tuple[Bound, ...] = attrs.field(converter=_bounds)

    def __attrs_post_init__(self) -> None:
        expected = 2 if self.kind is Kind.BETWEEN else 1
        if len(self.bounds) != expected:
            takes = "two bounds" if expected == 2 else "one bound"
            raise InvalidTargetError(f"{self.kind.value} takes {takes}, got {len(self.bounds)}")
        levels = [isinstance(b, str) for b in self.bounds]
        if any(levels) and not all(levels):
            raise InvalidTargetError(
                f"{self.kind.value}{_args(self.bounds)} mixes a number with a rating level; "
                "give two numbers or two levels"
            )
        if self.kind is Kind.BETWEEN and not levels[0]:
            lo, hi = self.bounds
            if lo > hi:  # type: ignore[operator]
                raise InvalidTargetError(
                    f"between(lo={_show(lo)}, hi={_show(hi)}): lo must not be greater "
                    f"than hi; did you mean between({_show(hi)}, {_show(lo)})?"
                )

    @property
    def is_ordinal(self) -> bool:
        """True when the bounds are rating levels rather than numbers."""
        return isinstance(self.bounds[0], str)

    @property
    def is_strict(self) -> bool:
        """True for ``above`` and ``below``: the bound itself does not meet the rule."""
        return self.kind is Kind.ABOVE or self.kind is Kind.BELOW

    @property
    def implied_direction(self) -> Direction:
        """The direction of improvement the rule implies when the indicator states none."""
        return _IMPLIED[self.kind]

    def __repr__(self) -> str:
        return f"{self.kind.value}{_args(self.bounds)}"

    def __str__(self) -> str:
        words = _WORDS[self.kind]
        if self.kind is Kind.BETWEEN:
            return f"{words} {_text(self.bounds[0])} and {_text(self.bounds[1])}"
        return f"{words} {_text(self.bounds[0])}"

    @classmethod
    def parse(cls, text: str) -> Rule:
        """Read a rule from its canonical text, as ``str(rule)`` writes it.

        >>> Rule.parse("between 3 and 5")
        between(3, 5)
        >>> Rule.parse("at least HTTNV")
        at_least('HTTNV')

        Text as people write it ("từ 95% trở lên", "no more than 4 %") is
        read by the text layer, not here.
        """
        if not isinstance(text, str):
            raise InvalidTargetTypeError(f"Rule.parse(text) takes a str, got {text!r}")
        source = " ".join(text.split())
        for kind, words in _WORDS.items():
            if source.startswith(words + " "):
                rest = source[len(words) + 1 :]
                operands = rest.split(" and ") if kind is Kind.BETWEEN else [rest]
                if kind is Kind.BETWEEN and len(operands) != 2:
                    raise ParseError("expected 'between LOW and HIGH'", source, len(words) + 1)
                bounds = tuple(_parsed(op, source) for op in operands)
                try:
                    return cls(kind, bounds)
                except InvalidTargetError as exc:
                    raise ParseError(str(exc), source, len(words) + 1) from None
        if source == _WORDS[Kind.BETWEEN]:
            raise ParseError("expected 'between LOW and HIGH'", source, len(source))
        if source in _WORDS.values():
            raise ParseError(f"expected a number or a level after {source!r}", source, len(source))
        raise ParseError(
            "expected one of 'at least', 'above', 'at most', 'below', 'between', "
            f"'exactly' followed by a number or a level{_words_hint(source)}",
            source,
            0,
        )


def _words_hint(source: str) -> str:
    """A hint such as "; did you mean 'at least'?" when *source* starts with a near miss."""
    import difflib

    words = source.split(" ")
    best, score = "", 0.0
    for phrase in _WORDS.values():
        written = " ".join(words[: len(phrase.split(" "))])
        ratio = difflib.SequenceMatcher(None, written.casefold(), phrase).ratio()
        if ratio > score:
            best, score = phrase, ratio
    return f"; did you mean {best!r}?" if score >= 0.75 else ""


def _parsed(operand: str, source: str) -> Bound:
    try:
        return _bound(operand, "bound")
    except InvalidTargetError as exc:
        raise ParseError(f"expected a number or a level: {exc}", source,
                         source.find(operand)) from None  # fmt: skip


def _show(bound: Bound) -> str:
    return repr(bound) if isinstance(bound, str) else as_repr(bound)


def _text(bound: Bound) -> str:
    return bound if isinstance(bound, str) else as_text(bound)


def _args(bounds: tuple[Bound, ...]) -> str:
    return "(" + ", ".join(_show(b) for b in bounds) + ")"


def _one(kind: Kind, value: NumberLike) -> Rule:
    return Rule(kind, (_bound(value, f"{kind.value}(value)"),))


def at_least(value: NumberLike) -> Rule:
    """Met when the value is *value* or more (``v >= value``): "X trở lên", "ít nhất X".

    On the bound it is ACHIEVED, beyond it EXCEEDED. *value* is a number
    (int, str in Python notation, Decimal, Fraction, or a float read as its
    repr) or a rating level such as ``"HTTNV"`` (checked against the
    indicator's scale when the target is built).
    """
    return _one(Kind.AT_LEAST, value)


def above(value: NumberLike) -> Rule:
    """Met when the value is strictly above *value* (``v > value``): "trên X", "hơn X".

    A met strict bound is ACHIEVED, not EXCEEDED, as review tables write it
    ("Trên 95%" met by 98% is "Đạt"); ``Policy(strict_met=Status.EXCEEDED)``
    changes that. On the bound itself it is NOT_ACHIEVED.
    """
    return _one(Kind.ABOVE, value)


def at_most(value: NumberLike) -> Rule:
    """Met when the value is *value* or less (``v <= value``): "không quá X", "tối đa X".

    For lower-is-better indicators: on the bound ACHIEVED, below it EXCEEDED.
    """
    return _one(Kind.AT_MOST, value)


def below(value: NumberLike) -> Rule:
    """Met when the value is strictly below *value* (``v < value``): "dưới X".

    A met strict bound is ACHIEVED, not EXCEEDED (see :func:`above`); on the
    bound itself it is NOT_ACHIEVED.
    """
    return _one(Kind.BELOW, value)


def exactly(value: NumberLike) -> Rule:
    """Met only when the value equals *value*: ACHIEVED, never EXCEEDED.

    Any difference either way is NOT_ACHIEVED, with a negative margin.
    """
    return _one(Kind.EXACTLY, value)


def between(lo: NumberLike, hi: NumberLike) -> Rule:
    """A range, both ends included: "từ X đến Y", "X-Y".

    Judged by the indicator's direction: higher is better (the default)
    -> below *lo* NOT_ACHIEVED, inside ACHIEVED, above *hi* EXCEEDED; lower
    is better mirrors it; ``ON_TARGET`` -> outside either end NOT_ACHIEVED.
    ``lo`` greater than ``hi`` is an InvalidTargetError.
    """
    return Rule(Kind.BETWEEN, (_bound(lo, "between(lo)"), _bound(hi, "between(hi)")))


# --------------------------------------------------------------------------- populations


class Quantifier(enum.StrEnum):
    """How the units of a population are counted: see :func:`at_least_count`."""

    ALL = "all"
    ANY = "any"
    COUNT = "count"
    SHARE = "share"

    def __repr__(self) -> str:
        return f"Quantifier.{self.name}"


@attrs.frozen(repr=False)
class Across:
    """How a target is judged over units of observation (enterprises, organisations).

    ``all``: every unit must meet the rule; ``any``: one unit is enough;
    :func:`at_least_count` and :func:`at_least_share`: at least *k* units,
    or at least *p* percent of them. ``Target(..., across="all")`` accepts
    the words ``"all"`` and ``"any"`` directly.
    """

    quantifier: Quantifier
    value: Exact | None = None
    strict: bool = False
    """For a share: more than ``value`` percent (``above_share``), not at least."""

    def __repr__(self) -> str:
        if self.value is None:
            return repr(self.quantifier.value)
        if self.strict:
            return f"above_share({as_repr(self.value)})"
        return f"at_least_{self.quantifier.value}({as_repr(self.value)})"

    def __str__(self) -> str:
        if self.quantifier is Quantifier.ALL:
            return "in every unit"
        if self.quantifier is Quantifier.ANY:
            return "in at least one unit"
        if self.quantifier is Quantifier.COUNT:
            return f"in at least {as_text(self.value)} units"  # type: ignore[arg-type]
        more = "more than" if self.strict else "at least"
        return f"in {more} {as_text(self.value)}% of units"  # type: ignore[arg-type]


def at_least_count(k: int) -> Across:
    """At least *k* units must meet the rule (``across=at_least_count(6)``)."""
    if type(k) is not int:
        raise InvalidTargetTypeError(f"at_least_count(k) must be a whole number (int), got {k!r}")
    if k < 1:
        raise InvalidTargetError(
            f"at_least_count(k) must be at least 1, got {k!r}; use across='any' for one unit"
        )
    return Across(Quantifier.COUNT, exact(k, argument="at_least_count(k)"))


def at_least_share(p: NumberLike) -> Across:
    """At least *p* percent of the units must meet the rule (``at_least_share(90)``).

    "90% chi bộ trở lên hoàn thành tốt nhiệm vụ": 9 units of 10 meet it.
    """
    return Across(Quantifier.SHARE, _share(p, "at_least_share(p)", 100))


def above_share(p: NumberLike) -> Across:
    """More than *p* percent of the units must meet the rule (``above_share(90)``).

    "Trên 90% chi bộ hoàn thành tốt nhiệm vụ": 9 units of 10 do not meet it,
    19 of 20 do. Met, it is ACHIEVED (a strict bound, see :func:`above`).
    """
    return Across(Quantifier.SHARE, _share(p, "above_share(p)", 99), strict=True)


def _share(p: NumberLike, argument: str, highest: int) -> Exact:
    value = exact(p, argument=argument)
    if not 0 <= value <= highest or (value == 0 and highest == 100):
        low = "above 0" if highest == 100 else "from 0"
        high = "at most 100" if highest == 100 else "below 100"
        raise InvalidTargetError(
            f"{argument} is a percentage of units, {low} and {high}, got {as_repr(value)}"
        )
    return value


_ROUNDINGS_OF_CAP = ("down", "half_up", "up", "exact")


@attrs.frozen(repr=False)
class Quota:
    """A cap on how many units may reach a level, relative to another group.

    ``quota(at_least("HTXSNV"), at_most=20, of=at_least("HTTNV"), rounding="down")``
    reads "units rated HTXSNV may not exceed 20 % of those rated HTTNV or
    better, the cap rounded down to a whole unit". ``of=None`` counts all
    units. ``rounding`` must be stated: ``"down"``, ``"half_up"``, ``"up"``,
    or ``"exact"`` (compare with the exact share, no whole-unit cap).

    A quota within its cap is ACHIEVED and over it NOT_ACHIEVED (never
    EXCEEDED: having fewer units at the level is compliance, not a better
    result). The margin is the room left under the cap, in units.
    """

    level: Rule
    at_most: Exact
    of: Rule | None
    rounding: str

    def __str__(self) -> str:
        of = "all units" if self.of is None else f"units {self.of}"
        return f"units {self.level} at most {as_text(self.at_most)}% of {of}"

    def __repr__(self) -> str:
        return (
            f"quota({self.level!r}, at_most={as_repr(self.at_most)}, of={self.of!r}, "
            f"rounding={self.rounding!r})"
        )

    def cap(self, denominator: int) -> Exact:
        """The largest number of units allowed at the level out of *denominator*."""
        from fractions import Fraction

        from .numbers import normal

        share = Fraction(self.at_most) * denominator / 100
        if self.rounding == "exact":
            return normal(share)
        whole = {
            "down": share.numerator // share.denominator,
            "up": -(-share.numerator // share.denominator),
            "half_up": (2 * share.numerator + share.denominator) // (2 * share.denominator),
        }[self.rounding]
        return normal(Fraction(whole))


def quota(level: Rule, *, at_most: NumberLike, of: Rule | None, rounding: str) -> Quota:
    """Units meeting *level* may be at most *at_most* percent of those meeting *of*."""
    for name, rule in (("level", level), ("of", of)):
        if rule is not None and not isinstance(rule, Rule):
            raise InvalidTargetTypeError(
                f"quota({name}) must be a rule such as at_least('HTXSNV'), got {rule!r}"
            )
    share = exact(at_most, argument="quota(at_most)")
    if not 0 <= share <= 100:
        raise InvalidTargetError(
            f"quota(at_most) is a percentage from 0 to 100, got {as_repr(share)}"
        )
    if rounding not in _ROUNDINGS_OF_CAP:
        raise InvalidTargetError(
            f"quota(rounding) must say how the cap is rounded: one of "
            f"{', '.join(map(repr, _ROUNDINGS_OF_CAP))}, got {rounding!r}"
        )
    return Quota(level, share, of, rounding)
