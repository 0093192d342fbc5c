"""Data quality: each check fires on a small hand-made case and stays silent on its twin;
stories, conflicts, arithmetic and scores as specifications; end-to-end on the seeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import catalogues, consistency, findings, quality, stories
from toolkit.clean import clean_document
from toolkit.corpus import decode_document
from toolkit.model import Document, finding
from toolkit.pipeline import DocOutput, assemble
from toolkit.schemas import frame, validate_table

ES = (
    "La provincia ha completado la arquitectura de gobierno electrónico y ha desplegado la plataforma "
    "de ciudadanos digitales en todas las comunas, con el apoyo de los departamentos y de las ramas "
    "pertinentes de la provincia, que se han comprometido a seguir trabajando para el desarrollo."
)
ES2 = (
    "En materia de medio ambiente, la provincia ha organizado conferencias para difundir la conclusión "
    "y ha impartido cursos de propaganda a la población de las comunas, con el apoyo de las autoridades "
    "locales y de los departamentos, que siguen trabajando para el desarrollo de la provincia."
)
PL = (
    "Wzmocniono gospodarkę leśną, ochronę i rozwój lasów, a wskaźnik lesistości całego województwa "
    "utrzymał się na wysokim poziomie, natomiast powierzchnia lasów naturalnych była stabilnie chroniona "
    "przez władze prowincji i gmin, które współpracowały z mieszkańcami w tej sprawie."
)
SOURCE = "Fuente: https://example.vn/tin/la-provincia-trabaja-2079.html"


def cleaned(*lines: str, language: str = "es") -> Document:
    doc = Document(doc_id="d1", path="d1.txt", text="\n".join(lines))
    clean_document(doc)
    doc.language = language
    return doc


def checks_of(findings: list[dict]) -> list[str]:
    return [f["check"] for f in findings]


# --- text checks -------------------------------------------------------------------------------

TEXT_CASES = [
    ("repeated_paragraph", [ES, ES2, ES, SOURCE], True),
    ("repeated_paragraph", [ES, ES2, SOURCE], False),
    ("language_label_mismatch", ["Français " + ES, ES2, SOURCE], True),
    ("language_label_mismatch", ["Español " + ES, ES2, SOURCE], False),
    ("paragraph_other_language", [ES, PL, ES2, SOURCE], True),
    ("paragraph_other_language", [ES, ES2, SOURCE], False),
    ("source_missing", [ES, ES2], True),
    ("source_missing", [ES, ES2, SOURCE], False),
    ("text_cut_off", [ES, ES2[:-40], SOURCE], True),
    ("text_cut_off", [ES, ES2 + " (continuará)", SOURCE], True),
    ("text_cut_off", [ES, ES2, SOURCE], False),
    (
        "captions_present",
        [ES, "![](foto.jpg)", "| El camarada presidente habla en la conferencia. |", ES2, SOURCE],
        True,
    ),
    ("captions_present", [ES, ES2, SOURCE], False),
]


@pytest.mark.parametrize("check, lines, fires", TEXT_CASES)
def test_text_checks_fire_only_on_their_case(check, lines, fires):
    found = quality.document_findings(cleaned(*lines))
    assert (check in checks_of(found)) is fires
    for f in found:
        assert f["doc_id"] == "d1" and f["detail"].endswith(".") and f["severity"] in ("warning", "info")


def test_a_paragraph_full_of_foreign_names_is_not_another_language():
    names = (
        "El camarada Be Thanh Tinh, subsecretario permanente del Comité Provincial del Partido y presidente "
        "del Consejo Popular Provincial, y el camarada Nong Thanh Tung, jefe de la Comisión de Propaganda, "
        "tomaron la palabra en la reunión de trabajo con la delegación."
    )
    assert quality.paragraph_language(names, "es") == ""


def test_a_rejected_document_has_no_text_findings():
    assert quality.document_findings(Document(doc_id="x", path="x.txt", status="rejected")) == []


@pytest.mark.parametrize(
    "data, check, fires",
    [
        (
            "Década de la provincia: 1 938 servicios públicos en línea, según el año.".encode("cp1252"),
            "decoding_guessed",
            True,
        ),
        ("Década de la provincia: 1 938 servicios públicos en línea.".encode(), "decoding_guessed", False),
        ("La délégation a visité Cà Mau.".encode().decode("cp1252").encode(), "mojibake_repaired", True),
        ("La délégation a visité Cà Mau.".encode(), "mojibake_repaired", False),
        ("La délégation a visité Cà".encode()[:-1], "file_truncated", True),
        ("La délégation a visité Cà".encode(), "file_truncated", False),
    ],
)
def test_decoding_checks_come_from_reading_the_file(data, check, fires):
    doc = decode_document(Document(doc_id="d", path="d.txt"), data)
    assert (check in checks_of(doc.findings)) is fires


# --- stories -------------------------------------------------------------------------------------


def docs(*rows: dict) -> pd.DataFrame:
    base = dict(status="ok", path="x.txt", language="es", province="Cao Bằng", scope="provincial", n_chars=1)
    return frame("documents", [{**base, **r} for r in rows])


def fig(doc_id: str, n: int, value: float, **kw) -> dict:
    row = dict(
        metric_id=f"{doc_id}:m{n}",
        doc_id=doc_id,
        story_id=doc_id,
        province="Cao Bằng",
        scope="provincial",
        indicator="other",
        label="x",
        value=float(value),
        unit="count",
        qualifier="exact",
        period="",
        language="es",
        raw=str(value),
        start=n,
    )
    row.update(kw)
    row.setdefault("quote", f"Sentence {n} of {doc_id} with {row['raw']}.")
    row["end"] = row["start"] + len(row["raw"])
    return row


def figs(*rows: dict) -> pd.DataFrame:
    return frame("metrics", list(rows))


def officials(doc_id: str, *ids: str) -> list[dict]:
    return [dict(person_id=i, doc_id=doc_id, name=i, level="provincial") for i in ids]


NO_PEOPLE = frame("people", [])


def shared(doc_id: str, values: list[float], unit: str = "count") -> list[dict]:
    return [fig(doc_id, i, v, unit=unit) for i, v in enumerate(values)]


STORY_CASES = [
    # (documents, metrics, people, same story?)
    pytest.param(
        [dict(doc_id="a", source_url="https://x.vn/tin/lam-viec-voi-tinh-uy-2079.html"),
         dict(doc_id="b", language="fr", source_url="https://x.vn/tin/lam-viec-tai-tinh-uy-2079.html")],
        [], [], True, id="same publisher and article id",
    ),
    pytest.param(
        [dict(doc_id="a", source_url="https://x.vn/tin/lam-viec-voi-tinh-uy-2079.html"),
         dict(doc_id="b", source_url="https://y.vn/tin/lam-viec-voi-tinh-uy-2079.html")],
        [], [], False, id="same id on another site",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b", language="fr")],
        shared("a", [1268, 21000, 154000, 1462]) + shared("b", [1268, 21000, 154000, 1462]), [], True,
        id="four shared figures",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b", language="fr")],
        shared("a", [100], "percent") + shared("a", [3, 5, 1268]) + shared("b", [100], "percent")
        + shared("b", [3, 5, 1268]), [], False, id="same topic, only common figures shared",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b", province="Tuyên Quang")],
        shared("a", [1268, 21000, 154000, 1462]) + shared("b", [1268, 21000, 154000, 1462]), [], False,
        id="different provinces",
    ),
    pytest.param(
        [dict(doc_id="a", published="2025-01-10"), dict(doc_id="b", published="2025-06-10")],
        shared("a", [1268, 21000, 154000, 1462]) + shared("b", [1268, 21000, 154000, 1462]), [], False,
        id="published months apart",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b")],
        shared("a", [1268, 21000, 7001, 7002, 7003, 7004, 7005, 7006]) + shared("b", [1268, 21000, 154000]),
        officials("a", "p-x", "p-y") + officials("b", "p-x", "p-y"), True, id="two figures and two officials",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b")],
        shared("a", [1268, 21000, 7001, 7002, 7003, 7004, 7005, 7006]) + shared("b", [1268, 21000, 154000]),
        officials("a", "p-x") + officials("b", "p-x"), False, id="two figures and one official",
    ),
    pytest.param(
        [dict(doc_id="a"), dict(doc_id="b", province="Tuyên Quang")],
        [], officials("a", "p-x", "p-y", "p-z") + officials("b", "p-x", "p-y", "p-z"), False,
        id="one delegation visiting two provinces",
    ),
]  # fmt: skip


@pytest.mark.parametrize("documents, metrics, people, same", STORY_CASES)
def test_stories_link_reports_of_one_event_only(documents, metrics, people, same):
    stories = quality.assign_stories(docs(*documents), figs(*metrics), frame("people", people))
    assert (stories["a"] == stories["b"]) is same
    assert stories["a"] == "a"


def test_story_id_is_the_smallest_doc_id_whatever_the_order():
    rows = [dict(doc_id=d, source_url="https://x.vn/a-12345.html") for d in ("c", "a", "b")]
    for order in (rows, rows[::-1]):
        assert set(quality.assign_stories(docs(*order), figs(), NO_PEOPLE).values()) == {"a"}


def test_articles_whose_figures_are_all_too_common_to_link_are_each_their_own_story():
    small = [fig(d, i, v) for d in ("a", "b") for i, v in enumerate([1, 2, 3])] + [
        fig("a", 9, 100, unit="percent")
    ]
    assert quality.assign_stories(docs(dict(doc_id="a"), dict(doc_id="b")), figs(*small), NO_PEOPLE) == {
        "a": "a",
        "b": "b",
    }


def test_a_rejected_document_is_its_own_story():
    documents = docs(
        dict(doc_id="a", source_url="https://x.vn/a-12345.html"),
        dict(doc_id="b", status="rejected", error="empty", source_url="https://x.vn/a-12345.html"),
    )
    assert quality.assign_stories(documents, figs(), NO_PEOPLE) == {"a": "a", "b": "b"}


def test_same_story_finding_says_what_the_articles_share():
    documents = docs(dict(doc_id="a"), dict(doc_id="b", language="fr"))
    metrics = figs(*shared("a", [1268, 21000, 154000]), *shared("b", [1268, 21000, 154000]))
    found = [f for f in quality.corpus_findings(documents, metrics, NO_PEOPLE) if f["check"] == "same_story"]
    assert len(found) == 1 and found[0]["severity"] == "info"
    assert (
        "Spanish" in found[0]["detail"]
        and "French" in found[0]["detail"]
        and "3 figures" in found[0]["detail"]
    )


@pytest.mark.parametrize(
    "url, key",
    [
        (
            "https://tuyengiaocaobang.vn/index.php/tin/lam-viec-voi-tinh-uy-2079.html",
            "tuyengiaocaobang.vn/2079",
        ),
        (
            "https://www.baotuyenquang.com.vn/thoi-su/202510/doan-cong-tac-2ad1db0/",
            "baotuyenquang.com.vn/2ad1db0",
        ),
        ("https://x.vn/news.aspx?id=777", "x.vn/777"),
        ("https://x.vn/tin-tuc/khoa-hoc-cong-nghe", ""),
        ("", ""),
    ],
)
def test_article_key_is_the_sites_id_not_the_words(url, key):
    assert stories.article_key(url) == key


# --- conflicts and agreements ---------------------------------------------------------------------

SAME_STORY = dict(story_id="a")
DAMAGE = dict(indicator="disaster_damage", unit="VND", qualifier="approx", **SAME_STORY)


def compare(*rows: dict) -> list[dict]:
    return consistency.compare_reports(figs(*rows))


CONFLICT_CASES = [
    pytest.param(
        fig("a", 1, 4267e9, raw="4267 millones", **DAMAGE),
        fig("b", 1, 4267e12, raw="4 267 milliards", language="fr", **DAMAGE), "value_conflict", id="scale word",
    ),
    pytest.param(fig("a", 1, 802, indicator="tasks_total", **SAME_STORY),
                 fig("b", 1, 803, indicator="tasks_total", **SAME_STORY), "value_conflict", id="exact counts differ"),
    pytest.param(fig("a", 1, 802, indicator="tasks_total", **SAME_STORY),
                 fig("b", 1, 802, indicator="tasks_total", **SAME_STORY), "values_agree", id="equal values"),
    pytest.param(fig("a", 1, 100, indicator="disaster_damage", unit="VND", qualifier="approx", **SAME_STORY),
                 fig("b", 1, 103, indicator="disaster_damage", unit="VND", qualifier="approx", **SAME_STORY),
                 None, id="approximations that overlap"),
    pytest.param(fig("a", 1, 21000, indicator="people_reached", qualifier="more_than", **SAME_STORY),
                 fig("b", 1, 25000, indicator="people_reached", **SAME_STORY), None, id="more than, then exact"),
    pytest.param(fig("a", 1, 58.46, indicator="task_completion_pct", unit="percent", **SAME_STORY),
                 fig("b", 1, 58.5, indicator="task_completion_pct", unit="percent", **SAME_STORY),
                 None, id="same share rounded"),
    pytest.param(fig("a", 1, 60, indicator="forest_cover_pct", unit="percent", period="2024", **SAME_STORY),
                 fig("b", 1, 45, indicator="forest_cover_pct", unit="percent", period="2025", **SAME_STORY),
                 None, id="different periods"),
    pytest.param(fig("a", 1, 60, **SAME_STORY), fig("b", 1, 45, **SAME_STORY), None, id="indicator other"),
    pytest.param(fig("a", 1, 60, indicator="forest_cover_pct", unit="percent", period="2025"),
                 fig("b", 1, 45, indicator="forest_cover_pct", unit="percent", period="2025"),
                 "value_conflict", id="one province and period, two stories"),
    pytest.param(fig("a", 1, 60, indicator="forest_cover_pct", unit="percent"),
                 fig("b", 1, 45, indicator="forest_cover_pct", unit="percent"),
                 None, id="two stories, no period"),
    pytest.param(fig("a", 1, 60, indicator="forest_cover_pct", unit="percent", period="2025"),
                 fig("b", 1, 45, indicator="forest_cover_pct", unit="percent", period="2025", province="Cà Mau"),
                 None, id="two provinces"),
]  # fmt: skip


@pytest.mark.parametrize("x, y, expected", CONFLICT_CASES)
def test_reports_conflict_only_when_they_measure_the_same_thing(x, y, expected):
    found = compare(x, y)
    assert checks_of(found) == ([expected] if expected else [])


def test_a_conflict_names_both_quotes_and_the_likely_scale_word():
    (f,) = compare(CONFLICT_CASES[0].values[0], CONFLICT_CASES[0].values[1])
    assert f["severity"] == "error"
    assert "4267 millones" in f["evidence"] and "4 267 milliards" in f["evidence"]
    assert "scale word" in f["detail"] and "1,000 times" in f["detail"]
    assert f["metric_ids"] == "a:m1;b:m1" and f["subject"] == "a:m1 vs b:m1"


def test_a_breakdown_pairs_equal_values_and_compares_the_one_left():
    rows = [
        fig("a", 1, 468, indicator="digital_certificates", **SAME_STORY),
        fig("a", 2, 1054, indicator="digital_certificates", **SAME_STORY),
        fig("b", 1, 1054, indicator="digital_certificates", **SAME_STORY),
        fig("b", 2, 512, indicator="digital_certificates", **SAME_STORY),
    ]
    assert sorted(checks_of(compare(*rows))) == ["value_conflict", "values_agree"]


def test_a_round_figure_may_be_the_rounding_of_a_precise_one():
    precise = fig("a", 1, 468, indicator="digital_certificates", **SAME_STORY)
    assert compare(precise, fig("b", 1, 470, indicator="digital_certificates", **SAME_STORY)) == []


def test_two_unmatched_figures_on_each_side_are_not_compared():
    rows = [fig(d, i, v, indicator="digital_certificates", **SAME_STORY) for d, vs in
            (("a", (468, 1054)), ("b", (470, 1060))) for i, v in enumerate(vs)]  # fmt: skip
    assert compare(*rows) == []


@pytest.mark.parametrize(
    "a, b, factor", [(4267e9, 4267e12, 1000), (5e3, 5e9, 1000000), (4267, 4268, 0), (100, 1000, 0), (0, 5, 0)]
)
def test_scale_factor_is_a_power_of_a_thousand(a, b, factor):
    assert consistency.scale_factor(a, b) == factor


@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.sampled_from(["exact", "approx", "more_than", "less_than", "up_to"]),
    st.sampled_from(["exact", "approx", "more_than", "less_than", "up_to"]),
)
def test_disagreement_is_symmetric_and_a_value_never_disagrees_with_itself(a, b, qa, qb):
    x, y = dict(value=a, qualifier=qa), dict(value=b, qualifier=qb)
    assert consistency.disjoint(x, y) == consistency.disjoint(y, x)
    assert not consistency.disjoint(x, dict(value=a, qualifier=qb))
    lo, hi = consistency.interval(x)
    assert lo <= a <= hi


# --- arithmetic -------------------------------------------------------------------------------------

S1 = "Hasta la fecha, el número total de tareas asciende a 60."
S2 = "Se han completado 10 tareas, 20 están en ejecución y 30 pendientes."
S3 = "Se han completado 38 de 65 tareas (58,46 %)."


def task(n: int, key: str, value: float, quote: str, **kw) -> dict:
    unit = "percent" if key.endswith("_pct") else "count"
    return fig("d", n, value, indicator=key, unit=unit, quote=quote, **kw)


PARTS = [task(100, "tasks_completed", 10, S2), task(120, "tasks_in_progress", 20, S2)]
ARITHMETIC_CASES = [
    pytest.param([task(50, "tasks_total", 60, S1), *PARTS, task(140, "tasks_pending", 30, S2)],
                 "arithmetic_parts_add_up", id="parts add up (whole in the sentence before)"),
    pytest.param([task(50, "tasks_total", 60, S1), *PARTS, task(140, "tasks_pending", 31, S2)],
                 "arithmetic_parts_mismatch", id="parts do not add up"),
    pytest.param([task(50, "tasks_total", 25, S1), *PARTS], "arithmetic_parts_mismatch",
                 id="parts exceed the whole"),
    pytest.param([task(50, "tasks_total", 60, S1), *PARTS], None, id="a status not stated: no sum"),
    pytest.param([task(10, "tasks_completed", 30, S3), task(16, "tasks_total", 25, S3)],
                 "arithmetic_part_exceeds_whole", id="part larger than whole"),
    pytest.param([task(10, "tasks_completed", 24, S3), task(16, "tasks_total", 25, S3)],
                 "arithmetic_part_within_whole", id="part within whole"),
    pytest.param([task(10, "tasks_completed", 24, S3), task(16, "tasks_total", 25, S1)], None,
                 id="a lone part takes no whole from another sentence"),
    pytest.param([task(10, "tasks_completed", 24, S3), task(16, "tasks_total", 25, S3, period="2024"),
                  ], None, id="part and whole of different periods"),  # the part has no period: compatible
]  # fmt: skip
ARITHMETIC_CASES[-1] = pytest.param(
    [task(10, "tasks_completed", 24, S3, period="2025"), task(16, "tasks_total", 25, S3, period="2024")],
    None,
    id="part and whole of different periods",
)


@pytest.mark.parametrize("rows, expected", ARITHMETIC_CASES)
def test_parts_are_checked_against_their_whole(rows, expected):
    found = consistency.arithmetic_findings(figs(*rows))
    assert checks_of(found) == ([expected] if expected else [])


@pytest.mark.parametrize(
    "pct, qualifier, expected",
    [
        (58.46, "exact", "arithmetic_percentage_matches"),
        (58.5, "exact", "arithmetic_percentage_matches"),
        (60.0, "exact", "arithmetic_percentage_mismatch"),
        (58.0, "approx", "arithmetic_percentage_matches"),
        (50.0, "more_than", "arithmetic_percentage_matches"),
        (70.0, "more_than", "arithmetic_percentage_mismatch"),
    ],
)
def test_a_stated_percentage_is_checked_against_its_ratio(pct, qualifier, expected):
    rows = [
        task(10, "tasks_completed", 38, S3),
        task(16, "tasks_total", 65, S3),
        task(20, "task_completion_pct", pct, S3, qualifier=qualifier),
    ]
    found = [
        f
        for f in consistency.arithmetic_findings(figs(*rows))
        if f["check"].startswith("arithmetic_percentage")
    ]
    assert checks_of(found) == [expected]
    assert found[0]["metric_ids"] == "d:m20;d:m10;d:m16"


def test_a_percentage_without_its_part_and_whole_is_not_checked():
    rows = [task(20, "task_completion_pct", 100, "Las tareas se han completado al 100 %.")]
    assert consistency.arithmetic_findings(figs(*rows)) == []


RANGE_CASES = [
    (dict(indicator="forest_cover_pct", unit="percent", value=160), "arithmetic_percent_over_100"),
    (dict(indicator="forest_cover_pct", unit="percent", value=60), "arithmetic_ranges_ok"),
    (dict(indicator="budget_revenue_growth_pct", unit="percent", value=160), "arithmetic_ranges_ok"),
    (dict(indicator="other", unit="percent", value=160), "arithmetic_percent_over_100"),
    (dict(indicator="other", unit="percent", value=160, quote="Las exportaciones aumentaron un 160 %."),
     "arithmetic_ranges_ok"),
    (dict(indicator="people_reached", unit="count", value=5e9), "arithmetic_magnitude_implausible"),
    (dict(indicator="people_reached", unit="count", value=5e4), "arithmetic_ranges_ok"),
    (dict(indicator="disaster_damage", unit="VND", value=4267e15), "arithmetic_magnitude_implausible"),
    (dict(indicator="disaster_damage", unit="VND", value=4267e9), "arithmetic_ranges_ok"),
    (dict(indicator="public_service_index_rank", unit="rank", value=0), "arithmetic_magnitude_implausible"),
]  # fmt: skip


@pytest.mark.parametrize("row, expected", RANGE_CASES)
def test_magnitudes_are_checked_against_the_ranges_catalogue(row, expected):
    assert checks_of(consistency.range_findings(figs(fig("d", 1, **row)))) == [expected]


@pytest.mark.parametrize("rows", [case.values[0] for case in ARITHMETIC_CASES])
def test_a_documents_figures_are_checked_in_the_worker_as_in_the_table(rows):
    """figure_findings runs per document on plain records (in any order) and finds what the table
    checks find."""
    table = figs(*rows)
    expected = consistency.arithmetic_findings(table) + consistency.range_findings(table)
    assert quality.figure_findings(list(reversed(rows))) == expected


@pytest.mark.parametrize("row, expected", RANGE_CASES)
def test_a_documents_magnitudes_are_checked_in_the_worker(row, expected):
    assert checks_of(quality.figure_findings([fig("d", 1, **row)])) == [expected]


def test_a_figure_of_a_unit_without_a_range_is_not_counted_as_checked():
    assert quality.figure_findings([fig("d", 1, 5, unit="km")]) == []


def test_every_range_and_part_names_a_catalogued_indicator():
    keys = set(catalogues.indicators()["key"]) | {"*"}
    assert set(catalogues.ranges()["indicator"]) <= keys
    parts = catalogues.parts()
    assert set(parts["whole"]) | set(parts["part"]) | (set(parts["percent"]) - {""}) <= keys
    r = catalogues.ranges().astype({"min": float, "max": float})
    assert (r["min"] < r["max"]).all() and not r.duplicated(["indicator", "unit"]).any()


# --- scores -----------------------------------------------------------------------------------------


def scored(findings: list[dict], n_figures: int = 4, status: str = "ok") -> float:
    documents = docs(dict(doc_id="d", status=status, error="" if status == "ok" else "empty"))
    metrics = figs(*[fig("d", i, 100 + i) for i in range(n_figures)])
    q = frame("quality", [dict(finding_id=f"q{i}", **f) for i, f in enumerate(findings)])
    return float(quality.add_scores(documents, metrics, q)["quality_score"].iloc[0])


@pytest.mark.parametrize(
    "findings, n_figures, status, score",
    [
        ([], 4, "ok", 1.0),
        ([finding("value_conflict", "error", "x.", doc_id="d", metric_ids="d:m0")], 4, "ok", 4 / 5),
        ([finding("value_conflict", "error", "x.", doc_id="d", metric_ids="d:m0;d:m1")], 4, "ok", 3 / 5),
        ([finding("values_agree", "info", "x.", doc_id="d", metric_ids="d:m0")], 4, "ok", 1.0),
        ([finding("text_cut_off", "warning", "x.", doc_id="d")], 4, "ok", 4 / 5),
        ([], 0, "ok", 1.0),
        ([finding("source_missing", "warning", "x.", doc_id="d")], 0, "ok", 0.0),
        ([], 0, "rejected", 0.0),
    ],
)
def test_quality_score_is_the_share_of_clean_items(findings, n_figures, status, score):
    assert math.isclose(scored(findings, n_figures, status), score, abs_tol=1e-4)


def test_province_summary_keeps_its_columns_and_gains_the_score():
    documents = docs(dict(doc_id="a"), dict(doc_id="b"))
    metrics = figs(fig("a", 1, 100), fig("b", 1, 200))
    q = frame(
        "quality",
        [dict(finding_id="q", **finding("value_conflict", "error", "x.", doc_id="a", metric_ids="a:m1"))],
    )
    summary = quality.province_summary(documents, metrics, frame("people", []), q)
    assert list(summary.columns) == [
        "province",
        "articles",
        "figures",
        "people",
        "errors",
        "warnings",
        "quality_score",
    ]
    row = summary.iloc[0]
    assert (row["articles"], row["figures"], row["errors"]) == (2, 2, 1)
    assert math.isclose(row["quality_score"], 3 / 4)


# --- schema failures of every table ----------------------------------------------------------------------

BROKEN_ROWS = [
    (
        "documents",
        dict(doc_id="a", path="a", status="ok", scope="provincial", quality_score=1.5),
        "quality_score",
    ),
    ("metrics", dict(fig("a", 1, 5), qualifier="roughly"), "qualifier"),
    ("people", dict(person_id="p", doc_id="a", name="X", level="mayor"), "level"),
    ("roster", dict(person_id="p", name="X", level="central", n_documents=0), "n_documents"),
    ("quality", dict(finding_id="q", check="c", severity="fatal"), "severity"),
]


@pytest.mark.parametrize("table, row, column", BROKEN_ROWS)
def test_a_broken_row_of_any_table_is_a_finding_naming_table_row_and_column(table, row, column):
    _, found = validate_table(table, frame(table, [row]))
    assert [f["subject"] for f in found] == [f"{table}:row 0:{column}"]
    assert found[0]["check"] == "schema_failure" and found[0]["severity"] == "error"


def test_a_finding_that_breaks_the_quality_schema_is_itself_reported():
    out = DocOutput(document=dict(doc_id="a", path="a.txt", status="ok", language="es", scope="provincial"))
    out.findings = [finding("captions_present", "fatal", "x.", doc_id="a")]
    result = assemble([out])
    assert "quality:row 0:severity" in set(result.quality["subject"])
    assert result.documents["quality_score"].between(0, 1).all()


# --- end to end on the seeds ------------------------------------------------------------------------------

ES_000, FR_001 = "000_df116f592fdfaf1c", "001_ba4931c0672c677b"


def test_seed_findings_are_catalogued_with_their_usual_severity(seed_result):
    usual = catalogues.checks().set_index("check")["severity"]
    found = seed_result.quality
    assert set(found["check"]) <= set(usual.index)
    assert (found["severity"] == found["check"].map(usual)).all()


def test_seeds_000_and_001_are_one_story_in_every_table(seed_result):
    for table in (seed_result.documents, seed_result.metrics, seed_result.people):
        stories = table[table["doc_id"].isin([ES_000, FR_001])]["story_id"]
        assert set(stories) == {ES_000}
    others = seed_result.documents[~seed_result.documents["doc_id"].isin([ES_000, FR_001])]
    assert (others["story_id"] == others["doc_id"]).all()
    q = seed_result.quality
    assert len(q[q["check"] == "same_story"]) == 1


def test_seed_disaster_damage_conflict_is_an_error_with_both_quotes(seed_result):
    q = seed_result.quality
    (row,) = q[q["check"] == "value_conflict"].itertuples()
    assert row.severity == "error" and row.story_id == ES_000
    assert "4267 millones de dongs" in row.evidence and "4 267 milliards de dongs" in row.evidence
    assert "scale word" in row.detail
    assert len(q[q["check"] == "values_agree"]) >= 10


def test_seed_arithmetic_is_verified(seed_result):
    q = seed_result.quality
    pct = q[(q["check"] == "arithmetic_percentage_matches") & q["doc_id"].str.startswith("003")]
    assert len(pct) == 2 and (pct["severity"] == "info").all()
    assert any("58.46 %" in d for d in pct["detail"]) and any("53.66 %" in d for d in pct["detail"])
    sums = q[(q["check"] == "arithmetic_parts_add_up") & q["doc_id"].str.startswith("004")]
    assert len(sums) == 1 and "239 + 427 + 136 = 802" in sums["detail"].iloc[0]
    assert not q["check"].isin(["arithmetic_parts_mismatch", "arithmetic_percentage_mismatch"]).any()


def test_seed_repeated_paragraphs_are_reported(seed_result):
    q = seed_result.quality
    repeats = q[q["check"] == "repeated_paragraph"]["doc_id"].value_counts()
    assert repeats.get(ES_000) == 4 and repeats.get(FR_001) == 4


def test_seed_findings_point_at_real_figures_and_scores_are_shares(seed_result):
    ids = set(seed_result.metrics["metric_id"])
    named = seed_result.quality["metric_ids"].str.split(";").explode()
    assert set(named[named != ""]) <= ids
    scores = seed_result.documents.set_index("doc_id")["quality_score"]
    assert scores.between(0, 1).all() and scores[ES_000] < 1
    assert list(seed_result.documents.columns[-1:]) == ["quality_score"]


@pytest.mark.parametrize(
    "url",
    ["https://x.vn/tong-ket-nam-2025.html", "https://x.vn/tin-tuc/khoa-hoc-cong-nghe", "not a url"],
)
def test_a_slug_ending_in_a_year_or_a_word_has_no_article_key(url):
    assert stories.article_key(url) == ""


@pytest.mark.parametrize("n, around", [(40, ""), (40, "1 234"), (300, "1 234")])
def test_an_excerpt_is_short_and_keeps_the_figure(n, around):
    text = "La provincia " * 30 + "ha completado 1 234 tareas " + "y más " * 30
    out = findings.excerpt(text, n, around)
    assert len(out) <= n and (around in out if around else True)


# --- checks of finding the input files ------------------------------------------------------------


@pytest.mark.parametrize("loop, fires", [(True, True), (False, False)])
def test_a_folder_reached_twice_through_a_link_is_reported(tmp_path, loop, fires):
    from toolkit.corpus import find_inputs

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Hola.", encoding="utf-8")
    if loop:
        (tmp_path / "a" / "back").symlink_to(tmp_path / "a", target_is_directory=True)
    found = find_inputs([tmp_path])
    assert ("folder_loop" in checks_of(found.findings)) is fires
    assert [p.name for p in found.files] == ["x.txt"]


@pytest.mark.parametrize("locked, fires", [("b", True), ("", False)])
def test_a_folder_that_cannot_be_searched_is_reported(tmp_path, monkeypatch, locked, fires):
    import os

    from toolkit.corpus import find_inputs

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text("Hola.", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # permissions cannot be taken away from root: refuse the folder instead
        if locked and os.fspath(path).endswith(os.sep + locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_inputs([tmp_path])
    assert ("folder_unreadable" in checks_of(found.findings)) is fires


def test_every_catalogued_check_is_exercised_by_a_test():
    from pathlib import Path

    tests = " ".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    missing = [c for c in catalogues.checks()["check"] if f'"{c}"' not in tests]
    assert missing == []


def test_every_check_has_its_usual_severity_meaning_and_advice():
    table = catalogues.checks()
    assert table["check"].is_unique
    assert set(table["severity"]) <= {"error", "warning", "info"}
    assert (table["meaning"].str.len() > 20).all() and (table["what_to_do"].str.len() > 5).all()


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["error", "warning", "info"]),
            st.lists(st.integers(min_value=0, max_value=5), max_size=3),
        ),
        max_size=8,
    ),
    st.integers(min_value=0, max_value=5),
)
def test_a_quality_score_is_always_a_share(findings, n_figures):
    records = [
        finding("c", sev, "x.", doc_id="d", metric_ids=";".join(f"d:m{i}" for i in ids))
        for sev, ids in findings
    ]
    assert 0.0 <= scored(records, n_figures) <= 1.0


@given(st.permutations(["a", "b", "c", "d"]))
def test_stories_do_not_depend_on_the_order_of_the_rows(order):
    urls = {"a": "https://x.vn/n-10001.html", "b": "https://x.vn/m-10001.html", "c": "", "d": ""}
    documents = docs(*[dict(doc_id=d, source_url=urls[d]) for d in order])
    metrics = figs(*[f for d in order if d in "cd" for f in shared(d, [1268, 21000, 154000])])
    assert quality.assign_stories(documents, metrics, NO_PEOPLE) == {"a": "a", "b": "a", "c": "c", "d": "c"}
