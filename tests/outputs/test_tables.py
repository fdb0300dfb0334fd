"""Claim ids, ordering, effect categories and trigger spans shared by every output file."""

from __future__ import annotations

import pytest

from pipeline.outputs.effects import FALLBACK, effect_category, load_effect_table
from pipeline.outputs.spans import trigger_span
from pipeline.outputs.tables import unique_keys
from tests.outputs.builders import DC, NK, TREG, Said, cid, make_document, tables_of


def test_unique_keys_suffix_later_repeats_only():
    assert unique_keys(["a", "b", "a", "a", "a-2"]) == ["a", "b", "a-2", "a-3", "a-2-2"]


def test_claim_ids_stay_unique_when_two_inputs_share_a_file_name():
    first = make_document("paper", [NK, TREG])
    second = make_document("paper", [NK, TREG])  # same name, other folder: same raw ids
    tables = tables_of(first, second)
    ids = [c["claim_id"] for c in tables.claims]
    assert len(set(ids)) == 4
    first_ids = [cid(NK, "paper"), cid(TREG, "paper")]
    assert ids[:2] == first_ids  # the first keeps its ids, so reviews still match
    assert ids[2:] == [f"{i}-2" for i in first_ids]
    assert tables.doc_keys == ["paper", "paper-2"]
    assert tables.n_renamed_claim_ids == 2 and tables.duplicate_doc_ids == ["paper"]


def test_claims_are_ordered_by_position_whatever_order_they_come_in():
    document = make_document("d", [NK, TREG, DC])
    forward = [c["claim_id"] for c in tables_of(document).claims]
    document.claims.reverse()
    assert [c["claim_id"] for c in tables_of(document).claims] == forward == [cid(NK), cid(TREG), cid(DC)]


def test_output_fields_are_added():
    claim = tables_of(make_document("d", [NK])).claims[0]
    assert claim["effect_category"] == "proliferation"
    text = NK.sentence
    assert text[claim["trigger_start"]:claim["trigger_end"]] == "increases"


@pytest.mark.parametrize(("effect", "trigger", "category"), [
    ("NK-mediated ADCC", "enhanced", "cytotoxicity/killing"),
    ("cytotoxic activity", "inhibit", "cytotoxicity/killing"),
    ("apoptosis", "induces", "apoptosis/viability"),
    ("growth inhibition", "inhibition", "proliferation"),
    ("IL-6 secretion", "inhibits", "cytokine production"),
    ("IL-2–driven costimulation", "costimulation", "activation"),
    ("Fas expression", "upregulates", "expression"),
    ("antigen-presenting function", "enhances", FALLBACK),
    ("Differentiation", "Induce", "differentiation"),
    ("Hosts", "Depleted", "number/frequency"),
    ("effects", "effects", FALLBACK),
    ("cell cycle arrest", "induces", "proliferation"),
])
def test_effect_categories(effect, trigger, category):
    assert effect_category(effect, trigger) == category


def test_every_category_of_the_table_is_reachable():
    table = load_effect_table()
    assert set(table.categories) == {c for _, c in table.word_keywords + table.phrase_keywords} | {FALLBACK}


def test_a_malformed_keyword_table_is_refused(tmp_path):
    path = tmp_path / "effects.tsv"
    path.write_text("category\tkeyword\nproliferation prolifer\n")
    with pytest.raises(ValueError, match="line 2"):
        load_effect_table(path)


def test_trigger_span_prefers_whole_words_near_the_cell():
    sentence = "X enhances A cells and enhances B cells."
    said = Said(sentence, "X", "B cells", "enhances")
    claim = tables_of(make_document("d", [said])).claims[0]
    start, end = trigger_span(claim)
    assert (start, end) == (sentence.rindex("enhances"), sentence.rindex("enhances") + 8)
    partial = Said("Xeffects: the effect of X on T cells.", "X", "T cells", "effect")
    claim = tables_of(make_document("d", [partial])).claims[0]
    start, _ = trigger_span(claim)
    assert partial.sentence[start - 4:start] == "the "
    assert trigger_span({**claim, "trigger": "absent"}) is None
