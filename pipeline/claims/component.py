"""The ``drug_cell_claims`` spaCy component: drug → cell → effect claims per sentence.

Needs a parser (for sentences and dependencies) and ``drug_cell_ner`` before it::

    nlp.add_pipe("drug_cell_ner")
    nlp.add_pipe("drug_cell_claims")
    doc = nlp("Lenalidomide restores T-cell signaling.")
    doc._.claims  # [Claim(drug='Lenalidomide', cell='T-cell', direction='increase', ...)]

Set ``doc._.document_context`` (a :class:`~pipeline.context.DocumentContext`) to give the
section kind, title drugs and document ids; without it the Doc is its own document.
"""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import extensions  # noqa: F401 - declares the Doc/Span extensions
from pipeline.claims.lexicon import TRIGGERS_PATH, load_triggers
from pipeline.claims.modality import (
    follows_but_not,
    is_aim_statement,
    is_comparison,
    is_hedged,
    is_negated,
    phrase_follows_but_not,
)
from pipeline.claims.rules import ClaimFinder, PairClaim
from pipeline.context import DocumentContext, DrugRef
from pipeline.ner.recognizer import DRUG
from pipeline.schema import Claim


def claim_id(doc_id: str, section_id: str, sentence_start: int, sentence_end: int,
             drug_norm: str, cell_start: int, cell_end: int) -> str:
    """A stable id: the same claim in the same text gets the same id on any machine."""
    key = "\x1f".join(map(str, (doc_id, section_id, sentence_start, sentence_end,
                                drug_norm.lower(), cell_start, cell_end)))
    # A letter first: spreadsheets read ids such as "1234e56" or "0123456789" as numbers.
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


class ClaimExtractor:
    def __init__(self, nlp: Language, name: str, triggers_path: str = "") -> None:
        self.name = name
        self.lexicon = load_triggers(triggers_path or TRIGGERS_PATH)
        self.finder = ClaimFinder(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.document_context or DocumentContext()
        mentions = doc._.mentions
        antecedents = list(context.title_drugs)
        drug_tokens = {i for m in mentions if m.label == DRUG
                       for i in range(m.first_token, m.last_token + 1)}
        claims = []
        for sentence in doc.sents:
            for found in self.finder.find(doc, sentence, mentions, context, antecedents):
                claims.append(self._to_claim(doc, found, context, drug_tokens))
            # An implicit claim is inferred, so its drug must be known: a dictionary drug
            # (a model's ungrounded "chemical" such as "DR4" is no antecedent).
            antecedents += [DrugRef(m.text(doc), m.norm, m.ids) for m in mentions
                            if m.label == DRUG and m.kind != "class" and m.ids
                            and sentence.start_char <= m.start < sentence.end_char]
        doc._.claims = claims
        return doc

    def _to_claim(self, doc: Doc, found: PairClaim, context: DocumentContext,
                  drug_tokens: set[int]) -> Claim:
        sentence, cell, evidence, anchor = found.sentence, found.cell, found.evidence, found.anchor
        direction = evidence.direction
        raw = sentence.text
        sentence_start = sentence.start_char + len(raw) - len(raw.lstrip())
        sentence_end = sentence.end_char - (len(raw) - len(raw.rstrip()))
        hedged = is_hedged(sentence, self.lexicon)
        if is_aim_statement(evidence.trigger):
            direction, hedged = "unclear", True
        elif is_comparison(evidence.trigger, self.lexicon):
            direction = "unclear"  # "more sensitive than CTL": relative, not a change
        elif is_negated(evidence.trigger, self.lexicon,
                        doc[anchor.mention.root(doc)] if anchor.mention else None):
            direction = "no_change"
        mention = anchor.mention
        cell_tokens = range(cell.first_token, cell.last_token + 1)
        if (mention is not None and (
                follows_but_not(doc, mention.first_token, drug_tokens) or
                phrase_follows_but_not(doc[mention.root(doc)], drug_tokens))) or \
                follows_but_not(doc, cell.first_token, cell_tokens):
            direction = "no_change"  # "X, but not Y, inhibits E": Y has no effect
        drug_start = mention.start if mention else None
        drug_end = mention.end if mention else None
        return Claim(
            claim_id=claim_id(context.doc_id, context.section_id, sentence_start,
                              sentence_end, anchor.ref.norm, cell.start, cell.end),
            doc_id=context.doc_id,
            pmid=context.pmid,
            section_id=context.section_id,
            section=context.section,
            sentence=raw.strip(),
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            drug=anchor.ref.text,
            drug_norm=anchor.ref.norm,
            drug_ids=list(anchor.ref.ids),
            drug_start=drug_start,
            drug_end=drug_end,
            cell=cell.text(doc),
            cell_norm=cell.norm,
            cell_ids=list(cell.ids),
            cell_start=cell.start,
            cell_end=cell.end,
            effect=evidence.effect,
            direction=direction,
            assertion="hedged" if hedged else "asserted",
            implicit=anchor.implicit,
            trigger=evidence.trigger.text,
            cell_disease=cell.qualifiers.get("disease", ""),
            trigger_start=evidence.trigger.idx,
            trigger_end=evidence.trigger.idx + len(evidence.trigger.text),
            rule=evidence.rule + ("+implicit" if anchor.implicit else ""),
            confidence=found.confidence,
        )


@Language.factory(
    "drug_cell_claims",
    default_config={"triggers_path": ""},
    assigns=["doc._.claims"],
    requires=["doc._.mentions"],
)
def make_claim_extractor(nlp: Language, name: str, triggers_path: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name, triggers_path)
