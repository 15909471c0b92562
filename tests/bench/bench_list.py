"""The package list on 100,000 packages: first rows and scrolling to the end, per view."""

from __future__ import annotations

import os
import time

from tests.bench.common import Figure
from tests.bench.generate import cached, read_through


def list_figures() -> list[Figure]:
    """Time to first rows and the slowest fetch step while scrolling to the end, per view."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from interpreter_app.services.listing import VIEWS, ListQuery
    from interpreter_app.services.workbench import Workbench
    from interpreter_app.ui.package_model import PackageListModel

    app = QApplication.instance() or QApplication([])
    db = cached(100_000, 300)
    read_through(db)  # in the OS cache, as the search bench has it (see there)
    wb = Workbench.open(db)
    users = {"all departments": wb.store.users.by_username("admin"),
             "one department": wb.store.users.by_username("d1-writer")}
    _scroll(PackageListModel(wb.listing, users["all departments"]), ListQuery("all"))  # warm
    figures = []
    for who, user in users.items():
        user.roles = frozenset({"writer", "reviewer", "leader"})
        for view in VIEWS:
            first, worst, rows = _scroll(PackageListModel(wb.listing, user), ListQuery(view))
            figures.append(Figure(f"list {view} ({who}, {rows:,} rows): first rows", first, "ms",
                                  target="≤ 50 ms", ok=first <= 50))
            figures.append(Figure(f"list {view} ({who}): slowest step scrolling to the end",
                                  worst, "ms", target="≤ 100 ms", ok=worst <= 100))
    wb.close()
    del app
    return figures


def _scroll(model, query) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    model.set_query(query)
    model.data(model.index(0, 0))
    first = (time.perf_counter() - t0) * 1000
    worst = 0.0
    while model.canFetchMore():
        t = time.perf_counter()
        model.fetchMore()
        worst = max(worst, (time.perf_counter() - t) * 1000)
    return first, worst, model.rowCount()
