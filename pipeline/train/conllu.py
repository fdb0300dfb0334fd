"""Convert CoNLL-U treebanks (e.g. GENIA UD v1) into spaCy ``Doc`` objects and ``DocBin`` files.

The GENIA UD conversion carries Penn Treebank tags in both the UPOS and XPOS columns, has no
``SpaceAfter`` annotation and no comments, and comes with a ``*_per_sentence.pmids`` side file
that names the PubMed abstract of each sentence. This module therefore:

* keeps the gold tokenization, the XPOS tag (``Token.tag_``), the lemma, the head and the
  dependency label (``root`` becomes spaCy's ``ROOT``); the UPOS column is ignored;
* guesses the whitespace between tokens with a small detokenization heuristic
  (:func:`guess_spaces`) so that the reconstructed text looks like running text, which is
  what the runtime tokenizer will see;
* optionally groups consecutive sentences of the same abstract into one multi-sentence
  ``Doc`` so that the parser learns sentence boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import conllu
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

T = TypeVar("T")

#: Tokens that attach to the preceding token (no whitespace before them).
NO_SPACE_BEFORE: frozenset[str] = frozenset(
    {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "''", "'", "'s", "n't"}
)
#: Tokens that attach to the following token (no whitespace after them).
NO_SPACE_AFTER: frozenset[str] = frozenset({"(", "[", "{", "``"})
#: Penn Treebank escapes found inside GENIA word forms (e.g. ``-LSB-Ca2+-RSB-i``).
PTB_BRACKETS: dict[str, str] = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
#: Penn Treebank quote tokens, replaced as whole tokens.
PTB_QUOTES: dict[str, str] = {"``": '"', "''": '"'}


@dataclass(frozen=True)
class Sentence:
    """One CoNLL-U sentence with the annotation layers the trainer uses.

    ``heads`` are 0-based indices into ``words``; the root token points at itself.
    ``spaces`` (whether each token is followed by whitespace) is ``None`` when the corpus
    does not record it (GENIA); it is then guessed (:func:`guess_spaces`).
    """

    words: tuple[str, ...]
    tags: tuple[str, ...]
    lemmas: tuple[str, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    spaces: tuple[bool, ...] | None = None

    def __len__(self) -> int:
        return len(self.words)


def _sentence_from_tokenlist(tokens: conllu.TokenList) -> Sentence:
    """Build a :class:`Sentence` from a parsed ``conllu.TokenList``.

    Multi-word ranges (``1-2``) and empty nodes (``1.1``) are skipped.
    """
    rows = [tok for tok in tokens if isinstance(tok["id"], int)]
    index = {tok["id"]: i for i, tok in enumerate(rows)}
    words: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for i, tok in enumerate(rows):
        words.append(tok["form"])
        tag = tok["xpos"] if tok["xpos"] not in (None, "_") else tok["upos"]
        tags.append(tag or "")
        lemmas.append(tok["lemma"] if tok["lemma"] not in (None, "_") else tok["form"])
        head = tok["head"]
        is_root = head in (None, 0) or head not in index
        heads.append(i if is_root else index[head])
        dep = tok["deprel"] or "dep"
        deps.append("ROOT" if is_root or dep == "root" else dep)
    return Sentence(tuple(words), tuple(tags), tuple(lemmas), tuple(heads), tuple(deps))


def parse_conllu(text: str) -> list[Sentence]:
    """Parse CoNLL-U ``text`` into a list of sentences, in file order."""
    return [_sentence_from_tokenlist(tl) for tl in conllu.parse(text) if len(tl)]


def read_conllu(path: str | Path) -> list[Sentence]:
    """Read the CoNLL-U file at ``path`` (UTF-8) into a list of sentences."""
    return parse_conllu(Path(path).read_text(encoding="utf-8"))


def read_doc_ids(path: str | Path) -> list[str]:
    """Read a one-id-per-line side file (e.g. ``dev_per_sentence.pmids``)."""
    return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()]


def unescape_ptb(word: str) -> str:
    """Undo Penn Treebank escaping in a word form: ``-LSB-Ca2+-RSB-i`` → ``[Ca2+]i``."""
    if word in PTB_QUOTES:
        return PTB_QUOTES[word]
    for escaped, bracket in PTB_BRACKETS.items():
        word = word.replace(escaped, bracket)
    return word


def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Guess ``Doc.spaces`` for ``words``: ``True`` where a token is followed by whitespace.

    Closing punctuation attaches to the left, opening brackets to the right; everything
    else is separated by one space. The last token gets no trailing space.
    """
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word in NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and word in NO_SPACE_BEFORE:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def group_sentences(sentences: Sequence[Sentence], doc_ids: Sequence[str]) -> list[list[Sentence]]:
    """Group runs of consecutive sentences that share a document id.

    Raises ``ValueError`` when the two sequences differ in length.
    """
    if len(sentences) != len(doc_ids):
        raise ValueError(f"{len(sentences)} sentences but {len(doc_ids)} document ids")
    groups: list[list[Sentence]] = []
    previous: str | None = None
    for sentence, doc_id in zip(sentences, doc_ids, strict=True):
        if not groups or doc_id != previous:
            groups.append([])
        groups[-1].append(sentence)
        previous = doc_id
    return groups


def sentences_to_doc(vocab: Vocab, sentences: Sequence[Sentence]) -> Doc:
    """Build one annotated ``Doc`` from one or more sentences.

    Sentence boundaries follow from the dependency trees (one root per sentence). Whitespace
    comes from ``Sentence.spaces`` or is guessed with :func:`guess_spaces`, then PTB escapes
    are undone (:func:`unescape_ptb`).
    """
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for n, sentence in enumerate(sentences):
        offset = len(words)
        sent_spaces = list(sentence.spaces) if sentence.spaces is not None else guess_spaces(sentence.words)
        if n < len(sentences) - 1 and sent_spaces:
            sent_spaces[-1] = True
        words.extend(unescape_ptb(word) for word in sentence.words)
        spaces.extend(sent_spaces)
        tags.extend(sentence.tags)
        lemmas.extend(unescape_ptb(lemma) for lemma in sentence.lemmas)
        heads.extend(offset + h for h in sentence.heads)
        deps.extend(sentence.deps)
    return Doc(vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas, heads=heads, deps=deps)


def iter_docs(
    vocab: Vocab, sentences: Sequence[Sentence], doc_ids: Sequence[str] | None = None
) -> Iterator[Doc]:
    """Yield one ``Doc`` per document (when ``doc_ids`` is given) or per sentence."""
    if doc_ids is None:
        groups = [[sentence] for sentence in sentences]
    else:
        groups = group_sentences(sentences, doc_ids)
    for group in groups:
        yield sentences_to_doc(vocab, group)


def split_heldout(docs: Sequence[T], every: int = 10) -> tuple[list[T], list[T]]:
    """Deterministically split ``docs`` into ``(train, heldout)``.

    Every ``every``-th doc (indices ``every-1``, ``2*every-1``, …) goes to the held-out part.
    """
    if every < 2:
        raise ValueError("every must be >= 2")
    train = [doc for i, doc in enumerate(docs) if i % every != every - 1]
    heldout = [doc for i, doc in enumerate(docs) if i % every == every - 1]
    return train, heldout


def write_docbin(docs: Iterable[Doc], path: str | Path) -> int:
    """Serialize ``docs`` to a ``.spacy`` DocBin at ``path``; return the number of docs."""
    docbin = DocBin(store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def gold_token_doc(vocab: Vocab, gold: Doc) -> Doc:
    """An unannotated copy of ``gold`` with its own tokens, for scoring on gold tokenization
    (as the shared tasks and scispaCy's published figures do) rather than on a tokenizer's."""
    return Doc(vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])


def read_docbin(vocab: Vocab, path: str | Path) -> list[Doc]:
    """Load the docs of the ``.spacy`` DocBin at ``path`` into ``vocab``."""
    return list(DocBin().from_disk(path).get_docs(vocab))
