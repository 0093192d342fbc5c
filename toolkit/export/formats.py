"""How each column looks in the workbook: friendly heading, kind of cell, number format.

The wording is data (`toolkit/data/export/`): `columns.csv` gives each table's
columns in display order with a friendly heading, a kind and, for columns the
contract does not describe, a description; `units.csv` gives the number format
of each unit of `metrics.value`. The contract's column name stays discoverable
in the heading's note.

Percentages: a percent figure keeps the number the article gives (12.75) and is
shown with a literal per-cent sign (format `#,##0.0#"%"` -> 12.75%), so the cell
holds the same number as metrics.csv; Excel's own `0%` format would need the
value divided by 100 and the two files would disagree. Quality scores (0 to 1)
do use `0%`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

from toolkit.schemas import SCHEMAS

_FOLDER = resources.files("toolkit") / "data" / "export"

# Kinds of column, each written its own way (see toolkit/export/sheets.py).
KINDS = ("text", "long_text", "integer", "offset", "number", "value", "share", "date", "link", "severity")

INTEGER_FORMAT = "#,##0"
# A fractional number shows at least one and at most two decimals (97.9, 12.75).
FRACTION_FORMAT = "#,##0.0#"
# A quality score from 0 to 1 shows as a percentage.
SHARE_FORMAT = "0%"
DAY_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "mmm yyyy"

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_UNIT_WORD = re.compile(r'["\\]')


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its name in the table and CSV, its heading, its kind and its note."""

    name: str
    header: str
    kind: str
    note: str


@cache
def _column_rows() -> dict[str, list[dict[str, str]]]:
    with (_FOLDER / "columns.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_table: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_table.setdefault(row["table"], []).append(row)
    return by_table


def _contract_description(table: str, column: str) -> str:
    schema = SCHEMAS.get(table)
    if schema is None:
        return ""
    col = schema.to_schema().columns.get(column)
    return (col.description or "") if col is not None else ""


def _guess_kind(series: pd.Series) -> str:
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "text"


def table_columns(table: str, df: pd.DataFrame) -> list[Column]:
    """The columns of `df` in display order: catalogued ones first, in catalogue order, then any others."""
    known = {row["column"]: row for row in _column_rows().get(table, [])}
    order = [c for c in known if c in df.columns] + [c for c in df.columns if c not in known]
    out: list[Column] = []
    seen: set[str] = set()
    for name in order:
        row = known.get(name, {})
        description = row.get("description") or _contract_description(table, name)
        csv_name = f"{table}.csv" if table in SCHEMAS else "the table"
        note = f"Column '{name}' in {csv_name}." + (f"\n{description}" if description else "")
        header = row.get("header") or name.replace("_", " ").capitalize()
        if header in seen:  # an Excel table needs distinct headings
            header = f"{header} ({name})"
        seen.add(header)
        out.append(
            Column(
                name=name,
                header=header,
                kind=row.get("kind") or _guess_kind(df[name]),
                note=note,
            )
        )
    return out


@cache
def _unit_templates() -> dict[str, str]:
    with (_FOLDER / "units.csv").open(encoding="utf-8") as fh:
        return {row["unit"]: row["format"] for row in csv.DictReader(fh)}


@cache
def value_format(unit: str, integral: bool) -> str:
    """Excel number format of a figure in `unit`: thousands separators and the unit shown (12.75%, 82,000 VND)."""
    number = INTEGER_FORMAT if integral else FRACTION_FORMAT
    template = _unit_templates().get(unit)
    if template is None:  # another unit word, shown after the number as written
        word = _UNIT_WORD.sub("", unit)[:30].strip()
        template = f'{{n}} "{word}"' if word else "{n}"
    return template.replace("{n}", number)


def number_format(value: float) -> str:
    """Format of a plain number: no decimals when it has none."""
    return INTEGER_FORMAT if float(value).is_integer() else FRACTION_FORMAT


def to_date(text: str) -> tuple[dt.date, str] | None:
    """An ISO day (2025-06-30) or month (2025-06) as a real date and the format to show it with."""
    for pattern, fmt in ((_ISO_DAY, DAY_FORMAT), (_ISO_MONTH, MONTH_FORMAT)):
        match = pattern.match(text)
        if match:
            parts = [int(p) for p in match.groups()] + [1]
            try:
                return dt.date(*parts[:3]), fmt
            except ValueError:  # 2025-02-31: not a date, shown as written
                return None
    return None
