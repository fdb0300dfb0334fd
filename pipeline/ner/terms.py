"""Term lookup that tolerates the spelling variation of biomedical prose.

Biomedical names vary in hyphens ("T-cell", "T cell"), plurals ("NK cells"), dashes
("NK cell–activating") and case. Rather than listing every variant, terms and candidate
spans are both reduced to a key by :func:`term_key`, and the index is a dict of keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")
_SPACE = re.compile(r"\s+")
_POSITIVE = re.compile(r"\(\s*([+-])\s*\)")


def term_key(text: str) -> str:
    """Lower-case, hyphens and dashes as spaces, ``(+)`` as ``+``, single spaces."""
    text = _POSITIVE.sub(r"\1", text.lower())
    text = _DASHES.sub(" ", text)
    text = text.replace("’", "'")
    return _SPACE.sub(" ", text).strip()


def singular_keys(key: str) -> list[str]:
    """Singular forms to try for a key whose last word may be plural ("cells", "MDSCs")."""
    if len(key) < 3 or not key.endswith("s") or key.endswith("ss"):
        return []
    forms = [key[:-1]]
    if key.endswith("ies"):
        forms.append(key[:-3] + "y")
    return forms


@dataclass(frozen=True)
class Concept:
    """What a term means: its entity label, normalized name and ontology ids."""

    label: str
    norm: str
    ids: tuple[str, ...] = ()
    source: str = ""
    match: str = "exact"
    kind: str = ""


@dataclass
class TermIndex:
    """A dict from :func:`term_key` keys to concepts, with the longest term's word count."""

    entries: dict[str, Concept] = field(default_factory=dict)
    max_words: int = 1

    def add(self, term: str, concept: Concept, overwrite: bool = False) -> None:
        key = term_key(term)
        if not key:
            return
        if overwrite or key not in self.entries:
            self.entries[key] = concept
        self.max_words = max(self.max_words, len(key.split()))

    def lookup(self, key: str, plural_labels: frozenset[str] = frozenset()) -> Concept | None:
        """The concept for ``key``, trying singular forms for labels that take plurals."""
        concept = self.entries.get(key)
        if concept is not None:
            return concept
        for singular in singular_keys(key):
            concept = self.entries.get(singular)
            if concept is not None and concept.label in plural_labels:
                return concept
        return None

    def __len__(self) -> int:
        return len(self.entries)
