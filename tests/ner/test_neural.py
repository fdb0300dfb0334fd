"""The ``neural_ner`` component: each model's entities in its own span group, on the host
Doc's tokens."""

from __future__ import annotations

import pytest
import spacy

import pipeline.ner.neural  # noqa: F401 - registers neural_ner
from pipeline.ner.neural import (
    DEFAULT_NER_MODELS,
    SEPARATE_NER_MODELS,
    NerModelNotFound,
    load_ner_model,
    model_spans,
    ner_model_infos,
)
from pipeline.resources import models_dir


@pytest.fixture(scope="module")
def ner_nlp(tokenizer_nlp):
    nlp = spacy.blank("en")
    nlp.tokenizer = tokenizer_nlp.tokenizer
    nlp.add_pipe("neural_ner", config={"models": list(SEPARATE_NER_MODELS)})
    return nlp


def groups(doc) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for name, span in model_spans(doc):
        found.setdefault(name, set()).add((span.text, span.label_))
    return found


def test_the_default_is_the_joint_model():
    assert DEFAULT_NER_MODELS == ("ner-joint",)


def test_every_model_leaves_its_own_span_group(ner_nlp):
    doc = ner_nlp("Lenalidomide enhanced the cytotoxicity of NK cells against Jurkat cells "
                  "in patients with multiple myeloma.")
    assert set(doc.spans) == {f"ner:{name}" for name in SEPARATE_NER_MODELS}
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
    infos = {info["name"]: info for info in ner_model_infos(SEPARATE_NER_MODELS)}
    assert set(infos) == set(SEPARATE_NER_MODELS)
    assert set(infos["ner-bc5cdr"]["labels"]) == {"CHEMICAL", "DISEASE"}
    assert all(info["version"] for info in infos.values())


def test_an_unknown_model_is_a_clear_error():
    with pytest.raises(NerModelNotFound, match="cannot load the NER model"):
        load_ner_model("no-such-model")


JOINT = "ner-joint"
JOINT_HEADS = ("ner-joint.bc5cdr", "ner-joint.jnlpba", "ner-joint.bionlp13cg")
needs_joint = pytest.mark.skipif(not (models_dir() / JOINT / "config.cfg").is_file(),
                                 reason="models/ner-joint is not present")


@pytest.fixture(scope="module")
def joint_nlp(tokenizer_nlp):
    nlp = spacy.blank("en")
    nlp.tokenizer = tokenizer_nlp.tokenizer
    nlp.add_pipe("neural_ner", config={"models": [JOINT]})
    return nlp


@needs_joint
def test_a_multi_head_model_leaves_one_span_group_per_head_in_pipeline_order(joint_nlp):
    doc = joint_nlp("Lenalidomide enhanced the cytotoxicity of NK cells against Jurkat cells "
                    "in patients with multiple myeloma.")
    assert list(doc.spans) == [f"ner:{name}" for name in JOINT_HEADS]
    found = groups(doc)
    assert ("Lenalidomide", "CHEMICAL") in found["ner-joint.bc5cdr"]
    assert {label for _, label in found["ner-joint.bc5cdr"]} <= {"CHEMICAL", "DISEASE"}
    assert any(label in {"CELL_TYPE", "CELL_LINE"} for _, label in found["ner-joint.jnlpba"])
    assert any(label == "CELL" for _, label in found["ner-joint.bionlp13cg"])
    for _, span in model_spans(doc):
        assert span.doc is doc
    assert not doc.has_annotation("ENT_IOB")


@needs_joint
def test_a_multi_head_model_pipes_like_it_calls(joint_nlp):
    texts = ["Dexamethasone killed CLL cells.", "Imatinib inhibited K562 cell growth."]
    assert [groups(doc) for doc in joint_nlp.pipe(texts, batch_size=2)] == [
        groups(joint_nlp(text)) for text in texts]


@needs_joint
def test_a_multi_head_model_is_listed_with_its_version_and_heads():
    [info] = ner_model_infos([JOINT])
    assert info["name"] == JOINT and info["version"] == "0.1.0"
    assert list(info["heads"]) == list(JOINT_HEADS)
    assert set(info["heads"]["ner-joint.bc5cdr"]) == {"CHEMICAL", "DISEASE"}
    loaded = load_ner_model(JOINT).info()
    assert loaded["heads"] == info["heads"] and loaded["version"] == info["version"]
