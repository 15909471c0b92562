"""interpreter-cli: the same services as the GUI, headless.

Exit codes: 0 success, 1 checks or verify found problems, 2 bad input or a refused action.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cli_commands
from .cli_authoring import AUTHORING_COMMANDS, add_authoring_parsers
from .cli_changes import CHANGE_COMMANDS
from .cli_changes import add_parsers as add_change_parsers
from .cli_changes import run as run_changes
from .cli_commands import EXIT_OK, EXIT_REFUSED, WORKFLOW_COMMANDS
from .cli_records import RECORD_COMMANDS
from .cli_records import add_parsers as add_record_parsers
from .cli_records import run as run_record
from .cli_review import REVIEW_COMMANDS
from .cli_review import add_parsers as add_review_parsers
from .cli_review import run as run_review
from .cli_routes import ROUTE_COMMANDS
from .cli_routes import add_parsers as add_route_parsers
from .cli_routes import run as run_route
from .domain.errors import AppError, TargetExistsError

# --as is checked by the command (one line, exit 2), not by argparse (a usage block).
AS_READER = "以该用户身份读取（必填；看到的与该用户在窗口中看到的相同）"
AS_ADMIN = "管理员用户名（必填）"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    p = argparse.ArgumentParser(prog="interpreter-cli", description="政策解读工作台命令行")
    p.add_argument("--db", help="数据库文件，或数据库服务器地址 postgresql://用户名@服务器:5432/数据库名"
                                "（默认：INTERPRETER_DB 或用户数据目录中的文件）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出数据")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = sub.add_parser("init", help="新建数据库并创建初始管理员")
    init.add_argument("--admin", default="admin", help="管理员用户名")
    init.add_argument("--name", default="系统管理员", help="管理员姓名")
    demo = sub.add_parser("demo", help="生成演示数据库")
    demo.add_argument("--force", action="store_true", help="覆盖已存在的演示数据库")
    sub.add_parser("migrate", help="把数据库升级到本程序的版本（服务器上须以架构所有者账号运行）")
    mts = sub.add_parser("migrate-to-server", help="把 SQLite 数据库连同历史、签发和审计链迁移到数据库服务器")
    mts.add_argument("--from", dest="source", type=Path, required=True, help="SQLite 数据库文件")
    mts.add_argument("--to", dest="target", required=True,
                     help="服务器上新建的空数据库：postgresql://用户名@服务器:5432/数据库名")

    dept = sub.add_parser("department", help="部门管理").add_subparsers(dest="action", required=True)
    d_add = dept.add_parser("add", help="新增部门")
    d_add.add_argument("name")
    d_add.add_argument("--code", default="", help="机关代字，如 江人社发")
    d_add.add_argument("--as", dest="actor", required=True)
    dept.add_parser("list", help="列出部门")
    d_codes = dept.add_parser("codes", help="设置部门的机关代字（可多个），发文字号须使用其中之一")
    d_codes.add_argument("name")
    d_codes.add_argument("codes", nargs="*", help="机关代字，如 江人社发 江人社函；不给则清空")
    d_codes.add_argument("--as", dest="actor", required=True)

    tr = sub.add_parser("trust", help="部门根密钥与证书").add_subparsers(dest="action", required=True)
    t_init = tr.add_parser("init", help="建立部门根密钥（一次），认证现有密钥，并写入本机信任文件")
    t_init.add_argument("--as", dest="actor", required=True)
    tr.add_parser("show", help="显示根密钥指纹、本机信任文件与证书")
    t_cert = tr.add_parser("certify", help="为用户当前的签名密钥颁发证书（管理员）")
    t_cert.add_argument("username")
    t_cert.add_argument("--as", dest="actor", required=True)
    t_pin = tr.add_parser("pin", help="把指纹写入本机信任文件（默认：本数据库的根密钥）")
    t_pin.add_argument("fingerprint", nargs="?")
    t_pin.add_argument("--label", default="", help="说明，如部门名称")

    user = sub.add_parser("user", help="用户管理").add_subparsers(dest="action", required=True)
    u_add = user.add_parser("add", help="新增用户（新用户密码取自 INTERPRETER_NEW_PASSWORD 或提示输入）")
    u_add.add_argument("username")
    u_add.add_argument("--name", required=True, help="姓名")
    u_add.add_argument("--department", help="部门名称")
    u_add.add_argument("--roles", required=True, help="角色，逗号分隔：writer,reviewer,leader,admin")
    u_add.add_argument("--title", default="", help="职务")
    u_add.add_argument("--all-departments", action="store_true")
    u_add.add_argument("--as", dest="actor", required=True)
    user.add_parser("list", help="列出用户")
    u_pw = user.add_parser("passwd", help="修改本人密码，或管理员重置他人密码（--as 管理员）")
    u_pw.add_argument("username")
    u_pw.add_argument("--as", dest="actor")
    u_upd = user.add_parser("update", help="修改用户的角色、部门、职务或姓名（管理员；重新颁发证书）")
    u_upd.add_argument("username")
    u_upd.add_argument("--roles", help="新的角色，逗号分隔：writer,reviewer,leader,admin")
    u_upd.add_argument("--department", help="新的部门名称")
    u_upd.add_argument("--title", help="新的职务（空字符串清除）")
    u_upd.add_argument("--name", help="新的姓名")
    u_upd.add_argument("--as", dest="actor", required=True)
    u_dis = user.add_parser("disable", help="停用账号")
    u_dis.add_argument("username")
    u_dis.add_argument("--as", dest="actor", required=True)

    imp = sub.add_parser("import", help="从文件创建解读包草稿")
    imp.add_argument("file", type=Path)
    imp.add_argument("--as", dest="actor", required=True)
    imp.add_argument("--encoding", help="指定文本编码（默认自动识别）")

    lst = sub.add_parser("list", help="列出解读包")
    lst.add_argument("--view", default="all",
                     choices=["mine", "returned", "mine_in_review", "to_review", "to_sign",
                              "to_cosign", "signed", "released", "to_post", "all"])
    lst.add_argument("--as", dest="actor", help=AS_READER)
    show = sub.add_parser("show", help="显示解读包")
    show.add_argument("id", type=int)
    show.add_argument("--as", dest="actor", help=AS_READER)
    chk = sub.add_parser("check", help="检查解读包全部内容")
    chk.add_argument("id", type=int)
    chk.add_argument("--as", dest="actor", help=AS_READER)

    for name in WORKFLOW_COMMANDS:
        w = sub.add_parser(name, help=f"{name} 解读包")
        w.add_argument("id", type=int)
        w.add_argument("--as", dest="actor", required=True)
        w.add_argument("--opinion", default="", help="意见或理由")
        w.add_argument("--reason", default="",
                       help="理由（退回、撤销时必填；提交时为第一解读人等例外的说明；发布时为提前发布的理由）")
        if name == "sign":
            w.add_argument("--on-behalf-of", default="", help="代签时被代签人的姓名（“代”）")
        if name == "submit":
            w.add_argument("--route", type=int, help="审批路线编号（默认：按文种或部门默认路线；见 route list）")

    add_authoring_parsers(sub)

    exp = sub.add_parser("export", help="导出 Word 文件与发布包")
    exp.add_argument("id", type=int)
    exp.add_argument("--out", type=Path, required=True)
    exp.add_argument("--pack", default="press", choices=["press", "briefing", "all", "parts", "web", "review"],
                     help="review：整个解读包的征求意见稿 .docx，修改后用 import-review 导回")
    exp.add_argument("--zip", action="store_true")
    exp.add_argument("--force", action="store_true", help="覆盖已存在的目标")
    exp.add_argument("--draft", action="store_true", help="未签发时导出标注“征求意见稿/草稿”的版本")
    exp.add_argument("--as", dest="actor", help=AS_READER)

    st = sub.add_parser("stats", help="统计图表与年度报告摘要")
    st.add_argument("--out", type=Path, required=True)
    st.add_argument("--from", dest="date_from")
    st.add_argument("--to", dest="date_to")
    st.add_argument("--department")
    st.add_argument("--as", dest="actor", help=AS_READER)
    st.add_argument("--explain", action="store_true", help="列出每个数字背后的解读包与登记记录")

    srch = sub.add_parser("search", help="全文搜索（任意长度的中文）")
    srch.add_argument("text")
    srch.add_argument("--as", dest="actor", help=AS_READER)
    ver = sub.add_parser("verify", help="校验审计链、摘要、签名、证书与数据库保护")
    ver.add_argument("--trust", help="信任的根密钥指纹或信任文件（默认：用户配置目录中的 trust.txt）")
    ver.add_argument("--against", type=Path, help="与备份数据库或导出包比较：本库须延续其中记录的审计链")
    vp = sub.add_parser("verify-pack", help="校验发布包是否与签发版本一致（无需数据库）")
    vp.add_argument("path", type=Path)
    vp.add_argument("--trust", help="部门公布的根密钥指纹，或信任文件")
    ins = sub.add_parser("inspect", help="分析文件（无需数据库）")
    ins.add_argument("file", type=Path)
    ins.add_argument("--encoding")
    bk = sub.add_parser("backup", help="在线备份数据库")
    bk.add_argument("dest", type=Path)
    bk.add_argument("--as", dest="actor", help=AS_ADMIN)
    rs = sub.add_parser("restore", help="从备份恢复数据库（先自动备份当前数据库）")
    rs.add_argument("src", type=Path)
    rs.add_argument("--as", dest="actor", help=AS_ADMIN)
    tl = sub.add_parser("time-limit", help="查看或设置解读发布时限（文件发布后几个工作日内）")
    tl.add_argument("days", type=int, nargs="?", help="新的时限（0–30）；省略则只显示")
    tl.add_argument("--as", dest="actor", help="设置时须为管理员")
    hol = sub.add_parser("holidays", help="查看或设置某年的法定节假日与调休上班日")
    hol.add_argument("year", type=int)
    hol.add_argument("--off", nargs="*", metavar="DATE", help="放假日期：2027-10-01 或 2027-10-01..2027-10-07")
    hol.add_argument("--work", nargs="*", metavar="DATE", help="调休上班的周六、周日")
    hol.add_argument("--as", dest="actor", help="设置时须为管理员")
    add_record_parsers(sub)
    add_review_parsers(sub)
    add_change_parsers(sub)
    add_route_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of interpreter-cli."""
    _utf8_stdio()
    args = build_parser().parse_args(argv)
    try:
        if args.command in RECORD_COMMANDS:
            return run_record(args)
        if args.command in REVIEW_COMMANDS:
            return run_review(args)
        if args.command in CHANGE_COMMANDS:
            return run_changes(args)
        if args.command in ROUTE_COMMANDS:
            return run_route(args)
        authoring = AUTHORING_COMMANDS.get(args.command)
        return authoring(args) if authoring else cli_commands.run(args)
    except TargetExistsError as exc:
        print(f"错误：{exc}；如需覆盖请加 --force", file=sys.stderr)
        return EXIT_REFUSED
    except AppError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(f"错误：{exc.strerror or exc}（{exc.filename or ''}）", file=sys.stderr)
        return EXIT_REFUSED


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
