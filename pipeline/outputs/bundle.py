"""Write a run's output folder: tables, review files, summary, report and exports.

Everything that can fail on the user's input (an unknown ``--formats`` value, a missing
pyarrow, an unreadable review file) is checked by :func:`check_formats` and
:func:`load_previous_review` before the run starts. :func:`write_outputs` then builds the
review merge, summary and report in memory and checks that no reviewer value is lost
before it replaces any file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.outputs.exports import write_bioc, write_brat
from pipeline.outputs.report import render_report, report_payload
from pipeline.outputs.review import (
    ORPHANS_FILE,
    REVIEW_FILE,
    ReviewFile,
    ReviewFileError,
    ReviewMerge,
    check_nothing_lost,
    context_row,
    lost_rows,
    merge_review,
    read_review_file,
    write_review_files,
)
from pipeline.outputs.summary import SUMMARY_COLUMNS, summarize
from pipeline.outputs.tables import RunTables
from pipeline.outputs.writers import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    ERROR_COLUMNS,
    SECTION_COLUMNS,
    atomic_open,
    write_csv,
    write_jsonl,
)

FORMATS = ("brat", "bioc", "parquet")
SUMMARY_FILE = "claims_summary.csv"
REPORT_FILE = "report.html"
BIOC_FILE = "claims.bioc.json"
BRAT_FOLDER = "brat"


class OutputOptionError(ValueError):
    """A bad output option (exit code 2): found before any document is read."""


def check_formats(values: Iterable[str]) -> tuple[str, ...]:
    """The extra formats asked for ('brat,bioc' and repeated options both work), in a fixed
    order; unknown names and a missing pyarrow are errors now, not after the run."""
    asked = [part.strip().lower() for value in values for part in str(value).split(",") if part.strip()]
    unknown = [name for name in asked if name not in FORMATS]
    if unknown:
        raise OutputOptionError(f"unknown --formats value {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    if "parquet" in asked:
        from pipeline.outputs.parquet import ParquetUnavailable, require_pyarrow

        try:
            require_pyarrow()
        except ParquetUnavailable as err:
            raise OutputOptionError(str(err)) from None
    return tuple(name for name in FORMATS if name in asked)


@dataclass
class PreviousReview:
    """What reviewers wrote before this run."""

    review: ReviewFile | None = None
    orphans: ReviewFile | None = None
    # review.csv in the output folder when --review names another file: it is backed up and
    # replaced, so the run warns about reviewed rows of it that FILE does not have.
    replaced: ReviewFile | None = None

    @property
    def warnings(self) -> list[str]:
        return [w for f in (self.review, self.orphans, self.replaced) if f for w in f.warnings]


def load_previous_review(out: Path, review: Path | None = None) -> PreviousReview:
    """Read the previous review files; a file that cannot be read stops the run."""
    default = out / REVIEW_FILE
    if review is not None and not review.is_file():
        raise OutputOptionError(f"--review {review}: no such file")
    try:
        explicit = review is not None and not (default.exists() and review.resolve() == default.resolve())
        source = review if explicit else default
        return PreviousReview(
            review=read_review_file(source) if source.exists() else None,
            orphans=read_review_file(out / ORPHANS_FILE) if (out / ORPHANS_FILE).exists() else None,
            replaced=read_review_file(default) if explicit and default.exists() else None)
    except ReviewFileError as err:
        raise OutputOptionError(str(err)) from None


@dataclass
class OutputRecord:
    """What was written, for run.json and the command's last lines."""

    files: list[str] = field(default_factory=list)
    review: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    n_summary_rows: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"files": self.files, "summary_rows": self.n_summary_rows, "review": self.review,
                "warnings": self.warnings}


def _write_tables(out: Path, tables: RunTables, errors: list[Mapping[str, Any]]) -> list[str]:
    write_csv(out / "claims.csv", tables.claims, CLAIM_COLUMNS)
    write_jsonl(out / "claims.jsonl", tables.claims, CLAIM_COLUMNS)
    write_csv(out / "entities.csv", tables.entities, ENTITY_COLUMNS)
    write_jsonl(out / "entities.jsonl", tables.entities, ENTITY_COLUMNS)
    write_jsonl(out / "sections.jsonl", tables.sections, SECTION_COLUMNS)
    write_csv(out / "documents.csv", tables.document_rows, DOCUMENT_COLUMNS)
    write_jsonl(out / "errors.jsonl", errors, ERROR_COLUMNS)
    return ["claims.csv", "claims.jsonl", "entities.csv", "entities.jsonl", "sections.jsonl",
            "documents.csv", "errors.jsonl"]


def _write_formats(out: Path, tables: RunTables, formats: tuple[str, ...], source: str,
                   summary_rows: list[dict[str, Any]], errors: list[Mapping[str, Any]]) -> list[str]:
    written = []
    if "brat" in formats:
        write_brat(out / BRAT_FOLDER, tables)
        written.append(f"{BRAT_FOLDER}/")
    if "bioc" in formats:
        write_bioc(out / BIOC_FILE, tables, source)
        written.append(BIOC_FILE)
    if "parquet" in formats:
        from pipeline.outputs.parquet import write_parquet

        for name, rows, columns in (("claims", tables.claims, CLAIM_COLUMNS),
                                    ("entities", tables.entities, ENTITY_COLUMNS),
                                    ("sections", tables.sections, SECTION_COLUMNS),
                                    ("documents", tables.document_rows, DOCUMENT_COLUMNS),
                                    ("claims_summary", summary_rows, SUMMARY_COLUMNS),
                                    ("errors", errors, ERROR_COLUMNS)):
            write_parquet(out / f"{name}.parquet", rows, columns)
            written.append(f"{name}.parquet")
    return written


def write_outputs(out: Path, tables: RunTables, errors: list[Mapping[str, Any]],
                  previous: PreviousReview, formats: tuple[str, ...] = (),
                  meta: Mapping[str, Any] | None = None) -> OutputRecord:
    """Write every output file of a run into ``out``."""
    meta = dict(meta or {})
    contexts = [context_row(claim, tables.documents[claim["_doc"]].row) for claim in tables.claims]
    merge = merge_review(contexts, previous.review, previous.orphans)
    check_nothing_lost([previous.review, previous.orphans], merge)
    summary_rows, membership = summarize(tables.claims, merge.decisions())
    report = render_report(report_payload(tables, merge, summary_rows, membership, meta))

    record = OutputRecord(n_summary_rows=len(summary_rows))
    record.files += _write_tables(out, tables, errors)
    write_csv(out / SUMMARY_FILE, summary_rows, SUMMARY_COLUMNS)
    backups = write_review_files(out, merge)
    with atomic_open(out / REPORT_FILE) as handle:
        handle.write(report)
    record.files += [SUMMARY_FILE, REVIEW_FILE, ORPHANS_FILE, REPORT_FILE]
    source = f"drug-cell-claims {meta.get('version', '')}".strip()
    record.files += _write_formats(out, tables, formats, source, summary_rows, errors)

    record.warnings += previous.warnings + merge.warnings
    if previous.replaced is not None:
        unheld = lost_rows(previous.replaced, merge)
        if unheld:
            kept = backups.get(REVIEW_FILE) or REVIEW_FILE
            record.warnings.append(
                f"{len(unheld)} reviewed row(s) of {previous.replaced.path} are not in --review "
                f"{previous.review.path if previous.review else ''}; they are kept in {kept}")
    if tables.n_renamed_claim_ids:
        record.warnings.append(
            f"{tables.n_renamed_claim_ids} claim id(s) got a -N suffix to stay unique: inputs "
            f"share a file name ({', '.join(tables.duplicate_doc_ids[:3])})")
    record.review = {
        "source": str(previous.review.path) if previous.review else None,
        "carried": merge.carried, "restored_from_orphans": merge.restored,
        "changed_since_review": merge.changed, "orphans": len(merge.orphans),
        "new_orphans": merge.new_orphans, "decisions": _decision_counts(merge),
        "backups": {name: backup for name, backup in backups.items() if backup},
    }
    return record


def _decision_counts(merge: ReviewMerge) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in merge.rows:
        decision = row["decision"] or "none"
        counts[decision] = counts.get(decision, 0) + 1
    return dict(sorted(counts.items()))
