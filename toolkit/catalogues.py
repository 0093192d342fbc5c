"""The catalogues as data dictionaries: indicators, roles and data-quality checks.

Each is a CSV file under `toolkit/data/catalogues/`; the workbook's Indicators
and Checks sheets and the notebooks read them from here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

_FOLDER = resources.files("toolkit") / "data" / "catalogues"


@cache
def _read(name: str) -> pd.DataFrame:
    with (_FOLDER / f"{name}.csv").open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def indicators() -> pd.DataFrame:
    """Indicator keys (metrics.indicator) with what each measures and example wording."""
    return _read("indicators").copy()


def roles() -> pd.DataFrame:
    """Role keys (people.role_keys) with their level and title."""
    return _read("roles").copy()


def checks() -> pd.DataFrame:
    """Data-quality checks (quality.check) with their usual severity, meaning and what to do."""
    return _read("checks").copy()


def parts() -> pd.DataFrame:
    """Indicators that are parts of another (tasks completed of all tasks), with the percentage of the part."""
    return _read("parts").copy()


def ranges() -> pd.DataFrame:
    """Plausible range (min, max) of each indicator and unit ('*': any indicator of that unit), and why."""
    return _read("ranges").copy()
