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
MANAGE_ROUTES = "manage_routes"  # define a department's approval routes (审批路线)
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
    MANAGE_ROUTES: frozenset({"admin"}),
    BACKUP: frozenset({"admin"}),
    RECORD_WORK: frozenset({"writer", "reviewer", "leader"}),
}


# What a department taking part in a package's route (会签) may do with it, though it is
# another department's package: read it, remark on it, and act at the steps that name it.
PARTY_ACTIONS = frozenset({VIEW, COMMENT, EXPORT, workflow.PASS, workflow.RETURN, workflow.BACK})
# The transitions taken at a step of the route, by whoever the step names.
STEP_ACTIONS = frozenset({workflow.PASS, workflow.RETURN, workflow.BACK, workflow.SIGN})


def in_scope(user: User, department_id: int | None) -> bool:
    """Whether the user's account covers packages of that department."""
    return user.all_departments or (user.department_id is not None
                                    and user.department_id == department_id)


def can_see(user: User, package: Package) -> bool:
    """Whether the package exists for the user: their department's, or one whose route their
    department takes part in (会签)."""
    return in_scope(user, package.department_id) or is_party_department(user, package)


def route_of(package: Package) -> workflow.Route:
    """The route the package is on (the default before its first submit)."""
    return package.route or workflow.DEFAULT_ROUTE


def current_step(package: Package) -> workflow.Step | None:
    """The step the package is at, or None when it is not on its route."""
    if package.state not in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF):
        return None
    route = route_of(package)
    return route.steps[min(package.step, len(route.steps) - 1)]


def position(package: Package) -> workflow.Position:
    """The package's position on its route."""
    return workflow.position_of(route_of(package), package.state, package.step, package.agreed)


def party_of(user: User, package: Package) -> str | None:
    """The party the user acts as at the package's current step, or None."""
    step = current_step(package)
    if step is None or user.disabled:
        return None
    return workflow.party_for(step, user.id, user.department_id, user.roles,
                              package.department_id, user.all_departments)


def is_party_department(user: User, package: Package) -> bool:
    """Whether the user acts for a department that takes part in the package's route (会签):
    its reviewers and leaders read the package; its writers have no part in it."""
    return bool(user.roles & workflow.ACTING_ROLES) and \
        user.department_id in workflow.route_departments(package.route)


def why_not(user: User, action: str, package: Package | None = None) -> str | None:
    """None if the user may take the action, else the reason in Chinese."""
    if user.disabled:
        return "账号已停用"
    if action in GLOBAL_ACTIONS:
        if not (user.roles & GLOBAL_ACTIONS[action]):
            return f"需要{role_names(GLOBAL_ACTIONS[action])}角色"
        return None
    if package is None:
        raise ValueError(f"action {action!r} needs a package")
    if action in CHANGE_ACTIONS:
        return why_not_change(user, action, package)
    if not in_scope(user, package.department_id) and not (
            action in PARTY_ACTIONS and is_party_department(user, package)):
        return "无权访问其他部门的解读包"
    if action in PACKAGE_ACTIONS:
        roles, states = PACKAGE_ACTIONS[action]
        if not (user.roles & roles):
            return f"需要{role_names(roles)}角色"
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
        return f"需要{role_names(t.roles)}角色"
    if action in STEP_ACTIONS:
        why = _why_not_at_step(user, action, package)
        if why:
            return why
    if t.forbids_author and user.id in package.authors:
        return "不能核稿或签发本人起草的解读包"
    return None


def _why_not_at_step(user: User, action: str, package: Package) -> str | None:
    step = current_step(package)
    assert step is not None  # step actions leave only the states on the route
    if action == workflow.BACK and package.step == 0:
        return "已是第一步，没有上一步可退回"
    party = party_of(user, package)
    if party is None:
        return f"当前步骤“{step.name}”不由您办理"
    if action == workflow.PASS and party in package.agreed:
        return f"您已在“{step.name}”表示同意，正等待其他会签方"
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


def role_names(roles: frozenset[str]) -> str:
    """Role labels joined as a person reads them: 核稿人或签发领导."""
    return "或".join(ROLE_LABELS[r] for r in ROLES if r in roles)


# -- tracked changes (留痕) -----------------------------------------------------------------
# Who may edit the text as tracked changes now (at a step of the route that allows edits, by
# whoever acts there), and who settles them (the package's writers, while it is still open).
TRACK_CHANGE = "track_change"
SETTLE_CHANGE = "settle_change"
CHANGE_ACTIONS = frozenset({TRACK_CHANGE, SETTLE_CHANGE})
SETTLE_STATES = frozenset({workflow.DRAFT, workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF})


def why_not_change(user: User, action: str, package: Package) -> str | None:
    """None if the user may propose (TRACK_CHANGE) or settle (SETTLE_CHANGE) tracked changes
    of the package now, else the reason in Chinese."""
    if user.disabled:
        return "账号已停用"
    if not can_see(user, package):
        return "无权访问其他部门的解读包"
    if action == SETTLE_CHANGE:
        if "writer" not in user.roles or user.id not in package.authors:
            return "只有本解读包的拟稿人才能接受或拒绝修改"
        if package.state not in SETTLE_STATES:
            return (f"解读包处于“{workflow.STATE_LABELS[package.state]}”状态，"
                    "不能接受或拒绝修改")
        return None
    step = current_step(package)
    if step is None:
        return (f"解读包处于“{workflow.STATE_LABELS[package.state]}”状态，不在审批路线上，"
                "不能以修订模式修改")
    if party_of(user, package) is None:
        return f"当前步骤“{step.name}”不由您办理，不能修改"
    if not step.may_edit:
        return f"当前步骤“{step.name}”不允许直接修改文字，请用批注提出意见"
    return None
