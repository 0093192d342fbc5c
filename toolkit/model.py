"""Plain records that flow between the stages.

They are dataclasses of built-in types only, so a document pickles cheaply to a
process pool or a Dask worker, and a notebook can look inside with no ceremony.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of segment the cleaner recognises in an article.
SEGMENT_KINDS = ("title", "lead", "heading", "body", "caption", "byline", "dateline", "source")


@dataclass(frozen=True)
class Segment:
    """One paragraph-like piece of the cleaned text, by character offsets."""

    kind: str
    start: int
    end: int


@dataclass
class Document:
    """One input file, read and cleaned. `text` is what offsets refer to."""

    doc_id: str
    path: str
    status: str = "ok"  # ok | rejected
    error: str = ""
    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    encoding: str = ""
    language: str = ""
    title: str = ""
    source_url: str = ""
    publisher: str = ""
    published: str = ""
    province: str = ""
    province_legacy: str = ""
    scope: str = ""
    n_chars: int = 0
    n_paragraphs: int = 0
    n_duplicate_paragraphs: int = 0
    # What cleaning removed or repaired, for the corpus notebook and the findings.
    removed: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def segment_text(self, seg: Segment) -> str:
        return self.text[seg.start : seg.end]

    def first_segment(self, kind: str) -> Segment | None:
        """The first segment of `kind` (the title), or None."""
        return next((seg for seg in self.segments if seg.kind == kind), None)

    def iter_segments(self, *kinds: str):
        """Yield (segment, text) for the segments of the given kinds (all if none given)."""
        for seg in self.segments:
            if not kinds or seg.kind in kinds:
                yield seg, self.text[seg.start : seg.end]


def finding(
    check: str,
    severity: str,
    detail: str,
    doc_id: str = "",
    subject: str = "",
    evidence: str = "",
    story_id: str = "",
    metric_ids: str = "",
) -> dict:
    """A data-quality finding as a plain record (quality.csv columns, id added later).

    `metric_ids` names the figures the finding is about (`;`-separated), when it is about figures.
    """
    return {
        "check": check,
        "severity": severity,
        "doc_id": doc_id,
        "story_id": story_id,
        "subject": subject,
        "detail": detail,
        "evidence": evidence,
        "metric_ids": metric_ids,
    }
