"""The ``pipeline`` command: thin, it parses options and calls the stages."""

from __future__ import annotations

import json
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pipeline.models import DEFAULT_NER_MODELS

if TYPE_CHECKING:
    from pipeline.outputs.bundle import OutputRecord

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_SOME_FAILED = 3
EXIT_MODEL = 4

app = typer.Typer(
    help=(
        "Turn PubMed-style documents into review-ready tables of drug → cell → effect claims.\n\n"
        "Exit codes: 0 every document processed; 1 internal error; 2 bad usage (e.g. a missing "
        "path); 3 some inputs could not be read or processed (see errors.jsonl); 4 a model "
        "could not be loaded."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Sections(str, Enum):
    default = "abstract,figures"
    all = "all"


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


DEFAULT_NER_MODELS_HELP = ", ".join(DEFAULT_NER_MODELS)
NER_MODEL_HELP = (
    "A neural NER model to run beside the lexicons; repeat the option (or separate names with "
    "commas) for several. Its mentions are merged into the lexicon entities and grounded like "
    "them. NAME is a model under models/ (ner-joint: the three below on one shared encoder, "
    "faster; ner-bc5cdr: chemicals, diseases; ner-jnlpba: proteins, DNA, RNA, cell types, "
    "cell lines; ner-bionlp13cg: cancer-genetics entity types), a folder with a spaCy "
    "pipeline, or an installed package such as scispaCy's en_ner_bc5cdr_md. Default: "
    f"{DEFAULT_NER_MODELS_HELP}. 'none' is --no-ner-models.")
NO_NER_MODELS_HELP = "No neural NER models: the lexicons and composition rules alone (faster)."


def _ner_models(names: list[str] | None, none: bool) -> tuple[str, ...] | None:
    """The run's NER models from --ner-model and --no-ner-models: None for the default
    list, () for none."""
    asked = [part.strip() for name in names or [] for part in name.split(",") if part.strip()]
    if "none" in (name.lower() for name in asked):
        if len(asked) > 1:
            raise _fail("--ner-model none cannot be combined with other models", EXIT_USAGE)
        return ()
    if none:
        if asked:
            raise _fail("--no-ner-models cannot be combined with --ner-model", EXIT_USAGE)
        return ()
    return tuple(dict.fromkeys(asked)) or None


def _model_error(err: Exception) -> typer.Exit:
    """A model that cannot be loaded: one line and exit code 4."""
    from pipeline.models import NerModelNotFound

    message = str(err).splitlines()[0] if str(err) else type(err).__name__
    if isinstance(err, NerModelNotFound):
        message += " (--ner-model NAME: a model under models/, a folder or a package; " \
                   "--no-ner-models runs without them)"
    return _fail(message, EXIT_MODEL)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders (read recursively) or globs: PubMed pages saved as text, "
             "plain text.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the output tables.")]
        = Path("outputs"),
    sections: Annotated[Sections, typer.Option(
        help="'abstract,figures': title, abstract and figure legends; 'all': also body "
             "text.")] = Sections.default,
    core_model: Annotated[str, typer.Option(
        help="spaCy core pipeline (tokenizer, tagger, parser): 'core' for the shipped "
             "models/core, a folder, or an installed package such as en_core_sci_sm.")]
        = "core",
    ner_model: Annotated[list[str] | None, typer.Option(
        "--ner-model", metavar="NAME", help=NER_MODEL_HELP, show_default=False)] = None,
    no_ner_models: Annotated[bool, typer.Option(
        "--no-ner-models", help=NO_NER_MODELS_HELP)] = False,
    review: Annotated[Path | None, typer.Option(
        "--review", metavar="FILE",
        help="A review.csv whose decisions and notes to carry over (default: review.csv in "
             "--out, if there is one). The review.csv it replaces is kept as "
             "review.N.bak.csv.", show_default=False)] = None,
    formats: Annotated[list[str] | None, typer.Option(
        "--formats", metavar="LIST",
        help="Extra outputs, comma-separated or repeated: brat (brat/*.txt, *.ann), bioc "
             "(claims.bioc.json), parquet (*.parquet; needs pyarrow).", show_default=False)]
        = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, metavar="N",
        help="Worker processes, each with the models loaded once (default: the number of "
             "cores). The output does not depend on it.", show_default=False)] = None,
    engine: Annotated[Engine, typer.Option(
        help="'local': worker processes on this machine; 'dask': a Dask cluster (--scheduler, "
             "else a LocalCluster of --workers workers; needs drug-cell-claims[dask]).")]
        = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask).",
        show_default=False)] = None,
    cache: Annotated[Path | None, typer.Option(
        "--cache", metavar="DIR",
        help="Folder of per-document results kept between runs, keyed by document content, "
             "options and model versions (default: hidden .cache-* files in --out).",
        show_default=False)] = None,
    fresh: Annotated[bool, typer.Option(
        "--fresh", help="Start over: annotate every document again instead of resuming a "
                        "stopped run or taking results from the cache.")] = False,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, metavar="N", help="Only the first N documents (a quick look).",
        show_default=False)] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, metavar="N", help="Documents per task sent to a worker.")] = 8,
) -> None:
    """Extract claims from INPUTS and write claims, entities, sections, documents, errors,
    review.csv, claims_summary.csv, report.html and run.json to --out."""
    from pipeline.engine.runner import RunOptions
    from pipeline.engine.runner import run as run_pipeline
    from pipeline.models import ModelNotFound, NerModelNotFound
    from pipeline.outputs.bundle import OutputOptionError
    from pipeline.readers import InputNotFound

    warnings.filterwarnings("ignore")
    from pipeline.engine.workers import default_workers

    options = RunOptions(inputs=list(inputs), out=out,
                         sections="all" if sections == Sections.all else "default",
                         core_model=core_model,
                         ner_models=_ner_models(ner_model, no_ner_models),
                         review=review, formats=tuple(formats or ()),
                         workers=workers or default_workers(), engine=engine.value,
                         scheduler=scheduler, cache=cache, fresh=fresh, limit=limit,
                         batch_size=batch_size)
    if out.exists() and not out.is_dir():
        raise _fail(f"--out {out} exists and is not a folder", EXIT_USAGE)
    if scheduler and engine != Engine.dask:
        raise _fail("--scheduler needs --engine dask", EXIT_USAGE)
    if engine == Engine.dask:
        from pipeline.engine.dask_engine import DaskUnavailable, require_dask

        try:
            require_dask()
        except DaskUnavailable as err:
            raise _fail(str(err), EXIT_USAGE) from None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                        TextColumn("ETA"), TimeRemainingColumn(),
                        disable=quiet or not sys.stderr.isatty(), transient=True)
    task = progress.add_task("documents", total=None, rate="")
    timer = {"start": None, "base": 0}

    def on_progress(done: int, total: int | None, cached: int) -> None:
        import time

        now = time.perf_counter()
        if timer["start"] is None:
            timer["start"] = now
        annotated = done - cached
        elapsed = now - timer["start"]
        rate = f"{annotated / elapsed:.1f} docs/s" if elapsed > 0 and annotated else ""
        progress.update(task, completed=done, total=total, rate=rate)

    try:
        with progress:
            summary = run_pipeline(options, on_progress=on_progress)
    except (InputNotFound, OutputOptionError) as err:
        raise _fail(str(err), EXIT_USAGE) from None
    except (ModelNotFound, NerModelNotFound) as err:
        raise _model_error(err) from None
    except OSError as err:
        raise _fail(f"cannot write outputs: {err}", EXIT_USAGE) from None
    except KeyboardInterrupt:
        typer.echo(f"interrupted: finished documents are kept; run the same command again to "
                   f"resume (or add --fresh to start over) → {out}/", err=True)
        raise typer.Exit(130) from None
    if summary.n_cached:
        resumed = (f" ({summary.n_resumed} finished before the run was stopped)"
                   if summary.n_resumed else "")
        typer.echo(f"{summary.n_processed} documents annotated, {summary.n_cached} taken from "
                   f"the cache{resumed}", err=True)
    typer.echo(
        f"{summary.n_documents} documents, {summary.n_claims} claims, "
        f"{summary.n_entities} entities, {summary.n_failed} errors, "
        f"{summary.n_warnings} warnings in {summary.seconds:.1f}s → {out}/", err=True)
    _echo_review(summary.outputs)
    if summary.n_failed:
        for error in summary.errors[:5]:
            typer.echo(f"  {error.source}: {error.error}", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)


def _echo_review(outputs: OutputRecord) -> None:
    """One line on what happened to the reviewers' work, then any warnings about it."""
    review = outputs.review
    if review.get("source"):
        line = (f"review: {review['carried']} reviewed claims carried over from {review['source']}, "
                f"{review['orphans']} in review_orphans.csv")
        if review.get("changed_since_review"):
            line += f", {review['changed_since_review']} changed since review"
        backups = ", ".join(review.get("backups", {}).values())
        typer.echo(line + (f"; previous file kept as {backups}" if backups else ""), err=True)
    for warning in outputs.warnings[:10]:
        typer.echo(f"warning: {warning}", err=True)


@app.command()
def info(
    core_model: Annotated[str, typer.Option(help="Core model to describe.")] = "core",
    ner_model: Annotated[list[str] | None, typer.Option(
        "--ner-model", metavar="NAME", help="NER model to describe, as for run (default: "
        f"{DEFAULT_NER_MODELS_HELP}).", show_default=False)] = None,
    no_ner_models: Annotated[bool, typer.Option("--no-ner-models", help=NO_NER_MODELS_HELP)]
        = False,
) -> None:
    """Print the version and the models and lexicons in use (with checksums)."""
    from pipeline import __version__
    from pipeline.models import NerModelNotFound, core_model_path, ner_model_infos
    from pipeline.ner.lexicons import lexicon_files
    from pipeline.resources import file_checksum

    warnings.filterwarnings("ignore")
    try:
        ner = [{**model, "checksum": file_checksum(Path(model["path"]))
                if Path(model["path"]).exists() else None}
               for model in ner_model_infos(_ner_models(ner_model, no_ner_models))]
    except NerModelNotFound as err:
        raise _model_error(err) from None

    core = Path(core_model_path(core_model))
    meta = {}
    if (core / "meta.json").exists():
        meta = json.loads((core / "meta.json").read_text())
    data = {
        "pipeline_version": __version__,
        "core_model": {"path": str(core), "exists": core.exists(), "name": meta.get("name"),
                       "version": meta.get("version"), "components": meta.get("pipeline"),
                       "checksum": file_checksum(core) if core.exists() else None},
        "ner_models": ner,
        "lexicons": {name: {"path": str(path), "exists": path.exists(),
                            "checksum": file_checksum(path) if path.exists() else None}
                     for name, path in lexicon_files().items()},
    }
    typer.echo(json.dumps(data, indent=2))


@app.command()
def show(
    path: Annotated[Path, typer.Argument(help="One input file (any supported format).",
                                         show_default=False)],
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also print the rule and the dependency path of each claim.")] = False,
    sections: Annotated[Sections, typer.Option(help="Which sections to read.")] = Sections.default,
    core_model: Annotated[str, typer.Option(help="spaCy core pipeline, as for run.")] = "core",
    ner_model: Annotated[list[str] | None, typer.Option(
        "--ner-model", metavar="NAME", help=NER_MODEL_HELP, show_default=False)] = None,
    no_ner_models: Annotated[bool, typer.Option("--no-ner-models", help=NO_NER_MODELS_HELP)]
        = False,
) -> None:
    """Print a document's claims with the drug, cell and trigger highlighted."""
    from rich.console import Console
    from rich.markup import escape

    from pipeline.nlp import ModelNotFound, NerModelNotFound, build_nlp
    from pipeline.readers import read_file
    from pipeline.schema import DocumentError
    from pipeline.show import shown_claims

    warnings.filterwarnings("ignore")
    if not path.is_file():
        raise _fail(f"no such file: {path}", EXIT_USAGE)
    ner_models = _ner_models(ner_model, no_ner_models)
    try:
        nlp = build_nlp(core_model, ner_models)
    except (ModelNotFound, NerModelNotFound) as err:
        raise _model_error(err) from None
    console = Console()
    failed = False
    for item in read_file(path, "all" if sections == Sections.all else "default"):
        if isinstance(item, DocumentError):
            typer.echo(f"error: {item.source}: {item.error}", err=True)
            failed = True
            continue
        console.print(f"[bold]{escape(item.doc_id)}[/] — {escape(item.title or str(item.source))}")
        count = 0
        for shown in shown_claims(nlp, item):
            count += 1
            c = shown.claim
            # Escaped: rich reads "[increase, asserted]" as a markup tag and drops it.
            flags = f"[{c.direction}, {c.assertion}{', implicit' if c.implicit else ''}]"
            console.print(f"\n[bold]{count}.[/] " + escape(f"{c.drug} → {c.cell}: {c.effect} "
                                                           f"{flags}  ({c.section_id})"))
            console.print("   " + shown.markup)
            if explain:
                console.print(f"   rule [bold]{c.rule}[/], trigger '{c.trigger}', "
                              f"confidence {c.confidence}")
                console.print(f"   path: {shown.path}")
        console.print(f"\n{count} claims")
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold claims (JSONL or CSV).", show_default=False)],
    claims: Annotated[Path, typer.Argument(help="Predicted claims, e.g. outputs/claims.jsonl.",
                                           show_default=False)],
    docs: Annotated[str, typer.Option(help="Comma-separated doc ids to score (default: the "
                                           "documents in the gold file).")] = "",
    examples: Annotated[int, typer.Option(help="Examples to print per error type.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score claims against gold claims: pair and strict P/R/F1, per document, per error type."""
    from pipeline.evaluation import evaluate as score
    from pipeline.evaluation import format_report, load_claims

    for path in (gold, claims):
        if not path.is_file():
            raise _fail(f"no such file: {path}", EXIT_USAGE)
    try:
        result = score(load_claims(gold), load_claims(claims),
                       docs.split(",") if docs else None)
    except (ValueError, KeyError) as err:
        raise _fail(f"cannot read claims: {err}", EXIT_USAGE) from None
    typer.echo(json.dumps(result.as_dict(), indent=2) if as_json
               else format_report(result, examples))


class Trainable(str, Enum):
    core = "core"
    core_tagger = "core-tagger"
    ner_bc5cdr = "ner-bc5cdr"
    ner_jnlpba = "ner-jnlpba"
    ner_bionlp13cg = "ner-bionlp13cg"
    ner_joint = "ner-joint"


@app.command()
def train(
    model: Annotated[Trainable, typer.Argument(
        help="The model to rebuild: core (tagger + parser: GENIA, then GENIA + CRAFT, then "
             "GENIA + templated claim sentences; about an hour), core-tagger "
             "(the core's tagger again, on GENIA + CRAFT; written into models/core), "
             "ner-bc5cdr, ner-jnlpba, ner-bionlp13cg or ner-joint (the three NER corpora, one "
             "shared tok2vec). ner-bc5cdr and ner-bionlp13cg are shipped as heads of a joint "
             "model trained on train + devel, which this trains and exports.",
        show_default=False)],
    data: Annotated[Path, typer.Option(
        help="The corpora folder (../shared/corpora): genia-ud, craft, ner-iob, jnlpba.",
        show_default=False)],
    out: Annotated[Path | None, typer.Option(
        help="Where to write the model (default: models/<model>, replacing the shipped one).",
        show_default=False)] = None,
    eval_only: Annotated[bool, typer.Option(
        "--eval-only", help="Only score the model in --out on the held-out data.")] = False,
    max_minutes: Annotated[float | None, typer.Option(
        help="Wall-clock cap on training; the best model so far is kept.")] = None,
) -> None:
    """Rebuild one of the shipped models from the public corpora (fixed seed; needs
    pip install -e '.\\[train]'). Prints held-out scores, speed and size as JSON."""
    from pipeline.train.command import TrainingUnavailable, train_model

    if not data.is_dir():
        raise _fail(f"no such folder: {data}", EXIT_USAGE)
    try:
        code = train_model(model.value, data, out, eval_only, max_minutes)
    except TrainingUnavailable as err:
        raise _fail(str(err), EXIT_USAGE) from None
    except (FileNotFoundError, SystemExit) as err:
        raise _fail(f"training {model.value} failed: {err}", EXIT_INTERNAL) from None
    if code:
        raise typer.Exit(code)


def main() -> None:  # pragma: no cover - console entry point
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
