"""Benchmark: the whole pipeline at scale (``pipeline run``), 1 and 2 workers, cache, memory.

Builds a corpus of N abstracts from real text — PubMed XML records (``--source
../shared/samples/pubmed-xml``, repeated with new PMIDs) or plain text (``--source
../shared/corpora/...``, cut into ~215-word abstracts) — written as files of 10 records, then:

- runs ``pipeline run --fresh`` with each ``--workers`` count, timing it end to end (model
  loading and writing included) and sampling the resident memory of the runner and its
  workers together (peak RSS); reports documents/s, words/s and the speedup;
- changes 1% of the files and runs again (no ``--fresh``): the cache's re-run speedup (on
  another corpus size with ``--cache-docs``: the fixed cost of a run, about 3 s, weighs
  less on a larger corpus);
- with ``--rss-docs``, the peak RSS for other corpus sizes (flat memory);
- times the bare spaCy core model (tokenizer, tagger, parser) and the full pipeline in one
  process over the same texts, models already loaded: the pipeline/bare throughput ratio.

    python bench/batch.py --source ../shared/samples/pubmed-xml --docs 1000 [--workers 1,2]
        [--rss-docs 1000,20000] [--cache-docs 5000] [--json results.json]
    python bench/batch.py --source ../shared/samples/pubmed-xml --ratio-only [--model-docs 300]

Timing targets live here, not in the unit tests: ≥ 30 abstracts/s with 2 workers on a
2-core machine, speedup ≥ 1.7×, peak RSS at 20,000 within 1.2× of 1,000, cache re-run
≥ 20× faster, pipeline/bare ≥ 0.85.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_RECORD = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
_PMID = re.compile(rb"<PMID( [^>]*)?>\d+</PMID>")
PER_FILE = 10


def _xml_records(source: Path) -> list[bytes]:
    files = sorted(source.rglob("*.xml")) if source.is_dir() else [source]
    return [m.group(0) for path in files for m in _RECORD.finditer(path.read_bytes())]


def _text_abstracts(source: Path, words: int = 215) -> list[str]:
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in {".txt", ".conllu", ""})
    abstracts, current = [], []
    for path in files:
        for token in path.read_text(encoding="utf-8", errors="replace").split():
            if token.startswith("#") or "\t" in token:
                continue
            current.append(token)
            if len(current) >= words:
                abstracts.append(" ".join(current))
                current = []
    return abstracts


def build_corpus(source: Path, n_docs: int, folder: Path) -> int:
    """N abstracts in files of PER_FILE records; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    records = _xml_records(source)
    n_words = 0
    if records:
        for start in range(0, n_docs, PER_FILE):
            chunk = []
            for k in range(start, min(n_docs, start + PER_FILE)):
                record = _PMID.sub(b"<PMID>" + str(40_000_000 + k).encode() + b"</PMID>",
                                   records[k % len(records)], count=1)
                chunk.append(record)
            (folder / f"part-{start // PER_FILE:06d}.xml").write_bytes(
                b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n' + b"\n".join(chunk)
                + b"\n</PubmedArticleSet>\n")
        return section_words(folder)
    abstracts = _text_abstracts(source)
    if not abstracts:
        raise SystemExit(f"no PubMed XML records nor text under {source}")
    for k in range(n_docs):
        text = abstracts[k % len(abstracts)]
        n_words += len(text.split())
        sub = folder / f"part-{k // PER_FILE:06d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc-{k:07d}.txt").write_text(f"{text}\n[{k}]\n", encoding="utf-8")
    return n_words


def section_words(folder: Path) -> int:
    """Words of the text the pipeline reads (title, abstract), not of the XML's metadata."""
    from pipeline.readers import expand_inputs, read_file
    from pipeline.schema import Document

    return sum(len(s.text.split()) for path in expand_inputs([str(folder)]) for d in read_file(path)
               if isinstance(d, Document) for s in d.sections)


def change_files(folder: Path, share: float = 0.01) -> int:
    """Edit ``share`` of the files (every 100th): a sentence added to each of their records."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    changed = files[:: max(1, round(1 / share))]
    for path in changed:
        data = path.read_bytes()
        if path.suffix == ".xml":
            data = data.replace(b"</AbstractText>", b" Lenalidomide enhanced NK cells.</AbstractText>")
        else:
            data += b"Lenalidomide enhanced NK cells.\n"
        path.write_bytes(data)
    return len(changed)


class TreeMemory:
    """Peak resident memory of a process and its children, summed, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self.runner_peak = 0  # the runner alone: what the final tables, review and report cost
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.process, *self.process.children(recursive=True)]
                total = 0
                for proc in procs:
                    with contextlib.suppress(psutil.Error):
                        rss = proc.memory_info().rss
                        total += rss
                        if proc is self.process:
                            self.runner_peak = max(self.runner_peak, rss)
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak


def run_pipeline(corpus: Path, out: Path, workers: int, *extra: str) -> dict:
    command = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), "--quiet",
               "--workers", str(workers), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = TreeMemory(process.pid)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the runner and its workers
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 3):
        raise SystemExit(f"pipeline run failed ({process.returncode}): {stderr.decode()[-2000:]}")
    record = json.loads((out / "run.json").read_text())
    return {"workers": workers, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "load_average": round(os.getloadavg()[0], 2), "peak_rss_mb": round(peak / 2**20),
            "runner_peak_rss_mb": round(memory.runner_peak / 2**20),
            "documents": record["counts"]["documents"], "annotated": record["counts"]["annotated"],
            "claims": record["counts"]["claims"], "timings": record["timings"]}


def model_throughput(corpus: Path, limit: int) -> dict:
    """Documents/s of the bare models (core and NER models, as the pipeline runs them) and of
    the full pipeline, one process, loaded; wall time."""
    warnings.filterwarnings("ignore")
    from pipeline.nlp import annotate_document, bare_models, build_nlp
    from pipeline.readers import expand_inputs, read_file
    from pipeline.schema import Document

    documents = [d for path in expand_inputs([str(corpus)]) for d in read_file(path)
                 if isinstance(d, Document)][:limit]
    texts = [s.text for d in documents for s in sorted(d.sections, key=lambda s: s.section != "title")]
    bare = bare_models()
    full = build_nlp()
    for nlp_run in (lambda: [bare(t) for t in texts[:20]], lambda: [annotate_document(full, d)
                                                                    for d in documents[:5]]):
        nlp_run()  # warm up
    started = time.perf_counter()
    for text in texts:
        bare(text)
    bare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for document in documents:
        annotate_document(full, document)
    full_seconds = time.perf_counter() - started
    return {"documents": len(documents), "bare_docs_per_s": round(len(documents) / bare_seconds, 1),
            "pipeline_docs_per_s": round(len(documents) / full_seconds, 1),
            "ratio": round(bare_seconds / full_seconds, 3), "bare_components": bare.pipe_names}


class _TimedStage:
    """A pipeline component that adds the CPU time it takes to a shared tally."""

    def __init__(self, name: str, component, tally: dict[str, float]) -> None:
        self.name, self.component, self.tally = name, component, tally

    def __call__(self, doc):
        started = time.process_time()
        try:
            return self.component(doc)
        finally:
            self.tally[self.name] = self.tally.get(self.name, 0.0) + time.process_time() - started


# Stages of ours, not of a trained model. "models_share" (the full pipeline's CPU time less
# these stages, over the full time) measures the same as the ratio, from the full run alone.
OWN_STAGES = frozenset({"biomedical_sentences", "abbreviation_detector", "drug_cell_ner",
                        "drug_cell_claims", "other"})


def stage_cpu(corpus: Path, limit: int, rounds: int = 2) -> dict:
    """CPU time (not wall time: other jobs share the machine) of the bare models
    (:func:`pipeline.nlp.bare_models`: the core model and the NER models) and of the full
    pipeline over the same texts, models loaded, bare and full alternating for ``rounds``
    and the fastest round of each kept; the full pipeline's time split by stage
    (tokenizer, each component, and the rest of ``annotate_document``)."""
    warnings.filterwarnings("ignore")
    from pipeline.nlp import annotate_document, bare_models, build_nlp
    from pipeline.readers import expand_inputs, read_file
    from pipeline.schema import Document

    documents = [d for path in expand_inputs([str(corpus)]) for d in read_file(path)
                 if isinstance(d, Document)][:limit]
    texts = [s.text for d in documents for s in sorted(d.sections, key=lambda s: s.section != "title")]
    bare, full = bare_models(), build_nlp()
    tally: dict[str, float] = {}
    full.tokenizer = _TimedStage("tokenizer", full.tokenizer, tally)
    full._components = [(name, _TimedStage(name, proc, tally)) for name, proc in full._components]
    [bare(t) for t in texts[:20]], [annotate_document(full, d) for d in documents[:5]]  # warm up
    bare_runs, full_runs, stages = [], [], {}
    for _ in range(rounds):
        started = time.process_time()
        for text in texts:
            bare(text)
        bare_runs.append(time.process_time() - started)
        tally.clear()
        started = time.process_time()
        for document in documents:
            annotate_document(full, document)
        full_runs.append(time.process_time() - started)
        if full_runs[-1] == min(full_runs):
            stages = dict(tally, other=full_runs[-1] - sum(tally.values()))
    bare_cpu, full_cpu = min(bare_runs), min(full_runs)
    own = sum(v for k, v in stages.items() if k in OWN_STAGES)
    return {"documents": len(documents), "bare_cpu_seconds": round(bare_cpu, 2),
            "pipeline_cpu_seconds": round(full_cpu, 2), "cpu_ratio": round(bare_cpu / full_cpu, 3),
            "own_cpu_seconds": round(own, 3), "models_share": round(1 - own / full_cpu, 3),
            "stages_cpu_seconds": {k: round(v, 3) for k, v in stages.items()}}


def ratio_only(source: Path, n_docs: int) -> dict:
    """Only the pipeline/bare ratio, in CPU time, on ``n_docs`` abstracts (``--ratio-only``)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        build_corpus(source, n_docs, corpus)
        found = stage_cpu(corpus, n_docs)
    print(f"{found['documents']} abstracts, CPU time: bare models {found['bare_cpu_seconds']} s, "
          f"full pipeline {found['pipeline_cpu_seconds']} s: ratio {found['cpu_ratio']}; our own "
          f"stages {found['own_cpu_seconds']} s, models' share {found['models_share']}")
    for name, seconds in sorted(found["stages_cpu_seconds"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24} {seconds:8.3f} s  {100 * seconds / found['pipeline_cpu_seconds']:5.1f}%")
    return found


def cache_rerun(args, tmp_path: Path, corpus: Path, last: dict) -> dict:
    """Change 1% of the files and run again without --fresh: the re-run's speedup over the
    first run (``last``, or a first run with 2 workers on a corpus of ``--cache-docs``)."""
    size = args.cache_docs or args.docs
    out = tmp_path / f"out-{last['workers']}"
    if size != args.docs:
        corpus, out = tmp_path / f"cache-{size}", tmp_path / f"cache-out-{size}"
        build_corpus(args.source, size, corpus)
        last = run_pipeline(corpus, out, 2, "--fresh")
        print(f"first run of {size} abstracts (2 workers): {last['seconds']:.1f} s", flush=True)
    n_changed = change_files(corpus)
    rerun = run_pipeline(corpus, out, last["workers"])
    rerun.update(docs=size, first_seconds=last["seconds"], files_changed=n_changed,
                 speedup=round(last["seconds"] / rerun["seconds"], 1))
    print(f"re-run of {size} abstracts after {n_changed} of {len(list(corpus.rglob('*.*')))} files "
          f"changed: {rerun['annotated']} annotated, {rerun['seconds']:.1f} s, "
          f"{rerun['speedup']}× faster than the first run", flush=True)
    return rerun


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, required=True,
                        help="PubMed XML file or folder, or a folder of text")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated")
    parser.add_argument("--rss-docs", default="", help="other corpus sizes for peak RSS (2 workers)")
    parser.add_argument("--model-docs", type=int, default=300,
                        help="documents for the pipeline/bare-model ratio (0: skip)")
    parser.add_argument("--no-cache-check", action="store_true")
    parser.add_argument("--cache-docs", type=int, default=0,
                        help="corpus size for the cache re-run check (default: --docs); another "
                             "size gets its own corpus and a first run with 2 workers")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--ratio-only", action="store_true",
                        help="only the pipeline/bare ratio in CPU time, by stage, on --model-docs")
    args = parser.parse_args(argv)
    if args.ratio_only:
        found = ratio_only(args.source, args.model_docs)
        if args.json:
            args.json.write_text(json.dumps(found, indent=2) + "\n")
        return 0
    results: dict = {"cores": len(os.sched_getaffinity(0)), "docs": args.docs}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        n_words = build_corpus(args.source, args.docs, corpus)
        results["words_per_doc"] = round(n_words / args.docs, 1)
        print(f"corpus: {args.docs} abstracts, {n_words / args.docs:.0f} words each, from {args.source}",
              flush=True)
        runs = []
        for workers in [int(w) for w in args.workers.split(",") if w]:
            run = run_pipeline(corpus, tmp_path / f"out-{workers}", workers, "--fresh")
            run["docs_per_s"] = round(args.docs / run["seconds"], 1)
            run["words_per_s"] = round(n_words / run["seconds"])
            runs.append(run)
            print(f"workers={workers}: {run['seconds']:.1f} s, {run['docs_per_s']} docs/s, "
                  f"CPU {run['cpu_seconds']:.1f} s, load average {run['load_average']}, "
                  f"{run['words_per_s']:,} words/s, peak RSS {run['peak_rss_mb']} MB "
                  f"(process {run['timings']['process_seconds']} s, "
                  f"write {run['timings']['write_seconds']} s)",
                  flush=True)
        results["runs"] = runs
        if len(runs) > 1:
            results["speedup"] = round(runs[0]["seconds"] / runs[-1]["seconds"], 2)
            # On a machine other jobs share, wall time says little: CPU time per document
            # says what the workers cost; the speedup on idle cores follows from it.
            cpu_ratio = runs[-1]["cpu_seconds"] / runs[0]["cpu_seconds"]
            results["cpu_ratio"] = round(cpu_ratio, 3)
            results["idle_speedup_estimate"] = round(runs[-1]["workers"] / runs[0]["workers"] / cpu_ratio, 2)
            print(f"speedup {runs[0]['workers']}→{runs[-1]['workers']} workers: {results['speedup']}× "
                  f"(wall); CPU time ×{cpu_ratio:.2f}, so at most "
                  f"{results['idle_speedup_estimate']}× on idle cores")
        if not args.no_cache_check and runs:
            results["cache_rerun"] = cache_rerun(args, tmp_path, corpus, runs[-1])
        # the main 2-worker run is the first point of the memory comparison
        rss = [{**run, "docs": args.docs} for run in runs if run["workers"] == 2]
        for size in [int(s) for s in args.rss_docs.split(",") if s and int(s) != args.docs]:
            folder = tmp_path / f"rss-{size}"
            build_corpus(args.source, size, folder)
            run = run_pipeline(folder, tmp_path / f"rss-out-{size}", 2, "--fresh")
            run["docs"] = size
            rss.append(run)
            print(f"peak RSS at {size} abstracts (2 workers): {run['peak_rss_mb']} MB "
                  f"(runner alone {run['runner_peak_rss_mb']} MB), {run['seconds']:.0f} s "
                  f"(write {run['timings']['write_seconds']} s)",
                  flush=True)
        if rss:
            results["rss"] = rss
            results["rss_ratio"] = round(rss[-1]["peak_rss_mb"] / rss[0]["peak_rss_mb"], 2)
            print(f"peak RSS ratio {rss[-1]['docs']}/{rss[0]['docs']}: {results['rss_ratio']}")
        if args.model_docs:
            models = model_throughput(corpus, args.model_docs)
            results["models"] = models
            print(f"one process, models loaded, {models['documents']} abstracts: bare models (core + NER) "
                  f"{models['bare_docs_per_s']} docs/s, full pipeline {models['pipeline_docs_per_s']} "
                  f"docs/s: ratio {models['ratio']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
