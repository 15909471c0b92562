"""interpreter-cli import-review: a 征求意见稿 edited in Word, WPS or LibreOffice back into its
package (the file comes from `export ID --pack review`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_commands import EXIT_OK, EXIT_PROBLEMS, _emit, _signed_in

REVIEW_COMMANDS = ("import-review",)


def add_parsers(sub) -> None:
    """The import-review command."""
    imp = sub.add_parser("import-review",
                         help="导入修改后的征求意见稿：留痕修改、未留痕的改动和批注回到解读包")
    imp.add_argument("id", type=int)
    imp.add_argument("file", type=Path, help="由 export ID --pack review 导出、经修改的 .docx")
    imp.add_argument("--as", dest="actor", help="拟稿人或当前步骤的办理人（必填）")


def run(args: argparse.Namespace) -> int:
    """Import the file; exit 1 when some of it could not be placed."""
    with _signed_in(args) as (wb, actor):
        report = wb.review_import.import_review(actor, args.id, args.file)
    data = {"package": report.package_id, "file": report.file_name, "changes": report.changes,
            "untracked": report.untracked, "comments": report.comments,
            "not_placed": list(report.not_placed), "notes": list(report.notes),
            "changes_saved": report.changes_saved}
    _emit(args, data, "\n".join(report.lines))
    return EXIT_PROBLEMS if report.not_placed or not report.changes_saved else EXIT_OK
