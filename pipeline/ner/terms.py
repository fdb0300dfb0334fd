"""Term lookup that tolerates the spelling variation of biomedical prose.

Biomedical names vary in hyphens ("T-cell", "T cell"), plurals ("NK cells"), dashes
("NK cell–activating") and case. Rather than listing every variant, terms and candidate
spans are both reduced to a key by :func:`term_key`, and the index is a dict of keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]")
_SPACE = re.compile(r"\s+")
_POSITIVE = re.compile(r"\(\s*([+-])\s*\)")


def term_key(text: str) -> str:
    """Lower-case, hyphens and dashes as spaces, ``(+)`` as ``+``, accents dropped
    ("Müller" → muller, "naïve" → naive), single spaces."""
    text = _POSITIVE.sub(r"\1", text.lower())
    text = _DASHES.sub(" ", text)
    text = text.replace("’", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip()


def singular_keys(key: str) -> list[str]:
    """Singular forms to try for a key whose last word may be plural ("cells", "MDSCs"),
    including the Latin and Greek plurals of cell names ("spermatogonia", "spermatozoa")."""
    if len(key) < 3:
        return []
    if " cells " in key:  # "basal cells of epidermis"
        return [key.replace(" cells ", " cell ", 1)]
    if key.endswith("a") and len(key.split()[-1]) > 5:
        return [key[:-1] + "um", key[:-1] + "on"]
    if not key.endswith("s") or key.endswith("ss"):
        return []
    forms = [key[:-1]]
    if key.endswith("ies"):
        forms.append(key[:-3] + "y")
    return forms


_LEADING = re.compile(r"^[^\W_]*")
_AFTER_ACRONYM = frozenset(" s-\u2010\u2011\u2013\u2014")


def _leading_word(word: str) -> str:
    """The letters and digits a word starts with ("cd4+" → cd4), or the word if none."""
    return _LEADING.match(word).group(0) or word


@dataclass(frozen=True)
class Concept:
    """What a term means: its entity label, normalized name and ontology ids."""

    label: str
    norm: str
    ids: tuple[str, ...] = ()
    source: str = ""
    match: str = "exact"
    kind: str = ""
    # Cue words of which the document must contain one for the term to apply ("rod" needs
    # "photoreceptor" or "retina"); empty for terms that apply anywhere.
    needs: tuple[str, ...] = ()
    # For acronyms: the spelling the text must have (case-sensitive, a plural "s" allowed),
    # so that "ALL" is a leukemia but "all cells" are not; empty for other terms.
    surface: str = ""

    def fits(self, text: str) -> bool:
        """Whether ``text`` as written may stand for this concept (see ``surface``): it must
        start with the acronym as spelled, then end, a plural "s", a space or a hyphen ("ECL
        cells" and "NK-cell" fit, "all cells" does not fit ALL)."""
        if not self.surface:
            return True
        text = text.strip()
        if not text.startswith(self.surface):
            return False
        rest = text[len(self.surface):]
        return not rest or rest[0] in _AFTER_ACRONYM


@dataclass
class TermIndex:
    """A dict from :func:`term_key` keys to concepts, with the longest term's word count."""

    entries: dict[str, Concept] = field(default_factory=dict)
    max_words: int = 1
    # The first word of every key: a span whose first word is not among them is not looked
    # up at all, which spares most of the windows of a long text.
    first_words: set[str] = field(default_factory=set)

    def add(self, term: str, concept: Concept, overwrite: bool = False) -> None:
        key = term_key(term)
        if not key:
            return
        if overwrite or key not in self.entries:
            self.entries[key] = concept
        words = key.split()
        self.max_words = max(self.max_words, len(words))
        self.first_words.add(_leading_word(words[0]))

    def may_start(self, word: str) -> bool:
        """Whether a key can begin with ``word`` (a term key of one word), plurals folded.
        Words are compared up to their first sign ("t(r" of a split "T(R)" is "t")."""
        lead = _leading_word(word)
        return lead in self.first_words or any(s in self.first_words for s in singular_keys(lead))

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
