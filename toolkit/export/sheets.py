"""One table as one Excel table on a write-only (streaming) sheet.

Rows are streamed to disk as they are written, so memory stays bounded however
big the table; every sheet still gets an Excel table with a styled heading,
filters, frozen heading row and first column, fitted widths, number formats,
clickable links and notes on the headings. Styles are built once per sheet and
copied onto cells, which keeps writing fast.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
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
LINE_HEIGHT, MAX_ROW_HEIGHT = 15.0, 409.0  # points; Excel's tallest row is 409
WIDTH_SAMPLE_ROWS = 2_000
# Links Excel refuses are shown as text only.
MAX_LINK_CHARS = 2_000
LINK_SCHEMES = ("http://", "https://")

NUMERIC_KINDS = ("integer", "offset", "number", "value", "share")

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


class StyleBook:
    """The styles of one sheet, each built once and shared by its cells."""

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
            # top-aligned everywhere, so a row with a wrapped quote still reads as one line;
            # text indented a little so it does not touch the number before it
            cell.alignment = Alignment(wrap_text=wrap, vertical="top", indent=0 if fmt else 1)
            if link:
                cell.font = Font(color=LINK_COLOUR, underline="single")
            cell.quotePrefix = quote
            self._styles[key] = cell._style
        return self._styles[key]

    def header(self, column: Column) -> Cell:
        cell = Cell(self.ws, 1, 1)
        cell._value, cell.data_type = column.header, "s"
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        numeric = column.kind in NUMERIC_KINDS  # headings sit on the side their numbers do
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="right" if numeric else None)
        cell.comment = Comment(column.note, "toolkit", width=320, height=110)
        return cell


class _StyledCell(Cell):
    """A cell whose style never changes once made: its style's index is looked up once, not per write."""

    __slots__ = ("_style_id",)

    def __init__(self, ws, style: StyleArray) -> None:
        super().__init__(ws, 1, 1, style_array=style)
        self._style_id = ws.parent._cell_styles.add(self._style)

    @property
    def style_id(self) -> int:
        return self._style_id

    @property
    def has_style(self) -> bool:
        return True


class ColumnCells:
    """The cells of one column.

    A write-only sheet writes each row before the next one is made, so a column
    reuses one cell per style instead of making an object per value (the
    largest cost of writing big tables).
    """

    def __init__(self, styles: StyleBook) -> None:
        self.styles = styles
        self._cells: dict[tuple, Cell] = {}

    def _cell(
        self, fmt: str | None = None, wrap: bool = False, quote: bool = False, link: bool = False
    ) -> Cell:
        key = (fmt, wrap, quote, link)
        cell = self._cells.get(key)
        if cell is None:
            cell = _StyledCell(self.styles.ws, self.styles.style(*key))
            self._cells[key] = cell
        return cell

    def number(self, value: float, fmt: str) -> Cell:
        cell = self._cell(fmt)
        cell._value, cell.data_type = value, "n"
        return cell

    def date(self, value: dt.date, fmt: str) -> Cell:
        cell = self._cell(fmt)
        cell._value, cell.data_type = value, "d"
        return cell

    def text(self, value: object, wrap: bool = False) -> Cell | None:
        """Text as an inert text cell: stored as text, never as a formula; quote-prefixed when it looks like one."""
        if _missing(value):
            return None
        text = excel_text(str(value))
        if not text:
            return None
        cell = self._cell(wrap=wrap, quote=needs_quote_prefix(text))
        cell._value, cell.data_type = text, "s"
        return cell

    def link(self, value: object) -> Cell | None:
        url = str(value or "").strip()
        if not url.lower().startswith(LINK_SCHEMES) or len(url) > MAX_LINK_CHARS:
            return self.text(value)
        cell = self._cell(link=True)
        cell._value, cell.data_type = excel_text(url), "s"
        cell.hyperlink = Hyperlink(ref="", target=url, tooltip="Open the article")
        return cell


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _converter(kind: str, cells: ColumnCells, unit_at: int | None) -> Converter:
    """The function turning a value of this kind (and its row, for the unit) into a cell."""

    def value(v, row):
        if _missing(v):
            return None
        v = float(v)
        unit = str(row[unit_at]) if unit_at is not None else ""
        return cells.number(v, value_format(unit, v.is_integer()))

    def date(v, row):
        parsed = to_date(v) if isinstance(v, str) else None
        return cells.text(v) if parsed is None else cells.date(*parsed)

    def numeric(cast, fmt):
        def convert(v, row):
            if _missing(v):
                return None
            v = cast(v)
            return cells.number(v, fmt if isinstance(fmt, str) else fmt(v))

        return convert

    by_kind: dict[str, Converter] = {
        "integer": numeric(int, INTEGER_FORMAT),
        "offset": numeric(int, "0"),  # character offsets: no thousands separators wanted
        "number": numeric(float, number_format),
        "share": numeric(float, SHARE_FORMAT),
        "value": value,
        "date": date,
        "link": lambda v, row: cells.link(v),
        "long_text": lambda v, row: cells.text(v, wrap=True),
    }
    return by_kind.get(kind, lambda v, row: cells.text(v))


def converters(styles: StyleBook, columns: list[Column]) -> list[Converter]:
    """One function per column turning a value into a cell."""
    names = [c.name for c in columns]
    unit_at = names.index("unit") if "unit" in names else None
    return [_converter(c.kind, ColumnCells(styles), unit_at) for c in columns]


def fit_widths(ws, df: pd.DataFrame, columns: list[Column]) -> list[float]:
    """Column widths from the heading and a sample of the content, within limits."""
    sample = df.head(WIDTH_SAMPLE_ROWS)
    widths = []
    for i, col in enumerate(columns, 1):
        longest_word = max((len(w) for w in col.header.split()), default=0)
        values = sample[col.name]
        if col.kind in NUMERIC_KINDS:
            numbers = pd.to_numeric(values, errors="coerce").dropna().abs()
            digits = len(f"{numbers.max():,.2f}") if len(numbers) else 0
            content = digits + (8 if col.kind == "value" else 1)
        else:
            content = int(values.astype(str).str.len().quantile(0.9)) if len(values) else 0
        limit = LONG_TEXT_WIDTH if col.kind == "long_text" else MAX_WIDTH
        widths.append(max(MIN_WIDTH, longest_word + 3, min(limit, content + 2)))
        ws.column_dimensions[get_column_letter(i)].width = widths[-1]
    return widths


def text_height(text: object, width: float) -> float:
    """Points of height that wrapped text needs in a column `width` characters wide.

    Spreadsheets do not size rows to wrapped text when they open a file, so the
    height is set; a line of Calibri 11 is 15 points and fits about 1.05
    characters per unit of width (fewer with the fonts LibreOffice substitutes).
    """
    if not isinstance(text, str) or not text:
        return LINE_HEIGHT
    per_line = max(1.0, width * 1.05)
    lines = sum(math.ceil(max(1, len(part)) / per_line) for part in text.split("\n"))
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)


def row_heights(df: pd.DataFrame, wrapped: list[tuple[str, float]]) -> list[float]:
    """Each row's height: `text_height` of its tallest wrapped cell (columns and widths in
    `wrapped`), reckoned a column at a time; only texts that break lines are measured one by one."""
    lines = np.ones(len(df))
    for name, width in wrapped:
        per_line = max(1.0, width * 1.05)
        texts = df[name]
        if isinstance(texts.dtype, pd.StringDtype):
            is_text = texts.notna().to_numpy(bool)
        else:
            is_text = texts.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False).to_numpy(bool)
        length = texts.where(is_text).str.len().to_numpy(float, na_value=0.0)
        here = np.maximum(1.0, np.ceil(length / per_line))
        for i in np.flatnonzero(
            is_text & texts.str.contains("\n", regex=False).to_numpy(bool, na_value=False)
        ):
            here[i] = text_height(texts.iat[i], width) / LINE_HEIGHT
        lines = np.maximum(lines, here)
    return np.minimum(MAX_ROW_HEIGHT, LINE_HEIGHT * lines).tolist()


def _place_cells(ws) -> None:
    """Make `ws.append` place prepared cells directly.

    openpyxl's write-only append first tries every value as a plain value and
    formats an error message for each prepared (styled) cell before using it;
    with hundreds of thousands of cells that doubles the time. Text reaching
    here is already made inert and clean (see CellFactory.text), so it is bound
    as text without openpyxl's formula guess.
    """
    plain = Cell(ws, 1, 1)

    def values_to_row(values, row_idx):
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            elif isinstance(value, str):
                cell = plain
                cell._value, cell.data_type = value, "s"
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = plain
                cell._value, cell.data_type = value, "n"
            else:
                cell = plain
                cell.value = value
            cell.column, cell.row = col_idx, row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell

    ws._values_to_row = values_to_row


def fit_to_page_width(ws) -> None:
    """Printed (or saved as PDF) landscape, every column on the page, the heading repeated on each page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_table(
    ws, df: pd.DataFrame, columns: list[Column], display_name: str, notes: Iterable[str] = ()
) -> TableRange:
    """Stream `df` onto the empty write-only sheet `ws` as one Excel table; `notes` go right of the heading."""
    styles = StyleBook(ws)
    _place_cells(ws)
    widths = fit_widths(ws, df, columns)
    ws.freeze_panes = "B2"
    fit_to_page_width(ws)
    ws.print_title_rows = "1:1"
    # headings wrap within their column: as tall as the longest needs (bold letters are wider)
    ws.row_dimensions[1].height = (
        max(text_height(c.header, w * 0.85) for c, w in zip(columns, widths, strict=True)) + 6
    )
    note_cells = []
    for note in notes:
        cell = Cell(ws, 1, 1)
        cell._value, cell.data_type = note, "s"
        cell.font = Font(bold=True, color="9C0006")
        note_cells.append(cell)
    ws.append([styles.header(c) for c in columns] + ([None] + note_cells if note_cells else []))
    convs = converters(styles, columns)
    wrapped = [(c.name, widths[i]) for i, c in enumerate(columns) if c.kind == "long_text"]
    heights = row_heights(df, wrapped)
    rows = ws.row_dimensions
    tall: dict[float, RowDimension] = {}  # one per height: the writer reads a row's height, not its index
    n = 0
    # a column at a time to Python values: pandas would box every Arrow text value one by one
    for row, height in zip(zip(*(df[c.name].tolist() for c in columns), strict=True), heights, strict=True):
        n += 1
        if height > LINE_HEIGHT:
            rows[n + 1] = tall.get(height) or tall.setdefault(height, RowDimension(ws, ht=height))
        ws.append([conv(v, row) for conv, v in zip(convs, row, strict=True)])
        rows.pop(n + 1, None)  # written: keep memory bounded on long tables
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
