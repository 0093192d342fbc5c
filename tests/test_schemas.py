"""The table schemas: contract columns, described fields, failures as findings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandera.engines.pandas_engine import Engine

from toolkit.schemas import SCHEMAS, Text, columns, frame, records, validate_table

CONTRACT = {
    "documents": "doc_id, path, status, error, language, title, source_url, publisher, published, province, scope, story_id, n_chars, n_paragraphs, n_duplicate_paragraphs",
    "metrics": "metric_id, doc_id, story_id, province, province_legacy, scope, indicator, label, value, unit, qualifier, period, language, raw, quote, start, end",
    "people": "person_id, doc_id, story_id, name, honorific, gender, role, role_keys, level, province, language, quote, start, end",
    "roster": "person_id, name, gender, level, province, role_keys, roles, doc_ids, n_documents",
    "quality": "finding_id, check, severity, doc_id, story_id, subject, detail, evidence",
}


@pytest.mark.parametrize("table, expected", CONTRACT.items())
def test_schema_columns_are_the_contract_columns_in_order(table, expected):
    assert columns(table) == expected.split(", ")


@pytest.mark.parametrize("table", CONTRACT)
def test_every_field_has_a_description(table):
    for name, col in SCHEMAS[table].to_schema().columns.items():
        assert col.description, name


def document(**changes):
    row = dict(
        doc_id="a", path="a.txt", status="ok", language="es", scope="provincial", n_chars=10, n_paragraphs=1
    )
    row.update(changes)
    return row


def test_a_valid_table_passes_without_findings():
    df, findings = validate_table("documents", frame("documents", [document()]))
    assert findings == []
    assert df["n_chars"].tolist() == [10]


@pytest.mark.parametrize(
    "changes, column",
    [
        ({"status": "maybe"}, "status"),
        ({"language": "spanish"}, "language"),
        ({"published": "02/07/2025"}, "published"),
        ({"n_chars": -1}, "n_chars"),
        ({"scope": "regional"}, "scope"),
    ],
)
def test_each_broken_rule_becomes_a_finding_naming_table_row_and_column(changes, column):
    _, findings = validate_table(
        "documents", frame("documents", [document(), document(doc_id="b", **changes)])
    )
    assert len(findings) == 1
    (f,) = findings
    assert f["check"] == "schema_failure" and f["severity"] == "error"
    assert f["subject"] == f"documents:row 1:{column}"
    assert f["doc_id"] == "b"
    assert "documents table" in f["detail"]


def test_a_rejected_document_must_say_why():
    _, findings = validate_table("documents", frame("documents", [document(status="rejected", scope="")]))
    assert [f["check"] for f in findings] == ["schema_failure"]


def test_a_text_column_of_the_string_dtype_passes_whole():
    column = pd.Series(["a", "b", ""], dtype="str")
    assert Text().check(Engine.dtype(column.dtype), column) is True


def test_a_text_column_holding_other_objects_is_checked_value_by_value():
    column = pd.Series(["a", 3, None], dtype=object)
    assert np.asarray(Text().check(Engine.dtype(column.dtype), column)).tolist() == [True, False, True]


def test_metric_offsets_must_span_the_raw_figure():
    row = dict(
        metric_id="m",
        doc_id="a",
        scope="national",
        indicator="other",
        value=5.0,
        unit="count",
        qualifier="exact",
        raw="5",
        start=3,
        end=9,
    )
    _, findings = validate_table("metrics", frame("metrics", [row]))
    assert findings and "offsets" in findings[0]["detail"].lower() or "span" in findings[0]["detail"].lower()


RECORD_ROWS = [
    [],
    [dict(metric_id="d:m1", doc_id="d", value=1.5, start=1, end=4, raw="1,5", quote="Fue 1,5.")],
    [
        dict(metric_id="d:m1", doc_id="d", value=2.0, start=0, end=1, raw="2", province="Sơn La"),
        dict(metric_id="e:m9", doc_id="e", value=-3e9, start=9, end=12, raw="3 mil", label="x"),
    ],
]


@pytest.mark.parametrize("rows", RECORD_ROWS)
def test_a_table_becomes_the_records_pandas_gives(rows):
    table = frame("metrics", rows)
    assert records(table) == table.to_dict("records")
    assert all(type(r["start"]) is int and type(r["value"]) is float for r in records(table))
