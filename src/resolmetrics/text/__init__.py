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

from datetime import date

import attrs

from resolmetrics.errors import (
    InvalidArgumentTypeError,
    InvalidTargetError,
    InvalidTargetTypeError,
    shown,
)
from resolmetrics.indicators import Direction, Indicator
from resolmetrics.rules import (
    Kind,
    Rule,
    above,
    above_share,
    at_least,
    at_least_share,
    at_most,
    below,
    between,
    exactly,
    quota,
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
        "khoảng X" is a point target (``point=True``): ``at_least(X)`` here,
        turned into ``at_most(X)`` by :meth:`to_target` for a lower-is-better
        indicator.
    ``unit``
        the unit written with the figure (``"percent"``, ``"member"``,
        ``"tỷ đồng"``, ``"percentage points"`` for "điểm"), or None.
    ``per``
        ``"year"`` for "mỗi năm", "hằng năm", "/năm", "a year"; else None.
    ``due``
        a year ("đến năm 2025", "by 2025"), ``"term"`` ("trong nhiệm kỳ",
        "during the term"), or None.
    ``term``
        the years written with it ("giai đoạn 2021-2025"), or None.
    ``measure``
        ``"level"``, ``"growth"`` ("tăng X%"), ``"decrease"`` ("giảm X%",
        "mức giảm X điểm") or ``"share_of_plan"`` ("đạt 95% kế hoạch").
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
    due: int | str | date | None
    measure: str
    subject: str
    approximate: bool
    condition: Rule | None
    lang: str
    point: bool = False
    """True for a bare figure, "đạt X" or "khoảng X": met at X or better, either way."""
    term: tuple[int, int] | None = None

    def to_target(
        self,
        indicator: Indicator,
        *,
        combine: str | None = None,
        term: tuple[int, int] | None = None,
        label: str = "",
    ) -> Target:
        """A :class:`Target` on *indicator* that says what the text says.

        - a point target becomes ``at_most`` on a lower-is-better indicator;
        - a share of units with a condition becomes a target across units:
          ``at_least_share(p)`` ("p% ... trở lên"), ``above_share(p)`` ("trên
          p%"), or a quota for "không quá p%" (at most p% of the units);
        - a yearly target is judged ``combine="each"`` unless *combine* says
          otherwise, over *term* (or the years the text names);
        - a growth ("tăng X%/năm") becomes ``growth="yoy"``; a decrease in
          percent ("giảm X%/năm") a growth on a lower-is-better indicator with
          the rule turned around (giảm 2-3% -> growth between -3% and -2%);
        - "trong nhiệm kỳ" is due at the end of the term.

        A decrease in percentage points ("mức giảm 1 điểm/năm") is the size of
        a fall in a rate, which resolmetrics does not judge from levels yet:
        an InvalidTargetError says so rather than judging it as a percentage.
        """
        if not isinstance(indicator, Indicator):
            raise InvalidTargetTypeError(
                f"TargetSpec.to_target(indicator) must be an Indicator, got {indicator!r}"
            )
        where = f"TargetSpec.to_target for {shown(self.text)}"
        term = term or self.term
        options: dict[str, object] = {"label": label}
        rule = self.rule
        unit = "percent" if self.unit == "percentage points" else self.unit
        if self.measure == "decrease":
            indicator, rule = _decrease(where, indicator, self)
        elif self.point and indicator.direction is Direction.LOWER_IS_BETTER:
            rule = at_most(rule.bounds[0])
        if self.condition is not None:
            return _share_of_units(where, indicator, rule, self.condition, options)
        if unit is not None and self.measure in ("level", "share_of_plan"):
            options["unit"] = unit
        if self.measure == "growth" and self.unit == "percentage points":
            raise InvalidTargetError(
                f"{where}: a rise in percentage points is the size of a change in a rate, not "
                "a growth rate; it is not judged from yearly levels yet"
            )
        if self.measure in ("growth", "decrease"):
            if self.per is None:
                raise InvalidTargetError(
                    f"{where}: a change over the whole term is not judged; write the rate a "
                    "year ('tăng 5%/năm')"
                )
            if unit not in (None, "percent"):
                raise InvalidTargetError(
                    f"{where}: a change of {unit} a year is not a rate; resolmetrics judges "
                    "growth rates in percent"
                )
            options["growth"] = "yoy"
        if self.per is not None:
            options["per"] = self.per
            options["combine"] = combine or "each"
            if term is not None:
                options["term"] = term
        if self.due == "term":
            if term is None:
                raise InvalidTargetError(
                    f"{where}: 'during the term' is due at the end of the term; give "
                    "term=(first year, last year)"
                )
            options["due"] = term[1]
        elif self.due is not None:
            options["due"] = self.due
        return Target(indicator, rule, **options)  # type: ignore[arg-type]


def _decrease(where: str, indicator: Indicator, spec: TargetSpec) -> tuple[Indicator, Rule]:
    """A decrease in percent as a growth rule on a lower-is-better indicator."""
    if spec.unit == "percentage points":
        raise InvalidTargetError(
            f"{where}: a decrease in percentage points is the size of a fall in a rate; it is "
            "not judged from yearly levels yet: judge the yearly rates with a level target"
        )
    if indicator.direction is Direction.HIGHER_IS_BETTER:
        raise InvalidTargetError(
            f"{where}: a decrease target on indicator {indicator.key!r}, which is higher is "
            "better; give the indicator direction=Direction.LOWER_IS_BETTER"
        )
    if indicator.direction is None:
        indicator = attrs.evolve(indicator, direction=Direction.LOWER_IS_BETTER)
    rule = spec.rule
    if rule.kind is Kind.BETWEEN:
        low, high = rule.bounds
        return indicator, between(-high, -low)  # type: ignore[operator]
    flipped = {
        Kind.AT_LEAST: at_most,  # a cut of at least 2% is a growth of at most -2%
        Kind.ABOVE: below,
        Kind.AT_MOST: at_least,
        Kind.BELOW: above,
        Kind.EXACTLY: exactly,
    }[rule.kind]
    return indicator, flipped(-rule.bounds[0])  # type: ignore[operator]


def _share_of_units(
    where: str, indicator: Indicator, rule: Rule, condition: Rule, options: dict[str, object]
) -> Target:
    """ "p% of the units rated X": a target across units, or a quota for at most p%."""
    share = rule.bounds[0]
    if rule.kind in (Kind.AT_LEAST, Kind.EXACTLY):
        options["across"] = at_least_share(share)
    elif rule.kind is Kind.ABOVE:
        options["across"] = above_share(share)
    elif rule.kind is Kind.AT_MOST:
        units_at_level = quota(condition, at_most=share, of=None, rounding="exact")
        return Target(indicator, units_at_level, **options)  # type: ignore[arg-type]
    else:
        raise InvalidTargetError(
            f"{where}: a share of units {rule} is not judged; write 'không quá' (at most) or "
            "'từ ... trở lên' (at least)"
        )
    return Target(indicator, condition, **options)  # type: ignore[arg-type]


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
        raise InvalidArgumentTypeError(f"parse_target(text) takes a str, got {shown(text)}")
    lang = check_lang(lang, optional=True)
    parsed = parse(text, lang)
    return TargetSpec(
        text=parsed.text,
        term=parsed.term,
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

    if not isinstance(target, Target | Rule):
        raise InvalidArgumentTypeError(
            f"format_target(target) takes a Target or a Rule, got {target!r}; read text with "
            "parse_target()"
        )
    return rule_text(target, check_lang(lang) or "vi")
