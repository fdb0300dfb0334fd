"""Cell Ontology normalization against CRAFT's CL annotations.

CRAFT (../shared/corpora/craft) gives 67 full-text articles with every cell-type mention
annotated with a Cell Ontology id (knowtator XML, CL release of 2019, the one our lexicon is
built from). Two measures, per split:

- **gold-span accuracy**: for each gold span, the CL id that :func:`pipeline.grounding.ground_cell`
  gives to that span's text in its document's context (the document's abbreviations and cue
  words) equals the gold id. A span we cannot ground counts as wrong.
- **span + id P/R/F1**: our CELL entities against the gold annotations; a hit needs the
  exact span and the gold id. A discontinuous gold annotation ("rod ... photoreceptors" in
  "rod and cone photoreceptors") is hit by a mention of its first fragment ("rod"), which is
  how a coordination's first conjunct is written. CRAFT leaves the generic class *cell*
  (CL:0000000) unannotated; the pipeline never emits bare "cell(s)" either.

The split is fixed: the 67 article ids sorted, the held-out set is every other id from the
second to the sixtieth (30 articles), the tune set the other 37. Rules and lexicons are
tuned on the tune set only.

    python bench/eval_cell_grounding.py --craft ../shared/corpora/craft [--split tune|heldout|all]
    pipeline run ../shared/corpora/craft/articles/txt --sections all --out /tmp/craft -q
    python bench/eval_cell_grounding.py --craft ../shared/corpora/craft --predictions /tmp/craft

Without ``--predictions`` the shipped pipeline (``build_nlp`` + ``annotate_document``) is run
over each article read as plain text, exactly as ``pipeline run`` reads it.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("tune", "heldout", "all")


@dataclass(frozen=True)
class GoldMention:
    spans: tuple[tuple[int, int], ...]
    text: str
    cl_id: str

    @property
    def first_span(self) -> tuple[int, int]:
        return self.spans[0]


@dataclass(frozen=True, order=True)
class Predicted:
    start: int
    end: int
    cl_id: str
    text: str


def article_ids(craft: Path) -> list[str]:
    """Articles that have both a text and CL annotations, sorted."""
    annotated = {p.name.split(".")[0] for p in (craft / "concept-annotation/CL").glob("*.knowtator.xml")}
    texts = {p.stem for p in (craft / "articles/txt").glob("*.txt")}
    return sorted(annotated & texts)


def split_ids(ids: list[str], split: str) -> list[str]:
    """The fixed split: held-out = sorted ids 1, 3, ..., 59 (30 articles); tune = the rest."""
    heldout = set(ids[1:60:2])
    if split == "heldout":
        return [i for i in ids if i in heldout]
    if split == "tune":
        return [i for i in ids if i not in heldout]
    return list(ids)


def read_gold(craft: Path, pmid: str) -> list[GoldMention]:
    root = ET.parse(craft / "concept-annotation/CL" / f"{pmid}.txt.knowtator.xml").getroot()
    classes = {cm.get("id"): cm.find("mentionClass").get("id") for cm in root.iter("classMention")}
    gold = []
    for annotation in root.iter("annotation"):
        spans = tuple(sorted((int(s.get("start")), int(s.get("end")))
                             for s in annotation.iter("span")))
        text = annotation.findtext("spannedText") or ""
        gold.append(GoldMention(spans, text, classes[annotation.find("mention").get("id")]))
    return gold


def article_text(craft: Path, pmid: str) -> str:
    from pipeline.readers import read_file

    documents = list(read_file(craft / "articles/txt" / f"{pmid}.txt", sections="all"))
    return documents[0].sections[0].text


def gold_phrase(mention: GoldMention, text: str) -> str:
    """A discontinuous annotation read as one phrase: its fragments joined by a space."""
    return " ".join(text[s:e] for s, e in mention.spans)


# -- predictions -------------------------------------------------------------------------------
def predict_in_process(craft: Path, pmids: Iterable[str]) -> dict[str, list[Predicted]]:
    """Run the shipped pipeline over each article as ``pipeline run`` would read it."""
    from pipeline.nlp import annotate_document, build_nlp
    from pipeline.readers import read_file

    nlp = build_nlp()
    found: dict[str, list[Predicted]] = {}
    for pmid in pmids:
        document = next(iter(read_file(craft / "articles/txt" / f"{pmid}.txt", sections="all")))
        result = annotate_document(nlp, document)
        offsets = {s.section_id: s.offset or 0 for s in document.sections}
        found[pmid] = [Predicted(offsets[e.section_id] + e.start, offsets[e.section_id] + e.end,
                                 e.ids[0] if e.ids else "", e.text)
                       for e in result.entities if e.label == "CELL"]
    return found


def predict_ner_only(craft: Path, pmids: Iterable[str]) -> dict[str, list[Predicted]]:
    """The same entities without the parser and claim rules, which the NER does not use:
    tokenizer, abbreviation detector and ``drug_cell_ner`` only (several times faster)."""
    from pipeline.context import DocumentContext
    from pipeline.nlp import build_nlp, mention_entity
    from pipeline.readers import read_file

    nlp = build_nlp(ner_models=[])
    found: dict[str, list[Predicted]] = {}
    for pmid in pmids:
        document = next(iter(read_file(craft / "articles/txt" / f"{pmid}.txt", sections="all")))
        section = document.sections[0]
        doc = nlp.get_pipe("abbreviation_detector")(nlp.make_doc(section.text))
        doc._.document_context = DocumentContext(doc_id=document.doc_id)
        doc = nlp.get_pipe("drug_cell_ner")(doc)
        offset = section.offset or 0
        entities = [mention_entity(document, section, m, doc.text) for m in doc._.mentions]
        found[pmid] = [Predicted(offset + e.start, offset + e.end, e.ids[0] if e.ids else "", e.text)
                       for e in entities if e.label == "CELL"]
    return found


def read_predictions(out: Path, craft: Path, pmids: Iterable[str]) -> dict[str, list[Predicted]]:
    """CELL entities from a ``pipeline run`` output folder, placed in the file by the section
    offsets of ``sections.jsonl``. Entities whose text is not at that place in the article are
    dropped: they come from another file with the same stem (``.copyright``)."""
    wanted = set(pmids)
    offsets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in _jsonl(out / "sections.jsonl"):
        if row["doc_id"] in wanted and row.get("offset") is not None:
            offsets[(row["doc_id"], row["section_id"])].append(row["offset"])
    texts = {pmid: (craft / "articles/txt" / f"{pmid}.txt").read_text(encoding="utf-8")
             for pmid in wanted}
    found: dict[str, list[Predicted]] = {pmid: [] for pmid in wanted}
    for row in _jsonl(out / "entities.jsonl"):
        if row["doc_id"] not in wanted or row["label"] != "CELL":
            continue
        text = texts[row["doc_id"]]
        for offset in offsets[(row["doc_id"], row["section_id"])]:
            start, end = offset + row["start"], offset + row["end"]
            if text[start:end] == row["text"]:
                ids = row.get("ids") or []
                found[row["doc_id"]].append(Predicted(start, end, ids[0] if ids else "", row["text"]))
                break
    return found


def _jsonl(path: Path) -> Iterable[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# -- measures ----------------------------------------------------------------------------------
@dataclass
class Scores:
    n_gold: int = 0
    correct: int = 0
    tp: int = 0
    n_pred: int = 0

    def add(self, other: Scores) -> None:
        self.n_gold += other.n_gold
        self.correct += other.correct
        self.tp += other.tp
        self.n_pred += other.n_pred

    @property
    def accuracy(self) -> float:
        return self.correct / self.n_gold if self.n_gold else 0.0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def span_accuracy(gold: list[GoldMention], text: str, ground: Callable[[str], str],
                  errors: Counter) -> int:
    correct = 0
    for mention in gold:
        phrase = gold_phrase(mention, text)
        got = ground(phrase)
        if got == mention.cl_id:
            correct += 1
        else:
            errors[("span", phrase.lower(), mention.cl_id, got)] += 1
    return correct


def span_matches(gold: list[GoldMention], predicted: list[Predicted], errors: Counter) -> int:
    """True positives: one-to-one, exact span (first fragment for discontinuous) and id."""
    by_span: dict[tuple[int, int], list[Predicted]] = defaultdict(list)
    for p in predicted:
        by_span[(p.start, p.end)].append(p)
    used: set[int] = set()
    tp = 0
    for mention in gold:
        keys = {mention.first_span, (mention.spans[0][0], mention.spans[-1][1])}
        hit = next((p for key in keys for p in by_span.get(key, [])
                    if id(p) not in used and p.cl_id == mention.cl_id), None)
        if hit is not None:
            used.add(id(hit))
            tp += 1
        else:
            errors[("fn", mention.text.lower(), mention.cl_id)] += 1
    for p in predicted:
        if id(p) not in used:
            errors[("fp", p.text.lower(), p.cl_id)] += 1
    return tp


def evaluate(craft: Path, pmids: list[str], predictions: dict[str, list[Predicted]],
             errors: Counter) -> Scores:
    from pipeline.grounding import CellContext, ground_cell

    total = Scores()
    for pmid in pmids:
        text = article_text(craft, pmid)
        gold = read_gold(craft, pmid)
        context = CellContext.from_text(text)

        def ground(phrase: str, context: CellContext = context) -> str:
            grounding = ground_cell(phrase, context)
            return grounding.ids[0] if grounding and grounding.ids else ""

        scores = Scores(n_gold=len(gold), n_pred=len(predictions.get(pmid, [])))
        scores.correct = span_accuracy(gold, text, ground, errors)
        scores.tp = span_matches(gold, predictions.get(pmid, []), errors)
        total.add(scores)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--craft", type=Path, required=True, help="path to the CRAFT corpus folder")
    parser.add_argument("--split", choices=SPLITS, default=None,
                        help="one split (default: tune and held-out, reported separately)")
    parser.add_argument("--predictions", type=Path, default=None,
                        help="a `pipeline run --sections all` output folder over articles/txt")
    parser.add_argument("--ner-only", action="store_true",
                        help="run only the tokenizer, abbreviations and NER (same entities, faster)")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    ids = article_ids(args.craft)
    if len(ids) != 67:
        print(f"warning: expected 67 annotated articles, found {len(ids)}", file=sys.stderr)
    splits = [args.split] if args.split else ["tune", "heldout"]
    results, errors = {}, Counter()
    for split in splits:
        pmids = split_ids(ids, split)
        if args.predictions is not None:
            predictions = read_predictions(args.predictions, args.craft, pmids)
        elif args.ner_only:
            predictions = predict_ner_only(args.craft, pmids)
        else:
            predictions = predict_in_process(args.craft, pmids)
        results[split] = (len(pmids), evaluate(args.craft, pmids, predictions, errors))
    if args.json:
        print(json.dumps({split: {"articles": n, "gold": s.n_gold, "predicted": s.n_pred,
                                  "accuracy": round(s.accuracy, 4), "precision": round(s.precision, 4),
                                  "recall": round(s.recall, 4), "f1": round(s.f1, 4)}
                          for split, (n, s) in results.items()}))
    else:
        print("split    articles  gold  accuracy(gold spans)  span+id P     R     F1")
        for split, (n, s) in results.items():
            print(f"{split:8s} {n:8d} {s.n_gold:5d}  {s.accuracy:20.3f}  {s.precision:9.3f} "
                  f"{s.recall:5.3f} {s.f1:5.3f}")
    for key, count in errors.most_common(args.errors):
        print(count, *key, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
