"""claims_summary.csv: counts across documents, reviewers' decisions, disagreements."""

from __future__ import annotations

from pipeline.outputs.summary import summarize
from tests.outputs.builders import NK, TREG, Said, cid, make_document, tables_of

NK_DOWN = Said("Dexamethasone inhibits the proliferation of NK cells.", "Dexamethasone", "NK cells",
               "inhibits", direction="decrease", cell_norm="natural killer cell", cell_ids=("CL:0000623",))
NK_SAME_DRUG_DOWN = Said("Lenalidomide reduced the proliferation of NK cells.", "Lenalidomide", "NK cells",
                         "reduced", direction="decrease", cell_norm="natural killer cell",
                         cell_ids=("CL:0000623",))
NK_HEDGED = Said("Lenalidomide may increase the proliferation of NK cells.", "Lenalidomide", "NK cells",
                 "increase", assertion="hedged", cell_norm="natural killer cell", cell_ids=("CL:0000623",))
NK_UNCLEAR = Said("Lenalidomide modulates the proliferation of NK cells.", "Lenalidomide", "NK cells",
                  "modulates", direction="unclear", cell_norm="natural killer cell", cell_ids=("CL:0000623",))


def rows_by_key(rows):
    return {(r["drug_norm"], r["cell_norm"], r["effect_category"], r["direction"]): r for r in rows}


def test_claims_are_counted_across_documents():
    tables = tables_of(make_document("a", [NK, TREG], pmid="111"),
                       make_document("b", [NK_HEDGED], pmid="222"), make_document("c", [NK_DOWN]))
    rows, membership = summarize(tables.claims, {})
    row = rows_by_key(rows)[("lenalidomide", "natural killer cell", "proliferation", "increase")]
    counts = (row["n_claims"], row["n_docs"], row["doc_ids"], row["pmids"])
    assert counts == (2, 2, ["a", "b"], ["111", "222"])
    assert row["share_hedged"] == "0.50" and row["cell_ids"] == ["CL:0000623"]
    assert row["example_sentence"] == NK.sentence  # asserted before hedged
    assert rows[0] is row  # most documents first
    assert membership[cid(NK, "a")] == membership[cid(NK_HEDGED, "b")] == 0
    assert len(rows) == 3 and not any(r["direction_conflict"] for r in rows)  # other drug: no conflict


def test_rejected_claims_are_left_out_and_edits_count_as_corrected():
    tables = tables_of(make_document("a", [NK, TREG]), make_document("b", [NK_HEDGED]))
    decisions = {cid(NK, "a"): {"decision": "reject"},
                 cid(NK_HEDGED, "b"): {"decision": "edit", "corrected_direction": "No change",
                                       "corrected_assertion": "asserted"},
                 cid(TREG, "a"): {"decision": "accept"}}
    rows, membership = summarize(tables.claims, decisions)
    keys = rows_by_key(rows)
    assert ("lenalidomide", "natural killer cell", "proliferation", "increase") not in keys
    edited = keys[("lenalidomide", "natural killer cell", "proliferation", "no_change")]
    assert edited["n_claims"] == 1 and edited["share_hedged"] == "0.00" and edited["n_accepted"] == 1
    assert cid(NK, "a") not in membership


def test_an_edit_can_move_a_claim_to_another_drug_cell_or_effect():
    tables = tables_of(make_document("a", [NK]))
    decisions = {cid(NK, "a"): {"decision": "edit", "corrected_drug": "Pomalidomide",
                                "corrected_cell": "CD56bright NK cell",
                                "corrected_effect": "IFN-γ production"}}
    rows, _ = summarize(tables.claims, decisions)
    assert [(r["drug_norm"], r["cell_norm"], r["cell_ids"], r["effect_category"]) for r in rows] == [
        ("pomalidomide", "CD56bright NK cell", [], "cytokine production")]


def test_corrections_without_an_edit_decision_are_not_applied():
    tables = tables_of(make_document("a", [NK]))
    rows, _ = summarize(tables.claims, {cid(NK, "a"): {"corrected_direction": "decrease"}})
    assert rows[0]["direction"] == "increase"


def test_documents_that_disagree_on_direction_are_flagged():
    tables = tables_of(make_document("a", [NK]), make_document("b", [NK_SAME_DRUG_DOWN]),
                       make_document("c", [NK_UNCLEAR]))
    rows, _ = summarize(tables.claims, {})
    keys = rows_by_key(rows)
    up = keys[("lenalidomide", "natural killer cell", "proliferation", "increase")]
    down = keys[("lenalidomide", "natural killer cell", "proliferation", "decrease")]
    unclear = keys[("lenalidomide", "natural killer cell", "proliferation", "unclear")]
    assert up["direction_conflict"] and down["direction_conflict"] and unclear["direction_conflict"]
    assert up["conflicting_directions"] == "decrease: b"
    assert unclear["conflicting_directions"] == "decrease: b; increase: a"


def test_one_document_contradicting_itself_or_an_unclear_claim_is_no_disagreement():
    within = tables_of(make_document("a", [NK, NK_SAME_DRUG_DOWN]))
    assert not any(r["direction_conflict"] for r in summarize(within.claims, {})[0])
    unclear = tables_of(make_document("a", [NK]), make_document("b", [NK_UNCLEAR]))
    assert not any(r["direction_conflict"] for r in summarize(unclear.claims, {})[0])


def test_the_same_paper_under_two_names_counts_as_two_documents():
    tables = tables_of(make_document("paper", [NK]), make_document("paper copy", [NK]))
    rows, _ = summarize(tables.claims, {})
    assert rows[0]["n_docs"] == 2 and rows[0]["n_claims"] == 2


def test_inputs_sharing_a_name_are_still_two_documents():
    tables = tables_of(make_document("paper", [NK]), make_document("paper", [NK]))
    rows, _ = summarize(tables.claims, {})
    assert rows[0]["n_docs"] == 2 and rows[0]["doc_ids"] == ["paper", "paper-2"]
