"""Where the per-document work runs: this process, or a pool of processes.

Every engine maps the same pure function (`pipeline.process_file`) over the
files and yields DocOutputs in input order, so results are identical whatever
the engine.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from toolkit.corpus import DEFAULT_MAX_BYTES
from toolkit.pipeline import DocOutput, process_file


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def map_documents(
    files: list[Path],
    doc_ids: list[str],
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_docs: bool = False,
) -> Iterator[DocOutput]:
    """Process every file, in order, in this process (jobs=1) or a pool of `jobs` processes."""
    work = partial(_process, max_bytes=max_bytes, keep_doc=keep_docs)
    items = [(str(f), d) for f, d in zip(files, doc_ids, strict=True)]
    if jobs <= 1 or len(items) < 2:
        yield from map(work, items)
        return
    chunk = max(1, min(64, len(items) // (jobs * 4) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
        with _interrupts_held():  # workers start during map: none may see Ctrl-C before it ignores it
            results = pool.map(work, items, chunksize=chunk)
        yield from results


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


def _process(item: tuple[str, str], max_bytes: int, keep_doc: bool) -> DocOutput:
    path, doc_id = item
    return process_file(path, doc_id, max_bytes=max_bytes, keep_doc=keep_doc)
