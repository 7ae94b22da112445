"""The target parser: recursive descent over the tokens of one target's text.

Grammar (``|`` alternatives, ``?`` optional, ``*`` repeated; words are
matched in the language's vocabulary, see ``_vocabulary``)::

    target     := item* clause? item*          -- one figure with its rule, or a rating
    item       := timing | years | rating | plan | measure | WORD | mark
    timing     := PER_YEAR | DUE.term | DUE.year YEAR
    years      := YEAR DASH YEAR               -- "giai đoạn 2021-2025": the term
    rating     := PREFIX* RATING (RANGE_JOINER RATING)? SUFFIX?
    measure    := MEASURE                      -- before the clause: tăng, giảm, giảm xuống
    clause     := PREFIX* amount (range)? PER_YEAR? SUFFIX?
    range      := (DASH | RANGE_JOINER) amount
    amount     := "-"? NUMBER ("/" NUMBER)? unit?
    unit       := "%" | UNIT

A text may hold several numbers ("Nghị quyết số 12, đạt 45%"); the figure
of the target is the best candidate clause: one with a unit, else one with
comparison words, else a bare number; year ranges and durations ("5 năm")
are never the figure. Two figures with units are two targets: an error.

The words no rule of the grammar takes form the subject; count nouns and
ratings are read and kept in it ("tổ chức cơ sở đảng hoàn thành tốt nhiệm
vụ"). A word that is a grammar word written without or with wrong accents
("khong qua", "dươí") or misspelt at its end next to the figure ("trở lến",
"or mroe") is an error with a suggestion, never a silent part of the
subject. Nor may the subject keep a due word with a year it cannot read
("by 2O25"), a year alone ("2026"), or a comparison word after no figure
("trở lên 95") or at the end with none after it ("95 trên"); and with a
language given, a text that reads better in the other language ("Trên
90%" as English) is an error naming it (see ``check_left`` and
``_check_language``). Every step moves forward through the tokens a bounded number of
times: parsing is linear in the length of the text.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from resolmetrics.errors import InvalidResultError, InvalidTargetError, ParseError, shown
from resolmetrics.indicators import PARTY_QUALITY
from resolmetrics.numbers import Exact, as_text, normal
from resolmetrics.rules import Rule, above, at_least, at_most, below, between, exactly

from . import _vocabulary as vocabulary
from ._numbers import parse_number
from ._tokenizer import Token, tokenize

__all__ = ["Parsed", "fold", "parse"]

_VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_COUNT_NOUNS = ("member", "organisation", "enterprise", "household", "person", "visit")
_DURATION = {"vi": {"năm", "tháng"}, "en": {"year", "years", "month", "months"}}
_ALL: dict[str, dict[tuple[str, ...], str]] = {
    "vi": {("tất", "cả"): "all", ("toàn", "bộ"): "all"},
    "en": {("all",): "all"},
}
_MAKERS = {"above": above, "below": below, "at_most": at_most, "exactly": exactly,
           "at_least": at_least}  # fmt: skip


class Amount(NamedTuple):
    value: Exact
    unit: str | None
    start: int  # position in the text


class Clause(NamedTuple):
    rule: Rule
    unit: str | None
    approximate: bool
    point: bool
    start: int  # token indexes
    end: int
    number: int  # token index of the figure
    quality: int  # 3 with a unit, 2 with comparison words, 1 bare


class Parsed(NamedTuple):
    """What the parser read; :class:`~resolmetrics.text.TargetSpec` is built from it."""

    text: str
    rule: Rule
    unit: str | None
    per: str | None
    due: int | str | date | None
    term: tuple[int, int] | None
    measure: str
    subject: str
    approximate: bool
    point: bool
    condition: Rule | None
    lang: str


def fold(text: str) -> str:
    """*text* without accents, lower case: what a word is when typed without diacritics."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(lang: str) -> set[str]:
    tables = (vocabulary.PREFIXES[lang], vocabulary.SUFFIXES[lang], vocabulary.MEASURES[lang],
              vocabulary.PER_YEAR[lang], vocabulary.DUE[lang], vocabulary.PLAN[lang],
              vocabulary.RATINGS[lang], vocabulary.RANGE_JOINERS[lang])  # fmt: skip
    return {word for table in tables for phrase in table for word in phrase if word.isalpha()}


_LANG_WORDS = {lang: _words(lang) for lang in ("vi", "en")}
_LANG_WORDS["en"] |= vocabulary.ENGLISH_UNIT_WORDS
_SHARED_WORDS = _words("vi") & _words("en")  # the rating codes: "HTTNV" is both languages'


def detect_language(tokens: list[Token]) -> str | None:
    """ "vi" or "en" from the words, or None when no word tells."""
    words = [token.key for token in tokens if token.kind == "WORD"]
    scores = {
        "vi": sum(bool(set(w) & _VIETNAMESE_LETTERS) or w in _LANG_WORDS["vi"] for w in words),
        "en": sum(w in _LANG_WORDS["en"] and not set(w) & _VIETNAMESE_LETTERS for w in words),
    }
    if scores["vi"] == scores["en"]:
        return None
    return max(scores, key=scores.__getitem__)


class _Parser:
    def __init__(self, text: str, lang: str | None) -> None:
        self.text = unicodedata.normalize("NFC", text)
        self.tokens = tokenize(self.text)
        detected = detect_language(self.tokens)
        self.lang = lang or detected or "vi"
        self.number_lang = lang or detected  # None: a number must read the same in both
        self.taken = [False] * len(self.tokens)
        self.named = [False] * len(self.tokens)  # read, but still part of the subject
        self.per: str | None = None
        self.due: int | str | date | None = None
        self.term: tuple[int, int] | None = None
        self.measure = "level"
        self.rating: tuple[Rule, int] | None = None
        self.plan = False
        self.yearly: set[int] = set()  # the tokens of per-year words ("/năm", "a year")
        self.units: set[int] = set()  # the tokens of unit words, which both languages share
        self.spans: list[tuple[int, int, int]] = []  # candidate clauses: start, end, quality

    # ------------------------------------------------------------------ helpers

    def match(self, index: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
        """The meaning and length of the longest phrase of *table* at *index*.

        Only the phrases that start with the word at *index* are tried (the
        table is indexed by first word once), so a match costs the same
        whatever the size of the vocabulary.
        """
        if index >= len(self.tokens) or self.taken[index]:
            return None
        for phrase, meaning in _by_first_word(table).get(self.tokens[index].key, ()):
            end = index + len(phrase)
            if end <= len(self.tokens) and all(
                not self.taken[i] and self.tokens[i].key == word
                for i, word in zip(range(index, end), phrase, strict=True)
            ):
                return meaning, len(phrase)
        return None

    def prefixes(self, index: int) -> tuple[list[str], int]:
        """The comparison words from *index* on, and where they end."""
        kinds: list[str] = []
        # at most three in a row ("từ", then a comparison): more cannot make one rule, and
        # reading on would make "trên trên trên ..." quadratic
        while len(kinds) < 3 and (prefix := self.match(index, vocabulary.PREFIXES[self.lang])):
            kinds.append(prefix[0])
            index += prefix[1]
        return kinds, index

    def take(self, start: int, end: int, *, named: bool = False) -> None:
        for i in range(start, end):
            self.taken[i] = True
            self.named[i] = named

    def kind(self, index: int) -> str:
        return self.tokens[index].kind if 0 <= index < len(self.tokens) else "END"

    def key(self, index: int) -> str:
        return self.tokens[index].key if 0 <= index < len(self.tokens) else ""

    def position(self, index: int) -> int:
        return self.tokens[index].start if index < len(self.tokens) else len(self.text)

    def error(self, message: str, index: int) -> ParseError:
        return ParseError(message, self.text, self.position(index))

    def is_year(self, index: int) -> bool:
        text = self.tokens[index].text if self.kind(index) == "NUMBER" else ""
        return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2200

    def is_sign(self, index: int) -> bool:
        """A dash right before a figure, with nothing between, is a minus sign."""
        return (
            self.kind(index) == "DASH"
            and self.kind(index + 1) == "NUMBER"
            and self.tokens[index].end == self.tokens[index + 1].start
        )

    # ------------------------------------------------------------------ the passes

    def parse(self) -> Parsed:
        if not self.tokens:
            raise self.error("expected a target such as 'Trên 95%' or 'at least 90%'", 0)
        try:
            return self.read()
        except (InvalidTargetError, InvalidResultError) as exc:  # a figure out of range
            raise ParseError(str(exc), self.text, 0) from None

    def read(self) -> Parsed:
        for index in range(len(self.tokens)):  # timing, term years and ratings first
            if not self.taken[index]:
                self.timing(index) or self.years(index) or self.rating_item(index)
        clause = self.best_clause()
        if clause is not None:
            self.commit(clause)
        self.check_spelling()
        self.check_left()
        return self.result(clause)

    def timing(self, index: int) -> bool:
        lang = self.lang
        per = self.match(index, vocabulary.PER_YEAR[lang])
        if per is not None:
            self.per = per[0]
            self.take(index, index + per[1])
            self.yearly.update(range(index, index + per[1]))
            return True
        due = self.match(index, vocabulary.DUE[lang])
        if due is None:
            return False
        meaning, length = due
        after = index + length
        when = self.date_at(after)
        if when is not None and meaning in (
            "date",
            "year",
        ):  # "đến ngày 30/06/2025", "by 2025-06-30"
            self.due, end = when
            self.take(index, end)
            return True
        if meaning in ("year", "date"):  # "by" is either: a year follows here
            if not self.is_year(after):
                return False
            self.due = int(self.tokens[after].text)
            self.take(index, after + 1)
            return True
        self.due = "term"
        self.take(index, after)
        if self.is_year(after):  # "nhiệm kỳ 2020-2025"
            self.years(after)
        return True

    def date_at(self, index: int) -> tuple[date, int] | None:
        """A date written DD/MM/YYYY or YYYY-MM-DD at *index*, and where it ends."""
        parts = [self.tokens[i] for i in range(index, index + 5) if i < len(self.tokens)]
        if len(parts) < 5 or [p.kind for p in parts] not in (
            ["NUMBER", "SLASH", "NUMBER", "SLASH", "NUMBER"],
            ["NUMBER", "DASH", "NUMBER", "DASH", "NUMBER"],
        ):
            return None
        if not all(parts[i].text.isdigit() for i in (0, 2, 4)):
            return None
        first, middle, last = (int(parts[i].text) for i in (0, 2, 4))
        iso = parts[1].kind == "DASH"
        if not iso and self.lang != "vi":
            return None  # 03/04/2025 is 3 April in Vietnamese, 4 March in American English
        year, month, day = (first, middle, last) if iso else (last, middle, first)
        try:
            return date(year, month, day), index + 5
        except (ValueError, OverflowError):  # OverflowError: a part too big for C's int
            raise self.error(f"{year}-{month:02}-{day:02} is not a date", index) from None

    def years(self, index: int) -> bool:
        """YEAR-YEAR: the years of a term, never the figure of the target."""
        if not (
            self.is_year(index) and self.kind(index + 1) == "DASH" and self.is_year(index + 2)
        ):
            return False
        if self.kind(index + 3) == "PERCENT" or self.match(index + 3, vocabulary.UNITS):
            return False  # "2000-2500 hộ": a range of figures after all
        first, last = int(self.tokens[index].text), int(self.tokens[index + 2].text)
        if first <= last:
            self.term = (first, last)
            self.take(index, index + 3)
            return True
        return False

    def rating_item(self, index: int) -> bool:
        """rating := PREFIX* RATING (RANGE_JOINER RATING)? SUFFIX?"""
        lang = self.lang
        kinds, at = self.prefixes(index)
        first = self.match(at, vocabulary.RATINGS[lang])
        if first is None:
            return False
        rating_start = at
        at += first[1]
        codes = [first[0]]
        joiner = self.match(at, vocabulary.RANGE_JOINERS[lang])
        if joiner is not None and (second := self.match(at + joiner[1], vocabulary.RATINGS[lang])):
            codes.append(second[0])
            at += joiner[1] + second[1]
        suffix = self.match(at, vocabulary.SUFFIXES[lang])
        if suffix is not None:
            kinds.append(suffix[0])
        words = sorted({k for k in kinds if k not in ("from", "attain")})
        if len(words) > 1:
            raise self.error(f"two comparisons for one rating ({' and '.join(words)})", index)
        if len(codes) == 2:
            low, high = (PARTY_QUALITY.rank(code) for code in codes)
            if low > high:
                raise self.error(
                    f"the range of ratings runs from {codes[0]} down to {codes[1]}; write the "
                    "lower rating first",
                    rating_start,
                )
            rule = between(*codes)
        elif words and words[0] == "between":
            raise self.error("expected 'between X and Y'", index)
        elif words and words[0] in _MAKERS:
            rule = _MAKERS[words[0]](codes[0])
        else:  # a bare rating: that level or better ("không hoàn thành": that level)
            rule = exactly(codes[0]) if codes[0] == "KHTNV" else at_least(codes[0])
        self.take(index, rating_start)
        self.take(rating_start, at, named=True)
        if suffix is not None:
            self.take(at, at + suffix[1])
        if self.rating is None:
            self.rating = (rule, rating_start)
        return True

    # ------------------------------------------------------------------ the figure

    def best_clause(self) -> Clause | None:
        """The figure of the target among the candidate clauses (see the module docstring)."""
        candidates: list[Clause] = []
        index = 0
        while index < len(self.tokens):
            clause = self.clause_at(index) if not self.taken[index] else None
            if clause is None:
                index += 1
                continue
            candidates.append(clause)
            index = clause.end
        self.spans = [(c.start, c.end, c.quality) for c in candidates]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: (c.quality, -c.start))
        for other in candidates:
            if other is not best and other.quality == best.quality == 3:
                written = self.text[self.position(other.start) : self.tokens[other.end - 1].end]
                raise self.error(
                    "a second figure with its unit: one text is one target; write "
                    f"{shown(written)} as a target of its own",
                    other.number,
                )
        return best

    def clause_at(self, index: int) -> Clause | None:
        """clause := PREFIX* amount range? PER_YEAR? SUFFIX?  (None if none starts here)."""
        lang = self.lang
        kinds, at = self.prefixes(index)
        if not (self.kind(at) == "NUMBER" or self.is_sign(at)) or self.taken[at]:
            return None
        number = at + 1 if self.is_sign(at) else at
        first, at = self.amount(at)
        if first is None:
            return None
        if first.unit is None and self.key(at) in _DURATION[lang]:
            return None  # "5 năm", "3 years": a duration, not a figure
        second: Amount | None = None
        joined = self.kind(at) == "DASH" or self.match(at, vocabulary.RANGE_JOINERS[lang])
        if joined:
            after = at + 1 if self.kind(at) == "DASH" else at + joined[1]  # type: ignore[index]
            if self.kind(after) == "NUMBER" or self.is_sign(after):
                second, at = self.amount(after)
            elif "between" in kinds or self.kind(at) != "DASH":
                raise self.error("expected the other end of the range", after)
        after_year = at
        while after_year in self.yearly:  # "7%/năm trở lên": the suffix after the year words
            after_year += 1
        suffix = self.match(after_year, vocabulary.SUFFIXES[lang])
        if suffix is not None:
            kinds.append(suffix[0])
            at = after_year + suffix[1]
        unit = (second.unit if second is not None else None) or first.unit
        quality = 3 if unit else 2 if kinds or second is not None else 1
        rule, approximate, point = self.rule(kinds, first, second, index)
        return Clause(rule, unit, approximate, point, index, at, number, quality)

    def amount(self, index: int) -> tuple[Amount | None, int]:
        """amount := "-"? NUMBER ("/" NUMBER)? unit?"""
        negative = self.is_sign(index)
        if negative:
            index += 1
        if self.kind(index) != "NUMBER":
            return None, index
        token = self.tokens[index]
        value = self.number(token)
        index += 1
        if self.kind(index) == "SLASH" and self.kind(index + 1) == "NUMBER":
            denominator = self.number(self.tokens[index + 1])  # "100/3": a fraction, exactly
            if denominator == 0:
                raise self.error("a fraction cannot have 0 below the line", index + 1)
            value = normal(Fraction(value) / Fraction(denominator))
            index += 2
        if negative:
            value = -value
        unit = None
        if self.kind(index) == "PERCENT":
            unit, index = "percent", index + 1
        elif (found := self.match(index, vocabulary.UNITS)) is not None:
            self.units.update(range(index, index + found[1]))
            unit, index = found[0], index + found[1]
        return Amount(value, unit, token.start), index

    def number(self, token: Token) -> Exact:
        try:
            return parse_number(token.text, self.number_lang)
        except ParseError as exc:
            raise ParseError(exc.message, self.text, token.start) from None

    def rule(
        self, kinds: list[str], first: Amount, second: Amount | None, start: int
    ) -> tuple[Rule, bool, bool]:
        """The rule the comparison words make: (rule, approximate, point target)."""
        words = sorted({k for k in kinds if k not in ("from", "attain")})
        if len(words) > 1:
            raise self.error(
                f"two comparisons for one figure ({' and '.join(words)}); keep one", start
            )
        kind = words[0] if words else None
        if second is not None:
            if kind not in (None, "between"):
                raise self.error(f"a range cannot also be '{kind}'; write the range alone", start)
            if first.value > second.value:
                raise ParseError(
                    f"the range runs from {as_text(first.value)} down to "
                    f"{as_text(second.value)}; write the lower end first",
                    self.text,
                    first.start,
                )
            return between(first.value, second.value), False, False
        if kind == "between":
            raise self.error("expected 'between X and Y'", start)
        if kind in _MAKERS and kind != "approximately":
            return _MAKERS[kind](first.value), False, False
        # a bare figure, "khoảng X", "đạt X": a point target, met at X or better
        return at_least(first.value), kind == "approximately", True

    def commit(self, clause: Clause) -> None:
        """Take the clause, the words that say what it measures, and a plan after it."""
        lang = self.lang
        self.take(clause.start, clause.end)
        for i in range(clause.start, clause.end):  # count nouns stay in the subject
            if self.kind(i) == "WORD" and self.tokens[i].key not in _LANG_WORDS[lang]:
                found = self.match_any(i, vocabulary.UNITS)
                if found in _COUNT_NOUNS:
                    self.named[i] = True
        before = self.measure_before(clause.start) or self.measure_earlier(clause.start)
        if before is not None:
            self.measure = before
        plan = self.match(clause.end, vocabulary.PLAN[lang])
        if plan is not None:
            self.plan = True
            self.take(clause.end, clause.end + plan[1])
        growth = self.match(clause.end, vocabulary.MEASURES_AFTER[lang])
        if growth is not None:
            self.measure = growth[0]
            self.take(clause.end, clause.end + growth[1])

    def match_any(self, index: int, table: dict[tuple[str, ...], str]) -> str | None:
        """The meaning of a phrase of *table* that covers *index* (taken or not)."""
        for phrase, meaning in table.items():
            for start in range(max(0, index - len(phrase) + 1), index + 1):
                words = self.tokens[start : start + len(phrase)]
                if len(words) == len(phrase) and all(
                    t.key == w for t, w in zip(words, phrase, strict=True)
                ):
                    return meaning
        return None

    def measure_before(self, start: int) -> str | None:
        """A measure word right before the clause; for "giảm ... xuống", the "giảm" too."""
        lang = self.lang
        for length in (4, 3, 2, 1):
            at = start - length
            if at < 0:
                continue
            found = self.match(at, vocabulary.MEASURES[lang])
            if found is not None and at + found[1] == start:
                self.take(at, start)
                if found[0] == "level":  # "giảm tỷ lệ hộ nghèo xuống dưới 2%": take the "giảm"
                    for i in range(at - 1, -1, -1):
                        if not self.taken[i] and self.tokens[i].key in _CUT_WORDS[lang]:
                            self.take(i, i + 1)
                            break
                return found[0]
        return None

    def measure_earlier(self, start: int) -> str | None:
        """ "Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm": a growth or cut word before the subject."""
        for i in range(start - 1, -1, -1):
            meaning = _CHANGE_WORDS[self.lang].get(self.key(i))
            if meaning is not None and not self.taken[i]:
                self.take(i, i + 1)
                return meaning
        return None

    # ------------------------------------------------------------------ spelling

    def check_spelling(self) -> None:
        """Grammar words typed without accents or misspelt at the end are errors, with a fix."""
        phrases, folded = _spelling(self.lang)
        for index in range(len(self.tokens)):
            if self.taken[index] or self.kind(index) != "WORD":
                continue
            for size in (3, 2, 1):
                span = self.tokens[index : index + size]
                if len(span) < size or any(
                    t.kind != "WORD" or self.taken[index + i] for i, t in enumerate(span)
                ):
                    continue
                written = " ".join(t.key for t in span)
                near = folded.get(fold(written))
                beside = self.beside_figure(index, size)
                # one word that only lost its accents may be another word ("đất", "con"):
                # it is a misspelling only right before the figure
                if near is not None and near != written and (size > 1 or beside):
                    raise ParseError(
                        f"unknown words {written!r}; did you mean {near!r}?", self.text,
                        span[0].start,
                    )  # fmt: skip
                if size > 1 and beside:
                    self.check_one_word_off(span, written, phrases)

    def beside_figure(self, index: int, size: int) -> bool:
        """True when the words at *index* stand right before a figure or right after one."""
        after = index + size
        return (
            self.kind(after) == "NUMBER"
            or self.is_sign(after)
            or self.kind(index - 1) in ("NUMBER", "PERCENT")
        )

    def check_one_word_off(self, span: list[Token], written: str, phrases: list[str]) -> None:
        """ "or mroe", "les than", "trở lến": every word right but one, and that one nearly."""
        words = written.split()
        if not any(word in _LANG_WORDS[self.lang] for word in words):
            return  # one word off means the others are grammar words
        for candidate in phrases:
            wanted = candidate.split()
            if len(wanted) != len(words) or wanted == words:
                continue
            wrong = [(w, x) for w, x in zip(words, wanted, strict=True) if w != x]
            if len(wrong) == 1 and (
                difflib.SequenceMatcher(None, fold(wrong[0][0]), fold(wrong[0][1])).ratio() >= 0.75
            ):
                raise ParseError(
                    f"unknown words {written!r}; did you mean {candidate!r}?",
                    self.text,
                    span[0].start,
                )

    # ------------------------------------------------------------------ what is left

    def runs(self) -> list[tuple[int, int]]:
        """The runs of tokens written without a space between them ("2O25", "05/2021/NQ")."""
        runs: list[tuple[int, int]] = []
        start = 0
        for index in range(len(self.tokens) + 1):
            if (
                index == len(self.tokens)
                or self.tokens[index].kind not in _RUN_KINDS
                or (index > start and self.tokens[index].start != self.tokens[index - 1].end)
            ):
                if index > start:
                    runs.append((start, index))
                start = index + 1 if self.kind(index) not in _RUN_KINDS else index
        return runs

    def check_left(self) -> None:
        """The words no rule took hold no due year, no year and no stray comparison word.

        - a due word ("by", "đến năm", "on") followed by something written as a
          year or a date that is not one ("by 2O25", "đến năm 20255", "on
          03/04/2025" in English) is an error: the due year would be lost;
        - a year written alone in the subject ("2026", "2O25") is an error:
          a due year or a term's years are written with their words;
        - a comparison word after no figure ("trở lên 95") or at the end with
          no figure after it ("95 trên", "at least") is an error.

        Other numbers stay in the subject ("trẻ em 5 tuổi", "Nghị quyết số 12").
        """
        lang = self.lang
        free = [not taken or named for taken, named in zip(self.taken, self.named, strict=True)]
        compared = [False] * len(self.tokens)  # in a candidate clause with comparison words
        in_clause = [False] * len(self.tokens)
        for start, end, quality in self.spans:
            for i in range(start, end):
                in_clause[i] = True
                compared[i] = compared[i] or quality >= 2
        run_at: dict[int, int] = {}
        for start, end in self.runs():
            if all(free[start:end]) and self.kind(start) in ("NUMBER", "WORD"):
                run_at[start] = end
        example = _DUE_EXAMPLE[lang]
        for index in range(len(self.tokens)):
            if not free[index]:
                continue
            due = self.match(index, vocabulary.DUE[lang])
            if due is not None and due[0] in ("year", "date"):
                after = index + due[1]
                written = self.written(after, run_at.get(after, after))
                if after in run_at and _looks_due(written):
                    phrase = self.written(index, after)
                    if lang == "en" and _DATE_LIKE.fullmatch(written):
                        raise self.error(
                            f"{phrase!r} is followed by {shown(written)}, a date with its day "
                            "and month either way round in English: write it year first, as in "
                            "'by 2025-06-30'",
                            after,
                        )
                    what = "a date" if due[0] == "date" and lang == "vi" else "a year"
                    raise self.error(
                        f"{phrase!r} is followed by {shown(written)}, which is not "
                        f"{what if lang == 'vi' else 'a year or a date'}: expected {example}",
                        after,
                    )
            run_end = run_at.get(index)
            if run_end is not None and not compared[index]:
                written = self.written(index, run_end)
                if _looks_year(written):
                    raise self.error(
                        f"{shown(written)} looks like a year, but no due word goes with it: "
                        f"write the due year as {_DUE_YEAR[lang]!r}, or the years of the term "
                        "as '2021-2025'",
                        index,
                    )
            if in_clause[index] or self.named[index]:
                continue
            suffix = self.match(index, vocabulary.SUFFIXES[lang])
            if suffix is not None:
                raise self.error(
                    f"{self.written(index, index + suffix[1])!r} follows no figure: write it "
                    f"right after the figure, as in {_SUFFIX_EXAMPLE[lang]!r}",
                    index,
                )
            prefix = self.match(index, vocabulary.PREFIXES[lang])
            if (
                prefix is not None
                and prefix[0] not in ("attain", "from")
                and all(
                    self.kind(i) == "PUNCT" for i in range(index + prefix[1], len(self.tokens))
                )
            ):
                raise self.error(
                    f"{self.written(index, index + prefix[1])!r} has no figure after it: write "
                    f"it right before the figure, as in {_PREFIX_EXAMPLE[lang]!r}",
                    index,
                )

    def written(self, start: int, end: int) -> str:
        """The text of tokens *start* to *end* as written."""
        if start >= end:
            return ""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def grammar_words(self) -> list[int]:
        """The words the grammar of the language read: all but the subject's and the units'."""
        return [
            index
            for index, token in enumerate(self.tokens)
            if token.kind == "WORD"
            and self.taken[index]
            and index not in self.units
            and token.key not in _SHARED_WORDS
        ]

    # ------------------------------------------------------------------ the result

    def result(self, clause: Clause | None) -> Parsed:
        condition = None
        if clause is None:
            if self.rating is not None and self.says_all():  # "all cells rated good": 100%
                rule, unit, approximate, point = at_least(100), "percent", False, True
                condition = self.rating[0]
            elif self.rating is not None:
                rule, unit, approximate, point = self.rating[0], None, False, False
            elif self.says_all():
                rule, unit, approximate, point = at_least(100), "percent", False, True
            else:
                raise self.error(
                    "expected a figure such as '95%' or 'trên 90%', or a rating such as "
                    "'hoàn thành tốt nhiệm vụ trở lên'",
                    0,
                )
        else:
            rule, unit, approximate, point = (clause.rule, clause.unit, clause.approximate,
                                              clause.point)  # fmt: skip
            if self.rating is not None:
                if unit != "percent":
                    raise self.error(
                        "a rating in a target with a figure must be a share of units, such as "
                        "'90% tổ chức ... hoàn thành tốt nhiệm vụ trở lên'",
                        self.rating[1],
                    )
                condition = self.rating[0]
        return Parsed(
            text=self.text,
            rule=rule,
            unit=unit,
            per=self.per,
            due=self.due,
            term=self.term,
            measure="share_of_plan" if self.plan else self.measure,
            subject=self.subject(),
            approximate=approximate,
            point=point,
            condition=condition,
            lang=self.lang,
        )

    def says_all(self) -> bool:
        """ "all" / "tất cả": 100% (DOMAIN's phrase table)."""
        for index in range(len(self.tokens)):
            found = self.match(index, _ALL[self.lang])
            if found is not None:
                self.take(index, index + found[1])
                return True
        return False

    def subject(self) -> str:
        """The words no rule took, in order, joined by single spaces."""
        parts: list[str] = []
        run: list[Token] = []
        for token, taken, named in zip(self.tokens, self.taken, self.named, strict=True):
            if taken and not named:
                if run:
                    parts.append(self.text[run[0].start : run[-1].end])
                run = []
            else:
                run.append(token)
        if run:
            parts.append(self.text[run[0].start : run[-1].end])
        text = " ".join(" ".join(part.split()) for part in parts)
        text = text.replace(" ,", ",").replace(" ;", ";").strip(" ,;:.-–—/")
        if text.count("(") != text.count(")"):
            text = text.replace("(", "").replace(")", "").strip()
        for joiner in ("of the ", "of "):  # "at least 90% of units": the units, not "of units"
            if text.startswith(joiner):
                return text[len(joiner) :]
        return text


_DUE_EXAMPLE = {
    "vi": "a due year such as 'đến năm 2025', or a date such as 'đến ngày 30/06/2025'",
    "en": "a due year such as 'by 2025', or a date such as 'by 2025-06-30'",
}
_DUE_YEAR = {"vi": "đến năm 2025", "en": "by 2025"}
_SUFFIX_EXAMPLE = {"vi": "95% trở lên", "en": "95% or more"}
_PREFIX_EXAMPLE = {"vi": "trên 90%", "en": "at least 90%"}
_LANG_NAMES = {"vi": "Vietnamese", "en": "English"}
_RUN_KINDS = frozenset({"NUMBER", "WORD", "DASH", "SLASH"})
# A year with a letter typed for a digit: "2O25", "2o25", "2O2O", "l999"
_LETTER_YEAR = re.compile(r"[12lI][0-9OolI]{3}")
_DATE_LIKE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{1,4}")


def _looks_year(written: str) -> bool:
    """A year written alone: four digits from 1900 to 2200, or with a letter for a digit."""
    if written.isdigit():
        return len(written) == 4 and 1900 <= int(written) <= 2200
    return (
        _LETTER_YEAR.fullmatch(written) is not None
        and sum(ch.isdigit() for ch in written) >= 2
        and not written.isalpha()
    )


def _looks_due(written: str) -> bool:
    """After a due word: a year or a date that could not be read ("2O25", "20255", "1/2/3")."""
    if written.isdigit():
        return 4 <= len(written) <= 6
    return _looks_year(written) or _DATE_LIKE.fullmatch(written) is not None


_CUT_WORDS = {"vi": {"giảm"}, "en": {"cut", "reduce", "lower", "bring"}}
# Words that make a figure further on a change rather than a level.
_CHANGE_WORDS = {
    "vi": {"tăng": "growth", "giảm": "decrease"},
    "en": {"increase": "growth", "grow": "growth", "raise": "growth", "decrease": "decrease",
           "reduce": "decrease", "cut": "decrease", "lower": "decrease"},
}  # fmt: skip


@functools.cache
def _spelling(lang: str) -> tuple[list[str], dict[str, str]]:
    """The grammar phrases a misspelling is checked against, and the same without accents."""
    tables = (vocabulary.PREFIXES[lang], vocabulary.SUFFIXES[lang], vocabulary.PER_YEAR[lang],
              vocabulary.RATINGS[lang], vocabulary.MEASURES[lang])  # fmt: skip
    phrases = [" ".join(p) for table in tables for p in table if all(w.isalpha() for w in p)]
    folded: dict[str, str] = {}
    for written in phrases:
        folded.setdefault(fold(written), written)
    return phrases, folded


_Index = dict[str, list[tuple[tuple[str, ...], str]]]
_INDEXED: dict[int, tuple[dict[tuple[str, ...], str], _Index]] = {}


def _by_first_word(table: dict[tuple[str, ...], str]) -> _Index:
    """*table*'s phrases grouped by their first word, longest first (built once per table).

    The vocabulary tables live as long as the program; the cache keeps each
    table with its index and checks it is the same one.
    """
    cached = _INDEXED.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    index: _Index = {}
    for phrase, meaning in table.items():  # tables are ordered longest first
        index.setdefault(phrase[0], []).append((phrase, meaning))
    _INDEXED[id(table)] = (table, index)
    return index


def parse(text: str, lang: str | None) -> Parsed:
    """Read one target's text (see the module docstring for the grammar).

    With *lang* given, the text is read in the other language too: when
    that reading takes more of its words as words of the grammar
    (comparison, growth, period, due and rating words; units are shared),
    the text is in the other language, and a ParseError says which, rather
    than a reading that left those words in the subject.
    """
    parser = _Parser(text, lang)
    try:
        parsed = parser.parse()
    except ParseError as exc:
        failure: ParseError | None = exc
    else:
        failure = None
    if lang is not None:
        _check_language(parser, lang)
    if failure is not None:
        raise failure
    return parsed


def _check_language(parser: _Parser, lang: str) -> None:
    """Raise a ParseError when the text reads better in the other language."""
    other = "en" if lang == "vi" else "vi"
    reading = _Parser(parser.text, other)
    try:
        reading.parse()
    except ParseError:
        return
    theirs = reading.grammar_words()
    if len(theirs) <= len(parser.grammar_words()):
        return
    last = theirs[0]
    words = set(theirs)
    while last + 1 in words:  # the whole phrase: "trở lên", not "trở"
        last += 1
    word = reading.written(theirs[0], last + 1)
    raise ParseError(
        f"{word!r} is {_LANG_NAMES[other]}: the text reads as {_LANG_NAMES[other]}, not "
        f"{_LANG_NAMES[lang]}; parse it with lang={other!r}",
        parser.text,
        reading.tokens[theirs[0]].start,
    )
