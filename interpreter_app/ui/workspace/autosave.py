"""Autosave: a debounce after typing stops, one save per changed part, conflicts never overwritten."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.errors import (
    AppError,
    ConflictError,
    NotFoundError,
    PermissionDenied,
    StorageError,
    WorkflowError,
)

SAVED = "saved"
DIRTY = "dirty"
SAVING = "saving"
FAILED = "failed"
CONFLICT = "conflict"
INVALID = "invalid"  # the editor holds text that cannot be saved yet (a bad date, a bad cell)

DEFAULT_DELAY_MS = 1500
RETRY_MS = 5000


class AutosaveController(QObject):
    """Collects changed part keys and saves them through `save_part(key)` after a pause.

    `keep(keys)` is told the unsaved keys before every save attempt and whenever that set
    shrinks, so that the edits can wait in the recovery journal until their save commits.
    """

    state_changed = Signal(str, str)  # state, message
    dirty_changed = Signal(bool)
    conflict = Signal(list)  # part keys refused as stale

    def __init__(self, save_part: Callable[[str], None], delay_ms: int = DEFAULT_DELAY_MS,
                 parent: QObject | None = None,
                 keep: Callable[[list[str]], None] | None = None) -> None:
        super().__init__(parent)
        self._save_part = save_part
        self._keep = keep or (lambda _keys: None)
        self._dirty: list[str] = []
        self._conflicts: list[str] = []
        self._enabled = True
        self._paused = 0
        self.state, self.message = SAVED, ""
        self._timer = QTimer(self, singleShot=True, interval=max(delay_ms, 0))
        self._timer.timeout.connect(self._timed_flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._timed_flush)

    # -- what is pending ------------------------------------------------------------------
    def mark_dirty(self, key: str) -> None:
        """A part changed: (re)start the pause after which it is saved."""
        if not self._enabled:
            return
        was = self.has_unsaved()
        if key not in self._dirty:
            self._dirty.append(key)
        if key not in self._conflicts:
            if self.state != FAILED:  # 保存失败 stays until a save succeeds
                self._set_state(DIRTY, "")
            self._timer.start()
        if not was:
            self.dirty_changed.emit(True)

    def has_unsaved(self) -> bool:
        """Whether some part holds edits that are not stored yet."""
        return bool(self._dirty)

    def pending(self) -> list[str]:
        """The keys of the parts waiting to be saved."""
        return list(self._dirty)

    def conflicts(self) -> list[str]:
        """Keys whose save was refused as stale and that wait for the user's choice."""
        return list(self._conflicts)

    def forget(self, keys: list[str] | None = None) -> None:
        """Drop pending edits (all when None): after a reload, a delete or a copy."""
        was = self.has_unsaved()
        drop = set(self._dirty if keys is None else keys)
        self._dirty = [k for k in self._dirty if k not in drop]
        self._conflicts = [k for k in self._conflicts if k not in drop]
        if not self._dirty:
            self._timer.stop()
            self._retry.stop()
            self._set_state(SAVED, "")
        if drop:
            self._keep(list(self._dirty))
        if was and not self.has_unsaved():
            self.dirty_changed.emit(False)

    def set_enabled(self, enabled: bool) -> None:
        """Ignore edits while loading a package (or in read-only mode)."""
        self._enabled = enabled

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """No save starts by itself inside (a prompt about the unsaved edits is open)."""
        self._paused += 1
        self._timer.stop()
        self._retry.stop()
        try:
            yield
        finally:
            self._paused -= 1
            if not self._paused and self._dirty and self.state in (DIRTY, FAILED):
                (self._retry if self.state == FAILED else self._timer).start()

    def stop(self) -> None:
        """No save starts by itself any more (the window closes, the edits stay journalled)."""
        self._paused += 1
        self._timer.stop()
        self._retry.stop()

    # -- saving ---------------------------------------------------------------------------
    def _timed_flush(self) -> None:
        if not self._paused:
            self.flush()

    def flush(self) -> bool:
        """Save every pending part now; True when nothing is left unsaved."""
        self._timer.stop()
        self._retry.stop()
        keys = [k for k in self._dirty if k not in self._conflicts]
        if not keys:
            return not self._dirty
        self._keep(list(self._dirty))  # in the journal before the database is touched
        self._set_state(SAVING, "")
        failure: tuple[str, str] | None = None
        refused: list[str] = []
        for key in keys:
            outcome = self._save_one(key)
            if outcome == CONFLICT:
                refused.append(key)
            elif outcome:
                failure = outcome
        self._finish(failure, refused)
        return not self._dirty

    def _save_one(self, key: str) -> tuple[str, str] | str | None:
        """None on success, CONFLICT, or (state, message) for a failure that keeps the edit."""
        try:
            self._save_part(key)
        except ConflictError:
            self._conflicts.append(key)
            return CONFLICT
        except NotFoundError as exc:
            self._dirty.remove(key)  # deleted elsewhere: nothing left to save it into
            return FAILED, exc.message
        except (StorageError, WorkflowError, PermissionDenied) as exc:
            # Not the writer's input at fault (the file, or a state changed elsewhere): say why.
            return FAILED, exc.message
        except AppError as exc:
            return INVALID, exc.message
        except Exception as exc:  # noqa: BLE001 - whatever it was, the edit was not saved
            return FAILED, str(exc) or type(exc).__name__
        self._dirty.remove(key)
        return None

    def _finish(self, failure: tuple[str, str] | None, refused: list[str]) -> None:
        self._keep(list(self._dirty))
        if refused:
            self._set_state(CONFLICT, "")
        elif failure:
            self._set_state(*failure)
            if failure[0] == FAILED:
                self._retry.start()
        else:
            self._set_state(DIRTY if self._dirty else SAVED, "")
        if not self._dirty:
            self.dirty_changed.emit(False)
        if refused:
            self.conflict.emit(refused)

    def _set_state(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        self.state_changed.emit(state, message)
