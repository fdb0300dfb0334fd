"""Which reader a file needs, decided from its content first and its name second."""

from __future__ import annotations

import re

# Phrases that only occur in a PubMed/PMC web page saved as text.
_PAGE_MARKERS = (
    "PubMed Disclaimer",
    "Skip to main page content",
    "Skip to main content",
    "An official website of the United States government",
    "MeSH terms",
    "Publication types",
    "See comment in PubMed Commons",
    "Author information",
    "Similar articles",
    "Cited by",
)
# JSON, not prose in brackets ("[Translated title]. Abstract...")
_JSON_START = re.compile(r'^(?:\{\s*"|\[\s*[\{\["\]])')
_MEDLINE = re.compile(r"^PMID- \d+", re.MULTILINE)
_PUBTATOR = re.compile(r"^\d+\|[ta]\|", re.MULTILINE)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z_][\w:.-]*)")
_PROLOG_NOISE = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S | re.I)
XML_ROOTS = {
    "pubmedarticleset": "pubmed-xml", "pubmedarticle": "pubmed-xml", "article": "jats",
    "pmc-articleset": "jats", "collection": "bioc", "html": "html",
}


def detect_format(text: str, name: str = "") -> str:
    """Name the format of ``text``: pubmed-page, text, or an XML/tagged format.

    Content wins over the file name: a ``.txt`` that holds a PubMed page is a page, and a
    ``.xml`` that holds plain prose is text.
    """
    head = text[:20000]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        root = first_element(stripped)
        if root in XML_ROOTS:
            return XML_ROOTS[root]
        if re.search(r"<(?:body|div|p|head)\b", head, re.I) and "<!doctype html" in head.lower():
            return "html"
        return "html" if root in {"head", "body", "div", "p"} else "xml"
    if _JSON_START.match(stripped):
        return "json"
    if _MEDLINE.search(head):
        return "medline"
    if _PUBTATOR.search(head):
        return "pubtator"
    if sum(marker in head for marker in _PAGE_MARKERS) >= 1 or _has_page_shape(head):
        return "pubmed-page"
    return "text"


def first_element(text: str) -> str:
    """Lower-cased name of the first element after the XML declaration, comments, DOCTYPE."""
    position = 0
    while True:
        match = _PROLOG_NOISE.match(text, position)
        if not match or match.end() == position:
            break
        position = match.end()
    match = _FIRST_ELEMENT.match(text, position)
    return match.group(1).split(":")[-1].lower() if match else ""


_CITATION = re.compile(r"^\s*(?:[A-Z][\w .&-]*)?\.?\s*(?:19|20)\d\d(?: [A-Z][a-z]{2})?[^\n]{0,40};")


def _has_page_shape(head: str) -> bool:
    """A journal citation line and a DOI line near the top, then an 'Abstract' heading."""
    lines = head.splitlines()[:40]
    has_citation = any(_CITATION.match(line) for line in lines)
    has_abstract = any(line.strip() == "Abstract" for line in head.splitlines())
    return has_citation and has_abstract
