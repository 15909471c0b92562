"""The commands of interpreter-cli; each returns an exit code."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
from pathlib import Path

from .domain import workflow
from .domain.errors import AppError, ValidationError
from .domain.model import User, to_dict
from .domain.validation import format_datetime_cn
from .paths import database_address, default_db_path

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2
WORKFLOW_COMMANDS = ("submit", "pass", "sign", "return", "back", "withdraw", "revoke", "release",
                     "revise")


def run(args) -> int:
    """Dispatch to the command's handler."""
    return COMMANDS[args.command](args)


# -- helpers -------------------------------------------------------------------------------

def _db_path(args) -> Path | str:
    """The database file (a Path) or server address (a str) the command works on."""
    return database_address(args.db) if args.db else default_db_path()


def _open(args, *, must_exist: bool = True):
    from .services.workbench import Workbench

    path = _db_path(args)
    if must_exist and isinstance(path, Path) and not path.exists():
        raise ValidationError(f"数据库 {path} 不存在；先运行 interpreter-cli init 或 demo")
    return Workbench.open(path) if must_exist else Workbench.create(path)


def _password(prompt: str = "密码：", env: str = "INTERPRETER_PASSWORD") -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationError(f"需要密码：请设置环境变量 {env}，或在终端中运行以输入密码")
    return getpass.getpass(prompt)


def _actor(wb, username: str) -> User:
    return wb.accounts.login(username, _password(f"{username} 的密码："))


def _require_as(args, who: str = "用户名") -> str:
    """The --as user of a command that reads package content or needs an administrator."""
    if not getattr(args, "actor", None):
        raise ValidationError(f"缺少 --as {who}：{args.command} 须以本人身份运行"
                              "（密码取自 INTERPRETER_PASSWORD 或提示输入）")
    return args.actor


@contextlib.contextmanager
def _signed_in(args):
    """(workbench, user) for a command run as its --as user; the database closed after."""
    username = _require_as(args)
    wb = _open(args)
    try:
        yield wb, _actor(wb, username)
    finally:
        wb.close()


def _emit(args, data, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


# -- commands ------------------------------------------------------------------------------

def cmd_init(args) -> int:
    wb = _open(args, must_exist=False)
    try:
        if not wb.accounts.needs_first_admin():
            raise ValidationError(f"数据库 {wb.store.path} 已初始化")
        password = _password("新管理员密码：", "INTERPRETER_NEW_PASSWORD")
        wb.accounts.create_first_admin(args.admin, args.name, password)
        trust_file = wb.trust.pin()
        print(f"已创建数据库 {wb.store.path}，管理员 {args.admin}")
        print(_fingerprint_sheet(wb.trust.fingerprint(), trust_file))
    finally:
        wb.close()
    return EXIT_OK


def cmd_demo(args) -> int:
    from .services.demo import DEMO_PASSWORD, build_demo, demo_accounts

    path = _db_path(args)
    if isinstance(path, Path) and path.exists() and not args.force:
        raise ValidationError(f"{path} 已存在；如需重建演示数据库请加 --force")
    build_demo(path, progress=lambda i, n, t: print(f"[{i}/{n}] {t}", file=sys.stderr))
    if not isinstance(path, Path):
        from .services.server_copy import display_address

        path = display_address(path)
    accounts = demo_accounts()
    _emit(args, {"db": str(path), "password": DEMO_PASSWORD, "accounts": [to_dict(a) for a in accounts]},
          f"演示数据库：{path}\n演示账号（密码均为 {DEMO_PASSWORD}）：\n" + "\n".join(
              f"  {a.username:<14} {a.name}（{a.roles}，{a.department}）" for a in accounts))
    return EXIT_OK


def cmd_migrate(args) -> int:
    from .services.workbench import schema_versions

    before, after = schema_versions(_db_path(args))
    print(f"数据库已是第 {after} 版" if before == after else f"数据库已从第 {before} 版升级到第 {after} 版")
    return EXIT_OK


def cmd_migrate_to_server(args) -> int:
    from .services.server_copy import migrate_to_server

    result = migrate_to_server(args.source, args.target,
                               progress=lambda i, n, t: print(f"[{i}/{n}] {t}", file=sys.stderr))
    s = result.target
    summary = (f"已迁移 {s.packages} 个解读包、{s.revisions} 个快照、{s.signoffs} 条签发、"
               f"{s.events} 条审计事件、{s.keys} 个签名密钥；审计链末端 {s.chain_head[:16]}")
    _emit(args, {"ok": result.ok, "rows": result.rows, "problems": result.problems,
                 "chain_head": s.chain_head},
          summary + ("；服务器上校验通过，与原数据库一致" if result.ok else "，但发现问题：\n" + "\n".join(
              f"  - {p}" for p in result.problems)))
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _fingerprint_sheet(fp: str, trust_file: str) -> str:
    from .domain.signatures import grouped

    return (f"部门根密钥指纹（请抄入安装登记表，并通过官方渠道公布，供核对发布包）：\n  {grouped(fp)}\n"
            f"已写入本机信任文件 {trust_file}；把该文件分发给本部门每台电脑的用户配置目录")


def cmd_trust(args) -> int:
    from .domain.signatures import grouped

    wb = _open(args)
    try:
        if args.action == "init":
            password = _password(f"{args.actor} 的密码：")
            admin = wb.accounts.login(args.actor, password)
            fp = wb.trust.init(admin, password)
            print(_fingerprint_sheet(fp, wb.trust.pin()))
        elif args.action == "certify":
            wb.accounts.login(args.actor, _password(f"{args.actor} 的密码："))
            serial = wb.trust.certify_user(_actor_user(wb, args.actor), args.username)
            print(f"已为 {args.username} 颁发证书（序号 {serial}）")
        elif args.action == "pin":
            from .domain.signatures import normalise_fingerprint
            from .services.trust_files import add_pin

            if args.fingerprint:
                fp = normalise_fingerprint(args.fingerprint)
                if len(fp) != 64 or any(c not in "0123456789abcdef" for c in fp):
                    raise ValidationError(f"“{args.fingerprint}”不是 64 位十六进制的指纹")
                print(f"已写入 {add_pin(fp, args.label)}")
            else:
                print(f"已写入 {wb.trust.pin(args.label)}")
        else:
            summary = wb.trust.summary()
            _emit(args, summary, "\n".join([
                f"根密钥指纹：{grouped(summary['fingerprint']) if summary['fingerprint'] else '（尚未建立）'}",
                f"本机信任文件：{summary['trust_file']}（{'已包含本库根密钥' if summary['pinned'] else '未包含本库根密钥'}）",
                f"证书：{summary['certificates']} 张，其中有效 {summary['current']} 张"]))
    finally:
        wb.close()
    return EXIT_OK


def _actor_user(wb, username: str) -> User:
    return wb.accounts.user(username)


def cmd_department(args) -> int:
    wb = _open(args)
    try:
        if args.action == "add":
            dept = wb.accounts.create_department(_actor(wb, args.actor), args.name, args.code)
            print(f"已新增部门 {dept.id} {dept.name}")
        elif args.action == "codes":
            dept = wb.accounts.set_department_codes(_actor(wb, args.actor), args.name, args.codes)
            print(f"{dept.name} 的机关代字：{dept.code or '（无）'}")
        else:
            depts = wb.accounts.departments()
            _emit(args, [to_dict(d) for d in depts],
                  "\n".join(f"{d.id:>4}  {d.name}  {d.code}" for d in depts))
    finally:
        wb.close()
    return EXIT_OK


def cmd_user(args) -> int:
    wb = _open(args)
    try:
        return _user_action(wb, args)
    finally:
        wb.close()


def _user_action(wb, args) -> int:
    if args.action == "list":
        users = wb.accounts.users()
        depts = {d.id: d.name for d in wb.accounts.departments()}
        _emit(args, [to_dict(u) for u in users], "\n".join(
            f"{u.username:<14} {u.display_name:<8} {','.join(sorted(u.roles)):<24} "
            f"{depts.get(u.department_id, '全部部门')}{'（已停用）' if u.disabled else ''}"
            for u in users))
        return EXIT_OK
    if args.action == "add":
        admin = _actor(wb, args.actor)
        dept_id = wb.store.departments.by_name(args.department).id if args.department else None
        password = _password(f"{args.username} 的初始密码：", "INTERPRETER_NEW_PASSWORD")
        roles = {r.strip() for r in args.roles.split(",") if r.strip()}
        user = wb.accounts.create_user(admin, args.username, args.name, password, dept_id, roles,
                                       args.title, all_departments=args.all_departments)
        print(f"已新增用户 {user.username}（{user.display_name}）")
    elif args.action == "passwd":
        new = _password("新密码：", "INTERPRETER_NEW_PASSWORD")
        if args.actor and args.actor != args.username:
            wb.accounts.reset_password(_actor(wb, args.actor), args.username, new)
        else:
            user = wb.accounts.user(args.username)
            wb.accounts.change_password(user, _password("原密码："), new)
        print(f"已修改 {args.username} 的密码")
    elif args.action == "update":
        _update_user(wb, args)
    elif args.action == "disable":
        wb.accounts.set_disabled(_actor(wb, args.actor), args.username, True)
        print(f"已停用 {args.username}")
    return EXIT_OK


def _update_user(wb, args) -> None:
    """`user update`: the options given change, the rest stays."""
    from .services.accounts import UNCHANGED

    admin = _actor(wb, args.actor)
    changes: dict = {"department_id": UNCHANGED}
    if args.roles is not None:
        changes["roles"] = {r.strip() for r in args.roles.split(",") if r.strip()}
    if args.department is not None:
        by_name = {d.name: d.id for d in wb.accounts.departments()}
        if args.department not in by_name:
            raise ValidationError(f"没有名为“{args.department}”的部门：请用 user list 或部门管理核对名称")
        changes["department_id"] = by_name[args.department]
    if args.title is not None:
        changes["title"] = args.title
    if args.name is not None:
        changes["display_name"] = args.name
    if len(changes) == 1 and changes["department_id"] is UNCHANGED:
        raise ValidationError("请至少给出 --roles、--department、--title 或 --name 之一")
    user = wb.accounts.edit_user(admin, args.username, **changes)
    print(f"已修改用户 {user.username}（{user.display_name}）：{'、'.join(sorted(user.roles))}")


def cmd_import(args) -> int:
    from .services.importer import package_from_file

    wb = _open(args)
    try:
        actor = _actor(wb, args.actor)
        package, parsed = package_from_file(wb.authoring, actor, args.file, args.encoding)
        notices = parsed.notices  # e.g. that Traditional characters were converted
        _emit(args, {"id": package.id, "title": package.title, "tasks": len(parsed.tasks),
                     "notices": notices},
              f"已创建解读包 {package.id}：{package.title}（识别重点任务 {len(parsed.tasks)} 项）"
              + "".join(f"\n说明：{n}" for n in notices))
    finally:
        wb.close()
    return EXIT_OK


def cmd_list(args) -> int:
    from .services.listing import ListQuery

    username = _require_as(args)
    wb = _open(args)
    try:
        actor = _actor(wb, username)
        rows = wb.listing.page(actor, ListQuery(args.view), 0, 10_000)
        _print_rows(args, rows)
    finally:
        wb.close()
    return EXIT_OK


def _pad(text: str, width: int) -> str:
    """Pad to a display width, counting wide (CJK) characters as two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 0)


def _print_rows(args, rows) -> None:
    _emit(args, [to_dict(r) for r in rows], "\n".join(
        f"{r.id:>5}  {_pad(workflow.STATE_LABELS[r.state], 8)}{_pad(r.doc_number or '—', 22)}"
        f"{r.title}" + (f"（已退回：{r.last_reason}）" if r.returned else "") for r in rows)
        or "（无）")


def cmd_show(args) -> int:
    username = _require_as(args)
    wb = _open(args)
    try:
        actor = _actor(wb, username)
        package = wb.authoring.get(actor, args.id)
        signoffs = wb.review.signoffs(actor, args.id)
        from .domain.digest import package_digest

        data = to_dict(package) | {"digest": package_digest(package),
                                   "signoffs": [to_dict(s) for s in signoffs]}
        _emit(args, data, _describe(wb, package, signoffs))
    finally:
        wb.close()
    return EXIT_OK


def _describe(wb, package, signoffs) -> str:
    from .domain.digest import package_digest
    from .domain.kinds import AUDIENCE_LABELS, material_kind

    dept = wb.store.departments.get(package.department_id).name
    doc, plan = package.document, package.plan
    lines = [f"解读包 {package.id}（第{package.revision}版） {workflow.STATE_LABELS[package.state]}",
             f"标题：{doc.title}", f"发文字号：{doc.doc_number or '—'}", f"部门：{dept}",
             f"正文：{len(doc.body)}字", f"摘要：{package_digest(package)}",
             f"解读形式：{'、'.join(plan.forms) or '—'}", f"解读渠道：{'、'.join(plan.channels) or '—'}",
             f"第一解读人：{plan.first_interpreter.name or '—'} {plan.first_interpreter.title}",
             f"解读材料（{len(package.materials)}份）："]
    if package.state in (workflow.IN_REVIEW, workflow.AWAITING_SIGNOFF) and package.route:
        step = package.route.steps[package.step]
        lines.insert(1, f"审批路线：{package.route.name}，第{package.step + 1}步“{step.name}”"
                        f"（共{len(package.route.steps)}步）")
    for i, m in enumerate(package.materials, 1):
        lines.append(f"  {i}. [{material_kind(m.kind).label}/{AUDIENCE_LABELS[m.audience]}] {m.title}")
    for s in signoffs:
        state = "（已撤销）" if s.void else ""
        behalf = f"（代{s.on_behalf_of}）" if s.on_behalf_of else ""
        lines.append(f"签发：{s.signer_name}{behalf} {format_datetime_cn(s.signed_at)} "
                     f"意见：{s.opinion}{state}")
    if package.released_at:
        lines.append(f"发布时间：{format_datetime_cn(package.released_at)}")
    return "\n".join(lines)


def cmd_check(args) -> int:
    from .domain.checks import SEVERITY_LABELS
    from .domain.checks.engine import run_checks

    username = _require_as(args)
    wb = _open(args)
    try:
        actor = _actor(wb, username)
        package = wb.authoring.get(actor, args.id)
        findings = run_checks(package, wb.review.department_rules(actor, args.id))
    finally:
        wb.close()
    _emit(args, [to_dict(f) for f in findings], "\n".join(
        f"[{SEVERITY_LABELS[f.severity]}] {f.code} {f.part} 第{f.paragraph + 1}段：{f.message}"
        + (f" → {f.suggestion}" if f.suggestion else "") for f in findings) or "未发现问题")
    return EXIT_PROBLEMS if any(f.blocking for f in findings) else EXIT_OK


def cmd_workflow(args) -> int:
    wb = _open(args)
    try:
        actor = _actor(wb, args.actor)
        reason = args.reason or args.opinion
        review = wb.review
        if args.command == "sign":
            so = review.sign(actor, args.id, _password(), args.opinion or "同意",
                             args.on_behalf_of)
            print(f"已签发解读包 {args.id}：{so.signer_name} {format_datetime_cn(so.signed_at)}"
                  f"，摘要 {so.digest[:16]}…")
            return EXIT_OK
        actions = {"submit": lambda: review.submit(actor, args.id, args.reason, args.route),
                   "back": lambda: review.back(actor, args.id, reason),
                   "pass": lambda: review.pass_review(actor, args.id, reason),
                   "return": lambda: review.return_package(actor, args.id, reason),
                   "withdraw": lambda: review.withdraw(actor, args.id),
                   "revoke": lambda: review.revoke(actor, args.id, reason),
                   "release": lambda: review.release(actor, args.id, reason),
                   "revise": lambda: review.revise(actor, args.id, reason)}
        package = actions[args.command]()
        print(f"解读包 {args.id} 现为“{workflow.STATE_LABELS[package.state]}”")
    finally:
        wb.close()
    return EXIT_OK


def cmd_export(args) -> int:
    username = _require_as(args)
    wb = _open(args)
    try:
        actor = _actor(wb, username)
        result = wb.exports.export(actor, args.id, args.out, pack=args.pack, as_zip=args.zip,
                                   force=args.force, draft=args.draft,
                                   progress=lambda i, n, label: print(f"[{i}/{n}] {label}",
                                                                      file=sys.stderr))
        _emit(args, {"path": str(result.path), "files": [str(f) for f in result.files]},
              f"已导出到 {result.path}（{len(result.files)} 个文件）")
    finally:
        wb.close()
    return EXIT_OK


def cmd_stats(args) -> int:
    from .domain.statistics import annual_sentence
    from .domain.validation import parse_date

    username = _require_as(args)
    wb = _open(args)
    try:
        actor = _actor(wb, username)
        date_from = parse_date(args.date_from) if args.date_from else None
        date_to = parse_date(args.date_to) if args.date_to else None
        stats = wb.statistics.compute(actor, date_from, date_to, args.department)
        files = wb.statistics.export_report(actor, stats, Path(args.out))
        data = {"sentence": annual_sentence(stats), "files": [str(f) for f in files]}
        text = annual_sentence(stats) + "\n" + "\n".join(f"  {f}" for f in files)
        if args.explain:
            from .domain.statistics import explanation

            data["explain"] = {key: list(lines) for key, lines in stats.explain.items()}
            text += "\n\n" + explanation(stats)
        _emit(args, data, text)
    finally:
        wb.close()
    return EXIT_OK


def cmd_search(args) -> int:
    username = _require_as(args)
    wb = _open(args)
    try:
        rows = wb.listing.search(_actor(wb, username), args.text, limit=200)
        _print_rows(args, rows)
    finally:
        wb.close()
    return EXIT_OK


def cmd_verify(args) -> int:
    from .domain.signatures import grouped

    wb = _open(args)
    try:
        report = wb.verify(args.trust, args.against)
    finally:
        wb.close()
    summary = (f"已校验 {report.packages} 个解读包、{report.revisions} 个快照、{report.signoffs} 条签发、"
               f"{report.decisions} 个决定、{report.certificates} 张证书、{report.events} 条审计事件")
    lines = [f"信任根指纹：{grouped(report.root) if report.root else '（尚未建立）'}",
             f"审计链头：第 {report.events} 条 {report.chain_head or '—'}"]
    lines += [f"问题：{p}" for p in report.problems]
    lines += [f"说明：{n}" for n in report.notes]
    lines.append(summary + ("：未发现问题" if report.ok else f"，发现 {len(report.problems)} 个问题"))
    _emit(args, {"ok": report.ok, "problems": report.problems, "notes": report.notes,
                 "packages": report.packages, "revisions": report.revisions,
                 "signoffs": report.signoffs, "decisions": report.decisions,
                 "signed_decisions": report.signed_decisions,
                 "certificates": report.certificates, "events": report.events,
                 "chain_head": report.chain_head, "root_fingerprint": report.root},
          "\n".join(lines))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_verify_pack(args) -> int:
    from .services.exporting import check_pack_offline

    path = _db_path(args)
    if args.db or os.environ.get("INTERPRETER_DB") or path.exists():
        wb = _open(args)
        try:
            manifest, verdict = wb.exports.check_pack(args.path, args.trust)
        finally:
            wb.close()
    else:  # a journalist's machine: the pack proves itself, up to the fingerprint given
        manifest, verdict = check_pack_offline(args.path, args.trust)
    lines = verdict.facts + [f"问题：{p}" for p in verdict.problems]
    lines.append(verdict.conclusion)
    _emit(args, {"ok": verdict.ok, "problems": verdict.problems, "facts": verdict.facts,
                 "root_fingerprint": verdict.root}, "\n".join(lines))
    return EXIT_OK if verdict.ok else EXIT_PROBLEMS


def cmd_inspect(args) -> int:
    from .domain.importing.inspect import format_inspection, inspect_path

    result = inspect_path(args.file, encoding=args.encoding)
    _emit(args, result, format_inspection(result))
    return EXIT_PROBLEMS if any(f["severity"] == "blocking" for f in result["findings"]) else EXIT_OK


def cmd_backup(args) -> int:
    from .services.backup import back_up, server_backup_command

    username = _require_as(args, "管理员用户名")
    wb = _open(args)
    try:
        actor = _actor(wb, username)
    finally:
        wb.close()
    path = back_up(_db_path(args), Path(args.dest), actor)
    ran = server_backup_command(_db_path(args), path)
    print(f"已备份到 {path}" + (f"（执行了：{ran}）" if ran else ""))
    return EXIT_OK


def cmd_restore(args) -> int:
    from .services.backup import restore, restore_server

    username = _require_as(args, "管理员用户名")
    password = _password(f"{username} 的密码：")
    if not isinstance(_db_path(args), Path):
        ran = restore_server(Path(args.src), _db_path(args), username, password)
        print(f"已从 {args.src} 恢复服务器上的数据库（执行了：{ran}）")
        return EXIT_OK
    done = restore(Path(args.src), _db_path(args), username, password)
    note = f"（原数据库已另存为 {done.safety}）" if done.safety else ""
    print(f"已从 {args.src} 恢复数据库 {_db_path(args)}{note}")
    return EXIT_OK


def cmd_time_limit(args) -> int:
    wb = _open(args)
    try:
        if args.days is not None:
            if not args.actor:
                raise ValidationError("设置解读发布时限须用 --as 指定管理员")
            wb.statistics.set_limit_days(_actor(wb, args.actor), args.days)
        days = wb.statistics.limit_days()
    finally:
        wb.close()
    _emit(args, {"timeliness_limit_days": days},
          f"解读发布时限：政策文件发布后{days}个工作日内" if days else "解读发布时限：与政策文件同日发布")
    return EXIT_OK


def cmd_holidays(args) -> int:
    from .domain.workdays import spans

    wb = _open(args)
    try:
        if args.off is not None or args.work is not None:
            if not args.actor:
                raise ValidationError("设置节假日须用 --as 指定管理员")
            wb.statistics.set_schedule(_actor(wb, args.actor), args.year, args.off or [],
                                       args.work or [])
        schedule = wb.statistics.schedule(args.year)
    finally:
        wb.close()
    if schedule is None:
        _emit(args, {"year": args.year, "off": [], "work": [], "source": ""},
              f"{args.year}年未录入节假日安排：按周一至周五计算工作日")
        return EXIT_OK
    off, work = spans(schedule.off), spans(schedule.work)
    _emit(args, {"year": args.year, "off": off, "work": work, "source": schedule.source},
          f"{args.year}年节假日安排（{schedule.source}）\n放假：{'、'.join(off) or '—'}\n"
          f"调休上班：{'、'.join(work) or '—'}")
    return EXIT_OK


COMMANDS = {
    "init": cmd_init, "demo": cmd_demo, "migrate": cmd_migrate,
    "migrate-to-server": cmd_migrate_to_server, "trust": cmd_trust, "department": cmd_department,
    "user": cmd_user,
    "import": cmd_import, "list": cmd_list, "show": cmd_show, "check": cmd_check,
    "export": cmd_export, "stats": cmd_stats, "search": cmd_search, "verify": cmd_verify,
    "verify-pack": cmd_verify_pack, "inspect": cmd_inspect, "backup": cmd_backup,
    "restore": cmd_restore, "time-limit": cmd_time_limit, "holidays": cmd_holidays,
    **{name: cmd_workflow for name in WORKFLOW_COMMANDS},
}
__all__ = ["run", "AppError"]
