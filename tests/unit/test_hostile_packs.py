"""Hostile packs: crafted zips and folders are refused by verify-pack in one Chinese line (exit
2), before they cost memory or time, and never reach the verifier half-read."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain.errors import ValidationError
from interpreter_app.export import pack_reader
from interpreter_app.export.verify_pack import read_pack
from tests.factories import PASSWORD
from tests.support.make_hostile_packs import BODY, PACKS, build, manifest

PACK_DIR = Path(__file__).resolve().parents[1] / "data" / "hostile" / "packs"
EXPECTED = json.loads((PACK_DIR / "packs.json").read_text("utf-8"))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def one_line(message: str) -> bool:
    return bool(_CJK.search(message)) and "\n" not in message and len(message) < 300


@pytest.mark.parametrize("name", list(EXPECTED))
def test_crafted_zip_is_refused_with_its_one_line_reason(name):
    with pytest.raises(ValidationError) as err:
        read_pack(PACK_DIR / name)
    assert EXPECTED[name] in err.value.message and one_line(err.value.message)


def test_committed_packs_are_the_ones_the_generator_makes():
    assert set(EXPECTED) == set(PACKS)
    for name, (make, words) in PACKS.items():
        assert (PACK_DIR / name).read_bytes() == make(), name
        assert EXPECTED[name] == words


@pytest.mark.parametrize("name", ["declared-bomb.zip", "bad-crc.zip", "encrypted-entry.zip",
                                  "unknown-compression.zip", "deep-manifest.zip",
                                  "wrong-type-package.zip", "huge-number-manifest.zip"])
def test_verify_pack_command_refuses_in_one_line_with_exit_2(seeded, monkeypatch, capsys, name):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    code = main(["--db", str(seeded.path), "verify-pack", str(PACK_DIR / name)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：") and err.count("\n") == 1
    assert EXPECTED[name] in err


def test_zip_declaring_too_many_entries_is_refused_before_listing_them(tmp_path, monkeypatch):
    path = tmp_path / "many.zip"
    path.write_bytes(build([("manifest.json", manifest())] +
                           [(f"f{n}.txt", b"") for n in range(pack_reader.PACK_MAX_ENTRIES)]))

    def listed(*args, **kwargs):
        raise AssertionError("zipfile built its list of entries")

    monkeypatch.setattr(zipfile, "ZipFile", listed)
    with pytest.raises(ValidationError, match="文件过多"):
        read_pack(path)


def test_real_deflate_bomb_is_refused_by_its_declared_size(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_reader, "PACK_MAX_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.zip"
    path.write_bytes(build([("manifest.json", manifest()), ("zeros.bin", bytes(3 * 1024 * 1024))]))
    with pytest.raises(ValidationError, match="解压后过大"):
        read_pack(path)


def test_size_limit_holds_while_reading_when_the_declared_sizes_fooled_the_first_check(
        tmp_path, monkeypatch):
    monkeypatch.setattr(pack_reader, "PACK_MAX_BYTES", 1024 * 1024)
    monkeypatch.setattr(pack_reader, "_check_zip_entries", lambda infos: None)
    path = tmp_path / "bomb.zip"
    path.write_bytes(build([("manifest.json", manifest())] +
                           [(f"z{n}.bin", bytes(400 * 1024)) for n in range(4)]))
    with pytest.raises(ValidationError, match="解压后过大"):
        read_pack(path)


def test_oversized_manifest_is_refused(tmp_path):
    path = tmp_path / "big-manifest.zip"
    padding = os.urandom(pack_reader.MANIFEST_MAX_BYTES // 2 + 1).hex()  # does not compress
    path.write_bytes(build([("manifest.json", manifest(padding=padding)), ("a.txt", BODY)]))
    with pytest.raises(ValidationError, match="manifest.json 过大"):
        read_pack(path)


# -- folders -----------------------------------------------------------------------------------

def pack_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "manifest.json").write_bytes(manifest())
    (folder / "a.txt").write_bytes(BODY)
    return folder


def test_folder_pack_reads_within_the_limits(tmp_path):
    contents = read_pack(pack_folder(tmp_path))
    assert set(contents.hashes) == {"a.txt"} and contents.manifest["package"]["id"] == 1


@pytest.mark.parametrize("target", ["/etc/passwd", "../../outside.txt", "a.txt"])
def test_folder_with_a_symlink_is_refused(tmp_path, target):
    folder = pack_folder(tmp_path)
    os.symlink(target, folder / "link.txt")
    with pytest.raises(ValidationError, match="符号链接"):
        read_pack(folder)


def test_folder_with_a_symlinked_subfolder_is_refused(tmp_path):
    folder = pack_folder(tmp_path)
    os.symlink("/etc", folder / "charts")
    with pytest.raises(ValidationError, match="符号链接"):
        read_pack(folder)


def test_folder_with_a_named_pipe_is_refused_instead_of_hanging(tmp_path):
    folder = pack_folder(tmp_path)
    os.mkfifo(folder / "b.txt")
    with pytest.raises(ValidationError, match="不是普通文件"):
        read_pack(folder)


def test_folder_with_too_many_entries_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_reader, "PACK_MAX_ENTRIES", 10)
    folder = pack_folder(tmp_path)
    for n in range(10):
        (folder / f"extra{n}.txt").write_text("x")
    with pytest.raises(ValidationError, match="文件过多"):
        read_pack(folder)


def test_folder_too_big_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_reader, "PACK_MAX_BYTES", 1000)
    folder = pack_folder(tmp_path)
    (folder / "big.bin").write_bytes(bytes(2000))
    with pytest.raises(ValidationError, match="解压后过大"):
        read_pack(folder)


# -- the open database is never read as a pack ------------------------------------------------

def test_verify_pack_never_opens_the_database_as_a_pack(seeded):
    db = Path(seeded.path)
    with pytest.raises(ValidationError, match="数据库文件"):
        seeded.wb.exports.verify_pack(db)
    with pytest.raises(ValidationError, match="数据库文件"):
        seeded.wb.exports.verify_pack(db.parent)


def test_entry_packed_far_tighter_than_any_real_file_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "zeros.zip"
    path.write_bytes(build([("manifest.json", manifest()), ("zeros.bin", bytes(8 * 1024 * 1024))]))
    monkeypatch.setattr(pack_reader, "_read_entry", lambda *a: pytest.fail("entry was unpacked"))
    with pytest.raises(ValidationError, match="压缩比异常"):
        read_pack(path)
