"""Fixtures of the workspace tests: a workspace per user on the seeded database, patched alerts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QThreadPool

from interpreter_app.domain.model import User
from interpreter_app.services.workbench import Workbench
from interpreter_app.ui import alerts
from interpreter_app.ui.events import AppEvents
from interpreter_app.ui.settings import AppSettings
from interpreter_app.ui.workspace import PackageWorkspace

AUTOSAVE_MS = 80


@dataclass
class AlertLog:
    """What the workspace tried to tell or ask the user, and the answers to give."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    confirm_answer: bool = True
    choose_answer: int | None = None

    def texts(self, kind: str) -> list[str]:
        """The texts of the alerts of one kind ('info', 'warn', 'error', 'confirm', 'choose')."""
        return [text for k, text in self.calls if k == kind]


@pytest.fixture
def ws_alerts(monkeypatch) -> AlertLog:
    """Every message box answered without showing anything."""
    log = AlertLog()

    def error(_parent, exc, title=None):
        log.calls.append(("error", getattr(exc, "message", str(exc))))

    def choose(_parent, _title, text, _options):
        log.calls.append(("choose", text))
        return log.choose_answer

    def confirm(_parent, _title, text, **_kw):
        log.calls.append(("confirm", text))
        return log.confirm_answer

    monkeypatch.setattr(alerts, "info", lambda _p, _t, text: log.calls.append(("info", text)))
    monkeypatch.setattr(alerts, "warn", lambda _p, _t, text: log.calls.append(("warn", text)))
    monkeypatch.setattr(alerts, "error", error)
    monkeypatch.setattr(alerts, "confirm", confirm)
    monkeypatch.setattr(alerts, "choose", choose)
    monkeypatch.setattr(alerts, "done", lambda _p, _t, text, _a: log.calls.append(("done", text)))
    return log


@pytest.fixture
def ws_settings(tmp_path) -> AppSettings:
    """Settings in a temp file with a short autosave pause."""
    s = AppSettings.at_path(str(tmp_path / "settings.ini"))
    s.autosave_delay_ms = AUTOSAVE_MS
    return s


@pytest.fixture
def make_workspace(qtbot, ws_settings, ws_alerts):
    """Build a workspace for a user, optionally on its own Workbench connection."""
    made: list[PackageWorkspace] = []

    def make(user: User, workbench: Workbench, package_id: int | None = None,
             events: AppEvents | None = None) -> PackageWorkspace:
        ws = PackageWorkspace(workbench, user, events or AppEvents(), ws_settings)
        qtbot.addWidget(ws)
        ws.resize(1400, 900)
        ws.show()
        if package_id is not None:
            ws.open_package(package_id)
        made.append(ws)
        return ws

    yield make
    QThreadPool.globalInstance().waitForDone(10_000)
    for ws in made:
        ws.autosave.forget()
