"""report.html in headless Chromium: it draws, every claim can be reached, document text
stays text, nothing is requested from the network, and its review export matches ours.

Uses the helpers of bench/report_screenshot.py; skipped where Chromium is not installed
(`apt-get install chromium`; .ci/run installs it when it can).
"""

from __future__ import annotations

import csv
import re

import pytest

from bench.report_screenshot import (
    CHROMIUM,
    chromium_available,
    dump_dom,
    page_requests,
    render_stats,
    screenshot,
    textarea_text,
    write_synthetic,
)
from pipeline.outputs.bundle import PreviousReview, load_previous_review, write_outputs
from tests.outputs.builders import NK, TREG, Said, cid, make_document, tables_of

pytestmark = pytest.mark.skipif(not chromium_available(), reason=f"no Chromium at {CHROMIUM}")


def shown_claims(dom: str) -> list[str]:
    return re.findall(r'<div class="claim[^"]*" data-claim="([^"]+)"', dom)


@pytest.fixture(scope="module")
def synthetic_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return out, write_synthetic(out, 130)


def test_a_screenshot_of_the_report(synthetic_run, tmp_path):
    out, _ = synthetic_run
    png = tmp_path / "report.png"
    screenshot(out / "report.html", png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a drawn page, not a blank one


def test_every_claim_is_reachable_page_by_page(synthetic_run):
    out, tables = synthetic_run
    seen = []
    for page in (1, 2, 3):
        dom = dump_dom(out / "report.html", f"size=50&page={page}")
        assert re.search(r"of 3</span>", dom)
        seen += shown_claims(dom)
    assert seen == [c["claim_id"] for c in tables.claims]


def test_filters_show_exactly_the_matching_claims(synthetic_run):
    out, tables = synthetic_run
    dom = dump_dom(out / "report.html", "drug=bortezomib&dir=decrease&size=1000")
    expected = [c["claim_id"] for c in tables.claims
                if c["drug_norm"] == "bortezomib" and c["direction"] == "decrease"]
    assert expected and shown_claims(dom) == expected
    summary = list(csv.DictReader((out / "claims_summary.csv").open(encoding="utf-8")))
    dom = dump_dom(out / "report.html", "row=0&size=1000")
    assert len(shown_claims(dom)) == int(summary[0]["n_claims"])


def test_ten_thousand_claims_open_quickly_and_the_last_page_is_reachable(tmp_path):
    tables = write_synthetic(tmp_path, 10_000)
    page = tmp_path / "report.html"
    assert page.stat().st_size < 8_000_000
    dom = dump_dom(page, "page=500")
    assert shown_claims(dom) == [c["claim_id"] for c in tables.claims[-20:]]
    assert 0 <= render_stats(dom)["render_ms"] < 5_000


def test_document_text_is_shown_as_text_never_run(tmp_path):
    hostile = Said('Lenalidomide <img src=x onerror="document.title=1"> increases </script><b>NK cells</b>.',
                   "Lenalidomide", "NK cells", "increases")
    tables = tables_of(make_document("d", [hostile], title="<script>document.title='pwned'</script>"))
    write_outputs(tmp_path, tables, [], PreviousReview())
    dom = dump_dom(tmp_path / "report.html")
    assert "<title>Claims: 1 in 1 documents</title>" in dom  # the page's script ran, no other did
    assert "<img" not in dom and "<b>" not in dom
    assert "&lt;img src=x onerror=\"document.title=1\"&gt;" in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


def test_the_page_requests_nothing_from_the_network(synthetic_run):
    out, _ = synthetic_run
    assert page_requests(out / "report.html") == []
    assert page_requests(out / "report.html", "view=summary") == []


def test_the_network_check_sees_a_page_that_does_load_something(tmp_path):
    page = tmp_path / "canary.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://canary.invalid/x.png"></body></html>')
    assert page_requests(page) == ["http://canary.invalid/x.png"]


def test_highlights_stay_on_their_words_after_wide_characters(tmp_path):
    said = Said("𝛼𝛽-primed Lenalidomide increases the proliferation of NK cells.", "Lenalidomide",
                "NK cells", "increases")
    write_outputs(tmp_path, tables_of(make_document("d", [said])), [], PreviousReview())
    dom = dump_dom(tmp_path / "report.html")
    marks = re.findall(r'<mark class="([A-Z_ ]+)"[^>]*>([^<]*)<span class="tag">', dom)
    assert marks == [("DRUG", "Lenalidomide"), ("TRIGGER", "increases"), ("CELL", "NK cells")]


def test_the_exported_review_is_the_review_csv_the_pipeline_writes(tmp_path):
    formula = Said("=Lenalidomide increases the proliferation of NK cells, \"strongly\".", "Lenalidomide",
                   "NK cells", "increases")
    tables = tables_of(make_document("d", [formula, TREG, NK], pmid="42"))
    write_outputs(tmp_path, tables, [], PreviousReview())
    review = tmp_path / "review.csv"
    rows = list(csv.DictReader(review.open(encoding="utf-8-sig")))
    columns = [*rows[0].keys(), "curator"]
    rows[0].update(decision="accept", note='checked, "twice"\nsee figure 2', curator="JD")
    rows[1].update(decision="edit", corrected_direction="no_change", curator="")
    with review.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    write_outputs(tmp_path, tables, [], load_previous_review(tmp_path))
    dom = dump_dom(tmp_path / "report.html", "export=1")
    assert textarea_text(dom, "export-preview").encode("utf-8") == review.read_bytes()
    accepted = re.search(rf'data-claim="{re.escape(cid(formula))}".*?</div>', dom, re.DOTALL).group(0)
    assert 'class="accept" aria-pressed="true"' in accepted


def test_clicks_show_context_and_record_decisions(tmp_path):
    """The page's own buttons, clicked by a line appended to (a copy of) its script."""
    from pipeline.outputs.report import TEMPLATE_PATH, render_report, report_payload
    from pipeline.outputs.summary import summarize
    from tests.outputs.builders import first_merge

    clicks = """
  document.querySelector(".card .where button").click();
  document.querySelector(".claim .decide .reject").click();
  document.querySelector(".claim input.note").value = "wrong cell";
  document.querySelector(".claim input.note").dispatchEvent(new Event("change"));
  document.querySelector(".claim .decide .edit").click();
})();
</script>"""
    template = TEMPLATE_PATH.read_text(encoding="utf-8")
    head, tail = template.rsplit("})();\n</script>", 1)
    (tmp_path / "template.html").write_text(head + clicks.lstrip("\n") + tail, encoding="utf-8")
    tables = tables_of(make_document("d", [NK, TREG], title="Lenalidomide and Treg"))
    merge = first_merge(tables)
    rows, membership = summarize(tables.claims, {})
    page = tmp_path / "report.html"
    page.write_text(render_report(report_payload(tables, merge, rows, membership, {}),
                                  tmp_path / "template.html"), encoding="utf-8")
    dom = dump_dom(page)
    context = re.search(r'<div class="context">(.*?)</div>', dom, re.DOTALL).group(1)
    # the claim's sentence is marked in its section, with every entity of the section
    assert re.search(r'<mark class="DRUG SENTENCE"[^>]*>Lenalidomide<span class="tag">DRUG', context)
    assert re.search(r'<mark class="DRUG"[^>]*>Cyclophosphamide<span class="tag">DRUG', context)
    first = re.search(rf'data-claim="{re.escape(cid(NK))}".*?</div></div>', dom, re.DOTALL).group(0)
    assert 'class="edit" aria-pressed="true"' in first and 'class="edit-form"' in first
    assert "1 edit not yet exported" in dom
