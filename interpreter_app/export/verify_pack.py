"""Check an exported pack (folder or .zip) against its manifest and the package's sign-off."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from .manifest import LISTING_NAME, MANIFEST_NAME, render_listing
from .pack_reader import parse_manifest, read_pack_files


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
    """Read a pack folder or .zip: its manifest, its listing and a hash of every other file
    (bounded and checked by pack_reader)."""
    raw = read_pack_files(Path(path))
    manifest = raw.kept.get(MANIFEST_NAME)
    if manifest is None:
        raise ValidationError(f"“{path}”不是导出包：缺少 {MANIFEST_NAME}")
    listing = raw.kept.get(LISTING_NAME)
    text = listing.decode("utf-8", "replace") if listing is not None else None
    return PackContents(Path(path), parse_manifest(manifest), raw.hashes, text)


def compare_pack(contents: PackContents, *, digest: str, signoff_digests: set[str]) -> list[str]:
    """Problems found (missing, extra or changed files, wrong or unsigned digest); [] when intact."""
    problems = file_problems(contents)
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


def file_problems(contents: PackContents) -> list[str]:
    """Files missing, changed or not in the manifest."""
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
