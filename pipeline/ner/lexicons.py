"""Load the term lexicons: drugs, cells, diseases. Data lives in files, this code reads it.

- Drugs come from the ``drug-named-entity-recognition`` package's dictionary (generic and
  brand names, synonyms, DrugBank and MeSH ids), less a stoplist, plus a supplement of drug
  classes and biologics, with reviewed id overrides. A MeSH id that the dictionary gives to
  several different drugs is wrong for all but at most one of them, so it is dropped
  unless an override restores it.
- Cells come from ``models/lexicons/cell_lexicon.tsv`` (built from the Cell Ontology by
  :mod:`pipeline.ner.build_cell_lexicon`) plus a curated supplement.
"""

from __future__ import annotations

import bz2
import csv
import importlib.util
import pickle
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pipeline.ner.terms import Concept, TermIndex
from pipeline.resources import DATA_DIR, models_dir

DRUG_SOURCE = "drug-dictionary"
CELL_SOURCE = "cell-ontology"
SUPPLEMENT_SOURCE = "curated"
MIN_DRUG_TERM_LENGTH = 4
# MeSH tree of pharmacologic actions: classes such as glucocorticoids live there.
PHARMACOLOGIC_ACTION_TREE = "D27.505"
# Names of endogenous signalling molecules: measured far more often than given as drugs.
_ENDOGENOUS = re.compile(r"^(?:il|interleukin|ifn|interferon|tnf|tgf|gm-csf|csf|chemokine|ccl|cxcl)"
                         r"(?:[- ]?[0-9a-zα-ω]{0,3})?(?:[- ](?:alpha|beta|gamma|receptor))?$")


def is_drug_entry(data: dict) -> bool:
    """A dictionary entry that names a drug: it has a DrugBank id, or its MeSH tree puts it
    among pharmacologic actions. Entries that are only MeSH descriptors of receptors,
    enzymes, RNA or generic antibodies are not drugs in the prose we read."""
    if data.get("drugbank_id"):
        return True
    return any(tree.startswith(PHARMACOLOGIC_ACTION_TREE) for tree in data.get("mesh_tree") or [])


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file whose comment lines start with ``#``."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#") and line.strip())
        yield from csv.DictReader(lines, delimiter="\t")


def drug_dictionary_path() -> Path:
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package drug-named-entity-recognition is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "drug_ner_dictionary.pkl.bz2"


def _load_drug_dictionary() -> dict:
    """The package's pickled dictionary, read directly (importing the package is slow)."""
    with bz2.open(drug_dictionary_path(), "rb") as handle:
        return pickle.load(handle)


def drug_ids(data: dict, name: str, overrides: dict, conflicting_mesh: set[str]) -> tuple:
    fields = {"drugbank_id": data.get("drugbank_id", ""), "mesh_id": data.get("mesh_id", "")}
    if fields["mesh_id"] in conflicting_mesh:
        fields["mesh_id"] = ""
    fields.update(overrides.get(name, {}))
    ids = []
    if fields["drugbank_id"]:
        ids.append(f"DRUGBANK:{fields['drugbank_id']}")
    if fields["mesh_id"]:
        ids.append(f"MESH:{fields['mesh_id']}")
    return tuple(ids)


def mesh_conflicts(canonical_to_data: dict) -> set[str]:
    """MeSH ids that the dictionary gives to more than one drug (so they are wrong)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for data in canonical_to_data.values():
        if data.get("mesh_id") and data.get("drugbank_id"):
            owners[data["mesh_id"]].add(data["drugbank_id"])
    return {mesh for mesh, drugs in owners.items() if len(drugs) > 1}


@lru_cache(maxsize=1)
def drug_index() -> TermIndex:
    raw = _load_drug_dictionary()
    canonical_to_data = raw["drug_canonical_to_data"]
    stoplist = {row["variant"].lower() for row in read_tsv(DATA_DIR / "drug_stoplist.tsv")}
    overrides: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(DATA_DIR / "drug_id_overrides.tsv"):
        overrides[row["drug"].lower()][row["field"]] = row["value"]
    conflicts = mesh_conflicts(canonical_to_data)
    index = TermIndex()
    for variant, canonicals in sorted(raw["drug_variant_to_canonical"].items()):
        if len(variant) < MIN_DRUG_TERM_LENGTH or variant in stoplist or variant.isdigit() \
                or _ENDOGENOUS.match(variant):
            continue
        name = canonicals[0] if variant not in canonicals else variant
        data = canonical_to_data.get(name, {})
        if not is_drug_entry(data):
            continue
        concept = Concept(
            label="DRUG",
            norm=name.lower(),
            ids=drug_ids(data, name.lower(), overrides, conflicts),
            source=DRUG_SOURCE,
            kind="drug",
        )
        index.add(variant, concept, overwrite=variant == name)
    for row in read_tsv(DATA_DIR / "drug_supplement.tsv"):
        ids = tuple(i for i in (row.get("ids") or "").split("|") if i)
        concept = Concept("DRUG", row["norm"], ids, SUPPLEMENT_SOURCE, kind=row["kind"])
        index.add(row["term"], concept, overwrite=True)
    return index


def cell_lexicon_path() -> Path:
    return models_dir() / "lexicons" / "cell_lexicon.tsv"


@lru_cache(maxsize=1)
def cell_index() -> TermIndex:
    index = TermIndex()
    rows = list(read_tsv(cell_lexicon_path()))
    # Labels first, so that a label always wins over another class's synonym.
    rows.sort(key=lambda row: row["match"] != "label")
    for row in rows:
        concept = Concept("CELL", row["cl_label"], (row["cl_id"],), CELL_SOURCE,
                          match="exact" if row["match"] == "label" else "synonym")
        index.add(row["term"], concept)
    for row in read_tsv(DATA_DIR / "cell_supplement.tsv"):
        concept = Concept("CELL", row["cl_label"], (row["cl_id"],), SUPPLEMENT_SOURCE,
                          match=row["match"])
        index.add(row["term"], concept, overwrite=True)
    return index


@lru_cache(maxsize=1)
def cell_parents() -> dict[str, list[str]]:
    """CL id → its is_a parents, for grounding to the closest ancestor."""
    parents: dict[str, list[str]] = {}
    for row in read_tsv(cell_lexicon_path()):
        parents[row["cl_id"]] = [p for p in row["parents"].split("|") if p]
    return parents


@lru_cache(maxsize=1)
def disease_index() -> TermIndex:
    index = TermIndex()
    for row in read_tsv(DATA_DIR / "disease_terms.tsv"):
        ids = tuple(i for i in (row.get("ids") or "").split("|") if i)
        cell = row.get("cell_id") or ""
        index.add(row["term"], Concept("DISEASE", row["norm"], ids, SUPPLEMENT_SOURCE, kind=cell))
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
