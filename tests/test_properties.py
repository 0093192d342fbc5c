"""Properties over open-ended text: the whole flow from raw page to rows never raises, offsets hold,
values are finite, and cleaning is idempotent.

Idempotent cleaning, precisely: `normalise(normalise(t)) == normalise(t)`, and a document
whose text is already the output of `clean_document` comes out of `clean_document` again
with the same text and segments at the same offsets: nothing more is removed, changed or
split. (A segment's kind may differ: the marks that told a caption from a title, such as
`| ... |`, are gone from the cleaned text.) This holds for pages of article lines (title,
lead, dateline, headings, body, bylines, noise, repeats) and is tested on them. Known
exceptions, left out: cleaning reads some lines by their position and neighbours, which a
first cleaning changes. The line after an image file name is a caption taken as it stands
(cleaned again it is a lead or body line and loses a leading bullet or language label); a
source line in the first half of a page is kept with what follows it, and once the page
is shorter it stands in the second half, so what follows it is then dropped as chrome.
Complements tests/test_numbers.py, test_metrics.py and test_people_properties.py, which
draw from small alphabets; these draw pages built from article-like lines and any text.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.clean import clean_document, normalise
from toolkit.metrics import extract_metrics
from toolkit.model import Document
from toolkit.numbers import read_numbers
from toolkit.people import extract_people
from toolkit.pipeline import place_document

LANGS = ["es", "fr", "pl", "pt", "en", "de", "it", ""]
# Lines of the shapes a scraped page holds: body, titles, captions, sources, bylines, chrome, noise.
LINES = st.sampled_from(
    [
        "La provincia emitió más de 9.000 firmas digitales en 2025.",
        "Le camarade Nguyen Van An, secrétaire du Comité provincial du Parti, a présidé.",
        "Towarzysz Tran Thi Lan, przewodnicząca, powiedziała, że 24 z 25 zadań wykonano.",
        "The province planted 1,200 hectares of forest, 58.46% of the plan",
        "Fuente: https://baocaobang.vn/2025/07/02/tin.html",
        "| Delegados en la conferencia |",
        "img_0016.jpg",
        "![](x.png) |",
        "Comentarios (0)",
        "Por NGUYEN VAN AN",
        "02/07/2025 10:15",
        "CONFERENCIA PROVINCIAL SOBRE TRANSFORMACIÓN DIGITAL",
        "* Lead: 4 267 milliards de dongs et 3 mil millones",
        "Español La provincia ha completado 150 tareas.",
        "Cao Bằng - baocaobang.vn",
        "=1+2 título",
        "",
        "   ",
    ]
)
NOISE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
)
PAGES = st.lists(st.one_of(LINES, NOISE), max_size=25).map("\n".join)
_POSITIONAL = (
    "Fuente: https://baocaobang.vn/2025/07/02/tin.html",
    "img_0016.jpg",
    "![](x.png) |",
    "| Delegados en la conferencia |",
)
ARTICLE_PAGES = st.lists(
    st.one_of(LINES.filter(lambda line: line not in _POSITIONAL), NOISE), max_size=25
).map("\n".join)
NUMBERISH = st.lists(
    st.sampled_from(list("0123456789 .,%/-:()\u00a0\u202f\u200b") + ["mil", " millones", " mln", "\n"]),
    max_size=300,
).map("".join)


def page_document(raw: str, lang: str) -> Document:
    doc = clean_document(Document(doc_id="p", path="p.txt", text=raw))
    doc.language = lang
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200) | PAGES)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=ARTICLE_PAGES)
def test_cleaning_cleaned_text_changes_nothing(raw):
    first = clean_document(Document(doc_id="p", path="p.txt", text=raw))
    again = clean_document(Document(doc_id="p", path="p.txt", text=first.text))
    assert again.text == first.text
    assert [(s.start, s.end) for s in again.segments] == [(s.start, s.end) for s in first.segments]
    assert again.n_duplicate_paragraphs == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=PAGES)
def test_segments_always_point_into_the_cleaned_text(raw):
    doc = clean_document(Document(doc_id="p", path="p.txt", text=raw))
    for seg in doc.segments:
        piece = doc.text[seg.start : seg.end]
        assert 0 <= seg.start < seg.end <= len(doc.text)
        assert piece == piece.strip() and "\n" not in piece


@settings(max_examples=200, deadline=None)
@given(text=NUMBERISH, lang=st.sampled_from(LANGS))
def test_numbers_are_finite_and_their_offsets_hold(text, lang):
    for q in read_numbers(text, lang):
        assert text[q.start : q.end] == q.raw
        assert math.isfinite(q.value)
        assert q.start < q.end <= q.unit_end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digits=st.integers(min_value=310, max_value=2000))
def test_numbers_beyond_any_float_are_no_figures(digits):
    text = f"La provincia emitió {'9' * digits} firmas."
    assert all(math.isfinite(q.value) for q in read_numbers(text, "es"))
    assert not [q for q in read_numbers(text, "es") if q.is_figure]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=PAGES, lang=st.sampled_from(LANGS))
def test_extractors_on_any_page_never_raise_and_rows_point_at_their_text(raw, lang):
    doc = page_document(raw, lang)
    place_document(doc)
    for row in extract_metrics(doc):
        assert doc.text[row["start"] : row["end"]] == row["raw"]
        assert math.isfinite(row["value"])
        assert row["quote"] in doc.text
    for row in extract_people(doc):
        assert doc.text[row["start"] : row["end"]] == row["name"]
    assert not [f for f in doc.findings if f["check"].endswith("_failed")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NUMBERISH, lang=st.sampled_from(LANGS))
def test_metrics_on_number_soup_never_raise_and_values_are_finite(text, lang):
    doc = page_document(text, lang)
    for row in extract_metrics(doc):
        assert doc.text[row["start"] : row["end"]] == row["raw"]
        assert math.isfinite(row["value"])
    assert not [f for f in doc.findings if f["check"].endswith("_failed")]
