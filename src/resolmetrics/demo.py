"""The embedded example: an (invented) mid-term review of a district resolution.

``resolmetrics demo`` prints its review table and summary. The figures are
invented but written the way real review tables write them.
"""

from __future__ import annotations

from .evaluate import evaluate
from .indicators import PARTY_QUALITY, Direction, Indicator
from .results import Result
from .rules import above, at_least, at_most, below, between
from .targets import Target
from .verdicts import Verdict

__all__ = ["TITLE", "demo_review", "demo_verdicts"]

TITLE = {
    "en": "Mid-term review of the example district resolution (invented figures)",
    "vi": "Sơ kết giữa nhiệm kỳ nghị quyết mẫu của huyện (số liệu giả định)",
}

SHARE = (0, 100)

# key: (English name, Vietnamese name)
_NAMES = {
    "cells_good": ("Party cells rated good or better", "Chi bộ hoàn thành tốt nhiệm vụ trở lên"),
    "members_good": ("Members rated good or better", "Đảng viên hoàn thành tốt nhiệm vụ trở lên"),
    "cultured": ("Households meeting the cultural standard", "Hộ gia đình đạt chuẩn văn hóa"),
    "admitted": ("New members admitted, 2020-2022", "Kết nạp đảng viên mới, 2020-2022"),
    "inspected": ("Party organisations inspected", "Tổ chức đảng được kiểm tra"),
    "poverty": ("Poor households", "Tỷ lệ hộ nghèo"),
    "revenue": ("Budget revenue", "Thu ngân sách"),
    "committee": ("District committee rating", "Xếp loại Ban Chấp hành Đảng bộ huyện"),
    "prices": ("Consumer price rise", "Chỉ số giá tiêu dùng tăng"),
    "forest": ("Forest cover", "Tỷ lệ che phủ rừng"),
    "unemployment": ("Urban unemployment", "Tỷ lệ thất nghiệp khu vực thành thị"),
}


def demo_review(lang: str = "en") -> list[tuple[Target, Result | None]]:
    """The example's targets, each with its reported result (None: nothing reported)."""
    names = {key: pair[lang == "vi"] for key, pair in _NAMES.items()}

    def share(key: str, **options: object) -> Indicator:
        return Indicator(key, name=names[key], unit="percent", limits=SHARE, **options)  # type: ignore[arg-type]

    admitted = Indicator("admitted", name=names["admitted"], unit="member")
    revenue = Indicator("revenue", name=names["revenue"], unit="triệu đồng")
    committee = Indicator("committee", name=names["committee"], scale=PARTY_QUALITY)
    prices = Indicator("prices", name=names["prices"], unit="percent",
                       direction=Direction.ON_TARGET)  # fmt: skip
    return [
        (Target(share("cells_good"), above(90)), Result(94)),
        (Target(share("members_good"), at_least(92)), Result("94.5")),
        (Target(share("cultured"), at_least(97)), Result(97)),
        (Target(admitted, at_least(240)), Result(249)),
        (Target(share("inspected"), at_least(70)), Result.ratio(33, 52)),
        (
            Target(share("poverty", direction=Direction.LOWER_IS_BETTER), below(4)),
            Result("3.1"),
        ),
        (Target(revenue, at_least(25_000), unit="tỷ đồng"), Result(26_150_000)),
        (Target(committee, at_least("HTTNV")), Result("HTXSNV")),
        (Target(prices, between(3, 5)), Result("5.4")),
        (Target(share("forest"), at_least(45)), None),
        (
            Target(share("unemployment", direction=Direction.LOWER_IS_BETTER), at_most(4)),
            Result("4.0"),
        ),
    ]


def demo_verdicts(lang: str = "en") -> list[Verdict]:
    """The example's verdicts, in order."""
    return [evaluate(target, result) for target, result in demo_review(lang)]
