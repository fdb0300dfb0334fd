"""The ``neural_ner`` component: each model's entities in its own span group, on the host
Doc's tokens."""

from __future__ import annotations

import pytest
import spacy

import pipeline.ner.neural  # noqa: F401 - registers neural_ner
from pipeline.ner.neural import (
    DEFAULT_NER_MODELS,
    NerModelNotFound,
    load_ner_model,
    model_spans,
    ner_model_infos,
)


@pytest.fixture(scope="module")
def ner_nlp(tokenizer_nlp):
    nlp = spacy.blank("en")
    nlp.tokenizer = tokenizer_nlp.tokenizer
    nlp.add_pipe("neural_ner")
    return nlp


def groups(doc) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for name, span in model_spans(doc):
        found.setdefault(name, set()).add((span.text, span.label_))
    return found


def test_every_default_model_leaves_its_own_span_group(ner_nlp):
    doc = ner_nlp("Lenalidomide enhanced the cytotoxicity of NK cells against Jurkat cells "
                  "in patients with multiple myeloma.")
    assert set(doc.spans) == {f"ner:{name}" for name in DEFAULT_NER_MODELS}
    found = groups(doc)
    assert ("Lenalidomide", "CHEMICAL") in found["ner-bc5cdr"]
    assert ("multiple myeloma", "DISEASE") in found["ner-bc5cdr"]
    assert any(label in {"CELL_TYPE", "CELL_LINE"} for _, label in found["ner-jnlpba"])
    assert any(label == "CELL" for _, label in found["ner-bionlp13cg"])


def test_spans_sit_on_the_host_docs_tokens(ner_nlp):
    doc = ner_nlp("Cisplatin-treated HeLa cells died.")
    for _, span in model_spans(doc):
        assert span.doc is doc
        assert doc.text[span.start_char:span.end_char] == span.text


def test_pipe_gives_the_same_spans_as_call(ner_nlp):
    texts = ["Dexamethasone killed CLL cells.", "Imatinib inhibited K562 cell growth."]
    one_by_one = [groups(ner_nlp(text)) for text in texts]
    piped = [groups(doc) for doc in ner_nlp.pipe(texts, batch_size=2)]
    assert piped == one_by_one


def test_model_infos_name_versions_and_labels():
    infos = {info["name"]: info for info in ner_model_infos()}
    assert set(infos) == set(DEFAULT_NER_MODELS)
    assert set(infos["ner-bc5cdr"]["labels"]) == {"CHEMICAL", "DISEASE"}
    assert all(info["version"] for info in infos.values())


def test_an_unknown_model_is_a_clear_error():
    with pytest.raises(NerModelNotFound, match="cannot load the NER model"):
        load_ner_model("no-such-model")
