"""Where the shipped models and lexicons live, and how to fingerprint them for run.json."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "ner" / "data"


def models_dir() -> Path:
    """The ``models/`` folder: ``$PIPELINE_MODELS`` or the one beside the package."""
    override = os.environ.get("PIPELINE_MODELS")
    return Path(override) if override else PACKAGE_DIR.parent / "models"


def file_checksum(path: Path) -> str:
    """A short sha256 of a file (or of all files under a folder, in name order)."""
    digest = hashlib.sha256()
    paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in paths:
        digest.update(file.relative_to(path).as_posix().encode() if path.is_dir() else b"")
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def derived_cache_dir() -> Path:
    """Where data derived from the lexicons is kept between runs: ``$PIPELINE_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/drug-cell-claims`` (``~/.cache/drug-cell-claims``)."""
    override = os.environ.get("PIPELINE_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "drug-cell-claims"


def cached_derivation(name: str, sources: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier process built from the same
    ``sources`` (files whose bytes decide it: data and the code that reads it).

    Building the drug index from its dictionary takes over a second; every worker process
    and every re-run paid it. A cache file that cannot be read or written is rebuilt or
    skipped, never an error: it only saves time. ``PIPELINE_CACHE_DIR=off`` turns it off.
    """
    if os.environ.get("PIPELINE_CACHE_DIR") == "off":
        return build()
    digest = hashlib.sha256(name.encode())
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    path = derived_cache_dir() / f"{name}-{digest.hexdigest()[:24]}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # absent, cut short or from another Python: build it again
        pass
    value = build()
    from pipeline.outputs.writers import write_bytes  # temporary file, then rename

    try:
        write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        for old in path.parent.glob(f"{name}-*.pickle"):  # built from older sources
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only home: no cache, same result
        pass
    return value
