"""Train the core's tagger on GENIA + CRAFT and put it into ``models/core`` beside the parser.

spaCy's parser reads the tok2vec, not the tags, so the tagger can learn from more data than
the parser without changing a single tree the claim rules read: the CRAFT trees, converted to
GENIA's scheme, carry PTB tags for 20,000 more sentences. The tagger gets a small tok2vec of
its own (``models/train/core-tagger.cfg``) and is trained in two stages, as the longer core
runs of ``models/core.CARD.md`` were:

* A: GENIA × 3 + CRAFT, from scratch (learning rate 0.001);
* B: GENIA alone, from A's last weights (learning rate 0.0005);

each early-stopped on GENIA's held-out split (every 10th abstract, as for the core). B's best
model replaces the core's tagger (:func:`pipeline.train.core.swap_tagger`); the result is
scored on the held-out split like the core.

    OMP_NUM_THREADS=1 .venv/bin/python -m pipeline.train.tagger \\
        --data ../shared/corpora --core models/core --out models/core
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from threadpoolctl import threadpool_limits

from pipeline.train import core

CONFIG = core.REPO_ROOT / "models" / "train" / "core-tagger.cfg"
DEFAULT_WORK = Path("/tmp/core-tagger")
VERSION = "0.2.0"  # of the GENIA-only core (0.1.0) with this tagger
TAGGER_COMPONENTS = ("tok2vec", "tagger")


@dataclass(frozen=True)
class Stage:
    """One training run: its data, learning rate and step budget."""

    name: str
    craft: bool
    learn_rate: float
    max_steps: int
    patience: int
    eval_frequency: int


STAGES = (
    Stage("A", craft=True, learn_rate=0.001, max_steps=20000, patience=4000, eval_frequency=400),
    Stage("B", craft=False, learn_rate=0.0005, max_steps=4000, patience=1600, eval_frequency=200),
)


def train_stage(stage: Stage, train: Path, heldout: Path, work: Path, init_from: Path | None,
                max_minutes: float | None) -> Path:
    """Run one stage; return its output folder (``model-best``, ``model-last``)."""
    config = CONFIG
    if init_from is not None:
        config = core.sourced_config(CONFIG, init_from, work / f"config-{stage.name}.cfg",
                                     TAGGER_COMPONENTS)
    output = work / f"stage-{stage.name}"
    overrides: dict[str, Any] = {
        "paths.train": str(train), "paths.dev": str(heldout), "system.seed": core.SEED,
        "training.max_steps": stage.max_steps, "training.patience": stage.patience,
        "training.eval_frequency": stage.eval_frequency,
        "training.optimizer.learn_rate": stage.learn_rate,
    }
    if max_minutes is not None:
        core._DEADLINE[0] = time.time() + 60 * max_minutes
    try:
        spacy_train(config, output, overrides=overrides)
    except core.TrainingTimeUp as stop:
        print(f"{stop}; keeping model-best")
    finally:
        core._DEADLINE[0] = None
    return output


def package_tagger(model_best: Path, out: Path) -> None:
    """Save the tagger pipeline without training callbacks, and with only the strings it needs
    at run time (its tag labels: the hash embeddings hash each token's text as it comes)."""
    nlp = spacy.load(model_best)
    nlp.meta.update({"name": "core_tagger", "version": "0.1.0",
                     "description": "scispaCy tokenizer, small CNN tok2vec, PTB tagger "
                                    "(GENIA x3 + CRAFT, then GENIA)"})
    core.save_model(nlp, out)
    labels = list(nlp.get_pipe("tagger").labels)
    (out / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared corpora folder")
    parser.add_argument("--core", type=Path, default=core.REPO_ROOT / "models" / "core",
                        help="the core whose tagger is replaced (default: models/core)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the core")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch dir")
    parser.add_argument("--eval-only", action="store_true", help="only score the core in --out")
    parser.add_argument("--max-minutes", type=float, default=None,
                        help="wall-clock cap per stage (keeps model-best)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with threadpool_limits(limits=1):
        _, heldout = core.build_corpus(args.data, args.work / "genia", craft=False)
        if not args.eval_only:
            core.build_corpus(args.data, args.work / "craft", craft=True,
                              genia_copies=core.GENIA_COPIES)
            init_from = None
            for stage in STAGES:
                corpus = args.work / ("craft" if stage.craft else "genia") / "corpus"
                output = train_stage(stage, corpus / "train.spacy", heldout, args.work,
                                     init_from, args.max_minutes)
                init_from = output / "model-last"
            package_tagger(output / "model-best", args.work / "tagger")
            core.swap_tagger(args.core, args.work / "tagger", args.out)
            meta_path = args.out / "meta.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("version") == "0.1.0":
                meta["version"] = VERSION  # the GENIA-only core; later cores keep theirs
            meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        result = core.report(args.out, heldout)
        if not args.eval_only:
            core.write_performance(args.out, result["scores"])
        (args.work / "report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
