"""Claim rules on sentences written for these tests, through the whole NLP pipeline."""

import pytest

from pipeline.context import DocumentContext, DrugRef


def claims_of(nlp, text, section="abstract", title_drugs=()):
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names:
        if name == "drug_cell_ner":
            doc._.document_context = DocumentContext(
                doc_id="t", section_id=section, section=section,
                title_drugs=[DrugRef(d, d.lower()) for d in title_drugs])
        doc = nlp.get_pipe(name)(doc)
    return [(c.drug_norm, c.cell, c.direction, c.assertion, c.implicit) for c in doc._.claims]


@pytest.mark.parametrize("text, drug, cell, direction", [
    ("Lenalidomide restores T-cell actin cytoskeletal signaling.", "lenalidomide", "T-cell",
     "increase"),
    ("Bortezomib induces apoptosis in resting natural killer cells.", "bortezomib",
     "resting natural killer cells", "increase"),
    ("Ibrutinib inhibited the migration of MDSCs.", "ibrutinib", "MDSCs", "decrease"),
    ("The effect of lenalidomide on stromal cells was studied.", "lenalidomide", "stromal cells",
     "unclear"),
])
def test_active_and_nominal_claims(nlp, text, drug, cell, direction):
    found = claims_of(nlp, text)
    assert (drug, cell, direction) in [c[:3] for c in found]


def test_passive_with_treatment_agent(nlp):
    text = ("NK-mediated ADCC of rituximab-treated chronic lymphocytic leukemia cells is enhanced "
            "by pre-incubation of NK cells with lenalidomide.")
    found = claims_of(nlp, text)
    pairs = {(c[0], c[1]) for c in found}
    assert ("lenalidomide", "NK cells") in pairs
    # rituximab only treats the target cells: no claim (guideline rules 4 and 9)
    assert not any(c[0] == "rituximab" for c in found)


def test_treatment_alone_is_not_a_claim(nlp):
    assert claims_of(nlp, "CLL cells were treated with lenalidomide for 24 hours.") == []


def test_negation_gives_no_change(nlp):
    found = claims_of(nlp, "Bortezomib did not affect the proliferation of T cells.")
    assert found and found[0][2] == "no_change"


def test_hedging(nlp):
    found = claims_of(nlp, "Lenalidomide may enhance the cytotoxicity of NK cells.")
    assert found and found[0][3] == "hedged"


def test_coordinated_cells_give_one_claim_each(nlp):
    found = claims_of(nlp, "Thalidomide stimulates CD4+ T cells and NK cells.")
    assert {c[1] for c in found} == {"CD4+ T cells", "NK cells"}


def test_implicit_drug_in_figure_legend(nlp):
    text = "Treatment of autologous T cells is required to enhance immune synapse formation."
    found = claims_of(nlp, text, section="figure", title_drugs=["Lenalidomide"])
    assert found == [("lenalidomide", "autologous T cells", "increase", "asserted", True)]


def test_no_claim_without_a_drug(nlp):
    assert claims_of(nlp, "T cells enhance the activity of NK cells.") == []
