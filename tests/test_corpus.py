"""Reading and decoding: every file becomes a document, ok or rejected with a plain reason."""

from __future__ import annotations

import os

import pytest

from toolkit.corpus import decode_bytes, doc_ids_for, find_inputs, read_document

TEXT = "La provincia ha emitido más de 9.000 firmas digitales; Đà Nẵng y Cà Mau.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_unicode_encodings_decode_exactly(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.ok
    assert doc.text == TEXT
    assert doc.encoding == encoding
    assert not doc.findings


def test_utf16_without_bom_is_read_and_flagged_as_a_guess(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    doc = read_document(path)
    assert doc.ok and doc.text == TEXT
    assert [f["check"] for f in doc.findings] == ["decoding_guessed"]


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Déclaration de la province: 1 938 services publics en ligne, à côté.", "cp1252"),
        ("La provincia emitió más de 9.000 firmas, según el año pasado.", "cp1252"),
        ("Prowincja zrealizowała 24 z 25 zadań; wskaźnik lesistości ponad 60%.", "cp1250"),
    ],
)
def test_legacy_single_byte_files_are_decoded_with_a_finding(tmp_path, text, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    doc = read_document(path)
    assert doc.ok
    assert doc.text == text
    assert "decoding_guessed" in [f["check"] for f in doc.findings]


def test_a_file_cut_inside_a_character_keeps_its_text_with_a_finding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Cà Mau y Đà Nẵ".encode()[:-1])
    doc = read_document(path)
    assert doc.ok and doc.text == "Cà Mau y Đà N"
    assert [f["check"] for f in doc.findings] == ["file_truncated"]


def test_mojibake_is_repaired_with_a_finding(tmp_path):
    garbled = "La délégation a visité la province de Cà Mau à midi.".encode().decode("cp1252")
    path = tmp_path / "a.txt"
    path.write_text(garbled, encoding="utf-8")
    doc = read_document(path)
    assert doc.ok
    assert doc.text == "La délégation a visité la province de Cà Mau à midi."
    assert "mojibake_repaired" in [f["check"] for f in doc.findings]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary"),
        (bytes(range(0, 32)) * 50, "binary"),
    ],
    ids=["empty", "blank", "png", "control-bytes"],
)
def test_unusable_files_are_rejected_with_a_plain_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.status == "rejected"
    assert reason in doc.error.lower()
    assert doc.text == ""
    assert doc.findings[0]["check"] == "file_rejected"


def test_a_vanished_file_is_rejected(tmp_path):
    doc = read_document(tmp_path / "gone.txt")
    assert doc.status == "rejected"
    assert "disappeared" in doc.error


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_rejected(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(TEXT)
    path.chmod(0)
    assert "permission" in read_document(path).error


def test_a_directory_named_like_a_text_file_is_rejected(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    assert read_document(tmp_path / "folder.txt").status == "rejected"


def test_files_over_the_size_limit_are_rejected(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    doc = read_document(path, max_bytes=1000)
    assert doc.status == "rejected"
    assert "limit" in doc.error


def test_decode_bytes_refuses_nul_bytes_that_are_not_utf16():
    text, _, note = decode_bytes(b"abc\x00\x00\x00\xff\x10defgh\x00")
    assert text is None
    assert "binary" in note


def test_inputs_are_found_recursively_and_other_files_listed_as_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(TEXT)
    (tmp_path / "a" / "b" / "two.TXT").write_text(TEXT)
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(b"\xff\xd8")
    found = find_inputs([tmp_path])
    assert sorted(p.name for p in found.files) == ["one.txt", "two.TXT"]
    assert [p.name for p in found.skipped] == ["photo.jpg"]
    assert [f["check"] for f in found.findings] == ["file_skipped"]


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(lambda d: [d, d / "a.txt"], id="a folder and a file in it"),
        pytest.param(lambda d: [d / "a.txt", d / "." / "a.txt"], id="one file by two paths"),
        pytest.param(
            lambda d: (os.symlink(d / "a.txt", d / "link.txt"), [d])[1], id="a link to a file beside it"
        ),
    ],
)
def test_a_file_reached_by_several_names_is_read_once(tmp_path, names):
    (tmp_path / "a.txt").write_text(TEXT)
    assert len(find_inputs(names(tmp_path)).files) == 1


def test_a_missing_input_is_reported():
    found = find_inputs(["/nonexistent/folder"])
    assert not found.files
    assert found.findings[0]["check"] == "input_missing"


def test_doc_ids_are_file_stems_made_unique():
    from pathlib import Path

    assert doc_ids_for([Path("a/x.txt"), Path("b/x.txt"), Path("y.txt")]) == ["x", "x~2", "y"]
