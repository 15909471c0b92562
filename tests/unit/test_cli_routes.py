"""Routes from the command line: an administrator defines the five-step route, a package goes
through it with a return at the 会签 step, and mistakes in a step are explained."""

from __future__ import annotations

from tests.factories import PASSWORD, complete_package

FIVE_STEPS = ["--step", "处室核稿=reviewer;edit",
              "--step", "办公室核稿=reviewer;users=office",
              "--step", "合法性审核=reviewer;depts=江海省政务服务管理局;all",
              "--step", "分管领导审核=leader;users=leader2",
              "--step", "主要负责人签发=签发领导;users=leader"]


def test_an_administrator_defines_a_route_and_a_package_goes_through_it(seeded, cli):
    seeded.wb.accounts.create_user(seeded["admin"], "office", "办公室核稿人", PASSWORD,
                                   seeded.dept_a, {"reviewer"}, "办公室主任")
    code, out, err = cli("route", "add", "规范性文件审批", *FIVE_STEPS, "--genre", "办法",
                         "--department", str(seeded.dept_a), "--as", "admin")
    assert code == 0, err
    assert "5 步" in out
    code, out, _ = cli("route", "list", "--as", "writer")
    assert "3. 合法性审核：江海省政务服务管理局核稿人（会签：全部须同意）" in out
    route_id = out.split()[0]

    pid = str(complete_package(seeded.wb, seeded["writer"]).id)
    assert cli("submit", pid, "--route", route_id, "--as", "writer")[0] == 0
    assert cli("pass", pid, "--as", "reviewer")[0] == 0
    assert cli("pass", pid, "--as", "office")[0] == 0
    code, out, _ = cli("list", "--view", "to_cosign", "--as", "reviewer_b")
    assert pid in out.split()
    code, out, _ = cli("show", pid, "--as", "reviewer_b")
    assert "审批路线：规范性文件审批，第3步“合法性审核”（共5步）" in out
    code, _, err = cli("return", pid, "--as", "reviewer_b", "--reason", "第五条须修改")
    assert code == 0, err
    assert cli("submit", pid, "--route", route_id, "--as", "writer")[0] == 0
    for who in ("reviewer", "office", "reviewer_b", "leader2"):
        code, _, err = cli("pass", pid, "--as", who)
        assert code == 0, (who, err)
    code, out, _ = cli("route", "progress", pid, "--as", "writer")
    assert "✓ 3. 合法性审核" in out and "▶ 5. 主要负责人签发" in out
    assert cli("sign", pid, "--as", "leader")[0] == 0
    assert cli("release", pid, "--as", "writer")[0] == 0
    assert cli("verify")[0] == 0


def test_back_goes_to_the_previous_step(seeded, cli):
    cli("route", "add", "两级核稿", "--step", "处室核稿=reviewer", "--step", "复核=reviewer,leader",
        "--step", "签发=leader", "--department", str(seeded.dept_a), "--as", "admin")
    pid = str(complete_package(seeded.wb, seeded["writer"]).id)
    cli("submit", pid, "--as", "writer")
    code, _, err = cli("back", pid, "--as", "reviewer", "--reason", "x")
    assert code == 2 and "第一步" in err
    cli("pass", pid, "--as", "reviewer")
    code, out, _ = cli("back", pid, "--as", "multi", "--reason", "请处室补充数据来源")
    assert code == 0 and "核稿中" in out


def test_mistakes_in_a_step_are_explained_on_stderr(seeded, cli):
    code, _, err = cli("route", "add", "错", "--step", "核稿", "--as", "admin")
    assert code == 2 and "名称=角色" in err
    code, _, err = cli("route", "add", "错", "--step", "核稿=writer", "--as", "admin")
    assert code == 2 and "角色“writer”无效" in err
    code, _, err = cli("route", "add", "错", "--step", "签发=leader;users=nobody", "--as", "admin")
    assert code == 2 and "用户“nobody”不存在" in err
    code, _, err = cli("route", "add", "错", "--step", "核稿=reviewer", "--department", "1",
                       "--as", "admin")
    assert code == 2 and "最后一步是签发" in err
    code, _, err = cli("route", "add", "好", "--step", "签发=leader", "--as", "writer")
    assert code == 2 and "管理员" in err
