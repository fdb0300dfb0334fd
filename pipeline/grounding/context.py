"""What a document tells grounding about its own words: abbreviations and cue words.

An abbreviation is resolved by the document's definition first: "DC" is a dendritic cell
only where the document says so, or where its words make it plain (it speaks of dendritic
cells). The definitions come from scispaCy's abbreviation detector, carried from section
to section; the cue words are the document's lower-cased words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> frozenset[str]:
    """The lower-cased words and two-word phrases of a text, for cue lookups ("dendritic
    cells" is a cue where "dendritic" alone, as in dendritic arbors, is not)."""
    # Lower-casing an ASCII text first finds the same words (letters stay letters), at once.
    words = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
    return frozenset(words).union(map(" ".join, pairwise(words)))


def abbreviation_variants(abbreviations: Mapping[str, str]) -> dict[str, str]:
    """Short form → long form, with singular and plural forms added: a paper defines
    "retinal progenitor cells (RPCs)" and then writes "each RPC"."""
    found: dict[str, str] = {}
    for short, long_form in abbreviations.items():
        if short.lower() in long_form.lower().split():
            continue  # "ES cells (ES)": the short form names itself, nothing to expand
        found.setdefault(short, long_form)
        if len(short) > 2 and short.endswith("s") and short[:-1][-1:].isupper():
            found.setdefault(short[:-1], _singular(long_form))
        elif short[-1:].isupper():
            found.setdefault(short + "s", long_form if long_form.endswith("s") else long_form + "s")
    return found


def _singular(phrase: str) -> str:
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase


@dataclass(frozen=True)
class CellContext:
    """The document around a mention: its abbreviations (already with variants) and words."""

    abbreviations: Mapping[str, str] = field(default_factory=dict)
    cues: frozenset[str] = frozenset()

    @classmethod
    def from_text(cls, text: str, abbreviations: Mapping[str, str] | None = None) -> CellContext:
        """The context of a whole document; its abbreviations are detected when not given."""
        found = detect_abbreviations(text) if abbreviations is None else abbreviations
        return cls(abbreviation_variants(found), words_of(text))

    def allows(self, needs: Iterable[str]) -> bool:
        """A term that needs cue words is used only where one of them occurs; a cue written
        "a+b" needs all of its words."""
        needs = tuple(needs)
        return not needs or any(all(w in self.cues for w in cue.split("+")) for cue in needs)


@lru_cache(maxsize=1)
def _abbreviation_pipeline():
    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401 - registers the factory
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("abbreviation_detector")
    return nlp


def detect_abbreviations(text: str) -> dict[str, str]:
    """Short form → long form as scispaCy's detector (Schwartz & Hearst) finds them."""
    doc = _abbreviation_pipeline()(text)
    found: dict[str, str] = {}
    for short in doc._.abbreviations:
        if short._.long_form is not None:
            found.setdefault(short.text, short._.long_form.text)
    return found
