"""Asked at submit when the department has several approval routes: which one the package takes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.workflow import Route
from ..labels import route_steps_text
from ..widgets import ok_cancel

NO_ROUTE = object()  # cancelled, as distinct from None (the built-in route)


class RouteChoiceDialog(QDialog):
    """A combo of the department's routes, the default preselected, with the chosen steps."""

    def __init__(self, routes: list[Route], default: Route,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Choose the approval route"))
        self.routes = list(routes)
        if default.id is None:  # the department has no default: the built-in one is offered
            self.routes.insert(0, default)
        self.combo = QComboBox(self)
        for route in self.routes:
            text = route.name
            if route is default or route.id is not None and route.id == default.id:
                text = self.tr("{name} (default)").format(name=route.name)
            self.combo.addItem(text, route.id)
        self.combo.setCurrentIndex(next(i for i, r in enumerate(self.routes)
                                        if r.id == default.id))
        self.combo.setAccessibleName(self.tr("Approval route"))
        self.steps = QLabel(self, wordWrap=True)
        self.steps.setObjectName("routeSteps")
        self.combo.currentIndexChanged.connect(self._show_steps)
        form = QFormLayout()
        form.addRow(self.tr("&Route"), self.combo)
        form.addRow(self.tr("Steps"), self.steps)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The department has several approval routes. Which one "
                                        "does this package take? It is fixed when you submit."),
                                self, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Submit")))
        self._show_steps()
        self.resize(520, 200)

    def _show_steps(self) -> None:
        self.steps.setText(route_steps_text(self.chosen()))

    def chosen(self) -> Route:
        """The route selected in the combo."""
        return self.routes[max(self.combo.currentIndex(), 0)]

    @classmethod
    def ask(cls, parent: QWidget | None, routes: list[Route], default: Route):
        """The chosen route's id (None: the built-in route), or NO_ROUTE when cancelled."""
        dialog = cls(routes, default, parent)
        return dialog.chosen().id if dialog.exec() == QDialog.Accepted else NO_ROUTE
