"""The dictionary and short-form component of the corpus NER models (pipeline.ner.model_lexicon)."""

from pipeline.ner.model_lexicon import Definition, Match, combine_entities, with_short_forms


def test_a_model_span_that_is_a_dictionary_match_takes_its_label():
    # "iohexol" read as a disease by the network, a drug in the dictionary
    assert combine_entities([(2, 3, "DISEASE")], [Match(2, 3, "CHEMICAL", False)]) == \
        [(2, 3, "CHEMICAL")]


def test_matches_that_overlap_no_model_span_are_added_but_not_classes():
    model = [(0, 2, "CHEMICAL")]
    dictionary = [Match(1, 2, "CHEMICAL", False),   # inside a model span: its bounds stay
                  Match(4, 5, "CHEMICAL", False),   # new: added
                  Match(7, 8, "CHEMICAL", True)]    # a class ("opioid"): not annotated
    assert combine_entities(model, dictionary) == [(0, 2, "CHEMICAL"), (4, 5, "CHEMICAL")]


def test_overlapping_dictionary_matches_add_only_the_first():
    dictionary = [Match(3, 6, "CHEMICAL", False), Match(4, 5, "CHEMICAL", False)]
    assert combine_entities([], dictionary) == [(3, 6, "CHEMICAL")]


def test_a_short_form_takes_its_long_forms_label_everywhere():
    # "idiopathic Parkinson 's disease ( PD ) ... PD ... PD": the model tagged the long form's
    # head and one later "PD" as a chemical.
    entities = [(1, 4, "DISEASE"), (10, 11, "CHEMICAL")]
    definitions = [Definition(5, 6, 0, 4, "PD"), Definition(10, 11, 0, 4, "PD"),
                   Definition(14, 15, 0, 4, "PD")]
    assert with_short_forms(entities, definitions) == [
        (1, 4, "DISEASE"), (5, 6, "DISEASE"), (10, 11, "DISEASE"), (14, 15, "DISEASE")]


def test_a_short_form_whose_long_form_is_no_entity_is_left_alone():
    entities = [(10, 11, "CHEMICAL")]
    assert with_short_forms(entities, [Definition(10, 11, 0, 4, "PD")]) == entities


def test_the_drug_cell_pipeline_leaves_the_component_out():
    from pipeline.ner.neural import load_ner_model

    assert "lexicon_entities" not in load_ner_model("ner-bc5cdr").nlp.pipe_names


def test_the_component_finds_the_documents_short_forms():
    from tests.train.test_ner_models import need

    nlp = need("ner-jnlpba")
    doc = nlp.make_doc("Patients had high levels of glucocorticoid receptor (GR) in T cells. "
                       "GR fell after treatment.")
    receptor = doc.text.index("glucocorticoid receptor")
    doc.ents = [doc.char_span(receptor, receptor + len("glucocorticoid receptor"), "PROTEIN")]
    doc = nlp.get_pipe("lexicon_entities")(doc)
    found = [(e.text, e.label_) for e in doc.ents]
    assert found == [("glucocorticoid receptor", "PROTEIN"), ("GR", "PROTEIN"), ("GR", "PROTEIN")]
