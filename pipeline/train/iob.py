"""Read two-column IOB NER files (``token<TAB>tag``) and brat standoff into spaCy ``Doc``\\ s.

The IOB format is the one of Crichton et al.'s BioNLP NER collection
(``/work/shared/corpora/ner-iob/*/train.tsv``): one token and its tag per line, separated by a
TAB, and a blank line between sentences. ``-DOCSTART-`` lines (JNLPBA) end a document. Tags
may be mixed-case (``B-Simple_chemical``); :func:`normalize_label` maps them to scispaCy's
upper-case names (``SIMPLE_CHEMICAL``).

Sentences are grouped into ``Doc``\\ s of ``per_doc`` sentences (never across a
``-DOCSTART-``), with the tokens joined by single spaces, as scispaCy does for its own NER
training data. At training time spaCy re-tokenizes that text with the pipeline's tokenizer
(scispaCy's) and aligns the gold tokens to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

DOCSTART = "-DOCSTART-"


@dataclass(frozen=True)
class IOBSentence:
    """One sentence: its tokens and their normalized IOB tags (``O``, ``B-X``, ``I-X``)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def normalize_label(label: str, label_map: Mapping[str, str] | None = None) -> str:
    """Map a corpus entity label to the model's label: ``label_map`` first, else upper-case.

    ``Simple_chemical`` → ``SIMPLE_CHEMICAL``, ``Multi-tissue_structure`` →
    ``MULTI-TISSUE_STRUCTURE``, ``cell_line`` → ``CELL_LINE``.
    """
    if label_map and label in label_map:
        return label_map[label]
    return re.sub(r"\s+", "_", label.strip()).upper()


def fix_iob(tags: Sequence[str], label_map: Mapping[str, str] | None = None) -> list[str]:
    """Normalize labels and repair invalid IOB: an ``I-X`` that does not continue an ``X``
    entity starts one (``B-X``). Unknown prefixes raise ``ValueError``."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag == "O":
            fixed.append("O")
            previous = "O"
            continue
        prefix, sep, label = tag.partition("-")
        if not sep or prefix not in ("B", "I") or not label:
            raise ValueError(f"bad IOB tag {tag!r}")
        label = normalize_label(label, label_map)
        if prefix == "I" and previous != label:
            prefix = "B"
        fixed.append(f"{prefix}-{label}")
        previous = label
    return fixed


def parse_iob(text: str, label_map: Mapping[str, str] | None = None) -> list[list[IOBSentence]]:
    """Parse IOB text into documents (split at ``-DOCSTART-``), each a list of sentences.

    Without ``-DOCSTART-`` lines the whole text is one document. Empty documents are dropped.
    """
    documents: list[list[IOBSentence]] = [[]]
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            documents[-1].append(IOBSentence(tuple(words), tuple(fix_iob(tags, label_map))))
        words.clear()
        tags.clear()

    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"line {number}: expected 'token<TAB>tag', got {line!r}")
        word, tag = parts[0], parts[-1].strip()
        if word == DOCSTART:
            flush()
            documents.append([])
            continue
        words.append(word)
        tags.append(tag)
    flush()
    return [doc for doc in documents if doc]


def read_iob(path: str | Path, label_map: Mapping[str, str] | None = None) -> list[list[IOBSentence]]:
    """Read an IOB file; see :func:`parse_iob`."""
    return parse_iob(Path(path).read_text(encoding="utf-8"), label_map)


def chunk(sentences: Sequence[IOBSentence], size: int) -> Iterator[Sequence[IOBSentence]]:
    """Consecutive groups of ``size`` sentences (the last one may be shorter)."""
    if size < 1:
        raise ValueError("size must be >= 1")
    for start in range(0, len(sentences), size):
        yield sentences[start : start + size]


def sentences_to_doc(vocab: Vocab, sentences: Sequence[IOBSentence]) -> Doc:
    """One ``Doc`` from ``sentences``: tokens joined by single spaces, gold entities and
    sentence starts set."""
    words: list[str] = []
    tags: list[str] = []
    sent_starts: list[bool] = []
    for sentence in sentences:
        words.extend(sentence.words)
        tags.extend(sentence.tags)
        sent_starts.extend([True] + [False] * (len(sentence.words) - 1))
    spaces = [True] * len(words)
    if spaces:
        spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, ents=tags, sent_starts=sent_starts)


def iob_docs(
    vocab: Vocab, documents: Iterable[Sequence[IOBSentence]], per_doc: int = 10
) -> Iterator[Doc]:
    """Yield ``Doc``\\ s of up to ``per_doc`` sentences, never spanning two documents."""
    for document in documents:
        for group in chunk(document, per_doc):
            yield sentences_to_doc(vocab, group)


def text_key(text: str) -> str:
    """``text`` lower-cased with everything but letters and digits removed, for matching one
    corpus's text against another's whatever their tokenization and spacing."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def overlapping_texts(
    texts: Mapping[str, str], documents: Iterable[Sequence[IOBSentence]], prefix: int = 80
) -> set[str]:
    """Keys of ``texts`` (name → raw text) that contain the first sentence of one of the IOB
    ``documents`` (its first ``prefix`` letters and digits): the abstracts the two share."""
    probes = [text_key(" ".join(doc[0].words))[:prefix] for doc in documents if doc]
    keys = {name: text_key(text) for name, text in texts.items()}
    return {name for name, key in keys.items() if any(probe and probe in key for probe in probes)}


def parse_ann(text: str, label_map: Mapping[str, str] | None = None) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` from brat ``.ann`` text (``T`` lines only;
    discontinuous spans keep their outer bounds)."""
    spans: list[tuple[int, int, str]] = []
    for line in text.splitlines():
        if not line.startswith("T"):
            continue
        _, info, *_ = line.split("\t")
        label, _, offsets = info.partition(" ")
        pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
        spans.append((pieces[0][0], pieces[-1][1], normalize_label(label, label_map)))
    return sorted(spans)


def brat_doc(nlp_tokenize, text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[Doc, int]:
    """Tokenize ``text`` with ``nlp_tokenize`` and set ``spans`` as entities.

    A span whose bounds are not token boundaries (``IL-2`` inside the token ``IL-2-induced``)
    cannot be represented: the tokens it touches are marked *missing* (neither entity nor
    ``O``), so training ignores them. Overlapping spans keep the first (longest first at an
    equal start). Returns the doc and the number of spans that did not match token boundaries.
    """
    doc = nlp_tokenize(text)
    ents = []
    missing = []
    misaligned = 0
    taken: set[int] = set()
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        span = doc.char_span(start, end, label=label)
        if span is None:
            misaligned += 1
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and not any(i in taken for i in range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                missing.append(span)
            continue
        if len(span) == 0 or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        ents.append(span)
    doc.set_ents(sorted(ents, key=lambda s: s.start), missing=missing, default="outside")
    return doc, misaligned
