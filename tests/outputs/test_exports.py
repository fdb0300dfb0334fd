"""Exports for curation tools: brat standoff, BioC JSON, Parquet."""

from __future__ import annotations

import json
import sys

import pytest

from pipeline.outputs.exports import (
    Annotation,
    _brat_fragments,
    bioc_collection,
    write_bioc,
    write_brat,
)
from pipeline.outputs.parquet import ParquetUnavailable, require_pyarrow, write_parquet
from pipeline.outputs.writers import CLAIM_COLUMNS
from tests.outputs.builders import DC, NK, TREG, Said, cid, make_document, tables_of

IMPLICIT = Said("Treatment is required to enhance the killing by T cells.", "Lenalidomide", "T cells",
                "enhance", effect="killing", implicit=True, drug_norm="lenalidomide")


def sample_tables():
    return tables_of(make_document("a", [NK, IMPLICIT, TREG], pmid="123", title="Lenalidomide and NK cells"),
                     make_document("b", [DC], doi="10.1/b"))


def test_brat_files_hold_entities_triggers_and_one_relation_per_claim(tmp_path):
    brat = pytest.importorskip("bioc.brat.decoder")
    validator = pytest.importorskip("bioc.brat.validator")
    tables = sample_tables()
    write_brat(tmp_path, tables)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.ann", "a.txt", "annotation.conf", "b.ann", "b.txt", "visual.conf"]
    document = brat.loads((tmp_path / "a.txt").read_text(), (tmp_path / "a.ann").read_text(), "a")
    validator.validate(document)  # every span's text is the text at its offsets; every id exists
    assert (tmp_path / "a.txt").read_text().startswith("Lenalidomide and NK cells\n\n" + NK.sentence)
    by_id = {e.id: e for e in document.entities}
    relations = {r.id: r for r in document.relations}
    assert len(relations) == 3
    notes = {n.refid: n.text for n in document.notes}
    for relation in relations.values():
        drug, cell = by_id[relation.arguments["Arg1"]], by_id[relation.arguments["Arg2"]]
        assert drug.type == "DRUG" and cell.type == "CELL"
        assert "claim_id=" in notes[relation.id]
    implicit = next(r for r in relations.values() if f"claim_id={cid(IMPLICIT, 'a')}" in notes[r.id])
    # the implicit claim's drug is its antecedent: the mention in the sentence before
    assert by_id[implicit.arguments["Arg1"]].text == "Lenalidomide"
    assert by_id[implicit.arguments["Arg1"]].total_span[0] == len("Lenalidomide and NK cells\n\n")
    assert {r.type for r in relations.values()} == {"Increase", "Decrease"}
    assert {e.type for e in document.entities} == {"DRUG", "CELL", "Trigger"}
    config = (tmp_path / "annotation.conf").read_text()
    assert "Increase\tArg1:DRUG, Arg2:CELL|CELL_LINE" in config


def test_brat_splits_a_mention_across_a_line_break():
    annotation = Annotation("T1", "CELL", 10, 18, "NK\ncells")
    assert _brat_fragments(annotation) == ("10 12;13 18", "NK cells")


def test_bioc_json_validates_and_carries_claims_as_relations(tmp_path):
    biocjson = pytest.importorskip("bioc.biocjson")
    from bioc.validator import BioCValidator

    tables = sample_tables()
    write_bioc(tmp_path / "claims.bioc.json", tables, "drug-cell-claims test")
    collection = biocjson.loads((tmp_path / "claims.bioc.json").read_text())
    BioCValidator().validate(collection)  # annotation text at its offsets; relation nodes exist
    first = collection.documents[0]
    assert first.id == "a" and first.infons["pmid"] == "123"
    assert [p.infons["type"] for p in first.passages] == ["title", "abstract"]
    relations = {r.infons["claim_id"]: r for r in first.relations}
    assert set(relations) == {cid(NK, "a"), cid(IMPLICIT, "a"), cid(TREG, "a")}
    nk = relations[cid(NK, "a")]
    assert {n.role for n in nk.nodes} == {"drug", "cell", "trigger"}
    assert nk.infons["effect_category"] == "proliferation" and nk.infons["direction"] == "increase"
    assert relations[cid(IMPLICIT, "a")].infons["implicit"] == "true"


def test_bioc_collection_has_no_date_so_runs_compare_equal():
    tables = sample_tables()
    first, second = bioc_collection(tables, "x"), bioc_collection(tables_of(*tables.documents), "x")
    assert first["date"] == "" and json.dumps(first) == json.dumps(second)


def test_parquet_keeps_types_lists_and_nulls(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    tables = sample_tables()
    write_parquet(tmp_path / "claims.parquet", tables.claims, CLAIM_COLUMNS)
    read = parquet.read_table(tmp_path / "claims.parquet")
    assert read.column_names == CLAIM_COLUMNS
    rows = read.to_pylist()
    assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in tables.claims]
    implicit = next(r for r in rows if r["implicit"])
    assert implicit["drug_start"] is None and implicit["cell_ids"] == []
    assert rows[0]["cell_ids"] == ["CL:0000623"] and isinstance(rows[0]["confidence"], float)
    assert str(read.schema.field("sentence_start").type) == "int64"


def test_a_missing_pyarrow_is_one_line_saying_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ParquetUnavailable, match=r"needs pyarrow: pip install 'drug-cell-claims\[parquet\]'"):
        require_pyarrow()


def test_a_pyarrow_that_cannot_load_says_why(monkeypatch):
    pytest.importorskip("pyarrow")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParquetUnavailable, match="cannot be imported"):
        require_pyarrow()
