"""Memory-saving paths give the same results as doing everything at once: records grouped a slice of
whole groups at a time, CSV files written a slice of rows at a time, document pairs counted as
integer codes, and large runs spilled to disk batch by batch (`toolkit.spill`)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit import consistency, schemas, spill, stories
from toolkit.api import run_to_folder
from toolkit.export import csv as csv_export
from toolkit.export.outputs import table_streams
from toolkit.export.parquet import write_parquet
from toolkit.export.safety import safe_frame
from toolkit.schemas import MetricsSchema, columns, frame


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


# --- large runs: tables spilled to disk batch by batch (toolkit.spill) ------------------------------

DATA = Path(__file__).resolve().parents[1] / "data"
EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra" / "articles"
TABLES = ("documents", "metrics", "people", "roster", "quality")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> list[Path]:
    """The seeds, the held-out articles (a story across languages, conflicts between reports) and
    files that are rejected; a folder whose doc_ids do not follow the order of its paths."""
    odd = tmp_path_factory.mktemp("odd")
    (odd / "a_empty.txt").write_bytes(b"")
    (odd / "0_binary.txt").write_bytes(bytes(range(256)) * 4)
    return [EXTRA, DATA, odd]


@pytest.fixture(scope="module")
def in_memory(small_corpus, tmp_path_factory) -> tuple[Path, dict]:
    """The files written from the tables held whole (`toolkit.run`), and the run's summary."""
    out = tmp_path_factory.mktemp("in_memory")
    result = toolkit.run(small_corpus, out=out, fmt="both", workbook=False, keep_docs=False)
    return out, result.summary()


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_spilled_run_writes_the_files_of_the_in_memory_run(
    monkeypatch, tmp_path, small_corpus, in_memory, batch
):
    monkeypatch.setattr(spill, "BATCH", batch)
    monkeypatch.setattr(spill, "PART", 3)  # records become small tables, joined per batch
    monkeypatch.setattr(spill, "FINDINGS_PER_RUN", 3)  # several sorted runs of comparisons to merge
    monkeypatch.setattr(spill, "QUALITY_CHUNK", 11)
    monkeypatch.setattr(spill, "MERGE_READ_ROWS", 5)
    monkeypatch.setattr(spill, "ROSTER_BUCKETS", 3)
    expected, summary = in_memory
    assert run_to_folder(small_corpus, tmp_path, fmt="both") == summary
    for table in TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (expected / f"{table}.csv").read_bytes(), table
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / f"{table}.parquet"), pd.read_parquet(expected / f"{table}.parquet")
        )
    assert not list(tmp_path.glob(".toolkit-staging-*"))  # the spilled batches went with the staging folder


class _StrictMetrics(MetricsSchema):
    """A rule most figures break, so that both runs report schema failures row by row."""

    @pa.check("value", description="Values below 1000 (a rule for this test only).")
    def below_1000(cls, s: pd.Series) -> pd.Series:
        return s < 1000


def test_spilled_run_reports_schema_failures_as_the_in_memory_run(monkeypatch, tmp_path, small_corpus):
    """Batches are validated one by one, their rows numbered as rows of the whole table."""
    monkeypatch.setitem(schemas.SCHEMAS, "metrics", _StrictMetrics)
    monkeypatch.setattr(spill, "BATCH", 5)
    whole, spilled = tmp_path / "whole", tmp_path / "spilled"
    toolkit.run(small_corpus, out=whole, workbook=False, keep_docs=False)
    run_to_folder(small_corpus, spilled)
    quality = (spilled / "quality.csv").read_bytes()
    assert quality.count(b"schema_failure") > 10
    for table in TABLES:
        assert (spilled / f"{table}.csv").read_bytes() == (whole / f"{table}.csv").read_bytes(), table


def test_spilled_run_covers_stories_comparisons_and_rejected_files(in_memory):
    """What the equivalence above is worth: the corpus exercises every corpus-level step."""
    quality = pd.read_csv(in_memory[0] / "quality.csv", keep_default_na=False)
    assert {"same_story", "value_conflict", "values_agree", "arithmetic_ranges_ok"} <= set(quality["check"])
    assert in_memory[1]["rejected"] >= 2


def test_a_spilled_run_stopped_half_way_leaves_the_previous_files(monkeypatch, tmp_path, small_corpus):
    (tmp_path / "metrics.csv").write_text("previous")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spill, "_roster", fail)
    with pytest.raises(OSError):
        run_to_folder(small_corpus, tmp_path)
    assert (tmp_path / "metrics.csv").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".toolkit.lock", "metrics.csv"]


def _pairs_by_counter(docs: list[int], keys: list[int]) -> dict[int, int]:
    """The definition: for each key in 2 to MAX_DOCS_PER_SIGNAL documents, every pair of them."""
    by_key: dict[int, set[int]] = {}
    for d, k in zip(docs, keys, strict=True):
        by_key.setdefault(k, set()).add(d)
    pairs: Counter = Counter()
    for ids in by_key.values():
        if 1 < len(ids) <= stories.MAX_DOCS_PER_SIGNAL:
            pairs.update((a << 32) | b for a, b in combinations(sorted(ids), 2))
    return dict(pairs)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 6)), max_size=400),
    st.sampled_from([1, 5, 2_000_000]),
)
def test_pair_counts_as_integer_codes_equal_a_counter_of_pairs(rows, chunk):
    """Counted a range of first documents at a time (`chunk` pairs), they are the same counts."""
    docs = np.array([d for d, _ in rows], dtype=np.int64)
    keys = np.array([k for _, k in rows], dtype=np.uint64)
    saved, stories.PAIR_CHUNK = stories.PAIR_CHUNK, chunk
    try:
        pairs, counts = stories._shared(docs, keys)
        at_least_two = stories._shared(docs, keys, min_count=2)
        some = pairs[::3]
        only_some = stories._shared(docs, keys, min_count=None, among=some)
    finally:
        stories.PAIR_CHUNK = saved
    expected = _pairs_by_counter(docs.tolist(), keys.tolist())
    assert dict(zip(pairs.tolist(), counts.tolist(), strict=True)) == expected
    assert dict(zip(*(a.tolist() for a in at_least_two), strict=True)) == {
        p: n for p, n in expected.items() if n >= 2
    }
    assert only_some[0].tolist() == some.tolist()


@pytest.mark.parametrize("sizes", [[0], [3], [5, 0, 7], [1, 1, 1, 1]])
def test_csv_and_parquet_streams_equal_whole_writes(tmp_path, sizes):
    metrics = _metrics(sum(sizes) // 4 + 1).iloc[: sum(sizes)]
    whole, streamed = tmp_path / "whole", tmp_path / "streamed"
    whole.mkdir(), streamed.mkdir()
    csv_export.write_csv(metrics, "metrics", whole)
    write_parquet(metrics, "metrics", whole)
    with table_streams(streamed, "both") as streams:
        begin = 0
        for n in sizes:
            streams["metrics"].write(metrics.iloc[begin : begin + n])
            begin += n
    assert (streamed / "metrics.csv").read_bytes() == (whole / "metrics.csv").read_bytes()
    pd.testing.assert_frame_equal(
        pd.read_parquet(streamed / "metrics.parquet"), pd.read_parquet(whole / "metrics.parquet")
    )
