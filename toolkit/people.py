"""People: named officials and the press, their titles and roles (issue: people).

Placeholder until the people extractor lands: returns no rows.
"""

from __future__ import annotations

import pandas as pd

from toolkit.model import Document


def extract_people(doc: Document) -> list[dict]:
    """One record per named person in the cleaned document (people.csv columns)."""
    return []


def build_roster(people: pd.DataFrame) -> list[dict]:
    """One record per person across documents (roster.csv columns)."""
    return []
