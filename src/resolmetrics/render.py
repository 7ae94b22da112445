"""Presentation: verdicts in words and review tables (the only tabulate import).

Numbers are rounded here and only here, by the verdict's :class:`Policy`
(half-up to at most two decimals by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from . import units
from .errors import InvalidArgumentError
from .numbers import Exact, decimal_places, format_number, magnitude, mul, round_display
from .policy import DEFAULT_POLICY, Policy
from .rules import Kind, Rule
from .targets import Target
from .verdicts import Status, Verdict

__all__ = [
    "actual_text",
    "bound_text",
    "explain",
    "number_text",
    "review_table",
    "rule_text",
    "summary",
    "value_text",
]

LANGS = ("en", "vi")

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
        "off": "{status}, off by {amount}",
        "on_bound": "{status}, on the bound",
        "against": "{verdict}: {actual} against {rule}",
        "nothing": "{verdict}: nothing was reported for {title}",
        "relative": "{0}% ({1})",
    },
    "vi": {
        "by": "{status} {amount}",
        "short": "{status}, thiếu {amount}",
        "off": "{status}, lệch {amount}",
        "on_bound": "{status}, bằng ngưỡng",
        "against": "{verdict}: {actual} so với {rule}",
        "nothing": "{verdict}: chưa có kết quả cho {title}",
        "relative": "{0}% ({1})",
    },
}

# (many, one): how a margin in points or steps is written
_COUNTED = {
    "en": {
        "percent": ("{0} percentage points", "{0} percentage point"),
        "permille": ("{0} per-mille points", "{0} per-mille point"),
        "steps": ("{0} rating steps", "{0} rating step"),
    },
    "vi": {
        "percent": ("{0} điểm phần trăm", "{0} điểm phần trăm"),
        "permille": ("{0} điểm phần nghìn", "{0} điểm phần nghìn"),
        "steps": ("{0} bậc xếp loại", "{0} bậc xếp loại"),
    },
}

#: Rounded display shows at most this many decimals; past it the exact value is written.
MAX_PLACES = 12

_ZERO = Decimal(0)


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise InvalidArgumentError(f"lang={lang!r} is not a supported language; use 'en' or 'vi'")
    return lang


def _places(value: Exact, policy: Policy, unlike: Sequence[Exact]) -> int | None:
    """The policy's places, or more where they would hide a difference; None if 12 won't do.

    A non-zero amount is never shown as 0, and a value that differs from a
    bound it is compared with (*unlike*) is never shown equal to it: 89.999
    against "at least 90" shows as 89.999, not 90.
    """
    places = policy.places
    exact_places = decimal_places(value)
    if exact_places is not None and exact_places <= places:
        return places  # shown exactly already
    distinct = [other for other in unlike if other != value]
    while any(_looks_equal(value, other, places, policy) for other in distinct):
        if places >= MAX_PLACES:
            return None
        places += 1
    return places


def _looks_equal(a: Exact, b: Exact, places: int, policy: Policy) -> bool:
    return round_display(a, places, policy.rounding) == round_display(b, places, policy.rounding)


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
    text = number_text(value, _lang(lang), policy, unlike=unlike)
    shown = units.label(unit, lang, one=text == "1")
    if not shown:
        return text
    return f"{text}{shown}" if units.is_share(unit) else f"{text} {shown}"


def bound_text(bound: Exact | str, unit: str | None, lang: str, policy: Policy) -> str:
    """A rule's bound, written with every decimal it has: a target is never rounded."""
    if isinstance(bound, str):
        return bound
    places = decimal_places(bound)
    if places is not None and places > policy.places:
        policy = attrs.evolve(policy, places=min(places, MAX_PLACES))
    return value_text(bound, unit, lang, policy)


def rule_text(target: Target | Rule, lang: str = "en", policy: Policy = DEFAULT_POLICY) -> str:
    """A target's rule in words: ``at least 90%`` / ``từ 90% trở lên``."""
    rule, unit = (target.rule, target.unit) if isinstance(target, Target) else (target, None)
    words = _RULE_WORDS[_lang(lang)][rule.kind]
    return words.format(*(bound_text(bound, unit, lang, policy) for bound in rule.bounds))


def _amount(verdict: Verdict, size: Exact, lang: str, policy: Policy) -> str:
    """The size of a margin in words: points for shares, steps for ratings, else % and amount."""
    phrases = _PHRASES[lang]
    target = verdict.target
    if target.indicator.scale is not None:
        many, one = _COUNTED[lang]["steps"]
        return (one if size == 1 else many).format(format_number(size, lang, 0))
    if target.unit in ("percent", "permille"):
        many, one = _COUNTED[lang][target.unit]
        text = number_text(size, lang, policy)
        return (one if text == "1" else many).format(text)
    absolute = value_text(size, target.unit, lang, policy)
    relative = verdict.relative_margin
    if relative is None:
        return absolute
    percent = mul(magnitude(relative), Decimal(100))
    return phrases["relative"].format(number_text(percent, lang, policy), absolute)


def explain(verdict: Verdict, lang: str = "en", *, detail: bool = False) -> str:
    """*verdict* in words (see :meth:`Verdict.explain`)."""
    lang = _lang(lang)
    policy = verdict.policy or DEFAULT_POLICY
    phrases = _PHRASES[lang]
    status = _STATUS_WORDS[lang][verdict.status]
    target = verdict.target
    if verdict.actual is None:
        if not detail:
            return status
        return phrases["nothing"].format(verdict=status, title=target.indicator.title)
    margin = verdict.margin
    assert margin is not None
    amount = _amount(verdict, magnitude(margin), lang, policy)
    if verdict.status is Status.EXCEEDED:
        text = phrases["by"].format(status=status, amount=amount)
    elif verdict.status is Status.NOT_ACHIEVED:
        if target.sign == 0 or target.rule.kind is Kind.EXACTLY:
            text = phrases["off"].format(status=status, amount=amount)
        elif margin == 0:
            text = phrases["on_bound"].format(status=status)
        else:
            text = phrases["short"].format(status=status, amount=amount)
    else:
        text = status
    if not detail:
        return text
    return phrases["against"].format(
        verdict=text,
        actual=actual_text(verdict, lang),
        rule=rule_text(target, lang, policy),
    )


def actual_text(verdict: Verdict, lang: str = "en") -> str:
    """The judged value for display, never rounded onto a bound it is compared with."""
    if verdict.actual is None:
        return ""
    policy = verdict.policy or DEFAULT_POLICY
    bounds = [b for b in verdict.target.rule.bounds if not isinstance(b, str)]
    return value_text(verdict.actual, verdict.target.unit, lang, policy, unlike=bounds)


_HEADERS = {
    "en": ("No.", "Target", "Result", "Verdict"),
    "vi": ("STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu"),
}


def review_table(
    verdicts: Sequence[Verdict], lang: str = "en", *, tablefmt: str = "simple_grid"
) -> str:
    """The review table of *verdicts*: number, target, result and verdict.

    ``tablefmt`` is any format tabulate knows (``simple_grid``, ``github``,
    ``html``, ``plain`` …).
    """
    from tabulate import tabulate

    lang = _lang(lang)
    rows = []
    for number, verdict in enumerate(verdicts, start=1):
        target = verdict.target
        policy = verdict.policy or DEFAULT_POLICY
        title = target.label or target.indicator.title
        goal = rule_text(target, lang, policy)
        rows.append(
            (number, f"{title}: {goal}", actual_text(verdict, lang), verdict.explain(lang))
        )
    return tabulate(rows, headers=_HEADERS[lang], tablefmt=tablefmt, disable_numparse=True)


def summary(verdicts: Sequence[Verdict], lang: str = "en") -> str:
    """One sentence that sums up *verdicts*, as a review's conclusion states it.

    ``Met 8 of 11 targets (5 achieved, 3 exceeded); 2 not achieved; 1 no data.``
    """
    lang = _lang(lang)
    counts = dict.fromkeys(Status, 0)
    for verdict in verdicts:
        counts[verdict.status] += 1
    total = len(verdicts)
    met = counts[Status.ACHIEVED] + counts[Status.EXCEEDED]
    if lang == "en":
        parts = [
            f"Met {met} of {total} target{'s' if total != 1 else ''} "
            f"({counts[Status.ACHIEVED]} achieved, {counts[Status.EXCEEDED]} exceeded)"
        ]
        rest = {Status.NOT_ACHIEVED: "not achieved", Status.IN_PROGRESS: "in progress",
                Status.NO_DATA: "with no data"}  # fmt: skip
        parts += [f"{counts[s]} {words}" for s, words in rest.items() if counts[s]]
    else:
        parts = [
            f"Hoàn thành và vượt {met}/{total} chỉ tiêu "
            f"({counts[Status.ACHIEVED]} đạt, {counts[Status.EXCEEDED]} vượt)"
        ]
        rest = {Status.NOT_ACHIEVED: "không đạt", Status.IN_PROGRESS: "đang thực hiện",
                Status.NO_DATA: "chưa có số liệu"}  # fmt: skip
        parts += [
            f"{words} {counts[s]}/{total} chỉ tiêu" for s, words in rest.items() if counts[s]
        ]
    return "; ".join(parts) + "."
