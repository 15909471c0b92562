"""The statistics window: period and department, figures, the report sentence and the charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Department, User
from . import alerts
from .jobs import start_job
from .stats_jobs import Dashboard, compute_dashboard, export_report


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class StatsWindow(QWidget):
    """Interpretation work in figures and charts, computed in a worker."""

    computed = Signal()

    def __init__(self, db_path: Path, user: User, departments: list[Department],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.Window)
        self.db_path, self.user = Path(db_path), user
        self.dashboard: Dashboard | None = None
        self.setObjectName("statsWindow")
        self.setWindowTitle(self.tr("Statistics of interpretation work"))
        self.resize(1280, 820)
        year = dt.date.today().year
        self.date_from = _date_edit(self, dt.date(year, 1, 1))
        self.date_to = _date_edit(self, dt.date(year, 12, 31))
        self.department = self._department_combo(departments)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setEnabled(False)
        self.records_button = QPushButton(self.tr("Records…"), self)
        self.records_button.setToolTip(self.tr("Event attendance, documents issued and responses "
                                               "to public concerns, which the figures count"))
        self.records_button.clicked.connect(self.open_records)
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self.sentence = QLabel(self)
        self.sentence.setObjectName("sentenceLabel")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.figures = self._figures_table()
        self.charts = QWidget(self)
        self.chart_grid = QGridLayout(self.charts)
        self.chart_labels: list[QLabel] = []
        self._layout()

    def _department_combo(self, departments: list[Department]) -> QComboBox:
        combo = QComboBox(self)
        if self.user.all_departments:
            combo.addItem(self.tr("All departments"), None)
            for dept in departments:
                combo.addItem(dept.name, dept.name)
        else:
            own = next((d.name for d in departments if d.id == self.user.department_id), "")
            combo.addItem(own, own or None)
            combo.setEnabled(False)
        return combo

    def _figures_table(self) -> QTableWidget:
        table = QTableWidget(0, 2, self)
        table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value")])
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                              (self.tr("Department"), self.department)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.compute_button)
        filters.addStretch(1)
        filters.addWidget(self.records_button)
        filters.addWidget(self.export_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sentence)
        left_layout.addWidget(self.figures, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.charts)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.splitterMoved.connect(lambda _pos, _index: self._arrange_charts())
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def open_records(self) -> None:
        """Enter attendance, the register or concern responses; recompute when any changed."""
        from ..services.workbench import Workbench
        from .records_dialog import RecordsDialog

        workbench = Workbench.open(self.db_path)
        try:
            changed = RecordsDialog.open(self, workbench, self.user)
        finally:
            workbench.close()
        if changed:
            self.compute()

    # -- computing ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.dashboard is None:
            self.compute()

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen period."""
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def compute(self) -> None:
        """Compute the figures and charts in a worker."""
        date_from, date_to = self.period()
        self.compute_button.setEnabled(False)
        start_job(self, self.tr("Computing statistics…"), compute_dashboard, self.db_path,
                  self.user, date_from, date_to, self.department.currentData(),
                  on_result=self.show_dashboard, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.compute_button.setEnabled(True)
        alerts.error(self, exc, self.tr("Statistics"))

    def show_dashboard(self, dashboard: Dashboard) -> None:
        """Show the figures, the sentence and the charts."""
        self.dashboard = dashboard
        self.compute_button.setEnabled(True)
        self.export_button.setEnabled(True)
        note = self.calendar_note(dashboard.stats)
        self.sentence.setText(f"<b>{dashboard.period}</b><br>{dashboard.sentence}"
                              + (f"<br><span style='color:#b06000'>{note}</span>" if note else ""))
        self._fill_figures(dashboard.stats)
        self._show_charts(dashboard.charts)
        self.computed.emit()

    def _fill_figures(self, stats) -> None:
        rows = self.figure_rows(stats)
        self.figures.setRowCount(len(rows))
        for row, (name, value, key) in enumerate(rows):
            # What stands behind the figure: the packages and records it counts.
            behind = "\n".join(stats.explain.get(key, ())) if key else ""
            for column, text in enumerate((name, value)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if behind:
                    item.setToolTip(behind)
                self.figures.setItem(row, column, item)

    def _show_charts(self, charts: list[tuple[str, bytes]]) -> None:
        for label in self.chart_labels:
            label.deleteLater()
        self.chart_labels = []
        for key, data in charts:
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            label = QLabel(self.charts)
            label.setObjectName(f"chart_{key}")
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            self.chart_labels.append(label)
        self._arrange_charts()

    def _arrange_charts(self) -> None:
        """As many charts side by side as the scroll area has room for."""
        if not self.chart_labels:
            return
        widest = max(label.pixmap().width() for label in self.chart_labels) + 16
        columns = max(1, self.scroll.viewport().width() // widest)
        while self.chart_grid.count():
            self.chart_grid.takeAt(0)
        for index, label in enumerate(self.chart_labels):
            self.chart_grid.addWidget(label, index // columns, index % columns)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange_charts()

    # -- export -------------------------------------------------------------------------------
    def export(self) -> None:
        """Write the charts and the Word summary into a chosen folder."""
        if self.dashboard is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export statistics to folder"))
        if not folder:
            return
        start_job(self, self.tr("Exporting statistics…"), export_report, self.db_path, self.user,
                  self.dashboard.stats, Path(folder), on_result=lambda files: self._exported(Path(folder), files),
                  on_error=self._export_failed)

    def _exported(self, folder: Path, files: list[Path]) -> None:
        text = self.tr("{count} files were written to:\n{path}").format(count=len(files),
                                                                         path=folder)
        if alerts.choose(self, self.tr("Statistics"), text, [self.tr("Open folder")]) == 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            alerts.warn(self, self.tr("Statistics"),
                        self.tr("The statistics report export is not available in this version."))
        else:
            alerts.error(self, exc, self.tr("Export failed"))

    def calendar_note(self, stats) -> str:
        """A warning when working days were counted without the year's holiday schedule."""
        if not stats.unknown_years:
            return ""
        years = "、".join(str(y) for y in stats.unknown_years)
        return self.tr("No holiday schedule for {years}: working days counted Monday to Friday "
                       "(an administrator enters it under Administration → Holidays).").format(years=years)

    def figure_rows(self, stats) -> list[tuple[str, str, str]]:
        """(name, value, key of the records behind it) rows of the figures table."""
        from ..domain.statistics import LATE, SAME_DAY, WITHIN_LIMIT

        rate, cycle, days = stats.interpretation_rate, stats.cycle_time, self.tr("{value} days")
        registered = rate is not None
        return [
            (self.tr("Interpretations released"), str(stats.released), "released"),
            (self.tr("Documents issued (register)"),
             str(stats.documents_issued) if registered else self.tr("not entered"),
             "documents_issued"),
            (self.tr("Of which interpreted"), str(stats.interpreted) if registered else "—",
             "documents_issued"),
            (self.tr("Interpretation rate"), "—" if rate is None else f"{rate:.0%}",
             "documents_issued"),
            (self.tr("Charts"), str(stats.charts), "charts"),
            (self.tr("Videos"), str(stats.videos), "videos"),
            (self.tr("Interpreted by the principal leader"), str(stats.main_interpretations),
             "main_interpretations"),
            (self.tr("Press conferences"), str(stats.press_conferences), "press_conferences"),
            (self.tr("Leader attendances"), str(stats.leader_attendances), "leader_attendances"),
            (self.tr("Responses to public concerns"), str(stats.concerns), "concerns"),
            (self.tr("Released the same day"), str(stats.timeliness.get(SAME_DAY, 0)), ""),
            (self.tr("Released within {days} working days").format(days=stats.limit_days),
             str(stats.timeliness.get(WITHIN_LIMIT, 0)), ""),
            (self.tr("Released late"), str(stats.timeliness.get(LATE, 0)), ""),
            (self.tr("Review to sign-off, median"),
             "—" if cycle.median_days is None else days.format(value=cycle.median_days), ""),
            (self.tr("Review to sign-off, longest"),
             "—" if cycle.longest_days is None else days.format(value=cycle.longest_days), ""),
        ]
