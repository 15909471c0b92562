"""Passwords and their hashes never leave the users table: not in logs, exceptions, the audit
chain, command-line output or exported packs."""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import traceback
import zipfile
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain.errors import AppError
from interpreter_app.services import crypto
from tests.factories import PASSWORD, complete_package, released_package

WRONG = ["Wr0ng-guess!", "Passw0rd?", "secret-\ud800-pw", "x" * 2000, "Pa55word"]  # five: locked
NEW = "N3w-secret-pass"


def secrets_of(db: Path, usernames: list[str]) -> set[str]:
    """Each stored hash, its salt and key, and each sealed private key's parts."""
    conn = sqlite3.connect(db)
    found: set[str] = set()
    for name in usernames:
        (stored,) = conn.execute("SELECT password_hash FROM users WHERE username = ?",
                                 (name,)).fetchone()
        found |= {stored, *stored.split("$")[4:]}
    for (sealed,) in conn.execute("SELECT private_key_enc FROM user_keys WHERE private_key_enc != ''"):
        box = json.loads(sealed)
        found |= {sealed, box["salt"], box["box"], box["nonce"]}
    conn.close()
    return found


def exception_texts(exc: BaseException) -> list[str]:
    """Everything an exception could show: message, repr, traceback with its chain."""
    return [str(exc), repr(exc), "".join(traceback.format_exception(exc))]


def attempts(wb, seeded, pkg_id: int) -> list[BaseException]:
    """Every failing path that handles a password; the exceptions they raised."""
    caught = []
    calls = [lambda p=p: wb.accounts.login("writer", p) for p in WRONG]
    calls += [lambda: wb.accounts.login("writer", PASSWORD),  # locked by now
              lambda: wb.accounts.login("nobody", PASSWORD),
              lambda: wb.review.sign(seeded["leader"], pkg_id, WRONG[0]),
              lambda: wb.accounts.change_password(seeded["leader2"], WRONG[1], NEW),
              lambda: wb.accounts.change_password(seeded["reviewer"], PASSWORD, "short1"),
              lambda: wb.accounts.reset_password(seeded["admin"], "reviewer", "abcdefghij"),
              lambda: wb.accounts.create_user(seeded["admin"], "new", "新人", "x\udfffy-1234567",
                                              seeded.dept_a, {"writer"})]
    for call in calls:
        with pytest.raises(AppError) as err:
            call()
        caught.append(err.value)
    return caught


def test_no_password_or_hash_in_logs_or_exceptions(seeded, caplog):
    caplog.set_level(logging.DEBUG)
    wb = seeded.wb
    pkg = complete_package(wb, seeded["writer"])
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    caught = attempts(wb, seeded, pkg.id)
    wb.accounts.change_password(seeded["leader2"], PASSWORD, NEW)
    wb.accounts.reset_password(seeded["admin"], "leader", NEW + "2")
    texts = [t for exc in caught for t in exception_texts(exc)] + [caplog.text]
    forbidden = secrets_of(seeded.path, ["writer", "leader", "leader2", "reviewer"])
    forbidden |= {PASSWORD, NEW, NEW + "2", *WRONG[:2], "x" * 100}
    for secret in forbidden:
        assert not any(secret in t for t in texts), secret[:12]
    assert len(caught) == len(WRONG) + 7


def test_no_password_or_hash_in_the_audit_chain_or_cli_output(seeded, monkeypatch, capsys):
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    monkeypatch.setenv("INTERPRETER_NEW_PASSWORD", NEW)
    pkg = released_package(seeded)
    db = str(seeded.path)
    assert main(["--db", db, "user", "add", "newbie", "--name", "新人", "--department",
                 "江海省人力资源和社会保障厅", "--roles", "writer,leader", "--as", "admin"]) == 0
    assert main(["--db", db, "user", "passwd", "reviewer", "--as", "admin"]) == 0
    monkeypatch.setenv("INTERPRETER_PASSWORD", WRONG[0])
    assert main(["--db", db, "user", "passwd", "writer"]) == 2
    monkeypatch.setenv("INTERPRETER_PASSWORD", PASSWORD)
    for args in (["--json", "user", "list"], ["--json", "show", str(pkg.id), "--as", "writer"], ["verify"]):
        assert main(["--db", db, *args]) == 0
    out = capsys.readouterr()
    details = [e.detail for e in seeded.wb.store.audit_events()]
    forbidden = secrets_of(seeded.path, ["writer", "leader", "reviewer", "newbie"])
    forbidden |= {PASSWORD, NEW, WRONG[0]}
    for secret in forbidden:
        assert secret not in out.out + out.err, secret[:12]
        assert not any(secret in d for d in details), secret[:12]


def _pack_bytes(path: Path) -> list[bytes]:
    """Every file of a pack, and every member of every zip (a .docx is a zip) inside it."""
    blobs = []
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    for f in files:
        data = f.read_bytes()
        blobs.append(data)
        if zipfile.is_zipfile(f):
            with zipfile.ZipFile(f) as z:
                blobs += [z.read(n) for n in z.namelist()]
                for n in z.namelist():
                    if n.endswith(".docx"):
                        blobs += _zip_members(z.read(n))
    return blobs


def _zip_members(data: bytes) -> list[bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [z.read(n) for n in z.namelist()]


def test_no_password_or_hash_in_exported_packs(seeded, tmp_path):
    try:
        import interpreter_app.export.packs  # noqa: F401
    except ImportError:
        pytest.skip("the export package is not available")
    pkg = released_package(seeded)
    out = [seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path / "folder", pack="all"),
           seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path / "zip", pack="all",
                                    as_zip=True)]
    blobs = [b for result in out for b in _pack_bytes(result.path)]
    forbidden = secrets_of(seeded.path, ["writer", "leader", "reviewer"]) | {PASSWORD}
    encodings = {s.encode("utf-8") for s in forbidden}
    encodings |= {base64.b64decode(s) for s in forbidden if _is_b64(s) and len(s) >= 16}
    for secret in encodings:
        assert not any(secret in blob for blob in blobs)
    assert len(blobs) > 5


def _is_b64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
        return True
    except ValueError:
        return False


def test_stored_hash_is_scrypt_with_its_own_cost_and_salt(seeded):
    first, _, _ = seeded.wb.store.users.credentials(seeded["writer"].id)
    second, _, _ = seeded.wb.store.users.credentials(seeded["writer2"].id)
    scheme, n, r, p, salt, key = first.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", crypto.SCRYPT_N, 8, 1)
    assert salt != second.split("$")[4] and first != second  # same password, different hash
    assert len(base64.b64decode(key)) == 32
    assert crypto.check_password("x\ud800y", first) is False  # a mangled password is just wrong
