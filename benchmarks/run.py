"""Benchmark: speed of each stage, the whole flow on one and two processes, peak memory, and the
tools a user would otherwise reach for, on the same varied articles with known truth.

    python benchmarks/run.py --docs 1000                  # stages, whole flow, peers on 20 articles
    python benchmarks/run.py --docs 20000 --memory-only    # peak memory of `toolkit run` on 20 000
    python benchmarks/run.py --docs 1000 --no-peers

Peers (optional, `pip install -r benchmarks/requirements-peers.txt`): Microsoft Recognizers-Text
(number, percentage and currency models of the article's culture, date spans removed with its
DateTime model, fed a line at a time), quantulum3 (English only) for figures; spaCy
`fr_core_news_sm` PER entities for people. Accuracy is the gold scorer's F1 on the corpus truth.
Prints a Markdown report (and writes it with --report FILE).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import gold_score  # noqa: E402
import make_corpus  # noqa: E402

from toolkit import places as places_stage  # noqa: E402
from toolkit.api import run as toolkit_run  # noqa: E402
from toolkit.corpus import doc_ids_for, find_inputs  # noqa: E402
from toolkit.engine import LOCAL_CHUNK  # noqa: E402
from toolkit.export import write_csvs, write_workbook  # noqa: E402
from toolkit.export.parquet import write_parquets  # noqa: E402
from toolkit.language import detect_language, detector  # noqa: E402
from toolkit.pipeline import (  # noqa: E402
    Collector,
    Result,
    add_checks,
    add_people,
    assemble_collected,
    language_order,
    read_and_clean,
    start_output,
)

MiB = 1024 * 1024


# --------------------------------------------------------------------------- machine


def machine() -> str:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in ln
        ),
        platform.processor(),
    )
    mem = next(
        (ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")),
        "0",
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}; {os.cpu_count()} cores; {int(mem) / 1024 / 1024:.0f} GiB RAM; Python {platform.python_version()}; "
        f"{platform.system()} {platform.release()}; load average at start {load}"
    )


# --------------------------------------------------------------------------- stages


def clear_text_caches() -> None:
    """Forget what the toolkit remembered about texts already read: its bounded caches, keyed on
    text (titles after a name, capitalised runs, recent folds), not its compiled wording.

    The generated corpus is made from five seeds, so its sentences recur far more often than in
    real press; emptied before every article, such caches help only within that article."""
    for module in [m for name, m in sys.modules.items() if name.startswith("toolkit")]:
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                obj.cache_clear()
    places_stage._RECENT.clear()


def time_stages(
    files: list[Path], ids: list[str], out: Path | None, cold: bool = False
) -> tuple[dict[str, float], int]:
    """Seconds per stage over all documents in this process (one core), and the bytes read.
    `cold`: text caches emptied before each article; `out` None: no files written."""
    t, size, result = time_flow(files, ids, cold)
    if out is None:
        return t, size
    tables = result.tables()
    out.mkdir(parents=True, exist_ok=True)
    for name, write, target in (
        ("CSV", write_csvs, out),
        ("Parquet", write_parquets, out),
        ("workbook", write_workbook, out / "report.xlsx"),
    ):
        start = time.process_time()
        write(tables, target)
        t[name] = time.process_time() - start
    return t, size


def time_flow(files: list[Path], ids: list[str], cold: bool = False) -> tuple[dict[str, float], int, Result]:
    """CPU seconds of each stage of the flow, stage by stage as `pipeline.process_files` and
    `assemble_collected` run them (a chunk of LOCAL_CHUNK files at a time, as one process does),
    the bytes read and the run's tables (those of `toolkit.run`: tests/test_scale.py checks it,
    so that the stages timed are the flow)."""
    t: dict[str, float] = defaultdict(float)
    collected = Collector()
    size = 0

    def timed(name, fn, *args):
        # CPU seconds of this process: one core's work, steady when others share the machine
        if cold:
            clear_text_caches()
        start = time.process_time()
        value = fn(*args)
        t[name] += time.process_time() - start
        return value

    for first in range(0, len(files), LOCAL_CHUNK):
        part = list(zip(files[first : first + LOCAL_CHUNK], ids[first : first + LOCAL_CHUNK], strict=True))
        size += sum(path.stat().st_size for path, _ in part)
        docs = [timed("read and clean", read_and_clean, str(path), doc_id) for path, doc_id in part]
        for doc in docs:
            if doc.ok:
                doc.language = timed("language", detect_language, doc)
        order = sorted(range(len(docs)), key=lambda i: language_order(docs[i]))
        outs = {i: timed("figures", start_output, docs[i]) for i in order}
        for step, name in ((add_people, "people"), (add_checks, "quality")):
            for i in order:
                if docs[i].ok:
                    timed(name, step, docs[i], outs[i])
        for _, out in sorted(outs.items()):
            start = time.process_time()
            collected.add(out)
            t["tables"] += time.process_time() - start
    steps: dict[str, float] = {}
    result = assemble_collected(collected, timings=steps)
    for k, v in steps.items():
        t[k] += v
    return dict(t), size, result


# --------------------------------------------------------------------------- whole flow


def whole_flow(folder: Path, jobs: int, repeat: int) -> list[float]:
    """Seconds of `toolkit.run(folder, jobs)` (read to validated tables), `repeat` times."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        toolkit_run(folder, jobs=jobs, keep_docs=False)
        times.append(time.perf_counter() - start)
    return times


class TreeMemory:
    """Peak resident memory of a process and its children, sampled every 50 ms."""

    def __init__(self, pid: int):
        import psutil

        self.proc = psutil.Process(pid)
        self.peak_total = self.peak_main = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:  # (the process may end between two readings: its last readings stand)
                main = self.proc.memory_info().rss
                kids = sum(c.memory_info().rss for c in self.proc.children(recursive=True))
                pss = _pss(self.proc)
            except psutil.Error:
                break
            self.peak_main = max(self.peak_main, main)
            self.peak_total = max(self.peak_total, main + kids)
            self.peak_pss = max(self.peak_pss, pss)
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _pss(proc) -> int:
    """Proportional set size of the process and its children: pages the forked workers share with
    the main process (libraries, imported modules) counted once, not once per process as RSS does."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += getattr(p.memory_full_info(), "pss", 0)
    return total


def cli_run(folder: Path, out: Path, jobs: int, fmt: str, workbook: bool) -> dict:
    """`toolkit run` as users run it: wall seconds and peak memory (main process, and with workers)."""
    cmd = [sys.executable, "-m", "toolkit", "run", str(folder), "--out", str(out), "--jobs", str(jobs)]
    cmd += ["--format", fmt, "--quiet"] + ([] if workbook else ["--no-workbook"])
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    mem = TreeMemory(proc.pid)
    proc.wait()
    mem.stop()
    return {
        "command": " ".join(["toolkit", *cmd[3:]]),
        "seconds": time.perf_counter() - start,
        "peak_main_mib": mem.peak_main / MiB,
        "peak_total_mib": mem.peak_total / MiB,
        "peak_pss_mib": mem.peak_pss / MiB,
        "exit": proc.returncode,
    }


# --------------------------------------------------------------------------- peers

RT_CULTURES = {
    "es": "Spanish",
    "fr": "French",
    "pl": "French",
    "pt": "Portuguese",
    "en": "English",
    "de": "German",
    "it": "Italian",
}
CURRENCY_UNITS = {
    "dólar": "USD",
    "dollar": "USD",
    "united states dollar": "USD",
    "dong": "VND",
    "vietnamese dong": "VND",
    "đồng": "VND",
    "euro": "EUR",
}


def _number(text: str) -> float | None:
    try:
        return float(str(text).rstrip("%").replace(",", ""))
    except ValueError:
        return None


class Recognizers:
    name = "Recognizers-Text 1.0.1 (number, percentage, currency; dates removed)"

    def __init__(self) -> None:
        import ms_recognizers_text

        sys.modules.setdefault("recognizers_text", ms_recognizers_text)  # its models import the old name
        from ms_recognizers_text import Culture
        from recognizers_date_time import recognize_datetime
        from recognizers_number import recognize_number, recognize_percentage
        from recognizers_number_with_unit import recognize_currency

        self.culture = Culture
        self.fns = (recognize_datetime, recognize_number, recognize_percentage, recognize_currency)
        self.figures("warm up 12 de marzo de 2025, 100% y 3 dólares", "es")

    def figures(self, text: str, lang: str) -> list[dict]:
        culture = getattr(self.culture, RT_CULTURES.get(lang, "English"))
        dates_fn, number_fn, percent_fn, currency_fn = self.fns
        rows = []
        for line in text.splitlines():  # one failure inside its parser loses the whole input
            if not line.strip():
                continue
            try:
                dates = [(r.start, r.end) for r in dates_fn(line, culture)]
                found = [(r, "percent") for r in percent_fn(line, culture)]
                found += [(r, "currency") for r in currency_fn(line, culture)]
                found += [(r, "count") for r in number_fn(line, culture)]
            except Exception:  # noqa: BLE001 - a peer's own failure costs it the line, as it would a user
                continue
            taken: list[tuple[int, int]] = list(dates)
            for r, kind in found:
                if any(r.start <= e and s <= r.end for s, e in taken):
                    continue
                taken.append((r.start, r.end))
                value = _number(r.resolution.get("value", "")) if r.resolution else None
                if value is None:
                    continue
                unit = (
                    kind
                    if kind != "currency"
                    else CURRENCY_UNITS.get(str(r.resolution.get("unit", "")).lower(), "")
                )
                rows.append({"raw": r.text, "value": value, "unit": unit})
        return rows


class Quantulum:
    name = "quantulum3 0.10.0 (English parser)"

    def __init__(self) -> None:
        import quantulum3.parser as qp

        self.parse = qp.parse
        self.parse("warm up 100% and 3 dollars")

    def figures(self, text: str, lang: str) -> list[dict]:
        rows = []
        for q in self.parse(text):
            name = q.unit.name.lower()
            unit = {"percentage": "percent", "dimensionless": "count"}.get(
                name, CURRENCY_UNITS.get(name, name)
            )
            rows.append({"raw": q.surface, "value": q.value, "unit": unit})
        return rows


class SpacyPeople:
    name = "spaCy 3.8 fr_core_news_sm (PER entities)"

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("fr_core_news_sm")
        self.nlp("Le camarade Nguyen Van An.")

    def people(self, text: str, lang: str) -> list[dict]:
        return [{"name": e.text} for e in self.nlp(text).ents if e.label_ == "PER"]


def run_peers(
    sample: list[Path], truth: Path, ours_docs_s: float, task_docs_s: dict[str, float], work: Path
) -> list[dict]:
    """Each peer on the sample: docs/s, load seconds, F1 on the truth; speed ratios against the whole
    flow and against the toolkit's own path to the same answer (`task_docs_s`, per task)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sample}
    langs = {p.stem: _seed_language(p.stem) for p in sample}
    docs = set(texts)
    out = []
    for cls, task in ((Recognizers, "figures"), (Quantulum, "figures"), (SpacyPeople, "people")):
        start = time.perf_counter()
        try:
            peer = cls()
        except Exception as err:  # noqa: BLE001 - a peer that is not installed is reported, not fatal
            out.append({"peer": cls.name, "task": task, "error": f"{type(err).__name__}: {err}"})
            continue
        load = time.perf_counter() - start
        rows = []
        start = time.perf_counter()
        for doc_id, text in texts.items():
            found = getattr(peer, task)(text, langs[doc_id])
            rows += [dict(r, doc_id=doc_id) for r in found]
        seconds = time.perf_counter() - start
        pred = work / cls.__name__
        pred.mkdir(parents=True, exist_ok=True)
        kind = "metrics" if task == "figures" else "people"
        _write_rows(pred / f"{kind}.csv", rows)
        (pred / ("people.csv" if kind == "metrics" else "metrics.csv")).write_text("doc_id\n")
        report = gold_score.score(truth, pred, docs)
        docs_s = len(texts) / seconds if seconds else float("inf")
        out.append(
            {
                "peer": cls.name,
                "task": task,
                "docs_s": docs_s,
                "load_s": load,
                "f1": report[kind]["f1"],
                "precision": report[kind]["precision"],
                "recall": report[kind]["recall"],
                "speed_ratio": ours_docs_s / docs_s if docs_s else float("inf"),
                "task_ratio": task_docs_s[task] / docs_s if docs_s else float("inf"),
            }
        )
    return out


def _seed_language(doc_id: str) -> str:
    seed = doc_id.split("_", 1)[1]
    return {"000": "es", "001": "fr", "002": "pl", "003": "es", "004": "es"}.get(seed, "en")


def _write_rows(path: Path, rows: list[dict]) -> None:
    cols = sorted({k for r in rows for k in r} | {"doc_id"})
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)


# --------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="articles in the corpus (default: %(default)s)")
    ap.add_argument(
        "--corpus", help="an existing make_corpus.py folder (default: build one in a temp folder)"
    )
    ap.add_argument("--repeat", type=int, default=3, help="whole-flow runs per setting; the median is kept")
    ap.add_argument("--peer-docs", type=int, default=20, help="articles given to the peers (they are slow)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument(
        "--memory-only", action="store_true", help="only peak memory of `toolkit run` on the corpus"
    )
    ap.add_argument("--jobs", type=int, default=1, help="processes for the memory run (default: 1)")
    ap.add_argument(
        "--format",
        choices=("csv", "parquet", "both"),
        default="parquet",
        help="output format of the memory run (default: %(default)s; no workbook)",
    )
    ap.add_argument("--report", help="also write the Markdown report to this file")
    a = ap.parse_args(argv)

    lines = [
        f"### {a.docs} articles, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {machine()}",
        "",
        f"Command: `python benchmarks/run.py {' '.join(argv or sys.argv[1:])}`",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as tmp:
        work = Path(tmp)
        corpus = Path(a.corpus) if a.corpus else work / "corpus"
        if not a.corpus:
            seeds = make_corpus.load_seeds(ROOT / "data", ROOT / "tests" / "fixtures" / "gold")
            make_corpus.write_corpus(seeds, a.docs, corpus)
        articles = corpus / "articles"
        inputs = find_inputs([articles])
        files = inputs.files[: a.docs]
        size = sum(p.stat().st_size for p in files)
        lines += [
            f"Corpus: {len(files)} articles, {size / MiB:.1f} MiB (mean {size / len(files) / 1024:.1f} KiB)",
            "",
        ]

        if a.memory_only:
            r = cli_run(articles, work / "out", a.jobs, a.format, workbook=False)
            lines += _memory_lines([r], len(files))
            return _emit(lines, a.report)

        toolkit_run(ROOT / "data", jobs=1)  # models and wording loaded once, before any timing
        runs = {j: whole_flow(articles, j, a.repeat) for j in (1, 2)}
        med = {j: statistics.median(v) for j, v in runs.items()}
        lines += [
            "Whole flow, `toolkit.run(folder, jobs=N)` read to validated tables, in-process after imports "
            f"(median of {a.repeat}):",
            "",
            "| jobs | seconds (runs) | articles/s | speed-up |",
            "|---:|---|---:|---:|",
        ]
        for j in (1, 2):
            lines.append(
                f"| {j} | {med[j]:.2f} ({', '.join(f'{x:.2f}' for x in runs[j])}) | "
                f"{len(files) / med[j]:,.0f} | {med[1] / med[j]:.2f}× |"
            )
        lines.append("")
        detector()  # built once per process; not a per-document cost
        t, nbytes = time_stages(files, doc_ids_for(files), work / "stages")
        cold, _ = time_stages(files, doc_ids_for(files), None, cold=True)
        lines += [
            "Stages on one core, CPU seconds, run as one process runs them (a stage at a time over "
            f"{LOCAL_CHUNK} articles); *cold*: the toolkit's text caches emptied before each article's "
            "turn at each stage, so that only repeats within that step help (the generated corpus "
            "repeats its five seeds' sentences far more than real press does):",
            "",
            "| stage | seconds | articles/s | MB/s | seconds, cold | articles/s, cold |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name in (
            "read and clean",
            "language",
            "figures",
            "people",
            "quality",
            "tables",
            "corpus checks",
            "validation",
            "CSV",
            "Parquet",
            "workbook",
        ):
            lines.append(_stage_line(name, t.get(name, 0.0), cold.get(name), len(files), nbytes))
        lines += [_stage_line("**read to validated tables**", _flow(t), _flow(cold), len(files), nbytes), ""]

        cli = [cli_run(articles, work / f"cli{j}", j, "csv", workbook=True) for j in (1, 2)]
        cli.append(cli_run(articles, work / "cli-pq", 2, "parquet", workbook=False))
        lines += _memory_lines(cli, len(files))

        if not a.no_peers:
            sample = sorted(articles.glob("*.txt"))[: a.peer_docs]
            sample_dir = work / "sample"
            sample_dir.mkdir()
            for p in sample:
                (sample_dir / p.name).write_bytes(p.read_bytes())
            # the toolkit's speed is its one-process whole-flow rate on the corpus: on 20 articles a
            # run's fixed costs (finding files, building and validating tables) would dominate it
            ours_s = len(files) / med[1]
            toolkit_run(sample_dir, out=work / "ours", jobs=1, keep_docs=False, workbook=False)
            mine = gold_score.score(corpus / "truth", work / "ours", {p.stem for p in sample})
            # the same job as each peer: read, clean, language and figures (the figures stage places
            # the article too); people also need the place, so their path includes the figures stage
            figures_s = sum(t[k] for k in ("read and clean", "language", "figures"))
            task_s = {"figures": len(files) / figures_s, "people": len(files) / (figures_s + t["people"])}
            peers = run_peers(sample, corpus / "truth", ours_s, task_s, work / "peers")
            lines += [
                f"Peers on the first {len(sample)} articles (toolkit: {ours_s:,.0f} articles/s on one process, "
                f"whole flow above; {task_s['figures']:,.0f} articles/s from file to figures and "
                f"{task_s['people']:,.0f} to people, stage table above; on these articles figures F1 "
                f"{mine['metrics']['f1']:.3f}, people F1 {mine['people']['f1']:.3f}):",
                "",
                "| tool | task | load s | articles/s | P | R | F1 | toolkit faster: whole flow | same task |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for p in peers:
                if "error" in p:
                    lines.append(f"| {p['peer']} | {p['task']} | not run: {p['error']} | | | | | | |")
                    continue
                lines.append(
                    f"| {p['peer']} | {p['task']} | {p['load_s']:.1f} | {p['docs_s']:.2f} | "
                    f"{p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} | {p['speed_ratio']:,.0f}× | "
                    f"{p['task_ratio']:,.0f}× |"
                )
            lines.append("")
    return _emit(lines, a.report)


def _flow(t: dict[str, float]) -> float:
    """Seconds from file to validated tables (the stages before any output is written)."""
    return sum(v for k, v in t.items() if k not in ("CSV", "Parquet", "workbook"))


def _stage_line(name: str, s: float, cold: float | None, n: int, nbytes: int) -> str:
    def rates(x: float) -> tuple[str, str]:
        return (f"{n / x:,.0f}", f"{nbytes / 1e6 / x:,.1f}") if x else ("", "")

    warm = f"| {name} | {s:.2f} | {' | '.join(rates(s))} |"
    return warm + (f" {cold:.2f} | {rates(cold)[0]} |" if cold else " | |")


def _memory_lines(runs: list[dict], n: int) -> list[str]:
    out = [
        "| command | seconds | articles/s | peak MiB (main) | peak MiB (with workers) | peak MiB (PSS, with workers) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        out.append(
            f"| `{r['command']}` | {r['seconds']:.1f} | {n / r['seconds']:,.0f} | {r['peak_main_mib']:.0f} | "
            f"{r['peak_total_mib']:.0f} | {r['peak_pss_mib']:.0f} |"
            + ("" if r["exit"] == 0 else f" exit {r['exit']}")
        )
    return [*out, ""]


def _emit(lines: list[str], report: str | None) -> int:
    text = "\n".join(lines)
    print(text)
    if report:
        with open(report, "a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
