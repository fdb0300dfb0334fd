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


def _schema(columns: list[str]):
    import pyarrow as pa

    return pa.schema([pa.field(c, _type(c)) for c in columns])


class ParquetStream:
    """A Parquet table written as rows arrive: rows are turned into Arrow arrays a few
    thousand at a time, and a row group is written every ``group_rows`` rows, so memory
    holds one row group of columns, not the table. A table of fewer rows than that is one
    row group, the same file :func:`write_parquet` writes."""

    BATCH_ROWS = 4096
    GROUP_ROWS = 65536

    def __init__(self, handle, columns: list[str]) -> None:
        import pyarrow.parquet as pq

        self.columns, self.schema = columns, _schema(columns)
        self.writer = pq.ParquetWriter(handle, self.schema, compression="zstd")
        self.rows: list[Mapping[str, Any]] = []
        self.batches: list = []
        self.n_batched = 0
        self.n_written = 0

    def write(self, row: Mapping[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.BATCH_ROWS:
            self._batch()
            if self.n_batched >= self.GROUP_ROWS:
                self._group()

    def _batch(self) -> None:
        import pyarrow as pa

        if self.rows:
            arrays = [pa.array([_value(c, row.get(c)) for row in self.rows], type=_type(c))
                      for c in self.columns]
            self.batches.append(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
            self.n_batched += len(self.rows)
            self.rows = []

    def _group(self) -> None:
        import pyarrow as pa

        self.writer.write_table(pa.Table.from_batches(self.batches, schema=self.schema)
                                .combine_chunks())
        self.n_written += self.n_batched
        self.batches, self.n_batched = [], 0

    def close(self) -> None:
        self._batch()
        if self.n_batched or not self.n_written:  # an empty table is written as one, too
            self._group()
        self.writer.close()
