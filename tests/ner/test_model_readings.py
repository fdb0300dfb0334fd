"""Model readings the merge refuses (pipeline/ner/merge.py, ``admissible``): a concentration
in brackets is no drug, nor an activity; a "line" is a cell line only where cells are meant."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.grounding.cells import default_grounder
from pipeline.grounding.context import CellContext
from pipeline.ner.merge import merge_model_mentions


def tagged(tokenizer_nlp, text: str):
    doc = tokenizer_nlp(text)
    for token in doc:  # what the tagger would say, near enough for these spans
        token.tag_ = "NN"
    return doc


def span(doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    found = doc.char_span(start, start + len(text), label=label, alignment_mode="expand")
    assert found is not None, text
    return found


def merge(doc, spans: dict[str, list[Span]]) -> list[str]:
    for model, group in spans.items():
        doc.spans[f"ner:{model}"] = group
    merged = merge_model_mentions([], doc, default_grounder(), CellContext.from_text(doc.text))
    return [f"{m.label} {m.text(doc)}" for m in merged]


def test_a_concentration_in_brackets_is_no_drug(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Ionomycin raised [Ca2+]i in platelets, and [Na+] fell.")
    assert merge(doc, {"a": [span(doc, "Ionomycin", "CHEMICAL"), span(doc, "[Ca2+]i", "CHEMICAL")],
                       "b": [span(doc, "[Ca2+", "SIMPLE_CHEMICAL"), span(doc, "Na", "CHEMICAL")]}) \
        == ["DRUG Ionomycin"]


def test_an_amount_with_its_unit_is_no_drug(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Retinoic acid (10(-10) mol/L) inhibited IgE synthesis of B cells.")
    assert merge(doc, {"a": [span(doc, "Retinoic acid", "CHEMICAL")],
                       "b": [span(doc, "10(-10) mol/L", "SIMPLE_CHEMICAL")]}) \
        == ["DRUG Retinoic acid"]


def test_an_amino_acid_residue_is_no_drug(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "STAT3 is activated by phosphorylation (Tyr-705) after PMA.")
    assert merge(doc, {"a": [span(doc, "Tyr-705", "CHEMICAL"), span(doc, "PMA", "CHEMICAL")],
                       "b": [span(doc, "Tyr-705", "SIMPLE_CHEMICAL"),
                             span(doc, "PMA", "SIMPLE_CHEMICAL")]}) == ["DRUG PMA"]


def test_a_short_form_in_square_brackets_is_still_a_drug(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Monocytes were stimulated with endotoxin [LPS] overnight.")
    lps = span(doc, "LPS", "CHEMICAL")
    assert merge(doc, {"a": [lps], "b": [lps]}) == ["DRUG LPS"]


def test_an_activity_is_no_chemical(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Cigarette smoking and alcohol drinking lowered NK cell counts.")
    assert merge(doc, {"a": [span(doc, "smoking", "CHEMICAL"), span(doc, "drinking", "CHEMICAL"),
                             span(doc, "alcohol", "CHEMICAL")]}) == ["DRUG alcohol"]


def test_a_line_is_a_cell_line_only_where_cells_are_spoken_of(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Vecuronium accumulated in the arterial line and in the line.")
    assert merge(doc, {"a": [span(doc, "arterial line", "CELL"), span(doc, "line", "CELL")]}) == []
    doc = tagged(tokenizer_nlp, "Pax-5 was found in B-lymphoid lines and in HL-60 line cells.")
    assert merge(doc, {"a": [span(doc, "B-lymphoid lines", "CELL")]}) == ["CELL B-lymphoid lines"]


def test_text_until_reads_a_cut_inside_the_last_token():
    # Regression (speed): readings were cut out of Doc.text, which joins every token of the
    # doc on each access; the slice of the span's own text is the same string.
    import spacy

    from pipeline.ner.merge import text_until
    doc = spacy.blank("en")("Spleen cells were activated with Con A-activated serum today.")
    span = doc[5:9]  # "Con A-activated" (the blank tokenizer splits the hyphen)
    assert text_until(span, span.end_char) == "Con A-activated"
    assert text_until(span, span.start_char + len("Con A")) == "Con A"


def test_a_model_reading_loses_the_punctuation_at_its_edges():
    # Regression: a model read "hemin ," and the drug's name became "hemin,".
    import spacy

    from pipeline.ner.merge import trimmed
    doc = spacy.blank("en")("other inducers, such as hemin, cytarabine, and imatinib.")
    span = Span(doc, 5, 7, label="CHEMICAL")  # "hemin ,"
    assert trimmed(span).text == "hemin"
    assert trimmed(Span(doc, 9, 11, label="CHEMICAL")).text == "imatinib"  # "and imatinib"


def test_a_final_letter_is_part_of_the_name():
    import spacy

    from pipeline.ner.merge import trimmed
    doc = spacy.blank("en")("Cells were stimulated with concanavalin A for two days.")
    assert trimmed(Span(doc, 4, 6, label="CHEMICAL")).text == "concanavalin A"
