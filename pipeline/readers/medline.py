"""MEDLINE / "PubMed format" text (``.nbib``, ``.txt``): tagged records, many per file.

Each field starts with a tag padded to four characters and ``- `` (``PMID- ``, ``TI  - ``);
continuation lines are indented by six spaces. Records are separated by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.schema import Document, DocumentError, Section

_FIELD = re.compile(r"^([A-Z][A-Z0-9]{1,3})\s*- ?(.*)$")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


def parse_records(text: str) -> Iterator[list[tuple[str, str]]]:
    """Each record as a list of (tag, value), continuation lines joined with spaces."""
    record: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line:
            continue
        match = _FIELD.match(line)
        if match and not raw.startswith(" "):
            tag, value = match.group(1), match.group(2).strip()
            if tag == "PMID" and record:
                yield record
                record = []
            record.append((tag, value))
        elif record and raw.startswith(" "):
            tag, value = record[-1]
            record[-1] = (tag, f"{value} {line.strip()}".strip())
    if record:
        yield record


def record_document(fields: list[tuple[str, str]], source: str) -> Document:
    values: dict[str, list[str]] = {}
    for tag, value in fields:
        values.setdefault(tag, []).append(value)

    def first(tag: str) -> str:
        return values.get(tag, [""])[0]

    pmid = first("PMID")
    if not pmid.isdigit():
        raise ValueError(f"record without a valid PMID ({pmid[:20]!r})")
    doc = Document(doc_id=pmid, source=source, format="medline", pmid=pmid)
    doc.title = first("TI") or first("BTI")
    if doc.title:
        doc.sections.append(Section("title", "title", doc.title))
    if first("AB"):
        doc.sections.append(Section("abstract", "abstract", first("AB")))
    doc.journal = first("JT") or first("TA")
    match = _YEAR.search(first("DP"))
    doc.year = match.group(1) if match else ""
    doc.authors = values.get("FAU") or values.get("AU") or []
    for ident in values.get("LID", []) + values.get("AID", []):
        if ident.endswith("[doi]") and not doc.doi:
            doc.doi = ident[: -len("[doi]")].strip()
    if first("PMC"):
        doc.metadata["pmcid"] = first("PMC")
    doc.metadata["mesh_terms"] = [term.split("/")[0].strip().lstrip("*")
                                  for term in values.get("MH", [])]
    doc.metadata["publication_types"] = values.get("PT", [])
    return doc


def read_medline(text: str, source: str) -> Iterator[Document | DocumentError]:
    for number, fields in enumerate(parse_records(text), start=1):
        try:
            yield record_document(fields, source)
        except ValueError as err:
            pmid = dict(fields).get("PMID", "")
            yield DocumentError(source, "read", f"record {number}: {err}", pmid if pmid.isdigit() else "")
