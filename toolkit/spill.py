"""Large runs: tables written batch by batch, memory flat whatever the number of articles.

`toolkit.pipeline.assemble` holds every table whole (the notebooks' `Result`). For the command
line the same tables are made without that: `write_streamed` takes the documents in doc_id
order and, every `BATCH` documents,

- builds the batch's tables and validates their rows (pandera; row numbers are the table's);
- spills the validated metrics and people rows, and the batch's findings sorted, to Parquet files
  in a hidden folder of the run's staging folder (removed with it, whatever happens);
- keeps only slim columns: the documents table, figure and people keys as integers (stories),
  the named figures' key columns as categories (comparisons), figures per document (scores).

Then the corpus steps run on those: stories, comparisons (their quotes fetched back only for the
figures a finding names), the roster (people read back a bucket of person ids at a time), and
the outputs are written batch by batch with the story ids joined on; the quality table is an
external merge of sorted runs, in the same order as `pipeline.with_ids` gives it. The files are
the same, byte for byte, as those written from `pipeline.assemble`'s tables.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import heapq
from array import array
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from toolkit import people as people_stage
from toolkit.consistency import DEFERRED, iter_compare_reports
from toolkit.findings import evidence_quotes
from toolkit.pipeline import DocOutput, finding_digest, finding_key, use_system_allocator, with_ids
from toolkit.quality import COUNTED_SEVERITIES, scores_from_counts
from toolkit.schemas import frame, validate_table
from toolkit.stories import figure_keys, key_codes, people_keys, stories_from_keys, story_findings

BATCH = 1000  # documents per batch: validated, checked and spilled together
PART = 250  # documents whose records wait as dicts before they become a table (dicts are large)
FINDINGS_PER_RUN = 20_000  # comparison findings held before their quotes are fetched and they are spilled
ROSTER_BUCKETS = 16  # the people table is read back this many times, a sixteenth of the persons each
MERGE_READ_ROWS = 64  # rows read at a time from each sorted run of findings (a hundred runs or so)
RUN_ROW_GROUP = 4096  # the merge reads every run at once, a row group of each at a time
QUALITY_CHUNK = 5000  # quality rows validated and written at a time
FINDING_COLUMNS = ["check", "severity", "doc_id", "story_id", "subject", "detail", "evidence", "metric_ids"]
# Columns of the named figures kept in memory for the comparisons (text ones as categories).
COMPARE_TEXT = ["province", "scope", "indicator", "unit", "period", "qualifier", "language"]


class Spill:
    """The run's spilled tables and what is kept of them in memory, batch by batch."""

    def __init__(self, folder: Path) -> None:
        use_system_allocator()
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.records: dict[str, list[dict]] = {"documents": [], "metrics": [], "people": []}
        self.parts: dict[str, list[pd.DataFrame]] = {name: [] for name in self.records}
        self.pending = 0
        self.findings: list[dict] = []
        self.documents: list[pd.DataFrame] = []
        self.files: dict[str, list[Path]] = {"metrics": [], "people": []}
        self.first_row: dict[str, list[int]] = {"metrics": [], "people": []}  # of each spilled file
        self.rows = {"metrics": 0, "people": 0}
        self.runs: list[Path] = []
        self.doc_ids: list[str] = []
        self._codes: dict[str, int] = {}
        self.figure_keys: list[tuple[np.ndarray, np.ndarray]] = []
        self.people_keys: list[tuple[np.ndarray, np.ndarray]] = []
        self.named: list[pd.DataFrame] = []
        self.figures_per_doc: list[np.ndarray] = []

    def doc_codes(self) -> dict[str, int]:
        """doc_id -> its code, its rank in doc_id order (made once, when every batch is in)."""
        if len(self._codes) != len(self.doc_ids):
            self._codes = {d: i for i, d in enumerate(self.doc_ids)}
        return self._codes

    def add(self, out: DocOutput) -> None:
        self.records["documents"].append(out.document)
        self.records["metrics"] += out.metrics
        self.records["people"] += out.people
        self.findings += out.findings
        self.pending += 1
        if len(self.records["documents"]) >= PART:
            self._compact()
        if self.pending >= BATCH:
            self.flush()

    def _compact(self) -> None:
        for name, records in self.records.items():
            self.parts[name].append(frame(name, records))
            self.records[name] = []

    def flush(self) -> None:
        """The batch's tables: validated, spilled; slim columns kept."""
        if not self.pending:
            return
        self._compact()
        self.pending = 0
        docs = self._table("documents")
        base = len(self.doc_ids)
        new_ids = docs["doc_id"].tolist()
        if self.doc_ids and new_ids[0] <= self.doc_ids[-1] or new_ids != sorted(set(new_ids)):
            raise ValueError("a spilled run takes documents in increasing doc_id order, each once")
        self.doc_ids += new_ids
        code = {d: base + i for i, d in enumerate(new_ids)}
        metrics = self._table("metrics")
        people = self._table("people")
        findings, self.findings = self.findings, []
        self._keep_slim(metrics, people, code, base, len(docs))
        for name, table in (("metrics", metrics), ("people", people)):
            valid, failures = validate_table(name, table)
            findings += failures
            if len(valid):
                self.first_row[name].append(int(table.index[0]))
                path = self.folder / f"{name}-{len(self.files[name]):05d}.parquet"
                pq.write_table(pa.Table.from_pandas(valid, preserve_index=False), path)
                self.files[name].append(path)
        self.documents.append(docs)
        self.spill_findings(findings)
        release_memory()

    def _table(self, name: str) -> pd.DataFrame:
        """The batch's rows of a table, numbered as rows of the whole table (validation findings say so)."""
        parts, self.parts[name] = [p for p in self.parts[name] if len(p)], []
        df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0] if parts else frame(name, [])
        if name == "documents":
            return df
        df.index = pd.RangeIndex(self.rows[name], self.rows[name] + len(df))
        self.rows[name] += len(df)
        return df

    def _keep_slim(
        self, metrics: pd.DataFrame, people: pd.DataFrame, code: dict[str, int], base: int, n_docs: int
    ) -> None:
        """What the corpus steps need of the batch: keys of stories as integers, figures per document,
        and the named figures' columns for the comparisons (no quote, no label)."""
        self.figure_keys.append(key_codes(figure_keys(metrics), code))
        self.people_keys.append(key_codes(people_keys(people), code))
        doc_codes = np.fromiter((code[d] for d in metrics["doc_id"]), np.int64, len(metrics))
        self.figures_per_doc.append(np.bincount(doc_codes - base, minlength=n_docs))
        named = (metrics["indicator"] != "other").to_numpy()
        slim = pd.DataFrame(
            {
                "doc": doc_codes[named].astype(np.int32),
                "row": metrics.index.to_numpy()[named].astype(np.int32),
                "start": metrics["start"].to_numpy()[named].astype(np.int32),
                "value": metrics["value"].to_numpy()[named],
                "raw": metrics["raw"][named].reset_index(drop=True),
            }
        )
        for col in COMPARE_TEXT:
            slim[col] = pd.Categorical(metrics[col][named].to_numpy())
        self.named.append(slim)

    def spill_findings(self, findings: list[dict]) -> None:
        """A sorted run of findings, with each finding's digest (its id comes at the merge)."""
        if not findings:
            return
        findings.sort(key=finding_key)
        table = {c: [_text(f.get(c, "")) for f in findings] for c in FINDING_COLUMNS}
        table["digest"] = [finding_digest(f) for f in findings]
        path = self.folder / f"findings-{len(self.runs):05d}.parquet"
        pq.write_table(pa.table(table), path, row_group_size=RUN_ROW_GROUP)
        self.runs.append(path)

    def read(self, name: str, cols: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """The spilled batches of a table, in order."""
        for path in self.files[name]:
            yield pd.read_parquet(path, columns=cols)

    def metric_rows(self, rows: np.ndarray, cols: list[str]) -> dict[str, list]:
        """Columns of the metrics rows `rows` (sorted, unique), read back from the spilled batches."""
        out: dict[str, list] = {c: [] for c in cols}
        starts = [*self.first_row["metrics"], self.rows["metrics"]]
        for k, path in enumerate(self.files["metrics"]):
            lo, hi = np.searchsorted(rows, starts[k : k + 2])
            if hi > lo:
                table = pq.read_table(path, columns=cols).take(pa.array(rows[lo:hi] - starts[k]))
                for c in cols:
                    out[c] += table[c].to_pylist()
        return out


def release_memory() -> None:
    """Give freed memory back to the system (glibc keeps it otherwise, and the run's size shows)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # pragma: no cover - not glibc
        return None


_LIBC = _libc()


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


# ---------------------------------------------------------------------------
# The corpus steps and the outputs
# ---------------------------------------------------------------------------


def write_streamed(
    outputs: Iterable[DocOutput], input_findings: list[dict], stage: Path, fmt: str
) -> dict[str, int]:
    """Every table of the run written into `stage` (CSV, Parquet or both), from `outputs` in doc_id
    order; returns the run's summary (as `Result.summary`)."""
    from toolkit.export.outputs import table_streams

    spill = Spill(stage / ".spill")
    spill.spill_findings(list(input_findings))  # first, as in `assemble`
    for out in outputs:
        spill.add(out)
    spill.flush()
    documents = pd.concat(spill.documents, ignore_index=True) if spill.documents else frame("documents", [])
    spill.documents = []
    story_of = _stories(spill, documents)
    roster = _roster(spill)
    documents["story_id"] = documents["doc_id"].map(story_of).fillna(documents["doc_id"])
    summary = {"documents": len(documents), "read": int((documents["status"] == "ok").sum())}
    summary["rejected"] = summary["documents"] - summary["read"]
    summary.update(figures=spill.rows["metrics"], people=spill.rows["people"], roster=len(roster))
    with table_streams(stage, fmt) as streams:
        for name in ("metrics", "people"):
            _write_rows(spill, name, story_of, streams[name])
        streams["roster"].write(roster)
        del roster
        merged = _QualityWriter(spill, story_of, streams["quality"])
        merged.write_all()
        scored = documents.assign(quality_score=merged.scores(documents, spill)["quality_score"].to_numpy())
        scored, doc_failures = validate_table("documents", scored)
        streams["documents"].write(scored)
        merged.write_extra(doc_failures)
    summary.update(merged.counts)
    return summary


def _stories(spill: Spill, documents: pd.DataFrame) -> dict[str, str]:
    """Stories from the kept keys; their findings and the comparisons of figures spilled as runs."""
    figures = _concat_keys(spill.figure_keys)
    people = _concat_keys(spill.people_keys)
    spill.figure_keys = spill.people_keys = []
    code = spill.doc_codes()
    found = stories_from_keys(documents, code, figures, people)
    del figures, people
    spill.spill_findings(story_findings(found, documents))
    story_of = found.story_of
    story_code = np.fromiter((code[story_of[d]] for d in spill.doc_ids), np.int32, len(spill.doc_ids))
    named = _named(spill, story_code)
    pending: list[dict] = []
    for found_here in iter_compare_reports(named):
        pending += found_here
        if len(pending) >= FINDINGS_PER_RUN:
            spill.spill_findings(_with_quotes(spill, pending))
            pending = []
    spill.spill_findings(_with_quotes(spill, pending))
    release_memory()
    return story_of


def _with_quotes(spill: Spill, findings: list[dict]) -> list[dict]:
    """The findings with the quotes of the figures they name as evidence (DEFERRED until now)."""
    deferred = [f for f in findings if f["evidence"].startswith(DEFERRED)]
    if not deferred:
        return findings
    rows_of = [[int(r) for r in f["evidence"][len(DEFERRED) :].split(";")] for f in deferred]
    wanted = np.unique(np.fromiter(chain.from_iterable(rows_of), np.int64))
    cols = spill.metric_rows(wanted, ["doc_id", "quote", "raw"])
    for f, rows in zip(deferred, rows_of, strict=True):
        at = np.searchsorted(wanted, rows)
        f["evidence"] = evidence_quotes([{c: cols[c][i] for c in cols} for i in at])
    return findings


def _concat_keys(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if not parts:
        return np.empty(0, np.int64), np.empty(0, np.uint64)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _named(spill: Spill, story_code: np.ndarray) -> pd.DataFrame:
    """The named figures of the whole run for the comparisons: ids and text columns as categories
    (in sorted order, so that sorting them sorts the text)."""
    parts, spill.named = spill.named, []
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame()
    doc = np.concatenate([p["doc"].to_numpy() for p in parts])
    ids = pd.Index(spill.doc_ids)
    out = pd.DataFrame(
        {
            "doc_id": pd.Categorical.from_codes(doc, categories=ids),
            "story_id": pd.Categorical.from_codes(story_code[doc], categories=ids),
        }
    )
    for col in COMPARE_TEXT:
        out[col] = pd.api.types.union_categoricals([p[col] for p in parts], sort_categories=True)
    for col in ("value", "start", "row"):
        out[col] = np.concatenate([p[col].to_numpy() for p in parts])
    out["raw"] = pd.concat([p["raw"] for p in parts], ignore_index=True)
    return out


ROSTER_COLUMNS = ["person_id", "doc_id", "start", "name", "gender", "role", "role_keys", "level", "province"]


def _roster(spill: Spill) -> pd.DataFrame:
    """The roster, a bucket of person ids at a time (`people.build_roster` on each), validated; its
    schema findings spilled."""
    parts = []
    for bucket in range(ROSTER_BUCKETS):
        rows = []
        for path in spill.files["people"]:
            df = pd.read_parquet(path, columns=ROSTER_COLUMNS)
            ids = df["person_id"].to_numpy(dtype=object)
            rows.append(df[pd.util.hash_array(ids) % ROSTER_BUCKETS == bucket])
        if rows:
            parts.append(frame("roster", people_stage.build_roster(pd.concat(rows, ignore_index=True))))
    roster = pd.concat(parts, ignore_index=True) if parts else frame("roster", [])
    order = np.argsort(roster["person_id"].to_numpy(dtype=object), kind="stable")
    roster = roster.iloc[order].reset_index(drop=True)
    roster, failures = validate_table("roster", roster)
    spill.spill_findings(failures)
    release_memory()
    return roster


def _write_rows(spill: Spill, name: str, story_of: dict[str, str], stream) -> None:
    """A spilled table written out batch by batch, with its story ids."""
    for df in spill.read(name):
        df["story_id"] = df["doc_id"].map(story_of).fillna(df["doc_id"])
        stream.write(df)
        del df
        release_memory()
    if not spill.files[name]:
        stream.write(validate_table(name, frame(name, []))[0])


class _QualityWriter:
    """The quality table: the sorted runs merged, ids and story ids given, deferred quotes fetched,
    validated and written a chunk at a time; what the documents' scores count, counted on the way."""

    def __init__(self, spill: Spill, story_of: dict[str, str], stream) -> None:
        self.spill, self.story_of, self.stream = spill, story_of, stream
        self.code = spill.doc_codes()
        self.flagged = array("q")  # flagged figures as doc code << 32 | start
        self.text_bad: set[str] = set()
        self.failures: list[dict] = []
        self.counts = {"findings": 0, "errors": 0, "warnings": 0}
        self.written = 0

    def write_all(self) -> None:
        repeated = self._repeated_digests()
        seen: dict[str, int] = {}
        chunk: list[dict] = []
        for f in heapq.merge(*(_run_rows(p) for p in self.spill.runs), key=finding_key):
            digest = f.pop("digest")
            if not f["story_id"] and f["doc_id"]:
                f["story_id"] = self.story_of.get(f["doc_id"], f["doc_id"])
            suffix = ""
            if digest in repeated:
                seen[digest] = seen.get(digest, 0) + 1
                suffix = f"-{seen[digest]}" if seen[digest] > 1 else ""
            f["finding_id"] = f"q-{digest}{suffix}"
            self._count_for_scores(f)
            chunk.append(f)
            if len(chunk) >= QUALITY_CHUNK:
                self._write(chunk, validate=True)
                chunk = []
        if chunk or not self.written:
            self._write(chunk, validate=True)

    def _repeated_digests(self) -> set[str]:
        """Digests of findings with the same content (numbered -2, -3... in table order)."""
        digests = [pq.read_table(p, columns=["digest"])["digest"] for p in self.spill.runs]
        if not digests:
            return set()
        counts = pc.value_counts(pa.chunked_array(digests))
        repeated = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
        return set(repeated.to_pylist())

    def _count_for_scores(self, f: dict) -> None:
        if f["severity"] not in COUNTED_SEVERITIES:
            return
        if not f["metric_ids"]:
            if f["doc_id"]:
                self.text_bad.add(f["doc_id"])
            return
        for metric_id in f["metric_ids"].split(";"):
            doc_id, _, start = metric_id.rpartition(":m")
            if doc_id in self.code and start.isdigit():
                self.flagged.append((self.code[doc_id] << 32) | int(start))

    def _write(self, chunk: list[dict], validate: bool) -> None:
        df = frame("quality", chunk)
        df.index = pd.RangeIndex(self.written, self.written + len(df))
        if validate:
            df, failures = validate_table("quality", df)
            self.failures += failures
        self.stream.write(df)
        self.written += len(df)
        severity = df["severity"].value_counts() if len(df) else {}
        self.counts["findings"] += len(df)
        self.counts["errors"] += int(severity.get("error", 0))
        self.counts["warnings"] += int(severity.get("warning", 0))
        release_memory()

    def scores(self, documents: pd.DataFrame, spill: Spill) -> pd.DataFrame:
        """`quality.document_scores` from the counts taken while the findings were written."""
        per_doc = np.concatenate(spill.figures_per_doc) if spill.figures_per_doc else np.empty(0, np.int64)
        figures = pd.Series(per_doc, index=spill.doc_ids)
        flagged = np.unique(np.frombuffer(self.flagged, dtype=np.int64)) >> 32
        bad = pd.Series(np.bincount(flagged, minlength=len(spill.doc_ids)), index=spill.doc_ids)
        return scores_from_counts(documents, figures, bad, self.text_bad)

    def write_extra(self, doc_failures: list[dict]) -> None:
        """Findings about the quality and documents tables themselves, after the table (as `assemble`)."""
        extra = self.failures + doc_failures
        if extra:
            self._write(with_ids(extra, self.story_of), validate=False)


def _run_rows(path: Path) -> Iterator[dict]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=MERGE_READ_ROWS):
        yield from batch.to_pylist()
