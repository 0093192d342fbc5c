"""Titles of officials and their role keys (ROLES.md), from per-language data.

A title is read as a *head* (secretary, deputy head, member...) and the
*organisation* it belongs to (Provincial Party Committee, People's Committee,
a commission...), with a *scope* (central, provincial, local). The key comes
from one table over those three (`rules` in `toolkit/data/people/_common.toml`),
so the seven languages share the logic and differ only in wording
(`toolkit/data/people/<lang>.toml`). All matching runs on folded text
(lower case, no diacritics), whose offsets equal the original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import NamedTuple

from toolkit.catalogues import roles as role_catalogue
from toolkit.langdata import languages, load
from toolkit.names import fold, is_name_word, surnames
from toolkit.places import find_places

# A title is never longer than this; a caption without punctuation runs on into the sentence.
MAX_TITLE_CHARS = 320
# How far into a piece of text its head word may start (`y el presidente`, `and the Chairman`).
MAX_HEAD_OFFSET_WORDS = 2
# A head word (with its opening words) fits in this many characters.
HEAD_WINDOW = 80
# Characters that end the titles of a name (a comma does not: titles are comma-separated):
# `[;:!?|\n()\[\]«»“”"]`, or `.` before a space or the end, or a dash between spaces. Written to
# open with one class of every character a stop can start with, so that the engine skips the
# letters in between at C speed, then told apart by looking back at that character.
_HARD = ';:!?|\n()\\[\\]«»“”"'
HARD_STOP = re.compile(rf"[{_HARD}.\s](?:(?<=[{_HARD}])|(?<=\.)(?=\s|$)|(?<=\s)[-–—]\s)")
# How many windows of titles (`_titles_in_window`) are remembered (a window is at most
# MAX_TITLE_CHARS of text, so the memory stays under a few MB per process).
TITLES_CACHE = 4096
# Heads that are central whatever follows them.
CENTRAL_HEADS = frozenset(
    {
        "general_secretary",
        "prime_minister",
        "deputy_prime_minister",
        "state_president",
        "minister",
        "deputy_minister",
    }
)
# What may stand between a name and the titles after it.
OPENS_TITLES = re.compile(r"\s*(?:,|\s?[-–—]|\()\s*")
# Where titles split: `,\s*` or a dash between spaces (opening with the class of both first
# characters, like HARD_STOP, so that the engine skips the letters in between).
SPLIT = re.compile(r"[,\s](?:(?<=,)\s*|(?<=\s)[-–—]\s)")


class Title(NamedTuple):
    """One title of one person, with offsets relative to the text it was read from. (A named
    tuple: read-only like a frozen dataclass, and made three times as fast; dozens per article.)"""

    text: str
    start: int
    end: int
    head: str
    org: str
    scope: str  # central | provincial | local
    key: str  # a role key, `other`, or `-` for a post that makes no official (a company's director)
    gender: str  # f | m | ''
    # a title of several people (`los vicepresidentes`): the names listed after it share it
    plural: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The compiled wording of one language (or of all, for an unknown language)."""

    lang: str
    heads: Classes
    org_link: re.Pattern | None  # `of the`, `vom`, `del`: an organisation named after the name
    orgs: Classes
    scope: dict[str, re.Pattern]
    feminine: re.Pattern
    masculine: re.Pattern
    rules: tuple[tuple[str, str, str, str], ...]
    honorific: re.Pattern
    honorifics: dict[str, tuple[str, str, str, bool]]  # folded -> (as listed, kind, gender, plural)
    articles: dict[str, str]  # folded article -> gender ('' for `the`, `los`, `die`)
    connectors: frozenset[str]
    joiner: re.Pattern
    stop: frozenset[str]
    place: frozenset[str]
    place_adjectives: frozenset[str]  # `economic` in `Nghi Son Economic Zone`, `Zona Económica de X`
    place_suffixes: tuple[str, ...]  # compounds ending in a place word: `Wirtschaftszone Dung Quất`
    org_words: frozenset[str]
    private: re.Pattern
    name_case_endings: tuple  # `Thanga`: endings a language adds to a name's last word (Polish cases)
    credit: re.Pattern
    byline: re.Pattern
    agencies: frozenset[str]
    not_names: frozenset[str]
    # the longest credit label: a `credit` match starts at most this far before its colon's spaces
    credit_reach: int
    # labels that credit the name right after them with no colon (`Photo by NAME`), folded
    credit_by: tuple[str, ...] = ()
    # personal pronouns (a pattern on folded text) and the gender each marks (as written, lower case)
    pronoun: re.Pattern | None = None
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    longest_honorific: int = 0  # set by `lexicon`
    # words opening a relative clause that gives a name's title (`NAME, who is also a member of ...`)
    relative: re.Pattern | None = None

    openers: frozenset[str] = frozenset()  # function words and honorifics that may open a run
    not_people: frozenset[str] = frozenset()  # not_names and agencies
    skip_before: frozenset[str] = frozenset()  # connectors and function words
    place_or_org: frozenset[str] = frozenset()  # place words and organisation words


def honorifics_in(lex: Lexicon, folded: str, before: int | None = None) -> list[re.Match]:
    """Honorifics in folded text that start a word (no look-behind in the pattern: it stays fast).
    `before`: only those starting before it are needed; the text is read no further than that and
    the longest honorific (with a character for the look-ahead), so the ones wanted are all there
    as a full read finds them (any found beyond start after `before`)."""
    end = len(folded) if before is None else min(len(folded), before + lex.longest_honorific + 1)
    return [
        m
        for m in lex.honorific.finditer(folded, 0, end)
        if m.start() == 0 or not folded[m.start() - 1].isalnum()
    ]


def _alt(patterns: list[str]) -> str:
    return "|".join(f"(?:{fold(p)})" for p in sorted(set(patterns), key=len, reverse=True)) or "(?!x)x"


def _words_re(words: list[str]) -> str:
    return "|".join(re.escape(fold(w)) for w in sorted(set(words), key=len, reverse=True)) or "(?!x)x"


def _merged(lang: str) -> list[dict]:
    """The data files to read: the language's own, or all of them when it has none."""
    langs = [lang] if lang in languages("people") else list(languages("people"))
    return [load("people", code) for code in [*langs, "_common"]]


def _collect(files: list[dict], *path: str) -> list:
    out: list = []
    for data in files:
        node = data
        for part in path:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, list):
            out += node
    return out


@dataclass(frozen=True)
class Classes:
    """Word classes (head kinds, organisation kinds) compiled into one pattern; longest wording first."""

    pattern: re.Pattern
    names: dict[int, str]  # group index -> class
    plural: frozenset[int] = frozenset()  # group indices of plural wording


def _classes(files: list[dict], section: str, plural_section: str = "") -> Classes:
    """One pattern over the wording of `section` and, marked plural, that of `plural_section`."""
    pairs = sorted(
        {
            (cls, fold(p), sec == plural_section)
            for sec in filter(None, (section, plural_section))
            for data in files
            for cls, pats in data.get(sec, {}).items()
            for p in pats
        },
        key=lambda cp: (not cp[2], -len(cp[1]), cp),  # plural forms first: `vicedirector\w*` would take them
    )
    parts, names, plural, index = [], {}, set(), 1
    for cls, pat, is_plural in pairs:
        names[index] = cls
        if is_plural:
            plural.add(index)
        # A leading letter outside the group lets the engine skip the alternative at one glance.
        literal = len(pat) > 1 and pat[0].isalpha() and pat[1] not in "?*+{"
        parts.append(f"{pat[0]}({pat[1:]})" if literal else f"({pat})")
        index += 1 + re.compile(pat).groups
    body = "|".join(parts) or "(?!x)x"
    return Classes(re.compile(rf"(?<!\w)(?:{body})(?!\w)"), names, frozenset(plural))


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled wording for `lang` (all languages merged when `lang` has no data file)."""
    lex = _lexicon(lang)
    return replace(
        lex,
        openers=lex.stop | frozenset(lex.honorifics),
        not_people=lex.not_names | lex.agencies,
        skip_before=lex.connectors | lex.stop,
        place_or_org=lex.place | lex.org_words,
        longest_honorific=max(map(len, lex.honorifics), default=0),
    )


def _org_link(links: list[str]) -> re.Pattern | None:
    """`of the`, `, del`: the words right after a name that lead to an organisation."""
    if not links:
        return None
    return re.compile(rf",?\s+(?:{_words_re(links)})\s+")


def _lexicon(lang: str) -> Lexicon:
    files = _merged(lang)
    common = load("people", "_common")
    hon: dict[str, tuple[str, str, str, bool]] = {}
    for data in files:
        h = data.get("honorifics", {})
        fem, masc = {fold(w) for w in h.get("feminine", [])}, {fold(w) for w in h.get("masculine", [])}
        plural = {fold(w) for w in h.get("plural", [])}
        for kind in ("comrade", "courtesy", "military"):
            for w in h.get(kind, []):
                f = fold(w)
                gender = "f" if f in fem else "m" if f in masc else ""
                hon.setdefault(f, (w, "courtesy" if kind == "military" else kind, gender, f in plural))
    articles = {fold(w): "" for w in _collect(files, "articles", "neutral")}
    articles.update({fold(w): "m" for w in _collect(files, "articles", "masculine")})
    articles.update({fold(w): "f" for w in _collect(files, "articles", "feminine")})
    labels = _collect(files, "words", "credit_labels") + _byline_labels(lang)
    return Lexicon(
        lang=lang,
        heads=_classes(files, "heads", "plural_heads"),
        org_link=_org_link(_collect(files, "words", "org_links")),
        orgs=_classes(files, "orgs"),
        scope={k: re.compile(rf"(?<!\w)(?:{_alt(_collect(files, 'scope', k))})(?!\w)") for k in SCOPES},
        feminine=re.compile(_alt(_collect(files, "gender", "feminine"))),
        masculine=re.compile(_alt(_collect(files, "gender", "masculine"))),
        rules=tuple(tuple(r) for r in common.get("rules", [])),
        honorific=re.compile(rf"(?:{_words_re(list(hon))})(?=[\s:,])"),  # word start checked by honorifics_in
        honorifics=hon,
        articles=articles,
        connectors=frozenset(fold(w) for w in _collect(files, "connectors")),
        joiner=re.compile(rf"\s(?:{_words_re(_collect(files, 'joiners'))})\s"),
        stop=frozenset(fold(w) for w in _collect(files, "words", "stop")),
        place=frozenset(fold(w) for w in _collect(files, "words", "place")),
        place_adjectives=frozenset(fold(w) for w in _collect(files, "words", "place_adjectives")),
        place_suffixes=tuple(sorted({fold(w) for w in _collect(files, "words", "place_suffixes")})),
        org_words=frozenset(fold(w) for w in _collect(files, "words", "org")),
        private=re.compile(rf"(?<!\w)(?:{_alt(_collect(files, 'words', 'private'))})(?!\w)"),
        name_case_endings=tuple(
            sorted(set(_collect(files, "words", "name_case_endings")), key=len, reverse=True)
        ),
        credit=re.compile(rf"(?<!\w)(?:{_words_re(labels)})\s*:\s*", re.I),
        byline=re.compile(rf"^\s*({_words_re(labels)})(?:\s*:\s*|\s+)", re.I),  # `By NAME` needs no colon
        agencies=frozenset(fold(w) for w in common.get("agencies", [])),
        not_names=frozenset(fold(w) for w in common.get("not_names", [])),
        credit_reach=max((len(fold(w)) for w in labels), default=0),
        **_pronouns(lang),
        relative=_relative(files),
        credit_by=tuple(
            sorted({fold(w) for w in _collect(files, "words", "credit_by_labels")}, key=len, reverse=True)
        ),
    )


SCOPES = ("central", "provincial", "local")


def _relative(files: list[dict]) -> re.Pattern | None:
    words = _collect(files, "relative")
    return re.compile(rf"(?:{_words_re(words)})\s+") if words else None


def _pronouns(lang: str) -> dict:
    """The language's own personal pronouns (none for an unknown language: `on` is Polish `he`
    and an English preposition): `pronoun`, a pattern on folded text, and `pronoun_genders`, the
    gender of each as written in lower case (`él` is a pronoun, `el` the article both fold to)."""
    if lang not in languages("people"):
        return {}
    data = load("people", lang).get("pronouns", {})
    genders = {w.lower(): g for g, key in (("m", "masculine"), ("f", "feminine")) for w in data.get(key, [])}
    if not genders:
        return {}
    # One branch per first letter, the look-behind after it: the engine skips to those letters.
    by_first: dict[str, list[str]] = {}
    for w in sorted({fold(w) for w in genders}, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    body = "|".join(
        f"{re.escape(c)}(?<!\\w{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in by_first.items()
    )
    return {"pronoun": re.compile(rf"(?:{body})(?!\w)"), "pronoun_genders": genders}


def _byline_labels(lang: str) -> list[str]:
    """The cleaner's byline labels (boilerplate data) count as credit labels too."""
    langs = [lang, "_common"] if lang in languages("boilerplate") else [*languages("boilerplate"), "_common"]
    return [w for code in langs for w in load("boilerplate", code).get("byline_labels", [])]


@cache
def key_levels() -> dict[str, str]:
    """Role key -> level (central, provincial, press) from the role catalogue."""
    cat = role_catalogue()
    return dict(zip(cat["key"], cat["level"], strict=True))


def _leftmost(classes: Classes, folded: str, lo: int = 0, hi: int | None = None):
    """(class, match) of the leftmost match of any class in folded[lo:hi], or None."""
    m = classes.pattern.search(folded, lo, len(folded) if hi is None else hi)
    if m is None:
        return None
    return classes.names[m.lastindex], m  # the alternative's own group closes last


def head_at_start(lex: Lexicon, folded: str, lo: int, hi: int):
    """The head word opening folded[lo:hi] (after at most two words such as `y el`), or None."""
    cut = folded.find(" ", min(hi, lo + HEAD_WINDOW))  # heads are short: look at the opening words only
    found = _leftmost(lex.heads, folded, lo, hi if cut < 0 or cut > hi else cut)
    if found is None:
        return None
    if len(folded[lo : found[1].start()].split()) > MAX_HEAD_OFFSET_WORDS:
        return None
    return found


def classify(lex: Lexicon, text: str, folded: str, lo: int, hi: int, head) -> Title:
    """The title in text[lo:hi] whose head match is `head` (class, match)."""
    cls, hm = head
    org = _leftmost(lex.orgs, folded, hm.end(), hi) or _org_before(lex, folded, lo, hm.start())
    org_cls = org[0] if org else ""
    scope = "central" if cls in CENTRAL_HEADS else _scope(lex, folded, hm.end(), hi)
    if org_cls == "ministry" and scope != "local" and _provincial_ministry(lex, folded, org[1].end(), hi):
        org_cls, scope = "department", "provincial"
    elif org_cls == "na_delegation":
        scope = "provincial"  # a province's delegation to the National Assembly, however national it sounds
    key = _rule(lex.lang, cls, org_cls, scope)
    start = min(hm.start(), org[1].start()) if org else hm.start()  # `Politburo member`
    end = _trim_end(text, start, hi)
    if hm.lastindex in lex.heads.plural:  # several people: no one's gender
        return Title(text[start:end], start, end, cls, org_cls, scope, key, "", True)
    return Title(text[start:end], start, end, cls, org_cls, scope, key, _gender(lex.lang, hm.group(0)))


def _provincial_ministry(lex: Lexicon, folded: str, lo: int, hi: int) -> bool:
    """`Direktor des Ministeriums für Wissenschaft ... der Provinz Quang Tri`, `... von
    Ho-Chi-Minh-Stadt`: a province's department that a translation calls a ministry (the province
    named in the same title, no bracket between)."""
    p = lex.scope["provincial"].search(folded, lo, hi)
    if p is not None:
        return "(" not in folded[lo : p.start()]
    # (or the province by its name: `... von Ho-Chi-Minh-Stadt`)
    places = find_places(folded[lo:hi]) if "(" not in folded[lo:hi] else []
    return bool(places)


def _org_before(lex: Lexicon, folded: str, lo: int, hi: int):
    """An organisation written just before the head (`Provincial People's Committee Chairman`)."""
    org = _leftmost(lex.orgs, folded, lo, hi)
    while org and len(folded[org[1].end() : hi].split()) > 1:
        org = _leftmost(lex.orgs, folded, org[1].end(), hi)
    return org


def _trim_end(text: str, start: int, hi: int) -> int:
    end = hi
    while end > start and text[end - 1] in " ,;-–—\u00a0":
        end -= 1
    return end


_HEAD_WORDS = re.compile(r"[\s\-]+")


def _scope(lex: Lexicon, folded: str, lo: int, hi: int) -> str:
    if lex.scope["local"].search(folded, lo, hi):
        return "local"
    c = lex.scope["central"].search(folded, lo, hi)
    if c is None:  # then provincial whatever else is written: no need to look for it
        return "provincial"
    p = lex.scope["provincial"].search(folded, lo, hi)
    return "central" if p is None or c.start() < p.start() else "provincial"


@cache
def _rule(lang: str, head: str, org: str, scope: str) -> str:
    """The role key of the first rule that fits (remembered: the wording's classes allow a few
    hundred combinations, not one per text)."""
    for r_head, r_org, r_scope, key in lexicon(lang).rules:
        if r_head not in ("*", head):
            continue
        if r_org != "*" and r_org != org:
            continue
        if r_scope not in ("any", scope):
            continue
        return key
    return ""


@lru_cache(maxsize=4096)
def _gender(lang: str, head_text: str) -> str:
    """The gender a head word marks (remembered: heads are a few words written a few ways)."""
    lex = lexicon(lang)
    words = _HEAD_WORDS.split(head_text)  # `vice-ministra`: the gendered word after the hyphen
    if any(lex.feminine.fullmatch(w) for w in words):
        return "f"
    if any(lex.masculine.fullmatch(w) for w in words):
        return "m"
    return ""


def _pieces(lex: Lexicon, text: str, folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split folded[lo:hi] into title-sized pieces at commas, dashes and at joiners followed by a head;
    a comma inside an organisation's list of fields cuts nothing (see `_continues_list`)."""
    cuts = [(m.start(), m.end()) for m in SPLIT.finditer(folded, lo, hi)]
    if "(" in folded[lo:hi]:  # (a bracket's commas cut nothing: `(Dipartimento delle Dogane, Ministero ...)`)
        cuts = [c for c in cuts if not _in_brackets(folded, lo, c[0])]
    # (nor a dash between a place and its province: `Grenzwirtschaftszone Đồng Đăng – Lạng Sơn`)
    cuts = [c for c in cuts if folded[c[0]] == "," or not province_at(folded, c[1])]
    # (nor one inside a place's name: `del rione di Lang Biang – Da Lat, NAME`)
    cuts = [c for c in cuts if folded[c[0]] == "," or not _dash_in_place(text, c, hi)]
    for m in lex.joiner.finditer(folded, lo, hi):
        head = head_at_start(lex, folded, m.end(), hi)
        if head and _one_phrase(lex, folded[m.end() : head[1].start()]):  # `y el presidente`
            cuts.append((m.start(), m.end()))
    out, pos = [], lo
    for a, b in sorted(cuts):
        if a >= pos:
            out.append((pos, a))
            pos = b
    out.append((pos, hi))
    if len(out) > 1 and "," in folded[lo:hi]:
        return _lists_joined(lex, text, folded, out)
    return out


def _dash_in_place(text: str, cut: tuple[int, int], hi: int) -> bool:
    """Capitalised name words on both sides of a dash, and only those after it up to the next comma
    or the name: one place's name in two parts (a ward and its old city)."""
    before = text[max(0, cut[0] - 20) : cut[0]].split()
    comma = text.find(",", cut[1], hi)
    after = text[cut[1] : hi if comma < 0 else comma].split()
    return bool(before and after) and is_name_word(before[-1]) and all(map(is_name_word, after))


def _in_brackets(folded: str, lo: int, pos: int) -> bool:
    """folded[pos] stands inside a bracket opened after `lo`."""
    return folded.rfind("(", lo, pos) > folded.rfind(")", lo, pos)


def _lists_joined(
    lex: Lexicon, text: str, folded: str, pieces: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The pieces, each one that continues the list of fields of the organisation before its comma
    joined to the piece before it (`Department of Science, Technology and Innovation`)."""
    out = [pieces[0]]
    middle: list[tuple[int, int]] = []  # fields between commas that a later field may close
    for a, b in pieces[1:]:
        after = middle[-1][1] if middle else out[-1][1]
        if folded[after:a].strip() != ",":
            out += middle + [(a, b)]
            middle = []
        elif _continues_list(lex, text, folded, a, b):
            out[-1], middle = (out[-1][0], b), []  # `..., Technology and Innovation`
        elif len(middle) < MAX_MIDDLE_FIELDS and _middle_field(lex, text, folded, a, b):
            middle.append((a, b))  # `Ciência, Tecnologia, Inovação e Transformação Digital`
        else:
            out += middle + [(a, b)]
            middle = []
    return out + middle


MAX_MIDDLE_FIELDS = 4
MAX_MIDDLE_FIELD_WORDS = 3


def _middle_field(lex: Lexicon, text: str, folded: str, a: int, b: int) -> bool:
    """folded[a:b], between commas, may be a field in the middle of an organisation's list: a few
    title words, no head, no honorific, no person's name."""
    words = text[a:b].split()
    return (
        0 < len(words) <= MAX_MIDDLE_FIELD_WORDS
        and not _opens_with_name(words)
        and head_at_start(lex, folded, a, b) is None
        and not any(_honorific_word(lex, w) for w in words)
        and all(_title_word(lex, w) for w in words)
    )


def _continues_list(lex: Lexicon, text: str, folded: str, a: int, b: int) -> bool:
    """folded[a:b], after a comma, ends an organisation's list of fields: a joiner (`and`, `y`,
    `und`) inside it closes the list, neither a joiner nor a head opens it, and it holds only
    title words, no honorific, and no person's name opens it (`_opens_with_name`: a name after the
    comma is no field: `Director of X, Nguyen Van A and ...`)."""
    words = text[a:b].split()
    if not words or _opens_with_name(words) or not lex.joiner.search(f" {folded[a:b]} "):
        return False
    if lex.joiner.match(f" {folded[a:b].lstrip()}") or head_at_start(lex, folded, a, b) is not None:
        return False  # `, and Mr. B`, `, y el director ...`: the next person's
    if any(_honorific_word(lex, w) for w in words):
        return False
    return all(_title_word(lex, w) for w in words) or _lower_fields(lex, text, a, words)


MAX_LOWER_FIELD_WORDS = 6


def _lower_fields(lex: Lexicon, text: str, a: int, words: list[str]) -> bool:
    """Fields written in lower case, as French, Spanish or Italian write them: the list before the
    comma ends in a field after a connector (`Commission des sciences, des technologies et de
    l'environnement`), and this piece opens with a connector and is short."""
    before = text[max(0, a - 40) : a].rstrip(" ,").split()
    return (
        len(words) <= MAX_LOWER_FIELD_WORDS
        and fold(words[0]) in lex.connectors
        and len(before) >= 2
        and before[-1][:1].islower()
        and fold(before[-2]) in lex.connectors
    )


def _opens_with_name(words: list[str]) -> bool:
    """A person's name opens the words (`Nguyen Van A and ...`): a family name, or two syllables in a
    row; one capitalised word that only looks like a syllable is a field's (`Sport e Turismo`)."""
    return is_name_word(words[0]) and (
        fold(words[0]) in surnames() or (len(words) > 1 and is_name_word(words[1]))
    )


def _honorific_word(lex: Lexicon, word: str) -> bool:
    folded = fold(word)
    return folded in lex.honorifics or folded.rstrip(".") in lex.honorifics


def _title_word(lex: Lexicon, word: str) -> bool:
    """A capitalised word or a connector; after an elided article, the word after it (`l'Innovation`,
    `dell'Agricoltura`; not the `s` of `Environment's`)."""
    if fold(word) in lex.connectors:
        return True
    elided = _ELIDED.match(word)
    return (elided.group(1) if elided else word)[:1].isupper()


_ELIDED = re.compile(r"\w{1,5}['’](\w.*)")  # `l'`, `d'`, `dell'`, `nell'` and the word after


def titles_after(lex: Lexicon, text: str, folded: str, pos: int) -> list[Title]:
    """Titles following a name at `pos` (`, subsecretario ..., presidente ...;`), in order."""
    m = OPENS_TITLES.match(folded, pos)
    if not m:
        return []
    hi = _past_place_dash(folded, _past_bracketed_org(lex, folded, _stop(folded, m.end())))
    return [_moved(t, pos) for t in _titles_in_window(lex.lang, text[pos:hi], folded[pos:hi])]


MAX_BRACKET_CHARS = 80


def _past_place_dash(folded: str, stop: int) -> int:
    """The titles' stop, past a dash that joins a place to its province (`Grenzwirtschaftszone Đồng
    Đăng – Lạng Sơn, Herr NAME`)."""
    if folded[stop : stop + 3] not in (" – ", " - ", " — "):
        return stop
    end = province_at(folded, stop + 3)
    return _stop(folded, end) if end else stop


def province_at(folded: str, pos: int) -> int:
    """Where the province named right at `pos` ends, else 0 (on the text as written or folded)."""
    places = find_places(folded[pos : pos + PROVINCE_CHARS])
    return pos + places[0].end if places and places[0].start == 0 else 0


PROVINCE_CHARS = 24


def _past_bracketed_org(lex: Lexicon, folded: str, stop: int) -> int:
    """The titles' stop, past a bracket that names the organisation above the title's
    (`vicedirettrice dell'Agenzia (Ministero della Scienza)`); an abbreviation (`(DAE)`) stops them."""
    if folded[stop : stop + 1] != "(":
        return stop
    close = folded.find(")", stop, stop + MAX_BRACKET_CHARS)
    if close < 0 or _leftmost(lex.orgs, folded, stop, close) is None:
        return stop
    return _stop(folded, close + 1)


def _moved(t: Title, delta: int) -> Title:
    return Title(t.text, t.start + delta, t.end + delta, t.head, t.org, t.scope, t.key, t.gender, t.plural)


@lru_cache(maxsize=TITLES_CACHE)
def _titles_in_window(lang: str, text: str, folded: str) -> tuple[Title, ...]:
    """The titles after a name, read in the window from the name's end to the titles' hard stop
    (offsets relative to the window). Nothing outside the window changes the reading (no pattern
    looks before the window's opening comma), so the reading of a window is remembered: the same
    name and titles recur within an article and across a province's articles."""
    lex = lexicon(lang)
    start, hi = OPENS_TITLES.match(folded).end(), len(folded)
    if lex.relative is not None and (r := lex.relative.match(folded, start)):
        start = r.end()  # `NAME, who is also a member of ...`
    if head_at_start(lex, folded, start, hi) is None:  # most names are followed by no title
        return ()
    out: list = []
    for a, b in _pieces(lex, text, folded, start, hi):
        head = head_at_start(lex, folded, a, b)
        opening = folded[a : head[1].start()] if head else ""
        if head is None or (_article_opens(lex, opening) and (out or lex.joiner.search(f" {opening} "))):
            break  # `NAME, vice-presidente ..., e o diretor do ..., OTHER`: the next person's title
        if not out and _object_of_verb(lex, opening):
            break  # `NAME, pidió al director del Hospital, OTHER`: the title of whom NAME spoke to
        if out and head[1].lastindex in lex.heads.plural:
            break  # `NAME, director of X, and leaders of ...`: other people's
        out.append(classify(lex, text, folded, a, b, head))
    return tuple(out)


def org_after_name(lex: Lexicon, text: str, folded: str, title: Title, pos: int) -> Title | None:
    """A head written before a name with no organisation, whose organisation follows the name
    (`Director NAME of the provincial Department of Industry and Trade`, `Frau Direktorin NAME vom
    Amt für Industrie und Handel`): the title they make together, else None."""
    if title.org or lex.org_link is None:
        return None
    link = lex.org_link.match(folded, pos)
    if link is None:
        return None
    org = _leftmost(lex.orgs, folded, link.end(), min(len(folded), link.end() + ORG_AFTER_NAME_CHARS))
    if org is None or len(folded[link.end() : org[1].start()].split()) > MAX_WORDS_BEFORE_ORG:
        return None
    end = org[1].end()
    for w in _WORD_RUN.finditer(text, end, _stop(folded, end)):  # the organisation's name goes on
        if not _title_word(lex, w.group(0)):
            break
        end = w.end()
    end = _trim_end(text, org[1].start(), end)
    scope = "central" if title.head in CENTRAL_HEADS else _scope(lex, folded, link.start(), end)
    key = _rule(lex.lang, title.head, org[0], scope)
    words = f"{title.text} {text[link.start() : end].strip(' ,')}"
    return Title(words, title.start, end, title.head, org[0], scope, key, title.gender, title.plural)


ORG_AFTER_NAME_CHARS = 60
MAX_WORDS_BEFORE_ORG = 2  # `of the provincial Department`
_WORD_RUN = re.compile(r"[^\s,;.()]+")


def _one_phrase(lex: Lexicon, opening: str) -> bool:
    """The words before a head after a joiner are the head's own (`y el presidente`, `and Permanent
    Member`), not the end of a phrase and another joiner (`y Tecnología, y líderes`)."""
    return "," not in opening and lex.joiner.search(f" {opening} ") is None


def _object_of_verb(lex: Lexicon, opening: str) -> bool:
    """A word that is no function word, then an article, before the head (`pidió al director`,
    `asked the director`): the title is the object of a verb, someone else's."""
    words = opening.split()
    return (
        len(words) == 2
        and words[1] in lex.articles
        and words[0] not in lex.articles
        and words[0] not in lex.connectors
        and words[0] not in lex.stop
        and lex.joiner.search(f" {words[0]} ") is None
    )


def _article_opens(lex: Lexicon, opening: str) -> bool:
    """An article among the words before a title's head (`y el presidente`, `and the director`)."""
    return any(w in lex.articles for w in opening.split())


def titles_between(lex: Lexicon, text: str, folded: str, lo: int, hi: int) -> list[Title] | None:
    """Titles between an honorific and the name (`camarada miembro del ..., subjefe de ... NAME`).

    None when the text there is not titles (then the honorific is someone else's)."""
    if not folded[lo:hi].strip():
        return []
    out = []
    for a, b in _pieces(lex, text, folded, lo, hi):
        head = head_at_start(lex, folded, a, b)
        if head is None:
            return None
        out.append(classify(lex, text, folded, a, b, head))
    return out


def titles_before(lex: Lexicon, text: str, folded: str, lo: int, hi: int, appositive: bool) -> list[Title]:
    """Titles just before a name with no honorific: `el primer ministro NAME`, `Title, NAME,`.

    lo..hi is the clause before the name. Direct (no comma before the name): the last
    piece holds a head and only title words (capitalised words, connectors) stand between
    its organisation and the name. Appositive (`appositive` allowed, a comma before the
    name): the pieces before it that open with a head."""
    pieces = _pieces(lex, text, folded, lo, hi)
    out: list[Title] = []
    last_a, last_b = pieces.pop()
    if folded[last_a:last_b].strip():
        lo, found = last_a, _leftmost(lex.heads, folded, last_a, last_b)
        while found is not None and not _title_words(lex, text, folded, found, last_b):
            # `on behalf of the Prime Minister by Deputy Minister of X NAME`: a later head may be the name's
            lo = found[1].end()
            found = _leftmost(lex.heads, folded, lo, last_b)
        if found is None:
            return []
        out.append(classify(lex, text, folded, lo, last_b, found))
    elif not appositive:
        return []
    for a, b in reversed(pieces):
        head = head_at_start(lex, folded, a, b)
        if head is None:
            # `Según el informe del director del Departamento X, NAME,`, `chaired by member of the
            # Central Committee, Secretary of X NAME`: the first piece of the titles may open with
            # other words when only title words follow its head.
            found = _leftmost(lex.heads, folded, a, b)
            if found is not None and _title_words(lex, text, folded, found, b):
                out.insert(0, classify(lex, text, folded, a, b, found))
            break
        out.insert(0, classify(lex, text, folded, a, b, head))
        if _article_opens(lex, folded[a : head[1].start()]):
            break  # `..., e o diretor do Departamento X, NAME`: this person's titles start here
    return out


def _title_words(lex: Lexicon, text: str, folded: str, head, hi: int) -> bool:
    """Between the end of the title's organisation (or head) and the name: only title words
    (capitalised, connectors, or the kind of place the organisation serves: `... gminy Nam Dan`)."""
    hm = head[1]
    org = _leftmost(lex.orgs, folded, hm.end(), hi)
    end = org[1].end() if org else hm.end()
    return all(_title_word(lex, w) or fold(w) in lex.place or w in DASHES for w in text[end:hi].split())


DASHES = frozenset("-–—")  # dashes joining the parts of a title or a place


def _stop(folded: str, pos: int) -> int:
    m = HARD_STOP.search(folded, pos, pos + MAX_TITLE_CHARS)
    return m.start() if m else min(len(folded), pos + MAX_TITLE_CHARS)
