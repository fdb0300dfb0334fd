"""The neural NER models as run options: the cache key, the workers' model cache, run.json,
resuming, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_MODEL, EXIT_USAGE, app
from pipeline.engine import workers
from pipeline.engine.runner import RunOptions, _command, run
from pipeline.engine.store import fingerprint_hash, run_fingerprint
from pipeline.nlp import DEFAULT_NER_MODELS
from tests.conftest import ROOT

runner = CliRunner()
ONE = "ner-bc5cdr"  # one model that is not the default


def key(ner_models) -> str:
    return fingerprint_hash(run_fingerprint("default", "core", ner_models))


def test_the_cache_key_changes_with_the_ner_models():
    default, none, one = key(None), key(()), key((ONE,))
    assert len({default, none, one}) == 3
    assert key(tuple(DEFAULT_NER_MODELS)) == default  # the same models, named or by default
    assert key((ONE,)) == one


def test_a_model_that_cannot_be_found_stops_the_run_before_anything_is_read(tmp_path):
    from pipeline.nlp import NerModelNotFound

    (tmp_path / "a.txt").write_text("Lenalidomide enhances NK cells.")
    with pytest.raises(NerModelNotFound):
        run(RunOptions([str(tmp_path / "a.txt")], out=tmp_path / "out", workers=1,
                       ner_models=("no-such-model",)))
    assert not (tmp_path / "out").exists()


def test_resuming_needs_the_same_ner_models():
    commands = [_command(RunOptions(["x"], ner_models=models)) for models in (None, (), (ONE,))]
    assert [c["ner_models"] for c in commands] == [None, [], [ONE]]
    assert len({json.dumps(c) for c in commands}) == 3


def test_workers_keep_one_pipeline_per_core_and_ner_models(monkeypatch):
    built = []

    def fake_build(core_model=None, ner_models=None):
        built.append((core_model, ner_models))
        return object()

    monkeypatch.setattr("pipeline.nlp.build_nlp", fake_build)
    monkeypatch.setattr(workers, "_NLP", {})
    first = workers.get_nlp("core", None)
    assert workers.get_nlp("core", None) is first
    assert workers.get_nlp("core", ()) is not first
    assert workers.get_nlp("core", [ONE]) is workers.get_nlp("core", (ONE,))
    assert built == [("core", None), ("core", ()), ("core", (ONE,))]


def test_run_json_lists_the_ner_models_with_checksums(tmp_path):
    (tmp_path / "a.txt").write_text("Lenalidomide enhances the cytotoxicity of NK cells.")
    out = tmp_path / "out"
    run(RunOptions([str(tmp_path / "a.txt")], out=out, workers=1, ner_models=(ONE,)))
    record = json.loads((out / "run.json").read_text())
    assert record["options"]["ner_models"] == [ONE]
    [model] = record["models"]["ner"]
    assert model["name"] == ONE and model["path"].endswith(ONE)
    assert model["version"] and len(model["checksum"]) == 16
    assert "neural_ner" in record["models"]["components"]


def test_no_ner_models_runs_the_lexicons_alone(tmp_path):
    (tmp_path / "a.txt").write_text("Lenalidomide enhances the cytotoxicity of NK cells.")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out), "-q",
                                 "--workers", "1", "--no-ner-models"])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "run.json").read_text())
    assert record["models"]["ner"] == [] and record["options"]["ner_models"] == []
    assert "neural_ner" not in record["models"]["components"]


def test_a_missing_ner_model_is_a_one_line_error_with_exit_code_4(tmp_path):
    (tmp_path / "a.txt").write_text("Lenalidomide enhances NK cells.")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "a.txt"), "--out",
         str(tmp_path / "out"), "--ner-model", "no-such-model"],
        capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == EXIT_MODEL
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot load the NER model")
    assert "no-such-model" in lines[0] and "--no-ner-models" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [["--ner-model", "none", "--ner-model", ONE],
                                  ["--no-ner-models", "--ner-model", ONE]])
def test_contradictory_ner_options_are_usage_errors(tmp_path, args):
    (tmp_path / "a.txt").write_text("Lenalidomide enhances NK cells.")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == EXIT_USAGE
    assert not (tmp_path / "o").exists()


def test_show_and_info_take_the_ner_options(tmp_path):
    document = tmp_path / "a.txt"
    document.write_text("Lenalidomide enhances the cytotoxicity of NK cells.")
    result = runner.invoke(app, ["show", str(document), "--ner-model", "no-such-model"])
    assert result.exit_code == EXIT_MODEL
    result = runner.invoke(app, ["info", "--ner-model", ONE])
    assert result.exit_code == 0
    [model] = json.loads(result.output)["ner_models"]
    assert model["name"] == ONE and len(model["checksum"]) == 16
    assert json.loads(runner.invoke(app, ["info", "--no-ner-models"]).output)["ner_models"] == []


def test_help_names_the_default_models():
    for command in ("run", "show"):
        result = runner.invoke(app, [command, "--help"])
        assert "--ner-model" in result.output and "--no-ner-models" in result.output
        assert DEFAULT_NER_MODELS[0] in result.output
