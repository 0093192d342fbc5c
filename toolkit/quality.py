"""Data-quality findings, stories across languages, and quality scores (issue: data quality).

The foundation version reports what cleaning saw; the full checks land with their issue.
"""

from __future__ import annotations

import pandas as pd

from toolkit.model import Document, finding


def document_findings(doc: Document) -> list[dict]:
    """Findings about one cleaned document on its own (repeats, captions, missing source...)."""
    out = []
    for text in doc.duplicates:
        out.append(
            finding(
                "repeated_paragraph",
                "warning",
                "A paragraph appears more than once in the page; it was kept once.",
                doc_id=doc.doc_id,
                subject=text[:80],
                evidence=text[:300],
            )
        )
    return out


def assign_stories(documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame) -> dict[str, str]:
    """doc_id -> story_id; each document its own story until the story matcher lands."""
    return {d: d for d in documents["doc_id"]} if len(documents) else {}


def corpus_findings(documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame) -> list[dict]:
    """Findings that need several documents or tables (conflicts, arithmetic)."""
    return []


def add_scores(documents: pd.DataFrame, metrics: pd.DataFrame, quality: pd.DataFrame) -> pd.DataFrame:
    """The documents table with its quality score column."""
    return documents


def province_summary(
    documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame, quality: pd.DataFrame
) -> pd.DataFrame:
    """One row per province: articles, figures, people, errors, warnings (and the quality score when scored)."""
    docs = documents[documents["province"] != ""] if len(documents) else documents
    provinces = sorted(set(docs["province"]) | set(metrics.get("province", pd.Series(dtype=str))) - {""})
    rows = []
    for prov in provinces:
        doc_ids = set(docs.loc[docs["province"] == prov, "doc_id"])
        sev = quality[quality["doc_id"].isin(doc_ids)]["severity"] if len(quality) else pd.Series(dtype=str)
        rows.append(
            {
                "province": prov,
                "articles": len(doc_ids),
                "figures": int((metrics["province"] == prov).sum()) if len(metrics) else 0,
                "people": int((people["province"] == prov).sum()) if len(people) else 0,
                "errors": int((sev == "error").sum()),
                "warnings": int((sev == "warning").sum()),
            }
        )
    return pd.DataFrame(rows, columns=["province", "articles", "figures", "people", "errors", "warnings"])
