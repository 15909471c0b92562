"""The package workflow as a small pure state machine: states, actions, transitions, guards.

A package moves along an approval route (审批路线): an ordered list of steps, each naming who may
act there. While it is on the route its state is IN_REVIEW, or AWAITING_SIGNOFF at the last step,
where a leader signs; `Position` says at which step and who has agreed there (会签). The
default route, 核稿 then 签发, is the three-step workflow of writer, reviewer and leader.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

DRAFT = "draft"
IN_REVIEW = "in_review"
AWAITING_SIGNOFF = "awaiting_signoff"
SIGNED = "signed"
RELEASED = "released"
STATES = (DRAFT, IN_REVIEW, AWAITING_SIGNOFF, SIGNED, RELEASED)
STATE_LABELS = {
    DRAFT: "起草中", IN_REVIEW: "核稿中", AWAITING_SIGNOFF: "待签发",
    SIGNED: "已签发", RELEASED: "已发布",
}

SUBMIT = "submit"
PASS = "pass"
RETURN = "return"
WITHDRAW = "withdraw"
SIGN = "sign"
REVOKE = "revoke"
RELEASE = "release"
REVISE = "revise"
BACK = "back"  # return to the previous step of the route
ACTION_LABELS = {
    SUBMIT: "提交核稿", PASS: "核稿通过", RETURN: "退回", WITHDRAW: "撤回",
    SIGN: "签发", REVOKE: "撤销签发", RELEASE: "同步发布", REVISE: "修订",
    BACK: "退回上一步",
}
# Roles that act at the steps of a route (writers write; administrators administer).
ACTING_ROLES = frozenset({"reviewer", "leader"})


@dataclass(frozen=True)
class Transition:
    """One edge of the workflow: who may take it and what it needs."""

    action: str
    source: str
    target: str
    roles: frozenset[str]
    needs_reason: bool = False
    forbids_author: bool = False  # the people who wrote it may not take it
    needs_password: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    # The targets of SUBMIT, PASS and BACK are where the route says (see `advance`); the roles
    # of the steps' actions are the most a step may name, the step itself says who.
    Transition(SUBMIT, DRAFT, IN_REVIEW, frozenset({"writer"})),
    Transition(PASS, IN_REVIEW, AWAITING_SIGNOFF, ACTING_ROLES, forbids_author=True),
    Transition(RETURN, IN_REVIEW, DRAFT, ACTING_ROLES, needs_reason=True),
    Transition(BACK, IN_REVIEW, IN_REVIEW, ACTING_ROLES, needs_reason=True),
    Transition(WITHDRAW, IN_REVIEW, DRAFT, frozenset({"writer"})),
    Transition(SIGN, AWAITING_SIGNOFF, SIGNED, frozenset({"leader"}),
               forbids_author=True, needs_password=True),
    Transition(RETURN, AWAITING_SIGNOFF, DRAFT, frozenset({"leader"}), needs_reason=True),
    Transition(BACK, AWAITING_SIGNOFF, IN_REVIEW, frozenset({"leader"}), needs_reason=True),
    Transition(RELEASE, SIGNED, RELEASED, frozenset({"writer", "leader"})),
    Transition(REVOKE, SIGNED, DRAFT, frozenset({"leader"}), needs_reason=True),
    Transition(REVISE, RELEASED, DRAFT, frozenset({"writer"})),
)

# States whose content may be edited.
EDITABLE_STATES = frozenset({DRAFT})
# Who is expected to act next, by state (a role name), for "who holds it now".
HOLDER_ROLE = {DRAFT: "writer", IN_REVIEW: "reviewer", AWAITING_SIGNOFF: "leader",
               SIGNED: "writer", RELEASED: ""}


def transition_for(action: str, state: str) -> Transition | None:
    """The transition for an action from a state, or None if the action is not possible."""
    for t in TRANSITIONS:
        if t.action == action and t.source == state:
            return t
    return None


def actions_from(state: str) -> list[Transition]:
    """All transitions leaving a state."""
    return [t for t in TRANSITIONS if t.source == state]


def is_editable(state: str) -> bool:
    """Whether content may be changed in this state."""
    return state in EDITABLE_STATES


# -- routes -------------------------------------------------------------------------------------

STEP_NAME_MAX = 20
ROUTE_NAME_MAX = 40
MAX_STEPS = 12
# What a party at a step is, as a key: one named user, or one department (any member of it
# holding one of the step's roles).
USER_PARTY = "user:"
DEPT_PARTY = "dept:"


@dataclass(frozen=True)
class Step:
    """One desk of a route: who acts there, whether all of them must (会签), whether they edit.

    `users` names people who may act; otherwise members of `departments` (the package's own
    department when none is named) who hold one of `roles`. At a 会签 step (`all_must_act`)
    every named user and every department must agree before the package moves on;
    `joint_issuers` adds the document's 联合发文机关 found among the departments when the route
    is frozen at submit."""

    name: str
    roles: frozenset[str] = frozenset({"reviewer"})
    users: tuple[int, ...] = ()
    departments: tuple[int, ...] = ()
    joint_issuers: bool = False
    all_must_act: bool = False
    may_edit: bool = False


@dataclass(frozen=True)
class Route:
    """审批路线: the steps a package passes, the last one signing. Frozen into the package when
    it is submitted, so changing a route later does not move packages already on it."""

    name: str
    steps: tuple[Step, ...]
    id: int | None = None
    department_id: int | None = None
    genres: tuple[str, ...] = ()  # 文种 (e.g. 通知、意见) for which it is chosen by default
    is_default: bool = False


DEFAULT_ROUTE = Route("核稿—签发", (Step("核稿", frozenset({"reviewer"})),
                                  Step("签发", frozenset({"leader"}))))


@dataclass(frozen=True)
class Position:
    """Where a package is: its state, its step on the route and who agreed at that step."""

    state: str
    step: int = 0
    agreed: frozenset[str] = field(default_factory=frozenset)


def route_problems(route: Route) -> list[str]:
    """What makes a route unusable, in Chinese ([] when it is fine)."""
    problems = []
    if not route.name.strip():
        problems.append("路线名称不能为空")
    elif len(route.name) > ROUTE_NAME_MAX:
        problems.append(f"路线名称不能超过{ROUTE_NAME_MAX}字")
    if not route.steps:
        return problems + ["路线至少要有一个步骤（签发）"]
    if len(route.steps) > MAX_STEPS:
        problems.append(f"路线不能超过{MAX_STEPS}个步骤")
    names = [s.name.strip() for s in route.steps]
    for i, step in enumerate(route.steps, 1):
        where = f"第{i}步“{step.name.strip()}”" if step.name.strip() else f"第{i}步"
        if not step.name.strip():
            problems.append(f"{where}没有名称")
        elif len(step.name) > STEP_NAME_MAX:
            problems.append(f"{where}的名称不能超过{STEP_NAME_MAX}字")
        elif names.count(step.name.strip()) > 1:
            problems.append(f"{where}与其他步骤重名")
        if not step.roles <= ACTING_ROLES:
            problems.append(f"{where}只能由核稿人或签发领导办理")
        if not step.roles and not step.users:
            problems.append(f"{where}没有指定办理的角色或人员")
        if step.all_must_act and not (step.users or step.departments or step.joint_issuers):
            problems.append(f"{where}是会签步骤，须指定会签的人员、部门或联合发文机关")
    last = route.steps[-1]
    if last.roles != frozenset({"leader"}) and not last.users:
        problems.append("最后一步是签发，只能由签发领导办理")
    if last.all_must_act or last.departments or last.joint_issuers:
        problems.append("最后一步是签发，不能是会签步骤或由其他部门办理")
    return problems


def is_last(route: Route, step: int) -> bool:
    """Whether `step` is the route's signing step."""
    return step == len(route.steps) - 1


def state_at(route: Route, step: int) -> str:
    """The state of a package at a step of the route."""
    return AWAITING_SIGNOFF if is_last(route, step) else IN_REVIEW


def position_of(route: Route, state: str, step: int, agreed=frozenset()) -> Position:
    """A package's position (step and agreements count only while it is on the route)."""
    if state in (IN_REVIEW, AWAITING_SIGNOFF):
        return Position(state, min(max(step, 0), len(route.steps) - 1), frozenset(agreed))
    return Position(state)


def required_parties(step: Step) -> frozenset[str]:
    """The parties that must all agree at a 会签 step (empty at a step where one suffices)."""
    if not step.all_must_act:
        return frozenset()
    return frozenset({f"{USER_PARTY}{u}" for u in step.users}
                     | {f"{DEPT_PARTY}{d}" for d in step.departments})


def party_for(step: Step, user_id: int | None, department_id: int | None,
              roles: frozenset[str], own_department: int,
              all_departments: bool = False) -> str | None:
    """The party a user acts as at the step, or None when the step is not theirs.

    A named user acts as themself; otherwise a member of a step's department (the package's
    own when the step names none) holding one of its roles acts for that department. A user
    whose account covers every department acts for the package's own department only."""
    if not roles & ACTING_ROLES:
        return None
    if step.users:
        return f"{USER_PARTY}{user_id}" if user_id in step.users else None
    if not roles & step.roles:
        return None
    departments = step.departments or (own_department,)
    if department_id in departments:
        return f"{DEPT_PARTY}{department_id}"
    if all_departments and not step.departments:
        return f"{DEPT_PARTY}{own_department}"
    return None


def party_parts(party: str) -> tuple[str, int]:
    """A party key as (USER_PARTY or DEPT_PARTY, the user's or the department's id)."""
    kind = USER_PARTY if party.startswith(USER_PARTY) else DEPT_PARTY
    return kind, int(party[len(kind):])


def open_parties(step: Step, agreed: frozenset[str], own_department: int) -> list[str]:
    """The parties that may still act at the step (for the lists of who must act now)."""
    required = required_parties(step)
    if required:
        return sorted(required - agreed)
    if step.users:
        return [f"{USER_PARTY}{u}" for u in step.users]
    return [f"{DEPT_PARTY}{d}" for d in (step.departments or (own_department,))]


def step_done(step: Step, agreed: frozenset[str]) -> bool:
    """Whether everybody the step needs has agreed."""
    required = required_parties(step)
    return bool(agreed) and required <= agreed


def advance(route: Route, position: Position, action: str, party: str = "") -> Position:
    """Where an action takes a package: the one place that knows how routes move.

    Raises ValueError for an action the position does not allow (the callers check rights
    first; this keeps the machine whole even when they do not)."""
    t = transition_for(action, position.state)
    if t is None:
        raise ValueError(f"{action} is not possible from {position.state}")
    if action == SUBMIT:
        return Position(state_at(route, 0), 0)
    if action == PASS:
        step = route.steps[position.step]
        agreed = position.agreed | {party}
        if not step_done(step, agreed):
            return replace(position, agreed=agreed)
        nxt = position.step + 1
        return Position(state_at(route, nxt), nxt)
    if action == BACK:
        if position.step == 0:
            raise ValueError("the first step has no previous step")
        return Position(state_at(route, position.step - 1), position.step - 1)
    return Position(t.target)


def freeze(route: Route, joint_departments: tuple[int, ...]) -> Route:
    """The route as a package keeps it: joint issuers resolved into departments, and steps
    that nobody would act at (a 会签 of joint issuers when there are none) left out."""
    steps = []
    for step in route.steps:
        if step.joint_issuers:
            extra = tuple(d for d in joint_departments if d not in step.departments)
            step = replace(step, departments=step.departments + extra, joint_issuers=False)
            if step.all_must_act and not (step.users or step.departments):
                continue
        steps.append(step)
    return replace(route, steps=tuple(steps))


def route_departments(route: Route | None) -> frozenset[int]:
    """Every department named at a step of the route (会签 parties may read the package)."""
    if route is None:
        return frozenset()
    return frozenset(d for s in route.steps for d in s.departments)


def route_to_dict(route: Route) -> dict:
    """A route as plain JSON-ready values (what is stored and what decisions sign)."""
    return {"name": route.name, "id": route.id, "department_id": route.department_id,
            "genres": list(route.genres), "is_default": route.is_default,
            "steps": [{"name": s.name, "roles": sorted(s.roles), "users": list(s.users),
                       "departments": list(s.departments), "joint_issuers": s.joint_issuers,
                       "all_must_act": s.all_must_act, "may_edit": s.may_edit}
                      for s in route.steps]}


def route_from_dict(data: dict) -> Route:
    """The inverse of `route_to_dict` (unknown keys ignored)."""
    steps = tuple(Step(name=str(s.get("name", "")), roles=frozenset(s.get("roles", ())),
                       users=tuple(int(u) for u in s.get("users", ())),
                       departments=tuple(int(d) for d in s.get("departments", ())),
                       joint_issuers=bool(s.get("joint_issuers", False)),
                       all_must_act=bool(s.get("all_must_act", False)),
                       may_edit=bool(s.get("may_edit", False)))
                  for s in data.get("steps", ()))
    return Route(name=str(data.get("name", "")), steps=steps, id=data.get("id"),
                 department_id=data.get("department_id"),
                 genres=tuple(data.get("genres", ())), is_default=bool(data.get("is_default")))
