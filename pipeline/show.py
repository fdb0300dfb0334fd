"""``pipeline show``: a document's claims in the terminal, and why each was made.

Each claim prints its sentence with the drug, the cell and the trigger highlighted; with
``explain`` it also prints the rule that fired and the dependency path that links drug and
cell, so a curator can see why a claim is there (or a developer why it should not be).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from rich.markup import escape
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims.syntax import dependency_path
from pipeline.nlp import annotate_sections
from pipeline.schema import Claim, Document

STYLES = {"drug": "bold magenta", "cell": "bold cyan", "trigger": "bold yellow"}


@dataclass
class ShownClaim:
    claim: Claim
    markup: str
    path: str


def highlight(sentence: str, offset: int, spans: list[tuple[int, int, str]]) -> str:
    """Rich markup of ``sentence`` (which starts at ``offset``) with ``spans`` styled."""
    pieces, position = [], offset
    for start, end, style in sorted(s for s in spans if s[0] >= offset):
        if start < position:
            continue
        pieces.append(escape(sentence[position - offset:start - offset]))
        pieces.append(f"[{style}]{escape(sentence[start - offset:end - offset])}[/]")
        position = end
    pieces.append(escape(sentence[position - offset:]))
    return "".join(pieces)


def path_text(doc: Doc, claim: Claim) -> str:
    """'lenalidomide -nmod-> pre-incubation -nmod-> enhanced <-nmod- cells' for a claim."""
    cell = doc.char_span(claim.cell_start, claim.cell_end, alignment_mode="expand")
    if cell is None:
        return "(cell not aligned to tokens)"
    if claim.drug_start is None:
        return f"implicit drug ({claim.drug}); rule {claim.rule}"
    drug = doc.char_span(claim.drug_start, claim.drug_end, alignment_mode="expand")
    if drug is None:
        return "(drug not aligned to tokens)"
    path = dependency_path(drug.root, cell.root)
    if path is None:
        return "(no path)"
    up = [drug.root, *path.up_from_a]
    down = list(reversed([cell.root, *path.up_from_b]))
    parts = [escape(up[0].text)]
    for child, head in pairwise(up):
        parts.append(f"-{child.dep_}-> {escape(head.text)}")
    for _head, child in pairwise(down):
        parts.append(f"<-{child.dep_}- {escape(child.text)}")
    return " ".join(parts)


def shown_claims(nlp: Language, document: Document) -> Iterator[ShownClaim]:
    for _section, doc in annotate_sections(nlp, document):
        for claim in doc._.claims:
            spans = [(claim.cell_start, claim.cell_end, STYLES["cell"])]
            if claim.drug_start is not None:
                spans.append((claim.drug_start, claim.drug_end, STYLES["drug"]))
            trigger = _trigger_span(doc, claim)
            if trigger is not None:
                spans.append((*trigger, STYLES["trigger"]))
            markup = highlight(doc.text[claim.sentence_start:claim.sentence_end],
                               claim.sentence_start, spans)
            yield ShownClaim(claim, markup, path_text(doc, claim))


def _trigger_span(doc: Doc, claim: Claim) -> tuple[int, int] | None:
    for token in doc.char_span(claim.sentence_start, claim.sentence_end,
                               alignment_mode="expand") or []:
        if token.text == claim.trigger:
            span = (token.idx, token.idx + len(token.text))
            overlaps = claim.cell_start < span[1] and span[0] < claim.cell_end
            if not overlaps:
                return span
    return None
