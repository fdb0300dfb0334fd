"""Benchmark: the joint NER model (``models/ner-joint``) against the three separate NER models,
in one process, on one thread, on the same texts.

Two measurements, each repeated ``--repeat`` times with the contenders taking turns:

* **NER only**: the ``neural_ner`` component as the pipeline runs it (on the host Doc's tokens,
  already tokenized by the core model's tokenizer) with the three separate models one after
  another, with ``ner-joint`` alone, and with each separate model alone;
* **all models**: :func:`pipeline.nlp.bare_models` (core tagger/parser, then ``neural_ner``)
  with the separate models and with ``ner-joint``: the figure of the ≥ 4,000 words/s target.

Words per second of this process's CPU time (``--wall`` for wall-clock time); the texts are the
titles and abstracts of PubMed XML records (``bench/models_speed.py``'s ``abstracts``)::

    OMP_NUM_THREADS=1 .venv/bin/python bench/ner_joint_speed.py \\
        --source ../shared/samples/pubmed-xml [--docs 500] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def n_words(docs) -> int:
    return sum(1 for doc in docs for t in doc if not t.is_space)


def component_rate(component, make_docs, clock) -> float:
    """Words/s of ``component.pipe`` over fresh docs (made outside the timing)."""
    docs = make_docs()
    started = clock()
    done = list(component.pipe(docs, batch_size=64))
    return n_words(done) / (clock() - started)


def pipeline_rate(nlp, texts, clock) -> float:
    started = clock()
    docs = list(nlp.pipe(texts, batch_size=64))
    return n_words(docs) / (clock() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="PubMed XML file or folder")
    parser.add_argument("--docs", type=int, default=500, help="sections to run (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="turns per contender (default 3)")
    parser.add_argument("--joint", default="ner-joint", help="the joint model (name or path)")
    parser.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    from models_speed import abstracts

    from pipeline.ner.neural import SEPARATE_NER_MODELS, NeuralNER
    from pipeline.nlp import bare_models, load_core

    clock = time.perf_counter if args.wall else time.process_time
    texts = abstracts(args.source, args.docs)
    with threadpool_limits(1):
        core = load_core(None)
        tokenized = [core.make_doc(text) for text in texts]
        words = n_words(tokenized)

        def make_docs():
            return [core.make_doc(text) for text in texts]

        components = {
            "separate (3 models, one after another)": NeuralNER(core, "neural_ner", SEPARATE_NER_MODELS),
            "joint": NeuralNER(core, "neural_ner", [args.joint]),
            **{name: NeuralNER(core, "neural_ner", [name]) for name in SEPARATE_NER_MODELS},
        }
        pipelines = {
            "all models, separate NER": bare_models(None, SEPARATE_NER_MODELS),
            "all models, joint NER": bare_models(None, [args.joint]),
        }
        for component in components.values():  # warm up
            list(component.pipe([core.make_doc(text) for text in texts[:20]]))
        for nlp in pipelines.values():
            list(nlp.pipe(texts[:20]))
        runs: dict[str, list[float]] = {name: [] for name in [*components, *pipelines]}
        for _ in range(args.repeat):
            for name, component in components.items():
                runs[name].append(component_rate(component, make_docs, clock))
            for name, nlp in pipelines.items():
                runs[name].append(pipeline_rate(nlp, texts, clock))
    results = {
        "texts": len(texts), "words": words, "clock": "wall" if args.wall else "cpu",
        "repeat": args.repeat,
        "words_per_s": {name: {"median": round(statistics.median(rates)),
                               "runs": [round(rate) for rate in rates]}
                        for name, rates in runs.items()},
    }
    separate = results["words_per_s"]["separate (3 models, one after another)"]["median"]
    joint = results["words_per_s"]["joint"]["median"]
    results["ner_time_saved"] = round(1 - separate / joint, 3)
    print(f"{len(texts)} texts, {words:,} words, one thread, {results['clock']} clock, "
          f"median of {args.repeat}:")
    for name, value in results["words_per_s"].items():
        print(f"  {name:<40} {value['median']:>8,} words/s  {value['runs']}")
    print(f"NER time saved by the joint model: {results['ner_time_saved']:.1%}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
