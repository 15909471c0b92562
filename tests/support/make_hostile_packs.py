"""Write the hostile packs: tests/data/hostile/packs/*.zip and packs.json.

    python tests/support/make_hostile_packs.py

Each pack is a small .zip crafted the way an attacker (or a broken tool) would make it, and
packs.json says which words the one-line refusal of `verify-pack` must contain. Packs too big
to commit (thousands of entries, an expanding .docx) are made by the tests in tmp_path.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "hostile" / "packs"
_WHEN = (2026, 3, 2, 9, 0, 0)
BODY = "政策文件正文".encode()

# Offsets of fields in a central directory header and in a local file header.
_CD = {"flags": 8, "method": 10, "crc": 16, "size": 24}
_LOCAL = {"flags": 6, "method": 8, "crc": 14, "size": 22}


def manifest(**extra) -> bytes:
    """A manifest listing a.txt, with fields replaced or added."""
    base = {"format": "interpreter-app/pack", "package": {"id": 1, "title": "样例"},
            "digest": "0" * 64, "files": [{"path": "a.txt", "sha256": hashlib.sha256(BODY).hexdigest()}]}
    return json.dumps(base | extra, ensure_ascii=False).encode()


def build(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED,
          attrs: dict[str, int] | None = None) -> bytes:
    """A zip of (name, data) entries in order; duplicates kept; attrs sets external_attr."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we want
        with zipfile.ZipFile(out, "w") as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=_WHEN)
                info.compress_type = method
                if attrs and name in attrs:
                    info.create_system, info.external_attr = 3, attrs[name]
                zf.writestr(info, data)
    return out.getvalue()


def patch(data: bytes, name: str, field: str, value: int) -> bytes:
    """Set one field of entry `name` in both its central directory and its local header."""
    buf = bytearray(data)
    fmt = "<H" if field in ("flags", "method") else "<I"
    at = buf.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", buf, at + 28)[0]
        if buf[at + 46:at + 46 + length].decode() == name:
            local = struct.unpack_from("<I", buf, at + 42)[0]
            struct.pack_into(fmt, buf, at + _CD[field], value)
            struct.pack_into(fmt, buf, local + _LOCAL[field], value)
        at = buf.find(b"PK\x01\x02", at + 4)
    return bytes(buf)


def _pack(*more: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED, **kw) -> bytes:
    return build([("manifest.json", manifest()), ("a.txt", BODY), *more], method, **kw)


def _bad_crc() -> bytes:
    data = bytearray(_pack(method=zipfile.ZIP_STORED))
    at = data.find(BODY)
    data[at] ^= 0x01  # one bit of the stored file changed, its CRC left as it was
    return bytes(data)


def _manifest_pack(raw: bytes) -> bytes:
    return build([("manifest.json", raw), ("a.txt", BODY)])


# name → (how to make it, words the refusal must contain)
PACKS: dict[str, tuple[Callable[[], bytes], str]] = {
    "declared-bomb.zip": (lambda: patch(_pack(("b.bin", b"0" * 64)), "b.bin", "size",
                                        0xFFFFFFF0), "解压后过大"),
    "deflate-bomb.zip": (lambda: _pack(("zeros.bin", bytes(16 * 1024 * 1024))), "压缩比异常"),
    "lying-sizes.zip": (lambda: patch(_pack(("b.bin", bytes(4 * 1024 * 1024))), "b.bin", "size",
                                      16), "校验码（CRC）不符"),
    "duplicate-names.zip": (lambda: _pack(("manifest.json", manifest(digest="1" * 64))), "重名"),
    "case-duplicate-names.zip": (lambda: _pack(("A.TXT", b"other")), "重名"),
    "bad-crc.zip": (_bad_crc, "校验码（CRC）不符"),
    "unknown-compression.zip": (lambda: patch(_pack(), "a.txt", "method", 99), "不支持的压缩方式"),
    "encrypted-entry.zip": (lambda: patch(_pack(), "a.txt", "flags", 0x1), "已加密"),
    "dotdot-entry.zip": (lambda: _pack(("../evil.txt", b"x")), "不安全的路径"),
    "nested-dotdot-entry.zip": (lambda: _pack(("docs/../../evil.txt", b"x")), "不安全的路径"),
    "absolute-entry.zip": (lambda: _pack(("/etc/evil", b"x")), "不安全的路径"),
    "windows-drive-entry.zip": (lambda: _pack(("C:/evil.txt", b"x")), "不安全的路径"),
    "symlink-entry.zip": (lambda: _pack(("link", b"/etc/passwd"),
                                        attrs={"link": 0o120777 << 16}), "符号链接"),
    "deep-manifest.zip": (lambda: _manifest_pack(b"[" * 100_000 + b"]" * 100_000), "嵌套层次过深"),
    "moderately-deep-manifest.zip": (lambda: _manifest_pack(
        b'{"files": [], "x": ' + b"[" * 500 + b"]" * 500 + b"}"), "嵌套层次过深"),
    "wrong-type-files.zip": (lambda: _manifest_pack(manifest(files="a.txt")), "缺少文件列表"),
    "wrong-type-file-entry.zip": (lambda: _manifest_pack(manifest(files=["a.txt"])),
                                  "files[0] 应为对象"),
    "wrong-type-path.zip": (lambda: _manifest_pack(manifest(files=[{"path": ["a.txt"]}])),
                            "files[0].path 应为文字"),
    "wrong-type-package.zip": (lambda: _manifest_pack(manifest(package=[1])), "package 应为对象"),
    "wrong-type-package-id.zip": (lambda: _manifest_pack(manifest(package={"id": "1"})),
                                  "package.id 应为整数"),
    "wrong-type-signoffs.zip": (lambda: _manifest_pack(manifest(signoffs=[{"signed_at": 5}])),
                                "signoffs[0].signed_at 应为文字"),
    "huge-number-manifest.zip": (lambda: _manifest_pack(
        manifest().replace(b'"id": 1', b'"id": 1' + b"0" * 5000)), "数值过大"),
    "beyond-64-bit-id.zip": (lambda: _manifest_pack(manifest(package={"id": 2**64})), "数值过大"),
    "nan-manifest.zip": (lambda: _manifest_pack(manifest().replace(b'"digest": "' + b"0" * 64 + b'"',
                                                                   b'"digest": NaN')), "NaN"),
    "non-utf8-manifest.zip": (lambda: _manifest_pack(json.dumps(
        {"files": [], "title": "政策"}, ensure_ascii=False).encode("gbk")), "不是 UTF-8"),
    "surrogate-manifest.zip": (lambda: _manifest_pack(b'{"files": [], "title": "\\ud800"}'),
                               "无效的字符"),
    "not-json-manifest.zip": (lambda: _manifest_pack(b"{files: []}"), "不是有效的 JSON"),
}


def main() -> None:
    """Write every pack and packs.json."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (make, _) in PACKS.items():
        (OUT / name).write_bytes(make())
    expected = {name: words for name, (_, words) in PACKS.items()}
    (OUT / "packs.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                    "utf-8")
    print(f"wrote {len(PACKS)} packs to {OUT}")


if __name__ == "__main__":
    main()
