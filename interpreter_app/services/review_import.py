"""Importing a 征求意见稿 .docx that came back from Word, WPS or LibreOffice: its tracked and
untracked edits become external tracked changes, its comments anchored comments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import permissions
from ..domain.errors import PermissionDenied, ValidationError
from ..domain.model import User
from ..domain.validation import format_datetime_cn
from .base import ServiceBase, check_text
from .comments import COMMENT_MAX

NOT_ALLOWED = "只有本解读包的拟稿人或当前步骤的办理人可以导入修改稿"


@dataclass(frozen=True)
class ReviewImportReport:
    """What an import brought in and what it could not place, in lines a person reads."""

    file_name: str
    package_id: int
    changes: int  # tracked changes of the file
    untracked: int  # edits found by comparing the text
    comments: int
    not_placed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    changes_saved: bool = True
    authors: tuple[str, ...] = field(default=())

    @property
    def lines(self) -> list[str]:
        """The report as lines of Chinese text."""
        head = (f"已从“{self.file_name}”导入：留痕修改 {self.changes} 处，未留痕的改动 {self.untracked} 处，"
                f"批注 {self.comments} 条")
        lines = [head]
        if self.authors:
            lines.append(f"修改人：{'、'.join(self.authors)}（均标为外部修改，待拟稿人逐条接受或拒绝）")
        if not self.changes_saved and self.changes + self.untracked:
            lines.append("本程序版本尚不能保存留痕修改：以上修改未存入解读包，请升级后重新导入")
        lines += list(self.notes)
        if self.not_placed:
            lines.append(f"未能合入 {len(self.not_placed)} 处：")
            lines += [f"  · {line}" for line in self.not_placed]
        return lines


class ReviewImportService(ServiceBase):
    """import_review: a 征求意见稿 back into its package."""

    def __init__(self, store, clock, changes=None) -> None:
        super().__init__(store, clock)
        self.changes = changes  # the ChangeService, when this build has one

    def import_review(self, actor: User, package_id: int, path: Path) -> ReviewImportReport:
        """Read the edited 征求意见稿 and put its changes and comments into the package."""
        from ..export.review_merge import merge_review
        from ..export.review_reader import read_review_file

        package = self._load(actor, package_id)
        if not permissions.may(actor, permissions.SETTLE_CHANGE, package) \
                and permissions.party_of(actor, package) is None:
            raise PermissionDenied(NOT_ALLOWED)
        path = Path(path)
        self._check_path(path)
        review = read_review_file(path)
        if review.package_id != package.id:
            raise ValidationError(f"这份征求意见稿属于解读包 {review.package_id}，不是解读包 {package.id}；"
                                  f"请打开解读包 {review.package_id} 再导入")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self._refuse_repeat(package_id, digest)
        result = merge_review(package, review, source=path.name, now=self.clock())
        saved = self._save_changes(actor, package_id, result.changes, path.name)
        self._save_comments(actor, package_id, result.comments, path.name, digest, saved)
        authors = sorted({c.author_name for c in result.changes}
                         | {c.author_name for c in result.comments})
        return ReviewImportReport(path.name, package_id, result.tracked, result.untracked,
                                  len(result.comments), tuple(result.not_placed),
                                  tuple(result.notes), saved, tuple(authors))

    def _check_path(self, path: Path) -> None:
        if self.store.is_database_file(path):
            raise ValidationError(f"“{path}”是正在使用的数据库文件，不是征求意见稿")
        if not path.is_file():
            raise ValidationError(f"文件“{path}”不存在或不是文件，请重新选择")

    def _save_changes(self, actor: User, package_id: int, changes, source: str) -> bool:
        if not changes:
            return True
        if self.changes is None or not hasattr(self.changes, "record_external"):
            return False
        self.changes.record_external(actor, package_id, changes, source)
        return True

    def _refuse_repeat(self, package_id: int, digest: str) -> None:
        """The same file twice would record every change and comment twice."""
        for event in self.store.audit_events(package_id):
            if event.action != "import_review":
                continue
            detail = json.loads(event.detail or "{}")
            if detail.get("sha256") == digest and detail.get("changes_saved", True):
                raise ValidationError(f"这份文件已于 {format_datetime_cn(event.at)} 导入过，再次导入会把"
                                      "同样的修改和批注再记一遍；如有新的修改，请导入修改后另存的文件")

    def _save_comments(self, actor: User, package_id: int, comments, name: str, digest: str,
                       changes_saved: bool) -> None:
        at = self.clock()
        with self.store.transaction():
            ids = []
            for c in comments:
                text = check_text(c.text, "批注内容", COMMENT_MAX).strip() or "（空批注）"
                ids.append(self.store.records.add_comment(
                    package_id, c.part, c.paragraph, c.quote[:500], text, actor.id,
                    c.made_at or at, author_name=c.author_name, external=True))
            self.store.audit(actor.id, package_id, "import_review",
                             {"file": name, "sha256": digest, "comments": ids,
                              "changes_saved": changes_saved}, at)
