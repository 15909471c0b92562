"""Real documents in, clean: the corpus under tests/data/import/corpus/ against its expected files.

The corpus (tests/support/make_import_corpus.py) holds a scraped 工作要点 in Traditional script
and the same in GB18030 Simplified — with encyclopedia furniture, a repeated block, inserted
garbage characters and half-width punctuation — a 第X章/第X条 办法 with a Word table and an
附件说明, and a full 公文 with 版头 and 版记 as .docx, .pdf and .ofd.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interpreter_app.domain.importing import parse_document, read_file
from interpreter_app.domain.importing.inspect import format_inspection, inspect_path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import" / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir() if not p.name.endswith(".json"))


def expected(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expected.json").read_text("utf-8"))


def summary(name: str) -> dict:
    r = inspect_path(CORPUS / name)
    return {
        "metadata": r["metadata"],
        "outline": [[h["level"], h["text"]] for h in r["outline"]],
        "tasks": [{"text": t["text"][:24], "lead": t["lead_departments"],
                   "others": t["other_departments"], "deadlines": t["deadlines"]} for t in r["tasks"]],
        "findings": [{"code": f["code"], "paragraph": f["paragraph"], "span": f["span"],
                      "count": f["count"], "excerpt": f["excerpt"]} for f in r["findings"]],
    }


def test_the_corpus_holds_what_the_issue_asks_for():
    assert {"scraped_traditional.txt", "scraped_simplified_gb18030.txt", "banfa.docx",
            "gongwen.docx", "gongwen.pdf", "gongwen.ofd"} <= set(FILES)
    assert all((CORPUS / f"{name}.expected.json").is_file() for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_findings_and_tasks_match_the_expected_file(name):
    got, want = summary(name), expected(name)
    assert got["metadata"] == want["metadata"]
    assert got["outline"] == [list(h) for h in want["outline"]]
    assert got["tasks"] == want["tasks"]
    assert got["findings"] == want["findings"]


def test_traditional_and_simplified_give_the_same_tasks_and_outline():
    trad, simp = summary("scraped_traditional.txt"), summary("scraped_simplified_gb18030.txt")
    assert len(trad["tasks"]) == 12
    assert trad["tasks"] == simp["tasks"]
    assert trad["outline"] == simp["outline"]


def test_the_same_公文_reads_alike_from_docx_pdf_and_ofd():
    docx = summary("gongwen.docx")
    for name in ("gongwen.pdf", "gongwen.ofd"):
        other = summary(name)
        assert other["metadata"] == docx["metadata"], name
        assert other["tasks"] == docx["tasks"], name


def test_gongwen_parts_are_read_into_fields():
    meta = expected("gongwen.docx")["metadata"]
    assert meta["masthead"] == "江海省人民政府办公厅文件"
    assert meta["signer"] == "李明远" and meta["doc_number"] == "江政办发〔2026〕12号"
    assert meta["attachments"] == ["政策解读方案模板", "政策解读材料审核表"]
    assert meta["note"] == "联系人：王芳，电话：0871-63112233"
    assert meta["copy_to"] == "省委办公厅，省人大常委会办公厅，省政协办公厅"
    assert (meta["printer"], meta["print_date"]) == ("江海省人民政府办公厅", "2026-04-09")


def test_traditional_findings_point_at_the_traditional_text():
    findings = inspect_path(CORPUS / "scraped_traditional.txt")["findings"]
    web = [f for f in findings if f["code"] == "web-leftover"]
    assert [(f["paragraph"], f["span"]) for f in web] == [(0, 5), (32, 12)]
    assert web[0]["excerpt"].startswith("當前位置")  # the original script, not the copy
    garbage = [f["excerpt"] for f in findings if f["code"] == "garbage-chars"]
    assert garbage == ["犇鬻彧", "龘鬣"]


def test_inspect_text_shows_groups_with_counts():
    text = format_inspection(inspect_path(CORPUS / "scraped_simplified_gb18030.txt"))
    assert "正文第30–32段：第30–32段与第27–29段重复" in text
    assert "正文19处（首处第9段）" in text and "全部改为全角" in text


def test_the_traditional_document_is_converted_on_import_and_the_writer_told():
    parsed = parse_document(read_file(CORPUS / "scraped_traditional.txt"))
    assert parsed.converted
    assert "辦" not in parsed.document.body and "办公厅" in parsed.document.title
    assert any("繁体字转换为简体" in n for n in parsed.notices)
    kept = parse_document(read_file(CORPUS / "scraped_traditional.txt"), simplify=False)
    assert not kept.converted and "辦公廳" in kept.document.title
    assert [t.lead_departments for t in kept.tasks] == [t.lead_departments for t in parsed.tasks]


def test_inspect_names_every_公文_part_in_chinese():
    text = format_inspection(inspect_path(CORPUS / "gongwen.ofd"))
    for label in ("发文机关标志：", "签发人：李明远", "附件：", "附注：", "抄送：", "印发机关：", "印发日期："):
        assert label in text
