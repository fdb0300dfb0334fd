"""Plain text: the whole file is one ``abstract`` section, unchanged, so offsets index it."""

from __future__ import annotations

from pipeline.schema import Document, Section


def read_plain_text(text: str, doc_id: str, source: str) -> Document:
    section = Section(section_id="abstract", section="abstract", text=text, offset=0)
    return Document(doc_id=doc_id, source=source, format="text", sections=[section])
