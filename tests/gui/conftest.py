"""GUI test set-up: settings in tmp_path, message boxes recorded instead of shown, windows."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QThreadPool

from interpreter_app.ui import alerts
from interpreter_app.ui.events import AppEvents
from interpreter_app.ui.settings import AppSettings


@dataclass
class AlertLog:
    """Every message box a test triggered, and the answers the test wants given."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answer: bool = False
    choose_answer: int | None = None
    done_answer: bool = False

    def kinds(self) -> list[str]:
        """The kinds of message shown, in order (info, warn, error, confirm, choose)."""
        return [kind for kind, _title, _text in self.calls]

    def texts(self) -> str:
        """All message texts, one a line."""
        return "\n".join(text for _kind, _title, text in self.calls)


@pytest.fixture(autouse=True)
def alert_log(monkeypatch) -> AlertLog:
    """No real message box ever opens in a GUI test: each one is recorded and answered."""
    log = AlertLog()

    def record(kind: str):
        def show(_parent, title, text="", *args, **kwargs):
            log.calls.append((kind, str(title), str(text)))
        return show

    def error(_parent, exc, title=None):
        log.calls.append(("error", title or "", str(exc)))

    def confirm(_parent, title, text, **kwargs):
        log.calls.append(("confirm", title, text))
        return log.confirm_answer

    def choose(_parent, title, text, options):
        log.calls.append(("choose", title, text))
        return log.choose_answer

    monkeypatch.setattr(alerts, "info", record("info"))
    monkeypatch.setattr(alerts, "warn", record("warn"))
    monkeypatch.setattr(alerts, "error", error)
    monkeypatch.setattr(alerts, "confirm", confirm)
    def done(_parent, title, text, action):
        log.calls.append(("done", title, text))
        return log.done_answer

    monkeypatch.setattr(alerts, "choose", choose)
    monkeypatch.setattr(alerts, "done", done)
    return log


@pytest.fixture(autouse=True)
def _wait_for_workers():
    """Workers never outlive their test."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    """Settings in an INI file under tmp_path."""
    return AppSettings.at_path(str(tmp_path / "settings.ini"))


@pytest.fixture
def events() -> AppEvents:
    """A fresh set of application events."""
    return AppEvents()


@pytest.fixture
def make_window(qtbot, seeded, settings, events):
    """Build the main window as one of the seeded users sees it."""
    from interpreter_app.ui.main_window import MainWindow

    def build(username: str) -> MainWindow:
        window = MainWindow(seeded.wb, seeded[username], events, settings)
        qtbot.addWidget(window)
        return window

    return build
