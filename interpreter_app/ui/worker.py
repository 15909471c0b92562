"""One worker pattern: a plain function run in the thread pool, reporting through signals.

The function receives `progress(done, total, label)` and `cancelled()` keyword arguments when it
accepts them. Nothing inside the worker touches a widget; results come back as signals that Qt
delivers on the GUI thread.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Signals of one job."""

    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)  # the exception
    finished = Signal()


class Worker(QRunnable):
    """Runs `fn(*args, **kwargs)` in the global thread pool."""

    def __init__(self, fn: Callable, *args, **kwargs) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = WorkerSignals()
        self._cancel = False
        params = inspect.signature(fn).parameters
        if "progress" in params:
            self.kwargs["progress"] = self._progress
        if "cancelled" in params:
            self.kwargs["cancelled"] = lambda: self._cancel
        self.setAutoDelete(False)

    def _progress(self, done: int, total: int, label: str = "") -> None:
        self.signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel = True

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # any failure is reported, never lost in the thread
            exc.traceback_text = traceback.format_exc()
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(result)
        finally:
            self.signals.finished.emit()

    def start(self) -> Worker:
        """Queue the job in the global thread pool; returns self for chaining."""
        QThreadPool.globalInstance().start(self)
        return self
