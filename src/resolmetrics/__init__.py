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
    InvalidColumnError,
    InvalidColumnTypeError,
    InvalidResultError,
    InvalidResultTypeError,
    InvalidTargetError,
    InvalidTargetTypeError,
    MissingDependencyError,
    ParseError,
    PercentScaleWarning,
    ResolmetricsError,
    ResolmetricsWarning,
    UnitError,
    UnusedResultWarning,
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
    from . import json as json
    from .audit import Audit as Audit
    from .audit import Finding as Finding
    from .audit import FindingKind as FindingKind
    from .audit import Published as Published
    from .audit import PublishedRow as PublishedRow
    from .audit import read_published as read_published
    from .files import FileError as FileError
    from .files import Problem as Problem
    from .files import load_resolution as load_resolution
    from .files import read_results as read_results
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
    "Audit",
    "Baseline",
    "Context",
    "Direction",
    "Eurostat",
    "FileError",
    "Finding",
    "FindingKind",
    "Group",
    "InconsistentResultWarning",
    "Indicator",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "InvalidColumnError",
    "InvalidColumnTypeError",
    "InvalidResultError",
    "InvalidResultTypeError",
    "InvalidTargetError",
    "InvalidTargetTypeError",
    "Kind",
    "Level",
    "LinearProRating",
    "MissingDependencyError",
    "OpenSDG",
    "OrdinalScale",
    "ParseError",
    "PercentScaleWarning",
    "Policy",
    "Problem",
    "Progress",
    "Published",
    "PublishedRow",
    "Quantifier",
    "Quota",
    "Report",
    "ResolmetricsError",
    "ResolmetricsWarning",
    "Resolution",
    "Result",
    "Row",
    "Rule",
    "Status",
    "Target",
    "TargetSpec",
    "UnitError",
    "UnusedResultWarning",
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
    "load_resolution",
    "parse_number",
    "parse_target",
    "quota",
    "read_published",
    "read_results",
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
    "load_resolution": "files",
    "read_results": "files",
    "FileError": "files",
    "Problem": "files",
    "Audit": "audit",
    "Finding": "audit",
    "FindingKind": "audit",
    "Published": "audit",
    "PublishedRow": "audit",
    "read_published": "audit",
}

# Modules reached as attributes (``rm.json.dumps``) but not star-imported: ``json`` would
# shadow the standard library's.
_MODULES = frozenset({"json"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    if name in _MODULES:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'resolmetrics' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
