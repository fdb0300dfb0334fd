"""Short claim-style sentences with hand-written GENIA UD v1 trees, for parser training.

The GENIA treebank has few short sentences whose subject is a drug and whose verb states an
effect on cells ("Cytarabine activated caspase-3 in Jurkat cells."), and a parser trained on
it and on CRAFT misreads some of them (a noun phrase "Cytarabine activated caspase-3", the
cells as ``dep`` of a drug). The claim rules read exactly these sentences, so
:func:`claim_sentences` writes a few hundred of them from templates, each tree in GENIA's
style (checked against GENIA's own analyses of similar sentences: "Bacterial
lipopolysaccharide (LPS) rapidly induces TF gene transcription in monocytes", "IL-4 and
IL-12 control the differentiation of T-helper cells"):

* the drug is the ``nsubj`` of the verb, a second drug its ``conj`` with ``cc``;
* "in Y cells" after an object is an ``nmod`` of the object, as GENIA has it three times in
  four where it attaches to the object or its verb; "of Y cells" is an ``nmod`` of the effect
  noun; "with X" after "treatment of Y cells" an ``nmod`` of "treatment" (as in all 19 such
  phrases of GENIA);
* passives have ``nsubjpass``, ``auxpass`` and the agent as an ``nmod`` with ``case`` "by";
* "X-treated Y cells" has the participle as one ``JJ`` ``amod`` token;
* modifiers inside names are ``compound`` (nouns) or ``amod`` (adjectives).

The words are drug, cell and effect names common in the literature; no corpus text is used.
The sentences are deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.train.conllu import Sentence

# A phrase is its tokens as (word, tag, dep of a modifier); its last token is the head.
Phrase = tuple[tuple[str, str, str], ...]

DRUGS: tuple[Phrase, ...] = tuple(
    tuple((w, "NN", "compound") for w in name.split()) if " " in name else ((name, "NN", ""),)
    for name in (
        "lenalidomide", "dexamethasone", "cytarabine", "bortezomib", "ibrutinib", "rapamycin",
        "cisplatin", "paclitaxel", "doxorubicin", "imatinib", "thalidomide", "rituximab",
        "fludarabine", "etoposide", "curcumin", "resveratrol", "tamoxifen", "melphalan",
        "vincristine", "methotrexate", "hydrocortisone", "prednisolone", "indomethacin",
        "aspirin", "forskolin", "ionomycin", "PMA", "LPS", "TPA", "wortmannin", "staurosporine",
        "genistein", "pomalidomide", "venetoclax", "idelalisib", "butyrate", "cycloheximide",
        "cyclosporin A", "okadaic acid", "all-trans retinoic acid", "arsenic trioxide",
    ))
# adjectives inside drug names: "okadaic acid", "all-trans retinoic acid"
_ADJECTIVES = frozenset({"okadaic", "all-trans", "retinoic"})
DRUGS = tuple(tuple((w, "JJ", "amod") if w in _ADJECTIVES else (w, t, d) for w, t, d in name)
              for name in DRUGS)
# names of one word, for the templates that write them into a hyphenated token
ONE_WORD_DRUGS: tuple[str, ...] = tuple(name[0][0] for name in DRUGS if len(name) == 1)

CELLS: tuple[Phrase, ...] = (
    (("Jurkat", "NN", "compound"), ("cells", "NNS", "")),
    (("NK", "NN", "compound"), ("cells", "NNS", "")),
    (("T", "NN", "compound"), ("cells", "NNS", "")),
    (("HL-60", "NN", "compound"), ("cells", "NNS", "")),
    (("U937", "NN", "compound"), ("cells", "NNS", "")),
    (("CLL", "NN", "compound"), ("cells", "NNS", "")),
    (("myeloma", "NN", "compound"), ("cells", "NNS", "")),
    (("B", "NN", "compound"), ("lymphocytes", "NNS", "")),
    (("human", "JJ", "amod"), ("monocytes", "NNS", "")),
    (("dendritic", "JJ", "amod"), ("cells", "NNS", "")),
    (("endothelial", "JJ", "amod"), ("cells", "NNS", "")),
    (("peripheral", "JJ", "amod"), ("blood", "NN", "compound"), ("lymphocytes", "NNS", "")),
    (("thymocytes", "NNS", ""),),
    (("macrophages", "NNS", ""),),
    (("neutrophils", "NNS", ""),),
    (("HeLa", "NN", "compound"), ("cells", "NNS", "")),
)

# Effects named without "of": objects of the verb ("induced apoptosis in Y cells")
EFFECTS: tuple[Phrase, ...] = (
    (("apoptosis", "NN", ""),),
    (("proliferation", "NN", ""),),
    (("IL-2", "NN", "compound"), ("production", "NN", "")),
    (("NF-kappaB", "NN", "compound"), ("activation", "NN", "")),
    (("caspase-3", "NN", ""),),
    (("cell", "NN", "compound"), ("death", "NN", "")),
    (("TNF-alpha", "NN", "compound"), ("secretion", "NN", "")),
    (("CD69", "NN", "compound"), ("expression", "NN", "")),
    (("ERK", "NN", "compound"), ("phosphorylation", "NN", "")),
    (("differentiation", "NN", ""),),
)
# Effect nouns with the cells after "of" ("the proliferation of Y cells")
EFFECT_NOUNS = ("proliferation", "cytotoxicity", "activation", "apoptosis", "migration",
                "viability", "differentiation", "survival", "adhesion", "expansion")
EFFECT_NOUN_PHRASES: tuple[Phrase, ...] = tuple(((noun, "NN", ""),) for noun in EFFECT_NOUNS)

VERBS_PAST = ("activated", "induced", "inhibited", "enhanced", "reduced", "suppressed",
              "increased", "decreased", "blocked", "impaired", "restored", "promoted",
              "stimulated", "abrogated", "prevented", "augmented", "triggered")
VERBS_PRESENT = ("activates", "induces", "inhibits", "enhances", "reduces", "suppresses",
                 "blocks", "promotes", "increases", "decreases")
CHANGE_ADJECTIVES = ("increased", "reduced", "decreased", "enhanced", "impaired")
TREATMENT_VERBS = ("treated", "exposed", "incubated", "stimulated")
_TREATMENT_PREPOSITION = {"treated": "with", "exposed": "to", "incubated": "with",
                          "stimulated": "with"}


@dataclass
class _Tree:
    """A sentence being built: tokens added left to right, heads set as phrases attach."""

    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)

    def token(self, word: str, tag: str) -> int:
        self.words.append(word)
        self.tags.append(tag)
        self.heads.append(-1)
        self.deps.append("")
        return len(self.words) - 1

    def attach(self, child: int, head: int, dep: str) -> None:
        self.heads[child], self.deps[child] = head, dep

    def phrase(self, phrase: Phrase, determiner: str | None = None) -> int:
        """Add a noun phrase (with a determiner first); return its head."""
        det = self.token(determiner, "DT") if determiner else None
        tokens = [(self.token(word, tag), dep) for word, tag, dep in phrase]
        head = tokens[-1][0]
        for index, dep in tokens[:-1]:
            self.attach(index, head, dep)
        if det is not None:
            self.attach(det, head, "det")
        return head

    def prepositional(self, preposition: str, phrase: Phrase, head: int,
                      determiner: str | None = None) -> int:
        case = self.token(preposition, "TO" if preposition == "to" else "IN")
        noun = self.phrase(phrase, determiner)
        self.attach(case, noun, "case")
        self.attach(noun, head, "nmod")
        return noun

    def sentence(self, root: int) -> Sentence:
        self.attach(self.token(".", "."), root, "punct")
        self.attach(root, root, "ROOT")
        words = list(self.words)
        words[0] = words[0][0].upper() + words[0][1:]
        assert all(h >= 0 for h in self.heads), self.words
        return Sentence(tuple(words), tuple(self.tags), tuple(w.lower() for w in words),
                        tuple(self.heads), tuple(self.deps))


def _changed_effect(tree: _Tree, rng: random.Random, verb: int,
                    effects: Sequence[Phrase] = EFFECTS,
                    changes: Sequence[str] = CHANGE_ADJECTIVES, tag: str = "VBN") -> None:
    """The object of ``verb``: an effect with the word of its change before it ("showed
    *reduced proliferation*", "produced *more IL-2*")."""
    change = tree.token(rng.choice(changes), tag)
    effect = tree.phrase(rng.choice(effects))
    tree.attach(change, effect, "amod")
    tree.attach(effect, verb, "dobj")


def _subject_drugs(tree: _Tree, drugs: Sequence[Phrase]) -> int:
    """One drug, or two joined by "and": the first is the head."""
    first = tree.phrase(drugs[0])
    if len(drugs) > 1:
        tree.attach(tree.token("and", "CC"), first, "cc")
        tree.attach(tree.phrase(drugs[1]), first, "conj")
    return first


def _active_in_cells(rng: random.Random) -> Sentence:
    """"X (and Z) induced apoptosis in Y cells." / "X inhibits IL-2 production in Y cells." """
    tree = _Tree()
    subject = _subject_drugs(tree, rng.sample(DRUGS, rng.choice((1, 1, 2))))
    verb = tree.token(*rng.choice(((rng.choice(VERBS_PAST), "VBD"),
                                   (rng.choice(VERBS_PRESENT), "VBZ"))))
    tree.attach(subject, verb, "nsubj")
    effect = tree.phrase(rng.choice(EFFECTS))
    tree.attach(effect, verb, "dobj")
    tree.prepositional("in", rng.choice(CELLS), effect)
    return tree.sentence(verb)


def _active_of_cells(rng: random.Random) -> Sentence:
    """"X enhanced the cytotoxicity of NK cells." """
    tree = _Tree()
    subject = _subject_drugs(tree, rng.sample(DRUGS, rng.choice((1, 1, 2))))
    verb = tree.token(rng.choice(VERBS_PAST), "VBD")
    tree.attach(subject, verb, "nsubj")
    effect = tree.phrase(rng.choice(EFFECT_NOUN_PHRASES), "the")
    tree.attach(effect, verb, "dobj")
    tree.prepositional("of", rng.choice(CELLS), effect)
    return tree.sentence(verb)


def _passive(rng: random.Random) -> Sentence:
    """"The proliferation of Y cells was inhibited by X." """
    tree = _Tree()
    effect = tree.phrase(rng.choice(EFFECT_NOUN_PHRASES), "the")
    tree.prepositional("of", rng.choice(CELLS), effect)
    auxiliary = tree.token("was", "VBD")
    verb = tree.token(rng.choice(VERBS_PAST), "VBN")
    tree.attach(effect, verb, "nsubjpass")
    tree.attach(auxiliary, verb, "auxpass")
    tree.prepositional("by", rng.choice(DRUGS), verb)
    return tree.sentence(verb)


def _treated_cells_showed(rng: random.Random) -> Sentence:
    """"Dexamethasone-treated thymocytes showed increased apoptosis." """
    tree = _Tree()
    drug = rng.choice(ONE_WORD_DRUGS)
    participle = tree.token(f"{drug}-treated", "JJ")
    cells = tree.phrase(rng.choice(CELLS))
    tree.attach(participle, cells, "amod")
    verb = tree.token("showed", "VBD")
    tree.attach(cells, verb, "nsubj")
    _changed_effect(tree, rng, verb)
    return tree.sentence(verb)


def _treatment_of_cells(rng: random.Random) -> Sentence:
    """"Treatment of Y cells with X reduced IL-2 production." """
    tree = _Tree()
    treatment = tree.token("treatment", "NN")
    tree.prepositional("of", rng.choice(CELLS), treatment)
    tree.prepositional("with", rng.choice(DRUGS), treatment)
    verb = tree.token(rng.choice(VERBS_PAST), "VBD")
    tree.attach(treatment, verb, "nsubj")
    tree.attach(tree.phrase(rng.choice(EFFECTS)), verb, "dobj")
    return tree.sentence(verb)


def _while_did_not(rng: random.Random) -> Sentence:
    """"X activated caspase-3 in Y cells, while Z did not." """
    tree = _Tree()
    first, second = rng.sample(DRUGS, 2)
    subject = tree.phrase(first)
    verb = tree.token(rng.choice(VERBS_PAST), "VBD")
    tree.attach(subject, verb, "nsubj")
    effect = tree.phrase(rng.choice(EFFECTS))
    tree.attach(effect, verb, "dobj")
    tree.prepositional("in", rng.choice(CELLS), effect)
    tree.attach(tree.token(",", ","), verb, "punct")
    mark = tree.token(rng.choice(("while", "whereas")), "IN")
    other = tree.phrase(second)
    did = tree.token("did", "VBD")
    tree.attach(tree.token("not", "RB"), did, "neg")
    tree.attach(mark, did, "mark")
    tree.attach(other, did, "nsubj")
    tree.attach(did, verb, "advcl")
    return tree.sentence(verb)


def _treated_and_showed(rng: random.Random) -> Sentence:
    """"Y cells were treated with X and showed reduced proliferation." """
    tree = _Tree()
    cells = tree.phrase(rng.choice(CELLS))
    auxiliary = tree.token("were", "VBD")
    treated = rng.choice(TREATMENT_VERBS)
    verb = tree.token(treated, "VBN")
    tree.attach(cells, verb, "nsubjpass")
    tree.attach(auxiliary, verb, "auxpass")
    tree.prepositional(_TREATMENT_PREPOSITION[treated], rng.choice(DRUGS), verb)
    tree.attach(tree.token("and", "CC"), verb, "cc")
    showed = tree.token("showed", "VBD")
    tree.attach(showed, verb, "conj")
    _changed_effect(tree, rng, showed)
    return tree.sentence(verb)


def _exposed_cells_showed(rng: random.Random) -> Sentence:
    """"HeLa cells exposed to cisplatin showed reduced proliferation." (a reduced relative
    clause: ``acl`` of the cells, which are the subject of the main verb)"""
    tree = _Tree()
    cells = tree.phrase(rng.choice(CELLS))
    treated = rng.choice(TREATMENT_VERBS)
    participle = tree.token(treated, "VBN")
    tree.attach(participle, cells, "acl")
    tree.prepositional(_TREATMENT_PREPOSITION[treated], rng.choice(DRUGS), participle)
    verb = tree.token("showed", "VBD")
    tree.attach(cells, verb, "nsubj")
    _changed_effect(tree, rng, verb)
    return tree.sentence(verb)


def _unhyphenated_treated_cells(rng: random.Random) -> Sentence:
    """"Lenalidomide treated NK cells produced more IL-2." (the drug a ``compound`` and the
    participle an ``amod`` of the cells)"""
    tree = _Tree()
    drug = tree.token(rng.choice(ONE_WORD_DRUGS), "NN")
    participle = tree.token("treated", "VBN")
    cells = tree.phrase(rng.choice(CELLS))
    tree.attach(drug, cells, "compound")
    tree.attach(participle, cells, "amod")
    verb = tree.token(rng.choice(("produced", "secreted", "induced", "showed", "expressed")),
                      "VBD")
    tree.attach(cells, verb, "nsubj")
    _changed_effect(tree, rng, verb, changes=("more", "less"), tag="JJR")
    return tree.sentence(verb)


def _two_drugs_held_open(rng: random.Random) -> Sentence:
    """"Dexamethasone- and prednisolone-treated thymocytes showed reduced viability." (the
    first participle held open by its hyphen, the second its ``conj``)"""
    tree = _Tree()
    first, second = rng.sample(ONE_WORD_DRUGS, 2)
    participle = rng.choice(("treated", "induced", "stimulated"))
    held_open = tree.token(f"{first}-", "JJ")
    tree.attach(tree.token("and", "CC"), held_open, "cc")
    tree.attach(tree.token(f"{second}-{participle}", "JJ"), held_open, "conj")
    cells = tree.phrase(rng.choice(CELLS))
    tree.attach(held_open, cells, "amod")
    verb = tree.token("showed", "VBD")
    tree.attach(cells, verb, "nsubj")
    _changed_effect(tree, rng, verb, effects=EFFECT_NOUN_PHRASES)
    return tree.sentence(verb)


TEMPLATES = (_active_in_cells, _active_of_cells, _passive, _treated_cells_showed,
             _treatment_of_cells, _while_did_not, _treated_and_showed, _exposed_cells_showed,
             _unhyphenated_treated_cells, _two_drugs_held_open)


def claim_sentences(count: int, seed: int = 0) -> list[Sentence]:
    """``count`` sentences, the templates taken in turn, the words drawn with ``seed``."""
    rng = random.Random(seed)
    return [TEMPLATES[i % len(TEMPLATES)](rng) for i in range(count)]
