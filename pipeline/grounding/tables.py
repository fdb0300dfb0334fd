"""Reading the curated tables: tab-separated, with a header and ``#`` comment lines."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file whose comment lines start with ``#``; missing cells are ''."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#") and line.strip())
        for row in csv.DictReader(lines, delimiter="\t"):
            yield {key: (value or "").strip() for key, value in row.items() if key is not None}


def split_ids(value: str) -> tuple[str, ...]:
    """A ``|``-separated list of CURIEs as a tuple, empty cells dropped."""
    return tuple(part.strip() for part in value.split("|") if part.strip())
