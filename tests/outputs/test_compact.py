"""Rows kept until the end of a run, stored as tuples of shared values."""

from pipeline.outputs.compact import CompactRows


def test_rows_read_back_by_column_and_share_repeated_values():
    rows = CompactRows(["claim_id", "direction", "cell_ids", "confidence"])
    for k in range(3):
        rows.append({"claim_id": f"c{k}", "direction": "".join(["incr", "ease"]),
                     "cell_ids": ["CL:0000623"], "confidence": 0.9, "ignored": "x"})
    assert len(rows) == 3
    first, last = rows[0], rows[2]
    assert dict(first) == {"claim_id": "c0", "direction": "increase", "cell_ids": ("CL:0000623",),
                           "confidence": 0.9}
    assert last["claim_id"] == "c2" and last.get("missing") is None
    assert first["direction"] is last["direction"]  # one string object for all claims
    assert [row["claim_id"] for row in rows] == ["c0", "c1", "c2"]


def test_a_column_the_row_lacks_is_none():
    rows = CompactRows(["claim_id", "note"])
    rows.append({"claim_id": "c1"})
    assert rows[0]["note"] is None and "note" in rows[0]
