"""The Python entry for notebooks and scripts: `toolkit.run(paths) -> Result`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from toolkit.corpus import DEFAULT_MAX_BYTES, doc_ids_for, find_inputs
from toolkit.engine import long_lived_set_aside, map_documents
from toolkit.export.outputs import staged_outputs, write_tables
from toolkit.pipeline import Result, assemble

DEFAULT_INPUT = "data"
DEFAULT_OUTPUT = "exports"
FORMATS = ("csv", "parquet", "both")


def run(
    paths: str | os.PathLike | Iterable[str | os.PathLike] = DEFAULT_INPUT,
    out: str | os.PathLike | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_docs: bool = True,
    progress=None,
    engine: str = "local",
    scheduler: str | None = None,
    fmt: str = "csv",
    workbook: bool = True,
) -> Result:
    """Read every `.txt` under `paths`, extract figures and people, check quality, validate.

    With `out`, also write the tables there (`fmt`: csv, parquet or both) and `report.xlsx`.
    `progress` is an optional callable wrapping an iterable (e.g. tqdm) for a progress bar.
    `engine` is "local" (this process, or `jobs` processes) or "dask" (the cluster at `scheduler`,
    or a local cluster of `jobs` workers). Documents stream through: only their records are kept,
    and their cleaned texts only with `keep_docs`.
    """
    if out is not None:
        check_format(fmt)  # before the run, not after it
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    inputs = find_inputs(list(paths))
    ids = doc_ids_for(inputs.files)
    with long_lived_set_aside():
        outputs = map_documents(
            inputs.files,
            ids,
            jobs=jobs,
            max_bytes=max_bytes,
            keep_docs=keep_docs,
            engine=engine,
            scheduler=scheduler,
        )
        if progress is not None:
            outputs = progress(outputs, total=len(ids))
        result = assemble(outputs, inputs.findings)
        if out is not None:
            write_outputs(result, out, fmt=fmt, workbook=workbook)
    return result


def check_format(fmt: str) -> None:
    """A plain error for an output format the toolkit does not write."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}.")


def write_outputs(
    result: Result, out: str | os.PathLike, fmt: str = "csv", workbook: bool = True
) -> list[Path]:
    """The tables of the contract (CSV, Parquet or both) and the workbook, all or nothing
    (see `toolkit.export.outputs`)."""
    check_format(fmt)
    return write_tables(result.tables(), out, fmt=fmt, workbook=workbook)


def run_to_folder(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    out: str | os.PathLike,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress=None,
    engine: str = "local",
    scheduler: str | None = None,
    fmt: str = "csv",
) -> dict[str, int]:
    """`run(paths, out, fmt=fmt, workbook=False)` for runs of any size: the tables are written batch by
    batch (`toolkit.spill`), never whole in memory, into the same files, all or nothing. Returns the
    run's summary (`Result.summary`) instead of the tables."""
    check_format(fmt)
    from toolkit.spill import write_streamed

    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    inputs = find_inputs(paths)
    ids = doc_ids_for(inputs.files)
    if len(set(ids)) < len(ids):  # a file named like another's numbered id (a~2.txt): the tables in memory
        result = run(paths, out, jobs, max_bytes, False, progress, engine, scheduler, fmt, workbook=False)
        return result.summary()
    # in doc_id order, the order of every table: batches of documents are then slices of the tables
    order = sorted(range(len(ids)), key=ids.__getitem__)
    files, ids = [str(inputs.files[i]) for i in order], [ids[i] for i in order]
    inputs.files = []  # paths as plain strings from here: worker processes start with a copy of this one
    del order
    with long_lived_set_aside(), staged_outputs(out) as stage:
        outputs = map_documents(
            files, ids, jobs=jobs, max_bytes=max_bytes, keep_docs=False, engine=engine, scheduler=scheduler
        )
        if progress is not None:
            outputs = progress(outputs, total=len(ids))
        del files, ids  # the engine keeps them, compactly
        return write_streamed(outputs, inputs.findings, stage, fmt)
