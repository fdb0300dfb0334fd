"""bench/sample_pairs.py: sentences with a drug and a cell, drawn reproducibly."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import sample_pairs


def pair(doc, sentence, drug, cell):
    return {"doc_id": doc, "sentence": sentence, "drug": drug, "cell": cell}


def test_pairs_are_grouped_by_sentence_with_the_rules_claim():
    pairs = [pair("d1", "X killed Y cells.", "X", "Y cells"),
             pair("d1", "X killed Y cells.", "X", "Y cells"),  # a second mention of X
             pair("d1", "X and Z met Y cells.", "Z", "Y cells")]
    claims = [{**pair("d1", "X killed Y cells.", "X", "Y cells"), "direction": "decrease",
               "assertion": "asserted", "effect": "viability"}]
    grouped = sample_pairs.sentences_with_pairs(pairs, claims)
    assert len(grouped) == 2
    [(drug, cell, claim)] = grouped[("d1", "X killed Y cells.")]
    assert (drug, cell, claim["direction"]) == ("X", "Y cells", "decrease")
    assert grouped[("d1", "X and Z met Y cells.")] == [("Z", "Y cells", None)]
    text = sample_pairs.sheet(grouped, list(grouped))
    assert "X -> Y cells :: CLAIM decrease/asserted" in text and "Z -> Y cells :: -" in text


def test_draws_are_reproducible_and_skip_gives_a_disjoint_sample():
    keys = [(f"d{k}", f"sentence {k}") for k in range(30)]
    first = sample_pairs.draw(keys, 10, seed=5)
    assert first == sample_pairs.draw(list(reversed(keys)), 10, seed=5)
    second = sample_pairs.draw(keys, 10, seed=5, skip=10)
    assert len(first) == len(second) == 10 and not set(first) & set(second)
    assert sample_pairs.draw(keys, 10, seed=6) != first


def test_a_claim_on_a_joined_population_counts_for_each_of_its_mentions():
    sentence = "X induced CD20 in the pre-B cell line, PB-697."
    pairs = [pair("d1", sentence, "X", "pre-B cell"), pair("d1", sentence, "X", "PB-697")]
    claims = [{**pair("d1", sentence, "X", "pre-B cell line, PB-697"), "direction": "increase",
               "assertion": "asserted", "effect": "CD20"}]
    grouped = sample_pairs.sentences_with_pairs(pairs, claims)
    assert all(claim is not None for _, _, claim in grouped[("d1", sentence)])
