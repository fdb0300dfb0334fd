from pathlib import Path

from pipeline.readers import detect_format, doc_id_for, expand_inputs, read_file
from pipeline.readers.pubmed_page import read_pubmed_page
from tests.conftest import EXAMPLE

PAGE = """Skip to main page content
An official website of the United States government
Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation
Review
. 2001 Jan;12(3):45-67.
doi: 10.1000/xyz.2001.123.

Drug X restores T-cell function in leukemia

Review

Drug X restores T-cell function in leukemia

Jane Doe et al. Blood. 2001 Jan.

Abstract

Drug X enhances the proliferation of NK cells in patients with leukemia. It is safe.

PubMed Disclaimer

Figures

Figure 1.
Figure 1.
Drug X increases NK cell cytotoxicity. Cells were treated for 24 hours.
Figure 2.
Figure 2.
Drug X reduces regulatory T cells.

References

    1. Smith A. Drug X inhibits B cells. Blood. 2000;1:1-2. - PubMed

MeSH terms

  • Drug X / pharmacology*
"""


def test_page_is_detected_from_content_not_name():
    assert detect_format(PAGE, "anything.txt") == "pubmed-page"
    assert detect_format("Lenalidomide stimulates T cells.", "x.html") == "text"


def test_page_sections_and_metadata():
    doc = read_pubmed_page(PAGE, "doc", "doc.txt")
    kinds = [(s.section_id, s.section, s.label) for s in doc.sections]
    assert kinds == [("title", "title", ""), ("abstract", "abstract", ""),
                     ("figure-1", "figure", "Figure 1"), ("figure-2", "figure", "Figure 2")]
    assert doc.title == "Drug X restores T-cell function in leukemia"
    assert doc.doi == "10.1000/xyz.2001.123"
    assert (doc.journal, doc.year, doc.authors) == ("Blood", "2001", ["Jane Doe"])
    assert doc.n_figures == 2


def test_offsets_index_the_file_and_boilerplate_is_dropped():
    doc = read_pubmed_page(PAGE, "doc", "doc.txt")
    for section in doc.sections:
        assert PAGE[section.offset:section.offset + len(section.text)] == section.text
    everything = " ".join(s.text for s in doc.sections)
    for noise in ("Smith A", "MeSH", "official website", "Disclaimer", "pharmacology"):
        assert noise not in everything


def test_example_document(tmp_path):
    doc = next(read_file(EXAMPLE))
    assert doc.doc_id == "ramsay-2009-haematologica" and doc.format == "pubmed-page"
    assert [s.section_id for s in doc.sections] == ["title", "abstract", "figure-1", "figure-2"]
    assert doc.title.startswith("Immune dysfunction in chronic lymphocytic leukemia T cells")
    assert doc.doi == "10.3324/haematol.2009.009274" and doc.journal == "Haematologica"
    assert doc.sections[2].text.startswith("Lenalidomide repairs chronic lymphocytic")
    assert "Tam CS" not in " ".join(s.text for s in doc.sections)


def test_plain_text_is_one_abstract_section_unchanged(tmp_path):
    path = tmp_path / "note.txt"
    text = "Lenalidomide enhances NK cells.\n\nSecond paragraph here.\n"
    path.write_text(text)
    doc = next(read_file(path))
    assert doc.format == "text" and doc.doc_id == "note"
    assert [(s.section, s.offset, s.text) for s in doc.sections] == [("abstract", 0, text)]


def test_bad_files_become_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    errors = [next(read_file(p)) for p in sorted(tmp_path.iterdir())]
    assert [e.error for e in errors] == ["binary file, not text", "empty file"]
    assert all(e.stage == "read" for e in errors)


def test_expand_inputs_walks_folders_and_globs(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y")
    (tmp_path / ".hidden").write_text("z")
    assert [p.name for p in expand_inputs([str(tmp_path)])] == ["a.txt", "b.txt"]
    assert [p.name for p in expand_inputs([str(tmp_path / "*.txt")])] == ["a.txt"]


def test_doc_id_strips_extensions():
    assert doc_id_for(Path("x/ramsay-2009.txt")) == "ramsay-2009"
    assert doc_id_for(Path("pubmed24n0001.xml.gz")) == "pubmed24n0001"
