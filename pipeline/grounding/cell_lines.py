"""Cell lines: canonical names and Cellosaurus accessions from a small curated table.

There is no Cellosaurus file here, so ``pipeline/ner/data/cell_lines.tsv`` lists the lines
common in the papers we read, each with the accession only where it was checked; a line
named in a paper but missing from the table is still a CELL_LINE mention ("OCI-Ly19
cells"), with its own spelling as the name and no id — never a guessed one.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.grounding.tables import read_tsv
from pipeline.ner.terms import Concept, TermIndex
from pipeline.resources import DATA_DIR

CELL_LINE = "CELL_LINE"
CELLOSAURUS_PREFIX = "CELLOSAURUS"


def line_concept(row: dict[str, str]) -> Concept:
    ids = (f"{CELLOSAURUS_PREFIX}:{row['cellosaurus']}",) if row.get("cellosaurus") else ()
    return Concept(CELL_LINE, row["name"], ids, "curated", match="exact", kind="line")


def build_cell_line_indices(path: Path) -> tuple[TermIndex, TermIndex]:
    """(every name and synonym, only those that are mentions on their own)."""
    every, alone = TermIndex(), TermIndex()
    for row in read_tsv(path):
        concept = line_concept(row)
        names = [row["name"]] + [s for s in row.get("synonyms", "").split("|") if s.strip()]
        for name in names:
            every.add(name, concept)
            if row.get("alone") == "yes":
                alone.add(name, concept)
    return every, alone


@lru_cache(maxsize=1)
def cell_line_indices() -> tuple[TermIndex, TermIndex]:
    return build_cell_line_indices(DATA_DIR / "cell_lines.tsv")
