"""Language identification with lingua, restricted to the languages the press reaches us in.

The detector is built once per process (building it loads its models), in
low-accuracy mode (plenty for paragraphs of news text, five times faster) and
reads a bounded sample of the cleaned body, so a huge file costs no more than
a normal one.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from toolkit.langdata import count_in, folded_words, function_words
from toolkit.model import Document

# The languages we expect, plus neighbours that are easy to confuse with them and Vietnamese (site chrome).
CANDIDATES = ("es", "fr", "pl", "pt", "en", "de", "it", "vi", "nl", "ro", "ca", "cs", "sk", "id")
SAMPLE_CHARS = 600
CHUNK_CHARS = 200  # a piece identified on its own: a paragraph's opening, or short paragraphs together
SAMPLE_KINDS = (("body",), ("lead", "caption", "heading"), ("title",))
MIN_CHARS = 20
CONFIRM_SHARE = 0.15  # of a chunk's words among the leading language's frequent short words


@cache
def detector():
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in CANDIDATES]
    return (
        LanguageDetectorBuilder.from_languages(*langs)
        .with_preloaded_language_models()
        .with_low_accuracy_mode()
        .build()
    )


def detect_text(text: str) -> str:
    """ISO 639-1 code of the text's language, '' when too short or unknown. Vietnamese names are
    left out of what the identifier reads (`Lạch Huyện International Container Terminal` reads as
    French otherwise), unless the text is mostly made of them (then it may be Vietnamese)."""
    words = text[:SAMPLE_CHARS].split()
    sample = " ".join(words)
    if len(sample) < MIN_CHARS:
        return ""
    foreign = " ".join(w for w in words if not _vietnamese_word(w))
    if len(foreign) * VIETNAMESE_SHARE >= len(sample):
        sample = foreign
    lang = detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else ""


VIETNAMESE_SHARE = 2  # the names left out may make up at most half of the text


def _vietnamese_word(word: str) -> bool:
    """A word with a letter only Vietnamese writes: đ, a vowel with a dot below, a hook above, a
    horn or a breve, with a tilde (but ã, õ, ñ), or with two marks (`ệ`, `ằng`)."""
    return not word.isascii() and any(ch in _VIETNAMESE_LETTERS for ch in word)


def _only_vietnamese(ch: str) -> bool:
    marks = [m for m in unicodedata.normalize("NFD", ch) if unicodedata.combining(m)]
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return (
        ch in "đĐ"
        or len(marks) > 1
        or any(m in "\u0323\u0309\u031b\u0306" for m in marks)
        or ("\u0303" in marks and base not in "aon")
    )


_VIETNAMESE_LETTERS = frozenset(
    ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isalpha() and _only_vietnamese(ch)
)


def body_chunks(doc: Document) -> list[str]:
    """Pieces of the text to identify, up to the sample size in all: each body paragraph's opening
    (short paragraphs joined), then captions, lead and title when the body is short."""
    texts = [text for kinds in SAMPLE_KINDS for _, text in doc.iter_segments(*kinds)]
    share = max(CHUNK_CHARS, SAMPLE_CHARS // max(1, len(texts)))  # a lone paragraph is read further
    chunks, current, size = [], "", 0
    for text in texts:
        piece = text[:share]
        current = f"{current} {piece}" if current else piece
        if len(current) >= CHUNK_CHARS:
            chunks.append(current)
            size += len(current)
            current = ""
            if size >= SAMPLE_CHARS:
                break
    if current and size < SAMPLE_CHARS:
        chunks.append(current)
    return chunks


def detect_chunks(chunks: list[str]) -> str:
    """The language most of the text is in: each chunk identified alone, votes weighed by length.

    One long paragraph in another language (site text left in Vietnamese, a quoted passage)
    then cannot decide the language of the whole article.
    """
    votes: dict[str, int] = {}
    unread = sum(map(len, chunks))
    for chunk in chunks:
        if _decided(votes, unread):
            break
        unread -= len(chunk)
        leader = _leader(votes)
        lang = leader if leader and confirms(chunk, leader) else detect_text(chunk)
        if lang:
            votes[lang] = votes.get(lang, 0) + len(chunk)
    return _leader(votes)


def _leader(votes: dict[str, int]) -> str:
    return max(sorted(votes), key=votes.__getitem__) if votes else ""


def confirms(chunk: str, lang: str) -> bool:
    """The chunk has its share of `lang`'s frequent short words (data/quality/<lang>.toml), and
    more of them than of any other language's: the identifier's verdict on an earlier chunk then
    stands for this one too, without another pass. A paragraph in another language (neighbours
    share words: `la`, `en`), or of Vietnamese names, does not and is identified."""
    own = function_words(lang)
    if not own or len(chunk.strip()) < MIN_CHARS:
        return False
    tokens = folded_words(chunk)
    found = count_in(tokens, own)
    if not found or found < CONFIRM_SHARE * len(tokens):  # the usual way out: no other list is read
        return False
    return all(count_in(tokens, words) < found for code, words in _listed() if code != lang)


@cache
def _listed() -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, short words) of the candidate languages that have a list of short words."""
    return tuple((code, function_words(code)) for code in CANDIDATES if function_words(code))


def _decided(votes: dict[str, int], unread: int) -> bool:
    """True when the chunks not yet read could not change the winner, so they need not be read:
    the leader is ahead of the runner-up by more than all of them together (two agreeing
    paragraph openings out of three, usually)."""
    ranked = sorted(votes.values(), reverse=True)
    return bool(ranked) and ranked[0] > (ranked[1] if len(ranked) > 1 else 0) + unread


def detect_language(doc: Document) -> str:
    """The language of a cleaned document's body."""
    return detect_chunks(body_chunks(doc)) if doc.ok else ""
