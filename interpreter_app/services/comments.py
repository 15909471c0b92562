"""Comments anchored to a quote in a paragraph; an anchor whose text is gone is detached."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import permissions
from ..domain.errors import PermissionDenied, ValidationError
from ..domain.model import Comment, Package, User
from ..domain.text import paragraphs
from .base import ServiceBase, check_text

COMMENT_MAX = 5000


@dataclass(frozen=True)
class AnchoredComment:
    """A comment with where its quote is now: the paragraph, or None when detached."""

    comment: Comment
    paragraph: int | None

    @property
    def detached(self) -> bool:
        """The quoted text is no longer where the comment was made."""
        return self.paragraph is None


def part_paragraphs(package: Package, part: str) -> list[str]:
    """The paragraphs of a part: 'document', 'plan' (outline) or 'material:<id>'."""
    if part == "document":
        return paragraphs(package.document.body)
    if part == "plan":
        return paragraphs(package.plan.outline)
    if part.startswith("material:"):
        mid = part.split(":", 1)[1]
        for m in package.materials:
            if m.id == mid:
                texts = [m.body] + [q.question + "\n" + q.answer for q in m.qa]
                return paragraphs("\n".join(texts))
    return []


def anchor(package: Package, comment: Comment) -> int | None:
    """The paragraph still holding the quote at the commented index, or None (detached).

    The quote is looked for only in its own paragraph: a comment is never silently moved to
    another place where the same words happen to occur.
    """
    paras = part_paragraphs(package, comment.part)
    if 0 <= comment.paragraph < len(paras) and comment.quote in paras[comment.paragraph]:
        return comment.paragraph
    return None


class CommentService(ServiceBase):
    """Add, list, resolve and reopen comments."""

    def add(self, actor: User, package_id: int, part: str, paragraph: int, quote: str,
            text: str) -> Comment:
        """Anchor a comment to a quote in one paragraph of one part."""
        package = self._load(actor, package_id, permissions.COMMENT)
        text = check_text((text or "").strip(), "批注内容", COMMENT_MAX).strip()
        if not text:
            raise ValidationError("批注内容不能为空")
        paras = part_paragraphs(package, part)
        if not (0 <= paragraph < len(paras)) or not quote or quote not in paras[paragraph]:
            raise ValidationError("所选文字不在该段落中，请重新选择要批注的文字")
        at = self.clock()
        with self.store.transaction():
            cid = self.store.records.add_comment(package_id, part, paragraph, quote[:500], text,
                                                 actor.id, at)
            self.store.audit(actor.id, package_id, "comment", {"comment_id": cid, "part": part}, at)
        return self.store.records.comment(cid)

    def list(self, actor: User, package_id: int) -> list[AnchoredComment]:
        """Comments with their current anchor."""
        package = self._load(actor, package_id)
        return [AnchoredComment(c, anchor(package, c))
                for c in self.store.records.comments(package_id)]

    def set_resolved(self, actor: User, comment_id: int, resolved: bool) -> Comment:
        """Resolve or reopen a comment (its author, or a writer of the package)."""
        comment = self.store.records.comment(comment_id)
        package = self._load(actor, comment.package_id)
        if comment.author_id != actor.id and not permissions.may(actor, permissions.EDIT, package) \
                and not actor.has("reviewer"):
            raise PermissionDenied("只有批注人、核稿人或拟稿人可以处理批注")
        with self.store.transaction():
            self.store.records.set_comment_resolved(comment_id, resolved)
            self.store.audit(actor.id, comment.package_id,
                             "comment_resolved" if resolved else "comment_reopened",
                             {"comment_id": comment_id})
        return self.store.records.comment(comment_id)
