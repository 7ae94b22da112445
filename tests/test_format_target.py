"""format_target: a target written as a reader recognises it, and read back.

Worked out by hand from DOMAIN.md sections 3 and 5 and the wording of rule_text:

- the rule words: "trên X" / "above X", "từ X trở lên" / "at least X", "không quá X" /
  "at most X", "dưới X" / "below X", "từ X đến Y" / "between X and Y", "đúng X" /
  "exactly X";
- bounds are written exactly in the language's number format (vi "25.000", "98,5"; en
  "25,000", "98.5"), a fraction as "p/q", never rounded; "%" follows the figure, other
  units follow it after a space in the language's words (đảng viên / members, tỷ đồng /
  billion đồng, hộ / households, ha);
- timing: per year "mỗi năm" / "every year" ("tính tổng các năm" / "in total over the
  years" for a total), growth "tăng ..." / "growth of ...", a due year ", đến năm 2025" /
  ", by 2025", a share of units "ở trên 90% đơn vị" / "in more than 90% of units";
- ``parse_target(format_target(t, lang), lang).rule == t.rule``.
"""

from __future__ import annotations

from typing import Any

import pytest

import resolmetrics as rm
from _support import F, raises_exactly

SHARE = rm.Indicator("share", unit="percent")
POVERTY = rm.Indicator("poverty", unit="percent", direction=rm.Direction.LOWER_IS_BETTER)
PLAIN = rm.Indicator("count")
BILLIONS = rm.Indicator("budget", unit="tỷ đồng")
MILLIONS = rm.Indicator("revenue", unit="triệu đồng")
MEMBERS = rm.Indicator("admitted", unit="member")
HOUSEHOLDS = rm.Indicator("households", unit="household")
ENTERPRISES = rm.Indicator("firms", unit="enterprise")
PERSONS = rm.Indicator("trained", unit="person")
VISITS = rm.Indicator("visitors", unit="visit")
DOLLARS = rm.Indicator("gdp_per_head", unit="USD")
AREA = rm.Indicator("forest", unit="hectare")
INCOME = rm.Indicator("income", unit="triệu đồng")
RATED = rm.Indicator("base_rating", scale=rm.PARTY_QUALITY)
GOOD = rm.at_least("HTTNV")

T = rm.Target

# (id, target or rule, Vietnamese, English)
FORMATTED = [
    # the rule kinds
    ("above", T(SHARE, rm.above(95)), "trên 95%", "above 95%"),
    ("at-least", T(SHARE, rm.at_least(90)), "từ 90% trở lên", "at least 90%"),
    ("at-least-decimal", T(SHARE, rm.at_least("98.5")), "từ 98,5% trở lên", "at least 98.5%"),
    ("at-most", T(POVERTY, rm.at_most(4)), "không quá 4%", "at most 4%"),
    ("below", T(POVERTY, rm.below(4)), "dưới 4%", "below 4%"),
    ("between", T(SHARE, rm.between(3, 5)), "từ 3% đến 5%", "between 3% and 5%"),
    ("exactly", T(PLAIN, rm.exactly(100)), "đúng 100", "exactly 100"),
    # bounds exactly as they are
    ("many-decimals", T(SHARE, rm.at_least("90.125")), "từ 90,125% trở lên", "at least 90.125%"),
    ("fraction", T(PLAIN, rm.at_least(F(100, 3))), "từ 100/3 trở lên", "at least 100/3"),
    ("fraction-percent", T(SHARE, rm.above(F(100, 3))), "trên 100/3%", "above 100/3%"),
    ("thousands", T(PLAIN, rm.at_least("1234.5")), "từ 1.234,5 trở lên", "at least 1,234.5"),
    ("negative", T(PLAIN, rm.between(-5, -2)), "từ -5 đến -2", "between -5 and -2"),
    # units
    ("billions", T(BILLIONS, rm.at_least(25000)), "từ 25.000 tỷ đồng trở lên",
     "at least 25,000 billion đồng"),
    ("millions", T(MILLIONS, rm.at_least(3745356)), "từ 3.745.356 triệu đồng trở lên",
     "at least 3,745,356 million đồng"),
    ("members", T(MEMBERS, rm.at_least(100)), "từ 100 đảng viên trở lên", "at least 100 members"),
    ("one-member", T(MEMBERS, rm.at_least(1)), "từ 1 đảng viên trở lên", "at least 1 member"),
    ("households", T(HOUSEHOLDS, rm.at_least(120)), "từ 120 hộ trở lên",
     "at least 120 households"),
    ("enterprises", T(ENTERPRISES, rm.at_least(12)), "từ 12 doanh nghiệp trở lên",
     "at least 12 enterprises"),
    ("persons", T(PERSONS, rm.at_least(1200)), "từ 1.200 người trở lên", "at least 1,200 persons"),
    ("visits", T(VISITS, rm.at_least(1200)), "từ 1.200 lượt người trở lên",
     "at least 1,200 visits"),
    ("dollars", T(DOLLARS, rm.at_least(3700)), "từ 3.700 USD trở lên", "at least 3,700 USD"),
    # timing
    ("per-year", T(MEMBERS, rm.at_least(80), per="year", combine="each"),
     "từ 80 đảng viên trở lên mỗi năm", "at least 80 members every year"),
    ("per-year-total", T(MEMBERS, rm.at_least(80), per="year", combine="total"),
     "từ 80 đảng viên trở lên mỗi năm, tính tổng các năm",
     "at least 80 members a year, in total over the years"),
    ("per-year-mean", T(MEMBERS, rm.at_least(80), per="year", combine="mean"),
     "bình quân từ 80 đảng viên trở lên mỗi năm", "at least 80 members a year on average"),
    ("per-year-latest", T(MEMBERS, rm.at_least(80), per="year", combine="latest"),
     "từ 80 đảng viên trở lên năm gần nhất", "at least 80 members in the latest year"),
    ("growth", T(INCOME, rm.between(3, 5), per="year", combine="each", growth="yoy"),
     "tăng từ 3% đến 5% mỗi năm", "growth of between 3% and 5% every year"),
    ("due", T(SHARE, rm.at_least(70), due=2025), "từ 70% trở lên, đến năm 2025",
     "at least 70%, by 2025"),
    # ratings
    ("share-of-units", T(RATED, GOOD, across=rm.above_share(90)),
     "từ HTTNV trở lên ở trên 90% đơn vị", "at least HTTNV in more than 90% of units"),
    ("rating", T(RATED, GOOD), "từ HTTNV trở lên", "at least HTTNV"),
    # a rule alone: no unit
    ("rule", rm.above(95), "trên 95", "above 95"),
    ("rule-rating-range", rm.between("HTNV", "HTTNV"), "từ HTNV đến HTTNV",
     "between HTNV and HTTNV"),
    ("rule-at-most-rating", rm.at_most("HTNV"), "không quá HTNV", "at most HTNV"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("target", "vi", "en"), [c[1:] for c in FORMATTED], ids=[c[0] for c in FORMATTED]
)
def test_format_target(target: Any, vi: str, en: str) -> None:
    assert rm.format_target(target, "vi") == vi
    assert rm.format_target(target, "en") == en


def test_hectares_in_vietnamese() -> None:
    assert rm.format_target(T(AREA, rm.at_least("4332.98")), "vi") == "từ 4.332,98 ha trở lên"


def test_vietnamese_is_the_default() -> None:
    assert rm.format_target(T(SHARE, rm.above(95))) == "trên 95%"


@pytest.mark.parametrize("lang", ["fr", "EN", None])
def test_bad_lang(lang: Any) -> None:
    raises_exactly(
        lambda: rm.format_target(rm.above(95), lang),
        rm.InvalidArgumentError,
        f"lang={lang!r} is not a supported language; use 'vi' or 'en'",
    )


# --------------------------------------------------------------------------- round trip

ROUND_TRIP = [c[1] for c in FORMATTED] + [
    rm.at_least(F(1, 3)),
    rm.between(F(1, 3), F(2, 3)),
    rm.below(F(1, 7)),
    rm.at_least("0.001"),
    rm.at_least("-1.5"),
    rm.between("1.5", "2.5"),
    rm.at_least(10**9),
    rm.at_least(2046),
    rm.at_least("2.046"),
    rm.exactly("HTTNV"),
    rm.above("HTNV"),
    T(SHARE, rm.at_least("99.99")),
    T(POVERTY, rm.between("1.5", "2.5")),
    T(AREA, rm.at_least("4332.98")),
    T(PLAIN, rm.at_most(F(2, 3))),
]


def rule_of(target: Any) -> rm.Rule:
    return target if isinstance(target, rm.Rule) else target.rule


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("target", ROUND_TRIP, ids=[repr(rule_of(t)) for t in ROUND_TRIP])
def test_round_trip_rule(target: Any, lang: str) -> None:
    text = rm.format_target(target, lang)
    spec = rm.parse_target(text, lang)
    if isinstance(target, rm.Target) and target.across is not None:
        # "từ HTTNV trở lên ở trên 90% đơn vị": the figure is the share, the rule each
        # unit must meet is the condition
        assert spec.condition == target.rule
    else:
        assert spec.rule == rule_of(target)


# A target's text read back and tied to the same indicator gives the same target.
WHOLE = [
    ("above", T(SHARE, rm.above(95))),
    ("at-least-decimal", T(SHARE, rm.at_least("98.5"))),
    ("at-most-lower", T(POVERTY, rm.at_most(4))),
    ("below-lower", T(POVERTY, rm.below(4))),
    ("between", T(SHARE, rm.between(3, 5))),
    ("billions", T(BILLIONS, rm.at_least(25000))),
    ("billions-on-millions", T(MILLIONS, rm.at_least(25000), unit="tỷ đồng")),
    ("members-per-year", T(MEMBERS, rm.at_least(80), per="year", combine="each")),
    ("growth", T(INCOME, rm.between(3, 5), per="year", combine="each", growth="yoy")),
    ("due", T(SHARE, rm.at_least(70), due=2025)),
    ("rating", T(RATED, GOOD)),
    ("share-of-units-above", T(RATED, GOOD, across=rm.above_share(90))),
    ("share-of-units-at-least", T(RATED, GOOD, across=rm.at_least_share(92))),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("target", [c[1] for c in WHOLE], ids=[c[0] for c in WHOLE])
def test_round_trip_target(target: rm.Target, lang: str) -> None:
    spec = rm.parse_target(rm.format_target(target, lang), lang)
    assert spec.to_target(target.indicator) == target


INDICATOR_FOR = {"percent": rm.Indicator("a_share", unit="percent"), "tỷ đồng": BILLIONS,
                 "hectare": AREA}  # fmt: skip

# (id, text as format_target writes it, lang)
WRITTEN = [
    ("vi-above", "trên 95%", "vi"),
    ("vi-at-least", "từ 98,5% trở lên", "vi"),
    ("vi-at-most", "không quá 4%", "vi"),
    ("vi-below", "dưới 4%", "vi"),
    ("vi-between", "từ 3% đến 5%", "vi"),
    ("vi-billions", "từ 25.000 tỷ đồng trở lên", "vi"),
    ("vi-hectares", "từ 4.332,98 ha trở lên", "vi"),
    ("en-at-least", "at least 90%", "en"),
    ("en-between", "between 3% and 5%", "en"),
    ("en-at-most", "at most 4%", "en"),
]


@pytest.mark.parametrize(("text", "lang"), [c[1:] for c in WRITTEN], ids=[c[0] for c in WRITTEN])
def test_text_round_trip(text: str, lang: str) -> None:
    # written as format_target writes it: read and written back, the text is unchanged
    spec = rm.parse_target(text, lang)
    assert spec.unit is not None
    assert rm.format_target(rm.Target(INDICATOR_FOR[spec.unit], spec.rule), lang) == text
