"""A thin layer over the dependency parse, so that rules read as linguistics.

The rules ask "what are the prepositional objects of this token, with their preposition?",
"is this verb passive?", "what is the path between these two tokens?". The answers are
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
NOMINAL_MODIFIERS = {"nmod", "obl", "pobj", "nmod:agent", "obl:agent", "nmod:poss", "nmod:npmod"}
CLAUSAL_COMPLEMENTS = {"xcomp", "ccomp"}
NOUN_MODIFIERS = {"amod", "compound", "nn", "nmod:npmod"}
NEGATIONS = {"not", "no", "never", "n't", "neither", "nor", "without"}


def is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in {"VERB", "AUX"}


def is_noun(token: Token) -> bool:
    return token.tag_.startswith("NN") or token.pos_ in {"NOUN", "PROPN"}


def preposition(token: Token) -> str:
    """The preposition introducing ``token`` ("of" for the object in "effect of X")."""
    for child in token.children:
        if child.dep_ == "case" and child.tag_ in {"IN", "TO", "ADP"} | {""}:
            return child.lower_
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.lower_
    return ""


def prepositional_objects(token: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to ``token``, for both label schemes."""
    pairs = []
    for child in token.children:
        if child.dep_ in NOMINAL_MODIFIERS and child.dep_ != "pobj":
            pairs.append((preposition(child), child))
        elif child.dep_ == "prep":
            pairs.extend((child.lower_, obj) for obj in child.children if obj.dep_ == "pobj")
    return pairs


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


def conjunct_head(token: Token) -> Token:
    """The first conjunct of a coordination ("T and NK cells": NK → T's head chain)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_negated(token: Token) -> bool:
    """A negation word attached to ``token`` or to the auxiliary/copula chain above it."""
    return any(child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ in
               {"neg", "advmod", "det", "case", "mark", "cc:preconj"})
               for child in token.children)


def governing_predicate(token: Token, max_steps: int = 4) -> Token | None:
    """The nearest verb above ``token`` (the predicate of the clause it belongs to)."""
    current = token
    for _ in range(max_steps):
        if current.head.i == current.i:
            return current if is_verb(current) else None
        current = current.head
        if is_verb(current):
            return current
    return None


def clause_complements(verb: Token, depth: int = 2) -> list[Token]:
    """Verbs reached by xcomp/ccomp from ``verb`` ("is required to enhance", "failed to induce")."""
    found, frontier = [], [verb]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in CLAUSAL_COMPLEMENTS]
        found.extend(frontier)
    return found
