"""Tests for pipeline.train.core's options and the wall-clock training cap (no corpora needed)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

from pipeline.train import core


def test_genia_only_is_default_and_craft_is_opt_in() -> None:
    args = core.parse_args(["--data", "d", "--out", "o"])
    assert args.craft is False
    assert args.genia_copies == core.GENIA_COPIES
    assert args.max_minutes is None
    args = core.parse_args(["--data", "d", "--out", "o", "--craft", "--max-minutes", "5"])
    assert args.craft is True
    assert args.max_minutes == 5.0


def test_craft_dir_from_corpora_dir(tmp_path: Path) -> None:
    assert core.craft_dir(tmp_path) == tmp_path / core.CRAFT_SUBDIR
    (tmp_path / "a.conllu").write_text("", encoding="utf-8")
    assert core.craft_dir(tmp_path) == tmp_path


def test_time_cap_stops_only_after_the_deadline() -> None:
    check = core.make_time_cap()
    nlp = spacy.blank("en")
    core._DEADLINE[0] = None
    check(nlp, {"step": 1})
    core._DEADLINE[0] = time.time() + 3600
    check(nlp, {"step": 2})
    core._DEADLINE[0] = time.time() - 1
    try:
        with pytest.raises(core.TrainingTimeUp):
            check(nlp, {"step": 3})
    finally:
        core._DEADLINE[0] = None


def test_config_uses_the_time_cap() -> None:
    config = spacy.util.load_config(core.DEFAULT_CONFIG, interpolate=False)
    assert config["training"]["before_update"]["@callbacks"] == "core_time_cap.v1"
    assert config["components"]["parser"]["min_action_freq"] == 1


def test_sourced_config_sources_the_trained_components(tmp_path: Path) -> None:
    dest = core.sourced_config(core.DEFAULT_CONFIG, tmp_path / "model", tmp_path / "cfg" / "config.cfg")
    config = spacy.util.load_config(dest, interpolate=False)
    for name in core.TRAINED_COMPONENTS:
        assert config["components"][name] == {"source": str((tmp_path / "model").resolve())}
    assert config["training"]["before_update"]["@callbacks"] == "core_time_cap.v1"
