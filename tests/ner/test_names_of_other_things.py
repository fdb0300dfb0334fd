"""Drug and cell mentions whose words name something else (pipeline/ner/component.py): an
organism, a protein or a gene that holds a chemical's name, a receptor written "X-R", a gene
symbol that matches a brand, the lineage cells differentiate into."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.tokens import Span

from pipeline.ner.component import (
    names_a_fate,
    names_a_protein,
    names_a_receptor_or_marker,
    names_a_virus_or_a_measure,
    names_an_organism,
    stands_for_a_protein,
    stands_for_a_receptor,
)
from pipeline.ner.recognizer import Mention


def mention(doc, text: str, label: str = "DRUG", kind: str = "drug",
            source: str = "drug-dictionary") -> Mention:
    start = doc.text.index(text)
    tokens = doc.char_span(start, start + len(text), alignment_mode="expand")
    return Mention(start, start + len(text), label, text.lower(), (), source, "exact", kind,
                   tokens.start, tokens.end - 1)


def drugs(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [m.text(doc) for m in doc._.mentions if m.label == "DRUG"]


# -- organisms -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, expected", [
    ("The gene was cloned from Pichia pastoris and expressed.", "Pichia pastoris", True),
    ("Heparin sodium was infused before surgery.", "Heparin sodium", False),  # a sentence's start
    ("They gave Ginkgo biloba extract to the rats.", "Ginkgo biloba", False),  # what it gives
    ("Mice received Interferon gamma daily.", "Interferon gamma", False),  # no epithet
])
def test_a_binomial_name_in_mid_sentence_is_an_organism(tokenizer_nlp, text, name, expected):
    doc = tokenizer_nlp(text)
    assert names_an_organism(doc, mention(doc, name)) is expected


def test_a_drug_a_model_reads_as_an_organism_is_the_organism(tokenizer_nlp):
    doc = tokenizer_nlp("Candida albicans grew on the plates.")  # at the start: the shape cannot tell
    candida = mention(doc, "Candida albicans")
    assert not names_an_organism(doc, candida)
    doc.spans["ner:m"] = [Span(doc, 0, 2, label="ORGANISM")]
    assert names_an_organism(doc, candida)


def test_a_species_is_no_drug_in_the_pipeline(nlp):
    assert drugs(nlp, "The SWI3 homologue of Saccharomyces cerevisiae is needed for "
                      "dexamethasone-induced apoptosis of thymocytes.") == ["dexamethasone"]


# -- protein and gene names that hold a chemical's name ------------------------------------

@pytest.mark.parametrize("text, name, expected", [
    ("Cells got chloramphenicol acetyltransferase reporter vectors.", "chloramphenicol", True),
    # Regression (GENIA sample AN): "acetyl transferase" in two words
    ("The chloramphenicol acetyl transferase (CAT) reporter gene.", "chloramphenicol", True),
    # Regression (GENIA sample AO): "IL-6 kappa B binding factor II" was prothrombin
    ("The IL-6 kappa B binding factor II functions as a repressor.", "factor II", True),
    ("Factor II concentrate was given.", "Factor II", False),
    ("Levels of plasminogen activator inhibitor type 1 rose.", "plasminogen", True),
    ("Clones expressed glutathione S-transferase pi.", "glutathione", True),
    ("The glucocorticoid response elements were mutated.", "glucocorticoid", True),
    ("The nucleotide sequences were determined.", "nucleotide", True),
    ("Expression of the butyrylcholinesterase gene was low.", "butyrylcholinesterase", True),
    ("Rapamycin increases apoptosis of B cells.", "Rapamycin", False),
    ("In a cisplatin phase II trial T cells fell.", "cisplatin", False),
    ("Dexamethasone treatment killed thymocytes.", "Dexamethasone", False),
    ("Cells were exposed to glucocorticoid binding ligands.", "glucocorticoid", False),
    ("The human GM-CSF element has a strong positive effect.", "GM-CSF", True),
    ("The estrogen responsive unit was sensitive to DNase.", "estrogen", True),
    ("A single nucleotide polymorphism alters expression.", "nucleotide", True),
    ("The thyroid hormone (T3) gene was cloned.", "thyroid hormone", True),
    ("The thyroid hormone (T3) induced growth.", "thyroid hormone", False),
    ("Lenalidomide (10 microM) protein levels rose.", "Lenalidomide", False),
    ("The enhancer lies within a DNase I-hypersensitive site.", "DNase", True),
    ("It failed to initiate transcription of 25-hydroxyvitamin D3 24-hydroxylase.",
     "25-hydroxyvitamin D3", True),
    ("The granulocyte-macrophage colony-stimulating factor (GM-CSF) gene was studied.",
     "GM-CSF", True),
    ("Granulocyte-macrophage colony-stimulating factor (GM-CSF) induced growth.", "GM-CSF",
     False),
    # Regression (CG): "an effect of GM-CSF on ara-C phosphorylating enzymes" made ara-C an agent
    ("GM-CSF stimulates ara-C phosphorylating enzymes.", "ara-C", True),
    ("Cisplatin-metabolizing enzymes were induced.", "Cisplatin", True),
    ("Doxorubicin killing of HeLa cells was measured.", "Doxorubicin", False),
])
def test_a_chemical_before_a_protein_head_names_the_protein(tokenizer_nlp, text, name, expected):
    doc = tokenizer_nlp(text)
    assert names_a_protein(doc, mention(doc, name)) is expected


def test_a_reporter_gene_named_after_a_drug_is_no_drug(nlp):
    assert drugs(nlp, "Jurkat cells carrying chloramphenicol acetyltransferase reporter "
                      "plasmids were treated with dexamethasone.") == ["dexamethasone"]


def test_a_gene_symbol_is_no_brand_name(nlp):
    # "Rela" is a brand of carisoprodol; "RelA" is the NF-kB subunit.
    assert drugs(nlp, "RelA and p50 bound the promoter in Jurkat cells treated with "
                      "cyclosporin.") == ["cyclosporin"]


def test_a_drug_before_its_short_form_and_receptor_names_the_receptor(tokenizer_nlp):
    doc = tokenizer_nlp("The impact of the c-erbA/thyroid hormone (T3) receptor on growth.")
    assert names_a_receptor_or_marker(doc, mention(doc, "c-erbA/thyroid hormone"))


# -- a short form before its receptor's "R" -------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Steroids (GCs) lowered GC-R numbers.", True),
    ("Steroids (GCs) lowered GC-Rs in cells.", True),
    ("Steroids (GCs) lowered GC-receptor numbers.", True),
    ("Steroids (GCs) lowered GC-Rich cells.", False),
    ("Steroids (GCs) lowered GC R-CHOP doses.", False),
])
def test_a_short_form_before_its_receptor_letter_names_the_receptor(tokenizer_nlp, text, expected):
    doc = tokenizer_nlp(text)
    start = doc.text.index("GC", doc.text.index("lowered"))
    token = doc.char_span(start, start + 2, alignment_mode="expand")
    gc = Mention(start, start + 2, "DRUG", "glucocorticoids", (), "curated", "exact", "class",
                 token.start, token.start)
    assert names_a_receptor_or_marker(doc, gc) is expected


# -- the lineage cells differentiate into ---------------------------------------------------

def test_the_lineage_cells_differentiate_into_is_not_those_cells(tokenizer_nlp):
    doc = tokenizer_nlp("Hemin induced erythroid differentiation of K562 cells.")
    adjective = mention(doc, "erythroid", "CELL", "adjective", "curated")
    line = mention(doc, "K562 cells", "CELL_LINE", "line", "curated")
    assert names_a_fate(doc, adjective, [adjective, line])
    doc = tokenizer_nlp("Hemin induced erythroid differentiation.")
    adjective = mention(doc, "erythroid", "CELL", "adjective", "curated")
    assert not names_a_fate(doc, adjective, [adjective])


def test_the_lineages_named_cells_differentiate_into_are_not_populations(nlp):
    # Regression: "neutrophil and monocyte differentiation of HL60 cells" made claims on
    # neutrophils and monocytes
    doc = nlp("9-cis RA and D3 promote neutrophil and monocyte differentiation of HL60 cells.")
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == [
        "HL60 cells"]
    doc = nlp("Lenalidomide inhibits monocyte differentiation into macrophages.")  # the cells
    assert "monocyte" in [m.text(doc) for m in doc._.mentions if m.label == "CELL"]


def test_the_phenotype_other_cells_take_on_is_not_a_population(nlp):
    # Regression: "monocyte" and "macrophage" in "the monocyte/macrophage phenotype" each got
    # a claim of their own beside the HL60 cells that express it
    doc = nlp("HL60 cells respond to 1,25-dihydroxyvitamin D3 by expressing markers of the "
              "monocyte/macrophage phenotype.")
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == [
        "HL60 cells"]
    doc = nlp("Lenalidomide promotes an M2 macrophage phenotype.")  # no other cells: it stands
    assert [m.text(doc) for m in doc._.mentions if m.label == "CELL"] == ["macrophage"]


def test_cells_named_after_their_mitogen_are_no_drug(nlp):
    # Regression: "PHA-blasts" was a drug, which a later "it" then resolved to
    doc = nlp("V3-BH10 suppressed the proliferation of Kit225 cells and 7-day PHA-blasts, "
              "whereas it did not suppress the growth of Jurkat cells.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == []
    assert doc._.claims == []
    doc = nlp("Flexi-12 induces the proliferation of phytohemagglutinin (PHA) blasts and induces "
              "PHA blasts to secrete interferon-gamma.")  # the short form in brackets too
    assert [m.text(doc) for m in doc._.mentions if m.label == "DRUG"] == []


@pytest.mark.parametrize("text, name, expected", [
    ("Activation of the feline leukemia virus promoter in monocytes.", "feline leukemia virus",
     True),
    ("Activation of the feline leukemia virus promoter in monocytes.", "feline leukemia", True),
    ("The IC50s of budesonide were low.", "IC50s", True),
    ("The IC50s of budesonide were low.", "budesonide", False),
])
def test_a_virus_or_a_dose_measure_is_no_drug(tokenizer_nlp, text, name, expected):
    doc = tokenizer_nlp(text)
    assert names_a_virus_or_a_measure(doc, mention(doc, name)) is expected


def test_the_short_form_of_a_virus_is_no_drug(nlp):
    # Regression (MEDLINE sample AB): a model read the virus as a chemical; the long form was
    # dropped, but "CAEV" was kept as a drug and claimed the virus's promoter as an effect
    assert drugs(nlp, "The caprine arthritis-encephalitis virus (CAEV) long terminal repeat is "
                      "activated in monocytes, and CAEV replicates in macrophages.") == []


def test_a_virus_disease_is_still_a_disease(tokenizer_nlp):
    # Regression: the virus check dropped disease and gene mentions too.
    doc = tokenizer_nlp("Patients with human immunodeficiency virus infection were treated.")
    disease = mention(doc, "human immunodeficiency virus infection", label="DISEASE", kind="")
    assert not names_a_virus_or_a_measure(doc, disease)


def test_a_word_after_a_disease_is_the_rest_of_its_name(nlp):
    # a model reads "nervosa" as a chemical and "anorexia" as the disease
    assert drugs(nlp, "Receptor numbers were comparable in patients with anorexia nervosa "
                      "and in controls given dexamethasone.") == ["dexamethasone"]


@pytest.mark.parametrize("text, cells", [
    # Regression (CG): "leukocyte elastase" gave a claim on leukocytes
    ("We tested whether, as well as inhibiting leukocyte elastase (LE) activity, hyperforin "
     "reduced neutrophil recruitment.", ["neutrophil"]),
    ("Dexamethasone lowered mast cell tryptase and monocyte chemoattractant protein-1 release "
     "by monocytes.", ["monocytes"]),
    ("Stem cell factor and macrophage migration inhibitory factor were measured in "
     "fibroblasts.", ["fibroblasts"]),
    # the receptor of T cells stays theirs
    ("Cyclosporine reduced T-cell receptor signalling.", ["T-cell"]),
    # Regression (GENIA): the genes of a lineage made a claim on "erythroid" cells
    ("Erythroid gene expression was regulated by doxorubicin in K562 cells.", ["K562 cells"]),
    # Regression (GENIA sample AZ): "macrophage CSF (M-CSF) gene" gave a claim on macrophages
    ("IL-2 led to transcriptional activation of the macrophage CSF (M-CSF) gene in monocytes.",
     ["monocytes"]),
])
def test_cell_words_that_begin_a_proteins_name_are_no_cells(nlp, text, cells):
    doc = nlp(text)
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == cells


def test_cell_words_in_a_colony_stimulating_factors_name_are_no_cells(nlp):
    # Regression: "granulocyte/macrophage colony stimulating factor" gave two populations
    doc = nlp("Erythropoietin and granulocyte/macrophage colony stimulating factor(GM-CSF) "
              "promoted the growth of NS-Meg cells.")
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == [
        "NS-Meg cells"]
    doc = nlp("Stimulation of neutrophils with granulocyte-colony stimulating factor (G-CSF) "
              "enhanced their respiratory burst.")  # cells before the factor stay
    assert [m.text(doc) for m in doc._.mentions if m.label == "CELL"] == ["neutrophils"]


def test_a_drug_in_brackets_after_as_is_the_form_given(nlp):
    # Regression (CG): "Hyp (as stable dicyclohexylammonium salt)" gave the salt claims too
    assert drugs(nlp, "Hyp (as stable dicyclohexylammonium salt) inhibited the chemotaxis of "
                      "neutrophils.") == ["Hyp"]
    assert drugs(nlp, "Cisplatin (as well as doxorubicin) killed HeLa cells.") == [
        "Cisplatin", "doxorubicin"]


def test_a_drug_name_sharing_the_next_names_receptor_names_the_receptor(nlp):
    # Regression (GENIA): "glucocorticoid" of "the glucocorticoid and beta-adrenergic
    # receptors" made a claim on the T cells
    assert drugs(nlp, "Dexamethasone acts on T cells via the glucocorticoid and "
                      "beta-adrenergic receptors.") == ["Dexamethasone"]


def test_a_drug_name_before_hormone_receptor_names_the_receptor(nlp):
    # Regression (GENIA): "steroid hormone receptor expression" made "steroid" an agent
    assert drugs(nlp, "Adenomyotic lesions showed identical steroid hormone receptor "
                      "expression and leukocyte infiltration.") == []


def test_receptor_cell_after_a_molecules_name_is_its_receptor(nlp):
    # Regression (CG): "VEGF receptor cell signaling" gave a claim on "receptor cell"
    doc = nlp("Acute ethanol exposure disrupts VEGF receptor cell signaling in endothelial cells.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "CELL"] == ["endothelial cells"]
    doc = nlp("Olfactory receptor cells responded to forskolin.")
    assert [m.text(doc) for m in doc._.mentions if m.label == "CELL"] == [
        "Olfactory receptor cells"]


def test_a_short_form_in_brackets_before_receptor_names_the_receptor(nlp):
    # Regression (GENIA): "the granulocyte colony-stimulating factor (G-CSF) receptor" made
    # G-CSF an agent
    assert drugs(nlp, "C/EBPalpha increases the expression of the granulocyte "
                      "colony-stimulating factor (G-CSF) receptor in myeloid cells.") == []


@pytest.mark.parametrize("text, cells", [
    # Regression (GENIA): "The Th2-type cytokines, IL-4 and IL-13, induce E in human monocytes"
    # gave the cytokines claims on "Th2"
    ("The Th2-type cytokines, interleukin-4 and interleukin-13, induce expression of CD23 in "
     "human monocytes.", ["human monocytes"]),
    ("Lenalidomide induced a Th1-like response in T cells, and Th2 cells declined.",
     ["T cells", "Th2 cells"]),
])
def test_a_helper_subset_naming_a_kind_of_response_is_no_population(nlp, text, cells):
    doc = nlp(text)
    assert [m.text(doc) for m in doc._.mentions if m.label in {"CELL", "CELL_LINE"}] == cells


def test_a_short_form_of_a_receptor_is_no_drug(tokenizer_nlp):
    # Regression (GENIA sample BI): a model read "TCR" in "an antibody to the gamma/delta TCR"
    # as a chemical; its long form, "T cell receptor", made it a drug with a claim on NK cells
    doc = tokenizer_nlp("Binding of an antibody to the TCR increased NK activity.")
    tcr = mention(doc, "TCR", source="ner-joint.bc5cdr")
    assert stands_for_a_receptor(replace(tcr, norm="t cell receptor"))
    assert not stands_for_a_receptor(tcr)
    assert not stands_for_a_receptor(replace(tcr, norm="receptor"))


def test_a_cell_line_the_document_defines_as_a_protein_is_no_cell(tokenizer_nlp):
    # Regression (GENIA): a model read "PP-1" in "inhibitors of protein phosphatase type 1
    # (PP-1)" as a cell line, and okadaic acid got a claim on it
    doc = tokenizer_nlp("Okadaic acid inhibits protein phosphatase type 1 (PP-1) in T cells.")
    code = mention(doc, "PP-1", label="CELL_LINE", kind="", source="ner-joint.jnlpba")
    assert stands_for_a_protein(doc, code, {"PP-1": "protein phosphatase type 1"})
    assert not stands_for_a_protein(doc, code, {})
    # a long form that names cells keeps them cells, whatever protein word it has
    assert not stands_for_a_protein(doc, code, {"PP-1": "factor-dependent pre-B cell line 1"})


@pytest.mark.parametrize("text, expected", [
    # Regression (AnatEM sample DA): the end of "alpha2-adrenergic" was an agent
    ("Milnacipran decreased the firing of neurons through alpha2-adrenergic autoreceptors.",
     ["Milnacipran"]),
    ("Beta-adrenergic agonists increased cAMP in T cells.", ["Beta-adrenergic agonists"]),
])
def test_a_class_adjective_at_the_end_of_a_word_is_no_drug(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Regression (AnatEM sample DA): "5-HT terminals" gave serotonin a claim on 5-HT neurons
    ("The desensitization of the heteroreceptors on 5-HT terminals raised the firing rate.", []),
    ("Dopamine fibers were dense in the striatum.", []),
    ("Dopamine increased the firing of striatal neurons.", ["Dopamine"]),
    # Regression (BC5CDR sample EA): the short form in "dopamine (DA) nerve endings" stayed a
    # drug, since only its closing bracket was looked past
    ("Cocaine damages dopamine (DA) nerve endings.", ["Cocaine"]),
])
def test_a_transmitter_naming_nerve_structures_is_no_drug(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_a_model_chemical_ending_in_protein_is_a_protein(nlp):
    # Regression (AnatEM sample DA): the model read "G-proteins" as a chemical
    assert drugs(nlp, "It attenuates the signaling activity of G-proteins, blocking the homing "
                      "of lymphocytes.") == []


def test_a_name_before_box_names_a_promoter_element(nlp):
    # Regression (BC2GM sample DB): "mutating OC box I" made the osteocalcin promoter's
    # element a drug that represses the cells' promoter activity
    assert drugs(nlp, "The repression is abrogated in osteosarcoma cells by mutating OC box "
                      "I.") == []


@pytest.mark.parametrize("text", [
    # Regression (BC5CDR sample DE): the model's "pentose phosphate" and "beta4-/-brains"
    "The pentose phosphate shunt activity of the red blood cells was increased.",
    "Alpha3 mRNA levels are decreased in the mitral cell layer of beta4-/-brains.",
    # Regression (CRAFT sample EG): the alleles of "TauEWS-Pea3/+ Isl1Cre/+ embryos"
    "We analyzed the survival of DRG neurons from TauEWS-Pea3/+ Isl1Cre/+ embryos.",
])
def test_a_pathway_or_a_genotype_is_no_drug(nlp, text):
    assert drugs(nlp, text) == []


def test_a_transmitter_before_neuronal_names_the_neurons(nlp):
    # Regression (BC5CDR sample DF): "selective for the DA neuronal system" made dopamine an
    # agent on the neurons
    assert drugs(nlp, "The damage caused by the toxin is selective for the DA neuronal "
                      "system.") == []


def test_a_cell_lines_name_in_lower_case_after_a_mass_is_a_unit(nlp):
    # Regression (BC5CDR sample DF): "1 mg kg-1 i.p." was the KG-1 cell line
    doc = nlp("Scopolamine (1 mg kg-1 i.p.) induced amnesia, and KG-1 cells grew.")
    assert [m.text(doc) for m in doc._.mentions if m.label in ("CELL", "CELL_LINE")] == \
        ["KG-1 cells"]


@pytest.mark.parametrize("text, expected", [
    # Regression (BC2GM sample DH): assay reagents made claims on the cells they read out
    ("Nitroblue tetrazolium dye reduction by neutrophils was investigated in rabbits.", []),
    ("The protamine sulfate test was positive in rabbits with neutrophil infiltrates.", []),
    ("The MTT assay showed that cisplatin killed HeLa cells.", ["cisplatin"]),
    # Regression (NCBI disease sample EB): "using the SPERMSEG program" was a drug acting on
    # the gametes
    ("Analysis of the sperm data using the SPERMSEG program showed no distortion at the "
     "gamete level.", []),
])
def test_a_dye_or_the_chemical_of_a_tests_name_is_a_reagent(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Regression (NCBI disease sample EB): "DM", defined as "myotonic dystrophy (DM)" and read
    # by the model as a chemical, increased the CTG repeats of lymphocytes
    ("Myotonic dystrophy (DM) is inherited. The ability of DM to expand the CTG repeat in "
     "lymphocytes is limited.", []),
    ("Dexamethasone (DM) is a steroid. DM increased the apoptosis of lymphocytes.",
     ["Dexamethasone", "DM", "steroid", "DM"]),
])
def test_a_short_form_defined_as_a_disease_is_no_drug(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Regression (NCBI disease sample DG): "the protein product, pyrin/marenostrin" was a drug
    ("The protein product, pyrin/marenostrin, is thought to regulate inflammation in "
     "myeloid cells.", []),
    # a recombinant protein is given
    ("Aldesleukin, a recombinant IL-2 protein, expanded NK cells.", ["Aldesleukin"]),
])
def test_a_name_in_apposition_to_a_protein_names_the_protein(nlp, text, expected):
    assert drugs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Regression (BC5CDR sample EA): "Na" of "the (Na, K)-ATPase" was a drug depressing the
    # Na+ extrusion of cardiac cells
    ("Ouabain inhibited the (Na, K)-ATPase activity in T cells.", ["Ouabain"]),
    ("Ouabain inhibited the Na,K-ATPase in T cells.", ["Ouabain"]),
    ("Na+ entered the cells, and the pump was inhibited by ouabain.", ["Na+", "ouabain"]),
])
def test_an_ion_that_names_an_atpase_is_no_drug(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_a_legends_arrowheads_are_no_drug(nlp):
    # Regression (CRAFT sample EF): "(panel B, black arrowheads)" was a drug that decreased the
    # epithelial cells' tubules
    assert drugs(nlp, "Knockout lungs showed less developed saccules lined by columnar "
                      "epithelial cells (panel B, black arrowheads).") == []


def test_a_bracketed_cytokine_before_receptors_names_the_receptors(nlp):
    # Regression: words_past_its_bracket(..., 1) returned nothing after a short form's closing
    # bracket, so "(TNF) receptors" left TNF a given cytokine, the agent of the inhibition
    assert drugs(nlp, "Soluble tumor necrosis factor alpha (TNF) receptors inhibited the "
                      "proliferation of T cells.") == []


def test_a_code_the_text_also_writes_as_cells_is_no_drug(nlp):
    # Regression (BC2GM sample EE): "neither FL nor DLL cells ... of the FL cells" made FL
    # (follicular lymphoma) a drug with no change on the FL cells
    assert drugs(nlp, "In all eight cases, neither FL nor DLL cells showed alterations of bcl-2 "
                      "gene sequences, suggesting conservation during transformation of the FL "
                      "cells.") == []
    # a dictionary drug keeps its label
    assert drugs(nlp, "Dexamethasone killed the lymphoma cells.") == ["Dexamethasone"]
