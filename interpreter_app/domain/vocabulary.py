"""The names of the package's fields, once: validation messages, findings, history and import
say the same word for the same field (domain.md, "Metadata" and "The plan").

The window translates its own labels (`ui/labels.py`); these are the Chinese names the rules,
the command line and the exported files use.
"""

from __future__ import annotations

DOCUMENT_FIELD_LABELS = {
    "title": "标题", "doc_number": "发文字号", "issuer": "发文机关",
    "joint_issuers": "联合发文机关", "index_number": "索引号", "written_date": "成文日期",
    "publish_date": "发布日期", "effective_date": "施行日期", "validity": "有效性",
    "topic": "主题分类", "genre": "体裁", "disclosure": "公开属性",
    "disclosure_reason": "不予公开理由", "normative_number": "规范性文件统一编号",
    "body": "正文", "masthead": "发文机关标志", "signer": "签发人", "attachments": "附件",
    "note": "附注", "copy_to": "抄送", "printer": "印发机关", "print_date": "印发日期",
    "source_file": "导入的原文件",
}

PLAN_FIELD_LABELS = {
    "outline": "解读提纲", "forms": "解读形式", "channels": "解读渠道",
    "first_interpreter": "第一解读人", "interpreters": "解读人",
    "proposed_doc_number": "拟发文号", "lead_unit": "起草（牵头）单位",
    "joint_units": "联合发文单位", "audiences": "解读对象", "risk_level": "舆情风险等级",
    "key_risks": "主要风险", "response_plan": "应对预案", "response_lines": "回应口径",
    "contact_person": "联系人", "contact_phone": "联系电话", "key_tasks": "重点任务",
}

MATERIAL_FIELD_LABELS = {
    "title": "材料标题", "audience": "公开属性", "caption": "图注", "chart": "图表",
    "qa": "问答",
}

# 新闻发布会 arrangements of the plan, by their dotted key.
PRESS_FIELD_LABELS = {
    "press_conference.time": "新闻发布会时间", "press_conference.place": "新闻发布会地点",
    "press_conference.host": "新闻发布会主持人", "press_conference.speakers": "新闻发布会发布人",
    "press_conference.media": "新闻发布会邀请媒体",
}

# Any field by its key, for findings that name a field without saying of which part.
FIELD_LABELS = {**MATERIAL_FIELD_LABELS, **PLAN_FIELD_LABELS, **PRESS_FIELD_LABELS,
                **DOCUMENT_FIELD_LABELS}


def field_label(key: str) -> str:
    """The Chinese name of a field (the key itself when it has none)."""
    return FIELD_LABELS.get(key, key)
