"""Load the term lexicons: drugs, cells, diseases, cell lines. Data lives in files, this code
reads it; the ids are checked and composed in :mod:`pipeline.grounding`.

- Drugs come from the ``drug-named-entity-recognition`` package's dictionary (generic and
  brand names, synonyms), less a stoplist, plus a supplement of drug classes, code names
  and biologics; every variant is normalized to the generic drug with checked DrugBank and
  MeSH ids (:mod:`pipeline.grounding.drugs`).
- Cells come from ``models/lexicons/cell_lexicon.tsv`` (built from the Cell Ontology by
  :mod:`pipeline.ner.build_cell_lexicon`) and the curated cell tables
  (:mod:`pipeline.grounding.cells`).
- Cell lines come from ``cell_lines.tsv`` (:mod:`pipeline.grounding.cell_lines`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.grounding import drugs, tables
from pipeline.grounding.cells import (
    CELL_SOURCE,
    SUPPLEMENT_SOURCE,
    acronym_surface,
    cell_index,
    cell_lexicon_path,
)
from pipeline.grounding.drugs import (
    drug_dictionary_path,
    drug_records,
    is_drug_entry,
    load_drug_dictionary,
    supplement_records,
)
from pipeline.grounding.tables import read_tsv, split_ids
from pipeline.ner import given, terms
from pipeline.ner.given import GIVEN_KIND
from pipeline.ner.terms import Concept, TermIndex, term_key
from pipeline.resources import DATA_DIR, cached_derivation

__all__ = ["CELL_SOURCE", "DRUG_SOURCE", "SUPPLEMENT_SOURCE", "cell_index", "cell_lexicon_path",
           "disease_index", "drug_index", "is_drug_entry", "lexicon_files", "read_tsv"]

DRUG_SOURCE = "drug-dictionary"
MIN_DRUG_TERM_LENGTH = 4
FUNCTION_WORDS = frozenset({"a", "an", "at", "as", "by", "in", "is", "it", "of", "on", "or", "to",
                            "the", "no", "not", "for", "with", "per", "up"})
_CELLS = re.compile(r" cells?$")
# Names of endogenous signalling molecules: measured far more often than given as drugs.
_ENDOGENOUS = re.compile(r"^(?:(?:alpha|beta|gamma)[- ]interferon|il|interleukin|ifn|interferon"
                         r"|tnf|tgf|gm-csf|m[- ]csf|csf|chemokine|ccl|cxcl)"
                         r"(?:[- ]?[0-9a-zα-ω]{0,3})?(?:[- ](?:alpha|beta|gamma|receptor))?$")


# MeSH's entry terms for an action ("Neuroprotective Effects" of Neuroprotective Agents, "effects,
# radiosensitizing"): in a text they name the effect, never the agent.
_EFFECT = re.compile(r"(?:^|\s)effects?(?:$|,)")
# A Greek letter and a number: a subunit, an isoform or a receptor subtype ("TGF beta 2",
# "IL-12R beta 2 chain", "alpha 1 integrin"), though the dictionary has "beta-2" for isoetharine.
_SUBUNIT = re.compile(r"^(?:alpha|beta|gamma|delta|epsilon|kappa|[αβγδεκ]) ?\d+[a-z]?$")
# Products of a human protein ("von Willebrand factor human", "antithrombin III human"),
# whose other names are the protein's: "von Willebrand factor" is the one in the blood.
_HUMAN_PRODUCT = re.compile(r",? human$")


def is_endogenous(key: str) -> bool:
    """Whether a term key names an endogenous signalling molecule (IL-2, IFN-gamma, TNF)."""
    return _ENDOGENOUS.match(key) is not None


# "rIL-2", "rhIFN-gamma", "recombinant human IL-12": a cytokine made to be given
_RECOMBINANT = re.compile(r"^(?:recombinant (?:(?:human|murine|mouse|rat) )?|r[hm]?(?=[a-z]))")


def recombinant_cytokine(name: str) -> str | None:
    """The cytokine a lower-cased name or term key names as recombinant ("rhil-2" → "il-2"),
    else None. A recombinant cytokine is an agent the experiment gives, never one the cells
    make."""
    match = _RECOMBINANT.match(name)
    if match is None or not is_endogenous(name[match.end():]):
        return None
    return name[match.end():]


@lru_cache(maxsize=1)
def _stoplist_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_tsv(DATA_DIR / "drug_stoplist.tsv"))


@lru_cache(maxsize=1)
def drug_stoplist() -> frozenset[str]:
    """Keys of the names that are not drugs in the prose we read (``drug_stoplist.tsv``)."""
    return frozenset(term_key(row["variant"]) for row in _stoplist_rows())


@lru_cache(maxsize=1)
def given_agents() -> frozenset[str]:
    """Keys of the stoplisted names that are drugs where the text gives them ("ethanol-induced
    apoptosis"; the ``given`` column of ``drug_stoplist.tsv``)."""
    return frozenset(term_key(row["variant"]) for row in _stoplist_rows()
                     if row.get("given") == "agent")


def _keeps_variant(variant: str, stoplist: frozenset[str]) -> bool:
    """Stoplisted variants are compared by key, so that "adénosine" goes with "adenosine".
    Names of cell therapies written as cells ("NK-92 cells", "mesenchymal stromal cells")
    are left to the cell recognizer: in papers they are the cells far more often. Brand
    names that start with an English function word ("AT 10") would match prose ("while at
    10 microM")."""
    key = term_key(variant)
    return not (len(variant) < MIN_DRUG_TERM_LENGTH or key in stoplist or variant.isdigit()
                or is_endogenous(key) or _CELLS.search(key) or _EFFECT.search(key)
                or _SUBUNIT.match(key) or key.split(" ", 1)[0] in FUNCTION_WORDS)


def names_the_protein(variant: str, name: str) -> bool:
    """Whether a variant of a human protein product (``name`` "von willebrand factor human")
    is that name less "human": the protein itself, which papers measure ("von Willebrand
    factor (vWf) expression") far more often than they give it. Immune globulins are no
    protein of the body's own."""
    return _HUMAN_PRODUCT.search(name) is not None and "globulin" not in name and \
        term_key(variant) == term_key(_HUMAN_PRODUCT.sub("", name))


@lru_cache(maxsize=1)
def drug_index() -> TermIndex:
    """Every kept variant of the dictionary → the generic drug's concept, then the supplement;
    kept between processes (:func:`pipeline.resources.cached_derivation`), keyed by the
    dictionary, the data files and the code that builds it."""
    sources = [drug_dictionary_path(), *sorted(DATA_DIR.glob("*.tsv")),
               *(Path(module.__file__) for module in (terms, drugs, tables, given)),
               Path(__file__)]
    return cached_derivation("drug-index", sources, _build_drug_index)


def _abbreviates_cells(variant: str, name: str) -> bool:
    """A cell therapy's short form ("HAECs" of "amniotic epithelial cells", "UC-MSCs"): in
    papers it names the cells, like the long form (see :func:`_keeps_variant`)."""
    return bool(_CELLS.search(term_key(name))) and term_key(variant).endswith(("c", "cs"))


def _build_drug_index() -> TermIndex:
    raw = load_drug_dictionary()
    records = drug_records()
    stoplist = drug_stoplist()
    given = given_agents()
    index = TermIndex()
    for variant, canonicals in sorted(raw["drug_variant_to_canonical"].items()):
        name = canonicals[0] if variant not in canonicals else variant
        record = records.get(name)
        if record is None or names_the_protein(variant, name) or \
                _abbreviates_cells(variant, name):
            continue
        kind = record.kind
        if not _keeps_variant(variant, stoplist):
            if term_key(variant) not in given:
                continue
            kind = GIVEN_KIND  # a drug only where the text gives it ("ethanol-induced")
        concept = Concept("DRUG", record.name.lower(), record.ids, DRUG_SOURCE, kind=kind)
        index.add(variant, concept, overwrite=variant == name)
    supplement = supplement_records(read_tsv(DATA_DIR / "drug_supplement.tsv"), records)
    for term, record in supplement.items():
        concept = Concept("DRUG", record.name.lower(), record.ids, SUPPLEMENT_SOURCE, kind=record.kind)
        index.add(term, concept, overwrite=True)
        if term_key(term) + "s" in index.entries:  # the dictionary's "IMiDs" yields to "IMiD"
            index.add(term + "s", concept, overwrite=True)
    return index


@lru_cache(maxsize=1)
def disease_index() -> TermIndex:
    """Disease terms; ``kind`` holds the CL id of the cell type a population named after the
    disease is made of ("CLL cells" are B cells), empty when the disease implies none."""
    index = TermIndex()
    for row in read_tsv(DATA_DIR / "disease_terms.tsv"):
        concept = Concept("DISEASE", row["norm"], split_ids(row.get("ids", "")), SUPPLEMENT_SOURCE,
                          kind=row.get("cell_id", ""), surface=acronym_surface(row["term"]))
        index.add(row["term"], concept)
    return index


def lexicon_files() -> dict[str, Path]:
    """Every data file the recognizer reads, for run.json and ``pipeline info``."""
    files = {
        "cell_lexicon": cell_lexicon_path(),
        "drug_dictionary": drug_dictionary_path(),
    }
    for path in sorted(DATA_DIR.glob("*.tsv")):
        files[path.stem] = path
    return files
