"""The rows of one run, in the order and with the keys every output file shares.

The runner hands over one :class:`DocumentOutput` per input document, in input order. Here
the claim rows get what the outputs add to them (an effect category, the trigger's
offsets) and a total order, and every claim id and document key is made unique, so that
review files, brat files and report links can rely on them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.outputs.effects import effect_category
from pipeline.outputs.spans import trigger_span

Row = dict[str, Any]


@dataclass
class DocumentOutput:
    """One input document's rows: its documents.csv row and, when it was processed, its
    claims, entities and sections (as the schema's ``to_row`` dictionaries)."""

    row: Row
    claims: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    sections: list[Row] = field(default_factory=list)


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


def unique_keys(keys: Iterable[str]) -> list[str]:
    """The keys with later repeats suffixed ``-2``, ``-3``...: deterministic for one input
    order, and the first occurrence keeps its key so existing review rows still match."""
    seen: set[str] = set()
    unique = []
    for key in keys:
        candidate, number = key, 2
        while candidate in seen:
            candidate, number = f"{key}-{number}", number + 1
        seen.add(candidate)
        unique.append(candidate)
    return unique


def _section_order(document: DocumentOutput) -> dict[str, int]:
    return {section["section_id"]: k for k, section in enumerate(document.sections)}


def _claim_sort_key(order: dict[str, int], claim: Row) -> tuple:
    drug_start = claim.get("drug_start")
    return (order.get(claim["section_id"], len(order)), claim["sentence_start"], claim["cell_start"],
            claim["cell_end"], -1 if drug_start is None else drug_start, claim["drug_norm"],
            claim["claim_id"])


def _entity_sort_key(order: dict[str, int], entity: Row) -> tuple:
    return (order.get(entity["section_id"], len(order)), entity["start"], entity["end"],
            entity["label"], entity["norm"], entity["text"])


def _with_output_fields(claim: Row, doc_index: int, doc_key: str) -> Row:
    row = dict(claim)
    row["effect_category"] = effect_category(claim.get("effect") or "", claim.get("trigger") or "")
    if claim.get("trigger_start") is None:  # claims from elsewhere: find the trigger again
        span = trigger_span(claim)
        row["trigger_start"], row["trigger_end"] = span if span else (None, None)
    row["_doc"], row["_doc_key"] = doc_index, doc_key
    return row


def build_tables(documents: list[DocumentOutput]) -> RunTables:
    """Order the rows of every document totally and make claim ids and doc keys unique.

    Two inputs with the same file name in different folders share a ``doc_id`` and so
    could share claim ids; the second one's ids get a ``-2`` suffix rather than colliding.
    """
    doc_ids = [str(document.row.get("doc_id") or "") for document in documents]
    doc_keys = unique_keys(doc_ids)
    duplicates = sorted({d for d, k in zip(doc_ids, doc_keys, strict=True) if d != k})
    prepared = []
    for index, (document, key) in enumerate(zip(documents, doc_keys, strict=True)):
        order = _section_order(document)
        ordered = sorted(document.claims, key=lambda c, o=order: _claim_sort_key(o, c))
        prepared.append(DocumentOutput(
            document.row, [_with_output_fields(c, index, key) for c in ordered],
            sorted(document.entities, key=lambda e, o=order: _entity_sort_key(o, e)),
            [{**s, "_doc": index, "_doc_key": key} for s in document.sections]))
    claims = [claim for document in prepared for claim in document.claims]
    entities = [entity for document in prepared for entity in document.entities]
    sections = [section for document in prepared for section in document.sections]
    original = [c["claim_id"] for c in claims]
    for claim, claim_id in zip(claims, unique_keys(original), strict=True):
        claim["claim_id"] = claim_id
    renamed = sum(1 for claim, before in zip(claims, original, strict=True) if claim["claim_id"] != before)
    return RunTables(prepared, doc_keys, claims, entities, sections, renamed, duplicates)
