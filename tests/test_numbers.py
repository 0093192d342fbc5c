"""The number reader: shape and language give value, unit, qualifier and kind; offsets always hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.numbers import parse_value, read_numbers

LANGS = ("es", "fr", "pl", "pt", "en", "de", "it")


def only(text: str, lang: str, raw: str):
    """The quantity written `raw` in `text`."""
    found = [q for q in read_numbers(text, lang) if q.raw == raw]
    assert found, f"{raw!r} not read in {text!r}: {[q.raw for q in read_numbers(text, lang)]}"
    return found[0]


@pytest.mark.parametrize(
    "digits, value",
    [
        ("1,938", 1938),  # machine translation keeps English separators
        ("21,000", 21000),
        ("9.000", 9000),
        ("1.054", 1054),
        ("58,46", 58.46),
        ("83.51", 83.51),
        ("1 938", 1938),
        ("1\u00a0938", 1938),  # no-break space
        ("1\u202f938", 1938),  # narrow no-break space
        ("154 000", 154000),
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("0,125", 0.125),
        ("2.5", 2.5),
        ("7", 7),
    ],
)
def test_shape_gives_value(digits, value):
    assert parse_value(digits) == pytest.approx(value)


def test_three_decimals_before_percent_are_decimals():
    assert parse_value("12,345", decimal_hint=True) == pytest.approx(12.345)


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("es", "proporcionó 1,938 servicios", "1,938", 1938),
        ("es", "emitió más de 9.000 firmas", "9.000", 9000),
        ("es", "hasta 154 000 personas", "154 000", 154000),
        ("fr", "fourni 1 938 services", "1 938", 1938),
        ("fr", "fourni 1\u202f938 services", "1\u202f938", 1938),
        ("pl", "wydano 12 500 podpisów", "12 500", 12500),
        ("pt", "emitiu 9.000 assinaturas", "9.000", 9000),
        ("en", "provided 1,938 services", "1,938", 1938),
        ("de", "stellte 1.938 Dienste bereit", "1.938", 1938),
        ("it", "ha fornito 1.938 servizi", "1.938", 1938),
    ],
)
def test_grouped_thousands_in_every_language(lang, text, raw, value):
    assert only(text, lang, raw).value == value


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("es", "4267 millones de dongs", "4267 millones", 4267e6),
        ("es", "82.000 millones de VND", "82.000 millones", 82e9),
        ("es", "3 mil millones de dongs", "3 mil millones", 3e9),
        ("es", "2 billones de dongs", "2 billones", 2e12),  # Spanish billón is 10^12
        ("fr", "4 267 milliards de dongs", "4 267 milliards", 4267e9),
        ("fr", "2 billions de dongs", "2 billions", 2e12),  # French billion is 10^12
        ("pl", "12 tys. osób", "12 tys.", 12e3),
        ("pl", "5 mln zł", "5 mln", 5e6),
        ("pl", "3 mld dongów", "3 mld", 3e9),
        ("pt", "300 bilhões de VND", "300 bilhões", 300e9),  # Brazilian bilhão is 10^9
        ("pt", "3 mil milhões de dongs", "3 mil milhões", 3e9),  # European mil milhões
        ("pt", "2 biliões de dongs", "2 biliões", 2e12),  # European bilião is 10^12
        ("en", "4,267 billion dong", "4,267 billion", 4267e9),
        ("en", "2 trillion dong", "2 trillion", 2e12),
        ("de", "5 Mio. Euro", "5 Mio.", 5e6),
        ("de", "3 Mrd. Dong", "3 Mrd.", 3e9),
        ("it", "10 milioni di dollari", "10 milioni", 10e6),
        ("it", "4 miliardi di dong", "4 miliardi", 4e9),
    ],
)
def test_scale_words(lang, text, raw, value):
    assert only(text, lang, raw).value == pytest.approx(value)


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("es", "4267 millones de dongs (VND)", "4267 millones", "VND"),
        ("es", "10 millones de dólares", "10 millones", "USD"),
        ("fr", "4 267 milliards de dongs", "4 267 milliards", "VND"),
        ("pl", "10 mln dolarów", "10 mln", "USD"),
        ("pt", "300 bilhões de VND", "300 bilhões", "VND"),
        ("en", "US$10 million", "10 million", "USD"),
        ("en", "82 billion VND", "82 billion", "VND"),
        ("de", "10 Millionen US-Dollar", "10 Millionen", "USD"),
        ("it", "10 milioni di dollari", "10 milioni", "USD"),
        ("es", "a una escala de 100 hectáreas", "100", "hectare"),
        ("en", "scored 80.12 points", "80.12", "points"),
        ("it", "si estende su circa 3.390 chilometri quadrati", "3.390", "km2"),
        ("en", "covers 3,390 square kilometres", "3,390", "km2"),
        ("de", "umfasst 3.390 Quadratkilometer", "3.390", "km2"),
        ("pl", "zajmuje 3390 kilometrów kwadratowych", "3390", "km2"),
        ("fr", "couvre 3 390 kilomètres carrés", "3 390", "km2"),
        ("es", "cubre 3.390 kilómetros cuadrados", "3.390", "km2"),
        ("pt", "cobre 3.390 quilómetros quadrados", "3.390", "km2"),
        ("de", "mehr als 1.800 Kilogramm frischer Ginseng", "1.800", "kg"),
        ("en", "mother ships of up to 145,000 DWT", "145,000", "DWT"),
        ("it", "venduti 2.000 chili di tè", "2.000", "kg"),
        ("pl", "spadło od 800 do 1 700 mm opadów", "1 700", "mm"),
        ("it", "si è attestata a 41,3 microgrammi per metro cubo", "41,3", "µg/m3"),
        ("it", "con una capacità di 120 m³/s", "120", "m3/s"),
        ("en", "average yield reached 6.8 tonnes per hectare", "6.8", "tonne/hectare"),
        ("pl", "Plon wyniósł 6,5 tony z hektara.", "6,5", "tonne/hectare"),
        ("it", "produce circa 3,7 milioni di tonnellate di rifiuti all'anno", "3,7 milioni", "tonne"),
    ],
)
def test_currency_and_unit_words_are_units_not_raw(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("es", "alcanzó el 58,46 %", "58,46 %", 58.46),
        ("es", "al 100% de las comunas", "100%", 100),
        ("es", "un 12 por ciento", "12 por ciento", 12),
        ("fr", "atteint 60 %", "60 %", 60),
        ("fr", "atteint 60\u202f%", "60\u202f%", 60),
        ("fr", "de 5 pour cent", "5 pour cent", 5),
        ("pl", "ponad 60%", "60%", 60),
        ("pl", "wzrost o 7 procent", "7 procent", 7),
        ("pt", "cerca de 83,51%", "83,51%", 83.51),
        ("en", "rose 83.51%", "83.51%", 83.51),
        ("en", "grew 7 per cent", "7 per cent", 7),
        ("de", "um 7 Prozent", "7 Prozent", 7),
        ("it", "del 7 per cento", "7 per cento", 7),
    ],
)
def test_percent_forms(lang, text, raw, value):
    q = only(text, lang, raw)
    assert (q.unit, q.value) == ("percent", pytest.approx(value))


@pytest.mark.parametrize(
    "lang, text, raw, qualifier",
    [
        ("es", "más de 21,000 descargas", "21,000", "more_than"),
        ("es", "superior al 95 %", "95 %", "more_than"),
        ("es", "aproximadamente 500 empresas", "500", "approx"),
        ("es", "un valor aproximado de 10 millones", "10 millones", "approx"),
        ("es", "casi el 60%", "60%", "approx"),
        ("es", "cerca de 30 tareas", "30", "approx"),
        ("es", "menos de 5 tareas", "5", "less_than"),
        ("es", "entre los 10 mejores del país", "10", "up_to"),
        ("fr", "plus de 1 360 conférences", "1 360", "more_than"),
        ("fr", "environ 4 267 milliards", "4 267 milliards", "approx"),
        ("fr", "près de 300 personnes", "300", "approx"),
        ("fr", "moins de 20 tâches", "20", "less_than"),
        ("fr", "jusqu'à 50 équipes", "50", "up_to"),
        ("pl", "ponad 60%", "60%", "more_than"),
        ("pl", "około 300 osób", "300", "approx"),
        ("pl", "mniej niż 20 zadań", "20", "less_than"),
        ("pt", "mais de 300 bilhões", "300 bilhões", "more_than"),
        ("pt", "cerca de 80 empresas", "80", "approx"),
        ("pt", "menos de 20 tarefas", "20", "less_than"),
        ("en", "more than 3,000 officials", "3,000", "more_than"),
        ("en", "over 80 enterprises", "80", "more_than"),
        ("en", "about 500 people", "500", "approx"),
        ("en", "nearly 60%", "60%", "approx"),
        ("en", "fewer than 20 tasks", "20", "less_than"),
        ("en", "up to 50 teams", "50", "up_to"),
        ("en", "in the top 10 provinces", "10", "up_to"),
        ("de", "mehr als 80 Unternehmen", "80", "more_than"),
        ("de", "rund 500 Menschen", "500", "approx"),
        ("de", "weniger als 20 Aufgaben", "20", "less_than"),
        ("de", "bis zu 50 Teams", "50", "up_to"),
        ("it", "oltre 80 imprese", "80", "more_than"),
        ("it", "circa 500 persone", "500", "approx"),
        ("it", "meno di 20 compiti", "20", "less_than"),
        ("it", "fino a 50 squadre", "50", "up_to"),
        ("es", "proporcionó 1,938 servicios", "1,938", "exact"),
        # an article between the qualifier and the number
        ("es", "al menos el 3 % del gasto", "3 %", "more_than"),
        ("es", "creció cerca de un 20 %", "20 %", "approx"),
        ("it", "trattare almeno il 90% dei rifiuti", "90%", "more_than"),
        ("it", "almeno l'8% annuo", "8%", "more_than"),
        ("pt", "pelo menos o 40% das empresas", "40%", "more_than"),
        ("fr", "au moins les 3 000 entreprises", "3 000", "more_than"),
        ("en", "under a 45 billion VND project", "45 billion", "exact"),
    ],
)
def test_qualifiers(lang, text, raw, qualifier):
    assert only(text, lang, raw).qualifier == qualifier


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "entre los 10 mejores del país", "10"),
        ("en", "among the top 10 provinces", "10"),
        ("fr", "parmi les 10 meilleures provinces", "10"),
        ("pt", "entre os 10 melhores do país", "10"),
        ("it", "tra i 10 migliori del paese", "10"),
        ("de", "unter den 10 besten Provinzen", "10"),
    ],
)
def test_top_n_is_a_rank_up_to(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.qualifier) == ("rank", "up_to")


@pytest.mark.parametrize(
    "lang, text, raw, kind",
    [
        ("es", "el 16 de mayo de 2025", "16", "date"),
        ("es", "el 16 de mayo de 2025", "2025", "year"),
        ("es", "publicado el 02/07/2025", "02", "date"),
        ("es", "publicado el 02/07/2025", "2025", "date"),
        ("es", "en los primeros 6 meses", "6", "period"),
        ("es", "la Lucha de 90 días", "90", "period"),
        ("es", "la Resolución 57-NQ/TW", "57", "docnum"),
        ("es", "el Plan n.º 02-KH/BCĐTW", "02", "docnum"),
        ("es", "la Resolución n.º 71/NQ-CP", "71", "docnum"),
        ("es", "los Avisos n.º 523 y 524", "523", "docnum"),
        ("es", "los Avisos n.º 523 y 524", "524", "docnum"),
        ("es", "la Resolución 57 del Politburó", "57", "docnum"),
        ("es", "la 9.ª sesión de la 15.ª Asamblea", "9", "ordinal"),
        ("es", "la 9.ª sesión de la 15.ª Asamblea", "15", "ordinal"),
        ("es", "la versión 3.0 de la Arquitectura", "3.0", "version"),
        ("es", "el gobierno de 2 niveles", "2", "name"),
        ("es", "Proyecto 06 del Gobierno", "06", "docnum"),
        ("es", "img_0016-1-.jpg", "1", "name"),
        ("fr", "le 30 juin 2025", "30", "date"),
        ("fr", "le 1er juillet 2025", "1", "date"),
        ("fr", "les 10 premiers mois", "10", "period"),
        ("fr", "la résolution n° 57-NQ/TW", "57", "docnum"),
        ("fr", "le 20e Congrès du Parti", "20", "ordinal"),
        ("fr", "la version 3.0", "3.0", "version"),
        ("pl", "z dnia 19 czerwca 2025 r.", "19", "date"),
        ("pl", "Rezolucji nr 57 Biura Politycznego", "57", "docnum"),
        ("pl", "w ciągu 6 miesięcy", "6", "period"),
        ("pl", "na 3 szczeblach", "3", "name"),
        ("pt", "em 30 de junho de 2025", "30", "date"),
        ("pt", "nos primeiros 6 meses", "6", "period"),
        ("pt", "a Resolução n.º 57-NQ/TW", "57", "docnum"),
        ("pt", "o Aviso n.º 523", "523", "docnum"),
        ("en", "on June 30, 2025", "30", "date"),
        ("en", "in the first 6 months", "6", "period"),
        ("en", "Resolution No. 57-NQ/TW", "57", "docnum"),
        ("en", "the 20th Congress", "20", "ordinal"),
        ("en", "version 3.0", "3.0", "version"),
        ("en", "the 2-level government model", "2", "name"),
        ("en", "4G coverage", "4", "name"),
        ("de", "am 30. Juni 2025", "30", "date"),
        ("de", "der 20. Parteitag", "20", "ordinal"),
        ("de", "Resolution Nr. 57", "57", "docnum"),
        ("de", "in den ersten 6 Monaten", "6", "period"),
        ("it", "il 30 giugno 2025", "30", "date"),
        ("it", "nei primi 6 mesi", "6", "period"),
        ("it", "la Risoluzione n. 57", "57", "docnum"),
        ("it", "modello di governo a 2 livelli", "2", "name"),
    ],
)
def test_what_is_not_a_figure(lang, text, raw, kind):
    assert only(text, lang, raw).kind == kind


@pytest.mark.parametrize("lang", LANGS)
def test_url_digits_are_not_read_as_figures(lang):
    text = "https://nq57.vn/tin-2079.html z6764022413222_53cdbd7878a57767.jpg"
    assert not [q for q in read_numbers(text, lang) if q.is_figure]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Resolución n.º 57 y 136 tareas pendientes"),
        ("en", "Resolution No. 57 and 136 tasks pending"),
    ],
)
def test_a_count_after_a_single_document_number_is_a_figure(lang, text):
    assert only(text, lang, "136").is_figure


def test_a_qualified_year_shaped_number_is_a_count():
    assert only("más de 2000 personas", "es", "2000").kind == "figure"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "bringing the time down to 7 working days", "7"),
        ("de", "innerhalb von 3 Werktagen", "3"),
        ("pl", "w ciągu 15 dni roboczych", "15"),
    ],
)
def test_working_days_are_a_period(lang, text, raw):
    assert only(text, lang, raw).kind == "period"


def test_a_span_of_years_after_a_qualifier_is_a_period():
    assert only("to spend VND1.2 trillion over 2026-2030", "en", "2026").kind == "year"


def test_slash_ratio_marks_its_part():
    first, second = read_numbers("24/25 tareas", "es")
    assert (first.ratio_next, first.kind, second.kind) == (True, "figure", "figure")


def test_unknown_language_falls_back():
    assert only("more than 1,938 services", "", "1,938").value == 1938


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,%/-:nºªeaz()\u00a0\u202fmlnóés")), max_size=60))
def test_reader_never_raises_and_offsets_hold(text):
    for lang in LANGS:
        for q in read_numbers(text, lang):
            assert text[q.start : q.end] == q.raw
            assert q.start < q.end <= q.unit_end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_reader_never_raises_on_any_text(text):
    for q in read_numbers(text, "es"):
        assert text[q.start : q.end] == q.raw


# --- generality on unseen articles: ranks, scores, areas, glued codes, regional words ---------


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("en", "Lao Cai ranked 5th in the index.", "5", 5),
        ("en", "The country rose 15 places to 44th this year.", "44", 44),
        ("fr", "Hanoï se classe 3e sur 34 provinces.", "3", 3),
        ("de", "Die Provinz belegte den 2. Platz im Index.", "2", 2),
        ("pl", "Prowincja zajęła 14. miejsce w rankingu.", "14", 14),
        ("it", "La città si è classificata al 7° posto.", "7", 7),
        ("pt", "A província ficou em 5.º lugar.", "5", 5),
        ("es", "La provincia se ubicó en el 4.º lugar.", "4", 4),
    ],
)
def test_ordinals_with_a_rank_verb_or_place_word_are_ranks(lang, text, raw, value):
    q = only(text, lang, raw)
    assert (q.kind, q.unit, q.value) == ("figure", "rank", value)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("de", "Die Delegation nahm am 2. internationalen Forum teil."),
        ("pl", "Zadanie wykonano do 14. dnia miesiąca."),
        ("en", "They met on the 5th floor."),
    ],
)
def test_ordinals_without_a_rank_cue_are_not_figures(lang, text):
    assert not [q for q in read_numbers(text, lang) if q.is_figure]


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("de", "Quang Ninh belegte den 2. Platz unter 34 Provinzen.", "34"),
        ("en", "Lao Cai ranked 5th out of 34 provinces.", "34"),
        ("pl", "Prowincja zajęła 3. miejsce wśród 34 prowincji.", "34"),
    ],
)
def test_the_field_after_a_rank_is_an_exact_count(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.qualifier) == ("count", "exact")


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("en", "a score of 80.12 in the index", "80.12", 80.12),
        ("it", "con un punteggio di 0,7812", "0,7812", 0.7812),
        ("es", "con una puntuación de 85,6", "85,6", 85.6),
        ("pt", "com pontuação de 82,4", "82,4", 82.4),
    ],
)
def test_a_score_after_score_words_is_in_points(lang, text, raw, value):
    q = only(text, lang, raw)
    assert (q.unit, q.value) == ("points", value)


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("en", "the model now covers 1,200ha of ponds", "1,200", 1200),
        ("es", "a una escala de 1.200 hectáreas", "1.200", 1200),
        ("pl", "wynosi 2 300 ha", "2 300", 2300),
        ("de", "umfasst 1.500 Hektar", "1.500", 1500),
    ],
)
def test_an_area_is_counted_not_read_as_decimals(lang, text, raw, value):
    q = only(text, lang, raw)
    assert (q.unit, q.value) == ("hectare", value)


@pytest.mark.parametrize(
    "lang, text, raw, value, unit",
    [
        ("en", "has earmarked VND82 billion for centres", "82 billion", 82e9, "VND"),
        ("en", "a US$10 million agreement", "10 million", 10e6, "USD"),
        ("en", "about USD45 million", "45 million", 45e6, "USD"),
        ("pt", "investiu 1,2 mil milhões de dongues", "1,2 mil milhões", 1.2e9, "VND"),
        ("pt", "540 mil milhões de dongues", "540 mil milhões", 540e9, "VND"),
        ("pt", "1,1 trilhão de dongs", "1,1 trilhão", 1.1e12, "VND"),
        ("pl", "straty szacowane na 1,1 bln VND", "1,1 bln", 1.1e12, "VND"),
        ("de", "rund 1,5 Mrd. VND", "1,5 Mrd.", 1.5e9, "VND"),
    ],
)
def test_currency_codes_glued_and_regional_currency_words(lang, text, raw, value, unit):
    q = only(text, lang, raw)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "lang, text, raw, qualifier",
    [
        ("es", "pérdidas cercanas a los 1.300 millones de dólares", "1.300 millones", "approx"),
        ("pl", "straty szacowane na 1,1 bln VND", "1,1 bln", "approx"),
        ("it", "rappresenta circa il 15% del GRDP", "15%", "approx"),
        ("it", "circa l'80% delle domande", "80%", "approx"),
        ("pt", "prejuízos estimados em cerca de 540 bilhões", "540 bilhões", "approx"),
        ("de", "Schäden, geschätzt 25.000 Milliarden Dong", "25.000 Milliarden", "approx"),
        ("fr", "des dégâts évalués à 120 milliards de dongs", "120 milliards", "approx"),
        ("fr", "dont les dégâts avoisinent 2 150 milliards de dôngs", "2 150 milliards", "approx"),
        ("en", "forest cover rate year 2025 estimated reach 45,6%", "45,6%", "approx"),
        ("es", "las pérdidas rondan los 300 millones", "300 millones", "approx"),
        ("pt", "as perdas rondam os 300 milhões", "300 milhões", "approx"),
        ("it", "i danni sfiorano i 40 miliardi", "40 miliardi", "approx"),
    ],
)
def test_estimate_wording_is_approx(lang, text, raw, qualifier):
    assert only(text, lang, raw).qualifier == qualifier


def test_german_resolution_number_is_a_document_number():
    assert [q.raw for q in read_numbers("zur Resolution 57 erfüllt", "de") if q.is_figure] == []


@pytest.mark.parametrize(
    "lang, text",
    [
        ("de", "Beschluss Nr. 1234/QD-UBND vom 15.08.2025 über die Transformation"),
        ("pl", "decyzja z dnia 15.08.2025 r."),
        ("en", "Call the hotline 1022 at any time."),
        ("es", "Llame al teléfono 19001234 para más información."),
    ],
)
def test_dotted_dates_and_phone_numbers_are_not_figures(lang, text):
    assert [q.raw for q in read_numbers(text, lang) if q.is_figure] == []


@pytest.mark.parametrize(
    "lang, text, first",
    [
        # the first end of a range
        ("de", "85 bis 90 % der Anträge", "85"),
        ("en", "10-15% of all records", "10"),
        ("es", "del 60 al 70 % de los expedientes", "60"),
        ("fr", "de 85 à 90 % des dossiers", "85"),
        ("pl", "od 85 do 90% wniosków", "85"),
        # two numbers joined by a conjunction
        ("es", "La tasa alcanzó entre el 85 y el 90 % de los expedientes", "85"),
        ("en", "between 85 and 90 percent of records", "85"),
        ("fr", "Le taux a atteint 92 et 99,1 % des dossiers", "92"),
        ("it", "tra l'85 e il 90% delle domande", "85"),
        ("de", "zwischen 85 und 90 Prozent der Anträge", "85"),
        ("pl", "85 lub 90% wniosków", "85"),
        ("pt", "entre 85 e 90% dos pedidos", "85"),
    ],
)
def test_the_first_of_two_numbers_before_one_percent_sign_is_a_percent(lang, text, first):
    assert only(text, lang, first).unit == "percent"


@pytest.mark.parametrize(
    "lang, text, first",
    [
        ("es", "Hay 85 empresas y 90 % de las comunas tienen fibra", "85"),  # its own noun
        ("es", "La meta para 2025 y el 80 % de las comunas", "2025"),  # a year, not a percent
        ("en", "It reached 120 and 90% of them were online", "120"),  # above a hundred
    ],
)
def test_a_number_with_its_own_noun_a_year_or_above_a_hundred_is_no_percent(lang, text, first):
    assert only(text, lang, first).unit != "percent"


@pytest.mark.parametrize(
    "text, raw, qualifier",
    [
        ("Thanh Hoa verfügt über 24 Unternehmen.", "24", "exact"),
        ("Die Provinz verfügt nun über 24 Unternehmen.", "24", "exact"),
        ("Die Provinz hat über 24 Unternehmen.", "24", "more_than"),
    ],
)
def test_german_verb_particle_is_no_qualifier(text, raw, qualifier):
    assert only(text, "de", raw).qualifier == qualifier


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "La línea directa de apoyo, 1900 1234, atiende consultas."),
        ("fr", "Pour tout renseignement : 0258 3822 111."),
        ("pl", "Infolinia: 1800 6868."),
        ("pt", "O número de contato da central é (0262) 3852 456."),
        ("en", "For technical support, residents can call 0212 3852 123."),
        ("de", "Service-Hotline: 1900 5555 12"),
        ("it", "Per informazioni: 0208 3855 678"),
        ("en", "Hotline: 0236 3 822 222"),
    ],
)
def test_telephone_numbers_are_no_figures(lang, text):
    assert [q for q in read_numbers(text, lang) if q.is_figure] == []


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("fr", "Les provinces comptent 1 150 et 980 équipes.", "1 150"),
        ("pt", "Foram realizadas 12 500 sessões.", "12 500"),
        ("es", "El 0,5 % de los registros.", "0,5 %"),
        ("pl", "Przeszkolono 1800 urzędników.", "1800"),
    ],
)
def test_figures_that_only_look_like_telephone_numbers_stay(lang, text, raw):
    assert raw in [q.raw for q in read_numbers(text, lang) if q.is_figure]


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "creció 2,5 puntos porcentuales", "2,5 puntos porcentuales"),
        ("fr", "hausse de 2,5 points de pourcentage", "2,5 points de pourcentage"),
        ("pt", "alta de 2,5 pontos percentuais", "2,5 pontos percentuais"),
        ("it", "crescita di 2,5 punti percentuali", "2,5 punti percentuali"),
        ("pl", "wzrost o 2,5 punktu procentowego", "2,5 punktu procentowego"),
        ("pl", "wzrost o 2,5 p.p. w skali roku", "2,5 p.p."),
        ("de", "ein Plus von 2,5 Prozentpunkten", "2,5 Prozentpunkten"),
        ("en", "up 2.5 percentage points", "2.5 percentage points"),
    ],
)
def test_percentage_points_are_a_percent(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.value) == ("percent", 2.5)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "abrió 15 puntos de atención al ciudadano"),
        ("fr", "ouvert 15 points de vente"),
        ("fr", "installé 15 points d’accès publics"),
        ("pt", "abriu 15 pontos de atendimento"),
        ("it", "aperti 15 punti di accesso"),
        ("pl", "otwarto 15 punktów obsługi klienta"),
        ("en", "opened 15 points of sale"),
    ],
)
def test_service_and_sales_points_are_counted_not_scored(lang, text):
    assert only(text, lang, "15").unit == "count"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "alcanzó 80,12 puntos en el índice", "80,12"),
        ("fr", "a obtenu 80,12 points au classement", "80,12"),
        ("pt", "obteve 80,12 pontos no índice", "80,12"),
        ("it", "ha ottenuto 80,12 punti nell'indice", "80,12"),
        ("pl", "uzyskała 80,12 punktu w rankingu", "80,12"),
        ("pl", "uzyskała 80,12 punktów, zajmując", "80,12"),
        ("de", "erreichte 80,12 Punkte im Index", "80,12"),
    ],
)
def test_a_score_in_points_stays_in_points(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.value) == ("points", 80.12)


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "tiene cuenta de identificación electrónica nivel 2.", "2"),
        ("es", "La línea directa 1022 recibió llamadas.", "1022"),
        ("fr", "un compte d'identification de niveau 2.", "2"),
        ("pt", "a identificação eletrónica de nível 2.", "2"),
        ("it", "l'identificazione elettronica di livello 2.", "2"),
        ("it", "la linea diretta 1022 riceve le richieste.", "1022"),
        ("de", "ein Identifikationskonto VNeID Stufe 2.", "2"),
        ("pl", "konto identyfikacji poziomu 2.", "2"),
        ("en", "accounts at level 2 were activated.", "2"),
        ("fr", "raconte M. Ho Van Bay, habitant du hameau 4.", "4"),
        ("es", "En la aldea 3 viven muchas familias.", "3"),
        ("en", "residents of thôn 4 joined the scheme", "4"),
    ],
)
def test_a_level_a_hotline_or_a_hamlet_named_by_its_digits_is_no_figure(lang, text, raw):
    assert only(text, lang, raw).kind == "name"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("pl", "wskaźnik osiągnął poziom 95 proc.", "95 proc."),
        ("es", "alcanzó un nivel del 85 %.", "85 %"),
    ],
)
def test_a_percent_after_a_level_word_stays_a_figure(lang, text, raw):
    assert only(text, lang, raw).is_figure


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "On the morning of 14/11, the committee met.", "14"),
        ("en", "On the morning of 14/11, the committee met.", "11"),
        ("es", "El 14/11 se celebró la conferencia.", "14"),
        ("fr", "Dans la matinée du 14/11, le comité s'est réuni.", "14"),
        ("de", "Am 14.11. tagte der Ausschuss.", "14.11"),
        ("it", "Il 14/11 si è svolta la conferenza.", "14"),
        ("pt", "No dia 14/11 realizou-se a conferência.", "14"),
        ("pl", "W dniu 14/11 odbyła się konferencja.", "14"),
    ],
)
def test_a_day_and_month_in_digits_after_a_day_word_is_a_date(lang, text, raw):
    assert only(text, lang, raw).kind == "date"


@pytest.mark.parametrize(
    "lang, text",
    [("en", "The province completed 5/12 tasks."), ("es", "se completaron 24/25 tareas")],
)
def test_a_ratio_shaped_like_a_day_and_month_stays_a_ratio(lang, text):
    assert all(q.is_figure for q in read_numbers(text, lang))


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Nguyen Thi Lan, 52, a pepper farmer, said", "52"),
        ("es", "Tran Van Hung, 34, fundador de una empresa emergente, dijo", "34"),
        ("fr", "Le Thi Mai, 45, agricultrice, explique", "45"),
    ],
)
def test_an_age_between_commas_after_a_name_is_no_figure(lang, text, raw):
    assert only(text, lang, raw).kind == "name"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("de", "Landwirt Huỳnh Văn Tư (52) aus Thạnh Phú erzählt", "52"),
        ("en", "The farmer Nguyen Van Ba (61) grows coffee.", "61"),
    ],
)
def test_an_age_in_brackets_after_a_name_is_no_figure(lang, text, raw):
    assert only(text, lang, raw).kind == "name"


def test_a_count_in_brackets_after_a_province_is_a_figure():
    assert only("Startups per province: Ha Noi (52), Ca Mau (38).", "en", "52").is_figure


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "In Hanoi, 12, 15 and 20 communes joined.", "12"),
        ("en", "Of these, 52, or most, are new.", "52"),
    ],
)
def test_a_number_between_commas_after_other_words_stays_a_figure(lang, text, raw):
    assert only(text, lang, raw).is_figure


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "November 18, 2025 | 04:12 pm GMT+7", "7"),
        ("it", "7 novembre 2025 · Lettura 4 min", "4"),
        ("de", "Lesezeit 4 Min.", "4"),
        ("en", "a 4 min read", "4"),
        ("es", "Can Tho, Vietnam, 18 nov (Prensa Latina) La ciudad", "18"),
    ],
)
def test_time_zones_reading_times_and_abbreviated_months_are_no_figures(lang, text, raw):
    assert not only(text, lang, raw).is_figure


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "la provincia se propone estar entre las 15 mejores hasta 2030."),
        ("pt", "atraia mais de 50 empresas de alta tecnologia até 2030."),
        ("de", "bis 2030 sollen es 80 Prozent sein."),
    ],
)
def test_a_year_after_until_stays_a_year(lang, text):
    assert only(text, lang, "2030").kind == "year"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("en", "DTI index of the province ranked 38/63 provinces, cities.", "38", "rank"),
        ("pt", "colocando Hà Tĩnh no grupo das 10 melhores do país.", "10", "rank"),
        ("es", "está en el grupo de los 10 mejores del país.", "10", "rank"),
    ],
)
def test_ranks_written_as_a_fraction_or_a_group_of_the_best(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, raw, value, unit",
    [
        (
            "en",
            "Total capital in 2025 is 68 billion 500 million dong.",
            "68 billion 500 million",
            68.5e9,
            "VND",
        ),
        ("en", "over 45 thousand 500 people took part", "45 thousand 500", 45500, "count"),
        ("es", "cuenta con más de 4 mil 500 empresas", "4 mil 500", 4500, "count"),
        ("fr", "1 200 milliards 300 millions de dongs", "1 200 milliards 300 millions", 1.2003e12, "VND"),
    ],
)
def test_a_smaller_part_written_after_a_scale_word_is_added(lang, text, raw, value, unit):
    q = only(text, lang, raw)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("es", "4 mil 50 empresas", ["4 mil", "50"]),
        ("en", "5 million 2025", ["5 million", "2025"]),
        ("en", "2 million 300 and", ["2 million", "300"]),
    ],
)
def test_digits_after_a_scale_word_that_are_no_smaller_part_stay_apart(lang, text, raws):
    assert [q.raw for q in read_numbers(text, lang)] == raws


@pytest.mark.parametrize(
    "lang, text, values, unit",
    [
        ("en", "Rural solid waste collected (%) | 79 | 86", [79, 86], "percent"),
        ("fr", "Budget public de R&D (milliards de dongs) | 215 | 340", [215e9, 340e9], "VND"),
        ("de", "Gesammelter Siedlungsabfall (t/Tag) | 1.150 | 1.320", [1150, 1320], "tonne/day"),
        ("es", "Superficie de manglares (ha) | 1.200 | 1.350", [1200, 1350], "hectare"),
    ],
)
def test_a_table_rows_numbers_take_the_unit_in_its_first_cells_brackets(lang, text, values, unit):
    found = [q for q in read_numbers(text, lang) if q.is_figure]
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(v), unit) for v in values]


def test_a_table_row_without_a_unit_keeps_its_years_and_counts():
    assert [q.kind for q in read_numbers("Indicador | 2024 | 2025", "es")] == ["year", "year"]


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("es", "genera cada año unos 3,1 millones de toneladas de residuos", "3,1 millones", "tonne"),
        ("es", "una capacidad conjunta de 98.500 m³ al día", "98.500", "m3/day"),
        ("en", "plants with 98,500 m3/day of capacity", "98,500", "m3/day"),
        ("en", "it collects 1,180 tonnes per day", "1,180", "tonne/day"),
        ("it", "raccoglie 1.200 tonnellate al giorno", "1.200", "tonne/day"),
        ("de", "Investitionen von rund 4,8 Bio. VND", "4,8 Bio.", "VND"),
        ("fr", "le port a traité 5,2 millions d'EVP en 2025", "5,2 millions", "TEU"),
    ],
)
def test_tonnes_cubic_metres_a_day_and_german_billions(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("pl", "W rekrutacji online do klas 1, 6 i 10 złożono wnioski.", ["1", "6", "10"]),
        ("en", "a chatbot on the 1022 hotline answers", ["1022"]),
        ("pl", "system ostrzegania (telefon alarmowy: 114).", ["114"]),
        ("pt", "realizada nesta segunda-feira (17). Estiveram presentes", ["17"]),
        ("de", "Umsetzung der Schlussfolgerung 81 und der Verordnung 13", ["81", "13"]),
        ("pl", "chroni lasy zgodnie z Wnioskiem 81 i Uchwałą 57 oraz dekretem 13", ["81", "57", "13"]),
    ],
)
def test_grades_hotlines_emergency_numbers_weekday_dates_and_documents_are_no_figures(lang, text, raws):
    assert [q.raw for q in read_numbers(text, lang) if q.is_figure] == []
    assert {q.raw for q in read_numbers(text, lang)} >= set(raws)


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("es", "el nivel 2 y 3 personas", "3"),
        ("pl", "oraz 1 046 sesji szkoleniowych dla ponad", "1 046"),
        ("pl", "a 12 tys. punktów handlowych przyjmuje płatności", "12 tys."),
    ],
)
def test_counts_beside_labels_sessions_and_sales_points_stay_counts(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.kind, q.unit) == ("figure", "count")


@pytest.mark.parametrize(
    "lang, text, raw, qualifier",
    [
        ("fr", "Nous sommes classés 1er sur 34 localités", "1", "exact"),
        ("pt", "que Bac Ninh fique entre as 5 províncias líderes do índice", "5", "up_to"),
    ],
)
def test_ranks_after_a_plural_rank_verb_or_before_leading_provinces(lang, text, raw, qualifier):
    q = only(text, lang, raw)
    assert (q.unit, q.qualifier) == ("rank", qualifier)


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("it", "finora la provincia 6 ha raccolto 120 tonnellate", "6", "count"),
        ("it", "il comune 3 ha fatto passi avanti", "3", "count"),
        ("es", "de ellos, 6 ha sido aprobado", "6", "count"),
        ("it", "sono stati piantati 1.200 ha di foresta", "1.200", "hectare"),
        ("it", "1.200 ha piantati a foresta", "1.200", "hectare"),
        ("es", "cubren 35 ha de bosque", "35", "hectare"),
        ("pt", "cobrem 35 ha de floresta", "35", "hectare"),
    ],
)
def test_ha_before_a_past_participle_is_the_verb_not_hectares(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "November, 21/2025 - 08:45", "21"),
        ("pl", "W 11/2025 prowincja wydała podpisy", "11"),
        ("pl", "Infolinia prowincji: 1022", "1022"),
    ],
)
def test_a_day_or_month_before_a_year_and_a_hotline_after_its_label_are_no_figures(lang, text, raw):
    assert raw not in [q.raw for q in read_numbers(text, lang) if q.is_figure]


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("en", "the province finished 38/41 tasks of year 2025", "38", "count"),
        ("en", "Tay Ninh ranked 38/63 provinces in the index", "38", "rank"),
        ("en", "there are still 5 points of environmental pollution", "5", "count"),
        ("fr", "il reste 5 points de pollution", "5", "count"),
        ("en", "the dyke is 1,200 metres long", "1,200", "metre"),
        ("de", "auf etwa 300 Metern hat das Meer", "300", "metre"),
        ("pl", "wał ma 300 metrów", "300", "metre"),
    ],
)
def test_finished_tasks_pollution_points_and_metres(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, raw, value, unit",
    [
        ("fr", "le sel est remonté sur 12-15 km", "12", 12, "km"),
        ("fr", "la ville aura besoin entre 3.500 et 4.000 milliards de dongs", "3.500", 3.5e12, "VND"),
        ("pt", "a água salgada possa avançar entre 40 e 60 km", "40", 40, "km"),
        ("en", "the province will need 1 to 2 million tonnes of rice", "1", 1e6, "tonne"),
        ("es", "fueron 22 objetivos y 19 metas", "22", 22, "count"),
        ("it", "sono stati pari a 118,6 mila miliardi di VND", "118,6 mila miliardi", 1.186e14, "VND"),
    ],
)
def test_the_first_end_of_a_range_takes_the_seconds_scale_and_unit(lang, text, raw, value, unit):
    q = only(text, lang, raw)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("it", "Entro il 2030 Ha Tinh punta a raccogliere il 100% dei rifiuti", "100%", "percent"),
        ("es", "ocupando el 1er lugar en Tierras Altas Centrales", "1", "rank"),
        ("es", "el índice DTI de la provincia se ubicó en 19/63", "19", "rank"),
        ("it", "la provincia ha individuato 46 punti ad alto rischio di frane", "46", "count"),
        ("es", "hay 12 puntos críticos de erosión", "12", "count"),
    ],
)
def test_place_names_spanish_ordinals_and_risk_points(lang, text, raw, unit):
    found = [q for q in read_numbers(text, lang) if q.is_figure]
    assert [q.unit for q in found if q.raw == raw] == [unit]
    assert "2030" not in [q.raw for q in found]


def test_a_french_switchboard_number_is_no_figure():
    assert [
        q.raw
        for q in read_numbers("Le standard 1022 reçoit entre 400 et 500 appels par jour.", "fr")
        if q.is_figure
    ] == ["400", "500"]


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        (
            "en",
            "The province allocated VND 500 billion, of which 300 billion went to data centres.",
            "300 billion",
        ),
        (
            "es",
            "aprobó 1,85 billones de dongs; mientras 410.000 millones financiarán la investigación",
            "410.000 millones",
        ),
        (
            "fr",
            "La province a consacré 1 500 milliards de dongs, dont 900 milliards pour les infrastructures.",
            "900 milliards",
        ),
        ("de", "Die Provinz stellte 640 Mrd. VND bereit, davon 300 Mrd. für Rechenzentren.", "300 Mrd."),
        ("pl", "Prowincja przeznaczyła 1 200 mld VND, z czego 410 mld na projekty.", "410 mld"),
        (
            "it",
            "La provincia ha stanziato 1.500 miliardi di dong, di cui 800 miliardi per i centri dati.",
            "800 miliardi",
        ),
        ("pt", "A província investiu 300 bilhões de VND, dos quais 120 bilhões em fibra.", "120 bilhões"),
    ],
)
def test_a_bare_amount_of_billions_after_money_is_money_in_its_currency(lang, text, raw):
    assert only(text, lang, raw).unit == "VND"


def test_millions_of_people_after_money_stay_counts():
    text = "The province spent VND 500 billion; it has 1.2 million households."
    assert only(text, "en", "1.2 million").unit == "count"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("en", "a 500-hectare high-tech park", "500", "hectare"),
        ("en", "a 12,000-square-metre campus", "12,000", "square metre"),
        ("en", "a 12,000 square metre campus", "12,000", "square metre"),
        ("es", "un edificio de 3.500 metros cuadrados", "3.500", "square metre"),
        ("fr", "un centre de 2 000 mètres carrés", "2 000", "square metre"),
        ("de", "auf 4.000 Quadratmetern", "4.000", "square metre"),
        ("pl", "na 800 m2", "800", "square metre"),
    ],
)
def test_units_written_with_a_hyphen_or_in_square_metres(lang, text, raw, unit):
    q = only(text, lang, raw)
    assert (q.unit, q.kind) == (unit, "figure")


def test_a_code_after_a_hyphen_stays_a_document_number():
    assert only("Resolution 57-NQ/TW", "en", "57").kind == "docnum"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "It came 9th in the 2024 PAR Index and 11th in the same year's PCI.", "11"),
        ("es", "Ocupó el 5.º lugar en el PAR Index y el 7.º en el SIPAS.", "7"),
    ],
)
def test_an_ordinal_after_a_rank_and_a_conjunction_is_the_next_rank(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.kind) == ("rank", "figure")


def test_an_ordinal_with_no_rank_before_stays_an_ordinal():
    assert only("It was the 3rd and 4th time the province hosted it.", "en", "4").kind == "ordinal"


def test_a_currency_read_with_the_amount_before_is_not_the_next_numbers():
    q = only("eine Anlage im Wert von 1.150 Mrd. VND 2026 beginnen solle.", "de", "2026")
    assert q.kind == "year"


@pytest.mark.parametrize(
    "lang, text, raw",
    [("de", "noch im 4. Quartal einen Plan vorlegen", "4"), ("pl", "w 3. kwartale 2025", "3")],
)
def test_the_ordinal_of_a_quarter_is_a_period(lang, text, raw):
    assert only(text, lang, raw).kind == "period"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("it", "hanno movimentato 11,2 milioni di TEU", "11,2 milioni", "TEU"),
        ("pt", "ficou em 21,4 µg/m³", "21,4", "µg/m3"),
    ],
)
def test_container_and_concentration_units(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


def test_the_decimals_of_a_code_are_no_figure():
    assert only("a concentração de partículas PM2.5 ficou alta", "pt", "5").kind == "name"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "The online application rate exceeds 91% in Q3/2025.", "91%"),
        ("pl", "Przychody z usług IT przekroczyły 1 mld USD.", "1 mld"),
        ("it", "Il commercio ha superato i 28,5 miliardi di USD.", "28,5 miliardi"),
        ("de", "Der Umsatz überstieg 2 Mrd. USD.", "2 Mrd."),
        ("es", "La capacidad solar instalada supera ya los 18.500 MW.", "18.500"),
        ("pt", "A área plantada de ginseng ultrapassa 2.300 hectares.", "2.300"),
        ("pt", "O índice de satisfação ultrapassou os 92 %.", "92 %"),
        ("pt", "A receita superou 5 mil milhões de VND.", "5 mil milhões"),
        ("es", "Las exportaciones superó los 3,2 mil millones de USD.", "3,2 mil millones"),
    ],
)
def test_verbs_of_exceeding_are_more_than(lang, text, raw):
    assert only(text, lang, raw).qualifier == "more_than"


@pytest.mark.parametrize(
    "lang, text, raw, kind",
    [
        ("es", "Foto 1: La vicepresidenta habla en la reunión.", "1", "name"),
        ("en", "Photo 2: The new water plant.", "2", "name"),
        ("fr", "fixée par le QCVN 05:2023/BTNMT", "05", "docnum"),
    ],
)
def test_photo_numbers_and_technical_standards_are_no_figures(lang, text, raw, kind):
    assert only(text, lang, raw).kind == kind


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("en", "Điện Biên (33rd, 0.4238 points) came last.", "33", "rank"),
        ("en", "Quang Nam was 3rd at 0.6790 points.", "3", "rank"),
        ("it", "mettendo Tay Ninh tra le 5 principali province del paese", "5", "rank"),
        ("es", "que sumará 120.000 metros cúbicos diarios para 2027", "120.000", "m3/day"),
        ("en", "a capacity of more than 250,000cu.m per day", "250,000", "m3/day"),
        ("pt", "em ligação com 38 pontos nas comunas", "38", "count"),
    ],
)
def test_ranks_by_their_score_and_cubic_metres_in_words(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


def test_an_ordinal_with_no_score_after_it_stays_an_ordinal():
    assert only("the 3rd conference drew 500 people", "en", "3").kind == "ordinal"


def test_a_telephone_number_all_in_brackets_is_no_figure():
    assert {q.kind for q in read_numbers("eine Hotline eingerichtet (0236 3 888 100).", "de")} == {"name"}


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("pl", "miasto przeznaczyło 1,2 tys. mld VND na infrastrukturę", "1,2 tys. mld", 1.2e12),
        ("en", "exports reached 1.5 thousand billion dong", "1.5 thousand billion", 1.5e12),
        ("pt", "capital de cerca de 1,12 mil milhões de USD", "1,12 mil milhões", 1.12e9),
        ("en", "5 million thousand-year-old trees", "5 million", 5e6),
    ],
)
def test_a_larger_scale_word_after_a_scale_word_multiplies_it(lang, text, raw, value):
    assert only(text, lang, raw).value == pytest.approx(value)


@pytest.mark.parametrize(
    "lang, text, ranks",
    [
        ("fr", "les anciennes provinces occupaient respectivement les 41e et 27e places", ["41", "27"]),
        ("en", "the two provinces came 12th and 30th places in the index", ["12", "30"]),
        ("es", "las provincias ocuparon los puestos 5.º y 9.º del índice", ["5", "9"]),
        ("de", "die Provinzen belegten die Plätze 4. und 9. im Ranking", ["4", "9"]),
        ("en", "in the innovation index we were 5th out of 34", ["5", "34"]),
        ("it", "la provincia era 6ª su 34 nel 2024", ["6", "34"]),
    ],
)
def test_ordinals_joined_to_a_rank_after_a_plural_place_word_or_before_a_field_are_ranks(lang, text, ranks):
    found = [q for q in read_numbers(text, lang) if q.is_figure and q.unit == "rank"]
    assert [q.raw.rstrip("e.ºªthd") for q in found] == [r for r in ranks if r != "34"]


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("it", "Phu Tho, 18/10 – Mattina 18/10, il Comitato ha tenuto la conferenza", ["18", "10"]),
        ("en", "HUE, 14/11 - The city opened its data centre", ["14", "11"]),
        ("de", "für die Phase 2 des Projekts", ["2"]),
        ("en", "78.5% of citizens aged 14 and over", ["14"]),
        ("pl", "system działa 24/7 i obejmuje", ["24", "7"]),
        ("it", "[1/6] Compagno Ha Quang Tuyen visita lo stand", ["1", "6"]),
    ],
)
def test_datelines_phases_ages_round_the_clock_and_gallery_counters_are_no_figures(lang, text, raws):
    found = read_numbers(text, lang)
    assert {q.raw for q in found} >= set(raws)
    assert [q.raw for q in found if q.is_figure and q.raw in raws] == []


def test_a_ratio_in_brackets_stays_two_figures():
    assert [q.raw for q in read_numbers("completed 24 of 25 tasks (24/25).", "en") if q.is_figure][2:] == [
        "24",
        "25",
    ]


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("it", "entro 2030 entrare nel gruppo delle prime 15 province", "15"),
        ("es", "aspira a estar entre las primeras 10 provincias del país", "10"),
        ("fr", "figurer parmi les premières 10 provinces du pays", "10"),
    ],
)
def test_the_first_n_provinces_is_a_rank_at_most_n(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.qualifier) == ("rank", "up_to")


def test_the_first_n_of_other_things_is_a_count():
    assert only("le prime 3 aziende hanno investito", "it", "3").unit == "count"


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("en", "Workers check a wastewater station at Nhơn Trạch 3 Industrial Park.", "3"),
        ("en", "31 industrial parks, from Bien Hoa 1 to the new parks near the airport", "1"),
        ("pt", "um complexo no parque industrial Nhon Trach 3, com previsão de gerar", "3"),
    ],
)
def test_the_number_of_a_facility_named_after_a_place_is_part_of_its_name(lang, text, raw):
    assert only(text, lang, raw).kind == "name"


def test_a_count_after_a_place_in_a_list_stays_a_figure():
    assert only("En Bac Lieu 12, Soc Trang 18 cooperativas participan.", "es", "18").is_figure


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("pt", "Em reunião realizada na manhã do dia 20, o senhor secretário falou", "20"),
        ("pt", "2.1. Estratégia de transformação digital", "2.1"),
        ("pt", "1. A província concluiu as tarefas", "1"),
        ("es", "de la Resolución 57 (Resolution 57)", "57"),
        ("es", "la línea directa 0297 3 866 000 o el número 1022.", "1022"),
        ("it", "lungo la Strada nazionale 9 verso il confine", "9"),
        ("en", "Container ships at the gateway port, berths 3 and 4.", "4"),
    ],
)
def test_days_of_the_month_list_numbers_english_documents_numbers_roads_and_berths_are_no_figures(
    lang, text, raw
):
    assert not only(text, lang, raw).is_figure


def test_a_salinity_in_grams_per_litre_is_read_in_its_unit():
    assert only("una concentrazione di 4 grammi per litro potrebbe penetrare", "it", "4").unit == "g/l"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        (
            "pt",
            "A província gera cerca de 3.900 toneladas de resíduos sólidos domésticos por dia.",
            "3.900",
            "tonne/day",
        ),
        ("pl", "Na wyspie powstaje dziś około 480 ton odpadów stałych dziennie.", "480", "tonne/day"),
        ("en", "The city generates about 450 tonnes of household waste a day.", "450", "tonne/day"),
        ("fr", "La ville traite plus de 40 000 m3 d'eaux usées par jour.", "40 000", "m3/day"),
        ("en", "The plant treats 820 tons/day of waste.", "820", "tonne/day"),
        ("pt", "O complexo recebe entre 1.000 e 1.200 toneladas/dia.", "1.000", "tonne/day"),
        ("es", "Genera entre 1.450 y 1.600 toneladas de residuos sólidos al día.", "1.450", "tonne/day"),
        ("en", "It exported 500 tonnes of coffee in 2025, a day after the fair.", "500", "tonne"),
        ("en", "The province harvested 1.2 million tonnes of rice last year.", "1.2 million", "tonne"),
    ],
)
def test_a_daily_rate_written_after_what_it_counts_is_per_day(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text, bounds",
    [
        ("en", "accounting for 25–30 per cent of GRDP", [("25", "more_than"), ("30 per cent", "up_to")]),
        ("en", "paid VND 400,000-500,000 per hectare", [("400,000", "more_than"), ("500,000", "up_to")]),
        (
            "es",
            "genera entre 1.450 y 1.600 toneladas de residuos",
            [("1.450", "more_than"), ("1.600", "up_to")],
        ),
        ("pt", "recebe entre 1.000 e 1.200 toneladas", [("1.000", "more_than"), ("1.200", "up_to")]),
        ("de", "liegt zwischen 25 und 30 Prozent", [("25", "more_than"), ("30 Prozent", "up_to")]),
        ("de", "die Emissionen um 30 bis 40 Prozent senken", [("30", "more_than"), ("40 Prozent", "up_to")]),
        ("it", "dovrebbe crescere tra il 15 e il 20% all'anno", [("15", "more_than"), ("20%", "up_to")]),
        ("de", "ein Wachstum von 10 bis 11 Prozent", [("10", "exact"), ("11 Prozent", "exact")]),
        ("fr", "le projet réduit de 9 à 4 les critères", [("9", "exact"), ("4", "exact")]),
        ("en", "rose from 20 to 25 percent", [("20", "exact"), ("25 percent", "exact")]),
        ("en", "Hai Phong has 12 and Da Nang 15 parks", [("12", "exact"), ("15", "exact")]),
    ],
)
def test_the_ends_of_a_range_are_its_bounds(lang, text, bounds):
    assert [(raw, only(text, lang, raw).qualifier) for raw, _ in bounds] == bounds


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("de", "Am Ende stehen Dien Bien (33.) und Lai Chau (34.) mit 27,08 Punkten.", ["33", "34"]),
        ("en", "At the bottom are Dien Bien (33rd) and Lai Chau (34th).", ["33", "34"]),
        ("de", "Hai Phong und Da Nang belegen die Plätze 4 und 5.", ["4", "5"]),
        ("es", "Hai Phong y Da Nang ocupan los puestos 4 y 5.", ["4", "5"]),
    ],
)
def test_ordinals_alone_in_brackets_and_the_second_of_two_places_are_ranks(lang, text, raws):
    assert [only(text, lang, raw).unit for raw in raws] == ["rank", "rank"]


def test_a_count_after_a_rank_and_a_conjunction_stays_a_count():
    assert only("Hanoi ranked 5th and 12 provinces improved.", "en", "12").unit == "count"


@pytest.mark.parametrize(
    "lang, text, raw, unit",
    [
        ("de", "Dien Bien und Lai Chau folgen mit 27,08 bzw. 25,61 Punkten.", "27,08", "points"),
        ("pt", "Mais de 350 pontos turísticos já dispõem de códigos QR.", "350", "count"),
        ("fr", "Plus de 120 points d'intérêt sont équipés de bornes.", "120", "count"),
    ],
)
def test_respectively_shares_the_unit_and_tourist_points_are_places(lang, text, raw, unit):
    assert only(text, lang, raw).unit == unit


@pytest.mark.parametrize(
    "lang, text",
    [("es", "acelerar la línea de 500 kV que atraviesa la provincia"), ("en", "the 500 kV line")],
)
def test_a_voltage_class_is_part_of_a_lines_name(lang, text):
    assert not only(text, lang, "500").is_figure


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Línea directa: (+84) 24 3941 1349 | Correo: espanol@vnanet.vn"),
        ("en", "Tel: +84 (0)24 3941 1349"),
        ("it", "produce benzina conforme allo standard Euro 5 e ha rinnovato la certificazione ISO 14001"),
        ("pt", "Os terminais 3 e 4 de Lach Huyen foram ampliados."),
        ("en", "in line with Regulation (EU) 2023/1115 on deforestation-free products"),
        ("en", "the dump at Km 6 in Cam Pha has become a pine hill"),
        ("fr", "le tronçon du Km 15 au Km 27 de la route"),
    ],
)
def test_international_phones_standards_terminals_and_regulations_are_no_figures(lang, text):
    assert not [q.raw for q in read_numbers(text, lang) if q.is_figure]


def test_a_plus_before_a_growth_is_no_phone():
    assert only("growth of +8 percent and +12 points in 2025", "en", "12").is_figure


@pytest.mark.parametrize(
    "text, raw, value, qualifier",
    [
        ("el presupuesto asignó este año mil 250 millones de dongs", "mil 250 millones", 1.25e9, "exact"),
        ("invirtió más de 3 mil 500 millones de dólares", "3 mil 500 millones", 3.5e9, "more_than"),
        ("Más de 250 millones de dongs", "250 millones", 2.5e8, "more_than"),
    ],
)
def test_thousands_written_before_millions_in_latin_american_spanish(text, raw, value, qualifier):
    q = only(text, "es", raw)
    assert (q.value, q.qualifier) == (value, qualifier)


@pytest.mark.parametrize("raw, unit", [("2.140", "GWh"), ("300", "MWh")])
def test_energy_in_gigawatt_and_megawatt_hours(raw, unit):
    text = "speisten die Anlagen mehr als 2.140 GWh ein und Batteriespeicher mit bis zu 300 MWh."
    assert only(text, "de", raw).unit == unit


def test_a_ranges_first_end_with_a_scale_takes_the_second_ends_currency():
    assert only("rende tra 800 milioni e 1,5 miliardi di dong", "it", "800 milioni").unit == "VND"


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("pl", "Burza uderzyła w nocy z 28 na 29 września w prowincję.", ["28", "29"]),
        ("pl", "w dniach 28-29 września", ["28", "29"]),
        ("fr", "dans la nuit du 28 au 29 septembre", ["28", "29"]),
        ("en", "on 28 and 29 September", ["28", "29"]),
    ],
)
def test_a_span_of_days_before_a_month_is_a_date(lang, text, raws):
    assert [only(text, lang, raw).kind for raw in raws] == ["date", "date"]


def test_a_count_before_a_date_stays_a_figure():
    assert only("12 villages and 29 September", "en", "12").is_figure


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("fr", "Hanoï, 1re sur 34 provinces et villes, devance Da Nang.", "1"),
        ("fr", "Gia Lai reste 29e au classement DTI.", "29"),
    ],
)
def test_french_first_and_a_rank_in_the_ranking(lang, text, raw):
    assert only(text, lang, raw).unit == "rank"


@pytest.mark.parametrize(
    "lang, text, raw, value",
    [
        ("en", "Non-cash payments hit VND1.8 quadrillion.", "1.8 quadrillion", 1.8e15),
        ("es", "unos 3 mil billones de dongs", "3 mil billones", 3e15),
    ],
)
def test_a_thousand_trillion(lang, text, raw, value):
    assert only(text, lang, raw).value == value


def test_a_ring_roads_number_is_part_of_its_name():
    assert not only("accelerare i lavori sulla tangenziale 4 e sulla strada", "it", "4").is_figure


def test_wifi_points_are_counted_not_scored():
    assert only("foram instalados 120 pontos de wi-fi gratuito", "pt", "120").unit == "count"


@pytest.mark.parametrize(
    "lang, text, raws",
    [
        ("pt", "uma via exclusiva entre os marcos 1119 e 1120 da fronteira", ["1119", "1120"]),
        ("fr", "dont les postes 3 et 4 du port international", ["3", "4"]),
        ("es", "sin contar la central térmica Vung Ang 1.", ["1"]),
        ("it", "Il parco eolico Chu Prong 2 visto dall'alto.", ["2"]),
        ("de", "die Umsetzung des Dekrets 13/2023/ND-CP. Bis 2030", ["13"]),
    ],
)
def test_border_markers_berths_plants_and_decree_numbers_are_names(lang, text, raws):
    assert not any(only(text, lang, raw).is_figure for raw in raws)


def test_a_count_of_jobs_is_still_a_figure():
    assert only("la province compte 1 200 postes de travail", "fr", "1 200").is_figure


def test_a_steel_complex_named_by_number_is_no_figure():
    assert not only("led by the Hoa Phat Dung Quat 2 steel complex, which grew", "en", "2").is_figure


@pytest.mark.parametrize(
    "lang, text",
    [
        ("pt", "o programa “1 comuna, 1 produto” reúne as empresas"),
        ("de", "Im Rahmen des Programms „1 Milliarde grüne Bäume“ wurden Bäume gepflanzt"),
        ("pt", "ao longo da Rodovia Nacional 1 até a fronteira"),
        (
            "de",
            "Im Rahmen des nationalen Projekts „1 Million Hektar hochwertiger, emissionsarmer Reis“ wurde",
        ),
        ("es", "pidió acelerar la Ruta Nacional 51 y el Cinturón 3"),
        ("es", "las quejas se reciben a través de la centralita 1022"),
        ("de", "Allein über Mộc Bài, an der Nationalstraße 22, lief der Handel"),
    ],
)
def test_numbers_in_a_programmes_short_quoted_name_or_a_road_are_no_figures(lang, text):
    assert not [q.raw for q in read_numbers(text, lang) if q.is_figure]


def test_the_field_after_a_ranks_slash_is_a_count():
    assert [(q.raw, q.unit) for q in read_numbers("ranked 29th/63 provinces", "en") if q.is_figure] == [
        ("29", "rank"),
        ("63", "count"),
    ]


@pytest.mark.parametrize(
    "lang, text, raw",
    [
        ("pt", "Da Nang quer estar entre os 3 principais polos de semicondutores do país.", "3"),
        ("en", "The port is among the 3 major gateways of the north.", "3"),
    ],
)
def test_among_the_n_main_ones_is_a_rank_at_most_n(lang, text, raw):
    q = only(text, lang, raw)
    assert (q.unit, q.qualifier) == ("rank", "up_to")


def test_a_count_after_mis_en_place_is_no_rank():
    assert only("La province a mis en place 1 250 équipes technologiques.", "fr", "1 250").unit == "count"


def test_rozo_is_approx():
    assert only("la recaudación rozó los 62,3 billones de dongs", "es", "62,3 billones").qualifier == "approx"


def test_sous_les_is_less_than():
    assert only("ramener ce taux sous les 10 % d'ici 2030", "fr", "10 %").qualifier == "less_than"


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi ranked 123rd among the world's cities, while Ho Chi Minh City stayed at 110th.",
        "The province remained 5th in the PAR Index.",
    ],
)
def test_an_ordinal_after_a_verb_of_staying_is_a_rank(text):
    assert [q.unit for q in read_numbers(text, "en") if q.is_figure][-1] == "rank"


def test_a_short_quotation_someone_said_holds_figures():
    text = "La province progresse. « Nous visons le 3e rang d'ici 2030 », a-t-elle déclaré."
    assert only(text, "fr", "3").is_figure


def test_numbers_in_a_long_quotation_are_figures():
    text = "He said: “We reached 95% of villages this year and will do more, as the province planned.”"
    assert only(text, "en", "95%").is_figure


@pytest.mark.parametrize(
    "text, first, value",
    [
        ("turnover of US$1.8-2 billion in 2025", "1.8", 1.8e9),
        ("sell a kilo of premium tea for VND 400,000 to 1.2 million", "400,000", 4e5),
        ("grew 1.8-2 percent", "1.8", 1.8),
    ],
)
def test_a_ranges_first_end_after_a_currency_takes_the_scale_it_lacks(text, first, value):
    assert only(text, "en", first).value == value


def test_a_day_and_month_with_two_marks_alike_are_a_date_and_unalike_a_range():
    assert only("on 02/07/2025 the", "en", "07").kind == "date"
    assert only("grew 1.8-2 percent", "en", "2 percent").is_figure
