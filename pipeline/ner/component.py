"""The ``drug_cell_ner`` spaCy component: lexicon NER for drugs, cells, diseases, genes.

Add it to any spaCy pipeline whose tokenizer is scispaCy's (after a parser, so that mention
heads are known; after ``abbreviation_detector`` to use the document's abbreviations)::

    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("drug_cell_ner")

It fills ``doc._.mentions`` and the span group ``doc.spans["drug_cell_entities"]``. After a
``neural_ner`` component, the models' spans are merged in (:mod:`pipeline.ner.merge`). With a
``doc._.document_context``, the words of the sections read before count as cues for
ambiguous terms ("rods" in a figure legend of a paper whose abstract is about the retina).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import extensions  # noqa: F401 - declares the Doc/Span extensions
from pipeline.grounding.context import CellContext, abbreviation_variants, words_of
from pipeline.ner.lexicons import is_endogenous
from pipeline.ner.merge import merge_model_mentions
from pipeline.ner.neural import SPAN_PREFIX as NEURAL_PREFIX
from pipeline.ner.recognizer import CELL, DRUG, GENE, Mention, Recognizer
from pipeline.ner.terms import term_key

SPAN_KEY = "drug_cell_entities"


def document_abbreviations(doc: Doc) -> dict[str, str]:
    """Short form → long form, from the document context and scispaCy's detector."""
    found: dict[str, str] = {}
    context = doc._.document_context
    if context is not None:
        found.update(context.abbreviations)
    if Doc.has_extension("abbreviations"):
        for short in doc._.abbreviations:
            long_form = short._.long_form
            if long_form is not None:
                found.setdefault(short.text, long_form.text)
    return with_number_variants(found)


def with_number_variants(abbreviations: dict[str, str]) -> dict[str, str]:
    """'glucocorticoids (GCs)' also defines 'GC' ("GC treatment", "GC-induced"), and
    'dendritic cell (DC)' also defines 'DCs'."""
    variants = dict(abbreviations)
    for short, long_form in abbreviations.items():
        if len(short) > 2 and short.endswith("s") and short[:-1].isupper():
            variants.setdefault(short[:-1], long_form[:-1] if long_form.endswith("s") else long_form)
        elif short.isupper() and len(short) >= 2:
            variants.setdefault(short + "s", long_form if long_form.endswith("s") else long_form + "s")
    return variants


class EntityRecognizer:
    def __init__(self, nlp: Language, name: str, use_abbreviations: bool = True) -> None:
        self.name = name
        self.use_abbreviations = use_abbreviations
        self.recognizer = Recognizer()

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = document_abbreviations(doc) if self.use_abbreviations else {}
        document = doc._.document_context
        words = words_of(doc.text)
        cues = words | document.words if document is not None else words
        mentions = self.recognizer(doc, abbreviations, cues)
        if any(key.startswith(NEURAL_PREFIX) for key in doc.spans):
            context = CellContext(abbreviation_variants(abbreviations), frozenset(cues))
            substances = document.substances if document is not None else None
            mentions = merge_model_mentions(mentions, doc, self.recognizer.grounder, context,
                                            substances)
        mentions = [m for m in mentions
                    if not is_class_adjective(doc, m) and not names_a_cell_process(doc, m)
                    and not names_a_receptor_or_marker(doc, m)]
        mentions = [m for m in mentions if not describes_the_next_drug(doc, m, mentions)]
        for mention in mentions:
            if mention.label == GENE and is_given_cytokine(doc, mention):
                mention.label, mention.kind = DRUG, "cytokine"
        if document is not None:
            document.words.update(words)
        doc._.mentions = mentions
        doc.spans[SPAN_KEY] = [
            Span(doc, m.first_token, m.last_token + 1, label=m.label) for m in mentions
        ]
        return doc


def is_class_adjective(doc: Doc, mention: Mention) -> bool:
    """A drug class written as an adjective ("antidepressant activity", "antineoplastic
    effects") describes something else; it names no agent."""
    if mention.label != DRUG or mention.kind != "class" or mention.first_token != mention.last_token:
        return False
    token = doc[mention.first_token]
    if (token.idx, token.idx + len(token.text)) != (mention.start, mention.end):
        return False  # "GC-induced": the drug is part of the adjective
    return token.tag_ == "JJ" or (token.dep_ == "amod" and not token.tag_.startswith("NN"))


def names_a_receptor_or_marker(doc: Doc, mention: Mention) -> bool:
    """'glucocorticoid receptor-mediated transcription', 'adenosine receptors': a drug name
    before "receptor" names the receptor, a protein; 'Helios positive Treg': a name before
    "positive" or "negative" names a marker the cells express."""
    if mention.label != DRUG:
        return False
    last = doc[mention.last_token]
    if mention.end < last.idx + len(last.text):
        rest = last.text[mention.end - last.idx:].lstrip("- ")  # "glucocorticoid-receptor"
    else:
        rest = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    return rest.lower().startswith(("receptor", "positive", "negative"))


# Words around an endogenous molecule that say it was given: "IL-1Ra treatment", "the
# addition of IL-6", "treated with IFN-gamma".
GIVEN_AFTER = frozenset({"treatment", "treatments", "therapy", "administration", "infusion",
                         "injection", "injections", "supplementation", "pretreatment"})
GIVEN_BEFORE = (("addition", "of"), ("administration", "of"), ("treatment", "with"),
                ("treated", "with"), ("pretreated", "with"), ("pretreatment", "with"),
                ("injection", "of"), ("infusion", "of"))


def is_given_cytokine(doc: Doc, mention: Mention) -> bool:
    """A cytokine or other endogenous molecule named as something given ("IL-1Ra treatment",
    "the addition of IL-6", "treated with IFN-gamma") is a drug in that sentence: the guidelines
    count cytokines used as agents. Elsewhere it stays a measured molecule (a gene)."""
    if not is_endogenous(term_key(mention.text(doc))):
        return False
    after = doc[mention.last_token + 1] if mention.last_token + 1 < len(doc) else None
    if after is not None and after.lower_ in GIVEN_AFTER:
        return True
    first = mention.first_token
    before = tuple(t.lower_ for t in doc[max(0, first - 2):first])
    return before in GIVEN_BEFORE


# Nouns that name what a drug is rather than which drug ("the alkylating drugs temozolomide").
GENERIC_DRUG_NOUNS = frozenset({"drug", "drugs", "agent", "agents", "compound", "compounds",
                                "inhibitor", "inhibitors", "antagonist", "antagonists"})


def describes_the_next_drug(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'the tricyclic antidepressant desipramine', 'the alkylating drugs temozolomide and
    nimustine': a drug class (or a phrase ending in "drugs", "agents", ...) right before a
    drug's name says what that drug is; the drug is the agent."""
    if mention.label != DRUG or not (mention.kind == "class" or
                                     doc[mention.last_token].lower_ in GENERIC_DRUG_NOUNS):
        return False
    after = mention.last_token + 1
    return any(m.label == DRUG and m.first_token == after and m.kind != "class" for m in mentions)


CELL_PROCESS_HEADS = frozenset({"death", "cycle", "cycles"})
_LOWERCASE_LETTER_CELL = re.compile(r"^[a-z][-\s]cells?$")


def names_a_cell_process(doc: Doc, mention: Mention) -> bool:
    """'apoptotic cell death', 'S/G2-M cell cycle arrest': the cell words name a process, not
    a population; and '72-h cell cultures' has no "h cell" (one-letter cell names are
    capitals: T, B, M)."""
    if mention.label != CELL:
        return False
    if _LOWERCASE_LETTER_CELL.match(mention.text(doc)):
        return True
    last = doc[mention.last_token]
    return last.lower_ in {"cell", "cells"} and last.i + 1 < len(doc) and \
        doc[last.i + 1].lower_ in CELL_PROCESS_HEADS


@Language.factory(
    "drug_cell_ner",
    default_config={"use_abbreviations": True},
    assigns=["doc._.mentions"],
)
def make_entity_recognizer(nlp: Language, name: str, use_abbreviations: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, use_abbreviations)
