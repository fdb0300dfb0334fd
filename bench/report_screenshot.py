"""Render report.html in headless Chromium: a screenshot, its size and how fast it draws.

    python bench/report_screenshot.py outputs/report.html --png report.png
    python bench/report_screenshot.py --synthetic 10000 --out /tmp/bench   # large run

With ``--synthetic N`` it writes the output folder of a made-up run with N claims (no
models needed) and reports the report's size, the time the page takes to draw itself and
the time Chromium takes from start to screenshot. It also checks, from Chromium's network
log, that the page requested nothing from the network. The tests import the helpers below,
so the bench and the tests render the page the same way.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.outputs.bundle import PreviousReview, write_outputs  # noqa: E402
from pipeline.outputs.tables import DocumentOutput, RunTables, build_tables  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WINDOW = "1400,1000"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def _flags(profile: Path) -> list[str]:
    """Headless, and as quiet on the network as Chromium can be told to be."""
    return [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", f"--window-size={WINDOW}"]


def _url(page: Path, fragment: str = "") -> str:
    return page.resolve().as_uri() + (f"#{fragment}" if fragment else "")


def _chromium(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run([*_flags(Path(profile)), *args], capture_output=True, text=True,
                              timeout=timeout, check=False)


def screenshot(page: Path, png: Path, fragment: str = "", timeout: float = 120) -> float:
    """Take a screenshot of the page; returns Chromium's wall-clock seconds."""
    started = time.perf_counter()
    result = _chromium([f"--screenshot={png}", _url(page, fragment)], timeout)
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot: {result.stderr[-500:]}")
    return time.perf_counter() - started


def dump_dom(page: Path, fragment: str = "", timeout: float = 120, net_log: Path | None = None) -> str:
    """The page's DOM after its script ran (what a reader sees, as HTML)."""
    extra = [f"--log-net-log={net_log}"] if net_log else []
    result = _chromium([*extra, "--virtual-time-budget=5000", "--dump-dom", _url(page, fragment)], timeout)
    if result.returncode != 0 or "<html" not in result.stdout:
        raise RuntimeError(f"chromium --dump-dom failed: {result.stderr[-500:]}")
    return result.stdout


def page_requests(page: Path, fragment: str = "") -> list[str]:
    """URLs the page itself asked for, other than files.

    Chromium talks to its own services even with background networking off; those
    requests carry no page as their top frame. Requests made for a page opened from a
    file carry ``file://`` in their network isolation key, and those are what we count.
    """
    with tempfile.TemporaryDirectory(prefix="netlog-") as folder:
        log = Path(folder) / "net.json"
        dump_dom(page, fragment, net_log=log)
        data = json.loads(log.read_text(encoding="utf-8"))
    names = {number: name for name, number in data["constants"]["logEventTypes"].items()}
    urls = []
    for event in data["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if str(params.get("network_isolation_key", "")).startswith("file://") and \
                not params["url"].startswith("file:"):
            urls.append(params["url"])
    return urls


def textarea_text(dom: str, element_id: str) -> str:
    """The text of a <textarea> in a dumped DOM."""
    match = re.search(rf'<textarea[^>]*id="{element_id}"[^>]*>(.*?)</textarea>', dom, re.DOTALL)
    if match is None:
        raise ValueError(f"no textarea {element_id!r}")
    return html.unescape(match.group(1))


def render_stats(dom: str) -> dict[str, int]:
    match = re.search(r'data-render-ms="(\d+)"', dom)
    return {"render_ms": int(match.group(1)) if match else -1}


# --- a synthetic run -------------------------------------------------------------------------

DRUGS = [("Lenalidomide", "lenalidomide", ["DRUGBANK:DB00480"]),
         ("bortezomib", "bortezomib", ["DRUGBANK:DB00188"]),
         ("rituximab", "rituximab", ["DRUGBANK:DB00073"]),
         ("thalidomide", "thalidomide", ["DRUGBANK:DB01041"]),
         ("ibrutinib", "ibrutinib", ["DRUGBANK:DB09053"]),
         ("pomalidomide", "pomalidomide", ["DRUGBANK:DB08910"])]
CELLS = [("NK cells", "natural killer cell", ["CL:0000623"]),
         ("CD8+ T cells", "CD8-positive, alpha-beta T cell", ["CL:0000625"]),
         ("regulatory T cells", "regulatory T cell", ["CL:0000815"]),
         ("dendritic cells", "dendritic cell", ["CL:0000451"]),
         ("naïve T cells", "naive T cell", ["CL:0000898"]),
         ("CLL cells", "chronic lymphocytic leukemia cell", ["CL:0000236"])]
EFFECTS = [("increases", "proliferation", "increase"), ("reduces", "IL-6 secretion", "decrease"),
           ("enhances", "cytotoxic activity", "increase"), ("did not affect", "apoptosis", "no_change"),
           ("modulates", "differentiation", "unclear"), ("inhibits", "migration", "decrease")]


def synthetic_documents(n_claims: int, claims_per_doc: int = 6, seed: int = 13) -> list[DocumentOutput]:
    """Documents whose sentences say "DRUG TRIGGER the EFFECT of CELL", with exact offsets;
    a few carry text that must stay text in the report ("<script>", quotes, commas)."""
    rng = random.Random(seed)
    documents = []
    made = 0
    number = 0
    while made < n_claims:
        number += 1
        doc_id = f"synthetic-{number:05d}"
        sentences, claims, entities = [], [], []
        text = ""
        for _ in range(min(claims_per_doc, n_claims - made)):
            drug, cell, effect = rng.choice(DRUGS), rng.choice(CELLS), rng.choice(EFFECTS)
            hedged = rng.random() < 0.2
            lead = "We suggest that " if hedged else ""
            tail = ' in "treated", <script>x</script> samples.' if number % 97 == 0 else " in vitro."
            start = len(text) + (1 if text else 0)
            body = f"{lead}{drug[0]} {effect[0]} the {effect[1]} of {cell[0]}{tail}"
            text = f"{text} {body}" if text else body
            drug_start = start + len(lead)
            cell_start = start + body.index(cell[0], len(lead) + len(drug[0]))
            claim_id = f"{number:05d}{len(claims):03d}{rng.getrandbits(32):08x}"
            claims.append({
                "claim_id": claim_id, "doc_id": doc_id, "pmid": str(10000000 + number),
                "section_id": "abstract", "section": "abstract", "sentence": body,
                "sentence_start": start, "sentence_end": start + len(body), "drug": drug[0],
                "drug_norm": drug[1], "drug_ids": drug[2], "drug_start": drug_start,
                "drug_end": drug_start + len(drug[0]), "cell": cell[0], "cell_norm": cell[1],
                "cell_ids": cell[2], "cell_start": cell_start, "cell_end": cell_start + len(cell[0]),
                "effect": effect[1], "direction": effect[2], "assertion": "hedged" if hedged else "asserted",
                "implicit": False, "trigger": effect[0].split()[-1],
                "rule": "path", "confidence": round(0.5 + rng.random() / 2, 2)})
            entities += [
                {"doc_id": doc_id, "section_id": "abstract", "section": "abstract", "start": drug_start,
                 "end": drug_start + len(drug[0]), "text": drug[0], "label": "DRUG", "norm": drug[1],
                 "ids": drug[2], "source": "drug-dictionary"},
                {"doc_id": doc_id, "section_id": "abstract", "section": "abstract", "start": cell_start,
                 "end": cell_start + len(cell[0]), "text": cell[0], "label": "CELL", "norm": cell[1],
                 "ids": cell[2], "source": "cell-ontology"}]
            sentences.append(body)
            made += 1
        title = f"Synthetic study {number} of immunomodulatory drugs"
        row = {"doc_id": doc_id, "source": f"synthetic/{doc_id}.txt", "format": "text",
               "pmid": str(10000000 + number), "doi": f"10.5555/synthetic.{number}",
               "journal": "Synthetic Journal", "year": "2024", "title": title, "n_sections": 2,
               "n_figures": 0, "n_sentences": len(sentences) + 1, "n_entities": len(entities),
               "n_claims": len(claims), "status": "ok", "error": "", "warnings": ""}
        sections = [{"doc_id": doc_id, "section_id": "title", "section": "title", "label": "",
                     "offset": None, "text": title},
                    {"doc_id": doc_id, "section_id": "abstract", "section": "abstract", "label": "",
                     "offset": None, "text": text}]
        documents.append(DocumentOutput(row, claims, entities, sections))
    return documents


def write_synthetic(out: Path, n_claims: int, formats: tuple[str, ...] = ()) -> RunTables:
    tables = build_tables(synthetic_documents(n_claims))
    write_outputs(out, tables, [], PreviousReview(), formats, {"version": "synthetic"})
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", type=Path, help="a report.html to render")
    parser.add_argument("--synthetic", type=int, metavar="N", help="write a synthetic run of N claims first")
    parser.add_argument("--out", type=Path, default=Path("bench-report"), help="folder for --synthetic")
    parser.add_argument("--png", type=Path, help="screenshot file (default: beside the report)")
    parser.add_argument("--fragment", default="", help="URL fragment, e.g. 'view=summary'")
    args = parser.parse_args(argv)
    if not chromium_available():
        print(f"error: no Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    if args.synthetic:
        started = time.perf_counter()
        write_synthetic(args.out, args.synthetic)
        print(f"wrote a synthetic run of {args.synthetic:,} claims in {time.perf_counter() - started:.1f}s")
        page = args.out / "report.html"
    elif args.report:
        page = args.report
    else:
        parser.error("give a report.html or --synthetic N")
    png = args.png or page.with_suffix(".png")
    seconds = screenshot(page, png, args.fragment)
    stats = render_stats(dump_dom(page, args.fragment))
    requests = page_requests(page, args.fragment)
    print(f"{page}: {page.stat().st_size / 1e6:.2f} MB; page drawn in {stats['render_ms']} ms; "
          f"chromium start to screenshot {seconds:.1f}s → {png}")
    print("network requests by the page: " + (", ".join(requests) if requests else "none"))
    return 1 if requests else 0


if __name__ == "__main__":
    sys.exit(main())
