"""A saved article web page (HTML): tags stripped with a real HTML parser, then read as
page text. Scripts, styles and page furniture (navigation, headers, footers, forms) are
dropped; block elements become line breaks so headings stay on their own lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.readers.pubmed_page import read_pubmed_page
from pipeline.schema import Document

SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form",
           "button", "select", "iframe", "head", "object", "canvas"}
BLOCKS = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
          "ol", "br", "tr", "table", "figure", "figcaption", "blockquote", "dt", "dd", "title",
          "main", "aside", "caption", "hr", "pre", "abstract"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}
MAX_DEPTH = 512


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in VOID:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ValueError(f"HTML nested deeper than {MAX_DEPTH} levels")
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)
        if tag in BLOCKS:
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "figcaption"} else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        if tag in BLOCKS:
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "figcaption"} else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def read_html(html: str, doc_id: str, source: str, sections: str) -> Document:
    text = html_to_text(html)
    doc = read_pubmed_page(text, doc_id, source, sections=sections)
    if not doc.sections:
        from pipeline.readers.plaintext import read_plain_text

        doc = read_plain_text(text, doc_id, source)
    doc.format = "html"
    for section in doc.sections:
        section.offset = None  # offsets would index the stripped text, not the file
    return doc
