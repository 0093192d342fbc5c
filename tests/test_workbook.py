"""The staff workbook and the CSV files: sheets, tables, formats, links, chart, pictures, safety, size."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart
from PIL import Image as PILImage

from toolkit.export import sheets, write_csvs, write_workbook
from toolkit.export import workbook as workbook_module
from toolkit.export.safety import EXCEL_MAX_CELL_CHARS, safe_cell, safe_frame
from toolkit.schemas import columns, frame

SHEETS = [
    "Read me",
    "Provinces",
    "Metrics",
    "People",
    "Roster",
    "Data quality",
    "Sources",
    "Indicators",
    "Checks",
]
TABLE_SHEETS = SHEETS[1:]
INJECTIONS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tTAB", "\rCR"]
MADE = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)


# --- small hand-made tables ---------------------------------------------------------------------


def _metric(i: int, **fields) -> dict:
    row = {
        "metric_id": f"d1:m{i}",
        "doc_id": "d1",
        "story_id": "d1",
        "province": "Cao Bằng",
        "scope": "provincial",
        "indicator": "other",
        "label": "things",
        "value": 1.0,
        "unit": "count",
        "qualifier": "exact",
        "language": "es",
        "raw": "1",
        "quote": "One thing.",
        "start": 0,
        "end": 1,
    }
    return row | fields


def make_tables(n_metrics: int = 0, **overrides) -> dict[str, pd.DataFrame]:
    """Five tables as a run gives them: two documents, figures of several units, a person, findings."""
    documents = [
        {
            "doc_id": "d1",
            "path": "in/d1.txt",
            "status": "ok",
            "language": "es",
            "title": "A title",
            "source_url": "https://example.org/article-1",
            "published": "2025-07-02",
            "province": "Cao Bằng",
            "scope": "provincial",
            "story_id": "d1",
            "n_chars": 1234,
            "n_paragraphs": 5,
        },
        {
            "doc_id": "d2",
            "path": "in/d2.txt",
            "status": "rejected",
            "error": "The file is empty.",
            "published": "2025-10",
        },
    ]
    metrics = [
        _metric(1, indicator="task_completion_pct", value=58.46, unit="percent", raw="58,46 %"),
        _metric(2, indicator="disaster_damage", value=4_267_000_000_000.0, unit="VND", raw="4 267 milliards"),
        _metric(3, value=-5.0, raw="-5"),
        _metric(4, value=21000.0, qualifier="more_than", raw="21.000"),
        *(_metric(10 + i, label=text, quote=text) for i, text in enumerate(INJECTIONS)),
        *(_metric(100 + i) for i in range(n_metrics)),
    ]
    people = [
        {
            "person_id": "p1",
            "doc_id": "d1",
            "story_id": "d1",
            "name": "Nguyễn Văn A",
            "role": "Chairman",
            "role_keys": "provincial_chair",
            "level": "provincial",
            "province": "Cao Bằng",
            "language": "es",
            "quote": "Said the chairman.",
            "start": 3,
            "end": 15,
        }
    ]
    roster = [
        {
            "person_id": "p1",
            "name": "Nguyễn Văn A",
            "level": "provincial",
            "province": "Cao Bằng",
            "role_keys": "provincial_chair",
            "roles": "Chairman",
            "doc_ids": "d1",
            "n_documents": 1,
        }
    ]
    quality = [
        {
            "finding_id": "q1",
            "check": "file_rejected",
            "severity": "error",
            "doc_id": "d2",
            "detail": "Empty.",
        },
        {
            "finding_id": "q2",
            "check": "repeated_paragraph",
            "severity": "warning",
            "doc_id": "d1",
            "detail": "=1+1",
        },
        {"finding_id": "q3", "check": "a_new_check", "severity": "info", "doc_id": "d1", "detail": "Noted."},
    ]
    tables = {
        "documents": frame("documents", documents),
        "metrics": frame("metrics", metrics),
        "people": frame("people", people),
        "roster": frame("roster", roster),
        "quality": frame("quality", quality),
    }
    return tables | overrides


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return write_workbook(make_tables(), tmp_path_factory.mktemp("wb") / "report.xlsx", made_at=MADE)


@pytest.fixture(scope="module")
def wb(report):
    return openpyxl.load_workbook(report)


def headers(ws) -> list[str]:
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1)) if c.value is not None]


def column_cells(ws, header: str) -> list:
    index = headers(ws).index(header)
    return [row[index] for row in ws.iter_rows(min_row=2)]


def cell_with(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


# --- sheets, tables, headings ------------------------------------------------------------------


def test_sheets_come_in_the_documented_order(wb):
    assert wb.sheetnames == SHEETS


def test_the_seed_run_writes_the_same_sheets(seed_exports):
    assert openpyxl.load_workbook(seed_exports / "report.xlsx").sheetnames == SHEETS


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_each_table_sheet_is_one_excel_table_with_filters_and_frozen_heading_and_first_column(wb, sheet):
    ws = wb[sheet]
    (table,) = ws.tables.values()
    assert table.ref.startswith("A1:")
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert [c.name for c in table.tableColumns] == headers(ws)
    assert ws.freeze_panes == "B2"


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_headings_are_styled(wb, sheet):
    first = wb[sheet]["A1"]
    assert first.font.b and first.fill.fgColor.rgb.endswith("1F4E78")


@pytest.mark.parametrize(
    ("sheet", "friendly", "contract"),
    [
        ("Metrics", "Value", "value"),
        ("Metrics", "Sentence in the article", "quote"),
        ("People", "Name", "name"),
        ("Roster", "Articles naming them", "n_documents"),
        ("Data quality", "What was found", "detail"),
        ("Sources", "Source", "source_url"),
        ("Indicators", "Indicator", "key"),
        ("Checks", "What to do", "what_to_do"),
    ],
)
def test_friendly_headings_keep_the_contract_name_in_their_note(wb, sheet, friendly, contract):
    cell = cell_with(wb[sheet], friendly)
    assert cell.row == 1
    assert f"Column '{contract}'" in cell.comment.text


def test_every_contract_column_appears_on_its_sheet(wb):
    for sheet, table in [
        ("Metrics", "metrics"),
        ("People", "people"),
        ("Roster", "roster"),
        ("Data quality", "quality"),
        ("Sources", "documents"),
    ]:
        notes = " ".join(c.comment.text for c in next(wb[sheet].iter_rows(max_row=1)) if c.comment)
        assert all(f"'{name}'" in notes for name in columns(table)), sheet


def test_column_widths_fit_within_limits(wb):
    widths = [d.width for d in wb["Metrics"].column_dimensions.values() if d.width]
    assert widths and all(8 <= w <= 60 for w in widths)


def test_long_quotes_wrap(wb):
    quotes = column_cells(wb["Metrics"], "Sentence in the article")
    assert all(c.alignment.wrap_text for c in quotes if c.value)


# --- formats --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fmt"),
    [
        (58.46, '#,##0.0#"%"'),  # shown as written: 58.46%
        (4_267_000_000_000, '#,##0 "VND"'),
        (21000, "#,##0"),
        (-5, "#,##0"),
    ],
)
def test_values_carry_thousands_separators_and_their_unit(wb, value, fmt):
    cell = next(c for c in column_cells(wb["Metrics"], "Value") if c.value == value)
    assert cell.number_format == fmt
    assert cell.data_type == "n"


@pytest.mark.parametrize(
    ("header", "expected", "fmt"),
    [("Characters", 1234, "#,##0"), ("Published", dt.datetime(2025, 7, 2), "yyyy-mm-dd")],
)
def test_counts_and_dates_on_sources(wb, header, expected, fmt):
    cell = column_cells(wb["Sources"], header)[0]
    assert (cell.value, cell.number_format) == (expected, fmt)


def test_a_month_is_a_date_shown_as_a_month(wb):
    cell = column_cells(wb["Sources"], "Published")[1]
    assert (cell.value, cell.number_format) == (dt.datetime(2025, 10, 1), "mmm yyyy")


def test_source_links_are_clickable(wb):
    cell = column_cells(wb["Sources"], "Source")[0]
    assert cell.hyperlink.target == "https://example.org/article-1"


def test_the_read_me_links_to_every_sheet(wb):
    ws = wb["Read me"]
    locations = {c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert {f"'{s}'!A1" for s in SHEETS} <= locations


def test_the_read_me_says_when_and_from_what(wb):
    text = " ".join(str(c.value) for row in wb["Read me"].iter_rows() for c in row if c.value)
    assert "02 January 2026 at 03:04 UTC" in text
    assert "2 article files in in (1 read, 1 rejected)" in text
    assert "Red: an error" in text


def test_severity_is_colour_coded(wb):
    rules = wb["Data quality"].conditional_formatting
    formulas = [f for cf in rules for rule in cf.rules for f in rule.formula]
    assert {'$A2="error"', '$A2="warning"', '$A2="info"'} <= set(formulas)


def test_findings_come_most_serious_first(wb):
    assert [c.value for c in column_cells(wb["Data quality"], "Severity")] == ["error", "warning", "info"]


def test_checks_list_the_catalogue_and_checks_it_lacks_with_counts(wb):
    ws = wb["Checks"]
    counts = dict(
        zip(
            [c.value for c in column_cells(ws, "Check")],
            [c.value for c in column_cells(ws, "Findings in this run")],
            strict=True,
        )
    )
    assert counts["file_rejected"] == 1 and counts["a_new_check"] == 1


# --- chart and pictures ---------------------------------------------------------------------------


def test_provinces_have_a_native_bar_chart(wb):
    charts = wb["Provinces"]._charts
    assert charts and isinstance(charts[0], BarChart)


def test_provinces_sum_the_tables(wb):
    ws = wb["Provinces"]
    row = {h: c.value for h, c in zip(headers(ws), next(ws.iter_rows(min_row=2, max_row=2)), strict=False)}
    # the counts come from quality.province_summary; the sheet shows each under its heading
    expected = {"Province": "Cao Bằng", "Articles": 1, "Figures": 10, "People named": 1}
    assert {h: row[h] for h in expected} == expected
    assert {"Errors", "Warnings"} <= set(row)


def test_a_quality_score_shows_as_a_percentage_when_the_tables_have_one(tmp_path, monkeypatch):
    def scored(*tables):
        return pd.DataFrame(
            {
                "province": ["Cao Bằng"],
                "articles": [1],
                "figures": [2],
                "people": [1],
                "errors": [0],
                "warnings": [0],
                "quality_score": [0.75],
            }
        )

    monkeypatch.setattr(workbook_module, "province_summary", scored)
    tables = make_tables()
    tables["documents"]["quality_score"] = [0.75, 0.0]
    wb = openpyxl.load_workbook(write_workbook(tables, tmp_path / "report.xlsx"))
    for sheet in ("Provinces", "Sources"):
        cell = column_cells(wb[sheet], "Quality score")[0]
        assert (cell.value, cell.number_format) == (0.75, "0%")
    assert len(wb["Provinces"]._charts) == 2


def _png(path: Path, size=(300, 200)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, "steelblue").save(path)
    return path


def test_pictures_beside_the_workbook_land_on_a_charts_sheet(tmp_path):
    _png(tmp_path / "figures" / "figures_per_province.png")
    _png(tmp_path / "figures" / "wide.png", size=(2000, 500))
    (tmp_path / "figures" / "broken.png").write_text("not a picture")
    wb = openpyxl.load_workbook(write_workbook(make_tables(), tmp_path / "report.xlsx"))
    assert wb.sheetnames == [*SHEETS, "Charts"]
    images = wb["Charts"]._images
    assert len(images) == 2
    emu_per_px = 9525
    assert max(i.anchor.ext.width for i in images) <= workbook_module.FIGURE_MAX_WIDTH_PX * emu_per_px
    tops = sorted(i.anchor._from.row for i in images)
    assert tops[1] - tops[0] >= 200 * 0.75 / 15  # the second picture starts below the first
    text = " ".join(str(c.value) for row in wb["Charts"].iter_rows() for c in row if c.value)
    assert "broken.png could not be read" in text


def test_no_pictures_no_charts_sheet(wb):
    assert "Charts" not in wb.sheetnames


# --- safety -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_text_arrives_inert_in_the_workbook(wb, text):
    cell = next(c for c in column_cells(wb["Metrics"], "What is counted") if c.value == text)
    assert cell.data_type == "s"
    assert cell.quotePrefix  # Excel keeps it text even when someone edits the cell


def test_no_cell_of_the_workbook_is_a_formula(wb):
    assert not [c.coordinate for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_text_arrives_inert_in_the_csv(tmp_path, text):
    write_csvs(make_tables(), tmp_path)
    with (tmp_path / "metrics.csv").open(encoding="utf-8-sig", newline="") as fh:
        labels = [row["label"] for row in csv.DictReader(fh)]
    assert "'" + text in labels and text not in labels


def test_negative_numbers_stay_numbers(tmp_path, wb):
    values = [c.value for c in column_cells(wb["Metrics"], "Value")]
    assert -5 in values
    write_csvs(make_tables(), tmp_path)
    with (tmp_path / "metrics.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert -5.0 in [float(row["value"]) for row in csv.DictReader(fh)]


@pytest.mark.parametrize("table", ["documents", "metrics", "people", "roster", "quality"])
def test_csv_files_have_a_bom_and_the_contract_columns_first(tmp_path, table):
    write_csvs(make_tables(), tmp_path)
    raw = (tmp_path / f"{table}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[: len(columns(table))] == columns(table)


def test_characters_excel_refuses_are_dropped_and_huge_text_is_cut(tmp_path):
    huge = "x" * (EXCEL_MAX_CELL_CHARS + 10)
    tables = make_tables()
    tables["metrics"].loc[0, "label"] = "bell\x07 and nul\x00"
    tables["metrics"].loc[1, "quote"] = huge
    wb = openpyxl.load_workbook(write_workbook(tables, tmp_path / "report.xlsx"))
    assert column_cells(wb["Metrics"], "What is counted")[0].value == "bell and nul"
    cut = column_cells(wb["Metrics"], "Sentence in the article")[1].value
    assert len(cut) == EXCEL_MAX_CELL_CHARS and cut.endswith("full text]")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_text_arrives_as_the_same_text(tmp_path, text):
    tables = make_tables()
    tables["metrics"].loc[0, "label"] = text
    wb = openpyxl.load_workbook(write_workbook(tables, tmp_path / "report.xlsx"))
    cell = column_cells(wb["Metrics"], "What is counted")[0]
    assert cell.data_type == "s" and cell.value == text


# --- writing ---------------------------------------------------------------------------------


def test_a_failed_write_leaves_the_previous_workbook_whole(tmp_path, monkeypatch):
    path = write_workbook(make_tables(), tmp_path / "report.xlsx")
    before = path.read_bytes()

    real_save = openpyxl.Workbook.save

    def disk_full(self, filename):
        real_save(self, filename)
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", disk_full)
    with pytest.raises(OSError):
        write_workbook(make_tables(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_workbook_open_elsewhere_gives_a_plain_permission_error(tmp_path, monkeypatch):
    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PermissionError) as err:
        write_workbook(make_tables(), tmp_path / "report.xlsx")
    assert "open in another program" in err.value.strerror
    assert "read-only" in err.value.strerror


def test_the_command_line_reports_a_locked_workbook_and_exits_2(tmp_path, monkeypatch, capsys):
    from tests.conftest import DATA
    from toolkit.cli import main

    real_replace = os.replace

    def locked(src, dst):
        if str(dst).endswith(".xlsx"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    assert (
        main(
            ["run", str(DATA / "003_245cf9fd67e58d9d.txt"), "--out", str(tmp_path), "--jobs", "1", "--quiet"]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "report.xlsx could not be written" in err and "Traceback" not in err


# --- large tables ----------------------------------------------------------------------------


def test_a_table_over_the_row_limit_continues_on_more_sheets_never_cut(tmp_path):
    tables = make_tables(n_metrics=5)  # 15 figures
    wb = openpyxl.load_workbook(write_workbook(tables, tmp_path / "report.xlsx", max_rows=7))
    parts = [s for s in wb.sheetnames if s.startswith("Metrics")]
    assert parts == ["Metrics", "Metrics (2)", "Metrics (3)"]
    ids = [c.value for s in parts for c in column_cells(wb[s], "Figure id")]
    assert ids == list(tables["metrics"]["metric_id"])
    assert all(wb[s].max_row <= 7 for s in parts)
    notes = " ".join(str(c.value) for c in next(wb["Metrics"].iter_rows(max_row=1)))
    assert "continues on sheet 'Metrics (2)'" in notes
    assert len({t for s in wb.sheetnames for t in wb[s].tables}) == len(
        [s for s in wb.sheetnames if wb[s].tables]
    )
    readme = " ".join(str(c.value) for row in wb["Read me"].iter_rows() for c in row if c.value)
    assert "continues on 'Metrics (2)', 'Metrics (3)'" in readme


def test_the_default_row_limit_is_excels():
    assert workbook_module.EXCEL_MAX_ROWS == 1_048_576


def test_empty_tables_still_make_valid_tables(tmp_path):
    empty = {name: frame(name, []) for name in ("documents", "metrics", "people", "roster", "quality")}
    wb = openpyxl.load_workbook(write_workbook(empty, tmp_path / "report.xlsx"))
    assert wb.sheetnames == SHEETS
    (table,) = wb["Metrics"].tables.values()
    assert table.ref.endswith("2")


def test_line_breaks_inside_csv_fields_do_not_break_rows(tmp_path):
    tables = make_tables()
    tables["metrics"].loc[0, "quote"] = "one\rtwo\nthree\r\nfour"
    write_csvs(tables, tmp_path)
    back = pd.read_csv(tmp_path / "metrics.csv", encoding="utf-8-sig", keep_default_na=False)
    assert len(back) == len(tables["metrics"])
    assert back.loc[0, "quote"] == "one\rtwo\nthree\r\nfour"


_CELL_TEXT = st.one_of(st.none(), st.text(alphabet="ab \n", max_size=300))


@given(st.lists(st.tuples(_CELL_TEXT, _CELL_TEXT), max_size=20), st.floats(1, 80), st.floats(1, 80))
def test_row_heights_are_the_tallest_wrapped_cell_of_each_row(rows, width_a, width_b):
    df = pd.DataFrame(rows, columns=["a", "b"], dtype="str") if rows else pd.DataFrame(columns=["a", "b"])
    expected = [
        max(sheets.text_height(a, width_a), sheets.text_height(b, width_b))
        for a, b in df.itertuples(index=False)
    ]
    assert sheets.row_heights(df, [("a", width_a), ("b", width_b)]) == expected


def test_row_heights_of_a_column_of_mixed_values_count_only_its_texts():
    df = pd.DataFrame({"a": ["x" * 100, None, 5, "a\nb", float("nan")]}, dtype=object)
    assert sheets.row_heights(df, [("a", 10.0)]) == [sheets.text_height(v, 10.0) for v in df["a"]]
    assert sheets.row_heights(df, [("a", 10.0)]) == [150.0, 15.0, 15.0, 30.0, 15.0]


@given(st.lists(st.one_of(st.none(), st.text(alphabet="=+-@\t\rab '", max_size=6)), max_size=15))
def test_csv_text_columns_are_made_safe_as_each_value_would_be(values):
    column = pd.Series(values, dtype="str")
    made_safe = safe_frame(pd.DataFrame({"text": column, "same": column.astype(object)}))
    expected = column.map(safe_cell)
    pd.testing.assert_series_equal(made_safe["text"], expected, check_names=False, check_dtype=False)
    assert made_safe["text"].dtype == column.dtype

    def texts(col):
        return [v if isinstance(v, str) else None for v in made_safe[col]]

    assert texts("same") == texts("text")
