"""One table as one Excel table on a write-only (streaming) sheet.

Rows are streamed to disk as they are written, so memory stays bounded however
big the table; every sheet still gets an Excel table with a styled heading,
filters, frozen heading row and first column, fitted widths, number formats,
clickable links and notes on the headings. Styles are built once per sheet and
copied onto cells, which keeps writing fast.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from toolkit.export.formats import (
    INTEGER_FORMAT,
    SHARE_FORMAT,
    Column,
    number_format,
    to_date,
    value_format,
)
from toolkit.export.safety import excel_text, needs_quote_prefix

# Excel's rows per sheet, heading row included.
EXCEL_MAX_ROWS = 1_048_576
TABLE_STYLE = "TableStyleMedium2"
HEADER_FILL = "1F4E78"
LINK_COLOUR = "0563C1"
# Width limits, in characters; long text wraps within its column.
MIN_WIDTH, MAX_WIDTH, LONG_TEXT_WIDTH = 8, 40, 60
WIDTH_SAMPLE_ROWS = 2_000
# Links Excel refuses are shown as text only.
MAX_LINK_CHARS = 2_000
LINK_SCHEMES = ("http://", "https://")

Converter = Callable[[object, tuple], object]


@dataclass(frozen=True)
class TableRange:
    """Where a table landed on its sheet, for conditional formats and charts."""

    columns: list[Column]
    last_row: int  # the last row of the table (2 when it has no data rows)

    def letter(self, name: str) -> str:
        return get_column_letter([c.name for c in self.columns].index(name) + 1)

    @property
    def last_letter(self) -> str:
        return get_column_letter(len(self.columns))

    def data_range(self, name: str | None = None) -> str:
        """A1-style range of one column's data, or of every column's."""
        first, last = (self.letter(name),) * 2 if name else ("A", self.last_letter)
        return f"{first}2:{last}{self.last_row}"


class CellFactory:
    """Cells of one write-only sheet with shared style templates."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self._styles: dict[tuple, StyleArray] = {}

    def style(
        self, fmt: str | None = None, wrap: bool = False, quote: bool = False, link: bool = False
    ) -> StyleArray:
        key = (fmt, wrap, quote, link)
        if key not in self._styles:
            cell = Cell(self.ws, 1, 1)
            if fmt:
                cell.number_format = fmt
            if wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if link:
                cell.font = Font(color=LINK_COLOUR, underline="single")
            cell.quotePrefix = quote
            self._styles[key] = cell._style
        return self._styles[key]

    def number(self, value: float, fmt: str) -> Cell:
        cell = Cell(self.ws, 1, 1, style_array=self.style(fmt))
        cell._value, cell.data_type = value, "n"
        return cell

    def text(self, value: object, wrap: bool = False) -> object:
        """Text as an inert text cell; a plain value when it needs no style (the fast path)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        text = excel_text(str(value))
        if not text:
            return None
        quote = needs_quote_prefix(text)
        if not (quote or wrap):
            return text
        cell = Cell(self.ws, 1, 1, style_array=self.style(wrap=wrap, quote=quote))
        cell._value, cell.data_type = text, "s"  # stored as text, never as a formula
        return cell

    def link(self, value: object) -> object:
        url = str(value or "").strip()
        if not url.lower().startswith(LINK_SCHEMES) or len(url) > MAX_LINK_CHARS:
            return self.text(value)
        cell = Cell(self.ws, 1, 1, style_array=self.style(link=True))
        cell._value, cell.data_type = excel_text(url), "s"
        cell.hyperlink = Hyperlink(ref="", target=url, tooltip="Open the article")
        return cell

    def header(self, column: Column) -> Cell:
        cell = Cell(self.ws, 1, 1)
        cell._value, cell.data_type = column.header, "s"
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.comment = Comment(column.note, "toolkit", width=320, height=110)
        return cell


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def converters(cells: CellFactory, columns: list[Column]) -> list[Converter]:
    """One function per column turning a value (and its row, for the unit) into a cell."""
    names = [c.name for c in columns]
    unit_at = names.index("unit") if "unit" in names else None

    def integer(v, row):
        return None if _missing(v) else cells.number(int(v), INTEGER_FORMAT)

    def number(v, row):
        return None if _missing(v) else cells.number(float(v), number_format(float(v)))

    def value(v, row):
        if _missing(v):
            return None
        v = float(v)
        unit = str(row[unit_at]) if unit_at is not None else ""
        return cells.number(v, value_format(unit, v.is_integer()))

    def share(v, row):
        return None if _missing(v) else cells.number(float(v), SHARE_FORMAT)

    def date(v, row):
        parsed = to_date(str(v)) if isinstance(v, str) else None
        if parsed is None:
            return cells.text(v)
        cell = Cell(cells.ws, 1, 1, style_array=cells.style(parsed[1]))
        cell.value = parsed[0]
        return cell

    by_kind: dict[str, Converter] = {
        "integer": integer,
        "number": number,
        "value": value,
        "share": share,
        "date": date,
        "link": lambda v, row: cells.link(v),
        "long_text": lambda v, row: cells.text(v, wrap=True),
    }
    return [by_kind.get(c.kind, lambda v, row: cells.text(v)) for c in columns]


def fit_widths(ws, df: pd.DataFrame, columns: list[Column]) -> None:
    """Column widths from the heading and a sample of the content, within limits."""
    sample = df.head(WIDTH_SAMPLE_ROWS)
    for i, col in enumerate(columns, 1):
        longest_word = max((len(w) for w in col.header.split()), default=0)
        values = sample[col.name]
        if col.kind in ("integer", "number", "value", "share"):
            numbers = pd.to_numeric(values, errors="coerce").dropna().abs()
            digits = len(f"{numbers.max():,.2f}") if len(numbers) else 0
            content = digits + (8 if col.kind == "value" else 1)
        else:
            content = int(values.astype(str).str.len().quantile(0.9)) if len(values) else 0
        limit = LONG_TEXT_WIDTH if col.kind == "long_text" else MAX_WIDTH
        ws.column_dimensions[get_column_letter(i)].width = max(
            MIN_WIDTH, longest_word + 3, min(limit, content + 2)
        )


def write_table(
    ws, df: pd.DataFrame, columns: list[Column], display_name: str, notes: Iterable[str] = ()
) -> TableRange:
    """Stream `df` onto the empty write-only sheet `ws` as one Excel table; `notes` go right of the heading."""
    cells = CellFactory(ws)
    fit_widths(ws, df, columns)
    ws.freeze_panes = "B2"
    ws.row_dimensions[1].height = 32
    note_cells = []
    for note in notes:
        cell = Cell(ws, 1, 1)
        cell._value, cell.data_type = note, "s"
        cell.font = Font(bold=True, color="9C0006")
        note_cells.append(cell)
    ws.append([cells.header(c) for c in columns] + ([None] + note_cells if note_cells else []))
    convs = converters(cells, columns)
    n = 0
    for row in df[[c.name for c in columns]].itertuples(index=False, name=None):
        ws.append([conv(v, row) for conv, v in zip(convs, row, strict=True)])
        n += 1
    if n == 0:  # an Excel table needs a row under its heading
        ws.append([None])
    where = TableRange(columns, last_row=max(n, 1) + 1)
    table = Table(displayName=display_name, ref=f"A1:{where.last_letter}{where.last_row}")
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    # write-only sheets cannot read their headings back: name the table's columns as the heading cells say
    table.tableColumns = [TableColumn(id=i, name=c.header) for i, c in enumerate(columns, 1)]
    table.autoFilter = AutoFilter(ref=table.ref)
    with warnings.catch_warnings():  # the reminder to add table columns by hand: done above
        warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
        ws.add_table(table)
    return where
