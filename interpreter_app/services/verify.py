"""verify: walk the audit chain and recompute every digest and signature in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..domain import workflow
from ..domain.digest import digest_of_json, package_digest
from ..domain.model import SignOff
from ..store.store import Store
from . import crypto


@dataclass
class VerifyReport:
    """What verify checked and every problem it found (in Chinese)."""

    problems: list[str] = field(default_factory=list)
    packages: int = 0
    revisions: int = 0
    signoffs: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems


def verify_store(store: Store) -> VerifyReport:
    """Check the audit chain, every snapshot, sign-off, signature and working copy."""
    report = VerifyReport()
    report.events = len(store.audit_events())
    for brk in store.verify_audit_chain():
        report.problems.append(f"审计链第 {brk.event_id} 号事件：{brk.reason}")
    _verify_revisions(store, report)
    signed_events = _signoff_events(store)
    for s in store.records.signoffs():
        report.signoffs += 1
        _verify_signoff(store, s, signed_events, report)
    for pid in store.packages.ids():
        report.packages += 1
        _verify_package(store, pid, report)
    return report


def _verify_revisions(store: Store, report: VerifyReport) -> None:
    for rev in store.records.all_revisions():
        report.revisions += 1
        if digest_of_json(rev.snapshot) != rev.digest:
            report.problems.append(f"解读包 {rev.package_id} 的快照 {rev.id}（{rev.kind}）内容与摘要不符")


def _signoff_events(store: Store) -> dict[int, dict]:
    result = {}
    for ev in store.audit_events():
        if ev.action == "signoff":
            try:
                detail = json.loads(ev.detail)
                result[int(detail["signoff_id"])] = detail
            except (ValueError, KeyError, TypeError):
                continue
    return result


def _verify_signoff(store: Store, s: SignOff, events: dict[int, dict], report: VerifyReport) -> None:
    where = f"解读包 {s.package_id} 的签发记录 {s.id}（{s.signer_name}）"
    event = events.get(s.id)
    if event is None or event.get("digest") != s.digest:
        report.problems.append(f"{where}与审计链记录不符")
    snapshot = store.conn.execute("SELECT digest FROM revisions WHERE id = (SELECT snapshot_id"
                                  " FROM signoffs WHERE id = ?)", (s.id,)).fetchone()
    if snapshot is None or snapshot[0] != s.digest:
        report.problems.append(f"{where}的摘要与签发时的快照不符")
    key = store.users.public_key(int(s.public_key)) if s.public_key else None
    message = crypto.signoff_message(s.package_id, s.revision, s.digest, s.signer_id,
                                     s.signed_at, s.opinion, s.on_behalf_of)
    if key is None or key[0] != s.signer_id or not crypto.verify_signature(key[1], s.signature,
                                                                           message):
        report.problems.append(f"{where}的数字签名无效（记录被伪造或改动）")


def _verify_package(store: Store, pid: int, report: VerifyReport) -> None:
    package = store.packages.get(pid)
    digest = package_digest(package)
    if digest != store.packages.stored_digest(pid):
        report.problems.append(f"解读包 {pid}“{package.title}”的内容在应用之外被改动（摘要不符）")
    if package.state not in (workflow.SIGNED, workflow.RELEASED):
        return
    signoffs = [s for s in store.records.signoffs(pid)
                if s.revision == package.revision and not s.void]
    if not signoffs:
        report.problems.append(f"解读包 {pid}“{package.title}”处于{workflow.STATE_LABELS[package.state]}"
                               "状态，但没有有效的签发记录")
    elif signoffs[-1].digest != digest:
        report.problems.append(f"解读包 {pid}“{package.title}”签发后内容被改动（与签发摘要不符）")
    if package.state == workflow.RELEASED:
        times = store.packages.parts_release_times(pid)
        if len(times) != 1 or "" in times:
            report.problems.append(f"解读包 {pid}“{package.title}”各部分的发布时间不一致")
        released = [r for r in store.records.revisions(pid)
                    if r.kind == "release" and r.revision == package.revision]
        if not released or released[-1].digest != digest:
            report.problems.append(f"解读包 {pid}“{package.title}”与发布快照不符")
