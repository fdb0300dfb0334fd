"""PubMed XML (``PubmedArticleSet``): E-utilities results and the annual baseline files.

A baseline file holds ~30,000 articles. The file is streamed in chunks and cut into one
``<PubmedArticle>`` element at a time, and each record is parsed on its own: memory stays
flat, and a record that is broken (malformed, truncated, refused) costs only itself — the
records around it are still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element

from pipeline.readers.safe_xml import UnsafeXML, children, find, parse_fragment, text_of
from pipeline.schema import Document, DocumentError, Section

CHUNK_BYTES = 1 << 20
MAX_RECORD_BYTES = 32 << 20
_RECORD_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle)(?=[\s>])")
_ENCODING = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


class RecordError(ValueError):
    def __init__(self, message: str, doc_id: str = "") -> None:
        super().__init__(message)
        self.doc_id = doc_id


def iter_records(stream: BinaryIO) -> Iterator[bytes | RecordError]:
    """Cut a PubmedArticleSet into record byte strings, without parsing the whole file.

    Yields a :class:`RecordError` for a record that is cut off or absurdly large. Raises
    :class:`UnsafeXML` when the prolog declares entities (before any record is read).
    """
    reader = _ChunkReader(stream)
    match = reader.search(_RECORD_START)
    declaration = _check_prolog(reader.buffer[: match.start() if match else len(reader.buffer)])
    while match is not None:
        name = match.group(1)
        reader.drop(match.start())
        end_tag = b"</" + name + b">"
        end = reader.find(end_tag, MAX_RECORD_BYTES)
        if end < 0:
            hint = _pmid_hint(reader.buffer[:4096])
            reason = ("record cut off at the end of the file (truncated file)" if reader.eof
                      else f"record larger than {MAX_RECORD_BYTES >> 20} MB")
            yield RecordError(reason, hint)
            return
        end += len(end_tag)
        yield declaration + reader.buffer[:end]
        reader.drop(end)
        match = reader.search(_RECORD_START)


class _ChunkReader:
    """A growing byte buffer over a stream, read a chunk at a time on demand."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.buffer = b""
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(CHUNK_BYTES)
        self.eof = not chunk
        self.buffer += chunk
        return bool(chunk)

    def drop(self, upto: int) -> None:
        self.buffer = self.buffer[upto:]

    def search(self, pattern: re.Pattern) -> re.Match | None:
        scanned = 0
        while True:
            match = pattern.search(self.buffer, max(0, scanned - 64))
            if match is not None:
                return match
            scanned = len(self.buffer)
            if scanned > MAX_RECORD_BYTES:  # long stretch without a record: keep the tail only
                self.drop(scanned - 64)
                scanned = 64
            if not self._more():
                return None

    def find(self, needle: bytes, limit: int) -> int:
        scanned = 0
        while True:
            end = self.buffer.find(needle, max(0, scanned - len(needle)))
            if end >= 0:
                return end
            scanned = len(self.buffer)
            if scanned > limit or not self._more():
                return -1


def _check_prolog(prolog: bytes) -> bytes:
    """Refuse entity declarations; return an XML declaration carrying the file's encoding."""
    if b"<!ENTITY" in prolog:
        raise UnsafeXML("XML declares entities, refused for safety")
    match = _ENCODING.search(prolog)
    if match and match.group(1).lower() not in (b"utf-8", b"utf8"):
        return b'<?xml version="1.0" encoding="' + match.group(1) + b'"?>'
    return b""


def _pmid_hint(data: bytes) -> str:
    match = re.search(rb"<PMID[^>]*>(\d+)</PMID>", data)
    return match.group(1).decode() if match else ""


def read_pubmed_xml(stream: BinaryIO, source: str,
                    sections: str = "default") -> Iterator[Document | DocumentError]:
    """Documents (one per article) and record-level errors from a PubmedArticleSet."""
    for number, record in enumerate(iter_records(stream), start=1):
        if isinstance(record, RecordError):
            yield DocumentError(source, "read", f"record {number}: {record}", record.doc_id)
            continue
        try:
            yield article_document(parse_fragment(record), source)
        except RecordError as err:
            yield DocumentError(source, "read", f"record {number}: {err}", err.doc_id)
        except (ValueError, RecursionError) as err:
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            yield DocumentError(source, "read", f"record {number}: {reason}", _pmid_hint(record))


def article_document(article: Element, source: str) -> Document:
    """One ``<PubmedArticle>`` as a Document: title, abstract (labels kept), metadata."""
    citation = find(article, "MedlineCitation")
    if citation is None:
        raise RecordError("not a PubmedArticle with a MedlineCitation (book records are not read)")
    pmid = text_of(find(citation, "PMID"))
    if not pmid:
        raise RecordError("record without a PMID")
    art = find(citation, "Article")
    if art is None:
        raise RecordError("record without an Article element", pmid)
    doc = Document(doc_id=pmid, source=source, format="pubmed-xml", pmid=pmid)
    title = text_of(find(art, "ArticleTitle")) or text_of(find(art, "VernacularTitle"))
    doc.title = title
    if title:
        doc.sections.append(Section("title", "title", title))
    abstract = abstract_text(find(art, "Abstract"))
    if abstract:
        doc.sections.append(Section("abstract", "abstract", abstract))
    other = [abstract_text(a) for a in children(citation, "OtherAbstract")]
    for k, text in enumerate((t for t in other if t), start=2):
        doc.sections.append(Section(f"abstract-{k}", "abstract", text, label="Other abstract"))
    journal = find(art, "Journal")
    doc.journal = text_of(find(journal, "Title")) or text_of(find(journal, "ISOAbbreviation"))
    doc.year = publication_year(find(journal, "JournalIssue/PubDate"))
    author_list = find(art, "AuthorList")
    authors = children(author_list, "Author") if author_list is not None else ()
    doc.authors = [name for name in map(author_name, authors) if name]
    id_list = find(article, "PubmedData/ArticleIdList")
    for article_id in children(id_list, "ArticleId") if id_list is not None else ():
        kind = article_id.get("IdType", "")
        value = text_of(article_id)
        if kind == "doi" and not doc.doi:
            doc.doi = value
        elif kind == "pmc" and value:
            doc.metadata.setdefault("pmcid", value)
    if not doc.doi:
        for location in children(art, "ELocationID"):
            if location.get("EIdType") == "doi":
                doc.doi = text_of(location)
    mesh = find(citation, "MeshHeadingList")
    doc.metadata["mesh_terms"] = [text_of(find(h, "DescriptorName"))
                                  for h in (children(mesh, "MeshHeading") if mesh is not None else ())]
    types = find(art, "PublicationTypeList")
    doc.metadata["publication_types"] = [
        text_of(p) for p in (children(types, "PublicationType") if types is not None else ())]
    return doc


def abstract_text(abstract: Element | None) -> str:
    """The abstract, one paragraph per AbstractText, structured labels kept ("METHODS: …")."""
    if abstract is None:
        return ""
    paragraphs = []
    for part in children(abstract, "AbstractText"):
        text = text_of(part)
        label = part.get("Label") or ""
        if text:
            paragraphs.append(f"{label}: {text}" if label else text)
    return "\n".join(paragraphs)


def publication_year(pub_date: Element | None) -> str:
    if pub_date is None:
        return ""
    match = _YEAR.search(text_of(find(pub_date, "Year")) or text_of(find(pub_date, "MedlineDate")))
    return match.group(1) if match else ""


def author_name(author: Element) -> str:
    collective = text_of(find(author, "CollectiveName"))
    if collective:
        return collective
    last, fore = text_of(find(author, "LastName")), text_of(find(author, "ForeName"))
    return f"{last}, {fore}" if last and fore else last
