"""Write the output tables. Every file is written to a temporary name and then renamed,
so a reader (or an interrupted run) never sees a half-written file."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

CLAIM_COLUMNS = [
    "claim_id", "doc_id", "pmid", "section_id", "section", "sentence", "sentence_start",
    "sentence_end", "drug", "drug_norm", "drug_ids", "drug_start", "drug_end", "cell",
    "cell_norm", "cell_ids", "cell_start", "cell_end", "effect", "direction", "assertion",
    "implicit", "trigger", "rule", "confidence",
]
ENTITY_COLUMNS = ["doc_id", "section_id", "section", "start", "end", "text", "label", "norm",
                  "ids", "source"]
SECTION_COLUMNS = ["doc_id", "section_id", "section", "label", "offset", "text"]
DOCUMENT_COLUMNS = ["doc_id", "source", "format", "pmid", "doi", "journal", "year", "title",
                    "n_sections", "n_figures", "n_sentences", "n_entities", "n_claims",
                    "status", "error", "warnings"]
ERROR_COLUMNS = ["source", "doc_id", "stage", "error"]


@contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined by '|', booleans as true/false, None as empty."""
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_csv(path: Path, rows: Iterable[dict[str, Any]], columns: list[str]) -> int:
    count = 0
    with atomic_open(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
            count += 1
    return count


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> int:
    count = 0
    with atomic_open(path) as handle:
        for row in rows:
            record = {k: row.get(k) for k in columns} if columns else row
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(path: Path, data: dict[str, Any]) -> None:
    with atomic_open(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
