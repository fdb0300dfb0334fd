"""Exports for annotation and curation tools: brat standoff and BioC JSON.

Both describe a document as one text with standoff annotations, so both are built from
the same :class:`DocumentAnnotations`: the document's sections joined into one text, every
entity, every claim's trigger, and one relation per claim from the drug to the cell. A
curator can then correct claims in brat, or load them into a BioC-based tool, with the
same ids as the tables (``claim_id`` is in every relation's note or infons).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.outputs.tables import DocumentOutput, RunTables
from pipeline.outputs.writers import atomic_open

SECTION_SEPARATOR = "\n\n"
TRIGGER = "Trigger"
ENTITY_TYPES = ["DRUG", "CELL", "CELL_LINE", "DISEASE", "GENE", TRIGGER]
RELATION_TYPES = {"increase": "Increase", "decrease": "Decrease", "no_change": "No_change",
                  "unclear": "Unclear"}
BRAT_COLORS = {"DRUG": "#7aecec", "CELL": "#feca74", "CELL_LINE": "#bfe1d9", "DISEASE": "#e4e7d2",
               "GENE": "#dddddd", TRIGGER: "#c5b8ff"}


@dataclass
class Annotation:
    """A span of the document text (document-level offsets)."""

    id: str
    label: str
    start: int
    end: int
    text: str
    norm: str = ""
    ids: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class ClaimRelation:
    id: str
    claim: Mapping[str, Any]
    drug: str | None
    cell: str
    trigger: str | None


@dataclass
class DocumentAnnotations:
    key: str
    row: Mapping[str, Any]
    text: str
    passages: list[tuple[Mapping[str, Any], int]]  # (section row, offset in text)
    annotations: list[Annotation]
    relations: list[ClaimRelation]


def _joined_text(sections: list[Mapping[str, Any]]) -> tuple[str, dict[str, int]]:
    """The sections' texts in document order, a blank line apart, and where each begins."""
    bases, parts, position = {}, [], 0
    for section in sections:
        bases[section["section_id"]] = position
        parts.append(section["text"])
        position += len(section["text"]) + len(SECTION_SEPARATOR)
    return SECTION_SEPARATOR.join(parts), bases


def _antecedent(claim: Mapping[str, Any], drugs: list[tuple[Annotation, str, int]],
                bases: dict[str, int]) -> str | None:
    """For an implicit drug: its last mention before the sentence in the same section, else
    its first mention in the title, else anywhere in the document (as the claim rules look)."""
    norm = str(claim["drug_norm"]).lower()
    same = [a for a in drugs if a[0].norm.lower() == norm]
    sentence_start = bases[claim["section_id"]] + claim["sentence_start"]
    before = [a for a, section_id, _ in same
              if section_id == claim["section_id"] and a.end <= sentence_start]
    if before:
        return before[-1].id
    ordered = [a for a, _, kind in same if kind == "title"] + [a for a, _, _ in same]
    return ordered[0].id if ordered else None


def document_annotations(document: DocumentOutput, key: str) -> DocumentAnnotations:
    text, bases = _joined_text(document.sections)
    kinds = {s["section_id"]: s["section"] for s in document.sections}
    spans: dict[tuple[int, int, str], Annotation] = {}

    def add(section_id: str, start: int, end: int, label: str, **extra: Any) -> Annotation:
        base = bases[section_id]
        found = spans.get((base + start, base + end, label))
        if found is None:
            found = spans[(base + start, base + end, label)] = Annotation(
                "", label, base + start, base + end, text[base + start:base + end], **extra)
        return found

    entity_sections = []
    for entity in document.entities:
        annotation = add(entity["section_id"], entity["start"], entity["end"], entity["label"],
                         norm=entity.get("norm") or "", ids=list(entity.get("ids") or []),
                         source=entity.get("source") or "")
        entity_sections.append((annotation, entity["section_id"]))
    pending = []
    for claim in document.claims:
        section_id = claim["section_id"]
        drug = None
        if claim.get("drug_start") is not None:
            drug = add(section_id, claim["drug_start"], claim["drug_end"], "DRUG",
                       norm=claim["drug_norm"], ids=list(claim.get("drug_ids") or []))
        cell_label = next((a.label for a, s in entity_sections if s == section_id
                           and (a.start, a.end) == (bases[section_id] + claim["cell_start"],
                                                    bases[section_id] + claim["cell_end"])), "CELL")
        cell = add(section_id, claim["cell_start"], claim["cell_end"], cell_label,
                   norm=claim.get("cell_norm") or "", ids=list(claim.get("cell_ids") or []))
        trigger = None
        if claim.get("trigger_start") is not None:
            trigger = add(section_id, claim["trigger_start"], claim["trigger_end"], TRIGGER)
        pending.append((claim, drug, cell, trigger))
    annotations = sorted(spans.values(), key=lambda a: (a.start, a.end, ENTITY_TYPES.index(a.label)
                                                       if a.label in ENTITY_TYPES else 99, a.label))
    for number, annotation in enumerate(annotations, start=1):
        annotation.id = f"T{number}"
    drugs = [(a, s, kinds[s]) for a, s in entity_sections if a.label == "DRUG"]
    drugs.sort(key=lambda item: item[0].start)
    relations = []
    for number, (claim, drug, cell, trigger) in enumerate(pending, start=1):
        drug_id = drug.id if drug else _antecedent(claim, drugs, bases)
        relations.append(ClaimRelation(f"R{number}", claim, drug_id, cell.id,
                                       trigger.id if trigger else None))
    passages = [(section, bases[section["section_id"]]) for section in document.sections]
    return DocumentAnnotations(key, document.row, text, passages, annotations, relations)


def processed_documents(tables: RunTables) -> Iterable[DocumentAnnotations]:
    for document, key in zip(tables.documents, tables.doc_keys, strict=True):
        if document.sections:
            yield document_annotations(document, key)


# --- brat ----------------------------------------------------------------------------------


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _brat_fragments(annotation: Annotation) -> tuple[str, str]:
    """brat spans cannot hold a line break: a mention across one becomes fragments."""
    fragments, start = [], annotation.start
    for line in annotation.text.split("\n"):
        if line:
            fragments.append((start, start + len(line)))
        start += len(line) + 1
    offsets = ";".join(f"{a} {b}" for a, b in fragments)
    return offsets, " ".join(annotation.text[a - annotation.start:b - annotation.start] for a, b in fragments)


def _claim_note(relation: ClaimRelation) -> str:
    claim = relation.claim
    parts = [f"claim_id={claim['claim_id']}", f"effect={claim.get('effect') or ''}",
             f"effect_category={claim.get('effect_category') or ''}",
             f"assertion={claim.get('assertion') or ''}", f"trigger={relation.trigger or ''}",
             f"rule={claim.get('rule') or ''}", f"confidence={claim.get('confidence')}"]
    if claim.get("implicit"):
        parts.append(f"implicit drug={claim.get('drug') or ''}")
    return _one_line("; ".join(parts))


def brat_ann(document: DocumentAnnotations) -> str:
    lines, notes = [], []
    for annotation in document.annotations:
        offsets, text = _brat_fragments(annotation)
        if not offsets:
            continue
        lines.append(f"{annotation.id}\t{annotation.label} {offsets}\t{text}")
        if annotation.norm or annotation.ids:
            notes.append((annotation.id, _one_line(
                f"norm={annotation.norm}; ids={'|'.join(annotation.ids)}")))
    for relation in document.relations:
        if relation.drug is None:
            continue
        kind = RELATION_TYPES.get(str(relation.claim.get("direction")), "Unclear")
        lines.append(f"{relation.id}\t{kind} Arg1:{relation.drug} Arg2:{relation.cell}")
        notes.append((relation.id, _claim_note(relation)))
    lines += [f"#{n}\tAnnotatorNotes {ref}\t{note}" for n, (ref, note) in enumerate(notes, start=1)]
    return "".join(line + "\n" for line in lines)


def annotation_conf() -> str:
    cells = "CELL|CELL_LINE"
    relations = [f"{name}\tArg1:DRUG, Arg2:{cells}" for name in RELATION_TYPES.values()]
    return ("[entities]\n" + "\n".join(ENTITY_TYPES) + "\n\n[relations]\n" + "\n".join(relations)
            + "\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n")


def visual_conf() -> str:
    drawing = [f"{name}\tbgColor:{color}" for name, color in BRAT_COLORS.items()]
    return "[labels]\n\n[drawing]\n" + "\n".join(drawing) + "\n"


def write_brat_document(folder: Path, document: DocumentAnnotations) -> list[str]:
    """``folder/<doc>.txt`` and ``.ann`` for one document."""
    written = []
    for suffix, content in ((".txt", document.text), (".ann", brat_ann(document))):
        path = folder / f"{document.key}{suffix}"
        with atomic_open(path) as handle:
            handle.write(content)
        written.append(path.name)
    return written


def write_brat_config(folder: Path) -> None:
    for name, content in (("annotation.conf", annotation_conf()), ("visual.conf", visual_conf())):
        with atomic_open(folder / name) as handle:
            handle.write(content)


def write_brat(folder: Path, tables: RunTables) -> list[str]:
    """``folder/<doc>.txt`` and ``.ann`` per document, with brat's configuration files."""
    written = []
    for document in processed_documents(tables):
        written += write_brat_document(folder, document)
    write_brat_config(folder)
    return written


# --- BioC JSON ------------------------------------------------------------------------------


def _bioc_annotation(annotation: Annotation) -> dict[str, Any]:
    infons = {"type": annotation.label}
    if annotation.norm:
        infons["norm"] = annotation.norm
    if annotation.ids:
        infons["identifier"] = ",".join(annotation.ids)
    if annotation.source:
        infons["source"] = annotation.source
    return {"id": annotation.id, "infons": infons, "text": annotation.text,
            "locations": [{"offset": annotation.start, "length": annotation.end - annotation.start}]}


def _bioc_relation(relation: ClaimRelation) -> dict[str, Any]:
    claim = relation.claim
    keys = ("claim_id", "drug", "drug_norm", "effect", "effect_category", "direction",
            "assertion", "rule")
    infons = {"type": "claim", **{k: str(claim.get(k) or "") for k in keys},
              "drug_ids": ",".join(claim.get("drug_ids") or []),
              "implicit": "true" if claim.get("implicit") else "false",
              "confidence": str(claim.get("confidence"))}
    nodes = [{"refid": ref, "role": role} for ref, role in
             ((relation.drug, "drug"), (relation.cell, "cell"), (relation.trigger, "trigger")) if ref]
    return {"id": relation.id, "infons": infons, "nodes": nodes}


def bioc_document(document: DocumentAnnotations) -> dict[str, Any]:
    row = document.row
    infons = {k: str(row.get(k) or "") for k in ("doc_id", "pmid", "doi", "title", "journal", "year",
                                                 "source")}
    passages = []
    for section, offset in document.passages:
        end = offset + len(section["text"])
        passages.append({
            "offset": offset,
            "infons": {"type": section["section"], "section_id": section["section_id"],
                       "label": section.get("label") or ""},
            "text": section["text"], "sentences": [],
            "annotations": [_bioc_annotation(a) for a in document.annotations
                            if offset <= a.start and a.end <= end],
            "relations": []})
    return {"id": document.key, "infons": infons, "passages": passages, "annotations": [],
            "relations": [_bioc_relation(r) for r in document.relations]}


def bioc_collection(tables: RunTables, source: str) -> dict[str, Any]:
    """A BioC collection; ``date`` is left empty so the file is the same on every run."""
    return {**_bioc_head(source), "documents": [bioc_document(d) for d in processed_documents(tables)]}


def _bioc_head(source: str) -> dict[str, Any]:
    return {"source": source, "date": "", "key": "drug-cell-claims.key", "infons": {}}


class BiocStream:
    """``claims.bioc.json`` written one document at a time, byte for byte what ``json.dump(
    bioc_collection(...), indent=1)`` writes: each document is dumped on its own and indented
    to its depth (JSON strings hold no raw line breaks, so indenting by lines is safe)."""

    def __init__(self, handle, source: str) -> None:
        self.handle, self.count = handle, 0
        head = json.dumps({**_bioc_head(source), "documents": []}, ensure_ascii=False, indent=1)
        self.head = head[:-len("[]\n}")]  # up to '"documents": '

    def write(self, document: DocumentAnnotations) -> None:
        text = json.dumps(bioc_document(document), ensure_ascii=False, indent=1)
        self.handle.write((self.head + "[\n  " if self.count == 0 else ",\n  ")
                          + text.replace("\n", "\n  "))
        self.count += 1

    def close(self) -> None:
        self.handle.write((self.head + "[]" if self.count == 0 else "\n ]") + "\n}\n")


def write_bioc(path: Path, tables: RunTables, source: str) -> None:
    with atomic_open(path) as handle:
        json.dump(bioc_collection(tables, source), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
