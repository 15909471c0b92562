"""Statistics in a worker, the settings wrapper, and interpreter-app --screenshot as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from interpreter_app.ui.settings import AppSettings
from interpreter_app.ui.stats_view import StatsWindow
from tests.factories import released_package

BIN = Path(sys.executable).parent


def test_statistics_window_shows_figures_and_charts(qtbot, seeded):
    released_package(seeded)
    user = seeded["writer"]
    window = StatsWindow(seeded.path, user, seeded.wb.accounts.departments())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.computed, timeout=60_000):
        window.show()
    assert window.figures.item(0, 1).text() == "1"
    assert "1" in window.sentence.text()
    charts = window.chart_labels
    assert charts and all(not label.pixmap().isNull() for label in charts)
    assert window.chart_grid.count() == len(charts)
    assert window.export_button.isEnabled()


def test_statistics_export_writes_charts_and_word_summary(qtbot, seeded, tmp_path, monkeypatch,
                                                          alert_log):
    from PySide6.QtWidgets import QFileDialog

    released_package(seeded)
    window = StatsWindow(seeded.path, seeded["writer"], seeded.wb.accounts.departments())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.computed, timeout=60_000):
        window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(tmp_path))
    window.export_button.click()
    qtbot.waitUntil(lambda: "choose" in alert_log.kinds(), timeout=60_000)
    written = [p.suffix for p in tmp_path.rglob("*") if p.is_file()]
    assert ".docx" in written and ".png" in written
    recorded = [e for e in seeded.wb.store.audit_events() if e.action == "export_statistics"]
    assert len(recorded) == 1 and recorded[0].actor_id == seeded["writer"].id


def test_settings_round_trip(tmp_path):
    path = str(tmp_path / "s.ini")
    first = AppSettings.at_path(path)
    assert (first.autosave_delay_ms, first.speaking_rate, first.backups_kept) == (1500, 180, 10)
    assert first.language == "zh_CN"
    first.last_user = "leader"
    first.backups_kept = 3
    first.set_splitter_sizes("inner", [300, 500])
    first.sync()
    again = AppSettings.at_path(path)
    assert again.last_user == "leader" and again.backups_kept == 3
    assert again.splitter_sizes("inner") == [300, 500]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = subprocess.run([str(BIN / "interpreter-cli"), "--db", str(path), "demo"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return path


def _screenshot(db: Path, out: Path, user: str, password: str,
                *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "INTERPRETER_PASSWORD": password, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(BIN / "interpreter-app"), "--db", str(db), "--screenshot", str(out),
                           "--user", user, *options], capture_output=True, text=True,
                          timeout=120, env=env)


def test_screenshot_at_a_screen_size_and_scaling(demo_db, tmp_path):
    """--size is the screen in device pixels; at 150 % the window is laid out in 1280×720."""
    out = tmp_path / "scaled.png"
    result = _screenshot(demo_db, out, "writer", "demo1234", "--size", "1920x1080",
                         "--scale", "1.5")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)


@pytest.mark.parametrize("options", [("--size", "100x80"), ("--size", "wide"),
                                     ("--scale", "5"), ("--scale", "x")])
def test_screenshot_refuses_a_bad_size_or_scale(demo_db, tmp_path, options):
    result = _screenshot(demo_db, tmp_path / "x.png", "writer", "demo1234", *options)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_screenshot_writes_a_png_of_the_main_window(demo_db, tmp_path):
    out = tmp_path / "shots" / "writer.png"
    result = _screenshot(demo_db, out, "writer", "demo1234")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    assert out.stat().st_size > 20_000


@pytest.mark.parametrize(("user", "password", "reason"), [
    ("writer", "wrong-password1", "登录失败"), ("nobody", "demo1234", "不存在")])
def test_screenshot_refuses_bad_credentials(demo_db, tmp_path, user, password, reason):
    result = _screenshot(demo_db, tmp_path / "x.png", user, password)
    assert result.returncode == 2
    assert reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_offscreen_screenshot_is_the_window_as_painted(make_window, seeded):
    """The screenshot copies the window's own buffer: it must show what painting anew shows
    (up to the anti-aliasing of vector icons, which the two paint paths round differently)."""
    import numpy as np

    from interpreter_app.ui.screenshot import SIZE, _grab, settle
    from tests.factories import complete_package

    complete_package(seeded.wb, seeded["writer"])
    window = make_window("writer")
    window.resize(*SIZE)
    window.packages.select_row(0)
    window.show()
    settle(QApplication.instance())

    def pixels(image: QImage) -> np.ndarray:
        image = image.convertToFormat(QImage.Format_RGB32)
        return np.frombuffer(bytes(image.constBits()), np.uint8).astype(int)

    copied, painted = pixels(_grab(window).toImage()), pixels(window.grab().toImage())
    assert copied.shape == painted.shape == (SIZE[0] * SIZE[1] * 4,)
    difference = np.abs(copied - painted)
    assert difference.max() <= 48 and np.count_nonzero(difference) < 400


def test_statistics_window_says_which_years_lack_a_holiday_schedule(qtbot, seeded):
    import dataclasses

    released_package(seeded)
    window = StatsWindow(seeded.path, seeded["writer"], seeded.wb.accounts.departments())
    qtbot.addWidget(window)
    stats = seeded.wb.statistics.compute(seeded["writer"])
    assert stats.unknown_years == () and window.calendar_note(stats) == ""
    note = window.calendar_note(dataclasses.replace(stats, unknown_years=(2030,)))
    assert "2030" in note and "Monday to Friday" in note
