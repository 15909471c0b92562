"""Word export: GB/T 9704 page, fonts, line spacing, page numbers, marks — read from the XML."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from interpreter_app.domain.model import Package, SignOff, from_dict
from interpreter_app.export.context import ExportContext, ExportSettings
from interpreter_app.export.docx_layout import title_lines, to_bytes
from interpreter_app.export.docx_materials import material_docx
from interpreter_app.export.docx_parts import plan_docx, policy_document_docx

DATA = Path(__file__).resolve().parents[1] / "data" / "export" / "package.json"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
SIGNED_AT = "2026-06-15T16:30:00"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def load_package(state: str = "signed") -> Package:
    package = from_dict(Package, json.loads(DATA.read_text("utf-8")))
    package.state = state
    return package


def make_context(state: str = "signed", *, signed: bool = True, on_behalf_of: str = "",
                 settings: ExportSettings | None = None) -> ExportContext:
    package = load_package(state)
    ctx = ExportContext.for_package(package, "江海省人力资源和社会保障厅",
                                    settings=settings, generated_at="2026-06-16T09:00:00")
    if signed:
        signoff = SignOff(1, 42, 1, ctx.digest, 9, "王建国", "厅长", "同意发布。", SIGNED_AT,
                          on_behalf_of=on_behalf_of)
        ctx = dataclasses.replace(ctx, signoffs=(signoff,))
    return ctx


def parts_of(doc) -> dict[str, etree._Element]:
    """Every XML part of a saved document, by name."""
    with zipfile.ZipFile(io.BytesIO(to_bytes(doc))) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in zf.namelist() if n.endswith(".xml")}


def material(ctx: ExportContext, kind: str):
    return next(m for m in ctx.package.materials if m.kind == kind)


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def find_paragraph(root, start: str):
    return next(p for p in root.iter(w("p")) if paragraph_text(p).startswith(start))


def run_fonts(p) -> list[tuple[str, str]]:
    """(text, eastAsia font) of each text run in a paragraph."""
    result = []
    for r in p.iter(w("r")):
        text = "".join(t.text or "" for t in r.iter(w("t")))
        fonts = r.find("w:rPr/w:rFonts", NS)
        if text:
            result.append((text, fonts.get(w("eastAsia")) if fonts is not None else None))
    return result


def style(styles, style_id: str):
    return styles.find(f"w:style[@w:styleId='{style_id}']", NS)


@pytest.fixture(scope="module")
def signed_doc():
    return parts_of(policy_document_docx(make_context()))


def test_page_is_a4_with_gbt9704_margins(signed_doc):
    sect = signed_doc["word/document.xml"].find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert [margins.get(w(k)) for k in ("top", "bottom", "left", "right")] == [
        "2098", "1984", "1587", "1474"]


def test_styles_carry_no_theme_fonts_and_chinese_language(signed_doc):
    styles = signed_doc["word/styles.xml"]
    raw = etree.tostring(styles).decode()
    for attr in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
        assert attr not in raw
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = defaults.find("w:rFonts", NS)
    assert fonts.get(w("eastAsia")) == "仿宋_GB2312"
    assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) == "Times New Roman"
    assert defaults.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"


def test_normal_style_is_16pt_exact_28_95pt_with_two_character_indent(signed_doc):
    normal = style(signed_doc["word/styles.xml"], "Normal")
    spacing, ind = normal.find("w:pPr/w:spacing", NS), normal.find("w:pPr/w:ind", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("579", "exact")
    assert (ind.get(w("firstLineChars")), ind.get(w("firstLine"))) == ("200", "640")
    assert normal.find("w:rPr/w:sz", NS).get(w("val")) == "32"
    assert normal.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"


@pytest.mark.parametrize(("style_id", "font"), [
    ("Title", "方正小标宋简体"), ("Heading1", "黑体"), ("Heading2", "楷体_GB2312"),
    ("Heading3", "仿宋_GB2312"), ("Heading4", "仿宋_GB2312"), ("Footer", "宋体"),
])
def test_styles_name_their_chinese_font(signed_doc, style_id, font):
    rpr = style(signed_doc["word/styles.xml"], style_id).find("w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    assert fonts.get(w("eastAsia")) == font
    assert fonts.get(w("hint")) == "eastAsia"
    assert rpr.find("w:b", NS) is None or rpr.find("w:b", NS).get(w("val")) in ("0", "false")


def test_level_3_and_4_bold_follows_settings():
    ctx = make_context(settings=ExportSettings(bold_level3=True))
    styles = parts_of(policy_document_docx(ctx))["word/styles.xml"]
    assert style(styles, "Heading3").find("w:rPr/w:b", NS) is not None
    assert style(styles, "Heading4").find("w:rPr/w:b", NS).get(w("val")) in ("0", "false")


def test_title_heading_and_body_runs_carry_east_asia_fonts(signed_doc):
    body = signed_doc["word/document.xml"]
    title = find_paragraph(body, "关于进一步支持")
    assert run_fonts(title)[0][1] == "方正小标宋简体"
    assert title.find(".//w:r/w:rPr/w:sz", NS).get(w("val")) == "44"
    assert run_fonts(find_paragraph(body, "一、总体要求")) == [("一、总体要求", "黑体")]
    assert run_fonts(find_paragraph(body, "（一）减轻企业负担"))[0][1] == "楷体_GB2312"
    assert run_fonts(find_paragraph(body, "坚持就业优先"))[0][1] == "仿宋_GB2312"


def test_run_in_heading_sets_only_its_lead_in_the_heading_font(signed_doc):
    para = find_paragraph(signed_doc["word/document.xml"], "（一）加强组织领导。")
    runs = run_fonts(para)
    assert runs[0] == ("（一）加强组织领导。", "楷体_GB2312")
    assert runs[1][0].startswith("各市") and runs[1][1] == "仿宋_GB2312"


def test_long_title_breaks_after_a_particle_not_inside_a_word():
    assert title_lines("关于进一步支持中小微企业稳岗扩就业的若干措施的通知") == [
        "关于进一步支持中小微企业稳岗扩就业的", "若干措施的通知"]
    assert title_lines("短标题") == ["短标题"]


def test_doc_number_centred_and_issuers_over_right_aligned_date(signed_doc):
    body = signed_doc["word/document.xml"]
    number = find_paragraph(body, "江人社发〔2026〕12号")
    assert number.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    paras = [p for p in body.iter(w("p")) if paragraph_text(p)]
    issuer, joint, date = paras[-3:]
    assert [paragraph_text(p) for p in (issuer, joint, date)] == [
        "江海省人力资源和社会保障厅", "江海省财政厅", "2026年6月12日"]
    assert date.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    assert date.find("w:pPr/w:ind", NS).get(w("rightChars")) == "400"
    assert all(p.find("w:pPr/w:jc", NS).get(w("val")) == "right" for p in (issuer, joint))


def test_odd_and_even_footers_hold_a_page_field(signed_doc):
    assert signed_doc["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    sect = signed_doc["word/document.xml"].find(".//w:body/w:sectPr", NS)
    kinds = {ref.get(w("type")) for ref in sect.findall("w:footerReference", NS)}
    assert {"default", "even"} <= kinds
    footers = [root for name, root in signed_doc.items() if name.startswith("word/footer")]
    sides = set()
    for footer in footers:
        p = footer.find("w:p", NS)
        types = [f.get(w("fldCharType")) for f in p.iter(w("fldChar"))]
        assert types == ["begin", "separate", "end"]
        assert "".join(t.text for t in p.iter(w("instrText"))).strip() == "PAGE"
        assert paragraph_text(p).startswith("— ") and paragraph_text(p).endswith(" —")
        assert run_fonts(p)[0][1] == "宋体"
        jc = p.find("w:pPr/w:jc", NS).get(w("val"))
        assert p.find("w:pPr/w:ind", NS).get(w(jc)) == "280"
        sides.add(jc)
    assert sides == {"left", "right"}


def test_footer_picture_and_table_styles_are_single_spaced_without_indent(signed_doc):
    styles = signed_doc["word/styles.xml"]
    for style_id in ("Footer", "Header", "GBPicture", "GBTableText"):
        ppr = style(styles, style_id).find("w:pPr", NS)
        assert ppr.find("w:spacing", NS).get(w("lineRule")) == "auto"
        assert ppr.find("w:spacing", NS).get(w("line")) == "240"
        assert ppr.find("w:ind", NS).get(w("firstLineChars")) == "0"


def test_signed_export_has_no_draft_mark(signed_doc):
    xml = b"".join(etree.tostring(root) for root in signed_doc.values()).decode()
    assert "征求意见稿" not in xml and "草稿" not in xml


@pytest.mark.parametrize(("state", "mark"), [("in_review", "征求意见稿"), ("draft", "草稿")])
def test_unsigned_export_is_marked_in_every_header_and_on_page_one(state, mark):
    ctx = make_context(state, signed=False)
    assert ctx.draft_mark == mark
    parts = parts_of(policy_document_docx(ctx))
    sect = parts["word/document.xml"].find(".//w:body/w:sectPr", NS)
    kinds = {ref.get(w("type")) for ref in sect.findall("w:headerReference", NS)}
    assert kinds == {"default", "even", "first"}
    headers = [root for name, root in parts.items() if name.startswith("word/header")]
    assert len(headers) == 3
    for header in headers:
        p = header.find("w:p", NS)
        assert paragraph_text(p) == mark and run_fonts(p)[0][1] == "黑体"
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    first = parts["word/document.xml"].find(".//w:body/w:p", NS)
    assert paragraph_text(first) == mark


def test_signoff_for_other_content_does_not_count():
    ctx = make_context()
    ctx.package.document.body += "\n新增一段。"
    changed = ExportContext.for_package(ctx.package, "厅", ctx.signoffs)
    assert not changed.is_signed and changed.draft_mark == "草稿"


def test_core_properties_carry_title_department_signoff_time_and_digest():
    ctx = make_context()
    doc = policy_document_docx(ctx)
    props = doc.core_properties
    assert props.title == ctx.package.title
    assert props.author == "江海省人力资源和社会保障厅"
    assert props.created.isoformat().startswith("2026-06-15T16:30")
    assert props.comments == ctx.digest


def test_font_names_are_written_even_when_not_installed():
    ctx = make_context(settings=ExportSettings(body_font="某某仿宋_GB2312"))
    parts = parts_of(policy_document_docx(ctx))
    body = find_paragraph(parts["word/document.xml"], "坚持就业优先")
    assert run_fonts(body)[0][1] == "某某仿宋_GB2312"
    names = [f.get(w("name")) for f in parts["word/fontTable.xml"].findall("w:font", NS)]
    assert {"某某仿宋_GB2312", "方正小标宋简体", "黑体"} <= set(names)


def test_plan_is_internal_with_fields_tasks_and_signoff():
    parts = parts_of(plan_docx(make_context(on_behalf_of="张三")))
    text = "\n".join(paragraph_text(p) for p in parts["word/document.xml"].iter(w("p")))
    header = next(r for n, r in parts.items() if n.startswith("word/header"))
    assert paragraph_text(header.find("w:p", NS)) == "内部资料"
    for label in ("解读提纲", "解读形式", "解读渠道", "解读时间", "第一解读人", "其他解读人",
                  "拟发文号", "起草（牵头）单位", "联合发文单位", "受众", "舆情风险等级",
                  "应对预案", "回应口径", "新闻发布会安排", "联系电话", "牵头单位", "完成时限"):
        assert label in text
    assert "王建国（厅长，代张三签发）" in text
    assert "同意发布。" in text and "2026年6月15日" in text


def test_unsigned_plan_has_an_empty_signoff_block_to_fill():
    parts = parts_of(plan_docx(make_context("awaiting_signoff", signed=False)))
    tables = parts["word/document.xml"].findall(".//w:tbl", NS)
    cells = [[paragraph_text(c) for c in row.findall("w:tc", NS)]
             for row in tables[-1].findall("w:tr", NS)]
    assert cells == [["签发人", ""], ["签发意见", ""], ["签发日期", "　　年　　月　　日"]]


def test_qa_questions_in_heiti_and_answers_in_fangsong():
    ctx = make_context()
    body = parts_of(material_docx(ctx, material(ctx, "qa")))["word/document.xml"]
    question = find_paragraph(body, "1.问：")
    assert {font for _, font in run_fonts(question)} == {"黑体"}
    answer = find_paragraph(body, "答：上年度")
    assert {font for _, font in run_fonts(answer)} == {"仿宋_GB2312"}
    assert find_paragraph(body, "3.问：缓缴社会保险费") is not None


def test_reporter_lines_are_internal_and_unnumbered():
    ctx = make_context()
    parts = parts_of(material_docx(ctx, material(ctx, "reporter_lines")))
    header = next(r for n, r in parts.items() if n.startswith("word/header"))
    assert paragraph_text(header.find("w:p", NS)) == "内部资料"
    assert find_paragraph(parts["word/document.xml"], "问：有企业反映") is not None


def test_press_release_shows_embargo_and_speech_its_length():
    ctx = make_context()
    release = parts_of(material_docx(ctx, material(ctx, "press_release")))["word/document.xml"]
    assert find_paragraph(release, "（发布时间：2026年6月18日 10:00 前不得发布）") is not None
    speech = parts_of(material_docx(ctx, material(ctx, "speech"), briefing=True))["word/document.xml"]
    line = paragraph_text(find_paragraph(speech, "（预计讲话时长约"))
    assert line.endswith("字）") and "分钟，共" in line


def test_chart_material_embeds_picture_at_text_width_with_caption_table_and_source():
    ctx = make_context()
    chart = material(ctx, "chart")
    parts = parts_of(material_docx(ctx, chart))
    body = parts["word/document.xml"]
    extent = body.find(".//{*}inline/{*}extent")
    assert int(extent.get("cx")) == 156 * 36000
    picture_p = next(p for p in body.iter(w("p")) if p.find(".//{*}inline") is not None)
    assert picture_p.find("w:pPr/w:pStyle", NS).get(w("val")) == "GBPicture"
    assert find_paragraph(body, chart.caption) is not None
    rows = body.find(".//w:tbl", NS).findall("w:tr", NS)
    assert len(rows) == 1 + len(chart.chart.categories)
    assert "52.3" in paragraph_text(rows[1])
    assert find_paragraph(body, "数据来源：江海省人力资源和社会保障厅") is not None


def test_importing_export_modules_does_not_import_docx_or_matplotlib():
    code = ("import sys\n"
            "import interpreter_app.export.packs, interpreter_app.export.verify_pack\n"
            "import interpreter_app.export.docx_parts, interpreter_app.export.docx_materials\n"
            "bad = [m for m in ('docx', 'matplotlib', 'PySide6') if m in sys.modules]\n"
            "assert not bad, bad\n")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_only_used_table_styles_and_no_template_thumbnail_are_written():
    """The template's hundred unused table styles and its blank-page thumbnail stay out; every
    style a paragraph or table names is defined."""
    ctx = make_context()
    data = to_bytes(material_docx(ctx, material(ctx, "chart")))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        styles = etree.fromstring(z.read("word/styles.xml"))
        document = etree.fromstring(z.read("word/document.xml"))
        rels = z.read("_rels/.rels").decode()
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    tables = [s.find("w:name", NS).get(w("val")) for s in styles.findall("w:style", NS)
              if s.get(w("type")) == "table"]
    assert sorted(tables) == ["Normal Table", "Table Grid"]
    defined = {s.get(w("styleId")) for s in styles.findall("w:style", NS)}
    used = {e.get(w("val")) for tag in ("pStyle", "tblStyle", "rStyle")
            for e in document.iter(w(tag))}
    assert used and used <= defined
    assert {"Heading1", "Title", "ListParagraph"} <= defined  # paragraph styles stay for editors


def test_title_lines_keep_words_whole_and_balanced():
    from interpreter_app.domain.words import word_breaks

    assert title_lines("图解《关于进一步降低企业用能成本的实施意见》") == [
        "图解《关于进一步降低", "企业用能成本的实施意见》"]
    assert title_lines("关于加强重要民生商品价格监测预警工作的通知") == [
        "关于加强重要民生商品价格", "监测预警工作的通知"]
    for title in ("江海省推进“高效办成一件事”第二批重点事项实施方案",
                  "关于深化政务服务“一网通办”提升企业和群众办事体验的意见"):
        first, second = title_lines(title)
        assert not first.endswith(("“", "《")) and not second.startswith(("”", "》"))
        assert len(first) in word_breaks(title)  # the break falls between two words
