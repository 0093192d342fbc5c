"""Vietnamese personal names as they appear in translated text.

A name is two to five capitalised words, each one Vietnamese-like syllable
(`Nguyễn`, `Nguyen`, `Thanh`, `Kdam`, `H'Hen`): one group of vowels with at most
three consonants before and two after. That shape alone rejects most words of
the seven target languages (`Comité`, `Secretario`, `Viettel`, `Guangxi`), so no
list of names is needed; a list of common family names (data) only tells where a
name starts inside a longer capitalised run. Names in capitals (`NGUYEN VAN A`,
photo credits) are read the same way.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from toolkit.langdata import load
from toolkit.places import LONG_TEXT, CharMap, fold_char

MIN_WORDS, MAX_WORDS = 2, 5
SPLIT_CACHE = 8192  # capitalised runs whose reading is remembered


def _letters(test) -> str:
    """Latin letters (basic, Latin-1, extended A/B, extended additional) passing `test`, as a class body."""
    ranges = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if test(chr(c)) and chr(c).isalpha()]
    return "".join(re.escape(c) for c in chars)


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
_APOS = "'’"
# One word of a name: title case (`Thanh`, `H'Hen`) or capitals (`THANH`).
_WORD = rf"(?:[{UPPER}][{LOWER}]{{0,7}}(?:[{_APOS}][{UPPER}]?[{LOWER}]{{1,7}})?|[{UPPER}]{{1,8}}(?:[{_APOS}][{UPPER}]{{1,7}})?)"
# A run of capitalised words separated by spaces, not glued to other words or hyphens. The first
# capital comes before the look-behind so that the engine can skip ahead to capitals.
_FIRST = rf"[{UPPER}]"
_NOT_GLUED = rf"(?<![\w{_APOS}\-/@.][{UPPER}])"
_REST = rf"(?:[{LOWER}]{{0,7}}(?:[{_APOS}][{UPPER}]?[{LOWER}]{{1,7}})?|[{UPPER}]{{0,7}}(?:[{_APOS}][{UPPER}]{{1,7}})?)"
# Most capitals open one word followed by a lower-case one: a look ahead for the next capital
# (within a word's 16 characters and a space or two) turns them down before the rest is tried.
_NEXT_CAPITAL = rf"(?=[{UPPER}{LOWER}{_APOS}]{{0,16}}[ \u00a0]{{1,2}}[{UPPER}])"
RUN = re.compile(
    rf"{_FIRST}{_NEXT_CAPITAL}{_NOT_GLUED}{_REST}(?:[ \u00a0]{{1,2}}{_WORD})+(?![\w{_APOS}\-/@])"
)
WORD = re.compile(_WORD)
_CONSONANTS = "bcdfghjklmnpqrstvwxzđ"
SYLLABLE = re.compile(rf"^(?:h[{_APOS}])?[{_CONSONANTS}]{{0,3}}[aeiouy]{{1,3}}[{_CONSONANTS}]{{0,2}}$")


# Folding as places.fold does (lower case, no diacritics, one character for one), faster: the
# C-level lower() first, then a table lookup for the few non-ASCII characters left.
_FOLD_TABLE = {chr(c): fold_char(chr(c)) for c in range(0x80, 0x2000) if fold_char(chr(c)) != chr(c)}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match) -> str:
    ch = m.group(0)
    return _FOLD_TABLE.get(ch) or fold_char(ch)


# Texts this long are folded through the table (shorter ones cost less the plain way below).
# Folding is one character for one except for the capital sigma, whose lower case depends on
# where it stands in its word; all other characters fold on their own (tested).
_FOLD_LONG = CharMap(lambda ch: fold(ch), context="\u03a3")


def fold(text: str) -> str:
    """Text folded for matching (lower case, no diacritics), the same length as `text`."""
    if len(text) >= LONG_TEXT and (folded := _FOLD_LONG(text)) is not None:
        return folded
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):  # a letter whose lower case is longer (`İ`): one by one
        return "".join(fold_char(ch) for ch in text)
    return _NON_ASCII.sub(_fold_char, low)


class NameSpan(NamedTuple):
    """Offsets of a name inside some text, and its words. (A named tuple: read-only like a frozen
    dataclass, and made three times as fast; every capitalised run makes one.)"""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


@cache
def is_syllable(word: str) -> bool:
    """True for one Vietnamese-like syllable (`Nguyễn`, `Kdam`, `A`), false for `Comité` or `Viettel`."""
    return bool(SYLLABLE.match(fold(word)))


def is_name_word(word: str) -> bool:
    """A capitalised Vietnamese syllable: a word a person's name may be made of (`Nguyễn`, `HA`)."""
    return word[:1].isupper() and is_syllable(word)


def trailing_name_words(words: list[str], limit: int = 4) -> list[str]:
    """The capitalised Vietnamese syllables that end `words`, at most `limit` of them."""
    named = 0
    while named < len(words) and named < limit and is_name_word(words[-1 - named]):
        named += 1
    return words[len(words) - named :]


# A name alone on a line, an agency after it or not: `Minh Thu/CVN`, `Hoàng Vũ (VNA)`.
_SIGNATURE = re.compile(
    r"\s*([^\s/()]+(?: [^\s/()]+){1,3})\s*(?:/\s*[A-Z][A-Za-z]{1,9}|\([A-Z][\w/+.-]{1,20}\))?\s*"
)


def signature(text: str) -> tuple[int, int] | None:
    """Where the name is when a line is a name alone (two to four syllables), an agency after a
    slash or in brackets or not: how an author signs an article (`Thu Hà`, `Minh Thu/CVN`)."""
    m = _SIGNATURE.fullmatch(text)
    if m is None or not all(map(is_name_word, m.group(1).split())):
        return None
    return m.span(1)


@cache
def surnames() -> frozenset[str]:
    return frozenset(load("people", "_common").get("surnames", []))


_ID_WORD = re.compile(r"[a-z0-9đ]+")
_RUN_WORD = re.compile(r"[^ \u00a0]+")


def person_id(name: str) -> str:
    """Stable id of a person: the folded name (case, diacritics, spacing and apostrophes ignored)."""
    words = _ID_WORD.findall(fold(name).replace("đ", "d"))
    return "p-" + "-".join(words)


def name_runs(text: str) -> list[NameSpan]:
    """Every run of 2-5 Vietnamese-like capitalised syllables in `text` (candidates, not yet people)."""
    out: list[NameSpan] = []
    for m in RUN.finditer(text):
        start = m.start()
        out += [NameSpan(n.start + start, n.end + start, n.words) for n in _split(m.group(0))]
    return out


@lru_cache(maxsize=SPLIT_CACHE)
def _split(run: str) -> tuple[NameSpan, ...]:
    """Cut a capitalised run at words that are not syllables; keep the pieces that can be names
    (offsets within the run). Remembered per run: names and places recur in every article."""
    out, words = [], []
    mixed = None  # read when a word in capitals asks (most runs are in title case)
    for pos, w in word_offsets(run):
        if w.isupper() and len(w) > 1 and mixed is None:
            mixed = _mixed(run)
        if is_syllable(w) and not (mixed and w.isupper() and len(w) > 1):
            words.append((pos, w))
        else:
            out += _piece(words)
            words = []
    return tuple(out + _piece(words))


def word_offsets(run: str) -> list[tuple[int, str]]:
    """(offset, word) for each word of a run; runs are mostly single-spaced, so split is the fast path."""
    if "\u00a0" in run or "  " in run:
        return [(m.start(), m.group(0)) for m in _RUN_WORD.finditer(run)]
    out, pos = [], 0
    for w in run.split(" "):
        out.append((pos, w))
        pos += len(w) + 1
    return out


def _mixed(run: str) -> bool:
    """A run mixing title case and capitals (`El VNA`) is not one name."""
    return any(w[1:].islower() for w in run.split() if len(w) > 1)


def _piece(words: list[tuple[int, str]]) -> list[NameSpan]:
    if len(words) > 2 * MAX_WORDS:  # a heading or a list in capitals, not a name
        return []
    if len(words) > MAX_WORDS:
        words = _from_surname(words)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return []
    return [span(words)]


def span(words: list[tuple[int, str]]) -> NameSpan:
    """The span from the first to the last of (offset, word) pairs."""
    return NameSpan(words[0][0], words[-1][0] + len(words[-1][1]), tuple([w for _, w in words]))


def _from_surname(words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """In a long run (`Benh Vien Bach Mai Nguyen Van A`), the name starts at the first family name leaving 2-5 words."""
    known = surnames()
    for i in range(max(0, len(words) - MAX_WORDS), len(words) - MIN_WORDS + 1):
        if fold(words[i][1]) in known:
            return words[i:]
    return []
