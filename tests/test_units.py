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
from resolmetrics.text import _vocabulary as vocabulary

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


# --- every spelling a target's text may use ------------------------------------------------

#: The units a target's text may be written in, as the parser reads them: (spelling, unit).
PARSER_UNITS = sorted(
    {(" ".join(phrase), unit) for phrase, unit in vocabulary.UNITS.items()},
    key=lambda item: item[0],
)

#: Words the parser reads as percentage points that, alone as an indicator's unit, may as
#: well be the points of a score: refused (see test_a_bare_point_is_ambiguous).
AMBIGUOUS = {"điểm", "point", "points"}

#: For each unit the parser gives: a unit of the same kind, and the figure in it that is
#: exactly 1 of the parser's unit (1 tỷ = 1000 triệu, 1% = 10‰, 1 ha = 10,000 m², ...).
ONE_IN_ANOTHER_UNIT: dict[str, tuple[str, str]] = {
    "percent": ("permille", "10"),
    "percentage points": ("permille", "10"),
    "permille": ("percent", "0.1"),
    "tỷ đồng": ("triệu đồng", "1000"),
    "triệu đồng": ("nghìn đồng", "1000"),
    "nghìn đồng": ("đồng", "1000"),
    "đồng": ("nghìn đồng", "0.001"),
    "USD": ("USD", "1"),
    "member": ("đảng viên", "1"),
    "organisation": ("tổ chức", "1"),
    "enterprise": ("DN", "1"),
    "household": ("hộ", "1"),
    "visit": ("lượt người", "1"),
    "person": ("người", "1"),
    "hectare": ("m**2", "10000"),
    "km": ("m", "1000"),
    "kWh": ("Wh", "1000"),
}


def _kept_as(parsed: str) -> str:
    """The unit an indicator keeps for the parser's unit: percentage points are the margins
    of a share in percent, as ``TargetSpec.to_target`` and ``Result.parse`` read them."""
    return "percent" if parsed == "percentage points" else parsed


@pytest.mark.parametrize(
    ("spelling", "parsed"),
    [pytest.param(s, u, id=s) for s, u in PARSER_UNITS if s not in AMBIGUOUS],
)
def test_an_indicator_takes_every_unit_a_target_may_be_written_in(
    spelling: str, parsed: str
) -> None:
    unit = rm.Indicator("x", unit=spelling).unit
    # a name resolmetrics or pint already knows is kept as written (a built-in name written
    # in another case as the name); any other becomes the parser's unit
    assert unit in (spelling, _kept_as(parsed)) or unit.casefold() == spelling
    assert units.factor(unit, _kept_as(parsed)) == 1
    assert rm.Result(1, unit=spelling).unit == unit
    assert rm.Target(rm.Indicator("y", unit=_kept_as(parsed)), rm.at_least(1), unit=spelling)
    other, one = ONE_IN_ANOTHER_UNIT[parsed]
    verdict = rm.evaluate(rm.Target(rm.Indicator("x", unit=spelling), rm.at_least(1)),
                          rm.Result(one, unit=other))  # fmt: skip
    assert (verdict.status, verdict.actual) == (rm.Status.ACHIEVED, 1)


@pytest.mark.parametrize(
    ("spelling", "unit"),
    [
        pytest.param("million VND", "triệu đồng", id="million-VND"),
        pytest.param("Million vnd", "triệu đồng", id="any-case"),
        pytest.param("  million   VND ", "triệu đồng", id="spaces"),
        pytest.param("BILLION VND", "tỷ đồng", id="billion-VND"),
        pytest.param("billion đồng", "tỷ đồng", id="billion-dong"),
        pytest.param("tỷ", "tỷ đồng", id="ty-alone"),
        pytest.param("tỉ", "tỷ đồng", id="ti-alone"),
        pytest.param("triệu", "triệu đồng", id="trieu-alone"),
        pytest.param("thousand đồng", "nghìn đồng", id="thousand-dong"),
        pytest.param("VNĐ", "đồng", id="VND-with-stroke"),
        pytest.param("vnd", "VND", id="VND-lower-case"),
        pytest.param("Tỷ đồng", "tỷ đồng", id="capital-ty-dong"),
        pytest.param("Đảng viên", "đảng viên", id="capital-dang-vien"),
        pytest.param("Phần trăm", "percent", id="phan-tram"),
        pytest.param("per cent", "percent", id="per-cent"),
        pytest.param("percentage points", "percent", id="percentage-points"),
        pytest.param("điểm phần trăm", "percent", id="diem-phan-tram"),
        pytest.param("‰", "permille", id="permille-sign"),
        pytest.param("US dollars", "USD", id="US-dollars"),
        pytest.param("Đô la Mỹ", "đô la Mỹ", id="do-la-my"),
        pytest.param("party members", "member", id="party-members"),
        pytest.param("dn", "DN", id="DN-lower-case"),
        pytest.param("firms", "enterprise", id="firms"),
        pytest.param("Hộ gia đình", "household", id="ho-gia-dinh"),
        pytest.param("héc ta", "hectare", id="hec-ta"),
        pytest.param("kwh", "kWh", id="kwh"),
        pytest.param("KWH", "kWh", id="KWH"),
        pytest.param("ha", "ha", id="ha-kept"),
        pytest.param("kilometres", "kilometres", id="kilometres-kept"),
    ],
)
def test_a_unit_spelling_is_kept_as(spelling: str, unit: str) -> None:
    assert rm.Indicator("x", unit=spelling).unit == unit
    assert rm.Result(1, unit=spelling).unit == unit


@pytest.mark.parametrize(
    ("higher", "lower", "factor"),
    [
        pytest.param("billion VND", "million VND", Decimal(1000), id="billion-million"),
        pytest.param("tỷ", "triệu đồng", Decimal(1000), id="ty-trieu-dong"),
        pytest.param("million VND", "VNĐ", Decimal(10**6), id="million-dong"),
        pytest.param("percent", "‰", Decimal(10), id="percent-permille"),
        pytest.param("héc ta", "m**2", Decimal(10_000), id="hec-ta-m2"),
    ],
)
def test_spellings_convert(higher: str, lower: str, factor: Decimal) -> None:
    kept = [rm.Indicator("x", unit=u).unit for u in (higher, lower)]
    assert units.factor(*kept) == factor


def test_an_indicator_in_million_vnd_takes_a_target_in_trieu_dong() -> None:
    """The case of the issue: 25,000 triệu đồng against an indicator in million VND."""
    revenue = rm.Indicator("revenue", name="Budget revenue", unit="million VND")
    spec = rm.parse_target("Thu ngân sách đạt từ 25.000 tỷ đồng trở lên", lang="vi")
    target = spec.to_target(revenue)
    verdict = rm.evaluate(target, rm.Result(24_800_000))  # in million VND: 24,800 tỷ đồng
    assert (verdict.status, verdict.unit, verdict.actual, verdict.margin) == (
        rm.Status.NOT_ACHIEVED,
        "tỷ đồng",
        Decimal(24_800),
        Decimal(-200),
    )
    english = rm.parse_target("at least 25,000 million VND", lang="en").to_target(revenue)
    assert rm.evaluate(english, rm.Result("25", unit="billion VND")).status is rm.Status.ACHIEVED


@pytest.mark.parametrize("spelling", sorted(AMBIGUOUS))
def test_a_bare_point_is_ambiguous(spelling: str) -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.Indicator("pci", unit=spelling)
    assert str(info.value) == (
        f"Indicator(unit)={spelling!r} may be percentage points or the points of a score; "
        "write 'percent' for a share in percent (its margins are in percentage points), or "
        "define the score's unit with define_unit(), e.g. define_unit('score = [score]')"
    )
    with pytest.raises(rm.UnitError, match=r"^Result\(unit\)="):
        rm.Result(1, unit=spelling)


def test_a_score_defined_as_diem_is_taken() -> None:
    """define_unit() gives the word a meaning: then it is that unit (in a fresh process, as
    a definition lasts as long as the process)."""
    code = (
        "import resolmetrics as rm\n"
        "rm.define_unit('điểm = [score]')\n"
        "pci = rm.Indicator('pci', unit='điểm')\n"
        "print(pci.unit, rm.evaluate(rm.Target(pci, rm.at_least(65)), rm.Result(66)).status)"
    )
    assert _modules_after(code) == "điểm exceeded"


@pytest.mark.parametrize(
    ("spelling", "near"),
    [
        pytest.param("milion VND", "million VND", id="misspelt-million"),
        pytest.param("trieu dong", "triệu đồng", id="no-accents"),
        pytest.param("ty", "tỷ", id="ty-no-accent"),
        pytest.param("ho gia dinh", "hộ gia đình", id="ho-gia-dinh-no-accents"),
    ],
)
def test_an_unknown_unit_suggests_the_nearest_spelling(spelling: str, near: str) -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.Indicator("x", unit=spelling)
    assert str(info.value) == (
        f"Indicator(unit)={spelling!r} is not a known unit; did you mean {near!r}? use a unit "
        "pint knows (e.g. 'km', 'ha', 'kWh'), one of resolmetrics' own ('percent', 'tỷ đồng', "
        "'member', ...), or define it with define_unit()"
    )


def test_an_unknown_unit_far_from_any_spelling_has_no_suggestion() -> None:
    with pytest.raises(rm.UnitError) as info:
        rm.Indicator("x", unit="qqzz")
    assert str(info.value) == (
        "Indicator(unit)='qqzz' is not a known unit; use a unit pint knows (e.g. 'km', 'ha', "
        "'kWh'), one of resolmetrics' own ('percent', 'tỷ đồng', 'member', ...), or define it "
        "with define_unit()"
    )


def test_spellings_need_no_pint() -> None:
    code = (
        "import sys\n"
        "import resolmetrics as rm\n"
        "money = rm.Indicator('budget', unit='million VND')\n"
        "target = rm.Target(money, rm.at_least(25000), unit='billion VND')\n"
        "rm.evaluate(target, rm.Result(25, unit='tỷ')).margin\n"
        "rm.Indicator('share', unit='phần trăm'), rm.Indicator('m', unit='party members')\n"
        "print('pint' in sys.modules)"
    )
    assert _modules_after(code) == "False"


def test_every_parser_spelling_is_in_the_units_page() -> None:
    """docs/reference/units.md lists the spellings an indicator takes."""
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "reference" / "units.md").read_text()
    missing = [s for s, _ in PARSER_UNITS if f"`{s}`" not in page.casefold()]
    assert missing == []
