"""What a department's packages must agree with: its 机关代字 and who may be 第一解读人.

Administrators keep each department's 机关代字 list in the department's code field
(several codes separated by 、 or commas: 江人社发、江人社函). Services build one
`DepartmentRules` from the store; the consistency checks read only this."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Findings a writer may let through at submit with a recorded reason (a 第一解读人 who is not
# a leader: the head may be away for a long time).
OVERRIDABLE = frozenset({"first-interpreter"})
_CODE_SEPARATORS = re.compile(r"[、,，;；/\s]+")
# Titles of a department's leadership (主要负责人 and the 班子); 主任科员 and 处长 are not.
LEADER_TITLE = re.compile(r"主要负责人|书记|厅长|局长|主任|部长|署长|院长|行长|会长|秘书长|督察长|总经济师|总工程师")
NOT_LEADER_TITLE = re.compile(r"科员|科长|处长|办事员|干部|专员|主任医师|科室主任|办公室主任")


@dataclass(frozen=True)
class DepartmentRules:
    """The department of a package as the rules need it."""

    name: str = ""
    codes: tuple[str, ...] = ()  # 机关代字, e.g. ("江人社发", "江人社函")
    leaders: tuple[tuple[str, str], ...] = ()  # (name, title) of the department's leader accounts


def parse_codes(field: str) -> tuple[str, ...]:
    """The 机关代字 of a department's code field, in order, without duplicates."""
    return tuple(dict.fromkeys(c for c in _CODE_SEPARATORS.split(field or "") if c))


def is_leader_title(title: str) -> bool:
    """Whether a 职务 is one of the department's leaders (厅长、党组书记、主任…), not a staff title."""
    title = title.strip()
    return bool(LEADER_TITLE.search(title)) and not NOT_LEADER_TITLE.search(title)


def code_belongs(issuer_code: str, rules: DepartmentRules) -> bool:
    """Whether a 发文字号's issuer code is one of the department's (江人社发 fits 江人社发/江人社)."""
    return any(issuer_code == c or issuer_code.startswith(c) for c in rules.codes)


def first_interpreter_ok(name: str, title: str, rules: DepartmentRules) -> bool:
    """The 第一解读人 is a leader account of the department or carries a leader's title."""
    name = re.sub(r"\s+", "", name)
    if any(re.sub(r"\s+", "", n) == name for n, _t in rules.leaders):
        return True
    return is_leader_title(title)
