"""Benchmark: claims on BioNLP-ST 2013 CG abstracts, with the split we keep aside.

``../shared/claims/cg-train-claims.jsonl`` holds claims derived from the CG train split's
events. The pipeline runs on the ``.txt`` of the documents that have gold claims (the
scorer scores only those), and the claims are scored (same matching as
``../shared/claims/score.py``) on all of them, on the *hold-out* documents (every 4th gold
document id in sorted order: never looked at while writing rules) and on the rest (*tune*).

    python bench/cg_claims.py --cg ../shared/corpora/bionlp-st-2013-cg/original-data/train \\
        --gold ../shared/claims/cg-train-claims.jsonl [--ner-model NAME ...] [--no-ner-models]

Caveat printed with the numbers: the BioNLP13CG models (``models/ner-bionlp13cg`` and the
``ner_bionlp13cg`` head of the default ``models/ner-joint``) were trained on the CG train
split, so on these documents their entities are better than on unseen text; ``--ner-model
ner-bc5cdr --ner-model ner-jnlpba`` gives the pipeline without them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HOLD_OUT_EVERY = 4


def split_ids(gold: Path) -> tuple[list[str], list[str]]:
    """(hold-out, tune) document ids: every 4th sorted gold id is held out."""
    ids = sorted({json.loads(line)["doc_id"] for line in gold.read_text().splitlines() if line})
    hold = ids[::HOLD_OUT_EVERY]
    return hold, [i for i in ids if i not in hold]


def run_pipeline(cg: Path, ids: list[str], out: Path, extra: list[str]) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        for doc_id in ids:
            shutil.copy(cg / f"{doc_id}.txt", Path(folder) / f"{doc_id}.txt")
        subprocess.run([sys.executable, "-m", "pipeline.cli", "run", folder, "--out", str(out),
                        "--fresh", "--quiet", "--workers", "1", *extra], check=True, cwd=ROOT)
    return out / "claims.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cg", type=Path, required=True, help="CG original-data/train folder")
    parser.add_argument("--gold", type=Path, required=True, help="cg-train-claims.jsonl")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "cg-claims")
    parser.add_argument("--ner-model", action="append", default=[], help="as for pipeline run")
    parser.add_argument("--no-ner-models", action="store_true")
    parser.add_argument("--core-model", help="as for pipeline run (default: models/core)")
    args = parser.parse_args(argv)

    from pipeline.evaluation import evaluate, load_claims

    hold, tune = split_ids(args.gold)
    extra = [f"--ner-model={name}" for name in args.ner_model]
    extra += ["--no-ner-models"] if args.no_ner_models else []
    extra += [f"--core-model={args.core_model}"] if args.core_model else []
    predicted = load_claims(run_pipeline(args.cg, hold + tune, args.out, extra))
    gold = load_claims(args.gold)
    print(f"CG claims, {len(hold) + len(tune)} documents with gold claims "
          f"({len(hold)} held out, {len(tune)} tune); models: {extra or 'default'}")
    for name, ids in (("all", hold + tune), ("hold-out", hold), ("tune", tune)):
        result = evaluate(gold, predicted, ids)
        pair, strict = result.pair, result.strict
        print(f"  {name:<9} pair P {pair.precision:.3f} R {pair.recall:.3f} F1 {pair.f1:.3f}   "
              f"strict F1 {strict.f1:.3f}")
    print("note: the BioNLP13CG models (ner-bionlp13cg, ner-joint's ner_bionlp13cg head) were "
          "trained on the CG train split (these documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
