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
FORMAT_VERSION = 2  # 2: signed by the exporter's certified key, certificates and decisions inside
INSTRUCTIONS_NAME = "验证说明.txt"
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
    } | _trust_part(ctx)


def _trust_part(ctx: ExportContext) -> dict[str, Any]:
    """The root, certificates, signed decisions and chain head, when the database has a root."""
    if not ctx.trust:
        return {}
    return {"trust": {k: v for k, v in ctx.trust.items() if k != "chain"},
            "chain": ctx.trust.get("chain", {})}


def sign_manifest(ctx: ExportContext, manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with the exporter's signature over its canonical bytes (unchanged when the
    export has no signing key: a draft, or a database without a root)."""
    if ctx.sign is None or not ctx.trust:
        return manifest
    from ..domain.signatures import ED25519, canonical

    value = ctx.sign(canonical(manifest))
    return manifest | {"signature": {"alg": ED25519, "cert": ctx.trust.get("exporter_cert", 0),
                                     "value": value}}


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
    root = manifest.get("trust", {}).get("root", {}) if isinstance(manifest.get("trust"), dict) else {}
    if isinstance(root, dict) and root.get("fingerprint"):
        lines.append(f"部门根密钥指纹：{_grouped(str(root['fingerprint']))}")
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


def _grouped(fp: str) -> str:
    from ..domain.signatures import grouped

    return grouped(fp)


def render_instructions(ctx: ExportContext, pack_dir_name: str) -> str:
    """验证说明.txt: how a journalist checks the pack, with the fingerprint and the command."""
    root = ctx.trust.get("root", {}) if ctx.trust else {}
    fp = _grouped(str(root.get("fingerprint", ""))) if root else ""
    dept = ctx.department_name or "起草单位"
    lines = [
        "如何核对本发布包",
        "",
        f"本包由{dept}用“政策解读工作台”导出。包内 manifest.json 记录了每个文件的 SHA-256 摘要、",
        "签发领导对解读包内容的签发决定和导出人的签名；这些签名都由部门根密钥认证，离线即可核对。",
        "",
    ]
    if fp:
        lines += [
            "一、核对部门根密钥指纹",
            f"    {fp}",
            f"  请把上面这串指纹与{dept}通过官方渠道公布的指纹（门户网站、公告，或打电话向其办公室核实）",
            "  逐字比对。本说明随包提供，伪造者可以连它一起改，所以只有与官方渠道一致的指纹才有意义。",
            "",
            "二、运行核对命令（需安装政策解读工作台，不需要数据库）",
            f"    interpreter-cli verify-pack \"{pack_dir_name}\" --trust 官方公布的指纹",
            "  （收到的是 .zip 文件时，写 .zip 文件的名字即可，不必解压。）",
            "  结果为“发布包与签发版本完全一致”，说明：文件与签发时的内容一一对应，签发人、签发时间和",
            "  导出人都经部门根密钥认证。有任何文件被增删、改名或改动，或内部材料混入对外发布包，",
            "  命令会逐条指出。",
            "",
        ]
    else:
        lines += ["注意：导出本包的数据库尚未建立部门根密钥，本包的签名无法离线核对。", ""]
    lines += [
        "三、不安装本程序时",
        "  可以核对文件是否与清单一致：在包的文件夹里运行 sha256sum -c 清单.txt 中的文件行",
        "  （Windows：certutil -hashfile 文件名 SHA256）。这只能说明文件与清单一致，不能证明清单出自本部门。",
    ]
    return "\n".join(lines) + "\n"


def _when(iso: str) -> str:
    try:
        return format_datetime_cn(iso)
    except ValueError:
        return iso
