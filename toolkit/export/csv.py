"""CSV files of the output contract: UTF-8 with BOM, comma separated, one header row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.export.safety import atomic_path, safe_frame
from toolkit.schemas import columns


def write_csv(df: pd.DataFrame, table: str, out_dir: str | Path) -> Path:
    """Write one table with exactly the contract's columns, atomically."""
    target = Path(out_dir) / f"{table}.csv"
    contract = columns(table)
    extra = [c for c in df.columns if c not in contract]
    with atomic_path(target) as tmp:
        # CRLF line ends (RFC 4180, as Excel writes): a field holding a carriage return or a line
        # feed is then quoted; with "\n" alone a bare "\r" in a quote would break the row
        safe_frame(df[contract + extra]).to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return target


def write_csvs(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    return [write_csv(df, name, out_dir) for name, df in tables.items()]
