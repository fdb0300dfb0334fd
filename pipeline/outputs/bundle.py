"""Write a run's output folder: tables, review files, summary, report and exports.

Everything that can fail on the user's input (an unknown ``--formats`` value, a missing
pyarrow, an unreadable review file) is checked by :func:`check_formats` and
:func:`load_previous_review` before the run starts. The files are then written by
:class:`pipeline.outputs.stream.RunWriter`, one document at a time; :func:`write_outputs`
feeds it tables held in memory (the Python API, tests). Either way no file is replaced
before the review merge has checked that no reviewer value is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.outputs.review import (
    ORPHANS_FILE,
    REVIEW_FILE,
    ReviewFile,
    ReviewFileError,
    ReviewMerge,
    read_review_file,
)
from pipeline.outputs.tables import RunTables

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


def write_outputs(out: Path, tables: RunTables, errors: list[Mapping[str, Any]],
                  previous: PreviousReview, formats: tuple[str, ...] = (),
                  meta: Mapping[str, Any] | None = None) -> OutputRecord:
    """Write every output file of a run into ``out`` from tables held in memory (the runner
    streams its documents into :class:`pipeline.outputs.stream.RunWriter` instead)."""
    from pipeline.outputs.stream import RunWriter

    writer = RunWriter(out, previous, formats, meta)
    try:
        for index, (document, key) in enumerate(zip(tables.documents, tables.doc_keys, strict=True)):
            writer.add_prepared(document, key, index)
    except BaseException:
        writer.abort()
        raise
    writer.renamed = (tables.n_renamed_claim_ids, tables.duplicate_doc_ids)
    return writer.finish(errors)


def _decision_counts(merge: ReviewMerge) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in merge.rows:
        decision = row["decision"] or "none"
        counts[decision] = counts.get(decision, 0) + 1
    return dict(sorted(counts.items()))
