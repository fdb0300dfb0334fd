"""Write a run's output folder from a stream of documents, in input order.

:class:`RunWriter` takes one document at a time (:meth:`RunWriter.add`) and writes its rows
at once to every table (CSV, JSONL, and the Parquet and brat/BioC exports when asked for),
each under a temporary name in the output folder. What the review merge, the summary and
the report need from the whole run is kept compact: per claim, its review context and the
few fields the summary counts; the report's documents, sections (with their entities) and
claims go to anonymous spool files and are copied into ``report.html`` at the end. So the
memory of the final step grows with the number of claims (a small row each), not with the
entities, sections and documents of the run.

:meth:`RunWriter.finish` merges the previous review, checks that no reviewer value is lost,
and only then renames the finished files into place; any failure before that removes the
temporary files and leaves the previous outputs as they were. The files are byte-identical
to what :func:`pipeline.outputs.bundle.write_outputs` writes from tables held in memory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from pipeline.outputs.compact import CompactRows
from pipeline.outputs.exports import BiocStream, document_annotations, write_brat_config
from pipeline.outputs.report import (
    _claim_payload,
    doc_item,
    document_sections,
    html_json,
    report_meta,
    summary_items,
    template_parts,
)
from pipeline.outputs.review import (
    CONTEXT_COLUMNS,
    ORPHANS_FILE,
    REVIEW_FILE,
    check_nothing_lost,
    context_row,
    lost_rows,
    merge_review,
    write_review_files,
)
from pipeline.outputs.summary import SUMMARY_COLUMNS, summarize
from pipeline.outputs.tables import DocumentOutput, TableOrder
from pipeline.outputs.writers import (
    CLAIM_COLUMNS,
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    ERROR_COLUMNS,
    SECTION_COLUMNS,
    AtomicFile,
    CsvRows,
    jsonl_line,
    remove_stale_temporaries,
    write_csv,
    write_jsonl,
)

# The claim fields the summary counts (pipeline.outputs.summary.reviewed_claim).
SUMMARY_FIELDS = ("claim_id", "drug_norm", "cell_norm", "cell_ids", "cell", "effect_category",
                  "direction", "assertion", "trigger", "_doc", "_doc_key", "pmid", "confidence",
                  "sentence")
# (file, columns, kind) of the tables written row by row, in the order they are renamed.
TABLE_FILES = (("claims.csv", CLAIM_COLUMNS, "claims"), ("claims.jsonl", CLAIM_COLUMNS, "claims"),
               ("entities.csv", ENTITY_COLUMNS, "entities"),
               ("entities.jsonl", ENTITY_COLUMNS, "entities"),
               ("sections.jsonl", SECTION_COLUMNS, "sections"),
               ("documents.csv", DOCUMENT_COLUMNS, "documents"))
PARQUET_TABLES = (("claims", CLAIM_COLUMNS), ("entities", ENTITY_COLUMNS),
                  ("sections", SECTION_COLUMNS), ("documents", DOCUMENT_COLUMNS))
_SM_PLACEHOLDER = ',"sm":-1}'


class _Table:
    """One table file written row by row (CSV or JSON lines)."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.file = AtomicFile(path)
        self.columns = columns
        self.csv = CsvRows(self.file.handle, columns) if path.suffix == ".csv" else None

    def write(self, row: Mapping[str, Any]) -> None:
        if self.csv is not None:
            self.csv.write(row)
        else:
            self.file.handle.write(jsonl_line(row, self.columns))


class _Spool:
    """Pieces of the report's data, one JSON text per line, in an anonymous file."""

    def __init__(self, folder: Path) -> None:
        self.handle: TextIO = tempfile.TemporaryFile(  # noqa: SIM115 - closed by close()
            "w+", encoding="utf-8", dir=folder)
        self.count = 0

    def add(self, text: str) -> None:
        self.handle.write(text + "\n")
        self.count += 1

    def lines(self) -> Iterable[str]:
        self.handle.flush()
        self.handle.seek(0)
        for line in self.handle:
            yield line[:-1]

    def close(self) -> None:
        self.handle.close()


class RunWriter:
    """Write the outputs of a run from its documents, given one at a time in input order."""

    def __init__(self, out: Path, previous, formats: tuple[str, ...] = (),
                 meta: Mapping[str, Any] | None = None) -> None:
        self.out, self.previous, self.formats = out, previous, formats
        self.meta = dict(meta or {})
        self.order = TableOrder()
        # (claim ids renamed, doc ids shared) when the documents come already prepared
        self.renamed: tuple[int, list[str]] | None = None
        self.n_claims = self.n_entities = 0
        self._contexts = CompactRows(["claim_id", *CONTEXT_COLUMNS])
        self._claims = CompactRows(SUMMARY_FIELDS)
        self._files: list[AtomicFile] = []
        self._closers: list = []
        self._brat: Path | None = None
        self._bioc: BiocStream | None = None
        self._parquet: dict[str, Any] = {}
        self._spools: list[_Spool] = []
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(out)
        try:
            self._tables = [(self._track(_Table(out / name, columns)), kind)
                            for name, columns, kind in TABLE_FILES]
            if "brat" in formats:
                self._brat = Path(tempfile.mkdtemp(prefix=".brat.", suffix=".tmp", dir=out))
            if "bioc" in formats:
                from pipeline.outputs.bundle import BIOC_FILE

                file = self._new_file(out / BIOC_FILE)
                self._bioc = BiocStream(file.handle, self._source)
            if "parquet" in formats:
                from pipeline.outputs.parquet import ParquetStream

                for name, columns in PARQUET_TABLES:
                    file = self._new_file(out / f"{name}.parquet", binary=True)
                    self._parquet[name] = ParquetStream(file.handle, columns)
            self._docs, self._sections, self._claim_items = (_Spool(out) for _ in range(3))
            self._spools = [self._docs, self._sections, self._claim_items]
        except BaseException:
            self.abort()
            raise

    @property
    def _source(self) -> str:
        return f"drug-cell-claims {self.meta.get('version', '')}".strip()

    def _track(self, table: _Table) -> _Table:
        self._files.append(table.file)
        return table

    def _new_file(self, path: Path, binary: bool = False) -> AtomicFile:
        file = AtomicFile(path, binary)
        self._files.append(file)
        return file

    # --- one document at a time ------------------------------------------------------------

    def add(self, document: DocumentOutput) -> None:
        """Write one input document's rows (as the runner stores them) to every table."""
        key, prepared = self.order.prepare(document)
        self.add_prepared(prepared, key, self.order.n_documents - 1)

    def add_prepared(self, document: DocumentOutput, key: str, index: int) -> None:
        """Write a document whose rows :class:`TableOrder` has already prepared."""
        rows = {"claims": document.claims, "entities": document.entities,
                "sections": document.sections, "documents": [document.row]}
        lines = document.entity_lines
        for table, kind in self._tables:
            if kind == "entities" and lines is not None:
                table.file.handle.write(lines.csv if table.csv is not None else lines.jsonl)
                continue
            for row in rows[kind]:
                table.write(row)
        for name, stream in self._parquet.items():
            for row in rows[name]:
                stream.write(row)
        self.n_claims += len(document.claims)
        self.n_entities += document.n_entities
        if document.sections and (self._brat is not None or self._bioc is not None):
            annotations = document_annotations(document, key)
            if self._brat is not None:
                from pipeline.outputs.exports import write_brat_document

                write_brat_document(self._brat, annotations)
            if self._bioc is not None:
                self._bioc.write(annotations)
        self._report_pieces(document, key, index)

    def _report_pieces(self, document: DocumentOutput, key: str, index: int) -> None:
        self._docs.add(html_json(doc_item(document.row, key, len(document.claims))))
        sections, positions, units = document_sections(document, index)
        base = self._sections.count
        for section in sections:
            self._sections.add(html_json(section))
        for claim in document.claims:
            context = context_row(claim, document.row)
            self._contexts.append(context)
            self._claims.append(claim)
            position = positions[claim["section_id"]]
            item = _claim_payload(claim, base + position, units[position], context, -1, None)
            text = html_json(item)
            assert text.endswith(_SM_PLACEHOLDER)
            self._claim_items.add(text[:-len(_SM_PLACEHOLDER)])

    # --- the end of the run ------------------------------------------------------------------

    def finish(self, errors: list[Mapping[str, Any]]):
        """Merge the review, write the summary, review files and report, and rename every
        file into place; nothing is replaced if the merge would lose a reviewer's value."""
        from pipeline.outputs.bundle import (
            BRAT_FOLDER,
            REPORT_FILE,
            SUMMARY_FILE,
            OutputRecord,
            _decision_counts,
        )

        previous = self.previous
        try:
            merge = merge_review(self._contexts, previous.review, previous.orphans)
            self._contexts = CompactRows([])
            check_nothing_lost([previous.review, previous.orphans], merge)
            decisions = merge.decisions()
            summary_rows, membership = summarize(self._claims, decisions)
            self._claims = CompactRows([])
            report = self._new_file(self.out / REPORT_FILE)
            self._write_report(report.handle, merge, decisions, summary_rows, membership)
            if self._bioc is not None:
                self._bioc.close()
            for stream in self._parquet.values():
                stream.close()
            for spool in self._spools:
                spool.close()
            self._spools = []
        except BaseException:
            self.abort()
            raise

        record = OutputRecord(n_summary_rows=len(summary_rows))
        tables = [table.file for table, _ in self._tables]
        for file in tables:
            file.commit()
        write_jsonl(self.out / "errors.jsonl", errors, ERROR_COLUMNS)
        record.files += [name for name, _, _ in TABLE_FILES] + ["errors.jsonl"]
        write_csv(self.out / SUMMARY_FILE, summary_rows, SUMMARY_COLUMNS)
        backups = write_review_files(self.out, merge)
        report.commit()
        record.files += [SUMMARY_FILE, REVIEW_FILE, ORPHANS_FILE, REPORT_FILE]
        if self._brat is not None:
            folder = self.out / BRAT_FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            for path in sorted(self._brat.iterdir()):
                os.replace(path, folder / path.name)
            shutil.rmtree(self._brat, ignore_errors=True)
            self._brat = None
            write_brat_config(folder)
            record.files.append(f"{BRAT_FOLDER}/")
        others = [file for file in self._files if file not in tables and file is not report]
        for file in others:
            file.commit()
        if "bioc" in self.formats:
            from pipeline.outputs.bundle import BIOC_FILE

            record.files.append(BIOC_FILE)
        if self._parquet:
            from pipeline.outputs.parquet import write_parquet

            write_parquet(self.out / "claims_summary.parquet", summary_rows, SUMMARY_COLUMNS)
            write_parquet(self.out / "errors.parquet", errors, ERROR_COLUMNS)
            record.files += [f"{name}.parquet" for name in
                             ("claims", "entities", "sections", "documents", "claims_summary",
                              "errors")]
        self._files = []

        record.warnings += previous.warnings + merge.warnings
        if previous.replaced is not None:
            unheld = lost_rows(previous.replaced, merge)
            if unheld:
                kept = backups.get(REVIEW_FILE) or REVIEW_FILE
                record.warnings.append(
                    f"{len(unheld)} reviewed row(s) of {previous.replaced.path} are not in --review "
                    f"{previous.review.path if previous.review else ''}; they are kept in {kept}")
        renamed, shared = self.renamed or (self.order.n_renamed_claim_ids,
                                           self.order.duplicate_doc_ids)
        if renamed:
            record.warnings.append(
                f"{renamed} claim id(s) got a -N suffix to stay unique: inputs share a file "
                f"name ({', '.join(shared[:3])})")
        record.review = {
            "source": str(previous.review.path) if previous.review else None,
            "carried": merge.carried, "restored_from_orphans": merge.restored,
            "changed_since_review": merge.changed, "orphans": len(merge.orphans),
            "new_orphans": merge.new_orphans, "decisions": _decision_counts(merge),
            "backups": {name: backup for name, backup in backups.items() if backup},
        }
        return record

    def _write_report(self, handle: TextIO, merge, decisions: Mapping[str, Mapping[str, str]],
                      summary_rows: list[dict[str, Any]], membership: Mapping[str, int]) -> None:
        """report.html: the template around the data, the data copied piece by piece from
        the spools in the order of :func:`pipeline.outputs.report.report_payload`."""
        before, after = template_parts()
        handle.write(before)
        handle.write('{"meta":' + html_json(report_meta(merge, self.meta)) + ',"docs":[')
        _join(handle, self._docs.lines())
        handle.write('],"sections":[')
        _join(handle, self._sections.lines())
        handle.write('],"claims":[')
        ids = (row["claim_id"] for row in merge.rows)
        for number, (text, claim_id) in enumerate(zip(self._claim_items.lines(), ids, strict=True)):
            review = decisions.get(claim_id)
            tail = f',"sm":{membership.get(claim_id, -1)}'
            if review:
                tail += ',"rv":' + html_json({name: value for name, value in review.items() if value})
            handle.write(("," if number else "") + text + tail + "}")
        handle.write('],"summary":' + html_json(summary_items(summary_rows)) + "}")
        handle.write(after)

    def abort(self) -> None:
        """Remove every temporary file: the output folder is left as it was."""
        for stream in self._parquet.values():
            with contextlib.suppress(Exception):  # the file is removed just below
                stream.writer.close()
        self._parquet = {}
        for file in self._files:
            file.abort()
        self._files = []
        for spool in self._spools:
            spool.close()
        self._spools = []
        if self._brat is not None:
            shutil.rmtree(self._brat, ignore_errors=True)
            self._brat = None


def _join(handle: TextIO, pieces: Iterable[str]) -> None:
    for number, piece in enumerate(pieces):
        handle.write(("," if number else "") + piece)

