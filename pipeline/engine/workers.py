"""Annotate batches of documents: in this process, or in worker processes.

A task is a batch of ``(key, Document)`` pairs; its result is the batch's
``(key, record JSON)`` pairs and a description of the models. Each worker process builds the
spaCy pipeline once (on its first task) and keeps it. Results come back in any order: the
runner stores them by key and writes the outputs in input order, so the output does not
depend on the number of workers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from pipeline.schema import Document, DocumentError, DocumentResult

Batch = list[tuple[str, Document]]
BatchResult = tuple[dict[str, Any], list[tuple[str, str]]]

# Which models a pipeline is built from: the core model and the neural NER models (None:
# the default list, (): none), as pipeline.nlp.build_nlp takes them.
NerModels = tuple[str, ...] | None
_NLP: dict[tuple[str | None, NerModels], Any] = {}


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def get_nlp(core_model: str | None, ner_models: NerModels = None):
    """The pipeline for ``core_model`` and ``ner_models``, built once per process."""
    key = (core_model, None if ner_models is None else tuple(ner_models))
    nlp = _NLP.get(key)
    if nlp is None:
        import warnings

        warnings.filterwarnings("ignore")
        from pipeline.nlp import build_nlp

        nlp = _NLP[key] = build_nlp(core_model, key[1])
        warnings.filterwarnings("ignore")  # spaCy sets its own filters on import
    return nlp


def model_info(nlp) -> dict[str, Any]:
    return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version"),
            "components": list(nlp.pipe_names)}


def document_record(document: Document, outcome: DocumentResult | Exception) -> dict[str, Any]:
    """Everything the outputs need from one document, as plain JSON-able values; or, when
    ``outcome`` is the exception that stopped the document, its error row."""
    from pipeline.engine.runner import document_row
    from pipeline.outputs.tables import ordered_entities
    from pipeline.outputs.writers import ENTITY_COLUMNS, csv_lines, jsonl_line

    if isinstance(outcome, Exception):
        reason = f"{type(outcome).__name__}: {outcome}".splitlines()[0][:300]
        error = DocumentError(document.source, "nlp", reason, document.doc_id)
        return {"row": document_row(document, None, reason), "error": error.to_row()}
    sections = [{"doc_id": document.doc_id, "section_id": s.section_id, "section": s.section,
                 "label": s.label, "offset": s.offset, "text": s.text} for s in document.sections]
    entities = ordered_entities([e.to_row() for e in outcome.entities], sections)
    return {
        "row": document_row(document, outcome),
        "claims": [c.to_row() for c in outcome.claims],
        # The entity tables' lines (pipeline.outputs.tables.EntityLines), written here, once.
        "entity_lines": {"count": len(entities), "csv": csv_lines(entities, ENTITY_COLUMNS),
                         "jsonl": "".join(jsonl_line(e, ENTITY_COLUMNS) for e in entities)},
        "sections": sections,
        "n_warnings": len(document.warnings),
    }


def annotate_batch(core_model: str | None, batch: Batch, nlp=None,
                   ner_models: NerModels = None) -> BatchResult:
    """The task every engine runs: a batch in, (model info, [(key, record JSON)]) out. The
    models read the whole batch at once (:func:`pipeline.nlp.annotate_documents`)."""
    from pipeline.nlp import annotate_documents

    nlp = nlp if nlp is not None else get_nlp(core_model, ner_models)
    outcomes = annotate_documents(nlp, [document for _, document in batch])
    return model_info(nlp), [(key, json.dumps(document_record(document, outcome), ensure_ascii=False))
                             for (key, document), outcome in zip(batch, outcomes, strict=True)]


# Given a loaded pipeline, the pool starts only with this many batches to annotate (and
# two per worker).
POOL_MIN_BATCHES = 16
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                     "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


@contextmanager
def _one_thread_per_worker() -> Iterator[None]:
    """N workers on N cores: the math libraries of each use one thread, not one per core
    (workers inherit the environment; a value the user set is kept)."""
    saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
    for name, value in saved.items():
        if value is None:
            os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)


class LocalEngine:
    """``--workers N`` processes on this machine ('spawn': nothing inherited but the task).

    With one worker, or one batch to annotate, the batch runs in this process and no worker
    is started; so do fewer than ``POOL_MIN_BATCHES`` batches when ``nlp`` is given.
    """

    def __init__(self, workers: int, core_model: str | None, nlp=None,
                 ner_models: NerModels = None) -> None:
        self.workers = max(1, workers)
        self.core_model, self.ner_models = core_model, ner_models
        self.nlp = nlp

    def close(self) -> None:
        """Nothing to release: the worker pool lives only as long as :meth:`run`."""

    def _in_process(self, batch: Batch) -> BatchResult:
        if self.nlp is None:
            self.nlp = get_nlp(self.core_model, self.ner_models)
        return annotate_batch(self.core_model, batch, self.nlp)

    def run(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        # Every process that annotates must first import spaCy and load the models (about
        # as long as annotating 50 abstracts). When this process has not loaded them yet, N
        # workers load them in the time one would and then share the work: the pool pays
        # from two batches on. When it has (the Python API, tests), the pool must save more
        # than a load: it starts from POOL_MIN_BATCHES batches.
        waiting: deque[Batch] = deque()
        if self.workers == 1:
            wanted = 1
        elif self.nlp is None:
            wanted = 2
        else:
            wanted = max(2 * self.workers, POOL_MIN_BATCHES)
        for batch in batches:
            waiting.append(batch)
            if len(waiting) >= wanted:
                break
        if self.workers == 1 or len(waiting) < wanted:
            while waiting:
                yield self._in_process(waiting.popleft())
            for batch in batches:
                yield self._in_process(batch)
            return
        with _one_thread_per_worker():
            yield from self._pool(waiting, batches)

    def _pool(self, waiting: deque[Batch], batches: Iterator[Batch]) -> Iterator[BatchResult]:
        context = multiprocessing.get_context("spawn")
        limit = 2 * self.workers + 1  # batches in flight: memory stays flat
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            pending: set[Future] = set()
            try:
                while True:
                    while len(pending) < limit:
                        batch = waiting.popleft() if waiting else next(batches, None)
                        if batch is None:
                            break
                        pending.add(pool.submit(annotate_batch, self.core_model, batch,
                                                ner_models=self.ner_models))
                    if not pending:
                        return
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            except BaseException:
                for future in pending:
                    future.cancel()
                raise
