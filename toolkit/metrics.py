"""Figures: every quantity written with digits, normalised, classified and attributed.

For each cleaned document, one record per figure mention (metrics.csv columns but
story_id): the number reader (`toolkit.numbers`) says what the digits are worth
and whether they are a figure at all; this stage links figures that belong
together (`18 z 30 zadań`, `52 tareas, de las cuales 27 (47,25 %)`), names the
quantity (indicator key from the wording around it, kept per language in
`toolkit/data/indicators/<lang>.toml`), decides whether it is about the province
or the whole country, which province, and what period, and keeps the sentence
and offsets as provenance. Segments of kind source, dateline and byline are not
read; captions are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain, islice, pairwise

from toolkit import places as gazetteer
from toolkit.catalogues import ranges as catalogue_ranges
from toolkit.model import Document
from toolkit.numbers import (
    FALLBACK_LANGUAGE,
    Quantity,
    column_units,
    fold,
    header_cells,
    merge_data,
    read_numbers,
    with_column_units,
    words_alternation,
)
from toolkit.numbers import rules as number_rules
from toolkit.patterns import any_of, has_top_level_bar, literal_head
from toolkit.periods import find_periods, period_at
from toolkit.places import PlaceMention, dateline_city

READ_KINDS = ("title", "lead", "heading", "body", "caption")
MONEY_UNITS = {"VND", "USD", "EUR"}
LABEL_WORDS = 6
# A body named right after a document word is the document's issuer (`w ramach Uchwały Rządu`),
# not what the figure is about: it is no scope cue.
ISSUER_REACH = 48
# `[.!?…]+[»"”’)]*(?=\s+\S)|\n`, written from its first character for the engine to skip to it.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?<!\n)[.!?…]*[»\"”’)]*(?=\s+\S))")
_HAS_DIGIT = re.compile(r"[0-9]")
_CLAUSE = re.compile(r";")
# A period opening the sentence or a clause after a colon frames the whole sentence after it
# (`declaró: «En los primeros diez meses de 2025, ...; ... 35%`); any other covers its clause.
_PERIOD_CLAUSE = re.compile(r"[;:]")
_OPENER = re.compile(r":")
OPENING_WORDS = 3
# `;`, `:` or a comma not before a digit (`2,5`); written from the mark, for the engine to skip to marks.
_COMMA_CLAUSE = re.compile(r"[;:,](?:(?<=,)(?![0-9])|(?<!,))")
# `27 (47,25 %)`, `58 de 64 tarefas (90,6 %)`: a percent in brackets after a count and its few words.
# (A word is read whole, `*+`: splitting it in two never helps a match, and the retries took long.)
_SHARE_GAP = re.compile(r"\s*(?:[^\W\d_][\w'’\-]*+\s*){0,4}\(\s*")
AGENT_REACH = 16
# A province named after at most this many words of a paragraph (within its first characters) is
# the paragraph's (`HAI PHONG: ...`, `Meanwhile, in Dong Nai, ...`).
OPENING_PLACE_WORDS, OPENING_PLACE_CHARS = 3, 60
# `96.1 % nationwide`, `96,1 % w skali kraju`: a cue this many words after a figure is its own.
CUE_AFTER_WORDS = 3
# `31 compiti su 36`: one or two words of the part's noun before the ratio word.
RATIO_NOUN_WORDS = 2
SHARE_GAP_WORDS = 4
# A count's key is the counted noun's: its wording starts within the first words after the figure.
COUNTED_NOUN_WORDS = 3
# ... unless that noun only says "people" (`1,2 millones de personas ya utilizan firmas digitales`):
# then what they use or do, named a few words on in the same clause, is what is counted.
PEOPLE_NOUN_REACH = 8
_LABEL_STOP = re.compile(r"[,;:.()\[\]«»\"“”!?]")
_CONJ_GAP = re.compile(r"\s+[^\W\d_]{1,4}\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_SPACES = re.compile(r"\s*")
# Work per sentence grows with its figures squared: a run-on "sentence" (a table flattened into one
# line, a page without full stops) is read in pieces this size, far above any real sentence.
MAX_SENTENCE_CHARS = 2000
MAX_SENTENCE_FIGURES = 40


@dataclass(frozen=True)
class Lexicon:
    """One language's indicator wording, compiled once."""

    keys: Matcher
    context: dict
    status: Matcher
    of_which: re.Pattern
    share_link: re.Pattern  # `, was`, `, soit`: a percent after them is the share the count before makes
    of_these: re.Pattern  # `Davon`, `Of these,` opening a sentence: parts of the count before it
    compare: re.Pattern  # `compared with`, `frente al`: a figure compared with the one before it
    share_back: re.Pattern  # `den Anteil`, `essa participação`: the share the paragraph spoke of
    share_target: re.Pattern  # `a meta é chegar a`, `aims to raise it to`: a later value of that share
    of_words: frozenset  # `of`, `von`: a percent after these belongs to the noun before them
    growth: frozenset[str]  # keys of growth rates (which may be negative): no shares
    whole_before: re.Pattern  # `Of the 30 tasks, 25 ...`: the words that open a clause on a whole
    clause_words: frozenset  # `que`, `that`: words that open a clause as a comma does
    ratio: re.Pattern
    percent_link: re.Pattern
    function: frozenset
    people_nouns: frozenset
    abbreviations: frozenset
    closing: frozenset  # abbreviations that end a sentence after a number (see `sentences`)
    scope: Matcher
    wording: Matchers  # keys, status and scope in one pass over a sentence
    national_labels: re.Pattern
    unit_class: dict
    percent_of: dict
    share_of_whole: dict
    refine: dict
    rank_default: str  # a province's rank in a sentence that names no indicator at all
    score_default: str  # a score left without a key beside such a rank: the same index's
    issuer: re.Pattern
    issuer_after: re.Pattern  # `the Politburo's Resolution`: the cue is the document's issuer
    title_before: re.Pattern  # `a member of the Party Central Committee`: the cue is in a title
    agent: re.Pattern
    share_verb: re.Pattern
    range_gap: re.Pattern
    rank_of: re.Pattern  # `out of`, `sur`, `na` between a rank and the field it is taken in
    rank_of_end: re.Pattern  # the same words ending the text before a count
    conjunction: re.Pattern
    ratio_after_noun: re.Pattern
    world: re.Pattern
    behind: re.Pattern  # `3rd, behind Ho Chi Minh City`: a place after these is what the figure trails


def _bounded(alternation: str) -> str:
    return rf"(?<![\w])(?:{alternation})(?![\w])"


class Matcher:
    """Many wording patterns found fast: only at the words where one of them matches.

    One big alternation makes Python's `re` try every pattern at every character. The words where
    some pattern matches are found by one regex, the patterns written as a tree of their leading
    letters (`starts`); there, the patterns indexed by their first three letters are tried, and
    every key's longest match is listed, longest first, as (start, end, key); the search goes on
    after the longest.
    """

    def __init__(self, table: dict[str, list[str]]):
        self.by_head: dict[str, list[tuple[re.Pattern, str]]] = {}
        self.anywhere: list[tuple[re.Pattern, str]] = []
        self.patterns: list[str] = []  # folded
        for key, patterns in table.items():
            for pat in patterns:
                folded = fold(pat)
                self.patterns.append(folded)
                entry = (re.compile(rf"(?:{folded})(?![\w])"), key)
                heads = _literal_heads(folded)
                if heads and min(map(len, heads)) >= HEAD:
                    for head in sorted({h[:HEAD] for h in heads}):
                        self.by_head.setdefault(head, []).append(entry)
                else:
                    self.anywhere.append(entry)
        tree = _match_tree(self.patterns)
        self.starts = re.compile(rf"{_AT_WORD}(?={tree})")
        self.after = re.compile(rf"{_BEFORE_WORD}(?={tree})")

    def find(self, folded: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        last = lo
        for w in _word_starts(self.starts, self.after, folded, lo, hi):
            pos = w.start() if w.re is self.starts else w.start() + 1
            if pos >= last:
                last = self._add(out, folded, pos, hi, last)
        return out

    def _add(self, out: list, folded: str, pos: int, hi: int, last: int) -> int:
        """Every key's longest match at `pos` (`applications` counts, `applications ... online` is
        a share; `index` is a rank or a score: the figure's unit chooses among them), added to
        `out` longest first; where the search goes on."""
        best: dict[str, int] = {}
        for entries in (self.by_head.get(folded[pos : pos + HEAD], ()), self.anywhere):
            for rx, key in entries:
                m = rx.match(folded, pos, hi)
                if m and m.end() > best.get(key, -1):
                    best[key] = m.end()
        if not best:
            return last
        if len(best) > 1 and best.get("other", -1) == max(best.values()):
            best = {"other": best["other"]}  # `índice de innovación`: wording that names no key, not `índice`
        if len(best) == 1:  # most words: one key
            ((key, end),) = best.items()
            out.append((pos, end, key))
            return end
        out += sorted(((pos, end, key) for key, end in best.items()), key=lambda k: -k[1])
        return max(best.values())


class Matchers:
    """Several matchers run over the same text in one pass: `find` gives what each one's `find`
    gives. The text is scanned once for the word starts where any of their patterns matches (the
    scan costs more than the rest); each matcher then reads those starts as its own search would,
    at those where one of its own patterns matches."""

    def __init__(self, *matchers: Matcher):
        self.matchers = matchers
        every = _match_tree([p for m in matchers for p in m.patterns])
        # which matchers have a pattern matching there: one optional look-ahead group each
        self.names = [f"_own{i}" for i in range(len(matchers))]
        own = "".join(
            rf"(?:(?=(?P<{name}>{_match_tree(m.patterns)}))|)"
            for name, m in zip(self.names, matchers, strict=True)
        )
        self.starts = re.compile(rf"{_AT_WORD}(?={every}){own}")
        self.after = re.compile(rf"{_BEFORE_WORD}(?={every}){own}")

    def find(self, folded: str, lo: int, hi: int) -> list[list[tuple[int, int, str]]]:
        outs: list[list] = [[] for _ in self.matchers]
        lasts = [lo] * len(self.matchers)
        for w in _word_starts(self.starts, self.after, folded, lo, hi):
            pos = w.start() if w.re is self.starts else w.start() + 1
            for i, matcher in enumerate(self.matchers):
                if pos >= lasts[i] and w.start(self.names[i]) >= 0:  # one of its own matches there
                    lasts[i] = matcher._add(outs[i], folded, pos, hi, lasts[i])
        return outs


def _word_starts(at: re.Pattern, after: re.Pattern, folded: str, lo: int, hi: int) -> Iterable[re.Match]:
    """The matches in folded[lo:hi] of `at` (`_AT_WORD` then look-aheads), found as `at.finditer`
    finds them: at `lo` itself, then from the character before each further word start by `after`
    (`_BEFORE_WORD` then the same look-aheads), which the engine skips to instead of trying every
    character (a pattern that starts with a look-behind cannot be skipped to). A match of `at` is
    at its word start; one of `after` starts one character before its word."""
    first = at.match(folded, lo, hi)
    rest = after.finditer(folded, lo, hi)
    return rest if first is None else chain((first,), rest)


HEAD = 3
_AT_WORD = r"(?<![\w])(?=[\w\[(])"
_BEFORE_WORD = r"[^\w](?=[\w\[(])"  # the character before a word start (`_AT_WORD` one further on)


def _match_tree(patterns: list[str]) -> str:
    """Any of `patterns` (folded), ending a word, as one tree of their leading letters.

    Found at word starts by the regex engine in one pass, instead of word by word in Python,
    these are the word starts where `Matcher.find` lists every key's match; there is nothing at
    any other. Which pattern matches first does not matter, only whether one does; its match
    ends where its pattern's does, never past the longest match `find` lists there, which the
    next word start `find` looks at is past anyway."""
    return any_of(patterns, after=r"(?![\w])")


def _literal_heads(pattern: str) -> list[str]:
    """The letters every match of `pattern` starts with, one string per alternative of a leading
    group (`(?:tramites|procedimientos) a` -> `tramites a`, `procedimientos a`); [""] when a match
    may start anywhere."""
    if has_top_level_bar(pattern):
        return [""]
    if not pattern.startswith("(?:"):
        return [literal_head(pattern)]
    depth, alternatives, start = 0, [], 3
    for i in range(3, len(pattern)):
        ch = pattern[i]
        if ch == "\\":
            return [""]  # an escape inside the group: no literal head worth indexing
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in "|)" and not depth:
            alternatives.append(pattern[start:i])
            start = i + 1
            if ch == ")":
                rest = pattern[i + 1 :]
                if rest[:1] in ("?", "*", "{"):  # an optional group: matches may start after it
                    return [""]
                tail = literal_head(rest)
                return [literal_head(a) + (tail if literal_head(a) == a else "") for a in alternatives]
    return [""]


@cache
def lexicon(lang: str) -> Lexicon:
    d = merge_data(lang or FALLBACK_LANGUAGE, "indicators")
    w, sc = d.get("words", {}), d.get("scope", {})
    nd = merge_data(lang or FALLBACK_LANGUAGE)  # the number wording: conjunctions, ranges, document words
    keys, status = Matcher(d.get("keys", {})), Matcher(d.get("status", {}))
    scope = Matcher({k: sc.get(k, []) for k in ("national", "benchmark", "provincial")})
    return Lexicon(
        keys=keys,
        context={k: _Context(v, w) for k, v in d.get("context", {}).items()},
        status=status,
        of_which=re.compile(_bounded(words_alternation(w.get("of_which", [])))),
        share_link=re.compile(rf"(?:^|.*[\s,])(?:{words_alternation(w.get('share_link', []))})\s*$"),
        of_these=re.compile(rf"[\s\"“«(]*(?:{words_alternation(w.get('of_these', []))})(?![\w])"),
        compare=re.compile(_bounded(words_alternation(w.get("compare", [])))),
        share_back=re.compile(_bounded(words_alternation(w.get("share_back", [])))),
        # the target's wording, then at most TARGET_GAP_WORDS words, then the figure (at `endpos`)
        share_target=re.compile(
            rf"(?<![\w])(?:{words_alternation(w.get('share_target', []))})"
            rf"(?P<gap>(?:[^\w\d]+[^\W\d_][\w'’\-]*){{0,{TARGET_GAP_WORDS}}})[^\w\d]*$"
        ),
        of_words=frozenset(fold(x) for x in w.get("percent_link", []) if " " not in x),
        growth=_growth_keys(),
        clause_words=frozenset(fold(x) for x in w.get("clause_words", [])),
        whole_before=re.compile(rf"(?<![\w])(?:{words_alternation(w.get('whole_before', []))})\s+$"),
        ratio=re.compile(rf"\s*(?:{words_alternation(w.get('ratio', []))})\s*"),
        percent_link=re.compile(rf"\s*(?:{words_alternation(w.get('percent_link', []))})(?![\w])"),
        function=frozenset(fold(x) for x in w.get("function", [])),
        people_nouns=frozenset(fold(x) for x in w.get("people_nouns", [])),
        abbreviations=frozenset(fold(x) for x in w.get("abbreviations", [])),
        closing=frozenset(fold(x) for x in w.get("closing_abbreviations", [])),
        scope=scope,
        wording=Matchers(keys, status, scope),
        national_labels=re.compile(
            rf"(?:(?:{words_alternation(sc.get('national_label_modifiers', []))})\s+)?"
            + _bounded(words_alternation(sc.get("national_labels", [])))
        ),
        unit_class=d.get("unit_class", {}),
        percent_of=d.get("percent_of", {}),
        share_of_whole=d.get("share_of_whole", {}),
        refine=d.get("refine", {}),
        rank_default=d.get("rank_default", ""),
        score_default=d.get("score_default", ""),
        world=re.compile(_bounded(words_alternation(sc.get("world", [])))),
        behind=re.compile(
            rf"(?<![\w])(?:{words_alternation(sc.get('behind', []))})(?:\s+[^\s\d]+){{0,2}}\s+$"
        ),
        ratio_after_noun=re.compile(rf"\s*(?:{words_alternation(w.get('ratio_after_noun', []))})\s*"),
        conjunction=re.compile(
            rf"(?<![\w])(?:{words_alternation([c for c in nd.get('exclude', {}).get('conj', []) if c.isalpha()])})(?![\w])"
        ),
        range_gap=number_rules(lang or FALLBACK_LANGUAGE).range_gap,
        rank_of=number_rules(lang or FALLBACK_LANGUAGE).rank_of,
        rank_of_end=re.compile(rf"(?<![\w])(?:{words_alternation(nd.get('rank', {}).get('of', []))})\s+$"),
        share_verb=re.compile(rf"(?<![\w])(?:{words_alternation(w.get('share_verbs', []))})(?![\w])"),
        agent=re.compile(rf"(?<![\w])(?:{words_alternation(sc.get('agent', []))})\s+$"),
        issuer_after=re.compile(
            rf"['’]s\s+(?:{words_alternation(nd.get('exclude', {}).get('doc_words', []))})(?![\w])"
        ),
        title_before=re.compile(
            rf"(?<![\w])(?:{words_alternation(sc.get('title_before', []))})\s+(?:\w+\s+)?$"
        ),
        issuer=re.compile(
            rf"(?<![\w])(?:{words_alternation(nd.get('exclude', {}).get('doc_words', []))})"
            # its number (`No. 71/NQ-CP`) and at most two words (`of the`) between
            r"(?:[^\w]+(?:[\w./\-]*[0-9][\w./\-]*|nos?\.?|n[º°o]\.?))*(?:[^\w]+[\w./\-]+){0,2}[^\w]+$"
        ),
    )


class _Context:
    """Context stems match at a word's start (`rise` is not in `enterprises`); languages that build
    compounds (`Wirtschaftswachstum`) set `context_inside_words` to match them anywhere.

    `pattern` is the plain definition. A pattern that starts with a look-behind makes the engine
    try every character of the sentence; `found` looks at `pos` with it, then searches from the
    character before each further word (a non-word character, which the engine skips to): the same answer."""

    def __init__(self, stems: list[str], words: dict):
        alternation = words_alternation(stems)
        self.anywhere = bool(words.get("context_inside_words"))
        self.pattern = re.compile(alternation if self.anywhere else rf"(?<![\w])(?:{alternation})")
        self.after = re.compile(rf"[^\w](?:{alternation})")

    def found(self, text: str, pos: int, endpos: int) -> bool:
        if self.anywhere:
            return self.pattern.search(text, pos, endpos) is not None
        return (
            self.pattern.match(text, pos, endpos) is not None
            or self.after.search(text, pos, endpos) is not None
        )


@dataclass
class _Figure:
    q: Quantity
    role: str = ""  # part (24 of ...), whole (... of 25; 65 tasks, of which ...)
    part: _Figure | None = None  # for a whole: its part
    whole: _Figure | None = None  # for a part: its whole
    share_of: _Figure | None = None  # for a bracketed percent: the count it is a share of
    same_as: _Figure | None = None  # for the first end of a range (`85 bis 90 %`): the other end
    # for a figure after `of which`, the whole it is a part of; after `compared with`, the figure it
    # is compared with: either gives its wording when the figure has none of its own
    within: _Figure | None = None
    noun: tuple[int, int] | None = None  # for a whole: its part's noun written between (`31 compiti su 36`)
    world: bool = False  # a country's rank or score, not a province's (see `_among_countries`)
    key: str = ""
    base: str = ""  # key before the task status refined it
    label: str = ""
    scope: str = ""  # from the sentence's cues; '' when it says nothing
    benchmark: bool = False  # national because a national average is named: no vote for the article
    place: PlaceMention | None = None
    period: str = ""


@dataclass
class _Sentence:
    text: str  # the segment's text
    folded: str
    start: int
    end: int
    figures: list[_Figure] = field(default_factory=list)


def extract_metrics(doc: Document) -> list[dict]:
    """One record per figure mention in the cleaned document (metrics.csv columns)."""
    try:
        return _records(doc, _analysed(doc))
    except Exception as exc:  # bad input never raises to the user; quality reports the missing figures
        doc.findings.append(
            {
                "check": "metrics_failed",
                "severity": "error",
                "doc_id": doc.doc_id,
                "story_id": "",
                "subject": "",
                "detail": f"Figures could not be read from this article ({type(exc).__name__}).",
                "evidence": "",
            }
        )
        return []


def document_scope(doc: Document) -> str:
    """`national` when the article's figures are mostly about the whole country or the central level."""
    try:
        return _document_scope(doc, _analysed(doc))
    except Exception:  # the figures stage reports its own failure; the place alone decides then
        return "provincial" if doc.province else "national"


def title_names_country(doc: Document) -> bool:
    """The title speaks of the whole country or the central level (`... ganham escala em todo o
    Vietnã`, `Ministerstwo Nauki i Technologii: ...`)."""
    title = doc.first_segment("title")
    if title is None or " | " in doc.text[title.start : title.end]:
        return False  # (`VGP News | Government of Viet Nam`: a site's name read as the title)
    folded, lex = fold(doc.text[title.start : title.end]), lexicon(doc.language or FALLBACK_LANGUAGE)
    return any(
        cue[2] == "national"
        and not _issuer_or_title(folded, cue, 0, lex)  # (`Resolution 57 of the Politburo`)
        for cue in lex.scope.find(folded, 0, len(folded))
    ) or any(  # `... DTI 2024 table for 34 provinces`: the country's provinces counted
        lex.national_labels.match(folded, _skip_space(folded, m.end())) for m in _DIGIT_RUN.finditer(folded)
    )


_DIGIT_RUN = re.compile(r"[0-9]+")


_LAST: list = []  # (doc_id, language, text, analysis) of the last document: place and extract share it


def _analysed(doc: Document):
    if _LAST and _LAST[0][:2] == (doc.doc_id, doc.language) and _LAST[0][2] is doc.text:
        return _LAST[0][3]
    result = _analyse(doc)
    _LAST[:] = [(doc.doc_id, doc.language, doc.text, result)]
    return result


def _document_scope(doc: Document, analysed) -> str:
    votes = [f.scope for _, sent, _ in analysed for f in sent.figures if f.scope and not f.benchmark]
    national = votes.count("national")
    if not doc.province or national > len(votes) - national:
        return "national"
    return "provincial"


def _analyse(doc: Document) -> list[tuple[int, _Sentence, list[PlaceMention]]]:
    """(segment offset, sentence, places of the segment) for every sentence holding a figure."""
    lang = doc.language or FALLBACK_LANGUAGE
    lex = lexicon(lang)
    out = []
    # The whole text folded once and sliced (folding goes character by character); the names of
    # provinces read off the scan text of the fold (see `places.scan_text`).
    whole = fold(doc.text)
    scan = gazetteer.scan_text(whole)
    if lex.rank_default and _about_another_index(doc, whole, lex):
        lex = replace(lex, rank_default="", score_default="")  # its ranks are that index's, not ours
    columns = None  # the units a table's header row gives its columns, for the rows under it
    header = None  # which of its columns are the whole country's, and what each column's heading names
    for seg in doc.segments:
        if seg.kind not in READ_KINDS:
            continue
        # (a line that is no table row ends the table)
        row = doc.text.find("|", seg.start, seg.end) >= 0
        columns = (column_units(doc.text[seg.start : seg.end], lang) or columns) if row else None
        # (`Indicator | Bac Ninh | Whole country`, `Puesto PCI`: the columns' scope and wording)
        header = (_header_columns(whole[seg.start : seg.end], lex) or header) if row else None
        if not _HAS_DIGIT.search(doc.text, seg.start, seg.end):
            continue
        text, folded = doc.text[seg.start : seg.end], whole[seg.start : seg.end]
        found = read_numbers(text, lang, folded)
        if columns:  # `Semiconduttori | 21 | 2.140` under `Settore | Progetti | Capitale (milioni USD)`
            found = with_column_units(text, found, columns)
        figures = [_Figure(q) for q in found if q.is_figure]
        if not figures:
            continue
        starts = [f.q.start for f in figures]
        opening: list[PlaceMention | None] = []  # the paragraph's opening province, once needed
        share = None  # the paragraph's last share (`9,6 % des GRDP`), for `den Anteil auf 20 %` after it
        last_count = None  # the last sentence's last keyed count, for `Davon seien 706 abgeschlossen`
        nr = number_rules(lang)
        spans = sentences(text, folded, lex.abbreviations, nr.rank_place, lex.closing, nr.date_after)
        for start, end in _pieces(spans, text, figures):
            sent = _Sentence(
                text, folded, start, end, figures[bisect_left(starts, start) : bisect_left(starts, end)]
            )
            if sent.figures:
                places = _places_in(text, folded, start, end, scan, seg.start)
                if not opening:  # read off the first sentence's places when that one holds figures
                    head = (
                        places
                        if start == 0
                        else _places_in(text, folded, 0, _head_end(text), scan, seg.start)
                    )
                    opening.append(_opening_place(folded, head))
                _analyse_sentence(sent, lex, lang, places, opening[0], last_count)
                if header:
                    _in_columns(folded, sent.figures, header, lex)
                share = _share_back(sent, lex, share)
                out.append((seg.start, sent, places))
            last_count = _last_keyed_count(sent)
    return out


def _header_columns(folded: str, lex: Lexicon) -> tuple[list[bool], list[str]] | None:
    """For a table's header row (bars, no cell a number): which columns are the whole country's
    (`Whole country`, `Cả nước`, `Landesdurchschnitt`) and the key each heading names (`Puesto PCI`:
    other); None for no header, or one naming neither."""
    cells = header_cells(folded)
    if cells is None:
        return None
    national, keys = [], []
    for c in cells:
        found = lex.wording.find(c, 0, len(c))
        national.append(any(cue[2] in ("national", "benchmark") for cue in found[2]))
        keys.append(found[0][0][2] if found[0] else "")
    return (national, keys) if any(national) or any(keys) else None


def _in_columns(folded: str, figures: list[_Figure], header: tuple, lex: Lexicon) -> None:
    """The figures of a table row read by their columns' headings: national in the country's column
    (no vote for the article's scope); counting what the heading names when their row names
    nothing (`73,84 | 1` under `PCI (puntos) | Puesto PCI`: the PCI's, no index of ours)."""
    national, keys = header
    body = folded.strip().strip("|")
    bars = [i for i, ch in enumerate(body) if ch == "|"]
    if len(bars) + 1 != len(national):
        return
    lead = len(folded) - len(folded.lstrip().lstrip("|"))
    for fig in figures:
        column = bisect_right(bars, fig.q.start - lead)
        if national[column]:
            fig.scope, fig.benchmark, fig.place = "national", True, None
        key = keys[column]
        if key == "other" or (key and fig.key == "other" and _allowed(key, fig.q.unit, lex)):
            fig.key = fig.base = key


def _last_keyed_count(sent: _Sentence) -> _Figure | None:
    """The sentence's last count that a key was found for, else None."""
    for fig in reversed(sent.figures):
        if fig.q.unit == "count" and fig.base:
            return fig
    return None


def _about_another_index(doc: Document, folded: str, lex: Lexicon) -> bool:
    """The title names an index that is no public-service or digital one (`Innovationsindex PII
    2025: Hanoi führt`): the article's unnamed ranks and scores are that index's."""
    title = doc.first_segment("title")
    if title is None:
        return False
    keys = lex.wording.find(folded, title.start, title.end)[0]
    return any(k[2] == "other" for k in keys) and not any(_index_key(k[2], lex) for k in keys)


SHARE_BACK_CHARS = 60
TARGET_GAP_WORDS = 4


def _share_back(sent: _Sentence, lex: Lexicon, share: _Figure | None) -> _Figure | None:
    """Percents of the sentence that name no measure but refer back to a share (`den Anteil auf
    20 %`, `elevar essa participação para 20%`) or set its target (`a meta é chegar a 30% até
    2030`) count what the paragraph's last share counted; the sentence's last share, or `share`,
    is returned for the sentences after it."""
    for fig in sent.figures:
        if fig.q.unit != "percent":
            continue
        if fig.key == "other":
            lo = max(sent.start, fig.q.start - SHARE_BACK_CHARS)
            if share is not None and (
                lex.share_back.search(sent.folded, lo, fig.q.start) or _sets_target(sent, lex, fig)
            ):
                for end in (fig, fig.same_as, _upper_bound(sent, fig)):
                    if end is not None:  # `tra il 25 e il 30%`: both ends of a range
                        end.key = end.base = share.key
        elif fig.key not in lex.growth:
            share = fig
    return share


def _upper_bound(sent: _Sentence, fig: _Figure) -> _Figure | None:
    """The figure after `fig` when the two are the bounds of one range (`entre 25 y 30 %`)."""
    i = sent.figures.index(fig)
    nxt = sent.figures[i + 1] if i + 1 < len(sent.figures) else None
    if nxt is None or fig.q.qualifier != "more_than" or nxt.q.qualifier != "up_to":
        return None
    return nxt if nxt.q.unit == fig.q.unit else None


def _sets_target(sent: _Sentence, lex: Lexicon, fig: _Figure) -> bool:
    """A bare percent (no wording of its own after it) a few words after a target's wording
    (`Our target is 40 percent by 2030`); not one that a noun before it claims (`aims for a growth
    of 10%`)."""
    if fig.label:
        return False
    m = lex.share_target.search(sent.folded, sent.start, fig.q.start)
    if m is None:
        return False
    gap = _WORD.findall(m.group("gap"))
    return not any(w in lex.of_words for w in gap[1:])


@cache
def _growth_keys() -> frozenset[str]:
    """Indicators whose percents may fall below zero (the ranges catalogue): growth rates, not shares."""
    r = catalogue_ranges()
    return frozenset(r.loc[(r["unit"] == "percent") & (r["min"].astype(float) < 0), "indicator"])


def _opening_place(folded: str, places: list[PlaceMention]) -> PlaceMention | None:
    """The province a paragraph opens with (`HAI PHONG: ...`, `In Dong Nai province, ...`), among the
    places of its opening: named after at most OPENING_PLACE_WORDS words. A round-up's paragraph is
    about it throughout."""
    if places and _words(folded, 0, places[0].start) <= OPENING_PLACE_WORDS:
        return places[0]
    return None


def _head_end(text: str) -> int:
    """Where a paragraph's opening ends: the first space after OPENING_PLACE_CHARS characters."""
    head = text.find(" ", min(len(text), OPENING_PLACE_CHARS))
    return len(text) if head < 0 else head


def _places_in(
    text: str, folded: str, s: int, e: int, scan: str | None = None, offset: int = 0
) -> list[PlaceMention]:
    """Provinces named in text[s:e] of a segment: the gazetteer's pattern on our folded segment
    (whose `ł` is an `l`, unlike the gazetteer's fold), or read off the scan text of the whole
    folded text, where the segment starts at `offset`."""
    if scan is None:
        spans = gazetteer.spelling_spans(folded, s, e)
    else:
        found = gazetteer.scan_spans(scan, offset + s, offset + e, alone=s == 0)
        spans = [(a - offset, b - offset) for a, b in found]
    found = gazetteer.mentions_at(text, folded, spans)
    if found and dateline_city(text, found[0]):
        return found[1:]  # `Hanoi (VNA) – ...`: where the story was filed from, not what it is about
    return found


def sentences(
    text: str,
    folded: str,
    abbreviations: frozenset = frozenset(),
    place: re.Pattern | None = None,
    closing: frozenset = frozenset(),
    day_month: re.Pattern | None = None,
) -> list[tuple[int, int]]:
    """Sentence spans of a segment; a full stop after an abbreviation or before lower case goes on,
    and so does the point of an ordinal before a rank's place word (`den 44. Platz`) or a month
    (`bis zum 30. September`, `day_month` matching at the point). A `closing` abbreviation after a
    number ends the sentence before a capitalised word (`84,96 pkt. Wskaźnik`)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0)[:1] == ".":
            words = _WORD.findall(folded[max(0, m.start() - 12) : m.start()])
            tail = words[-1] if words and folded[m.start() - 1 : m.start()].isalpha() else ""
            if tail and folded[m.start() - len(tail) - 1 : m.start() - len(tail)].isdigit():
                tail = ""  # `5G.`, `30 MW.`: a unit or a name glued to digits, no initial
            nxt_m = _NEXT_CHAR.match(text, m.end())
            nxt = nxt_m.group(1) if nxt_m else ""
            if nxt.islower() or nxt.isdigit():
                continue
            if tail and (tail in abbreviations or len(tail) == 1) and not _closes(tail, closing, text, m):
                continue
            if folded[m.start() - 1 : m.start()].isdigit() and (
                (place is not None and place.match(folded, m.end()))
                or (day_month is not None and day_month.match(folded, m.start()))
            ):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _closes(tail: str, closing: frozenset, text: str, stop: re.Match) -> bool:
    """`84,96 pkt. Wskaźnik`: a closing abbreviation after a number, then a capitalised word that is
    no acronym (`tys. VND` goes on)."""
    if tail not in closing or not text[: stop.start() - len(tail)].rstrip()[-1:].isdigit():
        return False
    word = text[stop.end() :].split(None, 1)
    return bool(word) and word[0][:1].isupper() and not (len(word[0]) > 1 and word[0].isupper())


def _pieces(spans: list[tuple[int, int]], text: str, figures: list[_Figure]):
    """The sentence spans, each cut into pieces of at most MAX_SENTENCE_CHARS characters and
    MAX_SENTENCE_FIGURES figures, cut at a space or a figure's start, never inside a figure."""
    starts = [f.q.start for f in figures]
    for s, e in spans:
        while True:
            first = bisect_left(starts, s)
            cut = e
            if e - s > MAX_SENTENCE_CHARS:
                space = text.rfind(" ", s + 1, s + MAX_SENTENCE_CHARS)
                cut = space if space > s else s + MAX_SENTENCE_CHARS
            if first + MAX_SENTENCE_FIGURES < len(starts):
                cut = min(cut, starts[first + MAX_SENTENCE_FIGURES])
            inside = bisect_left(starts, cut) - 1  # a figure running across the cut stays whole
            if cut < e and inside >= first and figures[inside].q.end > cut and starts[inside] > s:
                cut = starts[inside]
            if cut >= e:
                yield s, e
                break
            yield s, cut
            s = cut


def _analyse_sentence(
    sent: _Sentence,
    lex: Lexicon,
    lang: str,
    places: list[PlaceMention],
    opening: PlaceMention | None = None,
    whole: _Figure | None = None,
) -> None:
    """Links, keys, scope, province and period of the sentence's figures. `opening`: the province
    the paragraph opens with, the province of its figures whose sentence names none; `whole`: the
    previous sentence's last keyed count, the whole of this one's counts when it opens on it."""
    f_, s, e = sent.folded, sent.start, sent.end
    _link(sent, lex)
    if whole is not None and lex.of_these.match(f_, s):  # `Of these, 706 have been completed`
        for fig in sent.figures:
            if fig.q.unit == whole.q.unit and fig.within is None and not fig.role:
                fig.within = whole
    keys, status, scope = lex.wording.find(f_, s, e)
    cues = [
        (*c, bool(lex.agent.search(f_, max(s, c[0] - AGENT_REACH), c[0])))
        for c in scope
        if not _issuer_or_title(f_, c, s, lex)
    ]
    inside = [p for p in places if s <= p.start < e]
    cues += [(p.start, p.end, "provincial", False) for p in inside]
    cues.sort()
    periods = [p.__class__(p.start + s, p.end + s, p.value) for p in find_periods(f_[s:e], lang)]
    period_clauses = _bounds(_PERIOD_CLAUSE, f_, s, e)
    openers = _bounds(_OPENER, f_, s, e)
    framing = [p for p in periods if _opens(f_, _enclosing(openers, p.start)[0], p.start)]
    clauses = _bounds(_CLAUSE, f_, s, e)
    commas = _bounds(_COMMA_CLAUSE, f_, s, e)
    ordered = sorted(
        sent.figures, key=lambda f: (f.same_as is not None, f.share_of is not None, f.role == "part")
    )
    fitting = _Fitting(keys, sent, lex)
    others = [k for k in keys if k[2] == "other"]  # `R&D`, `FDI`: measures the catalogue has no key for
    for fig in ordered:  # wholes before their parts, counts before their bracketed shares
        fig.world = _among_countries(fig, sent, lex, commas)
        _classify(fig, sent, lex, fitting[fig.q.unit], status, clauses, commas, others)
        if _rank_by_default(fig, lex, keys, commas):  # `ranked 12th of 63 localities`
            fig.key = fig.base = lex.rank_default
        scope = "national" if fig.world else _scope(fig, sent, lex, cues, clauses, commas)
        fig.scope, fig.benchmark = ("national", True) if scope == "benchmark" else (scope, False)
        fig.place = _place(fig, inside, f_, lex) or opening
        lo, hi = _enclosing(period_clauses, fig.q.start)
        fig.period = period_at([p for p in periods if lo <= p.start or p in framing], fig.q.start, hi)
    if lex.score_default and any(f.key == lex.rank_default for f in sent.figures):
        for fig in sent.figures:  # `1 | Quảng Ninh | 92,48` under `Rang | Province | Score`
            if fig.key == "other" and fig.q.unit == "points" and not fig.world:
                fig.key = fig.base = lex.score_default


def _issuer_or_title(folded: str, cue: tuple, s: int, lex: Lexicon) -> bool:
    """The cue names a document's issuer (`Resolution No. 57 of the Politburo`, `the Politburo's
    Resolution`) or a body in someone's title (`a member of the Party Central Committee`): not what
    the figures are about."""
    return bool(
        lex.issuer.search(folded, max(s, cue[0] - ISSUER_REACH), cue[0])
        or lex.issuer_after.match(folded, cue[1])
        or lex.title_before.search(folded, max(s, cue[0] - TITLE_REACH), cue[0])
    )


TITLE_REACH = 32


def _among_countries(fig: _Figure, sent: _Sentence, lex: Lexicon, commas: list[int]) -> bool:
    """A rank among countries (`44th out of 193 countries`: the countries named in its comma clause
    after it), or an index score in a sentence that names countries: the country's, not a province's."""
    if fig.q.unit == "rank":
        return lex.world.search(sent.folded, fig.q.end, _enclosing(commas, fig.q.start)[1]) is not None
    if fig.q.unit == "points":
        return lex.world.search(sent.folded, sent.start, sent.end) is not None
    return False


def _rank_by_default(fig: _Figure, lex: Lexicon, keys: list, commas: list[int]) -> bool:
    """A province's rank left without a key: its comma clause names only the index (`ranked 4th in
    the ranking, ..., and completed 52 of 60 tasks`), or the sentence up to that clause's end names
    no other indicator (not `GRDP growth reached 8.12 %, ranking 7th of 34`: that is the growth's)."""
    if fig.key != "other" or fig.q.unit != "rank" or fig.world or not lex.rank_default:
        return False
    lo, hi = _enclosing(commas, fig.q.start)
    own = [k[2] for k in keys if lo <= k[0] < hi]
    if own and all(_index_key(k, lex) for k in own) and not any(k[2] == "other" for k in keys if k[0] < lo):
        return True
    return all(_index_key(k[2], lex) for k in keys if k[0] < hi)


def _index_key(key: str, lex: Lexicon) -> bool:
    """The index's rank, or a score (in an index too): the same index's wording."""
    return key == lex.rank_default or lex.unit_class.get(key) == "points"


def _opens(folded: str, lo: int, pos: int) -> bool:
    return _words(folded, lo, pos) <= OPENING_WORDS


def _bounds(pattern: re.Pattern, folded: str, s: int, e: int) -> list[int]:
    return [s] + [m.end() for m in pattern.finditer(folded, s, e)] + [e]


def _enclosing(bounds: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(bounds, pos)
    return bounds[max(0, i - 1)], bounds[min(i, len(bounds) - 1)]


def _link(sent: _Sentence, lex: Lexicon) -> None:
    """Ratios (24 z 25; 24/25), wholes with `of which` parts, and bracketed shares (27 (47,25 %))."""
    figs, f_ = sent.figures, sent.folded
    _parts_pointing_back(sent, lex)
    for a, b in zip(figs, figs[1:], strict=False):
        if a.q.unit == "count" and b.q.unit == "count" and _opens_on_whole(sent, a, lex):
            a.role = "whole"  # `Of the 30 tasks of the plan, 25 have been completed`
            continue
        gap = f_[a.q.end : b.q.start]
        counts = a.q.unit == "count" and b.q.unit == "count"
        if counts and not a.role and _ratio_gap(sent, a, b, gap, lex):
            a.role, b.role, a.whole, b.part = "part", "whole", b, a
        elif b.q.unit == "percent" and a.q.unit == "count" and _share_gap(a, gap, lex):
            b.share_of = a.part if a.part is not None else a
        elif (a.q.unit == b.q.unit and lex.range_gap.fullmatch(gap)) or (
            counts and _shared_noun(sent, a, b, gap, lex)
        ):
            a.same_as = b  # `85 bis 90 %`; `1 150 et 980 équipes`
        elif ";" not in gap and not a.role and _of_which_after(f_, a, b, lex):
            a.role, b.within = "whole", a
        elif (
            a.q.unit == b.q.unit
            and len(gap) <= COMPARE_GAP_CHARS
            and ";" not in gap
            and lex.compare.search(gap)
        ):
            b.within = a  # `el 92,7 %, frente al 61,3 % de 2024`: the same measure at another time or place


COMPARE_GAP_CHARS = 80


def _opens_on_whole(sent: _Sentence, a: _Figure, lex: Lexicon) -> bool:
    """`Of the 30 tasks, ...`, `Spośród 115 zadań ...`, `Dei 14 compiti ...`: the words opening the
    sentence or a clause before the number say that the count is a whole its parts follow."""
    m = lex.whole_before.search(sent.folded, max(sent.start, a.q.start - WHOLE_BEFORE_CHARS), a.q.start)
    if m is None:
        return False
    f_, i = sent.folded, m.start()
    while i > sent.start and f_[i - 1].isspace():
        i -= 1
    if i == sent.start or f_[i - 1] in _CLAUSE_OPENERS:
        return True
    word = f_.rfind(" ", sent.start, i) + 1  # `informó que de las 47 tareas`: a clause's opening word
    return f_[max(word, sent.start) : i] in lex.clause_words


_CLAUSE_OPENERS = frozenset(',;:•*-–—"“«„(')  # a clause, a quotation or a list item starts after these


WHOLE_BEFORE_CHARS = 24


_MEASURES_NOT_CARRIED = {"count", "percent", "rank", "points", *MONEY_UNITS}


def _parts_pointing_back(sent: _Sentence, lex: Lexicon) -> None:
    """`68.000 ettari ..., quasi 3.900 dei quali destinati alla floricoltura`: a bare number with an
    `of which` word right after it is a part of the measure before it, in that measure's unit
    (money is left alone: its scale word would be missing too)."""
    f_ = sent.folded
    for a, b in pairwise(sent.figures):
        if (
            b.q.unit == "count"
            and b.q.unit_end == b.q.end
            and a.q.unit not in _MEASURES_NOT_CARRIED
            and lex.of_which.match(f_, _skip_space(f_, b.q.end))
        ):
            b.q = replace(b.q, unit=a.q.unit)
            b.within = a


def _of_which_after(folded: str, a: _Figure, b: _Figure, lex: Lexicon) -> bool:
    """`65 tareas, de las cuales 38`: a names a whole its parts follow. Not `97 davon als erledigt`:
    the word right after the number points back to a whole before it."""
    m = lex.of_which.search(folded, a.q.unit_end, b.q.start)
    return m is not None and bool(folded[a.q.unit_end : m.start()].strip())


def _ratio_gap(sent: _Sentence, a: _Figure, b: _Figure, gap: str, lex: Lexicon) -> bool:
    """`24 z 25`, `24/25`, or `31 compiti su 36`: the part's counted noun written between, then a word
    that only says `out of` (`12 tasks in 20 communes` is no ratio); the noun is noted on the whole."""
    if a.q.ratio_next and gap == "/" or lex.ratio.fullmatch(gap):
        return True
    f_ = sent.folded
    for m in islice(_WORD.finditer(gap), RATIO_NOUN_WORDS):
        noun_end = a.q.end + m.end()
        if lex.ratio_after_noun.fullmatch(gap, m.end()) and lex.keys.find(f_, a.q.end, noun_end):
            b.noun = (a.q.end, noun_end)
            return True
    return False


def _shared_noun(sent: _Sentence, a: _Figure, b: _Figure, gap: str, lex: Lexicon) -> bool:
    """`1 150 et 980 équipes`: a bare count joined by a conjunction to a count whose noun follows."""
    if a.q.unit_end != a.q.end or a.role or not _CONJ_GAP.fullmatch(gap):
        return False
    if not lex.conjunction.fullmatch(gap.strip()):
        return False
    words = list(islice(_WORD.finditer(sent.folded, b.q.unit_end, sent.end), RATIO_NOUN_WORDS))
    keys = lex.keys.find(sent.folded, b.q.unit_end, sent.end) if words else []
    return any(k[0] <= words[-1].start() for k in keys)


def _share_gap(a: _Figure, gap: str, lex: Lexicon) -> bool:
    """`27 (47,25 %)`, `58 de 64 tarefas (90,6 %)`, a ratio's whole then `, co stanowi 95,1%`, or
    a count then a comma and a word saying `that is` (`706 abgeschlossen, was 67,1 Prozent`)."""
    if _SHARE_GAP.fullmatch(gap):
        return True
    if ";" in gap or len(_WORD.findall(gap)) > SHARE_GAP_WORDS:
        return False
    return a.part is not None or ("," in gap and lex.share_link.match(gap) is not None)


def _allowed(key: str, unit: str, lex: Lexicon) -> bool:
    cls = "percent" if key.endswith("_pct") else lex.unit_class.get(key, "count")
    if unit in MONEY_UNITS:
        return cls == "money"
    return (
        cls == unit
        if unit in ("percent", "rank", "points", "hectare")
        else cls == "count" and unit == "count"
    )


def _context_ok(key: str, sent: _Sentence, lex: Lexicon) -> bool:
    ctx = lex.context.get(key)
    return ctx is None or ctx.found(sent.folded, sent.start, sent.end)


class _Fitting(dict):
    """unit -> the sentence's key matches a figure of that unit may take (`_allowed`, with their
    context in the sentence), listed once per sentence and unit rather than once per figure."""

    def __init__(self, keys: list, sent: _Sentence, lex: Lexicon):
        super().__init__()
        self.key_matches, self.sent, self.lex = keys, sent, lex
        self.context: dict[str, bool] = {}

    def __missing__(self, unit: str) -> list:
        self[unit] = [k for k in self.key_matches if _allowed(k[2], unit, self.lex) and self._context(k[2])]
        return self[unit]

    def _context(self, key: str) -> bool:
        if key not in self.context:
            self.context[key] = _context_ok(key, self.sent, self.lex)
        return self.context[key]


def _classify(fig: _Figure, sent: _Sentence, lex: Lexicon, fits, status, clauses, commas, others=()) -> None:
    """The figure's key and label; `fits` are the key matches its unit may take, `others` the
    sentence's wording of measures with no key of their own."""
    if fig.same_as is not None:  # `85 bis 90 %`: both ends measure the same thing
        fig.key, fig.base, fig.label = fig.same_as.key, fig.same_as.base, fig.same_as.label
        return
    q = fig.q
    clause_lo = _enclosing(clauses, q.start)[0]
    after_hi = _label_end(sent, fig)
    after = [k for k in fits if q.unit_end <= k[0] < after_hi]
    if fig.noun is not None:  # `31 compiti su 36 previsti dal piano`: the whole counts the part's noun
        after = [k for k in fits if fig.noun[0] <= k[0] < fig.noun[1]]
        after_hi = fig.noun[1]
    before = [k for k in fits if clause_lo <= k[0] and k[1] <= q.start]
    if q.unit == "rank" and not fig.world and not before and not after:
        # `el puesto 5 de 34 provincias en el Índice PAR`: the index is named past the field ranked
        # in (a country's rank among countries is no province's index rank)
        after = [k for k in fits if q.unit_end <= k[0] < _enclosing(commas, q.start)[1]]
    label_words = _label_text(sent, q.unit_end, after_hi, lex)
    if q.unit == "count" and lex.national_labels.match(sent.folded, _skip_space(sent.folded, q.unit_end)):
        fig.key, fig.label = "other", label_words  # `the 34 provinces finished the rest`: the provinces
        return
    chosen = None
    if fig.whole is not None and fig.whole.base:
        fig.base, fig.label = fig.whole.base, fig.whole.label
    elif fig.share_of is not None and lex.percent_of.get(fig.share_of.key):
        fig.key = fig.base = lex.percent_of[fig.share_of.key]
        fig.label = fig.share_of.label
        return
    elif fig.noun is not None and after:
        chosen = min(after, key=lambda k: (k[0], -k[1]))
    elif q.unit == "count":
        chosen = _count_key(fig, sent, lex, fits, before, after, status, after_hi, label_words)
    else:
        chosen = _amount_key(fig, sent, lex, before, after, commas)
    if chosen is not None and chosen[0] >= q.unit_end and chosen[2] in lex.share_of_whole:
        part = lex.share_of_whole[chosen[2]]  # `the digital economy ... 23.4 percent of GRDP`
        share = next((k for k in reversed(fits) if k[2] == part and k[1] <= q.start), None)
        chosen = share if share is not None else chosen
    if chosen is not None and others and _claimed_by_other(chosen, q, others, lex):
        chosen = None  # `R&D spending should reach 2 % of GDP`
    if chosen is not None:
        fig.base = chosen[2]
        fig.label = label_words if q.unit == "count" and chosen in after else sent.text[chosen[0] : chosen[1]]
    elif not fig.label:
        fig.label = label_words
    whole = fig.within
    if not fig.base and whole is not None and whole.base and whole.q.unit == q.unit:
        fig.base = whole.base  # `1,056 online public services, of which 689 full-process`: a part of the same
    fig.key = fig.base or "other"
    if fig.base in lex.refine and fig.role != "whole":
        fig.key = _refined(fig, sent, lex, status, commas)


def _claimed_by_other(chosen: tuple, q: Quantity, others: list, lex: Lexicon) -> bool:
    """A measure with no key of its own (`R&D`, `FDI`) named before the figure and nearer to it
    than the wording chosen for it, or before a share's whole (`2 % of GDP`), is what it counts."""
    if chosen[1] <= q.start:
        return any(chosen[1] <= k[0] and k[1] <= q.start for k in others)
    return chosen[2] in lex.share_of_whole and any(k[1] <= q.start for k in others)


def _count_key(
    fig: _Figure, sent: _Sentence, lex: Lexicon, fits, before, after, status, after_hi, label_words
):
    """The counted noun's key (`2,517 servicios públicos en línea`); when only function words or a
    status follow (`1.180 para particulares`, `7 continuam em execução`), the wording before it."""
    q, f_ = fig.q, sent.folded
    words = [m.start() for m in islice(_WORD.finditer(f_, q.unit_end, after_hi), COUNTED_NOUN_WORDS)]
    named = [k for k in after if words and k[0] <= words[-1]]
    if not named:
        named = _past_people_noun(fig, sent, lex, after, after_hi)
    if named:
        return min(named, key=lambda k: (k[0], -k[1]))
    labelled = _labelled_by(f_, q.start, before)
    if labelled is not None:
        return labelled
    first = _WORD.match(f_, _skip_space(f_, q.unit_end))
    if first is not None and first.group(0) in lex.of_words and _has_scale_word(q):
        first = _WORD.match(
            f_, _skip_space(f_, first.end())
        )  # `10 milhões de visitantes`: the noun after `de`
    status_next = any(q.unit_end <= k[0] < after_hi for k in status)
    if first is None or first.group(0) in lex.function or not label_words or status_next:
        pool = before or ([k for k in fits if k[1] <= q.start] if status_next else [])
        return max(pool, key=lambda k: (k[1], k[1] - k[0])) if pool else None
    return None


def _has_scale_word(q: Quantity) -> bool:
    """The figure is written with a scale word (`10 milhões`, `12 tys.`), not in digits alone."""
    return any(ch.isalpha() for ch in q.raw)


def _labelled_by(folded: str, start: int, before: list):
    """`Servicios públicos en línea: 1.612 trámites`: the wording that a label's colon right before
    the figure ends (a few words after it at most), else None."""
    colon = folded.rfind(":", max(0, start - 3), start)
    if colon < 0 or folded[colon + 1 : start].strip():
        return None
    near = [k for k in before if k[1] <= colon and _words(folded, k[1], colon) <= LABEL_TAIL_WORDS]
    return max(near, key=lambda k: k[1]) if near else None


LABEL_TAIL_WORDS = 2  # `Servicios públicos en línea disponibles: 1.612`


def _past_people_noun(fig: _Figure, sent: _Sentence, lex: Lexicon, after, after_hi: int) -> list:
    """The keys a few words past a counted noun that only says "people" (`410,000 people have signed
    up for digital signatures`); none when another noun is counted."""
    content = [
        m for m in _WORD.finditer(sent.folded, fig.q.unit_end, after_hi) if m.group(0) not in lex.function
    ]
    if not content or content[0].group(0) not in lex.people_nouns:
        return []
    reach = content[min(len(content), PEOPLE_NOUN_REACH) - 1].end()
    return [k for k in after if k[0] < reach]


def _amount_key(fig: _Figure, sent: _Sentence, lex: Lexicon, before, after, commas):
    """A percent's or an amount's key: the subject of a share verb (`la economía digital representa el
    15 %`), a linked share's own words (`98 % of records were processed on time`), the wording of its
    own comma clause, else the nearest wording in its clause."""
    q, f_ = fig.q, sent.folded
    lo, hi = _enclosing(commas, q.start)
    own_before = [k for k in before if k[0] >= lo]
    shared = [k for k in own_before if lex.share_verb.search(f_, k[1], q.start)]
    if shared:
        return max(shared, key=lambda k: (k[1], k[1] - k[0]))
    linked = q.unit != "percent" or lex.percent_link.match(f_, q.unit_end)
    nxt = min((f.q.start for f in sent.figures if f.q.start >= q.unit_end), default=hi)
    if own_before and _coordinated(fig, sent, lex, own_before, lo):
        # `la tasa en línea alcanzó el 72 % y el 98 % se resolvió a tiempo`: the wording before names
        # the first figure; the second takes its own words after it, when it has them
        own_next = [k for k in after if k[1] <= min(hi, nxt)]
        if own_next:
            return min(own_next, key=lambda k: (k[0], -k[1]))
        prev = max((f for f in sent.figures if lo <= f.q.end <= q.start), key=lambda f: f.q.end)
        if q.unit == "percent" and linked and not lex.percent_link.match(f_, prev.q.unit_end):
            # `la couverture forestière ... 57,3 % et 98 % des déchets`: a share of other things (but
            # `hat 100 % der Gemeinden und 98,6 % der Weiler erreicht`: two shares of one thing)
            return None
    if q.unit == "percent" and linked:
        # `96 % das aldeias e a de fibra óptica a 78 %`: the share's own words end at a conjunction
        hi_words = max((k[0] for k in after), default=q.unit_end)
        conj_at = _conjunction_at(sent, lex, q.unit_end, hi_words)
        own_words = [k for k in after if conj_at is None or k[0] < conj_at]
        if own_words:
            return max(own_words, key=lambda k: (k[0], k[1]))
        if conj_at is not None:  # `el 100 % de los residuos y elevar la cobertura forestal al 66 %`
            after = [k for k in after if not _names_next(k, sent, lex, hi)]
    own_after = [k for k in after if k[1] <= hi] if linked or not own_before else []
    if own_before or own_after:
        before, after = own_before, own_after
    elif q.unit in MONEY_UNITS and _own_object(fig, sent, lex):
        # `1,2 billones irán a infraestructura digital, mientras 410.000 millones financiarán tareas
        # de investigación`: the wording of the other comma clauses is the other amounts'; this one
        # says what it pays for, in words that name no indicator
        return None
    near = [(q.start - k[1], k) for k in before]
    near += [(k[0] - q.unit_end, k) for k in after] if linked or not before else []
    return min(near, key=lambda x: (x[0], -(x[1][1] - x[1][0])))[1] if near else None


def _conjunction_at(sent: _Sentence, lex: Lexicon, a: int, b: int) -> int | None:
    """Where the first conjunction in sent.text[a:b] starts, else None. Read on the text as written
    (folded Italian `è` would read as the conjunction `e`), only the words between lowered
    (lowering the whole segment per figure took quadratic time)."""
    m = lex.conjunction.search(sent.text[a:b].lower())
    return a + m.start() if m is not None else None


def _own_object(fig: _Figure, sent: _Sentence, lex: Lexicon) -> bool:
    """Words of its own follow the figure up to the next figure or stop: at least OWN_OBJECT_WORDS
    that are no function words (`financiarán tareas de investigación`; not `en 2025`), and none of
    the words that make money an indicator's (`à son centre de données`: an investment's)."""
    lo, hi = fig.q.unit_end, _label_end(sent, fig)
    words = _WORD.findall(sent.folded, lo, hi)
    if sum(w not in lex.function for w in words) < OWN_OBJECT_WORDS:
        return False
    money_keys = (k for k, cls in lex.unit_class.items() if cls == "money" and k in lex.context)
    return not any(lex.context[k].found(sent.folded, lo, hi) for k in money_keys)


OWN_OBJECT_WORDS = 2


def _names_next(key: tuple, sent: _Sentence, lex: Lexicon, hi: int) -> bool:
    """The wording introduces a later figure of the clause: no conjunction stands between them
    (`y elevar la cobertura forestal al 66 %`; not `... have fibre-optic broadband, and 5G ... 88 %`)."""
    later = [f.q.start for f in sent.figures if key[1] <= f.q.start < hi]
    return bool(later) and _conjunction_at(sent, lex, key[1], later[0]) is None


def _coordinated(fig: _Figure, sent: _Sentence, lex: Lexicon, own_before: list, lo: int) -> bool:
    """Another figure stands in the figure's clause before it, and a conjunction between the last
    wording before and the figure: that wording belongs to the other figure's part of the sentence."""
    q = fig.q
    if not any(lo <= f.q.end <= q.start and f.same_as is not fig for f in sent.figures):
        return False
    last = max(k[1] for k in own_before)
    return _conjunction_at(sent, lex, last, q.start) is not None


def _refined(fig: _Figure, sent: _Sentence, lex: Lexicon, status, commas) -> str:
    """The task status said of a count: the first cue after it (before the next figure), else the
    nearest before it (`se han completado 150 tareas, 320 se encuentran en ejecución y 95 pendientes`);
    the part of a ratio takes the verb that governs the ratio, before it, first."""
    lo, hi = _enclosing(commas, fig.q.start)
    anchor = fig.whole if fig.whole is not None else fig  # `14 de 40 tareas`: the whole's wording
    hi = max(hi, _enclosing(commas, anchor.q.start)[1])
    following = [f.q.start for f in sent.figures if f.q.start > anchor.q.start and f.share_of is None]
    zone_end = min([hi, *following])
    options = lex.refine[fig.base]
    after = [k for k in status if anchor.q.end <= k[0] and k[1] <= zone_end and k[2] in options]
    before = [k for k in status if lo <= k[0] and k[1] <= fig.q.start and k[2] in options]
    if fig.role == "whole" and anchor is fig:
        return fig.base  # a whole its parts follow: what they say is theirs
    if before and fig.role == "part":  # `completato 64 compiti su 70 e ne sta attuando altri 6`
        return before[-1][2]
    if after:
        return after[0][2]
    if before:
        return before[-1][2]
    return options[0] if fig.role == "part" else fig.base


def _label_end(sent: _Sentence, fig: _Figure) -> int:
    """Where the counted wording after a figure stops: punctuation, the next figure, or a few words."""
    hi = sent.end
    for other in sent.figures:
        if other.q.start >= fig.q.unit_end:
            hi = min(hi, other.q.start)
    lo = fig.q.unit_end
    if fig.q.unit == "rank" and sent.folded[lo : lo + 1] == ".":
        lo += 1  # `8. miejsce w rankingu`, `15. Platz`: an ordinal's point ends no wording
    stop = _LABEL_STOP.search(sent.folded, lo, hi)
    return stop.start() if stop else hi


def _label_text(sent: _Sentence, lo: int, hi: int, lex: Lexicon) -> str:
    words = list(islice(_WORD.finditer(sent.folded, lo, hi), LABEL_WORDS))
    while words and words[-1].group(0) in lex.function:
        words.pop()
    return sent.text[words[0].start() : words[-1].end()] if words else ""


def _rank_field(fig: _Figure, sent: _Sentence, lex: Lexicon) -> bool:
    """The count is the field a rank just before it is taken in (`31st out of 34`, `3. miejsce na
    34`): the country's provinces."""
    q = fig.q
    if not lex.rank_of_end.search(sent.folded, max(0, q.start - RANK_OF_CHARS), q.start):
        return False  # (most counts follow no `out of`: the figures before are not looked at)
    prev = None
    for f in sent.figures:
        if f is fig:
            break
        prev = f
    return (
        prev is not None
        and prev.q.unit == "rank"
        and lex.rank_of.fullmatch(sent.folded, prev.q.end, q.start) is not None
    )


RANK_OF_CHARS = 16


def _scope(fig: _Figure, sent: _Sentence, lex: Lexicon, cues, clauses, commas) -> str:
    """`national` or `provincial` from the cues of the sentence; '' when it has none.

    A cue a few words after the figure in its comma clause decides (`..., against 96.1 %
    nationwide`) unless one before it in that clause is nearer; else the nearest cue before the figure in
    its clause (`el Gobierno Central emitió 16`); else the sentence's first cue, its subject (`la
    provincia realizó 24 ...; 12 de 20 tareas de la Resolución del Gobierno`); else a cue after
    the figure in its comma clause. A cue after it that a later figure is nearer to is not its
    own (`_cue_of`).
    """
    q = fig.q
    if q.unit == "count" and (
        lex.national_labels.match(sent.folded, _skip_space(sent.folded, q.unit_end))
        or _rank_field(fig, sent, lex)
    ):
        return "benchmark"  # the country's provinces: national, and nothing of what the article is about
    clause_lo = _enclosing(clauses, q.start)[0]
    # `tasks assigned by the Central Steering Committee, a rate of 97.9 %`: the body that did
    # something to the figures before is no subject of the figures after it.
    before = [c for c in cues if c[1] <= q.start and not c[3]]
    lo, hi = _enclosing(commas, q.start)
    cue_after = next((c for c in cues if c[0] >= q.end and c[1] <= hi and _cue_of(sent, fig, c)), None)
    if cue_after and cue_after[3] and before:
        cue_after = None  # `Nghe An zrealizowała 38 z 45 zadań przydzielonych przez Centralny Komitet`
    if (
        cue_after
        and _near(sent.folded, q.unit_end, cue_after[0])
        and _nearer(sent.folded, q, cue_after, before, lo)
    ):
        return cue_after[2]
    in_clause = [c for c in before if c[0] >= clause_lo]
    if in_clause:
        return in_clause[-1][2]
    if before:
        return before[0][2]
    return cue_after[2] if cue_after else ""


def _cue_of(sent: _Sentence, fig: _Figure, cue: tuple) -> bool:
    """A cue after `fig` may be its own: no figure stands between them, and none a few words after
    the cue (`84,55 % wobec 82,66 % w skali kraju`, `46,8 % (średnio w kraju: 38 %)`: the later
    figure's)."""
    for f in sent.figures:
        if fig.q.end <= f.q.start < cue[0] or (f.q.start >= cue[1] and _near(sent.folded, cue[1], f.q.start)):
            return False
    return True


def _nearer(folded: str, q: Quantity, after: tuple, before: list, lo: int) -> bool:
    """The cue after the figure is nearer to it, in words, than any cue before it in its comma clause."""
    if not before or before[-1][0] < lo:
        return True
    return _words(folded, q.unit_end, after[0]) < _words(folded, before[-1][1], q.start)


def _near(folded: str, a: int, b: int) -> bool:
    return _words(folded, a, b) <= CUE_AFTER_WORDS


def _words(folded: str, a: int, b: int) -> int:
    """How many words folded[a:b] holds."""
    return len(_WORD.findall(folded, a, b))


def _skip_space(text: str, pos: int) -> int:
    return _SPACES.match(text, pos).end() if pos < len(text) else pos


def _place(fig: _Figure, inside: list[PlaceMention], folded: str, lex: Lexicon) -> PlaceMention | None:
    """The province named last before the figure in its sentence, else the first after it unless
    the figure trails it (`zajęła 3. miejsce ..., za Miastem Ho Chi Minh`: the subject's own)."""
    before = [p for p in inside if p.end <= fig.q.start]
    if before:
        return before[-1]
    if not inside or lex.behind.search(folded, max(0, inside[0].start - BEHIND_REACH), inside[0].start):
        return None
    return inside[0]


BEHIND_REACH = 40


def _records(doc: Document, analysed) -> list[dict]:
    default = _document_scope(doc, analysed)
    rows = []
    for offset, sent, _ in analysed:
        quote = sent.text[sent.start : sent.end].strip()
        for fig in sorted(sent.figures, key=lambda f: f.q.start):
            rows.append(_record(doc, offset, sent, fig, default, quote))
    return rows


def _record(doc: Document, offset: int, sent: _Sentence, fig: _Figure, default: str, quote: str) -> dict:
    q = fig.q
    scope = fig.scope or default
    own = not (fig.world or fig.benchmark)  # not a country's, nor the national average
    if q.unit in ("rank", "points") and doc.province and own:  # the province's place or score
        scope = "provincial"
    province, legacy = "", ""
    if scope == "provincial":
        if fig.place is not None:
            province, legacy = fig.place.province, fig.place.legacy
        else:
            province = doc.province
    start = offset + q.start
    return {
        "metric_id": f"{doc.doc_id}:m{start}",
        "doc_id": doc.doc_id,
        "province": province,
        "province_legacy": legacy,
        "scope": scope,
        "indicator": fig.key or "other",
        "label": fig.label,
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "period": fig.period,
        "language": doc.language,
        "raw": q.raw,
        "quote": quote,
        "start": start,
        "end": offset + q.end,
    }
