"""Export use cases: build the export context from the store and check packs against it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain import permissions, workflow
from ..domain.digest import package_digest
from ..domain.errors import AuthError, NotFoundError, PermissionDenied, ValidationError
from ..domain.model import Package, User
from ..domain.signoffs import binding
from ..store.store import Store
from .base import ServiceBase
from .trust import TrustService
from .trust_files import trusted_fingerprints

SIGNED_PACK_KINDS = frozenset({"press", "briefing", "all"})
REVIEW_PACK = "review"  # the 征求意见稿 .docx that comes back through import-review


class ExportService(ServiceBase):
    """Word files and packs of one package; verify-pack against the database."""

    def context(self, actor: User, package_id: int, settings=None):
        """The ExportContext of a package as the actor may export it."""
        from ..export.context import ExportContext

        package = self._load(actor, package_id, permissions.EXPORT)
        department = self.store.departments.get(package.department_id).name
        signoffs = self.store.records.signoffs(package_id)  # which bind: domain/signoffs.py
        media = {item.sha256: self.store.media.get(item.sha256)
                 for m in package.materials for item in m.media if item.sha256}
        numbers = {p.part: p.index_number for p in self.store.outreach.postings(package_id)
                   if p.revision == package.revision and p.index_number}
        ctx = ExportContext.for_package(package, department, signoffs, settings=settings,
                                        generated_at=self.clock(), media=media,
                                        index_numbers=numbers)
        trust, sign = self._trust_block(actor, package.id, ctx)
        return replace(ctx, trust=trust, sign=sign)

    def signed(self, actor: User, package_id: int) -> tuple[Package, bool]:
        """The package as the actor may export it, and whether a sign-off binds its content
        now (what the export dialog offers; without reading media or building a pack)."""
        package = self._load(actor, package_id, permissions.EXPORT)
        bound = binding(self.store.records.signoffs(package_id), package.revision,
                        package_digest(package))
        return package, bool(bound)

    def _trust_block(self, actor: User, package_id: int, ctx) -> tuple[dict, object]:
        """What the pack carries to prove itself offline, and the exporter's signing function."""
        root = self.store.trust.root()
        if root is None:
            return {}, None
        from ..domain import signatures as sig

        wanted = {self.store.trust.signoff_decision(s.id) for s in ctx.current_signoffs}
        all_decisions = self.store.trust.decisions_of(package_id)
        released = [d for d in all_decisions
                    if d.action == workflow.RELEASE and d.revision == ctx.package.revision]
        if released and ctx.package.state == workflow.RELEASED:
            wanted.add(released[-1].id)
        decisions = [d for d in all_decisions if d.id in wanted and d.signed.body]
        serials = {d.signed.data.get("cert") for d in decisions}
        try:
            raw, exporter_cert = TrustService(self.store, self.clock).signing_key(actor)
        except AuthError:
            raw, exporter_cert = None, 0
        if exporter_cert:
            serials.add(exporter_cert)
        certs = [self.store.trust.certificate(s) for s in sorted(x for x in serials if x)]
        revoked = self.store.trust.revocations()
        count, head = self.store.trust.chain_head()
        block = {
            "root": {"alg": root[1].data.get("alg", sig.ED25519), "public_key": root[0],
                     "fingerprint": sig.fingerprint(root[0]),
                     "statement": {"body": root[1].body, "signature": root[1].signature}},
            "certificates": [{"body": c.cert.body, "signature": c.cert.signature}
                             for c in certs if c is not None],
            "revocations": [{"body": revoked[c.serial].body, "signature": revoked[c.serial].signature}
                            for c in certs if c is not None and c.serial in revoked],
            "decisions": [{"body": d.signed.body, "signature": d.signed.signature}
                          for d in decisions],
            "exporter_cert": exporter_cert,
            "chain": {"events": count, "head": head},
        }
        sign = (lambda data: sig.sign(raw, data)) if raw is not None and exporter_cert else None
        return block, sign

    def export(self, actor: User, package_id: int, out_dir: Path, *, pack: str = "press",
               as_zip: bool = False, force: bool = False, draft: bool = False, progress=None,
               cancelled=None):
        """Write the pack; the export is recorded in the audit chain."""
        from ..export.packs import ExportResult, export_package

        if pack == REVIEW_PACK:
            path = self.export_review(actor, package_id, Path(out_dir), force=force)
            return ExportResult(path, (path,), {})
        ctx = self.context(actor, package_id)
        if ctx.trust and ctx.sign is None and ctx.is_signed and pack in SIGNED_PACK_KINDS:
            raise PermissionDenied("对外发布包的清单须由导出人用本人经认证的签名密钥签名：请以本人身份"
                                   "登录后导出（命令行加 --as 用户名）")
        result = export_package(ctx, Path(out_dir), pack=pack, as_zip=as_zip, force=force,
                                draft=draft, progress=progress, cancelled=cancelled)
        with self.store.transaction():
            self.store.audit(actor.id, package_id, "export", {
                "pack": pack, "digest": ctx.digest, "path": str(result.path)})
        return result

    def export_review(self, actor: User, package_id: int, out_dir: Path, *,
                      force: bool = False) -> Path:
        """Write the 征求意见稿 .docx of the whole package (document, plan, materials) that a
        reader edits in Word, WPS or LibreOffice and import_review reads back."""
        from ..export.context import ExportContext
        from ..export.review_docx import write_review_docx

        package = self._load(actor, package_id, permissions.EXPORT)
        department = self.store.departments.get(package.department_id).name
        ctx = ExportContext.for_package(package, department, self.store.records.signoffs(package_id),
                                        generated_at=self.clock())
        path = write_review_docx(ctx, Path(out_dir), force=force)
        with self.store.transaction():
            self.store.audit(actor.id, package_id, "export", {
                "pack": REVIEW_PACK, "digest": ctx.digest, "path": str(path)})
        return path

    def verify_pack(self, path: Path, trust: str | None = None) -> tuple[dict, list[str]]:
        """(manifest, problems) of a pack folder or zip checked against the database."""
        manifest, verdict = self.check_pack(path, trust)
        return manifest, verdict.problems

    def check_pack(self, path: Path, trust: str | None = None):
        """(manifest, PackVerdict): the pack's own signatures up to the pinned root (trust.txt,
        `trust`, or else this database's root), then its digest against the database."""
        from ..domain import signatures as sig
        from ..export.pack_trust import verify_offline
        from ..export.verify_pack import compare_pack, read_pack

        _refuse_database_files(self.store, Path(path))
        contents = read_pack(Path(path))
        pins = trusted_fingerprints(trust)
        root = self.store.trust.root()
        if pins is None and root is not None:
            pins = {sig.fingerprint(root[0]): "本机数据库的根密钥"}
        verdict = verify_offline(contents, pins)
        manifest = contents.manifest
        package_id = int(manifest.get("package", {}).get("id", 0))
        try:
            package = self.store.packages.get(package_id)
        except NotFoundError:
            verdict.problems.append(f"本机数据库中没有编号为 {package_id} 的解读包")
            return manifest, verdict
        digests = {s.digest for s in self.store.records.signoffs(package_id) if not s.void}
        db_problems = compare_pack(contents, digest=package_digest(package), signoff_digests=digests)
        verdict.problems += [p for p in db_problems if p not in verdict.problems]
        return manifest, verdict


def check_pack_offline(path: Path, trust: str | None = None):
    """(manifest, PackVerdict) of a pack on a machine with no database at all."""
    from ..export.pack_trust import verify_offline
    from ..export.verify_pack import read_pack

    contents = read_pack(Path(path))
    return contents.manifest, verify_offline(contents, trusted_fingerprints(trust))


def _refuse_database_files(store: Store, path: Path) -> None:
    """ValidationError when reading `path` as a pack would open the database outside SQLite."""
    # Closing such a descriptor would drop the locks of the connection open in this process.
    candidates = [path] + (sorted(path.rglob("*")) if path.is_dir() else [])
    for candidate in candidates:
        if store.is_database_file(candidate):
            raise ValidationError(f"“{path}”不是导出包：其中含有正在使用的数据库文件 {candidate.name}")
