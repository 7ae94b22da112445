"""Targets and numbers as people write them, in Vietnamese and English, and back.

>>> from resolmetrics.text import parse_target
>>> spec = parse_target("Trên 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "vi")
>>> spec.rule, spec.unit, spec.condition
(above(95), 'percent', at_least('HTTNV'))
>>> spec.subject
'tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ'

The grammar is in ``_parser``'s docstring and in the reference page
``docs/reference/target-syntax.md``.
"""

from __future__ import annotations

import attrs

from resolmetrics.errors import InvalidTargetError, InvalidTargetTypeError, ParseError
from resolmetrics.indicators import Direction, Indicator
from resolmetrics.rules import (
    Kind,
    Rule,
    above_share,
    at_least_share,
    at_most,
    below,
    between,
    exactly,
)
from resolmetrics.targets import Target

from ._numbers import check_lang, parse_number
from ._parser import parse

__all__ = ["TargetSpec", "format_target", "parse_number", "parse_target"]


@attrs.frozen
class TargetSpec:
    """What the text of a target says, before it is tied to an indicator.

    ``rule``
        the rule on the figure (``above(95)``); a bare figure, "đạt X" or
        "khoảng X" is a point target: ``at_least(X)`` here, turned into
        ``at_most(X)`` by :meth:`to_target` for a lower-is-better indicator.
    ``unit``
        the unit written with the figure (``"percent"``, ``"member"``,
        ``"tỷ đồng"``), or None.
    ``per``
        ``"year"`` for "mỗi năm", "hằng năm", "/năm", "a year"; else None.
    ``due``
        a year ("đến năm 2025", "by 2025"), ``"term"`` ("trong nhiệm kỳ",
        "during the term"), or None.
    ``measure``
        ``"level"``, ``"growth"`` ("tăng X%"), ``"decrease"`` ("giảm X%")
        or ``"share_of_plan"`` ("đạt 95% kế hoạch").
    ``subject``
        the words that name what is measured.
    ``approximate``
        True for "khoảng", "about".
    ``condition``
        the rule each unit must meet in a share target ("90% tổ chức ...
        hoàn thành tốt nhiệm vụ trở lên" -> ``at_least("HTTNV")``), or None.
    """

    text: str
    rule: Rule
    unit: str | None
    per: str | None
    due: int | str | None
    measure: str
    subject: str
    approximate: bool
    condition: Rule | None
    lang: str
    point: bool = False
    """True for a bare figure, "đạt X" or "khoảng X": met at X or better, either way."""

    def to_target(
        self,
        indicator: Indicator,
        *,
        combine: str | None = None,
        term: tuple[int, int] | None = None,
        label: str = "",
    ) -> Target:
        """A :class:`Target` on *indicator* that says what the text says.

        A point target turns into ``at_most`` for a lower-is-better
        indicator; a share target with a condition becomes a target across
        units (``across=at_least_share(p)``); a yearly target is judged
        ``combine="each"`` unless *combine* says otherwise; "trong nhiệm kỳ"
        is due at the end of *term*; a growth ("tăng") or decrease ("giảm")
        in percent a year becomes a growth target on yearly levels.
        """
        if not isinstance(indicator, Indicator):
            raise InvalidTargetTypeError(
                f"TargetSpec.to_target(indicator) must be an Indicator, got {indicator!r}"
            )
        where = f"TargetSpec.to_target for {self.text!r}"
        options: dict[str, object] = {"label": label}
        rule = self.rule
        lower = indicator.direction is Direction.LOWER_IS_BETTER
        if self.point and lower and rule.kind is Kind.AT_LEAST:
            rule = at_most(rule.bounds[0])
        if self.condition is not None:
            share = rule.bounds[0]
            options["across"] = (
                above_share(share) if rule.kind is Kind.ABOVE else (at_least_share(share))
            )
            rule = self.condition
        elif self.unit is not None and self.measure in ("level", "share_of_plan"):
            options["unit"] = self.unit
        if self.measure in ("growth", "decrease"):
            if self.per is None:
                raise InvalidTargetError(
                    f"{where}: a growth over the whole term is not judged; write the rate a "
                    "year ('tăng 5%/năm')"
                )
            if self.unit not in (None, "percent"):
                raise InvalidTargetError(
                    f"{where}: a change of {self.unit} a year is not a rate; resolmetrics judges "
                    "growth rates in percent"
                )
            options["growth"] = "yoy"
            if self.measure == "decrease":
                rule = _negated(rule)
        if self.per is not None:
            options["per"] = self.per
            options["combine"] = combine or "each"
        if self.due == "term":
            if term is None:
                raise InvalidTargetError(
                    f"{where}: 'during the term' is due at the end of the term; give "
                    "term=(first year, last year)"
                )
            options["due"] = term[1]
        elif self.due is not None:
            options["due"] = self.due
        if term is not None and self.per is not None:
            options["term"] = term
        return Target(indicator, rule, **options)  # type: ignore[arg-type]


def _negated(rule: Rule) -> Rule:
    """A rule on a decrease as a rule on growth: "giảm 2-3%" is growth from -3% to -2%."""
    lo, hi = rule.bounds
    if rule.kind is Kind.BETWEEN:
        return between(-hi, -lo)  # type: ignore[operator]
    flipped = {
        Kind.AT_LEAST: at_most,
        Kind.ABOVE: below,
        Kind.EXACTLY: exactly,
    }.get(rule.kind)
    if flipped is None:
        raise InvalidTargetError(f"a decrease {rule} cannot be read as a growth rate")
    return flipped(-lo)  # type: ignore[operator]


def parse_target(text: str, lang: str | None = None) -> TargetSpec:
    """Read a target written as people write it, in Vietnamese (``"vi"``) or English (``"en"``).

    >>> parse_target("Kết nạp 100 đảng viên trở lên mỗi năm", "vi").rule
    at_least(100)
    >>> spec = parse_target("Thu nhập bình quân tăng 3-5%/năm", "vi")
    >>> spec.rule, spec.measure, spec.per
    (between(3, 5), 'growth', 'year')
    >>> parse_target("no more than 4 %", "en").rule
    at_most(4)

    With ``lang=None`` the language is told from the words; a number that
    reads differently in the two languages then needs ``lang``. Text that
    is not a target raises :class:`ParseError`, which shows the text with a
    caret under the problem and says what was expected.
    """
    if not isinstance(text, str):
        raise ParseError(f"parse_target(text) takes a str, got {text!r}", "", None)
    lang = check_lang(lang, optional=True)
    parsed = parse(text, lang)
    return TargetSpec(
        text=text,
        rule=parsed.rule,
        unit=parsed.unit,
        per=parsed.per,
        due=parsed.due,
        measure=parsed.measure,
        subject=parsed.subject,
        approximate=parsed.approximate,
        condition=parsed.condition,
        lang=parsed.lang,
        point=parsed.point,
    )


def format_target(target: Target | Rule, lang: str = "vi") -> str:
    """A target (or a rule) as text a reader recognises: "trên 95%", "từ 98% trở lên".

    ``parse_target(format_target(t, lang), lang)`` reads back the same rule.
    Bounds are written exactly: every decimal they have, and a fraction such
    as 1/3 as ``1/3``, which the parser reads back exactly.
    """
    from resolmetrics.render import rule_text

    return rule_text(target, check_lang(lang) or "vi")
