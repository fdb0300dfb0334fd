"""The streamed writer (RunWriter): the same files as the in-memory writers, without
holding the run's rows."""

from __future__ import annotations

import csv
import gc
import weakref
from pathlib import Path

import pytest

from pipeline.outputs.bundle import (
    BIOC_FILE,
    BRAT_FOLDER,
    REPORT_FILE,
    SUMMARY_FILE,
    load_previous_review,
)
from pipeline.outputs.exports import write_bioc, write_brat
from pipeline.outputs.report import render_report, report_payload
from pipeline.outputs.review import (
    REVIEW_COLUMNS,
    check_nothing_lost,
    context_row,
    merge_review,
    write_review_files,
)
from pipeline.outputs.stream import RunWriter
from pipeline.outputs.summary import SUMMARY_COLUMNS, summarize
from pipeline.outputs.tables import (
    DocumentOutput,
    EntityLines,
    RunTables,
    build_tables,
    ordered_entities,
)
from pipeline.outputs.writers import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    ERROR_COLUMNS,
    SECTION_COLUMNS,
    atomic_open,
    csv_lines,
    jsonl_line,
    write_csv,
    write_jsonl,
)
from tests.outputs.builders import DC, NK, TREG, Said, cid, make_document

HOSTILE = Said("Lenalidomide </script> & 𝛼-CD3 increases <b>NK cells</b>.", "Lenalidomide",
               "NK cells", "increases")
ERRORS = [{"source": "in/bad.xml", "doc_id": "bad", "stage": "read", "error": "binary file"}]


class Row(dict):
    """A row that can be watched with a weak reference."""


def documents() -> list[DocumentOutput]:
    """Two documents under one name (claim ids get -2), one in error, one without claims,
    text a page must escape and characters outside the BMP."""
    return [
        make_document("a", [NK, TREG], pmid="123", title="Lenalidomide and NK cells"),
        make_document("b", [DC, HOSTILE], doi="10.1/b"),
        DocumentOutput({"doc_id": "bad", "source": "in/bad.xml", "status": "error",
                        "error": "binary file"}),
        make_document("a", [NK], pmid="123"),
        make_document("empty", []),
    ]


def reference_outputs(out: Path, tables: RunTables, errors, previous, formats) -> None:
    """What the run wrote before it streamed: every table built in memory, then written."""
    contexts = [context_row(claim, tables.documents[claim["_doc"]].row) for claim in tables.claims]
    merge = merge_review(contexts, previous.review, previous.orphans)
    check_nothing_lost([previous.review, previous.orphans], merge)
    summary_rows, membership = summarize(tables.claims, merge.decisions())
    report = render_report(report_payload(tables, merge, summary_rows, membership,
                                          {"version": "test"}))
    write_csv(out / "claims.csv", tables.claims, CLAIM_COLUMNS)
    write_jsonl(out / "claims.jsonl", tables.claims, CLAIM_COLUMNS)
    write_csv(out / "entities.csv", tables.entities, ENTITY_COLUMNS)
    write_jsonl(out / "entities.jsonl", tables.entities, ENTITY_COLUMNS)
    write_jsonl(out / "sections.jsonl", tables.sections, SECTION_COLUMNS)
    write_csv(out / "documents.csv", tables.document_rows, DOCUMENT_COLUMNS)
    write_jsonl(out / "errors.jsonl", errors, ERROR_COLUMNS)
    write_csv(out / SUMMARY_FILE, summary_rows, SUMMARY_COLUMNS)
    write_review_files(out, merge)
    with atomic_open(out / REPORT_FILE) as handle:
        handle.write(report)
    if "brat" in formats:
        write_brat(out / BRAT_FOLDER, tables)
    if "bioc" in formats:
        write_bioc(out / BIOC_FILE, tables, "drug-cell-claims test")
    if "parquet" in formats:
        from pipeline.outputs.parquet import write_parquet

        for name, rows, columns in (("claims", tables.claims, CLAIM_COLUMNS),
                                    ("entities", tables.entities, ENTITY_COLUMNS),
                                    ("sections", tables.sections, SECTION_COLUMNS),
                                    ("documents", tables.document_rows, DOCUMENT_COLUMNS),
                                    ("claims_summary", summary_rows, SUMMARY_COLUMNS),
                                    ("errors", errors, ERROR_COLUMNS)):
            write_parquet(out / f"{name}.parquet", rows, columns)


def previous_review(folder: Path) -> None:
    """A review.csv with every kind of decision, an added column and a claim that is gone."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"claim_id": cid(NK, "a"), "decision": "accept", "curator": "me"},
            {"claim_id": cid(TREG, "a"), "decision": "edit", "corrected_direction": "increase"},
            {"claim_id": cid(DC, "b"), "decision": "reject", "note": "not a claim"},
            {"claim_id": f"{cid(NK, 'a')}-2", "decision": "Accepted "},
            {"claim_id": "gone", "decision": "accept", "drug": "x", "cell": "y"}]
    with (folder / "review.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*REVIEW_COLUMNS, "curator"], restval="")
        writer.writeheader()
        writer.writerows(rows)


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def as_stored(document: DocumentOutput, parse_entities: bool) -> DocumentOutput:
    """The document as a re-run takes it from the result store: its entity rows as the
    written lines of the entity tables, parsed again only where they are read."""
    if document.row.get("status") == "error":
        return document
    entities = ordered_entities(document.entities, document.sections)
    lines = EntityLines(len(entities), csv_lines(entities, ENTITY_COLUMNS),
                        "".join(jsonl_line(e, ENTITY_COLUMNS) for e in entities))
    kept = lines.rows() if parse_entities or document.claims else []
    return DocumentOutput(document.row, document.claims, kept, document.sections, lines)


@pytest.mark.parametrize("stored", [False, True])
@pytest.mark.parametrize("formats", [(), ("brat", "bioc", "parquet")])
def test_streamed_files_are_the_files_written_from_tables_in_memory(tmp_path, formats, stored):
    if "parquet" in formats:
        pytest.importorskip("pyarrow")
    before, streamed = tmp_path / "before", tmp_path / "streamed"
    for folder in (before, streamed):
        previous_review(folder)
    reference_outputs(before, build_tables(documents()), ERRORS, load_previous_review(before), formats)

    writer = RunWriter(streamed, load_previous_review(streamed), formats, {"version": "test"})
    given = [as_stored(d, bool(formats)) for d in documents()] if stored else documents()
    for document in given:
        writer.add(document)
    record = writer.finish(ERRORS)

    expected, written = files(before), files(streamed)
    assert sorted(written) == sorted(expected)
    assert [name for name in expected if expected[name] != written[name]] == []
    assert (writer.n_claims, writer.n_entities) == (5, 10)
    assert record.review["carried"] == 4 and record.review["orphans"] == 1
    assert any("-N suffix" in warning for warning in record.warnings)


def test_the_writer_keeps_no_document_once_it_is_written(tmp_path):
    """Every row of a document (its entities, sections, claims and documents.csv row) is
    freed once the next document is written: memory does not grow with the tables."""
    watched: list[list[weakref.ref]] = []

    def stream():
        for k in range(30):
            document = make_document(f"d{k}", [NK, DC], pmid=str(k))
            document = DocumentOutput(Row(document.row), [Row(c) for c in document.claims],
                                      [Row(e) for e in document.entities],
                                      [Row(s) for s in document.sections])
            rows = [document.row, *document.claims, *document.entities, *document.sections]
            watched.append([weakref.ref(row) for row in rows])
            yield document
            del document, rows
            gc.collect()
            assert all(ref() is None for refs in watched[:-1] for ref in refs), k

    writer = RunWriter(tmp_path, load_previous_review(tmp_path), ("brat", "bioc"), {"version": "t"})
    for document in stream():
        writer.add(document)
    writer.finish([])
    assert len((tmp_path / "claims.jsonl").read_text().splitlines()) == 60
    assert len(list((tmp_path / BRAT_FOLDER).glob("*.ann"))) == 30


def test_an_aborted_writer_leaves_the_folder_as_it_was(tmp_path):
    (tmp_path / "claims.csv").write_text("old\n")
    writer = RunWriter(tmp_path, load_previous_review(tmp_path), ("brat", "bioc"), {"version": "t"})
    for document in documents():
        writer.add(document)
    writer.abort()
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]
    assert (tmp_path / "claims.csv").read_text() == "old\n"


def test_the_runner_streams_documents_into_the_writer(tmp_path, monkeypatch, nlp):
    """A run never builds the tables in memory: each stored document goes to the writer."""
    from pipeline.engine.runner import RunOptions, run
    from pipeline.outputs import tables

    def refuse(*args, **kwargs):
        raise AssertionError("the runner built the tables in memory")

    monkeypatch.setattr(tables, "build_tables", refuse)
    added = []
    original = RunWriter.add
    monkeypatch.setattr(RunWriter, "add", lambda self, document: (added.append(document.row["doc_id"]),
                                                                  original(self, document)))
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in range(3):
        (inputs / f"doc-{k}.txt").write_text(f"Lenalidomide enhances NK cell cytotoxicity ({k}).")
    summary = run(RunOptions([str(inputs)], out=tmp_path / "out", workers=1), nlp=nlp)
    assert added == ["doc-0", "doc-1", "doc-2"]
    assert summary.n_claims == 3 and (tmp_path / "out" / "report.html").exists()


def test_a_new_writer_removes_what_a_killed_run_left(tmp_path):
    """A run killed with -9 cannot remove its temporary tables; the next run does."""
    (tmp_path / ".claims.csv.k3j2.tmp").write_text("half a row")
    (tmp_path / ".brat.x1.tmp").mkdir()
    (tmp_path / ".brat.x1.tmp" / "a.ann").write_text("T1")
    (tmp_path / ".cache-results-1-2.jsonl").write_text("kept\n")
    writer = RunWriter(tmp_path, load_previous_review(tmp_path), (), {"version": "t"})
    writer.finish([])
    assert not list(tmp_path.glob(".*.tmp"))
    assert (tmp_path / ".cache-results-1-2.jsonl").read_text() == "kept\n"
