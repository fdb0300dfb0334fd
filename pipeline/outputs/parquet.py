"""Parquet copies of the tables, for runs too large to handle comfortably as CSV.

pyarrow is an optional dependency (the ``parquet`` extra): :func:`require_pyarrow` is
called before a run starts, so a missing install is a one-line usage error rather than a
failure after an hour of extraction. Column types are explicit, so ids stay lists of
strings and offsets stay nullable integers even in a run where every value is empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pipeline.outputs.writers import atomic_open_binary

INSTALL_HINT = "pip install 'drug-cell-claims[parquet]'"
INTEGER = {"sentence_start", "sentence_end", "drug_start", "drug_end", "cell_start", "cell_end",
           "trigger_start", "trigger_end", "start", "end", "offset", "n_sections", "n_figures",
           "n_sentences", "n_entities", "n_claims", "n_docs", "n_accepted"}
FLOAT = {"confidence", "share_hedged"}
BOOLEAN = {"implicit", "direction_conflict"}
STRING_LIST = {"drug_ids", "cell_ids", "ids", "doc_ids", "pmids"}


class ParquetUnavailable(RuntimeError):
    """pyarrow is missing or cannot be imported."""


def require_pyarrow() -> None:
    """Raise :class:`ParquetUnavailable` with one line saying how to fix it."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if getattr(err, "name", "") == "pyarrow":
            raise ParquetUnavailable(f"--formats parquet needs pyarrow: {INSTALL_HINT}") from None
        raise ParquetUnavailable(f"--formats parquet: pyarrow cannot be imported ({reason}); "
                                 f"{INSTALL_HINT}") from None


def _type(column: str):
    import pyarrow as pa

    if column in INTEGER:
        return pa.int64()
    if column in FLOAT:
        return pa.float64()
    if column in BOOLEAN:
        return pa.bool_()
    if column in STRING_LIST:
        return pa.list_(pa.string())
    return pa.string()


def _value(column: str, value: Any) -> Any:
    """A cell as its column's type: text keeps "", an empty number or flag is null."""
    if value is None or (value == "" and column in INTEGER | FLOAT | BOOLEAN):
        return None
    if column in STRING_LIST:
        return [str(v) for v in (value if isinstance(value, (list, tuple)) else [value])]
    if column in INTEGER:
        return int(value)
    if column in FLOAT:
        return float(value)
    if column in BOOLEAN:
        return value if isinstance(value, bool) else str(value).lower() == "true"
    return str(value)


def write_parquet(path: Path, rows: Iterable[Mapping[str, Any]], columns: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    arrays = [pa.array([_value(c, row.get(c)) for row in rows], type=_type(c)) for c in columns]
    table = pa.Table.from_arrays(arrays, names=columns)
    with atomic_open_binary(path) as handle:
        pq.write_table(table, handle, compression="zstd")
