"""The rows of one run, in the order and with the keys every output file shares.

The runner hands over one :class:`DocumentOutput` per input document, in input order. Here
the claim rows get what the outputs add to them (an effect category, the trigger's
offsets) and a total order, and every claim id and document key is made unique, so that
review files, brat files and report links can rely on them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.outputs.effects import effect_category
from pipeline.outputs.spans import trigger_span

Row = dict[str, Any]


@dataclass
class EntityLines:
    """A document's entity rows already written out, in table order: its lines of
    ``entities.csv`` and of ``entities.jsonl``. Entities are most of a run's rows; the worker
    that finds them writes them once, and the result store keeps the text, so that a re-run
    that takes a document from the store copies two strings instead of formatting each row."""

    count: int
    csv: str
    jsonl: str

    def rows(self) -> list[Row]:
        return [json.loads(line) for line in self.jsonl.splitlines()]


@dataclass
class DocumentOutput:
    """One input document's rows: its documents.csv row and, when it was processed, its
    claims, entities and sections (as the schema's ``to_row`` dictionaries).

    With ``entity_lines``, the entity tables take those lines, and ``entities`` (the same
    rows, parsed) may be left empty when nothing else needs them: a document without claims
    has nothing to show in the report."""

    row: Row
    claims: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    sections: list[Row] = field(default_factory=list)
    entity_lines: EntityLines | None = None

    @property
    def n_entities(self) -> int:
        return self.entity_lines.count if self.entity_lines is not None else len(self.entities)


@dataclass
class RunTables:
    """Everything the writers need, with unique document keys and claim ids."""

    documents: list[DocumentOutput]
    doc_keys: list[str]
    claims: list[Row]
    entities: list[Row]
    sections: list[Row]
    n_renamed_claim_ids: int = 0
    duplicate_doc_ids: list[str] = field(default_factory=list)

    @property
    def document_rows(self) -> list[Row]:
        return [document.row for document in self.documents]


def _unique(key: str, seen: set[str]) -> str:
    candidate, number = key, 2
    while candidate in seen:
        candidate, number = f"{key}-{number}", number + 1
    seen.add(candidate)
    return candidate


def unique_keys(keys: Iterable[str]) -> list[str]:
    """The keys with later repeats suffixed ``-2``, ``-3``...: deterministic for one input
    order, and the first occurrence keeps its key so existing review rows still match."""
    seen: set[str] = set()
    return [_unique(key, seen) for key in keys]


def _section_order(sections: list[Row]) -> dict[str, int]:
    return {section["section_id"]: k for k, section in enumerate(sections)}


def _claim_sort_key(order: dict[str, int], claim: Row) -> tuple:
    drug_start = claim.get("drug_start")
    return (order.get(claim["section_id"], len(order)), claim["sentence_start"], claim["cell_start"],
            claim["cell_end"], -1 if drug_start is None else drug_start, claim["drug_norm"],
            claim["claim_id"])


def _entity_sort_key(order: dict[str, int], entity: Row) -> tuple:
    return (order.get(entity["section_id"], len(order)), entity["start"], entity["end"],
            entity["label"], entity["norm"], entity["text"])


def ordered_entities(entities: list[Row], sections: list[Row]) -> list[Row]:
    """A document's entity rows in table order: by section, then offsets."""
    order = _section_order(sections)
    return sorted(entities, key=lambda e: _entity_sort_key(order, e))


def _with_output_fields(claim: Row, doc_index: int, doc_key: str) -> Row:
    row = dict(claim)
    row["effect_category"] = effect_category(claim.get("effect") or "", claim.get("trigger") or "")
    if claim.get("trigger_start") is None:  # claims from elsewhere: find the trigger again
        span = trigger_span(claim)
        row["trigger_start"], row["trigger_end"] = span if span else (None, None)
    row["_doc"], row["_doc_key"] = doc_index, doc_key
    return row


class TableOrder:
    """:func:`build_tables` one document at a time, for a run that streams its rows: only
    the document keys and claim ids seen so far are kept (to make the next ones unique)."""

    def __init__(self) -> None:
        self.n_documents = 0
        self.n_renamed_claim_ids = 0
        self._duplicates: set[str] = set()
        self._doc_keys: set[str] = set()
        self._claim_ids: set[str] = set()

    @property
    def duplicate_doc_ids(self) -> list[str]:
        return sorted(self._duplicates)

    def prepare(self, document: DocumentOutput) -> tuple[str, DocumentOutput]:
        """The next document's key and its rows, ordered, with output fields and unique ids."""
        doc_id = str(document.row.get("doc_id") or "")
        key = _unique(doc_id, self._doc_keys)
        if key != doc_id:
            self._duplicates.add(doc_id)
        index, self.n_documents = self.n_documents, self.n_documents + 1
        order = _section_order(document.sections)
        ordered = sorted(document.claims, key=lambda c: _claim_sort_key(order, c))
        claims = [_with_output_fields(c, index, key) for c in ordered]
        for claim in claims:
            before = claim["claim_id"]
            claim["claim_id"] = _unique(before, self._claim_ids)
            self.n_renamed_claim_ids += claim["claim_id"] != before
        return key, DocumentOutput(
            document.row, claims, ordered_entities(document.entities, document.sections),
            [{**s, "_doc": index, "_doc_key": key} for s in document.sections], document.entity_lines)


def build_tables(documents: list[DocumentOutput]) -> RunTables:
    """Order the rows of every document totally and make claim ids and doc keys unique.

    Two inputs with the same file name in different folders share a ``doc_id`` and so
    could share claim ids; the second one's ids get a ``-2`` suffix rather than colliding.
    """
    order = TableOrder()
    keys, prepared = [], []
    for document in documents:
        key, ready = order.prepare(document)
        keys.append(key)
        prepared.append(ready)
    claims = [claim for document in prepared for claim in document.claims]
    entities = [entity for document in prepared for entity in document.entities]
    sections = [section for document in prepared for section in document.sections]
    return RunTables(prepared, keys, claims, entities, sections, order.n_renamed_claim_ids,
                     order.duplicate_doc_ids)
