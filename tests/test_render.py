"""Verdicts in words: explanations, display rounding, review tables and summaries.

Every expected text below is written from the contract and hand arithmetic.
"""

from __future__ import annotations

import pytest

import resolmetrics as rm
from resolmetrics.render import review_table, summary

SHARE = rm.Indicator("share", unit="percent")
LOWER_SHARE = rm.Indicator("poverty", unit="percent", direction=rm.Direction.LOWER_IS_BETTER)
BAND = rm.Indicator("prices", unit="percent", direction=rm.Direction.ON_TARGET)
MEMBERS = rm.Indicator("admitted", unit="member")
ENTERPRISES = rm.Indicator("firms", unit="enterprise")
MONEY = rm.Indicator("revenue", unit="triệu đồng")
RATING = rm.Indicator("committee", scale=rm.PARTY_QUALITY)
PLAIN = rm.Indicator("count")


def _verdict(
    indicator: rm.Indicator,
    rule: rm.Rule,
    result: rm.Result | None,
    policy: rm.Policy | None = None,
    **target: str,
) -> rm.Verdict:
    return rm.evaluate(rm.Target(indicator, rule, **target), result, policy=policy)


# (id, verdict, English, Vietnamese), all with detail=True
EXPLAINED = [
    ("points-exceeded", _verdict(SHARE, rm.at_least(90), rm.Result("93.1")),
     "exceeded by 3.1 percentage points: 93.1% against at least 90%",
     "Vượt 3,1 điểm phần trăm: 93,1% so với từ 90% trở lên"),
    ("strict-met", _verdict(SHARE, rm.above(95), rm.Result(98)),
     "achieved: 98% against above 95%", "Đạt: 98% so với trên 95%"),
    ("strict-on-bound", _verdict(SHARE, rm.above(95), rm.Result(95)),
     "not achieved, on the bound: 95% against above 95%",
     "Không đạt, bằng ngưỡng: 95% so với trên 95%"),
    ("lower-below", _verdict(LOWER_SHARE, rm.below(4), rm.Result("3.1")),
     "achieved: 3.1% against below 4%", "Đạt: 3,1% so với dưới 4%"),
    # lower is better: a miss is too high, worded "over by" / "cao hơn"
    ("lower-missed", _verdict(LOWER_SHARE, rm.at_most(4), rm.Result("4.25")),
     "not achieved, over by 0.25 percentage points: 4.25% against at most 4%",
     "Không đạt, cao hơn 0,25 điểm phần trăm: 4,25% so với không quá 4%"),
    ("band-outside", _verdict(BAND, rm.between(3, 5), rm.Result("5.4")),
     "not achieved, off by 0.4 percentage points: 5.4% against between 3% and 5%",
     "Không đạt, lệch 0,4 điểm phần trăm: 5,4% so với từ 3% đến 5%"),
    # 249 against 240: +9, 9/240 = 3.75 %
    ("count-relative", _verdict(MEMBERS, rm.at_least(240), rm.Result(249)),
     "exceeded by 3.75% (9 members): 249 members against at least 240 members",
     "Vượt 3,75% (9 đảng viên): 249 đảng viên so với từ 240 đảng viên trở lên"),
    # 9 against 8: +1, 1/8 = 12.5 %; English singular after exactly 1
    ("count-singular", _verdict(ENTERPRISES, rm.at_least(8), rm.Result(9)),
     "exceeded by 12.5% (1 enterprise): 9 enterprises against at least 8 enterprises",
     "Vượt 12,5% (1 doanh nghiệp): 9 doanh nghiệp so với từ 8 doanh nghiệp trở lên"),
    # 26,150,000 triệu = 26,150 tỷ; +1,150 tỷ = 4.6 % of 25,000
    ("money-converted",
     _verdict(MONEY, rm.at_least(25_000), rm.Result(26_150_000), unit="tỷ đồng"),
     "exceeded by 4.6% (1,150 billion đồng): 26,150 billion đồng against at least "
     "25,000 billion đồng",
     "Vượt 4,6% (1.150 tỷ đồng): 26.150 tỷ đồng so với từ 25.000 tỷ đồng trở lên"),
    ("rating-one-step", _verdict(RATING, rm.at_least("HTTNV"), rm.Result("HTXSNV")),
     "exceeded by 1 rating step: HTXSNV against at least HTTNV",
     "Vượt 1 bậc xếp loại: HTXSNV so với từ HTTNV trở lên"),
    ("rating-two-steps-short", _verdict(RATING, rm.at_least("HTTNV"), rm.Result("KHTNV")),
     "not achieved, short by 2 rating steps: KHTNV against at least HTTNV",
     "Không đạt, thiếu 2 bậc xếp loại: KHTNV so với từ HTTNV trở lên"),
    ("one-point", _verdict(SHARE, rm.at_least(90), rm.Result(91)),
     "exceeded by 1 percentage point: 91% against at least 90%",
     "Vượt 1 điểm phần trăm: 91% so với từ 90% trở lên"),
    # 930 ‰ against 900 ‰: 30 per-mille points (3 percentage points)
    ("permille", _verdict(SHARE, rm.at_least(900), rm.Result(93), unit="permille"),
     "exceeded by 30 per-mille points: 930‰ against at least 900‰",
     "Vượt 30 điểm phần nghìn: 930‰ so với từ 900‰ trở lên"),
    ("exactly-over", _verdict(PLAIN, rm.exactly(100), rm.Result(110)),
     "not achieved, off by 10% (10): 110 against exactly 100",
     "Không đạt, lệch 10% (10): 110 so với đúng 100"),
    ("no-data", _verdict(SHARE, rm.at_least(90), None),
     "no data: nothing was reported for share",
     "Chưa có số liệu: chưa có kết quả cho share"),
]  # fmt: skip


@pytest.mark.parametrize(("verdict", "en", "vi"), [c[1:] for c in EXPLAINED],
                         ids=[c[0] for c in EXPLAINED])  # fmt: skip
def test_explain_in_detail(verdict: rm.Verdict, en: str, vi: str) -> None:
    assert verdict.explain(detail=True) == en
    assert verdict.explain("vi", detail=True) == vi


@pytest.mark.parametrize(("verdict", "en", "vi"), [c[1:] for c in EXPLAINED],
                         ids=[c[0] for c in EXPLAINED])  # fmt: skip
def test_short_explanation_is_the_text_before_the_colon(
    verdict: rm.Verdict, en: str, vi: str
) -> None:
    assert verdict.explain() == en.split(": ")[0]
    assert verdict.explain("vi") == vi.split(": ")[0]


# Display never hides a difference: not by rounding a miss onto its bound,
# nor a margin to 0, nor a value onto the far end of a range, nor the bound itself.
NEVER_MISLEADING = [
    ("miss-below-bound", rm.Target(SHARE, rm.at_least(90)), rm.Result("89.999"), None,
     "not achieved, short by 0.001 percentage points: 89.999% against at least 90%"),
    ("beaten-barely", rm.Target(SHARE, rm.at_least(90)), rm.Result("90.001"), None,
     "exceeded by 0.001 percentage points: 90.001% against at least 90%"),
    ("bound-keeps-its-decimals", rm.Target(SHARE, rm.at_least("90.125")),
     rm.Result("90.13"), None,
     "exceeded by 0.01 percentage points: 90.13% against at least 90.125%"),
    ("bound-beyond-policy-places", rm.Target(SHARE, rm.at_least("92.5")), rm.Result(93),
     rm.Policy(places=0), "exceeded by 1 percentage point: 93% against at least 92.5%"),
    ("far-end-of-range", rm.Target(SHARE, rm.between(3, 5)), rm.Result("4.999"), None,
     "achieved: 4.999% against between 3% and 5%"),
    ("far-end-lower-range", rm.Target(LOWER_SHARE, rm.between(2, 4)), rm.Result("2.001"),
     None, "achieved: 2.001% against between 2% and 4%"),
    ("past-twelve-places-written-exactly", rm.Target(SHARE, rm.at_least(90)),
     rm.Result("89.99999999999999999999"), None,
     "not achieved, short by 0.00000000000000000001 percentage points: "
     "89.99999999999999999999% against at least 90%"),
    # 4,749 of 4,999 households: 474900/4999 % = 94.99899...%, 5/4999 = 0.0010002 points short
    ("ratio-near-bound", rm.Target(SHARE, rm.at_least(95)), rm.Result.ratio(4749, 4999),
     None, "not achieved, short by 0.001 percentage points: 94.999% against at least 95%"),
    ("fewer-places-by-policy", rm.Target(SHARE, rm.at_least(90)), rm.Result("93.14"),
     rm.Policy(places=1), "exceeded by 3.1 percentage points: 93.1% against at least 90%"),
    ("truncation-by-policy", rm.Target(SHARE, rm.at_least(90)), rm.Result("93.19"),
     rm.Policy(places=1, rounding="ROUND_DOWN"),
     "exceeded by 3.1 percentage points: 93.1% against at least 90%"),
]  # fmt: skip


@pytest.mark.parametrize(("target", "result", "policy", "text"),
                         [c[1:] for c in NEVER_MISLEADING],
                         ids=[c[0] for c in NEVER_MISLEADING])  # fmt: skip
def test_display_never_hides_a_difference(
    target: rm.Target, result: rm.Result, policy: rm.Policy | None, text: str
) -> None:
    assert rm.evaluate(target, result, policy=policy).explain(detail=True) == text


def test_review_table_in_vietnamese_has_the_customary_columns_and_rows() -> None:
    verdicts = [
        _verdict(SHARE, rm.above(90), rm.Result(94)),
        _verdict(SHARE, rm.at_least(92), rm.Result("94.5")),
    ]
    table = review_table(verdicts, "vi", tablefmt="github")
    lines = table.splitlines()
    assert [cell.strip() for cell in lines[0].strip("|").split("|")] == [
        "STT", "Mục tiêu", "Thực hiện", "So sánh với mục tiêu",
    ]  # fmt: skip
    assert [cell.strip() for cell in lines[2].strip("|").split("|")] == [
        "1", "share: trên 90%", "94%", "Đạt",
    ]  # fmt: skip
    assert [cell.strip() for cell in lines[3].strip("|").split("|")] == [
        "2", "share: từ 92% trở lên", "94,5%", "Vượt 2,5 điểm phần trăm",
    ]  # fmt: skip


def test_review_table_uses_the_label_when_the_target_has_one() -> None:
    verdict = rm.evaluate(
        rm.Target(SHARE, rm.at_least(90), label="Chi bộ trong sạch"), rm.Result(91)
    )
    assert "Chi bộ trong sạch: at least 90%" in review_table([verdict], tablefmt="plain")


def test_summary_counts_components_by_status() -> None:
    verdicts = [
        _verdict(SHARE, rm.above(90), rm.Result(94)),  # achieved
        _verdict(SHARE, rm.at_least(92), rm.Result("94.5")),  # exceeded
        _verdict(SHARE, rm.at_least(97), rm.Result(97)),  # achieved
        _verdict(SHARE, rm.at_least(70), rm.Result.ratio(33, 52)),  # not achieved
        _verdict(SHARE, rm.at_least(45), None),  # no data
    ]
    assert summary(verdicts) == (
        "Met 3 of 5 targets (2 achieved, 1 exceeded); 1 not achieved; 1 with no data."
    )
    assert summary(verdicts, "vi") == (
        "Hoàn thành và vượt 3/5 chỉ tiêu (2 đạt, 1 vượt); không đạt 1/5 chỉ tiêu; "
        "chưa có số liệu 1/5 chỉ tiêu."
    )


def test_summary_of_one_target_is_singular() -> None:
    verdict = _verdict(SHARE, rm.above(90), rm.Result(94))
    assert summary([verdict]) == "Met 1 of 1 target (1 achieved, 0 exceeded)."


@pytest.mark.parametrize("call", [
    lambda v: v.explain("fr"),
    lambda v: review_table([v], "fr"),
    lambda v: summary([v], "fr"),
])  # fmt: skip
def test_an_unsupported_language_is_an_argument_error(call: object) -> None:
    verdict = _verdict(SHARE, rm.above(90), rm.Result(94))
    with pytest.raises(rm.InvalidArgumentError) as info:
        call(verdict)  # type: ignore[operator]
    assert str(info.value) == "lang='fr' is not a supported language; use 'en' or 'vi'"


def test_points_may_be_written_the_customary_way() -> None:
    """DOMAIN.md section 1, row 2: "92% trở lên" with 94,5% is written "Vượt 2,5%"."""
    verdict = _verdict(SHARE, rm.at_least(92), rm.Result("94.5"))
    assert verdict.explain("vi") == "Vượt 2,5 điểm phần trăm"
    assert verdict.explain("vi", points="percent") == "Vượt 2,5%"
    assert verdict.explain(points="percent") == "exceeded by 2.5%"
    customary = _verdict(SHARE, rm.at_least(92), rm.Result("94.5"), rm.Policy(points="percent"))
    assert customary.explain("vi") == "Vượt 2,5%"
    # a count's margin is relative already: the option changes nothing there
    members = _verdict(MEMBERS, rm.at_least(240), rm.Result(249), rm.Policy(points="percent"))
    assert members.explain("vi") == "Vượt 3,75% (9 đảng viên)"


def test_an_unknown_points_style_is_refused() -> None:
    with pytest.raises(rm.InvalidArgumentError) as info:
        rm.Policy(points="pp")
    assert str(info.value) == (
        'Policy(points) must be \'words\' ("3.1 percentage points", "3,1 điểm phần trăm", '
        "the default) or 'percent' (the customary \"Vượt 3,1%\"), got 'pp'"
    )
