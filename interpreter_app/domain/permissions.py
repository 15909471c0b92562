"""Who may do what: the permission table for writer, reviewer, leader and admin, by department."""

from __future__ import annotations

from . import workflow
from .model import Package, User

ROLES = ("writer", "reviewer", "leader", "admin")
ROLE_LABELS = {"writer": "拟稿人", "reviewer": "核稿人", "leader": "签发领导", "admin": "管理员"}

VIEW = "view"
EDIT = "edit"
COMMENT = "comment"
EXPORT = "export"
SAVE_VERSION = "save_version"
CREATE = "create"
MANAGE_USERS = "manage_users"
MANAGE_DEPARTMENTS = "manage_departments"
BACKUP = "backup"
OVERRIDE_EMBARGO = "override_embargo"  # let a signed package out before its embargo, with a reason
RECORD_POSTING = "record_posting"  # the page's real address and posting time, after release
RECORD_WORK = "record_work"  # events held, 发文登记, 回应关切 of one's own department

# Actions on a package that are not workflow transitions: roles allowed and states where allowed.
PACKAGE_ACTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    VIEW: (frozenset(ROLES), frozenset(workflow.STATES)),
    EDIT: (frozenset({"writer"}), workflow.EDITABLE_STATES),
    COMMENT: (frozenset({"writer", "reviewer", "leader"}),
              frozenset({workflow.DRAFT, workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF})),
    EXPORT: (frozenset({"writer", "reviewer", "leader"}), frozenset(workflow.STATES)),
    OVERRIDE_EMBARGO: (frozenset({"admin"}), frozenset({workflow.SIGNED})),
    SAVE_VERSION: (frozenset({"writer", "reviewer", "leader"}), frozenset(workflow.STATES)),
    RECORD_POSTING: (frozenset({"writer", "reviewer", "leader"}), frozenset({workflow.RELEASED})),
}
# Actions that are not about one package.
GLOBAL_ACTIONS = {
    CREATE: frozenset({"writer"}),
    MANAGE_USERS: frozenset({"admin"}),
    MANAGE_DEPARTMENTS: frozenset({"admin"}),
    BACKUP: frozenset({"admin"}),
    RECORD_WORK: frozenset({"writer", "reviewer", "leader"}),
}


def in_scope(user: User, department_id: int | None) -> bool:
    """Whether the user's account covers packages of that department."""
    return user.all_departments or (user.department_id is not None
                                    and user.department_id == department_id)


def why_not(user: User, action: str, package: Package | None = None) -> str | None:
    """None if the user may take the action, else the reason in Chinese."""
    if user.disabled:
        return "账号已停用"
    if action in GLOBAL_ACTIONS:
        if not (user.roles & GLOBAL_ACTIONS[action]):
            return f"需要{_role_names(GLOBAL_ACTIONS[action])}角色"
        return None
    if package is None:
        raise ValueError(f"action {action!r} needs a package")
    if not in_scope(user, package.department_id):
        return "无权访问其他部门的解读包"
    if action in PACKAGE_ACTIONS:
        roles, states = PACKAGE_ACTIONS[action]
        if not (user.roles & roles):
            return f"需要{_role_names(roles)}角色"
        if package.state not in states:
            return f"解读包处于“{workflow.STATE_LABELS[package.state]}”状态，不能{_ACTION_NAMES[action]}"
        return None
    return _why_not_transition(user, action, package)


def _why_not_transition(user: User, action: str, package: Package) -> str | None:
    t = workflow.transition_for(action, package.state)
    if t is None:
        label = workflow.ACTION_LABELS.get(action, action)
        return f"解读包处于“{workflow.STATE_LABELS[package.state]}”状态，不能{label}"
    if not (user.roles & t.roles):
        return f"需要{_role_names(t.roles)}角色"
    if t.forbids_author and user.id in package.authors:
        return "不能核稿或签发本人起草的解读包"
    return None


def may(user: User, action: str, package: Package | None = None) -> bool:
    """Whether the user may take the action."""
    return why_not(user, action, package) is None


def available_transitions(user: User, package: Package) -> list[workflow.Transition]:
    """The workflow transitions this user may take on this package now."""
    return [t for t in workflow.actions_from(package.state) if may(user, t.action, package)]


_ACTION_NAMES = {VIEW: "查看", EDIT: "修改", COMMENT: "批注", EXPORT: "导出",
                 SAVE_VERSION: "保存版本", OVERRIDE_EMBARGO: "登记提前发布",
                 RECORD_POSTING: "登记上网情况"}


def _role_names(roles: frozenset[str]) -> str:
    return "或".join(ROLE_LABELS[r] for r in ROLES if r in roles)
