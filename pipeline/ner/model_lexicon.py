"""Dictionary matches inside a corpus NER model (``models/ner-bc5cdr``, ``ner-bionlp13cg``).

A CNN tagger trained on a few thousand abstracts misses rare drug names and short forms
("DMSO", "ziprasidone", "diatrizoate") that the drug dictionary knows, and sometimes gives a
known drug the wrong label ("iohexol" as a DISEASE). This component runs after the model's
``ner`` and fixes both with one rule:

* a model span that is exactly a dictionary match takes the dictionary's label;
* a dictionary match that overlaps no model span is added — except drug *classes*
  ("chemotherapy", "opioid", "analgesic"), which the corpora do not annotate as chemicals.

Matching is the project's own lexicon matcher (:class:`~pipeline.ner.recognizer.Recognizer`,
with the document's abbreviations), filtered like the pipeline's lexicon NER
(:func:`~pipeline.ner.component.names_something_else`). Model span boundaries are never moved:
on devel that lowered F on every corpus. Measured gains and the corpora it is not used for are
in the model cards. The drug-cell pipeline excludes this component when it loads a model (it
runs the same dictionaries itself, and says which source found each entity).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.ner.component import names_something_else, with_number_variants
from pipeline.ner.recognizer import Mention, Recognizer

Entity = tuple[int, int, str]  # token start, token end, label


class LexiconEntities:
    """Adds and relabels a NER model's entities with dictionary matches (module docstring)."""

    def __init__(self, nlp: Language, name: str, mapping: Mapping[str, str]) -> None:
        self.name = name
        self.mapping = dict(mapping)
        self._nlp = nlp
        self._recognizer: Recognizer | None = None  # the dictionaries load on first use
        self._abbreviations = None

    def __call__(self, doc: Doc) -> Doc:
        matches = self.dictionary_entities(doc)
        entities = combine_entities([(e.start, e.end, e.label_) for e in doc.ents], matches)
        doc.set_ents([Span(doc, start, end, label=label) for start, end, label in entities],
                     default="outside")
        return doc

    def dictionary_entities(self, doc: Doc) -> list[tuple[int, int, str, bool]]:
        """Dictionary matches on whole tokens, as (start, end, model label, is a class)."""
        found = []
        for mention in self._mentions(doc):
            label = self.mapping.get(mention.label)
            span = doc.char_span(mention.start, mention.end, alignment_mode="strict")
            if label is None or span is None or names_something_else(doc, mention):
                continue
            found.append((span.start, span.end, label, mention.kind == "class"))
        return found

    def _mentions(self, doc: Doc) -> list[Mention]:
        if self._recognizer is None:
            from scispacy.abbreviation import AbbreviationDetector

            self._recognizer = Recognizer()
            self._abbreviations = AbbreviationDetector(self._nlp)
        return self._recognizer(doc, document_abbreviations(self._abbreviations, doc))


def document_abbreviations(detector, doc: Doc) -> dict[str, str]:
    """Short form → long form, found by scispaCy's detector on a copy of ``doc``'s text."""
    copy = detector(Doc(doc.vocab, words=[t.text for t in doc],
                        spaces=[bool(t.whitespace_) for t in doc]))
    found: dict[str, str] = {}
    for short in copy._.abbreviations:
        if short._.long_form is not None:
            found.setdefault(short.text, short._.long_form.text)
    return with_number_variants(found)


def combine_entities(model: list[Entity],
                     dictionary: list[tuple[int, int, str, bool]]) -> list[Entity]:
    """The model's entities, relabelled where a dictionary match has exactly their span, plus
    the dictionary matches (not classes) that overlap none of them."""
    exact = {(start, end): label for start, end, label, _ in dictionary}
    entities = [(start, end, exact.get((start, end), label)) for start, end, label in model]
    for start, end, label, is_class in sorted(dictionary):
        if is_class or any(start < e_end and e_start < end for e_start, e_end, _ in entities):
            continue
        entities.append((start, end, label))
    return sorted(entities)


@Language.factory("lexicon_entities", default_config={"mapping": {}})
def make_lexicon_entities(nlp: Language, name: str, mapping: dict[str, str]) -> LexiconEntities:
    return LexiconEntities(nlp, name, mapping)
