"""The batch engine: outputs that do not depend on the number of workers, resuming after a
run is killed, the per-document cache, --fresh and --limit, and Dask on a LocalCluster."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pipeline.engine.store import MANIFEST_FILE, RESULTS_GLOB, ResultStore
from tests.conftest import EXAMPLE, ROOT
from tests.readers import fixtures

N_TEXTS = 36


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Plain-text files cut from the example paper, a PubMed XML file with a broken record
    and an empty file: documents with claims, and errors at read time."""
    folder = tmp_path_factory.mktemp("corpus")
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    for k in range(N_TEXTS):
        text = paragraphs[k % len(paragraphs)] + "\n\nLenalidomide enhances NK cell cytotoxicity."
        (folder / f"part-{k:02d}.txt").write_text(f"Note {k}. {text}", encoding="utf-8")
    (folder / "set.xml").write_bytes(fixtures.pubmed_xml([str(n) for n in range(100, 112)], broken={"105"}))
    (folder / "empty.txt").write_text("")
    shutil.copy(EXAMPLE, folder)
    return folder


# The cache is keyed by a hash of the code too: pinned here, so that edits made to the
# working tree while the tests run do not turn hits into misses.
ENV = {**os.environ, "PIPELINE_CODE_VERSION": "tests"}


def run_cli(inputs, out, *args, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out),
                             "--quiet", *args], capture_output=True, text=True, cwd=ROOT, check=False,
                            env=ENV)
    if check:
        assert result.returncode == 3, result.stderr  # the corpus holds two bad inputs
    return result


def output_files(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.name != "run.json"
            and not p.name.endswith(".bak.csv")}  # review backups: a re-run's, by design


def counts(out) -> dict:
    return json.loads((out / "run.json").read_text())["counts"]


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """An uninterrupted run with one worker: what every other run must give."""
    out = tmp_path_factory.mktemp("clean")
    run_cli(corpus, out, "--workers", "1")
    files = output_files(out)
    assert len(files) >= 10 and b"NK cell" in files["claims.csv"]
    return files


def test_outputs_do_not_depend_on_workers_or_batches(corpus, clean, tmp_path):
    for workers, batch in (("2", "3"), ("2", "1")):
        out = tmp_path / f"w{workers}-b{batch}"
        run_cli(corpus, out, "--workers", workers, "--batch-size", batch)
        assert output_files(out) == clean
        assert counts(out)["annotated"] == N_TEXTS + 1 + 11  # texts, example, good XML records
    record = json.loads((out / "run.json").read_text())
    assert record["engine"] == {"name": "local", "workers": 2, "scheduler": None}
    assert "drug_cell_ner" in record["models"]["components"]


def test_a_killed_run_resumes_and_gives_the_same_files(corpus, clean, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), "--quiet",
               "--workers", "2", "--batch-size", "2"]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / MANIFEST_FILE
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if manifest.exists() and len(manifest.read_bytes().splitlines()) >= 6:
                break
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the runner and its workers, mid-run
        process.wait()
    assert not (out / "claims.csv").exists(), "the run finished before it could be killed"
    finished = len(manifest.read_bytes().splitlines())
    assert 6 <= finished < N_TEXTS
    # a record cut short by the kill: ignored, the document is annotated again
    shard = sorted(out.glob(RESULTS_GLOB))[-1]
    with shard.open("ab") as handle:
        handle.write(b"f" * 64 + b'\t{"row": {"doc_id": "cut')

    run_cli(corpus, out, "--workers", "2", "--batch-size", "2")
    assert output_files(out) == clean
    assert not list(out.glob(".*.tmp"))  # the killed run's half-written tables are gone
    done = counts(out)
    assert done["resumed"] >= finished and done["annotated"] == N_TEXTS + 12 - done["from_cache"]
    assert not manifest.exists()  # finished: nothing left to resume


def test_the_cache_reannotates_only_changed_documents(corpus, clean, tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    run_cli(inputs, out, "--workers", "1")
    assert counts(out)["annotated"] == N_TEXTS + 12 and counts(out)["from_cache"] == 0
    first = output_files(out)
    run_cli(inputs, out, "--workers", "1")
    assert counts(out)["annotated"] == 0 and output_files(out) == first

    changed = inputs / "part-03.txt"
    changed.write_text(changed.read_text() + "\nBortezomib reduces the viability of NK cells.\n")
    run_cli(inputs, out, "--workers", "1")
    assert counts(out)["annotated"] == 1 and counts(out)["from_cache"] == N_TEXTS + 11
    fresh = tmp_path / "fresh"
    run_cli(inputs, fresh, "--workers", "1")
    assert output_files(out) == output_files(fresh)
    assert b"Bortezomib reduces the viability" in output_files(out)["claims.csv"]

    # other options, or --fresh: everything is annotated again
    run_cli(inputs, out, "--workers", "1", "--sections", "all")
    assert counts(out)["annotated"] == N_TEXTS + 12
    run_cli(inputs, out, "--workers", "1", "--fresh")
    assert counts(out)["annotated"] == N_TEXTS + 12

    # a cache folder shared by two output folders, and moved inputs: still hits
    moved = tmp_path / "moved"
    shutil.move(inputs, moved)
    run_cli(moved, tmp_path / "a", "--cache", str(tmp_path / "cache"), "--workers", "1")
    run_cli(moved, tmp_path / "b", "--cache", str(tmp_path / "cache"), "--workers", "1")
    assert counts(tmp_path / "b")["annotated"] == 0
    assert not list((tmp_path / "b").glob(RESULTS_GLOB))


def test_limit_takes_the_first_documents(corpus, tmp_path):
    out = tmp_path / "out"
    run_cli(corpus, out, "--workers", "1", "--limit", "5")  # empty.txt is among them
    assert counts(out)["documents"] == 4 and counts(out)["failed"] == 1
    assert (out / "documents.csv").read_text().count("\n") == 6


def test_store_ignores_a_line_cut_short(tmp_path):
    with ResultStore(tmp_path) as store:
        store.put_many([("a" * 64, '{"row": 1}'), ("b" * 64, '{"row": 2}')])
    shard = sorted(tmp_path.glob(RESULTS_GLOB))[0]
    with shard.open("ab") as handle:
        handle.write(b"c" * 64 + b'\t{"row": 3')
    with ResultStore(tmp_path) as store:
        assert len(store) == 2 and store.get("b" * 64) == {"row": 2} and "c" * 64 not in store
        store.put_many([("c" * 64, '{"row": 3}')])
        assert store.get("c" * 64) == {"row": 3} and store.get("a" * 64) == {"row": 1}
    with ResultStore(tmp_path) as store:
        assert store.get("c" * 64) == {"row": 3}


def test_dask_on_a_local_cluster_gives_the_same_files(corpus, clean, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    result = run_cli(corpus, out, "--engine", "dask", "--workers", "2", "--batch-size", "4")
    assert output_files(out) == clean, result.stderr
    record = json.loads((out / "run.json").read_text())
    assert record["engine"]["name"] == "dask" and record["counts"]["annotated"] == N_TEXTS + 12


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(EXAMPLE), "--out",
                             str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:8786"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 2 and result.stderr.strip() == "error: --scheduler needs --engine dask"


def test_an_unchanged_file_is_not_parsed_again(nlp, tmp_path, monkeypatch):
    """A re-run takes an unchanged file's document keys from the store without reading its
    records; a changed file, or one whose results are gone from the store, is read again."""
    from pipeline.engine import runner

    monkeypatch.setenv("PIPELINE_CODE_VERSION", "tests")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "set.xml").write_bytes(fixtures.pubmed_xml(["100", "101", "102"], broken={"101"}))
    (inputs / "note.txt").write_text("Lenalidomide enhances NK cell cytotoxicity.\n")
    read: list[str] = []
    read_file = runner.read_file

    def counting_read_file(path, sections="default"):
        read.append(path.name)
        return read_file(path, sections)

    options = runner.RunOptions([str(inputs)], out=tmp_path / "out", workers=1)
    first = runner.run(dataclasses.replace(options, fresh=True), nlp)  # --fresh lists files too
    files = output_files(options.out)
    assert first.n_processed == 3 and first.n_failed == 1
    monkeypatch.setattr(runner, "read_file", counting_read_file)

    again = runner.run(options, nlp)
    assert read == [] and again.n_processed == 0 and again.n_failed == 1
    assert output_files(options.out) == files

    (inputs / "note.txt").write_text("Bortezomib reduces the viability of NK cells.\n")
    again = runner.run(options, nlp)
    assert read == ["note.txt"] and again.n_processed == 1
    changed = output_files(options.out)
    assert b"Bortezomib" in changed["claims.csv"]

    read.clear()
    for shard in options.out.glob(RESULTS_GLOB):  # the results gone, the listings kept
        lines = shard.read_bytes().splitlines(keepends=True)
        shard.write_bytes(b"".join(line for line in lines if b'"documents"' in line))
    again = runner.run(options, nlp)
    assert sorted(read) == ["note.txt", "set.xml"] and again.n_processed == 3
    assert output_files(options.out) == changed
