"""Abbreviations and cue words carried across the sections of one document."""

from pipeline.nlp import annotate_document
from pipeline.schema import Document, Section


def test_abbreviation_defined_in_the_abstract_names_the_drug_in_a_legend(nlp):
    document = Document("d1", "test", "text", sections=[
        Section("abstract", "abstract", "We studied lenalidomide (LEN) in CLL."),
        Section("figure-1", "figure", "LEN enhanced NK cell cytotoxicity."),
    ])
    result = annotate_document(nlp, document)
    legend = [e for e in result.entities if e.section_id == "figure-1" and e.label == "DRUG"]
    assert [(e.text, e.norm) for e in legend] == [("LEN", "lenalidomide")]
    assert "DRUGBANK:DB00480" in legend[0].ids


def test_entities_report_the_cell_type_span_with_its_ids(nlp):
    text = "Lenalidomide restored autologous CD4+ T cells."
    document = Document("d2", "test", "text", sections=[Section("abstract", "abstract", text, offset=0)])
    result = annotate_document(nlp, document)
    cells = [e for e in result.entities if e.label == "CELL"]
    assert [(e.text, e.ids) for e in cells] == [("CD4+ T cells", ["CL:0000624"])]
    assert text[cells[0].start:cells[0].end] == "CD4+ T cells"
    assert (cells[0].match, cells[0].qualifiers) == ("composed", {"markers": "CD4+"})
    assert result.claims[0].cell == "autologous CD4+ T cells"
    assert result.claims[0].cell_ids == ["CL:0000624"]


def test_cue_words_of_earlier_sections_count(nlp):
    document = Document("d3", "test", "text", sections=[
        Section("abstract", "abstract", "Degeneration of the retina."),
        Section("figure-1", "figure", "Rods were counted."),
    ])
    cells = [e for e in annotate_document(nlp, document).entities if e.label == "CELL"]
    assert [(e.text, e.ids) for e in cells] == [("Rods", ["CL:0000604"])]
    alone = Document("d4", "test", "text", sections=[Section("figure-1", "figure", "Rods were counted.")])
    assert [e for e in annotate_document(nlp, alone).entities if e.label == "CELL"] == []


def test_a_drug_short_form_defined_in_the_abstract_is_that_drug_in_a_legend(nlp):
    # scispaCy's detector cannot read "NaF" as sodium fluoride; the merge's own definition
    # ("LONG (SHORT)" after a drug) is carried to the sections after it.
    document = Document("d5", "test", "text", sections=[
        Section("abstract", "abstract", "Rat thymocytes were exposed to sodium fluoride (NaF)."),
        Section("figure-1", "figure", "NaF lowered the viability of Jurkat cells."),
    ])
    result = annotate_document(nlp, document)
    legend = [e for e in result.entities if e.section_id == "figure-1" and e.label == "DRUG"]
    assert [(e.text, e.norm) for e in legend] == [("NaF", "sodium fluoride")]
    assert [(c.drug, c.drug_norm) for c in result.claims if c.section_id == "figure-1"] == [
        ("NaF", "sodium fluoride")]


def test_a_cell_line_named_in_the_title_is_that_line_in_the_abstract(nlp):
    # "Bel-7402" is in no table; the title names it as a line after "cancer cell", and a
    # model reads the bare name in the abstract as a gene.
    document = Document("d6", "test", "text", sections=[
        Section("title", "title", "Sorafenib induces the apoptosis of liver cancer cell Bel-7402."),
        Section("abstract", "abstract", "Sorafenib could induce Bel-7402 apoptosis."),
    ])
    result = annotate_document(nlp, document)
    lines = [(e.section_id, e.text) for e in result.entities if e.label == "CELL_LINE"]
    assert lines == [("title", "Bel-7402"), ("abstract", "Bel-7402")]
    assert [(c.section_id, c.cell) for c in result.claims] == [
        ("title", "cancer cell Bel-7402"), ("abstract", "Bel-7402")]


def test_a_name_shaped_like_a_line_is_no_line_without_a_line_word(nlp):
    document = Document("d7", "test", "text", sections=[
        Section("abstract", "abstract", "Sorafenib reduced Bel-7402 levels in T cells."),
    ])
    assert [e for e in annotate_document(nlp, document).entities if e.label == "CELL_LINE"] == []
