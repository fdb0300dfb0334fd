"""Term lookup that tolerates the spelling variation of biomedical prose.

Biomedical names vary in hyphens ("T-cell", "T cell"), plurals ("NK cells"), dashes
("NK cell–activating") and case. Rather than listing every variant, terms and candidate
spans are both reduced to a key by :func:`term_key`, and the index is a dict of keys.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212-"
# Dashes become spaces and the curly apostrophe a straight one, one character for another.
_KEY_CHARS = str.maketrans({**dict.fromkeys(_DASHES, " "), "\u2019": "'"})
_POSITIVE = re.compile(r"\(\s*([+-])\s*\)")
# Capital sigma is the one character whose lower case depends on what follows it.
_CAPITAL_SIGMA = "\u03a3"


@lru_cache(maxsize=1 << 16)
def term_key(text: str) -> str:
    """Lower-case, hyphens and dashes as spaces, ``(+)`` as ``+``, accents dropped
    ("Müller" → muller, "naïve" → naive), single spaces. Cached: the recognizer asks for
    the keys of the same short spans ("cells", "T cells") over and over."""
    text = text.lower()
    if "(" in text:
        text = _POSITIVE.sub(r"\1", text)
    text = text.translate(_KEY_CHARS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def prefix_stable(text: str) -> bool:
    """Whether the key of every prefix of ``text`` is a prefix of the key of ``text`` (so
    that a span whose key starts no term cannot grow into one). Every step of
    :func:`term_key` maps character by character, or squeezes spaces, except two: a
    ``(+)`` sign read as one, and a capital sigma, lower-cased by what follows it."""
    return _CAPITAL_SIGMA not in text and ("(" not in text or _POSITIVE.search(text) is None)


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


def plural_keys(key: str) -> list[str]:
    """The keys that :func:`singular_keys` may fold to ``key`` (its inverse, a few more at
    most): with them, the keys a lookup can succeed for are known in advance."""
    forms = [key + "s"]
    if key.endswith("y"):
        forms.append(key[:-1] + "ies")
    if key.endswith(("um", "on")):
        forms.append(key[:-2] + "a")
    start = key.find(" cell ")
    while start >= 0:
        forms.append(f"{key[:start]} cells {key[start + len(' cell '):]}")
        start = key.find(" cell ", start + 1)
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


class FindableKeys:
    """Every key a lookup in some of ``indices`` can succeed for (entries, and the plurals
    :func:`singular_keys` folds to them), sorted: one bisection says whether a key may be
    found, and whether a longer key that starts with it may. Made from the indices as they
    are; terms added to them later are not seen."""

    def __init__(self, indices: Iterable[TermIndex]) -> None:
        self.keys = sorted({form for index in indices for key in index.entries
                            for form in (key, *plural_keys(key))})

    def probe(self, key: str) -> tuple[bool, bool]:
        """(whether ``key`` may be found, whether a key that starts with ``key`` may be):
        the first says which spans are worth a lookup, the second when to stop making a
        span longer."""
        at = bisect_left(self.keys, key)
        if at == len(self.keys):
            return False, False
        found = self.keys[at]
        return found == key, found.startswith(key)
