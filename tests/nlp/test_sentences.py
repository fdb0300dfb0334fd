"""Sentence boundaries of biomedical prose (pipeline/nlp/sentences.py)."""

from __future__ import annotations

import pytest


def sentences(nlp, text: str) -> list[str]:
    return [s.text for s in nlp(text).sents]


def test_a_period_attached_to_a_mixed_case_word_ends_the_sentence(nlp):
    # Regression: scispaCy's tokenizer keeps "NaF." whole, and the two sentences ran together.
    assert sentences(nlp, "Cisplatin enhanced the activity of NaF. NaF induced apoptosis of "
                          "HL-60 cells.") == [
        "Cisplatin enhanced the activity of NaF.", "NaF induced apoptosis of HL-60 cells."]


def test_a_period_attached_to_a_unit_ends_the_sentence(nlp):
    assert sentences(nlp, "The current was 5 pA at -80 mV. Changes in cell shape followed.") == [
        "The current was 5 pA at -80 mV.", "Changes in cell shape followed."]


def test_abbreviations_do_not_end_sentences(nlp):
    text = "Extracts of St. John's wort, e.g. hyperforin, were cited by Smith et al. Nature."
    assert sentences(nlp, text) == [text]


def test_a_figure_panel_letter_ends_a_sentence(nlp):
    assert len(sentences(nlp, "Expression rose as shown in panel A. However, the effect was "
                              "lost.")) == 2


def test_a_split_period_keeps_one_tok2vec_row_per_token(nlp):
    # Regression: spaCy's retokenizer left one row too many in doc.tensor per split token.
    doc = nlp("Cisplatin enhanced the activity of NaF. NaF induced apoptosis of HL-60 cells.")
    assert doc.tensor.shape[0] == len(doc)


def test_a_split_period_does_not_shift_the_parse_of_the_next_doc_in_a_batch(nlp):
    # Regression: the parser reads doc.tensor for a whole batch, so an extra row in one doc
    # moved every later doc of the batch one token off ("We" became the root of its sentence).
    split = "The activity of NaF. NaF was tested."
    text = "We previously showed that lenalidomide activates NK cells."
    with nlp.select_pipes(disable=["drug_cell_ner", "drug_cell_claims"]):
        alone = nlp(text)
        after_split = list(nlp.pipe([split, text]))[1]
    assert [(t.dep_, t.head.i) for t in after_split] == [(t.dep_, t.head.i) for t in alone]
    assert after_split[0].dep_ == "nsubj"


def test_a_period_after_a_compounds_letter_ends_the_sentence(nlp):
    # Regression: "herbimycin A." was read as an initial and two sentences ran together.
    assert sentences(nlp, "Differentiation was not induced by hemin or herbimycin A. The antisense "
                          "oligomer restored it.") == [
        "Differentiation was not induced by hemin or herbimycin A.",
        "The antisense oligomer restored it."]



def test_a_period_after_a_unit_with_a_slash_ends_the_sentence(nlp):
    # Regression: "microg/mL." kept its period, as an abbreviation, and two sentences of a CG
    # abstract ran together.
    assert sentences(nlp, "IC50 values ranged from 10 to 15 microg/mL. While betulin was "
                          "moderately active in K562 cells, it was strong in HeLa cells.") == [
        "IC50 values ranged from 10 to 15 microg/mL.",
        "While betulin was moderately active in K562 cells, it was strong in HeLa cells."]


@pytest.mark.parametrize("text", [
    "T cells were treated with CsA.",  # the text's last word
    "T cells were treated with CsA.\nResults",  # before a line break
])
def test_a_period_attached_at_the_end_of_a_text_or_line_is_split_off(nlp, text):
    doc = nlp(text)
    assert [t.text for t in doc][5:7] == ["CsA", "."]
    # split before the models run: the tagger reads a period and the parser a punctuation
    assert (doc[6].tag_, doc[6].dep_) == (".", "punct")
    assert doc[5].tag_.startswith("NN")


def test_only_a_sentence_end_mark_lets_the_parser_start_a_sentence():
    # Regression: a CRAFT-trained parser split "Results:" and "To observe ..., the authors
    # analyzed ..." into pieces. Boundaries are preset, so every parser keeps one sentence.
    import spacy

    from pipeline.nlp.sentences import set_sentence_starts

    doc = set_sentence_starts(spacy.blank("en")("Results: Both drugs induced death , as shown "
                                                "( Fig 1 ) . Cells died ."))
    starts = {token.text: token.is_sent_start for token in doc}
    assert starts["Both"] is False and starts["as"] is False and starts["Fig"] is False
    assert starts["Cells"] is True  # a period of its own before a capital ends it


def test_a_period_before_a_capital_or_a_panel_label_ends_the_sentence_for_every_parser():
    # Regression: a parser trained with static vectors ran "... tumor-cell rejection. (A)
    # Incubation of U266 cells ..." into one sentence, and a figure legend's claims were lost
    import spacy

    from pipeline.nlp.sentences import set_sentence_starts

    doc = set_sentence_starts(spacy.blank("en")("X enhances tumor-cell rejection . ( A ) "
                                                "Incubation of cells ( n = 3 ) . the cells , "
                                                "e.g. Jurkat cells , died ."))
    texts = [token.text for token in doc]

    def start(word: str, after: str) -> bool | None:
        return doc[texts.index(word, texts.index(after))].is_sent_start

    assert start("(", "rejection") is True and start("Incubation", "rejection") is False
    assert start("the", "3") is None  # lower case: the parser decides
    assert start("Jurkat", "e.g.") is False


@pytest.mark.parametrize("text, pieces", [
    # Regression (GENIA sample AI): scispaCy's tokenizer kept "(PHA)-induced" whole, hiding
    # the short form and the drug's suffix; the GENIA treebank writes four tokens
    ("Phytohemagglutinin (PHA)-induced proliferation", ["(", "PHA", ")", "-induced"]),
    ("tumor necrosis factor (TNF-alpha)- and PMA-induced", ["(", "TNF-alpha", ")", "-"]),
])
def test_a_short_form_in_brackets_is_split_from_its_suffix(nlp, text, pieces):
    words = [t.text for t in nlp(text)]
    start = words.index("(")
    assert words[start:start + 4] == pieces


@pytest.mark.parametrize("text", ["Ca(2+)-dependent", "Fc(gamma)R-mediated uptake"])
def test_brackets_inside_a_word_stay_with_it(nlp, text):
    assert next(t.text for t in nlp(text)) == text.split()[0]


def test_a_split_short_form_keeps_one_tok2vec_row_per_token(nlp):
    doc = nlp("Phytohemagglutinin (PHA)-induced proliferation was inhibited by dexamethasone.")
    assert doc.tensor.shape[0] == len(doc)
