"""Presentation: verdicts in words and review tables (the only tabulate import).

Numbers are rounded here and only here, by the verdict's :class:`Policy`
(half-up to at most two decimals by default).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from . import units
from .errors import InvalidArgumentError, InvalidArgumentTypeError
from .numbers import (
    Exact,
    as_text,
    check_lang,
    decimal_places,
    format_number,
    magnitude,
    mul,
    round_display,
    trimmed,
)
from .policy import DEFAULT_POLICY, Policy
from .rules import Kind, Quota, Rule
from .targets import Target
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    from .resolution import Report

__all__ = [
    "CSV_COLUMNS",
    "STATUS_COLORS",
    "actual_text",
    "bound_text",
    "counts_summary",
    "explain",
    "margin_text",
    "number_text",
    "report_csv",
    "report_html",
    "report_markdown",
    "report_table",
    "review_table",
    "rule_text",
    "summary",
    "unit_review_tables",
    "value_text",
    "verdict_html",
    "verdict_markdown",
]


_RULE_WORDS = {
    "en": {
        Kind.AT_LEAST: "at least {0}",
        Kind.ABOVE: "above {0}",
        Kind.AT_MOST: "at most {0}",
        Kind.BELOW: "below {0}",
        Kind.BETWEEN: "between {0} and {1}",
        Kind.EXACTLY: "exactly {0}",
    },
    "vi": {
        Kind.AT_LEAST: "từ {0} trở lên",
        Kind.ABOVE: "trên {0}",
        Kind.AT_MOST: "không quá {0}",
        Kind.BELOW: "dưới {0}",
        Kind.BETWEEN: "từ {0} đến {1}",
        Kind.EXACTLY: "đúng {0}",
    },
}

_STATUS_WORDS = {
    "en": {
        Status.EXCEEDED: "exceeded",
        Status.ACHIEVED: "achieved",
        Status.NOT_ACHIEVED: "not achieved",
        Status.IN_PROGRESS: "in progress",
        Status.NO_DATA: "no data",
    },
    "vi": {
        Status.EXCEEDED: "Vượt",
        Status.ACHIEVED: "Đạt",
        Status.NOT_ACHIEVED: "Không đạt",
        Status.IN_PROGRESS: "Đang thực hiện",
        Status.NO_DATA: "Chưa có số liệu",
    },
}

_PHRASES = {
    "en": {
        "by": "{status} by {amount}",
        "short": "{status}, short by {amount}",
        "over": "{status}, over by {amount}",
        "off": "{status}, off by {amount}",
        "on_bound": "{status}, on the bound",
        "against": "{verdict}: {actual} against {rule}",
        "nothing": "{verdict}: nothing was reported for {title}",
        "relative": "{0}% ({1})",
        "missing": "{0} for {1}",
        "so_far": "{0}, {1}% attained so far",
        "over_cap": "{status}, {amount} over the cap",
        "weakest_year": "weakest year {0}",
        "weakest_unit": "weakest unit {0}",
        "tally": "{0}/{1} units met",
        "units_met": "{0}/{1} units",
        "quota_value": "{0} of {1} units (cap {2})",
        "total": "total",
        "mean": "mean",
    },
    "vi": {
        "by": "{status} {amount}",
        "short": "{status}, thiếu {amount}",
        "over": "{status}, cao hơn {amount}",
        "off": "{status}, lệch {amount}",
        "on_bound": "{status}, bằng ngưỡng",
        "against": "{verdict}: {actual} so với {rule}",
        "nothing": "{verdict}: chưa có kết quả cho {title}",
        "relative": "{0}% ({1})",
        "missing": "{0}: {1}",
        "so_far": "{0}, đạt {1}% so với mục tiêu",
        "over_cap": "{status}, vượt trần {amount}",
        "weakest_year": "năm thấp nhất {0}",
        "weakest_unit": "đơn vị thấp nhất {0}",
        "tally": "{0}/{1} đơn vị đạt",
        "units_met": "{0}/{1} đơn vị",
        "quota_value": "{0} trong {1} đơn vị (trần {2})",
        "total": "tổng",
        "mean": "bình quân",
    },
}

# (many, one): how a margin in points or steps is written
_COUNTED = {
    "en": {
        "percent": ("{0} percentage points", "{0} percentage point"),
        "permille": ("{0} per-mille points", "{0} per-mille point"),
        "steps": ("{0} rating steps", "{0} rating step"),
        "units": ("{0} units", "{0} unit"),
    },
    "vi": {
        "percent": ("{0} điểm phần trăm", "{0} điểm phần trăm"),
        "permille": ("{0} điểm phần nghìn", "{0} điểm phần nghìn"),
        "steps": ("{0} bậc xếp loại", "{0} bậc xếp loại"),
        "units": ("{0} đơn vị", "{0} đơn vị"),
    },
}

#: Rounded display shows at most this many decimals; past it the exact value is written.
MAX_PLACES = 12

_ZERO = Decimal(0)


def _lang(lang: str) -> str:
    check_lang(lang)
    return lang


def _places(value: Exact, policy: Policy, unlike: Sequence[Exact]) -> int | None:
    """The policy's places, or more where they would misstate an order; None if 12 won't do.

    The value as shown keeps its order (below, equal, above) against each
    number in *unlike* as that number is shown (bounds are always shown
    exactly): 89.999 against "at least 90" shows as 89.999, not 90; 92.125
    on a bound of 92.125 shows as 92.125, not 92.13; and a non-zero amount
    is never shown as 0 (0 is in *unlike* by default).
    """
    places = policy.places
    exact_places = decimal_places(value)
    if exact_places is not None and exact_places <= places:
        return places  # shown exactly already
    while not all(_same_order(value, other, places, policy) for other in unlike):
        if places >= MAX_PLACES:
            return None
        places += 1
    return places


def _same_order(value: Exact, other: Exact, places: int, policy: Policy) -> bool:
    shown = round_display(value, places, policy.rounding)
    return (shown > other) - (shown < other) == (value > other) - (value < other)


def number_text(
    value: Exact,
    lang: str,
    policy: Policy = DEFAULT_POLICY,
    *,
    unlike: Sequence[Exact] = (_ZERO,),
) -> str:
    """*value* rounded for display by *policy* and written for *lang*.

    Enough decimals are shown to tell *value* from each number in *unlike*
    (by default: a non-zero value never shows as 0). Past twelve decimals the
    exact value is written out instead: all its decimals, or ``p/q``.
    """
    places = _places(value, policy, unlike)
    if places is None:
        exact_places = decimal_places(value)
        if exact_places is None:
            assert isinstance(value, Fraction)
            return f"{value.numerator}/{value.denominator}"
        places = exact_places
    return format_number(value, lang, places, rounding=policy.rounding)


def value_text(
    value: Exact | str,
    unit: str | None,
    lang: str = "en",
    policy: Policy = DEFAULT_POLICY,
    *,
    unlike: Sequence[Exact] = (_ZERO,),
) -> str:
    """A value with its unit, for display: ``93.1%``, ``249 members``, ``HTTNV``."""
    if isinstance(value, str):
        return value
    return _with_unit(number_text(value, _lang(lang), policy, unlike=unlike), unit, lang)


def bound_text(bound: Exact | str, unit: str | None, lang: str, policy: Policy) -> str:
    """A rule's bound, written exactly: every decimal it has, or ``p/q`` for a fraction.

    A target is never rounded for display.
    """
    if isinstance(bound, str):
        return bound
    places = decimal_places(bound)
    if places is None:
        text = as_text(bound)
    else:
        text = format_number(bound, _lang(lang), max(places, policy.places))
    return _with_unit(text, unit, lang)


def _with_unit(text: str, unit: str | None, lang: str) -> str:
    shown = units.label(unit, lang, one=text == "1")
    if not shown:
        return text
    return f"{text}{shown}" if units.is_share(unit) else f"{text} {shown}"


_TIMING = {
    "en": {
        "each": "{0} every year",
        "total": "{0} a year, in total over the years",
        "mean": "{0} a year on average",
        "latest": "{0} in the latest year",
        "growth": "growth of {0} a year",
        "growth_each": "growth of {0} every year",
        "growth_mean": "growth of {0} a year on average",
        "growth_latest": "growth of {0} in the latest year",
        "growth_cagr": "compound growth of {0} a year",
        "due": "{0}, by {1}",
        "all": "{0} in every unit",
        "any": "{0} in at least one unit",
        "count": "{0} in at least {1} units",
        "share": "{0} in at least {1}% of units",
        "share_strict": "{0} in more than {1}% of units",
        "quota": "units {0}: at most {1}% of {2}, {3}",
        "quota_of": "units {0}",
        "quota_all": "all units",
    },
    "vi": {
        "each": "{0} mỗi năm",
        "total": "{0} mỗi năm, tính tổng các năm",
        "mean": "bình quân {0} mỗi năm",
        "latest": "{0} năm gần nhất",
        "growth": "tăng {0}/năm",
        "growth_each": "tăng {0} mỗi năm",
        "growth_mean": "tăng bình quân {0}/năm",
        "growth_latest": "tăng {0} năm gần nhất",
        "growth_cagr": "tăng bình quân {0}/năm (tăng trưởng kép)",
        "due": "{0}, đến {1}",
        "all": "{0} ở tất cả đơn vị",
        "any": "{0} ở ít nhất một đơn vị",
        "count": "{0} ở ít nhất {1} đơn vị",
        "share": "{0} ở ít nhất {1}% đơn vị",
        "share_strict": "{0} ở trên {1}% đơn vị",
        "quota": "số đơn vị {0} không quá {1}% {2}, {3}",
        "quota_of": "số đơn vị {0}",
        "quota_all": "tổng số đơn vị",
    },
}

_CAP_ROUNDING = {
    "en": {
        "down": "the cap rounded down",
        "up": "the cap rounded up",
        "half_up": "the cap rounded half up",
        "exact": "the cap not rounded",
    },
    "vi": {
        "down": "trần làm tròn xuống",
        "up": "trần làm tròn lên",
        "half_up": "trần làm tròn nửa lên",
        "exact": "trần không làm tròn",
    },
}


def rule_text(target: Target | Rule, lang: str = "en", policy: Policy = DEFAULT_POLICY) -> str:
    """A target in words: ``at least 90%`` / ``từ 90% trở lên``, with its timing and units.

    ``at least 80 members a year, in total over the years`` /
    ``từ 80 đảng viên trở lên mỗi năm, tính tổng các năm``.
    """
    lang = _lang(lang)
    if isinstance(target, Rule):
        return _bare_rule(target, None, lang, policy)
    words = _TIMING[lang]
    rule = target.rule
    if isinstance(rule, Quota):
        of = (
            words["quota_all"]
            if rule.of is None
            else words["quota_of"].format(_bare_rule(rule.of, None, lang, policy))
        )
        return words["quota"].format(
            _bare_rule(rule.level, None, lang, policy),
            format_number(rule.at_most, lang, MAX_PLACES),
            of,
            _CAP_ROUNDING[lang][rule.rounding],
        )
    text = _bare_rule(rule, target.unit, lang, policy)
    if target.growth is not None:
        key = (
            "growth_cagr"
            if target.growth == "cagr"
            else ("growth_mean" if target.growth == "mean" else f"growth_{target.combine}")
        )
        text = words.get(key, words["growth"]).format(text)
    elif target.combine is not None:
        text = words[target.combine].format(text)
    if target.across is not None:
        value = target.across.value
        shown = "" if value is None else format_number(value, lang, MAX_PLACES)
        key = target.across.quantifier.value + ("_strict" if target.across.strict else "")
        text = words[key].format(text, shown)
    if target.due is not None:
        text = words["due"].format(text, _due_text(target.due, lang))
    return text


def _due_text(due: int | date, lang: str) -> str:
    if isinstance(due, int):
        return str(due) if lang == "en" else f"năm {due}"
    return due.isoformat() if lang == "en" else f"ngày {due:%d/%m/%Y}"


def _bare_rule(rule: Rule, unit: str | None, lang: str, policy: Policy) -> str:
    words = _RULE_WORDS[lang][rule.kind]
    return words.format(*(bound_text(bound, unit, lang, policy) for bound in rule.bounds))


def _amount(verdict: Verdict, size: Exact, lang: str, policy: Policy, note: str = "") -> str:
    """The size of a margin in words: points for shares, steps for ratings, else % and amount.

    A *note* (which year or unit decided) goes in brackets after it, in the
    same brackets as the amount beside a relative margin: ``2.5% (2 members;
    weakest year 2022)``, never ``2.5% (2 members) (weakest year 2022)``.
    """
    if not note:
        return _bare_amount(verdict, size, lang, policy)
    relative = _relative_amount(verdict, size, lang, policy)
    if relative is None:
        return f"{_bare_amount(verdict, size, lang, policy)} ({note})"
    percent, absolute = relative
    return _PHRASES[lang]["relative"].format(percent, f"{absolute}; {note}")


def _bare_amount(verdict: Verdict, size: Exact, lang: str, policy: Policy) -> str:
    relative = _relative_amount(verdict, size, lang, policy)
    if relative is not None:
        return _PHRASES[lang]["relative"].format(*relative)
    basis = verdict.basis
    if basis.indicator.scale is not None:
        many, one = _COUNTED[lang]["steps"]
        return (one if size == 1 else many).format(format_number(size, lang, 0))
    if _counts_units(verdict):
        many, one = _COUNTED[lang]["units"]
        return (one if size == 1 else many).format(format_number(size, lang, MAX_PLACES))
    if basis.unit == "percent" and policy.points == "percent":
        return f"{number_text(size, lang, policy)}%"  # the customary "Vượt 3,1%"
    if basis.unit in ("percent", "permille"):
        many, one = _COUNTED[lang][basis.unit]
        text = number_text(size, lang, policy)
        return (one if text == "1" else many).format(text)
    return value_text(size, basis.unit, lang, policy)


def _relative_amount(
    verdict: Verdict, size: Exact, lang: str, policy: Policy
) -> tuple[str, str] | None:
    """(percent, amount) of a margin written as both, ``3.8`` and ``45.6 billion đồng``.

    None when the margin is written one way only: in points, steps or units,
    or as an amount without a relative margin.
    """
    basis = verdict.basis
    relative = verdict.relative_margin
    if (
        relative is None
        or basis.indicator.scale is not None
        or _counts_units(verdict)
        or basis.unit in ("percent", "permille")
    ):
        return None
    percent = mul(magnitude(relative), Decimal(100))
    return number_text(percent, lang, policy), value_text(size, basis.unit, lang, policy)


def _counts_units(verdict: Verdict) -> bool:
    context = verdict.context
    return context is not None and context.combined in ("count", "quota")


def explain(
    verdict: Verdict, lang: str = "en", *, detail: bool = False, points: str | None = None
) -> str:
    """*verdict* in words (see :meth:`Verdict.explain`)."""
    lang = _lang(lang)
    policy = verdict.policy or DEFAULT_POLICY
    if points is not None:
        policy = attrs.evolve(policy, points=points)
    phrases = _PHRASES[lang]
    status = _STATUS_WORDS[lang][verdict.status]
    target = verdict.target
    if verdict.status is Status.IN_PROGRESS:
        text = _in_progress(verdict, lang, policy)
    elif verdict.actual is None:
        text = status
        if verdict.missing:
            text = phrases["missing"].format(status, _list(verdict.missing, lang))
        if detail and not verdict.missing:
            return phrases["nothing"].format(verdict=status, title=target.indicator.title)
    else:
        text = _judged(verdict, status, lang, policy, _where(verdict, lang))
    if not detail or verdict.actual is None:
        return text
    return phrases["against"].format(
        verdict=text, actual=actual_text(verdict, lang), rule=rule_text(target, lang, policy)
    )


def _judged(verdict: Verdict, status: str, lang: str, policy: Policy, note: str) -> str:
    """The verdict with its margin, and *note* (which year or unit decided) in brackets."""
    phrases = _PHRASES[lang]
    margin = verdict.margin
    assert margin is not None
    basis = verdict.basis
    amount = _amount(verdict, magnitude(margin), lang, policy, note)
    bracket = f" ({note})" if note else ""
    if verdict.status is Status.EXCEEDED:
        return phrases["by"].format(status=status, amount=amount)
    if verdict.status is Status.NOT_ACHIEVED:
        if isinstance(verdict.target.rule, Quota):
            return phrases["over_cap"].format(status=status, amount=amount)
        if basis.sign == 0 or basis.kind is Kind.EXACTLY:
            return phrases["off"].format(status=status, amount=amount)
        if margin == 0:
            return phrases["on_bound"].format(status=status) + bracket
        if basis.sign < 0:  # lower is better: a miss is too high
            return phrases["over"].format(status=status, amount=amount)
        return phrases["short"].format(status=status, amount=amount)
    return status + bracket


def _where(verdict: Verdict, lang: str) -> str:
    """Which year or unit decided a verdict over several, to be put in brackets; else ''.

    The weakest year or unit, or how many units met.
    """
    context = verdict.context
    if context is None or not verdict.parts:
        return ""
    phrases = _PHRASES[lang]
    if context.combined in ("each", "all") and verdict.status is not Status.EXCEEDED:
        if context.combined == "all" and context.entity is not None:
            return phrases["weakest_unit"].format(context.entity)
        if context.period is not None and context.combined == "each":
            return phrases["weakest_year"].format(context.period)
    if context.combined in ("count", "share", "any", "all"):
        met, total = verdict.tally or (0, 0)
        return phrases["tally"].format(met, total)
    return ""


def _in_progress(verdict: Verdict, lang: str, policy: Policy) -> str:
    phrases = _PHRASES[lang]
    status = _STATUS_WORDS[lang][Status.IN_PROGRESS]
    attainment = verdict.attainment
    text = status
    if attainment is not None:
        share = mul(attainment, Decimal(100))
        text = phrases["so_far"].format(status, number_text(share, lang, policy))
    progress = verdict.progress
    if progress is not None:
        assessment = progress.explain(lang)
        text += "; " + assessment[:1].lower() + assessment[1:]  # it follows a semicolon
    return text


def _list(items: Sequence[int | str], lang: str) -> str:
    return ", ".join(str(item) for item in items)


def actual_text(verdict: Verdict, lang: str = "en") -> str:
    """The judged value for display, never rounded onto a bound it is compared with.

    A value made of several years lists them as review tables do:
    ``2020: 80; 2021: 86; 2022: 83 (total 249)``; one over units says how
    many met: ``2/3 units (66.67%)``.

    A target with a due date judged on one result names the result's year
    when it is not the due year, or while the target is in progress:
    ``2.4% (2023)`` for a target due in 2024, judged on 2023's result. A
    result of the due year itself, at or after the due date, is shown bare.

    A yearly target with no data because some due years are missing still
    lists the years reported, a dash for each missing one:
    ``2021: 210; 2022: 190; 2023: — (members)``; a share keeps its ``%`` on
    each value. Without any value reported, the cell is empty.
    """
    lang = _lang(lang)
    policy = verdict.policy or DEFAULT_POLICY
    if verdict.actual is None:
        return _reported_years(verdict, lang, policy)
    basis = verdict.basis
    context = verdict.context
    own = _single_text(verdict, lang, policy)
    if context is None:
        return own
    year = _result_year(verdict)
    if year is not None:
        return f"{own} ({year})"
    phrases = _PHRASES[lang]
    if context.combined == "quota":
        actual = verdict.actual
        assert not isinstance(actual, str)
        cap = format_number(basis.lo, lang, MAX_PLACES)
        return phrases["quota_value"].format(
            format_number(actual, lang, 0), context.periods[0], cap
        )
    if context.combined in ("count", "share"):
        met, total = verdict.tally or (0, 0)
        text = phrases["units_met"].format(met, total)
        return text if context.combined == "count" else f"{text} ({own})"
    if context.combined == "cagr":
        first, last = context.periods
        return f"{own} ({first}-{last})"
    if verdict.parts and all(part.period is not None for part in verdict.parts):
        # "2020: 80; 2021: 86; 2022: 78 (total 244 members)": a word unit is named once
        word = units.label(basis.unit, lang) if not units.is_share(basis.unit) else ""
        years = "; ".join(
            f"{part.period}: {_single_text(part, lang, policy, unit=not word)}"
            for part in verdict.parts
        )
        kind = context.combined if context.combined in ("total", "mean") else ""
        if kind:
            return f"{years} ({phrases[kind]} {own})"
        return f"{years} {word}" if word else years
    return own


def _result_year(verdict: Verdict) -> int | None:
    """The year of the one result a due target was judged on, when the cell should name it.

    That is when the year is known and is not the due year, or when the
    target is in progress (the value is a year's, not the final one).
    """
    context = verdict.context
    due = verdict.target.due_date
    if context is None or due is None or context.period is None:
        return None
    if context.combined or context.entity is not None or verdict.parts:
        return None  # a value made of several years or units shows its years otherwise
    if verdict.status is Status.IN_PROGRESS or context.period != due.year:
        return context.period
    return None


_NONE_REPORTED = "—"


def _reported_years(verdict: Verdict, lang: str, policy: Policy) -> str:
    """The years reported for a yearly target left without data by missing years; else ''.

    ``2021: 210; 2022: —; 2023: 225 (members)``, in the order of the years.
    """
    context = verdict.context
    if (
        context is None
        or verdict.status is not Status.NO_DATA
        or verdict.target.growth is not None
        or context.combined not in ("each", "total", "mean", "latest")
        or not verdict.parts
        or not context.missing
        or not all(isinstance(year, int) for year in context.missing)
        or not all(part.period is not None for part in verdict.parts)
    ):
        return ""
    unit = verdict.basis.unit
    word = units.label(unit, lang) if not units.is_share(unit) else ""
    shown = {year: _NONE_REPORTED for year in context.missing if isinstance(year, int)}
    for part in verdict.parts:
        assert part.period is not None
        shown[part.period] = _single_text(part, lang, policy, unit=not word)
    years = "; ".join(f"{year}: {shown[year]}" for year in sorted(shown))
    return f"{years} ({word})" if word else years


def _single_text(verdict: Verdict, lang: str, policy: Policy, *, unit: bool = True) -> str:
    assert verdict.actual is not None
    basis = verdict.basis
    bounds = [b for b in basis.rule.bounds if not isinstance(b, str)]  # type: ignore[union-attr]
    unlike = [_ZERO, *bounds]  # neither a non-zero value shown as 0, nor on a bound it is not on
    return value_text(verdict.actual, basis.unit if unit else None, lang, policy, unlike=unlike)


_HEADERS = {
    "en": ("No.", "Target", "Result", "Verdict"),
    "vi": ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
}


def _cells(verdict: Verdict, lang: str) -> tuple[str, str, str]:
    """The target, result and verdict cells of one component."""
    target = verdict.target
    policy = verdict.policy or DEFAULT_POLICY
    title = target.label or target.indicator.title
    goal = f"{title}: {rule_text(target, lang, policy)}"
    return goal, actual_text(verdict, lang), verdict.explain(lang)


def review_table(
    verdicts: Iterable[Verdict], lang: str = "en", *, tablefmt: str = "simple_grid"
) -> str:
    """The review table of *verdicts*: number, target, result and verdict.

    ``lang`` is ``"en"`` (No. | Target | Result | Verdict) or ``"vi"`` (STT |
    Mục tiêu | Thực hiện | So sánh với mục tiêu). ``tablefmt`` is any format
    tabulate knows (``simple_grid``, ``github``, ``html``, ``plain`` …); grid
    formats wrap long cells.
    """
    lang = _lang(lang)
    rows = [(str(n), *_cells(v, lang)) for n, v in enumerate(_verdicts(verdicts), start=1)]
    return _tabulate(rows, lang, tablefmt)


def _verdicts(verdicts: object) -> list[Verdict]:
    """*verdicts* as a list, checked: an iterable of Verdicts."""
    if isinstance(verdicts, Verdict) or not isinstance(verdicts, Iterable):
        raise InvalidArgumentTypeError(
            f"verdicts must be an iterable of Verdicts such as [evaluate(target, result)], "
            f"got {verdicts!r}"
        )
    items = list(verdicts)
    for item in items:
        if not isinstance(item, Verdict):
            raise InvalidArgumentTypeError(f"verdicts must hold only Verdicts, got {item!r}")
    return items


def _tablefmt(tablefmt: object) -> str:
    from tabulate import tabulate_formats

    if isinstance(tablefmt, str) and tablefmt in tabulate_formats:
        return tablefmt
    import difflib

    near = difflib.get_close_matches(str(tablefmt), tabulate_formats, n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise InvalidArgumentError(
        f"tablefmt={tablefmt!r} is not a table format; {hint}use one of tabulate's formats, "
        "such as 'simple_grid' (the default), 'github', 'html' or 'plain'"
    )


#: Grid formats wrap long cells at these widths (number, target, result, verdict).
WRAP = (None, 44, 36, 44)


def _tabulate(rows: Sequence[Sequence[str]], lang: str, tablefmt: str) -> str:
    from tabulate import tabulate

    tablefmt = _tablefmt(tablefmt)
    widths = list(WRAP) if tablefmt.endswith("grid") else None
    if tablefmt in _PIPE_FORMATS:  # one line a row: a "|" or a line break would split a cell
        rows = [[_pipe_cell(cell) for cell in row] for row in rows]
    if widths is not None:
        rows = wrapped(rows, widths)
    # str(): tabulate's HTML comes as a str subclass of its own
    return str(tabulate(rows, headers=_HEADERS[lang], tablefmt=tablefmt, disable_numparse=True))


def wrapped(rows: Sequence[Sequence[str]], widths: Sequence[int | None]) -> list[list[str]]:
    """*rows* with each cell wrapped to its column's width (None: as it is), for tabulate.

    tabulate's own ``maxcolwidths`` reads a cell such as "1,500" as a number
    while wrapping it, whatever ``disable_numparse`` says, and fails on it.
    """
    import textwrap

    return [
        [cell if width is None else "\n".join(textwrap.wrap(cell, width)) for cell, width
         in zip(row, widths, strict=False)]
        for row in rows
    ]  # fmt: skip


_PIPE_FORMATS = frozenset({"github", "pipe"})


def _pipe_cell(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|")


def report_table(report: Report, lang: str = "en", *, tablefmt: str = "simple_grid") -> str:
    """The review table of a resolution's report.

    A row of several components (a :class:`Group`) shows its label on a line
    of its own, then its components numbered ``3a``, ``3b``, … (``3z``,
    ``3aa``, ``3ab``, … past 26).
    """
    lang = _lang(lang)
    rows = [(number, *cells) for number, _, cells in _report_rows(report, lang)]
    return _tabulate(rows, lang, tablefmt)


def _report(report: object, function: str) -> Report:
    from .resolution import Report

    if not isinstance(report, Report):
        raise InvalidArgumentTypeError(
            f"{function}(report) must be a Report, such as resolution.evaluate(results), "
            f"got {report!r}"
        )
    return report


def _report_rows(
    report: object, lang: str, function: str = "report_table"
) -> list[tuple[str, Verdict | None, tuple[str, str, str]]]:
    """(number, verdict, target/result/verdict cells) of each table row.

    A group's own row has no verdict and its label as the target cell.
    """
    checked = _report(report, function)
    rows: list[tuple[str, Verdict | None, tuple[str, str, str]]] = []
    for row in checked.rows:
        if not row.group:
            rows.append((row.number, row.verdicts[0], _cells(row.verdicts[0], lang)))
            continue
        rows.append((row.number, None, (row.label, "", "")))
        for number, verdict in zip(row.numbers, row.verdicts, strict=True):
            rows.append((number, verdict, _cells(verdict, lang)))
    return rows


def summary(verdicts: Iterable[Verdict], lang: str = "en") -> str:
    """One sentence that sums up *verdicts*, as a review's conclusion states it.

    ``Met 8 of 11 targets (5 achieved, 3 exceeded); 2 not achieved; 1 with no data.``
    A zero in the brackets is left out (``Met 2 of 6 targets (2 exceeded); …``),
    and so are the brackets when no target is met (``Met 0 of 3 targets; 3 not
    achieved.``). ``lang`` is ``"en"`` or ``"vi"``.
    """
    lang = _lang(lang)
    counts = dict.fromkeys(Status, 0)
    for verdict in _verdicts(verdicts):
        counts[verdict.status] += 1
    return counts_summary(counts, lang)


def counts_summary(
    counts: Mapping[Status, int],
    lang: str = "en",
    *,
    noun: tuple[str, str, str] = ("target", "targets", "chỉ tiêu"),
) -> str:
    """The sentence of :func:`summary` from the number of verdicts of each status.

    *noun* names what is counted: (English singular, English plural,
    Vietnamese), ``("unit", "units", "đơn vị")`` for the units a batch of
    verdicts judged.
    """
    lang = _lang(lang)
    numbers = {status: int(counts.get(status, 0)) for status in Status}
    total = sum(numbers.values())
    met = numbers[Status.ACHIEVED] + numbers[Status.EXCEEDED]
    one, many, vi = noun
    shown = {status: _count(n, lang) for status, n in numbers.items()}
    if lang == "en":
        met_words = {Status.ACHIEVED: "achieved", Status.EXCEEDED: "exceeded"}
        parts = [f"Met {_count(met, lang)} of {_count(total, lang)} {one if total == 1 else many}"]
        rest = {Status.NOT_ACHIEVED: "not achieved", Status.IN_PROGRESS: "in progress",
                Status.NO_DATA: "with no data"}  # fmt: skip
        others = [f"{shown[s]} {words}" for s, words in rest.items() if numbers[s]]
    else:
        met_words = {Status.ACHIEVED: "đạt", Status.EXCEEDED: "vượt"}
        parts = [f"Hoàn thành và vượt {_count(met, lang)}/{_count(total, lang)} {vi}"]
        rest = {Status.NOT_ACHIEVED: "không đạt", Status.IN_PROGRESS: "đang thực hiện",
                Status.NO_DATA: "chưa có số liệu"}  # fmt: skip
        others = [
            f"{words} {shown[s]}/{_count(total, lang)} {vi}"
            for s, words in rest.items()
            if numbers[s]
        ]
    # how the met ones split, leaving out a zero: "(2 exceeded)"; nothing when none is met
    split = [f"{shown[s]} {words}" for s, words in met_words.items() if numbers[s]]
    if split:
        parts[0] += f" ({', '.join(split)})"
    parts += others
    return "; ".join(parts) + "."


def _count(number: int, lang: str) -> str:
    """A count as the language writes it: 250,000 (en), 250.000 (vi)."""
    return format_number(Decimal(number), lang, 0)


def unit_review_tables(
    by_target: Mapping[str, Any],
    by_unit: Mapping[str, Any] | None,
    lang: str = "en",
    *,
    tablefmt: str = "simple_grid",
    shown: int = 20,
) -> str:
    """The tables of a per-unit review: one row per target with how many units have each
    status, then one row per unit (the first *shown* of them) with how many targets.

    *by_target* and *by_unit* are what ``batch.Review.by_target()`` and
    ``by_unit()`` give.
    """
    from tabulate import tabulate

    lang = _lang(lang)
    words = _STATUS_WORDS[lang]
    statuses = [words[s].capitalize() if lang == "en" else words[s] for s in Status]
    vi = lang == "vi"
    heads = ["STT" if vi else "No.", "Chỉ tiêu" if vi else "Target", *statuses,
             "Đơn vị đạt" if vi else "Units met"]  # fmt: skip
    rows = []
    for row, number in enumerate(by_target["number"]):
        counts = [int(by_target[s.value][row]) for s in Status]
        met, units = int(by_target["met"][row]), int(by_target["units"][row])
        title = f"{by_target['target'][row]} ({by_target['key'][row]})"
        rows.append([number, title, *counts, f"{met}/{units}"])
    parts = [tabulate(rows, heads, tablefmt=tablefmt, disable_numparse=True)]
    if by_unit is not None:
        keys = [name for name in by_unit if name not in {*(s.value for s in Status),
                                                          "met", "targets"}]  # fmt: skip
        unit_heads = [*keys, *statuses, "Chỉ tiêu đạt" if vi else "Targets met"]
        count = len(by_unit["met"])
        unit_rows = []
        for row in range(min(count, shown)):
            counts = [int(by_unit[s.value][row]) for s in Status]
            met, targets = int(by_unit["met"][row]), int(by_unit["targets"][row])
            unit_rows.append([*(str(by_unit[k][row]) for k in keys), *counts, f"{met}/{targets}"])
        parts.append(tabulate(unit_rows, unit_heads, tablefmt=tablefmt, disable_numparse=True))
        if count > shown:
            more = _count(count - shown, lang)
            parts.append(
                f"... và {more} đơn vị khác (--format csv hoặc parquet cho mọi kết quả)"
                if vi
                else f"... and {more} more units (--format csv or parquet gives every verdict)"
            )
    return "\n\n".join(parts)


# Other formats: CSV for machines, HTML and Markdown for pages and notebooks.

STATUS_COLORS: Mapping[Status, str] = MappingProxyType(
    {
        Status.EXCEEDED: "#0072B2",  # blue
        Status.ACHIEVED: "#56B4E9",  # sky blue
        Status.NOT_ACHIEVED: "#D55E00",  # vermillion
        Status.IN_PROGRESS: "#E69F00",  # orange
        Status.NO_DATA: "#999999",  # grey
    }
)
"""The colour of each status in HTML tables and charts.

Colours of the Okabe-Ito palette, which colour-blind readers tell apart:
met targets in blues (exceeded darker), missed ones in vermillion, targets
not yet due in orange, no data in grey. Charts also hatch *in progress* and
*no data*, so that no status is told by its colour alone.
"""

VERDICT_FIGURES = ("actual", "unit", "bound", "margin", "relative_margin", "attainment")
"""A verdict's figures as tables for machines give them (the CSV, the DataFrame), in order."""

CSV_COLUMNS = ("number", "target", "result", "verdict", "key", "status", *VERDICT_FIGURES)
"""The header of :func:`report_csv`: the four table columns, then the figures for machines."""

EXACT_COLUMNS = tuple(f"{name}_exact" for name in VERDICT_FIGURES if name != "unit")
"""The columns that ``report_csv(..., exact=True)`` adds: each number figure written exactly."""

RATIO_PLACES = 2
"""How many more decimals a ratio (``relative_margin``, ``attainment``) gets in
:func:`report_csv` than the policy gives a value: a ratio of 0.0444 is 4.44%."""


def verdict_figures(verdict: Verdict) -> tuple[Exact | str | None, ...]:
    """The values of *verdict*'s :data:`VERDICT_FIGURES`, exact, in that order."""
    return tuple(getattr(verdict, name) for name in VERDICT_FIGURES)


_MARGIN_HEADER = {"en": "Margin", "vi": "Chênh lệch"}

_CELL = "text-align:left;vertical-align:top"
_CAPTION = "caption-side:top;text-align:left;font-weight:bold;padding-bottom:0.4em"


def report_csv(report: Report, lang: str = "en", *, exact: bool = False) -> str:
    """The review table as CSV, with the figures behind each verdict for machines.

    One line per table row, group rows included, under the header
    :data:`CSV_COLUMNS`: ``number``, ``target``, ``result`` and ``verdict``
    are the table's cells in *lang*; ``key``, ``status`` (``exceeded``,
    ``not_achieved`` …), ``actual``, ``unit``, ``bound``, ``margin``,
    ``relative_margin`` and ``attainment`` are for machines and
    spreadsheets: plain decimals with a point (``94.5``, ``84.78``), rounded
    as the table rounds them (the verdict's policy, with the same care never
    to round a value onto its bound or a non-zero margin to 0), a bound
    written exactly, and the two ratios with :data:`RATIO_PLACES` more
    decimals; level codes for a rated indicator; empty for none (and on a
    group's own row). No cell is a fraction, which spreadsheets read as a
    date.

    With *exact*, the columns :data:`EXACT_COLUMNS` (``actual_exact`` …
    ``attainment_exact``) follow, each figure written exactly: every decimal
    it has, or ``p/q`` where it has no finite decimal form (``1950/23``).
    Lines end in ``\n``.
    """
    import csv
    import io

    lang = _lang(lang)
    rows = _report_rows(report, lang, "report_csv")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow((*CSV_COLUMNS, *EXACT_COLUMNS) if exact else CSV_COLUMNS)
    for number, verdict, cells in rows:
        line = (number, *cells, *_figures(verdict))
        writer.writerow((*line, *_exact_figures(verdict)) if exact else line)
    return buffer.getvalue()


def _figures(verdict: Verdict | None) -> tuple[str, ...]:
    """The machine columns of one CSV line: key, status, then the figures as rounded text."""
    if verdict is None:
        return ("",) * (len(CSV_COLUMNS) - 4)
    policy = verdict.policy or DEFAULT_POLICY
    bounds = [b for b in verdict.basis.rule.bounds if not isinstance(b, str)]  # type: ignore[union-attr]
    ratios = attrs.evolve(policy, places=min(policy.places + RATIO_PLACES, MAX_PLACES))
    actual, unit, bound, margin, relative, attainment = verdict_figures(verdict)
    shown = (
        _rounded(actual, policy, [_ZERO, *bounds]),
        unit if isinstance(unit, str) else "",
        _rounded(bound, policy, None),
        _rounded(margin, policy, [_ZERO]),
        _rounded(relative, ratios, [_ZERO]),
        _rounded(attainment, ratios, [_ZERO, Decimal(1)]),
    )
    return (verdict.key, verdict.status.value, *shown)


def _rounded(value: Exact | str | None, policy: Policy, unlike: Sequence[Exact] | None) -> str:
    """*value* as a plain decimal for a spreadsheet: rounded by *policy* but never onto a
    number of *unlike* (None: not rounded, unless it has no finite decimal form); twelve
    decimals at most."""
    if value is None or isinstance(value, str):
        return value or ""
    places = decimal_places(value) if unlike is None else _places(value, policy, unlike)
    if places is None or places > MAX_PLACES:
        places = MAX_PLACES
    return as_text(trimmed(round_display(value, places, policy.rounding)))


def _exact_figures(verdict: Verdict | None) -> tuple[str, ...]:
    """The :data:`EXACT_COLUMNS` of one CSV line: every number figure, exactly."""
    if verdict is None:
        return ("",) * len(EXACT_COLUMNS)
    figures = dict(zip(VERDICT_FIGURES, verdict_figures(verdict), strict=True))
    return tuple(_exact_text(figures[name.removesuffix("_exact")]) for name in EXACT_COLUMNS)


def _exact_text(value: Exact | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return as_text(value)


def report_html(report: Report, lang: str = "en") -> str:
    """The review table as an HTML ``<table>``, then the summary sentence.

    The resolution's name is the caption; each verdict cell is tinted with
    its status's colour (:data:`STATUS_COLORS`) by an inline style, and each
    row carries the class ``rm-<status>`` and ``data-status`` for your own
    CSS. Every text is escaped. The whole is one ``<div
    class="resolmetrics-report">``.
    """
    from html import escape

    lang = _lang(lang)
    checked = _report(report, "report_html")
    lines = [
        '<div class="resolmetrics-report">',
        '<table class="resolmetrics">',
        f'<caption style="{_CAPTION}">{escape(checked.resolution.name)}</caption>',
        "<thead>",
        _html_header(_HEADERS[lang]),
        "</thead>",
        "<tbody>",
    ]
    for number, verdict, (goal, result, said) in _report_rows(checked, lang):
        if verdict is None:
            lines.append(
                f'<tr class="rm-group"><td style="{_CELL}">{escape(number)}</td>'
                f'<td colspan="3" style="{_CELL};font-weight:bold">{escape(goal)}</td></tr>'
            )
        else:
            lines.append(_html_row(verdict, (number, goal, result), said))
    lines += [
        "</tbody>",
        "</table>",
        f"<p>{escape(summary(checked.verdicts, lang))}</p>",
        "</div>",
    ]
    return "\n".join(lines)


def _html_header(headers: Iterable[str]) -> str:
    from html import escape

    return "<tr>" + "".join(f'<th style="{_CELL}">{escape(h)}</th>' for h in headers) + "</tr>"


def _html_row(verdict: Verdict, cells: Iterable[str], said: str, *after: str) -> str:
    """A table row: plain *cells*, the verdict cell *said* in its colour, then *after*."""
    from html import escape

    status = verdict.status
    color = STATUS_COLORS[status]
    style = f"{_CELL};background-color:{_tint(color)};border-left:4px solid {color}"
    return (
        f'<tr class="rm-{status.value}" data-status="{status.value}">'
        + "".join(f'<td style="{_CELL}">{escape(cell)}</td>' for cell in cells)
        + f'<td class="rm-verdict" style="{style}">{escape(said)}</td>'
        + "".join(f'<td style="{_CELL}">{escape(cell)}</td>' for cell in after)
        + "</tr>"
    )


def _tint(color: str, strength: float = 0.25) -> str:
    """*color* (``#rrggbb``) mixed with white: a background dark text stays readable on."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in channels)


def report_markdown(report: Report, lang: str = "en") -> str:
    """The review table as Markdown: the name in bold, a pipe table, the summary.

    Characters Markdown would read as markup (``*``, ``_``, ``|``, ``<`` …)
    are escaped with a backslash, so labels show as written.
    """
    lang = _lang(lang)
    checked = _report(report, "report_markdown")
    rows = []
    for number, verdict, (goal, result, said) in _report_rows(checked, lang):
        shown = f"**{_markdown(goal)}**" if verdict is None else _markdown(goal)
        rows.append((_markdown(number), shown, _markdown(result), _markdown(said)))
    table = _pipe_table(rows, [_markdown(h) for h in _HEADERS[lang]])
    name = _markdown(checked.resolution.name)
    return f"**{name}**\n\n{table}\n\n{_markdown(summary(checked.verdicts, lang))}"


_MARKUP = frozenset("\\`*_[]<>|~&#")


def _markdown(text: str) -> str:
    """*text* with every character Markdown reads as markup escaped, on one line."""
    return "".join("\\" + c if c in _MARKUP else c for c in " ".join(text.splitlines()))


def _pipe_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    from tabulate import tabulate

    return str(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))


def _verdict_cells(verdict: object, lang: str, function: str) -> tuple[Verdict, list[str]]:
    """The checked verdict and its cells: target, result, verdict, margin."""
    if not isinstance(verdict, Verdict):
        raise InvalidArgumentTypeError(
            f"{function}(verdict) must be a Verdict, such as evaluate(target, result), "
            f"got {verdict!r}"
        )
    goal, result, said = _cells(verdict, lang)
    return verdict, [goal, result, said, margin_text(verdict, lang)]


def verdict_html(verdict: Verdict, lang: str = "en") -> str:
    """One verdict as a one-row HTML table: target, result, verdict (coloured), margin."""

    lang = _lang(lang)
    checked, (goal, result, said, margin) = _verdict_cells(verdict, lang, "verdict_html")
    headers = (*_HEADERS[lang][1:], _MARGIN_HEADER[lang])
    lines = [
        '<table class="resolmetrics-verdict">',
        "<thead>",
        _html_header(headers),
        "</thead>",
        "<tbody>",
        _html_row(checked, (goal, result), said, margin),
        "</tbody>",
        "</table>",
    ]
    return "\n".join(lines)


def verdict_markdown(verdict: Verdict, lang: str = "en") -> str:
    """One verdict as a one-row Markdown table: target, result, verdict, margin."""
    lang = _lang(lang)
    _, cells = _verdict_cells(verdict, lang, "verdict_markdown")
    headers = (*_HEADERS[lang][1:], _MARGIN_HEADER[lang])
    return _pipe_table([[_markdown(c) for c in cells]], [_markdown(h) for h in headers])


def margin_text(verdict: Verdict, lang: str = "en") -> str:
    """The signed margin for display: ``+2.5 percentage points``, ``+9 members (+2%)``.

    Rounded by the verdict's policy like :func:`explain`; rating steps for a
    rated indicator, units for a count of units; ``""`` without data.
    """
    lang = _lang(lang)
    margin = verdict.margin
    if margin is None:
        return ""
    policy = verdict.policy or DEFAULT_POLICY
    sign = "+" if margin > 0 else "-" if margin < 0 else ""
    size = magnitude(margin)
    relative = verdict.relative_margin
    unit = verdict.basis.unit
    if (
        relative is None
        or verdict.basis.indicator.scale is not None
        or _counts_units(verdict)
        or unit in ("percent", "permille")
    ):
        return sign + _amount(verdict, size, lang, policy)
    percent = number_text(mul(magnitude(relative), Decimal(100)), lang, policy)
    return f"{sign}{value_text(size, unit, lang, policy)} ({sign}{percent}%)"
