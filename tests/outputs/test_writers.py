"""Atomic writers: a reader never sees half a file, and files get the usual permissions."""

from __future__ import annotations

import os
import stat

import pytest

from pipeline.outputs.writers import csv_text, write_bytes, write_csv


def test_files_are_readable_by_the_group_like_any_new_file(tmp_path):
    old = os.umask(0o022)
    try:
        write_csv(tmp_path / "a.csv", [{"x": 1}], ["x"])
        write_bytes(tmp_path / "b.bin", b"1")
    finally:
        os.umask(old)
    for name in ("a.csv", "b.bin"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("old\n")

    def rows():
        yield {"x": 1}
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_csv(path, rows(), ["x"])
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_csv_text_matches_the_file(tmp_path):
    rows = [{"x": ["a", "b"], "y": True, "z": None}, {"x": 'say "hi", twice', "y": False, "z": 1}]
    write_csv(tmp_path / "a.csv", rows, ["x", "y", "z"])
    assert (tmp_path / "a.csv").read_text() == csv_text(rows, ["x", "y", "z"])
    assert csv_text(rows, ["x", "y", "z"]).splitlines()[1:] == ["a|b,true,", '"say ""hi"", twice",false,1']
