"""Entry point of the bundled desktop application (interpreter-app)."""

from interpreter_app.ui.app import entry

if __name__ == "__main__":
    entry()
