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
_MEDLINE = re.compile(r"^PMID- \d+", re.MULTILINE)
_PUBTATOR = re.compile(r"^\d+\|[ta]\|", re.MULTILINE)
_XML_ROOT = re.compile(r"<(PubmedArticleSet|PubmedArticle|article|collection|html)\b", re.I)


def detect_format(text: str, name: str = "") -> str:
    """Name the format of ``text``: pubmed-page, text, or an XML/tagged format.

    Content wins over the file name: a ``.txt`` that holds a PubMed page is a page, and a
    ``.xml`` that holds plain prose is text.
    """
    head = text[:20000]
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        match = _XML_ROOT.search(head)
        if match:
            return {
                "pubmedarticleset": "pubmed-xml",
                "pubmedarticle": "pubmed-xml",
                "article": "jats",
                "collection": "bioc",
                "html": "html",
            }[match.group(1).lower()]
        return "xml"
    if stripped.startswith("{") or stripped.startswith("["):
        return "json"
    if _MEDLINE.search(head):
        return "medline"
    if _PUBTATOR.search(head):
        return "pubtator"
    if sum(marker in head for marker in _PAGE_MARKERS) >= 1 or _has_page_shape(head):
        return "pubmed-page"
    return "text"


_CITATION = re.compile(r"^\s*(?:[A-Z][\w .&-]*)?\.?\s*(?:19|20)\d\d(?: [A-Z][a-z]{2})?[^\n]{0,40};")


def _has_page_shape(head: str) -> bool:
    """A journal citation line and a DOI line near the top, then an 'Abstract' heading."""
    lines = head.splitlines()[:40]
    has_citation = any(_CITATION.match(line) for line in lines)
    has_abstract = any(line.strip() == "Abstract" for line in head.splitlines())
    return has_citation and has_abstract
