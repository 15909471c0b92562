"""A PostgreSQL server for the tests: found, never assumed; each test gets its own database.

The server is `INTERPRETER_TEST_PG` (an address of a database the tests may use to create
and drop others, e.g. postgresql://postgres@127.0.0.1:5432/postgres), else the local server
on 127.0.0.1:5432 as `postgres` or as the login user. Without one the server tests are
skipped with one line saying how to enable them; with CI set they fail instead.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import uuid
from urllib.parse import urlsplit, urlunsplit

ENV = "INTERPRETER_TEST_PG"
HOW_TO_ENABLE = (f"PostgreSQL tests need a server: set {ENV}=postgresql://USER@HOST:5432/postgres "
                 "(a role that may CREATE DATABASE and CREATE ROLE) or run one on 127.0.0.1:5432")


def candidates() -> list[str]:
    """Server addresses to try, in order."""
    if os.environ.get(ENV):
        return [os.environ[ENV]]
    users = ["postgres", getpass.getuser()]
    return [f"postgresql://{u}@127.0.0.1:5432/postgres" for u in dict.fromkeys(users)]


def find_server() -> tuple[str | None, str]:
    """(admin address, '') of a server that answers and lets us create databases, or (None, why)."""
    import psycopg

    reasons = []
    for url in candidates():
        try:
            with psycopg.connect(url, connect_timeout=3, autocommit=True) as conn:
                row = conn.execute("SELECT rolcreatedb OR rolsuper, rolcreaterole OR rolsuper"
                                   " FROM pg_roles WHERE rolname = current_user").fetchone()
                if row and row[0] and row[1]:
                    return url, ""
                reasons.append(f"{url}: role may not create databases and roles")
        except psycopg.Error as exc:
            reasons.append(f"{url}: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc}")
    return None, "; ".join(reasons)


def with_database(url: str, dbname: str, user: str | None = None) -> str:
    """The same server address naming another database (and, given, another user)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if user is not None:
        host = netloc.rsplit("@", 1)[-1]
        netloc = f"{user}@{host}"
    return urlunsplit((parts.scheme, netloc, "/" + dbname, parts.query, parts.fragment))


def unique_name(prefix: str) -> str:
    """A database or role name no other run on the same server uses."""
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"


def admin_execute(admin_url: str, *statements: str) -> None:
    """Run statements on the server as the test administrator (autocommit)."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def create_database(admin_url: str, name: str, template: str | None = None,
                    owner: str | None = None) -> str:
    """Create a database; returns its address (as the administrator)."""
    sql = f'CREATE DATABASE "{name}"'
    if template:
        sql += f' TEMPLATE "{template}"'
    if owner:
        sql += f' OWNER "{owner}"'
    admin_execute(admin_url, sql)
    return with_database(admin_url, name)


def drop_database(admin_url: str, name: str) -> None:
    """Drop a database even while connections to it are open."""
    with contextlib.suppress(Exception):
        admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
