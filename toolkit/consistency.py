"""Consistency of figures: reports that agree or conflict, arithmetic, plausible magnitudes.

- `compare_reports`: the same indicator in two reports of one story (or of one
  province and period) → `value_conflict` or `values_agree`.
- `arithmetic_findings`: parts against their stated whole, stated percentages
  against their ratio (relations in the catalogue `parts.csv`).
- `range_findings`: shares over 100 % that are no growth rate, values outside the
  range of their indicator (catalogue `ranges.csv`).

The comparisons work on the metrics table, grouped once into plain records. The
other two need one article's figures only: `document_figure_checks` runs them on a
document's records (in the worker, with the extraction); `arithmetic_findings` and
`range_findings` run them over a table, document by document.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import combinations, pairwise
from operator import itemgetter

import numpy as np
import pandas as pd

from toolkit import catalogues, schemas
from toolkit.findings import amount, figure_finding, growth_pattern, indicator_text, plain
from toolkit.langdata import language_name
from toolkit.model import finding

# ---------------------------------------------------------------------------
# Conflicts and agreements between reports
# ---------------------------------------------------------------------------

# Figures turned into records at a time when grouping (whole groups; bounds the memory of big runs).
GROUP_CHUNK_ROWS = 20_000
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


# A figure's `row` in a large run: its position in the metrics table, whose quotes stay on disk
# (`toolkit.spill`). Findings about such figures carry DEFERRED and the rows as their evidence,
# replaced by the quotes (`findings.evidence_quotes`) when the quality table is written.
DEFERRED = "\x00rows:"


def compare_reports(metrics: pd.DataFrame) -> list[dict]:
    """Same indicator in two reports of one story (or one province and period): conflict or agreement."""
    return [f for found in iter_compare_reports(metrics) for f in found]


def iter_compare_reports(metrics: pd.DataFrame) -> Iterator[list[dict]]:
    """`compare_reports` a group of figures at a time. `metrics` needs the key columns, value, qualifier,
    raw, language, start and either quote or `row` (then the evidence is DEFERRED); metric_id is made
    from doc_id and start when absent."""
    if not len(metrics):
        return
    # groups are chosen on the key columns alone; only their rows become records (no filtered copies of quotes)
    named = np.flatnonzero((metrics["indicator"] != "other").to_numpy())
    if not len(named):
        return
    m = metrics[["doc_id", "story_id", "province", "scope", "indicator", "unit", "period"]].iloc[named]
    multi = (m.groupby("story_id", observed=True)["doc_id"].transform("nunique") > 1).to_numpy()
    for group in grouped_records(metrics, ["story_id", "indicator", "unit"], named[multi]):
        yield _compare_group(group, same_story=True)
    keys = ["province", "period", "indicator", "unit"]
    in_prov = ((m["scope"] == "provincial") & (m["province"] != "") & (m["period"] != "")).to_numpy()
    prov = m[in_prov]
    several = (prov.groupby(keys, observed=True)["story_id"].transform("nunique") > 1).to_numpy()
    for group in grouped_records(metrics, keys, named[in_prov][several]):
        yield _compare_group(group, same_story=False)


def metric_id_of(doc_id: str, start: int) -> str:
    """A figure's metric_id from its document and offset, as `metrics.extract_metrics` makes it."""
    return f"{doc_id}:m{start}"


def deferred_evidence(rows: list[dict]) -> str:
    """'' when the rows have their quotes (`figure_finding` quotes them), else DEFERRED and their rows."""
    if "quote" in rows[0]:
        return ""
    return DEFERRED + ";".join(str(r["row"]) for r in rows)


def grouped_records(
    df: pd.DataFrame, keys: list[str], rows: np.ndarray | None = None
) -> Iterator[list[dict]]:
    """The rows (positions `rows`, else all) as plain records grouped by `keys`, each group in document
    and offset order.

    One sort for the whole table: per-group pandas calls cost too much on big corpora. Rows become
    records a slice of whole groups at a time (GROUP_CHUNK_ROWS), so a large corpus never has
    every figure as a dict at once.
    """
    chosen = np.arange(len(df)) if rows is None else np.asarray(rows, dtype=np.int64)
    if not len(chosen):
        return
    cols = [c for c in [*_METRIC_COLUMNS, "row"] if c in df.columns]
    derive_ids = "metric_id" not in df.columns
    by = [*keys, "doc_id", "start"]
    codes = {name: _sort_codes(df[name].iloc[chosen]) for name in dict.fromkeys(by)}
    order = np.lexsort([codes[name] for name in reversed(by)])  # stable: ties keep their order
    positions = chosen[order]
    changed = np.zeros(len(order), bool)
    changed[0] = True
    for name in keys:
        in_order = codes[name][order]
        changed[1:] |= in_order[1:] != in_order[:-1]
    group = np.cumsum(changed)
    del codes, order, changed
    table = df[cols]
    begin = 0
    while begin < len(positions):
        end = min(begin + GROUP_CHUNK_ROWS, len(positions))
        end = int(np.searchsorted(group, group[end - 1], side="right"))  # whole groups only
        records = schemas.records(table.iloc[positions[begin:end]])
        if derive_ids:
            for r in records:
                r["metric_id"] = metric_id_of(r["doc_id"], r["start"])
        gids = group[begin:end]
        cut = [0, *(np.flatnonzero(gids[1:] != gids[:-1]) + 1).tolist(), len(records)]
        for a, b in pairwise(cut):
            yield records[a:b]
        begin = end


def _sort_codes(column: pd.Series) -> np.ndarray:
    """Numbers that sort as `sort_values` sorts the column (categories by their position, text by
    its characters, missing values last): sorting numpy arrays holds far less than a sorted copy."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.int64)
    elif pd.api.types.is_numeric_dtype(column.dtype):
        return column.to_numpy()
    else:
        codes = pd.factorize(column, sort=True)[0].astype(np.int64)
    codes[codes < 0] = codes.max(initial=-1) + 1  # missing values last
    return codes


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
    if q == "approx":
        return v - abs(v) * APPROX_SHARE, v + abs(v) * APPROX_SHARE
    # just under half a unit of the last digit: neighbouring counts (802, 803) never overlap
    spread = min(_last_digit(v) * 0.49, abs(v) * EXACT_SHARE)
    return v - spread, v + spread


@lru_cache(maxsize=1 << 16)  # a figure is compared with every other report of its story
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
    return figure_finding("value_conflict", "error", detail, [x, y], deferred_evidence([x, y]))


def _agree(x: dict, y: dict, same_story: bool) -> dict:
    how = "in two languages" if x["language"] != y["language"] else "twice"
    detail = (
        f"{_where(x, same_story)} agree on {indicator_text(x['indicator'])}: '{x['raw']}' and "
        f"'{y['raw']}' both mean {amount(x['value'], x['unit'])}, reported {how}."
    )
    return figure_finding("values_agree", "info", detail, [x, y], deferred_evidence([x, y]))


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
    rows = np.flatnonzero(metrics["indicator"].isin(wanted).to_numpy()) if len(metrics) else None
    return [f for group in grouped_records(metrics, ["doc_id"], rows) for f in document_arithmetic(group)]


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
    sum_text = " + ".join(plain(p["value"]) for p in parts)
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
                f"The parts add up to {plain(total)} ({sum_text}) but the stated whole is '{whole['raw']}' "
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
    shown = f"{plain(part['value'])} of {plain(whole['value'])} is {ratio:.2f} %"
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
    half = 0.5 * min(_last_digit(v), 1.0) + 1e-9  # a percentage is written at least to the unit
    if q == "approx":
        half = max(half, 1.0)
    lo, hi = v - half, v + half
    if q == "more_than":
        hi = math.inf
    elif q in ("less_than", "up_to"):
        lo = -math.inf
    return lo, hi


# ---------------------------------------------------------------------------
# Magnitudes
# ---------------------------------------------------------------------------


def range_findings(metrics: pd.DataFrame) -> list[dict]:
    """`document_ranges` over a metrics table, document by document."""
    return [f for group in grouped_records(metrics, ["doc_id"]) for f in document_ranges(group)]


def document_ranges(rows: list[dict]) -> list[dict]:
    """Percentages over 100 that are no growth rate, and values outside their indicator's range
    (ranges.csv), in one document's figures; an info when its figures all lie in range."""
    over, outside, checked = [], [], 0
    for r in rows:
        low, high, why = range_of(r["indicator"], r["unit"])
        share_over_100 = r["unit"] == "percent" and r["value"] > 100
        is_over = share_over_100 and high <= 100
        if is_over and r["indicator"] == "other":  # a growth rate only its wording can tell
            is_over = not growth_pattern().search(r["quote"])
        if not math.isnan(low):
            checked += 1
            out_of_range = not is_over and (r["value"] < low or r["value"] > high)
            # an unnamed percentage over 100 that reads as a growth rate is left alone
            if out_of_range and not (r["indicator"] == "other" and share_over_100):
                outside.append({**r, "min": low, "max": high, "why": why})
        if is_over:
            over.append(r)
    out = [
        figure_finding(
            "arithmetic_percent_over_100",
            "error",
            f"'{r['raw']}' is a share ({r['indicator']}) above 100 %, which is impossible unless it is a growth "
            "rate; the figure or its decimal mark was probably misread.",
            [r],
        )
        for r in over
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
        for r in outside
    ]
    if checked and not over and not outside:
        doc_id = rows[0]["doc_id"]
        out.append(
            finding(
                "arithmetic_ranges_ok",
                "info",
                f"Verified: all {checked} figure{'s' if checked > 1 else ''} of this article lie within the "
                "ranges expected for their indicator and unit (shares at most 100 % except growth rates).",
                doc_id=doc_id,
                subject=f"{doc_id}: {checked} figures",
            )
        )
    return out


@cache
def range_of(indicator: str, unit: str) -> tuple[float, float, str]:
    """(min, max, why) of a figure's plausible range (ranges.csv): its indicator's, else its unit's
    ('*'); NaN when neither is in the catalogue."""
    table = _ranges()
    return table.get((indicator, unit)) or table.get(("*", unit)) or (math.nan, math.nan, "")


@cache
def _ranges() -> dict[tuple[str, str], tuple[float, float, str]]:
    ranges = catalogues.ranges()
    return {
        (r["indicator"], r["unit"]): (float(r["min"]), float(r["max"]), r["why"])
        for r in ranges.to_dict("records")
    }


def document_figure_checks(figures: list[dict]) -> list[dict]:
    """The checks within one document's figures (records in any order): arithmetic, then ranges."""
    rows = sorted(figures, key=itemgetter("start"))
    return document_arithmetic(rows) + document_ranges(rows)
