"""Everything a run writes into its output folder.

- :mod:`~pipeline.outputs.tables` — the rows of a run, totally ordered, with unique ids
- :mod:`~pipeline.outputs.writers` — atomic CSV, JSONL and JSON files
- :mod:`~pipeline.outputs.review` — review.csv and review_orphans.csv, carried across runs
- :mod:`~pipeline.outputs.summary` — claims_summary.csv (with :mod:`~pipeline.outputs.effects`)
- :mod:`~pipeline.outputs.report` — report.html (``report_template.html``)
- :mod:`~pipeline.outputs.exports`, :mod:`~pipeline.outputs.parquet` — brat, BioC, Parquet
- :mod:`~pipeline.outputs.stream` — writes them all from a stream of documents, in input
  order, holding a compact row per claim rather than the run's tables
- :mod:`~pipeline.outputs.bundle` — checks the options up front; writes tables held in memory
"""
