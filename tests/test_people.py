"""People: names, titles, role keys, gender and level, per language (hand-made sentences)."""

from __future__ import annotations

import pytest

from toolkit.model import Document, Segment
from toolkit.people import MAX_QUOTE_CHARS, extract_people


def make_doc(parts, lang: str, province: str = "Cao Bằng", doc_id: str = "t") -> Document:
    """A document from (kind, text) parts, one segment per part, joined by new lines."""
    if isinstance(parts, str):
        parts = [("body", parts)]
    text, segments = "", []
    for kind, part in parts:
        segments.append(Segment(kind, len(text), len(text) + len(part)))
        text += part + "\n"
    return Document(doc_id, "", text=text, segments=segments, language=lang, province=province)


def people(parts, lang: str, province: str = "Cao Bằng") -> dict[str, dict]:
    return {r["name"]: r for r in extract_people(make_doc(parts, lang, province))}


# --- the name after an honorific, titles after it -------------------------------------------

AFTER_HONORIFIC = [
    (
        "es",
        "Asistió el camarada Nguyen Van Hung, secretario del Comité Provincial del Partido, presidente del Consejo Popular Provincial.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "fr",
        "Était présent le camarade Nguyen Van Hung, secrétaire du Comité provincial du Parti, président du Conseil populaire provincial.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "pl",
        "Obecny był towarzysz Nguyen Van Hung, sekretarz Prowincjonalnego Komitetu Partii, przewodniczący Prowincjonalnej Rady Ludowej.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "pt",
        "Esteve presente o camarada Nguyen Van Hung, secretário do Comitê Provincial do Partido, presidente do Conselho Popular Provincial.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "en",
        "Attending was comrade Nguyen Van Hung, Secretary of the Provincial Party Committee, Chairman of the Provincial People's Council.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "de",
        "Anwesend war Genosse Nguyen Van Hung, Sekretär des Provinzparteikomitees, Vorsitzender des Provinzvolksrates.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
    (
        "it",
        "Era presente il compagno Nguyen Van Hung, segretario del Comitato provinciale del Partito, presidente del Consiglio popolare provinciale.",
        "Nguyen Van Hung",
        "party_secretary;peoples_council_chair",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "keys"), AFTER_HONORIFIC)
def test_name_after_honorific_with_titles_after(lang, text, name, keys):
    found = people(text, lang)
    assert list(found) == [name]
    row = found[name]
    assert row["role_keys"] == keys
    assert row["level"] == "provincial"
    assert row["province"] == "Cao Bằng"
    assert row["gender"] == "m"


@pytest.mark.parametrize(("lang", "text", "name", "keys"), AFTER_HONORIFIC)
def test_offsets_and_quote_point_at_the_name(lang, text, name, keys):
    doc = make_doc(text, lang)
    (row,) = extract_people(doc)
    assert doc.text[row["start"] : row["end"]] == row["name"] == name
    assert name in row["quote"]
    assert row["language"] == lang


# --- the name after its titles ----------------------------------------------------------------

TITLE_BEFORE = [
    (
        "es",
        "Al concluir, el vicepresidente del Comité Popular Provincial Tran Thi Mai destacó los avances.",
        "Tran Thi Mai",
        "peoples_committee_vice_chair",
    ),
    (
        "es",
        "Asistieron el primer ministro Pham Van Dong y otros dirigentes.",
        "Pham Van Dong",
        "prime_minister",
    ),
    (
        "fr",
        "Le directeur du Département des sciences et technologies Tran Van Binh a pris la parole.",
        "Tran Van Binh",
        "department_director",
    ),
    (
        "pl",
        "Na spotkaniu przemawiał zastępca przewodniczącego Prowincjonalnego Komitetu Ludowego Tran Van Binh.",
        "Tran Van Binh",
        "peoples_committee_vice_chair",
    ),
    (
        "pt",
        "O vice-presidente do Comitê Popular Provincial Tran Van Binh apresentou o relatório.",
        "Tran Van Binh",
        "peoples_committee_vice_chair",
    ),
    (
        "en",
        "Deputy Minister of Science and Technology Bui The Duy spoke at the event.",
        "Bui The Duy",
        "deputy_minister",
    ),
    (
        "de",
        "Der stellvertretende Vorsitzende des Provinzvolkskomitees Tran Van Binh sprach.",
        "Tran Van Binh",
        "peoples_committee_vice_chair",
    ),
    (
        "it",
        "Il vicepresidente del Comitato popolare provinciale Tran Van Binh ha parlato.",
        "Tran Van Binh",
        "peoples_committee_vice_chair",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "keys"), TITLE_BEFORE)
def test_name_after_its_title(lang, text, name, keys):
    found = people(text, lang)
    assert list(found) == [name]
    assert found[name]["role_keys"] == keys


APPOSITIVE = [
    (
        "es",
        "En su intervención, la subsecretaria del Comité Provincial del Partido, Le Thi Lan, agradeció el apoyo.",
        "Le Thi Lan",
        "party_deputy_secretary",
        "f",
    ),
    (
        "pl",
        "Przemawiając na konferencji, stała zastępczyni sekretarza Prowincjonalnego Komitetu Partii, Le Thi Lan, podziękowała.",
        "Le Thi Lan",
        "party_permanent_deputy_secretary",
        "f",
    ),
    (
        "en",
        "Speaking at the event, Chairwoman of the Provincial People's Committee, Le Thi Lan, thanked the delegation.",
        "Le Thi Lan",
        "peoples_committee_chair",
        "f",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "keys", "gender"), APPOSITIVE)
def test_name_between_commas_after_its_title(lang, text, name, keys, gender):
    found = people(text, lang)
    assert list(found) == [name]
    assert (found[name]["role_keys"], found[name]["gender"]) == (keys, gender)


HONORIFIC_TITLE_NAME = [
    (
        "es",
        "Al concluir, el camarada miembro del Comité Central del Partido, subjefe de la Comisión Central de Propaganda y Movilización de Masas Dinh Van Tuan reconoció el esfuerzo.",
    ),
    (
        "fr",
        "En clôture, le camarade membre du Comité central du Parti, chef adjoint de la Commission centrale de propagande et de mobilisation de masse Dinh Van Tuan a salué les efforts.",
    ),
    (
        "en",
        "Closing the session, comrade member of the Party Central Committee, Deputy Head of the Central Propaganda and Mass Mobilisation Commission Dinh Van Tuan praised the province.",
    ),
    (
        "pt",
        "No encerramento, o camarada membro do Comitê Central do Partido, vice-chefe da Comissão Central de Propaganda e Mobilização de Massas Dinh Van Tuan elogiou a província.",
    ),
    (
        "it",
        "In chiusura, il compagno membro del Comitato centrale del Partito, vice capo della Commissione centrale per la propaganda e la mobilitazione di massa Dinh Van Tuan ha elogiato la provincia.",
    ),
    (
        "de",
        "Zum Abschluss lobte Genosse Mitglied des Zentralkomitees der Partei, stellvertretender Leiter der Zentralen Kommission für Propaganda und Massenmobilisierung Dinh Van Tuan die Provinz.",
    ),
    (
        "pl",
        "Na zakończenie towarzysz członek Komitetu Centralnego Partii, zastępca szefa Centralnej Komisji Propagandy i Mobilizacji Masowej Dinh Van Tuan pochwalił prowincję.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), HONORIFIC_TITLE_NAME)
def test_titles_between_honorific_and_name(lang, text):
    found = people(text, lang)
    assert list(found) == ["Dinh Van Tuan"]
    row = found["Dinh Van Tuan"]
    assert row["role_keys"] == "central_committee_member;central_commission_deputy_head"
    assert (row["level"], row["province"]) == ("central", "")


# --- enumerations -----------------------------------------------------------------------------

ENUMERATIONS = [
    (
        "es",
        "Asistieron los camaradas: Nguyen Van An, subsecretario del Comité Provincial del Partido; Tran Thi Binh, presidenta del Comité Provincial del Frente de la Patria; Le Van Cuong, director del Departamento de Finanzas.",
    ),
    (
        "fr",
        "Étaient présents les camarades : Nguyen Van An, secrétaire adjoint du Comité provincial du Parti ; Tran Thi Binh, présidente du Comité provincial du Front de la Patrie ; Le Van Cuong, directeur du Département des finances.",
    ),
    (
        "pl",
        "W spotkaniu uczestniczyli towarzysze: Nguyen Van An, zastępca sekretarza Prowincjonalnego Komitetu Partii; Tran Thi Binh, przewodnicząca Prowincjonalnego Komitetu Frontu Ojczyzny; Le Van Cuong, dyrektor Departamentu Finansów.",
    ),
    (
        "pt",
        "Estiveram presentes os camaradas: Nguyen Van An, vice-secretário do Comitê Provincial do Partido; Tran Thi Binh, presidenta do Comitê Provincial da Frente da Pátria; Le Van Cuong, diretor do Departamento de Finanças.",
    ),
    (
        "en",
        "Attending were comrades: Nguyen Van An, Deputy Secretary of the Provincial Party Committee; Tran Thi Binh, Chairwoman of the Provincial Fatherland Front Committee; Le Van Cuong, Director of the Department of Finance.",
    ),
    (
        "de",
        "Anwesend waren die Genossen: Nguyen Van An, stellvertretender Sekretär des Provinzparteikomitees; Tran Thi Binh, Vorsitzende der Vaterländischen Front der Provinz; Le Van Cuong, Direktor des Finanzamtes der Provinz.",
    ),
    (
        "it",
        "Erano presenti i compagni: Nguyen Van An, vice segretario del Comitato provinciale del Partito; Tran Thi Binh, presidentessa del Comitato provinciale del Fronte della Patria; Le Van Cuong, direttore del Dipartimento delle finanze.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ENUMERATIONS)
def test_enumeration_after_plural_honorific(lang, text):
    found = people(text, lang)
    assert list(found) == ["Nguyen Van An", "Tran Thi Binh", "Le Van Cuong"]
    assert [r["role_keys"] for r in found.values()] == [
        "party_deputy_secretary",
        "fatherland_front_chair",
        "department_director",
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Asistieron los camaradas Nguyen Van An, Tran Van Binh y Le Van Cuong."),
        ("fr", "Étaient présents les camarades Nguyen Van An, Tran Van Binh et Le Van Cuong."),
        ("pl", "Obecni byli towarzysze Nguyen Van An, Tran Van Binh i Le Van Cuong."),
        ("pt", "Estiveram presentes os camaradas Nguyen Van An, Tran Van Binh e Le Van Cuong."),
        ("en", "Present were comrades Nguyen Van An, Tran Van Binh and Le Van Cuong."),
        ("de", "Anwesend waren die Genossen Nguyen Van An, Tran Van Binh und Le Van Cuong."),
        ("it", "Erano presenti i compagni Nguyen Van An, Tran Van Binh e Le Van Cuong."),
    ],
)
def test_enumeration_of_names_without_titles(lang, text):
    assert list(people(text, lang)) == ["Nguyen Van An", "Tran Van Binh", "Le Van Cuong"]


# --- captions, bylines, credits ---------------------------------------------------------------

CAPTIONS = [
    (
        "es",
        "Camarada Hoang Van Nam, jefe de la Comisión de Organización del Comité Provincial del Partido, habla en la reunión",
    ),
    (
        "fr",
        "Camarade Hoang Van Nam, chef de la Commission d'organisation du Comité provincial du Parti, prend la parole",
    ),
    (
        "pl",
        "Towarzysz Hoang Van Nam, szef Komisji Organizacyjnej Prowincjonalnego Komitetu Partii, przemawia na spotkaniu",
    ),
    (
        "pt",
        "Camarada Hoang Van Nam, chefe da Comissão de Organização do Comitê Provincial do Partido, discursa na reunião",
    ),
    (
        "en",
        "Comrade Hoang Van Nam, Head of the Organisation Commission of the Provincial Party Committee, speaks at the meeting",
    ),
    (
        "de",
        "Genosse Hoang Van Nam, Leiter der Organisationskommission des Provinzparteikomitees, spricht auf der Sitzung",
    ),
    (
        "it",
        "Il compagno Hoang Van Nam, capo della Commissione organizzativa del Comitato provinciale del Partito, interviene",
    ),
]


@pytest.mark.parametrize(("lang", "caption"), CAPTIONS)
def test_caption_names_an_official(lang, caption):
    found = people([("body", "Texto."), ("caption", caption)], lang)
    assert found["Hoang Van Nam"]["role_keys"] == "provincial_commission_head"


BYLINES = [
    ("es", "Texto y fotos: Minh Duc", "Minh Duc", "Texto y fotos"),
    ("fr", "Texte et photos : Minh Duc", "Minh Duc", "Texte et photos"),
    ("pl", "Wiadomości i zdjęcia: Duy Tuan", "Duy Tuan", "Wiadomości i zdjęcia"),
    ("pt", "Texto e fotos: Minh Duc", "Minh Duc", "Texto e fotos"),
    ("en", "Text and photos: Minh Duc", "Minh Duc", "Text and photos"),
    ("de", "Text und Fotos: Minh Duc", "Minh Duc", "Text und Fotos"),
    ("it", "Testo e foto: Minh Duc", "Minh Duc", "Testo e foto"),
    ("es", "Trong Nghia", "Trong Nghia", ""),
]


@pytest.mark.parametrize(("lang", "byline", "name", "label"), BYLINES)
def test_byline_is_press(lang, byline, name, label):
    found = people([("body", "Texto."), ("byline", byline)], lang)
    assert list(found) == [name]
    row = found[name]
    assert (row["role_keys"], row["level"], row["province"], row["role"]) == ("author", "press", "", label)


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("es", "El presidente visitó la obra. Foto: NGUYEN VAN AN"),
        ("fr", "Le président a visité le chantier. Photo : NGUYEN VAN AN"),
        ("pl", "Przewodniczący odwiedził budowę. Zdjęcie: NGUYEN VAN AN"),
        ("pt", "O presidente visitou a obra. Foto: NGUYEN VAN AN"),
        ("en", "The chairman visited the site. Photo: NGUYEN VAN AN"),
        ("de", "Der Vorsitzende besuchte die Baustelle. Foto: NGUYEN VAN AN"),
        ("it", "Il presidente ha visitato il cantiere. Foto: NGUYEN VAN AN"),
    ],
)
def test_photo_credit_in_capitals_is_press(lang, caption):
    found = people([("body", "Texto."), ("caption", caption)], lang)
    assert list(found) == ["NGUYEN VAN AN"]
    assert found["NGUYEN VAN AN"]["level"] == "press"


@pytest.mark.parametrize("lang", ["es", "fr", "pl", "pt", "en", "de", "it"])
@pytest.mark.parametrize("credit", ["Foto: VNA", "Photo: VNA", "Zdjęcie: TTXVN", "Foto: Xinhua"])
def test_news_agency_is_not_a_person(lang, credit):
    assert people([("body", "Texto."), ("caption", f"La reunión. {credit}")], lang) == {}


# --- what is not a person ---------------------------------------------------------------------

NOT_PEOPLE = [
    ("es", "El camarada visitó la provincia de Cao Bang y Hai Phong, y la cooperación con Guangxi (China)."),
    ("es", "La plataforma Ciudadano Digital y el Grupo Viettel firmaron con la Fundación Vingroup."),
    ("es", "El Secretario General pidió a las provincias acelerar las tareas."),
    ("es", "El Sr. Nguyen Van Tam, residente de la comuna, perdió su casa en la inundación."),
    ("fr", "Le camarade a visité la province de Lao Cai et la ville de Hanoï, puis le groupe Viettel."),
    ("fr", "M. Nguyen Van Tam, habitant du village, a perdu sa maison dans les inondations."),
    ("pl", "Delegacja odwiedziła prowincję Tuyen Quang oraz Ha Giang i firmę Viettel."),
    ("pl", "Pan Nguyen Van Tam, mieszkaniec wsi, stracił dom podczas powodzi."),
    ("pt", "A delegação visitou a província de Ca Mau e a cidade de Can Tho com o Grupo Viettel."),
    ("pt", "O Sr. Nguyen Van Tam, morador da comuna, perdeu a casa na enchente."),
    ("en", "The delegation visited Cao Bang province, Hai Phong city and the Viettel Group."),
    ("en", "Mr Nguyen Van Tam, a villager in the commune, lost his house in the flood."),
    ("en", "Mr Nguyen Van Tam, director of the Hoa Phat company, signed the contract."),
    ("de", "Die Delegation besuchte die Provinz Cao Bang und die Stadt Hai Phong sowie Viettel."),
    ("de", "Herr Nguyen Van Tam, Einwohner des Dorfes, verlor sein Haus beim Hochwasser."),
    ("it", "La delegazione ha visitato la provincia di Cao Bang e la città di Hai Phong e Viettel."),
    ("it", "Il signor Nguyen Van Tam, abitante del villaggio, ha perso la casa nell'alluvione."),
    ("es", "La Pagoda Vinh Nghiem y la calle Hang Ma atraen turistas a Viet Nam."),
    ("es", "El Congreso del Partido del Barrio Hoa Thanh se organizó de forma digital."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PEOPLE)
def test_not_people(lang, text):
    assert people(text, lang) == {}


@pytest.mark.parametrize("lang", ["es", "fr", "pl", "pt", "en", "de", "it"])
def test_empty_or_nameless_text_gives_no_people(lang):
    assert people("", lang) == {}
    assert people("Nada aquí. 123 456.", lang) == {}


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["To Lam", "Y Thanh Ha Nie Kdam", "Hau A Lenh", "Nguyễn Văn Quyết", "Lê Thị Kim Dung", "Đặng Hồng Sỹ"],
)
def test_vietnamese_names_of_two_to_five_words(name):
    text = f"Asistió el camarada {name}, secretario del Comité Provincial del Partido."
    assert list(people(text, "es")) == [name]


# --- gender -----------------------------------------------------------------------------------

GENDER = [
    ("es", "Asistió la Sra. Pham Thi Hoa, directora del Departamento de Salud.", "f"),
    ("es", "Asistió el camarada Pham Thi Hoa, subsecretaria del Comité Provincial del Partido.", "f"),
    ("es", "Asistió el Sr. Pham Van Hoa, director del Departamento de Salud.", "m"),
    ("fr", "Était présente Mme Pham Thi Hoa, directrice du Département de la santé.", "f"),
    ("pl", "Obecna była towarzyszka Pham Thi Hoa, dyrektor Departamentu Zdrowia.", "f"),
    ("pl", "Obecny był towarzysz Pham Van Hoa, dyrektor Departamentu Zdrowia.", "m"),
    ("pt", "Esteve presente a Sra. Pham Thi Hoa, diretora do Departamento de Saúde.", "f"),
    ("en", "Ms Pham Thi Hoa, Director of the Department of Health, attended.", "f"),
    ("en", "Mr Pham Van Hoa, Director of the Department of Health, attended.", "m"),
    ("de", "Anwesend war Genossin Pham Thi Hoa, Direktorin des Gesundheitsamtes.", "f"),
    ("it", "Era presente la compagna Pham Thi Hoa, direttrice del Dipartimento della sanità.", "f"),
]


@pytest.mark.parametrize(("lang", "text", "gender"), GENDER)
def test_gender_where_the_text_marks_it(lang, text, gender):
    (row,) = people(text, lang).values()
    assert row["gender"] == gender


def test_explicit_feminine_mark_wins_over_a_masculine_default():
    text = "Asistió el camarada Pham Thi Hoa, subsecretaria del Comité Provincial del Partido, presidente del Consejo Popular."
    assert people(text, "es")["Pham Thi Hoa"]["gender"] == "f"


# --- province ---------------------------------------------------------------------------------


def test_province_named_in_the_title_wins_over_the_article_province():
    text = "Asistió el Sr. Nguyen Van Hai, secretario del Comité Provincial del Partido de Ca Mau."
    assert people(text, "es", province="Cao Bằng")["Nguyen Van Hai"]["province"] == "Cà Mau"


def test_commune_official_is_provincial_with_key_other():
    text = "Intervino el camarada Tran Van Lo, presidente del Comité Popular de la comuna Hoa Thanh."
    row = people(text, "es", province="Cà Mau")["Tran Van Lo"]
    assert (row["role_keys"], row["level"], row["province"]) == ("other", "provincial", "Cà Mau")


def test_one_row_per_person_however_often_named():
    text = (
        "Asistió el camarada Nguyen Van Hung, secretario del Comité Provincial del Partido. "
        "Después, el camarada Nguyen Van Hung pidió más esfuerzos. Nguyen Van Hung concluyó."
    )
    doc = make_doc(text, "es")
    rows = extract_people(doc)
    assert len(rows) == 1
    assert rows[0]["start"] == text.index("Nguyen Van Hung")


# --- central titles whatever the article's province -------------------------------------------

CENTRAL = [
    ("en", "Deputy Prime Minister Nguyen Chi Dung chaired the meeting.", "Nguyen Chi Dung", "other"),
    (
        "en",
        "Politburo member and Permanent Member of the Secretariat Tran Cam Tu attended.",
        "Tran Cam Tu",
        "politburo_member;central_secretariat_member",
    ),
    ("es", "El viceprimer ministro Nguyen Chi Dung presidió la reunión.", "Nguyen Chi Dung", "other"),
    ("de", "Ministerpräsident Pham Van Dong leitete die Sitzung.", "Pham Van Dong", "prime_minister"),
    ("pl", "Sekretarz Generalny Le Kha Phieu wygłosił przemówienie.", "Le Kha Phieu", "general_secretary"),
    ("pt", "O Secretário-Geral Le Kha Phieu presidiu a conferência.", "Le Kha Phieu", "general_secretary"),
    ("it", "Il Primo Ministro Pham Van Dong ha presieduto la riunione.", "Pham Van Dong", "prime_minister"),
    (
        "fr",
        "Le ministre des Sciences et Technologies Tran Van Binh a pris la parole.",
        "Tran Van Binh",
        "minister",
    ),
]


@pytest.mark.parametrize(("lang", "text", "name", "keys"), CENTRAL)
def test_central_titles_are_central_in_a_provincial_article(lang, text, name, keys):
    row = people(text, lang, province="Cao Bằng")[name]
    assert (row["role_keys"], row["level"], row["province"]) == (keys, "central", "")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Vorsitzende des Volkskomitees der Provinz, Nguyen Van Anh, sagte, die Arbeit gehe voran.",
        ),
        ("es", "El presidente del Comité Popular Provincial, Nguyen Van Anh, dijo que el trabajo avanza."),
        (
            "it",
            "Il presidente del Comitato popolare provinciale, Nguyen Van Anh, ha detto che il lavoro avanza.",
        ),
        ("pt", "O presidente do Comitê Popular Provincial, Nguyen Van Anh, disse que o trabalho avança."),
        ("fr", "Le président du Comité populaire provincial, Nguyen Van Anh, a dit que le travail avance."),
        ("en", "The Chairman of the provincial People's Committee, Nguyen Van Anh, said the work goes on."),
        (
            "pl",
            "Przewodniczący Prowincjonalnego Komitetu Ludowego, Nguyen Van Anh, powiedział, że praca trwa.",
        ),
    ],
)
def test_title_then_name_between_commas(lang, text):
    assert people(text, lang)["Nguyen Van Anh"]["role_keys"] == "peoples_committee_chair"


@pytest.mark.parametrize(
    ("lang", "byline"),
    [
        ("en", "By Minh Duc"),
        ("es", "Por Minh Duc"),
        ("fr", "Par Minh Duc"),
        ("de", "Von Minh Duc"),
        ("it", "Di Minh Duc"),
        ("pt", "Por Minh Duc"),
    ],
)
def test_byline_label_without_colon(lang, byline):
    assert list(people([("body", "Texto."), ("byline", byline)], lang)) == ["Minh Duc"]


# --- generality on unseen articles --------------------------------------------------------------

TITLE_AFTER_OPENING_WORDS = [
    (
        "de",
        "Nach Angaben des Direktors des Amtes für Wissenschaft und Technologie, Le Quang Minh, gibt es 41 Unternehmen.",
        "Le Quang Minh",
        "department_director",
    ),
    (
        "it",
        "Secondo la relazione presentata dal direttore del Dipartimento della Scienza e della Tecnologia, Tran Ngoc Thach, la città cresce.",
        "Tran Ngoc Thach",
        "department_director",
    ),
    (
        "es",
        "Según el informe del director del Departamento de Ciencia y Tecnología, Tran Van Khanh, la provincia avanza.",
        "Tran Van Khanh",
        "department_director",
    ),
    (
        "en",
        "According to the Director of the Department of Science and Technology, Tran Van Khanh, the province grew.",
        "Tran Van Khanh",
        "department_director",
    ),
]


@pytest.mark.parametrize("lang, text, name, keys", TITLE_AFTER_OPENING_WORDS)
def test_title_after_opening_words_then_name_between_commas(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


TITLE_COMMA_NAME_AT_SENTENCE_END = [
    (
        "es",
        "Presidió la sesión el secretario del Comité Provincial del Partido, Nguyen Duc Trung.",
        "party_secretary",
    ),
    (
        "pt",
        "Estava presente o diretor do Departamento de Ciência e Tecnologia, Tran Van Khanh.",
        "department_director",
    ),
    (
        "fr",
        "Était présent le directeur du Département des sciences et technologies, Tran Van Khanh.",
        "department_director",
    ),
    ("pl", "Obecny był dyrektor Departamentu Nauki i Technologii, Tran Van Khanh.", "department_director"),
]


@pytest.mark.parametrize("lang, text, keys", TITLE_COMMA_NAME_AT_SENTENCE_END)
def test_title_comma_name_at_a_sentence_end(lang, text, keys):
    found = people(text, lang)
    assert [r["role_keys"] for r in found.values()] == [keys]


NEXT_PERSON_AFTER_ARTICLE = [
    (
        "pt",
        "Estiveram presentes a Sra. Hoang Thi Thuy, vice-presidente do Comité Popular Provincial, e o diretor do Departamento de Ciência e Tecnologia, Tran Van Khanh.",
        ("Hoang Thi Thuy", "peoples_committee_vice_chair"),
        ("Tran Van Khanh", "department_director"),
    ),
    (
        "es",
        "Asistieron la Sra. Hoang Thi Thuy, vicepresidenta del Comité Popular Provincial, y el director del Departamento de Ciencia y Tecnología, Tran Van Khanh.",
        ("Hoang Thi Thuy", "peoples_committee_vice_chair"),
        ("Tran Van Khanh", "department_director"),
    ),
    (
        "en",
        "Attending were Ms. Hoang Thi Thuy, Vice Chairwoman of the Provincial People's Committee, and the Director of the Department of Science and Technology, Tran Van Khanh.",
        ("Hoang Thi Thuy", "peoples_committee_vice_chair"),
        ("Tran Van Khanh", "department_director"),
    ),
    (
        "es",
        "Participaron el secretario del Comité Provincial del Partido, Hau A Lenh, y la jefa de la Comisión de Propaganda, Ma Thi Lan.",
        ("Hau A Lenh", "party_secretary"),
        ("Ma Thi Lan", "provincial_commission_head"),
    ),
    (
        "en",
        "Present were Party Secretary Hau A Lenh, and the Director of the Department of Finance, Ma Thi Lan.",
        ("Hau A Lenh", "party_secretary"),
        ("Ma Thi Lan", "department_director"),
    ),
]


@pytest.mark.parametrize("lang, text, first, second", NEXT_PERSON_AFTER_ARTICLE)
def test_an_article_opens_the_next_persons_title(lang, text, first, second):
    found = people(text, lang)
    assert [(n, found[n]["role_keys"]) for n in (first[0], second[0])] == [first, second]


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "it",
            "Era presente il signor Phan Thai Binh, presidente del Comitato Popolare della città.",
            "Phan Thai Binh",
        ),
        (
            "es",
            "Asistió el camarada Nguyen Ha Nam, subsecretario del Comité Provincial del Partido.",
            "Nguyen Ha Nam",
        ),
        (
            "en",
            "Comrade Tran Quang Nam, Secretary of the Provincial Party Committee, attended.",
            "Tran Quang Nam",
        ),
    ],
)
def test_province_words_ending_a_short_name_are_the_names(lang, text, name):
    assert name in people(text, lang)


def test_a_province_before_a_name_is_still_cut_off():
    found = people(
        "Por el lado de Lam Dong Nguyen Van Hung, secretario del Comité Provincial del Partido.", "es"
    )
    assert "Nguyen Van Hung" in found


@pytest.mark.parametrize(
    "lang, line, name",
    [
        ("en", "By Thu Hang", "Thu Hang"),
        ("pt", "Por Viet Trung", "Viet Trung"),
        ("de", "Von Thanh Long", "Thanh Long"),
    ],
)
def test_byline_line_left_in_the_body_is_press(lang, line, name):
    row = people([("title", "Provincial news"), ("body", line), ("body", "The province grew.")], lang)[name]
    assert (row["level"], row["role_keys"]) == ("press", "author")


def test_a_short_body_line_opening_with_a_label_word_is_no_byline():
    assert people([("body", "Por la provincia de Ca Mau")], "es") == {}


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        ("en", "Party Secretary Pham Van Thieu said the province grew.", "Pham Van Thieu", "party_secretary"),
        ("en", "Provincial Party Secretary Dang Xuan Phong spoke.", "Dang Xuan Phong", "party_secretary"),
    ],
)
def test_party_secretary_before_the_name(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text, gender",
    [
        (
            "de",
            "Nach Angaben des Direktors des Amtes für Wissenschaft, Le Quang Minh, wuchs die Provinz.",
            "m",
        ),
        ("de", "Laut der Direktorin des Amtes für Wissenschaft, Le Thi Minh, wuchs die Provinz.", "f"),
    ],
)
def test_german_genitive_titles_mark_gender(lang, text, gender):
    assert [r["gender"] for r in people(text, lang).values()] == [gender]


@pytest.mark.parametrize(
    "lang, text, name, keys, gender",
    [
        (
            "it",
            "La conferenza è stata presieduta dalla segretaria del Comitato del Partito della città, Bui Thi Minh Hoai, membro del Politburo.",
            "Bui Thi Minh Hoai",
            "party_secretary;politburo_member",
            "f",
        ),
        (
            "it",
            "Secondo il vicepresidente del Comitato Popolare della città, Truong Viet Dung, la capitale cresce.",
            "Truong Viet Dung",
            "peoples_committee_vice_chair",
            "m",
        ),
    ],
)
def test_titles_on_both_sides_of_a_name_between_commas(lang, text, name, keys, gender):
    row = people(text, lang)[name]
    assert (row["role_keys"], row["gender"]) == (keys, gender)


def test_titles_right_after_a_name_stay_with_it_in_a_comma_list():
    text = "Asistieron Nguyen Van Hung, director del Departamento de Finanzas, Tran Van Lo, vicepresidente del Comité Popular Provincial."
    found = people(text, "es")
    assert (found["Nguyen Van Hung"]["role_keys"], found["Tran Van Lo"]["role_keys"]) == (
        "department_director",
        "peoples_committee_vice_chair",
    )


@pytest.mark.parametrize(
    "lang, caption",
    [
        ("de", "Genossen Nguyen Doan Anh (3. von links) und Dau Thanh Tung (2. von rechts) bei der Sitzung."),
        (
            "en",
            "Comrades Nguyen Doan Anh (third from left) and Dau Thanh Tung (second from right) at the meeting.",
        ),
        ("es", "Los camaradas Nguyen Doan Anh (tercero por la izquierda) y Dau Thanh Tung en la reunión."),
    ],
)
def test_enumeration_in_a_caption_with_positions_in_brackets(lang, caption):
    assert set(people([("caption", caption)], lang)) == {"Nguyen Doan Anh", "Dau Thanh Tung"}


@pytest.mark.parametrize(
    "lang, text, gender",
    [
        ("pt", "A delegação foi chefiada pelo vice-ministro Le Xuan Dinh.", "m"),
        ("pt", "A reunião foi presidida pela vice-ministra Le Thi Hoa.", "f"),
        ("es", "Asistió la vice-presidenta del Comité Popular Provincial, Le Thi Hoa.", "f"),
    ],
)
def test_gender_from_hyphenated_titles_and_contracted_articles(lang, text, gender):
    assert [r["gender"] for r in people(text, lang).values()] == [gender]


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "Anwesend war die stellvertretende Sekretärin des Provinzparteikomitees, Frau Mai Van Huyen, sowie weitere Gäste.",
            "Mai Van Huyen",
            "party_deputy_secretary",
        ),
        (
            "es",
            "Asistió el director del Departamento de Finanzas, el Sr. Tran Van Lo, junto a otros invitados.",
            "Tran Van Lo",
            "department_director",
        ),
        (
            "en",
            "Present was the Director of the Department of Finance, Mr. Tran Van Lo, with other guests.",
            "Tran Van Lo",
            "department_director",
        ),
    ],
)
def test_title_comma_honorific_name(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text, first, second",
    [
        (
            "en",
            "The conference was attended by Nguyen Van Ut, Chairman of the provincial People's Committee, and Deputy Minister of Science and Technology Pham Duc Long.",
            ("Nguyen Van Ut", "peoples_committee_chair"),
            ("Pham Duc Long", "deputy_minister"),
        ),
        (
            "es",
            "Asistieron Nguyen Van Ut, presidente del Comité Popular Provincial, y el viceministro de Ciencia y Tecnología Pham Duc Long.",
            ("Nguyen Van Ut", "peoples_committee_chair"),
            ("Pham Duc Long", "deputy_minister"),
        ),
    ],
)
def test_a_title_written_against_the_next_name_is_that_names(lang, text, first, second):
    found = people(text, lang)
    assert [(n, found[n]["role_keys"]) for n in (first[0], second[0])] == [first, second]


@pytest.mark.parametrize(
    "lang, text, name, honorific",
    [
        (
            "es",
            "Asistió la Sra. Ngo Thi Thuy, directora del Departamento de Ciencia y Tecnología.",
            "Ngo Thi Thuy",
            "Sra.",
        ),
        (
            "fr",
            "Étaient présents Madame Nguyen Thi Thu Hien, vice-présidente du Comité populaire provincial.",
            "Nguyen Thi Thu Hien",
            "Madame",
        ),
        (
            "pl",
            "Obecna była towarzyszka Doan Thu Ha, zastępczyni przewodniczącego Prowincjonalnego Komitetu Ludowego.",
            "Doan Thu Ha",
            "towarzyszka",
        ),
        (
            "pt",
            "Participou a senhora Cao Thi Hoa An, vice-presidente do Comitê Popular Provincial.",
            "Cao Thi Hoa An",
            "senhora",
        ),
        (
            "en",
            "Comrade Le Ngoc Quang, Secretary of the City Party Committee, spoke.",
            "Le Ngoc Quang",
            "Comrade",
        ),
        (
            "de",
            "Anwesend war Herr Nguyen Hoang Giang, Vorsitzender des Volkskomitees der Provinz.",
            "Nguyen Hoang Giang",
            "Herr",
        ),
        (
            "it",
            "Erano presenti i compagni: Phan Huy Ngoc, presidente del Comitato popolare provinciale.",
            "Phan Huy Ngoc",
            "compagni",
        ),
    ],
)
def test_honorific_as_written(lang, text, name, honorific):
    assert people(text, lang)[name]["honorific"] == honorific


@pytest.mark.parametrize(
    "lang, text, name, quote",
    [
        (
            "es",
            "Primera frase. El Sr. Ho Dai Nam, director del Departamento de Ciencia y Tecnología, habló. Otra frase.",
            "Ho Dai Nam",
            "El Sr. Ho Dai Nam, director del Departamento de Ciencia y Tecnología, habló.",
        ),
        (
            "en",
            "It rained. Mr. Hoang Quoc Khanh, Secretary of the provincial Party Committee, spoke. Then it stopped.",
            "Hoang Quoc Khanh",
            "Mr. Hoang Quoc Khanh, Secretary of the provincial Party Committee, spoke.",
        ),
        (
            "fr",
            "Il pleuvait. M. Tran Hoa Nam, président du Comité populaire provincial, a parlé. Fin.",
            "Tran Hoa Nam",
            "M. Tran Hoa Nam, président du Comité populaire provincial, a parlé.",
        ),
    ],
)
def test_quote_is_the_sentence_of_the_name(lang, text, name, quote):
    assert people(text, lang)[name]["quote"] == quote


@pytest.mark.parametrize("lang", ["es", "fr", "pl", "pt", "en", "de", "it"])
def test_a_long_quote_is_cut_at_word_boundaries(lang):
    text = (
        "palabra " * 120
        + "Nguyen Van Quyet, "
        + "Secretary of the provincial Party Committee, "
        + "palabra " * 120
    )
    text = text.replace(
        "Secretary of the provincial Party Committee",
        {
            "es": "secretario del Comité Provincial del Partido",
            "fr": "secrétaire du Comité provincial du Parti",
            "pl": "sekretarz Prowincjonalnego Komitetu Partii",
            "pt": "secretário do Comitê Provincial do Partido",
            "en": "Secretary of the provincial Party Committee",
            "de": "Sekretär des Provinzparteikomitees",
            "it": "segretario del Comitato provinciale del Partito",
        }[lang],
    )
    row = extract_people(make_doc(text, lang))[0]
    assert "Nguyen Van Quyet" in row["quote"]
    assert len(row["quote"]) <= MAX_QUOTE_CHARS + len("Nguyen Van Quyet")
    assert set(row["quote"].split()) <= set(text.split())  # no word cut in two


@pytest.mark.parametrize(
    "lang, line, names",
    [
        ("pt", "Reportagem: Hong Nhung | Foto: Vu Quang", ["Hong Nhung", "Vu Quang"]),
        ("en", "Comrade Le Ngoc Quang speaks at the conference. Photo: Van Thang", ["Van Thang"]),
        ("it", "Il compagno Vu Manh Ha interviene alla conferenza. Foto: Quang Anh", ["Quang Anh"]),
        ("es", "El camarada Ho Van Tai interviene. Foto: Duc Anh", ["Duc Anh"]),
        ("fr", "Le camarade Tran Van Lau s’exprime. Photo : Minh Chau", ["Minh Chau"]),
        ("de", "Genosse Ho Van Muoi spricht. Foto: Thanh Nhan", ["Thanh Nhan"]),
        ("pl", "Towarzysz Ho Tien Thieu przemawia. Zdjęcie: Quoc Huy", ["Quoc Huy"]),
    ],
)
def test_credits_after_a_sentence_or_a_bar_in_a_body_line_are_press(lang, line, names):
    found = people([("body", "Texto."), ("body", line)], lang)
    for name in names:
        assert found[name]["level"] == "press"
        assert found[name]["role_keys"] == "author"


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "fr",
            "Était présent le camarade Le Truong Luu, secrétaire du Comité du Parti de la ville.",
            "Le Truong Luu",
        ),
        (
            "es",
            "Asistió el camarada La Van Minh, secretario del Comité Provincial del Partido.",
            "La Van Minh",
        ),
        (
            "it",
            "Era presente il compagno Le Van Hieu, segretario del Comitato provinciale del Partito.",
            "Le Van Hieu",
        ),
    ],
)
def test_after_an_honorific_an_article_shaped_word_is_the_surname(lang, text, name):
    assert name in people(text, lang)


@pytest.mark.parametrize(
    "lang, text, name, gender",
    [
        (
            "es",
            "Asistió el vicepresidente del Comité Popular Provincial, camarada Hoang Nam.",
            "Hoang Nam",
            "m",
        ),
        (
            "es",
            "Asistió la vicepresidenta del Comité Popular Provincial, camarada Hoang Lan.",
            "Hoang Lan",
            "f",
        ),
        (
            "it",
            "Era presente la vicepresidente del Comitato popolare provinciale, compagna Ha Thi Lan.",
            "Ha Thi Lan",
            "f",
        ),
    ],
)
def test_gender_from_the_article_before_a_title_and_honorific(lang, text, name, gender):
    assert people(text, lang)[name]["gender"] == gender


def test_party_committees_commission_in_english_is_a_provincial_commission():
    text = "Mr. Lo Minh Hung, Head of the provincial Party Committee's Commission for Propaganda and Mass Mobilization, spoke."
    assert people(text, "en")["Lo Minh Hung"]["role_keys"] == "provincial_commission_head"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Selon M. Le Van Hai, directeur du Service des sciences et technologies, tout avance.",
            "Le Van Hai",
        ),
        (
            "Le directeur du Service de l'Information et des Communications, Tran Van Binh, a souligné.",
            "Tran Van Binh",
        ),
    ],
)
def test_a_french_service_is_a_provincial_department(text, name):
    person = people(text, "fr")[name]
    assert (person["role_keys"], person["level"]) == ("department_director", "provincial")


# --- credits with an agency glued by a slash, labels without a colon ----------------------------


@pytest.mark.parametrize(
    "lang, parts, name",
    [
        ("fr", [("body", "Le camarade Tran Van Lau s’exprime. Photo : Thanh Tam/CVN")], "Thanh Tam"),
        ("es", [("caption", "El camarada Ho Van Tai interviene. Foto: VNA/Duc Anh")], "Duc Anh"),
        ("fr", [("body", "Texte."), ("byline", "Minh Thu/CVN")], "Minh Thu"),
        ("en", [("body", "An officer helps a resident. Photo by VnExpress/Ngoc Oanh")], "Ngoc Oanh"),
        ("en", [("caption", "The new data centre. Photos by Quang Huy")], "Quang Huy"),
        ("pt", [("body", "O camarada Ho Van Tai discursa. Foto por Duc Anh")], "Duc Anh"),
        ("pl", [("body", "Towarzysz Ho Tien Thieu przemawia. Fot. Quoc Huy/PAP")], "Quoc Huy"),
    ],
)
def test_credit_with_an_agency_after_a_slash_or_without_a_colon(lang, parts, name):
    found = people([("title", "News"), *parts], lang)
    assert (found[name]["level"], found[name]["role_keys"]) == ("press", "author")
    assert not any("/" in n or n in ("CVN", "VNA", "VnExpress", "PAP") for n in found)


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "The photo by the lake shows Nguyen Van An at work."),
        ("es", "La foto por la que Nguyen Van An es conocido."),
    ],
)
def test_a_credit_label_inside_a_sentence_credits_no_one(lang, line):
    assert people(line, lang) == {}


@pytest.mark.parametrize(
    "lang, line, name, label",
    [
        ("en", "News, photos: Thu Hang", "Thu Hang", "News, photos"),
        ("pt", "Notícias e fotos: Viet Trung", "Viet Trung", "Notícias e fotos"),
        ("es", "Noticias y fotos: Viet Trung", "Viet Trung", "Noticias y fotos"),
        ("fr", "Texte, photos : Minh Duc", "Minh Duc", "Texte, photos"),
        ("de", "Nachrichten und Fotos: Minh Duc", "Minh Duc", "Nachrichten und Fotos"),
        ("it", "Notizie e foto: Minh Duc", "Minh Duc", "Notizie e foto"),
        ("pl", "Tekst, zdjęcia: Duy Tuan", "Duy Tuan", "Tekst, zdjęcia"),
        ("en", "Tin, ảnh: Thu Hang", "Thu Hang", "Tin, ảnh"),
    ],
)
def test_news_and_photos_labels(lang, line, name, label):
    found = people([("title", "News"), ("body", "The province grew."), ("body", line)], lang)
    assert (found[name]["level"], found[name]["role"]) == ("press", label)


def test_a_vietnamese_word_for_photo_after_a_name_is_no_label():
    found = people("Comrade Nguyen Tuan Anh: the province will grow.", "en")
    assert found["Nguyen Tuan Anh"]["level"] != "press"


# --- byline lines that carry more than the name -------------------------------------------------


@pytest.mark.parametrize(
    "lang, line, name, label",
    [
        ("en", "By Quynh Nhu   November 18, 2025 | 04:12 pm GMT+7", "Quynh Nhu", "By"),
        ("de", "Nha Trang, 12. November 2025 · Von Minh Chau · Lesezeit 4 Min.", "Minh Chau", "Von"),
        (
            "pl",
            "Autor: Tomasz Zieliński, Hanoi | 28 października 2025, 07:45 | Komentarze (3)",
            "Tomasz Zieliński",
            "Autor",
        ),
        ("es", "Por Andrés Villalba Rojas, corresponsal en Vietnam", "Andrés Villalba Rojas", "Por"),
        ("it", "di Giulia Rinaldi", "Giulia Rinaldi", "di"),
        ("fr", "Par Jean-Marc Dupont · 12 novembre 2025", "Jean-Marc Dupont", "Par"),
        ("pt", "Por Viet Trung, de Hanói | 3 min de leitura", "Viet Trung", "Por"),
    ],
)
def test_byline_line_split_at_its_separators(lang, line, name, label):
    found = people([("title", "News"), ("body", line), ("body", "The province grew.")], lang)
    assert list(found) == [name]
    assert (found[name]["level"], found[name]["role_keys"], found[name]["role"]) == ("press", "author", label)


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "By 2030, the province aims to have 100 digital firms."),
        ("en", "By Ho Chi Minh City standards, the budget is small."),
        ("es", "Por otra parte, la provincia creció."),
        ("es", "Por Prensa Latina"),
        ("de", "Von Januar bis Oktober wuchs die Wirtschaft der Provinz."),
        ("it", "Di Linh, la capitale del caffè, cresce."),
        ("pl", "Autor: Redakcja"),
    ],
)
def test_a_body_line_opening_with_a_byline_word_names_no_author(lang, line):
    assert people([("title", "News"), ("body", line)], lang) == {}


def test_an_official_after_a_byline_word_stays_an_official():
    line = "Por Nguyen Van Hung, presidente del Comité Popular provincial"
    row = people([("title", "News"), ("body", line)], "es")["Nguyen Van Hung"]
    assert (row["level"], row["role_keys"]) == ("provincial", "peoples_committee_chair")


# --- gender from pronouns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, name, gender",
    [
        (
            "en",
            "Floods caused damage, Vice Chairman of the provincial People's Committee Nguyen Thu Ha said. She added that sensors would be installed.",
            "Nguyen Thu Ha",
            "f",
        ),
        (
            "en",
            "Tran Van Vinh, director of the provincial Department of Finance, said revenue grew. Exports will rise, he said.",
            "Tran Van Vinh",
            "m",
        ),
        (
            "pt",
            "Dang Hai Yen, chefe da Comissão de Organização do Comité Provincial do Partido, falou. Ela sublinhou que a reforma exige competências.",
            "Dang Hai Yen",
            "f",
        ),
        (
            "pl",
            "Wiceminister nauki i technologii Tran Thu Hoa zaznaczyła, że jej resort wesprze prowincję.",
            "Tran Thu Hoa",
            "f",
        ),
        (
            "fr",
            "Le vice-président du Comité populaire provincial, Phan Thu Ha, a parlé. Elle a ajouté que la ville avance.",
            "Phan Thu Ha",
            "f",
        ),
        (
            "fr",
            "Le directeur du Service provincial des finances, Le Van Minh, a parlé. Il a ajouté que la ville avance.",
            "Le Van Minh",
            "m",
        ),
        (
            "es",
            "El director del Departamento de Finanzas, Le Van Minh, habló. Él dijo que la provincia crece.",
            "Le Van Minh",
            "m",
        ),
        (
            "es",
            "La directora del Departamento de Finanzas, Le Thu Ha, habló. Ella dijo que la provincia crece.",
            "Le Thu Ha",
            "f",
        ),
        (
            "it",
            "Il direttore del Dipartimento delle Finanze, Le Van Minh, ha parlato. Lui ha detto che la città cresce.",
            "Le Van Minh",
            "m",
        ),
        (
            "de",
            "Der Leiter des Finanzamtes der Provinz, Le Van Minh, sprach. Er sagte, die Provinz wachse.",
            "Le Van Minh",
            "m",
        ),
    ],
)
def test_a_pronoun_after_a_name_marks_its_gender(lang, text, name, gender):
    assert people(text, lang)[name]["gender"] == gender


@pytest.mark.parametrize(
    "lang, text, name, gender",
    [
        # two people named in the stretch: the pronoun is no one's
        (
            "en",
            "Tran Van Vinh, director of the Department of Finance, and Le Thu Ha, director of the Department of Health, spoke. She added more.",
            "Tran Van Vinh",
            "",
        ),
        # too far: two sentences later
        (
            "en",
            "Tran Van Vinh, director of the Department of Finance, spoke. Revenue grew. Exports rose. She added more.",
            "Tran Van Vinh",
            "",
        ),
        # a masculine pronoun never overrides a feminine mark
        (
            "en",
            "Vice Chairwoman of the provincial People's Committee Nguyen Thu Ha spoke. He added that sensors would be installed.",
            "Nguyen Thu Ha",
            "f",
        ),
        # German `Sie` is also `they`: no mark
        (
            "de",
            "Die Leiterin des Finanzamtes der Provinz, Le Thu Ha, sprach. Sie sagte, die Provinz wachse.",
            "Le Thu Ha",
            "f",
        ),
        (
            "de",
            "Der Leiter des Finanzamtes der Provinz, Le Van Minh, sprach. Sie sagten, die Provinz wachse.",
            "Le Van Minh",
            "m",
        ),
        # Spanish `el` is the article, not `él`
        (
            "es",
            "Habló Le Van Minh, miembro del Comité Provincial del Partido. Según el informe, la provincia crece.",
            "Le Van Minh",
            "",
        ),
    ],
)
def test_a_pronoun_marks_only_the_one_person_named_just_before(lang, text, name, gender):
    assert people(text, lang)[name]["gender"] == gender


@pytest.mark.parametrize(
    "last, names",
    [
        ("Thu Trang - Duc Hieu", ["Thu Trang", "Duc Hieu"]),
        ("Minh Thu/CVN", ["Minh Thu"]),
        ("Quang Huy & Thanh Ha", ["Quang Huy", "Thanh Ha"]),
        ("Quang Huy, Thanh Ha / VNA", ["Quang Huy", "Thanh Ha"]),
    ],
)
def test_a_trailing_line_of_names_joined_by_separators_is_the_byline(last, names):
    from toolkit.clean import classify_lines

    raw = f"Provincial news\n\nThe province grew by 8 per cent this year, the report said.\n\n{last}\n"
    lines = classify_lines(raw)
    assert (lines[-1].kind, lines[-1].text) == ("byline", last)
    found = people([("body", "The province grew."), ("byline", last)], "en")
    assert list(found) == names
    assert {r["level"] for r in found.values()} == {"press"}


@pytest.mark.parametrize(
    "lang, text, person, place",
    [
        (
            "en",
            "Chairman of People's Committee of Muong Phang commune Lo Van Tien spoke.",
            "Lo Van Tien",
            "Muong Phang",
        ),
        (
            "fr",
            "Le président du Comité populaire de Tan Lap commune, Le Van Minh, a parlé.",
            "Le Van Minh",
            "Tan Lap",
        ),
    ],
)
def test_a_run_before_a_place_word_is_a_place(lang, text, person, place):
    found = people(text, lang)
    assert place not in found


# --- titles written into one word, local services, communes named before the person ----------


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "Das sagte Provinzparteisekretär Do Minh Khoa am Dienstag.",
            "Do Minh Khoa",
            "party_secretary",
        ),
        ("de", "Parteichef Do Minh Khoa eröffnete die Konferenz.", "Do Minh Khoa", "party_secretary"),
        (
            "fr",
            "Selon M. Lê Quang Vinh, directeur du Service municipal des sciences, 47 tâches sont achevées.",
            "Lê Quang Vinh",
            "department_director",
        ),
        (
            "es",
            "El director del Servicio municipal de Ciencia y Tecnología, Le Van Hung, presentó el informe.",
            "Le Van Hung",
            "department_director",
        ),
        (
            "pl",
            "Przewodniczący Komitetu Ludowego gminy Nam Dan Nguyen Van Tai powiedział, że gmina działa.",
            "Nguyen Van Tai",
            "other",
        ),
        (
            "en",
            "The Chairman of the People's Committee of Muong Phang commune Luong Van Khanh proposed support.",
            "Luong Van Khanh",
            "other",
        ),
        (
            "en",
            "Nguyen Thi Thu Hang, deputy head of the Party Central Committee's Commission for Policies, spoke.",
            "Nguyen Thi Thu Hang",
            "central_commission_deputy_head",
        ),
    ],
)
def test_compound_titles_local_services_and_commune_officials(lang, text, name, keys):
    found = people(text, lang)
    assert name in found, found.keys()
    assert found[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Farmers in the commune Tran Hung Dao grow rice."),
        ("pl", "Rolnicy z gminy Nam Dan uprawiają ryż."),
    ],
)
def test_a_place_named_after_a_place_word_is_no_person(lang, text):
    assert people(text, lang) == {}


@pytest.mark.parametrize(
    "lang, parts, name, label",
    [
        (
            "it",
            [("caption", "Un tratto di argine eroso nel comune. Foto di Thanh Thuy")],
            "Thanh Thuy",
            "Foto di",
        ),
        ("en", [("body", "Reported by: Kim Ngan")], "Kim Ngan", "Reported by"),
        ("it", [("dateline", "di Hoang Phuong – 09/11/2025")], "Hoang Phuong", "di"),
    ],
)
def test_credits_by_a_label_with_no_colon_and_bylines_in_a_dateline(lang, parts, name, label):
    found = people(parts, lang)
    assert name in found, found.keys()
    assert (found[name]["level"], found[name]["role"]) == ("press", label)


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "pl",
            "Pan Quang Van Binh, zastępca dyrektora Departamentu Rolnictwa, dodał, że prowincja działa.",
            "Quang Van Binh",
        ),
        ("es", "Sr. Quang Van Binh, director del Departamento de Ciencia, habló.", "Quang Van Binh"),
        (
            "fr",
            "Le camarade Le Truong Luu, secrétaire du Comité provincial du Parti, a parlé.",
            "Le Truong Luu",
        ),
    ],
)
def test_an_honorific_opening_a_name_run_is_no_part_of_the_name(lang, text, name):
    assert name in people(text, lang)


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "fr",
            "Le Hoang Bao, président du Comité populaire provincial, a présidé la réunion.",
            "Le Hoang Bao",
        ),
        (
            "fr",
            "Lê Hoàng Bảo, président du Comité populaire provincial, a présidé la réunion.",
            "Lê Hoàng Bảo",
        ),
        (
            "fr",
            "Le Nguyen Van An, président du Comité populaire provincial, a présidé la réunion.",
            "Nguyen Van An",
        ),
        (
            "es",
            "En Nguyen Van An, presidente del Comité Popular provincial, confían los inversores.",
            "Nguyen Van An",
        ),
    ],
)
def test_a_function_word_that_is_a_family_name_opens_a_run_only_before_a_full_name(lang, text, name):
    assert list(people(text, lang)) == [name]


# --- an organisation whose name lists its fields with commas ----------------------------------

ORG_WITH_LISTED_FIELDS = [
    (
        "en",
        "Director of the Department of Science, Technology and Innovation of Hai Phong, Mr. Tran Van Minh, said so.",
        "Tran Van Minh",
        "Innovation of Hai Phong",
    ),
    (
        "en",
        "Mr. Tran Van Minh, Director of the Department of Culture, Sports and Tourism, said so.",
        "Tran Van Minh",
        "Sports and Tourism",
    ),
    (
        "en",
        "Head of the Department of Agriculture, Environment and Rural Development Le Van Hung said so.",
        "Le Van Hung",
        "Rural Development",
    ),
    (
        "es",
        "El director del Departamento de Ciencia, Tecnología e Innovación, Tran Van Minh, dijo que sí.",
        "Tran Van Minh",
        "Tecnología e Innovación",
    ),
    (
        "fr",
        "M. Tran Van Minh, directeur du Département des Sciences, des Technologies et de l'Innovation, a déclaré cela.",
        "Tran Van Minh",
        "l'Innovation",
    ),
    (
        "pt",
        "O diretor do Departamento de Ciência, Tecnologia e Inovação, Nguyen Van Dung, afirmou isso.",
        "Nguyen Van Dung",
        "Tecnologia e Inovação",
    ),
    (
        "it",
        "Il direttore del Dipartimento di Scienza, Tecnologia e Innovazione, Nguyen Van Dung, ha detto questo.",
        "Nguyen Van Dung",
        "Tecnologia e Innovazione",
    ),
    (
        "de",
        "Tran Van Minh, Direktor der Abteilung für Wissenschaft, Technologie und Innovation, sagte das.",
        "Tran Van Minh",
        "Technologie und Innovation",
    ),
    (
        "pl",
        "Dyrektor Departamentu Nauki, Technologii i Innowacji Nguyen Van Dung powiedział to.",
        "Nguyen Van Dung",
        "Technologii i Innowacji",
    ),
]


@pytest.mark.parametrize("lang, text, name, role_end", ORG_WITH_LISTED_FIELDS)
def test_a_comma_in_an_organisations_list_of_fields_does_not_cut_the_title(lang, text, name, role_end):
    person = people(text, lang)[name]
    assert person["role_keys"] == "department_director"
    assert person["role"].endswith(role_end)


@pytest.mark.parametrize(
    "lang, text, name, role",
    [
        (
            "es",
            "Asistieron la camarada Be Thi Lan, subsecretaria del Comité Provincial del Partido, y el Sr. Tran Van Anh, presidente del Comité Popular Provincial.",
            "Be Thi Lan",
            "subsecretaria del Comité Provincial del Partido",
        ),
        (
            "fr",
            "Étaient présents Madame Nguyen Thi Thu Hien, vice-présidente du Comité populaire provincial, et M. Tran Van Anh, directeur du Département de la Santé.",
            "Nguyen Thi Thu Hien",
            "vice-présidente du Comité populaire provincial",
        ),
        (
            "en",
            "Mr. Pham Van An, Director of the Department of Health, Nguyen Van Binh and Le Thi Cuc attended.",
            "Pham Van An",
            "Director of the Department of Health",
        ),
    ],
)
def test_the_next_person_after_a_comma_is_no_field_of_the_organisation(lang, text, name, role):
    assert people(text, lang)[name]["role"] == role


# --- a person named again by the given name ---------------------------------------------------

GIVEN_NAME_THEN_PRONOUN = [
    ("en", "Thịnh said the plan was ready. He asked agencies to act.", "Đặng Quốc Thịnh", "m"),
    ("en", "Nguyệt said she expected the department to finish.", "Lưu Thị Minh Nguyệt", "f"),
    ("fr", "Selon Nguyệt, le plan est prêt. Elle a demandé aux services d'agir.", "Lưu Thị Minh Nguyệt", "f"),
]


@pytest.mark.parametrize("lang, later, name, gender", GIVEN_NAME_THEN_PRONOUN)
def test_a_pronoun_after_a_persons_given_name_marks_that_person(lang, later, name, gender):
    first = {
        "en": "The meeting was chaired by Secretary of the provincial Party Committee Đặng Quốc Thịnh "
        "and Standing Deputy Secretary of the provincial Party Committee Lưu Thị Minh Nguyệt.",
        "fr": "La réunion était présidée par le secrétaire du Comité provincial du Parti Đặng Quốc Thịnh "
        "et la secrétaire adjointe permanente du Comité provincial du Parti Lưu Thị Minh Nguyệt.",
    }[lang]
    assert people([("body", first), ("body", later)], lang)[name]["gender"] == gender


@pytest.mark.parametrize(
    "later",
    [
        "In Quang Thịnh, she said nothing.",  # the given name inside a place's name
        "Thịnh and Nguyệt said she would go.",  # two given names before the pronoun
    ],
)
def test_a_given_name_in_a_place_or_beside_another_name_marks_nobody(later):
    first = "The meeting was chaired by Secretary of the provincial Party Committee Đặng Quốc Thịnh and Director of the Department of Health Lưu Minh Nguyệt."
    found = people([("body", first), ("body", later)], "en")
    assert found["Đặng Quốc Thịnh"]["gender"] == ""


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "en",
            "The conference was chaired by member of the Party Central Committee, Secretary of the municipal Party Committee Nguyen Dinh Khoa.",
            "Nguyen Dinh Khoa",
            "central_committee_member;party_secretary",
        ),
        (
            "en",
            "Ma Van Dung - Member of Provincial Party Standing Committee, Vice Chairman of PPC; leaders of departments attended.",
            "Ma Van Dung",
            "party_standing_committee_member;peoples_committee_vice_chair",
        ),
        (
            "fr",
            "« C'est clair », a déclaré le vice-président du Comité du peuple de la ville Lê Quang Bảo.",
            "Lê Quang Bảo",
            "peoples_committee_vice_chair",
        ),
        (
            "es",
            "Lo dijo el vicepresidente del Comité del Pueblo provincial Le Quang Bao.",
            "Le Quang Bao",
            "peoples_committee_vice_chair",
        ),
    ],
)
def test_titles_opened_by_other_words_and_bodies_named_other_ways(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, line, names",
    [
        ("pl", "Hoàng Nam – zdjęcia: Thu Hà", ["Hoàng Nam", "Thu Hà"]),
        ("en", "News: Ha Phuong - Photo: Thanh Tung", ["Ha Phuong", "Thanh Tung"]),
        ("en", "Mangroves in Thai Thuy commune. — VNS Photo Đinh Tuấn", ["Đinh Tuấn"]),
    ],
)
def test_authors_on_credit_lines_without_a_label_of_their_own(lang, line, names):
    found = people([("body", "Texto."), ("body", line)], lang)
    assert {n: found[n]["level"] for n in names} == dict.fromkeys(names, "press")


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "it",
            "In visita, il viceministro dell'Agricoltura e dell'Ambiente Pham Quang Dao ha chiesto di agire.",
            "Pham Quang Dao",
            "deputy_minister",
        ),
        (
            "de",
            "„Rauch wird gemeldet“, sagte Herr Vang A Sinh, Leiter des Forstschutz-Unterdepartements der Provinz.",
            "Vang A Sinh",
            "provincial_official",
        ),
        (
            "pl",
            "„Reagujemy szybciej”, poinformowała szefowa Podwydziału Ochrony Lasów Lê Thị Hồng Vân.",
            "Lê Thị Hồng Vân",
            "provincial_official",
        ),
        (
            "en",
            "Deputy Director of the Ministry of Agriculture and Environment's Department of Climate Change Nguyen Tuan Quang spoke.",
            "Nguyen Tuan Quang",
            "central_official",
        ),
    ],
)
def test_elided_articles_possessives_and_sub_departments_in_titles(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


def test_an_author_named_beside_the_date_on_the_dateline_is_press():
    found = people([("dateline", "Thanh Van - November 24, 2025 14:32"), ("body", "Text.")], "en")
    assert found["Thanh Van"]["level"] == "press"


# --- plural titles, titles before an honorific, signatures, pronouns in the next paragraph -----

PLURAL_TITLES = [
    ("es", "Asistieron los vicepresidentes del Comité Popular provincial Nguyen Van Hung y Tran Thi Mai."),
    (
        "en",
        "Attending were Vice Chairmen of the provincial People's Committee Nguyen Van Hung and Tran Thi Mai.",
    ),
    (
        "fr",
        "Étaient présents les vice-présidents du Comité populaire provincial, MM. Nguyen Van Hung et Tran Thi Mai.",
    ),
    ("pt", "Participaram os vice-presidentes do Comitê Popular provincial Nguyen Van Hung e Tran Thi Mai."),
    (
        "it",
        "Erano presenti i vicepresidenti del Comitato popolare provinciale Nguyen Van Hung e Tran Thi Mai.",
    ),
    (
        "de",
        "Anwesend waren die Vizevorsitzenden des Volkskomitees der Provinz, Nguyen Van Hung und Tran Thi Mai.",
    ),
    ("en", "Nguyen Van Hung and Tran Thi Mai, Vice Chairmen of the provincial People's Committee, attended."),
    ("es", "Nguyen Van Hung y Tran Thi Mai, vicepresidentes del Comité Popular provincial, asistieron."),
]


@pytest.mark.parametrize(("lang", "text"), PLURAL_TITLES)
def test_a_plural_title_goes_to_every_name_of_its_list(lang, text):
    found = people(text, lang)
    assert list(found) == ["Nguyen Van Hung", "Tran Thi Mai"]
    assert {r["role_keys"] for r in found.values()} == {"peoples_committee_vice_chair"}
    assert found["Tran Thi Mai"]["role"] == found["Nguyen Van Hung"]["role"]


@pytest.mark.parametrize(
    ("lang", "text", "gender"),
    [
        (
            "es",
            "Asistieron los vicepresidentes del Comité Popular provincial Nguyen Van Hung y Tran Thi Mai.",
            "",
        ),
        (
            "fr",
            "Étaient présents les vice-présidents du Comité populaire provincial, MM. Nguyen Van Hung et Le Van Tam.",
            "m",
        ),
    ],
)
def test_a_plural_title_marks_no_gender_a_plural_honorific_does(lang, text, gender):
    assert {r["gender"] for r in people(text, lang).values()} == {gender}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Intervino Nguyen Van Hung, así como representantes de los departamentos."),
        ("en", "The meeting heard Nguyen Van Hung, as well as representatives of the departments."),
    ],
)
def test_a_plural_title_after_a_lone_name_is_other_peoples(lang, text):
    assert people(text, lang) == {}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Asistieron el Sr. Nguyen Van Hung, director del Departamento de Ciencia y Tecnología, y líderes de las empresas.",
        ),
        (
            "en",
            "Present were Mr. Nguyen Van Hung, Director of the Department of Science and Technology, and leaders of the companies.",
        ),
    ],
)
def test_a_plural_title_after_a_persons_titles_ends_them(lang, text):
    row = people(text, lang)["Nguyen Van Hung"]
    assert row["role_keys"] == "department_director"
    assert row["role"].endswith(("Tecnología", "Technology"))


@pytest.mark.parametrize(
    ("lang", "text", "name", "gender"),
    [
        (
            "en",
            "The tasks are on schedule, said Director of the provincial Department of Science and Technology Ms. Nguyen Thi Thu Trang.",
            "Nguyen Thi Thu Trang",
            "f",
        ),
        (
            "de",
            "Laut dem Bericht von Direktor des Departements für Wissenschaft und Technologie Herr Le Quang Dao hat die Provinz viel erreicht.",
            "Le Quang Dao",
            "m",
        ),
    ],
)
def test_a_title_right_before_the_honorific_is_the_persons(lang, text, name, gender):
    row = people(text, lang)[name]
    assert (row["role_keys"], row["gender"]) == ("department_director", gender)


LAST = "La provincia cumplió todas las tareas del año, según el informe del departamento."


@pytest.mark.parametrize(
    "signature", ["Hoàng Vũ", "Minh Thu/CVN", "Thu Hang (VNA)", "Thu Trang (VNA/Vietnam+)"]
)
def test_a_name_alone_after_the_last_paragraph_signs_the_article(signature):
    name = signature.split("/")[0].split(" (")[0]
    found = people([("body", LAST), ("body", signature), ("body", "Comentarios (0)")], "es")
    assert list(found) == [name]
    assert (found[name]["role_keys"], found[name]["level"]) == ("author", "press")


def test_a_name_alone_between_paragraphs_signs_nothing():
    assert people([("body", LAST), ("body", "Hoàng Vũ"), ("body", LAST)], "es") == {}


@pytest.mark.parametrize(
    ("lang", "first", "then", "gender"),
    [
        (
            "en",
            "Vu Thi Minh Nguyet, director of the provincial Department of Science and Technology, said the results were good.",
            "Online filing reached 96 per cent, she said.",
            "f",
        ),
        (
            "en",
            "Vu Van Minh, director of the provincial Department of Science and Technology, said the results were good.",
            "Online filing reached 96 per cent, he said.",
            "m",
        ),
        # a mark counts more than a pronoun that may be a thing's (`elle`: la province)
        (
            "fr",
            "M. Vu Van Minh, directeur du Service des sciences et des technologies, a salué les résultats.",
            "Elle a atteint 96 % de dossiers en ligne.",
            "m",
        ),
    ],
)
def test_a_pronoun_in_a_paragraph_naming_no_one_is_the_last_named_persons(lang, first, then, gender):
    found = people([("body", first), ("body", then)], lang)
    assert [r["gender"] for r in found.values()] == [gender]


@pytest.mark.parametrize(
    ("lang", "line", "name", "label"),
    [
        ("pt", "Por Hoàng Linh (VNA)", "Hoàng Linh", "Por"),
        ("es", "Entrevista y fotos: Thu Hang (VNA)", "Thu Hang", "Entrevista y fotos"),
        ("de", "Interview: Minh Ha", "Minh Ha", "Interview"),
    ],
)
def test_a_credit_line_names_its_author_without_the_agency(lang, line, name, label):
    found = people([("body", LAST), ("body", line)], lang)
    assert list(found) == [name]
    assert (found[name]["role"], found[name]["role_keys"]) == (label, "author")


@pytest.mark.parametrize(
    ("lang", "text", "name", "keys"),
    [
        (
            "it",
            "Il signor Trinh Quoc Thai, capo del Comitato di Gestione delle Zone Industriali provinciale, ha riferito.",
            "Trinh Quoc Thai",
            "provincial_official",
        ),
        (
            "pt",
            "Afirmou o senhor Huynh Minh Khoa, membro da Comissão Permanente do Comité do Partido da cidade e vice-presidente do Comité Popular da cidade.",
            "Huynh Minh Khoa",
            "party_standing_committee_member;peoples_committee_vice_chair",
        ),
    ],
)
def test_management_boards_and_standing_commissions(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


def test_a_run_opened_by_a_place_word_is_the_place():
    text = "Das sagte Luong Minh Khoi, stellvertretender Vorsitzender des Volkskomitees der Stadt Da Nang, bei der Eröffnung."
    assert list(people(text, "de")) == ["Luong Minh Khoi"]


def test_a_field_that_looks_like_a_syllable_continues_the_departments_name():
    text = "Secondo la direttrice del Dipartimento di Cultura, Sport e Turismo, Hoang Thi Thu Ha, gli alberghi crescono."
    row = people(text, "it")["Hoang Thi Thu Ha"]
    assert (row["role"], row["role_keys"]) == (
        "direttrice del Dipartimento di Cultura, Sport e Turismo",
        "department_director",
    )


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "pt",
            "Afirmou a vice-governadora do Banco do Estado do Vietnã, Nguyen Thi Thu Trang.",
            "Nguyen Thi Thu Trang",
        ),
        ("en", "Deputy Governor of the State Bank of Vietnam Dao Minh Tu said.", "Dao Minh Tu"),
    ],
)
def test_the_state_banks_governors_are_central(lang, text, name):
    row = people(text, lang)[name]
    assert (row["role_keys"], row["level"]) == ("central_official", "central")


def test_a_signature_above_a_row_of_share_buttons_signs_the_article():
    lines = [
        ("body", LAST),
        ("body", "Đình Vũ"),
        ("body", "Partager : Facebook | Zalo | Copier le lien et plus encore ici"),
    ]
    assert list(people(lines, "fr")) == ["Đình Vũ"]


@pytest.mark.parametrize(
    "lang, credit, names",
    [
        ("fr", "Minh Hue", ["Minh Hue"]),  # the author Minh Huệ: given names before a province's spelling
        ("en", "Photo: Minh Huệ", ["Minh Huệ"]),
        ("fr", "Thai Binh", []),  # a province's name alone is a place
        ("en", "Photo: Báo Hải Phòng", []),
        ("en", "Story: Hanoi Times", []),
    ],
)
def test_a_credited_name_ending_in_a_provinces_spelling_is_a_person_when_given_names_open_it(
    lang, credit, names
):
    assert list(people([("body", LAST), ("byline", credit)], lang)) == names


def test_a_photography_credit_is_press():
    found = people([("body", LAST), ("byline", "Texto: Minh Hằng | Fotografia: Đức Thọ")], "pt")
    assert [(name, p["role"]) for name, p in found.items()] == [
        ("Minh Hằng", "Texto"),
        ("Đức Thọ", "Fotografia"),
    ]


def test_a_signature_below_the_last_paragraph_may_say_more_after_its_comma():
    found = people(
        [("body", LAST), ("body", "di Giulia Ferri, con la collaborazione della redazione di Da Lat")], "it"
    )
    assert list(found) == ["Giulia Ferri"] and found["Giulia Ferri"]["level"] == "press"


@pytest.mark.parametrize(
    "lang, credit, names",
    [("en", "Thu Ha - Photo: Provincial Portal", ["Thu Ha"]), ("it", "Foto: Agenzia Provinciale", [])],
)
def test_a_credit_to_an_organisation_names_no_person(lang, credit, names):
    assert list(people([("body", LAST), ("caption", credit)], lang)) == names


@pytest.mark.parametrize(
    "lang, text, name, role, keys",
    [
        (
            "it",
            "Secondo la signora Phạm Thị Thu Trang, vicedirettrice dell'Agenzia per l'Innovazione "
            "(Ministero della Scienza e della Tecnologia), il Vietnam conta oltre 4.000 startup.",
            "Phạm Thị Thu Trang",
            "vicedirettrice dell'Agenzia per l'Innovazione (Ministero della Scienza e della Tecnologia)",
            "central_official",
        ),
        (
            "it",
            "Il signor Phạm Quang Vinh, capo della Sottodivisione doganale della Regione III "
            "(Dipartimento delle Dogane, Ministero delle Finanze), ha parlato.",
            "Phạm Quang Vinh",
            "capo della Sottodivisione doganale della Regione III (Dipartimento delle Dogane, Ministero delle Finanze)",
            "central_official",
        ),
        (
            "en",
            "Ms. Quang Thi Huong, Director of the Department of Agriculture and Environment (DAE), spoke.",
            "Quang Thi Huong",
            "Director of the Department of Agriculture and Environment",
            "department_director",
        ),
    ],
)
def test_a_bracket_naming_the_organisation_above_belongs_to_the_title(lang, text, name, role, keys):
    found = people(text, lang)
    assert (found[name]["role"], found[name]["role_keys"]) == (role, keys)


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "en",
            "Mr. Vi Van Son, Director of the Provincial Forest Protection and Development Fund, spoke.",
            "Vi Van Son",
        ),
        (
            "pt",
            "Tạ Minh Khôi, chefe da Direção de Gestão dos Parques Industriais da província, explicou.",
            "Tạ Minh Khôi",
        ),
        ("de", "Herr Le Van Nam, Direktor des Provinzfonds für Waldschutz, sagte das.", "Le Van Nam"),
        (
            "en",
            "Ms. Hoang Thi Thu Ha, Director of Hue-IOC, said the center receives 1,500 calls.",
            "Hoang Thi Thu Ha",
        ),
    ],
)
def test_heads_of_funds_agencies_and_management_directorates_are_provincial_officials(lang, text, name):
    assert people(text, lang)[name]["role_keys"] == "provincial_official"


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "Der Direktor des Ministeriums für Landwirtschaft und Umwelt der Stadt, Herr Trần Văn Hiếu, ergänzte das.",
            "Trần Văn Hiếu",
            ("department_director", "provincial"),
        ),
    ],
)
def test_a_ministry_of_the_city_is_a_mistranslated_department(lang, text, name, keys):
    found = people(text, lang)[name]
    assert (found["role_keys"], found["level"]) == keys


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "„Wir wollen das“, sagte Provinzparteisekretär Herr Đinh Văn Lực, Mitglied des Zentralkomitees der Partei.",
            "Đinh Văn Lực",
            "party_secretary;central_committee_member",
        ),
        (
            "it",
            "Il presidente del Comitato Popolare del rione di Lang Biang – Da Lat, Ho Duc Minh, ha proposto un fondo.",
            "Ho Duc Minh",
            "other",
        ),
    ],
)
def test_titles_against_an_honorific_and_places_in_two_parts_stay_the_persons(lang, text, name, keys):
    found = people(text, lang)
    assert list(found) == [name] and found[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "Herr Le Dinh Khoa, Direktor des Ministeriums für Wissenschaft und Technologie der Provinz Quang Tri, sagte das.",
            "Le Dinh Khoa",
            ("department_director", "provincial"),
        ),
        (
            "en",
            "Mr. Tran Van Binh, Director of the Ministry of Finance, visited the province on Monday.",
            "Tran Van Binh",
            ("central_official", "central"),
        ),
    ],
)
def test_a_ministry_of_the_province_is_a_mistranslated_department(lang, text, name, keys):
    found = people(text, lang)[name]
    assert (found["role_keys"], found["level"]) == keys


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Mr. Tran Minh Tuan, Director of the Department of Digital Economy and Society under MoST, spoke.",
        ),
        ("en", "Ms. Le Thi Hong Van, Director of MoST's Department of Digital Economy and Society, spoke."),
        ("fr", "M. Tran Minh Tuan, directeur du Département de l'économie numérique du MIC, a parlé."),
    ],
)
def test_a_department_of_an_abbreviated_ministry_is_central(lang, text):
    (found,) = people(text, lang).values()
    assert (found["role_keys"], found["level"]) == ("central_official", "central")


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "pt",
            "A Sra. Vũ Thị Thu Hằng, vice-presidente do Comité Popular Provincial, informou.",
            "Vũ Thị Thu Hằng",
        ),
        (
            "es",
            "La Sra. Nguyen Thi Lan, vicepresidenta del Comité Popular provincial, habló.",
            "Nguyen Thi Lan",
        ),
    ],
)
def test_an_article_before_an_abbreviated_honorific_opening_a_paragraph_is_no_name(lang, text, name):
    found = people(text, lang)
    assert list(found) == [name]
    assert (found[name]["honorific"], found[name]["gender"]) == ("Sra.", "f")


@pytest.mark.parametrize(
    "lang, text, gender",
    [
        (
            "it",
            "Lo ha riferito dal vicepresidente del Comitato popolare provinciale Phạm Hữu Lộc alla riunione.",
            "m",
        ),
        (
            "it",
            "Lo ha riferito dalla vicepresidente del Comitato popolare provinciale Phạm Hữu Lộc alla riunione.",
            "f",
        ),
    ],
)
def test_an_article_joined_to_a_preposition_gives_the_gender(lang, text, gender):
    assert people(text, lang)["Phạm Hữu Lộc"]["gender"] == gender


@pytest.mark.parametrize(
    "lang, line, names",
    [
        ("pl", "Sekretarz Tran Quoc Khanh przemawia na konferencji. Fot.: Duc Anh", ["Duc Anh"]),
        ("es", "Los agricultores trabajan. Foto: Agricultores cosechan arroz en la comuna de Thoi Lai.", []),
        ("es", "Los agricultores trabajan. Foto: VNA/Thanh Tam y Minh Duc", ["Thanh Tam", "Minh Duc"]),
    ],
)
def test_a_credit_names_only_the_names_right_after_its_label(lang, line, names):
    found = people([("body", LAST), ("caption", line)], lang)
    assert [n for n, p in found.items() if p["level"] == "press"] == names


def test_a_footnote_mark_after_a_foreign_authors_name_is_no_part_of_it():
    found = people([("byline", "Por Ana Beatriz Lima*"), ("body", LAST)], "pt")
    assert list(found) == ["Ana Beatriz Lima"]


def test_in_a_round_up_a_provincial_official_is_of_the_province_his_paragraph_names():
    parts = [
        ("body", "HAI PHONG: Secretary of the Provincial Party Committee Le Van Thinh said the city leads."),
        ("body", "In Dong Nai, Vice Chairwoman of the Provincial People's Committee Ho Thi Kim Thoa spoke."),
    ]
    found = people(parts, "en", province="")
    assert (found["Le Van Thinh"]["province"], found["Ho Thi Kim Thoa"]["province"]) == (
        "Hải Phòng",
        "Đồng Nai",
    )


@pytest.mark.parametrize(
    "lang, text, name, role",
    [
        (
            "de",
            "Nach Angaben des Leiters des Verwaltungsrats der Grenzwirtschaftszone Đồng Đăng – Lạng Sơn, Herr Nông Đức Việt, hat die Provinz 18 Aufgaben erledigt.",
            "Nông Đức Việt",
            "Leiters des Verwaltungsrats der Grenzwirtschaftszone Đồng Đăng – Lạng Sơn",
        ),
        (
            "de",
            "Die stellvertretende Innenministerin, Frau Trương Thị Hải Yến, teilte das mit.",
            "Trương Thị Hải Yến",
            "stellvertretende Innenministerin",
        ),
    ],
)
def test_a_place_joined_to_its_province_by_a_dash_and_german_compound_ministers(lang, text, name, role):
    found = people(text, lang)
    assert list(found) == [name]
    assert found[name]["role"] == role


def test_a_caption_after_a_photo_label_that_names_an_official_with_an_honorific_is_no_credit():
    caption = (
        "Zdjęcie: Pan Lường Văn Đoàn, sekretarz Prowincjonalnego Komitetu Partii, przemawia na konferencji."
    )
    found = people([("body", LAST), ("caption", caption)], "pl")
    assert [(n, p["level"]) for n, p in found.items()] == [("Lường Văn Đoàn", "provincial")]


def test_a_name_after_the_word_province_that_names_no_province_is_a_person():
    text = "« Nous protégeons la forêt », a souligné le vice-président du Comité populaire de la province Tran Quoc Khanh."
    assert people(text, "fr")["Tran Quoc Khanh"]["role_keys"] == "peoples_committee_vice_chair"


@pytest.mark.parametrize(
    "lang, text, name, role",
    [
        (
            "fr",
            "La présidente de la Commission des sciences, des technologies et de l'environnement, Mme Dinh Thi Phuong Lan, a salué le projet.",
            "Dinh Thi Phuong Lan",
            "présidente de la Commission des sciences, des technologies et de l'environnement",
        ),
        (
            "es",
            "El director del Departamento de ciencia, de tecnología y de innovación, Sr. Tran Van Nam, habló.",
            "Tran Van Nam",
            "director del Departamento de ciencia, de tecnología y de innovación",
        ),
    ],
)
def test_an_organisations_fields_listed_in_lower_case_stay_in_its_name(lang, text, name, role):
    assert people(text, lang)[name]["role"] == role


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            "Étaient présents M. Lai Manh Toan et Mme Dao Thi Thu Trang, vice-présidents du Comité populaire provincial.",
        ),
        (
            "fr",
            "En présence de M. Lai Manh Toan et de Mme Dao Thi Thu Trang, tous deux vice-présidents du Comité populaire provincial.",
        ),
        (
            "en",
            "The ceremony was attended by Mr. Lai Manh Toan and Ms. Dao Thi Thu Trang, Vice Chairmen of the provincial People's Committee.",
        ),
        (
            "es",
            "Asistieron el Sr. Lai Manh Toan y la Sra. Dao Thi Thu Trang, vicepresidentes del Comité Popular provincial.",
        ),
    ],
)
def test_a_plural_title_goes_to_names_listed_with_their_honorifics(lang, text):
    found = people(text, lang)
    assert {n: p["role_keys"] for n, p in found.items()} == {
        "Lai Manh Toan": "peoples_committee_vice_chair",
        "Dao Thi Thu Trang": "peoples_committee_vice_chair",
    }
    assert (found["Lai Manh Toan"]["gender"], found["Dao Thi Thu Trang"]["gender"]) == ("m", "f")


def test_an_honorific_after_a_function_word_alone_lists_no_name():
    text = (
        "Le rapport de M. Nguyen Van An de M. Tran Van Binh, vice-présidents du Comité populaire provincial."
    )
    assert "Nguyen Van An" not in people(text, "fr")


@pytest.mark.parametrize(
    "lang, text, keys",
    [
        (
            "en",
            "Secretary of the Provincial Party Committee Vu Manh Cuong, who is also an alternate member of the Party Central Committee, asked all levels to act.",
            "party_secretary;central_committee_alternate_member",
        ),
        (
            "fr",
            "Le secrétaire du Comité provincial du Parti, Vu Manh Cuong, qui est également membre du Comité central du Parti, a pris la parole.",
            "party_secretary;central_committee_member",
        ),
        (
            "es",
            "El secretario del Comité Provincial del Partido, Vu Manh Cuong, quien es también miembro del Comité Central del Partido, habló.",
            "party_secretary;central_committee_member",
        ),
    ],
)
def test_a_relative_clause_after_a_name_gives_its_title(lang, text, keys):
    assert people(text, lang)["Vu Manh Cuong"]["role_keys"] == keys


def test_a_name_that_ends_one_longer_name_is_that_person_again():
    text = (
        "Frau Nguyen Thi Thu Ha, Direktorin des Finanzministeriums der Provinz, erklärte das Wachstum. "
        "Bis 2030 sollen 5.000 Ingenieure ausgebildet werden, teilte die Leiterin des Finanzamts der Provinz, Frau Thu Ha, mit."
    )
    found = people(text, "de")
    assert list(found) == ["Nguyen Thi Thu Ha"]
    assert found["Nguyen Thi Thu Ha"]["role_keys"] == "department_director"


def test_a_short_name_two_longer_names_end_with_is_nobody_merged():
    text = (
        "Ông Nguyen Van Thanh, Director of the Department of Finance, and Mr. Le Van Thanh, Director of the "
        "Department of Construction, spoke. Mr. Van Thanh, Director of the Department of Health, closed."
    )
    assert set(people(text, "en")) == {"Nguyen Van Thanh", "Le Van Thanh", "Van Thanh"}


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "fr",
            "M. Lê Văn Thắng, chef adjoint de la Sous-direction des douanes de la zone VIII, a indiqué cela.",
            "Lê Văn Thắng",
        ),
        (
            "de",
            "Herr Vy Thành Long, stellvertretender Leiter der Zollzweigstelle Region VI, sagte das.",
            "Vy Thành Long",
        ),
        (
            "en",
            "Mr. Tran Van Hai, deputy head of the Customs Branch of Lao Cai border gate, said so.",
            "Tran Van Hai",
        ),
        (
            "es",
            "El Sr. Tran Van Hai, subjefe del Subdepartamento de Aduanas de la zona VIII, lo dijo.",
            "Tran Van Hai",
        ),
    ],
)
def test_customs_officials_are_central(lang, text, name):
    found = people(text, lang)[name]
    assert (found["role_keys"], found["level"]) == ("central_official", "central")


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "de",
            "Nach Angaben von Herrn Ngo Tan Phuong, stellvertretender Leiter der Verwaltung der Industrieparks der Provinz, stiegen die Investitionen.",
            "Ngo Tan Phuong",
            "provincial_official",
        ),
        (
            "de",
            "„Das ist ein Instrument“, sagte der Vize-Minister für Wissenschaft und Technologie Pham Van Khiem.",
            "Pham Van Khiem",
            "deputy_minister",
        ),
        (
            "de",
            "Frau Nguyen Thi Thu Ha, Direktorin des Finanzministeriums der Provinz, erklärte das.",
            "Nguyen Thi Thu Ha",
            "department_director",
        ),
    ],
)
def test_german_administrations_hyphenated_deputies_and_compound_provincial_ministries(
    lang, text, name, keys
):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "pl",
            "W spotkaniu uczestniczył Pan Nguyen Huu Phuoc, Komendant Straży Granicznej prowincji, pułkownik.",
            "Nguyen Huu Phuoc",
        ),
        (
            "en",
            "Colonel Nguyen Huu Phuoc, Commander of the provincial Border Guard, said so.",
            "Nguyen Huu Phuoc",
        ),
    ],
)
def test_border_guard_commanders_are_provincial_officials(lang, text, name):
    assert people(text, lang)[name]["role_keys"] == "provincial_official"


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "es",
            "Mai Xuan Binh, jefe de la Junta de Gestión de la Zona Económica de Nghi Son y las zonas industriales, dijo.",
            "Mai Xuan Binh",
        ),
        (
            "en",
            "Le Van Tam, head of the Nghi Son Economic Zone Management Board, said the plan was ready.",
            "Le Van Tam",
        ),
    ],
)
def test_a_zones_name_inside_a_title_is_no_person(lang, text, name):
    found = people(text, lang)
    assert list(found) == [name] and found[name]["role_keys"] == "provincial_official"


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "pl",
            "Komendant Straży Granicznej prowincji, pułkownik Nguyen Huu Phuoc, podkreślił, że system działa.",
        ),
        ("en", "Commander of the provincial Border Guard, Colonel Nguyen Huu Phuoc, stressed that."),
    ],
)
def test_a_military_rank_stands_where_a_courtesy_title_does(lang, text):
    found = people(text, lang)["Nguyen Huu Phuoc"]
    assert (found["role_keys"], found["gender"]) == ("provincial_official", "")


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "pl",
            "Delegacja pod przewodnictwem wiceministra rolnictwa i środowiska Pham Van Duc przeprowadziła inspekcję.",
            "Pham Van Duc",
            "deputy_minister",
        ),
        ("pl", "Spotkał się z wiceministrem Pham Van Duc.", "Pham Van Duc", "deputy_minister"),
    ],
)
def test_polish_deputy_ministers_in_every_case(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "es",
            "El vicepresidente del Comité Popular de la ciudad, Sr. Nguyen Van Hoa, pidió al director del Hospital General, Le Minh Khoa, extender el modelo.",
        ),
        (
            "en",
            "Mr. Nguyen Van Hoa, Vice Chairman of the city People's Committee, asked the director of the hospital, Le Minh Khoa, to act.",
        ),
    ],
)
def test_a_title_after_a_verb_and_an_article_is_the_next_persons(lang, text):
    found = people(text, lang)
    assert found["Nguyen Van Hoa"]["role_keys"] == "peoples_committee_vice_chair"
    assert found["Le Minh Khoa"]["role_keys"] == "provincial_official"


def test_leaders_listed_after_sowie_are_other_people():
    text = (
        "Anwesend waren Herr Đặng Minh Tuấn, stellvertretender Vorsitzender des Volkskomitees der Stadt, "
        "sowie Leiter von Abteilungen, Ämtern und Bezirken."
    )
    assert people(text, "de")["Đặng Minh Tuấn"]["role_keys"] == "peoples_committee_vice_chair"


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "it",
            "Ha partecipato la compagna Đặng Thị Ngọc Bích, Vicepresidente del Comitato del Popolo provinciale, e leader di dipartimenti e settori.",
        ),
        (
            "de",
            "Anwesend war Frau Đặng Thị Ngọc Bích, Vizevorsitzende des Volkskomitees der Provinz, sowie Leiter von Abteilungen.",
        ),
    ],
)
def test_leaders_listed_after_an_official_are_other_people(lang, text):
    assert people(text, lang)["Đặng Thị Ngọc Bích"]["role_keys"] == "peoples_committee_vice_chair"


@pytest.mark.parametrize(
    "lang, text, honorific",
    [
        (
            "de",
            "Bild: Herr Đỗ Quang Vinh (rechts), Direktor des Amtes für Wissenschaft und Technologie, stellt das System vor.",
            "Herr",
        ),
        (
            "en",
            "Mr Do Quang Vinh (right), director of the Department of Science and Technology, shows the system.",
            "Mr",
        ),
        (
            "en",
            "Do Quang Vinh (second from left), director of the Department of Science and Technology, shows the system.",
            "",
        ),
        (
            "fr",
            "M. Do Quang Vinh (à droite), directeur du Département des sciences et technologies, présente le système.",
            "M.",
        ),
        (
            "pl",
            "Pan Do Quang Vinh (z prawej), dyrektor Departamentu Nauki i Technologii, przedstawia system.",
            "Pan",
        ),
    ],
)
def test_a_captions_aside_between_a_name_and_its_title_hides_no_title(lang, text, honorific):
    (found,) = people(text, lang).values()
    assert (found["honorific"], found["role_keys"]) == (honorific, "department_director")


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            "« Avant, il fallait deux jours », explique M. Dinh Huy Tri, directeur du parc national de Phong Nha-Ke Bang.",
        ),
        (
            "en",
            "According to Mr. Dinh Huy Tri, director of Phong Nha-Ke Bang National Park, the park uses drones.",
        ),
        (
            "de",
            "Laut Herrn Dinh Huy Tri, Direktor des Nationalparks Phong Nha-Ke Bang, setzt der Park Drohnen ein.",
        ),
        (
            "es",
            "Según el Sr. Dinh Huy Tri, director del Parque Nacional Phong Nha-Ke Bang, el parque usa drones.",
        ),
    ],
)
def test_the_director_of_a_national_park_is_a_provincial_official(lang, text):
    found = people(text, lang)["Dinh Huy Tri"]
    assert (found["role_keys"], found["level"]) == ("provincial_official", "provincial")


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "pt",
            "Ao concluir, a vice-presidente da Comissão Popular municipal Le Thi Bich Van pediu mais rapidez.",
        ),
        (
            "fr",
            "La vice-présidente de la Commission populaire provinciale, Mme Le Thi Bich Van, a demandé plus.",
        ),
    ],
)
def test_a_peoples_committee_translated_as_a_commission_is_the_peoples_committee(lang, text):
    assert people(text, lang)["Le Thi Bich Van"]["role_keys"] == "peoples_committee_vice_chair"


@pytest.mark.parametrize(
    "lang, text, name, keys",
    [
        (
            "en",
            "Comrade Le Thi Hong Nhung, Head of the Provincial Party Committee's Propaganda and Mass Mobilization "
            "Commission, spoke.",
            "Le Thi Hong Nhung",
            "provincial_commission_head",
        ),
        (
            "it",
            "Lo ha affermato il viceministro degli Interni Cao Huy Thanh alla conferenza stampa.",
            "Cao Huy Thanh",
            "deputy_minister",
        ),
    ],
)
def test_a_party_committees_own_commission_and_an_italian_degli_title(lang, text, name, keys):
    assert people(text, lang)[name]["role_keys"] == keys


@pytest.mark.parametrize(
    "lang, text, role",
    [
        (
            "en",
            "Director Nguyen Thi Thu Ha of the provincial Department of Industry and Trade said so.",
            "Director of the provincial Department of Industry and Trade",
        ),
        (
            "de",
            "Frau Direktorin Nguyen Thi Thu Ha vom Amt für Industrie und Handel der Provinz sagte das.",
            "Direktorin vom Amt für Industrie und Handel der Provinz",
        ),
        (
            "es",
            "La directora Nguyen Thi Thu Ha, del Departamento de Industria y Comercio, dijo eso.",
            "directora del Departamento de Industria y Comercio",
        ),
    ],
)
def test_a_title_written_around_the_name_is_one_title(lang, text, role):
    found = people(text, lang)["Nguyen Thi Thu Ha"]
    assert (found["role"], found["role_keys"]) == (role, "department_director")


def test_a_head_before_a_name_and_a_place_after_it_make_no_organisation():
    assert "Nguyen Van A" not in people("Chairman Nguyen Van A of Hanoi said so.", "en")


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "en",
            "Deputy Prime Minister Nghiem Duc Khang, member of the Party Central Committee, chaired it.",
            "Nghiem Duc Khang",
        ),
        (
            "es",
            "El viceprimer ministro Tran Quoc Khanh, miembro del Comité Central del Partido, presentó el informe.",
            "Tran Quoc Khanh",
        ),
    ],
)
def test_a_central_post_with_no_key_is_other_beside_the_persons_keyed_titles(lang, text, name):
    assert people(text, lang)[name]["role_keys"] == "other;central_committee_member"


def test_a_polish_case_ending_on_a_names_last_word_is_cut_off():
    text = (
        "Według Pana Tran Duc Thanga, szefa Oddziału Celnego Regionu III (Ministerstwo Finansów), tak jest."
    )
    found = people(text, "pl")
    assert list(found) == ["Tran Duc Thang"] and found["Tran Duc Thang"]["role_keys"] == "central_official"


@pytest.mark.parametrize(
    "text, name, keys",
    [
        (
            "Politburo member and NA Chairman Trần Thanh Mẫn asked the Government to report.",
            "Trần Thanh Mẫn",
            "politburo_member;other",
        ),
        (
            "Ms. Nguyễn Thị Thu Hà, Chairwoman of the NA Committee for Science, Technology and Environment, spoke.",
            "Nguyễn Thị Thu Hà",
            "other",
        ),
    ],
)
def test_the_na_is_the_national_assembly_a_central_body_whose_posts_have_no_key(text, name, keys):
    found = people(text, "en")[name]
    assert (found["role_keys"], found["level"]) == (keys, "central")


def test_a_signature_above_a_hotline_line_is_the_byline():
    found = people(
        [
            ("body", LAST),
            ("body", "Thanh Hai"),
            ("body", "Hotline del Centro di Promozione del Commercio: 0212 3856 789"),
        ],
        "it",
    )
    assert list(found) == ["Thanh Hai"]


def test_a_polish_genitive_of_minister_marks_no_woman():
    text = "Zastępca ministra Spraw Wewnętrznych Đặng Quốc Thịnh podkreślił, że zredukowano etaty."
    assert people(text, "pl")["Đặng Quốc Thịnh"]["gender"] != "f"


def test_an_interviewers_credit_is_press():
    assert list(people([("body", LAST), ("byline", "Das Gespräch führte Thu Hoa")], "de")) == ["Thu Hoa"]


def test_a_one_letter_word_opening_a_name_after_an_honorific_is_the_names():
    text = "Mr. A Dinh Hung, Chairman of the People's Committee of Ngoc Linh commune, said the plan works."
    assert list(people(text, "en")) == ["A Dinh Hung"]


def test_a_german_compound_place_word_makes_the_name_after_it_a_place():
    text = (
        "Laut Herrn Huỳnh Văn Dũng, Leiter des Verwaltungsrats der Wirtschaftszone Dung Quất und der "
        "Industrieparks von Quảng Ngãi, stieg die Zahl."
    )
    assert list(people(text, "de")) == ["Huỳnh Văn Dũng"]


@pytest.mark.parametrize(
    "lang, text, name, keys, level",
    [
        (
            "it",
            "«Dobbiamo garantire la rete», ha dichiarato il segretario del Partito provinciale Nguyen Dinh Phuc.",
            "Nguyen Dinh Phuc",
            "party_secretary",
            "provincial",
        ),
        (
            "fr",
            "M. Dao Minh Quan, directeur du Département des paiements de la Banque d'État du Vietnam, a salué le modèle.",
            "Dao Minh Quan",
            "central_official",
            "central",
        ),
        (
            "de",
            "Herr Vo Minh Tri, Direktor des Ministeriums für Wissenschaft und Technologie von Ho-Chi-Minh-Stadt, berichtete.",
            "Vo Minh Tri",
            "department_director",
            "provincial",
        ),
        (
            "pt",
            "A diretora-geral do Departamento de Investimento do Ministério das Finanças, a Sr.ª Dang Thi Ngoc Mai, adiantou.",
            "Dang Thi Ngoc Mai",
            "central_official",
            "central",
        ),
        (
            "pt",
            "O secretário do Comitê Provincial do Partido, Nong Duc Toan (3º da esq.), visita o posto.",
            "Nong Duc Toan",
            "party_secretary",
            "provincial",
        ),
        (
            "pl",
            "Dyrektor Zarządu Zatoki Ha Long Do Van Khang poinformował o wynikach.",
            "Do Van Khang",
            "provincial_official",
            "provincial",
        ),
    ],
)
def test_provincial_party_state_bank_city_ministries_and_bracketed_positions(lang, text, name, keys, level):
    found = people(text, lang)[name]
    assert (found["role_keys"], found["level"]) == (keys, level)


def test_an_italian_a_cura_di_byline_names_the_author():
    found = people([("body", "Testo."), ("byline", "A cura di Phuong Thao")], "it")
    assert found["Phuong Thao"]["level"] == "press"


@pytest.mark.parametrize(
    "lang, text, name, keys, level",
    [
        (
            "pl",
            "Pan Phạm Anh Tuấn, dyrektor Departamentu Płatności Państwowego Banku Wietnamu, przekazał dane.",
            "Phạm Anh Tuấn",
            "central_official",
            "central",
        ),
        (
            "pt",
            "Segundo a senhora Ton Nu Thi Thanh Hoa, diretora do Departamento de Ciência e Tecnologia, o aplicativo reúne.",
            "Ton Nu Thi Thanh Hoa",
            "department_director",
            "provincial",
        ),
        (
            "pt",
            "O secretário do Comitê Municipal do Partido e chefe do Comitê Diretivo de Ciência, Tecnologia, Inovação e Transformação Digital, Nguyen Dinh Bao, afirmou.",
            "Nguyen Dinh Bao",
            "party_secretary;steering_committee_head",
            "provincial",
        ),
        (
            "it",
            "Trieu Quang Loi, vicecapo della delegazione dell'Assemblea Nazionale della provincia di Bac Ninh, ha osservato.",
            "Trieu Quang Loi",
            "other",
            "provincial",
        ),
    ],
)
def test_state_bank_royal_family_names_long_field_lists_and_assembly_delegations(
    lang, text, name, keys, level
):
    found = people(text, lang)[name]
    assert (found["role_keys"], found["level"]) == (keys, level)


def test_two_authors_joined_by_a_dash_sign_the_article():
    text = "Les services publics en ligne de la province progressent rapidement cette année selon le rapport."
    found = people([("body", text), ("body", "Duc Tho – Thu Trang (VNA)")], "fr")
    assert {n: p["level"] for n, p in found.items()} == {"Duc Tho": "press", "Thu Trang": "press"}


def test_a_later_head_before_the_name_is_its_title():
    text = "The report, presented on behalf of the Prime Minister by Deputy Minister of Science and Technology Nguyen Van Khiem, said so."
    found = people(text, "en")["Nguyen Van Khiem"]
    assert (found["role_keys"], found["level"]) == ("deputy_minister", "central")


@pytest.mark.parametrize(
    "lang, byline, name",
    [
        ("pt", "Texto e fotografias: Thanh Thien", "Thanh Thien"),
        ("it", "Intervista realizzata da Minh Van", "Minh Van"),
    ],
)
def test_more_credit_labels(lang, byline, name):
    assert people([("body", "Testo."), ("byline", byline)], lang)[name]["level"] == "press"
