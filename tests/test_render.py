"""Verdicts in words: explanations, display rounding, review tables and summaries.

Every expected text below is written from the contract and hand arithmetic.
"""

from __future__ import annotations

from datetime import date

import pytest

import resolmetrics as rm
from resolmetrics.render import actual_text, review_table, summary

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
    assert summary([verdict]) == "Met 1 of 1 target (1 achieved)."


# A target of each status, reviewed on 30 June 2023: (rule, result, due year).
_OF_STATUS = {
    "A": (rm.above(90), rm.Result(94), None),  # a met strict bound: achieved
    "E": (rm.at_least(92), rm.Result("94.5"), None),  # exceeded
    "N": (rm.at_least(97), rm.Result(96), None),  # not achieved
    "P": (rm.at_least(70), rm.Result(60, period=2022), 2025),  # due in 2025: in progress
    "D": (rm.at_least(45), None, None),  # nothing reported: no data
}


def _status_report(statuses: str) -> rm.Report:
    """A resolution of one target for each letter of *statuses*, reviewed mid-2023."""
    targets, found = [], {}
    for i, letter in enumerate(statuses, 1):
        rule, result, due = _OF_STATUS[letter]
        targets.append(rm.Target(rm.Indicator(f"k{i}", unit="percent"), rule, due=due))
        if result is not None:
            found[f"k{i}"] = result
    report = rm.Resolution("R", targets).evaluate(found, as_of=date(2023, 6, 30))
    letters = {"A": "achieved", "E": "exceeded", "N": "not_achieved", "P": "in_progress",
               "D": "no_data"}  # fmt: skip
    assert [v.status.value for v in report.verdicts] == [letters[c] for c in statuses]
    return report


# (statuses, English, Vietnamese): a zero count is left out of the brackets, and the
# brackets themselves when nothing is met; the rest of the sentence is as before.
SUMMARIES = [
    ("EENNNN", "Met 2 of 6 targets (2 exceeded); 4 not achieved.",
     "Hoàn thành và vượt 2/6 chỉ tiêu (2 vượt); không đạt 4/6 chỉ tiêu."),
    ("AAN", "Met 2 of 3 targets (2 achieved); 1 not achieved.",
     "Hoàn thành và vượt 2/3 chỉ tiêu (2 đạt); không đạt 1/3 chỉ tiêu."),
    ("AEE", "Met 3 of 3 targets (1 achieved, 2 exceeded).",
     "Hoàn thành và vượt 3/3 chỉ tiêu (1 đạt, 2 vượt)."),
    ("NNN", "Met 0 of 3 targets; 3 not achieved.",
     "Hoàn thành và vượt 0/3 chỉ tiêu; không đạt 3/3 chỉ tiêu."),
    ("NPD", "Met 0 of 3 targets; 1 not achieved; 1 in progress; 1 with no data.",
     "Hoàn thành và vượt 0/3 chỉ tiêu; không đạt 1/3 chỉ tiêu; đang thực hiện 1/3 chỉ "
     "tiêu; chưa có số liệu 1/3 chỉ tiêu."),
    ("D", "Met 0 of 1 target; 1 with no data.",
     "Hoàn thành và vượt 0/1 chỉ tiêu; chưa có số liệu 1/1 chỉ tiêu."),
    ("", "Met 0 of 0 targets.", "Hoàn thành và vượt 0/0 chỉ tiêu."),
]  # fmt: skip


@pytest.mark.parametrize(("statuses", "en", "vi"), SUMMARIES)
def test_summary_leaves_out_zero_counts_of_the_met(statuses: str, en: str, vi: str) -> None:
    report = _status_report(statuses)
    assert summary(report.verdicts) == report.summary() == en
    assert summary(report.verdicts, "vi") == report.summary("vi") == vi


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("statuses", ["EENNNN", "AAN", "NNN", "NPD"])
def test_an_audit_reads_the_new_summaries_back(statuses: str, lang: str) -> None:
    from resolmetrics.audit import FindingKind, Published, audit

    report = _status_report(statuses)
    rows = {row.number: row.verdicts[0].explain(lang) for row in report.rows}
    text = report.summary(lang)
    findings = audit(report, Published(rows, summary=text, lang=lang)).findings
    (read,) = [f for f in findings if f.number == ""]
    assert read.kind is FindingKind.AGREES, read.reason


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


# --------------------------------------------------------------------------- result cells


def _cell(
    target: rm.Target, found: list[rm.Result], as_of: date | None, lang: str
) -> tuple[str, str]:
    """The result cell and the verdict cell of *target*'s row."""
    verdict = rm.evaluate(target, found, as_of=as_of)
    line = review_table([verdict], lang, tablefmt="github").splitlines()[2]
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    assert actual_text(verdict, lang) == cells[2]
    return cells[2], cells[3]


POOR = rm.Target(LOWER_SHARE, rm.below(2), due=2024)
POOR_BY_JUNE = rm.Target(LOWER_SHARE, rm.below(2), due=date(2024, 6, 30))
SO_FAR = [rm.Result(3, period=2022), rm.Result("2.4", period=2023)]
MID_2023, MID_2024 = date(2023, 6, 30), date(2024, 6, 30)

# (target, results, as_of, English cell, Vietnamese cell). A target with a due date,
# judged on one result of a known year, names that year when it is not the due year,
# or while the target is in progress; a result of the due year itself, judged at or
# after the due date, is shown bare, and so are results without a year.
DUE_CELLS = [
    # final review, due 2024, latest result 2023's: 2.4 is not below 2, not achieved
    (POOR, SO_FAR, None, "2.4% (2023)", "2,4% (2023)"),
    # a result of the due year: no year to name
    (POOR, [*SO_FAR, rm.Result("1.8", period=2024)], None, "1.8%", "1,8%"),
    # reviewed mid-2023: the latest year up to 2023 is 2023 itself; in progress
    (POOR, SO_FAR, MID_2023, "2.4% (2023)", "2,4% (2023)"),
    # reviewed mid-2024, 2024's result already in: in progress, so its year is named
    (POOR, [*SO_FAR, rm.Result("1.8", period=2024)], MID_2024, "1.8% (2024)",
     "1,8% (2024)"),
    # due on a date: 2023's result, judged after the date, is named
    (POOR_BY_JUNE, SO_FAR, None, "2.4% (2023)", "2,4% (2023)"),
    (POOR_BY_JUNE, [rm.Result("1.9", period=2024)], date(2024, 7, 1), "1.9%", "1,9%"),
    # a result without a year: nothing to name
    (POOR, [rm.Result("2.4")], None, "2.4%", "2,4%"),
    # no due date: an ordinary row stays as it was
    (rm.Target(LOWER_SHARE, rm.below(2)), SO_FAR, None, "2.4%", "2,4%"),
]  # fmt: skip


@pytest.mark.parametrize(("target", "found", "as_of", "en", "vi"), DUE_CELLS)
def test_a_due_target_names_the_year_of_its_result(
    target: rm.Target, found: list[rm.Result], as_of: date | None, en: str, vi: str
) -> None:
    assert _cell(target, found, as_of, "en")[0] == en
    assert _cell(target, found, as_of, "vi")[0] == vi


def test_the_year_is_in_the_detailed_explanation_too() -> None:
    verdict = rm.evaluate(POOR, SO_FAR)
    # 2.4 against below 2: 0.4 points too high
    assert verdict.explain(detail=True) == (
        "not achieved, over by 0.4 percentage points: 2.4% (2023) against below 2%, by 2024"
    )
    assert verdict.explain("vi", detail=True) == (
        "Không đạt, cao hơn 0,4 điểm phần trăm: 2,4% (2023) so với dưới 2%, đến năm 2024"
    )


ADMITTED = rm.Target(MEMBERS, rm.at_least(200), per="year", combine="total", term=(2021, 2024))
REPORTED = [rm.Result(v, period=y) for y, v in {2021: 210, 2022: 190, 2023: 225}.items()]
EVERY_YEAR = rm.Target(SHARE, rm.at_least(90), per="year", combine="each", term=(2020, 2022))

# (target, results, English cells, Vietnamese cells): a final review of a yearly target
# with a due year unreported is NO_DATA; its result cell still lists the years reported,
# a dash for each missing one, the word unit once at the end.
MISSING_YEAR_CELLS = [
    (ADMITTED, REPORTED,
     ("2021: 210; 2022: 190; 2023: 225; 2024: — (members)", "no data for 2024"),
     ("2021: 210; 2022: 190; 2023: 225; 2024: — (đảng viên)", "Chưa có số liệu: 2024")),
    # a share keeps its % on each value; a year missing in the middle
    (EVERY_YEAR, [rm.Result(91, period=2020), rm.Result(93, period=2022)],
     ("2020: 91%; 2021: —; 2022: 93%", "no data for 2021"),
     ("2020: 91%; 2021: —; 2022: 93%", "Chưa có số liệu: 2021")),
    # two years missing, a plain count: no unit to name
    (rm.Target(PLAIN, rm.at_least(5), per="year", combine="mean", term=(2021, 2023)),
     [rm.Result(6, period=2022)],
     ("2021: —; 2022: 6; 2023: —", "no data for 2021, 2023"),
     ("2021: —; 2022: 6; 2023: —", "Chưa có số liệu: 2021, 2023")),
    # nothing reported at all: nothing to list
    (ADMITTED, [], ("", "no data for 2021, 2022, 2023, 2024"),
     ("", "Chưa có số liệu: 2021, 2022, 2023, 2024")),
]  # fmt: skip


@pytest.mark.parametrize(("target", "found", "en", "vi"), MISSING_YEAR_CELLS)
def test_no_data_for_a_missing_year_still_shows_the_years_reported(
    target: rm.Target, found: list[rm.Result], en: tuple[str, str], vi: tuple[str, str]
) -> None:
    assert _cell(target, found, None, "en") == en
    assert _cell(target, found, None, "vi") == vi


def test_with_missing_years_skipped_the_total_is_of_the_years_reported() -> None:
    # 210 + 190 + 225 = 625 against 3 x 200 = 600: exceeded by 25, 25 / 600 = 4.17%
    verdict = rm.evaluate(ADMITTED, REPORTED, policy=rm.Policy(missing="skip"))
    assert actual_text(verdict) == "2021: 210; 2022: 190; 2023: 225 (total 625 members)"
    assert verdict.explain() == "exceeded by 4.17% (25 members)"


# One pair of brackets after a verdict: the amount beside a relative margin and the note
# on which year or unit decided share it, "2.5% (2 members; weakest year 2022)".
REVENUE = rm.Indicator("revenue", unit="tỷ đồng")
UNIT_RESULTS = [rm.Result(120, entity="A"), rm.Result(90, entity="B")]


def _yearly(indicator: rm.Indicator, rule: rm.Rule, values: dict[int, int]) -> rm.Verdict:
    target = rm.Target(
        indicator, rule, per="year", combine="each", term=(min(values), max(values))
    )
    return rm.evaluate(target, [rm.Result(v, period=year) for year, v in values.items()])


@pytest.mark.parametrize(
    ("verdict", "en", "vi"),
    [
        # 2022's 78 members is 2 short of 80: 2/80 = 2.5%, and 2022 decided
        (_yearly(MEMBERS, rm.at_least(80), {2020: 85, 2021: 82, 2022: 78}),
         "not achieved, short by 2.5% (2 members; weakest year 2022)",
         "Không đạt, thiếu 2,5% (2 đảng viên; năm thấp nhất 2022)"),
        # every unit at least 100 tỷ đồng: B's 90 is 10 short, 10/100 = 10%
        (rm.evaluate(rm.Target(REVENUE, rm.at_least(100), across="all"), UNIT_RESULTS),
         "not achieved, short by 10% (10 billion đồng; weakest unit B)",
         "Không đạt, thiếu 10% (10 tỷ đồng; đơn vị thấp nhất B)"),
        # any unit: A's 120 beats 100 by 20, 20/100 = 20%; 1 of the 2 units met
        (rm.evaluate(rm.Target(REVENUE, rm.at_least(100), across="any"), UNIT_RESULTS),
         "exceeded by 20% (20 billion đồng; 1/2 units met)",
         "Vượt 20% (20 tỷ đồng; 1/2 đơn vị đạt)"),
        # a margin in points has no brackets of its own: the note has its pair alone
        (_yearly(SHARE, rm.at_least(90), {2020: 92, 2021: 88}),
         "not achieved, short by 2 percentage points (weakest year 2021)",
         "Không đạt, thiếu 2 điểm phần trăm (năm thấp nhất 2021)"),
        # nor has a verdict without an amount
        (_yearly(SHARE, rm.above(90), {2020: 92, 2021: 90}),
         "not achieved, on the bound (weakest year 2021)",
         "Không đạt, bằng ngưỡng (năm thấp nhất 2021)"),
        (_yearly(REVENUE, rm.at_least(100), {2020: 110, 2021: 100}),
         "achieved (weakest year 2021)",
         "Đạt (năm thấp nhất 2021)"),
    ],
)  # fmt: skip
def test_the_note_on_what_decided_shares_the_amounts_brackets(
    verdict: rm.Verdict, en: str, vi: str
) -> None:
    assert verdict.explain() == en
    assert verdict.explain("vi") == vi
    assert ") (" not in en + vi


@pytest.mark.parametrize("tablefmt", ["simple_grid", "grid", "github", "plain"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_plain_count_with_a_thousands_separator_is_a_cell_of_text(
    tablefmt: str, lang: str
) -> None:
    """A count with no unit shows as "1,500" (vi "1.500"), which tabulate's wrapping of grid
    tables took for a malformed number and failed on; the cell is text, written as it is."""
    households = rm.Indicator("households", name="Households connected")
    resolution = rm.Resolution("R", [rm.Target(households, rm.at_least(1000))])
    report = resolution.evaluate({"households": [rm.Result(1500)]})
    table = report.table(lang, tablefmt=tablefmt)
    assert ("1,500" if lang == "en" else "1.500") in table
    assert ("1,000" if lang == "en" else "1.000") in table
