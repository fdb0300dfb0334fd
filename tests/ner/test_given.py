"""Stoplisted names that are drugs where the text gives them (pipeline/ner/given.py)."""

from __future__ import annotations

import pytest

from pipeline.ner.given import named_as_given


def drugs(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [m.text(doc) for m in doc._.mentions if m.label == "DRUG"]


@pytest.mark.parametrize("text, expected", [
    ("HUVECs were treated with ethanol for 24 h.", ["ethanol"]),
    ("Insulin treatment increased glucose uptake in adipocytes.", ["Insulin"]),
    ("Acute ethanol exposure impaired the migration of endothelial cells.", ["ethanol"]),
    # a solvent, a measured nutrient, a reagent: no drugs
    ("The compound was dissolved in ethanol and added to HeLa cells.", []),
    ("Glucose uptake in T cells rose after activation.", []),
    ("Cells were washed in saline and treated with saline.", []),  # not a given agent at all
])
def test_a_stoplisted_name_is_a_drug_where_it_is_given(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_an_induced_change_from_a_given_agent_is_a_claim_without_direction(nlp):
    # Regression (CG): "ethanol-induced changes in endothelial cell responsiveness" had no
    # claim (ethanol is stoplisted as a solvent) and a change states no direction
    doc = nlp("These results suggest that ethanol-induced changes in endothelial cell "
              "responsiveness to VEGF are important.")
    assert [(c.drug, c.direction) for c in doc._.claims] == [("ethanol", "unclear")]


def test_named_as_given_reads_the_words_around(tokenizer_nlp):
    doc = tokenizer_nlp("Cells were exposed to ethanol after insulin treatment.")
    assert named_as_given(doc, 4, 4)  # "exposed to ethanol"
    assert named_as_given(doc, 6, 6)  # "insulin treatment"
    assert not named_as_given(doc, 0, 0)
