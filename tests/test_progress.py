"""Progress methods for targets not yet due (PROGRESS_METHODS.md).

1. Statistics Canada's published statuses, reproduced series by series with OpenSDG.
2. Hand-computed cases for every method: bands and their boundaries (a lower
   bound is inclusive), lower-is-better mirrors, the natural-limit factor, the
   zero replacements and the cases that are not available.
3. Exact error messages for bad arguments.
4. explain() in English and Vietnamese.

Expected values come from the published data or are worked out by hand from the
formulas; the growth rates in section 2 are chosen so that their roots are exact
(1.21 ** (1/2) = 1.1, 1.1 ** 5 = 1.61051, ...).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

import resolmetrics as rm
from resolmetrics.progress import (
    UNSD,
    Eurostat,
    LinearProRating,
    OpenSDG,
    Progress,
    ProgressMethod,
    method,
)

H, L = rm.Direction.HIGHER_IS_BETTER, rm.Direction.LOWER_IS_BETTER

# --------------------------------------------------------------------------- 1. Statistics Canada

DATA = Path(__file__).parent / "data" / "statcan-cif" / "indicator_calculation_components.yml"
FIELDS = {
    "base_value",
    "base_year",
    "current_value",
    "current_year",
    "direction",
    "limit",
    "progress_value",
    "score",
    "sign",
    "status",
    "target",
    "target_year",
}


def _load_series() -> dict[str, dict[str, Any]]:
    """Every data series in the file, by its id.

    An indicator holds one or more series (``13-3-1`` holds eleven) beside its
    aggregate ``progress_status`` and ``score``; a few indicators hold none.
    """
    with DATA.open(encoding="utf-8") as stream:
        document = yaml.safe_load(stream)
    series: dict[str, dict[str, Any]] = {}
    for indicator in document.values():
        for key, entry in indicator.items():
            if isinstance(entry, dict):
                assert key not in series, f"series id {key!r} appears twice"
                series[key] = entry
    return series


SERIES = _load_series()


def _year(value: float | None) -> int | None:
    if value is None:
        return None
    assert float(value).is_integer(), value
    return int(value)


def _kind(entry: dict[str, Any]) -> str:
    """What the spec says the series is, from its inputs alone (not from any status)."""
    values = (entry["base_value"], entry["current_value"], entry["base_year"])
    if any(v is None for v in values) or entry["current_year"] in (None, entry["base_year"]):
        return "not available"
    return "target" if entry["target"] is not None else "trend"


def _assess_statcan(entry: dict[str, Any]) -> Progress:
    return OpenSDG(limit=entry["limit"]).assess(
        base_value=entry["base_value"],
        base_year=_year(entry["base_year"]),
        current_value=entry["current_value"],
        current_year=_year(entry["current_year"]),
        target_value=entry["target"],
        target_year=_year(entry["target_year"]),
        direction={1: H, -1: L}[entry["direction"]],
    )


def test_statcan_series_counts() -> None:
    """The file holds 132 series: 39 with a target, 86 trend-only, 7 not available.

    Counted from the inputs (a missing value or year, or a current year equal to
    the base year, is not available), and the 7 are exactly the series published
    as ``not_available``.
    """
    assert len(SERIES) == 132
    assert all(set(entry) == FIELDS for entry in SERIES.values())
    kinds = [_kind(entry) for entry in SERIES.values()]
    assert (kinds.count("target"), kinds.count("trend"), kinds.count("not available")) == (
        39,
        86,
        7,
    )
    unavailable = {key for key, entry in SERIES.items() if _kind(entry) == "not available"}
    published = {key for key, entry in SERIES.items() if entry["status"] == "not_available"}
    assert unavailable == published


@pytest.mark.parametrize("series_id", sorted(SERIES))
def test_statcan_status_reproduced(series_id: str) -> None:
    """OpenSDG reproduces Statistics Canada's published status for every series.

    All 132 series (39 with a target, 86 trend-only, 7 not available), each with
    its own direction, natural limit, target and target year. Where a
    ``progress_value`` is published, the computed ratio (with a target) or growth
    rate (without) agrees with it to 1e-9, relative (the published figures were
    computed with binary floats).
    """
    entry = SERIES[series_id]
    progress = _assess_statcan(entry)
    assert progress.method == "open_sdg"
    assert progress.status == entry["status"]
    published = entry["progress_value"]
    if published is None:
        assert progress.value is None
        assert progress.on_track is None
        return
    assert progress.value is not None
    assert isinstance(progress.value, Decimal)
    assert float(progress.value) == pytest.approx(published, rel=1e-9, abs=1e-12)
    assert progress.on_track is (entry["status"] in ("target_achieved", "substantial_progress"))


# ------------------------------------------------------------------------ 2. hand-computed cases

ANY = object()  # the value is not checked in this case
Y = {"base_year": 2020, "current_year": 2021}  # one year of growth: CAGR = yt / y0 - 1
# A target two years after the base: 121 from 100 needs sqrt(1.21) - 1 = 0.1 a year.
UP = {**Y, "base_value": 100, "target_value": 121, "target_year": 2022}
# Lower is better: 81 from 100 needs sqrt(0.81) - 1 = -0.1 a year.
DOWN = {**Y, "base_value": 100, "target_value": 81, "target_year": 2022, "direction": L}
# Eurostat's short horizon: 5 years, 2019-2024; a target for 2029 needing 10 % a year.
E5 = {"base_value": 100, "base_year": 2019, "current_year": 2024}
E5_UP = {**E5, "target_value": "259.37424601", "target_year": 2029}  # 100 * 1.1 ** 10
E5_DOWN = {**E5, "target_value": "34.86784401", "target_year": 2029, "direction": L}  # 0.9 ** 10

ONE_NINETIETH = Decimal("0.0" + "1" * 50)  # 1/90 to 50 significant digits

# (id, method, arguments, status, value, warnings)
CASES: list[tuple[str, ProgressMethod, dict[str, Any], str, object, tuple[str, ...]]] = [
    # --- Open SDG with a target: R = d * CAGR_actual / |CAGR_required|, required 0.1 ---
    ("osdg-moderate", OpenSDG(), {**UP, "current_value": 108}, "moderate_progress",
     Decimal("0.8"), ()),
    ("osdg-0.95-is-substantial", OpenSDG(), {**UP, "current_value": "109.5"},
     "substantial_progress", Decimal("0.95"), ()),
    ("osdg-just-below-0.95", OpenSDG(), {**UP, "current_value": "109.49"},
     "moderate_progress", Decimal("0.949"), ()),
    ("osdg-0.6-is-moderate", OpenSDG(), {**UP, "current_value": 106}, "moderate_progress",
     Decimal("0.6"), ()),
    ("osdg-just-below-0.6", OpenSDG(), {**UP, "current_value": "105.99"},
     "limited_progress", Decimal("0.599"), ()),
    ("osdg-0-is-limited", OpenSDG(), {**UP, "current_value": 100}, "limited_progress",
     Decimal(0), ()),
    ("osdg-deterioration", OpenSDG(), {**UP, "current_value": 99}, "deterioration",
     Decimal("-0.1"), ()),
    ("osdg-achieved-inclusive", OpenSDG(), {**UP, "current_value": 121}, "target_achieved",
     Decimal("2.1"), ()),
    # a target already met by the base value: achieved whatever the trend (R is negative)
    ("osdg-achieved-whatever-trend", OpenSDG(),
     {**Y, "base_value": 60, "current_value": 55, "target_value": 50, "target_year": 2022},
     "target_achieved", ANY, ()),
    # --- the lower-is-better mirror ---
    ("osdg-down-moderate", OpenSDG(), {**DOWN, "current_value": 92}, "moderate_progress",
     Decimal("0.8"), ()),
    ("osdg-down-0.95", OpenSDG(), {**DOWN, "current_value": "90.5"}, "substantial_progress",
     Decimal("0.95"), ()),
    ("osdg-down-deterioration", OpenSDG(), {**DOWN, "current_value": 101}, "deterioration",
     Decimal("-0.1"), ()),
    ("osdg-down-achieved", OpenSDG(), {**DOWN, "current_value": 81}, "target_achieved",
     Decimal("1.9"), ()),
    # --- Open SDG without a target: d * CAGR against 0.015 / 0.005 / 0 ---
    ("osdg-trend-moderate", OpenSDG(), {**Y, "base_value": 100, "current_value": 101},
     "moderate_progress", Decimal("0.01"), ()),
    ("osdg-trend-0.015", OpenSDG(), {**Y, "base_value": 100, "current_value": "101.5"},
     "substantial_progress", Decimal("0.015"), ()),
    ("osdg-trend-0.005", OpenSDG(), {**Y, "base_value": 100, "current_value": "100.5"},
     "moderate_progress", Decimal("0.005"), ()),
    ("osdg-trend-flat", OpenSDG(), {**Y, "base_value": 100, "current_value": 100},
     "limited_progress", Decimal(0), ()),
    ("osdg-trend-falling", OpenSDG(), {**Y, "base_value": 100, "current_value": "99.9"},
     "deterioration", Decimal("-0.001"), ()),
    ("osdg-trend-down-0.015", OpenSDG(),
     {**Y, "base_value": 100, "current_value": "98.5", "direction": L},
     "substantial_progress", Decimal("0.015"), ()),
    ("osdg-trend-two-years", OpenSDG(),
     {"base_value": 100, "base_year": 2020, "current_value": 121, "current_year": 2022},
     "substantial_progress", Decimal("0.1"), ()),
    # --- the natural limit: thresholds times C = 1 - (y0 / L) ** 4.44 ---
    # 90 -> 91: 1/90 a year is moderate without a limit; with L = 100, C = 1 - 0.9 ** 4.44
    # = 0.37362..., so the cut-offs are 0.0056 and 0.0019: substantial.
    ("osdg-no-limit", OpenSDG(), {**Y, "base_value": 90, "current_value": 91},
     "moderate_progress", ONE_NINETIETH, ()),
    ("osdg-limit-100", OpenSDG(limit=100), {**Y, "base_value": 90, "current_value": 91},
     "substantial_progress", ONE_NINETIETH, ()),
    # a base value at the limit: C = 0, every threshold 0, so no fall is substantial
    ("osdg-at-limit", OpenSDG(limit=100), {**Y, "base_value": 100, "current_value": 100},
     "substantial_progress", Decimal(0), ()),
    # L < y0 < 2L (a minimum limit): C = 1 - ((200 - 110) / 100) ** 4.44, same 0.37362...
    ("osdg-minimum-limit", OpenSDG(limit=100),
     {**Y, "base_value": 110, "current_value": "108.9", "direction": L},
     "substantial_progress", Decimal("0.01"), ()),
    ("osdg-minimum-limit-off", OpenSDG(),
     {**Y, "base_value": 110, "current_value": "108.9", "direction": L},
     "moderate_progress", Decimal("0.01"), ()),
    # y0 >= 2L: C = 1
    ("osdg-far-from-limit", OpenSDG(limit=100), {**Y, "base_value": 200, "current_value": 202},
     "moderate_progress", Decimal("0.01"), ()),
    # the limit corrects only the no-target bands
    ("osdg-limit-ignored-with-target", OpenSDG(limit=100), {**UP, "current_value": 108},
     "moderate_progress", Decimal("0.8"), ()),
    # --- zero replaced by 0.001 ---
    ("osdg-zero-base", OpenSDG(), {**Y, "base_value": 0, "current_value": 1},
     "substantial_progress", Decimal(999), ("zero base value replaced by 0.001",)),
    # 10 -> 0 (read 0.001) in 4 years needs (1e-4) ** (1/4) - 1 = -0.9; 10 -> 1 is -0.9: R = 1
    ("osdg-zero-target", OpenSDG(),
     {**Y, "base_value": 10, "current_value": 1, "target_value": 0, "target_year": 2024,
      "direction": L},
     "substantial_progress", Decimal(1), ("zero target value replaced by 0.001",)),
    # a zero base of a series that goes negative is read as -0.001: -2 / -0.001 = 2000,
    # growth 1999, but for a negative series a rising ratio is a fall: deterioration
    ("osdg-zero-base-negative", OpenSDG(), {**Y, "base_value": 0, "current_value": -2},
     "deterioration", Decimal(-1999), ("zero base value replaced by -0.001",)),
    # only the base is replaced: 0 -> 0 is a fall from 0.001 to nothing (growth -1), which
    # is deterioration where higher is better and substantial progress where lower is
    ("osdg-zero-to-zero", OpenSDG(), {**Y, "base_value": 0, "current_value": 0},
     "deterioration", Decimal(-1), ("zero base value replaced by 0.001",)),
    ("osdg-zero-to-zero-down", OpenSDG(),
     {**Y, "base_value": 0, "current_value": 0, "direction": L},
     "substantial_progress", Decimal(1), ("zero base value replaced by 0.001",)),
    # a series of negative values: -10 -> -5 is a rise, growth -0.5 flipped to 0.5
    ("osdg-negative-series", OpenSDG(), {**Y, "base_value": -10, "current_value": -5},
     "substantial_progress", Decimal("0.5"), ()),
    # --- not available ---
    ("osdg-missing-base", OpenSDG(), {**Y, "base_value": None, "current_value": 5},
     "not_available", None, ()),
    ("osdg-missing-current", OpenSDG(), {**Y, "base_value": 5, "current_value": None},
     "not_available", None, ()),
    ("osdg-missing-year", OpenSDG(),
     {"base_value": 5, "base_year": 2015, "current_value": None, "current_year": None},
     "not_available", None, ()),
    ("osdg-single-year", OpenSDG(),
     {"base_value": 12, "base_year": 2020, "current_value": 12, "current_year": 2020,
      "target_value": 10, "target_year": 2025},
     "not_available", None, ()),
    ("osdg-signs-differ", OpenSDG(), {**Y, "base_value": -5, "current_value": 5},
     "not_available", None,
     ("the base, current and target values do not all have the same sign: no growth rate "
      "can be computed",)),
    ("osdg-target-sign-differs", OpenSDG(),
     {**Y, "base_value": 10, "current_value": 8, "target_value": -2, "target_year": 2030,
      "direction": L},
     "not_available", None,
     ("the base, current and target values do not all have the same sign: no growth rate "
      "can be computed",)),
    # --- Eurostat with a target (short horizon, 2019-2024, 10 % a year needed) ---
    ("eurostat-1.1", Eurostat(horizon="short"), {**E5_UP, "current_value": "161.051"},
     "significant_progress", Decimal(1), ()),
    # 1.095 ** 5 = 1.574238740934375: RoR exactly 0.95
    ("eurostat-0.95", Eurostat(horizon="short"),
     {**E5_UP, "current_value": "157.4238740934375"}, "significant_progress",
     Decimal("0.95"), ()),
    # 1.06 ** 5 = 1.3382255776: RoR exactly 0.6
    ("eurostat-0.6", Eurostat(horizon="short"), {**E5_UP, "current_value": "133.82255776"},
     "moderate_progress", Decimal("0.6"), ()),
    ("eurostat-0", Eurostat(horizon="short"), {**E5_UP, "current_value": 100},
     "insufficient_progress", Decimal(0), ()),
    # 0.99 ** 5 = 0.9509900499: -0.01 / 0.1
    ("eurostat-away", Eurostat(horizon="short"), {**E5_UP, "current_value": "95.09900499"},
     "movement_away", Decimal("-0.1"), ()),
    # Eurostat has no "target achieved": the target met in 2024 is 1.1 ** 2 - 1 = 0.21 a year
    ("eurostat-met", Eurostat(horizon="short"),
     {**E5_UP, "current_value": "259.37424601"}, "significant_progress", Decimal("2.1"), ()),
    # lower is better: 0.9 ** 5 = 0.59049 (-0.1 a year) against -0.1 needed
    ("eurostat-down-1", Eurostat(horizon="short"), {**E5_DOWN, "current_value": "59.049"},
     "significant_progress", Decimal(1), ()),
    # 0.95 ** 5 = 0.7737809375: -0.05 a year, half the pace needed
    ("eurostat-down-0.5", Eurostat(horizon="short"),
     {**E5_DOWN, "current_value": "77.37809375"}, "insufficient_progress", Decimal("0.5"), ()),
    # --- Eurostat without a target: bands of 1 % a year ---
    ("eurostat-trend-minus-1pc", Eurostat(horizon="short"),
     {**E5, "current_value": "95.09900499"}, "moderate_movement_away", Decimal("-0.01"), ()),
    ("eurostat-trend-down-1pc", Eurostat(horizon="short"),
     {**E5, "current_value": "95.09900499", "direction": L}, "significant_progress",
     Decimal("0.01"), ()),
    ("eurostat-trend-flat", Eurostat(horizon="short"), {**E5, "current_value": 100},
     "moderate_progress", Decimal(0), ()),
    # 1.02 ** 5 = 1.1040808032 and 0.98 ** 5 = 0.9039207968
    ("eurostat-trend-2pc", Eurostat(horizon="short"), {**E5, "current_value": "110.40808032"},
     "significant_progress", Decimal("0.02"), ()),
    ("eurostat-trend-minus-2pc", Eurostat(horizon="short"),
     {**E5, "current_value": "90.39207968"}, "significant_movement_away", Decimal("-0.02"), ()),
    ("eurostat-horizon-warning", Eurostat(), {**E5, "current_value": "110.40808032"},
     "significant_progress", Decimal("0.02"),
     ("the period 2019-2024 covers 5 years; Eurostat's long-term assessment covers 15 years "
      "(from 2009 to 2024)",)),
    ("eurostat-zero-base", Eurostat(),
     {"base_value": 0, "base_year": 2009, "current_value": 5, "current_year": 2024},
     "significant_progress", ANY, ("zero base value replaced by 0.001",)),
    ("eurostat-single-year", Eurostat(),
     {"base_value": 5, "base_year": 2024, "current_value": 5, "current_year": 2024},
     "not_available", None, ()),
    # --- UNSD: v_T = yt * (1 + CAGR) ** (T - t), rho = (v_T - y0) / (yT - y0) ---
    # 50 (2015) -> 60 (2020): v_2030 = 60 * 1.2 ** 2 = 86.4; (86.4 - 50) / 50 = 0.728
    ("unsd-acceleration", UNSD(),
     {"base_value": 50, "base_year": 2015, "current_value": 60, "current_year": 2020,
      "target_value": 100, "target_year": 2030},
     "acceleration_needed", Decimal("0.728"), ()),
    # the same against 80: 36.4 / 30 = 1.21333...
    ("unsd-on-track", UNSD(),
     {"base_value": 50, "base_year": 2015, "current_value": 60, "current_year": 2020,
      "target_value": 80, "target_year": 2030},
     "on_track", Decimal("1.21" + "3" * 47), ()),
    # lower is better: 50 -> 40, v_2030 = 40 * 0.8 ** 2 = 25.6; (25.6 - 50) / (20 - 50)
    ("unsd-down", UNSD(),
     {"base_value": 50, "base_year": 2015, "current_value": 40, "current_year": 2020,
      "target_value": 20, "target_year": 2030, "direction": L},
     "acceleration_needed", Decimal("0.81" + "3" * 48), ()),
    # boundaries, assessed in the target year itself (v_T = yt): (yt - 100) / 20
    ("unsd-0.95", UNSD(),
     {"base_value": 100, "base_year": 2020, "current_value": 119, "current_year": 2025,
      "target_value": 120, "target_year": 2025},
     "on_track", Decimal("0.95"), ()),
    ("unsd-0.1", UNSD(),
     {"base_value": 100, "base_year": 2020, "current_value": 102, "current_year": 2025,
      "target_value": 120, "target_year": 2025},
     "acceleration_needed", Decimal("0.1"), ()),
    ("unsd-below-0.1", UNSD(),
     {"base_value": 100, "base_year": 2020, "current_value": "101.9", "current_year": 2025,
      "target_value": 120, "target_year": 2025},
     "stagnation_or_regression", Decimal("0.095"), ()),
    # achieved: 80 (2020) from 50 (2015): v_2030 = 80 * 1.6 ** 2 = 204.8; 154.8 / 30 = 5.16
    ("unsd-achieved", UNSD(),
     {"base_value": 50, "base_year": 2015, "current_value": 80, "current_year": 2020,
      "target_value": 80, "target_year": 2030},
     "target_achieved", Decimal("5.16"), ()),
    # a target of 100 % is achieved within 1 percentage point, only for a percentage
    ("unsd-percent-100", UNSD(percent=True),
     {"base_value": 90, "base_year": 2015, "current_value": 99, "current_year": 2020,
      "target_value": 100, "target_year": 2030},
     "target_achieved", ANY, ()),
    ("unsd-percent-100-short", UNSD(percent=True),
     {"base_value": 90, "base_year": 2015, "current_value": "98.9", "current_year": 2025,
      "target_value": 100, "target_year": 2025},
     "acceleration_needed", Decimal("0.89"), ()),
    ("unsd-not-percent-100", UNSD(),
     {"base_value": 90, "base_year": 2015, "current_value": 99, "current_year": 2025,
      "target_value": 100, "target_year": 2025},
     "acceleration_needed", Decimal("0.9"), ()),
    ("unsd-percent-0", UNSD(percent=True),
     {"base_value": 10, "base_year": 2015, "current_value": "0.8", "current_year": 2025,
      "target_value": 0, "target_year": 2025, "direction": L},
     "target_achieved", Decimal("0.92"), ()),
    # a target behind the base value, missed: no share of the change to measure
    ("unsd-target-not-ahead", UNSD(),
     {"base_value": 60, "base_year": 2015, "current_value": 45, "current_year": 2020,
      "target_value": 50, "target_year": 2030},
     "stagnation_or_regression", None,
     ("the target 50 does not lie beyond the base value 60 in the direction of improvement: "
      "the share of the required change is undefined",)),
    ("unsd-target-not-ahead-met", UNSD(),
     {"base_value": 60, "base_year": 2015, "current_value": 55, "current_year": 2020,
      "target_value": 50, "target_year": 2030},
     "target_achieved", None, ()),
    ("unsd-zero-base", UNSD(),
     {"base_value": 0, "base_year": 2015, "current_value": 5, "current_year": 2025,
      "target_value": 10, "target_year": 2025},
     "acceleration_needed", Decimal("0.5"), ("zero base value replaced by 0.001",)),
    ("unsd-missing", UNSD(),
     {"base_value": 50, "base_year": 2015, "current_value": None, "current_year": 2020,
      "target_value": 100, "target_year": 2030},
     "not_available", None, ()),
    # --- linear pro-rating: expected = y0 + (yT - y0) * elapsed share of the term ---
    # 50 (2020) -> 70 (2025): by 2023 expected 50 + 20 * 3/5 = 62; 60 is behind; 10/12 of it
    ("linear-off-track", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 60, "current_year": 2023,
      "target_value": 70, "target_year": 2025},
     "off_track", Fraction(5, 6), ()),
    ("linear-on-expected", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 62, "current_year": 2023,
      "target_value": 70, "target_year": 2025},
     "on_track", Decimal(1), ()),
    ("linear-achieved", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 70, "current_year": 2023,
      "target_value": 70, "target_year": 2025},
     "target_achieved", Fraction(5, 3), ()),
    # lower is better: 50 -> 30 by 2025, expected 50 - 20 * 3/5 = 38 in 2023
    ("linear-down-on-expected", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 38, "current_year": 2023,
      "target_value": 30, "target_year": 2025, "direction": L},
     "on_track", Decimal(1), ()),
    ("linear-down-behind", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 39, "current_year": 2023,
      "target_value": 30, "target_year": 2025, "direction": L},
     "off_track", Fraction(11, 12), ()),
    ("linear-target-not-ahead", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 35, "current_year": 2023,
      "target_value": 40, "target_year": 2025},
     "off_track", None,
     ("the target 40 does not lie beyond the base value 50 in the direction of improvement: "
      "there is no share of the expected change to report",)),
    ("linear-target-not-ahead-met", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 45, "current_year": 2023,
      "target_value": 40, "target_year": 2025},
     "target_achieved", None, ()),
    ("linear-single-year", LinearProRating(),
     {"base_value": 50, "base_year": 2020, "current_value": 55, "current_year": 2020,
      "target_value": 70, "target_year": 2025},
     "not_available", None, ()),
]  # fmt: skip

BEST = {
    "open_sdg": {"target_achieved", "substantial_progress"},
    "eurostat": {"significant_progress"},
    "unsd": {"target_achieved", "on_track"},
    "linear": {"target_achieved", "on_track"},
}


@pytest.mark.parametrize(
    ("assessor", "arguments", "status", "value", "warnings"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_hand_computed(
    assessor: ProgressMethod,
    arguments: dict[str, Any],
    status: str,
    value: object,
    warnings: tuple[str, ...],
) -> None:
    progress = assessor.assess(**arguments)
    assert progress.status == status
    if value is not ANY:
        assert progress.value == value
        assert type(progress.value) is type(value)
    assert progress.warnings == warnings
    if status == "not_available":
        assert progress.on_track is None
        assert progress.value is None
    else:
        assert progress.on_track is (status in BEST[progress.method])


def test_values_are_kept_to_50_significant_digits() -> None:
    """1/90 a year is kept to 50 significant digits, not to a float's 17."""
    progress = OpenSDG().assess(base_value=90, base_year=2020, current_value=91, current_year=2021)
    assert progress.value == ONE_NINETIETH
    assert isinstance(progress.value, Decimal)
    assert len(progress.value.as_tuple().digits) == 50


def test_limit_factor_and_scaled_thresholds() -> None:
    """C = 1 - 0.9 ** 4.44 = 0.3736216... (by hand: exp(4.44 * ln 0.9) = 0.6263784)."""
    progress = OpenSDG(limit=100).assess(
        base_value=90, base_year=2020, current_value=91, current_year=2021
    )
    factor = progress.parameters["limit_factor"]
    assert isinstance(factor, Decimal)
    assert abs(factor - Decimal("0.3736216")) < Decimal("1e-7")
    upper, lower, zero = progress.parameters["thresholds"]  # type: ignore[misc]
    # exactly 0.015 C and 0.005 C (Fractions: Decimal arithmetic would round to 28 digits)
    assert upper == Fraction("0.015") * Fraction(factor)
    assert lower == Fraction("0.005") * Fraction(factor)
    assert zero == 0
    assert progress.parameters["limit"] == 100
    assert progress.parameters["limit_exponent"] == Decimal("4.44")


def test_parameters_keep_exact_inputs_and_thresholds() -> None:
    progress = OpenSDG().assess(
        base_value="66.6", base_year=2016, current_value=71.4, current_year=2023, direction=L
    )
    parameters = progress.parameters
    assert parameters["base_value"] == Decimal("66.6")
    assert parameters["current_value"] == Decimal("71.4")  # a float is read as its repr
    assert parameters["direction"] is L
    assert parameters["thresholds"] == (Decimal("0.015"), Decimal("0.005"), 0)
    assert parameters["target_value"] is None
    with pytest.raises(TypeError):
        parameters["base_value"] = 1  # type: ignore[index]


def test_linear_parameters() -> None:
    progress = LinearProRating().assess(
        base_value=50, base_year=2020, current_value=60, current_year=2023,
        target_value=70, target_year=2025,
    )  # fmt: skip
    assert progress.parameters["expected"] == 62
    assert progress.parameters["elapsed"] == Fraction(3, 5)
    assert progress.parameters["attainment"] == Fraction(6, 7)  # 60 / 70, exact


def test_unsd_projection() -> None:
    progress = UNSD().assess(
        base_value=50, base_year=2015, current_value=60, current_year=2020,
        target_value=100, target_year=2030,
    )  # fmt: skip
    assert progress.parameters["projected_value"] == Decimal("86.4")  # 60 * 1.2 ** 2
    growth = progress.parameters["growth"]
    assert isinstance(growth, Decimal)
    # 1.2 ** (1/5) - 1 = 0.0371372893... (by hand: exp(ln 1.2 / 5) = exp(0.0364643))
    assert abs(growth - Decimal("0.0371372893")) < Decimal("1e-10")


def test_progress_is_a_frozen_value() -> None:
    first = LinearProRating().assess(
        base_value=50, base_year=2020, current_value=60, current_year=2023,
        target_value=70, target_year=2025,
    )  # fmt: skip
    second = LinearProRating().assess(
        base_value="50.0", base_year=2020, current_value=60, current_year=2023,
        target_value=70, target_year=2025,
    )  # fmt: skip
    assert first == second
    assert hash(first) == hash(second)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("linear", LinearProRating()),
        ("open_sdg", OpenSDG()),
        ("eurostat", Eurostat()),
        ("unsd", UNSD()),
        (OpenSDG(limit=100), OpenSDG(limit=100)),
    ],
)
def test_method_by_name(spec: object, expected: ProgressMethod) -> None:
    assert method(spec) == expected


@pytest.mark.parametrize(
    ("made", "text"),
    [
        (OpenSDG(), "OpenSDG()"),
        (OpenSDG(limit=100), "OpenSDG(limit=100)"),
        (OpenSDG(thresholds=("0.9", "0.5")), "OpenSDG(thresholds=('0.9', '0.5'))"),
        (Eurostat(horizon="short"), "Eurostat(horizon='short')"),
        (UNSD(percent=True), "UNSD(percent=True)"),
        (LinearProRating(), "LinearProRating()"),
    ],
)
def test_method_repr_rebuilds(made: ProgressMethod, text: str) -> None:
    assert repr(made) == text
    assert eval(text) == made


def test_progress_module_is_not_imported_by_the_package() -> None:
    code = (
        "import sys, resolmetrics; "
        "print('resolmetrics.progress' in sys.modules); "
        "import resolmetrics.progress; "
        "print(sorted(m for m in ('pint', 'hypothesis', 'tabulate') if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.split("\n")[:2] == ["False", "[]"]


# --------------------------------------------------------------------------- 3. error messages

AE, AT = rm.InvalidArgumentError, rm.InvalidArgumentTypeError
DIRECTIONS = "use Direction.HIGHER_IS_BETTER or Direction.LOWER_IS_BETTER"


def _call(assessor: ProgressMethod, **changes: Any) -> Callable[[], object]:
    arguments: dict[str, Any] = {
        "base_value": 50, "base_year": 2020, "current_value": 60, "current_year": 2023,
        "target_value": 70, "target_year": 2025,
    }  # fmt: skip
    arguments.update(changes)
    return lambda: assessor.assess(**arguments)


ERRORS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("current-before-base", _call(OpenSDG(), current_year=2019), AE,
     "OpenSDG.assess(current_year)=2019 is before base_year=2020; the current value must be "
     "from the base year or later (are the two years swapped?)"),
    ("target-year-missing", _call(OpenSDG(), target_year=None), AE,
     "OpenSDG.assess(target_year) is missing: the target_value 70 needs the year it is due, "
     "e.g. target_year=2030"),
    ("target-year-missing-eurostat", _call(Eurostat(), target_value="7.25", target_year=None),
     AE, "Eurostat.assess(target_year) is missing: the target_value 7.25 needs the year it is "
     "due, e.g. target_year=2030"),
    ("unsd-needs-target", _call(UNSD(), target_value=None, target_year=None), AE,
     "UNSD.assess(target_value) is missing: this method measures progress toward a target; "
     "give target_value and target_year, or use OpenSDG() or Eurostat(), which also assess a "
     "trend without a target"),
    ("linear-needs-target", _call(LinearProRating(), target_value=None), AE,
     "LinearProRating.assess(target_value) is missing: this method measures progress toward a "
     "target; give target_value and target_year, or use OpenSDG() or Eurostat(), which also "
     "assess a trend without a target"),
    ("target-year-at-base", _call(LinearProRating(), target_year=2020, current_year=2020), AE,
     "LinearProRating.assess(target_year)=2020 must be after base_year=2020: the pace a target "
     "needs is measured from the base year"),
    ("current-after-target", _call(UNSD(), current_year=2026), AE,
     "UNSD.assess(current_year)=2026 is after target_year=2025: the target is already due; "
     "judge it with evaluate() rather than a progress method"),
    ("on-target", _call(OpenSDG(), direction=rm.Direction.ON_TARGET), AE,
     "OpenSDG.assess(direction)=Direction.ON_TARGET has no direction of improvement to "
     f"progress in; {DIRECTIONS} (a band target is judged with evaluate())"),
    ("direction-word", _call(Eurostat(), direction="up"), AE,
     f"Eurostat.assess(direction) must be a Direction, got 'up'; {DIRECTIONS}"),
    ("direction-number", _call(OpenSDG(), direction=-1), AT,
     f"OpenSDG.assess(direction) must be a Direction, got -1; {DIRECTIONS}"),
    ("year-float", _call(OpenSDG(), base_year=2020.0), AT,
     "OpenSDG.assess(base_year) must be a year as an int such as 2025, got 2020.0; convert it "
     "with int(): 2020"),
    ("year-text", _call(UNSD(), target_year="2025"), AT,
     "UNSD.assess(target_year) must be a year as an int such as 2025, got '2025'"),
    ("year-two-digits", _call(OpenSDG(), base_year=20), AE,
     "OpenSDG.assess(base_year) must be a four-digit year such as 2025, got 20"),
    ("value-text", _call(OpenSDG(), base_value="abc"), AE,
     "OpenSDG.assess(base_value) must be a number in Python notation such as '95.5' or a ratio "
     "such as '41/71', got 'abc'"),
    ("value-bool", _call(UNSD(), current_value=True), AT,
     "UNSD.assess(current_value) must be a number, got True; a boolean is not a figure: give 1 "
     "or 0 if a count is meant"),
    ("value-nan", _call(OpenSDG(), target_value=float("nan")), AE,
     "OpenSDG.assess(target_value) must be a finite number, got nan"),
    ("limit-zero", lambda: OpenSDG(limit=0), AE,
     "OpenSDG(limit) must be positive, got 0; a share in percent has the natural limit 100, "
     "and None means no limit"),
    ("thresholds-swapped", lambda: OpenSDG(thresholds=("0.6", "0.95")), AE,
     "OpenSDG(thresholds)=(0.6, 0.95) must be two cut-offs with upper > lower > 0, such as "
     "(0.95, 0.6); did you mean (0.95, 0.6)?"),
    ("thresholds-not-a-pair", lambda: UNSD(thresholds=0.95), AT,  # type: ignore[arg-type]
     "UNSD(thresholds) must be a pair (upper, lower) of cut-offs such as (0.95, 0.1), got 0.95"),
    ("zero-replacement", lambda: OpenSDG(zero_replacement=0), AE,
     "OpenSDG(zero_replacement) must be positive, got 0"),
    ("tolerance-negative", lambda: UNSD(tolerance=-1), AE,
     "UNSD(tolerance) must be zero or positive, got -1"),
    ("horizon", lambda: Eurostat(horizon="medium"), AE,
     "Eurostat(horizon) must be 'long' (15 years) or 'short' (5 years), got 'medium'"),
    ("percent-flag", lambda: UNSD(percent="yes"), AT,  # type: ignore[arg-type]
     "UNSD(percent) must be True or False, got 'yes'"),
    ("method-name", lambda: method("open-sdg"), AE,
     "method('open-sdg') is not a progress method; use one of 'linear', 'open_sdg', "
     "'eurostat', 'unsd'; did you mean 'open_sdg'?"),
    ("method-type", lambda: method(42), AT,
     "method() takes a method name such as 'open_sdg' or a method object such as "
     "OpenSDG(limit=100), got 42"),
    ("explain-lang", lambda: _call(LinearProRating())().explain("fr"),  # type: ignore[attr-defined]
     AE, "lang='fr' is not a supported language; use 'en' or 'vi'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_error_message(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message
    assert type(info.value) is error
    assert isinstance(info.value, rm.ResolmetricsError)
    assert isinstance(info.value, TypeError if error is AT else ValueError)


# --------------------------------------------------------------------------- 4. explain()

EXPLAINED: list[tuple[str, Callable[[], Progress], str, str]] = [
    ("linear-off-track", _call(LinearProRating(), current_value=60),  # type: ignore[list-item]
     "behind schedule (linear pro-rating): 60 in 2023 against 62 expected by then on a "
     "straight line to 70 in 2025",
     "Chậm so với tiến độ (tính tuyến tính theo thời gian): 60 năm 2023 so với mức 62 cần đạt "
     "theo lộ trình đều đến 70 năm 2025"),
    ("open-sdg-ratio", lambda: OpenSDG().assess(**UP, current_value=108),
     "moderate progress, acceleration needed (Open SDG method): the growth so far is 80% of the "
     "growth the target needs",
     "Có tiến bộ nhưng cần tăng tốc (phương pháp Open SDG): tốc độ tăng trưởng đạt 80% tốc độ "
     "cần thiết để đạt mục tiêu"),
    # 1/90 = 1.111...% a year, shown with two decimals
    ("open-sdg-trend", lambda: OpenSDG(limit=100).assess(**Y, base_value=90, current_value=91),
     "substantial progress, on track (Open SDG method): improving by 1.11% a year",
     "Tiến bộ đáng kể, đúng tiến độ (phương pháp Open SDG): cải thiện 1,11% mỗi năm"),
    # R = 0.949999: shown with enough decimals not to read as the 95% cut-off
    ("open-sdg-near-cutoff", lambda: OpenSDG().assess(**UP, current_value="109.49999"),
     "moderate progress, acceleration needed (Open SDG method): the growth so far is 94.9999% "
     "of the growth the target needs",
     "Có tiến bộ nhưng cần tăng tốc (phương pháp Open SDG): tốc độ tăng trưởng đạt 94,9999% tốc "
     "độ cần thiết để đạt mục tiêu"),
    ("open-sdg-achieved", lambda: OpenSDG().assess(
        base_value="8.1", base_year=2015, current_value="6.8", current_year=2024,
        target_value=8, target_year=2025, direction=L),
     "target achieved (Open SDG method): 6.8 against a target of 8 for 2025",
     "Đã đạt mục tiêu (phương pháp Open SDG): 6,8 so với mục tiêu 8 năm 2025"),
    ("open-sdg-single-year", lambda: OpenSDG().assess(
        base_value="13.2", base_year=2019, current_value="13.2", current_year=2019,
        target_value=10, target_year=2025, direction=L),
     "not available (Open SDG method): the base and current values are from the same year; "
     "two years of data are needed",
     "Không đánh giá được (phương pháp Open SDG): giá trị gốc và giá trị hiện tại cùng một năm; "
     "cần số liệu của hai năm"),
    ("eurostat-trend", lambda: Eurostat(horizon="short").assess(
        **E5, current_value="95.09900499"),
     "moderate movement away (Eurostat method): worsening by 1% a year",
     "Đi ngược hướng ở mức vừa (phương pháp Eurostat): xấu đi 1% mỗi năm"),
    ("unsd", lambda: UNSD().assess(
        base_value=50, base_year=2015, current_value=60, current_year=2020,
        target_value=100, target_year=2030),
     "acceleration needed (UNSD progress chart): at the current pace, 72.8% of the required "
     "change is projected by 2030",
     "Cần tăng tốc (biểu đồ tiến độ UNSD): với tốc độ hiện nay, dự kiến đạt 72,8% mức thay đổi "
     "cần thiết vào năm 2030"),
    ("large-numbers", lambda: OpenSDG().assess(
        base_value=26866, base_year=2016, current_value=13433, current_year=2024,
        target_value=13433, target_year=2028, direction=L),
     "target achieved (Open SDG method): 13,433 against a target of 13,433 for 2028",
     "Đã đạt mục tiêu (phương pháp Open SDG): 13.433 so với mục tiêu 13.433 năm 2028"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "english", "vietnamese"),
    [case[1:] for case in EXPLAINED],
    ids=[case[0] for case in EXPLAINED],
)
def test_explain(make: Callable[[], Progress], english: str, vietnamese: str) -> None:
    progress = make()
    assert progress.explain() == english
    assert progress.explain("en") == english
    assert progress.explain("vi") == vietnamese
