"""Build a corpus of varied articles, with their truth, from the annotated seed articles.

    python benchmarks/make_corpus.py --docs 1000 --out /tmp/corpus

Each article is a seed (`data/*.txt`, gold in `tests/fixtures/gold/<seed>/`) changed in ways that
keep its truth known:

- figures: the digits of every annotated figure are replaced (same shape: same number of digits,
  same separators; space groups sometimes written with a no-break space), and the truth value is
  scaled by the same factor, so `21,000` -> `47,310` and 21000 -> 47310;
- province: every mention of the article's main province (current or pre-merger name) is replaced
  by another of the 34 current provinces not named in the article, written with or without
  diacritics as the original was; the truth's province follows;
- names: officials written `Surname Middle Given` get another surname and given name (middle
  names, which carry gender, are kept), everywhere the name is written;
- paragraph order: one paragraph without a province or a person in it moves elsewhere in the body;
- separators: lines end with LF, CRLF or a blank line.

Articles stay in their seed's language (es, fr, pl). Writes `DIR/articles/<doc_id>.txt` and
`DIR/truth/<doc_id>/{metrics,people}.csv` in the gold layout, so
`python tests/fixtures/gold_score.py --gold DIR/truth --pred OUT` scores a run on it.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.places import current_provinces, find_places, fold  # noqa: E402

METRIC_COLUMNS = [
    "doc_id",
    "raw",
    "value",
    "unit",
    "qualifier",
    "indicator",
    "scope",
    "province",
    "period",
    "quote",
]
PEOPLE_COLUMNS = ["doc_id", "name", "honorific", "gender", "role", "role_keys", "level", "province"]
# Common Vietnamese surnames and given names (generic lists, not anyone in particular).
SURNAMES = [
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Huynh",
    "Phan",
    "Vu",
    "Vo",
    "Dang",
    "Bui",
    "Do",
    "Ngo",
    "Duong",
]
GIVEN_M = [
    "Binh",
    "Cuong",
    "Giang",
    "Hai",
    "Hieu",
    "Hung",
    "Khanh",
    "Long",
    "Nam",
    "Phong",
    "Quan",
    "Thang",
    "Trung",
    "Tuan",
    "Vinh",
]
GIVEN_F = ["Anh", "Dung", "Hoa", "Lan", "Mai", "Nga", "Phuong", "Thao", "Yen"]
# Provinces whose name is also a person's (Ho Chi Minh) or a plain word in some language are not used.
AVOID_PROVINCES = {"Hồ Chí Minh", "Huế"}
_NUMBER = re.compile(r"\d(?:[\d.,\u0020\u00a0\u202f]*\d)?")
YEARS = range(1900, 2101)


@dataclass
class Seed:
    doc_id: str
    text: str
    metrics: list[dict]
    people: list[dict]


def load_seeds(data: Path, gold: Path) -> list[Seed]:
    seeds = []
    for path in sorted(data.glob("*.txt")):
        truth = gold / path.stem
        if not truth.is_dir():
            continue
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        seeds.append(Seed(path.stem, text, _rows(truth / "metrics.csv"), _rows(truth / "people.csv")))
    return seeds


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def strip_accents(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class Edits:
    """Replacements at positions of the original text, applied at once; positions map old -> new."""

    def __init__(self, text: str):
        self.text = text
        self.spans: dict[tuple[int, int], str] = {}

    def replace(self, start: int, end: int, new: str) -> bool:
        if any(s < end and start < e for s, e in self.spans) and (start, end) not in self.spans:
            return False
        self.spans[(start, end)] = new
        return True

    def apply(self) -> str:
        out, pos = [], 0
        for (s, e), new in sorted(self.spans.items()):
            out += [self.text[pos:s], new]
            pos = e
        return "".join(out) + self.text[pos:]

    def map_pos(self, pos: int) -> int:
        shift = 0
        for (s, e), new in self.spans.items():
            if e <= pos:
                shift += len(new) - (e - s)
        return pos + shift


def occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while needle and i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def new_digits(digits: str, value: Decimal, unit: str, rng: random.Random) -> str:
    """Other digits of the same length: no year, a percentage stays at most 100."""
    n = len(digits)
    for _ in range(50):
        cand = str(rng.randint(10 ** (n - 1) if n > 1 else 1, 10**n - 1))
        scaled = value * int(cand) / int(digits)
        if int(cand) in YEARS or scaled in YEARS:
            continue
        if unit == "percent" and scaled > 100:
            continue
        return cand
    return digits


def vary_figures(seed: Seed, edits: Edits, rng: random.Random) -> list[dict]:
    """New digits for every annotated figure found at its quote (at every copy of the quote);
    the truth's value scaled by the same factor. Figures whose quote is not found stay as they are."""
    text, rows = seed.text, []
    used: set[tuple[str, int]] = set()  # (quote, offset of the raw in it) already given to a row
    assigned: dict[int, str] = {}  # position of a number in the text -> its new digits
    for row in seed.metrics:
        row = dict(row)
        rows.append(row)
        quote, raw = row["quote"], row["raw"]
        starts = occurrences(text, quote)
        num = _NUMBER.search(raw)
        if not starts or num is None:
            continue
        spots = [
            i for i in occurrences(quote, raw) if not _glued(quote, i, len(raw)) and (quote, i) not in used
        ]
        if not spots:
            continue
        i = spots[0]
        used.add((quote, i))
        digits = re.sub(r"\D", "", num.group(0))
        value = Decimal(row["value"])
        at = starts[0] + i + num.start()
        new = assigned.get(at) or new_digits(digits, value, row["unit"], rng)
        literal = _reshape(num.group(0), new, rng)
        lo, hi = i + num.start(), i + num.end()
        if all(edits.replace(s + lo, s + hi, literal) for s in starts if (s + lo, s + hi) not in edits.spans):
            assigned[at] = new
            row["value"] = _plain(value * int(new) / int(digits))
            row["raw"] = raw[: num.start()] + edits.spans[(at, at + len(num.group(0)))] + raw[num.end() :]
    return rows


def _glued(quote: str, i: int, n: int) -> bool:
    """The raw found inside a longer number (`24` in `245`) is not that figure."""
    before = quote[i - 1 : i] if i else ""
    after = quote[i + n : i + n + 1]
    return before.isalnum() or (after.isdigit())


def _reshape(literal: str, digits: str, rng: random.Random) -> str:
    """`21 000` with digits 47310 -> `47 310` (or `47\u202f310`): separators kept, digits replaced."""
    it = iter(digits)
    space = rng.choice([" ", " ", "\u00a0", "\u202f"])
    return "".join(next(it) if ch.isdigit() else (space if ch == " " else ch) for ch in literal)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def main_province(seed: Seed) -> str:
    names = [r["province"] for r in seed.metrics + seed.people if r.get("province")]
    return max(set(names), key=names.count) if names else ""


def vary_province(seed: Seed, edits: Edits, rng: random.Random) -> tuple[str, str]:
    """Every mention of the main province replaced by another province; (old, new) names."""
    old = main_province(seed)
    if not old:
        return "", ""
    mentions = find_places(seed.text)
    named = {m.province for m in mentions}
    choices = sorted(p.name for p in current_provinces().values() if p.name not in named | AVOID_PROVINCES)
    new = rng.choice(choices)
    for m in mentions:
        if m.province == old:
            edits.replace(m.start, m.end, new if not m.raw.isascii() else strip_accents(new))
    return old, new


def vary_names(seed: Seed, edits: Edits, rng: random.Random) -> dict[str, str]:
    """Officials `Surname Middle Given` renamed everywhere they are written; old -> new name."""
    folded = fold(seed.text)
    renamed: dict[str, str] = {}
    taken = {fold(r["name"]) for r in seed.people}
    for row in seed.people:
        words = row["name"].split()
        if len(words) < 3 or words[0] not in SURNAMES or row["name"] in renamed:
            continue
        for _ in range(20):
            given = GIVEN_F if row.get("gender") == "f" or "Thi" in words[1:-1] else GIVEN_M
            new = " ".join([rng.choice(SURNAMES), *words[1:-1], rng.choice(given)])
            if fold(new) not in taken:
                break
        taken.add(fold(new))
        spots = [i for i in occurrences(folded, fold(row["name"])) if _word_bounded(folded, i, len(new))]
        if spots and all(edits.replace(i, i + len(row["name"]), new) for i in spots):
            renamed[row["name"]] = new
    return renamed


def _word_bounded(folded: str, i: int, n: int) -> bool:
    return not (i and folded[i - 1].isalnum())


def reorder(text: str, protected: list[str], rng: random.Random) -> str:
    """Move one long paragraph that names no province and no protected word to another body spot."""
    lines = text.split("\n")
    long_ = [i for i, ln in enumerate(lines) if len(ln) > 200]
    if len(long_) < 4:
        return text
    body = long_[1:-1]  # the first and last long paragraphs stay (introduction, conclusion)
    movable = [i for i in body if not find_places(lines[i]) and not any(p in lines[i] for p in protected)]
    if not movable:
        return text
    i = rng.choice(movable)
    line = lines.pop(i)
    targets = [j for j in body if j != i]
    j = rng.choice(targets)
    lines.insert(j if j < i else j - 1, line)
    return "\n".join(lines)


def separators(text: str, rng: random.Random) -> str:
    return text.replace("\n", rng.choice(["\n", "\r\n", "\n\n"]))


def make_article(seed: Seed, doc_id: str, rng: random.Random) -> tuple[str, list[dict], list[dict]]:
    """(text, metrics truth, people truth) of one varied article."""
    edits = Edits(seed.text)
    fig_rows = vary_figures(seed, edits, rng)
    old_prov, new_prov = vary_province(seed, edits, rng)
    renamed = vary_names(seed, edits, rng)
    text = edits.apply()
    metrics = []
    for orig, row in zip(seed.metrics, fig_rows, strict=True):
        row = dict(row, doc_id=doc_id)
        at = seed.text.find(orig["quote"])
        if at >= 0:  # the quote as it reads now: its original span mapped through the edits
            row["quote"] = text[edits.map_pos(at) : edits.map_pos(at + len(orig["quote"]))]
        if old_prov and row["province"] == old_prov:
            row["province"] = new_prov
        metrics.append(row)
    people = []
    for row in seed.people:
        row = dict(row, doc_id=doc_id, name=renamed.get(row["name"], row["name"]))
        if old_prov and row["province"] == old_prov:
            row["province"] = new_prov
        people.append(row)
    protected = [r["name"] for r in people] + [r["raw"] for r in metrics if r["raw"]]
    text = separators(reorder(text, protected, rng), rng)
    return text, metrics, people


def write_corpus(seeds: list[Seed], n: int, out: Path, seed: int = 0) -> list[str]:
    """Write `n` varied articles and their truth under `out`; returns the doc ids."""
    rng = random.Random(seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    ids = []
    for k in range(n):
        base = seeds[k % len(seeds)]
        doc_id = f"{k:06d}_{base.doc_id[:3]}"
        text, metrics, people = make_article(base, doc_id, rng)
        (out / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
        truth = out / "truth" / doc_id
        truth.mkdir(parents=True, exist_ok=True)
        _write(truth / "metrics.csv", METRIC_COLUMNS, metrics)
        _write(truth / "people.csv", PEOPLE_COLUMNS, people)
        ids.append(doc_id)
    return ids


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="articles to write (default: %(default)s)")
    ap.add_argument("--out", required=True, help="folder to write articles/ and truth/ into")
    ap.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    ap.add_argument("--data", default=str(ROOT / "data"), help="seed articles (default: data/)")
    ap.add_argument("--gold", default=str(ROOT / "tests" / "fixtures" / "gold"), help="seed gold")
    a = ap.parse_args(argv)
    seeds = load_seeds(Path(a.data), Path(a.gold))
    if not seeds:
        print("make_corpus: no seed article with gold found", file=sys.stderr)
        return 2
    write_corpus(seeds, a.docs, Path(a.out), a.seed)
    print(f"{a.docs} articles in {a.out}/articles, truth in {a.out}/truth", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
