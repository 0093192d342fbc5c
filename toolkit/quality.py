"""Data-quality findings, stories across languages, and quality scores.

Three kinds of work, each a pure function:

- `document_findings(doc)`: checks of one cleaned document on its own (repeated
  paragraphs, language label or paragraphs in another language, missing
  source, text cut off, captions). Runs per document, in the worker.
- `assign_stories(documents, metrics, people)`: which articles report the same
  event, from signals that survive translation (figures, people, the source
  address's article id), never word overlap.
- `corpus_findings(documents, metrics, people)`: checks that need several
  figures or documents: stories, conflicts and agreements between reports,
  arithmetic (parts and wholes, percentages, plausible magnitudes).

`document_scores` defines the quality score, used by `add_scores` (documents
table) and `province_summary`. Every finding is a plain record with the
quality.csv columns plus `metric_ids`, the figures it is about, so that a reader
(and the score) can find them. Wording cues per language are in
`toolkit/data/quality/<lang>.toml`; thresholds and part/whole relations are the
catalogues `ranges.csv` and `parts.csv`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import combinations
from urllib.parse import parse_qs, urlparse

import pandas as pd

from toolkit import catalogues
from toolkit.langdata import languages, load, words
from toolkit.language import detect_text
from toolkit.model import Document, finding

# ---------------------------------------------------------------------------
# Findings as records
# ---------------------------------------------------------------------------

QUOTE_CHARS = 300
SUBJECT_CHARS = 80


def figure_finding(
    check: str, severity: str, detail: str, rows: list[dict], evidence: str = "", story_id: str = ""
) -> dict:
    """A finding about one or more figures: subject and `metric_ids` name them, evidence quotes them."""
    first = rows[0]
    return finding(
        check,
        severity,
        detail,
        doc_id=first["doc_id"],
        subject=" vs ".join(r["metric_id"] for r in rows),
        evidence=evidence or _quotes(rows),
        story_id=story_id or first.get("story_id", ""),
        metric_ids=";".join(r["metric_id"] for r in rows),
    )


def _quotes(rows: list[dict]) -> str:
    """Each distinct sentence once, with the document it comes from when there are several."""
    docs = {r["doc_id"] for r in rows}
    seen, parts = set(), []
    for r in rows:
        key = (r["doc_id"], r["quote"])
        if key in seen:
            continue
        seen.add(key)
        quote = f'"{excerpt(r["quote"], QUOTE_CHARS, r.get("raw", ""))}"'
        parts.append(f"{r['doc_id']}: {quote}" if len(docs) > 1 else quote)
    return " | ".join(parts)


def excerpt(text: str, n: int, around: str = "") -> str:
    """At most n characters of a text on one line, around `around` (a figure) when the text is longer."""
    text = " ".join(str(text).split())
    if len(text) <= n:
        return text
    at = max(text.find(around), 0) if around else 0
    lo = max(0, min(at - n // 3, len(text) - n + 2))
    hi = lo + n - 2
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


# ---------------------------------------------------------------------------
# Wording cues (data)
# ---------------------------------------------------------------------------


@cache
def language_name(code: str) -> str:
    """English name of a language code for plain sentences ('Spanish'); the code itself if unknown."""
    return load("quality", code).get("name", code) if code else "unknown"


@cache
def function_words(code: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in load("quality", code).get("function_words", []))


@cache
def growth_pattern() -> re.Pattern:
    """Word starts that mark a growth rate, in any language."""
    stems = sorted(set(words("quality", "growth_words")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)


@cache
def continued_markers() -> tuple[str, ...]:
    return tuple(m.casefold() for m in words("quality", "continued_markers"))


@cache
def label_languages() -> dict[str, str]:
    """Language label as printed on a page ('Español') -> language code, from the boilerplate files."""
    return {
        name.casefold(): lang
        for lang in languages("boilerplate")
        for name in load("boilerplate", lang).get("language_names", [])
    }


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
    for _, text in doc.iter_segments(*PARAGRAPH_KINDS):
        if len(text) < MIN_LANGUAGE_CHARS:
            continue
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
    tokens = Counter(re.findall(r"\w+", sample.casefold()))
    usual = sum(n for w, n in tokens.items() if w in function_words(expected))
    if function_words(expected) and usual >= EXPECTED_WORD_SHARE * sum(tokens.values()):
        return ""
    lang = detect_text(sample)
    if not lang or lang == expected:
        return ""
    found = sum(n for w, n in tokens.items() if w in function_words(lang))
    return lang if found >= usual + FUNCTION_WORD_MARGIN else ""


def source_missing(doc: Document) -> list[dict]:
    """No source line: the article cannot be traced back to its original page."""
    if any(True for _ in doc.iter_segments("source")):
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
    body = [text for _, text in doc.iter_segments("body")]
    if not body:
        return []
    last = body[-1].rstrip()
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
# Stories across languages
# ---------------------------------------------------------------------------

# Figures shared by two articles that make them one story: at least this many, and
# at least this share of the smaller article's distinctive figures.
MIN_SHARED_FIGURES = 3
MIN_SHARED_SHARE = 0.5
# Fewer shared figures suffice when the articles also name as many of the same people.
MIN_FIGURES_WITH_PEOPLE = 2
MIN_SHARED_PEOPLE = 2
# A value or person in more articles than this is too common to tell stories apart.
MAX_DOCS_PER_SIGNAL = 50
# Translations of one article are published within days of each other.
MAX_DAYS_APART = 7
# Small counts and whole percentages recur in unrelated articles.
MIN_DISTINCT_COUNT = 10
COMMON_PERCENTS = (0.0, 100.0)
_URL_ID = re.compile(r"(?=[a-z0-9]*\d)[a-z0-9]{3,}$", re.IGNORECASE)
_ID_PARAMS = ("id", "newsid", "articleid", "p")
# A slug ending in a recent year (`...-ke-hoach-2025`) ends in a year, not in the article's id.
_YEAR = re.compile(r"^(?:199\d|20[0-3]\d)$")


@dataclass
class Link:
    """Why two documents are one story."""

    a: str
    b: str
    article_id: str = ""
    figures: int = 0
    people: int = 0


@dataclass
class Stories:
    """doc_id -> story_id, and the links that made each story."""

    story_of: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


def assign_stories(documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame) -> dict[str, str]:
    """doc_id -> story_id: the smallest doc_id of the articles reporting the same event."""
    return find_stories(documents, metrics, people).story_of


def find_stories(documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame) -> Stories:
    """Link documents that share an article id, or enough figures (and people); stories are the groups."""
    if not len(documents):
        return Stories()
    ok = documents[documents["status"] == "ok"]
    articles = _same_article(ok)  # pairs come sorted (a < b) from every signal
    fig_pairs, fig_counts = _shared(_figure_keys(metrics))
    people_pairs, _ = _shared(_people_keys(people))
    # most pairs share a single value by chance: only pairs that could pass a rule are looked at
    candidates = set(articles) | {pair for pair, n in fig_pairs.items() if n >= MIN_FIGURES_WITH_PEOPLE}
    links = [
        Link(a, b, articles.get((a, b), ""), fig_pairs.get((a, b), 0), people_pairs.get((a, b), 0))
        for a, b in candidates
    ]
    meta = ok.set_index("doc_id")[["province", "published"]].to_dict("index")
    kept = [lk for lk in links if _is_story_link(lk, fig_counts, meta)]
    return Stories(_groups(documents["doc_id"].tolist(), kept), sorted(kept, key=lambda lk: (lk.a, lk.b)))


def _same_article(docs: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Pairs of documents whose source addresses name the same article of the same publisher."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for doc_id, url in zip(docs["doc_id"], docs["source_url"], strict=True):
        key = article_key(url)
        if key:
            by_article[key].append(doc_id)
    return {
        pair: key
        for key, ids in by_article.items()
        if 1 < len(ids) <= MAX_DOCS_PER_SIGNAL
        for pair in combinations(sorted(ids), 2)
    }


def article_key(url: str) -> str:
    """'publisher/article id' from a source address (the id the site gives the article), '' if none.

    The id is the last token of the address's last part (`...-1234.html` → 1234) or an id
    parameter; the words of the address are a translation of the title and are not used.
    """
    if not url:
        return ""
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.")
    query = parse_qs(parsed.query)
    for name in _ID_PARAMS:
        if query.get(name):
            return f"{host}/{query[name][0]}"
    last = parsed.path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.[a-z]{2,5}$", "", last, flags=re.IGNORECASE)
    token = re.split(r"[-_]", last)[-1] if last else ""
    if not host or not _URL_ID.match(token) or _YEAR.match(token):
        return ""
    return f"{host}/{token.lower()}"


def _figure_keys(metrics: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, key) for each distinctive figure value of each document: value and unit, not wording."""
    if not len(metrics):
        return pd.DataFrame(columns=["doc_id", "key"])
    m = metrics[["doc_id", "value", "unit"]]
    common = (m["unit"] == "percent") & m["value"].isin(COMMON_PERCENTS)
    small = m["unit"].isin(["count", "rank"]) & (m["value"].abs() < MIN_DISTINCT_COUNT)
    m = m[~common & ~small]
    keys = m["unit"] + ":" + m["value"].map(lambda v: f"{v:.9g}")
    return pd.DataFrame({"doc_id": m["doc_id"], "key": keys}).drop_duplicates()


def _people_keys(people: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, person_id) for officials; bylines are left out (one reporter writes many stories)."""
    if not len(people):
        return pd.DataFrame(columns=["doc_id", "key"])
    p = people[people["level"] != "press"]
    return pd.DataFrame({"doc_id": p["doc_id"], "key": p["person_id"]}).drop_duplicates()


def _shared(keys: pd.DataFrame) -> tuple[Counter, dict[str, int]]:
    """How many keys each pair of documents shares (through an inverted index), and keys per document."""
    per_doc = keys.groupby("doc_id").size().to_dict() if len(keys) else {}
    pairs: Counter = Counter()
    if not len(keys):
        return pairs, per_doc
    size = keys.groupby("key")["doc_id"].transform("size")
    useful = keys[(size > 1) & (size <= MAX_DOCS_PER_SIGNAL)]
    for ids in useful.groupby("key")["doc_id"].agg(sorted):
        pairs.update(combinations(ids, 2))
    return pairs, per_doc


def _is_story_link(lk: Link, fig_counts: dict[str, int], meta: dict[str, dict]) -> bool:
    """Reports of one event are about one province and published close together; then they share
    the source's article id, or enough figures, or figures and officials."""
    if lk.a not in meta or lk.b not in meta:
        return False
    a, b = meta[lk.a], meta[lk.b]
    if a["province"] and b["province"] and a["province"] != b["province"]:
        return False
    if not _dates_close(a["published"], b["published"]):
        return False
    if lk.article_id:
        return True
    smaller = min(fig_counts.get(lk.a, 0), fig_counts.get(lk.b, 0))
    by_figures = lk.figures >= MIN_SHARED_FIGURES and lk.figures >= MIN_SHARED_SHARE * smaller
    by_people = lk.figures >= MIN_FIGURES_WITH_PEOPLE and lk.people >= MIN_SHARED_PEOPLE
    return by_figures or by_people


def _dates_close(a: str, b: str) -> bool:
    """Unknown dates never separate; full dates within a week; months equal or next to each other."""
    if not a or not b:
        return True
    try:
        if len(a) >= 10 and len(b) >= 10:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= MAX_DAYS_APART
        (ya, ma), (yb, mb) = (int(a[:4]), int(a[5:7] or 1)), (int(b[:4]), int(b[5:7] or 1))
    except ValueError:
        return True
    return abs((ya * 12 + ma) - (yb * 12 + mb)) <= 1


def _groups(doc_ids: list[str], links: list[Link]) -> dict[str, str]:
    """Union-find over the links; each group's story id is its smallest doc_id."""
    parent = {d: d for d in doc_ids}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for lk in links:
        ra, rb = root(lk.a), root(lk.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {d: root(d) for d in doc_ids}


def story_findings(stories: Stories, documents: pd.DataFrame) -> list[dict]:
    """One `same_story` info per linked pair of documents, saying what they share."""
    lang = dict(zip(documents["doc_id"], documents["language"], strict=True)) if len(documents) else {}
    url = dict(zip(documents["doc_id"], documents["source_url"], strict=True)) if len(documents) else {}
    out = []
    for lk in stories.links:
        signals = []
        if lk.article_id:
            signals.append(f"the same article id in their source addresses ({lk.article_id})")
        if lk.figures:
            signals.append(f"{lk.figures} figure{'s' if lk.figures > 1 else ''}")
        if lk.people:
            signals.append(f"{lk.people} named official{'s' if lk.people > 1 else ''}")
        detail = (
            f"The {language_name(lang.get(lk.a, ''))} article {lk.a} and the "
            f"{language_name(lang.get(lk.b, ''))} article {lk.b} report the same event: they share "
            + ", ".join(signals)
            + "."
        )
        out.append(
            finding(
                "same_story",
                "info",
                detail,
                doc_id=lk.b,
                subject=f"{lk.a} = {lk.b}",
                evidence=f"{lk.a}: {url.get(lk.a, '')} | {lk.b}: {url.get(lk.b, '')}",
                story_id=stories.story_of.get(lk.a, lk.a),
            )
        )
    return out


# ---------------------------------------------------------------------------
# Conflicts and agreements between reports
# ---------------------------------------------------------------------------

# Past this many articles in one comparison group, each is compared with its neighbours by value only.
MAX_ALL_PAIRS = 12
# Approximate figures may be this far from each other and still agree.
APPROX_SHARE = 0.05
# An exact figure stands for its value up to its last written digit, but never more loosely than this.
EXACT_SHARE = 0.005
_METRIC_COLUMNS = [
    "metric_id", "doc_id", "story_id", "province", "scope", "indicator", "label", "value", "unit",
    "qualifier", "period", "language", "raw", "quote", "start", "end",
]  # fmt: skip


def compare_reports(metrics: pd.DataFrame) -> list[dict]:
    """Same indicator in two reports of one story (or one province and period): conflict or agreement."""
    m = metrics[metrics["indicator"] != "other"] if len(metrics) else metrics
    if not len(m):
        return []
    out: list[dict] = []
    multi = m.groupby("story_id")["doc_id"].transform("nunique") > 1
    for group in grouped_records(m[multi], ["story_id", "indicator", "unit"]):
        out += _compare_group(group, same_story=True)
    keys = ["province", "period", "indicator", "unit"]
    prov = m[(m["scope"] == "provincial") & (m["province"] != "") & (m["period"] != "")]
    prov = prov[prov.groupby(keys)["story_id"].transform("nunique") > 1]
    for group in grouped_records(prov, keys):
        out += _compare_group(group, same_story=False)
    return out


def grouped_records(df: pd.DataFrame, keys: list[str]) -> list[list[dict]]:
    """The rows as plain records grouped by `keys`, each group in document and offset order.

    One sort and one conversion for the whole table: per-group pandas calls cost too much on big corpora.
    """
    if not len(df):
        return []
    cols = [c for c in _METRIC_COLUMNS if c in df.columns]
    rows = df[cols].sort_values([*keys, "doc_id", "start"], kind="stable").to_dict("records")
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    return list(groups.values())


def _compare_group(rows: list[dict], same_story: bool) -> list[dict]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc_id"]].append(r)
    if not same_story:
        # across stories only one figure per article is comparable: several are a breakdown
        by_doc = {d: rs for d, rs in by_doc.items() if len(rs) == 1}
    docs = sorted(by_doc)
    if len(docs) > MAX_ALL_PAIRS:
        docs.sort(key=lambda d: by_doc[d][0]["value"])
        pairs = list(zip(docs, docs[1:], strict=False))
    else:
        pairs = list(combinations(docs, 2))
    out = []
    for a, b in pairs:
        if not same_story and by_doc[a][0]["story_id"] == by_doc[b][0]["story_id"]:
            continue
        out += _compare_lists(by_doc[a], by_doc[b], same_story)
    return out


def _compare_lists(xs: list[dict], ys: list[dict], same_story: bool) -> list[dict]:
    """Equal values pair up first; what is left is compared only when one figure is left on each side."""
    left = list(ys)
    out, unmatched = [], []
    for x in xs:
        twin = next((y for y in left if same_value(x, y) and periods_compatible(x, y)), None)
        if twin is None:
            unmatched.append(x)
            continue
        left.remove(twin)
        out.append(_agree(x, twin, same_story))
    if len(unmatched) == 1 and len(left) == 1 and periods_compatible(unmatched[0], left[0]):
        x, y = unmatched[0], left[0]
        if disjoint(x, y):
            out.append(_conflict(x, y, same_story))
    return out


def same_value(x: dict, y: dict) -> bool:
    return math.isclose(x["value"], y["value"], rel_tol=1e-9, abs_tol=1e-12)


def periods_compatible(x: dict, y: dict) -> bool:
    """Equal periods, or one unknown (a translation may drop the period the other keeps)."""
    return not x["period"] or not y["period"] or x["period"] == y["period"]


def interval(row: dict) -> tuple[float, float]:
    """The values a figure allows, from its qualifier and the precision it is written with."""
    v, q = float(row["value"]), row["qualifier"]
    if q == "more_than":
        return v, math.inf
    if q in ("less_than", "up_to"):
        return -math.inf, v
    share = APPROX_SHARE if q == "approx" else EXACT_SHARE
    spread = min(_last_digit(v) * 0.49, abs(v) * share) if q != "approx" else abs(v) * share
    return v - spread, v + spread


def _last_digit(v: float) -> float:
    """The place value of a number's last non-zero digit (5120000 → 10000, 12.75 → 0.01)."""
    if v == 0:
        return 1.0
    text = f"{abs(v):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    return 10.0 ** (len(text) - len(text.rstrip("0")))


def disjoint(x: dict, y: dict) -> bool:
    (lo1, hi1), (lo2, hi2) = interval(x), interval(y)
    return hi1 < lo2 or hi2 < lo1


def scale_factor(a: float, b: float) -> int:
    """1000, 1000000... when one value is the other times a power of a thousand (a scale word), else 0."""
    if a <= 0 or b <= 0:
        return 0
    ratio = max(a, b) / min(a, b)
    power = round(math.log(ratio, 1000))
    if power >= 1 and math.isclose(ratio, 1000.0**power, rel_tol=0.01):
        return int(1000**power)
    return 0


def describe(row: dict) -> str:
    """'5,1 millones (5,100,000 VND) in the Spanish article d7'."""
    return (
        f"'{row['raw']}' ({amount(row['value'], row['unit'])}) in the "
        f"{language_name(row['language'])} article {row['doc_id']}"
    )


def _plain(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}" if abs(v) >= 1 else f"{v:g}"


def amount(v: float, unit: str) -> str:
    """A value as a reader writes it: '21,000', '71 %', '4,267,000,000 VND'."""
    if unit == "count":
        return _plain(v)
    return f"{_plain(v)} %" if unit == "percent" else f"{_plain(v)} {unit}"


@cache
def indicator_text(key: str) -> str:
    """'damage caused by natural disasters (disaster_damage)', from the indicator catalogue."""
    table = catalogues.indicators()
    found = table.loc[table["key"] == key, "description"]
    return f"{found.iloc[0]} ({key})" if len(found) and found.iloc[0] else key


def _where(x: dict, same_story: bool) -> str:
    if same_story:
        return "Two reports of the same story"
    return f"Two articles about {x['province']} for the period {x['period']}"


def _conflict(x: dict, y: dict, same_story: bool) -> dict:
    detail = f"{_where(x, same_story)} give different values for {indicator_text(x['indicator'])}: {describe(x)} and {describe(y)}."
    factor = scale_factor(abs(x["value"]), abs(y["value"]))
    if factor:
        detail += (
            f" One is {factor:,} times the other, so a scale word (thousands, millions, billions) "
            "was probably mistranslated in one of them."
        )
    return figure_finding("value_conflict", "error", detail, [x, y])


def _agree(x: dict, y: dict, same_story: bool) -> dict:
    how = "in two languages" if x["language"] != y["language"] else "twice"
    detail = (
        f"{_where(x, same_story)} agree on {indicator_text(x['indicator'])}: '{x['raw']}' and "
        f"'{y['raw']}' both mean {amount(x['value'], x['unit'])}, reported {how}."
    )
    return figure_finding("values_agree", "info", detail, [x, y])


# ---------------------------------------------------------------------------
# Arithmetic within one document
# ---------------------------------------------------------------------------

# Parts listed in one sentence may take their whole from the sentence before, this close.
WHOLE_REACH = 400


@cache
def part_relations() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, set[str]]]:
    """part indicator -> whole; percent indicator -> (part, whole); whole -> all its parts (parts.csv)."""
    table = catalogues.parts()
    part_of = dict(zip(table["part"], table["whole"], strict=True))
    percent_of = {r["percent"]: (r["part"], r["whole"]) for r in table.to_dict("records") if r["percent"]}
    parts_of: dict[str, set[str]] = defaultdict(set)
    for part, whole in part_of.items():
        parts_of[whole].add(part)
    return part_of, percent_of, dict(parts_of)


def arithmetic_findings(metrics: pd.DataFrame) -> list[dict]:
    """Parts against their stated whole, and stated percentages against their ratio, per document."""
    part_of, percent_of, _ = part_relations()
    wanted = set(part_of) | set(part_of.values()) | set(percent_of)
    m = metrics[metrics["indicator"].isin(wanted)] if len(metrics) else metrics
    return [f for rows in grouped_records(m, ["doc_id"]) for f in document_arithmetic(rows)]


def document_arithmetic(rows: list[dict]) -> list[dict]:
    """The arithmetic checks of one document's figures (records sorted by offset)."""
    part_of, _, _ = part_relations()
    wholes = [r for r in rows if r["indicator"] in part_of.values()]
    parts = [r for r in rows if r["indicator"] in part_of]
    pairs = _pair_parts(parts, wholes, part_of)
    out = []
    for whole_id, members in pairs.items():
        whole = next(w for w in wholes if w["metric_id"] == whole_id)
        out += _check_parts(whole, members)
    out += _check_percentages(rows, pairs, wholes)
    return out


def _pair_parts(parts: list[dict], wholes: list[dict], part_of: dict[str, str]) -> dict[str, list[dict]]:
    """whole metric_id -> its parts. A part takes the nearest fitting whole of its own sentence; parts
    of several kinds listed in one sentence (done, in progress, pending) may take the whole stated
    just before that sentence. A lone part never reaches outside its sentence."""
    by_sentence: dict[str, list[dict]] = defaultdict(list)
    for p in parts:
        by_sentence[p["quote"]].append(p)
    pairs: dict[str, list[dict]] = defaultdict(list)
    for quote, members in by_sentence.items():
        several = len({p["indicator"] for p in members}) > 1
        for p in members:
            fits = [
                w
                for w in wholes
                if w["indicator"] == part_of[p["indicator"]]
                and w["unit"] == p["unit"]
                and periods_compatible(w, p)
            ]
            inside = [w for w in fits if w["quote"] == quote]
            before = [w for w in fits if w["quote"] != quote and 0 <= p["start"] - w["end"] <= WHOLE_REACH]
            pool = inside or (before if several else [])
            if pool:
                best = min(pool, key=lambda w: abs(w["start"] - p["start"]))
                pairs[best["metric_id"]].append(p)
    return pairs


def _check_parts(whole: dict, parts: list[dict]) -> list[dict]:
    _, _, parts_of = part_relations()
    out = []
    for p in parts:
        if p["value"] > whole["value"] and p["qualifier"] not in ("less_than", "up_to"):
            out.append(
                figure_finding(
                    "arithmetic_part_exceeds_whole",
                    "error",
                    f"The part '{p['raw']}' ({p['indicator']}) is larger than its whole '{whole['raw']}' "
                    f"({whole['indicator']}); one of the two figures is wrong or they do not belong together.",
                    [p, whole],
                )
            )
    if out:
        return out
    kinds = [p["indicator"] for p in parts]
    if len(parts) == 1:
        p = parts[0]
        return [
            figure_finding(
                "arithmetic_part_within_whole",
                "info",
                f"Verified: the part '{p['raw']}' ({p['indicator']}) is not larger than its whole "
                f"'{whole['raw']}' ({whole['indicator']}).",
                [p, whole],
            )
        ]
    if len(set(kinds)) != len(kinds) or any(p["qualifier"] != "exact" for p in [*parts, whole]):
        return []  # two figures of one kind, or rounded figures: no sum to check
    total = sum(p["value"] for p in parts)
    sum_text = " + ".join(_plain(p["value"]) for p in parts)
    if math.isclose(total, whole["value"], rel_tol=1e-9):
        return [
            figure_finding(
                "arithmetic_parts_add_up",
                "info",
                f"Verified: the parts add up to the stated whole, {indicator_text(whole['indicator'])}: "
                f"{sum_text} = {amount(total, whole['unit'])}.",
                [*parts, whole],
            )
        ]
    complete = set(kinds) >= parts_of.get(whole["indicator"], set())
    if total > whole["value"] or complete:
        return [
            figure_finding(
                "arithmetic_parts_mismatch",
                "error",
                f"The parts add up to {_plain(total)} ({sum_text}) but the stated whole is '{whole['raw']}' "
                f"({whole['indicator']}); a figure was misread or mistranslated.",
                [*parts, whole],
            )
        ]
    return []


def _check_percentages(rows: list[dict], pairs: dict[str, list[dict]], wholes: list[dict]) -> list[dict]:
    _, percent_of, _ = part_relations()
    whole_of = {p["metric_id"]: w for w in wholes for p in pairs.get(w["metric_id"], [])}
    out = []
    for pct in rows:
        if pct["indicator"] not in percent_of:
            continue
        part_key, _ = percent_of[pct["indicator"]]
        near = [
            r
            for r in rows
            if r["indicator"] == part_key and r["quote"] == pct["quote"] and r["metric_id"] in whole_of
        ]
        if not near:
            continue
        part = min(near, key=lambda r: abs(r["start"] - pct["start"]))
        whole = whole_of[part["metric_id"]]
        if whole["value"] <= 0:
            continue
        out.append(_percentage_finding(pct, part, whole))
    return out


def _percentage_finding(pct: dict, part: dict, whole: dict) -> dict:
    ratio = part["value"] / whole["value"] * 100
    lo, hi = _percent_bounds(pct)
    shown = f"{_plain(part['value'])} of {_plain(whole['value'])} is {ratio:.2f} %"
    if lo <= ratio <= hi:
        return figure_finding(
            "arithmetic_percentage_matches",
            "info",
            f"Verified: {shown}, as the article says ('{pct['raw']}').",
            [pct, part, whole],
        )
    return figure_finding(
        "arithmetic_percentage_mismatch",
        "error",
        f"{shown.capitalize()}, but the article says '{pct['raw']}'; one of the three figures is wrong.",
        [pct, part, whole],
    )


def _percent_bounds(pct: dict) -> tuple[float, float]:
    """The ratios a stated percentage allows: its rounding, or a point either way when approximate."""
    v, q = pct["value"], pct["qualifier"]
    half = 0.5 * _last_decimal(v) + 1e-9
    if q == "approx":
        half = max(half, 1.0)
    lo, hi = v - half, v + half
    if q == "more_than":
        hi = math.inf
    elif q in ("less_than", "up_to"):
        lo = -math.inf
    return lo, hi


def _last_decimal(v: float) -> float:
    """The place value of the last written decimal (12.75 → 0.01, 12 → 1)."""
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return 10.0 ** -len(text.split(".")[1]) if "." in text else 1.0


# ---------------------------------------------------------------------------
# Magnitudes
# ---------------------------------------------------------------------------


def range_findings(metrics: pd.DataFrame) -> list[dict]:
    """Percentages over 100 that are no growth rate, and values outside their indicator's range
    (ranges.csv); one info per document whose figures all lie in range."""
    if not len(metrics):
        return []
    m = with_ranges(metrics)
    over = (m["unit"] == "percent") & (m["value"] > 100) & (m["max"] <= 100)
    unsure = over & (m["indicator"] == "other")  # a growth rate only its wording can tell
    over[unsure] = ~m.loc[unsure, "quote"].str.contains(growth_pattern())
    outside = ~over & m["min"].notna() & ((m["value"] < m["min"]) | (m["value"] > m["max"]))
    outside &= ~((m["indicator"] == "other") & (m["unit"] == "percent") & (m["value"] > 100) & ~over)
    out = [
        figure_finding(
            "arithmetic_percent_over_100",
            "error",
            f"'{r['raw']}' is a share ({r['indicator']}) above 100 %, which is impossible unless it is a growth "
            "rate; the figure or its decimal mark was probably misread.",
            [r],
        )
        for r in m[over].to_dict("records")
    ]
    out += [
        figure_finding(
            "arithmetic_magnitude_implausible",
            "warning",
            f"'{r['raw']}' ({amount(r['value'], r['unit'])}) is outside the range expected for "
            f"{indicator_text(r['indicator'])}, {amount(r['min'], r['unit'])} to {amount(r['max'], r['unit'])}: "
            f"{r['why']} "
            "Check the scale word and the figure.",
            [r],
        )
        for r in m[outside].to_dict("records")
    ]
    flagged = m[over | outside].groupby("doc_id").size()
    checked = m[m["min"].notna()].groupby("doc_id").size()
    for doc_id, n in checked.items():
        if doc_id in flagged.index:
            continue
        out.append(
            finding(
                "arithmetic_ranges_ok",
                "info",
                f"Verified: all {n} figure{'s' if n > 1 else ''} of this article lie within the ranges expected "
                "for their indicator and unit (shares at most 100 % except growth rates).",
                doc_id=doc_id,
                subject=f"{doc_id}: {n} figures",
            )
        )
    return out


def with_ranges(metrics: pd.DataFrame) -> pd.DataFrame:
    """The metrics with the min, max and why of their indicator's range, else of their unit's."""
    ranges = catalogues.ranges().astype({"min": float, "max": float})
    own = ranges[ranges["indicator"] != "*"]
    generic = ranges[ranges["indicator"] == "*"].drop(columns="indicator")
    m = metrics.merge(own, on=["indicator", "unit"], how="left")
    g = metrics[["unit"]].merge(generic, on="unit", how="left")
    for col in ("min", "max", "why"):
        m[col] = m[col].where(m[col].notna(), g[col].to_numpy())
    return m


# ---------------------------------------------------------------------------
# Corpus findings
# ---------------------------------------------------------------------------


def corpus_findings(documents: pd.DataFrame, metrics: pd.DataFrame, people: pd.DataFrame) -> list[dict]:
    """Findings that need several figures or documents: stories, conflicts, arithmetic, magnitudes.

    Expects story_id already filled by `assign_stories` in the three tables.
    """
    stories = find_stories(documents, metrics, people)
    out = story_findings(stories, documents)
    if len(metrics):
        out += compare_reports(metrics)
        out += arithmetic_findings(metrics)
        out += range_findings(metrics)
    return out


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
    ids = documents["doc_id"] if len(documents) else pd.Series(dtype=str)
    q = quality[quality["severity"].isin(COUNTED_SEVERITIES)] if len(quality) else quality
    named = q["metric_ids"].fillna("") if "metric_ids" in q else pd.Series("", index=q.index)
    flagged = set(named[named != ""].str.split(";").explode()) if len(q) else set()
    text_bad = set(q.loc[(named == "") & (q["doc_id"] != ""), "doc_id"]) if len(q) else set()
    if len(metrics):
        figures = metrics.groupby("doc_id").size()
        bad = metrics[metrics["metric_id"].isin(flagged)].groupby("doc_id").size()
    else:
        figures = bad = pd.Series(dtype=int)
    n = ids.map(figures).fillna(0).astype(int)
    items = n + 1
    clean = (n - ids.map(bad).fillna(0).astype(int)) + (~ids.isin(text_bad)).astype(int)
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
