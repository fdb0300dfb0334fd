"""report.html: one self-contained page to read and review the claims of a run.

The page is ``report_template.html`` with the run's data embedded as JSON; its script
renders the claims a page at a time (so 10,000 claims open at once) and builds every
element with ``textContent``, never HTML strings, so document text cannot inject markup.
The page loads nothing: no network, fonts or external scripts, and a Content-Security-Policy
that allows only its own inline script and style (by hash) makes sure of it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.outputs.review import ReviewMerge, document_link
from pipeline.outputs.tables import DocumentOutput, RunTables

TEMPLATE_PATH = Path(__file__).parent / "report_template.html"
DATA_MARK = "__REPORT_DATA__"
CSP_MARK = "__REPORT_CSP__"
ENTITY_LABELS = ["DRUG", "CELL", "CELL_LINE", "DISEASE", "GENE"]
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


def _json_for_html(data: Any) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the documents say."""
    return html_escape_json(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _csp(template: str) -> str:
    """Allow exactly the template's inline script and style, and nothing from anywhere."""
    hashes = {"script": [], "style": []}
    for kind, body in _INLINE.findall(template):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes[kind].append(f"'sha256-{digest}'")
    return ("default-src 'none'; script-src " + " ".join(hashes["script"]) + "; style-src "
            + " ".join(hashes["style"]) + "; img-src data:; base-uri 'none'; form-action 'none'")


def doc_item(row: Mapping[str, Any], key: str, n_claims: int) -> dict[str, Any]:
    """One document of the page's document list."""
    return {"k": key, "id": row.get("doc_id") or "", "t": row.get("title") or "",
            "p": str(row.get("pmid") or ""), "doi": row.get("doi") or "",
            "j": row.get("journal") or "", "y": str(row.get("year") or ""),
            "src": row.get("source") or "", "st": row.get("status") or "",
            "e": row.get("error") or "", "n": n_claims, "ln": document_link(row)}


def _doc_payload(tables: RunTables) -> list[dict[str, Any]]:
    return [doc_item(document.row, key, len(document.claims))
            for document, key in zip(tables.documents, tables.doc_keys, strict=True)]


_OUTSIDE_BMP = re.compile("[\U00010000-\U0010FFFF]")


class Utf16:
    """Python offsets count code points, JavaScript strings count UTF-16 units: a character
    outside the BMP (a math letter pasted from a PDF) would shift every highlight after it."""

    def __init__(self, text: str) -> None:
        self.extra: list[int] | None = None
        if _OUTSIDE_BMP.search(text):
            extra, count = [0], 0
            for char in text:
                count += ord(char) > 0xFFFF
                extra.append(count)
            self.extra = extra

    def __call__(self, offset: int | None) -> int | None:
        if offset is None or self.extra is None:
            return offset
        return offset + self.extra[min(max(offset, 0), len(self.extra) - 1)]


def document_sections(document: DocumentOutput, doc_index: int
                      ) -> tuple[list[dict[str, Any]], dict[str, int], list[Utf16]]:
    """The sections of one (prepared) document that hold claims, with their entities; and
    each one's position in that list by section id, and its UTF-16 offset converter."""
    used = {claim["section_id"] for claim in document.claims}
    sections, index, units = [], {}, []
    for section in document.sections:
        section_id = section["section_id"]
        if section_id in used and section_id not in index:
            index[section_id] = len(sections)
            units.append(Utf16(section["text"]))
            sections.append({"d": doc_index, "id": section_id, "kind": section["section"],
                             "lb": section.get("label") or "", "tx": section["text"], "en": []})
    for entity in document.entities:
        position = index.get(entity["section_id"])
        if position is not None and entity["label"] in ENTITY_LABELS:
            utf16 = units[position]
            sections[position]["en"].append(
                [utf16(entity["start"]), utf16(entity["end"]), ENTITY_LABELS.index(entity["label"])])
    return sections, index, units


def _section_payload(tables: RunTables
                     ) -> tuple[list[dict[str, Any]], dict[tuple[int, str], int], list[Utf16]]:
    """Sections that hold claims (their text, for the sentences and their context)."""
    sections, index, units = [], {}, []
    for doc_index, document in enumerate(tables.documents):
        found, positions, converters = document_sections(document, doc_index)
        index.update({(doc_index, section_id): len(sections) + position
                      for section_id, position in positions.items()})
        sections += found
        units += converters
    return sections, index, units


def _claim_payload(claim: Mapping[str, Any], section: int, utf16: Utf16, context: Mapping[str, str],
                   summary_row: int, review: Mapping[str, str] | None) -> dict[str, Any]:
    item = {"i": claim["claim_id"], "d": claim["_doc"], "s": section,
            "ss": utf16(claim["sentence_start"]), "se": utf16(claim["sentence_end"]),
            "ds": utf16(claim.get("drug_start")), "de": utf16(claim.get("drug_end")),
            "cs": utf16(claim["cell_start"]), "ce": utf16(claim["cell_end"]),
            "ts": utf16(claim.get("trigger_start")), "te": utf16(claim.get("trigger_end")),
            "dr": claim["drug"], "dn": claim["drug_norm"], "c": claim["cell"],
            "cn": claim["cell_norm"], "ci": context["cell_ids"], "ef": claim["effect"],
            "cat": claim["effect_category"], "dir": claim["direction"], "as": claim["assertion"],
            "im": bool(claim["implicit"]), "tr": claim["trigger"], "ru": claim["rule"],
            "cf": context["confidence"], "sm": summary_row}
    if review:
        item["rv"] = {name: value for name, value in review.items() if value}
    return item


def report_payload(tables: RunTables, merge: ReviewMerge, summary_rows: list[dict[str, Any]],
                   membership: Mapping[str, int], meta: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the page shows, compactly: 10,000 claims stay a few megabytes."""
    sections, section_index, units = _section_payload(tables)
    decisions = merge.decisions()
    contexts = {row["claim_id"]: row for row in merge.rows}
    claims = []
    for claim in tables.claims:
        position = section_index[(claim["_doc"], claim["section_id"])]
        claims.append(_claim_payload(claim, position, units[position], contexts[claim["claim_id"]],
                                     membership.get(claim["claim_id"], -1),
                                     decisions.get(claim["claim_id"])))
    return {"meta": report_meta(merge, meta), "docs": _doc_payload(tables), "sections": sections,
            "claims": claims, "summary": summary_items(summary_rows)}


def summary_items(summary_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "cell_ids": "|".join(row["cell_ids"]), "doc_ids": "|".join(row["doc_ids"]),
             "pmids": "|".join(row["pmids"])} for row in summary_rows]


def report_meta(merge: ReviewMerge, meta: Mapping[str, Any]) -> dict[str, Any]:
    return {**meta, "labels": ENTITY_LABELS, "reviewColumns": merge.columns}


def template_parts(template_path: Path = TEMPLATE_PATH) -> tuple[str, str]:
    """The page before and after the data: the data goes between them."""
    template = template_path.read_text(encoding="utf-8")
    if template.count(DATA_MARK) != 1 or template.count(CSP_MARK) != 1:
        raise ValueError(f"{template_path} must hold {DATA_MARK} and {CSP_MARK} once each")
    before, after = template.split(DATA_MARK)
    csp = _csp(template)
    return before.replace(CSP_MARK, csp), after.replace(CSP_MARK, csp)


def html_json(data: Any) -> str:
    """A piece of the page's data (see :func:`_json_for_html`), for pages written piece by piece."""
    return _json_for_html(data)


def html_escape_json(text: str) -> str:
    """What :func:`_json_for_html` does to JSON text made elsewhere."""
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def render_report(payload: Mapping[str, Any], template_path: Path = TEMPLATE_PATH) -> str:
    before, after = template_parts(template_path)
    return before + _json_for_html(payload) + after

