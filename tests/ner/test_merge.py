"""The one rule that merges model spans with lexicon mentions (pipeline/ner/merge.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.grounding.cells import default_grounder
from pipeline.grounding.context import CellContext
from pipeline.ner.merge import abbreviates, merge_model_mentions, model_mention
from pipeline.ner.recognizer import Mention


@pytest.fixture()
def doc(tokenizer_nlp):
    doc = tokenizer_nlp("Ionomycin and lenalidomide killed activated Jurkat T cells in DMSO.")
    for token in doc:  # what the tagger would say, near enough for these spans
        token.tag_ = "VBD" if token.text == "killed" else "NN"
    return doc


def span(doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


def lexicon(doc, text: str, label: str) -> Mention:
    found = span(doc, text, label)
    return Mention(found.start_char, found.end_char, label, text.lower(), (), "lexicon",
                   first_token=found.start, last_token=found.end - 1)


def merge(doc, mentions, spans: dict[str, list[Span]]) -> list[Mention]:
    for model, group in spans.items():
        doc.spans[f"ner:{model}"] = group
    return merge_model_mentions(mentions, doc, default_grounder(), CellContext())


def merged_chemicals(tokenizer_nlp, text: str, names: list[str], tag: str = "NN",
                     tags: dict[str, str] | None = None) -> list[str]:
    """The texts that merge() keeps of one model's CHEMICAL spans ``names`` in ``text``, its
    tokens tagged ``tag`` (or ``tags[word]``) as a tagger would, near enough."""
    doc = tokenizer_nlp(text)
    for token in doc:
        token.tag_ = (tags or {}).get(token.lower_, tag)
    merged = merge(doc, [], {"m": [span(doc, name, "CHEMICAL") for name in names]})
    return [doc.text[m.start:m.end] for m in merged]


def test_a_model_span_that_overlaps_a_lexicon_mention_is_dropped(doc):
    lenalidomide = lexicon(doc, "lenalidomide", "DRUG")
    merged = merge(doc, [lenalidomide], {"m": [span(doc, "Ionomycin and lenalidomide", "CHEMICAL")]})
    assert merged == [lenalidomide]


def test_a_model_only_span_is_added_with_our_label_and_its_source(doc):
    merged = merge(doc, [lexicon(doc, "lenalidomide", "DRUG")],
                   {"ner-bc5cdr": [span(doc, "Ionomycin", "CHEMICAL")]})
    added = merged[0]
    assert (added.label, added.norm, added.source, added.match) == (
        "DRUG", "ionomycin", "ner-bc5cdr", "none")


def test_overlapping_model_spans_keep_the_longer(doc):
    merged = merge(doc, [], {"a": [span(doc, "Jurkat", "CELL_LINE")],
                             "b": [span(doc, "activated Jurkat T cells", "CELL_TYPE")]})
    assert [(m.label, doc.text[m.start:m.end], m.source) for m in merged] == [
        ("CELL", "activated Jurkat T cells", "b")]


def test_on_a_tie_cell_beats_drug(doc):
    merged = merge(doc, [], {"a": [span(doc, "Jurkat T cells", "SIMPLE_CHEMICAL")],
                             "b": [span(doc, "Jurkat T cells", "CELL_TYPE")]})
    assert [m.label for m in merged] == ["CELL"]


def test_the_majority_of_models_decides(doc):
    merged = merge(doc, [], {"a": [span(doc, "Ionomycin", "CHEMICAL")],
                             "b": [span(doc, "Ionomycin", "GENE_OR_GENE_PRODUCT")],
                             "c": [span(doc, "Ionomycin", "PROTEIN")]})
    assert [m.label for m in merged] == ["GENE"]


def test_a_type_we_do_not_use_can_outvote_a_drug(doc):
    merged = merge(doc, [], {"a": [span(doc, "DMSO", "SIMPLE_CHEMICAL")],
                             "b": [span(doc, "DMSO", "ORGAN")],
                             "c": [span(doc, "DMSO", "TISSUE")]})
    assert merged == []


def test_spans_that_cannot_be_what_their_label_says_are_left_out(tokenizer_nlp):
    doc = tokenizer_nlp("We define [3H]thymidine uptake of cells in NCT01234567 and SKOV3.")
    for token in doc:
        token.tag_ = "VBP" if token.text == "define" else "NN"
    merged = merge(doc, [], {"m": [span(doc, "define", "CHEMICAL"),
                                   span(doc, "[3H]thymidine", "CHEMICAL"),
                                   span(doc, "cells", "CELL"),
                                   span(doc, "NCT01234567", "CELL_LINE"),
                                   span(doc, "SKOV3", "CELL_LINE")]})
    assert [(m.label, doc.text[m.start:m.end]) for m in merged] == [("CELL_LINE", "SKOV3")]


def test_a_model_cell_is_grounded_in_the_cell_ontology(doc):
    mention = model_mention("ner-jnlpba", span(doc, "activated Jurkat T cells", "CELL_TYPE"),
                            default_grounder(), CellContext())
    assert mention.ids and mention.ids[0].startswith("CL:")
    assert mention.source == "ner-jnlpba"


def test_solvents_and_unused_types_do_not_become_entities(doc):
    grounder, context = default_grounder(), CellContext()
    assert model_mention("m", span(doc, "cells", "ORGANISM"), grounder, context) is None
    assert merge(doc, [], {"m": [span(doc, "DMSO", "CHEMICAL")]}) == []


def test_a_model_drug_in_the_dictionary_gets_its_ids(doc):
    mention = model_mention("m", span(doc, "lenalidomide", "CHEMICAL"), default_grounder(),
                            CellContext())
    assert "DRUGBANK:DB00480" in mention.ids


def test_on_a_tie_the_longer_span_wins(tokenizer_nlp):
    doc = tokenizer_nlp("Ibrutinib blocks Bruton's tyrosine kinase in MDSCs.")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"a": [span(doc, "tyrosine", "CHEMICAL")],
                             "b": [span(doc, "Bruton's tyrosine kinase", "GENE_OR_GENE_PRODUCT")]})
    assert [(m.label, doc.text[m.start:m.end]) for m in merged] == [
        ("GENE", "Bruton's tyrosine kinase")]


def test_a_short_form_defined_as_no_substance_is_not_a_drug(tokenizer_nlp):
    doc = tokenizer_nlp("Lenalidomide enhanced ADCC of NK cells.")
    for token in doc:
        token.tag_ = "NN"
    substances = {"ADCC": False, "2-DG": True}
    doc.spans["ner:m"] = [span(doc, "ADCC", "CHEMICAL")]
    merged = merge_model_mentions([], doc, default_grounder(), CellContext(), substances)
    assert merged == []


def test_definitions_are_recorded_with_whether_they_name_a_substance(nlp):
    from pipeline.context import DocumentContext

    context = DocumentContext()
    doc = nlp.make_doc("Antibody-dependent cellular cytotoxicity (ADCC) and dexamethasone (DEX) "
                       "were studied in T cells.")
    doc._.document_context = context
    for name, component in nlp.pipeline:
        if name != "drug_cell_claims":
            doc = component(doc)
    assert context.substances == {"ADCC": False, "DEX": True}


def test_an_undefined_acronym_needs_two_models_to_be_a_drug(tokenizer_nlp):
    doc = tokenizer_nlp("Lenalidomide enhanced ADCC and GTP loading of NK cells.")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"a": [span(doc, "ADCC", "CHEMICAL"), span(doc, "GTP", "CHEMICAL")],
                             "b": [span(doc, "GTP", "SIMPLE_CHEMICAL")]})
    assert [doc.text[m.start:m.end] for m in merged] == ["GTP"]


def test_a_chemical_before_scavenger_or_inhibitor_is_not_the_agent(tokenizer_nlp):
    doc = tokenizer_nlp("Glutathione, a reactive oxygen species scavenger, protected NK cells.")
    for token in doc:
        token.tag_ = "NN"
    assert merge(doc, [], {"a": [span(doc, "reactive oxygen species", "CHEMICAL")]}) == []


def test_a_drug_class_written_as_an_adjective_names_no_agent(nlp):
    doc = nlp("Hyperforin is a key player in the antidepressant activity of the plant.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["Hyperforin"]


def test_a_brand_name_starting_with_a_function_word_does_not_match_prose(nlp):
    # Regression: "AT 10" (dihydrotachysterol) matched "while at 10 microM".
    doc = nlp("Thalidomide increased migration, while at 10 microM it decreased it.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["Thalidomide"]


def test_a_drug_class_inside_an_adjective_stays_a_drug(nlp):
    doc = nlp("Glucocorticoids (GCs) act on monocytes. The GC-induced expression pattern was studied.")
    assert "GC" in [m.text(doc) for m in doc._.mentions if m.label == "DRUG"]


def test_cell_words_naming_a_process_are_no_population(nlp):
    for text in ["NaF induced apoptotic cell death in tumor cells.",
                 "Ciprofloxacin mediated S/G2-M cell cycle arrest in bladder cancer cells.",
                 "Thalidomide did not change proliferation of 72-h cell cultures."]:
        doc = nlp(text)
        cells = [m.text(doc) for m in doc._.mentions if m.label == "CELL"]
        assert not {"apoptotic cell", "M cell", "h cell"} & set(cells), text


def test_a_bare_outcome_word_is_not_a_disease(nlp):
    # Regression: BC5CDR's DISEASE "death" made "leukocyte" part of a disease name.
    doc = nlp("L-Carnitine ameliorates oxidative organ injury and inhibits leukocyte death.")
    assert [(c.drug, c.cell, c.direction) for c in doc._.claims] == [
        ("L-Carnitine", "leukocyte", "decrease")]


def test_a_type_we_do_not_use_wins_a_tie_with_a_chemical(doc):
    merged = merge(doc, [], {"a": [span(doc, "DMSO", "SIMPLE_CHEMICAL")],
                             "b": [span(doc, "DMSO", "CELLULAR_COMPONENT")]})
    assert merged == []


def test_a_gene_name_or_a_loose_grounding_does_not_make_a_model_cell(tokenizer_nlp):
    # Regression: "PD-1" passed as line-shaped and "Staphylococcal enterotoxin B" grounded as a
    # B cell by the head-only fallback.
    doc = tokenizer_nlp("CT-011 blocks PD-1 on cells exposed to Staphylococcal enterotoxin B (SEB).")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"m": [span(doc, "PD-1", "CELL"),
                                   span(doc, "Staphylococcal enterotoxin B", "CELL")],
                             "n": [span(doc, "PD-1", "CELL_LINE")]})
    assert merged == []


def test_a_unit_is_not_a_drug(tokenizer_nlp):
    # Regression: the BC5CDR model called "mumol/L" (in "ara-C at 10 mumol/L") a chemical.
    doc = tokenizer_nlp("Cytarabine at 10 mumol/L or 100 U/mL killed leukemic cells.")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"a": [span(doc, "Cytarabine", "CHEMICAL"),
                                   span(doc, "mumol/L", "CHEMICAL"),
                                   span(doc, "U/mL", "CHEMICAL")]})
    assert [doc.text[m.start:m.end] for m in merged] == ["Cytarabine"]


def test_the_short_form_of_a_model_drug_is_that_drug_wherever_it_occurs(tokenizer_nlp):
    # Regression: the model tagged "20-Hydroxyeicosatetraenoic acid" but neither "20-HETE",
    # and scispaCy's abbreviation detector skips short forms that start with a digit.
    doc = tokenizer_nlp("20-Hydroxyeicosatetraenoic acid (20-HETE) is made by P450. Pure 20-HETE "
                        "and sodium azide solution (SAS) were added.")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"a": [span(doc, "20-Hydroxyeicosatetraenoic acid", "CHEMICAL"),
                                   span(doc, "sodium azide", "CHEMICAL")]})
    drugs = [(doc.text[m.start:m.end], m.norm) for m in merged if m.label == "DRUG"]
    assert drugs.count(("20-HETE", "20-hydroxyeicosatetraenoic acid")) == 2
    assert "SAS" not in [text for text, _ in drugs]  # its long form is more than the drug


@pytest.mark.parametrize("short, long_form, expected", [
    ("20-HETE", "20-Hydroxyeicosatetraenoic acid", True),
    ("ATO", "arsenic trioxide", True),
    ("5-FU", "5-fluorouracil", True),
    ("NaF", "sodium fluoride", False),
    ("PEG-SOD", "polyethylene glycol", False),
    ("12", "interleukin 12", False),
])
def test_a_short_form_abbreviates_its_long_form_letter_by_letter(tokenizer_nlp, short, long_form,
                                                                 expected):
    doc = tokenizer_nlp(f"{long_form} ({short})")
    opening = [t.text for t in doc].index("(")
    assert abbreviates(doc[opening + 1:opening + 2], doc[:opening]) is expected


def drugs(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [m.text(doc) for m in doc._.mentions if m.label == "DRUG"]


def test_a_drug_name_before_receptor_names_the_receptor(nlp):
    # Regression: "glucocorticoid" in "glucocorticoid receptor-mediated transcription" was an
    # agent acting on the cells.
    assert drugs(nlp, "Desipramine affects glucocorticoid receptor-mediated transcription in "
                      "Ca3/7 cells.") == ["Desipramine"]


def test_a_drug_class_before_a_drugs_name_only_describes_it(nlp):
    # Regression: "the tricyclic antidepressant desipramine" gave a second claim to the class.
    assert drugs(nlp, "We studied the tricyclic antidepressant desipramine in MCF-7 cells.") == [
        "desipramine"]


def test_mitogen_is_no_drug(nlp):
    # Regression: "mitogen" of "mitogen-activated protein kinase" was an agent.
    assert drugs(nlp, "Cisplatin activated mitogen-activated protein kinase in HeLa cells.") == [
        "Cisplatin"]


def test_a_word_with_an_object_is_a_verb_not_a_drug(tokenizer_nlp):
    # Regression: the BC5CDR model tagged "restrains" in "and restrains angiogenesis".
    doc = tokenizer_nlp("Hyperforin blocks activation and restrains angiogenesis.")
    for token in doc:
        token.tag_ = "NN"
    doc[5].head, doc[5].dep_ = doc[4], "dobj"
    merged = merge(doc, [], {"a": [span(doc, "Hyperforin", "CHEMICAL"),
                                   span(doc, "restrains", "CHEMICAL")]})
    assert [doc.text[m.start:m.end] for m in merged] == ["Hyperforin"]


def test_a_span_that_leaves_a_bracket_open_takes_the_closing_one(tokenizer_nlp):
    doc = tokenizer_nlp("Adhesion was mediated by sialyl Lewis(x) on cancer cells.")
    assert ")" in [t.text for t in doc]  # "Lewis(x" and ")" are two tokens
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"a": [span(doc, "sialyl Lewis(x", "SIMPLE_CHEMICAL")]})
    assert [doc.text[m.start:m.end] for m in merged] == ["sialyl Lewis(x)"]


def test_a_single_letter_and_an_adjective_are_no_entities(tokenizer_nlp):
    # Regressions: "A." (a figure panel) as a chemical; "antitumor" as a cancer, which then
    # hid the NK cells of "NK-cell antitumor activity".
    doc = tokenizer_nlp("A. Lenalidomide enhanced NK-cell antitumor activity.")
    for token in doc:
        token.tag_ = "JJ" if token.text == "antitumor" else "NN"
    merged = merge(doc, [], {"a": [span(doc, "A.", "CHEMICAL"), span(doc, "antitumor", "CANCER"),
                                   span(doc, "Lenalidomide", "CHEMICAL")]})
    assert [doc.text[m.start:m.end] for m in merged] == ["Lenalidomide"]


def test_a_generic_drug_phrase_before_a_drugs_name_only_describes_it(tokenizer_nlp):
    from pipeline.ner.component import describes_the_next_drug

    doc = tokenizer_nlp("Treg were sensitive to the alkylating drugs temozolomide and nimustine.")
    phrase, name = span(doc, "alkylating drugs", "DRUG"), span(doc, "temozolomide", "DRUG")
    mentions = [Mention(s.start_char, s.end_char, "DRUG", s.text.lower(), (), "m", "none", kind,
                        s.start, s.end - 1) for s, kind in ((phrase, "model"), (name, ""))]
    assert describes_the_next_drug(doc, mentions[0], mentions)
    assert not describes_the_next_drug(doc, mentions[1], mentions)


def test_a_name_before_positive_is_a_marker_not_a_drug(nlp):
    # Regression: "Helios positive Treg" (a joint-model head called Helios a chemical).
    from pipeline.ner.component import names_a_receptor_or_marker

    doc = nlp.make_doc("Suppression by Th and Helios positive Treg fell.")
    helios = Mention(22, 28, "DRUG", "helios", (), "m", "none", "model", 4, 4)
    assert doc[4].text == "Helios" and names_a_receptor_or_marker(doc, helios)


@pytest.mark.parametrize("text, expected", [
    # Regression: the dev gold counts IL-6 as the drug; it was always a measured gene.
    ("The addition of IL-6 counteracts the action of lenalidomide on T cells.", ["IL-6", "lenalidomide"]),
    ("Islet activation is reduced by IL-1Ra treatment in immune cells.", ["IL-1Ra"]),
    ("IL-6 levels increased in T cells treated with lenalidomide.", ["lenalidomide"]),
])
def test_a_cytokine_is_a_drug_only_where_it_is_given(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_an_anti_adjective_is_no_disease_even_tagged_as_a_noun(tokenizer_nlp):
    # Regression (core 0.2.0's tagger reads "antitumor" as a noun): a model's DISEASE
    # "antitumor" hid the "NK-cell" beside it as part of a disease name.
    doc = tokenizer_nlp("Improvement in NK-cell antitumor activity is seen with lenalidomide.")
    for token in doc:
        token.tag_ = "NN"
    merged = merge(doc, [], {"m": [span(doc, "antitumor", "DISEASE")]})
    assert merged == []


def test_mouse_strains_haplotypes_and_prefixed_words_are_no_drugs(tokenizer_nlp):
    # Regressions found with core 0.2.0 on GENIA abstracts, whose tagger reads these as nouns
    assert merged_chemicals(tokenizer_nlp, "Mice of strains C57BL/10SnJ and C3HeB/FeJ with H-2k "
                            "co-operate here.",
                            ["C57BL/10SnJ", "C3HeB/FeJ", "H-2k", "co-operate"]) == []


def test_a_duration_is_no_drug(tokenizer_nlp):
    # Regression (GENIA): "Ten-day exposure to Epo induced mature erythroblasts" made a claim
    # for "Ten-day"
    assert merged_chemicals(tokenizer_nlp, "Ten-day exposure and 48-hour cultures and two weeks.",
                            ["Ten-day", "48-hour"]) == []


def test_a_dose_is_not_part_of_the_drugs_name(tokenizer_nlp):
    # Regression: a model read "0.2 mmol/L diamide" as the drug, and "0.1 nmol/L" alone
    from pipeline.ner.component import names_a_virus_or_a_measure
    from pipeline.ner.merge import trimmed

    doc = tokenizer_nlp("Cells were treated with 0.2 mmol/L diamide or 0.1 nmol/L of it.")
    assert trimmed(span(doc, "0.2 mmol/L diamide", "CHEMICAL")).text == "diamide"
    dose = span(doc, "0.1 nmol/L", "DRUG")
    assert names_a_virus_or_a_measure(doc, Mention(dose.start_char, dose.end_char, "DRUG", "x",
                                                   first_token=dose.start,
                                                   last_token=dose.end - 1))


def test_an_authors_name_is_no_drug(tokenizer_nlp):
    # Regression (GENIA sample AM): "(T. Folks, ..., M. A. Martin, and A." in a citation made
    # "A. Martin" (and then "Martin") a drug with three claims
    assert merged_chemicals(tokenizer_nlp, "T-cell mitogens (T. Folks, M. A. Martin, and A.",
                            ["A. Martin", "Folks"], tag="NNP") == []
    # Regression (GENIA sample AQ): "[..., Meistrell, M., ..., Manogue, K. R., ..., Cerami, A. &
    # Tracey, K. J. (1995)" gave four "drugs"
    assert merged_chemicals(tokenizer_nlp, "TNF [Meistrell, M., Manogue, K. R., Cerami, A. & "
                            "Tracey, K. J. (1995)",
                            ["Meistrell", "K. R.", "A. & Tracey, K. J."], tag="NNP") == []


def test_a_cut_phrase_or_a_numbered_factor_is_no_drug(tokenizer_nlp):
    # Regressions (GENIA sample AO): a model read "protein of" (of "fmol/mg protein of
    # estrogen receptor") and "factor II" (of "binding factor II") as chemicals
    assert merged_chemicals(tokenizer_nlp, "It had 11.8 fmol/mg protein of estrogen receptor and "
                            "binding factor II.", ["protein of", "factor II"],
                            tags={"of": "IN"}) == []


def test_a_word_with_a_diseases_ending_is_no_drug(tokenizer_nlp):
    # Regression (GENIA sample AN): a model read "granulomatoses" as a chemical, which then
    # inhibited immune cells
    assert merged_chemicals(tokenizer_nlp, "It explains calcitriol overproduction in "
                            "granulomatoses.", ["granulomatoses", "calcitriol"],
                            tag="NNS") == ["calcitriol"]
    # not a chemical's plural: "Phosphatidylinositides bind to CD14" (GENIA D)
    assert len(merged_chemicals(tokenizer_nlp, "Phosphatidylinositides and hexoses bind.",
                                ["Phosphatidylinositides", "hexoses"], tag="NNS")) == 2


def test_autocrine_and_paracrine_are_no_drugs(tokenizer_nlp):
    # Regression (GENIA sample AT): a model read "paracrine" (of "autocrine and paracrine
    # growth") as a chemical that inhibited tumor cell apoptosis
    assert merged_chemicals(tokenizer_nlp, "IL-6 mediates autocrine and paracrine growth of "
                            "myeloma cells.", ["paracrine", "autocrine"]) == []
