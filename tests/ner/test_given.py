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


@pytest.mark.parametrize("text, expected", [
    # the agent of a passive change, right after its verb or after the place of the change
    ("The viral promoter is activated by IFN-gamma in promonocytic cells.",
     [("IFN-gamma", "promonocytic cells", "increase")]),
    ("NF-kappa B activity is inducible in DND39 cells by IL-4 and anti-CD40 mAb.",
     [("IL-4", "DND39 cells", "increase"), ("anti-CD40 mAb", "DND39 cells", "increase")]),
])
def test_a_cytokine_by_which_a_change_comes_is_given(nlp, text, expected):
    # Regression (MEDLINE sample AB): "activated by gamma interferon (IFN-gamma) in
    # promonocytic cells" had no drug, and "inducible" no direction
    doc = nlp(text)
    assert [(c.drug, c.cell, c.direction) for c in doc._.claims] == expected


def test_a_cytokine_that_is_produced_stays_a_gene(nlp):
    assert drugs(nlp, "IL-2 production by T cells was measured.") == []


@pytest.mark.parametrize("text, expected", [
    ("Monocytes differentiate into dendritic cells with the combination of GM-CSF plus IL-4.",
     ["GM-CSF", "IL-4"]),
    ("Apoptosis of eosinophils is inhibited by cytokines such as IL-5 and GM-CSF.",
     ["IL-5", "GM-CSF"]),
    # the short form in brackets after a long form so coordinated
    ("GM-CSF and macrophage colony-stimulating factor (M-CSF) stimulate the differentiation of "
     "monocytes.", ["GM-CSF", "M-CSF"]),
])
def test_a_cytokine_coordinated_with_a_drug_is_given_with_it(nlp, text, expected):
    # Regression (MEDLINE sample AC): "the combination of M-CSF plus IL-4", "cytokines such as
    # IL-5 and GM-CSF" gave claims to GM-CSF alone
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA samples AX, AY): a cytokine acting on cells as the experiment's agent
    # was a gene, and its claims were lost
    ("IL-10 profoundly inhibited release of IL-1beta from PBMC stimulated by LPS.",
     ["IL-10", "LPS"]),
    ("IFN-gamma and IL-10 inhibit IL-1 receptor gene expression in human monocytes.",
     ["IFN-gamma", "IL-10"]),
    # the verb of change in a phrase around the cytokine
    ("We examined the ability of IL-10 to inhibit IFN-gamma-induced gene expression in "
     "monocytes.", ["IL-10"]),
    ("IL-4, another cytokine that inhibits cytokine mRNA accumulation in monocytes, shows "
     "little inhibitory effect on NF-kappa B activation.", ["IL-4"]),
    # the "by" agent of a passive change
    ("TNF-alpha release from monocytes was strongly suppressed by IL-4 and IL-13.",
     ["IL-4", "IL-13"]),
    ("Proliferation of B cells was enhanced by IL-6 produced by stromal cells.", []),
    # made by cells, or with no cells in the sentence: a gene
    ("IL-6 secreted by stromal cells promotes myeloma cell growth.", []),
    ("IL-10 inhibits the transcription factor NF-kappaB.", []),
    # Regression (GENIA sample BH): the receptor acts, not the cytokine it binds
    ("Soluble TNF receptors can inhibit HIV-1 expression in chronically infected U1 cells.",
     []),
])
def test_a_cytokine_that_acts_on_cells_is_an_agent(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_cytokines_measured_together_claim_nothing(nlp):
    doc = nlp("GM-CSF and IL-3 production by T cells was increased by PMA.")
    assert [(c.drug, c.cell) for c in doc._.claims] == [("PMA", "T cells")]


def test_cytokines_the_cells_make_are_not_given_with_a_drug(nlp):
    # Regression (GENIA sample AE): "produce cytokines such as IL-3, IL-4, ... and GM-CSF in
    # response to PMA" made IL-3 and IL-4 drugs, given with GM-CSF
    doc = nlp("EL-4 cells produce cytokines such as IL-3, IL-4, and GM-CSF in response to PMA.")
    assert [(c.drug, c.cell) for c in doc._.claims] == [("PMA", "EL-4 cells")]


@pytest.mark.parametrize("text", [
    "An element between nucleotide -180 and -210 leads to increased expression in T cells.",
    "CD40 ligation of a MelanA/MART1+ MM cell line enhanced its lysis by CTL.",
])
def test_sequence_positions_and_tumour_antigens_are_no_drugs(nlp, text):
    # Regression (GENIA): the models' "nucleotide" and the dictionary's MART-1 vaccine
    assert drugs(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Efforts to stimulate NK cells with rIL-2 and rhIL-12 induced TNF-alpha production.",
     [("rIL-2", "il-2"), ("rhIL-12", "il-12")]),
    ("Recombinant IL-2 expanded the NK cells.", [("IL-2", "il-2")]),
])
def test_a_recombinant_cytokine_is_given(nlp, text, expected):
    # Regression (AnatEM sample DA): "rIL-2, rIL-12 and PMA" gave PMA alone a claim: a
    # recombinant cytokine is made to be given, and its norm is the cytokine's
    doc = nlp(text)
    assert [(m.text(doc), m.norm) for m in doc._.mentions if m.label == "DRUG"] == expected


def test_a_cytokine_that_is_not_recombinant_stays_a_gene_where_it_is_measured(nlp):
    assert drugs(nlp, "The level of IL-2 in the serum of the patients was measured.") == []
