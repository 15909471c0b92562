"""Import a .txt into a package; export a package in a worker; overwrite and draft questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpreter_app.domain.errors import TargetExistsError
from interpreter_app.ui import export_dialog
from interpreter_app.ui.alerts import done as REAL_DONE  # before the fixtures patch it
from interpreter_app.ui.export_dialog import ExportDialog, ExportOptions, export_job
from interpreter_app.ui.import_dialog import ImportDialog
from tests.factories import complete_package, released_package, signed_package

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "import" / "sample_policy.txt"


def _import_dialog(qtbot, seeded, path: Path) -> ImportDialog:
    dialog = ImportDialog(seeded.wb, seeded["writer"], path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    return dialog


def test_import_dialog_creates_a_package_from_a_text_file(qtbot, seeded):
    dialog = _import_dialog(qtbot, seeded, SAMPLE)
    parsed = dialog.preview.parsed
    assert "〔2020〕33号" in parsed.document.doc_number
    assert dialog.tabs.outline.count() == len(parsed.outline) > 0
    dialog.accept()
    package = seeded.wb.authoring.get(seeded["writer"], dialog.package.id)
    assert package.document.doc_number == parsed.document.doc_number
    assert package.title == parsed.document.title
    assert package.plan.key_tasks


def test_import_dialog_reads_again_with_another_encoding(qtbot, seeded, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("关于做好就业工作的通知\n一、总体要求\n稳定就业。".encode("gb18030"))
    dialog = _import_dialog(qtbot, seeded, path)
    assert dialog.preview.imported.encoding.lower() == "gb18030"
    dialog.preview = None
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("big5"))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview.imported.encoding == "big5"


def test_traditional_text_is_offered_conversion(qtbot, seeded, tmp_path):
    path = tmp_path / "trad.txt"
    path.write_text("關於進一步優化營商環境的實施意見\n一、總體要求\n各地區各部門要認真貫徹執行。",
                    encoding="utf-8")
    dialog = _import_dialog(qtbot, seeded, path)
    assert dialog.script_frame.isVisibleTo(dialog)
    dialog.preview = None
    dialog.convert_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview.simplified
    assert "关于进一步优化营商环境" in dialog.preview.parsed.document.title + \
        dialog.preview.parsed.document.body


def test_unreadable_file_is_reported(qtbot, seeded, tmp_path, alert_log):
    path = tmp_path / "policy.pdf"
    path.write_bytes(b"%PDF-1.4 nothing")
    dialog = ImportDialog(seeded.wb, seeded["writer"], path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "error" in alert_log.kinds(), timeout=10_000)
    assert "PDF" in alert_log.texts()


def test_draft_export_writes_word_files(seeded, tmp_path):
    package = complete_package(seeded.wb, seeded["writer"])
    options = ExportOptions("parts", tmp_path / "out", False)
    result = export_job(seeded.path, seeded["writer"], package.id, options, False)
    assert any(p.suffix == ".docx" for p in result.files)
    with pytest.raises(TargetExistsError):
        export_job(seeded.path, seeded["writer"], package.id, options, False)


def test_existing_export_is_replaced_after_asking(qtbot, seeded, tmp_path, alert_log, monkeypatch):
    package = signed_package(seeded)
    options = ExportOptions("press", tmp_path / "out", True)
    export_job(seeded.path, seeded["writer"], package.id, options, False)
    alert_log.confirm_answer = True
    finished = []
    monkeypatch.setattr(export_dialog, "finished", lambda parent, result: finished.append(result))
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    export_dialog.run_export(parent, seeded.path, seeded["writer"], package.id, options)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    assert alert_log.kinds() == ["confirm"]
    assert finished[0].path.suffix == ".zip"


def test_export_dialog_offers_the_web_pack_once_signed(qtbot, tmp_path):
    dialog = ExportDialog("标题", True, str(tmp_path))
    qtbot.addWidget(dialog)
    web = next(b for b in dialog.group.buttons() if b.property("pack") == "web")
    assert web.isEnabled()
    web.setChecked(True)
    assert dialog.options().pack == "web"
    unsigned = ExportDialog("标题", False, str(tmp_path))
    qtbot.addWidget(unsigned)
    assert not next(b for b in unsigned.group.buttons() if b.property("pack") == "web").isEnabled()


def test_web_export_job_writes_pages_and_metadata(seeded, tmp_path):
    package = released_package(seeded)
    options = ExportOptions("web", tmp_path, False)
    result = export_job(seeded.path, seeded["writer"], package.id, options, False)
    assert (result.path / "policy.html").is_file() and (result.path / "metadata.xml").is_file()


def test_export_finished_is_a_report_with_open_folder_not_a_question(qtbot, alert_log, tmp_path):
    from types import SimpleNamespace

    from interpreter_app.ui import export_dialog

    result = SimpleNamespace(path=tmp_path, files=["a.docx", "b.docx"])
    export_dialog.finished(None, result)
    assert alert_log.kinds() == ["done"] and str(tmp_path) in alert_log.texts()


def test_done_box_has_an_information_icon_and_no_cancel(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def show(box):
        seen["icon"] = box.icon()
        seen["buttons"] = {box.buttonRole(b) for b in box.buttons()}
        seen["texts"] = [b.text() for b in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    assert REAL_DONE(None, "导出完成", "已写入", "打开文件夹") is False
    assert seen["icon"] == QMessageBox.Information
    assert QMessageBox.RejectRole in seen["buttons"] and "打开文件夹" in seen["texts"]
    assert not any("取消" in t or "Cancel" in t for t in seen["texts"])


CORPUS = Path(__file__).resolve().parent.parent / "data" / "import" / "corpus"


def test_cleanup_boxes_clean_the_scraped_page_before_the_draft_is_created(qtbot, seeded):
    dialog = _import_dialog(qtbot, seeded, CORPUS / "scraped_traditional.txt")
    assert dialog.cleanup_frame.isVisibleTo(dialog)
    assert "17" in dialog.cleanup_boxes["furniture"].text()
    codes = {f.code for f in dialog.preview.findings}
    assert {"web-leftover", "duplicate-paragraph", "garbage-chars", "punctuation"} <= codes
    dialog.preview = None
    dialog.clean_all_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview.simplified and dialog.preview.parsed.cleanup.changed
    assert dialog.preview.findings == []
    assert dialog.tabs.compare.before.toPlainText().startswith("當前位置")
    dialog.accept()
    package = seeded.wb.authoring.get(seeded["writer"], dialog.package.id)
    assert "相关词条" not in package.document.body and "犇" not in package.document.body
    assert package.document.source_file.startswith("scraped_traditional.txt · txt · SHA-256 ")
    assert len(package.plan.key_tasks) == 12
