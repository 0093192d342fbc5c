"""The Python entry for notebooks and scripts: `toolkit.run(paths) -> Result`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from toolkit.corpus import DEFAULT_MAX_BYTES, doc_ids_for, find_inputs
from toolkit.engine import map_documents
from toolkit.export.outputs import write_tables
from toolkit.pipeline import Result, assemble

DEFAULT_INPUT = "data"
DEFAULT_OUTPUT = "exports"


def run(
    paths: str | os.PathLike | Iterable[str | os.PathLike] = DEFAULT_INPUT,
    out: str | os.PathLike | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_docs: bool = True,
    progress=None,
) -> Result:
    """Read every `.txt` under `paths`, extract figures and people, check quality, validate.

    With `out`, also write the CSV files and `report.xlsx` there. `progress` is an
    optional callable wrapping an iterable (e.g. tqdm) for a progress bar.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    inputs = find_inputs(list(paths))
    ids = doc_ids_for(inputs.files)
    outputs = map_documents(inputs.files, ids, jobs=jobs, max_bytes=max_bytes, keep_docs=keep_docs)
    if progress is not None:
        outputs = progress(outputs, total=len(ids))
    result = assemble(list(outputs), inputs.findings)
    if out is not None:
        write_outputs(result, out)
    return result


def write_outputs(result: Result, out: str | os.PathLike) -> list[Path]:
    """The CSV files of the contract and the workbook, all or nothing (see `toolkit.export.outputs`)."""
    return write_tables(result.tables(), out)
