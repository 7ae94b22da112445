"""The exception hierarchy.

Every error resolmetrics raises derives from :class:`ResolmetricsError` and
also from the builtin a caller would naturally catch: :class:`ValueError` for
a bad value, :class:`TypeError` for a value of the wrong type. Messages name
the argument or indicator at fault, show the offending value and say how to
fix it.

All exceptions pickle and unpickle to an equal message, so they cross process
boundaries (multiprocessing, task queues) intact.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "InconsistentResultWarning",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "InvalidColumnError",
    "InvalidColumnTypeError",
    "InvalidResultError",
    "InvalidResultTypeError",
    "InvalidTargetError",
    "InvalidTargetTypeError",
    "MissingDependencyError",
    "ParseError",
    "PercentScaleWarning",
    "ResolmetricsError",
    "ResolmetricsWarning",
    "UnitError",
    "UnusedResultWarning",
]

SHOWN_LIMIT = 200
"""The most characters of an input an error message echoes (see :func:`shown`)."""


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """*value*'s repr for an error message, cut to about *limit* characters.

    A long input is shown by its start and end around the count of what was
    left out, so that a message stays short whatever it was given:
    ``shown("9" * 100_000)`` is its first and last 80 characters around
    ``…(99,842 more characters)…``, in about two hundred characters.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    keep = max(limit // 2 - 20, 1)
    return f"{text[:keep]}…({len(text) - 2 * keep:,} more characters)…{text[-keep:]}"


class ResolmetricsError(Exception):
    """The root of every error raised by resolmetrics."""


class InvalidTargetError(ResolmetricsError, ValueError):
    """An indicator, rule, target or scale is not valid."""


class InvalidTargetTypeError(InvalidTargetError, TypeError):
    """An argument describing a target has the wrong type."""


class InvalidResultError(ResolmetricsError, ValueError):
    """A reported result is not valid, or not valid for the indicator it is judged on."""


class InvalidResultTypeError(InvalidResultError, TypeError):
    """A reported result has the wrong type."""


class InvalidColumnError(InvalidResultError):
    """Rows of a column cannot be judged: ``column`` names it, ``count`` says how many.

    Raised by :mod:`resolmetrics.batch` after the whole column is checked,
    before any verdict is returned. ``rows`` holds the first thousand bad
    rows, in order (their positions, counting from 0 as numpy and pandas'
    ``iloc`` count, or their file lines where the rows came from a file) and
    ``details`` what is wrong with each; the message shows the first ten,
    each with how to fix it. Where several columns (or targets) have
    problems, ``errors`` holds one error for each, whose ``column`` names it;
    ``column`` is then the first one's.
    """

    def __init__(
        self,
        message: str,
        column: str = "",
        rows: tuple[int, ...] = (),
        details: tuple[tuple[int, str], ...] = (),
        where: str = "",
        count: int | None = None,
        errors: tuple[InvalidColumnError, ...] = (),
    ) -> None:
        self.message = message
        self.column = column
        self.rows = rows
        self.details = details
        """(row, what is wrong with it) for the first thousand bad rows."""
        self.where = where
        """What was being judged: "indicator 'org_good'", or "" """
        self.count = len(rows) if count is None else count
        """How many problems were found: the bad rows of a column (where several columns or
        targets have problems, a row bad in two of them counts in each)."""
        self.errors: tuple[InvalidColumnError, ...] = errors or (self,)
        """The errors of each column (or target) this one holds: itself, unless it is the
        problems of several found together."""
        super().__init__(message, column, rows, details, where, self.count, errors)

    def __str__(self) -> str:
        return self.message


class InvalidColumnTypeError(InvalidColumnError, TypeError):
    """A column holds values of the wrong type (booleans, dates, ...)."""


class InvalidArgumentError(ResolmetricsError, ValueError):
    """An option of a call is not valid: a language, a review date, a policy setting."""


class InvalidArgumentTypeError(InvalidArgumentError, TypeError):
    """An option of a call has the wrong type."""


class MissingDependencyError(ResolmetricsError, ModuleNotFoundError):
    """An optional dependency is not installed; the message names the extra that installs it.

    Caught as :class:`ModuleNotFoundError` (and so :class:`ImportError`) or
    as :class:`ResolmetricsError`.
    """


def require(module: str, extra: str, caller: str) -> Any:
    """Import *module*, or raise :class:`MissingDependencyError` naming the extra to install.

    ``require("pandas", "pandas", "Report.to_dataframe()")`` fails with
    "Report.to_dataframe() needs pandas: pip install 'resolmetrics[pandas]'".
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        package = module.partition(".")[0]
        raise MissingDependencyError(
            f"{caller} needs {package}: pip install 'resolmetrics[{extra}]'", name=package
        ) from error


class UnitError(ResolmetricsError, ValueError):
    """A unit is unknown, or two units cannot be compared."""


class ResolmetricsWarning(UserWarning):
    """The root of every warning resolmetrics issues.

    ``warnings.filterwarnings("error", category=ResolmetricsWarning)`` makes
    every one of them an error; the reference page *Warnings* says what each
    means and how to silence it.
    """


class UnusedResultWarning(ResolmetricsWarning):
    """A review left results out for their year: after the review date, in a year not over
    yet, outside the term of a yearly target, or after a target's due year.

    ``key`` names the indicator, ``years`` the years left out, ``count`` how
    many results they were and ``reason`` why: ``"after_review"``,
    ``"year_not_over"``, ``"outside_term"`` or ``"after_due"``. Issued by
    :meth:`Resolution.evaluate` and ``batch.review``, and held by their
    reviews' ``warnings``; the verdicts are as without those results.
    """

    def __init__(
        self,
        message: str,
        *,
        key: str = "",
        years: tuple[int, ...] = (),
        reason: str = "",
        count: int = 0,
    ) -> None:
        super().__init__(message)
        self.key = key
        self.years = years
        self.reason = reason
        self.count = count


class PercentScaleWarning(ResolmetricsWarning):
    """Every result of a percent indicator is between 0 and 1, while its target asks for more
    than 1%: most likely shares of 1 (0.86) written where percentages (86) were meant.

    ``key`` names the indicator and ``values`` holds the values reported.
    Issued by :meth:`Resolution.evaluate` and held by :attr:`Report.warnings`;
    the values are judged as given (0.86 as 0.86%).
    """

    def __init__(self, message: str, *, key: str = "", values: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


class InconsistentResultWarning(ResolmetricsWarning):
    """A result's text disagrees with itself beyond its rounding ("33/52 = 64%").

    Issued by ``Result.parse(..., mismatch="warn")``; the exact ratio is kept.
    """


class ParseError(ResolmetricsError, ValueError):
    """Text could not be read.

    ``text`` is the whole input and ``position`` the offset of the problem in
    it (or ``None`` when the problem is not at one place). ``str(error)``
    shows the text with a caret under the problem.
    """

    def __init__(self, message: str, text: str = "", position: int | None = None) -> None:
        self.message = message
        self.text = text
        self.position = position
        super().__init__(message, text, position)

    def __str__(self) -> str:
        if not self.text or self.position is None:
            return self.message
        # a long text is shown by the part around the caret, "…" marking what is left out
        start = max(self.position - PARSE_WINDOW, 0)
        end = self.position + PARSE_WINDOW
        shown_text = self.text[start:end]
        before = "…" if start > 0 else ""
        after = "…" if end < len(self.text) else ""
        caret = " " * (self.position - start + len(before))
        return f"{self.message}\n    {before}{shown_text}{after}\n    {caret}^"


PARSE_WINDOW = 80
"""How many characters of a ParseError's text it shows on either side of the caret."""
