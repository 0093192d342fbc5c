"""Figures: every quantity written with digits, normalised, classified and attributed (issue: metrics).

Placeholder until the figure extractor lands: returns no rows.
"""

from __future__ import annotations

from toolkit.model import Document


def extract_metrics(doc: Document) -> list[dict]:
    """One record per figure mention in the cleaned document (metrics.csv columns)."""
    return []
