"""Build the spaCy pipeline and run it over a Document, section by section.

The pipeline is the core model (tokenizer, tagger, parser; ours in ``models/core`` or any
scispaCy ``en_core_sci_*``), then biomedical sentence fixes, scispaCy's abbreviation
detector, the neural NER models (ours in ``models/ner-*`` or scispaCy's ``en_ner_*``), our
lexicon NER, which merges the models' spans in, and our claim rules.
:func:`annotate_document` runs it over the sections of one Document, carrying what one
section tells the next (abbreviations, title drugs).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.claims.component
import pipeline.ner.component
import pipeline.ner.neural  # noqa: F401 - registers the spaCy factories
from pipeline.context import DocumentContext, DrugRef
from pipeline.ner.component import document_abbreviations
from pipeline.ner.neural import DEFAULT_NER_MODELS, NerModelNotFound, ner_model_infos
from pipeline.ner.recognizer import DRUG, Mention
from pipeline.nlp import sentences  # noqa: F401 - registers biomedical_sentences
from pipeline.resources import models_dir
from pipeline.schema import Document, DocumentResult, Entity, Section

DEFAULT_CORE = "core"


class SectionTooLong(ValueError):
    """A section longer than the parser can take in one piece (spaCy's max_length)."""


class ModelNotFound(RuntimeError):
    """The core model named by the user cannot be loaded."""


def core_model_path(name: str | None = None) -> str:
    """A path or package name for the core model; the shipped ``models/core`` by default."""
    if not name or name == DEFAULT_CORE:
        return str(models_dir() / DEFAULT_CORE)
    return name


def load_core(name: str | None = None) -> Language:
    target = core_model_path(name)
    import scispacy.custom_tokenizer  # noqa: F401 - tokenizer functions for scispaCy models
    try:
        return spacy.load(target)
    except OSError as err:
        raise ModelNotFound(
            f"cannot load the core model {target!r}: not a folder with a spaCy pipeline "
            "nor an installed model package"
        ) from err


__all__ = ["DEFAULT_NER_MODELS", "NerModelNotFound", "ner_model_infos"]


def build_nlp(core_model: str | None = None, ner_models: Sequence[str] | None = None) -> Language:
    """The full pipeline: core model + sentences + abbreviations + NER + claims.

    ``ner_models``: the neural NER models to run beside the lexicons; ``None`` means
    :data:`DEFAULT_NER_MODELS`, an empty list the lexicons alone."""
    import scispacy.abbreviation  # noqa: F401 - registers abbreviation_detector

    nlp = bare_models(core_model, ner_models)
    # Ours go where they went before the NER models: sentences before the parser, the
    # abbreviation detector after the core model.
    models = "neural_ner" if "neural_ner" in nlp.pipe_names else None
    nlp.add_pipe("biomedical_sentences", before="parser" if "parser" in nlp.pipe_names else models)
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", before="biomedical_sentences")
    nlp.add_pipe("abbreviation_detector", before=models)
    nlp.add_pipe("drug_cell_ner")
    nlp.add_pipe("drug_cell_claims")
    return nlp


def bare_models(core_model: str | None = None, ner_models: Sequence[str] | None = None) -> Language:
    """The neural models alone, as the pipeline runs them (core tagger/parser, then each NER
    model on the same tokens) without our sentence fixes, lexicons, grounding or rules: the
    baseline the benchmarks compare the pipeline's throughput with."""
    nlp = load_core(core_model)
    for name in [n for n in nlp.pipe_names if n in {"ner", "senter"}]:
        nlp.disable_pipe(name)
    models = list(DEFAULT_NER_MODELS if ner_models is None else ner_models)
    if models:
        nlp.add_pipe("neural_ner", config={"models": models})
    return nlp


def annotate_sections(nlp: Language, document: Document) -> Iterator[tuple[Section, Doc]]:
    """Each section (title first) as an annotated spaCy Doc. The title's drug and the
    abbreviations defined so far are carried to the sections after them."""
    context = DocumentContext(doc_id=document.doc_id, pmid=document.pmid)
    ordered = sorted(document.sections, key=lambda s: s.section != "title")
    for section in ordered:
        if len(section.text) > nlp.max_length:
            raise SectionTooLong(
                f"section {section.section_id!r} has {len(section.text):,} characters, more than "
                f"the {nlp.max_length:,} the models read at once")
    # The models need no context: they read all sections in one batch (faster than one call
    # per section); the stages that carry context run section by section, in order.
    in_context = ["drug_cell_ner", "drug_cell_claims"]
    with nlp.select_pipes(disable=[n for n in in_context if n in nlp.pipe_names]):
        docs = list(nlp.pipe(section.text for section in ordered))
    for section, doc in zip(ordered, docs, strict=True):
        context.section_id, context.section = section.section_id, section.section
        doc._.document_context = context
        doc = nlp.get_pipe("drug_cell_ner")(doc)
        doc = nlp.get_pipe("drug_cell_claims")(doc)
        context.abbreviations.update(
            {k: v for k, v in document_abbreviations(doc).items() if k not in context.abbreviations}
        )
        if section.section == "title":
            drugs = [DrugRef(m.text(doc), m.norm, m.ids) for m in doc._.mentions
                     if m.label == DRUG]
            context.title_drugs = drugs[:1]
        yield section, doc


def annotate_document(nlp: Language, document: Document) -> DocumentResult:
    """Run the pipeline over each section; entities and claims as plain records."""
    result = DocumentResult(document=document)
    for section, doc in annotate_sections(nlp, document):
        result.n_sentences += sum(1 for _ in doc.sents)
        text = doc.text  # Doc.text joins every token on each access
        result.entities.extend(mention_entity(document, section, m, text) for m in doc._.mentions)
        result.claims.extend(doc._.claims)
    result.entities.extend(document.entities)  # annotations the input carried (source "input")
    order = {s.section_id: k for k, s in enumerate(document.sections)}
    result.claims.sort(key=lambda c: (order[c.section_id], c.sentence_start, c.cell_start))
    result.entities.sort(key=lambda e: (order[e.section_id], e.start, e.end))
    return result


def mention_entity(document: Document, section: Section, mention: Mention, text: str) -> Entity:
    """The entity row of a mention: the words that name the cell type (markers included,
    population modifiers such as "autologous" not), which is what its ids stand for."""
    start, end = mention.term_span
    return Entity(document.doc_id, section.section_id, section.section, start, end,
                  text[start:end], mention.label, mention.norm, list(mention.ids), mention.source,
                  mention.match, dict(mention.qualifiers))
