"""interpreter-cli changes / propose / accept-change / reject-change."""

from __future__ import annotations

import json

from tests.factories import complete_package
from tests.support.editing import submit_on_edit_route


def _in_review(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    return submit_on_edit_route(seeded.wb, seeded["writer"], pkg.id)


def test_a_reviewer_proposes_from_a_file_and_the_writer_accepts(seeded, cli, tmp_path):
    pkg = _in_review(seeded)
    edited = tmp_path / "body.txt"
    edited.write_text(pkg.document.body.replace("50万人", "60万人"), encoding="utf-8")
    code, out, err = cli("propose", str(pkg.id), "--target", "document.body", "--file",
                         str(edited), "--as", "reviewer")
    assert (code, err) == (0, "") and "已记录 1 处修改" in out
    code, out, _ = cli("changes", str(pkg.id), "--as", "writer")
    assert code == 0 and "待处理" in out and "用户reviewer" in out and "“5”→“6”" in out
    code, out, _ = cli("--json", "changes", str(pkg.id), "--as", "writer")
    change_id = json.loads(out)[0]["id"]
    code, out, err = cli("accept-change", str(pkg.id), str(change_id), "--as", "writer")
    assert (code, err) == (0, "") and "已接受 1 处修改" in out
    assert "60万人" in seeded.wb.authoring.get(seeded["writer"], pkg.id).document.body
    code, out, _ = cli("changes", str(pkg.id), "--status", "accepted", "--as", "writer")
    assert "已接受" in out


def test_refusals_are_one_chinese_line_with_exit_code_2(seeded, cli, tmp_path):
    pkg = _in_review(seeded)
    edited = tmp_path / "body.txt"
    edited.write_text("新的正文", encoding="utf-8")
    code, _, err = cli("propose", str(pkg.id), "--target", "document.body", "--file",
                       str(edited), "--as", "writer")
    assert code == 2 and "不由您办理" in err
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("新的正文".encode("gb18030"))
    code, _, err = cli("propose", str(pkg.id), "--target", "document.body", "--file", str(bad),
                       "--as", "reviewer")
    assert code == 2 and "UTF-8" in err
    code, _, err = cli("propose", str(pkg.id), "--target", "plan.nothing", "--file", str(edited),
                       "--as", "reviewer")
    assert code == 2 and "plan.nothing" in err
    code, _, err = cli("accept-change", str(pkg.id), "--all")
    assert code == 2 and "--as" in err


def test_reject_all_and_pending_block_pass(seeded, cli, tmp_path):
    pkg = _in_review(seeded)
    edited = tmp_path / "body.txt"
    edited.write_text(pkg.document.body.replace("50万人", "60万人"), encoding="utf-8")
    cli("propose", str(pkg.id), "--target", "document.body", "--file", str(edited),
        "--as", "reviewer")
    code, _, err = cli("pass", str(pkg.id), "--as", "reviewer")
    assert code == 2 and "还有1处修改（留痕）未处理" in err
    code, out, _ = cli("reject-change", str(pkg.id), "--all", "--as", "writer")
    assert code == 0 and "已拒绝 1 处修改" in out
    assert cli("pass", str(pkg.id), "--as", "reviewer")[0] == 0
