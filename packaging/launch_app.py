"""Entry point of the bundled desktop application (interpreter-app)."""

import sys

from interpreter_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
