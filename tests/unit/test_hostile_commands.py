"""Hostile command lines: every entry of tests/data/hostile/commands.json is answered with its
exit code and, for a refusal, one Chinese line on stderr holding the expected words, nothing on
stdout and the database as it was. Then the rules behind them: reading commands see what the
same user sees in the window, and the audit chain names who exported.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.services.workbench import Workbench
from tests.factories import PASSWORD, complete_package, released_package, seed
from tests.support.dbdigest import content_digest

CORPUS = json.loads((Path(__file__).resolve().parents[1] / "data" / "hostile" / "commands.json")
                    .read_text("utf-8"))
_CJK = re.compile(r"[\u4e00-\u9fff]")
TAMPERING = {
    "extra-trigger": "CREATE TRIGGER steal AFTER INSERT ON audit BEGIN "
                     "UPDATE users SET roles = 'admin'; END",
    "extra-view": "CREATE VIEW everything AS SELECT * FROM users",
    "extra-table": "CREATE TABLE notes (x TEXT)",
    "extra-index": "CREATE INDEX users_roles ON users(roles)",
    "missing-trigger": "DROP TRIGGER audit_no_delete",
    "changed-trigger": "DROP TRIGGER signoffs_no_update; CREATE TRIGGER signoffs_no_update "
                       "BEFORE UPDATE ON signoffs WHEN 0 BEGIN SELECT 1; END",
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A real (not demo) database with a package in each department, a disabled account, a
    good backup and tampered ones; the placeholders of the corpus."""
    folder = tmp_path_factory.mktemp("commands")
    data = seed(folder / "template.db")
    wb = data.wb
    pkg_a = complete_package(wb, data["writer"])
    complete_package(wb, data["writer_b"])
    retired = wb.accounts.create_user(data["admin"], "retired", "退休人员", PASSWORD,
                                      data.dept_a, {"writer"}, "科员")
    wb.accounts.set_disabled(data["admin"], retired.username, True)
    names = {"pkg_a": str(pkg_a.id), "backup": str(wb.store.backup_to(folder / "good.db"))}
    for key, sql in TAMPERING.items():
        path = wb.store.backup_to(folder / f"{key}.db")
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.close()
        names[f"backup-{key}"] = str(path)
    text = folder / "notes.db"
    text.write_text("这是一份会议记录，不是备份。" * 50, "utf-8")
    names["text-file"] = str(text)
    yield wb, names
    wb.close()


def fill(arg: str, names: dict[str, str]) -> str:
    for key, value in names.items():
        arg = arg.replace("{" + key + "}", value)
    return arg


@pytest.mark.parametrize("entry", CORPUS, ids=[e["name"] for e in CORPUS])
def test_command_answers_as_the_corpus_says(template, entry, tmp_path, monkeypatch, capsys):
    wb, names = template
    db = wb.store.backup_to(tmp_path / "work.db")
    names = {**names, "db": str(db), "tmp": str(tmp_path)}
    monkeypatch.setenv("INTERPRETER_PASSWORD", entry.get("password", PASSWORD))
    before = content_digest(db, without=("users",))  # failed log-ins are counted there
    code = main(["--db", str(db), *[fill(a, names) for a in entry["args"]]])
    out, err = capsys.readouterr()
    assert code == entry["exit"], (out, err)
    if code == 0:
        assert entry["message"] in out
        return
    assert err.startswith("错误：") and err.count("\n") == 1 and _CJK.search(err), err
    assert entry["message"] in err and out == ""
    assert content_digest(db, without=("users",)) == before
    assert not (tmp_path / "out").exists() and not (tmp_path / "copy.db").exists()


def test_a_huge_id_through_the_installed_command_prints_no_traceback(template, tmp_path):
    wb, _names = template
    db = wb.store.backup_to(tmp_path / "work.db")
    result = subprocess.run(
        [sys.executable, "-m", "interpreter_app.cli", "--db", str(db), "show",
         "99999999999999999999", "--as", "writer"],
        capture_output=True, text=True, timeout=60,
        env={"INTERPRETER_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == "错误：没有编号为 99999999999999999999 的解读包\n"


# -- the same visibility as the window ---------------------------------------------------------



def test_list_and_search_show_what_the_user_sees_in_the_window(seeded, cli):
    own = complete_package(seeded.wb, seeded["writer"])
    other = complete_package(seeded.wb, seeded["writer_b"])
    for command in (["list"], ["search", "就业"]):
        for user, expected in (("writer", [own.id]), ("writer_b", [other.id]),
                               ("admin", [other.id, own.id])):
            code, out, _ = cli("--json", *command, "--as", user)
            assert code == 0 and sorted(r["id"] for r in json.loads(out)) == sorted(expected)


def test_statistics_count_only_the_users_departments(seeded, cli, tmp_path):
    released_package(seeded)
    code, out, err = cli("--json", "stats", "--out", str(tmp_path / "b"), "--as", "writer_b")
    assert code == 0, err
    assert "发布政策解读0篇" in json.loads(out)["sentence"]
    code, out, _ = cli("--json", "stats", "--out", str(tmp_path / "a"), "--as", "writer")
    assert "发布政策解读1篇" in json.loads(out)["sentence"]


def test_export_is_recorded_under_the_real_user(seeded, cli, tmp_path):
    pkg = complete_package(seeded.wb, seeded["writer"])
    code, _, err = cli("export", str(pkg.id), "--out", str(tmp_path), "--draft",
                       "--pack", "briefing", "--as", "reviewer")
    assert code == 0, err
    event = seeded.wb.store.audit_events(pkg.id)[-1]
    assert event.action == "export" and event.actor_id == seeded["reviewer"].id


def test_backup_is_recorded_under_the_administrator(seeded, cli, tmp_path):
    assert cli("backup", str(tmp_path / "copy.db"), "--as", "admin")[0] == 0
    event = seeded.wb.store.audit_events()[-1]
    assert event.action == "backup" and event.actor_id == seeded["admin"].id


def test_verify_and_verify_pack_stay_open(seeded, cli, tmp_path):
    pkg = released_package(seeded)
    code, out, err = cli("--json", "export", str(pkg.id), "--out", str(tmp_path), "--as", "writer")
    assert code == 0, err
    pack = json.loads(out)["path"]
    assert cli("verify")[0] == 0
    code, out, _ = cli("verify-pack", pack)
    assert code == 0 and "完全一致" in out


def test_demo_force_rebuilds_a_demo_database(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    assert main(["--db", str(path), "demo", "--force"]) == 0
    wb = Workbench.open(path)
    assert wb.accounts.login("admin", "demo1234").username == "admin"
    wb.close()
