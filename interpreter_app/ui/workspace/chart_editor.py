"""Editor of 图解 materials: a data grid, chart type and labels, and a live preview."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.chartdata import chart_problems, parse_cell
from ...domain.errors import ValidationError
from ...domain.kinds import CHART_TYPES
from ...domain.model import ChartSpec, Material, Series
from ..worker import Worker
from .material_editors import MaterialEditor

PREVIEW_DELAY_MS = 500
PREVIEW_DPI = 110
BAD_CELL = QColor("#fde2e1")
HEADER_CELL = QColor("#eef1f5")
ERROR_LINES_SHOWN = 3  # under the grid: the heading and two cells; the preview lists all


def render_preview(spec: ChartSpec) -> bytes:
    """PNG bytes of the chart at screen resolution (runs in a worker)."""
    from ...export.charts import render_chart

    return render_chart(spec, "png", dpi=PREVIEW_DPI)


def _plain(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class PreviewLabel(QLabel):
    """Shows a picture scaled to fit (kept sharp on resize) or a message instead."""

    shown = Signal()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.shown.emit()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, alignment=Qt.AlignHCenter | Qt.AlignTop, wordWrap=True)
        self._picture: QPixmap | None = None
        self.setMinimumSize(300, 220)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)

    def show_picture(self, pixmap: QPixmap) -> None:
        """Show a picture, scaled to the label."""
        self._picture = pixmap
        self.setStyleSheet("")
        self._fit()

    def show_message(self, text: str) -> None:
        """Show a message instead of a picture."""
        self._picture = None
        self.clear()
        self.setStyleSheet("color: #b3261e;")
        self.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._picture is None or self._picture.isNull():
            return
        size = self.size()
        if self._picture.width() > size.width() or self._picture.height() > size.height():
            self.setPixmap(self._picture.scaled(size, Qt.KeepAspectRatio,
                                                Qt.SmoothTransformation))
        else:
            self.setPixmap(self._picture)


class ChartGrid(QTableWidget):
    """Categories down the first column, one series a column, series names in the first row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.bad: dict[tuple[int, int], str] = {}

    def load(self, spec: ChartSpec) -> None:
        """Fill the grid from a chart spec."""
        self.setRowCount(len(spec.categories) + 1)
        self.setColumnCount(len(spec.series) + 1)
        self._set(0, 0, self.tr("Category \\ series"), editable=False)
        for c, series in enumerate(spec.series, start=1):
            self._set(0, c, series.name)
        for r, category in enumerate(spec.categories, start=1):
            self._set(r, 0, category)
            for c, series in enumerate(spec.series, start=1):
                value = series.values[r - 1] if r - 1 < len(series.values) else None
                self._set(r, c, _plain(value))
        self.resizeColumnsToContents()

    def _set(self, row: int, col: int, text: str, *, editable: bool = True) -> None:
        item = QTableWidgetItem(text)
        if row == 0 or col == 0:
            item.setBackground(QBrush(HEADER_CELL))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        if not editable:
            item.setFlags(Qt.ItemIsEnabled)
        self.setItem(row, col, item)

    def text(self, row: int, col: int) -> str:
        """A cell's text, stripped."""
        item = self.item(row, col)
        return item.text().strip() if item else ""

    def spec_data(self) -> tuple[list[str], list[Series]]:
        """Categories and series from the grid; bad cells are recorded in `bad` and give None."""
        self.bad = {}
        rows = [r for r in range(1, self.rowCount()) if self._row_used(r)]
        cols = [c for c in range(1, self.columnCount()) if self._col_used(c, rows)]
        series = [Series(self.text(0, c), [self._number(r, c) for r in rows]) for c in cols]
        self._paint_cells()
        return [self.text(r, 0) for r in rows], series

    def _row_used(self, row: int) -> bool:
        return any(self.text(row, c) for c in range(self.columnCount()))

    def _col_used(self, col: int, rows: list[int]) -> bool:
        return bool(self.text(0, col)) or any(self.text(r, col) for r in rows)

    def _number(self, row: int, col: int) -> float | None:
        try:
            return parse_cell(self.text(row, col))
        except ValueError as exc:
            self.bad[(row, col)] = str(exc)
            return None

    def _paint_cells(self) -> None:
        self.blockSignals(True)
        for r in range(1, self.rowCount()):
            for c in range(1, self.columnCount()):
                item = self.item(r, c) or QTableWidgetItem("")
                if self.item(r, c) is None:
                    self.setItem(r, c, item)
                message = self.bad.get((r, c), "")
                item.setBackground(QBrush(BAD_CELL) if message else QBrush())
                item.setToolTip(message)
        self.blockSignals(False)

    def add_row(self) -> None:
        """Append an empty category row."""
        self.insertRow(self.rowCount())

    def add_column(self) -> None:
        """Append an empty series column."""
        self.insertColumn(self.columnCount())

    def remove_current_row(self) -> None:
        """Remove the selected category row (never the series-name row)."""
        if self.currentRow() > 0:
            self.removeRow(self.currentRow())

    def remove_current_column(self) -> None:
        """Remove the selected series column (never the category column)."""
        if self.currentColumn() > 0:
            self.removeColumn(self.currentColumn())


class ChartMaterialEditor(MaterialEditor):
    """Grid, type, title, unit, source, highlight and caption, with a preview drawn in a worker."""

    preview_updated = Signal()

    def build_body(self) -> QWidget:
        """Fields and grid on the left, preview on the right."""
        self.grid = ChartGrid()
        self.chart_type = QComboBox()
        for code, label in CHART_TYPES:
            self.chart_type.addItem(label, code)
        self.chart_title, self.unit, self.source, self.caption = (QLineEdit() for _ in range(4))
        self.highlight = QComboBox()
        self.cell_errors = QLabel(wordWrap=True, styleSheet="color: #b3261e;")
        self.cell_errors.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        # Its room is kept while empty: the grid above did not move when a message appeared.
        self.cell_errors.setFixedHeight(self.cell_errors.fontMetrics().lineSpacing()
                                        * (ERROR_LINES_SHOWN + 1) + 4)
        self.cell_errors.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)  # nor sideways
        self.preview = PreviewLabel()
        self.preview.shown.connect(self._preview_shown)
        self._stale = False
        self._job: Worker | None = None
        self._rendering = False
        self._pending: ChartSpec | None = None
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self._data_side())
        split.addWidget(self._preview_side())
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 600])
        self._connect_chart()
        return split

    def _data_side(self) -> QWidget:
        box = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for label, widget in ((self.tr("Chart type"), self.chart_type),
                              (self.tr("Chart title"), self.chart_title),
                              (self.tr("Unit"), self.unit), (self.tr("Data source"), self.source),
                              (self.tr("Highlight"), self.highlight),
                              (self.tr("Caption"), self.caption)):
            form.addRow(label, widget)
        self.grid_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add category"), self.grid.add_row),
                           (self.tr("Remove category"), self.grid.remove_current_row),
                           (self.tr("Add series"), self.grid.add_column),
                           (self.tr("Remove series"), self.grid.remove_current_column)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.clicked.connect(self._grid_changed)
            self.grid_buttons.addWidget(button)
        self.grid_buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Data (numbers such as 1,234.5, 12%, 3.5万):")))
        layout.addWidget(self.grid, 1)
        layout.addLayout(self.grid_buttons)
        layout.addWidget(self.cell_errors)
        return box

    def _preview_side(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Preview"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.preview, 1)
        return box

    def _connect_chart(self) -> None:
        self.grid.itemChanged.connect(lambda _i: self._grid_changed())
        for line in (self.chart_title, self.unit, self.source, self.caption):
            line.textEdited.connect(self._chart_changed)
        self.chart_type.activated.connect(self._chart_changed)
        self.highlight.activated.connect(self._chart_changed)

    # -- MaterialEditor -------------------------------------------------------------------
    def load_body(self, material: Material) -> None:
        """Fill the grid and fields, then draw the preview."""
        spec = material.chart or ChartSpec(title=material.title)
        self.grid.blockSignals(True)
        self.grid.load(spec)
        self.grid.blockSignals(False)
        self.chart_type.setCurrentIndex(max(self.chart_type.findData(spec.type), 0))
        for line, text in ((self.chart_title, spec.title), (self.unit, spec.unit),
                           (self.source, spec.source), (self.caption, material.caption)):
            line.setText(text)
            line.setCursorPosition(0)
        self._fill_highlight(spec.categories, spec.highlight)
        self.refresh_preview()

    def body_value(self, material: Material) -> Material:
        """The material with the chart as edited; ValidationError while a cell is not a number."""
        spec = self.current_spec()
        if self.grid.bad:
            raise ValidationError(self._cell_message())
        return replace(material, chart=spec, caption=self.caption.text().strip())

    def set_body_read_only(self, read_only: bool, may_comment: bool) -> None:
        """Lock or unlock the grid and fields."""
        self.grid.setEditTriggers(QTableWidget.NoEditTriggers if read_only
                                  else QTableWidget.AllEditTriggers)
        for line in (self.chart_title, self.unit, self.source, self.caption):
            line.setReadOnly(read_only)
        for combo in (self.chart_type, self.highlight):
            combo.setEnabled(not read_only)
        for i in range(self.grid_buttons.count()):
            widget = self.grid_buttons.itemAt(i).widget()
            if widget:
                widget.setVisible(not read_only)

    # -- chart ----------------------------------------------------------------------------
    def current_spec(self) -> ChartSpec:
        """The chart as the grid and fields describe it (bad cells as missing values)."""
        categories, series = self.grid.spec_data()
        return ChartSpec(self.chart_type.currentData(), self.chart_title.text().strip(),
                         categories, series, self.unit.text().strip(),
                         self.source.text().strip(), self.highlight.currentText())

    def _fill_highlight(self, categories: list[str], current: str) -> None:
        self.highlight.clear()
        self.highlight.addItem("")
        self.highlight.addItems([c for c in categories if c])
        self.highlight.setCurrentText(current)

    def _cell_message(self, most: int | None = None) -> str:
        lines = [self.tr("Row {row}, column {column}: {reason}").format(row=str(r), column=str(c), reason=message) for (r, c), message in sorted(self.grid.bad.items())]
        if most is not None and len(lines) > most:  # the preview lists them all
            lines = lines[:most - 1] + [self.tr("… and {count} more (see the preview)").format(count=str(len(lines) - most + 1))]
        return self.tr("Some cells are not numbers; the chart is not saved until they are "
                       "corrected (your text is kept).") + "\n" + "\n".join(lines)

    def _grid_changed(self) -> None:
        spec = self.current_spec()
        self._fill_highlight(spec.categories, self.highlight.currentText())
        self.cell_errors.setText(self._cell_message(ERROR_LINES_SHOWN - 1) if self.grid.bad
                                 else "")
        self._chart_changed()

    def _chart_changed(self, *_args) -> None:
        self.emit_edited()
        self._timer.start()

    def _preview_shown(self) -> None:
        if self._stale:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """Draw the preview now, or list why the chart cannot be drawn."""
        spec = self.current_spec()
        problems = ([self._cell_message()] if self.grid.bad else []) + chart_problems(spec)
        if problems:
            self._show_text("\n".join(problems))
            return
        if not self.preview.isVisible():
            # Drawing loads matplotlib: wait until somebody looks at the chart.
            self._stale = True
            return
        self._stale = False
        if self._rendering:
            self._pending = spec  # the latest request wins
            return
        self._start_render(spec)

    def _start_render(self, spec: ChartSpec) -> None:
        self._rendering = True
        self._job = Worker(render_preview, spec)
        self._job.signals.result.connect(self._show_png)
        self._job.signals.error.connect(self._show_error)
        self._job.signals.finished.connect(self._render_done)
        self._job.start()

    def _render_done(self) -> None:
        self._job = None
        self._rendering = False
        if self._pending is not None:
            spec, self._pending = self._pending, None
            self._start_render(spec)

    def _show_error(self, exc: BaseException) -> None:
        self._show_text(self.tr("The preview could not be drawn: {reason}").format(reason=str(exc)))

    def _show_png(self, data: bytes) -> None:
        if self._pending is not None:
            return  # a newer request is waiting; do not flash an outdated picture
        pixmap = QPixmap()
        pixmap.loadFromData(data, "PNG")
        self.preview.show_picture(pixmap)
        self.preview.setProperty("problems", "")
        self.preview_updated.emit()

    def _show_text(self, text: str) -> None:
        self.preview.show_message(text)
        self.preview.setProperty("problems", text)
        self.preview_updated.emit()
