"""Targets not yet due at a mid-term review, assessed by two progress methods.

"Đến năm 2025, tỷ lệ che phủ rừng đạt 45% trở lên" and "đến năm 2025, tỷ lệ
hộ nghèo dưới 1,5%" are due at the end of 2025. On 30 June 2023 they are in
progress: the verdict gives the latest value, how much of the target it
attains, and whether it is on track, by linear pro-rating (the level expected
by now on a straight line from the baseline) and by the Open SDG method (the
growth so far against the growth the target needs). At the end of the term
the same target gets a final verdict.

Run it with ``python examples/term_progress.py``. The figures are invented.
"""

from __future__ import annotations

from datetime import date

import resolmetrics as rm

MID_TERM = date(2023, 6, 30)
END_OF_TERM = date(2025, 12, 31)

METHODS = {
    "linear pro-rating": rm.Policy(progress="linear"),
    # A share in percent has the natural limit 100.
    "Open SDG": rm.Policy(progress=rm.OpenSDG(limit=100)),
}


def yearly(figures: dict[int, str]) -> list[rm.Result]:
    """One result per year."""
    return [rm.Result(value, period=year) for year, value in figures.items()]


def show(title: str, target: rm.Target, results: list[rm.Result]) -> None:
    """Print the mid-term verdict of *target* by each method, then its final verdict."""
    print(title)
    for name, policy in METHODS.items():
        verdict = rm.evaluate(target, results, as_of=MID_TERM, policy=policy)
        progress = verdict.progress
        assert progress is not None
        # Linear pro-rating is exact (its value is a Fraction or a Decimal); growth
        # rates are roots, kept to 50 significant digits, and shown rounded here.
        value = progress.value if progress.method == "linear" else f"{progress.value:.4f}"
        print(f"  {name}: {verdict.status.value}, {progress.status} (value {value})")
        if progress.method == "linear":
            print(f"    expected by {verdict.period}: {progress.parameters['expected']}")
        else:
            growth = progress.parameters["growth"] * 100  # type: ignore[operator]
            needed = progress.parameters["required_growth"] * 100  # type: ignore[operator]
            print(f"    growth so far {growth:.2f}% a year, needed {needed:.2f}% a year")
        print(f"    en: {verdict.explain('en')}")
        print(f"    vi: {verdict.explain('vi')}")


def main() -> None:
    forest = rm.Indicator("forest", name="Forest cover", unit="percent", limits=(0, 100))
    forest_target = rm.Target(
        forest, rm.at_least(45), due=2025, baseline=rm.Baseline("40.5", 2020)
    )
    forest_results = yearly({2021: "41.2", 2022: "42.1"})
    show("Forest cover: at least 45% by 2025, from 40.5% in 2020", forest_target, forest_results)

    poverty = rm.Indicator(
        "poverty",
        name="Poor households",
        unit="percent",
        limits=(0, 100),
        direction=rm.Direction.LOWER_IS_BETTER,
    )
    poverty_target = rm.Target(
        poverty, rm.below("1.5"), due=2025, baseline=rm.Baseline("3.9", 2020)
    )
    poverty_results = yearly({2021: "3.1", 2022: "2.6"})
    show("Poor households: below 1.5% by 2025, from 3.9% in 2020", poverty_target, poverty_results)

    # At the end of the term the target is due and gets a final verdict.
    final = rm.evaluate(
        forest_target, [*forest_results, *yearly({2025: "45.3"})], as_of=END_OF_TERM
    )
    print(f"Forest cover at the end of the term: {final.explain('en', detail=True)}")
    print(f"  vi: {final.explain('vi', detail=True)}")


if __name__ == "__main__":
    main()
