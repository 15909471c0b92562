"""interpreter-cli commands for approval routes (审批路线): define, list, show, retire, and a
package's progress along its route. Each returns an exit code; `add_parsers` adds them."""

from __future__ import annotations

import argparse

from .cli_commands import EXIT_OK, _emit, _signed_in
from .domain import workflow
from .domain.errors import ValidationError
from .services.routes import step_actors

ROUTE_COMMANDS = ("route",)
STEP_HELP = ("步骤，按顺序重复：名称=角色[;选项…]。角色：reviewer/核稿人、leader/签发领导（逗号分隔）；"
             "选项：users=用户名,… 指定人员；depts=部门名称或编号,… 由这些部门办理；"
             "joint 联合发文机关会签；all 全部须同意（会签）；edit 可直接修改（留痕）。"
             "例：--step '合法性审核=reviewer;depts=法规处;all'")
_ROLE_WORDS = {"reviewer": "reviewer", "核稿人": "reviewer", "leader": "leader",
               "签发领导": "leader"}
_STATUS = {"done": "✓", "current": "▶", "waiting": "·"}


def add_parsers(sub) -> None:
    """`route` and its actions."""
    route = sub.add_parser("route", help="审批路线：定义、查看、停用；解读包在路线上的进度")
    acts = route.add_subparsers(dest="action", required=True)
    for name, text in (("add", "新增审批路线（管理员）"), ("update", "修改审批路线（管理员；已提交的解读包不受影响）")):
        a = acts.add_parser(name, help=text)
        if name == "update":
            a.add_argument("route_id", type=int)
        a.add_argument("name", help="路线名称")
        a.add_argument("--step", action="append", required=True, help=STEP_HELP)
        a.add_argument("--genre", action="append", default=[],
                       help="提交时按文种默认选用本路线（可重复），如 通知、意见、办法")
        a.add_argument("--default", action="store_true", help="设为本部门的默认路线")
        a.add_argument("--department", type=int, help="部门编号（默认：管理员所在部门）")
        a.add_argument("--as", dest="actor", required=True)
    ls = acts.add_parser("list", help="列出部门的审批路线")
    ls.add_argument("--department", type=int)
    ls.add_argument("--as", dest="actor")
    rt = acts.add_parser("retire", help="停用审批路线（管理员）")
    rt.add_argument("route_id", type=int)
    rt.add_argument("--as", dest="actor", required=True)
    pr = acts.add_parser("progress", help="解读包在审批路线上的进度")
    pr.add_argument("id", type=int)
    pr.add_argument("--as", dest="actor")


def run(args: argparse.Namespace) -> int:
    """Dispatch a route command."""
    with _signed_in(args) as (wb, actor):
        _HANDLERS[args.action](wb, actor, args)
    return EXIT_OK


def parse_step(text: str, users: dict[str, int], departments: dict[str, int]) -> workflow.Step:
    """One --step value as a Step; ValidationError saying what is wrong."""
    name, sep, rest = text.partition("=")
    if not sep or not name.strip():
        raise ValidationError(f"步骤“{text}”的写法应为 名称=角色[;选项…]")
    role_part, *options = rest.split(";")
    roles = set()
    for word in filter(None, (w.strip() for w in role_part.replace("，", ",").split(","))):
        if word not in _ROLE_WORDS:
            raise ValidationError(f"步骤“{name}”的角色“{word}”无效：应为 reviewer（核稿人）或 leader（签发领导）")
        roles.add(_ROLE_WORDS[word])
    step = {"name": name.strip(), "roles": frozenset(roles), "users": (), "departments": ()}
    for option in filter(None, (o.strip() for o in options)):
        key, _, value = option.partition("=")
        items = [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]
        if key == "users":
            step["users"] = tuple(_lookup(items, users, "用户", name))
        elif key == "depts":
            step["departments"] = tuple(_lookup(items, departments, "部门", name))
        elif key in ("joint", "all", "edit"):
            flag = {"joint": "joint_issuers", "all": "all_must_act", "edit": "may_edit"}[key]
            step[flag] = True
        else:
            raise ValidationError(f"步骤“{name}”的选项“{option}”无效：可用 users=、depts=、joint、all、edit")
    return workflow.Step(**step)


def _lookup(items: list[str], known: dict[str, int], what: str, step: str) -> list[int]:
    found = []
    ids = set(known.values())
    for item in items:
        if item.isdigit() and int(item) in ids:
            found.append(int(item))
        elif item in known:
            found.append(known[item])
        else:
            raise ValidationError(f"步骤“{step}”中的{what}“{item}”不存在")
    return found


def _route_from_args(wb, actor, args, route_id: int | None) -> workflow.Route:
    users = {u.username: u.id for u in wb.accounts.users()}
    departments = {d.name: d.id for d in wb.accounts.departments()}
    steps = tuple(parse_step(s, users, departments) for s in args.step)
    department = args.department if args.department is not None else actor.department_id
    if department is None:
        raise ValidationError("请用 --department 指定部门编号")
    return workflow.Route(args.name, steps, route_id, department, tuple(args.genre),
                          args.default)


def describe(route: workflow.Route, names: dict[int, str], departments: dict[int, str]) -> str:
    """A route in lines: its name, then one numbered line per step."""
    lines = [f"{route.id or '—':>4}  {route.name}" + ("（默认）" if route.is_default else "")
             + (f"  文种：{'、'.join(route.genres)}" if route.genres else "")]
    for i, s in enumerate(route.steps, 1):
        marks = [m for m, on in (("联合发文机关会签", s.joint_issuers), ("会签：全部须同意", s.all_must_act),
                                 ("可修改（留痕）", s.may_edit)) if on]
        lines.append(f"      {i}. {s.name}：{step_actors(s, names, departments)}"
                     + (f"（{'；'.join(marks)}）" if marks else ""))
    return "\n".join(lines)


def _add(wb, actor, args) -> None:
    route = wb.routes.save(actor, _route_from_args(wb, actor, args, None))
    print(f"已新增审批路线 {route.id}“{route.name}”（{len(route.steps)} 步）")


def _update(wb, actor, args) -> None:
    route = wb.routes.save(actor, _route_from_args(wb, actor, args, args.route_id))
    print(f"已修改审批路线 {route.id}“{route.name}”；已提交的解读包仍按提交时的路线办理")


def _list(wb, actor, args) -> None:
    routes = wb.routes.routes(actor, args.department)
    names = {u.id: u.display_name for u in wb.accounts.users()}
    departments = {d.id: d.name for d in wb.accounts.departments()}
    _emit(args, [workflow.route_to_dict(r) for r in routes],
          "\n".join(describe(r, names, departments) for r in routes)
          or "本部门尚未定义审批路线；提交时使用“核稿—签发”")


def _retire(wb, actor, args) -> None:
    wb.routes.retire(actor, args.route_id)
    print(f"已停用审批路线 {args.route_id}")


def _progress(wb, actor, args) -> None:
    progress = wb.routes.progress(actor, args.id)
    lines = [f"审批路线：{progress.route_name}" + ("" if progress.frozen else "（提交时将采用）")]
    for i, step in enumerate(progress.steps, 1):
        line = f"  {_STATUS[step.status]} {i}. {step.name}：{step.actors}"
        if step.agreed:
            line += f"；已同意：{'、'.join(step.agreed)}"
        if step.pending:
            line += f"；待会签：{'、'.join(step.pending)}"
        lines.append(line)
    _emit(args, {"route": progress.route_name, "frozen": progress.frozen,
                 "steps": [s.__dict__ for s in progress.steps]}, "\n".join(lines))


_HANDLERS = {"add": _add, "update": _update, "list": _list, "retire": _retire,
             "progress": _progress}
