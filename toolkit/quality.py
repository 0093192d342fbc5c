"""Data-quality findings and quality scores: the stage's entry points.

- `document_findings(doc)`: checks of one cleaned document on its own (repeated
  paragraphs, language label or paragraphs in another language, missing
  source, text cut off, captions). Runs per document, in the worker.
- `figure_findings(figures)`: checks within one document's figures: arithmetic
  (parts against their whole, percentages against their ratio) and plausible
  magnitudes (`toolkit.consistency`). Also per document, in the worker.
- `assign_stories(documents, metrics, people)`: which articles report the same
  event (`toolkit.stories`).
- `corpus_findings(documents, metrics, people)`: checks that need several
  documents: stories, conflicts and agreements between reports.
- `document_scores` defines the quality score, used by `add_scores` (documents
  table) and `province_summary`.

Every finding is a plain record with the quality.csv columns plus `metric_ids`,
the figures it is about, so that a reader (and the score) can find them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from toolkit.consistency import compare_reports, document_figure_checks
from toolkit.findings import (
    QUOTE_CHARS,
    SUBJECT_CHARS,
    continued_markers,
    excerpt,
    label_languages,
)
from toolkit.langdata import count_in, folded_words, function_words, language_name
from toolkit.language import detect_text
from toolkit.model import Document, finding
from toolkit.stories import Stories, assign_stories, find_stories, story_findings

__all__ = [
    "add_scores",
    "assign_stories",
    "corpus_findings",
    "document_findings",
    "figure_findings",
    "province_summary",
]

# ---------------------------------------------------------------------------
# Text checks: one document
# ---------------------------------------------------------------------------

# A paragraph shorter than this says too little for its language to be told reliably.
MIN_LANGUAGE_CHARS = 200
LANGUAGE_SAMPLE_CHARS = 400
# The detector's verdict on a paragraph stands only when the paragraph has at least
# this many more frequent short words of the detected language than of the document's.
FUNCTION_WORD_MARGIN = 2
# Running text has a quarter to a half of such words; a paragraph with this share is in the language.
EXPECTED_WORD_SHARE = 0.15
TERMINAL = ".!?…»\"”'’)]"
LANGUAGE_LABEL_NOTE = "language label: "  # how clean.py records a label it removed
PARAGRAPH_KINDS = ("lead", "heading", "body", "caption")


def document_findings(doc: Document) -> list[dict]:
    """Findings about one cleaned document on its own (repeats, languages, source, cut-off, captions)."""
    if not doc.ok:
        return []
    return (
        repeated_paragraphs(doc)
        + language_label_mismatch(doc)
        + paragraphs_in_other_languages(doc)
        + source_missing(doc)
        + text_cut_off(doc)
        + captions_present(doc)
    )


def repeated_paragraphs(doc: Document) -> list[dict]:
    return [
        finding(
            "repeated_paragraph",
            "warning",
            "A paragraph appears more than once in the page; it was kept once.",
            doc_id=doc.doc_id,
            subject=excerpt(text, SUBJECT_CHARS),
            evidence=excerpt(text, QUOTE_CHARS),
        )
        for text in doc.duplicates
    ]


def language_label_mismatch(doc: Document) -> list[dict]:
    """The page carries a language label ('Español') that is not the language its text is in."""
    out = []
    for note in doc.removed:
        if not note.startswith(LANGUAGE_LABEL_NOTE):
            continue
        label = note[len(LANGUAGE_LABEL_NOTE) :].strip()
        labelled = label_languages().get(label.casefold(), "")
        if labelled and doc.language and labelled != doc.language:
            out.append(
                finding(
                    "language_label_mismatch",
                    "warning",
                    f"The page is labelled '{label}' ({language_name(labelled)}) but its text is in "
                    f"{language_name(doc.language)}; the language column follows the text.",
                    doc_id=doc.doc_id,
                    subject=label,
                    evidence=label,
                )
            )
    return out


def paragraphs_in_other_languages(doc: Document) -> list[dict]:
    """Long paragraphs whose language is not the document's (an untranslated or pasted paragraph)."""
    if not doc.language:
        return []
    out = []
    for seg in doc.segments:
        if seg.kind not in PARAGRAPH_KINDS or seg.end - seg.start < MIN_LANGUAGE_CHARS:
            continue  # (measured before the text is copied out)
        text = doc.segment_text(seg)
        lang = paragraph_language(text, doc.language)
        if lang:
            out.append(
                finding(
                    "paragraph_other_language",
                    "warning",
                    f"A paragraph is in {language_name(lang)}, not in {language_name(doc.language)} like the "
                    "rest of the article; it may be untranslated or pasted from another page.",
                    doc_id=doc.doc_id,
                    subject=excerpt(text, SUBJECT_CHARS),
                    evidence=excerpt(text, QUOTE_CHARS),
                )
            )
    return out


def paragraph_language(text: str, expected: str) -> str:
    """The paragraph's language when it is clearly not `expected`, else ''.

    Frequent short words decide the common case at no cost: a paragraph that has its
    share of the expected language's words is in that language. Otherwise the detector
    proposes and the short words confirm, so that a paragraph full of Vietnamese names
    is not mistaken for a neighbouring language.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    tokens = folded_words(sample)
    expected_words = function_words(expected)
    usual = count_in(tokens, expected_words)
    if expected_words and usual >= EXPECTED_WORD_SHARE * len(tokens):
        return ""
    lang = detect_text(sample)
    if not lang or lang == expected:
        return ""
    found = count_in(tokens, function_words(lang))
    return lang if found >= usual + FUNCTION_WORD_MARGIN else ""


def source_missing(doc: Document) -> list[dict]:
    """No source line: the article cannot be traced back to its original page."""
    if any(seg.kind == "source" for seg in doc.segments):
        return []
    if doc.source_url:
        detail = (
            "The page has no source line; the address found in its text was used as the source, "
            "which may not be the article's own page."
        )
    else:
        detail = "The page gives no source address, so the article cannot be checked against the original."
    return [
        finding(
            "source_missing", "warning", detail, doc_id=doc.doc_id, subject=doc.path, evidence=doc.source_url
        )
    ]


def text_cut_off(doc: Document) -> list[dict]:
    """The last paragraph stops mid-sentence, or says the article goes on elsewhere."""
    body = next((seg for seg in reversed(doc.segments) if seg.kind == "body"), None)
    if body is None:
        return []
    last = doc.segment_text(body).rstrip()
    folded = last.casefold()
    marker = next((m for m in continued_markers() if folded.endswith(m)), "")
    if not marker and last[-1:] in TERMINAL:
        return []
    why = f"ends with '{marker}'" if marker else "stops in the middle of a sentence"
    return [
        finding(
            "text_cut_off",
            "warning",
            f"The article's last paragraph {why}: the text was probably cut off, and figures may be missing.",
            doc_id=doc.doc_id,
            subject=excerpt(last[-SUBJECT_CHARS:], SUBJECT_CHARS),
            evidence=excerpt(last[-QUOTE_CHARS:], QUOTE_CHARS),
        )
    ]


def captions_present(doc: Document) -> list[dict]:
    captions = [text for _, text in doc.iter_segments("caption")]
    if not captions:
        return []
    n = len(captions)
    return [
        finding(
            "captions_present",
            "info",
            f"The page has {n} photo caption{'s' if n > 1 else ''}; they were kept apart from the paragraphs, "
            "and figures or people named only there come from a caption.",
            doc_id=doc.doc_id,
            subject=excerpt(captions[0], SUBJECT_CHARS),
            evidence=" | ".join(excerpt(c, 120) for c in captions)[:QUOTE_CHARS],
        )
    ]


# ---------------------------------------------------------------------------
# Corpus findings
# ---------------------------------------------------------------------------


def corpus_findings(
    documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame, stories: Stories | None = None
) -> list[dict]:
    """Findings that need several documents: stories, conflicts and agreements between reports.

    Expects story_id already filled by `assign_stories` in the three tables; `stories`, when the
    caller has found them already (`find_stories`), saves finding them a second time.
    """
    if stories is None:
        stories = find_stories(documents, metrics, people)
    out = story_findings(stories, documents)
    if len(metrics):
        out += compare_reports(metrics)
    return out


def figure_findings(figures: list[dict]) -> list[dict]:
    """Checks within one document's figures (its metrics records): arithmetic and magnitudes."""
    return document_figure_checks(figures)


# ---------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------

COUNTED_SEVERITIES = ("warning", "error")


def document_scores(documents: pd.DataFrame, metrics: pd.DataFrame, quality: pd.DataFrame) -> pd.DataFrame:
    """The quality score of each document, and what it counts. THE definition of the score.

    A document is checked as items: each of its figures, plus its text. A figure is
    clean when no warning or error names it (quality.metric_ids); the text is clean
    when no warning or error is about the document without naming a figure
    (decoding, repeats, cut-off text, other languages, missing source...).

        quality_score = clean items / items, between 0 and 1.

    A document without figures therefore scores 1 when its text is clean and 0 when
    not; a rejected document scores 0. Columns: doc_id, items, clean, quality_score.
    """
    # plain sets and counters: pandas' isin over Arrow text converts every value it looks for
    keys = quality[[c for c in ("severity", "metric_ids", "doc_id") if c in quality]]  # not the long texts
    counted = keys[keys["severity"].isin(COUNTED_SEVERITIES)] if len(keys) else keys
    named = counted["metric_ids"].fillna("").tolist() if "metric_ids" in counted else [""] * len(counted)
    about = counted["doc_id"].tolist() if len(counted) else []
    flagged = {m for ids in named if ids for m in ids.split(";")}
    text_bad = {d for ids, d in zip(named, about, strict=True) if not ids and d}
    doc_of = metrics["doc_id"].tolist() if len(metrics) else []
    figures = dict(Counter(doc_of))
    bad = dict(Counter(d for m, d in zip(metrics["metric_id"].tolist(), doc_of, strict=True) if m in flagged))
    return scores_from_counts(documents, figures, bad, text_bad)


def scores_from_counts(
    documents: pd.DataFrame, figures: Mapping[str, int], bad: Mapping[str, int], text_bad: set[str]
) -> pd.DataFrame:
    """`document_scores` from what it counts: figures per doc_id, flagged figures per doc_id, and the
    documents whose text has a warning or error (a large run counts them while streaming findings)."""
    ids = documents["doc_id"] if len(documents) else pd.Series(dtype=str)
    n = ids.map(figures).fillna(0).astype(int)
    items = n + 1
    text_clean = np.fromiter((d not in text_bad for d in ids.tolist()), bool, len(ids))
    clean = (n - ids.map(bad).fillna(0).astype(int)) + pd.Series(text_clean, index=ids.index).astype(int)
    rejected = (documents["status"] != "ok") if len(documents) else pd.Series(dtype=bool)
    clean = clean.where(~rejected, 0)
    return pd.DataFrame(
        {"doc_id": ids, "items": items, "clean": clean, "quality_score": (clean / items).round(4)}
    )


def add_scores(documents: pd.DataFrame, metrics: pd.DataFrame, quality: pd.DataFrame) -> pd.DataFrame:
    """The documents table with `quality_score` appended after its other columns."""
    out = documents.copy()
    scores = document_scores(documents, metrics, quality)
    out["quality_score"] = scores["quality_score"].to_numpy() if len(out) else pd.Series(dtype=float)
    return out


SUMMARY_COLUMNS = ["province", "articles", "figures", "people", "errors", "warnings", "quality_score"]


def province_summary(
    documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame, quality: pd.DataFrame
) -> pd.DataFrame:
    """One row per province: articles, figures, people, errors, warnings, and the quality score
    (clean items over items of the province's documents, as `document_scores` counts them;
    empty when no document is mainly about the province). Each count is one group-by."""
    docs = documents[documents["province"] != ""] if len(documents) else documents
    provinces = sorted(set(docs["province"]) | set(metrics.get("province", pd.Series(dtype=str))) - {""})
    if not provinces:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    out = pd.DataFrame({"province": provinces}).set_index("province", drop=False)
    out["articles"] = docs.groupby("province").size()
    out["figures"] = metrics.groupby("province").size() if len(metrics) else 0
    out["people"] = people.groupby("province").size() if len(people) else 0
    province_of = docs.set_index("doc_id")["province"]
    sev = (
        quality.assign(province=quality["doc_id"].map(province_of)).groupby(["province", "severity"]).size()
        if len(quality)
        else pd.Series(dtype=int)
    )
    for column, severity in (("errors", "error"), ("warnings", "warning")):
        out[column] = sev.xs(severity, level="severity") if severity in sev.index.get_level_values(-1) else 0
    scores = document_scores(docs, metrics, quality).assign(province=docs["province"].to_numpy())
    pooled = scores.groupby("province")[["clean", "items"]].sum()
    out["quality_score"] = (pooled["clean"] / pooled["items"]).round(4)
    counts = ["articles", "figures", "people", "errors", "warnings"]
    out[counts] = out[counts].fillna(0).astype(int)
    return out[SUMMARY_COLUMNS].reset_index(drop=True)
