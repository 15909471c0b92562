"""Runs one Worker with a progress dialog and hands its result back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from . import alerts
from .worker import Worker

SHOW_AFTER_MS = 400  # quick jobs finish before any dialog flickers up
RELEASE_AFTER_MS = 50  # the pool thread leaves the worker's run() before the worker is freed
# Jobs keep themselves alive until their worker has finished: the widget that started one may be
# closed first, and a Qt parent would then delete the worker while it still runs.
_RUNNING: set[Job] = set()


def is_cancelled(exc: BaseException) -> bool:
    """Whether a job ended because the user cancelled it (not an error to show)."""
    return type(exc).__name__ == "Cancelled"


class Job(QObject):
    """One background job: a Worker, its progress dialog and the callbacks for its outcome."""

    def __init__(self, parent: QWidget | None, label: str, fn: Callable, *args,
                 on_result: Callable[[object], None],
                 on_error: Callable[[BaseException], None] | None = None,
                 cancellable: bool = True, show_progress: bool = True) -> None:
        super().__init__()  # no Qt parent on purpose, see _RUNNING
        self.parent_widget = parent
        self.on_result, self.on_error = on_result, on_error
        self.worker = Worker(fn, *args)
        self.dialog = self._make_dialog(parent, label, cancellable) if show_progress else None
        signals = self.worker.signals
        signals.progress.connect(self._progress)
        signals.result.connect(self._result)
        signals.error.connect(self._error)
        signals.finished.connect(self._finished)
        self.done = False

    def _make_dialog(self, parent: QWidget | None, label: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.worker.cancel)
        return dialog

    def start(self) -> Job:
        """Queue the worker; returns self."""
        _RUNNING.add(self)
        if self.dialog is not None:
            self.dialog.setValue(0)
        self.worker.start()
        return self

    def _alive(self) -> bool:
        """Whether the widget that started the job (and so the dialog) still exists."""
        return self.parent_widget is None or shiboken6.isValid(self.parent_widget)

    def _progress(self, done: int, total: int, text: str) -> None:
        if not self._alive() or self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def _result(self, result: object) -> None:
        if not self._alive():
            return
        self._close_dialog()
        self.on_result(result)

    def _error(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._close_dialog()
        if is_cancelled(exc):
            return
        if self.on_error is not None:
            self.on_error(exc)
        else:
            alerts.error(self.parent_widget, exc)

    def _close_dialog(self) -> None:
        if self.dialog is None:
            return
        self.dialog.canceled.disconnect(self.worker.cancel)
        self.dialog.reset()
        self.dialog.close()

    def _finished(self) -> None:
        self.done = True
        if self._alive() and self.dialog is not None:
            self.dialog.deleteLater()
        QTimer.singleShot(RELEASE_AFTER_MS, lambda job=self: _RUNNING.discard(job))


def start_job(parent: QWidget, label: str, fn: Callable, *args,
              on_result: Callable[[object], None],
              on_error: Callable[[BaseException], None] | None = None,
              cancellable: bool = True, show_progress: bool = True) -> Job:
    """Run `fn(*args)` in the thread pool with a progress dialog; callbacks run on the GUI thread."""
    return Job(parent, label, fn, *args, on_result=on_result, on_error=on_error,
               cancellable=cancellable, show_progress=show_progress).start()


def run_and_wait(parent: QWidget | None, label: str, fn: Callable, *args) -> object:
    """Run a job with a progress dialog and wait for it in a local event loop (start-up only)."""
    from PySide6.QtCore import QEventLoop

    outcome: dict[str, object] = {}
    loop = QEventLoop()
    job = Job(parent, label, fn, *args, on_result=lambda r: outcome.setdefault("result", r),
              on_error=lambda e: outcome.setdefault("error", e), cancellable=False)
    job.worker.signals.finished.connect(loop.quit)
    job.start()
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("result")
