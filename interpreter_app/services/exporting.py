"""Export use cases: build the export context from the store and check packs against it."""

from __future__ import annotations

from pathlib import Path

from ..domain import permissions
from ..domain.digest import package_digest
from ..domain.errors import PermissionDenied, ValidationError
from ..domain.model import User
from ..store.store import Store
from .base import ServiceBase


class ExportService(ServiceBase):
    """Word files and packs of one package; verify-pack against the database."""

    def context(self, actor: User, package_id: int, settings=None):
        """The ExportContext of a package as the actor may export it."""
        from ..export.context import ExportContext

        package = self._load(actor, package_id)
        reason = permissions.why_not(actor, permissions.EXPORT, package)
        if reason:
            raise PermissionDenied(reason)
        department = self.store.departments.get(package.department_id).name
        signoffs = [s for s in self.store.records.signoffs(package_id)
                    if s.revision == package.revision]
        media = {item.sha256: self.store.media.get(item.sha256)
                 for m in package.materials for item in m.media if item.sha256}
        numbers = {p.part: p.index_number for p in self.store.outreach.postings(package_id)
                   if p.revision == package.revision and p.index_number}
        return ExportContext.for_package(package, department, signoffs, settings=settings,
                                         generated_at=self.clock(), media=media,
                                         index_numbers=numbers)

    def export(self, actor: User, package_id: int, out_dir: Path, *, pack: str = "press",
               as_zip: bool = False, force: bool = False, draft: bool = False, progress=None,
               cancelled=None):
        """Write the pack; the export is recorded in the audit chain."""
        from ..export.packs import export_package

        ctx = self.context(actor, package_id)
        result = export_package(ctx, Path(out_dir), pack=pack, as_zip=as_zip, force=force,
                                draft=draft, progress=progress, cancelled=cancelled)
        with self.store.transaction():
            self.store.audit(actor.id, package_id, "export", {
                "pack": pack, "digest": ctx.digest, "path": str(result.path)})
        return result

    def verify_pack(self, path: Path) -> tuple[dict, list[str]]:
        """(manifest, problems) of a pack folder or zip checked against the database."""
        from ..export.verify_pack import compare_pack, read_pack

        _refuse_database_files(self.store, Path(path))
        contents = read_pack(Path(path))
        manifest = contents.manifest
        package_id = int(manifest.get("package", {}).get("id", 0))
        package = self.store.packages.get(package_id)
        digests = {s.digest for s in self.store.records.signoffs(package_id) if not s.void}
        problems = compare_pack(contents, digest=package_digest(package), signoff_digests=digests)
        return manifest, problems


def _refuse_database_files(store: Store, path: Path) -> None:
    """ValidationError when reading `path` as a pack would open the database outside SQLite."""
    # Closing such a descriptor would drop the locks of the connection open in this process.
    candidates = [path] + (sorted(path.rglob("*")) if path.is_dir() else [])
    for candidate in candidates:
        if store.is_database_file(candidate):
            raise ValidationError(f"“{path}”不是导出包：其中含有正在使用的数据库文件 {candidate.name}")
