"""Plan against materials and department: each chosen form has its materials, the 政府网站
channel is there, the 第一解读人 is a leader, meeting times are real date-times, and the
发文字号 agrees with the 拟发文号 and the department's 机关代字."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..department_rules import DepartmentRules, code_belongs, first_interpreter_ok
from ..kinds import material_kind
from ..model import Package
from ..validation import doc_number_code
from . import BLOCKING, Finding

# 解读形式 → the material kinds it needs (every kind listed must be present).
FORM_MATERIALS: dict[str, tuple[str, ...]] = {
    "新闻发布会": ("speech", "host_script", "reporter_lines"),
    "图表图解": ("chart",),
    "在线访谈": ("interview_outline",),
    "音频视频": ("media_script",),
}
# 规定: 政府网站是政策解读的第一平台.
WEBSITE_CHANNEL = re.compile(r"政府(?:门户)?网站")
_DATE = r"(?:(?:19|20)\d{2})(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月\d{1,2}日)"
_TIME = r"(?:[T\s]*(?:上午|下午|晚上)?\s*\d{1,2}(?::\d{2}|[时点](?:\d{1,2}分|半)?))"
MEETING_TIME = re.compile(rf"^\s*{_DATE}\s*(?:[（(]?星期[一二三四五六日天][）)]?)?\s*{_TIME}")


def check_consistency(package: Package, rules: DepartmentRules | None = None) -> Iterable[Finding]:
    """Every rule between the plan, the materials and the department, as blocking findings."""
    yield from _forms(package)
    yield from _website(package)
    yield from _meeting_time(package)
    yield from _doc_numbers(package, rules)
    if rules is not None:
        yield from _first_interpreter(package, rules)


def _finding(code: str, field: str, excerpt: str, message: str,
             suggestion: str | None = None) -> Finding:
    return Finding(code, BLOCKING, "plan", -1, excerpt, message, suggestion, field)


def _forms(package: Package) -> Iterator[Finding]:
    kinds = {m.kind for m in package.materials}
    for form in package.plan.forms:
        missing = [k for k in FORM_MATERIALS.get(form, ()) if k not in kinds]
        if missing:
            labels = "、".join(material_kind(k).label for k in missing)
            yield _finding("form-materials", "forms", form,
                           f"解读形式选择了“{form}”，但缺少对应的解读材料：{labels}；"
                           f"请添加这些材料，或取消该解读形式")


def _website(package: Package) -> Iterator[Finding]:
    channels = package.plan.channels
    if channels and not any(WEBSITE_CHANNEL.search(c) for c in channels):
        yield _finding("website-channel", "channels", "、".join(channels),
                       "解读渠道须包含“政府门户网站政策解读专栏”（政府网站是政策解读的第一平台）",
                       "政府门户网站政策解读专栏")


def _meeting_time(package: Package) -> Iterator[Finding]:
    plan = package.plan
    time = plan.press_conference.time.strip()
    chosen = {"新闻发布会", "政策吹风会"} & set(plan.forms)
    if chosen and time and not MEETING_TIME.match(time):
        yield _finding("meeting-time", "press_conference.time", time,
                       f"新闻发布会时间“{time}”不是具体的日期和时间，请写明如“2026年3月25日 10:00”")


def _doc_numbers(package: Package, rules: DepartmentRules | None) -> Iterator[Finding]:
    number = package.document.doc_number.strip()
    proposed = package.plan.proposed_doc_number.strip()
    if number and proposed and number != proposed:
        yield _finding("doc-number-mismatch", "proposed_doc_number", proposed,
                       f"拟发文号“{proposed}”与政策文件的发文字号“{number}”不一致", number)
    code = doc_number_code(number)
    if rules is not None and rules.codes and code and not code_belongs(code, rules):
        yield Finding("issuer-code", BLOCKING, "document", -1, number,
                      f"发文字号“{number}”的机关代字“{code}”不属于{rules.name or '本部门'}"
                      f"（本部门机关代字：{'、'.join(rules.codes)}）", None, "doc_number")


def _first_interpreter(package: Package, rules: DepartmentRules) -> Iterator[Finding]:
    person = package.plan.first_interpreter
    if person.name.strip() and not first_interpreter_ok(person.name, person.title, rules):
        who = f"{person.name} {person.title}".strip()
        yield _finding("first-interpreter", "first_interpreter", who,
                       f"第一解读人“{who}”不是本部门主要负责人或领导；第一解读人应为部门主要负责人，"
                       "如确需由他人担任，请在提交时说明理由")
