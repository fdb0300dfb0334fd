"""bench/iob_text.py: an IOB corpus's sentences written back as plain-text documents."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import iob_text


def test_tokens_are_joined_back_into_text():
    text = "Staining with 5 - bromo - 2 ' - deoxyuridine ( BrdU ; 2 . 5 % ) of CD4 + T cells , done"
    tokens = text.split(" ")
    assert iob_text.detokenized(tokens) == \
        "Staining with 5-bromo-2 '-deoxyuridine (BrdU; 2.5%) of CD4+ T cells, done"


def test_documents_leave_out_the_excluded_sentences(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("A\tO\nb\tO\n.\tO\n\nC\tB-X\nd\tO\n.\tO\n\nE\tO\nf\tO\n.\tO\n",
                      encoding="utf-8")
    other = tmp_path / "other.tsv"
    other.write_text("C\tO\nd\tO\n.\tO\n", encoding="utf-8")
    out = tmp_path / "docs"
    assert iob_text.main([str(corpus), "--out", str(out), "--exclude", str(other),
                          "--per-doc", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["docs-0000.txt", "docs-0001.txt"]
    assert (out / "docs-0001.txt").read_text(encoding="utf-8") == "E f.\n"
