"""Where the per-document work runs: this process, a pool of processes, or a Dask cluster.

Every engine maps the same pure function (`pipeline.process_files`, which is
`process_file` on a few files at a time, stage by stage) over the files and
yields DocOutputs in input order, one at a time, so results are identical
whatever the engine and the caller never holds more than it keeps.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from pathlib import Path

import pyarrow as pa

from toolkit.corpus import DEFAULT_MAX_BYTES
from toolkit.pipeline import DocOutput, process_files

ENGINES = ("local", "dask")
# Dask costs about a millisecond per task: partitions of at least this many documents keep it small.
MIN_PARTITION = 100
MAX_PARTITION = 2000
# Documents per chunk sent to a worker process: large enough to amortise pickling and to keep each
# stage's models in the processor's caches (`pipeline.process_files`), small enough to balance.
MAX_CHUNK = 128
MIN_CHUNK = 4
# Documents taken stage by stage together in this process (`pipeline.process_files`): 64 took 4 %
# longer on 1000 articles, 256 no less.
LOCAL_CHUNK = 128
# Chunks submitted ahead per worker process: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 3


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here (a missing optional dependency, an unreachable scheduler)."""


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def map_documents(
    files: Sequence[str | Path],
    doc_ids: Sequence[str],
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_docs: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocOutput]:
    """Process every file, yielding results in input order.

    engine="local": in this process (jobs=1) or a pool of `jobs` processes.
    engine="dask": on a Dask cluster, the one at `scheduler` or a local one of `jobs` worker processes.
    """
    work = partial(process_files, max_bytes=max_bytes, keep_doc=keep_docs)
    if len(files) != len(doc_ids):
        raise ValueError("one doc_id per file")
    if engine == "dask":
        yield from _dask_map(work, list(zip(map(str, files), doc_ids, strict=True)), jobs, scheduler)
        return
    if engine != "local":
        raise EngineUnavailable(f"Unknown engine '{engine}'; choose one of: {', '.join(ENGINES)}.")
    if jobs <= 1 or len(files) < 2:
        pairs = zip(map(str, files), doc_ids, strict=True)
        with long_lived_set_aside():
            while chunk := list(islice(pairs, LOCAL_CHUNK)):
                yield from work(chunk)
        return
    # the paths and ids as two Arrow arrays, not 100 000 Python strings: worker processes start as a
    # copy of this process, so what it holds when they start is held once per worker too
    items = _Items(pa.array([str(f) for f in files], pa.large_string()), pa.array(doc_ids, pa.large_string()))
    del files, doc_ids
    yield from _pool_map(work, items, jobs)


class _Items:
    """(path, doc_id) pairs held compactly; slices become lists of tuples."""

    def __init__(self, paths: pa.Array, doc_ids: pa.Array) -> None:
        self.paths, self.doc_ids = paths, doc_ids

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, part: slice) -> list[tuple[str, str]]:
        return list(zip(self.paths[part].to_pylist(), self.doc_ids[part].to_pylist(), strict=True))


def _pool_map(work: partial, items: _Items, jobs: int) -> Iterator[DocOutput]:
    """Chunks of documents over `jobs` processes, a few chunks in flight at a time.

    Submitting every chunk at once (as `Executor.map` does) lets finished results pile up
    whenever this process reads them slower than the workers make them; a bounded window
    keeps memory flat however large the run.
    """
    chunks = (items[start:end] for start, end in chunk_bounds(len(items), jobs))
    kwargs = work.keywords
    with long_lived_set_aside():
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
        try:
            window: deque = deque()
            for chunk in chunks:
                # workers start at the first submit: none may see Ctrl-C before it ignores it
                with _interrupts_held() if not window else contextlib.nullcontext():
                    window.append(pool.submit(process_files, chunk, **kwargs))
                if len(window) >= IN_FLIGHT_PER_JOB * jobs:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        except BaseException:  # stopped (Ctrl-C, a consumer that gave up): wait until the workers are gone
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        # every result is in: the idle workers exit on their own while the caller goes on
        pool.shutdown(wait=False)


def chunk_bounds(n_items: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk: a quarter of each worker's share of what is left, at most
    MAX_CHUNK. Chunks shrink towards the end, so that no worker is left with a large last chunk
    while the others wait (guided scheduling)."""
    start = 0
    while start < n_items:
        size = max(MIN_CHUNK, min(MAX_CHUNK, (n_items - start) // (jobs * 4)))
        yield start, min(n_items, start + size)
        start += size


@contextlib.contextmanager
def long_lived_set_aside() -> Iterator[None]:
    """Objects made before the run (modules, wording, patterns, models) live as long as the process:
    they are set aside from garbage collection while documents are processed, so the collector does
    not inspect them again and again; and worker processes, which start as a copy of this one and
    share its memory until they write to it, keep sharing those pages instead of copying them.
    `toolkit.run` keeps them aside until the tables are made and written too: put back before the
    corpus steps, they made the next full collection inspect them all (0.1 s at the end of a run).
    A program that froze objects itself (a server before it forks) keeps its own arrangement."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is for the main process, which stops the pool and says so plainly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes are started (they inherit the mask); delivered after."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def partition_size(n_items: int, workers: int) -> int:
    """Documents per Dask partition: at least MIN_PARTITION, about four partitions per worker."""
    return max(MIN_PARTITION, min(MAX_PARTITION, -(-n_items // max(1, 4 * workers))))


def _dask_map(
    work: partial, items: list[tuple[str, str]], jobs: int, scheduler: str | None
) -> Iterator[DocOutput]:
    """Partitions of documents as Dask bag partitions; results gathered partition by partition, in order."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineUnavailable(
            "The dask engine needs Dask, which is not installed. Install it with: pip install 'toolkit[dask]' "
            "(or run without --engine dask)."
        ) from err
    if not items:
        return
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(
                n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    except OSError as err:
        raise EngineUnavailable(f"Could not reach the Dask scheduler at {scheduler}: {err}.") from err
    try:
        workers = len(client.scheduler_info().get("workers", {})) or max(1, jobs)
        bag = db.from_sequence(items, partition_size=partition_size(len(items), workers))
        parts = bag.map_partitions(
            process_files, max_bytes=work.keywords["max_bytes"], keep_doc=work.keywords["keep_doc"]
        )
        futures = client.compute(parts.to_delayed())
        for future in futures:
            yield from future.result()
            future.release()  # the worker may drop this partition's results now
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
