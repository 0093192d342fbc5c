"""Markup scrapers leave in a page (HTML tags and entities, Markdown) is taken out before reading."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import clean, metrics, people
from toolkit.markup import strip_markup
from toolkit.model import Document


@pytest.mark.parametrize(
    "page, text",
    [
        ("<p>Uno.</p><p>Dos.</p>", "\nUno.\n\nDos.\n"),
        ("Uno.<br/>Dos.", "Uno.\nDos."),
        ("<tr><td>Lam Dong</td><td>12</td></tr>", "\nLam Dong | 12\n"),
        (
            '<p>Texto <a href="https://x.vn/a">enlace</a> y <strong>negrita</strong>.</p>',
            "\nTexto enlace y negrita.\n",
        ),
        ('<script>var a = "<p>";</script><p>Texto.</p>', "\nTexto.\n"),
        ('Foto <img src="a.jpg" alt="Conferencia"> aquí.', "Foto  aquí."),
        ("m&aacute;s de 1.500 millones", "más de 1.500 millones"),
        ("R&amp;D", "R&D"),
        ("1&#160;938 ha", "1\u00a0938 ha"),
    ],
)
def test_html_tags_and_entities_are_taken_out(page, text):
    assert strip_markup(page).text == text


@pytest.mark.parametrize(
    "page, text",
    [
        ("# Quang Ninh leads", "Quang Ninh leads"),
        ("## Digital economy ##", "Digital economy"),
        ("said **Ms. Nguyen Thi Hanh**, director", "said Ms. Nguyen Thi Hanh, director"),
        ("*Chairman Bui Van Khang speaks. Photo: VNA*", "Chairman Bui Van Khang speaks. Photo: VNA"),
        ("Read more: [Hai Phong targets 30%](https://x.vn/hp)", "Read more: Hai Phong targets 30%"),
        ("![Chairman speaks](https://x.vn/a.jpg)", ""),
    ],
)
def test_markdown_marks_are_taken_out(page, text):
    assert strip_markup(page).text == text


@pytest.mark.parametrize(
    "text",
    [
        "El índice subió un 5 % y <5 % de los hogares no tiene red.",
        "R&D spending rose; 2*3 is six.",
        "#ChuyenDoiSo trends on social media",
        "Bullet points:\n* first item\n* second item",
        "Entre 10-15 % | y 20 %",
    ],
)
def test_plain_text_is_left_as_it_is(text):
    stripped = strip_markup(text)
    assert (stripped.text, stripped.notes) == (text, [])


def test_images_alone_are_noted_but_raise_no_finding():
    page = "Title of the page here\n\n![Chairman](https://x.vn/a.jpg)\n\n" + BODY
    doc = clean.clean_document(Document("d", "d.txt", text=page))
    assert [f["check"] for f in doc.findings] == []
    assert "markup: 1 image" in doc.removed


def test_a_markdown_tables_rule_and_separator_lines_are_dropped():
    page = f"Title of the page here\n\n{BODY}\n\n| Province | Score |\n|---|:---:|\n| Lam Dong | 0,81 |\n\n---\n\n{BODY}"
    doc = clean.clean_document(Document("d", "d.txt", text=page))
    assert "---" not in doc.text
    assert "Lam Dong | 0,81" in doc.text


def test_words_marked_up_raise_a_finding_and_are_read():
    page = "Title of the page here\n\n<p>" + BODY.replace("Sr. Tran", "<strong>Sr. Tran") + "</p>"
    page = page.replace("más", "m&aacute;s").replace("Minh,", "Minh</strong>,")
    doc = clean.clean_document(Document("d", "d.txt", text=page))
    doc.language = "es"
    assert [f["check"] for f in doc.findings] == ["markup_removed"]
    assert [p["name"] for p in people.extract_people(doc)] == ["Tran Van Minh"]
    (figure,) = metrics.extract_metrics(doc)
    assert (figure["raw"], figure["qualifier"]) == ("1.500 millones", "more_than")


BODY = (
    "La ciudad ha destinado más de 1.500 millones de dongs a la ciencia y la tecnología, según el "
    "Sr. Tran Van Minh, director del Departamento de Ciencia y Tecnología."
)


MARKUP_ALPHABET = st.sampled_from(
    list("ab0 _*#[]()!<>&;/:.\n") + ["&amp;", "<p>", "</p>", "**", "](http://x.vn)"]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(MARKUP_ALPHABET, max_size=30).map("".join))
def test_stripping_markup_twice_changes_nothing_more(text):
    once = strip_markup(text).text
    assert strip_markup(once).text == once
