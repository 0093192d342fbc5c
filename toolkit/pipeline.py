"""The flow: read → clean → detect language → place → find figures → find people, per document;
then stories, roster, the checks across documents and validation over the tables.

`process_file` is a pure function of one file and returns plain records, so the
same code runs in a notebook, the CLI, a process pool or a Dask cluster.
`assemble` turns the records of many documents into validated DataFrames.
"""

from __future__ import annotations

import bisect
import hashlib
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from toolkit import metrics as metrics_stage
from toolkit import people as people_stage
from toolkit import quality as quality_stage
from toolkit.clean import clean_document
from toolkit.corpus import DEFAULT_MAX_BYTES, read_document
from toolkit.language import detect_language
from toolkit.model import Document, finding
from toolkit.places import dateline_city, find_places_in, main_province
from toolkit.schemas import TABLES, frame, validate_table
from toolkit.stories import Stories, figure_keys, people_keys, stories_of


@dataclass
class DocOutput:
    """What one document yields: its row, its figures, its people, its findings (plain records)."""

    document: dict
    metrics: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    doc: Document | None = None  # kept only when asked (notebooks); dropped for large runs


@dataclass
class Result:
    """The validated tables of a run, and the cleaned documents when kept."""

    documents: pd.DataFrame
    metrics: pd.DataFrame
    people: pd.DataFrame
    roster: pd.DataFrame
    quality: pd.DataFrame
    docs: dict[str, Document] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def text(self, doc_id: str) -> str:
        """The cleaned text of a document, which `start`/`end` offsets refer to."""
        return self.docs[doc_id].text

    def summary(self) -> dict[str, int]:
        docs = self.documents
        sev = self.quality["severity"].value_counts() if len(self.quality) else {}
        return {
            "documents": len(docs),
            "read": int((docs["status"] == "ok").sum()) if len(docs) else 0,
            "rejected": int((docs["status"] == "rejected").sum()) if len(docs) else 0,
            "figures": len(self.metrics),
            "people": len(self.people),
            "roster": len(self.roster),
            "findings": len(self.quality),
            "errors": int(sev.get("error", 0)),
            "warnings": int(sev.get("warning", 0)),
        }


def prepare_document(path: str, doc_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read, clean, detect language and place one file."""
    doc = read_and_clean(path, doc_id, max_bytes)
    if doc.ok:
        doc.language = detect_language(doc)
        place_document(doc)
    return doc


def read_and_clean(path: str, doc_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and clean one file; the document is no longer `ok` when it could not be read or
    cleaning left nothing of it (it then says why)."""
    doc = read_document(path, doc_id, max_bytes=max_bytes)
    if doc.ok:
        clean_document(doc)
        kept_text(doc)
    return doc


def kept_text(doc: Document) -> bool:
    """Whether cleaning left any text; if not, the document is rejected saying so."""
    if doc.text.strip():
        return True
    doc.status, doc.error = "rejected", "Nothing of the article was left once site chrome was removed."
    return False


PLACE_KINDS = ("title", "lead", "body", "caption")


def place_document(doc: Document) -> None:
    """The article's main province (current name, and the pre-merger one named) and its scope."""
    spans = [(seg.start, seg.end) for seg in doc.segments if seg.kind in PLACE_KINDS]
    mentions = find_places_in(doc.text, spans)  # as find_places on each segment, the text scanned once
    starts = [start for start, _ in spans]
    mentions = [m for m in mentions if not _dateline_city(doc.text, m, starts)]
    doc.province, doc.province_legacy = main_province(mentions)
    if _round_up(doc, mentions):
        doc.province = doc.province_legacy = ""
    # national when the article's figures are about the country (a national conference seen from a province)
    doc.scope = metrics_stage.document_scope(doc)


def _round_up(doc: Document, mentions: list) -> bool:
    """A national round-up: a title that names three provinces or more, or one that names none but
    speaks of the country, or one that names none over a text that names several, none of them in
    half the mentions (`Resolution 57 after one year: 60.7 % of tasks done`, then Quảng Ninh, Hà
    Nội, Đà Nẵng ...). No province is the article's then."""
    title = doc.first_segment("title")
    if title is None:
        return False
    in_title = {m.province for m in mentions if title.start <= m.start < title.end}
    if in_title:  # a ranking's title names its leaders (`Hanoi leads, Ho Chi Minh City and Bac Ninh follow`,
        # `Ha Noi, HCM City lead recalculated DTI 2024 table for 34 provinces`)
        return len(in_title) >= ROUND_UP_PROVINCES or (
            len(in_title) > 1 and metrics_stage.title_names_country(doc)
        )
    if metrics_stage.title_names_country(doc):
        return True  # `... ganham escala em todo o Vietnã`: the country's story, whatever it cites
    counts = Counter(m.province for m in mentions)
    return len(counts) >= ROUND_UP_PROVINCES and max(counts.values()) * 2 <= len(mentions)


ROUND_UP_PROVINCES = 3


def _dateline_city(text: str, m, starts: list[int]) -> bool:
    """The province `m` is the city the story was filed from (see `places.dateline_city`)."""
    i = bisect.bisect_right(starts, m.start) - 1
    return i >= 0 and dateline_city(text, m, starts[i])


def process_file(
    path: str, doc_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, keep_doc: bool = False
) -> DocOutput:
    """Everything that can be done with one file alone. Never raises: should the toolkit itself
    fail on a file, that file is a rejected row saying so, and the run goes on with the others."""
    return process_files([(path, doc_id)], max_bytes, keep_doc)[0]


# Text read ahead before the later stages run over it: a chunk of large files is taken a few files
# at a time, so that a process never holds much more text than this (a 25 MB file goes alone).
STAGE_TEXT_CHARS = 8_000_000


def process_files(
    items: Sequence[tuple[str, str | None]], max_bytes: int = DEFAULT_MAX_BYTES, keep_doc: bool = False
) -> list[DocOutput]:
    """`process_file` on each (path, doc_id), a stage at a time across the files: read and clean,
    language, then (one language's documents after another) place and figures, people, the
    document's checks. The records come back in the order of `items`.

    The records are those of file after file; they come sooner because each stage's patterns,
    word lists and models stay in the processor's caches from one document to the next. Above
    all lingua's models, which it reads at random: called once per article between the other
    stages it took 0.55 ms per article, called for one article after another 0.2 ms. The files
    read ahead hold at most about STAGE_TEXT_CHARS of text. Never raises: a file the toolkit
    fails on is a rejected row saying so."""
    outs: list[DocOutput] = []
    group: list[_File] = []
    held = 0
    for path, doc_id in items:
        file = _File(path, doc_id)
        file.doc = file.run(read_and_clean, path, doc_id, max_bytes)
        group.append(file)
        held += 0 if file.failed else len(file.doc.text)
        if held >= STAGE_TEXT_CHARS:
            outs += _later_stages(group, keep_doc)
            group, held = [], 0
    return outs + _later_stages(group, keep_doc)


@dataclass
class _File:
    """One file on its way through `process_files`: its document, its output as it grows, and the
    rejected row saying so should a step fail (the file then takes no further step)."""

    path: str
    doc_id: str | None
    doc: Document | None = None
    out: DocOutput | None = None
    failure: DocOutput | None = None

    def run(self, step, *args):
        try:
            return step(*args)
        except Exception as exc:  # one bad file never stops a run of thousands
            self.failure = failed_output(self.path, self.doc_id, exc)
            return None

    @property
    def failed(self) -> bool:
        return self.failure is not None

    @property
    def going_on(self) -> bool:
        return not self.failed and self.doc.ok


def _later_stages(group: list[_File], keep_doc: bool) -> list[DocOutput]:
    """The stages after reading, over files read and cleaned (or failed already)."""
    for file in group:
        if file.going_on:
            file.doc.language = file.run(detect_language, file.doc)
    live = sorted((f for f in group if not f.failed), key=lambda f: language_order(f.doc))
    for file in live:
        file.out = file.run(start_output, file.doc, keep_doc)
    for step in (add_people, add_checks):
        for file in live:
            if file.going_on:
                file.run(step, file.doc, file.out)
    return [file.failure or file.out for file in group]


def language_order(doc: Document) -> str:
    """The key that takes one language's documents after another through the stages after the
    language: its wording (patterns, word lists) then stays in the processor's caches too."""
    return doc.language or ""


def failed_output(path: str, doc_id: str | None, exc: Exception) -> DocOutput:
    """The row of a file the toolkit failed on: rejected, with the failure as an error finding."""
    doc = Document(doc_id=doc_id or Path(path).stem, path=str(path), status="rejected")
    doc.error = f"The toolkit failed on this file ({type(exc).__name__}); please report it with the file."
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    place = f" at {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
    evidence = f"{type(exc).__name__}: {exc}"[:300] + place  # for the bug report
    found = finding("document_failed", "error", doc.error, doc.doc_id, str(path), evidence)
    return DocOutput(document=document_record(doc), findings=[found])


def start_output(doc: Document, keep_doc: bool = False) -> DocOutput:
    """The document placed, its record, and its figures (placing reads the figures' analysis,
    which extracting them then reuses: the two go together)."""
    if doc.ok:
        place_document(doc)
    metrics = metrics_stage.extract_metrics(doc) if doc.ok else []  # (its failure is a finding of the doc's)
    out = DocOutput(document=document_record(doc), findings=list(doc.findings), doc=doc if keep_doc else None)
    out.metrics = metrics
    return out


def add_people(doc: Document, out: DocOutput) -> None:
    out.people = people_stage.extract_people(doc)


def add_checks(doc: Document, out: DocOutput) -> None:
    out.findings += quality_stage.document_findings(doc) + quality_stage.figure_findings(out.metrics)


def document_record(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "status": doc.status,
        "error": doc.error,
        "language": doc.language,
        "title": doc.title,
        "source_url": doc.source_url,
        "publisher": doc.publisher,
        "published": doc.published,
        "province": doc.province,
        "scope": doc.scope if doc.ok else "",
        "story_id": doc.doc_id,
        "n_chars": doc.n_chars,
        "n_paragraphs": doc.n_paragraphs,
        "n_duplicate_paragraphs": doc.n_duplicate_paragraphs,
        "encoding": doc.encoding,
    }


class Collector:
    """The per-document records of a run, gathered into table batches while documents stream in.

    Records wait as plain dicts until a batch of documents is complete, then become one compact
    table batch (text in Arrow buffers, numbers in arrays) and are dropped: the object heap
    stays the size of a batch whatever the size of the run; no DocOutput is kept. What depends
    on a batch alone (the tables, the keys that link stories) is done then, while worker
    processes go on with the next documents, not after the last one.
    """

    BATCH = 500  # documents per table batch
    # the keys that link stories, taken from a table's batch (each depends on one document only)
    STORY_KEYS = {"metrics": ("figures", figure_keys), "people": ("people", people_keys)}

    def __init__(self) -> None:
        use_system_allocator()
        self.records: dict[str, list[dict]] = {t: [] for t in ("documents", "metrics", "people")}
        self.batches: dict[str, list[pd.DataFrame]] = {t: [] for t in self.records}
        self.story_keys: dict[str, list[pd.DataFrame]] = {kind: [] for kind, _ in self.STORY_KEYS.values()}
        self.findings: list[dict] = []
        self.roster = people_stage.RosterGroups()  # grouped as documents come, not after the last
        self.docs: dict[str, Document] = {}
        self._pending = 0

    def add(self, out: DocOutput) -> None:
        self.records["documents"].append(out.document)
        self.records["metrics"] += out.metrics
        self.records["people"] += out.people
        self.roster.add(out.people)
        self.findings += out.findings
        if out.doc is not None:
            self.docs[out.doc.doc_id] = out.doc
        self._pending += 1
        if self._pending >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        for table, records in self.records.items():
            if records:
                batch = frame(table, records)
                self.batches[table].append(batch)
                if table in self.STORY_KEYS:
                    kind, keys_of = self.STORY_KEYS[table]
                    self.story_keys[kind].append(keys_of(batch))
            self.records[table] = []
        self._pending = 0

    def stories(self, documents: pd.DataFrame) -> Stories:
        """The stories of the collected documents (`stories.find_stories`), from the keys of each batch."""
        self._flush()
        figures, people = (self._joined(self.story_keys[kind]) for kind in ("figures", "people"))
        return stories_of(documents, figures, people)

    @staticmethod
    def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
        parts = [p for p in parts if len(p)]
        if not parts:
            return pd.DataFrame(columns=["doc_id", "key"])
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)

    def frame(self, table: str) -> pd.DataFrame:
        """The table in document order (doc_id, stable), its batches released as they are joined."""
        self._flush()
        batches, self.batches[table] = self.batches[table], []
        if not batches:
            return frame(table, [])
        df = batches[0] if len(batches) == 1 else pd.concat(batches, ignore_index=True)
        del batches
        if len(df) and not df["doc_id"].is_monotonic_increasing:
            df = df.sort_values("doc_id", kind="stable").reset_index(drop=True)
        return df


def use_system_allocator() -> None:
    """Arrow buffers (the tables' text columns) from the C allocator instead of Arrow's mimalloc pool.

    mimalloc keeps freed pages for reuse, so every intermediate copy made while the tables are joined,
    checked and validated stays resident; the system allocator gives them back (measured on 20 000
    articles: 1137 → 1012 MiB peak, 1031 → 766 MiB at the end). Same values either way.
    """
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def assemble(outputs: Iterable[DocOutput], input_findings: list[dict] | None = None) -> Result:
    """Corpus-level work on the per-document records, then validation of every table.

    `outputs` may be a stream (a generator from the engine): each DocOutput is folded into
    columns as it arrives and not kept.
    """
    collected = Collector()
    for out in outputs:
        collected.add(out)
    return assemble_collected(collected, input_findings)


def assemble_collected(
    collected: Collector, input_findings: list[dict] | None = None, timings: dict[str, float] | None = None
) -> Result:
    """The tables from collected records: stories, roster, corpus checks, validation.
    `timings`, when given, receives the CPU seconds spent in each step (for the benchmark)."""
    with _step(timings, "tables"):
        documents = collected.frame("documents")
        metrics = collected.frame("metrics")
        people = collected.frame("people")
        # the findings leave the collector: the run holds them once, and only until quality.csv is built
        findings, collected.findings = list(input_findings or []) + collected.findings, []

    with _step(timings, "corpus checks"):
        found = collected.stories(documents)  # once: the ids and the story findings
        stories = found.story_of
        for table in (documents, metrics, people):
            if len(table):
                table["story_id"] = table["doc_id"].map(stories).fillna(table["doc_id"])
        roster = frame("roster", collected.roster.rows())
        findings += quality_stage.corpus_findings(documents, metrics, people, stories=found)

    with _step(timings, "validation"):
        tables = {"metrics": metrics, "people": people, "roster": roster}
        for name, table in tables.items():
            tables[name], failures = validate_table(name, table)
            findings += failures
        quality = frame("quality", with_ids(findings, stories))
        del findings
        quality, failures = validate_table("quality", quality)
        # the documents table is validated once scored, so that its score column is checked too
        scored = quality_stage.add_scores(documents, tables["metrics"], quality)
        tables["documents"], doc_failures = validate_table("documents", scored)
        # a finding that breaks the quality schema is itself reported, never lost
        if failures or doc_failures:
            extra = frame("quality", with_ids(failures + doc_failures, stories))
            quality = pd.concat([quality, extra], ignore_index=True)
    return Result(**tables, quality=quality, docs=dict(sorted(collected.docs.items())))


@contextmanager
def _step(timings: dict[str, float] | None, name: str) -> Iterator[None]:
    start = time.process_time()
    try:
        yield
    finally:
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.process_time() - start


def finding_key(f: dict) -> tuple[str, str, str, str]:
    """The order of the quality table: document, check, subject, detail."""
    return (f.get("doc_id", ""), f.get("check", ""), f.get("subject", ""), f.get("detail", ""))


def finding_digest(f: dict) -> str:
    """The content part of a finding's id: the same finding has the same id from run to run."""
    text = f"{f.get('check', '')}|{f.get('doc_id', '')}|{f.get('subject', '')}|{f.get('detail', '')}"
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def with_ids(findings: list[dict], stories: dict[str, str]) -> list[dict]:
    """The findings in table order with stable ids from their content (a count appended to a repeated
    one); story ids filled in from the document's story."""
    out = []
    counts: dict[str, int] = {}
    for f in sorted(findings, key=finding_key):
        f = dict(f)
        if not f.get("story_id") and f.get("doc_id"):
            f["story_id"] = stories.get(f["doc_id"], f["doc_id"])
        digest = finding_digest(f)
        counts[digest] = counts.get(digest, 0) + 1
        f["finding_id"] = f"q-{digest}" + (f"-{counts[digest]}" if counts[digest] > 1 else "")
        out.append(f)
    return out
