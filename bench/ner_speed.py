"""Benchmark: words/s of the trained NER models (``models/ner-*``), 1 process, 1 thread.

Each model is loaded with ``spacy.load`` and run with ``nlp.pipe`` (batch size 64, one warm-up
pass) over the texts for at least ``--seconds``, and the number of tokens is divided by the
time. The texts are the paragraphs of the given files (default: ``corpus/*.txt``); with
``--iob FILE`` they are the sentences of an IOB file joined into docs of 10 sentences, as the
devel scores in the model cards are computed.

    OMP_NUM_THREADS=1 .venv/bin/python bench/ner_speed.py [--models models/ner-bc5cdr ...]
        [--texts corpus/*.txt | --iob ../shared/corpora/ner-iob/BC5CDR-IOB/devel.tsv]
        [--cpu-time] [--repeat N]

To compare two models on a loaded machine, list both and use ``--repeat`` (the models take
turns) and ``--cpu-time``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import spacy
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent


def read_texts(paths: Sequence[Path]) -> list[str]:
    """Non-empty paragraphs (blank-line separated) of ``paths``."""
    texts: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        texts.extend(part.strip() for part in text.split("\n\n") if part.strip())
    return texts


def iob_texts(path: Path) -> list[str]:
    """Texts of the 10-sentence docs built from an IOB file (see pipeline.train.iob)."""
    from pipeline.train.iob import iob_docs, read_iob

    return [doc.text for doc in iob_docs(spacy.blank("en").vocab, read_iob(path), per_doc=10)]


def words_per_second(
    nlp, texts: Sequence[str], min_seconds: float, clock=time.perf_counter
) -> tuple[float, int]:
    """Tokens per second of ``nlp.pipe(texts)`` and the number of tokens per pass. ``clock``
    is wall-clock time by default; ``time.process_time`` counts only this process's CPU time,
    which varies less when other jobs load the machine."""
    list(nlp.pipe(texts[:5]))
    n_words = passes = 0
    start = clock()
    while True:
        n_words += sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        passes += 1
        elapsed = clock() - start
        if elapsed >= min_seconds:
            return n_words / elapsed, n_words // passes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="*", type=Path, default=None)
    parser.add_argument("--texts", nargs="*", type=Path, default=None)
    parser.add_argument("--iob", type=Path, default=None)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument(
        "--cpu-time",
        action="store_true",
        help="divide by this process's CPU time instead of wall-clock time (for a loaded machine)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="measure the list of models N times")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    models = args.models or sorted(p for p in (ROOT / "models").glob("ner-*") if p.is_dir())
    if args.iob:
        texts = iob_texts(args.iob)
    else:
        texts = read_texts(args.texts or sorted((ROOT / "corpus").glob("*.txt")))
    results = []
    clock = time.process_time if args.cpu_time else time.perf_counter
    with threadpool_limits(limits=1):
        pipelines = {model: spacy.load(model) for model in models}
        for _ in range(args.repeat):
            for model, nlp in pipelines.items():
                wps, words = words_per_second(nlp, texts, args.seconds, clock)
                row = {"model": str(model), "words_per_pass": words, "words_per_second": round(wps)}
                row["clock"] = "cpu" if args.cpu_time else "wall"
                results.append(row)
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
