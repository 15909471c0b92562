"""Live desks: server notifications reach the window as signals on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..services import live

WAIT_S = 0.5  # how often the listening thread looks whether it should stop


class LiveUpdates(QObject):
    """Listens on a thread of its own; `changed` carries lists of `live.Change`."""

    changed = Signal(list)
    connection = Signal(bool)  # False when the server stops answering, True when it is back

    def __init__(self, address: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start listening (False on a local database: there is nobody else to hear)."""
        if not live.is_server(self._address):
            return False
        self._thread = threading.Thread(target=self._run, name="live-updates", daemon=True)
        self._thread.start()
        return True

    def _run(self) -> None:
        listener = live.listen(self._address)
        connected = listener.connected
        try:
            while not self._stop.is_set():
                changes = listener.wait(WAIT_S)
                if listener.connected != connected:
                    connected = listener.connected
                    self.connection.emit(connected)
                if changes and not self._stop.is_set():
                    self.changed.emit(changes)
        finally:
            listener.close()

    def stop(self) -> None:
        """Stop listening and wait for the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
