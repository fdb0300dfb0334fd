"""spaCy extension attributes, declared once for every component of this package.

- ``Doc._.document_context``: what the rest of the document tells this text (abbreviations
  defined elsewhere, the drugs of the title, the section kind). Set it before running the
  NER and claim components on one section of a larger document; optional otherwise.
- ``Doc._.mentions``: the entity mentions found by ``drug_cell_ner``.
- ``Doc._.claims`` and ``Span._.claims``: the claims found by ``drug_cell_claims``, for the
  whole Doc or for the sentences a Span covers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def _span_claims(span: Span) -> list:
    return [claim for claim in span.doc._.claims
            if span.start_char <= claim.sentence_start and claim.sentence_end <= span.end_char]


def register_extensions() -> None:
    if not Doc.has_extension("document_context"):
        Doc.set_extension("document_context", default=None)
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", default=[])
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=[])
    if not Span.has_extension("claims"):
        Span.set_extension("claims", getter=_span_claims)


register_extensions()
