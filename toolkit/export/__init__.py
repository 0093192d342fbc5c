"""Writing the tables: CSV files and the Excel workbook, atomically and safely."""

from toolkit.export.csv import write_csvs
from toolkit.export.safety import atomic_path, safe_cell
from toolkit.export.workbook import write_workbook

__all__ = ["atomic_path", "safe_cell", "write_csvs", "write_workbook"]
