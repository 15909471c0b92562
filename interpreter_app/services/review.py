"""Review, sign-off and release: the workflow transitions with their rules."""

from __future__ import annotations

from dataclasses import replace

from ..domain import permissions, trust, workflow
from ..domain.completeness import blocking_for_release, missing_for_submit
from ..domain.department_rules import OVERRIDABLE
from ..domain.digest import canonical_json, package_digest
from ..domain.errors import IncompleteError, PermissionDenied, ValidationError, WorkflowError
from ..domain.model import Decision, Package, Revision, SignOff, User
from ..domain.release_rules import release_holds
from ..domain.signoffs import latest_in_force, signature_holds, signoff_message
from ..domain.trust import Signed
from ..domain.validation import NAME_MAX
from . import crypto
from .accounts import AccountService
from .base import ServiceBase, check_text, clean_field
from .changes import require_settled
from .department_rules import rules_for
from .routes import RouteService
from .trust_verify import signoff_certificate, signoff_problem

REASON_MAX = 2000
# Transitions after which a snapshot of the content is stored.
SNAPSHOT_ON = {workflow.SUBMIT: "submit", workflow.PASS: "pass", workflow.SIGN: "sign",
               workflow.RELEASE: "release"}


def _reason(text: str, what: str = "理由") -> str:
    text = (text or "").strip()
    if len(text) > REASON_MAX:
        raise ValidationError(f"{what}过长，不能超过{REASON_MAX}字")
    return check_text(text, what, REASON_MAX)


class ReviewService(ServiceBase):
    """Submit, pass, return, withdraw, sign, revoke, release, revise."""

    def __init__(self, store, clock, accounts: AccountService) -> None:
        super().__init__(store, clock)
        self.accounts = accounts

    def available(self, actor: User, package: Package) -> list[workflow.Transition]:
        """The transitions the actor may take on the package now (the GUI shows only these)."""
        return permissions.available_transitions(actor, package)

    # -- transitions ----------------------------------------------------------------------
    def submit(self, actor: User, package_id: int, override_reason: str = "",
               route_id: int | None = None) -> Package:
        """Send a complete draft along an approval route; IncompleteError lists what is missing.

        `route_id` chooses one of the department's routes (None: the one for the document's
        文种, else the department's default); it is frozen into the package, with the
        document's joint issuers as its 会签 parties. `override_reason` lets the overridable
        rules (a 第一解读人 who is not a leader) pass; the reason is recorded with the submit."""
        reason = _reason(override_reason)
        overridden = OVERRIDABLE if reason else frozenset()
        routes = RouteService(self.store, self.clock)
        return self._move(actor, package_id, workflow.SUBMIT, reason=reason,
                          check=lambda package: self._complete(package, overridden),
                          route=lambda package: routes.chosen(package, route_id))

    def back(self, actor: User, package_id: int, reason: str) -> Package:
        """Send the package back to the previous step of its route, with a reason."""
        return self._move(actor, package_id, workflow.BACK, reason=_reason(reason))

    def pass_review(self, actor: User, package_id: int, opinion: str = "") -> Package:
        """Agree at the current step: the package moves to the next step (at a 会签 step, once
        every party agreed)."""
        return self._move(actor, package_id, workflow.PASS, reason=_reason(opinion, "意见"))

    def return_package(self, actor: User, package_id: int, reason: str) -> Package:
        """Return to the writers with a reason (reviewer in review, leader awaiting sign-off)."""
        return self._move(actor, package_id, workflow.RETURN, reason=_reason(reason))

    def withdraw(self, actor: User, package_id: int) -> Package:
        """The writer takes a submitted package back to draft."""
        return self._move(actor, package_id, workflow.WITHDRAW)

    def revoke(self, actor: User, package_id: int, reason: str) -> Package:
        """The leader revokes a sign-off before release; the package returns to draft."""
        return self._move(actor, package_id, workflow.REVOKE, reason=_reason(reason))

    def sign(self, actor: User, package_id: int, password: str, opinion: str = "同意",
             on_behalf_of: str = "", expected_digest: str | None = None) -> SignOff:
        """Sign off the whole package with password re-entry; binds revision and digest."""
        opinion = _reason(opinion, "签发意见") or "同意"
        on_behalf_of = clean_field(on_behalf_of, "被代签人", required=False, max_len=NAME_MAX)
        # The right first, so nobody's password attempt counts towards a lockout for nothing.
        self._load(actor, package_id, workflow.SIGN)
        self.accounts.check_password(actor, password)
        key = self.store.users.active_key(actor.id)
        if key is None:
            raise PermissionDenied("该账号没有签发密钥，请管理员重置密码后再签发")
        secret = crypto.unseal(key[2], password)
        if secret is None:
            raise PermissionDenied("签发密钥无法用当前密码解开，请管理员重置密码")
        self.accounts.trust.keyring.put(key[1], secret)
        made: list[SignOff] = []

        def check(package: Package) -> None:
            # Before anything is written: the content must be what the leader read.
            if expected_digest is not None and expected_digest != package_digest(package):
                raise WorkflowError("解读包内容已变化，与您审阅的版本不一致，请重新审阅后签发")
            self._still_ready(package)

        def record(package: Package, at: str, snapshot_id: int, decision_id: int) -> None:
            digest = package_digest(package)
            message = signoff_message(package_id, package.revision, digest, actor.id, at,
                                      opinion, on_behalf_of)
            signature = crypto.sign(secret, message)
            sid = self.store.records.add_signoff(
                package_id, package.revision, snapshot_id, decision_id, digest, actor.id,
                actor.display_name, actor.title, opinion, at, on_behalf_of, key[0], signature)
            self.store.audit(actor.id, package_id, "signoff", {
                "signoff_id": sid, "digest": digest, "revision": package.revision,
                "on_behalf_of": on_behalf_of}, at)
            made.append(SignOff(sid, package_id, package.revision, digest, actor.id,
                                actor.display_name, actor.title, opinion, at, on_behalf_of,
                                signature, str(key[0])))

        self._move(actor, package_id, workflow.SIGN, reason=opinion, after=record, check=check,
                   extra={"on_behalf_of": on_behalf_of}, reread=False)
        return self._as_certified(made[0])

    def release(self, actor: User, package_id: int, reason: str = "") -> Package:
        """Release all parts together with one release time; refused if content changed, while
        an embargo holds (unless an administrator recorded an override) and before the
        document's 发布日期 unless `reason` says why."""
        reason = _reason(reason)

        def check(package: Package) -> None:
            self._still_ready(package)
            self._time_holds(package, reason)
            valid = latest_in_force(self.store.records.signoffs(package.id), package.revision)
            if valid is None:
                raise WorkflowError("解读包没有有效的签发记录，不能发布")
            if package_digest(package) != valid.digest:
                raise WorkflowError("签发后内容已被改动（摘要不一致），不能发布；请撤销签发后重新审签")
            if not self._signature_ok(valid):
                raise WorkflowError("签发记录的数字签名无效，不能发布；请运行“校验”查看详情")
            problem = signoff_problem(self.store, valid.id)
            if problem:
                raise WorkflowError(f"签发记录未通过证书校验，不能发布：{problem}")

        def stamp(package: Package, at: str, _sid: int | None, _did: int) -> None:
            self.store.packages.set_parts_released(package_id, at)

        return self._move(actor, package_id, workflow.RELEASE, check=check, before_state=stamp,
                          reason=reason)

    def override_embargo(self, actor: User, package_id: int, reason: str) -> None:
        """An administrator lets a signed package be released before its embargo; recorded."""
        reason = _reason(reason)
        if not reason:
            raise ValidationError("登记提前发布必须填写理由")
        with self.store.transaction():
            package = self._load(actor, package_id)
            why = permissions.why_not(actor, permissions.OVERRIDE_EMBARGO, package)
            if why:
                raise PermissionDenied(why)
            self.store.audit(actor.id, package_id, "override_embargo", {
                "reason": reason, "revision": package.revision,
                "digest": package_digest(package)}, self.clock())

    def _time_holds(self, package: Package, reason: str) -> None:
        holds = release_holds(package, self.clock())
        waiting = [h.message for h in holds
                   if (h.override_by == "admin" and not self._embargo_overridden(package))
                   or (h.override_by == "releaser" and not reason)]
        if waiting:
            raise IncompleteError("现在不能发布", details=waiting)

    def _embargo_overridden(self, package: Package) -> bool:
        """Whether an administrator recorded an override for the content now signed."""
        digest = package_digest(package)
        return any(e.action == "override_embargo" and digest in e.detail
                   for e in self.store.audit_events(package.id))

    def revise(self, actor: User, package_id: int, reason: str = "") -> Package:
        """Open a released package as a new draft revision; the released snapshot stays."""
        def clear(package: Package, at: str, _sid: int | None, _did: int) -> None:
            self.store.packages.set_parts_released(package_id, "")

        return self._move(actor, package_id, workflow.REVISE, reason=_reason(reason),
                          after=clear, new_revision=True)

    # -- reading --------------------------------------------------------------------------
    def signoffs(self, actor: User, package_id: int) -> list[SignOff]:
        """Sign-offs of the package, oldest first."""
        self._load(actor, package_id)
        return [self._as_certified(s) for s in self.store.records.signoffs(package_id)]

    def _as_certified(self, s: SignOff) -> SignOff:
        """The sign-off with the signer's name and title read from the certificate, and why
        its signature does not stand, if it does not."""
        if not self._signature_ok(s):
            return replace(s, problem="数字签名无效（记录被伪造或改动）")
        cert = signoff_certificate(self.store, s.id)
        if cert is None:
            return s  # made before the root existed
        problem = signoff_problem(self.store, s.id) or ""
        return replace(s, signer_name=str(cert.get("display_name", "")),
                       signer_title=str(cert.get("title", "")), certified=not problem,
                       problem=problem)

    def decisions(self, actor: User, package_id: int) -> list[Decision]:
        """Submits, passes, returns, sign-offs, revocations and releases, oldest first."""
        self._load(actor, package_id)
        return self.store.records.decisions(package_id)

    def revisions(self, actor: User, package_id: int) -> list[Revision]:
        """Stored snapshots, oldest first."""
        self._load(actor, package_id)
        return self.store.records.revisions(package_id)

    def audit_events(self, actor: User, package_id: int):
        """Audit events of the package."""
        self._load(actor, package_id)
        return self.store.audit_events(package_id)

    def department_rules(self, actor: User, package_id: int):
        """The rules the package's checks read: its department's 机关代字 and leaders."""
        package = self._load(actor, package_id)
        return rules_for(self.store, package.department_id)

    def _signature_ok(self, s: SignOff) -> bool:
        key = self.store.users.public_key(int(s.public_key)) if s.public_key else None
        return signature_holds(s, key)

    # -- the one transition path ----------------------------------------------------------
    def _complete(self, package: Package, overridden: frozenset[str] = frozenset()) -> None:
        rules = rules_for(self.store, package.department_id)
        missing = missing_for_submit(package, rules, overridden)
        if missing:
            error = IncompleteError("解读包不完整，不能提交", details=missing)
            # Only rules a recorded reason may let through stand: the window asks for one.
            error.overridable = not overridden and not missing_for_submit(package, rules, OVERRIDABLE)
            raise error

    def _still_ready(self, package: Package) -> None:
        """Sign-off and release meet the same blocking checks as submit (rules may have
        tightened since); overridable rules were settled with a reason at submit."""
        problems = blocking_for_release(package, rules_for(self.store, package.department_id),
                                        OVERRIDABLE)
        if problems:
            raise IncompleteError("解读包有阻断问题，不能继续", details=problems)

    def _move(self, actor: User, package_id: int, action: str, *, reason: str = "",
              check=None, before_state=None, after=None, new_revision: bool = False,
              extra: dict | None = None, reread: bool = True,
              route=None) -> Package | None:
        at = self.clock()
        with self.store.transaction():
            package = self._load(actor, package_id, action)
            transition = workflow.transition_for(action, package.state)
            if transition.needs_reason and not reason:
                raise ValidationError(f"{workflow.ACTION_LABELS[action]}必须填写理由")
            if check:
                check(package)
            require_settled(self.store, package, action)
            # Where the route takes it: a route chosen at submit is frozen into the package.
            route = route(package) if route is not None else None
            on_route = route or permissions.route_of(package)
            party = permissions.party_of(actor, package) or ""
            step_before = package.step
            target = workflow.advance(on_route, permissions.position(package), action, party)
            extra = dict(extra or {})
            if route is not None:
                extra["route"] = workflow.route_to_dict(route)
            if action in permissions.STEP_ACTIONS:
                extra |= {"step": step_before, "party": party}
            signing = self._signing_key(actor)
            snapshot_id = self._snapshot(actor, package, action, at)
            signed = self._signed_decision(signing, actor, package, action, reason, at, extra)
            decision_id = self.store.records.add_decision(
                package_id, package.revision, action, actor.id, actor.display_name, at, reason,
                signed)
            if before_state:
                before_state(package, at, snapshot_id, decision_id)
            self.store.packages.set_state(
                package_id, package.state, target.state, at,
                holder_id=self._holder(actor, package, target.state),
                revision=package.revision + 1 if new_revision else None,
                released_at=at if action == workflow.RELEASE else None,
                step=target.step, agreed=target.agreed, route=route)
            self._record_parties(package, on_route, target)
            if after:
                after(package, at, snapshot_id, decision_id)
            self.store.audit(actor.id, package_id, action, {
                "from": package.state, "to": target.state, "reason": reason,
                "digest": package_digest(package), "revision": package.revision,
                **({"step": on_route.steps[target.step].name}
                   if target.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF) else {})},
                at)
        return self.store.packages.get(package_id) if reread else None

    def _record_parties(self, package: Package, route: workflow.Route,
                        target: workflow.Position) -> None:
        """Who may act at the step the package is now at (the lists of work waiting read
        this), and the departments its route involves (they may read it)."""
        rows: list[tuple[str, int | None, str | None, int | None]] = []
        if target.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF):
            step = route.steps[target.step]
            for party in workflow.open_parties(step, target.agreed, package.department_id):
                kind, key = workflow.party_parts(party)
                if kind == workflow.USER_PARTY:
                    rows.append((party, None, None, key))
                else:
                    rows += [(party, key, role, None) for role in sorted(step.roles)]
        self.store.packages.set_step_parties(package.id, rows)
        self.store.packages.add_parties(package.id, workflow.route_departments(route)
                                        - {package.department_id})

    def _signing_key(self, actor: User) -> tuple[bytes, int] | None:
        """The actor's unlocked key and certificate serial; None before the trust root exists."""
        if self.store.trust.root() is None:
            return None  # a database not yet under a root: decisions stay as they were
        return self.accounts.trust.signing_key(actor)

    def _signed_decision(self, signing: tuple[bytes, int] | None, actor: User, package: Package,
                         action: str, reason: str, at: str, extra: dict) -> Signed | None:
        """The actor's signature over the decision, its package, department and authors."""
        if signing is None:
            return None
        raw, serial = signing
        last = self.store.trust.last_decision(package.id)
        prev = last.hash if last is not None and last.body else ""
        if action == workflow.RELEASE:
            extra = extra | {"released_at": at}
        step = permissions.current_step(package)
        step_roles = step.roles if step is not None and not step.users else None
        statement = trust.decision(
            package.id, package.revision, action, package_digest(package), actor.id, serial,
            trust.acting_role(action, package.state, actor.roles, step_roles),
            package.department_id,
            package.authors, reason, at, prev, **extra)
        return trust.make(statement, raw)

    def _snapshot(self, actor: User, package: Package, action: str, at: str) -> int | None:
        kind = SNAPSHOT_ON.get(action)
        if kind is None:
            return None
        return self.store.records.add_revision(package.id, package.revision, kind, at, actor.id,
                                               package_digest(package), canonical_json(package))

    @staticmethod
    def _holder(actor: User, package: Package, target: str) -> int | None:
        if target == workflow.DRAFT:
            return actor.id if actor.id in package.authors else package.created_by
        if target == workflow.SIGNED:
            return package.created_by
        return None
