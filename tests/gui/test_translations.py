"""zh_CN is complete: every committed message translated, and no source string left out."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from interpreter_app.domain.permissions import ROLE_LABELS
from interpreter_app.domain.workflow import STATE_LABELS
from interpreter_app.services.listing import VIEW_LABELS

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "interpreter_app" / "ui"
WORKSPACE = UI / "workspace"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%\d")
IGNORED_TYPES = {"vanished", "obsolete"}  # kept by lupdate for history, never shown


def committed_files() -> list[Path]:
    """Every committed Simplified-Chinese translation file."""
    return sorted(I18N.glob("*_zh_CN.ts"))


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message in a .ts file."""
    rows = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in IGNORED_TYPES:
                continue
            rows.append((name, message.findtext("source") or "", translation))
    return rows


def committed_keys() -> set[tuple[str, str]]:
    """(context, source) of every message in any committed zh_CN file."""
    return {(ctx, src) for path in committed_files() for ctx, src, _t in messages(path)}


def test_the_application_translation_exists():
    assert (I18N / "app_zh_CN.ts").is_file()


@pytest.mark.parametrize("path", committed_files(), ids=lambda p: p.name)
def test_every_message_is_translated(path):
    problems = []
    for context, source, translation in messages(path):
        if translation is None or translation.get("type") == "unfinished":
            problems.append(f"{context}: {source!r} is unfinished")
        elif not (translation.text or "").strip() and source.strip():
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", committed_files(), ids=lambda p: p.name)
def test_placeholders_survive_translation(path):
    problems = []
    for context, source, translation in messages(path):
        wanted = sorted(p.split(":")[0].rstrip("}") for p in PLACEHOLDER.findall(source))
        found = sorted(p.split(":")[0].rstrip("}") for p in
                       PLACEHOLDER.findall(translation.text or "" if translation is not None else ""))
        if wanted != found:
            problems.append(f"{context}: {source!r} → {translation.text!r}")
    assert not problems, "\n".join(problems)


def _sources_in(files: list[Path], tmp_path: Path) -> set[tuple[str, str]]:
    out = tmp_path / "current.ts"
    result = subprocess.run([str(LUPDATE), *map(str, files), "-ts", str(out), "-locations", "none"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return {(ctx, src) for ctx, src, _t in messages(out)}


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_no_source_string_is_missing_from_the_translations(tmp_path):
    files = [p for p in sorted(UI.rglob("*.py")) if WORKSPACE not in p.parents]
    missing = _sources_in(files, tmp_path) - committed_keys()
    assert not missing, "run pyside6-lupdate and translate:\n" + "\n".join(map(str, sorted(missing)))


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_no_workspace_string_is_missing_from_the_translations(tmp_path):
    if not (I18N / "workspace_zh_CN.ts").is_file():
        pytest.skip("workspace_zh_CN.ts is not committed yet")
    files = sorted(WORKSPACE.rglob("*.py"))
    missing = _sources_in(files, tmp_path) - committed_keys()
    assert not missing, "run pyside6-lupdate and translate:\n" + "\n".join(map(str, sorted(missing)))


def test_list_words_match_the_domain_words():
    table = {(ctx, src): (t.text or "") for ctx, src, t in messages(I18N / "app_zh_CN.ts")}
    views = {"My drafts": "mine", "To review": "to_review", "To sign": "to_sign",
             "Signed, not released": "signed", "Released": "released", "All": "all"}
    for source, view in views.items():
        assert table[("labels", source)] == VIEW_LABELS[view]
    states = {"Draft": "draft", "In review": "in_review", "Awaiting sign-off": "awaiting_signoff",
              "Signed": "signed"}
    for source, state in states.items():
        assert table[("labels", source)] == STATE_LABELS[state]
    roles = {"Writer": "writer", "Reviewer": "reviewer", "Signing leader": "leader",
             "Administrator": "admin"}
    for source, role in roles.items():
        assert table[("labels", source)] == ROLE_LABELS[role]


def test_the_window_names_states_actions_and_roles_as_the_rules_do(qapp):
    """One vocabulary: in Chinese the window says exactly what the domain and the CLI say."""
    from interpreter_app.domain import workflow
    from interpreter_app.ui import labels
    from interpreter_app.ui.app_setup import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        assert {s: labels.state_label(s) for s in workflow.STATES} == STATE_LABELS
        assert {a: labels.action_label(a) for a in workflow.ACTION_LABELS} == workflow.ACTION_LABELS
        assert {r: labels.role_label(r) for r in ROLE_LABELS} == ROLE_LABELS
        assert {v: labels.view_label(v) for v in VIEW_LABELS} == VIEW_LABELS
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_qt_file_dialog_labels_are_chinese(qapp):
    """Qt's own zh_CN file leaves parts of the file dialog in English; ours fills them in."""
    from PySide6.QtCore import QCoreApplication

    from interpreter_app.ui.app_setup import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        tr = QCoreApplication.translate
        assert tr("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert tr("QFileDialog", "Files of &type:") == "文件类型(&T)："
        assert tr("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_one_placeholder_style():
    """Messages name their values ({count}), never number them (%1): translators see what goes
    where, and one formatting call fills them."""
    numbered = re.compile(r"%\d")
    in_code = [f"{p.relative_to(ROOT)}:{n}" for p in UI.rglob("*.py")
               for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if numbered.search(line)]
    in_catalogues = [(path.name, src) for path in committed_files()
                     for _ctx, src, _t in messages(path) if numbered.search(src)]
    assert in_code == [] and in_catalogues == []
