"""Vietnam's provinces from the maintained `vietnamadminunits` gazetteer.

It carries the 34 provinces in force since 1 July 2025, the 63 before, and the
merger mapping. We use it at province level only (its address converter calls
an online geocoder). Names are matched in text with or without diacritics and
in any language's spelling (`Hanoi`, `Hanói`, `Hanoï`, `Cà Mau`, `Ca Mau`) by
folding text and names the same way, one character for one character, so that
offsets in the folded text are offsets in the original.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

import numpy as np

from toolkit.langdata import load
from toolkit.patterns import alternation_tree

# Official names are at least this long once folded; shorter strings match too much running text.
MIN_KEYWORD_CHARS = 3


@dataclass(frozen=True)
class Province:
    key: str  # gazetteer key, e.g. 'tinhcamau'
    name: str  # short official name with diacritics, e.g. 'Cà Mau'
    code: str
    lat: float
    lon: float


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    raw: str
    province: str  # current (since 1 July 2025) official name
    legacy: str  # the pre-merger province named, when it differs from the current one


def fold_char(ch: str) -> str:
    """One character folded to lower case without diacritics; always one character."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


class _FoldTable(dict):
    """`str.translate` table of `fold_char`, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# The last texts folded and their folds: the province finder and the figures stage fold the same
# segments of the same document, and folding is a large share of their time. Segment-sized
# texts only: a huge one-line file is not kept past its document.
_RECENT: dict[str, str] = {}
RECENT_FOLDS = 64
RECENT_MAX_CHARS = 20_000


def fold(text: str) -> str:
    """Text folded for matching, the same length as `text`: `fold_char` of every character."""
    if text.isascii():
        return text.lower()
    if len(text) > RECENT_MAX_CHARS:
        return _fold(text)
    folded = _RECENT.get(text)
    if folded is None:
        if len(_RECENT) >= RECENT_FOLDS:
            _RECENT.clear()
        folded = _RECENT[text] = _fold(text)
    return folded


class CharMap:
    """A mapping of one character to one character, applied to a long text as one numpy table
    lookup: a C loop over the text instead of a Python call for every accented letter.

    Calling it returns None for a text it cannot map that way (a character beyond the table, or
    one of `context`, whose mapping depends on its neighbours): the caller takes its slow path."""

    CHARS = 0x3000  # Latin, Greek, Cyrillic, punctuation: all but rare characters of articles

    def __init__(self, per_char: Callable[[str], str], context: str = ""):
        self._per_char = per_char
        self._context = context

    @cached_property
    def _table(self) -> np.ndarray:
        """Built on first use (a few milliseconds), so that importing costs nothing."""
        return np.array([ord(self._per_char(chr(c))) for c in range(self.CHARS)], dtype=np.uint32)

    def __call__(self, text: str) -> str | None:
        if not text or any(ch in text for ch in self._context):
            return None
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        if codes.max() >= self.CHARS:
            return None
        return self._table[codes].tobytes().decode("utf-32-le")


# Texts this long are folded through the table (shorter ones cost less the plain way below).
LONG_TEXT = 64
_FOLD_LONG = CharMap(fold_char)


def _fold(text: str) -> str:
    if len(text) >= LONG_TEXT and (folded := _FOLD_LONG(text)) is not None:
        return folded
    # `str.translate` looks every character up in Python; C-level `lower()` and one `replace` per
    # distinct non-ASCII letter give the same text (fold_char(ch) == fold_char(ch.lower()) and
    # fold_char is idempotent, for every code point) ...
    low = text.lower()
    if len(low) != len(text) or "ς" in low:
        # ... unless a letter lowers to two (`İ`) or by its place in a word (Greek final sigma)
        return text.translate(_FOLD)
    for ch in set(_NON_ASCII.findall(low)):
        low = low.replace(ch, _FOLD[ord(ch)])
    return low


def _gazetteer_json(name: str) -> dict:
    # The package's data files, found without importing the package (its import pulls in pandas,
    # geopy and more: seconds in every worker process for three JSON files).
    spec = importlib.util.find_spec("vietnamadminunits")
    folder = (
        Path(next(iter(spec.submodule_search_locations)))
        if spec and spec.submodule_search_locations
        else None
    )
    if folder is None or not (folder / "data" / name).is_file():
        folder = Path(str(resources.files("vietnamadminunits")))
    return json.loads((folder / "data" / name).read_text(encoding="utf-8"))


@cache
def current_provinces() -> dict[str, Province]:
    """The 34 provinces in force since 1 July 2025, by gazetteer key."""
    data = _gazetteer_json("parser_from_2025.json")["DICT_PROVINCE"]
    return {k: _province(k, v) for k, v in data.items()}


@cache
def legacy_provinces() -> dict[str, Province]:
    """The 63 provinces before 1 July 2025, by gazetteer key."""
    data = _gazetteer_json("parser_legacy.json")["DICT_PROVINCE"]
    return {k: _province(k, v) for k, v in data.items()}


@cache
def merger_map() -> dict[str, str]:
    """Legacy province key -> current province key."""
    data = _gazetteer_json("converter_2025.json")["DICT_PROVINCE"]
    return {old: new for new, olds in data.items() for old in olds}


def _province(key: str, v: dict) -> Province:
    return Province(
        key,
        v["provinceShort"],
        v.get("provinceCode", ""),
        v.get("provinceLat", 0.0),
        v.get("provinceLon", 0.0),
    )


@cache
def _keyword_table() -> dict[str, tuple[str, str]]:
    """Folded spelling -> (current name, legacy name or '')."""
    current = current_provinces()
    table: dict[str, tuple[str, str]] = {}
    for key, prov in legacy_provinces().items():
        new = current[merger_map().get(key, key)]
        legacy = prov.name if prov.name != new.name else ""
        for spelling in _spellings(prov.name):
            table.setdefault(spelling, (new.name, legacy))
    for prov in current.values():
        for spelling in _spellings(prov.name):
            table[spelling] = (prov.name, "")
    for alias, name in load("places", "aliases").get("aliases", {}).items():
        target = next((p.name for p in current.values() if p.name == name), None)
        if target:
            table[fold(alias)] = (target, "")
    return table


def _spellings(name: str) -> set[str]:
    """'Hà Nội' -> {'ha noi'}; the pattern later accepts 'hanoi' and 'ha-noi' too."""
    folded = fold(name)
    return {folded} if len(folded.replace(" ", "")) >= MIN_KEYWORD_CHARS else set()


@cache
def _pattern() -> re.Pattern:
    """Any spelling, longest first, its words joined by a space, a hyphen or nothing."""
    return re.compile(rf"(?<![\w])(?:{_spellings_tree()})(?![\w])")


@cache
def _spellings_tree() -> str:
    spellings = sorted(_keyword_table(), key=len, reverse=True)
    alts = [
        (first, "".join(rf"[\s\-]?{re.escape(w)}" for w in more))
        for first, *more in map(str.split, spellings)
    ]
    return alternation_tree(alts)


@cache
def _after_non_word() -> re.Pattern | None:
    """`_pattern` written from the character before its match: a pattern that starts with a
    character class lets the regex engine skip to the characters that may stand before a name.
    None should a spelling end with no letter or digit (see `spelling_spans`)."""
    if not all(re.search(r"\w$", spelling) for spelling in _keyword_table()):
        return None
    return re.compile(rf"[^\w]({_spellings_tree()})(?![\w])")


def spelling_spans(folded: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of what `_pattern().finditer(folded, pos, endpos)` finds: a name at `pos`
    itself (what stands before it is out of reach of the faster pattern), then every name after
    a character that is no letter or digit. A match ends with a letter, so the character after
    it is never taken as one before a name that `_pattern` would find there."""
    endpos = len(folded) if endpos is None else endpos
    if _after_non_word() is None:
        return [m.span() for m in _pattern().finditer(folded, pos, endpos)]
    return _first_then_after(_pattern(), _after_non_word(), folded, pos, endpos)


def _first_then_after(
    first: re.Pattern, after: re.Pattern, text: str, pos: int, endpos: int
) -> list[tuple[int, int]]:
    """The span of `first` matched at `pos`, then those of group 1 of `after`, which starts with the
    character before a name, found from where that match ends."""
    out = []
    m = first.match(text, pos, endpos)
    if m is not None:
        out.append(m.span())
        pos = m.end()
    out += [m.span(1) for m in after.finditer(text, pos, endpos)]
    return out


def find_places(text: str) -> list[PlaceMention]:
    """Every province named in `text`, with offsets into `text`."""
    folded = fold(text)
    return mentions_at(text, folded, spelling_spans(folded))


def find_places_in(text: str, spans: list[tuple[int, int]]) -> list[PlaceMention]:
    """What `find_places` finds in each `text[start:end]` of `spans`, in order, with offsets into
    `text`. The text is folded and scanned once (see `scan_text`), not piece by piece."""
    folded = fold(text)
    scan = scan_text(folded)
    if scan is None:
        return [
            PlaceMention(m.start + s, m.end + s, m.raw, m.province, m.legacy)
            for s, e in spans
            for m in find_places(text[s:e])
        ]
    return mentions_at(text, folded, [span for s, e in spans for span in scan_spans(scan, s, e, alone=True)])


def mentions_at(text: str, folded: str, spans: list[tuple[int, int]]) -> list[PlaceMention]:
    """The provinces whose spellings `folded[start:end]` of `spans` are (spans where the gazetteer's
    pattern matched `folded`, the text folded), with offsets and wording of `text`."""
    table = _keyword_table()
    out = []
    for start, end in spans:
        key = _canonical_spelling(folded[start:end], table)
        if key is None:
            continue
        current, legacy = table[key]
        out.append(PlaceMention(start, end, text[start:end], current, legacy))
    return out


# --- the scan text: names found by an ASCII-only pattern ---------------------------------------
#
# Most of the time spent finding names goes to the engine's test of `[^\w]` at every character,
# a Unicode lookup unless the pattern is ASCII-only. The scan text of a folded text has one ASCII
# character for each of its characters: an ASCII one stays (but for the four separators that
# Unicode counts as spaces and ASCII does not), any other becomes `_` when it is a letter or digit,
# ` ` when it is a space, `#` otherwise. Every spelling is ASCII and holds none of `_` and `#`, so
# the ASCII pattern finds on the scan text exactly what the Unicode pattern finds on the folded
# text: the same letters match, and `\w` and `\s` hold for the same characters.
_UNICODE_SPACES_ONLY = "\x1c\x1d\x1e\x1f"


def scan_char(ch: str) -> str:
    """The scan text's character for one character of a folded text."""
    if ch.isascii() and ch not in _UNICODE_SPACES_ONLY:
        return ch
    if ch.isalnum() or ch == "_":
        return "_"
    return " " if ch.isspace() else "#"


_SCAN = CharMap(scan_char)
_SCANS: dict[str, str | None] = {}  # the last folded texts scanned (a document's, and the figures' own)
RECENT_SCANS = 4


def scan_text(folded: str) -> str | None:
    """The scan text of a folded text; None when no ASCII pattern can stand for the gazetteer's
    (a character beyond the table, or a spelling that is not plain ASCII letters and marks)."""
    if _ascii_patterns() is None:
        return None
    if folded.isascii() and not any(ch in folded for ch in _UNICODE_SPACES_ONLY):
        return folded
    scan = _SCANS.get(folded)
    if scan is None and folded not in _SCANS:
        if len(_SCANS) >= RECENT_SCANS:
            _SCANS.clear()
        scan = _SCANS[folded] = _SCAN(folded)
    return scan


@cache
def _ascii_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """The gazetteer pattern on the scan text: at a position with the character before it checked,
    at one without (the start of a text alone), and from the character before the name."""
    if _after_non_word() is None or not all(re.fullmatch(r"[a-z0-9 \-]+", s) for s in _keyword_table()):
        return None
    tree = _spellings_tree()
    return (
        re.compile(rf"(?<![\w])(?:{tree})(?![\w])", re.ASCII),
        re.compile(rf"(?:{tree})(?![\w])", re.ASCII),
        re.compile(rf"[^\w]({tree})(?![\w])", re.ASCII),
    )


def scan_spans(scan: str, pos: int, endpos: int, alone: bool = False) -> list[tuple[int, int]]:
    """`spelling_spans(folded, pos, endpos)` read off the scan text of `folded`; `alone`: as if
    `pos` were the start of the text (nothing stands before it)."""
    checked, unchecked, after_non_word = _ascii_patterns()
    return _first_then_after(unchecked if alone else checked, after_non_word, scan, pos, endpos)


def _canonical_spelling(found: str, table: dict[str, tuple[str, str]]) -> str | None:
    if found in table:
        return found
    squashed = re.sub(r"[\s\-]", "", found)
    return next((k for k in table if k.replace(" ", "") == squashed), None)


def current_name(name: str) -> str:
    """The current official name for any spelling of a current or pre-merger province; '' if unknown."""
    mentions = find_places(name)
    return mentions[0].province if mentions else ""


def main_province(mentions: list[PlaceMention]) -> tuple[str, str]:
    """(current, legacy) of the province named most often; ties go to the first named."""
    if not mentions:
        return "", ""
    counts = Counter(m.province for m in mentions)
    best = max(counts.values())
    winner = next(m.province for m in mentions if counts[m.province] == best)
    legacy = next((m.legacy for m in mentions if m.province == winner and m.legacy), "")
    return winner, legacy


def dateline_city(text: str, m: PlaceMention, paragraph_start: int = 0) -> bool:
    """`HANOI, 12 novembre`, `(ANSA) - HANOI, 12 NOV -`, `HA NOI (VNA) —`, `Hanoi (VNA) –`: a city at
    the opening of a paragraph, in capitals then a comma, a dash or the agency, or with its agency
    and a dash, is where the story was filed from, not what it is about."""
    if m.start - paragraph_start > DATELINE_REACH:
        return False
    # (in title case only with its agency: `Hanoi (VNA) – ...`, `Hanoi, 3 grudnia 2025 r. (VNA) –`)
    return bool(
        (m.raw.isupper() and text.startswith(_DATELINE_AFTER, m.end)) or _AGENCY_AFTER.match(text, m.end)
    )


DATELINE_REACH = 24  # `(ANSA) - ` or `(VNA) – ` before the city at most
_DATELINE_AFTER = (",", " —", " –", " -", " (")
# (the date may stand between: `Hanoi, 3 grudnia 2025 r. (VNA) –`)
_AGENCY_AFTER = re.compile(r"(?:, [^()\n,]{4,28}?)? ?\([A-Z][A-Za-z+/ ]{1,15}\) ?[—–-]")
