"""Per-unit reviews of results files of any size, in bounded memory.

:func:`review_file` reads a results file with the columnar reader, batch by
batch. A file that fits in ``memory_rows`` rows is reviewed in memory. A
larger one is spread, as it is read, over ``partitions`` temporary Arrow
files by a hash of each row's unit: all the rows of a unit land in the same
file, so each file is then reviewed on its own, one after the other, and
the verdicts written out as they come. Memory holds one batch while
reading and one partition while judging.

Nothing is written before everything is known to be right: every problem of
the file is raised (one :class:`~resolmetrics.files.FileError`) before any
partition is judged, and the verdicts go to a temporary file that takes the
output's name only when every partition has been judged.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from resolmetrics.errors import InvalidArgumentError, UnusedResultWarning, require
from resolmetrics.policy import Policy

from ._engine import group_index
from ._output import STATUSES
from ._review import Review, left_out, plain_table, review, warn

if TYPE_CHECKING:
    from resolmetrics.resolution import Resolution

__all__ = ["FileReview", "review_file"]

_Array = np.ndarray[Any, Any]

MAX_PROBLEMS = 1_000
"""At most this many problems are kept, from every partition together."""
MEMORY_ROWS = 5_000_000
"""Files of at most this many rows are reviewed in memory."""
PARTITIONS = 64
"""The number of temporary files a larger file is spread over."""


class FileReview:
    """What :func:`review_file` found: counts per target and per unit, and where the
    verdicts went.

    ``by_target`` holds, for each component target, how many units have each
    status; ``by_unit`` (None when there are more than ``keep_units``
    units) the same per unit, as :meth:`Review.by_unit` gives it;
    ``review`` the in-memory :class:`Review` when the file fitted in memory
    (None otherwise).
    """

    def __init__(
        self,
        resolution: Resolution,
        by_target: dict[str, Any],
        by_unit: dict[str, Any] | None,
        units: int,
        rows: int,
        review: Review | None,
        as_of: date | None,
        years: dict[str, dict[int, int]] | None = None,
    ) -> None:
        self.resolution = resolution
        self.years = years or {}
        """How many results (rows with a value) each indicator key has for each year."""
        self.by_target = by_target
        self.by_unit = by_unit
        self.units = units
        self.rows = rows
        self.review = review
        self.as_of = as_of

    @property
    def warnings(self) -> tuple[UnusedResultWarning, ...]:
        """The results of the whole file left out for their year, as :attr:`Review.warnings`."""
        return left_out(self.resolution, self.years, self.as_of)

    @property
    def counts(self) -> dict[str, int]:
        """How many (target, unit) verdicts have each status, by status value."""
        return {s.value: int(np.sum(self.by_target[s.value])) for s in STATUSES}

    def __repr__(self) -> str:
        return (
            f"<FileReview of {self.resolution.name!r}: {len(self.by_target['number'])} "
            f"targets x {self.units:,} units from {self.rows:,} rows>"
        )


def review_file(
    resolution: Resolution,
    path: str | os.PathLike[str],
    *,
    by: str = "entity",
    lang: str = "en",
    as_of: date | None = None,
    policy: Policy | None = None,
    output: str | os.PathLike[str] | None = None,
    progress: bool | None = None,
    memory_rows: int = MEMORY_ROWS,
    partitions: int = PARTITIONS,
    keep_units: int = 1_000_000,
) -> FileReview:
    """Review *resolution* for each unit of the results file *path* (.csv or .parquet).

    *by* is the column of the results file whose values are the units
    reviewed (``"entity"``); *lang* how its numbers are written. With
    *output* (a ``.parquet`` or ``.csv`` path) every verdict is written
    there, one row per (target, unit), as :meth:`Review.to_arrow` gives them.
    See the module docstring for how memory stays bounded.
    """
    from ._read import iter_results

    if by != "entity":
        raise InvalidArgumentError(
            f"review_file(by={by!r}): a results file's units are in its 'entity' column; "
            "use by='entity'"
        )
    _check_output(output)
    show = _showing(progress)
    source = iter_results(path, lang=lang, resolution=resolution)
    held: list[Any] = []
    count = 0
    spill: _Spill | None = None
    named = 0  # rows that name their entity
    with _bar(show, "rows read", "rows") as bar:
        for batch in source:  # raises the file's FileError after its last batch
            count += batch.num_rows
            named += batch.num_rows - batch.column(by).null_count
            bar(batch.num_rows)
            if spill is None:
                held.append(batch)
                if count > memory_rows:
                    spill = _Spill(partitions, by)
                    for kept in held:
                        spill.add(kept)
                    held = []
            else:
                spill.add(batch)
    if count and not named:
        if spill is not None:
            spill.close()
        from resolmetrics.files import FileError, Problem

        raise FileError([Problem(os.fspath(path), None, by, (
            f"no row names its {by}: a review by {by} judges the resolution for each {by} of "
            f"the file; give each row its {by}, or review the file as one whole (without --by)"
        ))])  # fmt: skip
    options = {"by": by, "as_of": as_of, "policy": policy, "lines": "line", "file": path}
    if spill is None:
        table = _table(held)
        done = _review(resolution, table, {**options, "progress": show})
        if output is not None:
            _atomic(output, lambda name: done.write(name))
        found = FileReview(resolution, done.by_target(), done.by_unit() if len(done) <= keep_units
                           else None, len(done), count, done, as_of, done.years)  # fmt: skip
    else:
        try:
            found = _spilled(resolution, spill, options, output, show, count, keep_units, as_of)
        finally:
            spill.close()
    warn(found.warnings)
    return found


def _spilled(
    resolution: Resolution,
    spill: _Spill,
    options: dict[str, Any],
    output: str | os.PathLike[str] | None,
    show: bool,
    rows: int,
    keep_units: int,
    as_of: date | None,
) -> FileReview:
    totals: dict[str, Any] | None = None
    units: list[dict[str, Any]] = []
    unit_count = 0
    writer = _Writer(output) if output is not None else None
    from resolmetrics.files import FileError

    found: list[Any] = []  # the problems of every partition, reported together
    years: dict[str, dict[int, int]] = {}  # the results of each year, over every partition
    try:
        with _bar(show, "partitions reviewed", "partitions", total=spill.count) as bar:
            for table in spill.tables():
                bar(1)
                if table.num_rows == 0:
                    continue
                try:
                    done = _review(resolution, table, options)
                except FileError as error:
                    found += error.problems
                    if writer is not None:
                        writer.abandon()
                    writer = None
                    continue
                if found:
                    continue  # nothing is written once a problem is found
                unit_count += len(done)
                totals = _add(totals, done.by_target())
                for key, counts in done.years.items():
                    kept = years.setdefault(key, {})
                    for year, count in counts.items():
                        kept[year] = kept.get(year, 0) + count
                if unit_count <= keep_units:
                    units.append(done.by_unit())
                if writer is not None:
                    writer.write(done.to_arrow())
        if found:
            raise FileError(found[:MAX_PROBLEMS])
        if totals is None:  # no unit at all: the columns, and no verdict
            empty = _review(resolution, _table([]), options)
            totals = empty.by_target()
            if writer is not None:
                writer.write(empty.to_arrow())
        if writer is not None:
            writer.commit()
    finally:
        if writer is not None:
            writer.abandon()
    by_unit = _concat(units) if unit_count <= keep_units else None
    return FileReview(resolution, totals, by_unit, unit_count, rows, None, as_of, years)


def _review(resolution: Resolution, table: Any, options: dict[str, Any]) -> Review:
    """review() of rows read from a file: a bad row is a Problem of the file, at its line."""
    import warnings

    from resolmetrics.errors import InvalidColumnError
    from resolmetrics.files import FileError

    arguments = {k: v for k, v in options.items() if k != "file"}
    try:
        with warnings.catch_warnings():  # review_file warns once, of the whole file
            warnings.simplefilter("ignore", UnusedResultWarning)
            return review(resolution, table, **arguments)
    except InvalidColumnError as error:
        raise FileError(_problems(os.fspath(options["file"]), error)) from None


def _problems(file: str, error: Any) -> list[Any]:
    """The Problems of the file *file* an InvalidColumnError names, at their lines."""
    from resolmetrics.files import Problem

    problems = []
    for part in error.errors:
        head = f"{part.where}: " if part.where else ""
        column = part.column or None
        problems += [Problem(file, line, column, f"{head}{message}")
                     for line, message in part.details]  # fmt: skip
        more = part.count - len(part.details)
        if more > 0:
            problems.append(Problem(file, None, column, f"{head}... and {more:,} more lines"))
    return problems


def _check_output(output: str | os.PathLike[str] | None) -> None:
    if output is None:
        return
    name = os.fspath(output)
    if os.path.splitext(name)[1].casefold() not in (".parquet", ".csv"):
        raise InvalidArgumentError(
            f"review_file(output={name!r}): name a .parquet or .csv file for the verdicts"
        )


def _add(totals: dict[str, Any] | None, more: dict[str, Any]) -> dict[str, Any]:
    if totals is None:
        return dict(more)
    for name in (*(s.value for s in STATUSES), "met", "units"):
        totals[name] = totals[name] + more[name]
    return totals


def _concat(parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not parts:
        return None
    return {name: np.concatenate([np.asarray(p[name]) for p in parts]) for name in parts[0]}


def _table(batches: list[Any]) -> Any:
    pa = require("pyarrow", "batch", "batch.review_file()")
    from ._read import COLUMNS

    if not batches:
        return pa.table({name: pa.array([], type=kind) for name, kind in _schema(pa, COLUMNS)})
    return pa.Table.from_batches(batches)


def _schema(pa: Any, columns: Any) -> list[tuple[str, Any]]:
    kinds = {"line": pa.int64(), "period": pa.int32()}
    return [(name, kinds.get(name, pa.string())) for name in columns]


class _Spill:
    """Rows spread over temporary Arrow IPC files by a hash of their unit."""

    def __init__(self, count: int, by: str) -> None:
        self.pa = require("pyarrow", "batch", "batch.review_file()")
        self.count = count
        self.by = by
        self.folder = tempfile.mkdtemp(prefix="resolmetrics-")
        self.writers: list[Any] = [None] * count
        self.sinks: list[Any] = [None] * count

    def _path(self, index: int) -> str:
        return os.path.join(self.folder, f"part-{index:04d}.arrow")

    def add(self, batch: Any) -> None:
        import pyarrow.compute as pc

        keys = batch.column(self.by)
        hashed = _hash(pc, keys) % self.count
        order, bounds = group_index(hashed, self.count)
        for index in range(self.count):
            begin, end = bounds[index], bounds[index + 1]
            if begin == end:
                continue
            part = batch.take(self.pa.array(order[begin:end]))
            if self.writers[index] is None:
                self.sinks[index] = self.pa.OSFile(self._path(index), "wb")
                self.writers[index] = self.pa.ipc.new_stream(self.sinks[index], batch.schema)
            self.writers[index].write_batch(part)

    def tables(self) -> Iterator[Any]:
        for index in range(self.count):
            writer = self.writers[index]
            if writer is None:
                continue
            writer.close()
            self.sinks[index].close()
            self.writers[index] = None
            with self.pa.memory_map(self._path(index)) as source:
                table = self.pa.ipc.open_stream(source).read_all()
            yield table
            os.remove(self._path(index))

    def close(self) -> None:
        for writer, sink in zip(self.writers, self.sinks, strict=True):
            if writer is not None:
                writer.close()
                sink.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _hash(pc: Any, keys: Any) -> _Array:
    """A stable hash of each key (the same key always lands in the same partition)."""
    import pyarrow as pa

    filled = pc.fill_null(keys.cast(pa.string()), "")
    data = np.frombuffer(filled.buffers()[2] or b"", dtype=np.uint8)
    offsets = np.frombuffer(filled.buffers()[1], dtype=np.int32)[
        filled.offset : filled.offset + len(filled) + 1
    ]
    # FNV-1a over each key's bytes, all keys at once, a byte position at a time
    lengths = np.diff(offsets)
    hashed = np.full(len(filled), 0xCBF29CE484222325, dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    for position in range(int(lengths.max()) if len(lengths) else 0):
        live = lengths > position
        byte = data[offsets[:-1][live] + position].astype(np.uint64)
        hashed[live] = (hashed[live] ^ byte) * prime
    return hashed.astype(np.int64) & 0x7FFFFFFFFFFFFFFF


class _Writer:
    """Verdicts written to a temporary file that takes the output's name at the end."""

    def __init__(self, output: str | os.PathLike[str]) -> None:
        self.pa = require("pyarrow", "batch", "batch.review_file()")
        self.output = os.fspath(output)
        self.parquet = self.output.casefold().endswith(".parquet")
        self.temporary = _beside(self.output)
        self.writer: Any = None

    def write(self, table: Any) -> None:
        if not self.parquet:
            table = plain_table(self.pa, table)
        if self.writer is None:
            if self.parquet:
                import pyarrow.parquet as pq

                self.writer = pq.ParquetWriter(self.temporary, table.schema)
            else:
                import pyarrow.csv as pacsv

                self.writer = pacsv.CSVWriter(self.temporary, table.schema)
        self.writer.write_table(table)

    def commit(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        os.replace(self.temporary, self.output)

    def abandon(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        if os.path.exists(self.temporary):
            os.remove(self.temporary)


def _beside(output: str) -> str:
    """A name for a file written next to *output* before it takes its name. The writer makes
    the file, so it has the permissions any new file of the user's gets (not 0600)."""
    import secrets

    return f"{output}.{os.getpid()}-{secrets.token_hex(4)}.partial"


def _atomic(output: str | os.PathLike[str], write: Any) -> None:
    name = os.fspath(output)
    temporary = _beside(name) + os.path.splitext(name)[1]
    try:
        write(temporary)
        os.replace(temporary, name)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _showing(progress: bool | None) -> bool:
    if progress is None:
        return sys.stderr.isatty()
    return bool(progress)


class _bar:  # a context manager read as a phrase: with _bar(...) as bar
    """A tqdm progress bar on standard error, or nothing."""

    def __init__(self, show: bool, desc: str, unit: str, total: int | None = None) -> None:
        self.show, self.desc, self.unit, self.total = show, desc, unit, total
        self.tqdm: Any = None
        self.scale = total is None  # rows by the thousand and million; partitions one by one

    def __enter__(self) -> Any:
        if not self.show:
            return lambda _: None
        tqdm = require("tqdm", "batch", "progress bars")
        self.tqdm = tqdm.tqdm(desc=self.desc, unit=self.unit, total=self.total,
                              file=sys.stderr, unit_scale=self.scale)  # fmt: skip
        return self.tqdm.update

    def __exit__(self, *exc: object) -> None:
        if self.tqdm is not None:
            self.tqdm.close()
