"""Entry point of the bundled command line (interpreter-cli)."""

import sys

from interpreter_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
