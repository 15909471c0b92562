"""Approval routes (审批路线): defined by an administrator per department, chosen at submit,
and shown as the package's progress along them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain import permissions, workflow
from ..domain.errors import NotFoundError, PermissionDenied, ValidationError
from ..domain.model import Package, User
from ..domain.workflow import Route, Step
from .base import ServiceBase, clean_field

DONE = "done"
CURRENT = "current"
WAITING = "waiting"


@dataclass(frozen=True)
class StepProgress:
    """One step of a package's route as the 审签 tab shows it."""

    name: str
    status: str  # done / current / waiting (all waiting when the package is off the route)
    actors: str  # who acts there, in words: 本部门核稿人, 张三, 法规处…
    agreed: tuple[str, ...] = ()  # 会签 parties that agreed, by name
    pending: tuple[str, ...] = ()  # 会签 parties still to agree, by name
    may_edit: bool = False
    cosign: bool = False


@dataclass(frozen=True)
class RouteProgress:
    """The package's route and where it stands."""

    route_name: str
    steps: tuple[StepProgress, ...]
    frozen: bool  # the route was fixed at submit (False: the route a submit would take now)


class RouteService(ServiceBase):
    """Define, list and retire routes; choose one for a package; show its progress."""

    # -- defining ---------------------------------------------------------------------------
    def routes(self, actor: User, department_id: int | None = None) -> list[Route]:
        """The department's routes in use (the actor's own department by default)."""
        department_id = actor.department_id if department_id is None else department_id
        if department_id is None:
            return []
        if not permissions.in_scope(actor, department_id):
            raise PermissionDenied("无权查看其他部门的审批路线")
        return self.store.routes.of_department(department_id)

    def save(self, actor: User, route: Route) -> Route:
        """Create (id None) or change a route; the change applies to packages submitted from
        now on (those on the route keep the copy frozen at their submit)."""
        self._require(actor, permissions.MANAGE_ROUTES)
        if route.department_id is None or not permissions.in_scope(actor, route.department_id):
            raise PermissionDenied("只能为本部门定义审批路线")
        route = self._cleaned(route)
        problems = workflow.route_problems(route) + self._people_problems(route)
        if problems:
            raise ValidationError("审批路线有误：" + "；".join(problems))
        at = self.clock()
        with self.store.transaction():
            if route.id is not None:
                old = self.store.routes.get(route.id)
                if old.department_id != route.department_id:
                    raise NotFoundError(f"审批路线 {route.id} 不存在")
            route_id = self.store.routes.save(route, actor.id, at)
            self.store.audit(actor.id, None, "save_route", {
                "route_id": route_id, "department_id": route.department_id,
                **workflow.route_to_dict(replace(route, id=route_id))}, at)
        return self.store.routes.get(route_id)

    def retire(self, actor: User, route_id: int) -> None:
        """Take a route out of use."""
        self._require(actor, permissions.MANAGE_ROUTES)
        at = self.clock()
        with self.store.transaction():
            route = self.store.routes.get(route_id)
            if not permissions.in_scope(actor, route.department_id):
                raise NotFoundError(f"审批路线 {route_id} 不存在")
            self.store.routes.retire(route_id, at)
            self.store.audit(actor.id, None, "retire_route", {"route_id": route_id,
                                                               "name": route.name}, at)

    def _cleaned(self, route: Route) -> Route:
        steps = tuple(replace(s, name=clean_field(s.name, "步骤名称", required=False,
                                                   max_len=workflow.STEP_NAME_MAX * 2))
                      for s in route.steps)
        genres = tuple(g for g in (clean_field(g, "文种", required=False, max_len=20)
                                   for g in route.genres) if g)
        name = clean_field(route.name, "路线名称", required=False,
                           max_len=workflow.ROUTE_NAME_MAX * 2)
        return replace(route, name=name, steps=steps, genres=genres)

    def _people_problems(self, route: Route) -> list[str]:
        problems = []
        known_departments = {d.id for d in self.store.departments.all()}
        users = {u.id: u for u in self.store.users.all()}
        for i, step in enumerate(route.steps, 1):
            for department_id in step.departments:
                if department_id not in known_departments:
                    problems.append(f"第{i}步指定的部门（编号 {department_id}）不存在")
            for user_id in step.users:
                user = users.get(user_id)
                if user is None:
                    problems.append(f"第{i}步指定的人员（编号 {user_id}）不存在")
                elif not user.roles & workflow.ACTING_ROLES:
                    problems.append(f"第{i}步指定的“{user.display_name}”不是核稿人或签发领导")
                elif user.department_id != route.department_id and not user.all_departments:
                    problems.append(f"第{i}步指定的“{user.display_name}”不属于本部门；"
                                    "其他部门的人员请以会签部门的方式指定")
                elif workflow.is_last(route, i - 1) and not user.has("leader"):
                    problems.append(f"第{i}步是签发，“{user.display_name}”不是签发领导")
        return problems

    # -- choosing ---------------------------------------------------------------------------
    def choices(self, actor: User, package_id: int) -> tuple[list[Route], Route]:
        """The routes a writer may submit the package on, and the one taken by default: the
        department's route for the document's 文种, else its default, else 核稿—签发."""
        package = self._load(actor, package_id)
        routes = self.store.routes.of_department(package.department_id)
        return routes, self._default_for(package, routes)

    def chosen(self, package: Package, route_id: int | None) -> Route:
        """The route a submit takes, frozen: joint issuers found among the departments become
        its 会签 parties. Raises for a route of another department or one taken out of use."""
        if route_id is None:
            route = self._default_for(package,
                                      self.store.routes.of_department(package.department_id))
        else:
            route = self.store.routes.get(route_id)
            if route.department_id != package.department_id:
                raise NotFoundError(f"审批路线 {route_id} 不存在")
            if self.store.routes.is_retired(route_id):
                raise ValidationError(f"审批路线“{route.name}”已停用，请选择其他路线")
        return workflow.freeze(route, self._joint_departments(package))

    @staticmethod
    def _default_for(package: Package, routes: list[Route]) -> Route:
        genre = package.document.genre.strip()
        for route in routes:
            if genre and genre in route.genres:
                return route
        for route in routes:
            if route.is_default:
                return route
        return workflow.DEFAULT_ROUTE

    def _joint_departments(self, package: Package) -> tuple[int, ...]:
        """The document's 联合发文机关 that are departments here (exact name, or a name one
        ends with the other: 省财政厅 / 江海省财政厅)."""
        found: list[int] = []
        departments = self.store.departments.all()
        for issuer in package.document.joint_issuers:
            issuer = issuer.strip()
            if len(issuer) < 2:
                continue
            for d in departments:
                if d.id == package.department_id or d.id in found:
                    continue
                if d.name == issuer or (len(issuer) >= 4 and (d.name.endswith(issuer)
                                                              or issuer.endswith(d.name))):
                    found.append(d.id)
                    break
        return tuple(found)

    # -- showing ----------------------------------------------------------------------------
    def progress(self, actor: User, package_id: int) -> RouteProgress:
        """The package's route step by step: done, current (with 会签 agreed/pending), waiting."""
        package = self._load(actor, package_id)
        on_route = package.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF)
        frozen = package.route is not None
        route = package.route if frozen else self.chosen(package, None)
        names = self.store.users.names()
        departments = {d.id: d.name for d in self.store.departments.all()}
        done_all = package.state in (workflow.SIGNED, workflow.RELEASED)
        steps = []
        for i, step in enumerate(route.steps):
            if done_all or (on_route and i < package.step):
                status = DONE
            elif on_route and i == package.step:
                status = CURRENT
            else:
                status = WAITING
            required = workflow.required_parties(step)
            agreed = package.agreed if status == CURRENT else frozenset()
            steps.append(StepProgress(
                step.name, status, step_actors(step, names, departments),
                tuple(_party_name(p, names, departments) for p in sorted(required & agreed)),
                tuple(_party_name(p, names, departments)
                      for p in sorted(required - agreed)) if status == CURRENT else (),
                step.may_edit, bool(required)))
        return RouteProgress(route.name, tuple(steps), frozen)


def _party_name(party: str, names: dict[int, str], departments: dict[int, str]) -> str:
    kind, key = workflow.party_parts(party)
    return (names if kind == workflow.USER_PARTY else departments).get(key, str(key))


def step_actors(step: Step, names: dict[int, str], departments: dict[int, str]) -> str:
    """Who acts at a step, in words: 张三、李四 / 江海省司法厅核稿人 / 本部门核稿人或签发领导."""
    if step.users:
        return "、".join(names.get(u, str(u)) for u in step.users)
    roles = permissions.role_names(step.roles)
    if step.departments:
        return "、".join(departments.get(d, str(d)) for d in step.departments) + roles
    return "本部门" + roles
