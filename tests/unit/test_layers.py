"""The non-UI layers import nothing from PySide6, and start-up stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NON_UI = ["interpreter_app.domain.model", "interpreter_app.domain.workflow",
          "interpreter_app.domain.permissions", "interpreter_app.domain.digest",
          "interpreter_app.domain.completeness", "interpreter_app.store.store",
          "interpreter_app.services.workbench", "interpreter_app.services.demo",
          "interpreter_app.services.backup", "interpreter_app.cli_commands"]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_domain_store_services_do_not_import_qt():
    imports = "; ".join(f"import {m}" for m in NON_UI)
    result = _run(f"{imports}; import sys; print('PySide6' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_export_and_importing_packages_do_not_import_qt():
    code = ("import pkgutil, importlib, sys, interpreter_app.export as e, "
            "interpreter_app.domain as d\n"
            "for pkg in (e, d):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        importlib.import_module(m.name)\n"
            "print('PySide6' in sys.modules)")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_services_do_not_import_heavy_libraries_at_import_time():
    result = _run("import interpreter_app.services.workbench, sys; "
                  "print([m for m in ('matplotlib', 'docx', 'opencc') if m in sys.modules])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_opening_the_services_does_not_load_the_check_engine():
    result = _run("import interpreter_app.services.workbench, sys; "
                  "print([m for m in sys.modules if m.startswith('interpreter_app.domain.checks.')"
                  " or m.startswith('interpreter_app.domain.importing')])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_import_contract_holds():
    """Layers, no Qt below ui, no store from ui or cli, no cycles (.importlinter, ARCHITECTURE.md)."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter import cli; "
                             "sys.exit(cli.lint_imports(config_filename='.importlinter', "
                             "no_cache=True))"],
                            capture_output=True, text=True, timeout=120, cwd=root)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_only_the_store_speaks_sql():
    """Services, export, domain, the window and the CLI describe what they want; store/ says it
    in SQL (for SQLite and the server alike)."""
    import re

    sql = re.compile(r"\b(SELECT\s+\S|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+"
                     r"(TABLE|INDEX|TRIGGER|VIEW))|\.execute(many|script)?\(")
    package = Path(__file__).resolve().parents[2] / "interpreter_app"
    found = [f"{p.relative_to(package)}:{n}" for p in package.rglob("*.py")
             if "store" not in p.relative_to(package).parts[:1]
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if sql.search(line)]
    assert found == []


LATER = ("services.review", "services.stats", "services.exporting", "services.outreach",
         "services.comments", "services.media", "services.verify", "services.trust_verify",
         "services.backup", "store.outreach", "store.media", "domain.statistics")


def test_services_beyond_the_list_load_on_first_use(tmp_path):
    """Start-up opens the list: review, statistics, export, outreach, verification and backup
    code load when first used, and are then the same services as before."""
    code = (
        "import sys\n"
        "import interpreter_app.ui.backup_actions\n"
        "from interpreter_app.services.workbench import Workbench\n"
        f"wb = Workbench.create({str(tmp_path / 'w.db')!r})\n"
        f"later = {['interpreter_app.' + m for m in LATER]!r}\n"
        "print([m for m in later if m in sys.modules])\n"
        "print(type(wb.review).__name__, type(wb.statistics).__name__, type(wb.exports).__name__,"
        " type(wb.outreach).__name__, type(wb.comments).__name__, type(wb.media).__name__,"
        " type(wb.store.outreach).__name__, type(wb.store.media).__name__)\n"
        "print(wb.review is wb.review, wb.store.outreach is wb.store.outreach)\n"
        "wb.close()\n")
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == [
        "[]",
        "ReviewService StatisticsService ExportService OutreachService CommentService "
        "MediaService OutreachRepository MediaRepository",
        "True True"]
