"""verify: walk the audit chain and recompute every digest and signature in the database.

The checks here rest on the file (chain, digests, snapshots, the key-issuing events); those in
trust_verify rest on the root key and on what this machine remembers, which whoever writes the
file cannot forge: certificates, the signature of every decision, the schema's guards, and the
history seen here. docs/threat-model.md says what each one catches.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..domain import workflow
from ..domain.digest import digest_of_json, package_digest
from ..domain.model import AuditEvent, SignOff
from ..domain.signoffs import latest_in_force, signature_holds
from ..store.db import storage_error
from ..store.people import SigningKey
from ..store.store import Store
from . import crypto
from .trust_verify import check_trust, remember_history

KEY_EVENTS = ("user_created", "password_reset", "key_enrolled")


@dataclass
class VerifyReport:
    """What verify checked and every problem it found (in Chinese)."""

    problems: list[str] = field(default_factory=list)
    packages: int = 0
    revisions: int = 0
    signoffs: int = 0
    events: int = 0
    keys: int = 0
    chain_head: str = ""
    notes: list[str] = field(default_factory=list)  # information, not problems
    root: str = ""  # the trust root's fingerprint ('' before there is one)
    certificates: int = 0
    decisions: int = 0
    signed_decisions: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems


def verify_store(store: Store, pins: dict[str, str] | None = None,
                 against: tuple[str, int, str] | None = None) -> VerifyReport:
    """Check the audit chain, every snapshot, sign-off, signature, key, certificate, decision
    and working copy; `pins` are the trusted root fingerprints (None: none pinned here),
    `against` a (name, events, head) from a backup or pack the chain must still extend."""
    try:
        return _verify(store, pins, against)
    except sqlite3.Error as exc:
        raise storage_error(exc, store.path) from exc


def _verify(store: Store, pins: dict[str, str] | None,
            against: tuple[str, int, str] | None) -> VerifyReport:
    report = VerifyReport()
    events = store.audit_events()
    report.events = len(events)
    report.chain_head = events[-1].hash if events else ""
    chain_breaks = store.verify_audit_chain()
    for brk in chain_breaks:
        report.problems.append(f"审计链第 {brk.event_id} 号事件：{brk.reason}")
    found = check_trust(store, events, pins, against)
    report.problems += found.problems
    report.notes += found.notes
    report.root, report.certificates = found.root, found.certificates
    report.decisions, report.signed_decisions = found.decisions, found.signed_decisions
    legacy = _legacy_signoffs(store)
    _verify_revisions(store, report)
    issued = _verify_keys(store, events, report)
    signed_events = _signoff_events(events)
    covered = _signoffs_under_signed_decisions(store)
    for s in store.records.signoffs():
        report.signoffs += 1
        _verify_signoff(store, s, signed_events, report, check_signature=s.id not in covered)
        _verify_key_in_force(s, issued, signed_events.get(s.id), report)
        if s.id in legacy:
            report.notes.append(f"解读包 {s.package_id} 的签发记录 {s.id}（{s.signer_name}）签于建立信任根之前，"
                                "只按当时的密钥记录校验")
    for pid in store.packages.ids():
        report.packages += 1
        _verify_package(store, pid, report)
    _verify_media(store, report)
    if found.history_ok and not chain_breaks:
        remember_history(store, found.root)
    return report


def _signoffs_under_signed_decisions(store: Store) -> set[int]:
    """Sign-offs whose every field the signer's signed decision covers (trust_verify compares
    them): the older per-row signature adds nothing there and costs a verification each."""
    if store.trust.root() is None:
        return set()
    return store.records.signoffs_by_decision(signed=True)


def _legacy_signoffs(store: Store) -> set[int]:
    """Sign-offs whose decision carries no signature and predates the root."""
    root = store.trust.root()
    if root is None:
        return set()
    upto = int(root[1].data.get("legacy", {}).get("decisions", 0) or 0)
    return store.records.signoffs_by_decision(signed=False, upto=upto)


def _verify_media(store: Store, report: VerifyReport) -> None:
    """A material's file is known by its hash: the stored bytes must still have that hash."""
    import hashlib

    stored = set(store.media.hashes())
    for digest in sorted(stored):
        if hashlib.sha256(store.media.get(digest)).hexdigest() != digest:
            report.problems.append(f"附件文件 {digest[:12]}… 的内容在应用之外被改动")
    for pid, title, digest in store.media.references():
        if digest not in stored:
            report.problems.append(f"解读包 {pid} 的材料“{title}”引用的附件文件 {digest[:12]}… 不存在")


def _verify_revisions(store: Store, report: VerifyReport) -> None:
    for rev in store.records.iter_revisions():
        report.revisions += 1
        if digest_of_json(rev.snapshot) != rev.digest:
            report.problems.append(f"解读包 {rev.package_id} 的快照 {rev.id}（{rev.kind}）内容与摘要不符")


def _detail(ev: AuditEvent) -> dict:
    try:
        detail = json.loads(ev.detail)
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _signoff_events(events: list[AuditEvent]) -> dict[int, dict]:
    """The audit detail of each sign-off by sign-off id, with the event's own id as `event_id`."""
    result = {}
    for ev in events:
        if ev.action == "signoff":
            detail = _detail(ev)
            try:
                result[int(detail["signoff_id"])] = detail | {"event_id": ev.id}
            except (ValueError, KeyError, TypeError):
                continue
    return result


@dataclass(frozen=True)
class _Issue:
    """When a key came into force and went out of it, as positions in the audit chain."""

    user_id: int
    issued_event: int
    retired_event: int | None


def _verify_keys(store: Store, events: list[AuditEvent], report: VerifyReport) -> dict[int, _Issue]:
    """Every key must have been issued by an audited event naming its fingerprint."""
    keys = store.users.keys()
    report.keys = len(keys)
    by_key, legacy = _issuing_events(events)
    issued: dict[int, int] = {}
    for key in keys:
        event_id = _issuing_event(key, by_key, legacy, report)
        if event_id is not None:
            issued[key.id] = event_id
    return _in_force(keys, issued)


def _issuing_events(events: list[AuditEvent]) -> tuple[dict[int, tuple[int, dict]], list]:
    """Key-issuing events by key id; older events that name no key, for matching by user and time."""
    by_key: dict[int, tuple[int, dict]] = {}
    legacy: list[tuple[int, str, str]] = []
    for ev in events:
        if ev.action not in KEY_EVENTS:
            continue
        detail = _detail(ev)
        if "key_id" in detail:
            try:
                by_key.setdefault(int(detail["key_id"]), (ev.id, detail))
            except (TypeError, ValueError):
                continue
        else:
            legacy.append((ev.id, str(detail.get("user", "")), ev.at))
    return by_key, legacy


def _issuing_event(key: SigningKey, by_key: dict, legacy: list, report: VerifyReport) -> int | None:
    where = f"用户“{key.username or key.user_id}”的签名密钥 {key.id}"
    found = by_key.get(key.id)
    if found is not None:
        event_id, detail = found
        if detail.get("key_fingerprint") != crypto.key_fingerprint(key.public_key) \
                or detail.get("user", "").lower() != key.username.lower():
            report.problems.append(f"{where}与签发它的审计记录不符（公钥被替换）")
        return event_id
    for item in legacy:  # written before events named their key: match user and time, once
        event_id, user, at = item
        if user.lower() == key.username.lower() and at == key.created_at:
            legacy.remove(item)
            return event_id
    report.problems.append(f"{where}没有颁发记录（可能是在应用之外插入的）")
    return None


def _in_force(keys: list[SigningKey], issued: dict[int, int]) -> dict[int, _Issue]:
    """Each issued key is in force from its issuing event until the user's next key is issued."""
    result: dict[int, _Issue] = {}
    for key in keys:
        if key.id not in issued:
            continue
        later = [issued[k.id] for k in keys
                 if k.user_id == key.user_id and k.id in issued and issued[k.id] > issued[key.id]]
        result[key.id] = _Issue(key.user_id, issued[key.id], min(later) if later else None)
    return result


def _verify_key_in_force(s: SignOff, issued: dict[int, _Issue], event: dict | None,
                         report: VerifyReport) -> None:
    """The signing key must have been the signer's key in force when the sign-off was logged."""
    issue = issued.get(int(s.public_key)) if s.public_key else None
    if issue is None or event is None:
        return  # reported already: unknown key, or a sign-off missing from the chain
    at = event["event_id"]
    if issue.user_id != s.signer_id or at < issue.issued_event or (
            issue.retired_event is not None and at > issue.retired_event):
        report.problems.append(f"解读包 {s.package_id} 的签发记录 {s.id}（{s.signer_name}）"
                               "使用的密钥当时并未颁发给签发人")


def _verify_signoff(store: Store, s: SignOff, events: dict[int, dict], report: VerifyReport, *,
                    check_signature: bool = True) -> None:
    where = f"解读包 {s.package_id} 的签发记录 {s.id}（{s.signer_name}）"
    event = events.get(s.id)
    if event is None or event.get("digest") != s.digest:
        report.problems.append(f"{where}与审计链记录不符")
    if store.records.signoff_snapshot_digest(s.id) != s.digest:
        report.problems.append(f"{where}的摘要与签发时的快照不符")
    if not check_signature:
        return
    key = store.users.public_key(int(s.public_key)) if s.public_key else None
    if not signature_holds(s, key):
        report.problems.append(f"{where}的数字签名无效（记录被伪造或改动）")


def _verify_package(store: Store, pid: int, report: VerifyReport) -> None:
    package = store.packages.get(pid)
    digest = package_digest(package)
    if digest != store.packages.stored_digest(pid):
        report.problems.append(f"解读包 {pid}“{package.title}”的内容在应用之外被改动（摘要不符）")
    if package.state not in (workflow.SIGNED, workflow.RELEASED):
        return
    latest = latest_in_force(store.records.signoffs(pid), package.revision)
    if latest is None:
        report.problems.append(f"解读包 {pid}“{package.title}”处于{workflow.STATE_LABELS[package.state]}"
                               "状态，但没有有效的签发记录")
    elif latest.digest != digest:
        report.problems.append(f"解读包 {pid}“{package.title}”签发后内容被改动（与签发摘要不符）")
    if package.state == workflow.RELEASED:
        times = store.packages.parts_release_times(pid)
        if len(times) != 1 or "" in times or times != {package.released_at}:
            report.problems.append(f"解读包 {pid}“{package.title}”各部分的发布时间不一致")
        if store.records.latest_digest(pid, "release", package.revision) != digest:
            report.problems.append(f"解读包 {pid}“{package.title}”与发布快照不符")
