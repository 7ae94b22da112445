"""A handful of verdicts, each explained in English and in Vietnamese.

Each verdict is printed as the short phrase of a review table's verdict
column (``verdict.explain()``), then in detail, with the value and the target
it was judged against (``verdict.explain(lang, detail=True)``).

Run it with ``python examples/first_verdicts.py``. The figures are invented.
"""

from __future__ import annotations

import resolmetrics as rm


def main() -> None:
    cells = rm.Indicator("cells_good", name="Party cells rated good or better", unit="percent")
    members = rm.Indicator("members_good", name="Members rated good or better", unit="percent")
    cultured = rm.Indicator(
        "cultured", name="Households meeting the cultural standard", unit="percent"
    )
    poverty = rm.Indicator(
        "poverty",
        name="Poor households",
        unit="percent",
        direction=rm.Direction.LOWER_IS_BETTER,
    )
    admitted = rm.Indicator("admitted", name="New members admitted", unit="member")
    committee = rm.Indicator("committee", name="Party committee rating", scale=rm.PARTY_QUALITY)
    inspected = rm.Indicator("inspected", name="Party organisations inspected", unit="percent")
    water = rm.Indicator("water", name="Households using clean water", unit="percent")
    staff = rm.Indicator("staff", name="Commune civil servants", unit="person")
    forest = rm.Indicator("forest", name="Forest cover", unit="percent")

    cases = [
        # "Trên 90%": a strict bound that is met is achieved (Đạt).
        (rm.Target(cells, rm.above(90)), rm.Result(94)),
        # "92% trở lên": an inclusive bound that is beaten is exceeded (Vượt).
        (rm.Target(members, rm.at_least(92)), rm.Result("94.5")),
        # Exactly on an inclusive bound: achieved.
        (rm.Target(cultured, rm.at_least(97)), rm.Result(97)),
        # "Dưới 4%" on an indicator where lower is better.
        (rm.Target(poverty, rm.below(4)), rm.Result("3.1")),
        # A count: the margin is also given relative to the bound.
        (rm.Target(admitted, rm.at_least(240)), rm.Result(249)),
        # A rating: the margin counts rating steps.
        (rm.Target(committee, rm.at_least("HTTNV")), rm.Result("HTNV")),
        # A share given as a count out of a total, kept exact.
        (rm.Target(inspected, rm.at_least(70)), rm.Result.ratio(33, 52)),
        # A hair short of "95% trở lên": shown with the decimals that tell it from 95%.
        (rm.Target(water, rm.at_least(95)), rm.Result.ratio(4_749, 4_999)),
        # A planned headcount: a miss on either side is a miss ("off by", not "short by").
        (rm.Target(staff, rm.exactly(120)), rm.Result(123)),
        # Nothing reported: no data, never "not achieved".
        (rm.Target(forest, rm.at_least(45)), None),
    ]

    for number, (target, result) in enumerate(cases, start=1):
        verdict = rm.evaluate(target, result)
        print(f"{number}. {target.indicator.title} [{verdict.status.value}]: {verdict.explain()}")
        print(f"   en: {verdict.explain('en', detail=True)}")
        print(f"   vi: {verdict.explain('vi', detail=True)}")


if __name__ == "__main__":
    main()
