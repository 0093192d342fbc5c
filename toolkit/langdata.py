"""Language knowledge kept as data: `toolkit/data/<topic>/<lang>.toml`.

Each topic (boilerplate, numbers, indicators, people, ...) has one TOML file per
language, named by its ISO 639-1 code. The code stays language-agnostic: adding
a language is adding a file. A file `_common.toml` holds wording shared by all.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

DATA = resources.files("toolkit") / "data"


@cache
def languages(topic: str) -> tuple[str, ...]:
    """The language codes that have a file for `topic`."""
    folder = DATA / topic
    return tuple(
        sorted(
            p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml") and not p.name.startswith("_")
        )
    )


@cache
def load(topic: str, lang: str) -> dict[str, Any]:
    """The data of one language for one topic; empty when the language has no file."""
    path = DATA / topic / f"{lang}.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load_all(topic: str) -> dict[str, dict[str, Any]]:
    """Every language's data for `topic`, `_common` included when present."""
    out = {lang: load(topic, lang) for lang in languages(topic)}
    common = load(topic, "_common")
    if common:
        out["_common"] = common
    return out


def words(topic: str, key: str, lang: str | None = None) -> list[str]:
    """The list under `key` for one language plus `_common`, or for all languages when `lang` is None."""
    langs = [lang, "_common"] if lang else [*languages(topic), "_common"]
    seen: dict[str, None] = {}
    for code in langs:
        for w in load(topic, code).get(key, []):
            seen.setdefault(w, None)
    return list(seen)


@cache
def language_name(code: str) -> str:
    """English name of an ISO 639-1 code (`es` -> Spanish) from CLDR (babel); the code itself when
    unknown, `unknown` when empty."""
    from babel import Locale

    if not code:
        return "unknown"
    return Locale.parse("en").languages.get(code, code)


@cache
def function_words(code: str) -> frozenset[str]:
    """Short words frequent in any paragraph of the language (`data/quality/<lang>.toml`); empty
    for a language without a file."""
    return frozenset(w.casefold() for w in load("quality", code).get("function_words", []))


_WORD = re.compile(r"\w+")


def folded_words(text: str) -> list[str]:
    """The text's words, case-folded as the lists of function words are."""
    return _WORD.findall(text.casefold())


def count_in(tokens: list[str], vocabulary: frozenset[str]) -> int:
    """How many of the tokens (repeats counted) are in the vocabulary; one C-level pass."""
    return sum(map(vocabulary.__contains__, tokens))
