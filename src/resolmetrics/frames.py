"""Reports as pandas DataFrames: one row per component target.

pandas is an optional dependency (``pip install 'resolmetrics[pandas]'``),
imported only when a DataFrame is made.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .errors import InvalidArgumentTypeError, require
from .numbers import check_lang
from .render import VERDICT_FIGURES
from .verdicts import Status

if TYPE_CHECKING:
    import pandas

    from .resolution import Report

__all__ = ["COLUMNS", "FIGURES", "report_dataframe"]

COLUMNS = ("number", "label", "key", "status", "met", *VERDICT_FIGURES, "explanation")
"""The columns of :func:`report_dataframe`, in order."""

FIGURES = ("actual", "bound", "margin", "relative_margin", "attainment")
"""The numeric columns: exact objects, or floats with ``exact=False``."""


def report_dataframe(report: Report, *, lang: str = "en", exact: bool = True) -> pandas.DataFrame:
    """One row per component target of *report*, as a pandas DataFrame.

    Group rows of the review table are left out: each row is a component,
    numbered as the table numbers it (``"1a"``, ``"2"`` …). The columns
    are :data:`COLUMNS`:

    - ``number``, ``label`` (the target's label, or its indicator's name),
      ``key`` (the indicator's key);
    - ``status``: a categorical of the :class:`~resolmetrics.Status` values
      (``"exceeded"``, ``"achieved"``, ``"not_achieved"``, ``"in_progress"``,
      ``"no_data"``, in that order, so sorting by it sorts by status);
    - ``met``: True for exceeded and achieved;
    - ``actual``, ``unit``, ``bound``, ``margin``, ``relative_margin``,
      ``attainment``: the verdict's figures (see :class:`~resolmetrics.Verdict`);
    - ``explanation``: the verdict in words, in *lang*.

    With ``exact=True`` (the default) the figures are the exact ``Decimal``
    and ``Fraction`` objects (``object`` dtype), None where a verdict has
    none, and level codes such as ``"HTTNV"`` for a rated indicator's actual
    and bound. With ``exact=False`` they are ``float64``, NaN for None and for
    level codes (a rated indicator's margin, in rating steps, stays), ready
    for sorting, arithmetic and plotting; the floats are rounded, so judge
    on the exact ones.
    """
    return _dataframe(report, lang=lang, exact=exact, caller="report_dataframe()")


def _dataframe(report: object, *, lang: str, exact: object, caller: str) -> pandas.DataFrame:
    """:func:`report_dataframe`, with *caller* named in a missing-pandas error."""
    from .render import _report, verdict_figures

    checked = _report(report, "report_dataframe")
    check_lang(lang)
    if not isinstance(exact, bool):
        raise InvalidArgumentTypeError(
            f"{caller}: exact must be True (exact Decimal and Fraction figures) or False "
            f"(floats), got {exact!r}"
        )
    require("pandas", "pandas", caller)
    import pandas as pd

    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for row in checked.rows:
        for number, verdict in zip(row.numbers, row.verdicts, strict=True):
            target = verdict.target
            columns["number"].append(number)
            columns["label"].append(target.label or target.indicator.title)
            columns["key"].append(verdict.key)
            columns["status"].append(verdict.status.value)
            columns["met"].append(verdict.met)
            for name, value in zip(VERDICT_FIGURES, verdict_figures(verdict), strict=True):
                columns[name].append(value)
            columns["explanation"].append(verdict.explain(lang))
    data: dict[str, Any] = dict(columns)
    data["status"] = pd.Categorical(columns["status"], categories=[s.value for s in Status])
    data["met"] = pd.Series(columns["met"], dtype=bool)
    data["unit"] = pd.Series(columns["unit"], dtype=object)
    for name in FIGURES:
        values = columns[name]
        if exact:
            data[name] = pd.Series(values, dtype=object)
        else:
            data[name] = pd.Series([_float(value) for value in values], dtype="float64")
    return pd.DataFrame(data, columns=list(COLUMNS))


def _float(value: object) -> float:
    if isinstance(value, Decimal | Fraction):
        return float(value)
    return float("nan")
