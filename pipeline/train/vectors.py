"""Build the static word vectors of the NER models from biomedical text in the shared data.

Text (training splits only; no devel or test split of any corpus):

* titles and abstracts of the PubMed XML records in ``samples/pubmed-xml`` (read with
  :func:`pipeline.readers.pubmed_xml.read_pubmed_xml`);
* the ``train.tsv`` of every ``corpora/ner-iob`` corpus (AnatEM, BC2GM, BC5CDR, BioNLP13CG,
  CRAFT, GENIA-pos, NCBI-disease, linnaeus);
* the CRAFT article texts (``corpora/craft/articles/txt``), the GENIA treebank sentences
  (``corpora/genia-ud/*.conllu``), the BioNLP-ST 2013 CG training abstracts
  (``corpora/bionlp-st-2013-cg/original-data/train``) and the JNLPBA training abstracts
  (``corpora/jnlpba/standoff/train``).

Every unit of text (an IOB sentence, a paragraph, a treebank sentence) that shares a run of
:data:`NGRAM` tokens with a sentence of the BC5CDR, BioNLP13CG or JNLPBA devel files is
dropped, so the models' devel scores stay honest. Duplicate units are kept once.

The text is tokenized with scispaCy's ``combined_rule_tokenizer`` (as the models do) and
lower-cased. Word2vec (gensim, skip-gram, one worker, fixed seed and a fixed string hash, so
the run is deterministic), then ``spacy init vectors --prune ROWS``: the ROWS most frequent
words keep their own vector, every other word is mapped to its nearest kept row. Finally each
cased form seen in the text (``Cisplatin``, ``TNF``) is added as a key that shares the row of
its lower-case form, since the tok2vec looks vectors up by the token's exact text (see
:func:`add_cased_keys`).

Usage (from the repository root; needs ``pip install -e '.[train]'``)::

    .venv/bin/python -m pipeline.train.vectors --data /work/shared --out /tmp/ner-vectors

writes ``--out/text.txt`` (tokenized training text, one unit a line: scratch, never commit
it), ``--out/word2vec.txt`` and the spaCy vectors in ``--out/spacy`` (the ``paths.vectors``
of the NER configs).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pipeline.train.iob import DOCSTART

NGRAM = 12
SEED = 0
IOB_TRAIN = ("AnatEM", "BC2GM", "BC5CDR", "BioNLP13CG", "CRAFT", "GENIA-pos", "NCBI-disease", "linnaeus")
DEVEL_FILES = ("BC5CDR-IOB/devel.tsv", "BioNLP13CG-IOB/devel.tsv", "JNLPBA/devel.tsv")
# GENIA-pos marks the MEDLINE fields of each abstract with sentences such as "UI - : 95369245"
_FIELD_MARKERS = {"UI", "TI", "AB"}


def iob_units(path: Path) -> Iterator[str]:
    """The sentences of a two-column file (token, tag), tokens joined by spaces. Only the
    first column is read, so POS-tagged files (GENIA-pos) work too; ``-DOCSTART-`` lines and
    GENIA-pos's field-marker sentences are dropped."""
    words: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        token = line.split("\t")[0].strip()
        if token and token != DOCSTART:
            words.append(token)
            continue
        if words and not (len(words) <= 3 and words[0] in _FIELD_MARKERS):
            yield " ".join(words)
        words = []


def paragraph_units(text: str) -> Iterator[str]:
    """Non-empty lines of a plain-text file (paragraphs, titles)."""
    for line in text.splitlines():
        if line.strip():
            yield line.strip()


def conllu_units(path: Path) -> Iterator[str]:
    """The sentences of a CoNLL-U file, word forms joined by spaces."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield " ".join(words)
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    if words:
        yield " ".join(words)


def pubmed_units(folder: Path) -> Iterator[str]:
    """Titles and abstract sections of the PubMed XML records in ``folder``."""
    from pipeline.readers.pubmed_xml import read_pubmed_xml
    from pipeline.schema import Document

    for path in sorted(folder.glob("*.xml")):
        with path.open("rb") as stream:
            for doc in read_pubmed_xml(stream, str(path)):
                if not isinstance(doc, Document):
                    continue
                if doc.title:
                    yield doc.title
                for section in doc.sections:
                    if section.text.strip() and section.text.strip() != doc.title.strip():
                        yield from paragraph_units(section.text)


def sources(data: Path) -> Iterator[tuple[str, Iterable[str]]]:
    """``(name, units)`` for every text source under ``data`` (the shared folder)."""
    corpora = data / "corpora"
    yield "pubmed-xml", pubmed_units(data / "samples" / "pubmed-xml")
    for name in IOB_TRAIN:
        folder = corpora / "ner-iob" / (name if name == "GENIA-pos" else f"{name}-IOB")
        if (folder / "train.tsv").is_file():
            yield f"ner-iob/{name}/train", iob_units(folder / "train.tsv")
    craft = sorted((corpora / "craft" / "articles" / "txt").glob("*.txt"))
    yield "craft/articles", (u for p in craft for u in paragraph_units(p.read_text(encoding="utf-8")))
    for path in sorted((corpora / "genia-ud").glob("*.conllu")):
        yield f"genia-ud/{path.name}", conllu_units(path)
    for name in ("bionlp-st-2013-cg/original-data/train", "jnlpba/standoff/train"):
        files = sorted((corpora / name).glob("*.txt"))
        yield name, (u for p in files for u in paragraph_units(p.read_text(encoding="utf-8")))


def ngrams(words: Sequence[str], n: int = NGRAM) -> Iterator[tuple[str, ...]]:
    """All runs of ``n`` consecutive ``words`` (the whole sequence if it is shorter)."""
    if len(words) <= n:
        yield tuple(words)
        return
    for i in range(len(words) - n + 1):
        yield tuple(words[i : i + n])


def parser_heldout_units(data: Path) -> Iterator[str]:
    """The sentences of the core parser's held-out GENIA abstracts (``pipeline.train.core``)."""
    import spacy

    from pipeline.train.conllu import split_heldout
    from pipeline.train.core import load_genia_docs

    _, heldout = split_heldout(load_genia_docs(spacy.blank("en"), data / "corpora"))
    for doc in heldout:
        for sentence in doc.sents:
            yield " ".join(t.text for t in sentence)


def build_text(data: Path, out: Path, cased: Counter[str] | None = None,
               leave_out_parser_heldout: bool = False) -> dict[str, dict[str, int]]:
    """Tokenize and lower-case every source, drop units that overlap devel, write ``out``
    (one unit a line, tokens separated by spaces). Returns per-source counts. The tokens of
    the kept units that are not all lower-case (``Cisplatin``, ``TNF``) are counted in
    ``cased``. With ``leave_out_parser_heldout`` the core parser's held-out sentences count
    as devel too (vectors for the parser)."""
    from pipeline.train.ner import scispacy_nlp

    tokenizer = scispacy_nlp().tokenizer
    surface: list[str] = []

    def tokens(text: str) -> list[str]:
        doc = [t for t in tokenizer(text) if not t.is_space]
        surface[:] = [t.text for t in doc]
        return [t.lower_ for t in doc]

    devel: set[tuple[str, ...]] = set()
    for name in DEVEL_FILES:
        path = data / "corpora" / "ner-iob" / name
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the devel text to leave out is missing")
        for unit in iob_units(path):
            devel.update(ngrams(tokens(unit)))
    if leave_out_parser_heldout:
        for unit in parser_heldout_units(data):
            devel.update(ngrams(tokens(unit)))
    seen: set[int] = set()
    stats: dict[str, dict[str, int]] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for name, units in sources(data):
            counts = stats.setdefault(
                name, {"units": 0, "devel_overlap": 0, "duplicate": 0, "kept": 0, "tokens": 0}
            )
            for unit in units:
                counts["units"] += 1
                words = tokens(unit)
                if not words:
                    continue
                if any(gram in devel for gram in ngrams(words)):
                    counts["devel_overlap"] += 1
                    continue
                line = " ".join(words)
                key = zlib.crc32(line.encode("utf-8"))
                if key in seen:
                    counts["duplicate"] += 1
                    continue
                seen.add(key)
                counts["kept"] += 1
                counts["tokens"] += len(words)
                handle.write(line + "\n")
                if cased is not None:
                    cased.update(form for form, low in zip(surface, words, strict=True) if form != low)
    return stats


def stable_hash(text: str) -> int:
    """A string hash that does not depend on PYTHONHASHSEED (gensim seeds each word's initial
    vector with ``hashfxn(word + str(seed))``)."""
    return zlib.crc32(text.encode("utf-8"))


def train_word2vec(text: Path, out: Path, dim: int, min_count: int, epochs: int) -> int:
    """Skip-gram word2vec on ``text`` (one worker, fixed seed); write word2vec text format,
    most frequent word first. Returns the vocabulary size."""
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    model = Word2Vec(
        LineSentence(str(text)),
        vector_size=dim,
        window=5,
        min_count=min_count,
        sg=1,
        negative=10,
        sample=1e-4,
        epochs=epochs,
        workers=1,
        seed=SEED,
        hashfxn=stable_hash,
    )
    model.wv.save_word2vec_format(str(out), binary=False)
    return len(model.wv)


def init_spacy_vectors(word2vec: Path, out: Path, rows: int) -> None:
    """``spacy init vectors``, pruned to ``rows`` rows (keys: the lower-cased words)."""
    cmd = [sys.executable, "-m", "spacy", "init", "vectors", "en", str(word2vec), str(out)]
    cmd += ["--prune", str(rows), "--name", "ner_biomed_w2v"]
    subprocess.run(cmd, check=True)


def add_cased_keys(vectors_dir: Path, cased: Counter[str]) -> int:
    """Map every cased form in ``cased`` (``Cisplatin``) to the row of its lower-case form.

    The tok2vec looks vectors up by ``vocab.vectors.attr``, and spaCy 3.8 does not save a
    non-default ``attr`` (``--attr LOWER``) for ``default``-mode vectors: after a save and load
    the lookup is by ``ORTH`` again. So the table is keyed on ``ORTH``, with the lower-cased
    forms' rows shared by their cased forms. Returns the number of keys added."""
    import spacy
    from spacy.strings import get_string_id

    nlp = spacy.load(vectors_dir)
    vectors = nlp.vocab.vectors
    added = 0
    for form in sorted(cased):
        row = vectors.key2row.get(get_string_id(form.lower()))
        if row is None or nlp.vocab.strings.add(form) in vectors.key2row:
            continue
        vectors.add(form, row=row)
        added += 1
    nlp.to_disk(vectors_dir)
    return added


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared folder (corpora/, samples/)")
    parser.add_argument("--out", type=Path, required=True, help="scratch dir for text and vectors")
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--rows", type=int, default=30000, help="rows kept by --prune")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--leave-out-parser-heldout", action="store_true",
        help="also leave out the text of the core parser's held-out GENIA abstracts (vectors "
        "for models/core, whose held-out scores stay honest)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the text, train word2vec, write spaCy vectors; print counts as JSON."""
    args = parse_args(argv)
    text = args.out / "text.txt"
    cased: Counter[str] = Counter()
    stats = build_text(args.data, text, cased, args.leave_out_parser_heldout)
    w2v = args.out / "word2vec.txt"
    vocab = train_word2vec(text, w2v, args.dim, args.min_count, args.epochs)
    init_spacy_vectors(w2v, args.out / "spacy", args.rows)
    cased_keys = add_cased_keys(args.out / "spacy", cased)
    summary = {
        "sources": stats,
        "tokens": sum(s["tokens"] for s in stats.values()),
        "word2vec_vocab": vocab,
        "cased_keys": cased_keys,
        "rows": args.rows,
        "dim": args.dim,
        "parser_heldout_left_out": args.leave_out_parser_heldout,
    }
    (args.out / "vectors.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
