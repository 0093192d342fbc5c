"""Stories across languages: which articles report the same event.

Signals that survive translation link two articles: the source address's article
id, the same figures (value and unit, not wording), the same officials. Word
overlap in one language is never used. Linked articles form a story whose id is
its smallest doc_id, so ids are stable from run to run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, pairwise
from urllib.parse import parse_qs, urlparse

import numpy as np
import pandas as pd

from toolkit.langdata import language_name
from toolkit.model import finding

# Figures shared by two articles that make them one story: at least this many, and
# at least this share of the smaller article's distinctive figures.
MIN_SHARED_FIGURES = 3
MIN_SHARED_SHARE = 0.5
# Fewer shared figures suffice when the articles also name as many of the same people.
MIN_FIGURES_WITH_PEOPLE = 2
MIN_SHARED_PEOPLE = 2
# A value or person in more articles than this is too common to tell stories apart.
MAX_DOCS_PER_SIGNAL = 50
# Pairs of documents generated at a time when counting what pairs share (bounds the memory of big runs).
PAIR_CHUNK = 2_000_000
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
    return stories_of(documents, figure_keys(metrics), people_keys(people))


def stories_of(documents: pd.DataFrame, figures: pd.DataFrame, people: pd.DataFrame) -> Stories:
    """`find_stories` from the documents' figure and people keys (`figure_keys`, `people_keys`), which
    depend on one document only: a run takes them batch by batch while documents stream in."""
    if not len(documents):
        return Stories()
    code = {d: i for i, d in enumerate(sorted(set(documents["doc_id"])))}
    return stories_from_keys(documents, code, key_codes(figures, code), key_codes(people, code))


KeyCodes = tuple[np.ndarray, np.ndarray]  # (document codes, hashed keys): one pair per document and key


def key_codes(keys: pd.DataFrame, code: dict[str, int]) -> KeyCodes:
    """(doc_id, key) rows as integers: the document's code (its rank among the doc_ids) and the key hashed.

    Integers instead of tuples of strings keep the pair counting of a large corpus small; a
    64-bit hash confuses two keys with odds of about one in 10^8 for a million distinct keys.
    """
    if not len(keys):
        return np.empty(0, np.int64), np.empty(0, np.uint64)
    docs = np.fromiter(map(code.__getitem__, keys["doc_id"].tolist()), np.int64, len(keys))
    return docs, hash_keys(keys["key"])


def hash_keys(keys: pd.Series) -> np.ndarray:
    return pd.util.hash_array(np.asarray(keys, dtype=object))


def stories_from_keys(
    documents: pd.DataFrame, code: dict[str, int], figures: KeyCodes, people: KeyCodes
) -> Stories:
    """The stories from the documents table and the figure and people keys of each document, as codes
    (`code[doc_id]`: the document's rank in doc_id order, so a pair (a, b) has a < b)."""
    ok = documents[documents["status"] == "ok"]
    articles = _same_article(ok)  # pairs come sorted (a < b) from every signal
    doc_ids = list(code)
    fig_counts = np.bincount(figures[0], minlength=len(doc_ids))
    # most pairs share a single value by chance: only pairs that could pass a rule are looked at
    article_pairs = np.unique(np.array([(code[a] << 32) | code[b] for a, b in articles], dtype=np.int64))
    fig_pairs, fig_shared = _shared(*figures, min_count=MIN_FIGURES_WITH_PEOPLE, among=article_pairs)
    candidates = np.union1d(fig_pairs, article_pairs)
    people_pairs, people_shared = _shared(*people, min_count=None, among=candidates)
    n_figures = _lookup(fig_pairs, fig_shared, candidates)
    n_people = _lookup(people_pairs, people_shared, candidates)
    a, b = candidates >> 32, candidates & 0xFFFFFFFF
    smaller = np.minimum(fig_counts[a], fig_counts[b]) if len(candidates) else n_figures
    # the counting rules on arrays first (cheap); the rest of `_is_story_link` on the few left
    by_figures = (n_figures >= MIN_SHARED_FIGURES) & (n_figures >= MIN_SHARED_SHARE * smaller)
    by_people = (n_figures >= MIN_FIGURES_WITH_PEOPLE) & (n_people >= MIN_SHARED_PEOPLE)
    maybe = np.isin(candidates, article_pairs) | by_figures | by_people
    meta = {
        d: {"province": p, "published": when}
        for d, p, when in zip(*(ok[c].tolist() for c in ("doc_id", "province", "published")), strict=True)
    }
    counts = {doc_ids[i]: int(fig_counts[i]) for i in np.unique(np.r_[a[maybe], b[maybe]])}
    links = [
        Link(doc_ids[i], doc_ids[j], articles.get((doc_ids[i], doc_ids[j]), ""), int(f), int(p))
        for i, j, f, p in zip(a[maybe], b[maybe], n_figures[maybe], n_people[maybe], strict=True)
    ]
    kept = [lk for lk in links if _is_story_link(lk, counts, meta)]
    return Stories(_groups(documents["doc_id"].tolist(), kept), sorted(kept, key=lambda lk: (lk.a, lk.b)))


def _same_article(docs: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Pairs of documents whose source addresses name the same article of the same publisher."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for doc_id, url in zip(docs["doc_id"].tolist(), docs["source_url"].tolist(), strict=True):
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


def figure_keys(metrics: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, key) for each distinctive figure value of each document: value and unit, not wording."""
    if not len(metrics):
        return pd.DataFrame(columns=["doc_id", "key"])
    m = metrics[["doc_id", "value", "unit"]]
    common = (m["unit"] == "percent") & m["value"].isin(COMMON_PERCENTS)
    small = m["unit"].isin(["count", "rank"]) & (m["value"].abs() < MIN_DISTINCT_COUNT)
    m = m[~common & ~small]
    keys = [
        f"{unit}:{value:.9g}" for unit, value in zip(m["unit"].tolist(), m["value"].tolist(), strict=True)
    ]
    return pd.DataFrame(
        {"doc_id": m["doc_id"], "key": pd.Series(keys, index=m.index, dtype=str)}
    ).drop_duplicates()


def people_keys(people: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, person_id) for officials; bylines are left out (one reporter writes many stories)."""
    if not len(people):
        return pd.DataFrame(columns=["doc_id", "key"])
    p = people[people["level"] != "press"]
    return pd.DataFrame({"doc_id": p["doc_id"], "key": p["person_id"]}).drop_duplicates()


def _shared(
    docs: np.ndarray, keys: np.ndarray, min_count: int | None = 1, among: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """How many keys each pair of documents shares (through an inverted index): the pairs as sorted
    codes `a << 32 | b` (a < b) and their counts. A key in more than MAX_DOCS_PER_SIGNAL documents
    links none. Kept: the pairs sharing at least `min_count` keys, and the pairs `among` (sorted);
    with `min_count` None only the latter.

    A large corpus has tens of millions of pairs sharing a key, nearly all of them a single one by
    chance: they are counted a range of first documents at a time, PAIR_CHUNK pairs at most held.
    """
    d, starts, sizes = _key_groups(docs, keys)
    n_pairs = int((sizes * (sizes - 1) // 2).sum())
    if not n_pairs:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    bounds = np.linspace(0, int(d.max()) + 1, -(-n_pairs // PAIR_CHUNK) + 1).astype(np.int64)
    kept_pairs, kept_counts = [], []
    for lo, hi in pairwise(bounds):
        pairs = np.concatenate([np.empty(0, np.int64), *_pairs_from(d, starts, sizes, lo, hi)])
        if min_count is None and among is not None:
            pairs = pairs[np.isin(pairs, among)]
        pairs, counts = np.unique(pairs, return_counts=True)
        keep = np.zeros(len(pairs), bool) if min_count is None else counts >= min_count
        if among is not None:
            keep |= np.isin(pairs, among)
        kept_pairs.append(pairs[keep])
        kept_counts.append(counts[keep])
    return np.concatenate(kept_pairs), np.concatenate(kept_counts)


def _key_groups(docs: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Documents sorted by key (each once per key), and the start and size of each useful key's group."""
    if not len(keys):
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64)
    order = np.lexsort((docs, keys))
    k, d = keys[order], docs[order]
    fresh = np.r_[True, (k[1:] != k[:-1]) | (d[1:] != d[:-1])]  # one row per document and key
    k, d = k[fresh], d[fresh]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(k)])
    useful = (sizes > 1) & (sizes <= MAX_DOCS_PER_SIGNAL)
    return d, starts[useful], sizes[useful]


def _pairs_from(
    d: np.ndarray, starts: np.ndarray, sizes: np.ndarray, lo: int, hi: int
) -> Iterator[np.ndarray]:
    """The pairs of documents in each group whose first document's code is in [lo, hi)."""
    for size in np.unique(sizes):
        i, j = np.triu_indices(size, 1)
        firsts = starts[sizes == size]
        step = max(1, PAIR_CHUNK // len(i))
        for at in range(0, len(firsts), step):
            first = firsts[at : at + step, None]
            a, b = d[first + i], d[first + j]
            inside = (a >= lo) & (a < hi)
            yield (a[inside] << 32) | b[inside]


def _lookup(pairs: np.ndarray, counts: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The count of each wanted pair (0 for a pair not among `pairs`)."""
    if not len(pairs):
        return np.zeros(len(wanted), np.int64)
    at = np.minimum(np.searchsorted(pairs, wanted), len(pairs) - 1)
    return np.where(pairs[at] == wanted, counts[at], 0)


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
