"""claims_summary.csv: what the corpus says about each drug, cell and kind of effect.

One row per (drug, cell, effect category, direction), counting claims and documents, so
a curator sees at a glance that five papers report lenalidomide increasing NK-cell
killing, and which drug–cell–effect findings the documents disagree on. Reviewers'
decisions count: rejected claims are left out and edited claims count with their
corrected values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.outputs.effects import effect_category
from pipeline.outputs.review import normalize_decision, normalize_direction
from pipeline.schema import ASSERTIONS, DIRECTIONS

SUMMARY_COLUMNS = ["drug_norm", "cell_norm", "cell_ids", "effect_category", "direction",
                   "n_claims", "n_docs", "doc_ids", "pmids", "share_hedged", "n_accepted",
                   "direction_conflict", "conflicting_directions", "example_sentence",
                   "example_claim_id", "example_doc_id"]
# Directions that take a side; "unclear" says nothing a document could disagree with.
STANCES = ("increase", "decrease", "no_change")


@dataclass(frozen=True)
class ReviewedClaim:
    """A claim as the summary counts it: reviewers' corrections applied."""

    order: int
    claim_id: str
    doc_index: int
    doc_key: str
    pmid: str
    drug: str
    cell: str
    cell_ids: tuple[str, ...]
    category: str
    direction: str
    hedged: bool
    accepted: bool
    confidence: float
    sentence: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.drug, self.cell, self.category, self.direction


def cell_key(claim: Mapping[str, Any]) -> str:
    """The cell a claim is counted under: its normalized name, else its first id, else its text."""
    ids = claim.get("cell_ids") or []
    return str(claim.get("cell_norm") or (ids[0] if ids else "") or claim.get("cell") or "")


def reviewed_claim(order: int, claim: Mapping[str, Any],
                   review: Mapping[str, str] | None) -> ReviewedClaim | None:
    """The claim with an 'edit' decision's corrections applied; None when it is rejected."""
    review = review or {}
    decision = normalize_decision(review.get("decision", ""))
    if decision == "reject":
        return None
    drug, cell = str(claim.get("drug_norm") or ""), cell_key(claim)
    cell_ids = tuple(claim.get("cell_ids") or [])
    category, direction = claim.get("effect_category") or "", str(claim.get("direction") or "")
    hedged = claim.get("assertion") == "hedged"
    if decision == "edit":
        drug = review.get("corrected_drug", "").strip().lower() or drug
        if review.get("corrected_cell", "").strip():
            cell, cell_ids = review["corrected_cell"].strip(), ()
        if review.get("corrected_effect", "").strip():
            category = effect_category(review["corrected_effect"], str(claim.get("trigger") or ""))
        corrected = normalize_direction(review.get("corrected_direction", ""))
        direction = corrected if corrected in DIRECTIONS else direction
        assertion = review.get("corrected_assertion", "").strip().lower()
        hedged = assertion == "hedged" if assertion in ASSERTIONS else hedged
    return ReviewedClaim(order, str(claim["claim_id"]), int(claim.get("_doc", 0)),
                         str(claim.get("_doc_key") or claim.get("doc_id") or ""),
                         str(claim.get("pmid") or ""), drug, cell, cell_ids, category, direction,
                         hedged, decision in ("accept", "edit"),
                         float(claim.get("confidence") or 0.0), str(claim.get("sentence") or ""))


def _example(claims: list[ReviewedClaim]) -> ReviewedClaim:
    """Accepted before unreviewed, asserted before hedged, then the most confident, then first."""
    return min(claims, key=lambda c: (not c.accepted, c.hedged, -c.confidence, c.order))


def _stances_by_doc(claims: list[ReviewedClaim]) -> dict[str, set[str]]:
    """For one drug–cell–effect: which documents (keys) state each direction."""
    stances: dict[str, set[str]] = {}
    for claim in claims:
        if claim.direction in STANCES:
            stances.setdefault(claim.direction, set()).add(claim.doc_key)
    return stances


def _documents_disagree(stances: dict[str, set[str]]) -> bool:
    """True when two different documents state different directions. With two directions
    stated and two documents stating any, some pair of them always differs; one document
    contradicting itself is not a disagreement between documents."""
    return len(stances) >= 2 and len(set().union(*stances.values())) >= 2


def _others(direction: str, stances: dict[str, set[str]]) -> str:
    return "; ".join(f"{other}: {'|'.join(sorted(docs))}" for other, docs in
                     sorted(stances.items()) if other != direction)


def _row(claims: list[ReviewedClaim], stances: dict[str, set[str]], disagree: bool) -> dict[str, Any]:
    first, example = claims[0], _example(claims)
    doc_keys = sorted({c.doc_key for c in claims})
    cell_ids = sorted({i for c in claims for i in c.cell_ids})
    hedged = sum(c.hedged for c in claims)
    return {
        "drug_norm": first.drug, "cell_norm": first.cell, "cell_ids": cell_ids,
        "effect_category": first.category, "direction": first.direction,
        "n_claims": len(claims), "n_docs": len({c.doc_index for c in claims}),
        "doc_ids": doc_keys, "pmids": sorted({c.pmid for c in claims if c.pmid}),
        "share_hedged": f"{hedged / len(claims):.2f}",
        "n_accepted": sum(c.accepted for c in claims),
        "direction_conflict": disagree,
        "conflicting_directions": _others(first.direction, stances) if disagree else "",
        "example_sentence": example.sentence, "example_claim_id": example.claim_id,
        "example_doc_id": example.doc_key,
    }


def summarize(claims: Sequence[Mapping[str, Any]], decisions: Mapping[str, Mapping[str, str]]
              ) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Summary rows (most documents first) and, per counted claim id, its row's index."""
    counted = [c for k, claim in enumerate(claims)
               if (c := reviewed_claim(k, claim, decisions.get(str(claim["claim_id"])))) is not None]
    groups: dict[tuple[str, str, str, str], list[ReviewedClaim]] = {}
    findings: dict[tuple[str, str, str], list[ReviewedClaim]] = {}
    for claim in counted:
        groups.setdefault(claim.key, []).append(claim)
        findings.setdefault(claim.key[:3], []).append(claim)
    stances = {finding: _stances_by_doc(members) for finding, members in findings.items()}
    rows = [(_row(members, stances[key[:3]], _documents_disagree(stances[key[:3]])), members)
            for key, members in groups.items()]
    rows.sort(key=lambda item: (-item[0]["n_docs"], -item[0]["n_claims"], item[0]["drug_norm"],
                                item[0]["cell_norm"], item[0]["effect_category"],
                                item[0]["direction"]))
    membership = {claim.claim_id: index for index, (_, members) in enumerate(rows)
                  for claim in members}
    return [row for row, _ in rows], membership
