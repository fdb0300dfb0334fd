"""Readers: files in, :class:`~pipeline.schema.Document` objects out.

A reader knows formats, not NER. :func:`read_file` picks the reader from the file's content
and yields Documents, or :class:`~pipeline.schema.DocumentError` values for inputs that
cannot be read, so one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.readers.decode import UnreadableInput, decode_bytes
from pipeline.readers.detect import detect_format
from pipeline.readers.plaintext import read_plain_text
from pipeline.readers.pubmed_page import read_pubmed_page
from pipeline.schema import Document, DocumentError

SECTION_CHOICES = ("default", "all")
# Files a folder walk never treats as input documents.
_SKIPPED_SUFFIXES = {".pyc", ".ann", ".a1", ".a2", ".md5"}
_MAX_BYTES = 200 * 1024 * 1024

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


def read_file(path: Path, sections: str = "default") -> Iterator[Document | DocumentError]:
    """Read one input file into Documents (one per document it holds) or an error."""
    source = str(path)
    doc_id = doc_id_for(path)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise UnreadableInput(f"file larger than {_MAX_BYTES // 2**20} MB")
        decoded = decode_bytes(path.read_bytes())
    except UnreadableInput as err:
        yield DocumentError(source=source, doc_id=doc_id, stage="read", error=str(err))
        return
    except OSError as err:
        yield DocumentError(source=source, doc_id=doc_id, stage="read",
                            error=f"cannot read file: {err.strerror or err}")
        return
    fmt = detect_format(decoded.text, path.name)
    if fmt == "text":
        document = read_plain_text(decoded.text, doc_id, source)
    elif fmt == "pubmed-page":
        document = read_pubmed_page(decoded.text, doc_id, source, sections=sections)
    else:
        yield DocumentError(source=source, doc_id=doc_id, stage="read",
                            error=f"{fmt} input is not supported by this version")
        return
    document.metadata["encoding"] = decoded.encoding
    document.warnings.extend(decoded.warnings)
    if not any(section.text.strip() for section in document.sections):
        yield DocumentError(source=source, doc_id=doc_id, stage="read",
                            error=f"no article text found in this {fmt} file")
        return
    yield document
