"""Sentence boundaries of biomedical prose (pipeline/nlp/sentences.py)."""

from __future__ import annotations


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
