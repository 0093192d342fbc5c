"""CSV files of the output contract: UTF-8 with BOM, comma separated, one header row."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pandas as pd

from toolkit.export.safety import atomic_path, safe_frame
from toolkit.schemas import in_contract_order

# Rows made safe and written at a time.
CHUNK_ROWS = 50_000


def write_csv(df: pd.DataFrame, table: str, out_dir: str | Path) -> Path:
    """Write one table with exactly the contract's columns, atomically."""
    with CsvStream(table, out_dir) as stream:
        stream.write(df)
    return stream.path


def _write_rows(stream, ordered: pd.DataFrame, header: bool) -> None:
    """CRLF line ends (RFC 4180, as Excel writes): a field holding a carriage return or a line feed
    is then quoted; with "\n" alone a bare "\r" in a quote would break the row. Written a slice of
    rows at a time, so the safe copy of a large table is never whole in memory."""
    for begin in range(0, max(len(ordered), 1), CHUNK_ROWS):
        chunk = safe_frame(ordered.iloc[begin : begin + CHUNK_ROWS])
        chunk.to_csv(stream, index=False, header=header and begin == 0, lineterminator="\r\n")


class CsvStream(contextlib.AbstractContextManager):
    """One table's CSV file written a batch of rows at a time, atomically: one byte-order mark and
    one header however many batches, so the bytes are those of all the rows written at once."""

    def __init__(self, table: str, out_dir: str | Path) -> None:
        self.table = table
        self.path = Path(out_dir) / f"{table}.csv"
        self._files = contextlib.ExitStack()
        tmp = self._files.enter_context(atomic_path(self.path))
        stream = open(tmp, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the stack
        self._stream = self._files.enter_context(stream)
        self._header = True

    def write(self, df: pd.DataFrame) -> None:
        """Append rows (the first call also writes the heading, even with no rows)."""
        _write_rows(self._stream, in_contract_order(df, self.table), header=self._header)
        self._header = False

    def __exit__(self, *exc) -> bool | None:
        return self._files.__exit__(*exc)


def write_csvs(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    return [write_csv(df, name, out_dir) for name, df in tables.items()]
