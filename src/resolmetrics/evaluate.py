"""The engine: judge a target on its results.

The status is decided with as little arithmetic as possible: one or two
comparisons of exact numbers already in the target's unit. Margins and
ratios are left to the :class:`~resolmetrics.Verdict`, which computes them
when they are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from . import units
from .errors import (
    InvalidArgumentTypeError,
    InvalidResultError,
    InvalidResultTypeError,
    InvalidTargetTypeError,
    UnitError,
)
from .numbers import looks_numeric, mul
from .policy import DEFAULT_POLICY, Policy
from .results import Result
from .targets import Target
from .verdicts import Status, Verdict, make_verdict

if TYPE_CHECKING:
    from datetime import date

__all__ = ["evaluate", "judge_value", "judged_value", "pick_latest", "results_list"]


def evaluate(
    target: Target,
    results: Result | Iterable[Result] | None,
    *,
    as_of: date | None = None,
    policy: Policy | None = None,
) -> Verdict:
    """Judge *target* on *results* and return a :class:`Verdict`.

    *results* is one :class:`Result`, a sequence of them, or None. A target
    with neither ``per``, ``due`` nor ``across`` is judged on its latest
    result: the one for the latest period (results for periods after
    *as_of*'s year are not yet known and are left out); several results
    without periods have no latest and are refused. Yearly, term and
    population targets are judged as :class:`Target` describes. No result is
    :attr:`Status.NO_DATA`, never "not achieved".

    *as_of* is the review date (None: a final review, everything due);
    *policy* the conventions (:class:`Policy`). Errors: InvalidTargetTypeError
    for a target that is not a Target, InvalidResultError/-TypeError for
    results that cannot be judged (wrong kind, unit or limits), UnitError for
    a unit of another kind, InvalidArgumentTypeError for a bad *as_of* or
    *policy*.

    >>> import resolmetrics as rm
    >>> share = rm.Indicator("org_good", unit="percent")
    >>> rm.evaluate(rm.Target(share, rm.above(95)), rm.Result(98)).status
    Status.ACHIEVED
    """
    if type(target) is not Target and not isinstance(target, Target):
        raise InvalidTargetTypeError(
            f"evaluate(target) must be a Target such as Target(indicator, at_least(95)), "
            f"got {target!r}"
        )
    if policy is None:
        policy = DEFAULT_POLICY
    elif not isinstance(policy, Policy):
        raise InvalidArgumentTypeError(
            f"evaluate(policy) must be a Policy or None, got {policy!r}"
        )
    if as_of is not None and not _is_date(as_of):
        raise InvalidArgumentTypeError(
            f"evaluate(as_of) must be a datetime.date such as date(2023, 6, 30), or None for "
            f"a final review, got {as_of!r}"
        )
    if (  # the common case: one plain number in the indicator's unit, within its limits
        target.fast
        and type(results) is Result
        and results.unit is None
        and results.entity is None
        and (as_of is None or results.period is None)
        and type(results.value) is Decimal
    ):
        value = results.value
        limits = target.indicator.limits
        if limits is None or (
            (limits[0] is None or value >= limits[0]) and (limits[1] is None or value <= limits[1])
        ):
            status = target.judge(value, target.lo, target.hi, policy.strict_met)
            return make_verdict(target, status, value, (), policy)
    if not target.simple:
        from ._combine import evaluate_combined

        return evaluate_combined(target, results_list(target, results), as_of, policy)
    if (
        type(results) is Result
        and results.entity is None
        and (as_of is None or results.period is None)
    ):
        result: Result | None = results  # the common case, with nothing to choose
    else:
        items = results_list(target, results)
        no_entities(target, items)
        result = pick_latest(target, items, None if as_of is None else as_of.year)
    if result is None:
        return make_verdict(target, Status.NO_DATA, None, (), policy)
    value = judged_value(target, result)
    return make_verdict(target, judge_value(target, value, policy), value, (), policy)


def judge_value(target: Target, value: Any, policy: Policy) -> Status:
    """The status of *value* (in the target's unit, or a level code) against *target*'s rule."""
    judge = target.judge
    if type(value) is Fraction:  # an exact ratio: decided on integers
        return judge(*target.judged_ratio(value), policy.strict_met)
    if type(value) is str:
        return judge(_rank(target, value), target.lo, target.hi, policy.strict_met)
    return judge(value, target.lo, target.hi, policy.strict_met)


def judge_transformed(target: Target, value: Any, lo: Any, hi: Any, policy: Policy) -> Status:
    """The status of *value* against bounds already put on its scale (an increasing map)."""
    return target.judge(value, lo, hi, policy.strict_met)


def _is_date(value: object) -> bool:
    from datetime import date  # imported on first use: most reviews give no date

    return isinstance(value, date)


def results_list(target: Target, results: object) -> list[Result]:
    """*results* (a Result, an iterable of them, or None) as a checked list."""
    if results is None:
        return []
    if isinstance(results, Result):
        return [results]
    if isinstance(results, str | bytes) or not isinstance(results, Iterable):
        raise InvalidResultTypeError(
            f"evaluate(results) for indicator {target.key!r} must be a Result or an "
            f"iterable of Results, got {results!r}; wrap a bare figure as Result({results!r})"
        )
    if isinstance(results, Mapping | set | frozenset):
        raise InvalidResultTypeError(
            f"evaluate(results) for indicator {target.key!r} must be a Result or a sequence of "
            f"Results, got a {type(results).__name__}; an unordered collection has no latest "
            "result (Resolution.evaluate takes a mapping of indicator keys to results)"
        )
    items = list(results)
    for item in items:
        if not isinstance(item, Result):
            fix = (
                "leave a missing result out (the verdict is then NO_DATA)"
                if item is None
                else f"wrap it as Result({item!r})"
                if isinstance(item, int | float | str)
                else "give Result objects"
            )
            raise InvalidResultTypeError(
                f"evaluate(results) for indicator {target.key!r} holds {item!r}, which is not "
                f"a Result; {fix}"
            )
    return items


def no_entities(target: Target, results: list[Result]) -> None:
    """Refuse results that name a unit of observation for a target judged on one value."""
    for item in results:
        if item.entity is not None:
            raise InvalidResultError(
                f"indicator {target.key!r}: the result {item!r} names a unit of observation "
                "(entity), but the target is judged on one value; judge the units with "
                "across='all', 'any', at_least_count(k) or at_least_share(p), or leave entity out"
            )


def pick_latest(target: Target, results: list[Result], last_year: int | None) -> Result | None:
    """The result for the latest period up to *last_year* (or the only result, if it has none).

    Results for periods after *last_year* are not yet known and are left out;
    several results without periods have no latest and are refused.
    """
    chosen: Result | None = None
    for item in results:
        if last_year is not None and item.period is not None and item.period > last_year:
            continue
        if chosen is None:
            chosen = item
            continue
        if item.period is None and chosen.period is None:
            raise InvalidResultError(
                f"indicator {target.key!r}: several results without a period ({chosen!r}, "
                f"{item!r}), so none is the latest; give each its period=YEAR, or pass one result"
            )
        if (item.period is None) != (chosen.period is None):
            raise InvalidResultError(
                f"indicator {target.key!r}: some results name a period and some do not "
                f"({chosen!r}, {item!r}); give every result a period, or none"
            )
        if item.period is not None and item.period == chosen.period:
            raise InvalidResultError(
                f"indicator {target.key!r}: two results for period {item.period} "
                f"({chosen!r}, {item!r}); keep one result per period"
            )
        if item.period is None or item.period > chosen.period:  # type: ignore[operator]
            chosen = item
    return chosen


def judged_value(target: Target, result: Result, *, level: bool = False) -> Any:
    """The value of *result* for *target*: checked, in the target's unit.

    With ``level=True``, in the indicator's unit instead: the yearly levels a
    growth rate is computed from.
    """
    value: Any = result.value
    indicator = target.indicator
    if indicator.scale is not None:
        if type(value) is not str:
            raise InvalidResultError(
                f"indicator {indicator.key!r} is rated on the scale {indicator.scale.name!r}, "
                f"but the result is the number {value}; give a level "
                f"({', '.join(indicator.scale.codes)})"
            )
        if result.unit is not None:
            raise InvalidResultError(
                f"indicator {indicator.key!r} is rated on a scale: the result "
                f"{value!r} takes no unit, got unit={result.unit!r}"
            )
        return indicator.scale.code(
            value, argument=f"indicator {indicator.key!r}: the result", error=InvalidResultError
        )
    if type(value) is str:
        figure = value.split(" ", 1)[0]
        hint = ""
        if looks_numeric(figure):
            hint = f" (if {value!r} is a figure with its unit, give Result({figure}, unit='...'))"
        elif any(ch.isdigit() for ch in figure):
            hint = f" ({figure!r} has letters among its digits: is one typed for a digit?)"
        raise InvalidResultError(
            f"indicator {indicator.key!r} is numeric, but the result is the level {value!r}; "
            f"give a number{hint}, or rate the indicator on a scale"
        )
    given = indicator.unit if result.unit is None else result.unit
    if indicator.limits is not None:
        in_indicator_unit = value if given == indicator.unit else _convert(target, value, given)
        indicator.check_value(in_indicator_unit, what="the result", error=InvalidResultError)
    if level:
        return value if given == indicator.unit else _convert(target, value, given)
    return value if given == target.unit else target.convert(value, given)


def _convert(target: Target, value: Any, unit: str | None) -> Any:
    try:
        return mul(value, units.factor(unit, target.indicator.unit))
    except UnitError as exc:
        raise UnitError(f"indicator {target.key!r}: {exc}") from None


def _rank(target: Target, code: str) -> int:
    return target.indicator.scale.rank(code)  # type: ignore[union-attr]
