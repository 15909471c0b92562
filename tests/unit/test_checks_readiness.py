"""Publish-readiness: what must never reach a public copy, and what must not be flagged."""

from __future__ import annotations

from interpreter_app.domain.checks.elements import check_missing_elements
from interpreter_app.domain.checks.fixes import fix_finding
from interpreter_app.domain.checks.readiness import check_readiness, strip_internal_notes
from interpreter_app.domain.material_templates import template_material
from interpreter_app.domain.model import Material, Package, PolicyDocument, QAPair
from tests.factories import POLICY_BODY, complete_parts


def package(*materials: Material, body: str = POLICY_BODY) -> Package:
    document = PolicyDocument(title="关于做好高校毕业生就业工作的通知", body=body)
    return Package(1, 1, 1, document, materials=list(materials))


def codes(pkg: Package) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in check_readiness(pkg)]


def test_untouched_article_template_blocks_with_its_notes():
    article = template_material("article", "关于做好高校毕业生就业工作的通知")
    findings = list(check_readiness(package(article)))
    notes = [f for f in findings if f.code == "template-text"]
    assert len(notes) == 10 and all(f.blocking for f in notes)
    assert any("（说明政策要达到的目标和主要任务。）" in f.excerpt for f in notes)
    assert any(f.code == "empty-section" for f in findings)


def test_template_headings_do_not_cover_the_elements():
    article = template_material("article", "关于做好高校毕业生就业工作的通知")
    article.body += "\n请各单位认真贯彻执行。"  # some real text, under the last heading only
    pkg = package(article)
    missing = {f.excerpt for f in check_missing_elements(pkg)}
    assert {"背景依据", "目标任务", "主要内容", "涉及范围"} <= missing


def test_a_heading_with_real_text_under_it_covers_its_element():
    article = Material.new("article", "解读", body="一、目标任务\n到2026年底新增就业50万人。")
    missing = {f.excerpt for f in check_missing_elements(package(article))}
    assert "目标任务" not in missing


def test_speech_template_sections_without_text_block():
    speech = Material.new("speech", "发布稿", body="各位记者朋友：\n一、出台背景\n为稳定就业制定本通知。\n"
                                                 "二、主要内容\n三、下一步工作\n谢谢大家！")
    empty = [f.excerpt for f in check_readiness(package(speech)) if f.code == "empty-section"]
    assert empty == ["二、主要内容", "三、下一步工作"]


def test_heading_followed_by_subheadings_or_clause_is_not_empty():
    body = ("一、主要任务\n（一）拓宽就业渠道\n1.扩大企业吸纳就业。对招用高校毕业生的企业给予补贴。\n"
            "二、组织实施\n各地要加强组织领导。")
    assert codes(package(Material.new("article", "解读", body=body))) == []


def test_host_script_agenda_lines_are_not_empty_sections():
    host = template_material("host_script", "通知")
    assert [c for c, _ in codes(package(host)) if c == "empty-section"] == []


def test_empty_answers_block_in_public_and_warn_in_internal_material():
    qa = Material.new("qa", "问答", qa=[QAPair("补贴标准是多少？", ""), QAPair("谁负责？", "省厅。")])
    lines = Material.new("reporter_lines", "口径", qa=[QAPair("如何回应？", "")])
    found = [(f.code, f.severity, f.part) for f in check_readiness(package(qa, lines))
             if f.code == "empty-answer"]
    assert found == [("empty-answer", "blocking", "material:0"),
                     ("empty-answer", "warning", "material:1")]


def test_placeholders_are_found():
    for text in ("于X月X日起施行", "联系人：XXX", "补贴××元", "详见【】", "此处填写办理地点",
                 "（待补充：统计口径）"):
        article = Material.new("article", "解读", body=f"一、说明\n{text}。")
        assert ("placeholder", "blocking") in codes(package(article)), text


def test_ordinary_text_is_no_placeholder():
    for text in ("X射线检查", "按1×2米规格", "执行《标准》【2026】", "新冠病毒检测", "XML格式"):
        article = Material.new("article", "解读", body=f"一、说明\n{text}。")
        assert "placeholder" not in [c for c, _ in codes(package(article))], text


def test_internal_notes_block_public_materials_only():
    note = "（预计讲话时长约2分钟，共181字）"
    speech = Material.new("speech", "发布稿", body=f"各位记者朋友：\n{note}\n大家好！")
    host = Material.new("host_script", "主持词", body=f"开场白\n{note}\n谢谢。")
    found = [(f.code, f.part) for f in check_readiness(package(speech, host))
             if f.code == "internal-note"]
    assert found == [("internal-note", "material:0")]


def test_internal_note_fix_removes_only_the_note():
    speech = Material.new("speech", "发布稿", body="各位记者：\n大家好！（内部掌握）今天介绍通知。\n谢谢！")
    finding = next(f for f in check_readiness(package(speech)) if f.code == "internal-note")
    assert fix_finding(speech.body, finding) == "各位记者：\n大家好！今天介绍通知。\n谢谢！"


def test_template_note_fix_deletes_the_note_line():
    article = Material.new("article", "解读", body="一、目标任务\n（说明政策要达到的目标和主要任务。）\n"
                                                  "到2026年底新增就业50万人。")
    finding = next(f for f in check_readiness(package(article)) if f.code == "template-text")
    assert fix_finding(article.body, finding) == "一、目标任务\n到2026年底新增就业50万人。"


def test_tabs_block_in_public_text():
    article = Material.new("article", "解读", body="一、说明\n补贴\t标准")
    assert ("tab-character", "blocking") in codes(package(article))
    indented = Material.new("article", "解读", body="一、说明\n\t补贴标准。")
    assert ("tab-character", "blocking") in codes(package(indented))


def test_tables_written_with_tabs_are_not_flagged():
    table = "序号\t任务\t牵头单位\n1\t统一清单\t省政务服务局\n2\t电子证照\t省数字经济局"
    assert codes(package(Material.new("article", "解读", body=table))) == []
    document_with_table = package(body=POLICY_BODY + "\n" + table)
    assert codes(document_with_table) == []


def test_strip_internal_notes_keeps_everything_else():
    text = "各位记者：\n（预计讲话时长约2分钟，共181字）\n大家好！\n核稿意见：请核对数字\n谢谢！"
    assert strip_internal_notes(text) == "各位记者：\n大家好！\n谢谢！"
    assert strip_internal_notes("没有内部说明。") == "没有内部说明。"


def test_complete_factory_package_is_ready():
    document, plan, materials = complete_parts()
    pkg = Package(1, 1, 1, document, plan, materials)
    assert [f for f in check_readiness(pkg) if f.blocking] == []
