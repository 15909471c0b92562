"""Export use cases: build the export context from the store and check packs against it."""

from __future__ import annotations

from pathlib import Path

from ..domain import permissions
from ..domain.digest import package_digest
from ..domain.errors import PermissionDenied
from ..domain.model import User
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
        return ExportContext.for_package(package, department, signoffs, settings=settings,
                                         generated_at=self.clock())

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

        db = str(self.store.path)  # never opened as a pack file: that would drop SQLite's locks
        contents = read_pack(Path(path), avoid=[Path(db + suffix) for suffix in ("", "-wal", "-shm")])
        manifest = contents.manifest
        package_id = int(manifest.get("package", {}).get("id", 0))
        package = self.store.packages.get(package_id)
        digests = {s.digest for s in self.store.records.signoffs(package_id) if not s.void}
        problems = compare_pack(contents, digest=package_digest(package), signoff_digests=digests)
        return manifest, problems
