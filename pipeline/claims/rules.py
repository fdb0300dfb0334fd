"""Relation rules: which (drug, cell) pairs of a sentence are linked by an effect.

A pair makes a claim when the dependency path between the drug and the cell passes through
an effect trigger ("Lenalidomide *restores* T-cell signaling", "the *effect* of X on Y",
"ADCC ... is *enhanced* by pre-incubation of NK cells with X", "X-*induced* apoptosis of Y"),
or when the drug and the cell meet in a treatment frame ("treatment of Y with X",
"X-treated Y cells", "Y exposed to X") whose clause states an effect ("... is required to
*enhance* E", "... showed *reduced* E"). A treatment alone states no effect and makes no claim.

The direction is composed from the directional triggers met on the path (an inhibited
induction is a decrease), then negation and hedging are read off the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from pipeline.claims.lexicon import TriggerLexicon
from pipeline.claims.syntax import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    DependencyPath,
    clause_complements,
    dependency_path,
    is_noun,
    is_verb,
    lemma,
    preposition,
)
from pipeline.context import DocumentContext, DrugRef
from pipeline.ner.component import names_an_enzyme, rest_of_token
from pipeline.ner.recognizer import CELL, CELL_LINE, DRUG, GENE, Mention

MAX_PATH = 8
CIRCUMSTANCE_PREPOSITIONS = {"before", "after", "during", "following", "prior", "than",
                             "versus", "vs", "vs.", "unlike", "compared", "despite"}
CONDITION_NOUNS = {"absence", "presence", "lack"}  # "in the absence of CD4+ T cells"
# "a *pair* of antibodies", "a *combination* of X and Y": how much or which mix of the drug
AMOUNT_NOUNS = frozenset({"pair", "combination", "mixture", "cocktail", "panel", "set", "dose",
                          "doses", "concentration", "concentrations", "amount", "amounts"})
LIGHT_VERBS = {"have", "has", "had", "show", "shows", "showed", "shown", "exhibit", "exhibits",
               "exhibited", "display", "displays", "displayed", "exert", "exerts", "exerted",
               "produce", "produced", "demonstrate", "demonstrated"}
# Verbs that bring about the change their object names: "induced a decrease in E"
INDUCING_VERBS = frozenset({"induce", "cause", "trigger", "provoke", "evoke"})
COMPARISON_WORDS = {"compared", "comparing", "comparison", "versus", "relative", "contrast"}
CLAUSE_EDGES = {"advcl", "parataxis", "ccomp", "csubj", "acl:relcl"}
ON_PREPOSITIONS = {"on", "in", "against", "toward", "towards", "upon"}
SIGN = {"increase": 1, "decrease": -1}
# "X-sensitive mechanism", "X-insensitive channels", "X-resistant asthmatic subjects": what
# the name describes, not an effect; nor is what is absent ("a lipopolysaccharide-free system"),
# nor the switch of an expression system ("a doxycycline-inducible antibody")
PROPERTY_SUFFIXES = frozenset({"sensitive", "insensitive", "resistant", "refractory", "naive",
                               "free", "specific", "reactive", "inducible", "repressible"})
# Where cells come from when they were treated in vivo: "NK cells from X-treated patients"
HOSTS = frozenset({"patients", "patient", "mice", "mouse", "rats", "rat", "donors", "donor",
                   "subjects", "animals", "individuals", "volunteers", "females", "males",
                   "women", "men"})
# "X-differentiated Y cells", "X-primed Y cells", "X-stimulated Y cells": like "X-treated",
# the state the cells were brought to before the experiment
STATE_SUFFIXES = frozenset({"differentiated", "primed", "stimulated", "activated"})
# ... which name a change when they modify an effect rather than the cells
CHANGE_SUFFIXES = frozenset({"stimulated", "activated"})
KILLING_VERBS = frozenset({"kill", "lyse", "destroy", "eliminate"})
# a noun phrase standing where a clause should ("..., lenalidomide activated NK cells.")
CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "parataxis"})
# "Stimulation of PPARgamma *with* X": with a "with" phrase, a treatment
STIMULATION_NOUNS = frozenset({"stimulation", "costimulation", "activation", "challenge"})
# "T cells *stimulated with* X": with a "with" phrase, a treatment of the cells they modify
STIMULATING_PARTICIPLES = frozenset({"stimulated", "costimulated", "activated", "primed",
                                     "challenged"})
# Verbs that bring about their object, so that its direction is theirs: "resulted in a decrease"
PASSING_VERBS = frozenset({"result", "lead", "cause"})
SIGNED_ADVERBS = {"negatively": -1, "adversely": -1, "positively": 1, "favorably": 1,
                  "favourably": 1}
# "Y cells resistant to X", "resistance of Y to X": the drug has no effect on the cells.
RESISTANCE_WORDS = frozenset({"resistant", "resistance", "refractory", "insensitive",
                              "insensitivity", "unresponsive", "unresponsiveness",
                              "nonresponsive", "chemoresistant", "chemoresistance",
                              "chemorefractory"})
ANAPHORIC_DETERMINERS = frozenset({"this", "these", "that", "those", "such"})
AIM_VERBS = frozenset({"investigate", "evaluate", "examine", "assess", "study", "explore",
                       "compare", "analyze", "analyse", "test", "address", "aim", "determine",
                       "clarify", "elucidate", "characterize", "characterise"})


def _with_its_last_letter(token: Token) -> Token:
    """'... blocked by cyclosporin *A.*': the tokenizer keeps a sentence's last letter with
    its period, outside the drug's mention, and the parser makes it the name's head; the
    name's syntax is that token's."""
    head = token.head
    if token.dep_ == "compound" and head.i == token.i + 1 and \
            re.fullmatch(r"[A-Z]\.", head.text):
        return head
    return token


def _passed_objects(verb: Token) -> list[Token]:
    """What a passing verb brings about: "caused *apoptosis*", "resulted in *a decrease*"."""
    return [c for c in verb.children
            if c.dep_ in OBJECTS or (c.dep_ == "nmod" and preposition(c) in {"in", "to"})]


@dataclass
class DrugAnchor:
    """Where a drug sits in the sentence: a mention, or a stand-in for an implicit drug."""

    ref: DrugRef
    token: Token
    mention: Mention | None = None
    implicit: bool = False

    def suffix(self, doc: Doc) -> str:
        """The rest of the token after the drug: 'treated' in 'rituximab-treated'."""
        if self.mention is None:
            return ""
        tail = self.token.text[self.mention.end - self.token.idx:]
        suffixed = self.suffixed_token(doc)
        if suffixed.i != self.token.i:
            # "PMA- or RA-differentiated U937 cells": the suffix the hyphen holds open
            _, _, tail = suffixed.text.rpartition("-")
        return tail.lstrip("-\u2010\u2013").lower()

    def suffixed_token(self, doc: Doc) -> Token:
        """The token that carries the drug's suffix: its own, or for a hyphen held open
        ("PMA- or RA-differentiated") the coordinated one."""
        token = self.token
        if self.mention is not None and token.text.endswith(("-", "\u2010")) and \
                self.mention.end >= token.idx + len(token) - 1 and token.i + 2 < len(doc) and \
                doc[token.i + 1].lower_ in {"or", "and"} and "-" in doc[token.i + 2].text:
            return doc[token.i + 2]
        if self.mention is not None and \
                (bracketed := _suffix_after_brackets(doc, self.mention)) is not None:
            return bracketed
        return token


def _suffix_after_brackets(doc: Doc, mention: Mention) -> Token | None:
    """'Phytohemagglutinin (PHA)*-induced*': the suffix written after a short form's closing
    bracket belongs to the long form before the brackets and to the short form in them."""
    k = mention.last_token + 1
    if k < len(doc) and doc[k].text == "(" and doc[mention.last_token].whitespace_:
        k = next((t.i for t in doc[k + 1:k + 6] if t.text == ")"), len(doc))
    elif not (k < len(doc) and doc[k].text == ")" and mention.first_token > 0 and
              doc[mention.first_token - 1].text == "("):
        return None
    after = k + 1
    if after >= len(doc) or doc[k].whitespace_ or not doc[after].text.startswith("-") or \
            not doc[after].text[1:2].isalpha():
        return None
    return doc[after]


COMPARISON_HEADS = frozenset({"comparison", "compared", "contrast", "relative"})
GROUP_WORDS = HOSTS | {"group", "groups"}


def _compares_hosts(predicate: Token) -> bool:
    """'Treated Y cells from patients showed lower E *in comparison with Y cells from
    controls*': the predicate compares groups of hosts, not treated with untreated cells; the
    difference is the hosts', not the treatment's."""
    for child in predicate.subtree:
        if child.lower_ not in COMPARISON_HEADS:
            continue
        scope = child.head if child.dep_ in {"case", "mark"} else child  # "*compared* to Y"
        words = {t.lower_ for t in scope.subtree}
        if words & GROUP_WORDS and not words & UNTREATED_WORDS:
            return True  # not "compared with untreated controls"
    return False


def _last_token(anchor: DrugAnchor) -> int:
    return anchor.mention.last_token if anchor.mention is not None else anchor.token.i


# Participles that, written apart from the drug, still name the state it brought the cells
# to: "anti-CD3 activated Hut-78 T cells", "IL-2 treated NK cells".
STATE_PARTICIPLES = frozenset({"activated", "stimulated", "costimulated", "treated",
                               "pretreated", "primed", "pulsed", "exposed", "differentiated"})


def _state_participle_after(doc: Doc, anchor: DrugAnchor) -> tuple[Token, Token] | None:
    """The state participle right after the drug and the noun further on it modifies, as in
    "X-activated Y cells" written without the hyphen; not a verb ("X activated Y cells")."""
    k = _last_token(anchor) + 1
    if anchor.mention is None or k >= len(doc):
        return None
    word = doc[k]
    if word.lower_ not in STATE_PARTICIPLES:
        return None
    if word.dep_ == "amod" and word.head.i > word.i and \
            is_noun(word.head) and word.head.dep_ not in CLAUSE_HEADS and \
            anchor.token.head.i in {word.i, word.head.i}:
        # not a headline parsed as a noun phrase ("Lenalidomide activated NK cells."), nor a
        # drug the parser made the subject of the clause
        return word, word.head
    if (cells := _garden_path_object(word, anchor.token)) is not None:
        return word, cells
    if preposition(anchor.token) and word.dep_ not in CLAUSE_HEADS and (cells := next(
            (c for c in word.children if c.dep_ in OBJECTS and is_noun(c)), None)) is not None:
        # "production of BMP-2 *by PMA stimulated* C4-2B cells": a drug inside a prepositional
        # phrase is no verb's subject; the participle after it modifies the next noun (in a
        # headline parsed as a clause it is the parse's root: left to the path rules)
        return word, cells
    return None


def _garden_path_object(verb: Token, drug: Token) -> Token | None:
    """The object of "X *stimulated* lymphocytes derived from Z showed E" read as a clause
    whose verb takes the real predicate as an unjoined conjunct: no "and" or comma joins
    them, so the participle modifies its object ("X-stimulated lymphocytes ... showed")."""
    if drug.head.i != verb.i or drug.dep_ not in SUBJECTS:
        return None
    return next((c for c in verb.children if _unjoined_predicates(c)), None)


def _unjoined_predicates(cells: Token) -> list[Token]:
    """The verbs conjoined, with no "and" or comma, to the verb whose object is ``cells``
    (written right after it): in "X stimulated lymphocytes ... *showed* E" the cells'
    own predicates."""
    verb = cells.head
    if cells.dep_ not in OBJECTS or not is_verb(verb) or cells.left_edge.i != verb.i + 1 or \
            not is_noun(cells) or any(c.dep_ == "cc" or c.lower_ == "," for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "conj" and is_verb(c) and c.i > cells.i]


def _property_after_a_predicate_drug(doc: Doc, anchor: DrugAnchor, path) -> Token | None:
    """'sensitive' of "Y cells were X sensitive" parsed with the drug as the predicate noun
    and the property adjective hung on it, the cells its subject."""
    after = _last_token(anchor) + 1
    drug = anchor.token
    if anchor.mention is None or after >= len(doc) or path.top.i != drug.i or \
            path.b.head.i != drug.i or path.b.dep_ not in SUBJECTS or \
            not any(c.dep_ == "cop" for c in drug.children):
        return None
    word = doc[after]
    return word if word.lower_ in PROPERTY_SUFFIXES and word.head.i == drug.i else None


def _property_of_something_else(doc: Doc, anchor: DrugAnchor, cell_token: Token) -> bool:
    """Whether 'X sensitive' (or resistant, ...) right after the drug is a predicate whose
    subject is not the cells or their process ("Y cells were X sensitive" is theirs)."""
    after = _last_token(anchor) + 1
    if anchor.mention is None or after >= len(doc) or \
            doc[after].lower_ not in PROPERTY_SUFFIXES or not doc[after].tag_.startswith("JJ"):
        return False
    predicate = doc[after]
    if predicate.dep_ == "amod" and \
            anchor.mention.first_token <= predicate.head.i <= anchor.mention.last_token:
        predicate = predicate.head  # "X sensitive" parsed as the drug with an adjective
    while predicate.dep_ in {"conj", "dep"} and predicate.head.i != predicate.i:
        predicate = predicate.head
    subject = next((c for c in predicate.children if c.dep_ in SUBJECTS), None)
    return subject is not None and cell_token not in subject.subtree


@dataclass
class Evidence:
    trigger: Token
    direction: str
    rule: str
    effect: str
    path_length: int


@dataclass
class PairClaim:
    """A claim found in one sentence, before it becomes a table row."""

    anchor: DrugAnchor
    cell: Mention
    evidence: Evidence
    sentence: Span

    @property
    def confidence(self) -> float:
        base = {"path": 0.9, "suffix": 0.85, "treatment": 0.75}.get(self.evidence.rule, 0.7)
        base -= 0.04 * max(0, self.evidence.path_length - 3)
        if self.anchor.implicit:
            base -= 0.15
        return round(max(0.3, min(0.99, base)), 2)


class ClaimFinder:
    """Applies the rules to one sentence at a time."""

    def __init__(self, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon
        self._mention_tokens: frozenset[int] = frozenset()
        self._drug_tokens: frozenset[int] = frozenset()
        self._cell_tokens: frozenset[int] = frozenset()

    # -- public -------------------------------------------------------------------------
    def find(self, doc: Doc, sentence: Span, mentions: list[Mention],
             context: DocumentContext, antecedents: list[DrugRef]) -> list[PairClaim]:
        inside = [m for m in mentions
                  if sentence.start_char <= m.start and m.end <= sentence.end_char]
        inside += generic_cells(doc, sentence, inside, mentions)
        cells = [m for m in inside if m.label in (CELL, CELL_LINE)
                 and not _names_no_population(doc, m, inside)]
        if not cells:
            return []
        anchors = self._anchors(doc, sentence, inside, context, antecedents,
                                _previous_sentence_names_a_drug(doc, sentence, mentions))
        mention_tokens = {i for m in inside for i in range(m.first_token, m.last_token + 1)}
        # what an effect phrase stops at: not genes ("did not activate NF-kappa B": the
        # effect is "NF-kappa B", not "B")
        self._mention_tokens = frozenset(i for m in inside if m.label not in (CELL, GENE)
                                         for i in range(m.first_token, m.last_token + 1))
        self._drug_tokens = frozenset(i for m in inside if m.label == DRUG
                                      for i in range(m.first_token, m.last_token + 1))
        self._cell_tokens = frozenset(i for m in inside if m.label in (CELL, CELL_LINE)
                                      for i in range(m.first_token, m.last_token + 1))
        found = []
        for anchor in anchors:
            for cell in cells:
                if anchor.mention is not None and _overlaps(anchor.mention, cell):
                    continue
                evidence = self._connect(doc, anchor, cell, inside, mention_tokens)
                if evidence is not None:
                    found.append(PairClaim(anchor, cell, evidence, sentence))
        found += self._claims_through_their(doc, sentence, anchors, cells, found, inside,
                                            mention_tokens)
        found = [_named_in_the_sentence(claim, cells) for claim in found]
        found += listed_claims(doc, found, cells)
        found += listed_drug_claims(doc, found, anchors)
        found = _without_restatements(doc, found, [m for m in inside if m.label == DRUG])
        found = _without_restated_cells(doc, found)
        found = _without_counted_cells(doc, found)
        return _respectively(sentence, _one_per_pair(_specific_over_generic(found)))

    def _claims_through_their(self, doc: Doc, sentence: Span, anchors: list[DrugAnchor],
                              cells: list[Mention], found: list[PairClaim],
                              inside: list[Mention], mention_tokens: set[int]) -> list[PairClaim]:
        """'antibodies to PAI-1 did not affect the adhesion of HT1080 cells, the antibody to
        uPA reduced *their* attachment': a possessive "their" after the cells, in a clause
        of its own, stands for them; the claim is read from the drug to the pronoun, as to
        the cells, for a drug that has no claim on them yet."""
        more = []
        for pronoun in sentence:
            antecedent = _antecedent_of_their(doc, pronoun, cells)
            if antecedent is None:
                continue
            stand_in = replace(antecedent, start=pronoun.idx, end=pronoun.idx + len(pronoun),
                               first_token=pronoun.i, last_token=pronoun.i)
            for anchor in anchors:
                if any(c.anchor is anchor and c.cell is antecedent for c in found):
                    continue
                evidence = self._connect(doc, anchor, stand_in, inside, mention_tokens)
                if evidence is not None:
                    more.append(PairClaim(anchor, antecedent, evidence, sentence))
        return more

    # -- anchors ------------------------------------------------------------------------
    def _anchors(self, doc: Doc, sentence: Span, inside: list[Mention],
                 context: DocumentContext, antecedents: list[DrugRef],
                 after_a_drug: bool = True) -> list[DrugAnchor]:
        """The drugs of the sentence, or else the antecedent its references point to ("the
        treatment", "the drug", and "its"/"their" only right after a sentence that named a
        drug: "STAT3 ... its constitutive activation" is STAT3's)."""
        drugs = [m for m in inside if m.label == DRUG]
        drugs = [m for m in drugs if not _lists_its_members(doc, m, drugs)]
        aliases = class_aliases(doc, drugs)
        roots = {id(m): _with_its_last_letter(doc[m.root(doc)]) for m in drugs}
        measured = {m.norm for m in drugs if _is_measured(roots[id(m)])
                    and roots[id(m)].dep_ in {"compound", "amod"}}
        anchors = [DrugAnchor(aliases.get(id(m)) or DrugRef(m.text(doc).rstrip("-\u2010"),
                                                            m.norm, m.ids),
                              roots[id(m)], m)
                   for m in drugs if not _is_no_agent(roots[id(m)])
                   and not _is_denied_by_prefix(doc, m)
                   and not self._is_changed(roots[id(m)])
                   and not (m.norm in measured and self._measured_again(roots[id(m)]))]
        if drugs or not antecedents or self._names_its_treatment(sentence):
            return anchors
        references = [t for t in sentence if not _is_baseline(t) and not _in_an_adjective_phrase(t)
                      and (
                      ((self.lexicon.is_in(t.lower_, self.lexicon.drug_reference_words)
                        or self._is_treated_by_reference(t))
                       and not _names_its_own_agent(t))
                      or (t.lower_ in {"its", "their"} and t.head.i != t.i
                          and self.lexicon.token_direction(t.head) is not None
                          and after_a_drug and not _has_a_subject_before(t, sentence))
                      or (t.lower_ in {"effect", "effects"} and t.i < sentence.root.i + 1
                          and not any(preposition(c) == "of" for c in t.children)))]
        if references:
            return [DrugAnchor(antecedents[-1], token, None, True) for token in references[:2]]
        if context.section == "figure":
            return [DrugAnchor(antecedents[-1], sentence.root, None, True)]
        return []

    def _measured_again(self, token: Token) -> bool:
        """'decreased *GSH* levels and increased the ratio of GSSG to *GSH*': a substance the
        sentence measures ("GSH levels") is measured at its other mentions too, unless one
        of them gives it: a subject, an agent, a treatment's ("treatment with CsA reduced
        ... CsA serum levels")."""
        head = token.head
        return token.dep_ not in SUBJECTS and not _is_agent_phrase(token) and not (
            head.i != token.i and self.lexicon.is_in(head.lower_, self.lexicon.treatment_words))

    def _is_treated_by_reference(self, token: Token) -> bool:
        """'*Drug-treated* CLL cells', '*compound-exposed* cells': a treatment participle
        joined to a word that refers to the drug."""
        first, _, rest = token.lower_.partition("-")
        return bool(rest) and self.lexicon.is_in(first, self.lexicon.drug_reference_words) and \
            self.lexicon.is_in(rest, self.lexicon.treatment_words)

    def _is_changed(self, token: Token) -> bool:
        """'SOC activation in Y cells *increased* free cytosolic Ca2+': the drug is the object
        (or passive subject) of a directional verb, so it is what changes, not the agent."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "increased Ca2+ and cAMP"
        verb = token.head
        if token.dep_ not in OBJECTS | PASSIVE_SUBJECTS or not is_verb(verb) or \
                not self._token_sign(verb):
            return False
        return not _preposition_between(verb, token)

    def _names_its_treatment(self, sentence: Span) -> bool:
        """'acute ethanol exposure impairs angiogenesis and this effect ...': the sentence
        names its own agent, one that is not a drug mention; "this effect" and "the
        treatment" refer to it, not to the document's drug."""
        return any(self.lexicon.is_in(t.lower_, self.lexicon.treatment_words)
                   and _names_its_own_agent(t) for t in sentence)

    # -- connection -----------------------------------------------------------------------
    def _connect(self, doc: Doc, anchor: DrugAnchor, cell: Mention, inside: list[Mention],
                 mention_tokens: set[int]) -> Evidence | None:
        cell_token = doc[cell.root(doc)]
        if self._is_killing_target(doc, cell_token, inside) or _is_withdrawn(anchor.token) or \
                _is_a_label(anchor.token):
            return None
        suffix = anchor.suffix(doc)
        suffixed = anchor.suffixed_token(doc)
        modified = suffixed.head  # "rituximab-treated *CLL cells*"
        listed = _listed_head(suffixed)
        if suffixed.dep_ == "conj" and listed.dep_ in {"amod", "compound"}:
            # "Dexamethasone- and *prednisolone-treated* thymocytes", the second participle a
            # conjunct of the first (GENIA's "uninduced and estrogen-induced hepatocytes")
            modified = listed.head
        if not suffix and (state := _state_participle_after(doc, anchor)) is not None:
            suffix, modified = state[0].lower_, state[1]  # "anti-CD3 activated T cells"
            mention_tokens = mention_tokens | {state[0].i}  # part of the name, as "-activated"
        if not suffix and _property_of_something_else(doc, anchor, cell_token):
            # "expression is activation dependent, *cyclosporin A sensitive* and restricted
            # to Y cells": the property, written without the hyphen, is not the cells'
            return None
        if suffix in PROPERTY_SUFFIXES and modified.i != cell_token.i:
            # "through a cyclosporin A-*sensitive* mechanism": a property of a pathway or a
            # molecule, not an effect on the cells ("CsA-sensitive T cells" still links)
            return None
        # "forskolin-*induced* YT-1 cells": induced cells, with no process named, are cells
        # brought to a state, as "PMA-differentiated" ones are
        state = suffix.lower() in STATE_SUFFIXES or (
            suffix.lower() == "induced" and modified.i == cell_token.i and
            _names_the_cells_alone(doc, cell, cell_token))
        if state and suffix.lower() in CHANGE_SUFFIXES and (
                modified.lower_ in self.lexicon.effect_nouns or
                self.lexicon.is_in(modified.lower_, self.lexicon.killing_effects)):
            state = False  # "LPS-stimulated monocyte *cytotoxicity*": an effect, not a state
        if suffix and (self.lexicon.is_in(suffix, self.lexicon.treatment_words) or state):
            # "rituximab-treated CLL cells", "RA-differentiated U937 cells": a treatment of
            # the cells it modifies, nothing else.
            if cell_token.i not in {anchor.token.head.i, anchor.token.i, modified.i} and not (
                    modified.lower_ in HOSTS and preposition(modified) in {"from", "of"}
                    and _holder_of_the_host(modified).i == cell_token.i):
                # "NK cells *from* X-treated patients" (or "*isolated from*" them) were
                # treated in their host
                return None
            return self._treatment_frame(doc, cell_token, cell, cell_token, mention_tokens, 1)
        path = dependency_path(anchor.token, cell_token)
        if path is not None and (nominal := _nominal_of_prepared_cells(anchor.token, cell_token)) \
                is not None and (above := dependency_path(nominal, cell_token)) is not None:
            # "the modulation of the proliferation of T cells obtained from blood *by X*",
            # "by X" hung on "obtained": X is the agent of the nominal above the cells
            path = DependencyPath(path.a, path.b, [nominal], above.up_from_b, nominal)
        if path is not None and (clause := _passive_clause_before(anchor.token)) is not None \
                and (below := dependency_path(clause, cell_token)) is not None:
            # "E is induced by Z, via a process *that is blocked by X*", "by X" hung on the
            # main verb: the agent is the relative clause's, written right before it
            path = DependencyPath(path.a, path.b, [clause, *below.up_from_a], below.up_from_b,
                                  below.top)
        if path is not None and (pronoun := _place_pronoun(path)) is not None:
            path = dependency_path(anchor.token, pronoun)  # the clause's own place
        if path is not None and (verb := _presence_hung_on_the_cells(path) or
                                 _singular_clause_on_plural_cells(path)) is not None:
            # "E was detected in Y cells in the presence of X", "Z increased E in HUVECs *that
            # was blocked by X*", hung on the cells: the clause's condition, or a clause on
            # what the verb states, read as hung on the verb
            path = DependencyPath(path.a, path.b, [*path.up_from_a[:-1], verb], [verb], verb)
        if path is not None and (clause := _singular_clause_on_a_nominal(path)) is not None:
            # the same, the clause on a noun: read as "VEGF production by SCC lines *was
            # inhibited by X*", the clause's verb above the noun that holds the cells
            path = DependencyPath(path.a, path.b, path.up_from_a[:-1],
                                  [path.b.head, clause], clause)
        if path is None or path.length > MAX_PATH or _joins_another_clause(path) or \
                self._in_a_contrasting_clause(path) or _is_produced_by(path) or \
                _at_the_place_of_the_effect(path) or _coordinated(path) or \
                _across_a_semicolon(path, inside) or \
                _in_the_other_predicate(path, cell, inside) or \
                _modifies_the_first_predicate(path) or _main_clause_under_a_subordinate(path):
            return None
        evidence = self._link(doc, anchor, cell, inside, mention_tokens, path, suffix)
        if evidence is None and (clause := _reported_of_studied_cells(path)) is not None and \
                _is_an_argument_of(anchor.token, clause):
            # "Experiments using PBMCs *show that* E is inhibited by X": the cells of the
            # study, the effect of the finding it reports
            evidence = self._predicate_effect(doc, clause, cell, cell_token, mention_tokens,
                                              path.length)
        if evidence is not None and (own := self._contrasting_effect(path)) is not None:
            # "CyA did not suppress E on Y cells, whereas X *had an inhibitory effect*": X's
            # own clause states its effect on what the main clause names
            evidence.trigger = own
            evidence.direction = "increase" if self._token_sign(own) > 0 else "decrease"
        resistance = self._resistance(path)
        if evidence is None and resistance is not None and _is_said_of(resistance, cell_token):
            # "Y cells are (considered to be) *unresponsive* to X": the resistance is the
            # whole finding
            return self._evidence(doc, resistance, "no_change", "path", resistance, cell,
                                  path.length)
        if evidence is not None and resistance is not None:
            # "Y cells were *resistant* to X-induced apoptosis": the resistance is the finding
            evidence.trigger, evidence.direction = resistance, "no_change"
        return evidence

    def _contrasting_effect(self, path) -> Token | None:
        """The effect noun with a direction that the drug's own contrasting clause has as
        its object ("whereas X had an *inhibitory effect*"), else that clause's own verb of
        change when the drug is its subject ("whereas an inhibitor of MAPK [X] *suppressed*
        the proliferative changes"), if any."""
        chain = [path.a, *path.up_from_a]
        for k, below in enumerate(chain[:-1]):
            if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRASTING
                                             for c in below.children):
                effect = next((c for c in below.children if c.dep_ in OBJECTS and
                               c.lower_ in self.lexicon.effect_heads and self._token_sign(c)),
                              None)
                subject = chain[k - 1] if k > 0 else None
                if effect is None and subject is not None and subject.dep_ == "nsubj" and \
                        is_verb(below) and self._token_sign(below) and \
                        not any(c.dep_ == "neg" for c in below.children) and \
                        not _refers_back(below):  # "whereas X abolished *this inhibition*"
                    return below
                return effect
        return None

    def _in_a_contrasting_clause(self, path) -> bool:
        """'X inhibited E of Y cells, whereas treatment with Z was less effective': the drug
        is in a clause of its own set against the one that names the cells, and that clause
        states no effect, so Z gets no claim. It does when its clause says it had none
        ("..., while Z had no effect": no_change) or names one ("..., whereas Z had an
        inhibitory effect")."""
        for below in [path.a, *path.up_from_a][:-1]:
            if below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRASTING
                                             for c in below.children) and \
                    any(c.dep_ in SUBJECTS for c in below.children):
                if any(t.i in self._cell_tokens for t in below.subtree):
                    return True  # "..., whereas Z inhibits TH1 functions": its own cells
                return not _refers_back(below) and not any(
                    t.lower_ in NEGATIONS or (self.lexicon.token_direction(t) in SIGN
                                              and t.tag_ not in {"JJR", "RBR"})
                    for t in below.subtree)
        return False

    def _resistance(self, path) -> Token | None:
        """The word saying the cells resist the drug: it governs the drug ("Y cells, resistant
        to growth inhibition by X") or its "to" phrase follows it ("increased resistance to
        the cytotoxicity of X", whatever the phrase hangs on), and nothing above it overcomes
        the resistance ("X overcomes the resistance of Y cells to Z" is X's effect)."""
        doc = path.a.doc
        drug_side = [path.a, *path.up_from_a]
        for k, token in enumerate(drug_side):
            before = token.left_edge.i - 1
            if token.lower_ in RESISTANCE_WORDS:
                resistance = token
            elif preposition(token) == "to" and before >= 0 and \
                    doc[before].lower_ in RESISTANCE_WORDS:
                resistance = doc[before]
            else:
                continue
            overcome = any(self.lexicon.is_in(t.lower_, self.lexicon.reversing_triggers)
                           for t in [*drug_side[k + 1:], *_clause_ancestors(resistance)])
            return None if overcome else resistance
        return None

    def _link(self, doc: Doc, anchor: DrugAnchor, cell: Mention, inside: list[Mention],
              mention_tokens: set[int], path, suffix: str) -> Evidence | None:
        cell_token = path.b
        cell_side = [cell_token, *(t for t in path.up_from_b if t.i != path.top.i)]
        if _after_than(doc, cell) or any(
               (preposition(t) in CIRCUMSTANCE_PREPOSITIONS and not _own_process(t, cell_token))
               or t.lower_ in COMPARISON_WORDS
               or t.lower_ in CONDITION_NOUNS
               or (is_verb(t) and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children))
               or any(c.dep_ in {"case", "mark"} and c.lower_ in COMPARISON_WORDS
                      for c in t.children)
               or _is_likened_to(t) or _in_a_likened_demonstrative(t)
               for t in cell_side):
            # "before exposure to Y cells", "compared with Y cells": not where the effect is
            return None
        if any(_names_the_compared(t) for t in [path.a, *path.up_from_a] if t.i != path.top.i):
            # "Y cells were distinct from U937 cells *stimulated by X*": the drug belongs to
            # what the cells are set against
            return None
        if suffix.endswith(("ed", "ing")) and (direction := self.lexicon.direction(suffix)):
            # "bortezomib-induced apoptosis in NK cells"
            if any(is_verb(t) for t in cell_side[1:]):
                return None  # "... methotrexate-induced injury and inhibits leukocyte death"
            effect_head = anchor.suffixed_token(doc).head  # "X- or Z-induced *apoptosis*"
            if effect_head.tag_.startswith("JJ") and effect_head.dep_ == "amod" and \
                    effect_head.head.i > effect_head.i and is_noun(effect_head.head):
                effect_head = effect_head.head  # "X-mediated immune *responses*", hung on "immune"
            if anchor.token.dep_ == "conj" and effect_head.dep_ in {"amod", "compound"}:
                effect_head = effect_head.head  # "X-induced and Y-mediated apoptosis"
            if not is_noun(effect_head):
                return None  # "in uninduced and estrogen-induced hepatocytes" misparsed
            if not _effect_reaches_cell(path, effect_head, cell_token):
                return None
            above = path.up_from_b
            if _is_the_clause_place(path, effect_head, cell_token):
                above = []  # the clause's verb acts on the effect, not with the drug
            if direction == "unclear" and self._token_sign(effect_head):
                # "X-mediated *inhibition* of E": X brings the change about; its direction is
                # the effect's own
                direction = "increase" if self._token_sign(effect_head) > 0 else "decrease"
                above = [t for t in above if t.i != effect_head.i]
            elif direction == "unclear" and suffix == "mediated" and (
                    self.lexicon.token_direction(effect_head) is None or
                    any(self._token_sign(t) for t in above if t.i not in mention_tokens)):
                # "X-mediated cell death": X brings the process about; "X-mediated immune
                # responses, including *activation* of Y cells": the change named on the cells
                direction = "increase"
            elif effect_head.lower_ in CHANGE_NOUNS | MODULATION_NOUNS and \
                    not self._token_sign(effect_head):
                # "X-induced changes in E", "X-induced modulation of E": no direction is stated
                direction = "unclear"
            sign = self._compose(above, mention_tokens, skip=anchor.token)
            return self._evidence(doc, anchor.token, _times(direction, sign), "suffix",
                                  effect_head, cell, path.length)
        if (process := self._object_the_agent_belongs_to(anchor.token, cell_token)) is not None:
            # "X can prevent monocyte activation *by LPS*", "by LPS" hung on the verb: an
            # active verb with a subject has no "by" agent, so LPS is the activation's
            sign = self._token_sign(process)
            return self._evidence(doc, process, "increase" if sign > 0 else "decrease", "path",
                                  process, cell, path.length)
        if self._is_a_stimulation_frame(path, anchor):
            # "Priming of human monocytes with X resulted in the down regulation of E": what
            # the stimulation led to is the effect
            framed = self._treatment_frame(doc, path.top, cell, cell_token, mention_tokens,
                                           path.length)
            if framed is not None:
                return framed
        trigger, direction = self._path_trigger(path, anchor, mention_tokens)
        if trigger == "reject" or self._is_a_stimulation_protocol(trigger, anchor):
            return None
        if trigger is None and (nominal := self._nominal_agent_trigger(path)) is not None:
            trigger, direction = nominal
        if trigger is None and (prop := _property_after_a_predicate_drug(doc, anchor, path)):
            # "Y cells were cyclosporin A sensitive" read as "were cyclosporin A" with the
            # adjective after it: the property is the cells'
            trigger, direction = prop, self.lexicon.token_direction(prop) or "unclear"
        if trigger is None and path.top.i == anchor.token.i and \
                preposition(_below_top(path)) in {"in", "of"} and \
                preposition(anchor.token) in {"with", "to"} and \
                (self.lexicon.is_in(anchor.token.head.lower_, self.lexicon.treatment_words) or
                 anchor.token.head.lower_ in STIMULATION_NOUNS) and \
                (self._is_predicate_argument(anchor.token.head) or
                 _is_agent_phrase(anchor.token.head)):
            # "Treatment with X in Y cells inhibited E", "Stimulation of PPARgamma with X in
            # Y cells ...": the cells hung on the drug; the treatment is the frame
            return self._treatment_frame(doc, anchor.token.head, cell, cell_token,
                                         mention_tokens, path.length)
        if trigger is None and path.top.i == cell_token.i and \
                _listed_head(anchor.token).head.i == cell_token.i and \
                preposition(_listed_head(anchor.token)) in {"with", "to"} and \
                cell_token.dep_ == "dobj" and \
                self.lexicon.is_in(cell_token.head.lower_, self.lexicon.treatment_words):
            # "by treating Y cells with X", the drug hung on the cells: the treating verb is
            # the frame
            return self._treatment_frame(doc, cell_token.head, cell, cell_token,
                                         mention_tokens, path.length)
        if trigger is None and path.top.i == anchor.token.i and (
                preposition(_below_top(path)) in ON_PREPOSITIONS or
                (_below_top(path).dep_ == "compound" and _below_top(path).tag_ == "NNS")):
            # "the effect of X on Y" parsed with "on Y" under X, "In both cell lines LIF
            # increased E" with the cells a compound of X: the trigger governs X.
            trigger, direction = self._head_trigger(anchor.token, mention_tokens)
        if trigger is None and path.top.i == cell_token.i and path.up_from_a and \
                preposition(_below_top_on_drug_side(path)) == "of" and \
                preposition(cell_token) in ON_PREPOSITIONS:
            # "compared the effects on Y cells of X", "of X" hung on the cells: the trigger
            # governs the cells.
            trigger, direction = self._head_trigger(cell_token, mention_tokens)
        rule = "path"
        if trigger is None and not self._is_treatment_link(path, anchor, cell_token):
            trigger, direction = self._argument_trigger(path, cell_token, mention_tokens)
            rule = "clause"
            if trigger is not None and _negated_objects(path.top):
                direction = "no_change"  # "X had *no effect* on E following ... of Y cells"
        if trigger is not None:
            if self._is_acting_agent(cell_token, trigger, path) or \
                    _plays_a_role(trigger, path) or self._is_a_method(trigger, path) or \
                    self._is_a_reagent(anchor.token) or _is_a_tool_of_the_study(trigger, path):
                return None
            direction = _times(direction, self._anaphoric_sign(anchor.token, path))
            if _own_denial(anchor.token, path) is not None:
                direction = "no_change"  # "X activated E in Y, while Z *had no effect*"
            return self._evidence(doc, trigger, direction, rule,
                                  self._effect_head(trigger, cell_token), cell, path.length)
        if self._is_treatment_link(path, anchor, cell_token):
            return self._treatment_frame(doc, path.top, cell, cell_token, mention_tokens,
                                         path.length) or \
                self._headline_treatment(doc, anchor, cell, mention_tokens)
        return self._surface_pattern(doc, anchor, cell, mention_tokens) or \
            self._headline_treatment(doc, anchor, cell, mention_tokens) or \
            self._headline_after_colon(doc, anchor, cell, mention_tokens)

    def _object_the_agent_belongs_to(self, drug: Token, cell_token: Token) -> Token | None:
        """The object of an active verb with a subject of its own, when the drug is a "by"
        phrase hung on that verb: the object is a change with a direction and holds the
        cells ("prevent *monocyte activation* by LPS")."""
        verb = _listed_head(drug).head
        if preposition(_listed_head(drug)) != "by" or not is_verb(verb) or \
                not any(c.dep_ == "nsubj" for h in _with_its_conjunct_head(verb)
                        for c in h.children) or \
                any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
            return None
        # the cells in the object, or hung on the drug after it ("by PMA *in T cells*")
        after_the_drug = cell_token.head.i == drug.i and cell_token.i > drug.i and \
            preposition(cell_token) in ON_PREPOSITIONS
        return next((o for o in verb.children if o.dep_ in OBJECTS and is_noun(o) and
                     o.i < drug.i and self._token_sign(o) and
                     (o.left_edge.i <= cell_token.i <= o.right_edge.i or after_the_drug)),
                    None)

    def _nominal_agent_trigger(self, path) -> tuple[Token, str] | None:
        """'*Inhibition* of T-cell proliferation *by X*' with "by X" hung on the process, not
        on the nominal trigger above it: the trigger is X's."""
        top = path.top
        if not is_noun(top) or preposition(_below_top_on_drug_side(path)) != "by" or \
                preposition(top) != "of" or not is_noun(top.head) or top.head.i == top.i:
            return None
        sign = self._token_sign(top.head)
        if not sign:
            # "*Modulation* of apoptosis in Y cells by X": a change without a direction
            return (top.head, "unclear") if self.lexicon.token_direction(top.head) == "unclear" \
                else None
        return top.head, "increase" if sign > 0 else "decrease"

    def _headline_treatment(self, doc: Doc, anchor: DrugAnchor, cell: Mention,
                            mention_tokens: set[int]) -> Evidence | None:
        """Backup for "Treatment of Y cells with X (significantly) *impaired* E" when the
        parser reads the whole sentence as one noun phrase headed by the treatment (the
        participle then modifies E): the sentence's root is a treatment word, the cells come
        before the drug, and a trigger participle follows the drug."""
        if anchor.mention is None or cell.last_token >= anchor.mention.first_token:
            return None
        root = doc[anchor.token.i].sent.root
        if not is_noun(root) or not self.lexicon.is_in(root.lower_, self.lexicon.treatment_words) \
                or root.i > cell.first_token:
            return None
        k = anchor.mention.last_token + 1
        while k < len(doc) and (k in self._drug_tokens or doc[k].lower_ in {",", "and", "or"}):
            k += 1  # "with IFN-alpha, IL-2, IL-12, and IL-15 *upregulated*": the whole list's
        while k < len(doc) and doc[k].tag_.startswith("RB"):
            k += 1
        if k >= len(doc) or k in mention_tokens or not doc[k].lower_.endswith("ed"):
            return None
        direction = self.lexicon.token_direction(doc[k])
        if direction is None or self.lexicon.is_in(doc[k].lower_, self.lexicon.treatment_words):
            return None
        end = k + 1
        while end < len(doc) and (is_noun(doc[end]) or doc[end].tag_.startswith("JJ")):
            end += 1
        return Evidence(doc[k], direction, "surface", doc[k + 1:end].text or doc[k].text, 3)

    def _headline_after_colon(self, doc: Doc, anchor: DrugAnchor, cell: Mention,
                              mention_tokens: set[int]) -> Evidence | None:
        """'Proto-oncogenes and transcription factors in primary human T cells: *modulation
        by* cyclosporin A and FK506': a headline whose second part names what acts on the
        first, the cells in the first part. The trigger noun opens the second part and the
        drug (or the list it heads) follows its "by"."""
        if anchor.mention is None:
            return None
        start = _listed_head(anchor.token).i
        while start - 1 in self._drug_tokens:
            start -= 1  # the first word of the drug that heads the list
        if start < 3:
            return None
        by, trigger, colon = (doc[start - k] for k in (1, 2, 3))
        if by.lower_ != "by" or colon.text != ":" or cell.last_token >= colon.i or \
                trigger.i in mention_tokens or not is_noun(trigger) or \
                doc[cell.first_token].sent.start != colon.sent.start:
            return None
        direction = self.lexicon.token_direction(trigger)
        if direction is None or self.lexicon.is_in(trigger.lower_, self.lexicon.treatment_words):
            return None
        root = colon.sent.root
        effect = root if root.i < colon.i and root.i not in mention_tokens else trigger
        return self._evidence(doc, trigger, direction, "surface", effect, cell, 3)

    @staticmethod
    def _is_acting_agent(cell_token: Token, trigger: Token, path) -> bool:
        """'IL-6 secretion, triggered by CD8+ T cells': the cells act, nothing acts on them.
        A verb in the active voice, with a subject of its own, has no "by" agent: there the
        phrase belongs to the object ("X increased ADCC *by NK cells*" hung on the verb)."""
        on_path = {t.i for t in path.tokens()}
        active = any(c.dep_ == "nsubj" for c in trigger.children) and \
            not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children)
        return preposition(cell_token) == "by" and cell_token.head.i == trigger.i and \
            is_verb(trigger) and trigger.i in on_path and not active

    def _is_a_method(self, trigger: Token, path) -> bool:
        """'Cells were treated with X and *examined* for cell viability', 'the mechanisms of X
        were *investigated* by cell proliferation, flow cytometry, ...': a passive study verb
        that is the only trigger describes a method, not an aim or a finding ("the effects of
        X were *examined* in Y cells" is an aim: its effect noun is on the drug's side)."""
        if trigger.tag_ != "VBN" or not is_aim_word(trigger):
            return False
        return not any(self.lexicon.token_direction(t) is not None
                       or t.lower_ in self.lexicon.effect_heads
                       for t in path.up_from_a if t.i != trigger.i)

    def _surface_pattern(self, doc: Doc, anchor: DrugAnchor, cell: Mention,
                         mention_tokens: set[int]) -> Evidence | None:
        """Backup for parses that miss the verb of a headline ("X repairs Y dysfunction"):
        the drug, a trigger word right after it, then the cell in the same clause."""
        if anchor.mention is not None and cell.last_token < anchor.token.i:
            return self._fronted_cells(doc, anchor, cell, mention_tokens)
        if anchor.mention is None or cell.first_token <= anchor.token.i:
            return None
        nxt = _past_short_form(doc, anchor.mention.last_token + 1)
        if nxt >= len(doc):
            return None
        trigger = doc[nxt]
        # "In this study, lenalidomide activated NK cells and ...": a past tense read as a
        # participle, the sentence (or a clause: "we demonstrate that HMBA induced K562 cells
        # to differentiate") then one noun phrase headed by the cells (the participle
        # may have gone into the cell mention); not "In PMA activated T cells, X ...", where
        # the noun phrase is an argument
        past_on_root = trigger.tag_ in {"VBN", "VBD"} and nxt <= cell.first_token and (
            _heads_a_clause(doc[cell.root(doc)]) or
            # a participle on the cells that still has the drug for its subject
            (anchor.token.head.i == trigger.i and anchor.token.dep_ in SUBJECTS))
        if nxt in mention_tokens and not (past_on_root and nxt == cell.first_token):
            return None
        direction = self.lexicon.token_direction(trigger)
        # "Glucocorticoids *kill* certain types of Y" read as one noun phrase, the verb a
        # compound whatever its tag says
        finite_in_a_noun_phrase = trigger.tag_ in {"VBP", "VBZ"} and \
            trigger.dep_ in {"compound", "amod"} and nxt <= cell.first_token
        if direction is None or not (trigger.lower_.endswith("s") or past_on_root or
                                     finite_in_a_noun_phrase) or (
                is_noun(trigger) and trigger.lower_ in self.lexicon.direction_of_word):
            return None
        between = doc[nxt + 1:cell.first_token]
        if len(between) > 6 or any(t.text in {";", ":", ".", "("} or t.lower_ in {"which", "that",
                                                                                   "but", "while"}
                                   for t in between):
            return None
        head = doc[cell.last_token + 1] if cell.last_token + 1 < len(doc) else doc[cell.last_token]
        end = cell.last_token + 1
        while (end < len(doc) and is_noun(doc[end])) or (end < len(doc) and doc[end].tag_ == "JJ"):
            head = doc[end]
            end += 1
        effect = doc[cell.last_token + 1:end].text or trigger.text
        evidence = Evidence(trigger, direction, "surface", effect, 2)
        if head.lower_ in self.lexicon.negative_states and \
                self.lexicon.is_in(trigger.lower_, self.lexicon.reversing_triggers):
            evidence.direction = "increase"
        return evidence

    def _fronted_cells(self, doc: Doc, anchor: DrugAnchor, cell: Mention,
                       mention_tokens: set[int]) -> Evidence | None:
        """Backup for the opening "In Y cells, X <verb> E": the parser often reads the fronted
        cells as the root noun phrase and the verb as an adjective. The cells open the
        sentence after "In", a comma follows them, then the drug and a trigger verb."""
        opening, comma = cell.first_token - 1, cell.last_token + 1
        while opening > 0 and (doc[opening].tag_ == "JJ" or is_noun(doc[opening])):
            opening -= 1  # "In [human cervical] cancer cells"
        verb = anchor.mention.last_token + 1
        if opening < 0 or doc[opening].lower_ != "in" or not doc[opening].is_sent_start or \
                doc[comma].text != "," or anchor.mention.first_token != comma + 1 or \
                verb >= len(doc) or verb in mention_tokens or not doc[verb].tag_.startswith("VB"):
            return None
        trigger = doc[verb]
        direction = self.lexicon.token_direction(trigger)
        if direction is None:
            return None
        end = verb + 1
        while end < len(doc) and (is_noun(doc[end]) or doc[end].tag_ == "JJ"):
            end += 1
        effect = doc[verb + 1:end].text or trigger.text
        return Evidence(trigger, direction, "surface", effect, 2)

    def _path_trigger(self, path, anchor: DrugAnchor, mention_tokens: set[int]):
        """The trigger nearest the cell on the path, and the direction the path composes.

        Walking up from the cell, each trigger met (on the path, or an adjective on a path
        noun: "*reduced* frequency of MDSCs") governs the one below it, so directions
        multiply: "inhibits the induction of MDSCs" is a decrease. A coordination edge from
        a verb or to another trigger ends the composition ("reduces Tregs and activates Th17
        cells": Th17 only gets "activates"); coordinated effect nouns under one trigger do
        not ("counteracts the stimulation of IFN-γ secretion and induction of T-cell
        maturation"). A trigger
        at the top whose object holds the drug acts on the drug's action, not with it: it
        does not turn the drug's direction ("IL-6 counteracts the action of lenalidomide").
        A cell reached across a clause boundary (adverbial, relative or complement clause)
        before any trigger is not what the effect is on. Triggers on the drug's side alone
        do not link them: they act on something else.
        Returns (None, None) when nothing links them, ("reject", None) across a boundary.
        """
        top = path.top
        drug_side = _below_top_on_drug_side(path)
        if _present_while_another_acts(path):
            return "reject", None
        if (own := self._as_participle(path)) is not None:
            # "Z reduced E in Y cells, *as elicited by* X": the participle is X's own change,
            # Z's verb acts on it
            return own, self.lexicon.token_direction(own) or "increase"
        if top.lower_ == "response" and preposition(top) == "in" and path.b.head.i == top.i \
                and is_verb(top.head) and self._token_sign(top.head):
            # "Fos kinase was activated *in response to* IL-6 in Y cells", the cells hung on
            # "response": the verb states the change
            return top.head, "increase" if self._token_sign(top.head) > 0 else "decrease"
        if (own := self._finding_after_an_aim(path)) is not None:
            # "We investigated the effect of Z on E in Y cells and found that X inhibited E":
            # the finding's verb is X's
            return own, "increase" if self._token_sign(own) > 0 else "decrease"
        if (own := self._own_change_set_apart(path)) is not None:
            # "Z abrogates E, but not the phosphorylation *induced by X*": Z's verb does not
            # act on X's change, which stands
            return own, self.lexicon.token_direction(own)
        if (own := self._own_clause_verb(path)) is not None:
            # "X triggered E in Y cells; however, proliferation was inhibited by Z": Z's own
            # clause states its change; the verb above is another agent's
            return own, "increase" if self._token_sign(own) > 0 else "decrease"
        own = self._own_coordinated_verb(path)
        if own is not None:
            # "E of Y was inhibited by Z and *augmented* by X": X's verb is its own
            below = [t for t in [path.b, *path.up_from_b] if t.i != top.i]
            sign = self._token_sign(own) * self._compose(below, mention_tokens, skip=anchor.token)
            return own, "increase" if sign > 0 else "decrease"
        if top.lower_ in self.lexicon.effect_heads and not self._token_sign(top) and \
                top.i not in mention_tokens and path.up_from_a and \
                preposition(drug_side) in {"of", ""} and drug_side.dep_ != "conj" and \
                not any(t.head.i == top.i and self._token_sign(t) and (
                    t.dep_ == "acl" or any(c.dep_ == "case" and c.tag_ == "VBN"
                                           for c in t.children))
                        for t in path.up_from_b):
            # "Effects of X on Y activation": an effect on a process, with no direction
            # (but "the action of X *to inhibit* proliferation in Y" has the verb's, and "the
            # action of X *based stimulation* of E", the participle read as a preposition,
            # the drug's own change)
            return top, "unclear"
        chain = [path.b, *path.up_from_b]
        found: list[Token] = []
        composing = True
        signs: list[int] = []
        condition = _drug_is_a_condition(path)
        acted_on = condition or _drug_is_object_of_top(path)
        for k, token in enumerate(chain):
            if k > 0:
                edge = chain[k - 1].dep_
                if edge in CLAUSE_EDGES and not found and not \
                        (edge == "acl:relcl" and token.i == path.top.i):
                    return "reject", None
                if edge == "advcl" and _contrasting_with_an_agent(chain[k - 1]):
                    # "X induced E in A cells, whereas Z inhibited F of B cells": B's clause
                    # has its own agent
                    return "reject", None
                if edge in {"advcl", "acl"} and found and any(
                        (c.dep_ in {"mark", "case"} and c.lower_ == "by") or
                        (c.dep_ == "advmod" and c.lower_ in RESULT_ADVERBS)
                        for c in chain[k - 1].children):
                    # "X suppressed angiogenesis *by inhibiting* E of Y": the means is X's
                    # effect on Y; the verb above names what the means achieves. So is a
                    # result: "X blocks the pathway, *thereby inhibiting* E of Y"
                    composing = False
                if edge == "nmod" and found and preposition(chain[k - 1]) in MEANS_PREPOSITIONS:
                    composing = False
                if edge == "conj" and is_verb(chain[k - 1]):
                    denial = _negated_objects(chain[k - 1]) if not found else \
                        [t for t in found if _negated_here(t) and not self._token_sign(t)]
                    if denial:
                        # "X suppressed E in A cells, but *had no effect* on B cells": the
                        # coordinated predicate is the cells' own (a denied change with a
                        # direction, "reduced, but did not abolish, E", only qualifies)
                        return denial[0], "no_change"
                if edge == "conj" and not found and _contrasted_predicate(chain[k - 1]):
                    # "E is activated by X in A cells *but is constitutively active* in B
                    # cells": B's predicate is set against X's and names no change
                    return "reject", None
                if edge == "conj" and found and not token.text.endswith("-") and (
                        self._token_sign(token) or is_verb(chain[k - 1]) or
                        (token.i in self._cell_tokens and self._token_sign(chain[k - 1]))):
                    # coordinated triggers or predicates, not nested ones (also "a decrease in
                    # A cells and an *increase* in B cells", the second hung on "A cells"; not
                    # "inhibit *T-* and B-cell activation", one process of two cells)
                    composing = False
            for candidate in self._triggers_at(token, anchor, mention_tokens, k == 0):
                found.append(candidate)
                sign = self._token_sign(candidate)
                if composing and sign and not (acted_on and token.i == path.top.i):
                    signs.append(sign)
        if found and not signs and condition and (_is_a_presence(drug_side) or not any(
                self._token_sign(t) for t in found)):
            # "Z had no effect on Y cells following X stimulation", "Z enhances E in Y cells
            # in the presence of X": the clause is Z's, and nothing in it is X's change
            return "reject", None
        if not signs and acted_on and (own := self._own_nominal(path)) is not None:
            # "Dexamethasone blocked *TPA induction* of NF-kappaB activity in Y cells": the
            # verb acts on the drug's own change, which the drug's noun names
            return own, self.lexicon.token_direction(own)
        if not found and (caused := self._caused_change_of_the_cells(path)) is not None:
            # "U937 cells *induced to differentiate by* X": X induced the cells to differentiate
            return caused
        if not signs and (own := self._agent_participle(path)) is not None:
            # "Erythroid differentiation *induced by hemin* was reduced": the participle is
            # the drug's own change; the verb above acts on it, not with the drug
            return own, self.lexicon.token_direction(own)
        if not found:
            governing = self._governing_verb(path)
            if governing is not None:
                return governing, "increase" if self._governing_sign(governing) > 0 else "decrease"
            return None, None
        directional = [t for t in found if self._token_sign(t)]
        if not composing and len(directional) > 1:
            # "X reduced, but did not abolish, E of Y": a coordinated effect that is denied
            # only qualifies the first, which gives the direction; not when the first has
            # cells of its own ("X reduces Z cells but does not abolish E of Y")
            first = min(directional, key=lambda t: t.i)
            others = [t for t in directional if t.i != first.i]
            later = {x.i for t in others for x in t.subtree}
            if _is_denied(others) and not _is_denied([first]) and not any(
                    x.i in self._cell_tokens and x.i not in later for x in first.subtree):
                return first, "increase" if self._token_sign(first) > 0 else "decrease"
        trigger = directional[0] if directional else next(
            (t for t in found if lemma(t) not in PASSING_VERBS), found[0])
        if not signs:
            governing = self._governing_verb(path)
            if governing is not None:
                # "Binding of X to its targets on Y *increases* CDC": the clause's verb
                # states what the nominal subject that links X and Y does.
                return governing, "increase" if self._governing_sign(governing) > 0 \
                    else "decrease"
            if _is_caused_process(trigger, path):
                return trigger, "increase"
            if (answer := self._answer_of_a_response(trigger)) is not None:
                return answer
            return trigger, self.lexicon.token_direction(trigger) if \
                self.lexicon.token_direction(trigger) == "no_change" else "unclear"
        outer = found[-1]
        if composing and is_verb(outer) and not self._token_sign(outer) and \
                self.lexicon.token_direction(outer) == "unclear" and \
                all(is_noun(t) for t in directional):
            # "X can *regulate* the induction of apoptosis of Y cells": a verb without a
            # direction governs the change, so X's direction is not known
            return trigger, "unclear"
        sign = 1
        for value in signs:
            sign *= value
        sign *= self._light_verb_sign(path) * self._induced_change_sign(path)
        return trigger, "increase" if sign > 0 else "decrease"

    def _answer_of_a_response(self, verb: Token) -> tuple[Token, str] | None:
        """'microglia *respond* to X *with an activation cascade*': the cells' answer to the
        drug, in the "with" phrase, names the change and its direction; a process named
        without one ("responded with proliferation") is an increase of it."""
        if lemma(verb) != "respond":
            return None
        for answer in verb.children:
            if preposition(answer) != "with" or not is_noun(answer):
                continue
            for word in [answer, *(c for c in answer.children if c.dep_ in {"amod", "compound"})]:
                if sign := self._token_sign(word):
                    return answer, "increase" if sign > 0 else "decrease"
            if answer.lower_ in CELL_PROCESSES:
                return answer, "increase"
        return None

    def _agent_participle(self, path) -> Token | None:
        """A participle on the drug's side whose "by" agent the drug is, modifying the noun
        the cells hang on ("differentiation *induced* by hemin")."""
        on_cells = path.top.i == path.b.i or path.top.i in self._cell_tokens
        chain = [path.a, *path.up_from_a]
        for under, participle in pairwise(chain):
            if participle.i == path.top.i:
                return None
            if on_cells and participle.lower_ in STIMULATING_PARTICIPLES | STATE_SUFFIXES:
                return None  # "T lymphocytes *stimulated by* X": the cells' state
            held = participle.head
            if (held.i == path.top.i or (held.head.i == path.top.i and held.dep_ in OBJECTS)) \
                    and self._is_changed_by(participle, under):
                # also on the object of the verb the cells hang on: "in Y cells, Z decreased
                # the apoptosis *induced by* X"
                return participle
        return None

    def _is_changed_by(self, participle: Token, under: Token) -> bool:
        """Whether ``participle`` is a directional participle modifying a noun, whose "by"
        agent ``under`` is: "differentiation *induced* by hemin"."""
        return participle.dep_ in {"acl", "amod"} and participle.tag_ == "VBN" and \
            _is_agent_phrase(under) and \
            self.lexicon.token_direction(participle) in {"increase", "decrease"}

    def _caused_change_of_the_cells(self, path) -> tuple[Token, str] | None:
        """The change a participle on the cells says the drug brought about: "U937 cells
        *induced to differentiate* by X", "Y cells stimulated to proliferate by exposure to
        X" say what "X induced Y cells to differentiate" says; the complement is the change.
        (Without the complement, "Y cells stimulated by X" is only the cells' state.)"""
        chain = [path.a, *path.up_from_a]
        if path.top.i != path.b.i or len(chain) < 3:
            return None
        participle = chain[-2]
        if participle.dep_ != "acl" or participle.tag_ != "VBN" or \
                self._token_sign(participle) <= 0:
            return None
        change = next((c for c in participle.children if c.dep_ == "xcomp" and is_verb(c)),
                      None)
        agent = next((t for t in chain[:-2] if _is_agent_phrase(t)), None)
        if change is None or agent is None or agent.head.i not in {participle.i, change.i} or \
                not (agent.i == path.a.i or
                     self.lexicon.is_in(agent.lower_, self.lexicon.treatment_words)):
            return None
        sign = self._token_sign(participle) * (self._token_sign(change) or 1)
        return change, "increase" if sign > 0 else "decrease"

    def _as_participle(self, path) -> Token | None:
        """A directional participle after "as" whose "by" agent the drug is ("as elicited
        by X", "as induced by X")."""
        if not path.up_from_a:
            return None
        participle = path.up_from_a[0]
        if participle.i != path.top.i and participle.tag_ == "VBN" and \
                _is_agent_phrase(path.a) and \
                any(c.dep_ in {"mark", "advmod"} and c.lower_ == "as"
                    for c in participle.children) and (
                    self.lexicon.token_direction(participle) in {"increase", "decrease"} or
                    INDUCER_SUFFIX.search("-" + participle.lower_)):
            return participle
        return None

    def _own_nominal(self, path) -> Token | None:
        """The directional noun the drug is a compound or the "by" agent of ("*TPA*
        induction", "activation *by PMA*"), when it is the object of the path's top."""
        if not path.up_from_a:
            return None
        noun = path.up_from_a[0]
        if (path.a.dep_ == "compound" or _is_agent_phrase(path.a)) and is_noun(noun) and \
                noun.i != path.top.i and \
                noun.head.i == path.top.i and noun.dep_ in OBJECTS and \
                self.lexicon.token_direction(noun) in {"increase", "decrease"}:
            return noun
        return None

    def _finding_after_an_aim(self, path) -> Token | None:
        """The directional verb of a finding ("... and *found* that X *inhibited* E")
        coordinated with the aim that names the cells, when the drug is its subject."""
        chain = [path.a, *path.up_from_a]
        if len(chain) < 4 or not is_aim_word(path.top):
            return None
        verb, finding = chain[-3], chain[-2]
        if finding.dep_ != "conj" or lemma(finding) not in FINDING_VERBS or \
                verb.dep_ != "ccomp" or not is_verb(verb) or not self._token_sign(verb):
            return None
        subject = _listed_head(chain[-4]) if len(chain) > 4 else chain[0]
        return verb if subject.dep_ in SUBJECTS or _is_agent_phrase(subject) else None

    def _own_change_set_apart(self, path) -> Token | None:
        """The drug's own directional participle in a conjunct set apart by "but not" from
        what the top acts on ("abrogates E, *but not* the phosphorylation induced by X")."""
        chain = [path.a, *path.up_from_a]
        # the conjunct may hang lower than the top's object ("... irrespective of
        # activation of E, but not the phosphorylation induced by X", hung on "activation")
        below = next((t for t in chain[:-1] if t.dep_ == "conj" and any(
            c.lower_ == "not" and c.i > 0 and c.doc[c.i - 1].lower_ == "but" and c.i < t.i
            for c in [*t.head.children, *t.children])), None)
        if below is None:
            return None
        for under, participle in pairwise(chain):
            if participle.i == below.i:
                return None
            if self._is_changed_by(participle, under):
                return participle
        return None

    def _own_clause_verb(self, path) -> Token | None:
        """The directional verb of a clause of the drug's own, set beside the one with the
        cells ("...; however, proliferation was inhibited *by* Z"), when the drug is its
        subject or "by" agent and no other verb comes between."""
        chain = [path.a, *path.up_from_a]
        if len(chain) < 3:
            return None
        verb, under = chain[-2], chain[-3]
        if verb.dep_ != "parataxis" or not is_verb(verb) or not self._token_sign(verb) or \
                any(is_verb(t) for t in chain[:-3]) or _refers_back(verb):
            return None  # "...; this effect was abolished by X" composes with the first clause
        if under.dep_ in SUBJECTS or _is_agent_phrase(under) or \
                any(c.dep_ in {"case", "mark"} and c.lower_ == "by" for c in under.children):
            return verb
        return None

    def _own_coordinated_verb(self, path) -> Token | None:
        """A coordinated directional verb, with no subject of its own, whose agent the drug
        is: "E of Y was inhibited by Z and *augmented by X*" (the parser often hangs the
        second verb on Z rather than on "inhibited")."""
        chain = [path.a, *path.up_from_a]
        for under, verb in pairwise(chain):
            if verb.i == path.top.i:
                return None
            if verb.dep_ == "conj" and is_verb(verb) and self._token_sign(verb) and \
                    _is_agent_phrase(under) and not any(c.dep_ in SUBJECTS for c in verb.children):
                return verb
        return None

    def _anaphoric_sign(self, drug: Token, path) -> int:
        """'E of Y cells was increased in MTX-treated rats, while X *reversed these effects*':
        the drug's own verb acts on the effect the other clause states, through an
        anaphoric object ("these effects", "this inhibition"), so its sign composes."""
        while drug.head.i != drug.i and (
                drug.dep_ in {"appos", "dep", "conj"} or
                (preposition(drug) in {"with", "to"} and
                 self.lexicon.is_in(drug.head.lower_, self.lexicon.treatment_words))):
            # "the receptor antagonist RU-38486", "blocked by coincubation *with* X"
            drug = drug.head
        verb = _passive_clause_before(drug) or drug.head  # its clause, whatever the parse
        if not (drug.dep_ in SUBJECTS or _is_agent_phrase(drug)) or \
                verb.i == path.top.i or verb.i not in {t.i for t in path.up_from_a}:
            return 1  # "... the effect was *reversed by* X" counts as X's own verb
        return (self._token_sign(verb) or 1) if _refers_back(verb) else 1

    def _governing_verb(self, path) -> Token | None:
        """The directional verb whose subject is the path's top, if any, unless the verb
        names an agent of its own off the path ("migration of Y in response to X was
        *inhibited by Z*": Z inhibits, X does not)."""
        top = path.top
        if top.dep_ not in SUBJECTS or not is_verb(top.head) or not self._token_sign(top.head):
            return None
        on_path = {t.i for t in path.tokens()}
        if any(_is_agent_phrase(c) and c.i not in on_path for c in top.head.children):
            return None
        return top.head

    def _governing_sign(self, verb: Token) -> int:
        """The sign of a governing verb. A verb that only passes on its object's change takes
        the object's sign: "Treatment of Y with X *resulted in a decrease* of E", "... *leads
        to the inhibition* of E" (the object is off the path)."""
        sign = self._token_sign(verb)
        if lemma(verb) in PASSING_VERBS:
            for child in _passed_objects(verb):
                if self._token_sign(child):
                    return sign * self._token_sign(child)
        return sign

    def _light_verb_sign(self, path) -> int:
        """'X exhibited an *inhibitory* effect on the induction of Y': the light verb's object
        (an effect noun with a direction) governs what the path reaches."""
        top = path.top
        if top.lower_ not in LIGHT_VERBS and lemma(top) not in LIGHT_VERBS:
            return 1
        return self._object_sign_off_path(path, self.lexicon.effect_heads)

    def _induced_change_sign(self, path) -> int:
        """'X incubation *induced a decrease* in E ... in cultures of Y cells', the cells hung
        on the verb: the change the verb brings about, off the path, is the direction."""
        if lemma(path.top) not in INDUCING_VERBS:
            return 1
        return self._object_sign_off_path(path, CHANGE_NOUNS)

    def _object_sign_off_path(self, path, nouns: Collection[str]) -> int:
        """The sign of the top's first object off the path that is one of ``nouns``, or 1."""
        on_path = {t.i for t in path.tokens()}
        for child in path.top.children:
            if child.dep_ in OBJECTS and child.i not in on_path and child.lower_ in nouns:
                return self._token_sign(child) or 1
        return 1

    def _triggers_at(self, token: Token, anchor: DrugAnchor, mention_tokens: set[int],
                     is_cell: bool) -> list[Token]:
        """Triggers at a path token: the token itself, then adjectives modifying it; not the
        state of any cells on the path ("in anti-CD3 *activated* T cells and PBMCs")."""
        found = []
        if not is_cell and token.i not in mention_tokens and token.i != anchor.token.i and \
                self.lexicon.token_direction(token) is not None:
            found.append(token)
        # An effect noun's modifiers are already its direction ("inhibitory effect", see
        # _token_sign): taking them again would count the direction twice.
        if is_noun(token) and token.lower_ not in self.lexicon.effect_heads:
            for child in token.children:
                if child.dep_ in {"amod", "advmod"} and child.i < token.i and \
                        child.i not in mention_tokens and child.i != anchor.token.i and \
                        not ((is_cell or token.i in self._cell_tokens) and
                             child.lower_ in CELL_STATES and not (
                                 is_cell and token.dep_ == "ROOT" and
                                 child.i - 1 == _last_token(anchor))) and \
                        self.lexicon.token_direction(child) in {"increase", "decrease",
                                                                "no_change"}:
                    found.append(child)
        return found

    def _argument_trigger(self, path, cell_token: Token, mention_tokens: set[int]):
        """When the path meets at a light verb or predicate ("patients *had* a reduction in
        the percentage of T cells", "effects ... were *more pronounced* with X in Y"), the
        trigger is one of its arguments: the one written nearest before the cell."""
        top = path.top
        if not (is_verb(top) or top.tag_.startswith("JJ")):
            return None, None
        arguments = []
        shares_subject = any(t.dep_ in SUBJECTS and t.head.i == top.i
                             for t in [cell_token, *cell_token.ancestors])
        for child in top.children:
            if child.dep_ == "conj" and not is_noun(child):
                # "MDSCs express BTK and can be depleted by ibrutinib": the coordinated verb
                # shares the subject unless it has its own.
                own_subject = any(c.dep_ in SUBJECTS for c in child.children)
                if shares_subject and not own_subject:
                    arguments.append(child)
                continue
            # "acomp"/"amod": a predicate adjective hung on the verb ("Treg are ...
            # hypersensitive to X" parsed with the adjective under "are").
            if child.dep_ in SUBJECTS | OBJECTS | {"nmod", "xcomp", "conj", "nmod:npmod",
                                                    "acomp", "amod"}:
                arguments.append(child)
                arguments.extend(c for c in child.children if c.dep_ in {"conj", "amod"})
                if child.dep_ == "xcomp" and child.lower_ in LIGHT_VERBS:
                    # "X is known *to have a lytic effect* in Y cells", "in Y" on "have"
                    arguments.extend(c for c in child.children if c.dep_ in OBJECTS)
        candidates = [t for t in arguments if t.i not in mention_tokens
                      and self.lexicon.token_direction(t) is not None
                      and not self.lexicon.is_in(t.lower_, self.lexicon.treatment_words)
                      and not self._grades_another_adjective(t)]
        if not candidates:
            return None, None
        before = [t for t in candidates if t.i < cell_token.i]
        trigger = max(before, key=lambda t: t.i) if before else min(candidates, key=lambda t: t.i)
        if not self._token_sign(trigger):
            # "An *enhanced* IL-2 response was detected": the adjective gives the direction
            trigger = next((c for c in candidates if c.head.i == trigger.i and c.dep_ == "amod"
                            and self._token_sign(c)), trigger)
        sign = self._token_sign(trigger)
        direction = "increase" if sign > 0 else "decrease" if sign < 0 else \
            self.lexicon.token_direction(trigger)
        return trigger, direction

    def _grades_another_adjective(self, token: Token) -> bool:
        """'a much *less* expensive solution', the comparative parsed as the noun's modifier:
        it grades the adjective after it, which names no change, not the noun."""
        doc = token.doc
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return token.lower_ in {"less", "more"} and following is not None and \
            following.tag_ == "JJ" and self.lexicon.token_direction(following) is None

    def _is_a_reagent(self, drug: Token) -> bool:
        """'Anti-STAT3 antibodies *precipitated* a protein that becomes phosphorylated upon
        ...': the subject of an assay's verb is a tool of the assay, not an agent; so is
        what a staining is done with."""
        head = _listed_head(drug)
        return (head.dep_ == "nsubj" and lemma(head.head) in ASSAY_VERBS) or \
            self._stains(head)

    def _stains(self, drug: Token) -> bool:
        """'as determined by immunohistochemical *staining* of sections *with an anti-Pl-1
        antibody*': what a staining or a probing is done with, through nouns only, reads the
        cells out ("staining of cells *treated* with X" has a treatment between)."""
        if preposition(drug) not in {"with", "using"}:
            return False
        for head in list(drug.ancestors)[:3]:
            if head.lower_ in ASSAY_NOUNS or lemma(head) in STAINING_VERBS:
                return True
            if not is_noun(head) or head.lower_ in STIMULATION_NOUNS or \
                    self.lexicon.is_in(head.lower_, self.lexicon.treatment_words):
                return False  # "detected in Y cells after *stimulation* with X"
        return False

    def _head_trigger(self, token: Token, mention_tokens: set[int]):
        head = token.head
        if head.i != token.i and head.i not in mention_tokens:
            direction = self.lexicon.token_direction(head)
            if direction is not None:
                sign = self._token_sign(head)
                return head, direction if not sign else ("increase" if sign > 0 else "decrease")
        return None, None

    def _token_sign(self, token: Token) -> int:
        direction = self.lexicon.token_direction(token)
        sign = SIGN.get(direction or "", 0)
        shielded = [o for o in token.children if o.dep_ in OBJECTS]
        if token.dep_ == "amod":
            shielded.append(token.head)  # "Lenalidomide protected T cells from ...", read as a noun phrase
        if sign and lemma(token) in SHIELDING_VERBS and any(
                preposition(c) in {"from", "against"}
                for c in [*token.children, *(g for o in shielded for g in o.children)]):
            # "protected Y cells *from apoptosis*", "rescues the cells from apoptosis" (the
            # "from" phrase also hung on the object): a decrease of apoptosis
            return -sign
        if sign and lemma(token) in PASSING_VERBS and any(
                self.lexicon.token_direction(c) == "unclear" for c in _passed_objects(token)):
            return 0  # "led to *alteration* of E": no direction to pass on
        if direction == "unclear":
            # "adversely affected", "positively regulates": the adverb gives the direction
            for child in token.children:
                if child.dep_ == "advmod" and child.lower_ in SIGNED_ADVERBS:
                    return SIGNED_ADVERBS[child.lower_]
        if sign == 0 and is_noun(token) and token.lower_ in self.lexicon.effect_heads:
            # "inhibitory effect", "cytotoxic effects": the modifier gives the direction.
            modifiers = [c for c in token.children if c.dep_ in {"amod", "dep"}]
            modifiers += [g for c in modifiers for g in c.children if g.dep_ in {"amod", "dep"}]
            # "Enhancing effect of X on Y" in a title, parsed as a verb and its object, or
            # with the participle as a compound
            modifiers += [c for c in token.children
                          if c.dep_ == "compound" and c.tag_ in {"JJ", "VBG"}]
            if token.dep_ == "dobj" and token.head.tag_ == "VBG" and token.head.i == token.i - 1:
                modifiers.append(token.head)
            for child in modifiers:
                modifier = self.lexicon.modifier_direction(child.text) or \
                    self.lexicon.token_direction(child)
                sign = SIGN.get(modifier or "", 0) or sign
        if sign == 0 and is_noun(token) and token.lower_ in ACTIVITY_HEADS and not any(
                preposition(c) in {"of", ""} and
                any(t.i in self._cell_tokens and t.head.i not in self._cell_tokens
                    and preposition(t) not in ON_PREPOSITIONS for t in c.subtree)
                for c in token.children):
            # "the cytotoxic activity of X against Y cells", "antitumor activity in Y cells":
            # the drug's activity, whose kind the adjective names, gives the direction (not
            # "increased activity", nor "the cytotoxic activity *of NK cells*" or "*NK-cell*
            # cytotoxic activity", the cells' own)
            for child in token.children:
                if child.dep_ == "amod":
                    sign = SIGN.get(self.lexicon.modifier_direction(child.text) or "", 0) or sign
        return sign

    def _compose(self, tokens: list[Token], mention_tokens: set[int], skip: Token) -> int:
        sign = 1
        for token in tokens:
            if token.i in mention_tokens or token.i == skip.i:
                continue
            sign *= self._token_sign(token) or 1
        return sign

    def _is_treatment_link(self, path, anchor: DrugAnchor, cell_token: Token) -> bool:
        """Drug and cell meet at a treatment word: "treatment of Y with X", "Y exposed to X",
        "bortezomib treated DC"."""
        top = path.top
        if top.i == cell_token.i and anchor.token.head.i == cell_token.i and any(
                self.lexicon.is_in(t.lower_, self.lexicon.treatment_words)
                for t in cell_token.doc[anchor.token.i + 1:cell_token.i]):
            return True
        if top.i == cell_token.i and any(
                t.head.i == cell_token.i and t.dep_ in {"acl", "amod", "acl:relcl"} and (
                    self.lexicon.is_in(t.lower_, self.lexicon.treatment_words) or (
                        t.lower_ in STIMULATING_PARTICIPLES and
                        any(preposition(c) in {"with", "by"} for c in t.children)))
                for t in path.up_from_a):
            # "Y cells *exposed* to X showed ...", "T cells *stimulated with* (or *by*) X
            # demonstrated increases in E": the participle on the cells ("Y cells *that were treated*
            # with X showed ...": the relative clause)
            return True
        if anchor.implicit and anchor.token.head.i == cell_token.i and top.i == cell_token.i \
                and anchor.token.dep_ in {"amod", "compound"} and (
                    self.lexicon.is_in(anchor.token.lower_, self.lexicon.treatment_words)
                    or self._is_treated_by_reference(anchor.token)):
            return True  # "*Treated* T cells formed ...", "*Drug-treated* CLL cells showed ..."
        participle = cell_token.head
        if top.i == anchor.token.i and participle.head.i == top.i and \
                participle.i == _last_token(anchor) + 1 and cell_token.dep_ == "dobj" and \
                self.lexicon.is_in(participle.lower_, self.lexicon.treatment_words):
            return True  # "Bortezomib treated DC maintained ...", "treated" hung on the drug
        if not self.lexicon.is_in(top.lower_, self.lexicon.treatment_words):
            return anchor.implicit and anchor.token.i == top.i and path.length <= 2
        if len(path.up_from_b) == 0:  # the cell heads the treatment: "Y cells exposed to X"
            return True
        if len(path.up_from_b) == 1:  # "treatment of Y (with X)"
            direct = cell_token.head.i == top.i or (cell_token.dep_ == "conj")
            return direct and preposition(cell_token) in {"of", "in", "", "with"}
        if len(path.up_from_b) == 2 and cell_token.dep_ == "compound" and \
                cell_token.head.head.i == top.i:
            # "treatment of a pre-B cell *line*": the cells name the noun the treatment is of
            return preposition(cell_token.head) in {"of", "in", "", "with"}
        return cell_token.dep_ == "conj" and len(path.up_from_b) == 2

    def _treatment_frame(self, doc: Doc, frame: Token, cell: Mention, cell_token: Token,
                         mention_tokens: set[int], length: int) -> Evidence | None:
        """A treatment links drug and cell; the effect is stated by the clause around it.

        ``frame`` is the treatment word ("treatment of Y with X") or the treated cells
        ("X-treated Y cells", "Y cells exposed to X"). It must be an argument of the clause:
        its subject, object, or agent ("is enhanced by pre-incubation of Y with X").
        """
        frame = _listed_head(frame)
        if _is_treatment_time(frame) and not self._another_agent(frame.head):
            # "After treatment of APL cells with AM580, the compound induces maturation",
            # "Upon treatment of Y cells with X, apoptosis increased"
            predicates = [frame.head]
        elif _is_treatment_time(frame, loose=True) and frame.head.dep_ == "nmod" and \
                is_verb(frame.head.head) and not self._another_agent(frame.head.head):
            # "E is phosphorylated on tyrosine *upon* treatment of Y with X", the time hung on
            # the verb's last noun
            predicates = [frame.head.head]
        elif _is_a_treatment_occasion(frame) and not any(
                self._another_agent(verb, frame)
                for verb in [frame.head, *clause_complements(frame.head)]):
            # "*When* human monocytes were preincubated with X, X inhibited E": the clause the
            # treatment dates states its effect, when no other agent acts in it
            predicates = [frame.head]
        elif frame.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "mark" and c.lower_ == "by"
                                                      for c in frame.children):
            # "E was triggered *by treating* Y cells with X": the treatment is the means
            predicates = [frame.head]
        elif _is_the_place_of_a_change(frame):
            # "IL-2 production was increased *in T lymphocytes stimulated by X*": the
            # change happens in the treated cells, and nothing else brings it about
            if not is_verb(frame.head):
                return self._nominal_change(doc, frame, cell, cell_token, length)
            predicates = [frame.head]
        elif unjoined := _unjoined_predicates(frame):
            predicates = unjoined  # "X stimulated lymphocytes ... showed E", read as a verb
        elif self._is_predicate_argument(frame) or _is_agent_phrase(frame):
            predicates = [frame.head]
            if _another_subject_acts(frame):
                # "PG490 inhibits IL-2 expression by lymphocytes stimulated with PMA", "NK
                # cells killed X-treated MM cells": the clause's subject acts, the treatment
                # only treats (guideline rule 4)
                return None
        elif (holder := _holder_of_the_change(frame)) is not None and \
                not self.lexicon.is_in(holder.lower_, self.lexicon.treatment_words):
            # "the shunt activity *of the dapsone-exposed RBCs* was increased": the treated
            # cells own what the clause says changed, and nothing else acts on it (not "long
            # *culture* of X-differentiated cells in the absence of X resulted in E")
            if _another_subject_acts(holder):
                return None
            predicates = [holder.head]
        else:
            # "Bortezomib treated mature DC was able to induce ...", parsed with "treated" as
            # the main verb, and "Y cells were treated with X and *showed* reduced E": the
            # predicate of the treated cells is coordinated with the treatment.
            treated = cell_token.head.i == frame.i and cell_token.dep_ in {"dobj", "nsubjpass"}
            predicates = []
            if treated and is_verb(frame):
                # (the parser may hang the coordinated verb on the drug: "exposed to PMA *and
                # differentiated* ...")
                candidates = [*frame.children, *(g for c in frame.children
                                                if c.dep_ == "nmod" and c.i > frame.i
                                                for g in c.children if is_verb(g))]
                predicates = [c for c in candidates if c.dep_ == "conj"
                              and not any(g.dep_ in SUBJECTS for g in c.children)]
        for predicate in predicates:
            if _compares_hosts(predicate):
                continue  # "... showed diminished E in comparison with Y cells from controls"
            if predicate.lower_ in MAKING_NOUNS and frame.head.i == predicate.i and \
                    preposition(frame) == "by" and not is_verb(predicate.head) and \
                    not predicate.head.tag_.startswith("JJ"):
                # "IL-8 production by monocytes stimulated with X": the treated cells make it
                # (not "Z inhibits IL-2 expression by Y cells stimulated with X", where Z acts,
                # nor "IL-2 production by CsA-treated cells is reduced": the verb states it)
                return self._evidence(doc, predicate, "increase", "treatment", predicate, cell,
                                      length + 2)
            if is_verb(predicate) or predicate.tag_.startswith("JJ"):
                evidence = self._predicate_effect(doc, predicate, cell, cell_token,
                                                  mention_tokens, length)
                if evidence is not None:
                    return evidence
        return None

    def _nominal_change(self, doc: Doc, cells: Token, cell: Mention, cell_token: Token,
                        length: int) -> Evidence | None:
        """The change a noun phrase names in treated cells: "*Induction* of Sp1
        phosphorylation in T lymphocytes stimulated by X", read up the "of" chain to the
        outermost trigger, its direction composed with the triggers below it."""
        chain = [cells.head]
        while preposition(chain[-1]) == "of" and is_noun(chain[-1].head) and \
                chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        signs = [self._token_sign(t) for t in chain if t.i not in self._mention_tokens]
        if chain[-1].dep_ not in {"ROOT", *SUBJECTS} or not signs[-1]:
            return None  # an object: the verb's subject brings the change about
        sign = 1
        for value in signs:
            sign *= value or 1
        return self._evidence(doc, chain[-1], "increase" if sign > 0 else "decrease",
                              "treatment", self._effect_head(chain[-1], cell_token), cell,
                              length + len(chain))

    def _predicate_effect(self, doc: Doc, predicate: Token, cell: Mention, cell_token: Token,
                          mention_tokens: set[int], length: int) -> Evidence | None:
        """The effect a treatment frame's predicate states: a trigger verb (or one of its
        complements), or a trigger on its object."""
        for verb in [predicate, *clause_complements(predicate)]:
            direction = self.lexicon.token_direction(verb)
            if direction is not None and verb.i not in mention_tokens and \
                    not self.lexicon.is_in(verb.lower_, self.lexicon.treatment_words) and \
                    not (verb.tag_ == "VBN" and is_aim_word(verb)):  # "were *analyzed* by ..."
                if lemma(verb) in PASSING_VERBS:  # "... *led to* alteration of E"
                    sign = self._governing_sign(verb)
                    if not sign and any(c.lower_ in CAUSED_PROCESSES
                                        for c in _passed_objects(verb)):
                        sign = 1  # "... *resulted in* neutrophil differentiation"
                    direction = "increase" if sign > 0 else "decrease" if sign < 0 else "unclear"
                if _kills_others(verb, cell_token):
                    # "X-activated NK cells *killed* tumor cells": the treated cells kill,
                    # their cytotoxicity is what the treatment shows
                    direction = "increase"
                effect = self._effect_head(verb, cell_token)
                if effect.i != verb.i and lemma(verb) not in PASSING_VERBS and not (
                        direction == "increase" and self.lexicon.is_in(
                            verb.lower_, self.lexicon.reversing_triggers)):
                    # "the *immunosuppressive* effects of Z are blocked when Y cells are
                    # pretreated with X": blocking a suppression is an increase (a restored
                    # one is not a decrease)
                    direction = _times(direction, self._token_sign(effect) or 1)
                return self._evidence(doc, verb, direction, "treatment", effect, cell,
                                      length + 2)
            for obj in verb.children:
                if obj.dep_ not in OBJECTS | {"nmod"}:
                    continue
                # "showed *reduced* E", "formed *more* immune synapses" (on the adjective)
                modifiers = [g for c in obj.children for g in c.children if g.dep_ == "advmod"]
                for mod in [obj, *obj.children, *modifiers]:
                    direction = self.lexicon.token_direction(mod)
                    if direction and mod.i not in mention_tokens and \
                            not self.lexicon.is_in(mod.lower_, self.lexicon.treatment_words):
                        if mod.i == obj.i and (change := self._change_of(obj)) is not None:
                            # "showed *reduced* activation": the change of the process the
                            # noun names, composed with it
                            mod, direction = change, _times(
                                self.lexicon.token_direction(change) or "unclear",
                                self._token_sign(obj) or 1)
                        return self._evidence(doc, mod, direction, "treatment", obj, cell,
                                              length + 3)
        if predicate.lower_ in PRODUCING_VERBS and any(c.dep_ in OBJECTS
                                                       for c in predicate.children):
            # "Endothelial cells stimulated by LPS *express* E-selectin": the treated cells
            # make what the verb names
            return self._evidence(doc, predicate, "increase", "treatment",
                                  self._effect_head(predicate, cell_token), cell, length + 2)
        return None

    def _change_of(self, noun: Token) -> Token | None:
        """An adjective or participle with a direction on a trigger noun ("*reduced*
        activation", "*enhanced* inhibition"), or None."""
        return next((c for c in noun.children if c.dep_ == "amod" and
                     self.lexicon.token_direction(c) in SIGN), None)

    def _another_agent(self, verb: Token, clause: Token | None = None) -> bool:
        """Whether an active verb's subject acts in the treatment's place: not the drug named
        again ("the compound"), and not what changes ("apoptosis increased": no object). With
        the treatment's ``clause`` ("*When* Y cells were treated with X, ..."), neither does
        its drug named by name ("X inhibited E") or a pronoun."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or not _has_an_object(verb) or \
                lemma(verb) in LINKING_VERBS or verb.lower_ in LINKING_VERBS:
            return False  # "a protein that *becomes phosphorylated* upon treatment with X"
        given = set() if clause is None else \
            {t.lower_ for t in clause.subtree if t.i in self._drug_tokens}
        return not all(self.lexicon.is_in(s.lower_, self.lexicon.drug_reference_words) or
                       s.lower_ in given or (clause is not None and s.tag_ in {"PRP", "EX"})
                       for s in subjects)

    def _is_a_stimulation_frame(self, path, anchor: DrugAnchor) -> bool:
        """'*Stimulation* of Y cells *with* X', the subject or object of a clause: a
        stimulation or priming whose cells and drug both hang on it."""
        top = path.top
        drug_side = _listed_head(anchor.token)
        return top.lower_ in STIMULATION_NOUNS | PRIMING_NOUNS and \
            drug_side.head.i == top.i and preposition(drug_side) == "with" and \
            path.up_from_b and path.up_from_b[0].i == top.i and \
            (preposition(path.b) == "of" or path.b.dep_ == "compound") and \
            self._is_predicate_argument(top)

    @staticmethod
    def _is_a_stimulation_protocol(trigger: Token | str | None, anchor: DrugAnchor) -> bool:
        """'Eosinophils *were stimulated with* IFN-gamma for 1-60 min', 'when *stimulation* of
        cells was performed *with* X': a stimulation with the drug and nothing it led to is a
        treatment (rule 5). The drug as the stimulation's agent ("X stimulated Y cells",
        "stimulated by X") is a claim."""
        if not isinstance(trigger, Token) or \
                trigger.lower_ not in STIMULATING_PARTICIPLES | STIMULATION_NOUNS | {"priming"}:
            return False
        if is_noun(trigger) and lemma(trigger.head) not in PROCEDURE_VERBS:
            return False  # "Stimulation of Y with X results in different responses"
        drug_side = _listed_head(anchor.token)
        while ((drug_side.dep_ in {"appos", "dep"} or
                (preposition(drug_side) == "of" and
                 _listed_head(drug_side.head).lower_ in AMOUNT_NOUNS | CONDITION_NOUNS)) and
               is_noun(drug_side.head) and drug_side.head.i != trigger.i):
            # "with endotoxin (LPS, 100 ng/mL)", "with a *pair of* anti-CD2 antibodies in the
            # *presence or absence of* anti-CD28"
            drug_side = _listed_head(drug_side.head)
        return drug_side.head.i == trigger.i and (
            preposition(drug_side) == "with" or
            (preposition(drug_side) == "in" and drug_side.lower_ in CONDITION_NOUNS))

    @staticmethod
    def _is_predicate_argument(token: Token) -> bool:
        return token.dep_ in SUBJECTS | OBJECTS

    def _is_killing_target(self, doc: Doc, cell_token: Token, inside: list[Mention]) -> bool:
        """Rule 9: 'NK-mediated ADCC of CLL cells' — the claim is on the killer, not the target."""
        effect = cell_token.head
        if not self.lexicon.is_in(effect.lower_, self.lexicon.killing_effects):
            return self._is_named_killers_target(doc, cell_token, inside)
        if preposition(cell_token) == "by" and preposition(effect) == "to" and \
                effect.head.lower_ in SUSCEPTIBILITY_WORDS:
            # "susceptibility of Y cells to lysis *by LAK cells*": the targets' susceptibility
            # is what changes; the killers only probe it
            return True
        if preposition(cell_token) in {"of", "against", "on", "to"}:
            def is_killer(token: Token) -> bool:  # "NK-mediated", "by NK cells"
                return token.dep_ != cell_token.dep_ or preposition(token) == "by" or (
                    # "the cytotoxicity of NK cells against K562 cells", both on the noun
                    preposition(cell_token) == "against" and preposition(token) == "of")
        elif cell_token.dep_ == "compound":
            # "neutrophil-mediated tumor cell cytostasis", "tumor cell killing by NK cells";
            # but in "T cell cytotoxicity against tumor cells" the compound is the killer
            def is_killer(token: Token) -> bool:
                return token.lower_.endswith("-mediated") or preposition(token) == "by"
        else:
            return False
        killers = [m for m in inside if m.label == CELL
                   and any(doc[i].head.i == effect.i and is_killer(doc[i])
                           for i in range(m.first_token, m.last_token + 1))]
        return bool(killers)

    def _is_named_killers_target(self, doc: Doc, cell_token: Token,
                                 inside: list[Mention]) -> bool:
        """Rule 9 when the target hangs apart from the killing: 'blocked the cytolytic
        activity of NK cells *against the sensitive target K562*' ("against" attached to the
        verb). The cells are a target ("against" them, or "against" a target they name) and
        another cell population in the sentence is the killer of a killing word."""
        target = cell_token.head if cell_token.head.lower_ in TARGET_NOUNS else cell_token
        if preposition(target) != "against":
            return False
        return any(m.label == CELL and not m.first_token <= cell_token.i <= m.last_token and
                   self._kills(doc[m.last_token]) for m in inside)

    def _kills(self, cell_token: Token) -> bool:
        """'cytotoxicity *of NK cells*', 'the cytolytic activity of NK cells', 'NK cell
        lysis': the cells' head is a killing word."""
        head = cell_token.head
        if cell_token.dep_ not in {"nmod", "compound"} or \
                (cell_token.dep_ == "nmod" and preposition(cell_token) != "of"):
            return False
        return self.lexicon.is_in(head.lower_, self.lexicon.killing_effects) or any(
            c.dep_ == "amod" and c.lower_ in KILLING_ADJECTIVES for c in head.children)

    # -- evidence -----------------------------------------------------------------------
    def _effect_head(self, trigger: Token, cell_token: Token) -> Token:
        """The noun the trigger acts on: the noun a participle or adjective trigger modifies
        ("apoptosis *induced* by X", "a *reduced* capacity"), its object or passive subject,
        or itself. Never the drug or the cell: "X *activates* Y cells" states activation."""
        def usable(token: Token) -> bool:
            return token.i != cell_token.i and token.i not in self._drug_tokens and \
                token.i not in self._cell_tokens

        def names_the_drug(token: Token) -> bool:
            return any(t.i in self._drug_tokens for t in token.subtree)
        if is_noun(trigger):
            if trigger.lower_ in self.lexicon.effect_heads:
                # "the effects of X on *lymphocyte activation*"
                for child in trigger.children:
                    if preposition(child) in ON_PREPOSITIONS and usable(child) and \
                            not names_the_drug(child):
                        return child
            if any(c.dep_ == "cop" for c in trigger.children) or \
                    trigger.lower_ in (self.lexicon.predicate_triggers or {}):
                # "X was a potent inhibitor of *neutrophil apoptosis*", "X, a potent
                # stimulator of *endothelial cell migration*"
                for child in trigger.children:
                    if preposition(child) == "of" and usable(child) and not names_the_drug(child):
                        return child
            return trigger
        for child in trigger.children:
            if child.dep_ == "xcomp" and is_verb(child) and usable(child) and \
                    not is_aim_word(child) and not _compares_to(child):
                # "Y cells can be induced *to differentiate*", "X induced Y cells to
                # produce *IL-2*": what the cells are brought to do (not the study's
                # purpose: "were activated by X *to assess* signalling")
                return next((o for o in child.children if o.dep_ in OBJECTS and usable(o)),
                            child)
        for child in trigger.children:
            # not a host the parser made the subject: "T cells from lupus *patients* ... were
            # activated" states activation
            if child.dep_ in OBJECTS | PASSIVE_SUBJECTS and usable(child) and \
                    child.lower_ not in HOSTS:
                if child.lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "acl:relcl" and \
                        not usable(trigger.head) and is_noun(trigger.head.head):
                    # "VEGF production by SCC lines, *which* was inhibited": the clause,
                    # hung on the cells, is on the noun that holds them
                    return trigger.head.head
                return child
        if _modifies_its_noun(trigger) and usable(trigger.head):
            return trigger.head
        # "Expression of CD69 on T cells *increased* in response to PHA": the subject of a
        # verb with no object is what changed ("X protected *the cells*": not "X")
        if not _has_an_object(trigger):
            for child in trigger.children:
                if child.dep_ == "nsubj" and is_noun(child) and usable(child) and \
                        not names_the_drug(child) and \
                        not self.lexicon.is_in(child.lower_, self.lexicon.drug_reference_words):
                    return child
        for child in trigger.children:
            # not the phrase that names the agent ("by the combination of GM-CSF"), the way
            # it works ("via the TCR") or the study's purpose ("to assess signalling")
            if child.dep_ in {"nmod", "xcomp"} and usable(child) and \
                    not names_the_drug(child) and preposition(child) not in MEANS_PREPOSITIONS \
                    and not is_aim_word(child):
                return child
        return trigger

    def _evidence(self, doc: Doc, trigger: Token, direction: str, rule: str,
                  effect_head: Token, cell: Mention, length: int) -> Evidence:
        stop = frozenset({trigger.i} if effect_head.i != trigger.i else set())
        effect = effect_phrase(doc, effect_head, cell, stop=stop | self._mention_tokens)
        return Evidence(trigger, direction, rule, effect, length)


def effect_phrase(doc: Doc, head: Token, cell: Mention, max_tokens: int = 8,
                  stop: frozenset[int] = frozenset()) -> str:
    """The effect: ``head`` with the modifiers written before it, minus the cell mention."""
    start = head.i
    for i in range(head.i - 1, head.left_edge.i - 1, -1):
        token = doc[i]
        if cell.first_token <= i <= cell.last_token or token.dep_ in {"det", "case", "mark", "cc"} \
                or token.tag_ in {"IN", "TO", "CC", "DT", "WDT"} or token.is_punct \
                or i in stop or is_verb(token) or token.text.startswith("-"):
            break  # "(PHA)*-induced* proliferation": the drug's suffix, not the effect's
        start = i
    start = max(start, head.i - max_tokens + 1)
    # "restores T-cell *actin* cytoskeletal signaling" misparsed with "actin" as the object:
    # the nouns and adjectives written right after the head, up to a noun, are its phrase
    end = head.i
    limit = head.sent.end if doc.has_annotation("SENT_START") else len(doc)
    for i in range(head.i + 1, min(limit, head.i + 4)):  # not into the next sentence
        token = doc[i]
        if cell.first_token <= i <= cell.last_token or i in stop or \
                not (token.tag_.startswith(("NN", "JJ"))) or not doc[i - 1].whitespace_:
            break
        if token.tag_.startswith("NN"):
            end = i
    if end > head.i and (cell.first_token <= end + 1 <= cell.last_token or
                         (end + 1 < len(doc) and doc[end + 1].lower_ in {"cell", "cells"})):
        end = head.i  # "activated T" of "activated T cells": the cells' words, not the effect
    return doc[start:end + 1].text


# "DMI inhibited cell proliferation": with no population named in the sentence, the cells
# of a cell-level process are the claim's cells (generic, CL:0000000).
CELL_PROCESSES = frozenset({
    "proliferation", "growth", "migration", "viability", "survival", "adhesion",
    "invasion", "division", "shape", "motility", "spreading", "aggregation",
    "differentiation", "retraction", "number", "numbers", "apoptosis", "lysis", "killing",
    "death", "arrest",
})
GENERIC_DETERMINERS = {"these", "those", "the", "such", "treated", "untreated", "target",
                       "both", "all", "this"}


def generic_cells(doc: Doc, sentence: Span, inside: list[Mention],
                  mentions: list[Mention]) -> list[Mention]:
    """'cells' and 'these cells' that no entity covers: the population named before.

    Resolved to the nearest earlier cell mention of the section ("... MDSCs, and ibrutinib
    inhibits BTK in these cells"), taking its name and ids; with no antecedent they stay
    generic cells (CL:0000000), which is what the text says.
    """
    covered = {i for m in inside for i in range(m.first_token, m.last_token + 1)}
    earlier = [m for m in mentions if m.label in (CELL, CELL_LINE)]
    named = any(m.label in (CELL, CELL_LINE) for m in inside)
    found = []
    for token in sentence:
        if token.lower_ not in {"cells", "cell"} or token.i in covered or not is_noun(token):
            continue
        if token.dep_ in {"compound", "amod"} and not (
                not named and token.lower_ == "cell" and token.head.lower_ in CELL_PROCESSES):
            continue  # "cell lines"; "cell proliferation" where the sentence names the cells
        if token.dep_ in {"compound", "amod"}:
            found.append(Mention(token.idx, token.idx + len(token.text), CELL, "cell",
                                 ("CL:0000000",), "coreference", "generic", "generic",
                                 token.i, token.i))
            continue
        first = token.i
        while first > sentence.start and doc[first - 1].lower_ in GENERIC_DETERMINERS:
            first -= 1
        start = doc[first].idx
        antecedent = max((m for m in earlier if m.end <= start), key=lambda m: m.end, default=None)
        if antecedent is not None:
            found.append(Mention(start, token.idx + len(token.text), CELL, antecedent.norm,
                                 antecedent.ids, "coreference", "anaphora", "generic",
                                 first, token.i))
        else:
            found.append(Mention(start, token.idx + len(token.text), CELL, "cell",
                                 ("CL:0000000",), "coreference", "generic", "generic",
                                 first, token.i))
    return found


DISEASE_HEADS = {"lymphoma", "lymphomas", "leukemia", "leukemias", "leukaemia", "malignancy",
                 "malignancies", "neoplasm", "neoplasms", "tumor", "tumors", "tumour", "tumours",
                 "disorder", "disorders", "disease", "diseases", "deficiency", "carcinoma",
                 "syndrome", "syndromes"}


MOLECULE_HEADS = {"receptor", "receptors", "ligand", "ligands", "antigen", "antigens", "marker",
                  "markers", "epitope", "epitopes", "engager", "engagers", "protein",
                  "proteins", "factor", "factors", "molecule", "molecules"}


def _word(token: Token) -> str:
    """The token's leading word in lower case: "protein" of "protein-1"."""
    return token.lower_.split("-")[0]


def _names_a_disease(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """'mature B-cell lymphomas', 'T-cell leukemia': a cell word inside a disease name;
    'T-cell receptor', 'NK cell–activating ligands': inside the name of a molecule."""
    root = doc[cell.root(doc)]
    before = [t.lower_ for t in doc[max(0, cell.first_token - 4):cell.first_token]
              if t.lower_ != "activated"]
    after = cell.last_token + 1
    if cell.kind == "adjective" and cell.first_token == cell.last_token and \
            after < len(doc) and doc[after].lower_ in DISEASE_HEADS:
        return True  # "acute *promyelocytic* leukemia cell line", however parsed
    if cell.kind == "adjective" and any(
            names_an_enzyme(t.lower_) or any(m.label == GENE and m.first_token == t.i
                                               for m in inside)
            for t in doc[after:after + 2]):
        return True  # "*erythroid* delta-aminolevulinate synthase": a lineage's form of a gene
    if before[-3:] == ["nuclear", "factor", "of"] or before[-2:] == ["nf", "of"]:
        # "nuclear factor of activated T cells" (NF-AT), however it is parsed and written
        return True
    if after < len(doc) and doc[after].lower_ == "antigen":
        after += 1  # "T-cell antigen receptor"
    if cell.label == CELL and after < len(doc) and \
            doc[after].lower_.rstrip("-\u2010") in {"receptor", "receptors"}:
        return True  # "*T cell* receptor- and PHA-mediated activation", however parsed
    if root.dep_ not in {"compound", "amod", "nn"}:
        return False
    head = root.head
    if (_word(head) in MOLECULE_HEADS or names_an_enzyme(head.lower_)) and cell.label == CELL:
        # "T-cell receptor", "monocyte chemoattractant protein-1", "erythroid
        # delta-aminolevulinate synthase"
        return True
    in_disease = any(m.label == "DISEASE" and m.first_token <= head.i <= m.last_token
                     for m in inside)
    return in_disease or head.lower_ in DISEASE_HEADS


def _below_top_on_drug_side(path) -> Token:
    """The token on a's (the drug's) side just under the path's top (a itself when a hangs
    from it)."""
    return path.up_from_a[-2] if len(path.up_from_a) >= 2 else path.a


def _reported_of_studied_cells(path) -> Token | None:
    """The clause a finding verb reports when the cells are what its subject studied:
    "experiments *in* (*with*, *using*) Y cells showed that X inhibited E" → "inhibited", or
    what the verb's fronted phrase names ("*With these clones*, we demonstrated that ...")."""
    top, cells_side, drug_side = path.top, _below_top(path), _below_top_on_drug_side(path)
    if lemma(top) == "use" and top.tag_ == "VBG" and cells_side.i == path.b.i and \
            cells_side.dep_ == "dobj" and drug_side.dep_ in {"parataxis", "advcl"} and \
            lemma(drug_side) in FINDING_VERBS | AIM_VERBS:
        # "*Using* Y cells, we showed that X inhibited E", parsed with "Using" at the top and
        # the finding below it: the clause the finding reports
        return next((c for c in drug_side.children if c.dep_ == "ccomp"
                     and c.i in {t.i for t in path.up_from_a}), None)
    if lemma(top) not in FINDING_VERBS | AIM_VERBS or drug_side.dep_ != "ccomp":
        return None
    if cells_side.dep_ == "advcl" and lemma(cells_side) == "use" and \
            path.b.head.i == cells_side.i and path.b.dep_ == "dobj":
        return drug_side  # "*Using* Y cells, we showed that ..." with "Using" under the verb
    if cells_side.dep_ in {"nmod", "obl"} and \
            preposition(cells_side) in {"with", "in", "using"} and cells_side.i < top.i and (
                cells_side.i == path.b.i or
                any(t.dep_ == "appos" and t.head.i == cells_side.i for t in path.up_from_b)):
        # "*With these clones*, we demonstrated that E was inhibited by X", "In 1G5, *a
        # Jurkat-derived T cell line*, we found that X enhanced E" (the cells in apposition)
        return drug_side
    if cells_side.dep_ in {"nmod", "obl"} and cells_side.i < top.i and \
            cells_side.lower_ in STUDY_NOUNS | {"investigation", "investigations"} and \
            _cells_of_the_study(path.b, cells_side):
        # "*In recent investigations, using* Y cells, we observed that X did not induce E",
        # "In *experiments with* Y cells, we found that ...": the study's cells
        return drug_side
    if cells_side.dep_ == "dep" and cells_side.i < top.i and any(
            c.dep_ in {"nmod", "obl"} and preposition(c) in {"with", "in", "using"} and
            c.i < cells_side.i for c in cells_side.children):
        return drug_side  # the same, the apposition read the other way round ("In 1G5" on it)
    if cells_side.dep_ != "nsubj" or cells_side.i == path.b.i:
        return None
    study = [cells_side, *(c for c in cells_side.children if c.dep_ in {"dep", "compound"})]
    return drug_side if any(t.lower_ in STUDY_NOUNS for t in study) else None


def _cells_of_the_study(cells: Token, study: Token) -> bool:
    """The cells are what the study used ("experiments *using* Y cells") or were done in or
    with ("experiments *in* / *with* / *on* Y cells")."""
    head = cells.head
    if head.i == study.i:
        return cells.dep_ in {"nmod", "obl"} and preposition(cells) in {"in", "with", "on", "using"}
    return head.head.i == study.i and head.dep_ in {"acl", "dep"} and lemma(head) == "use" and \
        cells.dep_ == "dobj"


def _is_an_argument_of(drug: Token, verb: Token) -> bool:
    """The drug is the verb's subject or its agent ("E is inhibited *by X*")."""
    head = _listed_head(drug)
    return head.head.i == verb.i and (head.dep_ == "nsubj" or _is_agent_phrase(head))


PLACE_PRONOUNS = frozenset({"which", "whom", "where"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def _place_pronoun(path) -> Token | None:
    """'U-937 cells, in *which* RA induces differentiation': in a relative clause on the
    cells, the pronoun that places the clause's event stands for them, and the claim is
    read from the drug to it as from the drug to "in U-937 cells"."""
    clause = _below_top_on_drug_side(path)
    on_the_cells = path.top.i == path.b.i
    if not is_verb(clause) or (on_the_cells and clause.dep_ != "acl:relcl"):
        return None
    pronoun = place_pronoun_of(clause)
    if pronoun is None or on_the_cells:
        return pronoun
    # "We studied U-937 cells, in which RA induces E", the relative clause hung on the verb:
    # the pronoun still stands for the cells written right before it
    before = pronoun.left_edge.i - 1
    while before > 0 and pronoun.doc[before].is_punct:
        before -= 1
    return pronoun if before == path.b.i else None


def _antecedent_of_their(doc: Doc, pronoun: Token, cells: list[Mention]) -> Mention | None:
    """The plural cells a possessive "their" stands for: the last cells written before it
    in the sentence, in another clause (in their own clause the parse links them already)."""
    if pronoun.lower_ != "their" or pronoun.dep_ != "nmod:poss":
        return None
    before = sorted((c for c in cells if c.last_token < pronoun.i), key=lambda c: c.last_token)
    if not before:
        return None
    cells_mention = before[-1]
    root = doc[cells_mention.root(doc)]
    clause = _clause_of(pronoun)
    if root.tag_ != "NNS" or _clause_of(root).i == clause.i or \
            (clause.dep_ == "acl:relcl" and clause.head.i == root.i):
        return None  # "cells *that differ in their response* to X": the cells' own clause
    return cells_mention


def _clause_of(token: Token) -> Token:
    """The verb (or the root) of the clause a token is in."""
    while token.head.i != token.i and not (
            is_verb(token) and token.dep_ in CLAUSE_EDGES | {"conj", "ROOT"}):
        token = token.head
    return token


def place_pronoun_of(clause: Token) -> Token | None:
    """The pronoun that opens a relative clause placing its event ("..., *in which* RA
    induces E", "..., *where* X inhibits E"), whatever the clause is hung on."""
    return next((c for c in clause.children if c.lower_ in PLACE_PRONOUNS and c.i < clause.i
                 and (preposition(c) in ON_PREPOSITIONS or c.lower_ == "where")), None)


def _main_clause_under_a_subordinate(path) -> bool:
    """'*Because* Y cells play a role in E, we asked whether E is affected by X', parsed with
    the "because" clause as the root and the main clause beside it: the cells are the
    reason's, the drug the question's."""
    top = path.top
    return top.dep_ == "ROOT" and _below_top_on_drug_side(path).dep_ == "parataxis" and any(
        c.dep_ == "mark" and c.lower_ in {"because", "since", "although", "though", "as"}
        for c in top.children)


# Participles saying how cells were got: "T cells *obtained* from peripheral blood"
PREPARATION_PARTICIPLES = frozenset({"obtained", "isolated", "derived", "purified", "prepared",
                                     "collected", "harvested"})


def _nominal_of_prepared_cells(drug: Token, cell_token: Token) -> Token | None:
    """The highest noun of the "of" chain above the cells when a "by" drug hangs on the
    participle that says where the cells came from ("the modulation of the proliferation of
    T cells obtained from blood by DEX"): a drug is no way to obtain cells."""
    participle = _listed_head(drug).head
    if preposition(_listed_head(drug)) != "by" or participle.lower_ not in PREPARATION_PARTICIPLES \
            or participle.dep_ != "acl" or participle.head.i != cell_token.i or \
            preposition(cell_token) != "of" or not is_noun(cell_token.head):
        return None
    nominal = cell_token.head
    while preposition(nominal) == "of" and is_noun(nominal.head) and nominal.head.i != nominal.i:
        nominal = nominal.head
    return nominal


def _passive_clause_before(drug: Token) -> Token | None:
    """The passive relative clause written right before a "by" drug that hangs on the verb
    above the clause, when the clause has no agent of its own ("E is induced by Z, via a
    process that is blocked *by X*")."""
    verb = drug.head
    if preposition(drug) != "by" or not is_verb(verb) or drug.left_edge.i == 0:
        return None
    clause = drug.doc[drug.left_edge.i - 1]
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    if clause.dep_ != "acl:relcl" or not passive or not verb.i < clause.i or \
            any(preposition(c) == "by" for c in clause.children) or \
            verb.i not in {t.i for t in clause.ancestors}:
        return None
    return clause


def _presence_hung_on_the_cells(path) -> Token | None:
    """The verb of the cells when the drug's "in the presence of" phrase, written after the
    cells, hangs on them and they hang on the verb ("detected in Y cells *in the presence of*
    X")."""
    below = _below_top_on_drug_side(path)
    cells = path.b
    if path.top.i != cells.i or not _names_a_presence(below) or below.i < cells.i or \
            cells.dep_ != "nmod" or not is_verb(cells.head):
        return None
    return cells.head


def _singular_clause_on_plural_cells(path) -> Token | None:
    """The verb of the cells when a relative clause hung on them cannot be theirs: its
    pronoun takes a singular verb and the cells are plural ("Z increased E in HUVECs *that
    was blocked* by X": what was blocked is the increase)."""
    cells = path.b
    return cells.head if _clause_of_what_holds_the_cells(path) and is_verb(cells.head) else None


def _singular_clause_on_a_nominal(path) -> Token | None:
    """The relative clause of the noun that holds the plural cells, when the clause hung on
    the cells cannot be theirs ("Z increased VEGF *production* by SCC lines, *which was
    inhibited* by X": what was inhibited is the production)."""
    cells = path.b
    if not _clause_of_what_holds_the_cells(path) or not is_noun(cells.head):
        return None
    return _below_top_on_drug_side(path)


def _clause_of_what_holds_the_cells(path) -> bool:
    """Whether the relative clause on the drug's side hangs on the cells (the path's top),
    with a pronoun subject and a singular verb, while the cells are plural and hang on a
    word of their own (they are the "in" or "by" phrase of a verb or a noun)."""
    clause = _below_top_on_drug_side(path)
    cells = path.b
    if path.top.i != cells.i or clause.dep_ != "acl:relcl" or cells.tag_ != "NNS" or \
            cells.dep_ != "nmod":
        return False
    pronoun = any(c.dep_ in SUBJECTS and c.lower_ in {"that", "which"}
                  for c in clause.children)
    singular = any(c.dep_ in {"aux", "auxpass", "cop"} and c.lower_ in {"was", "is", "has"}
                   for c in clause.children) or clause.tag_ == "VBZ"
    return pronoun and singular


def _with_its_conjunct_head(verb: Token) -> list[Token]:
    """The verb and, when it is coordinated, the verb before it, whose subject and markers it
    shares ("X binds CD14 and can *prevent* E by Z")."""
    return [verb, verb.head] if verb.dep_ == "conj" else [verb]


def _is_the_place_of_a_change(cells: Token) -> bool:
    """Whether treated cells are where the clause's change happens: "in" Y cells, on a
    passive verb with no agent of its own or on a noun ("*Induction* of E in Y cells
    stimulated by X"), not on an active verb whose subject acts."""
    head = cells.head
    if preposition(cells) != "in" or cells.dep_ not in {"nmod", "obl"}:
        return False
    if is_verb(head):
        return not any(c.dep_ == "nsubj" or preposition(c) == "by" or
                       (c.dep_ == "mark" and c.lower_ == "to")
                       for verb in _with_its_conjunct_head(head) for c in verb.children) and \
            head.dep_ not in {"xcomp", "acl"}
    return is_noun(head)


def _below_top(path) -> Token:
    """The token on b's side just under the path's top (b itself when b hangs from it)."""
    chain = [path.b, *path.up_from_b]
    return chain[-2] if len(chain) >= 2 else path.b


def _modifies_its_noun(trigger: Token) -> bool:
    """A participle or adjective that describes the noun it hangs on: "a *reduced* capacity",
    "apoptosis *induced* by X"; not an infinitive ("an opportunity *to compare*") or an
    adjective after its noun ("in comparison with Th, *hypersensitive* to X")."""
    head = trigger.head
    if head.i == trigger.i or not is_noun(head):
        return False
    if trigger.dep_ == "amod":
        return trigger.i < head.i
    return trigger.dep_ == "acl" and trigger.tag_ in {"VBN", "VBG"} and \
        not any(c.dep_ == "mark" for c in trigger.children)


# Verbs whose complement says what their subject is or turns into, not what it acts on
LINKING_VERBS = frozenset({"become", "becomes", "became", "remain", "remains", "remained",
                           "seem", "seems", "seemed", "appear", "appears", "appeared"})


def _has_an_object(verb: Token) -> bool:
    """An object or a clausal complement: what the verb acts on, apart from its subject."""
    return any(c.dep_ in OBJECTS | {"xcomp", "ccomp"} for c in verb.children)


def _preposition_between(verb: Token, argument: Token) -> bool:
    """A preposition between a verb and what it is parsed to take as its object or subject
    means a misparse ("mRNAs *increase* dramatically in response to cycloheximide", the drug
    read as the object): the drug is not what the verb acts on."""
    between = verb.doc[min(verb.i, argument.i) + 1:max(verb.i, argument.i)]
    return any(t.tag_ in {"IN", "TO"} for t in between)


def _drug_is_object_of_top(path) -> bool:
    """Whether the drug's side of the path joins the top as its object ("counteracts the
    action of X"): the top then acts on what the drug does."""
    if not path.up_from_a:
        return False
    below = _below_top_on_drug_side(path)
    if below.dep_ not in {"dobj", "nsubjpass"}:
        return False
    if _preposition_between(path.top, below):
        return False
    # "Y cells underwent apoptosis *after* treatment with X": the drug is the occasion of
    # the object, not part of it
    chain = [path.a, *path.up_from_a]
    under = chain[chain.index(below) - 1] if below in chain[1:] else None
    return under is None or preposition(under) not in OCCASION_PREPOSITIONS


OCCASION_PREPOSITIONS = frozenset({"after", "upon", "following"})
OCCASION_CONJUNCTIONS = frozenset({"when", "after", "once"})
FINDING_VERBS = frozenset({"show", "demonstrate", "reveal", "indicate", "establish", "confirm",
                           "find", "observe"})
STUDY_NOUNS = frozenset({"experiment", "experiments", "study", "studies", "analysis", "analyses",
                         "assay", "assays", "data", "results", "findings", "observations"})
ASSAY_VERBS = frozenset({"precipitate", "immunoprecipitate", "coprecipitate", "detect",
                         "recognize", "recognise", "stain", "label"})
RESULT_ADVERBS = frozenset({"thereby", "thus", "hence"})
ACTIVITY_HEADS = frozenset({"activity", "activities", "potential", "efficacy", "capacity"})
SHIELDING_VERBS = frozenset({"protect", "protection", "rescue", "save", "spare"})
# "X impairs E through its inhibitory action on Y": a means, not composed with its end
MEANS_PREPOSITIONS = frozenset({"through", "via"})
# "inhibited E in anti-CD3 *activated* T cells": a state the cells are in, named with
# them, not a change the sentence states (unlike "*increased* NK cells"; but "Lenalidomide
# *stimulated* T cells.", read as one noun phrase, states it).
CELL_STATES = frozenset({"activated", "stimulated", "costimulated", "primed", "induced"})
TARGET_NOUNS = frozenset({"target", "targets"})
# "the *cytolytic* activity of NK cells": an adjective that makes its noun a killing
KILLING_ADJECTIVES = frozenset({"cytotoxic", "cytolytic", "lytic", "tumoricidal", "killing"})


# Processes that a drug acting as their agent brings about: "differentiation of Y by X",
# "X differentiates Y cells" (an increase, as "X-induced differentiation" is).
CAUSED_PROCESSES = frozenset({"differentiation", "differentiate", "differentiates",
                              "differentiated"})


def _is_caused_process(trigger: Token, path) -> bool:
    """Whether the drug is the agent of a process trigger: its subject, or its "by" phrase."""
    if trigger.lower_ not in CAUSED_PROCESSES:
        return False
    below = _below_top_on_drug_side(path)
    if lemma(path.top) in PASSING_VERBS and trigger.head.i == path.top.i and \
            below.dep_ in SUBJECTS:
        return True  # "the combination of X and Z *resulted in* partial differentiation"
    # "differentiation of Y cells to the macrophage lineage (*with* X)": X brings it about
    return path.top.i == trigger.i and (
        (below.dep_ in SUBJECTS and is_verb(trigger)) or preposition(below) == "by" or
        (preposition(path.a) == "with" and is_noun(trigger)))


def _negated_objects(predicate: Token) -> list[Token]:
    """The predicate's objects that are denied: "had *no effect*", "showed *no change*"."""
    return [c for c in predicate.children if c.dep_ in OBJECTS and any(
        d.dep_ == "neg" or d.lower_ == "no" for d in c.children)]


def _listed_head(token: Token) -> Token:
    """The first of the conjuncts and appositions a token is listed among: the word that
    stands in the sentence for the whole list."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token


# Nouns naming an agent by what it acts on: "inhibitors of PI 3-kinase (wortmannin)"
AGENT_NOUNS = frozenset({"inhibitor", "inhibitors", "antagonist", "antagonists", "blocker",
                         "blockers", "agonist", "agonists", "activator", "activators"})


FAILURE_PREDICATES = frozenset({"unable", "fail", "fails", "failed", "incapable"})


def _own_denial(drug: Token, path) -> Token | None:
    """The denial in the drug's own clause, when the drug is the subject of a predicate
    below the path's top (or of a copula at the top: "X is *not* a signal for E in Y") that
    is negated ("while PMA *did not*", "whereas Z *had no effect*"): the negated predicate,
    or its negated object. At the top, a negated object counts when no other predicate
    carries the cells ("X had *no effect* on E following stimulation of Y cells")."""
    # "X and Z had no effect": Z is a subject too; so is "inhibitors of PI 3-kinase
    # (wortmannin) ... did not", the name in brackets hung on the inhibitors or their target
    named = drug.dep_ == "appos"
    drug = _listed_head(drug)
    if named and preposition(drug) == "of" and drug.head.lower_ in AGENT_NOUNS:
        drug = drug.head
    predicate = drug.head
    copula = any(c.dep_ == "cop" for c in predicate.children)  # "X is not a signal for E"
    if drug.dep_ not in SUBJECTS or predicate.i not in {t.i for t in path.up_from_a}:
        return None
    negated_objects = _negated_objects(predicate)
    if predicate.i == path.top.i and not copula:
        # "X had *no effect* on E in Y", "... on E following stimulation of Y cells": a denial
        # of what the drug does, unless the cells hang on a predicate of their own ("X had no
        # effect on A but increased B in Y cells").
        if any(is_verb(t) for t in path.up_from_b if t.i != path.top.i):
            return None
        return negated_objects[0] if negated_objects else None
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"not", "never"})
           for c in predicate.children) or predicate.lower_ in FAILURE_PREDICATES:
        return predicate  # "while PMA did not", "since LPS was *unable* to activate RelB"
    return negated_objects[0] if negated_objects else None


def _effect_reaches_cell(path, effect_head: Token, cell_token: Token) -> bool:
    """Whether an "X-induced E" is stated on the cell: E governs the cell ("X-induced
    apoptosis of Y cells"), modifies it ("X-activated Y cells"), or is what the cell is made
    sensitive or resistant *to* ("rendered Y cells sensitive to X-induced apoptosis"). Not:
    "the role of Y cells in X-induced damage", "Z reduces Y recruitment in an X-induced
    inflammation model"."""
    if path.top.i in {effect_head.i, cell_token.i} or preposition(effect_head) == "to" or \
            cell_token.head.i == effect_head.i:
        return True
    # "protection against X-induced apoptosis in Y cells" with "in Y cells" attached one
    # noun higher: the cells still follow the effect as its place.
    return (is_noun(path.top) and cell_token.head.i == path.top.i and
            cell_token.i > effect_head.i and preposition(cell_token) in {"in", "of", "on"}) or \
        _is_the_clause_place(path, effect_head, cell_token)


def _is_the_clause_place(path, effect_head: Token, cell_token: Token) -> bool:
    """'In T cells, anti-CD3-induced c-Rel expression was blocked by Z', 'X-induced cell death
    requires E in Y cells', 'Z priming of Y cells enhances X-induced E': the cells are where
    the clause takes place whose argument the effect is."""
    top = path.top
    if preposition(effect_head) == "on" and effect_head.head.lower_ in EFFECT_WORDS:
        effect_head = effect_head.head  # "the *effect* of Z on X-induced E was examined in Y"
    if not (is_verb(top) and effect_head.head.i == top.i and
            effect_head.dep_ in SUBJECTS | OBJECTS):
        return False
    if preposition(cell_token) == "of" and cell_token.head.dep_ in SUBJECTS and \
            cell_token.head.head.i == top.i and cell_token.head.lower_ in PRIMING_NOUNS and \
            effect_head.dep_ in OBJECTS:
        return True  # "IFN-gamma *priming of monocytes* enhances X-induced TNF production"
    # the cells hang on the verb, or on its object ("X-induced cell death requires
    # autoinduction of E *in* Y cells")
    place = cell_token.head.i == top.i or (cell_token.head.head.i == top.i and
                                           cell_token.head.dep_ in OBJECTS and
                                           effect_head.dep_ in SUBJECTS)
    return place and preposition(cell_token) == "in"


EFFECT_WORDS = frozenset({"effect", "effects", "influence", "impact", "action", "actions"})


# What is done to cells before the effect the clause reports: "IFN-gamma priming of monocytes"
PRIMING_NOUNS = frozenset({"priming", "pretreatment", "pre-treatment", "preincubation",
                           "pre-incubation", "treatment", "exposure", "stimulation"})


def is_aim_word(token: Token) -> bool:
    """A verb or noun of study: "investigate", "examined", "evaluation"."""
    return lemma(token) in AIM_VERBS or token.lower_.rstrip("desing") in AIM_VERBS or \
        any(token.lower_.startswith(v) for v in AIM_VERBS if len(v) > 4)


# "the role of Y cells in X-induced damage": the cells act, the drug does not act on them.
ROLE_WORDS = frozenset({"role", "roles", "contribution", "contributions", "involvement",
                        "participation"})


def _is_a_tool_of_the_study(trigger: Token, path) -> bool:
    """'We analysed IL-2 production in T cells *using* phorbol ester + calcium ionophore': a
    drug used by a verb of study is how the study was done, not what it studies ("we
    examined the effects of X" still is)."""
    if not is_aim_word(trigger):
        return False
    for under, above in pairwise([path.a, *path.up_from_a]):
        if above.i == trigger.i:
            return False
        if lemma(above) == "use" and above.tag_ == "VBG" and under.dep_ == "dobj" and \
                above.head.i == trigger.i:
            return True
    return False


STAINING_VERBS = frozenset({"stain", "immunostain", "probe", "label"})


def _plays_a_role(trigger: Token, path) -> bool:
    """Whether the cells are what plays the role the trigger names ("the *role* of free
    radicals and leukocytes in MTX-induced damage", "leukocytes' *role*")."""
    if trigger.lower_ not in ROLE_WORDS:
        return False
    for token in [path.b, *path.up_from_b]:
        if token.head.i == trigger.i and token.i != trigger.i:
            return (token.dep_ == "nmod" and preposition(token) == "of") or \
                token.dep_ == "nmod:poss"
    return False


def _is_treatment_time(token: Token, loose: bool = False) -> bool:
    """A treatment phrase that dates a clause: "*after* treatment of Y with X, ..."; with
    ``loose``, whatever it hangs on."""
    # "Following" is often tagged as a verb, so the case word is read whatever its tag
    return token.dep_ in {"nmod", "obl"} and (loose or is_verb(token.head)) and any(
        c.dep_ == "case" and c.lower_ in OCCASION_PREPOSITIONS for c in token.children)


def _is_a_treatment_occasion(token: Token) -> bool:
    """A treatment clause that dates the main one: "*when* (or *after*) Y cells were treated
    with X, ..."."""
    return token.dep_ == "advcl" and any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in OCCASION_CONJUNCTIONS for c in token.children)


def _drug_is_a_condition(path) -> bool:
    """'Ascorbic acid suppresses the induction of HIV in Y cells *following stimulation with
    PMA*': the drug dates the clause whose subject is another agent; the clause's verb acts
    on what the drug brings about, as in "inhibited PMA-induced E"."""
    if not path.up_from_a or not is_verb(path.top) or not _has_an_object(path.top):
        return False  # "E in Y cells *increased* upon X stimulation": the change is X's
    below = _below_top_on_drug_side(path)
    drug_side = {t.i for t in [path.a, *path.up_from_a]}
    clause = [path.top]
    if path.top.dep_ == "conj" and is_verb(path.top.head):
        clause.append(path.top.head)  # "Z suppressed E, but had no effect on Y following X"
    return (_is_treatment_time(below) or _is_a_presence(below)) and any(
        c.dep_ == "nsubj" and c.i not in drug_side for verb in clause for c in verb.children)


def _names_a_presence(token: Token) -> bool:
    """'*in the presence* of PMA': the drug is there while something else happens."""
    return token.lower_ == "presence" and preposition(token) == "in"


def _is_a_presence(token: Token) -> bool:
    """'Rho enhances AP-1 activity in Y cells *in the presence of PMA*', hung on the verb: the
    drug is there while another agent acts."""
    return _names_a_presence(token) and is_verb(token.head)


def _present_while_another_acts(path) -> bool:
    """'Rho enhances AP-1 activity in Y cells *in the presence of PMA*', the presence hung on
    the verb's object: the verb's subject acts, the drug is only there. (Hung on the verb, the
    drug is a condition of the clause: see _drug_is_a_condition.)"""
    presence = _below_top_on_drug_side(path)
    if not _names_a_presence(presence) or not is_noun(presence.head):
        return False
    drug_side = {t.i for t in [path.a, *path.up_from_a]}
    verb = presence.head
    while is_noun(verb) and verb.dep_ in OBJECTS and verb.head.i != verb.i:
        verb = verb.head
    return is_verb(verb) and _has_an_object(verb) and any(
        c.dep_ == "nsubj" and c.i not in drug_side for c in verb.children)


def _contrasted_predicate(conjunct: Token) -> bool:
    """A verb or adjective predicate coordinated with the one before it by 'but' or
    'whereas'."""
    return (is_verb(conjunct) or conjunct.tag_.startswith("JJ")) and any(
        c.dep_ == "cc" and c.lower_ in {"but", "whereas", "while", "yet"}
        for c in [*conjunct.children, *conjunct.head.children])


def _is_agent_phrase(token: Token) -> bool:
    """A passive verb's "by" phrase: "inhibited *by Z*"."""
    return token.dep_ in {"nmod:agent", "obl:agent"} or \
        (token.dep_ in {"nmod", "obl"} and preposition(token) == "by")


def _is_produced_by(path) -> bool:
    """'iNO *produced by* RAW264.7 cells inhibits E', 'nitric oxide released by activated
    macrophages': the cells make the drug; its effects are on other cells."""
    chain = [path.b, *path.up_from_b]
    for below, participle in pairwise(chain):
        if participle.dep_ in {"acl", "amod"} and participle.head.i == path.a.i and \
                participle.lower_ in PRODUCING_VERBS | {"derived"} and \
                (_is_agent_phrase(below) or preposition(below) == "from"):
            return True
    return False


def _another_subject_acts(argument: Token) -> bool:
    """Whether the clause an argument of the treatment frame hangs on has a subject of its
    own, another agent ("NK cells killed *X-treated MM cells*")."""
    return argument.dep_ not in SUBJECTS and any(
        c.dep_ == "nsubj" and c.i != argument.i for c in argument.head.children)


def _holder_of_the_change(cells: Token) -> Token | None:
    """The noun whose "of" phrase the treated cells are, when that noun is an argument of a
    verb without an agent of its own ("the activity *of X-exposed Y cells* was increased";
    not "... was inhibited by Z")."""
    holder = cells.head
    if cells.dep_ != "nmod" or preposition(cells) != "of" or not is_noun(holder) or \
            holder.dep_ not in SUBJECTS | OBJECTS or not is_verb(holder.head):
        return None
    if any(_is_agent_phrase(c) for c in holder.head.children):
        return None
    return holder


def _holder_of_the_host(host: Token) -> Token:
    """What a "from patients" phrase hangs on, past a participle of preparation ("monocytes
    *isolated* from X-treated patients" → monocytes)."""
    head = host.head
    if head.lower_ in PREPARATION_PARTICIPLES and head.dep_ in {"acl", "amod"}:
        return head.head
    return head


# "After *withdrawal* of antibiotics, S. aureus killed their host cells": what follows the
# end of a treatment is not the drug's effect
WITHDRAWAL_NOUNS = frozenset({"withdrawal", "removal", "washout", "wash-out", "discontinuation",
                              "cessation", "omission"})


def _is_withdrawn(drug: Token) -> bool:
    """Whether the drug is named as taken away ("withdrawal of X", "X withdrawal")."""
    listed = _listed_head(drug)
    return listed.head.lower_ in WITHDRAWAL_NOUNS and (
        drug.dep_ == "compound" or preposition(listed) == "of")


# "cells prelabeled with [3H]myo-inositol", "cells loaded with fura-2": a tracer or a dye that
# makes the cells' response measurable
LABELING_PARTICIPLES = frozenset({"labeled", "labelled", "prelabeled", "prelabelled",
                                  "loaded", "preloaded"})


def _is_a_label(drug: Token) -> bool:
    """Whether the drug labels the cells ("cells prelabeled *with* X"): no agent."""
    listed = _listed_head(drug)
    participle = listed.head
    if participle.lower_ not in LABELING_PARTICIPLES or preposition(listed) != "with":
        return False
    # "nanoparticles loaded with doxorubicin" carry the drug to the cells
    return not participle.lower_.endswith("loaded") or participle.head.lower_ in {"cell", "cells"}


# "Y cells ... at the *site* of X-mediated tumor inhibition": where the cells are, not what
# the drug acts on
PLACE_NOUNS = frozenset({"site", "sites", "area", "areas", "region", "regions", "vicinity",
                         "location", "locations", "zone", "zones", "margin", "margins",
                         "border", "borders", "periphery", "edge", "edges"})


def _at_the_place_of_the_effect(path) -> bool:
    """'Fas-positive cells were found at the site of lactoferrin-mediated tumor inhibition':
    the drug's effect hangs on a place noun that locates the cells; it is not said of them."""
    return any(token.lower_ in PLACE_NOUNS and token.dep_ in {"nmod", "obl"}
               for token in path.up_from_a[:-1])


def _across_a_semicolon(path, inside: list[Mention]) -> bool:
    """'Treatment of A cells with X blocked E; treatment of B cells with Z resulted in F':
    a semicolon on the main clause joins two statements, and a drug of one and the cells of
    the other make no claim when the drug's statement names cells of its own, however the
    parser joined the clauses ('...; this effect was abolished by Z' still refers back)."""
    doc, sentence = path.a.doc, path.a.sent
    first, last = sorted((path.a.i, path.b.i))
    for k in range(first + 1, last):
        if doc[k].text == ";" and doc[k].head.dep_ == "ROOT":
            drug_side = range(k + 1, sentence.end) if path.a.i > k else range(sentence.start, k)
            return any(m.label in (CELL, CELL_LINE) and m.first_token in drug_side and
                       m.last_token in drug_side for m in inside)
    return False


def _is_denied(triggers: list[Token]) -> bool:
    """Whether every trigger is negated where it stands ("did *not* abolish")."""
    return all(any(c.dep_ == "neg" for c in t.children) for t in triggers)


OWN_PROCESSES = CELL_PROCESSES | {"activation", "maturation", "development", "expansion"}


def _heads_a_clause(token: Token) -> bool:
    """A clause's head, or an unlabelled ``dep`` hung on one: "Lenalidomide (Revlimid)
    activated NK cells" is parsed as the drug's root with the cells' noun phrase below it."""
    return token.dep_ in CLAUSE_HEADS or (token.dep_ == "dep" and token.head.dep_ in CLAUSE_HEADS)


def _past_short_form(doc: Doc, i: int) -> int:
    """The token after a bracketed short form at ``i`` ("X *(HMBA)* induced ..."), or after
    the closing bracket of one that ``i`` closes ("X (HMBA*)* induced"), else ``i``."""
    if i < len(doc) and doc[i].text in {")", "]"}:
        return i + 1
    if i < len(doc) and doc[i].text in {"(", "["}:
        for k in range(i + 1, min(i + 5, len(doc))):
            if doc[k].text in {")", "]"}:
                return k + 1
    return i


def _own_process(token: Token, cell_token: Token) -> bool:
    """'E was blocked by X *during* T-cell activation': a process of the cells themselves,
    in which the effect is stated on them, not a circumstance apart from them."""
    return preposition(token) == "during" and token.lower_ in OWN_PROCESSES and \
        cell_token.head.i == token.i and cell_token.dep_ in {"compound", "amod", "nmod"}


def _kills_others(verb: Token, cell_token: Token) -> bool:
    """'NK cells *killed* tumor cells': a killing verb with the cells in its subject and an
    object of its own."""
    subjects = [t for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree]
    return lemma(verb) in KILLING_VERBS and cell_token in subjects and \
        any(c.dep_ in OBJECTS for c in verb.children)


def _negated_here(trigger: Token) -> bool:
    """'*no* effect', '*not* affect': a trigger with a negation of its own."""
    return any(c.dep_ == "neg" or c.lower_ in {"no", "not"} for c in trigger.children)


def _coordinated(path) -> bool:
    """Drug and cells joined as conjuncts ("... lymphocytes stimulated with X, and with PMA
    and ionomycin" misparsed), or the drug a conjunct of the noun the cells modify ("a
    correlation between lymphocyte infiltration and urine cortisol"): a list, not an effect."""
    drug_side = [t for t in [path.a, *path.up_from_a] if t.i != path.top.i]
    cell_side = [t for t in [path.b, *path.up_from_b] if t.i != path.top.i]
    if all(t.dep_ == "conj" for t in drug_side + cell_side):
        return bool(drug_side + cell_side)
    if not drug_side:
        return False
    conjuncts = drug_side[1:] if drug_side[0].dep_ in NOUN_MODIFIERS else drug_side
    # ... or a participle written after the list, on its first member: "changes, ..., and
    # serotonin, *associated with* neuroendocrine cells"
    return bool(conjuncts) and all(t.dep_ == "conj" for t in conjuncts) and \
        is_noun(path.top) and bool(cell_side) and (
            all(t.dep_ in NOUN_MODIFIERS for t in cell_side) or
            (cell_side[-1].dep_ == "acl" and cell_side[-1].tag_ == "VBN" and
             cell_side[-1].i > path.a.i))


NOUN_MODIFIERS = frozenset({"compound", "amod"})


def _joins_another_clause(path) -> bool:
    """'adenosine could modulate E of Y cells ... and that caffeine has the potential to ...':
    the drug is the subject of a clause coordinated with one that has its own subject, so
    it is not the agent of that other clause's effects; unless its clause refers back to
    them ("..., and pretreatment with X enhanced *this effect*", see ``_anaphoric_sign``)."""
    chain = [path.a, *path.up_from_a]
    for below, above in pairwise(chain):
        if _coordinated_clauses(below, above) and not _refers_back(below):
            return True
    if _in_separate_complements(path):
        return True
    # "X abrogates its activity, and *CD4 negative T cell lines* fail to be stimulated": the
    # cells are the subject of a clause of their own, coordinated with the drug's
    cells = [path.b, *path.up_from_b]
    k = 0
    while k < len(cells) and cells[k].dep_ in {"compound", "amod", "appos"}:
        k += 1  # "T *cell* lines": up to the noun phrase's head
    return k + 2 < len(cells) and cells[k].dep_ in SUBJECTS and \
        _coordinated_clauses(cells[k + 1], cells[k + 2])


def _in_the_other_predicate(path, cell: Mention, inside: list[Mention]) -> bool:
    """'E is highly expressed in B cells, and is induced by X in macrophages': the drug acts in
    the second of two coordinated predicates, which names cells of its own, and the cells are
    an argument of the first; the drug is not the agent there. Cells that are the shared
    subject ("Y cells proliferate and are killed by X") are the second predicate's too, and so
    are the first one's where the second names none ("E was induced in Y cells and was
    blocked by X")."""
    if len(path.up_from_a) < 2 or not path.up_from_b:
        return False
    conjunct = path.up_from_a[-2]
    cell_below_top = ([path.b, *path.up_from_b])[-2]
    predicate = is_verb(path.top) or any(c.dep_ == "cop" for c in path.top.children)
    if conjunct.dep_ != "conj" or not is_verb(conjunct) or not predicate or \
            cell_below_top.dep_ in SUBJECTS:
        return False  # ("E is *restricted* to B cells and can be induced by X in ...")
    own = range(conjunct.left_edge.i, conjunct.right_edge.i + 1)
    doc = path.top.doc
    return any(m is not cell and m.label in (CELL, CELL_LINE) and m.first_token in own
               # not cells made ("induced by X to differentiate towards granulocytes")
               and preposition(doc[m.root(doc)]) not in PRODUCT_PREPOSITIONS
               for m in inside)


def _modifies_the_first_predicate(path) -> bool:
    """'SOCS-3 is phosphorylated *in response to IL-2* and suppresses ... lymphocyte
    proliferation': a drug in a phrase after the first of two predicates that share a
    subject, and before the second, is said of the first only; the cells are in the second.
    A drug phrase before both ("After exposure to X, ...") or the subject is said of both."""
    top = path.top
    if not path.up_from_a or not path.up_from_b or not is_verb(top):
        return False
    drug_phrase = ([path.a, *path.up_from_a])[-2]
    cell_side = [path.b, *path.up_from_b]
    conjunct = cell_side[-2]
    if conjunct.dep_ != "conj" or not is_verb(conjunct) or \
            any(c.dep_ in SUBJECTS for c in conjunct.children):
        return False
    joined = any(c.dep_ == "cc" and drug_phrase.i < c.i < conjunct.i for c in top.children)
    return joined and drug_phrase.dep_ in {"nmod", "obl", "advcl"} and \
        bool(preposition(drug_phrase)) and not _is_agent_phrase(drug_phrase) and \
        top.i < drug_phrase.i < conjunct.i


def _in_separate_complements(path) -> bool:
    """'These results indicate that E is inducible by X and suggest that Z may regulate E' in
    Y cells': the drug and the cells sit in the clauses of two coordinated reporting verbs,
    two statements joined only above them. (Two clauses of one verb are more often a relative
    clause the parser attached to the wrong verb.)"""
    def clauses(side: list[Token]) -> list[Token]:
        return [t for t in side if t.i != path.top.i and t.dep_ == "ccomp"]
    below = {_below_top_on_drug_side(path).dep_, _below_top(path).dep_}
    if below == {"ccomp", "conj"} and path.top.i not in {path.a.i, path.b.i} and \
            is_verb(_below_top_on_drug_side(path)) and is_verb(_below_top(path)):
        # "results indicate that X induces E in Y cells, and [suggest ...] *may contribute*
        # to the activity of Z": the reported clause and the coordinated predicate
        return True
    drug_clauses = clauses([path.a, *path.up_from_a])
    cell_clauses = clauses([path.b, *path.up_from_b])
    if not drug_clauses or not cell_clauses:
        return False
    if {t.head.i for t in drug_clauses}.isdisjoint(t.head.i for t in cell_clauses):
        return True
    if all(any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in side[-1].children)
           for side in (drug_clauses, cell_clauses)):
        return True  # "we asked (1) whether E occurs in Y cells and (2) whether X affects F"
    # "indicate that X induces ..., and suggest [that] E may contribute to ...": the second
    # verb's clause hung on the first verb; the second verb still stands between the two
    first, last = sorted((drug_clauses[-1].i, cell_clauses[-1].i))
    return any(c.dep_ == "conj" and is_verb(c) and first < c.i < last
               for c in path.top.children)


def _coordinated_clauses(below: Token, above: Token) -> bool:
    """Whether ``below`` is a verb coordinated with the verb ``above``, each with a subject."""
    return below.dep_ == "conj" and below.head.i == above.i and is_verb(below) and \
        is_verb(above) and any(c.dep_ in SUBJECTS for c in below.children) and \
        any(c.dep_ in SUBJECTS for c in above.children)


# Conjunctions of a clause set against the main one, whose subject is not the main clause's agent
CONTRASTING = frozenset({"whereas", "while", "although", "though"})
NEGATIONS = frozenset({"no", "not", "neither", "nor", "without", "failed"})


def _clause_ancestors(token: Token) -> list[Token]:
    """The heads above ``token`` within its clause: "Although Y cells are *resistant* to X,
    resistance can be overcome ..." stops at "resistant", the head of the adverbial clause."""
    heads = []
    while token.head.i != token.i and token.dep_ not in CLAUSE_EDGES:
        token = token.head
        heads.append(token)
    return heads


def _contrasting_with_an_agent(clause: Token) -> bool:
    """'..., *whereas cisplatin* inhibited F': a contrasting clause whose subject is a noun of
    its own (not "it", "they" or "this cytokine", which refer back to the main clause's)."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRASTING for c in clause.children) and \
        any(c.dep_ in {"nsubj", "csubj"} and c.tag_ not in {"PRP", "PRP$"} and
            not any(d.dep_ == "det" and d.lower_ in ANAPHORIC_DETERMINERS for d in c.children)
            for c in clause.children)


def _refers_back(verb: Token) -> bool:
    """Whether the verb's object is anaphoric: "enhanced *this effect*", "reversed *these*",
    and, in the passive, "*the effect* was reversed by X"."""
    def anaphoric(child: Token, determiners: frozenset[str]) -> bool:
        return child.lower_ in ANAPHORIC_DETERMINERS or any(
            d.dep_ == "det" and d.lower_ in determiners for d in child.children)
    return any((child.dep_ in OBJECTS and anaphoric(child, ANAPHORIC_DETERMINERS)) or
               (child.dep_ in PASSIVE_SUBJECTS and child.lower_ in REFERRING_EFFECTS and
                anaphoric(child, ANAPHORIC_DETERMINERS | {"the"})) or
               # "a decrease in E, *which* was blocked by X", "... in Y cells *that* was blocked"
               (child.dep_ in PASSIVE_SUBJECTS and child.lower_ in {"which", "that"})
               for child in verb.children)


# "the effect was reversed by X": nouns that, with "the", name the effect just stated
REFERRING_EFFECTS = frozenset({"effect", "effects", "inhibition", "induction", "suppression",
                               "increase", "decrease", "reduction", "stimulation"})


def _has_a_subject_before(possessive: Token, sentence: Span) -> bool:
    """'FOXO3a or *its* downstream activity': a subject written before the possessive, of
    its number, is what it refers to, not the previous sentence's drug."""
    tags = ("NNS", "NNPS") if possessive.lower_ == "their" else ("NN", "NNP")
    return any(t.tag_ in tags and t.dep_ in SUBJECTS
               for t in sentence.doc[sentence.start:possessive.i])


def _in_an_adjective_phrase(token: Token) -> bool:
    """'the cytotoxic *drug* resistant breast cancer cells': a noun inside an adjective
    refers to no treatment of the sentence."""
    head = token.head
    return head.i > token.i and head.tag_.startswith("JJ") and \
        token.dep_ in {"nmod:npmod", "npadvmod", "compound", "dep"}


def _times(direction: str, sign: int) -> str:
    if direction not in SIGN:
        return direction
    value = SIGN[direction] * sign
    return "increase" if value > 0 else "decrease"


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _whole_tokens(claim: PairClaim, doc: Doc) -> bool:
    last = doc[claim.cell.last_token]
    return doc[claim.cell.first_token].idx == claim.cell.start and \
        last.idx + len(last.text) == claim.cell.end


def class_aliases(doc: Doc, drugs: list[Mention]) -> dict[int, DrugRef]:
    """A drug class that names a drug of the same sentence stands for that drug:
    "Lenalidomide is an immunomodulatory drug (IMiD)", "ibrutinib, a BTK inhibitor, ...",
    "the phorbol ester (TPA)", and a class named inside the appositive ("X, a glucocorticoid
    used as an anti-inflammatory agent, ...").
    Returns mention id → the specific drug, for class mentions in apposition or copula."""
    specific = [m for m in drugs if m.kind != "class"]
    aliases: dict[int, DrugRef] = {}
    for mention in drugs:
        if mention.kind != "class":
            continue
        root = doc[mention.root(doc)]
        for drug in specific:
            drug_root = doc[drug.root(doc)]
            appositive = (root.dep_ == "appos" and root.head.i == drug_root.i) or \
                (drug_root.dep_ == "appos" and drug_root.head.i == root.i) or \
                _describes_in_apposition(root, drug_root)
            predicate = drug_root.dep_ in {"nsubj", "nsubjpass"} and drug_root.head.i == root.i \
                and any(c.dep_ == "cop" for c in root.children)
            if appositive or predicate:
                aliases[id(mention)] = DrugRef(drug.text(doc), drug.norm, drug.ids)
                break
    # "an immunomodulatory drug (IMiD)": the short form in apposition to an aliased class.
    aliased_roots = {mention.root(doc): aliases[id(mention)] for mention in drugs
                     if id(mention) in aliases}
    for mention in drugs:
        root = doc[mention.root(doc)]
        if mention.kind == "class" and id(mention) not in aliases and root.dep_ == "appos" \
                and root.head.i in aliased_roots:
            aliases[id(mention)] = aliased_roots[root.head.i]
    return aliases


def _is_said_of(predicate: Token, cell_token: Token) -> bool:
    """Whether an adjective is said of the cells: they are its subject, or that of the verb
    it completes ("Y cells are considered to be unresponsive"), or it modifies them ("Y cells
    resistant to X")."""
    heads = [predicate]
    if predicate.dep_ in {"xcomp", "ccomp"} or \
            (is_noun(predicate) and predicate.dep_ in OBJECTS):
        heads.append(predicate.head)  # "Y cells *showed* resistance to X"
    if is_noun(predicate) and cell_token.head.i == predicate.i and (
            cell_token.dep_ in {"compound", "amod", "nmod:poss"} or
            preposition(cell_token) == "of"):
        return True  # "Lymphoid *cell* resistance to X", "the resistance of Y cells to X"
    return predicate.head.i == cell_token.i or any(
        c.i == cell_token.i and c.dep_ in SUBJECTS for h in heads for c in h.children)


def _describes_in_apposition(token: Token, drug_root: Token) -> bool:
    """'Dexamethasone, a glucocorticoid that is widely used as an *anti-inflammatory agent*,
    ...': a class named inside the drug's appositive describes the drug."""
    clause = False  # the class is in a clause that describes the appositive ...
    nominal = True  # ... or names its head ("X, a *steroid* hormone with ... properties")
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ == "appos":
            return (clause or nominal) and ancestor.head.i == drug_root.i
        if ancestor.dep_ in {"acl", "acl:relcl"}:
            clause = True
        if ancestor.dep_ not in {"compound", "amod"}:
            nominal = False
    return False


def _is_likened_to(token: Token) -> bool:
    """'*Like ML-1a*, endothelial cells treated with TNF activated NF-kappa B': what a clause
    is likened to, hung on its verb, is the comparator (guideline rule 11); not 'drugs *like
    dexamethasone*', an example of a noun."""
    return is_verb(token.head) and token.head.i != token.i and \
        any(c.dep_ == "case" and c.lower_ in {"like", "unlike"} for c in token.children)


def _after_than(doc: Doc, cell: Mention) -> bool:
    """'greater on the CD8+ than the CD4+ T cell subset', 'to a similar extent *as in* the
    monocytes', 'in a similar fashion *to* Y cells': the population after 'than', 'as in' or
    a likeness's 'to' is the comparator (guideline rule 11). Not 'as well as in human
    endothelial cells', which adds a population."""
    for k in range(cell.first_token - 1, max(-1, cell.first_token - 4), -1):
        word = doc[k].lower_
        if word == "than" or (word == "in" and k > 0 and doc[k - 1].lower_ == "as"
                              and not (k > 1 and doc[k - 2].lower_ == "well")) or \
                _after_a_likeness(doc, k):
            return True
        if doc[k].tag_ not in {"DT", "JJ", "CD", "PRP$"} and not (
                doc[k].is_alpha and _after_a_likeness(doc, k - 1)):
            return False  # (not "similar fashion to *adipose* stromal cells", read as a verb)
    return False


# "in a similar *fashion* to Y cells": nouns of a manner that a likeness adjective grades
MANNER_NOUNS = frozenset({"fashion", "manner", "way"})


def _after_a_likeness(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is the "to" of "in a similar fashion to", "in the same way to"."""
    return k >= 2 and doc[k].lower_ == "to" and doc[k - 1].lower_ in MANNER_NOUNS and \
        doc[k - 2].lower_ in LIKENESS_WORDS | {"same"}


def _names_no_population(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """Whether a cell mention names no population a drug could act on: a disease, untreated
    cells, the source of a material, or a word inside an adjective (docs/claims.md, rule 9)."""
    return _names_a_disease(doc, cell, inside) or _is_untreated(doc, cell) or \
        _names_a_material(doc, cell) or _in_an_adjective(doc, cell) or \
        _is_a_product(doc, cell, inside) or _names_a_lineage(doc, cell, inside) or \
        _modifies_a_drug(doc, cell, inside) or _describes_a_process(doc, cell) or \
        _names_a_procedure(doc, cell) or _names_a_molecules_target(doc, cell, inside)


# "intracytoplasmic *sperm injection* cycles", "*stem cell transplantation*", "*platelet
# donation*": a procedure named after the cells it moves (or its "stem cell donor"), not a
# population a drug acts on
PROCEDURE_HEADS = frozenset({"injection", "injections", "transplantation", "transplantations",
                             "transplant", "transplants", "donation", "donations",
                             "transfusion", "transfusions", "donor", "donors", "recipient",
                             "recipients"})


def _names_a_procedure(doc: Doc, cell: Mention) -> bool:
    """Whether the cell words only modify the name of a procedure (:data:`PROCEDURE_HEADS`)."""
    after = cell.last_token + 1
    return after < len(doc) and doc[after].lower_ in PROCEDURE_HEADS and \
        doc[cell.root(doc)].dep_ in {"compound", "amod", "nn"}


# "filopodia formation, a *feature* of motile cells": nouns of an apposition that says what
# a process is like, not where it happens
DESCRIBING_NOUNS = frozenset({"feature", "features", "hallmark", "hallmarks", "characteristic",
                              "characteristics", "property", "properties", "sign", "signs"})


def _describes_a_process(doc: Doc, cell: Mention) -> bool:
    """'filopodia formation, *a feature of motile cells*, was inhibited in Y cells treated
    with X': cells in an apposition that describes the process name a kind of cell, not the
    population that was treated."""
    root = doc[cell.root(doc)]
    head = root.head
    before = head.left_edge.i - 1
    return preposition(root) == "of" and head.lower_ in DESCRIBING_NOUNS and (
        head.dep_ == "appos" or (before >= 0 and doc[before].text == ","))  # misparsed


def _modifies_a_drug(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """'*T cell* mitogens', 'a *T-cell* mitogen': cells that say which drug, inside its name."""
    root = doc[cell.root(doc)]
    # not plural cells ("In both *cell lines* LIF increased E" misparsed as one noun phrase)
    return root.dep_ in {"compound", "amod", "nn"} and root.head.i != root.i and \
        root.tag_ != "NNS" and any(
            m.label == DRUG and m.first_token <= root.head.i <= m.last_token for m in inside)


LINEAGE_PROCESSES = ("differentiat", "development", "maturation", "commitment")
# "differentiate along the *erythroid pathway*", "a block at the *promyelocytic stage*"
LINEAGE_NOUNS = frozenset({"pathway", "pathways", "lineage", "lineages", "stage", "stages",
                           "route", "fate"})


def _names_a_lineage(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """'*erythroid* development of M-TAT cells': a lineage adjective on the process of cells
    the sentence names says what they become, not which cells change; on a pathway, lineage
    or stage ('along the *erythroid* pathway') it names no population at all."""
    token = doc[cell.first_token]
    if cell.first_token == cell.last_token and token.tag_.startswith("JJ"):
        k = token.i + 1
        while k < len(doc) and (doc[k].tag_.startswith("JJ") or
                                doc[k].lower_ in {"or", "and", ",", "to"} or
                                doc[k].lower_.startswith(LINEAGE_PROCESSES)):
            k += 1  # "from the erythroid *to granulocytic differentiation* pathway"
        if k < len(doc) and doc[k].lower_ in LINEAGE_NOUNS:
            return True  # "to the monocytic or *neutrophilic* lineages", however parsed
    process = token.head
    sources = {m.root(doc) for m in inside if m.label in (CELL, CELL_LINE) and m is not cell}
    if cell.first_token == cell.last_token and sources and (
            token.lower_.partition("-")[2].startswith(LINEAGE_PROCESSES) or
            (token.dep_ in {"compound", "amod"} and process.i == token.i + 1 and
             process.lower_.startswith(LINEAGE_PROCESSES) and
             any(s < cell.first_token for s in sources) and
             not any(preposition(c) in {"of", "in"} for c in process.children))):
        # "treatment of HL60 cells with RA induces *neutrophil differentiation*", "IL-6
        # induced *macrophage-differentiation* ... of 1A9-M cells": what the cells named
        # before become
        return True
    if cell.first_token != cell.last_token or token.dep_ != "amod":
        return False
    if process.lower_ in LINEAGE_NOUNS:
        return True
    if not process.lower_.startswith(LINEAGE_PROCESSES):
        return False
    return any(t.i in sources for c in process.children if preposition(c) in {"of", "in"}
               for t in c.subtree)


# "differentiation of stromal cells *into* endothelial cells": the cells something becomes.
BECOMING_WORDS = ("differentiat", "transdifferentiat", "conversion", "convert")
PRODUCT_PREPOSITIONS = frozenset({"into", "to", "toward", "towards"})
# "stimulation of cells was *performed* with X": a step of the method
PROCEDURE_VERBS = frozenset({"perform", "do", "carry", "conduct", "achieve", "use"})
KIND_NOUNS = frozenset({"type", "types", "kind", "kinds", "subtype", "subtypes", "form", "forms"})


def _is_a_product(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """'inhibiting the differentiation of mammary stromal cells *to an endothelial cell
    type*': the cells that differentiate are the population; what they become is not, when
    the sentence names both."""
    token = doc[cell.root(doc)]
    while (token.dep_ in {"compound", "amod", "nn", "appos"} and is_noun(token.head)) or \
            (token.dep_ == "conj" and token.head.i < token.i and is_noun(token.head)) or \
            (preposition(token) == "of" and token.head.lower_ in KIND_NOUNS):
        # "an endothelial cell *type*", "dendritic cells (*DC*)", "two *types* of macrophages",
        # "towards neutrophils or *monocytes*"
        token = token.head
    becoming = token.head
    sources = {m.root(doc) for m in inside if m.label in (CELL, CELL_LINE)}
    if token.dep_ in {"nmod", "obl"} and preposition(token) in PRODUCT_PREPOSITIONS and \
            _written_after_a_becoming(doc, token, sources):
        return True  # "differentiation of APL cells *into* granulocytes", however parsed
    if token.dep_ not in {"nmod", "obl"} or preposition(token) not in PRODUCT_PREPOSITIONS or \
            not becoming.lower_.startswith(BECOMING_WORDS):
        return False
    # the cells that become them: an argument of the word, or of the verb that controls it
    # ("U-937 cells were induced *to differentiate into* macrophages")
    controlled = becoming.dep_ == "xcomp" or any(  # "induced by X *to* differentiate"
        c.dep_ == "mark" and c.lower_ == "to" for c in becoming.children)
    holders = [becoming]
    if controlled:
        # the verb that controls it: "U-937 cells were *induced* to differentiate", also
        # where "to differentiate" hangs on the agent ("induced by retinoids to ...")
        holders.append(next((a for a in becoming.ancestors if is_verb(a)), becoming.head))
    if becoming.dep_ == "acl:relcl" and any(c.dep_ in SUBJECTS and c.tag_ in {"WDT", "WP"}
                                            for c in becoming.children):
        holders.append(becoming.head)  # "a Y cell line *that* differentiates to red cells"
    if becoming.dep_ == "conj" and is_verb(becoming) and \
            not any(c.dep_ in SUBJECTS for c in becoming.children) and \
            (verb := next((a for a in becoming.ancestors if is_verb(a)), None)) is not None:
        # "Y cells were exposed to X and differentiated into macrophages": the coordinated
        # verb's subject (the parser may hang "differentiated" on X)
        holders.append(verb)
    if any(c.dep_ == "nmod:poss" and c.tag_ == "PRP$" for c in becoming.children):
        return True  # "doses that induce *their* differentiation toward neutrophils"
    if any(c.dep_ in SUBJECTS and c.tag_ == "PRP" for holder in holders for c in holder.children):
        return True  # "*they* were induced by X to differentiate towards granulocytes"
    if any(holder.i in sources for holder in holders[1:]):
        return True  # "X induced U937 *cells* to differentiate into ...", misparsed
    return any(t.i in sources for holder in holders for child in holder.children
               if child.i != token.i and child.i != becoming.i for t in child.subtree)


def _written_after_a_becoming(doc: Doc, token: Token, sources: set[int]) -> bool:
    """Whether "into Y" follows "differentiation of X cells" closely, in words: a becoming
    noun, its "of" cells (another mention), then the product, within eight tokens; or the
    becoming noun the product hangs on follows another population of the sentence."""
    becoming = token.head
    if becoming.lower_.startswith(BECOMING_WORDS) and token.i - becoming.i <= 4 and \
            any(s < becoming.i for s in sources):
        return True  # "Treatment of HL60 cells ... results in differentiation *towards* Y"
    start = max(token.sent.start, token.i - 8)
    for k in range(start, token.i):
        word = doc[k]
        if is_noun(word) and word.lower_.startswith(BECOMING_WORDS) and \
                doc[k + 1].lower_ == "of" and any(k < s < token.i for s in sources) and \
                not any(is_verb(t) for t in doc[k + 1:token.i]):
            return True
    return False


# "fibroblast conditioned medium", "supernatants of activated T cells": made from the cells.
MATERIAL_NOUNS = frozenset({"conditioned", "supernatant", "supernatants", "lysate", "lysates",
                            "extract", "extracts", "medium", "media", "exosomes",
                            "membranes", "homogenate", "homogenates", "secretome"})


# "T cell-independent", "osteoclast-like", "T cell-derived": the cell word is part of an
# adjective.
ADJECTIVE_ENDINGS = ("-independent", "-dependent", "-like", "-derived")


def _in_an_adjective(doc: Doc, cell: Mention) -> bool:
    """A cell name that only builds an adjective ("in the T cell-independent culture
    system", "osteoclast-like giant cells") names no population."""
    rest = rest_of_token(doc, cell).lower()
    after = doc[cell.last_token + 1].lower_ if cell.last_token + 1 < len(doc) else ""
    return rest.startswith(ADJECTIVE_ENDINGS) or \
        (after == "-" and cell.last_token + 2 < len(doc) and
         "-" + doc[cell.last_token + 2].lower_ in ADJECTIVE_ENDINGS)


# "osteoclast-activating cytokines": what a molecule does to the cells its name holds
TARGETING_ENDINGS = ("-activating", "-stimulating", "-inhibiting", "-inducing")


def _names_a_molecules_target(doc: Doc, cell: Mention, inside: list[Mention]) -> bool:
    """'repression of the *osteoclast-activating* cytokines IL-6 and IL-1': cells inside a
    participle adjective name what the molecule it describes acts on; no drug of the sentence
    acts on them unless it is that molecule ("the NK cell-activating cytokine IL-2")."""
    if not rest_of_token(doc, cell).lower().startswith(TARGETING_ENDINGS):
        return False
    described = doc[cell.last_token].head
    named = {described, *described.children}
    return not any(m.label == DRUG and any(m.first_token <= t.i <= m.last_token for t in named)
                   for m in inside)


def _names_a_material(doc: Doc, cell: Mention) -> bool:
    """A cell named only as the source of a material is not a population a drug acts on."""
    after = doc[cell.last_token + 1] if cell.last_token + 1 < len(doc) else None
    if after is not None and after.lower_ in MATERIAL_NOUNS:
        return True
    root = doc[cell.root(doc)]
    if root.dep_ != "nmod" or preposition(root) not in {"of", "from"}:
        return False
    head = root.head
    if head.dep_ in {"acl", "amod"} and head.tag_ == "VBN":
        head = head.head  # "extracts *obtained* from U937 cells"
    return head.lower_ in MATERIAL_NOUNS


UNTREATED_WORDS = frozenset({"untreated", "non-treated", "nontreated", "mock-treated",
                             "unexposed", "unstimulated", "non-stimulated", "nonstimulated"})


def _previous_sentence_names_a_drug(doc: Doc, sentence: Span, mentions: list[Mention]) -> bool:
    if sentence.start == 0:
        return False
    previous = doc[sentence.start - 1].sent
    return any(m.label == DRUG and previous.start_char <= m.start < previous.end_char
               for m in mentions)


def _is_untreated(doc: Doc, cell: Mention) -> bool:
    """'promoted in untreated cells': cells said to have had no drug carry no drug's effect."""
    words = {doc[i].lower_ for i in range(max(0, cell.first_token - 2), cell.last_token + 1)}
    return bool(words & UNTREATED_WORDS)


def _is_baseline(token: Token) -> bool:
    """'levels before treatment', 'untreated controls': a reference to no drug at all."""
    if preposition(token) in {"before", "without", "prior"}:
        return True
    return any(c.lower_ in {"untreated", "no", "without", "pre"} for c in token.children) or \
        token.lower_.startswith("untreat")


LIST_WORDS = frozenset({",", ";", "and", "or", "as", "well", "and/or"})


# "a derivative of St. John's wort", "an intermediate of NNK": the agent is the derivative.
SOURCE_NOUNS = frozenset({"derivative", "derivatives", "extract", "extracts", "component",
                          "components", "constituent", "constituents", "metabolite",
                          "metabolites", "intermediate", "intermediates", "precursor",
                          "precursors", "analog", "analogs", "analogue", "analogues"})


# "a glycoprotein rich in cysteine", "a diet free of X": the drug is what something is made of.
COMPOSITION_WORDS = {"in": frozenset({"rich", "enriched", "poor", "deficient", "abundant"}),
                     "of": frozenset({"free", "devoid", "composed", "consisting"}),
                     # "maintained in a humidified *atmosphere with* 5% CO2": the culture's air
                     "with": frozenset({"atmosphere", "air"})}


def _is_no_agent(token: Token) -> bool:
    """Whether a drug mention (its root ``token``) names something other than the agent of
    the sentence's effects: a source or ingredient, a measured or moved substance, the
    comparator, the stimulus of a later step, or the form another drug is given in
    (docs/claims.md, rule 8)."""
    return _is_a_source(token) or _is_measured(token) or _exemplifies_what_changes(token) or \
        _is_a_comparator(token) or \
        _is_a_later_step(token) or _is_a_form(token) or _is_absent(token) or \
        _is_a_denied_mediator(token) or _relates_an_appositive(token) or _is_made(token) or \
        _is_a_role(token)


# Words that introduce examples of the noun phrase before them
EXAMPLE_MARKERS = frozenset({"e.g.", "e.g", "i.e.", "including"})
# Nouns of a change or a making whose "of" object is what changes or is made
REGULATION_NOUNS = frozenset({"up-regulation", "upregulation", "down-regulation",
                              "downregulation", "induction", "regulation"})


def _exemplifies_what_changes(token: Token) -> bool:
    """'up-regulation of cytokines containing AP-1 sites, *e.g.* interleukin-3 and GM-CSF':
    the drug is an example of what is made or changed, however the parse hangs it."""
    doc = token.doc
    token = _listed_head(token)
    k = token.left_edge.i - 1
    if k < 1 or not (doc[k].lower_ in EXAMPLE_MARKERS or
                     (doc[k].lower_ == "as" and doc[k - 1].lower_ == "such")):
        return False
    for t in reversed(doc[max(token.sent.start, k - 8):k]):
        if is_verb(t) and t.dep_ not in {"acl", "amod"}:
            return False  # another clause between
        if is_noun(t) and preposition(t) == "of" and \
                t.head.lower_ in MADE_OR_MOVED | CHANGE_NOUNS | REGULATION_NOUNS:
            return True
    return False


def _is_a_role(token: Token) -> bool:
    """'their therapeutic use *as anti-allergic agents*': a drug after "as" names the
    role of another agent, not a second one ("such as" and "as well as" list members)."""
    doc = token.doc
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "as anti-inflammatory and *anti-allergic* agents"
    case = next((c for c in token.children if c.dep_ == "case" and c.lower_ == "as"), None)
    if case is None or case.i + 1 >= len(doc) or doc[case.i + 1].lower_ == "well":
        return False
    return case.i == 0 or doc[case.i - 1].lower_ not in {"such", "well"}


# Verbs whose object the cells make: "Y cells *produce* cytokines such as GM-CSF"
MAKING_VERBS = frozenset({"produce", "secrete", "express", "synthesize", "synthesise"})


def _is_made(token: Token) -> bool:
    """'EL-4 cells produce cytokines such as IL-2 ... and GM-CSF in response to X': a drug
    the cells make (the object of a making verb, or listed under it) is no agent."""
    node = token
    for _ in range(4):
        if node.dep_ in OBJECTS and lemma(node.head) in MAKING_VERBS:
            return True
        if node.dep_ not in {"conj", "appos", "nmod", "compound"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _relates_an_appositive(token: Token) -> bool:
    """'N-acetyl-cysteine, a precursor *of* the endogenous antioxidant *glutathione*, inhibited
    E': a drug named to say what another drug is (its precursor, analogue, derivative) is not
    an agent of the sentence."""
    node, related = token, False
    while node.head.i != node.i:
        if node.dep_ == "appos":
            return related
        if node.dep_ not in {"nmod", "compound", "amod", "dep", "conj"}:
            return False
        related = related or preposition(node) == "of"
        node = node.head
    return False


def _is_a_denied_mediator(token: Token) -> bool:
    """'X suppression of Y cells is not mediated *by Z effect*': Z is said to play no part."""
    node = token
    while node.dep_ in {"compound", "amod", "conj"} and node.head.i != node.i:
        node = node.head
    verb = node.head
    return preposition(node) == "by" and verb.lemma_ == "mediate" and \
        any(c.dep_ == "neg" for c in verb.children)


def _is_absent(token: Token) -> bool:
    """'E could be induced by cAMP, *in the absence of* progesterone': the drug is not there.
    'In the absence and presence of X' compares both: UD hangs the shared 'of X' on the first
    conjunct, so an absence with a conjoined 'presence' does not count. 'Monocytes were
    stimulated with PMA *with and without* staurosporine': no effect is stated for a drug
    given or left out."""
    listed = token
    while True:
        if any(c.dep_ == "case" and c.lower_ == "without" for c in listed.children):
            return True
        if listed.dep_ not in {"appos", "conj"} or listed.head.i > listed.i or \
                not is_noun(listed.head):
            break
        listed = listed.head  # "without staurosporine (*Stauro*), *bisindolylmaleimide*"
    head = token.head
    return preposition(token) == "of" and head.lower_ in {"absence", "lack", "omission"} \
        and head.i != token.i and not any(c.lower_ == "presence" for c in head.conjuncts)


def _names_the_cells_alone(doc: Doc, cell: Mention, cell_token: Token) -> bool:
    """Whether the cell mention is the head of its noun phrase, not a word of a process's
    name ("EPO-induced *erythroid* differentiation", "IL-6-induced *macrophage*-
    differentiation")."""
    return is_noun(cell_token) and cell_token.dep_ not in {"amod", "compound"} and \
        not rest_of_token(doc, cell)


def _compares_to(verb: Token) -> bool:
    """'decreased compared *to control* T cells', parsed with "control" as a verb after the
    infinitive's "to": a comparison's second term, not what the cells were brought to do."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].lower_ == "to" and \
        doc[verb.i - 2].lower_ in COMPARISON_HEADS


def _is_denied_by_prefix(doc: Doc, mention: Mention) -> bool:
    """'the *non-dapsone-exposed* RBCs': a "non-" written onto the drug's treatment word
    names the cells that did not get the drug; the drug is not their agent."""
    token = doc[mention.first_token]
    before = token.text[:max(0, mention.start - token.idx)].lower()
    return before.endswith(("non-", "non\u2010"))


def _without_restatements(doc: Doc, found: list[PairClaim],
                          drugs: list[Mention]) -> list[PairClaim]:
    """A claim of a drug that restates the one before it ("anti-HLA-DR monoclonal antibody
    (*mAb*)") goes when that one makes the same claim: one drug, one claim per cells."""
    linked = {(id(c.anchor.mention), id(c.cell)) for c in found if c.anchor.mention is not None}
    kept = []
    for claim in found:
        mention = claim.anchor.mention
        restated = _restated(doc, mention, drugs) if mention is not None else None
        if restated is not None and (id(restated), id(claim.cell)) in linked:
            continue
        member = _member_in_apposition(doc, mention, drugs) if mention is not None else None
        if member is not None and (id(member), id(claim.cell)) in linked:
            continue  # "The fluoroquinolone antibiotic, *ciprofloxacin*, induces E"
        kept.append(claim)
    return kept


def _member_in_apposition(doc: Doc, mention: Mention, drugs: list[Mention]) -> Mention | None:
    """The named drug written in apposition right after a class ("the fluoroquinolone
    antibiotic, *ciprofloxacin* (cipro), ..."), however parsed: the class only says what the
    drug is. A name the model found and the dictionary does not know counts as a class when
    it takes an article."""
    article = mention.first_token > 0 and \
        doc[mention.first_token - 1].lower_ in {"the", "a", "an"}
    if mention.kind != "class" and not (mention.kind == "model" and not mention.ids and article):
        return None
    k = mention.last_token + 1
    while k < len(doc) and k <= mention.last_token + 2 and \
            (doc[k].tag_.startswith(("NN", "JJ"))) and doc[k].text != ",":
        k += 1  # "antibiotic", "agent"
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    return next((m for m in drugs if m.kind not in {"class", "model"} and
                 m.first_token == k + 1), None)


def _without_restated_cells(doc: Doc, found: list[PairClaim]) -> list[PairClaim]:
    """Cells that restate the cells before them ("human umbilical vein endothelial cell
    (*HUVEC*) monolayers", "the pre-B cell line, *PB-697*") are one population: where a
    drug makes a claim on both, one claim is kept, on the two mentions joined."""
    cells = {id(c.cell): c.cell for c in found}
    describing = {id(later): earlier for later in cells.values() for earlier in cells.values()
                  if _describes_the_line(doc, later, earlier)}
    restating = {id(later): earlier for later in cells.values() for earlier in cells.values()
                 if _restates_cells(doc, later, earlier)} | describing
    described = {id(earlier) for earlier in describing.values()}
    restated = {id(earlier): later for later in cells.values()
                if (earlier := restating.get(id(later))) is not None}
    linked = {(c.anchor.ref.norm, id(c.cell)) for c in found}
    typing = {id(kind): line for kind in cells.values() for line in cells.values()
              if _types_the_line(doc, kind, line)}
    kept = []
    for claim in found:
        norm, cell = claim.anchor.ref.norm, claim.cell
        if id(cell) in restating and (norm, id(restating[id(cell)])) in linked:
            continue
        if id(cell) in typing and (norm, id(typing[id(cell)])) in linked:
            continue  # "mouse *macrophage* RAW 264.7 cells": the line is the population
        later = restated.get(id(cell))
        if later is not None and (norm, id(later)) in linked and id(cell) not in described:
            claim = replace(claim, cell=_joined_cells(doc, cell, later))
        kept.append(claim)
    return kept


def _without_counted_cells(doc: Doc, found: list[PairClaim]) -> list[PairClaim]:
    """'Treatment of HL60 cells with RA resulted in neutrophil differentiation (up to *25%
    mature cells*)', 'on CD34+ cells (G-CSF: *8% dead cells*)': cells counted as a
    percentage measure the effect on the drug's population; where the drug has a claim on
    another cell of the sentence, the counted cells are not one more population."""
    counted = {id(c.cell) for c in found if _is_counted(doc, c.cell)}
    others = {c.anchor.ref.norm for c in found if id(c.cell) not in counted}
    return [c for c in found if id(c.cell) not in counted or c.anchor.ref.norm not in others]


def _is_counted(doc: Doc, cell: Mention) -> bool:
    return cell.first_token > 0 and doc[cell.first_token - 1].text.endswith("%")


def _types_the_line(doc: Doc, kind: Mention, line: Mention) -> bool:
    """'mouse *macrophage* RAW 264.7 cells': a cell type written right before a named line,
    inside its noun phrase, says what the line is."""
    return kind.label == CELL and line.label == CELL_LINE and \
        kind.last_token + 1 == line.first_token and \
        line.first_token <= doc[kind.root(doc)].head.i <= line.last_token


def _joined_cells(doc: Doc, earlier: Mention, later: Mention) -> Mention:
    """One mention over both: a named line keeps its own ids ("pre-B cell line, PB-697"),
    a short form in brackets those of its long form (the bracket closed)."""
    after = later.last_token + 1
    if after < len(doc) and doc[after].text in {")", "]"}:
        return replace(earlier, end=doc[after].idx + 1, last_token=after,
                       term_start=earlier.term_span[0], term_end=earlier.term_span[1])
    return replace(later, start=earlier.start, first_token=earlier.first_token,
                   term_start=later.term_span[0], term_end=later.term_span[1])


# "the pre-B cell line, PB-697": a name in apposition after a line
LINE_NOUNS = frozenset({"line", "lines", "clone", "clones", "subline", "sublines"})


def _restates_cells(doc: Doc, later: Mention, earlier: Mention) -> bool:
    """Whether ``later`` names ``earlier`` again: in brackets right after it, or, after a cell
    line, in apposition ("the monocyte/macrophage-like cell line, U1")."""
    if earlier.last_token + 1 >= later.first_token:
        return False
    words = [t.lower_ for t in doc[earlier.last_token + 1:later.first_token]]
    if words and words[0] in LINE_NOUNS:
        words = words[1:]  # "pre-B cell [line ,] PB-697", "cancer cell [line (] JR-St cells)"
    elif doc[earlier.last_token].lower_ not in LINE_NOUNS and words == [","]:
        return False
    if words in (["("], ["["]):
        after = later.last_token + 1
        return after < len(doc) and doc[after].text in {")", "]"}
    return words == [","]


def _describes_the_line(doc: Doc, later: Mention, earlier: Mention) -> bool:
    """'NB4, *an APL-derived cell line*': a line described in apposition after its name; the
    name is the population (and keeps its ids)."""
    words = [t.lower_ for t in doc[earlier.last_token + 1:later.first_token]]
    if words not in ([","], [",", "a"], [",", "an"], [",", "the"]) or \
            doc[earlier.last_token].lower_ in LINE_NOUNS:
        return False
    ends = [doc[later.last_token], *doc[later.last_token + 1:later.last_token + 2]]
    return any(t.lower_ in LINE_NOUNS for t in ends)  # "a human T cell[ line]"


def _restated(doc: Doc, mention: Mention, drugs: list[Mention]) -> Mention | None:
    """'the anti-HLA-DR monoclonal antibody (*mAb*) L243': a drug in brackets right after
    another names that drug again (its short form, its class), not a second agent; but a
    named drug after a class names the member ("mitogens (*phorbol esters*)"). Returns the
    drug restated, if any."""
    k = mention.first_token
    if (subject := _copular_subject(doc, mention, drugs)) is not None:
        return subject  # "Trapoxin is a *cyclotetrapeptide* that inhibits ..."
    if not (k >= 2 and doc[k - 1].text in {"(", "["} and
            _closes_the_bracket(doc, mention.last_token + 1)):
        return None
    before = next((m for m in drugs if m is not mention and m.last_token == k - 2), None)
    if before is None or (mention.kind != "class" and before.kind == "class") or \
            (before.kind == "model" and not before.ids and mention.ids):
        return None
    return before


def _copular_subject(doc: Doc, mention: Mention, drugs: list[Mention]) -> Mention | None:
    """The drug a predicate noun says what it is: "*Trapoxin* is a cyclotetrapeptide that
    ...". A named drug after a class subject names it ("the agent is *cyclosporin*")."""
    root = doc[mention.root(doc)]
    if not any(c.dep_ == "cop" for c in root.children):
        return None
    subjects = [c.i for c in root.children if c.dep_ == "nsubj"]
    return next((m for m in drugs if m is not mention and m.last_token < mention.first_token
                 and any(m.first_token <= i <= m.last_token for i in subjects)
                 and not (m.kind == "class" and mention.kind != "class")), None)


def _closes_the_bracket(doc: Doc, i: int) -> bool:
    """Whether the bracket closes at token ``i``, or after a dose given with the short form
    ("pyrrolidinedithiocarbamate (PDTC*, 25 microM)*")."""
    if i >= len(doc):
        return False
    if doc[i].text in {")", "]"}:
        return True
    if doc[i].text not in {",", ";"}:
        return False
    rest = doc[i + 1:i + 6]
    close = next((t.i for t in rest if t.text in {")", "]"}), None)
    return close is not None and any(t.like_num for t in doc[i + 1:close])


def _is_a_form(token: Token) -> bool:
    """'hyperforin (*as* stable dicyclohexylammonium salt)': the form the drug before it is
    given in, not a second agent."""
    head = token.head
    return preposition(token) == "as" and head.i < token.i and is_noun(head) and \
        any(t.text in {"(", "["} for t in token.doc[head.i + 1:token.i])


# "vitamins *such as* X and Y", "NSAIDs *including* X": the members make the claims.
MEMBER_PREPOSITIONS = frozenset({"such", "as", "including", "like"})


def _lists_its_members(doc: Doc, mention: Mention, drugs: list[Mention]) -> bool:
    """Whether a drug class names its members, which then carry the claims ("vitamins such
    as alpha-tocopheryl succinate and beta-carotene enhance ...")."""
    root = mention.root(doc)
    if mention.kind != "class" and (mention.ids or (not doc[root].tag_.startswith("NNS")
                                    and not doc[root].lower_.endswith("s"))):
        return False  # a named drug, not a class or a plural of ungrounded "vitamins"
    return any(m is not mention and doc[m.root(doc)].head.i == root and any(
                   c.dep_ in {"case", "mark"} and c.lower_ in MEMBER_PREPOSITIONS
                   for c in doc[m.root(doc)].children) for m in drugs)


def _is_a_source(token: Token) -> bool:
    """Whether the drug only says where another agent comes from (``SOURCE_NOUNS``, "a factor
    in bovine colostrum") or what it is made of (``COMPOSITION_WORDS``): it is not the
    agent."""
    if token.dep_ in {"compound", "amod"} and token.head.lower_ in SOURCE_NOUNS:
        return True  # "NAC, a glutathione *precursor*", "a thiazolidinedione *derivative*"
    if token.dep_ != "nmod":
        return False
    head, case = token.head.lower_, preposition(token)
    return (case == "of" and head.split("-")[-1] in SOURCE_NOUNS) or \
        (case in {"in", "from"} and head in {"factor", "factors"} | SOURCE_NOUNS) or \
        head in COMPOSITION_WORDS.get(case, ())


# "lower blood lactate concentrations", "plasma cortisol levels": what is measured.
MEASURING_VERBS = frozenset({"measure", "quantify", "quantitate", "determine", "assay"})
MEASURE_NOUNS = frozenset({"concentration", "concentrations", "level", "levels", "amount",
                           "amounts", "content", "contents", "titer", "titers", "titre",
                           "titres", "ratio", "ratios", "pool", "pools", "store", "stores",
                           "value", "values"})


# "LPS-induced", "PMA-stimulated": a drug joined to the participle of its own action
INDUCER_SUFFIX = re.compile(r"[-\u2010\u2011](?:induced|mediated|stimulated|activated|"
                            r"triggered|elicited|evoked|driven)$", re.IGNORECASE)


def _names_the_inducer(token: Token) -> bool:
    """'*LPS-induced* NF-kappaB DNA binding': the drug brings the process about."""
    return INDUCER_SUFFIX.search(token.text) is not None


# "phosphatidylserine translocation", "glucose uptake", "glutathione depletion": the substance
# is what moves, is made or is used up.
PROCESS_NOUNS = frozenset({"translocation", "uptake", "release", "efflux", "influx", "entry",
                           "transport", "accumulation", "synthesis", "secretion",
                           "incorporation", "metabolism", "turnover", "binding", "depletion",
                           "inactivation", "degradation", "hydrolysis", "oxidation",
                           "conversion", "liberation", "flux", "fluxes",
                           # "the tricarboxylic acid cycle", "the malate-aspartate shuttle",
                           # "BMP-2-Smad signaling", "Ca2+ signals": a pathway the substance names
                           "cycle", "cycles", "shuttle", "shuttles", "signaling", "signalling",
                           "signals", "pathway", "pathways",
                           # "astrocytic Ca2+-waves", "the phospholipid orientation"
                           "wave", "waves", "oscillation", "oscillations", "orientation",
                           "asymmetry"})


# "nitroblue tetrazolium staining": a reagent of an assay.
ASSAY_NOUNS = frozenset({"staining", "stain", "assay", "assays", "labeling", "labelling",
                         "immunocytochemistry", "immunohistochemistry", "immunostaining",
                         "immunofluorescence"})
# "cells released superoxide", "T cells produce IL-2": what the cells make is no agent.
PRODUCING_VERBS = frozenset({"release", "released", "releases", "produce", "produced",
                             "produces", "secrete", "secreted", "secretes", "synthesize",
                             "synthesized", "synthesise", "synthesised", "generate",
                             "generated", "generates", "express", "expressed", "expresses"})
# "expression of X", "production of IL-2 by T cells": X is what is made.
EXPRESSION_NOUNS = frozenset({"expression", "production", "overexpression", "generation",
                              "formation", "transcription"})
# What cells make, as a noun whose "by" phrase names them: "IL-8 *production* by Y cells"
MAKING_NOUNS = EXPRESSION_NOUNS - {"formation"} | {"secretion", "release", "synthesis"}
# "uptake of X", "expression of X"; not "binding of X to its targets", where X acts.
# "oxidation of hexadecanol *to fatty acid*": a metabolite ("conversion of the prodrug to
# 5-FU" makes an agent)
BREAKDOWN_NOUNS = frozenset({"oxidation", "hydrolysis", "degradation", "metabolism",
                             "breakdown"})
# "the exposure *of* PS" on the cell surface is PS's own move ("exposure *to* X" is a treatment)
MADE_OR_MOVED = (PROCESS_NOUNS - {"binding"}) | EXPRESSION_NOUNS | {
    "exposure", "externalization", "externalisation"}
# "susceptibility of Y cells to lysis by LAK cells": what the killers probe
SUSCEPTIBILITY_WORDS = frozenset({"susceptibility", "susceptible", "sensitivity", "sensitive",
                                  "resistance", "resistant", "vulnerability", "vulnerable"})
# "X-induced modulation of E": a change without a direction
MODULATION_NOUNS = frozenset({"modulation", "modulations", "regulation", "dysregulation"})
# "changes in X", "a rise in cortisol": X is what changes.
CHANGE_NOUNS = frozenset({"change", "changes", "alteration", "alterations", "increase",
                          "increases", "decrease", "decreases", "reduction", "reductions",
                          "rise", "elevation", "elevations", "decline", "fall", "depression"})


# "the impact of *deficits in* RanBP2, HKI and ATP": what is lacking, not given
DEFICIT_NOUNS = frozenset({"deficit", "deficits", "deficiency", "deficiencies", "shortage"})


LIKENESS_WORDS = frozenset({"similar", "comparable", "identical", "equivalent", "analogous",
                            "superior", "inferior"})
UNLIKENESS_WORDS = frozenset({"distinct", "different", "distinguishable", "indistinguishable"})


def _is_a_comparator(token: Token) -> bool:
    """'the greater selectivity of PF, compared with FK506, ...': the drug a finding is
    compared with is not the one it is about (guideline rule 11)."""
    if any(c.dep_ in {"case", "mark"} and c.lower_ in COMPARISON_WORDS | {"vs", "vs."}
           for c in token.children) or \
            (token.head.lower_ in COMPARISON_WORDS and token.head.i != token.i
             and token.dep_ in {"nmod", "obl"}):
        return True
    if _is_likened_to(token):
        return True  # "*Like dexamethasone*, X inhibited E"
    if token.dep_ in {"nmod", "obl"} and token.head.tag_.startswith("JJ") and \
            any(c.dep_ == "case" and c.lower_ == "as" for c in token.children):
        return True  # "X is (not as) effective *as ATRA*"
    likened = token.head if token.head.lower_ in {"that", "those"} and \
        preposition(token) == "of" else token
    if likened.dep_ in {"nmod", "obl"} and likened.head.lower_ in LIKENESS_WORDS and \
            preposition(likened) == "to":
        return True  # "in a manner similar *to that of glucocorticoids*"
    # "In contrast to ionomycin treatment, exposure of cells to PMA did not induce E": the
    # drug of the contrasted treatment, one or two nouns up.
    for head in list(token.ancestors)[:2]:
        if head.lower_ == "contrast" and any(c.dep_ == "case" and c.lower_ == "in"
                                             for c in head.children):
            return True
        if not is_noun(head):
            break
    return False


def _names_the_compared(token: Token) -> bool:
    """'distinct *from* U937 cells', 'similar *to* monocytes', 'compared to Y cells': what
    something is likened to or set against, hung on the word that compares."""
    if token.head.i != token.i and preposition(token) in {"to", "with"} and \
            token.head.lower_ in {"compared", "comparison"}:
        return True  # "(as) *compared to* lymphocytes that were activated by X"
    return token.head.i != token.i and preposition(token) in {"to", "from"} and \
        token.head.lower_ in LIKENESS_WORDS | UNLIKENESS_WORDS


def _in_a_likened_demonstrative(token: Token) -> bool:
    """'changes were similar to *those (seen) in Y cells* after Z': cells in the phrase that
    "those" or "that" heads, what something is likened to, are the comparator's. (Not cells
    hung on a likened noun, "a binding activity indistinguishable from NF-kappa B *in Y
    cells*", where the parse often puts the clause's own cells.)"""
    for head in list(token.ancestors)[:2]:
        if head.lower_ in {"that", "those"} and preposition(head) in {"to", "from"} and \
                head.head.lower_ in LIKENESS_WORDS | UNLIKENESS_WORDS:
            return True
        if not (head.tag_ == "VBN" and head.dep_ == "acl"):
            break
    return False


def _is_a_later_step(token: Token) -> bool:
    """'Pretreatment of T cells by NAC *followed by* stimulation with PMA or H2O2 resulted in
    suppression of E': the stimulus of the later step is the condition the effect is seen
    under, not its agent (NAC is)."""
    for head in list(token.ancestors)[:4]:
        if head.lower_ == "followed" and head.dep_ in {"acl", "advcl", "amod"} and \
                token.i > head.i:
            return True
        if head.dep_ == "conj" and token.i > head.i and any(
                c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS for c in head.children):
            return True  # "cells treated with X, and *then stimulated with* PMA"
        if head.lower_ == "prior" and token.i > head.i and is_verb(head.head) and \
                head.head.i < head.i:
            return True  # "cells were treated with X *prior to activation with* LTB4"
        if any(c.lower_ == "prior" and c.i < head.i for c in head.children) and \
                token.i > head.i and is_verb(head.head) and head.head.i < head.i:
            return True  # the same with "prior (to)" hung on the activation
    return False


LATER_ADVERBS = frozenset({"then", "subsequently", "thereafter", "later"})


def _measure_follows(token: Token) -> bool:
    """Whether the word right after the drug and the names listed with it is a measure
    ("ACTH and cortisol *concentrations*"), whatever the parse made of the list."""
    # the list's names, with their short forms in brackets ("glutathione (GSH) and ...")
    listed = {c.i for c in token.subtree if c.dep_ in {"conj", "cc", "punct", "compound",
                                                        "appos"}}
    k = token.i + 1
    while k < len(token.doc) and k in listed:
        k += 1
    return k < len(token.doc) and k > token.i + 1 and \
        token.doc[k].lower_.split("-")[-1] in MEASURE_NOUNS | PROCESS_NOUNS  # "beta-oxidation"


def _is_measured(token: Token) -> bool:
    """Whether the drug only names what a measurement or a process is of ("serum lactate
    levels", "blood alcohol concentration", "levels of cortisol", "phosphatidylserine
    translocation"): a quantity that changes, not an agent."""
    if token.dep_ == "appos" and token.head.i != token.i and is_noun(token.head) and \
            _is_measured(token.head):
        return True  # "the intracellular glutathione (*GSH*) levels": the short form too
    # "plasma ACTH and cortisol concentrations", "release of TNF-alpha, IL-6 and
    # granulocyte-macrophage colony-stimulating factor (*GM-CSF*)"
    token = _listed_head(token)
    if _measure_follows(token):
        return True
    head = token.head
    prep = preposition(token)
    if not prep and not token.text[:1].isalnum() and token.i > 0 and \
            token.doc[token.i - 1].head.i in {token.i, head.i}:
        prep = preposition(token.doc[token.i - 1])  # "the level of Ca2 +", split in two
    if head.i != token.i and head.lower_.split("-")[-1] in PROCESS_NOUNS | ASSAY_NOUNS and \
            token.i < head.i \
            and token.dep_ in {"compound", "amod"} and not _names_the_inducer(token):
        return True  # "glucose uptake": what moves; not "LPS-induced NF-kappaB binding"
    if head.lower_ in EXPRESSION_NOUNS and token.dep_ == "compound" and head.i == token.i + 1 \
            and head.dep_ not in SUBJECTS:
        # "augment LTB4 generation": what is made; but "increased NO production reduces E"
        # makes the product the agent, and "LPS (LPS)-induced expression" is no compound
        return True
    if token.dep_ in OBJECTS and lemma(head) in PRODUCING_VERBS | MEASURING_VERBS:
        return True  # "HUVECs *released* superoxide anions", "we *measured* cortisol"
    if head.i != token.i and token.dep_ == "nmod" and (
            (prep == "of" and head.lower_ in MADE_OR_MOVED) or
            (prep == "in" and head.lower_ in CHANGE_NOUNS) or
            (prep in {"in", "of"} and head.lower_ in DEFICIT_NOUNS) or
            (prep in {"to", "into"} and BREAKDOWN_NOUNS & {head.lower_, head.head.lower_})):
        # "expression of angiogenesis factors", "changes in CDK inhibitors", "oxidation of
        # hexadecanol *to fatty acid*" (the product, the "to" phrase also hung on what is
        # oxidized)
        return True
    if head.i == token.i or head.lower_ not in MEASURE_NOUNS:
        return False
    if token.dep_ in {"compound", "amod"}:
        return True
    # "different concentrations of curcumin" is a dose, an agent; "levels of cortisol" is not.
    return token.dep_ == "nmod" and prep == "of" and not head.lower_.startswith("concentration")


def _names_its_own_agent(reference: Token) -> bool:
    """'carcinogen exposure', 'IL-1Ra treatment', 'exposure to platelets', 'treated with an
    adenosine analog': the treatment names its agent, which is not the document's drug (the
    noun right before it is its agent whatever the parse: "acute ethanol exposure"), or the
    treatment is in apposition to its agent ("stimulation with anti-Ig, a treatment that ...")."""
    if reference.dep_ == "appos" and is_noun(reference.head):
        return True
    return any(is_noun(child) and (child.dep_ == "compound" or child.i == reference.i - 1 or (
                   child.dep_ == "nmod" and preposition(child) in {"to", "with"}))
               for child in reference.children)


def listed_claims(doc: Doc, found: list[PairClaim], cells: list[Mention]) -> list[PairClaim]:
    """Cells written as a list with a claim's cell share its claim, whatever the parse made
    of the list ("inhibited viability in HeLa cells, hepatoma HepG2 cells and A549 cells":
    the parser often hangs later items elsewhere than under the first)."""
    claimed = {(id(c.anchor), id(c.cell)) for c in found}
    ordered = sorted(cells, key=lambda m: m.first_token)
    added = []
    for claim in found:
        if claim.cell.match == "generic":
            continue
        for other in list_neighbours(doc, claim.cell, ordered):
            if (id(claim.anchor), id(other)) in claimed:
                continue
            claimed.add((id(claim.anchor), id(other)))
            evidence = Evidence(claim.evidence.trigger, claim.evidence.direction, "list",
                                claim.evidence.effect, claim.evidence.path_length + 1)
            added.append(PairClaim(claim.anchor, other, evidence, claim.sentence))
    return added


def listed_drug_claims(doc: Doc, found: list[PairClaim],
                       anchors: list[DrugAnchor]) -> list[PairClaim]:
    """Drugs listed with "and"/"or" after a drug that has a claim share it when the parse hangs
    the cells on the first ("induced by PMA and PHA in Jurkat", "in Jurkat" under "PMA"):
    every named agent gets its own claim (guideline rule 7)."""
    claimed = {(id(c.anchor), id(c.cell)) for c in found}
    by_token = {c.anchor.token.i: c for c in found if c.anchor.mention is not None}
    added = []
    for anchor in anchors:
        token = anchor.token
        joined = any(c.dep_ == "cc" and c.lower_ in {"and", "or"}
                     for c in [*token.children, *token.head.children])
        if anchor.mention is None or token.dep_ != "conj" or not joined:
            continue
        first = _listed_head(token)
        claim = by_token.get(first.i)
        if claim is None or claim.cell.first_token <= token.i or \
                doc[claim.cell.root(doc)].head.i != first.i or \
                (id(anchor), id(claim.cell)) in claimed:
            continue  # only cells the parse hung on the first drug, after the list
        claimed.add((id(anchor), id(claim.cell)))
        evidence = replace(claim.evidence, rule="list")
        added.append(PairClaim(anchor, claim.cell, evidence, claim.sentence))
    return added


def list_neighbours(doc: Doc, cell: Mention, ordered: list[Mention]) -> list[Mention]:
    """The cell mentions on either side of ``cell`` in one surface list with it."""
    k = next(i for i, m in enumerate(ordered) if m is cell)
    found = []
    for step in (1, -1):
        current, i = cell, k + step
        while 0 <= i < len(ordered) and _list_gap(doc, *sorted((current, ordered[i]),
                                                              key=lambda m: m.first_token)):
            current = ordered[i]
            found.append(current)
            i += step
    return found


def _list_gap(doc: Doc, first: Mention, second: Mention) -> bool:
    """Whether only list punctuation, a conjunction and the second item's own modifiers
    ("hepatoma" in ", hepatoma HepG2 cells") stand between two mentions."""
    gap = range(first.last_token + 1, second.first_token)
    if not any(doc[i].lower_ in {",", ";", "and", "or", "and/or"} for i in gap):
        return False
    if first.first_token > 0 and doc[first.first_token - 1].lower_ in {"like", "unlike"}:
        return False  # "Like ML-1a, endothelial cells ...": a comparator, not a list
    for i in gap:
        token = doc[i]
        if token.lower_ in LIST_WORDS:
            continue
        head = token
        while head.i in gap and head.head.i != head.i and head.dep_ in {"compound", "amod", "nmod"}:
            head = head.head
        if not (second.first_token <= head.i <= second.last_token):
            return False
    return True


def _specific_over_generic(claims: list[PairClaim]) -> list[PairClaim]:
    """'effects of X on immune-competent cells such as T cells and DC': when a drug has
    claims on named populations, its claim on a bare, unresolved 'cells' says nothing more; nor
    does one on a bare 'cell line' ("..., but only in that particular *cell line*")."""
    named = {c.anchor.ref.norm for c in claims if not _is_bare(c.cell)}
    return [c for c in claims if not _is_bare(c.cell) or c.anchor.ref.norm not in named]


BARE_CELL_WORDS = frozenset({"cell", "cells", "line", "lines"})


def _is_bare(cell: Mention) -> bool:
    """A cell mention that names no population: an unresolved 'cells', or a 'cell line' the
    NER found with nothing before it."""
    return cell.match == "generic" or (
        cell.match == "none" and set(cell.norm.lower().split()) <= BARE_CELL_WORDS)


REFERRING_DETERMINERS = frozenset({"these", "those", "the", "such", "this", "both"})


def _named_in_the_sentence(claim: PairClaim, cells: list[Mention]) -> PairClaim:
    """'Using the SK-N-MC cell line, we found that treatment of *these cells* with X ...': a
    claim on cells that refer back to a population named earlier in the same sentence is
    given that name (the guidelines take the most specific mention in the sentence)."""
    cell = claim.cell
    if cell.source != "coreference" or cell.match != "anaphora":
        return claim
    doc = claim.sentence.doc
    if doc[cell.first_token].lower_ not in REFERRING_DETERMINERS or any(
            c.dep_ not in {"det", "predet", "case", "punct", "amod"}
            for c in doc[cell.last_token].children):
        # a bare "cells", or cells with modifiers of their own ("the cells *treated with
        # X*"), may be a population of their own ("of cells with a low growth fraction")
        return claim
    named = [m for m in cells if m.source != "coreference" and m.end <= cell.start
             and m.norm == cell.norm and claim.sentence.start_char <= m.start]
    return replace(claim, cell=named[-1]) if named else claim


def _coordinated_with_its_kind(claim: PairClaim, claims: list[PairClaim]) -> bool:
    """'T cell hybridomas and peripheral T cells': two coordinated mentions grounded to one
    cell type still name two populations (nobody coordinates a population with itself)."""
    doc = claim.sentence.doc

    def head_noun(cell: Mention) -> Token:
        token = doc[cell.root(doc)]
        while token.dep_ == "compound" and token.head.i != token.i:
            token = token.head  # "*T cell* hybridomas"
        return token

    if claim.cell.source == "coreference":
        return False  # "in Y cells and in other cells": the other cells are Y's kind
    root = head_noun(claim.cell)
    return any(other.cell.start != claim.cell.start and other.cell.source != "coreference" and
               other.cell.norm.lower() == claim.cell.norm.lower() and
               head_noun(other.cell) in root.conjuncts for other in claims)


def _respectively(sentence: Span, claims: list[PairClaim]) -> list[PairClaim]:
    """'X and Z inhibited the proliferation of A and B cells, *respectively*': a list of as
    many drugs as populations, paired in order; the crossed pairs go. With other counts, or
    drugs that are no one list, the sentence pairs something else (doses, times), and the
    claims stay."""
    if len(claims) < 4 or not any(t.lower_ == "respectively" for t in sentence):
        return claims
    doc = sentence.doc
    drugs = sorted({c.anchor.token.i for c in claims})
    cells = sorted({c.cell.root(doc) for c in claims})
    if len(drugs) != len(cells) or len(claims) != len(drugs) * len(cells) or \
            not _one_list(doc, drugs):
        return claims  # "... by all-trans RA, and 58% and 51%, respectively by 13-cis RA"
    return [c for c in claims
            if drugs.index(c.anchor.token.i) == cells.index(c.cell.root(doc))]


def _one_list(doc: Doc, tokens: list[int]) -> bool:
    """Whether the tokens are the conjuncts of one coordination ("X and Z")."""
    first = doc[tokens[0]]
    return all(doc[i] in first.conjuncts for i in tokens[1:])


def _mention_rank(claim: PairClaim) -> tuple[bool, bool, int, float]:
    """How well a claim's cell mention stands for its population (:func:`_one_per_pair`)."""
    return (_whole_tokens(claim, claim.sentence.doc), claim.cell.source != "coreference",
            -claim.cell.start, claim.confidence)


def _one_per_pair(claims: list[PairClaim]) -> list[PairClaim]:
    """Guideline rule 1: one claim per (drug, cell population) in a sentence. The mention
    kept is a whole-token one (not "NK" inside "NK-mediated"), then one that names the
    population rather than refers back to it ("more cells ... in SKOV3 cells"; the guidelines
    take the most specific mention), then the first in the sentence."""
    best: dict[tuple[str, str, int], PairClaim] = {}
    for claim in claims:
        key = (claim.anchor.ref.norm.lower(), claim.cell.norm.lower(),
               claim.cell.start if _coordinated_with_its_kind(claim, claims) else -1)
        current = best.get(key)
        if current is None or _mention_rank(claim) > _mention_rank(current):
            best[key] = claim
    return sorted(best.values(), key=lambda c: (c.cell.start, c.anchor.token.i))
