"""The trust root: made once, sealed under administrators' passwords, certifying user keys."""

from __future__ import annotations

from ..domain import permissions, trust
from ..domain import signatures as sig
from ..domain.errors import AuthError, PermissionDenied
from ..domain.model import User
from . import crypto, trust_files
from .base import ServiceBase
from .keyring import SESSION_KEYS


class TrustService(ServiceBase):
    """Root key, certificates, revocations, session keys, and the machine's pins."""

    keyring = SESSION_KEYS

    # -- the root -------------------------------------------------------------------------
    def fingerprint(self) -> str:
        """The root's fingerprint ('' before the root exists)."""
        root = self.store.trust.root()
        return sig.fingerprint(root[0]) if root else ""

    def init(self, admin: User, password: str) -> str:
        """Make the root (once), certify every current key; returns the fingerprint.

        The caller checked the password (log-in). An existing root is unlocked, not replaced."""
        self._require(admin, permissions.MANAGE_USERS)
        if self.store.trust.root() is not None:
            self.unlock_root(admin, password)
            return self.fingerprint()
        at = self.clock()
        raw, public = sig.new_key()
        with self.store.transaction():
            decisions, signoffs, keys = self.store.trust.counts()
            events = self.store.audit_events()
            statement = trust.make(trust.root_statement(
                public, at, admin.username, decisions=decisions, signoffs=signoffs, keys=keys,
                events=len(events), head=events[-1].hash if events else ""), raw)
            self.store.trust.add_root(public, statement, at)
            self.store.trust.set_seal(admin.id, crypto.seal(raw, password))
            self.keyring.put(public, raw)
            for user in self.store.users.all():
                if self.store.users.active_key(user.id):
                    self._certify(user, at)
            self.store.audit(admin.id, None, "trust_init", {"fingerprint": sig.fingerprint(public)},
                             at)
        return sig.fingerprint(public)

    def unlock_root(self, admin: User, password: str) -> bool:
        """Unseal the root for this session when the administrator holds it; True if unlocked."""
        sealed = self.store.trust.seal(admin.id) if "admin" in admin.roles else None
        raw = crypto.unseal(sealed, password) if sealed else None
        if raw is None:
            return False
        root = self.store.trust.root()
        if root is None or sig.public_of(raw) != root[0]:
            return False  # a seal of some other key: never trusted
        self.keyring.put(root[0], raw)
        return True

    def root_unlocked(self) -> bool:
        """Whether this session can certify (an administrator holding the root logged in)."""
        return self._root_raw() is not None

    def _root_raw(self) -> bytes | None:
        root = self.store.trust.root()
        return self.keyring.get(root[0]) if root else None

    def seal_root_for(self, user: User, password: str) -> None:
        """Give an administrator a sealed copy of the root (inside the caller's transaction)."""
        raw = self._root_raw()
        if raw is not None and "admin" in user.roles:
            self.store.trust.set_seal(user.id, crypto.seal(raw, password))

    def reseal_root(self, user: User, old: str, new: str) -> None:
        """An administrator changed their password: their copy of the root follows."""
        sealed = self.store.trust.seal(user.id)
        raw = crypto.unseal(sealed, old) if sealed else None
        if raw is not None:
            self.store.trust.set_seal(user.id, crypto.seal(raw, new))

    # -- session keys ---------------------------------------------------------------------
    def unlock(self, user: User, password: str) -> None:
        """At log-in: keep the user's key (and an administrator's root) unlocked this session.

        A user without a key (made before every user had one) gets one now, certified when
        the root is unlocked in this session, else waiting for `trust certify`."""
        key = self.store.users.active_key(user.id)
        if key is None:
            key = self._enrol(user, password)
        raw = crypto.unseal(key[2], password) if key[2] else None
        if raw is not None:
            self.keyring.put(key[1], raw)
        if "admin" in user.roles:
            self.unlock_root(user, password)

    def _enrol(self, user: User, password: str) -> tuple[int, str, str]:
        at = self.clock()
        public, sealed = crypto.new_signing_key(password)
        with self.store.transaction():
            key_id = self.store.users.add_key(user.id, public, sealed, at)
            self.store.audit(user.id, None, "key_enrolled", {
                "user": user.username, "key_id": key_id,
                "key_fingerprint": crypto.key_fingerprint(public)}, at)
            self.certify_if_unlocked(user, at)
        return key_id, public, sealed

    def signing_key(self, user: User, raw: bytes | None = None) -> tuple[bytes, int]:
        """(private key, certificate serial) for a decision; AuthError when it is not unlocked."""
        if raw is None:
            key = self.store.users.active_key(user.id)
            raw = self.keyring.get(key[1]) if key else None
            if raw is None:
                raise AuthError("签名密钥未解锁：请重新登录后再操作")
        cert = self.store.trust.current_certificate(user.id)
        return raw, cert.serial if cert else 0

    def forget_key(self, user: User) -> None:
        """Drop a user's unlocked key from memory (their password was reset)."""
        key = self.store.users.active_key(user.id)
        if key:
            self.keyring.forget(key[1])

    # -- certificates ---------------------------------------------------------------------
    def certify_user(self, admin: User, username: str) -> int:
        """Certify a user's current key (admin with the root unlocked); returns the serial."""
        self._require(admin, permissions.MANAGE_USERS)
        user = self.store.users.by_username(username)
        if not self.root_unlocked():
            raise PermissionDenied("根密钥未解锁：请以持有根密钥的管理员身份登录（或先运行 trust init）")
        if self.store.users.active_key(user.id) is None:
            raise PermissionDenied(f"用户“{username}”还没有签名密钥：请其登录一次，或由管理员重置密码")
        at = self.clock()
        with self.store.transaction():
            serial = self._certify(user, at)
            self.store.audit(admin.id, None, "certified", {"user": user.username,
                                                           "serial": serial}, at)
        return serial

    def certify_if_unlocked(self, user: User, at: str) -> int | None:
        """Certify the user's current key when the root is unlocked (inside a transaction)."""
        if self.store.trust.root() is None or not self.root_unlocked():
            return None
        return self._certify(user, at)

    def _certify(self, user: User, at: str) -> int:
        """A new certificate of the user's current key; the previous one is revoked."""
        raw = self._root_raw()
        root = self.store.trust.root()
        assert raw is not None and root is not None
        fp = sig.fingerprint(root[0])
        key_id, public, _ = self.store.users.active_key(user.id)
        previous = self.store.trust.current_certificate(user.id)
        if previous is not None:
            newest = self.store.trust.counts()[0]
            self.store.trust.add_revocation(previous.serial, trust.make(
                trust.revocation(previous.serial, fp, at, "superseded", newest), raw), at)
        valid_from = self.store.users.key_created_at(key_id) or at
        serial = self.store.trust.next_serial()
        cert = trust.certificate(serial, fp, self._identity(user), public, key_id,
                                 min(valid_from, at), at)
        self.store.trust.add_certificate(serial, user.id, key_id, trust.make(cert, raw), at)
        return serial

    def identity_changed(self, user_id: int) -> bool:
        """Whether the user's name, title, roles or department differ from their certificate."""
        cert = self.store.trust.current_certificate(user_id)
        if cert is None:
            return True
        return trust.identity_of(cert.cert.data) != self._identity(self.store.users.get(user_id))

    def identity_differs(self, user: User) -> bool:
        """Whether these details of a user (perhaps not yet stored) differ from their
        certificate: a new one must be issued when they are stored."""
        cert = self.store.trust.current_certificate(user.id)
        return cert is None or trust.identity_of(cert.cert.data) != self._identity(user)

    def _identity(self, user: User) -> trust.Identity:
        dept = (self.store.departments.get(user.department_id).name
                if user.department_id is not None else "")
        return trust.Identity(user.id, user.username, user.display_name, user.title,
                              tuple(sorted(user.roles)), user.department_id, dept,
                              user.all_departments)

    def summary(self) -> dict:
        """Fingerprint, whether this machine pins it, and how many certificates stand."""
        fp = self.fingerprint()
        certs = self.store.trust.certificates()
        revoked = self.store.trust.revocations()
        return {"fingerprint": fp, "trust_file": str(trust_files.trust_file()),
                "pinned": bool(fp) and fp in trust_files.read_pins(),
                "certificates": len(certs),
                "current": sum(1 for c in certs if c.serial not in revoked)}

    # -- the machine's pins ---------------------------------------------------------------
    def pin_problem(self) -> str | None:
        """Why this machine must not trust the database's root (None when it may): the trust
        file names other roots, or this machine saw another root in this file before."""
        fp = self.fingerprint()
        if not fp:
            return None
        pins = trust_files.read_pins()
        if pins and fp not in pins:
            return (f"数据库 {self.store.path} 的根密钥（指纹 {sig.grouped(fp)[:19]}…）不在本机信任文件中："
                    "它不是本部门的数据库，或已被人替换。请联系管理员核对后再使用")
        seen = trust_files.seen(self.store.path)
        if seen and seen.root and seen.root != fp:
            return (f"数据库 {self.store.path} 的根密钥与本机上次见到的不同：数据库可能已被替换。"
                    "请联系管理员运行 interpreter-cli verify 核对")
        return None

    def pin(self, label: str = "") -> str:
        """Write this database's root fingerprint into the user's trust file; returns the file."""
        fp = self.fingerprint()
        if not fp:
            raise PermissionDenied("尚未建立信任根：请管理员运行 interpreter-cli trust init --as 管理员")
        return str(trust_files.add_pin(fp, label or self.store.path))
