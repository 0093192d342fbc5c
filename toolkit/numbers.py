"""Numbers as written: digits read from their shape and the document's language together.

`read_numbers(text, lang)` finds every run of digits and returns a `Quantity`:
its value (shape of the grouping and decimal marks, scale word applied), its
unit (percent form, currency, unit word), the qualifier before it (more than,
about ...), and its kind: a `figure`, or one of the things the annotation
guideline does not count (a date, a year, a period, a document number, an
ordinal, a version, a name or address).

The digits decide the shape: a mark followed by exactly three digits groups
thousands (`2,517`, `7.000`, machine translations keep English marks), any
other mark is the decimal one (`47,25`, `71.35`), both marks mean the last is
decimal, spaces of any width group thousands (`2 517`, `126 000`). The
language decides the words: its scale words (Spanish `billón` is 10^12,
Brazilian `bilhão` 10^9), currencies, percent words, qualifiers and the cues
of dates, periods and document numbers, all kept as data in
`toolkit/data/numbers/<lang>.toml` (+ `_common.toml`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from toolkit.langdata import load
from toolkit.names import is_name_word, surnames, trailing_name_words
from toolkit.patterns import any_of
from toolkit.places import find_places
from toolkit.places import fold as _fold_places

FALLBACK_LANGUAGE = "en"
# Letters that Unicode does not decompose: folded by hand, one character for one (offsets hold).
_LETTERS = {"ł": "l", "ø": "o", "ß": "s", "đ": "d", "ı": "i"}
SPACES = " \u00a0\u202f\u2009"
# A digit run: grouped by one mark repeated (2,517 / 7.000 / 126 000) with an optional decimal part,
# or plain digits with an optional decimal part. Never starts inside a word (z6764..., img_0016)
# but after a currency code written against it (VND82 billion, as English-language Vietnamese papers do).
# Written to start with its first digit, and what may stand before it checked from there: a pattern
# that starts with a character class lets the regex engine skip from digit to digit.
_DIGITS = re.compile(
    r"[0-9](?:(?<![\w][0-9])|(?<=VND[0-9])|(?<=VNĐ[0-9])|(?<=USD[0-9]))"
    r"(?:[0-9]{0,2}(?P<g>[.,\u0020\u00a0\u202f\u2009])[0-9]{3}(?:(?P=g)[0-9]{3})*(?![0-9])"
    r"(?:[.,][0-9]+)?|[0-9]*(?:[.,][0-9]+)?)"
)
_SP = r"[\s\u00a0\u202f\u2009]*"
# one to three digits after a scale word, then no more digits nor a mark inside a number
_COMPOUND = re.compile(r"[ \u00a0]([0-9]{1,3})(?![0-9]|[.,][0-9]|[^\W\d_])")
THOUSAND = 1000.0
_RATIO_NEXT = re.compile(r"/[0-9]+(?![0-9./\-]|[^\W\d])")
# `15.08.2025`, `02/07/2025` from their first digits (the reader may take `15.08` for a decimal).
# A telephone number: a group with a trunk zero (`0258 3822 111`, `(0262) 3852 456`) or a
# 1800/1900 hotline prefix, then more groups; at least PHONE_DIGITS digits in all. Its digit
# groups are no quantities, whatever their spacing looks like.
_PHONE = re.compile(
    r"(?<![\w.,])(?:\(0[0-9]{2,4}\)|0[0-9]{2,4}|1[89]00)(?:[\u0020\u00a0\u202f.\-][0-9]{1,4}){1,4}(?![0-9])"
)
PHONE_DIGITS = 8
# An international number: `+84 24 3941 1349`, `(+84) 24 3941 1349`, `+84 (0)24 3941 1349`.
_INTERNATIONAL_PHONE = re.compile(
    r"\+[0-9]{1,3}\)?(?:[\u0020\u00a0\u202f.\-]\(?[0-9]{1,4}\)?[0-9]{0,4}){2,5}(?![0-9])"
)
_DATE_MARKS = ("/", ".", "-")
_FULL_DATE = re.compile(r"[0-9]{1,2}[./\-][0-9]{1,2}[./\-](?:19|20)[0-9]{2}(?![0-9])")
# `02/07/` before `2025`: the same mark twice (`1.8-2 billion` is a range, no date)
_DATE_HEAD = re.compile(r"(?<![0-9])[0-9]{1,2}([/.\-])[0-9]{1,2}\1$")
_DAY_HEAD = re.compile(r"(?<![0-9])[0-9]{1,2}[/.\-]$")  # `02/` before `07/2025`
# a day and month in digits with nothing after (`14/11`, `14.11.`): a date when a day word stands before
_SLASH_YEAR = re.compile(r"/(?:19|20)[0-9]{2}(?![0-9/])")
_DAY_MONTH = re.compile(
    r"(?:0?[1-9]|[12][0-9]|3[01])[/.](?:0?[1-9]|1[0-2])(?![0-9]|[/\-][0-9]|\.[0-9]|[^\W\d_])"
)
_LIST_NUMBER = re.compile(r"(?:\.[0-9]+)*[.)](?:[ \u00a0]|$)")
_DATELINE_DASH = re.compile(r"[ \u00a0]*[–—-][ \u00a0]")  # a dateline's dash after its date
# `Nguyen Thi Lan, 52, a farmer`: digits between commas right after a name (two capitalised words)
_AGE_BEFORE = re.compile(r"(?<![\w])[^\W\d_][^\W\d_]*[ \u00a0][^\W\d_][^\W\d_]*,[ \u00a0]$")
MAX_AGE = 120
MAX_ORDINAL = 100  # congresses, sessions and terms are numbered below this
_MONTH_YEAR = re.compile(r"[0-9]{1,2}[/.\-][0-9]{2,4}(?![0-9])")
_POINT_LOWER = re.compile(r"\.[ \u00a0][^\W\d_]")
_DOC_SHAPE = re.compile(r"/(?:19|20)[0-9]{2}/[^\W\d_]")
_GLUED = re.compile(r"[\-/]?[^\W\d_]|[:h][0-9]{2}(?![0-9])")
_CODE_TAIL = re.compile(r"[^\W\d_][0-9]+[.,]$")  # `PM2.`: digits glued to letters, then a point
# COVID-19, NQ/57, GMT+7; not a rank's field after its ordinal (`29th/63`, `5e/34`)
_CODE_BEFORE = re.compile(r"(?<![0-9])(?<![0-9][^\W\d_])(?<![0-9][^\W\d_]{2})[^\W\d_][\-/+]$")
_VERSION = re.compile(r"[0-9]\.0")
_NON_SPACE = re.compile(r"\S*")
_BEFORE = 36  # characters of context read before a number
YEAR_RANGE = (1900, 2100)


def fold(text: str) -> str:
    """Text folded for matching (lower case, no diacritics, `ł` -> `l`), the same length as `text`:
    the gazetteer's fold (shared with it, see `places.fold`), then the letters it leaves."""
    folded = _fold_places(text)
    for letter, plain in _LETTERS.items():
        if letter in folded:
            folded = folded.replace(letter, plain)
    return folded


# Not frozen: an article has dozens of digit runs, and a frozen dataclass takes six times as long
# to create (each field set through `object.__setattr__`). Read-only all the same: `_with` copies.
@dataclass(slots=True)
class Quantity:
    """One run of digits read in context. `text[start:end] == raw` (digits, scale word, percent form)."""

    start: int
    end: int
    raw: str
    value: float
    unit: str  # count, percent, VND, USD, hectare, points, rank, ...
    qualifier: str  # exact, more_than, approx, less_than, up_to
    kind: str  # figure, date, year, period, docnum, ordinal, version, name
    unit_end: int  # end of the figure with its currency or unit word: where the counted wording starts
    ratio_next: bool = False  # `24/25`: the next figure is the whole this one is part of

    @property
    def is_figure(self) -> bool:
        return self.kind == "figure"


def parse_value(digits: str, decimal_hint: bool = False) -> float | None:
    """The value of a digit run by its shape; None when the shape makes no sense (`1.2.3,4,5`).

    `decimal_hint` (a percent or a score follows) reads a lone mark before three digits as decimal.
    """
    if digits.isdigit():  # most runs: no mark, no space
        return float(digits)
    s = "".join(ch for ch in digits if ch not in SPACES)
    if not s or not s[0].isdigit():
        return None
    marks = [ch for ch in s if ch in ".,"]
    if not marks:
        return float(s)
    if len(set(marks)) == 2:
        dec = s[max(s.rfind("."), s.rfind(","))]
        group = "," if dec == "." else "."
        if s.count(dec) != 1 or s.rfind(group) > s.rfind(dec):
            return None
        return float(s.replace(group, "").replace(dec, "."))
    mark = marks[0]
    parts = s.split(mark)
    if len(parts) > 2:  # one mark repeated: thousands, if every group has three digits
        return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
    whole, frac = parts
    spaced = any(ch in SPACES for ch in digits)
    if len(frac) != 3 or whole == "0" or spaced or decimal_hint:
        return float(f"{whole}.{frac}")
    return float(whole + frac)


def _alternation(pairs: Sequence[tuple[str, object]], prefix: str) -> tuple[str, dict[str, object]]:
    """One regex alternative per pattern, longest first, each in a named group mapping to its value."""
    pairs = sorted(pairs, key=lambda p: -len(p[0]))
    names = {f"{prefix}{i}": value for i, (_, value) in enumerate(pairs)}
    alts = "|".join(f"(?P<{prefix}{i}>{fold(pat)})" for i, (pat, _) in enumerate(pairs))
    return (alts or "(?!x)x"), names


def _hyphenable(pattern: str) -> str:
    """`pattern` with each space outside a character class matching a hyphen too (`500-hectare`)."""
    return _PATTERN_SPACE.sub(lambda m: "(?: |-)" if m.group(0) == " " else m.group(0), pattern)


_PATTERN_SPACE = re.compile(r"\[(?:\\.|[^\]])*\]|\\.| ")


def _unnamed_alternation(pairs: Sequence[tuple[str, object]]) -> str:
    """`_alternation`'s alternatives in its order without the groups, which the engine tries more
    slowly (a named group hides an alternative's first letter from its quick check)."""
    pairs = sorted(pairs, key=lambda p: -len(p[0]))
    return "|".join(f"(?:{fold(pat)})" for pat, _ in pairs) or "(?!x)x"


def words_alternation(patterns: list[str]) -> str:
    pats = sorted({fold(p) for p in patterns}, key=len, reverse=True)
    return "|".join(pats) or "(?!x)x"


@dataclass(frozen=True)
class Rules:
    """One language's number wording, compiled once."""

    lang: str
    ordinal: re.Pattern
    percent: re.Pattern
    scale: re.Pattern
    scale_factor: dict
    currency: re.Pattern
    currency_unit: dict
    currency_before: re.Pattern
    currency_before_unit: dict
    unit: re.Pattern
    unit_name: dict
    qualifier_before: re.Pattern
    qualifier_any: re.Pattern  # qualifier_before without its named groups: found faster, then named
    cue_before: re.Pattern  # matches wherever one of the `..._before` patterns below may (see _cues_before)
    qualifier_after: re.Pattern
    cue_after: re.Pattern  # matches wherever one of the `_AFTER_GATED` patterns may (see _cues_after)
    rank_before: re.Pattern
    rank_after: re.Pattern
    rank_first: re.Pattern  # `prime`, `primeras`: the first N ...
    rank_fields: re.Pattern  # ... provinces: a rank among them, at most N
    rank_place: re.Pattern
    rank_place_before: re.Pattern
    rank_verb: re.Pattern
    rank_slash_verb: re.Pattern  # the verbs that make `38/63` a rank
    rank_field: re.Pattern  # right after an ordinal, the field it ranks in: `5th out of 34`
    rank_of: re.Pattern
    score_before: re.Pattern
    phone_before: re.Pattern
    label_before: re.Pattern  # `nivel 2`, `línea directa 1022`: bare digits after these are part of a name
    label_after: re.Pattern  # `the 1022 hotline`: bare digits before these too
    label_list: re.Pattern  # a plural label, then digits joined by commas or conjunctions (`klas 1, 6 i `)
    facility_after: re.Pattern  # `Industrial Park` after a facility's number
    facility_before: re.Pattern  # `parque industrial`, `industrial parks, from` before its name
    not_figures: re.Pattern  # shapes whose digits are never figures: `24/7`, a gallery's `[1/6]`
    day_of_month_before: re.Pattern  # `do dia`, `el día`: a day of the month after these
    day_before: re.Pattern  # `on 14/11`, `le 14/11`: a day and month in digits after these is a date
    weekday_before: re.Pattern  # `segunda-feira (17)`: a day of the month in brackets after a weekday
    not_qualifier: re.Pattern
    range_percent: re.Pattern
    range_gap: re.Pattern  # what stands between a range's two ends (`-`, `to`, `à`)
    range_next: re.Pattern  # `12-15 km`, `entre 3.500 et 4.000 milliards`: the second end's digits
    range_join: re.Pattern  # what stands between a range's ends (`-`, `y el`)
    money_units: frozenset  # the units the currency words name (`VND`, `USD`, `EUR`)
    daily_units: frozenset  # units a daily rate is counted in (`tonne` -> `tonne/day`)
    range_open: re.Pattern  # `entre`, `between` ending the text before a range's first end
    range_from: re.Pattern  # `from`, `von` ending the text before it: a change as often as a range
    thousand_before: re.Pattern | None  # `mil 250 millones`: a thousand of the scale before its digits
    day_link: re.Pattern  # `28 na 29 września`, `du 28 au 29`: what joins two days of one month
    daily_after: re.Pattern  # `toneladas de residuos sólidos al día`: the rate's words after what it counts
    rates_after: tuple  # (pattern, per) of the other rates (`per hectare` -> hectare: a yield)
    pair_percent: re.Pattern
    date_after: re.Pattern
    date_before: re.Pattern
    numeric_date: re.Pattern
    period_after: re.Pattern
    model_after: re.Pattern
    session_after: re.Pattern
    doc_before: re.Pattern
    version_before: re.Pattern
    doc_plural_before: re.Pattern
    address: re.Pattern
    conj_gap: re.Pattern
    conj_before: re.Pattern  # a conjunction ending the text before the digits
    months: dict
    qualifier_kind: dict
    qualifier_after_kind: dict


def merge_data(lang: str, topic: str = "numbers") -> dict:
    """The language's data over `_common`: lists are joined, tables merged (the fallback language's if none)."""
    common, own = load(topic, "_common"), load(topic, lang) or load(topic, FALLBACK_LANGUAGE)
    out: dict = {}
    for key in set(common) | set(own):
        a, b = common.get(key), own.get(key)
        if isinstance(a, list) or isinstance(b, list):
            out[key] = (b or []) + (a or [])
        elif isinstance(a, dict) or isinstance(b, dict):
            merged = dict(a or {})
            for k, v in (b or {}).items():
                merged[k] = (v + merged.get(k, [])) if isinstance(v, list) else v
            out[key] = merged
        else:
            out[key] = b if b is not None else a
    return out


@cache
def rules(lang: str) -> Rules:
    """Compiled wording for `lang` (the fallback language's when it has no file)."""
    d = merge_data(lang)
    q, ex, rk = d.get("qualifiers", {}), d.get("exclude", {}), d.get("rank", {})
    months = {fold(k): v for k, v in {**d.get("months", {}), **d.get("month_abbreviations", {})}.items()}
    scale, scale_factor = _alternation([(p, f) for p, f in d.get("scale", [])], "s")
    cur, cur_unit = _alternation([(p, u) for p, u in d.get("currency", [])], "c")
    curb, curb_unit = _alternation([(p, u) for p, u in d.get("currency_before", [])], "b")
    unit, unit_name = _alternation([(p, u) for p, u in d.get("units", [])], "u")
    quals = [(p, kind) for kind in ("up_to", "less_than", "more_than", "approx") for p in q.get(kind, [])]
    qual, qual_kind = _alternation(quals, "q")
    qual_any = _unnamed_alternation(quals)
    # an article may follow the qualifier (`al menos el 3 %`, `cerca de un 20 %`)
    article = rf"(?:{_SP}(?:{words_alternation(q['articles'])}))?" if q.get("articles") else ""
    after = [(p, kind[6:]) for kind in ("after_approx", "after_more_than") for p in q.get(kind, [])]
    qual_after, qual_after_kind = _alternation(after, "a")
    link = words_alternation(d.get("currency_link", []))
    end = r"(?![\w])"
    # the second of two numbers one percent sign or word covers (`85 bis 90 %`, `85 y el 90 %`)
    percent_end = rf"[0-9]+(?:[.,][0-9]+)?{_SP}(?:%|(?:{words_alternation(d.get('percent', []))}){end})"
    month_words = words_alternation(list(months))
    ordinal = words_alternation(d.get("ordinal_suffix", []))
    marks = words_alternation(d.get("number_marks", []))
    # what joins a range's ends (`-`, `à`, `y el`)
    range_join = (
        rf"{_SP}(?:[\-–—]|(?:{words_alternation(d.get('range_link', []) + _conjunctions(d))})(?![\w]))"
        rf"(?:{_SP}(?:{words_alternation(d.get('percent_articles', []))})(?![\w]))?{_SP}"
    )
    return Rules(
        lang=lang,
        ordinal=re.compile(rf"(?:{ordinal}){end}"),
        percent=re.compile(rf"{_SP}(?:%|(?:{words_alternation(d.get('percent', []))}){end})"),
        scale=re.compile(rf"{_SP}(?:{scale}){end}"),
        scale_factor=scale_factor,
        currency=re.compile(rf"{_SP}\(?(?:(?:{link}){_SP})?(?:{cur}){end}\)?"),
        currency_unit=cur_unit,
        currency_before=re.compile(rf"(?:^|[^\w])(?:{curb}){_SP}$"),
        currency_before_unit=curb_unit,
        # `3,1 millones de toneladas`; `a 500-hectare park`, `a 12,000-square-metre campus`
        unit=re.compile(rf"(?:-|{_SP}(?:(?:{link}){_SP})?)(?:{_hyphenable(unit)}){end}"),
        unit_name=unit_name,
        qualifier_before=re.compile(rf"(?:^|[^\w])(?:{qual}){article}{_SP}$"),
        qualifier_any=re.compile(rf"(?:^|[^\w])(?:{qual_any}){article}{_SP}$"),
        cue_before=re.compile(
            rf"(?:^|[^\w])(?:{any_of(_cues_before(d))})(?:{_SP}\([a-z]{{1,5}}\))?(?:{_SP}(?:{marks}))?{article}[\s\u00a0\u202f\u2009.:]*$"
        ),
        qualifier_after=re.compile(rf"{_SP}(?:{qual_after}){end}"),
        cue_after=re.compile(rf"{_SP}\(?(?:{any_of(_cues_after(d))})"),  # (a dash is one: `500-hectare`)
        rank_before=_ending(rk.get("before", [])),
        rank_after=re.compile(rf"{_SP}(?:{words_alternation(rk.get('after', []))}){end}"),
        rank_first=_ending(rk.get("first", [])),
        rank_fields=re.compile(rf"{_SP}(?:{words_alternation(rk.get('fields', []))}){end}"),
        rank_place=re.compile(rf"{_SP}(?:{words_alternation(rk.get('place', []))}){end}"),
        rank_place_before=_ending(rk.get("place", [])),
        rank_verb=_ending(rk.get("verbs", [])),
        rank_slash_verb=_ending(rk.get("slash_verbs", rk.get("verbs", []))),
        label_before=_ending(ex.get("label_words", []), colon=True),
        label_list=re.compile(
            rf"(?:^|[^\w])(?:{words_alternation(ex.get('label_list_words', []))})"
            rf"(?:{_SP}[0-9]+{_SP}(?:{words_alternation(ex.get('conj', [',']))}))+{_SP}$"
        ),
        label_after=re.compile(rf"{_SP}(?:{words_alternation(ex.get('label_words_after', []))}){end}"),
        weekday_before=re.compile(rf"(?<![\w])(?:{words_alternation(ex.get('weekdays', []))}){_SP}\({_SP}$"),
        day_before=_ending(ex.get("day_words", [])),
        day_of_month_before=_ending(ex.get("day_of_month_words", [])),
        facility_after=re.compile(rf"{_SP}(?:{words_alternation(ex.get('facility_words', []))}){end}"),
        facility_before=re.compile(
            rf"(?<![\w])(?:{words_alternation(ex.get('facility_words', []))})(?![\w])"
        ),
        not_figures=re.compile(any_of(ex.get("not_figures", [])) or "(?!)"),
        not_qualifier=_ending(q.get("not_before", [])),
        phone_before=_ending(d.get("phone_words", []), colon=True),
        range_percent=re.compile(
            rf"{_SP}(?:[\-–—]|(?:{words_alternation(d.get('range_link', []))})(?![\w])){_SP}{percent_end}"
        ),
        money_units=frozenset(cur_unit.values()) | frozenset(curb_unit.values()),
        daily_units=frozenset(d.get("daily_units", [])),
        day_link=re.compile(rf"{_SP}(?:{words_alternation(d.get('day_link', []))}){_SP}"),
        thousand_before=(
            re.compile(rf"(?<![\w])(?:{words_alternation(d['thousand_before'])}){_SP}$")
            if d.get("thousand_before")
            else None
        ),
        range_from=_ending(d.get("range_from", []), articles=q.get("articles", [])),
        range_open=_ending(d.get("range_open", []), articles=q.get("articles", [])),
        daily_after=re.compile(
            rf"[^0-9.,;:!?()|\n]{{0,{DAILY_REACH}}}?(?<![\w])(?:{words_alternation(d.get('daily', []))}){end}"
        ),
        rates_after=tuple(
            (
                re.compile(
                    rf"[^0-9.,;:!?()|\n]{{0,{DAILY_REACH}}}?(?<![\w])(?:{words_alternation(words)}){end}"
                ),
                per,
            )
            for per, words in (("hectare", d.get("per_hectare", [])),)
            if words
        ),
        range_gap=re.compile(
            rf"{_SP}(?:[\-–—]|(?:{words_alternation(d.get('range_link', []))})(?![\w])){_SP}"
        ),
        range_next=re.compile(rf"{range_join}[0-9](?:[0-9]|[.,\u00a0\u202f ](?=[0-9]))*(?![0-9])"),
        range_join=re.compile(range_join),
        pair_percent=re.compile(
            rf"{_SP}(?:{words_alternation(_conjunctions(d))})(?![\w])"
            rf"(?:{_SP}(?:{words_alternation(d.get('percent_articles', []))})(?![\w]))?{_SP}{percent_end}"
        ),
        score_before=_ending(rk.get("score_before", [])),
        rank_field=re.compile(rf"{_SP}(?:{words_alternation(rk.get('of', []))}){_SP}[0-9]"),
        rank_of=re.compile(rf"[^0-9;:!?]{{0,30}}?(?<![\w])(?:{words_alternation(rk.get('of', []))}){_SP}"),
        date_after=re.compile(
            rf"(?:\.|{ordinal})?{_SP}(?:(?:{words_alternation(ex.get('date_link', ['de']))}){_SP})?(?:{month_words}){end}"
        ),
        date_before=re.compile(rf"(?:^|[^\w])(?:{month_words})\.?{_SP}$"),
        numeric_date=re.compile(r"[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}(?![0-9])"),
        period_after=re.compile(
            rf"{_SP}(?:(?:{words_alternation(d.get('periods', {}).get('first', []) + d.get('periods', {}).get('last', []))}){_SP})?(?:{words_alternation(ex.get('period_units', []))}){end}"
        ),
        model_after=re.compile(rf"{_SP}(?:{words_alternation(ex.get('model_words', []))}){end}"),
        session_after=re.compile(
            rf"(?:\.|{ordinal})?{_SP}(?:{words_alternation(ex.get('session_words', []))}){end}"
        ),
        doc_before=re.compile(
            rf"(?:(?:^|[^\w])(?:{words_alternation(ex.get('doc_words', []))})(?:{_SP}\([a-z]{{1,5}}\))?(?:{_SP}(?:{words_alternation(d.get('number_marks', []))}))?"
            rf"|(?:^|[^\w])(?:{words_alternation(d.get('number_marks', []))})){_SP}$"
        ),
        doc_plural_before=re.compile(
            rf"(?:^|[^\w])(?:{words_alternation(ex.get('doc_words_plural', []))})(?:{_SP}(?:{words_alternation(d.get('number_marks', []))}))?{_SP}$"
        ),
        version_before=_ending(ex.get("version_words", [])),
        address=re.compile(words_alternation(d.get("address_cues", []))),
        conj_gap=re.compile(rf"{_SP}(?:{words_alternation(ex.get('conj', [',']))}){_SP}$"),
        conj_before=re.compile(
            rf"(?:^|[^\w])(?:{words_alternation(_conjunctions(d))})"
            rf"(?:{_SP}(?:{words_alternation(q.get('articles', []))}))?{_SP}$"
        ),
        months=months,
        qualifier_kind=qual_kind,
        qualifier_after_kind=qual_after_kind,
    )


def _ending(words: list[str], colon: bool = False, articles: list[str] | None = None) -> re.Pattern:
    """One of `words` ending the text before the digits (spaces, and a colon if `colon`, or one of
    `articles`, between)."""
    article = rf"(?:{_SP}(?:{words_alternation(articles)}))?" if articles else ""
    return re.compile(
        rf"(?:^|[^\w])(?:{words_alternation(words)}){article}{_SP}{':?' + _SP if colon else ''}$"
    )


def _cues_before(d: dict) -> list[str]:
    """Every word the `..._before` patterns of `rules` look for at the end of the text before the
    digits (currency, qualifier, rank, score, month, version, document, telephone). The words
    before most numbers are none of these: one search for all of them spares the searches for
    each; `doc_plural_before` (read before the previous number) is not one of them."""
    q, ex, rk = d.get("qualifiers", {}), d.get("exclude", {}), d.get("rank", {})
    words = [p for kind in ("up_to", "less_than", "more_than", "approx") for p in q.get(kind, [])]
    words += [p for p, _ in d.get("currency_before", [])] + q.get("not_before", [])
    words += rk.get("before", []) + rk.get("place", []) + rk.get("verbs", []) + rk.get("score_before", [])
    words += rk.get("first", []) + ex.get("day_of_month_words", [])
    words += list(d.get("months", {})) + ex.get("version_words", []) + ex.get("doc_words", [])
    words += d.get("number_marks", []) + d.get("phone_words", [])
    words += ex.get("label_words", [])
    return sorted({fold(w) for w in words})


# The patterns read after the digits that all start with spaces, maybe a bracket, then one word of
# `_cues_after`: where `cue_after` does not match, none of them can.
_AFTER_GATED = (
    "label_after",
    "percent",
    "scale",
    "currency",
    "unit",
    "qualifier_after",
    "range_percent",
    "pair_percent",
    "period_after",
    "model_after",
)


def _conjunctions(d: dict) -> list[str]:
    """The conjunctions joining two numbers (`y`, `and`), without the comma."""
    return [w for w in d.get("exclude", {}).get("conj", []) if w[:1].isalpha()]


def _cues_after(d: dict) -> list[str]:
    """Every word one of the `_AFTER_GATED` patterns of `rules` may start with after the digits and
    their spaces (percent, scale, currency and its link, unit, qualifier, range link or dash,
    conjunction, period and model words). Most numbers are followed by none of these: one match for
    all of them spares the matches for each."""
    q, ex, p = d.get("qualifiers", {}), d.get("exclude", {}), d.get("periods", {})
    words = ["%", r"[\-–—]"] + d.get("percent", []) + d.get("currency_link", []) + d.get("range_link", [])
    words += _conjunctions(d)
    words += [w for key in ("scale", "currency", "units") for w, _ in d.get(key, [])]
    words += q.get("after_approx", []) + q.get("after_more_than", [])
    words += p.get("first", []) + p.get("last", []) + ex.get("period_units", []) + ex.get("model_words", [])
    words += ex.get("label_words_after", [])
    return sorted({fold(w) for w in words})


def read_numbers(text: str, lang: str, folded: str | None = None) -> list[Quantity]:
    """Every run of digits in `text`, read in the language `lang`. Never raises for any text."""
    rules_ = rules(lang or FALLBACK_LANGUAGE)
    folded = fold(text) if folded is None else folded
    out: list[Quantity] = []
    blocked_until = -1  # end of a date or name already seen (02/07/2025 is one date, not three numbers)
    phone_until = -1  # end of a telephone number already seen (its groups are no quantities)
    slash = "/" in text  # (`24/7`, `[1/6]`: the shapes that are never figures have one)
    thousands, daily_units = rules_.thousand_before is not None, rules_.daily_units
    plus = "+" in text  # (`+84 24 3941 1349`)
    quoted = any(mark in text for mark in _OPENING_QUOTES)
    for m in _DIGITS.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # the smaller part of `68 billion 500 million`, read with the larger
        q = _read_one(text, folded, m, rules_, out[-1] if out else None)
        if (
            slash
            and (text[m.end() : m.end() + 1] == "/" or text[m.start() - 1 : m.start()] == "/")
            and _fixed_shape(folded, m, rules_)
        ):
            q = _with(q, kind="name")  # `24/7`, a gallery's `[1/6]`
        if text[m.start() - 1 : m.start()] in (".", ",") and _CODE_TAIL.search(
            text, max(0, m.start() - 12), m.start()
        ):
            q = _with(q, kind="name")  # the decimals of a code: PM2.5
        if quoted and q.is_figure and _in_short_quote(text, m.start(), m.end(), folded, rules_):
            q = _with(q, kind="name")  # `“1 comuna, 1 produto”`: a programme's name
        if m.start() >= phone_until:
            phone_until = _phone_end(text, m)
            if plus and phone_until < 0 and text[m.start() - 1 : m.start()] == "+":
                phone_until = _international_phone_end(text, m)
        if m.start() < phone_until:
            q = _with(q, kind="name")
        if m.start() < blocked_until and q.kind == "figure":
            q = _with(q, kind="date")
        if q.kind in ("date", "name", "docnum"):  # (`Regulation (EU) 2023/1115`: one number)
            blocked_until = max(blocked_until, _block_end(folded, q, rules_))
        elif q.kind == "ordinal" and out and _next_rank(folded, out, q, rules_):
            q = _with(q, kind="figure", unit="rank")
        if (
            q.unit == "rank"
            and out
            and out[-1].kind == "ordinal"
            and _ordinal_before(folded, out[-1], q, rules_)
        ):
            out[-1] = _with(out[-1], kind="figure", unit="rank")  # `les 41e et 27e places`
        elif (
            out
            and out[-1].unit == "rank"
            and q.unit == "count"
            and q.is_figure
            and rules_.conj_gap.fullmatch(folded, out[-1].end, q.start)
        ):
            q = _with(q, unit="rank")  # `die Plätze 4 und 5`, `los puestos 4 y 5`
        if q.kind == "date" and out and _first_day(out[-1], q, folded, rules_):
            out[-1] = _with(out[-1], kind="date")  # `28-29 września`, `du 28 au 29 septembre`
        if thousands and q.value >= MILLION and q.start == m.start():
            q = _with_thousand_before(q, text, folded, m.group(0), rules_, out)
        if q.unit in daily_units and (per := _rate(folded, q.unit_end, rules_)):
            if out and out[-1].unit == q.unit and rules_.range_next.match(folded, out[-1].end):
                out[-1] = _with(out[-1], unit=f"{q.unit}/{per}")  # the range's first end: `1.450 y 1.600 ...`
            q = _with(q, unit=f"{q.unit}/{per}")  # `480 ton odpadów stałych dziennie`
        out.append(q)
    if "|" in text and out:
        out = _with_row_unit(text, lang, out)
    return _with_money_context(out, rules_, folded) if len(out) > 1 else out


def _rate(folded: str, end: int, r: Rules) -> str:
    """What a tonnage or volume is counted per (`day`, `hectare`) by the words after what it counts
    (`tonnes of waste per day`, `6,8 tonnes per hectare`), else ''."""
    if r.daily_after.match(folded, end):
        return "day"
    return next((per for pattern, per in r.rates_after if pattern.match(folded, end)), "")


def _first_day(prev: Quantity, q: Quantity, folded: str, r: Rules) -> bool:
    """`prev`, a bare day of the month, and the date `q` after it are one span of days
    (`28-29 września`, `28 and 29 September`, `w nocy z 28 na 29 września`)."""
    return (
        prev.is_figure
        and prev.unit == "count"
        and prev.raw.isdigit()
        and 1 <= prev.value <= 31
        and q.start - prev.end <= DAY_GAP_CHARS
        and bool(
            r.range_gap.fullmatch(folded, prev.end, q.start)
            or r.conj_gap.fullmatch(folded, prev.end, q.start)
            or r.day_link.fullmatch(folded, prev.end, q.start)
        )
    )


DAY_GAP_CHARS = 6


def _with_thousand_before(
    q: Quantity, text: str, folded: str, digits: str, r: Rules, out: list[Quantity]
) -> Quantity:
    """`mil 250 millones`, `3 mil 500 millones` (as Latin American Spanish writes 1 250 and 3 500
    million): the thousands written before the digits add thousands of the scale. Thousands read
    as a figure of their own just before (`3 mil`) are taken off `out` into this one."""
    m = (
        r.thousand_before.search(folded, max(0, q.start - THOUSAND_WORD_CHARS), q.start)
        if r.thousand_before
        else None
    )
    number = parse_value(digits)
    if m is None or not number:
        return q
    scale, word_end = q.value / number, m.start() + len(m.group(0).rstrip())
    if out and out[-1].is_figure and out[-1].end == word_end and out[-1].start < m.start():
        prev = out.pop()  # `más de 3 mil`: its qualifier is the whole figure's
        value, start, qualifier = (prev.value + number) * scale, prev.start, prev.qualifier
    else:
        value, start = (THOUSAND + number) * scale, m.start()
        qm = _qualifier_before(folded[max(0, start - QUALIFIER_CHARS) : start], r)
        qualifier = r.qualifier_kind[qm.lastgroup] if qm else q.qualifier
    return _with(q, start=start, raw=text[start : q.end], value=value, qualifier=qualifier)


QUALIFIER_CHARS = 40
THOUSAND_WORD_CHARS = 8
MILLION = 1e6

# A range's two ends stand this close (`20–25 %`, `1.450 y 1.600`).
RANGE_GAP_CHARS = 6


def _range(a: Quantity, b: Quantity, r: Rules, folded: str) -> bool:
    """`a` and `b` (close by) are the ends of a range, which are its bounds: `20–25 %`, `30 bis 40
    Prozent`, `entre 1.450 y 1.600 toneladas` are at least 20 and at most 25. (`from 20 to 25` is
    left exact: it is as often a change as a range.)"""
    if not (
        a.qualifier == b.qualifier == "exact"
        and a.unit == b.unit
        and a.value < b.value
        and a.is_figure
        and b.is_figure
        and r.range_join.fullmatch(folded, a.end, b.start)
    ):
        return False
    if _DASH_GAP.fullmatch(folded, a.end, b.start):
        return True  # `20–25 %`
    before = folded[max(0, a.start - RANGE_OPEN_CHARS) : a.start]
    if r.range_gap.fullmatch(folded, a.end, b.start):  # `30 bis 40 Prozent`, not `von 30 bis 40`
        return r.range_from.search(before) is None
    return r.range_open.search(before) is not None  # `entre 1.450 y 1.600`, `tra il 15 e il 20%`


_DASH_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?")
RANGE_OPEN_CHARS = 16


def _ordinal_before(folded: str, prev: Quantity, q: Quantity, r: Rules) -> bool:
    """The ordinal `prev` and the rank `q` are joined by a conjunction: both are ranks."""
    suffix = r.ordinal.match(folded, prev.end)
    end = suffix.end() if suffix else prev.end + (folded[prev.end : prev.end + 1] == ".")  # `4. und 9.`
    return r.conj_gap.fullmatch(folded, end, q.start) is not None


def _score_follows(folded: str, pos: int, r: Rules) -> bool:
    """`was 3rd at 0.6790 points`, `(33rd, 0.4238 points)`: an ordinal with its score right after it
    is a rank."""
    m = _SCORE_NEAR.match(folded, pos)
    u = r.unit.match(folded, m.end()) if m else None
    return u is not None and r.unit_name[u.lastgroup] == "points"


_SCORE_NEAR = re.compile(r"[\s,;:(]*(?:[^\W\d_]{1,6}\s+)?[0-9][0-9.,]*")


def _next_rank(folded: str, out: list[Quantity], q: Quantity, r: Rules) -> bool:
    """`came 9th in the PAR Index and 11th in the PCI`, `el 5.º lugar ... y el 7.º`: an ordinal after a
    conjunction, a rank shortly before it in the same sentence, is the next rank the verb governs."""
    rank = next((p for p in reversed(out) if p.unit == "rank"), None)
    if rank is None or q.start - rank.end > NEXT_RANK_CHARS or ". " in folded[rank.end : q.start]:
        return False
    return r.conj_before.search(folded, max(0, q.start - 16), q.start) is not None


NEXT_RANK_CHARS = 160
# The words naming what a daily rate counts (`de residuos sólidos domésticos`) fit in this many characters.
DAILY_REACH = 50


# `VND 500 billion, of which 300 billion ...`: a bare amount of a billion or more written after an
# amount of money, this many characters on at most, is money in the same currency (nothing else a
# provincial article counts in billions).
MONEY_CONTEXT_CHARS = 400
MIN_BARE_MONEY = 1e9


def _with_money_context(found: list[Quantity], r: Rules, folded: str) -> list[Quantity]:
    money = r.money_units
    last: Quantity | None = None
    out = []
    for q in found:
        if q.is_figure and q.unit in money:
            last = q
        elif (
            last is not None
            and q.is_figure
            and q.unit == "count"
            and (
                _range_second(q, last, r, folded)
                or (q.value >= MIN_BARE_MONEY and q.start - last.end <= MONEY_CONTEXT_CHARS)
            )
        ):
            q = _with(q, unit=last.unit)
        if out and q.start - out[-1].end <= RANGE_GAP_CHARS and _range(out[-1], q, r, folded):
            out[-1], q = _with(out[-1], qualifier="more_than"), _with(q, qualifier="up_to")
        out.append(q)
    return out


def _range_second(q: Quantity, last: Quantity, r: Rules, folded: str) -> bool:
    """`q`, a bare count, closes a range that an amount of money opens (`VND 400,000-500,000`)."""
    return q.value > last.value and r.range_gap.fullmatch(folded, last.end, q.start) is not None


# A table's row written as a line: `Tasa de expedientes en línea (%) | 61,3 | 78,9`. The first cell
# says in brackets what the numbers of the row count.
# A row's number may open it (`1 | Forest cover rate (%) | 45.5`).
_ROW_HEAD = re.compile(r"\s*\|?(?:\s*[0-9]{1,3}\.?\s*\|)?([^|()\[\]]*)[(\[]([^()\[\]|]{1,40})[)\]]\s*\|")


def column_units(text: str, lang: str) -> list[tuple[str, float] | None] | None:
    """The (unit, scale) each column of a table's header row gives in its brackets (`Capitale (milioni
    USD)`, `Aufforstung (ha)`), None for a column whose brackets say neither; None when the row is no
    header (no bars, a cell that is a number, or no column with a unit)."""
    cells = header_cells(text)
    if cells is None:
        return None
    units = [_bracket_unit(c, lang) for c in cells]
    return units if any(units) else None


def header_cells(row: str) -> list[str] | None:
    """The cells of a table's header row: two or more between bars, none a number; else None."""
    cells = row.strip().strip("|").split("|")
    if len(cells) < 2 or any(_NUMBER_CELL.fullmatch(c) for c in cells):
        return None
    return cells


_NUMBER_CELL = re.compile(r"\s*[0-9][0-9.,\s\u00a0\u202f]*%?\s*")


def _bracket_unit(cell: str, lang: str) -> tuple[str, float] | None:
    """The unit a header cell gives: in its brackets, or its name (`Rang`, `Score`)."""
    headings, words = _table_headings(lang), fold(cell).split()
    heading = headings.get(" ".join(words))
    if heading is None and len(words) == 2 and "(" not in cell:
        heading = headings.get(words[0])  # `Puesto PCI`: the heading with the index's name
    if heading:  # `Rang`, `Score`
        return heading, 1.0
    m = _BRACKETS.search(cell)
    return None if m is None else _unit_of_words(m.group(1), lang)


def _unit_of_words(words: str, lang: str) -> tuple[str, float] | None:
    """(unit, scale) that words in brackets give the bare numbers they label (`milliards de dongs`,
    `ha`, `%`), None when they give neither."""
    words = words.strip()
    probe = _first_figure(f"1 {words}", lang)
    head, _, rest = words.partition(" ")
    if probe is not None and probe.value == 1 and rest:  # `VND billion`: the currency before its scale
        probe = _first_figure(f"1 {rest} {head}", lang) or probe
    if probe is None or (probe.unit == "count" and probe.value == 1):
        return None
    return probe.unit, probe.value


def _first_figure(text: str, lang: str) -> Quantity | None:
    return next((q for q in read_numbers(text, lang) if q.is_figure), None)


@cache
def _table_headings(lang: str) -> dict[str, str]:
    """Folded header cell -> the unit its column holds (`rank`, `points`)."""
    table = merge_data(lang or FALLBACK_LANGUAGE).get("table", {})
    out = {fold(w): "points" for w in table.get("score_headers", [])}
    out.update({fold(w): "rank" for w in table.get("rank_headers", [])})
    out.update({fold(w): ROW_NUMBER for w in table.get("number_headers", [])})
    return out


ROW_NUMBER = "row number"  # the column of a table's row numbers (`No.`, `STT`): no figures


_BRACKETS = re.compile(r"[(\[]([^()\[\]|]{1,40})[)\]]")  # `(ha)`, `[ha]`


def with_column_units(
    text: str, found: list[Quantity], columns: list[tuple[str, float] | None]
) -> list[Quantity]:
    """A table row's bare counts read in the unit and scale of their column's header (`column_units`);
    the row as read when its cells are not as many as the header's."""
    bars = [i for i, ch in enumerate(text.strip().strip("|")) if ch == "|"]
    if len(bars) + 1 != len(columns):
        return found
    lead = len(text) - len(text.lstrip().lstrip("|"))  # (a row may open with a bar)
    return [_counted_in(q, columns[bisect.bisect_right(bars, q.start - lead)]) for q in found]


def _with_row_unit(text: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """The bare counts of a table's row read in the unit and scale of its first cell's brackets
    (`(%)`, `(milliards de dongs)`, `(ha)`); the row as read when its brackets say neither."""
    m = _ROW_HEAD.match(text)
    given = None if m is None else _unit_of_words(m.group(2), lang)
    if given is None:
        return found
    return [_counted_in(q, given) if q.start >= m.end() else q for q in found]


def _counted_in(q: Quantity, given: tuple[str, float] | None) -> Quantity:
    """A bare count read in the (unit, scale) a table gives it, a row's number as no figure; any
    other quantity as it is."""
    if given is None or not q.is_figure or q.unit != "count":
        return q
    if given[0] == ROW_NUMBER:
        return _with(q, kind="name")
    return _with(q, unit=given[0], value=q.value * given[1])


def _phone_end(text: str, m: re.Match) -> int:
    """Where the telephone number starting at these digits ends (`1900 1234`, `(0262) 3852 456`),
    or -1; only digits that open like one (a trunk zero, 1800/1900) are looked at, to stay fast."""
    digits = m.group(0)
    if not (digits[:1] == "0" and digits[1:2].isdigit() or digits[:4] in ("1800", "1900")):
        return -1
    start = m.start() - 1 if text[m.start() - 1 : m.start()] == "(" else m.start()
    phone = _PHONE.match(text, start)
    if phone is None and start != m.start():  # `(0236 3 888 100)`: the whole number in brackets
        phone = _PHONE.match(text, m.start())
    if phone is None or sum(c.isdigit() for c in phone.group(0)) < PHONE_DIGITS:
        return -1
    return phone.end()


def _in_short_quote(text: str, start: int, end: int, folded: str, r: Rules) -> bool:
    """The digits stand inside a short quotation (`“1 comuna, 1 produto”`, `« Projet 1 million
    d'hectares »`): the name of a programme or a slogan, not a figure. A quotation of someone's
    words is longer; one right after a document word (`des Projekts „1 Million Hektar hochwertiger,
    emissionsarmer Reis“`) is a name up to NAMED_QUOTE_CHARS."""
    lo = max(0, start - NAMED_QUOTE_CHARS)
    opening = max(text.rfind(mark, lo, start) for mark in _OPENING_QUOTES)
    if opening < 0 or any(text.find(mark, opening + 1, start) >= 0 for mark in _CLOSING_QUOTES):
        return False
    named = r.doc_before.search(folded, max(0, opening - DOC_WORD_CHARS), opening) is not None
    reach = opening + (NAMED_QUOTE_CHARS if named else SHORT_QUOTE_CHARS)
    closing = min((i for mark in _CLOSING_QUOTES if (i := text.find(mark, end, reach)) >= 0), default=-1)
    if start >= reach or closing < 0:
        return False
    return named or not _said(text, opening, closing)


def _said(text: str, opening: int, closing: int) -> bool:
    """A quotation that opens a sentence and is then attributed (`« Nous visons le 3e rang d'ici
    2030 », a-t-elle déclaré`), or that ends its own sentence: words someone said, not a name."""
    if text[max(0, opening - 3) : opening].strip()[-1:] not in _SPEECH_BEFORE:
        return False
    after = text[closing + 1 : closing + 3].lstrip()
    return after[:1] == "," or text[:closing].rstrip()[-1:] in ".!?"


_SPEECH_BEFORE = ("", ".", "!", "?", ":")  # what stands before a quotation that opens a sentence
SHORT_QUOTE_CHARS = 40
NAMED_QUOTE_CHARS = 80
DOC_WORD_CHARS = 30
_OPENING_QUOTES = ("“", "«", "„")
_CLOSING_QUOTES = ("”", "»", "“")


def _international_phone_end(text: str, m: re.Match) -> int:
    """Where the telephone number whose country code these digits are ends (`+84 24 3941 1349`,
    `(+84) 24 3941 1349`), or -1."""
    phone = _INTERNATIONAL_PHONE.match(text, m.start() - 1)
    return phone.end() if phone and sum(c.isdigit() for c in phone.group(0)) >= PHONE_DIGITS else -1


def _block_end(folded: str, q: Quantity, r: Rules) -> int:
    m = r.numeric_date.match(folded, q.end)
    if m:
        return m.end()
    return _NO_SPACE.match(folded, q.end).end()  # the rest of the word the digits stand in


_NO_SPACE = re.compile(r"\S*")


def _with(q: Quantity, **changes) -> Quantity:
    return replace(q, **changes)


def _read_one(text: str, folded: str, m: re.Match, r: Rules, prev: Quantity | None) -> Quantity:
    start, end = m.start(), m.end()
    digits = m.group(0)
    before = folded[max(0, start - _BEFORE) : start]
    unit, kind, qualifier = "count", "figure", "exact"
    raw_end, unit_end = end, end

    follows = r.cue_after.match(folded, end) is not None  # else no `_AFTER_GATED` pattern matches at `end`
    pct = r.percent.match(folded, end) if follows else None
    scale = None if pct or not follows else r.scale.match(folded, end)
    u = None if pct or not follows else r.unit.match(folded, end)
    # `80,12 points`: a score is read with decimals; an area is counted (`1,200ha`, `1.200 ha`).
    value = parse_value(digits, decimal_hint=bool(pct) or bool(u and r.unit_name[u.lastgroup] == "points"))
    if value is None:
        return Quantity(start, end, text[start:end], 0.0, unit, qualifier, "name", end)
    if pct:
        unit, raw_end = "percent", pct.end()
    elif scale:
        factor = scale_factor_of(scale, r)
        raw_end = scale.end()
        larger = r.scale.match(folded, raw_end)
        if larger is not None and scale_factor_of(larger, r) > factor:  # `1,2 tys. mld`: a thousand billion
            factor *= scale_factor_of(larger, r)
            raw_end = larger.end()
        value *= factor
        more = _COMPOUND.match(folded, raw_end)
        if more:  # `68 billion 500 million`, `4 mil 500`: the smaller part written after the scale word
            value, raw_end = _compound(folded, more, value, factor, raw_end, r)
    if not math.isfinite(value):  # hundreds of digits: no quantity an article reports, and no number
        return Quantity(start, end, text[start:end], 0.0, "count", "exact", "name", end)
    unit_end = raw_end
    # No `..._before` pattern matches where the cue search finds nothing, nor starts before the cue
    # it finds (every one of them is one of its alternatives): they are searched from there.
    cue = r.cue_before.search(before)
    cued, at = cue is not None, cue.start() if cue is not None else 0
    curb = r.currency_before.search(before, at) if cued else None
    if curb and prev is not None and prev.unit_end > start - len(before) + curb.start():
        curb = None  # `1.150 Mrd. VND 2026 beginnen`: the currency is the amount's before it
    if raw_end != end:  # from here on, what follows the percent or scale word is read
        follows = r.cue_after.match(folded, raw_end) is not None
    if not pct:
        cur = r.currency.match(folded, raw_end) if follows else None
        if raw_end != end:  # after a scale word: `5 millones de hectáreas`
            u = r.unit.match(folded, raw_end) if follows else None
        if cur:
            unit, unit_end = r.currency_unit[cur.lastgroup], cur.end()
        elif curb:
            unit = r.currency_before_unit[curb.lastgroup]
            shared = _range_end(folded, end, r) if follows and raw_end == end else None
            if shared is not None and value <= _second_end(folded, end, r):
                value *= shared[0]  # `US$1.8-2 billion` (not `VND 400,000 to 1.2 million`)
        elif u and not _place_name(text, u):
            unit, unit_end = r.unit_name[u.lastgroup], u.end()
        elif cued and r.score_before.search(before, at):
            unit = "points"  # `con un punteggio di 0,7812`, `a score of 80.12`
        elif follows and r.range_percent.match(folded, raw_end):
            unit = "percent"  # `85 bis 90 %`, `10-15%`: the first end of a range of percents
        elif follows and value <= 100 and r.pair_percent.match(folded, raw_end):
            unit = "percent"  # `entre el 85 y el 90 %`, `5 and 7 percent`: one percent sign for both
        elif follows and raw_end == end and (shared := _range_end(folded, end, r)) is not None:
            factor, unit = shared  # `12-15 km`, `entre 3.500 et 4.000 milliards de dongs`: one unit for both
            value *= factor
        elif (
            follows
            and raw_end != end
            and (shared := _range_end(folded, raw_end, r)) is not None
            and shared[1] in r.money_units
        ):
            unit = shared[1]  # `tra 800 milioni e 1,5 miliardi di dong`: the second end's currency

    kind = _kind(text, folded, start, end, raw_end, digits, value, unit, before, r, prev, cued, follows, at)
    if kind == "rank":
        kind, unit = "figure", "rank"
    # (a qualifier before a currency, `más de US$ 5`, stands before the cue found: the currency)
    qm = _qualifier_before(_strip_currency(before, curb), r, 0 if curb else at) if cued else None
    if qm and r.not_qualifier.search(before, at):
        qm = None  # `verfügt über 24 Unternehmen`: has 24, not more than 24
    if qm:
        qualifier = r.qualifier_kind[qm.lastgroup]
    else:
        qa = r.qualifier_after.match(folded, unit_end) if follows or unit_end != raw_end else None
        if qa:
            qualifier = r.qualifier_after_kind[qa.lastgroup]
    if kind == "figure" and unit == "count":
        unit, qualifier = _rank(folded, start, raw_end, before, r, qualifier, cued, at)
    # `más de 2000 personas`: a qualified number is a count, not a year (`hasta 2030` is a year)
    if (
        kind == "year"
        and qm
        and r.qualifier_kind[qm.lastgroup] != "up_to"
        and not _YEARS_TO.match(folded, end)
    ):
        kind = "figure"  # (`over 2026-2030` is a period still)
    if qm and prev is not None and prev.unit == "rank" and r.rank_of.fullmatch(folded, prev.end, start):
        qualifier = "exact"  # `2. Platz unter 34 Provinzen`: the field ranked in, not `less than 34`
    ratio_next = kind == "figure" and bool(_RATIO_NEXT.match(folded, end))  # no copy of the text's rest
    return Quantity(start, raw_end, text[start:raw_end], value, unit, qualifier, kind, unit_end, ratio_next)


_YEARS_TO = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?(?:19|20)[0-9]{2}(?![0-9])")


def _place_name(text: str, u: re.Match) -> bool:
    """`Entro il 2030 Ha Tinh`, `2025 Ha Noi`: a capitalised `Ha` before a capitalised word opens a
    place's name; the unit is written `ha`."""
    word = text[u.start() : u.end()].strip()
    return word == "Ha" and text[u.end() + 1 : u.end() + 2].isupper()


def _range_end(folded: str, end: int, r: Rules) -> tuple[float, str] | None:
    """(scale factor, unit) written after the second end of a range that starts at `end` (`-15 km`,
    ` et 4.000 milliards de dongs`), when the second end has a scale word or a unit; else None."""
    m = r.range_next.match(folded, end)
    if m is None:
        return None
    scale = r.scale.match(folded, m.end())
    at = scale.end() if scale else m.end()
    factor = scale_factor_of(scale, r) if scale else 1.0
    if cur := r.currency.match(folded, at):
        return factor, r.currency_unit[cur.lastgroup]
    if u := r.unit.match(folded, at):
        return factor, r.unit_name[u.lastgroup]
    return (factor, "count") if scale else None


def _second_end(folded: str, end: int, r: Rules) -> float:
    """The digits of a range's second end (after `end`) as a number: 0 when unreadable."""
    m = r.range_next.match(folded, end)
    digits = m.group(0)[len(m.group(0).rstrip("0123456789.,\u00a0\u202f ")) :] if m else ""
    return parse_value(digits.strip()) or 0.0


def _compound(folded: str, more: re.Match, value: float, factor: float, raw_end: int, r: Rules):
    """The value and end of `68 billion 500 million` (a smaller scale word after the second digits)
    or `4 mil 500` (three digits under a thousand): (value, raw_end) unchanged when neither."""
    part = float(more.group(1))
    second = r.scale.match(folded, more.end())
    if second is not None and part * scale_factor_of(second, r) < factor:
        return value + part * scale_factor_of(second, r), second.end()
    if second is None and factor == THOUSAND and len(more.group(1)) == 3:
        return value + part, more.end()
    return value, raw_end


def scale_factor_of(m: re.Match, r: Rules) -> float:
    return float(r.scale_factor[m.lastgroup])


def _strip_currency(before: str, m: re.Match | None) -> str:
    """`before` without the currency written before the digits (`más de US$`), `m` its match."""
    return before[: m.start() + (1 if m.group(0)[:1].isspace() else 0)] if m else before


def _qualifier_before(before: str, r: Rules, at: int = 0) -> re.Match | None:
    """`r.qualifier_before.search(before)`, faster: most numbers have no qualifier. `at`: where
    the cue search found its cue in `before` (a qualifier starts there or after it)."""
    m = r.qualifier_any.search(before, at)
    return m and r.qualifier_before.match(before, m.start())


def _kind(
    text,
    folded,
    start,
    end,
    raw_end,
    digits,
    value,
    unit,
    before,
    r: Rules,
    prev,
    cued: bool,
    follows: bool,
    at: int = 0,
) -> str:
    """What the digits are: a figure, or one of the numbers the guideline does not count.
    `cued`: `r.cue_before` matches `before` (else none of the `..._before` patterns can);
    `follows`: `r.cue_after` matches at `raw_end` (else none of the `_AFTER_GATED` patterns can);
    `at`: where the cue search found its cue (no `..._before` pattern matches before it)."""
    if r.address.search(_token(folded, start, end)):
        return "name"
    plain = digits.isdigit()
    if (
        plain
        and 1 <= value <= 31
        and (r.date_after.match(folded, end) or cued and r.date_before.search(before, at))
    ):
        return "date"
    if _in_numeric_date(folded, start) or (
        # a date read from these digits on goes on with a mark right after them (`15.08` is read as
        # one run of `15.08.2025`, `02` as one of `02/07/2025`)
        folded[end : end + 1] in _DATE_MARKS
        and (r.numeric_date.match(folded, end) or _FULL_DATE.match(folded, start))
    ):
        return "date"
    if plain and value <= 31 and folded[start - 1 : start] == "(" and r.weekday_before.search(before):
        return "date"  # `nesta segunda-feira (17)`
    if plain and value <= 31 and cued and r.day_of_month_before.search(before, at):
        return "date"  # `na manhã do dia 20`
    if start == 0 and _LIST_NUMBER.match(folded, end):
        return "name"  # a list's or a section's number opening the line (`1. `, `2.1. Estratégia`)
    if (
        folded[end : end + 1] in ("/", ".")
        and (dm := _DAY_MONTH.match(folded, start))
        and (r.day_before.search(before) or _DATELINE_DASH.match(folded, dm.end()))
    ):
        return "date"  # `on the morning of 14/11`, `am 14.11.`, `Phu Tho, 18/10 – ...`
    if plain and value <= 31 and folded[end : end + 1] == "/" and _SLASH_YEAR.match(folded, end):
        return "date"  # `November, 21/2025`, `w 11/2025`: a day or a month, then the year
    if folded[end : end + 1] == "/" and cued and r.rank_slash_verb.search(before, at):
        return "rank"  # `ranked 38/63 provinces`
    ordinal = r.ordinal.match(folded, end)
    if ordinal:
        ranked = (
            r.rank_place.match(folded, ordinal.end())
            or r.rank_field.match(folded, ordinal.end())
            or (cued and (r.rank_verb.search(before, at) or r.rank_place_before.search(before, at)))
        )
        bracketed = folded[start - 1 : start] == "(" and folded[ordinal.end() : ordinal.end() + 1] == ")"
        return "rank" if ranked or bracketed or _score_follows(folded, ordinal.end(), r) else "ordinal"
    if folded[end : end + 1] == ".":
        if folded[end + 1 : end + 2] == ")" and folded[start - 1 : start] == "(":
            return "rank"  # `Dien Bien (33.) und Lai Chau (34.)`: an ordinal alone in brackets ranks
        if r.rank_place.match(folded, end + 1):
            return "rank"  # `2. Platz`, `14. miejsce`: an ordinal written with a point
        if r.period_after.match(folded, end + 1):
            return "period"  # `im 4. Quartal`: the ordinal of a period
    if folded[end : end + 2] == ".," and cued and r.rank_verb.search(before, at):
        return "rank"  # `Ben Tre była 6., a Tra Vinh 18.`
    if _POINT_LOWER.match(text, end, end + 3) and text[end + 2].islower():
        return "ordinal"  # `14. dnia`, `am 2. internationalen Forum`: no sentence ends before lower case
    bare = raw_end == end and unit == "count"  # nothing after the digits says what they measure
    if bare:
        if value < MAX_ORDINAL and r.session_after.match(folded, end):
            return "ordinal"  # `20 Congreso`; `1 046 sesji szkoleniowych` counts sessions
        if follows and r.period_after.match(folded, end):
            return "period"
        if follows and r.model_after.match(folded, end):
            return "name"
        if cued and r.label_before.search(before, at):
            return "name"  # `nivel 2`, `la línea directa 1022`
        if follows and r.label_after.match(folded, end):
            return "name"  # `the 1022 hotline`
        if prev is not None and prev.kind == "name" and r.label_list.search(before):
            return "name"  # `klas 1, 6 i 10`: the rest of a list the label opens
        if folded[end : end + 1] == "," and value <= MAX_AGE and plain and _is_age(text, start):
            return "name"  # an age: `Nguyen Thi Lan, 52, a pepper farmer`
        if folded[end : end + 1] == ")" and value <= MAX_AGE and plain and _is_bracketed_age(text, start):
            return "name"  # an age: `Landwirt Huỳnh Văn Tư (52) aus Thạnh Phú`
        if (
            end - start <= 2
            and text[start - 1 : start] == " "
            and text[start - 2 : start - 1].isalpha()
            and _facility_number(text, folded, start, end, r)
        ):
            return "name"  # `Nhon Trach 3 Industrial Park`, `parque industrial Bien Hoa 1`
        if folded[end : end + 1] == "/" and _DOC_SHAPE.match(folded, end):
            return "docnum"  # `13/2023/ND-CP`: a legal document's number, its year and its issuer
        glued = _GLUED.match(folded, end, end + 4)
        if glued:  # 57-NQ/TW, 71/NQ-CP, 5G, 8:30
            return "docnum" if glued.group(0)[0] in "-/" else "name"
    if _CODE_BEFORE.search(before, len(before) - 3):  # NQ-57, COVID-19 (two letters at the end: from there)
        return "name"
    if (cued and r.version_before.search(before, at)) or (_VERSION.fullmatch(digits) and bare):
        return "version"
    if cued and r.doc_before.search(before, at):
        return "docnum"
    if cued and r.phone_before.search(before, at):
        return "name"
    # `Avisos n.º 523 y 524` is two document numbers; `Resolución n.º 57 y 136 tareas` is not.
    if (
        prev is not None
        and prev.kind == "docnum"
        and r.conj_gap.fullmatch(folded, prev.end, start)
        and r.doc_plural_before.search(folded[max(0, prev.start - _BEFORE) : prev.start])
    ):
        return "docnum"
    if plain and len(digits) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and bare:
        return "year"
    return "figure"


def _fixed_shape(folded: str, m: re.Match, r: Rules) -> bool:
    """The digits are part of a shape that is never a figure (`24/7`, `[1/6]`)."""
    lo = max(0, m.start() - FIXED_SHAPE_REACH)
    return any(
        f.start() <= m.start() < f.end()
        for f in r.not_figures.finditer(folded, lo, m.end() + FIXED_SHAPE_REACH)
    )


FIXED_SHAPE_REACH = 8


def _facility_number(text: str, folded: str, start: int, end: int, r: Rules) -> bool:
    """The digits number a facility named after a place: two or more capitalised Vietnamese words
    right before them, and a facility's word (industrial park, power plant, port) just before the
    name or right after the digits."""
    if not text[text.rfind(" ", 0, start - 1) + 1 : start][:1].isupper():
        return False  # (most numbers follow no capitalised word)
    named = trailing_name_words(text[max(0, start - _BEFORE) : start].split(), MAX_NAME_WORDS)
    if len(named) < 2:
        return False
    lo = start - 1 - len(" ".join(named))
    return bool(
        r.facility_after.match(folded, end)
        or r.facility_before.search(folded, max(0, lo - FACILITY_REACH), lo)
    )


MAX_NAME_WORDS = 4
FACILITY_REACH = 40  # `31 industrial parks, from Bien Hoa 1 to ...`


def _is_age(text: str, start: int) -> bool:
    """The digits stand between commas right after two capitalised Vietnamese syllables (a name)."""
    if text[start - 2 : start - 1] != ",":
        return False  # (most numbers before a comma follow no comma)
    m = _AGE_BEFORE.search(text, max(0, start - _BEFORE), start)
    words = m.group(0).rstrip(", \u00a0").split() if m is not None else []
    return bool(words) and all(map(is_name_word, words))


def _is_bracketed_age(text: str, start: int) -> bool:
    """The digits stand alone in brackets right after a person's name: two to four capitalised
    Vietnamese syllables, the first a family name, naming no province (`Cà Mau (45)` counts)."""
    if text[start - 2 : start] != " (":
        return False
    named = trailing_name_words(text[max(0, start - _BEFORE) : start - 2].split(), MAX_NAME_WORDS)
    while len(named) >= 2 and _fold_places(named[0]) not in surnames():
        named.pop(0)  # `Landwirt`, `Bauer`: a word before the name
    return len(named) >= 2 and not find_places(" ".join(named))


def _in_numeric_date(folded: str, start: int) -> bool:
    """The middle or last part of 02/07/2025."""
    if folded[start - 1 : start] not in ("/", ".", "-", "\n"):
        return False  # both end with a mark right before the digits (or before a line's end)
    lo = max(0, start - 6)
    head = folded[lo:start]
    if _DATE_HEAD.search(head):
        return True
    return bool(_DAY_HEAD.search(head) and _MONTH_YEAR.match(folded, start, start + 8))


def _token(folded: str, start: int, end: int) -> str:
    lo = start
    while lo > 0 and not folded[lo - 1].isspace():
        lo -= 1
    return folded[lo : _NON_SPACE.match(folded, end).end()]


def _rank(
    folded: str, start: int, raw_end: int, before: str, r: Rules, qualifier: str, cued: bool, at: int = 0
) -> tuple[str, str]:
    """`entre los 10 mejores`, `top 10` -> rank, up_to; `puesto 5` -> rank."""
    rb = r.rank_before.search(before, at) if cued else None
    if rb and (r.rank_after.match(folded, raw_end) or rb.group(0).strip().endswith("top")):
        return "rank", "up_to"
    if cued and r.rank_first.search(before, at) and r.rank_fields.match(folded, raw_end):
        return "rank", "up_to"  # `entrare nel gruppo delle prime 15 province`
    if cued and r.rank_place_before.search(before, at):
        return "rank", qualifier
    return "count", qualifier
