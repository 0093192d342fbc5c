"""The command line: help, defaults, exit status, broken inputs among good ones."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT
from toolkit import cli
from toolkit.cli import main


def documents(out):
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {row["doc_id"]: row for row in csv.DictReader(fh)}


def test_help_explains_the_run_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for word in ("INPUT", "--out", "documents.csv", "Exit status"):
        assert word in text


def test_python_dash_m_runs_with_defaults_from_the_project_folder(tmp_path):
    work = tmp_path / "project"
    shutil.copytree(DATA, work / "data")
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "run", "--jobs", "1"], cwd=work, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (work / "exports" / "report.xlsx").exists()
    assert "Read 5 of 5 documents" in done.stderr


def test_no_input_is_an_error_with_exit_status_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "nothing to read" in capsys.readouterr().err


def test_an_unwritable_output_is_an_error_with_exit_status_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", str(DATA), "--out", str(blocker / "out"), "--jobs", "1"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_folder_of_broken_files_among_good_ones_gives_every_row(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(DATA / "003_245cf9fd67e58d9d.txt", inputs / "good.txt")
    good = (DATA / "001_ba4931c0672c677b.txt").read_text(encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "utf16.txt").write_bytes(good.encode("utf-16"))
    (inputs / "cp1252.txt").write_bytes(good.encode("cp1252", errors="replace"))
    (inputs / "mojibake.txt").write_text(
        good.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8"
    )
    encoded = good.encode("utf-8")
    (inputs / "truncated.txt").write_bytes(encoded[: encoded.rindex("é".encode()) + 1])  # cut inside an 'é'
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    rows = documents(out)
    status = {k: v["status"] for k, v in rows.items()}
    assert status == {
        "binary": "rejected",
        "cp1252": "ok",
        "empty": "rejected",
        "truncated": "ok",
        "good": "ok",
        "mojibake": "ok",
        "utf16": "ok",
    }
    assert "empty" in rows["empty"]["error"]
    assert "binary" in rows["binary"]["error"]
    assert rows["utf16"]["language"] == rows["mojibake"]["language"] == "fr"


def test_progress_bar_for_many_files_goes_to_stderr(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(7):
        shutil.copy(DATA / "003_245cf9fd67e58d9d.txt", inputs / f"a{i}.txt")
    done = subprocess.run(
        [sys.executable, "-m", "toolkit", "run", str(inputs), "--out", str(tmp_path / "o"), "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "Reading articles" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(("options", "noted"), [([], True), (["--no-workbook"], False), (["--quiet"], False)])
def test_a_large_run_with_the_workbook_says_how_to_keep_memory_flat(
    tmp_path, capsys, monkeypatch, options, noted
):
    monkeypatch.setattr(cli, "LARGE_WORKBOOK_FILES", 1)
    article = DATA / "003_245cf9fd67e58d9d.txt"
    assert main(["run", str(article), "--out", str(tmp_path / "out"), "--jobs", "1", *options]) == 0
    assert ("--no-workbook" in capsys.readouterr().err) == noted
