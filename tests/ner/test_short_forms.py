"""Model drugs as the claim rules need them (pipeline/ner/merge.py): the agent of a span that
runs into a participle ("Con A-activated mouse" → "Con A"), and the short form a text defines
after a drug ("sodium fluoride (NaF)") grounded as that drug."""

from __future__ import annotations

import pytest
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
    # (an effect stated on the cells: "X-activated" cells are otherwise only in a state)
    doc = nlp("Con A-activated rat lymph node cells showed reduced apoptosis.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == ["Con A"]
    assert [(c.drug, c.cell) for c in doc._.claims] == [("Con A", "lymph node cells")]


# -- a short form defined right after a drug -------------------------------------------------

def lexicon_drug(doc, text: str, ids: tuple[str, ...] = (), kind: str = "") -> Mention:
    found = span(doc, text, "DRUG")
    return Mention(found.start_char, found.end_char, "DRUG", text.lower(), ids, "drug-dictionary",
                   "exact" if ids else "none", kind, found.start, found.end - 1)


def drugs_of(doc, merged: list[Mention]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(doc.text[m.start:m.end], m.norm, m.ids) for m in merged if m.label == "DRUG"]


def test_a_tagged_short_form_schwartz_hearst_misses_takes_the_long_forms_grounding(tokenizer_nlp):
    # "KF" cannot abbreviate "potassium fluoride" letter by letter (no "k" in it), and the
    # model's "KF" reading had no grounding: it was a second drug beside the long form.
    doc = tagged(tokenizer_nlp, "Potassium fluoride (KF) slowed growth. Later KF lowered the "
                                "viability of rat hepatocytes.")
    long_form = lexicon_drug(doc, "Potassium fluoride", ("DRUGBANK:DB-KF",))
    merged = merge(doc, {"a": [span(doc, "KF", "CHEMICAL"), span(doc, "KF", "CHEMICAL", 1)],
                         "b": [span(doc, "KF", "SIMPLE_CHEMICAL"),
                               span(doc, "KF", "SIMPLE_CHEMICAL", 1)]}, [long_form])
    assert drugs_of(doc, merged) == [
        ("Potassium fluoride", "potassium fluoride", ("DRUGBANK:DB-KF",)),
        ("KF", "potassium fluoride", ("DRUGBANK:DB-KF",)),
        ("KF", "potassium fluoride", ("DRUGBANK:DB-KF",))]


def test_a_short_form_of_several_tokens_is_read_up_to_its_closing_bracket(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "We added sialyl Lewis(a) (Le(a)) to the wells. Le(a) bound "
                                "to endothelial cells.")
    assert [t.text for t in doc][4:9] == [")", "(", "Le(a", ")", ")"]
    merged = merge(doc, {"a": [span(doc, "sialyl Lewis(a", "CHEMICAL"), span(doc, "Le(a", "CHEMICAL"),
                               span(doc, "Le(a", "CHEMICAL", 1)]})
    assert [(text, norm) for text, norm, _ in drugs_of(doc, merged)] == [
        ("sialyl Lewis(a)", "sialyl lewis(a)"), ("Le(a)", "sialyl lewis(a)"),
        ("Le(a)", "sialyl lewis(a)")]


def test_an_untagged_short_form_with_two_capitals_becomes_the_drug(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Potassium fluoride (KF) slowed growth. KF killed rat hepatocytes.")
    long_form = lexicon_drug(doc, "Potassium fluoride", ("DRUGBANK:DB-KF",))
    merged = merge(doc, {"a": [span(doc, "rat hepatocytes", "CELL")]}, [long_form])
    assert [text for text, norm, _ in drugs_of(doc, merged) if norm == "potassium fluoride"] == [
        "Potassium fluoride", "KF", "KF"]


def test_a_short_form_the_dictionary_grounds_keeps_its_own_grounding(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "Potassium fluoride (KF) slowed growth. KF killed rat hepatocytes.")
    long_form = lexicon_drug(doc, "Potassium fluoride", ("DRUGBANK:DB-KF",))
    short = lexicon_drug(doc, "KF", ("DRUGBANK:DB-OTHER",))
    merged = merge(doc, {"a": [span(doc, "KF", "CHEMICAL", 1)],
                         "b": [span(doc, "KF", "CHEMICAL", 1)]}, [long_form, short])
    assert [(text, ids) for text, _, ids in drugs_of(doc, merged)] == [
        ("Potassium fluoride", ("DRUGBANK:DB-KF",)), ("KF", ("DRUGBANK:DB-OTHER",)),
        ("KF", ("DRUGBANK:DB-KF",))]


@pytest.mark.parametrize("text, inside", [
    ("Potassium fluoride (Sigma) was bought from Sigma.", "Sigma"),  # a vendor
    ("Potassium fluoride (Fig.2A) slowed growth, as Fig.2A shows.", "Fig.2A"),  # a figure
])
def test_a_word_in_brackets_after_a_drug_is_not_always_its_short_form(tokenizer_nlp, text, inside):
    doc = tagged(tokenizer_nlp, text)
    merged = merge(doc, {}, [lexicon_drug(doc, "Potassium fluoride", ("DRUGBANK:DB-KF",))])
    assert [text_ for text_, _, _ in drugs_of(doc, merged)] == ["Potassium fluoride"]


def test_what_follows_a_drug_class_in_brackets_is_one_drug_of_the_class(tokenizer_nlp):
    doc = tagged(tokenizer_nlp, "The kinase inhibitor (XR51) slowed growth. XR51 killed rat hepatocytes.")
    merged = merge(doc, {"a": [span(doc, "XR51", "CHEMICAL"), span(doc, "XR51", "CHEMICAL", 1)]},
                   [lexicon_drug(doc, "kinase inhibitor", kind="class")])
    assert [(text, norm) for text, norm, _ in drugs_of(doc, merged)] == [
        ("kinase inhibitor", "kinase inhibitor"), ("XR51", "xr51"), ("XR51", "xr51")]


def test_the_claims_of_a_drug_and_its_short_form_fall_on_one_drug(nlp):
    doc = nlp("We found that sodium fluoride (NaF) induced apoptosis in rat thymocytes. NaF also "
              "lowered the viability of Jurkat cells.")
    assert {m.norm for m in doc._.mentions if m.label == "DRUG"} == {"sodium fluoride"}
    assert [(c.drug, c.drug_norm, c.cell) for c in doc._.claims] == [
        ("sodium fluoride", "sodium fluoride", "rat thymocytes"),
        ("NaF", "sodium fluoride", "Jurkat cells")]


def test_a_short_form_whose_long_form_is_more_than_the_drug_is_not_that_drug(nlp):
    # The lexicon finds "linoleic acid" in "conjugated linoleic acid (CLA)"; scispaCy's
    # detector reads the whole long form, and "CLA" is that, not linoleic acid.
    doc = nlp("Mice were fed conjugated linoleic acid (CLA) for four weeks. CLA reduced the "
              "proliferation of mammary epithelial cells.")
    assert [m.norm for m in doc._.mentions if m.text(doc) == "CLA"] == [
        "conjugated linoleic acid", "conjugated linoleic acid"]


def test_a_definition_read_in_an_earlier_section_applies_in_a_later_one(tokenizer_nlp):
    definitions = {}
    abstract = tagged(tokenizer_nlp, "Potassium fluoride (KF) slowed growth.")
    long_form = lexicon_drug(abstract, "Potassium fluoride", ("DRUGBANK:DB-KF",))
    merge_model_mentions([long_form], abstract, default_grounder(), CellContext(), {}, definitions)
    assert list(definitions) == ["KF"]
    legend = tagged(tokenizer_nlp, "KF killed rat hepatocytes.")
    legend.spans["ner:a"] = [span(legend, "KF", "CHEMICAL")]
    legend.spans["ner:b"] = [span(legend, "KF", "SIMPLE_CHEMICAL")]
    merged = merge_model_mentions([], legend, default_grounder(), CellContext(), {}, definitions)
    assert drugs_of(legend, merged) == [("KF", "potassium fluoride", ("DRUGBANK:DB-KF",))]
    untagged = tagged(tokenizer_nlp, "Later KF killed rat hepatocytes.")
    merged = merge_model_mentions([], untagged, default_grounder(), CellContext(), {}, definitions)
    assert drugs_of(untagged, merged) == [("KF", "potassium fluoride", ("DRUGBANK:DB-KF",))]
