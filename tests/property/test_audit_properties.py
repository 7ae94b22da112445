"""Named invariants of auditing a published review table, on drawn resolutions and results.

Expected findings never come from the code under test: a table written with
the library's own words must agree everywhere (with its status words written
without accents too), a table with one status word changed must disagree on
that row alone, and rows made unreadable or left out disagree alone, not the
summary. Published tables written as CSV
by the csv module read back as written, each row at the physical line it
starts on, and any text at all reads as a table or raises one FileError.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import resolmetrics as rm
from resolmetrics.audit import FindingKind, Published, PublishedRow, audit, read_published
from resolmetrics.files import FileError
from resolmetrics.strategies import resolution_results, resolutions

FAST = settings(max_examples=150, deadline=None)

#: The status words the library writes first in a verdict, in each language.
WORDS = {
    "vi": {
        rm.Status.EXCEEDED: "Vượt",
        rm.Status.ACHIEVED: "Đạt",
        rm.Status.NOT_ACHIEVED: "Không đạt",
        rm.Status.IN_PROGRESS: "Đang thực hiện",
        rm.Status.NO_DATA: "Chưa có số liệu",
    },
    "en": {
        rm.Status.EXCEEDED: "exceeded",
        rm.Status.ACHIEVED: "achieved",
        rm.Status.NOT_ACHIEVED: "not achieved",
        rm.Status.IN_PROGRESS: "in progress",
        rm.Status.NO_DATA: "no data",
    },
}


def numbered(report: rm.Report) -> list[tuple[str, rm.Verdict]]:
    """Each component with its number in the review table: 1, 2a, 2b, 3, ..."""
    items = []
    for row in report.rows:
        if not row.group:
            items.append((row.number, row.verdicts[0]))
        else:
            items += [(row.number + "abc"[i], v) for i, v in enumerate(row.verdicts)]
    return items


@st.composite
def reviews(draw: st.DrawFn) -> rm.Report:
    """A drawn resolution, judged on drawn results at the end of its term or mid-way."""
    resolution = draw(resolutions())
    results = draw(resolution_results(resolution, missing=draw(st.booleans())))
    first, last = resolution.term  # type: ignore[misc]
    as_of = draw(st.sampled_from([None, date(first + (last - first) // 2, 6, 30)]))
    return resolution.evaluate(results, as_of=as_of)


@FAST
@given(reviews(), st.sampled_from(["vi", "en"]), st.sampled_from(["words", "percent"]))
def test_a_table_in_the_librarys_own_words_agrees_everywhere(
    report: rm.Report, lang: str, points: str
) -> None:
    """A published table whose verdicts are the computed verdicts' own texts (with points
    written as words or the customary "%") and whose summary is the report's own summary
    audits as all AGREES, one finding per component plus the summary."""
    rows = [PublishedRow(n, v.explain(lang, points=points)) for n, v in numbered(report)]
    result = audit(report, Published(rows, summary=report.summary(lang), lang=lang))
    assert [(f.number, f.kind) for f in result.findings] == [
        *((n, FindingKind.AGREES) for n, _ in numbered(report)),
        ("", FindingKind.AGREES),
    ], [f.reason for f in result.disagreements]
    assert result.ok


@FAST
@given(reviews(), st.sampled_from(["vi", "en"]), st.data())
def test_changing_one_status_word_is_a_status_finding_on_that_row_only(
    report: rm.Report, lang: str, data: st.DataObject
) -> None:
    """Changing the status word of one row of a table in the library's own words to the word
    of another status gives a STATUS finding for that row, and every other row agrees."""
    items = numbered(report)
    place = data.draw(st.integers(0, len(items) - 1))
    number, verdict = items[place]
    other = data.draw(st.sampled_from([s for s in rm.Status if s is not verdict.status]))
    words = WORDS[lang]
    rows = []
    for n, v in items:
        text = v.explain(lang)
        if n == number:
            assert text.startswith(words[v.status])
            text = words[other] + text[len(words[v.status]) :]
        rows.append(PublishedRow(n, text))
    result = audit(report, Published(rows, lang=lang))
    assert [(f.number, f.kind) for f in result.disagreements] == [(number, FindingKind.STATUS)], [
        f.reason for f in result.disagreements
    ]
    assert len(result.agreements) == len(items) - 1


def without_accents(text: str) -> str:
    """*text* with its Vietnamese accents taken off: "Không đạt" -> "Khong dat"."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


@FAST
@given(reviews())
def test_status_words_written_without_accents_are_read_and_noted(report: rm.Report) -> None:
    """A Vietnamese table in the library's own words whose status words are written without
    their accents ("Vuot", "Khong dat") audits as all AGREES, like the table with them, and
    the reason of each row ends by saying which word the unaccented one was read as."""
    items = numbered(report)
    rows = []
    for n, v in items:
        text, word = v.explain("vi"), WORDS["vi"][v.status]
        assert text.startswith(word)
        rows.append(PublishedRow(n, without_accents(word) + text[len(word) :]))
    result = audit(report, Published(rows, summary=report.summary("vi"), lang="vi"), lang="en")
    assert result.ok, [f.reason for f in result.disagreements]
    for (_, v), finding in zip(items, result.findings, strict=False):
        word = WORDS["vi"][v.status]
        assert finding.reason.endswith(
            f"; the status word “{without_accents(word)}” is read as “{word}”, which differs "
            "from it only in accents"
        ), finding.reason


@FAST
@given(reviews(), st.sampled_from(["vi", "en"]), st.data())
def test_a_row_not_read_is_not_counted_against_a_right_summary(
    report: rm.Report, lang: str, data: st.DataObject
) -> None:
    """In a table in the library's own words with the report's own summary, making some rows
    unreadable or leaving them out gives one disagreement per such row and none for the
    summary, whose reason names the rows not read."""
    items = numbered(report)
    spoilt = data.draw(st.sets(st.sampled_from([n for n, _ in items]), min_size=1))
    left_out = data.draw(st.sets(st.sampled_from(sorted(spoilt))))
    rows = [
        PublishedRow(n, "Tốt" if n in spoilt else v.explain(lang))
        for n, v in items
        if n not in left_out
    ]
    result = audit(report, Published(rows, summary=report.summary(lang), lang=lang), lang="en")
    unread = [n for n, _ in items if n in spoilt]
    assert [(f.number, f.kind) for f in result.disagreements] == [
        (n, FindingKind.MISSING if n in left_out else FindingKind.UNREADABLE) for n in unread
    ]
    summary = result.findings[-1]
    assert (summary.number, summary.kind) == ("", FindingKind.AGREES)
    named = f"(row {unread[0]} not read)" if len(unread) == 1 else f"(rows {', '.join(unread)} "
    assert named in summary.reason, summary.reason


#: Characters of published cells: Vietnamese letters, digits, and everything a CSV reader
#: must take care of (delimiters, quotes, line ends, U+2028, a byte-order mark's character).
CELL = st.text(alphabet='aăâđêôơưĐạỹ 09%,;\t"\r\n\u2028\ufeff:()', max_size=12)
NUMBER = st.from_regex(r"[1-9][0-9]?[a-e]?", fullmatch=True)
BREAK = re.compile(r"\r\n|\r|\n")


def shown(text: str) -> str:
    """A cell as a published table holds it: NFC, runs of whitespace as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@FAST
@given(
    st.lists(st.tuples(NUMBER, CELL, CELL, CELL), max_size=6, unique_by=lambda row: row[0]),
    CELL,
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.booleans(),
)
def test_a_table_written_as_csv_reads_back_at_its_physical_lines(
    rows: list[tuple[str, str, str, str]],
    summary: str,
    delimiter: str,
    end: str,
    quote_all: bool,
    bom: bool,
) -> None:
    """A table written by the csv module (any delimiter of ',', ';' and tab, any line end,
    quoted where needed or everywhere, with or without a byte-order mark, cells holding
    delimiters, quotes, line breaks and U+2028) reads back as the same rows and summary,
    each row numbered by the physical line it starts on (lines end at \\n, \\r\\n or
    \\r)."""
    if not quote_all and end == "\n":
        # the csv module then leaves a cell holding a lone "\r" unquoted: no reader can
        # tell it from a line end, so such cells are not written
        rows = [
            (n, t.replace("\r", ""), r.replace("\r", ""), v.replace("\r", ""))
            for n, t, r, v in rows
        ]
        summary = summary.replace("\r", "")
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator=end,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(["STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"])
    lines = []
    for number, target, result, verdict in rows:
        lines.append(len(BREAK.findall(buffer.getvalue())) + 1)
        writer.writerow([number, target, result, verdict])
    if shown(summary):
        writer.writerow(["Tổng hợp", "", "", summary])
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "published.csv"
        path.write_bytes(text.encode("utf-8"))
        table = read_published(path)
    assert [(r.number, r.target, r.result, r.verdict) for r in table.rows] == [
        (number, shown(target), shown(result), shown(verdict))
        for number, target, result, verdict in rows
    ]
    assert [r.line for r in table.rows] == lines
    assert table.summary == (shown(summary) or None)


TOKENS = st.sampled_from(
    ["STT", "So sánh với mục tiêu", "verdict", "number", "Tổng hợp", "1a", "1a", "Đạt",
     "Vượt 2,5%", "", " ", ",", ";", "\t", '"', "\n", "\r\n", "\r", "\u2028", "\ufeff"]
)  # fmt: skip


@FAST
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_any_text_reads_as_a_table_or_raises_one_file_error(text: str) -> None:
    """Whatever the text of the file, read_published gives a table or raises a FileError
    whose every problem names the file and a line of it (or no line), never another error."""
    physical = len(BREAK.findall(text)) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "published.csv"
        path.write_bytes(text.encode("utf-8"))
        try:
            table = read_published(path)
        except FileError as error:
            problems = error.problems
        else:
            assert all(row.line is not None and 1 <= row.line <= physical for row in table.rows)
            return
    assert problems
    for problem in problems:
        assert problem.file == str(path)
        assert problem.line is None or 1 <= problem.line <= physical, problem
