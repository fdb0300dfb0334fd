"""Benchmark: words/s of all the shipped models together in one process, on one thread.

The core model (tokenizer, tagger, parser, lemmatizer) and the three NER models run as the
pipeline runs them (:func:`pipeline.nlp.bare_models`: each NER model on the core's tokens),
over PubMed abstracts, with ``nlp.pipe`` after a warm-up pass; then each model alone on the
same texts. Issue target: all models together ≥ 4,000 words/s per core.

    OMP_NUM_THREADS=1 .venv/bin/python bench/models_speed.py --source ../shared/samples/pubmed-xml \\
        [--docs 500] [--json out.json]

Without ``--source`` the texts are the paragraphs of ``corpus/*.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def abstracts(source: Path | None, n_docs: int) -> list[str]:
    """Titles + abstracts of PubMed XML records under ``source``; or the corpus's paragraphs."""
    from pipeline.readers import expand_inputs, read_file
    from pipeline.schema import Document

    inputs = [str(source)] if source is not None else [str(ROOT / "corpus")]
    texts: list[str] = []
    for path in expand_inputs(inputs):
        for document in read_file(path):
            if not isinstance(document, Document):
                continue
            texts.extend(section.text for section in document.sections if section.text.strip())
            if len(texts) >= n_docs:
                return texts[:n_docs]
    return texts


def words_per_second(nlp, texts: list[str], cpu: bool = False) -> tuple[float, int]:
    """Words per second of wall time, or (``cpu``) per second of this process's CPU time:
    the figure to read when other jobs share the machine."""
    list(nlp.pipe(texts[:20]))  # warm up
    clock = time.process_time if cpu else time.perf_counter
    words = 0
    started = clock()
    for doc in nlp.pipe(texts, batch_size=64):
        words += sum(1 for t in doc if not t.is_space)
    return words / (clock() - started), words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path,
                        help="PubMed XML file or folder (e.g. ../shared/samples/pubmed-xml)")
    parser.add_argument("--docs", type=int, default=500, help="sections to run (default 500)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--cpu", action="store_true",
                        help="words per CPU-second instead of wall-clock second (loaded machine)")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")

    import spacy

    from pipeline.ner.neural import DEFAULT_NER_MODELS, resolve_ner_model
    from pipeline.nlp import bare_models, core_model_path

    texts = abstracts(args.source, args.docs)
    results: dict = {"texts": len(texts)}
    with threadpool_limits(1):
        together, words = words_per_second(bare_models(), texts, args.cpu)
        results.update(words=words, clock="cpu" if args.cpu else "wall",
                       all_models_words_per_s=round(together))
        core = spacy.load(core_model_path())
        results["core_words_per_s"] = round(words_per_second(core, texts, args.cpu)[0])
        for name in DEFAULT_NER_MODELS:
            model = spacy.load(resolve_ner_model(name))
            results[f"{name}_words_per_s"] = round(words_per_second(model, texts, args.cpu)[0])
    print(f"{results['texts']} texts, {results['words']:,} words, one thread, "
          f"{results['clock']} clock:")
    for key, value in results.items():
        if key.endswith("words_per_s"):
            print(f"  {key.removesuffix('_words_per_s'):<16} {value:>8,} words/s")
    print("target: all models together >= 4,000 words/s per core")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
