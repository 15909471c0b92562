"""The web pack: strict HTML5 pages, links both ways, metadata valid against the shipped schemas,
and the same manifest as the press pack so verify-pack checks it."""

from __future__ import annotations

import dataclasses
import json
import re
import zipfile
from pathlib import Path

import html5lib
import jsonschema
import pytest
from lxml import etree

from interpreter_app.domain.errors import WorkflowError
from interpreter_app.domain.model import Material
from interpreter_app.export.packs import export_package
from interpreter_app.export.verify_pack import compare_pack, read_pack
from interpreter_app.resources import resource_path
from tests.factories import released_package
from tests.unit.test_export_packs import make_context

NS = "{http://www.w3.org/1999/xhtml}"


def parse_strict(data: bytes):
    """The page as an element tree; html5lib in strict mode raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(data)


def pages(folder: Path) -> dict[str, object]:
    return {p.name: parse_strict(p.read_bytes()) for p in sorted(folder.glob("*.html"))}


def links(tree) -> list[str]:
    return [a.get("href") for a in tree.iter(f"{NS}a")]


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    ctx = make_context()
    return ctx, export_package(ctx, tmp_path_factory.mktemp("web"), pack="web")


def test_every_page_is_strict_html5_with_language_viewport_and_one_h1(web):
    _, result = web
    parsed = pages(result.path)
    assert set(parsed) >= {"index.html", "policy.html", "jiedu-01.html"}
    for name, tree in parsed.items():
        assert tree.get("lang") == "zh-CN", name
        metas = {m.get("name") for m in tree.iter(f"{NS}meta")}
        assert "viewport" in metas, name
        assert len(list(tree.iter(f"{NS}h1"))) == 1, name
        assert list(tree.iter(f"{NS}style")), name


def test_a_malformed_page_is_refused_by_the_strict_parser():
    with pytest.raises(html5lib.html5parser.ParseError):
        parse_strict(b"<!DOCTYPE html><html><body><p>a</b></body></html>")


def test_one_page_per_public_part_and_no_internal_material(web):
    ctx, result = web
    public = [m for m in ctx.package.materials if m.is_public]
    interpretation_pages = sorted(result.path.glob("jiedu-*.html"))
    assert len(interpretation_pages) == len(public)
    text = "".join(p.read_text("utf-8") for p in result.path.glob("*.html"))
    for m in ctx.package.materials:
        assert (m.title in text) == m.is_public, m.title
    assert "应对预案" not in text and "回应口径" not in text


def test_no_external_resource_script_or_absolute_link(web):
    _, result = web
    for name, tree in pages(result.path).items():
        assert not list(tree.iter(f"{NS}script")), name
        assert not list(tree.iter(f"{NS}link")), name
        for element in tree.iter():
            for attr in ("src", "href"):
                value = element.get(attr)
                if value is None or (attr == "href" and element.get("rel") == "external"):
                    continue  # a link the reader may follow; nothing loads from it
                assert "//" not in value and ":" not in value, (name, value)
                assert (result.path / value).is_file(), (name, value)


def test_related_links_resolve_in_both_directions(web):
    _, result = web
    parsed = pages(result.path)
    document_links = set(links(parsed["policy.html"]))
    for name in parsed:
        if name.startswith("jiedu-"):
            assert name in document_links, name  # 关联解读
            assert "policy.html" in links(parsed[name]), name  # 关联原文


def test_metadata_relations_mirror_each_other_by_index_number_and_link(web):
    ctx, result = web
    meta = json.loads((result.path / "metadata.json").read_text("utf-8"))
    document = next(p for p in meta["pages"] if p["type"] == "政策文件")
    readings = [p for p in meta["pages"] if p["type"] == "政策解读"]
    assert document["index_number"] == ctx.package.document.index_number
    assert {r["href"] for r in document["related_interpretations"]} == {p["file"] for p in readings}
    for page in readings:
        (ref,) = page["related_documents"]
        assert ref == {"index_number": document["index_number"], "title": document["title"],
                       "doc_number": document["doc_number"], "href": "policy.html"}
        assert page["digest"] == ctx.digest and page["forms"]
    assert meta["digest"] == ctx.digest


def test_metadata_json_validates_against_the_shipped_schema(web):
    _, result = web
    schema = json.loads(resource_path("schemas", "metadata.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads((result.path / "metadata.json").read_text("utf-8")), schema)
    assert (result.path / "metadata.schema.json").read_bytes() == \
        resource_path("schemas", "metadata.schema.json").read_bytes()


def test_metadata_json_with_a_broken_relation_fails_the_schema(web):
    _, result = web
    schema = json.loads(resource_path("schemas", "metadata.schema.json").read_text("utf-8"))
    meta = json.loads((result.path / "metadata.json").read_text("utf-8"))
    meta["pages"][1]["related_documents"][0]["href"] = "https://example.com/x.html"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(meta, schema)


def test_metadata_xml_validates_against_the_shipped_xsd_and_matches_json(web):
    _, result = web
    xsd = etree.XMLSchema(etree.parse(str(resource_path("schemas", "metadata.xsd"))))
    tree = etree.parse(str(result.path / "metadata.xml"))
    xsd.assertValid(tree)
    meta = json.loads((result.path / "metadata.json").read_text("utf-8"))
    xml_ids = [p.get("id") for p in tree.iter("page")]
    assert xml_ids == [p["id"] for p in meta["pages"]]
    labels = {e.get("label") for e in tree.iter() if e.get("label")}
    assert {"标题", "发布机构", "发文字号", "索引号", "成文日期", "发布日期", "主题分类", "公开属性",
            "解读形式", "解读人", "关联原文", "关联解读"} <= labels


def test_charts_come_as_png_and_svg_with_alt_text_data_table_and_source(web):
    ctx, result = web
    charts = [m for m in ctx.package.materials if m.kind == "chart" and m.is_public]
    pngs, svgs = list(result.path.glob("images/*.png")), list(result.path.glob("images/*.svg"))
    assert len(pngs) == len(svgs) == len(charts)
    for name, tree in pages(result.path).items():
        for img in tree.iter(f"{NS}img"):
            assert img.get("alt") and "数据来源" in img.get("alt"), name
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0
    chart_page = next(p for p in result.path.glob("jiedu-*.html")
                      if "images/" in p.read_text("utf-8"))
    text = chart_page.read_text("utf-8")
    assert "<table>" in text and "数据来源：" in text and ".svg" in text


def test_verify_pack_accepts_the_web_pack_and_sees_a_changed_page(web, tmp_path):
    ctx, result = web
    contents = read_pack(result.path)
    assert contents.manifest["pack"] == "web"
    assert compare_pack(contents, digest=ctx.digest, signoff_digests={ctx.digest}) == []
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(result.path, copy)
    page = copy / "jiedu-01.html"
    page.write_text(page.read_text("utf-8").replace("</h1>", "（已改）</h1>"), "utf-8")
    problems = compare_pack(read_pack(copy), digest=ctx.digest, signoff_digests={ctx.digest})
    assert any("jiedu-01.html" in p for p in problems)


def test_web_pack_as_zip_verifies(tmp_path):
    ctx = make_context()
    result = export_package(ctx, tmp_path, pack="web", as_zip=True)
    with zipfile.ZipFile(result.path) as zf:
        assert "metadata.xml" in zf.namelist() and "manifest.json" in zf.namelist()
    assert compare_pack(read_pack(result.path), digest=ctx.digest,
                        signoff_digests={ctx.digest}) == []


def test_unsigned_package_gives_no_web_pack(tmp_path):
    with pytest.raises(WorkflowError):
        export_package(make_context(signed=False, state="draft"), tmp_path, pack="web")


def test_document_not_proactively_disclosed_has_no_page_and_no_dangling_link(tmp_path):
    ctx = make_context()
    package = ctx.package
    package.document.disclosure = "依申请公开"
    ctx = dataclasses.replace(make_context(), package=package)
    ctx = dataclasses.replace(ctx, signoffs=tuple(dataclasses.replace(s, digest=ctx.digest)
                                                  for s in ctx.signoffs), digest=ctx.digest)
    result = export_package(ctx, tmp_path, pack="web")
    assert not (result.path / "policy.html").exists()
    meta = json.loads((result.path / "metadata.json").read_text("utf-8"))
    assert all(p["related_documents"][0]["href"] == "" for p in meta["pages"])
    assert all("policy.html" not in links(t) for t in pages(result.path).values())


def test_markup_in_titles_and_bodies_is_escaped(tmp_path):
    hostile = Material.new("article", "<script>alert(1)</script>标题",
                           body="一、正文<img src=x onerror=alert(1)>\n普通段落 & “引号”")
    ctx = make_context(materials=[hostile])
    result = export_package(ctx, tmp_path, pack="web")
    tree = parse_strict((result.path / "jiedu-01.html").read_bytes())
    assert not list(tree.iter(f"{NS}script"))
    assert [i for i in tree.iter(f"{NS}img")] == []
    assert "<script>alert(1)</script>标题" in "".join(tree.find(f".//{NS}h1").itertext())


def test_export_web_pack_through_the_service_and_verify(seeded, tmp_path):
    pkg = released_package(seeded)
    result = seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path, pack="web")
    manifest, problems = seeded.wb.exports.verify_pack(result.path)
    assert problems == [] and manifest["pack_label"] == "网站发布包"


def test_internal_notes_and_speaking_time_never_reach_the_website(tmp_path):
    speech = Material.new("speech", "发布词", body="一、总体情况（预计讲话时长约6分钟）\n"
                          "就业形势稳定。【内部：数据待人社部确认】\n各位记者朋友。")
    result = export_package(make_context(materials=[speech]), tmp_path, pack="web")
    page = (result.path / "jiedu-01.html").read_text("utf-8")
    assert "就业形势稳定" in page and "各位记者朋友" in page
    assert "预计讲话时长" not in page and "待人社部确认" not in page
    assert not re.search(r"共\d+字", page)
