"""Shared fixtures: the default corpus run once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit
from toolkit.model import Document, Segment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
GOLD = FIXTURES / "gold"
SEED_IDS = sorted(p.stem for p in DATA.glob("*.txt"))


def lines_document(lines: list[str], lang: str, province: str = "") -> Document:
    """A cleaned document of body paragraphs, one per line (tables, datelines above a story)."""
    segments, at = [], 0
    for line in lines:
        segments.append(Segment("body", at, at + len(line)))
        at += len(line) + 1
    return Document("t", "", text="\n".join(lines), segments=segments, language=lang, province=province)


@pytest.fixture(scope="session")
def seed_exports(tmp_path_factory) -> Path:
    """`toolkit run data --out DIR` once for the session; the folder of written files."""
    out = tmp_path_factory.mktemp("exports")
    toolkit.run(DATA, out=out)
    return out


@pytest.fixture(scope="session")
def seed_result():
    """The Result of running the default corpus, with cleaned documents kept."""
    return toolkit.run(DATA)


@pytest.fixture(scope="session")
def seed_scores(seed_exports) -> dict:
    """The gold scorer's report on the default corpus."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gold_score", FIXTURES / "gold_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(GOLD, seed_exports)
