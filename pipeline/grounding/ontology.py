"""The Cell Ontology's classes and is_a hierarchy, as shipped in the cell lexicon.

Grounding needs three things from the ontology besides its names: the label of a class (the
``cell_norm`` of a mention), its parents (to walk up to the closest class that a mention
still fits) and whether one class lies below another (to check a composed id against the
class written in the text). They come from ``models/lexicons/cell_lexicon.tsv``, so no OBO
file is needed at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.grounding.tables import read_tsv

GENERIC_CELL = "CL:0000000"


@dataclass
class CellOntology:
    """CL id → label and is_a parents."""

    labels: dict[str, str] = field(default_factory=dict)
    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]]) -> CellOntology:
        ontology = cls()
        for row in rows:
            if row["match"] == "label":
                ontology.labels[row["cl_id"]] = row["cl_label"]
            ontology.parents.setdefault(
                row["cl_id"], tuple(p for p in row["parents"].split("|") if p))
        return ontology

    def label(self, cl_id: str) -> str:
        return self.labels.get(cl_id, "")

    def ancestors(self, cl_id: str) -> Iterator[str]:
        """Every class above ``cl_id``, closest first (breadth-first), each once."""
        seen = {cl_id}
        frontier = list(self.parents.get(cl_id, ()))
        while frontier:
            following = []
            for parent in frontier:
                if parent in seen:
                    continue
                seen.add(parent)
                yield parent
                following.extend(self.parents.get(parent, ()))
            frontier = following

    def is_a(self, cl_id: str, ancestor: str) -> bool:
        """True when ``cl_id`` is ``ancestor`` or lies below it."""
        return cl_id == ancestor or any(a == ancestor for a in self.ancestors(cl_id))


@lru_cache(maxsize=4)
def load_ontology(lexicon_path: Path) -> CellOntology:
    return CellOntology.from_rows(read_tsv(lexicon_path))
