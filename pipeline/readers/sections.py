"""Naming sections: kinds from the labels formats use, and ids unique within a document."""

from __future__ import annotations

from pipeline.schema import Document, Section

_FIGURE_WORDS = ("fig", "figure")
_SKIP_WORDS = ("ref", "table", "footnote", "ack", "comp_int", "auth_cont", "supplementary")


def passage_kind(*labels: str) -> str | None:
    """title / abstract / figure / body for a passage type such as 'fig_caption' or
    'ABSTRACT'; None for passages that never carry claims (references, tables)."""
    text = " ".join(label.lower() for label in labels if label)
    if any(word in text for word in _SKIP_WORDS):
        return None
    if "abstract" in text:
        return "abstract"
    if any(word in text for word in _FIGURE_WORDS):
        return "figure"
    if text.strip() in {"title", "front", "title front", "front title"} or text.startswith("title"):
        return "title"
    return "body"


def add_section(document: Document, kind: str, text: str, label: str = "",
                offset: int | None = None) -> Section:
    """Append a section with an id unique in the document: 'abstract', 'abstract-2', 'figure-1'."""
    same = sum(1 for s in document.sections if s.section == kind)
    if kind in {"figure", "body"}:
        section_id = f"{kind}-{same + 1}"
    else:
        section_id = kind if same == 0 else f"{kind}-{same + 1}"
    section = Section(section_id, kind, text, label=label, offset=offset)
    document.sections.append(section)
    if kind == "title" and not document.title:
        document.title = text
    return section
