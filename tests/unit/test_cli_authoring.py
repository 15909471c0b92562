"""The package of issue 17, built with the authoring commands: refused at submit with one named
reason per problem, then let through as each reason is fixed in turn; release waits for time."""

from __future__ import annotations

import json

import pytest

from tests.factories import POLICY_BODY

ARTICLE = ("一、出台背景\n为稳定就业大局，省人力资源社会保障厅制定本通知。\n"
           "二、主要内容\n对招用高校毕业生的中小微企业，按每人1500元给予一次性吸纳就业补贴。\n"
           "三、涉及范围\n全省中小微企业和高校毕业生。")
SPEECH_BAD = ("各位记者朋友：\n（预计讲话时长约2分钟，共181字）\n一、出台背景\n"
              "为稳定就业大局，省人力资源社会保障厅制定本通知。\n二、主要内容\n三、下一步工作\n谢谢大家！")
SPEECH_GOOD = ("各位记者朋友：\n一、出台背景\n为稳定就业大局，省人力资源社会保障厅制定本通知。\n"
               "二、主要内容\n对招用高校毕业生的中小微企业，按每人1500元给予一次性吸纳就业补贴。\n"
               "三、下一步工作\n每季度至少举办1次专场招聘活动。\n谢谢大家！")
QA_GOOD = "问：补贴标准是多少？\n答：每人1500元。\n问：谁来负责？\n答：省人力资源社会保障厅牵头。"




@pytest.fixture
def files(tmp_path):
    """Write a text file and return its path as a string."""
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return str(path)

    return write


def _build_issue_package(cli, files) -> str:
    """The package as the issue found it: every problem present."""
    code, out, err = cli("import", files("policy.txt", "关于做好高校毕业生就业工作的通知\n" + POLICY_BODY),
                         "--as", "writer")
    assert code == 0, err
    pid = out.split("解读包 ")[1].split("：")[0]
    w = ("--as", "writer")
    steps = [
        ("document", "set", pid, "发文字号", "江发改〔2026〕83号"),
        ("plan", "set", pid, "解读提纲", "一、出台背景\n二、主要内容\n三、涉及范围"),
        ("plan", "set", pid, "解读形式", "文字解读", "图表图解", "新闻发布会", "音频视频", "在线访谈"),
        ("plan", "set", pid, "解读渠道", "政务新媒体（微信、微博、客户端）"),
        ("plan", "set", pid, "第一解读人", "张三 科员"),
        ("plan", "set", pid, "发布会时间", "下周"),
        ("plan", "set", pid, "拟发文号", "江人社发〔2026〕12号"),
        ("material", "add", pid, "article", "--from-template"),
        ("material", "add", pid, "speech", "--file", files("speech.txt", SPEECH_BAD)),
        ("material", "add", pid, "qa", "--from-template"),
    ]
    for step in steps:
        code, _out, err = cli(*step, *w)
        assert code == 0, (step, err)
    return pid


# One named reason per problem: (what the writer reads, the command that fixes it).
REASONS = [
    ("模板说明文字", ("material", "set", "{pid}", "1", "--file", ("article.txt", ARTICLE))),
    ("没有内容", ("material", "set", "{pid}", "2", "--file", ("speech.txt", SPEECH_GOOD))),
    ("内部工作说明", None),  # fixed together with the empty sections (same material)
    ("没有回答", ("material", "set", "{pid}", "3", "--file", ("qa.txt", QA_GOOD))),
    ("“图表图解”，但缺少", ("material", "add", "{pid}", "chart", "--title", "一图读懂", "--file",
                        ("chart.txt", "项目,万人\n2025年,48\n2026年,50"))),
    ("“新闻发布会”，但缺少", ("plan", "set", "{pid}", "解读形式", "文字解读", "图表图解", "音频视频",
                          "在线访谈")),
    ("“音频视频”，但缺少", ("material", "add", "{pid}", "media_script", "--file",
                        ("media.txt", "一、选题和时长\n就业补贴政策短视频，时长2分钟。"))),
    ("“在线访谈”，但缺少", ("material", "add", "{pid}", "interview_outline", "--file",
                        ("interview.txt", "一、访谈主题\n高校毕业生就业补贴政策。"))),
    ("政府门户网站", ("plan", "set", "{pid}", "解读渠道", "政府门户网站政策解读专栏")),
    ("第一解读人", ("plan", "set", "{pid}", "第一解读人", "用户leader 厅长")),
    ("不是具体的日期和时间", ("plan", "set", "{pid}", "发布会时间", "")),
    ("机关代字", None),  # both fixed by the department's own 发文字号, equal to the 拟发文号
    ("拟发文号", ("document", "set", "{pid}", "发文字号", "江人社发〔2026〕12号")),
]


def test_issue_package_is_refused_with_one_named_reason_per_problem(cli, files):
    pid = _build_issue_package(cli, files)
    code, out, err = cli("submit", pid, "--as", "writer")
    assert code == 2 and out == "" and err.count("\n") == 1
    for words, _fix in REASONS:
        assert words in err, words
    # The template headings of the 文字解读 do not count as covering the 解读要素.
    code, out, _ = cli("check", pid, "--as", "writer")
    assert "解读提纲和文字解读均未涉及解读要素" in out or "未涉及" in out


def test_fixing_each_reason_in_turn_lets_the_package_through(cli, files):
    pid = _build_issue_package(cli, files)
    for words, fix in REASONS:
        if fix is None:
            continue
        args = [files(*a) if isinstance(a, tuple) else a.format(pid=pid) for a in fix]
        code, _out, err = cli(*args, "--as", "writer")
        assert code == 0, (words, err)
        code, _out, err = cli("submit", pid, "--as", "writer")
        if words != REASONS[-1][0]:
            assert code == 2 and words not in err, (words, err)
    assert code == 0, err  # the last fix lets it through
    code, out, _ = cli("show", pid, "--as", "writer")
    assert "核稿中" in out


def test_a_chart_without_data_blocks(cli, files):
    pid = _build_issue_package(cli, files)
    assert cli("material", "add", pid, "chart", "--title", "一图读懂", "--as", "writer")[0] == 0
    code, _, err = cli("submit", pid, "--as", "writer")
    assert code == 2 and "图解“一图读懂”还没有数据" in err


def test_first_interpreter_override_needs_a_recorded_reason(seeded, cli):
    from tests.factories import complete_parts

    document, plan, materials = complete_parts()
    plan.first_interpreter.name, plan.first_interpreter.title = "张三", "科员"
    pkg = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                     plan=plan, materials=materials)
    code, _, err = cli("submit", str(pkg.id), "--as", "writer")
    assert code == 2 and "第一解读人" in err
    code, _, err = cli("submit", str(pkg.id), "--as", "writer", "--reason", "厅长长期在外学习，由处长代行")
    assert code == 0, err
    decisions = seeded.wb.review.decisions(seeded["writer"], pkg.id)
    assert decisions[-1].reason == "厅长长期在外学习，由处长代行"


def test_plan_show_and_material_list_read_back_what_was_set(cli, files):
    pid = _build_issue_package(cli, files)
    code, out, _ = cli("plan", "show", pid, "--as", "writer")
    assert code == 0 and "解读形式：文字解读、图表图解、新闻发布会、音频视频、在线访谈" in out
    assert "第一解读人：张三 科员" in out
    code, out, _ = cli("--json", "material", "list", pid, "--as", "writer")
    kinds = [m["kind"] for m in json.loads(out)]
    assert kinds == ["article", "speech", "qa"]


def test_authoring_commands_keep_permissions_and_exit_codes(cli, files, seeded):
    pid = _build_issue_package(cli, files)
    code, out, err = cli("plan", "set", pid, "解读形式", "文字解读", "--as", "reviewer")
    assert code == 2 and out == "" and err.count("\n") == 1
    code, _, err = cli("plan", "set", pid, "没有的字段", "x", "--as", "writer")
    assert code == 2 and "没有字段" in err
    code, _, err = cli("material", "add", pid, "nonsense", "--as", "writer")
    assert code == 2 and "未知的材料类型" in err
    code, _, err = cli("material", "set", pid, "99", "--title", "x", "--as", "writer")
    assert code == 2 and "没有材料" in err
    code, _, err = cli("material", "set", pid, "1", "--file", str(seeded.path), "--as", "writer")
    assert code == 2 and "不支持的文件类型" in err  # the database itself is never opened


def test_release_waits_for_embargo_until_an_admin_records_why(seeded, cli):
    from tests.factories import complete_parts

    document, plan, materials = complete_parts()
    materials[0].embargo = "2099-01-01T09:00"
    pkg = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                     plan=plan, materials=materials)
    pid = str(pkg.id)
    assert cli("submit", pid, "--as", "writer")[0] == 0
    assert cli("pass", pid, "--as", "reviewer")[0] == 0
    assert cli("sign", pid, "--as", "leader")[0] == 0
    code, _, err = cli("release", pid, "--as", "writer")
    assert code == 2 and "2099年1月1日" in err and "管理员" in err
    code, _, err = cli("embargo-override", pid, "--as", "writer", "--reason", "提前")
    assert code == 2 and "管理员" in err
    assert cli("embargo-override", pid, "--as", "admin", "--reason", "省政府要求提前发布")[0] == 0
    code, out, err = cli("release", pid, "--as", "writer")
    assert code == 0, err
    events = seeded.wb.store.audit_events(pkg.id)
    assert any(e.action == "override_embargo" and "省政府要求提前发布" in e.detail for e in events)


def test_release_before_the_publish_date_asks_why_and_records_it(seeded, cli):
    from tests.factories import complete_parts

    document, plan, materials = complete_parts()
    document.publish_date = "2099-03-25"
    pkg = seeded.wb.authoring.create(seeded["writer"], document.title, document=document,
                                     plan=plan, materials=materials)
    pid = str(pkg.id)
    for step in (("submit", "writer"), ("pass", "reviewer"), ("sign", "leader")):
        assert cli(step[0], pid, "--as", step[1])[0] == 0
    code, _, err = cli("release", pid, "--as", "writer")
    assert code == 2 and "2099年3月25日" in err and "理由" in err
    code, _, err = cli("release", pid, "--as", "writer", "--reason", "文件已提前在门户网站公开")
    assert code == 0, err
    decisions = seeded.wb.review.decisions(seeded["writer"], pkg.id)
    assert decisions[-1].reason == "文件已提前在门户网站公开"


def test_department_codes_command(cli):
    code, out, _ = cli("department", "codes", "江海省人力资源和社会保障厅", "江人社发", "江人社函",
                       "--as", "admin")
    assert code == 0 and "江人社发、江人社函" in out
    code, _, err = cli("department", "codes", "江海省人力资源和社会保障厅", "x", "--as", "writer")
    assert code == 2 and "管理员" in err
