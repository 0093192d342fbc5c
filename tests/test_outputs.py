"""Faults while writing: the previous outputs stay whole, one run at a time, plain errors, exit codes."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import toolkit.api as api
import toolkit.export.outputs as outputs
from tests.conftest import DATA, ROOT
from toolkit.cli import main
from toolkit.export.outputs import OutputFolderBusy, output_lock, staged_outputs

CONTRACT_FILES = ["documents.csv", "metrics.csv", "people.csv", "quality.csv", "report.xlsx", "roster.csv"]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every visible file of the folder and its bytes (the lock file is hidden and empty of data)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name[0] != "."}


@pytest.fixture
def previous(tmp_path) -> Path:
    """An output folder holding a complete earlier run on one seed article."""
    out = tmp_path / "out"
    assert (
        main(["run", str(DATA / "003_245cf9fd67e58d9d.txt"), "--out", str(out), "--jobs", "1", "--quiet"])
        == 0
    )
    assert sorted(snapshot(out)) == CONTRACT_FILES
    return out


def run_into(out: Path) -> int:
    return main(["run", str(DATA), "--out", str(out), "--jobs", "1", "--quiet"])


def test_a_full_disk_leaves_the_previous_outputs_whole(previous, monkeypatch, capsys):
    before = snapshot(previous)
    real_fsync = os.fsync

    def full(fd):  # the disk fills up while the staged files are flushed, before any rename
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs.os, "fsync", full)
    assert run_into(previous) == 2
    monkeypatch.setattr(outputs.os, "fsync", real_fsync)
    assert "No space left on device" in capsys.readouterr().err
    assert snapshot(previous) == before
    assert not list(previous.glob(".toolkit-staging-*"))


def test_a_failure_half_way_through_the_files_changes_none_of_them(previous, monkeypatch, capsys):
    """The workbook, written last, fails: the CSV files written before it are not published either."""
    before = snapshot(previous)

    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs, "write_workbook", broken)
    assert run_into(previous) == 2
    assert snapshot(previous) == before
    assert "cannot write the results" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_a_plain_error(previous, capsys):
    before = snapshot(previous)
    previous.chmod(0o555)
    try:
        assert run_into(previous) == 2
    finally:
        previous.chmod(0o755)
    assert "cannot write the results" in capsys.readouterr().err
    assert snapshot(previous) == before


def test_a_folder_that_refuses_new_files_is_a_plain_error(previous, monkeypatch, capsys):
    """What a read-only folder does, simulated (the tests may run as root): creating a file fails."""
    before = snapshot(previous)

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(outputs.tempfile, "mkdtemp", read_only)
    assert run_into(previous) == 2
    err = capsys.readouterr().err
    assert "Read-only file system" in err and "Traceback" not in err
    assert snapshot(previous) == before


def test_a_second_run_into_a_busy_folder_refuses_at_once(tmp_path, capsys):
    out = tmp_path / "out"
    with output_lock(out):  # as another process would hold it
        holder = subprocess.run(
            [sys.executable, "-m", "toolkit", "run", str(DATA), "--out", str(out), "--jobs", "1"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert holder.returncode == 2
    assert f"another toolkit run (process {os.getpid()}) is writing into {out}" in holder.stderr
    assert not (out / "documents.csv").exists()


def test_the_lock_is_taken_again_by_the_same_run_and_released_after(tmp_path):
    out = tmp_path / "out"
    with output_lock(out), output_lock(out), staged_outputs(out) as stage:
        (stage / "a.csv").write_text("x")
    assert (out / "a.csv").read_text() == "x"
    with output_lock(out):  # free again
        pass


def test_two_locks_on_one_folder_in_different_processes_exclude_each_other(tmp_path):
    out = tmp_path / "out"
    code = (
        "import sys, time; from toolkit.export.outputs import output_lock\n"
        "with output_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(30)\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", code, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout.readline().strip() == "held"
        with pytest.raises(OutputFolderBusy, match="another toolkit run"), output_lock(out):
            pass
    finally:
        other.kill()  # a killed holder releases the folder
        other.wait()
    with output_lock(out):
        pass


def test_staging_left_by_a_killed_run_is_removed_by_the_next(previous):
    stale = previous / ".toolkit-staging-killed"
    stale.mkdir()
    (stale / "documents.csv").write_text("half")
    assert run_into(previous) == 0
    assert not stale.exists()
    assert sorted(snapshot(previous)) == CONTRACT_FILES


def test_ctrl_c_exits_130_with_a_plain_message(previous, monkeypatch, capsys):
    before = snapshot(previous)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs, "write_workbook", interrupted)
    assert run_into(previous) == 130
    err = capsys.readouterr().err
    assert "stopped (Ctrl-C)" in err and "Traceback" not in err
    assert snapshot(previous) == before


def long_run_started(tmp_path: Path, out: Path, jobs: str) -> tuple[subprocess.Popen, str]:
    """`toolkit run` on 400 articles into `out`, in its own process group, once documents are done."""
    inputs = tmp_path / "many"
    inputs.mkdir()
    text = (DATA / "001_ba4931c0672c677b.txt").read_text(encoding="utf-8")
    for i in range(400):
        (inputs / f"a{i}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "run", str(inputs), "--out", str(out), "--jobs", jobs],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    seen = ""
    while not re.search(r"\| *[1-9]\d*/400", seen) and time.monotonic() < deadline:
        seen += proc.stderr.read(20)
    return proc, seen


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_real_interrupt_of_a_running_process(tmp_path, previous, jobs):
    """Ctrl-C (SIGINT to the process group, workers included) part-way through many files:
    exit 130, a plain message and no traceback, the outputs as before."""
    before = snapshot(previous)
    proc, seen = long_run_started(tmp_path, previous, jobs)
    os.killpg(proc.pid, signal.SIGINT)
    err = seen + proc.communicate(timeout=60)[1]
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err
    assert "stopped (Ctrl-C)" in err
    assert snapshot(previous) == before


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_run_leaves_the_previous_outputs_whole(tmp_path, previous, jobs):
    before = snapshot(previous)
    proc, _ = long_run_started(tmp_path, previous, jobs)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert snapshot(previous) == before
    assert run_into(previous) == 0  # and the folder is free for the next run


def test_a_fault_of_the_toolkit_is_a_plain_message_not_a_traceback(previous, monkeypatch, capsys):
    before = snapshot(previous)

    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(outputs, "write_workbook", bug)
    monkeypatch.delenv("TOOLKIT_DEBUG", raising=False)
    assert run_into(previous) == 1
    err = capsys.readouterr().err
    assert "fault in the toolkit (ValueError: a bug)" in err and "Traceback" not in err
    assert snapshot(previous) == before


@pytest.mark.parametrize("entry", ["run", "run_to_folder"])
def test_an_unknown_output_format_is_refused_before_any_document_is_read(entry, tmp_path, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("documents were read")

    monkeypatch.setattr(api, "map_documents", never)
    with pytest.raises(ValueError, match="Unknown format 'xlsx'; choose one of: csv, parquet, both"):
        getattr(api, entry)(DATA, tmp_path / "out", fmt="xlsx")
