"""interpreter-cli commands for tracked changes (留痕): list, propose, accept and reject.
Each returns an exit code; the parsers are added by `add_parsers`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_commands import EXIT_OK, _emit, _signed_in
from .domain.changes import STATUS_LABELS, STATUSES, target_label
from .domain.errors import ValidationError
from .domain.validation import format_datetime_cn

CHANGE_COMMANDS = ("changes", "propose", "accept-change", "reject-change")


def add_parsers(sub) -> None:
    """The tracked-change commands."""
    ls = sub.add_parser("changes", help="列出解读包的修改（留痕）：修改人、时间、位置、原文→修改后、状态")
    ls.add_argument("id", type=int)
    ls.add_argument("--status", choices=STATUSES, help="只列出该状态的修改（默认全部）")
    ls.add_argument("--as", dest="actor")
    pr = sub.add_parser("propose", help="以修订模式修改一段文字（核稿、签发步骤允许修改时）：记为留痕，由拟稿人接受或拒绝")
    pr.add_argument("id", type=int)
    pr.add_argument("--target", required=True,
                    help="修改哪段文字：document.title、document.body、plan.outline、"
                         "material:<编号>.body 等（见 changes 命令列出的位置）")
    pr.add_argument("--file", type=Path, required=True, help="修改后的全文（UTF-8 文本文件）")
    pr.add_argument("--as", dest="actor")
    for name, verb in (("accept-change", "接受"), ("reject-change", "拒绝")):
        p = sub.add_parser(name, help=f"{verb}一处修改，或用 --all {verb}全部待处理的修改（拟稿人）")
        p.add_argument("id", type=int)
        which = p.add_mutually_exclusive_group(required=True)
        which.add_argument("change", type=int, nargs="?", help="修改编号（见 changes 命令）")
        which.add_argument("--all", action="store_true", help=f"{verb}全部待处理的修改")
        p.add_argument("--target", help="与 --all 同用：只处理这段文字的修改")
        p.add_argument("--as", dest="actor")


def run(args: argparse.Namespace) -> int:
    """Dispatch a tracked-change command."""
    with _signed_in(args) as (wb, actor):
        return _HANDLERS[args.command](wb, actor, args)


def _list(wb, actor, args) -> int:
    changes = wb.changes.history(actor, args.id)
    package = wb.authoring.get(actor, args.id)
    if args.status:
        changes = [c for c in changes if c.status == args.status]
    lines = [f"{c.id:>5}  {STATUS_LABELS[c.status]}  {c.author_name}"
             f"{'（导入）' if c.external else ''}  {format_datetime_cn(c.made_at)}  "
             f"{target_label(c.target, package)}  "
             f"“{c.old}”→“{c.new}”" for c in changes]
    _emit(args, [_as_dict(c) for c in changes], "\n".join(lines) or "（没有修改）")
    return EXIT_OK


def _propose(wb, actor, args) -> int:
    try:
        text = args.file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"文件 {args.file} 不是 UTF-8 编码的文本，请另存为 UTF-8 后重试") from None
    made = wb.changes.propose(actor, args.id, args.target, text)
    _emit(args, [_as_dict(c) for c in made],
          f"已记录 {len(made)} 处修改（留痕），待拟稿人接受或拒绝" if made
          else "与当前文字相同，没有修改")
    return EXIT_OK


def _settle(wb, actor, args) -> int:
    accept = args.command == "accept-change"
    if args.all:
        done = (wb.changes.accept_all if accept else wb.changes.reject_all)(
            actor, args.id, args.target)
    else:
        if args.target:
            raise ValidationError("--target 只能与 --all 同用")
        done = [(wb.changes.accept if accept else wb.changes.reject)(actor, args.id, args.change)]
    verb = "接受" if accept else "拒绝"
    _emit(args, [_as_dict(c) for c in done], f"已{verb} {len(done)} 处修改")
    return EXIT_OK


def _as_dict(change) -> dict:
    return {"id": change.id, "target": change.target, "offset": change.offset,
            "old": change.old, "new": change.new, "author": change.author_name,
            "author_id": change.author_id, "external": change.external, "source": change.source,
            "made_at": change.made_at, "status": change.status,
            "decided_by": change.decided_by, "decided_at": change.decided_at}


_HANDLERS = {"changes": _list, "propose": _propose, "accept-change": _settle,
             "reject-change": _settle}
