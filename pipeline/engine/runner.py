"""Run the stages over many inputs: read, annotate, collect, write.

A document that fails at any stage becomes an error record (``errors.jsonl``) and a row
with ``status=error`` in ``documents.csv``; the batch goes on. Output options (extra
formats, the previous review) are checked before the models load, so a mistake there
costs seconds, not a run.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.engine.store import (
    Manifest,
    ResultStore,
    document_key,
    fingerprint_hash,
    run_fingerprint,
)
from pipeline.engine.workers import Batch, LocalEngine, default_workers
from pipeline.outputs.bundle import OutputRecord, check_formats, load_previous_review
from pipeline.outputs.stream import RunWriter
from pipeline.outputs.tables import DocumentOutput, EntityLines
from pipeline.outputs.writers import write_json
from pipeline.readers import expand_inputs, read_file
from pipeline.resources import file_checksum
from pipeline.schema import Document, DocumentError, DocumentResult

if TYPE_CHECKING:  # spaCy and the models load only when a document needs annotating
    from spacy.language import Language


@dataclass
class RunOptions:
    inputs: list[str]
    out: Path = Path("outputs")
    sections: str = "default"
    core_model: str | None = None
    # Neural NER models run beside the lexicons (names under models/, folders or installed
    # packages): None means pipeline.nlp.DEFAULT_NER_MODELS, () the lexicons alone.
    ner_models: tuple[str, ...] | None = None
    # A review.csv to take decisions from instead of the one in ``out``.
    review: Path | None = None
    # Extra output formats: "brat", "bioc", "parquet".
    formats: tuple[str, ...] = ()
    # Worker processes (local engine) or Dask workers of a LocalCluster.
    workers: int = field(default_factory=default_workers)
    # "local" (worker processes) or "dask" (a Dask cluster: ``scheduler``, else a LocalCluster).
    engine: str = "local"
    scheduler: str | None = None
    # The result store (default: hidden files in ``out``); ``fresh`` ignores it and the manifest.
    cache: Path | None = None
    fresh: bool = False
    # Only the first ``limit`` documents.
    limit: int | None = None
    batch_size: int = 8


@dataclass
class RunSummary:
    n_files: int = 0
    n_documents: int = 0
    n_failed: int = 0
    n_claims: int = 0
    n_entities: int = 0
    n_warnings: int = 0
    # Documents annotated in this run, taken from the store, finished by an earlier try.
    n_processed: int = 0
    n_cached: int = 0
    n_resumed: int = 0
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
    """Yield (document row, result or None, error or None) for every document in ``files``,
    one after another in this process (the Python API; ``run`` uses the engines)."""
    from pipeline.nlp import annotate_document

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


@dataclass
class _Planned:
    """One input document in input order: its key in the store, or the error that stopped
    it from being read."""

    source: str
    key: str | None = None
    error: DocumentError | None = None


_RECORD_MARKS = {"pubmed-xml": b"<PubmedArticle>", "medline": b"\nPMID-"}


def estimate_documents(files: list[Path]) -> int:
    """About how many documents ``files`` hold, for the progress bar's total and ETA before
    every file has been read: PubMed XML and MEDLINE records are counted in the raw bytes
    (no parsing); any other file counts as one document."""
    import gzip

    total = 0
    for path in files:
        count = 0
        try:
            with path.open("rb") as raw:
                gzipped = raw.read(2) == b"\x1f\x8b"
                raw.seek(0)
                handle = gzip.GzipFile(fileobj=raw) if gzipped else raw
                head = handle.read(1 << 16)
                mark = next((m for m in _RECORD_MARKS.values() if m in head), None)
                if mark is not None:
                    count, tail = head.count(mark), head[1 - len(mark):]
                    count += head.lstrip().startswith(mark.lstrip())  # a first record at the top
                    while chunk := handle.read(1 << 22):
                        count += (tail + chunk).count(mark)
                        tail = chunk[1 - len(mark):]
        except (OSError, EOFError, ValueError):
            count = 1
        total += max(1, count)
    return total


class _Progress:
    def __init__(self, callback: Callable[[int, int | None, int], None] | None,
                 estimate: int | None = None) -> None:
        self.callback, self.done, self.total, self.cached = callback, 0, estimate, 0

    def advance(self, n: int, cached: bool = False) -> None:
        self.done += n
        self.cached += n if cached else 0
        if self.callback is not None:
            self.callback(self.done, self.total, self.cached)

    def finish_reading(self, total: int) -> None:
        self.total = total
        self.advance(0)


def _batches(files: list[Path], options: RunOptions, fingerprint: str, store: ResultStore,
             manifest: Manifest, plan: list[_Planned], progress: _Progress,
             on_file: Callable[[Path], None] | None, pending: set[str]) -> Iterator[Batch]:
    """Read the inputs in order, note every document in ``plan``, and yield batches of the
    documents whose result is not in the store yet (their keys go into ``pending``). Read
    errors are noted, not yielded.

    A file whose bytes are unchanged since a run that stored all its documents is not
    parsed again: its list of document keys comes from the store (:func:`file_key`)."""
    planner = _Planner(options, fingerprint, store, manifest, plan, progress, pending)
    for path in files:
        key_of_file = file_key(path, fingerprint)
        listed = None if options.fresh else _listed_documents(store, key_of_file)
        if listed is not None:
            planner.plan_listed(path, listed)
        else:
            yield from planner.plan_read(path, key_of_file)
        planner.file_done()
        if on_file is not None:
            on_file(path)
        if planner.full:
            break
    planner.flush_listings()
    if planner.batch:
        yield planner.batch
    progress.finish_reading(len(plan))


class _Planner:
    """The state :func:`_batches` keeps while it reads: the batch being filled, the manifest
    entries and file listings not yet written."""

    def __init__(self, options: RunOptions, fingerprint: str, store: ResultStore,
                 manifest: Manifest, plan: list[_Planned], progress: _Progress,
                 pending: set[str]) -> None:
        self.options, self.fingerprint, self.store, self.manifest = options, fingerprint, store, manifest
        self.plan, self.progress, self.pending = plan, progress, pending
        self.batch: Batch = []
        self.chars = 0
        self.done_entries: list[dict[str, str]] = []
        self.listings: list[tuple[str, str]] = []

    @property
    def full(self) -> bool:
        """``--limit`` documents are planned."""
        return self.options.limit is not None and len(self.plan) >= self.options.limit

    def plan_read(self, path: Path, key_of_file: str | None) -> Iterator[Batch]:
        """Read ``path``; queue its documents that have no stored result; list its
        documents in the store under ``key_of_file`` for the next run."""
        entries: list[dict] = []
        for item in read_file(path, sections=self.options.sections):
            if self.full:
                break
            if isinstance(item, DocumentError):
                self.plan.append(_Planned(item.source, error=item))
                entries.append({"error": item.to_row()})
                self.progress.advance(1)
                continue
            key = document_key(item, self.fingerprint)
            self.plan.append(_Planned(item.source, key=key))
            entries.append({"key": key, "doc_id": item.doc_id})
            if self._known(key, item.source, item.doc_id):
                continue
            self.pending.add(key)
            self.batch.append((key, item))
            self.chars += sum(len(s.text) for s in item.sections)
            if len(self.batch) >= self.options.batch_size or self.chars >= _BATCH_CHARS:
                yield self.batch
                self.batch, self.chars = [], 0
        if key_of_file is not None and self.options.limit is None:
            self.listings.append((key_of_file, json.dumps({"documents": entries}, ensure_ascii=False)))

    def plan_listed(self, path: Path, entries: list[dict]) -> None:
        """Plan a file's documents from its stored listing (every one has a stored result)."""
        source = str(path)
        for entry in entries:
            if self.full:
                return
            if "error" in entry:
                error = DocumentError(**{**entry["error"], "source": source})
                self.plan.append(_Planned(source, error=error))
                self.progress.advance(1)
                continue
            self.plan.append(_Planned(source, key=entry["key"]))
            self._known(entry["key"], source, entry["doc_id"])

    def _known(self, key: str, source: str, doc_id: str) -> bool:
        """Whether the document needs no annotating: queued already (the same document
        twice), or stored (and, with ``--fresh``, annotated by this command)."""
        manifest = self.manifest
        if key in self.pending:
            self.progress.advance(1, cached=True)
            return True
        if key in self.store and (not self.options.fresh or key in manifest.done):
            if key not in manifest.done:
                self.done_entries.append({"key": key, "source": source, "doc_id": doc_id})
            self.progress.advance(1, cached=True)
            return True
        return False

    def file_done(self) -> None:
        if self.done_entries:
            self.manifest.add_many(self.done_entries)
            self.done_entries = []
        if len(self.listings) >= _LISTINGS_PER_WRITE:
            self.flush_listings()

    def flush_listings(self) -> None:
        if self.listings:
            self.store.put_many(self.listings)
            self.listings = []


_LISTINGS_PER_WRITE = 256


def file_key(path: Path, fingerprint: str) -> str | None:
    """The store key of the list of documents one input file holds: its bytes, its name
    (plain-text doc ids come from it) and the run's fingerprint; None when it cannot be read
    (the reader then reports why)."""
    digest = hashlib.sha256(b"file\0" + fingerprint.encode() + b"\0" + path.name.encode() + b"\0")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _listed_documents(store: ResultStore, key: str | None) -> list[dict] | None:
    """A file's stored document list, when every document in it has a stored result."""
    if key is None or key not in store:
        return None
    record = store.get(key)
    entries = record.get("documents") if isinstance(record, dict) else None
    if not isinstance(entries, list) or any("key" in e and e["key"] not in store for e in entries):
        return None
    return entries


_BATCH_CHARS = 40_000


def make_engine(options: RunOptions, nlp: Language | None = None):
    if options.engine == "dask":
        from pipeline.engine.dask_engine import DaskEngine

        return DaskEngine(options.scheduler, options.workers, options.core_model,
                          options.ner_models)
    return LocalEngine(options.workers, options.core_model, nlp, options.ner_models)


def run(options: RunOptions, nlp: Language | None = None,
        on_file: Callable[[Path], None] | None = None,
        on_start: Callable[[int], None] | None = None,
        on_progress: Callable[[int, int | None, int], None] | None = None) -> RunSummary:
    """Process ``options.inputs`` into ``options.out``.

    Documents are read as a stream and annotated in batches by the engine (local worker
    processes or Dask); each finished document is stored by key (:mod:`pipeline.engine.store`)
    and listed in the manifest, so a stopped run resumes and an unchanged document is never
    annotated twice. The output files are written from the stored records in input order,
    one document at a time, as results come in (:class:`pipeline.outputs.stream.RunWriter`,
    under temporary names until the run is complete). ``process_seconds`` in run.json is
    the time until the last result, ``write_seconds`` the writing after it.
    """
    started = time.perf_counter()
    began_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    formats = check_formats(options.formats)
    previous_review = load_previous_review(options.out, options.review)
    files = expand_inputs(options.inputs)
    if on_start is not None:
        on_start(len(files))
    fingerprint = run_fingerprint(options.sections, options.core_model, options.ner_models)
    fp_hash = fingerprint_hash(fingerprint)
    summary = RunSummary(n_files=len(files))
    plan: list[_Planned] = []
    estimate = None
    if on_progress is not None:
        estimate = estimate_documents(files)
        if options.limit is not None:
            estimate = min(estimate, options.limit)
    progress = _Progress(on_progress, estimate)
    cache = options.cache or options.out
    engine = make_engine(options, nlp)
    info: dict | None = None
    process_started = time.perf_counter()
    pending: set[str] = set()
    # The documents go to the output files one at a time, in input order, as soon as each
    # one's result is stored: the writer works while the workers annotate, and memory holds
    # a compact row per claim, not the run's tables.
    writer = RunWriter(options.out, previous_review, formats, {"version": __version__})
    with ResultStore(cache) as store:
        in_order = _InOrder(plan, store, pending, summary, parse_entities=bool(formats))
        manifest = Manifest(options.out, _command(options), fresh=options.fresh)
        summary.n_resumed = len(manifest.done)
        try:
            try:
                batches = _batches(files, options, fp_hash, store, manifest, plan, progress,
                                   on_file, pending)
                for batch_info, results in engine.run(batches):
                    info = batch_info
                    store.put_many(results)
                    manifest.add_many([{"key": key} for key, _ in results])
                    pending.difference_update(key for key, _ in results)
                    summary.n_processed += len(results)
                    progress.advance(len(results))
                    for document in in_order.ready():
                        writer.add(document)
            finally:
                manifest.close()
                engine.close()
            process_seconds = time.perf_counter() - process_started
            write_started = time.perf_counter()
            for document in in_order.ready():
                writer.add(document)
            in_order.check_done()
        except BaseException:
            writer.abort()
            raise
        if info is not None:
            store.save_model_info(fp_hash, info)
        else:
            info = store.model_info(fp_hash)
        if info is None:  # every result came from the store of an older version
            from pipeline.engine.workers import get_nlp, model_info

            info = model_info(nlp or get_nlp(options.core_model, options.ner_models))
        summary.n_cached = sum(1 for p in plan if p.key is not None) - summary.n_processed
    summary.n_claims, summary.n_entities = writer.n_claims, writer.n_entities
    summary.outputs = writer.finish([e.to_row() for e in summary.errors])
    write_seconds = time.perf_counter() - write_started
    summary.seconds = time.perf_counter() - started
    write_json(options.out / "run.json",
               run_record(options, info, summary, began_at, process_seconds, write_seconds))
    Manifest.finished(options.out)  # nothing left to resume
    return summary


def _command(options: RunOptions) -> dict:
    """What makes two commands the same run, for resuming."""
    return {"inputs": [str(Path(i).resolve()) for i in options.inputs], "sections": options.sections,
            "core_model": options.core_model, "ner_models": _ner_option(options.ner_models),
            "limit": options.limit}


def _ner_option(ner_models: tuple[str, ...] | None) -> list[str] | None:
    return None if ner_models is None else list(ner_models)


class _InOrder:
    """The planned documents, handed to the writer in input order as soon as each one is
    ready: read errors at once, a document once its result is in the store and not still
    being annotated by this run (``pending``). Entity rows come as written lines; they are
    parsed only where something reads them: the report (a document with claims) and the
    brat, BioC and Parquet exports (``parse_entities``)."""

    def __init__(self, plan: list[_Planned], store: ResultStore, pending: set[str],
                 summary: RunSummary, parse_entities: bool = False) -> None:
        self.plan, self.store, self.pending, self.summary = plan, store, pending, summary
        self.parse_entities = parse_entities
        self.position = 0

    def ready(self) -> Iterator[DocumentOutput]:
        while self.position < len(self.plan):
            planned = self.plan[self.position]
            if planned.key is not None and planned.key in self.pending:
                return
            self.position += 1
            yield self._output(planned)

    def check_done(self) -> None:
        if self.position < len(self.plan):  # pragma: no cover - a result never came back
            raise RuntimeError(f"no result for {self.plan[self.position].source}")

    def _output(self, planned: _Planned) -> DocumentOutput:
        summary = self.summary
        if planned.error is not None:
            summary.errors.append(planned.error)
            summary.n_failed += 1
            return DocumentOutput(error_document_row(planned.error))
        record = self.store.get(planned.key)
        if record is None:  # pragma: no cover - the store lost a line it had indexed
            raise RuntimeError(f"no stored result for {planned.source}; run again with --fresh")
        row = record["row"]
        row["source"] = planned.source
        if record.get("error"):
            error = DocumentError(**{**record["error"], "source": planned.source})
            summary.errors.append(error)
            summary.n_failed += 1
            return DocumentOutput(row)
        summary.n_documents += 1
        summary.n_warnings += record.get("n_warnings", 0)
        lines = EntityLines(**record["entity_lines"])
        entities = lines.rows() if self.parse_entities or record["claims"] else []
        return DocumentOutput(row, record["claims"], entities, record["sections"], lines)


def run_record(options: RunOptions, info: dict, summary: RunSummary, began_at: str,
               process_seconds: float, write_seconds: float = 0.0) -> dict:
    from pipeline.models import core_model_path, ner_model_infos
    from pipeline.ner.lexicons import lexicon_files

    core = Path(core_model_path(options.core_model))
    ner = [{"name": model["name"], "version": model.get("version"), "path": model["path"],
            "checksum": file_checksum(Path(model["path"])) if Path(model["path"]).exists() else None}
           for model in ner_model_infos(options.ner_models)]
    return {
        "pipeline_version": __version__,
        "started": began_at,
        "python": platform.python_version(),
        "options": {"inputs": options.inputs, "out": str(options.out),
                    "sections": options.sections, "core_model": str(core),
                    "ner_models": _ner_option(options.ner_models),
                    "review": str(options.review) if options.review else None,
                    "formats": list(check_formats(options.formats))},
        "models": {"core": {"path": str(core), "name": info.get("name"),
                            "version": info.get("version"),
                            "checksum": file_checksum(core) if core.exists() else None},
                   "ner": ner, "components": info.get("components")},
        "lexicons": {name: {"path": str(path), "checksum": file_checksum(path)}
                     for name, path in lexicon_files().items()},
        "counts": {"files": summary.n_files, "documents": summary.n_documents,
                   "failed": summary.n_failed, "claims": summary.n_claims,
                   "entities": summary.n_entities, "warnings": summary.n_warnings,
                   "annotated": summary.n_processed, "from_cache": summary.n_cached,
                   "resumed": summary.n_resumed},
        "engine": {"name": options.engine, "workers": options.workers,
                   "scheduler": options.scheduler},
        "timings": {"total_seconds": round(summary.seconds, 3),
                    "process_seconds": round(process_seconds, 3),
                    "write_seconds": round(write_seconds, 3)},
        "outputs": summary.outputs.to_json(),
    }
