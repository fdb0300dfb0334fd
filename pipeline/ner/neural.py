"""The ``neural_ner`` spaCy component: statistical NER models run beside the lexicons.

Each model is a separately trained spaCy pipeline (ours in ``models/ner-*``, or scispaCy's
``en_ner_*`` packages). They share scispaCy's tokenizer with the core model, so a model
reads the host Doc's own tokens: its tok2vec and ner run on a copy of the words in the
model's vocab, and its entities come back as a span group ``doc.spans["ner:<model>"]``
labelled with the model's own types (CHEMICAL, CELL_TYPE, ...). Keeping one group per
model, rather than writing ``doc.ents``, lets models disagree and overlap: which span
becomes which entity is decided once, later, by :mod:`pipeline.ner.merge`.

A multi-head model (``models/ner-joint``: one tok2vec, one ``corpus_ner`` head per corpus,
:mod:`pipeline.ner.heads`) runs once per batch and gives one group per head, named
``<model>.<head's span key>`` (``ner:ner-joint.bc5cdr``, ``ner:ner-joint.jnlpba``, ...), so
the merge sees one voter per head, as it sees one per separate model.

Use it in any spaCy pipeline whose tokenizer is scispaCy's::

    nlp.add_pipe("neural_ner", config={"models": ["models/ner-bc5cdr"]})
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from pipeline.models import (
    DEFAULT_NER_MODELS,
    SEPARATE_NER_MODELS,
    NerModelNotFound,
    model_name,
    ner_model_infos,
    resolve_ner_model,
)

SPAN_PREFIX = "ner:"
__all__ = ["DEFAULT_NER_MODELS", "SEPARATE_NER_MODELS", "NerModelNotFound", "ner_model_infos",
           "resolve_ner_model"]


@dataclass(frozen=True)
class Head:
    """One voter of a model: its name in span keys and where the model's Doc holds its
    entities (``span_key`` of a ``corpus_ner`` head, or ``None`` for ``doc.ents``)."""

    name: str
    span_key: str | None
    labels: tuple[str, ...]


@dataclass(frozen=True)
class NerModel:
    """A loaded NER pipeline and what to call it (and its heads) in span keys and ``run.json``."""

    name: str
    path: str
    nlp: Language

    @cached_property
    def heads(self) -> tuple[Head, ...]:
        """The model's ``corpus_ner`` heads in pipeline order, or its one ``ner`` (read once:
        :meth:`annotate` asks for them on every Doc)."""
        heads = tuple(Head(f"{self.name}.{pipe.span_key}", pipe.span_key, tuple(pipe.labels))
                      for name, pipe in self.nlp.pipeline if _is_head(self.nlp, name))
        return heads or (Head(self.name, None, tuple(self.nlp.get_pipe("ner").labels)),)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({label for head in self.heads for label in head.labels}))

    def info(self) -> dict:
        meta = self.nlp.meta
        info = {"name": self.name, "package": meta.get("name"), "version": meta.get("version"),
                "path": self.path, "labels": list(self.labels)}
        if len(self.heads) > 1 or self.heads[0].span_key is not None:
            info["heads"] = {head.name: list(head.labels) for head in self.heads}
        return info

    def annotate(self, doc: Doc, copy: Doc) -> None:
        """Put each head's entities of ``copy`` (the model's Doc) on the host ``doc``."""
        for head in self.heads:
            found = copy.ents if head.span_key is None else copy.spans.get(head.span_key, [])
            doc.spans[SPAN_PREFIX + head.name] = _spans(doc, found)


def _is_head(nlp: Language, name: str) -> bool:
    return nlp.get_pipe_meta(name).factory == "corpus_ner"


def load_ner_model(name: str) -> NerModel:
    """Load one NER model; only its ``tok2vec`` and ``ner`` are kept enabled."""
    target = resolve_ner_model(name)
    import scispacy.custom_tokenizer  # noqa: F401 - tokenizer functions for scispaCy models
    try:
        # The model reads the host Doc's tokens: its own tokenizer (thousands of special
        # cases, a quarter of a second per model to load) is never used.
        # Nor its lexicon_entities: the pipeline runs the same dictionaries as its own source.
        nlp = spacy.load(target, exclude=["tokenizer", "parser", "tagger", "lemmatizer",
                                          "attribute_ruler", "senter", "lexicon_entities"])
    except OSError as err:
        raise NerModelNotFound(
            f"cannot load the NER model {target!r}: not a folder with a spaCy pipeline nor an "
            "installed model package") from err
    if "ner" not in nlp.pipe_names and not any(_is_head(nlp, name) for name in nlp.pipe_names):
        raise NerModelNotFound(f"the model {target!r} has no 'ner' nor 'corpus_ner' component")
    return NerModel(model_name(target), target, nlp)





class NeuralNER:
    """Runs each model over the host Doc's tokens; see the module docstring."""

    def __init__(self, nlp: Language, name: str, models: Sequence[str]) -> None:
        self.name = name
        self.models = [load_ner_model(m) for m in models]

    def __call__(self, doc: Doc) -> Doc:
        words = _words(doc)
        for model in self.models:
            model.annotate(doc, model.nlp(_copy_words(words, model.nlp)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            words = [_words(doc) for doc in batch]  # once per doc, for every model
            for model in self.models:
                copies = model.nlp.pipe([_copy_words(w, model.nlp) for w in words])
                for doc, copy in zip(batch, copies, strict=True):
                    model.annotate(doc, copy)
            yield from batch


def _words(doc: Doc) -> tuple[list[str], list[bool]]:
    """The host Doc's words and trailing spaces."""
    return [t.text for t in doc], [bool(t.whitespace_) for t in doc]


def _copy_words(words: tuple[list[str], list[bool]], nlp: Language) -> Doc:
    """The host Doc's tokens as a new Doc in the model's vocab (no re-tokenization)."""
    return Doc(nlp.vocab, words=words[0], spaces=words[1])


def _spans(doc: Doc, found: Iterable[Span]) -> list[Span]:
    return [Span(doc, ent.start, ent.end, label=ent.label_) for ent in found]


def model_spans(doc: Doc) -> Iterator[tuple[str, Span]]:
    """(model name, span) for every span a ``neural_ner`` component left in ``doc``."""
    for key, group in doc.spans.items():
        if key.startswith(SPAN_PREFIX):
            name = key[len(SPAN_PREFIX):]
            for span in group:
                yield name, span


@Language.factory(
    "neural_ner",
    default_config={"models": list(DEFAULT_NER_MODELS)},
    assigns=["doc.spans"],
)
def make_neural_ner(nlp: Language, name: str, models: list[str]) -> NeuralNER:
    return NeuralNER(nlp, name, models)
