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
from pipeline.models import (
    DEFAULT_CORE,
    DEFAULT_NER_MODELS,
    ModelNotFound,
    NerModelNotFound,
    core_model_path,
    ner_model_infos,
)
from pipeline.ner.component import document_abbreviations
from pipeline.ner.recognizer import DRUG, Mention
from pipeline.nlp import sentences  # noqa: F401 - registers biomedical_sentences
from pipeline.schema import Document, DocumentResult, Entity, Section


class SectionTooLong(ValueError):
    """A section longer than the parser can take in one piece (spaCy's max_length)."""


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


__all__ = ["DEFAULT_CORE", "DEFAULT_NER_MODELS", "ModelNotFound", "NerModelNotFound",
           "core_model_path", "ner_model_infos"]


def build_nlp(core_model: str | None = None, ner_models: Sequence[str] | None = None) -> Language:
    """The full pipeline: core model + sentences + abbreviations + NER + claims.

    ``ner_models``: the neural NER models to run beside the lexicons; ``None`` means
    :data:`DEFAULT_NER_MODELS`, an empty list the lexicons alone."""
    import scispacy.abbreviation  # noqa: F401 - registers abbreviation_detector

    nlp = bare_models(core_model, ner_models)
    # Ours go where they went before the NER models: sentences first (a period split off a
    # word, "treated with CsA.", is then a period to the tagger and the parser too), the
    # abbreviation detector after the core model.
    models = "neural_ner" if "neural_ner" in nlp.pipe_names else None
    nlp.add_pipe("biomedical_sentences", first=True)
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


# The stages that carry context from one section to the next (abbreviations, title drugs):
# they run section by section, in order, after the models.
IN_CONTEXT = ("drug_cell_ner", "drug_cell_claims")


def _ordered_sections(nlp: Language, document: Document) -> list[Section]:
    """The sections in reading order for context (title first); raises
    :class:`SectionTooLong` before any model runs when one cannot be read at once."""
    for section in document.sections:
        if len(section.text) > nlp.max_length:
            raise SectionTooLong(
                f"section {section.section_id!r} has {len(section.text):,} characters, more than "
                f"the {nlp.max_length:,} the models read at once")
    return sorted(document.sections, key=lambda s: s.section != "title")


def _model_docs(nlp: Language, sections: Sequence[Section]) -> list[Doc]:
    """The neural models over ``sections`` in one ``nlp.pipe`` batch: they need no context,
    and batched they run faster than one call per section."""
    with nlp.select_pipes(disable=[n for n in IN_CONTEXT if n in nlp.pipe_names]):
        return list(nlp.pipe(section.text for section in sections))


def _in_context(nlp: Language, document: Document, sections: Sequence[Section],
                docs: Sequence[Doc]) -> Iterator[tuple[Section, Doc]]:
    """The context-carrying stages over one document's model-annotated ``docs``, in order."""
    context = DocumentContext(doc_id=document.doc_id, pmid=document.pmid)
    for section, doc in zip(sections, docs, strict=True):
        context.section_id, context.section = section.section_id, section.section
        doc._.document_context = context
        for name in IN_CONTEXT:
            doc = nlp.get_pipe(name)(doc)
        context.abbreviations.update(
            {k: v for k, v in document_abbreviations(doc).items() if k not in context.abbreviations}
        )
        if section.section == "title":
            drugs = [DrugRef(m.text(doc), m.norm, m.ids) for m in doc._.mentions
                     if m.label == DRUG]
            context.title_drugs = drugs[:1]
        yield section, doc


def annotate_sections(nlp: Language, document: Document) -> Iterator[tuple[Section, Doc]]:
    """Each section (title first) as an annotated spaCy Doc. The title's drug and the
    abbreviations defined so far are carried to the sections after them."""
    sections = _ordered_sections(nlp, document)
    yield from _in_context(nlp, document, sections, _model_docs(nlp, sections))


def annotate_document(nlp: Language, document: Document) -> DocumentResult:
    """Run the pipeline over each section; entities and claims as plain records."""
    return _result(document, annotate_sections(nlp, document))


def annotate_documents(nlp: Language,
                       documents: Sequence[Document]) -> list[DocumentResult | Exception]:
    """:func:`annotate_document` for each of ``documents``, in order: its result, or the
    exception that stopped it (one bad document never stops the others).

    The models read the sections of all the documents in one ``nlp.pipe`` batch, which is
    faster than a batch per document (an abstract is two short sections; a batch of 8
    abstracts runs ~15% faster). When that batch fails, each document is run alone so that
    the failure stays with the document that caused it."""
    outcomes: dict[int, DocumentResult | Exception] = {}
    readable: dict[int, list[Section]] = {}
    for k, document in enumerate(documents):
        try:
            readable[k] = _ordered_sections(nlp, document)
        except SectionTooLong as err:
            outcomes[k] = err
    try:
        docs = iter(_model_docs(nlp, [s for sections in readable.values() for s in sections]))
    except Exception:  # find the document that failed: each one alone
        return [_alone(nlp, document) for document in documents]
    for k, sections in readable.items():
        mine = [next(docs) for _ in sections]
        try:
            outcomes[k] = _result(documents[k], _in_context(nlp, documents[k], sections, mine))
        except Exception as err:
            outcomes[k] = err
    return [outcomes[k] for k in range(len(documents))]


def _alone(nlp: Language, document: Document) -> DocumentResult | Exception:
    try:
        return annotate_document(nlp, document)
    except Exception as err:
        return err


def _result(document: Document, annotated: Iterator[tuple[Section, Doc]]) -> DocumentResult:
    """Entities and claims of a document's annotated sections, as plain records in text order."""
    result = DocumentResult(document=document)
    for section, doc in annotated:
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
