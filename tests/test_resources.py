"""The cache of derived data (the drug index) between processes."""

from __future__ import annotations

import pytest

from pipeline.resources import cached_derivation


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(folder))
    return folder


def _counting_build(calls: list[int], value: object):
    def build():
        calls.append(1)
        return value
    return build


def test_a_second_process_reads_what_the_first_built(cache_dir, tmp_path):
    source = tmp_path / "terms.tsv"
    source.write_text("aspirin\n")
    calls: list[int] = []
    first = cached_derivation("index", [source], _counting_build(calls, {"aspirin": 1}))
    second = cached_derivation("index", [source], _counting_build(calls, {"other": 2}))
    assert first == second == {"aspirin": 1}
    assert calls == [1]


def test_a_changed_source_rebuilds_and_drops_the_old_file(cache_dir, tmp_path):
    source = tmp_path / "terms.tsv"
    source.write_text("aspirin\n")
    cached_derivation("index", [source], lambda: "old")
    source.write_text("aspirin\nibuprofen\n")
    assert cached_derivation("index", [source], lambda: "new") == "new"
    assert len(list(cache_dir.glob("index-*.pickle"))) == 1


def test_a_damaged_cache_file_is_rebuilt(cache_dir, tmp_path):
    source = tmp_path / "terms.tsv"
    source.write_text("aspirin\n")
    cached_derivation("index", [source], lambda: "value")
    (path,) = cache_dir.glob("index-*.pickle")
    path.write_bytes(path.read_bytes()[:5])
    assert cached_derivation("index", [source], lambda: "rebuilt") == "rebuilt"


def test_off_builds_every_time(monkeypatch, tmp_path):
    monkeypatch.setenv("PIPELINE_CACHE_DIR", "off")
    source = tmp_path / "terms.tsv"
    source.write_text("aspirin\n")
    calls: list[int] = []
    for _ in range(2):
        cached_derivation("index", [source], _counting_build(calls, 1))
    assert calls == [1, 1]


def test_an_unwritable_cache_folder_still_gives_the_value(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PIPELINE_CACHE_DIR", str(blocker / "cache"))  # under a file: mkdir fails
    source = tmp_path / "terms.tsv"
    source.write_text("aspirin\n")
    assert cached_derivation("index", [source], lambda: "value") == "value"
