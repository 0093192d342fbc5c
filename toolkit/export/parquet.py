"""Parquet files of the tables (pyarrow): for large runs and data tools, next to or instead of CSV.

Same columns as the CSV files (the contract's first, in order), typed as validated; values are
written as they are (formula protection is for spreadsheets, which do not open Parquet).
"""

from __future__ import annotations

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
