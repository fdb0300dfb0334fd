"""A chemical name the dictionary finds only a piece of ("L-lysine" in "N-alpha-tosyl-L-lysine
chloromethyl ketone") covers the whole name (pipeline/ner/recognizer.py), and yields to a
model's reading of it (pipeline/ner/merge.py)."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.grounding.cells import default_grounder
from pipeline.grounding.context import CellContext
from pipeline.ner.merge import merge_model_mentions
from pipeline.ner.recognizer import CHEMICAL_NAME, Recognizer


def drugs(tokenizer_nlp, text: str) -> list[tuple[str, str, bool, str]]:
    doc = tokenizer_nlp(text)
    return [(m.text(doc), m.norm, bool(m.ids), m.kind) for m in Recognizer()(doc) if m.label == "DRUG"]


def test_a_piece_of_a_longer_chemical_name_covers_the_whole_name(tokenizer_nlp):
    assert drugs(tokenizer_nlp, "N-alpha-tosyl-L-lysine chloromethyl ketone, N-methyl-thalidomide "
                                "and S-thalidomide were added.") == [
        ("N-alpha-tosyl-L-lysine", "n-alpha-tosyl-l-lysine", False, CHEMICAL_NAME),  # not lysine
        ("N-methyl-thalidomide", "n-methyl-thalidomide", False, CHEMICAL_NAME),
        ("S-thalidomide", "thalidomide", True, "drug")]  # a stereo descriptor: the same drug


def test_hyphen_joined_drugs_are_not_one_name(tokenizer_nlp):
    assert [d[0] for d in drugs(tokenizer_nlp, "Patients got carboplatin-paclitaxel weekly.")] == [
        "carboplatin", "paclitaxel"]


def merged(doc, spans: list[Span]) -> list[str]:
    for token in doc:
        token.tag_ = "NN"
    doc.spans["ner:a"] = spans
    found = merge_model_mentions(Recognizer()(doc), doc, default_grounder(), CellContext())
    return [m.text(doc) for m in found if m.label == "DRUG"]


def test_a_widened_name_yields_to_a_models_whole_name(tokenizer_nlp):
    text = "N-alpha-tosyl-L-lysine chloromethyl ketone blocked NK cells."
    whole = "N-alpha-tosyl-L-lysine chloromethyl ketone"
    doc = tokenizer_nlp(text)
    assert merged(doc, [doc.char_span(0, len(whole), label="CHEMICAL")]) == [whole]
    assert merged(tokenizer_nlp(text), []) == ["N-alpha-tosyl-L-lysine"]


def test_laboratory_stimuli_are_drugs(tokenizer_nlp):
    # Regression: bare "PMA", "LPS", "PHA" and "A23187" were found only where the document
    # spelled them out, so "PMA activated NF-kappa B, whereas NGF did not" made no claim.
    found = drugs(tokenizer_nlp, "PMA, LPS, PHA, A23187 and phorbol esters were added.")
    assert [(d[0], d[1]) for d in found] == [
        ("PMA", "phorbol 12-myristate 13-acetate"), ("LPS", "lipopolysaccharide"),
        ("PHA", "phytohemagglutinin"), ("A23187", "calcimycin"),
        ("phorbol esters", "phorbol esters")]


def test_a_calcium_ionophore_is_not_calcium(tokenizer_nlp):
    # Regression (GENIA sample BI): "costimulation of T cells with TPA and Ca2+ ionophore"
    # made a claim for "Ca2+"
    found = drugs(tokenizer_nlp, "T cells were stimulated with TPA and Ca2+ ionophore or with "
                                 "PMA and Ca(2+) ionophore.")
    assert [(d[0], d[1]) for d in found if "ionophore" in d[1]] == [
        ("Ca2+ ionophore", "calcium ionophores"), ("Ca(2+) ionophore", "calcium ionophores")]


def test_a_drug_of_the_text_joined_to_its_action_is_the_same_drug(nlp):
    # Regression (GENIA, CG): a drug only a model finds ("H2O2", "C5a") was no drug inside
    # "H2O2-induced", one token the model cannot split, so its claims were lost
    doc = nlp("H2O2 killed T cells. H2O2-induced apoptosis of T cells was blocked by "
              "dexamethasone.")
    found = [(m.text(doc), m.norm) for m in doc._.mentions if m.label == "DRUG"]
    assert found[:2] == [("H2O2", found[0][1]), ("H2O2", found[0][1])]
    assert ("h2o2", "T cells", "increase") in [
        (c.drug_norm.lower(), c.cell, c.direction) for c in doc._.claims if "H2O2-" in c.sentence]
    # a name no mention of the text is a drug stays what it was
    doc = nlp("The C5a-induced chemotaxis of neutrophils was blocked by dexamethasone.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["dexamethasone"]
