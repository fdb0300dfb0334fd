"""Write the output tables. Every file is written to a temporary name and then renamed,
so a reader (or an interrupted run) never sees a half-written file."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

CLAIM_COLUMNS = [
    "claim_id", "doc_id", "pmid", "section_id", "section", "sentence", "sentence_start",
    "sentence_end", "drug", "drug_norm", "drug_ids", "drug_start", "drug_end", "cell",
    "cell_norm", "cell_ids", "cell_disease", "cell_start", "cell_end", "effect",
    "effect_category", "direction",
    "assertion", "implicit", "trigger", "trigger_start", "trigger_end", "rule", "confidence",
]
ENTITY_COLUMNS = ["doc_id", "section_id", "section", "start", "end", "text", "label", "norm",
                  "ids", "match", "qualifiers", "source"]
SECTION_COLUMNS = ["doc_id", "section_id", "section", "label", "offset", "text"]
DOCUMENT_COLUMNS = ["doc_id", "source", "format", "pmid", "pmcid", "doi", "journal", "year",
                    "title", "authors", "mesh_terms", "publication_types", "n_sections",
                    "n_figures", "n_sentences", "n_entities", "n_claims", "status", "error",
                    "warnings"]
ERROR_COLUMNS = ["source", "doc_id", "stage", "error"]


def _default_mode() -> int:
    """The mode ``open()`` would give a new file: mkstemp's 0600 would hide the tables from
    the rest of a lab group sharing the output folder."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile:
    """A file written under a temporary name beside ``path``: :meth:`commit` renames it into
    place, :meth:`abort` removes it. Several can be open at once, so that a run writes all
    its tables row by row and replaces them only when every one is complete."""

    def __init__(self, path: Path, binary: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.path, self.tmp = path, Path(tmp)
        try:
            mode = "wb" if binary else "w"
            text_args = {} if binary else {"encoding": "utf-8", "newline": ""}
            self.handle = os.fdopen(fd, mode, **text_args)
            os.fchmod(self.handle.fileno(), _default_mode())
        except BaseException:
            self.tmp.unlink(missing_ok=True)
            raise

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files (and brat folders) a run killed before it could clean up
    left in its output folder (``.claims.csv.*.tmp``): they are never anyone's output. One
    run at a time writes a folder."""
    removed = 0
    for path in folder.glob(".*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed += 1
    return removed


@contextmanager
def _atomic(path: Path, binary: bool) -> Iterator[Any]:
    file = AtomicFile(path, binary)
    try:
        yield file.handle
    except BaseException:
        file.abort()
        raise
    file.commit()


@contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` at once."""
    with _atomic(path, binary=False) as handle:
        yield handle


@contextmanager
def atomic_open_binary(path: Path) -> Iterator[BinaryIO]:
    """Like :func:`atomic_open`, for bytes (Parquet, copies of files kept as backups)."""
    with _atomic(path, binary=True) as handle:
        yield handle


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_open_binary(path) as handle:
        handle.write(data)


_PLAIN = frozenset({str, int, float})


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined by '|', mappings as 'key=value|…', booleans as true/false,
    None as empty."""
    if type(value) in _PLAIN:  # most cells: no conversion (bool is not int here)
        return value
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, dict):
        return "|".join(f"{k}={v}" for k, v in sorted(value.items()))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _csv_cells(row: dict[str, Any], columns: list[str]) -> list[Any]:
    return [_cell(row.get(k)) for k in columns]


class CsvRows:
    """CSV rows written one at a time to ``handle``, after a header line."""

    def __init__(self, handle: TextIO, columns: list[str]) -> None:
        self.columns = columns
        self.writer = csv.writer(handle, lineterminator="\n")
        self.writer.writerow(columns)

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(_csv_cells(row, self.columns))


def _write_csv_rows(handle: TextIO, rows: Iterable[dict[str, Any]], columns: list[str]) -> int:
    writer = CsvRows(handle, columns)
    count = 0
    for row in rows:
        writer.write(row)
        count += 1
    return count


def write_csv(path: Path, rows: Iterable[dict[str, Any]], columns: list[str]) -> int:
    with atomic_open(path) as handle:
        return _write_csv_rows(handle, rows, columns)


def csv_text(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    """A CSV file's content, for files that are compared with what is on disk first."""
    buffer = io.StringIO(newline="")
    _write_csv_rows(buffer, rows, columns)
    return buffer.getvalue()


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    """CSV rows without the header, exactly as :class:`CsvRows` writes them into a file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(_csv_cells(row, columns) for row in rows)
    return buffer.getvalue()


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> int:
    count = 0
    with atomic_open(path) as handle:
        for row in rows:
            handle.write(jsonl_line(row, columns))
            count += 1
    return count


# json.dumps builds a new encoder on every call when given any option; one encoder serves all.
_JSON_LINE = json.JSONEncoder(ensure_ascii=False)


def jsonl_line(row: dict[str, Any], columns: list[str] | None = None) -> str:
    record = {k: row.get(k) for k in columns} if columns else row
    return _JSON_LINE.encode(record) + "\n"


def write_json(path: Path, data: dict[str, Any]) -> None:
    with atomic_open(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
