"""A coarse category for a claim's effect, so claims can be counted across documents.

Effect phrases are short and worded freely ("NK-mediated ADCC", "cytotoxic activity",
"lysis"), so grouping claims by the phrase itself would split one finding into many rows.
The summary groups them by a category instead, read from a small keyword table
(``data/effect_categories.tsv``) that a curator can extend without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATEGORIES_PATH = Path(__file__).parent / "data" / "effect_categories.tsv"
FALLBACK = "function/other"
# Words that say nothing about the kind of effect; skipping them lets "to alteration" or
# "of effect" fall through to the trigger.
_STRIP = "()[]{},;:.'\"“”‘’"
_WORD_SPLIT = re.compile(r"[\s/]+")


@dataclass(frozen=True)
class EffectTable:
    """Keywords per category, in the table's order (earlier categories win ties)."""

    categories: tuple[str, ...]
    word_keywords: tuple[tuple[str, str], ...]  # (keyword, category), table order
    phrase_keywords: tuple[tuple[str, str], ...]

    def category_of_word(self, word: str) -> str | None:
        for keyword, category in self.word_keywords:
            if word.startswith(keyword):
                return category
        return None


@lru_cache(maxsize=4)
def load_effect_table(path: Path = CATEGORIES_PATH) -> EffectTable:
    """Read the keyword table; comment lines start with '#', the first other line is a header."""
    words: list[tuple[str, str]] = []
    phrases: list[tuple[str, str]] = []
    categories: list[str] = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{path}: line {number} is not 'category<TAB>keyword': {line!r}")
        category, keyword = parts[0].strip(), parts[1].strip().lower()
        if category not in categories:
            categories.append(category)
        (phrases if " " in keyword else words).append((keyword, category))
    if FALLBACK not in categories:
        categories.append(FALLBACK)
    return EffectTable(tuple(categories), tuple(words), tuple(phrases))


def _words(text: str) -> list[str]:
    return [w for w in (part.strip(_STRIP).lower() for part in _WORD_SPLIT.split(text)) if w]


def effect_category(effect: str, trigger: str = "", table: EffectTable | None = None) -> str:
    """The category of an effect: its head word decides first, then its modifiers, then the
    trigger ("induces apoptosis" has the effect "apoptosis"; "Depleted" hosts only a trigger).
    """
    table = table or load_effect_table()
    lowered = " ".join(_words(effect))
    for keyword, category in table.phrase_keywords:
        if keyword in lowered:
            return category
    for word in [*reversed(_words(effect)), *reversed(_words(trigger))]:
        category = table.category_of_word(word)
        if category is not None:
            return category
    return FALLBACK
