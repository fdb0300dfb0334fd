"""Convert CRAFT's dependency trees (ClearNLP-style labels) to the GENIA UD v1 scheme.

CRAFT (``structural-annotation/dependency/conllu/*.conllu``) annotates full-text articles with
ClearNLP / Stanford-basic-like dependencies: prepositions head their objects (``prep`` →
``pobj``), copulas head their predicates (``attr``, ``acomp``), and the label set has ``nmod``
(a nominal modifier, *not* UD's ``nmod``), ``npadvmod``, ``quantmod``, ``meta``, ``relcl``,
``oprd``, ``agent``, ``dative``, ``prt`` … GENIA UD (``/work/shared/corpora/genia-ud``, made with
the Stanford UD v1 converter) uses UD v1 structures. :func:`convert_sentence` rewrites one
CRAFT sentence into that scheme:

* **Prepositions** (``prep``, ``agent``): the object (``pobj``, or a ``pcomp``) takes the
  preposition's place in the tree, the preposition becomes its ``case`` dependent. A nominal
  object is labelled ``nmod``; a verbal ``pcomp`` (``by activating X``) becomes ``advcl``
  (``acl`` under a noun) and the preposition its ``mark``. Two-word prepositions (``due``
  with a childless ``pcomp`` ``to`` and a ``pobj`` ``X``, or a chain ``because → of → X``)
  become ``X`` with ``case`` ``due`` and ``mwe`` ``to`` under ``due``. A coordinated
  preposition (``in X and in Y``) passes its ``conj`` label to its object. Dependents of a
  preposition other than its object move to the object. ``in vivo``/``in vitro``: ``in``
  becomes a ``compound`` of the Latin word, which is labelled ``advmod`` (GENIA's usual
  analysis). A preposition without an object is labelled ``advmod``.
* **Copulas**: ``be`` with an ``acomp`` or ``attr`` (and no expletive ``there``) is inverted, as
  GENIA does: the predicate takes the verb's head and label, the verb becomes ``cop``, and all
  other dependents of the verb move to the predicate. With an expletive, the ``attr`` becomes
  the ``nsubj`` (``There was no difference``: ``was`` stays the head, as in GENIA). ``acomp``,
  ``attr`` and ``oprd`` of other verbs become ``xcomp``. Prepositional and clausal predicates of
  ``be`` keep ``be`` as the head, as in GENIA.
* **Relabelling** (:data:`LABEL_MAP`): ``nn``/``compound`` → ``compound``, ``possessive``/``case``
  → ``case``, ``poss`` → ``nmod:poss``, ``relcl``/``rcmod`` → ``acl:relcl``,
  ``partmod``/``infmod`` → ``acl``, ``npadvmod`` → ``nmod:npmod``, ``tmod`` → ``nmod:tmod``,
  ``prt`` → ``compound:prt``, ``preconj`` → ``cc:preconj``, ``predet`` → ``det:predet``,
  ``dative`` → ``iobj``, ``meta``/``intj`` → ``dep``; a relative ``that``/``which`` labelled
  ``dep`` becomes the clause's ``nsubj`` (``nsubjpass``, or ``dobj`` when the clause has a
  subject); a bracketed nominal ``parataxis`` (``( 10,000 g )``, ``[ 40 ]``) becomes ``appos``
  under a noun and ``dep`` elsewhere; CRAFT's ``nmod`` becomes ``amod`` on
  adjectives and ``compound`` otherwise; ``quantmod`` becomes ``compound`` on numbers and
  ``advmod`` otherwise; infinitival ``to`` (``aux`` on a ``TO`` token) becomes ``mark``.
  Any label GENIA never uses that is still left becomes ``dep`` and is counted.
* **Coordination and brackets**: chained conjuncts (``A , B , and C`` with ``C`` under ``B``)
  and the ``cc``/commas between them are attached to the first conjunct
  (:func:`flatten_coordination`), and both brackets of a pair are attached to the head of what
  they enclose (:func:`attach_brackets`), as in GENIA. Either step is skipped for a sentence
  when it would make the tree invalid.
* **Tags**: CRAFT tags prepositional ``to`` as ``IN`` (GENIA: always ``TO``), and uses ``HYPH``,
  ``SYM``, ``AFX``, ``NFP`` and ``UH``, which GENIA never does; they are mapped to GENIA's tags
  (:func:`genia_tag`).
* **Tokenization**: CRAFT splits hyphens and slashes (``wild - type``), GENIA and the runtime
  scispaCy tokenizer do not. :func:`merge_to_tokenizer` merges the gold tokens that fall inside
  one tokenizer token when they form a subtree with a single head outside it; the merged token
  keeps that head token's label and tag, except that a hyphenated pre-modifier becomes
  ``JJ``/``amod`` (GENIA's usual analysis of ``colony-stimulating factor``).

Sentences that do not yield one projective tree with a single root are dropped and counted.
"""

from __future__ import annotations

import glob
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import conllu

from pipeline.train.conllu import Sentence

#: Labels of GENIA UD v1 (dev + future_use), with spaCy's ``ROOT`` for ``root``.
GENIA_LABELS: frozenset[str] = frozenset(
    [
        "ROOT",
        "acl",
        "acl:relcl",
        "advcl",
        "advmod",
        "amod",
        "appos",
        "aux",
        "auxpass",
        "case",
        "cc",
        "cc:preconj",
        "ccomp",
        "compound",
        "compound:prt",
        "conj",
        "cop",
        "csubj",
        "csubjpass",
        "dep",
        "det",
        "det:predet",
        "dobj",
        "expl",
        "iobj",
        "mark",
        "mwe",
        "neg",
        "nmod",
        "nmod:npmod",
        "nmod:poss",
        "nmod:tmod",
        "nsubj",
        "nsubjpass",
        "nummod",
        "parataxis",
        "punct",
        "xcomp",
    ]
)
#: Penn Treebank tags GENIA uses.
GENIA_TAGS: frozenset[str] = frozenset(
    [
        "''",
        ",",
        "-LRB-",
        "-RRB-",
        ".",
        ":",
        "CC",
        "CD",
        "DT",
        "EX",
        "FW",
        "IN",
        "JJ",
        "JJR",
        "JJS",
        "LS",
        "MD",
        "NN",
        "NNP",
        "NNPS",
        "NNS",
        "PDT",
        "POS",
        "PRP",
        "PRP$",
        "RB",
        "RBR",
        "RBS",
        "RP",
        "TO",
        "VB",
        "VBD",
        "VBG",
        "VBN",
        "VBP",
        "VBZ",
        "WDT",
        "WP",
        "WP$",
        "WRB",
        "``",
    ]
)
#: Plain relabelling of CRAFT labels (structural changes are handled separately).
LABEL_MAP: dict[str, str] = {
    "root": "ROOT",
    "nn": "compound",
    "possessive": "case",
    "poss": "nmod:poss",
    "relcl": "acl:relcl",
    "rcmod": "acl:relcl",
    "partmod": "acl",
    "infmod": "acl",
    "vmod": "acl",
    "npadvmod": "nmod:npmod",
    "tmod": "nmod:tmod",
    "prt": "compound:prt",
    "preconj": "cc:preconj",
    "predet": "det:predet",
    "dative": "iobj",
    "meta": "dep",
    "intj": "dep",
    "discourse": "dep",
    "oprd": "xcomp",
    "num": "nummod",
    "number": "compound",
}
PREP_LABELS: frozenset[str] = frozenset({"prep", "agent"})
OBJECT_LABELS: frozenset[str] = frozenset({"pobj", "pcomp"})
BE_FORMS: frozenset[str] = frozenset(
    {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"}
)
LATIN_ADVERBIALS: frozenset[str] = frozenset({"vivo", "vitro", "situ", "silico", "utero", "ovo", "vacuo"})
CLAUSAL_HEAD_TAGS = ("VB", "JJ", "RB", "MD")
NOMINAL_TAGS = ("NN", "PRP", "CD", "FW", "WP", "DT", "EX", "SYM", "LS")


@dataclass
class Tree:
    """A mutable sentence: ``heads`` are 0-based token indices, ``-1`` for the root."""

    words: list[str]
    tags: list[str]
    lemmas: list[str]
    heads: list[int]
    deps: list[str]
    spaces: list[bool]

    def __len__(self) -> int:
        return len(self.words)

    def children(self, i: int) -> list[int]:
        """Indices of the dependents of token ``i``, left to right."""
        return [j for j, h in enumerate(self.heads) if h == i]

    def to_sentence(self) -> Sentence:
        """Freeze into a :class:`~pipeline.train.conllu.Sentence` (root points at itself)."""
        heads = tuple(i if h < 0 else h for i, h in enumerate(self.heads))
        return Sentence(
            tuple(self.words),
            tuple(self.tags),
            tuple(self.lemmas),
            heads,
            tuple(self.deps),
            tuple(self.spaces),
        )


@dataclass
class Stats:
    """Counts collected while converting: labels before/after, fallbacks, dropped sentences."""

    sentences: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    fallback: Counter[str] = field(default_factory=Counter)
    labels_before: Counter[str] = field(default_factory=Counter)
    labels_after: Counter[str] = field(default_factory=Counter)
    merged_tokens: int = 0
    unmerged_spans: int = 0


class ConversionError(ValueError):
    """Raised when a sentence cannot be turned into one valid projective tree."""


def tree_from_tokenlist(tokens: conllu.TokenList) -> Tree:
    """Build a :class:`Tree` from a parsed CoNLL-U sentence (multi-word ranges are skipped)."""
    rows = [tok for tok in tokens if isinstance(tok["id"], int)]
    index = {tok["id"]: i for i, tok in enumerate(rows)}
    tree = Tree([], [], [], [], [], [])
    for tok in rows:
        tree.words.append(tok["form"])
        tree.tags.append(tok["xpos"] if tok["xpos"] not in (None, "_") else (tok["upos"] or ""))
        tree.lemmas.append(tok["lemma"] if tok["lemma"] not in (None, "_") else tok["form"])
        head = tok["head"]
        tree.heads.append(index[head] if head not in (None, 0) and head in index else -1)
        tree.deps.append(tok["deprel"] or "dep")
        misc = tok["misc"] or {}
        tree.spaces.append(misc.get("SpaceAfter") != "No")
    if tree.spaces:
        tree.spaces[-1] = False
    return tree


def _is_verbal(tag: str) -> bool:
    return tag.startswith(("VB", "MD"))


def _is_be(tree: Tree, i: int) -> bool:
    return tree.tags[i].startswith("VB") and (
        tree.lemmas[i].lower() == "be" or tree.words[i].lower() in BE_FORMS
    )


def _prep_object(tree: Tree, i: int) -> int | None:
    """The object of preposition ``i``: its first ``pobj``, else its first ``pcomp``."""
    kids = tree.children(i)
    for label in ("pobj", "pcomp"):
        for j in kids:
            if tree.deps[j] == label:
                return j
    return None


def convert_prepositions(tree: Tree) -> Tree:
    """Make prepositions ``case``/``mark`` dependents of their objects (see module docstring)."""
    n = len(tree)
    old_heads, old_deps = list(tree.heads), list(tree.deps)
    # A "prep-like" token: labelled prep/agent, or a pcomp that is itself a preposition with
    # an object (the "to" of "due to X"), or a conj of a prep-like token.
    obj: dict[int, int] = {}
    for i in range(n):
        o = _prep_object(tree, i)
        if o is None:
            continue
        is_prep = old_deps[i] in PREP_LABELS or tree.tags[i] in ("IN", "TO")
        if old_deps[i] == "conj" and old_heads[i] in obj:
            is_prep = True
        if is_prep:
            obj[i] = o

    def final_object(i: int) -> int:
        seen = set()
        while i in obj and i not in seen:
            seen.add(i)
            i = obj[i]
        return i

    def top_of_chain(i: int) -> int:
        """Climb from preposition ``i`` while it is the pcomp-object of another preposition."""
        while old_deps[i] == "pcomp" and old_heads[i] in obj and obj[old_heads[i]] == i:
            i = old_heads[i]
        return i

    def promote(i: int) -> int:
        """The token that stands where ``i`` stood once prepositions are demoted."""
        return final_object(i) if i in obj else i

    new_heads, new_deps = list(old_heads), list(old_deps)
    objects = {final_object(p): p for p in obj if p == top_of_chain(p)}
    for i in range(n):
        if i in obj:  # a preposition with an object
            top = top_of_chain(i)
            target = final_object(top)
            new_heads[i] = target
            if i == top:
                new_deps[i] = "mark" if _is_verbal(tree.tags[target]) else "case"
                if tree.words[target].lower() in LATIN_ADVERBIALS:
                    new_deps[i] = "compound"
            else:
                new_heads[i] = top
                new_deps[i] = "mwe"
        elif i in objects:  # the final object of a top-level preposition
            top = objects[i]
            head = old_heads[top]
            new_heads[i] = -1 if head < 0 else promote(head)
            label = old_deps[top]
            if label in PREP_LABELS or label in OBJECT_LABELS:
                if tree.words[i].lower() in LATIN_ADVERBIALS:
                    label = "advmod"
                elif _is_verbal(tree.tags[i]):
                    head_tag = tree.tags[new_heads[i]] if new_heads[i] >= 0 else "VB"
                    label = "advcl" if head_tag.startswith(CLAUSAL_HEAD_TAGS) else "acl"
                else:
                    label = "nmod"
            new_deps[i] = label
        else:
            head = old_heads[i]
            new_heads[i] = -1 if head < 0 else promote(head)
            if old_deps[i] in PREP_LABELS:  # a preposition without an object
                new_deps[i] = "advmod"
            elif old_deps[i] == "pcomp" and head in obj and not tree.children(i):
                # the second word of a two-word preposition whose head has its own pobj
                # ("due" -pcomp-> "to", "due" -pobj-> X): mwe of the first word
                new_heads[i], new_deps[i] = head, "mwe"
            elif old_deps[i] in OBJECT_LABELS and head >= 0 and head not in obj:
                # an object whose head is not a preposition (e.g. pobj of a verb)
                new_deps[i] = "nmod" if not _is_verbal(tree.tags[i]) else "xcomp"
    tree.heads, tree.deps = new_heads, new_deps
    return tree


def convert_copulas(tree: Tree) -> Tree:
    """Invert ``be`` + ``acomp``/``attr`` into predicate + ``cop``; see the module docstring."""
    n = len(tree)
    old_heads, old_deps = list(tree.heads), list(tree.deps)
    flipped: dict[int, int] = {}
    new_deps = list(old_deps)
    for i in range(n):
        kids = tree.children(i)
        preds = [j for j in kids if old_deps[j] in ("acomp", "attr")]
        if not preds:
            continue
        if _is_be(tree, i) and not any(old_deps[j] == "expl" for j in kids):
            flipped[i] = preds[0]
            for j in preds[1:]:
                new_deps[j] = "xcomp"
        else:
            for j in preds:
                new_deps[j] = "nsubj" if _is_be(tree, i) and old_deps[j] == "attr" else "xcomp"

    def promote(i: int) -> int:
        seen = set()
        while i in flipped and i not in seen:
            seen.add(i)
            i = flipped[i]
        return i

    predicates = {p: b for b, p in flipped.items()}
    new_heads = list(old_heads)
    for i in range(n):
        if i in flipped:
            new_heads[i] = flipped[i]
            new_deps[i] = "cop"
        elif i in predicates:
            verb = predicates[i]
            head = old_heads[verb]
            new_heads[i] = -1 if head < 0 else promote(head)
            new_deps[i] = old_deps[verb]
        else:
            head = old_heads[i]
            new_heads[i] = -1 if head < 0 else promote(head)
    tree.heads, tree.deps = new_heads, new_deps
    return tree


def genia_tag(word: str, tag: str) -> str:
    """Map a CRAFT tag onto GENIA's PTB tag set (``to``/IN → TO, HYPH/SYM/AFX/NFP/UH)."""
    if word.lower() == "to" and tag == "IN":
        return "TO"
    if tag in GENIA_TAGS:
        return tag
    if tag in ("HYPH", "NFP"):
        return ":"
    if tag == "SYM":
        if word == "%":
            return "NN"
        if word in ("+", "±", "+/-", "&"):
            return "CC"
        if word in ("=", "<", ">", "~", "≤", "≥", "≈"):
            return "JJ"
        return "NN"
    if tag == "AFX":
        return "JJ"
    if tag == "UH":
        return "RB"
    if tag in ("$", "#"):
        return "NN"
    return "NN"


def _relativizer_label(tree: Tree, i: int, deps: Sequence[str]) -> str:
    """GENIA's label for a relative ``that``/``which`` that CRAFT labels ``dep``.

    The subject of the relative clause (``nsubjpass`` when the verb has an ``auxpass``) unless
    the clause already has a subject, then its object.
    """
    siblings = [deps[j] for j in tree.children(tree.heads[i]) if j != i]
    if any(d in ("nsubj", "nsubjpass", "csubj", "expl") for d in siblings):
        return "dobj"
    return "nsubjpass" if "auxpass" in siblings else "nsubj"


def _is_bracketed_nominal(tree: Tree, i: int) -> bool:
    """Whether token ``i`` is a noun or number with an opening bracket among its dependents."""
    nominal = tree.tags[i].startswith(("NN", "CD", "FW", "LS"))
    return nominal and any(tree.words[j] in ("(", "[") for j in tree.children(i))


def relabel(tree: Tree, stats: Stats | None = None) -> Tree:
    """Apply :data:`LABEL_MAP` and the tag/label-dependent rules; unknown labels → ``dep``."""
    old_deps = list(tree.deps)
    for i, dep in enumerate(old_deps):
        tag = tree.tags[i]
        head = tree.heads[i]
        if head < 0:
            label = "ROOT"
        elif dep == "dep" and tag in ("WDT", "WP") and old_deps[head] in ("relcl", "rcmod"):
            label = _relativizer_label(tree, i, old_deps)
        elif dep == "parataxis" and _is_bracketed_nominal(tree, i):
            label = "appos" if tree.tags[head].startswith(("NN", "CD", "FW", "PRP")) else "dep"
        elif dep == "quantmod":
            label = "compound" if tag == "CD" else "advmod"
        elif dep == "aux" and (tag == "TO" or tree.words[i].lower() == "to"):
            label = "mark"
        else:
            label = LABEL_MAP.get(dep, dep)
        if label not in GENIA_LABELS or (label == "ROOT" and tree.heads[i] >= 0):
            if stats is not None:
                stats.fallback[label] += 1
            label = "dep"
        tree.deps[i] = label
        tree.tags[i] = genia_tag(tree.words[i], tag)
    return tree


def flatten_coordination(tree: Tree) -> Tree:
    """Attach every conjunct, and the ``cc``/comma between conjuncts, to the first conjunct.

    CRAFT often chains conjuncts (``A , B , and C``: ``C`` a ``conj`` of ``B``); GENIA's UD v1
    attaches all of them, and the coordinators, to ``A``.
    """
    old_heads, deps = list(tree.heads), tree.deps

    def first_conjunct(i: int) -> int:
        seen = set()
        while deps[i] == "conj" and old_heads[i] >= 0 and i not in seen:
            seen.add(i)
            i = old_heads[i]
        return i

    new_heads = list(old_heads)
    for i, head in enumerate(old_heads):
        if deps[i] == "conj" and head >= 0 and deps[head] == "conj":
            new_heads[i] = first_conjunct(head)
    for i, head in enumerate(old_heads):
        if head < 0 or deps[head] != "conj" or i < head:
            continue
        is_coordinator = deps[i] == "cc" or (deps[i] == "punct" and tree.words[i] in (",", ";"))
        later_conjunct = any(
            deps[j] == "conj" and old_heads[j] == head and j > i for j in range(i + 1, len(tree))
        )
        if is_coordinator and later_conjunct:
            new_heads[i] = first_conjunct(head)
    tree.heads = new_heads
    return tree


def attach_brackets(tree: Tree) -> Tree:
    """Attach both brackets of a ``( … )`` or ``[ … ]`` pair to the head of what they enclose.

    GENIA always does; CRAFT sometimes hangs the closing bracket on the governing verb.
    """
    stack: list[int] = []
    for i, word in enumerate(tree.words):
        if word in ("(", "["):
            stack.append(i)
        elif word in (")", "]") and stack:
            start = stack.pop()
            inside = range(start + 1, i)
            tops = [j for j in inside if not (start <= tree.heads[j] <= i)]
            if len(tops) == 1:
                tree.heads[start] = tree.heads[i] = tops[0]
                tree.deps[start] = tree.deps[i] = "punct"
    return tree


def check_tree(tree: Tree) -> None:
    """Raise :class:`ConversionError` unless ``tree`` is one projective tree with one root."""
    n = len(tree)
    roots = [i for i, h in enumerate(tree.heads) if h < 0]
    if len(roots) != 1:
        raise ConversionError(f"{len(roots)} roots")
    for i in range(n):
        seen = set()
        j = i
        while tree.heads[j] >= 0:
            if j in seen:
                raise ConversionError("cycle")
            seen.add(j)
            j = tree.heads[j]
    arcs = [(min(i, h), max(i, h)) for i, h in enumerate(tree.heads) if h >= 0]
    for a, b in arcs:
        for c, d in arcs:
            if a < c < b < d:
                raise ConversionError("non-projective")


def convert_sentence(tree: Tree, stats: Stats | None = None) -> Tree:
    """Convert one CRAFT :class:`Tree` to the GENIA UD v1 scheme (in place; also returned).

    CRAFT's own ``nmod`` (a pre-modifier) is renamed before prepositions are converted so
    that it cannot be confused with the ``nmod`` made from ``pobj``.
    """
    if stats is not None:
        stats.labels_before.update(tree.deps)
    tree.deps = ["craft_nmod" if d == "nmod" else d for d in tree.deps]
    convert_prepositions(tree)
    convert_copulas(tree)
    tree.deps = [
        ("amod" if tree.tags[i].startswith("JJ") else "compound") if d == "craft_nmod" else d
        for i, d in enumerate(tree.deps)
    ]
    relabel(tree, stats)
    check_tree(tree)
    for normalize in (flatten_coordination, attach_brackets):
        before = (list(tree.heads), list(tree.deps))
        normalize(tree)
        try:
            check_tree(tree)
        except ConversionError:  # keep the tree as it was rather than drop the sentence
            tree.heads, tree.deps = before
    return tree


def merge_span(tree: Tree, start: int, end: int) -> bool:
    """Merge tokens ``start..end-1`` into one token if they form a single-headed subtree.

    Returns whether the span was merged.
    """
    inside = range(start, end)
    external = [i for i in inside if not (start <= tree.heads[i] < end)]
    if len(external) != 1:
        return False
    head_tok = external[0]
    word = "".join(tree.words[start:end])
    tag, dep, head = tree.tags[head_tok], tree.deps[head_tok], tree.heads[head_tok]
    if "-" in word and head > head_tok and dep in ("compound", "amod", "nmod:npmod", "nummod"):
        tag, dep = "JJ", "amod"
    lemma = word.lower()
    width = end - start - 1

    def remap(h: int) -> int:
        if h < 0:
            return h
        if h < start:
            return h
        if h < end:
            return start
        return h - width

    heads = [remap(h) for h in tree.heads]
    tree.words[start:end] = [word]
    tree.tags[start:end] = [tag]
    tree.lemmas[start:end] = [lemma]
    tree.deps[start:end] = [dep]
    tree.spaces[start:end] = [tree.spaces[end - 1]]
    heads[start:end] = [-1 if head < 0 else remap(head)]
    tree.heads = heads
    return True


def merge_to_tokenizer(
    tree: Tree, tokenize: Callable[[str], Sequence[tuple[int, int]]], stats: Stats | None = None
) -> Tree:
    """Merge gold tokens that the runtime tokenizer keeps as one token (``wild - type``).

    ``tokenize`` maps a text to ``(start_char, end_char)`` offsets of its tokens.
    """
    text, offsets = "", []
    for word, space in zip(tree.words, tree.spaces, strict=True):
        offsets.append((len(text), len(text) + len(word)))
        text += word + (" " if space else "")
    spans: list[tuple[int, int]] = []
    for start_char, end_char in tokenize(text):
        covered = [i for i, (a, b) in enumerate(offsets) if a >= start_char and b <= end_char]
        if len(covered) > 1 and offsets[covered[0]][0] == start_char and offsets[covered[-1]][1] == end_char:
            spans.append((covered[0], covered[-1] + 1))
    for start, end in reversed(spans):
        if merge_span(tree, start, end):
            if stats is not None:
                stats.merged_tokens += end - start
        elif stats is not None:
            stats.unmerged_spans += 1
    return tree


def craft_files(source: str | Path | Sequence[str | Path]) -> list[Path]:
    """The CRAFT ``*.conllu`` files of a directory (sorted), or the given list of files."""
    if isinstance(source, (str, Path)):
        return [Path(p) for p in sorted(glob.glob(str(Path(source) / "*.conllu")))]
    return [Path(p) for p in source]


def read_craft(
    source: str | Path | Sequence[str | Path],
    tokenize: Callable[[str], Sequence[tuple[int, int]]] | None = None,
    stats: Stats | None = None,
    convert: bool = True,
) -> Iterator[tuple[str, list[Sentence]]]:
    """Yield ``(paragraph_id, sentences)`` for every CRAFT paragraph, converted to GENIA UD.

    ``source`` is CRAFT's CoNLL-U directory (files read in sorted order) or a list of files.
    Sentences that fail :func:`check_tree` are dropped and counted in ``stats.dropped``. With
    ``convert=False`` only the tags and ``root`` are mapped (the unconverted baseline for
    fidelity checks).
    """
    stats = stats if stats is not None else Stats()
    for path in craft_files(source):
        paragraph: list[Sentence] = []
        par_id = ""
        for tokenlist in conllu.parse(Path(path).read_text(encoding="utf-8")):
            new_par = tokenlist.metadata.get("newpar id")
            if new_par is not None and paragraph:
                yield par_id, paragraph
                paragraph = []
            if new_par is not None:
                par_id = new_par
            tree = tree_from_tokenlist(tokenlist)
            if not len(tree):
                continue
            stats.sentences += 1
            try:
                if convert:
                    convert_sentence(tree, stats)
                else:
                    tree.deps = ["ROOT" if h < 0 else d for h, d in zip(tree.heads, tree.deps, strict=True)]
                    tree.tags = [genia_tag(w, t) for w, t in zip(tree.words, tree.tags, strict=True)]
                if tokenize is not None:
                    merge_to_tokenizer(tree, tokenize, stats)
                check_tree(tree)
            except ConversionError as error:
                stats.dropped[str(error)] += 1
                continue
            stats.kept += 1
            stats.labels_after.update(tree.deps)
            paragraph.append(tree.to_sentence())
        if paragraph:
            yield par_id, paragraph


def scispacy_offsets() -> Callable[[str], list[tuple[int, int]]]:
    """A ``tokenize`` function for :func:`merge_to_tokenizer` using scispaCy's tokenizer."""
    import spacy
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)

    def tokenize(text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(text)]

    return tokenize


def label_shares(counts: Counter[str]) -> dict[str, float]:
    """Normalize label counts to shares that sum to 1."""
    total = sum(counts.values())
    return {label: n / total for label, n in counts.items()} if total else {}


def total_variation(p: dict[str, float], q: dict[str, float]) -> float:
    """Total-variation distance between two label distributions (0 = same, 1 = disjoint)."""
    return 0.5 * sum(abs(p.get(k, 0.0) - q.get(k, 0.0)) for k in set(p) | set(q))


def arc_profile(sentences: Sequence[Sentence]) -> dict[str, float]:
    """Head direction and arc-length shares over all non-root, non-punct arcs."""
    left = total = length_sum = 0
    buckets: Counter[str] = Counter()
    for sentence in sentences:
        for i, (head, dep) in enumerate(zip(sentence.heads, sentence.deps, strict=True)):
            if head == i or dep == "punct":
                continue
            total += 1
            left += head < i
            length = abs(head - i)
            length_sum += length
            buckets["1" if length == 1 else "2" if length == 2 else "3-6" if length <= 6 else "7+"] += 1
    profile = {"head_left": left / total, "mean_arc_length": length_sum / total}
    profile.update({f"arc_len_{k}": v / total for k, v in sorted(buckets.items())})
    return profile


def fidelity_report(genia: Sequence[Sentence], craft_dir: str | Path, top: int = 20) -> dict[str, object]:
    """Label and arc statistics of GENIA vs CRAFT before and after conversion."""
    before_stats, after_stats = Stats(), Stats()
    raw = [s for _, par in read_craft(craft_dir, None, before_stats, convert=False) for s in par]
    converted = [s for _, par in read_craft(craft_dir, scispacy_offsets(), after_stats) for s in par]
    genia_counts = Counter(dep for s in genia for dep in s.deps)
    raw_counts = Counter(dep for s in raw for dep in s.deps)
    conv_counts = Counter(dep for s in converted for dep in s.deps)
    g, r, c = label_shares(genia_counts), label_shares(raw_counts), label_shares(conv_counts)
    labels = sorted(set(g) | set(c) | set(r), key=lambda k: -(g.get(k, 0) + c.get(k, 0)))[:top]
    outside = sum(n for label, n in conv_counts.items() if label not in GENIA_LABELS)
    return {
        "sentences": {
            "genia": len(genia),
            "craft_kept": after_stats.kept,
            "craft_total": after_stats.sentences,
        },
        "dropped": dict(after_stats.dropped),
        "fallback_to_dep": dict(after_stats.fallback),
        "merged_gold_tokens": after_stats.merged_tokens,
        "tokens": {"genia": sum(genia_counts.values()), "craft_raw": sum(raw_counts.values())}
        | {"craft_converted": sum(conv_counts.values())},
        "tvd_before": round(total_variation(g, r), 4),
        "tvd_after": round(total_variation(g, c), 4),
        "share_labels_not_in_genia_after": outside / max(1, sum(conv_counts.values())),
        "share_labels_not_in_genia_before": sum(n for k, n in raw_counts.items() if k not in GENIA_LABELS)
        / max(1, sum(raw_counts.values())),
        "top_labels_pct": {
            label: [
                round(100 * g.get(label, 0), 2),
                round(100 * r.get(label, 0), 2),
                round(100 * c.get(label, 0), 2),
            ]
            for label in labels
        },
        "arcs": {
            "genia": arc_profile(genia),
            "craft_raw": arc_profile(raw),
            "craft_converted": arc_profile(converted),
        },
    }


def parser_fidelity(
    model: str | Path, craft_dir: str | Path, n_files: int = 10
) -> dict[str, dict[str, float]]:
    """UAS/LAS of a spaCy ``model`` on the first ``n_files`` CRAFT articles, scored against the
    converted and against the unconverted trees (gold tokens, one ``Doc`` per sentence).
    """
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    nlp = spacy.load(model)
    files = craft_files(craft_dir)[:n_files]
    scores: dict[str, dict[str, float]] = {}
    for name, convert in (("converted", True), ("unconverted", False)):
        examples = []
        for _, paragraph in read_craft(files, convert=convert):
            for s in paragraph:
                words, spaces = list(s.words), list(s.spaces) if s.spaces is not None else None
                gold = Doc(nlp.vocab, words=words, spaces=spaces, heads=list(s.heads), deps=list(s.deps))
                examples.append(Example(Doc(nlp.vocab, words=words, spaces=spaces), gold))
        result = nlp.evaluate(examples)
        scores[name] = {"uas": round(100 * result["dep_uas"], 2), "las": round(100 * result["dep_las"], 2)}
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    """Print the fidelity report (and, with ``--parser``, parser UAS/LAS) as JSON."""
    import argparse
    import json

    from pipeline.train.conllu import read_conllu

    parser = argparse.ArgumentParser(description="CRAFT -> GENIA UD v1 conversion fidelity")
    parser.add_argument("--data", type=Path, required=True, help="corpora dir (holds genia-ud/ and craft/)")
    parser.add_argument("--parser", type=Path, default=None, help="spaCy model to score on CRAFT")
    parser.add_argument("--files", type=int, default=10, help="CRAFT articles for --parser")
    args = parser.parse_args(argv)
    craft_dir = args.data / "craft" / "structural-annotation" / "dependency" / "conllu"
    genia = [
        s for split in ("dev", "future_use") for s in read_conllu(args.data / "genia-ud" / f"{split}.conllu")
    ]
    report: dict[str, object] = fidelity_report(genia, craft_dir)
    if args.parser is not None:
        report["parser"] = parser_fidelity(args.parser, craft_dir, args.files)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
