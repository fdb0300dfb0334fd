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
