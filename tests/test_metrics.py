"""Figures from hand-written sentences: links, indicators, scope, province, period, provenance."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import lines_document
from toolkit.catalogues import indicators
from toolkit.clean import clean_document
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
    "lang, text",
    [
        ("en", "Of the 30 tasks in the plan, 25 have been completed."),
        ("es", "De las 30 tareas del plan, 25 se han completado."),
        ("fr", "Sur les 30 tâches du plan, 25 ont été achevées."),
        ("pt", "Das 30 tarefas do plano, 25 foram concluídas."),
        (
            "it",
            "Dei 30 compiti del piano provinciale di attuazione della Conclusione 81, 25 sono stati completati.",
        ),
        ("de", "Von den 30 Aufgaben wurden 25 erledigt."),
        ("pl", "Spośród 30 zadań Programu działań nr 15-CTr/TU zrealizowano dotąd 25."),
    ],
)
def test_a_clause_opening_on_a_whole_makes_the_first_count_the_total(lang, text):
    assert [(r["raw"], r["indicator"]) for r in rows(text, lang)] == [
        ("30", "tasks_total"),
        ("25", "tasks_completed"),
    ]


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("en", "In Q3 2025 alone, the province wrapped up 17 tasks.", "17", "tasks_completed"),
        (
            "en",
            "Localities have finished around 65 percent of the tasks.",
            "65 percent",
            "task_completion_pct",
        ),
        ("fr", "Sur la même période, la croissance du PIBR a atteint 7,85 %.", "7,85 %", "grdp_growth_pct"),
        (
            "pt",
            "A proporção de cidadãos com conta de identificação electrónica VNeID atingiu 82,5 %.",
            "82,5 %",
            "electronic_id_pct",
        ),
        ("en", "Of these, 44 tasks are in implementation.", "44", "tasks_in_progress"),
        ("fr", "24 tâches sont en train de mise en œuvre.", "24", "tasks_in_progress"),
        (
            "en",
            "The province received 512,780 applications, with an online rate of 88.3%.",
            "88.3%",
            "online_application_pct",
        ),
        (
            "pl",
            "W prowincji 98,7% wniosków administracyjnych składa się online.",
            "98,7%",
            "online_application_pct",
        ),
        (
            "de",
            "Die Provinz hat 420 Konferenzen mit über 36.000 Teilnehmenden organisiert.",
            "36.000",
            "people_reached",
        ),
    ],
)
def test_wording_variants(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


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


# --- generality on unseen articles --------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, part, whole",
    [
        ("it", "La città ha completato 31 compiti su 36, pari all'86,1%.", "31", "36"),
        ("it", "La città ha completato 52 dei 60 compiti assegnati.", "52", "60"),
        ("pt", "A província concluiu 33 das 40 tarefas previstas.", "33", "40"),
        ("es", "La provincia completó 42 de las 45 tareas de su programa.", "42", "45"),
        ("en", "The city completed 150 of the 167 tasks.", "150", "167"),
        ("de", "Die Provinz hat 35 von den 38 Aufgaben erledigt.", "35", "38"),
    ],
)
def test_ratio_with_articles_or_the_parts_noun_between(lang, text, part, whole):
    assert (row(text, lang, part)["indicator"], row(text, lang, whole)["indicator"]) == (
        "tasks_completed",
        "tasks_total",
    )


def test_a_count_between_other_nouns_is_no_ratio():
    assert row("The province set 12 tasks in 20 communes.", "en", "20")["indicator"] != "tasks_total"


@pytest.mark.parametrize(
    "lang, text, pct",
    [
        ("pt", "A província concluiu 58 de 64 tarefas (90,6 %).", "90,6 %"),
        ("pl", "Prowincja zrealizowała 46 z 52 zadań (88,46%).", "88,46%"),
        ("pl", "Miasto zrealizowało 58 z 61 zadań, co stanowi 95,1%.", "95,1%"),
        (
            "en",
            "The city had completed 150 of 167 tasks under Resolution 57, or 89.8 percent.",
            "89.8 percent",
        ),
    ],
)
def test_share_written_after_a_ratio_is_the_completion_rate(lang, text, pct):
    assert row(text, lang, pct)["indicator"] == "task_completion_pct"


@pytest.mark.parametrize(
    "lang, text, pct",
    [
        ("it", "Il tasso di completamento dei compiti ha raggiunto il 75%.", "75%"),
        ("de", "Die Erfüllungsquote der Aufgaben erreichte 75 %.", "75 %"),
        ("pl", "Wskaźnik realizacji zadań osiągnął 75%.", "75%"),
        ("pt", "A taxa de conclusão das tarefas atingiu 75%.", "75%"),
    ],
)
def test_a_named_completion_rate_of_tasks(lang, text, pct):
    assert row(text, lang, pct)["indicator"] == "task_completion_pct"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("en", "98.2% of records were processed on time.", "98.2%", "on_time_processing_pct"),
        (
            "en",
            "Some 62 per cent of records were submitted online, while 98 per cent were settled on time.",
            "98 per cent",
            "on_time_processing_pct",
        ),
        (
            "de",
            "Über 1,2 Millionen Anträge wurden online eingereicht, und 99,6 % der Vorgänge wurden fristgerecht bearbeitet.",
            "99,6 %",
            "on_time_processing_pct",
        ),
        (
            "es",
            "La tasa de expedientes presentados en línea alcanzó el 78,4 % y el 97,3 % de los expedientes se resolvieron a tiempo.",
            "97,3 %",
            "on_time_processing_pct",
        ),
        ("en", "95.6 percent of records were handled online.", "95.6 percent", "online_application_pct"),
        ("it", "Oltre il 95% delle pratiche è stato presentato online.", "95%", "online_application_pct"),
        (
            "es",
            "El 86,4 % de los expedientes se presentó por vía electrónica.",
            "86,4 %",
            "online_application_pct",
        ),
        (
            "pt",
            "96,8% dos processos administrativos foram recebidos on-line.",
            "96,8%",
            "online_application_pct",
        ),
        (
            "de",
            "Über 99 Prozent der Zollanmeldungen werden elektronisch abgewickelt.",
            "99 Prozent",
            "online_application_pct",
        ),
        (
            "de",
            "Es gingen mehr als 1,28 Mio. elektronische Zollanmeldungen ein.",
            "1,28 Mio.",
            "online_applications",
        ),
        (
            "de",
            "99,6 % der Zollerklärungen werden elektronisch eingereicht.",
            "99,6 %",
            "online_application_pct",
        ),
        (
            "es",
            "El 96,3 % de los expedientes se resolvió dentro de plazo.",
            "96,3 %",
            "on_time_processing_pct",
        ),
        (
            "en",
            "The province has 12 science and technology enterprises, while the digital economy accounts for about 11.5% of GRDP.",
            "11.5%",
            "digital_economy_share_pct",
        ),
        (
            "it",
            "I visitatori sono aumentati del 14,6%, mentre l'economia digitale rappresenta circa il 15% del GRDP.",
            "15%",
            "digital_economy_share_pct",
        ),
        ("pl", "Wskaźnik terminowego rozpatrywania spraw wyniósł 97,5%.", "97,5%", "on_time_processing_pct"),
    ],
)
def test_percent_named_by_its_own_words(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("pt", "Foram assinados 28 acordos de cooperação com empresas estrangeiras.", "28", "other"),
        ("en", "The city signed 12 agreements with foreign enterprises.", "12", "other"),
        ("pt", "A província tem 80 tarefas; outras 9 estão atrasadas.", "9", "tasks_pending"),
        (
            "pt",
            "A província concluiu 33 das 40 tarefas, enquanto 7 continuam em execução.",
            "7",
            "tasks_in_progress",
        ),
        (
            "pl",
            "W mieście działa ponad 1,2 tys. firm technologii cyfrowej.",
            "1,2 tys.",
            "digital_tech_enterprises",
        ),
        ("pl", "Premier podpisał 30 decyzji.", "30", "documents_issued"),
        (
            "pt",
            "Em todo o país, 2,3 milhões de pessoas participaram do movimento de alfabetização digital.",
            "2,3 milhões",
            "digital_literacy_learners",
        ),
        (
            "en",
            "More than 5.2 million people have taken part in the digital literacy movement.",
            "5.2 million",
            "digital_literacy_learners",
        ),
        (
            "de",
            "Rund 430.000 Bürger haben ein VNeID-Konto aktiviert.",
            "430.000",
            "digital_citizen_downloads",
        ),
        ("es", "Más de 120.000 ciudadanos usan la aplicación VNeID.", "120.000", "digital_citizen_downloads"),
        (
            "fr",
            "Plus de 120 000 citoyens utilisent l’application VNeID.",
            "120 000",
            "digital_citizen_downloads",
        ),
    ],
)
def test_count_takes_its_counted_nouns_key(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "Ha destinado 1,5 mil millones de dongs a la conectividad de las escuelas.",
            "1,5 mil millones",
            "infrastructure_investment",
        ),
        (
            "en",
            "The city will allocate VND 5 trillion to digital infrastructure.",
            "5 trillion",
            "infrastructure_investment",
        ),
        (
            "es",
            "La provincia asignó 126,5 mil millones de VND a la infraestructura de datos y 45 millones de dólares a un proyecto de centro de datos.",
            "45 millones",
            "project_value",
        ),
        ("en", "A US$10 million agreement with the university is expected.", "10 million", "project_value"),
        (
            "en",
            "Lao Cai ranked 5th with 80.12 points in the Digital Transformation Index.",
            "80.12",
            "public_service_index_points",
        ),
        (
            "it",
            "Si è classificata al 7° posto nell'indice di trasformazione digitale.",
            "7",
            "public_service_index_rank",
        ),
    ],
)
def test_amounts_scores_and_ranks_named_by_their_wording(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, scope",
    [
        (
            "en",
            "The province completed 47 of 48 tasks assigned by the Central Steering Committee, a completion rate of 97.9%.",
            "97.9%",
            "provincial",
        ),
        (
            "es",
            "La provincia completó 18 de 30 tareas asignadas por el Gobierno Central, el 60% del total.",
            "60%",
            "provincial",
        ),
        ("en", "The Government has issued 16 decrees.", "16", "national"),
        ("en", "16 decrees were issued by the Government.", "16", "national"),
        (
            "en",
            "The Deputy Prime Minister asked the city to attract at least 500 experts.",
            "500",
            "provincial",
        ),
        ("it", "Il Primo Ministro ha chiesto alla città di formare 900 funzionari.", "900", "provincial"),
    ],
)
def test_agents_and_the_city_in_scope(lang, text, raw, scope):
    assert row(text, lang, raw)["scope"] == scope


def test_context_stems_start_words():
    text = "The province has 12 science and technology enterprises, while the digital economy accounts for about 11.5% of GRDP."
    assert row(text, "en", "11.5%")["indicator"] != "grdp_growth_pct"  # `rise` is not in `enterprises`


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "it",
            "La capitale ha completato 64 compiti su 70 e ne sta attuando altri 6.",
            "64",
            "tasks_completed",
        ),
        (
            "it",
            "La capitale ha completato 64 compiti su 70 e ne sta attuando altri 6.",
            "6",
            "tasks_in_progress",
        ),
        (
            "pl",
            "Mieszkańcy pobrali aplikację VNeID ponad 310 tys. razy.",
            "310 tys.",
            "digital_citizen_downloads",
        ),
        ("pl", "W całym kraju działa już 92 tys. zespołów cyfrowych.", "92 tys.", "community_digital_teams"),
        (
            "pt",
            "Em Bạc Liêu, a cobertura de fibra óptica atingiu 100% das aldeias.",
            "100%",
            "fiber_coverage_pct",
        ),
        (
            "pt",
            "Em todo o país, 1,4 milhão de pessoas foram capacitadas em habilidades digitais.",
            "1,4 milhão",
            "digital_literacy_learners",
        ),
    ],
)
def test_status_multipliers_and_regional_wording(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("it", "La città ha destinato fondi ai centri amministrativi dei 126 comuni e quartieri.", "126"),
        ("es", "La ciudad modernizó las sedes de sus 168 municipios y barrios.", "168"),
        ("en", "The city upgraded the offices of its 126 communes and wards.", "126"),
    ],
)
def test_a_count_of_communes_is_no_national_figure(lang, text, raw):
    assert row(text, lang, raw, province="Hà Nội")["scope"] == "provincial"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "The rate of online records reached 97.5%, the highest in the country.",
            "97.5%",
            "online_application_pct",
        ),
        ("en", "The province received 412,000 online records.", "412,000", "online_applications"),
        (
            "en",
            "The province ranked first in the PAR Index for the seventh year, with 93.25 points.",
            "93.25",
            "public_service_index_points",
        ),
        (
            "es",
            "El presupuesto del centro asciende a 1.500 mil millones de VND.",
            "1.500 mil millones",
            "infrastructure_investment",
        ),
        ("en", "The centre's budget is VND 1.5 trillion.", "1.5 trillion", "infrastructure_investment"),
        (
            "es",
            "Se asignaron cerca de 300 mil millones de VND a la infraestructura digital.",
            "300 mil millones",
            "infrastructure_investment",
        ),
    ],
)
def test_online_rates_index_scores_and_budgets(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


def test_the_first_end_of_a_range_takes_the_ranges_key():
    text = "85 bis 90 % der Anträge werden online gestellt."
    assert (
        row(text, "de", "85")["indicator"] == row(text, "de", "90 %")["indicator"] == "online_application_pct"
    )


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("it", "Ha completato 57 compiti su 61 previsti dal piano d'azione.", "61", "tasks_total"),
        ("it", "Ha completato 57 compiti su 61 previsti dal piano d'azione.", "57", "tasks_completed"),
        (
            "pt",
            "A cobertura de internet móvel 4G chegou a 96,4% das aldeias e a de fibra óptica a 78%.",
            "96,4%",
            "mobile_coverage_pct",
        ),
        (
            "pt",
            "A cobertura de internet móvel 4G chegou a 96,4% das aldeias e a de fibra óptica a 78%.",
            "78%",
            "fiber_coverage_pct",
        ),
        (
            "it",
            "Oltre l'80% delle domande è stato presentato online e il 99,4% delle pratiche è stato risolto nei tempi previsti.",
            "99,4%",
            "on_time_processing_pct",
        ),
    ],
)
def test_a_wholes_noun_and_a_shares_words_end_where_they_should(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "fr",
            "Phu Tho : plus de 1 500 milliards de dongs pour la transformation numérique",
            "1 500 milliards",
        ),
        ("en", "VND 2 trillion for digital transformation in the province", "2 trillion"),
        ("pl", "Na transformację cyfrową przeznaczono 1,2 bln VND.", "1,2 bln"),
        (
            "en",
            "The province has set aside VND1.2 trillion (US$46 million) this year to build data centres.",
            "1.2 trillion",
        ),
        ("es", "La provincia destina 500.000 millones de dongs a la red.", "500.000 millones"),
    ],
)
def test_money_for_digital_transformation_is_an_investment(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "infrastructure_investment"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "es",
            "Se recibieron 312.000 expedientes, de los cuales el 86,7 % se presentaron en línea.",
            "86,7 %",
        ),
        ("de", "97 % der Verwaltungsverfahren werden online abgewickelt.", "97 %"),
        ("de", "97 Prozent der Verwaltungsverfahren online", "97 Prozent"),
        ("en", "Of all records, 88% were submitted online.", "88%"),
        ("fr", "Au total, 91 % des démarches ont été effectuées en ligne.", "91 %"),
        ("pt", "Cerca de 80% dos pedidos foram apresentados online.", "80%"),
    ],
)
def test_share_of_applications_made_online_named_by_the_verb(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "online_application_pct"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Vietnam rose 15 places to 44th out of 193 countries in the index.", "44"),
        ("es", "Vietnam ocupó el 44.º lugar entre 193 países en el índice.", "44"),
        ("de", "Vietnam belegte den 44. Platz unter 193 Ländern.", "44"),
    ],
)
def test_a_rank_among_countries_is_national_in_a_provincial_article(lang, text, raw):
    r = row(text, lang, raw, province="Hà Nội")
    assert (r["unit"], r["scope"], r["province"]) == ("rank", "national", "")


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "La provincia ocupó el puesto 5 de 34 provincias y ciudades en el Índice PAR 2024.", "5"),
        ("fr", "La province s'est classée 5e sur 34 provinces et villes dans l'indice PAR 2024.", "5"),
        ("pt", "A província ficou em 5.º lugar entre 34 províncias e cidades no Índice PAR 2024.", "5"),
        ("it", "La provincia si è classificata al 5° posto su 34 province e città nell'indice PAR.", "5"),
        ("pl", "Prowincja zajęła 5. miejsce na 34 prowincje i miasta w indeksie PAR 2024.", "5"),
    ],
)
def test_a_provinces_rank_takes_the_index_named_after_the_field(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "public_service_index_rank"


def test_a_countrys_rank_in_an_index_is_no_provinces_index_rank():
    text = "Vietnam rose 15 places to 44th out of 193 countries in the UN E-Government Development Index."
    assert row(text, "en", "44")["indicator"] == "other"


def test_a_provinces_rank_stays_provincial():
    r = row("La provincia se encuentra entre los 10 mejores del país.", "es", "10")
    assert (r["unit"], r["scope"]) == ("rank", "provincial")


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("en", "Tay Ninh sets sights on top 10 in digital transformation", "10", "public_service_index_rank"),
        ("en", "Its high-tech agriculture zone covers 3,200 hectares.", "3,200", "cultivation_area"),
        (
            "en",
            "Exports rose 17.6 percent, while tourism revenue grew 21 percent.",
            "21 percent",
            "tourism_growth_pct",
        ),
        ("es", "Los ingresos por turismo aumentaron un 12 %.", "12 %", "tourism_growth_pct"),
        ("fr", "Les recettes touristiques ont augmenté de 9 %.", "9 %", "tourism_growth_pct"),
        (
            "en",
            "Sa Pa welcomed about 3.9 million visitors, 12.4 per cent more than a year earlier.",
            "12.4 per cent",
            "tourism_growth_pct",
        ),
        ("en", "Exports reached US$2 billion, 8% higher compared with 2024.", "8%", "export_growth_pct"),
    ],
)
def test_rank_wording_farm_areas_and_tourism_revenue(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "Además, 1,2 millones de personas ya utilizan firmas digitales en sus trámites.",
            "1,2 millones",
            "digital_signatures",
        ),
        (
            "fr",
            "Quelque 410 000 personnes utilisent déjà la signature numérique.",
            "410 000",
            "digital_signatures",
        ),
        (
            "pl",
            "Aż 320 tys. mieszkańców korzysta już z podpisów cyfrowych.",
            "320 tys.",
            "digital_signatures",
        ),
        ("pt", "Cerca de 95 mil cidadãos utilizam assinatura digital.", "95 mil", "digital_signatures"),
        # `citoyens` is not itself the context of the digital-citizen app
        (
            "fr",
            "Au total, 2,3 millions de citoyens disposent désormais d’une signature numérique.",
            "2,3 millions",
            "digital_signatures",
        ),
        ("en", "Some 410,000 people have signed up for digital signatures.", "410,000", "digital_signatures"),
        ("de", "Rund 210.000 Menschen nutzen bereits digitale Signaturen.", "210.000", "digital_signatures"),
        ("it", "Circa 60.000 persone utilizzano la firma digitale.", "60.000", "digital_signatures"),
        # the people noun a key accepts keeps its own key
        (
            "es",
            "Las sesiones de propaganda llegaron a 96.000 personas con firmas digitales.",
            "96.000",
            "people_reached",
        ),
    ],
)
def test_a_count_of_people_takes_what_they_use_named_further_on(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, first",
    [
        (
            "fr",
            "Les provinces comptent respectivement 1 150 et 980 équipes de prévention des catastrophes.",
            "1 150",
        ),
        ("es", "Las dos provincias tienen 1.150 y 980 equipos de prevención de desastres.", "1.150"),
        ("en", "The two provinces have 1,150 and 980 disaster prevention teams.", "1,150"),
        ("de", "Die Provinzen haben 1.150 und 980 Katastrophenschutzteams.", "1.150"),
        ("it", "Le province contano 1.150 e 980 squadre di prevenzione delle calamità.", "1.150"),
        ("pt", "As províncias têm 1.150 e 980 equipas de prevenção de desastres.", "1.150"),
        ("pl", "Prowincje mają 1 150 i 980 zespołów zapobiegania klęskom.", "1 150"),
    ],
)
def test_two_counts_joined_by_a_conjunction_share_the_noun(lang, text, first):
    assert row(text, lang, first)["indicator"] == "disaster_teams"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "Mobile broadband now reaches 96.8 percent of villages.",
            "96.8 percent",
            "mobile_coverage_pct",
        ),
        ("es", "La banda ancha móvil llega al 96,8 % de las aldeas.", "96,8 %", "mobile_coverage_pct"),
        (
            "pl",
            "Prowincja zajęła 8. miejsce w kraju w rankingu indeksu transformacji cyfrowej.",
            "8",
            "public_service_index_rank",
        ),
        (
            "de",
            "Lam Dong belegte im Digitalisierungsindex den 15. Platz.",
            "15",
            "public_service_index_rank",
        ),
        (
            "pl",
            "Udział gospodarki cyfrowej w GRDP osiągnął 11,4 proc.",
            "11,4 proc.",
            "digital_economy_share_pct",
        ),
        ("es", "Se han puesto en línea 1.932 trámites administrativos.", "1.932", "online_public_services"),
        ("es", "El 91,2 % de los expedientes se resolvió en plazo.", "91,2 %", "on_time_processing_pct"),
        (
            "fr",
            "La valeur totale des 12 projets s’élève à 9 800 milliards de dongs.",
            "9 800 milliards",
            "project_value",
        ),
        (
            "de",
            "Das Investitionsvolumen des Hafenprojekts beläuft sich auf 3,4 Billionen VND.",
            "3,4 Billionen",
            "project_value",
        ),
        ("it", "Le coltivazioni di anacardi si estendono su 6.200 ettari.", "6.200", "cultivation_area"),
        ("it", "La provincia ha attirato 33 esperti.", "33", "experts_recruited"),
        ("pt", "A cidade formou 8 400 funcionários em competências digitais.", "8 400", "officials_trained"),
        (
            "pt",
            "A província constituiu 420 equipas locais de prevenção e combate a catástrofes naturais.",
            "420",
            "disaster_teams",
        ),
    ],
)
def test_new_wording_of_shares_ranks_amounts_and_counts(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


def test_polish_ten_months_of_a_year_is_a_period():
    text = "W ciągu 10 miesięcy 2025 r. eksport wzrósł o 15,7 proc."
    assert row(text, "pl", "15,7 proc.")["period"] == "2025-01..2025-10"


@pytest.mark.parametrize(
    "lang, text, part, whole",
    [
        ("es", "La provincia ha completado 58 de sus 64 tareas.", "58", "64"),
        ("de", "Die Stadt hat 64 der 70 Aufgaben erledigt.", "64", "70"),
        ("pt", "A cidade concluiu 30 de suas 35 tarefas.", "30", "35"),
        ("fr", "La province a achevé 40 de ses 44 missions.", "40", "44"),
        ("it", "La provincia ha completato 20 dei suoi 25 compiti.", "20", "25"),
        ("en", "The province has completed 50 of its 55 tasks.", "50", "55"),
    ],
)
def test_a_possessive_between_part_and_whole_is_still_a_ratio(lang, text, part, whole):
    assert row(text, lang, part)["indicator"] == "tasks_completed"
    assert row(text, lang, whole)["indicator"] == "tasks_total"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Hanoi's digital economy to reach 30 percent of GRDP by 2030.", "30 percent"),
        ("es", "La economía digital alcanzará el 20 % del PIB en 2030.", "20 %"),
        ("fr", "L’économie numérique devrait atteindre 20 % du PIB.", "20 %"),
        ("it", "L'economia digitale raggiungerà il 20% del PIL.", "20%"),
        ("pt", "A economia digital deverá chegar a 20% do PIB.", "20%"),
        ("de", "Die Digitalwirtschaft soll 20 Prozent des BIP erreichen.", "20 Prozent"),
        ("pl", "Gospodarka cyfrowa ma osiągnąć 20 proc. PKB.", "20 proc."),
    ],
)
def test_a_percent_of_gdp_after_the_digital_economy_is_its_share(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "digital_economy_share_pct"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "pl",
            "Wskaźnik mieszkańców z elektroniczną identyfikacją osiągnął 82,4 proc.",
            "82,4 proc.",
            "electronic_id_pct",
        ),
        (
            "en",
            "The capital has 1,750 high-tech and innovative enterprises.",
            "1,750",
            "high_tech_enterprises",
        ),
        ("en", "GRDP grew 10.5 percent.", "10.5 percent", "grdp_growth_pct"),
    ],
)
def test_more_wording_of_identification_and_high_tech_firms(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


def test_spanish_superan_los_is_more_than():
    text = "Las pérdidas superan los 980.000 millones de VND."
    assert row(text, "es", "980.000 millones")["qualifier"] == "more_than"


@pytest.mark.parametrize(
    "pattern, heads",
    [
        ("servicios? p", ["servicio"]),
        (
            "(?:tramites|procedimientos) administrativos",
            ["tramites administrativos", "procedimientos administrativos"],
        ),
        ("(?:resuelt|tramitad)[oa]s? a tiempo", ["resuelt", "tramitad"]),
        ("(?:la )?ciudad", [""]),  # an optional group: a match may start after it
        (r"\w*projekt", [""]),
        ("abc|def", [""]),  # a top-level alternative: a match may start with either
    ],
)
def test_wording_patterns_are_indexed_by_every_head_a_match_can_start_with(pattern, heads):
    from toolkit.metrics import _literal_heads

    assert _literal_heads(pattern) == heads


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "Los ingresos presupuestarios, un 15 % más que en el mismo período del año pasado.", "15 %"),
        ("en", "Budget revenue was 15% higher than in the same period last year.", "15%"),
        (
            "fr",
            "Les recettes budgétaires sont supérieures de 15 % à la même période de l'an dernier.",
            "15 %",
        ),
        ("pt", "A receita orçamentária ficou 15% acima do mesmo período do ano passado.", "15%"),
        ("it", "Le entrate di bilancio sono state del 15% superiori rispetto allo stesso periodo.", "15%"),
        ("de", "Die Haushaltseinnahmen lagen 15 % über dem Vorjahreszeitraum.", "15 %"),
        ("pl", "Dochody budżetowe były o 15% wyższe niż w analogicznym okresie.", "15%"),
    ],
)
def test_a_percent_compared_with_the_same_period_is_a_growth(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "budget_revenue_growth_pct"


def test_budget_revenue_is_no_budget_spent_on_infrastructure():
    text = "Budget revenue reached nearly 9,500 billion VND."
    assert row(text, "en", "9,500 billion")["indicator"] == "other"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("de", "Die Provinz hat 1.520 Digitalteams gegründet.", "1.520"),
        ("de", "Die Provinz verfügt über 1.520 kommunale Digitalteams.", "1.520"),
        ("pl", "Prowincja ma 1520 społecznych zespołów ds. transformacji cyfrowej.", "1520"),
    ],
)
def test_community_digital_teams_in_compounds_and_abbreviations(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "community_digital_teams"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "en",
            "It held 45 conferences to disseminate the resolution to 12,000 cadres and party members.",
            "12,000",
        ),
        (
            "es",
            "Se celebraron 45 conferencias para difundir la resolución a 12.000 cuadros y miembros del partido.",
            "12.000",
        ),
        (
            "fr",
            "Elle a organisé 45 conférences pour diffuser la résolution à 12 000 cadres et membres du parti.",
            "12 000",
        ),
        (
            "pl",
            "Zorganizowano 45 konferencji, aby upowszechnić rezolucję wśród 12 000 kadr i członków partii.",
            "12 000",
        ),
    ],
)
def test_party_members_reached_by_dissemination_are_people_reached(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "people_reached"


def test_cadres_and_party_members_trained_are_officials_trained():
    text = "The province has trained 3,500 cadres and party members in digital skills."
    assert row(text, "en", "3,500")["indicator"] == "officials_trained"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "27 tasks are implementing according to roadmap and 4 are slow in progress.",
            "27",
            "tasks_in_progress",
        ),
        (
            "en",
            "27 tasks are implementing according to roadmap and 4 are slow in progress.",
            "4",
            "tasks_pending",
        ),
        ("es", "Las 5 tareas restantes se están ejecutando según hoja de ruta.", "5", "tasks_in_progress"),
        ("de", "Die restlichen 6 Aufgaben werden termingerecht umgesetzt.", "6", "tasks_in_progress"),
        ("de", "Von 112 Aufgaben gelten 97 davon als erledigt, 15 laufen noch.", "97", "tasks_completed"),
        ("de", "Von 112 Aufgaben gelten 97 davon als erledigt, 15 laufen noch.", "15", "tasks_in_progress"),
        (
            "en",
            "The province counts more than 1,100 digital technology firms.",
            "1,100",
            "digital_tech_enterprises",
        ),
        (
            "fr",
            "78,6 % des dossiers administratifs ont été déposés par voie électronique.",
            "78,6 %",
            "online_application_pct",
        ),
        (
            "de",
            "Die Rate der Online-Dossiereinreichung erreichte 68,5 %.",
            "68,5 %",
            "online_application_pct",
        ),
        (
            "de",
            "Es wurden 86,4 Prozent aller Anträge digital eingereicht.",
            "86,4 Prozent",
            "online_application_pct",
        ),
        (
            "de",
            "Bürger können 1.964 Verwaltungsdienstleistungen online beantragen.",
            "1.964",
            "online_public_services",
        ),
        (
            "de",
            "Mehr als 2.300 Beamte absolvierten Kurse in digitalen Kompetenzen.",
            "2.300",
            "officials_trained",
        ),
        ("it", "Ha richiamato 58 esperti vietnamiti dall'estero.", "58", "experts_recruited"),
        ("pl", "Z aplikacji VNeID korzysta 91 proc. dorosłych mieszkańców.", "91 proc.", "electronic_id_pct"),
        (
            "pl",
            "Mieszkańcy pobrali aplikację VNeID ponad 310 tys. razy.",
            "310 tys.",
            "digital_citizen_downloads",
        ),
        (
            "pl",
            "Utworzono 4 470 zespołów technologii cyfrowej społeczności.",
            "4 470",
            "community_digital_teams",
        ),
        (
            "es",
            "Se organizaron 426 conferencias de difusión con más de 38.000 cuadros, militantes participando.",
            "38.000",
            "people_reached",
        ),
        (
            "pt",
            "Foram realizadas 312 sessões de divulgação para 45 mil quadros, membros do Partido e cidadãos.",
            "45 mil",
            "people_reached",
        ),
        (
            "fr",
            "236 conférences de diffusion pour plus de 86.000 cadres, membres du parti et les gens.",
            "86.000",
            "people_reached",
        ),
        ("en", "The province trained 2,100 officials and civil servants.", "2,100", "officials_trained"),
    ],
)
def test_status_outreach_and_online_wording_in_translations(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "The province's rate of 51% is higher than the national average of 45.2%.", "45.2%"),
        ("en", "The province aims at 25%, against the national target of 30% by 2030.", "30%"),
        ("fr", "Le taux de la province est supérieur à la moyenne nationale de 43,2 %.", "43,2 %"),
        (
            "fr",
            "La province compte 1 200 entreprises, alors que le pays en recense plus de 74 000.",
            "74 000",
        ),
        ("pl", "W prowincji to 61 proc., podczas gdy średnia krajowa to ok. 53 proc.", "53 proc."),
        ("es", "La provincia alcanza el 61 %, frente a un promedio nacional del 53 %.", "53 %"),
        ("pt", "A província atinge 61 %, acima da média nacional de 53 %.", "53 %"),
        ("it", "La provincia raggiunge il 61%, sopra la media nazionale del 53%.", "53%"),
        ("de", "Die Provinz erreicht 61 Prozent, über dem Landesdurchschnitt von 53 Prozent.", "53 Prozent"),
    ],
)
def test_a_national_average_or_target_beside_the_provinces_figure_is_national(lang, text, raw):
    assert row(text, lang, raw)["scope"] == "national"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "The province's rate of 51% is higher than the national average of 45.2%.", "51%"),
        ("pl", "W prowincji to 61 proc., podczas gdy średnia krajowa to ok. 53 proc.", "61 proc."),
    ],
)
def test_the_provinces_own_figure_beside_a_national_average_stays_provincial(lang, text, raw):
    assert row(text, lang, raw)["scope"] == "provincial"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "La tasa de expedientes en línea alcanzó el 72,15 % y el 98,7 % se resolvió a tiempo.",
            "98,7 %",
            "on_time_processing_pct",
        ),
        (
            "pt",
            "A taxa de processos submetidos em linha atingiu 72,15 % e 98,7 % foram resolvidos dentro do prazo.",
            "98,7 %",
            "on_time_processing_pct",
        ),
        (
            "fr",
            "78,6 % des dossiers ont été déposés en ligne en 2025 et 98,2 % ont été traités dans les délais.",
            "98,2 %",
            "on_time_processing_pct",
        ),
        (
            "es",
            "La tasa de expedientes en línea alcanzó el 72,15 % y el 98,7 % se resolvió a tiempo.",
            "72,15 %",
            "online_application_pct",
        ),
        (
            "es",
            "La tasa de expedientes en línea alcanzó el 72,15 % en 2024 y el 80 % en 2025.",
            "80 %",
            "online_application_pct",
        ),
    ],
)
def test_a_second_percent_after_a_conjunction_takes_its_own_words(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Before the merger, the province had ranked 12th of 63 localities in 2024.", "12"),
        ("de", "Im Jahr 2024 belegte die Provinz Platz 7 von 63 Provinzen und Städten.", "7"),
        ("es", "La provincia se propone estar entre las 15 mejores del país hasta 2030.", "15"),
        ("pl", "Prowincja zajęła 3. miejsce w regionie.", "3"),
    ],
)
def test_a_provinces_rank_in_a_sentence_naming_no_indicator_is_its_index_rank(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "public_service_index_rank"


def test_a_rank_in_a_sentence_naming_another_indicator_stays_other():
    assert (
        row("The province ranked 2nd in rice exports among 63 provinces.", "en", "2")["indicator"] == "other"
    )


@pytest.mark.parametrize(
    "lang, text, raw, scope",
    [
        (
            "en",
            "The province ranked 9th out of 34 provinces in the Government Office's index, with 82.15 points.",
            "82.15",
            "provincial",
        ),
        (
            "en",
            "Vietnam scored 44.3 points in the Global Innovation Index among 133 economies.",
            "44.3",
            "national",
        ),
        ("pl", "W 2025 r. prowincja zajęła 9. miejsce na 34 prowincje i miasta.", "34", "national"),
    ],
)
def test_an_index_score_is_the_provinces_unless_countries_are_compared(lang, text, raw, scope):
    assert row(text, lang, raw)["scope"] == scope


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        ("fr", "Les entreprises ont déposé 87 demandes de brevet cette année.", "87", "other"),
        ("en", "2.85 million electronic health records have been created.", "2.85 million", "other"),
        ("pt", "A província digitalizou mais de 1,2 milhão de registros fundiários.", "1,2 milhão", "other"),
        ("fr", "Le guichet unique a reçu 1 938 dossiers en ligne.", "1 938", "online_applications"),
        ("es", "El portal de servicios públicos recibió 1.938 expedientes.", "1.938", "online_applications"),
    ],
)
def test_applications_count_as_such_only_in_a_sentence_about_administrative_procedures(
    lang, text, raw, indicator
):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, scope",
    [
        ("pl", "W terminie rozpatrzono 99,2 % spraw, wobec 96,1 % w skali kraju.", "96,1 %", "national"),
        (
            "en",
            "Vinh Long processed 99.2% of records on time, against 96.1% nationwide.",
            "96.1%",
            "national",
        ),
        (
            "en",
            "Vinh Long processed 99.2% of records on time, against 96.1% nationwide.",
            "99.2%",
            "provincial",
        ),
        (
            "fr",
            "La province a traité 99,2 % des dossiers, contre 96,1 % au niveau national.",
            "96,1 %",
            "national",
        ),
        ("pl", "Odsetek opłat online sięgnął 46,8 % (średnio w kraju: 38 %).", "46,8 %", "provincial"),
        ("pl", "Odsetek opłat online sięgnął 46,8 % (średnio w kraju: 38 %).", "38 %", "national"),
        ("pl", "W prowincji wskaźnik wyniósł 84,55 % wobec 82,66 % w skali kraju.", "84,55 %", "provincial"),
        ("pl", "W prowincji wskaźnik wyniósł 84,55 % wobec 82,66 % w skali kraju.", "82,66 %", "national"),
        ("es", "El Gobierno Central emitió 16 decretos en la provincia.", "16", "national"),
        (
            "pl",
            "Konto VNeID aktywowało 84,6 % mieszkańców – przy średniej krajowej 80 %.",
            "84,6 %",
            "provincial",
        ),
    ],
)
def test_a_cue_right_after_a_figure_is_its_own_not_the_one_before(lang, text, raw, scope):
    assert row(text, lang, raw)["scope"] == scope


def test_national_averages_the_province_is_measured_against_do_not_make_the_article_national():
    text = (
        "Prowincja przyjęła 412 tys. wniosków, przy średniej krajowej 53 %. "
        "Wskaźnik wyniósł 84,5 % przy średniej krajowej 82,6 %. "
        "Opłaty online to 46,8 % (średnio w kraju: 38 %). "
        "Wydano 15 tys. podpisów cyfrowych."
    )
    assert document_scope(doc(text, "pl", province="Vĩnh Long")) == "provincial"
    assert row(text, "pl", "15 tys.", province="Vĩnh Long")["scope"] == "provincial"


def test_a_national_average_score_is_national_though_a_provinces_score_is_the_provinces():
    text = "Prowincja uzyskała 87,45 pkt w PAR Index, przy średniej krajowej 84,96 pkt."
    assert row(text, "pl", "87,45")["scope"] == "provincial"
    assert row(text, "pl", "84,96")["scope"] == "national"


@pytest.mark.parametrize(
    "text, raw, scope",
    [
        ("Średnia krajowa to 84,96 pkt. Wskaźnik SIPAS wyniósł 84,55 %.", "84,55 %", "provincial"),
        ("Średnia krajowa to 15 tys. Wskaźnik SIPAS wyniósł 84,55 %.", "84,55 %", "provincial"),
        ("Średnia krajowa to 15 tys. W prowincji wyniósł 84,55 %.", "84,55 %", "provincial"),
        ("Średnia krajowa wzrosła od 1 lipca 2025 r. Centrum obsłużyło 102 sprawy.", "102", "national"),
    ],
)
def test_a_number_abbreviation_before_a_capital_ends_the_sentence_but_a_year_does_not(text, raw, scope):
    assert row(text, "pl", raw, province="Vĩnh Long")["scope"] == scope


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "The province ranked 4th out of 34 localities in the Resolution 57 ranking, and completed 52 of 60 tasks.",
            "4",
            "public_service_index_rank",
        ),
        (
            "en",
            "Da Nang aims to raise its digital economy share to 35 percent, and to stay among the top 3 localities in the DTI.",
            "3",
            "public_service_index_rank",
        ),
        (
            "en",
            "The province ranked 9th in the DTI, up from 19th last year.",
            "19",
            "public_service_index_rank",
        ),
        (
            "pl",
            "W rankingu DTI dawna prowincja Ben Tre była 6., a Tra Vinh zajęła 18. miejsce.",
            "6",
            "public_service_index_rank",
        ),
        ("pl", "W 2024 r. Bắc Giang była 3. w rankingu PAR Index.", "3", "public_service_index_rank"),
    ],
)
def test_a_provinces_rank_in_a_clause_of_its_own_is_its_index_rank(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, province",
    [
        (
            "en",
            "HAI PHONG: The city completed 118 of 126 tasks. It has allocated VND 2.15 trillion for data centres.",
            "2.15 trillion",
            "Hải Phòng",
        ),
        (
            "en",
            "In Dong Nai, officials trained 1,580 staff. Forest cover stands at nearly 53%.",
            "53%",
            "Đồng Nai",
        ),
        (
            "en",
            "The city completed 118 tasks, as in Dong Nai. Forest cover stands at nearly 53%.",
            "53%",
            "Cần Thơ",
        ),
    ],
)
def test_a_paragraph_opening_with_a_province_is_about_it(lang, text, raw, province):
    assert row(text, lang, raw, province="Cần Thơ")["province"] == province


@pytest.mark.parametrize(
    "text, raw, indicator",
    [
        ("The province finished 38/41 tasks, remaining 3 tasks are implementing.", "3", "tasks_in_progress"),
        (
            "Of 1,064 tasks, 612 have been completed, 389 are on schedule and 63 are behind schedule.",
            "389",
            "tasks_in_progress",
        ),
    ],
)
def test_tasks_said_to_be_implementing_or_on_schedule_are_in_progress(text, raw, indicator):
    assert row(text, "en", raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "es",
            "Para 2030, la provincia se propone recoger y tratar el 100 % de los residuos sólidos y elevar la cobertura forestal al 66 %.",
            "100 %",
            "other",
        ),
        (
            "fr",
            "La couverture forestière de la ville se maintient à 57,3 % et 98 % des déchets solides urbains sont collectés.",
            "98 %",
            "other",
        ),
        (
            "de",
            "Die Glasfaserbreitbandabdeckung hat 100 % der Gemeinden und 98,6 % der Weiler erreicht.",
            "98,6 %",
            "fiber_coverage_pct",
        ),
        (
            "es",
            "La cobertura 4G llega al 100 %; hay 126 estaciones base 5G. La tasa de pagos sin efectivo alcanzó el 72 %.",
            "72 %",
            "other",
        ),
        ("fr", "Au total, 41 tâches de recherche scientifique ont été réceptionnées.", "41", "other"),
        ("en", "The province completed 45 of 52 tasks and accepted 12 research tasks.", "12", "other"),
        ("es", "Servicios públicos en línea: 1.612 trámites disponibles.", "1.612", "online_public_services"),
        ("en", "Da Nang earmarks 1.2 trillion dong for innovation this year.", "1.2 trillion", "other"),
        (
            "en",
            "Gia Lai has set aside VND1.2 trillion to build digital infrastructure.",
            "1.2 trillion",
            "infrastructure_investment",
        ),
    ],
)
def test_wording_of_another_figure_or_of_research_is_not_the_figures_own(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("it", "Nella provincia quasi 12.500 ettari di caffè sono coltivati.", "12.500"),
        ("en", "The province grows 5,000 hectares of coffee.", "5,000"),
        ("de", "Die Provinz hat 300 Hektar Kaffeeplantagen.", "300"),
    ],
)
def test_hectares_of_a_crop_are_a_cultivation_area(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "cultivation_area"


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "The province allocated VND 500 billion to digital infrastructure, and VND 300 billion to research grants.",
            "300 billion",
            "other",
        ),
        (
            "es",
            "La provincia invirtió 100 mil millones de VND en infraestructura digital en 2024, y 150 mil millones en 2025.",
            "150 mil millones",
            "infrastructure_investment",
        ),
    ],
)
def test_an_amount_that_says_what_it_pays_for_takes_no_wording_of_another_clause(lang, text, raw, indicator):
    assert row(text, lang, raw)["indicator"] == indicator


@pytest.mark.parametrize(
    "lang, header, row, raw, unit, value, plain",
    [
        (
            "it",
            "Settore | Numero progetti | Capitale (milioni USD)",
            "Semiconduttori | 21 | 2.140",
            "2.140",
            "USD",
            2.14e9,
            "21",
        ),
        (
            "de",
            "Jahr | Waldbedeckungsrate | Aufforstung (ha) | Waldbrände",
            "2024 | 45,6 % | 1.120 | 9",
            "1.120",
            "hectare",
            1120.0,
            "9",
        ),
    ],
)
def test_a_table_row_is_read_in_the_units_of_its_header(lang, header, row, raw, unit, value, plain):
    lines = ["La provincia publicó su informe anual de resultados.", header, row]
    found = {r["raw"]: r for r in extract_metrics(lines_document(lines, lang, "Cà Mau"))}
    assert (found[raw]["unit"], found[raw]["value"]) == (unit, value)
    assert found[plain]["unit"] == "count"  # a column whose header gives no unit


@pytest.mark.parametrize(
    "lang, text, raw, scope",
    [
        (
            "en",
            "In Cà Mau, under Resolution No. 71/NQ-CP of the Government, the province completed 15 tasks.",
            "15",
            "provincial",
        ),
        ("en", "16 decrees were issued by the Government.", "16", "national"),
    ],
)
def test_a_body_named_after_a_documents_number_is_its_issuer(lang, text, raw, scope):
    assert row(text, lang, raw)["scope"] == scope


@pytest.mark.parametrize(
    "lang, text, raw, indicator",
    [
        (
            "en",
            "The province provides 1,056 online public services, of which 689 full-process.",
            "689",
            "online_public_services",
        ),
        (
            "es",
            "La provincia tiene 120 empresas de tecnología digital, de las cuales 30 extranjeras.",
            "30",
            "digital_tech_enterprises",
        ),
    ],
)
def test_a_part_after_of_which_with_no_wording_of_its_own_counts_what_its_whole_counts(
    lang, text, raw, indicator
):
    assert row(text, lang, raw)["indicator"] == indicator


def test_a_ranking_table_gives_each_row_its_rank_and_score():
    lines = [
        "Le classement DTI 2024 a été publié par le ministère.",
        "Rang | Province | Score",
        "1 | Quảng Ninh | 92,48",
    ]
    found = {r["raw"]: r for r in extract_metrics(lines_document(lines, "fr", "Nghệ An"))}
    assert (found["1"]["unit"], found["1"]["indicator"]) == ("rank", "public_service_index_rank")
    assert (found["92,48"]["unit"], found["92,48"]["indicator"]) == ("points", "public_service_index_points")
    assert found["1"]["province"] == "Quảng Ninh"


@pytest.mark.parametrize(
    "lang, header, rows",
    [
        (
            "en",
            "No. | Indicator | Target 2025 | Result",
            ["1 | Forest cover rate (%) | 45.5 | 45.12", "2 | Revenue (VND billion) | 180 | 163.4"],
        ),
        ("de", "Nr. | Kennzahl | Ziel | Ergebnis", ["1 | Waldbedeckung (%) | 45,5 | 45,12"]),
        ("pl", "Lp. | Wskaźnik | Cel | Wynik", ["1 | Lesistość (%) | 45,5 | 45,12"]),
        ("es", "STT | Indicador | Meta | Resultado", ["1 | Cobertura forestal (%) | 45,5 | 45,12"]),
    ],
)
def test_a_tables_row_numbers_are_no_figures_and_its_label_gives_the_unit(lang, header, rows):
    lines = ["La provincia publicó su informe anual de resultados.", header, *rows]
    found = extract_metrics(lines_document(lines, lang, "Điện Biên"))
    units = {r["raw"]: (r["unit"], r["value"]) for r in found}
    assert "1" not in units and "2" not in units
    assert units["45.12" if lang == "en" else "45,12"] == ("percent", 45.12)
    if lang == "en":
        assert units["163.4"] == ("VND", 163.4e9)  # `(VND billion)`: the currency before its scale


@pytest.mark.parametrize(
    "lang, text, raw, qualifier",
    [
        ("en", "Area damaged by forest fire (ha) | ≤ 10 | 3.2", "10", "up_to"),
        ("fr", "Le taux de couverture doit rester ≥ 45 % selon le plan.", "45 %", "more_than"),
        ("de", "Die Feinstaubbelastung lag bei < 25 µg/m3 im Jahresmittel.", "25", "less_than"),
    ],
)
def test_comparison_signs_qualify_the_figure_after_them(lang, text, raw, qualifier):
    found = {r["raw"]: r for r in extract_metrics(lines_document([text], lang, "Điện Biên"))}
    assert found[raw]["qualifier"] == qualifier


@pytest.mark.parametrize(
    "lang, text, second",
    [
        ("en", "Households are paid VND 400,000-500,000 per hectare per year.", "500,000"),
        ("fr", "Les ménages reçoivent de 400 000 à 500 000 VND par hectare.", None),
        ("es", "Los hogares reciben USD 40 a 55 por hectárea al año.", "55"),
    ],
)
def test_a_ranges_second_end_is_money_in_the_currency_written_before_the_first(lang, text, second):
    found = extract_metrics(lines_document([text], lang, "Điện Biên"))
    assert {r["unit"] for r in found} == {"USD" if lang == "es" else "VND"}
    if second:
        assert second in {r["raw"] for r in found}


def test_an_amount_after_money_and_a_dash_is_no_range_when_it_is_smaller():
    text = "The province spent VND 500 billion - 300 enterprises joined the programme."
    found = {r["raw"]: r["unit"] for r in extract_metrics(lines_document([text], "en", "Điện Biên"))}
    assert found["300"] == "count"


@pytest.mark.parametrize(
    "lang, text, first, second",
    [
        (
            "en",
            "The online application rate reached 92.7%, compared with 61.3% a year earlier.",
            "92.7%",
            "61.3%",
        ),
        ("de", "Die Online-Antragsquote lag bei 92,7 % gegenüber 61,3 % im Vorjahr.", "92,7 %", "61,3 %"),
        (
            "es",
            "El 92,7 % de los expedientes se presentó en línea, frente al 61,3 % del mismo periodo de 2024.",
            "92,7 %",
            "61,3 %",
        ),
        ("pl", "Odsetek wniosków online wyniósł 92,7 % wobec 61,3 % rok wcześniej.", "92,7 %", "61,3 %"),
    ],
)
def test_a_figure_compared_with_the_one_before_counts_what_it_counts(lang, text, first, second):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cao Bằng"))}
    assert found[first] == found[second] == "online_application_pct"


def test_a_figure_compared_with_another_unit_takes_nothing_from_it():
    text = "The province has 2,300 digital technology firms, compared with 12% of GRDP in 2020."
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], "en", "Cao Bằng"))}
    assert found["12%"] != "digital_tech_enterprises"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "de",
            "Die digitale Wirtschaft macht nur 9,6 % des GRDP aus. Bis 2030 will die Provinz den Anteil auf 20 % steigern.",
            "20 %",
        ),
        (
            "pt",
            "A economia digital respondeu por 14,2% do GRDP, enquanto o GRDP cresceu 7,85%. "
            "A meta é elevar essa participação para 20% até 2030.",
            "20%",
        ),
        (
            "fr",
            "L'économie numérique pèse 12 % du GRDP. La ville ambitionne de porter cette part à 30 % d'ici 2030.",
            "30 %",
        ),
    ],
)
def test_a_percent_referring_back_to_a_share_counts_what_the_share_counted(lang, text, raw):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))}
    assert found[raw] == "digital_economy_share_pct"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "en",
            "The digital economy makes up 11% of GRDP; the province aims to raise it to 30% by 2030.",
            "30%",
        ),
        ("en", "The digital economy makes up 11% of GRDP. Our target is 30 percent by 2030.", "30 percent"),
        (
            "de",
            "Die Digitalwirtschaft macht 12 Prozent des GRDP aus. Bis 2030 sollen es 30 Prozent sein.",
            "30 Prozent",
        ),
        ("de", "Die Digitalwirtschaft macht 12 % des GRDP aus; bis 2030 strebt die Provinz 30 % an.", "30 %"),
        (
            "es",
            "La economía digital representa el 11 % del PIB regional. La provincia se propone alcanzar el 30 % en 2030.",
            "30 %",
        ),
        (
            "fr",
            "L'économie numérique représente 11 % du GRDP ; l'objectif est d'atteindre 30 % en 2030.",
            "30 %",
        ),
        (
            "it",
            "L'economia digitale rappresenta il 12,5% del GRDP; l'obiettivo è raggiungere il 30% entro il 2030.",
            "30%",
        ),
        ("pl", "Gospodarka cyfrowa stanowi 14 proc. GRDP, a do 2030 r. ma to być 30 proc.", "30 proc."),
        (
            "pt",
            "A economia digital representa já cerca de 11% do GRDP; a meta é chegar a 30% até 2030.",
            "30%",
        ),
        (
            "en",
            "The digital economy makes up 11% of GRDP nationwide. In the province, the figure was 8.6%.",
            "8.6%",
        ),
        (
            "pl",
            "Gospodarka cyfrowa stanowi 14 proc. GRDP. W całym kraju wskaźnik ten wynosi 18 proc.",
            "18 proc.",
        ),
        (
            "pl",
            "Gospodarka cyfrowa stanowi 14 proc. GRDP. W skali kraju odsetek ten wynosi 18 proc.",
            "18 proc.",
        ),
    ],
)
def test_a_bare_percent_setting_a_target_or_naming_the_figure_again_counts_what_the_share_counted(
    lang, text, raw
):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))}
    assert found[raw] == "digital_economy_share_pct"


@pytest.mark.parametrize(
    "lang, text, keys",
    [
        (
            "de",
            "Landesweit seien 1.052 Aufgaben zugewiesen worden. Davon seien 706 abgeschlossen; "
            "289 würden planmäßig umgesetzt und 41 seien überfällig.",
            ["tasks_total", "tasks_completed", "tasks_in_progress", "tasks_pending"],
        ),
        (
            "en",
            "Nationwide, 1,052 tasks have been assigned. Of these, 706 have been completed and 41 are overdue.",
            ["tasks_total", "tasks_completed", "tasks_pending"],
        ),
        (
            "es",
            "La provincia recibió 65 tareas. De ellas, 38 se han completado y 27 están en ejecución.",
            ["tasks_total", "tasks_completed", "tasks_in_progress"],
        ),
        (
            "pt",
            "A província recebeu 65 tarefas. Destas, 38 foram concluídas.",
            ["tasks_total", "tasks_completed"],
        ),
    ],
)
def test_a_sentence_opening_on_of_these_counts_parts_of_the_last_count_before_it(lang, text, keys):
    assert [r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))] == keys


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "es",
            "El director informó que de las 47 tareas asignadas se han completado 31 y 16 están en ejecución.",
        ),
        ("en", "The report said that of the 47 tasks assigned, 31 were completed and 16 are in progress."),
    ],
)
def test_a_whole_opening_a_clause_after_that_is_the_whole(lang, text):
    found = [r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))]
    assert found == ["tasks_total", "tasks_completed", "tasks_in_progress"]


def test_a_whole_opening_a_quotation_is_the_whole():
    text = '"Dei 31 compiti assegnati al Ministero ne abbiamo completati 27, gli altri 4 sono in corso."'
    found = [r["indicator"] for r in extract_metrics(lines_document([text], "it", "Cà Mau"))]
    assert found == ["tasks_total", "tasks_completed", "tasks_in_progress"]


def test_a_ratio_with_their_and_the_countrys_provinces_counting_nothing_else():
    text = "Ministries completed 212 of their 286 tasks, while the 34 provinces and cities finished the rest."
    found = [r["indicator"] for r in extract_metrics(lines_document([text], "en", "Cà Mau"))]
    assert found == ["tasks_completed", "tasks_total", "other"]


def test_a_count_with_a_scale_word_counts_the_noun_after_its_de():
    text = "Numa reunião com as empresas do setor, afirmou que a província pretende receber 10 milhões de visitantes."
    (found,) = extract_metrics(lines_document([text], "pt", "Lào Cai"))
    assert found["indicator"] == "other"


def test_viet_nam_as_the_subject_of_a_past_verb_is_national():
    text = "In 2024 Viet Nam transferred 10.3 million tonnes of CO2 reductions to the World Bank."
    (found,) = extract_metrics(lines_document([text], "en", "Quảng Trị"))
    assert (found["scope"], found["unit"]) == ("national", "tonne")


def test_of_these_reaches_back_one_sentence_only():
    text = "La provincia recibió 65 tareas. Se emitieron 12 planes. De ellos, 5 se han completado."
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], "es", "Cà Mau"))}
    assert found["5"] not in ("tasks_completed", "tasks_total")


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("de", "Von den Aufgaben seien 706 abgeschlossen, was 67,1 Prozent entspreche.", "67,1 Prozent"),
        ("fr", "La province a achevé 45 tâches, soit 86,5 %, et 7 sont en cours.", "86,5 %"),
        ("en", "The province has completed 45 tasks, that is 86.5 percent of its plan.", "86.5 percent"),
    ],
)
def test_a_percent_after_a_that_is_word_is_the_share_of_the_count_before(lang, text, raw):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))}
    assert found[raw] == "task_completion_pct"


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            "Hung Yen a attiré 1 850,6 millions de dollars US de capitaux IDE, se classant 3e sur 34 provinces.",
        ),
        (
            "de",
            "Bac Ninh zog ausländische Direktinvestitionen von 3,5 Mrd. USD an und belegte Platz 2 von 34.",
        ),
        ("en", "Hung Yen attracted 1.8 billion USD of FDI, ranking 3rd out of 34 provinces and cities."),
    ],
)
def test_a_rank_in_foreign_investment_is_no_index_rank(lang, text):
    (rank,) = [r for r in extract_metrics(lines_document([text], lang, "Hưng Yên")) if r["unit"] == "rank"]
    assert rank["indicator"] == "other"


@pytest.mark.parametrize(
    "lang, lines",
    [
        ("en", ["Indicator | Bac Ninh | Whole country", "Records with online fee payment | 64.3% | 41.8%"]),
        ("es", ["Chỉ tiêu | Bắc Ninh | Cả nước", "Pagos en línea | 64,3 % | 41,8 %"]),
    ],
)
def test_figures_in_a_tables_column_for_the_whole_country_are_national(lang, lines):
    found = [
        (r["raw"], r["scope"], r["province"])
        for r in extract_metrics(lines_document(lines, lang, "Bắc Ninh"))
    ]
    assert [f[1:] for f in found] == [("provincial", "Bắc Ninh"), ("national", "")]


def test_ranks_in_a_startup_ecosystem_index_are_no_public_service_index_ranks():
    text = (
        "According to StartupBlink's Global Startup Ecosystem Index 2025, Hanoi ranked 123rd among the "
        "world's cities, while Ho Chi Minh City stayed at 110th."
    )
    found = [(r["indicator"], r["province"]) for r in extract_metrics(lines_document([text], "en", "Hà Nội"))]
    assert found == [("other", "Hà Nội"), ("other", "Hồ Chí Minh")]


def test_a_rank_ahead_of_another_province_is_the_articles_and_the_startup_index_named_in_english_is_other():
    text = (
        "Im Global Startup Ecosystem Index 2025 liegt die Stadt auf Platz 110 unter den Städten weltweit "
        "und auf Platz 1 in Vietnam, vor Hanoi."
    )
    found = [
        (r["indicator"], r["province"]) for r in extract_metrics(lines_document([text], "de", "Hồ Chí Minh"))
    ]
    assert found == [("other", "Hồ Chí Minh"), ("other", "Hồ Chí Minh")]


def test_an_unnamed_rank_after_ranked_is_the_index_rank_by_default():
    (rank, _) = extract_metrics(
        lines_document(["Dien Bien ranked 31st out of 34 provinces."], "en", "Điện Biên")
    )
    assert rank["indicator"] == "public_service_index_rank"


def test_a_tables_column_headed_by_a_rank_word_and_an_index_holds_ranks():
    lines = ["Provincia | PCI (puntos) | Puesto PCI | PAR Index (%)", "Hai Phong | 73,84 | 1 | 91,27"]
    found = {r["raw"]: r["unit"] for r in extract_metrics(lines_document(lines, "es", "Bắc Ninh"))}
    assert found == {"73,84": "points", "1": "rank", "91,27": "percent"}


def test_a_score_heading_with_a_unit_in_brackets_gives_the_unit():
    lines = ["Kennzahl | Wert (%)", "Online eingereichte Verwaltungsverfahren | 71,6"]
    (found,) = extract_metrics(lines_document(lines, "de", "Cần Thơ"))
    assert found["unit"] == "percent"


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "En el PCI 2024, Bac Giang obtuvo 71,05 puntos y ocupó el puesto 4 de 63 provincias."),
        ("en", "In the Provincial Competitiveness Index, the province ranked 5th with 70.2 points."),
    ],
)
def test_the_competitiveness_index_is_no_public_service_index(lang, text):
    found = [
        r
        for r in extract_metrics(lines_document([text], lang, "Bắc Ninh"))
        if r["unit"] in ("rank", "points")
    ]
    assert {r["indicator"] for r in found} == {"other"}


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ["Provincia | PCI (puntos) | Puesto PCI | PAR Index (%)", "Hai Phong | 73,84 | 1 | 91,27"],
            ["other", "other", "other"],
        ),
        (["Comuna | Cobertura forestal (%)", "Muong Lat | 71,4"], ["forest_cover_pct"]),
    ],
)
def test_a_tables_heading_names_what_its_column_counts(lines, expected):
    assert [r["indicator"] for r in extract_metrics(lines_document(lines, "es", "Bắc Ninh"))] == expected


def test_a_french_rank_among_the_provinces_du_pays_is_the_provinces():
    text = "La province se classe 3e sur 34 provinces et villes du pays dans l'indice PAR."
    rank, field = extract_metrics(lines_document([text], "fr", "Hưng Yên"))
    assert (rank["scope"], rank["province"], field["scope"]) == ("provincial", "Hưng Yên", "national")


def test_a_french_rank_among_countries_is_the_countrys():
    text = "Le Vietnam se classe 44e sur 139 pays dans l'Indice mondial de l'innovation."
    rank = extract_metrics(lines_document([text], "fr", "Hưng Yên"))[0]
    assert rank["scope"] == "national"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "de",
            "Bis 2030 soll die digitale Wirtschaft 30 Prozent des BIP ausmachen, die Ausgaben für "
            "Forschung und Entwicklung sollen 2 Prozent des BIP erreichen.",
            "2 Prozent",
        ),
        ("en", "By 2030 the digital economy should reach 30% of GDP and R&D spending 2% of GDP.", "2%"),
        ("en", "R&D spending reached 1.2% of GRDP in 2024.", "1.2%"),
        (
            "es",
            "La economía digital representa el 15 % del PIB y la inversión en investigación y desarrollo el 1,5 % del PIB.",
            "1,5 %",
        ),
    ],
)
def test_a_share_of_gdp_named_after_research_and_development_is_no_digital_economy_share(lang, text, raw):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))}
    assert found[raw] == "other"


def test_a_share_pattern_spanning_words_to_gdp_does_not_span_a_figure():
    text = "Bis 2030 soll die digitale Wirtschaft 30 Prozent des BIP ausmachen."
    (found,) = extract_metrics(lines_document([text], "de", "Cà Mau"))
    assert found["indicator"] == "digital_economy_share_pct"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        (
            "it",
            "La provincia conta 68.000 ettari di coltivazioni, quasi 3.900 dei quali destinati alla floricoltura.",
            "3.900",
            "hectare",
        ),
        (
            "en",
            "The province has 68,000 hectares of farms, about 3,900 of which grow flowers.",
            "3,900",
            "hectare",
        ),
        ("en", "The city has 120 enterprises, 45 of which are foreign.", "45", "count"),
    ],
)
def test_a_bare_number_pointing_back_with_of_which_takes_the_measure_before_it(lang, text, raw, unit):
    found = {r["raw"]: r["unit"] for r in extract_metrics(lines_document([text], lang, "Lâm Đồng"))}
    assert found[raw] == unit


def test_both_bounds_of_a_target_range_count_what_the_share_counted():
    text = "L'economia digitale vale circa il 22% del Pil locale; l'obiettivo è salire tra il 25 e il 30% entro il 2030."
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], "it", "Cà Mau"))}
    assert found["25"] == found["30%"] == "digital_economy_share_pct"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        # a noun before the figure claims it
        (
            "en",
            "The digital economy makes up 11% of GRDP; the province targets a growth of 9% in 2026.",
            "9%",
        ),
        # wording after the figure names what it counts
        (
            "en",
            "The digital economy makes up 11% of GRDP; the province aims to connect 95% of households.",
            "95%",
        ),
        # no share before it in the paragraph
        ("en", "The province aims to reach 30% by 2030.", "30%"),
    ],
)
def test_a_percent_after_a_target_that_names_its_own_measure_is_not_the_share(lang, text, raw):
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], lang, "Cà Mau"))}
    assert found[raw] != "digital_economy_share_pct"


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("Thanh Hoa moves up to 9th in DTI as Resolution 57 tasks gather pace.", "exact"),
        ("Hue slips to 12th in the DTI as other provinces speed up their tasks.", "exact"),
    ],
)
def test_a_rank_after_a_verb_of_moving_in_a_named_index_is_the_index_rank(text, qualifier):
    (found,) = [r for r in extract_metrics(lines_document([text], "en", "Thanh Hóa")) if r["unit"] == "rank"]
    assert (found["indicator"], found["qualifier"]) == ("public_service_index_rank", qualifier)


def test_a_row_label_gives_its_unit_in_square_brackets_too():
    lines = [
        "Raport roczny prowincji.",
        "Wskaźnik | 2024 | 2025",
        "Spalona powierzchnia lasu [ha] | 42,6 | 30,1",
    ]
    found = {r["raw"]: r["unit"] for r in extract_metrics(lines_document(lines, "pl", "Gia Lai"))}
    assert found["42,6"] == found["30,1"] == "hectare"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "en",
            "Secretary Pham Quang Thai, a member of the Party Central Committee, said the province completed 71 of 96 tasks.",
            "71",
        ),
        (
            "en",
            "The province completed 71 tasks under the Politburo's Resolution 57, with 19 others on track.",
            "19",
        ),
        ("pl", "Nghe An zrealizowała 38 z 45 zadań przydzielonych przez Centralny Komitet.", "45"),
    ],
)
def test_a_central_body_in_a_title_an_issuer_or_an_agent_after_the_figure_makes_no_national_figure(
    lang, text, raw
):
    found = {r["raw"]: r["scope"] for r in extract_metrics(lines_document([text], lang, "Nghệ An"))}
    assert found[raw] == "provincial"


def test_a_day_before_a_month_ends_no_sentence():
    text = (
        "Von den insgesamt 1.127 zugewiesenen Aufgaben wurden bis zum 30. September 684 abgeschlossen, "
        "389 befinden sich in Umsetzung und 54 sind überfällig."
    )
    found = {r["raw"]: r["indicator"] for r in extract_metrics(lines_document([text], "de", "Hà Nội"))}
    assert (found["684"], found["389"], found["54"]) == (
        "tasks_completed",
        "tasks_in_progress",
        "tasks_pending",
    )


def test_a_table_pasted_with_tabs_is_read_as_one_with_bars():
    page = (
        "Can Tho verbessert digitale Dienste\n\nDie Stadt hat ihre digitalen Dienste im Jahr 2025 deutlich ausgebaut.\n\n"
        "Kennzahl\t2024\t2025\nOnline-Quote (%)\t61,5\t78,2\nInvestitionen (Mrd. VND)\t210\t340\n"
    )
    doc = clean_document(Document("t", "t.txt", text=page))
    doc.language, doc.province = "de", "Cần Thơ"
    found = {r["raw"]: (r["unit"], r["value"]) for r in extract_metrics(doc)}
    assert found["78,2"] == ("percent", 78.2) and found["340"] == ("VND", 340e9)


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "pl",
            "Pod względem eksportu prowincja zajęła 3. miejsce wśród 34 prowincji, za Miastem Ho Chi Minh i Bac Ninh.",
        ),
        (
            "en",
            "By exports, the province ranked 3rd among 34 provinces, behind Ho Chi Minh City and Bac Ninh.",
        ),
    ],
)
def test_a_place_the_figure_trails_is_not_its_place(lang, text):
    found = {r["raw"]: r for r in extract_metrics(lines_document([text], lang, "Thái Nguyên"))}
    rank = next(r for raw, r in found.items() if raw.startswith("3"))
    assert (rank["scope"], rank["province"]) == ("provincial", "Thái Nguyên")


def test_a_place_named_after_the_figure_is_its_place():
    found = extract_metrics(
        lines_document(["Exports reached USD 5 billion in Bac Ninh."], "en", "Thái Nguyên")
    )
    assert found[0]["province"] == "Bắc Ninh"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "The city was 9th a year earlier among the 63 pre-merger localities.", "63"),
        ("fr", "La ville était neuvième parmi les 63 anciennes provinces.", "63"),
        ("es", "La ciudad era novena entre las 63 antiguas provincias.", "63"),
    ],
)
def test_a_count_of_former_provinces_is_national(lang, text, raw):
    assert row(text, lang, raw)["scope"] == "national"


@pytest.mark.parametrize(
    "lang, text, raw, key",
    [
        (
            "pt",
            "Segundo o Departamento de Agricultura e Ambiente, os recifes de coral cobrem 1.250 hectares.",
            "1.250",
            "other",
        ),
        (
            "en",
            "The Department of Agriculture and Environment said 3,450 hectares of new forest were planted.",
            "3,450",
            "other",
        ),
        (
            "en",
            "The Department of Agriculture and Environment said 300 hectares of rice were sown with drones.",
            "300",
            "cultivation_area",
        ),
        ("pt", "A área de chá da província atinge 22.400 hectares.", "22.400", "cultivation_area"),
    ],
)
def test_the_agriculture_departments_name_says_nothing_of_an_area(lang, text, raw, key):
    assert row(text, lang, raw)["indicator"] == key


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "es",
            "En el Índice de Innovación Provincial (PII) 2024, Dong Nai se situó en el 7.º lugar con 52,64 puntos.",
            "7",
        ),
        (
            "pt",
            "No Índice de Inovação Provincial (PII) 2024, Da Nang ficou em 2º lugar, com 52,75 pontos.",
            "52,75",
        ),
        ("en", "In the provincial innovation index PII we were 5th out of 34.", "5"),
        ("de", "Hanoi belegte im Innovationsindex (PII) mit 62,45 Punkten Platz 1.", "62,45"),
    ],
)
def test_an_innovation_index_is_no_public_service_index(lang, text, raw):
    assert row(text, lang, raw)["indicator"] == "other"


def test_an_article_about_an_innovation_index_ranks_in_it():
    lines = [
        "Innovationsindex PII 2025: Hanoi führt, Ho-Chi-Minh-Stadt und Bac Ninh folgen",
        "Hanoi belegte mit 62,45 Punkten Platz 1, gefolgt von Bac Ninh mit 55,12 Punkten auf Platz 3.",
    ]
    doc = lines_document(lines, "de", "Hà Nội")
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    assert {r["indicator"] for r in extract_metrics(doc) if r["unit"] in ("rank", "points")} == {"other"}


def test_an_article_about_the_digital_index_ranks_in_it():
    lines = ["Quang Ninh führt erneut", "Quang Ninh belegte mit 62,45 Punkten Platz 1."]
    doc = lines_document(lines, "de", "Quảng Ninh")
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    found = {r["unit"]: r["indicator"] for r in extract_metrics(doc)}
    assert found == {"points": "public_service_index_points", "rank": "public_service_index_rank"}


@pytest.mark.parametrize(
    "lang, text, raw, key",
    [
        (
            "fr",
            "Sur neuf mois, l'unité a reçu 41 236 déclarations électroniques.",
            "41 236",
            "online_applications",
        ),
        (
            "fr",
            "À l'échelle nationale, le taux de déclarations électroniques dépasse 99 %.",
            "99 %",
            "online_application_pct",
        ),
        ("en", "The share of electronic declarations reached 98.7%.", "98.7%", "online_application_pct"),
    ],
)
def test_electronic_declarations_are_online_applications(lang, text, raw, key):
    assert row(text, lang, raw)["indicator"] == key


def test_the_city_a_story_was_filed_from_is_not_its_figures_place():
    text = "Hanoi (VNA) – The 5G network covered 91% of the population by the end of November."
    assert row(text, "en", "91%", province="")["scope"] == "national"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Dien Bien ranked 31st out of 34 and Lai Chau came last.", "34"),
        ("it", "Nell'Indice DTI 2024 la provincia si era classificata al 41° posto su 63.", "63"),
    ],
)
def test_the_field_of_a_rank_is_the_countrys(lang, text, raw):
    assert row(text, lang, raw)["scope"] == "national"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "In the first nine months, Viet Nam exported about 97,000 tonnes of tea.", "97,000"),
        ("es", "Vietnam cuenta con unas 4.000 empresas emergentes innovadoras.", "4.000"),
    ],
)
def test_the_country_as_a_verbs_subject_makes_its_figures_national(lang, text, raw):
    assert row(text, lang, raw)["scope"] == "national"


def test_a_coconut_area_is_a_cultivation_area():
    assert (
        row("Its coconut area stands at about 120,000 hectares.", "en", "120,000")["indicator"]
        == "cultivation_area"
    )
