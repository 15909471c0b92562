"""verify, the part that needs no trust in the file: root, certificates, signed decisions,
the schema's guards, and the history this machine saw.

Every finding is one Chinese line naming what broke. `problems` fail verify (exit 1);
`notes` are information (records made before certification, a root not yet pinned here).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import permissions, trust, workflow
from ..domain import signatures as sig
from ..domain.model import AuditEvent, User
from ..store.store import Store
from ..store.trust import (
    CertificateRow,
    DecisionRow,
    PackageFacts,
    TrustRepository,
    package_facts,
    signoff_rows,
)
from . import trust_files

ROLE_NAMES = {"writer": "拟稿人", "reviewer": "核稿人", "leader": "签发领导", "admin": "管理员"}


@dataclass
class TrustFindings:
    """What the trust checks found."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    root: str = ""
    certificates: int = 0
    decisions: int = 0
    signed_decisions: int = 0
    history_ok: bool = True


@dataclass(frozen=True)
class _Cert:
    """A certificate as checked: its data and why it is not valid (None when it is)."""

    data: dict[str, Any]
    problem: str | None
    revoked_at: str
    after_decision: int | None = None

    def revoked_for(self, decision_id: int, at: str) -> bool:
        """Whether the certificate was revoked before a decision made at `at`."""
        if not self.revoked_at:
            return False
        if self.after_decision is not None:
            return decision_id > self.after_decision
        return self.revoked_at < at


def check_trust(store: Store, events: list[AuditEvent], pins: dict[str, str] | None,
                against: tuple[str, int, str] | None = None) -> TrustFindings:
    """Run every check that rests on the root key rather than on the file."""
    found = TrustFindings()
    _check_schema(store, found)
    legacy = _check_root(store, events, pins, found)
    _check_history(store, events, found)
    if against is not None:
        _check_against(events, against, found)
    certs = _check_certificates(store, found)
    _check_keys(store, certs, legacy, found)
    _check_users(store, certs, found)
    _check_decisions(store, certs, legacy, events, found)
    return found


def signoff_certificate(store: Store, signoff_id: int) -> dict[str, Any] | None:
    """The certificate the sign-off's decision names (its data, checked or not), if any."""
    decision_id = store.trust.signoff_decision(signoff_id)
    if store.trust.root() is None or decision_id is None:
        return None
    rows = store.trust.decisions(decision_id)
    serial = rows[0].signed.data.get("cert") if rows and rows[0].signed.body else None
    row = store.trust.certificate(serial) if isinstance(serial, int) else None
    return row.cert.data if row is not None else ({} if rows and rows[0].signed.body else None)


def signoff_problem(store: Store, signoff_id: int) -> str | None:
    """Why the decision behind one sign-off does not stand under the root (release asks this).

    The package's decisions up to the sign-off are replayed along the route its signed submit
    froze, so a step skipped or a route rewritten in the database stops the release too."""
    root = store.trust.root()
    decision_id = store.trust.signoff_decision(signoff_id)
    if root is None or decision_id is None:
        return None
    found = TrustFindings()
    legacy = {k: int(v or 0) for k, v in root[1].data.get("legacy", {}).items()}
    (d,) = store.trust.decisions(decision_id)
    if not d.signed.body and d.id <= legacy.get("decisions", 0):
        return None
    chain = [x for x in store.trust.decisions_of(d.package_id) if x.id <= d.id]
    revoked = _revocations(store, root[0], found)
    certs: dict[int, _Cert] = {}
    for x in chain:
        serial = x.signed.data.get("cert", 0) if x.signed.body else 0
        if isinstance(serial, int) and serial and serial not in certs:
            row = store.trust.certificate(serial)
            if row is not None:
                certs[serial] = _cert(row, root[0], revoked.get(serial, ("", None)), store, found)
    walk = _Walk(PackageFacts(d.package_id, 0, "", 1, "", "", frozenset(), 0))
    signoffs: dict[int, dict] = {}
    for x in chain:
        if x.action == workflow.SIGN:
            signoffs |= signoff_rows(store.conn, x.id)
    for x in chain:
        _check_decision(x, walk, certs, legacy, signoffs.get(x.id), found)
    return found.problems[0] if found.problems else None


# -- schema ------------------------------------------------------------------------------------

_KIND = {"trigger": "触发器", "view": "视图"}


def _check_schema(store: Store, found: TrustFindings) -> None:
    expected = store.trust.expected_objects()
    actual = store.trust.schema_objects()
    for (kind, name), sql in sorted(expected.items()):
        if (kind, name) not in actual:
            found.problems.append(f"数据库缺少{_KIND[kind]} {name}（只增不改或冻结保护被删除）")
        elif actual[(kind, name)] != sql:
            found.problems.append(f"{_KIND[kind]} {name} 与程序创建的不一致（保护被改动）")
    for kind, name in sorted(set(actual) - set(expected)):
        found.problems.append(f"数据库中有程序不会创建的{_KIND.get(kind, kind)} {name}")


# -- root and history --------------------------------------------------------------------------

def _check_root(store: Store, events: list[AuditEvent], pins: dict[str, str] | None,
                found: TrustFindings) -> dict[str, int] | None:
    """The root's own checks; returns what predates it ({'decisions': n, ...}) or None."""
    root = store.trust.root()
    seen = trust_files.seen(store.path)
    if root is None:
        if pins or (seen and seen.root):
            found.problems.append("数据库没有信任根，而本机固定或曾见过它的根密钥（信任根被删除或数据库被替换）")
        else:
            found.notes.append("尚未建立信任根：签名无法与部门根密钥核对；请管理员运行 "
                               "interpreter-cli trust init --as 管理员")
        return None
    public, statement = root
    fp = sig.fingerprint(public)
    found.root = fp
    data = statement.data
    if trust.signature_ok(statement, public) is not True or data.get("public_key") != public:
        found.problems.append("信任根的自签名无效（根记录被改动）")
    if pins is not None and fp not in pins:
        found.problems.append(f"数据库的信任根 {sig.grouped(fp)[:39]}… 不是本机信任的根密钥"
                              "（与 trust.txt 或 --trust 不符）")
    elif pins is None:
        found.notes.append(f"本机未固定信任根指纹，请与管理员公布的指纹核对：{sig.grouped(fp)}")
    if seen and seen.root and seen.root != fp:
        found.problems.append(f"信任根与本机上次见到的不同（上次 {seen.root[:16]}…，现在 {fp[:16]}…）")
    chain = data.get("chain", {}) if isinstance(data.get("chain"), dict) else {}
    n, head = int(chain.get("events", 0) or 0), str(chain.get("head", ""))
    if n and (len(events) < n or events[n - 1].hash != head):
        found.problems.append(f"审计链不再包含建立信任根时的第 {n} 条记录（历史被截断或改写）")
    legacy = data.get("legacy", {})
    return {k: int(legacy.get(k, 0) or 0) for k in ("decisions", "signoffs", "keys")}


def _check_history(store: Store, events: list[AuditEvent], found: TrustFindings) -> None:
    seen = trust_files.seen(store.path)
    if seen is None or seen.events == 0:
        return
    if len(events) < seen.events:
        found.history_ok = False
        found.problems.append(f"最近一次在本机看到的记录为第 {seen.events} 条，现在只有 {len(events)} 条"
                              "（审计链尾部被删除）")
    elif events[seen.events - 1].hash != seen.head:
        found.history_ok = False
        found.problems.append(f"审计链第 {seen.events} 条与本机上次看到的不同（历史被改写）")


def _check_against(events: list[AuditEvent], against: tuple[str, int, str],
                   found: TrustFindings) -> None:
    name, n, head = against
    if n == 0:
        return
    if len(events) < n:
        found.problems.append(f"“{name}”记录的审计链有 {n} 条，现在的数据库只有 {len(events)} 条（历史被截断）")
    elif events[n - 1].hash != head:
        found.problems.append(f"数据库审计链第 {n} 条与“{name}”中的不同（历史被改写）")


def chain_of(path: Path, store: Store) -> tuple[str, int, str]:
    """(name, number of events, head) recorded in a backup database or an exported pack."""
    from ..domain.errors import ValidationError
    from ..store.db import Database

    if store.is_database_file(path):
        raise ValidationError(f"“{path}”就是正在校验的数据库，不能与自己比较")
    if path.is_dir() or zipfile.is_zipfile(path):
        from ..export.verify_pack import read_pack

        chain = read_pack(path).manifest.get("chain", {})
        if not isinstance(chain, dict) or not chain.get("head"):
            raise ValidationError(f"导出包“{path}”没有记录审计链（旧格式的导出包）")
        return path.name, int(chain.get("events", 0)), str(chain.get("head", ""))
    if not path.is_file():
        raise ValidationError(f"“{path}”不存在")
    db = Database(path, migrate=False, readonly=True)
    try:
        events, head = TrustRepository(db.conn).chain_head()
    finally:
        db.close()
    return path.name, events, head


def remember_history(store: Store, root: str) -> None:
    """Record the chain now seen, unless it fails to extend what this machine saw before."""
    count, head = store.trust.chain_head()
    seen = trust_files.seen(store.path)
    if seen is not None and (seen.events, seen.head, seen.root) == (count, head, root):
        return  # nothing new: the window's workers close connections many times a minute
    if seen is not None and seen.events:
        if count < seen.events or store.trust.event_hash_at(seen.events) != seen.head:
            return  # keep the evidence: the record is not shortened to match the file
        if seen.root and root != seen.root:
            return
    if count:
        trust_files.remember(store.path, count, head, root)


# -- certificates, keys and users --------------------------------------------------------------

def _check_certificates(store: Store, found: TrustFindings) -> dict[int, _Cert]:
    root = store.trust.root()
    rows = store.trust.certificates()
    found.certificates = len(rows)
    if root is None:
        if rows:
            found.problems.append(f"数据库没有信任根，却有 {len(rows)} 张证书")
        return {}
    public = root[0]
    revoked = _revocations(store, public, found)
    return {row.serial: _cert(row, public, revoked.get(row.serial, ("", None)), store, found)
            for row in rows}


def _revocations(store: Store, public: str, found: TrustFindings
                 ) -> dict[int, tuple[str, int | None]]:
    result = {}
    for serial, statement in store.trust.revocations().items():
        data = statement.data
        if trust.signature_ok(statement, public) is not True or data.get("serial") != serial:
            found.problems.append(f"证书 {serial} 的吊销记录不是根密钥签发的（被伪造或改动）")
            continue
        after = data.get("after_decision")
        result[serial] = (str(data.get("revoked_at", "")), after if isinstance(after, int) else None)
    return result


def _cert(row: CertificateRow, public: str, revoked: tuple[str, int | None], store: Store,
          found: TrustFindings) -> _Cert:
    problem = trust.certificate_problem(row.cert, public)
    data = row.cert.data
    if problem is None and (data.get("serial") != row.serial or data.get("user_id") != row.user_id
                            or data.get("key_id") != row.key_id):
        problem = "证书内容与其所在记录不符"
    if problem is None:
        key = store.users.public_key(row.key_id)
        if key is None or key[1] != data.get("public_key"):
            problem = "证书所认证的公钥与密钥表中的不同（公钥被替换）"
    if problem is not None:
        found.problems.append(f"证书 {row.serial}（用户 {data.get('username', row.user_id)}）无效：{problem}")
    return _Cert(data, problem, revoked[0], revoked[1])


def _check_keys(store: Store, certs: dict[int, _Cert], legacy: dict[str, int] | None,
                found: TrustFindings) -> None:
    if legacy is None:
        return
    certified = {c.data.get("key_id") for c in certs.values() if c.problem is None}
    for key in store.users.keys():  # noqa: SIM118 - the repository's keys, not a dict
        if key.id in certified:
            continue
        if key.retired_at and key.id <= legacy["keys"]:
            continue  # retired before the root existed: its sign-offs are marked as older
        found.problems.append(f"用户“{key.username or key.user_id}”的签名密钥 {key.id} 没有根密钥颁发的证书"
                              f"（在应用之外插入，或尚待管理员认证：trust certify {key.username}）")


_USER_FIELDS = (("display_name", "姓名"), ("title", "职务"), ("roles", "角色"),
                ("department_id", "所属部门"), ("all_departments", "可见范围"),
                ("username", "用户名"))


def _check_users(store: Store, certs: dict[int, _Cert], found: TrustFindings) -> None:
    if store.trust.root() is None:
        return
    current: dict[int, _Cert] = {}
    for serial in sorted(certs):
        cert = certs[serial]
        if cert.problem is None and not cert.revoked_at:
            current[int(cert.data.get("user_id", 0))] = cert
    for user in store.users.all():
        cert = current.get(user.id)
        if cert is None:
            if "admin" in user.roles:
                found.problems.append(f"管理员账号“{user.username}”没有有效证书（可能是在应用之外授予的管理员角色）")
            elif not store.users.active_key(user.id):
                found.notes.append(f"用户“{user.username}”尚无签名密钥（登录一次即生成，再由管理员认证）")
            continue
        changed = [label for name, label in _USER_FIELDS if _user_value(user, name) != _cert_value(
            cert.data, name)]
        if changed:
            found.problems.append(f"用户“{user.username}”的{'、'.join(changed)}与其证书不符（在应用之外被改动）")


def _user_value(user: User, name: str) -> Any:
    value = getattr(user, name)
    return sorted(value) if name == "roles" else value


def _cert_value(data: dict[str, Any], name: str) -> Any:
    value = data.get(name)
    return sorted(value) if name == "roles" and isinstance(value, list) else value


# -- decisions ---------------------------------------------------------------------------------

@dataclass
class _Walk:
    """One package's decisions as they are replayed."""

    facts: PackageFacts
    route: workflow.Route = workflow.DEFAULT_ROUTE
    position: workflow.Position = field(default_factory=lambda: workflow.Position(workflow.DRAFT))
    revision: int = 1
    prev_hash: str = ""
    prev_authors: frozenset[int] | None = None
    last_release_at: str = ""
    departments: set[int] = field(default_factory=set)
    last_signed: dict[str, Any] | None = None

    @property
    def state(self) -> str:
        """The workflow state the replay has reached."""
        return self.position.state


EDIT_ACTIONS = frozenset({"create", "edit_document", "edit_plan", "edit_material", "add_material",
                          "delete_material", "reorder_materials"})


def _check_decisions(store: Store, certs: dict[int, _Cert], legacy: dict[str, int] | None,
                     events: list[AuditEvent], found: TrustFindings) -> None:
    facts = package_facts(store.conn)
    writers: dict[int, set[int]] = {}
    for ev in events:
        if ev.action in EDIT_ACTIONS and ev.package_id is not None and ev.actor_id is not None:
            writers.setdefault(ev.package_id, set()).add(ev.actor_id)
    signoffs = signoff_rows(store.conn)
    walks: dict[int, _Walk] = {}
    for d in store.trust.decisions():
        found.decisions += 1
        walk = walks.setdefault(d.package_id, _Walk(facts.get(d.package_id) or PackageFacts(
            d.package_id, 0, "", 0, "", "", frozenset(), 0)))
        _check_decision(d, walk, certs, legacy, signoffs.get(d.id), found)
    for pid, fact in facts.items():
        _check_outcome(walks.get(pid) or _Walk(fact), fact, legacy is not None, found)
        missing = (writers.get(pid, set()) | {fact.created_by}) - fact.authors
        if missing:
            found.problems.append(f"解读包 {pid}“{fact.title}”的作者名单缺少曾编辑它的用户"
                                  f"（编号 {'、'.join(map(str, sorted(missing)))}；作者记录被删除）")


def _where(d: DecisionRow) -> str:
    label = workflow.ACTION_LABELS.get(d.action, d.action)
    return f"解读包 {d.package_id} 的“{label}”决定（{d.actor_name}，决定 {d.id}）"


def _check_decision(d: DecisionRow, walk: _Walk, certs: dict[int, _Cert],
                    legacy: dict[str, int] | None, signoff: dict | None,
                    found: TrustFindings) -> None:
    source = walk.state
    data = d.signed.data if d.signed.body else {}
    extra = data.get("extra", {}) if isinstance(data.get("extra"), dict) else {}
    if d.action == workflow.SUBMIT:
        walk.route = _signed_route(extra) or workflow.DEFAULT_ROUTE
    step_before = walk.position.step
    transition = workflow.transition_for(d.action, walk.state)
    if transition is None:
        found.problems.append(f"{_where(d)}不合工作流顺序（当时状态为{workflow.STATE_LABELS.get(walk.state, walk.state)}）")
    else:
        try:
            walk.position = workflow.advance(walk.route, walk.position, d.action,
                                             str(extra.get("party", "")))
        except ValueError:
            found.problems.append(f"{_where(d)}不合审批路线（当时已在第一步）")
            walk.position = workflow.Position(transition.target)
    if d.revision != walk.revision:
        found.problems.append(f"{_where(d)}的版次与前后决定不符")
    if d.action == workflow.REVISE:
        walk.revision += 1
    if d.action == workflow.RELEASE:
        walk.last_release_at = d.at
    if legacy is None or (not d.signed.body and d.id <= legacy["decisions"]):
        walk.prev_hash = ""
        return  # made before the root existed
    if not d.signed.body:
        found.problems.append(f"{_where(d)}没有签名（在应用之外写入）")
        return
    found.signed_decisions += 1
    problems = _decision_problems(d, data, walk, source, transition, certs, signoff)
    if transition is not None and d.action in permissions.STEP_ACTIONS:
        problems += _step_problems(data, extra, walk, step_before, certs)
    found.problems += [f"{_where(d)}{p}" for p in problems]
    walk.prev_hash = d.signed.hash
    walk.departments.add(data.get("department_id"))
    walk.prev_authors = frozenset(data.get("authors", []))
    walk.last_signed = data


def _signed_route(extra: dict) -> workflow.Route | None:
    route = extra.get("route")
    if not isinstance(route, dict):
        return None
    try:
        parsed = workflow.route_from_dict(route)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.steps else None


def _step_problems(data: dict, extra: dict, walk: _Walk, step: int,
                   certs: dict[int, _Cert]) -> list[str]:
    """Whether the decision was taken at the step the route was at, by a party of that step.
    (Decisions signed before routes existed name no step: their route was 核稿—签发.)"""
    if "step" not in extra and walk.route == workflow.DEFAULT_ROUTE:
        return []
    if extra.get("step") != step:
        return ["与审批路线的步骤不符（步骤被跳过或改动）"]
    cert = certs.get(data.get("cert", 0))
    if cert is None or step >= len(walk.route.steps):
        return []
    c = cert.data
    party = workflow.party_for(walk.route.steps[step], c.get("user_id"), c.get("department_id"),
                               frozenset(c.get("roles", [])), data.get("department_id"),
                               bool(c.get("all_departments")))
    if party is None or party != extra.get("party"):
        return [f"的决定人不是审批路线第{step + 1}步“{walk.route.steps[step].name}”的办理人"]
    return []


_DECISION_FIELDS = (("package_id", "package_id", "解读包"), ("revision", "revision", "版次"),
                    ("action", "action", "动作"), ("user_id", "actor_id", "决定人"),
                    ("at", "at", "时间"), ("reason", "reason", "意见或理由"))


def _decision_problems(d: DecisionRow, data: dict, walk: _Walk, source: str,
                       transition: workflow.Transition | None, certs: dict[int, _Cert],
                       signoff: dict | None) -> list[str]:
    changed = [label for key, attr, label in _DECISION_FIELDS if data.get(key) != getattr(d, attr)]
    if changed:
        return [f"的{'、'.join(changed)}与决定人的签名不符（记录被改动）"]
    cert = certs.get(data.get("cert", 0))
    if cert is None:
        return ["使用的密钥没有根密钥颁发的证书"]
    if cert.problem:
        return [f"的签名证书无效：{cert.problem}"]
    result = []
    if cert.data.get("user_id") != d.actor_id:
        return ["的签名证书属于另一个人"]
    if cert.revoked_for(d.id, d.at):
        result.append("使用的证书在决定时已被吊销或替换")
    if str(cert.data.get("valid_from", "")) > d.at:
        result.append("早于其证书的生效时间")
    if cert.data.get("valid_until") and str(cert.data["valid_until"]) < d.at:
        result.append("使用的证书在决定时已过期")
    try:
        ok = sig.verify(cert.data.get("public_key", ""), d.signed.signature,
                        d.signed.body.encode("utf-8"), str(data.get("alg", "")))
    except sig.UnknownAlgorithm:
        return result + [f"使用了不支持的签名算法“{data.get('alg', '')}”"]
    if not ok:
        return result + ["的数字签名无效（记录被伪造或改动）"]
    if cert.data.get("display_name") != d.actor_name:
        result.append(f"的决定人姓名与证书不符（证书为“{cert.data.get('display_name', '')}”）")
    result += _role_problems(data, cert.data, transition,
                             workflow.route_departments(walk.route))
    if data.get("prev", "") != walk.prev_hash:
        result.append("与前一个决定的链接不符（之前的决定被删除、插入或改动）")
    result += _author_problems(d, data, walk, source, transition)
    if d.action == workflow.SIGN:
        result += _signoff_problems(data, cert.data, signoff)
    return result


def _role_problems(data: dict, cert: dict, transition: workflow.Transition | None,
                   parties: frozenset[int] = frozenset()) -> list[str]:
    role = data.get("role", "")
    result = []
    if role not in cert.get("roles", []):
        result.append(f"时决定人的证书中没有“{ROLE_NAMES.get(role, role)}”角色")
    elif transition is not None and role not in transition.roles:
        result.append(f"不应由“{ROLE_NAMES.get(role, role)}”作出")
    if not cert.get("all_departments") and cert.get("department_id") != data.get("department_id") \
            and not (cert.get("department_id") in parties
                     and data.get("action") in permissions.PARTY_ACTIONS):
        result.append(f"的决定人属于“{cert.get('department', '')}”，不是该解读包的部门")
    return result


def _author_problems(d: DecisionRow, data: dict, walk: _Walk, source: str,
                     transition: workflow.Transition | None) -> list[str]:
    authors = frozenset(data.get("authors", []))
    result = []
    if transition is not None and transition.forbids_author and d.actor_id in authors:
        result.append("的决定人是本包作者（作者不得核稿或签发自己的解读包）")
    previous = walk.prev_authors
    if previous is not None and (not previous <= authors
                                 or (source != workflow.DRAFT and previous != authors)):
        result.append("签名中的作者名单与前一个决定不符（作者记录被删除或改动）")
    return result


_SIGNOFF_FIELDS = (("digest", "digest", "摘要"), ("signed_at", "at", "签发时间"),
                   ("opinion", "reason", "签发意见"), ("signer_id", "user_id", "签发人"),
                   ("revision", "revision", "版次"))


def _signoff_problems(data: dict, cert: dict, signoff: dict | None) -> list[str]:
    if signoff is None:
        return ["没有对应的签发记录"]
    changed = [label for key, signed_key, label in _SIGNOFF_FIELDS
               if signoff[key] != data.get(signed_key)]
    if signoff["on_behalf_of"] != data.get("extra", {}).get("on_behalf_of", ""):
        changed.append("代签人")
    if signoff["signer_name"] != cert.get("display_name"):
        changed.append("签发人姓名")
    if signoff["signer_title"] != cert.get("title"):
        changed.append("签发人职务")
    if changed:
        return [f"：签发记录 {signoff['id']} 的{'、'.join(changed)}与签发人的签名和证书不符（记录被改动）"]
    return []


def _check_outcome(walk: _Walk, fact: PackageFacts, rooted: bool, found: TrustFindings) -> None:
    where = f"解读包 {fact.id}“{fact.title}”"
    if walk.state != fact.state or walk.revision != fact.revision:
        found.problems.append(f"{where}的状态或版次与其决定记录不符（应为{workflow.STATE_LABELS.get(walk.state, walk.state)}"
                              f"、第{walk.revision}版；决定被删除或状态被改动）")
    if fact.state == workflow.RELEASED and fact.released_at != walk.last_release_at:
        found.problems.append(f"{where}的发布时间与发布决定不符（发布时间被改动）")
    last = walk.last_signed
    if not rooted or last is None:
        return
    if {d for d in walk.departments} != {fact.department_id}:
        found.problems.append(f"{where}的所属部门与其签名的决定不符（解读包曾被移到其他部门）")
    signed_authors = frozenset(last.get("authors", []))
    if not signed_authors <= fact.authors or (fact.state != workflow.DRAFT
                                               and signed_authors != fact.authors):
        found.problems.append(f"{where}的作者名单与签名的决定不符（作者记录被删除或添加）")
