"""The fuzz run: `toolkit run` over a hostile folder finishes, loses no file and writes safe tables.

The corpus (tests/fuzz_corpus.py) holds 1 000 files by default, a file over a
lowered size limit included. A larger run: TOOLKIT_FUZZ_FILES=5000
TOOLKIT_FUZZ_BIG_MB=20 (one 20 MB single-line file, read under the default
25 MB limit) python -m pytest tests/test_fuzz.py.
"""

from __future__ import annotations

import csv
import math
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import toolkit
from tests.conftest import ROOT
from tests.fuzz_corpus import build_corpus
from toolkit.export.safety import FORMULA_TRIGGERS
from toolkit.schemas import SCHEMAS

FUZZ_FILES = int(os.environ.get("TOOLKIT_FUZZ_FILES", "1000"))
BIG_MB = float(os.environ.get("TOOLKIT_FUZZ_BIG_MB", "0"))
# Without the big file, a 1.5 MB single line checks the size limit lowered to 1 MB.
LIMIT_MB = None if BIG_MB else 1.0
TABLES = ("documents", "metrics", "people", "roster", "quality")

# What a file of each kind must become: read (ok) or refused with a reason (rejected).
MUST_BE_OK = {
    "truncated_utf8",
    "utf16_le_no_bom",
    "utf16_be_no_bom",
    "utf16_bom",
    "utf8_bom",
    "cp1252",
    "cp1250",
    "mojibake",
    "mixed_encodings",
    "mixed_scripts",
    "nfd",
    "html",
    "control_chars",
    "rtl_marks",
    "zero_width_in_numbers",
    "digits_400",
    "name_50_words",
    "repeated_paragraphs",
    "huge_line",
    "numbers_run",
    "formulas",
    "seed_fragment",
    "seed_shuffled",
    "random_sentences",
    "nul_padded",
    "same_name",
}
ALL_CHROME = "Nothing of the article was left once site chrome was removed."
MUST_BE_REJECTED = {"empty", "blank", "binary", "image_named_txt", "nul_bytes", "broken_link"}


@dataclass
class FuzzRun:
    inputs: Path
    out: Path
    kinds: dict[str, str]
    returncode: int
    stderr: str
    seconds: float


def read_csv(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory) -> FuzzRun:
    root = tmp_path_factory.mktemp("fuzz")
    inputs, out = root / "in", root / "out"
    kinds = build_corpus(inputs, FUZZ_FILES, seed=57, big_mb=BIG_MB or 1.5)
    limit = ["--max-file-mb", str(LIMIT_MB)] if LIMIT_MB else []
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "run", str(inputs), "--out", str(out), "--jobs", "2", *limit],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    print(f"\nfuzz run: {len(kinds)} files in {seconds:.1f} s")
    return FuzzRun(inputs, out, kinds, done.returncode, done.stderr, seconds)


@pytest.fixture(scope="module")
def documents(fuzz) -> dict[str, dict[str, str]]:
    return {row["path"]: row for row in read_csv(fuzz.out, "documents")}


@pytest.fixture(scope="module")
def quality(fuzz) -> list[dict[str, str]]:
    return read_csv(fuzz.out, "quality")


def test_the_run_finishes_with_exit_status_0_and_no_traceback(fuzz):
    assert fuzz.returncode == 0, fuzz.stderr[-3000:]
    assert "Traceback" not in fuzz.stderr
    assert f"of {len(fuzz.kinds)} documents" in fuzz.stderr


def test_every_file_is_one_row(fuzz, documents):
    assert sorted(documents) == sorted(str(fuzz.inputs / name) for name in fuzz.kinds)


def test_the_toolkit_itself_failed_on_no_file(quality):
    failed = [
        (f["doc_id"], f["evidence"]) for f in quality if f["check"] in ("document_failed", "metrics_failed")
    ]
    assert failed == []


def test_every_table_fits_its_schema(fuzz, quality):
    assert [f["detail"] for f in quality if f["check"] == "schema_failure"] == []
    for table in TABLES:  # and the written files still do, read back as text
        numeric = _numeric_columns(table)
        df = pd.read_csv(fuzz.out / f"{table}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        df = df.map(_unquote).astype({c: float if "float" in numeric[c] else int for c in numeric})
        SCHEMAS[table].validate(df, lazy=True)


def _unquote(cell: str) -> str:
    """The CSV cell as the table held it (without the apostrophe that disarms a formula)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_TRIGGERS else cell


@pytest.mark.parametrize("kind", sorted(MUST_BE_OK))
def test_readable_text_of_every_kind_is_read(fuzz, documents, kind):
    rows = [documents[str(fuzz.inputs / n)] for n, k in fuzz.kinds.items() if k == kind]
    if not rows:
        pytest.skip(f"no {kind} file in a corpus of {FUZZ_FILES}")
    # decoded; a file made of site chrome alone (a seed fragment can be) has nothing left to read
    assert {(r["status"], r["error"]) for r in rows} <= {("ok", ""), ("rejected", ALL_CHROME)}
    assert any(r["status"] == "ok" for r in rows)


@pytest.mark.parametrize("kind", sorted(MUST_BE_REJECTED))
def test_unreadable_files_are_rejected_with_a_plain_reason(fuzz, documents, kind):
    rows = [documents[str(fuzz.inputs / n)] for n, k in fuzz.kinds.items() if k == kind]
    assert rows, f"no {kind} file in the corpus"
    for row in rows:
        assert row["status"] == "rejected"
        assert row["error"][:1].isupper() and row["error"].endswith("."), row["error"]
        assert "Error" not in row["error"] and "errno" not in row["error"].lower(), row["error"]


def test_a_file_over_the_size_limit_is_rejected_saying_so(fuzz, documents):
    row = documents[str(fuzz.inputs / "big/one_line.txt")]
    if LIMIT_MB:
        assert row["status"] == "rejected"
        assert "over the limit of 1.0 MB per file" in row["error"]
    else:
        assert row["status"] == "ok", row["error"]


def test_skipped_files_and_the_folder_loop_are_findings(fuzz, quality):
    skipped = sorted(Path(f["subject"]).name for f in quality if f["check"] == "file_skipped")
    assert skipped == ["README", "page.html", "photo.jpg", "report.docx", "table.csv"]
    loops = [f["subject"] for f in quality if f["check"] == "folder_loop"]
    assert loops == [str(fuzz.inputs / "links" / "up")]


def test_no_csv_cell_starts_like_a_formula(fuzz):
    disarmed = {}
    for table in TABLES:
        with (fuzz.out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            numeric = _numeric_columns(table)
            for row in reader:
                for column, cell in zip(header, row, strict=True):
                    if column in numeric:
                        assert cell == "" or math.isfinite(float(cell)), (table, column, cell)
                    else:
                        assert not cell.startswith(FORMULA_TRIGGERS), (table, column, cell)
                        if cell[:1] == "'" and cell[1:2] in FORMULA_TRIGGERS:
                            disarmed.setdefault(table, set()).add(column)
    # the corpus did put formula-like text into ids, titles, quotes and evidence
    assert {"doc_id", "title"} <= disarmed["documents"]
    assert "quote" in disarmed["metrics"]
    assert "evidence" in disarmed["quality"]


def _numeric_columns(table: str) -> dict[str, str]:
    """Columns that hold numbers, with their type's name."""
    schema = SCHEMAS[table].to_schema()
    return {
        name: str(col.dtype) for name, col in schema.columns.items() if "str" not in str(col.dtype).lower()
    }


def test_no_workbook_cell_is_a_formula(fuzz):
    wb = load_workbook(fuzz.out / "report.xlsx", read_only=True)
    formulas = [
        (ws.title, cell.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    wb.close()
    assert formulas == []


def test_offsets_and_values_hold_on_every_document_read(fuzz):
    """Through the Python entry, with the cleaned texts kept: every offset points at its text."""
    sample = sorted(fuzz.inputs / n for i, n in enumerate(fuzz.kinds) if i % 4 == 0)
    result = toolkit.run(sample, max_bytes=int((LIMIT_MB or 25) * 1024 * 1024), jobs=1)
    assert len(result.documents) == len(sample)
    for row in result.metrics.itertuples():
        text = result.text(row.doc_id)
        assert text[row.start : row.end] == row.raw
        assert math.isfinite(row.value)
        assert row.quote in text
    for row in result.people.itertuples():
        assert result.text(row.doc_id)[row.start : row.end] == row.name
