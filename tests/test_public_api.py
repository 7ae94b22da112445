"""The public surface is exactly what the reference documents."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import resolmetrics as rm

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference" / "api.md"

# The names of DESIGN.md section 1 that this release provides; later
# releases add to this list, never take from it.
DESIGN_NAMES = {
    "Indicator", "Direction", "PARTY_QUALITY", "OrdinalScale",
    "at_least", "above", "at_most", "below", "between", "exactly",
    "Target", "Result", "evaluate", "Status", "Verdict", "Policy",
    "ResolmetricsError", "InvalidTargetError", "InvalidResultError", "UnitError", "ParseError",
}  # fmt: skip


def documented_names() -> set[str]:
    return set(re.findall(r"^### `([^`]+)`\s*$", REFERENCE.read_text(encoding="utf-8"), re.M))


def test_every_public_name_is_documented_and_every_documented_name_is_public() -> None:
    assert documented_names() == set(rm.__all__)


def test_design_names_are_all_public() -> None:
    assert set(rm.__all__) >= DESIGN_NAMES


@pytest.mark.parametrize("name", sorted(rm.__all__))
def test_every_name_in_all_resolves(name: str) -> None:
    assert getattr(rm, name) is not None


def _modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(rm.__path__, prefix="resolmetrics.")
        if not info.name.rsplit(".", 1)[-1].startswith("_") or info.name.endswith("__main__")
    )


@pytest.mark.parametrize("module_name", _modules())
def test_every_public_module_declares_all_and_its_names_exist(module_name: str) -> None:
    module = importlib.import_module(module_name)
    names = module.__all__
    assert names, f"{module_name}.__all__ is empty"
    for name in names:
        assert hasattr(module, name), f"{module_name}.__all__ names {name!r}, which is missing"


def test_unknown_attribute_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="no attribute 'parse_targett'"):
        _ = rm.parse_targett  # type: ignore[attr-defined]


def test_errors_share_one_root_and_the_matching_builtin() -> None:
    for error in (rm.InvalidTargetError, rm.InvalidResultError, rm.UnitError, rm.ParseError):
        assert issubclass(error, rm.ResolmetricsError)
        assert issubclass(error, ValueError)
    for error in (rm.InvalidTargetTypeError, rm.InvalidResultTypeError):
        assert issubclass(error, rm.ResolmetricsError)
        assert issubclass(error, TypeError)


def test_package_ships_type_information() -> None:
    assert (Path(rm.__file__).parent / "py.typed").is_file()
