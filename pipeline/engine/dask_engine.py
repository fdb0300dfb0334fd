"""``--engine dask``: the same batches, annotated on a Dask cluster (dask.distributed).

Each task is one batch of documents (:func:`pipeline.engine.workers.annotate_batch`, the
function the local engine runs); a Dask worker builds the spaCy pipeline (the core model and
the neural NER models of the run) on its first task and keeps it for the next ones (a
per-process cache keyed by both), so the models load once per worker. Results come back to
this process, which stores them and writes the outputs exactly as the local engine does: the
outputs are identical.

Without ``--scheduler`` a LocalCluster of ``--workers`` single-threaded worker processes is
started for the run. Workers of a remote cluster need this package and its models installed
(the same version: the results are keyed by the models' checksums on this side).
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.engine.workers import Batch, BatchResult, NerModels, annotate_batch


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed."""


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailable(
            "--engine dask needs dask.distributed: pip install 'drug-cell-claims[dask]'") from None


class DaskEngine:
    def __init__(self, scheduler: str | None, workers: int, core_model: str | None,
                 ner_models: NerModels = None) -> None:
        require_dask()
        self.scheduler, self.workers, self.core_model = scheduler, max(1, workers), core_model
        self.ner_models = ner_models
        self.cluster = None
        self.client = None

    def _connect(self):
        from distributed import Client, LocalCluster

        if self.client is None:
            if self.scheduler:
                self.client = Client(self.scheduler)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None,
                                            silence_logs=50)
                self.client = Client(self.cluster)
        return self.client

    def run(self, batches: Iterator[Batch]) -> Iterator[BatchResult]:
        from distributed import as_completed

        first = next(batches, None)
        if first is None:
            return
        client = self._connect()
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or self.workers)
        limit = 2 * n_workers + 1  # batches in flight: memory stays flat on this side
        futures = as_completed()
        in_flight = 0
        waiting = [first]
        exhausted = False
        try:
            while True:
                while in_flight < limit and not exhausted:
                    batch = waiting.pop() if waiting else next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    # pure=False: a batch is never deduplicated or cached by Dask itself
                    futures.add(client.submit(annotate_batch, self.core_model, batch,
                                              ner_models=self.ner_models, pure=False))
                    in_flight += 1
                if in_flight == 0:
                    return
                future = next(futures)
                in_flight -= 1
                result = future.result()
                future.release()
                yield result
        except BaseException:
            for future in list(futures.futures):
                future.cancel()
            raise

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
