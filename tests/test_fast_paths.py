"""Reading, cleaning, people and per-document quality: each fast path answers as the plain
definition it stands for (the speed work must not change one output byte)."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import clean
from toolkit.corpus import _ANY_CONTROL, _CONTROL, _MOJIBAKE_SEED, _STRAY_CONTROL

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


# --- cleaning -----------------------------------------------------------------------------------


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
