"""The time a figure covers, from the wording of its sentence.

`find_periods(folded, lang)` lists the period expressions of a (folded) sentence:
`en los primeros diez meses de 2025` -> `2025-01..2025-10`, `al 30 de junio de
2025` -> `as of 2025-06-30`, `en junio de 2025` -> `2025-06`, `2021-2025` ->
`2021..2025`, `solo en 2025` -> `2025`. The date of a document (`del 16 de mayo
de 2025`) is not a period, and its year is not one either. `period_at` picks the
period of a figure: the nearest one before it in the sentence, else the first
after it in the same clause. Wording is data: `[periods]` and `[months]` of
`toolkit/data/numbers/<lang>.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from toolkit.numbers import FALLBACK_LANGUAGE, fold, merge_data, words_alternation

_SP = r"[\s\u00a0\u202f\u2009]+"
_YEAR = r"(?:19|20)[0-9]{2}"
_YEARISH = re.compile(r"(?:19|20)[0-9]{2}")
# A year not preceded by a digit (or a mark, for `year`), written from its first digit with what
# stands before it checked from there: a pattern that starts with digits lets the regex engine
# skip from digit to digit instead of trying every position.
_YEAR_AFTER_NON_DIGIT = r"(?:19|20)(?<![0-9]..)[0-9]{2}"
_YEAR_ALONE = r"(?:19|20)(?<![0-9.,/\-]..)[0-9]{2}"
# `02/07/2025`: a date written in digits (the form `date_num` of a full date).
_NUMERIC_DATE = re.compile(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:19|20)[0-9]{2}")


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class _PeriodRules:
    first_months: re.Pattern
    half: re.Pattern
    quarter: re.Pattern
    as_of: re.Pattern
    full_date: re.Pattern
    month_year: re.Pattern
    year_range: re.Pattern
    year: re.Pattern
    months: dict
    numbers: dict
    # Words without which some expressions cannot match: a sentence lacking them skips those.
    month_word: re.Pattern  # full dates, `as of` dates and months of a year name a month ...
    month_unit: re.Pattern  # `the first ten months` names a month unit


@cache
def _rules(lang: str) -> _PeriodRules:
    d = merge_data(lang or FALLBACK_LANGUAGE)
    p = d.get("periods", {})
    months = {fold(k): v for k, v in d.get("months", {}).items()}
    numbers = {fold(k): v for k, v in p.get("number_words", {}).items()}
    month_w = words_alternation(list(months))
    num = rf"(?:[0-9]{{1,2}}|{words_alternation(list(numbers))})"
    first, units = words_alternation(p.get("first", [])), words_alternation(p.get("month_units", []))
    link = words_alternation(p.get("date_link", []))
    gap = r"[^.;0-9]{0,30}?"
    day = r"(?P<d>[0-9]{1,2})(?:\.|º|°|er)?"
    date_dmy = rf"{day}{_SP}(?:(?:{link}){_SP})?(?P<m>{month_w}),?{_SP}(?:(?:{link}){_SP})?(?P<y>{_YEAR})"
    date_mdy = rf"(?P<m2>{month_w}){_SP}(?P<d2>[0-9]{{1,2}}),?{_SP}(?P<y2>{_YEAR})"
    date_num = r"(?P<d3>[0-9]{1,2})[/.\-](?P<m3>[0-9]{1,2})[/.\-](?P<y3>(?:19|20)[0-9]{2})"
    return _PeriodRules(
        first_months=re.compile(
            rf"(?:(?:{first}){_SP}(?P<n>{num})|(?P<n2>{num}){_SP}(?:{first})){_SP}(?:{units})\b{gap}(?P<y>{_YEAR})"
        ),
        half=re.compile(rf"(?:{words_alternation(p.get('half', []))})\b{gap}(?P<y>{_YEAR})"),
        quarter=re.compile(rf"(?:{words_alternation(p.get('quarter', []))})\b{gap}(?P<y>{_YEAR})"),
        as_of=re.compile(
            rf"(?:^|[^\w])(?:{words_alternation(p.get('as_of', []))}){_SP}(?:{date_dmy}|{date_mdy}|{date_num})"
        ),
        full_date=re.compile(rf"{date_dmy}|{date_mdy}|{date_num}"),
        month_year=re.compile(rf"\b(?P<m>{month_w}){_SP}(?:(?:{link}){_SP})?(?P<y>{_YEAR})\b"),
        year_range=re.compile(rf"(?P<a>{_YEAR_AFTER_NON_DIGIT})\s*[\-–—/]\s*(?P<b>{_YEAR})(?![0-9])"),
        year=re.compile(rf"(?P<y>{_YEAR_ALONE})(?![0-9]|[/\-][0-9a-z])"),
        months=months,
        numbers=numbers,
        month_word=re.compile(month_w),
        month_unit=re.compile(units),
    )


def find_periods(folded: str, lang: str) -> list[Period]:
    """Period expressions in folded text, in text order, none overlapping."""
    if not _YEARISH.search(folded):  # every period names its year
        return []
    r = _rules(lang or FALLBACK_LANGUAGE)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, value: str | None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        if value:
            found.append(Period(m.start(), m.end(), value))

    months = r.month_word.search(folded) is not None
    dates = list(r.full_date.finditer(folded)) if months or _NUMERIC_DATE.search(folded) else []
    for m in r.first_months.finditer(folded) if r.month_unit.search(folded) else ():
        n = _count(m.group("n") or m.group("n2"), r.numbers)
        add(m, f"{m['y']}-01..{m['y']}-{n:02d}" if n and 1 <= n <= 12 else m["y"])
    for m in r.half.finditer(folded):
        add(m, f"{m['y']}-01..{m['y']}-06")
    for m in r.quarter.finditer(folded):
        add(m, f"{m['y']}-01..{m['y']}-03")
    for m in r.as_of.finditer(folded) if dates else ():  # its date is a full date
        add(m, _as_of(m, r.months))
    for m in dates:  # a dated document: neither the date nor its year is a period
        add(m, None)
    for m in r.month_year.finditer(folded) if months else ():
        add(m, f"{m['y']}-{r.months[m['m']]:02d}")
    for m in r.year_range.finditer(folded):
        add(m, f"{m['a']}..{m['b']}")
    for m in r.year.finditer(folded):
        add(m, m["y"])
    return sorted(found, key=lambda p: p.start)


def _count(word: str, numbers: dict) -> int | None:
    return int(word) if word.isdigit() else numbers.get(word)


def _as_of(m: re.Match, months: dict) -> str | None:
    if m.group("y"):
        y, mo, d = m["y"], months[m["m"]], m["d"]
    elif m.group("y2"):
        y, mo, d = m["y2"], months[m["m2"]], m["d2"]
    else:
        y, mo, d = m["y3"], int(m["m3"]), m["d3"]
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"as of {y}-{int(mo):02d}-{int(d):02d}"


def period_at(periods: list[Period], pos: int, clause_end: int) -> str:
    """The period of a figure at `pos`: the nearest before it, else the first after it before `clause_end`."""
    before = [p for p in periods if p.end <= pos]
    if before:
        return before[-1].value
    after = [p for p in periods if p.start >= pos and p.end <= clause_end]
    return after[0].value if after else ""
