"""Identity across articles and the roster (one row per person across the corpus)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.test_people import make_doc
from toolkit.names import person_id
from toolkit.people import RosterGroups, build_roster, extract_people
from toolkit.schemas import frame

# The same official in seven languages, with or without diacritics, with another title each time.
SAME_PERSON = [
    ("es", "Asistió el camarada Huỳnh Thành Đạt, miembro del Comité Central del Partido."),
    (
        "fr",
        "Était présent le camarade Huynh Thanh Dat, chef adjoint de la Commission centrale de propagande.",
    ),
    ("pl", "Obecny był towarzysz HUYNH THANH DAT, zastępca szefa Centralnej Komisji Propagandy."),
    ("pt", "Esteve presente o camarada Huynh Thanh Dat, ministro da Ciência e Tecnologia."),
    ("en", "Attending was Minister of Science and Technology Huynh Thanh  Dat."),
    ("de", "Anwesend war Genosse Huynh Thanh Dat, Minister für Wissenschaft und Technologie."),
    ("it", "Era presente il compagno Huynh Thanh Dat, ministro della Scienza e della Tecnologia."),
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Huỳnh Thành Đạt", "Huynh Thanh Dat"),
        ("HUYNH THANH DAT", "Huynh  Thanh Dat"),
        ("Y Thanh Hà Niê Kđăm", "Y Thanh Ha Nie Kdam"),
    ],
)
def test_person_id_ignores_case_diacritics_and_spacing(a, b):
    assert person_id(a) == person_id(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Nguyen Van An", "Nguyen Van Anh"), ("Le Thi Hoa", "Le Thi Hoa Binh"), ("Tran Van Binh", "Tran Binh")],
)
def test_similar_names_stay_apart(a, b):
    assert person_id(a) != person_id(b)


def _corpus(cases):
    records = []
    for i, (lang, text) in enumerate(cases):
        records += extract_people(make_doc(text, lang, doc_id=f"d{i}"))
    people = frame("people", records)
    people["story_id"] = people["doc_id"]
    return people


def test_same_person_in_every_language_is_one_roster_row():
    people = _corpus(SAME_PERSON)
    assert len(people) == len(SAME_PERSON)
    assert people["person_id"].nunique() == 1
    (row,) = build_roster(people)
    assert row["n_documents"] == len(SAME_PERSON)
    assert row["doc_ids"].split(";") == [f"d{i}" for i in range(len(SAME_PERSON))]
    assert set(row["role_keys"].split(";")) >= {
        "central_committee_member",
        "central_commission_deputy_head",
        "minister",
    }
    assert row["level"] == "central"


def test_roster_keeps_different_people_apart_and_collects_roles():
    people = _corpus(
        [
            ("es", "Asistió el Sr. Nguyen Van An, director del Departamento de Salud."),
            ("es", "Asistió el Sr. Nguyen Van Anh, director del Departamento de Finanzas."),
            ("es", "Intervino el Sr. Nguyen Van An, subsecretario del Comité Provincial del Partido."),
        ]
    )
    roster = pd.DataFrame(build_roster(people)).set_index("person_id")
    assert len(roster) == 2
    an = roster.loc[person_id("Nguyen Van An")]
    assert an["n_documents"] == 2
    assert an["role_keys"] == "department_director;party_deputy_secretary"
    assert an["province"] == "Cao Bằng"
    assert " | " in an["roles"]


def test_roster_of_no_people_is_empty():
    assert build_roster(frame("people", [])) == []


def test_roster_validates_against_its_schema():
    from toolkit.schemas import validate_table

    people = _corpus(SAME_PERSON)
    roster = frame("roster", build_roster(people))
    _, failures = validate_table("roster", roster)
    assert failures == []


def test_people_grouped_document_by_document_in_any_order_give_the_roster_of_the_table():
    cases = SAME_PERSON + [("es", "Asistió el Sr. Nguyen Van An, director del Departamento de Salud.")]
    per_doc = [extract_people(make_doc(text, lang, doc_id=f"d{i}")) for i, (lang, text) in enumerate(cases)]
    groups = RosterGroups()
    for records in reversed(per_doc):
        groups.add(records)
    assert groups.rows() == build_roster(frame("people", [r for records in per_doc for r in records]))
