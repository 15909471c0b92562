"""Dialogs of the sign-off tab: reason, sign-off with password, missing items, release together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.checks import Finding
from ...domain.errors import AppError, AuthError
from ...domain.kinds import AUDIENCE_LABELS, material_kind
from ...domain.model import Package
from ...domain.validation import format_datetime_cn
from ...services.accounts import MAX_FAILED_LOGINS
from ..widgets import ok_cancel


def grouped_digest(digest: str) -> str:
    """A SHA-256 hex digest in groups of eight, two lines, for reading aloud and comparing."""
    groups = [digest[i:i + 8] for i in range(0, len(digest), 8)]
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


class ReasonDialog(QDialog):
    """Asks for a reason or an opinion; OK stays disabled while a required text is empty."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, required: bool,
                 default: str) -> None:
        super().__init__(parent, windowTitle=title)
        self.text = QPlainTextEdit(default, tabChangesFocus=True)
        self.text.setAccessibleName(prompt)
        self.buttons = ok_cancel(self, self.tr("OK"))
        self.required = required
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, wordWrap=True))
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()
        self.resize(460, 240)

    def _update(self) -> None:
        ok = not self.required or bool(self.text.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, *, required: bool = True,
            default: str = "") -> str | None:
        """The text entered, or None when cancelled."""
        dialog = cls(parent, title, prompt, required, default)
        return dialog.text.toPlainText().strip() if dialog.exec() == QDialog.Accepted else None


@dataclass(frozen=True)
class SignOffInput:
    """What the leader entered to sign off."""

    password: str
    opinion: str
    on_behalf_of: str


class SignOffDialog(QDialog):
    """Password re-entry, opinion and optional 代签, showing the digest being signed.

    The dialog signs through the function it is given and stays open on a wrong password, with
    the opinion kept and the attempts left shown; a locked account is explained in place."""

    def __init__(self, parent: QWidget | None, package_title: str, digest: str,
                 signer: str, sign: Callable[[SignOffInput], object] | None = None,
                 attempts_left: int | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Sign off"))
        self._sign = sign
        self.failure: AppError | None = None
        self.password = QLineEdit(echoMode=QLineEdit.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        self.opinion = QPlainTextEdit("同意")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setAccessibleName(self.tr("Opinion"))
        self.opinion.setFixedHeight(70)
        self.on_behalf = QLineEdit(placeholderText=self.tr("Only when signing for someone else"))
        self.on_behalf.setAccessibleName(self.tr("On behalf of"))
        self.refusal = QLabel(wordWrap=True)
        self.refusal.setObjectName("signoff_refusal")
        self.refusal.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.refusal.hide()
        digest_label = QLabel(grouped_digest(digest), textInteractionFlags=Qt.TextSelectableByMouse)
        digest_label.setFont(QFont("monospace"))
        form = QFormLayout()
        form.addRow(self.tr("Package"), QLabel(package_title, wordWrap=True))
        form.addRow(self.tr("Signer"), QLabel(signer))
        form.addRow(self.tr("Content digest"), digest_label)
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("On behalf of"), self.on_behalf)
        form.addRow(self.tr("Your password"), self.password)
        self.buttons = ok_cancel(self, self.tr("Sign off"))
        note = QLabel(self.tr("Your signature covers the document, the plan and every material "
                              "exactly as shown by this digest."), wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.password.textChanged.connect(self._update)
        self._locked = attempts_left == 0
        if attempts_left is not None and 0 < attempts_left < MAX_FAILED_LOGINS:
            self._refuse(self.tr("A wrong password was entered before: {count} more wrong entries "
                                 "lock the account.").format(count=str(attempts_left)))
        self._update()
        self.password.setFocus()
        self.resize(520, 400)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(
            bool(self.password.text()) and not self._locked)

    def value(self) -> SignOffInput:
        """What is entered now."""
        return SignOffInput(self.password.text(), self.opinion.toPlainText().strip() or "同意",
                            self.on_behalf.text().strip())

    def accept(self) -> None:
        """Sign; a wrong password or a lockout is shown here and the dialog stays open."""
        if self._sign is not None:
            try:
                self._sign(self.value())
            except AuthError as exc:
                self._locked = bool(exc.locked_until)
                self._refuse(exc.message)
                self.password.clear()
                self.password.setFocus()
                return
            except AppError as exc:  # not about the password: the caller reports it
                self.failure = exc
                self.reject()
                return
        super().accept()

    def _refuse(self, text: str) -> None:
        self.refusal.setText(text)
        self.refusal.show()
        self._update()

    @classmethod
    def ask(cls, parent: QWidget | None, package_title: str, digest: str, signer: str,
            sign: Callable[[SignOffInput], object] | None = None,
            attempts_left: int | None = None) -> SignOffInput | None:
        """The sign-off input once `sign` accepted it, or None when cancelled; an error of
        `sign` other than the password's is raised."""
        dialog = cls(parent, package_title, digest, signer, sign, attempts_left)
        accepted = dialog.exec() == QDialog.Accepted
        if dialog.failure is not None:
            raise dialog.failure
        return dialog.value() if accepted else None


class IncompleteDialog(QDialog):
    """The completeness gate's list of what is missing, as a checklist; double-clicking an item
    whose place is known (`places`: line → finding) closes the list to show that place."""

    def __init__(self, parent: QWidget | None, details: list[str], headline: str = "",
                 places: dict[str, Finding] | None = None) -> None:
        super().__init__(parent, windowTitle=headline or self.tr("The package cannot be submitted yet"))
        self.places = places or {}
        self.chosen: Finding | None = None
        checklist = QListWidget()
        for detail in details:
            item = QListWidgetItem("☐ " + detail)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            item.setData(Qt.UserRole, detail)
            if detail in self.places:
                item.setToolTip(self.tr("Double-click to go there"))
            checklist.addItem(item)
        checklist.itemDoubleClicked.connect(self.go_to)
        checklist.itemActivated.connect(self.go_to)  # Enter on the selected item
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        checklist.setWordWrap(True)
        self.checklist = checklist
        lead = self.tr("Fix each of these {count} items, then try again:").format(count=str(len(details)))
        if self.places:
            lead += " " + self.tr("(double-click an item to go to it)")
        if headline:
            title = QLabel(headline)
            title.setStyleSheet("font-weight: bold; color: #b3261e;")
            layout.addWidget(title)
        layout.addWidget(QLabel(lead, wordWrap=True))
        layout.addWidget(checklist)
        layout.addWidget(box)
        self.resize(680, 420)

    def go_to(self, item: QListWidgetItem) -> None:
        """Close the list and remember the item's place, when it has one."""
        place = self.places.get(item.data(Qt.UserRole))
        if place is not None:
            self.chosen = place
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, details: list[str], headline: str = "",
            places: dict[str, Finding] | None = None) -> Finding | None:
        """Show the checklist until closed; `headline` says which action was refused. The place
        of the item the user double-clicked, or None."""
        dialog = cls(parent, details, headline, places)
        dialog.exec()
        return dialog.chosen


def release_items(package: Package) -> list[str]:
    """One line for each part that is released together, with 公开/内部 and any embargo."""
    doc = package.document
    number = f"（{doc.doc_number}）" if doc.doc_number else ""
    document = QCoreApplication.translate("ReleaseDialog", "Policy document: {title}")
    plan = QCoreApplication.translate("ReleaseDialog", "Interpretation plan (internal)")
    embargo = QCoreApplication.translate("ReleaseDialog", ", embargoed until {time}")
    lines = [document.format(title=doc.title + number), plan]
    for m in package.materials:
        line = f"{material_kind(m.kind).label}：{m.title}（{AUDIENCE_LABELS[m.audience]}）"
        if m.embargo:
            line += embargo.format(time=format_datetime_cn(m.embargo))
        lines.append(line)
    return lines


class ReleaseDialog(QDialog):
    """Lists exactly what is released together and when."""

    def __init__(self, parent: QWidget | None, package: Package) -> None:
        super().__init__(parent, windowTitle=self.tr("Release together"))
        items = QListWidget(wordWrap=True)
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        items.addItems(release_items(package))
        now = format_datetime_cn(dt.datetime.now().isoformat(timespec="minutes"))
        when = QLabel(self.tr("Release time: now ({now}); every part carries this same time.").format(now=now), wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These parts are released together:")))
        layout.addWidget(items)
        layout.addWidget(when)
        if any(m.embargo for m in package.materials):
            layout.addWidget(QLabel(self.tr("Materials with an embargo must not be published "
                                            "before their time."), wordWrap=True))
        layout.addWidget(ok_cancel(self, self.tr("Release")))
        self.resize(640, 380)

    @classmethod
    def ask(cls, parent: QWidget | None, package: Package) -> bool:
        """Whether the user confirmed the release."""
        return cls(parent, package).exec() == QDialog.Accepted
