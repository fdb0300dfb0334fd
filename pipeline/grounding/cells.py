"""Cell Ontology grounding: a CL id, label and match kind for each way papers name a cell.

The term index holds the ontology's labels and exact and narrow synonyms
(``models/lexicons/cell_lexicon.tsv``) and what the ontology spells differently:

- head-noun forms: "photoreceptor cell" is also "photoreceptor(s)", "Sertoli cell" also
  "Sertoli" (the noun or eponym names the cell on its own);
- adjectives that stand for a cell type: "neuronal", "glial", "erythroid"
  (``cell_adjectives.tsv``), with or without "cell(s)";
- a curated supplement (``cell_supplement.tsv``), where a term can need cue words
  ("rod" is a retinal rod cell only in a document that speaks of photoreceptors or the
  retina; "DC" a dendritic cell only where dendritic cells are named or it is defined).

Composition rules then build what no list holds (:meth:`CellGrounder.compose`): markers
("CD4+ T cells", "CD56+ cells", via :mod:`pipeline.grounding.markers`), a disease that
implies the cell type ("CLL cells" are B cells, with the disease as a qualifier), species
words that do not change the id ("murine T cells"), and state words that make the mention
more specific than the class found ("activated NK cells": grounded to *natural killer
cell* as its ancestor). ``match`` says which: ``exact`` (a CL label), ``synonym``,
``ancestor`` (the class is more general than the mention) or ``composed``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.grounding.context import CellContext
from pipeline.grounding.markers import (
    MARKER_EXPRESSION,
    Marker,
    MarkerTable,
    build_marker_table,
    parse_markers,
)
from pipeline.grounding.ontology import GENERIC_CELL, CellOntology, load_ontology
from pipeline.grounding.tables import read_tsv, split_ids
from pipeline.ner.terms import Concept, TermIndex, term_key
from pipeline.resources import DATA_DIR, models_dir

CELL = "CELL"
CELL_SOURCE = "cell-ontology"
SUPPLEMENT_SOURCE = "curated"
PLURAL_LABELS = frozenset({CELL})
MATCH_OF_ROW = {"label": "exact", "synonym": "synonym", "narrow": "ancestor"}
# Words that head a population named by what it comes from ("CLL cells", "CD56+ cells").
POPULATION_HEADS = frozenset({"cell", "cells", "blasts", "clone", "clones"})
# "X cell" is also written "X" when X is a noun that names a cell by itself.
_CELL_NOUN = re.compile(r"(?:[a-z]{2,}(?:receptor|cyte|clast|phage))$")
_NOT_CELL_NOUNS = frozenset({"chemoreceptor"})
_EPONYM = re.compile(r"^[A-Z][a-z\u00e0-\u00ff]{3,}$")
# Eponyms that alone name something else (islets of Langerhans, Merkel cell carcinoma...).
_EPONYMS_NOT_ALONE = frozenset({"Langerhans", "Clara", "Merkel", "Hodgkin", "Reed", "Sezary",
                                "Golgi", "Hurthle", "Mott", "Russell"})
_SENSU = re.compile(r"\s*\(sensu (?:Vertebrata|Mammalia)\)")
NEURON = "CL:0000540"
_PLURAL_CELLS = re.compile(r"(?<=\s)cells$")
_CELL_OF = re.compile(r"^(?P<head>[a-z][a-z -]*?) cell of (?:the )?(?P<place>[a-z][a-z -]*)$")
_WORD = re.compile(r"[^\s\u2010\u2011\u2013\u2014/-]+")
_PARENTHETICAL = re.compile(r"\s*\(([^()]{1,12})\)")
_OF_PHRASE = re.compile(r"^(?P<head>\S+(?:\s+\S+)?)\s+(?:of|in|from)\s+", re.I)


@dataclass(frozen=True)
class Grounding:
    """What a cell mention means: CL label (or a composed name), ids, match and qualifiers."""

    norm: str
    ids: tuple[str, ...]
    match: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    source: str = CELL_SOURCE


def cell_lexicon_path() -> Path:
    return models_dir() / "lexicons" / "cell_lexicon.tsv"


# -- the term index ----------------------------------------------------------------------------
def acronym_surface(term: str) -> str:
    """An acronym's spelling, to be matched case-sensitively ("ALL", "DC", "pDC"): a single
    word of at most six characters with two capitals or more; '' for other terms."""
    if " " in term or len(term) > 6 or sum(c.isupper() for c in term) < 2:
        return ""
    return term


def lexicon_concepts(rows: Iterable[dict[str, str]]) -> Iterator[tuple[str, Concept]]:
    """(term, concept) for the CL lexicon rows: labels first, so that a label always wins
    over another class's synonym, then exact, then narrow synonyms."""
    order = {"label": 0, "synonym": 1, "narrow": 2}
    for row in sorted(rows, key=lambda r: order.get(r["match"], 3)):
        # A few synonyms are written in the plural ("bone marrow stromal cells"); indexed in
        # the singular, they do not shadow another class's singular term.
        concept = Concept(CELL, row["cl_label"], (row["cl_id"],), CELL_SOURCE,
                          match=MATCH_OF_ROW.get(row["match"], "synonym"),
                          needs=split_ids(row.get("needs", "")), surface=acronym_surface(row["term"]))
        yield _PLURAL_CELLS.sub("cell", row["term"]), concept


def head_noun_forms(term: str) -> list[str]:
    """Shorter forms of "X cell" that papers use for the same class: "photoreceptor cell" →
    "photoreceptor"; "Sertoli cell" → "Sertoli". Only where the word before "cell" names
    the cell by itself."""
    words = term.split()
    if len(words) < 2 or words[-1] != "cell":
        return []
    last = words[-2]
    if _CELL_NOUN.search(last) and last not in _NOT_CELL_NOUNS:
        return [" ".join(words[:-1])]
    if len(words) == 2 and _EPONYM.match(last) and last not in _EPONYMS_NOT_ALONE:
        return [last]
    return []


def variant_forms(term: str, cl_id: str, ontology: CellOntology) -> list[str]:
    """Other ways papers write a CL term: head-noun forms, the label without its "(sensu
    Vertebrata)" qualifier ("CNS neuron"), and "X neuron" for a neuron class named "X cell"
    ("granule neuron")."""
    forms = head_noun_forms(term)
    plain = _SENSU.sub("", term)
    if plain != term:
        forms.append(plain)
    inverted = _CELL_OF.match(term)
    if inverted:  # "stromal cell of bone marrow" → "bone marrow stromal cell"
        forms.append(f"{inverted.group('place')} {inverted.group('head')} cell")
    if term.endswith(" cell") and ontology.is_a(cl_id, NEURON):
        forms.append(term[:-len("cell")] + "neuron")
    return forms


def build_cell_index(rows: list[dict[str, str]], ontology: CellOntology, data_dir: Path) -> TermIndex:
    """Labels and exact synonyms, their variant forms, narrow synonyms, then the curated
    adjectives and supplement (which win): a class's own names come before a narrower
    term of another class."""
    index = TermIndex()
    concepts = list(lexicon_concepts(rows))
    for term, concept in concepts:
        if concept.match != "ancestor":
            index.add(term, concept)
            if concept.surface:  # "ECL cells", "RGCs" alike
                index.add(term + " cell", concept)
    for term, concept in concepts:
        for form in variant_forms(term, concept.ids[0], ontology) if concept.match != "ancestor" else ():
            index.add(form, Concept(CELL, concept.norm, concept.ids, concept.source, "synonym",
                                    needs=concept.needs))
    for term, concept in concepts:
        if concept.match == "ancestor":
            index.add(term, concept)
    for row in read_tsv(data_dir / "cell_adjectives.tsv"):
        concept = Concept(CELL, ontology.label(row["cl_id"]), (row["cl_id"],), SUPPLEMENT_SOURCE,
                          match="synonym", kind="adjective", needs=split_ids(row.get("needs", "")))
        index.add(row["adjective"], concept, overwrite=True)
        index.add(row["adjective"] + " cell", Concept(CELL, concept.norm, concept.ids,
                                                       SUPPLEMENT_SOURCE, "synonym"))
    for row in read_tsv(data_dir / "cell_supplement.tsv"):
        concept = Concept(CELL, row["cl_label"], (row["cl_id"],), SUPPLEMENT_SOURCE,
                          match=row["match"], needs=split_ids(row.get("needs", "")),
                          surface=acronym_surface(row["term"]))
        index.add(row["term"], concept, overwrite=True)
        if concept.surface:
            index.add(row["term"] + " cell", concept, overwrite=True)
    return index


@lru_cache(maxsize=1)
def cell_index() -> TermIndex:
    rows = list(read_tsv(cell_lexicon_path()))
    return build_cell_index(rows, cell_ontology(), DATA_DIR)


@lru_cache(maxsize=1)
def cell_ontology() -> CellOntology:
    return load_ontology(cell_lexicon_path())


@lru_cache(maxsize=1)
def marker_table() -> MarkerTable:
    index = cell_index()

    def lookup(text: str) -> str:
        concept = index.entries.get(term_key(text))
        return concept.ids[0] if concept is not None and concept.ids else ""

    return build_marker_table(cell_ontology().labels, read_tsv(DATA_DIR / "marker_cells.tsv"), lookup)


@lru_cache(maxsize=1)
def cell_modifiers() -> dict[str, str]:
    """Words written before a cell name that belong to the population: word → kind
    (``species`` and ``source`` leave the id alone; ``state`` makes the class an ancestor)."""
    return {row["word"].lower(): row["kind"] for row in read_tsv(DATA_DIR / "cell_modifiers.tsv")}


# -- grounding ---------------------------------------------------------------------------------
class CellGrounder:
    """Grounds cell phrases with the index, the ontology and the composition rules."""

    def __init__(self, index: TermIndex | None = None, ontology: CellOntology | None = None,
                 markers: MarkerTable | None = None, diseases: TermIndex | None = None,
                 modifiers: dict[str, str] | None = None) -> None:
        from pipeline.ner.lexicons import disease_index

        self.index = index if index is not None else cell_index()
        self.ontology = ontology if ontology is not None else cell_ontology()
        self.markers = markers if markers is not None else marker_table()
        self.diseases = diseases if diseases is not None else disease_index()
        self.modifiers = modifiers if modifiers is not None else cell_modifiers()

    def lookup(self, key: str, context: CellContext) -> Concept | None:
        """The concept of a term key (plurals folded), if the context allows it."""
        concept = self.index.lookup(key, PLURAL_LABELS)
        if concept is None or not context.allows(concept.needs):
            return None
        return concept

    def compose(self, base: Concept | None, markers: Sequence[Marker] = (),
                disease: Concept | None = None, modifiers: Sequence[str] = (),
                words: Sequence[str] = ()) -> Grounding | None:
        """The grounding of a cell name ``base`` (None for a bare "cells") written after
        markers, a disease and modifiers. ``words`` names a population without an id
        ("tumor cells" → "tumor cell")."""
        qualifiers: list[tuple[str, str]] = []
        if base is None:
            cl_id, match = GENERIC_CELL, "composed"
        else:
            cl_id, match = (base.ids[0] if base.ids else ""), base.match
        if disease is not None:
            qualifiers.append(("disease", disease.norm))
            if cl_id == GENERIC_CELL and disease.kind:
                cl_id, match = disease.kind, "composed"
        if markers:
            qualifiers.append(("markers", " ".join(str(m) for m in markers)))
            cl_id, match = self._compose_markers(cl_id, match, markers)
        for word in modifiers:
            kind = self.modifiers.get(word.lower(), "")
            if kind == "species":
                qualifiers.append(("species", word.lower()))
            elif kind == "state" and cl_id and cl_id != GENERIC_CELL:
                match = "ancestor"
        if cl_id == GENERIC_CELL:
            cl_id = ""
        if not cl_id:
            named = [w.lower() for w in words] or ([disease.norm] if disease is not None else [])
            if not named and not markers:
                return None
            norm = " ".join(named + [str(m) for m in markers] + ["cell"])
            return Grounding(norm, (), "composed", tuple(qualifiers), "pattern")
        return Grounding(self.ontology.label(cl_id) or (base.norm if base else ""), (cl_id,), match,
                         tuple(qualifiers), base.source if base is not None else "pattern")

    def _compose_markers(self, cl_id: str, match: str, markers: Sequence[Marker]) -> tuple[str, str]:
        composed, marker_match = self.markers.compose(markers, cl_id)
        if not composed:
            return "", "composed"
        if marker_match == "ancestor" or match == "ancestor":
            return composed, "ancestor"
        return composed, "composed"

    def concept_grounding(self, concept: Concept) -> Grounding | None:
        if concept.ids == (GENERIC_CELL,):
            return None
        return Grounding(concept.norm, concept.ids, concept.match, (), concept.source)

    # -- phrases --------------------------------------------------------------------------------
    def ground(self, text: str, context: CellContext | None = None,
               strict: bool = False) -> Grounding | None:
        """The grounding of a whole phrase naming a cell type, or None.

        Tried in order: the phrase as a term (with the document's abbreviations expanded),
        leading markers, a leading disease, leading modifiers, an abbreviation that stands
        for a cell ("ES" defined as embryonic stem), then the head alone (the class is then
        an ancestor of what the phrase says). ``strict`` stops after the markers: for
        phrases built by a rule (a coordination), where a loose reading would invent cells."""
        context = context or CellContext()
        text = self._drop_defined_parentheticals(text.strip(), context)
        words = list(_WORD.finditer(text))
        if not words:
            return None
        concept = self.term(text, context)
        if concept is not None:
            return self.concept_grounding(concept)
        attempts = [self._with_markers]
        if not strict:
            attempts += [self._with_disease, self._with_modifier, self._abbreviation_alone,
                         self._head_initial, self._head_only]
        for attempt in attempts:
            found = attempt(text, words, context)
            if found is not None:
                return found
        return None

    def term(self, text: str, context: CellContext) -> Concept | None:
        """The concept of ``text`` as one term: with the document's abbreviations expanded
        first, then as written ("CNS neurons" where CNS is defined as central nervous system)."""
        expanded, raw = self.key(text, context), term_key(text)
        for key in dict.fromkeys((expanded, raw)):
            concept = self.lookup(key, context)
            if concept is not None and accepts(concept, key, expanded, raw, text):
                return concept
        return None

    def key(self, text: str, context: CellContext) -> str:
        """The term key of ``text`` with every defined short form replaced by its long form."""
        if not context.abbreviations:
            return term_key(text)
        return term_key(_WORD.sub(lambda m: context.abbreviations.get(m.group(0), m.group(0)), text))

    def _drop_defined_parentheticals(self, text: str, context: CellContext) -> str:
        """"embryonic stem (ES) cells" is read as "embryonic stem cells"."""
        def drop(match: re.Match) -> str:
            inner = match.group(1).strip()
            return "" if inner in context.abbreviations or inner.isupper() else match.group(0)

        return _PARENTHETICAL.sub(drop, text).strip()

    def _rest(self, text: str, words: list[re.Match], k: int) -> str:
        return text[words[k].start():] if k < len(words) else ""

    def _head(self, rest: str, context: CellContext) -> tuple[Concept | None, bool]:
        """The cell named by ``rest``: (concept, True), (None, True) for a bare "cells",
        or (None, False) when ``rest`` names no cell."""
        key = self.key(rest, context)
        if key in POPULATION_HEADS:
            return None, True
        concept = self.lookup(key, context)
        return concept, concept is not None

    def _with_markers(self, text: str, words: list[re.Match], context: CellContext) -> Grounding | None:
        match = MARKER_EXPRESSION.match(text)
        if match is None or match.end() >= len(text) or text[match.end()] not in " -\u2010\u2011":
            return None
        rest = text[match.end() + 1:].strip()
        base, named = self._head(rest, context)
        if not named:
            return None
        return self.compose(base, parse_markers(match.group(0)))

    def _with_disease(self, text: str, words: list[re.Match], context: CellContext) -> Grounding | None:
        for k in range(len(words) - 1, 0, -1):
            prefix = text[:words[k - 1].end()]
            disease = self.diseases.lookup(self.key(prefix, context))
            if disease is None or not disease.fits(prefix):
                continue
            base, named = self._head(self._rest(text, words, k), context)
            if named:
                return self.compose(base, disease=disease, words=[text[:words[k - 1].end()].lower()])
        return None

    def _with_modifier(self, text: str, words: list[re.Match], context: CellContext) -> Grounding | None:
        first = words[0].group(0)
        if len(words) < 2 or first.lower() not in self.modifiers:
            return None
        inner = self.ground(self._rest(text, words, 1), context)
        if inner is None:
            return None
        kind = self.modifiers[first.lower()]
        if kind == "state" and inner.ids:
            return Grounding(inner.norm, inner.ids, "ancestor", inner.qualifiers, inner.source)
        if kind == "species":
            qualifiers = (*inner.qualifiers, ("species", first.lower()))
            return Grounding(inner.norm, inner.ids, inner.match, qualifiers, inner.source)
        return inner

    def _abbreviation_alone(self, text: str, words: list[re.Match],
                            context: CellContext) -> Grounding | None:
        """A defined short form whose long form names a cell with "cell" added: "ES" (embryonic
        stem) in "ES clones"."""
        if len(words) != 1 or text not in context.abbreviations:
            return None
        concept = self.lookup(term_key(context.abbreviations[text] + " cell"), context)
        return self.concept_grounding(concept) if concept is not None else None

    def _head_initial(self, text: str, words: list[re.Match], context: CellContext) -> Grounding | None:
        """"cells of the inner ear", "neurons in culture": the head comes first."""
        match = _OF_PHRASE.match(text)
        if match is None:
            return None
        head = self.ground(match.group("head"), context)
        if head is None or not head.ids:
            return None
        return Grounding(head.norm, head.ids, "ancestor", head.qualifiers, head.source)

    def _head_only(self, text: str, words: list[re.Match], context: CellContext) -> Grounding | None:
        """The longest known tail of the phrase: "hypertrophic chondrocytes" → chondrocyte."""
        for k in range(1, len(words)):
            concept = self.lookup(self.key(self._rest(text, words, k), context), context)
            if concept is not None and concept.ids != (GENERIC_CELL,):
                return Grounding(concept.norm, concept.ids, "ancestor", (), concept.source)
        return None


def accepts(concept: Concept, key: str, expanded: str, raw: str, text: str) -> bool:
    """Whether a concept found under ``key`` stands for ``text``. Where the document defines
    a short form, its definition comes first: an acronym term is not read as written
    ("DC" defined as direct current is no dendritic cell), a longer term still is ("CNS
    neurons" with CNS defined)."""
    if key == expanded and key != raw:
        return True
    if expanded != raw and concept.surface:
        return False
    return concept.fits(text)


@lru_cache(maxsize=1)
def default_grounder() -> CellGrounder:
    return CellGrounder()


def ground_cell(text: str, context: CellContext | None = None) -> Grounding | None:
    """The Cell Ontology grounding of a cell phrase in its document's context.

    >>> ground_cell("CD4+ T cells").ids
    ('CL:0000624',)
    """
    return default_grounder().ground(text, context)
