"""The default corpus end to end: what `toolkit run data` must say about the five seed articles."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import SEED_IDS
from toolkit.schemas import columns

CONTRACT_FILES = ["documents", "metrics", "people", "roster", "quality"]

SEED_FACTS = {
    "000_df116f592fdfaf1c": ("es", "tuyengiaocaobang.vn", 4, "Cao Bằng"),
    "001_ba4931c0672c677b": ("fr", "tuyengiaocaobang.vn", 4, "Cao Bằng"),
    "002_504372777959700d": ("pl", "baotuyenquang.com.vn", 0, "Tuyên Quang"),
    "003_245cf9fd67e58d9d": ("es", "sotuphap.camau.gov.vn", 0, "Cà Mau"),
    "004_8329ce44dc6e2c73": ("es", "baolamdong.vn", 0, "Lâm Đồng"),
}


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, list(reader)


@pytest.mark.parametrize("table", CONTRACT_FILES)
def test_every_contract_file_is_written_with_its_exact_columns_first(seed_exports, table):
    header, _ = read_csv(seed_exports / f"{table}.csv")
    assert header[: len(columns(table))] == columns(table)


def test_csv_files_start_with_a_byte_order_mark(seed_exports):
    for table in CONTRACT_FILES:
        assert (seed_exports / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_workbook_is_written(seed_exports):
    assert (seed_exports / "report.xlsx").stat().st_size > 0


def test_documents_has_five_ok_rows(seed_result):
    docs = seed_result.documents
    assert list(docs["doc_id"]) == SEED_IDS
    assert set(docs["status"]) == {"ok"}
    assert set(docs["error"]) == {""}


@pytest.mark.parametrize("doc_id, facts", SEED_FACTS.items())
def test_seed_language_publisher_repeats_and_province(seed_result, doc_id, facts):
    language, publisher, repeats, province = facts
    row = seed_result.documents.set_index("doc_id").loc[doc_id]
    assert (row["language"], row["publisher"], row["n_duplicate_paragraphs"], row["province"]) == facts
    assert row["source_url"].startswith(f"https://{publisher}/")


def test_seed_004_title_and_date(seed_result):
    row = seed_result.documents.set_index("doc_id").loc["004_8329ce44dc6e2c73"]
    assert row["title"].startswith("Crear cambios sustanciales y fuertes")
    assert row["published"] == "2025-07-02"


def test_seed_002_date_comes_from_its_url(seed_result):
    assert seed_result.documents.set_index("doc_id").loc["002_504372777959700d", "published"] == "2025-10"


@pytest.mark.parametrize(
    "doc_id, n_captions",
    [("000_df116f592fdfaf1c", 2), ("002_504372777959700d", 7), ("004_8329ce44dc6e2c73", 7)],
)
def test_captions_are_found(seed_result, doc_id, n_captions):
    doc = seed_result.docs[doc_id]
    assert sum(seg.kind == "caption" for seg in doc.segments) == n_captions


@pytest.mark.parametrize(
    "doc_id, byline",
    [("002_504372777959700d", "Wiadomości i zdjęcia: Duy Tuan"), ("003_245cf9fd67e58d9d", "Trong Nghia")],
)
def test_bylines_are_found(seed_result, doc_id, byline):
    assert [t for _, t in seed_result.docs[doc_id].iter_segments("byline")] == [byline]


def test_no_chrome_survives_cleaning(seed_result):
    for doc in seed_result.docs.values():
        for marker in (
            "Kommentar (0)",
            "Comment (0)",
            "Komentarz (0)",
            "No data",
            "Mismo tema",
            "![]()",
            ".jpg",
            "Vietnam.vn",
        ):
            assert marker not in doc.text, (doc.doc_id, marker)


def test_offsets_of_every_figure_and_person_point_at_the_raw_text(seed_result):
    for row in seed_result.metrics.itertuples():
        assert seed_result.text(row.doc_id)[row.start : row.end] == row.raw
    for row in seed_result.people.itertuples():
        assert seed_result.text(row.doc_id)[row.start : row.end] == row.name


def test_no_table_breaks_its_schema(seed_result):
    assert "schema_failure" not in set(seed_result.quality["check"])
