"""The output folder of real runs (models loaded): byte-identical re-runs, reviews that
survive them, documents read twice, extra formats, and option errors that stop a run
before it starts."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_USAGE, app
from tests.conftest import EXAMPLE, ROOT

runner = CliRunner()
STABLE_FILES = ["claims.jsonl", "claims.csv", "entities.csv", "entities.jsonl", "sections.jsonl",
                "documents.csv", "errors.jsonl", "claims_summary.csv", "review.csv",
                "review_orphans.csv", "report.html", "claims.bioc.json"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The example under two names, and a plain-text note with text that must stay text."""
    folder = tmp_path_factory.mktemp("in")
    shutil.copy(EXAMPLE, folder / "ramsay-2009.txt")
    shutil.copy(EXAMPLE, folder / "ramsay-2009-copy.txt")
    (folder / "note.txt").write_text(
        "Lenalidomide enhances the proliferation of naïve T cells <script>alert(1)</script>.\n",
        encoding="utf-8")
    return folder


def run_process(inputs, out, seed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out),
                           "--quiet", "--formats", "brat,bioc"], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False)


def read_csv(path):
    return list(csv.DictReader(path.open(encoding="utf-8-sig")))


def test_two_runs_give_byte_identical_files(inputs, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out, seed in ((first, "1"), (second, "2")):
        result = run_process(inputs, out, seed)
        assert result.returncode == 0, result.stderr
    for name in STABLE_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    brat = sorted(p.name for p in (first / "brat").iterdir())
    assert brat == sorted(p.name for p in (second / "brat").iterdir())
    assert all((first / "brat" / n).read_bytes() == (second / "brat" / n).read_bytes() for n in brat)
    claims = [json.loads(line) for line in (first / "claims.jsonl").read_text().splitlines()]
    assert len(claims) >= 14 and len({c["claim_id"] for c in claims}) == len(claims)
    timestamp = json.loads((first / "run.json").read_text())["started"]
    for name in STABLE_FILES:  # times go to run.json only
        assert timestamp[:10] not in (first / name).read_text(encoding="utf-8"), name


def test_a_document_read_under_two_names_counts_as_two(inputs, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"]).exit_code == 0
    rows = [r for r in read_csv(out / "claims_summary.csv") if "ramsay-2009" in r["doc_ids"]]
    assert rows and all(r["n_docs"] == "2" and r["doc_ids"] == "ramsay-2009|ramsay-2009-copy"
                        for r in rows)
    assert sum(int(r["n_claims"]) for r in rows) == 2 * sum(
        1 for c in read_csv(out / "claims.csv") if c["doc_id"] == "ramsay-2009")


def edit_three_rows(review):
    rows = read_csv(review)
    edits = {rows[0]["claim_id"]: {"decision": "accept", "note": "ok, figure 1"},
             rows[1]["claim_id"]: {"decision": "reject", "note": "cell is the target, not the effector"},
             rows[2]["claim_id"]: {"decision": "edit", "note": "direction",
                                   "corrected_direction": "no_change"}}
    for row in rows:
        row.update(edits.get(row["claim_id"], {}))
    with review.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\r\n")  # as Excel saves it
        writer.writeheader()
        writer.writerows(rows)
    return edits


def test_review_decisions_and_notes_survive_a_re_run(inputs, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"]).exit_code == 0
    n_counted = sum(int(r["n_claims"]) for r in read_csv(out / "claims_summary.csv"))
    edits = edit_three_rows(out / "review.csv")
    edited = (out / "review.csv").read_bytes()
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    rows = {r["claim_id"]: r for r in read_csv(out / "review.csv")}
    for claim_id, values in edits.items():
        assert {k: rows[claim_id][k] for k in values} == values
    assert sum(1 for r in rows.values() if r["decision"]) == 3
    assert (out / "review.1.bak.csv").read_bytes() == edited  # the reviewer's own file, kept
    assert "review: 3 reviewed claims carried over" in result.output
    assert sum(int(r["n_claims"]) for r in read_csv(out / "claims_summary.csv")) == n_counted - 1
    record = json.loads((out / "run.json").read_text())["outputs"]["review"]
    assert record["carried"] == 3 and record["decisions"]["accept"] == 1
    # a third run changes nothing and keeps no new backup
    again = (out / "review.csv").read_bytes()
    assert runner.invoke(app, ["run", str(inputs), "--out", str(out), "--quiet"]).exit_code == 0
    assert (out / "review.csv").read_bytes() == again and not (out / "review.2.bak.csv").exists()

    # the edited file passed with --review to a new folder carries the same decisions
    fresh = tmp_path / "fresh"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(fresh), "--quiet",
                                 "--review", str(out / "review.1.bak.csv")])
    assert result.exit_code == 0, result.output
    assert {r["claim_id"]: r["decision"] for r in read_csv(fresh / "review.csv") if r["decision"]} == {
        claim_id: values["decision"] for claim_id, values in edits.items()}


def test_reviews_of_claims_that_are_gone_go_to_orphans(inputs, tmp_path):
    out = tmp_path / "out"
    note = inputs / "note.txt"
    assert runner.invoke(app, ["run", str(note), "--out", str(out), "--quiet"]).exit_code == 0
    rows = read_csv(out / "review.csv")
    rows[0]["decision"], rows[0]["note"] = "accept", "keep"
    with (out / "review.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    other = tmp_path / "other.txt"
    other.write_text("Bortezomib reduces the viability of NK cells.\n")
    result = runner.invoke(app, ["run", str(other), "--out", str(out), "--quiet"])
    assert result.exit_code == 0
    orphans = read_csv(out / "review_orphans.csv")
    assert [(o["claim_id"], o["decision"], o["note"]) for o in orphans] == [
        (rows[0]["claim_id"], "accept", "keep")]
    assert "1 in review_orphans.csv" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--formats", "brat,xml"], "error: unknown --formats value 'xml'; choose from brat, bioc, parquet"),
    (["--review", "missing.csv"], "error: --review missing.csv: no such file"),
])
def test_bad_output_options_are_one_line_errors(tmp_path, args, message):
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(EXAMPLE), "--out",
                             str(tmp_path / "o"), *args], capture_output=True, text=True, cwd=tmp_path,
                            check=False)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip() == message
    assert not (tmp_path / "o").exists()


def test_parquet_without_pyarrow_is_a_one_line_error(tmp_path):
    code = ("import sys; sys.modules['pyarrow'] = None; from pipeline.cli import main; "
            f"sys.argv = ['pipeline', 'run', {str(EXAMPLE)!r}, '--out', {str(tmp_path / 'o')!r}, "
            "'--formats', 'parquet']; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            check=False)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip() == (
        "error: --formats parquet needs pyarrow: pip install 'drug-cell-claims[parquet]'")


def test_an_unreadable_review_stops_the_run_and_is_left_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "review.csv").write_text("drug;cell\nlenalidomide;T cells\n")
    result = runner.invoke(app, ["run", str(EXAMPLE), "--out", str(out), "--quiet"])
    assert result.exit_code == EXIT_USAGE and "no claim_id column" in result.output
    assert (out / "review.csv").read_text() == "drug;cell\nlenalidomide;T cells\n"
    assert sorted(p.name for p in out.iterdir()) == ["review.csv"]


def test_parquet_tables_hold_the_same_claims(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(EXAMPLE), "--out", str(out), "--quiet", "--formats", "parquet"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert parquet.read_table(out / "claims.parquet").to_pylist() == claims
    for name in ("entities", "sections", "documents", "claims_summary", "errors"):
        assert (out / f"{name}.parquet").exists()
