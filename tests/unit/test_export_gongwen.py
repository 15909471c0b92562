"""公文 parts and Word tables survive import, storage and the exported 政策文件."""

from __future__ import annotations

from pathlib import Path

from interpreter_app.export.context import ExportContext
from interpreter_app.export.docx_parts import policy_document_docx
from interpreter_app.services.importer import package_from_file

from .test_export_docx import parts_of

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import" / "corpus"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def stored_and_exported(seeded, name: str):
    package, _ = package_from_file(seeded.wb.authoring, seeded["writer"], CORPUS / name)
    stored = seeded.wb.store.packages.get(package.id)
    ctx = ExportContext.for_package(stored, "江海省人民政府办公厅", generated_at="2026-06-16T09:00:00")
    body = parts_of(policy_document_docx(ctx))["word/document.xml"].find(f"{W}body")
    return stored, body


def texts(el) -> list[str]:
    """The text of every paragraph, Word's tab elements as tabs."""
    return ["".join("\t" if t.tag == f"{W}tab" else t.text or ""
                    for r in p.iter(f"{W}r") for t in r.iter(f"{W}t", f"{W}tab"))
            for p in el.iter(f"{W}p")]


def test_a_word_table_is_stored_and_exported_as_a_table(seeded):
    stored, body = stored_and_exported(seeded, "banfa.docx")
    assert "序号\t目录事项\t牵头单位\t完成时限" in stored.document.body.split("\n")
    (table,) = body.findall(f"{W}tbl")
    rows = [[texts(tc)[0] for tc in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")]
    assert rows[0] == ["序号", "目录事项", "牵头单位", "完成时限"]
    assert rows[3] == ["3", "开展公开目录评估", "省司法厅", "每年"]
    assert not any(t.startswith("序号") for p in body.findall(f"{W}p") for t in texts(p))  # table only


def test_chapters_are_centred_and_articles_lead_with_their_number(seeded):
    _, body = stored_and_exported(seeded, "banfa.docx")
    chapter = next(p for p in body.findall(f"{W}p") if texts(p) == ["第一章　总则"])
    assert chapter.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    article = next(p for p in body.findall(f"{W}p") if texts(p)[0].startswith("第二条"))
    assert "".join(t.text for t in article.find(f"{W}r").iter(f"{W}t")) == "第二条"


def test_gongwen_parts_are_exported_in_their_places(seeded):
    stored, body = stored_and_exported(seeded, "gongwen.docx")
    assert stored.document.signer == "李明远" and stored.document.copy_to
    lines = [t for t in texts(body) if t]
    number = next(t for t in lines if t.startswith("江政办发"))
    assert number == "江政办发〔2026〕12号\t签发人：李明远"
    at = lines.index("附件：1. 政策解读方案模板")
    assert lines[at + 1] == "2. 政策解读材料审核表"
    assert lines.index("2026年4月8日") < lines.index("（联系人：王芳，电话：0871-63112233）")
    assert lines[-2:] == ["抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。",
                          "江海省人民政府办公厅\t2026年4月9日印发"]
    assert "附件：1. 政策解读方案模板" not in stored.document.body  # a part, not body text


def test_the_masthead_heads_the_document_in_red_over_the_number(seeded):
    _, body = stored_and_exported(seeded, "gongwen.docx")
    lines = [t for t in texts(body) if t]
    at = lines.index("江海省人民政府办公厅文件")
    assert lines[at + 1].startswith("江政办发〔2026〕12号")
    assert lines[at + 2].startswith("江海省人民政府办公厅关于")
    masthead = next(p for p in body.findall(f"{W}p") if texts(p) == ["江海省人民政府办公厅文件"])
    assert masthead.find(f".//{W}color").get(f"{W}val") == "E60012"


def test_the_imported_file_is_recorded_by_name_and_hash(seeded):
    import hashlib

    stored, _ = stored_and_exported(seeded, "gongwen.ofd")
    digest = hashlib.sha256((CORPUS / "gongwen.ofd").read_bytes()).hexdigest()
    assert stored.document.source_file == f"gongwen.ofd · ofd · SHA-256 {digest}"


def test_a_row_with_empty_last_cells_stays_in_its_table():
    from interpreter_app.export.context import ExportSettings
    from interpreter_app.export.docx_builder import GovDocument

    gov = GovDocument(ExportSettings())
    gov.body("见下表。\n序号\t事项\t牵头单位\n1\t编制目录\t省政府办公厅\n2\t\t\n附表说明。")
    body = parts_of(gov.doc)["word/document.xml"].find(f"{W}body")
    (table,) = body.findall(f"{W}tbl")
    assert len(table.findall(f"{W}tr")) == 3


def test_the_fact_checks_read_the_cells_of_an_imported_table():
    from interpreter_app.domain.checks.facts import check_fact_mismatch
    from interpreter_app.domain.importing import parse_document, read_file
    from interpreter_app.domain.model import Material, Package

    document = parse_document(read_file(CORPUS / "banfa.docx")).document
    faithful = Material.new("article", body="建立公开目录动态调整机制，由省政务服务局在2026年9月底前完成。")
    wrong = Material.new("article", body="建立公开目录动态调整机制，由省政务服务局在2026年10月底前完成。")
    ok = Package(None, 1, 1, document=document, materials=[faithful])
    bad = Package(None, 1, 1, document=document, materials=[wrong])
    assert not list(check_fact_mismatch(ok))
    assert [f.code for f in check_fact_mismatch(bad)] == ["fact-mismatch"]
