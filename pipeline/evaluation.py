"""Score predicted claims against gold claims, with a breakdown by document and error type.

The matching follows the project's claim guidelines (the same criteria as the shared
scorer): same document; same drug (``drug_norm``, or the predicted surface text, lower-cased);
overlapping cells (each cell text found at its first whole-word occurrence in the gold
sentence, else half of the gold cell's words in the predicted cell); the same sentence (word
overlap ≥ 60% of the gold sentence's words and ≥ 50% of the predicted one's). Each claim is
matched at most once, maximising the number of matches. ``strict`` also asks for the same
direction.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Claim = dict[str, Any]
_WORD = re.compile(r"[a-z0-9+]+")


def load_claims(path: Path) -> list[Claim]:
    """Claims from JSONL or CSV."""
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def words(text: str | None) -> list[str]:
    tokens = _WORD.findall((text or "").lower())
    return ["cell" if t in {"cell", "cells"} else t for t in tokens]


def drug_keys(claim: Claim) -> set[str]:
    return {str(claim[k]).strip().lower() for k in ("drug_norm", "drug") if claim.get(k)}


def locate(text: str | None, sentence: str | None) -> tuple[int, int] | None:
    """First whole-word, case-insensitive occurrence of ``text`` in ``sentence``."""
    if not text:
        return None
    pattern = r"(?<![A-Za-z0-9])" + re.escape(text) + r"(?![A-Za-z0-9])"
    match = re.search(pattern, sentence or "", re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def same_cell(gold: Claim, pred: Claim) -> bool:
    sentence = gold.get("sentence", "")
    g, p = locate(gold.get("cell"), sentence), locate(pred.get("cell"), sentence)
    if g and p:
        return g[0] < p[1] and p[0] < g[1]
    gold_words, pred_words = words(gold.get("cell")), set(words(pred.get("cell")))
    return bool(gold_words) and 2 * sum(w in pred_words for w in gold_words) >= len(gold_words)


def same_sentence(gold: Claim, pred: Claim) -> bool:
    g, p = set(words(gold.get("sentence"))), set(words(pred.get("sentence")))
    shared = len(g & p)
    return bool(g) and shared >= 0.6 * len(g) and shared >= 0.5 * len(p)


def pair_match(gold: Claim, pred: Claim) -> bool:
    return (str(gold.get("doc_id")) == str(pred.get("doc_id"))
            and bool(drug_keys(gold) & drug_keys(pred))
            and same_cell(gold, pred) and same_sentence(gold, pred))


def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): predicted index → gold index."""
    owner: dict[int, int] = {}

    def augment(gold_index: int, seen: set[int]) -> bool:
        for pred_index in edges[gold_index]:
            if pred_index in seen:
                continue
            seen.add(pred_index)
            if pred_index not in owner or augment(owner[pred_index], seen):
                owner[pred_index] = gold_index
                return True
        return False

    for gold_index in edges:
        augment(gold_index, set())
    return owner


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Evaluation:
    pair: Score
    strict: Score
    documents: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def as_dict(self) -> dict[str, Any]:
        return {
            "pair": self.pair.as_dict(), "strict": self.strict.as_dict(),
            "documents": {d: {k: s.as_dict() for k, s in v.items()}
                          for d, v in sorted(self.documents.items())},
            "errors": dict(self.errors.most_common()),
        }


def _score(gold: list[Claim], pred: list[Claim], strict: bool) -> tuple[Score, dict[int, int]]:
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(pred):
        by_doc[str(claim.get("doc_id"))].append(index)
    edges = {
        g: [p for p in by_doc.get(str(claim.get("doc_id")), [])
            if pair_match(claim, pred[p])
            and (not strict or claim.get("direction") == pred[p].get("direction"))]
        for g, claim in enumerate(gold)
    }
    owner = max_matching(edges)
    tp = len(owner)
    return Score(tp, len(pred) - tp, len(gold) - tp), owner


def classify_miss(gold: Claim, pred: list[Claim]) -> str:
    """Why a gold claim found no partner: the first test that every candidate failed."""
    same_doc = [p for p in pred if str(p.get("doc_id")) == str(gold.get("doc_id"))]
    in_sentence = [p for p in same_doc if same_sentence(gold, p)]
    if not in_sentence:
        return "missed: no claim in the sentence"
    if not any(drug_keys(gold) & drug_keys(p) for p in in_sentence):
        return "missed: wrong or missing drug" + (" (implicit)" if gold.get("implicit") else "")
    return "missed: wrong or missing cell"


def classify_extra(pred: Claim, gold: list[Claim]) -> str:
    same_doc = [g for g in gold if str(g.get("doc_id")) == str(pred.get("doc_id"))]
    if not any(same_sentence(g, pred) for g in same_doc):
        return "extra: sentence without gold claims"
    return "extra: pair not in gold"


def evaluate(gold: list[Claim], pred: list[Claim], docs: Iterable[str] | None = None) -> Evaluation:
    """Pair and strict scores, per-document scores, and counts of each error type."""
    wanted = set(docs) if docs is not None else {str(g.get("doc_id")) for g in gold}
    gold = [g for g in gold if str(g.get("doc_id")) in wanted]
    pred = [p for p in pred if str(p.get("doc_id")) in wanted]
    pair, owner = _score(gold, pred, strict=False)
    strict, _ = _score(gold, pred, strict=True)
    result = Evaluation(pair, strict)
    matched_gold = set(owner.values())
    for g, claim in enumerate(gold):
        if g in matched_gold:
            partner = next(p for p, gi in owner.items() if gi == g)
            if pred[partner].get("direction") != claim.get("direction"):
                kind = (f"wrong direction: {claim.get('direction')} predicted as "
                        f"{pred[partner].get('direction')}")
                result.errors[kind] += 1
                result.examples[kind].append(_describe(claim))
            continue
        kind = classify_miss(claim, pred)
        result.errors[kind] += 1
        result.examples[kind].append(_describe(claim))
    for p, claim in enumerate(pred):
        if p not in owner:
            kind = classify_extra(claim, gold)
            result.errors[kind] += 1
            result.examples[kind].append(_describe(claim))
    for doc_id in sorted(wanted):
        doc_gold = [g for g in gold if str(g.get("doc_id")) == doc_id]
        doc_pred = [p for p in pred if str(p.get("doc_id")) == doc_id]
        result.documents[doc_id] = {"pair": _score(doc_gold, doc_pred, False)[0],
                                    "strict": _score(doc_gold, doc_pred, True)[0]}
    return result


def _describe(claim: Claim) -> str:
    return (f"{claim.get('doc_id')}: {claim.get('drug')} -> {claim.get('cell')} "
            f"({claim.get('direction')}) | {str(claim.get('sentence', ''))[:90]}")


def format_report(result: Evaluation, show_examples: int = 0) -> str:
    lines = []
    for level in ("pair", "strict"):
        s = getattr(result, level)
        lines.append(f"{level:6s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
                     f"(tp={s.tp} fp={s.fp} fn={s.fn})")
    lines.append("")
    lines.append(f"{'document':40s} {'pair F1':>8s} {'strict F1':>9s} {'tp':>4s} {'fp':>4s} {'fn':>4s}")
    for doc_id, scores in result.documents.items():
        pair, strict = scores["pair"], scores["strict"]
        lines.append(f"{doc_id[:40]:40s} {pair.f1:8.3f} {strict.f1:9.3f} {pair.tp:4d} "
                     f"{pair.fp:4d} {pair.fn:4d}")
    lines.append("")
    lines.append("errors:")
    for kind, count in result.errors.most_common():
        lines.append(f"  {count:4d}  {kind}")
        for example in result.examples[kind][:show_examples]:
            lines.append(f"          {example}")
    return "\n".join(lines)
