"""Command line: `toolkit run [INPUT ...] [--out DIR]` (also `python -m toolkit run ...`)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from toolkit.api import DEFAULT_INPUT, DEFAULT_OUTPUT, FORMATS, run, run_to_folder, write_outputs
from toolkit.corpus import DEFAULT_MAX_BYTES, find_inputs
from toolkit.engine import ENGINES, EngineUnavailable, default_jobs
from toolkit.export.outputs import output_lock
from toolkit.schemas import TABLES

PROGRESS_MIN_FILES = 6
# A run with the workbook holds every table in memory (about 35 KiB per article, measured on
# generated seed-sized articles): from this many files on, the run says how to keep memory flat.
LARGE_WORKBOOK_FILES = 20_000
WORKBOOK_KIB_PER_FILE = 35
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_FAULT = 1

DESCRIPTION = """\
Turn press articles about Vietnam's provinces (plain .txt files, any of many
languages, machine-translated, with scraping noise) into tables of figures
(metrics), officials (people), a roster and data-quality findings, written as
CSV files and an Excel workbook for staff."""

RUN_EPILOG = """\
Writes into DIR: documents.csv, metrics.csv, people.csv, roster.csv,
quality.csv (UTF-8 with BOM) and report.xlsx.

Exit status: 0 when the run finished, whatever it found in the data (bad files
are rows with status 'rejected' and a reason); 2 when the run could not be done
(no input found, output folder not writable or full, another run writing into
it); 130 when stopped with Ctrl-C; 1 on a fault of the toolkit itself. The
files of a run replace the previous ones only once all are written: a run
stopped or failed half-way leaves them as they were. One run at a time per
output folder: a second one refuses at once.

Examples:
  toolkit run                         # data/ -> exports/
  toolkit run articles/ extra.txt --out out/
  toolkit run big/ --out out/ --jobs 8 --format parquet --no-workbook
  toolkit run big/ --out out/ --engine dask --scheduler tcp://10.0.0.5:8786
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkit", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run_p = sub.add_parser(
        "run",
        help="read articles and write the tables and the workbook",
        description="Read every .txt file in the inputs (folders are searched recursively) and write the tables.",
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run_p.add_argument(
        "inputs", nargs="*", metavar="INPUT", help=f"files or folders to read (default: {DEFAULT_INPUT}/)"
    )
    run_p.add_argument(
        "--out",
        default=DEFAULT_OUTPUT,
        metavar="DIR",
        help=f"folder to write into (default: {DEFAULT_OUTPUT}/)",
    )
    run_p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes to use (default: the machine's cores; 1 = this process only)",
    )
    run_p.add_argument(
        "--max-file-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / 1024 / 1024,
        metavar="MB",
        help="files larger than this are rejected with a reason (default: %(default)g)",
    )
    _add_scale_options(run_p)
    run_p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    return parser


def _add_scale_options(run_p: argparse.ArgumentParser) -> None:
    """Options for large runs: where the work runs and how the tables are written."""
    run_p.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine's processes (see --jobs); dask: a Dask cluster (pip install 'toolkit[dask]')",
    )
    run_p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
        "default: a local cluster of --jobs workers. The workers must see the input files.",
    )
    run_p.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="how the tables are written: csv, parquet (smaller, faster, typed) or both (default: csv)",
    )
    run_p.add_argument(
        "--no-workbook",
        action="store_true",
        help="skip report.xlsx (slow and large for hundreds of thousands of articles)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command != "run":
        parser.print_help()
        return 0 if args.command is None and argv == [] else 2
    try:
        return run_command(args)
    except KeyboardInterrupt:
        print(
            "toolkit: stopped (Ctrl-C) before the end; the output folder keeps its previous files.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except Exception as exc:  # a fault of the toolkit itself: a plain message, no traceback for staff
        if os.environ.get("TOOLKIT_DEBUG"):
            raise
        print(
            f"toolkit: the run failed because of a fault in the toolkit ({type(exc).__name__}: {exc}). "
            "The output folder keeps its previous files. Please report it "
            "(run again with TOOLKIT_DEBUG=1 for the details).",
            file=sys.stderr,
        )
        return EXIT_FAULT


def run_command(args: argparse.Namespace) -> int:
    inputs = args.inputs or [DEFAULT_INPUT]
    found = find_inputs(inputs)
    n_files = len(found.files)
    if not n_files:
        missing = [f["detail"] for f in found.findings if f["check"] == "input_missing"]
        reason = (
            " ".join(missing) if missing else f"No .txt files were found in: {', '.join(map(str, inputs))}."
        )
        print(f"toolkit: nothing to read. {reason}", file=sys.stderr)
        return 2
    del found  # the run finds them again; a list of 100 000 paths is not kept twice
    out = Path(args.out)
    problem = _output_problem(out)
    if problem:
        print(f"toolkit: cannot write the results: {problem}", file=sys.stderr)
        return 2
    jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
    if not args.quiet and not args.no_workbook and n_files >= LARGE_WORKBOOK_FILES:
        print(large_workbook_note(n_files), file=sys.stderr)
    progress = None
    if not args.quiet and n_files >= PROGRESS_MIN_FILES:
        from tqdm import tqdm

        def progress(it, total):
            return tqdm(it, total=total, desc="Reading articles", unit="doc", file=sys.stderr)

    with contextlib.ExitStack() as held:
        try:  # the folder is ours from the start, so a second run refuses before reading anything
            held.enter_context(output_lock(out))
        except OSError as err:
            print(f"toolkit: cannot write the results into {out}: {err.strerror or err}.", file=sys.stderr)
            return 2
        options = {
            "jobs": jobs,
            "max_bytes": int(args.max_file_mb * 1024 * 1024),
            "progress": progress,
            "engine": "dask" if args.scheduler else args.engine,  # a scheduler address means a Dask cluster
            "scheduler": args.scheduler,
        }
        try:
            summary = _run_and_write(inputs, out, args, options)
        except EngineUnavailable as err:
            print(f"toolkit: {err}", file=sys.stderr)
            return 2
        except _WriteFailed as err:
            print(f"toolkit: cannot write the results into {out}: {err.strerror or err}.", file=sys.stderr)
            return 2
    if not args.quiet:
        print(summary_text(summary, out, written_names(args.format, not args.no_workbook)), file=sys.stderr)
    return 0


class _WriteFailed(OSError):
    """The outputs could not be written (a full disk, a read-only folder, a file open elsewhere)."""


def _run_and_write(inputs: list[str], out: Path, args: argparse.Namespace, options: dict) -> dict[str, int]:
    """The run's tables written into `out`; its summary. Without the workbook the tables are written
    batch by batch as documents stream in (memory flat however large the run); the workbook needs
    them whole, in memory."""
    try:
        if args.no_workbook:
            return run_to_folder(inputs, out, fmt=args.format, **options)
        result = run(inputs, keep_docs=False, **options)
    except OSError as err:  # reading never raises (a bad file is a rejected row): this is the writing
        if not args.no_workbook:
            raise
        raise _WriteFailed(err.errno, err.strerror or str(err)) from err
    try:
        write_outputs(result, out, fmt=args.format, workbook=True)
    except OSError as err:
        raise _WriteFailed(err.errno, err.strerror or str(err)) from err
    return result.summary()


def _output_problem(out: Path) -> str:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return f"the folder {out} could not be created ({err.strerror or err})."
    probe = out / ".toolkit-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        return f"the folder {out} is not writable ({err.strerror or err})."
    return ""


def large_workbook_note(n_files: int) -> str:
    gib = n_files * WORKBOOK_KIB_PER_FILE / 1024 / 1024
    return (
        f"toolkit: {n_files:,} articles with the workbook: the tables are built whole in memory first "
        f"(about {gib:.1f} GiB for articles of usual length). To keep memory flat, run with --no-workbook "
        "(the tables are then written batch by batch)."
    )


def written_names(fmt: str = "csv", workbook: bool = True) -> str:
    """The files a run writes, for the summary line."""
    exts = {"csv": ("csv",), "parquet": ("parquet",), "both": ("csv", "parquet")}[fmt]
    names = [f"{t}.{e}" for e in exts for t in TABLES] + (["report.xlsx"] if workbook else [])
    return ", ".join(names)


def summary_text(s: dict[str, int], out: Path, names: str | None = None) -> str:
    names = names or written_names()
    return (
        f"Read {s['read']} of {s['documents']} documents ({s['rejected']} rejected); "
        f"found {s['figures']} figures and {s['people']} people mentions ({s['roster']} people); "
        f"{s['findings']} data-quality findings ({s['errors']} errors, {s['warnings']} warnings).\n"
        f"{'Tables and workbook' if 'xlsx' in names else 'Tables'} written to {out}/ ({names})."
    )
