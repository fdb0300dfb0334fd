"""What one section of a document needs to know about the rest of the document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DrugRef:
    """A drug named somewhere in the document: an antecedent for implicit mentions."""

    text: str
    norm: str
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrugDefinition:
    """What a short form the document defines as a drug stands for ("sodium fluoride (NaF)"):
    the drug's name and ids, and how they were found (pipeline.ner.merge.short_form_drugs)."""

    norm: str
    ids: tuple[str, ...] = ()
    source: str = ""
    match: str = ""
    kind: str = ""


@dataclass
class DocumentContext:
    doc_id: str = ""
    pmid: str = ""
    section_id: str = ""
    section: str = "abstract"
    abbreviations: dict[str, str] = field(default_factory=dict)
    title_drugs: list[DrugRef] = field(default_factory=list)
    document_drugs: list[DrugRef] = field(default_factory=list)
    # Words (and two-word phrases) of the sections read so far: the cues that let an
    # ambiguous term such as "rod" or "DC" be read as a cell (pipeline.grounding.context).
    words: set[str] = field(default_factory=set)
    # Short forms the document defines, and whether their long form names a substance (a
    # drug or other chemical): "ADCC" (antibody-dependent cellular cytotoxicity) does not, so
    # a model that tags "ADCC" as a chemical is not believed (pipeline.ner.merge).
    substances: dict[str, bool] = field(default_factory=dict)
    # Short forms the document defines as drugs where scispaCy's detector cannot tell
    # ("sodium fluoride (NaF)"), with the drug each stands for: a "NaF" in a later figure
    # legend is that drug too (pipeline.ner.merge).
    drug_definitions: dict[str, DrugDefinition] = field(default_factory=dict)
    # Names the document gives as cell lines ("liver cancer cell Bel-7402", "HT-29 cells"): a
    # bare "Bel-7402" in a later section is that line too (pipeline.ner.recognizer).
    cell_lines: set[str] = field(default_factory=set)
