"""附件与链接 under a material: attach a long image and a link, preview, remove, read-only."""

from __future__ import annotations

from interpreter_app.ui.workspace.media_panel import MediaDialog, MediaInput
from tests.factories import complete_package
from tests.unit.test_media import png_bytes

pytest_plugins = ("tests.gui.workspace_fixtures",)


def _open(seeded, make_workspace):
    pkg = complete_package(seeded.wb, seeded["writer"])
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    ws.tabs.setCurrentWidget(ws.materials_tab)
    return pkg, ws


def test_attach_a_long_image_and_a_link_then_remove_one(qtbot, seeded, make_workspace,
                                                        monkeypatch, tmp_path):
    pkg, ws = _open(seeded, make_workspace)
    tab = ws.materials_tab
    image = tmp_path / "一图读懂.png"
    image.write_bytes(png_bytes())
    answers = iter([
        MediaInput("image", image, "", "一图读懂", "长图：三项补贴", "省人社厅"),
        MediaInput("video", None, "https://v.example.gov/1", "短视频", "", ""),
    ])
    monkeypatch.setattr(MediaDialog, "ask", classmethod(lambda cls, *a, **k: next(answers)))
    tab.attach_media(True)
    tab.attach_media(False)
    panel = ws.materials_tab.media
    assert panel.items.count() == 2
    panel.items.setCurrentRow(0)
    assert not panel.preview.pixmap().isNull()
    panel.items.setCurrentRow(1)
    assert "https://v.example.gov/1" in panel.preview.text()
    ws.grab().save(str(tmp_path / "media.png"))
    ws.materials_tab.remove_media(1)
    stored = seeded.wb.authoring.get(seeded["writer"], pkg.id).materials[0].media
    assert [m.kind for m in stored] == ["image"]


def test_a_refused_file_is_reported_and_nothing_attached(seeded, make_workspace, monkeypatch,
                                                        ws_alerts, tmp_path):
    pkg, ws = _open(seeded, make_workspace)
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    monkeypatch.setattr(MediaDialog, "ask", classmethod(
        lambda cls, *a, **k: MediaInput("image", fake, "", "x", "说明", "来源")))
    ws.materials_tab.attach_media(True)
    assert any("格式不符" in t for t in ws_alerts.texts("error"))
    assert seeded.wb.authoring.get(seeded["writer"], pkg.id).materials[0].media == []


def test_buttons_hidden_once_submitted(seeded, make_workspace):
    pkg = complete_package(seeded.wb, seeded["writer"])
    seeded.wb.review.submit(seeded["writer"], pkg.id)
    ws = make_workspace(seeded["writer"], seeded.wb, pkg.id)
    assert ws.materials_tab.media.file_button.isHidden()
