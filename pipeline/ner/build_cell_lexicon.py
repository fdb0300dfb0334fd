"""Build the cell lexicon (``models/lexicons/cell_lexicon.tsv``) from the Cell Ontology.

Run::

    python -m pipeline.ner.build_cell_lexicon --obo ../shared/lexicons/CL.obo \
        --out models/lexicons/cell_lexicon.tsv

Each row is a surface term (label, EXACT or NARROW synonym of a CL cell type), the CL id and
label, how the term relates to the class (``label``/``synonym``/``narrow``: the term names
something narrower, so the class is its ancestor), the class's is_a parents, so that
grounding can walk up to the closest ancestor, and the cue words an acronym needs. Spelling
variants (plurals, hyphens) are not listed: the matcher normalizes them when it looks a
term up.

Acronyms (ECL, ORS, RGC) are cell names only in documents about those cells: an acronym
synonym needs the document to contain the longer words of its class label
("enterochromaffin" for ECL, "ganglion" and "retinal" for RGC), which a paper that uses
it writes at least once when it defines it. Short acronyms that mean something else in
most biomedical prose (CMP is cytidine monophosphate, MEP motor evoked potential) are left
out altogether.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

from pipeline.grounding.obo import read_obo

# Short all-capital EXACT synonyms that mean something else in biomedical prose
# ("CMP" is cytidine monophosphate, "MEP" motor evoked potential, ...). Kept out.
AMBIGUOUS_ABBREVIATIONS = {"CMP", "MEP", "ELP", "CLP", "NSC", "OLS", "POLY", "GMP", "LSK", "ETP",
                           "DN", "DP", "SP", "EC", "PC", "RBC", "MK", "OPC", "ESC", "IPC"}
_ACRONYM = re.compile(r"^[A-Za-z0-9+-]{1,5}s?$")


SCOPES = {"EXACT": "synonym", "NARROW": "narrow"}
_LABEL_WORD = re.compile(r"[A-Za-z]{6,}")
_ACRONYM_TERM = re.compile(r"^[A-Z0-9][A-Z0-9+-]{0,5}s?$")


def acronym_cue(text: str, label: str) -> str:
    """The cue an acronym synonym needs: every longer word of its class label, joined by "+"
    ("HSC" of "hematopoietic stem cell" → hematopoietic, a paper that writes HSC spells
    it out once), '' for terms that are not acronyms."""
    if not _ACRONYM_TERM.match(text) or not any(c.isalpha() for c in text):
        return ""
    words = sorted({w.lower() for w in _LABEL_WORD.findall(label)})
    return "+".join(words)


def lexicon_rows(obo_path: Path) -> list[dict[str, str]]:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for term in read_obo(obo_path):
        if term.obsolete or not term.id.startswith("CL:") or not term.name:
            continue
        parents = "|".join(p for p in term.parents if p.startswith("CL:"))
        candidates = [(term.name, "label")] + [
            (text, SCOPES[scope]) for text, scope in term.synonyms if scope in SCOPES
        ]
        for text, match in candidates:
            text = text.strip()
            if not text or (_ACRONYM.match(text) and text.upper().rstrip("S") in AMBIGUOUS_ABBREVIATIONS):
                continue
            key = (text.lower(), term.id)
            if key not in rows or match == "label":
                needs = acronym_cue(text, term.name) if match != "label" else ""
                rows[key] = {"term": text, "cl_id": term.id, "cl_label": term.name,
                             "match": match, "parents": parents, "needs": needs}
    return sorted(rows.values(), key=lambda r: (r["term"].lower(), r["cl_id"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--obo", type=Path, required=True, help="path to CL.obo")
    parser.add_argument("--out", type=Path, default=Path("models/lexicons/cell_lexicon.tsv"))
    args = parser.parse_args(argv)
    rows = lexicon_rows(args.obo)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        digest = hashlib.sha256(args.obo.read_bytes()).hexdigest()[:16]
        handle.write(f"# source: {args.obo.name} sha256:{digest} (Cell Ontology, CC BY 4.0)\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(args.out)
    print(f"wrote {len(rows)} terms to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
