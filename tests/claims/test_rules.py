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


def test_a_denial_does_not_reach_a_drug_in_a_when_clause(nlp):
    # Regression (MEDLINE sample AC): "did not inhibit" made PMA's stimulation no_change too
    found = claims_of(nlp, "Dexamethasone did not inhibit IL-2 production when T cells were "
                           "stimulated by PMA.")
    assert [(c[0], c[2]) for c in found] == [("dexamethasone", "no_change"),
                                             ("phorbol 12-myristate 13-acetate", "increase")]


def test_a_denial_does_not_reach_a_conjunct_after_but(nlp):
    # Regression (GENIA sample AD): "does not block E but inhibits T cell proliferation" was
    # no_change
    found = claims_of(nlp, "We show that sirolimus does not block the induction of IL-2 but "
                           "inhibits IL-2-dependent T cell proliferation.")
    assert [(c[1], c[2]) for c in found] == [("T cell", "decrease")]
    found = claims_of(nlp, "Rapamycin did not induce apoptosis or inhibit proliferation of "
                           "Jurkat cells.")
    assert [c[2] for c in found] == ["no_change"]


def test_a_study_that_reports_a_finding_is_no_aim(nlp):
    # Regression (GENIA sample AD): "we recently determined that EPO activates ..." was an aim
    found = claims_of(nlp, "We recently determined that erythropoietin activates STAT5 in UT-7 "
                           "cells.")
    assert [(c[2], c[3]) for c in found] == [("increase", "asserted")]
    found = claims_of(nlp, "We examined whether erythropoietin activates STAT5 in UT-7 cells.")
    assert [(c[2], c[3]) for c in found] == [("unclear", "hedged")]


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA sample AD): a stimulation with the drug is a treatment (rule 5)
    ("Purified peripheral eosinophils were stimulated with IFN-gamma at 37 degrees C for 1-60 "
     "min.", []),
    ("Cells were stimulated with endotoxin (LPS, 100 ng/mL) for 4 h.", []),
    ("Stimulation of T cells with PMA was performed for 2 h.", []),
    # the drug as the stimulation's agent, or what the stimulation led to, is a claim
    ("T cells were stimulated by PMA.", [("PMA", "increase")]),
    ("Stimulation of neutrophils with G-CSF results in an enhanced respiratory burst.",
     [("G-CSF", "increase")]),
    ("Priming of human monocytes with IFN-gamma resulted in the down regulation of c-fos mRNA.",
     [("IFN-gamma", "decrease")]),
])
def test_a_stimulation_with_the_drug_is_a_treatment(nlp, text, expected):
    doc = nlp(text)
    assert [(c.drug, c.direction) for c in doc._.claims] == expected


def test_a_drug_that_says_what_another_drug_is_is_no_agent(nlp):
    # Regression (GENIA sample AD): "N-acetyl-cysteine, a precursor of the endogenous
    # antioxidant glutathione, inhibited ..." gave glutathione a claim
    found = claims_of(nlp, "N-acetylcysteine, a precursor of the antioxidant glutathione, "
                           "inhibited the activation of macrophages.")
    assert [c[0] for c in found] == ["acetylcysteine"]


def test_a_drug_the_cells_make_is_no_agent(nlp):
    found = claims_of(nlp, "Human monocytes produced cytokines such as GM-CSF in response to LPS.")
    assert [c[0] for c in found] == ["lipopolysaccharide"]


def test_opposing_an_anti_apoptotic_effect_is_an_increase(nlp):
    # Regression (GENIA sample AE): "RA opposed anti-apoptotic effects of G-CSF on CD34+
    # cells" gave no direction to either drug
    found = claims_of(nlp, "Retinoic acid opposed the anti-apoptotic effects of G-CSF on CD34+ "
                           "cells.")
    assert [(c[0], c[2]) for c in found] == [("tretinoin", "increase"), ("filgrastim", "decrease")]


def test_hedging(nlp):
    found = claims_of(nlp, "Lenalidomide may enhance the cytotoxicity of NK cells.")
    assert found and found[0][3] == "hedged"
    # Regression (CG train sample BC): a capacity named "potential" is no hedge
    found = claims_of(nlp, "Aprotinin significantly inhibited the invasive and migratory "
                           "potential of human HT1080 fibrosarcoma cells.")
    assert found and found[0][3] == "asserted"


def test_coordinated_cells_give_one_claim_each(nlp):
    found = claims_of(nlp, "Thalidomide stimulates CD4+ T cells and NK cells.")
    assert {c[1] for c in found} == {"CD4+ T cells", "NK cells"}


def test_implicit_drug_in_figure_legend(nlp):
    text = "Treatment of autologous T cells is required to enhance immune synapse formation."
    found = claims_of(nlp, text, section="figure", title_drugs=["Lenalidomide"])
    assert found == [("lenalidomide", "autologous T cells", "increase", "asserted", True)]


def test_no_claim_without_a_drug(nlp):
    assert claims_of(nlp, "T cells enhance the activity of NK cells.") == []


def test_coordinated_triggers_do_not_compose(nlp):
    found = claims_of(nlp, "Idelalisib reduces regulatory T cells and activates T helper 17 cell "
                           "differentiation.")
    directions = {c[1]: c[2] for c in found}
    assert directions["regulatory T cells"] == "decrease"
    assert directions["T helper 17 cell"] == "increase"


def test_nested_triggers_compose(nlp):
    found = claims_of(nlp, "Ibrutinib inhibited the expansion of MDSCs.")
    assert ("ibrutinib", "MDSCs", "decrease") in [c[:3] for c in found]


def test_light_verb_carries_the_trigger(nlp):
    found = claims_of(nlp, "Treatment of mice with ibrutinib resulted in reduced frequency of MDSCs.")
    assert ("ibrutinib", "MDSCs", "decrease") in [c[:3] for c in found]


def test_drug_class_in_apposition_stands_for_the_drug(nlp):
    found = claims_of(nlp, "Lenalidomide is an immunomodulatory drug that enhances NK-cell "
                           "cytotoxicity.")
    assert [c[0] for c in found] == ["lenalidomide"]


def test_comparator_cells_get_no_claim(nlp):
    found = claims_of(nlp, "Mafosfamide reduced the viability of Treg compared with CTL.")
    assert {c[1] for c in found} == {"Treg"}


def test_cells_acting_as_agents_get_no_claim(nlp):
    found = claims_of(nlp, "Lenalidomide inhibits the IL-6 secretion of mononuclear cells, "
                           "triggered by CD8+ T cells.")
    assert {c[1] for c in found} == {"mononuclear cells"}


def test_killing_nouns_are_effects_not_triggers(nlp):
    found = claims_of(nlp, "Lenalidomide increases NK-cell-mediated killing of myeloma cells.")
    assert ("lenalidomide", "NK-cell", "increase") in [c[:3] for c in found]


def test_generic_cells_take_their_antecedent(nlp):
    # named in the same sentence: the claim names them (the most specific mention)
    doc = nlp("MDSCs express BTK, and ibrutinib inhibits BTK phosphorylation in these cells.")
    claims = doc._.claims
    assert claims and claims[0].cell == "MDSCs"
    assert claims[0].cell_ids == ["CL:0000889"]
    # cells with modifiers of their own are their own population
    found = claims_of(nlp, "Although it can be incorporated into the DNA of dividing cells, "
                           "fludarabine is also a potent inhibitor of cells with a low growth "
                           "fraction.")
    assert "dividing cells" not in [c[1] for c in found]
    # named in an earlier sentence: "these cells", with the antecedent's ids
    doc = nlp("MDSCs express BTK. Ibrutinib inhibits BTK phosphorylation in these cells.")
    claims = doc._.claims
    assert claims and claims[0].cell == "these cells"
    assert claims[0].cell_ids == ["CL:0000889"]


def test_cytotoxic_effects_are_a_decrease(nlp):
    found = claims_of(nlp, "Cytotoxic effects of bortezomib on T cells were revealed.")
    assert ("bortezomib", "T cells", "decrease") in [c[:3] for c in found]


def test_maintained_is_no_change(nlp):
    found = claims_of(nlp, "Bortezomib treated dendritic cells maintained the ability for "
                           "antigen uptake.")
    assert found and found[0][2] == "no_change"


def test_citation_numbers_end_sentences(nlp):
    doc = nlp("Ibrutinib is a therapy for leukemia (CLL).1 The homology between BTK and ITK is "
              "large. We used 2.5 mM glucose.")
    assert [s.text.split()[0] for s in doc.sents] == ["Ibrutinib", "The", "We"]


def test_cell_words_inside_disease_names_are_not_cells(nlp):
    found = claims_of(nlp, "Lenalidomide inhibits growth of mature B-cell lymphomas.")
    assert found == []


def test_coordinated_verbs_share_the_subject(nlp):
    found = claims_of(nlp, "MDSCs express BTK and can be depleted by ibrutinib.")
    assert ("ibrutinib", "MDSCs", "decrease") in [c[:3] for c in found]


def test_light_verb_effect_noun_composes(nlp):
    found = claims_of(nlp, "The antibody X exhibited an inhibitory effect on the induction of "
                           "MDSCs by rituximab.")
    directions = {c[0]: c[2] for c in found}
    assert directions.get("rituximab") == "increase"


def test_conditions_are_not_targets(nlp):
    found = claims_of(nlp, "Thalidomide increases the CD8+ T cell response in the absence of "
                           "CD4+ T cells.")
    assert {c[1] for c in found} == {"CD8+ T cell"}


def test_plural_abbreviation_defines_the_singular(nlp):
    from pipeline.ner.component import with_number_variants

    assert with_number_variants({"GCs": "glucocorticoids"})["GC"] == "glucocorticoid"
    assert with_number_variants({"DC": "dendritic cell"})["DCs"] == "dendritic cells"
    text = ("The effects of glucocorticoids (GCs) on monocytes are not defined. "
            "GC treatment reduced the survival of human monocytes.")
    drugs = {c[0] for c in claims_of(nlp, text)}
    assert drugs == {"glucocorticoids"}


def test_negated_verbs_that_state_no_effect_do_not_negate(nlp):
    found = claims_of(nlp, "The effects of bortezomib on monocytes are not defined.")
    assert found and found[0][2] == "unclear" and found[0][3] == "hedged"


def test_cell_words_inside_molecule_names_are_not_cells(nlp):
    found = claims_of(nlp, "Lenalidomide increased the expression of NK cell receptors on "
                           "myeloma cells.")
    assert "NK cell" not in {c[1] for c in found}


def test_named_populations_win_over_bare_cells(nlp):
    found = claims_of(nlp, "Cytotoxic effects of bortezomib on immune-competent cells such as "
                           "T cells were revealed.")
    assert {c[1] for c in found} == {"T cells"}


def test_baseline_references_are_not_the_drug(nlp):
    text = "T cells were counted before treatment."
    assert claims_of(nlp, text, section="figure", title_drugs=["Lenalidomide"]) == []


def test_population_after_than_is_a_comparator(nlp):
    found = claims_of(nlp, "Thalidomide had a greater effect on CD8+ T cells than on the "
                           "CD4+ T cells.")
    assert "CD4+ T cells" not in {c[1] for c in found}


def test_population_in_an_as_clause_is_a_comparator(nlp):
    found = claims_of(nlp, "Treatment of Treg with mafosfamide gave rise to DNA crosslinks, "
                           "which were not repaired to the same extent as observed in CTL.")
    assert {c[1] for c in found} == {"Treg"}


@pytest.mark.parametrize("text", [
    # Regression (GENIA): the drug a finding is measured against got the finding's claims
    "By contrast, AM580 is not effective as ATRA in modulating the expression of these "
    "differentiation markers in the HL-60 cell line.",
    "AM580 was as potent as ATRA in inducing maturation of NB4 cells.",
])
def test_a_drug_after_as_of_an_adjective_is_a_comparator(nlp, text):
    assert {c[0] for c in claims_of(nlp, text)} == {"am580"}


def test_nominal_subject_takes_the_verbs_direction(nlp):
    found = claims_of(nlp, "Binding of rituximab to its targets on CLL cells increases "
                           "complement-dependent cytotoxicity.")
    assert ("rituximab", "CLL cells", "increase") in [c[:3] for c in found]


def test_coordinated_cells_keep_the_direction(nlp):
    found = claims_of(nlp, "Improvement in T-cell and NK-cell antitumor activity is seen with "
                           "lenalidomide.")
    assert {(c[1], c[2]) for c in found} == {("T-cell", "increase"), ("NK-cell", "increase")}


def test_cytotoxic_activity_is_a_function_not_a_decrease(nlp):
    found = claims_of(nlp, "Ibrutinib inhibits NK-cell cytotoxic activity.")
    assert ("ibrutinib", "NK-cell", "decrease") in [c[:3] for c in found]


def test_the_cells_of_a_cell_process_when_no_population_is_named(nlp):
    assert [c[:3] for c in claims_of(nlp, "Dexamethasone inhibited cell proliferation.")] == [
        ("dexamethasone", "cell", "decrease")]


@pytest.mark.parametrize("text", [
    "Betulin (10 microg/mL) induces apoptotic cell death.",
    "Betulin induced cell cycle arrest.",
])
def test_cell_death_and_cell_cycle_arrest_are_cell_processes(nlp, text):
    assert [c[:2] for c in claims_of(nlp, text)] == [("betulin", "cell")]


def test_a_cell_process_of_named_cells_gives_no_generic_claim(nlp):
    found = claims_of(nlp, "Dexamethasone inhibited cell proliferation of Jurkat cells.")
    assert [c[1] for c in found] == ["Jurkat cells"]


def test_the_cell_cycle_and_cell_lines_are_not_cells(nlp):
    assert claims_of(nlp, "Dexamethasone suppressed the cell cycle.") == []


def test_cells_listed_with_a_claims_cell_share_the_claim(nlp):
    # Regression: the parser hung "HepG2 cells" off the main verb, and only HeLa got a claim.
    found = claims_of(nlp, "The results showed that betulin significantly inhibited cell viability "
                           "in cervix carcinoma HeLa cells, hepatoma HepG2 cells, lung "
                           "adenocarcinoma A549 cells, and breast cancer MCF-7 cells.")
    assert [(c[1], c[2]) for c in found] == [
        ("HeLa cells", "decrease"), ("HepG2 cells", "decrease"), ("A549 cells", "decrease"),
        ("MCF-7 cells", "decrease")]


def test_a_list_does_not_reach_across_other_words(nlp):
    doc = nlp("Dexamethasone killed CLL cells, whereas T cells survived.")
    assert "list" not in {claim.rule for claim in doc._.claims}


@pytest.mark.parametrize("text", [
    "Long-term carcinogen exposure eliminates damaged T cells.",
    "Exposure to platelets increased the migration of SKOV3 cells.",
])
def test_a_treatment_that_names_its_own_agent_is_not_the_title_drug(nlp, text):
    assert claims_of(nlp, text, title_drugs=["Lenalidomide"]) == []


def test_a_bare_treatment_refers_to_the_title_drug(nlp):
    found = claims_of(nlp, "After 3 cycles of therapy, patients had a significant reduction in "
                           "T cells.", title_drugs=["Lenalidomide"])
    assert [(c[0], c[1], c[4]) for c in found] == [("lenalidomide", "T cells", True)]


def test_a_drug_that_an_agent_is_derived_from_is_not_the_agent(nlp):
    found = claims_of(nlp, "Apoptosis of LAC cells is caused by a DNA-damaging intermediate of "
                           "cisplatin.")
    assert found == []


def test_an_induced_effect_does_not_reach_a_cell_of_another_predicate(nlp):
    found = claims_of(nlp, "L-Carnitine ameliorates methotrexate-induced oxidative organ injury and "
                           "inhibits leukocyte death.")
    assert [(c[1], c[2]) for c in found] == [("leukocyte", "decrease")]


@pytest.mark.parametrize("text, cell, direction", [
    # Regression: the parser read "In cervical cancer cells" as the root noun phrase and
    # "induced" as an adjective, and no claim was found.
    ("In cervical cancer cells, paclitaxel induced apoptosis through an intrinsic pathway.",
     "cancer cells", "increase"),
    ("In HeLa cells, paclitaxel reduced proliferation.", "HeLa cells", "decrease"),
])
def test_cells_fronted_by_in_take_the_claim_of_the_drugs_verb(nlp, text, cell, direction):
    assert [c[:3] for c in claims_of(nlp, text)] == [("paclitaxel", cell, direction)]


def test_fronted_cells_without_a_trigger_verb_give_no_claim(nlp):
    assert claims_of(nlp, "In CLL cells, paclitaxel was given daily.") == []


def test_an_ungrounded_drug_is_no_implicit_antecedent(nlp):
    # Regression: a model's "chemical" with no dictionary id ("DR4") became the drug of the
    # legend's treatment sentences.
    from pipeline.ner.recognizer import Mention

    text = "DR4 was stained. Treatment of autologous T cells enhanced immune synapse formation."
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names:
        if name == "drug_cell_ner":
            doc._.document_context = DocumentContext(doc_id="t", section_id="figure",
                                                     section="figure", title_drugs=[])
        doc = nlp.get_pipe(name)(doc)
        if name == "drug_cell_ner":
            doc._.mentions = [m for m in doc._.mentions if m.text(doc) != "DR4"] + [
                Mention(0, 3, "DRUG", "dr4", (), "ner-bc5cdr", "none", "model", 0, 0)]
    assert [c.drug for c in doc._.claims] == []


@pytest.mark.parametrize("text", [
    # 'induce comparable levels of X': the effect is stated as unchanged against control
    "Bortezomib treated dendritic cells induced comparable levels of T cell proliferation.",
    "Lenalidomide treated NK cells induced similar amounts of IFN-gamma.",
    # an effect reported as not seen
    "In our study of the effect of bortezomib on dendritic cells, we did not observe significant "
    "change in the expression of CD80.",
    "Lenalidomide had no obvious effect on resting T cells.",
])
def test_an_unchanged_or_unseen_effect_is_no_change(nlp, text):
    found = claims_of(nlp, text)
    assert found and {c[2] for c in found} == {"no_change"}


def test_a_verb_acting_on_the_drugs_action_turns_only_the_other_agent(nlp):
    """The counteracting agent decreases what the drug's stimulation increases; the trigger
    stays composed across coordinated effect nouns ("secretion and induction of ...")."""
    found = claims_of(nlp, "The addition of dexamethasone counteracts the action of lenalidomide "
                           "based stimulation of IL-2 secretion and induction of T-cell proliferation.")
    directions = {c[0]: c[2] for c in found}
    assert directions == {"dexamethasone": "decrease", "lenalidomide": "increase"}


@pytest.mark.parametrize("text, expected", [
    ("Dexamethasone blocked the stimulation of IL-2 secretion and induction of NK cell "
     "proliferation.", {("NK cell", "decrease")}),
    ("Idelalisib reduces regulatory T cells and activates T helper 17 cell differentiation.",
     {("regulatory T cells", "decrease"), ("T helper 17 cell", "increase")}),
])
def test_coordination_ends_composition_only_between_predicates(nlp, text, expected):
    assert {(c[1], c[2]) for c in claims_of(nlp, text)} == expected


def test_a_study_in_a_fronted_phrase_frames_a_finding_not_an_aim(nlp):
    aim = claims_of(nlp, "In this study, we investigated the effects of bortezomib on dendritic cells.")
    assert aim and aim[0][2:4] == ("unclear", "hedged")
    finding = claims_of(nlp, "In our study of the effect of bortezomib on dendritic cells, we did not "
                             "observe significant change in the expression of CD80.")
    assert finding and finding[0][2:4] == ("no_change", "asserted")


@pytest.mark.parametrize("text", [
    "Osteonectin, a glycoprotein rich in cysteine, modulates the adhesion of smooth muscle cells.",
    "A peptide free of methionine reduced the growth of HeLa cells.",
])
def test_a_drug_that_an_agent_is_made_of_is_not_the_agent(nlp, text):
    assert [c for c in claims_of(nlp, text) if c[0] in {"cysteine", "methionine"}] == []


def test_a_sentence_that_names_its_own_exposure_is_not_about_the_title_drug(nlp):
    # Regression: "this effect" took the last drug named in the document, although the
    # sentence names its agent ("chronic ethanol exposure"; since ethanol, a stoplisted solvent,
    # is a drug where the text gives it, the claim is ethanol's).
    text = ("We found that chronic ethanol exposure strongly impairs wound angiogenesis, and this "
            "effect is mediated by changes in endothelial cell responsiveness.")
    assert [c[0] for c in claims_of(nlp, text, title_drugs=["Tacrolimus"])] == ["ethanol"]
    text = text.replace("chronic ethanol exposure", "chronic hypoxia")
    assert claims_of(nlp, text, title_drugs=["Tacrolimus"]) == []


@pytest.mark.parametrize("text, expected", [
    ("We studied the role of neutrophils in methotrexate-induced liver damage.", []),
    ("Curcumin reduces neutrophil recruitment in a bleomycin-induced fibrosis model.",
     [("curcumin", "decrease")]),
    ("Methotrexate-induced apoptosis of Jurkat cells was detected within six hours.",
     [("methotrexate", "increase")]),
    # resistant cells: cisplatin's apoptosis is not seen in them
    ("Survivin rendered HeLa cells resistant to cisplatin-induced apoptosis.",
     [("cisplatin", "no_change")]),
])
def test_an_induced_effect_must_be_stated_on_the_cell(nlp, text, expected):
    assert [(c[0], c[2]) for c in claims_of(nlp, text)] == expected


def test_drugs_after_but_not_have_no_effect(nlp):
    found = claims_of(nlp, "Paclitaxel, but not cisplatin and etoposide, inhibited the migration "
                           "of HeLa cells.")
    assert sorted((c[0], c[2]) for c in found) == [("cisplatin", "no_change"),
                                                    ("etoposide", "no_change"),
                                                    ("paclitaxel", "decrease")]


@pytest.mark.parametrize("text, direction", [
    ("Leukocyte apoptosis was increased in cyclophosphamide-treated rats, while melatonin "
     "reversed these effects.", "decrease"),
    ("The proliferation of T cells was reduced in irradiated mice, whereas melatonin abolished "
     "this inhibition.", "increase"),
])
def test_a_drug_acting_on_an_effect_named_anaphorically_composes(nlp, text, direction):
    found = claims_of(nlp, text)
    assert ("melatonin", direction) in [(c[0], c[2]) for c in found]


def test_cells_after_but_not_show_no_effect(nlp):
    found = claims_of(nlp, "Paclitaxel reduced the viability of HeLa cells but not of the normal "
                           "fibroblasts.")
    assert sorted((c[1], c[2]) for c in found) == [("HeLa cells", "decrease"),
                                                    ("normal fibroblasts", "no_change")]


@pytest.mark.parametrize("text, drug, direction", [
    ("Cytarabine activated caspase-3 in Jurkat cells, while dexamethasone had no effect.",
     "dexamethasone", "no_change"),
    ("Cytarabine activated caspase-3 in Jurkat cells, while dexamethasone had no effect.",
     "cytarabine", "increase"),
    ("Thus, ceramide is not a positive signal for ERK activation in T-cell lines.",
     "ceramide", "no_change"),
])
def test_a_drugs_own_negated_clause_gives_no_change(nlp, text, drug, direction):
    assert (drug, direction) in [(c[0], c[2]) for c in claims_of(nlp, text)]


def test_a_drug_as_the_agent_of_differentiation_induces_it(nlp):
    found = claims_of(nlp, "Differentiation of HL-60 cells by etoposide and tretinoin.")
    assert sorted((c[0], c[2]) for c in found) == [("etoposide", "increase"),
                                                    ("tretinoin", "increase")]


def test_untreated_cells_carry_no_drug_effect(nlp):
    found = claims_of(nlp, "Apoptosis was induced by cisplatin in HeLa cells and was also seen in "
                           "untreated fibroblasts.")
    assert [c[1] for c in found] == ["HeLa cells"]


def test_neither_nor_drugs_have_no_effect(nlp):
    found = claims_of(nlp, "Neither cisplatin nor zidovudine affected NF-kappa B activity in "
                           "Jurkat cells.")
    assert sorted((c[0], c[2]) for c in found) == [("cisplatin", "no_change"),
                                                    ("zidovudine", "no_change")]


def test_treated_cells_parsed_as_the_object_of_treated_take_the_coordinated_predicate(nlp):
    # Regression: "treated" parsed as the main verb with the cells as its object, and the
    # predicate of the cells ("was able to induce") coordinated with it, gave no claim.
    found = claims_of(nlp, "Monocyte-derived dendritic cells (DC) were generated. Bortezomib "
                           "treated immature DC was able to induce comparable levels of IL-12 "
                           "secretion.")
    assert [c[:3] for c in found] == [("bortezomib", "immature DC", "no_change")]


def test_a_measured_substance_is_no_agent(nlp):
    found = claims_of(nlp, "Intravenous phosphocreatine led to smaller changes in plasma cortisol "
                           "concentrations and to a lower activation of glucocorticoid binding in "
                           "lymphocytes.")
    assert not {"cortisol", "hydrocortisone"} & {c[0] for c in found}  # cortisol's norm


def test_a_dose_is_an_agent(nlp):
    found = claims_of(nlp, "Low concentrations of cisplatin inhibited the proliferation of HeLa "
                           "cells.")
    assert [c[:3] for c in found] == [("cisplatin", "HeLa cells", "decrease")]


def test_a_substance_a_process_moves_is_no_agent(nlp):
    found = claims_of(nlp, "Paclitaxel induced apoptotic death of HeLa cells, as shown by "
                           "phosphatidylserine translocation and cytochrome c release.")
    assert {c[0] for c in found} == {"paclitaxel"}


@pytest.mark.parametrize("text", [
    # Regression (CG, GENIA): the substance used up or turned over was read as the agent
    "Additionally, glutathione depletion and ERK inactivation was observed in EPOX-treated "
    "cells.",
    "Down-regulation of 17beta-HSD IV was associated with enhanced estradiol inactivation by "
    "U937 cells.",
    "Platelet-activating factor induces calcium flux and arachidonic acid liberation in a "
    "human B cell line.",
])
def test_a_substance_used_up_or_turned_over_is_no_agent(nlp, text):
    assert not [c for c in claims_of(nlp, text)
                if c[0] in {"glutathione", "estradiol", "arachidonic acid", "calcium"}]


def test_a_drug_joined_to_its_inducing_participle_is_the_agent_of_the_process(nlp):
    # Regression (GENIA): "LPS-induced NF-kappaB DNA binding" read LPS as what binds
    found = claims_of(nlp, "Genistein attenuated LPS-induced NF-kappaB DNA binding in human "
                           "monocytes.")
    assert ("lipopolysaccharide", "human monocytes", "increase") in [c[:3] for c in found]


def test_an_induced_effect_reaches_cells_attached_one_noun_higher():
    # A parser (the CRAFT-trained core) hangs "in Y cells" on "protection" rather than on
    # "apoptosis"; the cells are still where the X-induced apoptosis happens.
    import spacy
    from spacy.tokens import Doc

    from pipeline.claims.rules import _effect_reaches_cell
    from pipeline.claims.syntax import dependency_path
    words = ["protection", "against", "bortezomib-induced", "apoptosis", "in", "NK", "cells"]
    heads = [0, 3, 3, 0, 6, 6, 0]
    deps = ["ROOT", "case", "amod", "nmod", "case", "compound", "nmod"]
    tags = ["NN", "IN", "JJ", "NN", "IN", "NN", "NNS"]
    vocab = spacy.blank("en").vocab  # with lexical attributes: lower-case forms
    doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags)
    drug, effect, cells = doc[2], doc[3], doc[6]
    assert _effect_reaches_cell(dependency_path(drug, cells), effect, cells)
    # ... but not cells named before the effect, under another noun ("the role of Y cells in
    # X-induced damage").
    words = ["role", "of", "leukocytes", "in", "MTX-induced", "damage"]
    doc = Doc(vocab, words=words, heads=[0, 2, 0, 5, 5, 0],
              deps=["ROOT", "case", "nmod", "case", "amod", "nmod"],
              tags=["NN", "IN", "NNS", "IN", "JJ", "NN"])
    assert not _effect_reaches_cell(dependency_path(doc[4], doc[2]), doc[5], doc[2])


def test_a_short_form_in_apposition_to_an_aliased_class_is_the_drug(nlp):
    found = claims_of(nlp, "Lenalidomide is an immunomodulatory drug (IMiD) with activity "
                           "through T-cell immune synapse enhancement.")
    assert {c[0] for c in found} == {"lenalidomide"}


def test_a_class_with_the_drug_in_apposition_is_that_drug(nlp):
    # Regression (GENIA): "the phorbol ester (TPA)" gave a claim for each name
    found = claims_of(nlp, "Treatment of Jurkat cells with the phorbol ester (TPA) induced "
                           "IL-2 secretion.")
    assert [(c[0], c[1]) for c in found] == [("tpa", "Jurkat cells")]


def claims_on_parse(rows, drug, cell, more_cells=(), drug_prefix=None):
    """The rules' claims on a parse written by hand, one (word, tag, dep, head) row per token:
    how they read trees that another parser (the CRAFT-trained core) makes. ``drug`` and
    ``cell`` are (first, last) token indices of the two mentions."""
    doc, found = pair_claims_on_parse(rows, drug, cell, more_cells, drug_prefix)
    return [(c.anchor.ref.norm, c.cell.text(doc), c.evidence.direction) for c in found]


def pair_claims_on_parse(rows, drug, cell, more_cells=(), drug_prefix=None, joined=()):
    """The parse written by hand as a Doc, and the rules' PairClaims on it; the tokens at
    the indices in ``joined`` have no space after them ("(LPS)-mediated")."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.claims.lexicon import load_triggers
    from pipeline.claims.rules import ClaimFinder
    from pipeline.ner.recognizer import Mention

    words, tags, deps, heads = zip(*(row[:4] for row in rows), strict=True)
    doc = Doc(spacy.blank("en").vocab, words=list(words), tags=list(tags), deps=list(deps),
              heads=list(heads), sent_starts=[True] + [False] * (len(words) - 1),
              spaces=[i not in joined for i in range(len(words))])
    for token, row in zip(doc, rows, strict=True):
        if len(row) > 4:
            token.lemma_ = row[4]  # a lemma the pipeline's lemmatizer gives ("found" → "find")

    def mention(span, label):
        first, last = span
        return Mention(doc[first].idx, doc[last].idx + len(doc[last]), label,
                       doc[first:last + 1].text.lower(), (), "test", "exact", "", first, last)

    drug_mention = mention(drug, "DRUG")
    if drug_prefix is not None:  # a drug named inside its token ("prednisolone-treated")
        drug_mention = Mention(drug_mention.start, drug_mention.start + len(drug_prefix), "DRUG",
                               drug_prefix.lower(), (), "test", "exact", "", *drug)
    mentions = [drug_mention, mention(cell, "CELL"),
                *(mention(span, "CELL") for span in more_cells)]
    return doc, ClaimFinder(load_triggers()).find(doc, doc[:], mentions, DocumentContext(), [])


def test_the_target_beside_the_killers_on_the_killing_noun_gets_no_claim():
    # "against K562 cells" hung on "cytotoxicity" beside "of NK cells" (the templated-sentence
    # parser's reading): the NK cells kill, K562 cells are the target (guideline rule 9)
    rows = [("Lenalidomide", "NN", "nsubj", 1), ("enhanced", "VBD", "ROOT", 1),
            ("the", "DT", "det", 3), ("cytotoxicity", "NN", "dobj", 1), ("of", "IN", "case", 6),
            ("NK", "NN", "compound", 6), ("cells", "NNS", "nmod", 3),
            ("against", "IN", "case", 9), ("K562", "NN", "compound", 9),
            ("cells", "NNS", "nmod", 3), (".", ".", "punct", 1)]
    found = claims_on_parse(rows, (0, 0), (5, 6), more_cells=[(8, 9)])
    assert [c[1] for c in found] == ["NK cells"]


def test_a_means_clause_read_as_an_xcomp_still_frames_the_treatment():
    # "triggered by treating Y cells with X" with "treating" as an xcomp marked "by" (the
    # templated-sentence parser's reading, models/core.CARD.md)
    rows = [("TCR", "NN", "compound", 1), ("signaling", "NN", "nsubjpass", 3),
            ("was", "VBD", "auxpass", 3), ("triggered", "VBN", "ROOT", 3), ("by", "IN", "mark", 5),
            ("treating", "VBG", "xcomp", 3), ("Jurkat", "NN", "compound", 8),
            ("T", "NN", "compound", 8), ("cells", "NNS", "dobj", 5), ("with", "IN", "case", 10),
            ("PHA", "NN", "nmod", 5), (".", ".", "punct", 3)]
    assert claims_on_parse(rows, (10, 10), (6, 8)) == [("pha", "Jurkat T cells", "increase")]


def test_the_object_of_a_light_verb_under_the_top_is_the_trigger():
    # "X are known to have a lytic effect in Y cells" with "in Y cells" on "have" (the
    # templated-sentence parser's reading, models/core.CARD.md)
    rows = [("Glucocorticoids", "NNS", "nsubjpass", 2), ("are", "VBP", "auxpass", 2),
            ("known", "VBN", "ROOT", 2), ("to", "TO", "mark", 4), ("have", "VB", "xcomp", 2),
            ("a", "DT", "det", 7), ("lytic", "JJ", "amod", 7), ("effect", "NN", "dobj", 4),
            ("in", "IN", "case", 10), ("leukemic", "JJ", "amod", 10),
            ("cells", "NNS", "nmod", 4), (".", ".", "punct", 2)]
    assert claims_on_parse(rows, (0, 0), (9, 10)) == [
        ("glucocorticoids", "leukemic cells", "decrease")]


def test_a_treated_participle_conjoined_with_a_held_open_one_treats_the_cells():
    # "Dexamethasone- and prednisolone-treated thymocytes" in GENIA's analysis (the second
    # participle a conjunct of the first, which modifies the cells), as the templated-sentence
    # parser reads it (models/core.CARD.md)
    rows = [("Dexamethasone-", "NN", "amod", 3), ("and", "CC", "cc", 0),
            ("prednisolone-treated", "JJ", "conj", 0), ("thymocytes", "NNS", "nsubj", 4),
            ("showed", "VBD", "ROOT", 4), ("reduced", "VBN", "amod", 6),
            ("viability", "NN", "dobj", 4), (".", ".", "punct", 4)]
    found = claims_on_parse(rows, (2, 2), (3, 3), drug_prefix="prednisolone")
    assert found == [("prednisolone", "thymocytes", "decrease")]


def test_a_predicate_adjective_hung_on_the_copula_is_the_trigger():
    # "human Treg are hypersensitive to cyclophosphamide", the adjective parsed as "amod" of
    # "are" (as the CRAFT-trained core does).
    rows = [("human", "JJ", "amod", 1), ("Treg", "NN", "nsubj", 2), ("are", "VBP", "ROOT", 2),
            ("hypersensitive", "JJ", "amod", 2), ("to", "TO", "case", 5),
            ("cyclophosphamide", "NN", "nmod", 3), (".", ".", "punct", 2)]
    assert claims_on_parse(rows, (5, 5), (0, 1)) == [("cyclophosphamide", "human Treg",
                                                      "unclear")]


def effects_of(nlp, text):
    doc = nlp.make_doc(text)
    for name in nlp.pipe_names:
        doc = nlp.get_pipe(name)(doc)
    return {(c.drug_norm, c.effect) for c in doc._.claims}


@pytest.mark.parametrize("text, drug, effect", [
    # the noun a participle describes, not the agent phrase
    ("Caspase-3 is required for apoptosis induced by etoposide in Jurkat cells.", "etoposide",
     "apoptosis"),
    ("Paclitaxel resulted in a reduced migration of HeLa cells.", "paclitaxel", "migration"),
    # the cells themselves are not the effect
    ("Lenalidomide activates NK cells.", "lenalidomide", "activates"),
    # Regression: the effect stopped at the gene mention it is part of ("B")
    ("Moreover, forskolin did not activate NF-kappa B in Jurkat cells.", "colforsin",
     "NF-kappa B"),
    # Regression: with no object, the effect was the words before the verb ("patients
    # increased"), not its subject
    ("Expression of CD69 on T cells from patients increased in response to PHA.",
     "phytohemagglutinin",
     "Expression"),
    # Regression (GENIA): a host the parser made the passive subject ("patients"), then the
    # way ("via the TCR") and the purpose ("to assess ...") were taken for the effect
    ("Freshly isolated T cells from lupus patients, rheumatoid arthritis (RA) patients, and "
     "normal individuals were activated physiologically via the TCR by anti-CD3 to assess "
     "proximal membrane signaling.", "muromonab", "activated"),
    ("Jurkat cells were stimulated via the TCR by anti-CD3 to assess signaling.",
     "muromonab", "stimulated"),
    # Regression (GENIA): the phrase ran on into the next sentence ("NF-kappa B. Phorbol")
    ("In both cell lines, phorbol ester was able to activate NF-kappa B. Phorbol activation "
     "was modulated by Ca2+ influx.", "phorbol esters", "activate NF-kappa B."),
])
def test_the_effect_is_what_changes_not_the_drug_or_the_cells(nlp, text, drug, effect):
    assert (drug, effect) in effects_of(nlp, text)


@pytest.mark.parametrize("text, direction", [
    # Regression: "inhibitory" counted twice (as the effect's direction and as a trigger of
    # its own), and two decreases made an increase.
    ("Inhibitory effect of growth hormone on TNF-alpha secretion in human monocytes.",
     "decrease"),
    # an effect on a process states no direction (guideline rule 3)
    ("Effects of glucocorticoids on lymphocyte activation in patients with asthma.", "unclear"),
])
def test_the_effect_of_a_drug_on_a_process(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


@pytest.mark.parametrize("text", [
    "NF-kappaB activation in monocytes stimulated with lipopolysaccharide is reduced by "
    "fibroblast conditioned medium.",
    "TNF release by macrophages treated with lipopolysaccharide was reduced by supernatants of "
    "fibroblasts.",
])
def test_cells_named_as_the_source_of_a_material_are_not_a_population(nlp, text):
    assert not any(c[1].startswith("fibroblast") for c in claims_of(nlp, text))


def test_no_effect_on_a_light_verb_denies_the_clause_trigger(nlp):
    found = claims_of(nlp, "Cisplatin and etoposide also had no effect on caspase activation "
                           "following TNF-alpha-induced stimulation of Jurkat cells.")
    assert {c[2] for c in found} == {"no_change"} and found


def test_no_effect_on_one_thing_does_not_deny_an_effect_stated_on_the_cells():
    # "X had no effect on A but increased B in Y cells": the cells hang on "increased".
    rows = [("Cisplatin", "NN", "nsubj", 1), ("had", "VBD", "ROOT", 1), ("no", "DT", "neg", 3),
            ("effect", "NN", "dobj", 1), ("but", "CC", "cc", 1), ("increased", "VBD", "conj", 1),
            ("apoptosis", "NN", "dobj", 5), ("in", "IN", "case", 9),
            ("Jurkat", "NN", "compound", 9), ("cells", "NNS", "nmod", 5), (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (0, 0), (8, 9)) == [("cisplatin", "Jurkat cells", "increase")]


def test_a_treatment_in_apposition_to_its_agent_is_not_the_title_drug(nlp):
    found = claims_of(nlp, "Stimulation of B cells with anti-IgM, a treatment sufficient to "
                           "induce CD5 expression, failed to sustain STAT3 activation.",
                      title_drugs=["Rapamycin"])
    assert not any(c[4] for c in found)


def test_to_clarify_the_effects_is_a_statement_of_aim(nlp):
    found = claims_of(nlp, "To clarify the effects of bromocriptine on prolactinoma cells, "
                           "morphometric analyses were applied.")
    assert [c[2:4] for c in found] == [("unclear", "hedged")]


@pytest.mark.parametrize("text, implicit", [
    # "its" is STAT3's: no drug in the sentence before
    ("STAT3 is a marker of B-1 cells. Its constitutive activation promotes the proliferation "
     "of B cells.", False),
    # right after a sentence naming the drug, "its" is the drug's
    ("Rapamycin was given to the mice. Its inhibition of mTOR reduced the proliferation of "
     "B cells.", True),
])
def test_its_refers_to_the_drug_only_right_after_it_is_named(nlp, text, implicit):
    found = claims_of(nlp, text, title_drugs=["Rapamycin"])
    assert any(c[4] for c in found) is implicit


@pytest.mark.parametrize("text, absent", [
    # the comparator drug (guideline rule 11)
    ("The greater selectivity of tacrolimus, compared with cyclosporine, may prove useful in "
     "manipulating T cell responses.", ("cyclosporine", "T cell")),
    # a cell word that only builds an adjective
    ("Dexamethasone was effective in inhibiting IgE synthesis in the T cell-independent "
     "culture system.", ("dexamethasone", "T cell")),
    # a substance whose binding is measured
    ("Phosphocreatine led to a lower activation of glucocorticoid binding in lymphocytes.",
     ("glucocorticoids", "lymphocytes")),
])
def test_comparators_adjectives_and_measured_binding_make_no_claim(nlp, text, absent):
    assert absent not in [c[:2] for c in claims_of(nlp, text)]


def test_drugs_in_a_phrase_after_but_not_have_no_effect(nlp):
    found = claims_of(nlp, "The transfected K562 cells had a reduced capacity to differentiate "
                           "in the presence of sodium butyrate but not in the presence of other "
                           "inducers, such as hemin and cytarabine.")
    directions = {c[0]: c[2] for c in found}
    assert directions.get("hemin") == "no_change" and directions.get("cytarabine") == "no_change"


def test_a_drug_a_factor_is_found_in_is_not_the_agent(nlp):
    found = claims_of(nlp, "A factor in green tea extract inhibits IL-2 production in activated "
                           "T helper cells.")
    assert not any(c[0].startswith(("green tea", "tea")) for c in found)


def test_the_drug_of_a_contrasted_treatment_is_a_comparator(nlp):
    found = claims_of(nlp, "In contrast to ionomycin treatment, exposure of Jurkat cells to "
                           "phorbol myristate acetate did not induce NFATc.")
    assert "ionomycin" not in {c[0] for c in found}


def test_the_stimulus_of_a_later_step_is_not_the_agent(nlp):
    found = claims_of(nlp, "Pretreatment of Jurkat T cells by N-acetylcysteine followed by "
                           "stimulation with PMA or hydrogen peroxide resulted in strong "
                           "suppression of NF-kappa B activation.")
    assert {c[0] for c in found} == {"acetylcysteine"}


def test_substances_listed_before_a_measure_are_measured():
    # "smaller changes in ACTH and cortisol concentrations", parsed with "concentrations"
    # hanging on "ACTH".
    rows = [("changes", "NNS", "ROOT", 0), ("in", "IN", "case", 2), ("ACTH", "NN", "nmod", 0),
            ("and", "CC", "cc", 2), ("cortisol", "NN", "conj", 2),
            ("concentrations", "NNS", "dep", 2), ("in", "IN", "case", 7),
            ("lymphocytes", "NNS", "nmod", 0)]
    assert claims_on_parse(rows, (2, 2), (7, 7)) == []


def test_a_drug_a_directional_verb_changes_is_not_the_agent(nlp):
    # Regression (CG): "SOC activation in ... endothelial cells increased free cytosolic Ca2+"
    # made Ca2+ the agent of the activation.
    assert claims_of(nlp, "Hypoxia in cultured endothelial cells increased intracellular "
                          "adenosine.") == []


def test_a_drug_read_as_the_object_across_a_preposition_is_still_an_agent():
    # "mRNAs increase dramatically in response to cycloheximide", with the drug parsed as the
    # object of "increase" (as the shipped core did): a misparse, not a changed drug.
    rows = [("In", "IN", "case", 2), ("isolated", "VBN", "amod", 2), ("cells", "NNS", "nmod", 5),
            ("FOS", "NN", "compound", 4), ("mRNAs", "NNS", "nsubj", 5),
            ("increase", "VBP", "ROOT", 5), ("in", "IN", "case", 7), ("response", "NN", "dep", 9),
            ("to", "TO", "case", 9), ("cycloheximide", "NN", "dobj", 5), (".", ".", "punct", 5)]
    assert claims_on_parse(rows, (9, 9), (1, 2)) != []


@pytest.mark.parametrize("text, expected", [
    ("Retinoic acid induced the differentiation of HL-60 cells into granulocytes.",
     {"HL-60 cells"}),
    ("GM-CSF induced the differentiation of human monocytes into dendritic cells (DC).",
     {"human monocytes"}),
    # Regression (MEDLINE sample AC): "into two distinct types of macrophages"
    ("GM-CSF stimulates the differentiation of human monocytes into two distinct types of "
     "macrophages.", {"human monocytes"}),
    # with no population that differentiates, what they become is the population named
    ("Vitamin D3 promoted differentiation into osteoclasts.", {"osteoclasts"}),
])
def test_the_cells_a_population_differentiates_into_are_not_a_target(nlp, text, expected):
    assert {c[1] for c in claims_of(nlp, text)} == expected


def test_a_drug_subject_of_a_coordinated_clause_is_not_the_other_clauses_agent(nlp):
    # Regression (CG): caffeine was given adenosine's "modulate the migration of ... cells".
    found = claims_of(nlp, "Adenosine could modulate the migration of colon cancer cells and "
                           "caffeine has the potential to inhibit colon cancer cell growth.")
    assert [(c[0], c[1], c[2]) for c in found] == [("caffeine", "cancer cell", "decrease")]


def test_a_drug_and_cells_in_two_reported_clauses_make_no_claim(nlp):
    # Regression (MEDLINE sample AB): "indicate that E is inducible by X and suggest that Z
    # may regulate IgE synthesis in B cells" gave X -> B cells across the two statements
    found = claims_of(nlp, "These results indicate that NF-kappa B activity is inducible in "
                           "DND39 cells by anti-CD40 mAb and suggest that NF-kappa B may play a "
                           "role in regulating IgE synthesis in B cells.")
    assert [(c[0], c[1]) for c in found] == [("anti-cd40 antibodies", "DND39 cells")]


def test_the_clause_of_a_second_reporting_verb_hung_on_the_first_is_its_own(nlp):
    # Regression (GENIA D): "indicate that X induces T cell apoptosis ..., and suggest [that] E
    # may contribute to the activity of Z": the parser hangs the second clause on "indicate"
    found = claims_of(nlp, "These results indicate that celastrol induces T cell apoptosis "
                           "through activating caspases, and suggest the apoptotic effect of "
                           "celastrol may contribute to the immunosuppressive activity of "
                           "tacrolimus.")
    assert [(c[0], c[1]) for c in found] == [("celastrol", "T cell")]


def test_two_clauses_of_one_reporting_verb_still_link(nlp):
    # Regression (CG): the parser hangs a relative clause's verb on "suggest" as a second
    # clause; the drug still reaches the cells of that clause
    found = claims_of(nlp, "These results suggest that sorafenib exerts its effect through the "
                           "inhibition of VEGFR-2, which, when followed by loss of Akt, may lead "
                           "to activation of the molecule BAD in PC12 cells.")
    assert [(c[0], c[1]) for c in found] == [("sorafenib", "PC12 cells")]


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA C): "expressed in B cells, and is induced by X in macrophage ... lines"
    # gave X -> B cells
    ("The mRNA is highly expressed in B cells, and is induced by interferon gamma (IFN-gamma) in "
     "macrophage cell lines.", [("interferon gamma", "macrophage")]),
    # the place of the first predicate is the second's when it has none of its own
    ("Apoptosis was induced in HeLa cells and was blocked by doxorubicin.",
     [("doxorubicin", "HeLa cells")]),
    ("Jurkat cells proliferate and are killed by doxorubicin.", [("doxorubicin", "Jurkat cells")]),
])
def test_a_drug_in_a_coordinated_predicate_with_cells_of_its_own(nlp, text, expected):
    assert [(c[0], c[1]) for c in claims_of(nlp, text)] == expected


def test_a_clause_referring_back_still_reaches_the_other_clause(nlp):
    found = claims_of(nlp, "Cisplatin reduced the growth of MCF-7 cells, and pretreatment with "
                           "caffeine enhanced this effect.")
    assert ("caffeine", "MCF-7 cells", "decrease") in [c[:3] for c in found]


def test_its_after_a_subject_of_its_own_sentence_is_not_the_drug(nlp):
    # Regression (CG): "FOXO3a or its downstream activity ... in the cytotoxic drug resistant
    # breast cancer cells" was an implicit doxorubicin claim.
    found = claims_of(nlp, "Doxorubicin induces apoptosis in MCF-7 cells. FOXO3a or its "
                           "downstream activity is deregulated in the cytotoxic drug resistant "
                           "breast cancer cells.")
    assert [c[1] for c in found] == ["MCF-7 cells"]


@pytest.mark.parametrize("text, drug, cell, direction", [
    ("p53-null cells were resistant to 5-FU-induced apoptosis.", "fluorouracil",
     "p53-null cells", "no_change"),
    ("Jurkat cells were resistant to etoposide.", "etoposide", "Jurkat cells", "no_change"),
    ("These tumor cells exhibited increased resistance to the cytotoxicity of melphalan.",
     "melphalan", "tumor cells", "no_change"),
    # overcoming the resistance is the overcoming drug's effect
    ("Lenalidomide overcomes the resistance of CLL cells to fludarabine.", "lenalidomide",
     "CLL cells", "decrease"),
])
def test_resistant_cells_show_no_effect_of_the_drug(nlp, text, drug, cell, direction):
    assert (drug, cell, direction) in [c[:3] for c in claims_of(nlp, text)]


def test_cells_that_play_a_role_are_not_acted_on(nlp):
    # Regression (CG): "the role of free radicals and leukocytes in MTX-induced organ damage"
    # gave methotrexate and L-carnitine claims on the leukocytes.
    found = claims_of(nlp, "To elucidate the role of free radicals and leukocytes in "
                           "methotrexate-induced oxidative organ damage and the protective "
                           "effect of L-carnitine, rats were given methotrexate.")
    assert found == []


@pytest.mark.parametrize("text", [
    "Cells were treated with curcumin and examined for cell viability by MTT assay.",
    "The mechanisms of curcumin were investigated by cell proliferation and flow cytometry.",
])
def test_a_passive_study_verb_alone_states_a_method(nlp, text):
    assert claims_of(nlp, text) == []


def test_a_passive_study_verb_with_an_effect_noun_is_an_aim(nlp):
    found = claims_of(nlp, "The effects of curcumin were examined in Jurkat cells.")
    assert [c[:4] for c in found] == [("curcumin", "Jurkat cells", "unclear", "hedged")]


@pytest.mark.parametrize("text, drug", [
    # what a transcription factor's expression is of
    ("HIF-1alpha promotes the expression of angiogenesis factors and the survival of tumor "
     "cells.", "angiogenesis"),
    # what changes
    ("Proliferation of smooth muscle cells by SPARC is independent of changes in "
     "cyclin-dependent kinase inhibitors.", "kinase inhibitors"),
])
def test_a_drug_that_is_expressed_or_changes_is_not_the_agent(nlp, text, drug):
    # Regressions (CG): both were claims of the expressed or changing "drug".
    assert not any(drug in c[0] for c in claims_of(nlp, text))


def test_chemosensitivity_is_a_trigger_not_a_disease(nlp):
    # Regression (CG): a model read "chemosensitivity" as a disease, which hid the trigger.
    found = claims_of(nlp, "Inhibition of mTOR by rapamycin increases the chemosensitivity of "
                           "CaSki cells to paclitaxel.")
    assert ("paclitaxel", "CaSki cells", "unclear") in [c[:3] for c in found]


@pytest.mark.parametrize("text, drugs", [
    # Regression (CG): the class made a claim beside its members
    ("Vitamins such as alpha-tocopheryl succinate and beta-carotene enhance the "
     "differentiation of tumor cells.", {"vitamin e", "beta carotene"}),
    ("NSAIDs, including aspirin, reduce the proliferation of colon cancer cells.", {"aspirin"}),
])
def test_a_class_that_lists_its_members_leaves_the_claims_to_them(nlp, text, drugs):
    assert {c[0] for c in claims_of(nlp, text)} == drugs


def test_the_form_a_drug_is_given_in_is_not_a_second_agent(nlp):
    # Regression (CG): "Hyp (as stable dicyclohexylammonium salt)" gave the salt a claim.
    found = claims_of(nlp, "Hyperforin (as stable dicyclohexylammonium salt) inhibited the "
                           "chemotaxis of human neutrophils.")
    assert {c[0] for c in found} == {"hyperforin"}


@pytest.mark.parametrize("text, drug, cell", [
    # Regressions found on a hand-checked sample of GENIA abstracts (JNLPBA train text)
    ("Multidrug-resistant HL-60 cells fail to respond to TPA with an increase in c-jun "
     "transcripts.", "tpa", "HL-60 cells"),
    ("Trichostatin A activates the reporter in EML cells but not in the committed MPRO "
     "promyelocytes.", "trichostatin a", "promyelocytes"),
    ("Cells treated with 5 nM vitamin D3 showed little response, but differentiated "
     "maximally with vitamin D3 and retinoic acid.", "cholecalciferol", "Cells"),
])
def test_failures_little_response_and_but_not_give_no_change(nlp, text, drug, cell):
    assert (drug, cell, "no_change") in [c[:3] for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, absent", [
    # the cells a population is induced to differentiate into
    ("U-937 cells were induced to differentiate into macrophages following treatment with "
     "retinoic acid.", ("tretinoin", "macrophages")),
    # Regression (GENIA sample BE): ... what a line named before a relative clause becomes
    ("K562 is an erythroleukemia cell line that differentiates into megakaryocytes upon "
     "treatment with PMA.", ("phorbol 12-myristate 13-acetate", "megakaryocytes")),
    ("PMA induced U937 cells to differentiate into macrophages.",  # the cells' noun as root
     ("phorbol 12-myristate 13-acetate", "macrophages")),
    # what the cells release is measured
    ("HUVECs released superoxide in response to TNF.", ("superoxide", "HUVECs")),
    # what a drug is the precursor of
    ("NAC, a known glutathione precursor, reduced the proliferation of T cells.",
     ("glutathione", "T cells")),
    # a cell word inside an adjective or a molecule's name
    ("Cyclosporine reduced the release of T cell-derived cytokines by macrophages.",
     ("cyclosporine", "T cell")),
    ("9-cis retinoic acid induces monocyte chemoattractant protein-1 secretion in THP-1 "
     "cells.", ("alitretinoin", "monocyte")),
    ("Rapamycin reverts FK506-mediated inhibition of the nuclear factor of activated T cells.",
     ("sirolimus", "activated T cells")),
    # a microbe is a stimulus, not a drug
    ("IL-1 is released by mononuclear phagocytes after stimulation with mycobacteria.",
     ("mycobacteria", "mononuclear phagocytes")),
])
def test_products_reagents_and_molecule_names_make_no_claim(nlp, text, absent):
    assert absent not in [c[:2] for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, absent", [
    # Regressions from a second hand-checked sample of GENIA abstracts
    ("Our results indicate that signaling events initiated in PBMCs by CD4 can trigger HIV-1 "
     "upregulation.", ("hiv-1", "PBMCs")),
    ("In contrast with the observation in T cells, c-Rel induction was not blocked by "
     "pentoxifylline in B cells.", ("pentoxifylline", "T cells")),
    ("HL60 cells were treated with vitamin D3 at doses that induce their differentiation "
     "toward monocytes.", ("cholecalciferol", "monocytes")),
    ("Ionomycin increases the percentage of IL-2+ cells; HCS suppresses the percentage to the "
     "level of unstimulated cells.", ("ionomycin", "unstimulated cells")),
    ("In agar cultures, 47.10 cells form colonies in response to a cocktail of GM-CSF and "
     "interleukin-3.", ("cocktail", "47.10 cells")),
])
def test_viruses_contrasts_products_and_unstimulated_cells_make_no_claim(nlp, text, absent):
    assert absent not in [c[:2] for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    # Regressions from the GENIA samples: the second agent's own coordinated verb
    ("The migration of monocytes was inhibited by wortmannin and augmented by okadaic acid.",
     {("wortmannin", "decrease"), ("okadaic acid", "increase")}),
    ("IL-2 production by T cells was reduced by cyclosporine and enhanced by ionomycin.",
     {("cyclosporine", "decrease"), ("ionomycin", "increase")}),
])
def test_a_drugs_own_coordinated_verb_gives_its_direction(nlp, text, expected):
    assert {(c[0], c[2]) for c in claims_of(nlp, text)} == expected


@pytest.mark.parametrize("text, agents", [
    # Regression (GENIA sample BD): the class a drug is used as gave a second agent
    ("We examined the effects of glucocorticoids on eosinophil apoptosis in light of their "
     "use as anti-inflammatory and anti-allergic agents.", {"glucocorticoids"}),
    # guards: members after "such as" and a drug after "as well as" stay agents
    ("Drugs such as dexamethasone inhibited the apoptosis of neutrophils.", {"dexamethasone"}),
    ("Dexamethasone as well as budesonide inhibited the apoptosis of eosinophils.",
     {"dexamethasone", "budesonide"}),
])
def test_a_drug_after_as_names_a_role_not_an_agent(nlp, text, agents):
    assert {c[0] for c in claims_of(nlp, text)} == agents


@pytest.mark.parametrize("text, absent", [
    # the cells that make the drug are not what it acts on
    ("Prostaglandin E2 produced by RAW264.7 cells inhibits the activation of endothelial "
     "cells.", ("dinoprostone", "RAW264.7 cells")),
    # a verb with an agent of its own ("inhibited by wortmannin") is not the stimulus's
    ("Migration of monocytes in response to cobalt chloride was inhibited by wortmannin.",
     ("cobalt chloride", "monocytes")),
    # cells named as the source of an extract
    ("Dansylcadaverine prevented the shift in extracts obtained from U937 cells.",
     ("dansylcadaverine", "U937 cells")),
])
def test_producers_other_agents_and_extract_sources_make_no_claim(nlp, text, absent):
    assert absent not in [c[:2] for c in claims_of(nlp, text)]


def test_cell_words_inside_an_adhesion_molecules_name_are_no_population(nlp):
    # Regression: "platelet-endothelial cell adhesion molecule-1" gave CoCl2 claims on
    # platelets and endothelial cells.
    found = claims_of(nlp, "CoCl2 caused a twofold increase in the migration of HL-60 cells and "
                           "in the phosphorylation of platelet-endothelial cell adhesion "
                           "molecule-1.")
    assert {c[1] for c in found} == {"HL-60 cells"}


@pytest.mark.parametrize("text, expected", [
    # Regression (core 0.2.0 tags "up-regulated" as an adjective): the cells name the noun
    # the treatment is of ("a pre-B cell *line*")
    ("Phorbol ester treatment of a pre-B cell line up-regulated CD19 expression.",
     ("phorbol esters", "pre-B cell", "increase")),
    # the whole sentence parsed as one noun phrase headed by "Treatment"
    ("Treatment of the Jurkat cell line with dexamethasone induced apoptosis.",
     ("dexamethasone", "Jurkat cell", "increase")),
])
def test_treatments_of_a_cell_line_and_headline_treatments(nlp, text, expected):
    assert expected in [c[:3] for c in claims_of(nlp, text)]


def test_a_headline_treatment_without_a_trigger_is_no_claim(nlp):
    assert claims_of(nlp, "Treatment of T cells with rituximab for 2 hours.") == []


def test_a_headline_treatment_on_a_noun_phrase_parse():
    # "Treatment of MDSCs with ibrutinib significantly impaired nitric oxide production", as
    # the CRAFT-trained core parses it: "Treatment" the root, "impaired" an adjective.
    rows = [("Treatment", "NN", "ROOT", 0), ("of", "IN", "case", 2), ("MDSCs", "NNS", "nmod", 0),
            ("with", "IN", "case", 4), ("ibrutinib", "NNS", "nmod", 0),
            ("significantly", "RB", "advmod", 6), ("impaired", "JJ", "amod", 9),
            ("nitric", "JJ", "amod", 9), ("oxide", "NN", "compound", 9),
            ("production", "NN", "dep", 4), (".", ".", "punct", 0)]
    assert claims_on_parse(rows, (4, 4), (2, 2)) == [("ibrutinib", "MDSCs", "decrease")]


@pytest.mark.parametrize("text, direction", [
    ("Enhancing effect of estradiol on human NK cell activity.", "increase"),  # parsed as a verb
    ("Suppressing effects of cisplatin on T cell proliferation.", "decrease"),  # as a compound
])
def test_a_participle_before_effect_gives_its_direction(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_cells_that_differentiate_when_stimulated_increase_differentiation(nlp):
    found = claims_of(nlp, "THP-1 cells differentiate towards macrophages when stimulated with "
                           "vitamin D3.")
    assert [(c[1], c[2]) for c in found] == [("THP-1 cells", "increase")]


@pytest.mark.parametrize("text", [
    "With the exception of indomethacin, the tested agents inhibited T cell proliferation.",
    "All tested drugs except indomethacin inhibited T cell proliferation.",
    "All tested drugs (except indomethacin) inhibited T cell proliferation.",
])
def test_an_excepted_drug_has_no_effect(nlp, text):
    assert ("indomethacin", "no_change") in [(c[0], c[2]) for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, killer", [
    ("Dexamethasone suppressed neutrophil-mediated tumor cell cytostasis.", "neutrophil"),
    ("Glucocorticoid hormone suppression of human neutrophil-mediated tumor cell cytostasis.",
     "human neutrophil"),
])
def test_a_compound_target_of_a_named_killer_gets_no_claim(nlp, text, killer):
    assert [c[1] for c in claims_of(nlp, text)] == [killer]


def test_the_compound_killer_keeps_its_claim(nlp):
    found = claims_of(nlp, "Lenalidomide enhanced T cell cytotoxicity against tumor cells.")
    assert [c[1] for c in found] == ["T cell"]


def test_an_x_induced_adjective_coordinated_with_another_is_no_effect(nlp):
    assert claims_of(nlp, "The promoter is sensitive to digestion in uninduced and "
                          "estrogen-induced hepatocytes.") == []


def test_a_drug_in_a_contrasting_clause_without_an_effect_gets_no_claim(nlp):
    found = claims_of(nlp, "Differanisole A and 9-cis retinoic acid inhibited the growth of HL-60 "
                           "cells, whereas the combined treatment with differanisole A and "
                           "all-trans retinoic acid was less effective.")
    assert {c[0] for c in found} == {"differanisole a", "alitretinoin"}  # not tretinoin


def test_a_drug_in_a_contrasting_clause_with_an_effect_keeps_its_claim(nlp):
    found = claims_of(nlp, "CyA did not suppress adhesion molecule expression on HUVECs, whereas "
                           "aspirin had an inhibitory effect.")
    assert "aspirin" in {c[0] for c in found}


@pytest.mark.parametrize("text, direction", [
    ("Monocyte TF expression was negatively affected by CsA.", "decrease"),
    ("Monocyte TF expression was adversely affected by CsA.", "decrease"),
    ("Monocyte TF expression was positively affected by CsA.", "increase"),
])
def test_an_adverb_gives_an_unclear_trigger_its_direction(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


@pytest.mark.parametrize("text, direction", [
    ("Cisplatin caused apoptosis of HeLa cells.", "increase"),
    ("Bufalin causes apoptosis in human leukemia U937 cells.", "increase"),
    ("Cisplatin delayed the proliferation of HeLa cells.", "decrease"),
    ("Apoptosis of CLL cells was delayed in response to dexamethasone.", "decrease"),
])
def test_causing_and_delaying_are_triggers(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


@pytest.mark.parametrize("text, direction", [
    ("HeLa cells exposed to cisplatin showed reduced proliferation.", "decrease"),
    ("CLL cells treated with ibrutinib showed reduced migration.", "decrease"),
    ("HeLa cells treated with cisplatin showed increased apoptosis.", "increase"),
])
def test_cells_exposed_to_a_drug_showing_an_effect(nlp, text, direction):
    # the participle hangs on the cells ("Y cells exposed to X showed reduced E", issue #4)
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_treated_cells_that_are_analyzed_are_a_method(nlp):
    assert claims_of(nlp, "CLL cells treated with ibrutinib were analyzed by flow cytometry.") == []


@pytest.mark.parametrize("text, direction", [
    ("CLL cells treated with ibrutinib for 24 h underwent apoptosis.", "increase"),
    ("HeLa cells underwent apoptosis after treatment with cisplatin.", "increase"),
    ("Treatment with cisplatin resulted in apoptosis of HeLa cells.", "increase"),
    ("Cisplatin led to apoptosis of HeLa cells.", "increase"),
    ("Treatment of the cells with ionomycin resulted in a decrease in NFATp in Jurkat cells.",
     "decrease"),
    ("Pretreatment of NK cells with PDTC leads to the inhibition of NF-kappa B activation.",
     "decrease"),
    ("Incubation of U266 cells with lenalidomide led to alteration of ligand expression.",
     "unclear"),
    ("Cisplatin was cytotoxic to HeLa cells.", "decrease"),
])
def test_undergoing_resulting_in_and_cytotoxic_predicates(nlp, text, direction):
    assert {c[2] for c in claims_of(nlp, text)} == {direction}


def test_a_cytotoxic_activity_of_the_cells_is_no_decrease(nlp):
    found = claims_of(nlp, "Lenalidomide enhanced NK cell cytotoxic activity.")
    assert [c[2] for c in found] == ["increase"]


def test_cells_after_by_on_an_active_verb_are_not_its_agent(nlp):
    # the parser hangs "by NK cells" on "increased", which has a subject of its own
    found = claims_of(nlp, "The addition of lenalidomide increased rituximab-mediated ADCC by "
                           "NK cells.")
    assert [(c[0], c[1], c[2]) for c in found] == [("lenalidomide", "NK cells", "increase")]


def test_a_treatment_of_the_object_cells_is_no_claim_when_the_subject_acts(nlp):
    # guideline rule 4: the clause's subject acts; the treatment only treats the cells
    assert claims_of(nlp, "NK cells killed lenalidomide-treated MM cells more efficiently.") == []
    found = claims_of(nlp, "PG490 inhibits IL-2 expression by normal human peripheral blood "
                           "lymphocytes stimulated with PMA and ionomycin.")
    assert {c[0] for c in found} == {"pg490"}


def test_coordinated_marker_populations_give_one_claim_each(nlp):
    found = claims_of(nlp, "Lenalidomide increased the proliferation of CD4+ and CD8+ T cells.")
    assert sorted(c[1] for c in found) == ["CD4+", "CD8+ T cells"]


def test_the_target_of_killing_by_named_cells_gets_no_claim(nlp):
    found = claims_of(nlp, "Lenalidomide enhanced the lysis of CLL cells by autologous T cells.")
    assert [c[1] for c in found] == ["autologous T cells"]


@pytest.mark.parametrize("text, direction", [
    ("Dexamethasone attenuated lenalidomide-mediated NK cell activation.", "increase"),
    ("Lenalidomide-mediated inhibition of CLL cell proliferation was observed.", "decrease"),
    # the drug brings about an effect with no direction of its own: it increases it (rule 8:
    # the direction follows the property named as the effect)
    ("Rituximab-mediated ADCC of CLL cells was measured.", "increase"),
])
def test_an_x_mediated_effect_takes_the_effects_direction(nlp, text, direction):
    found = claims_of(nlp, text)
    assert [c[2] for c in found if c[0] in {"lenalidomide", "rituximab"}] == [direction]


@pytest.mark.parametrize("text, cell, direction", [
    ("Lenalidomide reduced, but did not abolish, the proliferation of MM cells.", "MM cells",
     "decrease"),
    ("Idelalisib reduces regulatory T cells and activates T helper 17 cell differentiation.",
     "T helper 17 cell", "increase"),
])
def test_a_denied_coordinated_effect_qualifies_the_first(nlp, text, cell, direction):
    assert (cell, direction) in [(c[1], c[2]) for c in claims_of(nlp, text)]


@pytest.mark.parametrize("text, direction", [
    ("Drug-treated CLL cells showed reduced viability.", "decrease"),
    ("(B) Treated T cells formed more immune synapses than untreated T cells.", "increase"),
])
def test_treated_cells_in_a_legend_take_the_implicit_drug(nlp, text, direction):
    found = claims_of(nlp, text, section="figure", title_drugs=["lenalidomide"])
    assert [(c[0], c[2], c[4]) for c in found] == [("lenalidomide", direction, True)]


def test_a_drug_in_the_absence_of_which_an_effect_occurs_is_no_agent(nlp):
    found = claims_of(nlp, "Activation of the promoter in these undifferentiated cells could be "
                           "induced by the addition of cAMP, in the absence of progesterone.")
    assert "progesterone" not in {c[0] for c in found}


def test_drugs_given_with_and_without_make_no_claim(nlp):
    # Regression (GENIA sample BD): the inhibitors "with and without" which monocytes were
    # stimulated took the stimulation
    found = claims_of(nlp, "Human monocytes were stimulated with PMA alone or LPS with and "
                           "without the kinase inhibitor staurosporine (Stauro), the PKC "
                           "inhibitor bisindolylmaleimide, or genistein.")
    assert found == []
    found = claims_of(nlp, "Dexamethasone inhibited the proliferation of T cells without "
                           "affecting IL-2 production.")
    assert [c[0] for c in found] == ["dexamethasone"]  # "without" a verb: no drug to drop


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA sample BE): IL-2 took the suppression of SOCS-3's second predicate
    ("SOCS-3 is tyrosine phosphorylated in response to interleukin-2 and suppresses STAT5 "
     "phosphorylation and lymphocyte proliferation.", set()),
    ("The protein was induced in response to LPS and suppressed the activation of "
     "macrophages.", set()),
    # guard: a drug phrase before both predicates is said of both
    ("After treatment with dexamethasone, the thymocytes lost viability and showed increased "
     "apoptosis.", {("dexamethasone", "thymocytes")}),
])
def test_a_drug_after_the_first_of_two_predicates_is_said_of_it_only(nlp, text, expected):
    assert {c[:2] for c in claims_of(nlp, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # the predicate of cells treated in a passive clause, coordinated with the treatment
    ("T cells were treated with cyclosporin A and showed reduced proliferation.",
     [("cyclosporine", "T cells", "decrease")]),
    # ... also hung on the drug by the parser; the macrophages are what the cells become
    ("U937 cells were exposed to PMA and differentiated into macrophages.",
     [("phorbol 12-myristate 13-acetate", "U937 cells", "increase")]),
])
def test_a_predicate_coordinated_with_a_passive_treatment_is_the_cells(nlp, text, expected):
    assert [c[:3] for c in claims_of(nlp, text)] == expected


def test_cells_of_a_predicate_adjective_are_not_those_of_the_coordinated_verb(nlp):
    # Regression (GENIA sample BF): "E is restricted to B lymphocytes and can be induced in
    # precursor B cells by LPS" gave LPS the B lymphocytes
    found = claims_of(nlp, "Oct-2 expression is restricted primarily to B lymphocytes and can be "
                           "induced in precursor B cells by stimulation with lipopolysaccharide.")
    assert [c[1] for c in found] == ["precursor B cells"]


@pytest.mark.parametrize("text, expected", [
    ("Dexamethasone and cyclosporin A inhibited the proliferation of thymocytes and Jurkat "
     "cells, respectively.", {("dexamethasone", "thymocytes"), ("cyclosporine", "Jurkat cells")}),
    ("IL-2 production in T cells and TNF secretion in monocytes were inhibited by cyclosporin "
     "A and dexamethasone, respectively.",
     {("cyclosporine", "T cells"), ("dexamethasone", "monocytes")}),
    # guards: without "respectively" every drug acts on every population, and so does each
    # of drugs that are no one list ("respectively" pairs the figures)
    ("Proliferation of PBMC and B cells was inhibited by RA, with maximal inhibition of 62% "
     "in PBMC and 55% in B cells by all-trans RA, and 58% and 51%, respectively by 13-cis RA.",
     {(d, c) for d in ("ra", "all-trans ra", "isotretinoin") for c in ("PBMC", "B cells")}),
    ("Dexamethasone and cyclosporin A inhibited the proliferation of thymocytes and Jurkat "
     "cells.", {(d, c) for d in ("dexamethasone", "cyclosporine")
                for c in ("thymocytes", "Jurkat cells")}),
])
def test_respectively_pairs_drugs_and_populations_in_order(nlp, text, expected):
    assert {c[:2] for c in claims_of(nlp, text)} == expected


def test_cells_differentiated_by_a_drug_are_only_treated_with_it(nlp):
    # the effect is interferon-gamma's; the cells were brought to their state by PMA before
    found = claims_of(nlp, "IP-10 expression was markedly augmented by interferon-gamma treatment "
                           "in vitamin D3-differentiated U937 cells.")
    assert [c[0] for c in found] == ["interferon-gamma"]
    assert "tretinoin" not in {c[0] for c in claims_of(
        nlp, "Interferon-gamma augmented IP-10 expression in retinoic acid-differentiated U937 "
             "cells.")}


@pytest.mark.parametrize("text", [
    "Lenalidomide is thought to activate NK cells.",
    "Lenalidomide is believed to activate NK cells.",
    "It has been postulated that lenalidomide activates NK cells.",
])
def test_beliefs_are_hedged(nlp, text):
    assert [c[3] for c in claims_of(nlp, text)] == ["hedged"]


@pytest.mark.parametrize("text", [
    "Stimulation of T cells with mAb 9.3 increased the level of intracellular Ca2+.",
    "Stimulation of T cells with BW 828 induced an increase in intracellular Ca2+.",
])
def test_a_measured_ion_written_in_two_tokens_is_no_agent(nlp, text):
    assert "ca2+" not in {c[0].lower() for c in claims_of(nlp, text)}


def test_a_chemical_derived_from_a_disease_is_still_an_agent(nlp):
    found = claims_of(nlp, "Renal cell carcinoma-derived gangliosides suppress nuclear "
                           "factor-kappaB activation in T cells.")
    assert [(c[0], c[2]) for c in found] == [("gangliosides", "decrease")]


@pytest.mark.parametrize("text, direction", [
    ("Dexamethasone- or prednisolone-induced apoptosis of thymocytes was blocked by RU486.",
     "increase"),
    ("Dexamethasone- and prednisolone-treated thymocytes showed reduced viability.", "decrease"),
])
def test_a_hyphen_held_open_shares_the_suffix(nlp, text, direction):
    found = claims_of(nlp, text)
    assert ("dexamethasone", "thymocytes", direction) in [c[:3] for c in found]
    assert ("prednisolone", "thymocytes", direction) in [c[:3] for c in found]


def test_a_means_clause_does_not_compose_with_its_purpose(nlp):
    found = claims_of(nlp, "Thalidomide suppressed angiogenesis by inhibiting endothelial cell "
                           "proliferation.")
    assert [c[2] for c in found] == ["decrease"]


def test_cells_from_treated_hosts_were_treated(nlp):
    found = claims_of(nlp, "NK cells from lenalidomide-treated patients showed enhanced "
                           "cytotoxicity.")
    assert [(c[0], c[1], c[2]) for c in found] == [("lenalidomide", "NK cells", "increase")]


def test_protecting_cells_from_an_effect_decreases_it(nlp):
    found = claims_of(nlp, "Dexamethasone protects neutrophils against apoptosis.")
    assert [c[2] for c in found] == ["decrease"]


def test_an_effect_phrase_takes_the_nouns_a_misparse_leaves_after_its_head(nlp):
    doc = nlp("Lenalidomide restores T-cell actin cytoskeletal signaling (synapse formation and "
              "functional activity) and enhances antigen-presenting function of CLL cells.")
    assert [c.effect for c in doc._.claims if c.cell == "T-cell"] == [
        "actin cytoskeletal signaling"]


def test_a_drug_sensitive_mechanism_is_no_effect_on_the_cells(nlp):
    found = claims_of(nlp, "The reporter gene was strongly induced upon activation with anti-CD3 "
                           "in Jurkat T cells through a cyclosporin A-sensitive mechanism.")
    assert "cyclosporin a" not in {c[0].lower() for c in found}


@pytest.mark.parametrize("text, cytokine", [
    ("Stimulation of NK cells with IL-2 increased their cytotoxicity.", "il-2"),
    ("Treatment of SKW 6.4 cells with IL-6 induced a transient stimulation of c-fos expression.",
     "il-6"),
])
def test_a_cytokine_cells_are_stimulated_with_is_given(nlp, text, cytokine):
    assert cytokine in {c[0].lower() for c in claims_of(nlp, text)}


def test_a_drug_restated_in_brackets_makes_one_claim(nlp):
    found = claims_of(nlp, "Triggering of HLA class II antigens by the anti-HLA-DR monoclonal "
                           "antibody (mAb) L243 enhanced the release of TNF-alpha by Raji cells.")
    assert len(found) == 1


def test_a_short_form_given_with_its_dose_in_brackets_makes_one_claim(nlp):
    # Regression (GENIA): "(PDTC, 25 microM)" was not read as a restatement: two claims
    found = claims_of(nlp, "Treatment of PAEC exposed to xenogeneic serum with the NF-kappa B "
                           "inhibitors pyrrolidinedithiocarbamate (PDTC, 25 microM) and "
                           "tosyl-phechloromethylketone (TPCK, 25 microM) significantly reduced "
                           "leukocyte adhesion.")
    assert len(found) == 2 and {c[2] for c in found} == {"decrease"}


def test_a_drug_in_the_absence_and_presence_of_which_cells_were_studied_is_present():
    # Regression: "in the absence and presence of X", the shared "of X" hung on "absence" (the
    # first conjunct, as UD has it), read as a drug left out.
    rows = [("We", "PRP", "nsubj", 1), ("measured", "VBD", "ROOT", 1),
            ("T-cell", "NN", "compound", 3), ("responses", "NNS", "dobj", 1),
            ("in", "IN", "case", 6), ("the", "DT", "det", 6), ("absence", "NN", "nmod", 1),
            ("and", "CC", "cc", 6), ("presence", "NN", "conj", 6), ("of", "IN", "case", 10),
            ("lenalidomide", "NN", "nmod", 6), (".", ".", "punct", 1)]
    assert [c[:2] for c in claims_on_parse(rows, (10, 10), (2, 2))] == [
        ("lenalidomide", "T-cell")]


def test_a_drug_alone_in_the_absence_of_which_cells_were_studied_makes_no_claim():
    rows = [("We", "PRP", "nsubj", 1), ("measured", "VBD", "ROOT", 1),
            ("T-cell", "NN", "compound", 3), ("responses", "NNS", "dobj", 1),
            ("in", "IN", "case", 6), ("the", "DT", "det", 6), ("absence", "NN", "nmod", 1),
            ("of", "IN", "case", 8), ("lenalidomide", "NN", "nmod", 6), (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (8, 8), (2, 2)) == []


def test_treated_hung_on_the_drug_still_makes_treated_cells():
    # Regression: "Bortezomib treated immature DC maintained the ability ...", parsed (by the
    # CRAFT-trained core) with "treated" under the drug and the cells as its object.
    rows = [("Bortezomib", "NN", "nsubj", 4), ("treated", "VBN", "dep", 0),
            ("immature", "JJ", "amod", 3), ("DC", "NN", "dobj", 1),
            ("maintained", "VBD", "ROOT", 4), ("the", "DT", "det", 6),
            ("ability", "NN", "dobj", 4), ("for", "IN", "case", 9),
            ("antigen", "NN", "compound", 9), ("uptake", "NN", "nmod", 6), (".", ".", "punct", 4)]
    assert claims_on_parse(rows, (0, 0), (2, 3)) == [("bortezomib", "immature DC", "no_change")]


def test_a_verb_read_with_a_prepositional_drug_as_its_object_keeps_its_direction(nlp):
    # Regression: "increase ... in response to X" parsed with X as the object of "increase"
    # was read as X acted on, and the claim lost its direction.
    found = claims_of(nlp, "In freshly isolated cells, both FOS and FOSB mRNAs increase "
                           "dramatically in response to the protein synthesis inhibitor "
                           "cycloheximide.")
    assert [(c[0], c[2]) for c in found] == [("cycloheximide", "increase")]


@pytest.mark.parametrize("text, cells", [
    # Regression: "against the sensitive target K562" hung on the verb made a claim on the
    # target although the killer is named (guideline rule 9)
    ("Moreover, the inhibitors of serine proteases, TLCK and TPCK, also blocked the cytolytic "
     "activity of NK cells against the sensitive target K562.", {"NK cells"}),
    ("Lenalidomide enhanced the cytotoxicity of NK cells against K562 cells.", {"NK cells"}),
    ("Lenalidomide enhanced cytotoxicity against K562 cells.", {"K562 cells"}),
])
def test_a_target_of_named_killers_gets_no_claim(nlp, text, cells):
    assert {c[1] for c in claims_of(nlp, text)} == cells


def test_the_effects_on_cells_of_a_drug_hung_on_the_cells_are_an_aim(nlp):
    # Regression: "of X" attached to the cells, not to "effects", linked nothing.
    found = claims_of(nlp, "We have compared the effects on U-937 cells of etoposide and "
                           "ICRF-193.")
    assert {(c[0], c[2], c[3]) for c in found} == {("etoposide", "unclear", "hedged"),
                                                   ("icrf-193", "unclear", "hedged")}


def test_a_drug_listed_with_the_cells_effect_noun_is_measured_beside_it(nlp):
    # Regression: "a correlation between lymphocyte infiltration and ... cortisol excretion"
    # made cortisol increase the lymphocytes' infiltration.
    assert claims_of(nlp, "It was matched by an inverse correlation between lymphocyte "
                          "infiltration and blood-thyroid hormone concentration, urine "
                          "catecholamines and free cortisol excretion.") == []
    assert {c[0] for c in claims_of(nlp, "Lenalidomide and rituximab enhanced the killing "
                                         "of CLL cells.")} == {"lenalidomide", "rituximab"}


@pytest.mark.parametrize("text, expected", [
    # Regression: the coordinated predicate of the second cells, a denial, was passed over
    # and the first verb's direction given to them.
    ("Lenalidomide increased proliferation of T cells but had no effect on NK cells.",
     {"T cells": "increase", "NK cells": "no_change"}),
    ("Lenalidomide increased proliferation of T cells but did not affect NK cells.",
     {"T cells": "increase", "NK cells": "no_change"}),
    ("H-89 substantially suppressed LPS-induced TNF mRNA accumulation in unprimed cells, but "
     "had no effect on primed monocytes.", {"unprimed cells": "decrease",
                                             "monocytes": "no_change"}),
    ("Lenalidomide increased proliferation of T cells and reduced apoptosis of NK cells.",
     {"T cells": "increase", "NK cells": "decrease"}),
])
def test_a_coordinated_denial_is_the_second_cells_own_predicate(nlp, text, expected):
    found = claims_of(nlp, text)
    assert {c[1]: c[2] for c in found if c[0] != "lipopolysaccharide"} == expected


def test_a_state_named_with_the_cells_is_no_trigger(nlp):
    # Regression: "activated" in "anti-CD3 activated Hut-78 T cells" was read as a change
    # and became the effect of the dexamethasone claim.
    text = ("We observed that dexamethasone dramatically inhibited RANTES mRNA expression in "
            "anti-CD3 activated Hut-78 T cells.")
    effects = [e for drug, e in effects_of(nlp, text) if drug == "dexamethasone"]
    assert effects and all("activated" not in effect for effect in effects)


@pytest.mark.parametrize("text, drugs", [
    # Regression (PubMed XML): the drug hung on the cells, and the treating verb is the means
    ("TCR signaling was triggered by treating Jurkat T cells with PHA or anti-CD3 Abs.",
     {"phytohemagglutinin", "anti-cd3 antibodies"}),
    ("Apoptosis was induced by treating HeLa cells with cisplatin.", {"cisplatin"}),
])
def test_an_effect_brought_about_by_treating_cells_is_the_drugs(nlp, text, drugs):
    found = claims_of(nlp, text)
    assert {c[0] for c in found} == drugs and {c[2] for c in found} == {"increase"}


def test_treated_cells_compared_across_hosts_state_no_effect_of_the_treatment(nlp):
    # Regression (GENIA): the difference between subjects and controls was given to PHA
    assert claims_of(nlp, "Phytohemagglutinin stimulated lymphocytes derived from DS subjects "
                          "showed a diminished proliferation capacity in comparison with "
                          "lymphocytes derived from NCL and healthy individuals.") == []
    assert claims_of(nlp, "RNase protection assays revealed that anti-CD3/PMA-stimulated T "
                          "cells from a substantial proportion of elderly subjects exhibited "
                          "decreased levels of c-fos mRNA compared to T cells from young "
                          "subjects.") == []
    for comparator in ("untreated cells", "cells from untreated mice",
                       "control cells without antibiotics"):
        found = claims_of(nlp, "Cisplatin-treated HeLa cells showed reduced proliferation in "
                               f"comparison with {comparator}.")
        assert [(c[0], c[2]) for c in found] == [("cisplatin", "decrease")]


def test_a_state_participle_written_apart_from_the_drug_is_a_treatment(nlp):
    # Regression (PubMed XML): "anti-CD3 activated Hut-78 T cells and human PBMCs" made
    # anti-CD3 an activator of both, and "activated" the effect on the PBMCs
    found = claims_of(nlp, "We observed that dexamethasone dramatically inhibited RANTES mRNA "
                           "expression in anti-CD3 activated Hut-78 T cells and human PBMCs.")
    assert [(c[0], c[1], c[2]) for c in found] == [
        ("dexamethasone", "T cells", "decrease"), ("dexamethasone", "human PBMCs", "decrease")]
    assert ("dexamethasone", "RANTES mRNA expression") in effects_of(
        nlp, "Dexamethasone inhibited RANTES mRNA expression in anti-CD3 activated T cells and "
             "human PBMCs.")
    # a headline parsed as a noun phrase keeps its verb
    assert [c[2] for c in claims_of(nlp, "Lenalidomide activated NK cells.")] == ["increase"]


@pytest.mark.parametrize("text, cells", [
    # Regression: a short form in brackets, or a line's name after "cell line,", made a
    # second claim on the same population.
    ("Treatment of human umbilical vein endothelial cell (HUVEC) monolayers with diamide "
     "decreased GSH levels.", ["human umbilical vein endothelial cell (HUVEC)"]),
    ("CD20 was induced in the pre-B cell line, PB-697, by phorbol esters.",
     ["pre-B cell line, PB-697"]),
    ("Lenalidomide enhanced the proliferation of Jurkat cells, U937 cells and NK cells.",
     ["Jurkat cells", "U937 cells", "NK cells"]),
    # Regression (GENIA): a line described in apposition after its name gave a second claim
    ("AM580 is a powerful inducer of granulocytic maturation in NB4, an APL-derived cell "
     "line, and in APL blasts.", ["NB4", "APL blasts"]),
    ("Ibrutinib inhibited Jurkat, a human T cell line, and reduced IL-2 secretion.",
     ["Jurkat"]),
])
def test_cells_restated_in_brackets_or_after_their_line_are_one_population(nlp, text, cells):
    assert [c[1] for c in claims_of(nlp, text)] == cells


@pytest.mark.parametrize("text, drugs", [
    # Regression: "GSH levels" is measured, and so is GSH in "the ratio of GSSG to GSH"
    ("Treatment of HUVEC monolayers with diamide decreased GSH levels and increased the ratio "
     "of GSSG to GSH.", {"diamide"}),
    # Regression: a drug in apposition inside a list of released substances
    ("Tyloxapol reduces resting secretion of the cytokine interleukin-8 (IL-8) in cultured "
     "human monocytes, and inhibits lipopolysaccharide (LPS)-stimulated release of tumor "
     "necrosis factor-alpha (TNF-alpha), IL-6, IL-8, granulocyte-macrophage "
     "colony-stimulating factor (GM-CSF), and interleukin-1.", {"tyloxapol"}),
    # a drug given in the sentence stays an agent where another mention is measured
    ("The anti-PD-1 antibody had no obvious effect on resting PBMCs; however, high levels of "
     "the anti-PD-1 antibody partly stimulated PBMC proliferation.", {"anti-pd-1 antibodies"}),
    # Regression: a drug named as what is made ("LTB4 generation") was an agent, and so was
    # one in an adjective describing patients ("corticosteroid-resistant asthmatic subjects")
    ("Monocytes from corticosteroid-resistant asthmatic subjects augment LTB4 generation by "
     "human neutrophils.", set()),
    # Regression: what is absent ("lipopolysaccharide-free") was an agent, and so was the
    # stimulus of a later step ("and then stimulated with PMA")
    ("Copper addition in a lipopolysaccharide-free culture system enhanced IL-1 beta levels in "
     "human peripheral blood mononuclear cells.", set()),
    ("HL60 cells that were treated with tepoxalin, and then stimulated with PMA, showed a "
     "reduced expression of CD11b.", {"tepoxalin"}),
])
def test_a_substance_the_sentence_measures_is_no_agent(nlp, text, drugs):
    assert {c[0] for c in claims_of(nlp, text)} == drugs


def test_an_effect_reversed_in_the_passive_turns_the_reversing_drug(nlp):
    # Regression: "the effect was reversed by X" gave X the direction of the effect itself.
    found = claims_of(nlp, "The IFN alpha production by monocytes was inhibited by "
                           "glucocorticoids; the effect was reversed by the receptor antagonist "
                           "RU-38486.")
    assert {c[0]: c[2] for c in found} == {"glucocorticoids": "decrease", "ru-38486": "increase"}


def test_a_result_clause_is_not_composed_with_the_verb_it_follows(nlp):
    # Regression: "block ..., thereby inhibiting the activation of Y" composed block and
    # inhibit into an increase.
    found = claims_of(nlp, "The immunosuppressants ciclosporin and FK506 block the "
                           "Ca(2+)-dependent signal-transduction pathway emanating from the "
                           "T-cell receptor, thereby inhibiting the activation of helper T cells.")
    assert {(c[0], c[2]) for c in found} == {("cyclosporine", "decrease"), ("tacrolimus", "decrease")}


def test_cell_words_before_receptor_name_a_molecule_however_parsed(nlp):
    # Regression (GENIA sample BD): "T cell receptor- and phytohemagglutinin-mediated
    # activation" gave phytohemagglutinin a claim on "T cell"
    found = claims_of(nlp, "Overexpression of SIT in Jurkat cells downmodulates T cell receptor- "
                           "and phytohemagglutinin-mediated activation of NF-AT.")
    assert "T cell" not in [c[1] for c in found]
    # GENIA sample BF: "a T-cell antigen receptor element was activated in Jurkat cells by X"
    found = claims_of(nlp, "A reporter gene under the control of a T-cell antigen receptor "
                           "element was activated in Jurkat cells by phorbol myristate acetate.")
    assert [c[1] for c in found] == ["Jurkat cells"]


def test_cells_that_cells_referred_to_by_a_pronoun_become_are_a_product(nlp):
    # Regression: "they were induced by X to differentiate towards granulocytes" made a claim
    # on the granulocytes.
    found = claims_of(nlp, "Levels of C/EBP epsilon mRNA were markedly increased in NB4 cells, "
                           "because they were induced by 9-cis retinoic acid to differentiate "
                           "towards granulocytes.")
    assert [c[1] for c in found] == ["NB4 cells"]


def test_what_the_authors_measured_is_no_agent(nlp):
    # Regression: "measured IFN alpha, cortisol, and ACTH" made cortisol and ACTH agents.
    found = claims_of(nlp, "Therefore, we examined glucocorticoid receptor characteristics on "
                           "monocytes by [3H]dexamethasone binding and measured IFN alpha, "
                           "cortisol, and ACTH in AIDS patients.")
    assert found == []  # not hydrocortisone, not adrenocorticotropic hormone


@pytest.mark.parametrize("text, drug, direction", [
    # Regression: a means phrase ("through its inhibitory action on Y") was composed with the
    # verb it serves, an increase.
    ("Our results suggest that NAC might impair the generation of primary immune responses in "
     "humans through its inhibitory action on dendritic cells.", "nac", "decrease"),
    # Regression: "rescued/protected Y from apoptosis", read as one noun phrase, lost the turn
    ("Lenalidomide rescued T cells from apoptosis.", "lenalidomide", "decrease"),
    ("Lenalidomide protected T cells from apoptosis.", "lenalidomide", "decrease"),
    # Regression: a past tense read as a participle made the sentence one noun phrase, and
    # the participle went into the cell mention: no claim at all
    ("In this study, lenalidomide activated NK cells and enhanced their cytotoxicity.",
     "lenalidomide", "increase"),
    # Regression: with a bracketed brand name, the cells hung on the drug's root as "dep"
    ("Lenalidomide (Revlimid) activated NK cells and enhanced their cytotoxicity.",
     "lenalidomide", "increase"),
    ("Lenalidomide stimulated T cells.", "lenalidomide", "increase"),
])
def test_headline_and_means_constructions_keep_their_direction(nlp, text, drug, direction):
    assert [(c[0], c[2]) for c in claims_of(nlp, text)] == [(drug, direction)]


def test_a_change_stated_in_cells_a_drug_stimulated_is_its_claim(nlp):
    # Guideline rule 5: the treatment alone is no claim, the effect stated on the treated
    # cells is; no other agent acts here (GENIA sample AJ: these were taken for states)
    found = claims_of(nlp, "TAR independent activation of the human immunodeficiency virus in "
                           "phorbol ester stimulated T lymphocytes.")
    assert [(c[1], c[2]) for c in found] == [("T lymphocytes", "increase")]


def test_a_cell_line_restated_in_brackets_after_line_is_one_population(nlp):
    found = claims_of(nlp, "Treatment of a human T cell line (Molt-4) with dexamethasone "
                           "inhibits the activation of NF-kappa B.")
    assert [c[1] for c in found] == ["human T cell line (Molt-4)"]


def test_a_coordinated_failure_does_not_deny_the_first_effect(nlp):
    # Regression: "induces E but fails to initiate F": "fails", a child of "induces" as its
    # conjunct, denied the first effect too.
    found = claims_of(nlp, "Treatment of B lymphocytes with IL-4 induces a weak up-regulation "
                           "of VDR expression but fails to initiate the genomic transcription of "
                           "the gene.")
    assert [(c[1], c[2]) for c in found] == [("B lymphocytes", "increase")]
    assert claims_of(nlp, "Lenalidomide cannot induce apoptosis of T cells.")[0][2] == "no_change"


@pytest.mark.parametrize("text, cells", [
    # Regression: "to differentiate" hung on the agent; the cells are the verb's subject
    ("In summary, expression of C/EBP epsilon mRNA is markedly enhanced as the NB4 "
     "promyelocytes are induced by retinoids to differentiate towards granulocytes.",
     ["NB4 promyelocytes"]),
    # Regression: "the T cell clone Jurkat" is one population, like "the T cell line Jurkat"
    ("The effects of prostaglandin E2 on proliferation of the CD4+ human helper T cell clone "
     "Jurkat were investigated.", ["CD4+ human helper T cell clone Jurkat"]),
])
def test_one_population_per_cell_named_once(nlp, text, cells):
    assert [c[1] for c in claims_of(nlp, text)] == cells


@pytest.mark.parametrize("text, expected", [
    # Regression: "X-stimulated Y cells" made a claim that X stimulates Y; like "X-treated",
    # it names the state the cells were in, and only an effect stated on them is a claim
    ("HIV production by PMA-stimulated T-cell lines was inhibited by these retinoids.",
     {"retinoids"}),
    ("A library was made from lipopolysaccharide-stimulated mouse splenic B cells.", set()),
    ("LPS-stimulated monocytes showed an increased expression of p105 mRNA.",
     {"lipopolysaccharide"}),
    # on an effect, the participle states the change
    ("Dehydroepiandrosterone modulation of lipopolysaccharide-stimulated monocyte "
     "cytotoxicity.", {"dehydroepiandrosterone", "lipopolysaccharide"}),
])
def test_stimulated_cells_are_in_a_state(nlp, text, expected):
    assert {c[0] for c in claims_of(nlp, text)} == expected


def test_treated_killer_cells_that_kill_show_an_increase(nlp):
    found = claims_of(nlp, "Lenalidomide-treated NK cells killed K562 cells more efficiently.")
    assert [(c[0], c[1], c[2]) for c in found] == [("lenalidomide", "NK cells", "increase")]


def test_an_elliptical_denial_in_a_contrasting_clause_is_no_change(nlp):
    # Regression: "while inhibitors of PI 3-kinase (wortmannin) ... did not": the drug in
    # apposition to the subject of the elided verb got the first clause's decrease
    found = claims_of(nlp, "Specific inhibitors of p70(S6)-kinase (rapamycin) prevented "
                           "induction of IL-10 production by gp41 in monocytes, while inhibitors "
                           "of the phosphatidylinositol 3-kinase (wortmannin) did not.")
    assert {c[0]: c[2] for c in found} == {"sirolimus": "decrease", "wortmannin": "no_change"}


def test_an_effect_during_the_cells_own_activation_is_on_the_cells(nlp):
    # Regression: "during T-cell activation" was read as a circumstance apart from the cells
    found = claims_of(nlp, "Oct-2 mRNA induction during antigen-driven T-cell activation was "
                           "blocked by cyclosporin A.")
    assert [(c[0], c[1], c[2]) for c in found] == [("cyclosporine", "T-cell", "decrease")]
    assert claims_of(nlp, "IL-2 levels rose in patients treated with cyclosporin A before "
                          "T-cell transfer.") == []


def test_an_increase_hung_on_the_cells_of_a_decrease_is_not_composed_with_it(nlp):
    # Regression: "a decrease in A cells and an increase in B cells", the increase parsed as a
    # conjunct of "A cells", made the B cells decrease too
    found = claims_of(nlp, "In all patients a marked decrease in IL-2-producing cells and a "
                           "significant increase in well-differentiated Th1 cells were evident "
                           "after priming with anti-CD3.")
    assert {c[1]: c[2] for c in found} == {"IL-2-producing cells": "decrease",
                                           "Th1 cells": "increase"}


@pytest.mark.parametrize("text, drug, direction", [
    # Regression: "T cells stimulated with X demonstrated increases" made no claim (the
    # participle is no treatment word), and a later clause's decrease won
    ("Whereas T cells from young subjects stimulated with PMA demonstrated considerable "
     "increases in c-Fos protein expression, the expression of c-Fos was markedly reduced in "
     "stimulated T cells from certain elderly subjects.", "phorbol 12-myristate 13-acetate",
     "increase"),
    ("Monocytes stimulated with LPS produced more TNF.", "lipopolysaccharide", "increase"),
    # Regression: a short form in brackets between the drug and a past tense read as a
    # participle hid the headline
    ("Here we demonstrate that hexamethylene bisacetamide (HMBA) induced K562 cells to "
     "differentiate along a third pathway.", "hexamethylene bisacetamide", "increase"),
])
def test_stimulated_cells_and_headlines_with_short_forms(nlp, text, drug, direction):
    assert [(c[0], c[2]) for c in claims_of(nlp, text)] == [(drug, direction)]


def test_cells_stimulated_with_a_drug_and_only_analyzed_make_no_claim(nlp):
    assert claims_of(nlp, "PBMC stimulated with PMA were analyzed by flow cytometry.") == []


@pytest.mark.parametrize("text, direction", [
    # Regression: a verb without a direction governing a change ("regulate the induction of
    # apoptosis") passed on the change's own direction
    ("Estrogen can regulate induction of apoptosis of endothelial cells.", "unclear"),
    ("Lenalidomide modulates the activation of T cells.", "unclear"),
    ("Lenalidomide adversely affected the proliferation of T cells.", "decrease"),
    ("Lenalidomide increased the proliferation of T cells.", "increase"),
])
def test_a_verb_without_direction_governing_a_change_leaves_it_unclear(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


@pytest.mark.parametrize("text, cell, direction", [
    # Regression: a lytic or cytotoxic activity of the drug was read without a direction
    ("Glucocorticoids are known to have a lytic effect in leukemic cells.", "leukemic cells",
     "decrease"),
    ("Ara-C showed cytotoxic activity against leukemic cells.", "leukemic cells", "decrease"),
    # the cells' own cytotoxic activity is what the verb changes
    ("Lenalidomide increased the cytotoxic activity of NK cells against K562 cells.",
     "NK cells", "increase"),
    ("Ibrutinib has been shown to inhibit healthy donor NK-cell cytotoxic activity in vitro.",
     "healthy donor NK-cell", "decrease"),
])
def test_the_kind_of_a_drugs_activity_gives_the_direction(nlp, text, cell, direction):
    assert [(c[1], c[2]) for c in claims_of(nlp, text)] == [(cell, direction)]


@pytest.mark.parametrize("text, drug, direction", [
    # Regression: "in Y cells" hung on the drug of a treatment subject made no claim, or took
    # the treatment noun's own direction ("Stimulation ... inhibited" read as an increase)
    ("Treatment with troglitazone in human macrophages inhibited MMP-9 activity.",
     "troglitazone", "decrease"),
    ("Stimulation of PPARgamma with troglitazone in human macrophages inhibited MMP-9 "
     "activity.", "troglitazone", "decrease"),
])
def test_a_treatment_whose_cells_hang_on_the_drug_is_still_the_frame(nlp, text, drug, direction):
    assert [(c[0], c[2]) for c in claims_of(nlp, text)] == [(drug, direction)]


def test_a_treatment_that_is_only_performed_makes_no_claim(nlp):
    assert claims_of(nlp, "Treatment with troglitazone in human macrophages was performed "
                          "for 2 h.") == []


def test_an_effect_blocked_by_a_drug_in_a_relative_clause_turns_its_direction(nlp):
    # Regression: "a decrease in E, which was blocked by coincubation with X" gave X the
    # decrease itself
    found = claims_of(nlp, "The mineralocorticoid aldosterone exerted a significant decrease in "
                           "LPS-induced monocyte IL-1ra secretion in vitro, which was blocked by "
                           "coincubation with spironolactone.")
    assert {c[0]: c[2] for c in found} == {"aldosterone": "decrease",
                                           "spironolactone": "increase",
                                           "lipopolysaccharide": "increase"}


@pytest.mark.parametrize("text, cell, direction", [
    ("In contrast, dexamethasone was a potent inhibitor of neutrophil apoptosis.", "neutrophil",
     "decrease"),
    ("Lipopolysaccharide is a potent stimulator of monocytes.", "monocytes", "increase"),
])
def test_a_predicate_agent_noun_states_the_drugs_effect(nlp, text, cell, direction):
    assert [(c[1], c[2]) for c in claims_of(nlp, text)] == [(cell, direction)]


def test_an_agent_noun_naming_a_drug_class_is_no_trigger(nlp):
    assert claims_of(nlp, "Ibrutinib, a BTK inhibitor, was given to patients with CLL "
                          "B cells.") == []


def test_cells_that_are_the_subject_of_a_coordinated_clause_take_its_effect(nlp):
    # Regression: "abrogates its activity" reached the cells through "and ... fail", a clause
    # of their own: a decrease instead of no effect
    found = claims_of(nlp, "The effects of gp160 are mediated through CD4, since treatment of "
                           "gp160 with soluble CD4-IgG abrogates its activity, and CD4 negative T "
                           "cell lines fail to be stimulated with gp160.")
    assert [(c[1], c[2]) for c in found] == [("CD4 negative T cell", "no_change")]


@pytest.mark.parametrize("text, direction", [
    ("After treatment of APL cells with AM580, the compound induces granulocytic maturation.",
     "increase"),
    ("After treatment of APL cells with AM580, apoptosis increased.", "increase"),
    ("Following incubation of APL cells with AM580, proliferation was inhibited.", "decrease"),
    # Regression (GENIA): a phosphorylation is a change, as its induction is
    ("Rel is rapidly phosphorylated following AM580 treatment of APL cells.", "increase"),
])
def test_a_treatment_that_dates_the_clause_takes_its_effect(nlp, text, direction):
    assert [(c[0], c[1], c[2]) for c in claims_of(nlp, text)] == [("am580", "APL cells",
                                                                   direction)]


@pytest.mark.parametrize("text, found", [
    ("When human monocytes were preincubated with dexamethasone for 1 hour, dexamethasone "
     "inhibited the interleukin-1 beta production.", [("human monocytes", "decrease")]),
    ("When human monocytes were preincubated with dexamethasone, it was found that the drug "
     "inhibited interleukin-1 beta production.", [("human monocytes", "decrease")]),
    ("When Jurkat cells were treated with dexamethasone, apoptosis increased.",
     [("Jurkat cells", "increase")]),
    # the effect the clause blocks is a suppression: an increase
    ("The immunosuppressive effects of TPCK are blocked when T cells are pretreated with "
     "dexamethasone.", [("T cells", "increase")]),
    # another agent acts in the dated clause: the treatment is only its setting
    ("When human monocytes were preincubated with dexamethasone, interleukin-10 inhibited the "
     "interleukin-1 beta production.", []),
])
def test_a_when_clause_treatment_takes_the_effect_of_the_clause_it_dates(nlp, text, found):
    # Regression (GENIA): the cells named only in the "when" clause had no claim
    assert [(c[1], c[2]) for c in claims_of(nlp, text) if c[0] == "dexamethasone"] == found


def test_a_treatment_time_hung_on_the_verbs_last_noun_dates_the_verb(nlp):
    # Regression (GENIA): "upon lymphocyte treatment with H2O2" parsed under "tyrosine"
    found = claims_of(nlp, "A protein of 92 kDa is phosphorylated on tyrosine upon lymphocyte "
                           "treatment with hydrogen peroxide.")
    assert [(c[0], c[1], c[2]) for c in found] == [("hydrogen peroxide", "lymphocyte",
                                                    "increase")]


def test_the_antibody_of_an_assay_is_no_agent(nlp):
    # Regression (GENIA): the antibodies that precipitated the protein took its change
    found = claims_of(nlp, "Moreover, anti-STAT3 antibodies specifically precipitated a protein "
                           "that becomes phosphorylated upon lymphocyte treatment with H2O2.")
    assert [c[0] for c in found] == ["h2o2"]


@pytest.mark.parametrize("text, found", [
    ("Ex vivo experiments using uninfected PBMCs or primary monocytes show that HIV-1 "
     "replication is inhibited by lenalidomide.",
     [("PBMCs", "decrease"), ("primary monocytes", "decrease")]),
    ("Studies with Jurkat cells demonstrated that lenalidomide did not inhibit IL-2 production.",
     [("Jurkat cells", "no_change")]),
    # the finding's own cells: nothing borrowed from the study
    ("Studies with Jurkat cells demonstrated that IL-2 production was increased in cells "
     "treated with lenalidomide.", [("cells", "increase")]),
])
def test_the_cells_a_study_used_take_the_finding_it_reports(nlp, text, found):
    # Regression (GENIA): the cells named only in the subject had no claim
    assert [(c[1], c[2]) for c in claims_of(nlp, text)] == found


@pytest.mark.parametrize("text, found", [
    # Regression (GENIA): "modification" was no trigger, and the denial was lost
    ("Furthermore, no modification of the suppressor function in CEM C1 cells by "
     "dexamethasone was observed.", [("C1 cells", "no_change")]),
    ("Neither the viability of dendritic cells nor their endocytosis were modified by "
     "dexamethasone.", [("dendritic cells", "no_change")]),
    ("In CD45RA+ cells, dexamethasone caused a more profound depression in the levels of "
     "IkappaB alpha.", [("CD45RA+ cells", "decrease")]),
    # a limiting element is a role, not a change: the response states none either
    ("The T cells are likely to be the limiting element in the T cell response to "
     "dexamethasone.", [("T cell", "unclear")]),
])
def test_denied_modifications_depressions_and_limiting_roles(nlp, text, found):
    assert [(c[1], c[2]) for c in claims_of(nlp, text)] == found


def test_a_predicate_noun_restating_the_drug_is_no_second_agent(nlp):
    # Regression (GENIA): "Trapoxin is a ... cyclotetrapeptide that ..." gave two claims
    found = claims_of(nlp, "Trapoxin is a microbially derived cyclotetrapeptide that inhibits "
                           "histone deacetylation and causes mammalian cells to arrest.")
    assert [c[0] for c in found] == ["trapoxin"]


def test_an_inducibility_is_an_increase(nlp):
    found = claims_of(nlp, "cAMP inducibility of the repressor ICER in mature human T "
                           "lymphocytes.")
    assert [(c[1], c[2]) for c in found] == [("mature human T lymphocytes", "increase")]


def test_a_drug_that_dates_another_agents_clause_keeps_its_own_direction(nlp):
    # Regression: the stimulus in "following stimulation with PMA" took the suppressing verb
    # of the clause's subject: a decrease
    found = claims_of(nlp, "Ascorbic acid suppresses the induction of HIV in latently infected "
                           "T lymphocytic cells following stimulation with PMA.")
    assert {(c[0], c[2]) for c in found} == {("ascorbic acid", "decrease"),
                                             ("phorbol 12-myristate 13-acetate", "increase")}


def test_a_drug_dating_another_agents_denied_effect_has_no_claim(nlp):
    # Regression (GENIA): "had no effect on primed monocytes following LPS stimulation" gave
    # LPS the no_change that is H-89's
    found = claims_of(nlp, "H-89 substantially suppressed LPS-induced TNF mRNA accumulation "
                           "in unprimed cells, but had no effect on primed monocytes following "
                           "LPS stimulation.")
    assert {(c[0], c[1], c[2]) for c in found if c[0] == "lipopolysaccharide"} == {
        ("lipopolysaccharide", "unprimed cells", "increase")}


def test_a_change_dated_by_the_drug_is_the_drugs_own(nlp):
    # Regression (GENIA): with the effect as the clause's subject, "upon PMA stimulation" was
    # read as dating another agent's clause, and the increase was lost
    found = claims_of(nlp, "Egr-1 production in Jurkat cells increased upon PMA stimulation.")
    assert [c[:3] for c in found] == [("phorbol 12-myristate 13-acetate", "Jurkat cells",
                                       "increase")]


def test_an_induced_effect_reaches_the_cells_its_clause_takes_place_in(nlp):
    # Regression: with the cells fronted ("In T cells, ..."), the inner drug had no claim
    found = claims_of(nlp, "In T cells, anti-CD3-induced c-Rel expression was blocked by "
                           "lenalidomide.")
    assert {(c[0], c[1], c[2]) for c in found} == {("muromonab", "T cells", "increase"),
                                                   ("lenalidomide", "T cells", "decrease")}


@pytest.mark.parametrize("text, drug, direction", [
    # Regression: the verb acting on "E induced by X" gave X its direction (a decrease)
    ("Erythroid differentiation of K562 cells induced by hemin was reduced.", "hemin",
     "increase"),
    ("T cell proliferation induced by PHA was inhibited by cyclosporin A.", "phytohemagglutinin",
     "increase"),
])
def test_an_effect_induced_by_the_drug_keeps_the_drugs_direction(nlp, text, drug, direction):
    assert (drug, direction) in {(c[0], c[2]) for c in claims_of(nlp, text)}


def test_cells_stimulated_by_a_drug_in_an_argument_phrase_are_only_treated(nlp):
    # an agent of its own acts on the stimulated cells (guideline rule 4)
    found = claims_of(nlp, "The growth inhibition of PBMCs stimulated by PHA was mediated by "
                           "PD-L1.")
    assert found == []


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA): "inactivates" was no trigger, and the fronted cells had no claim
    ("In C57MG fibroblast cells, lithium inactivates GSK-3beta.", "decrease"),
    ("Dexamethasone hindered the migration of Jurkat cells.", "decrease"),
    ("Cisplatin mitigated the expansion of HeLa cells.", "decrease"),
    ("Dexamethasone heightened the responsiveness of neutrophils.", "increase"),
    ("Vorinostat reactivated HIV expression in latently infected CD4+ T cells.", "increase"),
])
def test_triggers_added_to_the_lexicon(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_the_by_agent_of_a_nominal_trigger_hung_on_its_process(nlp):
    # Regression (GENIA): "by dexamethasone" hung on "proliferation", not on "Inhibition"; its
    # listed partners (hung on "Inhibition") had their claims
    found = claims_of(nlp, "Inhibition of anti-CD3 monoclonal antibody-induced T-cell "
                           "proliferation by dexamethasone, isoproterenol, or prostaglandin E2.")
    assert ("dexamethasone", "T-cell", "decrease") in [c[:3] for c in found]


def test_a_treatment_that_results_in_differentiation_increases_it(nlp):
    # Regression (GENIA): "resulted in ... differentiation" gave no direction
    found = claims_of(nlp, "Treatment of serum-free grown HL60 cells with all-trans RA resulted "
                           "in sub-optimal neutrophil differentiation.")
    assert ("HL60 cells", "increase") in [(c[1], c[2]) for c in found]


def test_a_class_named_inside_a_drugs_appositive_describes_it(nlp):
    # Regression (GENIA): "... used as an immunomodulatory and anti-inflammatory agent" made a
    # second claim for the class
    found = claims_of(nlp, "Dexamethasone, a glucocorticoid that is widely used as an "
                           "immunomodulatory and anti-inflammatory agent, inhibits granzyme B "
                           "mRNA transcript in phytohemagglutinin-activated peripheral blood "
                           "mononuclear cells.")
    assert [c[0] for c in found] == ["dexamethasone"]


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA): "induced a decrease", the cells hung on the verb, was an increase
    ("We found that cortisol incubation induced a decrease in IL-1ra mRNA expression and a "
     "significant inhibition of IL-1ra protein secretion in cell cultures of human peripheral "
     "monocytes stimulated with the bacterial endotoxin lipopolysaccharide (LPS).", "decrease"),
    ("Cortisol induced an increase in IL-1ra expression in monocytes.", "increase"),
])
def test_the_change_an_inducing_verb_brings_about_is_the_direction(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text) if c[0] == "hydrocortisone"] == [direction]


@pytest.mark.parametrize("text", [
    # Regression (GENIA): with no trigger besides the resistance, there was no claim
    "T cells are considered to be unresponsive to testosterone due to the absence of androgen "
    "receptors (AR).",
    "Jurkat cells are unresponsive to testosterone.",
])
def test_cells_unresponsive_to_a_drug_are_no_change(nlp, text):
    assert [c[2] for c in claims_of(nlp, text)] == ["no_change"]


def test_an_induced_effect_reaches_cells_named_as_the_place_of_its_clauses_object(nlp):
    # Regression (GENIA): "in Y cells" hung on the verb's object, not on the verb
    found = claims_of(nlp, "Glucocorticoid-induced cell death requires autoinduction of "
                           "glucocorticoid receptor expression in human leukemic T cells.")
    assert [(c[1], c[2]) for c in found] == [("human leukemic T cells", "increase")]


def test_a_denied_mechanism_leaves_the_effect_standing(nlp):
    # Regression (GENIA): "not mediated by" made the suppression a no_change, and its
    # denied mediator a second claim
    found = claims_of(nlp, "Progesterone suppression of pregnancy lymphocytes is not mediated "
                           "by glucocorticoid effect.")
    assert [(c[0], c[2]) for c in found] == [("progesterone", "decrease")]


def test_a_class_naming_a_drugs_appositive_head_is_that_drug(nlp):
    # Regression (GENIA): "a steroid hormone with immunomodulating properties" gave "steroid"
    # a claim of its own
    found = claims_of(nlp, "The effect of 1,25-dihydroxyvitamin D3, a steroid hormone with "
                           "immunomodulating properties, on NF-kappa B proteins was examined "
                           "in activated normal human lymphocytes.")
    assert [c[0] for c in found] == ["calcitriol"]


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA): "X-mediated" before a process with no direction of its own was unclear
    ("Our data support the view that dexamethasone-mediated death of thymocytes requires the "
     "receptor.", "increase"),
    ("PMA-mediated regulation of T cells was studied.", "unclear"),
])
def test_a_process_a_drug_mediates_is_brought_about(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_drugs_listed_after_the_one_the_cells_hang_on_share_its_claim(nlp):
    # Regression (GENIA): "induced by PMA and PHA in Jurkat", "in Jurkat" hung on "PMA": PHA
    # had no claim (guideline rule 7: every named agent gets its own)
    found = claims_of(nlp, "Two proteins binding the kappa B sequence, NF-kappa B and KBF1, "
                           "are constitutively expressed in IARC 301 nuclei and induced by PMA "
                           "and PHA in Jurkat.")
    assert sorted((c[0], c[2]) for c in found) == [
        ("phorbol 12-myristate 13-acetate", "increase"), ("phytohemagglutinin", "increase")]


def test_an_induced_effect_reaches_cells_primed_in_the_clauses_subject(nlp):
    # Regression (GENIA): "IFN-gamma priming of monocytes enhances LPS-induced TNF production"
    found = claims_of(nlp, "IFN-gamma priming of monocytes enhances LPS-induced TNF production "
                           "by augmenting both transcription and mRNA stability.")
    assert ("lipopolysaccharide", "monocytes", "increase") in [c[:3] for c in found]


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA): "stimulated by" was no treatment, and "express E" no effect
    ("Endothelial cells stimulated by LPS express E-selectin.", "increase"),
    ("Cisplatin-treated HeLa cells expressed lower levels of Bcl-2.", "decrease"),
])
def test_what_treated_cells_express_is_the_treatments_effect(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_a_drug_unable_to_act_in_its_own_clause_is_no_change(nlp):
    # Regression (PubMed XML, GENIA): "Since LPS and anti-IgM were unable to activate RelB,
    # CD40 appears to trigger E of B lymphocytes" gave LPS CD40's increase
    found = claims_of(nlp, "Since LPS and anti-IgM were unable to activate RelB, CD40 appears to "
                           "trigger a special program of gene expression involved in the "
                           "proliferation and/or differentiation of B lymphocytes.")
    assert [(c[0], c[2]) for c in found] == [("lipopolysaccharide", "no_change")]


def test_a_class_naming_what_the_drug_derives_from_is_no_agent(nlp):
    # Regression (GENIA sample AI): "YM-268, a thiazolidinedione derivative" with the class
    # parsed as an adjective of "derivative" took the claim from YM-268
    found = claims_of(nlp, "The purpose of this study was to examine the effects of "
                           "bis[4-[2,4-dioxo-5-thiazolidinyl)methyl]phenyl]methane (YM-268), a "
                           "thiazolidinedione derivative, on adipocyte differentiation in "
                           "cultured cells.")
    assert [(c[1], c[2]) for c in found] == [("cultured cells", "unclear")]
    assert "thiazolidinedione" not in [c[0] for c in found]


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA sample AI): "downmodulation" was no trigger, and "results in" left the
    # treatment an increase
    ("Prolonged treatment of the T cell clone Ar-5 with phorbol esters results in "
     "downmodulation of PKC.", "decrease"),
    ("Dexamethasone down-modulated CD14 expression in human monocytes.", "decrease"),
    ("Dexamethasone upmodulates CD23 on B cells.", "increase"),
])
def test_modulation_with_a_direction(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


@pytest.mark.parametrize("text, direction, assertion", [
    # Regression (GENIA sample AI): a relative clause placing the drug's effect in the cells
    # ("cells, in which X induces E") linked nothing, and a study verb above it made an aim
    ("We studied U-937 cells, in which retinoic acid induces monocytic differentiation.",
     "increase", None),
    ("We used Jurkat cells, where dexamethasone inhibits IL-2 production.", "decrease",
     "asserted"),
])
def test_a_relative_clause_in_which_the_drug_acts_on_the_cells(nlp, text, direction, assertion):
    found = claims_of(nlp, text)
    assert [c[2] for c in found] == [direction]
    assert assertion is None or found[0][3] == assertion


def test_a_bare_cell_line_restating_the_named_one_makes_no_second_claim(nlp):
    # Regression (GENIA sample AI): "..., but only in that particular cell line" gave every
    # drug a second claim on the NER's bare "cell line"
    found = claims_of(nlp, "Reagents such as nerve growth factor and phorbol 12-myristate "
                           "13-acetate, which induce differentiation of the SH-SY5Y "
                           "neuroblastoma cell line, activated NF-kappa B, but only in that "
                           "particular cell line.")
    assert sorted(c[1] for c in found) == ["SH-SY5Y neuroblastoma cell"] * 2


@pytest.mark.parametrize("text", [
    # Regression (GENIA sample AJ): "the inability of X to suppress E" was a decrease
    "The inability of 1,25(OH)2D3 to suppress its synthesis in macrophages contrasts with the "
    "tight control of its production in monocytes.",
    "The failure of dexamethasone to induce apoptosis in CLL cells was unexpected.",
])
def test_an_inability_to_act_is_no_change(nlp, text):
    assert [c[2] for c in claims_of(nlp, text)] == ["no_change"]


def test_a_regulator_as_predicate_is_an_effect_without_direction(nlp):
    # Regression (GENIA sample AJ): "X are regulators of growth of Y cells" made no claim
    found = claims_of(nlp, "Retinoids are bifunctional regulators of growth and "
                           "differentiation of hematopoietic cells.")
    assert [(c[1], c[2]) for c in found] == [("hematopoietic cells", "unclear")]


def test_a_lineage_adjective_on_the_cells_process_is_no_population(nlp):
    # Regression (GENIA sample AJ): "erythroid development of M-TAT cells" gave each drug a
    # second claim, on "erythroid"
    found = claims_of(nlp, "Thus, erythroid development of M-TAT cells is promoted by "
                           "erythropoietin and suppressed by GM-CSF.")
    assert sorted(c[1] for c in found) == ["M-TAT cells", "M-TAT cells"]


@pytest.mark.parametrize("text, direction", [
    # Regression (GENIA sample AJ): a change stated "in" cells treated with the drug, with
    # no other agent, made no claim
    ("Apoptosis was reduced in T cells treated with dexamethasone.", "decrease"),
    ("IL-2 production was increased in T lymphocytes stimulated by okadaic acid.", "increase"),
    ("Induction of Sp1 phosphorylation in T lymphocytes stimulated by okadaic acid.",
     "increase"),
])
def test_a_change_in_treated_cells_is_the_treatments(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_a_change_in_treated_cells_brought_about_by_another_agent_is_not_the_treatments(nlp):
    found = claims_of(nlp, "IL-2 production was inhibited by dexamethasone in T lymphocytes "
                           "stimulated by PMA.")
    assert [(c[0], c[2]) for c in found] == [("dexamethasone", "decrease")]


@pytest.mark.parametrize("text, drug, direction", [
    # Regression (GENIA samples AI, AK): "Phytohemagglutinin (PHA)-induced" was one token,
    # and neither form of the drug had the suffix's claim
    ("Phytohemagglutinin (PHA)-induced proliferation of peripheral blood T lymphocytes was "
     "significantly inhibited by dexamethasone.", "phytohemagglutinin", "increase"),
    ("Lipopolysaccharide (LPS)-stimulated monocytes produced more TNF.", "lipopolysaccharide",
     "increase"),
])
def test_a_suffix_after_the_short_forms_bracket_is_the_drugs(nlp, text, drug, direction):
    found = claims_of(nlp, text)
    assert (drug, direction) in [(c[0], c[2]) for c in found]
    assert len([c for c in found if c[0] == drug]) == 1


@pytest.mark.parametrize("text", [
    # Regression (GENIA sample AK): a stimulation with "a pair of" antibodies, or in the
    # presence of another, is a protocol (guideline rule 5), not an effect
    "To compare the role of CD28, neonatal and adult T cells were stimulated with a pair of "
    "mitogenic anti-CD2 antibodies in the presence or absence of anti-CD28 MoAb.",
    "T cells were stimulated with anti-CD3 in the presence of dexamethasone.",
])
def test_a_stimulation_with_an_amount_or_in_the_presence_of_a_drug_is_a_protocol(nlp, text):
    assert claims_of(nlp, text) == []


def test_a_by_agent_hung_on_an_active_verb_is_its_objects(nlp):
    # Regression (GENIA sample AK): "can prevent monocyte activation by LPS" with "by LPS" hung
    # on "prevent" gave LPS the prevention's decrease
    found = claims_of(nlp, "Phosphatidylinositides bind to plasma membrane CD14 and can prevent "
                           "monocyte activation by bacterial lipopolysaccharide.")
    assert ("lipopolysaccharide", "increase") in [(c[0], c[2]) for c in found]


def test_an_induced_effect_a_study_examines_in_cells_keeps_its_drug(nlp):
    # Regression (GENIA C, with the bracket split): "the effect of Z on X-induced E was
    # examined in Y cells" lost X's claim once the suffix was X's
    found = claims_of(nlp, "The effect of antioxidant treatment on lipopolysaccharide "
                           "(LPS)-induced TF expression was examined in human monocytes.")
    assert ("lipopolysaccharide", "human monocytes") in [c[:2] for c in found]


def test_a_mediated_response_takes_the_change_named_on_the_cells(nlp):
    # Regression (GENIA D): "X-mediated immune responses, including activation of Y cells"
    # was unclear
    found = claims_of(nlp, "Bacterial lipopolysaccharide (LPS)-mediated immune responses, "
                           "including activation of monocytes, play an important role in "
                           "sepsis.")
    assert [(c[0], c[1], c[2]) for c in found] == [
        ("lipopolysaccharide", "monocytes", "increase")]


def test_a_drug_an_effect_is_likened_to_is_a_comparator(nlp):
    # Regression (GENIA D): "in a manner similar to that of glucocorticoids" made a claim
    found = claims_of(nlp, "However, we have also found that Vpr modulates T-cell receptor "
                           "(TCR)-triggered apoptosis in a manner similar to that of "
                           "glucocorticoids.")
    assert found == []


@pytest.mark.parametrize("text", [
    # Regression (GENIA sample AL): "differentiate along the erythroid pathway by X" gave X a
    # claim on "erythroid"
    "The K562 cell line can be induced to differentiate along the erythroid pathway by "
    "hemin or the megakaryocytic pathway by phorbol myristate acetate.",
    "Cytarabine arrested differentiation of HL-60 cells at the promyelocytic stage.",
])
def test_a_lineage_adjective_on_a_pathway_or_stage_is_no_population(nlp, text):
    assert {c[1] for c in claims_of(nlp, text)} <= {"K562 cell", "HL-60 cells"}


def test_what_cells_are_induced_to_do_is_the_effect(nlp):
    # Regression (GENIA sample AL): the effect of "Y can be induced to differentiate by X"
    # was "line" (of "cell line") or "induced"
    doc = nlp("The K562 cell line can be induced to differentiate by hemin.")
    assert [c.effect for c in doc._.claims] == ["differentiate"]


def test_a_used_up_pool_is_no_agent(nlp):
    # Regression (GENIA sample AL): "inhibited by a partial depletion of the intracellular
    # GSH pool" made GSH a drug decreasing the cells' responses
    assert claims_of(nlp, "Cytotoxic T cell responses are inhibited by a partial depletion "
                          "of the intracellular GSH pool.") == []


@pytest.mark.parametrize("text, cells", [
    # Regression (GENIA sample AL): the cells a clause is likened to got its claims
    ("Like U937 cells, THP-1 cells treated with LPS rapidly activated NF-kappa B.",
     ["THP-1 cells"]),
    ("Unlike Jurkat cells, HeLa cells were killed by cisplatin.", ["HeLa cells"]),
])
def test_cells_a_clause_is_likened_to_are_a_comparator(nlp, text, cells):
    assert [c[1] for c in claims_of(nlp, text)] == cells


def test_a_drug_a_clause_is_likened_to_is_a_comparator(nlp):
    found = claims_of(nlp, "Like dexamethasone, cyclosporin inhibited IL-2 production in "
                           "T cells.")
    assert [c[0] for c in found] == ["cyclosporine"]


def test_an_anaphoric_effect_abolished_by_cotreatment_composes(nlp):
    # Regression (GENIA sample AL): "this effect was abolished by co-treatment with X" gave X
    # the increase of the effect it abolished
    found = claims_of(nlp, "Endothelial cells treated with TNF rapidly activated NF-kappa B; "
                           "this effect was completely abolished by co-treatment with "
                           "phenylarsine oxide.")
    assert sorted((c[0], c[2]) for c in found) == [("TNF", "increase"),
                                                   ("phenylarsine oxide", "decrease")]


def test_a_short_nuclear_factor_of_activated_t_cells_is_no_population(nlp):
    # Regression (GENIA sample AL): "NF of activated T cells (NFAT)" was read as T cells
    assert claims_of(nlp, "CTLA4Ig did not inhibit the activation of NF of activated T cells "
                          "(NFAT) reporters.") == []


def test_a_drug_present_while_another_agent_acts_is_a_condition(nlp):
    # Regression (GENIA sample AL): "Rho enhances AP-1 activity in Y cells in the presence of
    # PMA" gave PMA Rho's increase
    assert claims_of(nlp, "Overexpression of an activated form of Rho enhances AP-1 activity "
                          "in Jurkat T cells in the presence of phorbol myristate "
                          "acetate.") == []


def test_cells_of_a_contrasted_predicate_without_a_change_get_no_claim(nlp):
    # Regression (GENIA sample AL): "activated by X in A cells but constitutively active in
    # B cells" gave X a claim on B
    found = claims_of(nlp, "STAT5 is activated by erythropoietin in HCD57 cells but is "
                           "constitutively active in K562 cells.")
    assert [c[1] for c in found] == ["HCD57 cells"]


def test_an_effect_we_could_not_document_is_no_change_asserted(nlp):
    # Regression (GENIA sample AL): "we could not document any effect" was unclear and hedged
    found = claims_of(nlp, "When endothelial cells were treated with troglitazone prior to "
                           "activation with LTB4, we could not document any effect on the "
                           "number of adhering neutrophils.")
    assert [(c[0], c[2], c[3]) for c in found if c[1] == "endothelial cells"] == [
        ("troglitazone", "no_change", "asserted")]
    assert "ltb4" not in {c[0] for c in found}


def test_an_effect_not_well_documented_is_not_denied(nlp):
    # Regression (CG tune, while adding "document" to the reporting verbs): "is not well
    # documented" says the effect is not yet known, not that there is none
    found = claims_of(nlp, "However, the mechanism by which ciprofloxacin elicits its "
                           "biological effects on bladder cancer cells is not well documented.")
    assert [c[2] for c in found] == ["unclear"]


@pytest.mark.parametrize("text, drugs, direction", [
    # Regression (GENIA sample AM): a headline "E in Y cells: modulation by X and Z" made no
    # claim
    ("Proto-oncogenes and transcription factors in primary human T cells: modulation by "
     "cyclosporin A and FK506.", ["cyclosporine", "tacrolimus"], "unclear"),
    ("Cytokine production in human monocytes: inhibition by dexamethasone.", ["dexamethasone"],
     "decrease"),
])
def test_a_headline_naming_its_agent_after_a_colon(nlp, text, drugs, direction):
    found = claims_of(nlp, text)
    assert sorted(c[0] for c in found) == drugs
    assert {c[2] for c in found} == {direction}


def test_a_cell_type_written_before_a_named_line_makes_no_second_claim(nlp):
    # Regression (GENIA sample AM): "mouse macrophage RAW 264.7 cells" gave each drug a claim
    # on "mouse macrophage" and one on "RAW 264.7 cells"
    found = claims_of(nlp, "3-Deazaadenosine inhibits the transcription of tumor necrosis "
                           "factor-alpha in mouse macrophage RAW 264.7 cells.")
    assert [c[1] for c in found] == ["RAW 264.7 cells"]


def test_coordinated_lineage_adjectives_are_no_population(nlp):
    # Regression (GENIA sample AM): "to the monocytic or neutrophilic lineages" was parsed as
    # a list of adjectives and "neutrophilic" read as cells
    found = claims_of(nlp, "The YJ cell line was able to differentiate to the monocytic or "
                           "neutrophilic lineages in response to PMA.")
    assert "neutrophilic" not in {c[1] for c in found}


def test_cells_naming_a_drug_are_no_population(nlp):
    # Regression (GENIA sample AN): "T cell" of "T cell mitogens" got the claims of the
    # splenocytes the mitogens stimulated
    found = claims_of(nlp, "An enhanced IL-2 response was detected in stimulated (T cell "
                           "mitogens or alloantigens) murine splenocytes in the presence of "
                           "ciprofloxacin.")
    assert found and {c[1] for c in found} == {"murine splenocytes"}


def test_a_contrasting_clause_stating_its_own_effect_takes_its_direction(nlp):
    # Regression (GENIA sample AN): "whereas aspirin had an inhibitory effect" took the
    # denial of the main clause
    found = claims_of(nlp, "Cyclosporin did not suppress adhesion molecule expression on "
                           "HUVECs, whereas aspirin had an inhibitory effect.")
    assert sorted((c[0], c[2]) for c in found) == [("aspirin", "decrease"),
                                                   ("cyclosporine", "no_change")]


def test_a_contrasting_clause_with_its_own_verb_of_change_takes_its_direction(nlp):
    # Regression (CG): "..., whereas an inhibitor of MAPK [U0126] suppressed the changes"
    # took the increase of the main clause
    found = claims_of(nlp, "Estradiol increased the phosphorylation of MAPK in MCF-7 cells, "
                           "whereas an inhibitor of MAPK [U0126] suppressed the proliferative "
                           "changes.")
    assert sorted((c[0], c[2]) for c in found) == [("U0126", "decrease"), ("estradiol", "increase")]


def test_a_class_with_the_named_drug_in_apposition_makes_one_claim(nlp):
    # Regression (GENIA sample AN): "The fluoroquinolone antibiotic, ciprofloxacin, induces"
    # gave the class a claim beside the drug's
    found = claims_of(nlp, "The fluoroquinolone antibiotic, ciprofloxacin (cipro), induces "
                           "hyperproduction of interleukin 2 in human peripheral blood "
                           "lymphocytes.")
    assert [c[0] for c in found] == ["ciprofloxacin"]


def test_a_denial_above_the_drugs_own_change_leaves_it_standing(nlp):
    # Regression (GENIA sample AO): "could not rescue rapamycin inhibition of E" denied
    # rapamycin's inhibition
    found = claims_of(nlp, "However, the rapamycin-resistant p70 could not rescue rapamycin "
                           "inhibition of T-cell cycle entry.")
    assert [(c[0], c[2]) for c in found] == [("sirolimus", "decrease")]
    assert [c[2] for c in claims_of(nlp, "Dexamethasone did not cause a suppression of T "
                                         "cell proliferation.")] == ["no_change"]


def test_a_change_in_response_to_the_drug_takes_the_verbs_direction(nlp):
    # Regression (GENIA sample AO): "was activated in response to IL-6 in Y cells", the cells
    # hung on "response", was unclear
    found = claims_of(nlp, "Fos kinase was rapidly activated in response to IL-6 in the human "
                           "B cell line AF10.")
    assert [c[2] for c in found] == ["increase"]


def test_a_drug_used_by_a_verb_of_study_is_a_tool(nlp):
    # Regression (GENIA sample AP): "We analysed E in T cells using X" gave X an aim claim
    assert claims_of(nlp, "We analysed IL-2 production in purified neonatal and adult T cells "
                          "using phorbol ester and calcium ionophore.") == []
    assert [c[2] for c in claims_of(nlp, "Using dexamethasone, we induced apoptosis of "
                                         "thymocytes.")] == ["increase"]


def test_a_verb_acting_on_the_drugs_own_change_leaves_its_direction(nlp):
    # Regression (GENIA sample AP): "Dexamethasone blocked TPA induction of NF-kappaB activity
    # in Y cells" left TPA unclear
    found = claims_of(nlp, "Dexamethasone treatment completely blocked phorbol myristate "
                           "acetate induction of NF-kappaB activity and elicited an increase in "
                           "IkappaB alpha in sensitive 6TG1.1 cells.")
    assert sorted((c[0], c[2]) for c in found) == [
        ("dexamethasone", "decrease"), ("phorbol 12-myristate 13-acetate", "increase")]


def test_a_lineage_adjective_of_a_disease_before_cells_is_no_population(nlp):
    # Regression (GENIA sample AP): "acute promyelocytic leukemia cell line (UF-1)" made a
    # second claim on "promyelocytic"
    found = claims_of(nlp, "Calcitriol induces differentiation of a retinoic acid-resistant "
                           "acute promyelocytic leukemia cell line (UF-1).")
    assert len(found) == 1 and "promyelocytic" not in found[0][1]


@pytest.mark.parametrize("text", [
    # Regression (GENIA sample AP): a title "Lymphoid cell resistance to glucocorticoids" made
    # no claim
    "Lymphoid cell resistance to glucocorticoids in HIV infection.",
    "CLL cells showed resistance to fludarabine.",
])
def test_the_cells_resistance_to_a_drug_is_no_change(nlp, text):
    assert [c[2] for c in claims_of(nlp, text)] == ["no_change"]


def test_a_drug_developed_as_an_inhibitor_decreases(nlp):
    # Regression (GENIA sample AQ): "developed as an inhibitor of macrophage activation" was
    # an increase (of the activation)
    found = claims_of(nlp, "A guanylhydrazone, CNI-1493, developed as an inhibitor of "
                           "macrophage activation, suppresses TNF production.")
    assert "decrease" in {c[2] for c in found if c[1] == "macrophage"}
    assert "increase" not in {c[2] for c in found}


def test_truncated_coordinated_cells_share_the_inhibited_process(nlp):
    # Regression (GENIA sample AQ): "inhibit T- and B-cell activation" gave the B cells an
    # increase, "activation" cut off from "inhibit"
    found = claims_of(nlp, "Cyclosporin A and FK506 inhibit T- and B-cell activation and other "
                           "processes essential to an effective immune response.")
    assert found and {c[2] for c in found} == {"decrease"}


def test_short_forms_of_measured_substances_are_measured(nlp):
    # Regression (GENIA sample AQ): "elevates the intracellular glutathione (GSH) and
    # glutathione disulfide (GSSG) levels and potentiates E of lymphocytes" made GSH and GSSG
    # agents
    found = claims_of(nlp, "Even a moderate increase in the cellular cysteine supply elevates "
                           "the intracellular glutathione (GSH) and glutathione disulfide (GSSG) "
                           "levels and potentiates immunological functions of lymphocytes.")
    assert [c[0] for c in found] == ["cysteine"]


def test_a_listed_treatment_before_a_headline_participle_gives_every_drug_the_claim(nlp):
    # Regression (GENIA sample AR): only the last of "Treatment of Y with A, B, C, and D
    # upregulated E" had the claim
    found = claims_of(nlp, "Treatment of T lymphocytes with IFN-alpha, IL-2, IL-12, and IL-15 "
                           "upregulated IL-2Ralpha, c-myc, and pim-1 gene expression.")
    assert len(found) == 4 and {c[2] for c in found} == {"increase"}


def test_a_drug_specific_antibody_is_no_agent_of_the_drug(nlp):
    # Regression (GENIA sample AR): "LPS-specific Abs ... by preventing target cell uptake"
    # gave LPS a decrease
    assert claims_of(nlp, "LPS-specific antibodies mediate anti-inflammatory functions by "
                          "preventing target cell uptake of endotoxin.") == []


def test_cells_after_as_in_are_a_comparator(nlp):
    # Regression (GENIA sample AR): "to a similar extent as in the monocytes" made a claim on
    # the monocytes
    found = claims_of(nlp, "LysoPC inhibited the TF activity of Mono Mac-6 cells to a similar "
                           "extent as in the monocytes.")
    assert [c[1] for c in found] == ["Mac-6 cells"]


def test_cells_after_as_well_as_in_are_a_second_population(nlp):
    # Regression (CG abstracts without gold, sample CC): "as well as in human endothelial
    # cells treated with X" was read as the comparator "as in", and X lost its claim
    found = claims_of(nlp, "Filopodia formation was inhibited in mutant endothelial cells as "
                           "well as in human endothelial cells treated with the blocking "
                           "antibody cetuximab.")
    assert ("cetuximab", "human endothelial cells", "decrease") in [c[:3] for c in found]


def test_cells_at_the_site_of_an_effect_are_not_its_target(nlp):
    # Regression (sample CC): "apoptotic cells ... at the site of lactoferrin-mediated tumor
    # inhibition" gave lactoferrin a decrease on the cells found there
    assert claims_of(nlp, "Analysis revealed apoptotic cells mainly within the distal colon "
                          "region, clearly at the site of lactoferrin-mediated tumor "
                          "inhibition.") == []
    # the effect said of the cells still links
    found = claims_of(nlp, "Lactoferrin inhibited the proliferation of T cells at the site of "
                           "injection.")
    assert [c[:3] for c in found] == [("lactoferrin", "T cells", "decrease")]


def test_a_substance_whose_value_is_measured_is_no_agent(nlp):
    # Regression (sample CC): "chondrocytes presented a lower glycosaminoglycan value" made
    # glycosaminoglycan a drug that lowers the chondrocytes' value
    assert claims_of(nlp, "Chondrocytes showed a lower glycosaminoglycan value.") == []


def test_what_follows_the_withdrawal_of_a_drug_is_not_its_effect(nlp):
    # Regression (AnatEM sample DA): "After withdrawal of antibiotics, S. aureus ... killed
    # their host cells" gave the antibiotics a decrease
    assert claims_of(nlp, "After withdrawal of gentamicin, intracellular S. aureus regained "
                          "cytotoxic activity and killed their host cells.") == []
    assert claims_of(nlp, "Steroid withdrawal increased T cell proliferation.") == []


def test_a_label_of_the_cells_is_no_agent(nlp):
    # Regression (AnatEM sample DA): "in cells prelabeled with [3H]myo-inositol" made the
    # tracer an agent of the change measured in them
    found = claims_of(nlp, "Similar to its action in parotid acinar cells, CCK8 enhanced the "
                           "accumulation of inositol phosphates in cells prelabeled with "
                           "myo-inositol.")
    assert "inositol" not in [c[0] for c in found]
    # a carrier loaded with a drug still brings it to the cells
    found = claims_of(nlp, "Nanoparticles loaded with doxorubicin killed MCF-7 cells.")
    assert [c[:3] for c in found] == [("doxorubicin", "MCF-7 cells", "decrease")]


def test_the_switch_of_an_expression_system_is_no_agent(nlp):
    # Regression (AnatEM sample DA): "a doxycycline-inducible anti-Bcl-2 antibody" gave
    # doxycycline the claim of the study's aim
    assert claims_of(nlp, "SKOV3 cells were modified to express a doxycycline-inducible "
                          "anti-Bcl-2 single-chain antibody and the effects of Bcl-2 protein "
                          "inhibition on cell proliferation and apoptosis were assessed.") == []


def test_a_state_participle_after_a_drug_in_a_phrase_is_no_verb(nlp):
    # Regression (CG abstracts without gold): "production of BMP-2 by rhTNF-alpha stimulated
    # C4-2B cells", the participle parsed as a verb, gave TNF-alpha the sentence's decrease
    assert claims_of(nlp, "Inhibition of NF-kappaB reduced the production of BMP-2 by PMA "
                          "stimulated C4-2B cells.") == []


def test_a_cell_word_in_a_syndromes_name_is_no_population(nlp):
    # Regression (BC2GM sample DB): "motor neuron syndrome ...: improvement following
    # cyclophosphamide" gave the drug a claim on "motor neuron"
    assert claims_of(nlp, "Lower motor neuron syndrome with anti-GM1 antibodies: improvement "
                          "following immunotherapy with intravenous cyclophosphamide.") == []


def test_a_population_named_beats_cells_that_refer_back_to_it(nlp):
    # Regression (AnatEM sample DC): "resulted in more cells accumulating in S phase in
    # SKOV3 cells" kept the claim on "more cells" (the first mention of the population),
    # which the scorer cannot place on "SKOV3 cells"
    found = claims_of(nlp, "We studied SKOV3 cells. Treatment with cisplatin resulted in more "
                           "cells accumulating in S phase in the SKOV3 cells, while the "
                           "inhibition of Bcl-2 abolished delayed entry into G2M phase.")
    assert [c[1] for c in found] == ["SKOV3 cells"]


def test_the_exposure_of_a_substance_on_cells_is_its_own_move(nlp):
    # Regression (AnatEM sample DC): "treatment of L929 cells results in rapid exposure of
    # PS" made phosphatidylserine an agent
    assert claims_of(nlp, "Apoptosis exposes phosphatidylserine (PS) on the cell surface. We "
                          "show that Fas ligation on L929 cells results in rapid exposure of "
                          "PS.") == []


def test_cells_that_name_a_procedure_are_no_population(nlp):
    # Regression (BC2GM sample DD): "intracytoplasmic sperm injection cycles, in which
    # ovarian stimulation was carried out by leuprolide" gave leuprolide a claim on sperm
    assert claims_of(nlp, "The woman underwent three intracytoplasmic sperm injection cycles, "
                          "in which ovarian stimulation was carried out by a combination of "
                          "leuprolide depot and gonadotrophins.") == []
    # Regression (BC5CDR sample EA): "citrate toxicity complicating platelet donation"
    assert claims_of(nlp, "Severe citrate toxicity complicating platelet donation.") == []
    found = claims_of(nlp, "G-CSF mobilized stem cells into the blood.")
    assert [c[1] for c in found] == ["stem cells"]


def test_a_change_of_what_treated_cells_hold_is_the_treatments(nlp):
    # Regression (BC5CDR sample DE): "the shunt activity of the dapsone-exposed RBCs was
    # increased" made no claim
    found = claims_of(nlp, "The shunt activity of the dapsone-exposed erythrocytes was "
                           "increased compared to normal erythrocytes.")
    assert [c[:3] for c in found] == [("dapsone", "erythrocytes", "increase")]
    # another agent acts: no claim for the treatment
    found = claims_of(nlp, "The proliferation of dexamethasone-treated T cells was inhibited "
                           "by IL-2.")
    assert "dexamethasone" not in [c[0] for c in found]
    # the culture of treated cells without the drug is no effect of it
    assert claims_of(nlp, "Long culture of PMA-differentiated THP-1 cells in the absence of "
                          "phorbol ester resulted in retrodifferentiation.") == []


def test_a_change_of_a_process_the_treated_cells_show_composes_with_it(nlp):
    # Regression (BC5CDR sample DF): "X-treated T cells showed reduced activation" was an
    # increase: the object's own trigger was read before its modifier
    found = claims_of(nlp, "Ritonavir-treated T cells showed reduced activation.")
    assert [c[2] for c in found] == ["decrease"]
    found = claims_of(nlp, "Ritonavir-treated T cells showed enhanced inhibition of IL-2 "
                           "production.")
    assert [c[2] for c in found] == ["decrease"]
    found = claims_of(nlp, "Ritonavir-treated T cells showed increased apoptosis.")
    assert [c[2] for c in found] == ["increase"]


def test_cells_isolated_from_treated_hosts_were_treated_in_them(nlp):
    # Regression (BC5CDR sample DF): "monocytes isolated from ritonavir-treated females had
    # less cholesteryl ester accumulation" made no claim
    found = claims_of(nlp, "Blood monocytes isolated from ritonavir-treated women had reduced "
                           "cholesterol accumulation.")
    assert [c[:3] for c in found] == [("ritonavir", "Blood monocytes", "decrease")]


def test_a_drug_and_cells_on_two_sides_of_a_semicolon_make_no_claim(nlp):
    # Regression (NCBI disease sample DG): "... with cyclosporin ... blocked E; treatment of
    # HL-60 with DMSO ..." gave each drug the other clause's cells
    found = claims_of(nlp, "Treatment of stimulated lymphocytes with cyclosporin, which "
                           "inhibits proliferation, blocked the increase in p19; treatment of "
                           "the cell line HL-60 with dimethylsulfoxide, which induces "
                           "differentiation, resulted in diminished levels of p19.")
    assert ("cyclosporine", "lymphocytes") in [c[:2] for c in found]
    assert not any((drug, cell) in {("cyclosporine", "cell line HL-60"),
                                    ("dimethyl sulfoxide", "lymphocytes")}
                   for drug, cell, *_ in found)


@pytest.mark.parametrize("text", [
    # Regression (NCBI disease sample DG): a metabolite or substrate of an oxidation measured
    "Fibroblasts of the patients showed impaired oxidation of hexadecanol to fatty acid.",
    "We compared the enzyme among erythrocytes and leukocytes, as well as the oxidation of "
    "galactose to 13CO2.",
    "Raising the enzyme activity in patient fibroblasts raised palmitic acid beta-oxidation "
    "flux to the level found in control fibroblasts.",
])
def test_what_an_oxidation_turns_over_is_no_agent(nlp, text):
    assert claims_of(nlp, text) == []


def test_a_prodrug_converted_to_a_drug_still_acts(nlp):
    found = claims_of(nlp, "Conversion of the prodrug to 5-FU killed the colon cancer cells.")
    assert [(c[0], c[2]) for c in found] == [("fluorouracil", "decrease")]


def test_a_drugs_change_that_another_agent_decreases_keeps_its_direction(nlp):
    # Regression (PubMed XML samples, DI): "in a thymoma cell line, Z decreased the apoptotic
    # cell death induced by glucocorticoids" gave the glucocorticoids no direction
    found = claims_of(nlp, "In thymoma cells, antisense RNA decreased the apoptotic cell death "
                           "induced by dexamethasone.")
    assert [(c[0], c[2]) for c in found] == [("dexamethasone", "increase")]


def test_protection_by_a_drug_is_a_claim(nlp):
    # Regression (BC5CDR sample DF): "Protection against X-induced neurotoxicity toward
    # dopamine neurons by LY274614" gave the protector no claim: the noun was no trigger.
    # Like "protected Y cells from apoptosis", protection against a harm decreases it
    found = claims_of(nlp, "Protection of neurons against glutamate toxicity by memantine.")
    assert ("memantine", "neurons", "decrease") in [c[:3] for c in found]


def test_a_change_as_elicited_by_a_drug_is_its_own(nlp):
    # Regression (GENIA sample AR): "Z reduced E in Y cells, as elicited by LPS" gave LPS Z's
    # decrease
    found = claims_of(nlp, "We observed that lysoPC dose-dependently reduced TF activity in "
                           "human monocytes, as elicited by lipopolysaccharide (LPS).")
    assert ("lipopolysaccharide", "increase") in [(c[0], c[2]) for c in found]


def test_cells_fronted_on_a_finding_verb_are_where_its_finding_holds(nlp):
    # Regression (GENIA sample AR): "With these clones, we demonstrated that E was inhibited
    # by X" made no claim
    found = claims_of(nlp, "With these Jurkat clones, we demonstrated that NFAT activation was "
                           "inhibited by FK506.")
    assert [(c[1], c[2]) for c in found] == [("Jurkat clones", "decrease")]


def test_a_denial_above_the_change_a_drug_brings_about_leaves_it_standing(nlp):
    # Regression (GENIA sample AS): "Z does not affect NF-kappa B activation by PMA in T
    # cells" denied PMA's activation
    found = claims_of(nlp, "The compound does not affect NF-kappa B activation by PMA in T "
                           "cells.")
    assert [(c[0], c[2]) for c in found] == [("phorbol 12-myristate 13-acetate", "increase")]


def test_a_lineage_adjective_before_an_enzymes_name_is_no_population(nlp):
    # Regression (GENIA sample AS): "erythroid delta-aminolevulinate synthase mRNA levels"
    # read "erythroid" as cells
    found = claims_of(nlp, "Erythroid delta-aminolevulinate synthase mRNA levels were increased "
                           "by erythropoietin in M-TAT cells.")
    assert [c[1] for c in found] == ["M-TAT cells"]


def test_a_combination_resulting_in_differentiation_increases_it(nlp):
    # Regression (GENIA sample AT): "the combination of X and Z resulted in partial
    # differentiation of Y cells" was unclear
    found = claims_of(nlp, "The combination of the RAR-selective antagonist and 9-cis RA "
                           "resulted in partial differentiation and apoptosis of HL-60 and NB4 "
                           "cells.")
    assert found and {c[2] for c in found} == {"increase"}


def test_the_action_of_a_drug_to_inhibit_is_a_decrease(nlp):
    # Regression (GENIA sample AT): "the action of X to inhibit proliferation in Y" was unclear
    found = claims_of(nlp, "These data suggest that the action of tepoxalin to inhibit "
                           "proliferation in PBMC may be due to its ability to reduce iron.")
    assert [c[2] for c in found] == ["decrease"]


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA sample AT): "expression is activation dependent, cyclosporin A
    # sensitive and restricted to Y cells" gave cyclosporin A a decrease on Y
    ("Lymphotactin is a chemokine whose expression is activation dependent, cyclosporin A "
     "sensitive and restricted to CD8+ T cells and NK cells.", []),
    ("CD4+ T cells were cyclosporin A sensitive.", ["CD4+ T cells"]),
])
def test_a_drug_sensitive_property_of_something_else_is_no_claim(nlp, text, expected):
    assert [c[1] for c in claims_of(nlp, text) if c[0] == "cyclosporine"] == expected


def test_an_effect_reversed_by_coincubating_cells_with_a_drug_is_the_drugs(nlp):
    # Regression (GENIA sample AU): "By coincubating the monocytes with X, the cortisol-induced
    # inhibition of E was partially reversed" made no claim for X, and one for the class
    # "mineralocorticoid" of "the mineralocorticoid antagonist spironolactone"
    found = claims_of(nlp, "By coincubating the monocytes with the mineralocorticoid antagonist "
                           "spironolactone, the cortisol-induced inhibition of IL-1ra secretion "
                           "was partially reversed.")
    assert ("spironolactone", "increase") in [(c[0], c[2]) for c in found]
    assert "mineralocorticoid" not in {c[0] for c in found}


def test_a_change_in_cells_that_was_blocked_by_a_drug_is_a_decrease_for_it(nlp):
    # Regression (GENIA sample AU): "Z increased E in HUVECs that was blocked by X" gave X Z's
    # increase
    found = claims_of(nlp, "TNF increased VCAM-1 protein and mRNA in HUVECs that was blocked by "
                           "pyrrolidinedithiocarbamate.")
    assert ("pyrrolidinedithiocarbamate", "decrease") in [(c[0], c[2]) for c in found]


def test_lineages_of_a_shift_between_pathways_are_no_population(nlp):
    # Regression (GENIA sample AV): "a shift from the erythroid to granulocytic
    # differentiation pathway" gave RA a claim on "erythroid"
    assert claims_of(nlp, "Here again, treatment with high-dose RA induces a shift from the "
                          "erythroid to granulocytic differentiation pathway.") == []


@pytest.mark.parametrize("text", [
    # Regression (GENIA sample AW): "U937 cells stimulated to differentiate by exposure to X"
    # made no claim: a reduced "X stimulated U937 cells to differentiate"
    "Parental U937 cells stimulated to differentiate by exposure to phorbol esters expressed "
    "CD11b.",
    "U937 cells induced to differentiate by phorbol esters expressed CD11b.",
])
def test_cells_induced_to_change_by_a_drug_change(nlp, text):
    assert [(c[1], c[2]) for c in claims_of(nlp, text) if c[0] == "phorbol esters"] == \
        [("U937 cells", "increase")]


def test_a_drug_of_cells_set_against_others_is_not_theirs(nlp):
    # Regression (GENIA sample AW): "PKC-zeta cells ... were distinct from U937 cells stimulated
    # ... by exposure to phorbol esters" gave the esters a claim on the PKC-zeta cells
    found = claims_of(nlp, "PKC-zeta cells expressed a more differentiated phenotype and were "
                           "distinct from parental U937 cells stimulated to differentiate by "
                           "exposure to phorbol esters.")
    assert [c[1] for c in found] == ["U937 cells"]


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA sample AX): "Using Y cells, we examined how X promotes E", parsed with
    # "Using" at the top, made no claim
    ("Using UT-7/GMT cells, we examined how thrombopoietin promotes hemoglobinization.",
     ("thrombopoietin", "UT-7/GMT cells", "unclear", "hedged")),
    ("Using Jurkat T cells, we demonstrate that dexamethasone inhibits IL-2 production.",
     ("dexamethasone", "Jurkat T cells", "decrease", "asserted")),
])
def test_cells_a_study_uses_take_its_finding(nlp, text, expected):
    assert [c[:4] for c in claims_of(nlp, text)] == [expected]


def test_a_drug_induced_modulation_has_no_direction(nlp):
    # Regression (GENIA sample AX): "Retinoic acid-induced modulation of E on T cells" was an
    # increase
    found = claims_of(nlp, "Retinoic acid-induced modulation of IL-2 mRNA production and IL-2 "
                           "receptor expression on T cells.")
    assert [(c[1], c[2]) for c in found] == [("T cells", "unclear")]


def test_a_drug_in_a_clause_of_its_own_takes_its_verb(nlp):
    # Regression (GENIA sample AX): "Z triggered E in Y cells; however, proliferation was
    # inhibited by X" gave X Z's increase
    found = claims_of(nlp, "Culture of MM cells with dexamethasone triggered IL-6 secretion "
                           "and proliferation in MM cells; however, proliferation was only "
                           "partially inhibited by neutralizing anti-IL-6 monoclonal antibody.")
    assert ("anti-il-6 antibodies", "decrease") in [(c[0], c[2]) for c in found]


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA sample AW): "as assessed by" read as an aim made the claim hedged (and
    # unclear when the aim word stood above the trigger)
    ("Dexamethasone reduced the viability of Jurkat cells, as assessed by MTT assay.",
     [("dexamethasone", "decrease", "asserted")]),
    ("PKC-zeta cells expressed a more differentiated phenotype as assessed by changes in "
     "morphology and were distinct from parental U937 cells stimulated to differentiate by "
     "exposure to phorbol esters.", [("phorbol esters", "increase", "asserted")]),
    ("We assessed the effect of dexamethasone on Jurkat cells.",
     [("dexamethasone", "unclear", "hedged")]),
])
def test_as_assessed_by_names_a_method_not_an_aim(nlp, text, expected):
    assert [(c[0], c[2], c[3]) for c in claims_of(nlp, text)] == expected


def test_killers_that_probe_a_susceptibility_get_no_claim(nlp):
    # Regression (GENIA sample AX): "susceptibility of Y cells to lysis by LAK cells" gave the
    # drugs claims on the killers as well as on the targets
    found = claims_of(nlp, "Influence of estradiol and tamoxifen on susceptibility of human "
                           "breast cancer cell lines to lysis by lymphokine-activated killer "
                           "cells.")
    assert {c[1] for c in found} == {"human breast cancer cell"}


def test_a_clause_of_its_own_that_refers_back_still_composes(nlp):
    # Guard: "...; this effect was abolished by X" is X's verb acting on the first clause's
    # change, so X's direction composes with it (a decrease of an activation)
    found = claims_of(nlp, "Endothelial cells treated with TNF rapidly activated NF-kappa B; this "
                           "effect was completely abolished by co-treatment with phenylarsine "
                           "oxide.")
    assert ("phenylarsine oxide", "decrease") in [(c[0], c[2]) for c in found]


def test_a_but_not_phrase_on_the_verb_denies_only_what_follows_it(nlp):
    # Regression (GENIA sample AZ): "X induces death of A and B but not that of C" made the
    # claims on A and B no_change too, and the two T cell populations (grounded to one type)
    # were merged into one claim
    found = claims_of(nlp, "We found triptolide induces apoptotic death of T cell hybridomas and "
                           "peripheral T cells but not that of thymocytes.")
    assert [(c[1], c[2]) for c in found] == [("T cell", "increase"),
                                             ("peripheral T cells", "increase"),
                                             ("thymocytes", "no_change")]


def test_a_sentence_final_cyclosporin_a_is_the_agent_of_its_verb(nlp):
    # Regression (GENIA sample AZ): "E is induced ... via a process that is blocked by
    # cyclosporin A." gave cyclosporin an increase: "A." (one token with the period) heads the
    # name, outside the drug's mention
    found = claims_of(nlp, "Maximal induction of TNF alpha mRNA can be induced by treatment of T "
                           "cells with calcium ionophores alone, via a calcineurin-dependent "
                           "process that is blocked by cyclosporin A.")
    assert ("cyclosporine", "decrease") in [(c[0], c[2]) for c in found]


def test_cells_in_apposition_to_a_fronted_study_take_its_finding(nlp):
    # Regression (GENIA sample AZ): "In 1G5, a Jurkat-derived T cell line ..., we found that X
    # enhanced E" made no claim ("found" was no finding verb; the cells are in apposition)
    found = claims_of(nlp, "In 1G5, a Jurkat-derived T cell line stably transfected with a "
                           "luciferase gene, we found that PGE2 markedly enhanced reporter gene "
                           "activity.")
    assert [(c[1], c[2]) for c in found] == [("T cell", "increase")]


def test_a_change_set_apart_by_but_not_is_the_inducers_own(nlp):
    # Regression (GENIA): "Z abrogates E, but not the phosphorylation ... induced by X" gave X
    # Z's decrease (and, before, a no_change from the "not")
    found = claims_of(nlp, "Treatment of T cells with the selective PKC inhibitor GF109203X "
                           "abrogates the PMA-induced IkB alpha phosphorylation/degradation "
                           "irrespective of activation of Ca(2+)-dependent pathways, but not the "
                           "phosphorylation and degradation of IkB alpha induced by TNF-alpha, a "
                           "PKC-independent stimulus.")
    assert ("TNF", "increase") in [(c[0], c[2]) for c in found]


def test_other_cells_of_the_same_kind_stay_one_population(nlp):
    # Guard: "in Y cells and in other cells" is not two populations of Y's kind
    found = claims_of(nlp, "GR expression is positively autoregulated in human leukemic T cells "
                           "and in other cells sensitive to glucocorticoid-induced cell death.")
    assert len(found) == 1


@pytest.mark.parametrize("text, expected", [
    # Regression (GENIA): the main clause's drug reached the cells of a contrasting clause with
    # an agent of its own, and that agent the main clause's cells
    ("Dexamethasone induced apoptosis in thymocytes, whereas cisplatin inhibited the growth of "
     "HeLa cells.", [("dexamethasone", "thymocytes"), ("cisplatin", "HeLa cells")]),
    ("Interleukin-12 is a key inducer of differentiation of uncommitted T helper (TH) cells "
     "toward the TH1 phenotype, whereas IL-10 inhibits TH1 functions.", [("il-10", "TH1")]),
    # "it" and "this cytokine" refer back to the main clause's agent
    ("Lenalidomide enhanced the proliferation of T cells, whereas it reduced the number of "
     "regulatory T cells.", [("lenalidomide", "T cells"), ("lenalidomide", "regulatory T cells")]),
    ("Stat3 promoted the differentiation of UT-7/GM cells, even in the presence of GM-CSF, "
     "although this cytokine never induced erythroid differentiation of the parent UT-7/GM "
     "cells.", [("sargramostim", "parent UT-7/GM cells")]),
])
def test_a_contrasting_clause_with_its_own_agent_keeps_its_cells(nlp, text, expected):
    assert [c[:2] for c in claims_of(nlp, text)] == expected


def test_a_finding_coordinated_with_an_aim_takes_the_findings_verb(nlp):
    # Regression (GENIA sample AV): "we investigated the effect of Z on E in Y cells and found
    # that X inhibited E" gave X an unclear aim
    found = claims_of(nlp, "We investigated the effect of glucocorticoid hormones on IL-2 "
                           "production in T cells and found that hydrocortisone and dexamethasone "
                           "inhibited IL-2 production.")
    assert [(c[0], c[2]) for c in found] == [("glucocorticoids", "unclear"),
                                             ("hydrocortisone", "decrease"),
                                             ("dexamethasone", "decrease")]


def test_cells_of_an_apposition_describing_a_process_are_no_population(nlp):
    # Regression (CG train sample BA): "filopodia formation, a feature of motile cells, was
    # inhibited in ... cells treated with X" gave X a claim on "motile cells"
    found = claims_of(nlp, "In addition, filopodia formation, a feature of motile cells, was "
                           "inhibited in PECAM-1-null endothelial cells as well as in human "
                           "endothelial cells treated with either anti-PECAM-1 antibody or "
                           "PECAM-1 siRNA.")
    assert "motile cells" not in [c[1] for c in found]


def test_a_substance_naming_a_signalling_pathway_is_no_agent(nlp):
    # Regression (CG train sample BA): "activation of BMP-2-Smad signaling by NF-kappaB in
    # prostate cancer cells" gave BMP-2 (a drug, dibotermin alfa) a claim
    assert claims_of(nlp, "PI3K/Akt-dependent transcriptional regulation and activation of "
                          "BMP-2-Smad signaling by NF-kappaB in metastatic prostate cancer "
                          "cells.") == []


def test_a_substance_naming_a_metabolic_pathway_is_no_agent(nlp):
    # Regression (CG train sample BC): "inhibition of key enzymes to glycogen metabolism and
    # pentose phosphate pathways reduced HUVEC viability" made "pentose phosphate" an agent
    assert claims_of(nlp, "Finally, we demonstrated that direct inhibition of key enzymes to "
                          "glycogen metabolism and pentose phosphate pathways reduced HUVEC "
                          "viability and migration.") == []


def test_a_substance_of_a_metabolic_cycle_is_measured(nlp):
    # Regression (CG train sample BA): "changes in the levels of metabolites of the glycolytic
    # sequence and tricarboxylic acid cycle were made on tumor cells" made the acid an agent
    assert claims_of(nlp, "Measurements of respiration and changes in the levels of key "
                          "metabolites of the tricarboxylic acid cycle were made on five "
                          "lines of ascites tumor cells.") == []


@pytest.mark.parametrize("text, expected", [
    # Regression (CG train sample BB): "Modulation of apoptosis in Y cells by X", "by X" hung
    # on "apoptosis", made no claim
    ("Modulation of apoptosis in human myeloid leukemic cells by GM-CSF.",
     [("human myeloid leukemic cells", "unclear")]),
    # Regression (CG train sample BB): a resistance in a clause under "can be overcome" (by
    # something else) was read as overcome
    ("Although DU145 prostate cancer cells are resistant to exogenously applied Fas agonist "
     "CH-11 (anti-Fas monoclonal antibody), Fas-resistance can be overcome using a FasL "
     "expressing adenovirus.", [("DU145 prostate cancer cells", "no_change")]),
    # Regression (CG train sample BB): the claim's cells were "these cells", not the line the
    # sentence names
    ("Using human neuroblastoma cell line, SK-N-MC, we found that treatment of these cells "
     "with FGF-2 resulted in early induction of both Id-1 mRNA and protein.",
     [("human neuroblastoma cell line", "increase")]),
])
def test_fixes_from_the_cg_abstracts_without_gold(nlp, text, expected):
    assert [(c[1], c[2]) for c in claims_of(nlp, text)] == expected


def test_a_purpose_clause_is_not_what_the_cells_are_brought_to_do():
    # "to assess" read as the complement of "activated" (the templated-sentence parser): the
    # study's purpose, so the effect stays the activation
    rows = [("T", "NN", "compound", 1), ("cells", "NNS", "nsubjpass", 3),
            ("were", "VBD", "auxpass", 3), ("activated", "VBN", "ROOT", 3),
            ("by", "IN", "case", 5), ("anti-CD3", "NN", "nmod", 3), ("to", "TO", "mark", 7),
            ("assess", "VB", "xcomp", 3), ("membrane", "NN", "compound", 9),
            ("signaling", "NN", "dobj", 7), (".", ".", "punct", 3)]
    _doc, found = pair_claims_on_parse(rows, (5, 5), (0, 1))
    assert [(c.evidence.direction, c.evidence.effect) for c in found] == [
        ("increase", "activated")]


def test_a_multiword_preposition_flattened_onto_the_drug_is_not_its_first_word():
    # "in response to" as three dependents of the drug (the templated-sentence parser): the
    # drug is the stimulus, not a change "in" something measured
    rows = [("In", "IN", "case", 2), ("isolated", "VBN", "amod", 2), ("cells", "NNS", "nmod", 6),
            (",", ",", "punct", 6), ("FOS", "NN", "compound", 5), ("mRNAs", "NNS", "nsubj", 6),
            ("increase", "VBP", "ROOT", 6), ("in", "IN", "case", 10),
            ("response", "NN", "dep", 10), ("to", "TO", "case", 10),
            ("cycloheximide", "NN", "nmod", 6), (".", ".", "punct", 6)]
    assert claims_on_parse(rows, (10, 10), (1, 2)) == [
        ("cycloheximide", "isolated cells", "increase")]


@pytest.mark.parametrize("predicate, expected", [
    (["showed", "increased", "proliferation"], [("pha", "lymphocytes", "increase")]),
    (["showed", "diminished", "proliferation", "in comparison with healthy individuals"], []),
])
def test_a_participle_read_as_the_verb_of_an_unjoined_predicate_treats_its_object(
        predicate, expected):
    # "PHA stimulated lymphocytes from DS subjects showed ...", the participle read as the
    # main verb and "showed" as its conjunct with no "and": the lymphocytes were treated and
    # "showed" is their predicate (the hosts compared, no claim)
    rows = [("PHA", "NN", "nsubj", 1), ("stimulated", "VBD", "ROOT", 1),
            ("lymphocytes", "NNS", "dobj", 1), ("from", "IN", "case", 5),
            ("DS", "NN", "compound", 5), ("subjects", "NNS", "nmod", 2),
            (predicate[0], "VBD", "conj", 1), (predicate[1], "VBN", "amod", 8),
            (predicate[2], "NN", "dobj", 6)]
    if len(predicate) > 3:
        rows += [("in", "IN", "case", 10), ("comparison", "NN", "nmod", 8),
                 ("with", "IN", "case", 12), ("cells", "NNS", "nmod", 10),
                 ("from", "IN", "case", 15), ("healthy", "JJ", "amod", 15),
                 ("individuals", "NNS", "nmod", 12)]
    rows.append((".", ".", "punct", 1))
    assert claims_on_parse(rows, (0, 0), (2, 2)) == expected


def test_a_denial_of_inhibitors_named_in_brackets_after_their_target_is_no_change():
    # "(wortmannin)" hung on the kinase the inhibitors act on, not on the inhibitors (the
    # templated-sentence parser): the name is still the elided verb's subject
    rows = [("Inhibitors", "NNS", "nsubj", 6), ("of", "IN", "case", 2),
            ("p70-kinase", "NN", "nmod", 0), ("(", "-LRB-", "punct", 4),
            ("rapamycin", "NN", "appos", 2), (")", "-RRB-", "punct", 4),
            ("prevented", "VBD", "ROOT", 6), ("IL-10", "NN", "compound", 8),
            ("production", "NN", "dobj", 6), ("in", "IN", "case", 10),
            ("monocytes", "NNS", "nmod", 8), (",", ",", "punct", 6),
            ("while", "IN", "mark", 21), ("inhibitors", "NNS", "nsubj", 21),
            ("of", "IN", "case", 17), ("the", "DT", "det", 17), ("PI", "NN", "compound", 17),
            ("3-kinase", "NN", "nmod", 13), ("(", "-LRB-", "punct", 19),
            ("wortmannin", "NN", "appos", 17), (")", "-RRB-", "punct", 19),
            ("did", "VBD", "advcl", 6), ("not", "RB", "neg", 21), (".", ".", "punct", 6)]
    assert claims_on_parse(rows, (19, 19), (10, 10)) == [
        ("wortmannin", "monocytes", "no_change")]
    assert claims_on_parse(rows, (4, 4), (10, 10)) == [("rapamycin", "monocytes", "decrease")]


def test_a_participle_on_the_cells_with_the_drug_for_its_subject_is_the_verb():
    # "that HMBA induced K562 cells to differentiate" with "induced" hung on the cells but
    # keeping the drug as its subject (the templated-sentence parser)
    rows = [("Here", "RB", "advmod", 2), ("we", "PRP", "nsubj", 2),
            ("demonstrate", "VBP", "ROOT", 2), ("that", "IN", "dobj", 2),
            ("hexamethylene", "NN", "compound", 5), ("bisacetamide", "NN", "nsubj", 9),
            ("(", "-LRB-", "punct", 7), ("HMBA", "NN", "appos", 5), (")", "-RRB-", "punct", 7),
            ("induced", "VBD", "amod", 11), ("K562", "NN", "compound", 11),
            ("cells", "NNS", "dep", 3), ("to", "TO", "mark", 13),
            ("differentiate", "VB", "ccomp", 3), (".", ".", "punct", 2)]
    assert claims_on_parse(rows, (4, 5), (10, 11)) == [
        ("hexamethylene bisacetamide", "K562 cells", "increase")]


def test_a_relative_clause_hung_on_the_study_verb_still_places_the_effect_in_the_cells():
    # "We studied U-937 cells, in which RA induces E" with the relative clause read as the
    # complement of "studied" (the templated-sentence parser): "which" stands for the cells
    # written before it, and the clause states a fact, not the study's aim
    from pipeline.claims.modality import is_aim_statement

    rows = [("We", "PRP", "nsubj", 1), ("studied", "VBD", "ROOT", 1, "study"),
            ("U-937", "NN", "compound", 3), ("cells", "NNS", "dobj", 1),
            (",", ",", "punct", 1), ("in", "IN", "case", 6), ("which", "WDT", "nmod", 9),
            ("retinoic", "JJ", "amod", 8), ("acid", "NN", "nsubj", 9),
            ("induces", "VBZ", "ccomp", 1), ("monocytic", "JJ", "amod", 11),
            ("differentiation", "NN", "dobj", 9), (".", ".", "punct", 1)]
    doc, found = pair_claims_on_parse(rows, (7, 8), (2, 3))
    assert [(c.cell.text(doc), c.evidence.direction) for c in found] == [
        ("U-937 cells", "increase")]
    assert not is_aim_statement(found[0].evidence.trigger)


def test_a_mediated_response_hung_on_its_adjective_is_the_responses():
    # "(LPS)-mediated" hung on "immune" (the templated-sentence parser): the adjective's noun
    # is the effect, and the activation named on the cells its direction
    rows = [("Bacterial", "JJ", "amod", 1), ("lipopolysaccharide", "NN", "compound", 7),
            ("(", "-LRB-", "punct", 6), ("LPS", "NN", "nmod:npmod", 6),
            (")", "-RRB-", "punct", 6), ("-mediated", "JJ", "amod", 6),
            ("immune", "JJ", "amod", 7), ("responses", "NNS", "nsubj", 14),
            (",", ",", "punct", 7), ("including", "VBG", "case", 10),
            ("activation", "NN", "nmod", 7), ("of", "IN", "case", 12),
            ("monocytes", "NNS", "nmod", 10), (",", ",", "punct", 7), ("play", "VBP", "ROOT", 14),
            ("an", "DT", "det", 17), ("important", "JJ", "amod", 17), ("role", "NN", "dobj", 14),
            ("in", "IN", "case", 19), ("sepsis", "NN", "nmod", 14), (".", ".", "punct", 14)]
    _doc, found = pair_claims_on_parse(rows, (1, 1), (12, 12), joined={2, 3, 4})
    assert [(c.evidence.rule, c.evidence.effect, c.evidence.direction) for c in found] == [
        ("suffix", "immune responses", "increase")]


@pytest.mark.parametrize("prior", [("prior", "JJ", "case", 9), ("prior", "JJ", "amod", 9)])
def test_the_stimulus_of_an_activation_prior_to_which_cells_were_treated_is_no_agent(prior):
    # "prior to" as two case words of "activation", or "prior" its adjective (the
    # templated-sentence parser): LTB4 stimulates a later step, troglitazone is the agent
    rows = [("When", "WRB", "advmod", 4), ("endothelial", "JJ", "amod", 2),
            ("cells", "NNS", "nsubjpass", 4), ("were", "VBD", "auxpass", 4),
            ("treated", "VBN", "advcl", 16), ("with", "IN", "case", 6),
            ("troglitazone", "NN", "nmod", 4), prior,
            ("to", "TO", "case", 9), ("activation", "NN", "nmod", 4), ("with", "IN", "case", 11),
            ("LTB4", "NN", "nmod", 9), (",", ",", "punct", 16), ("we", "PRP", "nsubj", 16),
            ("could", "MD", "aux", 16), ("not", "RB", "neg", 16), ("document", "VB", "ROOT", 16),
            ("any", "DT", "det", 18), ("effect", "NN", "dobj", 16), ("on", "IN", "case", 21),
            ("the", "DT", "det", 21), ("number", "NN", "nmod", 16), ("of", "IN", "case", 24),
            ("adhering", "JJ", "amod", 24), ("neutrophils", "NNS", "nmod", 21),
            (".", ".", "punct", 16)]
    assert claims_on_parse(rows, (11, 11), (1, 2)) == []
    assert claims_on_parse(rows, (11, 11), (23, 24)) == []


def test_a_presence_hung_on_the_cells_is_the_clauses_condition():
    # "in the presence of ciprofloxacin" hung on the splenocytes (the templated-sentence
    # parser): read as the clause's, whose subject's adjective gives the direction
    rows = [("An", "DT", "det", 3), ("enhanced", "VBN", "amod", 3), ("IL-2", "NN", "compound", 3),
            ("response", "NN", "nsubjpass", 5), ("was", "VBD", "auxpass", 5),
            ("detected", "VBN", "ROOT", 5), ("in", "IN", "case", 9),
            ("stimulated", "VBN", "dep", 6), ("murine", "JJ", "amod", 9),
            ("splenocytes", "NNS", "nmod", 5), ("in", "IN", "case", 12),
            ("the", "DT", "det", 12), ("presence", "NN", "nmod", 9), ("of", "IN", "case", 14),
            ("ciprofloxacin", "NN", "nmod", 12), (".", ".", "punct", 5)]
    _doc, found = pair_claims_on_parse(rows, (14, 14), (8, 9))
    assert [(c.evidence.effect, c.evidence.direction) for c in found] == [
        ("IL-2 response", "increase")]


def test_a_by_agent_hung_on_a_denied_active_verb_keeps_its_own_change():
    # "by PMA in T cells" hung on "affect" (the templated-sentence parser): an active verb
    # with a subject has no "by" agent, so PMA is the activation's, and the denial above
    # does not reach it
    from pipeline.claims.lexicon import load_triggers
    from pipeline.claims.modality import is_negated

    rows = [("The", "DT", "det", 1), ("compound", "NN", "nsubj", 4), ("does", "VBZ", "aux", 4),
            ("not", "RB", "neg", 4), ("affect", "VB", "ROOT", 4),
            ("NF-kappa", "NN", "compound", 6), ("B", "NN", "compound", 7),
            ("activation", "NN", "dobj", 4), ("by", "IN", "case", 9), ("PMA", "NN", "nmod", 4),
            ("in", "IN", "case", 12), ("T", "NN", "compound", 12), ("cells", "NNS", "nmod", 9),
            (".", ".", "punct", 4)]
    doc, found = pair_claims_on_parse(rows, (9, 9), (11, 12))
    assert [(c.evidence.trigger.text, c.evidence.direction) for c in found] == [
        ("activation", "increase")]
    assert not is_negated(found[0].evidence.trigger, load_triggers(), doc[9])


def test_a_property_adjective_after_a_predicate_drug_is_the_cells():
    # "were cyclosporin A sensitive" read with "cyclosporin A" as the predicate noun and
    # "sensitive" hung on it (the templated-sentence parser)
    rows = [("CD4+", "JJ", "amod", 2), ("T", "NN", "compound", 2), ("cells", "NNS", "nsubj", 5),
            ("were", "VBD", "cop", 5), ("cyclosporin", "NN", "compound", 5),
            ("A", "NN", "ROOT", 5), ("sensitive", "JJ", "amod", 5), (".", ".", "punct", 5)]
    _doc, found = pair_claims_on_parse(rows, (4, 5), (0, 2))
    assert [(c.evidence.trigger.text, c.evidence.direction) for c in found] == [
        ("sensitive", "unclear")]


@pytest.mark.parametrize("aux, expected", [
    ("was", [("pyrrolidinedithiocarbamate", "HUVECs", "decrease")]),
    ("were", []),
])
def test_a_singular_clause_on_plural_cells_is_about_the_change(aux, expected):
    # "that was blocked by X" hung on "HUVECs" (the templated-sentence parser): "was" cannot
    # agree with the cells, so what was blocked is TNF's increase; "were" would be the cells
    rows = [("TNF", "NN", "nsubj", 1), ("increased", "VBD", "ROOT", 1),
            ("VCAM-1", "NN", "compound", 3), ("protein", "NN", "dobj", 1), ("in", "IN", "case", 5),
            ("HUVECs", "NNS", "nmod", 1), ("that", "WDT", "nsubjpass", 8),
            (aux, "VBD", "auxpass", 8), ("blocked", "VBN", "acl:relcl", 5),
            ("by", "IN", "case", 10), ("pyrrolidinedithiocarbamate", "NN", "nmod", 8),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (10, 10), (5, 5)) == expected


def test_a_by_drug_after_a_passive_relative_clause_is_its_agent():
    # "via a process that is blocked *by cyclosporin*" with "by cyclosporin" hung on the main
    # verb (the templated-sentence parser), which has its agent already: the drug blocks
    rows = [("Induction", "NN", "nsubjpass", 3), ("is", "VBZ", "auxpass", 3),
            ("maximal", "JJ", "advmod", 3), ("induced", "VBN", "ROOT", 3), ("by", "IN", "case", 5),
            ("treatment", "NN", "nmod", 3), ("of", "IN", "case", 8), ("T", "NN", "compound", 8),
            ("cells", "NNS", "nmod", 5), ("with", "IN", "case", 10),
            ("ionomycin", "NN", "nmod", 5), (",", ",", "punct", 3), ("via", "IN", "case", 14),
            ("a", "DT", "det", 14), ("process", "NN", "nmod", 3), ("that", "WDT", "nsubjpass", 17),
            ("is", "VBZ", "auxpass", 17), ("blocked", "VBN", "acl:relcl", 14),
            ("by", "IN", "case", 19), ("cyclosporin", "NN", "nmod", 3), (".", ".", "punct", 3)]
    assert claims_on_parse(rows, (19, 19), (7, 8)) == [("cyclosporin", "T cells", "decrease")]


def test_cells_a_fronted_study_place_hangs_on_take_its_finding():
    # "In 1G5, a T cell line ..., we found that X enhanced E" with "In 1G5" hung on the cell
    # line and the line on "found" (the templated-sentence parser)
    rows = [("In", "IN", "case", 1), ("1G5", "NN", "nmod", 6), (",", ",", "punct", 6),
            ("a", "DT", "det", 6), ("T", "NN", "compound", 5), ("cell", "NN", "compound", 6),
            ("line", "NN", "dep", 9), (",", ",", "punct", 9), ("we", "PRP", "nsubj", 9),
            ("found", "VBD", "ROOT", 9, "find"), ("that", "IN", "mark", 13),
            ("PGE2", "NN", "nsubj", 13),
            ("markedly", "RB", "advmod", 13), ("enhanced", "VBD", "ccomp", 9),
            ("reporter", "NN", "compound", 15), ("activity", "NN", "dobj", 13),
            (".", ".", "punct", 9)]
    assert claims_on_parse(rows, (11, 11), (4, 5)) == [("pge2", "T cell", "increase")]


def test_a_change_set_apart_by_but_not_below_the_object_is_the_inducers_own():
    # "..., but not the phosphorylation induced by TNF" conjoined to "activation" of an
    # "irrespective of" phrase instead of the verb's object (the templated-sentence parser)
    rows = [("Treatment", "NN", "nsubj", 6), ("of", "IN", "case", 3), ("T", "NN", "compound", 3),
            ("cells", "NNS", "nmod", 0), ("with", "IN", "case", 5),
            ("GF109203X", "NN", "nmod", 0), ("abrogates", "VBZ", "ROOT", 6),
            ("the", "DT", "det", 8), ("phosphorylation", "NN", "dobj", 6),
            ("irrespective", "JJ", "advmod", 6), ("of", "IN", "case", 11),
            ("activation", "NN", "nmod", 9), (",", ",", "punct", 11), ("but", "CC", "cc", 14),
            ("not", "RB", "cc", 11), ("the", "DT", "det", 16),
            ("phosphorylation", "NN", "conj", 11), ("induced", "VBN", "acl", 16),
            ("by", "IN", "case", 19), ("TNF", "NN", "nmod", 17), (".", ".", "punct", 6)]
    assert claims_on_parse(rows, (19, 19), (2, 3)) == [("tnf", "T cells", "increase")]


def test_the_action_of_a_drug_based_stimulation_is_its_own_change():
    # "based" read as the preposition of "stimulation", hung beside the drug on "action" (the
    # templated-sentence parser): the stimulation, not "action", gives the drug's direction
    rows = [("Dexamethasone", "NN", "nsubj", 1), ("counteracts", "VBZ", "ROOT", 1),
            ("the", "DT", "det", 3), ("action", "NN", "dobj", 1), ("of", "IN", "case", 5),
            ("lenalidomide", "NN", "nmod", 3), ("based", "VBN", "case", 7),
            ("stimulation", "NN", "nmod", 3), ("of", "IN", "case", 10),
            ("T-cell", "NN", "compound", 10), ("proliferation", "NN", "nmod", 7),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (5, 5), (9, 9)) == [("lenalidomide", "T-cell", "increase")]


def test_a_finite_verb_read_as_a_compound_still_states_the_change():
    # "Glucocorticoids kill certain types of lymphoblasts" read as one noun phrase, "kill"
    # (tagged VBP) a compound of "types" (the templated-sentence parser)
    rows = [("Glucocorticoids", "NNS", "compound", 3), ("kill", "VBP", "compound", 3),
            ("certain", "JJ", "amod", 3), ("types", "NNS", "ROOT", 3), ("of", "IN", "case", 5),
            ("lymphoblasts", "NNS", "nmod", 3), (".", ".", "punct", 3)]
    assert claims_on_parse(rows, (0, 0), (5, 5)) == [
        ("glucocorticoids", "lymphoblasts", "decrease")]


def test_a_linking_verbs_subject_is_no_other_agent_of_a_treatment():
    # "a protein that *becomes phosphorylated* upon lymphocyte treatment with H2O2", the
    # treatment hung on "becomes" (the templated-sentence parser): "that" is what changes
    rows = [("Antibodies", "NNS", "nsubj", 1), ("precipitated", "VBD", "ROOT", 1),
            ("a", "DT", "det", 3), ("protein", "NN", "dobj", 1), ("that", "WDT", "nsubj", 5),
            ("becomes", "VBZ", "acl:relcl", 3), ("phosphorylated", "VBN", "xcomp", 5),
            ("upon", "IN", "case", 9), ("lymphocyte", "NN", "compound", 9),
            ("treatment", "NN", "nmod", 5), ("with", "IN", "case", 11), ("H2O2", "NN", "nmod", 9),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (11, 11), (8, 8)) == [("h2o2", "lymphocyte", "increase")]


def test_a_denial_does_not_reach_a_conjoined_clause_with_its_own_subject():
    # "that RA did not induce E and that RA reduced F", the second clause a conjunct of the
    # denied verb (the templated-sentence parser): only the first is denied
    from pipeline.claims.lexicon import load_triggers
    from pipeline.claims.modality import is_negated

    rows = [("We", "PRP", "nsubj", 1), ("observed", "VBD", "ROOT", 1),
            ("that", "IN", "mark", 6), ("RA", "NN", "nsubj", 6), ("did", "VBD", "aux", 6),
            ("not", "RB", "neg", 6), ("induce", "VB", "ccomp", 1),
            ("neutrophil", "NN", "compound", 8), ("differentiation", "NN", "dobj", 6),
            ("and", "CC", "cc", 6), ("that", "IN", "mark", 12), ("RA", "NN", "nsubj", 12),
            ("reduced", "VBD", "conj", 6), ("proliferation", "NN", "dobj", 12),
            ("of", "IN", "case", 15), ("monocytes", "NNS", "nmod", 13), (".", ".", "punct", 1)]
    doc, found = pair_claims_on_parse(rows, (11, 11), (15, 15))
    assert [(c.evidence.trigger.text, c.evidence.direction) for c in found] == [
        ("reduced", "decrease")]
    assert not is_negated(found[0].evidence.trigger, load_triggers(), doc[11])
    doc, found = pair_claims_on_parse(rows, (3, 3), (7, 7))
    assert is_negated(found[0].evidence.trigger, load_triggers(), doc[3])


def test_cells_of_a_reason_clause_read_as_the_root_are_not_the_questions():
    # "Because monocytes play a role in E, we asked whether F is affected by X" with the
    # "because" clause as the root and "asked" beside it (the templated-sentence parser)
    rows = [("Because", "IN", "mark", 2), ("monocytes", "NNS", "nsubj", 2),
            ("play", "VBP", "ROOT", 2), ("a", "DT", "det", 5), ("pivotal", "JJ", "amod", 5),
            ("role", "NN", "dobj", 2), (",", ",", "punct", 2), ("we", "PRP", "nsubj", 8),
            ("asked", "VBD", "parataxis", 2), ("whether", "IN", "mark", 13),
            ("expression", "NN", "nsubjpass", 13), ("is", "VBZ", "auxpass", 13),
            ("not", "RB", "neg", 13), ("affected", "VBN", "ccomp", 8), ("by", "IN", "case", 15),
            ("cyclosporin", "NN", "nmod", 13), (".", ".", "punct", 2)]
    assert claims_on_parse(rows, (15, 15), (1, 1)) == []


def test_cells_and_drug_in_two_whether_questions_are_not_linked():
    # "we asked (1) whether monocyte E occurs in patients and (2) whether F is affected by
    # X", both questions complements of "asked" (the templated-sentence parser)
    rows = [("We", "PRP", "nsubj", 1), ("asked", "VBD", "ROOT", 1), ("whether", "IN", "mark", 6),
            ("monocyte", "NN", "compound", 5), ("TF", "NN", "compound", 5),
            ("activation", "NN", "nsubj", 6), ("occurs", "VBZ", "ccomp", 1),
            ("and", "CC", "cc", 6), ("whether", "IN", "mark", 11),
            ("expression", "NN", "nsubjpass", 11), ("is", "VBZ", "auxpass", 11),
            ("affected", "VBN", "ccomp", 1), ("by", "IN", "case", 13),
            ("cyclosporin", "NN", "nmod", 11), (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (13, 13), (3, 3)) == []


def test_a_drug_listed_after_a_change_noun_with_a_participle_on_the_list_is_no_agent():
    # "cell shape changes, ..., and serotonin, associated with neuroendocrine cells", the
    # list hung on "changes" and the participle too (the templated-sentence parser)
    rows = [("These", "DT", "nsubj", 1), ("included", "VBD", "ROOT", 1),
            ("shape", "NN", "compound", 3), ("changes", "NNS", "dobj", 1), (",", ",", "punct", 3),
            ("enolase", "NN", "conj", 3), ("and", "CC", "cc", 5), ("serotonin", "NN", "conj", 5),
            (",", ",", "punct", 3), ("associated", "VBN", "acl", 3), ("with", "IN", "case", 12),
            ("neuroendocrine", "JJ", "amod", 12), ("cells", "NNS", "nmod", 9),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (7, 7), (11, 12)) == []


def test_a_reported_clause_and_a_coordinated_predicate_are_two_statements():
    # "results indicate that X induces Y cell apoptosis, and [suggest that E] may contribute
    # to the activity of Z", "contribute" read as a conjunct of "indicate" (the
    # templated-sentence parser): Z does not induce the apoptosis
    rows = [("Results", "NNS", "nsubj", 1), ("indicate", "VBP", "ROOT", 1),
            ("that", "IN", "mark", 4), ("triptolide", "NN", "nsubj", 4),
            ("induces", "VBZ", "ccomp", 1), ("T", "NN", "compound", 7),
            ("cell", "NN", "compound", 7), ("apoptosis", "NN", "dobj", 4), (",", ",", "punct", 1),
            ("and", "CC", "cc", 1), ("may", "MD", "aux", 11), ("contribute", "VB", "conj", 1),
            ("to", "TO", "case", 13), ("activity", "NN", "nmod", 11), ("of", "IN", "case", 16),
            ("TWHf", "NN", "compound", 16), ("extract", "NN", "nmod", 13),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (15, 16), (5, 6)) == []
    assert claims_on_parse(rows, (3, 3), (5, 6)) == [("triptolide", "T cell", "increase")]


def test_a_drug_at_the_top_of_its_path_is_no_coordinated_predicate():
    # Regression: "neither phorbol ester nor ciprofibrate alone had any effect on these
    # cells", the drug read as a verb whose complement holds the cells (the shipped core):
    # the reported-clause-beside-a-predicate rule took the drug for the coordinated predicate
    rows = [("The", "DT", "det", 1), ("effect", "NN", "nsubjpass", 3), ("was", "VBD", "auxpass", 3),
            ("potentiated", "VBN", "ROOT", 3), ("nor", "CC", "cc", 3),
            ("ciprofibrate", "VBP", "conj", 3), ("alone", "RB", "advmod", 7),
            ("had", "VBD", "ccomp", 5), ("any", "DT", "det", 9), ("effect", "NN", "dobj", 7),
            ("on", "IN", "case", 12), ("these", "DT", "det", 12), ("cells", "NNS", "nmod", 9),
            (".", ".", "punct", 3)]
    assert claims_on_parse(rows, (5, 5), (11, 12)) != []


def test_a_substance_naming_a_signal_is_no_agent(nlp):
    # Regression (GENIA, a claim difference of the 0.3.0 core): "impaired ... tyrosine
    # phosphorylation and Ca2+ signals" gave Ca2+ a decrease on the T lymphocytes
    assert claims_of(nlp, "Normal T lymphocytes whose surface expression of CD3 was depleted "
                          "showed impaired UV-induced tyrosine phosphorylation and Ca2+ "
                          "signals.") == []
    # but "LPS signal transduction" is the agent's own signal
    found = claims_of(nlp, "Endotoxin (LPS) signal transduction in human monocytes leads to "
                           "activation of nuclear factor-kappa B (NF-kappaB) and TNF-alpha "
                           "release.")
    assert [(c[0], c[1], c[2]) for c in found] == [("endotoxin", "human monocytes", "increase")]


def test_plural_cells_read_as_a_compound_of_the_drug_are_its_verbs_place():
    # "In both cell lines LIF increased NF-kB activity" read as one noun phrase, "cell lines
    # LIF" (the 0.3.0 core): plural cells name no drug ("T cell mitogens" would), and the
    # verb above the drug states the change
    rows = [("In", "IN", "case", 4), ("both", "DT", "det", 4), ("cell", "NN", "compound", 3),
            ("lines", "NNS", "compound", 4), ("LIF", "NN", "nmod", 5),
            ("increased", "VBD", "ROOT", 5), ("NF-kB", "NN", "amod", 7),
            ("activity", "NN", "dobj", 5), (".", ".", "punct", 5)]
    assert claims_on_parse(rows, (4, 4), (2, 3)) == [("lif", "cell lines", "increase")]


def test_what_cells_differentiate_into_is_a_product_however_parsed():
    # "ATRA induces both in vitro and in vivo differentiation of APL cells into mature
    # granulocytes", "into granulocytes" hung on "induces" (the 0.3.0 core): the words still
    # say that the granulocytes are what the APL cells become
    rows = [("ATRA", "NN", "nsubj", 1), ("induces", "VBZ", "ROOT", 1), ("in", "FW", "compound", 3),
            ("vitro", "FW", "dobj", 1), ("differentiation", "NN", "dep", 3), ("of", "IN", "case", 7),
            ("APL", "NN", "compound", 7), ("cells", "NNS", "nmod", 4), ("into", "IN", "case", 10),
            ("mature", "JJ", "amod", 10), ("granulocytes", "NNS", "nmod", 1),
            (".", ".", "punct", 1)]
    assert claims_on_parse(rows, (0, 0), (6, 7), more_cells=[(9, 10)]) == [
        ("atra", "APL cells", "increase")]


def test_a_drug_of_the_cells_compared_against_is_no_agent(nlp):
    # Regression (GENIA sample BG): "fewer binding sites as compared to lymphocytes that were
    # activated by PHA" gave PHA a decrease on the lymphocytes it is set against
    found = claims_of(nlp, "Lymphocytes activated with the OKT3 antibody expressed fewer "
                           "binding sites as compared to lymphocytes that were activated by "
                           "phytohemagglutinin.")
    assert "phytohemagglutinin" not in {c[0] for c in found}


def test_what_treated_cells_make_by_name_is_the_treatments_increase(nlp):
    # Regression (GENIA sample BG): "IL-8 production by human monocytes and PMN stimulated
    # with LPS" made no claim: the predicate of the treated cells is the noun they are the
    # "by" phrase of
    found = claims_of(nlp, "Involvement of kinase pathways in interleukin-8 production by human "
                           "monocytes and polymorphonuclear cells stimulated with "
                           "lipopolysaccharide.")
    assert {(c[0], c[1], c[2]) for c in found} == {
        ("lipopolysaccharide", "human monocytes", "increase"),
        ("lipopolysaccharide", "polymorphonuclear cells", "increase")}
    # a verb that states the change is the predicate: no increase here
    found = claims_of(nlp, "IL-2 production by CsA-treated cells is therefore dramatically "
                           "reduced.")
    assert "increase" not in {c[2] for c in found}


@pytest.mark.parametrize("text, cells", [
    # Regression (GENIA sample BH): what the treated cells differentiate towards, and the
    # lineage written on the process, were taken for populations the drug acts on
    ("Treatment of HL60 cells with retinoids results in differentiation towards neutrophils "
     "or monocytes.", {"HL60 cells"}),
    ("Treatment of HL60 cells with retinoic acid induces neutrophil differentiation.",
     {"HL60 cells"}),
    ("Moreover, IL-6 induced macrophage-differentiation and apoptosis of 1A9-M cells.",
     {"1A9-M cells"}),
])
def test_what_named_cells_become_is_no_population(nlp, text, cells):
    assert {c[1] for c in claims_of(nlp, text)} == cells


def test_examples_of_what_is_up_regulated_are_no_agents(nlp):
    # Regression (GENIA sample BH): "up-regulation of cytokines containing AP-1 sites, e.g.
    # interleukin-3 and GM-CSF" made both cytokines agents on the T cells
    found = claims_of(nlp, "The aberrant activation of AP-1 by gp160 in CD4 positive T cells "
                           "could result in up-regulation of cytokines containing AP-1 sites, "
                           "e.g. interleukin-3 and granulocyte macrophage colony-stimulating "
                           "factor.")
    assert {c[0] for c in found} == {"gp160"}


def test_differentiating_effects_are_an_increase(nlp):
    # Regression (GENIA sample BH): "cyto-differentiating effects on APL cells" was unclear
    found = claims_of(nlp, "AM580 has powerful and selective cyto-differentiating effects on "
                           "acute promyelocytic leukemia cells.")
    assert [(c[0], c[2]) for c in found] == [("am580", "increase")]


def test_a_drug_hung_on_where_the_cells_came_from_is_the_agent_of_the_nominal(nlp):
    # Regression (GENIA sample BG): "the modulation of the proliferation of human T cells
    # obtained from peripheral blood by DEX, ISO and PGE2" hung the drugs on "obtained"
    found = claims_of(nlp, "The purpose of these studies was to investigate the modulation of "
                           "the proliferation of human T cells obtained from peripheral blood by "
                           "dexamethasone (DEX), isoproterenol (ISO), and prostaglandin E2 "
                           "(PGE2).")
    assert {(c[0], c[2], c[3]) for c in found} == {
        ("dexamethasone", "unclear", "hedged"), ("isoproterenol", "unclear", "hedged"),
        ("dinoprostone", "unclear", "hedged")}


def test_differentiation_with_a_drug_is_its_increase(nlp):
    # Regression (GENIA sample BH): "differentiation of HL-60 cells to the macrophage-like
    # lineage (with phorbol esters)" was unclear
    found = claims_of(nlp, "We previously showed that PO-B DNA-binding is progressively induced "
                           "during differentiation of promyelomonocytic leukemic HL-60 cells to "
                           "the macrophage-like lineage (with phorbol esters).")
    assert [(c[0], c[1], c[2]) for c in found] == [("phorbol esters", "HL-60 cells", "increase")]


def test_opposing_effects_have_no_direction(nlp):
    # Regression (GENIA sample BI): "Opposing effects of glucocorticoids on the rate of
    # apoptosis in neutrophilic and eosinophilic granulocytes" read "opposing" (oppose) as a
    # decrease of both
    found = claims_of(nlp, "Opposing effects of dexamethasone on neutrophils and eosinophils.")
    assert {(c[1], c[2]) for c in found} == {("neutrophils", "unclear"), ("eosinophils", "unclear")}
    found = claims_of(nlp, "Dexamethasone had opposite effects on neutrophils.")
    assert [(c[1], c[2]) for c in found] == [("neutrophils", "unclear")]


def test_cells_counted_as_a_percentage_measure_the_effect(nlp):
    # Regression (GENIA sample BI): "(up to 25% mature cells)" was a second population
    found = claims_of(nlp, "Treatment of HL60 cells with retinoic acid resulted in neutrophil "
                           "differentiation (up to 25% mature cells).")
    assert [(c[0], c[1]) for c in found] == [("tretinoin", "HL60 cells")]
    # counted cells alone are still the drug's population
    found = claims_of(nlp, "Retinoic acid increased apoptosis (up to 25% dead cells).")
    assert [c[1] for c in found] == ["dead cells"]


def test_cells_a_fronted_study_used_are_the_findings_cells(nlp):
    # Regression (GENIA sample BI): "In recent investigations, using serum-free grown HL60
    # cells, we observed that all-trans RA ... did not induce neutrophil differentiation" had
    # no claim: the cells hung on the study noun, not on the finding verb
    found = claims_of(nlp, "In recent investigations, using HL60 cells, we observed that "
                           "retinoic acid did not induce neutrophil differentiation.")
    assert [(c[0], c[1], c[2]) for c in found] == [("tretinoin", "HL60 cells", "no_change")]
    found = claims_of(nlp, "In experiments using HL60 cells, we observed that retinoic acid "
                           "did not induce neutrophil differentiation.")
    assert [(c[0], c[1], c[2]) for c in found] == [("tretinoin", "HL60 cells", "no_change")]


def test_an_agent_noun_in_apposition_to_the_drug_states_its_effect(nlp):
    # Regression (CG sample CA): "X, a potent stimulator of endothelial cell migration" had
    # no claim; the apposition is what "X was a potent stimulator of ..." says
    found = claims_of(nlp, "Lenalidomide, a potent stimulator of NK cell cytotoxicity, was "
                           "given weekly.")
    assert [c[:3] for c in found] == [("lenalidomide", "NK cell", "increase")]
    found = claims_of(nlp, "Two potent inhibitors of T cell proliferation, cyclosporin A and "
                           "rapamycin, were added to the cultures.")
    assert {c[:3] for c in found} == {("cyclosporine", "T cell", "decrease"),
                                      ("sirolimus", "T cell", "decrease")}
    # an inhibitor named without what it inhibits states nothing on the cells beside it
    assert claims_of(nlp, "Using a PKC-specific inhibitor, GF109203X, or PKC-depleted T cells, "
                          "we found that ERK activation is PKC dependent.") == []


def test_a_singular_clause_on_plural_cells_is_on_the_noun_that_holds_them(nlp):
    # Regression (CG sample CB): "Hypoxia also increased VEGF production by SCC lines, which
    # was inhibited by treatment with SB203580" had no claim: the clause, hung on the lines,
    # is on the production
    doc = nlp("Hypoxia increased VEGF production by T cells, which was inhibited by "
              "treatment with dexamethasone.")
    assert [(c.drug_norm, c.cell, c.direction, c.effect) for c in doc._.claims] == [
        ("dexamethasone", "T cells", "decrease", "VEGF production")]


def test_their_in_a_clause_of_its_own_stands_for_the_cells_before_it(nlp):
    # Regression (CG sample CB): "Although antibodies to PAI-1 did not affect the adhesion of
    # HT1080 cells to vitronectin, the antibody to uPA reduced their attachment" had no claim
    # for the second antibody
    found = claims_of(nlp, "Although dexamethasone did not affect the adhesion of HL-60 cells "
                           "to fibronectin, lenalidomide reduced their migration.")
    assert {c[:3] for c in found} == {("dexamethasone", "HL-60 cells", "no_change"),
                                      ("lenalidomide", "HL-60 cells", "decrease")}
    # in the cells' own relative clause, "their" is no second way to them
    assert claims_of(nlp, "The assay separates NK cells that differ in their response to "
                          "lenalidomide.") == []


def test_cells_named_non_treated_did_not_get_the_drug(nlp):
    # Regression (BC5CDR sample EA): "the non-dapsone-exposed AE RBCs" made dapsone the agent
    # of a decrease in those cells
    assert claims_of(nlp, "The proliferation of the non-rapamycin-treated T cells was "
                          "decreased.") == []
    assert [c[:3] for c in claims_of(nlp, "The proliferation of the rapamycin-treated T cells "
                                          "was decreased.")] == [
        ("sirolimus", "T cells", "decrease")]


def test_compared_to_parsed_as_an_infinitive_is_no_effect(nlp):
    # Regression (BC5CDR sample EA): "decreased compared to control T cells", "control" read
    # as a verb, made the comparator the effect
    doc = nlp("The proliferation of the rapamycin-treated T cells was decreased compared to "
              "control T cells.")
    assert [(c.drug_norm, c.cell, c.effect) for c in doc._.claims] == [
        ("sirolimus", "T cells", "proliferation")]


@pytest.mark.parametrize("text", [
    # Regression (BC5CDR sample EA): the cells of "those seen in Y cells after Z" got the
    # drug's claim
    "After imatinib treatment, changes in staining were similar to those seen in hepatocytes "
    "after ligation.",
    "After imatinib treatment, changes in staining were similar to those in hepatocytes after "
    "ligation.",
])
def test_cells_of_the_demonstrative_an_effect_is_likened_to_are_a_comparator(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text, direction", [
    # Regression (BC5CDR sample EA): "microglia respond to METH with an activation cascade"
    # was a claim without a direction
    ("Microglia respond to cocaine with an activation cascade.", "increase"),
    ("T cells responded to dexamethasone with reduced proliferation.", "decrease"),
    ("T cells responded to dexamethasone with proliferation.", "increase"),
    ("T cells responded to dexamethasone.", "unclear"),
])
def test_the_answer_of_a_response_gives_its_direction(nlp, text, direction):
    assert [c[2] for c in claims_of(nlp, text)] == [direction]


def test_a_name_before_transcription_is_what_is_transcribed(nlp):
    # Regression (BC2GM sample EC): "suppresses cardiac troponin C and atrial natriuretic
    # factor transcription" made the factor an agent on the cardiomyocytes
    assert claims_of(nlp, "Overexpression of CARP in cardiomyocytes suppresses troponin C and "
                          "atrial natriuretic factor transcription.") == []
    assert [c[:3] for c in claims_of(nlp, "Dexamethasone suppresses IL-2 transcription in "
                                          "T cells.")] == [
        ("dexamethasone", "T cells", "decrease")]


def test_cells_a_molecule_acts_on_in_its_description_are_not_the_drugs(nlp):
    # Regression (BC2GM sample EC): "repression of ... the osteoclast-activating cytokines
    # IL-6 and IL-1" gave estrogens a claim on osteoclasts
    assert claims_of(nlp, "Dexamethasone prevents bone loss by repression of target genes, "
                          "such as the osteoclast-activating cytokines interleukin-6 and "
                          "interleukin-1.") == []


def test_a_comparative_grading_an_adjective_is_no_trigger(nlp):
    # Regression (BC2GM sample ED): "a much less expensive solution containing only
    # K-lactobionate ... can be used for preservation of rat hepatocytes" made "less" a
    # decrease of the hepatocytes
    assert claims_of(nlp, "A much less expensive solution containing only lactobionate and "
                          "raffinose can be used successfully for preservation of rat "
                          "hepatocytes.") == []


def test_drug_induced_cells_are_cells_in_a_state(nlp):
    # Regression (BC2GM sample EE): "assays on forskolin-induced YT-1 cells" was an increase
    # of the cells
    assert claims_of(nlp, "In internalization assays on forskolin-induced YT-1 cells, the "
                          "receptor is endocytosed together with the beta subunit.") == []
    # an effect stated on them is the treatment's; an induced process stays the drug's
    assert [c[:3] for c in claims_of(nlp, "Forskolin-induced YT-1 cells proliferated "
                                          "faster.")] == [("colforsin", "YT-1 cells", "increase")]
    assert [c[:3] for c in claims_of(nlp, "Forskolin-induced apoptosis of YT-1 cells was "
                                          "blocked.")] == [("colforsin", "YT-1 cells", "increase")]
    # cells that name a process's kind are no induced cells
    found = claims_of(nlp, "Erythropoietin (EPO) was given. The inhibitor reduced EPO-induced "
                           "erythroid differentiation.")
    assert [c[:3] for c in found] == [("erythropoietin", "erythroid", "increase")]


def test_cells_after_a_likeness_of_manner_are_a_comparator(nlp):
    # Regression (BC2GM sample EE): "In a similar fashion to adipose stromal cells, serum
    # potentiated the response to dexamethasone" gave dexamethasone a claim on them
    assert claims_of(nlp, "In a similar fashion to adipose stromal cells, serum potentiated "
                          "the response to dexamethasone.") == []
    assert [c[1] for c in claims_of(nlp, "In a similar fashion, dexamethasone reduced the "
                                         "proliferation of T cells.")] == ["T cells"]


def test_cells_that_name_a_donor_are_no_population(nlp):
    # Regression (BC2GM sample EE): "Erythema induced by G-CSF in an allogeneic peripheral
    # blood stem cell donor"
    assert claims_of(nlp, "Erythema induced by G-CSF in an allogeneic peripheral blood stem "
                          "cell donor.") == []


def test_what_a_staining_is_done_with_is_a_reagent(nlp):
    # Regression (CRAFT sample EF): "as determined by immunohistochemical staining of paraffin
    # sections ... with an anti-Pl-1 antibody" made the antibody deplete Pl-1-expressing cells
    assert claims_of(nlp, "The population of Pl-1-expressing cells was depleted in the mutant "
                          "embryos, as determined by immunohistochemical staining of sections "
                          "with an anti-Pl-1 antibody.") == []
    # a treatment between the staining and the drug keeps the drug an agent
    assert [c[:3] for c in claims_of(nlp, "TUNEL staining of thymocytes treated with "
                                          "dexamethasone showed increased apoptosis.")] == [
        ("dexamethasone", "thymocytes", "increase")]


@pytest.mark.parametrize("text", [
    # Regression (CRAFT sample EG): culture air, calcium waves and a membrane's phospholipid
    # orientation made agents
    "The neurons were maintained at 37 degrees C in a humidified atmosphere with 5% CO2.",
    "Two studies demonstrated roles for annexin A7 in shape and osmotic resistance of red "
    "blood cells, platelet aggregation velocity, and in the velocity of spreading astrocytic "
    "Ca2+-waves.",
    "The vesicle formation goes along with other changes in the red blood cell like changes in "
    "the phospholipid orientation.",
    # Regression (CRAFT sample EH): what is lacking, and a stain's target
    "We probed the impact of deficits in RanBP2, HKI, and ATP, on the electrophysiological "
    "responses of rod and cone photoreceptors.",
    "Sections show the degree of differentiation of hair cells and their innervating fibers "
    "stained with tubulin immunocytochemistry (arrow; e-h).",
])
def test_culture_air_and_what_a_process_moves_are_no_agents(nlp, text):
    assert claims_of(nlp, text) == []


def test_cells_maintained_in_culture_state_no_effect(nlp):
    # Regression (CRAFT sample EH): "ES cells were maintained on gelatin-coated plates ... in
    # ES cell medium (DMEM supplemented with ... penicillin ...)" made each ingredient a
    # no_change claim
    assert claims_of(nlp, "Mouse R1 ES cells were maintained on gelatin-coated plates at 37 "
                          "degrees C under 5% CO2 in ES cell medium (DMEM supplemented with 2 "
                          "mM glutamine, 100 U/ml penicillin and 100 mu g/ml streptomycin).") == []
    # cells that keep a property still state no change
    assert [c[:3] for c in claims_of(nlp, "Bortezomib-treated dendritic cells maintained their "
                                          "capacity to stimulate T cells.")] == [
        ("bortezomib", "dendritic cells", "no_change")]
