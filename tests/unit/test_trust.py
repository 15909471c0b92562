"""The trust root and certificates as an administrator and users meet them: set-up, pins,
certification, password changes, older databases, and a one-line reason for each bad input."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain import signatures as sig
from interpreter_app.domain import trust
from interpreter_app.services import crypto, trust_files
from interpreter_app.services.workbench import Workbench
from interpreter_app.store.trust import expected_schema_objects
from tests.factories import PASSWORD, complete_package, released_package, signed_package

MIGRATIONS = Path(__file__).resolve().parents[1] / "data" / "migrations"


def run(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def root_key(wb: Workbench, admin_password: str = PASSWORD) -> bytes:
    """The root's private key, as the administrator can unseal it."""
    admin = wb.accounts.user("admin")
    return crypto.unseal(wb.store.trust.seal(admin.id), admin_password)


# -- set-up --------------------------------------------------------------------------------------

def test_init_makes_the_root_prints_the_fingerprint_and_pins_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("INTERPRETER_NEW_PASSWORD", PASSWORD)
    db = tmp_path / "new.db"
    code, out = run(capsys, "--db", str(db), "init")
    assert code == 0 and "部门根密钥指纹" in out
    pins = trust_files.read_pins()
    wb = Workbench.open(db)
    fp = wb.trust.fingerprint()
    wb.close()
    assert list(pins) == [fp] and sig.grouped(fp) in out
    code, out = run(capsys, "--db", str(db), "verify")
    assert code == 0 and f"信任根指纹：{sig.grouped(fp)}" in out and "本机未固定" not in out
    code, out = run(capsys, "--db", str(db), "trust", "show")
    assert code == 0 and "已包含本库根密钥" in out


def test_every_user_gets_a_certified_key_and_every_decision_is_signed(seeded):
    pkg = released_package(seeded)
    wb = seeded.wb
    for user in wb.accounts.users():
        cert = wb.store.trust.current_certificate(user.id)
        assert cert is not None and cert.cert.data["roles"] == sorted(user.roles)
    decisions = wb.store.trust.decisions_of(pkg.id)
    assert [d.action for d in decisions] == ["submit", "pass", "sign", "release"]
    assert all(d.signed.data["alg"] == sig.ED25519 for d in decisions)
    report = wb.verify()
    assert report.ok and report.signed_decisions == 4 and report.root == wb.trust.fingerprint()


def test_a_database_whose_root_differs_from_the_pinned_one_is_refused(seeded, capsys):
    trust_files.add_pin("ab" * 32, "另一部门")
    code, out = run(capsys, "--db", str(seeded.path), "verify")
    assert code == 1 and "不是本机信任的根密钥" in out
    code, _ = run(capsys, "--db", str(seeded.path), "verify", "--trust",
                  seeded.wb.trust.fingerprint())
    assert code == 0


def test_the_window_is_told_to_refuse_a_database_whose_root_is_not_pinned(seeded):
    assert seeded.wb.trust.pin_problem() is None  # nothing pinned on this machine yet
    seeded.wb.trust.pin("本部门")
    assert seeded.wb.trust.pin_problem() is None
    path = trust_files.trust_file()  # now only another department's root is pinned here
    path.write_text(("cd" * 32) + "  另一部门\n", "utf-8")
    assert "不在本机信任文件中" in seeded.wb.trust.pin_problem()


@pytest.mark.parametrize("value", ["1234", "not hex at all", "zz" * 32])
def test_a_wrong_trust_value_is_bad_input_in_one_line(seeded, capsys, value):
    code, out = run(capsys, "--db", str(seeded.path), "verify", "--trust", value)
    assert code == 2 and out.count("\n") == 1 and "--trust" in out


def test_a_broken_trust_file_is_bad_input(seeded, capsys, tmp_path):
    bad = tmp_path / "trust.txt"
    bad.write_text("这不是指纹\n", "utf-8")
    code, out = run(capsys, "--db", str(seeded.path), "verify", "--trust", str(bad))
    assert code == 2 and "无效的指纹" in out


def test_verify_json_shows_the_chain_head_and_root(seeded, capsys):
    signed_package(seeded)
    code, out = run(capsys, "--db", str(seeded.path), "--json", "verify")
    data = json.loads(out)
    assert code == 0 and data["chain_head"] == seeded.wb.store.audit_events()[-1].hash
    assert data["root_fingerprint"] == seeded.wb.trust.fingerprint()


# -- certificates over time ----------------------------------------------------------------------

def test_profile_change_recertifies_and_older_signoffs_keep_the_name_they_were_signed_under(seeded):
    wb = seeded.wb
    pkg = signed_package(seeded)
    leader = wb.accounts.user("leader")
    wb.accounts.update_user(seeded["admin"], replace(leader, title="省政府副秘书长"))
    report = wb.verify()
    assert report.ok, report.problems
    (shown,) = wb.review.signoffs(seeded["writer"], pkg.id)
    assert shown.signer_title == "厅长" and shown.certified


def test_password_reset_certifies_the_new_key_and_revokes_the_old_certificate(seeded):
    wb = seeded.wb
    before = wb.store.trust.current_certificate(seeded["leader"].id)
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    after = wb.store.trust.current_certificate(seeded["leader"].id)
    assert after.serial > before.serial and before.serial in wb.store.trust.revocations()
    assert wb.verify().ok


def test_administrators_password_change_reseals_the_root(seeded):
    wb = seeded.wb
    admin = seeded["admin"]
    raw = root_key(wb)
    wb.accounts.change_password(admin, PASSWORD, "N3w-admin-pass")
    assert crypto.unseal(wb.store.trust.seal(admin.id), "N3w-admin-pass") == raw
    assert crypto.unseal(wb.store.trust.seal(admin.id), PASSWORD) is None


def test_a_second_administrator_gets_a_sealed_copy_of_the_root(seeded):
    wb = seeded.wb
    wb.accounts.create_user(seeded["admin"], "admin2", "第二管理员", "Admin2-pass", None,
                            {"admin"}, all_departments=True)
    second = wb.accounts.user("admin2")
    assert crypto.unseal(wb.store.trust.seal(second.id), "Admin2-pass") == root_key(wb)


def test_expired_certificate_is_named(seeded, capsys):
    """A certificate made with an end date (by the administrator, with the root) runs out."""
    wb = seeded.wb
    raw = root_key(wb)
    writer = seeded["writer"]
    fp = wb.trust.fingerprint()
    key_id, public, _ = wb.store.users.active_key(writer.id)
    serial = wb.store.trust.next_serial()
    old = wb.store.trust.current_certificate(writer.id)
    with wb.store.transaction():
        wb.store.trust.add_revocation(old.serial, trust.make(trust.revocation(
            old.serial, fp, "2026-01-01T00:00:00+08:00", "superseded", 0), raw), "")
        cert = trust.certificate(serial, fp, trust.identity_of(old.cert.data), public, key_id,
                                 "2020-01-01T00:00:00+08:00", "2020-01-01T00:00:00+08:00",
                                 valid_until="2021-01-01T00:00:00+08:00")
        wb.store.trust.add_certificate(serial, writer.id, key_id, trust.make(cert, raw), "")
    wb.review.submit(writer, complete_package(wb, writer).id)
    code, out = run(capsys, "--db", str(seeded.path), "verify")
    assert code == 1 and "证书在决定时已过期" in out


def test_certificate_with_an_unknown_algorithm_is_named(seeded, capsys):
    conn = sqlite3.connect(seeded.path)
    conn.execute("DROP TRIGGER certificates_no_update")
    body, serial = conn.execute("SELECT body, serial FROM certificates ORDER BY serial DESC"
                                " LIMIT 1").fetchone()
    conn.execute("UPDATE certificates SET body = ? WHERE serial = ?",
                 (body.replace('"alg":"ed25519"', '"alg":"sm2"'), serial))
    conn.execute(expected_schema_objects()[("trigger", "certificates_no_update")])
    conn.commit()
    code, out = run(capsys, "--db", str(seeded.path), "verify")
    assert code == 1 and "不支持的签名算法“sm2”" in out


# -- older databases -----------------------------------------------------------------------------

@pytest.fixture(params=["v1", "v2"])
def older(request, tmp_path) -> tuple[Path, dict]:
    copy = tmp_path / "older.db"
    shutil.copyfile(MIGRATIONS / f"{request.param}.sqlite3", copy)
    return copy, json.loads((MIGRATIONS / f"{request.param}.json").read_text("utf-8"))


def test_older_database_verifies_with_a_note_until_the_administrator_logs_in(older, capsys):
    path, facts = older
    code, out = run(capsys, "--db", str(path), "verify")
    assert code == 0 and "尚未建立信任根" in out
    wb = Workbench.open(path)
    writer = wb.accounts.login("writer", facts["password"])  # enrolled: a key, no certificate yet
    wb.accounts.login("admin", facts["password"])  # the root is made, existing keys certified
    assert wb.trust.fingerprint()
    assert wb.store.trust.current_certificate(writer.id) is not None
    report = wb.verify()
    assert report.ok, report.problems
    assert any("签于建立信任根之前" in n for n in report.notes)
    reviewer = wb.accounts.login("reviewer", facts["password"])  # certified at once: root is open
    pid = next(p for p in wb.store.packages.ids()
               if wb.store.packages.get(p).title == "起草中的解读包")
    wb.review.submit(writer, pid)
    wb.review.pass_review(reviewer, pid)
    leader = wb.accounts.login("leader", facts["reset_password"])
    wb.review.sign(leader, pid, facts["reset_password"])
    wb.review.release(writer, pid)
    report = wb.verify()
    assert report.ok, report.problems
    wb.close()


def test_a_key_enrolled_while_the_root_is_locked_waits_for_certification(older, capsys,
                                                                          monkeypatch):
    path, facts = older
    wb = Workbench.open(path)
    wb.accounts.login("admin", facts["password"])
    wb.trust.keyring.clear()  # another session: the root is not unlocked here
    wb.accounts.login("writer_b", facts["password"])
    wb.close()
    code, out = run(capsys, "--db", str(path), "verify")
    assert code == 1 and "trust certify writer_b" in out
    monkeypatch.setenv("INTERPRETER_PASSWORD", facts["password"])
    code, out = run(capsys, "--db", str(path), "trust", "certify", "writer_b", "--as", "admin")
    assert code == 0, out
    assert run(capsys, "--db", str(path), "verify")[0] == 0


def test_verify_against_a_backup_and_after_restoring_it(seeded, tmp_path, capsys):
    backup = tmp_path / "monday.db"
    seeded.wb.store.backup_to(backup)
    released_package(seeded)
    assert run(capsys, "--db", str(seeded.path), "verify")[0] == 0
    code, out = run(capsys, "--db", str(seeded.path), "verify", "--against", str(backup))
    assert code == 0, out
    seeded.wb.close()
    assert run(capsys, "--db", str(seeded.path), "restore", str(backup))[0] == 0
    code, out = run(capsys, "--db", str(seeded.path), "verify")
    assert code == 0, out  # a deliberate restore is not taken for a truncated history
    seeded.wb = Workbench.open(seeded.path)


def test_rebuilding_the_demo_is_not_taken_for_a_rewritten_history(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    assert run(capsys, "--db", str(path), "verify")[0] == 0
    assert run(capsys, "--db", str(path), "demo", "--force")[0] == 0
    code, out = run(capsys, "--db", str(path), "verify")
    assert code == 0, out
