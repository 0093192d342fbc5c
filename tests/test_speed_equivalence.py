"""The fast paths give exactly the answers of the plain definitions they replace."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.clean import _is_heading
from toolkit.consistency import grouped_records
from toolkit.corpus import looks_like_mojibake
from toolkit.pipeline import Collector, DocOutput, finding_digest
from toolkit.places import fold, fold_char
from toolkit.schemas import frame


def _category_chars() -> str:
    chars = set()
    for spec in MOJIBAKE_CATEGORIES.values():
        i = 0
        while i < len(spec):
            if i + 2 < len(spec) and spec[i + 1] == "-":
                chars |= {chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1)}
                i += 3
            else:
                chars.add(spec[i])
                i += 1
    return "".join(sorted(chars)) + "ÂÃÎÐ€œŠš×²³ØÙà√≈‚ÄвЂВГРСβΆā°µ»¡"


MOJIBAKE_ALPHABET = _category_chars() + "abcXYZ .,?!\n\u00a0éłằ"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_ALPHABET, max_size=30))
def test_mojibake_check_answers_as_ftfy_on_mojibake_prone_text(text):
    assert looks_like_mojibake(text) == is_bad(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_mojibake_check_answers_as_ftfy_on_any_text(text):
    assert looks_like_mojibake(text) == is_bad(text)


@given(st.text(max_size=80))
def test_fold_is_fold_char_of_every_character(text):
    assert fold(text) == "".join(fold_char(ch) for ch in text)


def _heading_by_definition(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 3 and len(letters) >= 12 and all(ch.isupper() for ch in letters)


@given(st.text(alphabet="ABCDÉFGH abcdé12ⓐǅß-", max_size=40))
def test_heading_check_is_its_definition(text):
    assert _is_heading(text) == _heading_by_definition(text)


def _output(doc_id: str, n_metrics: int, with_person: bool) -> DocOutput:
    return DocOutput(
        document={"doc_id": doc_id, "path": f"{doc_id}.txt", "status": "ok", "n_chars": 10},
        metrics=[
            {"doc_id": doc_id, "metric_id": f"{doc_id}:m{i}", "value": float(i), "quote": "q" * 80}
            for i in range(n_metrics)
        ],
        people=[{"doc_id": doc_id, "name": "Le Van A", "extra": 1}] if with_person else [],
    )


@pytest.mark.parametrize("batch", [1, 2, 1000])
def test_collector_builds_the_tables_that_records_build(monkeypatch, batch):
    monkeypatch.setattr(Collector, "BATCH", batch)
    outs = [_output("b", 3, True), _output("a", 2, False), _output("c", 0, True)]  # not in doc order
    collected = Collector()
    for out in outs:
        collected.add(out)
    ordered = sorted(outs, key=lambda o: o.document["doc_id"])
    expected = {
        "documents": [o.document for o in ordered],
        "metrics": [r for o in ordered for r in o.metrics],
        "people": [r for o in ordered for r in o.people],
    }
    for table, records in expected.items():
        pd.testing.assert_frame_equal(collected.frame(table), frame(table, records))


_FIELD = st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none())


@given(st.dictionaries(st.sampled_from(["check", "doc_id", "subject", "detail", "evidence"]), _FIELD))
def test_a_findings_digest_is_the_hash_of_its_joined_content(f):
    text = "|".join(str(f.get(k, "")) for k in ("check", "doc_id", "subject", "detail"))
    assert finding_digest(f) == hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def _grouped_by_sorting_a_copy(df: pd.DataFrame, keys: list[str]) -> list[list[int]]:
    """`consistency.grouped_records` as it was defined: a sorted copy of the key columns."""
    by = [*keys, "doc_id", "start"]
    order = df[list(dict.fromkeys(by))].reset_index(drop=True).sort_values(by, kind="stable")
    sorted_keys = order[keys]
    group = (sorted_keys != sorted_keys.shift()).any(axis=1).cumsum().to_numpy()
    rows = order.index.to_numpy()
    return [rows[group == g].tolist() for g in dict.fromkeys(group)]


_KEY_TEXT = st.sampled_from(["", "a", "b", "Ą", "z", "ab"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_KEY_TEXT, _KEY_TEXT, st.sampled_from(["d1", "d2", "d10"]), st.integers(0, 5)), max_size=25
    ),
    st.booleans(),
)
def test_figures_are_grouped_as_a_sorted_copy_groups_them(rows, as_categories):
    df = pd.DataFrame(rows, columns=["story_id", "indicator", "doc_id", "start"]).astype(
        {"story_id": "str", "indicator": "str", "doc_id": "str"}
    )
    df["value"], df["row"] = 1.0, range(len(df))
    if as_categories:
        for col in ("story_id", "indicator", "doc_id"):
            df[col] = pd.Categorical(df[col], categories=sorted(set(df[col])))
    expected = _grouped_by_sorting_a_copy(df, ["story_id", "indicator"]) if len(df) else []
    found = [[r["row"] for r in group] for group in grouped_records(df, ["story_id", "indicator"])]
    assert found == expected
