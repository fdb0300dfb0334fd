"""Which models a run uses, and what they are, found without loading them.

The runner fingerprints its models (for the result store) and names them in ``run.json``
before, or without, annotating anything: a re-run whose documents all come from the store
never imports spaCy. :mod:`pipeline.nlp` and :mod:`pipeline.ner.neural` load the models.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pipeline.resources import models_dir

DEFAULT_CORE = "core"
DEFAULT_NER_MODELS: tuple[str, ...] = ("ner-joint",)
# The shipped single-corpus models: the joint model's three heads as separate pipelines.
SEPARATE_NER_MODELS: tuple[str, ...] = ("ner-bc5cdr", "ner-jnlpba", "ner-bionlp13cg")


class ModelNotFound(RuntimeError):
    """The core model named by the user cannot be loaded."""


class NerModelNotFound(RuntimeError):
    """A NER model named by the user cannot be loaded."""


def core_model_path(name: str | None = None) -> str:
    """A path or package name for the core model; the shipped ``models/core`` by default."""
    if not name or name == DEFAULT_CORE:
        return str(models_dir() / DEFAULT_CORE)
    return name


def resolve_ner_model(name: str) -> str:
    """A path or package name for a NER model: a name of a folder under ``models/``
    (``ner-bc5cdr``), a path, or an installed package (``en_ner_bc5cdr_md``)."""
    shipped = models_dir() / name
    if "/" not in name and shipped.is_dir():
        return str(shipped)
    return name


def model_name(target: str) -> str:
    """The short name a model is known by: its folder's or package's name."""
    return Path(target).name if Path(target).exists() else target


def ner_model_infos(names: Sequence[str] | None = None) -> list[dict]:
    """Name, version, path and labels of each model (for ``run.json`` and ``pipeline info``),
    read from the models' ``meta.json`` without loading their weights where possible."""
    infos = []
    for name in DEFAULT_NER_MODELS if names is None else names:
        target = resolve_ner_model(name)
        meta_path = Path(target) / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        labels = meta.get("labels", {})
        heads = meta.get("heads")  # multi-head models: {component: {"span_key": ...}}
        if "ner" in labels and not heads:
            infos.append({"name": model_name(target), "package": meta.get("name"),
                          "version": meta.get("version"), "path": target,
                          "labels": list(labels["ner"])})
        elif heads and all(component in labels for component in heads):
            name = model_name(target)
            head_labels = {f"{name}.{head['span_key']}": list(labels[component])
                           for component, head in heads.items()}
            infos.append({"name": name, "package": meta.get("name"), "version": meta.get("version"),
                          "path": target,
                          "labels": sorted({label for found in head_labels.values() for label in found}),
                          "heads": head_labels})
        else:
            from pipeline.ner.neural import load_ner_model

            infos.append(load_ner_model(name).info())
    return infos
