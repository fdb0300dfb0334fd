"""Train, package and evaluate ``models/core``: a small spaCy pipeline for biomedical text.

Pipeline: scispaCy's ``combined_rule_tokenizer`` (saved inside the model), a CNN tok2vec,
a PTB tagger, a dependency parser with the GENIA UD v1 labels (which also sets sentence
boundaries), and a rule lemmatizer fed by an attribute ruler that maps PTB tags to UPOS.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python -m pipeline.train.core \\
        --data /work/shared/corpora --out models/core

builds DocBins in ``--work`` (outside the repository) from GENIA UD (``dev.conllu`` +
``future_use.conllu``) and, with ``--craft``, from the CRAFT dependency trees converted to
GENIA's UD v1 scheme (:mod:`pipeline.train.craft`; all of CRAFT is training data), trains with
``models/train/core.cfg`` (fixed seed, early stopping on a deterministic GENIA held-out split:
every 10th abstract), copies ``model-best`` to ``--out`` with the lemmatizer added, and prints
held-out scores and speed. ``--eval-only`` skips training and only scores the model in
``--out``. ``--max-minutes`` stops training after a wall-clock budget and keeps ``model-best``.
``--init-from MODEL`` starts from a trained core model's weights instead of from scratch.
``--recipe`` runs the shipped core's recipe instead (:data:`RECIPE`, what ``pipeline train
core`` runs): three parser stages and the tagger, about 70 minutes on one thread, giving the
shipped weights byte for byte.

The model in ``--out`` loads with a plain ``spacy.load(path)``: the tokenizer's rules are
serialized with it and its config references no custom function. Training needs
``spacy-lookups-data`` (English lemma tables; they are copied into the model).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scispacy.base_project_code  # noqa: F401  (registers the "replace_tokenizer" callback)
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import load_config, registry
from threadpoolctl import threadpool_limits

from pipeline.train.claim_sentences import claim_sentences
from pipeline.train.conllu import (
    Sentence,
    gold_token_doc,
    iter_docs,
    read_conllu,
    read_doc_ids,
    read_docbin,
    sentences_to_doc,
    split_heldout,
    write_docbin,
)
from pipeline.train.craft import Stats, read_craft, scispacy_offsets

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = REPO_ROOT / "models" / "train" / "core.cfg"
DEFAULT_WORK = Path("/tmp/core-train")
GENIA_SPLITS: tuple[str, ...] = ("dev", "future_use")
HELDOUT_EVERY = 10
CRAFT_SUBDIR = Path("craft") / "structural-annotation" / "dependency" / "conllu"
#: GENIA's training part is repeated this many times next to CRAFT (~10x larger) so that the
#: in-domain abstracts keep a fair share of the updates.
GENIA_COPIES = 3
TRAINED_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser")
SEED = 0
SPACY_VERSION_RANGE = ">=3.8.0,<3.9.0"

#: PTB tag -> (UPOS, morphological features) for the attribute ruler; the rule lemmatizer
#: needs the coarse POS, and VerbForm/Number help it spot base forms.
PTB_TAG_MAP: dict[str, tuple[str, str]] = {
    ".": ("PUNCT", "PunctType=Peri"),
    ",": ("PUNCT", "PunctType=Comm"),
    ":": ("PUNCT", ""),
    "``": ("PUNCT", "PunctSide=Ini|PunctType=Quot"),
    "''": ("PUNCT", "PunctSide=Fin|PunctType=Quot"),
    "-LRB-": ("PUNCT", "PunctSide=Ini|PunctType=Brck"),
    "-RRB-": ("PUNCT", "PunctSide=Fin|PunctType=Brck"),
    "HYPH": ("PUNCT", "PunctType=Dash"),
    "NFP": ("PUNCT", ""),
    "$": ("SYM", ""),
    "#": ("SYM", ""),
    "SYM": ("SYM", ""),
    "AFX": ("ADJ", "Hyph=Yes"),
    "CC": ("CCONJ", "ConjType=Cmp"),
    "CD": ("NUM", "NumType=Card"),
    "DT": ("DET", ""),
    "EX": ("PRON", ""),
    "FW": ("X", "Foreign=Yes"),
    "IN": ("ADP", ""),
    "JJ": ("ADJ", "Degree=Pos"),
    "JJR": ("ADJ", "Degree=Cmp"),
    "JJS": ("ADJ", "Degree=Sup"),
    "LS": ("X", "NumType=Ord"),
    "MD": ("AUX", "VerbType=Mod"),
    "NN": ("NOUN", "Number=Sing"),
    "NNS": ("NOUN", "Number=Plur"),
    "NNP": ("PROPN", "NounType=Prop|Number=Sing"),
    "NNPS": ("PROPN", "NounType=Prop|Number=Plur"),
    "PDT": ("DET", ""),
    "POS": ("PART", "Poss=Yes"),
    "PRP": ("PRON", "PronType=Prs"),
    "PRP$": ("PRON", "Poss=Yes|PronType=Prs"),
    "RB": ("ADV", "Degree=Pos"),
    "RBR": ("ADV", "Degree=Cmp"),
    "RBS": ("ADV", "Degree=Sup"),
    "RP": ("ADP", ""),
    "TO": ("PART", ""),
    "UH": ("INTJ", ""),
    "VB": ("VERB", "VerbForm=Inf"),
    "VBD": ("VERB", "Tense=Past|VerbForm=Fin"),
    "VBG": ("VERB", "Aspect=Prog|Tense=Pres|VerbForm=Part"),
    "VBN": ("VERB", "Aspect=Perf|Tense=Past|VerbForm=Part"),
    "VBP": ("VERB", "Tense=Pres|VerbForm=Fin"),
    "VBZ": ("VERB", "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"),
    "WDT": ("DET", ""),
    "WP": ("PRON", ""),
    "WP$": ("DET", "Poss=Yes"),
    "WRB": ("ADV", ""),
    "ADD": ("X", ""),
    "XX": ("X", ""),
    "_SP": ("SPACE", ""),
}


class TrainingTimeUp(Exception):
    """Raised by the ``core_time_cap.v1`` callback when the wall-clock budget is spent."""


#: Wall-clock deadline (``time.time()``) checked before every update; ``None``: no cap.
_DEADLINE: list[float | None] = [None]


@registry.callbacks("core_time_cap.v1")
def make_time_cap() -> Callable[[Language, dict[str, Any]], None]:
    """``[training.before_update]`` callback: stop training once ``_DEADLINE`` has passed.

    spaCy's loop saves ``model-last`` and re-raises; ``model-best`` is left as it was at the
    last evaluation, and :func:`main` goes on to package it.
    """

    def check(nlp: Language, args: dict[str, Any]) -> None:
        deadline = _DEADLINE[0]
        if deadline is not None and time.time() > deadline:
            raise TrainingTimeUp(f"time cap reached at step {args.get('step')}")

    return check


def sourced_config(config: Path, model: Path, dest: Path,
                   components: Sequence[str] = TRAINED_COMPONENTS) -> Path:
    """Write a copy of ``config`` whose ``components`` (by default ``tok2vec``, ``tagger`` and
    ``parser``) are sourced from the trained ``model`` (training then continues from its
    weights); return its path.

    The parser keeps the model's transitions: a label the model never saw in one direction is
    backed off to ``dep`` by spaCy (GENIA and converted CRAFT share one label set).
    """
    cfg = load_config(config, interpolate=False)
    for name in components:
        cfg["components"][name] = {"source": str(model.resolve())}
    dest.parent.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(dest)
    return dest


def genia_dir(data: Path) -> Path:
    """Return the GENIA UD directory given either it or its parent (``.../corpora``)."""
    return data if (data / "dev.conllu").exists() else data / "genia-ud"


def load_genia_docs(nlp: Language, data: Path) -> list[Doc]:
    """Read every GENIA UD split as one ``Doc`` per PubMed abstract, in a fixed order."""
    directory = genia_dir(data)
    docs: list[Doc] = []
    for split in GENIA_SPLITS:
        sentences = read_conllu(directory / f"{split}.conllu")
        doc_ids = read_doc_ids(directory / f"{split}_per_sentence.pmids")
        docs.extend(iter_docs(nlp.vocab, sentences, doc_ids))
    return docs


def craft_dir(data: Path) -> Path:
    """Return CRAFT's CoNLL-U directory given the corpora dir (or the dir itself)."""
    return data if any(data.glob("*.conllu")) and not (data / "dev.conllu").exists() else data / CRAFT_SUBDIR


def load_craft_docs(nlp: Language, data: Path) -> tuple[list[Doc], Stats]:
    """Read CRAFT, converted to GENIA UD v1, as one ``Doc`` per paragraph, in a fixed order.

    Gold tokens that scispaCy's tokenizer keeps together (``wild - type``) are merged.
    """
    stats = Stats()
    paragraphs: list[list[Sentence]] = [
        sentences for _, sentences in read_craft(craft_dir(data), scispacy_offsets(), stats)
    ]
    docs = [doc for group in paragraphs for doc in iter_docs(nlp.vocab, group, ["p"] * len(group))]
    return docs, stats


def _describe(name: str, docs: Sequence[Doc]) -> None:
    n_sents = sum(len(list(doc.sents)) for doc in docs)
    n_words = sum(len(doc) for doc in docs)
    print(f"{name}: {len(docs)} docs, {n_sents} sentences, {n_words} tokens")


def build_corpus(
    data: Path,
    work: Path,
    every: int = HELDOUT_EVERY,
    craft: bool = False,
    genia_copies: int = GENIA_COPIES,
    claim_sentence_count: int = 0,
) -> tuple[Path, Path]:
    """Write ``train.spacy`` and ``heldout.spacy`` under ``work``; return their paths.

    The held-out part is always GENIA's every ``every``-th abstract. With ``craft``, the
    training part is GENIA's training part ``genia_copies`` times plus all of converted CRAFT,
    and the conversion counts go to ``work/craft-stats.json``. ``claim_sentence_count``
    templated claim sentences (:mod:`pipeline.train.claim_sentences`) are added to the
    training part, five to a ``Doc``.
    """
    nlp = spacy.blank("en")
    train_docs, heldout_docs = split_heldout(load_genia_docs(nlp, data), every=every)
    train_path, heldout_path = work / "corpus" / "train.spacy", work / "corpus" / "heldout.spacy"
    _describe("GENIA train", train_docs)
    _describe("GENIA heldout", heldout_docs)
    if craft:
        craft_docs, stats = load_craft_docs(nlp, data)
        _describe("CRAFT (converted)", craft_docs)
        counts = {
            "sentences": stats.sentences,
            "kept": stats.kept,
            "dropped": dict(stats.dropped),
            "fallback_to_dep": dict(stats.fallback),
            "merged_tokens": stats.merged_tokens,
            "unmerged_spans": stats.unmerged_spans,
        }
        print("CRAFT conversion:", json.dumps(counts))
        work.mkdir(parents=True, exist_ok=True)
        (work / "craft-stats.json").write_text(json.dumps(counts, indent=2), encoding="utf-8")
        train_docs = list(train_docs) * genia_copies + craft_docs
        _describe(f"train (GENIA x{genia_copies} + CRAFT)", train_docs)
    if claim_sentence_count:
        sentences = claim_sentences(claim_sentence_count)
        extra = [sentences_to_doc(nlp.vocab, sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
        _describe("templated claim sentences", extra)
        train_docs = list(train_docs) + extra
    write_docbin(train_docs, train_path)
    write_docbin(heldout_docs, heldout_path)
    return train_path, heldout_path


def add_lemmatizer(nlp: Language) -> None:
    """Append an attribute ruler (PTB tag -> UPOS/morph) and an English rule lemmatizer.

    The lemma tables come from ``spacy-lookups-data`` and are stored inside the model.
    """
    ruler = nlp.add_pipe("attribute_ruler")
    for tag, (pos, morph) in PTB_TAG_MAP.items():
        attrs = {"POS": pos, "MORPH": morph} if morph else {"POS": pos}
        ruler.add([[{"TAG": tag}]], attrs)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lemmatizer.initialize()


CRAFT_LICENSE = "CC BY 3.0 (GENIA and CRAFT annotations); see models/core.CARD.md"
CRAFT_SOURCE = {
    "name": "CRAFT corpus dependency trees, converted to GENIA UD v1",
    "license": "CC BY 3.0",
    "author": "CRAFT corpus (Bada et al., University of Colorado)",
}


def package_model(model_best: Path, out: Path, craft: bool = False) -> None:
    """Copy ``model_best`` to ``out`` with the lemmatizer added and a load-anywhere config.

    The ``replace_tokenizer`` callback is dropped from ``[initialize]`` (the tokenizer is
    already serialized), so ``spacy.load(out)`` needs no import.
    """
    nlp = spacy.load(model_best)
    add_lemmatizer(nlp)
    meta = nlp.meta
    meta.update(
        {
            "name": "core",
            "version": "0.1.0",
            "spacy_version": SPACY_VERSION_RANGE,
            "description": (
                "Small CPU pipeline for biomedical text: scispaCy tokenizer, PTB tagger, "
                "GENIA UD v1 dependency parser (sentence boundaries), rule lemmatizer."
            ),
            "license": "CC BY 3.0 (GENIA annotations); see models/core.CARD.md",
            "sources": [
                {
                    "name": "GENIA Treebank, UD v1 conversion (dev + future_use splits)",
                    "license": "GENIA Project License: annotations CC BY 3.0, abstracts PubMed terms",
                    "author": "Corpus annotations (c) GENIA Project",
                },
                {
                    "name": "spacy-lookups-data English lemma tables",
                    "license": "MIT; WordNet 3.0 licence (c) 2006 Princeton University",
                },
            ],
        }
    )
    if craft:
        meta["license"] = CRAFT_LICENSE
        meta["sources"].insert(1, CRAFT_SOURCE)
    save_model(nlp, out)


def write_performance(model: Path, scores: dict[str, float]) -> None:
    """Store held-out ``scores`` as ``performance`` in the model's ``meta.json``."""
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = scores
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def make_examples(nlp: Language, gold_docs: Sequence[Doc],
                  gold_tokens: bool = False) -> list[Example]:
    """Pair each gold doc with an unannotated doc tokenized by ``nlp``'s own tokenizer, or
    with the gold tokens (``gold_tokens``)."""
    return [Example(gold_token_doc(nlp.vocab, doc) if gold_tokens else nlp.make_doc(doc.text), doc)
            for doc in gold_docs]


def lemma_accuracy(examples: Sequence[Example]) -> float:
    """Case-insensitive lemma accuracy on gold tokens that align one-to-one."""
    correct = total = 0
    for example in examples:
        y2x = example.alignment.y2x
        for i, token in enumerate(example.reference):
            aligned = y2x[i]
            if len(aligned) != 1 or len(example.alignment.x2y[int(aligned[0])]) != 1:
                continue
            total += 1
            correct += example.predicted[int(aligned[0])].lemma_.lower() == token.lemma_.lower()
    return correct / total if total else 0.0


def evaluate(nlp: Language, gold_docs: Sequence[Doc], gold_tokens: bool = False) -> dict[str, float]:
    """Score ``nlp`` on ``gold_docs``: TAG acc, UAS, LAS, sentence P/R/F, lemma acc (on
    ``nlp``'s tokenization, or on the gold tokens)."""
    examples = make_examples(nlp, gold_docs, gold_tokens)
    scored = nlp.evaluate(examples)
    scores = {
        key: round(float(scored[key]), 4)
        for key in ("tag_acc", "dep_uas", "dep_las", "sents_p", "sents_r", "sents_f")
    }
    if "lemmatizer" in nlp.pipe_names:
        annotated = [
            Example(doc, example.reference)
            for doc, example in zip(nlp.pipe(eg.predicted for eg in examples), examples, strict=True)
        ]
        scores["lemma_acc_uncased"] = round(lemma_accuracy(annotated), 4)
    return scores


def save_model(nlp: Language, out: Path) -> None:
    """Write ``nlp`` to ``out`` (replacing it) with a config that loads anywhere: no training
    callbacks (the tokenizer is already serialized), no paths to training data or vectors."""
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    config_path = out / "config.cfg"
    config = load_config(config_path, interpolate=False)
    config["initialize"]["before_init"] = None
    config["training"]["before_update"] = None
    for key in ("train", "dev", "vectors"):
        if key in config["paths"]:
            config["paths"][key] = None
    config.to_disk(config_path)


def words_per_second(nlp: Language, texts: Sequence[str], min_seconds: float = 5.0) -> float:
    """Throughput of ``nlp.pipe`` over ``texts`` (one process), after one warm-up pass."""
    list(nlp.pipe(texts[:5]))
    n_words = 0
    start = time.perf_counter()
    while True:
        n_words += sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return n_words / elapsed


def check_tokenizer(nlp: Language, texts: Sequence[str]) -> bool:
    """Whether ``nlp`` tokenizes ``texts`` exactly like a fresh ``combined_rule_tokenizer``."""
    reference = spacy.blank("en")
    reference.tokenizer = combined_rule_tokenizer(reference)
    return all(
        [t.text for t in nlp.make_doc(text)] == [t.text for t in reference.make_doc(text)] for text in texts
    )


def report(model: Path, heldout: Path) -> dict[str, Any]:
    """Load ``model`` as a user would and print its held-out scores, speed and size."""
    nlp = spacy.load(model)
    gold_docs = read_docbin(nlp.vocab, heldout)
    scores = evaluate(nlp, gold_docs)
    texts = [doc.text for doc in gold_docs]
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file())
    result: dict[str, Any] = {
        "scores": scores,
        "scores_on_gold_tokens": evaluate(nlp, gold_docs, gold_tokens=True),
        "heldout_docs": len(gold_docs),
        "heldout_words": sum(len(doc) for doc in gold_docs),
        "words_per_second": round(words_per_second(nlp, texts)),
        "size_bytes": size,
        "tokenizer_matches_scispacy": check_tokenizer(nlp, texts),
        "pipeline": nlp.pipe_names,
    }
    print(json.dumps(result, indent=2))
    return result


def swap_tagger(core: Path, donor: Path, out: Path) -> None:
    """Write to ``out`` the core in ``core`` with the tagger of the pipeline in ``donor``.

    spaCy's parser reads the tok2vec, not the tags, so a tagger trained elsewhere (on more
    data) can replace the core's own without touching the parser: it keeps a copy of its own
    tok2vec (``replace_listeners``), and the core's tok2vec then feeds the parser alone."""
    nlp = spacy.load(core)
    tagger_nlp = spacy.load(donor)
    listener = tagger_nlp.get_pipe_config("tagger")["model"]["tok2vec"]
    if "Listener" in listener.get("@architectures", ""):
        tagger_nlp.replace_listeners(listener.get("upstream", "tok2vec"), "tagger", ["model.tok2vec"])
    nlp.remove_pipe("tagger")
    nlp.add_pipe("tagger", source=tagger_nlp, after="tok2vec")
    donor_says = tagger_nlp.meta.get("description") or tagger_nlp.meta.get("name", donor.name)
    nlp.meta["description"] = f"{nlp.meta.get('description', '')} Tagger: {donor_says}.".strip()
    save_model(nlp, out)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="corpora dir or genia-ud dir")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch dir")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="spaCy config")
    parser.add_argument("--eval-only", action="store_true", help="only score --out")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument(
        "--craft",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="train on GENIA + converted CRAFT (--craft) or GENIA only (default, the shipped model)",
    )
    parser.add_argument("--genia-copies", type=int, default=GENIA_COPIES, help="GENIA repeats with CRAFT")
    parser.add_argument(
        "--claim-sentences",
        type=int,
        default=0,
        help="add this many templated claim sentences to the training part (pipeline.train.claim_sentences)",
    )
    parser.add_argument(
        "--init-from",
        type=Path,
        default=None,
        help="start tok2vec, tagger and parser from this trained core model (fine-tuning)",
    )
    parser.add_argument(
        "--max-minutes", type=float, default=None, help="wall-clock cap on training; keeps model-best"
    )
    parser.add_argument(
        "--recipe",
        action="store_true",
        help="run the shipped core's recipe (RECIPE: three parser stages and the tagger; ~70 min)",
    )
    return parser.parse_args(argv)


@dataclass(frozen=True)
class Stage:
    """One training run of the shipped core's recipe."""

    name: str
    craft: bool
    max_steps: int | None
    claim_sentences: int = 0
    overrides: tuple[tuple[str, Any], ...] = ()


#: The recipe of models/core 0.3.0 (models/core.CARD.md): the GENIA-only parser (that of 0.1.0
#: and 0.2.0), with 0.2.0's tagger put in (pipeline.train.tagger), is trained on GENIA x 3 +
#: CRAFT for 5,200 steps, then on GENIA and 500 templated claim sentences at half the learning
#: rate; 0.2.0's tagger goes into the result.
RECIPE = (
    Stage("genia", craft=False, max_steps=None),
    Stage("craft", craft=True, max_steps=5200, overrides=(("training.patience", 20000),)),
    Stage("claims", craft=False, max_steps=4000, claim_sentences=500,
          overrides=(("training.optimizer.learn_rate", 0.0005),)),
)
VERSION = "0.3.0"
TEMPLATED_SOURCE = {
    "name": "templated claim sentences (pipeline.train.claim_sentences), written here",
    "license": "no corpus text; drug, cell and effect words drawn with a fixed seed",
}


def train_once(args: argparse.Namespace, work: Path, out: Path, craft: bool,
               claim_sentence_count: int, init_from: Path | None, max_steps: int | None,
               extra_overrides: dict[str, Any] | None = None) -> Path:
    """Build the corpus in ``work``, train one run and package its best model to ``out``;
    return the held-out DocBin's path."""
    _, heldout_path = build_corpus(args.data, work, craft=craft, genia_copies=args.genia_copies,
                                   claim_sentence_count=claim_sentence_count)
    overrides: dict[str, Any] = {
        "paths.train": str(work / "corpus" / "train.spacy"),
        "paths.dev": str(heldout_path),
        "system.seed": SEED,
    }
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if not craft:
        # the GENIA-only budget of the first model (see models/core.CARD.md)
        overrides.update({"training.patience": 1600, "training.max_epochs": 40})
        overrides["training.max_steps"] = max_steps or 8000
        overrides["training.eval_frequency"] = 200
    overrides.update(extra_overrides or {})
    if args.max_minutes is not None:
        _DEADLINE[0] = time.time() + 60 * args.max_minutes
    config_path = args.config
    if init_from is not None:
        config_path = sourced_config(args.config, init_from, work / "config.cfg")
    try:
        spacy_train(config_path, work / "output", overrides=overrides)
    except TrainingTimeUp as stop:
        print(f"{stop}; packaging model-best")
    finally:
        _DEADLINE[0] = None
    inherited = init_from is not None and "CRAFT" in (init_from / "meta.json").read_text()
    package_model(work / "output" / "model-best", out, craft=craft or inherited)
    return heldout_path


def train_recipe(args: argparse.Namespace) -> Path:
    """Run :data:`RECIPE` in ``args.work``, write the core to ``args.out``; return the held-out
    DocBin's path. The tagger trained by :mod:`pipeline.train.tagger` on the first stage's
    core is the one the later stages start from and the one shipped."""
    from pipeline.train import tagger  # it imports this module

    init_from: Path | None = None
    tagged = args.work / "genia-tagged"
    heldout_path = None
    for stage in RECIPE:
        stage_out = args.work / stage.name / "model"
        heldout_path = train_once(args, args.work / stage.name, stage_out, stage.craft,
                                  stage.claim_sentences, init_from, stage.max_steps,
                                  dict(stage.overrides))
        init_from = stage_out
        if stage.name == "genia":
            tagger_argv = ["--data", str(args.data), "--core", str(stage_out), "--out", str(tagged),
                           "--work", str(args.work / "tagger")]
            if args.max_minutes is not None:
                tagger_argv += ["--max-minutes", str(args.max_minutes)]
            tagger.main(tagger_argv)
            init_from = tagged
    swap_tagger(init_from, tagged, args.out)
    write_recipe_meta(args.out)
    assert heldout_path is not None
    return heldout_path


def write_recipe_meta(model: Path) -> None:
    """Name the recipe's core in its ``meta.json``: version, description, licence, sources."""
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["version"] = VERSION
    meta["description"] = (
        "Small CPU pipeline for biomedical text: scispaCy tokenizer, PTB tagger (own tok2vec; "
        "GENIA x3 + CRAFT, then GENIA), GENIA UD v1 dependency parser (sentence boundaries; "
        "GENIA, then GENIA x3 + CRAFT, then GENIA + templated claim sentences), rule lemmatizer."
    )
    meta["license"] = CRAFT_LICENSE
    sources = [s for s in meta.get("sources", []) if s["name"] not in
               {CRAFT_SOURCE["name"], TEMPLATED_SOURCE["name"]}]
    meta["sources"] = [sources[0], CRAFT_SOURCE, *sources[1:], TEMPLATED_SOURCE]
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, train, package and report; see the module docstring."""
    args = parse_args(argv)
    with threadpool_limits(limits=1):
        if args.eval_only:
            _, heldout_path = build_corpus(args.data, args.work, craft=False)
        elif args.recipe:
            heldout_path = train_recipe(args)
        else:
            heldout_path = train_once(args, args.work, args.out, args.craft, args.claim_sentences,
                                      args.init_from, args.max_steps)
        result = report(args.out, heldout_path)
        if not args.eval_only:
            write_performance(args.out, result["scores"])
        (args.work / "report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
