import pytest

from pipeline.ner.recognizer import Recognizer, resolve_overlaps
from pipeline.ner.terms import term_key


@pytest.fixture(scope="module")
def recognize(tokenizer_nlp):
    recognizer = Recognizer()

    def run(text, abbreviations=None):
        doc = tokenizer_nlp(text)
        return [(m.text(doc), m.label, m.norm, m.ids) for m in recognizer(doc, abbreviations)]

    return run


def test_term_key_unifies_spelling_variants():
    assert term_key("T-cell") == term_key("T cell") == term_key("t–cell")
    assert term_key("CD8(+)") == "cd8+"


def test_drug_names_brands_and_ids(recognize):
    found = recognize("Revlimid and thalidomide were given.")
    assert found[0][:3] == ("Revlimid", "DRUG", "lenalidomide")
    assert "DRUGBANK:DB00480" in found[0][3]
    assert found[1][:3] == ("thalidomide", "DRUG", "thalidomide")


def test_conflicting_mesh_ids_are_corrected(recognize):
    ids = {m[0]: m[3] for m in recognize("lenalidomide versus thalidomide")}
    assert "MESH:D000077269" in ids["lenalidomide"]
    assert "MESH:D013792" in ids["thalidomide"]
    assert not set(ids["lenalidomide"]) & set(ids["thalidomide"])


def test_drug_inside_hyphenated_token(recognize):
    found = recognize("NK-mediated ADCC of rituximab-treated cells")
    assert found[1][:2] == ("rituximab", "DRUG")
    assert found[0][:2] == ("NK", "CELL")


def test_cell_variants_and_ontology_ids(recognize):
    found = {m[0]: (m[2], m[3]) for m in recognize(
        "NK cells, T-cells, Tregs and dendritic cells were studied.")}
    assert found["NK cells"] == ("natural killer cell", ("CL:0000623",))
    assert found["T-cells"][1] == ("CL:0000084",)
    assert found["Tregs"][1] == ("CL:0000815",)
    assert found["dendritic cells"][1] == ("CL:0000451",)


def test_marker_defined_and_modified_cells(recognize):
    found = {m[0]: m[2] for m in recognize("CD4+ T cells and autologous CD8(+) T cells respond.")}
    assert found["CD4+ T cells"] == "CD4-positive, alpha-beta T cell"
    assert found["autologous CD8(+) T cells"] == "CD8-positive, alpha-beta T cell"


def test_disease_defined_populations_use_document_abbreviations(recognize):
    found = recognize("CLL cells and tumor cells", {"CLL": "chronic lymphocytic leukemia"})
    assert found[0][:2] == ("CLL cells", "CELL")
    assert found[0][3] == ("CL:0000236",)
    assert found[1][:2] == ("tumor cells", "CELL")


def test_bare_t_only_in_coordination(recognize):
    assert ("T", "CELL") in [m[:2] for m in recognize("stimulates T and NK cells")]
    assert "T" not in [m[0] for m in recognize("the T value was high")]


def test_antibodies_by_target(recognize):
    found = recognize("the anti-PD-1 antibody and anti-CD20 monoclonal antibodies")
    assert [(m[0], m[1]) for m in found] == [("anti-PD-1 antibody", "DRUG"),
                                             ("anti-CD20 monoclonal antibodies", "DRUG")]


def test_stoplisted_cytokines_are_not_drugs(recognize):
    assert "DRUG" not in [m[1] for m in recognize("IL-2 production increased")]


def test_cell_lines(recognize):
    found = recognize("U266 cells were incubated")
    assert found[0][:2] == ("U266 cells", "CELL_LINE")


def test_overlap_rule_prefers_longer_then_cell():
    from pipeline.ner.recognizer import Mention

    long = Mention(0, 10, "DISEASE", "x")
    short = Mention(0, 4, "DRUG", "y")
    tie_cell, tie_drug = Mention(20, 25, "CELL", "c"), Mention(20, 25, "DRUG", "d")
    kept = resolve_overlaps([short, long, tie_drug, tie_cell])
    assert kept == [long, tie_cell]


def test_molecules_that_are_not_drugs_are_ignored(recognize):
    text = "BTK, TCR, interleukin, IL-12, mRNA, kinases, thymidine and nitric oxide were measured."
    assert [m for m in recognize(text) if m[1] == "DRUG"] == []


def test_drug_classes_from_mesh_pharmacologic_actions(recognize):
    assert recognize("glucocorticoids")[0][:2] == ("glucocorticoids", "DRUG")
