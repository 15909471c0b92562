"""Several desks on one PostgreSQL server: races, stale saves, the audit chain, roles, drops."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from interpreter_app.domain import workflow
from interpreter_app.domain.errors import AppError, ConflictError, StorageError
from interpreter_app.services.workbench import Workbench
from interpreter_app.store.pg import PgConnection
from interpreter_app.store.store import Store
from tests.factories import PASSWORD, complete_package, seed, signed_package
from tests.support import pg

ROLES_SQL = Path(__file__).resolve().parents[2] / "packaging" / "server" / "roles.sql"


@pytest.fixture
def desks(pg_url):
    """The seeded data on desk one, and a second desk (its own connection) on the same server."""
    data = seed(pg_url)
    other = Workbench.open(pg_url)
    yield data, other
    other.close()
    data.wb.close()


def race(*calls):
    """Run the calls at once on their own threads; ('ok', result) or ('refused', error) each."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = ("ok", call())
        except AppError as exc:
            results[index] = ("refused", exc)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def awaiting_signoff(data) -> int:
    pkg = complete_package(data.wb, data["writer"])
    data.wb.review.submit(data["writer"], pkg.id)
    data.wb.review.pass_review(data["reviewer"], pkg.id)
    return pkg.id


def test_two_desks_racing_sign_and_return_never_both_win(desks):
    data, other = desks
    for _ in range(4):
        pid = awaiting_signoff(data)
        results = race(lambda pid=pid: data.wb.review.sign(data["leader"], pid, PASSWORD, "同意"),
                       lambda pid=pid: other.review.return_package(data["leader2"], pid, "请修改"))
        assert sorted(r[0] for r in results) == ["ok", "refused"], results
        state = data.wb.store.packages.get(pid).state
        assert state == (workflow.SIGNED if results[0][0] == "ok" else workflow.DRAFT)
        assert len(data.wb.store.records.decisions(pid)) == 3  # submit, pass, the winner
    assert data.wb.verify().ok


def test_two_desks_racing_release_release_it_once(desks):
    data, other = desks
    pkg = signed_package(data)
    results = race(lambda: data.wb.review.release(data["writer"], pkg.id),
                   lambda: other.review.release(data["writer2"], pkg.id))
    assert sorted(r[0] for r in results) == ["ok", "refused"]
    assert [r.kind for r in data.wb.store.records.revisions(pkg.id)].count("release") == 1


def _backend_waits_on_a_lock(admin_url: str, dbname: str, timeout: float = 10) -> bool:
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(admin_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            if conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                            " AND wait_event_type = 'Lock'", (dbname,)).fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def test_a_transition_waits_for_the_desk_that_holds_the_package(desks, pg_server):
    """Reading a package in a write transaction locks its row until commit (FOR UPDATE)."""
    data, other = desks
    pid = awaiting_signoff(data)
    outcome = []
    with data.wb.store.transaction():
        data.wb.store.packages.get(pid)  # desk one holds the row
        sign = threading.Thread(target=lambda: outcome.append(
            race(lambda: other.review.sign(data["leader"], pid, PASSWORD))[0]))
        sign.start()
        assert _backend_waits_on_a_lock(pg_server, other.store.db.url.rsplit("/", 1)[1])
        data.wb.store.packages.set_state(pid, workflow.AWAITING_SIGNOFF, workflow.DRAFT,
                                         data.wb.clock())
    sign.join(30)
    assert outcome[0][0] == "refused" and "状态" in str(outcome[0][1])
    assert data.wb.store.records.signoffs(pid) == []


def test_stale_save_from_another_desk_is_refused(desks):
    data, other = desks
    pkg = complete_package(data.wb, data["writer"])
    mine = replace(pkg.document, body=pkg.document.body + "\n四、附则")
    theirs = replace(pkg.document, body=pkg.document.body + "\n四、其他")
    data.wb.authoring.save_document(data["writer"], pkg.id, mine, pkg.document_version)
    with pytest.raises(ConflictError):
        other.authoring.save_document(data["writer2"], pkg.id, theirs, pkg.document_version)
    assert data.wb.store.packages.get(pkg.id).document.body == mine.body


def test_simultaneous_saves_of_one_version_let_exactly_one_through(desks):
    data, other = desks
    pkg = complete_package(data.wb, data["writer"])
    results = race(*[
        lambda wb=wb, n=n: wb.authoring.save_document(
            data["writer"], pkg.id, replace(pkg.document, body=f"{pkg.document.body}\n{n}"),
            pkg.document_version)
        for n, wb in enumerate((data.wb, other))])
    assert sorted(r[0] for r in results) == ["ok", "refused"]
    assert isinstance(next(r[1] for r in results if r[0] == "refused"), ConflictError)


def test_concurrent_audit_appends_never_fork_the_chain(desks, pg_url):
    data, _other = desks
    desks_n, rounds = 4, 6
    packages = [complete_package(data.wb, data["writer"]).id for _ in range(desks_n)]
    workbenches = [Workbench.open(pg_url) for _ in range(desks_n)]
    try:
        results = race(*[
            lambda wb=wb, pid=pid: [wb.authoring.save_version(data["writer"], pid, f"第{i}稿")
                                    for i in range(rounds)]
            for wb, pid in zip(workbenches, packages, strict=True)])
    finally:
        for wb in workbenches:
            wb.close()
    assert [r[0] for r in results] == ["ok"] * desks_n
    report = data.wb.verify()
    assert report.ok, report.problems
    events = data.wb.store.audit_events()
    assert sum(e.action == "save_version" for e in events) == desks_n * rounds
    assert len({e.prev_hash for e in events}) == len(events)


def test_the_server_refuses_a_second_successor_in_the_audit_chain(desks):
    data, _other = desks
    last = data.wb.store.audit_events()[-1]
    with pytest.raises(sqlite3.IntegrityError, match="audit_one_successor"), \
            data.wb.store.transaction():
        data.wb.store.conn.execute(
            "INSERT INTO audit (id, at, action, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
            (last.id + 1, last.at, "forged", last.prev_hash, "f" * 64))


def test_search_reads_the_pairs_index_even_for_a_term_in_every_package(desks):
    """A sequential scan would decompress every package's pairs (hundreds of ms)."""
    data, _other = desks
    wb, writer = data.wb, data["writer"]
    for _ in range(3):
        complete_package(wb, writer)
    plan = "\n".join(r[0] for r in wb.store.conn.execute(
        "EXPLAIN SELECT package_id FROM search_grams WHERE grams @> CAST(? AS text[])",
        (["通知"],)))
    assert "Seq Scan" in plan  # what the planner would do by itself on a small table
    inside = wb.store.conn.execute("SELECT count(*) FROM search_pairs(CAST(? AS text[]))",
                                   (["通知"],)).fetchone()[0]
    assert inside == 3
    prosettings = wb.store.conn.execute(
        "SELECT proconfig FROM pg_proc WHERE proname = 'search_pairs'").fetchone()[0]
    assert prosettings == ["enable_seqscan=off"]


def _terminate(admin_url: str, wb: Workbench) -> None:
    pid = wb.store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    pg.admin_execute(admin_url, f"SELECT pg_terminate_backend({pid})")


def test_a_dropped_connection_reconnects_by_itself(desks, pg_server):
    data, _other = desks
    pkg = complete_package(data.wb, data["writer"])
    _terminate(pg_server, data.wb)
    assert data.wb.listing.counts(data["writer"])["mine"] == 1  # a read reconnects
    _terminate(pg_server, data.wb)
    saved = data.wb.authoring.save_document(  # so does the next transaction
        data["writer"], pkg.id, replace(pkg.document, body="新内容"), pkg.document_version)
    assert saved.version == pkg.document_version + 1


def test_a_connection_dropped_mid_save_saves_nothing_and_the_retry_saves_once(
        desks, pg_server, monkeypatch):
    data, _other = desks
    wb = data.wb
    pkg = complete_package(wb, data["writer"])
    doc = replace(pkg.document, body=pkg.document.body + "\n四、附则")
    real = wb.store.packages.refresh_derived

    def dropped(*args, **kwargs):
        _terminate(pg_server, wb)
        return real(*args, **kwargs)

    monkeypatch.setattr(wb.store.packages, "refresh_derived", dropped)
    with pytest.raises(StorageError, match="连接中断"):
        wb.authoring.save_document(data["writer"], pkg.id, doc, pkg.document_version)
    monkeypatch.setattr(wb.store.packages, "refresh_derived", real)
    assert wb.store.packages.get(pkg.id).document_version == pkg.document_version
    result = wb.authoring.save_document(data["writer"], pkg.id, doc, pkg.document_version)
    assert result.version == pkg.document_version + 1
    events = [e for e in wb.store.audit_events(pkg.id) if e.action == "edit_document"]
    assert len(events) == 1 and wb.verify().ok


@pytest.fixture
def department_roles(pg_server):
    """The shipped role script run with fresh names: (owner address, app address)."""
    if shutil.which("psql") is None:
        pytest.skip("psql (PostgreSQL client) is not installed")
    owner, app, db = (pg.unique_name(p) for p in ("itest_owner", "itest_app", "itest_roles"))
    done = subprocess.run(["psql", "-X", "-q", "-v", f"owner={owner}", "-v", f"app={app}",
                           "-v", f"db={db}", "-f", str(ROLES_SQL), pg_server],
                          capture_output=True, text=True, timeout=60)
    try:
        assert done.returncode == 0, done.stderr
        yield pg.with_database(pg_server, db, owner), pg.with_database(pg_server, db, app)
    finally:
        pg.drop_database(pg_server, db)
        for role in (app, owner):
            pg.admin_execute(pg_server, f'DROP ROLE IF EXISTS "{role}"')


def test_the_application_role_cannot_change_or_delete_append_only_records(department_roles):
    owner_url, app_url = department_roles
    Store(owner_url).close()  # the owner creates the schema
    data = seed(app_url)  # every desk works as the application role
    try:
        pkg = signed_package(data)
        data.wb.review.release(data["writer"], pkg.id)
        conn = PgConnection(app_url)
        for table in ("revisions", "decisions", "signoffs", "audit"):
            for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}",
                              f"TRUNCATE {table}"):
                with pytest.raises(StorageError, match="权限"):
                    conn.execute(statement)
        with pytest.raises(Exception, match="owner|must be"):
            conn.execute("ALTER TABLE audit DISABLE TRIGGER USER")
        conn.execute("UPDATE packages SET due_date = due_date")  # working data stays writable
        conn.close()
        owner = PgConnection(owner_url)
        with pytest.raises(Exception, match="append-only"):
            owner.execute("UPDATE audit SET detail = '{}'")  # the triggers bind the owner too
        owner.close()
        assert data.wb.verify().ok
    finally:
        data.wb.close()


def test_the_application_role_cannot_migrate_or_create_tables(department_roles):
    owner_url, app_url = department_roles
    with pytest.raises(StorageError):
        Store(app_url)  # an empty database: the schema is the owner's to create
    Store(owner_url).close()
    conn = PgConnection(app_url)
    with pytest.raises(StorageError, match="权限"):
        conn.execute("CREATE TABLE intruder (x int)")
    conn.close()


def test_backup_and_restore_of_a_server_database_run_pg_dump_and_pg_restore(
        desks, pg_url, tmp_path, capsys):
    from interpreter_app.cli import main

    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore (PostgreSQL client) are not installed")
    data, _other = desks
    kept = complete_package(data.wb, data["writer"])
    assert main(["--db", pg_url, "backup", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "pg_dump --format=custom" in out
    dump = next(tmp_path.glob("*.dump"))
    later = complete_package(data.wb, data["writer"])
    data.wb.close()
    assert main(["--db", pg_url, "restore", str(dump)]) == 0
    assert "pg_restore" in capsys.readouterr().out
    wb = Workbench.open(pg_url)
    try:
        ids = wb.store.packages.ids()
        assert kept.id in ids and later.id not in ids
        assert wb.verify().ok
        report = wb.store.conn.execute(  # the server's guards came back with the data
            "SELECT count(*) FROM information_schema.triggers WHERE trigger_name LIKE"
            " '%append_only'").fetchone()[0]
        assert report >= 4
    finally:
        wb.close()
    data.wb = Workbench.open(pg_url)


def test_verify_on_the_server_names_a_disabled_guard(desks, pg_url):
    data, _other = desks
    assert data.wb.verify().ok
    conn = PgConnection(pg_url)
    conn.execute("ALTER TABLE signoffs DISABLE TRIGGER signoffs_append_only")
    conn.close()
    assert any("signoffs_append_only" in p for p in data.wb.verify().problems)


def test_a_server_database_of_every_earlier_version_migrates_to_the_current_one(pg_server):
    from interpreter_app.store.pg import PgDatabase
    from interpreter_app.store.pg_schema import server_migrations
    from interpreter_app.store.schema import SCHEMA_VERSION

    for stop in range(1, SCHEMA_VERSION):
        name = pg.unique_name("itest_old")
        url = pg.create_database(pg_server, name)
        try:
            old = PgDatabase(url, migrate=False)
            for version, _description, script in server_migrations()[:stop]:
                with old.transaction():
                    old._apply(version, script)
            assert old.schema_version() == stop
            old.close()
            data = seed(url)  # opening migrates
            try:
                assert data.wb.store.db.schema_version() == SCHEMA_VERSION
                assert signed_package(data).state == workflow.SIGNED
                assert data.wb.verify().ok
            finally:
                data.wb.close()
        finally:
            pg.drop_database(pg_server, name)
