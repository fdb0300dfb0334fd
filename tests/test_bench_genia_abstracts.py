"""bench/genia_abstracts.py: the same slice every time, and disjoint slices."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import genia_abstracts


def corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / genia_abstracts.TEXTS
    folder.mkdir(parents=True)
    for k in range(n):
        (folder / f"{k:04d}.txt").write_text(f"abstract {k}")
        (folder / f"{k:04d}.ann").write_text("")
    return tmp_path


def test_slices_are_reproducible_and_disjoint(tmp_path):
    data = corpus(tmp_path, 40)
    first = genia_abstracts.pick(data, 0, 10, seed=7)
    assert first == genia_abstracts.pick(data, 0, 10, seed=7)
    second = genia_abstracts.pick(data, 10, 10, seed=7)
    assert len(first) == len(second) == 10 and not set(first) & set(second)
    assert all(path.suffix == ".txt" for path in first + second)


def test_main_copies_the_slice(tmp_path):
    data = corpus(tmp_path / "shared", 12)
    out = tmp_path / "out"
    assert genia_abstracts.main(["--data", str(data), "--out", str(out), "--count", "5"]) == 0
    assert sorted(p.name for p in out.iterdir()) == \
        sorted(p.name for p in genia_abstracts.pick(data, 0, 5, seed=7))
