"""PubTator tab format: ``PMID|t|title``, ``PMID|a|abstract``, then one annotation per line
(``PMID<TAB>start<TAB>end<TAB>text<TAB>type<TAB>identifier``); documents are separated by
blank lines. Offsets count over title + one character + abstract."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.readers.annotations import add_input_entity
from pipeline.schema import Document, DocumentError, Section

_TEXT_LINE = re.compile(r"^(\d+)\|([ta])\|(.*)$")


def read_pubtator(text: str, source: str) -> Iterator[Document | DocumentError]:
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip("\r") for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        try:
            yield block_document(lines, source)
        except ValueError as err:
            match = re.match(r"^(\d+)", lines[0])
            yield DocumentError(source, "read", str(err), match.group(1) if match else "")


def block_document(lines: list[str], source: str) -> Document:
    texts: dict[str, str] = {}
    pmid = ""
    annotations = []
    for line in lines:
        match = _TEXT_LINE.match(line)
        if match:
            pmid = pmid or match.group(1)
            texts[match.group(2)] = match.group(3)
            continue
        fields = line.split("\t")
        if len(fields) >= 5 and fields[1].isdigit() and fields[2].isdigit():
            annotations.append(fields)
        elif len(fields) >= 4 and fields[1] in {"CID", "Relation"}:
            continue
        else:
            raise ValueError(f"not a PubTator line: {line[:60]!r}")
    if not pmid:
        raise ValueError("PubTator block without a |t| or |a| line")
    doc = Document(doc_id=pmid, source=source, format="pubtator", pmid=pmid)
    title, abstract = texts.get("t", ""), texts.get("a", "")
    offsets = {}
    if title:
        doc.title = title
        doc.sections.append(Section("title", "title", title))
        offsets["title"] = 0
    if abstract:
        doc.sections.append(Section("abstract", "abstract", abstract))
        offsets["abstract"] = len(title) + 1
    skipped = 0
    for fields in annotations:
        start, end = int(fields[1]), int(fields[2])
        identifier = fields[5] if len(fields) > 5 else ""
        if not add_input_entity(doc, start, end - start, fields[3], fields[4], identifier, offsets):
            skipped += 1
    if skipped:
        doc.warnings.append(f"{skipped} annotations do not match the text and were skipped")
    return doc
