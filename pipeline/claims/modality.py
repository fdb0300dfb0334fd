"""Negation and hedging: is the effect denied, and is the sentence asserting it?"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from pipeline.claims.lexicon import TriggerLexicon
from pipeline.claims.rules import FINDING_VERBS, is_aim_word, place_pronoun_of
from pipeline.claims.syntax import ancestors_to, is_noun, lemma

NEGATORS = {"not", "no", "never", "n't", "without", "neither", "nor", "nothing"}
REPORTING_VERBS = {"cause", "caused", "causes", "lead", "led", "leads", "result", "resulted",
                   "show", "showed", "shown", "have", "has", "had", "observe", "observed", "see",
                   "seen", "detect", "detected", "find", "found", "exert", "exerted", "exhibit",
                   "exhibited", "display", "displayed", "produce", "produced", "reveal", "revealed",
                   "document", "demonstrate", "note", "noted"}
FAILURE_VERBS = {"fail", "failed", "fails", "unable", "lack", "lacked", "lacks", "cannot"}
FAILURE_NOUNS = frozenset({"inability", "failure", "incapacity"})
# Verbs of how an effect comes about: denying them leaves the effect standing.
MECHANISM_VERBS = frozenset({"mediate", "require", "depend", "involve"})
# "induced comparable levels of T cell proliferation": the amount stated is the control's.
NO_DIFFERENCE = {"comparable", "similar", "equivalent", "identical", "unchanged", "unaltered"}


# Clauses that say when or where, not what: a denial above them does not reach into them.
ADVERBIAL_CLAUSES = frozenset({"advcl", "acl:relcl", "parataxis"})


def _contrasted_conjunct(token: Token) -> bool:
    """Whether ``token`` is a conjunct joined to its head by "but" ("does not block E but
    *inhibits* F"), which the head's denial does not reach."""
    return token.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ in {"but", "yet"} and token.head.i < c.i < token.i
        for c in [*token.head.children, *token.children])


def is_negated(trigger: Token, lexicon: TriggerLexicon, agent: Token | None = None) -> bool:
    """'did not affect', 'no effect on', 'failed to induce', 'without affecting'. A denial
    above an adverbial clause does not reach the ``agent`` inside it ("X did not inhibit E
    *when Y cells were stimulated with Z*": Z's stimulation stands)."""
    if trigger.lower_ in {"unaffected", "unchanged", "indistinguishable", "comparable",
                          "similar", "maintained"}:
        return True
    if any(child.dep_ in {"dobj", "nsubjpass"} and
           any(m.dep_ == "amod" and m.lower_ in NO_DIFFERENCE for m in child.children)
           for child in trigger.children):
        return True
    if any(child.dep_ in {"nsubj", "nsubjpass"} and
           any(m.dep_ == "cc:preconj" and m.lower_ == "neither" for m in child.children)
           for child in trigger.children):
        return True  # "*neither* the viability of Y *nor* their E were modified by X"
    if trigger.dep_ == "xcomp" and trigger.head.lower_ in FAILURE_VERBS:
        return True  # "Y cells *fail* to respond to X"
    if trigger.dep_ in {"acl", "xcomp"} and trigger.head.lower_ in FAILURE_NOUNS:
        return True  # "the *inability* of X to suppress E in Y cells"
    scope = [trigger]
    below = trigger
    # "p70 could not rescue *rapamycin inhibition* of T-cell cycle entry": the denial above
    # acts on the drug's own change, which stands
    owned = agent is not None and trigger.tag_.startswith("NN") and (
        (agent.head.i == trigger.i and (
            agent.dep_ in {"compound", "amod", "nmod:poss"} or _is_by_phrase(agent))) or
        _agent_hung_beside(agent, trigger))
    for head in [] if owned else ancestors_to(trigger)[:2]:
        if below.dep_ in ADVERBIAL_CLAUSES and agent is not None and \
                below.left_edge.i <= agent.i <= below.right_edge.i:
            break
        if _contrasted_conjunct(below):
            break  # "X does not block E *but inhibits* F"
        if below.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in below.children):
            break  # "X did not induce E and *that X reduced* F": a clause of its own
        below = head
        # A negated head denies the effect only if it states or reports one ("did not
        # cause a suppression", "failed to induce"), not "effects ... are not defined".
        if lexicon.direction(head.text) is None and \
                head.lower_ not in REPORTING_VERBS and (head.lemma_ or "") not in REPORTING_VERBS:
            break
        if (head.lemma_ or "") in MECHANISM_VERBS:
            break  # "X suppression of Y is *not mediated* by Z": the mechanism is denied
        if any(c.dep_ == "advmod" and c.lower_ == "well" for c in head.children):
            break  # "its effects on Y cells are *not well documented*": not yet known
        scope.append(head)
        if head.dep_ not in {"xcomp", "aux", "auxpass", "cop", "ccomp"}:
            break
    for token in scope:
        if token.lower_ in FAILURE_VERBS:
            return True
        for child in token.children:
            if (child.dep_ == "neg" or child.lower_ in NEGATORS) and not _is_but_not(child):
                return True
            if child.lower_ in FAILURE_VERBS and child.dep_ != "conj":
                return True  # "cannot induce"; not "induces E but *fails* to initiate F"
    sentence = trigger.sent.text.lower()
    return any(phrase in sentence for phrase in lexicon.no_change_phrases) and \
        trigger.lower_ in {"effect", "effects", "affect", "affected", "change", "alter",
                           "altered", "impact", "influence", "response", "responses"}


# "all agents except X", "with the exception of X": what is excepted shows no effect
EXCEPTING = frozenset({"except", "excepting", "exception", "excluding"})


def follows_but_not(doc: Doc, first_token: int, listed: Collection[int]) -> bool:
    """'CPT-11, but not 5-FU and L-OHP, inhibits E', 'E of cancer cells but not of the normal
    cells', 'neither X nor Y affected E': what comes after 'but not', 'neither' or 'nor' is
    said to show no effect, as is what is excepted ("all agents except X"). Reads back from the
    mention over the list it is in (``listed`` tokens, "and", commas) and over determiners
    and prepositions."""
    k = first_token - 1
    while k >= 0 and doc[k].lower_ not in EXCEPTING and (
            k in listed or doc[k].lower_ in {"and", "or", ","} or
            (doc[k].tag_ in {"DT", "IN"} and doc[k].lower_ != "than") or
            _modifies(doc[k], listed)):
        k -= 1  # "but not in the committed MPRO promyelocytes"
    if k >= 0 and doc[k].lower_ in {"neither", "nor"} | EXCEPTING:
        return True  # "neither ascorbate nor AZT affected E", "with the exception of X"
    return k > 0 and _is_but_not(doc[k])


def _modifies(token: Token, listed: Collection[int]) -> bool:
    """Whether the token is a modifier written before a listed token ("*committed* MPRO
    promyelocytes")."""
    return token.dep_ in {"amod", "compound", "nummod"} and token.head.i in listed and \
        token.i < token.head.i


def _is_but_not(token: Token) -> bool:
    """A 'not' that sets what follows against what came before: "but not", ", not"."""
    return token.lower_ == "not" and token.i > 0 and \
        token.doc[token.i - 1].lower_ in {"but", ",", "and"}


def phrase_follows_but_not(token: Token, listed: Collection[int], levels: int = 3) -> bool:
    """Whether the token, or a noun phrase it is part of, comes after 'but not': "but not in
    the presence of other inducers, such as hemin" (the drug is a few nouns down)."""
    doc = token.doc
    for _ in range(levels + 1):
        if follows_but_not(doc, token.left_edge.i, listed) or any(
                c.dep_ == "neg" and _is_but_not(c) for c in token.children):
            return True  # "but not in the presence of ...", the "not" on the phrase itself
        if token.head.i == token.i or not is_noun(token.head):
            return False
        token = token.head
    return False


def is_aim_statement(trigger: Token) -> bool:
    """'we investigated the effects of X on Y': an aim, not a finding. A study named in a
    fronted 'in' phrase frames a finding instead ("In our evaluation of the effect of X on
    Y, we did not observe ..."), and so does one that reports a clause ("we determined that
    X activates E"). A relative clause states its own fact ("we studied U-937 cells, in which
    RA induces differentiation")."""
    for token in [trigger, *ancestors_to(trigger)[:4]]:
        if token.i != trigger.i and token.dep_ == "conj" and \
                lemma(token) in FINDING_VERBS:
            return False  # "we investigated ... and *found* that X inhibited E": a finding
        if is_aim_word(token):
            return not _frames_a_finding(token) and not _names_a_method(token)
        if token.dep_ == "acl:relcl" and any(c.dep_ in {"nsubj", "nsubjpass"}
                                             for c in token.children):
            return False
        if place_pronoun_of(token) is not None:
            return False  # a relative clause hung on the study's verb ("..., in which ...")
    return False


def _is_by_phrase(token: Token) -> bool:
    return any(c.dep_ == "case" and c.lower_ == "by" for c in token.children)


def _agent_hung_beside(agent: Token, change: Token) -> bool:
    """'Z does not affect *NF-kappa B activation by PMA*' with "by PMA" hung on the verb: an
    active verb with a subject has no "by" agent, so the drug is its object's."""
    verb = change.head
    return change.dep_ == "dobj" and agent.head.i == verb.i and agent.i > change.i and \
        _is_by_phrase(agent) and any(c.dep_ == "nsubj" for c in verb.children)


def _names_a_method(token: Token) -> bool:
    """'... a more differentiated phenotype, *as assessed by* changes in morphology': how a
    finding was measured, not an aim."""
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ == "as" for c in token.children)


def _frames_a_finding(token: Token) -> bool:
    if any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
           for c in token.children):
        return True  # "we recently *determined that* X activates E": a finding reported
    head = token.head
    return (token.dep_ in {"nmod", "obl"} and head.i > token.i and head.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "case" and c.lower_ == "in" for c in token.children)
            and not is_aim_word(head))


def is_hedged(sentence: Span, lexicon: TriggerLexicon) -> bool:
    """Whether a hedge cue is in the sentence; 'could not' reports what was not found ("we
    could not document any effect"), not a speculation, and 'as assessed by' names a
    method, not an aim."""
    text = " " + re.sub(r"\s+", " ", sentence.text.lower()) + " "
    words = {t.lower_ for t in sentence
             if not (t.lower_ == "could" and t.i + 1 < sentence.end and
                     t.doc[t.i + 1].lower_ in {"not", "n't"})
             and not (t.i > sentence.start and t.doc[t.i - 1].lower_ == "as" and is_aim_word(t))
             # "the invasive and migratory *potential* of Y cells": a capacity, not a hedge
             and not (t.lower_ == "potential" and t.tag_.startswith("NN"))}
    for cue in lexicon.hedge_cues:
        if " " in cue:
            if cue in text:
                return True
        elif cue in words:
            return True
    return False


def is_comparison(trigger: Token, lexicon: TriggerLexicon) -> bool:
    """'Treg were not *more* sensitive *than* CTL': a comparison between populations, whose
    direction is relative (guideline rule 11), not an increase or decrease."""
    modifiers = [c for c in trigger.children if c.dep_ in {"advmod", "amod", "case", "mark"}]
    if any(c.lower_ in {"more", "less"} for c in modifiers):
        return True
    return trigger.tag_ in {"JJR", "RBR"} and any(t.lower_ == "than" for t in trigger.subtree)
