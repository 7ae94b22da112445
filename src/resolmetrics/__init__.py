"""resolmetrics: exact, explainable verdicts on quantified targets.

>>> import resolmetrics as rm
>>> share = rm.Indicator("org_good", name="Base organisations rated good+", unit="percent")
>>> verdict = rm.evaluate(rm.Target(share, rm.at_least(90)), rm.Result("93.1"))
>>> verdict.status, verdict.margin
(Status.EXCEEDED, Decimal('3.1'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    InvalidResultError,
    InvalidResultTypeError,
    InvalidTargetError,
    InvalidTargetTypeError,
    ParseError,
    ResolmetricsError,
    UnitError,
)
from .evaluate import evaluate
from .indicators import PARTY_QUALITY, Direction, Indicator, Level, OrdinalScale
from .policy import Policy
from .results import Result
from .rules import Kind, Rule, above, at_least, at_most, below, between, exactly
from .targets import Target
from .units import define_unit
from .verdicts import Status, Verdict

if TYPE_CHECKING:
    from .render import review_table as review_table
    from .render import summary as summary

__version__ = "0.1.0"

__all__ = [
    "PARTY_QUALITY",
    "Direction",
    "Indicator",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "InvalidResultError",
    "InvalidResultTypeError",
    "InvalidTargetError",
    "InvalidTargetTypeError",
    "Kind",
    "Level",
    "OrdinalScale",
    "ParseError",
    "Policy",
    "ResolmetricsError",
    "Result",
    "Rule",
    "Status",
    "Target",
    "UnitError",
    "Verdict",
    "__version__",
    "above",
    "at_least",
    "at_most",
    "below",
    "between",
    "define_unit",
    "evaluate",
    "exactly",
    "review_table",
    "summary",
]

_LAZY = {"review_table": "render", "summary": "render"}


def __getattr__(name: str) -> Any:
    # Presentation (tabulate) is imported only when it is first asked for.
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'resolmetrics' has no attribute {name!r}")
