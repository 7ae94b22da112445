"""Drawn resolutions and results may hold results a review leaves out for their year, or
shares that look like fractions of 1: the review warns of them, which these tests of other
invariants let pass. test_review_warning_properties.py checks the warnings themselves."""

from __future__ import annotations

import pytest

_QUIET = (
    "ignore::resolmetrics.errors.UnusedResultWarning",
    "ignore::resolmetrics.errors.PercentScaleWarning",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "property" in item.path.parts and item.path.name != "test_review_warning_properties.py":
            for rule in _QUIET:
                item.add_marker(pytest.mark.filterwarnings(rule))
