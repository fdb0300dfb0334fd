"""The trigger lexicon: which words state an effect, and in which direction.

The words live in ``data/triggers.json``; this module reads them and matches inflected
forms ("enhances", "enhanced", "enhancing" → "enhance") without needing a lemmatizer, so
the rules work the same with any parser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.claims.syntax import lemma, preposition

TRIGGERS_PATH = Path(__file__).parent / "data" / "triggers.json"
# "ES cells were *maintained* on plates ... in ES cell medium": where cells are kept in culture
CULTURE_PLACES = frozenset({"medium", "media", "plate", "plates", "dish", "dishes", "flask",
                            "flasks", "atmosphere", "incubator", "culture", "cultures",
                            "co2", "degrees", "°c"})
DIRECTIONS = ("increase", "decrease", "no_change", "unclear")
_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ly")


@dataclass(frozen=True)
class TriggerLexicon:
    direction_of_word: dict[str, str]
    treatment_words: frozenset[str]
    drug_reference_words: frozenset[str]
    killing_effects: frozenset[str]
    negative_states: frozenset[str]
    reversing_triggers: frozenset[str]
    hedge_cues: tuple[str, ...]
    no_change_phrases: tuple[str, ...]
    effect_nouns: frozenset[str] = frozenset()
    effect_modifiers: dict[str, str] | None = None
    effect_heads: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()
    # Triggers only as verbs: "X *resulted* in apoptosis", not "the *results* show"
    verb_triggers: dict[str, str] | None = None
    # Triggers only as predicates: "X was *cytotoxic* to Y cells", not "NK cell *cytotoxic*
    # activity" (the killing the cells do)
    predicate_triggers: dict[str, str] | None = None

    def base_forms(self, word: str) -> list[str]:
        """``word`` and the stems its inflections may come from."""
        word = word.lower()
        forms = [word]
        for suffix in _SUFFIXES[1:]:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: len(word) - len(suffix)]
                forms += [stem, stem + "e"]
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    forms.append(stem[:-1])
        return forms

    def direction(self, word: str) -> str | None:
        """The direction a trigger word states, or None when it is not a trigger."""
        for form in self.base_forms(word):
            if form in self.direction_of_word:
                return self.direction_of_word[form]
        return None

    def token_direction(self, token: Token) -> str | None:
        """The direction a token states. Nouns naming an effect ("killing", "apoptosis")
        are what changes, not a change, so they are never triggers."""
        if token.tag_.startswith("NN") and (token.lower_ in self.effect_nouns
                                             or token.lower_ in self.killing_effects):
            return None
        if token.dep_ == "amod" and token.lower_.endswith("limiting"):
            return None  # "the *limiting* element", "a rate-limiting step": a role, no change
        if token.lower_.startswith("regulat") and (
                particle := next((c.lower_ for c in token.children
                                  if c.lower_ in SPLIT_REGULATION and c.i < token.i), None)):
            return SPLIT_REGULATION[particle]  # "the *down regulation* of c-fos"
        if lemma(token) == "maintain" and _keeps_in_culture(token):
            return None
        if token.lemma_ and token.lemma_.lower() in self.direction_of_word:
            return self.direction_of_word[token.lemma_.lower()]
        found = self.direction(token.text)
        if found is None and self.verb_triggers and token.tag_.startswith("VB"):
            found = self.verb_triggers.get(lemma(token))
        if found is None and self.predicate_triggers and (any(
                child.dep_ == "cop" or (child.dep_ == "case" and child.lower_ == "as")
                for child in token.children) or _in_apposition(token)):
            # "X was a potent *inhibitor* of E", "X, developed *as an inhibitor* of E", "X,
            # a potent *stimulator* of E", "two *stimulators* of E, X and Z"
            found = self.predicate_triggers.get(token.lower_)
        return found

    def modifier_direction(self, word: str) -> str | None:
        """Direction given to an effect noun by its adjective: "*cytotoxic* effects"."""
        return (self.effect_modifiers or {}).get(word.lower())

    def is_in(self, word: str, words: frozenset[str]) -> bool:
        return any(form in words for form in self.base_forms(word))


def _in_apposition(noun: Token) -> bool:
    """An agent noun set beside another as what it is, an apposition either way round, that
    names what it acts on ("a potent stimulator *of* E"; not "a PKC-specific inhibitor, X,
    or PKC-depleted T cells")."""
    return noun.tag_.startswith("NN") and (
        noun.dep_ == "appos" or any(child.dep_ == "appos" for child in noun.children)) and \
        any(child.dep_ == "nmod" and preposition(child) == "of" for child in noun.children)


# "down regulation", "up regulated": the direction written as a word of its own
SPLIT_REGULATION = {"down": "decrease", "up": "increase"}


@lru_cache(maxsize=4)
def load_triggers(path: Path = TRIGGERS_PATH) -> TriggerLexicon:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    direction_of_word = {}
    for direction in DIRECTIONS:
        for word in data[direction]:
            direction_of_word.setdefault(word.lower(), direction)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return TriggerLexicon(
        direction_of_word=direction_of_word,
        treatment_words=words("treatment_words"),
        drug_reference_words=words("drug_reference_words"),
        killing_effects=words("killing_effects"),
        negative_states=words("negative_states"),
        reversing_triggers=words("reversing_triggers"),
        hedge_cues=tuple(w.lower() for w in data.get("hedge_cues", [])),
        no_change_phrases=tuple(w.lower() for w in data.get("no_change_phrases", [])),
        effect_nouns=words("effect_nouns"),
        effect_modifiers={w.lower(): direction
                          for direction, ws in data.get("effect_modifiers", {}).items() for w in ws},
        effect_heads=words("effect_heads"),
        comparatives=words("comparatives"),
        verb_triggers=_by_word(data.get("verb_triggers", {})),
        predicate_triggers=_by_word(data.get("predicate_triggers", {})),
    )


def _by_word(words_by_direction: dict[str, list[str]]) -> dict[str, str]:
    return {w.lower(): direction for direction, ws in words_by_direction.items() for w in ws}


def _keeps_in_culture(verb: Token) -> bool:
    """'Y cells were *maintained* on gelatin-coated plates ... in ES cell medium': a culture
    method, not cells that kept a property ("DC *maintained* their capacity to ...")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.lower_ in CULTURE_PLACES and preposition(c) in {"in", "on", "at", "under"}
        for c in verb.children)
