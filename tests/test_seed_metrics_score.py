"""Acceptance on the seed articles: the gold scorer's figures for metrics."""

from __future__ import annotations

import pytest

from tests.conftest import DATA


@pytest.fixture(scope="module")
def metrics_score(seed_scores) -> dict:
    return seed_scores["metrics"]


def test_metrics_f1(metrics_score):
    assert metrics_score["f1"] >= 0.95


def test_indicator_accuracy(metrics_score):
    assert metrics_score["indicator_acc"] >= 0.90


def test_qualifier_accuracy(metrics_score):
    assert metrics_score["qualifier_acc"] >= 0.95


def test_province_accuracy(metrics_score):
    assert metrics_score["province_acc"] >= 0.95


def test_scope_accuracy(metrics_score):
    assert metrics_score["scope_acc"] >= 0.95


def test_every_figure_points_at_its_raw_text(seed_result):
    for row in seed_result.metrics.itertuples():
        assert seed_result.text(row.doc_id)[row.start : row.end] == row.raw


def test_national_conference_article_is_national(seed_result):
    docs = seed_result.documents.set_index("doc_id")
    national = [p.stem for p in DATA.glob("*.txt") if docs.loc[p.stem, "scope"] == "national"]
    assert national == ["004_8329ce44dc6e2c73"]
