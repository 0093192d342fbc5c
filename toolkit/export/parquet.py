"""Parquet files of the tables (pyarrow): for large runs and data tools, next to or instead of CSV.

Same columns as the CSV files (the contract's first, in order), typed as validated; values are
written as they are (formula protection is for spreadsheets, which do not open Parquet).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.export.safety import atomic_path
from toolkit.schemas import in_contract_order


def write_parquet(df: pd.DataFrame, table: str, out_dir: str | Path) -> Path:
    """Write one table as `<table>.parquet`, atomically."""
    target = Path(out_dir) / f"{table}.parquet"
    arrow = pa.Table.from_pandas(in_contract_order(df, table), preserve_index=False)
    with atomic_path(target) as tmp:
        pq.write_table(arrow, tmp, compression="zstd")
    return target


def write_parquets(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    return [write_parquet(df, name, out_dir) for name, df in tables.items()]


class ParquetStream(contextlib.AbstractContextManager):
    """One table's Parquet file written a batch of rows at a time (a row group each), atomically."""

    def __init__(self, table: str, out_dir: str | Path) -> None:
        self.table = table
        self.path = Path(out_dir) / f"{table}.parquet"
        self._files = contextlib.ExitStack()
        self._tmp = self._files.enter_context(atomic_path(self.path))
        self._writer: pq.ParquetWriter | None = None

    def write(self, df: pd.DataFrame) -> None:
        ordered = in_contract_order(df, self.table)
        if self._writer is None:
            arrow = pa.Table.from_pandas(ordered, preserve_index=False)
            self._writer = pq.ParquetWriter(self._tmp, arrow.schema, compression="zstd")
        else:  # every batch with the first one's column types
            arrow = pa.Table.from_pandas(ordered, schema=self._writer.schema, preserve_index=False)
        self._writer.write_table(arrow)

    def __exit__(self, *exc) -> bool | None:
        if self._writer is not None:
            self._writer.close()  # before the rename the exit stack does
        return self._files.__exit__(*exc)
