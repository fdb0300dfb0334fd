"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
EXAMPLE = CORPUS / "ramsay-2009-haematologica.txt"

needs_shared = pytest.mark.skipif(not (SHARED / "claims").is_dir(),
                                  reason="../shared is not available on this machine")


@pytest.fixture(scope="session")
def nlp():
    warnings.filterwarnings("ignore")
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def tokenizer_nlp():
    """A blank English pipeline with scispaCy's tokenizer: fast, for NER unit tests."""
    import spacy
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    blank = spacy.blank("en")
    blank.tokenizer = combined_rule_tokenizer(blank)
    return blank
