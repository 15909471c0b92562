"""Installed the Python way: sdist → wheel → a fresh venv outside the checkout, and it works.

The wheel must carry resources/ (fonts, icons, demo data, holidays) and the compiled
translations, which setup.py builds; nothing may be read from the checkout. The new venv gets
only our wheel; the third-party libraries are reused from the test venv through a path entry
(no network), and the checkout is nowhere on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What an sdist is built from: the package, its resources and the build files.
NOT_SOURCE = shutil.ignore_patterns(".*", "__pycache__", "*.pyc", "*.qm", "*.egg-info", "build",
                                    "dist", "out", "tmp", "tests", "docs", "packaging", "*.db*")
CHART_PACKAGE_TITLE = "关于做好2026年高校毕业生等青年就业创业工作的通知"  # released, has a 图解
CHINESE_CHECK = """
from PySide6.QtCore import QCoreApplication
from interpreter_app.ui.app_setup import create_application
import interpreter_app
context = create_application(["x"], "zh_CN")
print(json.dumps({
    "package": interpreter_app.__file__,
    "translators": len(context.translators),
    "fonts": context.font_families,
    "file_menu": QCoreApplication.translate("MainActions", "&File"),
}))
"""


def run(args: list, cwd: Path, env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run a command; fail the test with its output when it exits non-zero."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """A venv holding only the wheel built from an sdist of this checkout; its bin and env."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "INTERPRETER_RESOURCES", "INTERPRETER_DB", "VIRTUAL_ENV")}
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    run([sys.executable, "-c", "from setuptools import build_meta as b; print(b.build_sdist('dist'))"],
        source, env)
    sdist = next((source / "dist").glob("interpreter_app-*.tar.gz"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", tmp / "wheels", sdist], tmp, env)
    wheel = next((tmp / "wheels").glob("interpreter_app-*.whl"))
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], tmp, env)
    run([sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q",
         "--no-deps", "--no-index", wheel], tmp, env)
    # The test venv's libraries after the new venv's own site-packages (so our wheel wins); a
    # plain path entry does not run that folder's .pth files, so the editable checkout stays out.
    site = Path(run([venv / "bin" / "python", "-c",
                     "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    tmp, env).stdout.strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    home = tmp / "home"
    home.mkdir()
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), QT_QPA_PLATFORM="offscreen",
               INTERPRETER_PASSWORD="demo1234", PYTHONDONTWRITEBYTECODE="1")
    return venv / "bin", env


def test_wheel_carries_resources_and_compiled_translations(installed):
    bin_dir, env = installed
    site = next(bin_dir.parent.glob("lib/python*/site-packages"))
    resources = site / "interpreter_app" / "_resources"
    assert sorted(p.name for p in (resources / "i18n").iterdir()) == [
        "app_zh_CN.qm", "qt_extra_zh_CN.qm", "workspace_zh_CN.qm"]
    for part in ("fonts/InterpSansSC-Regular.otf", "fonts/OFL.txt", "icons/app-256.png",
                 "demo/people.json", "calendar/holidays_cn.json"):
        assert (resources / part).is_file(), part
    assert not (site / "resources").exists()  # nothing spills into site-packages itself


def test_installed_cli_builds_verifies_and_exports_a_chart(installed, tmp_path):
    bin_dir, env = installed
    cli = bin_dir / "interpreter-cli"
    run([cli, "--db", "demo.db", "demo"], tmp_path, env)
    run([cli, "--db", "demo.db", "verify"], tmp_path, env)
    packages = json.loads(run([cli, "--db", "demo.db", "--json", "list"], tmp_path, env).stdout)
    package = next(p for p in packages if p["title"] == CHART_PACKAGE_TITLE)
    exported = json.loads(run([cli, "--db", "demo.db", "--json", "export", package["id"],
                               "--out", "out", "--as", "writer"], tmp_path, env).stdout)
    names = [Path(f).name for f in exported["files"]]
    assert any(n.endswith(".png") for n in names) and any(n.endswith(".svg") for n in names)
    assert sum(n.endswith(".docx") for n in names) >= 3


def test_installed_window_speaks_chinese_and_logs_in(installed, tmp_path):
    bin_dir, env = installed
    check = json.loads(run([bin_dir / "python", "-c", "import json\n" + CHINESE_CHECK],
                           tmp_path, env).stdout)
    assert check["package"].startswith(str(bin_dir.parent))  # the wheel, not the checkout
    assert check["translators"] == 4  # Qt's own zh_CN and our three
    assert check["file_menu"] == "文件(&F)"
    assert check["fonts"][0].startswith("Interp")  # the bundled CJK font loaded
    run([bin_dir / "interpreter-cli", "--db", "demo.db", "demo"], tmp_path, env)
    run([bin_dir / "interpreter-app", "--db", "demo.db", "--screenshot", "shot.png",
         "--user", "writer", "--size", "1024x700"], tmp_path, env)
    assert png_size(tmp_path / "shot.png") == (1024, 700)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no Qt in the unit tests)."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
