"""Regular expressions shaped for Python's engine, with the matches of their plain form.

Python's `re` tries the alternatives of `a|b|c` one after the other at every position where a
match may start. A long list of names or words (`hà nội|hải phòng|huế|...`) therefore costs
one attempt per alternative per position. `alternation_tree` writes the same alternatives as a
tree over their leading letters (`h(?:a(?:noi|iphong)|ue)`), so that a position costs a few
attempts; the alternatives keep their order wherever two of them can start with the same
letters, so the engine picks the same one as the plain alternation would.
"""

from __future__ import annotations

import re


def alternation_tree(alternatives: list[tuple[str, str]]) -> str:
    """One regex for `literal + rest` alternatives (in the plain alternation's order, `literal`
    plain text, `rest` a regex), grouped by their literal leading letters.

    Two alternatives whose literals start with different letters never match at the same
    position, so only their relative order within a group matters, and it is kept. An
    alternative without a literal start may match where any other does: the alternatives
    before it are grouped apart from those after it.
    """
    parts: list[str] = []
    i = 0
    while i < len(alternatives):
        if not alternatives[i][0]:
            parts.append(alternatives[i][1])
            i += 1
            continue
        j = i
        while j < len(alternatives) and alternatives[j][0]:
            j += 1
        groups: dict[str, list[tuple[str, str]]] = {}
        for literal, rest in alternatives[i:j]:
            rest = f"(?:{rest})" if has_top_level_bar(rest) else rest  # `rest` stays one piece
            groups.setdefault(literal[0], []).append((literal[1:], rest))
        for letter, members in groups.items():
            if len(members) == 1:
                parts.append(re.escape(letter + members[0][0]) + members[0][1])
            else:
                parts.append(f"{re.escape(letter)}(?:{alternation_tree(members)})")
        i = j
    return "|".join(parts)


def any_of(patterns: list[str], after: str = "") -> str:
    """A regex that matches where one of `patterns`, each followed by `after`, does, written as a
    tree of their literal heads (which of them matches first is not kept: for tests of whether
    one does)."""
    alternatives = []
    for pattern in patterns:
        head = "" if has_top_level_bar(pattern) else literal_head(pattern)
        alternatives.append((head, f"(?:{pattern[len(head) :]}){after}"))
    alternatives.sort(key=lambda a: not a[0])  # one run of headed alternatives: one tree
    return alternation_tree(alternatives) or r"(?!x)x"


def has_top_level_bar(pattern: str) -> bool:
    """`a|b` (an alternation at the top of the pattern), not `(?:a|b)c`."""
    depth, escaped = 0, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and not depth:
            return True
    return False


_META = set("\\.^$*+?{}[]()|")


def literal_head(pattern: str) -> str:
    """The letters every match of `pattern` starts with (`servicios? p` -> `servicio`); what
    follows them is never a quantifier, so the head can be written apart from the rest."""
    head = []
    for i, ch in enumerate(pattern):
        if ch in _META or not (ch.isalnum() or ch in " '-"):
            break
        if i + 1 < len(pattern) and pattern[i + 1] in "?*+{":
            break
        head.append(ch)
    return "".join(head)
