"""Building findings: records about figures, excerpts of quotes, amounts and names as a reader reads them.

Shared by the data-quality modules (`quality`, `stories`, `consistency`). Wording
per language (language names, frequent short words, growth words, markers of a
text that goes on elsewhere) comes from `toolkit/data/quality/<lang>.toml`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from toolkit import catalogues
from toolkit.langdata import languages, load, words
from toolkit.model import finding

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
        evidence=evidence or evidence_quotes(rows),
        story_id=story_id or first.get("story_id", ""),
        metric_ids=";".join(r["metric_id"] for r in rows),
    )


def evidence_quotes(rows: list[dict]) -> str:
    """Each distinct sentence once, with the document it comes from when there are several."""
    docs = {r["doc_id"] for r in rows}
    seen, parts = set(), []
    for r in rows:
        key = (r["doc_id"], r["quote"])
        if key in seen:
            continue
        seen.add(key)
        quote = _quote_excerpt(r["quote"], r.get("raw", ""))
        parts.append(f"{r['doc_id']}: {quote}" if len(docs) > 1 else quote)
    return " | ".join(parts)


@lru_cache(maxsize=4096)  # a sentence is quoted by every finding about one of its figures
def _quote_excerpt(quote: str, raw: str) -> str:
    return f'"{excerpt(quote, QUOTE_CHARS, raw)}"'


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


def plain(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}" if abs(v) >= 1 else f"{v:g}"


def amount(v: float, unit: str) -> str:
    """A value as a reader writes it: '21,000', '71 %', '4,267,000,000 VND'."""
    if unit == "count":
        return plain(v)
    return f"{plain(v)} %" if unit == "percent" else f"{plain(v)} {unit}"


@cache
def indicator_text(key: str) -> str:
    """'damage caused by natural disasters (disaster_damage)', from the indicator catalogue."""
    table = catalogues.indicators()
    found = table.loc[table["key"] == key, "description"]
    return f"{found.iloc[0]} ({key})" if len(found) and found.iloc[0] else key
