"""A review says what it left out and what looks like a share written for a percentage.

Results for a year the review cannot count (after the review date, a year
not over yet, outside a yearly target's term, after a due year) used to be
dropped without a word, the verdict falling to "no data" or to an older
year. Results of a percent indicator all between 0 and 1 against a target
of 90% were judged as 0.86% without a word. Each is now an
UnusedResultWarning or PercentScaleWarning: issued through ``warnings``,
held by ``Report.warnings``, written on standard error by the command line.
The verdicts are unchanged.
"""

from __future__ import annotations

import pickle
import warnings
from datetime import date
from pathlib import Path

import pytest

import resolmetrics as rm
from resolmetrics.__main__ import EXIT_OK, main

SHARE = rm.Indicator("org_good", name="Organisations rated good", unit="percent")
MEMBERS = rm.Indicator("admitted", name="Members admitted", unit="member")
POOR = rm.Indicator("poverty", name="Poor households", unit="percent")
GRDP = rm.Indicator("grdp", name="GRDP", unit="tỷ đồng")
MID = date(2023, 6, 30)


def review(
    targets: list[rm.Target], results: dict[str, list[rm.Result]], as_of: date | None = MID
) -> tuple[rm.Report, list[warnings.WarningMessage]]:
    resolution = rm.Resolution("R", targets, term=(2020, 2025))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = resolution.evaluate(results, as_of=as_of)
    return report, caught


def years(key: str, *periods: int, value: object = 120) -> list[rm.Result]:
    return [rm.Result(value, period=year) for year in periods]


# (targets, results, as_of, [(reason, key, years)]) worked out from the engine's rules
UNUSED = [
    pytest.param(
        [rm.Target(SHARE, rm.at_least(90))],
        {"org_good": years("org_good", 2022, 2024, value=93)}, MID,
        [("after_review", "org_good", (2024,))],
        id="one value: a year after the review date",
    ),
    pytest.param(
        [rm.Target(MEMBERS, rm.at_least(100), per="year", combine="each")],
        {"admitted": years("admitted", 2019, 2020, 2021, 2022, 2023, 2024, 2025)}, MID,
        [("after_review", "admitted", (2024, 2025)), ("year_not_over", "admitted", (2023,)),
         ("outside_term", "admitted", (2019,))],
        id="yearly: after, not over, before the term",
    ),
    pytest.param(
        [rm.Target(MEMBERS, rm.at_least(100), per="year", combine="total")],
        {"admitted": years("admitted", 2020, 2021, 2026)}, None,
        [("outside_term", "admitted", (2026,))],
        id="final review: a year after the term",
    ),
    pytest.param(
        [rm.Target(GRDP, rm.at_least(7), per="year", growth="cagr", term=(2021, 2025))],
        {"grdp": years("grdp", 2019, 2020, 2021, 2022)}, MID,
        [("outside_term", "grdp", (2019,))],
        id="growth: the year before the term is the base, the one before is outside",
    ),
    pytest.param(
        [rm.Target(SHARE, rm.at_least(70), due=2025)],
        {"org_good": years("org_good", 2024, 2026, value=75)}, None,
        [("after_due", "org_good", (2026,))],
        id="term target: a year after its due year",
    ),
    pytest.param(
        [rm.Target(SHARE, rm.at_least(90)),
         rm.Target(SHARE, rm.at_least(90), per="year", combine="each", term=(2021, 2022))],
        {"org_good": years("org_good", 2020, 2021, 2022, value=93)}, None,
        [],
        id="a year one target on the indicator uses is not left out",
    ),
    pytest.param(
        [rm.Target(SHARE, rm.at_least(90), across="all")],
        {"org_good": [rm.Result(93, period=2022, entity="A"),
                      rm.Result(95, period=2024, entity="B")]}, MID,
        [("after_review", "org_good", (2024,))],
        id="units: a unit's result after the review date",
    ),
    pytest.param(
        [rm.Target(SHARE, rm.at_least(90))],
        {"org_good": [rm.Result(93)]}, MID, [],
        id="a result without a year is never left out for its year",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("targets", "results", "as_of", "expected"), UNUSED)
def test_results_left_out_for_their_year_are_warned_of(
    targets: list[rm.Target],
    results: dict[str, list[rm.Result]],
    as_of: date | None,
    expected: list[tuple[str, str, tuple[int, ...]]],
) -> None:
    report, caught = review(targets, results, as_of)
    found = [(w.reason, w.key, w.years) for w in report.warnings]
    assert found == expected
    assert [w.message for w in caught] == list(report.warnings)
    assert all(w.category is rm.UnusedResultWarning for w in caught)


# A unit whose only result is left out is still one of the units, without data: its
# verdict differs from one without the unit at all (and the warning says why).
ONE_UNIT = [case for case in UNUSED if "units" not in str(case.id)]


@pytest.mark.parametrize(("targets", "results", "as_of", "expected"), ONE_UNIT)
def test_a_result_left_out_changes_no_verdict(
    targets: list[rm.Target],
    results: dict[str, list[rm.Result]],
    as_of: date | None,
    expected: list[tuple[str, str, tuple[int, ...]]],
) -> None:
    """Taking away the results a warning names gives the same verdicts: they were unused."""
    report, _ = review(targets, results, as_of)
    left_out = {(w.key, year) for w in report.warnings for year in w.years}
    kept = {k: [r for r in given if (k, r.period) not in left_out] for k, given in results.items()}
    again, _ = review(targets, kept, as_of)
    assert again.verdicts == report.verdicts
    assert again.warnings == ()


def test_unused_messages_written_out() -> None:
    report, _ = review(
        [rm.Target(MEMBERS, rm.at_least(100), per="year", combine="each")],
        {"admitted": years("admitted", 2019, 2023, 2024, 2025)},
    )
    assert [str(w) for w in report.warnings] == [
        "indicator 'admitted': the results for 2024 and 2025 are after the review date "
        "(2023-06-30) and were left out; a review at a later date counts them",
        "indicator 'admitted': the result for 2023 is for a year not over at the review date "
        "(2023-06-30) and was left out; a yearly target counts a year from its 31 December on",
        "indicator 'admitted': the result for 2019 is outside the term 2020-2025 of its yearly "
        "target and was left out; check the years in the results file, or the term",
    ]


# (target, results, warned) for item: every percent value within [0, 1], the target above 1
PERCENT = [
    pytest.param(rm.Target(SHARE, rm.at_least(90)), ["0.86", "0.91"], True, id="at least 90"),
    pytest.param(rm.Target(SHARE, rm.above(95)), ["1"], True, id="1 is within [0, 1]"),
    pytest.param(rm.Target(SHARE, rm.between(3, 5)), ["0.04"], True, id="a range"),
    pytest.param(rm.Target(SHARE, rm.at_least(90)), ["0.86", "86"], False, id="one value above 1"),
    pytest.param(rm.Target(SHARE, rm.at_least(1)), ["0.6"], False, id="target of 1%"),
    pytest.param(rm.Target(SHARE, rm.at_least("0.5")), ["0.6"], False, id="target below 1%"),
    pytest.param(rm.Target(POOR, rm.below(2)), ["0.86"], False, id="lower is better: 0.86% poor"),
    pytest.param(rm.Target(SHARE, rm.at_least(90)), ["0", "0"], False, id="all zero"),
    pytest.param(rm.Target(MEMBERS, rm.at_least(90)), ["0.5"], False, id="not a percent"),
]


@pytest.mark.parametrize(("target", "values", "warned"), PERCENT)
def test_shares_of_one_given_for_percentages_are_warned_of(
    target: rm.Target, values: list[str], warned: bool
) -> None:
    results = [rm.Result(v, period=2020 + i) for i, v in enumerate(values)]
    report, caught = review([target], {target.key: results}, None)
    scale = [w for w in report.warnings if isinstance(w, rm.PercentScaleWarning)]
    assert bool(scale) is warned
    assert len(caught) == len(report.warnings)
    without, _ = review([target], {target.key: results}, None)
    assert without.verdicts == report.verdicts  # judged as given: 0.86 is 0.86%


@pytest.mark.parametrize(
    ("results", "as_of"),
    [
        pytest.param([rm.Result.parse("0,86%", "vi", period=2022)], None, id="written with %"),
        pytest.param([rm.Result("0.86", "percent", period=2022)], None, id="given its unit"),
        pytest.param([rm.Result(93, period=2022), rm.Result("0.95", period=2024)], MID,
                     id="the small one is left out for its year"),
    ],
)  # fmt: skip
def test_no_percent_scale_warning_where_the_value_says_its_scale(
    results: list[rm.Result], as_of: date | None
) -> None:
    report, _ = review([rm.Target(SHARE, rm.at_least(90))], {"org_good": results}, as_of)
    assert not [w for w in report.warnings if isinstance(w, rm.PercentScaleWarning)]


def test_the_percent_scale_example_is_a_value_that_is_not_zero() -> None:
    report, _ = review(
        [rm.Target(SHARE, rm.at_least(90))],
        {"org_good": [rm.Result(0, period=2021), rm.Result("0.5", period=2022)]},
        None,
    )
    (warning,) = report.warnings
    assert str(warning).endswith(
        "(0, 0.5) while its target asks for 90%: 0.5 is read as 0.5%; if it is a share of 1, "
        "write it as a percentage (50), or as a count out of a total"
    )


def test_a_share_from_counts_is_already_a_percentage() -> None:
    target = rm.Target(SHARE, rm.at_least(90))
    report, _ = review([target], {"org_good": [rm.Result.ratio(1, 2, period=2022)]}, None)
    assert report.warnings == ()


def test_percent_scale_message_written_out() -> None:
    report, _ = review(
        [rm.Target(SHARE, rm.at_least(90))],
        {"org_good": [rm.Result("0.86", period=2021), rm.Result("0.915", period=2022)]},
        None,
    )
    (warning,) = report.warnings
    assert str(warning) == (
        "indicator 'org_good' is in percent, but every result is between 0 and 1 (0.86, 0.915) "
        "while its target asks for 90%: 0.86 is read as 0.86%; if it is a share of 1, write it "
        "as a percentage (86), or as a count out of a total"
    )
    assert warning.key == "org_good"
    assert [str(v) for v in warning.values] == ["0.86", "0.915"]


def test_warnings_are_no_part_of_the_report_value() -> None:
    """Equal verdicts make equal reports; JSON carries verdicts, not warnings about inputs."""
    target = rm.Target(SHARE, rm.at_least(90))
    warned, _ = review([target], {"org_good": years("org_good", 2022, 2024, value=93)})
    quiet, _ = review([target], {"org_good": years("org_good", 2022, value=93)})
    assert warned.warnings
    assert not quiet.warnings
    assert warned == quiet
    assert rm.json.loads(rm.json.dumps(warned)).warnings == ()
    copied = pickle.loads(pickle.dumps(warned.warnings[0]))
    assert (str(copied), copied.key, copied.years, copied.reason) == (
        str(warned.warnings[0]),
        "org_good",
        (2024,),
        "after_review",
    )


def test_every_warning_is_a_resolmetrics_warning() -> None:
    for cls in (rm.UnusedResultWarning, rm.PercentScaleWarning, rm.InconsistentResultWarning):
        assert issubclass(cls, rm.ResolmetricsWarning)
        assert issubclass(cls, UserWarning)
        assert not issubclass(cls, rm.ResolmetricsError)


def test_the_command_line_writes_warnings_on_standard_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    resolution = tmp_path / "r.toml"
    resolution.write_text(
        '[resolution]\nname = "R"\nlang = "en"\nterm = [2020, 2025]\n\n'
        '[indicators.org_good]\nname = "Organisations rated good"\nunit = "percent"\n\n'
        '[[target]]\nindicator = "org_good"\ntext = "at least 90%"\n',
        encoding="utf-8",
    )
    results = tmp_path / "r.csv"
    results.write_text(
        "indicator,period,value\norg_good,2022,0.93\norg_good,2024,0.95\n", encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the command line shows them its own way, once each
        status = main(["evaluate", str(resolution), str(results), "--as-of", "2023-06-30"])
    out, err = capsys.readouterr()
    assert status == EXIT_OK
    assert "not achieved" in out  # judged as given
    assert err.splitlines() == [
        "resolmetrics evaluate: warning: indicator 'org_good': the result for 2024 is after "
        "the review date (2023-06-30) and was left out; a review at a later date counts it",
        "resolmetrics evaluate: warning: indicator 'org_good' is in percent, but every result "
        "is between 0 and 1 (0.93) while its target asks for 90%: 0.93 is read as 0.93%; "
        "if it is a share of 1, write it as a percentage (93), or as a count out of a total",
    ]


def test_a_review_by_unit_warns_once_of_the_results_of_every_unit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """batch.review and evaluate --by count the rows left out over all units and partitions."""
    pytest.importorskip("pyarrow")
    from resolmetrics import batch

    resolution = rm.Resolution(
        "R", [rm.Target(MEMBERS, rm.at_least(100), per="year", combine="each")], term=(2020, 2025)
    )
    table = {  # three units, each 2021 and 2022; a 2024 row for two of them
        "indicator": ["admitted"] * 8,
        "entity": ["A", "A", "B", "B", "C", "C", "A", "B"],
        "period": [2021, 2022, 2021, 2022, 2021, 2022, 2024, 2024],
        "value": [120] * 8,
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        review = batch.review(resolution, table, as_of=MID)
    assert (
        [str(w.message) for w in caught]
        == [str(w) for w in review.warnings]
        == [
            "indicator 'admitted': the 2 results for 2024 are after the review date (2023-06-30) "
            "and were left out; a review at a later date counts them"
        ]
    )
    (warning,) = review.warnings
    assert (warning.key, warning.years, warning.count) == ("admitted", (2024,), 2)


def test_evaluate_by_entity_writes_the_warnings_of_the_whole_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("pyarrow")
    root = Path(__file__).resolve().parent.parent / "examples" / "units"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        status = main(["evaluate", str(root / "resolution.toml"), str(root / "results.csv"),
                       "--by", "entity", "--as-of", "2022-06-30", "--no-progress"])  # fmt: skip
    _, err = capsys.readouterr()
    assert status == EXIT_OK
    # 71 base organisations report 2022; a review at 30 June 2022 leaves that year out of
    # the three yearly targets (members_good, admitted, rating), and the one-value targets
    # judge it as the latest year known
    said = ("are for a year not over at the review date (2022-06-30) and were left out; a "
            "yearly target counts a year from its 31 December on")  # fmt: skip
    assert err.splitlines() == [
        f"resolmetrics evaluate: warning: indicator {key!r}: the 71 results for 2022 {said}"
        for key in ("members_good", "admitted", "rating")
    ]
