"""People: named officials and the press, their titles and roles (issue: people).

Per document: candidate names are runs of Vietnamese-like capitalised syllables
(toolkit.names). A candidate is a person when something around it says so: an
honorific before it (`camarada`, `towarzyszka`, `el Sr.`), a title before or
after it (toolkit.roles), a plural honorific opening an enumeration, or a
byline / photo credit. Provinces, other places, organisations, agencies and
private citizens are not people. Mentions of one name become one row; its
`person_id` is the folded name, so the same person gets the same id in every
article and language whatever the diacritics or the title.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, pairwise
from typing import NamedTuple

import pandas as pd

from toolkit import roles as R
from toolkit.clean import MAX_BYLINE_WORDS
from toolkit.langdata import load
from toolkit.metrics import lexicon as metrics_lexicon
from toolkit.metrics import sentences
from toolkit.model import Document, Segment
from toolkit.names import (
    SPLIT_CACHE,
    NameSpan,
    fold,
    is_name_word,
    name_runs,
    person_id,
    signature,
    span,
    surnames,
    trailing_name_words,
    word_offsets,
)
from toolkit.numbers import fold as number_fold
from toolkit.places import find_places
from toolkit.schemas import records

# Characters that end the clause a title before a name can belong to.
# A period ends a clause only after a word of four letters or more (not `Sr.`, `Mme.`, `n.º`).
CLAUSE_STOP = re.compile(r"[;:!?|\n()«»“”\".]")
SENTENCE_STOP_CHARS = "!?|\n."  # (all of them CLAUSE_STOP characters)
SHORT_WORD_BEFORE = re.compile(r"(?:^|\W)\w{1,3}$")
MAX_QUOTE_CHARS = 400
_BRACKETS = re.compile(r"\([^()]{0,40}\)")
_ASIDE = re.compile(r"\s*\([^()\n]{1,30}\)(?=\s*,)")  # `(right)`, `(2nd from left)` before a comma
_COMMA_ARTICLE = re.compile(r",\s*(?:(\w+)\s+)?$")
TEXT_KINDS = ("title", "lead", "heading", "body", "caption")


@dataclass
class Mention:
    """One mention of a name in the document, with what the text says about it there."""

    name: str
    start: int
    end: int
    honorific: str = ""
    hon_kind: str = ""  # comrade | courtesy | ''
    gender: str = ""
    titles: list[R.Title] = field(default_factory=list)
    press_label: str | None = None  # set for bylines and photo credits
    private: bool = False
    role: str = ""  # the titles as written, a group before and a group after the name


def extract_people(doc: Document) -> list[dict]:
    """One record per named person in the cleaned document (people.csv columns)."""
    if not doc.text:
        return []
    lex = R.lexicon(doc.language or "")
    mentions: list[Mention] = []
    named: list[_Named] = []  # the names of each paragraph, for the pronouns that follow them
    segments = _segments(doc, *TEXT_KINDS, "byline", "dateline")
    last_prose = next((s.start for s, text, _ in reversed(segments) if s.kind == "body" and _prose(text)), -1)
    for seg, text, folded in segments:
        # the authors of a byline, or of `By Thu Hang` on a short line where the cleaner saw body
        # or a dateline (`di NAME – 09/11/2025`)
        authors = _byline_authors(
            lex, text, folded, seg.kind == "byline", seg.kind == "dateline", signing=seg.start >= last_prose
        )
        mentions += _authors(lex, text, authors, seg.start)
        if seg.kind == "dateline":
            continue
        if seg.kind == "byline":
            if not authors:
                mentions += _byline(lex, text, folded, seg.start)
        else:
            mentions += _segment_mentions(lex, text, folded, seg.start, named)
            # captions carry credits anywhere; body lines where a credit opens the line or follows a
            # sentence or a bar (`... at the conference. Photo: Van Thang`, `Report: A | Photo: B`)
            mentions += _credits(lex, text, folded, seg.start, anywhere=seg.kind == "caption")
            mentions += _credits_by(lex, text, folded, seg.start)
            if seg.kind == "body" and seg.start > last_prose and not authors:
                mentions += _authors(lex, text, _signature(text), seg.start)
    return _records(doc, lex, mentions, named)


MIN_PROSE_WORDS = 8
# What follows a name standing alone after its title's comma (`Title, NAME,`, `NAME.`, `NAME (3º da esq.)`).
_APPOSITIVE_ENDS = (",", ".", ";", "", "(")


def _prose(text: str) -> bool:
    """A paragraph of sentences: enough words, no row of buttons or cells, and no label before a
    colon that the line ends on digits after (`Hotline del Centro ...: 0212 3856 789`)."""
    if text.count(" ") < MIN_PROSE_WORDS - 1 or " | " in text:
        return False
    return not (text[-1:].isdigit() and ":" in text and _LABELLED_NUMBER.fullmatch(text))


_LABELLED_NUMBER = re.compile(r"[^:]{1,80}:[\s0-9().+\-]+")


def _signature(text: str) -> list[tuple[str, int, int]]:
    """The authors signing an article: a name alone on a line after its last paragraph of prose,
    or two names joined by a dash (`Duc Tho – Thu Trang (VNA)`)."""
    where = signature(text)
    if where:
        return [("", *where)]
    parts = _SIGNERS.split(text)
    if len(parts) != 2:
        return []
    second = text.rfind(parts[1])
    found = [signature(parts[0]), signature(parts[1])]
    if None in found:
        return []
    return [("", found[0][0], found[0][1]), ("", second + found[1][0], second + found[1][1])]


_SIGNERS = re.compile(r" [–—-] ")


class _Named(NamedTuple):
    """A paragraph (its text, folded text and offset in the document) and the names in it."""

    text: str
    folded: str
    offset: int
    runs: list[NameSpan]


def _segments(doc: Document, *kinds: str) -> list[tuple[Segment, str, str]]:
    """(segment, text, folded text) of the segments of `kinds`, in order. The whole text is folded
    once and sliced: folding goes character by character, so a slice of the folded text is the
    folded slice (but where a capital sigma stands, whose lower case depends on its word)."""
    whole = fold(doc.text) if "\u03a3" not in doc.text else None
    return [
        (seg, text, fold(text) if whole is None else whole[seg.start : seg.end])
        for seg, text in doc.iter_segments(*kinds)
    ]


# --- finding mentions -------------------------------------------------------------------------


def _segment_mentions(
    lex: R.Lexicon, text: str, folded: str, offset: int, named: list[_Named] | None = None
) -> list[Mention]:
    runs = [r for r in (_clean_run(lex, text, folded, r) for r in name_runs(text)) if r is not None]
    if lex.name_case_endings:
        runs = [_with_inflected_end(lex, text, r) for r in runs]
    if named is not None and lex.pronoun is not None:
        named.append(_Named(text, folded, offset, runs))  # (with no full name: `Thinh said ... He`)
    if not runs:
        return []
    # honorifics and stops matter only before a name: the text after the last one is not read
    hons = _Honorifics(R.honorifics_in(lex, folded, before=runs[-1].start))
    stops = _stops(folded, before=runs[-1].start)
    found = []
    for i, run in enumerate(runs):
        prev_end = runs[i - 1].end if i else 0
        next_start = runs[i + 1].start if i + 1 < len(runs) else len(text)
        found.append(_mention(lex, text, folded, run, hons, prev_end, stops, next_start))
    _share_plural_titles(lex, text, folded, runs, found)
    out = []
    for m in found:
        if m is not None:
            m.start, m.end = m.start + offset, m.end + offset
            out.append(m)
    return out


def _with_inflected_end(lex: R.Lexicon, text: str, run: NameSpan) -> NameSpan:
    """`Według Pana Tran Duc Thanga, szefa ...`: a name's last word written with a case ending
    (Polish) belongs to the name, which is its stem (`Tran Duc Thang`)."""
    m = _NEXT_CAPITALISED.match(text, run.end)
    if m is None or is_name_word(m.group(1)):
        return run
    word = m.group(1)
    for ending in lex.name_case_endings:
        stem = word[: -len(ending)]
        if word.endswith(ending) and is_name_word(stem):
            return NameSpan(run.start, m.start(1) + len(stem), (*run.words, stem))
    return run


_NEXT_CAPITALISED = re.compile(r" (\w+)")


def _past_ending(text: str, end: int) -> int:
    """Past the letters glued to a name's end (a case ending cut off it), else `end`."""
    while end < len(text) and text[end].isalpha():
        end += 1
    return end


def _share_plural_titles(
    lex: R.Lexicon, text: str, folded: str, runs: list[NameSpan], found: list[Mention | None]
) -> None:
    """A plural title goes to every name of the list it opens or closes (`los vicepresidentes A y B`,
    `A, B and C, Vice Chairmen of ...`) that has no title of its own."""
    if not any([t.plural for m in found if m is not None for t in m.titles]):
        return  # (most paragraphs)
    listed = [_listed(lex, folded, a.end, b.start) for a, b in pairwise(runs)]
    for i, m in enumerate(found):
        if m is not None and not (i and listed[i - 1]):
            _drop_plural_after(text, m, runs[i])
            if not m.titles and not m.honorific:
                found[i] = None
    for i in range(1, len(runs)):  # opened: from each name to the next
        if listed[i - 1]:
            _take_plural(text, runs[i], found, i, found[i - 1], before=runs[i - 1].start)
    for i in range(len(runs) - 2, -1, -1):  # closed: from each name to the one before
        if listed[i]:
            _take_plural(text, runs[i], found, i, found[i + 1], after=runs[i + 1].end)


MAX_LIST_GAP = 12  # `, y `, ` and `, `, oraz `


def _drop_plural_after(text: str, m: Mention, run: NameSpan) -> None:
    """A plural title after a name that closes no list is someone else's (`A, así como representantes
    de los departamentos`): it and the titles after it are dropped."""
    cut = next((k for k, t in enumerate(m.titles) if t.plural and t.start >= run.end), None)
    if cut is not None:
        m.titles = m.titles[:cut]
        m.role = _as_written(text, m.titles)


def _listed(lex: R.Lexicon, folded: str, a: int, b: int) -> bool:
    """Two names one after the other in a list: only a comma or a joiner between them."""
    if b - a > MAX_LIST_GAP + lex.longest_honorific + 4:
        return False
    gap = folded[a:b].strip(" ,")
    if gap and not lex.joiner.fullmatch(f" {gap} "):
        gap = _without_honorific(lex, gap)  # `M. A et de Mme B`, `el Sr. A y la Sra. B`
        if gap is None:
            return False
    return not gap or lex.joiner.fullmatch(f" {gap} ") is not None


def _without_honorific(lex: R.Lexicon, gap: str) -> str | None:
    """The gap between two names without the second one's honorific and the article or function
    word before it (`et de mme` -> `et`, `y la sra.` -> `y`); None when it ends in no honorific, when
    only function words stand before it (`de M.`), or when what is left is longer than a joiner."""
    words = gap.split()
    if not words or words[-1] not in lex.honorifics:
        return None
    words.pop()
    while words and (words[-1] in lex.stop or words[-1] in lex.articles):
        if lex.joiner.fullmatch(f" {' '.join(words)} "):
            break
        words.pop()
        if not words:
            return None  # `A de M. B`: the second is the first's, no list
    rest = " ".join(words)
    return rest if len(rest) <= MAX_LIST_GAP else None


def _take_plural(
    text: str,
    run: NameSpan,
    found: list[Mention | None],
    i: int,
    source: Mention | None,
    before: int | None = None,
    after: int | None = None,
) -> None:
    """found[i] takes the titles of `source` when one of them is plural and stands before (or after) the
    names, and found[i] has none; or, for a title before the list, only plural ones after it (`los
    vicepresidentes A y B, así como representantes de ...`: the list's own title goes first)."""
    own = found[i].titles if found[i] is not None else []
    if source is None or (own and (before is None or not all(t.plural and t.start >= run.end for t in own))):
        return
    plural = [t for t in source.titles if t.plural]
    if (
        not plural
        or (before is not None and plural[0].start > before)
        or (after is not None and plural[0].end < after)
    ):
        return
    m = found[i] or Mention(text[run.start : run.end], run.start, run.end)
    m.titles, m.role, m.private = list(source.titles), source.role, False
    found[i] = m


def _clean_run(lex: R.Lexicon, text: str, folded: str, run: NameSpan) -> NameSpan | None:
    """Drop opening function words and honorifics (`Pan Nguyen`, `En Nguyen`) and places; None if no name is left."""
    if text[run.end : run.end + 1] == "." and fold(run.words[-1]) + "." in lex.honorifics:
        return None  # `A Sra. NAME`: an article and an abbreviated honorific, not a name
    found = _name_in_run(lex.lang, text[run.start : run.end])
    if found is _OPENED:  # the text before the run may decide: read in place
        found = _name_after_openers(lex, text, folded, run)
    elif found is not None:
        found = NameSpan(found.start + run.start, found.end + run.start, found.words)
    if found is not None and (
        _after_place_or_org_word(lex, folded, found.start, text) or _opens_with_place_word(lex, found)
    ):
        found = _name_after_place(text, found)  # `gminy Nam Dan Nguyen Van Tai`: the place, then the name
    if found is None or _before_place_word(lex, folded, found.end):
        return None
    return found


def _opens_with_place_word(lex: R.Lexicon, run: NameSpan) -> bool:
    """A run opened by a capitalised place or organisation word (German nouns: `Stadt Da Nang`)."""
    return fold(run.words[0]) in lex.place_or_org


def _name_after_place(text: str, run: NameSpan) -> NameSpan | None:
    """The name that starts at a family name inside a run opened by a place's name (at least two
    words of place before it and two of name from it), else None: the run is the place."""
    words = [(run.start + pos, w) for pos, w in word_offsets(text[run.start : run.end])]
    known = surnames()
    for i in range(PLACE_WORDS, len(words) - 1):
        if fold(words[i][1]) in known:
            return span(words[i:])
    return None


PLACE_WORDS = 2  # the fewest words of a place's name before a person's name in one run


def _before_place_word(lex: R.Lexicon, folded: str, end: int) -> bool:
    """`Muong Phang commune`, `Quy Nhon ward`, `Nghi Son Economic Zone`: a place word right after the
    run (or after an adjective of places) makes it a place; so does a province after a dash (`Đồng
    Đăng – Lạng Sơn`: a town and its province)."""
    if folded[end : end + 1] != " ":
        return False
    if folded[end + 1 : end + 3] in ("- ", "– ", "— "):
        return bool(R.province_at(folded, end + 3))
    words = folded[end + 1 : end + 40].split(None, 2)
    if not words:
        return False
    first = words[0].rstrip(",.;:")
    return first in lex.place or (  # `Nghi Son Economic Zone`
        first in lex.place_adjectives and len(words) > 1 and words[1].rstrip(",.;:") in lex.place
    )


_OPENED = NameSpan(-1, -1, ())  # marks a run that a function word or an honorific opens


@lru_cache(maxsize=SPLIT_CACHE)
def _name_in_run(lang: str, raw: str) -> NameSpan | None:
    """The name left in a capitalised run once provinces at its ends are cut off (offsets within
    the run), None if none is left, `_OPENED` if a function word or honorific may open it. The run
    alone decides, so the reading is remembered: names recur within and across articles."""
    lex = R.lexicon(lang)
    words = word_offsets(raw)
    if len(words) > 2 and _opens_run(lex, words[0][1], fold(words[0][1]), fold(words[1][1]), len(words)):
        return _OPENED
    return _name_left(lex, words)


def _name_after_openers(lex: R.Lexicon, text: str, folded: str, run: NameSpan) -> NameSpan | None:
    words = [(run.start + pos, w) for pos, w in word_offsets(text[run.start : run.end])]
    while len(words) > 2 and _opens_run(
        lex, words[0][1], _folded(folded, words[0]), _folded(folded, words[1]), len(words)
    ):
        if (_folded(folded, words[0]) in surnames() or len(words[0][1]) == 1) and _after_honorific(
            lex, text, words[0][0]
        ):
            break  # `le camarade Le Truong Luu`, `Mr. A Dinh Hung`: after an honorific, the name's own word
        words = words[1:]
    return _name_left(lex, words)


def _opens_run(lex: R.Lexicon, word: str, first: str, second: str, size: int) -> bool:
    """The first word (`word`, folded `first`) opens the run of `size` words without being part of
    the name: a function word or an honorific before a family name (`En Nguyen`, `Le Nguyen Van
    An`), or an honorific that is no family name before any name (`Pan Quang Van Binh`).

    A word that is also a family name is the name's when written with its marks (`Lê`) or when
    only two words would be left: `Le Hoang Bao` is Lê Hoàng Bảo, most names having three words."""
    if first not in lex.openers:
        return False
    if first in surnames() and first not in lex.honorifics and (size < 4 or not word.isascii()):
        return False
    return second in surnames() or (first in lex.honorifics and first not in surnames())


def _name_left(lex: R.Lexicon, words: list[tuple[int, str]]) -> NameSpan | None:
    """The name the (offset, word) pairs hold once provinces at either end are cut off, or None."""
    words = _without_places(words)
    if len(words) < 2 or fold(" ".join(w for _, w in words)) in lex.not_people:
        return None
    return span(words)


def _folded(folded: str, word: tuple[int, str]) -> str:
    """The folded form of an (offset, word) pair of the segment, read off its folded text."""
    return folded[word[0] : word[0] + len(word[1])]


def _after_honorific(lex: R.Lexicon, text: str, pos: int) -> bool:
    """The word right before `pos` is an honorific (`camarade`, `M.`, `Sr.`)."""
    before = text[max(0, pos - 24) : pos].split()
    return bool(before) and fold(before[-1]) in lex.honorifics


def _without_places(words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A province at either end of a run (`Lam Dong Nguyen Van A`) is cut off; a run that is one is emptied."""
    lo, hi = _place_cut(" ".join(w for _, w in words))
    return words[lo:hi]


@lru_cache(maxsize=8192)
def _place_cut(raw: str) -> tuple[int, int]:
    """The words of `raw` left once provinces at its ends are cut off, as a slice (names repeat: cached)."""
    words = raw.split()
    lo, hi = 0, len(words)
    for _ in range(2):
        part = " ".join(words[lo:hi])
        places = find_places(part)
        if not places:
            break
        if any(p.start == 0 and p.end == len(part) for p in places):
            return 0, 0
        if places[0].start == 0:
            lo += len(part[: places[0].end].split())
        elif places[-1].end == len(part) and not _place_in_name(words[lo:hi], part[: places[-1].start]):
            hi = lo + len(part[: places[-1].start].split())
        else:
            break
    return lo, hi


def _place_in_name(words: list[str], before_place: str) -> bool:
    """`Phan Thai Binh`, `Nguyen Van Ha Nam`, `Ton Nu Thi Thanh Hoa`: a province's words ending a short
    name that opens with a family name, or following a middle name, are the name's own (cutting them
    would leave no name, or a family name and a middle name)."""
    kept = before_place.split()
    return (
        len(kept) < 2
        or (fold(words[0]) in surnames() and len(words) <= 4)
        or fold(kept[-1]) in _MIDDLE_NAMES  # `Ton Nu Thi Thanh Hoa`: no name ends in Thị or Văn
    )


_MIDDLE_NAMES = frozenset(("thi", "van"))


def _after_place_or_org_word(lex: R.Lexicon, folded: str, start: int, text: str | None = None) -> bool:
    """`provincia de Lam Dong`, `calle Hang Ma`, `Fundación Vingroup`: the run names a place or a body.
    Not when the word closes a place's name written before it (`Muong Phang commune NAME`: a
    Vietnamese syllable right before the word), which `text` shows."""
    before = folded[max(0, start - 40) : start].split()
    while before and before[-1] in lex.skip_before:
        before.pop()
    if before and before[-1] in R.DASHES and text is not None:
        # `del rione di Lang Biang – Da Lat`: the place after a dash continues the place before it
        previous = _run_before(text, folded.rfind(before[-1], 0, start))
        return previous is not None and _after_place_or_org_word(lex, folded, previous, text)
    if len(before) > 1 and before[-1] in lex.place_adjectives and before[-2] in lex.place:
        return True  # `Zona Económica de Nghi Son`
    if (
        before
        and lex.place_suffixes
        and before[-1] not in lex.place
        and before[-1].endswith(lex.place_suffixes)
    ):
        return True  # `Wirtschaftszone Dung Quất`
    if not before or before[-1] not in lex.place_or_org:  # `provincia, NAME` is not a place name
        return False
    if before[-1] in province_words() and text is not None and not R.province_at(text, start):
        return False  # `... de la province Tran Quoc Khanh`: after `province`, a run that names none
    if before[-1] in lex.place and _closes_org(lex, folded, start, before[-1]):
        return False  # `Comité del Pueblo provincial NAME`: the village word ends a body's name
    if text is not None and len(before) > 1 and before[-1] in lex.place:
        ahead = text[max(0, start - 40) : start].split()  # the same words as written
        closes = len(ahead) == len(before) and is_name_word(ahead[-2])
        return not closes
    return True


def _run_before(text: str, end: int) -> int | None:
    """Where the capitalised name words ending right before text[end] (a space between) start."""
    named = trailing_name_words(text[max(0, end - 40) : end].split(), MAX_NAME_WORDS)
    return text.rfind(named[0], 0, end) if named else None


@cache
def province_words() -> frozenset[str]:
    """The word for a province in each language (folded): the gazetteer knows every province, so a
    run after it that names none is no place."""
    return frozenset(fold(w) for w in load("people", "_common").get("province_words", []))


def _closes_org(lex: R.Lexicon, folded: str, start: int, word: str) -> bool:
    """The place word last before `start` ends an organisation's name (`comite del pueblo`)."""
    end = folded.rfind(word, 0, start) + len(word)
    found = R._leftmost(lex.orgs, folded, max(0, end - 40), end)
    return found is not None and found[1].end() == end


def _mention(
    lex: R.Lexicon,
    text: str,
    folded: str,
    run: NameSpan,
    hons: _Honorifics,
    prev_end: int,
    stops,
    next_start: int,
) -> Mention | None:
    clause_lo = _before(stops[0], max(prev_end, run.start - R.MAX_TITLE_CHARS), run.start)
    hon = _honorific(lex, text, folded, hons, clause_lo, prev_end, run)
    end = _past_ending(text, run.end)  # (`Tran Duc Thanga`: the case ending after the name's stem)
    post = R.titles_after(lex, text, folded, end)
    aside = None if post or "(" not in folded[end : end + 2] else _ASIDE.match(folded, end)
    if aside is not None:  # `Herr NAME (rechts), Direktor des Amtes`: a caption's aside hides no title
        post = R.titles_after(lex, text, folded, aside.end())
    post = post[: next((i for i, t in enumerate(post) if t.end > next_start), len(post))]  # the next name's
    m = Mention(text[run.start : run.end], run.start, run.end)
    if hon is not None:
        h, pre = hon
        # (honorifics are matched on folded text, which folding again leaves as it is)
        _, m.hon_kind, gender, _ = lex.honorifics[h.group(0)]
        m.honorific, m.gender = text[h.start() : h.end()], gender or _article(lex, folded, h.start())
        comma = _comma_before(lex, folded, h.start()) if not pre + post else None
        if comma is not None:  # `Title, Frau NAME`, `Title, el Sr. NAME`
            pre = _appositive_titles(lex, text, folded, clause_lo, comma, prev_end)
        elif not pre + post:  # `said Director of the Department of X Ms. NAME`
            pre = _appositive_titles(lex, text, folded, clause_lo, h.start(), prev_end, appositive=False)
        elif not pre and lex.heads.pattern.search(folded, max(clause_lo, prev_end), h.start()):
            # `Provinzparteisekretär Herr NAME, Mitglied des ZK`: a title against the honorific too
            against = _appositive_titles(lex, text, folded, clause_lo, h.start(), prev_end, appositive=False)
            pre = [t for t in against[-1:] if not folded[t.end : h.start()].strip()]
        m.titles = pre + post
        if not m.gender and pre:  # `el vicepresidente ..., camarada NAME`
            m.gender = _article(lex, folded, pre[0].start)
    else:
        # `Title, NAME,` or `Title, NAME.`: a name standing alone after its title's comma.
        appositive = folded[end : end + 2].lstrip()[:1] in _APPOSITIVE_ENDS
        pre = _appositive_titles(lex, text, folded, clause_lo, run.start, prev_end, appositive)
        if not pre and not appositive and _listed(lex, folded, end, next_start):
            # `die Vizevorsitzenden des Volkskomitees, A und B`: a plural title before a list of names
            pre = _appositive_titles(lex, text, folded, clause_lo, run.start, prev_end)
            pre = pre if pre and pre[-1].plural else []
        if pre:
            m.gender = _article(lex, folded, pre[0].start)
        m.titles = pre + post
        plural, listed = _enumerated(lex, folded, hons, run, prev_end, _before(stops[1], 0, run.start))
        if plural is not None and (listed or m.titles):
            m.honorific = text[plural.start() : plural.end()]  # as written (`Comrades`, `los camaradas`)
            _, m.hon_kind, m.gender, _ = lex.honorifics[plural.group(0)]  # `MM. A et B`: both men
        elif not m.titles:
            return None
    if m.titles and not post and not m.titles[-1].org:  # `Director NAME of the Department of X`
        joined = R.org_after_name(lex, text, folded, m.titles[-1], end)
        if joined is not None:
            m.titles = [*m.titles[:-1], joined]
    m.private = not m.titles and bool(lex.private.search(folded, end, R._stop(folded, end)))
    m.role = _as_written(text, m.titles)
    return m


def _comma_before(lex: R.Lexicon, folded: str, pos: int) -> int | None:
    """Where a comma standing right before `pos` (an article between allowed: `, el Sr.`) ends, else None."""
    m = _COMMA_ARTICLE.search(folded, max(0, pos - 16), pos)
    if m is None or (m.group(1) and m.group(1) not in lex.articles):
        return None
    return m.start() + 1


def _appositive_titles(lex, text, folded, lo: int, hi: int, prev_end: int, appositive: bool = True):
    """Titles before a name (or its honorific), but not those right after the previous name
    (`A, director of X, B, ...`: they are A's), except one written against the name itself."""
    pre = R.titles_before(lex, text, folded, lo, hi, appositive)
    if pre and prev_end and not folded[prev_end : pre[0].start].strip(" ,"):
        # `A, Chairman of X, and Deputy Minister Y B`: only the title written against B is B's
        return pre[-1:] if "," not in folded[pre[-1].end : hi] else []
    return pre


def _as_written(text: str, titles: list[R.Title]) -> str:
    """The titles as the text writes them: each run of adjacent titles copied whole (`A y B`)."""
    groups: list[list[R.Title]] = []
    for t in titles:
        if t.key == "-":
            continue
        if groups and t.start - groups[-1][-1].end <= 5:
            groups[-1].append(t)
        else:
            groups.append([t])
    return ", ".join(_written(text, g) for g in groups)


def _written(text: str, group: list[R.Title]) -> str:
    """A run of titles as written, or their own words when one was written around the name
    (`Director NAME of the Department of X`: `Director of the Department of X`)."""
    if any(t.end - t.start != len(t.text) for t in group):
        return ", ".join(t.text for t in group)
    return text[group[0].start : group[-1].end]


class _Honorifics:
    """The honorifics of a segment in order. They do not overlap, so their starts and their ends
    both increase: the one before a name is found by bisection, not by a walk back over all."""

    def __init__(self, matches: list[re.Match]):
        self.matches = matches
        self.starts = [h.start() for h in matches]
        self.ends = [h.end() for h in matches]

    def last_ending_by(self, pos: int) -> re.Match | None:
        i = bisect.bisect_right(self.ends, pos) - 1
        return self.matches[i] if i >= 0 else None

    def last_starting_before(self, pos: int) -> re.Match | None:
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.matches[i] if i >= 0 else None


def _honorific(lex, text, folded, hons: _Honorifics, clause_lo, prev_end, run):
    """The honorific of this name and the titles between them, or None."""
    h = hons.last_ending_by(run.start)
    if h is None or h.start() < max(clause_lo, prev_end):
        return None
    pre = R.titles_between(lex, text, folded, h.end(), run.start)
    return None if pre is None else (h, pre)


def _enumerated(
    lex: R.Lexicon, folded: str, hons: _Honorifics, run: NameSpan, prev_end: int, lo: int
) -> tuple[re.Match | None, bool]:
    """The plural honorific opening the list this name is in (`los camaradas: A, título; B ...`),
    and whether the name follows it or the previous name closely (`A, B y C`: no titles needed)."""
    h = hons.last_starting_before(run.start)
    if h is None or h.start() < lo or not lex.honorifics[h.group(0)][3]:
        return None, False
    gap = _BRACKETS.sub(" ", folded[max(prev_end, h.end()) : run.start])  # `A (3. von links) und B`
    return h, len(gap.split()) <= 2


def _article(lex: R.Lexicon, folded: str, pos: int) -> str:
    words = folded[max(0, pos - 12) : pos].split()
    return lex.articles.get(words[-1], "") if words else ""


def _stops(folded: str, before: int | None = None) -> tuple[list[int], list[int]]:
    """Where each clause and each sentence of a segment starts: just after each stop. One scan:
    the characters that end a sentence are some of those that end a clause. `before`: only the
    starts up to it are wanted (the stops before it)."""
    clauses, sentences_ = [], []
    for m in CLAUSE_STOP.finditer(folded, 0, len(folded) if before is None else before):
        ch = m.group(0)
        if ch == "." and SHORT_WORD_BEFORE.search(folded, max(0, m.start() - 5), m.start()):
            continue  # `Sr.`, `n.º`: no stop
        clauses.append(m.end())
        if ch in SENTENCE_STOP_CHARS:
            sentences_.append(m.end())
    return clauses, sentences_


def _before(stops: list[int], lo: int, hi: int) -> int:
    """The last clause start in lo..hi, else lo."""
    i = bisect.bisect_right(stops, hi) - 1
    return stops[i] if i >= 0 and stops[i] >= lo else lo


def _press_names(lex: R.Lexicon, text: str, lo: int, hi: int) -> list[NameSpan]:
    """Names credited in text[lo:hi] (`Minh Duc`, `NGUYEN VAN A`), agencies left out. An agency
    glued by a slash (`Thanh Tam/CVN`, `VnExpress/Ngoc Oanh`) is a piece of its own."""
    out = []
    for a, b in _slash_pieces(text, lo, hi):
        for run in name_runs(text[a:b]):
            if fold(run.text) in lex.agencies or _credited_place(lex, run):
                continue
            out.append(NameSpan(run.start + a, run.end + a, run.words))
    return out


def _credited_place(lex: R.Lexicon, run: NameSpan) -> bool:
    """A credited run naming a province is a place (`Thai Binh`, `Báo Hải Phòng`), unless given
    names stand before the province's spelling (`Minh Hue`: the author Minh Huệ)."""
    places = find_places(run.text)
    if not places:
        return False
    given = run.text[: places[0].start].split()
    return not (
        given
        and len(run.words) <= MAX_CREDITED_NAME_WORDS
        and fold(" ".join(given)) not in lex.agencies
        and all(is_name_word(w) and fold(w) not in lex.place_or_org for w in given)
    )


MAX_CREDITED_NAME_WORDS = 4


def _slash_pieces(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """text[lo:hi] cut at its slashes, as (start, end) pairs."""
    cut = text.find("/", lo, hi)
    if cut < 0:
        return [(lo, hi)]
    out = []
    while cut >= 0:
        out.append((lo, cut))
        lo, cut = cut + 1, text.find("/", cut + 1, hi)
    out.append((lo, hi))
    return out


# A byline line is short; a longer line is a paragraph, whatever word opens it.
MAX_BYLINE_LINE_CHARS = 160
# Words after the author's comma: a place or a role (`, Hanoi`, `, corresponsal en Vietnam`).
MAX_BYLINE_REST_WORDS = 5
# An author named after a label in words that are not Vietnamese syllables (`Por Andrés Villalba Rojas`).
MIN_FOREIGN_WORDS, MAX_FOREIGN_WORDS = 2, 4
# What separates a byline's parts: `By A   November 18 | 04:12`, `Nha Trang · Von A · Lesezeit`.
_BYLINE_PARTS = re.compile(r"\s*[|·•]\s*|\s{2,}|\s[–—-]\s")  # `di NAME – 09/11/2025`


def _byline_authors(
    lex: R.Lexicon,
    text: str,
    folded: str,
    byline: bool = False,
    dateline: bool = False,
    signing: bool = False,
) -> list[tuple[str, int, int]]:
    """(label, start, end) of each author a byline line names. The line is cut at its separators;
    a part opening with a byline label (`By`, `Von`, `Autor:`, `di`) names its author in the
    capitalised words after it, up to a comma that a place or a role follows. A body line
    (`byline` false) counts only when short, and when no official's title follows the comma. On a
    dateline (`dateline`) or a credit line, a part that is a name alone is an author's. Below the
    last paragraph (`signing`), any words may follow the comma (`di NAME, con la collaborazione
    della redazione di Da Lat`)."""
    if len(text) > MAX_BYLINE_LINE_CHARS and not byline:
        return []
    out = []
    parts = _byline_parts(text)
    for lo, hi in parts:
        m = lex.byline.match(folded if lo == 0 and hi == len(folded) else folded[lo:hi])
        if m is None:
            continue
        a = lo + m.end()
        comma = text.find(",", a, hi)
        b = hi if comma < 0 else comma
        bracket = text.find("(", a, hi)  # `Por Hoàng Linh (VNA)`: the agency after the name
        if bracket >= 0:
            hi = a + len(text[a:bracket].rstrip())
            b = min(b, hi)
        words = text[a:b].split()
        if not 1 <= len(words) <= MAX_BYLINE_WORDS or not all(w[:1].isupper() for w in words):
            continue
        if fold(words[0]) in lex.honorifics:  # `Bild: Herr NAME (rechts), Direktor ...`: a caption
            continue
        if comma >= 0 and not byline and not signing:
            rest = folded[comma + 1 : hi]
            if len(rest.split()) > MAX_BYLINE_REST_WORDS or lex.heads.pattern.search(rest):
                continue
        out.append((text[lo + m.start(1) : lo + m.end(1)], a, b if not byline else hi))
    if len(parts) > 1 and (out or dateline or lex.credit.search(folded)):  # `Thanh Van - November 24`
        rest = [(lo, hi) for lo, hi in parts if not any(lo <= a < hi for _, a, _ in out)]
        return out + _unlabelled_authors(text, rest)
    return out


def _unlabelled_authors(text: str, parts: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """`Hoàng Nam – zdjęcia: Thu Hà`: on a credit line, a part that is a name alone (two to four
    capitalised Vietnamese syllables) is the author's."""
    out = []
    for lo, hi in parts:
        words = text[lo:hi].split()
        if 2 <= len(words) <= MAX_NAME_WORDS and all(map(is_name_word, words)):
            out.append(("", lo, hi))
    return out


MAX_NAME_WORDS = 4


_BYLINE_MARKS = ("  ", "|", "·", "•", "\t", " – ", " — ", " - ")


def _byline_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of a line between its byline separators."""
    if not any(mark in text for mark in _BYLINE_MARKS):
        return [(0, len(text))]  # most lines: no separator (plain string tests)
    out, pos = [], 0
    for m in _BYLINE_PARTS.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _authors(lex: R.Lexicon, text: str, authors: list[tuple[str, int, int]], offset: int) -> list[Mention]:
    """The press mentions of a byline's authors: the Vietnamese names credited, else (after the
    label, nothing else written) two to four capitalised words that are no agency nor place."""
    out = []
    for label, a, b in authors:
        names = _press_names(lex, text, a, b)
        if not names:
            names = _foreign_author(lex, text, a, b)
        out += [
            Mention(text[n.start : n.end], n.start + offset, n.end + offset, press_label=label) for n in names
        ]
    return out


def _foreign_author(lex: R.Lexicon, text: str, a: int, b: int) -> list[NameSpan]:
    """`Andrés Villalba Rojas`, `Tomasz Zieliński` as the whole of text[a:b] after a byline label."""
    comma = text.find(",", a, b)
    author = text[a : b if comma < 0 else comma].strip().rstrip("*†").rstrip()  # (a footnote's mark)
    words = author.split()
    if not MIN_FOREIGN_WORDS <= len(words) <= MAX_FOREIGN_WORDS:
        return []
    if not all(
        w[:1].isupper() and not w.isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words
    ):
        return []
    if fold(author) in lex.not_people or name_runs(author) or find_places(author):
        return []
    if any(fold(w) in lex.place_or_org for w in words):  # `Photo: Provincial Portal`
        return []
    start = text.index(author, a)
    return [NameSpan(start, start + len(author), tuple(words))]


def _byline(lex: R.Lexicon, text: str, folded: str, offset: int) -> list[Mention]:
    m = lex.byline.match(folded)
    label, lo = (text[m.start(1) : m.end(1)], m.end()) if m else ("", 0)
    return [
        Mention(text[n.start : n.end], n.start + offset, n.end + offset, press_label=label)
        for n in _press_names(lex, text, lo, len(text))
    ]


_CREDIT_OPENS = re.compile(r"(?:^|[.!?|(]\s*)$")
_CREDIT_NEAR = re.compile(r"(?:^|[.!?|(])[^.!?|(:]{1,40}\.?:")  # a colon soon after an opening (`Fot.:`)
_CREDIT_NEAR_REACH = 41  # a match of it starts at most this far before its colon
_CREDIT_END = re.compile(r"[)|.;\n]")


def _credits(lex: R.Lexicon, text: str, folded: str, offset: int, anywhere: bool = True) -> list[Mention]:
    """Photo credits inside a caption (`Foto: NGUYEN VAN A`); elsewhere only those that open the
    line or follow a sentence's end or a bar."""
    out: list[Mention] = []
    if ":" not in text or not (anywhere or _colon_near_opening(text)):  # labels end with a colon
        return out
    for m in credit_labels(lex, folded):
        if not anywhere and not _CREDIT_OPENS.search(text, 0, m.start()):
            continue
        stop = _CREDIT_END.search(text, m.end())
        hi = stop.start() if stop else len(text)
        label = text[m.start() : m.end()].rstrip(": ")
        out += [
            Mention(text[n.start : n.end], n.start + offset, n.end + offset, press_label=label)
            for n in _press_names(lex, text, m.end(), hi)
            if not _has_lower_word(lex, text, m.end(), n.start)  # not `Foto: Agricultores ... de Thoi Lai`
            and fold(n.words[0]) not in lex.honorifics  # nor `Zdjęcie: Pan NAME, sekretarz ...`
        ]
    return out


def _has_lower_word(lex: R.Lexicon, text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] holds a word in lower case other than a connector, or an honorific: a sentence or a
    caption (`Zdjęcie: Pan NAME, sekretarz ...`), not agencies and other credited names (`VNA/Thanh
    Tam y Minh Duc`)."""
    return any(
        (w[:1].islower() and fold(w) not in lex.skip_before) or fold(w) in lex.honorifics
        for w in text[lo:hi].split()
    )


def _credits_by(lex: R.Lexicon, text: str, folded: str, offset: int) -> list[Mention]:
    """Credits whose label takes no colon (`Photo by NAME`, `Photo by VnExpress/NAME`), where the
    label opens the line, or follows a sentence's end or a bar near the line's end."""
    out: list[Mention] = []
    if not lex.credit_by:
        return out
    at_start, after_stop = _credit_by_patterns(lex.credit_by)
    first = at_start.match(folded)
    found = after_stop.finditer(folded, max(0, len(folded) - CREDIT_BY_REACH))
    for m in chain((first,), found) if first is not None else found:
        at, end = m.span(1)
        if folded[end : end + 1].isspace():
            stop = _CREDIT_END.search(text, end)
            hi = stop.start() if stop else len(text)
            out += [
                Mention(text[n.start : n.end], n.start + offset, n.end + offset, press_label=text[at:end])
                for n in _press_names(lex, text, end, hi)
            ]
    return out


@cache
def _credit_by_patterns(labels: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The labels (longest first) at a line's start, and after a sentence's end or a bar: a pattern
    that opens with those marks lets the engine skip to them instead of trying every position."""
    alts = "|".join(re.escape(label) for label in labels)
    stops = re.escape("".join(_CREDIT_STOPS))
    return re.compile(rf"\s*({alts})"), re.compile(rf"[{stops}]\s*(?:[—–-]\s*)?({alts})")  # `. — VNS Photo`


CREDIT_BY_REACH = 100  # a credit with no colon opens its line or ends it: only its last characters are read
_CREDIT_STOPS = (".", "!", "?", "|", "(")  # what a credit with no colon may follow, but a line's start


def credit_labels(lex: R.Lexicon, folded: str) -> Iterator[re.Match]:
    """`lex.credit.finditer(folded)`, tried only just before each colon: every match ends with a
    colon (and spaces) and holds no other, so the one that uses a colon starts at most the longest
    label and the spaces before it back. The pattern opens with a look-behind and ignores case: tried
    at every position of a caption, it cost more than the rest of the caption's reading."""
    done, pos = 0, folded.find(":")  # (matches do not overlap: the next starts where one ends)
    while pos >= 0:
        lo = pos
        while lo > done and folded[lo - 1].isspace():
            lo -= 1
        # a match ending at this colon (the text cut after it: the spaces after it do not decide)
        m = lex.credit.search(folded, max(done, lo - lex.credit_reach), pos + 1)
        if m is not None:
            m = lex.credit.match(folded, m.start())  # the same match, with the spaces after the colon
            yield m
            done = m.end()
        pos = folded.find(":", max(done, pos + 1))


def _colon_near_opening(text: str) -> bool:
    """`_CREDIT_NEAR.search(text)`, tried only just before each colon instead of at every position."""
    at = text.find(":")
    while at >= 0:
        if _CREDIT_NEAR.search(text, max(0, at - _CREDIT_NEAR_REACH), at + 1):
            return True
        at = text.find(":", at + 1)
    return False


# --- one record per person ---------------------------------------------------------------------


def _records(
    doc: Document, lex: R.Lexicon, mentions: list[Mention], named: Sequence[_Named] = ()
) -> list[dict]:
    groups: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        groups.setdefault(person_id(m.name), []).append(m)
    if len(groups) > 1:
        _merge_short_names(groups)
    pronouns = _pronoun_genders(lex, named, groups) if named and groups else {}
    # the text folded as the figures fold it, once: quotes are cut at the figures' sentence ends
    number_folded = number_fold(doc.text) if groups else ""
    out = []
    for pid, ms in groups.items():
        rec = _person(doc, pid, ms, number_folded, pronouns.get(pid, ()))
        if rec is not None:
            out.append(rec)
    return sorted(out, key=lambda r: r["start"])


def _merge_short_names(groups: dict[str, list[Mention]]) -> None:
    """`Frau Thu Ha` after `Frau Nguyen Thi Thu Ha`: a name of two words or more that ends one other
    person's longer name (and no one else's) is that person named again, the family name left out.
    Press names are left alone (a reporter may share an official's given names)."""
    ends: dict[tuple[str, ...], list[str]] = {}  # the last words of longer names -> their ids
    for pid, ms in groups.items():
        words = tuple(pid.split("-")[1:])
        if len(words) > 2 and ms[0].press_label is None:
            for k in range(2, len(words)):
                ends.setdefault(words[-k:], []).append(pid)
    if not ends:
        return
    for pid in [p for p in groups if tuple(p.split("-")[1:]) in ends]:
        longer = ends[tuple(pid.split("-")[1:])]
        if len(longer) == 1 and groups[pid][0].press_label is None:
            full = groups[longer[0]][0].name
            for m in groups[pid]:
                m.name = full
            groups[longer[0]] = sorted(groups[longer[0]] + groups.pop(pid), key=lambda m: m.start)


def _person(
    doc: Document, pid: str, ms: list[Mention], number_folded: str, pronouns: Iterable[str] = ()
) -> dict | None:
    official = [t for m in ms for t in m.titles if t.key and t.key != "-"]
    press = [m for m in ms if m.press_label is not None]
    comrade = any(m.hon_kind == "comrade" for m in ms)
    if not official and not press and not (comrade and not any(m.private for m in ms)):
        return None
    first = ms[0]
    best = max(ms, key=lambda m: (sum(1 for t in m.titles if t.key and t.key != "-"), -m.start))
    keys = _keys(best, ms)
    level = _level(doc, keys, official, bool(press))
    if level == "press":
        keys, role = ["author"], next((m.press_label for m in press if m.press_label), "")
    else:
        role = best.role
    honorific = next((m.honorific for m in ms if m.honorific), "")
    return {
        "person_id": pid,
        "doc_id": doc.doc_id,
        "name": first.name,
        "honorific": honorific,
        "gender": _gender(ms, pronouns),
        "role": role,
        "role_keys": ";".join(keys),
        "level": level,
        "province": _province(doc, best, level),
        "language": doc.language,
        "quote": _quote(doc.text, number_folded, first.start, first.end, doc.language or ""),
        "start": first.start,
        "end": first.end,
    }


def _keys(best: Mention, ms: list[Mention]) -> list[str]:
    """One key per title held: the fullest mention's first, then any other mention adds."""
    keys: list[str] = []
    for m in [best, *ms]:
        for t in m.titles:
            if t.key and t.key != "-" and t.key not in keys:
                keys.append(t.key)
    if len(keys) > 1 and "other" in keys and not _central_post_without_key([best, *ms]):
        keys.remove("other")  # (a short title, `Secretary NAME`, that a fuller one names)
    return keys or ["other"]  # an official (a comrade) with no title written


def _central_post_without_key(ms: list[Mention]) -> bool:
    """A central post the catalogue has no key for (`Deputy Prime Minister`, `NA Chairman`): a title of
    its own."""
    return any(
        t.key == "other" and (t.head in R.CENTRAL_HEADS or t.org == "national_assembly")
        for m in ms
        for t in m.titles
    )


def _level(doc: Document, keys: list[str], titles: list[R.Title], press: bool) -> str:
    levels = {R.key_levels().get(k, "") for k in keys}
    if "provincial" in levels:
        return "provincial"
    if "central" in levels:
        return "central"
    if press and not titles:
        return "press"
    if any(t.scope in ("local", "provincial") for t in titles):
        return "provincial"
    if any(t.scope == "central" for t in titles):
        return "central"
    return "provincial" if doc.province else "central"


def _gender(ms: list[Mention], pronouns: Iterable[str] = ()) -> str:
    """The explicit feminine mark wins (translation engines default to the masculine): a feminine
    pronoun over a masculine title; a masculine pronoun counts where nothing else marks."""
    marks = {m.gender for m in ms} | {t.gender for m in ms for t in m.titles} | set(pronouns)
    return "f" if "f" in marks else "m" if "m" in marks else ""


# How far after a name its pronoun is looked for (the rest of its sentence and the next one).
MAX_PRONOUN_REACH = 400


def _pronoun_genders(lex: R.Lexicon, named: Sequence[_Named], people: dict) -> dict[str, set[str]]:
    """person_id -> the genders the pronouns after their names mark. A pronoun refers to the name
    last before it when it stands in the name's sentence or the next one of the paragraph and no
    other name is written from the start of the sentence before the pronoun's on. A paragraph is
    read from its first name on, and only pronouns within reach of a person's name count."""
    out: dict[str, set[str]] = {}
    given: list[dict] = []  # made at the first paragraph that needs it
    last: list[NameSpan] | None = None  # the names of the paragraph before
    for para in named:
        runs, sentence_starts, ends = para.runs, None, None
        if not runs:  # a paragraph naming people by their given names only (`Thinh said ... He`)
            if not given:
                given.append(_given_names(people))
            runs = _with_given_names(para, given[0]) if given[0] else []
            if not runs:
                if last is not None and given[0]:  # (someone whose gender nothing marks)
                    _carried_pronoun(lex, para, last, people, out)
                    last = None
                continue
        last = runs
        for m in lex.pronoun.finditer(para.folded, runs[0].end):
            gender = lex.pronoun_genders.get(para.text[m.start() : m.end()].lower())
            if gender is None:
                continue  # `el`, the article, folded like `él`
            if ends is None:
                ends = [r.end for r in runs]
            i = bisect.bisect_right(ends, m.start()) - 1  # the name last before the pronoun
            if i < 0 or m.start() - runs[i].end > MAX_PRONOUN_REACH:
                continue
            if i + 1 < len(runs) and runs[i + 1].start < m.start():
                continue  # a word of the next name (`Nguyen Van On`)
            run = runs[i]
            pid = _person_id(run.words)
            if pid not in people:
                continue
            if sentence_starts is None:
                sentence_starts = _stops(para.folded)[1]
            k = bisect.bisect_right(sentence_starts, m.start())  # sentences started by the pronoun
            stretch = sentence_starts[k - 2] if k >= 2 else 0  # the sentence before the pronoun's
            if run.start < stretch:
                continue  # the name is further back than that
            if any(r.end > stretch and _person_id(r.words) != pid for r in runs[:i]):
                continue  # another person is named in the stretch
            out.setdefault(pid, set()).add(gender)
    return out


def _carried_pronoun(
    lex: R.Lexicon, para: _Named, last: list[NameSpan], people: dict, out: dict[str, set[str]]
) -> None:
    """`X, director of ..., said ...` then a paragraph naming no one: `..., she said.` The first
    pronoun of that paragraph, within reach of its start, is the person last named before it, when
    nothing else marks that person's gender (`elle` may be `la province`: a mark counts more)."""
    pid = next((p for r in reversed(last) if (p := _person_id(r.words)) in people), None)
    if pid is None or _gender(people[pid]):
        return
    for m in lex.pronoun.finditer(para.folded, 0, MAX_PRONOUN_REACH):
        gender = lex.pronoun_genders.get(para.text[m.start() : m.end()].lower())
        if gender is not None:
            out.setdefault(pid, set()).add(gender)
            return


def _given_names(people: dict[str, list[Mention]]) -> dict[str, tuple[str, ...]]:
    """Vietnamese press names an official again by the given name (`Thinh said`): the last word of
    a name stands for its person when no other person's name ends with it. Only the people whose
    gender nothing else marks are looked for (most are marked: most articles are then not read
    again). Given name (as written, and capitalised without its marks) -> the person's name."""
    seen: dict[str, tuple[str, ...] | None] = {}
    for ms in people.values():
        words = tuple(ms[0].name.split())
        if len(words) < 2 or ms[0].press_label is not None:
            continue
        if _gender(ms):
            seen[fold(words[-1])] = None  # (still no one else's)
            continue
        key = fold(words[-1])
        seen[key] = None if key in seen and seen[key] != words else words
    words_of: dict[str, tuple[str, ...]] = {}
    for key, words in seen.items():
        if words is not None:
            words_of[words[-1]] = words_of[key[:1].upper() + key[1:]] = words
    return words_of


def _with_given_names(para: _Named, given: dict[str, tuple[str, ...]]) -> list[NameSpan]:
    """The given names standing alone in a paragraph that names nobody in full (capitalised, no
    capitalised word next to them: not `Quang Nam`), read as their persons' names. Found with
    plain string searches: most paragraphs hold none of them."""
    text, found = para.text, []
    for word, name in given.items():
        a = text.find(word)
        while a >= 0:
            b = a + len(word)
            if _alone(text, a, b):
                found.append(NameSpan(a, b, name))
            a = text.find(word, b)
    return sorted(found)


def _alone(text: str, a: int, b: int) -> bool:
    """text[a:b] is a word of its own with no capitalised Vietnamese syllable beside it."""
    if (a and text[a - 1].isalnum()) or text[b : b + 1].isalnum():
        return False
    before, after = text[max(0, a - 40) : a].split()[-1:], text[b : b + 40].split()[:1]
    return not any(is_name_word(w.strip(",.;:")) for w in before + after)


@lru_cache(maxsize=SPLIT_CACHE)
def _person_id(words: tuple[str, ...]) -> str:
    return person_id(" ".join(words))


def _province(doc: Document, best: Mention, level: str) -> str:
    if level != "provincial":
        return ""
    for t in best.titles:
        province = _province_in(t.text)
        if province:
            return province
    return doc.province or _province_near(doc, best.start)


def _province_near(doc: Document, pos: int) -> str:
    """In a national round-up, the province its paragraph names last before `pos`, else first after
    (`HAI PHONG: ... Secretary Le Van Thinh said ...`)."""
    seg = next((s for s in doc.segments if s.start <= pos < s.end), None)
    if seg is None:
        return ""
    places = find_places(doc.text[seg.start : seg.end])
    before = [p for p in places if seg.start + p.start < pos]
    chosen = before[-1] if before else (places[0] if places else None)
    return chosen.province if chosen is not None else ""


@lru_cache(maxsize=4096)
def _province_in(title: str) -> str:
    """The province a title names (`Secretario del Comité Provincial del Partido de Ca Mau`), else ''."""
    places = find_places(title)
    return places[0].province if places else ""


def _quote(text: str, number_folded: str, start: int, end: int, lang: str = "") -> str:
    """The sentence around text[start:end], cut the way metrics cut theirs (`el Sr. NAME` goes on
    past `Sr.`); a longer one is cut to MAX_QUOTE_CHARS around the name at word boundaries.
    `number_folded` is the text folded as metrics fold (one character for one: sliced here)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - MAX_QUOTE_CHARS)
    hi = text.find("\n", end, end + MAX_QUOTE_CHARS)
    hi = min(len(text), end + MAX_QUOTE_CHARS) if hi < 0 else hi
    line = text[lo:hi]
    spans = sentences(line, number_folded[lo:hi], _abbreviations(lang))
    s, e = next(((a + lo, b + lo) for a, b in spans if a + lo <= start < b + lo), (lo, hi))
    if e - s > MAX_QUOTE_CHARS:  # also where the window above cut a very long line
        half = MAX_QUOTE_CHARS // 2
        s, e = _word_start(text, max(s, start - half), start), _word_end(text, min(e, end + half), end)
    return " ".join(text[s:e].split())


@cache
def _abbreviations(lang: str) -> frozenset:
    """Words a full stop follows without ending the sentence: the indicators' list and honorifics."""
    honorifics = {h.rstrip(".") for h in R.lexicon(lang).honorifics if h.endswith(".")}
    return metrics_lexicon(lang).abbreviations | honorifics


def _word_start(text: str, pos: int, limit: int) -> int:
    """`pos` moved forward to the start of a word (never past `limit`)."""
    while 0 < pos < limit and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int, limit: int) -> int:
    """`pos` moved back to the end of a word (never before `limit`)."""
    while limit < pos < len(text) and not text[pos].isspace():
        pos -= 1
    return pos


# --- roster ------------------------------------------------------------------------------------


class RosterEntry(NamedTuple):
    """What the roster needs of one row of the people table."""

    doc_id: str
    start: int
    name: str
    gender: str
    role: str
    role_keys: str
    level: str
    province: str


class RosterGroups:
    """People rows grouped by person, added a document or a table at a time: a run groups them as
    documents stream in, so that only the roster's rows are left to make once the last one is in."""

    def __init__(self) -> None:
        self.mentions: dict[str, list[RosterEntry]] = {}

    def add(self, rows: Iterable[dict]) -> None:
        """People records (people.csv columns); a row without a person_id is no one's, missing text
        counts as empty (as in the table)."""
        for r in rows:
            pid = r.get("person_id")
            if pid is None or pid != pid:  # None or NaN
                continue
            values = tuple(map(r.get, RosterEntry._fields))
            if None in values:
                values = tuple(_blank_if_none(v) for v in values)
            self.mentions.setdefault(pid, []).append(RosterEntry._make(values))

    def rows(self) -> list[dict]:
        """One record per person (roster.csv columns), in person_id order; each person's mentions
        read in document and offset order."""
        return [
            _roster_row(str(pid), sorted(self.mentions[pid], key=_in_text_order))
            for pid in sorted(self.mentions)
        ]


def _blank_if_none(value: object) -> object:
    return "" if value is None else value


def _in_text_order(m: RosterEntry) -> tuple[str, int]:
    return m.doc_id, m.start


def build_roster(people: pd.DataFrame) -> list[dict]:
    """One record per person across documents (roster.csv columns)."""
    if people is None or not len(people):
        return []
    # One conversion to records, then plain grouping: no pandas work per person.
    groups = RosterGroups()
    groups.add(records(people[["person_id", *RosterEntry._fields]]))
    return groups.rows()


def _roster_row(pid: str, mentions: list[RosterEntry]) -> dict:
    keys = _unique(k for m in mentions for k in str(m.role_keys).split(";") if k)
    roles = _unique(str(m.role) for m in mentions if str(m.role))
    levels = [m.level for m in mentions]
    level = "provincial" if "provincial" in levels else "central" if "central" in levels else levels[0]
    provinces = [m.province for m in mentions if m.province]
    genders = {m.gender for m in mentions}
    return {
        "person_id": pid,
        "name": _most_common([m.name for m in mentions]),
        "gender": "f" if "f" in genders else "m" if "m" in genders else "",
        "level": level,
        "province": _most_common(provinces) if provinces and level == "provincial" else "",
        "role_keys": ";".join(keys),
        "roles": " | ".join(roles),
        "doc_ids": ";".join(_unique(str(m.doc_id) for m in mentions)),
        "n_documents": len({m.doc_id for m in mentions}),
    }


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def _most_common(items: list[str]) -> str:
    """The most frequent value; the first written wins a tie (diacritics kept when any mention has them)."""
    counts: dict[str, int] = {}
    for it in items:
        counts[it] = counts.get(it, 0) + 1
    if len(counts) < 2:  # most people are written one way
        return next(iter(counts), "")
    return max(counts, key=lambda k: (counts[k], sum(not c.isascii() for c in k)))
