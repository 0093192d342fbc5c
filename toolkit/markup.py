"""Markup left in a scraped page: HTML tags and entities, Markdown links, images and emphasis.

Scrapers hand pages over as plain text, as HTML fragments or as Markdown. The markup carries no
words of the article, but it splits what the extractors read: `m&aacute;s de 1.500`,
`**Ms. Nguyen Thi Hanh**`, `# Title`. It is taken out before the lines are classified: block
tags become line breaks, table cells bars, entities the characters they stand for, links their
text; images, scripts and styles go. Plain text (the usual case) is only scanned, never copied.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

# A tag of HTML's own vocabulary: only a page holding one is read as HTML (`<5 %` is no tag).
_HTML_HINT = re.compile(
    r"</?(?:p|br|div|span|a|img|h[1-6]|li|ul|ol|strong|em|b|i|u|table|tr|td|th|figure|figcaption"
    r"|section|article|header|footer|nav|aside|blockquote|script|style|iframe|picture|source)\b[^<>]*>",
    re.IGNORECASE,
)
_HIDDEN = re.compile(
    r"<(script|style|noscript|iframe|svg|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_CELL_GAP = re.compile(r"</t[dh]\s*>\s*<t[dh]\b[^>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|thead|tbody|tfoot|caption|figure|figcaption|section|article"
    r"|header|footer|nav|aside|blockquote|main|dl|dt|dd|hr|pre|center)\b[^<>]*>",
    re.IGNORECASE,
)
_IMG_TAG = re.compile(r"<(?:img|picture|source|video|audio)\b[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
# Entities with their semicolon only: `R&D;` stays (no entity by that name), `&amp` unclosed too.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# A Markdown link or image with an address (`![]()` placeholders alone on a line are the cleaner's).
_MD_TARGET = re.compile(r"\]\((?:https?://|www\.|/)")
_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\((?:https?://|www\.|/)[^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_STRONG = re.compile(r"\*\*(?=\S)([^\n]+?)(?<=\S)\*\*")
# (opening with its literal mark, which the engine finds at scanning speed)
_MD_EMPHASIS = re.compile(r"\*(?<![\w*]\*)(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")


class Stripped(NamedTuple):
    text: str
    notes: list[str]  # what markup around words was taken out: tags, entities, links, emphasis
    images: int  # images taken out (they hold no words; many scrapers leave `![]()` for each)


def strip_markup(text: str) -> Stripped:
    """The text without HTML or Markdown markup, with what was taken out."""
    notes: list[str] = []
    images = 0
    # Entities first, and again while escaped ones remain (`&amp;nbsp;`): what they write out is then
    # read as the page's own (a tag written `&lt;p&gt;` included), so a second pass finds nothing.
    if "&" in text and _has_entity(text):
        count = 0
        while True:  # (each round shortens the text: it ends)
            text, n = _ENTITY.subn(lambda m: html.unescape(m.group(0)), text)
            count += n
            if "&" not in text or not _has_entity(text):
                break
        notes.append(f"{count} HTML entit{'ies' if count > 1 else 'y'}")
    if "<" in text and _HTML_HINT.search(text):
        text, images = _strip_html(text)
        notes.insert(0, "HTML tags")
    text, n, marks = _strip_markdown(text)
    if marks:
        notes.append("Markdown links, headings or emphasis")
    return Stripped(text, notes, images + n)


def _has_entity(text: str) -> bool:
    """An entity at one of the ampersands (`R&D` has none): looked for only where an `&` stands."""
    at = text.find("&")
    while at >= 0:
        if _ENTITY.match(text, at):
            return True
        at = text.find("&", at + 1)
    return False


def _strip_html(text: str) -> tuple[str, int]:
    text = _HIDDEN.sub("", text)
    text = _CELL_GAP.sub(" | ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text, images = _IMG_TAG.subn("", text)
    return _ANY_TAG.sub("", text), images


def _strip_markdown(text: str) -> tuple[str, int, int]:
    """The text without Markdown marks, how many images went and how many marks around words; marks
    inside marks (`****a****`, a link in a link) are taken out by further rounds."""
    images = marks = 0
    while True:  # (each round that finds something shortens the text: it ends)
        text, found_images, found_marks = _markdown_once(text)
        images, marks = images + found_images, marks + found_marks
        if not (found_images or found_marks):
            return text, images, marks


def _markdown_once(text: str) -> tuple[str, int, int]:
    """One round of `_strip_markdown`. Each pattern runs only where a character it needs is found
    (a one-character search is the fastest scan there is)."""
    images = marks = 0
    if "[" in text and "](" in text and _MD_TARGET.search(text):
        images = sum(1 for bang, _ in _MD_LINK.findall(text) if bang)
        text, n = _MD_LINK.subn(lambda m: "" if m.group(1) else m.group(2), text)
        marks += n - images
    if "#" in text:
        text, n = _MD_HEADING.subn(r"\1", text)
        marks += n
    if "*" in text and text.find("*", text.find("*") + 1) >= 0:
        if "**" in text:
            text, n = _MD_STRONG.subn(r"\1", text)
            marks += n
        text, n = _MD_EMPHASIS.subn(r"\1", text)
        marks += n
    return text, images, marks
