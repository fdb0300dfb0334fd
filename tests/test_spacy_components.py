"""The NER and claim stages as spaCy components inside a user's own pipeline."""

import spacy

import pipeline.claims.component
import pipeline.ner.component  # noqa: F401
from pipeline.nlp import core_model_path


def test_components_in_a_users_pipeline():
    import scispacy.abbreviation  # noqa: F401

    nlp = spacy.load(core_model_path())
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("drug_cell_ner")
    nlp.add_pipe("drug_cell_claims")
    doc = nlp("Natural killer (NK) cells were studied. Lenalidomide enhanced the cytotoxicity "
              "of NK cells.")
    assert [(c.drug, c.cell, c.direction) for c in doc._.claims] == [
        ("Lenalidomide", "NK cells", "increase")]
    sentence = list(doc.sents)[1]
    first = next(iter(doc.sents))
    assert len(sentence._.claims) == 1 and not first._.claims
    labels = {span.label_ for span in doc.spans["drug_cell_entities"]}
    assert {"DRUG", "CELL"} <= labels
