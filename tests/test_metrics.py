"""Figures from hand-written sentences: links, indicators, scope, province, period, provenance."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.catalogues import indicators
from toolkit.metrics import document_scope, extract_metrics
from toolkit.model import Document, Segment
from toolkit.periods import find_periods


def doc(text: str, lang: str, province: str = "Cà Mau", kind: str = "body") -> Document:
    return Document(
        doc_id="t",
        path="t.txt",
        text=text,
        segments=[Segment(kind, 0, len(text))],
        language=lang,
        province=province,
        scope="provincial" if province else "national",
    )


def rows(text: str, lang: str, **kw) -> list[dict]:
    return extract_metrics(doc(text, lang, **kw))


def row(text: str, lang: str, raw: str, **kw) -> dict:
    found = [r for r in rows(text, lang, **kw) if r["raw"] == raw]
    assert found, f"{raw!r} not extracted from {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("pl", "Prowincja zrealizowała 24 z 25 zadań.", [("24", "tasks_completed"), ("25", "tasks_total")]),
        (
            "es",
            "La provincia ha completado 66 de 123 tareas.",
            [("66", "tasks_completed"), ("123", "tasks_total")],
        ),
        (
            "en",
            "The province has completed 12 of 20 tasks.",
            [("12", "tasks_completed"), ("20", "tasks_total")],
        ),
        ("fr", "La province a achevé 12 sur 20 tâches.", [("12", "tasks_completed"), ("20", "tasks_total")]),
        ("pt", "A província concluiu 12 de 20 tarefas.", [("12", "tasks_completed"), ("20", "tasks_total")]),
        (
            "de",
            "Die Provinz hat 12 von 20 Aufgaben erledigt.",
            [("12", "tasks_completed"), ("20", "tasks_total")],
        ),
        (
            "it",
            "La provincia ha completato 12 su 20 compiti.",
            [("12", "tasks_completed"), ("20", "tasks_total")],
        ),
        (
            "es",
            "La provincia ha completado 24/25 tareas.",
            [("24", "tasks_completed"), ("25", "tasks_total")],
        ),
    ],
)
def test_ratio_gives_two_rows_part_and_whole(lang, text, expected):
    assert [(r["raw"], r["indicator"]) for r in rows(text, lang)] == expected


@pytest.mark.parametrize(
    "lang, text, total, done, pct",
    [
        (
            "es",
            "Se han completado 65 tareas, de las cuales 38 (58,46 %) se han completado a tiempo.",
            "65",
            "38",
            "58,46 %",
        ),
        ("en", "There are 65 tasks, of which 38 (58.46%) have been completed.", "65", "38", "58.46%"),
        ("fr", "65 tâches ont été lancées, dont 38 (58,46 %) ont été achevées.", "65", "38", "58,46 %"),
        ("pt", "Foram lançadas 65 tarefas, das quais 38 (58,46%) foram concluídas.", "65", "38", "58,46%"),
        ("it", "Sono stati assegnati 65 compiti, di cui 38 (58,46%) completati.", "65", "38", "58,46%"),
    ],
)
def test_of_which_makes_a_whole_and_a_bracketed_share(lang, text, total, done, pct):
    assert row(text, lang, total)["indicator"] == "tasks_total"
    assert row(text, lang, done)["indicator"] == "tasks_completed"
    share = row(text, lang, pct)
    assert (share["indicator"], share["unit"]) == ("task_completion_pct", "percent")


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "La provincia proporcionó 1,938 servicios públicos en línea.",
            "1,938",
            "online_public_services",
        ),
        ("fr", "La province a fourni 1 938 services publics en ligne.", "1 938", "online_public_services"),
        ("en", "The province provided 1,938 online public services.", "1,938", "online_public_services"),
        ("pt", "A província ofereceu 1.938 serviços públicos online.", "1.938", "online_public_services"),
        ("it", "La provincia ha offerto 1.938 servizi pubblici online.", "1.938", "online_public_services"),
        ("es", "La provincia emitió más de 9.000 firmas digitales.", "9.000", "digital_signatures"),
        ("en", "The province issued over 9,000 digital signatures.", "9,000", "digital_signatures"),
        ("de", "Die Provinz hat 9.000 digitale Signaturen ausgegeben.", "9.000", "digital_signatures"),
        (
            "es",
            "Equipó 468 certificados digitales para organizaciones y 1.054 para particulares.",
            "1.054",
            "digital_certificates",
        ),
        (
            "en",
            "It issued 468 digital certificates to organisations and 1,054 to individuals.",
            "1,054",
            "digital_certificates",
        ),
        ("es", "El sistema recibió más de 88.000 registros.", "88.000", "online_applications"),
        ("fr", "Le guichet unique a reçu plus de 88 000 dossiers.", "88 000", "online_applications"),
        (
            "es",
            "Con 858 empresas de ciencia y tecnología y 45 empresas de alta tecnología.",
            "858",
            "st_enterprises",
        ),
        (
            "es",
            "Con 858 empresas de ciencia y tecnología y 45 empresas de alta tecnología.",
            "45",
            "high_tech_enterprises",
        ),
        ("en", "There are 73,000 digital technology enterprises.", "73,000", "digital_tech_enterprises"),
        ("en", "More than 80 enterprises attended.", "80", "enterprises"),
        ("pl", "W konferencji wzięło udział ponad 80 przedsiębiorstw.", "80", "enterprises"),
        (
            "es",
            "La provincia organizó más de 1360 conferencias para difundir la Conclusión.",
            "1360",
            "conferences_held",
        ),
        ("fr", "La province a organisé plus de 1 360 conférences.", "1 360", "conferences_held"),
        ("es", "Impartió 2209 cursos de propaganda a más de 154 000 personas.", "2209", "awareness_sessions"),
        ("es", "Impartió 2209 cursos de propaganda a más de 154 000 personas.", "154 000", "people_reached"),
        ("en", "It held 2,209 awareness sessions for more than 154,000 people.", "154,000", "people_reached"),
        (
            "es",
            "Se establecieron 1,268 equipos de transformación digital comunitaria con más de 10,000 miembros.",
            "1,268",
            "community_digital_teams",
        ),
        (
            "es",
            "Se establecieron 1,268 equipos de transformación digital comunitaria con más de 10,000 miembros.",
            "10,000",
            "community_digital_team_members",
        ),
        (
            "en",
            "It trained more than 3,000 cadres, officials and public employees.",
            "3,000",
            "officials_trained",
        ),
        ("es", "El Ministerio ha atraído a 277 expertos.", "277", "experts_recruited"),
        ("es", "El Programa incluye 62 objetivos y 101 tareas.", "62", "objectives_total"),
        ("es", "El Gobierno ha emitido 16 decretos.", "16", "documents_issued"),
        ("pl", "Prowincja wydała 32 dokumenty.", "32", "documents_issued"),
        ("es", "Se lanzaron 3 plataformas digitales.", "3", "other"),
    ],
)
def test_count_indicator_from_the_counted_wording(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "La cobertura de banda ancha de fibra óptica llegó al 100% de las comunas.",
            "100%",
            "fiber_coverage_pct",
        ),
        (
            "fr",
            "La couverture du haut débit par fibre optique atteint 100 % des communes.",
            "100 %",
            "fiber_coverage_pct",
        ),
        (
            "es",
            "La tasa de reexplotación de datos compartidos alcanzó el 60%.",
            "60%",
            "shared_data_reuse_pct",
        ),
        (
            "es",
            "El 100% de las agencias han operado en plataformas digitales.",
            "100%",
            "agencies_on_platforms_pct",
        ),
        (
            "es",
            "Los ingresos del presupuesto aumentaron un 71%, las exportaciones un 42% y el turismo creció un 56%.",
            "42%",
            "export_growth_pct",
        ),
        (
            "es",
            "Los ingresos del presupuesto aumentaron un 71%, las exportaciones un 42% y el turismo creció un 56%.",
            "71%",
            "budget_revenue_growth_pct",
        ),
        (
            "es",
            "Los ingresos del presupuesto aumentaron un 71%, las exportaciones un 42% y el turismo creció un 56%.",
            "56%",
            "tourism_growth_pct",
        ),
        (
            "en",
            "Budget revenue increased by 71%, exports by 42% and tourism grew 56%.",
            "42%",
            "export_growth_pct",
        ),
        ("de", "Die Haushaltseinnahmen stiegen um 71 %, der Export um 42 %.", "42 %", "export_growth_pct"),
        (
            "it",
            "Le entrate di bilancio sono cresciute del 71%, le esportazioni del 42%.",
            "42%",
            "export_growth_pct",
        ),
        ("pt", "As receitas orçamentais aumentaram 71%, as exportações 42%.", "42%", "export_growth_pct"),
        ("pl", "Wskaźnik lesistości utrzymał się na poziomie ponad 60%.", "60%", "forest_cover_pct"),
        ("en", "The forest cover rate stayed above 60%.", "60%", "forest_cover_pct"),
        ("es", "Con un índice de satisfacción superior al 95 %.", "95 %", "public_service_satisfaction_pct"),
        ("en", "Satisfaction with public services reached 95%.", "95%", "public_service_satisfaction_pct"),
        ("es", "Las tareas del plan se han completado al 100 %.", "100 %", "task_completion_pct"),
    ],
)
def test_percent_indicator_from_the_nearest_wording(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator, unit",
    [
        (
            "es",
            "Los desastres causaron daños por un valor aproximado de 4267 millones de dongs.",
            "4267 millones",
            "disaster_damage",
            "VND",
        ),
        (
            "fr",
            "Les catastrophes ont causé environ 4 267 milliards de dongs de dégâts.",
            "4 267 milliards",
            "disaster_damage",
            "VND",
        ),
        (
            "es",
            "Ha asignado más de 82.000 millones de VND para modernizar las sedes.",
            "82.000 millones",
            "infrastructure_investment",
            "VND",
        ),
        (
            "es",
            "La firma de un acuerdo de investigación, con un valor de 10 millones de dólares.",
            "10 millones",
            "project_value",
            "USD",
        ),
        (
            "en",
            "An agreement worth about 10 million US dollars was signed.",
            "10 million",
            "project_value",
            "USD",
        ),
        (
            "es",
            "Aprobó un proyecto de cultivo de camarón a una escala de 100 hectáreas.",
            "100",
            "cultivation_area",
            "hectare",
        ),
        (
            "es",
            "El índice de servicio público de la provincia está entre los 10 mejores del país.",
            "10",
            "public_service_index_rank",
            "rank",
        ),
    ],
)
def test_amounts_areas_and_ranks(lang, text, raw, indicator, unit):
    r = row(text, lang, raw)
    assert (r["indicator"], r["unit"]) == (indicator, unit)


@pytest.mark.parametrize(
    "lang, text, status",
    [
        (
            "es",
            "Al 30 de junio, 239 tareas se han completado, 427 se encuentran en ejecución y 136 se encuentran pendientes.",
            ["tasks_completed", "tasks_in_progress", "tasks_pending"],
        ),
        (
            "en",
            "To date 239 tasks have been completed, 427 are in progress and 136 are overdue.",
            ["tasks_completed", "tasks_in_progress", "tasks_pending"],
        ),
        (
            "fr",
            "À ce jour, 239 tâches sont achevées, 427 sont en cours et 136 sont en retard.",
            ["tasks_completed", "tasks_in_progress", "tasks_pending"],
        ),
    ],
)
def test_task_status_from_the_nearest_cue(lang, text, status):
    assert [r["indicator"] for r in rows(text, lang)] == status


@pytest.mark.parametrize(
    "lang, text, raw, scope",
    [
        ("es", "El Gobierno Central emitió 16 documentos.", "16", "national"),
        ("es", "La provincia la ha concretado con 32 documentos.", "32", "provincial"),
        ("es", "La conferencia se transmitió a 34 provincias y ciudades de todo el país.", "34", "national"),
        ("en", "The Government has issued 16 decrees.", "16", "national"),
        ("en", "There are 802 tasks nationwide.", "802", "national"),
        ("en", "The province has issued 32 documents.", "32", "provincial"),
        ("fr", "Le gouvernement central a publié 16 documents.", "16", "national"),
        ("pl", "Rząd wydał 16 dekretów.", "16", "national"),
        ("de", "Die Regierung hat 16 Dekrete erlassen.", "16", "national"),
        ("it", "Il governo centrale ha emesso 16 decreti.", "16", "national"),
        ("pt", "O Governo Central emitiu 16 documentos.", "16", "national"),
        ("pl", "Prowincja zrealizowała 12 z 20 zadań w ramach Uchwały Rządu.", "12", "provincial"),
    ],
)
def test_scope_from_the_sentence(lang, text, raw, scope):
    r = row(text, lang, raw)
    assert r["scope"] == scope
    assert (r["province"] == "") == (scope == "national")


def test_province_of_the_sentence_wins_over_the_article():
    r = row("En Hanói se entregaron 500 firmas digitales.", "es", "500", province="Cà Mau")
    assert r["province"] == "Hà Nội"


def test_pre_merger_name_goes_to_province_legacy():
    r = row("La provincia de Ha Giang emitió 500 firmas digitales.", "es", "500", province="Tuyên Quang")
    assert (r["province"], r["province_legacy"]) == ("Tuyên Quang", "Hà Giang")


def test_article_province_when_the_sentence_names_none():
    assert (
        row("La provincia emitió 500 firmas digitales.", "es", "500", province="Cà Mau")["province"]
        == "Cà Mau"
    )


@pytest.mark.parametrize(
    "lang, text, raw, period",
    [
        (
            "es",
            "En los primeros diez meses de 2025, las exportaciones aumentaron un 42%.",
            "42%",
            "2025-01..2025-10",
        ),
        (
            "fr",
            "Au cours des dix premiers mois de 2025, les exportations ont augmenté de 42 %.",
            "42 %",
            "2025-01..2025-10",
        ),
        ("en", "In the first ten months of 2025, exports grew 42%.", "42%", "2025-01..2025-10"),
        (
            "pl",
            "W ciągu pierwszych dziesięciu miesięcy 2025 r. eksport wzrósł o 42%.",
            "42%",
            "2025-01..2025-10",
        ),
        ("de", "In den ersten zehn Monaten 2025 stieg der Export um 42 %.", "42 %", "2025-01..2025-10"),
        (
            "it",
            "Nei primi dieci mesi del 2025 le esportazioni sono cresciute del 42%.",
            "42%",
            "2025-01..2025-10",
        ),
        ("pt", "Nos primeiros dez meses de 2025, as exportações cresceram 42%.", "42%", "2025-01..2025-10"),
        ("es", "Al 30 de junio de 2025, se han completado 239 tareas.", "239", "as of 2025-06-30"),
        ("en", "As of June 30, 2025, 239 tasks had been completed.", "239", "as of 2025-06-30"),
        ("fr", "Au 30 juin 2025, 239 tâches ont été achevées.", "239", "as of 2025-06-30"),
        ("es", "Solo en 2025, se han completado 65 tareas.", "65", "2025"),
        ("es", "El plan del 16 de mayo de 2025 se ha completado al 100 %.", "100 %", ""),
        ("es", "El Programa incluye 101 tareas; solo en 2025 se completaron 65 tareas.", "101", ""),
        (
            "es",
            "En el primer semestre de 2025 las exportaciones crecieron un 12%.",
            "12%",
            "2025-01..2025-06",
        ),
    ],
)
def test_period_from_the_sentence(lang, text, raw, period):
    assert row(text, lang, raw)["period"] == period


def test_year_range_is_a_period():
    assert [p.value for p in find_periods("durante el periodo 2025-2027", "es")] == ["2025..2027"]


def test_provenance_offsets_quote_and_stable_ids():
    text = "Título.\nLa provincia emitió más de 9.000 firmas digitales. Otra frase."
    d = doc(text, "es")
    first, second = extract_metrics(d), extract_metrics(d)
    assert first == second
    (r,) = first
    assert text[r["start"] : r["end"]] == r["raw"] == "9.000"
    assert r["metric_id"] == f"t:m{r['start']}"
    assert r["quote"] == "La provincia emitió más de 9.000 firmas digitales."
    assert (r["value"], r["unit"], r["qualifier"], r["language"]) == (9000.0, "count", "more_than", "es")


def test_captions_count_and_source_lines_do_not():
    text = "La provincia entregó 500 firmas digitales.\nFuente: https://example.vn/tin-2079.html 12 34"
    d = doc(text, "es")
    d.segments = [Segment("caption", 0, 42), Segment("source", 43, len(text))]
    assert [r["raw"] for r in extract_metrics(d)] == ["500"]


def test_numbers_in_names_dates_and_documents_are_not_rows():
    text = (
        "Según la Resolución No. 57-NQ/TW del 16 de mayo de 2025, en los primeros 6 meses se lanzó la "
        "Lucha de 90 días y el modelo de gobierno de 2 niveles, versión 3.0, en la 9.ª sesión."
    )
    assert rows(text, "es") == []


def test_indicators_are_catalogue_keys():
    keys = set(indicators()["key"]) | {"other"}
    text = (
        "La provincia emitió 500 firmas digitales, 32 documentos y 80 empresas; la cobertura de fibra "
        "óptica llegó al 100% y 3 plataformas digitales."
    )
    assert {r["indicator"] for r in rows(text, "es")} <= keys


def test_national_conference_seen_from_a_province_is_a_national_document():
    text = (
        "El Gobierno ha emitido 16 decretos. El Ministerio ha atraído a 277 expertos. "
        "La conferencia se transmitió a 34 provincias y ciudades de todo el país."
    )
    assert document_scope(doc(text, "es", province="Lâm Đồng")) == "national"
    assert document_scope(doc("La provincia emitió 500 firmas digitales.", "es")) == "provincial"


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 .,;%()/-:abcdeéñ provincia tareas de\n")), max_size=120)
)
def test_extraction_never_raises_and_offsets_hold(text):
    d = doc(text, "es")
    for r in extract_metrics(d):
        assert text[r["start"] : r["end"]] == r["raw"]
    assert not [f for f in d.findings if f["check"] == "metrics_failed"]
