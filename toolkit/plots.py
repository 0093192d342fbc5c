"""Charts and chart-ready tables for the notebooks (and anyone else with the toolkit's tables).

Every function is pure: it takes DataFrames and returns a matplotlib `Figure`
(or a DataFrame), touching no global pyplot state, so tests can draw with the
Agg backend and a notebook can show, tweak or save the figure. `save_figure`
writes a PNG where the workbook's Charts sheet looks for them
(`<output folder>/figures/*.png`).

Province names are drawn as the tables hold them, with diacritics (Cao Bằng,
Lâm Đồng); matplotlib's bundled DejaVu Sans has the Vietnamese letters.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from toolkit.langdata import language_name  # noqa: F401 - one of the labelling helpers notebooks call

NATIONAL = "National"
UNKNOWN_PLACE = "Province unknown"
NOTHING = "Nothing to show for this corpus"

SEVERITY_COLORS = {"error": "#c0392b", "warning": "#e67e22", "info": "#95a5a6"}
SCOPE_COLORS = {"provincial": "#2874a6", "national": "#b9770e"}
LEVEL_COLORS = {"central": "#7d3c98", "provincial": "#2874a6", "press": "#95a5a6"}

UNIT_LABELS = {
    "count": "count",
    "percent": "percent (%)",
    "VND": "Vietnamese đồng (VND)",
    "USD": "US dollars (USD)",
    "hectare": "hectares (ha)",
    "rank": "rank (1 = best)",
    "points": "points",
}

# Task figures that `task_completion` pairs into completion rates.
TASKS_DONE, TASKS_TOTAL, TASKS_PCT = "tasks_completed", "tasks_total", "task_completion_pct"


# --- labels -------------------------------------------------------------------------------------


def unit_label(unit: str) -> str:
    """An axis label for a metrics `unit` (count, percent, VND...), any other unit word as written."""
    return UNIT_LABELS.get(unit, unit or "value (unit unknown)")


def place_label(province: str, scope: str = "") -> str:
    """Where a figure is about: its province, `National` for national figures, or a plain 'unknown'."""
    if scope == "national":
        return NATIONAL
    return province or UNKNOWN_PLACE


def format_value(value: float, unit: str = "") -> str:
    """A figure for a table cell: thousands separated, decimals only when it has some, then its unit."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    suffix = {"percent": " %", "count": ""}.get(unit, f" {unit}" if unit else "")
    return number + suffix


# --- chart-ready tables -------------------------------------------------------------------------


def one_per_story(metrics: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct figure of a story.

    Translations of one article share a `story_id`, so the same figure read in
    Spanish and in French counts once; a figure repeated in one article counts
    once too. Figures that differ (a conflict between translations) stay apart.
    """
    keys = ["story_id", "province", "scope", "indicator", "value", "unit", "qualifier", "period"]
    return metrics.drop_duplicates(subset=[k for k in keys if k in metrics.columns]).reset_index(drop=True)


def with_place(metrics: pd.DataFrame) -> pd.DataFrame:
    """The metrics with a `place` column: province, or `National` for national figures."""
    out = metrics.copy()
    out["place"] = [place_label(p, s) for p, s in zip(out["province"], out["scope"], strict=True)]
    return out


def shared_indicators(metrics: pd.DataFrame, min_places: int = 2) -> list[str]:
    """Indicator keys reported for at least `min_places` places (provinces or National), `other` left out."""
    places = with_place(metrics)
    places = places[places["indicator"] != "other"]
    counts = places.groupby("indicator")["place"].nunique()
    return sorted(counts[counts >= min_places].index)


def task_completion(metrics: pd.DataFrame) -> pd.DataFrame:
    """Task completion per plan: the stated rate, or completed / total from the counts.

    A count of completed tasks is paired with the nearest count of tasks in the
    same sentence (quote); when a document has exactly one of each left over,
    they are paired across sentences (a total given one sentence before). A
    stated `task_completion_pct` in the sentence of a pair is that pair's rate.
    """
    columns = [
        "place",
        "scope",
        "doc_id",
        "story_id",
        "label",
        "period",
        "completed",
        "total",
        "percent",
        "how",
    ]
    rows: list[dict] = []
    tasks = metrics[metrics["indicator"].isin([TASKS_DONE, TASKS_TOTAL, TASKS_PCT])]
    for _, doc in tasks.sort_values(["doc_id", "start"]).groupby("doc_id", sort=True):
        rows += _doc_task_rates(doc)
    return pd.DataFrame(rows, columns=columns)


def _doc_task_rates(doc: pd.DataFrame) -> list[dict]:
    pairs: list = []
    leftovers: dict[str, list] = {TASKS_DONE: [], TASKS_TOTAL: []}
    for _, sentence in doc.groupby("quote", sort=False):
        found, done_left, total_left = _pair_nearest(sentence)
        pairs += found
        leftovers[TASKS_DONE] += done_left
        leftovers[TASKS_TOTAL] += total_left
    if len(leftovers[TASKS_DONE]) == 1 and len(leftovers[TASKS_TOTAL]) == 1:
        pairs.append((leftovers[TASKS_DONE][0], leftovers[TASKS_TOTAL][0]))
    stated = [r for _, r in doc.iterrows() if r["indicator"] == TASKS_PCT]
    rows = []
    for done, total in pairs:
        pct = _stated_for(done, stated)
        if pct is not None:
            stated = [s for s in stated if s is not pct]
        rows.append(_rate_row(done, done["value"], total["value"], pct))
    rows += [_rate_row(s, None, None, s) for s in stated]
    return rows


def _pair_nearest(sentence: pd.DataFrame) -> tuple[list, list, list]:
    done = [r for _, r in sentence.iterrows() if r["indicator"] == TASKS_DONE]
    totals = [r for _, r in sentence.iterrows() if r["indicator"] == TASKS_TOTAL]
    pairs = []
    for d in done[:]:
        if not totals:
            break
        nearest = min(totals, key=lambda t: abs(int(t["start"]) - int(d["start"])))
        totals = [t for t in totals if t is not nearest]
        done.remove(d)
        pairs.append((d, nearest))
    return pairs, done, totals


def _stated_for(done: pd.Series, stated: list[pd.Series]) -> pd.Series | None:
    same = [s for s in stated if s["quote"] == done["quote"]]
    return min(same, key=lambda s: abs(int(s["start"]) - int(done["start"])), default=None)


def _rate_row(row: pd.Series, completed, total, stated: pd.Series | None) -> dict:
    if stated is not None:
        percent, how = float(stated["value"]), "stated"
    else:
        percent, how = 100.0 * float(completed) / float(total) if total else float("nan"), "computed"
    return {
        "place": place_label(row["province"], row["scope"]),
        "scope": row["scope"],
        "doc_id": row["doc_id"],
        "story_id": row["story_id"],
        "label": row["label"],
        "period": row["period"],
        "completed": completed,
        "total": total,
        "percent": round(percent, 2),
        "how": how,
    }


# --- figures ------------------------------------------------------------------------------------


def bar_chart(
    data: pd.Series | pd.DataFrame,
    title: str,
    category_label: str,
    value_label: str,
    *,
    stacked: bool = True,
    colors: Mapping[str, str] | None = None,
    value_range: tuple[float, float] | None = None,
    legend_title: str | None = None,
) -> Figure:
    """Horizontal bars: one bar per index entry; a DataFrame's columns become stacked (or side-by-side) parts.

    The categories run down the vertical axis (`category_label`) so that long
    names such as province names stay readable; values run along the
    horizontal axis (`value_label`, with its unit).
    """
    frame = data.to_frame() if isinstance(data, pd.Series) else data
    fig, ax = _figure(height=max(2.6, 0.42 * len(frame) * (1 if stacked else frame.shape[1] * 0.7) + 1.4))
    _labels(ax, title, ylabel=category_label, xlabel=value_label)
    if frame.empty or frame.shape[1] == 0:
        return _nothing(fig, ax)
    frame = frame.iloc[::-1]  # first row at the top
    names = [str(i) for i in frame.index]
    left = pd.Series(0.0, index=frame.index)
    n = frame.shape[1]
    height = 0.8 if stacked else 0.8 / n
    for i, column in enumerate(frame.columns):
        values = frame[column].astype(float).fillna(0.0)
        positions = [y if stacked else y - 0.4 + height * (i + 0.5) for y in range(len(frame))]
        bars = ax.barh(
            positions,
            values,
            height=height,
            left=left if stacked else 0.0,
            label=str(column),
            color=(colors or {}).get(str(column)),
        )
        # a value on every bar; inside the segment when segments are stacked, so labels never collide
        inside = stacked and n > 1
        ax.bar_label(
            bars,
            labels=[f"{v:g}" if v else "" for v in values],
            label_type="center" if inside else "edge",
            padding=0 if inside else 3,
            fontsize=8,
        )
        if stacked:
            left = left + values
    ax.set_yticks(range(len(frame)), names)
    numbers = frame.astype(float).fillna(0.0)
    # explicit limits: zero-width segments of a stack would otherwise pin the axis to the longest bar
    longest = float((numbers.sum(axis=1) if stacked else numbers.max(axis=1)).max())
    ax.set_xlim(*(value_range or (0.0, longest * 1.12 if longest > 0 else 1.0)))
    if _whole(numbers):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if n > 1 or isinstance(data, pd.DataFrame):
        ax.legend(title=legend_title, fontsize=8, loc="best")
    return fig


def heatmap(
    table: pd.DataFrame, title: str, column_label: str, row_label: str, value_label: str, fmt: str = "{:g}"
) -> Figure:
    """A table of numbers as coloured cells, each cell annotated with its value (empty cells left blank)."""
    fig, ax = _figure(
        width=max(5.5, 1.1 * table.shape[1] + 3.5), height=max(2.6, 0.38 * table.shape[0] + 1.8)
    )
    _labels(ax, title, xlabel=column_label, ylabel=row_label)
    if table.empty:
        return _nothing(fig, ax)
    values = table.astype(float)
    image = ax.imshow(values.fillna(0.0).to_numpy(), aspect="auto", cmap="Blues")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in values.columns], rotation=30, ha="right")
    ax.set_yticks(range(values.shape[0]), [str(i) for i in values.index])
    top = float(values.max().max() or 1.0)
    for (r, c), v in ((rc, values.iat[rc]) for rc in _cells(values.shape)):
        if pd.notna(v) and v != 0:
            ax.text(
                c,
                r,
                fmt.format(v),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if v > top / 2 else "black",
            )
    bar = fig.colorbar(image, ax=ax, label=value_label)
    if _whole(values.fillna(0.0)):
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
    return fig


def figures_by_place(
    metrics: pd.DataFrame, indicators: Sequence[str], title: str, columns: int = 3
) -> Figure:
    """Small multiples, one panel per indicator: every figure a dot above its place (province or National).

    Dots rather than bars, because a province may report several figures for
    one indicator (several plans, several years) and adding them up would be wrong.
    """
    indicators = list(indicators)
    rows = max(1, -(-len(indicators) // columns))
    cols = min(columns, max(1, len(indicators)))
    fig = Figure(figsize=(4.2 * cols, 3.4 * rows), layout="constrained")
    fig.suptitle(title)
    if not indicators:
        ax = fig.add_subplot()
        _labels(ax, "", xlabel="place", ylabel="value")
        return _nothing(fig, ax)
    data = with_place(metrics)
    for i, key in enumerate(indicators, start=1):
        ax = fig.add_subplot(rows, cols, i)
        _panel(ax, data[data["indicator"] == key], key)
    return fig


def _panel(ax: Axes, rows: pd.DataFrame, key: str) -> None:
    places = sorted(rows["place"].unique(), key=lambda p: (p == NATIONAL, p))
    units = sorted(set(rows["unit"]))
    for x, place in enumerate(places):
        here = rows[rows["place"] == place]
        for j, (_, r) in enumerate(here.iterrows()):
            jitter = (j - (len(here) - 1) / 2) * 0.08
            ax.scatter(x + jitter, r["value"], s=36, color=SCOPE_COLORS.get(r["scope"], "#555555"), zorder=3)
    ax.set_xticks(range(len(places)), places, rotation=20, ha="right")
    ax.set_xlim(-0.6, len(places) - 0.4)
    ax.grid(axis="y", alpha=0.3)
    _labels(ax, key, xlabel="place", ylabel=" / ".join(unit_label(u) for u in units))


def save_figure(fig: Figure, folder: str | os.PathLike, name: str, dpi: int = 150) -> Path:
    """Write `fig` as `<folder>/<name>.png` (folder created if needed); the path written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name if name.endswith(".png") else f"{name}.png")
    fig.savefig(path, dpi=dpi, bbox_inches="tight", facecolor="white")
    return path


# --- small shared pieces ------------------------------------------------------------------------


def _figure(width: float = 8.0, height: float = 4.0) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def _labels(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def _nothing(fig: Figure, ax: Axes) -> Figure:
    ax.text(0.5, 0.5, NOTHING, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def _whole(numbers: pd.DataFrame) -> bool:
    """True when every number is whole (counts): their axis then gets whole-number ticks."""
    return bool((numbers % 1 == 0).all().all())


def _cells(shape: tuple[int, int]):
    return ((r, c) for r in range(shape[0]) for c in range(shape[1]))
