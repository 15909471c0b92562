"""Regenerates the LibreOffice-made fixtures under tests/data/import/ (needs soffice on PATH).

Run from the repository root:  .venv/bin/python tests/data/make_import_fixtures.py
The outputs are committed so the tests do not need LibreOffice.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "import"

TASK_ROWS = (
    ("1", "统一政务服务事项清单", "省政务服务局", "省司法厅", "2020年10月底前"),
    ("2", "推进电子证照共享应用", "省数字经济局", "省公安厅、省市场监管局", "2020年12月底前"),
    ("3", "建立“好差评”制度", "省政务服务局", "各州、市人民政府", "每季度"),
)


def build_html() -> str:
    """An HTML rendering of a short notice with a numbered list and a task table."""
    esc = html.escape
    items = "".join(f"<li>{esc(t)}</li>" for t in (
        "统一政务服务事项清单，于2020年10月底前完成。",
        "规范办事指南，2020年12月底前统一公布。",
        "完善网上政务服务平台，年内实现高频事项“全程网办”不少于100项。",
    ))
    header = "".join(f"<th>{h}</th>" for h in ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"))
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in TASK_ROWS)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<p>江政办发〔2020〕33号</p>
<p>江海省人民政府办公厅关于进一步优化政务服务提升行政效能的通知</p>
<p>各州、市人民政府，省直各委、办、厅、局：</p>
<p>为进一步优化政务服务、提升行政效能，经省人民政府同意，现就有关事项通知如下。</p>
<p>一、重点任务</p>
<ol>{items}</ol>
<p>二、任务分工</p>
<table border="1"><tr>{header}</tr>{rows}</table>
<p>三、保障措施</p>
<p>各地、各部门要加强组织领导，每年专题研究不少于1次。</p>
<p>江海省人民政府办公厅</p>
<p>2020年8月17日</p>
</body></html>"""


def convert(soffice: str, source: Path, target_filter: str, outdir: Path, *extra: str) -> Path:
    """Converts with LibreOffice in a throwaway profile and returns the output path."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
                        *extra, "--convert-to", target_filter, "--outdir", str(outdir), str(source)],
                       check=True, capture_output=True, timeout=180)
    ext = target_filter.split(":")[0]
    return outdir / f"{source.stem}.{ext}"


def main() -> int:
    """Writes libreoffice_sample.docx and libreoffice_sample.doc."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found; fixtures left unchanged", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "libreoffice_sample.html"
        source.write_text(build_html(), encoding="utf-8")
        # Open the HTML as a Writer document (not Writer/Web) so lists and tables survive.
        docx = convert(soffice, source, "docx:MS Word 2007 XML", work, "--infilter=HTML (StarWriter)")
        shutil.copyfile(docx, HERE / "libreoffice_sample.docx")
        doc = convert(soffice, docx, "doc:MS Word 97", work / "doc")
        shutil.copyfile(doc, HERE / "libreoffice_sample.doc")
    print("wrote", HERE / "libreoffice_sample.docx", HERE / "libreoffice_sample.doc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
