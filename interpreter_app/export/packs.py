"""Press and briefing packs: numbered Word files, charts, index, manifest; written atomically."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import StorageError, TargetExistsError, ValidationError, WorkflowError
from ..domain.kinds import AUDIENCE_LABELS, INTERNAL, PUBLIC
from .context import ExportContext
from .filenames import safe_name
from .manifest import (
    INSTRUCTIONS_NAME,
    LISTING_NAME,
    MANIFEST_NAME,
    PACK_LABELS,
    build_manifest,
    file_entry,
    manifest_bytes,
    render_instructions,
    render_listing,
    sign_manifest,
)
from .pack_plan import PlannedFile, chart_problems_of, pack_embargo, plan_pack
from .zipper import write_zip

PACKS = tuple(PACK_LABELS)
SIGNED_PACKS = frozenset({"press", "briefing", "all", "web"})
UNSIGNED_MESSAGE = "解读包尚未签发，不能生成对外发布包；可导出标注“征求意见稿”的草稿"
SUBPACKS = (("press", "对外发布包"), ("briefing", "内部材料包"))  # what pack="all" holds

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):  # noqa: N818 - the user's choice, not an error
    """The export was cancelled; nothing was left behind."""


@dataclass(frozen=True)
class ExportResult:
    """Where the pack is (folder or .zip), its files and its manifest."""

    path: Path
    files: tuple[Path, ...]  # absolute in a folder; paths inside the archive for a .zip
    manifest: dict[str, Any]


def export_package(ctx: ExportContext, out_dir: Path, *, pack: str = "press",
                   as_zip: bool = False, force: bool = False, draft: bool = False,
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write a pack into out_dir/<name> (or <name>.zip); only complete packs ever appear there."""
    _check_allowed(ctx, pack, draft)
    out_dir = Path(out_dir)
    target = out_dir / (pack_name(ctx, pack) + (".zip" if as_zip else ""))
    _prepare_out_dir(out_dir)
    if (target.exists() or target.is_symlink()) and not force:
        raise TargetExistsError(target)
    temp = out_dir / f".{target.name}.partial-{secrets.token_hex(4)}"
    writer = _PackWriter(ctx, temp, progress, cancelled)
    try:
        temp.mkdir()
        manifest = writer.write(pack)
        if as_zip:
            _install_zip(temp, target, ctx.generated_at)
        else:
            _install_dir(temp, target)
    except OSError as exc:
        _discard(temp)
        raise _storage_error(exc, out_dir) from exc
    except BaseException:
        _discard(temp)
        raise
    files = tuple(Path(p) if as_zip else target / p for p in writer.written)
    return ExportResult(target, files, manifest)


def pack_name(ctx: ExportContext, pack: str) -> str:
    """Folder or zip name: title, pack label, revision when revised, draft mark when unsigned."""
    parts = [safe_name(ctx.package.title, "解读包", limit=40), PACK_LABELS[pack]]
    if ctx.package.revision > 1:
        parts.append(f"第{ctx.package.revision}版")
    if ctx.draft_mark:
        parts.append(ctx.draft_mark)
    return "-".join(parts)


def _check_allowed(ctx: ExportContext, pack: str, draft: bool) -> None:
    if pack not in PACKS:
        raise ValidationError(f"未知的导出类型“{pack}”，应为 {'、'.join(PACKS)} 之一")
    if pack in SIGNED_PACKS and not ctx.is_signed and not draft:
        raise WorkflowError(UNSIGNED_MESSAGE)
    problems = chart_problems_of(ctx)
    if problems:
        raise ValidationError("图解无法生成", details=problems)


def _prepare_out_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建导出目录“{out_dir}”：{exc.strerror or exc}") from exc
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise StorageError(f"导出目录“{out_dir}”不可写，请换一个目录或检查权限")


class _PackWriter:
    """Writes planned files one by one, reporting progress and honouring cancel between files."""

    def __init__(self, ctx: ExportContext, root: Path, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.ctx, self.root = ctx, root
        self.progress, self.cancelled = progress, cancelled
        self.written: list[str] = []
        self.total = 0

    def write(self, pack: str) -> dict[str, Any]:
        """Write the whole pack; returns its (top-level) manifest."""
        if pack != "all":
            planned = _plan(self.ctx, pack)
            self.total = len(planned) + 2
            return self._write_one(pack, planned, "")
        plans = [(kind, sub, plan_pack(self.ctx, kind)) for kind, sub in SUBPACKS]
        self.total = sum(len(p) + 2 for *_, p in plans) + 2
        entries: list[dict[str, Any]] = []
        for kind, sub, planned in plans:
            self._write_one(kind, planned, sub + "/")
            entries += self._sub_entries(sub, internal=kind != "press")
        return self._finish("all", entries, "")

    def _write_one(self, pack: str, planned: list[PlannedFile], prefix: str) -> dict[str, Any]:
        entries = [self._write_file(prefix + f.path, f.make, f) for f in planned]
        return self._finish(pack, entries, prefix)

    def _write_file(self, rel: str, make: Callable[[], bytes],
                    meta: PlannedFile | None) -> dict[str, Any]:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("导出已取消")  # checked before the work, so cancel is prompt
        data = make()
        _write_bytes(self.root / rel, data)
        self.written.append(rel)
        if self.progress is not None:
            self.progress(len(self.written), self.total, rel)
        if meta is None:
            kind = "验证说明" if rel.endswith(INSTRUCTIONS_NAME) else "清单"
            return file_entry(rel, data, title=rel, kind=kind, audience=AUDIENCE_LABELS[PUBLIC])
        return file_entry(rel, data, title=meta.title, kind=meta.kind,
                          audience=AUDIENCE_LABELS[INTERNAL if meta.internal else PUBLIC])

    def _finish(self, pack: str, entries: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
        if self.ctx.trust and pack != "parts":
            text = render_instructions(self.ctx, pack_name(self.ctx, pack)).encode()
            entries.append(self._write_file(prefix + INSTRUCTIONS_NAME, lambda: text, None))
        for entry in entries:
            entry["path"] = entry["path"][len(prefix):]
        manifest = sign_manifest(self.ctx, build_manifest(self.ctx, pack, entries,
                                                          embargo=pack_embargo(self.ctx, pack)))
        self._write_file(prefix + MANIFEST_NAME, lambda: manifest_bytes(manifest), None)
        self._write_file(prefix + LISTING_NAME, lambda: render_listing(manifest).encode(), None)
        return manifest

    def _sub_entries(self, sub: str, *, internal: bool) -> list[dict[str, Any]]:
        """Rows for a sub-pack's files, read back so the top manifest covers every byte."""
        rows = []
        for rel in [w for w in self.written if w.startswith(sub + "/")]:
            data = (self.root / rel).read_bytes()
            rows.append(file_entry(rel, data, title=rel.split("/")[-1], kind=sub,
                                   audience=AUDIENCE_LABELS[INTERNAL if internal else PUBLIC]))
        return rows


def _plan(ctx: ExportContext, pack: str) -> list[PlannedFile]:
    """The files of one pack; the web pack has its own pages instead of Word files."""
    if pack == "web":
        from .web_pack import plan_web_pack

        return plan_web_pack(ctx)
    return plan_pack(ctx, pack)


def _write_bytes(path: Path, data: bytes) -> None:
    """Create one file of the pack and flush it to disk (the single place a pack writes bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _install_dir(temp: Path, target: Path) -> None:
    """Rename the finished folder into place; an old pack is moved aside first, then removed."""
    old = None
    if target.is_dir() and not target.is_symlink():
        old = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
        os.replace(target, old)
    elif target.exists() or target.is_symlink():
        target.unlink()
    try:
        os.replace(temp, target)
    except OSError:
        if old is not None:
            os.replace(old, target)  # put the previous pack back rather than lose both
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _install_zip(temp: Path, target: Path, stamp: str) -> None:
    """Zip the finished folder to a temporary file, rename it into place, drop the folder."""
    temp_zip = temp.with_name(temp.name + ".zip")
    try:
        write_zip(temp, temp_zip, stamp)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        os.replace(temp_zip, target)
    finally:
        temp_zip.unlink(missing_ok=True)
    shutil.rmtree(temp, ignore_errors=True)


def _discard(temp: Path) -> None:
    shutil.rmtree(temp, ignore_errors=True)
    temp.with_name(temp.name + ".zip").unlink(missing_ok=True)


def _storage_error(exc: OSError, out_dir: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"磁盘空间不足，导出未完成，未写完的文件已删除（{out_dir}）")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(f"导出目录“{out_dir}”不可写，导出未完成：{exc.strerror}")
    return StorageError(f"写入导出文件失败，导出未完成：{exc.strerror or exc}")
