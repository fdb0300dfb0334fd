"""The real samples in ../shared (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers import expand_inputs, read_file
from pipeline.schema import Document, DocumentError
from tests.conftest import SHARED, needs_shared

SAMPLES = SHARED / "samples"
pytestmark = [needs_shared, pytest.mark.shared]


def read_all(paths: list[Path], sections: str = "default"):
    items = [item for path in paths for item in read_file(path, sections)]
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, DocumentError)])


def test_pubmed_xml_samples():
    files = sorted((SAMPLES / "pubmed-xml").glob("*.xml"))
    docs, errors = read_all(files)
    assert not errors and len(docs) == len(files) == 148
    assert all(d.format == "pubmed-xml" and d.doc_id == d.pmid and d.title for d in docs)
    assert sum(1 for d in docs if any(s.section == "abstract" for s in d.sections)) > 140
    assert all(d.doc_id.lstrip("0") == f.stem.lstrip("0") for d, f in zip(docs, files, strict=True))


def test_medline_sample_matches_the_xml_records():
    docs, errors = read_all([SAMPLES / "medline" / "pubmed-sample.nbib"])
    assert not errors and len(docs) == 60
    xml_titles = {}
    for path in sorted((SAMPLES / "pubmed-xml").glob("*.xml")):
        for doc in read_file(path):
            xml_titles[doc.pmid] = doc.title
    same = sum(1 for d in docs if " ".join(d.title.split()) == xml_titles.get(d.pmid))
    assert same >= 55


def test_pubtator_and_bioc_samples_agree():
    pubtator, errors = read_all([SAMPLES / "pubtator" / "CDR_sample.txt"])
    assert not errors and len(pubtator) == 50
    for name in ("cdr-sample.bioc.xml", "cdr-sample.bioc.json"):
        bioc, errors = read_all([SAMPLES / "bioc" / name])
        assert not errors and len(bioc) == 25
        by_id = {d.doc_id: d for d in pubtator}
        for doc in bioc:
            assert doc.title == by_id[doc.doc_id].title
            ours = {(e.section_id, e.start, e.text) for e in doc.entities}
            theirs = {(e.section_id, e.start, e.text) for e in by_id[doc.doc_id].entities}
            assert ours <= theirs and len(theirs - ours) <= 1
    total = sum(len(d.entities) for d in pubtator)
    assert total > 400 and not any(d.warnings for d in pubtator)


def test_craft_jats_articles():
    files = sorted((SHARED / "corpora/craft/articles/nxml").glob("*.nxml"))
    docs, errors = read_all(files, sections="all")
    assert not errors and len(docs) == len(files) == 67
    assert all(d.format == "jats" and d.title and (d.pmid or d.doi) for d in docs)
    assert sum(d.n_figures for d in docs) > 200
    assert all(any(s.section == "body" for s in d.sections) for d in docs)
    for doc in docs:
        labels = [s.label for s in doc.sections if s.section == "figure"]
        assert all(labels), doc.doc_id


def test_whole_samples_folder_is_accounted_for():
    files = expand_inputs([str(SAMPLES)])
    assert len(files) > 150
    docs, errors = read_all(files)
    assert not errors
    assert {d.format for d in docs} >= {"pubmed-xml", "medline", "bioc", "pubtator", "pubmed-page"}
