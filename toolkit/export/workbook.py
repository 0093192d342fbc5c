"""The Excel workbook for staff (issue: workbook). Foundation version: one sheet per table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from toolkit.export.safety import atomic_path, safe_cell


def write_workbook(
    tables: dict[str, pd.DataFrame], path: str | Path, *, figures_dir: str | Path | None = None
) -> Path:
    """`figures_dir`: the PNGs for a charts sheet (the workbook issue); the foundation has none."""
    path = Path(path)
    wb = Workbook(write_only=True)
    for name, df in tables.items():
        ws = wb.create_sheet(name.capitalize())
        ws.append(list(df.columns))
        for row in df.itertuples(index=False):
            ws.append([safe_cell(v) for v in row])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path
