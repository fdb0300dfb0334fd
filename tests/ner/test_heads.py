"""The ``corpus_ner`` head: gold from a span group, missing elsewhere, output to a span group,
scores under its own prefix; several heads on one shared tok2vec."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.training import Example

from pipeline.ner.heads import missing_key  # also registers corpus_ner

LISTENER = {"@architectures": "spacy.Tok2VecListener.v1", "width": 32, "upstream": "tok2vec"}
TEXTS = {
    "a": [("Aspirin causes headache in rats .", [(0, 7, "CHEM")]),
          ("Rats given cisplatin lost weight .", [(11, 20, "CHEM")])],
    "b": [("IL-2 activates T cells in vitro .", [(15, 22, "CELL")]),
          ("B cells divide .", [(0, 7, "CELL")]),
          ("Nothing happens here .", [])],
}


def make_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 32,
        "depth": 2, "embed_size": 500, "window_size": 1, "maxout_pieces": 2,
        "subword_features": True}})
    for key in ("a", "b"):
        nlp.add_pipe("corpus_ner", name=f"ner_{key}", config={
            "span_key": key, "gold_key": f"gold:{key}",
            "model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                      "extra_state_tokens": False, "hidden_width": 32, "maxout_pieces": 2,
                      "use_upper": True, "nO": None, "tok2vec": LISTENER}})
    return nlp


def example(nlp, key, text, ents):
    reference = nlp.make_doc(text)
    reference.spans[f"gold:{key}"] = [reference.char_span(s, e, label=label) for s, e, label in ents]
    return Example(nlp.make_doc(text), reference)


def examples(nlp, key=None):
    return [example(nlp, k, text, ents) for k, items in TEXTS.items() if key in (None, k)
            for text, ents in items]


@pytest.fixture(scope="module")
def trained():
    spacy.util.fix_random_seed(0)
    nlp = make_nlp()
    train = examples(nlp)
    nlp.initialize(lambda: train)
    optimizer = nlp.create_optimizer()
    for _ in range(80):
        nlp.update(train, sgd=optimizer)
    return nlp


def test_gold_comes_from_the_heads_span_group_and_other_tokens_are_outside():
    nlp = make_nlp()
    eg = example(nlp, "a", "Aspirin causes headache in rats .", [(0, 7, "CHEM")])
    gold = nlp.get_pipe("ner_a").gold_example(eg).reference
    assert [(e.text, e.label_) for e in gold.ents] == [("Aspirin", "CHEM")]
    assert [t.ent_iob_ for t in gold] == ["B", "O", "O", "O", "O", "O"]
    assert not eg.reference.has_annotation("ENT_IOB")  # the original is left alone


def test_an_example_without_the_heads_gold_is_all_missing():
    nlp = make_nlp()
    eg = example(nlp, "a", "Aspirin causes headache in rats .", [(0, 7, "CHEM")])
    gold = nlp.get_pipe("ner_b").gold_example(eg).reference
    assert [t.ent_iob for t in gold] == [0] * len(gold)
    empty = example(nlp, "b", "Nothing happens here .", [])  # gold, with no entity: all O
    assert [t.ent_iob_ for t in nlp.get_pipe("ner_b").gold_example(empty).reference] == ["O"] * 4


def test_tokens_of_unknown_gold_stay_missing():
    nlp = make_nlp()
    eg = example(nlp, "b", "IL2induced T cells divide .", [(11, 18, "CELL")])
    eg.reference.spans[missing_key("gold:b")] = [eg.reference[0:1]]  # "IL2" inside a token
    gold = nlp.get_pipe("ner_b").gold_example(eg).reference
    assert [t.ent_iob_ for t in gold] == ["", "B", "I", "O", "O"]


def test_labels_come_from_each_heads_own_corpus(trained):
    assert trained.get_pipe("ner_a").labels == ("CHEM",)
    assert trained.get_pipe("ner_b").labels == ("CELL",)


def test_missing_gold_gives_no_loss_and_no_gradient(trained):
    head = trained.get_pipe("ner_b")
    for node in head.model.walk():  # no gradient left over from training
        for name in node.param_names:
            if node.has_grad(name):
                node.set_grad(name, numpy.zeros_like(node.get_grad(name)))
    losses = trained.update(examples(trained, "a"), sgd=None, losses={})
    assert losses["ner_b"] == 0.0
    assert losses["ner_a"] > 0.0
    for node in head.model.walk():
        for name in node.param_names:
            if node.has_grad(name):
                assert not node.get_grad(name).any(), (node.name, name)


def test_the_shared_tok2vec_learns_when_the_last_head_has_no_gold():
    spacy.util.fix_random_seed(0)
    nlp = make_nlp()
    train = examples(nlp)
    nlp.initialize(lambda: train)
    tok2vec = nlp.get_pipe("tok2vec").model
    before = [tok2vec.ops.to_numpy(p).copy() for p in _params(tok2vec)]
    optimizer = nlp.create_optimizer()
    for _ in range(3):  # the first step's gradient is 0: spaCy starts the NER output layer at 0
        nlp.update(examples(nlp, "a"), sgd=optimizer)  # ner_b, the last listener, has no gold
    after = [tok2vec.ops.to_numpy(p) for p in _params(tok2vec)]
    assert any(not numpy.array_equal(x, y) for x, y in zip(before, after, strict=True))


def _params(model):
    return [node.get_param(name) for node in model.walk() for name in node.param_names
            if node.has_param(name)]


def test_predictions_go_to_span_groups_and_doc_ents_stay_missing(trained):
    doc = trained("Aspirin causes headache in rats . IL-2 activates T cells in vitro .")
    assert [(s.text, s.label_) for s in doc.spans["a"]] == [("Aspirin", "CHEM")]
    assert [(s.text, s.label_) for s in doc.spans["b"]] == [("T cells", "CELL")]
    assert not doc.has_annotation("ENT_IOB")


def test_each_head_predicts_as_if_alone(trained):
    texts = ["Aspirin activates T cells .", "B cells given cisplatin divide .",
             "Rats given aspirin lost B cells ."]
    together = [{k: [(s.start, s.end, s.label_) for s in doc.spans[k]] for k in ("a", "b")}
                for doc in trained.pipe(texts)]
    alone = [{}, {}, {}]
    for key, other in (("a", "ner_b"), ("b", "ner_a")):
        with trained.select_pipes(disable=[other]):
            for found, doc in zip(alone, trained.pipe(texts), strict=True):
                found[key] = [(s.start, s.end, s.label_) for s in doc.spans[key]]
    assert together == alone
    assert any(found["a"] for found in together) and any(found["b"] for found in together)


def test_preset_entities_are_put_back(trained):
    doc = trained.make_doc("Aspirin activates T cells .")
    doc.set_ents([doc.char_span(18, 25, label="PRESET")], default="missing")
    doc = trained(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("T cells", "PRESET")]
    assert [t.ent_iob for t in doc] == [0, 0, 3, 1, 0]


def test_scores_are_prefixed_and_count_only_examples_with_the_heads_gold(trained):
    scores = trained.evaluate(examples(trained))
    assert scores["a_ents_f"] == 1.0 and scores["b_ents_f"] == 1.0
    assert set(scores["a_ents_per_type"]) == {"CHEM"}
    assert set(scores["b_ents_per_type"]) == {"CELL"}
    assert "ents_f" not in scores
    only_a = trained.evaluate(examples(trained, "a"))
    assert only_a["b_ents_f"] == 0.0 and only_a["b_ents_per_type"] is None
