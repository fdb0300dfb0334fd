"""Unit tests for pipeline.train.conllu on a tiny hand-written CoNLL-U sample."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.train.conllu import (
    Sentence,
    group_sentences,
    guess_spaces,
    iter_docs,
    parse_conllu,
    read_conllu,
    read_doc_ids,
    read_docbin,
    sentences_to_doc,
    split_heldout,
    unescape_ptb,
    write_docbin,
)

SAMPLE = (
    "1\tIL-2\til-2\tNN\tNN\t_\t2\tnsubj\t_\t_\n"
    "2\tactivates\tactivate\tVBZ\tVBZ\t_\t0\troot\t_\t_\n"
    "3\tNF-kappaB\tnf-kappab\tNN\tNN\t_\t2\tdobj\t_\t_\n"
    "4\t(\t(\t-LRB-\t-LRB-\t_\t5\tpunct\t_\t_\n"
    "5\tp65\tp65\tNN\tNN\t_\t3\tappos\t_\t_\n"
    "6\t)\t)\t-RRB-\t-RRB-\t_\t5\tpunct\t_\t_\n"
    "7\t.\t.\t.\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\t-LSB-Ca2+-RSB-i\t-LSB-ca2+-RSB-i\tNN\tNN\t_\t3\tnsubjpass\t_\t_\n"
    "2\twas\tbe\tVBD\tVBD\t_\t3\tauxpass\t_\t_\n"
    "3\tincreased\tincrease\tVBN\tVBN\t_\t0\troot\t_\t_\n"
    "4\t,\t,\t,\t,\t_\t3\tpunct\t_\t_\n"
    "5\t50\t50\tCD\tCD\t_\t6\tnummod\t_\t_\n"
    "6\t%\t%\tNN\tNN\t_\t3\tdobj\t_\t_\n"
    "7\t.\t.\t.\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
)


@pytest.fixture()
def sentences() -> list[Sentence]:
    return parse_conllu(SAMPLE)


def test_parse_reads_all_layers(sentences: list[Sentence]) -> None:
    assert len(sentences) == 2
    first = sentences[0]
    assert first.words == ("IL-2", "activates", "NF-kappaB", "(", "p65", ")", ".")
    assert first.tags[:3] == ("NN", "VBZ", "NN")
    assert first.lemmas[1] == "activate"
    # 0-based heads, the root points at itself and is labelled ROOT
    assert first.heads == (1, 1, 1, 4, 2, 4, 1)
    assert first.deps[1] == "ROOT"
    assert first.deps[4] == "appos"
    assert len(first) == 7


def test_guess_spaces_attaches_punctuation() -> None:
    words = ["IL-2", "activates", "NF-kappaB", "(", "p65", ")", ",", "50", "%", "."]
    spaces = guess_spaces(words)
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    assert text == "IL-2 activates NF-kappaB (p65), 50%."
    assert guess_spaces([]) == []


def test_unescape_ptb() -> None:
    assert unescape_ptb("-LSB-Ca2+-RSB-i") == "[Ca2+]i"
    assert unescape_ptb("-LRB-") == "("
    assert unescape_ptb("``") == '"'
    assert unescape_ptb("IL-2") == "IL-2"


def test_sentences_to_doc_multi_sentence(sentences: list[Sentence]) -> None:
    doc = sentences_to_doc(spacy.blank("en").vocab, sentences)
    assert doc.text == "IL-2 activates NF-kappaB (p65). [Ca2+]i was increased, 50%."
    assert [s.text for s in doc.sents] == [
        "IL-2 activates NF-kappaB (p65).",
        "[Ca2+]i was increased, 50%.",
    ]
    assert doc[0].tag_ == "NN"
    assert doc[0].head.text == "activates"
    assert doc[1].dep_ == "ROOT"
    assert doc[7].lemma_ == "[ca2+]i"
    assert doc[7].dep_ == "nsubjpass"
    assert doc[7].head.i == 9  # offset into the doc, not the sentence
    assert doc[9].dep_ == "ROOT"
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")


def test_group_sentences_and_iter_docs(sentences: list[Sentence]) -> None:
    vocab = spacy.blank("en").vocab
    assert [len(g) for g in group_sentences(sentences, ["1", "1"])] == [2]
    assert [len(g) for g in group_sentences(sentences, ["1", "2"])] == [1, 1]
    with pytest.raises(ValueError):
        group_sentences(sentences, ["1"])
    assert len(list(iter_docs(vocab, sentences))) == 2
    assert len(list(iter_docs(vocab, sentences, ["7", "7"]))) == 1


def test_split_heldout_is_deterministic() -> None:
    items = list(range(25))
    train, heldout = split_heldout(items, every=10)
    assert heldout == [9, 19]
    assert len(train) == 23 and not set(train) & set(heldout)
    assert split_heldout(items, every=10) == (train, heldout)
    with pytest.raises(ValueError):
        split_heldout(items, every=1)


def test_files_and_docbin_roundtrip(tmp_path: Path, sentences: list[Sentence]) -> None:
    conllu_path = tmp_path / "sample.conllu"
    conllu_path.write_text(SAMPLE, encoding="utf-8")
    ids_path = tmp_path / "sample.pmids"
    ids_path.write_text("123\n123\n", encoding="utf-8")
    assert read_conllu(conllu_path) == sentences
    assert read_doc_ids(ids_path) == ["123", "123"]

    nlp = spacy.blank("en")
    docs = list(iter_docs(nlp.vocab, sentences, read_doc_ids(ids_path)))
    out = tmp_path / "corpus" / "train.spacy"
    assert write_docbin(docs, out) == 1
    (loaded,) = read_docbin(nlp.vocab, out)
    assert loaded.text == docs[0].text
    assert [t.tag_ for t in loaded] == [t.tag_ for t in docs[0]]
    assert [t.dep_ for t in loaded] == [t.dep_ for t in docs[0]]
    assert [t.head.i for t in loaded] == [t.head.i for t in docs[0]]
    assert len(list(loaded.sents)) == 2


def test_a_gold_token_doc_keeps_the_words_and_spaces_but_no_annotation():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.train.conllu import gold_token_doc

    vocab = Vocab()
    gold = Doc(vocab, words=["CD14+", "cells", "."], spaces=[True, False, False],
               tags=["NN", "NNS", "."], heads=[1, 1, 1], deps=["compound", "ROOT", "punct"])
    copy = gold_token_doc(vocab, gold)
    assert [t.text for t in copy] == ["CD14+", "cells", "."] and copy.text == gold.text
    assert not copy.has_annotation("TAG") and not copy.has_annotation("DEP")
