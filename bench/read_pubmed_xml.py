"""Benchmark: reading PubMed XML alone (no NLP), in articles per second on one core.

Builds a baseline-sized file (30,000 articles by default) from real records — the PubMed
XML samples given with ``--samples`` (e.g. ../shared/samples/pubmed-xml), repeated with new
PMIDs — optionally gzipped like the baseline files, then times the reader over it and
reports the peak resident memory of the process.

    python bench/read_pubmed_xml.py --samples ../shared/samples/pubmed-xml [--articles 30000] [--gzip]
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from pipeline.readers import read_file
from pipeline.schema import Document

_RECORD = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.S)
_SYNTHETIC = (b"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><Journal><Title>J"
              b"</Title></Journal><ArticleTitle>Lenalidomide and NK cells.</ArticleTitle><Abstract>"
              b"<AbstractText>" + b"Lenalidomide enhanced NK cell cytotoxicity. " * 30 +
              b"</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>")


def sample_records(folder: Path | None) -> list[bytes]:
    if folder is None:
        return [_SYNTHETIC]
    records = [m.group(0) for path in sorted(folder.glob("*.xml"))
               for m in _RECORD.finditer(path.read_bytes())]
    if not records:
        raise SystemExit(f"no <PubmedArticle> records under {folder}")
    return records


def build_file(records: list[bytes], n_articles: int, compress: bool, folder: Path) -> Path:
    path = folder / ("bench.xml.gz" if compress else "bench.xml")
    opener = gzip.open if compress else open
    with opener(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        for k in range(n_articles):
            record = records[k % len(records)]
            record = re.sub(rb"<PMID( [^>]*)?>\d+</PMID>",
                            b"<PMID>" + str(10_000_000 + k).encode() + b"</PMID>", record, count=1)
            out.write(record.replace(b"{pmid}", str(k).encode()) + b"\n")
        out.write(b"</PubmedArticleSet>\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=Path, help="folder of PubMed XML files (real records)")
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--gzip", action="store_true", help="gzip the file, as baseline files are")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = build_file(sample_records(args.samples), args.articles, args.gzip, Path(tmp))
        size = path.stat().st_size
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.process_time()
        wall = time.perf_counter()
        documents = errors = 0
        for item in read_file(path):
            if isinstance(item, Document):
                documents += 1
            else:
                errors += 1
        cpu = time.process_time() - started
        wall = time.perf_counter() - wall
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"file: {args.articles} articles, {size / 2**20:.1f} MB{' gzip' if args.gzip else ''}, "
          f"records from {args.samples or 'a synthetic template'}")
    print(f"read {documents} documents ({errors} errors) in {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"speed: {documents / cpu:,.0f} articles/s per core (CPU time); "
          f"peak RSS {rss_after / 1024:.0f} MB (before reading: {rss_before / 1024:.0f} MB)")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
