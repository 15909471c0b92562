"""manifest.json and its readable twin 清单.txt: what a pack holds and what was signed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from ..domain.validation import format_datetime_cn
from .context import ExportContext

MANIFEST_NAME = "manifest.json"
LISTING_NAME = "清单.txt"
FORMAT = "interpreter-app/pack"
FORMAT_VERSION = 1
PACK_LABELS = {"press": "对外发布包", "briefing": "内部材料包", "all": "全部材料", "parts": "分件导出",
               "web": "网站发布包"}


def sha256_bytes(data: bytes) -> str:
    """SHA-256 hex of bytes."""
    return hashlib.sha256(data).hexdigest()


def file_entry(path: str, data: bytes, *, title: str, kind: str, audience: str) -> dict[str, Any]:
    """One manifest row: relative path (always with /), hash, size and what the file is."""
    return {"path": path, "sha256": sha256_bytes(data), "size": len(data),
            "title": title, "kind": kind, "audience": audience}


def build_manifest(ctx: ExportContext, pack: str, files: Iterable[dict[str, Any]], *,
                   embargo: str = "") -> dict[str, Any]:
    """The manifest of a pack: package, digest, sign-offs, release or embargo time, files."""
    package = ctx.package
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "pack": pack,
        "pack_label": PACK_LABELS[pack],
        "draft_mark": ctx.draft_mark,
        "package": {
            "id": package.id, "title": package.title, "revision": package.revision,
            "state": package.state, "doc_number": package.document.doc_number,
            "department": ctx.department_name,
        },
        "digest": ctx.digest,
        "signed": ctx.is_signed,
        "signoffs": [_signoff(s) for s in ctx.current_signoffs],
        "released_at": ctx.released_at,
        "embargo": embargo,
        "generated_at": ctx.generated_at,
        "files": list(files),
    }


def _signoff(s: Any) -> dict[str, Any]:
    return {"signer": s.signer_name, "title": s.signer_title, "on_behalf_of": s.on_behalf_of,
            "signed_at": s.signed_at, "revision": s.revision, "digest": s.digest}


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """Stable JSON: the same manifest always gives the same bytes."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def render_listing(manifest: dict[str, Any]) -> str:
    """清单.txt: the manifest for people; file lines work with `sha256sum -c`."""
    package = manifest.get("package", {})
    lines = [
        f"政策解读包 · {manifest.get('pack_label', '')} · 文件清单",
        f"解读包：{package.get('title', '')}",
        f"编号：{package.get('id', '')}　版次：第{package.get('revision', '')}版"
        f"　发文字号：{package.get('doc_number', '') or '—'}",
        f"起草单位：{package.get('department', '')}",
        f"解读包摘要（SHA-256）：{manifest.get('digest', '')}",
    ]
    lines += _signoff_lines(manifest)
    lines.append(f"发布时间：{_when(manifest.get('released_at', '')) or '未发布'}")
    if manifest.get("embargo"):
        lines.append(f"禁发时间：{_when(manifest['embargo'])} 前不得发布")
    if manifest.get("draft_mark"):
        lines.append(f"注意：本包为{manifest['draft_mark']}，未经签发，不得对外发布")
    lines.append(f"生成时间：{_when(manifest.get('generated_at', ''))}")
    files = manifest.get("files", [])
    lines += ["", f"文件（{len(files)}个，SHA-256 与路径）："]
    lines += [f"{f.get('sha256', '')}  {f.get('path', '')}" for f in files]
    return "\n".join(lines) + "\n"


def _signoff_lines(manifest: dict[str, Any]) -> list[str]:
    signoffs = manifest.get("signoffs", [])
    if not signoffs:
        return ["签发：未签发"]
    result = []
    for s in signoffs:
        who = s.get("signer", "")
        if s.get("title"):
            who += f"（{s['title']}）"
        if s.get("on_behalf_of"):
            who += f"代{s['on_behalf_of']}"
        result.append(f"签发：{who}　{_when(s.get('signed_at', ''))}")
    return result


def _when(iso: str) -> str:
    try:
        return format_datetime_cn(iso)
    except ValueError:
        return iso
