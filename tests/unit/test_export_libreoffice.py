"""The exported Word files as LibreOffice lays them out: pages, page numbers, text, chart."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from interpreter_app.domain.model import Package, SignOff, from_dict
from interpreter_app.export.context import ExportContext
from interpreter_app.export.docx_materials import material_docx
from interpreter_app.export.docx_parts import policy_document_docx, save_docx

DATA = Path(__file__).resolve().parents[1] / "data" / "export" / "package.json"
TOOLS = ("soffice", "pdftotext", "pdfimages", "pdffonts", "pdfinfo")
MISSING = [t for t in TOOLS if shutil.which(t) is None]

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(bool(MISSING), reason=f"needs LibreOffice and poppler-utils: "
                                             f"{', '.join(MISSING)} not found"),
]


def run(*args: str, timeout: int = 120) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True,
                          timeout=timeout).stdout


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """The policy document and the bar-chart material, converted in one soffice run."""
    work = tmp_path_factory.mktemp("lo")
    package = from_dict(Package, json.loads(DATA.read_text("utf-8")))
    ctx = ExportContext.for_package(package, "江海省人力资源和社会保障厅",
                                    generated_at="2026-06-16T09:00:00")
    signoff = SignOff(1, 42, 1, ctx.digest, 9, "王建国", "厅长", "同意。", "2026-06-15T16:30:00")
    ctx = dataclasses.replace(ctx, signoffs=(signoff,))
    chart = next(m for m in package.materials if m.kind == "chart")
    docs = [save_docx(policy_document_docx(ctx), work / "document.docx"),
            save_docx(material_docx(ctx, chart), work / "chart.docx")]
    profile = (work / "profile").as_uri()  # own profile: parallel runs do not share a lock
    run("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
        "--outdir", str(work), *map(str, docs), timeout=180)
    result = {d.stem: d.with_suffix(".pdf") for d in docs}
    assert all(p.is_file() for p in result.values()), "LibreOffice produced no PDF"
    return result


def page_text(pdf: Path, page: int) -> str:
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-")


def page_number_column(text: str, number: int) -> tuple[int, int]:
    """(column of the “— N —” mark, width of the widest line) on one page of layout text."""
    lines = text.splitlines()
    pattern = re.compile(rf"—\s*{number}\s*—")
    line = next(ln for ln in lines if pattern.search(ln))
    return pattern.search(line).start(), max(len(ln) for ln in lines)


def test_policy_document_runs_to_at_least_three_pages(pdfs):
    info = run("pdfinfo", str(pdfs["document"]))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3


def test_odd_page_number_sits_right_and_even_page_number_left(pdfs):
    column, width = page_number_column(page_text(pdfs["document"], 1), 1)
    assert column > width * 0.6
    column, width = page_number_column(page_text(pdfs["document"], 2), 2)
    assert column < width * 0.2


def test_title_and_body_text_survive_the_layout(pdfs):
    text = run("pdftotext", "-layout", str(pdfs["document"]), "-")
    flat = re.sub(r"\s+", "", text)
    assert "关于进一步支持中小微企业稳岗扩就业的若干措施的通知" in flat
    assert "坚持就业优先政策" in flat and "江人社发〔2026〕12号" in flat
    assert "2026年6月12日" in flat


def test_chart_image_is_embedded(pdfs):
    rows = run("pdfimages", "-list", str(pdfs["chart"])).splitlines()[2:]
    widths = [int(r.split()[3]) for r in rows if r.split()]
    assert widths and max(widths) >= 1000  # 156 mm at 300 dpi is about 1840 px


def test_pdf_lists_embedded_fonts(pdfs):
    rows = run("pdffonts", str(pdfs["document"])).splitlines()[2:]
    assert rows and all(" yes " in r for r in rows)
