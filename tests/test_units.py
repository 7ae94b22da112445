"""Units: canonical names, exact conversion factors, and what never converts.

Factors are worked out by hand: 1 tỷ = 10**9, 1 triệu = 10**6, 1 nghìn = 10**3;
1 km = 1000 m; 1 km**2 = 100 ha; 1 kWh = 1000 Wh = 3 600 000 J.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest

import resolmetrics as rm
from resolmetrics import units

# --- canonical names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        pytest.param("%", "percent", id="percent-sign"),
        pytest.param("percent", "percent", id="percent"),
        pytest.param("permille", "permille", id="permille"),
        pytest.param(None, None, id="none-is-count"),
        pytest.param("count", None, id="count"),
        pytest.param("", None, id="empty"),
        pytest.param("1", None, id="one"),
        pytest.param("dimensionless", None, id="dimensionless"),
        pytest.param("  tỷ   đồng ", "tỷ đồng", id="whitespace-collapsed"),
        pytest.param("triệu\tđồng", "triệu đồng", id="tab-collapsed"),
        pytest.param("tỉ đồng", "tỉ đồng", id="ti-spelling-kept"),
        pytest.param("đảng viên", "đảng viên", id="vi-member"),
        pytest.param("member", "member", id="member"),
        pytest.param("km", "km", id="pint-km"),
        pytest.param("km**2", "km**2", id="pint-km2"),
        pytest.param("kWh", "kWh", id="pint-kWh"),
    ],
)
def test_canonical(unit: str | None, expected: str | None) -> None:
    assert units.canonical(unit, argument="unit") == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        pytest.param("%", "percent", id="percent-sign"),
        pytest.param(" tỷ  đồng", "tỷ đồng", id="whitespace"),
        pytest.param("count", None, id="count"),
        pytest.param(None, None, id="none"),
    ],
)
def test_indicator_and_result_keep_canonical_units(unit: str | None, expected: str | None) -> None:
    assert rm.Indicator("x", unit=unit).unit == expected
    assert rm.Result(1, unit=unit).unit == expected


def test_canonical_rejects_a_non_string() -> None:
    with pytest.raises(rm.InvalidTargetTypeError) as info:
        rm.Indicator("x", unit=5)  # type: ignore[arg-type]
    assert str(info.value) == (
        "Indicator(unit) must be a unit name such as 'percent' or 'tỷ đồng', or None for a "
        "plain count, got 5 of type int"
    )


# --- exact factors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        pytest.param("tỷ đồng", "triệu đồng", Decimal(1000), id="ty-to-trieu"),
        pytest.param("triệu đồng", "tỷ đồng", Decimal("0.001"), id="trieu-to-ty"),
        pytest.param("tỷ đồng", "đồng", Decimal(10**9), id="ty-to-dong"),
        pytest.param("triệu đồng", "nghìn đồng", Decimal(1000), id="trieu-to-nghin"),
        pytest.param("nghìn đồng", "đồng", Decimal(1000), id="nghin-to-dong"),
        pytest.param("ngàn đồng", "nghìn đồng", Decimal(1), id="ngan-is-nghin"),
        pytest.param("tỉ đồng", "tỷ đồng", Decimal(1), id="ti-is-ty"),
        pytest.param("tỉ đồng", "triệu đồng", Decimal(1000), id="ti-to-trieu"),
        pytest.param("VND", "đồng", Decimal(1), id="VND-is-dong"),
        pytest.param("đồng", "triệu đồng", Decimal("0.000001"), id="dong-to-trieu"),
        pytest.param("permille", "percent", Decimal("0.1"), id="permille-to-percent"),
        pytest.param("percent", "permille", Decimal(10), id="percent-to-permille"),
        pytest.param("đảng viên", "member", Decimal(1), id="dang-vien-is-member"),
        pytest.param("DN", "doanh nghiệp", Decimal(1), id="DN-is-enterprise"),
        pytest.param("hộ", "households", Decimal(1), id="ho-is-household"),
        pytest.param("tổ chức", "organisation", Decimal(1), id="to-chuc-is-organisation"),
        pytest.param("người", "person", Decimal(1), id="nguoi-is-person"),
        pytest.param("km", "m", Decimal(1000), id="km-to-m"),
        pytest.param("m", "km", Decimal("0.001"), id="m-to-km"),
        pytest.param("kilometer", "km", Decimal(1), id="kilometer-is-km"),
        pytest.param("ha", "km**2", Fraction(1, 100), id="ha-to-km2"),
        pytest.param("km**2", "ha", Decimal(100), id="km2-to-ha"),
        pytest.param("kWh", "Wh", Decimal(1000), id="kWh-to-Wh"),
        pytest.param("kWh", "J", Decimal(3_600_000), id="kWh-to-J"),
        pytest.param("percent", "percent", Decimal(1), id="same"),
        pytest.param(None, None, Decimal(1), id="count-to-count"),
    ],
)
def test_factor_is_exact(source: str | None, target: str | None, expected: object) -> None:
    factor = units.factor(source, target)
    assert factor == expected
    assert isinstance(factor, Decimal | Fraction)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pytest.param("percent", None, id="share-to-count"),
        pytest.param(None, "percent", id="count-to-share"),
        pytest.param("permille", None, id="permille-to-count"),
        pytest.param("percent", "member", id="share-to-members"),
        pytest.param("member", "percent", id="members-to-share"),
        pytest.param("percent", "km", id="share-to-pint-length"),
        pytest.param("member", "enterprise", id="members-vs-enterprises"),
        pytest.param("member", "household", id="members-vs-households"),
        pytest.param("member", "organisation", id="members-vs-organisations"),
        pytest.param("member", "person", id="members-vs-persons"),
        pytest.param("enterprise", "household", id="enterprises-vs-households"),
        pytest.param("household", "person", id="households-vs-persons"),
        pytest.param("organisation", "enterprise", id="organisations-vs-enterprises"),
        pytest.param("member", None, id="members-vs-plain-count"),
        pytest.param("member", "tỷ đồng", id="members-vs-money"),
        pytest.param("tỷ đồng", "km", id="money-vs-length"),
        pytest.param("member", "km", id="members-vs-length"),
        pytest.param("ha", "km", id="area-vs-length"),
        pytest.param("kWh", "ha", id="energy-vs-area"),
    ],
)
def test_factor_refuses_different_things(source: str | None, target: str | None) -> None:
    with pytest.raises(rm.UnitError):
        units.factor(source, target)


def test_share_never_converts_to_a_count_in_an_evaluation() -> None:
    count = rm.Indicator("admitted", unit="member")
    target = rm.Target(count, rm.at_least(80))
    with pytest.raises(rm.UnitError):
        rm.evaluate(target, rm.Result(93, unit="percent"))
    with pytest.raises(rm.UnitError):
        rm.evaluate(target, rm.Result.ratio(33, 52))
    plain = rm.Target(rm.Indicator("admitted"), rm.at_least(80))
    with pytest.raises(rm.UnitError):
        rm.evaluate(plain, rm.Result(93, unit="%"))


def test_counts_of_different_things_do_not_mix_in_an_evaluation() -> None:
    members = rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(80))
    for other in ("enterprise", "household", "organisation", "person", "doanh nghiệp", "hộ"):
        with pytest.raises(rm.UnitError):
            rm.evaluate(members, rm.Result(90, unit=other))
    with pytest.raises(rm.UnitError):
        rm.Target(rm.Indicator("admitted", unit="member"), rm.at_least(80), unit="household")
    # the same thing under its Vietnamese name does compare
    verdict = rm.evaluate(members, rm.Result(80, unit="đảng viên"))
    assert verdict.status is rm.Status.ACHIEVED


def test_is_share() -> None:
    assert units.is_share("percent")
    assert units.is_share("permille")
    assert not units.is_share(None)
    assert not units.is_share("member")
    assert not units.is_share("tỷ đồng")
    assert not units.is_share("km")


# --- define_unit ---------------------------------------------------------------------------


def test_define_unit_adds_a_new_kind_of_count() -> None:
    rm.define_unit("rmtest_bed = [rmtest_bed] = rmtest_beds")
    assert rm.Indicator("beds", unit="rmtest_bed").unit == "rmtest_bed"
    assert units.factor("rmtest_beds", "rmtest_bed") == 1
    with pytest.raises(rm.UnitError):
        units.factor("rmtest_bed", "member")
    with pytest.raises(rm.UnitError):
        units.factor("rmtest_bed", None)
    target = rm.Target(rm.Indicator("beds", unit="rmtest_bed"), rm.at_least(120))
    verdict = rm.evaluate(target, rm.Result(125, unit="rmtest_beds"))
    assert verdict.status is rm.Status.EXCEEDED
    assert verdict.margin == 5


def test_define_unit_adds_a_new_name_for_a_known_size() -> None:
    rm.define_unit("rmtest_tan = 1000 * kilogram")
    assert units.factor("rmtest_tan", "kg") == 1000
    assert units.factor("kg", "rmtest_tan") == Decimal("0.001")


def test_define_unit_same_text_twice_is_harmless() -> None:
    rm.define_unit("rmtest_crate = [rmtest_crate]")
    rm.define_unit("rmtest_crate = [rmtest_crate]")
    rm.define_unit("rmtest_crate  =   [rmtest_crate]")  # the same text, spaced differently
    assert rm.Indicator("crates", unit="rmtest_crate").unit == "rmtest_crate"


def test_define_unit_conflicting_definition_raises() -> None:
    rm.define_unit("rmtest_box = [rmtest_box]")
    with pytest.raises(rm.UnitError) as info:
        rm.define_unit("rmtest_box = 12 * rmtest_crate")
    assert str(info.value) == (
        "define_unit('rmtest_box = 12 * rmtest_crate'): the unit 'rmtest_box' is already "
        "defined; choose another name"
    )


@pytest.mark.parametrize(
    "definition",
    [
        pytest.param("km = 2 * m", id="pint-unit"),
        pytest.param("member = [other_member]", id="resolmetrics-unit"),
        pytest.param("percent = 0.01", id="share"),
    ],
)
def test_define_unit_refuses_to_redefine_a_known_name(definition: str) -> None:
    with pytest.raises(rm.UnitError):
        rm.define_unit(definition)
    # and the known unit is unchanged
    assert units.factor("km", "m") == 1000
    assert units.factor("đảng viên", "member") == 1


def test_define_unit_rejects_text_that_is_not_a_definition() -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.define_unit("bed")
    assert str(info.value) == (
        "define_unit(definition) takes pint's definition syntax such as 'bed = [bed]' or "
        "'tấn = 1000 * kilogram', got 'bed'"
    )


# --- what `import resolmetrics` imports ----------------------------------------------------


def _modules_after(code: str) -> str:
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return completed.stdout.strip()


@pytest.mark.parametrize("module", ["pint", "tabulate", "hypothesis"])
def test_import_does_not_import_heavy_dependencies(module: str) -> None:
    code = f"import resolmetrics, sys; print({module!r} in sys.modules)"
    assert _modules_after(code) == "False"


def test_judging_known_units_does_not_import_pint() -> None:
    code = (
        "import sys\n"
        "import resolmetrics as rm\n"
        "share = rm.Indicator('org_good', unit='%')\n"
        "rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result('93.1')).margin\n"
        "money = rm.Indicator('budget', unit='triệu đồng')\n"
        "target = rm.Target(money, rm.at_least(25000), unit='tỷ đồng')\n"
        "rm.evaluate(target, rm.Result(25_000_000)).margin\n"
        "members = rm.Indicator('admitted', unit='đảng viên')\n"
        "rm.evaluate(rm.Target(members, rm.at_least(80)), rm.Result(83)).margin\n"
        "print('pint' in sys.modules)"
    )
    assert _modules_after(code) == "False"


@pytest.mark.parametrize(
    ("unit", "count"),
    [
        (None, True),
        ("member", True),
        ("organisation", True),
        ("household", True),
        ("percent", False),
        ("triệu đồng", False),
        ("USD", False),
        ("km", False),
    ],
)
def test_is_count_tells_whole_things_from_measures(unit: str | None, count: bool) -> None:
    from resolmetrics import units

    assert units.is_count(unit) is count
