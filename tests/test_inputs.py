"""Bad or unusual input gets a clear ResolmetricsError or the right display, never a crash."""

from __future__ import annotations

import decimal
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest

import resolmetrics as rm
from resolmetrics.render import review_table, summary

SHARE = rm.Indicator("share", unit="percent")
MONEY = rm.Indicator("money", unit="tỷ đồng")
TARGET = rm.Target(SHARE, rm.at_least(90))
VERDICT = rm.evaluate(TARGET, rm.Result(91))


# --- display keeps the order of value and bound, whatever the precision ---

ORDER = [
    # a value on a bound with more decimals than the policy shows is shown exactly
    ("on-bound-3-decimals", rm.Target(SHARE, rm.at_least("0.003")), rm.Result("0.003"),
     "achieved: 0.003% against at least 0.003%"),
    ("on-bound-92.125", rm.Target(SHARE, rm.at_least("92.125")), rm.Result("92.125"),
     "achieved: 92.125% against at least 92.125%"),
    ("on-upper-end", rm.Target(SHARE, rm.between("3.125", "5.125")), rm.Result("5.125"),
     "achieved: 5.125% against between 3.125% and 5.125%"),
    # a fraction bound is written exactly, as p/q
    ("fraction-bound", rm.Target(SHARE, rm.at_least("100/3")), rm.Result("33.33"),
     "not achieved, short by 0.003 percentage points: 33.33% against at least 100/3%"),
    # a bound keeps all its decimals, even past twelve
    ("long-bound", rm.Target(SHARE, rm.at_least("33.3333333333333")), rm.Result(30),
     "not achieved, short by 3.33 percentage points: 30% against at least 33.3333333333333%"),
    # 4 triệu đồng = 0.004 tỷ đồng: a non-zero value is not shown as 0
    ("small-not-zero", rm.Target(MONEY, rm.at_least(5)), rm.Result(4, unit="triệu đồng"),
     "not achieved, short by 99.92% (5 billion đồng): 0.004 billion đồng against at least "
     "5 billion đồng"),
    # 1 of 100,000 = 0.001 %
    ("tiny-ratio", rm.Target(SHARE, rm.at_least(1)), rm.Result.ratio(1, 100_000),
     "not achieved, short by 1 percentage point: 0.001% against at least 1%"),
    # 28 nines after the point: below 57, shown with all its digits
    ("28-digits", rm.Target(rm.Indicator("rate", unit="percent",
                                         direction=rm.Direction.LOWER_IS_BETTER), rm.below(57)),
     rm.Result("56.9999999999999999999999999999"),
     "achieved: 56.9999999999999999999999999999% against below 57%"),
]  # fmt: skip


@pytest.mark.parametrize(("target", "result", "text"), [c[1:] for c in ORDER],
                         ids=[c[0] for c in ORDER])  # fmt: skip
def test_display_keeps_the_order_of_value_and_bound(
    target: rm.Target, result: rm.Result, text: str
) -> None:
    assert rm.evaluate(target, result).explain(detail=True) == text


def test_display_does_not_depend_on_the_callers_decimal_context() -> None:
    verdict = rm.evaluate(TARGET, rm.Result("89.999"))
    expected = "not achieved, short by 0.001 percentage points: 89.999% against at least 90%"
    with decimal.localcontext() as context:
        context.prec = 4
        assert verdict.explain(detail=True) == expected
        assert rm.evaluate(TARGET, rm.Result("89.999")).margin == Decimal("-0.001")


# --- arguments of the presentation functions ---


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: review_table(VERDICT), rm.InvalidArgumentTypeError,  # type: ignore[arg-type]
         f"verdicts must be an iterable of Verdicts such as [evaluate(target, result)], "
         f"got {VERDICT!r}"),
        (lambda: review_table([VERDICT, None]), rm.InvalidArgumentTypeError,  # type: ignore[list-item]
         "verdicts must hold only Verdicts, got None"),
        (lambda: summary([1]), rm.InvalidArgumentTypeError,  # type: ignore[list-item]
         "verdicts must hold only Verdicts, got 1"),
        (lambda: review_table([VERDICT], tablefmt="githbu"), rm.InvalidArgumentError,
         "tablefmt='githbu' is not a table format; did you mean 'github'? use one of "
         "tabulate's formats, such as 'simple_grid' (the default), 'github', 'html' or 'plain'"),
        (lambda: review_table([VERDICT], tablefmt=5), rm.InvalidArgumentError,  # type: ignore[arg-type]
         "tablefmt=5 is not a table format; use one of tabulate's formats, such as "
         "'simple_grid' (the default), 'github', 'html' or 'plain'"),
    ],
    ids=["one-verdict", "none-in-list", "number-in-list", "misspelt-format", "format-not-str"],
)  # fmt: skip
def test_presentation_arguments_are_checked(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_summary_takes_any_iterable() -> None:
    assert summary(iter([VERDICT])) == "Met 1 of 1 target (1 exceeded)."


# --- building values by hand ---


def test_a_verdict_built_by_hand_checks_its_fields() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        rm.Verdict(TARGET, "bogus", None)
    assert str(info.value) == (
        "'bogus' is not a Status; use one of 'exceeded', 'achieved', 'not_achieved', "
        "'in_progress', 'no_data'"
    )
    with pytest.raises(rm.InvalidTargetTypeError):
        rm.Verdict("not a target", rm.Status.ACHIEVED, None)  # type: ignore[arg-type]
    with pytest.raises(rm.InvalidResultError):
        rm.Verdict(TARGET, rm.Status.ACHIEVED, float("nan"))
    rebuilt = rm.Verdict(TARGET, "Exceeded", 91.5)  # any case; a float read as its repr
    assert rebuilt.status is rm.Status.EXCEEDED
    assert rebuilt.actual == Decimal("91.5")


@pytest.mark.parametrize(
    ("enum", "text", "member"),
    [
        (rm.Status, "Exceeded", rm.Status.EXCEEDED),
        (rm.Status, "NOT_ACHIEVED", rm.Status.NOT_ACHIEVED),
        (rm.Direction, "HIGHER_IS_BETTER", rm.Direction.HIGHER_IS_BETTER),
        (rm.Direction, " lower_is_better ", rm.Direction.LOWER_IS_BETTER),
    ],
)
def test_enums_are_found_by_name_or_value_in_any_case(
    enum: type, text: str, member: object
) -> None:
    assert enum(text) is member


def test_an_unknown_direction_lists_the_directions() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        rm.Direction("upwards")
    assert str(info.value) == (
        "'upwards' is not a Direction; use one of 'higher_is_better', 'lower_is_better', "
        "'on_target'"
    )


def test_a_level_takes_text_only() -> None:
    with pytest.raises(rm.InvalidTargetTypeError) as info:
        rm.OrdinalScale("q", [rm.Level("a", vi=5), "b"])  # type: ignore[arg-type]
    assert str(info.value) == "Level(code, vi, en) takes text, got 5 of type int"


def test_ratio_of_is_set_by_ratio_only() -> None:
    assert rm.Result.ratio(1, 3).ratio_of == (1, 3)
    with pytest.raises(TypeError):
        rm.Result(50, ratio_of=(1, 3))  # type: ignore[call-arg]


def test_in_unit_reads_its_arguments_like_everything_else() -> None:
    target = rm.Target(MONEY, rm.at_least(25_000))
    assert target.in_unit(26_150_000, "triệu đồng") == Decimal(26_150)
    assert target.in_unit(0.1, "triệu đồng") == Decimal("0.0001")  # 0.1 read as its repr
    with pytest.raises(rm.InvalidTargetTypeError):
        target.in_unit(None, "triệu đồng")  # type: ignore[arg-type]
    with pytest.raises(rm.UnitError):
        target.in_unit(1, "widgets")


# --- rating levels may contain digits; figures with words are caught at evaluation ---


def test_levels_may_contain_digits() -> None:
    stars = rm.Indicator("hotel", scale=rm.OrdinalScale("stars", ["1 sao", "2 sao", "3 sao"]))
    verdict = rm.evaluate(rm.Target(stars, rm.at_least("2 sao")), rm.Result("3 sao"))
    assert verdict.status is rm.Status.EXCEEDED
    assert verdict.margin == 1


# --- units ---


def test_multi_word_units_can_be_defined_and_used_even_when_they_contain_known_words() -> None:
    rm.define_unit("tổ chức cơ sở đảng = [base_organisation]")
    indicator = rm.Indicator("bases", unit="tổ chức cơ sở đảng")
    verdict = rm.evaluate(rm.Target(indicator, rm.at_least(10)), rm.Result(12))
    assert verdict.explain() == "exceeded by 20% (2 tổ chức cơ sở đảng)"
    with pytest.raises(rm.UnitError):  # a different kind of count
        rm.evaluate(rm.Target(indicator, rm.at_least(10)), rm.Result(12, unit="tổ chức"))


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ("foo bar baz = 3 * quxx", "define_unit('foo bar baz = 3 * quxx') cannot be read: "
         "'quxx' is not defined in the unit registry; use pint's definition syntax with known "
         "units, such as 'tấn = 1000 * kilogram'"),
        ("nothing = 0 * m", "define_unit('nothing = 0 * m') defines a unit of size zero"),
        ("a b = ", "define_unit('a b = ') needs a name and what it equals, such as "
         "'bed = [bed]' or 'tấn = 1000 * kilogram'"),
        ("=", "define_unit('=') needs a name and what it equals, such as 'bed = [bed]' or "
         "'tấn = 1000 * kilogram'"),
        ("member = [other]", "define_unit('member = [other]'): the unit 'member' is already "
         "defined; choose another name"),
    ],
    ids=["unknown-reference", "size-zero", "no-value", "nothing", "taken"],
)  # fmt: skip
def test_bad_unit_definitions_fail_at_once(definition: str, message: str) -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.define_unit(definition)
    assert str(info.value) == message


@pytest.mark.parametrize("unit", ["degC", "degF"])
def test_units_with_an_offset_are_refused(unit: str) -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.Indicator("temperature", unit=unit)
    assert str(info.value) == (
        f"Indicator(unit)={unit!r} is a unit with an offset (a temperature scale such as "
        "degC): its values do not convert by a factor; use kelvin, or a difference unit such "
        "as delta_degC"
    )


# --- the command line ---


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resolmetrics", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **env},
        check=False,
    )


def test_cli_refuses_an_unknown_table_format() -> None:
    done = _cli("demo", "--format", "bogus")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "resolmetrics demo: error: argument --format: 'bogus' is not an output format; "
        "use one of: text, github, html, csv, json, parquet, xlsx, docx, or a tabulate table "
        "format such as grid or simple"
    )


def test_cli_falls_back_to_an_ascii_grid_where_the_terminal_cannot_show_the_box() -> None:
    done = _cli("demo", PYTHONIOENCODING="cp1252")
    assert done.returncode == 0, done.stderr
    assert "| No.   | Target" in done.stdout
    assert "┌" not in done.stdout
