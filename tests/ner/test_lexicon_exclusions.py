"""Dictionary names the drug lexicon leaves out: MeSH's names of an action ("neuroprotective
effects"), a Greek letter with a number ("beta 2", a subunit), the name of a human protein that
the dictionary gives its product ("von Willebrand factor"), reactive oxygen species, and the
short forms of cell therapies ("HAECs")."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.grounding.cells import default_grounder
from pipeline.grounding.context import CellContext
from pipeline.ner.lexicons import names_the_protein
from pipeline.ner.merge import merge_model_mentions
from pipeline.ner.recognizer import Recognizer


def span(doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


def test_an_action_and_a_greek_letter_with_a_number_are_no_drugs(tokenizer_nlp):
    doc = tokenizer_nlp("Thioctic acid exerts neuroprotective effects; TGF beta 2 and the "
                        "beta 2 chain were measured; the antiemetic effect lasted.")
    # "antiemetic" alone is a class adjective, which the component leaves out.
    assert [m.text(doc) for m in Recognizer()(doc) if m.label == "DRUG"] == [
        "Thioctic acid", "antiemetic"]


def test_the_name_of_a_human_protein_is_not_its_product():
    assert names_the_protein("von willebrand factor", "von willebrand factor human")
    assert names_the_protein("antithrombin iii", "antithrombin iii, human")
    assert not names_the_protein("von willebrand factor human", "von willebrand factor human")
    assert not names_the_protein("rabies immune globulin", "rabies immune globulin, human")


def test_a_measured_plasma_protein_and_its_short_form_are_no_drugs(nlp):
    doc = nlp("Endothelial cells released von Willebrand factor (vWf) after ionomycin. vWf rose.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["ionomycin"]


def test_reactive_oxygen_species_the_cells_make_are_no_drug(tokenizer_nlp):
    doc = tokenizer_nlp("Menadione caused intracellular generation of reactive oxygen species "
                        "(ROS) in HeLa cells; ROS levels doubled.")
    for token in doc:
        token.tag_ = "NN"
    doc.spans["ner:a"] = [span(doc, "Menadione", "CHEMICAL"),
                          span(doc, "reactive oxygen species", "CHEMICAL"), span(doc, "ROS", "CHEMICAL")]
    merged = merge_model_mentions([], doc, default_grounder(), CellContext.from_text(doc.text))
    assert [m.text(doc) for m in merged] == ["Menadione"]


def test_a_cell_therapys_short_form_is_no_drug(tokenizer_nlp):
    # Regression: the dictionary's "HAECs" (amniotic epithelial cells, a cell therapy) made
    # the short form of "human aortic endothelial cells" a drug
    doc = tokenizer_nlp("Monocytes bound to human aortic endothelial cells (HAECs) and to "
                        "UC-MSCs after lenalidomide.")
    assert [m.text(doc) for m in Recognizer()(doc) if m.label == "DRUG"] == ["lenalidomide"]
