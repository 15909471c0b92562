"""Accounts: log-in with lockout, users and departments, passwords and signing keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..domain import permissions
from ..domain.errors import AuthError, NotFoundError, PermissionDenied, ValidationError
from ..domain.model import Department, User
from ..domain.permissions import ROLES
from ..domain.validation import NAME_MAX
from . import crypto, trust_files
from .base import ServiceBase, check_encodable, clean_field
from .trust import TrustService

MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
# Every user signs the decisions they take (submit, pass, return, sign, release ...), so every
# user gets a key; the constant stays for code that asked which roles sign.
SIGNING_ROLES = frozenset({"writer", "reviewer", "leader", "admin"})
UNCHANGED = object()  # edit_user: the department stays as it is


def check_password_strength(password: str) -> None:
    """ValidationError unless the password has at least MIN_PASSWORD characters and a digit or sign."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"密码至少{MIN_PASSWORD}位")
    if password.isalpha():
        raise ValidationError("密码须包含数字或符号")
    if len(password) > MAX_PASSWORD:
        raise ValidationError(f"密码不能超过{MAX_PASSWORD}位")
    try:
        check_encodable(password, "密码")
    except ValidationError:
        # Never echo any part of a password, not even one code point.
        raise ValidationError("密码含有无法识别的字符，请重新输入") from None


def _clock_time(iso: str) -> str:
    """14:05, or 12月3日 14:05 when the time is not today."""
    when = dt.datetime.fromisoformat(iso)
    today = dt.datetime.now(when.tzinfo).date()
    time = f"{when.hour:02d}:{when.minute:02d}"
    return time if when.date() == today else f"{when.month}月{when.day}日 {time}"


def locked_message(locked_until: str, now: dt.datetime) -> str:
    """Why a locked account is refused, and when the lock ends."""
    minutes = max(1, int((dt.datetime.fromisoformat(locked_until) - now).total_seconds() // 60) + 1)
    return (f"连续输错密码次数过多，账号已锁定，{_clock_time(locked_until)}解除"
            f"（约{minutes}分钟后），也可请管理员重置密码")


CODES_MAX = 60  # 机关代字 of one department, separated by 、


class AccountService(ServiceBase):
    """Log-in, users, departments."""

    def __init__(self, store, clock, trust: TrustService | None = None) -> None:
        super().__init__(store, clock)
        self.trust = trust or TrustService(store, clock)

    # -- log-in ---------------------------------------------------------------------------
    def login(self, username: str, password: str) -> User:
        """The user if the password is right; AuthError (in Chinese) otherwise."""
        try:
            check_encodable(username, "用户名")
            user = self.store.users.by_username(username.strip())
        except (NotFoundError, ValidationError):
            raise AuthError("用户名或密码错误") from None
        if user.disabled:
            raise AuthError("该账号已停用，请联系管理员")
        self.check_password(user, password, username_asked=True)
        if "admin" in user.roles and self.store.trust.root() is None:
            # A database from before roots: the administrator's log-in makes it, once.
            self.trust.init(user, password)
        self.trust.unlock(user, password)
        return user

    def check_password(self, user: User, password: str, *, username_asked: bool = False) -> None:
        """Re-check a user's password (log-in, sign-off); counts failures and locks the account.

        The message names what was asked: 用户名或密码 at log-in (username_asked), 密码 where
        only the password was re-entered (sign-off, password change)."""
        stored, failed, locked_until = self.store.users.credentials(user.id)
        now = dt.datetime.fromisoformat(self.clock())
        if locked_until and dt.datetime.fromisoformat(locked_until) > now:
            raise AuthError(locked_message(locked_until, now), attempts_left=0,
                            locked_until=locked_until)
        if crypto.check_password(password, stored):
            if failed:
                with self.store.transaction():
                    self.store.users.record_login(user.id, 0, "")
            return
        failed += 1
        until = ""
        if failed >= MAX_FAILED_LOGINS:
            until = (now + dt.timedelta(minutes=LOCKOUT_MINUTES)).isoformat(timespec="seconds")
        with self.store.transaction():
            self.store.users.record_login(user.id, 0 if until else failed, until)
            if until:
                self.store.audit(user.id, None, "account_locked", {"user": user.username})
        if until:
            raise AuthError(f"连续{MAX_FAILED_LOGINS}次输错密码，账号已锁定{LOCKOUT_MINUTES}分钟，"
                            f"{_clock_time(until)}后可再试，或请管理员重置密码",
                            attempts_left=0, locked_until=until)
        left = MAX_FAILED_LOGINS - failed
        if username_asked:
            raise AuthError(f"用户名或密码错误（再错{left}次将锁定账号）", attempts_left=left)
        raise AuthError(f"密码不正确（再错{left}次将锁定）", attempts_left=left)

    def log_out(self) -> None:
        """Forget every key unlocked in this session: the next user unlocks their own."""
        self.trust.keyring.clear()

    def attempts_left(self, user: User) -> int:
        """Wrong passwords this account may still take before it locks (0 while locked)."""
        _stored, failed, locked_until = self.store.users.credentials(user.id)
        now = dt.datetime.fromisoformat(self.clock())
        if locked_until and dt.datetime.fromisoformat(locked_until) > now:
            return 0
        return MAX_FAILED_LOGINS - failed

    # -- users ----------------------------------------------------------------------------
    def needs_first_admin(self) -> bool:
        """True on a new database: the first-run path creates the administrator."""
        return self.store.users.count() == 0

    def create_first_admin(self, username: str, display_name: str, password: str) -> User:
        """Create the first administrator on an empty database."""
        if not self.needs_first_admin():
            raise PermissionDenied("已存在用户，不能再创建初始管理员")
        admin = self._create(None, username, display_name, password, None, frozenset({"admin"}),
                             "", all_departments=True)
        trust_files.forget(self.store.path)  # a new database where another may have been
        self.trust.init(admin, password)  # the root is made with the first administrator
        self.trust.unlock(admin, password)
        return admin

    def create_user(self, actor: User, username: str, display_name: str, password: str,
                    department_id: int | None, roles: frozenset[str] | set[str], title: str = "",
                    *, all_departments: bool = False) -> User:
        """Create a user (admin only)."""
        self._require(actor, permissions.MANAGE_USERS)
        return self._create(actor, username, display_name, password, department_id,
                            frozenset(roles), title, all_departments=all_departments)

    def _create(self, actor: User | None, username: str, display_name: str, password: str,
                department_id: int | None, roles: frozenset[str], title: str, *,
                all_departments: bool) -> User:
        username = clean_field(username, "用户名", max_len=40)
        display_name = clean_field(display_name, "姓名", max_len=NAME_MAX)
        title = clean_field(title, "职务", required=False, max_len=NAME_MAX)
        unknown = set(roles) - set(ROLES)
        if unknown or not roles:
            raise ValidationError(f"角色无效：{'、'.join(sorted(unknown)) or '（未选择）'}")
        if department_id is not None:
            self.store.departments.get(department_id)
        elif not all_departments and roles - {"admin"}:
            raise ValidationError("请选择用户所属部门")
        check_password_strength(password)
        at = self.clock()
        user = User(None, username, display_name, department_id, roles, title, all_departments)
        with self.store.transaction():
            created = self.store.users.add(user, crypto.hash_password(password), at)
            detail = {"user": username, "roles": sorted(roles)}
            if roles & SIGNING_ROLES:
                detail |= self._issue_key(created.id, password, at)
                self.trust.certify_if_unlocked(created, at)
                self.trust.seal_root_for(created, password)
            self.store.audit(actor.id if actor else None, None, "user_created", detail, at)
        return created

    def _issue_key(self, user_id: int, password: str, at: str) -> dict:
        """A new key pair sealed by the password; the audit detail naming it (verify checks it)."""
        public, sealed = crypto.new_signing_key(password)
        key_id = self.store.users.add_key(user_id, public, sealed, at)
        return {"key_id": key_id, "key_fingerprint": crypto.key_fingerprint(public)}

    def update_user(self, actor: User, user: User | str, **changes) -> User:
        """Change name, department, roles, title or the disabled flag (admin only).

        Given a login name, the keyword changes of `edit_user` apply to that account."""
        if isinstance(user, str):
            return self.edit_user(actor, user, **changes)
        self._require(actor, permissions.MANAGE_USERS)
        before = self.store.users.get(user.id)
        if user.id == actor.id and ("admin" not in user.roles or user.disabled):
            raise ValidationError("不能取消自己的管理员角色或停用自己的账号")
        unknown = set(user.roles) - set(ROLES)
        if unknown:
            raise ValidationError(f"角色无效：{'、'.join(sorted(unknown))}")
        if user.department_id is not None:
            self.store.departments.get(user.department_id)
        user = replace(user, display_name=clean_field(user.display_name, "姓名", max_len=NAME_MAX),
                       title=clean_field(user.title, "职务", required=False, max_len=NAME_MAX))
        recertify = bool(self.store.users.active_key(user.id)) and self.trust.identity_differs(user)
        certified = self.store.trust.current_certificate(user.id) is not None
        if recertify and certified and not self.trust.root_unlocked():
            # The certificate carries name, title, roles and department: changed without a new
            # one, every later decision of this user would fail verification.
            raise PermissionDenied("根密钥未解锁，不能修改姓名、职务、角色或部门（需为其重新颁发证书）："
                                   "请以持有根密钥的管理员身份登录后再修改")
        with self.store.transaction():
            self.store.users.update(user)
            if "admin" not in user.roles:
                self.store.trust.drop_seal(user.id)
            detail = {"user": before.username, "roles": sorted(user.roles),
                      "disabled": user.disabled, "department_id": user.department_id,
                      "title": user.title, "display_name": user.display_name,
                      "all_departments": user.all_departments}
            if recertify:
                serial = self.trust.certify_if_unlocked(self.store.users.get(user.id), self.clock())
                if serial is not None:
                    detail["certificate"] = serial
            self.store.audit(actor.id, None, "user_updated", detail)
        return self.store.users.get(user.id)

    def edit_user(self, actor: User, username: str, *, roles: frozenset[str] | set[str] | None = None,
                  department_id: int | None | object = UNCHANGED, title: str | None = None,
                  display_name: str | None = None, all_departments: bool | None = None) -> User:
        """Change an account's roles, department, title, name or reach (admin only); what is not
        given stays. A new certificate names the new identity, so later decisions verify."""
        self._require(actor, permissions.MANAGE_USERS)
        user = self.store.users.by_username(username)
        changed = replace(
            user,
            roles=user.roles if roles is None else frozenset(roles),
            department_id=user.department_id if department_id is UNCHANGED else department_id,
            title=user.title if title is None else title,
            display_name=user.display_name if display_name is None else display_name,
            all_departments=user.all_departments if all_departments is None else all_departments)
        if not changed.roles:
            raise ValidationError("请至少选择一个角色（停用账号请用“停用”）")
        if changed.department_id is None and not changed.all_departments and \
                changed.roles - {"admin"}:
            raise ValidationError("请选择用户所属部门")
        return self.update_user(actor, changed)

    def set_disabled(self, actor: User, username: str, disabled: bool = True) -> User:
        """Disable (or re-enable) an account."""
        user = self.store.users.by_username(username)
        user.disabled = disabled
        return self.update_user(actor, user)

    def change_password(self, user: User, old: str, new: str) -> None:
        """The user changes their own password; the signing key is re-sealed under the new one."""
        self.check_password(user, old)
        check_password_strength(new)
        with self.store.transaction():
            self.store.users.set_password_hash(user.id, crypto.hash_password(new))
            key = self.store.users.active_key(user.id)
            if key:
                secret = crypto.unseal(key[2], old)
                if secret is not None:
                    self.store.users.replace_key_encryption(key[0], crypto.seal(secret, new))
            self.trust.reseal_root(user, old, new)
            self.store.audit(user.id, None, "password_changed", {"user": user.username})

    def reset_password(self, actor: User, username: str, new: str) -> None:
        """An administrator sets a new password; a new key pair replaces the old one."""
        self._require(actor, permissions.MANAGE_USERS)
        user = self.store.users.by_username(username)
        check_password_strength(new)
        at = self.clock()
        self.trust.forget_key(user)  # the old key signs nothing more in this session
        with self.store.transaction():
            self.store.users.set_password_hash(user.id, crypto.hash_password(new))
            detail = {"user": user.username}
            if user.roles & SIGNING_ROLES or self.store.users.active_key(user.id):
                detail |= self._issue_key(user.id, new, at)
                self.trust.certify_if_unlocked(user, at)
            self.trust.seal_root_for(user, new)
            self.store.audit(actor.id, None, "password_reset", detail, at)

    def users(self) -> list[User]:
        """Every user."""
        return self.store.users.all()

    def user(self, username: str) -> User:
        """A user by login name."""
        return self.store.users.by_username(username)

    # -- departments ----------------------------------------------------------------------
    def create_department(self, actor: User | None, name: str, code: str = "") -> Department:
        """Create a department (admin only; None actor only on a database without users)."""
        if actor is None:
            if not self.needs_first_admin():
                raise PermissionDenied("需要管理员角色")
        else:
            self._require(actor, permissions.MANAGE_DEPARTMENTS)
        name = clean_field(name, "部门名称", max_len=NAME_MAX)
        code = clean_field(code, "机关代字", required=False, max_len=CODES_MAX)
        with self.store.transaction():
            dept = self.store.departments.add(name, code)
            self.store.audit(actor.id if actor else None, None, "department_created", {"name": name})
        return dept

    def set_department_codes(self, actor: User, name: str, codes: list[str]) -> Department:
        """Replace a department's 机关代字 list (admin); packages are checked against it."""
        from ..domain.department_rules import parse_codes

        self._require(actor, permissions.MANAGE_DEPARTMENTS)
        text = "、".join(parse_codes("、".join(codes)))
        text = clean_field(text, "机关代字", required=False, max_len=CODES_MAX)
        with self.store.transaction():
            dept = self.store.departments.by_name(name)
            self.store.departments.rename(dept.id, dept.name, text)
            self.store.audit(actor.id, None, "department_codes", {"name": dept.name, "codes": text})
        return self.store.departments.get(dept.id)

    def departments(self) -> list[Department]:
        """Every department."""
        return self.store.departments.all()
