"""The command line: a full cycle, exit codes and one-line Chinese errors on stderr."""

from __future__ import annotations

import json
import sqlite3

from interpreter_app.cli import main
from tests.factories import complete_package


def test_full_cycle_through_the_cli(seeded, cli):
    pkg = complete_package(seeded.wb, seeded["writer"])
    pid = str(pkg.id)
    assert cli("submit", pid, "--as", "writer")[0] == 0
    assert cli("pass", pid, "--as", "reviewer", "--opinion", "同意报签")[0] == 0
    code, out, _ = cli("sign", pid, "--as", "leader", "--opinion", "同意发布")
    assert code == 0 and "已签发" in out
    code, out, _ = cli("release", pid, "--as", "writer")
    assert code == 0 and "已发布" in out
    code, out, _ = cli("verify")
    assert code == 0 and "未发现问题" in out
    code, out, _ = cli("--json", "show", pid, "--as", "reviewer")
    data = json.loads(out)
    assert data["state"] == "released" and data["signoffs"][0]["opinion"] == "同意发布"


def test_refused_action_exits_2_with_one_line_reason(seeded, cli):
    pkg = complete_package(seeded.wb, seeded["writer"])
    code, out, err = cli("pass", str(pkg.id), "--as", "reviewer")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "起草中" in err


def test_return_without_reason_exits_2(seeded, cli):
    pkg = complete_package(seeded.wb, seeded["writer"])
    cli("submit", str(pkg.id), "--as", "writer")
    code, _, err = cli("return", str(pkg.id), "--as", "reviewer")
    assert code == 2 and "理由" in err


def test_incomplete_submit_lists_what_is_missing(seeded, cli):
    pkg = seeded.wb.authoring.create(seeded["writer"], "空的解读包")
    code, _, err = cli("submit", str(pkg.id), "--as", "writer")
    assert code == 2 and "政策文件正文" in err and "解读形式" in err


def test_unknown_package_and_unknown_user(seeded, cli):
    assert "没有编号为 999 的解读包" in cli("show", "999", "--as", "writer")[2]
    code, _, err = cli("submit", "1", "--as", "ghost")
    assert code == 2 and "用户名或密码错误" in err


def test_wrong_password_exits_2(seeded, cli, monkeypatch):
    pkg = complete_package(seeded.wb, seeded["writer"])
    monkeypatch.setenv("INTERPRETER_PASSWORD", "wrong")
    code, _, err = cli("submit", str(pkg.id), "--as", "writer")
    assert code == 2 and "密码错误" in err


def test_verify_exits_1_and_names_the_broken_event(seeded, cli):
    complete_package(seeded.wb, seeded["writer"])
    conn = sqlite3.connect(seeded.path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET action = 'tampered' WHERE id = 2")
    conn.commit()
    code, out, _ = cli("verify")
    assert code == 1 and "第 2 号事件" in out


def test_search_short_and_long_queries(seeded, cli):
    pkg = complete_package(seeded.wb, seeded["writer"])
    for query in ("业", "就业", "毕业生就业"):
        code, out, _ = cli("--json", "search", query, "--as", "writer")
        assert code == 0 and [r["id"] for r in json.loads(out)] == [pkg.id]


def test_not_a_database_exits_2_and_file_untouched(tmp_path, capsys):
    path = tmp_path / "x.db"
    path.write_text("hello" * 100)
    code = main(["--db", str(path), "list", "--as", "writer"])
    assert code == 2 and "不是 SQLite" in capsys.readouterr().err
    assert path.read_text() == "hello" * 100


def test_missing_database_is_not_created_by_list(tmp_path, capsys):
    path = tmp_path / "none.db"
    assert main(["--db", str(path), "list", "--as", "writer"]) == 2
    assert not path.exists()


def test_backup_and_restore_commands(seeded, cli, tmp_path):
    pkg = complete_package(seeded.wb, seeded["writer"])
    dest = tmp_path / "backup.db"
    assert cli("backup", str(dest), "--as", "admin")[0] == 0
    complete_package(seeded.wb, seeded["writer"])
    seeded.wb.close()
    code, out, _ = cli("restore", str(dest), "--as", "admin")
    assert code == 0 and "已从" in out
    code, out, _ = cli("--json", "list", "--as", "writer")
    assert [r["id"] for r in json.loads(out)] == [pkg.id]
    from interpreter_app.services.workbench import Workbench
    seeded.wb = Workbench.open(seeded.path)


def test_user_add_and_list(seeded, cli, monkeypatch):
    monkeypatch.setenv("INTERPRETER_NEW_PASSWORD", "Fresh-pass1")
    code, _, err = cli("user", "add", "newbie", "--name", "新同志", "--department",
                       "江海省人力资源和社会保障厅", "--roles", "writer", "--as", "admin")
    assert code == 0, err
    code, out, _ = cli("--json", "user", "list")
    assert "newbie" in [u["username"] for u in json.loads(out)]


def test_demo_command_builds_a_database_with_every_state(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("INTERPRETER_PASSWORD", "demo1234")
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "--json", "list", "--as", "admin"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 12
    assert {r["state"] for r in rows} == {"draft", "in_review", "awaiting_signoff", "signed",
                                          "released"}
    assert main(["--db", str(path), "verify"]) == 0


def test_export_press_pack_and_verify_pack(seeded, cli, tmp_path):
    from tests.factories import released_package

    pkg = released_package(seeded)
    code, out, err = cli("--json", "export", str(pkg.id), "--out", str(tmp_path), "--zip",
                         "--as", "writer")
    assert code == 0, err
    pack = json.loads(out)["path"]
    code, out, _ = cli("verify-pack", pack)
    assert code == 0 and "完全一致" in out


def test_unsigned_press_pack_refused_and_draft_offered(seeded, cli, tmp_path):
    pkg = complete_package(seeded.wb, seeded["writer"])
    code, _, err = cli("export", str(pkg.id), "--out", str(tmp_path), "--as", "writer")
    assert code == 2 and "尚未签发" in err
    code, _, err = cli("export", str(pkg.id), "--out", str(tmp_path), "--pack", "parts",
                       "--as", "writer")
    assert code == 0, err


def test_verify_pack_detects_content_changed_after_export(seeded, cli, tmp_path):
    from tests.factories import signed_package

    pkg = signed_package(seeded)
    code, out, _ = cli("--json", "export", str(pkg.id), "--out", str(tmp_path), "--as", "writer")
    pack = json.loads(out)["path"]
    seeded.wb.review.revoke(seeded["leader"], pkg.id, "数据更新")
    fresh = seeded.wb.authoring.get(seeded["writer"], pkg.id)
    from dataclasses import replace
    seeded.wb.authoring.save_document(seeded["writer"], pkg.id,
                                      replace(fresh.document, body=fresh.document.body + "\n补充。"),
                                      fresh.document_version)
    code, out, _ = cli("verify-pack", pack)
    assert code == 1 and "不一致" in out


def test_inspect_needs_no_database_and_reports_json(tmp_path, capsys):
    from pathlib import Path
    sample = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"
    code = main(["--json", "inspect", str(sample)])
    data = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert data["encoding"] == "utf-8" and data["metadata"]["doc_number"].endswith("号")
    assert data["outline"] and data["tasks"][0]["lead_departments"]


def test_inspect_of_a_renamed_file_exits_2(tmp_path, capsys):
    fake = tmp_path / "报告.docx"
    fake.write_bytes(b"%PDF-1.4 not a docx")
    assert main(["inspect", str(fake)]) == 2
    assert "PDF" in capsys.readouterr().err


def test_import_creates_a_draft_with_key_tasks(seeded, cli):
    from pathlib import Path
    sample = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"
    code, out, err = cli("--json", "import", str(sample), "--as", "writer")
    assert code == 0, err
    pid = json.loads(out)["id"]
    pkg = seeded.wb.authoring.get(seeded["writer"], pid)
    assert pkg.state == "draft" and pkg.plan.key_tasks and pkg.document.doc_number


def test_time_limit_is_shown_and_set_by_an_administrator(seeded, cli):
    assert cli("time-limit") == (0, "解读发布时限：政策文件发布后3个工作日内\n", "")
    code, out, err = cli("time-limit", "5", "--as", "writer")
    assert code == 2 and out == "" and "管理员" in err and err.count("\n") == 1
    code, _out, err = cli("time-limit", "31", "--as", "admin")
    assert code == 2 and "0至30个工作日" in err
    code, _out, err = cli("time-limit", "5")
    assert code == 2 and "--as" in err
    assert cli("time-limit", "0", "--as", "admin")[1] == "解读发布时限：与政策文件同日发布\n"
    code, out, _ = cli("--json", "time-limit")
    assert code == 0 and json.loads(out) == {"timeliness_limit_days": 0}


def test_holidays_are_shown_and_entered_by_an_administrator(seeded, cli):
    code, out, _ = cli("holidays", "2025")
    assert code == 0 and "2025-10-01..2025-10-08" in out and "2025-09-28" in out
    assert "未录入" in cli("holidays", "2027")[1]
    code, _out, err = cli("holidays", "2027", "--off", "2027-10-01..2027-10-07", "--as", "writer")
    assert code == 2 and "管理员" in err
    code, _out, err = cli("holidays", "2027", "--work", "2027-09-29", "--as", "admin")
    assert code == 2 and "星期三" in err and err.count("\n") == 1
    code, out, _ = cli("--json", "holidays", "2027", "--off", "2027-10-01..2027-10-07",
                       "--work", "2027-09-26", "--as", "admin")
    assert code == 0 and json.loads(out)["off"] == ["2027-10-01..2027-10-07"]


def test_export_over_an_existing_pack_says_how_to_replace_it(seeded, cli, tmp_path):
    pkg = complete_package(seeded.wb, seeded["writer"])
    out = str(tmp_path / "out")
    export = ("export", str(pkg.id), "--draft", "--pack", "parts", "--out", out, "--as", "writer")
    assert cli(*export)[0] == 0
    code, _, err = cli(*export)
    assert code == 2 and "已存在" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert cli(*export, "--force")[0] == 0
