"""review.csv: what reviewers write survives re-runs, spreadsheets and vanished claims."""

from __future__ import annotations

import csv
import io

import pytest

from pipeline.outputs.review import (
    CHANGED_COLUMN,
    ORPHANS_FILE,
    REASON_DUPLICATE,
    REASON_GONE,
    REASON_NO_ID,
    REVIEW_COLUMNS,
    REVIEW_FILE,
    ReviewFileError,
    ReviewMergeError,
    backups,
    check_nothing_lost,
    document_link,
    keep_backup,
    merge_review,
    read_review_file,
    review_bytes,
    spreadsheet_safe,
    write_review_files,
)
from tests.outputs.builders import DC, NK, TREG, Said, cid, contexts_of, first_merge, make_document, tables_of


def reviewed(tmp_path, edits: dict[int, dict[str, str]], *said: Said):
    """Write review.csv for a run on ``said``, with ``edits`` made by row number."""
    tables = tables_of(make_document("d", list(said or (NK, TREG, DC))))
    merge = first_merge(tables)
    for number, values in edits.items():
        merge.rows[number].update(values)
    write_review_files(tmp_path, merge)
    return tables, read_review_file(tmp_path / REVIEW_FILE)


def rerun(tables, previous, orphans=None):
    merge = merge_review(contexts_of(tables), previous, orphans)
    check_nothing_lost([previous, orphans], merge)
    return merge


def test_a_new_review_has_one_blank_row_per_claim(tmp_path):
    tables, review = reviewed(tmp_path, {})
    assert review.columns == REVIEW_COLUMNS
    assert [r["claim_id"] for r in review.rows] == [c["claim_id"] for c in tables.claims]
    row = review.rows[0]
    assert row["decision"] == row["note"] == ""
    assert (row["drug"], row["cell"], row["direction"], row["assertion"]) == (
        "Lenalidomide", "NK cells", "increase", "asserted")
    assert row["sentence"] == NK.sentence and row["link"] == "in/d.txt"
    assert (tmp_path / REVIEW_FILE).read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
    assert read_review_file(tmp_path / ORPHANS_FILE).rows == []


def test_decisions_notes_and_corrections_are_carried_over(tmp_path):
    edits = {0: {"decision": "accept", "note": "checked, figure 2"},
             1: {"decision": "Rejected ", "note": "number, not function"},
             2: {"decision": "edit", "note": "not hedged", "corrected_assertion": "asserted",
                 "corrected_direction": "no_change"}}
    tables, review = reviewed(tmp_path, edits)
    merge = rerun(tables, review)
    rows = {r["claim_id"]: r for r in merge.rows}
    assert rows[cid(NK)]["decision"] == "accept" and rows[cid(NK)]["note"] == "checked, figure 2"
    assert rows[cid(TREG)]["decision"] == "reject"  # normalized spelling
    assert rows[cid(DC)]["corrected_direction"] == "no_change"
    assert rows[cid(DC)]["corrected_assertion"] == "asserted"
    assert merge.carried == 3 and merge.orphans == [] and merge.changed == 0
    assert set(merge.decisions()) == {cid(NK), cid(TREG), cid(DC)}


@pytest.mark.parametrize(("encoding", "delimiter", "newline"), [
    ("utf-8-sig", ",", "\r\n"), ("cp1252", ";", "\r\n"), ("utf-8", "\t", "\n")])
def test_files_resaved_by_a_spreadsheet_are_read(tmp_path, encoding, delimiter, newline):
    tables, review = reviewed(tmp_path, {}, Said("Lenalidomide expands naïve T cells.", "Lenalidomide",
                                                 "naïve T cells", "expands"))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow([c.upper() if c == "claim_id" else c for c in review.columns])
    row = dict(review.rows[0], decision="Accept", note="naïve – verified")
    writer.writerow([row[c] for c in review.columns])
    (tmp_path / "resaved.csv").write_bytes(buffer.getvalue().encode(encoding))
    resaved = read_review_file(tmp_path / "resaved.csv")
    assert bool(resaved.warnings) == (encoding == "cp1252")
    merge = rerun(tables, resaved)
    assert merge.rows[0]["decision"] == "accept" and merge.rows[0]["note"] == "naïve – verified"
    assert merge.changed == 0  # the context read back equals the context written


def test_reviews_of_vanished_claims_go_to_orphans_and_come_back(tmp_path):
    tables, review = reviewed(tmp_path, {1: {"decision": "reject", "note": "wrong cell"}})
    fewer = tables_of(make_document("d", [NK, DC]))  # the model no longer finds TREG
    merge = rerun(fewer, review)
    assert [o["claim_id"] for o in merge.orphans] == [cid(TREG)]
    orphan = merge.orphans[0]
    assert orphan["reason"] == REASON_GONE and orphan["note"] == "wrong cell"
    assert orphan["sentence"] == TREG.sentence  # the reviewer can still tell what it was
    write_review_files(tmp_path, merge)
    # next run: the claim is found again, and its review comes back from the orphans file
    again = rerun(tables, read_review_file(tmp_path / REVIEW_FILE),
                  read_review_file(tmp_path / ORPHANS_FILE))
    assert again.orphans == [] and again.restored == 1
    assert {r["claim_id"]: r["note"] for r in again.rows}[cid(TREG)] == "wrong cell"


def test_orphans_accumulate_without_repeats(tmp_path):
    _tables, review = reviewed(tmp_path, {0: {"decision": "accept"}, 1: {"note": "check"}})
    nothing = tables_of(make_document("d", [DC]))
    merge = rerun(nothing, review)
    write_review_files(tmp_path, merge)
    orphans = read_review_file(tmp_path / ORPHANS_FILE)
    # the same old file passed again (--review) must not duplicate the orphans
    merge = rerun(nothing, review, orphans)
    assert sorted(o["claim_id"] for o in merge.orphans) == sorted([cid(NK), cid(TREG)])
    assert merge.new_orphans == 0


def test_an_orphan_names_the_claim_that_looks_like_it(tmp_path):
    tables, review = reviewed(tmp_path, {0: {"decision": "accept"}})
    for row in review.rows:  # as if the ids had changed (e.g. a different section id scheme)
        row["claim_id"] = "old-" + row["claim_id"]
    merge = rerun(tables, review)
    assert merge.orphans[0]["candidate_claim_id"] == cid(NK)


def test_rows_without_id_and_conflicting_duplicates_are_kept_as_orphans(tmp_path):
    tables, review = reviewed(tmp_path, {0: {"decision": "accept"}})
    added = dict.fromkeys(review.columns, "")
    added.update(drug="pomalidomide", cell="NK cells", note="missed claim, figure 3")
    duplicate = dict(review.rows[0], decision="reject")
    same = dict(review.rows[0])
    review.rows += [added, duplicate, same]
    merge = rerun(tables, review)
    reasons = sorted((o["reason"], o["decision"]) for o in merge.orphans)
    assert reasons == [(REASON_NO_ID, ""), (REASON_DUPLICATE, "reject")]
    assert merge.rows[0]["decision"] == "accept"


def test_columns_a_reviewer_adds_are_carried(tmp_path):
    tables, review = reviewed(tmp_path, {})
    text = (tmp_path / REVIEW_FILE).read_text(encoding="utf-8-sig").splitlines()
    text[0] += ",curator,"  # a named and an unnamed column
    text[1] += ",JD,see PMC"
    (tmp_path / REVIEW_FILE).write_text("\n".join(text) + "\n", encoding="utf-8")
    review = read_review_file(tmp_path / REVIEW_FILE)
    merge = rerun(tables, review)
    assert merge.columns[-2:] == ["curator", f"column_{len(REVIEW_COLUMNS) + 2}"]
    assert merge.rows[0]["curator"] == "JD" and merge.rows[0][merge.columns[-1]] == "see PMC"
    assert merge.decisions()[cid(NK)]["curator"] == "JD"


def test_changes_to_a_reviewed_claim_are_pointed_out(tmp_path):
    _tables, review = reviewed(tmp_path, {0: {"decision": "accept"}})
    review.rows[1]["direction"] = "increase"  # edited in place, no decision: not reviewed
    changed = Said(NK.sentence, NK.drug, NK.cell, NK.trigger, direction="decrease")
    merge = rerun(tables_of(make_document("d", [changed, TREG, DC])), review)
    assert merge.rows[0][CHANGED_COLUMN] == "direction: review file had 'increase', run has 'decrease'"
    assert merge.rows[1][CHANGED_COLUMN] == "" and merge.changed == 1
    write_review_files(tmp_path, merge)
    # kept until the reviewer clears it, and not repeated
    rerun_tables = tables_of(make_document("d", [changed, TREG, DC]))
    again = rerun(rerun_tables, read_review_file(tmp_path / REVIEW_FILE))
    assert again.rows[0][CHANGED_COLUMN] == merge.rows[0][CHANGED_COLUMN]


def test_values_the_summary_cannot_use_are_kept_and_warned_about(tmp_path):
    tables, review = reviewed(tmp_path, {0: {"decision": "maybe"}, 1: {"corrected_direction": "up"},
                                         2: {"decision": "edit", "corrected_direction": "sideways"}})
    merge = rerun(tables, review)
    assert merge.rows[0]["decision"] == "maybe"
    warnings = "\n".join(merge.warnings)
    assert "decision 'maybe'" in warnings and f"e.g. {cid(NK)}" in warnings
    assert f"without decision 'edit' are kept but not applied: 1 row(s), e.g. {cid(TREG)}" in warnings
    assert "corrected_direction 'up'" in warnings and "corrected_direction 'sideways'" in warnings


def test_the_merge_refuses_to_lose_a_value(tmp_path):
    tables, review = reviewed(tmp_path, {0: {"decision": "accept", "note": "keep me"}})
    merge = merge_review(contexts_of(tables), review, None)
    merge.rows[0]["note"] = ""
    with pytest.raises(ReviewMergeError, match=cid(NK)):
        check_nothing_lost([review], merge)


def test_backups_are_numbered_and_only_made_when_something_changes(tmp_path):
    path = tmp_path / REVIEW_FILE
    assert keep_backup(path, b"new") is None  # nothing to keep yet
    path.write_bytes(b"v1")
    assert keep_backup(path, b"v1") is None  # unchanged: no backup
    assert keep_backup(path, b"v2").name == "review.1.bak.csv"
    assert keep_backup(path, b"v2").name == "review.1.bak.csv"  # already kept, not copied again
    path.write_bytes(b"v2")
    assert keep_backup(path, b"v3").name == "review.2.bak.csv"
    assert [p.name for p in backups(path)] == ["review.1.bak.csv", "review.2.bak.csv"]
    assert (tmp_path / "review.1.bak.csv").read_bytes() == b"v1"


def test_write_review_files_keeps_the_previous_file(tmp_path):
    _tables, review = reviewed(tmp_path, {0: {"decision": "accept"}})
    before = (tmp_path / REVIEW_FILE).read_bytes()
    merge = rerun(tables_of(make_document("d", [NK, TREG])), review)
    written = write_review_files(tmp_path, merge)
    assert written[REVIEW_FILE] == "review.1.bak.csv"
    assert (tmp_path / "review.1.bak.csv").read_bytes() == before
    assert (tmp_path / REVIEW_FILE).read_bytes() == review_bytes(merge.rows, merge.columns)


def test_text_a_spreadsheet_would_run_is_guarded():
    assert spreadsheet_safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert spreadsheet_safe("-2-fold") == "'-2-fold" and spreadsheet_safe("IL-2") == "IL-2"


def test_links_prefer_pubmed_then_doi_then_the_file():
    assert document_link({"pmid": "19", "doi": "10.1/x"}) == "https://pubmed.ncbi.nlm.nih.gov/19/"
    assert document_link({"pmid": "", "doi": "10.1/x"}) == "https://doi.org/10.1/x"
    assert document_link({"source": "a/b.txt", "doi": "javascript:x"}) == "a/b.txt"


def test_a_file_that_is_not_a_review_is_refused(tmp_path):
    path = tmp_path / "review.csv"
    path.write_text("drug,cell\nx,y\n")
    with pytest.raises(ReviewFileError, match="no claim_id column"):
        read_review_file(path)
