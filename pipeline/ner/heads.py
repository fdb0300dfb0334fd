"""The ``corpus_ner`` spaCy component: one NER head of a multi-corpus model.

A model trained on several NER corpora at once (``models/ner-joint``) has one shared
``tok2vec`` and one transition-based NER head per corpus, each with its corpus's own label
set. The corpora annotate different things (BC5CDR chemicals and diseases, JNLPBA proteins and
cell types, ...), so one head's entities must not block another's, and a corpus's training
documents say nothing about the other corpora's types. Hence this subclass of spaCy's
``EntityRecognizer``, which differs from ``ner`` in where it reads and writes entities:

* **prediction**: its entities go to ``doc.spans[span_key]``; ``doc.ents`` is put back as it
  was before the head ran. spaCy's NER respects entities already on the doc (a token with
  ``ent_iob`` B/I/O is preset), so without this the second head could only repeat the first;
* **training**: each example's gold entities are read from the span group
  ``reference.spans[gold_key]``; tokens outside its spans are ``O``, except those in the
  optional group ``<gold_key>:missing`` (:func:`missing_key`), whose annotation is unknown
  (a corpus entity that does not start and end on token boundaries). An example without
  ``gold_key`` is all *missing* for this head (``ent_iob`` 0): no loss, no gradient, and its
  labels are not learned. In a batch where no example has this head's gold, the head still hands the
  shared ``tok2vec`` a zero gradient, because spaCy's ``tok2vec`` updates its weights only
  when its last listener backpropagates;
* **scoring**: P/R/F with spaCy's ``get_ner_prf`` over the examples that have ``gold_key``,
  under keys prefixed by ``span_key`` (``bc5cdr_ents_f``, ``bc5cdr_ents_per_type``), so that
  several heads' scores can sit in one dict. A training config weights the heads' ``*_ents_f``
  in ``[training.score_weights]``.

Loading a model with these heads needs this module imported, or the project installed (the
factory is registered as a ``spacy_factories`` entry point).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

DEFAULT_SPAN_KEY = "corpus_ner"
DEFAULT_GOLD_KEY = "gold:corpus_ner"


def missing_key(gold_key: str) -> str:
    """The span group of tokens whose gold is unknown, beside the gold group ``gold_key``."""
    return f"{gold_key}:missing"


def set_gold(doc: Doc, gold_key: str) -> bool:
    """Set ``doc``'s entities from its gold span groups (see the module docstring); all
    missing when it has no ``gold_key`` group. Returns whether it had one."""
    group = doc.spans.get(gold_key)
    if group is None:
        doc.set_ents([], default="missing")
        return False
    missing = doc.spans.get(missing_key(gold_key))
    doc.set_ents(list(group), missing=list(missing) if missing else None, default="outside")
    return True


class CorpusEntityRecognizer(EntityRecognizer):
    """A transition-based NER head whose gold and output are span groups; see the module."""

    def __init__(self, vocab, model: Model, name: str = "corpus_ner", moves=None, *,
                 span_key: str = DEFAULT_SPAN_KEY, gold_key: str = DEFAULT_GOLD_KEY,
                 update_with_oracle_cut_size: int = 100,
                 incorrect_spans_key: str | None = None) -> None:
        super().__init__(vocab, model, name, moves,
                         update_with_oracle_cut_size=update_with_oracle_cut_size,
                         incorrect_spans_key=incorrect_spans_key, scorer=None)
        self.span_key = span_key
        self.gold_key = gold_key

    # -- gold -------------------------------------------------------------------------------

    def gold_example(self, eg: Example) -> Example:
        """``eg`` with a reference whose entities are this head's gold (``spans[gold_key]``,
        other tokens ``O``), or all missing when the reference has no ``gold_key`` group."""
        reference = eg.reference.copy()
        set_gold(reference, self.gold_key)
        return Example(eg.predicted, reference, alignment=eg._cached_alignment)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], nlp: Language | None = None,
                   labels=None) -> None:
        def head_examples() -> Iterable[Example]:
            return (self.gold_example(eg) for eg in get_examples())

        super().initialize(head_examples, nlp=nlp, labels=labels)

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None,
               losses: dict[str, float] | None = None) -> dict[str, float]:
        examples = [self.gold_example(eg) for eg in examples]
        listener = self._listener()
        called: list[bool] = []
        original = None
        if listener is not None and getattr(listener, "_backprop", None) is not None:
            original = listener._backprop

            def backprop(d_outputs):
                called.append(True)
                return original(d_outputs)

            listener._backprop = backprop
        try:
            losses = super().update(examples, drop=drop, sgd=sgd, losses=losses)
        finally:
            if original is not None:
                listener._backprop = original
        if original is not None and not called:
            # No example of this batch had this head's gold: pass the shared tok2vec a zero
            # gradient, so that it still updates (it does so when its last listener calls back).
            original([listener.ops.alloc2f(*output.shape) for output in listener._outputs])
        return losses

    def _listener(self):
        for node in self.model.walk():
            if type(node).__name__ == "Tok2VecListener":
                return node
        return None

    # -- prediction -------------------------------------------------------------------------

    def set_annotations(self, docs: Iterable[Doc], states_or_beams) -> None:
        docs = list(docs)
        before = [_entity_state(doc) for doc in docs]
        super().set_annotations(docs, states_or_beams)
        for doc, state in zip(docs, before, strict=True):
            doc.spans[self.span_key] = list(doc.ents)
            _restore_entities(doc, state)

    # -- scoring ----------------------------------------------------------------------------

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """spaCy's NER P/R/F of ``spans[span_key]`` against ``reference.spans[gold_key]``,
        over the examples that have ``gold_key``; keys prefixed by ``span_key``."""
        scored = []
        for eg in examples:
            if self.gold_key not in eg.reference.spans:
                continue
            predicted = eg.predicted.copy()
            predicted.set_ents(list(predicted.spans.get(self.span_key, [])), default="outside")
            reference = eg.reference.copy()
            set_gold(reference, self.gold_key)
            scored.append(Example(predicted, reference, alignment=eg._cached_alignment))
        result = get_ner_prf(scored)
        return {
            f"{self.span_key}_{key}": (0.0 if value is None and key != "ents_per_type" else value)
            for key, value in result.items()
        }


def _entity_state(doc: Doc) -> tuple[list, list[int]] | None:
    """The doc's entity annotation, to put back after a head ran; ``None`` when all missing."""
    iob = doc.to_array([ENT_IOB])
    if not iob.any():
        return None
    return list(doc.ents), [int(i) for i in numpy.flatnonzero(iob == 2)]


def _restore_entities(doc: Doc, state: tuple[list, list[int]] | None) -> None:
    if state is None:
        doc.set_ents([], default="missing")
        return
    ents, outside = state
    doc.set_ents(ents, outside=[doc[i:i + 1] for i in outside], default="missing")


@Language.factory(
    "corpus_ner",
    assigns=["doc.spans"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "model": DEFAULT_NER_MODEL,
        "incorrect_spans_key": None,
        "span_key": DEFAULT_SPAN_KEY,
        "gold_key": DEFAULT_GOLD_KEY,
    },
    default_score_weights={},
)
def make_corpus_ner(nlp: Language, name: str, model: Model, moves, update_with_oracle_cut_size: int,
                    incorrect_spans_key: str | None, span_key: str,
                    gold_key: str) -> CorpusEntityRecognizer:
    """A ``corpus_ner`` head: NER trained on ``reference.spans[gold_key]``, predicting into
    ``doc.spans[span_key]``."""
    return CorpusEntityRecognizer(nlp.vocab, model, name, moves, span_key=span_key, gold_key=gold_key,
                                  update_with_oracle_cut_size=update_with_oracle_cut_size,
                                  incorrect_spans_key=incorrect_spans_key)
