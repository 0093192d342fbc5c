"""Find the input files and decode them into raw text.

Every `.txt` file under the inputs becomes one Document, `ok` or `rejected`
with a plain-language reason; nothing is dropped without a trace. Files of
other kinds in input folders are reported as skipped.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import BinaryIO

import ftfy
from ftfy.badness import BADNESS_RE

from toolkit.langdata import languages, load
from toolkit.model import Document, finding

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
TEXT_SUFFIXES = (".txt",)
# Single-byte code pages tried, in order of likelihood for our languages, when a file is not UTF.
LEGACY_ENCODINGS = ("cp1252", "cp1250", "iso8859_2", "iso8859_15", "cp1258", "latin_1")
# Repair mojibake only; leave quotes, widths and ligatures as the article wrote them.
FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    unescape_html=False,
    normalization="NFC",
    explain=False,
)
# Control characters no text file holds in numbers (C1 ones come from bytes decoded as Latin-1).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# C0 and C1 control characters but tab, newline and carriage return (cleaning handles those).
# `_ANY_CONTROL` holds every character of `_CONTROL` and `_STRAY_CONTROL`: text it finds nothing in
# needs neither the binary check nor the removal.
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# The same characters as UTF-8 bytes: the one-byte ones (C0 and DEL) are what deleting every other
# byte leaves; the C1 ones are \xc2 and a byte 80-9f; the two separators \xe2 \x80 and a8 or a9.
# Bytes are searched several times faster than the decoded text (no character class per character).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _ANY_CONTROL.match(chr(b)) or b >= 0x80)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_SEPARATORS_UTF8 = re.compile(rb"\xe2\x80[\xa8\xa9]")


@dataclass
class Inputs:
    """The files found under the inputs, and what could not be searched or was skipped."""

    files: list[Path] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def find_inputs(paths: list[str | os.PathLike]) -> Inputs:
    """Every `.txt` file under `paths` (files or folders, searched recursively), sorted and unique."""
    found = Inputs()
    seen_files: set[object] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            _add(found, seen_files, path)
        elif path.is_dir():
            _walk(path, found, seen_files)
        else:
            found.findings.append(
                finding(
                    "input_missing",
                    "error",
                    f"The input '{path}' does not exist or cannot be opened.",
                    subject=str(path),
                )
            )
    found.files.sort()
    return found


def _add(found: Inputs, seen: set[object], path: Path) -> None:
    if (key := _file_key(path)) not in seen:
        seen.add(key)
        found.files.append(path)


def _file_key(path: Path) -> object:
    """The same key for every name of one file (links, `a/../a`): its device and inode (one system
    call), else its resolved path, which never raises, even for a link loop (reading it will say so)."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)


def _walk(root: Path, found: Inputs, seen_files: set[object]) -> None:
    seen_dirs: set[tuple[int, int]] = set()

    def on_error(err: OSError) -> None:
        found.findings.append(
            finding(
                "folder_unreadable",
                "warning",
                f"The folder '{err.filename}' could not be searched ({err.strerror or err}); files inside it were not read.",
                subject=str(err.filename),
            )
        )

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            found.findings.append(
                finding(
                    "folder_loop",
                    "warning",
                    f"The folder '{folder}' was reached a second time through a link; it was searched once only.",
                    subject=folder,
                )
            )
            dirs[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if name.lower().endswith(TEXT_SUFFIXES):
                _add(found, seen_files, path)
            elif not name.startswith("."):
                found.skipped.append(path)
                found.findings.append(
                    finding(
                        "file_skipped",
                        "info",
                        f"The file '{path}' is not a .txt file and was not read.",
                        subject=str(path),
                    )
                )


def doc_ids_for(files: list[Path]) -> list[str]:
    """The file name without extension; a repeated name gets a numbered suffix so ids stay unique."""
    counts: dict[str, int] = {}
    ids = []
    for path in files:
        stem = path.stem
        counts[stem] = counts.get(stem, 0) + 1
        ids.append(stem if counts[stem] == 1 else f"{stem}~{counts[stem]}")
    return ids


def read_document(
    path: str | os.PathLike, doc_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read and decode one file. Never raises for bad data: a rejected Document says why."""
    path = Path(path)
    doc = Document(doc_id=doc_id or path.stem, path=str(path))
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            return _reject(doc, "This is a folder, not a file.")
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device would block the run or never end
            return _reject(doc, "This is not an ordinary file (a pipe, socket or device); it was not read.")
        if st.st_size > max_bytes:
            return _reject(doc, _too_large(st.st_size, max_bytes))
        with path.open("rb") as fh:
            data = _read_up_to(fh, st.st_size, max_bytes + 1)
        if len(data) > max_bytes:
            return _reject(doc, _too_large(len(data), max_bytes))
    except FileNotFoundError:
        if path.is_symlink():
            return _reject(doc, "The file is a link to a file that does not exist.")
        return _reject(doc, "The file disappeared before it could be read.")
    except PermissionError:
        return _reject(doc, "The file could not be read: permission denied.")
    except IsADirectoryError:
        return _reject(doc, "This is a folder, not a file.")
    except OSError as err:
        if err.errno == errno.ELOOP:
            return _reject(doc, "The file is a link that leads back to itself (a loop of links).")
        return _reject(doc, f"The file could not be read ({err.strerror or err}).")
    return decode_document(doc, data)


def _read_up_to(fh: BinaryIO, size: int, limit: int) -> bytes:
    """`fh.read(limit)`, asking first for the `size` measured (and a byte more, to see growth):
    a read of `limit` bytes allocates all of them first (25 MB for every file, then given back);
    a file grown since it was measured is read on, up to `limit` in all."""
    data = fh.read(min(size + 1, limit))
    if len(data) > size and len(data) < limit:  # the file grew: read on as the plain call would
        data += fh.read(limit - len(data))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"The file is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)} per file "
        "(change it with --max-file-mb)."
    )


def _megabytes(n: int) -> str:
    mb = n / 1024 / 1024
    return f"{mb:.1f} MB" if mb < 10 else f"{mb:.0f} MB"


def decode_document(doc: Document, data: bytes) -> Document:
    """Fill `doc.text` and `doc.encoding` from raw bytes, or reject the document."""
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        return _reject(
            doc, "The file is empty (zero bytes only)." if b"\x00" in data else "The file is empty."
        )
    text, encoding, note = decode_bytes(data)
    if text is None:
        return _reject(doc, note)
    # One scan for any control character: without one (the usual case) the text is neither
    # binary nor has controls to remove, so both checks below are skipped.
    if encoding == "utf-8" and not note:  # text is data decoded as it stands: read the bytes
        has_controls = has_control_bytes(data)
    else:
        has_controls = _ANY_CONTROL.search(text) is not None
    if has_controls and _looks_binary(text):
        return _reject(doc, "The file holds binary data (control characters), not text.")
    text, removed = remove_controls(text) if has_controls else (text, 0)
    if removed:
        doc.findings.append(
            finding(
                "control_characters_removed",
                "warning",
                f"{removed} invisible control character{'s were' if removed > 1 else ' was'} removed from the text.",
                doc_id=doc.doc_id,
                subject=doc.path,
            )
        )
    if note:
        check = "file_truncated" if encoding == "utf-8" else "decoding_guessed"
        doc.findings.append(finding(check, "warning", note, doc_id=doc.doc_id, subject=doc.path))
    text, repaired = repair_mojibake(text)
    if repaired:
        doc.findings.append(
            finding(
                "mojibake_repaired",
                "warning",
                "Garbled characters from a wrong decoding (mojibake) were repaired; check names and figures against the source.",
                doc_id=doc.doc_id,
                subject=doc.path,
            )
        )
    if not text.strip():
        return _reject(doc, "The file holds no readable text.")
    doc.text = text
    doc.encoding = encoding
    return doc


def has_control_bytes(data: bytes) -> bool:
    """`_ANY_CONTROL.search(data.decode("utf-8"))`, read off UTF-8 bytes without decoding them."""
    return bool(
        data.translate(None, _NOT_CONTROL_BYTES) or _C1_UTF8.search(data) or _SEPARATORS_UTF8.search(data)
    )


def decode_bytes(data: bytes) -> tuple[str | None, str, str]:
    """(text, encoding, note). text is None when the bytes are not text; note explains a guess or refusal."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _try(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _try(data, "utf-16", "utf-16")
    if b"\x00" in data:
        guessed = _guess_utf16(data)
        if guessed:
            return guessed
        text = data.rstrip(b"\x00")
        if text.strip() and b"\x00" not in text:  # a copy stopped half-way leaves zeros where text was due
            decoded, encoding, note = decode_bytes(text)
            cut = "The file ends in empty (NUL) bytes: it was probably not copied completely; check it is whole."
            return decoded, encoding, f"{cut} {note}".strip()
        return None, "", "The file holds binary data (NUL bytes), not text."
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and _is_utf8(data[: err.start]):
            note = "The file ends in the middle of a character (it was cut off); the last bytes were dropped."
            return data[: err.start].decode("utf-8"), "utf-8", note
    return _decode_legacy(data)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _try(data: bytes, codec: str, label: str) -> tuple[str | None, str, str]:
    try:
        return data.decode(codec), label, ""
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return (
            text,
            label,
            f"The file is marked as {label} but holds invalid bytes; they were replaced with '\ufffd'.",
        )


def _guess_utf16(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16 written without a byte-order mark: NULs mostly in every other byte."""
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) / len(zeros) > 0.6:
            try:
                text = data[: len(data) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return (
                    text,
                    codec,
                    f"The file has no byte-order mark; it was read as {codec.upper()}, a guess.",
                )
    return None


def _decode_legacy(data: bytes) -> tuple[str, str, str]:
    """Not UTF-8: the single-byte code page whose accented letters best fit one of our languages."""
    best_score, encoding, text = -1.0, "latin_1", data.decode("latin_1")
    for candidate in LEGACY_ENCODINGS:
        try:
            decoded = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        score = _alphabet_fit(decoded)
        if score > best_score:
            best_score, encoding, text = score, candidate, decoded
    note = f"The file is not UTF-8; it was decoded as {encoding}, a guess. Check accented letters."
    return text, encoding, note


@cache
def _alphabets() -> list[frozenset[str]]:
    return [frozenset(load("boilerplate", lang).get("letters", "")) for lang in languages("boilerplate")]


def _alphabet_fit(text: str) -> float:
    """Share of the non-ASCII characters that belong to the best-fitting language's alphabet."""
    others = [ch for ch in text if ord(ch) > 127]
    if not others:
        return 1.0
    counts = Counter(others)
    return max(sum(n for ch, n in counts.items() if ch in alphabet) for alphabet in _alphabets()) / len(
        others
    )


# Every pattern of ftfy's mojibake detector holds two non-ASCII characters in a row or one of these
# (C1 controls, `Ã`/`Â` before a space, `Œ`/`œ` before a non-letter), and spans at most 8 characters;
# so the detector runs only around such seeds, not over the whole text, with the same answer.
# Written to open with one character class (the engine then skips ASCII text at C speed instead of
# trying the pattern at every position), it finds the same seeds as `[^\x00-\x7f]{2}|[\x80-\x9f...]`.
_MOJIBAKE_SEED = re.compile("[^\x00-\x7f](?:[^\x00-\x7f]|(?<=[\x80-\x9f\u0152\u0153\u00c2\u00c3]))")
_MOJIBAKE_REACH = 8


def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, computed only in the few places where it can match."""
    for m in _MOJIBAKE_SEED.finditer(text):
        if BADNESS_RE.search(text, max(0, m.start() - _MOJIBAKE_REACH), m.end() + _MOJIBAKE_REACH):
            return True
    return False


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Repair text garbled by a wrong decoding (e.g. 'Ã©' for 'é'). Returns (text, changed)."""
    if text.isascii() or not looks_like_mojibake(text):
        return text, False
    fixed = ftfy.fix_text(text, config=FTFY_CONFIG)
    return fixed, fixed != text


def remove_controls(text: str) -> tuple[str, int]:
    """Text without control characters (they break names, figures and spreadsheet cells); the line
    breaks Word and old systems write as vertical tab, form feed or NEL become newlines.
    Returns (text, how many were removed)."""
    if not _ANY_CONTROL.search(text):  # the usual case: one scan, no copy
        return text, 0
    text = text.translate(_LINE_BREAKS)
    cleaned, n = _STRAY_CONTROL.subn("", text)
    return cleaned, n


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) > 0.05 or "\x00" in sample


def _reject(doc: Document, reason: str) -> Document:
    doc.status = "rejected"
    doc.error = reason
    doc.text = ""
    doc.findings.append(finding("file_rejected", "error", reason, doc_id=doc.doc_id, subject=doc.path))
    return doc
