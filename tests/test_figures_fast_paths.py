"""The figures stage's fast forms give exactly the answers of the plain definitions they replace.

Each fast form (a regex written from its first character, an alternation written as a tree, one
pass for several matchers, a fold by `lower()` and a few replacements) is checked against the plain
form it stands for, on hand-made cases and on generated text.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import metrics, numbers, periods, places
from toolkit.patterns import alternation_tree

LANGS = ("es", "fr", "pl", "pt", "en", "de", "it")


def spans(pattern: re.Pattern | str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.lastgroup or "") for m in re.finditer(pattern, text)]


# --------------------------------------------------------------------------- alternation trees

WORDS = ["ha noi", "hanoi", "ha nam", "hai phong", "hai", "ha", "ho chi minh", "ho chi minh city", "hue"]


@pytest.mark.parametrize(
    "alternatives, text",
    [
        ([("ab", ""), ("a", ""), ("abc", "")], "abc ab a"),  # order kept: `abc` never reached after `ab`
        ([("a", ""), ("ab", "")], "ab"),
        ([("x", "(?:y|z)"), ("xy", ""), ("w", "")], "xy xz w"),
        ([("ha", " noi"), ("hanoi", ""), ("ha", "")], "ha noi, hanoi, ha"),
        ([("ab", "c|d"), ("ad", ""), ("", "b")], "abc abd ad b"),  # a rest that is an alternation
        ([("servicio", "s? p"), ("serv", "ice")], "servicios p servicio p service"),
    ],
)
def test_a_tree_matches_what_the_plain_alternation_matches(alternatives, text):
    plain = "|".join(f"{re.escape(literal)}(?:{rest})" for literal, rest in alternatives)
    assert spans(alternation_tree(alternatives), text) == spans(plain, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8, unique=True),
    st.lists(st.sampled_from(WORDS + [" ", "-", ", ", "x", "city"]), max_size=12),
)
def test_a_tree_of_spellings_matches_as_their_alternation(spellings, pieces):
    text = " ".join(pieces)
    plain = "|".join(r"[\s\-]?".join(map(re.escape, s.split())) for s in spellings)
    tree = alternation_tree(
        [(f, "".join(rf"[\s\-]?{re.escape(w)}" for w in more)) for f, *more in map(str.split, spellings)]
    )
    assert spans(rf"(?<![\w])(?:{tree})(?![\w])", text) == spans(rf"(?<![\w])(?:{plain})(?![\w])", text)


# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội",
        "Łódź",
        "İstanbul",
        "ΟΔΟΣ ΣΑΣ",
        "Straße",
        "\u212a",
        "ĐẮK LẮK",
        "plain",
        # long texts go through the character table; one beyond it takes the plain way
        "Hà Nội, ΟΔΟΣ ΣΑΣ, İstanbul, Łódź, Straße, \u212a, ĐẮK LẮK " * 3,
        "ĐẮK LẮK " * 10 + "\u3042",
    ],
)
def test_fold_is_fold_char_of_every_character(text):
    assert places.fold(text) == "".join(places.fold_char(ch) for ch in text)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=places.LONG_TEXT, max_size=200))
def test_a_long_text_is_folded_character_by_character(text):
    assert places.fold(text) == "".join(places.fold_char(ch) for ch in text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_the_numbers_fold_is_the_gazetteer_fold_then_its_own_letters(text):
    by_char = "".join(places.fold_char(ch) for ch in text)
    assert numbers.fold(text) == by_char.translate(str.maketrans(numbers._LETTERS))
    assert numbers.fold(text) == numbers.fold(text)  # the second fold comes from the recent folds


def test_a_fold_of_a_long_text_is_not_kept():
    text = "é" * (places.RECENT_MAX_CHARS + 1)
    places._RECENT.clear()
    assert places.fold(text) == "e" * len(text)
    assert text not in places._RECENT


# --------------------------------------------------------------------------- gazetteer


def _plain_gazetteer() -> str:
    spellings = sorted(places._keyword_table(), key=len, reverse=True)
    alts = "|".join(r"[\s\-]?".join(re.escape(part) for part in s.split()) for s in spellings)
    return rf"(?<![\w])(?:{alts})(?![\w])"


GAZETTEER_PIECES = sorted(places._keyword_table())[:40] + ["ha", "noi", "-", "city", "tinh", ",", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GAZETTEER_PIECES), max_size=10), st.sampled_from([" ", "-", "", "  "]))
def test_the_gazetteer_pattern_finds_what_the_plain_alternation_finds(pieces, glue):
    text = glue.join(pieces)
    assert spans(places._pattern(), text) == spans(_plain_gazetteer(), text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(GAZETTEER_PIECES + ["xha noi", "(", ". ", "\n"]), max_size=10),
    st.sampled_from([" ", "-", "", "  "]),
    st.integers(0, 60),
    st.integers(0, 90),
)
def test_names_are_found_from_the_character_before_them_as_the_gazetteer_pattern_finds_them(
    pieces, glue, pos, endpos
):
    text = glue.join(pieces)
    expected = [m.span() for m in places._pattern().finditer(text, pos, endpos)]
    assert places.spelling_spans(text, pos, endpos) == expected


def test_the_scan_text_keeps_every_character_in_its_class_for_an_ascii_pattern():
    for code in range(places.CharMap.CHARS):
        ch = places.scan_char(chr(code))
        assert len(ch) == 1 and ch.isascii()
        for cls in (r"\w", r"\s"):
            assert bool(re.match(cls, chr(code))) == bool(re.match(cls, ch, re.ASCII)), (code, cls)
        if chr(code).isascii() and chr(code) not in "\x1c\x1d\x1e\x1f":
            assert ch == chr(code)


SCAN_PIECES = GAZETTEER_PIECES + [
    "ł",
    "łao cai",
    "\u00a0",
    "ha\u00a0noi",
    "«",
    "–",
    "\x1c",
    "σ",
    "é",
    "\u0301",
    "_",
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(SCAN_PIECES), max_size=10),
    st.sampled_from([" ", "-", "", "  ", "\u2009"]),
    st.integers(0, 60),
    st.integers(0, 90),
)
def test_names_read_off_the_scan_text_are_the_names_of_the_folded_text(pieces, glue, pos, endpos):
    folded = places.fold(glue.join(pieces))
    scan = places.scan_text(folded)
    assert scan is not None and len(scan) == len(folded)
    assert places.scan_spans(scan, pos, endpos) == places.spelling_spans(folded, pos, endpos)
    alone = [(a + pos, b + pos) for a, b in places.spelling_spans(folded[pos:endpos])] if pos < endpos else []
    assert places.scan_spans(scan, pos, endpos, alone=True) == alone


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(SCAN_PIECES + ["Hà Nội", "Cà Mau", "\n", "Łódź"]), max_size=14),
    st.lists(st.integers(0, 80), max_size=8),
)
def test_places_found_in_spans_of_a_text_are_those_found_in_each_span_alone(pieces, cuts):
    text = " ".join(pieces)
    bounds = sorted({min(c, len(text)) for c in cuts})
    spans = list(zip(bounds, bounds[1:], strict=False))
    expected = [
        (m.start + s, m.end + s, m.raw, m.province, m.legacy)
        for s, e in spans
        for m in places.find_places(text[s:e])
    ]
    found = [(m.start, m.end, m.raw, m.province, m.legacy) for m in places.find_places_in(text, spans)]
    assert found == expected


def test_a_text_beyond_the_scan_table_is_searched_span_by_span():
    text = "Hà Nội \u3042 Cà Mau"
    assert places.scan_text(places.fold(text)) is None
    assert [m.province for m in places.find_places_in(text, [(0, 6), (9, len(text))])] == ["Hà Nội", "Cà Mau"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(SCAN_PIECES + ["Łao Cai", "Hà Nội"]), max_size=10),
    st.integers(0, 30),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_the_figures_read_places_off_the_scan_text_as_off_their_folded_segment(pieces, offset, s, e):
    text = "x" * offset + " ".join(pieces)  # a segment at `offset`, a letter right before it
    whole = metrics.fold(text)
    seg_text, seg_folded = text[offset:], whole[offset:]
    s, e = min(s, len(seg_text)), min(max(s, e), len(seg_text))
    plain = metrics._places_in(seg_text, seg_folded, s, e)
    assert metrics._places_in(seg_text, seg_folded, s, e, places.scan_text(whole), offset) == plain


# --------------------------------------------------------------------------- wording matchers


def _find_word_by_word(table: dict[str, list[str]], folded: str, lo: int, hi: int) -> list:
    """`Matcher.find` by its definition: at each word start, every pattern tried."""
    entries = [
        (re.compile(rf"(?:{metrics.fold(p)})(?![\w])"), key) for key, pats in table.items() for p in pats
    ]
    out, last = [], lo
    for w in re.finditer(r"(?<![\w])[\w\[(]", folded[:hi]):
        pos = w.start()
        if pos < lo or pos < last:
            continue
        best: dict[str, int] = {}
        for rx, key in entries:
            m = rx.match(folded, pos, hi)
            if m and m.end() > best.get(key, -1):
                best[key] = m.end()
        if best:
            out += sorted(((pos, end, key) for key, end in best.items()), key=lambda k: -k[1])
            last = max(best.values())
    return out


TABLE = {
    "tasks": ["tareas", "tareas? (?:\\w+ ){0,2}completadas", "metas"],
    "online": ["(?:registros|solicitudes)(?: \\w+){0,3} (?:en linea|online)", "en linea"],
    "mobile": ["[345]g", "cobertura movil", "cobertura"],
    "rank": ["indice", "indice de transformacion"],
}
TABLE_WORDS = [
    "tareas",
    "tarea",
    "completadas",
    "metas",
    "registros",
    "en",
    "linea",
    "online",
    "4g",
    "5g",
    "cobertura",
    "movil",
    "indice",
    "de",
    "transformacion",
    "la",
    "x",
    "(tareas",
    "[5g",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TABLE_WORDS), max_size=12), st.integers(0, 20), st.integers(0, 200))
def test_a_matcher_finds_what_trying_every_pattern_at_every_word_finds(words, lo, hi):
    text = " ".join(words)
    hi = min(hi, len(text))
    lo = min(lo, hi)
    assert metrics.Matcher(TABLE).find(text, lo, hi) == _find_word_by_word(TABLE, text, lo, hi)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TABLE_WORDS), max_size=12))
def test_matchers_in_one_pass_find_what_each_finds_alone(words):
    text = " ".join(words)
    parts = [metrics.Matcher({k: v}) for k, v in TABLE.items()]
    together = metrics.Matchers(*parts).find(text, 0, len(text))
    assert together == [m.find(text, 0, len(text)) for m in parts]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TABLE_WORDS + ["(", "((tareas", "x(", "-"]), max_size=12),
    st.sampled_from([" ", "", "  "]),
    st.integers(0, 20),
    st.integers(0, 200),
)
def test_matchers_in_one_pass_find_in_a_span_what_every_pattern_at_every_word_finds(words, glue, lo, hi):
    text = glue.join(words)
    hi = min(hi, len(text))
    lo = min(lo, hi)
    tables = [{k: v} for k, v in TABLE.items()]
    together = metrics.Matchers(*map(metrics.Matcher, tables)).find(text, lo, hi)
    assert together == [_find_word_by_word(t, text, lo, hi) for t in tables]


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_finds_its_wording_in_one_pass_as_each_matcher_alone(lang):
    lex = metrics.lexicon(lang)
    text = metrics.fold(
        " ".join(p for m in (lex.keys, lex.status, lex.scope) for p in m.patterns if p.isalpha())
    )
    assert lex.wording.find(text, 0, len(text)) == [m.find(text, 0, len(text)) for m in lex.wording.matchers]


def _context_pieces(lang: str) -> list[str]:
    stems = {w for ctx in metrics.lexicon(lang).context.values() for w in ctx.pattern.pattern.split("|")}
    plain = sorted(w for w in stems if re.fullmatch(r"[\w ]+", w))[:30]
    return plain + ["x" + w for w in plain[:5]] + ["x", "(", ",", "2025", "é", "_"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_context_is_found_as_its_plain_pattern_finds_it(lang):
    contexts = list(metrics.lexicon(lang).context.values())
    assert contexts

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(st.sampled_from(_context_pieces(lang)), max_size=8),
        st.sampled_from([" ", "", "-"]),
        st.integers(0, 40),
        st.integers(0, 120),
    )
    def check(pieces, glue, pos, endpos):
        text = glue.join(pieces)
        for ctx in contexts:
            assert ctx.found(text, pos, endpos) == (ctx.pattern.search(text, pos, endpos) is not None)

    check()


# --------------------------------------------------------------------------- numbers

PLAIN_DIGITS = (
    r"(?:(?<![\w])|(?<=VND)|(?<=VNĐ)|(?<=USD))(?:[0-9]{1,3}(?P<g>[.,\u0020\u00a0\u202f\u2009])[0-9]{3}"
    r"(?:(?P=g)[0-9]{3})*(?![0-9])(?:[.,][0-9]+)?|[0-9]+(?:[.,][0-9]+)?)"
)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789 .,\u00a0VNDĐUSa-/", max_size=40))
def test_digit_runs_are_found_as_the_plain_pattern_finds_them(text):
    assert spans(numbers._DIGITS, text) == spans(PLAIN_DIGITS, text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "before", ["más de ", "hasta el ", "plus de ", "ponad ", "more than ", "über ", "circa ", "de ", "", "x"]
)
def test_the_qualifier_is_found_as_the_named_pattern_finds_it(lang, before):
    r = numbers.rules(lang)
    before = numbers.fold(before)
    fast, plain = numbers._qualifier_before(before, r), r.qualifier_before.search(before)
    assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup))


GATED = [
    "currency_before",
    "qualifier_before",
    "qualifier_any",
    "not_qualifier",
    "rank_before",
    "rank_place_before",
    "rank_verb",
    "score_before",
    "date_before",
    "version_before",
    "doc_before",
    "phone_before",
]


def _cue_pieces(lang: str) -> list[str]:
    """Plain words of every list of the language's number wording, and marks."""
    d = numbers.merge_data(lang)
    lists = [v for v in d.values() if isinstance(v, list)]
    lists += [v for t in d.values() if isinstance(t, dict) for v in t.values() if isinstance(v, list)]
    words = {w if isinstance(w, str) else w[0] for ws in lists for w in ws} | set(d.get("months", {}))
    plain = sorted(w for w in words if isinstance(w, str) and re.fullmatch(r"[\w ]+", w))
    return plain + ["n.º", "nº", "#", "$", "€", ":", ".", ",", "(", "x", "2025", "\u00a0", "\n"]


def _befores(lang: str) -> st.SearchStrategy[str]:
    """What stands before a number (the folded tail the reader looks at): the language's cue words
    and marks in any order, ended by nothing, spaces or a colon."""
    return st.builds(
        lambda pieces, end: numbers.fold(" ".join(pieces) + end)[-36:],
        st.lists(st.sampled_from(_cue_pieces(lang)), max_size=6),
        st.sampled_from(["", " ", "  ", ": "]),
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_before_pattern_matches_where_the_cue_search_finds_nothing(lang):
    r = numbers.rules(lang)

    @settings(max_examples=300, deadline=None)
    @given(_befores(lang))
    def check(before):
        if r.cue_before.search(before) is None:
            assert not [name for name in GATED if getattr(r, name).search(before)]

    check()


@pytest.mark.parametrize("lang", LANGS)
def test_every_before_pattern_searched_from_the_cue_found_finds_what_it_finds_from_the_start(lang):
    r = numbers.rules(lang)

    @settings(max_examples=300, deadline=None)
    @given(_befores(lang))
    def check(before):
        cue = r.cue_before.search(before)
        if cue is not None:
            for name in GATED:
                rx = getattr(r, name)
                fast, plain = rx.search(before, cue.start()), rx.search(before)
                assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup))
            fast, plain = numbers._qualifier_before(before, r, cue.start()), r.qualifier_before.search(before)
            assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup))

    check()


@pytest.mark.parametrize(
    ("lang", "text", "qualifier", "unit"),
    [
        ("es", "más de US$ 5 millones", "more_than", "USD"),  # the qualifier stands before the cue found
        ("en", "more than VND 20 billion", "more_than", "VND"),
        ("es", "más de 2.517 servicios", "more_than", "count"),
        ("pl", "ponad 120 zadań", "more_than", "count"),
    ],
)
def test_a_qualifier_before_a_currency_is_read(lang, text, qualifier, unit):
    (q,) = [q for q in numbers.read_numbers(text, lang) if q.is_figure]
    assert (q.qualifier, q.unit) == (qualifier, unit)


@pytest.mark.parametrize("lang", LANGS)
def test_no_after_pattern_matches_where_the_cue_after_finds_nothing(lang):
    r = numbers.rules(lang)

    @settings(max_examples=300, deadline=None)
    @given(
        st.sampled_from(["", " ", "  ", "\u00a0", "("]),
        st.lists(st.sampled_from(_cue_pieces(lang)), max_size=4),
    )
    def check(space, pieces):
        after = numbers.fold(space + " ".join(pieces))
        if r.cue_after.match(after) is None:
            assert not [name for name in numbers._AFTER_GATED if getattr(r, name).match(after)]

    check()


@pytest.mark.parametrize(
    ("lang", "after", "pattern"),
    [
        ("es", " por ciento", "percent"),
        ("pl", " proc.", "percent"),
        ("es", " millones de", "scale"),
        ("en", " VND", "currency"),
        ("fr", " (USD)", "currency"),
        ("en", " ha", "unit"),
        ("en", "-15%", "range_percent"),
        ("en", " or more", "qualifier_after"),
        ("en", " years", "period_after"),
    ],
)
def test_the_cue_after_finds_the_words_that_follow_a_figure(lang, after, pattern):
    r = numbers.rules(lang)
    assert getattr(r, pattern).match(numbers.fold(after))
    assert r.cue_after.match(numbers.fold(after))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1-/+ \n", max_size=12))
def test_a_code_before_the_digits_is_found_from_the_end(before):
    assert bool(numbers._CODE_BEFORE.search(before, len(before) - 3)) == bool(
        numbers._CODE_BEFORE.search(before)
    )


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "15", "08", "234", "2025", "1999", ".", "/", "-", ",", " ", "a"]), max_size=8
    )
)
def test_a_full_date_read_from_a_digit_run_goes_on_with_a_mark_after_it(pieces):
    text = "".join(pieces)
    for m in numbers._DIGITS.finditer(text):
        if numbers._FULL_DATE.match(text, m.start()) or numbers.rules("en").numeric_date.match(text, m.end()):
            assert text[m.end() : m.end() + 1] in numbers._DATE_MARKS


def _in_numeric_date_plain(folded: str, start: int) -> bool:
    head = folded[max(0, start - 6) : start]
    if re.search(r"(?<![0-9])[0-9]{1,2}([/.\-])[0-9]{1,2}\1$", head):  # the same mark twice
        return True
    return bool(
        re.search(r"(?<![0-9])[0-9]{1,2}[/.\-]$", head)
        and re.match(r"[0-9]{1,2}[/.\-][0-9]{2,4}(?![0-9])", folded[start : start + 8])
    )


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0127/.-\n a", max_size=16), st.integers(0, 16))
def test_the_parts_of_a_numeric_date_are_recognised_as_by_the_plain_patterns(folded, start):
    start = min(start, len(folded))
    assert numbers._in_numeric_date(folded, start) == _in_numeric_date_plain(folded, start)


# --------------------------------------------------------------------------- sentences and periods


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?…»)\n aB", max_size=20))
def test_sentence_ends_are_found_as_the_plain_pattern_finds_them(text):
    assert spans(metrics._SENTENCE_END, text) == spans(r"[.!?…]+[»\"”’)]*(?=\s+\S)|\n", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=";:,0 a", max_size=20))
def test_clause_marks_are_found_as_the_plain_pattern_finds_them(text):
    assert spans(metrics._COMMA_CLAUSE, text) == spans(r"[;:]|,(?![0-9])", text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1'- (", max_size=24))
def test_a_bracketed_share_gap_is_read_as_the_plain_pattern_reads_it(gap):
    plain = r"\s*(?:[^\W\d_][\w'’\-]*\s*){0,4}\(\s*"
    assert bool(metrics._SHARE_GAP.fullmatch(gap)) == bool(re.fullmatch(plain, gap))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="1920 2025-/.,a", max_size=24))
def test_years_are_found_as_the_plain_patterns_find_them(text):
    r = periods._rules("es")
    year = r"(?<![0-9.,/\-])(?P<y>(?:19|20)[0-9]{2})(?![0-9]|[/\-][0-9a-z])"
    year_range = r"(?<![0-9])(?P<a>(?:19|20)[0-9]{2})\s*[\-–—/]\s*(?P<b>(?:19|20)[0-9]{2})(?![0-9])"
    assert spans(r.year, text) == spans(year, text)
    assert spans(r.year_range, text) == spans(year_range, text)


def _periods_trying_every_pattern(folded: str, lang: str) -> list:
    """`find_periods` without its shortcuts: every expression looked for in every sentence."""
    anything = re.compile("")
    every = dataclasses.replace(periods._rules(lang), month_word=anything, month_unit=anything)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(periods, "_rules", lambda _: every)
        patch.setattr(periods, "_NUMERIC_DATE", anything)
        return periods.find_periods(folded, lang)


PERIOD_WORDS = [
    "en",
    "los",
    "primeros",
    "diez",
    "meses",
    "de",
    "2025",
    "al",
    "30",
    "junio",
    "del",
    "2024",
    "primer",
    "semestre",
    "02/07/2025",
    "2021-2025",
    "mes",
    "tareas",
    ",",
    "12",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_WORDS), max_size=12))
def test_periods_are_the_expressions_found_by_trying_every_pattern(words):
    folded = " ".join(words)
    assert periods.find_periods(folded, "es") == _periods_trying_every_pattern(folded, "es")
