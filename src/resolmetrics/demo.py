"""The embedded example: the mid-term review of an invented provincial resolution.

``resolmetrics demo`` prints its review table and summary. The province, the
resolution and every figure are invented, but written the way real review
tables write them, and they use every kind of target resolmetrics judges:
thresholds strict and inclusive, a lower-is-better rate, money in tỷ and
triệu đồng, a committee's yearly rating, yearly targets judged every year or
in total, growth rates, term targets not yet due (with progress), targets
over enterprises and base organisations, a quota of ratings, and a row of
two component targets.
"""

from __future__ import annotations

from datetime import date

from .indicators import PARTY_QUALITY, Direction, Indicator
from .results import Result
from .rules import (
    above,
    at_least,
    at_least_count,
    at_least_share,
    at_most,
    below,
    between,
    quota,
)
from .targets import Baseline, Target

__all__ = ["AS_OF", "TITLE", "demo_resolution", "demo_results"]

AS_OF = date(2023, 6, 30)
"""The review date: the middle of the 2020-2025 term."""

TITLE = {
    "en": "Resolution of the 17th Provincial Party Congress, term 2020-2025 (invented)",
    "vi": "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025 (giả định)",
}

SHARE = (0, 100)

# key: (English name, Vietnamese name)
_NAMES = {
    "quality": ("Quality of party cells and members", "Chất lượng chi bộ và đảng viên"),
    "cells_good": ("Party cells rated good or better", "Chi bộ hoàn thành tốt nhiệm vụ trở lên"),
    "members_good": ("Members rated good or better", "Đảng viên hoàn thành tốt nhiệm vụ trở lên"),
    "admitted": ("New members admitted", "Kết nạp đảng viên mới"),
    "committee": ("Provincial committee rating", "Xếp loại Ban Chấp hành Đảng bộ tỉnh"),
    "base_rating": (
        "Base organisations rated good or better",
        "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
    ),
    "excellent_quota": (
        "Base organisations rated excellent",
        "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ",
    ),
    "inspected": ("Party organisations inspected", "Tổ chức đảng được kiểm tra"),
    "grdp_growth": ("Gross regional product", "Tổng sản phẩm trên địa bàn (GRDP)"),
    "revenue": ("Budget revenue", "Thu ngân sách"),
    "income": (
        "Income of workers in state enterprises",
        "Thu nhập người lao động trong doanh nghiệp nhà nước",
    ),
    "poverty": ("Poor households", "Tỷ lệ hộ nghèo"),
    "forest": ("Forest cover", "Tỷ lệ che phủ rừng"),
    "prices": ("Consumer price rise", "Chỉ số giá tiêu dùng tăng"),
    "communes": (
        "Communes meeting the new rural standard",
        "Xã đạt chuẩn nông thôn mới",
    ),
}


def demo_resolution(lang: str = "en") -> object:
    """The example resolution (a :class:`~resolmetrics.Resolution`), names in *lang*."""
    from .resolution import Group, Resolution

    name = {key: pair[lang == "vi"] for key, pair in _NAMES.items()}

    def share(key: str, **options: object) -> Indicator:
        return Indicator(key, name=name[key], unit="percent", limits=SHARE, **options)  # type: ignore[arg-type]

    cells, members = share("cells_good"), share("members_good")
    admitted = Indicator("admitted", name=name["admitted"], unit="member")
    committee = Indicator("committee", name=name["committee"], scale=PARTY_QUALITY)
    base = Indicator("base_rating", name=name["base_rating"], scale=PARTY_QUALITY)
    excellent = Indicator("base_rating", name=name["excellent_quota"], scale=PARTY_QUALITY)
    grdp = Indicator("grdp_growth", name=name["grdp_growth"], unit="tỷ đồng")
    revenue = Indicator("revenue", name=name["revenue"], unit="triệu đồng")
    income = Indicator("income", name=name["income"], unit="triệu đồng")
    poverty = share("poverty", direction=Direction.LOWER_IS_BETTER)
    prices = Indicator(
        "prices", name=name["prices"], unit="percent", direction=Direction.ON_TARGET
    )
    communes = Indicator("communes", name=name["communes"], unit="percent", limits=SHARE)
    targets = [
        Group(name["quality"], [Target(cells, above(90)), Target(members, at_least(92))]),
        Target(admitted, at_least(150), per="year", combine="total"),
        Target(committee, at_least("HTTNV"), per="year", combine="each"),
        Target(base, at_least("HTTNV"), across=at_least_share(85)),
        Target(
            excellent, quota(at_least("HTXSNV"), at_most=20, of=at_least("HTTNV"), rounding="down")
        ),
        Target(share("inspected"), at_least(70), due=2025, baseline=Baseline(0, 2020)),
        Target(grdp, at_least(7), per="year", growth="cagr", baseline=Baseline(58_000, 2020)),
        Target(revenue, at_least(25_000), unit="tỷ đồng"),
        Target(
            income,
            between(4, 6),
            per="year",
            combine="each",
            growth="yoy",
            across=at_least_count(5),
        ),
        Target(poverty, below(2), due=2025, baseline=Baseline("4.8", 2020)),
        Target(share("forest"), at_least(45)),
        Target(prices, between(3, 5), per="year", combine="mean"),
        Target(communes, at_least(80), due=2025, baseline=Baseline(52, 2020)),
        Target(
            poverty,
            at_most("3.5"),
            per="year",
            combine="latest",
            label=name["poverty"] + (" (mid-term)" if lang == "en" else " (giữa kỳ)"),
        ),
    ]
    return Resolution(TITLE[lang], targets, term=(2020, 2025))


def _yearly(values: dict[int, object], **options: object) -> list[Result]:
    return [Result(value, period=year, **options) for year, value in values.items()]


def demo_results() -> dict[str, list[Result]]:
    """The example's reported results, filed under the indicators' keys."""
    income = {
        # enterprise: yearly average income in triệu đồng, 2020-2022
        "Cty Cấp nước": (96, 100, 105),
        "Cty Môi trường đô thị": (88, 92, "96.5"),
        "Cty Xổ số": (150, 157, 164),
        "Cty Lâm nghiệp": (72, 74, "75.5"),
        "Cty In": (90, "94.5", 99),
        "Cty Khai thác thủy lợi": (80, 84, 88),
    }
    ratings = ["HTXSNV"] * 9 + ["HTTNV"] * 30 + ["HTNV"] * 6 + ["KHTNV"]
    return {
        "cells_good": [Result(94, period=2022)],
        "members_good": [Result("94.5", period=2022)],
        "admitted": _yearly({2020: 152, 2021: 160, 2022: 147}, unit="member"),
        "committee": _yearly({2020: "HTTNV", 2021: "HTXSNV", 2022: "HTTNV"}),
        "base_rating": [Result(r, entity=f"TCCS {i:02d}") for i, r in enumerate(ratings, 1)],
        "inspected": [Result.ratio(33, 52, period=2022)],
        "grdp_growth": _yearly({2020: 58_000, 2021: 62_300, 2022: 66_900}),
        "revenue": [Result(26_150_000, period=2022)],
        "income": [
            Result(level, period=year, entity=firm)
            for firm, levels in income.items()
            for year, level in zip((2020, 2021, 2022), levels, strict=True)
        ],
        "poverty": _yearly({2020: "4.8", 2021: "4.1", 2022: "3.4"}),
        "prices": _yearly({2020: "3.2", 2021: "1.8", 2022: "3.9"}),
        "communes": _yearly({2021: 58, 2022: 61}),
    }
