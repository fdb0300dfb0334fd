"""review.csv: curators' decisions on claims, carried from one run to the next.

A reviewer marks claims in ``review.csv`` (accept / reject / edit, a note, corrected
values, even columns of their own). A later run extracts the claims again, perhaps with a
better model, and must not lose any of that work. So each run:

1. reads the previous review (``--review FILE``, else ``review.csv`` in the output folder)
   and the previous ``review_orphans.csv``;
2. writes one row per current claim, carrying every reviewer-written value of the row with
   the same ``claim_id``, and noting in ``changed_since_review`` when the claim's drug, cell,
   effect, direction, assertion or sentence differ from what the reviewed row showed;
3. moves reviewed rows whose claim no longer exists to ``review_orphans.csv`` (with the
   current claim that looks like the same one, if any), and brings an orphan back when its
   claim reappears;
4. checks that every value a reviewer wrote is in the new files before writing anything,
   keeps the replaced file as ``review.N.bak.csv`` and replaces files atomically.

Spreadsheets are the reviewers' tool, so the reader accepts what Excel writes: a BOM,
Windows-1252 text, ';' or tab separators, CRLF line ends.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.outputs.writers import csv_text, write_bytes
from pipeline.schema import ASSERTIONS, DIRECTIONS

REVIEW_FILE = "review.csv"
ORPHANS_FILE = "review_orphans.csv"
DECISIONS = ("accept", "reject", "edit")
CORRECTION_COLUMNS = ["corrected_drug", "corrected_cell", "corrected_effect",
                      "corrected_direction", "corrected_assertion"]
CHANGED_COLUMN = "changed_since_review"
# What a reviewer writes; everything else in a row is regenerated from the claim.
REVIEWER_COLUMNS = ["decision", "note", *CORRECTION_COLUMNS, CHANGED_COLUMN]
CONTEXT_COLUMNS = ["drug", "cell", "effect", "direction", "assertion", "sentence", "doc_id", "link",
                   "section_id", "drug_norm", "cell_norm", "cell_ids", "effect_category",
                   "implicit", "trigger", "confidence"]
REVIEW_COLUMNS = ["claim_id", "decision", "note", *CONTEXT_COLUMNS, *CORRECTION_COLUMNS,
                  CHANGED_COLUMN]
ORPHAN_META_COLUMNS = ["reason", "candidate_claim_id"]
ORPHAN_COLUMNS = [*ORPHAN_META_COLUMNS, *REVIEW_COLUMNS]
# Context columns compared with the reviewed row to tell the reviewer what changed.
COMPARED_COLUMNS = ["drug", "cell", "effect", "direction", "assertion", "sentence"]

REASON_GONE = "claim no longer extracted"
REASON_NO_ID = "row without claim_id"
REASON_DUPLICATE = "second row for this claim_id (the first is in review.csv)"

_DECISION_FORMS = {"accept": "accept", "accepted": "accept", "reject": "reject",
                   "rejected": "reject", "edit": "edit", "edited": "edit"}
# Values a spreadsheet would run as a formula; prefixed with "'" in generated columns.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BOM = "\ufeff"


class ReviewFileError(ValueError):
    """A review file that cannot be used: the run stops before it overwrites anything."""


class ReviewMergeError(RuntimeError):
    """The merge would lose a reviewer's value; raised before any file is written."""


def normalize_decision(value: str) -> str:
    """'Accept ', 'ACCEPTED' -> 'accept'; unknown words are returned as written."""
    stripped = (value or "").strip()
    return _DECISION_FORMS.get(stripped.lower(), stripped)


def spreadsheet_safe(value: str) -> str:
    """Generated text that a spreadsheet would evaluate ("=HYPERLINK(...)" in a sentence)
    gets a leading apostrophe, which spreadsheets display as text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _unguarded(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def document_link(document: Mapping[str, Any]) -> str:
    """Where a reviewer can read the document: PubMed, else the DOI, else the input file."""
    pmid, doi = str(document.get("pmid") or "").strip(), str(document.get("doi") or "").strip()
    if pmid.isdigit():
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    if doi.startswith("10."):
        return f"https://doi.org/{doi}"
    return str(document.get("source") or "")


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "|".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def context_row(claim: Mapping[str, Any], document: Mapping[str, Any]) -> dict[str, str]:
    """The regenerated part of a claim's review row."""
    values = {name: _text(claim.get(name)) for name in CONTEXT_COLUMNS if name != "link"}
    values["doc_id"] = _text(claim.get("_doc_key") or claim.get("doc_id"))
    values["link"] = document_link(document)
    row = {name: spreadsheet_safe(values[name]) for name in CONTEXT_COLUMNS}
    return {"claim_id": str(claim["claim_id"]), **row}


# --- reading ---------------------------------------------------------------------------


@dataclass
class ReviewFile:
    """A review (or orphans) file as read: canonical column names, rows as strings."""

    path: Path
    columns: list[str]
    rows: list[dict[str, str]]
    warnings: list[str] = field(default_factory=list)


def _decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.lstrip(_BOM), [f"{path.name} is not UTF-8; read it as Windows-1252 (Excel's 'CSV')"]


def _delimiter(header_line: str, path: Path) -> str:
    for delimiter in (",", ";", "\t"):
        names = [name.strip().strip('"').lower() for name in header_line.split(delimiter)]
        if "claim_id" in names:
            return delimiter
    raise ReviewFileError(f"{path} has no claim_id column in its first line; is it a review.csv?")


def _canonical_columns(header: list[str]) -> list[str]:
    """Known columns by their canonical name; blank or repeated names made unique so no
    value typed under them is dropped."""
    known = {name.lower(): name for name in ORPHAN_COLUMNS}
    columns: list[str] = []
    for number, raw in enumerate(header, start=1):
        name = known.get(raw.strip().lower(), raw.strip()) or f"column_{number}"
        while name in columns:
            name = f"{name}_{number}"
        columns.append(name)
    return columns


def read_review_file(path: Path) -> ReviewFile:
    """Read a review or orphans file written by us or re-saved by a spreadsheet."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReviewFileError(f"cannot read {path}: {err.strerror or err}") from None
    text, warnings = _decode(data, path)
    if not text.strip():
        return ReviewFile(path, [], [], warnings)
    delimiter = _delimiter(text.splitlines()[0], path)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as err:
        raise ReviewFileError(f"{path} is not a readable CSV file: {err}") from None
    columns = _canonical_columns(records[0])
    rows = []
    for record in records[1:]:
        if not any(cell.strip() for cell in record):
            continue
        while len(record) > len(columns):
            columns.append(f"column_{len(columns) + 1}")
        rows.append({name: record[k] if k < len(record) else "" for k, name in enumerate(columns)})
    for row in rows:
        for name in columns:
            row.setdefault(name, "")
    return ReviewFile(path, columns, rows, warnings)


# --- merging ---------------------------------------------------------------------------


def _extra_columns(files: Iterable[ReviewFile | None]) -> list[str]:
    """Columns a reviewer added, in the order first seen: they are carried like notes."""
    extras: list[str] = []
    for file in files:
        for name in file.columns if file else []:
            if name not in ORPHAN_COLUMNS and name not in extras:
                extras.append(name)
    return extras


def _owned(columns: list[str]) -> list[str]:
    return [*REVIEWER_COLUMNS, *columns]


def _has_content(row: Mapping[str, str], owned: list[str]) -> bool:
    return any((row.get(name) or "").strip() for name in owned)


def _comparable(name: str, value: str) -> str:
    return normalize_decision(value) if name == "decision" else value


def _content(row: Mapping[str, str], owned: list[str]) -> tuple:
    return tuple(_comparable(n, row.get(n) or "") for n in owned)


def _match_key(row: Mapping[str, Any]) -> tuple[str, ...] | None:
    """What identifies a claim to a reader: the same drug and cell in the same sentence."""
    parts = [_unguarded(_text(row.get(name))).strip().lower()
             for name in ("doc_id", "drug_norm", "cell", "sentence")]
    return tuple(" ".join(p.split()) for p in parts) if all(parts) else None


def _changes(previous: Mapping[str, str], current: Mapping[str, str]) -> list[str]:
    changes = []
    for name in COMPARED_COLUMNS:
        before = _unguarded(previous.get(name) or "")
        after = _unguarded(current.get(name) or "")
        if name in previous and before.strip() and before != after:
            changes.append(f"{name}: review file had {before!r}, run has {after!r}")
    return changes


def _join_changes(before: str, new: list[str]) -> str:
    parts = [p for p in before.split("; ") if p] if before else []
    return "; ".join(parts + [c for c in new if c not in parts])


@dataclass
class ReviewMerge:
    """The new review and orphan rows, and what the merge did (for run.json and the CLI)."""

    columns: list[str]
    rows: list[dict[str, str]]
    orphan_columns: list[str]
    orphans: list[dict[str, str]]
    carried: int = 0
    restored: int = 0
    new_orphans: int = 0
    changed: int = 0
    warnings: list[str] = field(default_factory=list)

    def decisions(self) -> dict[str, dict[str, str]]:
        """Reviewer values per claim id, for rows with any (decisions normalized)."""
        owned = _owned(self.columns[len(REVIEW_COLUMNS):])
        return {row["claim_id"]: {name: row.get(name, "") for name in owned}
                for row in self.rows if _has_content(row, owned)}


def _carry(new: dict[str, str], previous: Mapping[str, str], owned: list[str]) -> bool:
    """Copy a reviewed row's values into the new row; True when the claim changed since."""
    for name in owned:
        new[name] = previous.get(name) or ""
    new["decision"] = normalize_decision(new["decision"])
    changes = _changes(previous, new)
    new[CHANGED_COLUMN] = _join_changes(previous.get(CHANGED_COLUMN) or "", changes)
    return bool(changes)


def _index_previous(previous: ReviewFile | None, owned: list[str]
                    ) -> tuple[dict[str, dict[str, str]], list[tuple[dict[str, str], str]]]:
    """Reviewed rows by claim id, and the rows that cannot be matched to one."""
    by_id: dict[str, dict[str, str]] = {}
    unmatched: list[tuple[dict[str, str], str]] = []
    for row in previous.rows if previous else []:
        if not _has_content(row, owned):
            continue
        claim_id = (row.get("claim_id") or "").strip()
        if not claim_id:
            unmatched.append((row, REASON_NO_ID))
        elif claim_id not in by_id:
            by_id[claim_id] = row
        elif _content(row, owned) != _content(by_id[claim_id], owned):
            unmatched.append((row, REASON_DUPLICATE))
    return by_id, unmatched


def merge_review(contexts: Sequence[Mapping[str, str]], previous: ReviewFile | None,
                 previous_orphans: ReviewFile | None) -> ReviewMerge:
    """New review and orphan rows for the claims whose :func:`context_row` are ``contexts``:
    every reviewed row of ``previous`` and every row of ``previous_orphans`` ends in one of
    them, with all the values a reviewer wrote."""
    extras = _extra_columns([previous, previous_orphans])
    owned = _owned(extras)
    by_id, unmatched = _index_previous(previous, owned)
    current_ids = {context["claim_id"] for context in contexts}
    candidates: dict[tuple[str, ...], str] = {}
    for context in contexts:
        key = _match_key(context)
        if key is not None:
            candidates.setdefault(key, context["claim_id"])

    merge = ReviewMerge([*REVIEW_COLUMNS, *extras], [], [*ORPHAN_COLUMNS, *extras], [])
    kept_orphans: list[dict[str, str]] = []
    restored: dict[str, dict[str, str]] = {}
    for row in previous_orphans.rows if previous_orphans else []:
        claim_id = (row.get("claim_id") or "").strip()
        if claim_id in current_ids and claim_id not in by_id and claim_id not in restored:
            restored[claim_id] = row
        elif _has_content(row, owned) or any((row.get(n) or "").strip() for n in ORPHAN_META_COLUMNS):
            kept_orphans.append(row)

    for context in contexts:
        row = {name: "" for name in merge.columns}
        row.update(context)
        claim_id = row["claim_id"]
        source = by_id.get(claim_id) or restored.get(claim_id)
        if source is not None:
            merge.carried += 1
            merge.restored += claim_id not in by_id
            merge.changed += _carry(row, source, owned)
        merge.rows.append(row)

    gone = [(row, REASON_GONE) for claim_id, row in by_id.items() if claim_id not in current_ids]
    new_orphans = [_orphan_row(row, reason, candidates, merge.orphan_columns)
                   for row, reason in [*unmatched, *gone]]
    old = [_orphan_row(row, row.get("reason") or REASON_GONE, candidates, merge.orphan_columns)
           for row in kept_orphans]
    merge.orphans = _dedupe([*old, *new_orphans], owned)
    merge.new_orphans = len(merge.orphans) - len(_dedupe(old, owned))
    merge.warnings += _value_warnings(merge.rows)
    return merge


def _orphan_row(row: Mapping[str, str], reason: str, candidates: dict[tuple[str, ...], str],
                columns: list[str]) -> dict[str, str]:
    orphan = {name: row.get(name) or "" for name in columns}
    orphan["reason"] = reason
    key = _match_key(row)
    candidate = candidates.get(key) if key else None
    orphan["candidate_claim_id"] = candidate if candidate and candidate != orphan["claim_id"] else ""
    return orphan


def _dedupe(rows: list[dict[str, str]], owned: list[str]) -> list[dict[str, str]]:
    """Drop repeats of the same orphan (the same file passed with --review twice)."""
    seen: set[tuple] = set()
    unique = []
    for row in rows:
        key = (row.get("claim_id") or "", _content(row, owned))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def _value_warnings(rows: list[dict[str, str]]) -> list[str]:
    """Values the summary cannot use, said once per kind with the first few claim ids."""
    problems: dict[str, list[str]] = {}

    def note(kind: str, claim_id: str) -> None:
        problems.setdefault(kind, []).append(claim_id)

    for row in rows:
        decision = row["decision"]
        if decision and decision not in DECISIONS:
            note(f"decision {decision!r} is not accept, reject or edit (kept as written)", row["claim_id"])
        corrected = [n for n in CORRECTION_COLUMNS if row.get(n, "").strip()]
        if corrected and decision != "edit":
            note("corrected values without decision 'edit' are kept but not applied", row["claim_id"])
        direction = row.get("corrected_direction", "").strip()
        if direction and normalize_direction(direction) not in DIRECTIONS:
            note(f"corrected_direction {direction!r} is not one of {', '.join(DIRECTIONS)}",
                 row["claim_id"])
        assertion = row.get("corrected_assertion", "").strip()
        if assertion and assertion.lower() not in ASSERTIONS:
            note(f"corrected_assertion {assertion!r} is not one of {', '.join(ASSERTIONS)}",
                 row["claim_id"])
    return [f"review.csv: {kind}: {len(ids)} row(s), e.g. {', '.join(ids[:3])}"
            for kind, ids in problems.items()]


def normalize_direction(value: str) -> str:
    """'No change', 'no-change' -> 'no_change'."""
    return re.sub(r"[\s-]+", "_", value.strip().lower())


# --- checking and writing ----------------------------------------------------------------


def lost_rows(source: ReviewFile | None, merge: ReviewMerge) -> list[dict[str, str]]:
    """Reviewed rows of ``source`` whose reviewer values are not all in the merge's rows."""
    owned = _owned(merge.columns[len(REVIEW_COLUMNS):])
    by_id: dict[str, list[dict[str, str]]] = {}
    for row in [*merge.rows, *merge.orphans]:
        by_id.setdefault((row.get("claim_id") or "").strip(), []).append(row)
    return [row for row in (source.rows if source else [])
            if _has_content(row, owned) and not any(
                _holds(kept, row, owned) for kept in by_id.get((row.get("claim_id") or "").strip(), []))]


def check_nothing_lost(sources: list[ReviewFile | None], merge: ReviewMerge) -> None:
    """Every reviewed row of the inputs must be in the new review or orphan rows with all
    its reviewer values; a bug here must stop the run, not cost a curator a day's work."""
    for source in sources:
        lost = lost_rows(source, merge)
        if lost and source is not None:
            claim_id = lost[0].get("claim_id") or "(no id)"
            raise ReviewMergeError(f"internal error: the review of claim {claim_id} in {source.path} "
                                   "would be lost; nothing was written")


def _holds(candidate: Mapping[str, str], row: Mapping[str, str], owned: list[str]) -> bool:
    for name in owned:
        value = row.get(name) or ""
        if not value:
            continue
        kept = candidate.get(name) or ""
        if name == CHANGED_COLUMN:
            if not all(part in kept for part in value.split("; ")):
                return False
        elif _comparable(name, kept) != _comparable(name, value):
            return False
    return True


def backups(path: Path) -> list[Path]:
    """``review.1.bak.csv``, ``review.2.bak.csv``... beside ``path``, by number."""
    pattern = re.compile(re.escape(path.stem) + r"\.(\d+)\.bak" + re.escape(path.suffix) + "$")
    found = [(int(m.group(1)), p) for p in path.parent.glob(f"{path.stem}.*.bak{path.suffix}")
             if (m := pattern.match(p.name))]
    return [p for _, p in sorted(found)]


def keep_backup(path: Path, new_content: bytes) -> Path | None:
    """Copy ``path`` to the next numbered backup before it is replaced by different content.

    Numbers, not timestamps, so re-running never writes a time into the folder; an
    unchanged file, or one identical to the newest backup, is not copied again.
    """
    if not path.exists():
        return None
    old = path.read_bytes()
    if old == new_content:
        return None
    existing = backups(path)
    if existing and existing[-1].read_bytes() == old:
        return existing[-1]
    number = 1 + max((int(p.name.split(".")[-3]) for p in existing), default=0)
    target = path.with_name(f"{path.stem}.{number}.bak{path.suffix}")
    write_bytes(target, old)
    return target


def review_bytes(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    """UTF-8 with a BOM: Excel then shows "naïve" and "NK cell–activating" correctly."""
    return (_BOM + csv_text(rows, columns)).encode("utf-8")


def write_review_files(out: Path, merge: ReviewMerge) -> dict[str, str | None]:
    """Back up, then atomically replace review.csv and review_orphans.csv.

    The orphans file is written (with a header only) even when empty, so a reviewer can
    tell "no orphans" from "not yet run".
    """
    written: dict[str, str | None] = {}
    for name, rows, columns in ((REVIEW_FILE, merge.rows, merge.columns),
                                (ORPHANS_FILE, merge.orphans, merge.orphan_columns)):
        path = out / name
        content = review_bytes(rows, columns)
        backup = keep_backup(path, content)
        write_bytes(path, content)
        written[name] = backup.name if backup else None
    return written
