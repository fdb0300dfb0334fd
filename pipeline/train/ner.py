"""Train, package and evaluate spaCy NER pipelines with the label sets of scispaCy's NER models.

Pipeline: scispaCy's ``combined_rule_tokenizer`` (saved inside the model), a CNN tok2vec and
spaCy's transition-based ``ner``. One model per corpus:

* ``bionlp13cg`` – the 16 BioNLP 2013 Cancer Genetics entity types (``ner-iob/BioNLP13CG-IOB``)
* ``bc5cdr`` – ``CHEMICAL`` and ``DISEASE`` (``ner-iob/BC5CDR-IOB``)
* ``jnlpba`` – ``DNA``, ``PROTEIN``, ``CELL_TYPE``, ``CELL_LINE``, ``RNA`` (train: brat standoff
  in ``jnlpba/standoff/train``; devel: ``ner-iob/JNLPBA/devel.tsv``)

Usage (from the repository root)::

    .venv/bin/python -m pipeline.train.vectors --data /work/shared --out /tmp/ner-vectors
    OMP_NUM_THREADS=1 .venv/bin/python -m pipeline.train.ner --corpus bionlp13cg \\
        --data /work/shared/corpora --out models/ner-bionlp13cg --vectors /tmp/ner-vectors/spacy

builds DocBins in ``--work`` (default ``/tmp/ner-<corpus>``, outside the repository), trains
with ``models/train/ner-<corpus>.cfg`` (fixed seed, early stopping on devel, wall-clock cap),
copies ``model-best`` to ``--out`` and prints devel scores (spaCy's scorer: ents P/R/F, per
type), speed and size. ``--eval-only`` skips training and only scores ``--out``.

``--vectors`` gives the static word vectors (built by ``pipeline.train.vectors``) that configs
with ``pretrained_vectors = true`` need; they are copied into the model. ``--add-devel
--max-steps N`` trains a final model on train + devel for exactly N steps (N chosen on a
train-only run), without early stopping, and packages ``model-last``: its devel scores are
then not held out.
"""

from __future__ import annotations

import argparse
import json
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
from spacy.util import load_config
from threadpoolctl import threadpool_limits

from pipeline.train.conllu import read_docbin, write_docbin
from pipeline.train.core import make_examples, save_model, words_per_second
from pipeline.train.iob import brat_doc, iob_docs, overlapping_texts, parse_ann, read_iob

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = 0
SENTENCES_PER_DOC = 10
SPACY_VERSION_RANGE = ">=3.8.0,<3.9.0"

BIONLP13CG_LABELS = (
    "AMINO_ACID",
    "ANATOMICAL_SYSTEM",
    "CANCER",
    "CELL",
    "CELLULAR_COMPONENT",
    "DEVELOPING_ANATOMICAL_STRUCTURE",
    "GENE_OR_GENE_PRODUCT",
    "IMMATERIAL_ANATOMICAL_ENTITY",
    "MULTI-TISSUE_STRUCTURE",
    "ORGAN",
    "ORGANISM",
    "ORGANISM_SUBDIVISION",
    "ORGANISM_SUBSTANCE",
    "PATHOLOGICAL_FORMATION",
    "SIMPLE_CHEMICAL",
    "TISSUE",
)
BC5CDR_LABELS = ("CHEMICAL", "DISEASE")
JNLPBA_LABELS = ("CELL_LINE", "CELL_TYPE", "DNA", "PROTEIN", "RNA")


@dataclass(frozen=True)
class CorpusSpec:
    """Where a corpus lives under ``--data`` and what the model is called."""

    name: str
    labels: tuple[str, ...]
    train: str  # IOB file, or a brat directory when ``train_brat``
    dev: str
    description: str
    license: str
    source: str
    train_brat: bool = False
    version: str = "0.1.0"  # of the shipped model; 0.2.0: trained on train + devel
    # Lexicon label → model label for the ``lexicon_entities`` component (pipeline.ner.
    # model_lexicon); empty: its short-form rule alone (on JNLPBA devel the dictionary rules
    # lowered F by about 1); None: no component.
    lexicon_mapping: tuple[tuple[str, str], ...] | None = None


CORPORA: dict[str, CorpusSpec] = {
    "bionlp13cg": CorpusSpec(
        name="ner-bionlp13cg",
        labels=BIONLP13CG_LABELS,
        train="ner-iob/BioNLP13CG-IOB/train.tsv",
        dev="ner-iob/BioNLP13CG-IOB/devel.tsv",
        description="NER with the 16 BioNLP 2013 Cancer Genetics entity types (scispaCy's labels)",
        license="CC BY-SA 3.0 (BioNLP-ST 2013 CG annotations, NaCTeM); see models/ner-bionlp13cg.CARD.md",
        source="BioNLP Shared Task 2013 CG corpus (IOB conversion by Crichton et al. 2017)",
        version="0.3.0",
        lexicon_mapping=(("DRUG", "SIMPLE_CHEMICAL"), ("CELL", "CELL"), ("CELL_LINE", "CELL")),
    ),
    "bc5cdr": CorpusSpec(
        name="ner-bc5cdr",
        labels=BC5CDR_LABELS,
        train="ner-iob/BC5CDR-IOB/train.tsv",
        dev="ner-iob/BC5CDR-IOB/devel.tsv",
        description="NER for CHEMICAL and DISEASE (BC5CDR; scispaCy's labels)",
        license="BC5CDR corpus terms; see models/ner-bc5cdr.CARD.md",
        source="BioCreative V CDR corpus (IOB conversion by Crichton et al. 2017)",
        version="0.3.0",
        lexicon_mapping=(("DRUG", "CHEMICAL"), ("DISEASE", "DISEASE")),
    ),
    "jnlpba": CorpusSpec(
        name="ner-jnlpba",
        labels=JNLPBA_LABELS,
        train="jnlpba/standoff/train",
        dev="ner-iob/JNLPBA/devel.tsv",
        description="NER for DNA, PROTEIN, CELL_TYPE, CELL_LINE, RNA (JNLPBA; scispaCy's labels)",
        license="GENIA Project License (annotations CC BY 3.0); see models/ner-jnlpba.CARD.md",
        source="JNLPBA 2004 shared task corpus (GENIA)",
        train_brat=True,
        version="0.2.0",
        lexicon_mapping=(),
    ),
}


class TrainingTimeLimit(Exception):
    """Raised by the ``ner_time_limit.v1`` callback to end training after ``max_seconds``."""


@spacy.registry.callbacks("ner_time_limit.v1")
def make_time_limit(max_seconds: float) -> Callable[[Language, dict[str, Any]], None]:
    """A ``[training.before_update]`` callback that stops training after ``max_seconds``.

    spaCy saves ``model-last`` when the loop raises; ``model-best`` (best devel score so far)
    is already on disk, so the run is packaged as if it had stopped early.
    """
    start: list[float] = []

    def before_update(nlp: Language, args: dict[str, Any]) -> None:
        if not start:
            start.append(time.monotonic())
        elif time.monotonic() - start[0] > max_seconds:
            raise TrainingTimeLimit(f"time limit of {max_seconds:.0f} s reached at step {args.get('step')}")

    return before_update


def scispacy_nlp() -> Language:
    """A blank English pipeline with scispaCy's tokenizer (what the model sees at run time)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp


def load_split(spec: CorpusSpec, data: Path, split: str) -> tuple[list[Doc], dict[str, int]]:
    """Gold ``Doc``\\ s for ``split`` (``"train"`` or ``"dev"``) and a few counts."""
    path = data / (spec.train if split == "train" else spec.dev)
    if split == "train" and spec.train_brat:
        # The devel abstracts are also in the brat training set: leave them out of training.
        texts = {txt.stem: txt.read_text(encoding="utf-8") for txt in sorted(path.glob("*.txt"))}
        held_out = overlapping_texts(texts, read_iob(data / spec.dev))
        nlp = scispacy_nlp()
        docs: list[Doc] = []
        misaligned = n_spans = 0
        for name, text in texts.items():
            if name in held_out:
                continue
            spans = parse_ann((path / f"{name}.ann").read_text(encoding="utf-8"))
            doc, bad = brat_doc(nlp.make_doc, text, spans)
            docs.append(doc)
            misaligned += bad
            n_spans += len(spans)
        stats = {
            "docs": len(docs),
            "left_out_as_devel": len(held_out),
            "spans": n_spans,
            "spans_not_on_token_boundaries": misaligned,
        }
    else:
        documents = read_iob(path)
        docs = list(iob_docs(spacy.blank("en").vocab, documents, SENTENCES_PER_DOC))
        stats = {"docs": len(docs), "sentences": sum(len(d) for d in documents)}
    stats["tokens"] = sum(len(doc) for doc in docs)
    stats["entities"] = sum(len(doc.ents) for doc in docs)
    return docs, stats


def build_corpus(spec: CorpusSpec, data: Path, work: Path, add_devel: bool = False) -> tuple[Path, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``work/corpus``; return their paths.

    With ``add_devel`` the devel docs are also written into ``train.spacy`` (for a final model
    trained on train + devel; its devel scores are then not held-out scores).
    """
    paths = []
    split_docs: dict[str, list[Doc]] = {}
    for split in ("train", "dev"):
        docs, stats = load_split(spec, data, split)
        unknown = {ent.label_ for doc in docs for ent in doc.ents} - set(spec.labels)
        if unknown:
            raise ValueError(f"{split}: labels not in the {spec.name} label set: {sorted(unknown)}")
        split_docs[split] = docs
        print(f"{split}: {json.dumps(stats)}")
    if add_devel:
        split_docs["train"] = split_docs["train"] + split_docs["dev"]
        print(f"train + devel: {len(split_docs['train'])} docs")
    for split in ("train", "dev"):
        path = work / "corpus" / f"{split}.spacy"
        write_docbin(split_docs[split], path)
        paths.append(path)
    return paths[0], paths[1]


def alignment_stats(nlp: Language, gold_docs: Sequence[Doc]) -> dict[str, float]:
    """How well ``nlp``'s tokens match the gold tokens: token-level F and the share of gold
    entities whose boundaries fall on ``nlp`` token boundaries (others cannot be predicted)."""
    n_gold = n_pred = n_same = 0
    n_ents = n_ents_ok = 0
    for gold in gold_docs:
        pred = nlp.make_doc(gold.text)
        gold_spans = {(t.idx, t.idx + len(t)) for t in gold}
        pred_spans = {(t.idx, t.idx + len(t)) for t in pred}
        n_gold += len(gold_spans)
        n_pred += len(pred_spans)
        n_same += len(gold_spans & pred_spans)
        for ent in gold.ents:
            n_ents += 1
            n_ents_ok += pred.char_span(ent.start_char, ent.end_char) is not None
    precision, recall = n_same / max(n_pred, 1), n_same / max(n_gold, 1)
    return {
        "token_f": round(2 * precision * recall / max(precision + recall, 1e-9), 4),
        "entities_on_token_boundaries": round(n_ents_ok / max(n_ents, 1), 4),
    }


def evaluate(nlp: Language, gold_docs: Sequence[Doc], gold_tokens: bool = False) -> dict[str, Any]:
    """spaCy's scorer on ``gold_docs``: ents P/R/F and per type (on ``nlp``'s tokenization, or
    on the gold tokens)."""
    examples = make_examples(nlp, gold_docs, gold_tokens)
    scored = nlp.evaluate(examples)
    result: dict[str, Any] = {key: round(float(scored[key]), 4) for key in ("ents_p", "ents_r", "ents_f")}
    result["ents_per_type"] = {
        label: {key: round(float(value), 4) for key, value in values.items()}
        for label, values in sorted(scored["ents_per_type"].items())
    }
    return result


def package_model(spec: CorpusSpec, model_best: Path, out: Path) -> None:
    """Copy ``model_best`` to ``out`` with meta filled in and a load-anywhere config.

    The ``replace_tokenizer`` and time-limit callbacks are dropped from the config (the
    tokenizer is already serialized), so ``spacy.load(out)`` needs no import.
    """
    nlp = spacy.load(model_best)
    nlp.meta.update(model_meta(spec))
    add_lexicon(spec, nlp)
    save_model(nlp, out)


def model_meta(spec: CorpusSpec, version: str | None = None,
               description: str | None = None) -> dict[str, Any]:
    """The ``meta.json`` fields of the corpus's NER model (``spec``'s version and
    description unless given)."""
    return {
        "name": spec.name.replace("-", "_"),
        "version": version or spec.version,
        "spacy_version": SPACY_VERSION_RANGE,
        "description": description or spec.description,
        "license": spec.license,
        "sources": [{"name": spec.source, "license": spec.license}],
    }


def add_lexicon(spec: CorpusSpec, nlp: Language) -> None:
    """Append the ``lexicon_entities`` component after ``ner`` when the corpus has a mapping
    (and the model does not have it yet)."""
    if spec.lexicon_mapping is None or "lexicon_entities" in nlp.pipe_names:
        return
    import pipeline.ner.model_lexicon  # noqa: F401  (registers the factory)

    nlp.add_pipe("lexicon_entities", after="ner", config={"mapping": dict(spec.lexicon_mapping)})


def report(model: Path, dev: Path, labels: Sequence[str],
           exclude: Sequence[str] = ()) -> dict[str, Any]:
    """Load ``model`` as a user would and print devel scores, speed, size and alignment."""
    nlp = spacy.load(model, exclude=list(exclude))
    gold_docs = read_docbin(nlp.vocab, dev)
    texts = [doc.text for doc in gold_docs]
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file())
    result: dict[str, Any] = {
        "scores": evaluate(nlp, gold_docs),
        "scores_on_gold_tokens": {key: value for key, value in evaluate(
            nlp, gold_docs, gold_tokens=True).items() if key != "ents_per_type"},
        "dev_docs": len(gold_docs),
        "dev_words": sum(len(doc) for doc in gold_docs),
        "alignment": alignment_stats(nlp, gold_docs),
        "words_per_second": round(words_per_second(nlp, texts)),
        "size_bytes": size,
        "labels": list(nlp.get_pipe("ner").labels),
        "labels_match_spec": sorted(nlp.get_pipe("ner").labels) == sorted(labels),
        "pipeline": nlp.pipe_names,
    }
    print(json.dumps(result, indent=2))
    return result


def write_performance(model: Path, scores: dict[str, Any], devel_in_training: bool = False) -> None:
    """Store devel ``scores`` as ``performance`` in the model's ``meta.json``; when devel was
    part of the training data, say so (``devel_in_training``): they are then not held out."""
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = {**scores, "devel_in_training": devel_in_training}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def needs_vectors(config_path: Path) -> bool:
    """Whether the training config's tok2vec reads static vectors (``pretrained_vectors``)."""
    config = load_config(config_path, interpolate=False)
    return bool(config["components"]["tok2vec"]["model"].get("pretrained_vectors"))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), required=True)
    parser.add_argument("--data", type=Path, required=True, help="the shared corpora dir")
    parser.add_argument("--out", type=Path, required=True, help="where to write the model")
    parser.add_argument("--work", type=Path, default=None, help="scratch dir (default /tmp/ner-<corpus>)")
    parser.add_argument(
        "--config", type=Path, default=None, help="spaCy config (default models/train/ner-<corpus>.cfg)"
    )
    parser.add_argument("--eval-only", action="store_true", help="only score --out")
    parser.add_argument(
        "--add-lexicon",
        action="store_true",
        help="no training: add the lexicon_entities component to the model in --out, set its "
        "version, then score it",
    )
    parser.add_argument(
        "--no-lexicon",
        action="store_true",
        help="score --out without its lexicon_entities component (the bare network)",
    )
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--max-minutes", type=float, default=None, help="override the wall-clock cap")
    parser.add_argument(
        "--add-devel",
        action="store_true",
        help="train on train + devel for exactly --max-steps steps (no early stopping) and "
        "package model-last; devel scores are then not held out",
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        default=None,
        help="spaCy vectors dir for paths.vectors (built by pipeline.train.vectors)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, train, package and report; see the module docstring."""
    args = parse_args(argv)
    spec = CORPORA[args.corpus]
    work = args.work or Path(f"/tmp/ner-{args.corpus}")
    config = args.config or REPO_ROOT / "models" / "train" / f"ner-{args.corpus}.cfg"
    if not (args.eval_only or args.add_lexicon) and args.vectors is None and needs_vectors(config):
        raise SystemExit(
            f"{config} uses static vectors: build them with `python -m pipeline.train.vectors "
            "--data ../shared --out /tmp/ner-vectors` and pass --vectors /tmp/ner-vectors/spacy"
        )
    if args.add_devel and args.max_steps is None and not args.eval_only:
        raise SystemExit("--add-devel needs --max-steps (the step count chosen on a train-only run)")
    devel_in_training = args.add_devel
    if args.add_lexicon:
        args.eval_only = True
        nlp = spacy.load(args.out)
        devel_in_training = nlp.meta.get("performance", {}).get("devel_in_training", False)
        add_lexicon(spec, nlp)
        nlp.meta.update({"version": spec.version})
        save_model(nlp, args.out)
    with threadpool_limits(limits=1):
        train_path, dev_path = build_corpus(spec, args.data, work, add_devel=args.add_devel)
        if not args.eval_only:
            output = work / "output"
            overrides: dict[str, Any] = {
                "paths.train": str(train_path),
                "paths.dev": str(dev_path),
                "system.seed": SEED,
            }
            if args.max_steps is not None:
                overrides["training.max_steps"] = args.max_steps
            if args.max_minutes is not None:
                overrides["training.before_update.max_seconds"] = args.max_minutes * 60
            if args.vectors is not None:
                overrides["paths.vectors"] = str(args.vectors)
            if args.add_devel:
                # no early stopping and no model selection on devel (it is in the training data)
                overrides["training.patience"] = 0
                overrides["training.eval_frequency"] = args.max_steps
            try:
                spacy_train(config, output, overrides=overrides)
            except TrainingTimeLimit as stop:
                print(f"stopped: {stop}")
            package_model(spec, output / ("model-last" if args.add_devel else "model-best"), args.out)
        result = report(args.out, dev_path, spec.labels,
                        exclude=["lexicon_entities"] if args.no_lexicon else [])
        result["devel_in_training"] = devel_in_training
        if not args.eval_only or args.add_lexicon:
            write_performance(args.out, result["scores"], devel_in_training=devel_in_training)
        (work / "report.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
