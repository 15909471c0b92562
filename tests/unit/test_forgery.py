"""Forgery with a database editor: what a colleague with write access to the file can try.

The attacker here knows everything in the file and has our code: they can drop the triggers,
recompute every digest, re-hash the whole audit chain, plant keys and write rows exactly as the
application would. What they lack is a private key: the department's root key, sealed under the
administrator's password, and each user's key, sealed under that user's password. Every attack
of issue 14 is written out here, and each must make `verify` exit 1 naming what broke (or make
`release` refuse).
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from interpreter_app.cli import main
from interpreter_app.domain import signatures as sig
from interpreter_app.domain import trust, workflow
from interpreter_app.domain.digest import canonical_json, package_digest
from interpreter_app.domain.errors import AuthError, WorkflowError
from interpreter_app.domain.signoffs import signoff_message
from interpreter_app.services import crypto
from interpreter_app.store.audit import GENESIS, append_event, event_hash
from interpreter_app.store.store import Store
from interpreter_app.store.trust import expected_schema_objects
from tests.factories import PASSWORD, complete_package, released_package, signed_package

ATTACKER_PASSWORD = "attacker-1234"


# -- the attacker's tools: SQL and our own library -----------------------------------------------

def drop_guards(conn: sqlite3.Connection) -> None:
    """Drop the append-only and frozen triggers (the search-index triggers stay)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name NOT LIKE 'search_text_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


def restore_guards(conn: sqlite3.Connection) -> None:
    """Put every dropped trigger back exactly as the migrations made it: no trace in the schema."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for (kind, name), sql in expected_schema_objects().items():
        if kind == "trigger" and name not in present:
            conn.execute(sql)


def rehash_chain(conn: sqlite3.Connection) -> None:
    """Recompute every link of the audit chain, as a forger who changed details must."""
    prev = GENESIS
    for row in conn.execute("SELECT id, at, actor_id, package_id, action, detail FROM audit "
                            "ORDER BY id").fetchall():
        digest = event_hash(prev, row[1], row[2], row[3], row[4], row[5])
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev = digest


def tamper(path, *statements: tuple[str, tuple]) -> None:
    """Run SQL behind the application's back, guards dropped and then put back."""
    conn = sqlite3.connect(path)
    drop_guards(conn)
    for sql, params in statements:
        conn.execute(sql, params)
    restore_guards(conn)
    conn.commit()
    conn.close()


def verify_cli(path, capsys, *extra: str) -> tuple[int, str]:
    """`interpreter-cli verify` as anyone would run it: exit code and output."""
    capsys.readouterr()
    code = main(["--db", str(path), "verify", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_caught(path, capsys, *words: str) -> str:
    """verify exits 1 and one finding line names every word."""
    code, out = verify_cli(path, capsys)
    assert code == 1, out
    lines = [line for line in out.splitlines() if all(w in line for w in words)]
    assert lines, out
    return out


def awaiting_signoff(seeded, writer="writer"):
    pkg = complete_package(seeded.wb, seeded[writer])
    seeded.wb.review.submit(seeded[writer], pkg.id)
    seeded.wb.review.pass_review(seeded["reviewer"], pkg.id)
    return pkg


def forge_signoff(store: Store, package_id: int, signer, key_id: int, raw_private: bytes,
                  at: str, serial: int) -> None:
    """Write a sign-off exactly as the application would, with a key the forger holds."""
    package = store.packages.get(package_id)
    digest = package_digest(package)
    with store.transaction():
        snap = store.records.add_revision(package_id, package.revision, "sign", at, signer.id,
                                          digest, canonical_json(package))
        last = store.trust.last_decision(package_id)
        statement = trust.make(trust.decision(
            package_id, package.revision, "sign", digest, signer.id, serial, "leader",
            package.department_id, package.authors, "同意", at, last.hash if last else "",
            on_behalf_of=""), raw_private)
        decision = store.records.add_decision(package_id, package.revision, "sign", signer.id,
                                              signer.display_name, at, "同意", statement)
        message = signoff_message(package_id, package.revision, digest, signer.id, at,
                                         "同意", "")
        sid = store.records.add_signoff(package_id, package.revision, snap, decision, digest,
                                        signer.id, signer.display_name, signer.title, "同意", at,
                                        "", key_id, crypto.sign(raw_private, message))
        append_event(store.conn, at, signer.id, package_id, "signoff",
                     {"signoff_id": sid, "digest": digest, "revision": package.revision,
                      "on_behalf_of": ""})
        store.packages.set_state(package_id, workflow.AWAITING_SIGNOFF, workflow.SIGNED, at)
        append_event(store.conn, at, signer.id, package_id, "sign",
                     {"from": workflow.AWAITING_SIGNOFF, "to": workflow.SIGNED, "reason": "同意",
                      "digest": digest, "revision": package.revision})


def plant_key(store: Store, user, public: str, sealed: str, at: str) -> int:
    """A key row for the user plus the password_reset event naming it: inserts only."""
    with store.transaction():
        key_id = store.conn.execute(
            "INSERT INTO user_keys (user_id, public_key, private_key_enc, created_at)"
            " VALUES (?, ?, ?, ?)", (user.id, public, sealed, at)).lastrowid
        append_event(store.conn, at, None, None, "password_reset", {
            "user": user.username, "key_id": key_id,
            "key_fingerprint": crypto.key_fingerprint(public)})
    return key_id


# -- 1. a leader's sign-off forged with inserts only ------------------------------------------------

def test_signoff_forged_with_inserts_only_is_caught_and_refused_at_release(seeded, capsys):
    """Plant a key for the leader with a password_reset event, sign with it, then re-add the
    leader's own key the same way so that his password keeps working."""
    wb, leader = seeded.wb, seeded["leader"]
    pkg = awaiting_signoff(seeded)
    _, own_public, own_sealed = wb.store.users.active_key(leader.id)
    public, sealed = crypto.new_signing_key(ATTACKER_PASSWORD)
    raw = crypto.unseal(sealed, ATTACKER_PASSWORD)
    at = wb.clock()
    key_id = plant_key(wb.store, leader, public, sealed, at)
    serial = wb.store.trust.current_certificate(leader.id).serial  # the real one, to pass as his
    forge_signoff(wb.store, pkg.id, leader, key_id, raw, at, serial)
    plant_key(wb.store, leader, own_public, own_sealed, wb.clock())
    assert crypto.unseal(wb.store.users.active_key(leader.id)[2], PASSWORD)  # he notices nothing
    with pytest.raises(WorkflowError, match="证书校验"):
        wb.review.release(seeded["writer"], pkg.id)
    out = assert_caught(seeded.path, capsys, "leader", "没有根密钥颁发的证书")
    assert "数字签名无效" in out


def test_signoff_with_a_key_and_password_of_ones_own_is_caught(seeded, capsys):
    """The forger sets his own password and key for leader2, signs with our code, puts the
    password hash back."""
    wb, leader2 = seeded.wb, seeded["leader2"]
    pkg = awaiting_signoff(seeded)
    original_hash = wb.store.users.credentials(leader2.id)[0]
    conn = sqlite3.connect(seeded.path)
    public, sealed = crypto.new_signing_key(ATTACKER_PASSWORD)
    conn.execute("UPDATE user_keys SET retired_at = '2026-01-01T00:00:00+08:00' WHERE user_id = ?",
                 (leader2.id,))
    conn.execute("INSERT INTO user_keys (user_id, public_key, private_key_enc, created_at) "
                 "VALUES (?, ?, ?, '2026-01-01T00:00:00+08:00')", (leader2.id, public, sealed))
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?",
                 (crypto.hash_password(ATTACKER_PASSWORD), leader2.id))
    conn.commit()
    wb.review.sign(leader2, pkg.id, ATTACKER_PASSWORD, "同意")  # a perfect chain, appended
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (original_hash, leader2.id))
    conn.commit()
    out = assert_caught(seeded.path, capsys, "leader2", "没有根密钥颁发的证书")
    assert "没有颁发记录" in out


# -- 2. a released package's history rewritten ------------------------------------------------------

def rewrite_released(path, package_id: int, leader_id: int) -> None:
    """Change the text, recompute digests and snapshots, swap the leader's key, re-sign the
    sign-off and every decision, re-hash the chain, restore the triggers and the real key."""
    store = Store(path)
    conn = store.conn
    drop_guards(conn)
    old = store.packages.stored_digest(package_id)
    (key_id, real_public) = conn.execute("SELECT id, public_key FROM user_keys WHERE user_id = ?"
                                         " AND retired_at = ''", (leader_id,)).fetchone()
    public, sealed = crypto.new_signing_key(ATTACKER_PASSWORD)
    raw = crypto.unseal(sealed, ATTACKER_PASSWORD)
    conn.execute("BEGIN")
    conn.execute("UPDATE user_keys SET public_key = ? WHERE id = ?", (public, key_id))
    conn.execute("UPDATE documents SET body = replace(body, '1500', '1600') WHERE package_id = ?",
                 (package_id,))
    package = store.packages.get(package_id)
    new = store.packages.refresh_derived(package_id, package.updated_at)
    conn.execute("UPDATE revisions SET snapshot = ?, digest = ? WHERE package_id = ? AND digest = ?",
                 (canonical_json(package), new, package_id, old))
    for sid, rev, signer, at, opinion, behalf in conn.execute(
            "SELECT id, revision, signer_id, signed_at, opinion, on_behalf_of FROM signoffs"
            " WHERE package_id = ?", (package_id,)).fetchall():
        message = signoff_message(package_id, rev, new, signer, at, opinion, behalf)
        conn.execute("UPDATE signoffs SET digest = ?, signature = ? WHERE id = ?",
                     (new, crypto.sign(raw, message), sid))
    prev = ""
    for did, body in conn.execute("SELECT id, signed FROM decisions WHERE package_id = ?"
                                  " ORDER BY id", (package_id,)).fetchall():
        data = json.loads(body) | {"digest": new, "prev": prev}
        statement = trust.make(data, raw)
        conn.execute("UPDATE decisions SET signed = ?, signature = ? WHERE id = ?",
                     (statement.body, statement.signature, did))
        prev = statement.hash
    conn.execute("UPDATE audit SET detail = replace(detail, ?, ?)", (old, new))
    rehash_chain(conn)
    conn.execute("UPDATE user_keys SET public_key = ? WHERE id = ?", (real_public, key_id))
    restore_guards(conn)
    conn.execute("COMMIT")
    store.close()


@pytest.mark.parametrize("state", [workflow.SIGNED, workflow.RELEASED])
def test_rewritten_history_with_recomputed_digests_chain_and_signatures_is_caught(
        seeded, capsys, state):
    build = signed_package if state == workflow.SIGNED else released_package
    pkg = build(seeded)
    rewrite_released(seeded.path, pkg.id, seeded["leader"].id)
    out = assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "数字签名无效")
    assert "数据库缺少触发器" not in out  # the guards are back: only signatures give it away
    if state == workflow.SIGNED:
        with pytest.raises(WorkflowError, match="数字签名"):
            seeded.wb.review.release(seeded["writer"], pkg.id)


def test_rewritten_history_is_also_caught_by_the_chain_this_machine_saw(seeded, capsys):
    pkg = released_package(seeded)
    assert verify_cli(seeded.path, capsys)[0] == 0  # the release was seen here
    rewrite_released(seeded.path, pkg.id, seeded["leader"].id)
    assert_caught(seeded.path, capsys, "与本机上次看到的不同")


# -- 3. single-row edits ----------------------------------------------------------------------------

def test_signer_name_and_title_changed_in_the_signoff_row_are_caught(seeded, capsys):
    pkg = signed_package(seeded)
    tamper(seeded.path, ("UPDATE signoffs SET signer_name = '某某', signer_title = '省长'"
                         " WHERE package_id = ?", (pkg.id,)))
    assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "签发人姓名、签发人职务")
    # The name people read comes from the certificate, never from the free column.
    shown = seeded.wb.review.signoffs(seeded["writer"], pkg.id)[-1]
    assert (shown.signer_name, shown.signer_title) == ("用户leader", "厅长")


def test_reviewers_pass_attributed_to_someone_else_is_caught(seeded, capsys):
    pkg = signed_package(seeded)
    other = seeded["leader2"]
    tamper(seeded.path, ("UPDATE decisions SET actor_id = ?, actor_name = ? WHERE package_id = ?"
                         " AND action = 'pass'", (other.id, other.display_name, pkg.id)))
    assert_caught(seeded.path, capsys, "核稿通过", "决定人", "与决定人的签名不符")


def test_moved_release_time_is_caught(seeded, capsys):
    pkg = released_package(seeded)
    moved = "2026-01-05T09:00:00+08:00"
    tamper(seeded.path, *[(f"UPDATE {t} SET released_at = ? WHERE package_id = ?", (moved, pkg.id))
                          for t in ("packages", "documents", "plans", "materials")
                          if t != "packages"],
           ("UPDATE packages SET released_at = ? WHERE id = ?", (moved, pkg.id)))
    assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "发布时间与发布决定不符")


def test_author_removed_after_submit_to_sign_his_own_package_is_caught(seeded, capsys):
    """'multi' writes the package, the row saying so goes, and he signs it in the application."""
    wb, multi = seeded.wb, seeded["multi"]
    pkg = awaiting_signoff(seeded, writer="multi")
    tamper(seeded.path, ("DELETE FROM package_authors WHERE package_id = ? AND user_id = ?",
                         (pkg.id, multi.id)))
    wb.review.sign(multi, pkg.id, PASSWORD)  # the application no longer knows he wrote it
    out = assert_caught(seeded.path, capsys, "签发", "作者名单与前一个决定不符")
    assert "缺少曾编辑它的用户" in out


def test_author_removed_before_submit_is_caught_by_the_edit_record(seeded, capsys):
    wb, multi = seeded.wb, seeded["multi"]
    pkg = complete_package(wb, multi)
    tamper(seeded.path, ("DELETE FROM package_authors WHERE package_id = ? AND user_id = ?",
                         (pkg.id, multi.id)))
    wb.review.submit(seeded["writer"], pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(multi, pkg.id, PASSWORD)
    assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "缺少曾编辑它的用户", str(multi.id))


def test_package_moved_to_another_department_for_its_leader_to_sign_and_back_is_caught(
        seeded, capsys):
    wb = seeded.wb
    pkg = awaiting_signoff(seeded)
    # The other department's issuer codes are widened too, so that its checks pass.
    tamper(seeded.path, ("UPDATE packages SET department_id = ? WHERE id = ?",
                         (seeded.dept_b, pkg.id)),
           ("UPDATE departments SET code = code || '、江人社发' WHERE id = ?", (seeded.dept_b,)))
    wb.review.sign(seeded["leader_b"], pkg.id, PASSWORD)
    tamper(seeded.path, ("UPDATE packages SET department_id = ? WHERE id = ?",
                         (seeded.dept_a, pkg.id)))
    assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "所属部门与其签名的决定不符")


def test_admin_role_granted_in_the_users_table_is_caught(seeded, capsys):
    writer = seeded["writer"]
    tamper(seeded.path, ("UPDATE users SET roles = 'admin,writer' WHERE id = ?", (writer.id,)))
    assert_caught(seeded.path, capsys, "writer", "角色与其证书不符")


def test_leaders_department_changed_in_the_users_table_is_caught(seeded, capsys):
    tamper(seeded.path, ("UPDATE users SET department_id = ? WHERE username = 'leader_b'",
                         (seeded.dept_a,)))
    assert_caught(seeded.path, capsys, "leader_b", "所属部门与其证书不符")


@pytest.mark.parametrize("trigger", ["audit_no_delete", "signoffs_no_update", "documents_frozen",
                                     "certificates_no_update"])
def test_guard_trigger_dropped_and_left_dropped_is_caught(seeded, capsys, trigger):
    conn = sqlite3.connect(seeded.path)
    conn.execute(f"DROP TRIGGER {trigger}")
    conn.commit()
    assert_caught(seeded.path, capsys, "缺少触发器", trigger)


def test_guard_trigger_replaced_by_one_that_lets_everything_through_is_caught(seeded, capsys):
    conn = sqlite3.connect(seeded.path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 = 1"
                 " BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END")
    conn.execute("CREATE VIEW cover AS SELECT 1")
    conn.commit()
    out = assert_caught(seeded.path, capsys, "触发器 audit_no_update", "不一致")
    assert "视图 cover" in out


def test_tail_of_the_audit_chain_deleted_to_undo_a_release_is_caught(seeded, capsys):
    pkg = released_package(seeded)
    assert verify_cli(seeded.path, capsys)[0] == 0  # this machine saw the release
    conn = sqlite3.connect(seeded.path)
    (sign_event,) = conn.execute("SELECT max(id) FROM audit WHERE action = 'sign'").fetchone()
    seen = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    conn.close()
    tamper(seeded.path,
           ("DELETE FROM audit WHERE id > ?", (sign_event,)),
           ("DELETE FROM decisions WHERE package_id = ? AND action = 'release'", (pkg.id,)),
           ("DELETE FROM revisions WHERE package_id = ? AND kind = 'release'", (pkg.id,)),
           ("UPDATE packages SET state = 'signed', released_at = '' WHERE id = ?", (pkg.id,)),
           *[(f"UPDATE {t} SET released_at = '' WHERE package_id = ?", (pkg.id,))
             for t in ("documents", "plans", "materials")])
    out = assert_caught(seeded.path, capsys, f"最近一次在本机看到的记录为第 {seen} 条",
                        f"现在只有 {sign_event} 条")
    assert "未发现问题" not in out
    # The record keeps the longer history: verifying again does not make the gap disappear.
    assert verify_cli(seeded.path, capsys)[0] == 1


def test_a_key_planted_by_sql_is_rejected_by_verify(seeded, capsys):
    public, sealed = crypto.new_signing_key(ATTACKER_PASSWORD)
    plant_key(seeded.wb.store, seeded["reviewer"], public, sealed, seeded.wb.clock())
    assert_caught(seeded.path, capsys, "reviewer", "没有根密钥颁发的证书")


def test_public_key_swapped_in_place_is_caught(seeded, capsys):
    pkg = signed_package(seeded)
    public, _ = crypto.new_signing_key(ATTACKER_PASSWORD)
    tamper(seeded.path, ("UPDATE user_keys SET public_key = ? WHERE user_id = ?",
                         (public, seeded["leader"].id)))
    out = assert_caught(seeded.path, capsys, "公钥被替换")
    assert f"解读包 {pkg.id}" in out


def test_signature_with_a_retired_key_after_its_retirement_is_caught(seeded, capsys):
    """A leaked old password must not sign new packages, even though the old key still verifies."""
    wb, leader = seeded.wb, seeded["leader"]
    old_key_id, _, old_sealed = wb.store.users.active_key(leader.id)
    old_serial = wb.store.trust.current_certificate(leader.id).serial
    leaked = crypto.unseal(old_sealed, PASSWORD)  # taken before the reset, say
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    assert wb.store.conn.execute("SELECT private_key_enc FROM user_keys WHERE id = ?",
                                 (old_key_id,)).fetchone()[0] == ""  # wiped at retirement
    pkg = awaiting_signoff(seeded)
    forge_signoff(wb.store, pkg.id, leader, old_key_id, leaked, wb.clock(), old_serial)
    with pytest.raises(WorkflowError, match="吊销"):
        wb.review.release(seeded["writer"], pkg.id)
    assert_caught(seeded.path, capsys, f"解读包 {pkg.id}", "已被吊销或替换")


def test_root_replaced_by_one_of_the_forgers_own_is_refused_where_it_was_pinned(seeded, capsys):
    """Without the root's password the forger can only bring a root of his own, re-certify
    everyone and re-sign everything; the fingerprint pinned on this machine gives it away."""
    seeded.wb.trust.pin("江海省人社厅")
    signed_package(seeded)
    raw, public = sig.new_key()
    events = seeded.wb.store.audit_events()
    statement = trust.make(trust.root_statement(
        public, "2026-01-01T00:00:00+08:00", "admin", decisions=0, signoffs=0, keys=0,
        events=len(events), head=events[-1].hash), raw)
    tamper(seeded.path, ("DELETE FROM trust_root", ()),
           ("INSERT INTO trust_root (id, public_key, statement, signature, created_at)"
            " VALUES (1, ?, ?, ?, '')", (public, statement.body, statement.signature)))
    assert_caught(seeded.path, capsys, "不是本机信任的根密钥")


def test_root_removed_to_fall_back_to_unsigned_records_is_caught(seeded, capsys):
    assert verify_cli(seeded.path, capsys)[0] == 0
    tamper(seeded.path, ("DELETE FROM revocations", ()), ("DELETE FROM certificates", ()),
           ("DELETE FROM trust_root", ()))
    assert_caught(seeded.path, capsys, "数据库没有信任根")


# -- what the application itself does passes --------------------------------------------------------

def test_application_decisions_pass_every_check(seeded, capsys):
    wb = seeded.wb
    released_package(seeded)
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    after = awaiting_signoff(seeded)
    wb.review.sign(seeded["leader"], after.id, "Reset-1234")
    wb.review.sign(seeded["leader2"], awaiting_signoff(seeded).id, PASSWORD, on_behalf_of="用户leader")
    returned = awaiting_signoff(seeded)
    wb.review.return_package(seeded["leader"], returned.id, "请补充")
    report = wb.verify()
    assert report.ok, report.problems
    assert report.signoffs == 3 and report.signed_decisions == report.decisions
    code, out = verify_cli(seeded.path, capsys)
    assert code == 0 and "未发现问题" in out and "审计链头" in out


def test_events_written_before_keys_were_named_still_verify(seeded):
    """Databases from before fingerprints were logged (and before any root): the issuing event
    is matched by time."""
    signed_package(seeded)
    conn = sqlite3.connect(seeded.path)
    drop_guards(conn)
    for table in ("revocations", "certificates", "trust_root", "root_seals"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE decisions SET signed = '', signature = ''")
    for event_id, detail in conn.execute("SELECT id, detail FROM audit WHERE action IN "
                                         "('user_created', 'password_reset')").fetchall():
        data = json.loads(detail)
        data.pop("key_id", None)
        data.pop("key_fingerprint", None)
        conn.execute("UPDATE audit SET detail = ? WHERE id = ?",
                     (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                      event_id))
    rehash_chain(conn)
    restore_guards(conn)
    conn.commit()
    report = seeded.wb.verify()
    assert report.ok, report.problems


def test_password_change_reseals_the_key_and_the_old_password_opens_nothing(seeded):
    wb, leader = seeded.wb, seeded["leader"]
    key_id, public, sealed_before = wb.store.users.active_key(leader.id)
    raw = crypto.unseal(sealed_before, PASSWORD)
    wb.accounts.change_password(leader, PASSWORD, "N3w-password")
    same_id, same_public, sealed_after = wb.store.users.active_key(leader.id)
    assert (same_id, same_public) == (key_id, public)  # the same key, sealed anew
    assert crypto.unseal(sealed_after, PASSWORD) is None
    assert crypto.unseal(sealed_after, "N3w-password") == raw
    pkg = awaiting_signoff(seeded)
    with pytest.raises(AuthError):
        wb.review.sign(leader, pkg.id, PASSWORD)
    wb.review.sign(leader, pkg.id, "N3w-password")
    assert wb.verify().ok
