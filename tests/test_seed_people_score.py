"""Acceptance: the people extractor against the hand-made gold of the five seed articles."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("measure", "minimum"),
    [("f1", 0.95), ("role_jaccard", 0.85), ("level_acc", 0.95), ("province_acc", 0.95)],
)
def test_seed_people_scores(seed_scores, measure, minimum):
    assert seed_scores["people"][measure] >= minimum, seed_scores["people"]


def test_same_person_same_id_across_seed_articles_and_languages(seed_result):
    people = seed_result.people
    docs = set(people.loc[people["name"] == "Huynh Thanh Dat", "doc_id"].str[:3])
    ids = set(people.loc[people["name"] == "Huynh Thanh Dat", "person_id"])
    assert docs == {"000", "001", "002"}
    assert len(ids) == 1


def test_seed_roster_lists_each_person_once(seed_result):
    roster = seed_result.roster
    assert roster["person_id"].is_unique
    dat = roster.set_index("person_id").loc[
        seed_result.people.set_index("name").loc["Huynh Thanh Dat", "person_id"].iloc[0]
    ]
    assert dat["n_documents"] == 3
    assert dat["level"] == "central"
    assert "central_commission_deputy_head" in dat["role_keys"].split(";")


def test_seed_people_offsets_hold(seed_result):
    for row in seed_result.people.itertuples():
        assert seed_result.text(row.doc_id)[row.start : row.end] == row.name
