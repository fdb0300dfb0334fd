"""Benchmark: our claim rules against a sentence co-occurrence baseline, on a gold set.

The baseline takes every DRUG–CELL pair found by the same NER in a sentence as a claim
(direction ``unclear``), so the difference between the two rows is what the rules add.
Also reports how much of the pipeline's time the claim rules take.

    python bench/claims_vs_baseline.py --docs ../shared/claims/dev/docs \
        --gold ../shared/claims/dev/gold.jsonl [--sections all] [--ids-file FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

from pipeline.context import DocumentContext
from pipeline.evaluation import evaluate, load_claims
from pipeline.ner.recognizer import CELL, CELL_LINE, DRUG
from pipeline.nlp import build_nlp
from pipeline.readers import expand_inputs, read_file
from pipeline.schema import Document


def run(docs_dir: Path, sections: str):
    """Claims by the rules and by co-occurrence, and seconds spent per component."""
    nlp = build_nlp()
    timings: dict[str, float] = defaultdict(float)
    rules, baseline = [], []
    for path in expand_inputs([str(docs_dir)]):
        for document in read_file(path, sections):
            if not isinstance(document, Document):
                continue
            context = DocumentContext(doc_id=document.doc_id, pmid=document.pmid)
            for section in document.sections:
                context.section_id, context.section = section.section_id, section.section
                started = time.perf_counter()
                doc = nlp.make_doc(section.text)
                timings["tokenizer"] += time.perf_counter() - started
                for name in nlp.pipe_names:
                    if name == "drug_cell_ner":
                        doc._.document_context = context
                    started = time.perf_counter()
                    doc = nlp.get_pipe(name)(doc)
                    timings[name] += time.perf_counter() - started
                rules += [c.to_row() for c in doc._.claims]
                baseline += cooccurrence(doc, document.doc_id)
    return rules, baseline, timings


def cooccurrence(doc, doc_id: str) -> list[dict]:
    claims = []
    for sentence in doc.sents:
        inside = [m for m in doc._.mentions
                  if sentence.start_char <= m.start and m.end <= sentence.end_char]
        for drug in (m for m in inside if m.label == DRUG):
            for cell in (m for m in inside if m.label in (CELL, CELL_LINE)):
                claims.append({"doc_id": doc_id, "sentence": sentence.text.strip(),
                               "drug": drug.text(doc), "drug_norm": drug.norm,
                               "cell": cell.text(doc), "direction": "unclear"})
    return claims


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--sections", default="all", choices=["default", "all"])
    parser.add_argument("--ids-file", type=Path, help="comma-separated doc ids to score")
    args = parser.parse_args(argv)
    rules, baseline, timings = run(args.docs, args.sections)
    gold = load_claims(args.gold)
    ids = args.ids_file.read_text().strip().split(",") if args.ids_file else None
    print(f"{'system':26s} {'pair P':>7s} {'pair R':>7s} {'pair F1':>7s} {'strict F1':>9s}")
    for name, claims in (("co-occurrence baseline", baseline), ("rules (this pipeline)", rules)):
        result = evaluate(gold, claims, ids)
        print(f"{name:26s} {result.pair.precision:7.3f} {result.pair.recall:7.3f} "
              f"{result.pair.f1:7.3f} {result.strict.f1:9.3f}")
    total = sum(timings.values())
    print(f"\ntime per stage (s, one process): total {total:.2f}")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:24s} {seconds:7.2f}  {100 * seconds / total:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
