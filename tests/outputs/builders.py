"""Documents and claims for output tests, built from plain sentences with exact offsets."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.outputs.tables import DocumentOutput, RunTables, build_tables


@dataclass(frozen=True)
class Said:
    """One claim in a sentence: the drug and cell are found in the sentence by their text."""

    sentence: str
    drug: str
    cell: str
    trigger: str
    effect: str = "proliferation"
    direction: str = "increase"
    assertion: str = "asserted"
    drug_norm: str = ""
    cell_norm: str = ""
    cell_ids: tuple[str, ...] = ()
    implicit: bool = False


def cid(said: Said, doc_id: str = "d") -> str:
    """The claim's id: like the real one, from what identifies the claim, not its position."""
    return f"{doc_id}:{said.drug}:{said.cell}".lower().replace(" ", "_")


def make_document(doc_id: str, said: list[Said], pmid: str = "", doi: str = "",
                  title: str = "", section_id: str = "abstract") -> DocumentOutput:
    text = " ".join(dict.fromkeys(s.sentence for s in said))
    claims, entities = [], []
    for item in said:
        start = text.index(item.sentence)
        cell_start = start + item.sentence.index(item.cell)
        drug_start = None if item.implicit else start + item.sentence.index(item.drug)
        claims.append({
            "claim_id": cid(item, doc_id), "doc_id": doc_id, "pmid": pmid,
            "section_id": section_id, "section": "abstract", "sentence": item.sentence,
            "sentence_start": start, "sentence_end": start + len(item.sentence),
            "drug": item.drug, "drug_norm": item.drug_norm or item.drug.lower(), "drug_ids": [],
            "drug_start": drug_start, "drug_end": None if drug_start is None else drug_start + len(item.drug),
            "cell": item.cell, "cell_norm": item.cell_norm or item.cell, "cell_ids": list(item.cell_ids),
            "cell_start": cell_start, "cell_end": cell_start + len(item.cell), "effect": item.effect,
            "direction": item.direction, "assertion": item.assertion, "implicit": item.implicit,
            "trigger": item.trigger, "rule": "path", "confidence": 0.8})
        for label, surface, position in (("DRUG", item.drug, drug_start), ("CELL", item.cell, cell_start)):
            if position is not None:
                entities.append({"doc_id": doc_id, "section_id": section_id, "section": "abstract",
                                 "start": position, "end": position + len(surface), "text": surface,
                                 "label": label, "norm": surface.lower(), "ids": [], "source": "test"})
    sections = [{"doc_id": doc_id, "section_id": section_id, "section": "abstract", "label": "",
                 "offset": 0, "text": text}]
    if title:
        sections.insert(0, {"doc_id": doc_id, "section_id": "title", "section": "title",
                            "label": "", "offset": None, "text": title})
    row = {"doc_id": doc_id, "source": f"in/{doc_id}.txt", "format": "text", "pmid": pmid, "doi": doi,
           "title": title, "status": "ok", "n_claims": len(claims)}
    return DocumentOutput(row, claims, entities, sections)


def tables_of(*documents: DocumentOutput) -> RunTables:
    return build_tables(list(documents))


def contexts_of(tables: RunTables) -> list[dict[str, str]]:
    from pipeline.outputs.review import context_row

    return [context_row(c, tables.documents[c["_doc"]].row) for c in tables.claims]


def first_merge(tables: RunTables):
    """The review rows of a first run (no previous review)."""
    from pipeline.outputs.review import merge_review

    return merge_review(contexts_of(tables), None, None)


NK = Said("Lenalidomide increases the proliferation of NK cells.", "Lenalidomide", "NK cells",
          "increases", cell_norm="natural killer cell", cell_ids=("CL:0000623",))
TREG = Said("Cyclophosphamide reduces the number of regulatory T cells.", "Cyclophosphamide",
            "regulatory T cells", "reduces", effect="number", direction="decrease",
            cell_norm="regulatory T cell", cell_ids=("CL:0000815",))
DC = Said("Bortezomib may impair the maturation of dendritic cells.", "Bortezomib", "dendritic cells",
          "impair", effect="maturation", direction="decrease", assertion="hedged",
          cell_norm="dendritic cell", cell_ids=("CL:0000451",))
