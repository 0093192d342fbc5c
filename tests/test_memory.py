"""Memory-saving paths give the same results as doing everything at once: records grouped a slice of
whole groups at a time, and CSV files written a slice of rows at a time."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import consistency
from toolkit.export import csv as csv_export
from toolkit.export.safety import safe_frame
from toolkit.schemas import columns, frame


def _metrics(n_docs: int) -> pd.DataFrame:
    records = [
        {
            "metric_id": f"m{d}-{i}",
            "doc_id": f"d{d:03d}",
            "story_id": f"s{d % 3}",
            "province": ["Hà Nội", "Huế", ""][d % 3],
            "scope": "provincial",
            "indicator": ["gdp", "other", "population"][(d + i) % 3],
            "label": "label",
            "value": float(d * 10 + i),
            "unit": "count",
            "qualifier": "exact",
            "period": "2025",
            "language": "fr",
            "raw": str(d * 10 + i),
            "quote": f"=sentence {d} with, a comma\r\nand a line break",
            "start": 100 - i * 7,
            "end": 100 - i * 7 + len(str(d * 10 + i)),
        }
        for d in range(n_docs)
        for i in range(4)
    ]
    return frame("metrics", records)


def _groups(df: pd.DataFrame, keys: list[str], rows=None) -> list[list[str]]:
    return [[r["metric_id"] for r in g] for g in consistency.grouped_records(df, keys, rows)]


@pytest.mark.parametrize(
    ("keys", "rows"),
    [
        (["doc_id"], None),
        (["story_id", "indicator", "unit"], None),
        (["province", "period", "indicator", "unit"], [0, 3, 5, 8, 13, 21, 34, 55]),
    ],
)
def test_groups_in_slices_equal_groups_at_once(monkeypatch, keys, rows):
    metrics = _metrics(30)
    whole = _groups(metrics, keys, rows)
    monkeypatch.setattr(consistency, "GROUP_CHUNK_ROWS", 5)
    assert _groups(metrics, keys, rows) == whole
    assert sum(len(g) for g in whole) == (len(metrics) if rows is None else len(rows))


def test_groups_keep_document_and_offset_order():
    groups = _groups(_metrics(2), ["doc_id"])
    assert groups == [["m0-3", "m0-2", "m0-1", "m0-0"], ["m1-3", "m1-2", "m1-1", "m1-0"]]


@pytest.mark.parametrize("n_docs", [0, 1, 12])
def test_csv_in_slices_is_byte_identical_to_one_write(tmp_path, monkeypatch, n_docs):
    metrics = _metrics(n_docs)
    at_once = tmp_path / "at_once.csv"
    safe_frame(metrics).to_csv(at_once, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    monkeypatch.setattr(csv_export, "CHUNK_ROWS", 5)
    sliced = csv_export.write_csv(metrics, "metrics", tmp_path).read_bytes()
    assert sliced == at_once.read_bytes()
    assert sliced.startswith(b"\xef\xbb\xbf" + ",".join(columns("metrics")).encode())
    assert sliced.count(b"\xef\xbb\xbf") == 1
