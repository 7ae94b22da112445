"""Verdicts: the status of a target and the exact figures behind it.

A :class:`Verdict` is cheap to make: the engine decides only the status.
The margin, the relative margin and the attainment are computed, exactly,
when they are read.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .numbers import Exact, div, magnitude, sub
from .rules import Kind

if TYPE_CHECKING:
    from datetime import date

    from .policy import Policy
    from .progress import Progress
    from .targets import Target

__all__ = ["Context", "Status", "Verdict", "make_verdict"]


class Status(enum.StrEnum):
    """The outcome of judging a target.

    - ``EXCEEDED`` ("Vượt"): strictly better than an inclusive bound or point
      target, or beyond a range's better end.
    - ``ACHIEVED`` ("Đạt"): on an inclusive bound, inside a range, or meeting
      a strict bound ("trên 95%" met by 98%).
    - ``NOT_ACHIEVED`` ("Không đạt"): due and missed.
    - ``IN_PROGRESS`` ("Đang thực hiện"): not yet due; no final verdict.
    - ``NO_DATA``: nothing was reported; never read as "not achieved".

    Found by value or name in any case: ``Status("Exceeded")``.
    """

    EXCEEDED = "exceeded"
    """Strictly better than an inclusive bound or point target, or beyond a range's better end."""
    ACHIEVED = "achieved"
    """Meets the target: on an inclusive bound, inside a range, or meeting a strict bound."""
    NOT_ACHIEVED = "not_achieved"
    """The target was due and was missed."""
    IN_PROGRESS = "in_progress"
    """Not yet due: no final verdict."""
    NO_DATA = "no_data"
    """Nothing was reported: never read as "not achieved"."""

    @property
    def met(self) -> bool:
        """True for EXCEEDED and ACHIEVED."""
        return self is Status.EXCEEDED or self is Status.ACHIEVED

    def __repr__(self) -> str:
        return f"Status.{self.name}"

    @classmethod
    def _missing_(cls, value: object) -> Status:
        from .indicators import lookup

        return lookup(cls, value)  # type: ignore[return-value]


@attrs.frozen
class Context:
    """Where a verdict stands in time and among units, and what it was judged against.

    Only verdicts of periods, units, combinations or targets not yet due
    carry one; a plain verdict has none (``Verdict.context is None``).
    """

    period: int | None = None
    """The year a part verdict is about (or, for ``combine='each'``, the weakest year)."""
    entity: str | None = None
    """The unit of observation a part verdict is about."""
    missing: tuple[int | str, ...] = ()
    """The due years or units without data."""
    basis: Target | None = None
    """The target the combined value was judged against, when it is not the target itself:
    the yearly rule times the number of years for a total, a count or share of units."""
    combined: str = ""
    """How the value was made: 'each', 'total', 'mean', 'latest', 'yoy', 'cagr', 'all', 'any',
    'count', 'share', 'quota'."""
    periods: tuple[int, ...] = ()
    """The years the value was made from."""
    progress: Progress | None = None
    """For a target not yet due: the progress assessment, when its baseline allows one."""
    as_of: date | None = None
    """The review date the verdict was made at."""
    approximate: bool = False
    """True when ``actual`` is rounded to 50 significant digits (a compound growth rate);
    the status is still decided exactly."""


def _target(value: object) -> Target:
    from .errors import InvalidTargetTypeError
    from .targets import Target

    if not isinstance(value, Target):
        raise InvalidTargetTypeError(f"Verdict(target) must be a Target, got {value!r}")
    return value


def _status(value: object) -> Status:
    return value if isinstance(value, Status) else Status(value)  # type: ignore[arg-type]


def _actual(value: object) -> Exact | str | None:
    if value is None or isinstance(value, str):
        return value
    from .errors import InvalidResultError, InvalidResultTypeError
    from .numbers import exact

    return exact(
        value, argument="Verdict(actual)", error=InvalidResultError,
        type_error=InvalidResultTypeError,
    )  # fmt: skip


def _parts(value: object) -> tuple[Verdict, ...]:
    from .errors import InvalidArgumentTypeError

    parts: tuple[Verdict, ...] = tuple(value)  # type: ignore[arg-type]
    for part in parts:
        if not isinstance(part, Verdict):
            raise InvalidArgumentTypeError(f"Verdict(parts) must hold Verdicts, got {part!r}")
    return parts


def _policy(value: object) -> Policy | None:
    from .errors import InvalidArgumentTypeError
    from .policy import Policy

    if value is not None and not isinstance(value, Policy):
        raise InvalidArgumentTypeError(f"Verdict(policy) must be a Policy or None, got {value!r}")
    return value


def _context(value: object) -> Context | None:
    from .errors import InvalidArgumentTypeError

    if value is not None and not isinstance(value, Context):
        raise InvalidArgumentTypeError(
            f"Verdict(context) must be a Context or None, got {value!r}"
        )
    return value


@attrs.frozen
class Verdict:
    """The judgement of one target, as :func:`~resolmetrics.evaluate` makes it.

    ``actual`` is the value judged, exact, in the target's unit (a level
    code for a rated indicator); None when there was no data. ``parts``
    holds the verdicts a combined verdict was built from (one per year or
    per unit); ``context`` says where the verdict stands in time and among
    units, or is None for a plain verdict.

    Building a Verdict yourself (to restore a stored one) checks the types
    of its fields; it does not re-judge the value: ``evaluate()`` does.
    """

    target: Target = attrs.field(converter=_target)
    status: Status = attrs.field(converter=_status)
    actual: Exact | str | None = attrs.field(converter=_actual)
    parts: tuple[Verdict, ...] = attrs.field(default=(), converter=_parts)
    policy: Policy | None = attrs.field(default=None, repr=False, converter=_policy)
    context: Context | None = attrs.field(default=None, converter=_context)

    @property
    def basis(self) -> Target:
        """The target the value was judged against (the target itself unless combined)."""
        context = self.context
        if context is None or context.basis is None:
            return self.target
        return context.basis

    @property
    def period(self) -> int | None:
        """The year this verdict is about, for a part verdict."""
        return None if self.context is None else self.context.period

    @property
    def entity(self) -> str | None:
        """The unit of observation this verdict is about, for a part verdict."""
        return None if self.context is None else self.context.entity

    @property
    def missing(self) -> tuple[int | str, ...]:
        """The due years or units with no data (why a verdict is NO_DATA)."""
        return () if self.context is None else self.context.missing

    @property
    def progress(self) -> Progress | None:
        """The progress assessment of a target not yet due, if its baseline allows one."""
        return None if self.context is None else self.context.progress

    @property
    def tally(self) -> tuple[int, int] | None:
        """(parts met, parts) for a verdict over units or years: "3/9 units met"."""
        if not self.parts:
            return None
        return sum(part.met for part in self.parts), len(self.parts)

    @property
    def met(self) -> bool:
        """True for EXCEEDED and ACHIEVED."""
        return self.status is Status.EXCEEDED or self.status is Status.ACHIEVED

    @property
    def unit(self) -> str | None:
        """The unit of ``actual`` and ``margin``: the target's (or its basis's) unit."""
        return self.basis.unit

    @property
    def key(self) -> str:
        """The key of the indicator judged."""
        return self.target.indicator.key

    @property
    def margin(self) -> Exact | None:
        """Signed distance from the target, positive on the better side.

        In the target's unit (percentage points for a percent indicator), or
        in rating steps for a rated indicator. None without data. For
        ``exactly`` and an on-target range, a miss on either side is negative.
        """
        measured = self._measure()
        return None if measured is None else measured[0]

    @property
    def bound(self) -> Exact | str | None:
        """The bound the margin is measured from (a level code for a rated indicator)."""
        measured = self._measure()
        if measured is None:
            return None
        scale = self.basis.indicator.scale
        if scale is not None:
            return scale.levels[int(measured[1])].code
        return measured[1]

    @property
    def relative_margin(self) -> Exact | None:
        """``margin / |bound|``: the margin as a share of the bound it is measured from.

        This is what reports quote for counts and amounts ("vượt 3,75%").
        None for a rated indicator, without data, or when the bound is zero.
        """
        measured = self._measure()
        if measured is None or self.basis.indicator.scale is not None:
            return None
        margin, reference = measured
        if reference == 0:
            return None
        return div(margin, magnitude(reference))

    @property
    def attainment(self) -> Exact | None:
        """How much of the target is attained: above 1 is always better.

        ``actual / bound`` where higher is better and ``bound / actual`` where
        lower is better, against the bound that makes the target met. None for
        on-target rules and ``exactly`` (where overshooting is a miss too),
        rated indicators, no data, or a bound or value that is not positive.
        """
        target, actual = self.basis, self.actual
        if (
            actual is None
            or isinstance(actual, str)
            or target.sign == 0
            or target.kind is Kind.EXACTLY
        ):
            return None
        bound: Exact = target.lo if target.sign > 0 else target.hi
        if bound <= 0 or actual <= 0:
            return None
        return div(actual, bound) if target.sign > 0 else div(bound, actual)

    def explain(self, lang: str = "en", *, detail: bool = False, points: str | None = None) -> str:
        """The verdict in words, as a review table's verdict column states it.

        >>> import resolmetrics as rm
        >>> share = rm.Indicator("org_good", unit="percent")
        >>> verdict = rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result("93.1"))
        >>> verdict.explain()
        'exceeded by 3.1 percentage points'
        >>> verdict.explain("vi")
        'Vượt 3,1 điểm phần trăm'
        >>> verdict.explain(detail=True)
        'exceeded by 3.1 percentage points: 93.1% against at least 90%'

        ``lang`` is ``"en"`` or ``"vi"``; ``detail=True`` adds the value
        and the target it was judged against; ``points="percent"`` writes a
        margin in percentage points the customary way, "Vượt 3,1%" (see
        :class:`~resolmetrics.Policy`). Numbers are rounded for display
        by the verdict's :class:`~resolmetrics.Policy`, never so far that a
        miss looks like the bound.
        """
        from .render import explain

        return explain(self, lang, detail=detail, points=points)

    def _repr_html_(self) -> str:
        """The verdict as a one-row HTML table, for Jupyter (English)."""
        from .render import verdict_html

        return verdict_html(self, "en")

    def _repr_markdown_(self) -> str:
        """The verdict as a one-row Markdown table, for Jupyter (English)."""
        from .render import verdict_markdown

        return verdict_markdown(self, "en")

    def _measure(self) -> tuple[Exact, Exact] | None:
        """(margin, the bound it is measured from), in ranks for a rated indicator."""
        target, actual = self.basis, self.actual
        if actual is None:
            return None
        value: Exact
        lo: Exact
        hi: Exact
        scale = target.indicator.scale
        if scale is not None:
            value = Decimal(scale.rank(str(actual)))
            lo, hi = Decimal(target.lo), Decimal(target.hi)
        else:
            assert not isinstance(actual, str)
            value, lo, hi = actual, target.lo, target.hi
        sign = target.sign
        if target.kind is Kind.BETWEEN:
            if sign > 0:
                reference = hi if value > hi else lo
                return sub(value, reference), reference
            if sign < 0:
                reference = lo if value < lo else hi
                return sub(reference, value), reference
            if value < lo:
                return sub(value, lo), lo
            if value > hi:
                return sub(hi, value), hi
            below, above = sub(value, lo), sub(hi, value)
            return (below, lo) if below <= above else (above, hi)
        if target.kind is Kind.EXACTLY:  # a point: any difference is a miss
            return sub(_ZERO, magnitude(sub(value, lo))), lo
        return (sub(value, lo) if sign > 0 else sub(lo, value)), lo


_ZERO = Decimal(0)


_new = object.__new__
_set = object.__setattr__


def make_verdict(
    target: Target,
    status: Status,
    actual: Exact | str | None,
    parts: tuple[Verdict, ...] = (),
    policy: Policy | None = None,
    context: Context | None = None,
) -> Verdict:
    """A Verdict from fields the engine has already checked: no conversion, no validation."""
    verdict = _new(Verdict)
    _set(verdict, "target", target)
    _set(verdict, "status", status)
    _set(verdict, "actual", actual)
    _set(verdict, "parts", parts)
    _set(verdict, "policy", policy)
    _set(verdict, "context", context)
    return verdict
