"""The shipped ``models/core``: its tagger runs on a tok2vec of its own, the parser on the core's.

Skipped when the model folder is absent.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

CORE = Path(__file__).resolve().parents[2] / "models" / "core"


@cache
def core() -> Language:
    if not (CORE / "config.cfg").is_file():
        pytest.skip("models/core is not present")
    warnings.filterwarnings("ignore")
    return spacy.load(CORE)


def test_the_tagger_has_its_own_tok2vec_and_the_parser_the_cores():
    nlp = core()
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    tagger = nlp.get_pipe_config("tagger")["model"]["tok2vec"]
    parser = nlp.get_pipe_config("parser")["model"]["tok2vec"]
    assert "Listener" not in tagger["@architectures"]
    assert parser["@architectures"] == "spacy.Tok2VecListener.v1" and parser["upstream"] == "tok2vec"
    assert nlp.meta["performance"]["tag_acc"] >= 0.982


def test_tags_and_a_parse_of_a_sentence_written_for_the_test():
    doc = core()("Lenalidomide enhanced the cytotoxicity of NK cells.")
    assert [t.tag_ for t in doc] == ["NN", "VBD", "DT", "NN", "IN", "NN", "NNS", "."]
    assert doc[0].dep_ == "nsubj" and doc[0].head.text == "enhanced"
    assert doc[6].lemma_ == "cell"


def test_swap_tagger_puts_the_donors_tagger_beside_the_parser(tmp_path):
    from pipeline.train.core import swap_tagger

    core()
    swap_tagger(CORE, CORE, tmp_path / "core")
    swapped = spacy.load(tmp_path / "core")
    text = "Ibrutinib reduced the migration of MDSCs in mice."
    assert [(t.tag_, t.dep_) for t in swapped(text)] == [(t.tag_, t.dep_) for t in core()(text)]
    assert swapped.pipe_names == core().pipe_names


def test_scores_on_gold_tokens_keep_the_gold_tokenization():
    # the held-out figures are taken on gold tokens; the tokenizer splits "CD14+"
    from spacy.tokens import Doc

    from pipeline.train.core import evaluate, make_examples

    nlp = core()
    words = ["CD14+", "monocytes", "were", "activated", "by", "LPS", "."]
    gold = Doc(nlp.vocab, words=words, spaces=[True] * 5 + [False, False],
               heads=[1, 3, 3, 3, 5, 3, 3],
               tags=["NN", "NNS", "VBD", "VBN", "IN", "NN", "."],
               deps=["compound", "nsubjpass", "auxpass", "ROOT", "case", "nmod", "punct"])
    assert [t.text for t in make_examples(nlp, [gold])[0].predicted] != words
    assert [t.text for t in make_examples(nlp, [gold], gold_tokens=True)[0].predicted] == words
    assert evaluate(nlp, [gold], gold_tokens=True)["dep_uas"] > 0.5
