"""report.html as a file: data embedded safely, nothing loaded from anywhere.

What the page does in a browser is tested in test_report_browser.py (with Chromium).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from pipeline.outputs.report import TEMPLATE_PATH, Utf16, render_report, report_payload
from pipeline.outputs.summary import summarize
from tests.outputs.builders import NK, TREG, Said, first_merge, make_document, tables_of

HOSTILE = Said('Lenalidomide </script><script>document.title="pwned"</script> increases <b>NK cells</b>.',
               "Lenalidomide", "NK cells", "increases")


def render(*documents):
    tables = tables_of(*documents)
    merge = first_merge(tables)
    rows, membership = summarize(tables.claims, merge.decisions())
    payload = report_payload(tables, merge, rows, membership, {"version": "test"})
    return payload, render_report(payload)


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(match.group(1))


def test_document_text_cannot_end_the_data_block():
    payload, page = render(make_document("d", [HOSTILE, NK], title="<i>title</i> & more"))
    assert page.count("<script") == 2  # the data block and the page's own script
    assert "pwned" in page and '<script>document.title="pwned"' not in page
    assert embedded_data(page) == json.loads(json.dumps(payload))  # the data survives unchanged
    assert embedded_data(page)["docs"][0]["t"] == "<i>title</i> & more"


def test_the_page_allows_only_its_own_script_and_style():
    _, page = render(make_document("d", [NK]))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy.startswith("default-src 'none';")
    code = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    for kind, body in (("script-src", code), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_template_refers_to_nothing_outside_the_file():
    template = TEMPLATE_PATH.read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(|fetch\(|XMLHttpRequest|"
                         r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", template)
    urls = set(re.findall(r"https?://[^\"' ]+", template))
    assert urls == {"https://pubmed.ncbi.nlm.nih.gov/", "https://doi.org/"}  # links, not loads


def test_offsets_are_counted_as_javascript_counts_them():
    said = Said("𝛼-Lenalidomide increases the proliferation of NK cells.", "Lenalidomide", "NK cells",
                "increases")
    payload, _ = render(make_document("d", [said]))
    claim, text = payload["claims"][0], payload["sections"][0]["tx"]
    units = text.encode("utf-16-le")
    assert units[claim["ds"] * 2:claim["de"] * 2].decode("utf-16-le") == "Lenalidomide"
    assert units[claim["cs"] * 2:claim["ce"] * 2].decode("utf-16-le") == "NK cells"
    assert Utf16("plain")(3) == 3 and Utf16("𝛼𝛽x")(2) == 4


def test_the_payload_links_claims_to_their_summary_row_and_review():
    payload, _ = render(make_document("a", [NK, TREG], pmid="123"), make_document("b", [NK]))
    rows = payload["summary"]
    for claim in payload["claims"]:
        row = rows[claim["sm"]]
        assert (row["drug_norm"], row["direction"]) == (claim["dn"], claim["dir"])
    assert payload["docs"][0]["ln"] == "https://pubmed.ncbi.nlm.nih.gov/123/"
    assert payload["meta"]["reviewColumns"][:3] == ["claim_id", "decision", "note"]
