"""The gazetteer: provinces found in any spelling, pre-merger names mapped to current ones."""

from __future__ import annotations

import pytest

from tests.conftest import lines_document
from toolkit.model import Segment
from toolkit.pipeline import place_document
from toolkit.places import current_name, current_provinces, find_places, fold, legacy_provinces, main_province


def test_the_gazetteer_has_34_current_and_63_former_provinces():
    assert len(current_provinces()) == 34
    assert len(legacy_provinces()) == 63


@pytest.mark.parametrize(
    "text, province",
    [
        ("en Hanoi el lunes", "Hà Nội"),
        ("en Hanói el lunes", "Hà Nội"),
        ("à Hanoï lundi", "Hà Nội"),
        ("w Ha Noi w poniedziałek", "Hà Nội"),
        ("la provincia de Cà Mau", "Cà Mau"),
        ("la provincia de Ca Mau", "Cà Mau"),
        ("the province of Cao Bang", "Cao Bằng"),
        ("in der Provinz Lâm Đồng", "Lâm Đồng"),
        ("nella provincia di Dak Lak", "Đắk Lắk"),
        ("na cidade de Ho Chi Minh", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
    ],
)
def test_province_names_are_found_with_or_without_diacritics(text, province):
    assert [m.province for m in find_places(text)] == [province]


@pytest.mark.parametrize(
    "name, current, legacy",
    [
        ("Ha Giang", "Tuyên Quang", "Hà Giang"),
        ("Bạc Liêu", "Cà Mau", "Bạc Liêu"),
        ("Dak Nong", "Lâm Đồng", "Đắk Nông"),
        ("Cao Bang", "Cao Bằng", ""),
    ],
)
def test_pre_merger_provinces_map_to_their_current_province(name, current, legacy):
    (mention,) = find_places(f"la provincia de {name}.")
    assert (mention.province, mention.legacy) == (current, legacy)
    assert current_name(name) == current


def test_offsets_point_at_the_name_as_written():
    text = "corredor Hai Phong-Hanói-Lang Son-Cao Bang"
    assert [text[m.start : m.end] for m in find_places(text)] == [
        "Hai Phong",
        "Hanói",
        "Lang Son",
        "Cao Bang",
    ]


@pytest.mark.parametrize(
    "text", ["Guangxi (China)", "el camarada Huynh Thanh Dat", "Hanoiense", "la zona de Bangkok"]
)
def test_other_words_are_not_provinces(text):
    assert find_places(text) == []


def test_fold_keeps_the_length():
    text = "Đà Nẵng, Hanoï, Cà Mau, œuvre"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("da nang, hanoi")


def test_main_province_is_the_one_named_most():
    mentions = find_places("Cao Bang y Lang Son; luego Cao Bang otra vez, y Ha Giang.")
    assert main_province(mentions) == ("Cao Bằng", "")


@pytest.mark.parametrize(
    "dateline",
    [
        "HANOI, 12 novembre 2025, 14:27",
        "(ANSA) - HANOI, 12 NOV - La provincia di Quang Ninh investe.",
        "Hanoi (VNA) – La provincia di Quang Ninh investe.",
    ],
)
def test_the_city_a_story_was_filed_from_is_not_its_province(dateline):
    lines = [dateline, "La provincia di Quang Ninh punta sul turismo.", "Quang Ninh ha 486 barche."]
    doc = lines_document(lines, "it")
    place_document(doc)
    assert doc.province == "Quảng Ninh"


def placed_under_title(title: str, body: str):
    """A document of a title and one body paragraph, placed."""
    doc = lines_document([title, body], "de")
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    place_document(doc)
    return doc


ROUND_UP = "Quang Ninh hat 30 Dienste. Hanoi hat 40 Dienste. Da Nang hat 20 Dienste. Hai Phong auch."


@pytest.mark.parametrize(
    "title, province, scope",
    [
        ("Resolution 57 nach einem Jahr: 60,7 % der Aufgaben erledigt", "", "national"),
        ("Quang Ninh: 60,7 % der Aufgaben erledigt", "Quảng Ninh", "provincial"),
        ("Innovationsindex: Hanoi führt, Da Nang und Quang Ninh folgen", "", "national"),
    ],
)
def test_a_round_up_is_about_no_province_unless_its_title_names_one(title, province, scope):
    doc = placed_under_title(title, ROUND_UP)
    assert (doc.province, doc.scope) == (province, scope)


def test_a_title_naming_two_provinces_is_no_round_up():
    doc = placed_under_title("Hanoi und Quang Ninh vereinbaren Zusammenarbeit", ROUND_UP)
    assert doc.province in ("Hà Nội", "Quảng Ninh") and doc.scope == "provincial"


def test_a_title_naming_two_provinces_among_the_countrys_34_is_a_round_up():
    doc = placed_under_title("Hanoi und HCM City führen die DTI-Tabelle der 34 Provinzen an", ROUND_UP)
    assert (doc.province, doc.scope) == ("", "national")


def test_a_title_naming_one_province_among_the_countrys_34_is_no_round_up():
    doc = placed_under_title("Quang Ninh auf Platz 2 unter 34 Provinzen", ROUND_UP)
    assert (doc.province, doc.scope) == ("Quảng Ninh", "provincial")


@pytest.mark.parametrize("spelling", ["HCM City", "TPHCM"])
def test_short_names_of_ho_chi_minh_city_are_its_name(spelling):
    assert [m.province for m in find_places(f"Die Stadt {spelling} wächst.")] == ["Hồ Chí Minh"]


def test_a_dateline_with_its_date_before_the_agency_is_where_the_story_was_filed():
    lines = [
        "Hanoi, 3 grudnia 2025 r. (VNA) – W Quang Ninh sieć 5G obejmuje 91% ludności.",
        "Quang Ninh ma 486 stacji.",
    ]
    doc = lines_document(lines, "pl")
    place_document(doc)
    assert doc.province == "Quảng Ninh"


@pytest.mark.parametrize(
    "title",
    [
        "Pagamentos sem dinheiro ganham escala em todo o Vietnã",
        "Ministério da Ciência e Tecnologia: 5G cobre 91% da população",
    ],
)
def test_a_title_that_speaks_of_the_country_opens_a_round_up(title):
    doc = lines_document(
        [title, "Vinh Long tem 30 serviços. Vinh Long tem 40 centros. Da Nang tem 20."], "pt"
    )
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    place_document(doc)
    assert (doc.province, doc.scope) == ("", "national")


def test_a_title_about_the_local_government_or_citing_the_politburo_opens_no_round_up():
    title = "Conference reviews Resolution 57 of the Politburo after 3 months of the 2-level local government"
    doc = lines_document([title, "Gia Lai has 30 services. Gia Lai trained 400 officials."], "en")
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    place_document(doc)
    assert doc.province == "Gia Lai"


def test_a_sites_name_read_as_the_title_opens_no_round_up():
    doc = lines_document(
        ["VGP News | Government of Viet Nam", "Hung Yen attracted 1,860 projects. Hung Yen has 32 parks."],
        "en",
    )
    doc.segments[0] = Segment("title", doc.segments[0].start, doc.segments[0].end)
    place_document(doc)
    assert doc.province == "Hưng Yên"
