"""Where the shipped models and lexicons live, and how to fingerprint them for run.json."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

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
