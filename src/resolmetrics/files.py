"""Resolutions kept in TOML files, results kept in spreadsheets (CSV or Excel).

A resolution is read from its file, its results from theirs, and the
results judged as of a day:

    from datetime import date

    from resolmetrics.files import load_resolution, read_results

    resolution = load_resolution("resolution.toml")
    results = read_results("results.csv", lang="vi", resolution=resolution)
    report = resolution.evaluate(results, as_of=date(2023, 6, 30))

Both read the whole file before saying anything: every problem found (each
target, each row) is collected, and one :class:`FileError` lists them all,
each as a :class:`Problem` with its file, line and field. The formats are
described in ``docs/reference/resolution-file.md`` and
``docs/reference/results-file.md``.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from . import units
from .errors import InvalidArgumentError, InvalidArgumentTypeError, ResolmetricsError
from .indicators import PARTY_QUALITY, Direction, Indicator, OrdinalScale
from .numbers import Exact, check_lang, exact, mul
from .results import Result
from .rules import (
    Across,
    Quota,
    Rule,
    above_share,
    at_least_count,
    at_least_share,
    quota,
)
from .targets import Baseline, Target

if TYPE_CHECKING:
    from .resolution import Group, Resolution

__all__ = ["FileError", "Problem", "load_resolution", "read_results"]


# --------------------------------------------------------------------------- problems


@attrs.frozen
class Problem:
    """One thing wrong in a file: where it is and what is wrong.

    ``file`` is the path as given; ``line`` the line (1 for the first), or
    None when the problem is not on one line (a missing file); ``field`` what
    is at fault: a key path in a resolution file (``"target[3].text"``, the
    third ``[[target]]`` table counting from 1; ``"indicators.revenue.unit"``;
    ``"resolution.term"``), a column in a results file (``"value"``), a
    column of a published table as its header writes it (``"STT"``), or
    None. ``str(problem)`` reads like a compiler's message::

        resolution.toml:14: target[3].text: expected a number ...
    """

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.field:
            where = f"{where}: {self.field}"
        return f"{where}: {self.message}"


class FileError(ResolmetricsError, ValueError):
    """A file has problems; ``problems`` lists every one of them.

    Raised by :func:`load_resolution`, :func:`read_results` and
    :func:`resolmetrics.audit.read_published`, for a file that is missing or
    unreadable as for one with wrong contents.

    ``str(error)`` says how many problems were found in which file, then
    gives each problem on its own line (a message that shows text with a
    caret continues on indented lines).
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(
            sorted(problems, key=lambda problem: -1 if problem.line is None else problem.line)
        )
        super().__init__(self.problems)

    def __str__(self) -> str:
        files = ", ".join(dict.fromkeys(problem.file for problem in self.problems))
        count = len(self.problems)
        head = f"{count} problem{'' if count == 1 else 's'} in {files}:"
        return "\n".join([head, *(str(problem) for problem in self.problems)])


class _Problems:
    """Collects the problems of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int | None, field: str | None, message: str) -> None:
        self.items.append(Problem(self.file, line, field, message))

    def raise_any(self) -> None:
        if self.items:
            raise FileError(self.items)


def _hint(word: str, options: Iterable[str]) -> str:
    near = difflib.get_close_matches(word, sorted(options), n=1)
    return f"; did you mean {near[0]!r}?" if near else ""


def _path(path: object, function: str) -> str:
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentTypeError(
            f"{function}(path) must be a file path (str or pathlib.Path), got {path!r}"
        )
    return os.fspath(path)


def _read_bytes(name: str, problems: _Problems) -> bytes | None:
    try:
        with open(name, "rb") as stream:
            return stream.read()
    except OSError as exc:
        _cannot_read(exc, problems)
        return None


def _cannot_read(exc: OSError, problems: _Problems) -> None:
    problems.add(
        None,
        None,
        f"cannot read the file: {exc.strerror or exc}; check the path and its permissions",
    )


def _decode(name: str, data: bytes, problems: _Problems) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(line, None, _not_utf8(data[exc.start]))
        return None


def _not_utf8(byte: int) -> str:
    """The problem of a file with *byte* where UTF-8 text cannot have it."""
    return (
        f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 (in Excel: 'CSV UTF-8')"
    )


# --------------------------------------------------------------------------- TOML: lines


_KEY_PART = r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+'
_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*(\]\]?)\s*(?:#.*)?$")
_KEY_LINE = re.compile(rf"^\s*({_KEY_PART})\s*[.=]")
_PARTS = re.compile(rf"\s*({_KEY_PART})\s*(?:\.|$)")


def _unquote(part: str) -> str:
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "\"'":
        return part[1:-1]
    return part


def _key_path(text: str) -> tuple[str, ...]:
    return tuple(_unquote(match.group(1)) for match in _PARTS.finditer(text))


class _Lines:
    """Where tables and keys are in a TOML source (tomllib gives no line numbers)."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        # (line number, key path, is an array table)
        self.headers: list[tuple[int, tuple[str, ...], bool]] = []
        for number, text in enumerate(self.lines, start=1):
            match = _HEADER.match(text)
            if match and (match.group(1) == "[[") == (match.group(3) == "]]"):
                self.headers.append((number, _key_path(match.group(2)), match.group(1) == "[["))

    def _body(self, start: int) -> range:
        """The lines after the header on line *start*, up to the next header."""
        following = [number for number, _, _ in self.headers if number > start]
        end = following[0] if following else len(self.lines) + 1
        return range(start + 1, end)

    def _key_in(self, lines: range, key: str) -> int | None:
        for number in lines:
            match = _KEY_LINE.match(self.lines[number - 1])
            if match and _unquote(match.group(1)) == key:
                return number
        return None

    def table(self, path: tuple[str, ...]) -> int | None:
        """The header line of the table *path*, else the line of its key in its parent."""
        for number, header, _ in self.headers:
            if header == path:
                return number
        return self.key(path[:-1], path[-1])

    def key(self, table: tuple[str, ...], key: str) -> int | None:
        """The line of *key* in the (non-array) table *table* (``()`` for the root)."""
        if not table:
            first = self.headers[0][0] if self.headers else len(self.lines) + 1
            return self._key_in(range(1, first), key)
        for number, header, _ in self.headers:
            if header == table:
                found = self._key_in(self._body(number), key)
                if found is not None:
                    return found
            if header == (*table, key):
                return number
        if len(table) > 1:  # an inline table: its key's line in the parent
            return self.key(table[:-1], table[-1])
        return None

    def array(self, name: str) -> list[int]:
        """The header lines of the ``[[name]]`` tables, in order."""
        return [number for number, header, array in self.headers if array and header == (name,)]

    def element_key(self, name: str, index: int, key: str) -> int | None:
        """The line of *key* in the *index*-th (from 0) ``[[name]]`` table, else its header."""
        starts = self.array(name)
        if index >= len(starts):
            return None
        start = starts[index]
        found = self._key_in(self._body(start), key)
        if found is not None:
            return found
        following = [number for number in starts if number > start]
        end = following[0] if following else len(self.lines) + 1
        for number, header, _ in self.headers:
            if start < number < end and header == (name, key):
                return number
        return start


# --------------------------------------------------------------------------- TOML: values


_RESOLUTION_KEYS = ("name", "term", "lang")
_INDICATOR_KEYS = ("name", "unit", "direction", "scale", "limits")
_TARGET_KEYS = (
    "indicator",
    "group",
    "label",
    "text",
    "rule",
    "quota",
    "unit",
    "per",
    "combine",
    "due",
    "across",
    "growth",
    "baseline",
    "term",
)
_TOP_KEYS = ("resolution", "indicators", "target")
_SCALES = {"party_quality": PARTY_QUALITY}

_Texts = dict[str, str]
"""A name, a label or a group: its text by language ("" for a plain string)."""

_LANGS = ("vi", "en")
_TEXTS_EXAMPLE = '{ vi = "...", en = "..." }'
# language keys written otherwise, and the key each means
_LANG_NAMES = {
    "vn": "vi",
    "vie": "vi",
    "vi-vn": "vi",
    "vi_vn": "vi",
    "vietnamese": "vi",
    "tiếng việt": "vi",
    "tieng viet": "vi",
    "eng": "en",
    "en-us": "en",
    "en_us": "en",
    "en-gb": "en",
    "en_gb": "en",
    "english": "en",
    "tiếng anh": "en",
    "tieng anh": "en",
}


def _shown_texts(texts: _Texts) -> str:
    """A group's texts as the resolution file writes them."""
    if set(texts) == {""}:
        return f'"{texts[""]}"'
    return "{ " + ", ".join(f'{language} = "{text}"' for language, text in texts.items()) + " }"


class _Invalid(Exception):
    """A value of the file is not valid: the message says why (caught within this module)."""


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    return repr(value)


def _string(value: object, example: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"must be a string such as {example}, got {_describe(value)}")
    if not value.strip():
        raise _Invalid(f"must not be empty; write it such as {example}, or leave the key out")
    return value


_NUMBER_EXAMPLE = 'expected a number such as 95, 4.8 or "4.8"'


def _number(value: object) -> Exact:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise _Invalid(f"{_NUMBER_EXAMPLE}, got {_describe(value)}")
    if isinstance(value, str) and not _python_number(value):
        from .numbers import _python_notation_hint

        has_comma = "," in value and any(ch.isdigit() for ch in value)
        hint = f"; {_python_notation_hint(value.strip())}" if has_comma else ""
        raise _Invalid(f"{_NUMBER_EXAMPLE}, got {value!r}{hint}")
    try:
        return exact(value, argument="the value")
    except ResolmetricsError as exc:  # out of the range resolmetrics reads
        raise _Invalid(str(exc)) from None


def _python_number(text: str) -> bool:
    """Whether *text* is a number or a ratio as Python writes them ("4.8", "1e3", "41/71")."""
    try:
        Decimal(text.strip())
    except InvalidOperation:
        try:
            Fraction(text.strip())
        except (ValueError, ZeroDivisionError):
            return False
    return True


def _year_pair(value: object) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(type(year) is int for year in value)
    ):
        raise _Invalid(
            f"must be the first and last year, both included, such as [2020, 2025], "
            f"got {_describe(value) if not isinstance(value, list) else value}"
        )
    return (value[0], value[1])


def _check_keys(
    table: Mapping[str, object],
    allowed: Sequence[str],
    where: str,
    line: Callable[[str], int | None],
    problems: _Problems,
) -> None:
    for key in table:
        if key not in allowed:
            problems.add(
                line(key),
                f"{where}.{key}" if where else key,
                f"unknown key {key!r}{_hint(key, allowed)} (the keys are: {', '.join(allowed)})",
            )


def load_resolution(
    path: str | os.PathLike[str], *, lang: str | None = None, names: str | None = None
) -> Resolution:
    """Read a resolution (its targets, groups and indicators) from a TOML file.

    *lang* (``"vi"`` or ``"en"``) is the language of the target texts when
    the file's ``[resolution]`` table gives no ``lang``; the file's own
    ``lang`` comes first. With neither, each text's language is told from
    its words.

    *names* (``"vi"`` or ``"en"``) is the language of the names, labels and
    groups, which the file may give in both languages
    (``name = { vi = "Thu ngân sách", en = "Budget revenue" }``). Each is
    taken in *names*; where the file does not give it in *names* (or
    *names* is None), in the language of the target texts (the file's
    ``lang``, else *lang*); else in the language the file gives it in. A
    name written as a plain string is taken as it is.

    Every problem in the file is collected and raised together as one
    :class:`FileError`; a missing file is a FileError too. The format is
    described in ``docs/reference/resolution-file.md``.
    """
    import tomllib

    name = _path(path, "load_resolution")
    for argument, value in (("lang", lang), ("names", names)):
        if value is not None and value not in _LANGS:
            raise InvalidArgumentError(
                f"load_resolution({argument}) must be 'vi', 'en' or None, got {value!r}"
            )
    problems = _Problems(name)
    data = _read_bytes(name, problems)
    source = None if data is None else _decode(name, data, problems)
    problems.raise_any()
    assert source is not None
    try:
        document = tomllib.loads(source, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text)
        if match:
            line: int | None = int(match.group(1))
            text = f"{text[: match.start()]} (column {match.group(2)})"
        else:
            line = len(source.splitlines()) or 1 if text.endswith("(at end of document)") else None
        lines = source.splitlines()
        hint = _toml_hint(text, lines[line - 1] if line and line <= len(lines) else "")
        problems.add(line, None, f"not valid TOML: {text}{hint}")
        problems.raise_any()
        raise AssertionError("unreachable") from None
    return _Builder(name, _Lines(source), problems, lang, names).build(document)


_BARE_VALUE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*(?:{_KEY_PART}))*)\s*=\s*(.*?)\s*$")


def _toml_hint(message: str, line: str) -> str:
    """A hint for a TOML syntax error, from tomllib's message and the line it is on."""
    if message.startswith("Invalid value"):
        match = _BARE_VALUE.match(line)
        if match and not match.group(2):
            return f"; give a value after '=', such as {match.group(1)} = \"...\""
        if match and not match.group(2).startswith(('"', "'", "[", "{")):
            written = match.group(2).split(" #")[0].strip().replace('"', "'")
            if written.casefold() in ("true", "false"):
                return f"; write {written.casefold()} in lower case"
            return f'; text needs quotes: {match.group(1)} = "{written}"'
        return '; text needs quotes, such as unit = "percent"'
    if message.startswith(("Unterminated string", "Illegal character '\\n'", 'Expected "\'"')):
        return (
            '; close the text with the quote it opens with, on the same line (or use """ '
            "around text of several lines)"
        )
    if message.startswith("Cannot overwrite a value"):
        return "; a key is given twice in one table: keep one"
    if message.startswith("Cannot declare"):
        if "('target',)" in message:
            return "; write each target as a [[target]] table (two brackets)"
        return "; a table is declared twice: merge the two"
    if message.startswith("Expected newline or end of document after a statement"):
        return (
            '; the line goes on after its value: put text in quotes (such as "95%"), write '
            "decimals with a dot (such as 4.8), and give one key = value on each line"
        )
    if message.startswith("Unclosed array"):
        return "; close it with ']'"
    if message.startswith("Unclosed inline table"):
        return "; close it with '}' on the same line"
    if message.startswith("Invalid statement"):
        return "; each line is key = value, a [table] header, or a comment after #"
    return ""


class _Builder:
    """Turns a parsed resolution file into a Resolution, collecting problems."""

    def __init__(
        self,
        file: str,
        lines: _Lines,
        problems: _Problems,
        lang: str | None,
        names: str | None = None,
    ) -> None:
        self.file = file
        self.lines = lines
        self.problems = problems
        self.lang = lang
        self.names = names
        self.term: tuple[int, int] | None = None
        self.indicators: dict[str, Indicator | None] = {}

    def build(self, document: dict[str, Any]) -> Resolution:
        from .resolution import Group, Resolution

        _check_keys(document, _TOP_KEYS, "", self._top_line, self.problems)
        name = self._resolution(document.get("resolution"))
        self._indicators(document.get("indicators"))
        rows = self._targets(document.get("target"))
        self.problems.raise_any()
        assert name is not None
        items: list[Target | Group] = []
        for label, targets in rows:
            items.append(targets[0] if label is None else Group(label, targets))
        try:
            return Resolution(name, items, term=self.term)
        except ResolmetricsError as exc:
            line = self.lines.key(("resolution",), "term")
            self.problems.add(line, "resolution.term", str(exc))
            self.problems.raise_any()
            raise AssertionError("unreachable") from None

    def _top_line(self, key: str) -> int | None:
        starts = self.lines.array(key)
        return self.lines.table((key,)) or (starts[0] if starts else None)

    # ----------------------------------------------------------------- [resolution]

    def _resolution(self, table: object) -> str | None:
        if table is None:
            self.problems.add(
                1, "resolution", "missing [resolution] table with the resolution's name"
            )
            return None
        if not isinstance(table, dict):
            self.problems.add(
                self._top_line("resolution"),
                "resolution",
                'must be a table: write [resolution] and then name = "..."',
            )
            return None

        def line(key: str) -> int | None:
            return self.lines.key(("resolution",), key) or self.lines.table(("resolution",))

        _check_keys(table, _RESOLUTION_KEYS, "resolution", line, self.problems)
        names: _Texts | None = None
        if "name" not in table:
            self.problems.add(
                line("name"), "resolution.name", "missing: give the resolution's name"
            )
        else:
            names = self._texts(table, "name", line, "resolution", '"..."')
        if "term" in table:
            self.term = self._field(table, "term", line, "resolution", _year_pair)
            if self.term is not None and self.term[0] > self.term[1]:
                self.problems.add(
                    line("term"),
                    "resolution.term",
                    f"the first year is after the last; did you mean "
                    f"[{self.term[1]}, {self.term[0]}]?",
                )
                self.term = None
        if "lang" in table:
            self.lang = self._field(table, "lang", line, "resolution", _lang)
        return None if names is None else self._pick(names)

    def _texts(
        self,
        table: Mapping[str, object],
        key: str,
        line: Callable[[str], int | None],
        where: str,
        example: str,
    ) -> _Texts | None:
        """A name, label or group: a string, or a table of languages (None if it has problems).

        A string is kept under the key ``""``; a table as ``{language: text}``.
        """
        value = table[key]
        field = f"{where}.{key}"
        if not isinstance(value, dict):
            if not isinstance(value, str):
                self.problems.add(
                    line(key),
                    field,
                    f"must be a string such as {example}, or a table of languages such as "
                    f"{_TEXTS_EXAMPLE}, got {_describe(value)}",
                )
                return None
            try:
                return {"": _string(value, example)}
            except _Invalid as exc:
                self.problems.add(line(key), field, str(exc))
                return None
        if not value:
            self.problems.add(
                line(key),
                field,
                f"an empty table: give the text in 'vi', in 'en' or in both, such as "
                f"{key} = {_TEXTS_EXAMPLE}",
            )
            return None
        texts: _Texts = {}
        before = len(self.problems.items)
        for language, text in value.items():
            if language not in _LANGS:
                folded = language.strip().casefold()
                near = folded if folded in _LANGS else _LANG_NAMES.get(folded)
                hint = f"; did you mean {near!r}?" if near else _hint(language, _LANGS)
                self.problems.add(
                    line(key),
                    f"{field}.{language}",
                    f"unknown language {language!r}{hint} (the languages are 'vi' and 'en'; "
                    "leave out any other)",
                )
                continue
            try:
                texts[language] = _string(text, '"..."')
            except _Invalid as exc:
                self.problems.add(line(key), f"{field}.{language}", str(exc))
        return texts if len(self.problems.items) == before else None

    def _pick(self, texts: _Texts) -> str:
        """The text of *texts* to show: in ``names``, else in ``lang``, else the first given."""
        if "" in texts:
            return texts[""]
        for language in (self.names, self.lang, *texts):
            if language in texts:
                return texts[language]
        raise AssertionError("unreachable: a table of texts is never empty")

    def _languages(self, texts: _Texts) -> _Texts:
        """*texts* by language, a string being in the language of the file's texts."""
        return {(language or self.lang or ""): text for language, text in texts.items()}

    def _field(
        self,
        table: Mapping[str, object],
        key: str,
        line: Callable[[str], int | None],
        where: str,
        read: Callable[[Any], Any],
    ) -> Any:
        try:
            return read(table[key])
        except _Invalid as exc:
            self.problems.add(line(key), f"{where}.{key}", str(exc))
        except ResolmetricsError as exc:
            self.problems.add(line(key), f"{where}.{key}", str(exc))
        return None

    # ----------------------------------------------------------------- [indicators.KEY]

    def _indicators(self, table: object) -> None:
        if table is None:
            self.problems.add(
                1, "indicators", "missing: describe each indicator in an [indicators.KEY] table"
            )
            return
        if not isinstance(table, dict):
            self.problems.add(
                self._top_line("indicators"),
                "indicators",
                "must hold one table per indicator, such as [indicators.revenue]",
            )
            return
        for key, fields in table.items():
            self.indicators[key] = self._indicator(key, fields)

    def _indicator(self, key: str, fields: object) -> Indicator | None:
        where = f"indicators.{key}"
        header = self.lines.table(("indicators", key))
        if not isinstance(fields, dict):
            self.problems.add(
                header, where, f'must be a table such as [{where}] with name = "..."'
            )
            return None

        def line(field: str) -> int | None:
            return self.lines.key(("indicators", key), field) or header

        before = len(self.problems.items)
        _check_keys(fields, _INDICATOR_KEYS, where, line, self.problems)
        options: dict[str, Any] = {}
        if "name" in fields:
            names = self._texts(fields, "name", line, where, '"Budget revenue"')
            options["name"] = None if names is None else self._pick(names)
        readers: dict[str, Callable[[Any], Any]] = {
            "unit": _indicator_unit,
            "direction": _direction,
            "scale": lambda v: _scale(v, key),
            "limits": _limits,
        }
        for field, read in readers.items():
            if field in fields:
                options[field] = self._field(fields, field, line, where, read)
        if len(self.problems.items) > before:
            return None
        try:
            return Indicator(key, **options)
        except ResolmetricsError as exc:
            self.problems.add(header, where, str(exc))
            return None

    # ----------------------------------------------------------------- [[target]]

    def _targets(self, tables: object) -> list[tuple[str | None, list[Target]]]:
        if tables is None:
            self.problems.add(None, "target", "no targets: add a [[target]] table for each")
            return []
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self.problems.add(
                self._top_line("target"),
                "target",
                "write each target as a [[target]] table (two brackets)",
            )
            return []
        rows: list[tuple[_Texts | None, list[Target]]] = []  # (group or None, targets)
        opened: dict[tuple[str, str], int] = {}  # (language, group) -> the target opening it
        for index, table in enumerate(tables):
            number = index + 1
            group = self._group(index, table)
            target = self._target(index, table)
            last = rows[-1][0] if rows else None
            if group is not None and last is not None and self._joins(number, group, last):
                if target is not None:
                    rows[-1][1].append(target)
                continue
            texts = [] if group is None else list(self._languages(group).items())
            first = next((opened[text] for text in texts if text in opened), None)
            if group is not None and first is not None:
                self.problems.add(
                    self.lines.element_key("target", index, "group"),
                    f"target[{number}].group",
                    f"group {self._pick(group)!r} was opened by target[{first}] and closed by "
                    "another target since; the targets of a group must follow one another",
                )
                continue
            for text in texts:
                opened[text] = number
            rows.append((group, [] if target is None else [target]))
        return [
            (None if group is None else self._pick(group), targets)
            for group, targets in rows
            if targets
        ]

    def _group(self, index: int, table: dict[str, Any]) -> _Texts | None:
        if "group" not in table:
            return None

        def line(key: str) -> int | None:
            return self.lines.element_key("target", index, key)

        return self._texts(table, "group", line, f"target[{index + 1}]", '"..."')

    def _joins(self, number: int, group: _Texts, last: _Texts) -> bool:
        """Whether target *number* is in the group *last* of the target before it.

        It is when its group is equal to *last* in every language; a group
        that shares some texts with *last* but not all is a problem.
        """
        mine, theirs = self._languages(group), self._languages(last)
        if mine == theirs:
            return True
        shared = [language for language, text in mine.items() if theirs.get(language) == text]
        if shared:
            self.problems.add(
                self.lines.element_key("target", number - 1, "group"),
                f"target[{number}].group",
                f"group = {_shown_texts(group)} has the {' and '.join(map(repr, shared))} text "
                f"of the group before it, {_shown_texts(last)}, but differs from it in the "
                "others; write a group the same way in each of its targets",
            )
        return bool(shared)

    def _target(self, index: int, table: dict[str, Any]) -> Target | None:
        where = f"target[{index + 1}]"

        def line(key: str) -> int | None:
            return self.lines.element_key("target", index, key)

        before = len(self.problems.items)
        _check_keys(table, _TARGET_KEYS, where, line, self.problems)
        indicator = self._target_indicator(table, where, line)
        fields: dict[str, Any] = {}
        if "label" in table:
            labels = self._texts(table, "label", line, where, '"..."')
            fields["label"] = None if labels is None else self._pick(labels)
        readers: dict[str, Callable[[Any], Any]] = {
            "text": lambda v: _string(v, '"Trên 90% chi bộ hoàn thành tốt nhiệm vụ"'),
            "rule": _rule,
            "quota": _quota,
            "unit": _unit,
            "per": lambda v: _string(v, '"year"'),
            "combine": lambda v: _string(v, '"each"'),
            "growth": lambda v: _string(v, '"yoy"'),
            "due": self._due,
            "across": _across,
            "baseline": _baseline,
            "term": _year_pair,
        }
        for field, read in readers.items():
            if field in table:
                fields[field] = self._field(table, field, line, where, read)
        if not any(key in table for key in ("text", "rule", "quota")):
            self.problems.add(
                line("indicator") or line(""),
                where,
                'say what the target is: give text = "...", rule = "at least ..." or '
                "quota = {...}",
            )
        if "rule" in table and "quota" in table:
            self.problems.add(
                line("quota"), f"{where}.quota", "give either rule or quota, not both"
            )
        if len(self.problems.items) > before or indicator is None:
            return None
        try:
            if "text" in fields:
                return self._from_text(indicator, fields, where, line)
            rule = fields.pop("rule", None) or fields.pop("quota")
            return Target(indicator, rule, **fields)
        except _Invalid as exc:
            self.problems.add(line("text"), f"{where}.text", str(exc))
        except ResolmetricsError as exc:
            start = self.lines.array("target")
            header = start[index] if index < len(start) else None
            self.problems.add(header, where, str(exc))
        return None

    def _target_indicator(
        self, table: dict[str, Any], where: str, line: Callable[[str], int | None]
    ) -> Indicator | None:
        if "indicator" not in table:
            self.problems.add(
                line("indicator"), f"{where}.indicator", "missing: give the indicator's key"
            )
            return None
        key = table["indicator"]
        if not isinstance(key, str):
            self.problems.add(
                line("indicator"),
                f"{where}.indicator",
                f"must be the key of an [indicators.KEY] table, got {_describe(key)}",
            )
            return None
        if key not in self.indicators:
            near = difflib.get_close_matches(key, sorted(self.indicators), n=1)
            self.problems.add(
                line("indicator"),
                f"{where}.indicator",
                f"indicator {key!r} is not described: add an [indicators.{key}] table"
                + (f", or did you mean {near[0]!r}?" if near else ""),
            )
            return None
        return self.indicators[key]  # None when the indicator has problems of its own

    def _due(self, value: object) -> int | date:
        if value == "term":
            if self.term is None:
                raise _Invalid(
                    "'term' is the last year of the resolution's term, but [resolution] gives "
                    "no term; add term = [first, last] there, or give the year"
                )
            return self.term[1]
        if type(value) is int or type(value) is date:
            return value
        raise _Invalid(
            f'must be a year such as 2025, a date such as 2025-12-31, or "term", '
            f"got {_describe(value)}"
        )

    def _from_text(
        self,
        indicator: Indicator,
        fields: dict[str, Any],
        where: str,
        line: Callable[[str], int | None],
    ) -> Target | None:
        from .text import parse_target

        try:
            spec = parse_target(fields["text"], self.lang)
        except ResolmetricsError as exc:
            raise _Invalid(_in_file_words(str(exc))) from None
        if spec.condition is not None and indicator.scale is None:
            # the indicator is itself the share of units so rated: judge the reported share
            spec = attrs.evolve(spec, condition=None)
        term = fields.get("term") or self.term
        try:
            target = spec.to_target(
                indicator, combine=fields.get("combine"), term=term, label=fields.get("label", "")
            )
        except ResolmetricsError as exc:
            raise _Invalid(str(exc)) from None
        changes: dict[str, Any] = {}
        clashes: list[tuple[str, str]] = []

        def clash(field: str, said: object) -> None:
            clashes.append(
                (
                    field,
                    f"{field} = {_shown(field, fields[field])} clashes with the text, which says "
                    f"{said}; correct one of them, or leave {field} out",
                )
            )

        if "rule" in fields and fields["rule"] != target.rule:
            clash("rule", _shown("rule", target.rule))
        if "quota" in fields:
            given: Quota = fields["quota"]
            read = target.rule
            if not isinstance(read, Quota):
                clash("quota", _shown("rule", read))
            elif (read.level, read.at_most) != (given.level, given.at_most):
                clash("quota", _shown("quota", read))
            else:
                changes["rule"] = given
        if "unit" in fields:
            if spec.unit is None:
                changes["unit"] = fields["unit"]
            elif _unit(spec.unit) != fields["unit"] and target.unit != fields["unit"]:
                clash("unit", _shown("unit", spec.unit))
        if "per" in fields:
            if spec.per is None:
                changes["per"] = fields["per"]
                if "combine" in fields:
                    changes["combine"] = fields["combine"]
                if term is not None:
                    changes["term"] = term
            elif spec.per != fields["per"]:
                clash("per", _shown("per", spec.per))
        elif "combine" in fields and spec.per is None:
            changes["combine"] = fields["combine"]
        if "growth" in fields:
            growth = fields["growth"]
            if target.growth is None or spec.measure in ("growth", "decrease"):
                changes["growth"] = growth
                if growth in ("mean", "cagr") and "combine" not in fields:
                    changes["combine"] = None
            elif target.growth != growth:
                clash("growth", _shown("growth", target.growth))
        if "due" in fields:
            if target.due is None:
                changes["due"] = fields["due"]
            elif target.due != fields["due"]:
                clash("due", _shown("due", target.due))
        if "across" in fields:
            if target.across is None:
                changes["across"] = fields["across"]
            elif target.across != fields["across"]:
                clash("across", _shown("across", target.across))
        if "baseline" in fields:
            changes["baseline"] = fields["baseline"]
        if "term" in fields and target.per is not None:
            changes["term"] = fields["term"]
        for field, message in clashes:
            self.problems.add(line(field), f"{where}.{field}", message)
        if clashes:
            return None
        return attrs.evolve(target, **changes) if changes else target


def _shown(field: str, value: object) -> str:
    """A value of a target's field as the resolution file writes it."""
    if isinstance(value, Rule):
        return f'"{value}"'
    if isinstance(value, Quota):
        of = "" if value.of is None else f', of = "{value.of}"'
        return (
            f'{{level = "{value.level}", at_most = {value.at_most}{of}, '
            f'rounding = "{value.rounding}"}}'
        )
    if isinstance(value, Across):
        if value.value is None:
            return f'"{value.quantifier.value}"'
        key = "above_share" if value.strict else value.quantifier.value
        return f"{{{key} = {value.value}}}"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def _lang(value: object) -> str:
    if value not in ("vi", "en"):
        raise _Invalid(f'must be "vi" or "en", got {_describe(value)}')
    return str(value)


def _unit(value: object) -> str | None:
    """The unit of a target or a baseline: left out, it is the indicator's."""
    text = _string(value, '"percent"')
    return _known_unit(
        text,
        'write unit = "count" for a plain count, or leave unit out to use the indicator\'s unit',
    )


def _indicator_unit(value: object) -> str | None:
    text = _string(value, '"percent"')
    return _known_unit(text, 'or for a plain count write unit = "count" or leave unit out')


_UNITS_PAGE = "docs/reference/units.md"


_OTHER_LANG = re.compile(r"; parse it with lang='(en|vi)'")


def _in_file_words(message: str) -> str:
    """A parser's message, its advice put in the words of a resolution file: a text in the
    other language is fixed by the file's lang, or by rewriting the text."""
    return _OTHER_LANG.sub(
        lambda found: (
            f'; give the file lang = "{found[1]}" under [resolution], or write '
            "this target in the file's language"
        ),
        message,
    )


def _known_unit(text: str, otherwise: str) -> str | None:
    """The unit *text* as resolmetrics keeps it; a unit it does not know is an :class:`_Invalid`.

    A file cannot define a unit: the message names the units known and ends
    with *otherwise*, what else the file may say.
    """
    from . import units
    from .errors import UnitError

    try:
        return units.canonical(text, argument="the unit")
    except UnitError as exc:
        if "is not a known unit" not in str(exc):
            raise
    written = " ".join(text.split())
    near = units.nearest(written)
    hint = f"did you mean {near!r}? " if near else ""
    raise _Invalid(
        f"{written!r} is not a known unit; {hint}use one of the units listed in {_UNITS_PAGE} "
        f"(such as 'percent', 'tỷ đồng', 'member' or 'ha'), {otherwise}"
    )


def _direction(value: object) -> Direction:
    choices = [direction.value for direction in Direction]
    if not isinstance(value, str) or value not in choices:
        hint = _hint(value, choices) if isinstance(value, str) else ""
        raise _Invalid(
            f"must be one of {', '.join(map(repr, choices))}, got {_describe(value)}{hint}"
        )
    return Direction(value)


def _scale(value: object, key: str) -> OrdinalScale:
    if isinstance(value, str) and value.casefold() in _SCALES:
        return _SCALES[value.casefold()]
    if isinstance(value, list) and all(isinstance(level, str) for level in value):
        return OrdinalScale(key, value)
    hint = _hint(value, _SCALES) if isinstance(value, str) else ""
    raise _Invalid(
        f'must be "party_quality" or a list of level codes, worst first, such as '
        f'["weak", "fair", "good"], got {_describe(value)}{hint}'
    )


def _limits(value: object) -> tuple[Exact | None, Exact | None]:
    if isinstance(value, list) and len(value) == 2:
        return (_number(value[0]), _number(value[1]))
    if isinstance(value, dict) and value and set(value) <= {"lowest", "highest"}:
        lowest, highest = value.get("lowest"), value.get("highest")
        return (
            None if lowest is None else _number(lowest),
            None if highest is None else _number(highest),
        )
    raise _Invalid(
        f"must be [lowest, highest] such as [0, 100], or {{lowest = 0}} for one end, "
        f"got {_describe(value)}"
    )


def _rule(value: object) -> Rule:
    text = _string(value, '"at least 95"')
    return Rule.parse(text)


_QUOTA_KEYS = ("level", "at_most", "of", "rounding")


def _quota(value: object) -> Quota:
    example = '{level = "at least HTXSNV", at_most = 20, of = "at least HTTNV", rounding = "down"}'
    if not isinstance(value, dict):
        raise _Invalid(f"must be a table such as {example}, got {_describe(value)}")
    unknown = [key for key in value if key not in _QUOTA_KEYS]
    if unknown:
        raise _Invalid(
            f"unknown key {unknown[0]!r}{_hint(unknown[0], _QUOTA_KEYS)} "
            f"(the keys are: {', '.join(_QUOTA_KEYS)})"
        )
    missing = [key for key in ("level", "at_most", "rounding") if key not in value]
    if missing:
        raise _Invalid(f"missing {', '.join(missing)}; write it such as {example}")
    of = value.get("of")
    return quota(
        _rule(value["level"]),
        at_most=_number(value["at_most"]),
        of=None if of is None else _rule(of),
        rounding=_string(value["rounding"], '"down"'),
    )


def _across(value: object) -> Across | str:
    if value in ("all", "any"):
        return str(value)
    if isinstance(value, dict) and len(value) == 1:
        ((key, number),) = value.items()
        if key == "count":
            if type(number) is not int:
                raise _Invalid(f"count must be a whole number of units, got {_describe(number)}")
            return at_least_count(number)
        if key == "share":
            return at_least_share(_number(number))
        if key == "above_share":
            return above_share(_number(number))
    raise _Invalid(
        f'must be "all", "any", {{count = 5}}, {{share = 85}} or {{above_share = 85}}, '
        f"got {_describe(value) if not isinstance(value, dict) else value}"
    )


_BASELINE_KEYS = ("value", "year", "unit")


def _baseline(value: object) -> Baseline:
    example = "{value = 58000, year = 2020}"
    if not isinstance(value, dict):
        raise _Invalid(f"must be a table such as {example}, got {_describe(value)}")
    missing = [key for key in ("value", "year") if key not in value]
    if missing:
        raise _Invalid(f"missing {' and '.join(missing)}; write it such as {example}")
    unknown = [key for key in value if key not in _BASELINE_KEYS]
    if unknown:
        raise _Invalid(
            f"unknown key {unknown[0]!r}{_hint(unknown[0], _BASELINE_KEYS)} "
            f"(the keys are: {', '.join(_BASELINE_KEYS)})"
        )
    level = value["value"]
    figure: Exact | str = (
        level if isinstance(level, str) and not _numeric(level) else (_number(level))
    )
    unit = value.get("unit")
    return Baseline(figure, value["year"], None if unit is None else _unit(unit))


def _numeric(text: str) -> bool:
    from .numbers import looks_numeric

    return looks_numeric(text)


# --------------------------------------------------------------------------- results


_COLUMNS = {
    "indicator": ("indicator", "key", "chỉ tiêu", "chi tieu", "mã chỉ tiêu", "ma chi tieu"),
    "period": ("period", "year", "năm", "nam"),
    "entity": ("entity", "đối tượng", "doi tuong"),
    "value": (
        "value",
        "result",
        "giá trị",
        "gia tri",
        "kết quả",
        "ket qua",
        "thực hiện",
        "thuc hien",
    ),
    "unit": ("unit", "đơn vị tính", "don vi tinh", "đvt", "dvt"),
}
_IGNORED = ("note", "notes", "comment", "ghi chú", "ghi chu")
_ALIASES = {alias: column for column, aliases in _COLUMNS.items() for alias in aliases}


def _header_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("_", " ")
    return " ".join(text.split()).casefold()


_Cell = Any  # a CSV cell (str) or an Excel cell's value (str, int, float, datetime, None)
_Identity = tuple[str, int | None, str | None]  # a result's indicator key, period and entity


def read_results(
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    resolution: Resolution | None = None,
) -> dict[str, list[Result]]:
    """Read results from a ``.csv``, ``.xlsx`` or ``.parquet`` file, filed under their
    indicators' keys.

    One row per result, with a header; the columns (any order, any case) are
    ``indicator``, ``value`` (both required), ``period``, ``entity`` and
    ``unit``. Values are read with :meth:`Result.parse` in *lang* (``"vi"``
    reads "26.150.000" and "63,5%"). With *resolution*, every indicator key
    must be one its targets are on, and every value must suit its indicator
    (a rating level on a rated indicator, a number in a comparable unit
    otherwise). Every problem of the file is raised together in one
    :class:`FileError`. The format is described in
    ``docs/reference/results-file.md``. A ``.parquet`` file is read with the
    columnar reader, :func:`resolmetrics.batch.read_table` (the ``batch``
    extra); its "lines" are its rows, counting from 1.
    """
    name, lang, resolution = results_arguments("read_results", path, lang, resolution)
    problems = _Problems(name)
    suffix = os.path.splitext(name)[1].casefold()
    if suffix not in (".csv", ".xlsx", ".parquet"):
        hint = "; save it from Excel as .xlsx or CSV UTF-8" if suffix in (".xls", ".ods") else ""
        problems.add(
            None,
            None,
            f"expected a .csv, .xlsx or .parquet file, got {suffix or 'no suffix'!r}{hint}",
        )
        problems.raise_any()
    if suffix == ".parquet":
        return _parquet_results(name, lang, resolution, problems)
    formula: Callable[[int, int], str | None] | None = None
    if suffix == ".csv":
        rows = _csv_rows(name, problems)
    else:
        rows, formula = _xlsx_rows(name, problems)
    results = _Rows(problems, lang, resolution, formula).read(rows)
    other_language = language_hint(problems.items, name, lang)
    if other_language is not None:  # first: it explains the rest
        problems.items.insert(0, other_language)
    problems.raise_any()
    return results


_NUMBERS_AS = {
    "en": ("English", "3,745,356.5 and 92.2"),
    "vi": ("Vietnamese", "3.745.356,5 and 92,2"),
}
_NOT_A_NUMBER = "expected a number such as"


def language_hint(problems: Sequence[Problem], file: str, lang: str) -> Problem | None:
    """A problem that names the other language, when several numbers of a file cannot be
    read in *lang*: a file written the other way shows one such problem on every line."""
    count = sum(p.field == "value" and p.message.startswith(_NOT_A_NUMBER) for p in problems)
    if count < 3:
        return None
    other = "en" if lang == "vi" else "vi"
    name, example = _NUMBERS_AS[lang][0], _NUMBERS_AS[other][1]
    return Problem(
        file,
        None,
        "value",
        f"{count:,} numbers are not written as {name} writes them; if the file writes numbers "
        f"the {_NUMBERS_AS[other][0]} way ({example}), read it with lang={other!r} (on the "
        f"command line, --results-lang {other})",
    )


def results_arguments(
    function: str, path: object, lang: object, resolution: object
) -> tuple[str, str, Resolution | None]:
    """The path, language and resolution a reader of results files was given, checked."""
    from .resolution import Resolution

    name = _path(path, function)
    try:
        checked = check_lang(lang) or "en"
    except InvalidArgumentError:
        raise InvalidArgumentError(
            f"{function}(lang) must be 'vi' or 'en', got {lang!r}"
        ) from None
    if resolution is not None and not isinstance(resolution, Resolution):
        raise InvalidArgumentTypeError(
            f"{function}(resolution) must be a Resolution (from load_resolution) or None, "
            f"got {resolution!r}"
        )
    return name, checked, resolution


def _parquet_results(
    name: str, lang: str, resolution: Resolution | None, problems: _Problems
) -> dict[str, list[Result]]:
    """The results of a Parquet file, read by the columnar reader; a second result for one
    indicator, period and entity is a problem, as in a CSV file."""
    from .batch import read_table

    table = read_table(name, lang=lang, resolution=resolution)
    results: dict[str, list[Result]] = {}
    seen: dict[_Identity, int] = {}
    names = ("line", "indicator", "period", "entity", "value", "unit")
    for line, key, period, entity, value, unit in zip(
        *(table.column(column).to_pylist() for column in names), strict=True
    ):
        identity = (key, period, entity)
        if identity in seen:
            _second(problems, line, identity, seen[identity])
            continue
        seen[identity] = line
        results.setdefault(key, []).append(Result(value, unit, period=period, entity=entity))
    problems.raise_any()
    return results


def _csv_rows(name: str, problems: _Problems) -> Iterator[tuple[int, list[_Cell], list[str]]]:
    """(line, cells, number formats) of each row of a CSV file."""
    _, records = _read_csv(name, problems)
    for line, cells in records:
        yield line, cells, []


def _read_csv(name: str, problems: _Problems) -> tuple[str, Iterator[tuple[int, list[str]]]]:
    """The delimiter of the CSV file *name* and its records: (line, cells), blank ones left out.

    The file is read line by line as UTF-8 text (with or without a
    byte-order mark), so that only a line and the records read so far are
    held: a file that cannot be opened raises the :class:`FileError` of
    *problems* at once; a line that is not UTF-8, holds a NUL byte or is
    longer than :data:`LINE_LIMIT` characters adds a problem naming it and
    ends the records. The delimiter is the one of ``,``, ``;`` and tab that
    the first non-blank line (the header) holds most, ``,`` on a tie. Each
    record comes with the physical line it starts on (lines end at ``\\n``,
    ``\\r\\n`` or ``\\r`` only; a quoted cell may span lines); a record whose
    cells are all blank is skipped, so the first record is the header. A
    CSV the csv module cannot read adds a problem to *problems* and ends the
    records.
    """
    lines = _text_lines(name, problems)
    problems.raise_any()
    assert lines is not None
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    problems.raise_any()  # a header that cannot be read: nothing else can be
    delimiter = max((",", ";", "\t"), key=head[-1].count) if head else ","
    return delimiter, _csv_records(_chained(head, lines), delimiter, problems)


def _chained(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


LINE_LIMIT = 1 << 20
"""The most characters a line of a CSV file may have (a million: no results file comes near)."""

_NOT_TEXT = re.compile("[\x00\udc80-\udcff]")  # NUL, or a byte that is not UTF-8 (escaped)


def _text_lines(name: str, problems: _Problems) -> Iterator[str] | None:
    """The lines of the text file *name*, read one at a time, with their line endings.

    None (with the problem added) when the file cannot be opened. The lines
    stop at the first one that is not UTF-8 text, holds a NUL or is longer
    than :data:`LINE_LIMIT`, with that problem added, naming its line.
    """
    try:
        stream = open(name, "rb")  # noqa: SIM115 - closed by the generator
    except OSError as exc:
        _cannot_read(exc, problems)
        return None
    return _lines_of(stream, problems)


def _lines_of(stream: io.BufferedReader, problems: _Problems) -> Iterator[str]:
    with stream:
        if stream.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
            problems.add(
                1,
                None,
                "the file is UTF-16 text (Excel's 'Unicode text'), not UTF-8; save it as UTF-8 "
                "(in Excel: 'CSV UTF-8')",
            )
            return
        text = io.TextIOWrapper(stream, "utf-8-sig", errors="surrogateescape", newline="")
        number = 0
        try:
            while line := text.readline(LINE_LIMIT + 1):
                number += 1
                bad = _NOT_TEXT.search(line)
                if bad is not None:
                    char = bad.group()
                    if char == "\x00":
                        message = (
                            "the line holds a NUL byte (0x00), which text has not: the file is "
                            "not a CSV text file; save it as CSV UTF-8"
                        )
                    else:
                        message = _not_utf8(ord(char) - 0xDC00)
                    problems.add(number, None, message)
                    return
                if len(line) > LINE_LIMIT:
                    problems.add(
                        number,
                        None,
                        f"the line is longer than {LINE_LIMIT:,} characters, more than a results "
                        "file's lines hold; check that the file is a CSV file, one row a line",
                    )
                    return
                yield line
        except OSError as exc:
            problems.add(number + 1, None, f"cannot read the file: {exc.strerror or exc}")


def _delimiter(text: str) -> str:
    """The one of ``,``, ``;`` and tab that the first non-blank line of *text* holds most.

    ``,`` on a tie (and for text with no line that is not blank).
    """
    lines = io.StringIO(text, newline="")
    header = next((line for line in lines if line.strip()), "")
    return max((",", ";", "\t"), key=header.count)


def _csv_records(
    text: str | Iterable[str], delimiter: str, problems: _Problems
) -> Iterator[tuple[int, list[str]]]:
    """The records (line, cells) of *text*, a str or its lines, blank ones left out."""
    lines: Iterable[str] = io.StringIO(text, newline="") if isinstance(text, str) else text
    counted = _Counted(lines)
    reader = csv.reader(counted, delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            if counted.done and reader.line_num > start and counted.quotes % 2:
                problems.add(
                    start,
                    None,
                    f'a quote (") opened on this line is not closed: the cell runs on to the end '
                    f"of the file (line {reader.line_num}); close the quote, or take it out",
                )
                return
            if not _all_blank(cells):
                yield start, cells
            start = reader.line_num + 1
            counted.quotes = 0
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            limit = csv.field_size_limit()
            by = "" if reader.line_num == start else f" (by line {reader.line_num})"
            problems.add(
                start,
                None,
                f"a cell of the row on this line is longer than {limit:,} characters{by}, more "
                'than any cell needs; if a quote (") opened on this line is not closed, close it',
            )
        else:
            problems.add(reader.line_num, None, f"cannot read the CSV: {exc}")


class _Counted:
    """The lines of a CSV, counting the quotes of the record being read and telling when
    there are no more lines (the csv module ends a record left inside a quote at the end)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.quotes = 0
        self.done = False

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> str:
        try:
            line = next(self.lines)
        except StopIteration:
            self.done = True
            raise
        self.quotes += line.count('"')
        return line


_XlsxRows = Iterator[tuple[int, list[_Cell], list[str]]]


def _xlsx_rows(
    name: str, problems: _Problems
) -> tuple[_XlsxRows, Callable[[int, int], str | None]]:
    """The rows of the first sheet of a workbook, and where formulas are.

    The rows are (sheet row, cell values, number formats); a cell holding a
    formula gives the value the spreadsheet program saved with it, or None
    when none was saved. The function returned gives the formula of a cell
    (its row and its column from 0), or None for a cell that holds none: it
    reads the sheet a second time, only when first called.
    """
    import importlib

    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        problems.add(
            None,
            None,
            "reading .xlsx files needs the openpyxl package: pip install 'resolmetrics[xlsx]' "
            "(or save the sheet as CSV UTF-8)",
        )
        problems.raise_any()
        raise AssertionError("unreachable") from None
    import warnings
    import zipfile

    data = _read_bytes(name, problems)
    problems.raise_any()
    assert data is not None

    def load(data_only: bool) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it does not read
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)

    try:
        workbook = load(data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        problems.add(None, None, f"cannot read the workbook: {exc}; is it an .xlsx file?")
        problems.raise_any()
        raise AssertionError("unreachable") from None

    def rows() -> _XlsxRows:
        try:
            sheet = workbook.worksheets[0]
            for number, row in enumerate(sheet.iter_rows(min_row=1), start=1):
                values = [getattr(cell, "value", None) for cell in row]
                formats = [str(getattr(cell, "number_format", "") or "") for cell in row]
                yield number, values, formats
        finally:
            workbook.close()

    formulas: dict[tuple[int, int], str] | None = None

    def formula(row: int, column: int) -> str | None:
        nonlocal formulas
        if formulas is None:
            formulas = {}
            book = load(data_only=False)
            try:
                cells = enumerate(book.worksheets[0].iter_rows(min_row=1), start=1)
                for number, cells_of_row in cells:
                    for index, cell in enumerate(cells_of_row):
                        if getattr(cell, "data_type", None) == "f":
                            value = getattr(cell, "value", None)
                            text = getattr(value, "text", value)  # an array formula's text
                            formulas[number, index] = str(text)
            finally:
                book.close()
        return formulas.get((row, column))

    return rows(), formula


def _blank(cell: _Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _all_blank(cells: list[_Cell]) -> bool:
    for cell in cells:  # a loop: faster than all() on a generator, row after row
        if cell is not None and (not isinstance(cell, str) or cell.strip()):
            return False
    return True


class _Rows:
    """Reads the rows of a results table into results, collecting problems."""

    def __init__(
        self,
        problems: _Problems,
        lang: str,
        resolution: Resolution | None,
        formula: Callable[[int, int], str | None] | None = None,
    ) -> None:
        self.problems = problems
        self.formula = formula  # the formula of a cell (row, column from 0) of a workbook
        self.lang = lang
        self.indicators: dict[str, Indicator] = {}
        if resolution is not None:
            for target in resolution.components:
                self.indicators.setdefault(target.key, target.indicator)
        self.checked = resolution is not None
        self.width = 0  # the index of the header's last named column
        self.parse = _fast_parse(lang)
        self.places: tuple[int | None, ...] = ()  # the index of each of _COLUMNS, or None

    def read(self, rows: Iterable[tuple[int, list[_Cell], list[str]]]) -> dict[str, list[Result]]:
        results: dict[str, list[Result]] = {}
        columns: dict[str, int] | None = None
        # the line of each (indicator, period) and entity read, by entity: smaller than one
        # dict of (indicator, period, entity) tuples
        seen: dict[tuple[str, int | None], dict[str | None, int]] = {}
        for line, cells, formats in rows:
            if _all_blank(cells):
                continue
            if columns is None:
                columns = self.start(line, cells)
                if columns is None:
                    return results
                continue
            identity, result = self._row(line, cells, formats, columns)
            if identity is None:
                continue
            entities = seen.setdefault(identity[:2], {})
            first = entities.get(identity[2])
            if first is not None:  # reported even when either row has problems of its own
                _second(self.problems, line, identity, first)
                continue
            entities[identity[2]] = line
            if result is not None:
                results.setdefault(identity[0], []).append(result)
        if columns is None:
            self.problems.add(None, None, "the file is empty: expected a header row and results")
        return results

    def start(self, line: int | None, cells: list[_Cell]) -> dict[str, int] | None:
        """Read the header row *cells*: the index of each column it names.

        None when the header lacks a required column (the problem is
        added); else the rows that follow can be read with :meth:`_row`.
        *line* is None for a header that is not on a line (a Parquet
        file's column names).
        """
        columns = self._header(line, cells)
        if columns is not None:
            self.width = max(index for index, cell in enumerate(cells) if not _blank(cell))
            self.places = tuple(columns.get(column) for column in _COLUMNS)
        return columns

    def _header(self, line: int | None, cells: list[_Cell]) -> dict[str, int] | None:
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            if _blank(cell):
                continue
            text = str(cell)
            key = _header_key(text)
            if key in _IGNORED:
                continue
            column = _ALIASES.get(key)
            if column is None:
                self.problems.add(
                    line,
                    None,
                    f"unknown column {text.strip()!r}{_hint(key, [*_ALIASES, *_IGNORED])} (the "
                    f"columns are: {', '.join(_COLUMNS)}; a 'note' or 'ghi chú' column is "
                    "allowed and not read)",
                )
            elif column in columns:
                self.problems.add(line, column, f"two columns are {column!r}: keep one")
            else:
                columns[column] = index
        missing = [column for column in ("indicator", "value") if column not in columns]
        if missing:
            self.problems.add(
                line,
                None,
                f"the header row has no {' and no '.join(map(repr, missing))} column; the first "
                "row must name the columns: indicator, period, entity, value, unit",
            )
        if missing:
            return None
        return columns

    def _row(
        self, line: int, cells: list[_Cell], formats: list[str], columns: dict[str, int]
    ) -> tuple[_Identity | None, Result | None]:
        """The row's (indicator, period, entity) and its result.

        The identity is None when the indicator, period or entity cannot be
        read, or the value cell is empty (no result); the result is None when
        the row has any problem.
        """

        count = len(cells)
        beyond = (
            []
            if count <= self.width + 1
            else [c for c in cells[self.width + 1 :] if not _blank(c)]
        )
        if beyond:
            self.problems.add(
                line,
                None,
                f"the row has more cells than the header names columns (the first past them: "
                f"{str(beyond[0]).strip()!r}); a value with the column separator in it must be "
                'quoted, such as "94,5%", or the columns separated by ";"',
            )
            return None, None
        # the cells of the columns, in the order of _COLUMNS (None for a column left out)
        key_cell, period_cell, entity_cell, value, unit_cell = [
            None if index is None or index >= count else cells[index] for index in self.places
        ]
        problems = self.problems.items
        before = len(problems)
        key = self._key(line, key_cell)
        period = self._period(line, period_cell)
        entity = self._entity(line, entity_cell)
        identity = None
        if key is not None and len(problems) == before:
            identity = (key, period, entity)
        unit = self._unit(line, unit_cell)
        if _blank(value):
            formula = None if self.formula is None else self.formula(line, columns["value"])
            if formula is not None:
                message = (
                    f"the formula {formula} has no saved value; open the workbook in a "
                    "spreadsheet program and save it, so that its results are stored"
                )
            else:
                message = (
                    "no value; leave the row out if there is no result (a target with no "
                    "result is reported as having no data)"
                )
            self.problems.add(line, "value", message)
            return (None if formula is None else identity), None  # no value is no result
        index = columns["value"]
        number_format = formats[index] if index < len(formats) else ""
        try:
            result = self._result(value, number_format, unit, period, entity)
        except (_Invalid, ResolmetricsError) as exc:
            self.problems.add(line, "value", str(exc))
            return identity, None
        if key is None:  # the key's problem is reported; the value is read all the same
            return None, None
        if self.checked:
            self._check(line, key, result, "value" if unit is None else "unit")
        if len(problems) > before:
            return identity, None
        return identity, result

    def _key(self, line: int, cell: _Cell) -> str | None:
        if _blank(cell):
            self.problems.add(line, "indicator", "no indicator key; give the indicator's key")
            return None
        key = sys.intern(str(cell).strip())  # one str for the rows of one indicator
        if self.checked and key not in self.indicators:
            self.problems.add(
                line,
                "indicator",
                f"no target of the resolution is on indicator {key!r}"
                f"{_hint(key, self.indicators)} (the keys are: "
                f"{', '.join(sorted(self.indicators))})",
            )
            return None
        return key

    def _period(self, line: int, cell: _Cell) -> int | None:
        if _blank(cell):
            return None
        year: object = cell
        if isinstance(cell, float) and cell.is_integer():
            year = int(cell)
        elif isinstance(cell, str) and cell.strip().isdigit():
            year = int(cell.strip())
        if type(year) is not int or not 1000 <= year <= 9999:
            shown = cell.strip() if isinstance(cell, str) else cell
            self.problems.add(
                line, "period", f"expected a four-digit year such as 2022, got {shown!r}"
            )
            return None
        return _YEARS.setdefault(year, year)  # one int object for each year

    def _entity(self, line: int, cell: _Cell) -> str | None:
        if _blank(cell):
            return None
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        if isinstance(cell, datetime | date | bool):
            self.problems.add(
                line, "entity", f"expected the name of a unit observed, got {cell!r}"
            )
            return None
        return sys.intern(" ".join(str(cell).split()))  # one str for the rows of one entity

    def _unit(self, line: int, cell: _Cell) -> str | None:
        if _blank(cell):
            return None
        try:
            unit = _known_unit(
                str(cell), "or leave the cell empty for a figure in the indicator's unit"
            )
            return None if unit is None else sys.intern(unit)
        except _Invalid as exc:
            self.problems.add(line, "unit", str(exc))
        except ResolmetricsError as exc:
            self.problems.add(line, "unit", str(exc))
        return None

    def _result(
        self,
        value: _Cell,
        number_format: str,
        unit: str | None,
        period: int | None,
        entity: str | None,
    ) -> Result:
        if isinstance(value, str):
            result = self.parse(value.strip(), period, entity)
        elif isinstance(value, bool | datetime | date):
            raise _Invalid(
                f"expected a number or a rating level, got {value!r}; type the figure in the cell"
            )
        else:
            number = exact(value, argument="the cell")
            if "%" in number_format:  # Excel keeps 94% as 0.94
                result = Result(number * 100, "percent", period=period, entity=entity)
            else:
                result = Result(number, period=period, entity=entity)
        if unit is None or result.unit == unit:
            return result
        if result.unit is not None:
            raise _Invalid(
                f"the value is in {result.unit!r} but the unit column says {unit!r}; "
                "keep one of them"
            )
        return attrs.evolve(result, unit=unit)

    def _check(self, line: int, key: str, result: Result, unit_field: str) -> None:
        indicator = self.indicators[key]
        name = f"indicator {key!r}"
        if indicator.scale is not None:
            if not result.is_level:
                self.problems.add(
                    line,
                    "value",
                    f"{name} is rated on the scale {indicator.scale.name!r}: expected a level "
                    f"such as {indicator.scale.codes[-2]!r}, got {result.value}",
                )
                return
            try:
                indicator.scale.rank(str(result.value), argument="the result")
            except ResolmetricsError as exc:
                self.problems.add(line, "value", f"{name}: {exc!s}")
            return
        if result.is_level:
            self.problems.add(
                line,
                "value",
                f"{name} is measured in numbers, not rated: expected a number, got "
                f"{result.value!r}",
            )
            return
        assert not isinstance(result.value, str)
        try:
            factor = units.factor(result.unit or indicator.unit, indicator.unit)
        except ResolmetricsError as exc:
            self.problems.add(line, unit_field, f"{name}: {exc!s}")
            return
        if indicator.limits is None:  # nothing to check the value against
            return
        try:
            indicator.check_value(
                mul(result.value, factor), what="the result", error=InvalidArgumentError
            )
        except ResolmetricsError as exc:
            self.problems.add(line, "value", str(exc))


_Parse = Callable[[str, int | None, str | None], Result]


def _fast_parse(lang: str) -> _Parse:
    """Result.parse in *lang*, with quick ways through for the cells most files are made of.

    A plain number in *lang* ("3.745.356,5" in Vietnamese), with a "-"
    before it or a "%" after it or neither, is read as parse_number reads
    it; a rating level written as one word ("HTTNV") is looked up in the
    table the parser reads it from. The result is the one
    :meth:`Result.parse` gives, and any other text goes to Result.parse,
    which also says what is wrong with it.
    """
    from .text._numbers import plain_number

    levels = _level_words(lang)
    known: dict[str, tuple[Exact | str, str | None]] = {}  # the values of texts read before

    def parse(text: str, period: int | None, entity: str | None) -> Result:
        seen = known.get(text)
        if seen is not None:  # one value object for the many cells that write it alike
            return Result(seen[0], seen[1], period=period, entity=entity)
        result = parsed(text, period, entity)
        if result.ratio_of is None and len(known) < _KNOWN:  # a ratio keeps its counts
            known[text] = (result.value, result.unit)
        return result

    def parsed(text: str, period: int | None, entity: str | None) -> Result:
        try:
            if _WORD.fullmatch(text) is not None:
                meaning = levels.get(text.casefold())
                if meaning is not None:
                    return Result(meaning, period=period, entity=entity)
            else:
                figure = _FIGURE.fullmatch(text)
                if figure is not None:
                    sign, digits, percent = figure.groups()
                    number = plain_number(digits, lang)
                    if number is not None:
                        if sign:
                            number = number.copy_negate()  # exact, as the parser does
                        unit = "percent" if percent else None
                        return Result(number, unit, period=period, entity=entity)
        except ResolmetricsError:  # Result.parse says what is wrong, in its own words
            pass
        return Result.parse(text, lang, period=period, entity=entity)

    return parse


def _level_words(lang: str) -> dict[str, str]:
    """The rating levels written as one word ("httnv"), casefolded, and the level each means.

    The parser reads a level in *lang* first, then in Vietnamese, then in
    English; the first table that has a word wins, as in the parser.
    """
    from .text import _vocabulary as vocabulary

    levels: dict[str, str] = {}
    for table in (vocabulary.RATINGS[lang], vocabulary.RATINGS["vi"], vocabulary.RATINGS["en"]):
        for phrase, meaning in table.items():  # the parser's order: the first table wins
            if len(phrase) == 1:
                levels.setdefault(phrase[0], meaning)
    return levels


_YEARS: dict[int, int] = {}

_KNOWN = 1 << 16  # the most distinct cell texts _fast_parse keeps the value of

_WORD = re.compile(r"[^\W\d_]+")  # one word, as the tokenizer reads words
_FIGURE = re.compile(r"(-?)([0-9][0-9.,]*)(%?)")  # the digits are checked by plain_number


def _second(problems: _Problems, line: int, identity: _Identity, first: int) -> None:
    """A second result for one indicator, period and entity is a problem of its line."""
    problems.add(
        line,
        None,
        f"a second result for {_identity(identity)} (the first is on line {first}); keep "
        "one result per indicator, period and entity",
    )


def _identity(identity: _Identity) -> str:
    key, period, entity = identity
    parts = [f"indicator {key!r}"]
    if period is not None:
        parts.append(f"period {period}")
    if entity is not None:
        parts.append(f"entity {entity!r}")
    return ", ".join(parts)
