"""The dictionary component of the corpus NER models (pipeline.ner.model_lexicon)."""

from pipeline.ner.model_lexicon import combine_entities


def test_a_model_span_that_is_a_dictionary_match_takes_its_label():
    # "iohexol" read as a disease by the network, a drug in the dictionary
    assert combine_entities([(2, 3, "DISEASE")], [(2, 3, "CHEMICAL", False)]) == \
        [(2, 3, "CHEMICAL")]


def test_matches_that_overlap_no_model_span_are_added_but_not_classes():
    model = [(0, 2, "CHEMICAL")]
    dictionary = [(1, 2, "CHEMICAL", False),   # inside a model span: the model's bounds stay
                  (4, 5, "CHEMICAL", False),   # new: added
                  (7, 8, "CHEMICAL", True)]    # a class ("opioid"): not annotated in BC5CDR
    assert combine_entities(model, dictionary) == [(0, 2, "CHEMICAL"), (4, 5, "CHEMICAL")]


def test_overlapping_dictionary_matches_add_only_the_first():
    dictionary = [(3, 6, "CHEMICAL", False), (4, 5, "CHEMICAL", False)]
    assert combine_entities([], dictionary) == [(3, 6, "CHEMICAL")]


def test_the_drug_cell_pipeline_leaves_the_component_out():
    from pipeline.ner.neural import load_ner_model

    assert "lexicon_entities" not in load_ner_model("ner-bc5cdr").nlp.pipe_names
