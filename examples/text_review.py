"""A review table read from its text, judged, and printed in Vietnamese and English.

The target column and the result column are pasted as a report writes them
("Trên 90% chi bộ hoàn thành tốt nhiệm vụ trở lên", "33/52 = 63,5%",
"1.245.600 triệu đồng"). ``rm.parse_target`` reads each target,
``rm.Result.parse`` each result, ``TargetSpec.to_target`` ties the target to
its indicator, and ``rm.evaluate`` judges it at the review date. The same
table written in English goes through the same steps and gets the same
verdicts.

Run it with ``python examples/text_review.py``. The commune, its targets and
its figures are invented; see docs/howto/text-to-verdicts.md.
"""

from __future__ import annotations

from datetime import date

import resolmetrics as rm

TITLE = {
    "vi": "Sơ kết giữa nhiệm kỳ 2020-2025, ngày 30/06/2023 (số liệu giả định)",
    "en": "Mid-term review of the term 2020-2025 at 30 June 2023 (invented figures)",
}
READ = {"vi": "Chỉ tiêu đọc được:", "en": "Targets as read:"}
TERM = (2020, 2025)
AS_OF = date(2023, 6, 30)

# (target, result) as written in the review table; incomes in triệu đồng a year.
TABLES = {
    "vi": [
        (
            "Trên 90% chi bộ hoàn thành tốt nhiệm vụ trở lên",
            "Chi bộ 1: HTXSNV; Chi bộ 2: HTTNV; Chi bộ 3: HTTNV; "
            "Chi bộ 4: hoàn thành xuất sắc nhiệm vụ; Chi bộ 5: HTTNV; Chi bộ 6: HTTNV; "
            "Chi bộ 7: HTNV; Chi bộ 8: HTTNV; Chi bộ 9: HTTNV; Chi bộ 10: HTTNV; "
            "Chi bộ 11: HTXSNV; Chi bộ 12: HTTNV",
        ),
        ("Kết nạp 15 đảng viên trở lên mỗi năm", "2020: 16; 2021: 18; 2022: 14"),
        (
            "Thu nhập bình quân của người lao động tăng 5-7%/năm",
            "2020: 96; 2021: 101,5; 2022: 108",
        ),
        ("Trong nhiệm kỳ, 70% tổ chức đảng được kiểm tra", "33/52 = 63,5%"),
        ("Thu ngân sách trên địa bàn đạt 1.200 tỷ đồng", "1.245.600 triệu đồng"),
        ("Tỷ lệ hộ nghèo còn dưới 3%", "2,6%"),
        ("97% trở lên hộ gia đình đạt chuẩn văn hóa", "96,2%"),
    ],
    "en": [
        (
            "More than 90% of party cells rated good or better",
            "Cell 1: HTXSNV; Cell 2: HTTNV; Cell 3: HTTNV; Cell 4: rated excellent; "
            "Cell 5: HTTNV; Cell 6: HTTNV; Cell 7: HTNV; Cell 8: HTTNV; Cell 9: HTTNV; "
            "Cell 10: HTTNV; Cell 11: HTXSNV; Cell 12: HTTNV",
        ),
        ("New members admitted: 15 or more each year", "2020: 16; 2021: 18; 2022: 14"),
        ("Average income of workers up 5-7% a year", "2020: 96; 2021: 101.5; 2022: 108"),
        ("70% of party organisations inspected during the term", "33/52 = 63.5%"),
        ("Budget revenue: 1,200 billion đồng", "1,245,600 million đồng"),
        ("Poor households below 3%", "2.6%"),
        ("At least 97% of families meeting the cultural standard", "96.2%"),
    ],
}

# One indicator per row: what the text cannot say (rated or not, unit, direction).
INDICATORS = [
    rm.Indicator("cells", scale=rm.PARTY_QUALITY),
    rm.Indicator("admitted", unit="member"),
    rm.Indicator("income", unit="triệu đồng"),
    rm.Indicator("inspected", unit="percent", limits=(0, 100)),
    rm.Indicator("revenue", unit="tỷ đồng"),
    rm.Indicator("poverty", unit="percent", direction="lower_is_better", limits=(0, 100)),
    rm.Indicator("cultured", unit="percent", limits=(0, 100)),
]


def read_results(cell: str, lang: str) -> rm.Result | list[rm.Result]:
    """The results in one cell: one figure, or "2020: 16; ..." / "Chi bộ 1: HTNV; ..."."""
    if ": " not in cell:
        return rm.Result.parse(cell, lang)
    results = []
    for part in cell.split("; "):
        where, figure = part.split(": ")
        if where.isdigit():
            results.append(rm.Result.parse(figure, lang, period=int(where)))
        else:
            results.append(rm.Result.parse(figure, lang, entity=where))
    return results


def label(spec: rm.TargetSpec) -> str:
    """The subject of the target, capitalised, as the label of its row."""
    return spec.subject[:1].upper() + spec.subject[1:]


def review(lang: str) -> tuple[list[rm.TargetSpec], list[rm.Verdict]]:
    """The targets of the table in *lang* as read, and their verdicts at the review date."""
    specs, verdicts = [], []
    for indicator, (target_text, result_text) in zip(INDICATORS, TABLES[lang], strict=True):
        spec = rm.parse_target(target_text, lang)
        target = spec.to_target(indicator, term=TERM, label=label(spec))
        specs.append(spec)
        verdicts.append(rm.evaluate(target, read_results(result_text, lang), as_of=AS_OF))
    return specs, verdicts


def main() -> None:
    for lang in ("vi", "en"):
        specs, verdicts = review(lang)
        print(TITLE[lang])
        print(READ[lang])
        for number, spec in enumerate(specs, 1):
            print(
                f"  {number}. {spec.text} -> {spec.rule!r}, unit={spec.unit!r}, "
                f"per={spec.per!r}, due={spec.due!r}, measure={spec.measure!r}"
            )
        print(rm.review_table(verdicts, lang))
        print(rm.summary(verdicts, lang))
        print()


if __name__ == "__main__":
    main()
