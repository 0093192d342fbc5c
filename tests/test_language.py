"""Language identification on cleaned bodies."""

from __future__ import annotations

import pytest

from toolkit.language import _vietnamese_word, detect_text

SENTENCES = {
    "es": "La provincia ha completado la arquitectura de gobierno electrónico y ha desplegado la plataforma digital.",
    "fr": "La province a achevé l'architecture de l'administration en ligne et déployé la plateforme numérique.",
    "pl": "Prowincja zrealizowała większość zadań zgodnie z planem centralnego komitetu sterującego.",
    "pt": "A província concluiu a arquitetura do governo eletrônico e implantou a plataforma digital para os cidadãos.",
    "en": "The province has completed its e-government architecture and deployed the digital citizen platform.",
    "de": "Die Provinz hat die Architektur der elektronischen Verwaltung fertiggestellt und die Plattform eingeführt.",
    "it": "La provincia ha completato l'architettura del governo elettronico e ha lanciato la piattaforma digitale.",
}


@pytest.mark.parametrize("lang, text", SENTENCES.items())
def test_each_language_is_identified(lang, text):
    assert detect_text(text) == lang


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "en",
            "Containers are loaded at Lạch Huyện International Container Terminal. VNS Photo Đinh Mười "
            "The city's ports as a whole handled more boxes.",
        ),
    ],
)
def test_vietnamese_names_do_not_decide_the_language(lang, text):
    assert detect_text(text) == lang


def test_a_text_mostly_in_vietnamese_is_vietnamese():
    assert (
        detect_text("Tỉnh Quảng Ninh đã hoàn thành chuyển đổi số trong lĩnh vực dịch vụ công trực tuyến.")
        == "vi"
    )


@pytest.mark.parametrize(
    "word, vietnamese",
    [
        ("Huyện", True),
        ("Đinh", True),
        ("Hằng", True),
        ("Quảng", True),
        ("però", False),
        ("São", False),
        ("żółć", False),
    ],
)
def test_letters_only_vietnamese_writes_mark_its_words(word, vietnamese):
    assert _vietnamese_word(word) is vietnamese


@pytest.mark.parametrize("text", ["", "   ", "12 345", "OK"])
def test_too_little_text_has_no_language(text):
    assert detect_text(text) == ""


def _document(paragraphs: list[str]):
    from toolkit.model import Document, Segment

    text, segments = "", []
    for para in paragraphs:
        segments.append(Segment("body", len(text), len(text) + len(para)))
        text += para + "\n\n"
    return Document(doc_id="d", path="d.txt", text=text, segments=segments)


VIETNAMESE = (
    "Sáng nay, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị quán triệt, triển khai thực hiện Nghị quyết "
    "về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia cho cán bộ chủ chốt "
    "của tỉnh, với sự tham gia của lãnh đạo các sở, ban, ngành và các địa phương trong toàn tỉnh. "
) * 3


@pytest.mark.parametrize("lang", ["en", "es", "fr", "de"])
def test_one_long_paragraph_in_another_language_does_not_decide(lang):
    from toolkit.language import detect_language

    doc = _document([VIETNAMESE] + [SENTENCES[lang]] * 4)
    assert detect_language(doc) == lang


def _counting_detect(monkeypatch) -> list[str]:
    """Replace the identifier by one that reads the language off the chunk's first word, and
    records what it was asked."""
    from toolkit import language

    asked: list[str] = []

    def fake(chunk: str) -> str:
        asked.append(chunk)
        return chunk.split()[0]

    monkeypatch.setattr(language, "detect_text", fake)
    monkeypatch.setattr(language, "confirms", lambda chunk, lang: False)
    return asked


@pytest.mark.parametrize(
    "chunks, expected, read",
    [
        # two agreeing openings out of three: the third cannot change the winner and is not read
        (["es " + "x" * 200, "es " + "x" * 200, "fr " + "x" * 200], "es", 2),
        # disagreement: every chunk is read and the longest total wins
        (["fr " + "x" * 200, "es " + "x" * 200, "es " + "x" * 200], "es", 3),
        # a long last chunk could still outvote the first two, so it is read
        (["es " + "x" * 100, "es " + "x" * 100, "fr " + "x" * 400], "fr", 3),
        # a tie is settled alphabetically, as when every chunk is read
        (["fr " + "x" * 200, "es " + "x" * 200], "es", 2),
    ],
)
def test_voting_stops_once_the_winner_is_certain(monkeypatch, chunks, expected, read):
    from toolkit.language import detect_chunks

    asked = _counting_detect(monkeypatch)
    assert detect_chunks(chunks) == expected
    assert len(asked) == read


PARAGRAPHS = dict(
    SENTENCES,
    pl="W prowincji zrealizowano większość zadań i w tym roku wdrożono platformę dla obywateli oraz firm.",
)


@pytest.mark.parametrize("lang, text", PARAGRAPHS.items())
def test_a_chunk_with_the_leading_languages_short_words_is_confirmed(lang, text):
    from toolkit.language import confirms

    assert confirms(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        # another language's paragraph is identified, not confirmed, even when it shares
        # short words with the leader (`la`, `en`, `de`)
        ("es", SENTENCES["fr"]),
        ("it", SENTENCES["es"]),
        ("es", SENTENCES["pt"]),
        ("pt", SENTENCES["it"]),
        ("fr", SENTENCES["pl"]),
        ("es", VIETNAMESE),  # names and Vietnamese carry none of the short words
        ("nl", SENTENCES["en"]),  # a language without a word list is always identified
        ("es", "de la"),  # too short to stand for anything
    ],
)
def test_a_chunk_without_them_is_identified(lang, text):
    from toolkit.language import confirms

    assert not confirms(text, lang)


def test_confirmed_chunks_spare_the_identifier(monkeypatch):
    from toolkit import language

    calls: list[str] = []
    real = language.detect_text
    monkeypatch.setattr(language, "detect_text", lambda chunk: calls.append(chunk) or real(chunk))
    chunks = [SENTENCES["es"] * 2, SENTENCES["es"] * 2, SENTENCES["fr"] * 2]
    assert language.detect_chunks(chunks) == "es"
    assert calls == chunks[:1]
