"""JSON for embedding: every value type, verdicts and reports, with exact numbers kept exact.

>>> import resolmetrics as rm
>>> from resolmetrics import json as rmjson
>>> share = rm.Indicator("org_good", unit="percent")
>>> verdict = rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result("93.1"))
>>> text = rmjson.dumps(verdict)
>>> rmjson.loads(text) == verdict
True

A document is an envelope that names its format and what it holds::

    {"schema": "urn:resolmetrics:schema:1", "version": 1, "type": "Verdict", "value": {...}}

Exact numbers are JSON strings (``"93.1"``, ``"41/71"``), never JSON
numbers; dates are ISO strings; enumerations are their values. The format is
described by a JSON Schema (:func:`schema`) and in the reference page
``docs/reference/json.md``. This module imports cattrs when it is first used.
"""

from __future__ import annotations

import builtins
import enum
import functools
import json
import operator
import re
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from .errors import InvalidArgumentError, InvalidArgumentTypeError, ResolmetricsError, shown
from .indicators import Direction
from .numbers import limit_problem, looks_numeric, text_digits_problem
from .policy import PROGRESS_METHODS

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "SCHEMA_ID",
    "VERSION",
    "JSONError",
    "dumps",
    "loads",
    "schema",
    "structure",
    "unstructure",
]

SCHEMA_ID = "urn:resolmetrics:schema:1"
"""The ``$id`` of the JSON Schema of this format, written in every document's ``schema``."""

VERSION = 1
"""The version of the JSON format this release writes and reads."""

T = TypeVar("T")


class JSONError(ResolmetricsError, ValueError):
    """A JSON document resolmetrics cannot read.

    ``path`` is where in the document the problem is (``"value.rows[2].verdicts[0].actual"``;
    empty for the text as a whole) and ``message`` what is wrong there and what was expected.
    """

    def __init__(self, message: str, path: str = "") -> None:
        self.message = message
        self.path = path
        super().__init__(message, path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


# --------------------------------------------------------------------------- public calls


def dumps(value: object, *, indent: int | None = None) -> str:
    """*value* as a JSON document (a str).

    *value* is any resolmetrics value type: a Verdict, a Report, an Audit,
    a Target, a Result, a Policy, ... (see :func:`unstructure`), or results by
    indicator key, the dict :meth:`Resolution.evaluate` takes (a dict of str to
    lists or tuples of Result), written as a ``"Results"`` document. ``indent``
    pretty-prints with that many spaces. Text is written as Unicode (Vietnamese
    stays legible).
    """
    if indent is not None and (type(indent) is not int or indent < 0):
        raise InvalidArgumentError(
            f"dumps(indent) must be None or a number of spaces (an int, 0 or more), got {indent!r}"
        )
    return json.dumps(_envelope(value, "dumps"), ensure_ascii=False, indent=indent)


@overload
def loads(text: str | bytes, type: builtins.type[T]) -> T: ...
@overload
def loads(text: str | bytes, type: None = None) -> Any: ...
def loads(text: str | bytes, type: builtins.type[Any] | None = None) -> Any:
    """The value a JSON document written by :func:`dumps` holds.

    Without *type*, the document's ``"type"`` says what to build; with it, a
    document holding anything else is an error. A ``"Results"`` document
    gives a dict of lists of Result (``type=dict`` insists on one). Every problem raises
    :class:`JSONError` naming the place in the document, showing the value
    found and saying what was expected.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidArgumentTypeError(
            f"loads(text) must be the JSON text, a str or bytes, got {_short(repr(text))} "
            f"of type {builtins.type(text).__name__}; use structure() for parsed data"
        )
    try:
        data = json.loads(text, parse_int=_json_int, parse_float=_json_float)
    except _BeyondLimits as exc:
        raise JSONError(exc.message(text)) from None
    except json.JSONDecodeError as exc:
        raise JSONError(
            f"the text is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (UnicodeDecodeError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else "not UTF-8 text"
        raise JSONError(f"the text is not valid JSON: {reason}") from None
    return structure(data, type)


class _BeyondLimits(Exception):
    """A JSON number beyond what resolmetrics reads, raised from the hooks of json.loads."""

    def __init__(self, token: str, problem: str) -> None:
        self.token = token
        self.problem = problem
        super().__init__(token, problem)

    def message(self, text: str | bytes | bytearray) -> str:
        if not isinstance(text, str):
            text = bytes(text).decode(json.detect_encoding(text), "surrogatepass")
        place = json.JSONDecodeError("", text, max(text.find(self.token), 0))
        return (
            f"the number {shown(self.token)[1:-1]} at line {place.lineno}, column {place.colno} "
            f'{self.problem}; an exact number is written as a string, such as "93.1"'
        )


def _json_int(token: str) -> int:
    """A JSON integer, refused before int() when it has more digits than resolmetrics reads
    (int() itself refuses more than 4300 with a ValueError of its own)."""
    problem = text_digits_problem(token)
    if problem is not None:
        raise _BeyondLimits(token, problem)
    return int(token)


def _json_float(token: str) -> float:
    """A JSON number with a fraction or an exponent, refused beyond the limits rather than
    read as inf or 0.0 (json.loads reads "1e999999999" as inf). Such a number is read as a
    float, which no field takes: the field's message says to write it as a string."""
    problem = text_digits_problem(token.partition("e")[0].partition("E")[0])
    if problem is None:
        try:
            problem = limit_problem(Decimal(token))
        except InvalidOperation:  # an exponent beyond what Decimal reads
            problem = limit_problem(Decimal("1e999999999"))
    if problem is not None:
        raise _BeyondLimits(token, problem)
    return float(token)


def unstructure(value: object) -> dict[str, Any]:
    """*value* as a JSON-ready document: dicts, lists, str, int, bool and None only.

    The document is the envelope ``{"schema", "version", "type", "value"}``;
    ``json.dumps`` of it is what :func:`dumps` returns. Use it to embed a
    value in a larger document.
    """
    return _envelope(value, "unstructure")


def _envelope(value: object, function: str) -> dict[str, Any]:
    names = _names()
    kind = builtins.type(value)
    if kind is dict:
        return {
            "schema": SCHEMA_ID,
            "version": VERSION,
            "type": _RESULTS,
            "value": _unstructure_results(typing.cast(dict[object, object], value), function),
        }
    if kind not in names:
        raise InvalidArgumentTypeError(
            f"{function}(value) must be a resolmetrics value such as a Verdict, a Report or "
            f"a Target, got {_short(repr(value))} of type {kind.__name__}; the types written "
            f"as JSON are: {', '.join(sorted([*names.values(), _RESULTS]))}"
        )
    return {
        "schema": SCHEMA_ID,
        "version": VERSION,
        "type": names[kind],
        "value": _converter().unstructure(value),
    }


#: The ``type`` of a document holding results by indicator key, ``{"org_good": [Result]}``.
_RESULTS = "Results"


def _unstructure_results(value: dict[object, object], function: str) -> dict[str, list[Any]]:
    """Results by indicator key, as :meth:`Resolution.evaluate` takes them, or a clear error."""
    result_cls = _namespace()["Result"]
    write = _converter().get_unstructure_hook(result_cls)
    document: dict[str, list[Any]] = {}
    for key, items in value.items():
        if not isinstance(key, str):
            problem = f"its key {_short(repr(key))} is {_a(key)}, not an indicator key (a str)"
        elif not isinstance(items, list | tuple):
            hint = f": put it in a list, [{_short(repr(items))}]" if isinstance(
                items, result_cls) else ""  # fmt: skip
            problem = f"value[{shown(key)}] is {_short(repr(items))}, not a list of Results{hint}"
        else:
            wrong = [i for i, item in enumerate(items) if builtins.type(item) is not result_cls]
            if not wrong:
                document[key] = [write(item) for item in items]
                continue
            item = items[wrong[0]]
            problem = (
                f"value[{shown(key)}][{wrong[0]}] is {_short(repr(item))}, {_a(item)}, "
                "not a Result"
            )
        raise InvalidArgumentTypeError(
            f"{function}(value) is a dict, which is written as Results: indicator keys (str) "
            f"mapped to lists of Result, such as {{'org_good': [Result('93.1')]}}; but {problem}"
        )
    return document


def _a(obj: object) -> str:
    """ "an int", "a float": the type of *obj* with its article."""
    name = builtins.type(obj).__name__
    return f"an {name}" if name[:1] in "aeiouAEIOU" else f"a {name}"


def structure(data: object, type: builtins.type[Any] | None = None) -> Any:
    """The value a document made by :func:`unstructure` (or parsed JSON) holds.

    See :func:`loads`; *data* is the parsed document rather than its text.
    """
    classes: dict[str, builtins.type[Any]] = {**_classes(), _RESULTS: dict}
    if type is not None and type not in classes.values():
        raise InvalidArgumentError(
            f"structure(type) / loads(type) must be a resolmetrics type written as JSON, "
            f"got {type!r}; use one of: {', '.join(sorted(_classes()))}, dict (for Results), "
            "or None to build what the document says"
        )
    if builtins.type(data) is not dict:
        raise JSONError(
            f"a resolmetrics document is an object with the fields "
            f'"schema", "version", "type" and "value", {_got(data)}'
        )
    for key in ("version", "schema", "type", "value"):
        if key not in data:
            raise JSONError("this field is missing; a resolmetrics document needs it", key)
    extra = sorted(set(data) - {"schema", "version", "type", "value"})
    if extra:
        raise JSONError(
            f"unknown field {_quoted(extra, 12)}; a resolmetrics document has the fields "
            '"schema", "version", "type" and "value"'
        )
    version = data["version"]
    if builtins.type(version) is float and version.is_integer():
        version = int(version)  # 1.0 is the integer 1 in JSON, as the schema reads it
    if builtins.type(version) is not int:
        raise JSONError(f"expected the format version as a whole number, {_got(version)}",
                        "version")  # fmt: skip
    if version != VERSION:
        newer = "a later" if version > VERSION else "an earlier"
        raise JSONError(
            f"this release of resolmetrics reads version {VERSION} of the JSON format, "
            f"got version {version}, written by {newer} release; read it with that release",
            "version",
        )
    if data["schema"] != SCHEMA_ID:
        raise JSONError(
            f"expected {json.dumps(SCHEMA_ID)}, {_got(data['schema'])}; this is not a "
            "resolmetrics document of this format",
            "schema",
        )
    name = data["type"]
    if name not in classes:
        hint = _did_you_mean(name, classes) or f"; the types are: {', '.join(sorted(classes))}"
        raise JSONError(f"expected the name of a resolmetrics type, {_got(name)}{hint}", "type")
    cls = classes[name]
    if type is not None and cls is not type:
        wanted = _RESULTS if type is dict else _names()[type]
        raise JSONError(
            f'expected a {wanted} document, got "{name}"; read it with loads(text, '
            f"{cls.__name__}), or with loads(text) to build whatever the document holds",
            "type",
        )
    if cls is dict:
        return _structure_results(data["value"])
    try:
        return _converter().structure(data["value"], cls)
    except Exception as exc:  # every problem in the value becomes one JSONError
        raise _translate(exc, "value", cls) from None


@functools.cache
def _schema_text() -> str:
    from importlib import resources

    return (
        resources.files("resolmetrics")
        .joinpath("schema", "resolmetrics-1.schema.json")
        .read_text(encoding="utf-8")
    )


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents :func:`dumps` writes, as a new dict.

    >>> from resolmetrics import json as rmjson
    >>> rmjson.schema()["$id"] == rmjson.SCHEMA_ID
    True
    """
    result: dict[str, Any] = json.loads(_schema_text())
    return result


# --------------------------------------------------------------------------- messages


class _Invalid(Exception):
    """A value in the document is not what its place needs; the message says so."""


_KINDS = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
}


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _got(obj: object) -> str:
    if obj is None:
        return "got null"
    try:
        text = json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(obj)
    return f"got {_short(text)} ({_KINDS.get(builtins.type(obj), builtins.type(obj).__name__)})"


def _quoted(names: list[str], most: int | None = None) -> str:
    """The names as JSON strings, each cut to 60 characters; the first *most* of them."""
    quoted = [_short(json.dumps(name, ensure_ascii=False)) for name in names[:most]]
    more = f" and {len(names) - len(quoted):,} more" if len(names) > len(quoted) else ""
    return ", ".join(quoted) + more


def _did_you_mean(word: object, options: typing.Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    import difflib

    near = difflib.get_close_matches(word, list(options), n=1)
    return f"; did you mean {json.dumps(near[0])}?" if near else ""


def _translate(exc: BaseException, path: str, expected: object) -> JSONError:
    """One JSONError for what cattrs and the constructors raised, at the first problem."""
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    holder: object = expected
    while isinstance(exc, ClassValidationError | IterableValidationError):
        holder = exc.cl
        noted, plain = exc.group_exceptions()
        if noted:
            exc, note = noted[0]
            if isinstance(note, AttributeValidationNote):
                path, expected = f"{path}.{note.name}", note.type
            elif isinstance(note, IterableValidationNote):
                path, expected = f"{path}[{note.index}]", note.type
        else:
            exc = plain[0]
            if isinstance(holder, builtins.type) and attrs.has(holder):
                expected = holder  # its constructor refused the fields: name it, wherever it is
    if isinstance(exc, _Invalid):
        return JSONError(str(exc), path)
    if isinstance(exc, ForbiddenExtraKeysError):
        owner = exc.cl
        return JSONError(
            f"unknown field {_quoted(sorted(exc.extra_fields), 12)}; "
            f"{_article(owner.__name__)} has the fields {_quoted(_keys(owner))}",
            path,
        )
    if isinstance(exc, KeyError):
        owner_name = getattr(holder, "__name__", "value")
        return JSONError(f"this field is missing; {_article(owner_name)} needs it", path)
    if isinstance(exc, RecursionError):
        return JSONError("the document is nested too deeply", path)
    if isinstance(exc, ResolmetricsError):
        return JSONError(f"not a valid {_type_name(expected)}: {exc}", path)
    return JSONError(f"cannot read this value: {exc}", path)


def _article(name: str) -> str:
    """ "an Indicator", "a Eurostat", "a UNSD": by the sound of the type's name."""
    vowel = name[:1] in "AIO" or (name[:1] == "E" and not name.startswith("Eu"))
    return f"an {name}" if vowel else f"a {name}"


def _type_name(kind: object) -> str:
    if isinstance(kind, builtins.type):
        return kind.__name__
    members = [a for a in typing.get_args(kind) if a is not builtins.type(None)]
    if len(members) == 1 and isinstance(members[0], builtins.type):
        return members[0].__name__
    return "value"


# --------------------------------------------------------------------------- numbers and scalars

_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_FRACTION = re.compile(r"-?(?:0|[1-9][0-9]*)/(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EXACT = 'an exact number written as a string, a decimal such as "93.1" or a ratio such as "41/71"'


def _exact_text(value: Decimal | Fraction) -> str:
    """Plain decimal notation for a Decimal, "p/q" for a Fraction ("p" when q is 1)."""
    if builtins.type(value) is Fraction:
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    return format(value, "f")


def _unstructure_exact(value: Decimal | Fraction) -> str:
    return _exact_text(value)


def _exact_or_text(value: Decimal | Fraction | str | None) -> str | None:
    return value if value is None or isinstance(value, str) else _exact_text(value)


def _date_or_as_is(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _is_int(obj: object) -> bool:
    return isinstance(obj, int) and not isinstance(obj, bool)


def _read_exact(obj: object, what: str = _EXACT) -> Decimal | Fraction:
    if isinstance(obj, str):
        if _DECIMAL.fullmatch(obj):
            number = Decimal(obj)
            problem = limit_problem(number)
            if problem is not None:
                raise _Invalid(f"{_got(obj)}, which {problem}")
            return number
        if _FRACTION.fullmatch(obj):
            numerator, denominator = obj.split("/")
            for part, digits in (("numerator", numerator), ("denominator", denominator)):
                problem = text_digits_problem(digits)  # before int(), which reads 4300 at most
                if problem is not None:
                    raise _Invalid(f"{_got(obj)}, whose {part} {problem}")
            top, bottom = int(numerator), int(denominator)
            if bottom == 0:
                raise _Invalid(f"expected {what}, {_got(obj)}: a ratio cannot divide by zero")
            ratio = Fraction(top, bottom)
            problem = limit_problem(ratio)
            if problem is not None:
                raise _Invalid(f"{_got(obj)}, which {problem}")
            return ratio
        raise _Invalid(f"expected {what}, {_got(obj)}{_notation_hint(obj)}")
    if _is_int(obj) or isinstance(obj, float):
        raise _Invalid(
            f"expected {what}, {_got(obj)}; write it as the string {json.dumps(str(obj))}"
        )
    raise _Invalid(f"expected {what}, {_got(obj)}")


def _notation_hint(text: str) -> str:
    try:
        number = Decimal(text.strip().replace("_", ""))
    except InvalidOperation:
        return ""
    if not number.is_finite():
        return "; only finite numbers are written"
    problem = limit_problem(number)  # before format(), which writes 1e999999999 in full
    if problem is not None:
        return f"; it {problem}"
    return f"; in plain decimal notation it is {json.dumps(format(number, 'f'))}"


def _structure_exact(obj: object, _: object) -> Decimal | Fraction:
    return _read_exact(obj)


def _structure_decimal(obj: object, _: object) -> Decimal:
    what = 'a decimal number written as a string, such as "93.1"'
    number = _read_exact(obj, what)
    if not isinstance(number, Decimal):
        raise _Invalid(f"expected {what}, {_got(obj)}")
    return number


def _structure_fraction(obj: object, _: object) -> Fraction:
    return Fraction(_read_exact(obj))


def _structure_exact_or_level(obj: object, _: object) -> Decimal | Fraction | str:
    if isinstance(obj, str):
        if _DECIMAL.fullmatch(obj) or _FRACTION.fullmatch(obj) or looks_numeric(obj):
            return _read_exact(obj)
        return obj
    return _read_exact(obj, f'{_EXACT}, or a rating level such as "HTTNV"')


def _optional(hook: Callable[[object, object], T]) -> Callable[[object, object], T | None]:
    def structure_optional(obj: object, kind: object) -> T | None:
        return None if obj is None else hook(obj, kind)

    return structure_optional


def _structure_str(obj: object, _: object) -> str:
    if not isinstance(obj, str):
        raise _Invalid(f"expected a string, {_got(obj)}")
    return obj


def _structure_int(obj: object, _: object) -> int:
    if not isinstance(obj, int) or isinstance(obj, bool):
        hint = ""
        if isinstance(obj, str) and obj.strip().lstrip("-").isdigit():
            hint = f"; write it without quotes: {obj.strip()}"
        raise _Invalid(f"expected a whole number, {_got(obj)}{hint}")
    return obj


def _structure_bool(obj: object, _: object) -> bool:
    if not isinstance(obj, bool):
        raise _Invalid(f"expected true or false, {_got(obj)}")
    return obj


def _structure_date(obj: object, _: object) -> date:
    if isinstance(obj, str) and _DATE.fullmatch(obj):
        try:
            return date.fromisoformat(obj)
        except ValueError:
            raise _Invalid(
                f"expected a date, {_got(obj)}, which is not a day of the calendar"
            ) from None
    raise _Invalid(f'expected a date as an ISO string such as "2023-06-30", {_got(obj)}')


def _structure_year_or_date(obj: object, _: object) -> int | date:
    if isinstance(obj, int) and not isinstance(obj, bool):
        return obj
    if isinstance(obj, str) and _DATE.fullmatch(obj):
        return _structure_date(obj, date)
    raise _Invalid(f'expected a year such as 2025 or a date such as "2025-12-31", {_got(obj)}')


def _structure_spec_due(obj: object, _: object) -> int | str | date:
    if isinstance(obj, str) and not _DATE.fullmatch(obj):
        return obj
    return _structure_year_or_date(obj, date)


def _structure_int_or_str(obj: object, _: object) -> int | str:
    if isinstance(obj, str) or (isinstance(obj, int) and not isinstance(obj, bool)):
        return obj
    raise _Invalid(f"expected a year (a whole number) or a unit's name (a string), {_got(obj)}")


def _enum_hook(cls: builtins.type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members = {member.value: member for member in cls}

    def structure_enum(obj: object, _: object) -> enum.Enum:
        if isinstance(obj, str) and obj in members:
            return members[obj]
        raise _Invalid(
            f"expected one of {_quoted(list(members))}, {_got(obj)}"
            f"{_did_you_mean(obj, list(members))}"
        )

    return structure_enum


def _is_tuple(kind: object) -> bool:
    return typing.get_origin(kind) is tuple


def _tuple_hook(
    kind: Any, converter: cattrs.Converter
) -> Callable[[object, object], tuple[Any, ...]]:
    """Strict tuples: a JSON array only (never a string or an object), of the right length."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    args = typing.get_args(kind)
    repeated = len(args) == 2 and args[1] is Ellipsis
    items = (args[0],) if repeated else args
    hooks = [converter.get_structure_hook(item) for item in items]

    def structure_tuple(obj: object, _: object) -> tuple[Any, ...]:
        if not isinstance(obj, list) or (not repeated and len(obj) != len(args)):
            count = "" if repeated else f" of {len(args)} items"
            raise _Invalid(f"expected an array{count}, {_got(obj)}")
        out = []
        errors = []
        for index, item in enumerate(obj):
            position = 0 if repeated else index
            try:
                out.append(hooks[position](item, items[position]))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"index {index}", index, items[position]))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {kind}", errors, kind)
        return tuple(out)

    return structure_tuple


def _tuple_writer(kind: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    """Tuples as JSON arrays (lists), each item written by its type's hook."""
    args = typing.get_args(kind)
    if not args or (len(args) == 2 and args[1] is Ellipsis):
        item = converter.get_unstructure_hook(args[0]) if args else converter.unstructure

        def unstructure_items(value: Any) -> list[Any]:
            return [item(each) for each in value]

        return unstructure_items
    hooks = [converter.get_unstructure_hook(arg) for arg in args]

    def unstructure_fixed(value: Any) -> list[Any]:
        return [hook(each) for hook, each in zip(hooks, value, strict=True)]

    return unstructure_fixed


# --------------------------------------------------------------------------- the converter


def _classes() -> dict[str, builtins.type[Any]]:
    return {name: cls for cls, name in _names().items()}


@functools.cache
def _names() -> dict[builtins.type[Any], str]:
    """Every type a document can hold, and the name its ``"type"`` field gives it."""
    return {cls: cls.__name__ for cls in _namespace().values() if isinstance(cls, builtins.type)
            and cls not in (date, Decimal, Fraction, Mapping)}  # fmt: skip


@functools.cache
def _namespace() -> dict[str, Any]:
    """The names the annotations of the value types use, for resolving them."""
    from .audit import Audit, Finding, FindingKind, Published, PublishedRow
    from .files import Problem
    from .indicators import Direction, Indicator, Level, OrdinalScale
    from .policy import Policy
    from .progress import UNSD, Eurostat, LinearProRating, OpenSDG, Progress
    from .resolution import Group, Report, Resolution, Row
    from .results import Result
    from .rules import Across, Kind, Quantifier, Quota, Rule
    from .targets import Baseline, Target
    from .text import TargetSpec
    from .verdicts import Context, Status, Verdict

    classes: list[Any] = [
        Status, Direction, Kind, Quantifier, Level, OrdinalScale, Indicator, Rule, Quota,
        Across, Baseline, Target, Result, OpenSDG, Eurostat, UNSD, LinearProRating, Policy,
        Progress, Context, Verdict, Group, Row, Resolution, Report, TargetSpec,
        FindingKind, PublishedRow, Published, Finding, Audit, Problem,
    ]  # fmt: skip
    namespace = {cls.__name__: cls for cls in classes}
    namespace.update(date=date, Decimal=Decimal, Fraction=Fraction, Mapping=Mapping)
    return namespace


def _fields(cls: builtins.type[Any]) -> list[attrs.Attribute[Any]]:
    """*cls*'s attrs fields with their annotations resolved (the class is left untouched)."""
    hints = typing.get_type_hints(cls, localns=_namespace())
    return [field.evolve(type=hints.get(field.name, field.type)) for field in attrs.fields(cls)]


def _keys(cls: builtins.type[Any]) -> list[str]:
    """The fields of *cls*'s JSON object, in the order they are written."""
    keys = [field.name for field in attrs.fields(cls) if field.init]
    if cls.__name__ in _METHODS:
        keys.insert(0, "method")
    return [*keys, *_EXTRA_KEYS.get(cls.__name__, ())]


_VERDICT_DERIVED = ("met", "margin", "bound", "relative_margin", "attainment", "explanation")
_REPORT_DERIVED = ("counts", "summary")
_AUDIT_DERIVED = ("findings", "ok", "counts", "summary")
_EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "Verdict": _VERDICT_DERIVED,
    "Report": _REPORT_DERIVED,
    "Result": ("ratio_of",),
    "Finding": ("agrees",),
    "Audit": _AUDIT_DERIVED,
}
_METHODS = ("OpenSDG", "Eurostat", "UNSD", "LinearProRating")
_DIRECTIONS = {direction.value: direction for direction in Direction}

_Read: typing.TypeAlias = Callable[[Any, Any], Any]
_Write: typing.TypeAlias = Callable[[Any], Any]
_Wrapper: typing.TypeAlias = Callable[
    ["cattrs.Converter", builtins.type[Any], _Read, _Write], tuple[_Read, _Write]
]


@functools.cache
def _converter() -> cattrs.Converter:
    """The one converter, built on first use: hooks for every value type."""
    import cattrs
    from cattrs.gen import (
        make_dict_structure_fn_from_attrs,
        make_dict_unstructure_fn_from_attrs,
        override,
    )

    ns = _namespace()
    converter = cattrs.Converter()

    exact = Decimal | Fraction
    level = Decimal | Fraction | str
    for kind, hook in (
        (exact, _structure_exact),
        (exact | None, _optional(_structure_exact)),
        (level, _structure_exact_or_level),
        (level | None, _optional(_structure_exact_or_level)),
        (int | date | None, _optional(_structure_year_or_date)),
        (int | str | date | None, _optional(_structure_spec_due)),
        (int | str, _structure_int_or_str),
    ):
        converter.register_structure_hook_func(functools.partial(operator.eq, kind), hook)
    for kind in (exact, exact | None, level, level | None):
        converter.register_unstructure_hook_func(
            functools.partial(operator.eq, kind), _exact_or_text
        )
    for kind in (int | date | None, int | str | date | None):
        converter.register_unstructure_hook_func(
            functools.partial(operator.eq, kind), _date_or_as_is
        )
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(Fraction, _structure_fraction)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(Decimal, _unstructure_exact)
    converter.register_unstructure_hook(Fraction, _unstructure_exact)
    converter.register_unstructure_hook(date, date.isoformat)
    for name in ("Status", "Direction", "Kind", "Quantifier", "FindingKind"):
        enum_class = ns[name]
        converter.register_structure_hook(enum_class, _enum_hook(enum_class))
        converter.register_unstructure_hook(enum_class, _enum_value)
    converter.register_structure_hook_factory(_is_tuple, _tuple_hook)
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_writer)

    rule, quota, target, group = ns["Rule"], ns["Quota"], ns["Target"], ns["Group"]
    converter.register_structure_hook_func(
        functools.partial(operator.eq, rule | quota),
        _choose(converter, "a rule or a quota", {"kind": rule, "level": quota}),
    )
    converter.register_structure_hook_func(
        functools.partial(operator.eq, target | group),
        _choose(converter, "a target or a group", {"indicator": target, "targets": group}),
    )

    method_field = override(
        struct_hook=functools.partial(_structure_method, converter),
        unstruct_hook=functools.partial(_unstructure_method, converter),
    )
    parameters_field = override(struct_hook=_structure_parameters,
                                unstruct_hook=_unstructure_parameters)  # fmt: skip
    both: dict[str, dict[str, Any]] = {
        "Policy": {"progress": method_field},
        "Progress": {"parameters": parameters_field},
    }
    # A verdict writes its target, policy and parts itself (see _verdict_hooks).
    omit = override(omit=True)
    writing = {**both, "Verdict": {"target": omit, "policy": omit, "parts": omit}}
    order = (
        "Level", "OrdinalScale", "Indicator", "Rule", "Quota", "Across", "Baseline", "Target",
        "Result", *_METHODS, "Policy", "Progress", "Context", "Verdict", "Group", "Row",
        "Resolution", "Report", "TargetSpec", "PublishedRow", "Published", "Finding", "Audit",
        "Problem",
    )  # fmt: skip
    wrappers: dict[str, _Wrapper] = {
        "Result": _result_hooks,
        "Verdict": _verdict_hooks,
        "Report": _report_hooks,
        "Finding": _finding_hooks,
        "Audit": _audit_hooks,
        **dict.fromkeys(_METHODS, _method_hooks),
    }
    real: dict[builtins.type[Any], tuple[_Read, _Write]] = {}
    for name in order:
        cls = ns[name]
        # By predicate: registering an attrs class directly would resolve its annotations
        # in place, and some of them name types imported for type checking only.
        is_cls = functools.partial(operator.is_, cls)
        # Late binding first, for the types that hold themselves (a verdict's parts).
        converter.register_structure_hook_func(is_cls, _late_read(real, cls))
        converter.register_unstructure_hook_func(is_cls, _late_write(real, cls))
        fields = _fields(cls)
        write: _Write = make_dict_unstructure_fn_from_attrs(
            fields, cls, converter, **writing.get(name, {})
        )
        read: _Read = make_dict_structure_fn_from_attrs(
            fields,
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **both.get(name, {}),
        )
        if name in wrappers:
            read, write = wrappers[name](converter, cls, read, write)
        read = _object_only(read, cls)
        real[cls] = (read, write)
        converter.register_structure_hook_func(is_cls, read)
        converter.register_unstructure_hook_func(is_cls, write)
    return converter


def _late_read(real: dict[builtins.type[Any], tuple[_Read, _Write]], cls: Any) -> _Read:
    def structure_later(obj: object, kind: object) -> Any:
        return real[cls][0](obj, kind)

    return structure_later


def _late_write(real: dict[builtins.type[Any], tuple[_Read, _Write]], cls: Any) -> _Write:
    def unstructure_later(value: object) -> Any:
        return real[cls][1](value)

    return unstructure_later


def _enum_value(member: enum.Enum) -> Any:
    return member.value


class _Built:
    """A value already built from the document, handed to the parts of a verdict that share it."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def _object_only(
    read: Callable[[Any, Any], T], cls: builtins.type[Any]
) -> Callable[[Any, Any], T]:
    def structure_object(obj: object, kind: object) -> T:
        if isinstance(obj, _Built):
            return obj.value  # type: ignore[return-value]
        if not isinstance(obj, dict):
            raise _Invalid(f"expected an object ({_article(cls.__name__)}), {_got(obj)}")
        return read(obj, kind)

    return structure_object


def _choose(
    converter: cattrs.Converter, what: str, by_key: dict[str, builtins.type[Any]]
) -> Callable[[object, object], Any]:
    """A union of classes told apart by a field only one of them has."""

    def structure_either(obj: object, _: object) -> Any:
        if isinstance(obj, dict):
            for key, cls in by_key.items():
                if key in obj:
                    return converter.structure(obj, cls)
        keys = " or ".join(f'"{key}"' for key in by_key)
        raise _Invalid(f"expected {what} (an object with a field {keys}), {_got(obj)}")

    return structure_either


def _noted(
    cls: builtins.type[Any],
    errors: list[tuple[str, Exception]],
    kinds: Mapping[str, object] | None = None,
) -> Exception:
    """A cattrs ClassValidationError of *cls* whose problems are at the named fields.

    *kinds* gives the type expected at a field, for the message.
    """
    from cattrs.errors import AttributeValidationNote, ClassValidationError

    for name, error in errors:
        kind = None if kinds is None else kinds.get(name)
        error.add_note(AttributeValidationNote(f"attribute {name}", name, kind))
    return ClassValidationError(f"While structuring {cls.__name__}", [e for _, e in errors], cls)


# --------------------------------------------------------------------------- results


def _structure_results(obj: object) -> dict[str, list[Any]]:
    """The value of a Results document: lists of results by indicator key."""
    if builtins.type(obj) is not dict:
        raise JSONError(
            'expected an object of results by indicator key, such as {"org_good": '
            f'[{{"value": "93.1"}}]}}, {_got(obj)}',
            "value",
        )
    result_cls = _namespace()["Result"]
    read = _converter().get_structure_hook(result_cls)
    results: dict[str, list[Any]] = {}
    for key, items in obj.items():
        plain = key.isidentifier() and len(key) <= 60
        path = f"value.{key}" if plain else f"value[{_short(json.dumps(key))}]"
        if builtins.type(items) is not list:
            raise JSONError(f"expected an array of results, {_got(items)}", path)
        results[key] = []
        for index, item in enumerate(items):
            try:
                results[key].append(read(item, result_cls))
            except Exception as exc:  # every problem in a result becomes one JSONError
                raise _translate(exc, f"{path}[{index}]", result_cls) from None
    return results


def _result_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """A Result also keeps the counts a share was computed from (``Result.ratio``)."""

    def unstructure_result(result: Any) -> dict[str, Any]:
        data: dict[str, Any] = write(result)
        data["ratio_of"] = None if result.ratio_of is None else list(result.ratio_of)
        return data

    def structure_result(obj: dict[str, Any], kind: object) -> Any:
        if "ratio_of" not in obj:
            return read(obj, kind)
        counts = obj["ratio_of"]
        result = read({k: v for k, v in obj.items() if k != "ratio_of"}, kind)
        if counts is None:
            return result
        try:
            if (
                builtins.type(counts) is not list
                or len(counts) != 2
                or any(builtins.type(n) is not int for n in counts)
            ):
                raise _Invalid(
                    f"expected null or the two counts [numerator, denominator] of a share, "
                    f"{_got(counts)}"
                )
            try:
                ratio = cls.ratio(counts[0], counts[1], period=result.period,
                                  entity=result.entity)  # fmt: skip
            except ResolmetricsError as exc:
                raise _Invalid(str(exc)) from None
            if ratio != result:
                raise _Invalid(
                    f"{counts[0]} of {counts[1]} is {_exact_text(ratio.value)} percent, but the "
                    f"result is {_exact_text(result.value)} {result.unit or ''}".rstrip()
                    + "; correct the counts or the value"
                )
        except _Invalid as exc:
            raise _noted(cls, [("ratio_of", exc)]) from None
        return ratio

    return structure_result, unstructure_result


# --------------------------------------------------------------------------- verdicts and reports


def _optional_exact(value: Decimal | Fraction | None) -> str | None:
    return None if value is None else _exact_text(value)


def _verdict_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """A verdict's JSON also carries its derived figures and its explanation.

    A part whose target (or policy) is its verdict's leaves it out, and is read
    back with its verdict's.
    """
    ns = _namespace()
    write_target = converter.get_unstructure_hook(ns["Target"])
    write_policy = converter.get_unstructure_hook(ns["Policy"])

    def unstructure_verdict(verdict: Any, parent: Any = None) -> dict[str, Any]:
        data: dict[str, Any] = {}
        target, policy = verdict.target, verdict.policy
        if parent is None or (target is not parent.target and target != parent.target):
            data["target"] = write_target(target)
        data.update(write(verdict))
        bound = verdict.bound
        data["met"] = verdict.met
        data["margin"] = _optional_exact(verdict.margin)
        data["bound"] = bound if bound is None or isinstance(bound, str) else _exact_text(bound)
        data["relative_margin"] = _optional_exact(verdict.relative_margin)
        data["attainment"] = _optional_exact(verdict.attainment)
        data["explanation"] = {"en": verdict.explain("en"), "vi": verdict.explain("vi")}
        if parent is None or (policy is not parent.policy and policy != parent.policy):
            data["policy"] = None if policy is None else write_policy(policy)
        data["parts"] = [unstructure_verdict(part, verdict) for part in verdict.parts]
        return data

    own = (("target", ns["Target"]), ("policy", ns["Policy"] | None))

    def structure_verdict(obj: dict[str, Any], kind: object) -> Any:
        parts = obj.get("parts")
        if builtins.type(parts) is list and any(
            builtins.type(part) is dict and not ("target" in part and "policy" in part)
            for part in parts
        ):
            # build the target and policy once, for the verdict and the parts that share them
            inherited: dict[str, _Built] = {}
            errors: list[tuple[str, Exception]] = []
            for key, field_type in own:
                if key in obj:
                    value = obj[key]
                    try:
                        if not isinstance(value, _Built):
                            value = _Built(converter.structure(value, field_type))
                        inherited[key] = value
                    except Exception as exc:
                        errors.append((key, exc))
            if errors:
                raise _noted(cls, errors, dict(own))
            parts = [{**inherited, **part} if builtins.type(part) is dict else part
                     for part in parts]  # fmt: skip
            obj = {**obj, **inherited, "parts": parts}
        if not any(key in obj for key in _VERDICT_DERIVED):
            verdict = read(obj, kind)
            _check_status(cls, verdict)
            return verdict
        verdict = read({k: v for k, v in obj.items() if k not in _VERDICT_DERIVED}, kind)
        _check_status(cls, verdict)
        errors = []
        for name in _VERDICT_DERIVED:
            if name not in obj:
                continue
            try:
                _check_derived(verdict, name, obj[name])
            except _Invalid as exc:
                errors.append((name, exc))
        if errors:
            raise _noted(cls, errors)
        return verdict

    return structure_verdict, unstructure_verdict


def _check_status(cls: Any, verdict: Any) -> None:
    """A verdict's status must be the one its actual value gets against its target.

    A stored verdict is not judged again, but a status that its own figures
    contradict (a forged or mistyped document) is refused, before any derived
    field (which follows from the status) is compared. A verdict with a value
    is never "no_data", and is "in_progress" only when its review date is
    before its target's due date; it is then not judged. A compound growth
    rate, rounded for display, is judged unless it is too close to a bound
    for its rounding to tell.
    """
    from ._combine import judge_quota
    from .evaluate import judge_value
    from .policy import DEFAULT_POLICY
    from .rules import Quota
    from .verdicts import Status

    status, actual, context = verdict.status, verdict.actual, verdict.context
    said = f"the document says {json.dumps(status.value)}"
    if actual is None:
        if status in (Status.NO_DATA, Status.IN_PROGRESS):
            return
        problem = (
            f"{said} without an actual value; a verdict with no value is "
            '"no_data" (or "in_progress" for a target not yet due)'
        )
        raise _noted(cls, [("status", _Invalid(problem))])
    shown = actual if isinstance(actual, str) else _exact_text(actual)
    if status is Status.NO_DATA:
        problem = (
            f"{said} with an actual value, {shown}; a verdict without data has none "
            '("actual": null): correct the status (or the actual value)'
        )
        raise _noted(cls, [("status", _Invalid(problem))])
    due = verdict.target.due_date
    as_of = None if context is None else context.as_of
    if status is Status.IN_PROGRESS:
        if due is None:
            why = "its target has no due date"
        elif as_of is None:
            why = f"it gives no review date (context.as_of) before its target's due date, {due}"
        elif as_of >= due:
            why = f"its target was due on {due}, by its review date, {as_of}"
        else:
            return  # not yet due: what is known so far is not judged
        problem = (
            f"{said}, but {why}; a target is in progress only when it is reviewed before it "
            "is due: correct the status (or the dates)"
        )
        raise _noted(cls, [("status", _Invalid(problem))])
    if due is not None and as_of is not None and as_of < due:
        problem = (
            f"{said}, but its target is due on {due}, after its review date, {as_of}; a target "
            'not yet due is "in_progress": correct the status (or the dates)'
        )
        raise _noted(cls, [("status", _Invalid(problem))])
    basis = verdict.basis
    judge = judge_quota if isinstance(verdict.target.rule, Quota) else judge_value
    judged = judge(basis, actual, verdict.policy or DEFAULT_POLICY)
    if judged is status or (context and context.approximate and _near_a_bound(basis, actual)):
        return
    problem = (
        f"{said}, but its actual value {shown} against {basis.rule} is "
        f"{json.dumps(judged.value)}; a verdict's status follows from its target and actual "
        "value: correct the status (or the actual value)"
    )
    raise _noted(cls, [("status", _Invalid(problem))])


def _near_a_bound(target: Any, actual: Decimal | Fraction | str) -> bool:
    """True when a rounded (compound growth) rate is too close to a bound to be judged again.

    The rate is shown to 50 significant digits; this margin is far wider than
    its rounding.
    """
    if isinstance(actual, str):
        return False
    margin = Fraction(1, 10**40) * (1 + abs(Fraction(actual)))
    rule = target.rule
    bounds = rule.bounds if hasattr(rule, "bounds") else ()
    return any(
        not isinstance(bound, str) and abs(Fraction(actual) - Fraction(bound)) <= margin
        for bound in bounds
    )


def _check_derived(verdict: Any, name: str, given: object) -> None:
    """*given*, a derived field read from a document, must be what the verdict computes."""
    if name == "explanation":
        _check_texts(given, "explanation")
        return
    actual = getattr(verdict, name)
    if name == "met":
        found: object = _structure_bool(given, bool)
        shown = json.dumps(actual)
    else:
        found = None if given is None else _structure_exact_or_level(given, None)
        if name != "bound" and isinstance(found, str):
            found = _read_exact(found)
        shown = (
            "null"
            if actual is None
            else json.dumps(actual if isinstance(actual, str) else _exact_text(actual))
        )
    if found != actual or (found is None) != (actual is None):
        raise _Invalid(
            f"the document says {json.dumps(given, ensure_ascii=False)}, but the verdict's "
            f"{name} is {shown}; derived fields are recomputed when a document is read: "
            "correct the field or leave it out"
        )


def _check_texts(given: object, name: str) -> None:
    """Explanations and summaries are read-only text: only their shape is checked."""
    if builtins.type(given) is not dict:
        raise _Invalid(
            f'expected an object of texts by language, {{"en": "...", "vi": "..."}}, {_got(given)}'
        )
    unknown = sorted(key for key in given if key not in _LANGUAGES)
    if unknown:
        languages = "languages" if len(unknown) > 1 else "language"
        raise _Invalid(f'unknown {languages} {_quoted(unknown)}; the languages are "en" and "vi"')
    for key, text in given.items():
        if builtins.type(text) is not str:
            raise _Invalid(f"expected the text in {json.dumps(key)} as a string, {_got(text)}")


_LANGUAGES = ("en", "vi")


def _report_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """A report's JSON also carries its counts by status and its summary."""

    def unstructure_report(report: Any) -> dict[str, Any]:
        data: dict[str, Any] = write(report)
        data["counts"] = {status.value: count for status, count in report.counts.items()}
        data["summary"] = {"en": report.summary("en"), "vi": report.summary("vi")}
        return data

    def structure_report(obj: dict[str, Any], kind: object) -> Any:
        if not any(key in obj for key in _REPORT_DERIVED):
            return read(obj, kind)
        report = read({k: v for k, v in obj.items() if k not in _REPORT_DERIVED}, kind)
        counts = {status.value: count for status, count in report.counts.items()}
        errors = _counts_and_summary(obj, counts, "report")
        if errors:
            raise _noted(cls, errors)
        return report

    return structure_report, unstructure_report


# --------------------------------------------------------------------------- audits

_RECOMPUTED = (
    "derived fields are recomputed when a document is read: correct the field or leave it out"
)


def _counts_and_summary(
    obj: dict[str, Any], counts: dict[str, int], what: str
) -> list[tuple[str, Exception]]:
    """The problems of a document's derived ``counts`` (against *counts*) and ``summary``."""
    errors: list[tuple[str, Exception]] = []
    if "counts" in obj:
        given = obj["counts"]
        if given != counts or any(builtins.type(n) is not int for n in given.values()):
            errors.append((
                "counts",
                _Invalid(
                    f"the document says {_short(json.dumps(given), 200)}, but the "
                    f"{what}'s counts are {json.dumps(counts)}; {_RECOMPUTED}"
                ),
            ))  # fmt: skip
    if "summary" in obj:
        try:
            _check_texts(obj["summary"], "summary")
        except _Invalid as exc:
            errors.append(("summary", exc))
    return errors


def _finding_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """A finding's JSON also carries ``agrees``: whether its kind is an agreement."""

    def unstructure_finding(finding: Any) -> dict[str, Any]:
        data: dict[str, Any] = write(finding)
        data["agrees"] = finding.agrees
        return data

    def structure_finding(obj: dict[str, Any], kind: object) -> Any:
        if "agrees" not in obj:
            return read(obj, kind)
        finding = read({k: v for k, v in obj.items() if k != "agrees"}, kind)
        try:
            if _structure_bool(obj["agrees"], bool) is not finding.agrees:
                raise _Invalid(
                    f"the document says {json.dumps(obj['agrees'])}, but the finding's agrees "
                    f"is {json.dumps(finding.agrees)} (its kind is "
                    f"{json.dumps(finding.kind.value)}); {_RECOMPUTED}"
                )
        except _Invalid as exc:
            raise _noted(cls, [("agrees", exc)]) from None
        return finding

    return structure_finding, unstructure_finding


#: The fields of a finding an audit's document must agree on; the texts are read-only.
_FINDING_CHECKED = ("number", "label", "kind", "published")


def _audit_counts(audit: Any) -> dict[str, int]:
    return {"agreements": len(audit.agreements), "disagreements": len(audit.disagreements)}


def _audit_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """An audit's JSON also carries its findings, whether it is ok, its counts and summary.

    When a document is read the audit is made again from its report and
    published table; the findings given must be the ones it makes.
    """
    finding_cls = _namespace()["Finding"]
    write_finding = converter.get_unstructure_hook(finding_cls)
    findings_type = tuple[finding_cls, ...]  # type: ignore[valid-type]

    def unstructure_audit(audit: Any) -> dict[str, Any]:
        data: dict[str, Any] = write(audit)
        data["findings"] = [write_finding(finding) for finding in audit.findings]
        data["ok"] = audit.ok
        data["counts"] = _audit_counts(audit)
        data["summary"] = {"en": audit.summary("en"), "vi": audit.summary("vi")}
        return data

    def structure_audit(obj: dict[str, Any], kind: object) -> Any:
        if not any(key in obj for key in _AUDIT_DERIVED):
            return read(obj, kind)
        audit = read({k: v for k, v in obj.items() if k not in _AUDIT_DERIVED}, kind)
        errors: list[tuple[str, Exception]] = []
        if "findings" in obj:
            try:
                given = converter.structure(obj["findings"], findings_type)
                _check_findings(finding_cls, given, audit.findings)
            except Exception as exc:
                errors.append(("findings", exc))
        if "ok" in obj:
            try:
                if _structure_bool(obj["ok"], bool) is not audit.ok:
                    raise _Invalid(
                        f"the document says {json.dumps(obj['ok'])}, but the audit's ok is "
                        f"{json.dumps(audit.ok)}; {_RECOMPUTED}"
                    )
            except _Invalid as exc:
                errors.append(("ok", exc))
        errors += _counts_and_summary(obj, _audit_counts(audit), "audit")
        if errors:
            raise _noted(cls, errors)
        return audit

    return structure_audit, unstructure_audit


def _check_findings(finding_cls: Any, given: tuple[Any, ...], made: tuple[Any, ...]) -> None:
    """The findings of a document must be the audit's own, but for their read-only texts."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    if len(given) != len(made):
        raise _Invalid(
            f"the document has {len(given)} finding{'s' if len(given) != 1 else ''}, but the "
            f"audit has {len(made)}; {_RECOMPUTED}"
        )
    for index, (theirs, ours) in enumerate(zip(given, made, strict=True)):
        for name in _FINDING_CHECKED:
            found, actual = getattr(theirs, name), getattr(ours, name)
            if found == actual:
                continue
            problem = _Invalid(
                f"the document says {json.dumps(found, ensure_ascii=False)}, but the finding's "
                f"{name} is {json.dumps(actual, ensure_ascii=False)}; {_RECOMPUTED}"
            )
            error = _noted(finding_cls, [(name, problem)])
            error.add_note(IterableValidationNote(f"index {index}", index, finding_cls))
            raise IterableValidationError("While checking the findings", [error], tuple)


# --------------------------------------------------------------------------- progress


def _method_hooks(
    converter: cattrs.Converter, cls: builtins.type[Any], read: _Read, write: _Write
) -> tuple[_Read, _Write]:
    """A progress method is an object whose ``"method"`` names it: ``{"method": "unsd", ...}``."""
    name = cls.name

    def unstructure_method(method: Any) -> dict[str, Any]:
        return {"method": name, **write(method)}

    def structure_method(obj: dict[str, Any], kind: object) -> Any:
        if "method" not in obj:
            raise _noted(cls, [("method", KeyError("method"))])
        if obj["method"] != name:
            raise _noted(cls, [("method", _Invalid(f"expected {json.dumps(name)}, "
                                                   f"{_got(obj['method'])}"))])  # fmt: skip
        return read({k: v for k, v in obj.items() if k != "method"}, kind)

    return structure_method, unstructure_method


def _unstructure_method(converter: cattrs.Converter, method: object) -> object:
    if method is None or isinstance(method, str):
        return method
    if (
        builtins.type(method).__name__ not in _METHODS
        or _names().get(builtins.type(method)) is None
    ):
        raise InvalidArgumentError(
            f"Policy(progress)={_short(repr(method))} is a progress method JSON cannot write; "
            "JSON writes 'linear', 'open_sdg', 'eurostat', 'unsd', None, and OpenSDG, "
            "Eurostat, UNSD and LinearProRating objects"
        )
    return converter.unstructure(method)


def _structure_method(converter: cattrs.Converter, obj: object, _: object) -> object:
    if obj is None:
        return None
    if builtins.type(obj) is str:
        if obj not in PROGRESS_METHODS:
            raise _Invalid(
                f"expected one of {_quoted([*PROGRESS_METHODS])}, null, or a method object, "
                f"{_got(obj)}{_did_you_mean(obj, PROGRESS_METHODS)}"
            )
        return obj
    if builtins.type(obj) is dict:
        ns = _namespace()
        by_name = {ns[name].name: ns[name] for name in _METHODS}
        method = obj.get("method")
        if method in by_name:
            return converter.structure(obj, by_name[method])
        raise _Invalid(
            f'expected a progress method object whose "method" is one of '
            f"{_quoted(list(by_name))}, {_got(obj)}"
        )
    raise _Invalid(
        f"expected a progress method: one of {_quoted([*PROGRESS_METHODS])}, null, or an "
        f'object such as {{"method": "open_sdg", ...}}, {_got(obj)}'
    )


def _unstructure_parameters(parameters: Mapping[str, object]) -> dict[str, Any]:
    return {key: _unstructure_parameter(key, value) for key, value in parameters.items()}


def _unstructure_parameter(key: str, value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal | Fraction):
        return _exact_text(value)
    if isinstance(value, tuple | list):
        return [_unstructure_parameter(key, item) for item in value]
    raise InvalidArgumentError(
        f"Progress(parameters)[{shown(key)}] is {_short(repr(value))}, which JSON cannot write; "
        "parameters are numbers, years, words, flags, None, or tuples of them"
    )


def _structure_parameters(obj: object, _: object) -> dict[str, object]:
    if not isinstance(obj, dict):
        raise _Invalid(f"expected an object of named parameters, {_got(obj)}")
    parameters: dict[str, object] = {}
    errors: list[tuple[str, Exception]] = []
    for key, value in obj.items():
        try:
            parameters[key] = _structure_parameter(key, value)
        except _Invalid as exc:
            errors.append((key, exc))
    if errors:
        raise _noted(dict, errors)
    return parameters


def _structure_parameter(key: str, value: object) -> object:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value) or _FRACTION.fullmatch(value):
            return _read_exact(value)
        if key == "direction" and value in _DIRECTIONS:
            return _DIRECTIONS[value]
        return value
    if isinstance(value, list):
        return tuple(_structure_parameter(key, item) for item in value)
    raise _Invalid(
        f"expected a parameter: an exact number as a string, a year, a word, true, false, "
        f"null or an array of them, {_got(value)}"
    )
