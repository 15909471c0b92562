"""Repositories of departments, users and their signing keys."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..domain.errors import NotFoundError, ValidationError
from ..domain.model import Department, User
from .rows import insert_returning_id


@dataclass(frozen=True)
class SigningKey:
    """The public half of a user's signing key, as stored."""

    id: int
    user_id: int
    username: str
    public_key: str
    created_at: str
    retired_at: str


def _user(row: sqlite3.Row) -> User:
    return User(id=row["id"], username=row["username"], display_name=row["display_name"],
                department_id=row["department_id"],
                roles=frozenset(r for r in row["roles"].split(",") if r), title=row["title"],
                all_departments=bool(row["all_departments"]), disabled=bool(row["disabled"]))


class DepartmentRepository:
    """Departments that own packages."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, name: str, code: str = "") -> Department:
        """Create a department; ValidationError when the name is taken."""
        try:
            new_id = insert_returning_id(self.conn, "INSERT INTO departments (name, code)"
                                         " VALUES (?, ?)", (name, code))
        except sqlite3.IntegrityError as exc:
            raise ValidationError(f"部门“{name}”已存在") from exc
        return Department(new_id, name, code)

    def rename(self, department_id: int, name: str, code: str) -> None:
        """Change a department's name and issuer code."""
        self.conn.execute("UPDATE departments SET name = ?, code = ? WHERE id = ?",
                          (name, code, department_id))

    def get(self, department_id: int) -> Department:
        """One department; NotFoundError when missing."""
        row = self.conn.execute("SELECT * FROM departments WHERE id = ?", (department_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"部门 {department_id} 不存在")
        return Department(row["id"], row["name"], row["code"])

    def by_name(self, name: str) -> Department:
        """A department by its exact name."""
        row = self.conn.execute("SELECT * FROM departments WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"部门“{name}”不存在")
        return Department(row["id"], row["name"], row["code"])

    def all(self) -> list[Department]:
        """Every department by name."""
        return [Department(r["id"], r["name"], r["code"])
                for r in self.conn.execute("SELECT * FROM departments ORDER BY id")]


class UserRepository:
    """Users, their password hashes, lockout counters and signing keys."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def add(self, user: User, password_hash: str, at: str) -> User:
        """Create a user; ValidationError when the username is taken."""
        try:
            new_id = insert_returning_id(
                self.conn, "INSERT INTO users (username, display_name, department_id, roles, title,"
                " all_departments, disabled, password_hash, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (user.username, user.display_name, user.department_id, ",".join(sorted(user.roles)),
                 user.title, int(user.all_departments), int(user.disabled), password_hash, at))
        except sqlite3.IntegrityError as exc:
            raise ValidationError(f"用户名“{user.username}”已存在") from exc
        return self.get(new_id)

    def update(self, user: User) -> None:
        """Store changed profile fields (not the password)."""
        self.conn.execute(
            "UPDATE users SET display_name = ?, department_id = ?, roles = ?, title = ?,"
            " all_departments = ?, disabled = ? WHERE id = ?",
            (user.display_name, user.department_id, ",".join(sorted(user.roles)), user.title,
             int(user.all_departments), int(user.disabled), user.id))

    def get(self, user_id: int) -> User:
        """One user by id."""
        row = self.conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"用户 {user_id} 不存在")
        return _user(row)

    def by_username(self, username: str) -> User:
        """One user by login name (case-insensitive)."""
        # lower() on both sides: SQLite's NOCASE and the server's unique index on lower().
        row = self.conn.execute("SELECT * FROM users WHERE lower(username) = lower(?)",
                                (username,)).fetchone()
        if row is None:
            raise NotFoundError(f"用户“{username}”不存在")
        return _user(row)

    def all(self) -> list[User]:
        """Every user."""
        return [_user(r) for r in self.conn.execute("SELECT * FROM users ORDER BY id")]

    def count(self) -> int:
        """How many users exist (0 on a new database)."""
        return self.conn.execute("SELECT count(*) FROM users").fetchone()[0]

    def names(self) -> dict[int, str]:
        """Display names by id."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, display_name FROM users")}

    # -- credentials ----------------------------------------------------------------------
    def credentials(self, user_id: int) -> tuple[str, int, str]:
        """(password hash, failed login count, locked-until time)."""
        row = self.conn.execute("SELECT password_hash, failed_logins, locked_until FROM users"
                                " WHERE id = ?", (user_id,)).fetchone()
        return row[0], row[1], row[2]

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace the password hash and clear the lockout."""
        self.conn.execute("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = ''"
                          " WHERE id = ?", (password_hash, user_id))

    def record_login(self, user_id: int, failed: int, locked_until: str) -> None:
        """Store the failed-login counter and lockout time."""
        self.conn.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                          (failed, locked_until, user_id))

    # -- signing keys ---------------------------------------------------------------------
    def active_key(self, user_id: int) -> tuple[int, str, str] | None:
        """(key id, public key, encrypted private key) of the user's current key, if any."""
        row = self.conn.execute(
            "SELECT id, public_key, private_key_enc FROM user_keys WHERE user_id = ? AND"
            " retired_at = '' ORDER BY id DESC LIMIT 1", (user_id,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def add_key(self, user_id: int, public_key: str, private_key_enc: str, at: str) -> int:
        """Store a new key pair, retiring the previous one (its public key stays for verify)."""
        # The retired private key is wiped: an old (perhaps leaked) password must unlock nothing.
        self.conn.execute("UPDATE user_keys SET retired_at = ?, private_key_enc = '' "
                          "WHERE user_id = ? AND retired_at = ''", (at, user_id))
        return insert_returning_id(self.conn, "INSERT INTO user_keys (user_id, public_key,"
                                   " private_key_enc, created_at) VALUES (?,?,?,?)",
                                   (user_id, public_key, private_key_enc, at))

    def replace_key_encryption(self, key_id: int, private_key_enc: str) -> None:
        """Store the private key re-encrypted under a new password."""
        self.conn.execute("UPDATE user_keys SET private_key_enc = ? WHERE id = ?",
                          (private_key_enc, key_id))

    def keys(self) -> list[SigningKey]:
        """Every signing key ever issued (public halves only), oldest first."""
        return [SigningKey(r["id"], r["user_id"], r["username"], r["public_key"], r["created_at"],
                           r["retired_at"]) for r in self.conn.execute(
            "SELECT k.id, k.user_id, COALESCE(u.username, '') AS username, k.public_key,"
            " k.created_at, k.retired_at FROM user_keys k LEFT JOIN users u ON u.id = k.user_id"
            " ORDER BY k.id")]

    def key_created_at(self, key_id: int) -> str:
        """When a signing key was made ('' for an unknown key)."""
        row = self.conn.execute("SELECT created_at FROM user_keys WHERE id = ?",
                                (key_id,)).fetchone()
        return row[0] if row else ""

    def public_key(self, key_id: int) -> tuple[int, str] | None:
        """(user id, public key) of a key by id."""
        row = self.conn.execute("SELECT user_id, public_key FROM user_keys WHERE id = ?",
                                (key_id,)).fetchone()
        return (row[0], row[1]) if row else None
