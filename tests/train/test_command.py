"""``pipeline train``: which module and arguments each model name runs."""

from pathlib import Path

import pytest

from pipeline.train.command import TrainingUnavailable, training_argv


def test_core_runs_the_core_trainer_into_models_core():
    module, argv = training_argv("core", Path("/data"), None, False, None)
    assert module == "pipeline.train.core"
    assert argv[:2] == ["--data", "/data"] and argv[3].endswith("models/core")
    assert argv[-1] == "--recipe"  # the shipped core's three stages and tagger
    assert "--recipe" not in training_argv("core", Path("/data"), None, True, None)[1]


def test_a_ner_model_names_its_corpus_and_passes_the_options():
    module, argv = training_argv("ner-bc5cdr", Path("/data"), Path("/tmp/m"), True, 30)
    assert module == "pipeline.train.ner"
    assert argv == ["--corpus", "bc5cdr", "--data", "/data", "--out", "/tmp/m", "--eval-only",
                    "--max-minutes", "30"]


def test_a_model_shipped_as_a_joint_head_trains_the_joint_model_and_exports_it():
    module, argv = training_argv("ner-bionlp13cg", Path("/data"), Path("/tmp/m"), False, None)
    assert module == "pipeline.train.joint_ner"
    assert argv[argv.index("--export") + 1] == "bionlp13cg=/tmp/m"
    assert "--add-devel" in argv and argv[argv.index("--max-steps") + 1] == "15000"
    # with the auxiliary AnatEM, CRAFT, BC2GM and NCBI disease heads; ner-bc5cdr with
    # models/ner-joint's config
    assert argv[argv.index("--config") + 1].endswith("models/train/ner-joint-aux2.cfg")
    bc5cdr = training_argv("ner-bc5cdr", Path("/data"), None, False, None)[1]
    assert "--config" not in bc5cdr and bc5cdr[bc5cdr.index("--max-steps") + 1] == "12000"


def test_an_unknown_model_is_refused():
    with pytest.raises(TrainingUnavailable, match="unknown model"):
        training_argv("ner-genia", Path("/data"), None, False, None)


def test_the_cli_refuses_a_missing_data_folder_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["train", "core", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no such folder" in result.output


def test_the_cli_lists_the_trainable_models():
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["train", "--help"])
    assert result.exit_code == 0
    assert "ner-bionlp13cg" in result.output


def test_core_tagger_trains_the_tagger_into_the_core():
    module, argv = training_argv("core-tagger", Path("/data"), None, False, None)
    assert module == "pipeline.train.tagger"
    assert argv[argv.index("--out") + 1].endswith("models/core")
    assert argv[argv.index("--core") + 1].endswith("models/core")
