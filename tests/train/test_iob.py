"""Unit tests for pipeline.train.iob (IOB / brat → spaCy Docs) on tiny hand-written samples."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.train.iob import (
    IOBSentence,
    brat_doc,
    chunk,
    fix_iob,
    iob_docs,
    normalize_label,
    overlapping_texts,
    parse_ann,
    parse_iob,
    read_iob,
    sentences_to_doc,
    text_key,
)

SAMPLE = (
    "Lenalidomide\tB-Simple_chemical\n"
    "activates\tO\n"
    "NK\tB-Cell\n"
    "cells\tI-Cell\n"
    "in\tO\n"
    "multiple\tB-Cancer\n"
    "myeloma\tI-Cancer\n"
    ".\tO\n"
    "\n"
    "TGF\tB-Gene_or_gene_product\n"
    "-\tI-Gene_or_gene_product\n"
    "beta\tI-Gene_or_gene_product\n"
    "binds\tO\n"
    "skin\tB-Multi-tissue_structure\n"
    ".\tO\n"
    "\n"
)


def test_normalize_label() -> None:
    assert normalize_label("Simple_chemical") == "SIMPLE_CHEMICAL"
    assert normalize_label("Multi-tissue_structure") == "MULTI-TISSUE_STRUCTURE"
    assert normalize_label("cell_line") == "CELL_LINE"
    assert normalize_label("Chemical", {"Chemical": "DRUG"}) == "DRUG"


def test_fix_iob_repairs_orphan_inside_tags() -> None:
    assert fix_iob(["O", "I-Cell", "I-Cell", "I-Cancer", "O"]) == [
        "O",
        "B-CELL",
        "I-CELL",
        "B-CANCER",
        "O",
    ]
    with pytest.raises(ValueError):
        fix_iob(["X-Cell"])


def test_parse_iob_sentences_and_docstart() -> None:
    documents = parse_iob(SAMPLE)
    assert len(documents) == 1 and len(documents[0]) == 2
    first = documents[0][0]
    assert first.words[:3] == ("Lenalidomide", "activates", "NK")
    assert first.tags[:4] == ("B-SIMPLE_CHEMICAL", "O", "B-CELL", "I-CELL")
    with_docstart = "-DOCSTART-\tO\n\n" + SAMPLE + "-DOCSTART-\tO\n\nIL-2\tB-protein\n"
    documents = parse_iob(with_docstart)
    assert [len(d) for d in documents] == [2, 1]
    assert documents[1][0].tags == ("B-PROTEIN",)
    with pytest.raises(ValueError):
        parse_iob("no-tab-here\n")


def test_sentences_to_doc_spaces_ents_and_sentences() -> None:
    nlp = spacy.blank("en")
    doc = sentences_to_doc(nlp.vocab, parse_iob(SAMPLE)[0])
    assert doc.text == "Lenalidomide activates NK cells in multiple myeloma . TGF - beta binds skin ."
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Lenalidomide", "SIMPLE_CHEMICAL"),
        ("NK cells", "CELL"),
        ("multiple myeloma", "CANCER"),
        ("TGF - beta", "GENE_OR_GENE_PRODUCT"),
        ("skin", "MULTI-TISSUE_STRUCTURE"),
    ]
    assert [s.text.split()[0] for s in doc.sents] == ["Lenalidomide", "TGF"]


def test_chunking_into_docs() -> None:
    sentence = IOBSentence(("a",), ("O",))
    assert [len(g) for g in chunk([sentence] * 23, 10)] == [10, 10, 3]
    nlp = spacy.blank("en")
    docs = list(iob_docs(nlp.vocab, [[sentence] * 12, [sentence] * 3], per_doc=10))
    assert [len(d) for d in docs] == [10, 2, 3]


def test_read_iob(tmp_path: Path) -> None:
    path = tmp_path / "train.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    assert read_iob(path) == parse_iob(SAMPLE)


def test_gold_entities_align_to_scispacy_tokens(tokenizer_nlp) -> None:
    """Space-joined gold tokens re-tokenized by scispaCy keep every entity boundary."""
    gold = sentences_to_doc(tokenizer_nlp.vocab, parse_iob(SAMPLE)[0])
    predicted = tokenizer_nlp.make_doc(gold.text)
    for ent in gold.ents:
        assert predicted.char_span(ent.start_char, ent.end_char) is not None


def test_brat_doc(tokenizer_nlp) -> None:
    text = "IL-2 gene expression in T cells."
    ann = "T1\tDNA 0 9\tIL-2 gene\nT2\tcell_type 24 31\tT cells\nT3\tprotein 0 3\tIL-\n#1\tnote\n"
    spans = parse_ann(ann)
    assert spans == [(0, 3, "PROTEIN"), (0, 9, "DNA"), (24, 31, "CELL_TYPE")]
    doc, misaligned = brat_doc(tokenizer_nlp.make_doc, text, spans)
    # the longest span wins an overlap; "IL-" is not a token boundary in "IL-2"
    assert [(e.text, e.label_) for e in doc.ents] == [("IL-2 gene", "DNA"), ("T cells", "CELL_TYPE")]
    assert misaligned == 1


def test_brat_doc_marks_unalignable_spans_missing(tokenizer_nlp) -> None:
    doc, misaligned = brat_doc(
        tokenizer_nlp.make_doc, "IL-2-induced genes in T cells.", [(0, 4, "PROTEIN"), (22, 29, "CELL_TYPE")]
    )
    assert misaligned == 1
    assert [(t.text, t.ent_iob_) for t in doc[:2]] == [("IL-2-induced", ""), ("genes", "O")]
    assert [(e.text, e.label_) for e in doc.ents] == [("T cells", "CELL_TYPE")]


def test_overlapping_texts_finds_shared_abstracts() -> None:
    assert text_key("TGF - beta (type II) receptor.") == "tgfbetatypeiireceptor"
    texts = {
        "shared": "Lenalidomide activates NK cells in multiple myeloma. TGF-beta binds skin.",
        "other": "Aspirin reduced the risk of myocardial infarction.",
    }
    assert overlapping_texts(texts, parse_iob(SAMPLE)) == {"shared"}
    assert overlapping_texts(texts, []) == set()
