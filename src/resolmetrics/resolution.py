"""A whole resolution: its targets, grouped as the rows of its review table, and its report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .errors import (
    InvalidResultError,
    InvalidResultTypeError,
    InvalidTargetTypeError,
    ResolmetricsWarning,
)
from .results import Result
from .targets import Target, _term
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    import os
    from pathlib import Path
    from typing import IO

    import pandas
    from matplotlib.figure import Figure

    from .audit import Audit, Published
    from .policy import Policy

__all__ = ["Group", "Report", "Resolution", "Row"]


def _targets(values: object, argument: str, *, groups: bool) -> tuple[Target | Group, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidTargetTypeError(
            f"{argument} must be a list of Targets{' and Groups' if groups else ''}, "
            f"got {values!r}"
        )
    items = tuple(values)
    allowed = (Target, Group) if groups else (Target,)
    for item in items:
        if not isinstance(item, allowed):
            kinds = "a Target or a Group" if groups else "a Target"
            raise InvalidTargetTypeError(f"{argument} holds {item!r}, which is not {kinds}")
    return items


def _group_targets(values: object) -> tuple[Target, ...]:
    return _targets(values, "Group(targets)", groups=False)  # type: ignore[return-value]


def _resolution_targets(values: object) -> tuple[Target | Group, ...]:
    return _targets(values, "Resolution(targets)", groups=True)


@attrs.frozen
class Group:
    """One row of a review table that holds several component targets.

    ``Group("3", [t3a, t3b])``: the summary counts the components, not the row.
    """

    label: str
    targets: tuple[Target, ...] = attrs.field(converter=_group_targets)


@attrs.frozen
class Row:
    """A row of a report: its number in the table, its label, and its verdicts."""

    number: str
    label: str
    verdicts: tuple[Verdict, ...]
    group: bool = False
    """True for a :class:`Group`'s row: its label heads its components."""

    @property
    def numbers(self) -> tuple[str, ...]:
        """The number of each verdict in the review table: ``("2",)`` for a plain row,
        ``("3a", "3b")`` for a group numbered 3 (… ``3z``, ``3aa``, ``3ab`` past 26)."""
        if not self.group:
            return (self.number,)
        return tuple(self.number + _letters(place) for place in range(len(self.verdicts)))


def _letters(place: int) -> str:
    """a, b, …, z, aa, ab, …: the letter of a group's component (0 is a)."""
    letters = ""
    place += 1
    while place:
        place, rest = divmod(place - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


@attrs.frozen
class Resolution:
    """A resolution: a name, its targets (and groups of them), and its term.

    ``term`` (first year, last year, both included) supplies the years of
    every yearly target that names none.
    """

    name: str
    targets: tuple[Target | Group, ...] = attrs.field(converter=_resolution_targets)
    term: tuple[int, int] | None = attrs.field(default=None, kw_only=True, converter=_term)

    _rows: tuple[tuple[str, str, bool, tuple[Target, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    """(number, label, is a group, its targets with the term filled in), built once."""

    def __attrs_post_init__(self) -> None:
        # a target that does not fit the term fails here, not at evaluation
        rows = []
        for number, item in enumerate(self.targets, start=1):
            if isinstance(item, Group):
                termed = tuple(map(self._termed, item.targets))
                rows.append((str(number), item.label, True, termed))
            else:
                rows.append((str(number), item.label, False, (self._termed(item),)))
        object.__setattr__(self, "_rows", tuple(rows))

    @property
    def components(self) -> tuple[Target, ...]:
        """Every component target, in order, with the resolution's term filled in."""
        return tuple(target for row in self._rows for target in row[3])

    @property
    def keys(self) -> frozenset[str]:
        """The keys of the indicators the resolution's targets are on."""
        return frozenset(target.key for target in self.components)

    def _termed(self, target: Target) -> Target:
        if self.term is None or target.term is not None or target.per is None:
            return target
        return attrs.evolve(target, term=self.term)

    def evaluate(
        self,
        results: Mapping[str, Result | Iterable[Result]],
        *,
        as_of: date | None = None,
        policy: Policy | None = None,
    ) -> Report:
        """Judge every component on the results filed under its indicator's key.

        A key with no results gives NO_DATA for its targets; a key that no
        target uses is an error (it is usually a misspelt key).
        """
        from ._checks import review_warnings
        from .evaluate import evaluate

        if not isinstance(results, Mapping):
            raise InvalidResultTypeError(
                f"Resolution.evaluate(results) must map indicator keys to results, such as "
                f"{{'org_good': [Result(93.1)]}}, got {results!r}"
            )
        unknown = sorted(set(results) - self.keys)
        if unknown:
            import difflib

            hints = []
            for key in unknown:
                near = difflib.get_close_matches(str(key), sorted(self.keys), n=1)
                hints.append(f"{key!r} (did you mean {near[0]!r}?)" if near else repr(key))
            raise InvalidResultError(
                f"Resolution.evaluate(results) has results for {', '.join(hints)}, which no "
                f"target of {self.name!r} is on; the keys are: {', '.join(sorted(self.keys))}"
            )
        rows = tuple(
            Row(
                number,
                label,
                tuple(
                    evaluate(t, results.get(t.key), as_of=as_of, policy=policy) for t in targets
                ),
                group,
            )
            for number, label, group, targets in self._rows
        )
        report = Report(self, rows, as_of)
        found = review_warnings(self.components, results, as_of)
        if found:
            import warnings

            object.__setattr__(report, "_warnings", found)
            for warning in found:
                warnings.warn(warning, stacklevel=2)
        return report


@attrs.frozen
class Report:
    """The review of a resolution: one verdict per component target, in rows."""

    resolution: Resolution
    rows: tuple[Row, ...]
    as_of: date | None = None
    _warnings: tuple[ResolmetricsWarning, ...] = attrs.field(
        init=False, default=(), eq=False, repr=False
    )

    @property
    def warnings(self) -> tuple[ResolmetricsWarning, ...]:
        """What the review noticed in its input, as warnings (see the page *Warnings*).

        :class:`UnusedResultWarning` for results left out for their year,
        :class:`PercentScaleWarning` for shares of 1 given for percentages.
        They describe the results the review was made from: they are not
        part of the report's value (equality, JSON), and a report read back
        from JSON has none.
        """
        return self._warnings

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """One verdict per component target, in order."""
        return tuple(verdict for row in self.rows for verdict in row.verdicts)

    @property
    def counts(self) -> Mapping[Status, int]:
        """How many components have each status (every status present, zeros included)."""
        counts = dict.fromkeys(Status, 0)
        for verdict in self.verdicts:
            counts[verdict.status] += 1
        return MappingProxyType(counts)

    def summary(self, lang: str = "en") -> str:
        """The review's conclusion in one sentence: "Met 9 of 12 targets (...)"."""
        from .render import summary

        return summary(self.verdicts, lang)

    def table(self, lang: str = "en", *, tablefmt: str = "simple_grid") -> str:
        """The review table (no., target, result, verdict) through tabulate."""
        from .render import report_table

        return report_table(self, lang, tablefmt=tablefmt)

    def to_csv(self, lang: str = "en", *, exact: bool = False) -> str:
        """The review table as CSV, with the figures as spreadsheets read them (and exactly,
        in extra columns, with *exact*).

        See :func:`resolmetrics.render.report_csv` for the columns.
        """
        from .render import report_csv

        return report_csv(self, lang, exact=exact)

    def to_xlsx(self, path: str | os.PathLike[str] | IO[bytes], lang: str = "en") -> Path | None:
        """Write the review as an Excel workbook (needs openpyxl: the ``xlsx`` extra).

        The review table with status colours and numbers as numbers, the
        summary row, and a sheet of exact figures; returns the path written
        (None for a file object). See :func:`resolmetrics.office.report_xlsx`.
        """
        from .office import _xlsx

        return _xlsx(self, path, lang, "Report.to_xlsx()")

    def to_docx(self, path: str | os.PathLike[str] | IO[bytes], lang: str = "en") -> Path | None:
        """Write the review as the appendix of a published review, a Word document (needs
        python-docx: the ``docx`` extra).

        Returns the path written (None for a file object). See
        :func:`resolmetrics.office.report_docx`.
        """
        from .office import _docx

        return _docx(self, path, lang, "Report.to_docx()")

    def to_html(self, lang: str = "en") -> str:
        """The review table as HTML (verdicts coloured by status) and the summary."""
        from .render import report_html

        return report_html(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        """The review table as Markdown and the summary."""
        from .render import report_markdown

        return report_markdown(self, lang)

    def _repr_html_(self) -> str:
        """The review table as HTML, for Jupyter (English; ``to_html("vi")`` for Vietnamese)."""
        return self.to_html()

    def _repr_markdown_(self) -> str:
        """The review table as Markdown, for Jupyter (English)."""
        return self.to_markdown()

    def to_dataframe(self, *, lang: str = "en", exact: bool = True) -> pandas.DataFrame:
        """One row per component target, in a pandas DataFrame (needs pandas).

        See :func:`resolmetrics.frames.report_dataframe`.
        """
        from .frames import _dataframe

        return _dataframe(self, lang=lang, exact=exact, caller="Report.to_dataframe()")

    def plot(self, lang: str = "en", **options: Any) -> Figure:
        """A bullet chart of the components, as a matplotlib Figure (needs matplotlib).

        See :func:`resolmetrics.plot.report_plot` for the options.
        """
        from .plot import _plot

        return _plot(self, lang, caller="Report.plot()", **options)

    def audit(
        self,
        published: Published | Mapping[str, str] | str | os.PathLike[str],
        *,
        lang: str | None = None,
    ) -> Audit:
        """Compare a published review table with this report's verdicts, row by row.

        *published* is a :class:`~resolmetrics.Published` table, a mapping of
        row numbers to published verdict texts, or the path of its CSV file;
        see :func:`resolmetrics.audit.audit`.
        """
        from .audit import audit

        return audit(self, published, lang=lang)

    def __str__(self) -> str:
        return f"{self.resolution.name}\n{self.table()}\n{self.summary()}"
