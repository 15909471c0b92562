"""Builds the import test corpus under tests/data/import/corpus/ from texts written for it.

Run from the repository root:  .venv/bin/python tests/support/make_import_corpus.py
The .pdf is made by LibreOffice from the .docx (soffice on PATH); the .ofd is written here as
the zip of XML that OFD is (GB/T 33190). The outputs are committed, so the tests need neither.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRAPED = ROOT / "tests" / "data" / "import" / "scraped" / "source_simplified.txt"
OUT = ROOT / "tests" / "data" / "import" / "corpus"

BANFA_TITLE = "江海省政务信息公开目录管理办法"
BANFA = [
    "第一章　总则",
    "第一条　为了规范政务信息公开目录的编制和管理，提高政府信息公开工作质量，根据《中华人民共和国政府信息公开条例》，结合本省实际，制定本办法。",
    "第二条　本省各级行政机关编制、发布和维护政务信息公开目录，适用本办法。",
    "第三条　政务信息公开目录的编制应当遵循以下原则：",
    "（一）依法依规，应公开尽公开；",
    "（二）分类科学，便于检索；",
    "（三）动态调整，及时更新。",
    "第二章　目录编制",
    "第四条　行政机关应当按照统一的分类标准编制公开目录，目录事项包括以下内容：",
    "（一）事项名称和公开内容；",
    "（二）公开依据和公开时限；",
    "（三）公开主体和公开渠道。",
    "第五条　公开目录的主要事项和责任分工见下表。",
    None,  # the table
    "第三章　监督管理",
    "第六条　省人民政府办公厅负责对全省政务信息公开目录工作进行指导和监督，每年开展一次评估。",
    "第七条　行政机关未按规定编制或者更新公开目录的，由上一级行政机关责令改正。",
    "第四章　附则",
    "第八条　本办法自2026年5月1日起施行。",
]
BANFA_TABLE = [
    ["序号", "目录事项", "牵头单位", "完成时限"],
    ["1", "编制基层政务公开标准目录", "省政府办公厅", "2026年6月底前"],
    ["2", "建立公开目录动态调整机制", "省政务服务局", "2026年9月底前"],
    ["3", "开展公开目录评估", "省司法厅", "每年"],
]
BANFA_ATTACHMENTS = ["江海省政务信息公开目录分类表", "江海省政务信息公开目录编制指引"]

GONGWEN = [
    "江海省人民政府办公厅文件",
    "江政办发〔2026〕12号　　签发人：李明远",
    "江海省人民政府办公厅关于加强政策解读工作的通知",
    "各州、市人民政府，省直各委、办、厅、局：",
    "为进一步做好政策解读工作，经省人民政府同意，现就有关事项通知如下。",
    "一、压实解读责任",
    "各部门要按照“谁起草、谁解读”的原则，在起草政策文件时同步组织解读工作。（省政府办公厅牵头，省直各部门负责）",
    "二、丰富解读形式",
    "综合运用图表图解、音频视频、在线访谈等形式开展解读，2026年6月底前完成解读专栏改版。（省政务服务局牵头）",
    "三、加强督促检查",
    "省政府办公厅将政策解读情况纳入政务公开考核，每季度通报一次。",
    "附件：1. 政策解读方案模板",
    "2. 政策解读材料审核表",
    "江海省人民政府办公厅",
    "2026年4月8日",
    "（联系人：王芳，电话：0871-63112233）",
    "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。",
    "江海省人民政府办公厅　　2026年4月9日印发",
]


def scraped() -> None:
    """The scraped 工作要点 in Traditional (UTF-8) and in Simplified (GB18030)."""
    import opencc

    text = SCRAPED.read_text("utf-8")
    (OUT / "scraped_traditional.txt").write_text(opencc.OpenCC("s2t").convert(text), "utf-8")
    (OUT / "scraped_simplified_gb18030.txt").write_bytes(text.encode("gb18030"))


def banfa_docx(path: Path) -> None:
    """The 办法 as Word writes it: chapters and articles, a real table, an 附件说明."""
    import docx

    d = docx.Document()
    d.add_paragraph(BANFA_TITLE)
    for line in BANFA:
        if line is None:
            table = d.add_table(rows=len(BANFA_TABLE), cols=len(BANFA_TABLE[0]))
            for row, values in zip(table.rows, BANFA_TABLE, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        else:
            d.add_paragraph(line)
    d.add_paragraph("附件：1. " + BANFA_ATTACHMENTS[0])
    d.add_paragraph("2. " + BANFA_ATTACHMENTS[1])
    d.add_paragraph("江海省人民政府办公厅")
    d.add_paragraph("2026年4月1日")
    d.add_paragraph("（此件公开发布）")
    d.add_paragraph("抄送：省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院。")
    d.add_paragraph("江海省人民政府办公厅　　2026年4月2日印发")
    d.save(str(path))


def gongwen_docx(path: Path) -> None:
    """A full 公文: 版头, 发文字号 with 签发人, 主送, body, 附件说明, signature, 附注, 版记."""
    import docx

    d = docx.Document()
    for line in GONGWEN:
        d.add_paragraph(line)
    d.save(str(path))


def pdf_from(docx_path: Path, pdf_path: Path) -> None:
    """The .docx as PDF through LibreOffice."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp}/p", "--convert-to",
                        "pdf", "--outdir", tmp, str(docx_path)], check=True, capture_output=True)
        shutil.copyfile(Path(tmp) / (docx_path.stem + ".pdf"), pdf_path)


def ofd(lines: list[str], path: Path) -> None:
    """A one-page OFD: OFD.xml → Document.xml → Page content with one TextObject a line."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    objects = []
    y = 30.0
    for n, line in enumerate(lines, 1):
        x = 25.0 if n > 3 else 40.0
        codes = "".join(_esc(line))
        objects.append(
            f'<ofd:TextObject ID="{n + 10}" Boundary="{x} {y} 160 6" Font="3" Size="4.2">'
            f'<ofd:TextCode X="0" Y="5">{codes}</ofd:TextCode></ofd:TextObject>')
        y += 8.0
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1" DocType="OFD">'
                   '<ofd:DocBody><ofd:DocInfo><ofd:DocID>c0ffee</ofd:DocID></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
                              '<ofd:CommonData><ofd:MaxUnitID>500</ofd:MaxUnitID>'
                              '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
                              '</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
                              '</ofd:CommonData><ofd:Pages><ofd:Page ID="1" '
                              'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        "Doc_0/PublicRes.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res">'
                               '<ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}>'
                                          '<ofd:Content><ofd:Layer ID="2">' + "".join(objects)
                                          + '</ofd:Layer></ofd:Content></ofd:Page>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main() -> None:
    """Write every file of the corpus."""
    OUT.mkdir(parents=True, exist_ok=True)
    scraped()
    banfa_docx(OUT / "banfa.docx")
    gongwen_docx(OUT / "gongwen.docx")
    pdf_from(OUT / "gongwen.docx", OUT / "gongwen.pdf")
    ofd(GONGWEN, OUT / "gongwen.ofd")
    print("written:", ", ".join(sorted(p.name for p in OUT.iterdir())))


if __name__ == "__main__":
    main()
