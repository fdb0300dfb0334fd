"""``models/ner-joint`` (one tok2vec, three ``corpus_ner`` heads) and its trainer.

Model tests skip when ``models/ner-joint`` is absent; data tests when ``../shared`` is.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from pipeline.ner.heads import set_gold
from pipeline.train.command import training_argv
from pipeline.train.joint_ner import (
    AUXILIARY,
    HEADS,
    auxiliary_docs,
    corpus_docs,
    gold_key,
    head_name,
    heads_of,
    to_span_gold,
)
from pipeline.train.ner import BC5CDR_LABELS, BIONLP13CG_LABELS, JNLPBA_LABELS

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "ner-joint"
CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = {"bc5cdr": BC5CDR_LABELS, "jnlpba": JNLPBA_LABELS, "bionlp13cg": BIONLP13CG_LABELS}

#: (head, sentence, entity text, label): entities the head must find exactly.
EXPECTED = [
    ("bc5cdr", "Cisplatin caused nephrotoxicity in breast cancer patients.", "Cisplatin", "CHEMICAL"),
    ("bc5cdr", "Aspirin reduced the risk of myocardial infarction.", "myocardial infarction", "DISEASE"),
    ("jnlpba", "NF-kappaB binds the IL-2 promoter in human T cells and Jurkat cells.", "NF-kappaB",
     "PROTEIN"),
    ("jnlpba", "Dexamethasone induced apoptosis of human T lymphocytes.", "human T lymphocytes", "CELL_TYPE"),
    ("bionlp13cg", "Lenalidomide enhanced NK cell cytotoxicity in myeloma patients.", "myeloma", "CANCER"),
    ("bionlp13cg", "Expression of TP53 and EGFR was measured in lung tissue.", "EGFR",
     "GENE_OR_GENE_PRODUCT"),
]


@cache
def _load() -> Language:
    warnings.filterwarnings("ignore")
    return spacy.load(MODEL)


def need_model() -> Language:
    if not (MODEL / "config.cfg").is_file():
        pytest.skip("models/ner-joint is not present")
    return _load()


def test_gold_moves_to_a_span_group_and_ents_become_missing(tokenizer_nlp):
    doc = tokenizer_nlp.make_doc("Aspirin causes headache .")
    doc.ents = [Span(doc, 0, 1, label="CHEMICAL"), Span(doc, 2, 3, label="DISEASE")]
    to_span_gold(doc, "bc5cdr")
    assert [(s.text, s.label_) for s in doc.spans[gold_key("bc5cdr")]] == [
        ("Aspirin", "CHEMICAL"), ("headache", "DISEASE")]
    assert [t.ent_iob for t in doc] == [0, 0, 0, 0]


def test_tokens_of_unknown_gold_move_to_the_missing_group(tokenizer_nlp):
    doc = tokenizer_nlp.make_doc("IL-2-induced T cells divide .")
    doc.set_ents([Span(doc, 1, 3, label="CELL_TYPE")], missing=[doc[0:1]], default="outside")
    to_span_gold(doc, "jnlpba")
    assert [s.text for s in doc.spans["gold:jnlpba:missing"]] == ["IL-2-induced"]
    assert [t.ent_iob for t in doc] == [0] * len(doc)
    set_gold(doc, gold_key("jnlpba"))
    assert [t.ent_iob_ for t in doc] == ["", "B", "I", "O", "O"]


def test_pipeline_train_ner_joint_runs_the_joint_trainer():
    module, argv = training_argv("ner-joint", Path("/data"), Path("/tmp/m"), False, 60)
    assert module == "pipeline.train.joint_ner"
    assert argv == ["--data", "/data", "--out", "/tmp/m", "--max-minutes", "60"]


@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared is not available on this machine")
def test_corpus_docs_carry_gold_only_in_their_span_group():
    docs = corpus_docs("bc5cdr", CORPORA, "dev", limit=3)
    assert len(docs) == 3
    assert all(not doc.has_annotation("ENT_IOB") for doc in docs)
    labels = {span.label_ for doc in docs for span in doc.spans[gold_key("bc5cdr")]}
    assert labels == set(BC5CDR_LABELS)


def test_three_heads_with_the_separate_models_label_sets():
    nlp = need_model()
    assert nlp.pipe_names == ["tok2vec", *(head_name(corpus) for corpus in HEADS)]
    for corpus in HEADS:
        head = nlp.get_pipe(head_name(corpus))
        assert head.span_key == corpus
        assert set(head.labels) == set(LABELS[corpus])


def test_meta_names_version_sources_and_held_out_scores():
    meta = need_model().meta
    assert meta["name"] == "ner_joint" and meta["version"] == "0.1.0"
    assert len(meta["sources"]) == 3
    performance = meta["performance"]
    assert performance["devel_in_training"] is False
    assert all(performance[corpus]["ents_f"] > 0.6 for corpus in HEADS)


def test_loads_in_a_fresh_interpreter_with_no_explicit_import():
    """The corpus_ner factory is found through the package's spaCy entry point."""
    need_model()
    code = ("import warnings; warnings.filterwarnings('ignore'); import spacy, sys; "
            f"nlp = spacy.load({str(MODEL)!r}); "
            "assert 'pipeline.ner.heads' in sys.modules; "
            "doc = nlp('Cisplatin killed HeLa cells.'); print(sorted(doc.spans))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(sorted(HEADS))


@pytest.mark.parametrize(("corpus", "sentence", "text", "label"), EXPECTED)
def test_predictions(corpus: str, sentence: str, text: str, label: str) -> None:
    doc = need_model()(sentence)
    found = [(span.text, span.label_) for span in doc.spans[corpus]]
    assert (text, label) in found, found
    assert not doc.has_annotation("ENT_IOB")  # heads leave doc.ents to others


def test_models_folder_within_budget() -> None:
    """Everything under models/ (core, the three NER models, ner-joint): at most 100 MB."""
    need_model()
    size = sum(f.stat().st_size for f in (ROOT / "models").rglob("*") if f.is_file())
    assert size <= 100 * 1000 * 1000


@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared is not available on this machine")
def test_heads_with_the_dictionary_component_score_at_least_as_well(tmp_path):
    # The measure behind the card's "with lexicon_entities" column, on 20 BC5CDR devel docs:
    # the component only adds and relabels, and on drug names it finds more gold
    from pipeline.train.conllu import write_docbin
    from pipeline.train.joint_ner import evaluate_heads, evaluate_heads_with_lexicon

    nlp = need_model()
    paths = {}
    for corpus in HEADS:
        paths[f"dev-{corpus}"] = tmp_path / f"dev-{corpus}.spacy"
        write_docbin(corpus_docs(corpus, CORPORA, "dev", limit=20), paths[f"dev-{corpus}"])
    bare = evaluate_heads(nlp, paths)
    with_lexicon = evaluate_heads_with_lexicon(nlp, paths)
    assert set(with_lexicon) == set(HEADS)
    assert with_lexicon["bc5cdr"]["ents_r"] > bare["bc5cdr"]["ents_r"]
    assert with_lexicon["bc5cdr"]["ents_per_type"]["CHEMICAL"]["f"] > \
        bare["bc5cdr"]["ents_per_type"]["CHEMICAL"]["f"]


@pytest.mark.parametrize("corpus", ["bc5cdr", "bionlp13cg"])
def test_a_head_stands_alone_as_a_plain_ner_model(corpus, tmp_path):
    """standalone_head: the head and the shared tok2vec, copied unchanged into a tok2vec →
    ner → lexicon_entities pipeline that finds, before its dictionary component, exactly
    the entities the head finds in the joint model."""
    from pipeline.train.core import save_model
    from pipeline.train.joint_ner import standalone_head

    joint = need_model()
    save_model(standalone_head(MODEL, corpus), tmp_path / corpus)
    alone = spacy.load(tmp_path / corpus)
    assert alone.pipe_names == ["tok2vec", "ner", "lexicon_entities"]
    assert sorted(alone.get_pipe("ner").labels) == sorted(LABELS[corpus])
    text = ("Lenalidomide enhanced NK cell cytotoxicity against multiple myeloma cells, and "
            "cisplatin caused nephrotoxicity in breast cancer patients.")
    with alone.select_pipes(disable=["lexicon_entities"]):
        found = [(e.start_char, e.end_char, e.label_) for e in alone(text).ents]
    doc = joint(text)
    assert found == [(s.start_char, s.end_char, s.label_) for s in doc.spans[corpus]]


@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared is not available on this machine")
def test_add_devel_trains_on_the_devel_docs_too(tmp_path):
    from pipeline.train.conllu import read_docbin
    from pipeline.train.joint_ner import UPSAMPLE, build_corpus

    paths = build_corpus(CORPORA, tmp_path, limit=2, add_devel=True)
    train = read_docbin(spacy.blank("en").vocab, paths["train"])
    assert len(train) == sum(4 * UPSAMPLE[corpus] for corpus in HEADS)
    assert len(read_docbin(spacy.blank("en").vocab, paths["dev"])) == 2 * len(HEADS)


def test_the_heads_come_from_the_training_config():
    assert heads_of(ROOT / "models" / "train" / "ner-joint.cfg") == HEADS
    assert heads_of(ROOT / "models" / "train" / "ner-joint-aux.cfg") == (*HEADS, "anatem", "craft")
    assert heads_of(ROOT / "models" / "train" / "ner-joint-aux2.cfg") == \
        (*HEADS, "anatem", "craft", "bc2gm", "ncbi")
    assert set(AUXILIARY) == {"anatem", "craft", "bc2gm", "ncbi"}


@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared is not available on this machine")
def test_an_auxiliary_corpus_leaves_out_the_main_corpora_sentences():
    from pipeline.train.iob import read_iob, text_key

    docs, stats = auxiliary_docs(AUXILIARY["anatem"], CORPORA)
    main = {text_key(" ".join(s.words)) for split in ("train", "devel")
            for document in read_iob(CORPORA / "ner-iob" / "BioNLP13CG-IOB" / f"{split}.tsv")
            for s in document}
    assert stats["left_out_as_in_a_main_corpus"] >= 2900  # AnatEM repeats BioNLP13CG train
    assert not any(text_key(sentence.text) in main for doc in docs for sentence in doc.sents)
    assert {ent.label_ for doc in docs for ent in doc.ents} == {"ANATOMY"}
