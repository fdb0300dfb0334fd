"""Grounding: ontology and database ids for what the NER finds.

- :func:`ground_cell` — Cell Ontology id, label and match kind of a cell phrase in its
  document's context (:mod:`pipeline.grounding.cells`);
- :func:`ground_drug` — generic name, DrugBank and MeSH ids of a drug name, brand, code
  name or defined abbreviation (:mod:`pipeline.grounding.drugs`);
- cell lines with Cellosaurus accessions (:mod:`pipeline.grounding.cell_lines`).
"""

from pipeline.grounding.cells import Grounding, ground_cell
from pipeline.grounding.context import CellContext
from pipeline.grounding.drugs import ground_drug

__all__ = ["CellContext", "Grounding", "ground_cell", "ground_drug"]
