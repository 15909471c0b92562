"""missing-element: the outline and 文字解读 must touch the 解读要素 that the policy calls for."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Package
from . import WARNING, Finding
from .readiness import substantive_text

# Words that show a text deals with an element.
SYNONYMS: dict[str, str] = {
    "背景依据": "背景|依据|出台|起草|制定过程|政策来源",
    "目标任务": "目标|任务",
    "主要内容": "主要内容|主要措施|重点任务|主要举措|核心内容|主要条款|具体措施",
    "涉及范围": "范围|适用|对象|涉及|覆盖",
    "执行标准": "标准|条件|门槛",
    "操作方法": "操作|办理|申请|申报|流程|如何|怎么|方式",
    "注意事项": "注意|事项|提醒|需要说明|特别说明",
    "关键词诠释": "关键词|术语|名词解释|是指|含义|释义",
    "惠民利民举措": "惠民|利民|便民|补贴|补助|优惠|减免|红利|实惠",
    "新旧政策差异": "新旧|变化|差异|区别|调整|修订|原政策|相比",
    "受理单位": "受理|窗口|受理部门|办理部门",
    "办事条件": "条件|资格",
    "材料": "材料|证明|证件",
    "程序": "程序|流程|步骤|环节",
    "时限": "时限|期限|工作日|截止|日内",
}
# When an element applies, judged from the policy text; None means always.
APPLIES: dict[str, str | None] = {
    "背景依据": None, "目标任务": None, "主要内容": None, "涉及范围": None,
    "执行标准": "标准(?!化)|条件",
    "操作方法": "申请|申报|办理|流程|程序",
    "注意事项": "申请|申报|办理",
    "关键词诠释": "是指|所称|本办法所|本规定所|定义",
    "惠民利民举措": "补贴|补助|奖励|减免|优惠|扶持|惠民",
    "新旧政策差异": "废止|修订|同时废止|不再执行|原《|修改",
}
CITIZEN_TRIGGER = "申请人|申报人|提交.{0,8}材料|受理单位|受理部门|办理时限|受理时限|到.{0,6}办理"
CITIZEN_ELEMENTS = ("受理单位", "办事条件", "材料", "程序", "时限")


def applicable_elements(policy_text: str) -> list[str]:
    """The 解读要素 the policy calls for, in the order of kinds.ELEMENTS."""
    elements = [e for e, trigger in APPLIES.items() if trigger is None or re.search(trigger, policy_text)]
    if re.search(CITIZEN_TRIGGER, policy_text):
        elements += CITIZEN_ELEMENTS
    return elements


def covered(element: str, text: str) -> bool:
    """Whether the text deals with the element (by its name or a synonym)."""
    return element in text or re.search(SYNONYMS[element], text) is not None


def check_missing_elements(package: Package) -> Iterable[Finding]:
    """Elements the policy calls for that neither the plan outline nor any 文字解读 mentions."""
    # A heading counts only with real text under it, never a bare template heading or note.
    articles = [substantive_text(m.body) for m in package.materials if m.kind == "article"]
    interpretation = "\n".join([package.plan.outline, *articles])
    if not interpretation.strip():
        return  # nothing written yet: the completeness gate reports that
    for element in applicable_elements(package.document.title + "\n" + package.document.body):
        if not covered(element, interpretation):
            yield Finding("missing-element", WARNING, "plan", -1, element,
                          f"解读提纲和文字解读均未涉及解读要素“{element}”", None, "outline")
