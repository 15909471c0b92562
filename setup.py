"""Build hook: every wheel carries resources/ and the compiled translations.

`resources/` stays the source folder of the checkout. Building a wheel copies it into the
package as `interpreter_app/_resources` (where `interpreter_app.resources` looks first) and
compiles each `i18n/*.ts` to `.qm` with Qt's lrelease from PySide6, a build requirement. An
editable install reads the checkout's `resources/` directly and copies nothing.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCE = ROOT / "resources"
TARGET = Path("interpreter_app") / "_resources"
# Build products and editor leftovers that never belong in a wheel.
# The .ts sources are compiled to .qm, which is all the application reads.
SKIPPED = shutil.ignore_patterns("*.ts", "*.qm", "__pycache__", "*.pyc", ".*", "*~")


def lrelease_command() -> list[str]:
    """Qt's translation compiler as shipped in PySide6 (a build requirement), else on PATH."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease", "lrelease.exe"):
            candidate = Path(folder) / name
            if candidate.is_file():
                return [str(candidate)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    raise SystemExit("构建失败：找不到 lrelease（PySide6 是构建依赖），无法编译界面翻译")


def compile_translations(source: Path, target: Path) -> list[Path]:
    """Compile every .ts in `source` to a .qm in `target`; the .qm files written."""
    command = lrelease_command()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise SystemExit(f"构建失败：{ts.name} 未能编译为 .qm")
        written.append(qm)
    return written


class BuildWithResources(build_py):
    """build_py that also puts resources/ and compiled .qm files into the package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the checkout's resources/ is read in place
            return
        if not SOURCE.is_dir():
            raise SystemExit(f"构建失败：缺少资源目录 {SOURCE}")
        target = Path(self.build_lib) / TARGET
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(SOURCE, target, ignore=SKIPPED)
        compile_translations(SOURCE / "i18n", target / "i18n")

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        target = Path(self.build_lib) / TARGET
        if target.is_dir():
            outputs += [str(p) for p in target.rglob("*") if p.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildWithResources})
