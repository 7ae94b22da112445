"""Audit a published review table against the computed verdicts.

A published review table states, for each numbered component, a verdict
("Vượt 2,5%", "Đạt", "Đạt 90,7% so với nghị quyết") and often a summary
sentence ("Hoàn thành và vượt 7/10 chỉ tiêu"). :func:`audit` reads each
published verdict, compares it with the verdict resolmetrics computes, and
says, row by row, where they agree and where they do not, and why:

>>> import resolmetrics as rm
>>> from resolmetrics.audit import Published, audit
>>> members = rm.Indicator("members_good", name="Members rated good", unit="percent")
>>> resolution = rm.Resolution("Resolution", [rm.Target(members, rm.at_least(92))])
>>> report = resolution.evaluate({"members_good": rm.Result("94.5")})
>>> result = audit(report, Published({"1": "Vượt 2,72%"}, lang="vi"), lang="en")
>>> finding = result.findings[0]
>>> finding.kind
FindingKind.PERCENT_FOR_POINTS
>>> print(finding.reason)
percent where percentage points were meant: 2,72% is the relative change |94.5 − 92| / 92
= 2.717391…%; on a percentage the margin is a difference of points, |94.5 − 92| = 2.5
percentage points (“2,5%” or “2,5 điểm phần trăm”)

How a published verdict is read
-------------------------------

- A status word first: "Vượt", "Hoàn thành vượt" (exceeded); "Đạt"
  (achieved); "Hoàn thành" (met: achieved or exceeded); "Không đạt",
  "Không hoàn thành" (not achieved); "Chưa đạt", "Chưa hoàn thành" (not yet
  achieved: in progress, or not achieved when due); "Đang thực hiện" (in
  progress); "Chưa có số liệu" (no data); in English "exceeded", "achieved",
  "met", "not achieved", "not met", "in progress", "no data". A word that
  differs from one of these only in its accents ("Vuot", "khong dat") is read
  as that word, and the reason says so; any other misspelling ("exceded") is
  not read: the row is unreadable, and the reason suggests the nearest word.
- Then, optionally, a figure written in the table's language ("2,5" in
  Vietnamese, "2.5" in English) and what it is: "%" on an indicator that is
  itself a percentage is a difference in percentage points (the customary
  "Vượt 2,5%"); "điểm phần trăm" / "percentage points" are points; "%" on a
  count or an amount is the relative margin; "... so với nghị quyết / mục
  tiêu / kế hoạch", "kế hoạch", "of the target", "attained", or a "%" figure
  introduced by a second "đạt" ("Đang thực hiện, đạt 90,7%"), is the
  attainment ratio; a figure with a unit ("9 đảng viên", "1.150 tỷ đồng") or
  none is the margin in that unit.
- "Đạt 90,7% so với nghị quyết" states an attainment, not the status
  ACHIEVED: below 100% it agrees with a target in progress (or missed).
- A bracketed amount after a relative margin ("Vượt 2% (9 đảng viên)") and a
  bracketed tally of units ("(5/6 DN)") are checked too; anything after a
  ";" (a progress note) is not read.

A figure agrees when the exact computed value, rounded half-up to the
number of decimals the published figure is written with, equals it.
"""

from __future__ import annotations

import csv
import difflib
import enum
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

import attrs

from .errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    ParseError,
    ResolmetricsError,
)
from .files import _path, _Problems, _read_csv
from .numbers import Exact, check_lang, format_number, magnitude, mul, round_display
from .render import _STATUS_WORDS as _STATUS_NAMES
from .text._parser import fold
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    from .resolution import Report

__all__ = [
    "Audit",
    "Finding",
    "FindingKind",
    "Published",
    "PublishedRow",
    "audit",
    "read_published",
]


# ----------------------------------------------------------------------------------------
# The published table


def _key(number: str) -> str:
    """A row number as rows are matched: no spaces, no case, no trailing '.' or ')'."""
    text = unicodedata.normalize("NFC", number).casefold()
    return "".join(text.split()).rstrip(".)")


def _text(value: object, argument: str) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentTypeError(f"{argument} must be a str, got {value!r}")
    return " ".join(unicodedata.normalize("NFC", value).split())


def _number_text(value: object) -> str:
    return _text(value, "PublishedRow(number)")


def _verdict_text(value: object) -> str:
    return _text(value, "PublishedRow(verdict)")


def _target_text(value: object) -> str:
    return _text(value, "PublishedRow(target)")


def _result_text(value: object) -> str:
    return _text(value, "PublishedRow(result)")


@attrs.frozen
class PublishedRow:
    """One row of a published review table: its number and its cells as published.

    ``number`` is the row number as printed ("1", "1a"); ``verdict`` the
    verdict cell ("Vượt 2,5%"); ``target`` and ``result`` the other cells,
    when the table gives them; ``line`` the line of the file it was read
    from, if any.
    """

    number: str = attrs.field(converter=_number_text)
    verdict: str = attrs.field(converter=_verdict_text)
    target: str = attrs.field(default="", converter=_target_text)
    result: str = attrs.field(default="", converter=_result_text)
    line: int | None = attrs.field(default=None, eq=False)


def _rows(value: object) -> tuple[PublishedRow, ...]:
    if isinstance(value, Mapping):
        rows = tuple(PublishedRow(str(number), verdict) for number, verdict in value.items())
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgumentTypeError(
            f"Published(rows) must map row numbers to verdict texts, such as "
            f"{{'1a': 'Đạt', '1b': 'Vượt 2,5%'}}, or hold PublishedRows, got {value!r}"
        )
    else:
        rows = tuple(value)
        for row in rows:
            if not isinstance(row, PublishedRow):
                raise InvalidArgumentTypeError(
                    f"Published(rows) must hold PublishedRows, got {row!r}"
                )
    seen: dict[str, PublishedRow] = {}
    for row in rows:
        if not row.number:
            raise InvalidArgumentError(
                f"Published(rows) holds a row without a number: {row!r}; give every row "
                "its number, and the summary sentence as Published(summary=...)"
            )
        first = seen.setdefault(_key(row.number), row)
        if first is not row:
            raise InvalidArgumentError(
                f"Published(rows) numbers two rows {row.number!r} ({first.verdict!r} and "
                f"{row.verdict!r}); number each row once"
            )
    return rows


def _summary(value: object) -> str | None:
    if value is None:
        return None
    text = _text(value, "Published(summary)")
    return text or None


def _lang(value: object) -> str:
    lang = check_lang(value, first="vi")
    assert lang is not None
    return lang


@attrs.frozen
class Published:
    """A published review table: its rows, its summary sentence, and its language.

    ``rows`` maps row numbers to verdict texts (``{"1a": "Đạt", "1b": "Vượt
    2,5%"}``) or holds :class:`PublishedRow` items (with the target and
    result cells); ``summary`` is the summary sentence, if the table has one;
    ``lang`` is the language the table is written in, which decides how its
    numbers are read ("2,5" is two and a half in Vietnamese); ``source`` is
    the file it was read from.

    >>> table = Published({"1a": "Đạt", "1b": "Vượt 2,5%"}, summary="Hoàn thành 2/2 chỉ tiêu")
    >>> table.get("1B").verdict
    'Vượt 2,5%'
    """

    rows: tuple[PublishedRow, ...] = attrs.field(converter=_rows)
    summary: str | None = attrs.field(default=None, converter=_summary)
    lang: str = attrs.field(default="vi", converter=_lang)
    source: str | None = attrs.field(default=None, eq=False)

    def get(self, number: str) -> PublishedRow | None:
        """The row numbered *number* ("1a", "1A" and "1a." are the same row), or None."""
        wanted = _key(number)
        for row in self.rows:
            if _key(row.number) == wanted:
                return row
        return None


# ----------------------------------------------------------------------------------------
# Reading a published table from a CSV file

_COLUMNS = {
    "number": ("stt", "số tt", "số thứ tự", "number", "no", "no.", "#"),
    "target": ("mục tiêu", "chỉ tiêu", "mục tiêu nghị quyết", "target"),
    "result": ("thực hiện", "kết quả thực hiện", "kết quả", "result"),
    "verdict": ("so sánh với mục tiêu", "so sánh", "đánh giá", "verdict"),
}
_HEADER_NAMES = {name: field for field, names in _COLUMNS.items() for name in names}
_SUMMARY_NUMBERS = frozenset({"tổng hợp", "tổng cộng", "summary", "total"})
_EXAMPLE_HEADER = "STT;Mục tiêu;Thực hiện;So sánh với mục tiêu"


def _header_name(cell: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", cell).casefold().split())
    return text.rstrip(":")


def read_published(path: str | os.PathLike[str], *, lang: str = "vi") -> Published:
    """Read a published review table from a CSV file.

    The header names the columns, in Vietnamese or English, in any case:
    the row number (``STT`` / ``number``) and the verdict (``So sánh với mục
    tiêu`` / ``verdict``) are required; the target (``Mục tiêu`` / ``target``)
    and the result (``Thực hiện`` / ``result``) are optional; other columns
    (notes) are ignored. The delimiter, ``,``, ``;`` or tab, is the one the
    header uses most; a cell holding the delimiter (``"Vượt 2,5%"`` in a
    comma-separated file) must be quoted. The file is UTF-8, with or without
    a byte-order mark. The CSV is read as :func:`resolmetrics.files.read_results`
    reads one.

    The summary sentence is the verdict cell of a row whose number cell is
    empty, or is "Tổng hợp" / "summary". Blank rows are skipped; a row
    numbered as a group (``1`` above ``1a``, ``1b``) with an empty verdict is
    the group's heading.

    Every problem of the file is collected before one
    :class:`~resolmetrics.files.FileError` lists them all, each a
    :class:`~resolmetrics.files.Problem` naming the line and the column (as
    the header writes it); a missing or unreadable file is a ``FileError``
    too. *lang* is the language of the table's numbers.
    """
    lang = _lang(lang)
    name = _path(path, "read_published")
    problems = _Problems(name)
    delimiter, records = _read_csv(name, problems)
    published = _parse_published(list(records), delimiter, name, lang, problems)
    problems.raise_any()
    assert published is not None
    return published


def _parse_published(
    records: list[tuple[int, list[str]]],
    delimiter: str,
    name: str,
    lang: str,
    problems: _Problems,
) -> Published | None:
    """The table of the non-blank *records* of a CSV file; None if *problems* got any."""
    if not records:
        if not problems.items:
            problems.add(
                None,
                None,
                f"the file is empty; expected a header row such as {_EXAMPLE_HEADER!r} and a "
                "row for each component",
            )
        return None
    header_line, header = records[0]
    before = len(problems.items)  # a CSV error after the last record may be there already
    columns: dict[str, int] = {}
    for place, name_cell in enumerate(header):
        field = _HEADER_NAMES.get(_header_name(name_cell))
        if field is None:
            continue
        if field in columns:
            problems.add(
                header_line,
                name_cell.strip(),
                f"a second {field} column (the first is {header[columns[field]].strip()!r}); "
                "keep one",
            )
            continue
        columns[field] = place
    for field in ("number", "verdict"):
        if field not in columns:
            names = _COLUMNS[field]
            found = ", ".join(repr(c.strip()) for c in header)
            near = difflib.get_close_matches(
                _header_name(max(header, key=lambda c: _similarity(c, names))), names, n=1
            )
            hint = f"; did you mean {near[0]!r}?" if near else ""
            problems.add(
                header_line,
                None,
                f"the header has no {field} column (found {found}); name it "
                f"{_DISPLAY[field][0]!r} or {_DISPLAY[field][1]!r}{hint}",
            )
    if len(problems.items) > before:
        return None
    number_column = header[columns["number"]].strip()
    verdict_column = header[columns["verdict"]].strip()
    rows: list[PublishedRow] = []
    numbers: dict[str, int] = {}
    summary: str | None = None
    summary_line = 0
    width = len(header)
    for line, cells in records[1:]:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            extra = delimiter.join(cells[width - 1 :])
            problems.add(
                line,
                header[-1].strip() or None,
                f"{len(cells)} cells where the header has {width}, so the last column would "
                f"read {extra!r}; {_QUOTE_ADVICE[delimiter]}",
            )
            continue

        def cell(field: str, cells: list[str] = cells) -> str:
            place = columns.get(field)
            if place is None or place >= len(cells):
                return ""
            return " ".join(cells[place].split())

        number, verdict = cell("number"), cell("verdict")
        is_summary = not number or _header_name(number) in _SUMMARY_NUMBERS
        if is_summary:
            if not verdict:
                if cell("target") or cell("result"):
                    problems.add(
                        line,
                        number_column,
                        "a row without a number; give the row its number, or put the "
                        f"summary sentence in the {verdict_column!r} column",
                    )
                continue
            if summary is not None:
                problems.add(
                    line,
                    verdict_column,
                    f"a second summary, {verdict!r} (the first is on line {summary_line}); "
                    "keep one summary row",
                )
                continue
            summary, summary_line = verdict, line
            continue
        key = _key(number)
        if key in numbers:
            problems.add(
                line,
                number_column,
                f"row {number!r} is also on line {numbers[key]}; number each row once",
            )
            continue
        numbers[key] = line
        rows.append(PublishedRow(number, verdict, cell("target"), cell("result"), line))
    if problems.items:
        return None
    return Published(tuple(rows), summary, lang, name)


_DISPLAY = {"number": ("STT", "number"), "verdict": ("So sánh với mục tiêu", "verdict")}
_QUOTE_ADVICE = {
    ",": "quote a cell that holds ',', such as \"Vượt 2,5%\", or separate the columns with ';'",
    ";": "quote a cell that holds ';', such as \"2020: 152; 2021: 160\", or separate the "
    "columns with ','",
    "\t": "quote a cell that holds a tab, or remove the tab from it",
}


def _similarity(cell: str, names: Sequence[str]) -> float:
    text = _header_name(cell)
    return max(difflib.SequenceMatcher(None, text, name).ratio() for name in names)


# ----------------------------------------------------------------------------------------
# Findings


class FindingKind(enum.StrEnum):
    """What an audit found for one row (or for the summary).

    Only ``AGREES`` is an agreement; every other kind is a disagreement.
    """

    AGREES = "agrees"
    """The published status and figure agree with the computed verdict."""
    STATUS = "status"
    """The published status differs from the computed one."""
    TRUNCATED = "truncated"
    """The figure is the exact value truncated, not rounded half-up."""
    ROUNDED_INPUTS = "rounded_inputs"
    """The figure was computed from an already rounded value, not the exact one."""
    PERCENT_FOR_POINTS = "percent_for_points"
    """The figure is the relative change where percentage points were meant."""
    MARGIN = "margin"
    """The figure matches none of the readings above."""
    SUMMARY = "summary"
    """The published summary's counts do not add up."""
    MISSING = "missing"
    """A component has no published row (or a row without a verdict)."""
    UNKNOWN_ROW = "unknown_row"
    """A published row that is not a component of the report: a number the report
    does not have, or a group's heading row ("1" above "1a", "1b") with a verdict,
    which is not audited (the reason says which)."""
    UNREADABLE = "unreadable"
    """The published verdict (or summary) cannot be read."""

    def __repr__(self) -> str:
        return f"FindingKind.{self.name}"

    def words(self, lang: str = "en") -> str:
        """The kind in words, as the audit table shows it."""
        return _KIND_WORDS[_lang(lang)][self]


_KIND_WORDS = {
    "en": {
        FindingKind.AGREES: "agrees",
        FindingKind.STATUS: "status differs",
        FindingKind.TRUNCATED: "truncated",
        FindingKind.ROUNDED_INPUTS: "rounded inputs",
        FindingKind.PERCENT_FOR_POINTS: "% for points",
        FindingKind.MARGIN: "figure differs",
        FindingKind.SUMMARY: "summary differs",
        FindingKind.MISSING: "missing row",
        FindingKind.UNKNOWN_ROW: "unknown row",
        FindingKind.UNREADABLE: "unreadable",
    },
    "vi": {
        FindingKind.AGREES: "khớp",
        FindingKind.STATUS: "sai mức đánh giá",
        FindingKind.TRUNCATED: "cắt bỏ số lẻ",
        FindingKind.ROUNDED_INPUTS: "tính từ số đã làm tròn",
        FindingKind.PERCENT_FOR_POINTS: "% thay cho điểm phần trăm",
        FindingKind.MARGIN: "sai số liệu",
        FindingKind.SUMMARY: "tổng hợp không khớp",
        FindingKind.MISSING: "thiếu dòng",
        FindingKind.UNKNOWN_ROW: "dòng không có",
        FindingKind.UNREADABLE: "không đọc được",
    },
}


@attrs.frozen
class Finding:
    """The audit of one row (or of the summary, numbered ``""``).

    ``published`` is the published verdict text, ``computed`` the computed
    verdict in words (:meth:`Verdict.explain`), ``reason`` a sentence with
    the exact figures that says why they agree or not.
    """

    number: str
    label: str
    kind: FindingKind
    published: str
    computed: str
    reason: str

    @property
    def agrees(self) -> bool:
        """True for an agreement."""
        return self.kind is FindingKind.AGREES


# ----------------------------------------------------------------------------------------
# Reading a published verdict

_ALL_FINAL = frozenset({Status.ACHIEVED, Status.EXCEEDED, Status.NOT_ACHIEVED})
_MET = frozenset({Status.ACHIEVED, Status.EXCEEDED})
_NOT_YET = frozenset({Status.IN_PROGRESS, Status.NOT_ACHIEVED})

_LANGUAGE_STATUS_WORDS: dict[str, dict[str, frozenset[Status]]] = {
    "vi": {
        "vượt": frozenset({Status.EXCEEDED}),
        "vượt mức": frozenset({Status.EXCEEDED}),
        "hoàn thành vượt": frozenset({Status.EXCEEDED}),
        "hoàn thành vượt mức": frozenset({Status.EXCEEDED}),
        "đạt": frozenset({Status.ACHIEVED}),
        "hoàn thành": _MET,
        "không đạt": frozenset({Status.NOT_ACHIEVED}),
        "không hoàn thành": frozenset({Status.NOT_ACHIEVED}),
        "chưa đạt": _NOT_YET,
        "chưa hoàn thành": _NOT_YET,
        "đang thực hiện": frozenset({Status.IN_PROGRESS}),
        "chưa đến hạn": frozenset({Status.IN_PROGRESS}),
        "chưa có số liệu": frozenset({Status.NO_DATA}),
        "không có số liệu": frozenset({Status.NO_DATA}),
    },
    "en": {
        "exceeded": frozenset({Status.EXCEEDED}),
        "achieved": frozenset({Status.ACHIEVED}),
        "met": _MET,
        "not achieved": frozenset({Status.NOT_ACHIEVED}),
        "not met": frozenset({Status.NOT_ACHIEVED}),
        "missed": frozenset({Status.NOT_ACHIEVED}),
        "not yet achieved": _NOT_YET,
        "not yet met": _NOT_YET,
        "in progress": frozenset({Status.IN_PROGRESS}),
        "not yet due": frozenset({Status.IN_PROGRESS}),
        "no data": frozenset({Status.NO_DATA}),
    },
}
_STATUS_WORDS = {
    word: statuses for words in _LANGUAGE_STATUS_WORDS.values() for word, statuses in words.items()
}
_ATTAINING_WORDS = ("đạt", "achieved", "attained")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_STATUS_RE = re.compile(rf"(?:{_alternation(_STATUS_WORDS)})(?!\w)")


def _plain(text: str) -> str:
    """*text* in lower case without its accents, one letter for one: "Vượt" -> "vuot".

    A character whose accentless form is not one letter stays as it is, so
    positions in the result are positions in *text*.
    """
    return "".join(base if len(base := fold(char)) == 1 else char for char in text)


#: The status words without their accents ("khong dat"), and the words they stand for.
_PLAIN_STATUS_WORDS = {_plain(word): word for word in _STATUS_WORDS}
assert len(_PLAIN_STATUS_WORDS) == len(_STATUS_WORDS)  # no two differ only in accents
_PLAIN_STATUS_RE = re.compile(rf"(?:{_alternation(_PLAIN_STATUS_WORDS)})(?!\w)")


def _shown_word(word: str) -> str:
    """A status word as a table writes it: "Không đạt", "not achieved"."""
    return word.capitalize() if word in _LANGUAGE_STATUS_WORDS["vi"] else word


class _StatusWord(NamedTuple):
    word: str  # the status word as _STATUS_WORDS spells it
    end: int  # where it ends in the text
    accents: bool  # True when read without regard to its accents


def _status_word(source: str) -> _StatusWord | None:
    """The status word *source* starts with, with or without its accents; None if none.

    A word written with its accents ("Vượt") is read as it is; a longer match
    without regard to accents ("Vuot", "Hoàn thành vuot") wins over it.
    """
    exact = _STATUS_RE.match(source.casefold())
    plain = _PLAIN_STATUS_RE.match(_plain(source))
    if plain is not None and (exact is None or plain.end() > exact.end()):
        return _StatusWord(_PLAIN_STATUS_WORDS[plain.group()], plain.end(), True)
    if exact is not None:
        return _StatusWord(exact.group(), exact.end(), False)
    return None


def _near_status_word(source: str, table_lang: str) -> str | None:
    """The status word *source* most likely misspells, as a table writes it; or None.

    The words of the table's language are tried first, without regard to
    accents; then those of the other language.
    """
    written = source.split(" ")
    other = "en" if table_lang == "vi" else "vi"
    for lang in (table_lang, other):
        best, score = "", 0.0
        for word in _LANGUAGE_STATUS_WORDS[lang]:
            start = " ".join(written[: len(word.split(" "))])
            ratio = difflib.SequenceMatcher(None, _plain(start), _plain(word)).ratio()
            if ratio > score:
                best, score = word, ratio
        if score >= _NEAR:
            return _shown_word(best)
    return None


#: How alike (difflib's ratio) a misspelt status word must be to be named in a hint.
_NEAR = 0.75
_NUMBER = r"\d(?:[\d.,]*\d)?"
_FIGURE_RE = re.compile(rf"(?<![\w/])[-−+]?({_NUMBER})(?:\s*/\s*({_NUMBER}))?(?![\w/])")

_POINTS_WORDS = (
    "điểm phần trăm",
    "điểm %",
    "điểm phần nghìn",
    "điểm",
    "percentage points",
    "percentage point",
    "per-mille points",
    "per-mille point",
    "points",
    "point",
    "pp",
    "p.p.",
)
_ATTAINMENT_WORDS = (
    "so với nghị quyết",
    "so với mục tiêu",
    "so với kế hoạch",
    "so với chỉ tiêu",
    "so với nq",
    "so với kh",
    "kế hoạch",
    "kh",
    "nghị quyết",
    "of the target",
    "of target",
    "of the plan",
    "of plan",
    "attained",
)
_POINTS_RE = re.compile(rf"(?:{_alternation(_POINTS_WORDS)})(?!\w)")
_ATTAINMENT_RE = re.compile(rf"(?:{_alternation(_ATTAINMENT_WORDS)})(?!\w)")
_UNITS_WORDS = ("đơn vị", "units", "unit", "dn", "doanh nghiệp")


class _Figure(NamedTuple):
    """A figure as published: its value, its decimals, what it is, and its unit."""

    text: str  # as published, with its sign or unit: "2,5%"
    value: Exact
    places: int | None  # decimals written; None for a fraction "1/3"
    what: str  # "percent", "points", "attainment", "amount"
    unit: str | None = None  # for an amount: the unit written, resolved


class _Claim(NamedTuple):
    word: str  # the status word as published
    statuses: frozenset[Status]
    figures: tuple[_Figure, ...]
    tally: tuple[int, int] | None
    read_as: str | None = None  # the status word meant, when it differs only in accents


class _Unreadable(Exception):
    """A published verdict that cannot be read; the message says what was expected."""


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _read_claim(text: str, lang: str) -> _Claim:
    """Read a published verdict text; raise _Unreadable when it cannot be read."""
    source = " ".join(unicodedata.normalize("NFC", text).split())
    folded = source.casefold()
    match = _status_word(source)
    if match is None:
        raise _Unreadable("expected")
    word = source[: match.end]
    statuses = _STATUS_WORDS[match.word]
    read_as = _shown_word(match.word) if match.accents else None
    if statuses == {Status.NO_DATA}:
        return _Claim(word, statuses, (), None, read_as)
    rest = source[match.end :]
    rest_folded = folded[match.end :]
    semicolon = rest_folded.find(";")
    if semicolon >= 0:
        rest, rest_folded = rest[:semicolon], rest_folded[:semicolon]
    head_end = rest_folded.find("(")
    head = rest if head_end < 0 else rest[:head_end]
    brackets = re.findall(r"\(([^()]*)\)", rest)
    figures: list[_Figure] = []
    tally = None
    found = _FIGURE_RE.search(head)
    if found is not None:
        before = _fold(head[: found.start()]).strip(" ,:-–")
        attaining = before.endswith(_ATTAINING_WORDS) and before != ""
        figure, tally_here = _figure(head, found, lang, attaining=attaining)
        if tally_here is not None:
            tally = tally_here
        else:
            figures.append(figure)
            direct = not head[: found.start()].strip() and match.word in ("đạt", "achieved")
            if figure.what == "attainment" and direct:
                # "Đạt 90,7% so với nghị quyết": an attainment, not the status ACHIEVED
                statuses = frozenset({Status.IN_PROGRESS}) | (
                    _MET if figure.value >= 100 else frozenset({Status.NOT_ACHIEVED})
                )
    elif _fold(head).strip(" ,.:-–"):
        remainder = _fold(head).strip(" ,.:-–")
        if not any(remainder.startswith(w) for w in ("bằng ngưỡng", "on the bound")):
            raise _Unreadable(f"words:{head.strip()}")
    for inside in brackets:
        found = _FIGURE_RE.search(inside)
        if found is None or found.start() != _leading_space(inside):
            continue
        amount, counted = _figure(inside, found, lang, attaining=False)
        if counted is not None:
            tally = counted
        elif len(figures) == 1 and figures[0].what == "percent" and amount.what == "amount":
            figures.append(amount)
    return _Claim(word, statuses, tuple(figures), tally, read_as)


def _leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


def _integer(text: str) -> int:
    digits = re.sub(r"\D", "", text)
    return int(digits)


def _figure(
    text: str, found: re.Match[str], lang: str, *, attaining: bool
) -> tuple[_Figure, tuple[int, int] | None]:
    """The figure *found* in *text*, with what follows it; or a tally "5/6 đơn vị"."""
    after = text[found.end() :]
    after_folded = _fold(after)
    if found.group(2) is not None:
        first, second = found.group(1), found.group(2)
        if after_folded.startswith(_UNITS_WORDS):
            return _Figure("", Decimal(0), 0, "amount"), (_integer(first), _integer(second))
        value: Exact = Fraction(int(_number(first, lang)), int(_number(second, lang)))
        places = None
    else:
        value = _number(found.group(1), lang)
        mark = "," if lang == "vi" else "."
        written = found.group(1)
        places = len(written) - written.rfind(mark) - 1 if mark in written else 0
    shown = text[found.start() : found.end()].strip()
    if after_folded.startswith(("%", "‰")):
        rest = after_folded[1:].strip()
        what = "attainment" if attaining or _ATTAINMENT_RE.match(rest) else "percent"
        return _Figure(shown + after.strip()[:1], value, places, what), None
    points = _POINTS_RE.match(after_folded)
    if points is not None:
        return _Figure(f"{shown} {after.strip()[: points.end()]}", value, places, "points"), None
    unit_text = re.split(r"[,;:(]", after)[0].strip()
    unit = _unit(unit_text)
    label = f"{shown} {unit_text}" if unit_text else shown
    return _Figure(label, value, places, "amount", unit), None


def _number(text: str, lang: str) -> Decimal:
    from .text import parse_number

    try:
        value = parse_number(text, lang)
    except ParseError as exc:
        raise _Unreadable(f"number:{text}:{exc.message}") from None
    assert isinstance(value, Decimal)
    return value


def _unit(text: str) -> str | None:
    """The unit a published amount is written in, when resolmetrics knows its name."""
    from . import units

    folded = _fold(text)
    if not folded:
        return None
    for name in units.known_units():
        for lang in ("vi", "en"):
            if _fold(units.label(name, lang)) == folded or _fold(name) == folded:
                return name
            if _fold(units.label(name, lang, one=True)) == folded:
                return name
    return None


# ----------------------------------------------------------------------------------------
# Judging a figure


def _quantity(verdict: Verdict, name: str, unit: str | None = None) -> Exact | None:
    """The exact computed figure *name*, as published figures state it (a magnitude)."""
    if name == "margin":
        margin = verdict.margin
        if margin is None:
            return None
        size = magnitude(margin)
        if unit is not None and unit != verdict.unit and verdict.unit is not None:
            from . import units

            size = mul(size, units.factor(verdict.unit, unit))
        return size
    if name == "relative":
        relative = verdict.relative_margin
        return None if relative is None else mul(magnitude(relative), Decimal(100))
    attainment = verdict.attainment
    return None if attainment is None else mul(attainment, Decimal(100))


def _matches(value: Exact, figure: _Figure, rounding: str) -> bool:
    if figure.places is None:
        return value == figure.value
    return round_display(value, figure.places, rounding) == figure.value


# ----------------------------------------------------------------------------------------
# Words of the reasons

_WORDS = {
    "en": {
        "margin": "margin",
        "relative": "relative margin",
        "attainment": "attainment",
        "points": "percentage points",
        "permille": "per-mille points",
        "agrees": "agrees: {status}",
        "agrees_figure": "agrees: {status}; {figures}",
        "no_figure": " (no figure published)",
        "places": "{value} at {places} decimal{s}",
        "status": "published {published} but the computed verdict is {computed}: "
        "{actual} against {rule}",
        "strict": "; a strict bound that is met ({rule}) is achieved, not exceeded",
        "status_nothing": "published {published} but nothing was reported for "
        "{rule}: the computed verdict is no data, not a missed target",
        "not_due": "; the target is not due until {due}: it is in progress",
        "due": "; the target was due by the review date",
        "truncated": "figure truncated: {quantity}, which rounds half-up to {half}; "
        "{published} is that value truncated",
        "rounded": "figure computed from a rounded intermediate: {quantity} ({half}); "
        "{published} comes from the value {actual} first rounded to {rounded}: {again}",
        "rounded_truncated": ", then truncated",
        "p4p": "percent where percentage points were meant: {published} is the relative "
        "change {relative}; on a percentage the margin is a difference of points, "
        "{points} ({customary})",
        "customary": "{0} or {1}",
        "margin_differs": "figure differs: published {published} (read as the {what}); "
        "{quantity}, {half}",
        "none": "figure differs: published {published} (read as the {what}), but the "
        "computed verdict has no {what}",
        "not_points": "figure differs: published {published} is in percentage points, but "
        "the indicator is not a percentage ({unit})",
        "is_value": "; {published} is the value reached, not a margin",
        "is_attainment": "; {published} is the attainment, {attainment}",
        "is_relative": "; {published} is the relative margin, {relative}",
        "is_margin": "; {published} is the margin, {margin}",
        "tally": "figure differs: published {published} units met, computed {computed}",
        "missing": "no published row {number}",
        "blank": "row {number} is published without a verdict",
        "unknown": "the report has no component numbered {number} (its components are {numbers})",
        "heading": "row {number} is the heading of the group {numbers}, not a component: "
        "its verdict “{verdict}” is not audited, because the components are judged one by "
        "one, each in its own row; leave the heading's verdict empty",
        "unreadable": "cannot read {text!r}: expected a status word ({words}), then "
        "optionally a figure such as {example}",
        "unreadable_words": "cannot read {text!r}: after the status word {word!r} expected "
        "a figure such as {example}, not {words!r}",
        "unreadable_number": "cannot read {text!r}: {problem}",
        "not_a_number": "{number!r} is not a number as {language} writes it: {message}",
        "near": "; did you mean {word!r}?",
        "accents": "; the status word “{word}” is read as “{read_as}”, which differs from it "
        "only in accents",
        "summary_agrees": "agrees with the computed verdicts and {rows}: {counts}",
        "summary_unreadable": "cannot read the summary {text!r}: {problem}",
        "summary_clause": "the clause {clause!r} has a count but no status word ({words})",
        "summary_nothing": "it states no counts such as {example}",
        "summary_states": "the summary states {stated}",
        "summary_computed": "the computed verdicts give {count}",
        "summary_rows": "the published rows give {count}",
        "summary_with_rows": "it agrees with {rows}, not with the computed verdicts",
        "summary_with_computed": "it agrees with the computed verdicts, not with {rows}",
        "summary_neither": "it agrees with neither the computed verdicts nor {rows}",
        "rows": "the published rows",
        "rows_read": "the published rows that were read",
        "unread_one": "row {numbers} not read",
        "unread_many": "rows {numbers} not read",
        "summary_totals": "the summary states different totals, {totals}",
        "total": "total",
        "of": "{0}/{1}",
    },
    "vi": {
        "margin": "mức chênh lệch",
        "relative": "mức chênh lệch tương đối",
        "attainment": "tỷ lệ đạt so với mục tiêu",
        "points": "điểm phần trăm",
        "permille": "điểm phần nghìn",
        "agrees": "khớp: {status}",
        "agrees_figure": "khớp: {status}; {figures}",
        "no_figure": " (không công bố số liệu)",
        "places": "{value} khi làm tròn đến {places} chữ số thập phân",
        "status": "công bố {published} nhưng kết quả tính là {computed}: {actual} so với {rule}",
        "strict": "; chỉ tiêu ngưỡng chặt ({rule}) khi đạt thì ghi “Đạt”, không ghi “Vượt”",
        "status_nothing": "công bố {published} nhưng chưa có kết quả báo cáo cho "
        "{rule}: kết quả tính là chưa có số liệu, không phải không đạt",
        "not_due": "; chỉ tiêu đến {due} mới đến hạn: đang thực hiện",
        "due": "; chỉ tiêu đã đến hạn vào ngày đánh giá",
        "truncated": "số lẻ bị cắt bỏ: {quantity}, làm tròn nửa lên là {half}; "
        "{published} là số bị cắt bỏ",
        "rounded": "tính từ số đã làm tròn: {quantity} ({half}); {published} có được khi "
        "làm tròn {actual} thành {rounded} trước: {again}",
        "rounded_truncated": ", rồi cắt bỏ số lẻ",
        "p4p": "ghi % thay cho điểm phần trăm: {published} là mức tăng tương đối "
        "{relative}; với chỉ tiêu tính bằng tỷ lệ phần trăm, mức chênh lệch là hiệu số "
        "điểm phần trăm, {points} ({customary})",
        "customary": "{0} hoặc {1}",
        "margin_differs": "số liệu không khớp: công bố {published} (đọc là {what}); "
        "{quantity}, {half}",
        "none": "số liệu không khớp: công bố {published} (đọc là {what}), nhưng kết quả "
        "tính không có {what}",
        "not_points": "số liệu không khớp: công bố {published} tính bằng điểm phần trăm, "
        "nhưng chỉ tiêu không tính bằng tỷ lệ phần trăm ({unit})",
        "is_value": "; {published} là giá trị đạt được, không phải mức chênh lệch",
        "is_attainment": "; {published} là tỷ lệ đạt so với mục tiêu, {attainment}",
        "is_relative": "; {published} là mức chênh lệch tương đối, {relative}",
        "is_margin": "; {published} là mức chênh lệch, {margin}",
        "tally": "số liệu không khớp: công bố {published} đơn vị đạt, kết quả tính {computed}",
        "missing": "bảng công bố không có dòng {number}",
        "blank": "dòng {number} được công bố mà không có đánh giá",
        "unknown": "báo cáo không có chỉ tiêu số {number} (các chỉ tiêu là {numbers})",
        "heading": "dòng {number} là tiêu đề của nhóm {numbers}, không phải một chỉ tiêu: "
        "đánh giá “{verdict}” của dòng này không được đối chiếu, vì các chỉ tiêu thành phần "
        "được đánh giá riêng, mỗi chỉ tiêu một dòng; hãy để trống ô đánh giá của dòng tiêu đề",
        "unreadable": "không đọc được {text!r}: cần một từ đánh giá ({words}), sau đó có "
        "thể có số liệu như {example}",
        "unreadable_words": "không đọc được {text!r}: sau từ đánh giá {word!r} cần số liệu "
        "như {example}, không phải {words!r}",
        "unreadable_number": "không đọc được {text!r}: {problem}",
        "not_a_number": "{number!r} không phải cách viết số trong {language}: {message}",
        "near": "; có phải là {word!r} không?",
        "accents": "; từ đánh giá “{word}” được đọc là “{read_as}” vì chỉ khác nhau về dấu",
        "summary_agrees": "khớp với kết quả tính và với {rows}: {counts}",
        "summary_unreadable": "không đọc được câu tổng hợp {text!r}: {problem}",
        "summary_clause": "vế {clause!r} có số lượng nhưng không có từ đánh giá ({words})",
        "summary_nothing": "không nêu số lượng nào, như {example}",
        "summary_states": "câu tổng hợp nêu {stated}",
        "summary_computed": "kết quả tính là {count}",
        "summary_rows": "các dòng công bố cho {count}",
        "summary_with_rows": "câu tổng hợp khớp với {rows}, không khớp với kết quả tính",
        "summary_with_computed": "câu tổng hợp khớp với kết quả tính, không khớp với {rows}",
        "summary_neither": "câu tổng hợp không khớp với kết quả tính lẫn {rows}",
        "rows": "các dòng công bố",
        "rows_read": "các dòng công bố đọc được",
        "unread_one": "không đọc được dòng {numbers}",
        "unread_many": "không đọc được các dòng {numbers}",
        "summary_totals": "câu tổng hợp nêu các tổng số khác nhau, {totals}",
        "total": "tổng số",
        "of": "{0}/{1}",
    },
}


_EXPECTED_WORDS = {
    "vi": "Vượt, Đạt, Không đạt, Chưa đạt, Đang thực hiện, Hoàn thành, Không hoàn thành, "
    "Chưa có số liệu",
    "en": "exceeded, achieved, not achieved, in progress, no data",
}
_EXAMPLES = {"vi": "“Vượt 2,5%”", "en": "“exceeded by 2.5%”"}

_LANGUAGE_NAMES = {
    "en": {"vi": "Vietnamese", "en": "English"},
    "vi": {"vi": "tiếng Việt", "en": "tiếng Anh"},
}

#: Exact values in reasons show at most this many decimals, then "…".
_SHOWN = 6


def _exact(value: Exact, lang: str) -> str:
    """*value* written exactly, or to six decimals followed by "…"."""
    shown = round_display(value, _SHOWN, ROUND_DOWN)
    if shown == value:
        return format_number(value, lang, _SHOWN)
    return format_number(shown, lang, _SHOWN) + "…"


def _rounded(value: Exact, places: int | None, lang: str) -> str:
    if places is None:
        return _exact(value, lang)
    return format_number(round_display(value, places, ROUND_HALF_UP), lang, places)


def _statuses_text(statuses: Iterable[Status], lang: str) -> str:
    names = _STATUS_NAMES[lang]
    joiner = " or " if lang == "en" else " hoặc "
    return joiner.join(names[s] for s in Status if s in set(statuses))


def _unit_words(verdict: Verdict, lang: str, unit: str | None) -> str:
    from . import units

    shown = unit if unit is not None else verdict.unit
    if shown in ("percent", "permille"):
        return " " + _WORDS[lang]["points" if shown == "percent" else "permille"]
    if verdict.basis.indicator.scale is not None:
        return " " + ("rating steps" if lang == "en" else "bậc xếp loại")
    label = units.label(shown, lang)
    return f" {label}" if label else ""


def _derivation(verdict: Verdict, name: str, lang: str, unit: str | None = None) -> str:
    """How the exact figure *name* comes about: "|94.5 − 92| = 2.5 percentage points"."""
    words = _WORDS[lang]
    value = _quantity(verdict, name, unit)
    assert value is not None
    actual, bound = verdict.actual, verdict.bound
    if isinstance(actual, str) or isinstance(bound, str) or actual is None or bound is None:
        return f"{words[name]} {_exact(value, lang)}{_unit_words(verdict, lang, unit)}"
    a, b = _exact(actual, lang), _exact(bound, lang)
    if name == "margin":
        converted = unit is not None and unit != verdict.unit
        formula = "" if converted else f"|{a} − {b}| = "
        return f"{words[name]} {formula}{_exact(value, lang)}{_unit_words(verdict, lang, unit)}"
    if name == "relative":
        base = _exact(magnitude(bound), lang)
        return f"{words[name]} |{a} − {b}| / {base} = {_exact(value, lang)}%"
    target = verdict.basis
    low = target.lo if target.sign > 0 else target.hi
    shown_bound = _exact(low, lang)
    percent = "%" if verdict.unit == "percent" else ""
    ratio = (
        f"{a}{percent} / {shown_bound}{percent}"
        if target.sign > 0
        else f"{shown_bound}{percent} / {a}{percent}"
    )
    return f"{words[name]} {ratio} = {_exact(value, lang)}%"


# ----------------------------------------------------------------------------------------
# The audit


def _numbered(report: Report) -> list[tuple[str, Verdict]]:
    """Every component of *report* with its number in the review table: 1, 1a, 1b, 2, ..."""
    return [
        (number, verdict)
        for row in report.rows
        for number, verdict in zip(row.numbers, row.verdicts, strict=True)
    ]


def _report(value: object) -> Report:
    from .render import _report

    return _report(value, "audit")


def _published(value: object) -> Published:
    if not isinstance(value, Published):
        raise InvalidArgumentTypeError(
            f"Audit(published) must be a Published table, got {value!r}; read a file with "
            "read_published(path)"
        )
    return value


@attrs.frozen
class Audit:
    """A published table audited against a report: one :class:`Finding` per row.

    ``findings`` are in table order (every component of the report, then
    published rows the report does not have), the summary's last. ``lang``
    is the language of the reasons. Build one with :func:`audit`.
    """

    report: Report = attrs.field(converter=_report)
    published: Published = attrs.field(converter=_published)
    lang: str = attrs.field(default="vi", converter=_lang)
    findings: tuple[Finding, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "findings", _findings(self.report, self.published, self.lang))

    @property
    def agreements(self) -> tuple[Finding, ...]:
        """The findings that agree."""
        return tuple(f for f in self.findings if f.kind is FindingKind.AGREES)

    @property
    def disagreements(self) -> tuple[Finding, ...]:
        """The findings that do not agree, of any kind."""
        return tuple(f for f in self.findings if f.kind is not FindingKind.AGREES)

    @property
    def ok(self) -> bool:
        """True when nothing disagrees."""
        return not self.disagreements

    def _in(self, lang: str | None) -> Audit:
        lang = self.lang if lang is None else _lang(lang)
        return self if lang == self.lang else Audit(self.report, self.published, lang)

    def summary(self, lang: str | None = None) -> str:
        """How many findings disagree and agree: "2 disagreements, 13 agreements".

        ``lang`` is ``"en"`` or ``"vi"``; None is the audit's language.
        """
        lang = self.lang if lang is None else _lang(lang)
        bad, good = len(self.disagreements), len(self.agreements)
        if lang == "vi":
            return f"{bad} điểm không khớp, {good} điểm khớp"
        return (
            f"{bad} disagreement{'s' if bad != 1 else ''}, "
            f"{good} agreement{'s' if good != 1 else ''}"
        )

    def table(self, lang: str | None = None, *, tablefmt: str = "simple_grid") -> str:
        """The findings as a table (number, published, computed, finding, reason).

        ``lang`` is ``"en"`` or ``"vi"`` (None: the audit's language; another
        language audits again, so the reasons are in it too); ``tablefmt`` is
        any format the tabulate package knows.
        """
        from tabulate import tabulate, tabulate_formats

        audited = self._in(lang)
        if not isinstance(tablefmt, str) or tablefmt not in tabulate_formats:
            near = difflib.get_close_matches(str(tablefmt), tabulate_formats, n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise InvalidArgumentError(
                f"tablefmt={tablefmt!r} is not a table format; {hint}use one of tabulate's "
                "formats, such as 'simple_grid' (the default), 'github' or 'plain'"
            )
        headers = _TABLE_HEADERS[audited.lang]
        rows: Sequence[Sequence[str]] = [
            (
                f.number or headers[5],
                f.published,
                f.computed,
                f.kind.words(audited.lang),
                f.reason,
            )
            for f in audited.findings
        ]
        if tablefmt.endswith("grid"):
            from .render import wrapped

            rows = wrapped(rows, [None, 24, 28, 14, 48])
        return tabulate(rows, headers=headers[:5], tablefmt=tablefmt, disable_numparse=True)

    def csv(self, lang: str | None = None) -> str:
        """The findings as CSV text, for a spreadsheet: one row per finding.

        Columns: number, target (the component's label; "Tổng hợp" /
        "Summary" for the summary), published, computed, finding (the kind in
        words) and reason, with a header in *lang* (None: the audit's
        language).
        """
        audited = self._in(lang)
        headers = _CSV_HEADERS[audited.lang]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers)
        for f in audited.findings:
            kind = f.kind.words(audited.lang)
            writer.writerow([f.number, f.label, f.published, f.computed, kind, f.reason])
        return buffer.getvalue()

    def __str__(self) -> str:
        return f"{self.table()}\n{self.summary()}"


_CSV_HEADERS = {
    "en": ("No.", "Target", "Published", "Computed", "Finding", "Reason"),
    "vi": ("STT", "Mục tiêu", "Công bố", "Kết quả tính", "Kết luận", "Lý do"),
}

_TABLE_HEADERS = {
    "en": ("No.", "Published", "Computed", "Finding", "Reason", "Summary"),
    "vi": ("STT", "Công bố", "Kết quả tính", "Kết luận", "Lý do", "Tổng hợp"),
}


def audit(
    report: Report,
    published: Published | Mapping[str, str] | str | os.PathLike[str],
    *,
    lang: str | None = None,
) -> Audit:
    """Audit a published review table against *report*, row by row.

    *published* is a :class:`Published` table, a mapping of row numbers to
    verdict texts, or the path of a CSV file (read by :func:`read_published`
    in *lang*, Vietnamese by default). *lang* is the language of the
    reasons; None is the published table's language.
    """
    report = _report(report)
    if isinstance(published, str | os.PathLike):
        published = read_published(published, lang="vi" if lang is None else lang)
    elif isinstance(published, Mapping):
        published = Published(published, lang="vi" if lang is None else lang)
    elif not isinstance(published, Published):
        raise InvalidArgumentTypeError(
            f"audit(published) must be a Published table, a mapping of row numbers to "
            f"verdict texts, or the path of a CSV file, got {published!r}"
        )
    return Audit(report, published, published.lang if lang is None else lang)


def _findings(report: Report, published: Published, lang: str) -> tuple[Finding, ...]:
    words = _WORDS[lang]
    components = _numbered(report)
    keys = {_key(number) for number, _ in components}
    groups = {_key(row.number): list(row.numbers) for row in report.rows if row.group}
    findings: list[Finding] = []
    counted: list[Status] = []  # the published rows' own statuses, for the summary
    unread: list[str] = []  # the components whose row is missing or cannot be read
    for number, verdict in components:
        row = published.get(number)
        computed = verdict.explain(lang)
        label = verdict.target.label or verdict.target.indicator.title
        if row is None or not row.verdict:
            reason = words["missing" if row is None else "blank"].format(number=number)
            findings.append(Finding(number, label, FindingKind.MISSING, "", computed, reason))
            unread.append(number)
            continue
        kind, reason, status = _judge(verdict, row.verdict, published.lang, lang)
        if status is None:
            unread.append(number)
        else:
            counted.append(status)
        findings.append(Finding(number, label, kind, row.verdict, computed, reason))
    numbers = ", ".join(number for number, _ in components)
    for row in published.rows:
        key = _key(row.number)
        if key in keys or (key in groups and not row.verdict):
            continue
        if key in groups:
            reason = words["heading"].format(
                number=row.number, numbers=", ".join(groups[key]), verdict=row.verdict
            )
        else:
            reason = words["unknown"].format(number=row.number, numbers=numbers)
        findings.append(
            Finding(row.number, row.target, FindingKind.UNKNOWN_ROW, row.verdict, "", reason)
        )
    if published.summary is not None:
        findings.append(_summary_finding(report, published, counted, unread, lang))
    return tuple(findings)


def _judge(
    verdict: Verdict, text: str, table_lang: str, lang: str
) -> tuple[FindingKind, str, Status | None]:
    """(kind, reason, the status the published row states) of one published verdict."""
    try:
        claim = _read_claim(text, table_lang)
    except _Unreadable as exc:
        return FindingKind.UNREADABLE, _unreadable(text, str(exc), table_lang, lang), None
    kind, reason, status = _judge_claim(verdict, claim, table_lang, lang)
    if claim.read_as is not None:
        reason += _WORDS[lang]["accents"].format(word=claim.word, read_as=claim.read_as)
    return kind, reason, status


def _judge_claim(
    verdict: Verdict, claim: _Claim, table_lang: str, lang: str
) -> tuple[FindingKind, str, Status]:
    """(kind, reason, the status the published row states) of one published verdict read."""
    words = _WORDS[lang]
    computed = verdict.status
    stated = (
        computed if computed in claim.statuses else min(claim.statuses, key=lambda s: _ORDER[s])
    )
    if computed not in claim.statuses:
        return FindingKind.STATUS, _status_reason(verdict, claim, lang), stated
    status = _STATUS_NAMES[lang][computed]
    if not claim.figures and claim.tally is None:
        reason = words["agrees"].format(status=status)
        if computed is not Status.ACHIEVED and _has_figure(verdict):
            reason += words["no_figure"]  # the computed verdict states one
        return FindingKind.AGREES, reason, stated
    agreeing: list[str] = []
    for figure in claim.figures:
        kind, reason = _judge_figure(verdict, figure, table_lang, lang)
        if kind is not FindingKind.AGREES:
            return kind, reason, stated
        agreeing.append(reason)
    if claim.tally is not None and verdict.tally is not None and claim.tally != verdict.tally:
        reason = words["tally"].format(
            published=words["of"].format(*claim.tally),
            computed=words["of"].format(*verdict.tally),
        )
        return FindingKind.MARGIN, reason, stated
    if not agreeing:
        return FindingKind.AGREES, words["agrees"].format(status=status), stated
    reason = words["agrees_figure"].format(status=status, figures="; ".join(agreeing))
    return FindingKind.AGREES, reason, stated


def _has_figure(verdict: Verdict) -> bool:
    if verdict.status is Status.IN_PROGRESS:
        return verdict.attainment is not None
    return verdict.margin is not None and verdict.status is not Status.NO_DATA


_ORDER = {status: place for place, status in enumerate(Status)}


def _unreadable(text: str, problem: str, table_lang: str, lang: str) -> str:
    words = _WORDS[lang]
    example = _EXAMPLES[table_lang]
    if problem.startswith("number:"):
        _, number, message = problem.split(":", 2)
        language = _LANGUAGE_NAMES[lang][table_lang]
        problem = words["not_a_number"].format(number=number, language=language, message=message)
        return words["unreadable_number"].format(text=text, problem=problem)
    if problem.startswith("words:"):
        rest = problem.removeprefix("words:")
        word = _status_word(text)
        return words["unreadable_words"].format(
            text=text,
            word=text[: word.end] if word else "",
            example=example,
            words=rest,
        )
    other = "en" if table_lang == "vi" else "vi"
    expected = _EXPECTED_WORDS[table_lang] + "; " + _EXPECTED_WORDS[other]
    reason = words["unreadable"].format(text=text, words=expected, example=example)
    near = _near_status_word(text, table_lang)
    if near is not None:
        reason += words["near"].format(word=near)
    return reason


def _status_reason(verdict: Verdict, claim: _Claim, lang: str) -> str:
    from .render import actual_text, rule_text
    from .rules import Kind

    words = _WORDS[lang]
    computed = verdict.status
    target = verdict.target
    stated = _statuses_text(claim.statuses, lang)
    published = f"“{claim.word}”"
    if _fold(stated) != _fold(claim.word):
        published += f" ({stated})"
    if verdict.actual is None:
        return words["status_nothing"].format(published=published, rule=rule_text(target, lang))
    reason = words["status"].format(
        published=published,
        computed=_STATUS_NAMES[lang][computed],
        actual=actual_text(verdict, lang),
        rule=rule_text(target, lang),
    )
    basis = verdict.basis
    if (
        computed is Status.ACHIEVED
        and Status.EXCEEDED in claim.statuses
        and basis.kind in (Kind.ABOVE, Kind.BELOW)
    ):
        reason += words["strict"].format(rule=rule_text(basis, lang))
    elif computed is Status.IN_PROGRESS and target.due is not None:
        reason += words["not_due"].format(due=_due_text(target.due, lang))
    elif Status.IN_PROGRESS in claim.statuses and computed in _ALL_FINAL:
        reason += words["due"]
    return reason


def _due_text(due: int | date, lang: str) -> str:
    if isinstance(due, int):
        return str(due) if lang == "en" else f"năm {due}"
    return due.isoformat() if lang == "en" else f"ngày {due:%d/%m/%Y}"


def _judge_figure(
    verdict: Verdict, figure: _Figure, table_lang: str, lang: str
) -> tuple[FindingKind, str]:
    """(kind, reason) for one published figure of a verdict whose status agrees."""
    words = _WORDS[lang]
    share = verdict.unit in ("percent", "permille") and not _counts_units(verdict)
    unit: str | None = None
    if figure.what == "attainment":
        name = "attainment"
    elif figure.what == "points":
        if not share:
            from . import units

            shown = units.label(verdict.unit, lang) or "—"
            return FindingKind.MARGIN, words["not_points"].format(
                published=figure.text, unit=shown
            )
        name = "margin"
    elif figure.what == "percent":
        name = "margin" if share else "relative"
    else:
        name = "margin"
        if figure.unit is not None and verdict.unit is not None:
            try:
                from . import units

                units.factor(verdict.unit, figure.unit)
            except ResolmetricsError:
                pass
            else:
                unit = figure.unit
    value = _quantity(verdict, name, unit)
    what = words[name]
    if value is None:
        return FindingKind.MARGIN, words["none"].format(published=figure.text, what=what)
    quantity = _derivation(verdict, name, lang, unit)
    half = _half(value, figure, lang)
    if _matches(value, figure, ROUND_HALF_UP):
        return FindingKind.AGREES, f"{quantity}, {_published_as(figure, lang)}"
    if _matches(value, figure, ROUND_DOWN):
        return FindingKind.TRUNCATED, words["truncated"].format(
            quantity=quantity, half=half, published=figure.text
        )
    if figure.what == "percent" and share:
        relative = _quantity(verdict, "relative")
        if relative is not None and (
            _matches(relative, figure, ROUND_HALF_UP) or _matches(relative, figure, ROUND_DOWN)
        ):
            points = _rounded(value, figure.places, table_lang)
            return FindingKind.PERCENT_FOR_POINTS, words["p4p"].format(
                published=figure.text,
                relative=_derivation(verdict, "relative", lang).removeprefix(
                    words["relative"] + " "
                ),
                points=_derivation(verdict, "margin", lang).removeprefix(words["margin"] + " "),
                customary=words["customary"].format(
                    f"“{points}%”", f"“{points} {_WORDS[table_lang]['points']}”"
                ),
            )
    rounded = _rounded_inputs(verdict, figure, name, unit)
    if rounded is not None:
        places, shown_verdict, truncated = rounded
        actual = verdict.actual
        assert actual is not None
        assert not isinstance(actual, str)
        again = _derivation(shown_verdict, name, lang, unit)
        again = again.removeprefix(words[name] + " ")
        reason = words["rounded"].format(
            quantity=quantity,
            half=half,
            published=figure.text,
            actual=_exact(actual, lang),
            rounded=format_number(round_display(actual, places), lang, places),
            again=again,
        )
        if truncated:
            reason += words["rounded_truncated"]
        return FindingKind.ROUNDED_INPUTS, reason
    reason = words["margin_differs"].format(
        published=figure.text, what=what, quantity=quantity, half=half
    )
    return FindingKind.MARGIN, reason + _hints(verdict, figure, name, lang)


def _published_as(figure: _Figure, lang: str) -> str:
    return ("written " if lang == "en" else "công bố ") + figure.text


def _half(value: Exact, figure: _Figure, lang: str) -> str:
    shown = _rounded(value, figure.places, lang)
    if figure.places is None:
        return shown
    s = "" if figure.places == 1 else "s"
    return _WORDS[lang]["places"].format(value=shown, places=figure.places, s=s)


def _counts_units(verdict: Verdict) -> bool:
    context = verdict.context
    return context is not None and context.combined in ("count", "quota")


def _rounded_inputs(
    verdict: Verdict, figure: _Figure, name: str, unit: str | None
) -> tuple[int, Verdict, bool] | None:
    """(decimals, the verdict on the rounded value, truncated too) when that explains it."""
    actual = verdict.actual
    if actual is None or isinstance(actual, str):
        return None
    candidates: list[tuple[int, Verdict]] = []
    for places in (2, 1, 0):
        rounded = round_display(actual, places, ROUND_HALF_UP)
        if rounded == actual or (candidates and rounded == candidates[-1][1].actual):
            continue
        candidates.append((places, attrs.evolve(verdict, actual=rounded)))
    for rounding, truncated in ((ROUND_HALF_UP, False), (ROUND_DOWN, True)):
        for places, shown in candidates:
            value = _quantity(shown, name, unit)
            if value is not None and _matches(value, figure, rounding):
                return places, shown, truncated
    return None


def _hints(verdict: Verdict, figure: _Figure, name: str, lang: str) -> str:
    """Which other computed figure the published one matches, if any."""
    words = _WORDS[lang]
    actual = verdict.actual
    if (
        actual is not None
        and not isinstance(actual, str)
        and _matches(magnitude(actual), figure, ROUND_HALF_UP)
    ):
        return words["is_value"].format(published=figure.text)
    for other in ("attainment", "relative", "margin"):
        if other == name:
            continue
        value = _quantity(verdict, other)
        if value is not None and _matches(value, figure, ROUND_HALF_UP):
            derivation = _derivation(verdict, other, lang).removeprefix(words[other] + " ")
            return words[f"is_{other}"].format(published=figure.text, **{other: derivation})
    return ""


# ----------------------------------------------------------------------------------------
# The summary sentence

# The summary's words: every status word, and the ones only a summary uses.
_SUMMARY_WORDS: dict[str, frozenset[Status] | None] = {
    **_STATUS_WORDS,
    "hoàn thành và vượt": _MET,
    "hoàn thành và hoàn thành vượt": _MET,
    "đạt và vượt": _MET,
    "tổng số": None,
    "met or exceeded": _MET,
    "achieved or exceeded": _MET,
    "total": None,
}
_SUMMARY_RE = re.compile(rf"(?<!\w)(?:{_alternation(_SUMMARY_WORDS)})(?!\w)")
_COUNT_RE = re.compile(r"(\d+)(?:\s*(?:/|of|trong|trên)\s*(?:tổng số\s*)?(\d+))?")
_SUMMARY_EXAMPLES = {
    "vi": "“Hoàn thành và vượt 7/10 chỉ tiêu; không hoàn thành 2/10 chỉ tiêu”",
    "en": "“Met 7 of 10 targets; 2 not achieved”",
}


_CATEGORY_NAMES = {
    "en": {
        _MET: "met",
        frozenset({Status.EXCEEDED}): "exceeded",
        frozenset({Status.ACHIEVED}): "achieved",
        frozenset({Status.NOT_ACHIEVED}): "not achieved",
        _NOT_YET: "not yet achieved",
        frozenset({Status.IN_PROGRESS}): "in progress",
        frozenset({Status.NO_DATA}): "no data",
    },
    "vi": {
        _MET: "hoàn thành và vượt",
        frozenset({Status.EXCEEDED}): "vượt",
        frozenset({Status.ACHIEVED}): "đạt",
        frozenset({Status.NOT_ACHIEVED}): "không đạt",
        _NOT_YET: "chưa đạt",
        frozenset({Status.IN_PROGRESS}): "đang thực hiện",
        frozenset({Status.NO_DATA}): "chưa có số liệu",
    },
}


class _Count(NamedTuple):
    words: str  # as written
    statuses: frozenset[Status] | None  # None: the total
    stated: int
    total: int | None


def _read_summary(text: str) -> list[_Count]:
    """The counts a summary sentence states; raise _Unreadable naming a clause it cannot read."""
    folded = _fold(text).rstrip(".")
    clauses = re.split(r"[;,()]", folded)  # in the order written, brackets included
    counts: list[_Count] = []
    for clause in (c.strip() for c in clauses):
        number = _COUNT_RE.search(clause)
        if number is None:
            continue
        word = _SUMMARY_RE.search(clause)
        if word is None:
            raise _Unreadable(clause)
        total = int(number.group(2)) if number.group(2) else None
        counts.append(
            _Count(word.group(), _SUMMARY_WORDS[word.group()], int(number.group(1)), total)
        )
    return counts


def _summary_finding(
    report: Report, published: Published, counted: list[Status], unread: list[str], lang: str
) -> Finding:
    """The finding on the summary sentence.

    *counted* holds the status each published row states, for the rows that
    were read; *unread* the numbers of the components whose row is missing or
    cannot be read. Each count of the summary is compared with the computed
    verdicts, and with the rows read: it agrees with them when it lies
    between what they give and that plus the rows not read, which could state
    anything. A total agrees with the rows when it is the number of
    components.
    """
    words = _WORDS[lang]
    text = published.summary
    assert text is not None
    computed_text = report.summary(lang)
    label = _TABLE_HEADERS[lang][5]
    try:
        counts = _read_summary(text)
    except _Unreadable as exc:
        problem = words["summary_clause"].format(
            clause=str(exc), words=_EXPECTED_WORDS[published.lang]
        )
        reason = words["summary_unreadable"].format(text=text, problem=problem)
        return Finding("", label, FindingKind.UNREADABLE, text, computed_text, reason)
    if not counts:
        problem = words["summary_nothing"].format(example=_SUMMARY_EXAMPLES[published.lang])
        reason = words["summary_unreadable"].format(text=text, problem=problem)
        return Finding("", label, FindingKind.UNREADABLE, text, computed_text, reason)
    computed = [v.status for v in report.verdicts]

    def count(statuses: frozenset[Status] | None, among: list[Status]) -> int:
        return len(among) if statuses is None else sum(s in statuses for s in among)

    def shown(c: _Count, value: int, total: int, most: int | None = None) -> str:
        name = words["total"] if c.statuses is None else _CATEGORY_NAMES[lang][c.statuses]
        text = str(value) if most is None or most == value else f"{value}–{most}"
        if c.statuses is None:
            return f"{name} {text}"
        return f"{name} {words['of'].format(text, total) if c.total is not None else text}"

    problems: list[str] = []
    totals = sorted(
        {c.total for c in counts if c.total is not None}
        | {c.stated for c in counts if c.statuses is None}
    )
    if len(totals) > 1:
        problems.append(words["summary_totals"].format(totals=" / ".join(map(str, totals))))
    against_computed = against_rows = True
    stated_parts, computed_parts, rows_parts = [], [], []
    rows_total = len(counted) + len(unread)
    for c in counts:
        mine = count(c.statuses, computed)
        if c.statuses is None:
            least = most = rows_total
        else:
            least = count(c.statuses, counted)
            most = least + len(unread)
        stated_total = c.total
        ok_computed = mine == c.stated and stated_total in (None, len(computed))
        ok_rows = least <= c.stated <= most and stated_total in (None, rows_total)
        if not ok_computed or not ok_rows:
            stated_parts.append(shown(c, c.stated, c.total or 0))
            computed_parts.append(shown(c, mine, len(computed)))
            rows_parts.append(shown(c, least, rows_total, most))
        against_computed &= ok_computed
        against_rows &= ok_rows
    rows = words["rows_read" if unread else "rows"]
    unread_text = ""
    if unread:
        key = "unread_one" if len(unread) == 1 else "unread_many"
        unread_text = " (" + words[key].format(numbers=", ".join(unread)) + ")"
    if not against_computed or not against_rows:
        where = (
            "summary_with_rows"
            if against_rows
            else "summary_with_computed"
            if against_computed
            else "summary_neither"
        )
        problems.append(
            "; ".join(
                [
                    words["summary_states"].format(stated=", ".join(stated_parts)),
                    words["summary_computed"].format(count=", ".join(computed_parts)),
                    words["summary_rows"].format(count=", ".join(rows_parts)) + unread_text,
                    words[where].format(rows=rows),
                ]
            )
        )
    if problems:
        return Finding("", label, FindingKind.SUMMARY, text, computed_text, "; ".join(problems))
    listed = ", ".join(shown(c, c.stated, c.total or 0) for c in counts)
    reason = words["summary_agrees"].format(rows=rows + unread_text, counts=listed)
    return Finding("", label, FindingKind.AGREES, text, computed_text, reason)
