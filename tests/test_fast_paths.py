"""Reading, cleaning, people and per-document quality: each fast path answers as the plain
definition it stands for (the speed work must not change one output byte)."""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import clean, language, names, people, places, roles
from toolkit.corpus import (
    _ANY_CONTROL,
    _CONTROL,
    _MOJIBAKE_SEED,
    _STRAY_CONTROL,
    _read_up_to,
    has_control_bytes,
)
from toolkit.langdata import function_words, load_all
from toolkit.numbers import fold as number_fold
from toolkit.places import fold_char

# --- reading ------------------------------------------------------------------------------------

MOJIBAKE_PRONE = "aé \u0152\u0153\u00c2\u00c3\u0085\u009fłÃ©«»\u00a0\n"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=MOJIBAKE_PRONE, max_size=20))
def test_mojibake_seeds_are_the_plain_patterns_seeds(text):
    plain = re.compile("[^\x00-\x7f]{2}|[\x80-\x9f\u0152\u0153\u00c2\u00c3]")
    assert [m.span() for m in _MOJIBAKE_SEED.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", [_CONTROL, _STRAY_CONTROL])
def test_one_control_scan_finds_every_character_the_other_checks_look_for(pattern):
    chars = [chr(c) for c in range(0x3000) if pattern.match(chr(c))]
    assert chars and all(_ANY_CONTROL.match(ch) for ch in chars)


@given(st.binary(max_size=40), st.integers(0, 50), st.integers(1, 50))
def test_a_file_is_read_up_to_the_limit_whatever_size_was_measured(data, measured, limit):
    """Measured smaller (the file grew since), the same or larger (it shrank): the bytes of one plain read."""
    assert _read_up_to(io.BytesIO(data), measured, limit) == io.BytesIO(data).read(limit)


CONTROL_PRONE = "a é\t\n\r\x00\x08\x0b\x1f\x7f\x80\x85\x9f\xa0\xc2\u2028\u2029\u2027\u202a\u0100\U0001f600"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=CONTROL_PRONE, max_size=20))
def test_control_characters_are_found_in_utf8_bytes_as_in_the_text(text):
    assert has_control_bytes(text.encode("utf-8")) == bool(_ANY_CONTROL.search(text))


def test_every_character_is_a_control_in_its_bytes_as_in_the_text():
    for code in range(0x110000):
        if not 0xD800 <= code < 0xE000:  # (surrogates have no UTF-8 form)
            ch = chr(code)
            assert has_control_bytes(f"a{ch}b".encode()) == bool(_ANY_CONTROL.match(ch)), hex(code)


# --- cleaning -----------------------------------------------------------------------------------


def test_the_invisible_characters_searched_one_by_one_are_the_pattern_class():
    assert {chr(c) for c in range(0x110000) if clean._INVISIBLE.match(chr(c))} == set(clean.INVISIBLE_CHARS)


def test_no_character_decomposes_into_an_invisible_one():
    """What lets `normalise` skip removing invisible characters after NFC when there were none."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if not clean._INVISIBLE.match(ch):
            assert not clean._INVISIBLE.search(unicodedata.normalize("NFD", ch)), hex(code)


def _normalise_by_definition(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean._INVISIBLE.sub("", text)


@given(st.text(alphabet="ae\u0301\r\n \u200b\u00ad\ufeffÅ\u212b", max_size=30))
def test_normalise_is_its_definition(text):
    assert clean.normalise(text) == _normalise_by_definition(text)


@given(st.text(alphabet="aBßẞ \t\u00a0\u2028\u3000İ.\x1f", max_size=30))
def test_duplicate_key_is_the_folded_text_with_white_space_collapsed(text):
    assert clean._duplicate_key(text.strip()) == " ".join(text.strip().casefold().split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aBßẞ \t\u00a0\u2028İ.ﬁ", max_size=80), st.integers(1, 30))
def test_the_opening_of_a_key_is_the_key_cut(text, n):
    text = text.strip()
    assert clean._key_head(text, n) == clean._duplicate_key(text)[:n]


@given(st.text(alphabet="aAßẞİ", max_size=20), st.text(alphabet="aAßẞİ \t", max_size=20))
def test_case_folding_goes_character_by_character(a, b):
    assert (a + b).casefold() == a.casefold() + b.casefold()


def _drop_repeats_by_definition(lines: list[clean.Line]) -> list[clean.Line]:
    """A paragraph goes when its key (folded, spaces collapsed) is an earlier kept one's, or an
    opening of one, or when its key ends as the key of the first earlier kept one whose text ends in
    the same characters does, over most of its length, with no digit before that."""
    keys: list[str] = []  # of the paragraphs kept, in order
    texts: list[str] = []  # the same paragraphs as written
    kept = []
    for line in lines:
        if (
            line.kind in ("body", "caption", "lead", "heading")
            and len(line.text) >= clean.MIN_DUPLICATE_CHARS
        ):
            key = " ".join(line.text.casefold().split())
            if any(other.startswith(key) for other in keys):
                continue
            tail = line.text[-clean.KEY_HEAD_CHARS :]
            first = next(
                (k for t, k in zip(texts, keys, strict=True) if t[-clean.KEY_HEAD_CHARS :] == tail), None
            )
            if first is not None:
                shared = len(os.path.commonprefix([key[::-1], first[::-1]]))
                if shared >= clean.REPEAT_SHARE * len(key) and not any(
                    ch.isdigit() for ch in key[: len(key) - shared]
                ):
                    continue
            keys.append(key)
            texts.append(line.text)
        kept.append(line)
    return kept


PARAGRAPHS = st.sampled_from(
    ["La provincia creció un 8 %.", "LA PROVINCIA  creció un 8 %.", "la provincia creció un 8 %. ", "Straße",
     "STRASSE", "El comité aprobó el plan.", "El comité aprobó el plan anual."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["body", "caption", "title"]), st.lists(PARAGRAPHS, min_size=1, max_size=4)
        ),
        max_size=8,
    )
)
def test_repeated_paragraphs_are_dropped_as_by_the_whole_keys(specs):
    lines = [clean.Line(kind, " ".join(parts * 3).strip()) for kind, parts in specs]
    doc = clean.Document(doc_id="d", path="p")
    kept = clean._drop_repeats(lines, doc)
    assert kept == _drop_repeats_by_definition(lines)
    assert doc.duplicates == [ln.text for ln in lines if not any(ln is k for k in kept)]


def test_folding_never_shortens_a_text():
    """What lets a line longer than every chrome line skip folding before the lookup."""
    assert all(len(chr(c).casefold()) >= 1 for c in range(sys.maxunicode + 1))


LINE_ALPHABET = st.sampled_from(
    ["![", "](x.png)", " |", ")", "(3)", "Comments", "Fuente", ":", " ", "a.jpg", "x"]
)


@given(st.lists(LINE_ALPHABET, max_size=6).map("".join))
def test_line_pattern_prefilters_reject_only_lines_the_patterns_reject(line):
    c = clean.cues()
    if not line.startswith("!["):
        assert not clean._IMAGE_PLACEHOLDER.match(line)
    if not line.endswith(")"):
        assert not c.comment_counter.match(line)
    if " " in line:
        assert not clean._IMAGE_FILE.match(line)
    if ":" not in line:
        assert not c.source_line.match(line) and not c.byline_label.match(line)


# --- names and folding --------------------------------------------------------------------------

FOLD_ALPHABET = "aAéÉłŁđĐßİıΣσςΑ ’'-.,\u00a0\u202fǅẞ𝐀\U0001d15e–“" + "".join(
    chr(c) for c in range(0x2FF0, 0x3010)
)


def _fold_by_definition(text: str) -> str:
    """names.fold as written before the table: lower case, then each non-ASCII character folded."""
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):
        return "".join(fold_char(ch) for ch in text)
    return "".join(ch if ch.isascii() else names._fold_char(re.match(".", ch, re.S)) for ch in low)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=FOLD_ALPHABET, min_size=0, max_size=200))
def test_fold_through_the_table_is_fold(text):
    assert names.fold(text) == _fold_by_definition(text)


@given(st.text(alphabet=FOLD_ALPHABET.replace("Σ", ""), max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_a_slice_of_folded_text_is_the_folded_slice_without_a_capital_sigma(text, a, b):
    assert names.fold(text)[a:b] == names.fold(text[a:b])


@given(st.text(alphabet=FOLD_ALPHABET, max_size=40))
def test_folding_folded_text_changes_nothing(text):
    """What lets an honorific matched on folded text be looked up as it is."""
    assert names.fold(names.fold(text)) == names.fold(text)


def test_folding_a_capital_sigma_differs_only_between_the_two_lower_case_sigmas():
    """The one character folded by its neighbours: people read the folded segment in slices, which
    is safe because σ and ς play the same part in every test the extractors make (lower-case word
    letters, in no wording of any language)."""
    assert names.fold("ΟΔΟΣ") == "οδος" and names.fold("Σ") == "σ"
    wording = [load_all("people"), load_all("boilerplate")]
    assert not re.search("[σςΣ]", repr(wording))


@pytest.mark.parametrize("mapping", [names.fold, number_fold])
def test_char_map_gives_the_per_character_mapping(mapping):
    table = places.CharMap(mapping)
    text = "Ngày 5.3 Łódź «Hà Nội» – 12,5 % ĐỒNG " * 3
    assert table(text) == mapping(text)
    assert table("") is None and table("ok \u3042") is None  # beyond the table: the caller folds


OLD_RUN = re.compile(
    rf"[{names.UPPER}](?<![\w'’\-/@.][{names.UPPER}]){names._REST}"
    rf"(?:[ \u00a0]{{1,2}}{names._WORD})+(?![\w'’\-/@])"
)
RUN_ALPHABET = st.sampled_from(
    ["Nguyen", "Van", "A", "H'Hen", "THANH", "la", "de", " ", "  ", "\u00a0", "-", ".", "Đ", "x"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(RUN_ALPHABET, max_size=12).map("".join))
def test_name_runs_pattern_finds_what_the_pattern_without_look_ahead_finds(text):
    assert [m.span() for m in names.RUN.finditer(text)] == [m.span() for m in OLD_RUN.finditer(text)]


@pytest.mark.parametrize(
    "text, runs",
    [
        (
            "El camarada Ha Van Minh y Lo Thi Mai Anh",
            [(12, 23, ("Ha", "Van", "Minh")), (26, 40, ("Lo", "Thi", "Mai", "Anh"))],
        ),
        (
            "Ha Noi, Ha Noi",
            [(0, 6, ("Ha", "Noi")), (8, 14, ("Ha", "Noi"))],
        ),  # one run read once, placed twice
        ("Foto:  NGUYEN  VAN A", [(7, 20, ("NGUYEN", "VAN", "A"))]),
    ],
)
def test_name_runs_are_placed_where_they_stand(text, runs):
    assert [(r.start, r.end, r.words) for r in names.name_runs(text)] == runs


# --- titles and stops ---------------------------------------------------------------------------

HARD_STOP_BY_DEFINITION = re.compile(r"[;:!?|\n()\[\]«»“”\"]|\.(?=\s|$)|\s[-–—]\s")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=';:!?|\n()[]«»“”". -–—a\t', max_size=12))
def test_hard_stop_pattern_is_its_definition(text):
    assert [m.span() for m in roles.HARD_STOP.finditer(text)] == [
        m.span() for m in HARD_STOP_BY_DEFINITION.finditer(text)
    ]


@given(st.text(alphabet=", -–—\t\na.", max_size=12))
def test_title_split_pattern_is_its_definition(text):
    assert [m.span() for m in roles.SPLIT.finditer(text)] == [
        m.span() for m in re.finditer(r",\s*|\s[-–—]\s", text)
    ]


@pytest.mark.parametrize(
    "lang, before, after",
    [
        (
            "es",
            "Asistió el camarada Ha Van Minh",
            ", subsecretario permanente del Comité Provincial del Partido, presidente del Consejo Popular Provincial; y otros.",
        ),
        ("fr", "Le camarade Le Truong Luu", " (secrétaire du Comité provincial du Parti) a parlé."),
        ("en", "Mr Nguyen Van A", ", Chairman of the Provincial People's Committee, who spoke."),
    ],
)
def test_titles_after_a_name_are_read_the_same_wherever_the_window_stands(lang, before, after):
    """The reading of a window is remembered: the second text, the same window further on, is read
    from memory and must land on its own offsets."""

    def titles(text: str, pos: int) -> list[tuple[str, str]]:
        found = roles.titles_after(roles.lexicon(lang), text, names.fold(text), pos)
        assert all(text[t.start : t.end] == t.text for t in found)
        return [(t.text, t.key) for t in found]

    first = titles(before + after, len(before))
    assert first and first == titles("Texto. " * 30 + before + after, len("Texto. " * 30 + before))


def _stops_by_definition(pattern: str, folded: str) -> list[int]:
    return [
        m.end()
        for m in re.finditer(pattern, folded)
        if m.group(0) != "." or not people.SHORT_WORD_BEFORE.search(folded, max(0, m.start() - 5), m.start())
    ]


@given(
    st.lists(
        st.sampled_from(["A", "b", " ", ";", ".", "Sr.", "(", ")", "!", "|", "«", "»", "\n", "palabra"]),
        max_size=12,
    ).map("".join)
)
def test_clause_and_sentence_starts_come_from_one_scan(text):
    folded = names.fold(text)
    assert people._stops(folded) == (
        _stops_by_definition(people.CLAUSE_STOP.pattern, folded),
        _stops_by_definition(r"[!?|\n.]", folded),
    )


@pytest.mark.parametrize(
    "text, near",
    [
        ("Foto: Van Thang", True),
        ("En la conferencia. Foto: Van Thang", True),
        ("Una frase muy larga sin ninguna apertura antes de los dos puntos que llegan: aquí", False),
        ("Sin dos puntos", False),
        ("a" * 41 + ": x", False),
        ("a" * 40 + ": x", True),
        ("x." + "b" * 40 + ": y", True),
        ("x. " + "b" * 40 + ": y", False),
    ],
)
def test_colon_near_opening_is_the_pattern_searched_anywhere(text, near):
    assert people._colon_near_opening(text) is near
    assert bool(people._CREDIT_NEAR.search(text)) is near


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Según Nguyen Van Minh, la provincia creció."),
        ("es", "En Nguyen Van Minh confían."),  # an opening function word before a family name
        ("fr", "le camarade Le Truong Luu a parlé"),  # after an honorific, `Le` is the family name
        ("es", "la provincia de Lam Dong y Nguyen Van Minh Lam Dong"),
        ("pl", "Pan Tran Thi Mai powiedział"),
        ("en", "Vingroup Ha Noi Nguyen Van Minh"),
    ],
)
def test_a_run_read_from_memory_is_the_run_read_in_place(lang, text):
    lex, folded = roles.lexicon(lang), names.fold(text)
    for run in names.name_runs(text):
        in_place = people._name_after_openers(lex, text, folded, run)
        if in_place is not None and people._after_place_or_org_word(lex, folded, in_place.start):
            in_place = None
        assert people._clean_run(lex, text, folded, run) == in_place
        assert people._clean_run(lex, text, folded, run) == in_place  # the second time from memory


# --- language -----------------------------------------------------------------------------------


def _confirms_by_definition(chunk: str, lang: str) -> bool:
    """language.confirms as first written: every listed language counted, then compared."""
    if not function_words(lang) or len(chunk.strip()) < language.MIN_CHARS:
        return False
    tokens = re.findall(r"\w+", chunk.casefold())
    listed = [code for code in language.CANDIDATES if function_words(code)]
    counts = {code: sum(t in function_words(code) for t in tokens) for code in listed}
    best_other = max((n for code, n in counts.items() if code != lang), default=0)
    return counts[lang] >= language.CONFIRM_SHARE * len(tokens) and counts[lang] > best_other


CHUNK_WORDS = st.sampled_from(
    ["de", "la", "el", "le", "les", "des", "the", "and", "of", "w", "i", "na", "der", "die", "und", "il",
     "di", "que", "do", "em", "Nguyen", "Van", "tỉnh", "của", "2024", ",", ".", " ", "  "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(CHUNK_WORDS, max_size=40).map(" ".join), st.sampled_from(language.CANDIDATES))
def test_a_chunk_confirms_its_language_as_by_the_plain_count(chunk, lang):
    assert language.confirms(chunk, lang) == _confirms_by_definition(chunk, lang)


CREDIT_PIECES = st.sampled_from(
    ["Foto", "FOTO", "fotos", "Texto y fotos", "Por", "Photo credit", "Fot.", "x", " ", "  ", "\t", ":", ": ",
     "(", ".", "é", "_", "Autor", "Zdjęcie"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(CREDIT_PIECES, max_size=12).map("".join), st.sampled_from(["es", "fr", "pl", "en", "de", ""]))
def test_credit_labels_found_from_the_colons_are_the_patterns_matches(text, lang):
    lex, folded = roles.lexicon(lang), names.fold(text)
    found = [(m.span(), m.group(0)) for m in people.credit_labels(lex, folded)]
    assert found == [(m.span(), m.group(0)) for m in lex.credit.finditer(folded)]


def _scope_by_definition(lex: roles.Lexicon, folded: str, lo: int, hi: int) -> str:
    if lex.scope["local"].search(folded, lo, hi):
        return "local"
    c, p = lex.scope["central"].search(folded, lo, hi), lex.scope["provincial"].search(folded, lo, hi)
    return "central" if c and (p is None or c.start() < p.start()) else "provincial"


SCOPE_WORDS = st.sampled_from(
    [
        "central",
        "nacional",
        "provincia",
        "provincial",
        "de la provincia",
        "distrito",
        "comuna",
        "del",
        " ",
        ", ",
    ]
)


@given(st.lists(SCOPE_WORDS, max_size=8).map("".join), st.integers(0, 20), st.integers(0, 60))
def test_the_scope_of_a_title_is_read_as_by_its_definition(text, lo, hi):
    lex = roles.lexicon("es")
    assert roles._scope(lex, text, lo, hi) == _scope_by_definition(lex, text, lo, hi)


def test_titles_and_name_spans_are_read_only():
    title = roles.Title("presidente", 0, 10, "head", "", "provincial", "chair", "m")
    span = names.NameSpan(0, 10, ("Nguyen", "Van", "A"))
    with pytest.raises(AttributeError):
        title.start = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]
    assert span.text == "Nguyen Van A"


def _split_by_definition(run: str) -> tuple[names.NameSpan, ...]:
    out, words, mixed = [], [], names._mixed(run)
    for pos, w in names.word_offsets(run):
        if names.is_syllable(w) and not (w.isupper() and len(w) > 1 and mixed):
            words.append((pos, w))
        else:
            out += names._piece(words)
            words = []
    return tuple(out + names._piece(words))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Nguyen", "Van", "A", "THANH", "VNA", "El", "Comité", "H'Hen", "Le"]),
        min_size=1,
        max_size=12,
    )
)
def test_a_run_is_split_as_by_its_definition(words):
    run = " ".join(words)
    assert names._split.__wrapped__(run) == _split_by_definition(run)


HONORIFIC_PIECES = st.sampled_from(
    ["camarada", "camaradas", "sr.", "sra.", "señor", "don", "m.", "mme", "herr", "pan", "pani", "mr", " ", ", ",
     ": ", ".", "a", "Nguyen", "x"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(HONORIFIC_PIECES, max_size=12).map("".join),
    st.integers(0, 80),
    st.sampled_from(["es", "fr", "pl", "en", "de", ""]),
)
def test_honorifics_read_up_to_a_name_are_those_a_full_read_finds_before_it(text, before, lang):
    lex, folded = roles.lexicon(lang), names.fold(text)
    full = people._Honorifics(roles.honorifics_in(lex, folded))
    cut = people._Honorifics(roles.honorifics_in(lex, folded, before=before))
    for pos in range(min(before, len(folded)) + 1):
        for ask in ("last_ending_by", "last_starting_before"):
            a, b = getattr(full, ask)(pos), getattr(cut, ask)(pos)
            assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0)))


@given(st.text(alphabet='ab ;.:!?|\n()«»“”"Sr', max_size=30), st.integers(0, 35))
def test_stops_read_up_to_a_name_are_the_full_reads_stops_before_it(text, before):
    full, cut = people._stops(text), people._stops(text, before=before)
    assert cut == tuple([s for s in stops if s <= before] for stops in full)
