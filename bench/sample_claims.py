"""Draw a reproducible random sample of claims to check by hand.

Precision on text nobody annotated can only be judged by reading: this prints ``--n`` claims
drawn with ``--seed`` from a ``claims.jsonl`` (by claim id, see :func:`sample`), each with
its drug, cell, direction, assertion, effect and sentence, numbered so that a reviewer can
write down a verdict per line.

    pipeline run ../shared/samples/pubmed-xml --out /tmp/px --workers 1
    python bench/sample_claims.py /tmp/px/claims.jsonl --n 50 --seed 2026
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path


def sample(path: Path, n: int, seed: int) -> list[dict]:
    """``n`` claims of the file, drawn with ``seed`` (all of them when there are fewer).

    A claim is drawn by a hash of its ``claim_id`` and the seed, not by its position in the
    file, so a claim that another version of the pipeline still makes stays in the sample:
    after a change, only the claims that changed need a new verdict."""
    claims = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    def rank(claim: dict) -> str:
        return hashlib.sha1(f"{seed}:{claim['claim_id']}".encode()).hexdigest()
    return sorted(claims, key=rank)[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("claims", type=Path, help="a claims.jsonl written by pipeline run")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    for number, claim in enumerate(sample(args.claims, args.n, args.seed)):
        print(f"{number}. [{claim['drug']}] -> [{claim['cell']}] {claim['direction']}/"
              f"{claim['assertion']} effect={claim['effect']!r}\n   {claim['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
