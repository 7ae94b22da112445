"""The columnar engine on Dask DataFrames: data that outgrows one machine.

Each function builds a lazy Dask DataFrame of verdicts, with the same
verdicts as the in-memory engine:

- a target judged on one value, without groups: each partition is judged
  alone, row by row (``map_partitions``);
- verdicts by groups (``by``), and per-unit reviews: the rows are shuffled
  so that all the rows of a group land in one partition, and each partition
  is judged alone;
- a population target over all the rows (``across`` without ``by``): the
  rows are shuffled by unit, each partition judges its units and reduces
  them to counts and its weakest (or strongest) unit, and one last step
  combines those partial results exactly (counts add up; the weakest unit
  of all is the weakest of the partitions' weakest, compared on exact
  margins).

Figures are written as text: a finite decimal exactly (``"93.1"``), so
that it crosses process and machine boundaries unrounded; a fraction that is
no finite decimal (``41/71``) rounded to ``places`` decimals, as
:meth:`Review.to_arrow` writes it. Margins are compared exactly even so: a
partition's weakest unit carries its exact margin to the last step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import numpy as np

from resolmetrics.errors import InvalidArgumentError, InvalidArgumentTypeError, require
from resolmetrics.numbers import as_text
from resolmetrics.policy import DEFAULT_POLICY, Policy
from resolmetrics.rules import Across, Quantifier, Quota
from resolmetrics.targets import Target

from ._engine import _dense, combines, not_yet_due
from ._output import STATUSES, Verdicts

__all__ = ["evaluate", "review"]

from ._review import FIGURES as _FIGURES


def _dd() -> Any:
    return require("dask.dataframe", "dask", "resolmetrics.batch.dask")


def _check_frame(frame: object, caller: str) -> None:
    dd = _dd()
    if not isinstance(frame, dd.DataFrame):
        raise InvalidArgumentTypeError(
            f"{caller}(frame) must be a Dask DataFrame such as dd.read_parquet('results/'), got "
            f"{type(frame).__name__}; batch.evaluate and batch.review take data in memory"
        )


def _names(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _text_frame(verdicts: Verdicts, places: int) -> Any:
    """The verdicts as a pandas DataFrame of text: keys, status, exact figures, unit."""
    import pandas as pd

    from ._review import figure_texts

    pa = require("pyarrow", "batch", "resolmetrics.batch.dask")
    data: dict[str, Any] = dict(verdicts.keys)
    data["status"] = [s.value for s in map(STATUSES.__getitem__, verdicts.codes.tolist())]
    for name, texts in figure_texts(pa, verdicts, places).items():
        data[name] = texts.to_pylist()
    data["unit"] = verdicts.actual.unit
    tally = verdicts.tally
    if tally is not None:
        data["met"], data["parts"] = tally
    return pd.DataFrame(data)


def _meta(keys: Sequence[str], frame: Any, tally: bool) -> Any:
    import pandas as pd

    columns: dict[str, Any] = {name: frame[name].dtype for name in keys}
    for name in ("status", *_FIGURES, "unit"):
        columns[name] = object
    if tally:
        columns["met"] = np.int64
        columns["parts"] = np.int64
    return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in columns.items()})


def evaluate(
    target: Target,
    frame: Any,
    *,
    by: str | Sequence[str] | None = None,
    value: str = "value",
    period: str | None = "period",
    entity: str | None = "entity",
    unit: str | None = "unit",
    as_of: date | None = None,
    policy: Policy | None = None,
    nan: str = "error",
    places: int = 12,
) -> Any:
    """Judge *target* on the Dask DataFrame *frame*: a lazy Dask DataFrame of verdicts.

    The arguments are those of :func:`resolmetrics.batch.evaluate` (the
    *period*, *entity* and *unit* columns are used when the frame has
    them). One row per row of *frame* for a target on one value without
    *by*; one row per group with *by*; one row in all for a population
    target (``across``, a quota) without *by*. See the module docstring for
    how the partitions are combined.
    """
    from . import evaluate as evaluate_columns

    _check_frame(frame, "batch.dask.evaluate")
    keys = _names(by)
    options = {
        "value": value,
        "period": _present(frame, period),
        # by="entity": the entities are the groups, not units within them (as in memory)
        "entity": None if entity in keys else _present(frame, entity),
        "unit": _present(frame, unit),
        "as_of": as_of,
        "policy": policy,
        "nan": nan,
    }
    has_tally = combines(target)
    if not keys and not combines(target):

        def rows(part: Any) -> Any:
            verdicts = evaluate_columns(target, part, **options)  # type: ignore[arg-type]
            out = _text_frame(verdicts, places)
            out.index = part.index
            return out

        return frame.map_partitions(rows, meta=_meta([], frame, False))
    if keys:

        def groups(part: Any) -> Any:
            verdicts = evaluate_columns(target, part, by=keys, **options)  # type: ignore[arg-type]
            return _text_frame(verdicts, places)

        shuffled = frame.shuffle(on=keys)
        return shuffled.map_partitions(groups, meta=_meta(keys, frame, has_tally))
    if target.across is not None or isinstance(target.rule, Quota):
        return _population(target, frame, options, places)
    # one series of years over every row: few rows, judged in one partition

    def whole(part: Any) -> Any:
        return _text_frame(evaluate_columns(target, part, **options), places)  # type: ignore[arg-type]

    return frame.repartition(npartitions=1).map_partitions(whole, meta=_meta([], frame, True))


def _present(frame: Any, name: str | None) -> str | None:
    return name if name is not None and name in frame.columns else None


# --------------------------------------------------------------------------- populations

_PARTIAL = (
    "present", "in_progress", "missing", "judged", "met", "units", "at_level", "in_group",
    "pick_code", "pick_entity", "pick_exact", *(f"pick_{name}" for name in _FIGURES),
    "pick_unit",
)  # fmt: skip


def _population(target: Target, frame: Any, options: dict[str, Any], places: int) -> Any:
    """A population verdict over every partition: units judged where they are, then combined."""
    import pandas as pd

    entity = options["entity"]
    if entity is None:
        raise InvalidArgumentError(
            f"batch.dask.evaluate: indicator {target.key!r} is judged across units, but the "
            "frame has no entity column; name it with entity='...'"
        )
    as_of = options["as_of"]
    policy: Policy = options["policy"] or DEFAULT_POLICY
    waiting = not_yet_due(target, as_of)
    units_target = target
    if not isinstance(target.rule, Quota):
        # each unit alone: the rule judged on one unit (an "all" of one), its due date lifted
        # while it is not yet due (which changes no unit's verdict: see the how-to)
        units_target = attrs.evolve(target, across=Across(Quantifier.ALL),
                                    due=None if waiting else target.due)  # fmt: skip
    worst = target.across is None or target.across.quantifier is not Quantifier.ANY

    def partial(part: Any) -> Any:
        if len(part) == 0:
            return pd.DataFrame({name: [] for name in _PARTIAL})
        if isinstance(target.rule, Quota):
            return _quota_partial(target, part, options, waiting)
        from . import evaluate as evaluate_columns

        verdicts = evaluate_columns(units_target, part, by=entity, **options)
        return _units_partial(verdicts, entity, worst, places)

    partials = frame.shuffle(on=entity).map_partitions(partial, meta=_partial_meta())
    final = _meta([], frame, True)
    return partials.repartition(npartitions=1).map_partitions(
        lambda rows: _combine(target, rows, policy, waiting, places), meta=final
    )


def _partial_meta() -> Any:
    import pandas as pd

    kinds: dict[str, Any] = dict.fromkeys(_PARTIAL[:8], np.int64)
    kinds["present"] = bool
    kinds["in_progress"] = bool
    return pd.DataFrame({name: pd.Series(dtype=kinds.get(name, object)) for name in _PARTIAL})


def _units_partial(verdicts: Verdicts, entity: str, worst: bool, places: int) -> Any:
    """One row: a partition's units counted, and its weakest (or strongest) judged unit."""
    import pandas as pd

    codes = verdicts.codes.astype(np.int64)
    judged = np.nonzero(codes <= 2)[0]
    row: dict[str, Any] = {
        "present": len(codes) > 0,
        "in_progress": bool((codes == 3).any()),
        "missing": int((codes == 4).sum()),
        "judged": len(judged),
        "met": int((codes <= 1).sum()),
        "units": len(codes),
        "at_level": 0,
        "in_group": 0,
    }
    texts = _text_frame(verdicts, places)
    pick = None
    if len(judged):
        standing = 2 - codes[judged]
        margin = _dense(verdicts.margin._q.take(judged))
        names = np.asarray(verdicts.keys[entity])[judged].astype(str)
        name_rank = np.unique(names, return_inverse=True)[1]
        if not worst:
            standing, margin = -standing, -margin
        pick = int(judged[np.lexsort((name_rank, margin, standing))[0]])
    row["pick_code"] = -1 if pick is None else int(codes[pick])
    row["pick_entity"] = None if pick is None else str(verdicts.keys[entity][pick])
    # exactly ("-1/3"), so that the partitions' picks compare as the units themselves do
    row["pick_exact"] = None if pick is None else as_text(verdicts.margin[pick])  # type: ignore[arg-type]
    for name in _FIGURES:
        row[f"pick_{name}"] = None if pick is None else texts[name][pick]
    row["pick_unit"] = texts["unit"][0] if len(texts) else None
    return pd.DataFrame({name: [row[name]] for name in _PARTIAL})


def _quota_partial(target: Target, part: Any, options: dict[str, Any], waiting: bool) -> Any:
    """One row: a partition's units at the quota's level, and in the group it is a share of."""
    import pandas as pd

    from . import evaluate as evaluate_columns

    assert target.quota_targets is not None
    level, of = target.quota_targets
    entity = options["entity"]
    unit_options = dict(options, entity=None)
    # the latest result of each unit, judged against the level and the group's rule
    level_codes = evaluate_columns(_dated(level, target, waiting), part, by=entity,
                                   **unit_options).codes  # fmt: skip
    counted = level_codes != 4
    row = dict.fromkeys(_PARTIAL)
    row.update(present=bool(counted.any()), in_progress=False, missing=0,
               judged=int(counted.sum()), met=0, units=len(level_codes),
               at_level=int((level_codes <= 1).sum()))  # fmt: skip
    if of is None:
        row["in_group"] = row["judged"]
    else:
        of_codes = evaluate_columns(_dated(of, target, waiting), part, by=entity,
                                    **unit_options).codes  # fmt: skip
        row["in_group"] = int((of_codes <= 1).sum())
    row["pick_code"] = -1
    return pd.DataFrame({name: [row[name]] for name in _PARTIAL})


def _dated(rule_target: Target, quota: Target, waiting: bool) -> Target:
    """A quota's level (or group) target with the quota's due date, so that the latest
    result of a unit is picked up to the same year (lifted while not yet due, as above)."""
    return attrs.evolve(rule_target, due=None if waiting else quota.due)


def _combine(target: Target, rows: Any, policy: Policy, waiting: bool, places: int) -> Any:
    """The population verdict from the partitions' partial results, exactly."""
    import pandas as pd

    from resolmetrics._combine import _units_target, judge_quota, population_basis
    from resolmetrics.evaluate import judge_value
    from resolmetrics.rules import at_most
    from resolmetrics.verdicts import Context, Status, make_verdict

    rows = rows[rows["present"].astype(bool)]
    judged, missing = int(rows["judged"].sum()), int(rows["missing"].sum())
    units = int(rows["units"].sum())
    met = int(rows["met"].sum())
    out: dict[str, Any] = dict.fromkeys(("status", *_FIGURES, "unit"))
    tally = (met, units)
    if isinstance(target.rule, Quota):
        at_level, in_group = int(rows["at_level"].sum()), int(rows["in_group"].sum())
        tally = (at_level, judged)
        if judged == 0:
            status = Status.NO_DATA
        else:
            cap = target.rule.cap(in_group)
            basis = _units_target(target, None, at_most(cap))
            count = Decimal(at_level)
            status = judge_quota(basis, count, policy)
            verdict = make_verdict(target, status, count, (), policy, Context(basis=basis))
            _figures_of(out, verdict, places)
    else:
        across = target.across
        assert across is not None
        quantifier = across.quantifier
        no_data = (missing > 0 and policy.missing == "no_data") or judged == 0
        in_progress = bool(rows["in_progress"].any())
        if policy.missing == "skip" and not no_data and not in_progress:
            tally = (met, judged)
        if rows.empty:
            status = Status.NO_DATA
            tally = (0, 0)
        elif in_progress:
            status = Status.IN_PROGRESS
        elif no_data:
            status = Status.NO_DATA
        elif quantifier in (Quantifier.ALL, Quantifier.ANY):
            picks = rows[rows["pick_code"] >= 0]
            pick = _best_pick(picks, worst=quantifier is Quantifier.ALL)
            if quantifier is Quantifier.ALL:
                status = STATUSES[int(picks["pick_code"].max())]
            else:
                status = STATUSES[int(picks["pick_code"].min())]
            for name in _FIGURES:
                out[name] = pick[f"pick_{name}"]
            out["unit"] = pick["pick_unit"]
        else:
            basis = population_basis(target)
            if quantifier is Quantifier.COUNT:
                actual = Fraction(met)
            else:
                actual = Fraction(100 * met, judged)
            from resolmetrics.numbers import normal

            status = judge_value(basis, normal(actual), policy)
            verdict = make_verdict(target, status, normal(actual), (), policy,
                                   Context(basis=basis))  # fmt: skip
            _figures_of(out, verdict, places)
    if waiting:  # not yet due: in progress, whatever it holds so far
        status = Status.IN_PROGRESS
    out["status"] = status.value
    out["met"], out["parts"] = tally
    return pd.DataFrame({name: [out[name]] for name in ("status", *_FIGURES, "unit",
                                                        "met", "parts")})  # fmt: skip


def _figures_of(out: dict[str, Any], verdict: Any, places: int) -> None:
    """A verdict's figures as text, as _text_frame writes them (a fraction that is no finite
    decimal rounded to *places* decimals)."""
    from resolmetrics.numbers import round_display

    for name in _FIGURES:
        value = getattr(verdict, name)
        if value is not None and not isinstance(value, Decimal):
            value = round_display(value, places)
        out[name] = None if value is None else as_text(value)
    out["unit"] = verdict.unit


def _best_pick(picks: Any, *, worst: bool) -> Any:
    """The weakest (or strongest) of the partitions' picks: status, exact margin, then name."""

    def key(row: Any) -> tuple[int, Fraction, str]:
        standing = 2 - int(row["pick_code"])
        margin = Fraction(str(row["pick_exact"]))
        if not worst:
            return (-standing, -margin, str(row["pick_entity"]))
        return (standing, margin, str(row["pick_entity"]))

    return min((row for _, row in picks.iterrows()), key=key)


# --------------------------------------------------------------------------- reviews


def review(
    resolution: Any,
    frame: Any,
    *,
    by: str | Sequence[str] = "entity",
    indicator: str = "indicator",
    value: str = "value",
    period: str | None = "period",
    entity: str | None = "entity",
    unit: str | None = "unit",
    as_of: date | None = None,
    policy: Policy | None = None,
    nan: str = "error",
    places: int = 12,
) -> Any:
    """Review *resolution* for each unit of the Dask DataFrame *frame*: a lazy Dask DataFrame
    of every verdict, one row per (unit, target), as :meth:`Review.to_arrow` gives them.

    The rows are shuffled on *by*, so that each unit's rows are in one
    partition, and each partition is reviewed with
    :func:`resolmetrics.batch.review`.
    """
    import pandas as pd

    from . import review as review_columns

    _check_frame(frame, "batch.dask.review")
    keys = _names(by)
    options = {
        "by": keys,
        "indicator": indicator,
        "value": value,
        "period": period,
        "entity": entity,
        "unit": unit,
        "as_of": as_of,
        "policy": policy,
        "nan": nan,
    }
    names = (*keys, "number", "key", "status", *_FIGURES, "unit", "met", "parts")
    kinds = {name: frame[name].dtype for name in keys} | {"met": "Int64", "parts": "Int64"}
    meta = pd.DataFrame({name: pd.Series(dtype=kinds.get(name, object)) for name in names})

    def reviewed(part: Any) -> Any:
        if len(part) == 0:
            return meta.iloc[:0]
        done = review_columns(resolution, part, **options)  # type: ignore[arg-type]
        table = done.to_arrow(places=places)
        out = table.to_pandas()
        out["status"] = out["status"].astype(str)
        out["met"] = out["met"].astype("Int64")
        out["parts"] = out["parts"].astype("Int64")
        return out[list(names)]

    return frame.shuffle(on=keys).map_partitions(reviewed, meta=meta)
