"""Every input format, on fixtures written for these tests."""

from __future__ import annotations

import gzip
import json

import pytest

from pipeline.readers import detect_format, read_file
from pipeline.schema import Document, DocumentError
from tests.readers import fixtures


def read(tmp_path, name, data, sections="default"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    items = list(read_file(path, sections))
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, DocumentError)])


def test_pubmed_xml_articles_and_metadata(tmp_path):
    docs, errors = read(tmp_path, "set.xml", fixtures.pubmed_xml(["11", "22"]))
    assert not errors and [d.doc_id for d in docs] == ["11", "22"]
    doc = docs[0]
    assert doc.format == "pubmed-xml" and doc.pmid == "11"
    assert doc.title == "Drug 11 enhances NK cells."
    assert doc.sections[1].text == ("BACKGROUND: Lenalidomide is studied.\n"
                                    "RESULTS: Lenalidomide enhanced the cytotoxicity of NK cells.")
    assert (doc.journal, doc.year, doc.doi) == ("Journal of Tests", "2020", "10.1/11")
    assert doc.authors == ["Doe, Jane", "Test Group"]
    assert doc.metadata["pmcid"] == "PMC11"
    assert doc.metadata["mesh_terms"] == ["Killer Cells, Natural"]
    assert doc.metadata["publication_types"] == ["Review"]


def test_pubmed_xml_broken_record_costs_only_itself(tmp_path):
    docs, errors = read(tmp_path, "set.xml", fixtures.pubmed_xml(["1", "2", "3"], broken={"2"}))
    assert [d.doc_id for d in docs] == ["1", "3"]
    assert len(errors) == 1 and errors[0].doc_id == "2" and "record 2" in errors[0].error


def test_pubmed_xml_truncated_file_keeps_earlier_records(tmp_path):
    data = fixtures.pubmed_xml(["1", "2"])
    docs, errors = read(tmp_path, "cut.xml", data[: data.rfind(b"</Abstract>")])
    assert [d.doc_id for d in docs] == ["1"]
    assert "truncated" in errors[0].error and errors[0].doc_id == "2"


def test_pubmed_xml_gzip_and_corrupt_gzip(tmp_path):
    docs, errors = read(tmp_path, "set.xml.gz", gzip.compress(fixtures.pubmed_xml(["5", "6"])))
    assert [d.doc_id for d in docs] == ["5", "6"] and not errors
    corrupt = gzip.compress(fixtures.pubmed_xml(["5"] * 50))[:300]
    docs, errors = read(tmp_path, "bad.xml.gz", corrupt)
    assert not docs and errors and errors[-1].stage == "read"


def test_entity_bomb_and_external_entities_are_refused(tmp_path):
    docs, errors = read(tmp_path, "bomb.xml", fixtures.BILLION_LAUGHS)
    assert not docs and "refused for safety" in errors[0].error
    docs, errors = read(tmp_path, "secret.nxml", fixtures.EXTERNAL_ENTITY_JATS)
    assert not docs and "refused for safety" in errors[0].error
    assert "root:" not in errors[0].error


def test_absurd_nesting_is_refused(tmp_path):
    deep = b"<article><body>" + b"<sec>" * 5000 + b"x" + b"</sec>" * 5000 + b"</body></article>"
    docs, errors = read(tmp_path, "deep.nxml", deep)
    assert not docs and "nested deeper" in errors[0].error


def test_jats(tmp_path):
    docs, errors = read(tmp_path, "PMC456.nxml", fixtures.JATS, sections="all")
    assert not errors
    doc = docs[0]
    assert (doc.doc_id, doc.format, doc.pmid, doc.doi) == ("PMC456", "jats", "123", "10.1/abc")
    assert doc.metadata["pmcid"] == "PMC456" and doc.journal == "Test Journal"
    assert (doc.year, doc.authors) == ("2019", ["Roe, Ann"])
    kinds = [(s.section_id, s.label) for s in doc.sections]
    assert kinds == [("title", ""), ("abstract", ""), ("figure-1", "Figure 1"),
                     ("figure-2", "Figure 2"), ("body-1", "Introduction"), ("body-2", "Sub")]
    assert doc.title == "Lenalidomide and T cells"
    assert doc.sections[1].text == ("Background: Lenalidomide is an IMiD.\n"
                                    "Results: Lenalidomide restores T-cell function.")
    assert doc.sections[2].text == "Effect on NK cells. Lenalidomide enhanced NK cells."
    assert doc.sections[5].text == "Second paragraph."
    assert doc.n_figures == 2
    assert "reference" not in " ".join(s.text for s in doc.sections)


def test_jats_default_sections_leave_out_body(tmp_path):
    docs, _ = read(tmp_path, "a.nxml", fixtures.JATS)
    assert [s.section for s in docs[0].sections] == ["title", "abstract", "figure", "figure"]


def test_medline(tmp_path):
    docs, errors = read(tmp_path, "export.nbib", fixtures.MEDLINE)
    assert [d.doc_id for d in docs] == ["111", "222"]
    doc = docs[0]
    assert doc.format == "medline"
    assert doc.title == "Lenalidomide enhances NK cells: a continued title."
    assert doc.sections[1].text.startswith("BACKGROUND: Lenalidomide is an IMiD. RESULTS:")
    assert (doc.journal, doc.year, doc.doi, doc.authors) == ("Journal of Tests", "2001",
                                                           "10.1/111", ["Doe, Jane"])
    assert doc.metadata["mesh_terms"] == ["Killer Cells, Natural"]
    assert len(errors) == 1 and "PMID" in errors[0].error


def test_pubtator_with_its_annotations(tmp_path):
    docs, errors = read(tmp_path, "export.txt", fixtures.PUBTATOR)
    assert not errors and [d.doc_id for d in docs] == ["111", "222"]
    doc = docs[0]
    assert doc.format == "pubtator"
    found = [(e.section_id, e.start, e.end, e.text, e.label, e.ids, e.source) for e in doc.entities]
    assert found == [
        ("title", 0, 12, "Lenalidomide", "Chemical", ["MESH:D000077269"], "input"),
        ("abstract", 0, 12, "Lenalidomide", "Chemical", ["MESH:D000077269"], "input"),
        ("abstract", 54, 61, "myeloma", "Disease", ["MESH:D009101"], "input"),
    ]
    for entity in doc.entities:
        assert doc.section_by_id(entity.section_id).text[entity.start:entity.end] == entity.text


@pytest.mark.parametrize("name, data", [("c.xml", fixtures.BIOC_XML),
                                        ("c.json", fixtures.BIOC_JSON)])
def test_bioc_xml_and_json(tmp_path, name, data):
    docs, errors = read(tmp_path, name, data)
    assert not errors
    doc = docs[0]
    assert (doc.doc_id, doc.format, doc.title) == ("111", "bioc", "Lenalidomide and NK cells.")
    assert [(e.section_id, e.start, e.text) for e in doc.entities] == [
        ("title", 0, "Lenalidomide"), ("abstract", 24, "myeloma")]
    if name.endswith(".xml"):
        assert [(s.section_id, s.label) for s in doc.sections][2] == ("figure-1", "FIG")
        assert "reference" not in " ".join(s.text for s in doc.sections)


def test_html_page(tmp_path):
    docs, errors = read(tmp_path, "page.html", fixtures.HTML)
    assert not errors
    doc = docs[0]
    assert doc.format == "html"
    assert doc.title == "Lenalidomide restores T-cell function in leukemia"
    texts = {s.section_id: s.text for s in doc.sections}
    assert texts["abstract"] == ("Lenalidomide enhanced the cytotoxicity of NK cells & T cells "
                                 "in patients.")
    assert texts["figure-1"] == "Lenalidomide reduced regulatory T cells."
    everything = " ".join(texts.values())
    assert "var x" not in everything and "Smith" not in everything and "Home" not in everything


def test_detection_by_content(tmp_path):
    assert detect_format(fixtures.JATS.decode(), "x.txt") == "jats"
    assert detect_format(fixtures.BIOC_XML.decode(), "x.txt") == "bioc"
    assert detect_format(fixtures.pubmed_xml(["1"]).decode(), "x.json") == "pubmed-xml"
    assert detect_format(fixtures.MEDLINE, "x.xml") == "medline"
    assert detect_format(fixtures.PUBTATOR, "x.xml") == "pubtator"
    assert detect_format(fixtures.HTML, "x.txt") == "html"


@pytest.mark.parametrize("name, data, reason", [
    ("random.bin", bytes(range(256)) * 40, "binary"),
    ("notxml.xml", b"<?xml version='1.0'?><foo><bar>", "unknown kind"),
    ("malformed.nxml", b"<article><front></article>", "malformed XML"),
    ("bad.json", b'{"documents": [ {"id": ', "malformed JSON"),
    ("other.json", b'{"a": 1}', "BioC"),
])
def test_bad_inputs_give_one_line_reasons(tmp_path, name, data, reason):
    docs, errors = read(tmp_path, name, data)
    assert not docs and len(errors) == 1
    assert reason in errors[0].error and "\n" not in errors[0].error


def test_utf16_with_bom_and_latin1_text(tmp_path):
    text = "Lenalidomide enhances naïve T cells."
    docs, _ = read(tmp_path, "u16.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert docs[0].sections[0].text == text
    docs, _ = read(tmp_path, "l1.txt", text.encode("latin-1"))
    assert docs[0].sections[0].text == text and "Latin-1" in docs[0].warnings[0]


def test_ten_megabyte_single_line_is_read(tmp_path):
    docs, errors = read(tmp_path, "long.txt", "word " * 2_000_000)
    assert not errors and len(docs[0].sections[0].text) == 10_000_000


def test_memory_stays_flat_on_a_large_pubmed_file(tmp_path):
    import tracemalloc

    path = tmp_path / "big.xml"
    path.write_bytes(fixtures.pubmed_xml([str(i) for i in range(1, 4001)]))
    tracemalloc.start()
    count = sum(1 for item in read_file(path) if isinstance(item, Document))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 4000
    assert peak < 20 * 2**20, f"peak {peak / 2**20:.1f} MB while streaming"


def test_bioc_json_wrapped_as_pubtator3(tmp_path):
    wrapped = json.dumps({"PubTator3": json.loads(fixtures.BIOC_JSON)["documents"]})
    docs, errors = read(tmp_path, "p3.json", wrapped)
    assert not errors and docs[0].doc_id == "111"


def test_entity_declared_inside_a_record_is_refused(tmp_path):
    data = fixtures.pubmed_xml(["1", "2"]).replace(
        b"<PubmedArticle>", b'<PubmedArticle><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    docs, errors = read(tmp_path, "sneaky.xml", data)
    assert [d.doc_id for d in docs] == ["2"]
    assert "refused for safety" in errors[0].error


def test_text_starting_with_a_bracket_is_not_json(tmp_path):
    # PubMed puts translated titles in brackets; such a text file was once read as JSON
    text = "[Effect of lenalidomide on NK cells]. Lenalidomide enhanced NK cells."
    docs, errors = read(tmp_path, "t.txt", text)
    assert not errors and docs[0].format == "text"
    assert detect_format('[{"id": "1", "passages": []}]') == "json"
