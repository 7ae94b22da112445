"""Columns from numpy, pandas, Arrow, polars or plain sequences, as one internal form.

A :class:`Column` is a numpy array with a mask of the rows that hold a value
(None where every row does), and a *kind* that says how to read it:

``float``    float64, each read as its shortest repr (NaN and infinities are
             kept here and judged by the caller)
``int``      int64, exactly
``decimal``  int64 mantissas over ``10**scale`` (Arrow decimal128 that fits)
``exact``    Python Decimal/Fraction objects (decimals too wide for int64)
``text``     str objects (numbers in Python notation, or rating levels)
``object``   anything else, to be read one by one as ``Result(value)`` reads it
``bool``     booleans: refused by the caller, as a boolean is not a figure

Nothing is copied that numpy can view; nothing is read row by row except an
``object`` column, whose rows are Python objects already.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from resolmetrics.errors import InvalidArgumentError, InvalidArgumentTypeError

__all__ = ["Column", "column", "factorize", "remap", "table_column", "table_length", "table_names"]

_Array = np.ndarray[Any, Any]


class Column:
    """One column of values as the engine reads it (see the module docstring).

    A text column read from Arrow keeps its Arrow array (``arrow``) and
    makes the numpy array of str objects (``data``) only if it is asked for:
    text is matched and factorized in Arrow's kernels.
    """

    __slots__ = ("_data", "arrow", "kind", "name", "scale", "valid")

    def __init__(
        self,
        name: str,
        kind: str,
        data: _Array | None,
        valid: _Array | None = None,
        scale: int = 0,
        *,
        arrow: Any = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self._data = data
        self.valid = valid
        self.scale = scale
        self.arrow = arrow

    @property
    def data(self) -> _Array:
        if self._data is None:
            self._data = np.asarray(self.arrow.to_numpy(zero_copy_only=False), dtype=object)
        return self._data

    def __len__(self) -> int:
        return len(self._data) if self._data is not None else len(self.arrow)

    def renamed(self, name: str) -> Column:
        return Column(name, self.kind, self._data, self.valid, self.scale, arrow=self.arrow)

    def with_valid(self, valid: _Array | None) -> Column:
        return Column(self.name, self.kind, self._data, valid, self.scale, arrow=self.arrow)

    def take(self, rows: _Array) -> Column:
        valid = None if self.valid is None else self.valid[rows]
        if self._data is None:
            import pyarrow as pa

            return Column(self.name, self.kind, None, valid, self.scale,
                          arrow=self.arrow.take(pa.array(rows)))  # fmt: skip
        return Column(self.name, self.kind, self._data[rows], valid, self.scale)

    def is_valid(self) -> _Array:
        """The mask of rows holding a value (all True where none is null)."""
        if self.valid is None:
            return np.ones(len(self.data), dtype=bool)
        return self.valid


def _module(value: object) -> str:
    return type(value).__module__.partition(".")[0]


def column(values: object, name: str) -> Column:
    """*values* (a numpy array, pandas Series, Arrow array, polars Series or sequence)."""
    origin = _module(values)
    if origin == "numpy" and isinstance(values, np.ndarray):
        if isinstance(values, np.ma.MaskedArray):
            mask = np.ma.getmaskarray(values)
            data = _from_numpy(np.ma.getdata(values), name)
            return _masked(data, ~mask)
        return _from_numpy(values, name)
    if origin == "pandas":
        return _from_pandas(values, name)
    if origin == "pyarrow":
        return _from_arrow(values, name)
    if origin == "polars":
        return _from_arrow(values.to_arrow(), name)  # type: ignore[attr-defined]
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | range):
        if hasattr(values, "__array__"):
            return _from_numpy(np.asarray(values), name)
        raise InvalidArgumentTypeError(
            f"column {name!r} must be a numpy array, a pandas Series, an Arrow array, a polars "
            f"Series or a sequence of values, got {type(values).__name__} {_short(values)}"
        )
    items = np.empty(len(values), dtype=object)
    items[:] = list(values)
    return _from_objects(items, name)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _masked(column: Column, valid: _Array) -> Column:
    if column.valid is not None:
        valid = valid & column.valid
    return column.with_valid(None if valid.all() else valid)


def _from_numpy(values: _Array, name: str) -> Column:
    if values.ndim != 1:
        raise InvalidArgumentError(
            f"column {name!r} must be one-dimensional, got an array of shape {values.shape}"
        )
    kind = values.dtype.kind
    if kind == "f":
        return Column(name, "float", values.astype(np.float64, copy=False))
    if kind == "i":
        return Column(name, "int", values.astype(np.int64, copy=False))
    if kind == "u":
        if values.dtype.itemsize < 8 or values.size == 0 or int(values.max()) < 2**63:
            return Column(name, "int", values.astype(np.int64))
        return _from_objects(values.astype(object), name)
    if kind == "b":
        return Column(name, "bool", values)
    if kind in "USTV" or values.dtype.name.startswith("StringDType"):
        items = values.astype(object)
        return _from_objects(items, name)
    if kind == "O":
        return _from_objects(values, name)
    raise InvalidArgumentTypeError(
        f"column {name!r} holds {values.dtype} values; give numbers (int, float or decimal), "
        "text, or rating levels"
    )


def _from_pandas(values: Any, name: str) -> Column:
    import pandas as pd

    if isinstance(values, pd.Index):
        values = values.to_series()
    if isinstance(values, pd.api.extensions.ExtensionArray):
        values = pd.Series(values)
    if not isinstance(values, pd.Series):
        raise InvalidArgumentTypeError(
            f"column {name!r} must be a Series (one column), got a {type(values).__name__}"
        )
    dtype = values.dtype
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        return _from_arrow(pa.array(values.array), name)
    if isinstance(dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        categories = column(values.cat.categories.to_numpy(), name)
        taken = categories.take(np.where(codes < 0, 0, codes))
        return _masked(taken, codes >= 0) if (codes < 0).any() else taken
    if isinstance(dtype, np.dtype):
        return _from_numpy(values.to_numpy(), name)
    missing = values.isna().to_numpy()
    if isinstance(dtype, pd.StringDtype):  # text, whatever stores it
        if dtype.storage == "pyarrow":
            import pyarrow as pa

            return _from_arrow(pa.array(values.array), name)
        text = values.to_numpy(dtype=object, na_value="")
        return Column(name, "text", text, None if not missing.any() else ~missing)
    kind = getattr(dtype, "kind", "O")
    if kind in "iu":
        data = values.to_numpy(dtype="int64" if kind == "i" else "uint64", na_value=0)
    elif kind == "f":
        data = values.to_numpy(dtype="float64", na_value=0.0)
    elif kind == "b":
        data = values.to_numpy(dtype=bool, na_value=False)
    else:
        data = np.asarray(values.astype(object).where(~values.isna(), None), dtype=object)
    return _masked(_from_numpy(data, name), ~missing)


def _from_arrow(values: Any, name: str) -> Column:
    import pyarrow as pa

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        raise InvalidArgumentTypeError(
            f"column {name!r} must be an Arrow Array or ChunkedArray, got {type(values).__name__}"
        )
    kind = values.type
    if pa.types.is_dictionary(kind):
        return _from_arrow(values.dictionary_decode(), name)
    valid = None
    if values.null_count:
        valid = values.is_valid().to_numpy(zero_copy_only=False)
    if pa.types.is_null(kind):
        return Column(name, "float", np.zeros(len(values)), np.zeros(len(values), dtype=bool))
    if pa.types.is_floating(kind) or pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        if values.null_count:
            fill = False if pa.types.is_boolean(kind) else 0
            values = values.fill_null(fill)
        data = values.to_numpy(zero_copy_only=False)
        return (
            _masked(_from_numpy(data, name), valid)
            if valid is not None
            else _from_numpy(data, name)
        )
    if pa.types.is_decimal(kind):
        return _from_decimal(values, name, valid)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or _is_view(pa, kind):
        return Column(name, "text", None, valid, arrow=values)
    raise InvalidArgumentTypeError(
        f"column {name!r} holds Arrow {kind} values; give numbers (int, float or decimal), "
        "text, or rating levels"
    )


def _is_view(pa: Any, kind: Any) -> bool:
    check = getattr(pa.types, "is_string_view", None)
    return bool(check is not None and check(kind))


def _from_decimal(values: Any, name: str, valid: _Array | None) -> Column:
    import pyarrow as pa

    kind = values.type
    if kind.scale >= 0 and pa.types.is_decimal128(kind):
        buffer = values.buffers()[1]
        words = np.frombuffer(buffer, dtype=np.int64)[2 * values.offset :][: 2 * len(values)]
        low, high = words[0::2], words[1::2]
        fits = high == (low >> 63)
        if valid is not None:
            fits |= ~valid
        small = np.abs(np.where(fits, low, 0)) < 2**62
        if fits.all() and small.all():
            data = low.copy() if valid is None else np.where(valid, low, 0)
            return Column(name, "decimal", data, valid, kind.scale)
    items = np.empty(len(values), dtype=object)
    items[:] = values.to_pylist()
    return Column(name, "exact", items, valid)


def _from_objects(items: _Array, name: str) -> Column:
    """A column of Python objects: all str, all float, all int, or a mix read one by one."""
    kinds = set(map(type, items))
    missing = _missing_mask(items, kinds)
    valid = None if missing is None else ~missing
    present = kinds - {type(None)} - _na_types()
    if present <= {str}:
        return Column(name, "text", items if missing is None else np.where(missing, "", items),
                      valid)  # fmt: skip
    if present <= {float} and present:
        data = np.where(missing, 0.0, items) if missing is not None else items
        return Column(name, "float", np.asarray(data, dtype=np.float64), valid)
    if present <= {int} and present:
        data = np.where(missing, 0, items) if missing is not None else items
        as_objects = np.asarray(data, dtype=object)
        from ._rational import LIMIT, magnitude

        if magnitude(as_objects) < LIMIT:
            return Column(name, "int", as_objects.astype(np.int64), valid)
        return Column(name, "exact", as_objects, valid)
    if present <= {bool} and present:
        return Column(name, "bool", np.asarray(items, dtype=bool), valid)
    return Column(name, "object", items, valid)


def _na_types() -> frozenset[type]:
    """The types of pandas' missing values, when pandas is imported already (only a column
    from pandas can hold them; importing pandas to look would cost every other user)."""
    import sys

    pd = sys.modules.get("pandas")
    if pd is None:
        return frozenset()
    return frozenset({type(pd.NA), type(pd.NaT)})


def _missing_mask(items: _Array, kinds: set[type]) -> _Array | None:
    missing_types = _na_types()
    if type(None) not in kinds and not (kinds & missing_types):
        return None
    return np.array([item is None or type(item) in missing_types for item in items.tolist()])


# --------------------------------------------------------------------------- tables


def table_length(table: object) -> int | None:
    """The number of rows of a table (a DataFrame, Arrow table or mapping), or None."""
    origin = _module(table)
    if origin in ("pandas", "polars") and hasattr(table, "columns") and hasattr(table, "shape"):
        return int(table.shape[0])
    if origin == "pyarrow" and hasattr(table, "num_rows"):
        return int(table.num_rows)
    if isinstance(table, Mapping):
        lengths = {len(values) for values in table.values()}
        return lengths.pop() if len(lengths) == 1 else None
    return None


def table_names(table: object) -> tuple[str, ...]:
    """The column names of a table."""
    origin = _module(table)
    if origin == "pyarrow":
        return tuple(table.schema.names)  # type: ignore[attr-defined]
    if isinstance(table, Mapping):
        return tuple(str(name) for name in table)
    return tuple(str(name) for name in table.columns)  # type: ignore[attr-defined]


def table_column(table: object, name: str, argument: str) -> Column:
    """The column *name* of *table*, or an error naming the columns there are.

    *argument* is the call's argument that named it: ``"batch.evaluate(value)"``.
    """
    names = table_names(table)
    if name not in names:
        import difflib

        near = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        called = f"{argument[:-1]}={name!r})" if argument.endswith(")") else argument
        raise InvalidArgumentError(
            f"{called}: the table has no column {name!r} (its columns: "
            f"{', '.join(map(repr, names))}){hint}"
        )
    origin = _module(table)
    if origin == "pyarrow":
        return column(table.column(name), name)  # type: ignore[attr-defined]
    if origin == "polars":
        return column(table.get_column(name), name)  # type: ignore[attr-defined]
    return column(table[name], name)  # type: ignore[index]


# --------------------------------------------------------------------------- keys


def factorize(col: Column, *, sort: bool = False) -> tuple[_Array, list[object]]:
    """Codes 0..k-1 per row (-1 where null) and the k distinct values.

    In order of first appearance, or with *sort* in sorted order (strings
    by code point, as Python compares them).
    """
    values: list[object]
    if col.arrow is not None and col._data is None:
        codes, values = _factorize_arrow(col.arrow)
        return _sorted(codes, values) if sort else (codes, values)
    data = col.data
    if col.kind in ("float", "int", "decimal", "bool"):
        uniques, inverse = np.unique(data, return_inverse=True)
        codes = inverse.astype(np.int64)
        values = uniques.tolist()
    else:
        codes, values = _factorize_objects(data)
    if col.valid is not None:
        codes = np.where(col.valid, codes, -1)
        used = np.unique(codes[codes >= 0])
        renumbered = np.full(len(values), -1, dtype=np.int64)
        renumbered[used] = np.arange(len(used))
        codes = remap(codes, renumbered)
        values = [values[i] for i in used.tolist()]
    if sort:
        return _sorted(codes, values)
    if col.kind in ("float", "int", "decimal", "bool") and len(values) > 1:
        # np.unique sorts; give codes in order of first appearance instead
        first = np.full(len(values), len(codes), dtype=np.int64)
        present = codes >= 0
        np.minimum.at(first, codes[present], np.nonzero(present)[0])
        order = np.argsort(first, kind="stable")
        rank = np.empty(len(values), dtype=np.int64)
        rank[order] = np.arange(len(values))
        codes = remap(codes, rank)
        values = [values[i] for i in order.tolist()]
    return codes, values


def remap(codes: _Array, table: _Array) -> _Array:
    """``table[codes]`` where a code is not negative, -1 elsewhere."""
    if len(table) == 0:
        return np.full(len(codes), -1, dtype=np.int64)
    return np.where(codes >= 0, table[np.maximum(codes, 0)], -1)


def _sorted(codes: _Array, values: list[object]) -> tuple[_Array, list[object]]:
    """The codes renumbered so that the values are in sorted order."""
    ordered = sorted(range(len(values)), key=lambda i: values[i])  # type: ignore[arg-type,return-value]
    rank = np.empty(len(values), dtype=np.int64)
    rank[ordered] = np.arange(len(values))
    return remap(codes, rank), [values[i] for i in ordered]


def _factorize_arrow(values: Any) -> tuple[_Array, list[object]]:
    """Codes in order of first appearance (-1 for nulls), and the distinct values."""
    import pyarrow.compute as pc

    encoded = values.dictionary_encode()
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, encoded.dictionary.to_pylist()


def _factorize_objects(data: _Array) -> tuple[_Array, list[object]]:
    try:
        import pandas as pd
    except ImportError:
        seen: dict[object, int] = {}
        codes = np.fromiter(
            (seen.setdefault(item, len(seen)) for item in data.tolist()),
            dtype=np.int64,
            count=len(data),
        )
        return codes, list(seen)
    codes, uniques = pd.factorize(data, use_na_sentinel=False)
    return codes.astype(np.int64), list(uniques)
