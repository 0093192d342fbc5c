"""People: open-ended input never raises, and every row's offsets point at its name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_people import make_doc
from toolkit.people import extract_people

WORDS = st.sampled_from(
    [
        "camarada",
        "Sr.",
        "la",
        "Sra.",
        "towarzyszka",
        "Mr",
        "Genosse",
        "compagno",
        "el",
        "de",
        "del",
        "presidente",
        "secretario",
        "subsecretaria",
        "del Comité Popular Provincial",
        "Nguyen",
        "Văn",
        "Thị",
        "Lan",
        "Y",
        "Kdam",
        "Cao",
        "Bang",
        "Foto:",
        "VNA",
        "NGUYEN",
        "VAN",
        ",",
        ";",
        ".",
        ":",
        "(",
        ")",
        "-",
        "\n",
        "los camaradas:",
        "y",
        "and",
        "Hà",
        "Giang",
        "Viettel",
        "İ",
        "ẞ",
        "\u00a0",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(WORDS, max_size=40),
    noise=st.text(max_size=40),
    lang=st.sampled_from(["es", "fr", "pl", "pt", "en", "de", "it", "vi", ""]),
    kind=st.sampled_from(["body", "caption", "byline"]),
)
def test_never_raises_and_offsets_hold(words, noise, lang, kind):
    doc = make_doc([(kind, " ".join(words) + noise)], lang)
    for row in extract_people(doc):
        assert doc.text[row["start"] : row["end"]] == row["name"]
        assert row["level"] in ("central", "provincial", "press")
        assert row["gender"] in ("f", "m", "")
        assert row["person_id"].startswith("p-")


def test_a_name_of_fifty_words_is_not_a_person():
    name = " ".join(["Nguyen"] * 50)
    assert extract_people(make_doc(f"Asistió el camarada {name}, secretario.", "es")) == []
