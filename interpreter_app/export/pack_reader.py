"""Reading a pack (folder or .zip) someone else may have crafted, within fixed bounds.

Every file is hashed while it streams, never held whole: only manifest.json and 清单.txt stay
in memory. Limits are checked twice: against the sizes a zip declares before anything is
unpacked, and against the bytes actually read, because declared sizes can lie.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from ..domain.errors import ValidationError
from .manifest import LISTING_NAME, MANIFEST_NAME

# A real press pack is a few MB in a few dozen files; these leave room for a briefing pack
# with many charts and stop a crafted pack long before it costs real memory or time.
PACK_MAX_BYTES = 512 * 1024 * 1024  # all files together, uncompressed
PACK_MAX_ENTRIES = 2000  # files and folders
MANIFEST_MAX_BYTES = 4 * 1024 * 1024  # manifest.json and 清单.txt, each
CENTRAL_DIRECTORY_MAX = 16 * 1024 * 1024  # a zip's table of entries, read before any entry
# Word files and PNGs hardly compress, SVG and text about 5:1; a larger file packed far
# tighter than that is a zip bomb, refused before hours of CPU go into unpacking it.
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024
ZIP_METHODS = {zipfile.ZIP_STORED: "不压缩", zipfile.ZIP_DEFLATED: "Deflate"}
_CHUNK = 1024 * 1024
_KEPT = (MANIFEST_NAME, LISTING_NAME)
_SYMLINK = 0o120000

_TOO_MANY = f"导出包中的文件过多（超过 {PACK_MAX_ENTRIES} 个），不是本应用导出的包，已拒绝读取"
_TOO_BIG = f"导出包解压后过大（超过 {PACK_MAX_BYTES // 1048576} MB），疑似“压缩炸弹”，已拒绝读取"


@dataclass
class RawPack:
    """The two small files kept as bytes and the SHA-256 of every other file."""

    kept: dict[str, bytes] = field(default_factory=dict)  # manifest.json, 清单.txt
    hashes: dict[str, str] = field(default_factory=dict)  # relative path → SHA-256
    total: int = 0  # bytes read so far


def read_pack_files(path: Path) -> RawPack:
    """The files of a pack folder or .zip, within the limits; ValidationError in one line.

    The caller keeps the open database out of `path` (services.exporting does): closing a
    descriptor of it here would drop this process's SQLite locks."""
    path = Path(path)
    if path.is_dir():
        return _read_folder(path)
    if zipfile.is_zipfile(path):
        return _read_zip(path)
    raise ValidationError(f"“{path}”不是导出包（应为文件夹或 .zip 文件）")


def _take(pack: RawPack, name: str, stream: BinaryIO, declared: int | None = None) -> None:
    """Hash (or keep) one file while reading it, refusing it once it passes a limit."""
    keep = name in _KEPT
    limit = MANIFEST_MAX_BYTES if keep else PACK_MAX_BYTES
    digest, parts, size = hashlib.sha256(), [], 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        pack.total += len(chunk)
        if declared is not None and size > declared:
            raise ValidationError(f"压缩包中“{name}”的实际大小与登记的不符，文件已损坏或被改动，已拒绝读取")
        if size > limit:
            raise ValidationError(_too_big_kept(name) if keep else _TOO_BIG)
        if pack.total > PACK_MAX_BYTES:
            raise ValidationError(_TOO_BIG)
        if keep:
            parts.append(chunk)
        else:
            digest.update(chunk)
    if keep:
        pack.kept[name] = b"".join(parts)
    else:
        pack.hashes[name] = digest.hexdigest()


def _too_big_kept(name: str) -> str:
    return f"{name} 过大（超过 {MANIFEST_MAX_BYTES // 1048576} MB），不是本应用导出的包，已拒绝读取"


# -- folders -----------------------------------------------------------------------------------

def _read_folder(root: Path) -> RawPack:
    try:
        files = list(_folder_entries(root))
    except OSError as exc:
        raise ValidationError(f"无法读取导出包文件夹“{root}”（{exc.strerror or exc}）") from None
    if sum(size for _, _, size in files) > PACK_MAX_BYTES:
        raise ValidationError(_TOO_BIG)
    pack = RawPack()
    for name, full, size in files:
        if name in _KEPT and size > MANIFEST_MAX_BYTES:
            raise ValidationError(_too_big_kept(name))
        try:
            with open(full, "rb") as fh:
                _take(pack, name, fh)
        except OSError as exc:
            raise ValidationError(f"无法读取导出包中的“{name}”（{exc.strerror or exc}）") from None
    return pack


def _folder_entries(root: Path) -> Iterator[tuple[str, str, int]]:
    """(relative name, full path, size) of every file, in name order, refusing symlinks and
    special files and stopping as soon as there are too many entries."""
    count = 0
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for entry in entries:
            count += 1
            if count > PACK_MAX_ENTRIES:
                raise ValidationError(_TOO_MANY)
            name = prefix + entry.name
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                raise ValidationError(f"导出包中不应有符号链接：{name}")
            if stat.S_ISDIR(mode):
                pending.append((entry.path, name + "/"))
            elif stat.S_ISREG(mode):
                yield name, entry.path, entry.stat(follow_symlinks=False).st_size
            else:
                raise ValidationError(f"导出包中有不是普通文件的项目：{name}")


# -- zips --------------------------------------------------------------------------------------

def _read_zip(path: Path) -> RawPack:
    _check_directory_record(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [info for info in zf.infolist() if not info.is_dir()]
            _check_zip_entries(zf.infolist())
            prefix = _common_root([info.filename for info in infos])
            pack = RawPack()
            for info in infos:
                _read_entry(zf, info, info.filename[len(prefix):], pack)
            return pack
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError,
            NotImplementedError, RuntimeError, struct.error) as exc:
        raise ValidationError(f"压缩包已损坏，无法读取（{_reason(exc)}）") from None
    except OSError as exc:
        raise ValidationError(f"无法读取压缩包“{path.name}”（{exc.strerror or exc}）") from None


def _reason(exc: Exception) -> str:
    return str(exc).replace("\n", " ")[:120] or type(exc).__name__


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, pack: RawPack) -> None:
    try:
        with zf.open(info) as fh:
            _take(pack, name, fh, info.file_size)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise ValidationError(f"压缩包中“{info.filename}”的校验码（CRC）不符，文件已损坏或被改动，"
                                  "已拒绝读取") from None
        raise ValidationError(f"压缩包中“{info.filename}”已损坏，无法读取（{_reason(exc)}）") from None
    except (EOFError, zlib.error) as exc:
        raise ValidationError(f"压缩包中“{info.filename}”已损坏，无法读取（{_reason(exc)}）") from None


def _check_zip_entries(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse by what the central directory declares, before any entry is unpacked."""
    if len(infos) > PACK_MAX_ENTRIES:
        raise ValidationError(_TOO_MANY)
    if sum(info.file_size for info in infos) > PACK_MAX_BYTES:
        raise ValidationError(_TOO_BIG)
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        _check_entry(name)
        key = name.rstrip("/").casefold()
        if key in seen:
            raise ValidationError(f"压缩包中有重名的文件“{name}”，无法确定以哪一个为准，已拒绝读取")
        seen.add(key)
        if info.flag_bits & 0x1:
            raise ValidationError(f"压缩包中的“{name}”已加密；导出包不应加密，已拒绝读取")
        if info.compress_type not in ZIP_METHODS:
            raise ValidationError(f"压缩包中的“{name}”使用了不支持的压缩方式（编号 {info.compress_type}），"
                                  "已拒绝读取")
        if (info.external_attr >> 16) & 0o170000 == _SYMLINK:
            raise ValidationError(f"导出包中不应有符号链接：{name}")
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ValidationError(f"压缩包中的“{name}”压缩比异常（疑似“压缩炸弹”），已拒绝读取")


def _check_entry(name: str) -> None:
    """Reject entries that would land outside the folder when unpacked."""
    pure = PurePosixPath(name)
    drive = len(name) > 1 and name[1] == ":"
    if pure.is_absolute() or drive or "\\" in name or ".." in pure.parts:
        raise ValidationError(f"压缩包含有不安全的路径“{name}”，已拒绝读取")


def _common_root(names: list[str]) -> str:
    """'name/' when every entry sits in one folder holding the manifest (a zipped folder)."""
    if MANIFEST_NAME in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1 and all("/" in n for n in names):
        top = tops.pop() + "/"
        if top + MANIFEST_NAME in names:
            return top
    return ""


# -- the end-of-central-directory record, read before zipfile builds its list -----------------

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def _check_directory_record(path: Path) -> None:
    """Refuse a zip declaring too many entries or a huge directory: zipfile would otherwise
    build an object per entry before we could count them."""
    try:
        with open(path, "rb") as fh:
            entries, directory_size = _directory_record(fh)
    except OSError as exc:
        raise ValidationError(f"无法读取压缩包“{path.name}”（{exc.strerror or exc}）") from None
    if entries > PACK_MAX_ENTRIES:
        raise ValidationError(_TOO_MANY)
    if directory_size > CENTRAL_DIRECTORY_MAX:
        raise ValidationError("压缩包的文件目录异常巨大，不是本应用导出的包，已拒绝读取")


def _directory_record(fh: BinaryIO) -> tuple[int, int]:
    """(entry count, central directory size) as the end record (or its zip64 form) declares."""
    size = fh.seek(0, os.SEEK_END)
    start = max(0, size - (22 + 65535))  # the record, then a comment of at most 64 KiB
    fh.seek(start)
    tail = fh.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return 0, 0  # zipfile itself reports the damage
    entries, directory_size = struct.unpack("<HI", tail[at + 10:at + 16])
    if entries != 0xFFFF and directory_size != 0xFFFFFFFF:
        return entries, directory_size
    locator = tail[at - 20:at] if at >= 20 else b""
    if not locator.startswith(_ZIP64_LOCATOR):
        return entries, directory_size
    fh.seek(struct.unpack("<Q", locator[8:16])[0])
    record = fh.read(56)
    if not record.startswith(_ZIP64_EOCD) or len(record) < 56:
        return entries, directory_size
    entries64, directory64 = struct.unpack("<QQ", record[32:48])
    return entries64, directory64


# -- manifest.json -----------------------------------------------------------------------------

MANIFEST_MAX_DEPTH = 16  # ours nests four deep (manifest → files → entry → value)
_INT_MAX = 2**63 - 1  # what SQLite and every reader of the pack can hold
# The types of the fields the verifier and 清单.txt read; other fields may hold any JSON value.
_TOP_FIELDS = {"format": str, "format_version": int, "pack": str, "pack_label": str,
               "draft_mark": str, "package": dict, "digest": str, "signed": bool,
               "signoffs": list, "released_at": str, "embargo": str, "generated_at": str,
               "files": list}
_PACKAGE_FIELDS = {"id": int, "title": str, "revision": int, "state": str, "doc_number": str,
                   "department": str}
_SIGNOFF_FIELDS = {"signer": str, "title": str, "on_behalf_of": str, "signed_at": str,
                   "revision": int, "digest": str}
_FILE_FIELDS = {"path": str, "sha256": str, "size": int, "title": str, "kind": str,
                "audience": str}


class _Malformed(ValueError):
    """A manifest value outside what a pack can hold."""


def parse_manifest(data: bytes) -> dict[str, Any]:
    """manifest.json as a dict whose known fields have their types; ValidationError otherwise."""
    try:
        text = data.decode("utf-8")
        manifest = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float,
                              parse_constant=_no_constant)
        _check_values(manifest, 0)
    except UnicodeDecodeError:
        raise ValidationError(f"{MANIFEST_NAME} 无法读取：不是 UTF-8 编码的文本") from None
    except RecursionError:
        raise ValidationError(f"{MANIFEST_NAME} 格式不对：嵌套层次过深") from None
    except _Malformed as exc:
        raise ValidationError(f"{MANIFEST_NAME} 格式不对：{exc}") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{MANIFEST_NAME} 无法读取：第 {exc.lineno} 行第 {exc.colno} 列"
                              "不是有效的 JSON") from None
    _check_shape(manifest)
    return manifest


def _bounded_int(text: str) -> int:
    if len(text) > 20 or not -_INT_MAX <= int(text) <= _INT_MAX:
        raise _Malformed(f"数值过大（{text[:24]}…）" if len(text) > 24 else f"数值过大（{text}）")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Malformed("数值过大")
    return value


def _no_constant(text: str) -> None:
    raise _Malformed(f"不允许 {text}")


def _check_values(value: Any, depth: int) -> None:
    """Refuse deep nesting and text that cannot be shown or stored (lone surrogates)."""
    if depth > MANIFEST_MAX_DEPTH:
        raise _Malformed("嵌套层次过深")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise _Malformed("含有无效的字符")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_values(key, depth + 1)
            _check_values(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_values(item, depth + 1)


def _check_shape(manifest: Any) -> None:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise ValidationError(f"{MANIFEST_NAME} 格式不对：缺少文件列表")
    _check_fields(manifest, _TOP_FIELDS, "")
    _check_fields(manifest.get("package", {}), _PACKAGE_FIELDS, "package.")
    for n, signoff in enumerate(manifest.get("signoffs", [])):
        _check_fields(signoff, _SIGNOFF_FIELDS, f"signoffs[{n}].")
    for n, entry in enumerate(manifest["files"]):
        _check_fields(entry, _FILE_FIELDS, f"files[{n}].")


def _check_fields(obj: Any, fields: dict[str, type], where: str) -> None:
    if not isinstance(obj, dict):
        raise ValidationError(f"{MANIFEST_NAME} 格式不对：{where.rstrip('.')} 应为对象")
    for name, kind in fields.items():
        if name in obj and not _is(obj[name], kind):
            raise ValidationError(f"{MANIFEST_NAME} 格式不对：{where}{name} 应为{_TYPE_LABELS[kind]}")


def _is(value: Any, kind: type) -> bool:
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


_TYPE_LABELS = {str: "文字", int: "整数", bool: "真假值", dict: "对象", list: "列表"}
_SURROGATE = re.compile("[\ud800-\udfff]")
