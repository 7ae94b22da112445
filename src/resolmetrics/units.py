"""Units: the only module that imports pint.

Units are kept as short strings (``"percent"``, ``"tỷ đồng"``, ``"member"``,
``"km"``); ``None`` is a plain count. Two units are compared once, through an
exact conversion factor that is cached, so judging a result never builds a
pint Quantity.

The common units are known without pint at all:

- ``percent`` (also written ``%``) and ``permille``: shares. A share never
  converts to or from a plain count, although both are dimensionless: a
  result of 93 % for an indicator counted in members is an error, not 0.93.
- the đồng and its multiples as written in Vietnamese: ``đồng`` (``VND``),
  ``nghìn đồng`` (``ngàn đồng``), ``triệu đồng``, ``tỷ đồng`` (``tỉ đồng``);
- counts of things that must not be mixed: ``member`` (``đảng viên``),
  ``organisation`` (``tổ chức``), ``enterprise`` (``doanh nghiệp``, ``DN``),
  ``household`` (``hộ``), ``person`` (``người``).

The other spellings a target's text may use (``million VND``, ``phần trăm``,
``tỷ`` alone, …) are read as these units, in any case: see :func:`spellings`.

Everything else (``ha``, ``km``, ``kWh``, ``tonne``, …) is read by pint,
whose registry is built on first use with exact (``Fraction``) factors and
extended with the units above. :func:`define_unit` adds a unit of your own.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import InvalidTargetTypeError, ResolmetricsError, UnitError, shown
from .numbers import Exact, normal

if TYPE_CHECKING:
    import pint

__all__ = ["define_unit", "is_count", "is_share", "known_units"]


class _Known(NamedTuple):
    dimension: str  # what is measured; units of one dimension convert
    factor: Fraction  # size in the dimension's base unit
    en: str  # display label
    vi: str
    en_one: str  # the English label after exactly 1


_F = Fraction
_KNOWN: dict[str, _Known] = {}


def _add(
    names: tuple[str, ...],
    dimension: str,
    factor: int | Fraction,
    en: str,
    vi: str,
    en_one: str = "",
) -> None:
    for name in names:
        _KNOWN[name] = _Known(dimension, _F(factor), en, vi, en_one or en)


_add(("percent",), "share", 1, "%", "%")
_add(("permille",), "share", _F(1, 10), "‰", "‰")
_add(("đồng", "VND", "dong"), "money_vnd", 1, "đồng", "đồng")
_add(("nghìn đồng", "ngàn đồng"), "money_vnd", 10**3, "thousand đồng", "nghìn đồng")
_add(("triệu đồng",), "money_vnd", 10**6, "million đồng", "triệu đồng")
_add(("tỷ đồng", "tỉ đồng"), "money_vnd", 10**9, "billion đồng", "tỷ đồng")
_add(("member", "members", "đảng viên"), "member", 1, "members", "đảng viên", "member")
_add(("organisation", "organisations", "organization", "organizations", "tổ chức"),
     "organisation", 1, "organisations", "tổ chức", "organisation")  # fmt: skip
_add(("enterprise", "enterprises", "doanh nghiệp", "DN"), "enterprise", 1, "enterprises",
     "doanh nghiệp", "enterprise")  # fmt: skip
_add(("household", "households", "hộ"), "household", 1, "households", "hộ", "household")
_add(("person", "persons", "people", "người"), "person", 1, "persons", "người", "person")
_add(("visit", "visits", "lượt người"), "visit", 1, "visits", "lượt người", "visit")
_add(("USD", "usd", "đô la Mỹ"), "money_usd", 1, "USD", "USD")

# Words pint cannot read as one identifier, and the name it knows them by.
_PINT_WORDS = {
    "đảng viên": "member",
    "tổ chức": "organisation",
    "doanh nghiệp": "enterprise",
    "lượt người": "visit",
    "đô la Mỹ": "USD",
    "%": "percent",
}

_PINT_DEFINITIONS = (
    "đồng = [money_vnd] = VND = dong",
    "nghìn = 1000 = ngàn",
    "triệu = 1000000",
    "tỷ = 1000000000 = tỉ",
    "member = [member] = members",
    "organisation = [organisation] = organisations = organization = organizations",
    "enterprise = [enterprise] = enterprises = DN",
    "household = [household] = households = hộ",
    "person = [person] = persons = people = người",
    "visit = [visit] = visits",
    "USD = [money_usd] = usd",
)

# Other spellings of the units above, as targets are written (the words the target parser
# reads after a figure), and the unit each is kept as. They are found in any case:
# "million VND" and "Million vnd" are both triệu đồng. A spelling kept as written (a name
# above, or a unit pint knows) is not here.
_SPELLINGS: dict[str, str] = {
    "‰": "permille",
    "phần trăm": "percent",
    "per cent": "percent",
    "percentage points": "percent",
    "percentage point": "percent",
    "điểm phần trăm": "percent",
    "điểm %": "percent",
    "tỷ": "tỷ đồng",
    "tỉ": "tỷ đồng",
    "billion đồng": "tỷ đồng",
    "billion VND": "tỷ đồng",
    "triệu": "triệu đồng",
    "million đồng": "triệu đồng",
    "million VND": "triệu đồng",
    "thousand đồng": "nghìn đồng",
    "VNĐ": "đồng",
    "US dollars": "USD",
    "dollars": "USD",
    "party members": "member",
    "firms": "enterprise",
    "hộ gia đình": "household",
    "héc ta": "hectare",
    "kwh": "kWh",
}

# Words a target's text reads as percentage points, but which as the unit of an indicator
# may as well be a score ("65 điểm" on a scale of 100): refused, with both readings.
_AMBIGUOUS = frozenset({"điểm", "point", "points"})


def _fold_case(text: str) -> str:
    return " ".join(text.split()).casefold()


# Every spelling above and every built-in name, in any case, and the unit it is kept as.
_BY_CASE: dict[str, str] = {}
for _name in _KNOWN:
    _BY_CASE.setdefault(_fold_case(_name), _name)
for _name, _unit in _SPELLINGS.items():
    _BY_CASE.setdefault(_fold_case(_name), _unit)

_user_definitions: list[str] = []
_given: tuple[str, ...] = ()  # the definitions as given to define_unit(), in order
_user_names: set[str] = set()  # the names they define


def canonical(
    unit: str | None,
    *,
    argument: str,
    type_error: type[ResolmetricsError] = InvalidTargetTypeError,
) -> str | None:
    """The unit as resolmetrics keeps it, validated; ``None`` for a plain count."""
    if unit is None:
        return None
    if not isinstance(unit, str):
        raise type_error(
            f"{argument} must be a unit name such as 'percent' or 'tỷ đồng', or None for a "
            f"plain count, got {unit!r} of type {type(unit).__name__}"
        )
    text = " ".join(unit.split())
    if text in ("", "1", "count", "dimensionless"):
        return None
    if text == "%":
        return "percent"
    if text in _KNOWN:
        return text
    folded = text.casefold()
    if folded in _AMBIGUOUS and text not in _user_names:
        raise UnitError(
            f"{argument}={shown(text)} may be percentage points or the points of a score; write "
            "'percent' for a share in percent (its margins are in percentage points), or "
            "define the score's unit with define_unit(), e.g. define_unit('score = [score]')"
        )
    spelt = _BY_CASE.get(folded)
    if spelt is not None:
        return spelt
    _pint_units(text, argument)  # raises UnitError when pint cannot read it
    return text


# The dimensions of the known units that count whole things.
_COUNTED = frozenset({"member", "organisation", "enterprise", "household", "person", "visit"})


def is_count(unit: str | None) -> bool:
    """True for a plain count (no unit) and the known units of whole things (members,
    organisations, enterprises, households, persons, visits); False for shares, money and
    measures such as km or ha."""
    if unit is None:
        return True
    known = _KNOWN.get(unit)
    return known is not None and known.dimension in _COUNTED


def is_share(unit: str | None) -> bool:
    """True for a percentage-like unit (``percent``, ``permille``)."""
    if unit is None:
        return False
    known = _KNOWN.get(unit)
    if known is not None:
        return known.dimension == "share"
    return _pint_is_share(unit)


# How units pint knows are written after a number, where not as named.
_LABELS = {"hectare": "ha", "hectares": "ha", "kilometer": "km", "kilometre": "km"}


def label(unit: str | None, lang: str, *, one: bool = False) -> str:
    """How *unit* is written after a number in *lang* (after exactly 1 if *one*).

    ``""`` for a plain count.
    """
    if unit is None:
        return ""
    known = _KNOWN.get(unit)
    if known is None:
        return _LABELS.get(unit, unit)
    if lang == "vi":
        return known.vi
    return known.en_one if one else known.en


def known_units() -> tuple[str, ...]:
    """The unit names resolmetrics knows without pint, for messages and docs."""
    return tuple(_KNOWN)


def spellings() -> dict[str, str]:
    """The other spellings resolmetrics reads as one of its units, and that unit.

    ``spellings()["million VND"]`` is ``"triệu đồng"``. They are found in any case.
    """
    return dict(_SPELLINGS)


@functools.lru_cache(maxsize=4096)
def factor(from_unit: str | None, to_unit: str | None) -> Exact:
    """The exact number that turns a value in *from_unit* into *to_unit*.

    Raises :class:`UnitError` (without naming an indicator: callers add that)
    when the two measure different things.
    """
    if from_unit == to_unit:
        return Decimal(1)
    if from_unit is None or to_unit is None:
        _incompatible(from_unit, to_unit)
    a, b = _KNOWN.get(from_unit or ""), _KNOWN.get(to_unit or "")
    if a is not None and b is not None:
        if a.dimension != b.dimension:
            _incompatible(from_unit, to_unit)
        return normal(a.factor / b.factor)
    if is_share(from_unit) != is_share(to_unit):
        _incompatible(from_unit, to_unit)
    registry = _registry()
    source = _pint_units(from_unit, "unit")
    target = _pint_units(to_unit, "unit")
    f1, root1 = registry.get_root_units(source)
    f2, root2 = registry.get_root_units(target)
    if root1 != root2:
        _incompatible(from_unit, to_unit)
    return normal(Fraction(f1) / Fraction(f2))  # type: ignore[arg-type]


def _incompatible(a: str | None, b: str | None) -> None:
    def show(unit: str | None) -> str:
        return "a plain count" if unit is None else repr(unit)

    raise UnitError(
        f"cannot compare {show(a)} with {show(b)}: they measure different things; "
        "give the figure in a unit of the same kind"
        + (" (a share in percent is not a count)" if is_share(a) or is_share(b) else "")
    )


def define_unit(definition: str) -> None:
    """Add a unit to the registry, in pint's definition syntax.

    >>> define_unit("bed = [bed] = beds")          # a new kind of count
    >>> define_unit("tấn = 1000 * kilogram")        # a new name for a known size
    >>> define_unit("lượt khách = [guest_visit]")   # a name of several words

    The registry is shared by the whole process. Defining the same text twice
    is harmless; a name that already exists, a definition pint cannot read,
    or a unit of size zero raises :class:`UnitError` at once. Defining a unit
    builds the registry (a fraction of a second, once).
    """
    if not isinstance(definition, str) or "=" not in definition:
        raise UnitError(
            f"define_unit(definition) takes pint's definition syntax such as "
            f"'bed = [bed]' or 'tấn = 1000 * kilogram', got {definition!r}"
        )
    text = " ".join(definition.split())
    name, _, rest = (part.strip() for part in text.partition("="))
    if not name or not rest:
        raise UnitError(
            f"define_unit({definition!r}) needs a name and what it equals, such as "
            "'bed = [bed]' or 'tấn = 1000 * kilogram'"
        )
    identifier = name.replace(" ", "_")  # pint names are one word
    pint_text = f"{identifier} = {_pint_expression(rest)}"
    if pint_text in _user_definitions:
        return
    if name in _KNOWN or _is_defined(identifier):
        raise UnitError(
            f"define_unit({definition!r}): the unit {name!r} is already defined; "
            "choose another name"
        )
    registry = _registry()
    _define(registry, pint_text, definition)
    if " " in name:
        _PINT_WORDS[name] = identifier
    size, _ = registry.get_root_units(registry.parse_units(identifier))
    if size == 0:
        raise UnitError(f"define_unit({definition!r}) defines a unit of size zero")
    global _given
    _user_definitions.append(pint_text)
    _given = (*_given, definition)
    _user_names.add(name)


def user_definitions() -> tuple[str, ...]:
    """The definitions given to :func:`define_unit` in this process, in order (one tuple,
    the same object until the next definition)."""
    return _given


def redefine(definitions: tuple[str, ...]) -> None:
    """Define again, in this process, the units another one defined: what loading a pickled
    indicator does. A definition already made here is skipped; one that clashes with a unit
    defined here in another way raises :class:`UnitError`."""
    if definitions == _given[: len(definitions)]:
        return
    for definition in definitions:
        define_unit(definition)


def _pint_expression(text: str) -> str:
    """*text* with resolmetrics' multi-word unit names turned into pint identifiers.

    Longer names go first, so that "tổ chức cơ sở đảng" is not read as
    "tổ chức" followed by other words.
    """
    for words in sorted(_PINT_WORDS, key=len, reverse=True):
        text = text.replace(words, _PINT_WORDS[words])
    return text


def _is_defined(name: str) -> bool:
    try:
        _registry().parse_units(name)
    except Exception:
        return False
    return True


def _define(registry: pint.UnitRegistry[Any], text: str, shown: str) -> None:
    try:
        registry.define(text)
        name = text.partition("=")[0].strip()
        registry.get_root_units(registry.parse_units(name))  # reads what it refers to
    except Exception as exc:
        raise UnitError(
            f"define_unit({shown!r}) cannot be read: {exc}; use pint's definition syntax "
            "with known units, such as 'tấn = 1000 * kilogram'"
        ) from None
    _pint_units.cache_clear()


@functools.cache
def _registry() -> pint.UnitRegistry[Any]:
    import logging

    import pint

    # pint logs a line for every redefinition; the definitions here are deliberate.
    logging.getLogger("pint").setLevel(logging.ERROR)
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
        non_int_type=Fraction, autoconvert_offset_to_baseunit=False
    )
    for text in _PINT_DEFINITIONS:
        registry.define(text)
    return registry


@functools.lru_cache(maxsize=1024)
def _pint_units(text: str, argument: str) -> Any:
    expression = _pint_expression(text)
    registry = _registry()
    try:
        parsed = registry.parse_units(expression)
        multiplicative = registry.Quantity(1, parsed)._is_multiplicative
        size = registry.get_root_units(parsed)[0]
    except Exception:
        near = nearest(text)
        hint = f"did you mean {near!r}? " if near else ""
        raise UnitError(
            f"{argument}={shown(text)} is not a known unit; {hint}"
            "use a unit pint knows (e.g. 'km', 'ha', 'kWh'), one of resolmetrics' own "
            "('percent', 'tỷ đồng', 'member', ...), or define it with define_unit()"
        ) from None
    if size == 0:
        raise UnitError(f"{argument}={text!r} is a unit of size zero; it measures nothing")
    if not multiplicative:
        raise UnitError(
            f"{argument}={text!r} is a unit with an offset (a temperature scale such as "
            "degC): its values do not convert by a factor; use kelvin, or a difference "
            "unit such as delta_degC"
        )
    return parsed


def nearest(text: str) -> str | None:
    """The known unit *text* most likely means: the one it spells without its accents
    ("ty dong" is tỷ đồng, not đồng), else the closest spelling, or None."""
    import difflib

    names = [*_KNOWN, *_SPELLINGS]
    folded = _folded(text)
    for name in names:
        if _folded(name) == folded:
            return name
    by_case = {_fold_case(name): name for name in reversed(names)}  # the first spelling wins
    found = difflib.get_close_matches(_fold_case(text), list(by_case), n=1, cutoff=0.6)
    return by_case[found[0]] if found else None


def _folded(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", " ".join(text.split()).casefold()).replace("đ", "d")
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _pint_is_share(unit: str) -> bool:
    parsed = _pint_units(unit, "unit")
    return any(name in ("percent", "permille") for name in parsed._units)
