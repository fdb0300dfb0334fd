"""A PubMed or PMC article page saved from a browser as text.

Such a file mixes the article (title, abstract, figure legends, sometimes body text) with
navigation text, citation lines, author lists, references and MeSH lists. This reader keeps
the article and drops the rest, so that navigation, references and MeSH terms never reach
NER. Every section is a contiguous slice of the file, and ``offset`` says where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.schema import Document, Section

ABSTRACT_HEADINGS = {"abstract", "summary", "structured abstract"}
FIGURE_HEADINGS = {"figures", "figures and tables", "figure legends"}
BODY_HEADINGS = {
    "introduction", "background", "methods", "materials and methods", "results",
    "discussion", "conclusion", "conclusions", "results and discussion", "main text",
}
# Headings after which nothing is article text until the next known heading.
SKIP_HEADINGS = {
    "pubmed disclaimer", "references", "mesh terms", "publication types", "substances",
    "similar articles", "cited by", "linkout - more resources", "linkout", "grants and funding",
    "related information", "full text links", "comment in", "comment on", "erratum in",
    "author information", "affiliations", "conflict of interest statement", "supplementary material",
    "associated data", "footnotes", "acknowledgments", "acknowledgements", "funding", "copyright",
    "actions", "share", "permalink", "cite", "grant support", "secondary source id",
    "supplementary data", "keywords", "abbreviations", "disclosures", "authorship",
    "article information", "data availability", "ethics statement", "author contributions",
}
# Skip zones that a prose paragraph ends (an old PubMed page puts the abstract after them).
SOFT_SKIP_HEADINGS = {"author information", "affiliations"}
ARTICLE_TYPES = {
    "review", "comment", "editorial", "letter", "clinical trial", "case reports",
    "research support, non-u.s. gov't", "meta-analysis", "randomized controlled trial",
    "observational study", "systematic review", "practice guideline", "news", "erratum",
    "journal article", "comparative study", "multicenter study", "research article",
    "original article", "free article", "free pmc article",
}
_FIGURE_LABEL = re.compile(r"^(?:Figure|Fig\.?)\s*(\d+[A-Za-z]?|[A-Z])\s*[.:]?\s*$")
_CITATION = re.compile(
    r"^\s*(?P<journal>[A-Z][^.;\n]{0,80}?)?\.?\s*(?P<year>(?:19|20)\d\d)(?: [A-Z][a-z]{2})?[^\n]{0,40};"
)
_ET_AL = re.compile(
    r"^(?P<author>[^.\n]{3,80}?)\s+et al\.\s+(?P<journal>[^.\n]{2,80})\.(?:\s+(?P<year>(?:19|20)\d\d))?"
)
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s]+?)\.?(?=\s|$)", re.I)
_PMID = re.compile(r"\bPMID:\s*(\d+)")
_PMCID = re.compile(r"\bPMCID:\s*(PMC\d+)")
_PUBLISHED_IN = re.compile(r"^.*?(?:Published in final edited form as|Author manuscript):?\s*", re.I)
_NAVIGATION = re.compile(
    r"\b(?:logo|website|\.gov|https?://|Homepage|Skip to|Main Content|Navigation|Send to|"
    r"Choose Destination|PubMed Commons|Access keys|Full text links)\b",
    re.I,
)
_KEYWORDS = re.compile(r"^\s*(?:Keywords|Key words)\s*:", re.I)
_BULLET = re.compile(r"^\s*(?:[•·▪◦*-]|\d+\.\s)")
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass
class _Line:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return self.text.strip().rstrip(":").lower()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


def _is_prose(line: _Line, min_words: int = 8) -> bool:
    """A line of running text, as opposed to navigation, lists and headings."""
    text = line.text.strip()
    if not text or _BULLET.match(line.text) or line.text.startswith("    "):
        return False
    words = _WORD.findall(text)
    return len(words) >= min_words and any(w[0].islower() for w in words)


def _trimmed_section(text: str, lines: list[_Line], **fields) -> Section | None:
    """A section spanning ``lines`` exactly, trimmed of surrounding white space."""
    lines = [line for line in lines if not line.blank]
    if not lines:
        return None
    start, end = lines[0].start, lines[-1].end
    while start < end and text[start].isspace():
        start += 1
    return Section(text=text[start:end], offset=start, **fields)


def read_pubmed_page(text: str, doc_id: str, source: str, sections: str = "default") -> Document:
    """Parse a saved PubMed/PMC page into title, abstract, figure legends (and body)."""
    lines = _lines(text)
    doc = Document(doc_id=doc_id, source=source, format="pubmed-page")
    _read_metadata(lines, doc)
    title_index = _find_title(lines)
    zones = _zone_lines(lines, title_index)
    out: list[Section] = []
    if title_index is not None:
        title = _trimmed_section(text, [lines[title_index]], section_id="title", section="title")
        if title:
            doc.title = title.text
            out.append(title)
    abstract = _trimmed_section(text, zones["abstract"], section_id="abstract", section="abstract")
    if abstract:
        out.append(abstract)
    for number, (label, legend_lines) in enumerate(zones["figures"], start=1):
        legend = _trimmed_section(
            text, legend_lines, section_id=f"figure-{number}", section="figure", label=label
        )
        if legend:
            out.append(legend)
    if sections == "all":
        for number, paragraph in enumerate(zones["body"], start=1):
            body = _trimmed_section(text, paragraph, section_id=f"body-{number}", section="body")
            if body:
                out.append(body)
    doc.sections = out
    return doc


def _read_metadata(lines: list[_Line], doc: Document) -> None:
    for line in lines[:80]:
        text = line.text.strip()
        if not doc.doi and (match := _DOI.search(text)):
            doc.doi = match.group(1)
        if not doc.pmid and (match := _PMID.search(text)):
            doc.pmid = match.group(1)
        if "pmcid" not in doc.metadata and (match := _PMCID.search(text)):
            doc.metadata["pmcid"] = match.group(1)
        if match := _ET_AL.match(text):
            doc.authors = doc.authors or [match.group("author").strip()]
            doc.journal = doc.journal or match.group("journal").strip()
            doc.year = doc.year or match.group("year") or ""
        elif match := _CITATION.match(text):
            doc.year = doc.year or match.group("year")
            journal = _PUBLISHED_IN.sub("", match.group("journal") or "").strip()
            if journal and not doc.journal:
                doc.journal = journal


def _is_title_candidate(line: _Line) -> bool:
    text = line.text.strip()
    words = _WORD.findall(text)
    return (
        3 <= len(words) <= 60
        and line.key not in ARTICLE_TYPES
        and line.key not in SKIP_HEADINGS | ABSTRACT_HEADINGS | FIGURE_HEADINGS
        and not _CITATION.match(text)
        and not _DOI.search(text)
        and not _ET_AL.match(text)
        and not _BULLET.match(line.text)
        and not _NAVIGATION.search(text)
        and not _KEYWORDS.match(text)
        and not text.endswith(":")
    )


def _find_title(lines: list[_Line]) -> int | None:
    """The article title: the first title-like line after the citation line, else before it."""
    header_end = next(
        (i for i, line in enumerate(lines) if line.key in ABSTRACT_HEADINGS), min(len(lines), 60)
    )
    citation = next(
        (i for i, line in enumerate(lines[:header_end]) if _CITATION.match(line.text)), None
    )
    if citation is not None:
        for i in range(citation + 1, header_end):
            if _is_title_candidate(lines[i]) and len(_WORD.findall(lines[i].text)) <= 45:
                return i
            if _is_prose(lines[i]):
                break
    for i in range(header_end):
        if _is_title_candidate(lines[i]) and len(_WORD.findall(lines[i].text)) <= 45:
            return i
    return None


def _zone_lines(lines: list[_Line], title_index: int | None) -> dict:
    """Assign each line to abstract, a figure, the body, or nothing (navigation, lists)."""
    has_abstract_heading = any(line.key in ABSTRACT_HEADINGS for line in lines)
    abstract: list[_Line] = []
    figures: list[tuple[str, list[_Line]]] = []
    body: list[list[_Line]] = []
    zone = "header"
    first_prose_seen = False
    start = (title_index + 1) if title_index is not None else 0
    for line in lines[start:]:
        key = line.key
        if key in ABSTRACT_HEADINGS:
            zone = "abstract"
            continue
        if key in FIGURE_HEADINGS:
            zone = "figures"
            continue
        if key in BODY_HEADINGS and zone != "abstract":
            zone = "body"
            body.append([])
            continue
        if key in SKIP_HEADINGS:
            zone = "soft-skip" if key in SOFT_SKIP_HEADINGS else "skip"
            continue
        if _KEYWORDS.match(line.text):
            if zone == "abstract":
                zone = "after-abstract"
            continue
        if line.blank:
            if zone == "body" and body and body[-1]:
                body.append([])
            continue
        if zone == "figures" and (match := _FIGURE_LABEL.match(line.text.strip())):
            label = f"Figure {match.group(1)}"
            if not figures or figures[-1][0] != label or figures[-1][1]:
                figures.append((label, []))
            continue
        if zone == "figures":
            if figures:
                figures[-1][1].append(line)
            continue
        if zone == "skip":
            continue
        prose = _is_prose(line)
        if zone in ("header", "soft-skip") and prose and not has_abstract_heading:
            zone = "abstract"
        if zone == "abstract" and not has_abstract_heading and not prose:
            zone = "after-abstract"
        elif zone == "abstract":
            abstract.append(line)
            first_prose_seen = True
        elif prose and (zone in ("after-abstract", "body")
                        or (zone == "soft-skip" and first_prose_seen)):
            if zone != "body" or not body:
                zone = "body"
                body.append([])
            body[-1].append(line)
    # An abstract without a heading is its first prose paragraph; prose after it is body.
    if not has_abstract_heading and abstract:
        first_gap = next((i for i in range(1, len(abstract))
                          if abstract[i].start - abstract[i - 1].end > 1), None)
        if first_gap is not None:
            body.insert(0, abstract[first_gap:])
            abstract = abstract[:first_gap]
    return {"abstract": abstract, "figures": figures, "body": [b for b in body if b]}
