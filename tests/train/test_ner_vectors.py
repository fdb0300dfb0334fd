"""Tests for ``pipeline.train.vectors`` (the static vectors of the NER models) on tiny
hand-written files: no shared data needed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy
import spacy

from pipeline.train.vectors import add_cased_keys, build_text, conllu_units, iob_units, ngrams

DEVEL_SENTENCE = (
    "Cisplatin - induced nephrotoxicity was observed in twelve of the forty patients treated "
    "with high doses ."
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def iob(sentence: str) -> str:
    return "".join(f"{word}\tO\n" for word in sentence.split()) + "\n"


def test_iob_units_reads_first_column_and_drops_markers(tmp_path: Path) -> None:
    path = write(
        tmp_path / "train.tsv",
        "-DOCSTART-\tO\n\nUI\tLS\n-\t:\n12345\tCD\n\nIL-2\tNN\ngene\tNN\nexpression\tNN\n.\t.\n\n",
    )
    assert list(iob_units(path)) == ["IL-2 gene expression ."]


def test_conllu_units(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.conllu",
        "# sent_id = 1\n"
        "1\tT\tt\tNN\tNN\t_\t2\tcompound\t_\t_\n"
        "2\tcells\tcell\tNNS\tNNS\t_\t0\troot\t_\t_\n\n",
    )
    assert list(conllu_units(path)) == ["T cells"]


def test_ngrams() -> None:
    assert list(ngrams(["a", "b"], 3)) == [("a", "b")]
    assert list(ngrams(["a", "b", "c", "d"], 3)) == [("a", "b", "c"), ("b", "c", "d")]


def test_build_text_drops_devel_overlap_and_duplicates(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    iob_dir = data / "corpora" / "ner-iob"
    write(iob_dir / "BC5CDR-IOB" / "devel.tsv", iob(DEVEL_SENTENCE))
    write(iob_dir / "BioNLP13CG-IOB" / "devel.tsv", iob("TP53 was mutated ."))
    write(iob_dir / "JNLPBA" / "devel.tsv", iob("NF-kappaB binds DNA ."))
    train = iob("Aspirin reduced the risk of myocardial infarction .") * 2 + iob(DEVEL_SENTENCE)
    write(iob_dir / "BC5CDR-IOB" / "train.tsv", train)
    # raw text: a paragraph that quotes the devel sentence is left out as a whole
    write(
        data / "corpora" / "bionlp-st-2013-cg" / "original-data" / "train" / "PMID-1.txt",
        "Lenalidomide enhanced NK cell cytotoxicity.\n"
        "As reported, Cisplatin-induced nephrotoxicity was observed in twelve of the forty "
        "patients treated with high doses.\n",
    )
    out = tmp_path / "text.txt"
    stats = build_text(data, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "aspirin reduced the risk of myocardial infarction .",
        "lenalidomide enhanced nk cell cytotoxicity .",
    ]
    assert stats["ner-iob/BC5CDR/train"] == {
        "units": 3,
        "devel_overlap": 1,
        "duplicate": 1,
        "kept": 1,
        "tokens": 8,
    }
    assert stats["bionlp-st-2013-cg/original-data/train"]["devel_overlap"] == 1


def test_add_cased_keys_shares_rows(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.vocab.set_vector("cisplatin", numpy.asarray([1.0, 2.0, 3.0], dtype="f"))
    nlp.vocab.set_vector("tnf", numpy.asarray([0.0, 1.0, 0.0], dtype="f"))
    nlp.to_disk(tmp_path / "vectors")
    cased = Counter({"Cisplatin": 3, "TNF": 2, "Aspirin": 1, "tnf": 1})
    assert add_cased_keys(tmp_path / "vectors", cased) == 2
    vocab = spacy.load(tmp_path / "vectors").vocab
    assert vocab.vectors.n_keys == 4
    assert vocab.get_vector("Cisplatin").tolist() == [1.0, 2.0, 3.0]
    assert vocab.get_vector("TNF").tolist() == vocab.get_vector("tnf").tolist()
    assert not vocab.has_vector("Aspirin")


def test_build_text_can_leave_out_the_parsers_held_out_abstracts(tmp_path: Path) -> None:
    """Vectors for the core parser: the text of its held-out GENIA abstracts (every 10th)
    is left out wherever it is quoted, so the parser's held-out scores stay honest."""
    data = tmp_path / "shared"
    iob_dir = data / "corpora" / "ner-iob"
    for name in ("BC5CDR-IOB", "BioNLP13CG-IOB", "JNLPBA"):
        write(iob_dir / name / "devel.tsv", iob("TP53 was mutated ."))
    sentences = [f"Abstract {n} says that drug number {n} was given to the patients ." for n in
                 range(10)]
    conllu = "".join(
        "".join(f"{i}\t{w}\t{w}\tNN\tNN\t_\t{0 if i == 1 else 1}\t{'root' if i == 1 else 'dep'}"
                "\t_\t_\n" for i, w in enumerate(sentence.split(), 1)) + "\n"
        for sentence in sentences)
    genia = data / "corpora" / "genia-ud"
    write(genia / "dev.conllu", conllu)
    write(genia / "dev_per_sentence.pmids", "".join(f"{n}\n" for n in range(10)))
    write(genia / "future_use.conllu", "")
    write(genia / "future_use_per_sentence.pmids", "")
    write(data / "corpora" / "jnlpba" / "standoff" / "train" / "1.txt",
          "Abstract 9 says that drug number 9 was given to the patients. It worked.\n")
    kept = build_text(data, tmp_path / "all.txt")
    left = build_text(data, tmp_path / "left.txt", leave_out_parser_heldout=True)
    assert kept["jnlpba/standoff/train"]["kept"] == 1
    assert left["jnlpba/standoff/train"] == {"units": 1, "devel_overlap": 1, "duplicate": 0,
                                             "kept": 0, "tokens": 0}
    assert left["genia-ud/dev.conllu"]["devel_overlap"] == 1
