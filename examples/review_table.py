"""A small commune-level review, printed in Vietnamese and in English.

The verdict column holds the short phrase of ``verdict.explain(lang)``; the
result column shows each value rounded, but never onto the bound it is
judged against (see the health insurance row).

Run it with ``python examples/review_table.py``. The commune, its targets and
its figures are invented.
"""

from __future__ import annotations

import resolmetrics as rm

TITLE = {
    "vi": "Sơ kết giữa nhiệm kỳ nghị quyết Đảng bộ xã (số liệu giả định)",
    "en": "Mid-term review of the commune party resolution (invented figures)",
}

# key: (Vietnamese name, English name)
NAMES = {
    "cells_good": ("Chi bộ hoàn thành tốt nhiệm vụ trở lên", "Party cells rated good or better"),
    "members_good": (
        "Đảng viên hoàn thành tốt nhiệm vụ trở lên",
        "Members rated good or better",
    ),
    "insured": ("Người dân tham gia bảo hiểm y tế", "Residents with health insurance"),
    "admitted": ("Kết nạp đảng viên mới", "New members admitted"),
    "poverty": ("Tỷ lệ hộ nghèo", "Poor households"),
    "revenue": ("Thu ngân sách xã", "Commune budget revenue"),
    "committee": ("Xếp loại Đảng bộ xã", "Commune party committee rating"),
    "cultured": ("Gia đình đạt chuẩn văn hóa", "Families meeting the cultural standard"),
    "roads": ("Đường giao thông nông thôn được cứng hóa", "Rural roads paved"),
}


def commune_review(lang: str) -> list[rm.Verdict]:
    """The review's verdicts, with indicator names in *lang*."""
    name = {key: pair[0] if lang == "vi" else pair[1] for key, pair in NAMES.items()}

    def share(key: str, direction: rm.Direction | None = None) -> rm.Indicator:
        return rm.Indicator(
            key, name=name[key], unit="percent", direction=direction, limits=(0, 100)
        )

    rows: list[tuple[rm.Target, rm.Result | None]] = [
        # "Trên 85%": 11 of 12 cells, kept exact.
        (rm.Target(share("cells_good"), rm.above(85)), rm.Result.ratio(11, 12)),
        # "90% trở lên".
        (rm.Target(share("members_good"), rm.at_least(90)), rm.Result("92.6")),
        # "95% trở lên": 2 849 of 2 999 residents, 94.998...%, a hair short.
        (rm.Target(share("insured"), rm.at_least(95)), rm.Result.ratio(2_849, 2_999)),
        # "Kết nạp 15 đảng viên trở lên".
        (
            rm.Target(
                rm.Indicator("admitted", name=name["admitted"], unit="member"), rm.at_least(15)
            ),
            rm.Result(18),
        ),
        # "Giảm tỷ lệ hộ nghèo xuống dưới 2%": lower is better.
        (
            rm.Target(share("poverty", rm.Direction.LOWER_IS_BETTER), rm.below(2)),
            rm.Result("2.4"),
        ),
        # "Thu ngân sách đạt 8,5 tỷ đồng trở lên", reported in triệu đồng.
        (
            rm.Target(
                rm.Indicator("revenue", name=name["revenue"], unit="tỷ đồng"), rm.at_least("8.5")
            ),
            rm.Result(9_120, unit="triệu đồng"),
        ),
        # "Đảng bộ hoàn thành tốt nhiệm vụ trở lên".
        (
            rm.Target(
                rm.Indicator("committee", name=name["committee"], scale=rm.PARTY_QUALITY),
                rm.at_least("HTTNV"),
            ),
            rm.Result("HTTNV"),
        ),
        # Not reported yet.
        (rm.Target(share("cultured"), rm.at_least(90)), None),
        # "Cứng hóa 12 km đường giao thông nông thôn".
        (
            rm.Target(rm.Indicator("roads", name=name["roads"], unit="km"), rm.at_least(12)),
            rm.Result("10.5"),
        ),
    ]
    return [rm.evaluate(target, result) for target, result in rows]


def main() -> None:
    for lang in ("vi", "en"):
        verdicts = commune_review(lang)
        print(TITLE[lang])
        print(rm.review_table(verdicts, lang))
        print(rm.summary(verdicts, lang))
        print()


if __name__ == "__main__":
    main()
