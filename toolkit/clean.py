"""Turn a decoded page into the cleaned text later stages read.

The page is split into lines; each line is classified (masthead, title, dateline,
lead, heading, body, caption, byline, source, or chrome to drop); repeated
paragraphs are kept once. The kept pieces are joined with blank lines into
`Document.text`, and `Document.segments` records each piece's kind and offsets.
All wording cues (source labels, comment counters, chrome, bylines, language
labels) come from `toolkit/data/boilerplate/<lang>.toml`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from toolkit.langdata import languages, load, words
from toolkit.markup import strip_markup
from toolkit.model import Document, Segment, finding
from toolkit.names import signature
from toolkit.numbers import fold

# Invisible characters that break numbers and names apart (zero-width, bidi marks, BOM).
INVISIBLE_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_IMAGE_PLACEHOLDER = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*\|?$")
_TAB_CELLS = re.compile(r" *\t[\t ]*")
_RULE_FIRST = "-|:=_*"
_RULE_LINE = re.compile(r"[-|:=_*\s]{3,}")  # `---`, `|---|:---:|` under a Markdown table's header
_IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg)(?:\?\S*)?$", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|gov|edu)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")  # every worded date has one
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_URL_DATE = re.compile(r"/(20\d{2})[/-]?(0[1-9]|1[0-2])(?:[/-]?(0[1-9]|[12]\d|3[01]))?(?=/|$|[^\d])")
_TERMINAL = '.:;!?…»"”'
# A paragraph this long or longer that repeats is a scraping copy, not a coincidence.
MIN_DUPLICATE_CHARS = 80
BAR_DATELINE_WORDS = 3  # words more that a dateline holds when a bar parts an author from the date
MIN_TITLE_REPEAT_CHARS = 30  # a title this long repeated as a paragraph is a repeat, not a paragraph
TITLE_SPACES = 8
MAX_TITLE_CHARS = 250
MAX_SITE_NAME_CHARS = 30
MAX_SITE_NAME_WORDS = 6  # `VIR - Vietnam Investment Review`
MAX_BYLINE_WORDS = 6
# A line with a date written in words is a dateline when it has few other words (`Publicado el 12
# de agosto de 2025`, `Monday, August 12, 2025 14:30`); a title may name a date too.
MAX_WORDED_DATELINE_WORDS = 7
# ... and with a date in digits, a few more (`Publié le 14/10/2025 à 08h42 – Mis à jour le 14/10/2025 à 10h15`)
MAX_NUMERIC_DATELINE_WORDS = 16


@dataclass(frozen=True)
class Cues:
    """Compiled wording cues from every language's boilerplate file."""

    comment_counter: re.Pattern
    chrome: frozenset[str]
    tail: frozenset[str]
    source_line: re.Pattern
    byline_label: re.Pattern
    language_label: re.Pattern
    link_line: re.Pattern  # `Tags: ...`, `Leia também: ...`
    counter: re.Pattern  # one part of a counter line: `Visto 1,245 veces`, `0 comentarios`, `Lettura 4 min`
    banner: tuple[str, ...]  # a consent banner's words past their first letter, in lower case and in capitals
    banner_word: re.Pattern  # one of the words, whole, in any case (tried where `banner` is found)
    social: frozenset[str]  # share buttons' network names, case-folded
    social_word: re.Pattern  # any of them, as a word
    masthead_word: re.Pattern  # `PORTAL`, `NEWSPAPER`: a site's name in capitals above the title
    # The longest chrome or tail line, case-folded: a longer line is neither (folding never
    # shortens a text), so it need not be folded to be looked up.
    longest_line_cue: int
    comment_time: re.Pattern  # `2 giorni fa`, `3 hours ago`: when a reader commented


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


@cache
def cues() -> Cues:
    fold = str.casefold
    # (a language's name alone, or between bars, is the site's language switcher: `Tiếng Việt | English`)
    chrome = frozenset(
        fold(w)
        for key in ("chrome_lines", "language_names", "switcher_names")
        for w in words("boilerplate", key)
    )
    tail = frozenset(fold(w) for w in words("boilerplate", "tail_markers"))
    return Cues(
        comment_counter=re.compile(
            rf"^(?:{_alternation(words('boilerplate', 'comment_words'))})\s*\(\s*\d+\s*\)$", re.I
        ),
        chrome=chrome,
        tail=tail,
        source_line=re.compile(
            rf"^(?:{_alternation(words('boilerplate', 'source_labels'))})\s*:\s*(\S.*)$", re.I
        ),
        byline_label=re.compile(
            rf"^(?:{_alternation(words('boilerplate', 'byline_labels'))})\s*:\s*(\S.*)$", re.I
        ),
        language_label=re.compile(
            rf"^(?:{_alternation(words('boilerplate', 'language_names'))})\s+(?=[A-ZÀ-ÖØ-Þ])"
        ),
        link_line=re.compile(
            rf"^(?:{_alternation(words('boilerplate', 'tail_markers') + words('boilerplate', 'tag_labels') + words('boilerplate', 'footer_labels') + words('boilerplate', 'sort_labels'))})\s*:\s*\S",
            re.I,
        ),
        counter=_counter_pattern(
            words("boilerplate", "counter_words") + words("boilerplate", "comment_words")
        ),
        banner=tuple(
            {v for w in words("boilerplate", "banner_words") for v in (w[1:].lower(), w[1:].upper())}
        ),
        banner_word=re.compile(rf"(?<!\w)(?:{_alternation(words('boilerplate', 'banner_words'))})", re.I),
        social=frozenset(fold(w) for w in words("boilerplate", "social_networks")),
        social_word=re.compile(
            rf"(?<!\w)(?:{_alternation(words('boilerplate', 'social_networks'))})(?!\w)", re.I
        ),
        masthead_word=re.compile(
            rf"(?<!\w)(?:{_alternation(words('boilerplate', 'masthead_words'))})(?!\w)", re.I
        ),
        longest_line_cue=max(map(len, chrome | tail), default=0),
        comment_time=re.compile("|".join(words("boilerplate", "relative_times")) or "(?!)", re.I),
    )


def _counter_pattern(counter_words: list[str]) -> re.Pattern:
    """A counter or a date label: its words and digits only, in any order (`Visto 1,245 veces`,
    `Commenti: 2`, `(3)`, `Posted: 27/10/2025`)."""
    word = rf"(?:{_alternation(counter_words)})(?!\w)"
    return re.compile(rf"^(?:{word}|[\d.,:()/\-\s])*\d(?:{word}|[\d.,:()/\-\s])*$", re.I)


@dataclass
class Line:
    kind: str
    text: str


def clean_document(doc: Document) -> Document:
    """Classify the lines of `doc.text`, drop chrome and repeats, and rebuild text and segments."""
    if not doc.ok:
        return doc
    _strip_markup(doc)
    lines = classify_lines(doc.text, doc)
    lines = _drop_repeats(lines, doc)
    _assemble(doc, lines)
    _fill_metadata(doc)
    return doc


def _strip_markup(doc: Document) -> None:
    """Markup out of the page's text; a finding when it marked up words (not for images alone)."""
    text, notes, images = strip_markup(doc.text)
    if text is doc.text:
        return
    doc.text = text
    doc.removed += [f"markup: {note}" for note in notes]
    if images:
        doc.removed.append(f"markup: {images} image{'s' if images > 1 else ''}")
    if notes:
        doc.findings.append(
            finding(
                "markup_removed",
                "info",
                f"The page held markup ({', '.join(notes)}); it was taken out before the text was read.",
                doc_id=doc.doc_id,
                subject=doc.path,
            )
        )


def normalise(text: str) -> str:
    """NFC, Unix newlines, no invisible characters, no-break spaces inside lines kept."""
    # (a search for each invisible character, at memchr speed, beats one character-class scan)
    if "\r" not in text and not any(ch in text for ch in INVISIBLE_CHARS):
        # The usual case, one scan and no copies. (NFC makes no invisible character: none is
        # part of another character's decomposition, so none can appear after the scan.)
        return unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", text)


def classify_lines(raw: str, doc: Document | None = None) -> list[Line]:
    """The kept lines of a page with their kinds, in page order."""
    c = cues()
    removed = doc.removed if doc is not None else []
    stripped = [ln.strip() for ln in normalise(raw).split("\n")]
    source_at = _source_line_index(stripped)
    out: list[Line] = []
    caption_next = False
    seen_body = False
    resume_at = 0  # after a read-also block inside the body: where the body goes on
    comments_open = False  # right after a comment counter below the body: readers' comments follow
    heading = _Heading()
    for i, text in enumerate(stripped):
        if not text or i < resume_at:
            continue
        if heading.repeated(out, text):  # the title again under the article (a share box's)
            if doc is not None:
                doc.n_duplicate_paragraphs += 1
                doc.duplicates.append(text)
            continue
        if "\t" in text:
            text = _TAB_CELLS.sub(" | ", text)  # a table pasted with tabs between its cells
        if text[0] == "_" and text[-1] == "_" and len(text) > 2:
            text = text.strip("_ ")  # a line in Markdown italics (`_Delegates attend. Photo: Le Hoi_`)
            if not text:
                continue
        folded = text.casefold() if len(text) <= c.longest_line_cue else None
        if source_at is not None and i > source_at:
            if signature(text) and not any(ln.kind == "byline" for ln in out):
                out.append(Line("byline", text))  # `Quelle: https://...` then the author's name
                continue
            removed.append(f"after source: {text[:80]}")
            continue
        if seen_body and _tail_key(c, text, folded) in c.tail:
            resume_at = _body_after_links(stripped, i + 1)
            if resume_at:
                removed.extend(f"read-also: {t[:80]}" for t in stripped[i:resume_at] if t)
                continue
            # an author signing below the links, or credited there (`Story: Thai Binh`)
            signed = [t for t in stripped[i + 1 :] if signature(t) or c.byline_label.match(t)]
            # (and the source's address below them: `Quelle: https://...`)
            sources = [t for t in stripped[i + 1 :] if ":" in t and c.source_line.match(t)]
            kept = signed[-1:] + sources[-1:]
            removed.extend(f"after '{text}': {t[:80]}" for t in stripped[i:] if t and t not in kept)
            out += [Line("byline", t) for t in signed[-1:]] + [Line("source", t) for t in sources[-1:]]
            break
        if text[0] in _RULE_FIRST and _RULE_LINE.fullmatch(text):
            continue  # a rule drawn with marks (`---`, a Markdown table's `|---|:---:|`)
        if comments_open and _reader_comment(text):  # `Nguyễn Văn Tú: Brawo!` under `Komentarze (7)`
            removed.append(f"comment: {text[:80]}")
            continue
        comments_open = seen_body and text.endswith(")") and c.comment_counter.match(text) is not None
        if seen_body and len(text) <= MAX_COMMENT_HEADER_CHARS and (end := _comment_end(c, stripped, i)):
            removed.extend(f"comment: {t[:80]}" for t in stripped[i:end] if t)
            resume_at = end
            continue
        if (_is_chrome(c, text, folded) and not _table_header(stripped, i)) or (
            _is_front_chrome(c, text) if not seen_body else _is_banner(c, text)
        ):
            # (`Posted: 27/10/2025 | Views: 1,284`, `Jornal Ninh Bình | 06/11/2025 | Por NAME`: the
            # date is the article's)
            if _dated_counters(c, text) or _dated_crumbs(text):
                out.append(Line("dateline", text))
                continue
            removed.append(text[:80])
            continue
        if " " not in text and _IMAGE_FILE.match(text):  # a file name has no spaces
            removed.append(f"image file: {text}")
            caption_next = True
            continue
        if (caption := _caption_row(text)) is not None:
            if caption:
                out.append(Line("caption", caption))
            caption_next = False
            continue
        if ":" in text and c.source_line.match(text):  # (the labels end with a colon)
            out.append(Line("source", text))
            continue
        if caption_next:
            out.append(Line("caption", text))
            caption_next = False
            continue
        if not seen_body:
            kind = _front_matter_kind(text, out, c)
            if kind == "masthead":
                removed.append(f"masthead: {text}")
                continue
            if kind:
                out.append(Line(kind, text.lstrip("*•- ").strip() if kind == "lead" else text))
                continue
        if (
            ":" in text
            and (m := c.byline_label.match(text))
            and _byline_words(m.group(1)) <= MAX_BYLINE_WORDS
        ):
            out.append(Line("byline", text))
            continue
        if _is_heading(text):
            out.append(Line("heading", text))
            continue
        if not seen_body:
            label = c.language_label.match(text)
            if label:
                removed.append(f"language label: {label.group(0).strip()}")
                text = text[label.end() :]
            seen_body = True
        out.append(Line("body", text))
    _mark_trailing_byline(out)
    return out


MAX_COMMENT_HEADER_CHARS = 80
MAX_COMMENT_LINES = 4


def _comment_end(c: Cues, lines: list[str], i: int) -> int:
    """Where a reader's comment that lines[i] heads (`Giulia M. · 2 giorni fa`) ends: at its reply
    button or the next comment's header, at most a few lines on; only its header when neither
    comes. 0 when lines[i] heads no comment."""
    if not _comment_header(c, lines[i]):
        return 0
    seen = 0
    for j in range(i + 1, len(lines)):
        text = lines[j]
        if not text:
            continue
        if _comment_header(c, text) or _is_chrome(c, text, text.casefold()):
            return j
        seen += 1
        if seen == MAX_COMMENT_LINES:
            break
    return i + 1


def _reader_comment(text: str) -> bool:
    """`Lò Thị Mai: Kiedy zasięg ...?`: a reader's name (one to four capitalised words), a colon,
    then what they wrote."""
    colon = text.find(":", 0, MAX_COMMENTER_CHARS)
    words = text[:colon].split()
    return colon > 0 and 0 < len(words) <= MAX_BYLINE_WORDS and all(w[:1].isupper() for w in words)


MAX_COMMENTER_CHARS = 40


def _comment_header(c: Cues, text: str) -> bool:
    """A reader's name and when they commented, between separators: `Giulia M. · 2 giorni fa`."""
    parts = _COUNTER_PARTS.split(text) if ("·" in text or "|" in text or "  " in text) else []
    return (
        len(parts) == 2
        and 0 < len(parts[0].split()) <= MAX_BYLINE_WORDS
        and c.comment_time.fullmatch(_bare(parts[1])) is not None
    )


def _byline_words(credit: str) -> int:
    """Words of a byline's credit up to the first separator (`Tomasz Zieliński, Hanoi | 28 października`)."""
    return len(_COUNTER_SEPARATOR.split(credit, maxsplit=1)[0].split())


def _body_after_links(lines: list[str], start: int) -> int:
    """Where the body goes on after a read-also block set inside it (`Czytaj także:`, two links, then
    more of the article): a few short link lines, then a paragraph of prose. 0 when the marker
    opens the page's tail (the usual case: nothing but links and chrome follows)."""
    links = 0
    for j in range(start, len(lines)):
        text = lines[j]
        if not text:
            continue
        if links and _prose(text):
            return j
        if links == MAX_INLINE_LINKS or text.count(" ") >= MAX_LINK_WORDS:
            return 0
        links += 1
    return 0


MAX_INLINE_LINKS = 4
MAX_LINK_WORDS = 16
MIN_PROSE_WORDS = 25


def _prose(text: str) -> bool:
    """A paragraph of the article: many words, ending a sentence."""
    return text.count(" ") >= MIN_PROSE_WORDS - 1 and text[-1] in '.!?"”»…)'


def _tail_key(c: Cues, text: str, folded: str | None) -> str | None:
    """The line folded as a tail marker is written (`Altre notizie:`, `Gleiches Thema | Gleiche
    Kategorie`: its first part), None for a line too long to be one. `folded`: the whole line
    folded (None when too long), the key of most lines, which have no bar and no closing colon."""
    if " | " not in text and text[-1] != ":":
        return folded
    head = text.split(" | ", 1)[0] if " | " in text else text
    return head.rstrip(" :\u00a0\u202f").casefold() if len(head) <= c.longest_line_cue + 1 else None


def _is_chrome(c: Cues, text: str, folded: str | None) -> bool:
    """An image placeholder, a chrome line, a comment counter, a tags or read-also line, share
    buttons or a breadcrumb. Each test is tried only on lines that open, end or measure as its
    matches must: most lines fail at a string test."""
    return bool(
        (text.startswith("![") and _IMAGE_PLACEHOLDER.match(text))
        or (folded is not None and folded.rstrip(".…") in c.chrome)  # (`Szukaj...`: a search box)
        or (text.endswith(")") and c.comment_counter.match(text))
        or (text.find(":", 0, 40) >= 0 and c.link_line.match(text))
        or (len(text) <= MAX_FOOTER_CHARS and ":" in text and _labelled_part(c, text))
        or (
            len(text) <= MAX_LONE_COUNTER_CHARS
            and (text[0].isdigit() or text[-1].isdigit())
            and _counter_line(c, text)  # (a counter alone on its line: `0 commentaire`, `1.204 views`)
        )
        or (text[0] in _COPYRIGHT_FIRST and text.startswith(_COPYRIGHT))
        or (
            len(text) <= MAX_COUNTER_CHARS
            and ("|" in text or "·" in text or "  " in text or "\t" in text or " – " in text or " — " in text)
            and _counter_line(c, text)
        )
        or (
            len(text) <= MAX_COUNTER_CHARS
            and (" | " in text or "  " in text or " · " in text)
            and _chrome_parts(c, text)
        )
        or (
            len(text) <= MAX_SHARE_CHARS
            and text.count(" ") <= MAX_SHARE_SPACES
            and c.social_word.search(text)
            and _share_buttons(c, text)
        )
        or (
            len(text) <= MAX_BREADCRUMB_CHARS
            and ("|" in text or ">" in text or "»" in text or "›" in text or " / " in text or "   " in text)
            and _breadcrumb(text)
        )
        or (len(text) <= MAX_BREADCRUMB_CHARS and "  " in text and _spaced_menu(text))
    )


_COPYRIGHT = ("©", "Copyright", "COPYRIGHT", "(c) ", "(C) ")
_COPYRIGHT_FIRST = frozenset(w[0] for w in _COPYRIGHT)
MAX_COUNTER_CHARS = 100
MAX_BANNER_CHARS = 400
_DIGIT = re.compile(r"\d")
_COUNTER_SEPARATOR = re.compile(r"\s[|·•]\s")
# `Comentarios (0)   Vistas: 1.047`, `Like 0  Share`, `Commentaires (0) – Soyez le premier à réagir`
_COUNTER_PARTS = re.compile(r"\s+[|·•–—]\s+|\s{2,}|\t")


def _is_front_chrome(c: Cues, text: str) -> bool:
    """A counter alone on its line, or a consent banner, which sites print around the title (counters
    looked for there only: short lines are many in the body). Below the body, tail markers drop them."""
    return (len(text) <= MAX_COUNTER_CHARS and _counter_line(c, text)) or _is_banner(c, text)


def _is_banner(c: Cues, text: str) -> bool:
    """A consent banner (`This site uses cookies ... [OK]`), above the article or below it."""
    return (
        len(text) <= MAX_BANNER_CHARS
        and any(map(text.__contains__, c.banner))
        and c.banner_word.search(text) is not None
    )


def _table_header(lines: list[str], i: int) -> bool:
    """lines[i] heads a table (`Rang | Province | Score`): the next line is a row of as many cells
    holding figures. (Otherwise a line of short parts between bars reads as a breadcrumb.)"""
    text = lines[i]
    if "|" not in text or i + 1 >= len(lines):
        return False
    row = lines[i + 1]
    return row.count("|") == text.count("|") and _DIGIT.search(row) is not None


def _labelled_part(c: Cues, text: str) -> bool:
    """`Le Courrier du Vietnam – 79, rue ... – Tél. : (84-24) 38 25 28 82`: a part after a separator
    is a contact, tags or read-also line."""
    return any(c.link_line.match(part) for part in _PART_SEPARATOR.split(text)[1:])


MAX_FOOTER_CHARS = 240
_PART_SEPARATOR = re.compile(r"\s[|·•–—-]\s")


def _chrome_parts(c: Cues, text: str) -> bool:
    """`Subscribe | Log in`, `🔊 Ascolta l'articolo   A-  A+   🖨 Stampa`: every part between
    separators is a button."""
    parts = [b for p in _split_parts(text) if (b := _bare(p))]
    return len(parts) > 1 and all(_button(c, p) for p in parts)


def _counter_line(c: Cues, text: str) -> bool:
    """`Visto 1,245 veces | 0 comentarios`, `Condividi | Stampa | Commenti: 2`, `👍 Mi piace 24   💬
    Commenti (3)`: counters of views, likes, reading time or comments, alone or between separators,
    share buttons and other buttons (`Rispondi · 👍 5`)."""
    if _DIGIT.search(text) is None:
        return False
    parts = [b for p in _split_parts(text) if (b := _bare(p))]  # (`✉` alone is a button: no part left)
    counters = [p for p in parts if c.counter.match(p)]
    buttons = [p for p in parts if p not in counters and _button(c, p)]
    # (not a row of numbers: a counter has words, or buttons stand beside it)
    worded = bool(buttons) or any(not ch.isdigit() and ch.isalnum() for p in counters for ch in p)
    return worded and len(counters) + len(buttons) == len(parts)


MAX_LONE_COUNTER_CHARS = 40


def _button(c: Cues, part: str) -> bool:
    """A part of a counter line that is a button: chrome, a network's name, the font size (`A- A+`),
    or chrome with a limit in brackets (`Lascia un commento... (max 1000 caratteri)`)."""
    folded = part.casefold()
    return bool(
        folded.rstrip(".…") in c.chrome
        or folded in c.social
        or _FONT_SIZE.fullmatch(part)
        or _share_buttons(c, part)  # `Udostępnij: Facebook`, `Share Facebook`
        or (folded.endswith(")") and _LIMIT.sub("", folded).rstrip(".… ") in c.chrome)
    )


def _split_parts(text: str) -> list[str]:
    """The parts of a row of buttons or counters; the letters of a font-size control stay one part
    (`A-  A  A+`)."""
    parts = _COUNTER_PARTS.split(text)
    if len(parts) > 2 and any(p.strip() in _FONT_LETTERS for p in parts):
        joined: list[str] = []
        for p in parts:
            if joined and p.strip() in _FONT_LETTERS and (joined[-1].split() or [""])[-1] in _FONT_LETTERS:
                joined[-1] += " " + p.strip()
            else:
                joined.append(p)
        return joined
    return parts


_FONT_LETTERS = frozenset(("A", "A-", "A+", "a", "a-", "a+"))


def _bare(part: str) -> str:
    """A part of a line without the symbols around it (`🔗 Condividi`, `[Invia]`, `👍 5`)."""
    return _EDGE_SYMBOLS.sub("", part)


_EDGE_SYMBOLS = re.compile(r"^[^\w(]+|[^\w.)…+\-]+$")
_LIMIT = re.compile(r"\s*\([^()]*\d[^()]*\)$")  # `(max 1000 caratteri)`
_FONT_SIZE = re.compile(r"(?:[^:|]{1,30}:?\s*)??(?:A[-+]?\s*){2,}")  # `Font size: A- A+`, `Cỡ chữ: A A A`


def _dated_counters(c: Cues, text: str) -> bool:
    """A counter line that dates the article (a date among its counters)."""
    dated = _NUMERIC_DATE.search(text) is not None or bool(worded_date(text))
    return dated and len(text) <= MAX_COUNTER_CHARS and _counter_line(c, text)


MAX_SHARE_OTHER_WORDS = 2  # `Condividi su Facebook`, `Share on Zalo`
_SHARE_SEPARATORS = frozenset("|·•/")
MAX_SHARE_CHARS = 80
MAX_SHARE_SPACES = 8  # a few names and two other words
MAX_BREADCRUMB_CHARS = 120
MAX_BREADCRUMB_PART_WORDS = 4
_BREADCRUMB_MARKS = ">»›|/"
_BREADCRUMB_SEPARATOR = re.compile(
    rf"\s+[{re.escape(_BREADCRUMB_MARKS)}]\s+|\s{{3,}}|\t"
)  # (a menu's runs of spaces too)


def _share_buttons(c: Cues, text: str) -> bool:
    """Network names, with at most a couple of other words (the share verb and a preposition);
    separators and a label's colon are no words (`Partilhar: Facebook | Zalo | E-mail`)."""
    tokens = [_bare(t) for t in text.casefold().replace(",", " ").split() if t not in _SHARE_SEPARATORS]
    tokens = [t for t in tokens if t]  # (an emoji alone is no word)
    networks = sum(t in c.social for t in tokens)
    # each further network may bring its own word (`Copiar link` beside `Facebook | WhatsApp`)
    return networks > 0 and len(tokens) - networks <= MAX_SHARE_OTHER_WORDS + networks - 1


def _breadcrumb(text: str) -> bool:
    """`Home > News > Provinces`, `Início | Notícias | Província`: three or more short parts
    between separators (two between arrows), none ending a sentence, each a section's name (`_crumb`)."""
    parts = _BREADCRUMB_SEPARATOR.split(text.strip("| "))  # (a table's row may open and close with bars)
    # (two parts will do between arrows, which no sentence or table row is written with: `Science > Provinces`)
    enough = len(parts) >= 3 or (len(parts) == 2 and (">" in text or "»" in text or "›" in text))
    return enough and all(
        0 < len(p.split()) <= MAX_BREADCRUMB_PART_WORDS and p[-1] not in _TERMINAL and _crumb(p)
        for p in parts
    )


def _spaced_menu(text: str) -> bool:
    """`Accueil  Politique  Économie  Société  Culture`: a menu's sections two spaces apart, at
    least MIN_MENU_SECTIONS of them, each one or two capitalised words (a title with a stray
    double space has fewer pieces, or lower-case words)."""
    parts = _TWO_SPACES.split(text.strip())
    return len(parts) >= MIN_MENU_SECTIONS and all(
        len(p.split()) <= 2 and p[:1].isupper() and p[-1] not in _TERMINAL and _crumb(p) for p in parts
    )


_TWO_SPACES = re.compile(r"\s{2,}")
MIN_MENU_SECTIONS = 4


def _dated_crumbs(text: str) -> bool:
    """Short parts between bars, one a date written in digits (`Báo Gia Lai 06/11/2025 | Partilhar`):
    the article's date and publisher, and maybe its author, with the page's tools."""
    return _BREADCRUMB_SEPARATOR.search(text) is not None and _NUMERIC_DATE.search(text) is not None


def _crumb(part: str) -> bool:
    """A breadcrumb's part names a section: no label (`Autor: NAME | date`), no bare figure (a
    table's cell: `Cobertura forestal | 55,1 % | 55,3 %`), no unit in brackets (a table's header:
    `Settore | Progetti | Capitale (milioni USD)`, whose units the rows under it are read in)."""
    return ":" not in part and _NUMBER_CELL.fullmatch(part) is None and _UNIT_BRACKETS.search(part) is None


_UNIT_BRACKETS = re.compile(r"[(\[][^()\[\]]*[^\d\s()\[\]][^()\[\]]*[)\]]\s*$")  # `(ha)`, `[szt.]`, not `(0)`


_NUMBER_CELL = re.compile(r"[\d\s.,%\u00a0\u202f]+")


def _caption_row(text: str) -> str | None:
    """The caption inside a table row `| text |`, else None. Plain string tests: the regular
    expression this replaces took cubic time on a bar followed by thousands of spaces."""
    if len(text) >= 2 and text[0] == "|" and text[-1] == "|":
        return text[1:-1].strip()
    return None


def _source_line_index(lines: list[str]) -> int | None:
    """The source line, when it stands in the second half of the page (what follows it is site chrome)."""
    c = cues()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i] and c.source_line.match(lines[i]) and _URL.search(lines[i]):
            return i if i >= len(lines) // 2 else None
    return None


def _front_matter_kind(text: str, before: list[Line], c: Cues) -> str:
    """masthead, title, dateline or lead for a line above the first body paragraph; '' for body."""
    words_ = text.split()
    if (
        not before
        and (text.isupper() or (len(words_) <= MAX_SITE_NAME_WORDS and _site_name_like(text)))
        and c.masthead_word.search(text)
    ):
        return "masthead"  # `THAI NGUYEN PROVINCE ELECTRONIC INFORMATION PORTAL`, `Le Courrier du Vietnam`
    if not before and len(words_) <= MAX_SITE_NAME_WORDS and len(words_) > 2 and words_[1] in ("-", "–", "|"):
        return "masthead"  # `VIR - Vietnam Investment Review`: the site's name, then what it is
    if not before and _named_then_described(text, c):
        return "masthead"  # `VIETNAM OGGI – Notizie dal Vietnam in lingua italiana`
    # (a title may close a quote, or end on an abbreviation: `cel 30 proc. PKB do 2030 r.`)
    short = len(text) <= MAX_TITLE_CHARS and (
        text[-1] not in _SENTENCE_END or _abbreviation_end().search(text)
    )
    # (the plain tests first: the patterns are the costly ones)
    if not before and len(text) <= 120 and " - " in text and _DOMAIN.search(text):
        return "masthead"
    if (
        len(words_) == 1
        and len(text) <= MAX_SITE_NAME_CHARS
        and _site_name_like(text)
        and text[-1] not in _TERMINAL
    ):
        return "masthead"  # the site's name or a section alone above the title (`VnExpress`, `ÉCONOMIE`)
    if len(words_) <= MAX_NUMERIC_DATELINE_WORDS and _NUMERIC_DATE.search(text):
        return "dateline"
    if len(words_) <= MAX_WORDED_DATELINE_WORDS + (
        BAR_DATELINE_WORDS if " | " in text else 0
    ) and worded_date(text):
        return "dateline"  # (`Hải Yến | Hanoi, 15 października 2025 r.`: an author beside the date)
    if text[:1] in "*•" and len(text) <= 400:
        return "lead"
    titled = any(ln.kind == "title" for ln in before)
    if short and not titled and len(words_) >= 3:
        return "title"
    if titled and 2 <= len(words_) <= MAX_NAME_LINE_WORDS + 1 and signature(text):
        return "byline"  # the author's name alone under the title (`NGOC HA`, `Thu Hằng`, `Thanh Hà/CVN`)
    return ""


MAX_NAME_LINE_WORDS = 4
_SENTENCE_END = ".:;!?…"


@cache
def _abbreviation_end() -> re.Pattern:
    """A number, then an abbreviation's point closing the line (`do 2030 r.`, `30 proc.`): no
    sentence's end (the abbreviations of every language's figures wording)."""
    found = set()
    for code in languages("indicators"):
        w = load("indicators", code).get("words", {})
        found.update(w.get("abbreviations", []) + w.get("closing_abbreviations", []))
    return re.compile(rf"[0-9][\s\u00a0](?:{_alternation(sorted(found))})\.$", re.I)


def _named_then_described(text: str, c: Cues) -> bool:
    """A site's name of a few capitalised words, a dash or bar, then what the site is, opening
    with a masthead word (`VIETNAM OGGI – Notizie dal Vietnam`, `Hanoi Times | News of the capital`)."""
    m = _SITE_DASH.search(text)
    if m is None:
        return False
    name = text[: m.start()].split()
    return (
        0 < len(name) <= MAX_SITE_NAME_HEAD_WORDS
        and all(w[:1].isupper() for w in name)
        and c.masthead_word.match(text, m.end()) is not None
    )


_SITE_DASH = re.compile(r" [-–—|] ")
MAX_SITE_NAME_HEAD_WORDS = 3


def _site_name_like(text: str) -> bool:
    """No digits and no colon: a site's name or a section's (`Le Courrier du Vietnam`, `ÉCONOMIE`),
    not a headline (`An Giang: 1.240 Online-Dienste`) or a date."""
    return ":" not in text and _DIGIT.search(text) is None


def _is_heading(text: str) -> bool:
    """Three or more words in capitals (12 letters or more). Body text fails at its first lower-case
    letter, so the short-circuiting scan costs a few characters, not the whole line."""
    return (
        all(map(str.isupper, filter(str.isalpha, text)))
        and sum(map(str.isalpha, text)) >= 12
        and len(text.split()) >= 3
    )


def _mark_trailing_byline(lines: list[Line]) -> None:
    """A short line of capitalised words just before the source line (or at the end) is the byline;
    separators may join its names (`Thu Trang - Duc Hieu`, `Minh Thu/CVN`)."""
    end = len(lines)
    while end and lines[end - 1].kind == "source":
        end -= 1
    if not end:
        return
    last = lines[end - 1]
    if last.kind != "body" or last.text[-1] in _TERMINAL:  # (most last lines end a sentence)
        return
    words = last.text.split(None, 2 * MAX_BYLINE_WORDS + 1)  # a longer line is no byline: split no further
    tokens = [
        t for t in words if t not in ("-", "–", "—", "/", ",", "&", "|", "·")
    ]  # the marks joining names
    if 1 <= len(tokens) <= MAX_BYLINE_WORDS and all(t[:1].isupper() for t in tokens):
        lines[end - 1] = Line("byline", last.text)


def _duplicate_key(text: str) -> str:
    """The paragraph folded, its white space collapsed to single spaces."""
    key = text.casefold()
    # Printable text (every white space but the ASCII space is not) without double spaces or
    # spaces at its ends is collapsed already: no need to split and join it again.
    if key.isprintable() and "  " not in key and key[:1] != " " and key[-1:] != " ":
        return key
    return " ".join(key.split())


# Paragraphs are first told apart by the opening of their key: the whole key (the paragraph
# folded) is made only for those that open alike, the few real repeats among them.
KEY_HEAD_CHARS = 24


def _drop_repeats(lines: list[Line], doc: Document) -> list[Line]:
    """The lines but paragraphs whose key (`_duplicate_key`) an earlier paragraph has, or that repeat
    one cut short (its opening), or that end as the first earlier one ending in the same characters
    does, after another opening clause of no figure."""
    seen: dict[str, dict[str, str | None]] = {}  # key's opening -> {paragraph: its key, once made}
    tails: dict[str, str] = {}  # a paragraph's last characters -> the first kept paragraph ending so
    kept = []
    for line in lines:
        if line.kind in ("body", "caption", "lead", "heading") and len(line.text) >= MIN_DUPLICATE_CHARS:
            alike = seen.setdefault(_key_head(line.text), {})
            tail = line.text[-KEY_HEAD_CHARS:]  # as written: a scraper's repeat ends alike to the letter
            if (alike and (_key_among(line.text, alike) or _cut_short(line.text, alike))) or (
                tail in tails and _reworded_opening(line.text, tails[tail])
            ):
                doc.n_duplicate_paragraphs += 1
                doc.duplicates.append(line.text)
                continue
            alike.setdefault(line.text, None)
            tails.setdefault(tail, line.text)
        kept.append(line)
    return kept


class _Heading:
    """The key of the page's title (or first lead), found among the lines kept so far: a line that
    repeats it is a repeat (read before any other test, so that it changes nothing after it)."""

    def __init__(self) -> None:
        self.key: str | None = None
        self.seen = 0  # the kept lines looked at

    def repeated(self, out: list[Line], text: str) -> bool:
        if self.key is None:
            for line in out[self.seen :]:
                if line.kind in ("title", "lead") and len(line.text) >= MIN_TITLE_REPEAT_CHARS:
                    self.key = _duplicate_key(line.text)
                    break
            self.seen = len(out)
            if self.key is None:
                return False
        if text[0] in "*•-":  # (a lead is kept without its bullet)
            text = text.lstrip("*•- ").strip()
        return abs(len(text) - len(self.key)) <= TITLE_SPACES and _duplicate_key(text) == self.key


def _cut_short(text: str, alike: dict[str, str | None]) -> bool:
    """`text` is the opening of an earlier paragraph that opens alike (keys made by `_key_among`)."""
    key = _duplicate_key(text)
    return any(
        other is not None and len(other) > len(key) and other.startswith(key) for other in alike.values()
    )


def _reworded_opening(text: str, earlier: str) -> bool:
    """`text` ends as `earlier` does over most of its length, and what it says before that holds
    no figure (`Según el informe, X` again as `En cuanto a la transformación digital, X`)."""
    key, other = _duplicate_key(text), _duplicate_key(earlier)
    shared = len(os.path.commonprefix([key[::-1], other[::-1]]))
    return shared >= REPEAT_SHARE * len(key) and _DIGIT.search(key[: len(key) - shared]) is None


REPEAT_SHARE = 0.6  # of a paragraph that an earlier one's ending repeats


def _key_among(text: str, alike: dict[str, str | None]) -> bool:
    """`text`'s key is the key of one of the paragraphs `alike` (their keys made once, when asked)."""
    if text in alike:
        return True
    for other, key in alike.items():
        if key is None:
            alike[other] = key = _duplicate_key(other)
    return _duplicate_key(text) in alike.values()


def _key_head(text: str, n: int = KEY_HEAD_CHARS) -> str:
    """`_duplicate_key(text)[:n]`, from as short an opening of the text as gives it: the key of an
    opening is an opening of the key (folding goes character by character, white space collapses
    the same), so once it has n characters its first n are the key's."""
    size = 2 * n
    while True:
        key = _duplicate_key(text[:size])
        if len(key) >= n or size >= len(text):
            return key[:n]
        size *= 4


def _assemble(doc: Document, lines: list[Line]) -> None:
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for line in lines:
        if parts:
            parts.append("\n\n")
            pos += 2
        segments.append(Segment(line.kind, pos, pos + len(line.text)))
        parts.append(line.text)
        pos += len(line.text)
    doc.text = "".join(parts)
    doc.segments = segments
    doc.n_chars = len(doc.text)
    doc.n_paragraphs = sum(seg.kind in ("body", "caption", "lead", "heading") for seg in segments)


def _fill_metadata(doc: Document) -> None:
    doc.title = next((text for _, text in doc.iter_segments("title")), "")
    urls = [u for _, t in doc.iter_segments("source") for u in _URL.findall(t)]
    if not urls:
        urls = _URL.findall(doc.text)
    if urls:
        doc.source_url = urls[0].rstrip(".,;")
        doc.publisher = publisher_of(doc.source_url)
    doc.published = published_date(doc)


def publisher_of(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def published_date(doc: Document) -> str:
    """ISO date from the dateline (day first, as Vietnamese sites write it), else year-month from the URL."""
    for _, text in doc.iter_segments("dateline"):
        if m := _NUMERIC_DATE.search(text):
            day, month, year = (int(g) for g in m.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
        if date := worded_date(text):
            return date
    if doc.source_url and (m := _URL_DATE.search(urlparse(doc.source_url).path)):
        year, month, day = m.groups()
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    return ""


@cache
def _month_numbers() -> dict[str, int]:
    """Folded month name -> month number, from every language's `[months]` (toolkit/data/numbers):
    the page is cleaned before its language is known."""
    months: dict[str, int] = {}
    for lang in languages("numbers"):
        for name, number in load("numbers", lang).get("months", {}).items():
            months.setdefault(fold(name), int(number))
    return months


@cache
def _worded_date_pattern() -> re.Pattern:
    names = "|".join(re.escape(m) for m in sorted(_month_numbers(), key=len, reverse=True))
    day_first = rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m>{names})\s+(?:de\s+)?(?P<y>\d{{4}})"
    month_first = rf"(?P<m2>{names})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    return re.compile(rf"(?<![\w])(?:{day_first}|{month_first})(?![\w])")


def worded_date(text: str) -> str:
    """The ISO date written with a month name in `text` (`12 de agosto de 2025`, `12. August 2025`,
    `August 12, 2025`, `12 sierpnia 2025`), else ''."""
    if not _YEAR.search(text):
        return ""
    m = _worded_date_pattern().search(fold(text))
    if m is None:
        return ""
    day, month, year = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
    if not 1 <= int(day) <= 31:
        return ""
    return f"{int(year):04d}-{_month_numbers()[month]:02d}-{int(day):02d}"
