"""missing-element, speech-length and long-sentence."""

from __future__ import annotations

from interpreter_app.domain.checks import INFO, WARNING
from interpreter_app.domain.checks.elements import applicable_elements, check_missing_elements
from interpreter_app.domain.checks.speech import check_long_sentences, check_speech_length
from interpreter_app.domain.model import Material, Package, PolicyDocument

SUBSIDY_POLICY = "对符合条件的企业给予补贴，申请人向县级人力资源社会保障部门提交申请材料，受理部门在10个工作日内办结。"


def package(body: str = "", outline: str = "", *materials: Material) -> Package:
    pkg = Package(id=None, department_id=1, created_by=1, document=PolicyDocument(body=body),
                  materials=list(materials))
    pkg.plan.outline = outline
    return pkg


def test_elements_that_apply_follow_the_policy_text():
    assert applicable_elements("为做好工作，制定本方案。") == ["背景依据", "目标任务", "主要内容", "涉及范围"]
    assert {"惠民利民举措", "受理单位", "时限"} <= set(applicable_elements(SUBSIDY_POLICY))


def test_missing_elements_are_warned_with_synonyms_counting():
    outline = "一、出台背景\n二、工作目标\n三、主要措施\n四、适用对象\n五、执行标准"
    found = [f.excerpt for f in check_missing_elements(package(SUBSIDY_POLICY, outline))]
    assert "背景依据" not in found and "主要内容" not in found and "执行标准" not in found
    assert {"操作方法", "惠民利民举措", "受理单位"} <= set(found)


def test_article_material_counts_as_coverage():
    article = Material.new("article", body="怎么申请？向受理窗口提交身份证明等材料，按流程办理，时限为10个工作日；"
                                           "注意事项：补贴资格条件见附件。")
    outline = "一、出台背景\n二、目标任务\n三、主要内容\n四、涉及范围"
    found = list(check_missing_elements(package(SUBSIDY_POLICY, outline, article)))
    assert [f.excerpt for f in found] == []


def test_missing_element_findings_point_at_the_outline():
    (f, *_rest) = check_missing_elements(package("制定本方案。", "一、主要内容"))
    assert (f.code, f.severity, f.part, f.field) == ("missing-element", WARNING, "plan", "outline")


def test_no_finding_before_anything_is_written():
    assert list(check_missing_elements(package(SUBSIDY_POLICY))) == []


def test_speech_over_the_limit_is_warned_with_minutes():
    speech = Material.new("speech", body="各位记者朋友大家好。" * 400)  # 4,000 characters
    (f,) = check_speech_length(package("", "", speech))
    assert (f.code, f.severity, f.part) == ("speech-length", WARNING, "material:0")
    assert "4000字" in f.message and "22分钟" in f.message


def test_speaking_rate_is_a_parameter():
    speech = Material.new("speech", body="各位记者朋友大家好。" * 250)  # 2,500 characters
    assert list(check_speech_length(package("", "", speech))) == []
    assert len(list(check_speech_length(package("", "", speech), rate=100))) == 1


def test_long_stretches_without_a_pause_in_spoken_text_are_info():
    long = "本次发布会主要介绍" + "进一步优化政务服务提升行政效能" * 6 + "的有关情况。"
    speech = Material.new("speech", body=long)
    article = Material.new("article", body=long)
    found = list(check_long_sentences(package("", "", speech, article)))
    assert [(f.code, f.severity, f.part) for f in found] == [("long-sentence", INFO, "material:0")]
