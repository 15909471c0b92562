"""One saved database per released schema version: each opens, migrates and verifies."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from interpreter_app.domain import workflow
from interpreter_app.services.workbench import Workbench
from interpreter_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "migrations"
SAVED = sorted(FIXTURES.glob("v*.sqlite3"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))


def version_of(path: Path) -> int:
    return int(re.fullmatch(r"v(\d+)", path.stem)[1])


@pytest.fixture(params=SAVED, ids=[p.stem for p in SAVED])
def saved(request, tmp_path) -> tuple[Path, dict, int]:
    """A working copy of one saved database, its facts and its schema version."""
    copy = tmp_path / "work.db"
    shutil.copyfile(request.param, copy)
    facts = json.loads(request.param.with_suffix(".json").read_text("utf-8"))
    return copy, facts, version_of(request.param)


def test_every_released_schema_version_has_a_saved_database():
    assert [version_of(p) for p in SAVED] == list(range(1, SCHEMA_VERSION + 1))


def test_saved_database_is_the_version_its_name_says(saved):
    path, facts, version = saved
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version == facts["schema_version"]
    conn.close()


def test_saved_database_migrates_and_verifies(saved):
    path, facts, version = saved
    wb = Workbench.open(path)
    try:
        assert wb.store.db.schema_version() == SCHEMA_VERSION
        assert wb.store.db.integrity_ok()
        report = wb.verify()
        assert report.ok, report.problems
        assert report.signoffs == facts["signoffs"] and report.keys > 0
        admin = wb.accounts.login("admin", facts["password"])
        loaded = {p.title: [p.state, p.revision]
                  for p in (wb.authoring.get(admin, pid) for pid in wb.store.packages.ids())}
        assert loaded == facts["packages"]
        assert sorted(u.username for u in wb.accounts.users()) == facts["users"]
    finally:
        wb.close()
    backups = list(path.parent.glob(f"{path.name}.v{version}-*.bak"))
    assert len(backups) == (1 if version < SCHEMA_VERSION else 0)


def test_migrated_database_takes_the_whole_workflow(saved):
    path, facts, _ = saved
    wb = Workbench.open(path)
    try:
        writer = wb.accounts.login("writer", facts["password"])
        reviewer = wb.accounts.login("reviewer", facts["password"])
        pid = next(pid for pid in wb.store.packages.ids()
                   if wb.store.packages.get(pid).title == "起草中的解读包")
        wb.review.submit(writer, pid)
        wb.review.pass_review(reviewer, pid)
        leader = wb.accounts.login("leader", facts["reset_password"])
        wb.review.sign(leader, pid, facts["reset_password"])
        assert wb.review.release(writer, pid).state == workflow.RELEASED
        assert wb.verify().ok
    finally:
        wb.close()


def test_a_future_migration_step_runs_on_every_saved_database(saved, monkeypatch):
    from interpreter_app.store import schema

    path, facts, version = saved
    step = (SCHEMA_VERSION + 1, "test: a new column",
            "ALTER TABLE packages ADD COLUMN note TEXT NOT NULL DEFAULT '';")
    monkeypatch.setattr("interpreter_app.store.db.MIGRATIONS", schema.MIGRATIONS + (step,))
    monkeypatch.setattr("interpreter_app.store.db.SCHEMA_VERSION", step[0])
    wb = Workbench.open(path)
    try:
        assert wb.store.db.schema_version() == step[0]
        assert wb.verify().ok
    finally:
        wb.close()
    # One backup before the pending steps, named after the version the file had.
    assert len(list(path.parent.glob(f"{path.name}.v{version}-*.bak"))) == 1


def test_packages_waiting_before_routes_stay_in_the_lists_of_waiting_work(saved):
    """Migrating to routes puts packages in review at the default route's steps: they stay in
    待我核稿 and 待我签发, and move on as before."""
    from interpreter_app.services import listing
    from interpreter_app.services.listing import ListQuery

    path, facts, _ = saved
    wb = Workbench.open(path)
    try:
        reviewer = wb.accounts.login("reviewer", facts["password"])
        leader = wb.accounts.login("leader", facts["reset_password"])

        def titles(user, view):
            return {r.title for r in wb.listing.page(user, ListQuery(view), 0, 100)}

        assert "核稿中的解读包" in titles(reviewer, listing.TO_REVIEW)
        assert "待签发的解读包" in titles(leader, listing.TO_SIGN)
        pid = next(pid for pid in wb.store.packages.ids()
                   if wb.store.packages.get(pid).title == "核稿中的解读包")
        wb.review.pass_review(reviewer, pid)
        assert "核稿中的解读包" in titles(leader, listing.TO_SIGN)
    finally:
        wb.close()
