"""Annotations carried by an input (PubTator, BioC) turned into entities beside ours."""

from __future__ import annotations

import re

from pipeline.schema import Document, Entity

_MESH = re.compile(r"^[CD]\d{6,9}$")


def curie(identifier: str) -> list[str]:
    """Identifiers as CURIEs: bare MeSH ids get ``MESH:``; '|'/','/';'-separated lists split."""
    ids = []
    for part in re.split(r"[|;,]", identifier or ""):
        part = part.strip()
        if not part or part == "-":
            continue
        ids.append(f"MESH:{part}" if _MESH.match(part) else part)
    return ids


def add_input_entity(document: Document, global_start: int, length: int, text: str, label: str,
                     identifier: str, passage_offsets: dict[str, int]) -> bool:
    """Place an annotation given in document coordinates into the section holding it.

    Returns False (and adds nothing) when the annotation does not match the section text.
    """
    for section in document.sections:
        base = passage_offsets.get(section.section_id)
        if base is None:
            continue
        start = global_start - base
        end = start + length
        if start >= 0 and end <= len(section.text):
            if text and section.text[start:end] != text:
                return False
            document.entities.append(Entity(
                document.doc_id, section.section_id, section.section, start, end,
                section.text[start:end], label, text.lower() if text else "", curie(identifier),
                "input"))
            return True
    return False
