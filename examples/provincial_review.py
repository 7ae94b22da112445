"""The mid-term review of a provincial resolution, printed in Vietnamese and in English.

The resolution has a row of two component targets on the base organisations
(a share of units judged from their ratings, and a quota on excellent
ratings), a yearly target judged every year, a committee rated every year,
a row of economic targets (compound growth, revenue in tỷ đồng reported in
triệu đồng, income growth across enterprises), a term target with a
baseline, and one target nothing was reported for. It is reviewed on
30 June 2023, the middle of the 2020-2025 term.

Run it with ``python examples/provincial_review.py``. The province, its
resolution and every figure are invented.
"""

from __future__ import annotations

from datetime import date

import resolmetrics as rm

TERM = (2020, 2025)
AS_OF = date(2023, 6, 30)

TITLE = {
    "vi": "Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 (giả định)",
    "en": "Resolution of the provincial party congress, term 2020-2025 (invented)",
}
HEADING = {
    "vi": f"Sơ kết giữa nhiệm kỳ, ngày {AS_OF:%d/%m/%Y}",
    "en": f"Mid-term review at {AS_OF:%d %B %Y}",
}

# key: (Vietnamese name, English name)
NAMES = {
    "quality": ("Chất lượng tổ chức cơ sở đảng", "Quality of base organisations"),
    "base_good": (
        "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
        "Base organisations rated good or better",
    ),
    "base_excellent": (
        "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ",
        "Base organisations rated excellent",
    ),
    "admitted": ("Kết nạp đảng viên mới", "New members admitted"),
    "committee": ("Xếp loại Ban Chấp hành Đảng bộ tỉnh", "Provincial party committee rating"),
    "economy": ("Phát triển kinh tế", "Economy"),
    "grdp": ("Tổng sản phẩm trên địa bàn (GRDP)", "Gross regional product (GRDP)"),
    "revenue": ("Thu ngân sách trên địa bàn", "Budget revenue"),
    "income": (
        "Thu nhập người lao động trong doanh nghiệp nhà nước",
        "Income of workers in state enterprises",
    ),
    "poverty": ("Tỷ lệ hộ nghèo", "Poor households"),
    "schools": ("Trường học đạt chuẩn quốc gia", "Schools meeting the national standard"),
}


def provincial_resolution(lang: str) -> rm.Resolution:
    """The resolution, with the names of its indicators in *lang*."""
    name = {key: pair[0] if lang == "vi" else pair[1] for key, pair in NAMES.items()}
    # The two targets on base organisations judge the same ratings, filed under one key.
    base_good = rm.Indicator("base_rating", name=name["base_good"], scale=rm.PARTY_QUALITY)
    base_excellent = rm.Indicator(
        "base_rating", name=name["base_excellent"], scale=rm.PARTY_QUALITY
    )
    admitted = rm.Indicator("admitted", name=name["admitted"], unit="member")
    committee = rm.Indicator("committee", name=name["committee"], scale=rm.PARTY_QUALITY)
    grdp = rm.Indicator("grdp", name=name["grdp"], unit="tỷ đồng")
    revenue = rm.Indicator("revenue", name=name["revenue"], unit="triệu đồng")
    income = rm.Indicator("income", name=name["income"], unit="triệu đồng")
    poverty = rm.Indicator(
        "poverty", name=name["poverty"], unit="percent", direction=rm.Direction.LOWER_IS_BETTER
    )
    schools = rm.Indicator("schools", name=name["schools"], unit="percent", limits=(0, 100))

    targets: list[rm.Target | rm.Group] = [
        rm.Group(
            name["quality"],
            [
                # "90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên".
                rm.Target(base_good, rm.at_least("HTTNV"), across=rm.at_least_share(90)),
                # "Số hoàn thành xuất sắc nhiệm vụ không quá 20% số hoàn thành tốt nhiệm
                # vụ trở lên", the cap rounded down to a whole organisation.
                rm.Target(
                    base_excellent,
                    rm.quota(
                        rm.at_least("HTXSNV"), at_most=20, of=rm.at_least("HTTNV"), rounding="down"
                    ),
                ),
            ],
        ),
        # "Kết nạp 120 đảng viên trở lên mỗi năm": every year must reach it.
        rm.Target(admitted, rm.at_least(120), per="year", combine="each"),
        # "Ban Chấp hành hoàn thành tốt nhiệm vụ trở lên hằng năm".
        rm.Target(committee, rm.at_least("HTTNV"), per="year", combine="each"),
        rm.Group(
            name["economy"],
            [
                # "Tốc độ tăng trưởng GRDP bình quân 7%/năm trở lên", compound.
                rm.Target(grdp, rm.at_least(7), per="year", growth="cagr"),
                # "Thu ngân sách đạt 12.000 tỷ đồng trở lên", reported in triệu đồng.
                rm.Target(revenue, rm.at_least(12_000), unit="tỷ đồng"),
                # "Thu nhập tăng 5-7%/năm ở ít nhất 3 doanh nghiệp".
                rm.Target(
                    income,
                    rm.between(5, 7),
                    per="year",
                    growth="yoy",
                    combine="each",
                    across=rm.at_least_count(3),
                ),
            ],
        ),
        # "Đến năm 2025, tỷ lệ hộ nghèo dưới 1,5%", from 3.9% in 2020.
        rm.Target(poverty, rm.below("1.5"), due=2025, baseline=rm.Baseline("3.9", 2020)),
        # "70% trường học đạt chuẩn quốc gia": nothing reported yet.
        rm.Target(schools, rm.at_least(70)),
    ]
    return rm.Resolution(TITLE[lang], targets, term=TERM)


def yearly(figures: dict[int, object], **options: object) -> list[rm.Result]:
    """One result per year."""
    return [rm.Result(value, period=year, **options) for year, value in figures.items()]  # type: ignore[arg-type]


def reported_results() -> dict[str, list[rm.Result]]:
    """What the province reported by the review date, filed under the indicators' keys."""
    ratings = ["HTXSNV"] * 3 + ["HTTNV"] * 16 + ["HTNV"]
    incomes = {
        # enterprise: average income in triệu đồng a year, 2020-2022
        "Cty Cao su": (100, 106, 112),
        "Cty Chè": (80, 84, 90),
        "Cty Cà phê": (90, 93, 98),
        "Cty Điện lực": (120, 127, 134),
    }
    return {
        "base_rating": [
            rm.Result(rating, entity=f"TCCS {number:02d}")
            for number, rating in enumerate(ratings, start=1)
        ],
        "admitted": yearly({2020: 125, 2021: 131, 2022: 118}),
        "committee": yearly({2020: "HTTNV", 2021: "HTTNV", 2022: "HTTNV"}),
        "grdp": yearly({2020: 40_000, 2021: 42_600, 2022: 45_800}),
        "revenue": [rm.Result(12_480_000, period=2022)],
        "income": [
            rm.Result(level, period=year, entity=firm)
            for firm, levels in incomes.items()
            for year, level in zip((2020, 2021, 2022), levels, strict=True)
        ],
        "poverty": yearly({2020: "3.9", 2021: "3.1", 2022: "2.6"}),
    }


def main() -> None:
    results = reported_results()
    for lang in ("vi", "en"):
        report = provincial_resolution(lang).evaluate(results, as_of=AS_OF)
        print(report.resolution.name)
        print(HEADING[lang])
        print(report.table(lang))
        print(report.summary(lang))
        print()


if __name__ == "__main__":
    main()
