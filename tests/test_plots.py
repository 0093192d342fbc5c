"""toolkit.plots: chart-ready tables and figures with titles, labelled axes and units, saved as PNG."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from toolkit import plots  # noqa: E402

PROVINCES = ["Cao Bằng", "Tuyên Quang", "Cà Mau", "Lâm Đồng", "Đắk Lắk", "Hà Nội"]


def metric(
    indicator, value, *, doc="d1", story=None, province="Ha Giang", scope="provincial", unit="count", **kw
):
    """One metrics row with the contract's columns that the plots read; the rest defaulted."""
    row = {
        "doc_id": doc,
        "story_id": story or doc,
        "province": province,
        "scope": scope,
        "indicator": indicator,
        "label": kw.pop("label", indicator),
        "value": float(value),
        "unit": unit,
        "qualifier": kw.pop("qualifier", "exact"),
        "period": kw.pop("period", ""),
        "quote": kw.pop("quote", "q1"),
        "start": kw.pop("start", 0),
    }
    assert not kw, kw
    return row


def frame(*rows):
    return pd.DataFrame(list(rows))


# --- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "label"),
    [
        ("count", "count"),
        ("percent", "percent (%)"),
        ("VND", "Vietnamese đồng (VND)"),
        ("USD", "US dollars (USD)"),
        ("hectare", "hectares (ha)"),
        ("tonnes", "tonnes"),
        ("", "value (unit unknown)"),
    ],
)
def test_unit_label_names_the_unit_for_an_axis(unit, label):
    assert plots.unit_label(unit) == label


@pytest.mark.parametrize(
    ("province", "scope", "place"),
    [
        ("Cao Bằng", "provincial", "Cao Bằng"),
        ("", "national", "National"),
        ("Lâm Đồng", "national", "National"),
        ("", "provincial", "Province unknown"),
        ("", "", "Province unknown"),
    ],
)
def test_place_label_is_the_province_or_national(province, scope, place):
    assert plots.place_label(province, scope) == place


@pytest.mark.parametrize(
    ("code", "name"),
    [("es", "Spanish"), ("fr", "French"), ("pl", "Polish"), ("vi", "Vietnamese"), ("", "unknown")],
)
def test_language_name_spells_out_the_iso_code(code, name):
    assert plots.language_name(code) == name


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1938.0, "count", "1,938"),
        (58.46, "percent", "58.46 %"),
        (4267000000000.0, "VND", "4,267,000,000,000 VND"),
        (100.0, "hectare", "100 hectare"),
        (3.5, "", "3.50"),
    ],
)
def test_format_value_writes_a_figure_with_its_unit(value, unit, text):
    assert plots.format_value(value, unit) == text


# --- chart-ready tables -------------------------------------------------------------------------


def test_one_per_story_counts_a_figure_read_in_two_translations_once():
    rows = frame(
        metric("online_public_services", 1938, doc="es", story="s1", label="servicios"),
        metric("online_public_services", 1938, doc="fr", story="s1", label="services"),
    )
    assert len(plots.one_per_story(rows)) == 1


def test_one_per_story_keeps_translations_that_disagree_apart():
    rows = frame(
        metric("disaster_damage", 4e9, doc="es", story="s1", unit="VND"),
        metric("disaster_damage", 4e12, doc="fr", story="s1", unit="VND"),
    )
    assert sorted(plots.one_per_story(rows)["value"]) == [4e9, 4e12]


def test_one_per_story_keeps_the_same_figure_in_different_stories():
    rows = frame(metric("tasks_total", 25, doc="a"), metric("tasks_total", 25, doc="b"))
    assert len(plots.one_per_story(rows)) == 2


@pytest.mark.parametrize(
    ("rows", "min_places", "expected"),
    [
        ([("tasks_total", "A", "provincial"), ("tasks_total", "B", "provincial")], 2, ["tasks_total"]),
        ([("tasks_total", "A", "provincial"), ("tasks_total", "A", "provincial")], 2, []),
        ([("tasks_total", "A", "provincial"), ("tasks_total", "", "national")], 2, ["tasks_total"]),
        ([("other", "A", "provincial"), ("other", "B", "provincial")], 2, []),
        ([("forest_cover_pct", "A", "provincial")], 1, ["forest_cover_pct"]),
    ],
)
def test_shared_indicators_are_those_reported_for_several_places(rows, min_places, expected):
    table = frame(*(metric(key, 1, province=prov, scope=scope) for key, prov, scope in rows))
    assert plots.shared_indicators(table, min_places) == expected


def completion(*rows):
    return plots.task_completion(frame(*rows))


def test_task_completion_from_completed_and_total_in_one_sentence():
    table = completion(
        metric("tasks_completed", 24, start=10, label="plan A"), metric("tasks_total", 25, start=15)
    )
    assert table[["completed", "total", "percent", "how", "label"]].values.tolist() == [
        [24, 25, 96.0, "computed", "plan A"]
    ]


def test_task_completion_pairs_each_count_with_the_nearest_total_of_its_sentence():
    table = completion(
        metric("tasks_total", 101, start=0),
        metric("tasks_total", 65, start=40),
        metric("tasks_completed", 38, start=60),
    )
    assert table[["completed", "total"]].values.tolist() == [[38, 65]]


def test_task_completion_prefers_the_rate_the_sentence_states():
    table = completion(
        metric("tasks_completed", 66, start=0),
        metric("tasks_total", 123, start=6),
        metric("task_completion_pct", 53.66, start=18, unit="percent"),
    )
    assert table[["completed", "total", "percent", "how"]].values.tolist() == [[66, 123, 53.66, "stated"]]


def test_task_completion_keeps_a_stated_rate_without_counts():
    table = completion(metric("task_completion_pct", 100, unit="percent", quote="all done"))
    assert table[["percent", "how"]].values.tolist() == [[100.0, "stated"]]
    assert table["completed"].isna().all()


def test_task_completion_pairs_a_lone_total_and_count_across_sentences():
    table = completion(
        metric("tasks_total", 802, quote="total", start=0, scope="national", province=""),
        metric("tasks_completed", 239, quote="progress", start=50, scope="national", province=""),
    )
    assert table[["place", "completed", "total", "percent"]].values.tolist() == [["National", 239, 802, 29.8]]


def test_task_completion_does_not_guess_between_several_leftover_counts():
    table = completion(
        metric("tasks_total", 80, quote="a"),
        metric("tasks_completed", 20, quote="b"),
        metric("tasks_completed", 30, quote="c"),
    )
    assert table.empty


def test_task_completion_keeps_documents_apart():
    table = completion(
        metric("tasks_total", 10, doc="x", quote="a"),
        metric("tasks_completed", 5, doc="y", quote="b"),
    )
    assert table.empty


def test_task_completion_of_no_tasks_is_an_empty_table_with_its_columns():
    table = completion(metric("forest_cover_pct", 60, unit="percent"))
    assert table.empty and "percent" in table.columns


# --- figures ------------------------------------------------------------------------------------


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_bar_chart_has_title_axis_labels_and_one_bar_per_category():
    fig = plots.bar_chart(pd.Series([3, 1], index=["es", "fr"]), "Articles", "language", "articles (count)")
    ax = fig.axes[0]
    assert (ax.get_title(), ax.get_ylabel(), ax.get_xlabel()) == ("Articles", "language", "articles (count)")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["fr", "es"]  # first row drawn at the top
    assert [p.get_width() for p in ax.patches] == [1, 3]
    assert texts(ax) == ["1", "3"]


def test_bar_chart_stacks_columns_with_their_colours_and_a_legend():
    data = pd.DataFrame({"error": [1, 0], "warning": [2, 5]}, index=["check_a", "check_b"])
    fig = plots.bar_chart(data, "Findings", "check", "findings (count)", colors=plots.SEVERITY_COLORS)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["error", "warning"]
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == plots.SEVERITY_COLORS["error"]
    assert max(p.get_x() + p.get_width() for p in ax.patches) == 5  # stacked: 0 + 5


def test_bar_chart_axis_reaches_past_the_longest_stack_even_after_an_empty_segment():
    data = pd.DataFrame({"central": [0, 3], "provincial": [7, 0], "press": [0, 2]}, index=["Cà Mau", "none"])
    fig = plots.bar_chart(data, "People", "province", "people (count)")
    assert fig.axes[0].get_xlim()[1] > 7


def test_bar_chart_of_counts_has_whole_number_ticks_only():
    fig = plots.bar_chart(pd.Series([1, 2], index=["a", "b"]), "Articles", "language", "articles (count)")
    fig.canvas.draw()
    assert all(float(t).is_integer() for t in fig.axes[0].get_xticks())


def test_bar_chart_keeps_the_value_range_asked_for():
    fig = plots.bar_chart(
        pd.Series([0.5], index=["d1"]), "Score", "document", "score (0 to 1)", value_range=(0, 1)
    )
    assert fig.axes[0].get_xlim() == (0, 1)


def test_bar_chart_of_nothing_says_so():
    fig = plots.bar_chart(pd.Series(dtype=float), "Roles", "role", "people (count)")
    assert fig.axes[0].get_title() == "Roles"
    assert texts(fig.axes[0]) == [plots.NOTHING]


def test_heatmap_labels_axes_colour_bar_and_cells():
    table = pd.DataFrame({"Cao Bằng": [2, 0], "Cà Mau": [0, 1]}, index=["tasks_total", "enterprises"])
    fig = plots.heatmap(table, "Figures per province", "province", "indicator", "figures (count)")
    ax, colorbar = fig.axes
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == (
        "Figures per province",
        "province",
        "indicator",
    )
    assert colorbar.get_ylabel() == "figures (count)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Cao Bằng", "Cà Mau"]
    assert sorted(texts(ax)) == ["1", "2"]  # zero cells left blank


def test_figures_by_place_draws_one_panel_per_indicator_with_its_unit():
    rows = frame(
        metric("tasks_total", 25, province="Tuyên Quang"),
        metric("tasks_total", 802, province="", scope="national"),
        metric("forest_cover_pct", 60, province="Tuyên Quang", unit="percent"),
    )
    fig = plots.figures_by_place(rows, ["tasks_total", "forest_cover_pct"], "Shared indicators")
    assert fig.get_suptitle() == "Shared indicators"
    assert [(ax.get_title(), ax.get_ylabel(), ax.get_xlabel()) for ax in fig.axes] == [
        ("tasks_total", "count", "place"),
        ("forest_cover_pct", "percent (%)", "place"),
    ]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["Tuyên Quang", "National"]


def test_figures_by_place_of_no_indicator_says_so():
    fig = plots.figures_by_place(frame(metric("x", 1)), [], "Shared indicators")
    assert texts(fig.axes[0]) == [plots.NOTHING]


def test_province_names_are_drawn_with_their_diacritics(tmp_path):
    fig = plots.bar_chart(pd.Series(range(len(PROVINCES)), index=PROVINCES), "Provinces", "province", "count")
    with warnings.catch_warnings():
        warnings.simplefilter(
            "error"
        )  # matplotlib warns "Glyph ... missing from font" for a letter it cannot draw
        plots.save_figure(fig, tmp_path, "provinces")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == PROVINCES[::-1]


@pytest.mark.parametrize("name", ["01_languages", "01_languages.png"])
def test_save_figure_writes_a_png_in_a_new_folder(tmp_path, name):
    fig = plots.bar_chart(pd.Series([1], index=["es"]), "Articles", "language", "articles (count)")
    path = plots.save_figure(fig, tmp_path / "figures", name)
    assert path == tmp_path / "figures" / "01_languages.png"
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
