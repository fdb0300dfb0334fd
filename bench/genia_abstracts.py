"""Copy a reproducible slice of GENIA abstracts (the JNLPBA training texts) to a folder.

Precision on text nobody annotated with claims is judged by reading a sample of the claims
(``bench/sample_claims.py``). The JNLPBA training abstracts are GENIA abstracts about blood
cells and the agents that act on them, and no claim rule was written on them: this picks the
same abstracts every time (the sorted file list shuffled with ``--seed``, then files
``--start`` to ``--start + --count``), so that two disjoint slices can be checked one after
the other.

    python bench/genia_abstracts.py --data ../shared/corpora --start 0 --count 300 --out /tmp/jn
    pipeline run /tmp/jn --out /tmp/jn-out
    python bench/sample_claims.py /tmp/jn-out/claims.jsonl --n 50 --seed 11
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

TEXTS = Path("jnlpba") / "standoff" / "train"


def pick(data: Path, start: int, count: int, seed: int) -> list[Path]:
    """Files ``start`` to ``start + count`` of the sorted ``.txt`` list shuffled with ``seed``."""
    files = sorted((data / TEXTS).glob("*.txt"))
    random.Random(seed).shuffle(files)
    return files[start:start + count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared corpora folder")
    parser.add_argument("--out", type=Path, required=True, help="folder to copy the texts to")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    files = pick(args.data, args.start, args.count, args.seed)
    if not files:
        parser.error(f"no abstracts under {args.data / TEXTS}")
    args.out.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy(path, args.out / path.name)
    print(f"{len(files)} abstracts → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
