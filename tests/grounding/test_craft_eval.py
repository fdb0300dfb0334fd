"""The CRAFT evaluation path: `pipeline run` on plain text, then entities.jsonl + sections.jsonl.

A small corpus in CRAFT's layout is written here, so the test runs without ../shared; the
real corpus is measured by bench/eval_cell_grounding.py (numbers in the README).
"""

import importlib.util
import json
import sys
from collections import Counter

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, SHARED, needs_shared

TEXT = ("Retinal development\n\nAbstract\n\nRod and cone photoreceptors degenerate, while NK cells "
        "and CD4+ T cells infiltrate. Murine embryonic stem (ES) cells were used; ES clones grew.\n")
GOLD = [  # (spans, class)
    ([("Rod",)], "CL:0000604"),
    ([("cone photoreceptors",)], "CL:0000573"),
    ([("NK cells",)], "CL:0000623"),
    ([("CD4+ T cells",)], "CL:0000624"),
    ([("embryonic stem",), ("cells",)], "CL:0002322"),
    ([("ES",)], "CL:0002322"),
]


def jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_bench():
    spec = importlib.util.spec_from_file_location("eval_cell_grounding",
                                                  ROOT / "bench" / "eval_cell_grounding.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def knowtator(text: str) -> str:
    annotations, classes, cursor = [], [], 0
    for k, (fragments, cl_id) in enumerate(GOLD):
        spans = []
        for (fragment,) in fragments:
            start = text.index(fragment, cursor)
            spans.append((start, start + len(fragment)))
            cursor = start + len(fragment)
        covered = " ... ".join(text[s:e] for s, e in spans)
        span_xml = "".join(f'<span start="{s}" end="{e}" />' for s, e in spans)
        annotations.append(f'<annotation><mention id="m{k}" />{span_xml}'
                           f"<spannedText>{covered}</spannedText></annotation>")
        classes.append(f'<classMention id="m{k}"><mentionClass id="{cl_id}">x</mentionClass>'
                       "</classMention>")
    return f'<annotations textSource="1.txt">{"".join(annotations + classes)}</annotations>'


@pytest.fixture(scope="module")
def mini_craft(tmp_path_factory):
    craft = tmp_path_factory.mktemp("craft")
    (craft / "articles/txt").mkdir(parents=True)
    (craft / "concept-annotation/CL").mkdir(parents=True)
    (craft / "articles/txt/1.txt").write_text(TEXT, encoding="utf-8")
    # CRAFT ships other files with the same stem: their entities must not be counted.
    (craft / "articles/txt/1.copyright").write_text("Copyright NK cells 2005.", encoding="utf-8")
    (craft / "concept-annotation/CL/1.txt.knowtator.xml").write_text(knowtator(TEXT), encoding="utf-8")
    return craft


def test_plain_text_offsets_index_the_file(mini_craft, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(mini_craft / "articles/txt/1.txt"), "--sections",
                                      "all", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    sections = {(r["doc_id"], r["section_id"]): r for r in jsonl(out / "sections.jsonl")}
    entities = jsonl(out / "entities.jsonl")
    assert entities
    for entity in entities:
        offset = sections[(entity["doc_id"], entity["section_id"])]["offset"]
        assert TEXT[offset + entity["start"]:offset + entity["end"]] == entity["text"]


def test_pipeline_run_output_scores_like_the_in_process_run(mini_craft, tmp_path):
    bench = load_bench()
    out = tmp_path / "out"
    # The in-process path is the lexicon NER alone, so the run leaves the neural models out.
    result = CliRunner().invoke(app, ["run", str(mini_craft / "articles/txt"), "--sections", "all",
                                      "--out", str(out), "--quiet", "--no-ner-models"])
    assert result.exit_code in (0, 3), result.output
    ids = bench.article_ids(mini_craft)
    from_run = bench.read_predictions(out, mini_craft, ids)
    in_process = bench.predict_ner_only(mini_craft, ids)
    assert sorted(from_run["1"]) == sorted(in_process["1"])
    scores = bench.evaluate(mini_craft, ids, from_run, Counter())
    assert scores.n_gold == len(GOLD)
    assert scores.accuracy == 1.0
    assert scores.tp == len(GOLD)


def test_split_is_fixed_and_disjoint():
    bench = load_bench()
    ids = [f"{n:08d}" for n in range(67)]
    tune, heldout = bench.split_ids(ids, "tune"), bench.split_ids(ids, "heldout")
    assert (len(tune), len(heldout)) == (37, 30)
    assert not set(tune) & set(heldout) and sorted(tune + heldout) == ids


@needs_shared
@pytest.mark.shared
@pytest.mark.slow
def test_craft_gold_span_accuracy_on_a_few_tune_articles():
    bench = load_bench()
    craft = SHARED / "corpora/craft"
    ids = bench.split_ids(bench.article_ids(craft), "tune")[:4]
    scores = bench.evaluate(craft, ids, bench.predict_ner_only(craft, ids), Counter())
    assert scores.accuracy >= 0.85 and scores.f1 >= 0.75
