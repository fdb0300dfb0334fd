"""Readers: files in, :class:`~pipeline.schema.Document` objects out.

A reader knows formats, not NER. :func:`read_file` picks the reader from the file's content
and yields Documents, or :class:`~pipeline.schema.DocumentError` values for inputs that
cannot be read, so one bad file never stops a batch.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pipeline.readers.bioc import read_bioc_json, read_bioc_xml
from pipeline.readers.decode import UnreadableInput, decode_bytes
from pipeline.readers.detect import detect_format
from pipeline.readers.html import read_html
from pipeline.readers.jats import read_jats
from pipeline.readers.medline import read_medline
from pipeline.readers.plaintext import read_plain_text
from pipeline.readers.pubmed_page import read_pubmed_page
from pipeline.readers.pubmed_xml import read_pubmed_xml
from pipeline.readers.pubtator import read_pubtator
from pipeline.schema import Document, DocumentError

SECTION_CHOICES = ("default", "all")
# Files a folder walk never treats as input documents.
_SKIPPED_SUFFIXES = {".pyc", ".ann", ".a1", ".a2", ".md5"}
_MAX_BYTES = 200 * 1024 * 1024
_HEAD_BYTES = 64 * 1024
FORMATS = ("pubmed-page", "text", "pubmed-xml", "medline", "jats", "bioc", "pubtator", "html")

__all__ = ["SECTION_CHOICES", "InputNotFound", "detect_format", "expand_inputs", "read_file"]


class InputNotFound(FileNotFoundError):
    """A path or glob given by the user matches nothing."""


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """Files named by ``inputs`` (files, folders walked recursively, globs), sorted, unique.

    Raises :class:`InputNotFound` naming the first input that matches nothing.
    """
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists():
            files.append(path)
        elif glob.has_magic(item):
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            if not matches:
                raise InputNotFound(f"no file matches {item!r}")
            for match in matches:
                files.extend(_walk(match) if match.is_dir() else [match])
        else:
            raise InputNotFound(f"no such file or folder: {item}")
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() not in _SKIPPED_SUFFIXES:
                found.append(path)
    return found


def doc_id_for(path: Path) -> str:
    """The file name without its (last, or .xml.gz-style double) extension."""
    name = path.name
    for double in (".xml.gz", ".json.gz", ".txt.gz", ".nxml.gz"):
        if name.lower().endswith(double):
            return name[: -len(double)]
    return path.stem or name


class _PrefixedStream(io.RawIOBase):
    """A stream that first returns ``head`` (already read to sniff the format), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.head:
            if size < 0:
                data, self.head = self.head + self.rest.read(), b""
                return data
            data, self.head = self.head[:size], self.head[size:]
            return data
        return self.rest.read(size)


def _open(path: Path) -> BinaryIO:
    """The file's bytes, decompressed on the fly when it is gzip (by its magic number)."""
    handle = open(path, "rb")  # noqa: SIM115 - closed by the caller
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


def _head_text(head: bytes) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def read_file(path: Path, sections: str = "default") -> Iterator[Document | DocumentError]:
    """Read one input file into Documents (one per document it holds) or errors.

    File-level problems (unreadable, empty, binary, corrupt gzip, unsafe or malformed XML)
    give one error for the file; record-level problems (one broken article in a PubMed XML
    file) give one error per record, and the other records are still read.
    """
    source = str(path)
    doc_id = doc_id_for(path)
    try:
        with _open(path) as stream:
            head = stream.read(_HEAD_BYTES)
            fmt = detect_format(_head_text(head), path.name)
            if fmt == "pubmed-xml":
                yield from read_pubmed_xml(_PrefixedStream(head, stream), source, sections)
                return
            data = head + stream.read(_MAX_BYTES + 1 - len(head))
        if len(data) > _MAX_BYTES:
            raise UnreadableInput(f"larger than {_MAX_BYTES >> 20} MB (decompressed)")
        yield from _read_whole(data, fmt, doc_id, source, sections)
    except (UnreadableInput, ValueError, RecursionError) as err:
        yield DocumentError(source=source, doc_id=doc_id, stage="read", error=_one_line(err))
    except (OSError, EOFError, zlib.error) as err:
        reason = ("corrupt or truncated gzip file" if isinstance(err, (gzip.BadGzipFile, EOFError,
                                                                          zlib.error))
                  else f"cannot read file: {err.strerror or err}")
        yield DocumentError(source=source, doc_id=doc_id, stage="read", error=reason)


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__)[:300]


def _read_whole(data: bytes, fmt: str, doc_id: str, source: str,
                sections: str) -> Iterator[Document | DocumentError]:
    """Formats read from the whole file at once (bounded by the size limit)."""
    if fmt == "jats":
        documents: Iterable[Document | DocumentError] = read_jats(data, doc_id, source, sections)
    elif fmt == "bioc":
        documents = read_bioc_xml(data, source, sections)
    elif fmt == "xml":
        raise UnreadableInput("XML of an unknown kind (not PubMed, JATS or BioC)")
    else:
        decoded = decode_bytes(data)
        documents = _read_text(decoded.text, fmt, doc_id, source, sections)
        documents = _with_warnings(documents, decoded.encoding, decoded.warnings)
    found = False
    for document in documents:
        if isinstance(document, Document):
            if not any(section.text.strip() for section in document.sections):
                yield DocumentError(source, "read", f"no article text found in this "
                                    f"{document.format} document", document.doc_id)
                continue
            found = True
        yield document
    if not found and fmt in {"medline", "pubtator", "bioc", "json"}:
        yield DocumentError(source, "read", f"no documents found in this {fmt} file", doc_id)


def _with_warnings(documents: Iterable[Document | DocumentError], encoding: str,
                   warnings: list[str]) -> Iterator[Document | DocumentError]:
    for document in documents:
        if isinstance(document, Document):
            document.metadata["encoding"] = encoding
            document.warnings.extend(warnings)
        yield document


def _read_text(text: str, fmt: str, doc_id: str, source: str,
               sections: str) -> Iterable[Document | DocumentError]:
    if fmt == "pubmed-page":
        return [read_pubmed_page(text, doc_id, source, sections=sections)]
    if fmt == "medline":
        return read_medline(text, source)
    if fmt == "pubtator":
        return read_pubtator(text, source)
    if fmt == "json":
        return read_bioc_json(text, source, sections)
    if fmt == "html":
        return [read_html(text, doc_id, source, sections)]
    return [read_plain_text(text, doc_id, source)]
