"""A hostile input folder, the same for the same seed: what staff may point the toolkit at.

`build_corpus(folder, n_files, seed)` writes `n_files` `.txt` files that cycle
through every kind in `KINDS` (empty, binary, truncated UTF-8, UTF-16 without
byte-order mark, legacy code pages, mixed scripts, HTML pages, one huge line,
control characters, right-to-left marks, zero-width spaces inside numbers,
400-digit numbers, 50-word names, deeply repeated paragraphs, fragments of the
seed articles, text that a spreadsheet would run as a formula ...), plus files
the toolkit must skip (images, Word files), odd file names, a folder loop
through a symbolic link, a dangling link and a link loop. With `big_mb` it also
writes one text file of that many megabytes on a single line.

Every kind writes bytes only: nothing here knows what the toolkit will make of
them. It returns {path relative to folder: kind} for every `.txt` file written.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"

# Text a spreadsheet would run as a formula, placed where it reaches titles, quotes, names, evidence.
FORMULAS = (
    '=HYPERLINK("http://example.invalid/x","pulse aquí")',
    "=1+2",
    "+SUM(A1:A9)",
    "-2+3 cmd",
    "@SUM(1,2)",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
SCRIPTS = (
    "Провинция выдала 1 200 подписей",  # Cyrillic
    "省人民委员会发布了 3.500 份文件",  # Chinese
    "أصدرت المقاطعة 9.000 توقيع رقمي",  # Arabic, right to left
    "प्रांत ने 4,500 हस्ताक्षर जारी किए",  # Devanagari
    "Tỉnh đã cấp 9.000 chữ ký số cho người dân",  # Vietnamese
    "Η επαρχία εξέδωσε 750 υπογραφές",  # Greek
    "県は 1,938 件のサービスを提供した",  # Japanese
    "🚀📈 12 345 emojis 👩‍💻",
    "Z̸̢̛a̷̡͝l̶̨̛g̴̢͘o̵̡͠ 5 000 combining marks",
)
WORDS = tuple(
    [
        "la",
        "provincia",
        "emitió",
        "más",
        "de",
        "firmas",
        "digitales",
        "servicios",
        "públicos",
        "en",
        "línea",
        "tareas",
        "completadas",
        "hectáreas",
        "de",
        "bosque",
        "millones",
        "de",
        "dongs",
        "porcentaje",
        "hogares",
        "conferencia",
        "secretario",
        "presidente",
        "camarada",
        "comité",
        "popular",
        "provincial",
        "del",
        "partido",
        "la",
        "province",
        "a",
        "délivré",
        "plus",
        "de",
        "signatures",
        "województwo",
        "wydało",
        "ponad",
        "podpisów",
        "the",
        "province",
        "issued",
        "more",
        "than",
        "digital",
        "signatures",
    ]
)
NAMES = ("Nguyen", "Van", "Thi", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo")


def _seed_paragraphs() -> list[str]:
    paras = []
    for path in sorted(DATA.glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paras or ["La provincia emitió más de 9.000 firmas digitales en 2025."]


class Maker:
    """Pieces of text drawn from one random generator, so a seed gives the same corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.paras = _seed_paragraphs()

    def para(self) -> str:
        return self.rng.choice(self.paras)

    def article(self, n: int | None = None) -> str:
        n = n or self.rng.randint(2, 12)
        start = self.rng.randrange(len(self.paras))
        return "\n".join(self.paras[(start + i) % len(self.paras)] for i in range(n))

    def sentence(self, n_words: int = 12) -> str:
        words = [self.rng.choice(WORDS) for _ in range(n_words)]
        words.insert(self.rng.randrange(len(words)), self.number())
        return " ".join(words).capitalize() + "."

    def number(self) -> str:
        return self.rng.choice(
            ["9.000", "1,938", "4 267", "58,46 %", "24/25", "3 mil millones", "1\u202f200", "27 (47,25 %)"]
        )

    def formula(self) -> str:
        return self.rng.choice(FORMULAS)

    def blob(self, n: int) -> bytes:
        return self.rng.randbytes(n)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _truncated(m: Maker) -> bytes:
    data = _utf8(m.article() + " Đà Nẵng, Cà Mau, ố")
    return data[:-1]  # cut inside the last character


def _cut_mid_file(m: Maker) -> bytes:
    data = _utf8(m.article())
    return data[: m.rng.randrange(1, len(data))]  # half-copied: anywhere, even inside a character


def _html(m: Maker) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in m.article().split("\n"))
    return _utf8(
        "<!DOCTYPE html><html><head><title>Tin tức &amp; sự kiện</title>"
        "<script>var x = '<p>1,000</p>'; for (i=0;i<10;i++) {}</script>"
        f"<style>p {{ margin: 0 }}</style></head><body><div class='nav'>Inicio | Noticias</div>\n{body}"
        "<table><tr><td>1.234</td><td>=SUM(A1)</td></tr></table>&nbsp;&#8203;&lt;&gt;</body></html>"
    )


def _control_chars(m: Maker) -> bytes:
    text = list(m.article() + "\n" + m.sentence(30))  # long enough that a few controls stay few
    for _ in range(m.rng.randint(1, 1 + len(text) // 100)):  # text with a few, not a binary file
        text.insert(m.rng.randrange(len(text)), chr(m.rng.choice([1, 2, 7, 8, 11, 12, 27, 127, 0x85, 0x9B])))
    return _utf8("".join(text))


def _rtl_marks(m: Maker) -> bytes:
    marks = ["\u200f", "\u200e", "\u202e", "\u202b", "\u2067", "\u2069", "\u061c"]
    text = m.article()
    return _utf8("".join(ch + (m.rng.choice(marks) if m.rng.random() < 0.05 else "") for ch in text))


def _zero_width_numbers(m: Maker) -> bytes:
    zw = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
    sentence = m.sentence()
    digits = "".join(ch + (m.rng.choice(zw) if ch.isdigit() else "") for ch in sentence)
    return _utf8(f"{m.para()}\n{digits}\nLa provincia emitió 9{zw[0]}000 firmas y 1{zw[1]}.938 servicios.")


def _long_number(m: Maker) -> bytes:
    digits = "".join(m.rng.choice("0123456789") for _ in range(400))
    grouped = ".".join(digits[i : i + 3] for i in range(0, 399, 3))
    return _utf8(
        f"La provincia emitió {digits} firmas digitales.\nHay {grouped} hogares y {digits},5 % más.\n"
        f"The province spent {digits} billion VND on {digits[:300]} million people.\n{m.para()}"
    )


def _long_name(m: Maker) -> bytes:
    name = " ".join(m.rng.choice(NAMES) for _ in range(50))
    return _utf8(
        f"Asistió el camarada {name}, secretario del Comité del Partido provincial.\n"
        f"Le camarade {name}, président du Comité populaire, a déclaré 1 938 services.\n"
        f"Towarzysz {name.upper()}, sekretarz, powiedział.\n{m.para()}\nPor {name}"
    )


def _repeated(m: Maker) -> bytes:
    para = m.para() + " " + m.sentence(20)
    return _utf8("\n".join([para] * m.rng.randint(50, 400)))


def _huge_line(m: Maker) -> bytes:
    return _utf8(" ".join(m.sentence() for _ in range(m.rng.randint(2000, 6000))))


def _numbers_run(m: Maker) -> bytes:
    """A table flattened into one line: thousands of figures and no full stop."""
    return _utf8(" ".join(m.number() for _ in range(m.rng.randint(1000, 4000))))


def _formulas(m: Maker) -> bytes:
    """Formula-like text as the title, a quote with a figure, a caption, a repeated paragraph, a name."""
    f = m.formula
    repeated = f"{f()} La provincia emitió más de 9.000 firmas digitales y 1.938 servicios públicos en línea."
    return _utf8(
        f"{f()} título de la noticia provincial\n"
        f"{f()} La provincia emitió más de 9.000 firmas digitales en 2025.\n"
        f"| {f()} 300 hectáreas de bosque plantadas |\n"
        f"{repeated}\n{m.para()}\n{repeated}\n"
        f"Asistió el camarada {f()} Nguyen Van An, secretario.\n"
        f"Fuente: {f()} https://example.invalid/2025/07/02/tin.html"
    )


def _mixed_scripts(m: Maker) -> bytes:
    lines = [m.para()] + [m.rng.choice(SCRIPTS) for _ in range(m.rng.randint(2, 8))]
    m.rng.shuffle(lines)
    return _utf8("\n".join(lines))


def _mixed_encodings(m: Maker) -> bytes:
    """A file pasted together from a UTF-8 part and a Windows-1252 part."""
    return _utf8(m.para()) + b"\n" + m.para().encode("cp1252", errors="replace")


def _nfd(m: Maker) -> bytes:
    import unicodedata

    return _utf8(unicodedata.normalize("NFD", m.article() + " Tỉnh Đắk Lắk, Thừa Thiên Huế"))


def _surrogates(m: Maker) -> bytes:
    return m.para().encode("utf-8") + "\ud800 \udfff".encode("utf-8", "surrogatepass")


def _weird_lines(m: Maker) -> bytes:
    """Old Mac line ends, Windows line ends, a lone caption bar, an image name, pipes and spaces."""
    parts = [m.para(), "|", "| |", "img_0001.JPG", "![](x.png)", "|" + " " * 5000 + "x", m.sentence()]
    return _utf8(m.rng.choice(["\r", "\r\n", "\n\n\n"]).join(parts))


def _one_word(m: Maker) -> bytes:
    return _utf8(m.rng.choice(["a", "1", "9.000", "Nguyen", "=1", "Fuente:", "|", "—", "\u200b"]))


def _long_word(m: Maker) -> bytes:
    return _utf8("x" * m.rng.randint(20_000, 200_000) + " 9.000 firmas")


def _binary(m: Maker) -> bytes:
    return m.blob(m.rng.randint(256, 4000))


def _image(m: Maker) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + m.blob(m.rng.randint(100, 2000))


def _text_with_nuls(m: Maker) -> bytes:
    return _utf8(m.para()) + b"\x00" * m.rng.randint(1, 20) + _utf8(m.para())


KINDS: dict[str, Callable[[Maker], bytes]] = {
    "empty": lambda m: b"",
    "blank": lambda m: m.rng.choice([b" ", b"\n\n\n", b"\t \r\n", "\u00a0\u200b\n".encode()]),
    "binary": _binary,
    "image_named_txt": _image,
    "nul_bytes": _text_with_nuls,
    "nul_padded": lambda m: _utf8(m.article()) + b"\x00" * m.rng.randint(1, 5000),
    "truncated_utf8": _truncated,
    "cut_mid_file": _cut_mid_file,
    "utf16_le_no_bom": lambda m: m.article().encode("utf-16-le"),
    "utf16_be_no_bom": lambda m: m.article().encode("utf-16-be"),
    "utf16_bom": lambda m: m.article().encode("utf-16"),
    "utf8_bom": lambda m: b"\xef\xbb\xbf" + _utf8(m.article()),
    "utf8_bom_bad_bytes": lambda m: b"\xef\xbb\xbf" + _utf8(m.para()) + b"\xff\xfe\xc3" + _utf8(m.para()),
    "cp1252": lambda m: m.article().encode("cp1252", errors="replace"),
    "cp1250": lambda m: (
        "Prowincja zrealizowała 24 z 25 zadań; wskaźnik lesistości ponad 60%.\n".encode("cp1250")
        + m.sentence().encode("cp1250", errors="replace")
    ),
    "mojibake": lambda m: _utf8(m.article().encode("utf-8").decode("cp1252", errors="replace")),
    "mixed_encodings": _mixed_encodings,
    "mixed_scripts": _mixed_scripts,
    "nfd": _nfd,
    "surrogates": _surrogates,
    "html": _html,
    "control_chars": _control_chars,
    "rtl_marks": _rtl_marks,
    "zero_width_in_numbers": _zero_width_numbers,
    "digits_400": _long_number,
    "name_50_words": _long_name,
    "repeated_paragraphs": _repeated,
    "huge_line": _huge_line,
    "numbers_run": _numbers_run,
    "long_word": _long_word,
    "formulas": _formulas,
    "weird_lines": _weird_lines,
    "one_word": _one_word,
    "seed_fragment": lambda m: _utf8(m.article()),
    "seed_shuffled": lambda m: _utf8("\n".join(m.rng.sample(m.paras, min(len(m.paras), 15)))),
    "random_sentences": lambda m: _utf8("\n".join(m.sentence(m.rng.randint(3, 40)) for _ in range(10))),
}
# Kinds that cost seconds each: a few of them make the point, the rest of the corpus stays fast.
COSTLY = {"huge_line": 3, "numbers_run": 3, "long_word": 3, "repeated_paragraphs": 10}

# File names a folder of downloads may hold; the first characters are formula triggers on purpose.
ODD_NAMES = (
    "=1+2",
    "+cmd",
    "-rf",
    "@SUM(A1)",
    "a,b;c",
    'comillas "dobles"',
    "espacio final ",
    "tab\there",
    "línea\nnueva",
    "Đà Nẵng tin tức",
    "ファイル",
    "#hash%percent",
    ".hidden",
)


def build_corpus(
    folder: str | os.PathLike, n_files: int = 1000, seed: int = 57, big_mb: float = 0, costly: bool = True
) -> dict:
    """Write the corpus into `folder`; return {relative path of each .txt file: kind}.
    `costly=False` leaves out the kinds that take seconds each (for tests that run it several times)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    maker = Maker(rng)
    written: dict[str, str] = {}
    kinds = list(KINDS)
    used = dict.fromkeys(COSTLY, 0)
    i = 0
    while len(written) < n_files:
        kind = kinds[i % len(kinds)]
        i += 1
        if kind in COSTLY:
            if used[kind] >= (COSTLY[kind] if costly else 0):
                continue
            used[kind] += 1
        sub = f"part{len(written) % 7}" + ("/deeper/still" if len(written) % 11 == 0 else "")
        name = f"{sub}/{len(written):05d}_{kind}.txt"
        _write(folder / name, KINDS[kind](maker))
        written[name] = kind
    written.update(_odd_names(folder, maker, n_files))
    if big_mb:
        written["big/one_line.txt"] = "big_single_line"
        _write(folder / "big/one_line.txt", _big_line(maker, big_mb))
    _add_non_text(folder)
    written.update(_add_links(folder))
    return written


def _odd_names(folder: Path, maker: Maker, n_files: int) -> dict:
    """Odd names (and the same name in two folders): each still one row, with a unique id."""
    out = {}
    for j, stem in enumerate(ODD_NAMES[: max(1, n_files // 50)]):
        name = f"odd/{stem}.txt"
        _write(folder / name, KINDS["formulas" if j % 2 else "seed_fragment"](maker))
        out[name] = "odd_name"
    for sub in ("odd/one", "odd/two"):
        _write(folder / sub / "same.TXT", KINDS["seed_fragment"](maker))
        out[f"{sub}/same.TXT"] = "same_name"
    return out


def _big_line(maker: Maker, mb: float) -> bytes:
    unit = " ".join(maker.paras).replace("\n", " ") + " "
    size = int(mb * 1024 * 1024)
    return (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode(errors="ignore").encode()


def _add_non_text(folder: Path) -> None:
    """Files the toolkit lists as skipped, not read."""
    for name, data in (
        ("skip/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(200)),
        ("skip/report.docx", b"PK\x03\x04" + bytes(100)),
        ("skip/table.csv", b"a,b\n1,2\n"),
        ("skip/README", b"no extension"),
        ("skip/page.html", b"<html></html>"),
    ):
        _write(folder / name, data)


def _add_links(folder: Path) -> dict:
    """A folder linking back to its parent, a dangling link and a loop of two links."""
    links = folder / "links"
    links.mkdir(exist_ok=True)
    (links / "real.txt").write_text("La provincia emitió más de 9.000 firmas digitales.\n", encoding="utf-8")
    made = {"links/real.txt": "seed_fragment"}
    for name, target in (
        ("up", ".."),  # the folder loop
        ("dangling.txt", "nowhere.txt"),
        ("loop_a.txt", "loop_b.txt"),
        ("loop_b.txt", "loop_a.txt"),
    ):
        try:
            os.symlink(target, links / name)
        except OSError:  # a file system without links: nothing to test there
            continue
        if name.endswith(".txt"):
            made[f"links/{name}"] = "broken_link"
    return made


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
