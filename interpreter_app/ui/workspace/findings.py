"""From a check finding to the place it names, and its one-click fix where the fix is certain."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...domain.checks import Finding
from ...domain.vocabulary import field_label
from .anchors import locate
from .anchors import reveal as reveal_in

if TYPE_CHECKING:
    from .seams import FindingHost

QA_PREFIXES = ("问：", "答：")
FIXABLE_FIELDS = frozenset({"doc_number", "proposed_doc_number"})


def _quote(excerpt: str) -> str:
    for prefix in QA_PREFIXES:
        if excerpt.startswith(prefix):
            return excerpt[len(prefix):]
    return excerpt


class FindingNavigator(QObject):
    """Maps findings (parts named 'material:<index>') onto the workspace's editors."""

    def __init__(self, workspace: FindingHost) -> None:
        super().__init__(workspace)
        self.ws = workspace

    def part_key(self, finding: Finding) -> str | None:
        """The editor key ('document', 'plan', 'material:<id>') of a finding's part."""
        if not finding.part.startswith("material:"):
            return finding.part
        ids = self.ws.material_ids()
        try:
            return f"material:{ids[int(finding.part.split(':', 1)[1])]}"
        except (ValueError, IndexError):
            return None

    def describe(self, finding: Finding) -> str:
        """Where the finding is: part, then paragraph or field."""
        key = self.part_key(finding)
        part = self.ws.comments_panel.part_label(key) if key else finding.part
        if finding.paragraph >= 0:
            return self.tr("{part} · paragraph {paragraph}").format(part=part, paragraph=str(finding.paragraph + 1))
        field = field_label(finding.field)
        return f"{part} · {field}" if field else part

    def reveal(self, finding: Finding) -> bool:
        """Show the finding's field or paragraph and select its excerpt."""
        key = self.part_key(finding)
        if key is None:
            return False
        if key == "materials":  # no material fits: the list of materials
            self.ws.show_tab("materials")
            return True
        view = self.ws.view_of(key)
        if view is None:
            return False
        if finding.paragraph < 0:
            if hasattr(view, "focus_field"):
                view.focus_field(finding.field)
            return True
        return reveal_in(view, finding.paragraph, _quote(finding.excerpt))

    def apply_fix(self, finding: Finding) -> bool:
        """Apply a certain fix to the editor text (it then autosaves); False when not possible."""
        if not self.ws.session.editable or not is_fixable(finding):
            return False
        key = self.part_key(finding)
        if key is None:
            return False
        if finding.paragraph < 0:
            return self._fix_field(key, finding)
        from ...domain.checks.fixes import is_multi_paragraph

        if is_multi_paragraph(finding):
            return self._fix_block(key, finding)
        return self._fix_paragraph(key, finding)

    def _fix_block(self, key: str, finding: Finding) -> bool:
        """Fix a block or a group (furniture run, repeated block, all punctuation) in a part held
        by one edit, as one undo step."""
        view = self.ws.view_of(key)
        segments = view.segments() if view is not None else []
        if len(segments) != 1 or segments[0].isReadOnly():
            return False
        edit = segments[0]
        from ...domain.checks.fixes import fix_finding

        fixed = fix_finding(edit.toPlainText(), finding)
        if fixed is None:
            return False
        cursor = edit.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(fixed)
        cursor.endEditBlock()
        return True

    def _fix_field(self, key: str, finding: Finding) -> bool:
        if key not in ("document", "plan"):
            return False
        tab = self.ws.document_tab if key == "document" else self.ws.plan_tab
        from ...domain.checks.fixes import fix_finding  # with the check engine, after opening

        fixed = fix_finding(tab.field_value(finding.field), finding)
        return fixed is not None and tab.set_field(finding.field, fixed)

    def _fix_paragraph(self, key: str, finding: Finding) -> bool:
        """Fix the one paragraph in the edit that holds it (one undo step)."""
        view = self.ws.view_of(key)
        found = locate(view, finding.paragraph) if view is not None else None
        if found is None or found[0].isReadOnly():
            return False
        edit, local = found
        text = edit.document().findBlockByNumber(edit.block_of_paragraph(local)).text()
        from ...domain.checks.fixes import fix_finding

        fixed = fix_finding(text, replace(finding, paragraph=0, excerpt=_quote(finding.excerpt)))
        if fixed is None:
            return False
        return edit.replace_paragraph(local, fixed.strip("\n"))


def is_fixable(finding: Finding) -> bool:
    """Whether the finding has a certain fix that applies to one field or one paragraph."""
    whole_text = finding.code == "traditional-script" and finding.field == "text"
    from ...domain.checks.fixes import can_fix

    return can_fix(finding) and not whole_text and (finding.paragraph >= 0 or
                                                    finding.field in FIXABLE_FIELDS)
