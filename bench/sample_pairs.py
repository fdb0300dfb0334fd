"""Draw sentences with a drug and a cell to judge by hand: precision *and* recall.

``sample_claims.py`` draws claims, so it can only measure precision: a claim the rules never
made is never drawn. This draws *sentences* in which the NER found at least one DRUG and one
CELL mention (the co-occurrence baseline's candidates, see ``claims_vs_baseline.py``) and
prints, under each, every drug–cell pair with the rules' claim for it, if any. A reviewer
marks each pair as a claim or not by ``../shared/claims/GUIDELINES.md`` and counts true,
false and missed pairs. Claims on pairs the NER did not find are outside this measure.

    python bench/sample_pairs.py ../shared/samples/pubmed-xml --n 45 --seed 5
    python bench/sample_pairs.py ../shared/samples/pubmed-xml --n 45 --seed 5 --skip 45

Sentences are ordered by a hash of the seed, the document id and the sentence, so ``--skip``
gives a disjoint sample from the same order, and a sentence keeps its place when the rules
change. A change to the NER can add or remove sentences, and so shift the positions that
``--skip`` counts: compare the sentences, not the positions, across such a change.
"""

from __future__ import annotations

import argparse
import hashlib
import warnings
from collections.abc import Iterable
from pathlib import Path

from claims_vs_baseline import run


def sentences_with_pairs(pairs: Iterable[dict], claims: Iterable[dict]) -> dict[tuple, list]:
    """(doc id, sentence) → [(drug, cell, the rules' claim or None)], in text order. A claim
    counts for a pair when its cell contains the pair's: the rules join a population named
    twice ("the pre-B cell line, PB-697") into one claim."""
    made: dict[tuple, list[dict]] = {}
    for claim in claims:
        made.setdefault((claim["doc_id"], claim["sentence"], claim["drug"]), []).append(claim)
    grouped: dict[tuple, list] = {}
    for pair in pairs:
        key = (pair["doc_id"], pair["sentence"])
        claim = next((c for c in made.get((*key, pair["drug"]), []) if pair["cell"] in c["cell"]),
                     None)
        entry = (pair["drug"], pair["cell"], claim)
        if entry not in grouped.setdefault(key, []):
            grouped[key].append(entry)
    return grouped


def draw(keys: Iterable[tuple], n: int, seed: int, skip: int = 0) -> list[tuple]:
    """``n`` keys after the first ``skip``, in the order of a hash of the seed and the key."""
    def rank(key: tuple) -> str:
        return hashlib.sha1(f"{seed}:{key[0]}:{key[1]}".encode()).hexdigest()
    return sorted(keys, key=rank)[skip:skip + n]


def sheet(grouped: dict[tuple, list], keys: list[tuple]) -> str:
    """The numbered sheet a reviewer fills in."""
    lines = []
    for number, key in enumerate(keys):
        lines.append(f"{number}. [{key[0]}] {key[1]}")
        for drug, cell, claim in grouped[key]:
            verdict = "-" if claim is None else \
                f"CLAIM {claim['direction']}/{claim['assertion']} effect={claim['effect']!r}"
            lines.append(f"   {drug} -> {cell} :: {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", type=Path, help="a folder of documents (any supported format)")
    parser.add_argument("--n", type=int, default=45, help="sentences to draw")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--skip", type=int, default=0, help="sentences of the order to pass over")
    parser.add_argument("--sections", default="all")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    claims, pairs, _ = run(args.docs, args.sections)
    grouped = sentences_with_pairs(pairs, claims)
    keys = draw(grouped, args.n, args.seed, args.skip)
    print(f"{len(grouped)} sentences with a drug and a cell; {len(keys)} drawn "
          f"(seed {args.seed}, skip {args.skip})\n")
    print(sheet(grouped, keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
