"""PySide6 user interface: widgets and nothing that decides."""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 6.12.0 on Python < 3.12, which drops references to None and True.

    Every void call such as ``label.setText(...)`` or ``QApplication.processEvents()`` lowers
    the reference count of None by one, and ``signal.emit(...)`` does the same to True; after
    a few thousand calls CPython aborts with "none_dealloc: deallocating None" (or
    "bool_dealloc"). Python 3.12 made these objects immortal; here they get a count that no
    session can use up. Harmless on versions without the bug.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_keep_singletons_alive()
