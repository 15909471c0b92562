"""PySide6 user interface: widgets and nothing that decides."""
