"""Parallel and distributed runs give the rows of a one-process run; Parquet holds the same tables;
the benchmark corpus builder writes truth the flow recovers at the seed-gold thresholds."""

from __future__ import annotations

import gc
import importlib.util
import multiprocessing
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit import pipeline
from toolkit.engine import (
    MAX_CHUNK,
    MIN_CHUNK,
    MIN_PARTITION,
    EngineUnavailable,
    chunk_bounds,
    map_documents,
    partition_size,
)
from toolkit.pipeline import TABLES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_corpus = _load("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
gold_score = _load("gold_score", FIXTURES / "gold_score.py")


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory) -> Path:
    """A 200-article corpus made from the seeds, with its truth."""
    out = tmp_path_factory.mktemp("corpus200")
    seeds = make_corpus.load_seeds(ROOT / "data", FIXTURES / "gold")
    make_corpus.write_corpus(seeds, 200, out, seed=7)
    return out


@pytest.fixture(scope="module")
def small(corpus200, tmp_path_factory) -> Path:
    """The first 24 articles of the corpus: enough for several chunks and partitions."""
    out = tmp_path_factory.mktemp("small")
    for path in sorted((corpus200 / "articles").glob("*.txt"))[:24]:
        (out / path.name).write_bytes(path.read_bytes())
    return out


@pytest.fixture(scope="module")
def one_process(small):
    return toolkit.run(small, jobs=1, keep_docs=False)


def _same_tables(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_like=False)


def test_two_processes_give_the_rows_of_one(small, one_process):
    _same_tables(toolkit.run(small, jobs=2, keep_docs=False), one_process)


def test_dask_local_cluster_gives_the_rows_of_one_process(small, one_process):
    pytest.importorskip("distributed")
    _same_tables(toolkit.run(small, jobs=2, keep_docs=False, engine="dask"), one_process)


def test_dask_missing_is_a_clear_error(monkeypatch, small):
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # import dask.bag now raises ImportError
    with pytest.raises(EngineUnavailable, match=r"pip install 'toolkit\[dask\]'"):
        list(map_documents([small / "x.txt"], ["x"], engine="dask"))


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(EngineUnavailable, match="Unknown engine"):
        list(map_documents([], [], engine="spark"))


@pytest.mark.parametrize(
    ("items", "workers", "expected"),
    [(10, 2, MIN_PARTITION), (1_000, 2, 125), (100_000, 2, 2000), (100_000, 64, 391)],
)
def test_dask_partitions_hold_a_hundred_documents_or_more(items, workers, expected):
    assert partition_size(items, workers) == expected


@given(st.integers(0, 5000), st.integers(1, 16))
def test_chunks_cover_every_document_once_in_order_and_shrink_towards_the_end(n_items, jobs):
    bounds = list(chunk_bounds(n_items, jobs))
    assert [i for start, end in bounds for i in range(start, end)] == list(range(n_items))
    sizes = [end - start for start, end in bounds]
    assert all(0 < size <= MAX_CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert len(sizes) < 2 or sizes[-1] <= MIN_CHUNK


def test_cli_dask_without_dask_exits_2_with_a_reason(monkeypatch, small, tmp_path, capsys):
    from toolkit.cli import main

    monkeypatch.setitem(sys.modules, "dask.bag", None)
    assert main(["run", str(small / "000000_000.txt"), "--out", str(tmp_path), "--engine", "dask"]) == 2
    assert "pip install" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("fmt", "csv", "parquet"), [("csv", True, False), ("parquet", False, True), ("both", True, True)]
)
def test_format_chooses_the_table_files(one_process, tmp_path, fmt, csv, parquet):
    toolkit.write_outputs(one_process, tmp_path, fmt=fmt, workbook=False)
    assert (tmp_path / "metrics.csv").exists() == csv
    assert (tmp_path / "metrics.parquet").exists() == parquet
    assert not (tmp_path / "report.xlsx").exists()


def test_parquet_holds_the_validated_tables(one_process, tmp_path):
    toolkit.write_outputs(one_process, tmp_path, fmt="parquet", workbook=False)
    for name in TABLES:
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        table = getattr(one_process, name)
        assert list(back.columns) == list(table.columns)
        assert len(back) == len(table)
        pd.testing.assert_frame_equal(back, table.reset_index(drop=True), check_dtype=False)


def test_corpus_truth_is_recovered_at_the_seed_gold_thresholds(corpus200, tmp_path):
    toolkit.run(corpus200 / "articles", out=tmp_path, jobs=2, keep_docs=False, workbook=False)
    report = gold_score.score(corpus200 / "truth", tmp_path)
    m, p = report["metrics"], report["people"]
    assert report["documents"] == 200
    assert m["f1"] >= 0.95 and m["indicator_acc"] >= 0.90
    assert m["qualifier_acc"] >= 0.95 and m["province_acc"] >= 0.95
    assert p["f1"] >= 0.95 and p["role_jaccard"] >= 0.85
    assert p["level_acc"] >= 0.95 and p["province_acc"] >= 0.95


def test_the_benchmarks_stage_timing_runs_the_flow_of_toolkit_run(tmp_path):
    bench = _load("bench_run", ROOT / "benchmarks" / "run.py")
    (tmp_path / "chrome_only.txt").write_text("Compartir\nImprimir\nComentarios (3)\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    extra = sorted((FIXTURES / "extra" / "articles").glob("*.txt"))[:12]
    files = [*extra, *sorted((ROOT / "data").glob("*.txt")), *sorted(tmp_path.glob("*.txt"))]
    _, _, timed = bench.time_flow(files, toolkit.corpus.doc_ids_for(files))
    expected = toolkit.run(files, keep_docs=False)
    assert set(expected.documents["status"]) == {"ok", "rejected"}
    for name in TABLES:
        pd.testing.assert_frame_equal(timed.tables()[name], expected.tables()[name], obj=name)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_leaves_the_garbage_collector_as_it_found_it(small, jobs):
    assert gc.get_freeze_count() == 0
    toolkit.run(small, jobs=jobs, keep_docs=False)
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a program that froze its own objects keeps them frozen (some may be freed meanwhile)
    try:
        toolkit.run(small, jobs=jobs, keep_docs=False)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("jobs", [1, 2])
def test_objects_from_before_the_run_stay_set_aside_until_the_tables_are_validated(small, jobs, monkeypatch):
    frozen_at_validation = []
    validate = pipeline.validate_table

    def watched(table, df):
        frozen_at_validation.append(gc.get_freeze_count())
        return validate(table, df)

    monkeypatch.setattr(pipeline, "validate_table", watched)
    toolkit.run(small, jobs=jobs, keep_docs=False)
    assert frozen_at_validation and min(frozen_at_validation) > 0
    assert gc.get_freeze_count() == 0


def test_a_consumer_that_stops_early_leaves_no_worker_behind(small):
    files = sorted(small.glob("*.txt"))
    before = set(multiprocessing.active_children())
    outputs = map_documents(files, [f.stem for f in files], jobs=2)
    assert next(outputs).document["doc_id"] == files[0].stem
    outputs.close()
    assert set(multiprocessing.active_children()) <= before


def _running(pid: int) -> bool:
    """The process exists and has not exited (a zombie waits to be reaped by the pool's thread)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc")
def test_the_workers_of_a_finished_run_exit_on_their_own(small):
    files = sorted(small.glob("*.txt"))
    before = {child.pid for child in multiprocessing.active_children()}
    assert len(list(map_documents(files, [f.stem for f in files], jobs=2))) == len(files)
    workers = [child.pid for child in multiprocessing.active_children() if child.pid not in before]
    deadline = time.monotonic() + 30
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_running, workers))


def _items(folder: Path) -> list[tuple[str, str]]:
    return [(str(f), f.stem) for f in sorted(folder.glob("*.txt"))]


def test_files_taken_stage_by_stage_give_the_records_of_each_file_alone(small):
    items = _items(small)
    assert pipeline.process_files(items) == [pipeline.process_file(path, doc_id) for path, doc_id in items]


@pytest.mark.parametrize(
    "stage",
    [
        (pipeline, "read_and_clean"),
        (pipeline, "detect_language"),
        (pipeline, "place_document"),
        (pipeline.people_stage, "extract_people"),
        (pipeline.quality_stage, "document_findings"),
    ],
    ids=lambda stage: stage[1],
)
def test_a_file_the_toolkit_fails_on_at_any_stage_is_a_rejected_row_and_the_others_go_on(
    small, monkeypatch, stage
):
    items = _items(small)[:4]
    expected = pipeline.process_files(items)
    module, name = stage
    real = getattr(module, name)

    def failing(first, *args, **kwargs):
        doc_id = Path(first).stem if isinstance(first, str) else first.doc_id
        if doc_id == items[1][1]:
            raise RuntimeError("broken")
        return real(first, *args, **kwargs)

    monkeypatch.setattr(module, name, failing)
    outs = pipeline.process_files(items)
    assert outs[1].document["status"] == "rejected"
    assert [f["check"] for f in outs[1].findings] == ["document_failed"]
    assert outs[:1] + outs[2:] == expected[:1] + expected[2:]


def test_a_failure_reading_the_figures_is_a_finding_and_the_document_keeps_its_people(small, monkeypatch):
    items = _items(small)[:2]
    expected = pipeline.process_files(items)

    def failing(doc):
        raise RuntimeError("broken")

    monkeypatch.setattr(pipeline.metrics_stage, "_analyse", failing)
    monkeypatch.setattr(pipeline.metrics_stage, "_LAST", [])
    out = pipeline.process_files(items)[0]
    assert out.document["status"] == "ok" and out.metrics == []
    assert "metrics_failed" in [f["check"] for f in out.findings]
    assert out.people == expected[0].people


@pytest.mark.parametrize("budget", [1, 30_000])
def test_the_read_ahead_budget_changes_no_record(small, monkeypatch, budget):
    items = _items(small)
    expected = pipeline.process_files(items)
    monkeypatch.setattr(pipeline, "STAGE_TEXT_CHARS", budget)
    assert pipeline.process_files(items) == expected


def test_files_are_read_ahead_only_up_to_the_text_budget(small, monkeypatch):
    budget = 30_000
    monkeypatch.setattr(pipeline, "STAGE_TEXT_CHARS", budget)
    held: list[list[int]] = []
    real = pipeline._later_stages

    def spy(group, keep_doc):
        held.append([len(f.doc.text) for f in group if not f.failed])
        return real(group, keep_doc)

    monkeypatch.setattr(pipeline, "_later_stages", spy)
    pipeline.process_files(_items(small))
    assert len(held) > 1
    assert all(
        sum(sizes[:-1]) < budget for sizes in held
    )  # the budget is passed by the last file read at most
