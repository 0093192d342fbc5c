"""Cleaning: what is body, what is caption, what is chrome, what is a repeat."""

from __future__ import annotations

import pytest

from toolkit.clean import classify_lines, clean_document, normalise, published_date
from toolkit.model import Document

BODY = "La provincia ha completado la arquitectura de gobierno electrónico y desplegó la plataforma digital."


def kinds(raw: str) -> list[tuple[str, str]]:
    return [(line.kind, line.text) for line in classify_lines(raw)]


def cleaned(raw: str) -> Document:
    return clean_document(Document(doc_id="t", path="t.txt", text=raw))


@pytest.mark.parametrize(
    "row, caption",
    [
        (
            "| Camarada Nguyen Van A, presidente del Comité Popular Provincial |",
            "Camarada Nguyen Van A, presidente del Comité Popular Provincial",
        ),
        ("| Towarzysz Nguyen Van A przemawiał. |", "Towarzysz Nguyen Van A przemawiał."),
        ("|   Le camarade Tran Van B, secrétaire   |", "Le camarade Tran Van B, secrétaire"),
    ],
)
def test_caption_rows_are_kept_apart_as_captions(row, caption):
    assert ("caption", caption) in kinds(f"{BODY}\n{row}")


def test_the_line_after_an_image_file_name_is_a_caption():
    raw = f"{BODY}\nimg_0040-1-.jpg\nLíderes provinciales asistieron a la conferencia.\n{BODY} Más."
    assert kinds(raw)[1] == ("caption", "Líderes provinciales asistieron a la conferencia.")


@pytest.mark.parametrize(
    "counter",
    ["Kommentar (0)", "Comment (0)", "Komentarz (0)", "Comentarios (12)", "Commentaires (3)", "Commenti (1)"],
)
def test_comment_counters_are_dropped(counter):
    assert kinds(f"{BODY}\n{counter}") == [("body", BODY)]


@pytest.mark.parametrize(
    "marker",
    [
        "Mismo tema",
        "Misma categoría",
        "Même sujet",
        "Ten sam temat",
        "Related news",
        "Mesmo tema",
        "Stesso argomento",
    ],
)
def test_related_headlines_after_a_chrome_marker_are_dropped(marker):
    raw = f"{BODY}\n{marker}\nLos turistas disfrutan del festival en la calle.\nOtra noticia sin relación."
    assert kinds(raw) == [("body", BODY)]


def test_everything_after_a_late_source_line_is_site_chrome():
    raw = f"{BODY}\n{BODY} 2\n{BODY} 3\nFuente: https://baocaobang.vn/a-b-123.html\n\nNo data\nTitular de otra noticia relacionada"
    assert [k for k, _ in kinds(raw)] == ["body", "body", "body", "source"]


@pytest.mark.parametrize(
    "line, lang",
    [
        ("Fuente: https://a.vn/x.html", "es"),
        ("Source: https://a.vn/x.html", "fr"),
        ("Źródło: https://a.vn/x.html", "pl"),
        ("Fonte: https://a.vn/x.html", "pt"),
        ("Quelle: https://a.vn/x.html", "de"),
    ],
)
def test_source_lines_in_each_language_give_url_and_publisher(line, lang):
    doc = cleaned(f"{BODY}\n{BODY} dos\n{line}")
    assert doc.source_url == "https://a.vn/x.html"
    assert doc.publisher == "a.vn"


@pytest.mark.parametrize(
    "label", ["Español", "Français", "Polski", "Português", "English", "Deutsch", "Italiano"]
)
def test_a_leading_language_label_is_removed(label):
    doc = cleaned(
        f"{label} A la Conferencia asistieron los dirigentes de la provincia y de los departamentos."
    )
    assert doc.text.startswith("A la Conferencia")
    assert any(label in r for r in doc.removed)


def test_a_language_word_inside_a_sentence_is_kept():
    text = "El español es la lengua de esta traducción automática de un artículo de prensa."
    assert cleaned(text).text == text


def test_masthead_title_lead_and_dateline_are_recognised():
    raw = (
        "Vietnam.vn - Nền tảng quảng bá Việt Nam\n\n"
        "Crear cambios sustanciales en la transformación digital\n\n"
        "*Lanzamiento de 3 plataformas digitales\n\n"
        "Báo Lâm ĐồngBáo Lâm Đồng02/07/2025\n\n"
        f"{BODY}\n"
    )
    doc = cleaned(raw)
    assert [s.kind for s in doc.segments] == ["title", "lead", "dateline", "body"]
    assert doc.title == "Crear cambios sustanciales en la transformación digital"
    assert doc.published == "2025-07-02"
    assert "Vietnam.vn" not in doc.text
    assert doc.text.split("\n\n")[1] == "Lanzamiento de 3 plataformas digitales"


def test_a_first_line_that_is_a_sentence_is_body_not_title():
    doc = cleaned(f"{BODY}\n{BODY} Dos.")
    assert doc.title == ""
    assert [s.kind for s in doc.segments] == ["body", "body"]


@pytest.mark.parametrize(
    "byline",
    [
        "Wiadomości i zdjęcia: Duy Tuan",
        "Texto y fotos: Minh Anh",
        "Texte et photos : Van Long",
        "Text and photos: Hoang Ha",
        "Autor: Tomasz Zieliński, Hanoi | 28 października 2025, 07:45 | Komentarze (3)",
    ],
)
def test_labelled_bylines_are_bylines(byline):
    assert ("byline", byline) in kinds(f"{BODY}\n{byline}\nSource: https://x.vn/a")


def test_a_lone_name_line_before_the_source_is_a_byline():
    assert kinds(f"{BODY}\nMinh Chau\nFuente: https://x.vn/a")[1] == ("byline", "Minh Chau")


def test_all_caps_lines_are_headings():
    assert kinds(f"{BODY}\nCREANDO UN CAMBIO SOSTENIBLE Y FUERTE\n{BODY} x")[1][0] == "heading"


def test_repeated_paragraphs_are_kept_once_and_counted():
    other = "En materia de medio ambiente, la provincia organizó conferencias para difundir la conclusión del Politburó."
    doc = cleaned(f"{BODY}\n{other}\n{BODY}\n{other}\n\n{BODY}")
    assert doc.text == f"{BODY}\n\n{other}"
    assert doc.n_duplicate_paragraphs == 3
    assert doc.n_paragraphs == 2


def test_short_repeated_captions_are_not_counted_as_scraping_repeats():
    raw = f"{BODY}\nimg_1.jpg\nDelegados en la conferencia\n{BODY} b\nimg_2.jpg\nDelegados en la conferencia"
    assert cleaned(raw).n_duplicate_paragraphs == 0


def test_segments_point_into_the_cleaned_text():
    raw = f"{BODY}\n| Un pie de foto con un nombre |\n{BODY} final.\nFuente: https://x.vn/a"
    doc = cleaned(raw)
    assert [doc.text[s.start : s.end] for s in doc.segments] == [
        BODY,
        "Un pie de foto con un nombre",
        BODY + " final.",
        "Fuente: https://x.vn/a",
    ]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\r\nb", "a\nb"),
        ("9\u200b000", "9000"),
        ("\ufeffHola", "Hola"),
        ("\u200fmarca", "marca"),
        ("1\u202f938", "1\u202f938"),  # a narrow no-break space is a thousands separator: kept
    ],
)
def test_normalise_removes_invisible_characters_only(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://baotuyenquang.com.vn/thoi-su/202510/doan-2ad1db0/", "2025-10"),
        ("https://x.vn/2025/07/02/tin.html", "2025-07-02"),
        ("https://x.vn/tin-288686", ""),
    ],
)
def test_published_date_from_the_url(url, expected):
    assert published_date(Document(doc_id="t", path="t", source_url=url)) == expected


@pytest.mark.parametrize(
    "chrome",
    [
        "![]() |",
        "![](https://img.example.vn/a.jpg)",
        "![alt text](x.png) |",
        "Compartilhar Facebook Twitter",
        "Condividi su Facebook",
        "Share on Zalo, Facebook",
        "Udostępnij: Facebook, X, LinkedIn",
        "Tags: transformação digital, Quang Ninh",
        "Mots-clés : transformation numérique",
        "Schlagwörter: Digitalisierung",
        "Leia também: Hanoi lidera ranking digital",
        "Read more: Hanoi leads the digital ranking",
        "Início > Notícias > Província",
        "Home | Notizie | Province",
        "Strona główna » Wiadomości » Prowincje",
        "Share this article",
        "Partager cet article",
        "Partilhar: Facebook | Zalo | E-mail",
        "Compartilhar: Facebook | WhatsApp | Copiar link",
        "Ler mais: Hà Tĩnh inaugura centro de operações",
        "© Riproduzione riservata – P.IVA 01234567890",
        "Copyright 2025 VnExpress. All rights reserved.",
        "Address: Group 7, Thanh ward, the province | Tel: 0215.3825.025",
        "Endereço: Rua 3, n.º 12, cidade | Telefone: 0239 3855 678",
        "Le Courrier du Vietnam – 79, rue Ly Thuong Kiet, Hanoï – Tél. : (84-24) 38 25 28 82",
        "Báo Nhân Dân - 71 Hàng Trống, Hà Nội - Tel: 024 3825 4231",
        "Comentarios (0)   Vistas: 1.047",
        "Teilen   Drucken   Kommentar (0)",
    ],
)
def test_image_placeholders_share_buttons_tags_read_also_links_and_breadcrumbs_are_dropped(chrome):
    assert kinds(f"{BODY}\n{chrome}\n{BODY} Otra frase.") == [
        ("body", BODY),
        ("body", BODY + " Otra frase."),
    ]


TITLE = "Can Tho apuesta por la inteligencia artificial"


@pytest.mark.parametrize(
    "chrome",
    [
        "Visto 1,245 veces | 0 comentarios",
        "Condividi | Stampa | Commenti: 2",
        "Lesezeit 4 Min.",
        "1.234 wyświetleń · 5 komentarzy",
        "Este sítio utiliza cookies. Ao continuar a navegar, aceita a sua utilização.",
        "Ta strona używa plików cookies. [Akceptuję]",
    ],
)
def test_counters_and_consent_banners_around_the_title_are_dropped(chrome):
    assert kinds(f"{chrome}\n{TITLE}\n{chrome}\n{BODY}") == [("title", TITLE), ("body", BODY)]


@pytest.mark.parametrize(
    "line",
    [
        "Facebook y Zalo son las redes más usadas por los funcionarios de la provincia para informar.",
        "Quang Ninh | Transformación digital",  # one separator: a title, not a breadcrumb
        "Tags are attached to every record of the provincial data platform, the department said.",
        "12 | 15",  # numbers between bars: a table row, no counter
        "The province had 1,245 visitors | 30 comments were posted",
        "The address of the new centre was announced in March.",
    ],
)
def test_sentences_naming_networks_separators_or_labels_are_kept(line):
    assert ("body", line) in kinds(f"{BODY}\n{line}")


@pytest.mark.parametrize(
    "dateline, published",
    [
        ("12 agosto 2025", "2025-08-12"),
        ("Publicado el 12 de agosto de 2025", "2025-08-12"),
        ("Montag, 12. August 2025, 14:30", "2025-08-12"),
        ("August 12, 2025", "2025-08-12"),
        ("12 sierpnia 2025", "2025-08-12"),
        ("le 3 août 2025", "2025-08-03"),
    ],
)
def test_a_dateline_with_a_month_name_gives_the_publication_date(dateline, published):
    doc = cleaned(f"Quang Ninh acelera la transformación digital\n{dateline}\n{BODY}")
    assert (doc.title, doc.published) == ("Quang Ninh acelera la transformación digital", published)


def test_a_title_that_names_a_date_stays_the_title():
    title = "Quang Ninh completa 45 tareas antes del 30 de junio de 2025 en su plan"
    doc = cleaned(f"{title}\n{BODY}")
    assert (doc.title, doc.published) == (title, "")


def test_a_site_name_alone_above_the_title_is_the_masthead():
    doc = cleaned(
        f"VietnamPlus\nThursday, November 20, 2025 - 15:42\nQuang Tri boosts digital transformation\n{BODY}"
    )
    assert (doc.title, doc.published) == ("Quang Tri boosts digital transformation", "2025-11-20")
    assert "VietnamPlus" not in doc.text


@pytest.mark.parametrize(
    "row",
    [
        "Behandlungsquote städtisches Abwasser | 41,5 % | 48,7 %",
        "Cobertura forestal | 55,1 % | 55,3 %",
        "Indicator | 2024 | 2025",
    ],
)
def test_a_table_row_of_figures_is_no_breadcrumb(row):
    assert ("body", row) in kinds(f"{BODY}\n{row}\n{BODY} Otra.")


@pytest.mark.parametrize(
    "chrome",
    [
        "Compartir | Me gusta 24 | Imprimir",
        "Condividi | Mi piace | Commenti (0)",
        "Polub | Udostępnij | Komentarze (1)",
    ],
)
def test_share_like_and_comment_bars_are_dropped(chrome):
    assert kinds(f"{BODY}\n{chrome}\n{BODY} Otra.") == [("body", BODY), ("body", BODY + " Otra.")]


def test_a_counter_line_with_the_articles_date_is_its_dateline():
    doc = cleaned(f"{TITLE}\nPosted: 27/10/2025 | Views: 1,284 | Print | Email\n{BODY}")
    assert [s.kind for s in doc.segments] == ["title", "dateline", "body"]
    assert doc.published == "2025-10-27"


LONG = (
    "Tegoroczna susza była jedną z najcięższych od dekady. Dotknęła około 8 400 ha upraw, "
    "a straty plonów wyniosły od 30 do 70% w zależności od gminy."
)


@pytest.mark.parametrize(
    "repeat",
    [
        LONG.split(" a straty")[0],  # the opening of an earlier paragraph, cut short
        "W tym roku, " + LONG.split(". ", 1)[1],  # another opening clause, then the same words
    ],
)
def test_a_paragraph_repeated_cut_short_or_with_another_opening_is_a_repeat(repeat):
    doc = cleaned(f"{LONG}\n{BODY}\n{repeat}")
    assert doc.n_duplicate_paragraphs == 1
    assert doc.text.count("8 400") == 1


def test_a_paragraph_whose_new_opening_holds_a_figure_is_kept():
    repeat = "W 2025 r. 12 gmin: " + LONG.split(". ", 1)[1]
    assert cleaned(f"{LONG}\n{BODY}\n{repeat}").n_duplicate_paragraphs == 0


@pytest.mark.parametrize("name", ["NGOC HA", "Thu Hằng", "Nguyễn Văn Minh"])
def test_a_name_alone_under_the_title_is_the_byline(name):
    found = kinds(
        f"Localities race to finish Resolution 57 targets\n{name}\nSaturday, 22 November 2025\n{BODY}"
    )
    assert ("byline", name) in found


def test_a_capitalised_line_of_other_words_under_the_title_is_no_byline():
    assert ("byline", "Digital Transformation") not in kinds(
        f"Localities race to finish Resolution 57 targets\nDigital Transformation\n{BODY}"
    )


@pytest.mark.parametrize(
    "masthead",
    [
        "THAI NGUYEN PROVINCE ELECTRONIC INFORMATION PORTAL",
        "NHAN DAN NEWSPAPER",
        "PORTAL DE NOTICIAS DE CAN THO",
    ],
)
def test_a_sites_name_in_capitals_above_the_title_is_the_masthead(masthead):
    title = "Thai Nguyen province: Conference reviews one year of Resolution 57"
    found = kinds(f"{masthead}\n{title}\nUpdate date: 24/11/2025 | Views: 1.368\n{BODY}")
    assert [k for k, _ in found[:2]] == ["title", "dateline"]


@pytest.mark.parametrize(
    "line",
    [
        "Commentaires (0) | Écrire un commentaire...",
        "Komentarze (3) | Napisz komentarz",
        "Comments (2) | Write a comment",
    ],
)
def test_a_comment_counter_beside_its_button_is_chrome(line):
    assert line not in [text for _, text in kinds(f"{BODY}\n{line}\n{BODY} x")]


@pytest.mark.parametrize("tail", ["Altre notizie:", "Gleiches Thema | Gleiche Kategorie"])
def test_a_tail_marker_with_a_colon_or_beside_another_ends_the_article(tail):
    found = kinds(f"{BODY}\nMinh Hoang\n{tail}\n- Lang Son promuove l'economia di frontiera")
    assert found[-1] == ("byline", "Minh Hoang")


def test_a_site_name_with_its_tagline_and_account_links_are_no_title():
    found = kinds(
        f"VIR - Vietnam Investment Review\nSubscribe | Log in\nBac Ninh reels in $4.87 billion in FDI\nThanh Van - November 24, 2025 14:32\n{BODY}"
    )
    assert found[:2] == [
        ("title", "Bac Ninh reels in $4.87 billion in FDI"),
        ("dateline", "Thanh Van - November 24, 2025 14:32"),
    ]


PROSE = (
    "Pan Trần Văn Hai z gminy Tháp Mười sprzedaje przez internet około trzech ton ryżu miesięcznie "
    "i mówi, że dawniej to handlarz dyktował cenę, a teraz sam widzi, ile płacą klienci w Hanoi."
)


def test_a_read_also_block_inside_the_body_drops_its_links_and_the_body_goes_on():
    raw = f"{BODY}\nCzytaj także:\n» Cần Thơ uruchamia platformę danych\n» Ryż ST25 podbija rynki\n\n{PROSE}"
    assert kinds(raw) == [("body", BODY), ("body", PROSE)]


def test_a_read_also_block_followed_by_links_only_ends_the_article():
    raw = f"{BODY}\nCzytaj także:\n» Cần Thơ uruchamia platformę\n» Ryż ST25 podbija rynki\nUdostępnij: Facebook"
    assert kinds(raw) == [("body", BODY)]


def test_a_tail_marker_with_a_no_break_space_before_its_colon_ends_the_article():
    assert kinds(f"{BODY}\nLire aussi\u00a0:\n› Le festival de Huê attire les visiteurs") == [("body", BODY)]


def test_a_consent_banner_below_the_body_is_dropped():
    banner = "Ta strona używa plików cookie. Korzystając z niej, wyrażasz zgodę na ich użycie. [OK]"
    assert kinds(f"{BODY}\n{BODY} Otra.\n{banner}") == [("body", BODY), ("body", BODY + " Otra.")]


def test_a_last_credit_line_with_bars_is_the_byline():
    assert kinds(f"{BODY}\nReportagem: Minh Chau | Fotos: Hoang Ha")[-1] == (
        "byline",
        "Reportagem: Minh Chau | Fotos: Hoang Ha",
    )


def test_a_table_header_with_units_in_brackets_is_kept_for_the_rows_under_it():
    header = "Settore | Numero progetti | Capitale (milioni USD)"
    assert ("body", header) in kinds(f"{BODY}\n{header}\nSemiconduttori | 21 | 2.140")


def test_a_header_of_short_cells_over_a_row_of_figures_is_kept():
    assert ("body", "Rang | Province | Score") in kinds(
        f"{BODY}\nRang | Province | Score\n1 | Quảng Ninh | 92,48"
    )


def test_the_name_signing_an_article_below_its_related_links_is_the_byline():
    raw = f"{BODY}\nCzytaj także:\n› Thai Nguyen uruchamia centrum\n\nMinh Đức\nUdostępnij: Facebook | Zalo"
    assert kinds(raw) == [("body", BODY), ("byline", "Minh Đức")]


def test_a_table_header_with_units_in_square_brackets_is_no_breadcrumb():
    header = "Gmina | Spalona powierzchnia [ha] | Pożary [szt.]"
    assert ("body", header) in kinds(f"{BODY}\n{header}\nChu Prong | 12,5 | 3\n{BODY} Otra.")


@pytest.mark.parametrize(
    "line",
    [
        "Jornal Ninh Bình | 06/11/2025 | Por Hoàng Hiếu",
        "Báo Gia Lai 06/11/2025 | Partilhar | Guardar",
        "Czwartek, 06.11.2025 | A- A+ | Drukuj",
    ],
)
def test_a_line_of_short_parts_with_a_date_under_the_title_is_the_dateline_not_a_breadcrumb(line):
    assert ("dateline", line) in kinds(f"Ninh Bình aposta no património digital\n{line}\n{BODY}")


def test_a_menu_of_sections_two_spaces_apart_is_dropped():
    menu = "Accueil  Politique  Économie  Société  Culture  Sports  Monde"
    assert kinds(f"{menu}\nLe titre de l'article sur la province\n{BODY}")[0] == (
        "title",
        "Le titre de l'article sur la province",
    )


def test_a_title_with_a_stray_double_space_stays_the_title():
    assert kinds(f"Hanoi  boosts digital transformation\n{BODY}")[0] == (
        "title",
        "Hanoi  boosts digital transformation",
    )


def test_readers_comments_under_the_comment_counter_are_dropped():
    raw = f"{BODY}\nMinh Phương\nKomentarze (7)\nNguyễn Văn Tú: Brawo dla nauczycieli!\nLò Thị Mai: Kiedy zasięg?"
    assert kinds(raw) == [("body", BODY), ("byline", "Minh Phương")]


@pytest.mark.parametrize("marker", ["Articles connexes", "Przeczytaj także:", "Leia ainda"])
def test_more_related_links_markers_end_the_article(marker):
    assert kinds(f"{BODY}\n{marker}\nLe Vietnam attire les géants des puces") == [("body", BODY)]


@pytest.mark.parametrize(
    "masthead", ["VIETNAM OGGI – Notizie dal Vietnam in lingua italiana", "Hanoi Times | News of the capital"]
)
def test_a_sites_name_then_what_it_is_is_the_masthead(masthead):
    assert kinds(f"{masthead}\nLam Dong, l'agricoltura hi-tech fa fiorire Da Lat\n{BODY}")[0][0] == "title"
    assert masthead not in [
        t for _, t in kinds(f"{masthead}\nLam Dong, l'agricoltura fa fiorire Da Lat\n{BODY}")
    ]


def test_a_title_with_a_dash_and_a_news_word_inside_stays_the_title():
    assert kinds(f"Hanoi – a city of news and innovation\n{BODY}")[0] == (
        "title",
        "Hanoi – a city of news and innovation",
    )


@pytest.mark.parametrize(
    "link", ["Skip to main content", "Aller au contenu principal", "Zum Inhalt springen"]
)
def test_a_skip_link_is_no_title(link):
    assert kinds(f"{link}\nLạch Huyện goes green as Hải Phòng bets on logistics\n{BODY}")[0][1] != link


def test_the_source_below_the_related_links_is_kept():
    raw = f"{BODY}\nWeiterlesen:\n- Hải Phòng eröffnet Zentrum\n\nHoàng Phong\nQuelle: https://baohaiphong.vn/a-52317.html"
    assert kinds(raw)[-2:] == [
        ("byline", "Hoàng Phong"),
        ("source", "Quelle: https://baohaiphong.vn/a-52317.html"),
    ]


def test_a_title_ending_on_an_abbreviation_after_a_number_is_the_title():
    title = "Rząd przyjmuje rezolucję w sprawie gospodarki cyfrowej: cel 30 proc. PKB do 2030 r."
    assert kinds(f"{title}\n{BODY}")[0] == ("title", title)


def test_a_french_update_line_with_a_view_counter_is_the_dateline_and_your_comments_are_chrome():
    raw = f"Le titre de la conférence provinciale\nMise à jour : 08/11/2025 16:40 | Vue : 1 254\n{BODY}\nVos commentaires (0)"
    assert kinds(raw)[1:] == [("dateline", "Mise à jour : 08/11/2025 16:40 | Vue : 1 254"), ("body", BODY)]


def test_the_authors_name_below_the_source_line_is_the_byline():
    raw = f"{BODY}\nQuelle: https://baoquangninh.vn/a-3375912.html\nHoang Nga\nKommentar (0)"
    assert kinds(raw)[-2:] == [
        ("source", "Quelle: https://baoquangninh.vn/a-3375912.html"),
        ("byline", "Hoang Nga"),
    ]


def test_a_table_row_between_bars_is_no_breadcrumb():
    assert any(
        "24 | Bac Lieu | 0,5213" in text
        for _, text in kinds(f"{BODY}\n| 24 | Bac Lieu | 0,5213 |\n{BODY} Otra.")
    )


@pytest.mark.parametrize(
    "chrome",
    [
        "Tiếng Việt | English",
        "English | Français | Español",
        "Font size: A- A+ | Print | Send email",
        "Posted date: 03/11/2025 | Views: 1,204 | Font size: A- A+",
    ],
)
def test_language_switchers_and_font_size_buttons_are_chrome(chrome):
    found = kinds(f"Title of the page here\n{chrome}\n{BODY}")
    assert not any(chrome in text for kind, text in found if kind != "dateline")  # (a counter's date is kept)


@pytest.mark.parametrize(
    "chrome",
    [
        "👍 Mi piace 24   💬 Commenti (3)   🔗 Condividi",
        "Rispondi · 👍 5",
        "Like 12 | Reply",
        "Lascia un commento... (max 1000 caratteri)   [Invia]",
        "🔊 Ascolta l'articolo   A-  A+   🖨 Stampa",
        "Udostępnij: Facebook | X | Zalo    Komentarz (0)",
        "Condividi: [Facebook] [X] [WhatsApp] [Zalo] [Email]",
        "Ordina per: Più recenti | Più votati",
        "Partager : Facebook | Zalo | Copier le lien",
        "Partager   Tweeter   Imprimer",
        "Accueil   Politique   Économie   Local",
        "0 commentaire",
        "1.204 views",
    ],
)
def test_buttons_menus_and_counters_decorated_with_symbols_are_chrome(chrome):
    assert not any(chrome in text for _, text in kinds(f"{BODY}\n{chrome}\n{BODY} Otra."))


@pytest.mark.parametrize(
    "header, reply",
    [
        ("Giulia M. · 2 giorni fa", "Rispondi · 👍 5"),
        ("Tran Minh | 3 hours ago", "Reply"),
        ("Anna K. · hace 2 días", "Responder"),
        ("Jan Kowalski · 5 dni temu", "Odpowiedz"),
    ],
)
def test_a_readers_comment_is_dropped_with_its_header(header, reply):
    comment = "Ottimo lavoro, ho ottenuto il certificato in 2 ore e pagato 50.000 dong online."
    found = kinds(f"{BODY}\n{header}\n{comment}\n{reply}\n{BODY} Otra.")
    assert [text for _, text in found] == [BODY, f"{BODY} Otra."]


def test_a_line_of_prose_after_a_name_and_a_time_is_kept_without_a_reply_button():
    found = kinds(f"{BODY}\nGiulia M. · 2 giorni fa\n{BODY} Otra.")
    assert [text for _, text in found] == [BODY, f"{BODY} Otra."]


@pytest.mark.parametrize("crumb", ["Scienza e Tecnologia > Province", "Home » Sci-Tech"])
def test_two_sections_between_an_arrow_are_a_breadcrumb(crumb):
    title = "Tây Ninh accelera sulla Risoluzione 57: quasi tutti i compiti completati"
    assert kinds(f"{crumb}\n{title}\n{BODY}")[0] == ("title", title)


@pytest.mark.parametrize("masthead", ["VIETNAM NOTIZIE", "VIỆT NAM NEWS"])
def test_a_sites_name_in_capitals_with_a_news_word_is_a_masthead(masthead):
    title = "Tây Ninh accelera sulla Risoluzione 57: quasi tutti i compiti completati"
    assert kinds(f"{masthead}\n{title}\n{BODY}")[0] == ("title", title)


def test_a_sites_name_a_section_and_a_long_dateline_above_the_title_are_read_as_such():
    page = (
        "Le Courrier du Vietnam\nÉCONOMIE\n"
        "Huê mise sur le numérique pour devenir une « ville patrimoniale intelligente »\n"
        "Publié le 14/10/2025 à 08h42 – Mis à jour le 14/10/2025 à 10h15\nThanh Hà/CVN\n" + BODY
    )
    assert [kind for kind, _ in kinds(page)] == ["title", "dateline", "byline", "body"]


def test_a_headline_with_a_figure_is_no_sites_name():
    page = f"An Giang: 1.240 Online-Dienste für Bürger\nAn Giang, 22.11.2025\n{BODY}"
    assert kinds(page)[0] == ("title", "An Giang: 1.240 Online-Dienste für Bürger")


def test_a_line_in_markdown_italics_is_read_without_its_underscores():
    page = f"Title of the page here\n{BODY}\n_Delegates attend the conference. Photo: Le Hoi_\n{BODY} Otra."
    assert ("body", "Delegates attend the conference. Photo: Le Hoi") in kinds(page)


@pytest.mark.parametrize(
    "chrome", ["Actualizado: 08/10/2025 15:42 | Views: 1.245 | Share Facebook", "Comments (0) | Bình luận"]
)
def test_counters_with_share_buttons_and_vietnamese_chrome_are_dropped(chrome):
    assert not any(
        "1.245" in text or "Bình luận" in text
        for kind, text in kinds(f"{BODY}\n{chrome}\n{BODY} Otra.")
        if kind != "dateline"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Szukaj...",
        "Search",
        "Buscar…",
        "Like 0  Share",
        "Commentaires (0) – Soyez le premier à réagir",
        "A-  A  A+  |  Drukuj",
        "Udostępnij:  Facebook  |  Zalo  |  X  |  E-mail     Lubię to 24",
        "Share  f  X  in  ✉  Print  |  Like 36",
        "Commenta (0)",
    ],
)
def test_search_prompts_and_rows_of_buttons_and_counters_are_chrome(line):
    assert kinds(f"{BODY}\n{line}") == [("body", BODY)]


def test_a_line_of_prose_with_two_spaces_is_kept():
    line = "Hanoi – 12 provinces  joined the plan in 2025."
    assert kinds(f"{BODY}\n{line}") == [("body", BODY), ("body", line)]


def test_the_title_repeated_under_the_article_is_a_repeat():
    title = "Hanoi earmarks VND2.5 trillion for R&D, pushes new innovation centres"
    doc = cleaned(f"{title}\n\n{BODY}\n\n{title}\n")
    assert doc.text == f"{title}\n\n{BODY}"
    assert doc.n_duplicate_paragraphs == 1


def test_an_author_and_the_date_parted_by_a_bar_are_a_dateline():
    assert ("dateline", "Hải Yến | Hanoi, 15 października 2025 r.") in kinds(
        f"Tytuł artykułu o cyfryzacji\nHải Yến | Hanoi, 15 października 2025 r.\n{BODY}"
    )


def test_a_labelled_byline_under_the_related_links_is_kept():
    raw = f"{BODY}\nRelated articles\n- Khanh Hoa calls for investment\nStory: Thai Binh\n"
    assert ("byline", "Story: Thai Binh") in kinds(raw)
