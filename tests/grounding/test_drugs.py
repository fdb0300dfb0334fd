"""Drug grounding: the id test table, the conflict rules and every reviewed override."""

import csv
import re
from pathlib import Path

import pytest

from pipeline.grounding import ground_drug
from pipeline.grounding.drugs import (
    build_records,
    drug_records,
    generic_name,
    load_drug_dictionary,
    mesh_id_problems,
    read_overrides,
    shared_mesh_ids,
)
from pipeline.grounding.tables import read_tsv
from pipeline.resources import DATA_DIR
from tests.conftest import SHARED, needs_shared

HERE = Path(__file__).parent
OVERRIDES = list(read_tsv(DATA_DIR / "drug_id_overrides.tsv"))


def drugbank_of(name: str, defined_as: str = "") -> str:
    record = ground_drug(name, {name: defined_as} if defined_as else None)
    ids = [i for i in (record.ids if record else ()) if i.startswith("DRUGBANK:")]
    return ids[0].split(":", 1)[1] if ids else ""


def test_drug_id_table_is_at_least_98_percent_right():
    rows = list(read_tsv(HERE / "drug_ids.tsv"))
    assert len(rows) >= 100
    assert {r["kind"] for r in rows} == {"generic", "brand", "synonym", "defined"}
    wrong = [(r["name"], r["drugbank"], drugbank_of(r["name"], r["defined_as"])) for r in rows
             if drugbank_of(r["name"], r["defined_as"]) != r["drugbank"]]
    assert len(wrong) <= 0.02 * len(rows), wrong


def test_brands_synonyms_and_abbreviations_share_the_generic_name():
    names = ["lenalidomide", "Revlimid", "CC-5013"]
    assert {ground_drug(n).name for n in names} == {"lenalidomide"}
    assert ground_drug("LEN", {"LEN": "lenalidomide"}).name == "lenalidomide"
    assert ground_drug("LEN") is None  # only where the document defines it


def test_package_gives_thalidomide_and_lenalidomide_one_mesh_id_and_it_is_detected():
    canonical = load_drug_dictionary()["drug_canonical_to_data"]
    assert canonical["lenalidomide"]["mesh_id"] == canonical["thalidomide"]["mesh_id"]
    problems = dict(mesh_id_problems(canonical))
    assert {"lenalidomide", "thalidomide"} <= set(problems[canonical["lenalidomide"]["mesh_id"]])
    lenalidomide, thalidomide = ground_drug("lenalidomide").ids, ground_drug("thalidomide").ids
    assert "MESH:D000077269" in lenalidomide and "MESH:D013792" in thalidomide
    assert not set(lenalidomide) & set(thalidomide)


def test_shared_mesh_ids_are_dropped_without_an_override():
    canonical = {
        "drug a": {"drugbank_id": "DB1", "mesh_id": "D1"},
        "drug b": {"drugbank_id": "DB2", "mesh_id": "D1"},
        "drug c": {"drugbank_id": "DB3", "mesh_id": "D3"},
    }
    assert shared_mesh_ids(canonical) == {"D1": ["drug a", "drug b"]}
    records = build_records(canonical, {"drug b": {"mesh_id": "D2"}})
    assert records["drug a"].ids == ("DRUGBANK:DB1",)
    assert records["drug b"].ids == ("DRUGBANK:DB2", "MESH:D2")
    assert records["drug c"].ids == ("DRUGBANK:DB3", "MESH:D3")


def test_class_entries_lose_their_mesh_id_and_are_typed_as_classes():
    canonical = {"some inhibitors": {"mesh_id": "D9", "mesh_tree": ["D27.505.519.389"]}}
    record = build_records(canonical, {})["some inhibitors"]
    assert (record.kind, record.ids) == ("class", ())


def test_qualified_and_salt_names_fold_into_the_generic_drug():
    canonical = {
        "ofatumumab": {"drugbank_id": "DB06650"},
        "ofatumumab (chronic lymphocytic leukemia)": {},
        "imatinib": {"drugbank_id": "DB00619"},
        "imatinib mesylate": {"mesh_id": "D0"},
        "other mesylate": {"drugbank_id": "DB9"},
    }
    assert generic_name("ofatumumab (chronic lymphocytic leukemia)", canonical) == "ofatumumab"
    assert generic_name("imatinib mesylate", canonical) == "imatinib"
    assert generic_name("other mesylate", canonical) == "other mesylate"
    assert ground_drug("Arzerra").name == "ofatumumab"
    assert ground_drug("Glivec").name == "imatinib"


@pytest.mark.parametrize("row", OVERRIDES, ids=[f"{r['drug']}-{r['field']}" for r in OVERRIDES])
def test_each_override_is_applied(row):
    """Every reviewed id reaches the drug's record (stoplisted names such as glucose too,
    so that their ids are right wherever they are used)."""
    record = drug_records().get(row["drug"])
    assert record is not None, f"{row['drug']} is not a drug of the dictionary"
    prefix = {"mesh_id": "MESH:", "drugbank_id": "DRUGBANK:"}[row["field"]]
    found = [i for i in record.ids if i.startswith(prefix)]
    assert found == ([prefix + row["value"]] if row["value"] else [])


def test_override_table_is_well_formed():
    for row in OVERRIDES:
        assert row["field"] in {"mesh_id", "drugbank_id"}
        pattern = r"^[CD]\d{6,9}$" if row["field"] == "mesh_id" else r"^DB\d{5}$"
        assert not row["value"] or re.match(pattern, row["value"]), row
        assert row["source"], f"{row['drug']}: say where the id was checked"
    keys = [(r["drug"], r["field"]) for r in OVERRIDES]
    assert len(keys) == len(set(keys))
    assert read_overrides(DATA_DIR / "drug_id_overrides.tsv")["lenalidomide"]["mesh_id"] == "D000077269"


def test_supplement_rows_do_not_contradict_the_dictionary():
    """A supplement row for a dictionary drug takes the dictionary's checked ids; an id
    written there would silently replace them."""
    canonical = load_drug_dictionary()["drug_canonical_to_data"]
    for row in read_tsv(DATA_DIR / "drug_supplement.tsv"):
        if row["norm"] in canonical and canonical[row["norm"]].get("drugbank_id"):
            assert not row["ids"], row
    assert ground_drug("CC-5013").ids == ground_drug("lenalidomide").ids


def test_drug_classes_are_classes():
    for name in ["IMiDs", "BTK inhibitors", "glucocorticoids", "proteasome inhibitors"]:
        assert ground_drug(name).kind == "class", name
    assert ground_drug("IMiDs").name == "immunomodulatory drugs"
    assert ground_drug("lenalidomide").kind == "drug"


@needs_shared
@pytest.mark.shared
def test_mesh_ids_agree_with_pubmed_indexing():
    """Every drug that a real PubMed record in ../shared/samples indexes under a MeSH heading
    of its own name has that MeSH id, or none."""
    indexed: dict[str, str] = {}
    for path in sorted((SHARED / "samples/pubmed-xml").glob("*.xml")):
        text = path.read_text(encoding="utf-8")
        for ui, name in re.findall(r'UI="([CD]\d+)"[^>]*>([^<]+)<', text):
            indexed.setdefault(name.lower(), ui)
    checked = 0
    records = drug_records()
    for name, ui in indexed.items():
        record = records.get(name)
        if record is None or record.name != name or record.kind != "drug":
            continue
        mesh = [i for i in record.ids if i.startswith("MESH:")]
        assert mesh in ([], [f"MESH:{ui}"]), (name, mesh, ui)
        checked += 1
    assert checked >= 50


def test_table_file_is_tab_separated_with_four_columns():
    with open(HERE / "drug_ids.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    assert all(len(row) == 4 for row in csv.reader(lines, delimiter="\t"))
