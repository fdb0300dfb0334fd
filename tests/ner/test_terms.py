"""Term keys and the findable-key index the recognizer prunes its spans with."""

import re
import unicodedata
from itertools import pairwise

import pytest

from pipeline.grounding.context import CellContext, abbreviation_variants, words_of
from pipeline.ner.recognizer import (
    Recognizer,
    SpanScan,
    _has_alnum,
    defined_parentheticals,
    doc_pieces,
)
from pipeline.ner.terms import (
    Concept,
    FindableKeys,
    TermIndex,
    plural_keys,
    prefix_stable,
    singular_keys,
    term_key,
)

TRICKY = ["T-cell", "t–cell", "CD8(+)", "CD4 ( - ) T", "Müller glia", "naïve  T\u00a0cells", "ﬁbroblast",
          "İL-2", "ΣΑΣ", "O’Brien’s", "IFN‑γ", "NK cell—activating", "  leading", "a\tb\nc", "(+)"]


def reference_key(text: str) -> str:
    """term_key as first written, step by step, to hold the faster one to."""
    text = re.sub(r"\(\s*([+-])\s*\)", r"\1", text.lower())
    text = re.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2212-]", " ", text).replace("\u2019", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", TRICKY)
def test_term_key_is_the_reference_key(text):
    assert term_key(text) == reference_key(text)


@pytest.mark.parametrize("text", TRICKY)
def test_prefix_stable_keys_grow_by_prefixes(text):
    keys = [term_key(text[:end]) for end in range(len(text) + 1)]
    grows = all(longer.startswith(shorter) for shorter, longer in pairwise(keys))
    assert grows or not prefix_stable(text)


def test_signs_and_capital_sigma_are_not_prefix_stable():
    assert not prefix_stable("CD4(+)")
    assert not prefix_stable("ΣΑ")
    assert prefix_stable("CD4+ (CLL) T-cells")


@pytest.mark.parametrize("key", ["t cells", "mdscs", "progenitor cells of the retina", "babies",
                                 "spermatogonia", "spermatozoa", "cells cells", "glass", "ab"])
def test_plural_keys_invert_singular_keys(key):
    for singular in singular_keys(key):
        assert key in plural_keys(singular)


def test_probe_says_found_and_continued():
    index = TermIndex()
    index.add("natural killer cell", Concept("CELL", "natural killer cell"))
    lines = TermIndex()
    lines.add("NK-92", Concept("CELL_LINE", "NK-92"))
    findable = FindableKeys([index, lines])
    assert findable.probe("natural killer cells") == (True, True)
    assert findable.probe("natural kil") == (False, True)
    assert findable.probe("natural killer cell line") == (False, False)
    assert findable.probe("nk 92") == (True, True)
    assert findable.probe("nk 925") == (False, False)


@pytest.mark.parametrize("text, abbreviations", [
    ("Embryonic stem (ES) cells and ES-derived CD4(+) T cells were expanded.", {"ES": "embryonic stem"}),
    ("CLL cells from patients treated with LEN and anti-CD20 antibodies.",
     {"CLL": "chronic lymphocytic leukemia", "LEN": "lenalidomide"}),
    ("Natural killer (NK) cells lysed multiple myeloma (MM) cells; NK–cell activity rose.",
     {"NK": "natural killer", "MM": "multiple myeloma"}),
    ("Retinal progenitor cells (RPCs) gave rise to rod and cone photoreceptors.",
     {"RPCs": "retinal progenitor cells"}),
])
def test_possible_ends_hold_every_end_that_finds_a_term(tokenizer_nlp, text, abbreviations):
    recognizer = Recognizer()
    doc = tokenizer_nlp(text)
    context = CellContext(abbreviation_variants(abbreviations), words_of(text))
    pieces = doc_pieces(doc)
    skipped = defined_parentheticals(pieces, context)
    scan = SpanScan(text, pieces, context, skipped)
    for i in range(len(pieces)):
        if not _has_alnum(pieces[i].text):
            continue
        last = min(len(pieces), i + recognizer.max_pieces)
        ends = recognizer._possible_ends(scan, i, last)
        finding = [j for j in range(last, i, -1)
                   if recognizer._term_at(text, pieces, i, j, context, skipped) is not None]
        assert set(finding) <= set(ends)
        assert ends == sorted(ends, reverse=True)
