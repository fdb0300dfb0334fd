"""Where a claim's trigger is in its section's text.

Claims carry the trigger's text but not its offsets; the report, brat and BioC need the
span to highlight or annotate it. The trigger is a token of the claim's sentence, so it is
found there again: at word boundaries, and nearest to the cell when the word occurs twice
("X enhances A and enhances B").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _occurrences(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _at_word_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a_start, b_start) - min(a_end, b_end))


def trigger_span(claim: Mapping[str, Any]) -> tuple[int, int] | None:
    """The trigger's (start, end) in the section's text, or None when it is not in the sentence."""
    sentence, trigger = claim.get("sentence") or "", claim.get("trigger") or ""
    if not trigger:
        return None
    starts = _occurrences(sentence, trigger)
    if not starts:
        return None
    whole = [s for s in starts if _at_word_boundaries(sentence, s, s + len(trigger))]
    base = int(claim["sentence_start"])
    cell_start = int(claim["cell_start"]) - base
    cell_end = int(claim["cell_end"]) - base
    best = min(whole or starts,
               key=lambda s: (_gap(s, s + len(trigger), cell_start, cell_end), s))
    return base + best, base + best + len(trigger)
