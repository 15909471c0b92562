"""Certain fixes, and the engine that runs every registered check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from interpreter_app.domain.checks import Finding
from interpreter_app.domain.checks.engine import registered_checks, run_checks
from interpreter_app.domain.checks.fixes import can_fix, fix_finding
from interpreter_app.domain.completeness import missing_for_submit, missing_parts
from interpreter_app.domain.model import Material, Package, PolicyDocument


def package(body: str, doc_number: str = "") -> Package:
    return Package(id=None, department_id=1, created_by=1,
                   document=PolicyDocument(title="通知", doc_number=doc_number, body=body))


def only(code: str, pkg: Package) -> Finding:
    (f,) = [f for f in run_checks(pkg) if f.code == code]
    return f


def test_punctuation_fix_rewrites_the_paragraph():
    body = "一、总体要求\n　　各地要加强领导,确保落实;"
    f = only("punctuation", package(body))
    assert fix_finding(body, f) == "一、总体要求\n　　各地要加强领导，确保落实；"


def test_doc_number_fixes_in_fields_and_text():
    pkg = package("依据江政办发[2020]33号文件。", doc_number="江政办发【2020】第033号")
    field, text = sorted((f for f in run_checks(pkg) if f.code == "doc-number-format"),
                         key=lambda f: f.paragraph)
    assert fix_finding(pkg.document.doc_number, field) == "江政办发〔2020〕33号"
    assert fix_finding(pkg.document.body, text) == "依据江政办发〔2020〕33号文件。"


def test_date_and_traditional_fixes():
    body = "于2020-8-17印發。"
    assert fix_finding(body, only("date-format", package(body))) == "于2020年8月17日印發。"
    assert fix_finding(body, only("traditional-script", package(body))) == "于2020-8-17印发。"


def test_web_leftover_fix_removes_the_line():
    body = "正文第一段内容。\n【字体：大 中 小】\n正文第二段内容。"
    assert fix_finding(body, only("web-leftover", package(body))) == "正文第一段内容。\n正文第二段内容。"


def test_stale_findings_are_not_applied():
    f = only("punctuation", package("各地要加强领导,确保落实"))
    assert fix_finding("全新的一段文字,内容不同", f) is None


def test_findings_without_a_certain_fix_return_none():
    f = only("heading-sequence", package("一、甲\n三、乙"))
    assert not can_fix(f) and fix_finding("一、甲\n三、乙", f) is None


def test_every_family_is_registered_and_doc_number_code_kept():
    names = {c.__name__ for c in registered_checks()}
    assert {"check_doc_numbers", "check_duplicate_paragraphs", "check_web_leftovers", "check_garbage_characters",
            "check_traditional_script", "check_variant_terms", "check_heading_sequence",
            "check_punctuation", "check_date_format", "check_fact_mismatch",
            "check_missing_elements", "check_speech_length", "check_long_sentences",
            "check_readiness", "check_conventions", "check_chart_facts", "check_copied_text"} == names


def test_blocking_findings_come_first_and_reach_the_submit_gate():
    pkg = package("正文内容足够长的一段话。\n分享到：微信", doc_number="江政办发〔2020〕33号")
    pkg.materials = [Material.new("article", body="网上可办率达到百分之九十。")]
    findings = run_checks(pkg)
    assert findings[0].severity == "blocking" and findings[0].code == "web-leftover"
    assert any("网页残留" in m for m in missing_for_submit(pkg))
    assert not any("网页残留" in m for m in missing_parts(pkg))  # parts only, no text checks


def test_missing_parts_of_an_empty_and_of_a_complete_package():
    from tests.factories import complete_parts

    document, plan, materials = complete_parts()
    assert missing_parts(Package(1, 1, 1, document=document, plan=plan, materials=materials)) == []
    empty = missing_parts(Package(2, 1, 1, document=PolicyDocument(title="新建")))
    assert "政策文件正文" in empty and "至少一份有内容的公开解读材料" in empty


def test_domain_import_and_checks_stay_light():
    # A fresh interpreter: pytest-qt has already loaded PySide6 into this one.
    code = ("import sys; from interpreter_app.domain.importing import inspect; "
            "from interpreter_app.domain.checks.engine import run_checks; "
            "bad = {'PySide6', 'docx', 'opencc', 'sqlite3'} & set(sys.modules); assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
