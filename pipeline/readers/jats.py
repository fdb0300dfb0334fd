"""PMC JATS XML (``.nxml``; ``<article>``): title, abstracts, figure captions, body.

Each ``<fig>`` becomes one figure section labelled by its ``<label>`` ("Figure 1"); body
paragraphs (behind ``--sections all``) carry the title of the section they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from pipeline.readers.safe_xml import children, find, find_all, local_name, parse_bytes, text_of
from pipeline.readers.sections import add_section
from pipeline.schema import Document

# Inline elements whose text is not prose: tables, formulas, figures inside paragraphs.
NOT_PROSE = frozenset({"table-wrap", "table", "fig", "disp-formula", "inline-formula",
                       "tex-math", "supplementary-material", "graphic", "media", "alternatives"})
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


def read_jats(data: bytes, doc_id: str, source: str, sections: str) -> Iterator[Document]:
    root = parse_bytes(data)
    articles = [root] if local_name(root.tag) == "article" else list(find_all(root, "article"))
    if not articles:
        raise ValueError("JATS file without an <article>")
    for number, article in enumerate(articles, start=1):
        name = doc_id if len(articles) == 1 else f"{doc_id}-{number}"
        yield article_document(article, name, source, sections)


def article_document(article: Element, doc_id: str, source: str, sections: str) -> Document:
    doc = Document(doc_id=doc_id, source=source, format="jats")
    meta = find(article, "front/article-meta")
    journal_meta = find(article, "front/journal-meta")
    if meta is not None:
        _read_metadata(doc, meta, journal_meta)
        title = text_of(find(meta, "title-group/article-title"))
        if title:
            add_section(doc, "title", title)
        for abstract in children(meta, "abstract"):
            text = abstract_text(abstract)
            if text:
                add_section(doc, "abstract", text, label=abstract.get("abstract-type", ""))
    for fig in find_all(article, "fig"):
        caption = text_of(find(fig, "caption"))
        if caption:
            label = text_of(find(fig, "label")) or fig.get("id", "")
            add_section(doc, "figure", caption, label=label)
    body = find(article, "body")
    if sections == "all" and body is not None:
        for heading, paragraph in body_paragraphs(body):
            add_section(doc, "body", paragraph, label=heading)
    return doc


def _read_metadata(doc: Document, meta: Element, journal_meta: Element | None) -> None:
    for article_id in children(meta, "article-id"):
        kind, value = article_id.get("pub-id-type", ""), text_of(article_id)
        if kind == "pmid":
            doc.pmid = value
        elif kind == "doi":
            doc.doi = value
        elif kind in {"pmc", "pmcid"} and value:
            doc.metadata["pmcid"] = value if value.startswith("PMC") else f"PMC{value}"
    if journal_meta is not None:
        doc.journal = (text_of(find(journal_meta, "journal-title"))
                       or text_of(find(journal_meta, "journal-title-group/journal-title"))
                       or text_of(find(journal_meta, "journal-id")))
    for date in children(meta, "pub-date"):
        match = _YEAR.search(text_of(find(date, "year")))
        if match:
            doc.year = match.group(1)
            break
    for contrib in find_all(meta, "contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        surname, given = text_of(find(contrib, "name/surname")), text_of(find(contrib, "name/given-names"))
        name = f"{surname}, {given}" if surname and given else surname or text_of(find(contrib, "collab"))
        if name:
            doc.authors.append(name)
    doc.metadata["keywords"] = [text_of(k) for k in find_all(meta, "kwd")]


def abstract_text(abstract: Element) -> str:
    """Paragraphs of an abstract; a structured one keeps its labels ("Background: …")."""
    sections = list(children(abstract, "sec"))
    if not sections:
        return "\n".join(t for t in (text_of(p) for p in find_all(abstract, "p")) if t) \
            or text_of(abstract, skip=frozenset({"title"}))
    paragraphs = []
    for sec in sections:
        heading = text_of(find(sec, "title"))
        text = " ".join(text_of(p) for p in find_all(sec, "p"))
        if text:
            paragraphs.append(f"{heading}: {text}" if heading else text)
    return "\n".join(paragraphs)


def body_paragraphs(body: Element) -> Iterator[tuple[str, str]]:
    """(section title, paragraph text) for each body paragraph, figures and tables left out."""
    stack: list[tuple[Element, str]] = [(body, "")]
    while stack:
        element, heading = stack.pop()
        items = []
        for child in element:
            name = local_name(child.tag)
            if name == "sec":
                items.append(("sec", child))
            elif name == "p":
                items.append(("p", child))
        for kind, child in reversed(items):
            if kind == "sec":
                stack.append((child, text_of(find(child, "title")) or heading))
            else:
                stack.append((child, heading))
        if local_name(element.tag) == "p":
            text = text_of(element, skip=NOT_PROSE)
            if text:
                yield heading, text
