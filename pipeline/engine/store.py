"""Where finished documents go: a content-keyed result store and the run's manifest.

:class:`ResultStore` (hidden ``.cache-*`` files in the output folder, or in ``--cache
DIR``) holds one JSON record per processed document, keyed by a hash of the document's
content, the options that shape its result and the versions of the models, lexicons and
code (:func:`run_fingerprint`). It is append-only: each run appends to a shard file of its
own, one ``key<TAB>record`` line per document, and flushes and fsyncs after every batch. A
line cut short by ``kill -9`` has no newline and is ignored when the store is opened again,
so a finished document is either whole or absent.

:class:`Manifest` (``OUT/.work-manifest.jsonl``) lists the documents the current command has
finished, so a run stopped by Ctrl-C or ``kill -9`` and started again with the same command
continues where it stopped; ``--fresh`` starts it over.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.resources import PACKAGE_DIR, file_checksum
from pipeline.schema import Document

# Hidden files, not folders, in the output folder: tools that read every entry of the
# output folder as a file keep working.
RESULTS_GLOB = ".cache-results-*.jsonl"
MODELS_FILE = ".cache-models.json"
MANIFEST_FILE = ".work-manifest.jsonl"
COMMAND_FILE = ".work-command.json"
# The layout of a stored record (pipeline.engine.workers.document_record): 2 keeps the
# entity rows as the lines of the entity tables.
RECORD_FORMAT = 2
# Code whose change can change a document's result (not the writers nor the engine).
_CODE_SKIPPED = {"engine", "outputs", "cli.py", "show.py", "evaluation.py", "train"}


def code_checksum() -> str:
    """A hash of the source and data files the per-document results depend on;
    ``$PIPELINE_CODE_VERSION``, when set, stands for it (to keep a cache across edits known
    not to change results, or in tests while the code is being edited)."""
    pinned = os.environ.get("PIPELINE_CODE_VERSION")
    if pinned:
        return pinned
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        relative = path.relative_to(PACKAGE_DIR)
        if (not path.is_file() or relative.parts[0] in _CODE_SKIPPED or "__pycache__" in relative.parts
                or path.suffix not in {".py", ".tsv", ".json", ".txt"}):
            continue
        digest.update(relative.as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_id(path: str, name: str | None = None, version: str | None = None) -> str:
    """What identifies a model's weights: the checksum of its folder, else (an installed
    package) its name and version."""
    if Path(path).exists():
        return file_checksum(Path(path))
    if version is None:
        try:
            from importlib.metadata import version as package_version

            version = package_version(str(name or path))
        except Exception:
            return f"{name or path}"
    return f"{name or path}=={version}"


def run_fingerprint(sections: str, core_model: str | None,
                    ner_models: Sequence[str] | None = None) -> dict[str, Any]:
    """What, besides a document's content, decides its result. ``ner_models`` as for
    :func:`pipeline.nlp.build_nlp` (None: the default models); a model that cannot be found
    raises ``NerModelNotFound`` here, before any document is read."""
    from pipeline.models import core_model_path, ner_model_infos
    from pipeline.ner.lexicons import lexicon_files

    return {
        "pipeline_version": __version__,
        "record_format": RECORD_FORMAT,
        "sections": sections,
        "core_model": model_id(core_model_path(core_model), core_model),
        "ner_models": [model_id(info["path"], info["name"], info.get("version"))
                       for info in ner_model_infos(ner_models)],
        "lexicons": {name: file_checksum(path) if path.exists() else None
                     for name, path in sorted(lexicon_files().items())},
        "code": code_checksum(),
    }


def fingerprint_hash(fingerprint: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(fingerprint, sort_keys=True).encode()).hexdigest()


def document_key(document: Document, fingerprint: str) -> str:
    """The cache key of one document: its content (not where the file lies) and the run's
    fingerprint. Moving a folder keeps the cache; editing a file or a lexicon does not."""
    data = asdict(document)
    data["source"] = ""
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(fingerprint.encode() + b"\0" + payload.encode("utf-8")).hexdigest()


def _append_synced(handle, lines: Iterable[str]) -> None:
    handle.write("".join(lines))
    handle.flush()
    os.fsync(handle.fileno())


class ResultStore:
    """Per-document results on disk, found by key; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.index: dict[str, tuple[int, int, int]] = {}
        self.shards: list[Path] = []
        self._handle = None
        self._readers: dict[int, Any] = {}
        if folder.is_dir():
            for shard in sorted(folder.glob(RESULTS_GLOB)):
                self._index_shard(shard)

    def _index_shard(self, shard: Path) -> None:
        number = len(self.shards)
        self.shards.append(shard)
        offset = 0
        with shard.open("rb") as handle:
            for line in handle:
                if line.endswith(b"\n"):
                    tab = line.find(b"\t")
                    if tab == 64:
                        self.index[line[:tab].decode()] = (number, offset + tab + 1, len(line) - tab - 2)
                offset += len(line)

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def get(self, key: str) -> dict[str, Any] | None:
        place = self.index.get(key)
        if place is None:
            return None
        number, offset, length = place
        if self._handle is not None and number == len(self.shards) - 1:
            self._handle.flush()
        reader = self._readers.get(number)
        if reader is None:
            reader = self._readers[number] = self.shards[number].open("rb")
        reader.seek(offset)
        try:
            return json.loads(reader.read(length).decode("utf-8"))
        except ValueError:  # damaged on disk: process the document again
            return None

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Append (key, record JSON) pairs and make them durable before returning."""
        if self._handle is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            shard = self.folder / f".cache-results-{time.time_ns()}-{os.getpid()}.jsonl"
            self.shards.append(shard)
            self._handle = shard.open("ab")
        number = len(self.shards) - 1
        offset = self._handle.tell()
        lines = []
        for key, record in items:
            data = record.encode("utf-8")
            line = key.encode() + b"\t" + data + b"\n"
            self.index[key] = (number, offset + len(key) + 1, len(data))
            offset += len(line)
            lines.append(line)
        self._handle.write(b"".join(lines))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        for handle in [self._handle, *self._readers.values()]:
            if handle is not None:
                handle.close()
        self._handle, self._readers = None, {}

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def model_info(self, fingerprint: str) -> dict[str, Any] | None:
        path = self.folder / MODELS_FILE
        if path.exists():
            try:
                return json.loads(path.read_text()).get(fingerprint)
            except ValueError:
                return None
        return None

    def save_model_info(self, fingerprint: str, info: dict[str, Any]) -> None:
        from pipeline.outputs.writers import write_json

        path = self.folder / MODELS_FILE
        known = {}
        if path.exists():
            try:
                known = json.loads(path.read_text())
            except ValueError:
                known = {}
        if known.get(fingerprint) != info:
            known[fingerprint] = info
            self.folder.mkdir(parents=True, exist_ok=True)
            write_json(path, known)


class Manifest:
    """The documents this command has finished (``OUT/.work-manifest.jsonl``)."""

    def __init__(self, out: Path, command: Mapping[str, Any], fresh: bool = False) -> None:
        self.folder = out
        self.path = out / MANIFEST_FILE
        self.command_path = out / COMMAND_FILE
        self.done: set[str] = set()
        self.resumed = False
        command = json.loads(json.dumps(command, default=str))
        same = False
        if not fresh and self.command_path.exists():
            try:
                same = json.loads(self.command_path.read_text()) == command
            except ValueError:
                same = False
        if same and self.path.exists():
            with self.path.open("rb") as handle:
                for line in handle:
                    if line.endswith(b"\n"):
                        try:
                            self.done.add(json.loads(line)["key"])
                        except (ValueError, KeyError):
                            continue
            self.resumed = bool(self.done)
        else:
            from pipeline.outputs.writers import write_json

            self.folder.mkdir(parents=True, exist_ok=True)
            self.path.unlink(missing_ok=True)
            write_json(self.command_path, command)
        self._handle = self.path.open("a", encoding="utf-8")

    def add_many(self, entries: Iterable[Mapping[str, str]]) -> None:
        entries = list(entries)
        _append_synced(self._handle, [json.dumps(dict(e), ensure_ascii=False) + "\n" for e in entries])
        self.done.update(e["key"] for e in entries)

    def close(self) -> None:
        self._handle.close()

    @staticmethod
    def finished(out: Path) -> None:
        """The run wrote its outputs: the next run of the command starts a new manifest."""
        (out / MANIFEST_FILE).unlink(missing_ok=True)
