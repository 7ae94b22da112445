"""Every public value pickles, with every protocol, and deep-copies, to an equal value.

"Equal" is checked three ways: ``==``, the same ``repr``, and every attrs field (those left
out of ``==``, such as a target's derived bounds, too). An exception is equal when its type,
its message, its ``args`` and its attributes are. A fresh interpreter loads what this one
pickled, units defined with ``define_unit()`` included.
"""

from __future__ import annotations

import copy
import functools
import inspect
import pickle
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import resolmetrics as rm
from resolmetrics import errors as rm_errors
from resolmetrics import json as rm_json
from resolmetrics import units
from resolmetrics.demo import AS_OF, demo_resolution, demo_results

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

# --- real instances of every public type ---------------------------------------------------

SHARE = rm.Indicator("org_good", name="Base organisations rated good+", unit="percent",
                     limits=(0, 100))  # fmt: skip
RATED = rm.Indicator("committee", name="Committee rating", scale=rm.PARTY_QUALITY)
REVENUE = rm.Indicator("revenue", name="Budget revenue", unit="million VND")
DUE_TARGET = rm.Target(SHARE, rm.at_least(70), due=2025, baseline=rm.Baseline(52, 2020))
YEARLY = rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(100), per="year",
                   combine="total", term=(2021, 2023))  # fmt: skip
QUOTA = rm.Target(RATED, rm.quota(rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"),
                                  rounding="down"))  # fmt: skip


def _report() -> rm.Report:
    return demo_resolution().evaluate(demo_results(), as_of=AS_OF)


def _audit() -> rm.Audit:
    report = _report()
    published = {number: "Đạt" for row in report.rows for number in row.numbers}
    return report.audit(rm.Published(published, summary="Hoàn thành 2/2 chỉ tiêu"))


def _in_progress() -> rm.Verdict:
    """A verdict holding a progress assessment, whose parameters are a read-only mapping."""
    verdict = rm.evaluate(DUE_TARGET, rm.Result(61, period=2022), as_of=date(2023, 6, 30))
    assert verdict.progress is not None
    return verdict


def _yearly() -> rm.Verdict:
    series = [rm.Result(104, period=2021), rm.Result(97, period=2022), rm.Result(110, period=2023)]
    return rm.evaluate(YEARLY, series)


def _across() -> rm.Verdict:
    target = rm.Target(SHARE, rm.at_least(90), across=rm.at_least_count(2))
    units_ = [rm.Result("93.1", entity="union A"), rm.Result(Fraction(41, 71) * 100,
              entity="union B"), rm.Result(95, entity="union C")]  # fmt: skip
    return rm.evaluate(target, units_)


def _file_error() -> rm.FileError:
    return rm.FileError([rm.Problem("results.csv", 3, "value", "expected a number, got 'x'"),
                         rm.Problem("results.csv", None, None, "the file is empty")])  # fmt: skip


def _column_error() -> rm.InvalidColumnError:
    one = rm.InvalidColumnError("column 'value': 1 bad row", "value", (3,), ((3, "not a number"),),
                                "indicator 'org_good'")  # fmt: skip
    two = rm.InvalidColumnTypeError("column 'period': 1 bad row", "period", (4,),
                                    ((4, "a date"),))  # fmt: skip
    return rm.InvalidColumnError("2 columns have problems", "value", (3, 4), errors=(one, two))


def _json_error() -> rm_json.JSONError:
    with pytest.raises(rm_json.JSONError) as raised:
        rm_json.loads('{"resolmetrics": 1}')
    return raised.value


def _parse_error() -> rm.ParseError:
    with pytest.raises(rm.ParseError) as raised:
        rm.parse_number("3,7x", lang="vi")
    return raised.value


# fmt: off
#: (what, a factory of a real instance). A factory, so that one broken constructor fails
#: its own case rather than the whole module.
CASES: list[tuple[str, Callable[[], object]]] = [
    ("indicator", lambda: SHARE),
    ("indicator-rated", lambda: RATED),
    ("indicator-money-spelling", lambda: REVENUE),
    ("indicator-pint-unit", lambda: rm.Indicator("land", unit="km**2", limits=(0, None))),
    ("direction", lambda: rm.Direction.LOWER_IS_BETTER),
    ("level", lambda: rm.Level("HTTNV", "hoàn thành tốt nhiệm vụ", "good")),
    ("ordinal-scale", lambda: rm.OrdinalScale("quality", ["poor", "fair", "good"])),
    ("party-quality", lambda: rm.PARTY_QUALITY),
    ("rule", lambda: rm.between("3", Decimal("5.5"))),
    ("rule-ordinal", lambda: rm.at_least("HTTNV")),
    ("kind", lambda: rm.Kind.BETWEEN),
    ("across", lambda: rm.above_share(Fraction(200, 3))),
    ("quantifier", lambda: rm.Quantifier.SHARE),
    ("quota", lambda: QUOTA.rule),
    ("baseline", lambda: rm.Baseline("4.8", 2020)),
    ("target", lambda: rm.Target(REVENUE, rm.at_least(25_000), unit="tỷ đồng", label="1")),
    ("target-due", lambda: DUE_TARGET),
    ("target-yearly", lambda: YEARLY),
    ("target-quota", lambda: QUOTA),
    ("result", lambda: rm.Result("93.1", period=2021, entity="union A")),
    ("result-ratio", lambda: rm.Result.ratio(41, 71)),
    ("result-unit", lambda: rm.Result(24_800_000_000_000, unit="đồng")),
    ("status", lambda: rm.Status.IN_PROGRESS),
    ("context", lambda: _in_progress().context),
    ("verdict", lambda: rm.evaluate(rm.Target(SHARE, rm.above(95)), rm.Result(98))),
    ("verdict-in-progress", _in_progress),
    ("verdict-yearly", _yearly),
    ("verdict-across", _across),
    ("verdict-rated", lambda: rm.evaluate(rm.Target(RATED, rm.at_least("HTTNV")),
                                          rm.Result("HTXSNV"))),
    ("policy", lambda: rm.Policy(strict_met=rm.Status.EXCEEDED, places=1, progress="open_sdg")),
    ("policy-method", lambda: rm.Policy(progress=rm.OpenSDG(limit=100))),
    ("progress", lambda: _in_progress().progress),
    ("open-sdg", lambda: rm.OpenSDG(limit=100)),
    ("eurostat", lambda: rm.Eurostat(horizon="short")),
    ("unsd", lambda: rm.UNSD(percent=True)),
    ("linear", lambda: rm.LinearProRating()),
    ("group", lambda: rm.Group("3", [YEARLY, DUE_TARGET])),
    ("resolution", demo_resolution),
    ("row", lambda: _report().rows[0]),
    ("report", _report),
    ("target-spec", lambda: rm.parse_target("Trên 95% tổ chức cơ sở đảng", lang="vi")),
    ("published-row", lambda: rm.PublishedRow("1a", "Vượt 2,5%", "Trên 95%", "97,5%", line=4)),
    ("published", lambda: rm.Published({"1a": "Đạt", "1b": "Vượt 2,5%"}, summary="Hoàn thành")),
    ("finding", lambda: _audit().findings[0]),
    ("finding-kind", lambda: rm.FindingKind.AGREES),
    ("audit", _audit),
    ("problem", lambda: rm.Problem("resolution.toml", 14, "target[3].text", "expected a number")),
    ("file-error", _file_error),
    ("error-column", _column_error),
    ("error-column-type", lambda: rm.InvalidColumnTypeError("booleans", "value", (0, 1))),
    ("error-missing-dependency", lambda: rm.MissingDependencyError(
        "Report.to_dataframe() needs pandas: pip install 'resolmetrics[pandas]'", name="pandas")),
    ("error-parse", _parse_error),
    ("error-json", _json_error),
    ("warning-inconsistent", lambda: rm.InconsistentResultWarning("33/52 is not 64%")),
    # every other error and warning, with a message of its own
    *(
        (f"{cls.__name__}", functools.partial(cls, f"{cls.__name__}: a message, 'shown'"))
        for cls in (getattr(rm_errors, name) for name in rm_errors.__all__)
        if cls not in (rm.InvalidColumnError, rm.InvalidColumnTypeError, rm.ParseError,
                       rm.MissingDependencyError, rm.InconsistentResultWarning)
    ),
]
# fmt: on

#: Public types of resolmetrics.batch, which do not pickle (docs/reference/api.md says why);
#: what they give out does: see test_batch_outputs_pickle.
NOT_PICKLED = {
    "Verdicts": "computes its figures from the columnar engine's state when they are read",
    "Review": "holds batch Verdicts",
    "FileReview": "holds a batch Review when the file was reviewed in memory",
    "ExactColumn": "pickles, but has no ==: it is compared by to_list() below",
}


def _public_types() -> dict[str, type]:
    """Every class a public module exports, by name."""
    import importlib

    found: dict[str, type] = {}
    for name in ("resolmetrics", "resolmetrics.text", "resolmetrics.progress",
                 "resolmetrics.audit", "resolmetrics.files", "resolmetrics.errors",
                 "resolmetrics.json", "resolmetrics.batch"):  # fmt: skip
        module = importlib.import_module(name)
        for export in module.__all__:
            value = getattr(module, export)
            if inspect.isclass(value):
                found[export] = value
    return found


def same(a: object, b: object) -> None:
    """Assert that *b* is a faithful copy of *a* (see the module docstring)."""
    assert type(b) is type(a)
    assert repr(b) == repr(a)
    if isinstance(a, BaseException):
        assert isinstance(b, BaseException)
        assert str(b) == str(a)
        _same_items(a.args, b.args)
        if isinstance(a, ImportError):
            assert isinstance(b, ImportError)
            assert (b.name, b.path) == (a.name, a.path)
        mine, theirs = dict(vars(a)), dict(vars(b))
        if "errors" in mine:  # an InvalidColumnError's errors may hold the error itself
            ours, copies = mine.pop("errors"), theirs.pop("errors")
            assert len(copies) == len(ours)
            for one, other in zip(ours, copies, strict=True):
                if one is a:  # itself; tblib (installed by dask) deep-copies it a second time
                    assert other is b or (type(other) is type(b) and other.args == b.args)
                else:
                    same(one, other)
        assert theirs == mine
        return
    assert b == a
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            mine, theirs = getattr(a, field.name), getattr(b, field.name)
            if isinstance(mine, tuple):  # it may hold warnings, which compare by identity
                _same_items(mine, theirs)
            else:
                assert theirs == mine, field.name


def _same_items(a: tuple[object, ...], b: tuple[object, ...]) -> None:
    """Exceptions compare by identity, so the errors an error holds are compared by same()."""
    assert len(b) == len(a)
    for one, other in zip(a, b, strict=True):
        if isinstance(one, BaseException):
            same(one, other)
        elif isinstance(one, tuple):
            assert isinstance(other, tuple)
            _same_items(one, other)
        else:
            assert other == one


@pytest.mark.parametrize(("what", "make"), CASES, ids=[what for what, _ in CASES])
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickles(what: str, make: Callable[[], object], protocol: int) -> None:
    value = make()
    same(value, pickle.loads(pickle.dumps(value, protocol=protocol)))


@pytest.mark.parametrize(("what", "make"), CASES, ids=[what for what, _ in CASES])
def test_deep_copies_and_copies(what: str, make: Callable[[], object]) -> None:
    value = make()
    same(value, copy.deepcopy(value))
    if not isinstance(value, BaseException):  # a shallow copy of an error shares its errors
        same(value, copy.copy(value))


def test_every_public_type_is_in_the_table() -> None:
    """A new public type must be added to CASES (or, with a reason, to NOT_PICKLED)."""
    covered = {type(make()) for _, make in CASES}
    missing = sorted(
        name
        for name, cls in _public_types().items()
        if name not in NOT_PICKLED and not any(issubclass(t, cls) for t in covered)
    )
    assert missing == []
    exact = {cls for name, cls in _public_types().items() if name not in NOT_PICKLED}
    assert sorted(cls.__name__ for cls in exact - covered) == []


def test_every_public_value_of_the_top_level_is_in_the_table() -> None:
    """Values exported by ``resolmetrics`` that are neither classes nor functions."""
    values = [getattr(rm, name) for name in rm.__all__ if not name.startswith("__")]
    plain = [v for v in values if not inspect.isclass(v) and not callable(v)]
    assert plain == [rm.PARTY_QUALITY]


def test_the_reported_case_pickles() -> None:
    """The report of the issue: pickling a report failed on a read-only mapping."""
    report = _report()
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.table() == report.table()
    assert again.summary("vi") == report.summary("vi")
    assert [v.explain("vi", detail=True) for v in again.verdicts] == [
        v.explain("vi", detail=True) for v in report.verdicts
    ]


def test_progress_parameters_stay_read_only() -> None:
    progress = _in_progress().progress
    assert progress is not None
    again = pickle.loads(pickle.dumps(progress))
    assert dict(again.parameters) == dict(progress.parameters)
    with pytest.raises(TypeError):
        again.parameters["base_value"] = 0  # type: ignore[index]
    assert copy.deepcopy(progress).explain("vi") == progress.explain("vi")


def test_unpickled_values_judge_the_same() -> None:
    target = rm.Target(REVENUE, rm.at_least(25_000), unit="tỷ đồng")
    result = rm.Result(24_800_000_000_000, unit="đồng")
    verdict = rm.evaluate(target, result)
    target2, result2 = pickle.loads(pickle.dumps((target, result)))
    assert rm.evaluate(target2, result2) == verdict
    assert rm.evaluate(copy.deepcopy(target), copy.deepcopy(result)) == verdict


def test_batch_verdicts_and_reviews_do_not_pickle() -> None:
    """Documented: send their Arrow tables or a row's Verdict instead."""
    import numpy as np

    from resolmetrics import batch

    verdicts = batch.evaluate(rm.Target(SHARE, rm.at_least(90)), np.array([93.1, 90.0]))
    resolution = rm.Resolution("R", [rm.Target(SHARE, rm.at_least(90))])
    review = batch.review(resolution, {"indicator": ["org_good"] * 2, "entity": ["A", "B"],
                                       "value": [93.1, 90.0]})  # fmt: skip
    for value in (verdicts, review):
        with pytest.raises(TypeError, match="pickle"):
            pickle.dumps(value)


def test_batch_outputs_pickle() -> None:
    import numpy as np

    from resolmetrics import batch

    verdicts = batch.evaluate(rm.Target(SHARE, rm.at_least(90)), np.array([93.1, 90.0, 89.999]))
    table = verdicts.to_arrow()
    assert pickle.loads(pickle.dumps(table)).equals(table)
    row = verdicts.verdict(2)
    same(row, pickle.loads(pickle.dumps(row)))
    margin = pickle.loads(pickle.dumps(verdicts.margin))
    assert margin.to_list() == [Decimal("3.1"), Decimal("0"), Decimal("-0.001")]
    assert repr(margin) == repr(verdicts.margin)


# --- units defined with define_unit(), and a fresh interpreter -----------------------------


def _run(code: str, data: bytes) -> str:
    """Run *code* in a fresh interpreter with *data* on its standard input; its output."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        input=data,
        capture_output=True,
        check=False,
        cwd=Path(__file__).parent,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


_LOAD = """
    import pickle, sys
    import resolmetrics as rm
    from resolmetrics import units
    values = pickle.loads(sys.stdin.buffer.read())
    for value in values:
        print(repr(value))
    print(units.user_definitions())
"""


def test_a_fresh_interpreter_loads_a_report() -> None:
    report = _report()
    verdict = rm.evaluate(rm.Target(REVENUE, rm.at_least(25_000), unit="tỷ đồng"),
                          rm.Result("24800", unit="billion VND"))  # fmt: skip
    values = [report, verdict, _in_progress().progress, _file_error()]
    out = _run(_LOAD, pickle.dumps(values)).splitlines()
    assert out[:-1] == [repr(value) for value in values]
    assert out[-1] == repr(units.user_definitions())  # whatever this process defined


def test_a_fresh_interpreter_judges_units_defined_here() -> None:
    """A pickled indicator carries the process's define_unit() definitions: loading it
    defines them again, so the target and results judge there as here."""
    rm.define_unit("rmpickle_sack = 50 * kilogram")
    rm.define_unit("rmpickle bag = 2 * rmpickle_sack")
    rm.define_unit("rmpickle_crate = [rmpickle_crate] = rmpickle_crates")
    rice = rm.Indicator("rice", name="Rice stock", unit="tonne")
    target = rm.Target(rice, rm.at_least(50), unit="rmpickle bag")  # 5 tonne
    result = rm.Result(120, unit="rmpickle_sack")  # 6 tonne: 60 bags
    crates = rm.Target(rm.Indicator("crates", unit="rmpickle_crate"), rm.at_least(12))
    verdicts = [rm.evaluate(target, result), rm.evaluate(crates, rm.Result(12,
                unit="rmpickle_crates"))]  # fmt: skip
    assert [v.explain(detail=True) for v in verdicts] == [
        "exceeded by 20% (10 rmpickle bag): 60 rmpickle bag against at least 50 rmpickle bag",
        "achieved: 12 rmpickle_crate against at least 12 rmpickle_crate",
    ]
    code = """
        import pickle, sys
        import resolmetrics as rm
        target, result, crates, verdicts = pickle.loads(sys.stdin.buffer.read())
        again = [rm.evaluate(target, result), rm.evaluate(crates, rm.Result(12,
                 unit="rmpickle_crates"))]
        print(again == verdicts)
        for verdict in again:
            print(verdict.explain(detail=True))
    """
    out = _run(code, pickle.dumps((target, result, crates, verdicts))).splitlines()
    assert out == ["True", *(v.explain(detail=True) for v in verdicts)]


def test_loading_a_unit_defined_otherwise_is_an_error() -> None:
    """A process that gave the name another meaning refuses the pickle, rather than judge
    on the wrong size."""
    rm.define_unit("rmpickle_tray = 30 * kilogram")
    data = pickle.dumps(rm.Indicator("eggs", unit="rmpickle_tray"))
    code = """
        import pickle, sys
        import resolmetrics as rm
        rm.define_unit("rmpickle_tray = 10 * kilogram")
        try:
            pickle.loads(sys.stdin.buffer.read())
        except rm.UnitError as error:
            print(error)
    """
    assert _run(code, data).strip() == (
        "define_unit('rmpickle_tray = 30 * kilogram'): the unit 'rmpickle_tray' is already "
        "defined; choose another name"
    )


def test_without_definitions_a_pickle_is_as_attrs_makes_it() -> None:
    """In a process that defined no unit, an indicator's pickle names no definitions."""
    code = """
        import pickle, sys
        import resolmetrics as rm
        data = pickle.dumps(rm.Indicator("k", unit="percent"))
        print(b"_unpickle" in data, pickle.loads(data))
    """
    assert _run(code, b"").strip() == "False Indicator('k', unit='percent')"


def test_a_result_alone_needs_its_unit_defined() -> None:
    """A result carries no definitions (its unit is a name): sent alone to a process that
    has not defined its unit, it loads, and judging it says what to do."""
    rm.define_unit("rmpickle_basket = 5 * kilogram")
    data = pickle.dumps(rm.Result(3, unit="rmpickle_basket"))
    code = """
        import pickle, sys
        import resolmetrics as rm
        result = pickle.loads(sys.stdin.buffer.read())
        print(result)
        target = rm.Target(rm.Indicator("fish", unit="kg"), rm.at_least(10))
        try:
            rm.evaluate(target, result)
        except rm.UnitError as error:
            print(error)
    """
    out = _run(code, data).splitlines()
    assert out[0] == "Result(3, unit='rmpickle_basket')"
    assert out[1].startswith("indicator 'fish': ")
    assert "'rmpickle_basket' is not a known unit" in out[1]
    assert "define it with define_unit()" in out[1]


def test_warnings_pickle_when_issued() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rm.Result.parse("33/52 = 64%", lang="vi", mismatch="warn")
    assert [type(w.message) for w in caught] == [rm.InconsistentResultWarning]
    message = caught[0].message
    same(message, pickle.loads(pickle.dumps(message)))


def test_define_unit_records_the_text_as_given() -> None:
    rm.define_unit("rmpickle   pot = 3 * kilogram")
    assert units.user_definitions()[-1] == "rmpickle   pot = 3 * kilogram"
    units.redefine(units.user_definitions())  # all made: nothing to do
    assert units.user_definitions()[-1] == "rmpickle   pot = 3 * kilogram"
