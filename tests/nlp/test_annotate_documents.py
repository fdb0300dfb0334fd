"""Annotating a batch of documents at once (pipeline.nlp.annotate_documents)."""

from __future__ import annotations

import pipeline.nlp as nlp_module
from pipeline.nlp import SectionTooLong, annotate_document, annotate_documents
from pipeline.readers.plaintext import read_plain_text
from pipeline.schema import Document, Section

TEXTS = [
    "Lenalidomide enhanced the cytotoxicity of NK cells. The activity of NaF. NaF was tested.",
    "We previously showed that lenalidomide activates NK cells and T cells.",
    "Dexamethasone induced apoptosis of CLL cells.",
]


def documents() -> list[Document]:
    docs = [read_plain_text(text, f"d{k}", "<test>") for k, text in enumerate(TEXTS)]
    docs[1].sections.insert(0, Section(section_id="title", section="title", offset=0,
                                       text="Lenalidomide and NK cells."))
    return docs


def claims(result) -> list[tuple]:
    return [(c.drug, c.cell, c.direction, c.sentence_start) for c in result.claims]


def test_a_batch_gives_each_document_what_it_gets_alone(nlp):
    batch = annotate_documents(nlp, documents())
    for document, result in zip(documents(), batch, strict=True):
        alone = annotate_document(nlp, document)
        assert claims(result) == claims(alone)
        assert [e.to_row() for e in result.entities] == [e.to_row() for e in alone.entities]
    assert claims(batch[1])  # the batch found claims at all


def test_a_section_too_long_fails_its_document_only(nlp):
    docs = documents()
    docs[0].sections[0].text = "x " * (nlp.max_length // 2 + 1)
    outcomes = annotate_documents(nlp, docs)
    assert isinstance(outcomes[0], SectionTooLong)
    assert claims(outcomes[2]) == claims(annotate_document(nlp, documents()[2]))


def test_a_failing_model_batch_is_retried_one_document_at_a_time(nlp, monkeypatch):
    model_docs = nlp_module._model_docs

    def failing(nlp, sections):
        if any("POISON" in s.text for s in sections):
            raise RuntimeError("the model broke")
        return model_docs(nlp, sections)

    monkeypatch.setattr(nlp_module, "_model_docs", failing)
    docs = documents()
    docs[1].sections[-1].text += " POISON"
    outcomes = annotate_documents(nlp, docs)
    assert isinstance(outcomes[1], RuntimeError)
    assert claims(outcomes[0]) == claims(annotate_document(nlp, documents()[0]))
    assert claims(outcomes[2])
