"""Units: money in tỷ đồng, triệu đồng and đồng; counts of members and visits; unit errors.

Run it with ``python examples/units_and_money.py``. The figures are invented.
"""

from __future__ import annotations

import resolmetrics as rm


def show(verdict: rm.Verdict) -> None:
    """Print *verdict* in detail, in English and in Vietnamese."""
    print(f"    en: {verdict.explain('en', detail=True)}")
    print(f"    vi: {verdict.explain('vi', detail=True)}")


def main() -> None:
    # The commune's budget revenue target is written in tỷ đồng (10^9 đồng).
    revenue = rm.Indicator("revenue", name="Commune budget revenue", unit="tỷ đồng")
    revenue_target = rm.Target(revenue, rm.at_least(12))

    reports = [
        ("finance office, in triệu đồng", rm.Result(12_480, unit="triệu đồng")),
        ("treasury, in đồng", rm.Result(11_750_000_000, unit="đồng")),
        ("no unit: the indicator's unit, tỷ đồng", rm.Result(12)),
    ]
    print("Budget revenue: at least 12 tỷ đồng")
    for source, result in reports:
        verdict = rm.evaluate(revenue_target, result)
        print(f"  {source}: {result!r} -> actual {verdict.actual!r} tỷ đồng")
        show(verdict)

    # A count of members: "đảng viên" and "member" are the same unit.
    admitted = rm.Indicator("admitted", name="New members admitted", unit="member")
    admitted_target = rm.Target(admitted, rm.at_least(15))
    print("New members admitted: at least 15")
    for result in (rm.Result(18, unit="đảng viên"), rm.Result(16)):
        print(f"  {result!r}")
        show(rm.evaluate(admitted_target, result))

    # Visits (lượt người) are a count of their own: one person may come many times.
    visits = rm.Indicator("visits", name="Visits to the cultural house", unit="lượt người")
    visits_target = rm.Target(visits, rm.at_least(5_000))
    print("Visits to the cultural house: at least 5,000")
    show(rm.evaluate(visits_target, rm.Result(5_200)))
    try:
        rm.evaluate(visits_target, rm.Result(5_200, unit="người"))
    except rm.UnitError as error:
        print(f"UnitError: {error}")

    # A unit of your own, named in several words.
    rm.define_unit("lượt khách = [guest_visit]")
    guests = rm.Indicator("guests", name="Tourist arrivals", unit="lượt khách")
    print("Tourist arrivals: at least 20,000 lượt khách")
    show(rm.evaluate(rm.Target(guests, rm.at_least(20_000)), rm.Result(21_500)))

    # A share is not a count: judging a member count on a percentage is refused.
    try:
        rm.evaluate(admitted_target, rm.Result(93, unit="percent"))
    except rm.UnitError as error:
        print(f"UnitError: {error}")


if __name__ == "__main__":
    main()
