"""登记: what the annual figures count besides packages — attendance at events, the 发文登记 and
responses to public concerns — entered after the fact and listed as recorded."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AppError
from ..domain.kinds import INTERPRETER_ROLES
from ..domain.model import User
from ..domain.outreach import CONCERN_CHANNELS, EVENT_KINDS, Attendee
from ..services.workbench import Workbench
from . import alerts
from .widgets import fill_table, read_only_table


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())  # recorded after the fact
    return edit


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


class RecordsDialog(QDialog):
    """Three tabs: 发布会出席, 发文登记, 回应关切; each adds a record and lists the recorded ones."""

    def __init__(self, workbench: Workbench, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench, self.user = workbench, user
        self.changed = False
        self.setWindowTitle(self.tr("Records for the annual figures"))
        self.resize(920, 700)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._events_tab(), self.tr("Event attendance"))
        self.tabs.addTab(self._register_tab(), self.tr("Documents issued"))
        self.tabs.addTab(self._concerns_tab(), self.tr("Responses to concerns"))
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.refresh()

    # -- tabs -----------------------------------------------------------------------------
    def _events_tab(self) -> QWidget:
        page = QWidget(self)
        self.event_kind = QComboBox(page)
        self.event_kind.addItems(EVENT_KINDS)
        self.event_date = _date_edit(page)
        self.event_package = QSpinBox(page)
        self.event_package.setRange(0, 10**9)
        self.event_package.setSpecialValueText(self.tr("none"))
        self.event_title = QLineEdit(page)
        self.attendees = QTableWidget(4, 3, page)
        self.attendees.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Post"),
                                                  self.tr("Role")])
        header = self.attendees.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Fixed)
        header.resizeSection(2, 150)
        rows = sum(self.attendees.rowHeight(r) for r in range(self.attendees.rowCount()))
        self.attendees.setFixedHeight(header.sizeHint().height() + rows
                                      + 2 * self.attendees.frameWidth() + 2)
        for row in range(self.attendees.rowCount()):
            role = QComboBox(self.attendees)
            role.addItems(("", *INTERPRETER_ROLES))
            self.attendees.setCellWidget(row, 2, role)
        add = QPushButton(self.tr("Record the event"), page)
        add.clicked.connect(self.add_event)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.event_kind)
        form.addRow(self.tr("Held on"), self.event_date)
        form.addRow(self.tr("Package number"), self.event_package)
        form.addRow(self.tr("Name of the event"), self.event_title)
        form.addRow(self.tr("Who actually attended"), self.attendees)
        form.addRow("", add)
        self.event_list = read_only_table([self.tr("Held on"), self.tr("Kind"),
                                           self.tr("Name of the event"), self.tr("Attended")],
                                          page)
        return self._page(page, form, self.event_list)

    def _register_tab(self) -> QWidget:
        page = QWidget(self)
        self.doc_title = QLineEdit(page)
        self.doc_date = _date_edit(page)
        self.doc_number = QLineEdit(page)
        add = QPushButton(self.tr("Add to the register"), page)
        add.clicked.connect(self.add_document)
        load = QPushButton(self.tr("Import Excel or CSV…"), page)
        load.clicked.connect(self.import_register)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(load)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.doc_title)
        form.addRow(self.tr("Issued on"), self.doc_date)
        form.addRow(self.tr("Document number"), self.doc_number)
        form.addRow("", buttons)
        self.register_list = read_only_table([self.tr("Issued on"), self.tr("Document number"),
                                              self.tr("Title")], page)
        return self._page(page, form, self.register_list)

    def _concerns_tab(self) -> QWidget:
        page = QWidget(self)
        self.concern_date = _date_edit(page)
        self.concern_topic = QLineEdit(page)
        self.concern_channel = QComboBox(page)
        self.concern_channel.addItems(CONCERN_CHANNELS)
        self.concern_link = QLineEdit(page)
        self.concern_link.setPlaceholderText("https://")
        self.concern_package = QSpinBox(page)
        self.concern_package.setRange(0, 10**9)
        self.concern_package.setSpecialValueText(self.tr("none"))
        add = QPushButton(self.tr("Record the response"), page)
        add.clicked.connect(self.add_concern)
        form = QFormLayout()
        form.addRow(self.tr("Responded on"), self.concern_date)
        form.addRow(self.tr("Concern"), self.concern_topic)
        form.addRow(self.tr("Channel"), self.concern_channel)
        form.addRow(self.tr("Address"), self.concern_link)
        form.addRow(self.tr("Package number"), self.concern_package)
        form.addRow("", add)
        self.concern_list = read_only_table([self.tr("Responded on"), self.tr("Channel"),
                                             self.tr("Concern"), self.tr("Address")], page)
        return self._page(page, form, self.concern_list)

    @staticmethod
    def _page(page: QWidget, form: QFormLayout, table: QTableWidget) -> QWidget:
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(table, 1)
        return page

    # -- actions --------------------------------------------------------------------------
    def _run(self, action) -> bool:
        try:
            action()
        except AppError as exc:
            alerts.error(self, exc, self.tr("Not recorded"))
            return False
        self.changed = True
        self.refresh()
        return True

    def add_event(self) -> None:
        """Record the event with the attendees entered."""
        people = []
        for row in range(self.attendees.rowCount()):
            name = self.attendees.item(row, 0)
            if name is None or not name.text().strip():
                continue
            title = self.attendees.item(row, 1)
            people.append(Attendee(name.text().strip(), title.text().strip() if title else "",
                                   self.attendees.cellWidget(row, 2).currentText()))
        package = self.event_package.value() or None
        if self._run(lambda: self.workbench.outreach.record_event(
                self.user, self.event_kind.currentText(), _iso(self.event_date), people,
                package_id=package, title=self.event_title.text())):
            self.attendees.clearContents()
            for row in range(self.attendees.rowCount()):
                role = QComboBox(self.attendees)
                role.addItems(("", *INTERPRETER_ROLES))
                self.attendees.setCellWidget(row, 2, role)

    def add_document(self) -> None:
        """Add one document to the register."""
        if self._run(lambda: self.workbench.outreach.register_document(
                self.user, self.doc_title.text(), _iso(self.doc_date), self.doc_number.text())):
            self.doc_title.clear()
            self.doc_number.clear()

    def import_register(self) -> None:
        """Import the register from an Excel or CSV file."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the register"), "",
                                              self.tr("Tables (*.xlsx *.csv)"))
        if not path:
            return
        result: list[tuple[int, int]] = []
        if self._run(lambda: result.append(self.workbench.outreach.import_register(self.user,
                                                                                    path))):
            added, skipped = result[0]
            alerts.info(self, self.tr("Documents issued"),
                        self.tr("{added} added, {skipped} were there already.")
                        .format(added=added, skipped=skipped))

    def add_concern(self) -> None:
        """Log one response to a public concern."""
        package = self.concern_package.value() or None
        if self._run(lambda: self.workbench.outreach.record_concern(
                self.user, _iso(self.concern_date), self.concern_topic.text(),
                self.concern_channel.currentText(), self.concern_link.text(), package)):
            self.concern_topic.clear()
            self.concern_link.clear()

    # -- lists ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """List what is recorded, newest first."""
        outreach = self.workbench.outreach
        fill_table(self.event_list, [
            [e.held_on, e.kind, e.title, "、".join(
                f"{a.name}（{a.role}）" if a.role else a.name for a in e.attendees)]
            for e in reversed(outreach.events(self.user))])
        fill_table(self.register_list, [[d.issued_on, d.doc_number, d.title]
                                        for d in reversed(outreach.register(self.user))])
        fill_table(self.concern_list, [[c.responded_on, c.channel, c.topic, c.link]
                                       for c in reversed(outreach.concerns(self.user))])

    @classmethod
    def open(cls, parent: QWidget | None, workbench: Workbench, user: User) -> bool:
        """Show the dialog; True when something was recorded."""
        dialog = cls(workbench, user, parent)
        dialog.exec()
        return dialog.changed

