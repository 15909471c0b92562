"""Baseline of the start-up benchmark: a bare PySide6 window of the same size, grabbed to PNG."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    """Open a QMainWindow of 1440×900, grab it and save the PNG named on the command line."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    return 0 if window.grab().save(sys.argv[1]) else 1


if __name__ == "__main__":
    sys.exit(main())
