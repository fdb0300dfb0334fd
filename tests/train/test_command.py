"""``pipeline train``: which module and arguments each model name runs."""

from pathlib import Path

import pytest

from pipeline.train.command import TrainingUnavailable, training_argv


def test_core_runs_the_core_trainer_into_models_core():
    module, argv = training_argv("core", Path("/data"), None, False, None)
    assert module == "pipeline.train.core"
    assert argv[:2] == ["--data", "/data"] and argv[3].endswith("models/core")


def test_a_ner_model_names_its_corpus_and_passes_the_options():
    module, argv = training_argv("ner-bc5cdr", Path("/data"), Path("/tmp/m"), True, 30)
    assert module == "pipeline.train.ner"
    assert argv == ["--corpus", "bc5cdr", "--data", "/data", "--out", "/tmp/m", "--eval-only",
                    "--max-minutes", "30"]


def test_an_unknown_model_is_refused():
    with pytest.raises(TrainingUnavailable, match="unknown model"):
        training_argv("ner-genia", Path("/data"), None, False, None)
