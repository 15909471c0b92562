"""The workspace's zh_CN translation is complete, current and actually used."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

pytest_plugins = ("tests.gui.workspace_fixtures",)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "workspace_zh_CN.ts"
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = TOOLS / name if (TOOLS / name).exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} not installed")
    return str(found)


def _sources(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), m.findtext("source"))
            for ctx in root.iter("context") for m in ctx.iter("message")}


def test_every_entry_is_translated():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert messages
    for m in messages:
        translation = m.find("translation")
        assert translation.get("type") is None, m.findtext("source")
        assert (translation.text or "").strip(), m.findtext("source")


def test_translation_file_matches_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "interpreter_app" / "ui" / "workspace").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *files, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    assert _sources(fresh) == _sources(TS)


def test_workspace_speaks_chinese_with_the_translation(tmp_path, qapp, seeded, make_workspace):
    qm = tmp_path / "workspace_zh_CN.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True,
                   capture_output=True, timeout=120)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        ws = make_workspace(seeded["writer"], seeded.wb)
        labels = [ws.tabs.tabText(i) for i in range(ws.tabs.count())]
        assert labels == ["政策文件", "解读方案", "解读材料", "审签", "历史"]
    finally:
        QCoreApplication.removeTranslator(translator)
