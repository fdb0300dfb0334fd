"""Checks on the shipped NER models (``models/ner-*``): they load with a plain ``spacy.load``,
carry scispaCy's label sets, use scispaCy's tokenizer and get a few easy sentences right.

Every test skips cleanly when its model folder is absent.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"

LABELS: dict[str, set[str]] = {
    "ner-bionlp13cg": {
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
    },
    "ner-bc5cdr": {"CHEMICAL", "DISEASE"},
    "ner-jnlpba": {"DNA", "PROTEIN", "CELL_TYPE", "CELL_LINE", "RNA"},
}

LENALIDOMIDE = "Lenalidomide enhanced NK cell cytotoxicity in myeloma patients."
GENES = "Expression of TP53 and EGFR was measured in lung tissue."
ASPIRIN = "Aspirin reduced the risk of myocardial infarction."
JURKAT = "NF-kappaB binds the IL-2 promoter in human T cells and Jurkat cells."
DOXORUBICIN = "Patients receiving doxorubicin and cyclophosphamide developed cardiomyopathy and neutropenia."

#: (model, sentence, entity text, label): entities the model must find exactly.
EXPECTED: list[tuple[str, str, str, str]] = [
    ("ner-bionlp13cg", LENALIDOMIDE, "Lenalidomide", "SIMPLE_CHEMICAL"),
    ("ner-bionlp13cg", LENALIDOMIDE, "NK cell", "CELL"),
    ("ner-bionlp13cg", LENALIDOMIDE, "myeloma", "CANCER"),
    ("ner-bionlp13cg", GENES, "TP53", "GENE_OR_GENE_PRODUCT"),
    ("ner-bionlp13cg", GENES, "EGFR", "GENE_OR_GENE_PRODUCT"),
    ("ner-bionlp13cg", "Cisplatin reduced tumor growth in mice.", "mice", "ORGANISM"),
    ("ner-bc5cdr", LENALIDOMIDE, "Lenalidomide", "CHEMICAL"),
    ("ner-bc5cdr", ASPIRIN, "Aspirin", "CHEMICAL"),
    ("ner-bc5cdr", ASPIRIN, "myocardial infarction", "DISEASE"),
    ("ner-bc5cdr", "Cisplatin caused nephrotoxicity in breast cancer patients.", "breast cancer", "DISEASE"),
    ("ner-bc5cdr", DOXORUBICIN, "doxorubicin", "CHEMICAL"),
    ("ner-bc5cdr", DOXORUBICIN, "cyclophosphamide", "CHEMICAL"),
    ("ner-bc5cdr", DOXORUBICIN, "cardiomyopathy", "DISEASE"),
    ("ner-bc5cdr", DOXORUBICIN, "neutropenia", "DISEASE"),
    ("ner-bionlp13cg", GENES, "lung tissue", "TISSUE"),
    ("ner-jnlpba", JURKAT, "NF-kappaB", "PROTEIN"),
    ("ner-jnlpba", JURKAT, "IL-2 promoter", "DNA"),
    ("ner-jnlpba", JURKAT, "Jurkat cells", "CELL_LINE"),
]


@cache
def load(name: str) -> Language:
    warnings.filterwarnings("ignore")
    return spacy.load(MODELS / name)


def need(name: str) -> Language:
    if not (MODELS / name / "config.cfg").is_file():
        pytest.skip(f"models/{name} is not present")
    return load(name)


#: models that end with the dictionary component (pipeline.ner.model_lexicon)
WITH_LEXICON = {"ner-bc5cdr", "ner-bionlp13cg", "ner-jnlpba"}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_label_set_and_pipeline(name: str) -> None:
    nlp = need(name)
    assert set(nlp.get_pipe("ner").labels) == LABELS[name]
    lexicon = ["lexicon_entities"] if name in WITH_LEXICON else []
    assert nlp.pipe_names == ["tok2vec", "ner", *lexicon]
    assert nlp.meta["performance"]["ents_f"] > 0.5


@pytest.mark.parametrize(("name", "label"), [("ner-bc5cdr", "CHEMICAL"),
                                             ("ner-bionlp13cg", "SIMPLE_CHEMICAL")])
def test_the_dictionary_adds_drugs_newer_than_the_corpus(name: str, label: str) -> None:
    # BC5CDR (2015) predates ibrutinib's and venetoclax's approval; the networks of 0.4.0
    # find the names, but not the brand names, which the dictionary component adds (or
    # relabels: the BC5CDR network reads "Revlimid" as a disease).
    sentence = "The patients were given ibrutinib or venetoclax for two weeks."
    found = [(e.text, e.label_) for e in need(name)(sentence).ents]
    assert ("ibrutinib", label) in found and ("venetoclax", label) in found, found
    brands = "The patients were given Revlimid or Imbruvica for two weeks."
    found = [(e.text, e.label_) for e in need(name)(brands).ents]
    assert ("Revlimid", label) in found and ("Imbruvica", label) in found, found
    bare = spacy.load(MODELS / name, exclude=["lexicon_entities"])
    assert ("Imbruvica", label) not in [(e.text, e.label_) for e in bare(brands).ents]


#: models trained on train + devel: their meta says so, since their devel scores are not held out
TRAINED_ON_DEVEL = {"ner-bc5cdr", "ner-bionlp13cg"}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_meta_says_whether_devel_was_trained_on(name: str) -> None:
    nlp = need(name)
    assert nlp.meta["performance"].get("devel_in_training", False) is (name in TRAINED_ON_DEVEL)


#: models whose tok2vec reads static word vectors (built by pipeline.train.vectors)
WITH_VECTORS = ["ner-bc5cdr", "ner-bionlp13cg"]


@pytest.mark.parametrize("name", WITH_VECTORS)
def test_vectors_cover_cased_forms(name: str) -> None:
    vocab = need(name).vocab
    assert vocab.vectors.shape[1] == 128
    for word in ("cisplatin", "tumor", "patients"):
        assert vocab.has_vector(word)
        assert vocab.get_vector(word.capitalize()).tolist() == vocab.get_vector(word).tolist()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_size_limit(name: str) -> None:
    need(name)
    size = sum(f.stat().st_size for f in (MODELS / name).rglob("*") if f.is_file())
    assert size <= 25 * 1000 * 1000


def test_all_models_within_budget() -> None:
    """core + the NER models: at most 100 MB together."""
    folders = [MODELS / "core", *(MODELS / name for name in LABELS)]
    files = [f for folder in folders if folder.is_dir() for f in folder.rglob("*") if f.is_file()]
    size = sum(f.stat().st_size for f in files)
    assert size <= 100 * 1000 * 1000


@pytest.mark.parametrize("name", sorted(LABELS))
def test_config_needs_no_training_code(name: str) -> None:
    """No training callbacks; the one project component, lexicon_entities, is found through
    the package's spaCy entry point (pyproject.toml), so a plain spacy.load works."""
    need(name)
    text = (MODELS / name / "config.cfg").read_text(encoding="utf-8")
    assert "replace_tokenizer" not in text
    assert "ner_time_limit" not in text


@pytest.mark.parametrize("name", sorted(LABELS))
def test_tokenizer_is_scispacy(name: str, tokenizer_nlp) -> None:
    nlp = need(name)
    for text in ("IL-2-induced [Ca2+]i rises in CD4+ T cells (p < 0.05), e.g. Fig. 2.", LENALIDOMIDE):
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in tokenizer_nlp.make_doc(text)]


@pytest.mark.parametrize(("name", "sentence", "text", "label"), EXPECTED)
def test_predictions(name: str, sentence: str, text: str, label: str) -> None:
    nlp = need(name)
    ents = [(ent.text, ent.label_) for ent in nlp(sentence).ents]
    assert (text, label) in ents, ents
