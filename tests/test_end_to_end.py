"""End to end: the CLI on corpus/, bad inputs, exit codes, and the output tables."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_SOME_FAILED, EXIT_USAGE, app
from tests.conftest import CORPUS, EXAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(CORPUS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, result


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_all_outputs_are_written(corpus_run):
    out, result = corpus_run
    for name in ("claims.csv", "claims.jsonl", "entities.csv", "entities.jsonl", "sections.jsonl",
                 "documents.csv", "errors.jsonl", "run.json"):
        assert (out / name).exists(), name
    assert "1 documents" in result.output and "0 errors" in result.output


def test_example_claims(corpus_run):
    out, _ = corpus_run
    claims = read_jsonl(out / "claims.jsonl")
    pairs = {(c["drug_norm"], c["cell"], c["direction"]) for c in claims}
    assert ("lenalidomide", "NK cells", "increase") in pairs
    assert ("lenalidomide", "stromal cells", "unclear") in pairs
    assert ("lenalidomide", "chronic lymphocytic leukemia T-cell", "increase") in pairs
    assert len({c["claim_id"] for c in claims}) == len(claims)
    assert all(c["drug_norm"] != "rituximab" for c in claims)


def test_offsets_index_sections_and_file(corpus_run):
    out, _ = corpus_run
    sections = {s["section_id"]: s for s in read_jsonl(out / "sections.jsonl")}
    source = EXAMPLE.read_text(encoding="utf-8")
    for claim in read_jsonl(out / "claims.jsonl"):
        text = sections[claim["section_id"]]["text"]
        assert text[claim["cell_start"]:claim["cell_end"]] == claim["cell"]
        assert text[claim["sentence_start"]:claim["sentence_end"]] == claim["sentence"]
        if claim["drug_start"] is not None:
            assert text[claim["drug_start"]:claim["drug_end"]] == claim["drug"]
    for entity in read_jsonl(out / "entities.jsonl"):
        section = sections[entity["section_id"]]
        start = section["offset"] + entity["start"]
        assert source[start:start + len(entity["text"])] == entity["text"]


def test_documents_table_and_run_record(corpus_run):
    out, _ = corpus_run
    rows = list(csv.DictReader((out / "documents.csv").open()))
    assert rows[0]["doc_id"] == "ramsay-2009-haematologica"
    assert rows[0]["status"] == "ok" and rows[0]["n_figures"] == "2"
    assert int(rows[0]["n_claims"]) >= 6
    record = json.loads((out / "run.json").read_text())
    assert record["counts"]["claims"] == int(rows[0]["n_claims"])
    assert record["models"]["core"]["checksum"]
    assert "cell_lexicon" in record["lexicons"]


def test_navigation_references_and_mesh_never_reach_ner(corpus_run):
    out, _ = corpus_run
    texts = " ".join(s["text"] for s in read_jsonl(out / "sections.jsonl"))
    assert "Krackhardt" not in texts and "official website" not in texts


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(EXAMPLE, inputs)
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "latin1.txt").write_bytes(
        "Lenalidomide enhances the proliferation of naïve T cells.".encode("latin-1"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"])
    assert result.exit_code == EXIT_SOME_FAILED
    errors = {e["doc_id"]: e for e in read_jsonl(out / "errors.jsonl")}
    assert set(errors) == {"empty", "binary"}
    assert errors["binary"]["stage"] == "read"
    documents = {r["doc_id"]: r for r in csv.DictReader((out / "documents.csv").open())}
    assert documents["latin1"]["status"] == "ok"
    assert "Latin-1" in documents["latin1"]["warnings"]
    assert documents["ramsay-2009-haematologica"]["status"] == "ok"
    claims = read_jsonl(out / "claims.jsonl")
    assert any(c["doc_id"] == "latin1" and c["cell"] == "naïve T cells" for c in claims)


def test_missing_path_is_a_one_line_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "nope"), "--out",
         str(tmp_path / "o")], capture_output=True, text=True)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip().startswith("error: no such file or folder")
    assert "Traceback" not in result.stderr


def test_help_explains_every_option():
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--sections", "--core-model", "--quiet"):
        assert option in result.output


def test_info_lists_models_and_lexicons():
    result = runner.invoke(app, ["info"])
    data = json.loads(result.output)
    assert data["core_model"]["exists"] and data["lexicons"]["cell_lexicon"]["exists"]


def test_python_api():
    from pipeline import extract

    claims = extract("Lenalidomide restores T-cell actin cytoskeletal signaling.")
    assert [(c.drug_norm, c.cell, c.direction) for c in claims] == [
        ("lenalidomide", "T-cell", "increase")]
