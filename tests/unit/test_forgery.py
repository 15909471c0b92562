"""Forgery with a database editor: what a colleague with write access to the file can try.

The attacker here knows everything in the file and has our code: they can drop the triggers,
recompute every digest and re-hash the whole audit chain. What they lack is a private key,
sealed under its owner's password. `verify` must still catch them.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.digest import canonical_json, package_digest
from interpreter_app.domain.errors import AuthError, WorkflowError
from interpreter_app.services import crypto
from interpreter_app.store.audit import GENESIS, append_event, event_hash
from interpreter_app.store.store import Store
from tests.factories import PASSWORD, complete_package, released_package, signed_package

ATTACKER_PASSWORD = "attacker-1234"


def drop_guards(conn: sqlite3.Connection) -> None:
    """Drop the append-only and frozen triggers (the search-index triggers stay)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name NOT LIKE 'search_text_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


def rehash_chain(conn: sqlite3.Connection) -> None:
    """Recompute every link of the audit chain, as a forger who changed details must."""
    prev = GENESIS
    for row in conn.execute("SELECT id, at, actor_id, package_id, action, detail FROM audit "
                            "ORDER BY id").fetchall():
        digest = event_hash(prev, row[1], row[2], row[3], row[4], row[5])
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
        prev = digest


def rewrite_content_and_signoff(path, package_id: int) -> None:
    """Change the signed text and make every digest, snapshot, sign-off and event agree."""
    store = Store(path)
    conn = store.conn
    drop_guards(conn)
    old = store.packages.stored_digest(package_id)
    conn.execute("BEGIN")
    conn.execute("UPDATE documents SET body = replace(body, '1500', '1600') WHERE package_id = ?",
                 (package_id,))
    package = store.packages.get(package_id)
    new = store.packages.refresh_derived(package_id, package.updated_at)
    conn.execute("UPDATE revisions SET snapshot = ?, digest = ? WHERE package_id = ? AND digest = ?",
                 (canonical_json(package), new, package_id, old))
    conn.execute("UPDATE signoffs SET digest = ?, opinion = '同意（已核）' WHERE package_id = ?",
                 (new, package_id))
    conn.execute("UPDATE audit SET detail = replace(detail, ?, ?)", (old, new))
    rehash_chain(conn)
    conn.execute("COMMIT")
    store.close()


@pytest.mark.parametrize("state", [workflow.SIGNED, workflow.RELEASED])
def test_rewritten_signoff_with_recomputed_digests_and_chain_is_caught(seeded, state):
    build = signed_package if state == workflow.SIGNED else released_package
    pkg = build(seeded)
    rewrite_content_and_signoff(seeded.path, pkg.id)
    report = seeded.wb.verify()
    # Chain, digests and snapshots were all made to agree: only the signature gives it away.
    assert len(report.problems) == 1, report.problems
    assert "数字签名无效" in report.problems[0] and f"解读包 {pkg.id}" in report.problems[0]
    if state == workflow.SIGNED:
        with pytest.raises(WorkflowError, match="数字签名"):
            seeded.wb.review.release(seeded["writer"], pkg.id)


def awaiting_signoff(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], pkg.id)
    seeded.wb.review.pass_review(seeded["reviewer"], pkg.id)
    return pkg


def test_signoff_for_a_leader_who_never_signed_with_a_planted_key_is_caught(seeded):
    """The forger plants a key and password of their own for leader2 and signs with our code."""
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
    report = wb.verify()
    assert any("没有颁发记录" in p and "leader2" in p for p in report.problems), report.problems


def test_public_key_swapped_in_place_is_caught(seeded):
    """The forger replaces the leader's public key by their own and re-signs the sign-off."""
    pkg = signed_package(seeded)
    conn = sqlite3.connect(seeded.path)
    drop_guards(conn)
    public, sealed = crypto.new_signing_key(ATTACKER_PASSWORD)
    raw = crypto.unseal(sealed, ATTACKER_PASSWORD)
    key_id, signoff = conn.execute("SELECT key_id, id FROM signoffs WHERE package_id = ?",
                                   (pkg.id,)).fetchone()
    conn.execute("UPDATE user_keys SET public_key = ? WHERE id = ?", (public, key_id))
    (so,) = seeded.wb.store.records.signoffs(pkg.id)
    message = crypto.signoff_message(so.package_id, so.revision, so.digest, so.signer_id,
                                     so.signed_at, so.opinion, so.on_behalf_of)
    conn.execute("UPDATE signoffs SET signature = ? WHERE id = ?", (crypto.sign(raw, message),
                                                                    signoff))
    conn.commit()
    report = seeded.wb.verify()
    assert report.problems and all("公钥被替换" in p for p in report.problems), report.problems


def forge_signoff(store: Store, package_id: int, signer, key_id: int, raw_private: bytes,
                  at: str) -> None:
    """Write a sign-off exactly as the application would, with a key the forger holds."""
    package = store.packages.get(package_id)
    digest = package_digest(package)
    with store.transaction():
        snap = store.records.add_revision(package_id, package.revision, "sign", at, signer.id,
                                          digest, canonical_json(package))
        decision = store.records.add_decision(package_id, package.revision, "sign", signer.id,
                                              signer.display_name, at, "同意")
        message = crypto.signoff_message(package_id, package.revision, digest, signer.id, at,
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


def test_signature_with_a_retired_key_after_its_retirement_is_caught(seeded):
    """A leaked old password must not sign new packages, even though the old key still verifies."""
    wb, leader = seeded.wb, seeded["leader"]
    old_key_id, _, old_sealed = wb.store.users.active_key(leader.id)
    leaked = crypto.unseal(old_sealed, PASSWORD)  # taken before the reset, say
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    assert wb.store.conn.execute("SELECT private_key_enc FROM user_keys WHERE id = ?",
                                 (old_key_id,)).fetchone()[0] == ""  # wiped at retirement
    pkg = awaiting_signoff(seeded)
    forge_signoff(wb.store, pkg.id, leader, old_key_id, leaked, wb.clock())
    report = wb.verify()
    assert any("并未颁发给签发人" in p for p in report.problems), report.problems


def test_application_signoffs_pass_every_key_check(seeded):
    wb = seeded.wb
    released_package(seeded)
    wb.accounts.reset_password(seeded["admin"], "leader", "Reset-1234")
    signed_package_after = awaiting_signoff(seeded)
    wb.review.sign(seeded["leader"], signed_package_after.id, "Reset-1234")
    wb.review.sign(seeded["leader2"], awaiting_signoff(seeded).id, PASSWORD, on_behalf_of="用户leader")
    report = wb.verify()
    assert report.ok, report.problems
    assert report.signoffs == 3 and report.keys == 5  # leader (twice), leader2, multi, leader_b


def test_events_written_before_keys_were_named_still_verify(seeded):
    """Databases from before fingerprints were logged: the issuing event is matched by time."""
    signed_package(seeded)
    conn = sqlite3.connect(seeded.path)
    drop_guards(conn)
    for event_id, detail in conn.execute("SELECT id, detail FROM audit WHERE action IN "
                                         "('user_created', 'password_reset')").fetchall():
        data = json.loads(detail)
        data.pop("key_id", None)
        data.pop("key_fingerprint", None)
        conn.execute("UPDATE audit SET detail = ? WHERE id = ?",
                     (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                      event_id))
    rehash_chain(conn)
    conn.commit()
    assert seeded.wb.verify().ok


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
