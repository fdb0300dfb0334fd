"""Dictionary matches and short forms inside a corpus NER model (``models/ner-*``).

A CNN tagger trained on a few thousand abstracts misses rare drug names and short forms
("DMSO", "ziprasidone", "diatrizoate") that the drug dictionary knows, sometimes gives a known
drug the wrong label ("iohexol" as a DISEASE), and tags a long form without the short form the
text defines for it ("Parkinson's disease (PD)" ... "PD"). This component runs after the
model's ``ner`` and fixes these with three rules:

* a model span that is exactly a dictionary match takes the dictionary's label;
* a dictionary match that overlaps no model span is added, except drug *classes*
  ("chemotherapy", "opioid", "analgesic"), which the corpora do not annotate as chemicals;
* a short form the document defines (scispaCy's abbreviation detector) takes the label of
  the entity that is its long form, everywhere: an occurrence the model labelled otherwise is
  relabelled, one it missed is added where it overlaps nothing.

Matching is the project's own lexicon matcher (:class:`~pipeline.ner.recognizer.Recognizer`,
with the document's abbreviations), filtered like the pipeline's lexicon NER
(:func:`~pipeline.ner.component.names_something_else`); ``mapping`` says which lexicon label
becomes which model label, and an empty mapping keeps the short-form rule alone. Model span
boundaries are never moved: on devel that lowered F on every corpus. The measured gains are in
the model cards. The drug-cell pipeline excludes this component when it loads a model (it runs
the same dictionaries and abbreviations itself, and says which source found each entity).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.ner.component import names_something_else, with_number_variants
from pipeline.ner.recognizer import Recognizer

Entity = tuple[int, int, str]  # token start, token end, label


@dataclass(frozen=True)
class Definition:
    """One occurrence of a short form, with the long form it was defined by (token offsets)."""

    start: int
    end: int
    long_start: int
    long_end: int
    text: str


@dataclass(frozen=True)
class Match:
    """A dictionary match on whole tokens, with the model label it maps to."""

    start: int
    end: int
    label: str
    is_class: bool


class LexiconEntities:
    """Adds and relabels a NER model's entities (module docstring)."""

    def __init__(self, nlp: Language, name: str, mapping: Mapping[str, str]) -> None:
        self.name = name
        self.mapping = dict(mapping)
        self._nlp = nlp
        self._recognizer: Recognizer | None = None  # the dictionaries load on first use
        self._detector = None

    def __call__(self, doc: Doc) -> Doc:
        definitions = self.definitions(doc)
        entities = [(e.start, e.end, e.label_) for e in doc.ents]
        if self.mapping:
            entities = combine_entities(entities, self.dictionary_matches(doc, definitions))
        entities = with_short_forms(entities, definitions)
        doc.set_ents([Span(doc, start, end, label=label) for start, end, label in entities],
                     default="outside")
        return doc

    def definitions(self, doc: Doc) -> list[Definition]:
        """The short forms scispaCy's detector finds, read on a copy of ``doc``'s tokens (the
        detector sets extension attributes this component should not leave behind)."""
        if self._detector is None:
            from scispacy.abbreviation import AbbreviationDetector

            self._detector = AbbreviationDetector(self._nlp)
        copy = self._detector(Doc(doc.vocab, words=[t.text for t in doc],
                                  spaces=[bool(t.whitespace_) for t in doc]))
        return [Definition(short.start, short.end, short._.long_form.start,
                           short._.long_form.end, short.text)
                for short in copy._.abbreviations if short._.long_form is not None]

    def dictionary_matches(self, doc: Doc, definitions: list[Definition]) -> list[Match]:
        """Dictionary matches of the mapped labels that fall on whole tokens."""
        if self._recognizer is None:
            self._recognizer = Recognizer()
        long_forms: dict[str, str] = {}
        for definition in definitions:
            long_forms.setdefault(definition.text,
                                  doc[definition.long_start:definition.long_end].text)
        found = []
        for mention in self._recognizer(doc, with_number_variants(long_forms)):
            label = self.mapping.get(mention.label)
            span = doc.char_span(mention.start, mention.end, alignment_mode="strict")
            if label is None or span is None or names_something_else(doc, mention):
                continue
            found.append(Match(span.start, span.end, label, mention.kind == "class"))
        return found


def combine_entities(model: list[Entity], dictionary: list[Match]) -> list[Entity]:
    """The model's entities, relabelled where a dictionary match has exactly their span, plus
    the dictionary matches (not classes) that overlap none of them."""
    exact = {(m.start, m.end): m.label for m in dictionary}
    entities = [(start, end, exact.get((start, end), label)) for start, end, label in model]
    for match in sorted(dictionary, key=lambda m: (m.start, m.end)):
        if not match.is_class and not _overlaps_any(match.start, match.end, entities):
            entities.append((match.start, match.end, match.label))
    return sorted(entities)


def with_short_forms(entities: list[Entity], definitions: list[Definition]) -> list[Entity]:
    """Every occurrence of a short form takes the label of its long form's entity: the entity
    that is the long form, or that ends it ("idiopathic [Parkinson's disease] (PD)")."""
    labels: dict[str, str] = {}
    for definition in definitions:
        for start, end, label in entities:
            if end == definition.long_end and definition.long_start <= start:
                labels.setdefault(definition.text, label)
                break
    entities = list(entities)
    for definition in definitions:
        label = labels.get(definition.text)
        if label is None:
            continue
        span = (definition.start, definition.end)
        entities = [(start, end, label if (start, end) == span else old)
                    for start, end, old in entities]
        if not _overlaps_any(definition.start, definition.end, entities):
            entities.append((definition.start, definition.end, label))
    return sorted(entities)


def _overlaps_any(start: int, end: int, entities: list[Entity]) -> bool:
    return any(start < e_end and e_start < end for e_start, e_end, _ in entities)


@Language.factory("lexicon_entities", default_config={"mapping": {}})
def make_lexicon_entities(nlp: Language, name: str, mapping: dict[str, str]) -> LexiconEntities:
    return LexiconEntities(nlp, name, mapping)
