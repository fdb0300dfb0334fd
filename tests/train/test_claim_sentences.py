"""The templated claim sentences: well-formed trees in GENIA's label set, reproducible."""

from __future__ import annotations

import spacy

from pipeline.train.claim_sentences import TEMPLATES, claim_sentences
from pipeline.train.conllu import sentences_to_doc

GENIA_LABELS = {"ROOT", "acl", "advcl", "advmod", "amod", "appos", "case", "cc", "compound",
                "conj", "det", "dobj", "mark", "neg", "nmod", "nsubj", "nsubjpass", "auxpass",
                "punct"}


def test_every_tree_has_one_root_no_cycle_and_genia_labels():
    for sentence in claim_sentences(3 * len(TEMPLATES), seed=3):
        roots = [i for i, head in enumerate(sentence.heads) if head == i]
        assert len(roots) == 1 and sentence.deps[roots[0]] == "ROOT"
        for i in range(len(sentence)):
            seen, node = set(), i
            while sentence.heads[node] != node:  # every token reaches the root
                assert node not in seen
                seen.add(node)
                node = sentence.heads[node]
        assert set(sentence.deps) <= GENIA_LABELS


def test_a_sentence_becomes_a_doc_with_its_tree():
    sentence = claim_sentences(len(TEMPLATES), seed=0)[1]  # "X enhanced the E of Y cells."
    doc = sentences_to_doc(spacy.blank("en").vocab, [sentence])
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert verb.tag_ == "VBD" and [c.dep_ for c in verb.children] == ["nsubj", "dobj", "punct"]
    effect = next(c for c in verb.children if c.dep_ == "dobj")
    assert [c.dep_ for c in effect.children] == ["det", "nmod"]
    assert doc.has_annotation("DEP") and doc.text.endswith(".")


def test_the_same_seed_gives_the_same_sentences():
    assert claim_sentences(20, seed=5) == claim_sentences(20, seed=5)
    assert claim_sentences(20, seed=5) != claim_sentences(20, seed=6)
