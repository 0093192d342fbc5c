"""A run's output files, written all or nothing, by one run at a time per folder.

Every file is first written into a staging folder inside the output folder
(`.toolkit-staging-*`); only when all of them are complete are they renamed over
the previous ones. A run stopped before that point (Ctrl-C, a killed process, a
full disk, a read-only folder) leaves the previous outputs exactly as they were;
what it had staged is removed (or, after a hard kill, by the next run). The
renames at the end take milliseconds, and each of them replaces a whole file.

One run at a time per output folder: a run holds an exclusive lock on
`<output folder>/.toolkit.lock` (a POSIX record lock, `fcntl.lockf`) from start
to finish. A second run into the same folder does not wait: it refuses at once
with `OutputFolderBusy`, which names the process holding the folder. The
operating system releases the lock when the process ends however it ends, so a
killed run never leaves the folder locked; unlike `flock`, the lock is not
inherited by the worker processes a run forks, which may outlive it briefly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from toolkit.export.csv import CsvStream, write_csvs
from toolkit.export.workbook import write_workbook
from toolkit.schemas import TABLES

try:  # POSIX; without it (Windows) runs are not serialised
    import fcntl
except ImportError:  # pragma: no cover - the toolkit runs on Debian
    fcntl = None

LOCK_NAME = ".toolkit.lock"
STAGING_PREFIX = ".toolkit-staging-"
WORKBOOK_NAME = "report.xlsx"


class OutputFolderBusy(OSError):
    """Another run is writing into the same output folder."""


# Locks this process holds, by folder: a lock taken by the command line for the whole run is
# taken again, without blocking itself, by the writer inside it.
_HELD: dict[Path, list[int]] = {}


@contextlib.contextmanager
def output_lock(out: str | os.PathLike) -> Iterator[Path]:
    """Hold the output folder for this run (created if needed); refuse at once if another run holds it."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = out.resolve()
    if key in _HELD:
        _HELD[key][1] += 1
        try:
            yield out
        finally:
            _HELD[key][1] -= 1
        return
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, out)
        _HELD[key] = [fd, 1]
        try:
            yield out
        finally:
            del _HELD[key]
    finally:
        os.close(fd)  # closing the file releases the lock


def _acquire(fd: int, out: Path) -> None:
    if fcntl is None:  # pragma: no cover
        return
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno not in (errno.EACCES, errno.EAGAIN):
            raise
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        by = f" (process {holder})" if holder.isdigit() else ""
        raise OutputFolderBusy(
            errno.EBUSY,
            f"another toolkit run{by} is writing into {out}; wait for it to finish or choose another --out folder",
            str(out),
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


@contextlib.contextmanager
def staged_outputs(out: str | os.PathLike) -> Iterator[Path]:
    """Yield an empty staging folder inside `out`; move what was written there into `out` only when
    the block succeeds. On any failure the staging folder goes and `out` keeps its previous files."""
    out = Path(out)
    with output_lock(out):
        _remove_stale_staging(out)
        stage = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        try:
            yield stage
            _publish(stage, out)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _publish(stage: Path, out: Path) -> None:
    """Flush every staged file to disk, then rename each over its namesake in `out`."""
    staged = sorted(p for p in stage.iterdir() if p.is_file() and not p.name.startswith("."))
    for path in staged:  # on disk before any rename, so a power cut cannot leave an empty file
        with path.open("rb") as fh:
            os.fsync(fh.fileno())
    for path in staged:
        os.replace(path, out / path.name)
    with contextlib.suppress(OSError):  # make the renames themselves durable where the system allows
        dir_fd = os.open(out, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _remove_stale_staging(out: Path) -> None:
    """Staging folders of runs killed before they could clean up (we hold the lock: none is live)."""
    for stale in out.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def write_tables(
    tables: dict[str, pd.DataFrame], out: str | os.PathLike, fmt: str = "csv", workbook: bool = True
) -> list[Path]:
    """The tables (CSV, Parquet or both) and the workbook, all or nothing. Returns their final paths."""
    out = Path(out)
    with staged_outputs(out) as stage:
        written: list[Path] = []
        if fmt in ("csv", "both"):
            written += write_csvs(tables, stage)
        if fmt in ("parquet", "both"):
            from toolkit.export.parquet import write_parquets

            written += write_parquets(tables, stage)
        if workbook:
            written.append(write_workbook(tables, stage / WORKBOOK_NAME, figures_dir=out / "figures"))
    return [out / p.name for p in written]


@contextlib.contextmanager
def table_streams(stage: Path, fmt: str = "csv") -> Iterator[dict[str, TableStream]]:
    """A writer per table of the contract (`write(frame)` appends rows) into `stage`, in CSV, Parquet or
    both; the files are complete when the block ends without error."""
    from toolkit.export.parquet import ParquetStream

    kinds = {"csv": [CsvStream], "parquet": [ParquetStream], "both": [CsvStream, ParquetStream]}[fmt]
    with contextlib.ExitStack() as files:
        streams = {t: [files.enter_context(kind(t, stage)) for kind in kinds] for t in TABLES}
        yield {t: TableStream(s) for t, s in streams.items()}


class TableStream:
    """One table written in several formats at once."""

    def __init__(self, streams: list) -> None:
        self.streams = streams

    def write(self, df: pd.DataFrame) -> None:
        for stream in self.streams:
            stream.write(df)
