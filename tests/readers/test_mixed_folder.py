"""One command over a folder mixing every format and every bad input."""

from __future__ import annotations

import csv
import gzip
import json
import shutil

from typer.testing import CliRunner

from pipeline.cli import EXIT_SOME_FAILED, app
from tests.conftest import EXAMPLE
from tests.readers import fixtures

GOOD = {
    "set.xml": fixtures.pubmed_xml(["11", "22", "33"], broken={"22"}),
    "set2.xml.gz": gzip.compress(fixtures.pubmed_xml(["44"])),
    "export.nbib": fixtures.MEDLINE.encode(),
    "pubtator.txt": fixtures.PUBTATOR.encode(),
    "bioc.xml": fixtures.BIOC_XML,
    "bioc.json": fixtures.BIOC_JSON.encode(),
    "article.nxml": fixtures.JATS,
    "page.html": fixtures.HTML.encode(),
    "note.txt": b"Thalidomide stimulates CD8+ T cells.",
    "latin1.txt": "Lenalidomide enhances naïve T cells.".encode("latin-1"),
    "utf16.txt": b"\xff\xfe" + "Lenalidomide enhances NK cells.".encode("utf-16-le"),
}
BAD = {
    "empty.txt": b"",
    "random.bin": bytes(range(256)) * 64,
    "bomb.xml": fixtures.BILLION_LAUGHS,
    "secret.nxml": fixtures.EXTERNAL_ENTITY_JATS,
    "cut.xml.gz": gzip.compress(fixtures.pubmed_xml(["9"] * 30))[:200],
    "deep.nxml": b"<article>" + b"<sec>" * 3000 + b"</sec>" * 3000 + b"</article>",
    "long.txt": ("word " * 400_000).encode(),
}


def test_every_input_is_accounted_for(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    for name, data in {**GOOD, **BAD}.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    documents = list(csv.DictReader((out / "documents.csv").open(encoding="utf-8")))
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    sources = {row["source"].rsplit("/", 1)[-1] for row in documents}
    assert sources == set(GOOD) | set(BAD) | {EXAMPLE.name}
    error_sources = {e["source"].rsplit("/", 1)[-1] for e in errors}
    assert set(BAD) | {"set.xml", "export.nbib"} == error_sources
    ok = {row["doc_id"]: row for row in documents if row["status"] == "ok"}
    assert {"11", "33", "44", "111", "222", "note", "latin1", "utf16", "page", "article",
            "ramsay-2009-haematologica"} <= set(ok)
    formats = {row["format"] for row in documents if row["status"] == "ok"}
    assert formats == {"pubmed-xml", "medline", "pubtator", "bioc", "jats", "html", "text",
                       "pubmed-page"}
    assert ok["article"]["n_figures"] == "2"
    # nothing from outside the inputs leaks into any output
    for path in out.iterdir():
        assert "root:x:0:0" not in path.read_text(encoding="utf-8", errors="replace")
    entities = [json.loads(line) for line in (out / "entities.jsonl").read_text().splitlines()]
    assert any(e["source"] == "input" and e["label"] == "Chemical" for e in entities)


def test_documents_table_carries_the_metadata(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "set.xml").write_bytes(fixtures.pubmed_xml(["11"]))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader((out / "documents.csv").open(encoding="utf-8")))
    assert (row["pmid"], row["pmcid"], row["doi"]) == ("11", "PMC11", "10.1/11")
    assert row["authors"] == "Doe, Jane|Test Group"
    assert row["mesh_terms"] == "Killer Cells, Natural"
    assert row["publication_types"] == "Review"


def test_a_ten_megabyte_line_is_reported_in_one_clear_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("word " * 2_000_000)
    shutil.copy(EXAMPLE, folder)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet",
                                      "--workers", "1"])
    assert result.exit_code == EXIT_SOME_FAILED
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors[0]["stage"] == "nlp"
    assert "10,000,000 characters" in errors[0]["error"]
