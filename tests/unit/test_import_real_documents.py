"""Each failure met on scraped, converted and structured documents, reproduced on small texts."""

from __future__ import annotations

import io
import zipfile

import pytest

from interpreter_app.domain.checks.duplicates import check_duplicate_paragraphs
from interpreter_app.domain.checks.engine import run_checks
from interpreter_app.domain.checks.fixes import can_fix, fix_finding
from interpreter_app.domain.checks.headings import check_heading_sequence
from interpreter_app.domain.checks.punctuation import check_punctuation
from interpreter_app.domain.checks.web import check_web_leftovers
from interpreter_app.domain.digest import canonical_json
from interpreter_app.domain.importing import (
    CleanupOptions,
    ImportFailed,
    clean_body,
    parse_document,
    read_file,
    read_text,
)
from interpreter_app.domain.importing.tasks import extract_tasks
from interpreter_app.domain.model import Package, PolicyDocument
from interpreter_app.domain.text import outline

LONG = "各地各部门要把政务公开工作纳入重要议事日程，明确分管负责同志和工作机构，配齐配强工作人员。"


def package(body: str, **fields) -> Package:
    return Package(id=None, department_id=1, created_by=1, document=PolicyDocument(body=body, **fields))


# ---- tasks -----------------------------------------------------------------------------------

def test_traditional_tasks_are_found():
    text = "（一）做好穩經濟政策公開。於2026年底前實現政策查詢。（省發展改革委牽頭，省財政廳配合）"
    (task,) = parse_document(read_text("一、總體要求\n" + text)).tasks
    assert task.lead_departments == ["省发展改革委"]
    assert task.other_departments == ["省财政厅"]
    assert task.deadlines == ["于2026年底前"]


def test_lead_comes_from_the_note_that_names_departments():
    para = ("（三）强化政策解读。建立第一解读人制度（省政府办公厅牵头，省直各部门负责），"
            "完善解读机制（由各部门主要负责同志担任第一解读人）。")
    (task,) = extract_tasks([para])
    assert task.lead_departments == ["省政府办公厅"]
    assert task.other_departments == ["省直各部门"]


def test_noise_glued_to_department_names_is_not_a_department():
    text = "一、任务\n（一）公开收费目录清单。2026年9月底前完成。（省财政厅、省市场监管局牵头犇鬻彧）"
    (task,) = parse_document(read_text(text)).tasks
    assert task.lead_departments == ["省财政厅", "省市场监管局"]
    assert task.other_departments == []


def test_full_names_become_the_usual_short_names():
    (task,) = extract_tasks(["（一）甲。（省发展和改革委员会牵头，江海省人力资源和社会保障厅配合）"])
    assert task.lead_departments == ["省发展改革委"]
    assert task.other_departments == ["江海省人力资源和社会保障厅"]


@pytest.mark.parametrize(("text", "deadline"), [
    ("于2026年底前完成", "于2026年底前"),
    ("２０２６年６月底前完成", "2026年6月底前"),
    ("2026年12月31日前建成", "2026年12月31日前"),
    ("年内实现全覆盖", "年内"),
    ("长期坚持问题导向", "长期坚持"),
    ("持续推进标准化", "持续推进"),
])
def test_deadlines_inside_the_task_are_found(text, deadline):
    (task,) = extract_tasks([f"（一）做好公开。{text}。（省政府办公厅牵头）"])
    assert deadline in task.deadlines


def test_keyed_lines_under_a_task_give_its_departments_and_deadline():
    paras = ["（一）建设政策文件库。", "牵头单位：省政府办公厅；配合单位：省司法厅、省大数据局",
             "完成时限：2026年10月底前"]
    (task,) = extract_tasks(paras)
    assert task.lead_departments == ["省政府办公厅"]
    assert task.other_departments == ["省司法厅", "省大数据局"]
    assert task.deadlines == ["2026年10月底前"]


# ---- furniture, garbage, repeats, grouping ----------------------------------------------------

def test_encyclopedia_furniture_is_flagged_in_traditional_text_as_runs():
    body = "\n".join(["基本介紹", "中文名：江海省政務公開工作要點", "頒布時間：2026年3月12日", "全文",
                      LONG, "相關詞條", "政務公開", "熱門詞條", "一網通辦", "聯繫我們 | 網站地圖",
                      "掃一掃在手機打開當前頁", "分享到：", "打印本頁 關閉窗口", "責任編輯：林曉"])
    found = list(check_web_leftovers(package(body)))
    assert [(f.paragraph, f.span) for f in found] == [(0, 4), (5, 9)]
    fixed = body
    for f in sorted(found, key=lambda f: -f.paragraph):
        fixed = fix_finding(fixed, f)
    assert fixed == LONG


def test_garbage_is_found_and_a_broken_heading_stays_in_the_outline():
    parsed = parse_document(read_text("一、重点任务\n二龘鬣、围绕保障改善民生加强信息公开\n（一）做好就业信息公开。"))
    assert [h.text for h in parsed.outline][:2] == ["一、重点任务", "二、围绕保障改善民生加强信息公开"]
    findings = [f for f in run_checks(package(parsed.document.body)) if f.code == "garbage-chars"]
    assert [f.excerpt for f in findings] == ["龘鬣"]
    assert fix_finding(parsed.document.body, findings[0]).split("\n")[1] == "二、围绕保障改善民生加强信息公开"
    assert not [f for f in check_heading_sequence(package(parsed.document.body))]


def test_clean_government_text_gives_no_garbage_finding():
    body = "\n".join(["为深入贯彻落实党中央、国务院关于全面推进政务公开的决策部署，现提出如下意见。",
                      "（一）推进“放管服”改革，优化营商环境，涉企收费目录清单实行动态管理。",
                      "（二）建立健全政策解读机制，主要负责同志带头解读重要政策。"])
    assert not [f for f in run_checks(package(body)) if f.code == "garbage-chars"]


def test_a_repeated_block_is_one_finding_whose_fix_removes_it():
    block = [f"（{n}）{LONG[:30]}第{n}项。" for n in "一二三四五六"]
    body = "\n".join(["一、要求", *block, "二、保障", *block])
    (f,) = check_duplicate_paragraphs(package(body))
    assert (f.paragraph, f.span) == (8, 6)
    assert "第9–14段与第2–7段重复" in f.message
    assert can_fix(f)
    assert fix_finding(body, f) == "\n".join(["一、要求", *block, "二、保障"])
    assert not list(check_heading_sequence(package(body)))  # reported once, as the repeat


def test_a_repeat_with_different_punctuation_is_still_one_block():
    a = [LONG, LONG.replace("，", "X"), "第三段文字足够长，不会被当作标题。"]
    b = [a[0].replace("，", ","), a[1], a[2]]
    (f,) = check_duplicate_paragraphs(package("\n".join([*a, "中间", *b])))
    assert f.span == 3


def test_ascii_punctuation_is_one_grouped_finding_with_one_fix():
    body = "\n".join(f"第{n}段,使用了半角逗号:和冒号。" for n in range(42))
    found = [f for f in check_punctuation(package(body))]
    assert len(found) == 1
    (f,) = found
    assert f.count == 42 and f.suggestion == "全部改为全角"
    fixed = fix_finding(body, f)
    assert "," not in fixed and ":" not in fixed and fixed.count("，") == 42


# ---- 公文 structure ---------------------------------------------------------------------------

def test_chapters_and_articles_make_the_outline():
    body = "第一章　总则\n第一条　为了规范管理，制定本办法。\n（一）甲；\n（二）乙。\n第二条　本办法适用于全省。\n第二章　附则\n第三条　本办法自发布之日起施行。"
    assert [(h.level, h.text[:5]) for h in outline(body)] == [
        (1, "第一章　总"), (3, "第一条　为"), (3, "第二条　本"), (1, "第二章　附"), (3, "第三条　本")]
    assert not list(check_heading_sequence(package(body)))  # 项 restart in every 条


def test_attachment_lines_are_not_headings():
    body = "一、总体要求\n正文。\n二、工作措施\n正文。\n附件：1. 任务分工表\n2. 联系人名单\n3. 填报说明"
    assert [h.text for h in outline(body)] == ["一、总体要求", "二、工作措施"]
    assert not list(check_heading_sequence(package(body)))


def test_new_document_fields_leave_old_digests_alone():
    assert '"signer"' not in canonical_json(package("正文"))
    assert '"signer":"李明远"' in canonical_json(package("正文", signer="李明远"))


# ---- clean-up on import -----------------------------------------------------------------------

def test_cleanup_takes_out_what_was_ticked_and_counts_it():
    lines = ["当前位置：首页 > 政策", LONG, "（一）公开犇鬻彧清单,于年底前完成。", LONG[:20] + "第二段内容。",
             LONG[:20] + "第三段内容。", LONG[:20] + "第二段内容。", LONG[:20] + "第三段内容。", "分享到："]
    cleaned, report = clean_body(lines, CleanupOptions.everything())
    assert cleaned == [LONG, "（一）公开清单，于年底前完成。", LONG[:20] + "第二段内容。",
                       LONG[:20] + "第三段内容。"]
    assert (report.furniture_lines, report.duplicate_lines, report.garbage_runs,
            report.punctuation_lines) == (2, 2, 1, 1)
    nothing, none = clean_body(lines, CleanupOptions())
    assert nothing == lines and not none.changed


# ---- PDF and OFD ------------------------------------------------------------------------------

def test_a_pdf_without_text_is_refused_as_a_scan(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ImportFailed, match="这是扫描件，无法提取文字"):
        read_file(path)


def test_a_broken_ofd_is_refused_in_one_line(tmp_path):
    path = tmp_path / "x.ofd"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportFailed, match="OFD 文件已损坏"):
        read_file(path)


def test_an_ofd_with_a_huge_page_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", "<OFD/>")
        z.writestr("Doc_0/Pages/Page_0/Content.xml", "<a>" + " " * (20 * 1024 * 1024) + "</a>")
    path = tmp_path / "big.ofd"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ImportFailed, match="过大"):
        read_file(path)


def test_garbage_check_meets_its_measured_targets():
    from tests.support.garbage_corpus import measure

    scores = measure()
    assert scores.inserted > 200
    assert scores.recall >= 0.8
    assert scores.false_per_10k <= 1.0


def test_lines_of_a_page_are_rebuilt_into_paragraphs():
    from interpreter_app.domain.importing.layout import Piece, page_lines, paragraphs_from_lines

    pieces = [Piece(90, 10, 11, "一、压实解读责任"),
              Piece(90, 35, 11, "各部门要按照 谁起草、谁解读 的原则，在起草政策文件时同步组织解读工作。（省政府"),
              Piece(156, 35.4, 11, "“ ”"),
              Piece(90, 50, 11, "办公厅牵头）"),
              Piece(90, 75, 11, "二、丰富解读形式"),
              Piece(300, 200, 11, "— 1 —")]
    lines = page_lines(pieces)
    assert [t for *_, t in lines][1].startswith("各部门要按照“谁起草、谁解读”的原则")
    assert paragraphs_from_lines([lines]) == [
        "一、压实解读责任",
        "各部门要按照“谁起草、谁解读”的原则，在起草政策文件时同步组织解读工作。（省政府办公厅牵头）",
        "二、丰富解读形式"]


def test_an_ofd_whose_pages_add_up_past_the_budget_is_refused(tmp_path, monkeypatch):
    from interpreter_app.domain.importing import fixed_layout

    monkeypatch.setattr(fixed_layout, "OFD_TOTAL_MAX", 1024 * 1024)
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    pages = "".join(f'<ofd:Page ID="{n}" BaseLoc="Pages/P{n}.xml"/>' for n in range(3))
    page = f"<ofd:Page {ns}><ofd:Content>" + "<!-- x -->" * 50_000 + "</ofd:Content></ofd:Page>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml"
                              "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:Pages>{pages}</ofd:Pages></ofd:Document>")
        for n in range(3):
            z.writestr(f"Doc_0/Pages/P{n}.xml", page)  # 500 KB each
    path = tmp_path / "many.ofd"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ImportFailed, match="过大"):
        read_file(path)


def test_a_rare_name_in_the_title_is_kept_while_the_body_is_read_without_garbage():
    parsed = parse_document(read_text("江海省人民政府关于支持鬻彧镇发展的通知\n各有关单位：\n一、总体要求\n正文。"))
    assert parsed.document.title == "江海省人民政府关于支持鬻彧镇发展的通知"
