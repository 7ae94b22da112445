"""The target parser: recursive descent over the tokens of one target's text.

Grammar (``|`` alternatives, ``?`` optional, ``*`` repeated; words are
matched in the language's vocabulary, see ``_vocabulary``)::

    target     := item* clause? item*          -- one rule clause, or a rating
    item       := timing | rating | plan | measure | WORD | mark
    timing     := PER_YEAR | DUE.term | DUE.year NUMBER
    rating     := RATING SUFFIX.at_least?      -- "hoàn thành tốt nhiệm vụ trở lên"
    measure    := MEASURE                      -- before the clause: tăng, giảm, giảm xuống
    clause     := PREFIX? amount (range | SUFFIX)?
                | "between" amount "and" amount
    range      := (DASH | RANGE_JOINER) amount
    amount     := NUMBER unit?
    unit       := "%" | UNIT

The words no rule of the grammar takes form the subject ("tổ chức cơ sở
đảng hoàn thành tốt nhiệm vụ"). A word next to the clause that is close to a
word of the grammar but not one ("trở lến") is an error with a suggestion,
not a silent part of the subject. Every step moves forward: parsing is
linear in the length of the text.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from resolmetrics.errors import ParseError
from resolmetrics.numbers import Exact, normal
from resolmetrics.rules import Rule, above, at_least, at_most, below, between, exactly

from . import _vocabulary as vocabulary
from ._numbers import parse_number
from ._tokenizer import Token, tokenize

__all__ = ["Parsed", "parse"]

_VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


class Amount(NamedTuple):
    value: Exact
    unit: str | None
    start: int  # position in the text


class Parsed(NamedTuple):
    """What the parser read; :class:`~resolmetrics.text.TargetSpec` is built from it."""

    rule: Rule
    unit: str | None
    per: str | None
    due: int | str | None
    measure: str
    subject: str
    approximate: bool
    point: bool
    condition: Rule | None
    lang: str


def detect_language(tokens: list[Token]) -> str | None:
    """ "vi" or "en" from the words, or None when no word tells."""
    words = [token for token in tokens if token.kind == "WORD"]
    if any(set(token.key) & _VIETNAMESE_LETTERS for token in words):
        return "vi"
    for lang in ("vi", "en"):
        tables = (vocabulary.PREFIXES[lang], vocabulary.SUFFIXES[lang], vocabulary.MEASURES[lang],
                  vocabulary.PER_YEAR[lang], vocabulary.DUE[lang])  # fmt: skip
        known = {word for table in tables for phrase in table for word in phrase}
        if any(token.key in known for token in words):
            return lang
    return None


class _Parser:
    def __init__(self, text: str, lang: str | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.lang = lang or detect_language(self.tokens) or "vi"
        self.number_lang = lang or detect_language(self.tokens)  # None: numbers must agree
        self.taken = [False] * len(self.tokens)
        # words the grammar reads that still name what is measured: count nouns, ratings
        self.named = [False] * len(self.tokens)
        self.clause: tuple[Rule, str | None, bool, bool, int, int] | None = None
        self.per: str | None = None
        self.due: int | str | None = None
        self.measure = "level"
        self.rating: tuple[str, int] | None = None  # (level code, token index)
        self.plan = False

    # ------------------------------------------------------------------ helpers

    def match(self, index: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
        """The meaning and length of the longest phrase of *table* at *index*."""
        for phrase, meaning in table.items():
            end = index + len(phrase)
            if end <= len(self.tokens) and all(
                not self.taken[i] and self.tokens[i].key == word
                for i, word in zip(range(index, end), phrase, strict=True)
            ):
                return meaning, len(phrase)
        return None

    def take(self, start: int, length: int) -> None:
        for i in range(start, start + length):
            self.taken[i] = True

    def kind(self, index: int) -> str:
        return self.tokens[index].kind if index < len(self.tokens) else "END"

    def position(self, index: int) -> int:
        return self.tokens[index].start if index < len(self.tokens) else len(self.text)

    def error(self, message: str, index: int) -> ParseError:
        return ParseError(message, self.text, self.position(index))

    # ------------------------------------------------------------------ grammar

    def parse(self) -> Parsed:
        if not self.tokens:
            raise self.error("expected a target such as 'Trên 95%' or 'at least 90%'", 0)
        index = 0
        while index < len(self.tokens):
            index = self.item(index)
        return self.result()

    def item(self, index: int) -> int:
        """Read what starts at *index*; return where the next item starts."""
        lang = self.lang
        if self.taken[index]:
            return index + 1
        for step in (self.timing, self.rating_clause, self.rating_phrase, self.plan_phrase):
            after = step(index)
            if after is not None:
                return after
        if self.clause is None:
            measured = self.match(index, vocabulary.MEASURES[lang])
            start = index
            if measured is not None and self.starts_clause(index + measured[1]):
                self.measure = measured[0]
                self.take(index, measured[1])
                start = index + measured[1]
            if self.starts_clause(start):
                return self.clause_at(start)
        return index + 1

    def timing(self, index: int) -> int | None:
        lang = self.lang
        per = self.match(index, vocabulary.PER_YEAR[lang])
        if per is not None:
            self.per = per[0]
            self.take(index, per[1])
            return index + per[1]
        due = self.match(index, vocabulary.DUE[lang])
        if due is None:
            return None
        meaning, length = due
        after = index + length
        if meaning == "year":
            if self.kind(after) != "NUMBER" or not _is_year(self.tokens[after].text):
                return None
            self.due = int(self.tokens[after].text)
            self.take(index, length + 1)
            return after + 1
        self.due = "term"
        self.take(index, length)
        # "nhiệm kỳ 2020-2025": the years of the term belong to the wording
        if self.kind(after) == "NUMBER" and _is_year(self.tokens[after].text):
            end = after + 1
            if self.kind(end) == "DASH" and self.kind(end + 1) == "NUMBER":
                end += 2
            self.take(after, end - after)
            return end
        return after

    def rating_phrase(self, index: int) -> int | None:
        rating = self.match(index, vocabulary.RATINGS[self.lang])
        if rating is None:
            return None
        code, length = rating
        self.take(index, length)
        for i in range(index, index + length):
            self.named[i] = True
        after = index + length
        suffix = self.match(after, vocabulary.SUFFIXES[self.lang])
        if suffix is not None and suffix[0] == "at_least":
            self.take(after, suffix[1])
            after += suffix[1]
        if self.rating is None:
            self.rating = (code, index)
        return after

    def rating_clause(self, index: int) -> int | None:
        """Comparison words around ratings: "không quá HTNV", "từ HTNV đến HTTNV"."""
        if self.clause is not None:
            return None
        lang = self.lang
        kinds: list[str] = []
        at = index
        while (prefix := self.match(at, vocabulary.PREFIXES[lang])) is not None:
            kinds.append(prefix[0])
            at += prefix[1]
        first = self.match(at, vocabulary.RATINGS[lang])
        if first is None or not kinds:
            return None
        at += first[1]
        codes = [first[0]]
        joiner = self.match(at, vocabulary.RANGE_JOINERS[lang])
        if joiner is not None:
            second = self.match(at + joiner[1], vocabulary.RATINGS[lang])
            if second is not None:
                codes.append(second[0])
                at += joiner[1] + second[1]
        suffix = self.match(at, vocabulary.SUFFIXES[lang])
        if suffix is not None:
            kinds.append(suffix[0])
            at += suffix[1]
        words = [k for k in kinds if k not in ("from", "attain")]
        if len(words) > 1:
            raise self.error(f"two comparisons for one rating ({' and '.join(words)})", index)
        kind = words[0] if words else "at_least"
        if len(codes) == 2:
            rule = between(*codes)
        else:
            maker = {"above": above, "below": below, "at_most": at_most, "exactly": exactly}
            rule = maker.get(kind, at_least)(codes[0])
        self.clause = (rule, None, False, False, index, at)
        self.take(index, at - index)
        return at

    def plan_phrase(self, index: int) -> int | None:
        if self.clause is None:
            return None
        plan = self.match(index, vocabulary.PLAN[self.lang])
        if plan is None:
            return None
        self.plan = True
        self.take(index, plan[1])
        return index + plan[1]

    def starts_clause(self, index: int) -> bool:
        """True when a rule clause starts at *index*: a figure, maybe after comparison words."""
        at = index
        while (prefix := self.match(at, vocabulary.PREFIXES[self.lang])) is not None:
            at += prefix[1]  # "từ", "không quá", "trên", ...
        if self.is_sign(at):
            at += 1
        return self.kind(at) == "NUMBER" and not self.taken[at]

    def clause_at(self, index: int) -> int:
        """clause := PREFIX? amount (range | SUFFIX)? | between amount and amount."""
        lang = self.lang
        start = index
        kinds: list[str] = []
        while (prefix := self.match(index, vocabulary.PREFIXES[lang])) is not None:
            kinds.append(prefix[0])
            index += prefix[1]
        first, index = self.amount(index)
        second: Amount | None = None
        joined = self.kind(index) == "DASH" or self.match(index, vocabulary.RANGE_JOINERS[lang])
        if joined and self.starts_amount(index):
            index += 1 if self.kind(index) == "DASH" else joined[1]  # type: ignore[index]
            second, index = self.amount(index)
        suffix = self.match(index, vocabulary.SUFFIXES[lang])
        if suffix is not None:
            kinds.append(suffix[0])
            index += suffix[1]
        else:
            self.check_misspelt(index, vocabulary.SUFFIXES[lang])
        self.check_misspelt(start - 1, vocabulary.PREFIXES[lang], before=True)
        rule, approximate, point = self.rule(kinds, first, second, start)
        unit = (second.unit if second is not None else None) or first.unit
        self.clause = (rule, unit, approximate, point, start, index)
        self.take(start, index - start)
        return index

    def starts_amount(self, index: int) -> bool:
        """True when a range's second end follows the joiner at *index*."""
        after = index + 1 if self.kind(index) == "DASH" else index
        joiner = self.match(index, vocabulary.RANGE_JOINERS[self.lang])
        if joiner is not None:
            after = index + joiner[1]
        return self.kind(after) == "NUMBER" or self.is_sign(after)

    def amount(self, index: int) -> tuple[Amount, int]:
        """amount := "-"? NUMBER ("/" NUMBER)? unit?"""
        negative = self.is_sign(index)
        if negative:
            index += 1
        if self.kind(index) != "NUMBER":
            raise self.error("expected a number", index)
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
        else:
            found = self.match(index, vocabulary.UNITS)
            if found is not None:
                unit = found[0]
                if unit in _COUNT_NOUNS:
                    for i in range(index, index + found[1]):
                        self.named[i] = True
                index += found[1]
        if unit == "percentage points":
            unit = "percent"
        return Amount(value, unit, token.start), index

    def number(self, token: Token) -> Exact:
        try:
            return parse_number(token.text, self.number_lang)
        except ParseError as exc:
            raise ParseError(exc.message, self.text, token.start) from None

    def is_sign(self, index: int) -> bool:
        """A dash right before a figure, with nothing between, is a minus sign."""
        return (
            self.kind(index) == "DASH"
            and self.kind(index + 1) == "NUMBER"
            and self.tokens[index].end == self.tokens[index + 1].start
        )

    def rule(
        self, kinds: list[str], first: Amount, second: Amount | None, start: int
    ) -> tuple[Rule, bool, bool]:
        """The rule the comparison words make; (rule, approximate, point target)."""
        words = [k for k in kinds if k not in ("from", "attain")]
        if len(words) > 1:
            raise self.error(
                f"two comparisons for one figure ({' and '.join(words)}); keep one", start
            )
        kind = words[0] if words else None
        if second is not None:
            if kind not in (None, "between"):
                raise self.error(f"a range cannot also be '{kind}'; write the range alone", start)
            low, high = first.value, second.value
            if low > high:
                raise ParseError(
                    f"the range runs from {_plain(low)} down to {_plain(high)}; write the lower "
                    "end first",
                    self.text,
                    first.start,
                )
            return between(low, high), False, False
        if kind == "between":
            raise self.error("expected 'between X and Y'", start)
        value = first.value
        if kind == "above":
            return above(value), False, False
        if kind == "below":
            return below(value), False, False
        if kind == "at_most":
            return at_most(value), False, False
        if kind == "exactly":
            return exactly(value), False, False
        if kind == "at_least":
            return at_least(value), False, False
        # a bare figure, "khoảng X", "đạt X": a point target, met at X or better
        return at_least(value), kind == "approximately", "at_least" not in kinds

    def check_misspelt(
        self, index: int, table: dict[tuple[str, ...], str], *, before: bool = False
    ) -> None:
        """A word beside the clause that is nearly a comparison word is a typo, not subject."""
        if index < 0 or index >= len(self.tokens) or self.tokens[index].kind != "WORD":
            return
        for size in (2, 1, 3):
            first = index - size + 1 if before else index
            if first < 0 or first + size > len(self.tokens):
                continue
            span = self.tokens[first : first + size]
            if any(t.kind != "WORD" or self.taken[first + i] for i, t in enumerate(span)):
                continue
            written = " ".join(t.key for t in span)
            candidates = [" ".join(p) for p in table if len(p) == size]
            near = difflib.get_close_matches(written, candidates, n=1, cutoff=0.8)
            if near and near[0] != written:
                raise ParseError(
                    f"unknown words {written!r}; did you mean {near[0]!r}?",
                    self.text,
                    span[0].start,
                )

    def result(self) -> Parsed:
        condition = None
        if self.clause is None:
            if self.rating is None:
                raise self.error(
                    "expected a figure such as '95%' or 'trên 90%', or a rating such as "
                    "'hoàn thành tốt nhiệm vụ trở lên'",
                    0,
                )
            rule, unit, approximate, point = at_least(self.rating[0]), None, False, False
        else:
            rule, unit, approximate, point, _, _ = self.clause
            if self.rating is not None:
                if unit != "percent":
                    raise self.error(
                        "a rating in a target with a figure must be a share of units, such as "
                        "'90% tổ chức ... hoàn thành tốt nhiệm vụ trở lên'",
                        self.rating[1],
                    )
                condition = at_least(self.rating[0])
        measure = "share_of_plan" if self.plan else self.measure
        return Parsed(
            rule=rule,
            unit=unit,
            per=self.per,
            due=self.due,
            measure=measure,
            subject=self.subject(),
            approximate=approximate,
            point=point,
            condition=condition,
            lang=self.lang,
        )

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
        text = " ".join(" ".join(part.split()) for part in parts).strip(" ,;:.-–—()[]")
        for joiner in ("of the ", "of "):  # "at least 90% of units": the units, not "of units"
            if text.startswith(joiner):
                return text[len(joiner) :]
        return text


_COUNT_NOUNS = ("member", "organisation", "enterprise", "household", "person", "visit")


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2200


def _plain(value: Exact) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def parse(text: str, lang: str | None) -> Parsed:
    """Read one target's text (see the module docstring for the grammar)."""
    return _Parser(text, lang).parse()
