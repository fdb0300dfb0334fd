"""Cell Ontology grounding: one test per composition rule, and the curated tables' hygiene."""

import pytest

from pipeline.grounding import CellContext, ground_cell
from pipeline.grounding.cells import cell_ontology, head_noun_forms
from pipeline.grounding.context import abbreviation_variants, words_of
from pipeline.grounding.tables import read_tsv
from pipeline.ner.terms import term_key
from pipeline.resources import DATA_DIR

NK, T, B, TREG = "CL:0000623", "CL:0000084", "CL:0000236", "CL:0000815"


def grounded(text, context=None):
    found = ground_cell(text, context)
    return (found.ids[0] if found and found.ids else "", found.match if found else "")


@pytest.mark.parametrize("text", ["NK cells", "NK cell", "natural killer cells",
                                  "natural-killer cells", "Natural Killer cells", "CD56+ cells"])
def test_one_cell_type_however_written(text):
    assert grounded(text)[0] == NK


@pytest.mark.parametrize("text", ["T cells", "T-cells", "T cell", "T lymphocytes", "T-lymphocyte"])
def test_plural_and_hyphen_variants(text):
    assert grounded(text)[0] == T


def test_label_synonym_and_match_kinds():
    assert grounded("natural killer cell") == (NK, "exact")
    assert grounded("NK cells") == (NK, "synonym")
    assert grounded("Tregs") == (TREG, "synonym")
    assert ground_cell("natural killer cells").norm == "natural killer cell"


@pytest.mark.parametrize("text, cl_id", [
    ("CD4+ T cells", "CL:0000624"),
    ("CD4(+) T cells", "CL:0000624"),
    ("CD4-positive T cells", "CL:0000624"),
    ("CD8+ T cells", "CL:0000625"),
    ("CD8+ cytotoxic T lymphocytes", "CL:0000794"),
    ("CD4+ T helper cells", "CL:0000492"),
    ("CD4+CD25+ T cells", "CL:0000792"),
    ("CD4+CD25+FoxP3+ Tregs", "CL:0000792"),
    ("CD56bright NK cells", "CL:0000938"),
    ("CD56dim NK cells", "CL:0000939"),
    ("CD3-CD56+ cells", NK),
    ("CD19+ cells", B),
    ("CD14+ monocytes", "CL:0001054"),
])
def test_marker_compositions(text, cl_id):
    assert grounded(text) == (cl_id, "composed")
    assert ("markers", ground_cell(text).qualifiers[0][1]) in ground_cell(text).qualifiers


def test_more_markers_than_any_class_give_the_closest_ancestor():
    assert grounded("CD4+CD45RA+ T cells") == ("CL:0000624", "ancestor")
    assert grounded("CD4+ NK cells") == (NK, "ancestor")


def test_markers_that_name_no_class_give_no_id():
    found = ground_cell("CD34+ cells")
    assert found.ids == () and found.norm == "CD34+ cell"


@pytest.mark.parametrize("text, cl_id", [("CLL cells", B), ("B-CLL cells", B),
                                         ("chronic lymphocytic leukemia cells", B),
                                         ("leukemia cells", "CL:0000738"), ("myeloma cells", "CL:0000786")])
def test_disease_populations_take_the_cell_type_the_disease_implies(text, cl_id):
    found = ground_cell(text)
    assert (found.ids, found.match) == ((cl_id,), "composed")
    assert dict(found.qualifiers)["disease"]


def test_a_disease_that_implies_no_cell_type_gives_no_id():
    found = ground_cell("tumor cells")
    assert found.ids == () and found.norm == "tumor cell"
    assert dict(found.qualifiers)["disease"] == "neoplasms"


def test_disease_qualifies_a_named_cell_type_without_changing_it():
    found = ground_cell("CLL T cells")
    assert found.ids == (T,) and dict(found.qualifiers)["disease"] == "chronic lymphocytic leukemia"


@pytest.mark.parametrize("species", ["murine", "human", "mouse", "rat"])
def test_species_words_are_ignored_for_the_id(species):
    found = ground_cell(f"{species} T cells")
    assert (found.ids, found.match) == ((T,), "exact")
    assert dict(found.qualifiers)["species"] == species


def test_state_words_make_the_class_an_ancestor():
    assert grounded("activated NK cells") == (NK, "ancestor")
    assert grounded("autologous NK cells") == (NK, "synonym")


def test_more_specific_than_any_term_falls_back_to_the_head():
    assert grounded("hypertrophic chondrocytes") == ("CL:0000743", "exact")
    assert grounded("olfactory bulb chondrocytes") == ("CL:0000138", "ancestor")


def test_more_general_names_are_grounded_to_the_class_above():
    assert grounded("immune cells") == ("CL:0000738", "ancestor")
    assert grounded("PBMCs") == ("CL:0000842", "ancestor")


def test_head_noun_forms_and_eponyms():
    assert head_noun_forms("photoreceptor cell") == ["photoreceptor"]
    assert head_noun_forms("Sertoli cell") == ["Sertoli"]
    assert head_noun_forms("taste receptor cell") == []  # "taste receptor" is a protein
    assert grounded("photoreceptors")[0] == "CL:0000210"
    assert grounded("Sertoli")[0] == "CL:0000216"
    assert grounded("Golgi") == ("", "")


def test_adjectives_that_stand_for_cells():
    assert grounded("neuronal")[0] == "CL:0000540"
    assert grounded("glial")[0] == "CL:0000125"
    assert grounded("erythroid cells")[0] == "CL:0000764"


def test_label_variants_sensu_neuron_and_inverted_of_phrases():
    assert grounded("CNS neurons")[0] == "CL:0000117"
    assert grounded("granule neurons")[0] == "CL:0000120"
    assert grounded("bone marrow stromal cells")[0] == "CL:0010001"
    assert grounded("basal cells of epidermis")[0] == "CL:0002187"


def test_latin_plurals():
    assert grounded("spermatogonia")[0] == "CL:0000020"


def test_generic_cells_are_not_grounded():
    assert ground_cell("cells") is None
    assert ground_cell("the cells") is None


def test_ambiguous_abbreviation_needs_a_definition_or_context():
    assert grounded("DC")[0] == ""
    assert grounded("DCs", CellContext(cues=words_of("we cultured dendritic cells")))[0] == "CL:0000451"
    defined = CellContext(abbreviation_variants({"DC": "dendritic cell"}))
    assert grounded("DCs", defined)[0] == "CL:0000451"
    other = CellContext(abbreviation_variants({"DC": "direct current"}),
                        words_of("direct current (DC) and dendritic cells"))
    assert grounded("DC", other)[0] == ""


def test_retina_words_need_a_retina_document():
    retina = CellContext(cues=words_of("the retina and its photoreceptors"))
    assert grounded("rods", retina)[0] == "CL:0000604"
    assert grounded("cone", retina)[0] == "CL:0000573"
    assert grounded("rods") == ("", "")


def test_ontology_acronyms_need_their_label_words_and_their_case():
    assert grounded("ECL cells")[0] == ""
    assert grounded("ECL cells", CellContext(cues=words_of("enterochromaffin-like cells")))[0] == \
        "CL:0000504"
    assert grounded("ALL cells")[0] == "CL:0000542"
    assert grounded("all cells")[0] == ""


def test_defined_abbreviation_alone_and_inside_parentheses():
    context = CellContext(abbreviation_variants({"ES": "embryonic stem"}))
    assert grounded("ES", context)[0] == "CL:0002322"
    assert grounded("embryonic stem (ES) cells", context)[0] == "CL:0002322"
    retinal = CellContext(abbreviation_variants({"RPCs": "retinal progenitor cells"}))
    assert grounded("RPC", retinal)[0] == "CL:0002672"


def test_abbreviation_variants_skip_self_references():
    assert abbreviation_variants({"ES": "ES cells"}) == {}
    assert abbreviation_variants({"RPCs": "retinal progenitor cells"})["RPC"] == "retinal progenitor cell"


@pytest.mark.parametrize("table, id_column", [
    ("cell_supplement.tsv", "cl_id"), ("cell_adjectives.tsv", "cl_id"), ("marker_cells.tsv", "cl_id"),
])
def test_curated_tables_name_existing_classes(table, id_column):
    ontology = cell_ontology()
    for row in read_tsv(DATA_DIR / table):
        assert ontology.label(row[id_column]), row
        if "cl_label" in row:
            assert row["cl_label"] == ontology.label(row["cl_id"]), row
        if "base" in row:
            assert row["base"] == "CL:0000000" or ontology.label(row["base"]), row


def test_supplement_terms_are_unique():
    keys = [term_key(row["term"]) for row in read_tsv(DATA_DIR / "cell_supplement.tsv")]
    assert len(keys) == len(set(keys))


def test_modifier_kinds():
    kinds = {row["kind"] for row in read_tsv(DATA_DIR / "cell_modifiers.tsv")}
    assert kinds == {"species", "source", "state"}
