"""Drug → cell → effect claims from biomedical documents.

Quick use::

    from pipeline import extract
    claims = extract("Lenalidomide restores T-cell actin cytoskeletal signaling.")

For many documents, build the spaCy pipeline once with :class:`Pipeline`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pipeline.schema import Claim, Document, DocumentResult

__all__ = ["Pipeline", "__version__", "extract"]


class Pipeline:
    """The NLP stages built once, applied to texts or Documents (the batch API)."""

    def __init__(self, core_model: str | None = None) -> None:
        from pipeline.nlp import build_nlp

        self.nlp = build_nlp(core_model)

    def annotate(self, document: Document) -> DocumentResult:
        from pipeline.nlp import annotate_document

        return annotate_document(self.nlp, document)

    def extract(self, source: str | Document, doc_id: str = "text") -> list[Claim]:
        from pipeline.readers.plaintext import read_plain_text

        document = read_plain_text(source, doc_id, "<text>") if isinstance(source, str) else source
        return self.annotate(document).claims

    def extract_many(self, sources, batch_ids=None):
        """Claims for each text or Document of ``sources``, in order (a generator)."""
        for k, source in enumerate(sources):
            doc_id = batch_ids[k] if batch_ids else f"text-{k + 1}"
            yield self.extract(source, doc_id)


_default: Pipeline | None = None


def extract(source: str | Document, doc_id: str = "text") -> list[Claim]:
    """Claims in a text (read as one abstract) or a Document, with the shipped models."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.extract(source, doc_id)
