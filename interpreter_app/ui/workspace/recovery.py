"""The workspace's side of the recovery journal: keep unsaved parts, offer them back later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ... import paths
from ...domain.errors import AppError
from ...services import journal
from ...services.journal import JournalEntry, JournalPart
from .. import alerts

if TYPE_CHECKING:
    from .seams import RecoveryHost

RESTORE, DISCARD = 0, 1
SNIPPET = 30  # characters of a changed paragraph quoted in the offer


class RecoveryKeeper(QObject):
    """Mirrors the unsaved parts of the open package into the journal; restores a left one."""

    def __init__(self, workspace: RecoveryHost, folder: Path | None = None) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self.folder = Path(folder) if folder else paths.recovery_dir()
        self.problem = ""  # why the journal could not be written ('' when it was)
        self._held: JournalEntry | None = None  # offered, neither restored nor discarded yet

    # -- keeping --------------------------------------------------------------------------
    def _where(self) -> tuple[str, int, int] | None:
        session = self.ws.session
        if session.package is None or session.user.id is None:
            return None
        return str(self.ws.workbench.store.path), session.user.id, session.package.id

    def entry_file(self) -> Path | None:
        """The journal file of the open package (whether it exists or not)."""
        where = self._where()
        return journal.entry_path(self.folder, *where) if where else None

    def keep(self, keys: list[str]) -> None:
        """Write the parts `keys` as the editors show them (remove the entry when none)."""
        where = self._where()
        if where is None:
            return
        parts = self._parts(keys, lambda: journal.load(self.folder, *where))
        try:
            if parts:
                db_path, user_id, package_id = where
                entry = JournalEntry(db_path, user_id, package_id, journal.now_iso(),
                                     self.ws.session.package.title, parts)
                journal.write(self.folder, entry)
            else:
                journal.clear(self.folder, *where)
            self.problem = ""
        except OSError as exc:
            self.problem = exc.strerror or str(exc)
            self.ws.events.status_message.emit(self.tr(
                "The recovery journal could not be written: {reason}").format(reason=self.problem))

    def _parts(self, keys: list[str],
               stored: Callable[[], JournalEntry | None]) -> list[JournalPart]:
        versions = self.ws.session.versions
        parts = []
        for key in keys:
            value = self._value(key)
            if value is None:  # not representable now (a chart cell that is not a number)
                entry = stored()  # so the last good version stays kept
                old = entry.part(key) if entry else None
                parts.extend([old] if old else [])
            else:
                parts.append(JournalPart(key, versions.get(key, 0), value))
        if self._held is not None:
            parts += [p for p in self._held.parts if p.key not in keys]
        return parts

    def _value(self, key: str) -> journal.PartValue | None:
        ws, package = self.ws, self.ws.session.package
        try:
            if key == journal.DOCUMENT:
                return ws.document_tab.value(package.document)
            if key == journal.PLAN:
                return ws.plan_tab.value(package.plan)
            editor = ws.materials_tab.editor(key.split(":", 1)[1])
            return editor.value() if editor is not None else None
        except AppError:
            return None

    # -- offering -------------------------------------------------------------------------
    def offer(self) -> bool:
        """Offer the journal entry of the open package back; True when it was restored."""
        self._held = None
        where = self._where()
        entry = journal.load(self.folder, *where) if where else None
        if entry is None:
            return False
        editable = self.ws.session.editable
        options = [self.tr("Restore"), self.tr("Discard")] if editable else [self.tr("Discard")]
        with self.ws.autosave.paused():
            choice = alerts.choose(self.ws, self.tr("Unsaved changes found"),
                                   self.describe(entry, editable), options)
        if choice is not None and options[choice] == self.tr("Discard"):
            journal.clear(self.folder, *where)
            self.ws.events.status_message.emit(self.tr("The unsaved changes were discarded."))
            return False
        if choice is None:
            self._held = entry  # decide later: the entry stays in the journal
            return False
        self.restore(entry)
        return True

    def describe(self, entry: JournalEntry, editable: bool = True) -> str:
        """发现未保存的修改（时间）, what the entry holds, and what the choices do."""
        lines = [self.tr("Unsaved changes found ({when}):").format(when=_when(entry.written_at))]
        lines += [f"  · {self._part_label(p)}" for p in entry.parts]
        lines.append("")
        if editable:
            lines.append(self.tr("Restore puts them back into the editors as unsaved changes; "
                                 "Discard deletes them."))
        else:
            lines.append(self.tr("This package cannot be edited now, so they cannot be put back. "
                                 "Cancel keeps them until it can be edited again."))
        return "\n".join(lines)

    def _part_label(self, part: JournalPart) -> str:
        """The part's name and what differs from the stored version."""
        stored = self._stored(part.key)
        if part.key == journal.DOCUMENT:
            name = self.tr("Policy document")
        elif part.key == journal.PLAN:
            name = self.tr("Interpretation plan")
        else:
            name = self.tr("Material “{title}”").format(title=part.value.title)
            if stored is None:
                return name + self.tr(" (deleted since)")
        change = journal.text_change(stored, part.value)
        said = []
        if change.changed:
            first = change.changed[0]
            first = first if len(first) <= SNIPPET else first[:SNIPPET] + "…"
            said.append(self.tr("{count} paragraphs changed or added, such as “{first}”").format(count=str(len(change.changed)), first=first))
        if change.removed:
            said.append(self.tr("{count} paragraphs deleted").format(count=str(change.removed)))
        if not said:
            said.append(self.tr("other fields changed"))
        return name + self.tr(": ") + self.tr(", ").join(said)

    def _stored(self, key: str) -> journal.PartValue | None:
        package = self.ws.session.package
        if key == journal.DOCUMENT:
            return package.document
        if key == journal.PLAN:
            return package.plan
        mid = key.split(":", 1)[1]
        return next((m for m in package.materials if m.id == mid), None)

    def restore(self, entry: JournalEntry) -> None:
        """Put the entry's parts into the editors as unsaved edits of the open package."""
        ws, session = self.ws, self.ws.session
        gone = []
        for part in entry.parts:
            if part.key == journal.DOCUMENT:
                ws.document_tab.load(part.value)
            elif part.key == journal.PLAN:
                ws.plan_tab.load(part.value)
            else:
                editor = ws.materials_tab.editor(part.key.split(":", 1)[1])
                if editor is None:  # deleted since: nothing to put it into, so it stays kept
                    gone.append(part)
                    continue
                editor.load(replace(part.value, row_version=part.version))
            session.versions[part.key] = part.version  # a stale base shows as a conflict
            ws.autosave.mark_dirty(part.key)
        ws.checks_panel.schedule()
        if gone:
            self._held = replace(entry, parts=gone)
            self.keep(ws.autosave.pending())
            ws.events.status_message.emit(self.tr(
                "Not restored, the material was deleted since: {titles}").format(titles="、".join(p.value.title for p in gone)))


def _when(iso: str) -> str:
    """2026年12月2日 18:05 from a stored ISO time (the text itself when it is not one)."""
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"
