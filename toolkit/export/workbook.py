"""The Excel workbook for staff: `report.xlsx`.

Sheets, in order: Read me, Provinces (with a native bar chart), Metrics, People,
Roster, Data quality, Sources, Indicators, Checks, and Charts when the notebooks
saved PNG figures beside the workbook (`figures/*.png`). Every table is an Excel
table streamed through openpyxl's write-only mode, so memory stays bounded; a
table longer than a sheet continues on `Name (2)`, never cut. The file is
written to a temporary name and renamed, so a crash leaves the previous one whole.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from toolkit import catalogues
from toolkit.export.formats import table_columns
from toolkit.export.safety import atomic_path, excel_text
from toolkit.export.sheets import EXCEL_MAX_ROWS, TableRange, fit_to_page_width, text_height, write_table
from toolkit.quality import province_summary
from toolkit.schemas import TABLES, empty_frame

# Light fill and dark text per severity, as Excel's own "good/neutral/bad" styles.
SEVERITY_COLOURS = {
    "error": ("FFC7CE", "9C0006"),
    "warning": ("FFEB9C", "9C5700"),
    "info": ("DDEBF7", "1F4E78"),
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SCORE_SCALE = ("F8696B", "FFEB84", "63BE7B")  # red, yellow, green for 0, 0.5, 1
FIGURE_MAX_WIDTH_PX = 960
PX_TO_POINTS = 0.75
SPACER_ROW_POINTS = 15.0


@dataclass(frozen=True)
class SheetPart:
    """One sheet of the workbook holding (part of) one table."""

    title: str
    table: str  # key in columns.csv
    frame: pd.DataFrame
    notes: tuple[str, ...] = ()


@cache
def _wording() -> dict:
    with (resources.files("toolkit") / "data" / "export" / "readme.toml").open("rb") as fh:
        return tomllib.load(fh)


def write_workbook(
    tables: dict[str, pd.DataFrame],
    path: str | os.PathLike,
    *,
    max_rows: int = EXCEL_MAX_ROWS,
    figures_dir: str | os.PathLike | None = None,
    made_at: dt.datetime | None = None,
) -> Path:
    """Write the staff workbook for the run's tables to `path`, atomically.

    `max_rows` is the rows a sheet may hold, heading included (Excel's limit by
    default); `figures_dir` holds the PNGs for the Charts sheet (default: the
    `figures` folder beside the workbook).
    """
    if max_rows < 2:
        raise ValueError("max_rows must leave room for a heading and one row")
    path = Path(path)
    tables = {name: tables.get(name, empty_frame(name)) for name in TABLES}
    figures = sorted(Path(figures_dir or path.parent / "figures").glob("*.png"))
    parts = plan_sheets(tables, max_rows)
    titles = ["Read me", *(p.title for p in parts)] + (["Charts"] if figures else [])

    wb = Workbook(write_only=True)
    sheets = {title: wb.create_sheet(title) for title in titles}
    for part in parts:
        where = write_table(
            sheets[part.title],
            part.frame,
            table_columns(part.table, part.frame),
            _table_name(part.title),
            part.notes,
        )
        _decorate(sheets[part.title], part, where)
    _write_readme(sheets["Read me"], tables, parts, titles, made_at or dt.datetime.now(dt.UTC))
    if figures:
        _write_charts(sheets["Charts"], figures)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def plan_sheets(tables: dict[str, pd.DataFrame], max_rows: int = EXCEL_MAX_ROWS) -> list[SheetPart]:
    """The table sheets in order, a table too long for one sheet split over several."""
    docs, metrics, people, quality = (tables[k] for k in ("documents", "metrics", "people", "quality"))
    wholes = [
        ("Provinces", "provinces", province_summary(docs, metrics, people, quality)),
        ("Metrics", "metrics", metrics),
        ("People", "people", people),
        ("Roster", "roster", tables["roster"]),
        ("Data quality", "quality", _most_serious_first(quality)),
        ("Sources", "documents", docs),
        (
            "Indicators",
            "indicators",
            _with_counts(catalogues.indicators(), "key", metrics.get("indicator"), "n_figures"),
        ),
        ("Checks", "checks", _checks(quality)),
    ]
    return [part for title, table, df in wholes for part in _split(title, table, df, max_rows - 1)]


def _split(title: str, table: str, df: pd.DataFrame, per_sheet: int) -> list[SheetPart]:
    n_parts = max(1, math.ceil(len(df) / per_sheet))
    if n_parts == 1:
        return [SheetPart(title, table, df)]
    names = [title] + [f"{title} ({k})" for k in range(2, n_parts + 1)]
    out = []
    for k, name in enumerate(names):
        first, last = k * per_sheet, min(len(df), (k + 1) * per_sheet)
        notes = [f"Rows {first + 1:,} to {last:,} of {len(df):,}."]
        if k + 1 < n_parts:
            notes.append(f"The table continues on sheet '{names[k + 1]}'.")
        if k > 0:
            notes.append(f"It starts on sheet '{title}'.")
        out.append(SheetPart(name, table, df.iloc[first:last], tuple(notes)))
    return out


def _table_name(title: str) -> str:
    """An Excel table name from a sheet title: letters and digits only (Data quality (2) -> DataQuality2)."""
    words = "".join(ch if ch.isalnum() else " " for ch in title).split()
    return "".join(w[:1].upper() + w[1:] for w in words) or "Table"


def _most_serious_first(quality: pd.DataFrame) -> pd.DataFrame:
    if not len(quality):
        return quality
    rank = quality["severity"].map(SEVERITY_ORDER).fillna(len(SEVERITY_ORDER))
    return quality.iloc[rank.argsort(kind="stable")]


def _with_counts(catalogue: pd.DataFrame, key: str, used: pd.Series | None, column: str) -> pd.DataFrame:
    counts = used.value_counts() if used is not None else pd.Series(dtype=int)
    out = catalogue.copy()
    out[column] = out[key].map(counts).fillna(0).astype(int)
    return out


def _checks(quality: pd.DataFrame) -> pd.DataFrame:
    """The checks catalogue with this run's counts; a check the catalogue lacks is listed too."""
    out = _with_counts(catalogues.checks(), "check", quality.get("check"), "n_findings")
    missing = quality[~quality["check"].isin(out["check"])] if len(quality) else quality
    if len(missing):
        extra = (
            missing.groupby("check")
            .agg(severity=("severity", "first"), n_findings=("check", "size"))
            .reset_index()
        )
        out = pd.concat([out, extra], ignore_index=True).fillna("")
    return out


# --- colours and charts on the table sheets ---------------------------------------------------


def _fill(colour: str, text: str | None = None) -> DifferentialStyle:
    return DifferentialStyle(fill=PatternFill(bgColor=colour), font=Font(color=text) if text else None)


def _severity_rows(ws, where: TableRange, column: str) -> None:
    """Each row coloured by its severity (red error, amber warning, blue info)."""
    letter = where.letter(column)
    for severity, (fill, text) in SEVERITY_COLOURS.items():
        rule = FormulaRule(formula=[f'${letter}2="{severity}"'])
        rule.dxf = _fill(fill, text)
        ws.conditional_formatting.add(where.data_range(), rule)


def _severity_cells(ws, where: TableRange, column: str) -> None:
    for severity, (fill, text) in SEVERITY_COLOURS.items():
        rule = CellIsRule(operator="equal", formula=[f'"{severity}"'])
        rule.dxf = _fill(fill, text)
        ws.conditional_formatting.add(where.data_range(column), rule)


def _score_scale(ws, where: TableRange) -> None:
    if "quality_score" in [c.name for c in where.columns]:
        low, mid, high = SCORE_SCALE
        rule = ColorScaleRule(
            start_type="num",
            start_value=0,
            start_color=low,
            mid_type="num",
            mid_value=0.5,
            mid_color=mid,
            end_type="num",
            end_value=1,
            end_color=high,
        )
        ws.conditional_formatting.add(where.data_range("quality_score"), rule)


def _decorate(ws, part: SheetPart, where: TableRange) -> None:
    """Colours per sheet, and the chart of the Provinces sheet."""
    if part.table == "provinces":
        for column, severity in (("errors", "error"), ("warnings", "warning")):
            rule = CellIsRule(operator="greaterThan", formula=["0"])
            rule.dxf = _fill(*SEVERITY_COLOURS[severity])
            ws.conditional_formatting.add(where.data_range(column), rule)
        _score_scale(ws, where)
        if len(part.frame):
            _province_charts(ws, part.frame, where)
    elif part.table == "quality":
        _severity_rows(ws, where, "severity")
    elif part.table == "documents":
        rule = FormulaRule(formula=[f'${where.letter("status")}2="rejected"'])
        rule.dxf = _fill(*SEVERITY_COLOURS["error"])
        ws.conditional_formatting.add(where.data_range(), rule)
        _score_scale(ws, where)
    elif part.table == "checks":
        _severity_cells(ws, where, "severity")


def _bar_chart(title: str, axis_title: str, n_rows: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: province names stay readable
    chart.style = 10
    chart.title = title
    chart.x_axis.title = None
    chart.y_axis.title = axis_title
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first province on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = 18
    chart.height = max(7.5, 0.7 * n_rows + 3)
    return chart


def _province_charts(ws, df: pd.DataFrame, where: TableRange) -> None:
    """A native bar chart of figures and people per province; another of the quality score when scored."""
    n = len(df)
    cats = Reference(ws, min_col=1, min_row=2, max_row=n + 1)
    chart = _bar_chart("Figures and people per province", "count", n)
    for name in ("figures", "people"):
        col = [c.name for c in where.columns].index(name) + 1
        chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=n + 1), titles_from_data=True)
    chart.set_categories(cats)
    anchor_col = len(where.columns) + 2
    ws.add_chart(chart, f"{get_column_letter(anchor_col)}2")
    if "quality_score" in df.columns:
        col = [c.name for c in where.columns].index("quality_score") + 1
        score = _bar_chart("Quality score per province", "score (100% = no problems found)", n)
        score.add_data(Reference(ws, min_col=col, min_row=1, max_row=n + 1), titles_from_data=True)
        score.set_categories(cats)
        score.y_axis.scaling.min, score.y_axis.scaling.max = 0, 1
        score.legend = None
        rows_down = math.ceil(chart.height / 0.53) + 3  # chart height in cm over a 15-point row
        ws.add_chart(score, f"{get_column_letter(anchor_col)}{rows_down}")


# --- Read me and Charts ---------------------------------------------------------------------


def _text_cell(ws, text: str, bold: bool = False, size: float | None = None, wrap: bool = True) -> Cell:
    cell = Cell(ws, 1, 1)
    cell._value, cell.data_type = excel_text(text), "s"
    cell.font = Font(bold=bold, size=size)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")
    return cell


def _source_folder(documents: pd.DataFrame) -> str:
    parents = sorted({str(Path(p).parent) for p in documents.get("path", [])})
    if not parents:
        return "no folder"
    try:
        return os.path.commonpath(parents)
    except ValueError:  # absolute and relative paths together
        return "several folders"


def readme_facts(tables: dict[str, pd.DataFrame], made_at: dt.datetime) -> dict[str, object]:
    """The numbers the Read me states about the run."""
    docs, quality = tables["documents"], tables["quality"]
    severity = quality["severity"].value_counts() if len(quality) else pd.Series(dtype=int)
    n_read = int((docs["status"] == "ok").sum()) if len(docs) else 0
    return {
        "made": made_at.strftime("%d %B %Y at %H:%M UTC"),
        "n_files": f"{len(docs):,}",
        "folder": _source_folder(docs),
        "n_read": f"{n_read:,}",
        "n_rejected": f"{len(docs) - n_read:,}",
        "n_figures": f"{len(tables['metrics']):,}",
        "n_people": f"{len(tables['people']):,}",
        "n_roster": f"{len(tables['roster']):,}",
        "n_findings": f"{len(quality):,}",
        "n_errors": f"{int(severity.get('error', 0)):,}",
        "n_warnings": f"{int(severity.get('warning', 0)):,}",
    }


README_WIDTHS = (24, 110)


def _write_readme(ws, tables, parts: list[SheetPart], titles: list[str], made_at: dt.datetime) -> None:
    words = _wording()
    facts = readme_facts(tables, made_at)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = README_WIDTHS
    ws.sheet_view.showGridLines = False
    fit_to_page_width(ws)
    row = 0

    def put(label: str = "", text: str = "", first: Cell | None = None, second: Cell | None = None) -> None:
        """One line: a bold label (or a given cell) and wrapped text (or a given cell), sized to fit."""
        nonlocal row
        row += 1
        if text:
            ws.row_dimensions[row].height = text_height(text, README_WIDTHS[1])
        ws.append(
            [
                first or (_text_cell(ws, label, bold=True) if label else None),
                second or (_text_cell(ws, text) if text else None),
            ]
        )

    def section(label: str, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            put(label if i == 0 else "", line)
        put()

    put(first=_text_cell(ws, words["title"], bold=True, size=16, wrap=False))
    put()
    section("What this is", words["intro"])
    section("Made", [words["made"].format(**facts), words["counts"].format(**facts)])
    section("How to read it", words["how_to_read"])
    split: dict[str, list[str]] = {}
    for part in parts:
        if part.notes:
            split.setdefault(part.title.split(" (")[0], []).append(part.title)
    if split:
        section(
            "Long tables",
            [
                words["split"].format(table=name, sheets=", ".join(f"'{t}'" for t in sheets[1:]))
                for name, sheets in split.items()
            ],
        )
    put("Sheets")
    for title in titles:
        link = _text_cell(ws, title)
        link.hyperlink = Hyperlink(ref="", location=f"'{title}'!A1", tooltip=f"Go to {title}")
        link.font = Font(color="0563C1", underline="single")
        put(text=words["sheets"].get(title.split(" (")[0], ""), first=link)
    put()
    has_score = any("quality_score" in p.frame.columns for p in parts)
    colours = [(k, v) for k, v in words["colours"].items() if k != "score" or has_score]
    for i, (key, line) in enumerate(colours):
        sample = _text_cell(ws, line)
        if key in SEVERITY_COLOURS:
            fill, text = SEVERITY_COLOURS[key]
            sample.fill = PatternFill(fill_type="solid", start_color=fill, end_color=fill)
            sample.font = Font(color=text)
        put("Colours" if i == 0 else "", line, second=sample)


def _write_charts(ws, figures: list[Path]) -> None:
    """Each PNG under its file name, one below the other; a file that cannot be read is named, not fatal."""
    ws.column_dimensions["A"].width = 4
    fit_to_page_width(ws)
    ws.append(
        [_text_cell(ws, "Charts drawn by the notebooks from these tables", bold=True, size=14, wrap=False)]
    )
    row = 2
    for png in figures:
        ws.append([])
        ws.append([None, _text_cell(ws, png.stem.replace("_", " ").capitalize(), bold=True, wrap=False)])
        row += 2
        try:
            image = Image(str(png))
        except Exception as err:  # a broken PNG must not stop the workbook
            ws.append(
                [
                    None,
                    _text_cell(ws, f"{png.name} could not be read ({err.__class__.__name__}).", wrap=False),
                ]
            )
            row += 1
            continue
        if image.width > FIGURE_MAX_WIDTH_PX:
            scale = FIGURE_MAX_WIDTH_PX / image.width
            image.width, image.height = FIGURE_MAX_WIDTH_PX, int(image.height * scale)
        ws.add_image(image, f"B{row + 1}")
        # rows of a set height under the picture, so the next one starts below it in any program
        rows = math.ceil(image.height * PX_TO_POINTS / SPACER_ROW_POINTS) + 1
        for k in range(rows):
            ws.row_dimensions[row + 1 + k].height = SPACER_ROW_POINTS
            ws.append([])
        row += rows
