"""Database addresses: a file path (SQLite) or a server URL (PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_address(value: str | Path | None) -> bool:
    """Whether `value` names a PostgreSQL server (postgresql://user@host:5432/dbname)."""
    if value is None or isinstance(value, Path):
        return False
    scheme = str(value).split("://", 1)[0].lower() if "://" in str(value) else ""
    return scheme in SERVER_SCHEMES


def display_address(url: str) -> str:
    """The address without its password, fit to show and to log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def has_password(url: str) -> bool:
    """Whether the address carries a password (never saved in the user's settings)."""
    return urlsplit(url).password is not None


def database_name(url: str) -> str:
    """The database named by the address ('' when none)."""
    return urlsplit(url).path.lstrip("/")


def server_address(host: str, port: int, database: str, user: str, password: str = "",
                   sslmode: str = "") -> str:
    """postgresql://user[:password]@host:port/database[?sslmode=…] with every part quoted."""
    from urllib.parse import quote

    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    credentials = quote(user.strip(), safe="")
    if password:
        credentials += ":" + quote(password, safe="")
    url = f"postgresql://{credentials}@{host}:{int(port)}/{quote(database.strip(), safe='')}"
    return url + (f"?sslmode={quote(sslmode, safe='')}" if sslmode else "")


def address_parts(url: str) -> dict[str, object]:
    """host, port, database, user and sslmode of an address (empty where it has none)."""
    from urllib.parse import parse_qs, unquote

    parts = urlsplit(url)
    return {"host": parts.hostname or "", "port": parts.port or 5432,
            "database": unquote(parts.path.lstrip("/")), "user": unquote(parts.username or ""),
            "sslmode": (parse_qs(parts.query).get("sslmode") or [""])[0]}
