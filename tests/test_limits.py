"""Limits of reading: size, links, folders that cannot be searched, files that are not text;
and reproducible outputs (the same inputs give byte-identical CSV files)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import toolkit.corpus as corpus
from tests.conftest import DATA
from tests.fuzz_corpus import build_corpus
from toolkit.cli import main
from toolkit.corpus import find_inputs, read_document

TEXT = "La provincia emitió más de 9.000 firmas digitales en 2025.\n"
CSVS = ("documents.csv", "metrics.csv", "people.csv", "roster.csv", "quality.csv")


@pytest.mark.parametrize(
    "size_mb, limit_mb, status",
    [(0.5, 1, "ok"), (1.5, 1, "rejected"), (3, 2.5, "rejected")],
)
def test_the_size_limit_is_configurable_and_its_rejection_says_so(tmp_path, size_mb, limit_mb, status):
    path = tmp_path / "a.txt"
    path.write_text(TEXT * int(size_mb * 1024 * 1024 / len(TEXT.encode())), encoding="utf-8")
    doc = read_document(path, max_bytes=int(limit_mb * 1024 * 1024))
    assert doc.status == status
    if status == "rejected":
        assert f"over the limit of {limit_mb:.1f} MB per file (change it with --max-file-mb)" in doc.error


def test_the_default_limit_is_generous():
    assert corpus.DEFAULT_MAX_BYTES == 25 * 1024 * 1024


def test_the_command_line_limit_reaches_the_reader(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(TEXT * 40_000, encoding="utf-8")  # 2.4 MB
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--max-file-mb", "2", "--quiet"]) == 0
    assert "over the limit of 2.0 MB" in (out / "documents.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda d: os.symlink("nowhere.txt", d / "x.txt"), "link to a file that does not exist"),
        (lambda d: (os.symlink("y.txt", d / "x.txt"), os.symlink("x.txt", d / "y.txt")), "loop of links"),
        (lambda d: os.mkfifo(d / "x.txt"), "not an ordinary file"),
    ],
    ids=["dangling-link", "link-loop", "named-pipe"],
)
def test_links_and_pipes_are_rejected_not_followed_or_waited_on(tmp_path, make, reason):
    make(tmp_path)
    found = find_inputs([tmp_path])
    docs = [read_document(p) for p in found.files]
    assert docs and all(d.status == "rejected" and reason in d.error for d in docs)


def test_a_folder_linking_to_its_parent_is_searched_once_with_a_finding(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT)
    os.symlink("..", tmp_path / "a" / "up")
    found = find_inputs([tmp_path])
    assert [p.name for p in found.files] == ["one.txt"]
    assert [(f["check"], f["subject"]) for f in found.findings] == [
        ("folder_loop", str(tmp_path / "a" / "up"))
    ]


def test_an_unreadable_folder_is_a_finding_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(TEXT)
    (tmp_path / "open.txt").write_text(TEXT)
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_inputs([tmp_path])
    assert [p.name for p in found.files] == ["open.txt"]
    assert [f["check"] for f in found.findings] == ["folder_unreadable"]
    assert "Permission denied" in found.findings[0]["detail"]
    assert found.findings[0]["subject"] == str(tmp_path / "locked")


def test_non_text_files_are_each_listed_as_skipped(tmp_path):
    for name in ("photo.jpg", "report.docx", "notes"):
        (tmp_path / name).write_bytes(b"\xff\xd8")
    (tmp_path / "a.txt").write_text(TEXT)
    found = find_inputs([tmp_path])
    assert sorted(Path(f["subject"]).name for f in found.findings if f["check"] == "file_skipped") == [
        "notes",
        "photo.jpg",
        "report.docx",
    ]


@pytest.mark.parametrize(
    "data, text, checks",
    [
        (TEXT.encode() + b"\x00" * 300, TEXT, ["file_truncated"]),
        (b"\x00" * 50, None, []),
        (
            "Una línea\x0bde Word\x0cy otra página\x01.".encode(),
            "Una línea\nde Word\ny otra página.",
            ["control_characters_removed"],
        ),
    ],
    ids=["nul-padded-copy", "only-nul", "word-breaks-and-controls"],
)
def test_half_copied_files_and_control_characters(tmp_path, data, text, checks):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(path)
    if text is None:
        assert doc.status == "rejected" and "empty" in doc.error
    else:
        assert doc.ok and doc.text == text
        assert [f["check"] for f in doc.findings] == checks


@pytest.fixture(scope="module")
def small_fuzz(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("repro") / "in"
    build_corpus(folder, 150, seed=11, costly=False)
    shutil.copytree(DATA, folder / "seeds", ignore=shutil.ignore_patterns("*.md"))
    return folder


def run_bytes(inputs: Path, out: Path, jobs: str) -> dict[str, bytes]:
    assert main(["run", str(inputs), "--out", str(out), "--jobs", jobs, "--quiet"]) == 0
    return {name: (out / name).read_bytes() for name in CSVS}


def test_the_same_inputs_give_byte_identical_csv_files(tmp_path, small_fuzz):
    first = run_bytes(small_fuzz, tmp_path / "one", "1")
    assert run_bytes(small_fuzz, tmp_path / "pool", "2") == first
    assert run_bytes(small_fuzz, tmp_path / "one", "2") == first  # and over the previous run's files
