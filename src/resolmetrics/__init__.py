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
    InconsistentResultWarning,
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
from .rules import (
    Across,
    Kind,
    Quantifier,
    Quota,
    Rule,
    above,
    above_share,
    at_least,
    at_least_count,
    at_least_share,
    at_most,
    below,
    between,
    exactly,
    quota,
)
from .targets import Baseline, Target
from .units import define_unit
from .verdicts import Context, Status, Verdict

if TYPE_CHECKING:
    from .progress import UNSD as UNSD
    from .progress import Eurostat as Eurostat
    from .progress import LinearProRating as LinearProRating
    from .progress import OpenSDG as OpenSDG
    from .progress import Progress as Progress
    from .render import review_table as review_table
    from .render import summary as summary
    from .resolution import Group as Group
    from .resolution import Report as Report
    from .resolution import Resolution as Resolution
    from .resolution import Row as Row
    from .text import TargetSpec as TargetSpec
    from .text import format_target as format_target
    from .text import parse_number as parse_number
    from .text import parse_target as parse_target

__version__ = "0.1.0"

__all__ = [
    "PARTY_QUALITY",
    "UNSD",
    "Across",
    "Baseline",
    "Context",
    "Direction",
    "Eurostat",
    "Group",
    "InconsistentResultWarning",
    "Indicator",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "InvalidResultError",
    "InvalidResultTypeError",
    "InvalidTargetError",
    "InvalidTargetTypeError",
    "Kind",
    "Level",
    "LinearProRating",
    "OpenSDG",
    "OrdinalScale",
    "ParseError",
    "Policy",
    "Progress",
    "Quantifier",
    "Quota",
    "Report",
    "ResolmetricsError",
    "Resolution",
    "Result",
    "Row",
    "Rule",
    "Status",
    "Target",
    "TargetSpec",
    "UnitError",
    "Verdict",
    "__version__",
    "above",
    "above_share",
    "at_least",
    "at_least_count",
    "at_least_share",
    "at_most",
    "below",
    "between",
    "define_unit",
    "evaluate",
    "exactly",
    "format_target",
    "parse_number",
    "parse_target",
    "quota",
    "review_table",
    "summary",
]

# Presentation (tabulate), whole resolutions and progress methods load on first use.
_LAZY = {
    "review_table": "render",
    "summary": "render",
    "Group": "resolution",
    "Report": "resolution",
    "Resolution": "resolution",
    "Row": "resolution",
    "Progress": "progress",
    "OpenSDG": "progress",
    "Eurostat": "progress",
    "UNSD": "progress",
    "LinearProRating": "progress",
    "TargetSpec": "text",
    "format_target": "text",
    "parse_number": "text",
    "parse_target": "text",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'resolmetrics' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
