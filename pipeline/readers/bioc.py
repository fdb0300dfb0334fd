"""BioC XML and BioC JSON (PubTator3 exports): documents of passages with annotations.

Passages become sections (title, abstract, figure captions, body paragraphs behind
``--sections all``); the annotations they carry become entities with source ``input``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pipeline.readers.annotations import add_input_entity
from pipeline.readers.safe_xml import children, find, parse_bytes, text_of
from pipeline.readers.sections import add_section, passage_kind
from pipeline.schema import Document, DocumentError

_TITLE_INFONS = ("type", "section_type")


def _document(doc_id: str, source: str, passages: list[dict[str, Any]], infons: dict[str, str],
              sections: str) -> Document:
    if not doc_id:
        raise ValueError("BioC document without an id")
    doc = Document(doc_id=doc_id, source=source, format="bioc")
    doc.pmid = infons.get("article-id_pmid", "") or (doc_id if doc_id.isdigit() else "")
    doc.doi = infons.get("article-id_doi", "")
    if infons.get("article-id_pmc"):
        doc.metadata["pmcid"] = infons["article-id_pmc"]
    offsets: dict[str, int] = {}
    pending = []
    for passage in passages:
        kinds = [passage["infons"].get(key, "") for key in _TITLE_INFONS]
        kind = passage_kind(*kinds)
        text = passage.get("text") or ""
        if kind is None or not text.strip() or (kind == "body" and sections != "all"):
            continue
        if kind == "title" and doc.title:
            kind = "body"
            if sections != "all":
                continue
        label = passage["infons"].get("section_type") or passage["infons"].get("type", "")
        section = add_section(doc, kind, text, label=label if kind == "figure" else "")
        offsets[section.section_id] = int(passage.get("offset") or 0)
        pending.extend(passage.get("annotations") or [])
        if passage["infons"].get("year") and not doc.year:
            doc.year = passage["infons"]["year"]
        if passage["infons"].get("journal") and not doc.journal:
            doc.journal = passage["infons"]["journal"]
    skipped = 0
    for annotation in pending:
        infons = annotation.get("infons") or {}
        label = infons.get("type", "")
        identifier = infons.get("identifier") or infons.get("MESH") or ""
        for location in annotation.get("locations") or []:
            if not add_input_entity(doc, int(location["offset"]), int(location["length"]),
                                    annotation.get("text") or "", label, identifier, offsets):
                skipped += 1
    if skipped:
        doc.warnings.append(f"{skipped} annotations do not match the text and were skipped")
    return doc


def _xml_passage(element) -> dict[str, Any]:
    annotations = []
    for annotation in children(element, "annotation"):
        annotations.append({
            "infons": {i.get("key", ""): text_of(i) for i in children(annotation, "infon")},
            "locations": [{"offset": loc.get("offset", "0"), "length": loc.get("length", "0")}
                          for loc in children(annotation, "location")],
            "text": text_of(find(annotation, "text")),
        })
    return {
        "infons": {i.get("key", ""): text_of(i) for i in children(element, "infon")},
        "offset": text_of(find(element, "offset")) or "0",
        "text": "".join(find(element, "text").itertext()) if find(element, "text") is not None
        else "",
        "annotations": annotations,
    }


def read_bioc_xml(data: bytes, source: str, sections: str) -> Iterator[Document | DocumentError]:
    root = parse_bytes(data)
    for number, element in enumerate(children(root, "document"), start=1):
        doc_id = text_of(find(element, "id"))
        try:
            infons = {i.get("key", ""): text_of(i) for i in children(element, "infon")}
            passages = [_xml_passage(p) for p in children(element, "passage")]
            yield _document(doc_id, source, passages, infons, sections)
        except (ValueError, KeyError, TypeError) as err:
            yield DocumentError(source, "read", f"document {number}: {err}", doc_id)


def _json_documents(data: Any) -> list[dict[str, Any]]:
    """Documents from a BioC collection, a list of collections or documents, or PubTator3's
    ``{"PubTator3": [...]}`` wrapper."""
    if isinstance(data, dict):
        if "documents" in data:
            return list(data["documents"])
        for value in data.values():
            if isinstance(value, list):
                return _json_documents(value)
        return [data] if "passages" in data else []
    if isinstance(data, list):
        found: list[dict[str, Any]] = []
        for item in data:
            found.extend(_json_documents(item) if isinstance(item, dict) and "documents" in item
                         else [item] if isinstance(item, dict) else [])
        return found
    return []


def read_bioc_json(text: str, source: str, sections: str) -> Iterator[Document | DocumentError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"malformed JSON: {err}") from None
    documents = _json_documents(data)
    if not documents:
        raise ValueError("JSON without BioC documents")
    for number, item in enumerate(documents, start=1):
        doc_id = str(item.get("id") or item.get("_id") or item.get("pmid") or "")
        try:
            passages = [{**p, "infons": p.get("infons") or {}} for p in item.get("passages", [])]
            yield _document(doc_id, source, passages, item.get("infons") or {}, sections)
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            yield DocumentError(source, "read", f"document {number}: {err}", doc_id)
