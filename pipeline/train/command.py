"""``pipeline train MODEL``: rebuild one of the shipped models from the public corpora.

One entry point over the training modules (:mod:`pipeline.train.core`,
:mod:`pipeline.train.tagger`, :mod:`pipeline.train.ner`, :mod:`pipeline.train.joint_ner`), so
that a user retrains a model with the same command whichever model it is; each module keeps
its own options for experiments (``python -m pipeline.train.core --help``).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.resources import PACKAGE_DIR, models_dir

NER_CORPORA = {"ner-bc5cdr": "bc5cdr", "ner-jnlpba": "jnlpba", "ner-bionlp13cg": "bionlp13cg"}
JOINT_NER = "ner-joint"
CORE_TAGGER = "core-tagger"  # the core's tagger alone, trained on GENIA + CRAFT
TRAINABLE = ("core", CORE_TAGGER, *NER_CORPORA, JOINT_NER)
TRAIN_PACKAGES = ("spacy_lookups_data", "threadpoolctl", "conllu", "gensim")
VECTORS_WORK = Path("/tmp/ner-vectors")
# Shipped as a head of the joint model trained on train + devel, for the steps at which the
# train-only joint run scored best (their cards: "the shipped model")
JOINT_EXPORTS = ("ner-bc5cdr", "ner-bionlp13cg")
# ner-bionlp13cg's joint model also trains four auxiliary heads (AnatEM, CRAFT, BC2GM, NCBI
# disease) on the shared tok2vec (its card, "0.6.0"); ner-bc5cdr's is models/ner-joint's recipe
JOINT_CONFIGS = {"ner-bionlp13cg": "ner-joint-aux2.cfg"}
JOINT_FINAL_STEPS = {"ner-bc5cdr": 12000, "ner-bionlp13cg": 15000}


class TrainingUnavailable(RuntimeError):
    """The ``train`` extra is not installed, or the model name is unknown."""


def missing_packages() -> list[str]:
    return [name for name in TRAIN_PACKAGES if importlib.util.find_spec(name) is None]


def training_argv(model: str, data: Path, out: Path | None, eval_only: bool,
                  max_minutes: float | None) -> tuple[str, list[str]]:
    """The training module to run and its arguments."""
    if model not in TRAINABLE:
        raise TrainingUnavailable(f"unknown model {model!r}: choose one of {', '.join(TRAINABLE)}")
    target = out if out is not None else models_dir() / ("core" if model == CORE_TAGGER else model)
    argv = ["--data", str(data), "--out", str(target)]
    if eval_only:
        argv.append("--eval-only")
    if max_minutes is not None:
        argv += ["--max-minutes", str(max_minutes)]
    if model == "core":
        # the shipped core's recipe: three parser stages and the tagger (models/core.CARD.md)
        return "pipeline.train.core", argv if eval_only else [*argv, "--recipe"]
    if model == CORE_TAGGER:
        # into models/core (or --out), from the core already there
        return "pipeline.train.tagger", [*argv, "--core", str(models_dir() / "core")]
    if model == JOINT_NER:
        # the static vectors come from the shipped models/ner-bc5cdr (see its card)
        return "pipeline.train.joint_ner", argv
    if model in JOINT_EXPORTS and not eval_only:
        work = Path(f"/tmp/{model}-joint")
        joint = ["--data", str(data), "--out", str(work / "joint"), "--work", str(work),
                 "--add-devel", "--max-steps", str(JOINT_FINAL_STEPS[model]),
                 "--export", f"{NER_CORPORA[model]}={target}"]
        if model in JOINT_CONFIGS:
            joint += ["--config", str(PACKAGE_DIR.parent / "models" / "train" / JOINT_CONFIGS[model])]
        if max_minutes is not None:
            joint += ["--max-minutes", str(max_minutes)]
        return "pipeline.train.joint_ner", joint
    return "pipeline.train.ner", ["--corpus", NER_CORPORA[model], *argv]


def train_model(model: str, data: Path, out: Path | None = None, eval_only: bool = False,
                max_minutes: float | None = None) -> int:
    """Train (or, with ``eval_only``, only score) ``model``; returns the module's exit code."""
    module, argv = training_argv(model, data, out, eval_only, max_minutes)
    missing = missing_packages()
    if missing:
        raise TrainingUnavailable(
            f"training needs the 'train' extra ({', '.join(missing)} missing): "
            "pip install -e '.[train]'")
    if model in NER_CORPORA and model not in JOINT_EXPORTS and not eval_only:
        argv += vectors_argv(model, data)
    runner = importlib.import_module(module)
    return int(runner.main(argv) or 0)


def vectors_argv(model: str, data: Path) -> list[str]:
    """``--vectors DIR`` when the model's training config reads static vectors: they are
    built first from the text in the shared folder (``data``'s parent), as the model card
    says (:mod:`pipeline.train.vectors`)."""
    from pipeline.train.ner import REPO_ROOT, needs_vectors

    config = REPO_ROOT / "models" / "train" / f"{model}.cfg"
    if not needs_vectors(config):
        return []
    from pipeline.train import vectors

    work = VECTORS_WORK
    if not (work / "spacy").is_dir():
        vectors.main(["--data", str(data.resolve().parent), "--out", str(work)])
    return ["--vectors", str(work / "spacy")]
