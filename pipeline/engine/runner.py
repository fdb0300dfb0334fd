"""Run the stages over many inputs: read, annotate, collect, write.

A document that fails at any stage becomes an error record (``errors.jsonl``) and a row
with ``status=error`` in ``documents.csv``; the batch goes on. Output options (extra
formats, the previous review) are checked before the models load, so a mistake there
costs seconds, not a run.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from spacy.language import Language

from pipeline import __version__
from pipeline.ner.lexicons import lexicon_files
from pipeline.nlp import annotate_document, build_nlp, core_model_path
from pipeline.outputs.bundle import OutputRecord, check_formats, load_previous_review, write_outputs
from pipeline.outputs.tables import DocumentOutput, build_tables
from pipeline.outputs.writers import write_json
from pipeline.readers import expand_inputs, read_file
from pipeline.resources import file_checksum
from pipeline.schema import Document, DocumentError, DocumentResult


@dataclass
class RunOptions:
    inputs: list[str]
    out: Path = Path("outputs")
    sections: str = "default"
    core_model: str | None = None
    # A review.csv to take decisions from instead of the one in ``out``.
    review: Path | None = None
    # Extra output formats: "brat", "bioc", "parquet".
    formats: tuple[str, ...] = ()


@dataclass
class RunSummary:
    n_files: int = 0
    n_documents: int = 0
    n_failed: int = 0
    n_claims: int = 0
    n_entities: int = 0
    n_warnings: int = 0
    seconds: float = 0.0
    errors: list[DocumentError] = field(default_factory=list)
    outputs: OutputRecord = field(default_factory=OutputRecord)


def document_row(document: Document, result: DocumentResult | None, error: str = "") -> dict:
    return {
        "doc_id": document.doc_id, "source": document.source, "format": document.format,
        "pmid": document.pmid, "doi": document.doi, "journal": document.journal,
        "year": document.year, "title": document.title,
        "pmcid": document.metadata.get("pmcid", ""), "authors": document.authors,
        "mesh_terms": document.metadata.get("mesh_terms", []),
        "publication_types": document.metadata.get("publication_types", []),
        "n_sections": len(document.sections), "n_figures": document.n_figures,
        "n_sentences": result.n_sentences if result else 0,
        "n_entities": len(result.entities) if result else 0,
        "n_claims": len(result.claims) if result else 0,
        "status": "error" if error else "ok", "error": error,
        "warnings": "; ".join(document.warnings),
    }


def error_document_row(error: DocumentError) -> dict:
    return {"doc_id": error.doc_id, "source": error.source, "format": "", "status": "error",
            "error": error.error, "n_sections": 0, "n_figures": 0, "n_sentences": 0,
            "n_entities": 0, "n_claims": 0}


def process(nlp: Language, files: Iterable[Path], sections: str,
            on_file: Callable[[Path], None] | None = None):
    """Yield (document row, result or None, error or None) for every document in ``files``."""
    for path in files:
        for item in read_file(path, sections=sections):
            if isinstance(item, DocumentError):
                yield error_document_row(item), None, item
                continue
            try:
                result = annotate_document(nlp, item)
            except Exception as err:  # one bad document never stops the batch
                reason = f"{type(err).__name__}: {err}".splitlines()[0][:300]
                error = DocumentError(item.source, "nlp", reason, item.doc_id)
                yield document_row(item, None, reason), None, error
                continue
            yield document_row(item, result), result, None
        if on_file is not None:
            on_file(path)


def run(options: RunOptions, nlp: Language | None = None,
        on_file: Callable[[Path], None] | None = None,
        on_start: Callable[[int], None] | None = None) -> RunSummary:
    started = time.perf_counter()
    began_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    formats = check_formats(options.formats)
    previous_review = load_previous_review(options.out, options.review)
    files = expand_inputs(options.inputs)
    if on_start is not None:
        on_start(len(files))
    load_started = time.perf_counter()
    nlp = nlp or build_nlp(options.core_model)
    load_seconds = time.perf_counter() - load_started
    summary = RunSummary(n_files=len(files))
    documents: list[DocumentOutput] = []
    for row, result, error in process(nlp, files, options.sections, on_file):
        if error is not None:
            documents.append(DocumentOutput(row))
            summary.errors.append(error)
            summary.n_failed += 1
            continue
        summary.n_documents += 1
        document = result.document
        summary.n_warnings += len(document.warnings)
        documents.append(DocumentOutput(
            row, [c.to_row() for c in result.claims], [e.to_row() for e in result.entities],
            [{"doc_id": document.doc_id, "section_id": s.section_id, "section": s.section,
              "label": s.label, "offset": s.offset, "text": s.text} for s in document.sections]))
    write_started = time.perf_counter()
    tables = build_tables(documents)
    summary.n_claims, summary.n_entities = len(tables.claims), len(tables.entities)
    summary.outputs = write_outputs(options.out, tables, [e.to_row() for e in summary.errors],
                                    previous_review, formats, {"version": __version__})
    write_seconds = time.perf_counter() - write_started
    summary.seconds = time.perf_counter() - started
    write_json(options.out / "run.json",
               run_record(options, nlp, summary, began_at, load_seconds, write_seconds))
    return summary


def run_record(options: RunOptions, nlp: Language, summary: RunSummary, began_at: str,
               load_seconds: float, write_seconds: float = 0.0) -> dict:
    core = Path(core_model_path(options.core_model))
    return {
        "pipeline_version": __version__,
        "started": began_at,
        "python": platform.python_version(),
        "options": {"inputs": options.inputs, "out": str(options.out),
                    "sections": options.sections, "core_model": str(core),
                    "review": str(options.review) if options.review else None,
                    "formats": list(check_formats(options.formats))},
        "models": {"core": {"path": str(core), "name": nlp.meta.get("name"),
                            "version": nlp.meta.get("version"),
                            "checksum": file_checksum(core) if core.exists() else None},
                   "components": nlp.pipe_names},
        "lexicons": {name: {"path": str(path), "checksum": file_checksum(path)}
                     for name, path in lexicon_files().items()},
        "counts": {"files": summary.n_files, "documents": summary.n_documents,
                   "failed": summary.n_failed, "claims": summary.n_claims,
                   "entities": summary.n_entities, "warnings": summary.n_warnings},
        "timings": {"total_seconds": round(summary.seconds, 3),
                    "model_load_seconds": round(load_seconds, 3),
                    "write_seconds": round(write_seconds, 3)},
        "outputs": summary.outputs.to_json(),
    }
