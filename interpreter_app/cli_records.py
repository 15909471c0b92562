"""interpreter-cli commands for what happens after release: postings, events, the 发文登记 and
回应关切. Each returns an exit code; the parsers are added by `add_parsers`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_commands import _actor, _emit, _open, _require_as
from .domain.errors import ValidationError

RECORD_COMMANDS = ("posting", "event", "register", "concern", "media")


def add_parsers(sub) -> None:
    """The four record commands and their actions."""
    post = sub.add_parser("posting", help="网站上网情况：登记页面网址与上网时间，查看待上网")
    acts = post.add_subparsers(dest="action", required=True)
    rec = acts.add_parser("record", help="登记一个页面的实际网址与上网时间")
    rec.add_argument("id", type=int)
    rec.add_argument("--page", required=True,
                     help="页面：policy、jiedu-01 …（网站发布包 metadata 中的 id），或 document")
    rec.add_argument("--url", required=True)
    rec.add_argument("--at", required=True, help="上网时间，如 2026-06-18T10:00")
    rec.add_argument("--index-number", default="", help="网站为该页面编的索引号")
    rec.add_argument("--as", dest="actor", required=True)
    imp = acts.add_parser("import", help="导入网站的上网清单 Excel 或 CSV：解读包,页面,网址,上网时间[,索引号]")
    imp.add_argument("file", type=Path)
    imp.add_argument("--as", dest="actor", required=True)
    show = acts.add_parser("show", help="解读包各公开页面的上网情况")
    show.add_argument("id", type=int)
    show.add_argument("--as", dest="actor")
    pend = acts.add_parser("pending", help="待上网：已发布超过时限仍未全部上网的解读包")
    pend.add_argument("--as", dest="actor")
    lim = acts.add_parser("limit", help="查看或设置上网时限（发布后几个工作日内全部上网）")
    lim.add_argument("days", type=int, nargs="?", help="新的时限（0–30）；省略则只显示")
    lim.add_argument("--as", dest="actor", help="设置时须为管理员")

    ev = sub.add_parser("event", help="发布会、吹风会、访谈：活动结束后登记实际出席人员")
    ev_acts = ev.add_subparsers(dest="action", required=True)
    add = ev_acts.add_parser("add", help="登记一场已举办的活动")
    add.add_argument("--kind", required=True, help="新闻发布会、政策吹风会、在线访谈、媒体专访")
    add.add_argument("--on", dest="held_on", required=True, help="举办日期")
    add.add_argument("--attendee", action="append", default=[], metavar="姓名,职务,角色",
                     help="实际出席人员，可重复；角色：主要负责人、分管领导、处室负责人、专家或留空")
    add.add_argument("--package", type=int, help="关联的解读包编号")
    add.add_argument("--title", default="")
    add.add_argument("--link", default="")
    add.add_argument("--as", dest="actor", required=True)
    ev_list = ev_acts.add_parser("list", help="列出已登记的活动")
    ev_list.add_argument("--as", dest="actor")

    reg = sub.add_parser("register", help="发文登记：本单位印发的政策文件（解读率的分母）")
    reg_acts = reg.add_subparsers(dest="action", required=True)
    r_add = reg_acts.add_parser("add", help="登记一件已印发的文件")
    r_add.add_argument("title")
    r_add.add_argument("--on", dest="issued_on", required=True, help="发文日期")
    r_add.add_argument("--number", default="", help="发文字号")
    r_add.add_argument("--index-number", default="")
    r_add.add_argument("--department", type=int, help="部门编号（可查看多个部门的账号）")
    r_add.add_argument("--as", dest="actor", required=True)
    r_imp = reg_acts.add_parser("import", help="导入发文登记 Excel（.xlsx）或 CSV：标题,发文日期[,发文字号[,索引号]]")
    r_imp.add_argument("file", type=Path)
    r_imp.add_argument("--department", type=int)
    r_imp.add_argument("--as", dest="actor", required=True)
    r_list = reg_acts.add_parser("list", help="列出发文登记")
    r_list.add_argument("--as", dest="actor")

    con = sub.add_parser("concern", help="回应关切：登记对社会关切的回应")
    con_acts = con.add_subparsers(dest="action", required=True)
    c_add = con_acts.add_parser("add", help="登记一次回应")
    c_add.add_argument("--on", dest="responded_on", required=True, help="回应日期")
    c_add.add_argument("--topic", required=True, help="关切事项")
    c_add.add_argument("--channel", required=True,
                       help="政府网站、政务新媒体、新闻发布会、媒体采访、热线电话、其他")
    c_add.add_argument("--link", default="")
    c_add.add_argument("--package", type=int)
    c_add.add_argument("--department", type=int)
    c_add.add_argument("--as", dest="actor", required=True)
    c_list = con_acts.add_parser("list", help="列出已登记的回应")
    c_list.add_argument("--as", dest="actor")

    med = sub.add_parser("media", help="解读材料的附件与链接：一图读懂长图、视频、音频、H5、访谈实录")
    med_acts = med.add_subparsers(dest="action", required=True)
    for name, text in (("attach", "附加文件（PNG/JPEG 长图、MP4 视频、MP3 音频、TXT/PDF 实录）"),
                       ("link", "登记链接（视频平台、H5 页面等）")):
        a = med_acts.add_parser(name, help=text)
        a.add_argument("id", type=int)
        a.add_argument("--material", type=int, required=True, help="第几份解读材料（从 1 起）")
        a.add_argument("--kind", required=True, help="image、video、audio、h5、transcript")
        if name == "attach":
            a.add_argument("--file", type=Path, required=True)
        else:
            a.add_argument("--url", required=True)
        a.add_argument("--title", default="")
        a.add_argument("--alt", default="", help="图片的替代文字（长图必填）")
        a.add_argument("--source", default="", help="数据来源（长图必填）")
        a.add_argument("--as", dest="actor", required=True)
    rm = med_acts.add_parser("remove", help="去掉一个附件或链接")
    rm.add_argument("id", type=int)
    rm.add_argument("--material", type=int, required=True)
    rm.add_argument("--index", type=int, required=True, help="第几个附件（从 1 起）")
    rm.add_argument("--as", dest="actor", required=True)


def run(args: argparse.Namespace) -> int:
    """Dispatch a record command."""
    # Only the posting time limit may be looked at without a user: it is no package content.
    anonymous = (args.command, args.action) == ("posting", "limit") and not args.actor
    username = None if anonymous else _require_as(args)
    wb = _open(args)
    try:
        actor = None if username is None else _actor(wb, username)
        handler = _HANDLERS[(args.command, args.action)]
        handler(wb, actor, args)
    finally:
        wb.close()
    return 0


def _posting_record(wb, actor, args) -> None:
    p = wb.outreach.record_posting(actor, args.id, args.page, args.url, args.at, args.index_number)
    _emit(args, p.__dict__, f"已登记：{p.title} 于 {p.posted_at} 上网 {p.url}")


def _posting_import(wb, actor, args) -> None:
    count = wb.outreach.import_postings(actor, args.file)
    _emit(args, {"recorded": count}, f"已登记 {count} 个页面的上网情况")


def _posting_show(wb, actor, args) -> None:
    status = wb.outreach.posting_status(actor, args.id)
    lines = [f"解读包 {status.package_id}《{status.title}》："
             + ("已上网" if status.posted else "未全部上网")]
    for _part, title, posting in status.pages:
        where = f"{posting.posted_at} {posting.url}" if posting else "未上网"
        lines.append(f"  {title}：{where}")
    _emit(args, {"package": status.package_id, "posted": status.posted,
                 "pages": [{"part": part, "title": title,
                            "posting": posting.__dict__ if posting else None}
                           for part, title, posting in status.pages]}, "\n".join(lines))


def _posting_pending(wb, actor, args) -> None:
    rows = wb.outreach.awaiting_posting(actor)
    text = "\n".join(f"{s.package_id:>5}  发布于 {s.released_at[:10]}  {s.title}"
                     f"（{sum(1 for p in s.pages if p[2] is None)} 个页面未上网）" for s in rows)
    _emit(args, [{"package": s.package_id, "title": s.title, "released_at": s.released_at,
                  "missing": [p[0] for p in s.pages if p[2] is None]} for s in rows],
          text or "没有待上网的解读包")


def _posting_limit(wb, actor, args) -> None:
    if args.days is not None:
        if not args.actor:
            raise ValidationError("设置上网时限须用 --as 指定管理员")
        wb.outreach.set_posting_limit(actor, args.days)
    days = wb.outreach.posting_limit()
    _emit(args, {"posting_limit_days": days}, f"上网时限：解读包发布后{days}个工作日内全部上网")


def _event_add(wb, actor, args) -> None:
    from .domain.outreach import parse_attendee

    attendees = [parse_attendee(a) for a in args.attendee]
    event = wb.outreach.record_event(actor, args.kind, args.held_on, attendees,
                                     package_id=args.package, title=args.title, link=args.link)
    names = "、".join(a.name for a in event.attendees)
    _emit(args, {"id": event.id}, f"已登记活动 {event.id}：{event.held_on} {event.kind}，出席：{names}")


def _event_list(wb, actor, args) -> None:
    events = wb.outreach.events(actor)
    lines = [f"{e.id:>4}  {e.held_on}  {e.kind}  {e.title}  出席："
             + "、".join(f"{a.name}{'（' + a.role + '）' if a.role else ''}" for a in e.attendees)
             for e in events]
    _emit(args, [e.__dict__ for e in events], "\n".join(lines) or "尚未登记活动")


def _register_add(wb, actor, args) -> None:
    added = wb.outreach.register_document(actor, args.title, args.issued_on, args.number,
                                          args.index_number, args.department)
    _emit(args, {"added": added}, "已登记" if added else "该文件已在发文登记中")


def _register_import(wb, actor, args) -> None:
    added, skipped = wb.outreach.import_register(actor, args.file, args.department)
    _emit(args, {"added": added, "skipped": skipped},
          f"已导入 {added} 件" + (f"，{skipped} 件已在登记中" if skipped else ""))


def _register_list(wb, actor, args) -> None:
    rows = wb.outreach.register(actor)
    _emit(args, [d.__dict__ for d in rows],
          "\n".join(f"{d.issued_on}  {d.doc_number or '—':<16}  {d.title}" for d in rows)
          or "发文登记为空")


def _concern_add(wb, actor, args) -> None:
    r = wb.outreach.record_concern(actor, args.responded_on, args.topic, args.channel, args.link,
                                   args.package, args.department)
    _emit(args, {"id": r.id}, f"已登记回应 {r.id}：{r.responded_on} {r.channel} {r.topic}")


def _concern_list(wb, actor, args) -> None:
    rows = wb.outreach.concerns(actor)
    _emit(args, [c.__dict__ for c in rows],
          "\n".join(f"{c.responded_on}  {c.channel}  {c.topic}  {c.link}" for c in rows)
          or "尚未登记回应")


def _material_id(wb, actor, args) -> str:
    package = wb.authoring.get(actor, args.id)
    if not 1 <= args.material <= len(package.materials):
        raise ValidationError(f"解读包 {args.id} 只有 {len(package.materials)} 份解读材料")
    return package.materials[args.material - 1].id


def _media_attach(wb, actor, args) -> None:
    m = wb.media.attach_file(actor, args.id, _material_id(wb, actor, args), args.kind, args.file,
                             title=args.title, alt=args.alt, source=args.source)
    item = m.media[-1]
    _emit(args, item.__dict__, f"已附加：{item.title}（{item.mime}，{item.size} 字节，SHA-256 {item.sha256[:16]}…）")


def _media_link(wb, actor, args) -> None:
    m = wb.media.attach_link(actor, args.id, _material_id(wb, actor, args), args.kind, args.url,
                             title=args.title, alt=args.alt, source=args.source)
    _emit(args, m.media[-1].__dict__, f"已登记链接：{m.media[-1].url}")


def _media_remove(wb, actor, args) -> None:
    wb.media.remove(actor, args.id, _material_id(wb, actor, args), args.index - 1)
    _emit(args, {"removed": args.index}, "已去掉该附件")


_HANDLERS = {
    ("posting", "record"): _posting_record, ("posting", "import"): _posting_import,
    ("posting", "show"): _posting_show, ("posting", "pending"): _posting_pending,
    ("posting", "limit"): _posting_limit,
    ("event", "add"): _event_add, ("event", "list"): _event_list,
    ("register", "add"): _register_add, ("register", "import"): _register_import,
    ("register", "list"): _register_list,
    ("concern", "add"): _concern_add, ("concern", "list"): _concern_list,
    ("media", "attach"): _media_attach, ("media", "link"): _media_link,
    ("media", "remove"): _media_remove,
}
__all__ = ["RECORD_COMMANDS", "add_parsers", "run", "ValidationError"]
