"""The data model's rows (pipeline/schema.py)."""

from __future__ import annotations

from dataclasses import asdict

from pipeline.schema import Claim, Entity


def entity() -> Entity:
    return Entity("d1", "abstract", "abstract", 4, 12, "NK cells", "CELL", "natural killer cell",
                  ["CL:0000623"], "cell-lexicon", "exact", {"species": "human"})


def claim() -> Claim:
    return Claim("c1", "d1", "1", "abstract", "abstract", "X activates NK cells.", 0, 21, "X", "x",
                 ["DB:1"], 0, 1, "NK cells", "natural killer cell", ["CL:0000623"], 12, 20,
                 "activation", "increase", "asserted", False, "activates", "path", 0.9)


def test_rows_are_what_asdict_gives_in_field_order():
    for record in (entity(), claim()):
        assert record.to_row() == asdict(record)
        assert list(record.to_row()) == list(asdict(record))


def test_a_row_owns_its_lists_and_dicts():
    record = entity()
    row = record.to_row()
    row["ids"].append("CL:0000000")
    row["qualifiers"]["species"] = "mouse"
    assert record.ids == ["CL:0000623"] and record.qualifiers == {"species": "human"}
