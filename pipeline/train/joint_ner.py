"""Train, package and evaluate ``models/ner-joint``: one shared tok2vec, three NER heads.

The three corpora of the separate NER models (:mod:`pipeline.train.ner`: BC5CDR, JNLPBA,
BioNLP13CG) train one pipeline: scispaCy's tokenizer → one CNN tok2vec (with the same 128-d
static vectors) → three ``corpus_ner`` heads (:mod:`pipeline.ner.heads`), ``ner_bc5cdr``,
``ner_jnlpba`` and ``ner_bionlp13cg``, each with its corpus's label set. At run time the
tok2vec, the costliest part of a NER model, runs once for the three heads.

Data: the same train and devel docs as the separate models (:func:`pipeline.train.ner.load_split`).
A corpus's gold entities move to the span group ``gold:<corpus>`` (tokens of unknown gold, as
the separate JNLPBA model has them, to ``gold:<corpus>:missing``) and its ``doc.ents`` are
reset to missing, so each head learns from its own corpus only and sees the others' documents
as unannotated. The three train sets are concatenated, the smaller BC5CDR and BioNLP13CG sets
repeated (``UPSAMPLE``) so that JNLPBA's ~18k sentences do not dominate; the three devel sets
are concatenated for early stopping on the mean of the heads' devel F.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python -m pipeline.train.joint_ner \\
        --data /work/shared/corpora --out models/ner-joint

The static vectors are read from ``models/ner-bc5cdr`` (the vectors built by
:mod:`pipeline.train.vectors`, saved in that model), or from ``--vectors``. Scratch files go
to ``--work`` (default ``/tmp/ner-joint``). Prints each head's devel scores (spaCy's scorer on
the same devel docs as the separate models), speed and size as JSON. ``--eval-only`` only
scores ``--out``; ``--with-lexicon`` also scores each head followed by the dictionary component
its separate model ends with (``lexicon_entities``, :func:`evaluate_heads_with_lexicon`).

``--add-devel --max-steps N`` trains on train + devel for the N steps a train-only run chose
and keeps ``model-last`` (no early stopping: devel is in the training data). ``--export
bc5cdr=PATH`` writes a head of ``--out`` as a plain NER model, shaped as its separate model
(:func:`standalone_head`): ``models/ner-bc5cdr`` and ``models/ner-bionlp13cg`` are made so.

The heads are those of ``--config`` (:func:`heads_of`). ``models/train/ner-joint-aux.cfg``
adds two auxiliary heads (``AUXILIARY``: AnatEM's anatomical entities, CRAFT's concept
mentions) that train the shared tok2vec on more annotated text; they carry no weight in
model selection and packaging drops them. ``models/train/ner-joint-aux2.cfg`` adds two more,
on BC2GM's gene mentions and NCBI disease mentions; ``models/ner-bionlp13cg`` 0.6.0 is the
BioNLP13CG head of such a run (0.5.0, of a run with the first two).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example
from spacy.vectors import Vectors
from spacy.vocab import Vocab
from threadpoolctl import threadpool_limits

import pipeline.ner.model_lexicon  # noqa: F401  (registers the lexicon_entities factory)
from pipeline.ner.heads import missing_key, set_gold  # also registers the corpus_ner factory
from pipeline.train import ner as separate
from pipeline.train.conllu import gold_token_doc, read_docbin, write_docbin
from pipeline.train.core import make_examples, save_model, words_per_second
from pipeline.train.iob import iob_docs, read_iob, text_key
from pipeline.train.ner import (
    CORPORA,
    REPO_ROOT,
    SEED,
    SENTENCES_PER_DOC,
    SPACY_VERSION_RANGE,
    CorpusSpec,
    TrainingTimeLimit,
    add_lexicon,
    load_split,
    model_meta,
    write_performance,
)

NAME = "ner-joint"
VERSION = "0.1.0"
HEADS: tuple[str, ...] = ("bc5cdr", "jnlpba", "bionlp13cg")
# Auxiliary corpora: a head of their own trains the shared tok2vec on more annotated text and
# is never used at run time (nor scored on devel, nor exported). AnatEM's train split holds
# nearly all of BioNLP13CG's train sentences (its devel split BioNLP13CG's devel ones): those
# are left out, so the AnatEM head adds only the ~2.8k sentences from other documents. BC2GM
# (gene mentions) and NCBI disease are for BioNLP13CG's GENE_OR_GENE_PRODUCT and CANCER.
AUXILIARY: dict[str, CorpusSpec] = {
    "anatem": CorpusSpec(
        name="anatem", labels=("ANATOMY",), train="ner-iob/AnatEM-IOB/train.tsv",
        dev="ner-iob/AnatEM-IOB/devel.tsv",
        description="anatomical entities (AnatEM)", license="CC BY-SA 3.0 (AnatEM, NaCTeM)",
        source="AnatEM corpus (IOB conversion by Crichton et al. 2017)"),
    "craft": CorpusSpec(
        name="craft", labels=("CHEBI", "CL", "GGP", "GO", "SO", "TAXON"),
        train="ner-iob/CRAFT-IOB/train.tsv", dev="ner-iob/CRAFT-IOB/devel.tsv",
        description="CRAFT concept mentions (ChEBI, CL, GGP, GO, SO, Taxon)",
        license="CC BY 3.0 (CRAFT)", source="CRAFT corpus (IOB conversion by Crichton et al. 2017)"),
    "bc2gm": CorpusSpec(
        name="bc2gm", labels=("GENE",), train="ner-iob/BC2GM-IOB/train.tsv",
        dev="ner-iob/BC2GM-IOB/devel.tsv", description="gene and protein mentions (BC2GM)",
        license="BioCreative II GM corpus; collection CC BY 4.0 (Crichton et al. 2017)",
        source="BioCreative II Gene Mention corpus (IOB conversion by Crichton et al. 2017)"),
    "ncbi": CorpusSpec(
        name="ncbi", labels=("DISEASE",), train="ner-iob/NCBI-disease-IOB/train.tsv",
        dev="ner-iob/NCBI-disease-IOB/devel.tsv", description="disease mentions (NCBI disease)",
        license="public domain (NCBI); collection CC BY 4.0 (Crichton et al. 2017)",
        source="NCBI disease corpus (IOB conversion by Crichton et al. 2017)"),
}
SPECS: dict[str, CorpusSpec] = {**CORPORA, **AUXILIARY}
# Each corpus's training docs are written this many times (≈ 236k BC5CDR, 444k JNLPBA and
# 250k BioNLP13CG tokens per epoch).
UPSAMPLE = {"bc5cdr": 2, "jnlpba": 1, "bionlp13cg": 3}
DEFAULT_VECTORS = REPO_ROOT / "models" / "ner-bc5cdr"
# The version a head ships under as its separate model (--export): the next after the
# separate model trained alone (pipeline.train.ner)
EXPORTED_VERSIONS = {"bc5cdr": "0.4.0", "jnlpba": "0.3.0", "bionlp13cg": "0.6.0"}
DESCRIPTION = ("NER with three heads on one shared tok2vec: BC5CDR (CHEMICAL, DISEASE), JNLPBA "
               "(DNA, PROTEIN, CELL_TYPE, CELL_LINE, RNA) and the 16 BioNLP 2013 CG types "
               "(scispaCy's labels)")
LICENSE = ("BC5CDR corpus terms; GENIA Project License (JNLPBA annotations CC BY 3.0); CC BY-SA 3.0 "
           "(BioNLP-ST 2013 CG annotations, NaCTeM); see models/ner-joint.CARD.md")


def gold_key(corpus: str) -> str:
    """The span group that holds ``corpus``'s gold entities in a training doc."""
    return f"gold:{corpus}"


def head_name(corpus: str) -> str:
    """The pipeline component of ``corpus``'s head (``ner_bc5cdr``)."""
    return f"ner_{corpus}"


def to_span_gold(doc: Doc, corpus: str) -> Doc:
    """Move ``doc``'s entities to ``spans["gold:<corpus>"]`` and its tokens of unknown gold
    (JNLPBA entities off token boundaries) to ``spans["gold:<corpus>:missing"]``, then reset
    its ents to missing."""
    doc.spans[gold_key(corpus)] = list(doc.ents)
    missing = [token.i for token in doc if token.ent_iob == 0]
    if missing:
        runs: list[list[int]] = []
        for i in missing:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
        doc.spans[missing_key(gold_key(corpus))] = [doc[start:end] for start, end in runs]
    doc.set_ents([], default="missing")
    return doc


def corpus_docs(corpus: str, data: Path, split: str, limit: int = 0) -> list[Doc]:
    """``corpus``'s ``split`` docs (as the separate model's) with their gold as a span group;
    only the first ``limit`` when it is set (smoke tests)."""
    spec = SPECS[corpus]
    if corpus in AUXILIARY:
        docs, stats = auxiliary_docs(spec, data)
    else:
        docs, stats = load_split(spec, data, split)
    if limit:
        docs = docs[:limit]
    unknown = {ent.label_ for doc in docs for ent in doc.ents} - set(spec.labels)
    if unknown:
        raise ValueError(f"{corpus} {split}: labels not in the {spec.name} label set: {sorted(unknown)}")
    print(f"{corpus} {split}: {json.dumps(stats)}")
    return [to_span_gold(doc, corpus) for doc in docs]


@lru_cache(maxsize=2)
def main_corpus_sentences(data: Path) -> frozenset[str]:
    """The text keys of the main corpora's train and devel sentences (IOB files; JNLPBA's
    train split is brat standoff, its devel IOB), read once for all auxiliary corpora."""
    return frozenset(text_key(" ".join(sentence.words))
                     for main in CORPORA.values()
                     for split in ([main.dev] if main.train_brat else [main.train, main.dev])
                     for document in read_iob(data / split) for sentence in document)


def auxiliary_docs(spec: CorpusSpec, data: Path) -> tuple[list[Doc], dict[str, int]]:
    """An auxiliary corpus's train docs, without the sentences that are also in a main
    corpus's train or devel split (AnatEM repeats BioNLP13CG's): those would add nothing but
    a second, coarser label for the same words, and a devel sentence must stay unseen."""
    seen = main_corpus_sentences(data)
    documents = read_iob(data / spec.train)
    kept = [[sentence for sentence in document if text_key(" ".join(sentence.words)) not in seen]
            for document in documents]
    kept = [document for document in kept if document]
    docs = list(iob_docs(spacy.blank("en").vocab, kept, SENTENCES_PER_DOC))
    total = sum(len(document) for document in documents)
    stats = {"docs": len(docs), "sentences": sum(len(d) for d in kept),
             "left_out_as_in_a_main_corpus": total - sum(len(d) for d in kept),
             "tokens": sum(len(doc) for doc in docs), "entities": sum(len(doc.ents) for doc in docs)}
    return docs, stats


def heads_of(config: Path) -> tuple[str, ...]:
    """The corpora whose heads a training config has (``ner_<corpus>`` components)."""
    pipeline_names = spacy.util.load_config(config)["nlp"]["pipeline"]
    return tuple(name.removeprefix("ner_") for name in pipeline_names if name.startswith("ner_"))


def build_corpus(data: Path, work: Path, upsample: dict[str, int] | None = None,
                 limit: int = 0, add_devel: bool = False,
                 heads: Sequence[str] = HEADS) -> dict[str, Path]:
    """Write the joint ``train.spacy`` and ``dev.spacy`` and each corpus's ``dev-<corpus>.spacy``
    under ``work/corpus``; return their paths by name (``train``, ``dev``, ``dev-bc5cdr``, ...).
    ``limit``: only the first docs of each corpus and split (smoke tests). ``add_devel``: the
    devel docs also train (upsampled as their corpus's train docs), for a final model whose
    step count a train-only run chose; its devel scores are then not held out. ``heads``: the
    corpora of the config's heads; an auxiliary one (``AUXILIARY``) only trains."""
    upsample = UPSAMPLE if upsample is None else upsample
    train: list[Doc] = []
    dev: list[Doc] = []
    paths: dict[str, Path] = {}
    for corpus in heads:
        docs = corpus_docs(corpus, data, "train", limit)
        if corpus in AUXILIARY:
            train.extend(docs * upsample.get(corpus, 1))
            continue
        dev_docs = corpus_docs(corpus, data, "dev", limit)
        if add_devel:
            docs = docs + [doc.copy() for doc in dev_docs]
        train.extend(docs * upsample.get(corpus, 1))
        dev.extend(dev_docs)
        paths[f"dev-{corpus}"] = work / "corpus" / f"dev-{corpus}.spacy"
        write_docbin(dev_docs, paths[f"dev-{corpus}"])
    print(f"joint train: {len(train)} docs, {sum(len(d) for d in train)} tokens (upsampled {upsample}); "
          f"joint devel: {len(dev)} docs")
    paths["train"] = work / "corpus" / "train.spacy"
    paths["dev"] = work / "corpus" / "dev.spacy"
    write_docbin(train, paths["train"])
    write_docbin(dev, paths["dev"])
    return paths


def package_model(model_best: Path, out: Path) -> None:
    """Copy ``model_best`` to ``out`` with meta filled in and a config without training paths,
    and without the auxiliary heads (they only trained the tok2vec)."""
    nlp = spacy.load(model_best)
    auxiliary = [corpus for corpus in AUXILIARY if head_name(corpus) in nlp.pipe_names]
    for corpus in auxiliary:
        nlp.remove_pipe(head_name(corpus))
    sources = [{"name": SPECS[corpus].source, "license": SPECS[corpus].license}
               for corpus in [*HEADS, *auxiliary]]
    nlp.meta.update(
        {
            "name": NAME.replace("-", "_"),
            "version": VERSION,
            "spacy_version": SPACY_VERSION_RANGE,
            "description": DESCRIPTION,
            "license": LICENSE,
            "sources": sources,
            "heads": {head_name(c): {"span_key": c, "corpus": CORPORA[c].name} for c in HEADS},
            # corpora whose heads trained the tok2vec beside them and were then dropped
            "auxiliary_corpora": [AUXILIARY[c].source for c in auxiliary],
        }
    )
    save_model(nlp, out)


def vocab_with_vectors_of(source: Language) -> Vocab:
    """A vocab holding ``source``'s static vectors (every key, row for row) and, of its
    strings, only the vectors' words: the joint vocab also lists the word types of all three
    corpora, which one head does not need (the networks look features up by hash)."""
    vectors = source.vocab.vectors
    strings = [text for text in source.vocab.strings if source.vocab.strings[text] in vectors.key2row]
    vocab = Vocab(strings=strings)
    vocab.vectors = Vectors(strings=vocab.strings, shape=vectors.shape)
    vocab.vectors.data[:] = vectors.data
    for key, row in vectors.key2row.items():
        vocab.vectors.add(key, row=row)
    return vocab


def standalone_head(joint: Path, corpus: str) -> Language:
    """The joint model's ``corpus`` head as a plain NER pipeline, shaped as its separate model
    (``tok2vec`` → ``ner`` → ``lexicon_entities``, entities in ``doc.ents``): the shared
    tok2vec and the head's weights, copied unchanged, under the separate model's name and
    meta. A user loads it with ``spacy.load`` like any NER model."""
    source = spacy.load(joint)
    head = head_name(corpus)
    config = source.config.copy()
    ner = {key: value for key, value in config["components"][head].items()
           if key not in {"span_key", "gold_key"}}
    ner["factory"] = "ner"
    config["components"] = {"tok2vec": config["components"]["tok2vec"], "ner": ner}
    config["nlp"]["pipeline"] = ["tok2vec", "ner"]
    config["training"]["score_weights"] = {"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0,
                                           "ents_per_type": None}
    nlp = spacy.util.load_model_from_config(config, vocab=vocab_with_vectors_of(source),
                                            auto_fill=True)
    nlp.tokenizer.from_bytes(source.tokenizer.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    nlp.get_pipe("tok2vec").from_bytes(source.get_pipe("tok2vec").to_bytes(exclude=["vocab"]),
                                       exclude=["vocab"])
    nlp.get_pipe("ner").from_bytes(source.get_pipe(head).to_bytes(exclude=["vocab"]),
                                   exclude=["vocab"])
    spec = CORPORA[corpus]
    auxiliary = source.meta.get("auxiliary_corpora") or []
    trained_beside = f", trained beside auxiliary heads on the {' and the '.join(auxiliary)}" \
        if auxiliary else ""
    nlp.meta.update(model_meta(
        spec, EXPORTED_VERSIONS[corpus],
        f"{spec.description}; the {head} head of {NAME} {source.meta.get('version', '')} "
        f"with its shared tok2vec{trained_beside}"))
    add_lexicon(spec, nlp)
    return nlp


def evaluate_heads(nlp: Language, dev_paths: dict[str, Path]) -> dict[str, Any]:
    """Each head's devel P/R/F (spaCy's scorer) on its own corpus's devel docs."""
    result: dict[str, Any] = {}
    for corpus in HEADS:
        gold_docs = read_docbin(nlp.vocab, dev_paths[f"dev-{corpus}"])
        head = _rounded_scores(nlp.evaluate(make_examples(nlp, gold_docs)), prefix=f"{corpus}_")
        head["dev_docs"] = len(gold_docs)
        result[corpus] = head
    result["mean_ents_f"] = round(sum(result[c]["ents_f"] for c in HEADS) / len(HEADS), 4)
    return result


def evaluate_heads_with_lexicon(nlp: Language, dev_paths: dict[str, Path],
                                gold_tokens: bool = False) -> dict[str, Any]:
    """Each head's devel P/R/F with the ``lexicon_entities`` component after it, as its
    separate model ships (``CorpusSpec.lexicon_mapping``): the head's entities become
    ``doc.ents``, as a plain ``ner`` would leave them, then the component adds dictionary
    matches and short forms. On ``nlp``'s tokenization, or on the gold tokens."""
    result: dict[str, Any] = {}
    for corpus in HEADS:
        mapping = CORPORA[corpus].lexicon_mapping
        if mapping is None:
            continue
        lexicon = nlp.create_pipe("lexicon_entities", config={"mapping": dict(mapping)})
        examples = []
        for gold in read_docbin(nlp.vocab, dev_paths[f"dev-{corpus}"]):
            predicted = nlp(gold_token_doc(nlp.vocab, gold) if gold_tokens else gold.text)
            predicted.set_ents(list(predicted.spans[corpus]), default="outside")
            reference = gold.copy()
            set_gold(reference, gold_key(corpus))
            examples.append(Example(lexicon(predicted), reference))
        result[corpus] = _rounded_scores(get_ner_prf(examples))
    return result


def _rounded_scores(scored: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """P/R/F and the per-type scores of a scorer's dict (keys under ``prefix``), rounded."""
    result: dict[str, Any] = {key: round(float(scored[f"{prefix}{key}"] or 0.0), 4)
                              for key in ("ents_p", "ents_r", "ents_f")}
    result["ents_per_type"] = {
        label: {key: round(float(value), 4) for key, value in values.items()}
        for label, values in sorted((scored[f"{prefix}ents_per_type"] or {}).items())
    }
    return result


def report(model: Path, dev_paths: dict[str, Path], with_lexicon: bool = False) -> dict[str, Any]:
    """Load ``model`` as a user would; print each head's devel scores, labels, speed and size
    (with ``with_lexicon``, also the scores with the dictionary component)."""
    nlp = spacy.load(model)
    texts = [doc.text for corpus in HEADS for doc in read_docbin(nlp.vocab, dev_paths[f"dev-{corpus}"])]
    result: dict[str, Any] = {
        "scores": evaluate_heads(nlp, dev_paths),
        "labels": {head_name(c): list(nlp.get_pipe(head_name(c)).labels) for c in HEADS},
        "labels_match_spec": all(
            sorted(nlp.get_pipe(head_name(c)).labels) == sorted(CORPORA[c].labels) for c in HEADS
        ),
        "words_per_second": round(words_per_second(nlp, texts)),
        "size_bytes": sum(f.stat().st_size for f in model.rglob("*") if f.is_file()),
        "pipeline": nlp.pipe_names,
    }
    if with_lexicon:
        result["scores_with_lexicon"] = evaluate_heads_with_lexicon(nlp, dev_paths)
        result["scores_with_lexicon_on_gold_tokens"] = {
            corpus: {key: value for key, value in scores.items() if key != "ents_per_type"}
            for corpus, scores in evaluate_heads_with_lexicon(nlp, dev_paths,
                                                              gold_tokens=True).items()}
    print(json.dumps(result, indent=2))
    return result


def parse_export(value: str) -> tuple[str, Path]:
    """``bc5cdr=models/ner-bc5cdr`` → (``bc5cdr``, its path); a one-line error otherwise."""
    corpus, _, path = value.partition("=")
    if corpus not in HEADS or not path:
        raise SystemExit(f"--export {value!r}: expected CORPUS=PATH with CORPUS one of {', '.join(HEADS)}")
    return corpus, Path(path)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared corpora dir")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model")
    parser.add_argument("--work", type=Path, default=Path("/tmp/ner-joint"), help="scratch dir")
    parser.add_argument("--config", type=Path, default=REPO_ROOT / "models" / "train" / "ner-joint.cfg")
    parser.add_argument("--eval-only", action="store_true", help="only score --out")
    parser.add_argument("--with-lexicon", action="store_true",
                        help="also score each head followed by its separate model's dictionary "
                             "component (lexicon_entities)")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--max-minutes", type=float, default=None, help="override the wall-clock cap")
    parser.add_argument(
        "--vectors", type=Path, default=DEFAULT_VECTORS,
        help="a spaCy vectors dir or pipeline whose vectors the tok2vec reads (default models/ner-bc5cdr)",
    )
    parser.add_argument("--limit", type=int, default=0,
                        help="only the first N docs of each corpus and split (smoke test)")
    parser.add_argument("--export", action="append", default=[], metavar="CORPUS=PATH",
                        help="after training (or with --eval-only), write the CORPUS head of --out "
                             "as a plain NER model to PATH (standalone_head); repeatable")
    parser.add_argument("--add-devel", action="store_true",
                        help="train on train + devel for --max-steps steps (chosen on a train-only "
                             "run) and package model-last; its devel scores are not held out")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, train, package and report; see the module docstring."""
    args = parse_args(argv)
    if args.add_devel and args.max_steps is None and not args.eval_only:
        raise SystemExit("--add-devel needs --max-steps (the step count chosen on a train-only run)")
    exports = [parse_export(value) for value in args.export]
    with threadpool_limits(limits=1):
        paths = build_corpus(args.data, args.work, limit=args.limit, add_devel=args.add_devel,
                             heads=heads_of(args.config))
        if not args.eval_only:
            output = args.work / "output"
            overrides: dict[str, Any] = {
                "paths.train": str(paths["train"]),
                "paths.dev": str(paths["dev"]),
                "paths.vectors": str(args.vectors),
                "system.seed": SEED,
            }
            if args.max_steps is not None:
                overrides["training.max_steps"] = args.max_steps
            if args.max_minutes is not None:
                overrides["training.before_update.max_seconds"] = args.max_minutes * 60
            if args.add_devel:
                # no early stopping and no model selection on devel (it is in the training data)
                overrides["training.patience"] = 0
                overrides["training.eval_frequency"] = args.max_steps
            try:
                spacy_train(args.config, output, overrides=overrides)
            except TrainingTimeLimit as stop:
                print(f"stopped: {stop}")
            package_model(output / ("model-last" if args.add_devel else "model-best"), args.out)
        result = report(args.out, paths, with_lexicon=args.with_lexicon)
        if not args.eval_only:
            write_performance(args.out, result["scores"], devel_in_training=args.add_devel)
        (args.work / "report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
        for corpus, path in exports:
            export_head(args.out, corpus, path, args.data, args.work)
    return 0


def export_head(joint: Path, corpus: str, out: Path, data: Path, work: Path) -> None:
    """Write ``joint``'s ``corpus`` head to ``out`` (:func:`standalone_head`) and score it as
    its separate model is scored (:func:`pipeline.train.ner.report`), storing the devel scores
    as ``performance``; they are held out only if the joint model's are."""
    save_model(standalone_head(joint, corpus), out)
    meta = json.loads((joint / "meta.json").read_text(encoding="utf-8"))
    devel_in_training = bool(meta.get("performance", {}).get("devel_in_training", False))
    _, dev_path = separate.build_corpus(CORPORA[corpus], data, work / f"export-{corpus}")
    result = separate.report(out, dev_path, CORPORA[corpus].labels)
    write_performance(out, result["scores"], devel_in_training=devel_in_training)
    print(f"{head_name(corpus)} of {joint} → {out}")


if __name__ == "__main__":
    sys.exit(main())
