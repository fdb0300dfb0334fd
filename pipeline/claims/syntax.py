"""A thin layer over the dependency parse, so that rules read as linguistics.

The rules ask "which preposition introduces this token?", "what is the path between these
two tokens?", "which clauses does this verb control?". The answers are
written here once for the UD v1 label scheme used by GENIA and scispaCy's ``en_core_sci_*``
models (prepositions are ``case`` dependents of their ``nmod`` object), with the
Stanford/ClearNLP names (``prep``/``pobj``) accepted too, so the rules work with either parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "nsubj:pass"}
OBJECTS = {"dobj", "obj", "iobj"}
PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass", "csubjpass"}
CLAUSAL_COMPLEMENTS = {"xcomp", "ccomp"}


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in {"VERB", "AUX"}


def lemma(token: Token) -> str:
    """The token's lemma, lower-cased; its text when the pipeline set none."""
    return (token.lemma_ or token.lower_).lower()


def is_noun(token: Token) -> bool:
    return token.tag_.startswith("NN") or token.pos_ in {"NOUN", "PROPN"}


def preposition(token: Token) -> str:
    """The preposition introducing ``token`` ("of" for the object in "effect of X"); a
    multiword one flattened onto the token ("*in response to* X", all its words the token's
    dependents) is returned whole, so it is not read as its first word."""
    for child in token.children:
        if child.dep_ == "case" and child.tag_ in {"IN", "TO", "ADP"} | {""}:
            return _multiword_preposition(token, child) or child.lower_
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.lower_
    return ""


def _multiword_preposition(token: Token, first: Token) -> str:
    """'in response to' when ``first`` ("in") opens a run of the token's dependents that
    ends in a second preposition before the token."""
    words = [first]
    for k in range(first.i + 1, token.i):
        child = token.doc[k]
        if child.head.i != token.i or child.dep_ not in {"dep", "mwe", "case", "compound"}:
            break
        words.append(child)
        if child.dep_ == "case" and child.tag_ in {"IN", "TO"}:
            # a noun between, not two prepositions in a row ("than *on* Y")
            return " ".join(w.lower_ for w in words) if len(words) > 2 else ""
    return ""


def ancestors_to(token: Token, stop: Token | None = None) -> list[Token]:
    """Heads from ``token`` (excluded) up to ``stop`` (included) or the root."""
    chain = []
    current = token
    while current.head.i != current.i:
        current = current.head
        chain.append(current)
        if stop is not None and current.i == stop.i:
            break
    return chain


@dataclass
class DependencyPath:
    """The path between two tokens: up from ``a`` to the common head, down to ``b``."""

    a: Token
    b: Token
    up_from_a: list[Token]
    up_from_b: list[Token]
    top: Token

    @property
    def length(self) -> int:
        return len(self.up_from_a) + len(self.up_from_b)

    def tokens(self) -> list[Token]:
        return [self.a, *self.up_from_a, *self.up_from_b, self.b]


def dependency_path(a: Token, b: Token) -> DependencyPath | None:
    """The shortest tree path between ``a`` and ``b`` (None across sentences)."""
    if a.sent.start != b.sent.start:
        return None
    a_chain = [a, *ancestors_to(a)]
    a_index = {t.i: k for k, t in enumerate(a_chain)}
    b_chain = [b, *ancestors_to(b)]
    for k, token in enumerate(b_chain):
        if token.i in a_index:
            top_a = a_index[token.i]
            return DependencyPath(a, b, a_chain[1:top_a + 1], b_chain[1:k + 1], token)
    return None


def clause_complements(verb: Token, depth: int = 2) -> list[Token]:
    """Verbs reached by xcomp/ccomp from ``verb`` ("is required to enhance", "failed to induce")."""
    found, frontier = [], [verb]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in CLAUSAL_COMPLEMENTS]
        found.extend(frontier)
    return found
