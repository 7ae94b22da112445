"""What a review tells about its input: results it left out, and shares written as fractions.

The engine judges what it is given; these checks look at the results of a
whole review for what is most likely a mistake and say so with a
:class:`~resolmetrics.errors.ResolmetricsWarning`, held by the
:class:`~resolmetrics.resolution.Report` and issued through :mod:`warnings`.
Neither check changes a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .errors import PercentScaleWarning, ResolmetricsWarning, UnusedResultWarning
from .indicators import Direction
from .numbers import as_text, mul
from .results import Result
from .rules import Quota
from .targets import Target

__all__ = ["review_warnings", "unused_warnings"]

_AFTER, _NOT_OVER = "after_review", "year_not_over"
_OUTSIDE, _AFTER_DUE = "outside_term", "after_due"


def review_warnings(
    targets: Sequence[Target],
    results: Mapping[str, Result | Iterable[Result]],
    as_of: date | None,
) -> tuple[ResolmetricsWarning, ...]:
    """The warnings of a review of *targets* (the term filled in) on *results* at *as_of*.

    One :class:`UnusedResultWarning` per indicator and reason, listing the
    years of the results no target on that indicator could use, and one
    :class:`PercentScaleWarning` per percent indicator whose every result
    is between 0 and 1 while a target on it asks for more than 1%.
    """
    by_key: dict[str, list[Target]] = {}
    for target in targets:
        by_key.setdefault(target.key, []).append(target)
    found: list[ResolmetricsWarning] = []
    for key, on_key in by_key.items():
        given = results.get(key)
        if given is None:
            continue
        items = [given] if isinstance(given, Result) else list(given)
        found += _unused(key, on_key, items, as_of)
        scale = _percent_scale(key, on_key, items, as_of)
        if scale is not None:
            found.append(scale)
    return tuple(found)


# --------------------------------------------------------------------------- left out


def _unused(
    key: str, targets: list[Target], items: list[Result], as_of: date | None
) -> list[UnusedResultWarning]:
    """Results that every target on *key* leaves out for their year, grouped by reason."""
    counts: dict[int, int] = {}
    for result in items:
        if result.period is not None:
            counts[result.period] = counts.get(result.period, 0) + 1
    return unused_warnings(key, targets, counts, as_of)


def unused_warnings(
    key: str, targets: Sequence[Target], counts: Mapping[int, int], as_of: date | None
) -> list[UnusedResultWarning]:
    """The warnings for results of *key* that every target on it leaves out for their year.

    *counts* holds how many results were given for each year; one warning
    per reason, in the order of the reasons. A result that one target on
    *key* uses is no result left out.
    """
    reasons: dict[str, dict[int, int]] = {}
    for year, count in counts.items():
        why = [_left_out(target, year, as_of) for target in targets]
        if all(why):
            reason = why[0]
            assert reason is not None
            reasons.setdefault(reason, {})[year] = count
    return [
        _unused_warning(key, targets[0], reason, reasons[reason], as_of)
        for reason in (_AFTER, _NOT_OVER, _OUTSIDE, _AFTER_DUE)
        if reason in reasons
    ]


def _left_out(target: Target, year: int, as_of: date | None) -> str | None:
    """Why *target* leaves out a result for *year* (None: it may use it).

    The rules are the engine's: a result after the review date's year is not
    yet known; a yearly target counts a year once it is over, only within
    its term (from the year before the term for a growth rate, whose first
    rate needs that year's level), and none after its due year.
    """
    if as_of is not None and year > as_of.year:
        return _AFTER
    due = target.due_date
    if target.per is None:
        if due is not None and year > due.year:
            return _AFTER_DUE
        return None
    if as_of is not None and as_of < date(year, 12, 31):
        return _NOT_OVER
    if target.term is not None:
        first, last = target.term
        if target.growth is not None:
            first -= 1
        if not first <= year <= last:
            return _OUTSIDE
    if due is not None and year > due.year:
        return _AFTER_DUE
    return None


def _years_text(years: list[int]) -> str:
    if len(years) == 1:
        return str(years[0])
    return f"{', '.join(map(str, years[:-1]))} and {years[-1]}"


def _unused_warning(
    key: str, target: Target, reason: str, counts: Mapping[int, int], as_of: date | None
) -> UnusedResultWarning:
    years = sorted(counts)
    count = sum(counts.values())
    plural = count > 1
    results = f"{count:,} results" if count > len(years) else f"result{'s' if plural else ''}"
    which = f"indicator {key!r}: the {results} for {_years_text(years)}"
    verb = "were" if plural else "was"
    if reason == _AFTER:
        assert as_of is not None
        why = f"after the review date ({as_of.isoformat()})"
        fix = f"a review at a later date counts {'them' if plural else 'it'}"
    elif reason == _NOT_OVER:
        assert as_of is not None
        why = f"for a year not over at the review date ({as_of.isoformat()})"
        fix = "a yearly target counts a year from its 31 December on"
    elif reason == _OUTSIDE:
        assert target.term is not None
        first, last = target.term
        why = f"outside the term {first}-{last} of its yearly target"
        fix = "check the years in the results file, or the term"
    else:
        assert target.due_date is not None
        why = f"after the target's due year {target.due_date.year}"
        fix = "check the years in the results file, or the due year"
    message = f"{which} {'are' if plural else 'is'} {why} and {verb} left out; {fix}"
    return UnusedResultWarning(message, key=key, years=tuple(years), reason=reason, count=count)


# --------------------------------------------------------------------------- percent scale


def _percent_scale(
    key: str, targets: list[Target], items: list[Result], as_of: date | None
) -> PercentScaleWarning | None:
    """A warning when every number reported for a percent indicator is a fraction of 1.

    Only targets on the level itself, higher-is-better or a range, whose
    bound is above 1% count: a lower-is-better share such as "poor
    households below 2%" is expected to be small. Only the results the
    review uses count, and only those written without a unit: "0,86%" says
    itself that it is a percentage.
    """
    bounds = [bound for target in targets for bound in _high_bounds(target)]
    if not bounds:
        return None
    values: list[Decimal | Fraction] = []
    for result in items:
        value = result.value
        if isinstance(value, str) or result.ratio_of is not None:
            continue  # a level, or a share computed from counts (already in percent)
        if result.unit is not None:
            return None  # written with its unit ("0,86%"): the writer chose it
        year = result.period
        if year is not None and all(_left_out(t, year, as_of) for t in targets):
            continue  # left out of the review, and warned of as such
        values.append(value)
    if not values or not all(0 <= value <= 1 for value in values) or not any(values):
        return None
    shown = ", ".join(map(as_text, values[:3])) + (", ..." if len(values) > 3 else "")
    first = next(value for value in values if value)
    example = as_text(first)
    message = (
        f"indicator {key!r} is in percent, but every result is between 0 and 1 ({shown}) "
        f"while its target asks for {as_text(min(bounds))}%: {example} is read as {example}%; "
        f"if it is a share of 1, write it as a percentage "
        f"({as_text(mul(first, Decimal(100)))}), or as a count out of a total"
    )
    return PercentScaleWarning(message, key=key, values=tuple(values))


def _high_bounds(target: Target) -> list[Decimal | Fraction]:
    """The bounds above 1 of a percent target on the level itself that is not lower-is-better."""
    unit = target.unit or target.indicator.unit
    if (
        unit != "percent"
        or target.growth is not None
        or target.across is not None
        or isinstance(target.rule, Quota)
        or target.indicator.scale is not None
        or target.direction is Direction.LOWER_IS_BETTER
    ):
        return []
    return [b for b in target.rule.bounds if not isinstance(b, str) and b > 1]
