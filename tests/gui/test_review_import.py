"""The 征求意见稿 in the window: offered by the export dialog before sign-off, and 导入修改稿…
imports an edited file in a worker and shows the report."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from interpreter_app.ui import review_import_dialog
from interpreter_app.ui.export_dialog import REVIEW_PACK, ExportDialog
from tests.support.make_review_fixture import create_sample
from tests.support.review_ooxml import EditedDocx


def test_export_dialog_offers_the_review_draft_before_sign_off(qtbot, tmp_path):
    dialog = ExportDialog("标题", False, str(tmp_path))
    qtbot.addWidget(dialog)
    review = next(b for b in dialog.group.buttons() if b.property("pack") == REVIEW_PACK)
    assert review.isEnabled()
    review.setChecked(True)
    assert dialog.options().pack == REVIEW_PACK


def test_import_runs_in_a_worker_and_shows_the_report(qtbot, seeded, tmp_path, monkeypatch):
    writer = seeded["writer"]
    package = create_sample(seeded.wb, writer)
    exported = seeded.wb.exports.export_review(writer, package.id, tmp_path)
    doc = EditedDocx(exported)
    doc.comment("专场招聘活动", "场次太少", "李四", "2026-06-18T09:00:00Z")
    edited = doc.save(tmp_path / "edited.docx")
    shown = []
    monkeypatch.setattr(review_import_dialog.ReviewReportDialog, "exec",
                        lambda self: shown.append(self))
    monkeypatch.setattr(review_import_dialog, "choose_file", lambda parent, folder="": edited)
    parent = QWidget()
    qtbot.addWidget(parent)
    review_import_dialog.run_review_import(parent, seeded.path, writer, package.id)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    labels = " ".join(label.text() for label in shown[0].findChildren(QLabel))
    assert "批注 1 条" in labels
    (comment,) = seeded.wb.comments.list(writer, package.id)
    assert comment.comment.author_name == "李四"
