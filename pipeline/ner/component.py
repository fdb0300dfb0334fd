"""The ``drug_cell_ner`` spaCy component: lexicon NER for drugs, cells, diseases, genes.

Add it to any spaCy pipeline whose tokenizer is scispaCy's (after a parser, so that mention
heads are known; after ``abbreviation_detector`` to use the document's abbreviations)::

    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("drug_cell_ner")

It fills ``doc._.mentions`` and the span group ``doc.spans["drug_cell_entities"]``. After a
``neural_ner`` component, the models' spans are merged in (:mod:`pipeline.ner.merge`). With a
``doc._.document_context``, the words of the sections read before count as cues for
ambiguous terms ("rods" in a figure legend of a paper whose abstract is about the retina).

A drug mention whose words name something else is left out (:func:`names_something_else`):
a receptor or a marker ("glucocorticoid receptor", "GC-R", "Helios positive"), a protein or a
gene that holds a chemical's name ("chloramphenicol acetyltransferase", "plasminogen activator
inhibitor"), an organism ("Saccharomyces cerevisiae"), a gene written as its symbol ("RelA").
Lexicon mentions are judged before the merge, so that the models' reading of the whole name
takes their place. A cell adjective before "differentiation" names the lineage the cells of
its sentence go to, not a population (:func:`names_a_fate`). A drug of the text written again
joined to the participle of its action ("H2O2-induced") is found inside that token
(:func:`with_drugs_joined_to_their_action`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline import extensions  # noqa: F401 - declares the Doc/Span extensions
from pipeline.grounding.context import CellContext, abbreviation_variants, words_of
from pipeline.ner.given import named_as_given
from pipeline.ner.lexicons import DRUG_SOURCE, given_agents, is_endogenous, recombinant_cytokine
from pipeline.ner.merge import merge_model_mentions
from pipeline.ner.neural import SPAN_PREFIX as NEURAL_PREFIX
from pipeline.ner.recognizer import (
    CELL,
    CELL_LINE,
    DISEASE,
    DRUG,
    GENE,
    Mention,
    Recognizer,
    line_names,
)
from pipeline.ner.terms import term_key

SPAN_KEY = "drug_cell_entities"


def document_abbreviations(doc: Doc) -> dict[str, str]:
    """Short form → long form, from the document context and scispaCy's detector."""
    found: dict[str, str] = {}
    context = doc._.document_context
    if context is not None:
        found.update(context.abbreviations)
    if Doc.has_extension("abbreviations"):
        for short in doc._.abbreviations:
            long_form = short._.long_form
            if long_form is not None:
                found.setdefault(short.text, long_form.text)
    return with_number_variants(found)


def with_number_variants(abbreviations: dict[str, str]) -> dict[str, str]:
    """'glucocorticoids (GCs)' also defines 'GC' ("GC treatment", "GC-induced"), and
    'dendritic cell (DC)' also defines 'DCs'."""
    variants = dict(abbreviations)
    for short, long_form in abbreviations.items():
        if len(short) > 2 and short.endswith("s") and short[:-1].isupper():
            variants.setdefault(short[:-1], long_form[:-1] if long_form.endswith("s") else long_form)
        elif short.isupper() and len(short) >= 2:
            variants.setdefault(short + "s", long_form if long_form.endswith("s") else long_form + "s")
    return variants


class EntityRecognizer:
    def __init__(self, nlp: Language, name: str, use_abbreviations: bool = True) -> None:
        self.name = name
        self.use_abbreviations = use_abbreviations
        self.recognizer = Recognizer()

    def __call__(self, doc: Doc) -> Doc:
        abbreviations = document_abbreviations(doc) if self.use_abbreviations else {}
        document = doc._.document_context
        words = words_of(doc.text)
        cues = words | document.words if document is not None else words
        # Lexicon drugs that name something else go before the merge, so that the models'
        # reading of the whole name ("chloramphenicol acetyltransferase", a gene) takes their place.
        known_lines = document.cell_lines if document is not None else ()
        mentions = [m for m in self.recognizer(doc, abbreviations, cues, known_lines)
                    if not names_something_else(doc, m)]
        judged = {id(m) for m in mentions}
        if any(key.startswith(NEURAL_PREFIX) for key in doc.spans):
            context = CellContext(abbreviation_variants(abbreviations), frozenset(cues))
            substances = document.substances if document is not None else None
            definitions = document.drug_definitions if document is not None else None
            mentions = merge_model_mentions(mentions, doc, self.recognizer.grounder, context,
                                            substances, definitions)
        mentions = [m for m in mentions
                    if not is_class_adjective(doc, m) and not names_a_cell_process(doc, m)
                    and not names_a_cell_product(doc, m)
                    # the lexicon's mentions were judged before the merge; judge the rest
                    and (id(m) in judged or not names_something_else(doc, m))]
        mentions = [m for m in mentions if not describes_the_next_drug(doc, m, mentions)
                    and not names_a_receptor_of(doc, m)
                    and not stands_for_a_protein(doc, m, abbreviations)
                    and not stands_for_a_disease(doc, m, abbreviations, mentions)
                    and not names_a_fate(doc, m, mentions)
                    and not names_the_form_given(doc, m, mentions)
                    and not continues_a_disease(doc, m, mentions)
                    and not names_cells_elsewhere(doc, m, mentions)
                    and not is_a_dose_unit(doc, m)]
        mentions = join_line_appositions(doc, mentions)
        for mention in mentions:
            if mention.label == GENE and (cytokine := recombinant_form(doc, mention)):
                mention.label, mention.kind, mention.norm = DRUG, "cytokine", cytokine
            elif mention.label == GENE and is_given_cytokine(doc, mention):
                mention.label, mention.kind = DRUG, "cytokine"
        drug_tokens = {i for m in mentions if m.label == DRUG
                       for i in range(m.first_token, m.last_token + 1)}
        for _ in range(2):  # "GM-CSF plus interleukin-4 (IL-4)": the conjunct, then its appositive
            for mention in mentions:
                if mention.label == GENE and is_given_with_a_drug(doc, mention, drug_tokens):
                    mention.label, mention.kind = DRUG, "cytokine"
                    drug_tokens.update(range(mention.first_token, mention.last_token + 1))
        mentions = with_drugs_joined_to_their_action(doc, mentions)
        mentions = with_recombinant_cytokines(doc, mentions)
        if document is not None:
            document.words.update(words)
            document.cell_lines.update(line_names(doc.text, mentions))
        doc._.mentions = mentions
        doc.spans[SPAN_KEY] = [
            Span(doc, m.first_token, m.last_token + 1, label=m.label) for m in mentions
        ]
        return doc


# "C5a-induced", "IL-6-stimulated": a name joined by a hyphen to the participle of its action
JOINED_ACTION = re.compile(r"^(?P<name>.+?)[-\u2010\u2011](?:induced|mediated|stimulated|"
                           r"activated|treated|exposed|primed|elicited|triggered|evoked)$",
                           re.IGNORECASE)


def with_drugs_joined_to_their_action(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'C5a induced chemotaxis of neutrophils ... C5a-induced degranulation': a drug of the
    text written again joined to the participle of its action, inside one token that no
    model can split, is the same drug. A mention of something else inside that token (a
    gene the word was read as) gives way."""
    named = {m.text(doc).lower(): m for m in mentions if m.label == DRUG}
    found = []
    for token in doc:
        match = JOINED_ACTION.match(token.text)
        drug = named.get(match.group("name").lower()) if match else None
        if drug is None:
            continue
        end = token.idx + len(match.group("name"))
        inside = [m for m in mentions if m.start < end and token.idx < m.end]
        if any(m.label == DRUG or m.first_token < token.i or m.last_token > token.i
               for m in inside):
            continue
        mentions = [m for m in mentions if not any(m is other for other in inside)]
        found.append(Mention(token.idx, end, DRUG, drug.norm, drug.ids, drug.source,
                             drug.match, drug.kind, token.i, token.i))
    return sorted(mentions + found, key=lambda m: (m.start, m.end))


def with_recombinant_cytokines(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'rIL-2, rhIL-12 and PMA': a recombinant cytokine's one-token name that no model or
    dictionary found is a drug (:func:`recombinant_form` judges those they found)."""
    covered = {i for m in mentions for i in range(m.first_token, m.last_token + 1)}
    found = [Mention(token.idx, token.idx + len(token.text), DRUG, cytokine, (), "pattern",
                     "exact", "cytokine", token.i, token.i)
             for token in doc if token.i not in covered and token.text[:1] == "r"
             and (cytokine := recombinant_cytokine(token.lower_)) is not None]
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


LINE_WORDS = frozenset({"line", "lines", "clone", "clones"})
POPULATION_ENDS = frozenset({"cell", "cells", "line", "lines", "clone", "clones"})


def join_line_appositions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """'the human T cell line Jurkat', 'liver cancer cell Bel-7402', 'the cell line HT-29': a
    population followed by the name of its line is one population, the line, which takes in
    the words before it (one claim, not two); so is a line followed by its type ("Jurkat T
    cells"). The line's name stays its term."""
    by_last = {m.last_token: m for m in mentions if m.label == CELL}
    by_first = {m.first_token: m for m in mentions if m.label == CELL}
    joined: set[int] = set()

    def take_in(line: Mention, population: Mention) -> None:
        joined.add(id(population))
        line.qualifiers = {**population.qualifiers, **line.qualifiers}
        line.term_start, line.term_end = line.term_span

    for line in mentions:
        if line.label != CELL_LINE:
            continue
        extended = False
        while (after := _population_after(doc, line, by_first)) is not None and \
                doc[line.last_token].whitespace_ and id(after) not in joined and \
                line.end == doc[line.last_token].idx + len(doc[line.last_token]):
            # "Jurkat T cells", "HL-60 promyelocytic leukemia cells": the line, named with
            # its type
            take_in(line, after)
            line.end, line.last_token = after.end, after.last_token
            extended = True
        if not extended and (cells := _bare_cells_after(doc, line)) is not None:
            # "U-937 human promonocytic cells": the type words end in a bare "cells", which
            # is no mention of its own
            line.end, line.last_token = cells.idx + len(cells), cells.i
            line.term_start, line.term_end = line.term_span
            extended = True
        if extended or line.first_token == 0:
            continue
        k = line.first_token - 1
        bracketed = _bracketed_alone(doc, line)
        if bracketed:
            k -= 1  # "a promonocytic cell line *(U937)*": the line's name in brackets
        if doc[k].lower_ in LINE_WORDS and k not in by_last:
            k -= 1  # "T cell *line* Jurkat", the "line" outside the cell mention
        population = by_last.get(k)
        if population is None or doc[k].lower_ not in POPULATION_ENDS or \
                not doc[k].whitespace_ or id(population) in joined:
            continue
        take_in(line, population)
        line.start, line.first_token = population.start, population.first_token
        if bracketed:
            line.last_token += 1
            line.end = doc[line.last_token].idx + 1
    return [m for m in mentions if id(m) not in joined]


def _bracketed_alone(doc: Doc, line: Mention) -> bool:
    """Whether the line's name is all that a pair of round brackets holds: "(U937)"."""
    before, after = line.first_token - 1, line.last_token + 1
    return before > 0 and after < len(doc) and doc[before].text == "(" and \
        doc[after].text == ")" and line.start == doc[line.first_token].idx


def _bare_cells_after(doc: Doc, line: Mention) -> Token | None:
    """A bare "cells" right after a line, or after up to two lower-case words that describe it
    ("U-937 human promonocytic cells")."""
    if line.end != doc[line.last_token].idx + len(doc[line.last_token]):
        return None  # the line ends inside its token
    k = _past_type_words(doc, line.last_token + 1,
                         lambda i: doc[i].lower_ in {"cell", "cells"})
    if k is None or (k == line.last_token + 1 and not doc[line.last_token].whitespace_):
        return None
    return doc[k]


def _population_after(doc: Doc, line: Mention, by_first: dict[int, Mention]) -> Mention | None:
    """The cell mention right after a line, or after up to two lower-case descriptive words
    that no mention took ("U937 *histiocytic* lymphoma cells")."""
    k = _past_type_words(doc, line.last_token + 1, lambda i: i in by_first)
    return by_first[k] if k is not None else None


def _past_type_words(doc: Doc, k: int, found: Callable[[int], bool]) -> int | None:
    """The first token from ``k`` on, past up to two lower-case adjectives or nouns, for which
    ``found`` holds; None when another word comes first."""
    for i in range(k, min(k + 3, len(doc))):
        if found(i):
            return i
        if not doc[i].is_lower or not doc[i].is_alpha or not doc[i].tag_.startswith(("JJ", "NN")):
            return None
    return None


# Words that, after cell words, make them part of a protein's name: "monocyte chemoattractant
# protein-1", "macrophage inflammatory protein", "macrophage migration inhibitory factor",
# "B-cell activating factor", "T cell growth factor".
PRODUCT_MODIFIERS = frozenset({"chemoattractant", "chemotactic", "inflammatory", "migration",
                               "inhibitory", "activating", "growth", "colony", "stimulating",
                               "derived", "specific"})
PRODUCT_HEADS = frozenset({"protein", "proteins", "factor", "factors", "peptide", "peptides"})


def names_a_cell_product(doc: Doc, mention: Mention) -> bool:
    """Cell words that begin a protein's name rather than naming cells: an enzyme ("neutrophil
    elastase", "mast cell tryptase"), a factor ("stem cell factor"), a cytokine or chemokine
    ("granulocyte/macrophage colony stimulating factor", however it is spelled; "monocyte
    chemoattractant protein-1"); a cell adjective, the genes of a lineage ("erythroid gene
    expression"). Receptors stay the cells' ("T-cell receptor signalling")."""
    if mention.label != CELL or mention.last_token + 1 >= len(doc):
        return False
    after = [w.lower() for t in doc[mention.last_token + 1:mention.last_token + 4]
             for w in HYPHENATED.split(t.text) if w]
    if not after:
        return False
    if after[0] in PRODUCT_HEADS or names_an_enzyme(after[0]):
        return True
    if after[:2] == ["colony", "stimulating"] or after[0] in {"csf", "csfs"}:
        return True  # "macrophage *CSF* (M-CSF) gene": the factor's short name
    if mention.kind == "adjective" and after[0] in {"gene", "genes", "mrna", "mrnas"}:
        return True  # "erythroid gene expression": the genes of a lineage
    for position, word in enumerate(after[:3]):
        if word in PRODUCT_HEADS:
            return position > 0
        if word not in PRODUCT_MODIFIERS:
            return False
    return False


def stands_for_a_protein(doc: Doc, mention: Mention, abbreviations: dict[str, str]) -> bool:
    """'potent inhibitors of protein phosphatase type 1 (*PP-1*)': a cell mention that is a
    short form the document defines as a protein or an enzyme, with no cell word in it, is
    that protein (a model read the code as a cell line)."""
    if mention.label not in (CELL, CELL_LINE):
        return False
    long_form = abbreviations.get(mention.text(doc))
    if not long_form:
        return False
    words = re.findall(r"[a-z0-9]+", long_form.lower())
    return any(_names_a_protein_noun(word) for word in words) and not any(
        word.startswith("cell") or word.endswith(CELL_WORD_ENDINGS) for word in words)


def stands_for_a_disease(doc: Doc, mention: Mention, abbreviations: dict[str, str],
                         mentions: list[Mention]) -> bool:
    """'A myotonic dystrophy (*DM*) family ... in DM patients': a drug mention that is a short
    form the document defines with a disease's name (a model read the code as a chemical)."""
    if mention.label != DRUG:
        return False
    text = mention.text(doc)
    long_form = abbreviations.get(text, "").lower()
    diseases = [m for m in mentions if m.label == DISEASE]
    return any(m.text(doc).lower() == long_form for m in diseases) or any(
        # "myotonic dystrophy (DM)": a short form the detector does not take, its letters not
        # the long form's initials, defined right after the disease all the same
        doc[m.last_token + 1:m.last_token + 4].text.replace(" ", "") == f"({text})"
        for m in diseases)


# "lymphocyte", "myeloblasts", "macrophage": words that name cells
CELL_WORD_ENDINGS = ("cyte", "cytes", "blast", "blasts", "phage", "phages", "line", "lines")


def names_a_receptor_of(doc: Doc, mention: Mention) -> bool:
    """'VEGF receptor cell signaling': "receptor cell" after a molecule's name is the
    molecule's receptor, not the sensory receptor cells of the Cell Ontology."""
    if mention.label != CELL or doc[mention.first_token].lower_ not in {"receptor", "receptors"}:
        return False
    before = doc[mention.first_token - 1] if mention.first_token > 0 else None
    return before is not None and not before.is_punct and \
        any(c.isupper() or c.isdigit() for c in before.text)


def names_something_else(doc: Doc, mention: Mention) -> bool:
    """Whether a drug mention's words name something that is not given to cells: a receptor
    or a marker, a protein or a gene, an organism, a gene written as its symbol."""
    return names_a_receptor_or_marker(doc, mention) or names_a_protein(doc, mention) or \
        names_an_organism(doc, mention) or is_written_as_a_gene(doc, mention) or \
        names_a_virus_or_a_measure(doc, mention) or names_stimulated_cells(doc, mention) or \
        stands_for_a_receptor(mention) or names_a_neural_system(doc, mention) or \
        names_a_genotype(doc, mention) or names_a_reagent(doc, mention) or \
        restates_a_protein(doc, mention) or names_an_ion_pump(doc, mention) or \
        is_a_figure_mark(doc, mention)


# "(panel B, black *arrowheads*)": what a figure legend points with
FIGURE_MARKS = frozenset({"arrow", "arrows", "arrowhead", "arrowheads", "asterisk",
                          "asterisks"})


def is_a_figure_mark(doc: Doc, mention: Mention) -> bool:
    """A legend's arrows and asterisks, which a model can read as a chemical."""
    return mention.label == DRUG and mention.text(doc).lower() in FIGURE_MARKS


# "Ca2+-ATPase", "Na,K-ATPase", "(Na, K)-ATPase": the ions an ATPase pump is named after
ION_PUMP = re.compile(r"\+?(?:\s*[,/]\s*[A-Z][a-z]?\d?\+?)*\)?[-\u2010]ATPase", re.IGNORECASE)


def names_an_ion_pump(doc: Doc, mention: Mention) -> bool:
    """An ion written as the first part of an ATPase's name names the pump, a protein."""
    return mention.label == DRUG and ION_PUMP.match(doc.text, mention.end) is not None


# "the protein product, pyrin/marenostrin, ...": a name in apposition to a protein or a gene
MOLECULE_WORDS = frozenset({"protein", "proteins", "gene", "genes"})
GIVEN_MOLECULE_WORDS = frozenset({"recombinant", "fusion", "therapeutic", "drug"})


def restates_a_protein(doc: Doc, mention: Mention) -> bool:
    """A drug mention in apposition to "the protein (product)" or "the gene product" names
    that protein; not "a recombinant (fusion) protein", which is given."""
    root = doc[mention.root(doc)]
    if mention.label != DRUG or root.dep_ != "appos" or root.head.i == root.i:
        return False
    words = {root.head.lower_} | {c.lower_ for c in root.head.children
                                   if c.dep_ in {"compound", "amod"}}
    return bool(words & MOLECULE_WORDS) and not words & GIVEN_MOLECULE_WORDS


# "nitroblue tetrazolium dye reduction", "the protamine sulfate test": a reagent of an assay
REAGENT_WORDS = frozenset({"dye", "dyes", "stain", "stains", "probe", "probes", "tracer",
                           "tracers"})
ASSAY_WORDS = frozenset({"test", "tests", "assay", "assays", "staining"})
# "the SPERMSEG program": software a model read as a chemical
SOFTWARE_WORDS = frozenset({"program", "programs", "software", "algorithm"})


def names_a_reagent(doc: Doc, mention: Mention) -> bool:
    """A chemical named as a dye, a stain or a probe, or as the name of a test, an assay or
    a program, is a reagent or a tool that reads the cells out, not an agent given to them."""
    return mention.label == DRUG and _ends_with_or_precedes(
        doc, mention, REAGENT_WORDS, REAGENT_WORDS | ASSAY_WORDS | SOFTWARE_WORDS)


# "beta4-/- brains", "p53+/- mice": a gene's knockout or carrier genotype
GENOTYPE = re.compile(r"[+-]/[+-]|\w/[+-](?![\w+-])")  # "-/-", "+/-"; "Pea3/+", "Cre/+"


def names_a_genotype(doc: Doc, mention: Mention) -> bool:
    """A drug mention written with a genotype's "-/-" or "+/-", or an allele's "/+"
    ("TauEWS-Pea3/+"), names mutant animals or tissue, never an agent given."""
    return mention.label == DRUG and GENOTYPE.search(mention.text(doc)) is not None


# "10 mg kg-1": the cell line KG-1's name, lower-cased after a mass, is a unit
MASS_UNITS = frozenset({"g", "mg", "µg", "μg", "ug", "mcg", "ng", "microgram", "micrograms",
                        "milligram", "milligrams", "mmol", "µmol", "μmol", "umol", "nmol"})


def is_a_dose_unit(doc: Doc, mention: Mention) -> bool:
    """A cell line's name written in lower case right after a mass ("1 mg kg-1 i.p."): the
    unit "per kilogram", not the KG-1 cells."""
    text = mention.text(doc)
    return mention.label in {CELL, CELL_LINE} and text == text.lower() and \
        mention.first_token > 0 and doc[mention.first_token - 1].lower_ in MASS_UNITS


# "5-HT terminals", "dopamine fibers": the nerve structures that release a transmitter
NERVE_STRUCTURES = frozenset({"terminal", "terminals", "fiber", "fibers", "fibre", "fibres",
                              "neuronal",
                              "synapse", "synapses", "axon", "axons", "afferent", "afferents",
                              "projection", "projections", "innervation", "nerve", "nerves"})


def names_a_neural_system(doc: Doc, mention: Mention) -> bool:
    """'the alpha2-adrenergic heteroreceptors on *5-HT terminals*': a transmitter named
    before a nerve structure says which neurons release it; nothing is given."""
    return mention.label == DRUG and \
        _ends_with_or_precedes(doc, mention, NERVE_STRUCTURES, NERVE_STRUCTURES)


def _ends_with_or_precedes(doc: Doc, mention: Mention, last_words: frozenset[str],
                           next_words: frozenset[str]) -> bool:
    """Whether a mention's last word is one of ``last_words`` ("5-HT terminals" read as one
    name) or the word after it, past a bracketed short form, one of ``next_words``."""
    following = words_past_its_bracket(doc, mention, 1)
    return mention.text(doc).lower().split()[-1] in last_words or \
        (bool(following) and following[0] in next_words)


def stands_for_a_receptor(mention: Mention) -> bool:
    """'an antibody to the gamma/delta *TCR*' where the document defined "T cell receptor
    (TCR)": a short form whose long form is a receptor names the receptor, a protein."""
    words = mention.norm.split()
    return mention.label == DRUG and len(words) > 1 and words[-1] in {"receptor", "receptors"}


# "7-day PHA-blasts", "PHA blasts": lymphoblasts named after the mitogen that made them.
BLAST_WORDS = frozenset({"blast", "blasts", "lymphoblast", "lymphoblasts"})


def names_stimulated_cells(doc: Doc, mention: Mention) -> bool:
    """A drug name before "blasts" names cells brought to a state, not an agent; so does its
    short form in brackets ("phytohemagglutinin (*PHA*) blasts")."""
    words = [w for w in following_words(doc, mention, 2) if w not in {")", "]"}]
    return mention.label == DRUG and bool(words) and words[0].lower() in BLAST_WORDS


# "IC50s", "EC50": a measured dose, not an agent.
DOSE_MEASURE = re.compile(r"^(?:IC|EC|ED|LD|GI|CC)50s?$|^\d+(?:[.,]\d+)?\s*(?:[munpfkµμ]?"
                          r"(?:mol|M|g)|micro[MmgG])(?:/\w+)?$", re.IGNORECASE)


# "HIV-1", "HTLV-I", "EBV": a virus by its short name.
VIRUS_SHORT_NAME = re.compile(r"^(?:HIV|HTLV|SIV|EBV|CMV|HCMV|HBV|HCV|HSV|HPV|KSHV|RSV)"
                              r"(?:-?(?:[0-9]+|I{1,3}|IV))?$")


VIRUS_WORDS = frozenset({"virus", "viruses"})


def names_a_virus_or_a_measure(doc: Doc, mention: Mention) -> bool:
    """A virus ("caprine arthritis-encephalitis virus long terminal repeat", "HIV virus", or
    the short form "CAEV" the text gives it) or a dose measure ("IC50s", "0.1 nmol/L") that a
    model reads as a chemical."""
    if mention.label != DRUG:
        return False  # "human immunodeficiency virus infection" is a disease
    text = mention.text(doc)
    following = following_words(doc, mention, 1)
    return not VIRUS_WORDS.isdisjoint(text.lower().split()) or \
        (following and following[0].lower() in VIRUS_WORDS) or \
        bool(DOSE_MEASURE.match(text)) or bool(VIRUS_SHORT_NAME.match(text)) or \
        not VIRUS_WORDS.isdisjoint(document_abbreviations(doc).get(text, "").lower().split())


def is_class_adjective(doc: Doc, mention: Mention) -> bool:
    """A drug class written as an adjective ("antidepressant activity", "antineoplastic
    effects", the end of "alpha2-adrenergic autoreceptors") describes something else; it
    names no agent."""
    if mention.label != DRUG or mention.kind != "class" or mention.first_token != mention.last_token:
        return False
    token = doc[mention.first_token]
    if mention.end != token.idx + len(token.text):
        return False  # "GC-induced": the drug is part of the adjective
    return token.tag_ == "JJ" or (token.dep_ == "amod" and not token.tag_.startswith("NN"))


def rest_of_token(doc: Doc, mention: Mention) -> str:
    """What follows a mention inside its last token: "-R" of "GC-R", "" when it ends there."""
    last = doc[mention.last_token]
    return last.text[mention.end - last.idx:] if mention.end < last.idx + len(last.text) else ""


def following_words(doc: Doc, mention: Mention, n: int = 3) -> list[str]:
    """Up to ``n`` words right after a mention, split at hyphens: the rest of its last token
    ("glutathione-S-transferase" → "S", "transferase"), then the next tokens ("glutathione
    S-transferase" likewise), past a bracketed short form ("thyroid hormone (T3) receptor")."""
    after = [rest_of_token(doc, mention)]
    start = _after_short_form(doc, mention.last_token + 1)
    after += [t.text for t in doc[start:start + n]]
    return [w for text in after for w in HYPHENATED.split(text) if w][:n]


def words_past_its_bracket(doc: Doc, mention: Mention, n: int) -> list[str]:
    """The ``n`` :func:`following_words` in lower case, less the bracket a bracketed mention
    closes ("granulocyte colony-stimulating factor (*G-CSF*) receptor" → "receptor")."""
    words = [w.lower() for w in following_words(doc, mention, n + 1)]
    if words and words[0] in {")", "]"} and mention.first_token > 0 and \
            doc[mention.first_token - 1].text in {"(", "["}:
        return words[1:n + 1]
    return words[:n]


HYPHENATED = re.compile(r"[-\u2010\u2011/]")


def _after_short_form(doc: Doc, i: int) -> int:
    """The token after a bracketed short form that starts at ``i`` ("thyroid hormone *(T3)*
    receptor"), else ``i``."""
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and \
            any(c.isupper() for c in doc[i + 1].text):
        return i + 3  # one word with a capital: "(T3)", "(c-erbA/TR)"; not "(10 microM)"
    return i


def names_a_receptor_or_marker(doc: Doc, mention: Mention) -> bool:
    """'glucocorticoid receptor-mediated transcription', 'adenosine receptors': a drug name
    before "receptor" names the receptor, a protein, and so does one joined to the receptor's
    "R" ("GC-R numbers", "GC-Rs") or sharing it with the next name ("the glucocorticoid and
    beta-adrenergic receptors"); 'Helios positive Treg': a name before "positive" or
    "negative" names a marker the cells express."""
    if mention.label != DRUG:
        return False
    if RECEPTOR_LETTER.match(rest_of_token(doc, mention).lstrip("-\u2010\u2011")):
        return True
    words = words_past_its_bracket(doc, mention, 2)  # "... factor (*G-CSF*) receptor"
    if words and words[0] == "hormone":
        words = words[1:]  # "steroid hormone receptor"
    if words and words[0].startswith(("receptor", "positive", "negative")):
        return True
    # "the glucocorticoid and beta-adrenergic receptors": the head shared with the next name
    k = mention.last_token + 1
    return k + 2 < len(doc) and doc[k].lower_ in {"and", "or"} and doc[k + 1].is_lower and \
        doc[k + 2].lower_.startswith("receptor")


RECEPTOR_LETTER = re.compile(r"^Rs?\d?$")
# Nouns that make a chemical's name before them part of a protein's or a gene's:
# "plasminogen activator inhibitor", "RelA subunit", "nucleotide sequences".
PROTEIN_NOUNS = frozenset({
    "activator", "activators", "factor", "factors", "subunit", "subunits", "sequence",
    "sequences", "gene", "genes", "promoter", "promoters", "mrna", "mrnas", "transporter",
    "transporters", "channel", "channels", "protein", "proteins", "chain", "chains",
    "element", "elements", "enhancer", "enhancers", "motif", "motifs", "polymorphism",
    "polymorphisms", "enzyme", "enzymes", "pump", "pumps", "box", "boxes",
    # "the pentose phosphate shunt", "the citric acid cycle": a metabolic pathway
    "pathway", "pathways", "shunt", "cycle"})
# Two words that do the same: "glucocorticoid response element", "calcium-binding protein".
PROTEIN_PHRASES = (("response", "element"), ("responsive", "element"), ("response", "unit"),
                   ("responsive", "unit"), ("binding", "protein"), ("binding", "site"),
                   ("inhibitor", "type"), ("hypersensitive", "site"))
ENZYME = re.compile(r"^[a-z]{2,}ases?$")
# English words that end like an enzyme's name: "a cisplatin phase II trial", "rapamycin
# increases", "glucocorticoid release".
NOT_ENZYMES = frozenset({
    "base", "bases", "case", "cases", "ease", "cease", "chase", "erase", "lease", "release",
    "releases", "increase", "increases", "decrease", "decreases", "disease", "diseases",
    "phrase", "phrases", "please", "purchase", "database", "databases", "crease", "grease",
    "vase", "showcase", "suitcase", "staircase", "uppercase", "lowercase", "briefcase"})


def names_a_protein(doc: Doc, mention: Mention) -> bool:
    """'chloramphenicol acetyltransferase reporter vectors', 'plasminogen activator inhibitor
    type 1', 'glutathione S-transferase', 'RelA subunit', 'nucleotide sequences': a chemical's
    name followed by an enzyme's ("-ase"), a protein's or a gene's head noun is part of that
    protein's or gene's name; nothing is given to the cells. A substituent letter between
    them ("S" of "S-transferase") is passed over, and so is the verbal noun of what the
    protein does with the chemical ("ara-C phosphorylating enzymes")."""
    if mention.label != DRUG:
        return False
    if mention.kind == "model" and HYPHENATED.split(mention.text(doc).lower())[-1] in \
            {"protein", "proteins"}:
        return True  # "the signalling activity of *G-proteins*": a model's chemical
    first = doc[mention.first_token]
    if first.lower_ == "factor" and mention.first_token > 0 and \
            doc[mention.first_token - 1].lower_.endswith(("ing", "ion")):
        return True  # "kappa B binding *factor II*", "transcription factor": not prothrombin
    # "granulocyte-macrophage colony-stimulating factor (*GM-CSF*) gene"
    words = words_past_its_bracket(doc, mention, 3)
    if len(words) > 1 and ((len(words[0]) == 1 and words[0].isalpha()) or words[0].isdigit()):
        # "glutathione-S-transferase", "DNase I-hypersensitive site", "25-hydroxyvitamin D3
        # 24-hydroxylase": a substituent letter or a locant
        words = words[1:]
    if not words:
        return False
    if len(words) > 1 and words[0].endswith("ing") and _names_a_protein_noun(words[1]):
        words = words[1:]  # "ara-C phosphorylating enzymes", "drug-metabolizing enzymes"
    if len(words) > 1 and words[0].endswith("yl") and names_an_enzyme(words[1]):
        words = words[1:]  # "chloramphenicol acetyl transferase": the group it moves
    first = words[0]
    if _names_a_protein_noun(first):
        return True
    return len(words) > 1 and any(first.startswith(a) and words[1].startswith(b)
                                  for a, b in PROTEIN_PHRASES)


def _names_a_protein_noun(word: str) -> bool:
    return word in PROTEIN_NOUNS or names_an_enzyme(word)


def names_an_enzyme(word: str) -> bool:
    """An enzyme's "-ase" name ("elastase", "acetyltransferase"), not an English word that
    ends like one ("increase", "phase")."""
    return ENZYME.match(word) is not None and word not in NOT_ENZYMES and \
        not word.endswith(("phase", "phases"))


# "Genus species": a capitalized genus and a lower-case epithet with a Latin ending
# ("Saccharomyces cerevisiae", "Escherichia coli", "Curcuma longa", "Bordetella pertussis").
BINOMIAL = re.compile(r"^[A-Z][a-z]{2,} [a-z]{3,}(?:us|um|ae|ii|i|is|ans|ens|ensis|a)$")
GREEK_LETTERS = frozenset({"alpha", "alfa", "beta", "gamma", "delta", "epsilon", "zeta", "theta",
                           "kappa", "lambda", "omega"})
# What a text takes from an organism and gives as an agent: "Ginkgo biloba extract".
ORGANISM_PRODUCTS = frozenset({"extract", "extracts", "oil", "oils", "lectin", "lectins", "toxin",
                               "toxins", "polysaccharide", "polysaccharides", "preparation",
                               "preparations", "powder", "juice", "tea", "vaccine"})
ORGANISM_LABELS = frozenset({"ORGANISM", "SPECIES", "TAXON"})


def names_an_organism(doc: Doc, mention: Mention) -> bool:
    """'the SWI3 of Saccharomyces cerevisiae', 'expressed in Escherichia coli': the drug
    dictionary lists microbes and plants (probiotics, allergen extracts), but in the papers we
    read a species name is the organism. It is when a model reads the very span as an
    organism, or when it has the shape of a binomial name in mid-sentence (a drug's name is
    capitalized there only at the start of a sentence: "Heparin sodium was ..."). What the
    organism gives is another matter: "Ginkgo biloba extract" stays a drug."""
    if mention.label != DRUG:
        return False
    words = following_words(doc, mention, 1)
    if words and words[0].lower() in ORGANISM_PRODUCTS:
        return False
    if any(span.label_ in ORGANISM_LABELS and (span.start_char, span.end_char) ==
           (mention.start, mention.end)
           for key, group in doc.spans.items() if key.startswith(NEURAL_PREFIX) for span in group):
        return True
    text = mention.text(doc)
    return BINOMIAL.match(text) is not None and text.split()[1] not in GREEK_LETTERS and \
        in_mid_sentence(doc, mention.first_token)


def in_mid_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows other words of its sentence: not the first, nor the first
    after a section label ("RESULTS: Heparin sodium ...")."""
    if i == 0 or doc[i].is_sent_start:
        return False
    before = doc[i - 1].text
    return before not in {":", ".", ";", "\n"} and not before.isupper()


# A gene's symbol: a lower-case run that ends in one capital ("RelA", "relA", "recA", "lacZ").
GENE_SYMBOL = re.compile(r"^[A-Za-z][a-z]{2,}[A-Z]$")


def is_written_as_a_gene(doc: Doc, mention: Mention) -> bool:
    """The dictionary's names are matched whatever their case, so the NF-kB subunit "RelA"
    matches "Rela", a brand of carisoprodol. No drug name is spelled as a gene symbol is; a
    short form the document defines ("GalN") is not the dictionary's."""
    if mention.label != DRUG or mention.source != DRUG_SOURCE:
        return False
    text = mention.text(doc)
    return GENE_SYMBOL.match(text) is not None and text not in document_abbreviations(doc)


# Nouns whose cell adjective names the lineage cells differentiate into, not those cells.
DIFFERENTIATION_NOUNS = frozenset({"differentiation", "maturation", "commitment"})
# ... and nouns whose cell word, adjective or noun, names a phenotype other cells take on:
# "HL60 cells express markers of the monocyte/macrophage phenotype"
PHENOTYPE_NOUNS = frozenset({"phenotype", "phenotypes", "lineage"})


def names_a_fate(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'AML1a inhibits erythroid differentiation ... of K562 leukemia cells': a cell adjective
    before "differentiation" names where the cells go, and the sentence names the cells that
    go there; the adjective is no population. So does a cell word before "phenotype" ("HL60
    cells express markers of the monocyte/macrophage phenotype"), and a cell noun before
    "differentiation of" named cells (:func:`_differentiation_of_others`). Alone in its
    sentence ("megakaryocytic differentiation was induced") it stands for the cell type, as
    cell adjectives do."""
    if mention.label != CELL:
        return False
    words = following_words(doc, mention, 1)
    after = doc[mention.last_token + 1].lower_ if mention.last_token + 1 < len(doc) else ""
    if not words or not (
            (mention.kind == "adjective" and words[0].lower() in DIFFERENTIATION_NOUNS)
            or words[0].lower() in PHENOTYPE_NOUNS or after in PHENOTYPE_NOUNS
            or _differentiation_of_others(doc, mention, mentions)):
        return False  # "after": past a second name in the token ("monocyte/macrophage")
    sentence = doc[mention.first_token].sent if doc.has_annotation("SENT_START") else doc[:]
    return any(other.label in (CELL, CELL_LINE) and other.kind != "adjective"
               and sentence.start <= other.first_token < sentence.end
               and (other.last_token < mention.first_token or other.first_token > mention.last_token)
               for other in mentions)


def _differentiation_of_others(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'neutrophil and monocyte differentiation *of HL60 cells*': a cell noun, or one listed
    with it, before "differentiation" that is "of" or "in" cells named right after."""
    k = mention.last_token + 1
    while k < len(doc) and (doc[k].lower_ in {"and", "or", ","} or any(
            m.label == CELL and m.first_token <= k <= m.last_token for m in mentions)):
        k += 1  # "neutrophil *and monocyte* differentiation"
    if k + 2 >= len(doc) or doc[k].lower_ not in DIFFERENTIATION_NOUNS or \
            doc[k + 1].lower_ not in {"of", "in"}:
        return False
    return any(other.label in (CELL, CELL_LINE) and k + 2 <= other.first_token <= k + 5
               for other in mentions)


def recombinant_form(doc: Doc, mention: Mention) -> str | None:
    """The cytokine that a gene mention names in its recombinant form ("rIL-2", "rhIFN-gamma",
    "recombinant IL-12", with "recombinant" inside the mention or right before it), else
    None: such a cytokine is given, wherever the sentence names it."""
    name = " ".join(mention.text(doc).lower().split())  # the norm keeps the hyphens: "il-2"
    first = mention.first_token
    if first > 0 and doc[first - 1].lower_ == "recombinant":
        name = f"recombinant {name}"
    return recombinant_cytokine(name)


def is_given_cytokine(doc: Doc, mention: Mention) -> bool:
    """A cytokine or other endogenous molecule named as something given ("IL-1Ra treatment",
    "the addition of IL-6", "treated with IFN-gamma") is a drug in that sentence: the guidelines
    count cytokines used as agents. Elsewhere it stays a measured molecule (a gene)."""
    key = term_key(mention.text(doc))
    if not (is_endogenous(key) or key in given_agents()):
        return False  # "Insulin treatment": a hormone the models read as a gene
    if words_past_its_bracket(doc, mention, 1)[:1] in (["receptor"], ["receptors"]):
        return False  # "soluble TNF receptors can inhibit E": the receptor acts
    return named_as_given(doc, mention.first_token, mention.last_token,
                          rest_of_token(doc, mention)) or \
        (is_endogenous(key) and (acts_as_an_agent(doc, mention) or
                                 is_the_agent_of_a_change(doc, mention)))


# Verbs whose subject, when it is a cytokine, is an agent the experiment adds: "IL-10
# inhibits TNF-alpha release in PBMC"
AGENT_VERBS = frozenset({"inhibit", "induce", "enhance", "suppress", "stimulate", "activate",
                         "augment", "block", "reduce", "prevent", "upregulate", "downregulate",
                         "up-regulate", "down-regulate", "abrogate", "potentiate", "promote",
                         "trigger", "antagonize", "antagonise", "abolish", "attenuate"})


# "IL-2 production was *inhibited by* IL-10": a passive change whose "by" agent a cytokine is
CHANGED_BY = frozenset({"inhibited", "suppressed", "blocked", "enhanced", "reduced",
                        "decreased", "increased", "upregulated", "up-regulated", "downregulated",
                        "down-regulated", "abrogated", "prevented", "augmented", "potentiated",
                        "abolished", "attenuated", "antagonized", "inhibition", "suppression",
                        "enhancement", "potentiation"})


def is_the_agent_of_a_change(doc: Doc, mention: Mention) -> bool:
    """'IL-2 production by T cells was *inhibited by IL-10*': a cytokine that is the "by"
    agent of a change, in a sentence that names cells, is given (as "activated by IFN-gamma"
    is, :data:`pipeline.ner.given.GIVEN_BEFORE`)."""
    first = mention.first_token
    if first < 2 or doc[first - 1].lower_ != "by" or doc[first - 2].lower_ not in CHANGED_BY:
        return False
    if _made_by_cells(doc[mention.last_token]):
        return False  # "enhanced by IL-6 *produced by stromal cells*"
    return _names_cells(doc[first].sent)


def _made_by_cells(token: Token) -> bool:
    """'IL-6 *secreted* by stromal cells': a molecule with a participle of its own."""
    return any(c.dep_ in {"acl", "acl:relcl", "amod"} and c.tag_ in {"VBN", "VBD"}
               for c in token.children)


def _names_cells(sentence: Span) -> bool:
    return any(t.lower_ in {"cells", "cell", "lymphocytes", "monocytes", "macrophages",
                            "neutrophils", "pbmc", "thymocytes"} or t.lower_.endswith("cytes")
               for t in sentence)


def _lemma_of(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


# "the *ability* of IL-10 to inhibit E": nouns of a capacity whose "to" verb the molecule does
CAPACITY_NOUNS = frozenset({"ability", "capacity", "potential"})


def _acts_in_a_phrase(root: Token) -> bool:
    """'the ability of IL-10 *to inhibit* E', 'IL-4, another cytokine *that inhibits* E': the
    verb of change is in a phrase around the cytokine rather than its clause's verb."""
    head = root.head
    if root.dep_ == "nmod" and head.lower_ in CAPACITY_NOUNS and any(
            c.dep_ in {"acl", "xcomp"} and _lemma_of(c) in AGENT_VERBS for c in head.children):
        return True
    return any(c.dep_ == "appos" and any(
        r.dep_ == "acl:relcl" and _lemma_of(r) in AGENT_VERBS and
        any(s.dep_ == "nsubj" and s.lower_ in {"that", "which"} for s in r.children)
        for r in c.children) for c in root.children)


def acts_as_an_agent(doc: Doc, mention: Mention) -> bool:
    """'*IL-10* inhibits TNF-alpha release in PBMC': a cytokine that is the subject of a verb of
    change, in a sentence that names cells, is used as an agent (the guidelines' cytokines
    given as treatment); not one that cells make ("IL-2 *produced by* T cells activates ...",
    a subject with a participle of its own)."""
    root = doc[mention.last_token]
    while root.dep_ in {"compound", "appos"} and root.head.i != root.i:
        root = root.head
    verb = root.head
    if not (root.dep_ == "nsubj" and _lemma_of(verb) in AGENT_VERBS) and \
            not _acts_in_a_phrase(root):
        return False
    if _made_by_cells(root):
        return False  # "IL-6 secreted by stromal cells promotes ..."
    return _names_cells(root.sent)


def is_given_with_a_drug(doc: Doc, mention: Mention, drug_tokens: set[int]) -> bool:
    """A cytokine coordinated with a drug ("the combination of GM-CSF plus IL-4", "cytokines
    such as IL-5 and GM-CSF"), or in brackets after a cytokine so given or after a long form
    so coordinated ("GM-CSF and macrophage colony-stimulating factor (M-CSF)"), is given with
    it. ``drug_tokens`` are the tokens of the sentence's drug mentions."""
    if not is_endogenous(term_key(mention.text(doc))):
        return False
    head = doc[mention.last_token]
    if head.dep_ == "appos":  # "(M-CSF)" after its long form
        head = head.head
    if any(a.lemma_.lower() in MADE_BY_CELLS for a in islice(head.ancestors, 4)):
        return False  # "EL-4 cells produce cytokines such as IL-3 ... and GM-CSF"
    return head.i in drug_tokens or any(t.i in drug_tokens for t in head.conjuncts)


# Words that make the molecules under them products of the cells, not given to them
MADE_BY_CELLS = frozenset({"produce", "secrete", "release", "express", "synthesize", "make",
                           "production", "secretion", "expression", "synthesis", "level"})


# Nouns that name what a drug is rather than which drug ("the alkylating drugs temozolomide").
GENERIC_DRUG_NOUNS = frozenset({"drug", "drugs", "agent", "agents", "compound", "compounds",
                                "inhibitor", "inhibitors", "antagonist", "antagonists"})


def describes_the_next_drug(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'the tricyclic antidepressant desipramine', 'the alkylating drugs temozolomide and
    nimustine': a drug class (or a phrase ending in "drugs", "agents", ...) right before a
    drug's name says what that drug is; the drug is the agent."""
    if mention.label != DRUG or not (mention.kind == "class" or
                                     doc[mention.last_token].lower_ in GENERIC_DRUG_NOUNS):
        return False
    after = mention.last_token + 1
    if after < len(doc) and doc[after].lower_ in GENERIC_DRUG_NOUNS and \
            doc[mention.last_token].lower_ not in GENERIC_DRUG_NOUNS:
        after += 1  # "the mineralocorticoid *antagonist* spironolactone"
    return any(m.label == DRUG and m.first_token == after and m.kind != "class" for m in mentions)


def names_the_form_given(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'Hyp (as stable dicyclohexylammonium salt)', 'X (as its hydrochloride)': a drug that ends
    brackets opening with "as" right after another drug is the form that drug was given in, not
    a second agent."""
    if mention.label != DRUG:
        return False
    opening = next((t.i for t in reversed(doc[:mention.first_token]) if t.text in "()"), None)
    closing = mention.last_token + 1
    if opening is None or doc[opening].text != "(" or doc[opening + 1].lower_ != "as" or \
            doc[opening + 2].lower_ == "well" or closing >= len(doc) or doc[closing].text != ")":
        return False  # "X (as well as Y)" names two agents
    return any(m.label == DRUG and m.last_token == opening - 1 for m in mentions)


def continues_a_disease(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'anorexia *nervosa*', 'diabetes *mellitus*': a lower-case word a model reads as a
    chemical right after a disease, with no dictionary entry, is the rest of the disease's
    name."""
    if mention.label != DRUG or mention.ids or mention.first_token != mention.last_token:
        return False
    word = doc[mention.first_token]
    if not (word.is_alpha and word.is_lower) or word.i == 0 or not doc[word.i - 1].whitespace_:
        return False
    before = doc[word.i - 1]
    return any(m.label == DISEASE and m.last_token == before.i  # not "carcinoma-derived X"
               and m.end == before.idx + len(before) for m in mentions)


def names_cells_elsewhere(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """'neither *FL* nor DLL cells ... transformation of the FL cells': a model's chemical with
    no dictionary entry that the text also writes as a population ("FL cells") is the
    population's name (here follicular lymphoma), held open before a coordinated "cells"."""
    if mention.label != DRUG or mention.ids:
        return False
    name = mention.text(doc).lower()
    return any(m.label in (CELL, CELL_LINE) and m.text(doc).lower() in
               {f"{name} cells", f"{name} cell"} for m in mentions)


CELL_PROCESS_HEADS = frozenset({"death", "cycle", "cycles"})
_LOWERCASE_LETTER_CELL = re.compile(r"^[a-z][-\s]cells?$")


def names_a_cell_process(doc: Doc, mention: Mention) -> bool:
    """'apoptotic cell death', 'S/G2-M cell cycle arrest': the cell words name a process, not
    a population; and '72-h cell cultures' has no "h cell" (one-letter cell names are
    capitals: T, B, M)."""
    if mention.label != CELL:
        return False
    if _LOWERCASE_LETTER_CELL.match(mention.text(doc)):
        return True
    if rest_of_token(doc, mention).lower() in {"-type", "-like"} or (
            mention.last_token + 1 < len(doc) and
            doc[mention.last_token + 1].lower_ in {"-type", "type", "-like"}):
        return True  # "the *Th2-type* cytokines", "a Th1-like response": a kind of response
    last = doc[mention.last_token]
    return last.lower_ in {"cell", "cells"} and last.i + 1 < len(doc) and \
        doc[last.i + 1].lower_ in CELL_PROCESS_HEADS


@Language.factory(
    "drug_cell_ner",
    default_config={"use_abbreviations": True},
    assigns=["doc._.mentions"],
)
def make_entity_recognizer(nlp: Language, name: str, use_abbreviations: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, use_abbreviations)
