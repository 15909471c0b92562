"""From paragraphs to a PolicyDocument: metadata, outline, key tasks, and `inspect`."""

from __future__ import annotations

import json
import time
from pathlib import Path

from interpreter_app.domain.importing import (
    parse_document,
    read_file,
    read_text,
    tasks_to_key_tasks,
)
from interpreter_app.domain.importing.inspect import format_inspection, inspect_path
from interpreter_app.domain.importing.tasks import extract_tasks, parse_responsibility
from interpreter_app.domain.model import KeyTask

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"


def parse(text: str):
    return parse_document(read_text(text))


def test_sample_metadata_is_recognised():
    doc = parse_document(read_file(SAMPLE)).document
    assert doc.title == "江海省人民政府办公厅关于进一步优化政务服务提升行政效能的通知"
    assert doc.doc_number == "江政办发〔2020〕33号"
    assert doc.issuer == "江海省人民政府办公厅"
    assert doc.written_date == "2020-08-17"
    assert doc.genre == "通知"
    assert doc.disclosure == "主动公开"


def test_header_and_signature_leave_the_body():
    body = parse_document(read_file(SAMPLE)).document.body.split("\n")
    assert body[0] == "各州、市人民政府，省直各委、办、厅、局："
    assert body[-1].startswith("（三）做好政策解读。")
    assert "江政办发〔2020〕33号" not in body


def test_sample_outline_has_three_levels():
    outline = parse_document(read_file(SAMPLE)).outline
    assert [h.text for h in outline if h.level == 1] == ["一、总体要求", "二、重点任务", "三、保障措施"]
    assert [h.level for h in outline[:8]] == [1, 2, 2, 1, 2, 3, 3, 2]


def test_sample_tasks_have_leads_others_and_deadlines():
    tasks = parse_document(read_file(SAMPLE)).tasks
    assert len(tasks) == 6
    first = tasks[0]
    assert first.text.startswith("统一政务服务事项清单。")
    assert first.lead_departments == ["省政务服务局"]
    assert first.other_departments == ["省司法厅", "各州、市人民政府"]
    assert first.deadlines == ["于2020年10月底前"]
    assert tasks[3].lead_departments == ["省数字经济局", "省政务服务局"]
    assert tasks[2].quantities == ["不少于100项", "达到100%"]
    assert tasks[4].lead_departments == ["各州、市人民政府"]
    assert tasks[5].deadlines == ["每季度"]


def test_title_split_over_two_lines_is_joined_and_masthead_gives_issuer():
    doc = parse("省财政厅文件\n云财发【2021】5号\n省财政厅关于印发\n资金管理办法的通知\n各州、市财政局：\n正文。").document
    assert doc.title == "省财政厅关于印发资金管理办法的通知"
    assert doc.doc_number == "云财发【2021】5号"  # kept as found so the check can flag it
    assert doc.issuer == "省财政厅"
    assert doc.body == "各州、市财政局：\n正文。"


def test_issuer_line_above_the_title_is_metadata():
    doc = parse("江海省财政厅\n关于做好2021年春节期间有关工作的通知\n各州、市财政局：\n正文。").document
    assert (doc.issuer, doc.title) == ("江海省财政厅", "关于做好2021年春节期间有关工作的通知")
    assert doc.body == "各州、市财政局：\n正文。"


def test_task_table_rows_become_tasks():
    rows = ["序号\t重点任务\t牵头单位\t配合单位\t完成时限",
            "1\t统一事项清单\t省政务服务局\t\t2020年10月底前",
            "2\t推进证照共享\t省数字经济局\t省公安厅、省市场监管局\t年内"]
    first, second = extract_tasks(rows)
    assert (first.text, first.lead_departments, first.other_departments, first.deadlines) == (
        "统一事项清单", ["省政务服务局"], [], ["2020年10月底前"])
    assert second.other_departments == ["省公安厅", "省市场监管局"] and second.paragraph == 2


def test_portal_key_value_header_is_read():
    text = ("索引号：000014349/2017-00110　主题分类：综合政务\n"
            "发布机构：江海省人民政府办公厅　发文字号：江政办发〔2017〕110号\n"
            "成文日期：2017年10月9日　发布日期：2017-10-12\n"
            "施行日期：二〇一七年十一月一日　有效性：现行有效\n"
            "江海省人民政府办公厅关于加强政策解读工作的意见\n"
            "为做好政策解读工作，提出以下意见。")
    parsed = parse(text)
    assert parsed.metadata() == {
        "title": "江海省人民政府办公厅关于加强政策解读工作的意见",
        "doc_number": "江政办发〔2017〕110号", "issuer": "江海省人民政府办公厅",
        "index_number": "000014349/2017-00110", "written_date": "2017-10-09",
        "publish_date": "2017-10-12", "effective_date": "2017-11-01", "validity": "有效",
        "topic": "综合政务", "genre": "意见",
    }
    assert parsed.document.body == "为做好政策解读工作，提出以下意见。"


def test_joint_signature_block_gives_joint_issuers():
    text = "关于推进就业的通知\n各有关单位：\n正文。\n江海省人力资源和社会保障厅\n江海省财政厅\n2021年3月5日"
    doc = parse(text).document
    assert doc.issuer == "江海省人力资源和社会保障厅"
    assert doc.joint_issuers == ["江海省财政厅"]
    assert doc.written_date == "2021-03-05"
    assert doc.body == "各有关单位：\n正文。"


def test_text_without_header_keeps_everything_in_the_body():
    parsed = parse("一、总体要求\n为了做好工作，特制定本方案。")
    assert parsed.document.title == ""
    assert parsed.document.body == "一、总体要求\n为了做好工作，特制定本方案。"


def test_responsibility_note_variants():
    assert parse_responsibility("省发展改革委牵头，省财政厅、省自然资源厅按职责分工负责") == (
        ["省发展改革委"], ["省财政厅", "省自然资源厅"], [])
    assert parse_responsibility("责任单位：省教育厅；完成时限：2021年底前") == (
        ["省教育厅"], [], ["2021年底前"])
    assert parse_responsibility("省商务厅牵头，各州、市人民政府配合，2020年12月底前完成") == (
        ["省商务厅"], ["各州、市人民政府"], ["2020年12月底前"])


def test_task_deadline_words_and_quantities():
    (task,) = extract_tasks(["（1）长期坚持开展督查，每年不少于1次，新建26个中心。（省政府督查室负责）"])
    assert task.deadlines == ["长期坚持", "每年"]
    assert task.quantities == ["不少于1次", "26个"]
    assert task.lead_departments == ["省政府督查室"]


def test_tasks_prefill_key_task_rows():
    tasks = parse_document(read_file(SAMPLE)).tasks
    rows = tasks_to_key_tasks(tasks)
    assert rows[0] == KeyTask(task=tasks[0].text, lead="省政务服务局", deadline="于2020年10月底前")


def test_inspect_returns_the_documented_shape():
    result = inspect_path(SAMPLE)
    assert set(result) == {"encoding", "source", "notices", "metadata", "outline", "tasks", "findings"}
    assert result["encoding"] == "utf-8"
    assert result["metadata"]["doc_number"] == "江政办发〔2020〕33号"
    assert result["outline"][0] == {"level": 1, "text": "一、总体要求"}
    assert set(result["tasks"][0]) == {"text", "lead_departments", "other_departments", "deadlines"}
    assert result["findings"] == []  # the sample is clean
    json.dumps(result, ensure_ascii=False)


def test_inspect_reports_findings_with_suggestions(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text("关于做好工作的通知\n江政办发[2020]33号\n各单位：\n一、总体要求\n三、工作任务\n"
                    "【字体：大 中 小】\n", encoding="utf-8")
    result = inspect_path(path)
    codes = {f["code"] for f in result["findings"]}
    assert codes == {"doc-number-format", "heading-sequence", "web-leftover"}
    doc_number = next(f for f in result["findings"] if f["code"] == "doc-number-format")
    assert doc_number["suggestion"] == "江政办发〔2020〕33号" and doc_number["paragraph"] == -1
    assert set(doc_number) == {"code", "severity", "part", "paragraph", "excerpt", "suggestion",
                               "message", "span", "count", "places"}


def test_format_inspection_is_readable_chinese():
    text = format_inspection(inspect_path(SAMPLE))
    assert "发文字号：江政办发〔2020〕33号" in text
    assert "牵头：省政务服务局" in text
    assert "未发现问题" in text


def test_inspect_of_a_hundred_pages_is_fast(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    body = lines[7:-4] * 45  # about 58,000 characters: 100 pages of 22 lines × 28 characters
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines[:7] + body + lines[-4:]), encoding="utf-8")
    inspect_path(path)  # warm caches (opencc dictionary)
    start = time.perf_counter()
    inspect_path(path)
    assert time.perf_counter() - start < 1.0


def test_web_paste_keeps_furniture_and_repeats_in_the_body_for_the_checks(tmp_path):
    path = tmp_path / "web.txt"
    path.write_text("当前位置：首页 > 政策文件\n【字体：大 中 小】 打印本页\n"
                    "江海省人民政府办公厅关于加强政策解读工作的通知\n"
                    "来源：省政府办公厅　发布时间：2020-08-18 10:30\n江政办发〔2020〕33号\n各有关单位：\n"
                    "一、明确解读责任\n各部门要按照“谁起草、谁解读”的原则做好解读。\n"
                    "一、明确解读责任\n各部门要按照“谁起草、谁解读”的原则做好解读。\n"
                    "江海省人民政府办公厅\n2020年8月17日\n（此件公开发布）\n分享到：\n关闭窗口\n",
                    encoding="utf-8")
    result = inspect_path(path)
    assert result["metadata"]["publish_date"] == "2020-08-18"
    assert result["metadata"]["written_date"] == "2020-08-17"
    found = [(f["code"], f["severity"], f["paragraph"]) for f in result["findings"]]
    assert ("duplicate-paragraph", "blocking", 5) in found
    assert [p for c, _s, p in found if c == "web-leftover"] == [0, 7]
    assert [f["span"] for f in result["findings"] if f["code"] == "web-leftover"] == [2, 2]
