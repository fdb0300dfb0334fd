"""The data model that flows between the stages.

Readers produce :class:`Document` objects made of :class:`Section` objects; the NLP
stages add :class:`Entity` mentions and :class:`Claim` records; writers turn them into
tables. These dataclasses are the only vocabulary the stages share, so a reader knows
nothing of NER and a writer nothing of spaCy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SECTION_KINDS = ("title", "abstract", "figure", "body")
DIRECTIONS = ("increase", "decrease", "no_change", "unclear")
ASSERTIONS = ("asserted", "hedged")


def flat_row(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for a record whose fields are scalars, lists of scalars or a
    str → str dict: each list and dict is copied one level deep, which is all such a record
    needs and several times faster than asdict's recursive copy (a batch writes tens of
    thousands of rows)."""
    row = {}
    for name in record.__dataclass_fields__:
        value = getattr(record, name)
        row[name] = value.copy() if isinstance(value, (list, dict)) else value
    return row


@dataclass
class Section:
    """One run of text that is processed on its own (title, abstract, a figure legend...).

    ``offset`` is the position of ``text`` in the input file (in characters of the decoded
    file) when that is meaningful, so ``offset + start`` of an entity indexes the file.
    """

    section_id: str
    section: str
    text: str
    label: str = ""
    offset: int | None = None

    def __post_init__(self) -> None:
        if self.section not in SECTION_KINDS:
            raise ValueError(f"unknown section kind {self.section!r}")


@dataclass
class Document:
    """A document as read from one input, before any NLP."""

    doc_id: str
    source: str
    format: str
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    pmid: str = ""
    doi: str = ""
    journal: str = ""
    year: str = ""
    authors: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Annotations the input itself carries (PubTator, BioC): kept beside ours, source "input".
    entities: list[Entity] = field(default_factory=list)

    @property
    def n_figures(self) -> int:
        return sum(1 for s in self.sections if s.section == "figure")

    def section_by_id(self, section_id: str) -> Section:
        for section in self.sections:
            if section.section_id == section_id:
                return section
        raise KeyError(section_id)


@dataclass
class Entity:
    """A mention of a drug, cell, gene or disease; offsets index its section's text."""

    doc_id: str
    section_id: str
    section: str
    start: int
    end: int
    text: str
    label: str
    norm: str = ""
    ids: list[str] = field(default_factory=list)
    source: str = ""
    # How the ids fit the mention: exact, synonym, ancestor (the class is more general than
    # the mention) or composed (built by a rule: markers, a disease); and what the id leaves
    # out ({"disease": ..., "species": ..., "markers": ...}).
    match: str = ""
    qualifiers: dict[str, str] = field(default_factory=dict)

    def to_row(self) -> dict[str, Any]:
        return flat_row(self)


@dataclass
class Claim:
    """One sentence saying that a drug changes something about a cell population."""

    claim_id: str
    doc_id: str
    pmid: str
    section_id: str
    section: str
    sentence: str
    sentence_start: int
    sentence_end: int
    drug: str
    drug_norm: str
    drug_ids: list[str]
    drug_start: int | None
    drug_end: int | None
    cell: str
    cell_norm: str
    cell_ids: list[str]
    cell_start: int
    cell_end: int
    effect: str
    direction: str
    assertion: str
    implicit: bool
    trigger: str
    rule: str
    confidence: float
    trigger_start: int | None = None
    trigger_end: int | None = None
    # The disease a population is defined by ("CLL cells": B cells of chronic lymphocytic
    # leukemia), so that reviews and summaries can tell them from healthy cells.
    cell_disease: str = ""

    def to_row(self) -> dict[str, Any]:
        return flat_row(self)


@dataclass
class DocumentError:
    """Why one input (or one document in it) could not be read or processed."""

    source: str
    stage: str
    error: str
    doc_id: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentResult:
    """What the NLP stages made of one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    n_sentences: int = 0
