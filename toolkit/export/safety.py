"""Rules every written file follows: no live formulas from text, no half-written files.

A spreadsheet runs a cell whose text starts with =, +, -, @, a tab or a carriage
return as a formula (formula injection). In CSV files such text gets an
apostrophe in front, which spreadsheets read as "this is text". In the workbook
the cell is stored as a text cell with Excel's quote prefix, so it shows the
exact text and runs nothing, even when someone edits it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A spreadsheet runs a cell starting with one of these as a formula (formula injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Excel refuses a cell longer than this.
EXCEL_MAX_CELL_CHARS = 32_767
_CUT_MARK = " […cut: the CSV file holds the full text]"


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run is prefixed with an apostrophe; numbers are left alone."""
    if isinstance(value, str) and needs_quote_prefix(value):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text columns are safe to open in a spreadsheet."""
    out = df.copy()
    for col in out.columns:
        values = out[col]
        if isinstance(values.dtype, pd.StringDtype):  # text only: the test runs over the whole column
            risky = values.str.startswith(FORMULA_TRIGGERS).fillna(False).to_numpy(bool)
            if risky.any():
                out[col] = values.where(~risky, "'" + values)
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            out[col] = values.map(safe_cell)
    return out


def needs_quote_prefix(text: str) -> bool:
    """Whether a spreadsheet would take this text for a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def excel_text(text: str) -> str:
    """Text an xlsx cell can hold: control characters Excel rejects removed, cut at Excel's cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_MAX_CELL_CHARS:
        text = text[: EXCEL_MAX_CELL_CHARS - len(_CUT_MARK)] + _CUT_MARK
    return text


def _plain_permission_error(err: PermissionError, target: Path) -> PermissionError:
    """A PermissionError whose message says what to do, for the command line to print as is."""
    message = (
        f"{target.name} could not be written in {target.parent} - the file may be open in another "
        "program (close it and run again) or the folder may be read-only (choose another with --out)"
    )
    return PermissionError(err.errno or errno.EACCES, message, str(target))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` only when the block succeeds.

    A crash or a full disk leaves the previous file whole; a locked or read-only
    target raises a PermissionError with a plain message.
    """
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except PermissionError as err:
        raise _plain_permission_error(err, target) from err
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            os.replace(tmp_path, target)
        except PermissionError as err:
            raise _plain_permission_error(err, target) from err
    finally:
        tmp_path.unlink(missing_ok=True)
