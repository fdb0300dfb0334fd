"""The progress bar's total before every file is read: records counted in the raw bytes."""

from __future__ import annotations

import gzip

from pipeline.engine.runner import estimate_documents
from tests.readers import fixtures


def test_estimate_counts_pubmed_records_in_plain_and_gzipped_files(tmp_path):
    pmids = [str(n) for n in range(1, 2001)]  # several MB: the count crosses read chunks
    data = fixtures.pubmed_xml(pmids)
    (tmp_path / "set.xml").write_bytes(data)
    (tmp_path / "set.xml.gz").write_bytes(gzip.compress(data))
    (tmp_path / "export.nbib").write_text(fixtures.MEDLINE)
    (tmp_path / "note.txt").write_text("Lenalidomide enhances NK cells.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "cut.xml.gz").write_bytes(gzip.compress(data)[:100])
    n_medline = fixtures.MEDLINE.count("\nPMID-") + fixtures.MEDLINE.startswith("PMID-")
    assert estimate_documents([tmp_path / "set.xml"]) == 2000
    assert estimate_documents([tmp_path / "set.xml.gz"]) == 2000
    files = sorted(tmp_path.iterdir())
    assert estimate_documents(files) == 2000 * 2 + max(1, n_medline) + 3
