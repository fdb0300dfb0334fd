"""Model drugs as the claim rules need them (pipeline/ner/merge.py): the agent of a span that
runs into a participle ("Con A-activated mouse" → "Con A"), and the short form a text defines
after a drug ("sodium fluoride (NaF)") grounded as that drug."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.grounding.cells import default_grounder
from pipeline.grounding.context import CellContext
from pipeline.ner.merge import merge_model_mentions
from pipeline.ner.recognizer import Mention


def tagged(tokenizer_nlp, text: str):
    doc = tokenizer_nlp(text)
    for token in doc:  # what the tagger would say, near enough for these spans
        token.tag_ = "NN"
    return doc


def span(doc, text: str, label: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    found = doc.char_span(start, start + len(text), label=label)
    assert found is not None, text
    return found


def merge(doc, spans: dict[str, list[Span]], mentions: list[Mention] | None = None) -> list[Mention]:
    for model, group in spans.items():
        doc.spans[f"ner:{model}"] = group
    return merge_model_mentions(mentions or [], doc, default_grounder(), CellContext())


def readings(doc, merged: list[Mention]) -> list[tuple[str, str]]:
    return [(m.label, doc.text[m.start:m.end]) for m in merged]


# -- a drug span that runs into a participle ------------------------------------------------

def test_a_drug_span_running_into_a_participle_is_the_agent_before_the_hyphen(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Con A-stimulated rat thymus cells secreted IL-2.")
    assert [t.text for t in doc][:2] == ["Con", "A-stimulated"]  # the hyphen is inside a token
    merged = merge(doc, {"a": [span(doc, "Con A-stimulated rat", "CHEMICAL")],
                         "b": [span(doc, "Con A-stimulated", "SIMPLE_CHEMICAL"),
                               span(doc, "thymus cells", "CELL")]})
    assert readings(doc, merged) == [("DRUG", "Con A"), ("CELL", "thymus cells")]
    drug = merged[0]
    assert drug.norm == "con a" and (drug.first_token, drug.last_token) == (0, 1)
    tokens = doc.char_span(drug.start, drug.end, alignment_mode="expand")
    assert (tokens.start, tokens.end - 1) == (drug.first_token, drug.last_token)


def test_the_cut_agent_is_regrounded_in_the_dictionary(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Lenalidomide-treated donor T cells expanded.")
    merged = merge(doc, {"a": [span(doc, "Lenalidomide-treated donor", "CHEMICAL")]})
    assert readings(doc, merged) == [("DRUG", "Lenalidomide")]
    assert "DRUGBANK:DB00480" in merged[0].ids


def test_a_participle_token_after_the_agent_is_left_out(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Some LPS -induced rat macrophages died.")
    assert "-induced" in [t.text for t in doc]
    merged = merge(doc, {"a": [span(doc, "LPS -induced rat", "CHEMICAL")],
                         "b": [span(doc, "LPS", "CHEMICAL")]})
    drug = merged[0]
    assert readings(doc, merged) == [("DRUG", "LPS")]
    assert doc.char_span(drug.start, drug.end) is not None


def test_a_protein_name_with_a_participle_is_no_agent(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Metformin acts on AMP-activated protein kinase in liver cells.")
    merged = merge(doc, {"a": [span(doc, "AMP-activated protein kinase", "CHEMICAL")]})
    assert merged == []


def test_the_agent_before_a_participle_is_judged_as_read(tokenizer_nlp):
    # A solvent is no drug, whatever participle follows it.
    doc = tagged(tokenizer_nlp, "We compared DMSO-treated control cultures.")
    assert merge(doc, {"a": [span(doc, "DMSO-treated control", "CHEMICAL")]}) == []


def test_a_participle_after_a_model_drug_leaves_the_cells_to_the_claim(nlp):
    doc = nlp("Apoptosis was reduced in Con A-activated rat lymph node cells.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["Con A"]
    assert [(c.drug, c.cell) for c in doc._.claims] == [("Con A", "lymph node cells")]
