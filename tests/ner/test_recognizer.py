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


@pytest.mark.parametrize("text, population", [
    # Regression (GENIA slice D): "CD8+ T cell prolymphocytic leukemia cells" was two
    # populations, "CD8+ T cell" and "leukemia cells", and so two claims
    ("growth of CD8+ T cell prolymphocytic leukemia cells", "CD8+ T cell prolymphocytic leukemia cells"),
    ("IL-2 stimulated T cell leukemia cells", "T cell leukemia cells"),
    ("adult T-cell leukemia cells", "T-cell leukemia cells"),
])
def test_the_cell_of_origin_of_a_disease_is_part_of_its_population(recognize, text, population):
    cells = [m[0] for m in recognize(text) if m[1] == "CELL"]
    assert cells == [population]


def test_rbc_and_wbc_are_erythrocytes_and_leukocytes(recognize):
    # Regression (BC5CDR sample DE): "dapsone-exposed RBCs" named no cells
    found = recognize("RBCs were lysed and WBCs rose")
    assert [(m[0], m[3]) for m in found] == [("RBCs", ("CL:0000232",)), ("WBCs", ("CL:0000738",))]


def test_bare_t_only_in_coordination(recognize):
    assert ("T", "CELL") in [m[:2] for m in recognize("stimulates T and NK cells")]
    assert "T" not in [m[0] for m in recognize("the T value was high")]


def test_every_conjunct_of_a_list_borrows_the_last_head(recognize):
    # Regression (CG sample CB): in "total lymphocytes, CD4+, CD8+ and NK cells" only CD8+,
    # the conjunct right before "and", was a cell; CD4+ was a gene
    cells = [m[0] for m in recognize("IL-2 increased total lymphocytes, CD4+, CD8+ and NK cells.")
             if m[1] == "CELL"]
    assert cells == ["lymphocytes", "CD4+", "CD8+", "NK cells"]
    # a list item that names no cell with the head stops the list
    cells = [m[0] for m in recognize("IL-2, the cytokine, IL-4 and NK cells were studied.")
             if m[1] == "CELL"]
    assert cells == ["NK cells"]


def test_antibodies_by_target(recognize):
    found = recognize("the anti-PD-1 antibody and anti-CD20 monoclonal antibodies")
    assert [(m[0], m[1]) for m in found] == [("anti-PD-1 antibody", "DRUG"),
                                             ("anti-CD20 monoclonal antibodies", "DRUG")]


def test_antibodies_named_by_a_target_after_the_noun(recognize):
    # Regression (CG train sample BC): "Antibodies to PA-1 ... inhibited the invasive potential
    # of HT1080 cells, as did an antibody to uPA" had no drug for either antibody
    found = recognize("Antibodies to PA-1 inhibited invasion, as did an antibody to uPA and a "
                      "neutralizing antibody against TNF-alpha; antibodies to the receptor "
                      "did not.")
    assert [(m[0], m[1], m[2]) for m in found if m[1] == "DRUG"] == [
        ("Antibodies to PA-1", "DRUG", "anti-pa-1 antibodies"),
        ("antibody to uPA", "DRUG", "anti-upa antibodies"),
        ("neutralizing antibody against TNF-alpha", "DRUG", "anti-tnf-alpha antibodies")]


def test_stoplisted_cytokines_are_not_drugs(recognize):
    assert "DRUG" not in [m[1] for m in recognize("IL-2 production increased")]


def test_a_cell_surface_is_no_population(recognize):
    # Regression (GENIA): "AIM/CD69 cell-surface expression" gave the cells "CD69 cell"
    found = recognize("Phorbol esters induce CD69 cell-surface expression on T cells.")
    assert [m[0] for m in found if m[1] == "CELL"] == ["T cells"]


def test_dnase_of_a_footprinting_assay_is_no_drug(recognize):
    assert "DRUG" not in [m[1] for m in recognize("When analyzed by DNase footprinting, "
                                                  "region II was protected in monocytes.")]


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


def test_document_abbreviations_name_drugs_for_the_rest_of_it(recognize):
    found = recognize("LEN enhanced NK cells.", {"LEN": "lenalidomide"})
    assert found[0][:3] == ("LEN", "DRUG", "lenalidomide")
    assert "DRUGBANK:DB00480" in found[0][3]
    assert "DRUG" not in [m[1] for m in recognize("LEN enhanced NK cells.")]


def test_drug_classes_are_typed_as_classes(tokenizer_nlp):
    doc = tokenizer_nlp("IMiDs, BTK inhibitors and anti-CD20 antibodies, unlike rituximab")
    kinds = {m.text(doc): m.kind for m in Recognizer()(doc) if m.label == "DRUG"}
    assert kinds == {"IMiDs": "class", "BTK inhibitors": "class", "anti-CD20 antibodies": "class",
                     "rituximab": "drug"}


def test_entity_span_is_the_cell_type_and_the_mention_the_population(tokenizer_nlp):
    doc = tokenizer_nlp("autologous CD8+ T cells and murine NK cells")
    mentions = {m.text(doc): m for m in Recognizer()(doc)}
    cd8 = mentions["autologous CD8+ T cells"]
    assert doc.text[slice(*cd8.term_span)] == "CD8+ T cells"
    assert (cd8.ids, cd8.match) == (("CL:0000625",), "composed")
    nk = mentions["murine NK cells"]
    assert doc.text[slice(*nk.term_span)] == "NK cells"
    assert nk.ids == ("CL:0000623",) and nk.qualifiers["species"] == "murine"


def test_population_qualifiers_and_modifiers(tokenizer_nlp):
    doc = tokenizer_nlp("primary CLL cells were studied")
    cll = Recognizer()(doc, {"CLL": "chronic lymphocytic leukemia"})[0]
    assert cll.text(doc) == "primary CLL cells"
    assert (cll.norm, cll.ids, cll.match) == ("B cell", ("CL:0000236",), "composed")
    assert cll.qualifiers["disease"] == "chronic lymphocytic leukemia"
    assert doc.text[slice(*cll.term_span)] == "CLL cells"


def test_first_conjunct_borrows_the_head(recognize):
    found = {m[0]: m[3] for m in recognize("inner and outer hair cells; B- and T-cells")}
    assert found["inner"] == ("CL:0000589",)
    assert found["B"] == ("CL:0000236",)
    assert found["T-cells"] == ("CL:0000084",)
    found = {m[0]: m[3] for m in recognize("rod and cone photoreceptors of the retina")}
    assert found["rod"] == ("CL:0000604",) and found["cone photoreceptors"] == ("CL:0000573",)


def test_defined_short_form_inside_its_long_form(recognize):
    found = recognize("natural killer (NK) cells and embryonic stem (ES) cells; ES clones",
                      {"NK": "natural killer", "ES": "embryonic stem"})
    assert [(m[0], m[3]) for m in found] == [
        ("natural killer (NK) cells", ("CL:0000623",)),
        ("embryonic stem (ES) cells", ("CL:0002322",)),
        ("ES", ("CL:0002322",)),
    ]


def test_a_short_form_of_several_pieces_inside_its_long_form(recognize):
    # Regression (CG train sample BB): "Cyclooxygenase-2 (COX-2) inhibitors" was no class (the
    # short form is three pieces), and the claim went to "COX-2", a gene
    found = recognize("Cyclooxygenase-2 (COX-2) inhibitors do not affect platelet function.",
                      {"COX-2": "Cyclooxygenase-2"})
    assert ("Cyclooxygenase-2 (COX-2) inhibitors", "DRUG") in [(m[0], m[1]) for m in found]


def test_dc_needs_a_definition_or_dendritic_cells(recognize):
    assert recognize("DC and RB wrote the paper.") == []
    assert recognize("DCs and dendritic cells")[0][3] == ("CL:0000451",)
    assert recognize("DC were cultured", {"DC": "dendritic cells"})[0][3] == ("CL:0000451",)


def test_named_cell_lines_with_checked_accessions(recognize):
    found = {m[0]: (m[1], m[2], m[3]) for m in recognize(
        "MCF7, Jurkat, K562 and HL-60 cells; OCI-Ly19 cells; NK-92 cells")}
    assert found["MCF7"] == ("CELL_LINE", "MCF-7", ("CELLOSAURUS:CVCL_0031",))
    assert found["Jurkat"] == ("CELL_LINE", "Jurkat", ("CELLOSAURUS:CVCL_0065",))
    assert found["K562"] == ("CELL_LINE", "K-562", ("CELLOSAURUS:CVCL_0004",))
    assert found["HL-60 cells"] == ("CELL_LINE", "HL-60", ("CELLOSAURUS:CVCL_0002",))
    assert found["NK-92 cells"] == ("CELL_LINE", "NK-92", ())  # no accession checked here
    assert found["OCI-Ly19 cells"][0] == "CELL_LINE" and found["OCI-Ly19 cells"][2] == ()


def test_a_capital_that_ends_a_code_is_no_cell_type(recognize):
    # Regression (GENIA sample BD): "1A9-M cells", a cell line, gave "M cells" (microfold)
    assert "M cells" not in [m[0] for m in recognize("BCL2 fell in 1A9-M cells.")]
    assert [m[0] for m in recognize("CD4-T cells were counted.")] == ["CD4-T cells"]


def test_research_compounds_written_as_codes_are_drugs(recognize):
    # GENIA sample BE: "Ro 13-7410 potently inhibited ... colony growth" had no agent
    found = recognize("Ro 13-7410, SB 203580, U0126, GF109203X and WY 14,643 were added.")
    assert [(m[0], m[1], m[2]) for m in found] == [
        ("Ro 13-7410", "DRUG", "RO137410"), ("SB 203580", "DRUG", "SB203580"),
        ("U0126", "DRUG", "U0126"), ("GF109203X", "DRUG", "GF109203X"),
        ("WY 14,643", "DRUG", "WY14643")]
    # gene symbols, cell lines and a code before "cells" are not
    found = recognize("PD-1 and CD34 on U937, U266 and SU 8686 cells.")
    assert [m for m in found if m[1] == "DRUG"] == []


def test_surnames_are_cell_lines_only_before_cells(recognize):
    assert recognize("as Ramos et al. showed") == []
    assert recognize("Ramos cells")[0][:2] == ("Ramos cells", "CELL_LINE")


def test_acronyms_keep_their_case(recognize):
    assert recognize("all cells were counted") == []
    assert recognize("ALL cells were counted")[0][3] == ("CL:0000542",)


def test_antibody_classes_are_named_after_their_target(recognize):
    found = recognize("the anti-programmed death-1 (PD-1) antibody, anti-PD-1 mAbs and anti-CD3 Ab")
    assert [m[2] for m in found if m[1] == "DRUG"] == ["anti-pd-1 antibodies"] * 2 + ["anti-cd3 antibodies"]


def test_a_population_and_its_named_line_are_one_population(nlp):
    doc = nlp("Sorafenib killed the hepatoma cell line SK-HEP-1 and the human T cell line Jurkat.")
    lines = [(m.text(doc), m.label) for m in doc._.mentions if m.label != "DRUG"]
    assert lines == [("hepatoma cell line SK-HEP-1", "CELL_LINE"),
                     ("human T cell line Jurkat", "CELL_LINE")]
    assert len(doc._.claims) == 2


def test_a_population_and_its_line_in_brackets_are_one_population(nlp):
    # GENIA sample BD: "a promonocytic cell line (U937)" was two cell mentions
    doc = nlp("LPS activated NF-kappaB in a promonocytic cell line (U937) and in T cells "
              "(Jurkat and HuT 78).")
    cells = [(m.text(doc), m.label) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}]
    assert cells[0] == ("promonocytic cell line (U937)", "CELL_LINE")
    assert ("T cells", "CELL") in cells  # two lines in the brackets: not one population
    assert doc._.claims[0].cell == "promonocytic cell line (U937)"


@pytest.mark.parametrize("text, population", [
    ("Cisplatin induced apoptosis in Jurkat T cells.", "Jurkat T cells"),
    ("Cisplatin killed HL-60 promyelocytic leukemia cells.", "HL-60 promyelocytic leukemia cells"),
    # Regression: a descriptive word that no mention took split the line from its type
    ("TPA induced differentiation of U937 histiocytic lymphoma cells.",
     "U937 histiocytic lymphoma cells"),
    # Regression (PubMed XML): type words that end in a bare "cells" (no mention of its own)
    ("Heat-shock and cadmium chloride increase the vimentin mRNA and protein levels in U-937 "
     "human promonocytic cells.", "U-937 human promonocytic cells"),
])
def test_a_line_named_with_its_type_is_one_population(nlp, text, population):
    doc = nlp(text)
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == [population]
    assert len(doc._.claims) == 1


def test_neutrophil_granulocytes_are_one_population(nlp):
    # Regression (GENIA): "PMN neutrophil granulocytes" gave two populations, two claims each
    doc = nlp("LTB4 induced adhesion of PMN neutrophil granulocytes in vitro.")
    cells = [(m.text(doc), m.ids) for m in doc._.mentions if m.label == "CELL"]
    assert cells == [("neutrophil granulocytes", ("CL:0000775",))]
