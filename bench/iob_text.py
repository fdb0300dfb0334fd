"""Write the sentences of an IOB NER corpus as plain-text documents, to read claims on text no
rule was written on (``bench/sample_pairs.py`` then draws sentences from them).

The IOB files of ``../shared/corpora/ner-iob`` hold tokenized sentences without document
boundaries. This joins each sentence's tokens back into text (closing the spaces the
tokenization opened around hyphens, brackets, slashes and punctuation; the result is close
to, not the same as, the original), drops the sentences that are also in the ``--exclude``
corpora (AnatEM repeats BioNLP13CG's), and writes ``--per-doc`` consecutive sentences per
``.txt`` file. Nothing is kept in the repository: the text stays under ``--out``.

    python bench/iob_text.py ../shared/corpora/ner-iob/AnatEM-IOB/train.tsv --out /tmp/anat \\
        --exclude ../shared/corpora/ner-iob/BioNLP13CG-IOB/train.tsv \\
        --exclude ../shared/corpora/ner-iob/BioNLP13CG-IOB/devel.tsv
    python bench/sample_pairs.py /tmp/anat --n 40 --seed 3
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from pipeline.train.iob import read_iob

# What the tokenization split off, to join back: "5 - bromo", "( BrdU", "cells ,", "2 . 2"
JOINS = (
    (re.compile(r"(\d) \. (\d)"), r"\1.\2"),
    (re.compile(r" - "), "-"),
    (re.compile(r" ' s\b"), "'s"),
    (re.compile(r" / "), "/"),
    (re.compile(r"([(\[]) "), r"\1"),
    (re.compile(r" ([)\]])"), r"\1"),
    (re.compile(r" ([,.;:%])"), r"\1"),
    (re.compile(r" \+"), "+"),
)


def iob_sentences(path: Path) -> Iterator[Sequence[str]]:
    """The token lists of an IOB file's sentences, in order (:func:`read_iob`)."""
    for document in read_iob(path):
        for sentence in document:
            yield sentence.words


def detokenized(tokens: Sequence[str]) -> str:
    """The tokens as text, the spaces the tokenizer opened closed again."""
    text = " ".join(tokens)
    for pattern, replacement in JOINS:
        text = pattern.sub(replacement, text)
    return text


def write_documents(sentences: Sequence[str], out: Path, stem: str, per_doc: int) -> int:
    """Write ``per_doc`` sentences per ``<stem>-NNNN.txt``; return the number of files."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for count, start in enumerate(range(0, len(sentences), per_doc), start=1):
        text = " ".join(sentences[start:start + per_doc]) + "\n"
        (out / f"{stem}-{count - 1:04d}.txt").write_text(text, encoding="utf-8")
    return count


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("iob", type=Path, help="an IOB file (token<TAB>tag per line)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .txt files")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="an IOB file whose sentences to leave out (repeatable)")
    parser.add_argument("--per-doc", type=int, default=10, help="sentences per document")
    parser.add_argument("--stem", default="", help="file name stem (default: the folder's)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    excluded = {" ".join(tokens) for path in args.exclude for tokens in iob_sentences(path)}
    kept = [detokenized(tokens) for tokens in iob_sentences(args.iob)
            if " ".join(tokens) not in excluded]
    files = write_documents(kept, args.out, args.stem or args.out.name, args.per_doc)
    print(f"{len(kept)} sentences in {files} documents → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
