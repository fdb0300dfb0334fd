"""Drug grounding: canonical generic names with DrugBank and MeSH ids, checked.

The ``drug-named-entity-recognition`` package's dictionary maps names, brands and synonyms
to a canonical name with a DrugBank id and a MeSH id. Its DrugBank ids are sound; its MeSH
ids are not: for most drugs the package gives the id of a pharmacological-action class the
drug belongs to (thalidomide and lenalidomide both get D020533, *Angiogenesis Inhibitors*;
rituximab, cetuximab and bevacizumab D000074322). Checked against the MeSH headings of the
real PubMed records in ``../shared/samples``, the package's id is right for 9 of 63 drugs.
So, when the table is built:

- a MeSH id the package gives to more than one entry is dropped from all of them (a
  descriptor has one owner, and the package does not say which), and so are the MeSH ids
  of class entries, which are as unreliable;
- canonical names that carry a qualifier or a salt ("ofatumumab (chronic lymphocytic
  leukemia)", "imatinib mesylate") are folded into the generic drug when the package has it;
- ``pipeline/ner/data/drug_id_overrides.tsv``, a reviewed table, restores or corrects ids.

Entries of MeSH's pharmacological-action tree (D27.505) are drug *classes*
("glucocorticoids"), typed as such.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.grounding.tables import read_tsv, split_ids
from pipeline.resources import DATA_DIR

PHARMACOLOGIC_ACTION_TREE = "D27.505"
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")
_SALT = re.compile(
    r"\s+(?:hydrochloride|dihydrochloride|hydrobromide|mesylate|mesilate|dimesylate|besylate|"
    r"tosylate|sodium|disodium|potassium|calcium|sulfate|sulphate|citrate|maleate|tartrate|"
    r"bitartrate|acetate|phosphate|fumarate|succinate|bromide|chloride|hyclate|lactate|"
    r"gluconate|malate|nitrate|pamoate|oxalate|(?:mono|di|tri)hydrate)$")


@dataclass(frozen=True)
class DrugRecord:
    """One canonical drug or drug class: generic name, ids as CURIEs, and kind."""

    name: str
    ids: tuple[str, ...]
    kind: str  # "drug" or "class"


def drug_dictionary_path() -> Path:
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package drug-named-entity-recognition is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "drug_ner_dictionary.pkl.bz2"


@lru_cache(maxsize=1)
def load_drug_dictionary() -> dict:
    """The package's pickled dictionary, read directly (importing the package is slow)."""
    with bz2.open(drug_dictionary_path(), "rb") as handle:
        return pickle.load(handle)


def is_class_entry(data: Mapping) -> bool:
    """A MeSH pharmacological-action entry without a DrugBank id: a class of drugs."""
    return not data.get("drugbank_id") and any(
        tree.startswith(PHARMACOLOGIC_ACTION_TREE) for tree in data.get("mesh_tree") or [])


def is_drug_entry(data: Mapping) -> bool:
    """An entry that names a drug or a class of drugs: it has a DrugBank id, or its MeSH
    tree puts it among pharmacologic actions. Entries that are only MeSH descriptors of
    receptors, enzymes, RNA or generic antibodies are not drugs in the prose we read."""
    return bool(data.get("drugbank_id")) or is_class_entry(data)


def shared_mesh_ids(canonical_to_data: Mapping[str, Mapping]) -> dict[str, list[str]]:
    """MeSH ids the dictionary gives to more than one entry → those entries. A descriptor
    has one owner, and nothing in the package says which of them it is."""
    holders: dict[str, list[str]] = defaultdict(list)
    for name, data in canonical_to_data.items():
        if data.get("mesh_id"):
            holders[data["mesh_id"]].append(name)
    return {mesh_id: sorted(names) for mesh_id, names in holders.items() if len(names) > 1}


def generic_name(name: str, canonical_to_data: Mapping[str, Mapping]) -> str:
    """The generic drug a canonical name stands for: "ofatumumab (chronic lymphocytic
    leukemia)" and "imatinib mesylate" are ofatumumab and imatinib, when the dictionary has
    those with a DrugBank id and the name itself has none (or the same)."""
    own = canonical_to_data.get(name, {}).get("drugbank_id")
    for candidate in (_QUALIFIER.sub("", name), _SALT.sub("", _QUALIFIER.sub("", name))):
        if candidate == name:
            continue
        base = canonical_to_data.get(candidate, {}).get("drugbank_id")
        if base and (not own or own == base):
            return candidate
    return name


def read_overrides(path: Path) -> dict[str, dict[str, str]]:
    """drug → field → value from the reviewed override table ('' removes the id)."""
    overrides: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(path):
        overrides[row["drug"].lower()][row["field"]] = row["value"]
    return overrides


def record_ids(name: str, data: Mapping, shared: Mapping[str, list[str]],
               overrides: Mapping[str, Mapping[str, str]]) -> tuple[str, ...]:
    """DRUGBANK and MESH CURIEs of one entry: a shared MeSH id is dropped, and so is the MeSH
    id of a class entry (the package's "glucocorticoids" carries the id of the glucocorticoid
    receptor); the reviewed overrides come last."""
    fields = {"drugbank_id": data.get("drugbank_id") or "", "mesh_id": data.get("mesh_id") or ""}
    if fields["mesh_id"] in shared or is_class_entry(data):
        fields["mesh_id"] = ""
    fields.update(overrides.get(name, {}))
    ids = []
    if fields["drugbank_id"]:
        ids.append(f"DRUGBANK:{fields['drugbank_id']}")
    if fields["mesh_id"]:
        ids.append(f"MESH:{fields['mesh_id']}")
    return tuple(ids)


def build_records(canonical_to_data: Mapping[str, Mapping],
                  overrides: Mapping[str, Mapping[str, str]]) -> dict[str, DrugRecord]:
    """Canonical name → the checked record of the generic drug it stands for."""
    shared = shared_mesh_ids(canonical_to_data)
    records: dict[str, DrugRecord] = {}
    for name in canonical_to_data:
        generic = generic_name(name, canonical_to_data)
        generic_data = canonical_to_data[generic]
        if not is_drug_entry(generic_data):
            continue
        records[name] = DrugRecord(generic, record_ids(generic, generic_data, shared, overrides),
                                   "class" if is_class_entry(generic_data) else "drug")
    return records


@lru_cache(maxsize=1)
def drug_records() -> dict[str, DrugRecord]:
    raw = load_drug_dictionary()
    return build_records(raw["drug_canonical_to_data"], read_overrides(DATA_DIR / "drug_id_overrides.tsv"))


def supplement_records(rows: Iterable[dict[str, str]],
                       records: Mapping[str, DrugRecord]) -> dict[str, DrugRecord]:
    """Term → record for the curated supplement. A row without ids that names a dictionary
    drug (a code name such as CC-5013) takes that drug's checked ids."""
    found = {}
    for row in rows:
        ids = split_ids(row.get("ids", ""))
        known = records.get(row["norm"])
        if not ids and known is not None:
            found[row["term"]] = DrugRecord(known.name, known.ids, row["kind"] or known.kind)
        else:
            found[row["term"]] = DrugRecord(row["norm"], ids, row["kind"])
    return found


def mesh_id_problems(canonical_to_data: Mapping[str, Mapping]) -> list[tuple[str, list[str]]]:
    """(MeSH id, the drugs that carry it with other entries): what the build drops, for
    reviewing the override table."""
    shared = shared_mesh_ids(canonical_to_data)
    found = []
    for mesh_id, names in sorted(shared.items()):
        drugs = [n for n in names if canonical_to_data[n].get("drugbank_id")]
        if drugs:
            found.append((mesh_id, drugs))
    return found


def ground_drug(name: str, abbreviations: Mapping[str, str] | None = None) -> DrugRecord | None:
    """The checked record of a drug name, brand, code name or (with the document's
    ``abbreviations``) a defined short form: ``ground_drug("Revlimid").ids`` →
    ``("DRUGBANK:DB00480", "MESH:D000077269")``."""
    from pipeline.ner.lexicons import drug_index
    from pipeline.ner.terms import term_key

    name = (abbreviations or {}).get(name.strip(), name.strip())
    concept = drug_index().lookup(term_key(name), frozenset({"DRUG"}))
    if concept is None:
        return None
    return DrugRecord(concept.norm, concept.ids, concept.kind)
