"""Check an exported pack (folder or .zip) against its manifest and the package's sign-off."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..domain.errors import ValidationError
from .manifest import LISTING_NAME, MANIFEST_NAME, render_listing


@dataclass(frozen=True)
class PackContents:
    """What a pack claims (manifest) and what it holds (hash of every other file)."""

    source: Path
    manifest: dict[str, Any]
    hashes: dict[str, str] = field(default_factory=dict)  # relative path → SHA-256
    listing: str | None = None  # 清单.txt, when present

    @property
    def digest(self) -> str:
        """The package digest the pack was exported from."""
        return str(self.manifest.get("digest", ""))


def read_pack(path: Path) -> PackContents:
    """Read a pack folder or .zip: its manifest, its listing and a hash of every other file."""
    path = Path(path)
    if path.is_dir():
        files = _folder_files(path)
    elif zipfile.is_zipfile(path):
        files = _zip_files(path)
    else:
        raise ValidationError(f"“{path}”不是导出包（应为文件夹或 .zip 文件）")
    raw = files.pop(MANIFEST_NAME, None)
    if raw is None:
        raise ValidationError(f"“{path}”不是导出包：缺少 {MANIFEST_NAME}")
    listing = files.pop(LISTING_NAME, None)
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    text = listing.decode("utf-8", "replace") if listing is not None else None
    return PackContents(path, _parse_manifest(raw), hashes, text)


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"{MANIFEST_NAME} 无法读取：{exc}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        raise ValidationError(f"{MANIFEST_NAME} 格式不对：缺少文件列表")
    return manifest


def _folder_files(root: Path) -> dict[str, bytes]:
    result = {}
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            raise ValidationError(f"导出包中不应有符号链接：{p.relative_to(root).as_posix()}")
        if p.is_file():
            result[p.relative_to(root).as_posix()] = p.read_bytes()
    return result


def _zip_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        names = [info.filename for info in zf.infolist() if not info.is_dir()]
        for name in names:
            _check_entry(name)
        prefix = _common_root(names)
        return {name[len(prefix):]: zf.read(name) for name in names}


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


def compare_pack(contents: PackContents, *, digest: str, signoff_digests: set[str]) -> list[str]:
    """Problems found (missing, extra or changed files, wrong or unsigned digest); [] when intact."""
    problems = _file_problems(contents)
    if contents.listing is None:
        problems.append(f"缺少 {LISTING_NAME}")
    elif contents.listing != render_listing(contents.manifest):
        problems.append(f"{LISTING_NAME} 与 {MANIFEST_NAME} 不一致（清单被改动）")
    if contents.digest != digest:
        problems.append(f"包内摘要 {contents.digest[:12]}… 与解读包当前摘要 {digest[:12]}… "
                        "不一致：导出后解读包内容已改变，或不是同一个解读包")
    if contents.digest not in signoff_digests:
        problems.append(f"包内摘要 {contents.digest[:12]}… 没有对应的有效签发")
    return problems


def _file_problems(contents: PackContents) -> list[str]:
    problems = []
    listed: set[str] = set()
    for entry in contents.manifest.get("files", []):
        name, expected = str(entry.get("path", "")), str(entry.get("sha256", ""))
        listed.add(name)
        actual = contents.hashes.get(name)
        if actual is None:
            problems.append(f"缺少文件：{name}")
        elif actual != expected:
            problems.append(f"文件内容与清单不符（可能被改动）：{name}")
    problems += [f"多出清单中没有的文件：{name}"
                 for name in sorted(set(contents.hashes) - listed)]
    return problems
