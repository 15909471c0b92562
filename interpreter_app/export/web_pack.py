"""The web pack (网站发布包): HTML pages, images and metadata a website's CMS loads as they are.

One page per public part (the 政策文件 when 主动公开, each public material), linked both ways
(关联原文 / 关联解读) by 索引号 and relative link; metadata.json and metadata.xml describe every
page with the fields a government portal shows. The manifest is added by packs.py, as for the
press pack, so verify-pack checks this pack the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..domain.kinds import material_form, material_kind
from ..domain.model import Material
from ..domain.outreach import DOCUMENT_PART, material_part
from ..domain.validation import format_date_cn
from ..resources import resource_path
from .context import ExportContext
from .docx_materials import material_title, public_copy
from .pack_plan import (
    PROACTIVE,
    ChartCache,
    PlannedFile,
    included_materials,
    media_files,
    media_name,
)
from .web_html import (
    ChartImage,
    Link,
    MediaLink,
    PageFrame,
    chart_alt,
    document_body,
    index_body,
    material_body,
    page,
)

WEB = "web"
INDEX_PAGE, DOCUMENT_PAGE = "index.html", "policy.html"
IMAGES_DIR, MEDIA_DIR = "images", "media"
METADATA_JSON, METADATA_XML = "metadata.json", "metadata.xml"
SCHEMA_JSON, SCHEMA_XSD = "metadata.schema.json", "metadata.xsd"
METADATA_FORMAT = "interpreter-app/web-metadata"
METADATA_VERSION = 1
DOCUMENT_TYPE, INTERPRETATION_TYPE = "政策文件", "政策解读"

# What each metadata key means, written into metadata.json for the website team.
FIELD_LABELS = {
    "title": "标题", "publisher": "发布机构", "doc_number": "发文字号", "index_number": "索引号",
    "written_date": "成文日期", "publish_date": "发布日期", "topic": "主题分类",
    "disclosure": "公开属性", "forms": "解读形式", "interpreters": "解读人",
    "related_documents": "关联原文", "related_interpretations": "关联解读",
    "digest": "解读包摘要（SHA-256）", "embargo": "禁发时间", "images": "图片",
    "media": "附件与链接（一图读懂、视频、音频、H5、访谈实录）", "part": "页面所属部分",
}


@dataclass(frozen=True)
class WebPage:
    """One page of the pack: its id, file, title and the part it shows."""

    page_id: str
    href: str
    title: str
    material: Material | None = None  # None for the policy document
    index: int = -1  # the material's place in the package

    @property
    def is_document(self) -> bool:
        """Whether this is the 政策文件's page."""
        return self.material is None


def web_pages(ctx: ExportContext) -> list[WebPage]:
    """The pages in order: the policy document (when 主动公开), then each public material."""
    pages = []
    if ctx.package.document.disclosure == PROACTIVE:
        pages.append(WebPage("policy", DOCUMENT_PAGE, ctx.package.title))
    for n, (index, material) in enumerate(included_materials(ctx, WEB), 1):
        page_id = f"jiedu-{n:02d}"
        # Internal production notes never reach the website, as in the press pack.
        pages.append(WebPage(page_id, f"{page_id}.html", material_title(material),
                             public_copy(material), index))
    return pages


def plan_web_pack(ctx: ExportContext) -> list[PlannedFile]:
    """Every file of the web pack except the manifest and its listing."""
    builder = _WebPackBuilder(ctx)
    return builder.files()


class _WebPackBuilder:
    """Makes the pages, images and metadata of one package, each chart drawn once."""

    def __init__(self, ctx: ExportContext) -> None:
        self.ctx = ctx
        self.pages = web_pages(ctx)
        self.charts = ChartCache(ctx)

    def files(self) -> list[PlannedFile]:
        """Index page, one page per part, chart images, metadata and its schemas."""
        ctx = self.ctx
        files = [PlannedFile(INDEX_PAGE, f"{ctx.package.title}（网站发布包目录）", "目录", False,
                             self._index_page)]
        for p in self.pages:
            kind = DOCUMENT_TYPE if p.is_document else material_kind(p.material.kind).label
            files.append(PlannedFile(p.href, p.title, f"{kind}网页", False,
                                     lambda p=p: self._page(p).encode()))
            if self._has_chart(p):
                files += [
                    PlannedFile(self._image(p, "png"), p.title, f"{kind}图片", False,
                                lambda p=p: self.charts.png(p.index)),
                    PlannedFile(self._image(p, "svg"), p.title, f"{kind}图片", False,
                                lambda p=p: self.charts.svg(p.index)),
                ]
            if p.material is not None:
                files += media_files(self.ctx, p.material, p.page_id, False, MEDIA_DIR)
        files += [
            PlannedFile(METADATA_JSON, "网页元数据（JSON）", "元数据", False,
                        lambda: metadata_json(self.metadata()).encode()),
            PlannedFile(METADATA_XML, "网页元数据（XML）", "元数据", False,
                        lambda: metadata_xml(self.metadata())),
            PlannedFile(SCHEMA_JSON, "元数据格式（JSON Schema）", "元数据格式", False,
                        lambda: resource_path("schemas", SCHEMA_JSON).read_bytes()),
            PlannedFile(SCHEMA_XSD, "元数据格式（XML Schema）", "元数据格式", False,
                        lambda: resource_path("schemas", SCHEMA_XSD).read_bytes()),
        ]
        return files

    # -- pages --------------------------------------------------------------------------------
    def _has_chart(self, p: WebPage) -> bool:
        m = p.material
        return m is not None and m.chart is not None and material_kind(m.kind).editor == "chart"

    def _image(self, p: WebPage, fmt: str) -> str:
        return f"{IMAGES_DIR}/{p.page_id}.{fmt}"

    def _page(self, p: WebPage) -> str:
        doc = self.ctx.package.document
        if p.is_document:
            issuers = [n for n in (doc.issuer, *doc.joint_issuers) if n]
            body = document_body(doc.body, issuers, format_date_cn(doc.written_date))
            return page(p.title, self._frame(p, "政策文件", "关联解读"), body)
        chart = None
        if self._has_chart(p):
            chart = ChartImage(self._image(p, "png"), self._image(p, "svg"),
                               self.charts.png(p.index), chart_alt(p.material))
        label = f"政策解读 · {material_kind(p.material.kind).label}"
        return page(p.title, self._frame(p, label, "关联原文"),
                    material_body(p.material, chart, self._media(p)))

    def _media(self, p: WebPage) -> tuple[MediaLink, ...]:
        links = []
        for k, item in enumerate(p.material.media, 1):
            if item.sha256:
                links.append(MediaLink(item.kind, item.title, self._media_path(p, k, item.mime),
                                       item.alt, item.source, self.ctx.media[item.sha256]))
            else:
                links.append(MediaLink(item.kind, item.title, item.url, item.alt, item.source,
                                       is_file=False))
        return tuple(links)

    def _media_path(self, p: WebPage, k: int, mime: str) -> str:
        return f"{MEDIA_DIR}/{media_name(p.page_id, k, mime)}"

    def _frame(self, p: WebPage, kind_label: str, related_heading: str) -> PageFrame:
        meta = self.page_metadata(p)
        if p.is_document:
            related = tuple(Link(r["href"], r["title"], r["form"])
                            for r in meta["related_interpretations"])
        else:
            related = tuple(Link(r["href"], r["title"], _index_note(r["index_number"]))
                            for r in meta["related_documents"] if r["href"])
        rows = (("索引号", meta["index_number"]), ("发布机构", meta["publisher"]),
                ("发文字号", meta["doc_number"]), ("主题分类", meta["topic"]),
                ("成文日期", format_date_cn(meta["written_date"])),
                ("发布日期", format_date_cn(meta["publish_date"])),
                ("解读形式", "、".join(meta["forms"])), ("解读人", "、".join(meta["interpreters"])))
        if not p.is_document:
            rows = tuple(r for r in rows if r[0] not in ("发文字号",))
        footer = f"{self.ctx.department_name} · 解读包摘要 {self.ctx.digest[:16]}…"
        return PageFrame(kind_label, footer, INDEX_PAGE, related_heading, related, rows)

    def _index_page(self) -> bytes:
        rows = [(p.href, p.title, DOCUMENT_TYPE if p.is_document else
                 material_form(p.material.kind, p.material.interpreter_role)) for p in self.pages]
        note = (f"{self.ctx.department_name}：政策文件与解读材料同步发布（关联发布）。"
                f"各页面的元数据见 {METADATA_JSON} 与 {METADATA_XML}。")
        frame = PageFrame("网站发布包", f"解读包摘要 {self.ctx.digest}")
        return page(f"{self.ctx.package.title}（网站发布包）", frame,
                    index_body(rows, note)).encode()

    # -- metadata -----------------------------------------------------------------------------
    def metadata(self) -> dict[str, Any]:
        """The whole metadata tree: package, digest and one entry per page."""
        package = self.ctx.package
        return {
            "format": METADATA_FORMAT, "format_version": METADATA_VERSION,
            "package": {"id": package.id, "title": package.title, "revision": package.revision,
                        "department": self.ctx.department_name},
            "digest": self.ctx.digest, "released_at": self.ctx.released_at,
            "generated_at": self.ctx.generated_at, "field_labels": FIELD_LABELS,
            "pages": [self.page_metadata(p) for p in self.pages],
        }

    def page_metadata(self, p: WebPage) -> dict[str, Any]:
        """The fields of one page, as a portal's 信息公开 record shows them."""
        doc, ctx = self.ctx.package.document, self.ctx
        released = ctx.released_at[:10]
        signed = ctx.signoff.signed_at[:10] if ctx.signoff else ""
        entry: dict[str, Any] = {
            "id": p.page_id, "file": p.href, "type": DOCUMENT_TYPE, "title": p.title,
            "part": DOCUMENT_PART if p.is_document else material_part(p.material.id),
            "publisher": "、".join(n for n in (doc.issuer, *doc.joint_issuers) if n)
            or ctx.department_name,
            "doc_number": doc.doc_number,
            "index_number": doc.index_number or self._index_number(p),
            "written_date": doc.written_date, "publish_date": doc.publish_date or released,
            "topic": doc.topic, "disclosure": doc.disclosure, "forms": [], "interpreters": [],
            "related_documents": [], "related_interpretations": [], "images": [], "media": [],
            "embargo": "", "digest": ctx.digest,
        }
        if p.is_document:
            entry["related_interpretations"] = [self._interpretation_ref(q) for q in self.pages
                                                if not q.is_document]
            return entry
        m = p.material
        entry.update({
            "type": INTERPRETATION_TYPE, "publisher": ctx.department_name, "doc_number": "",
            # The portal gives an interpretation its own 索引号 when it is posted; the
            # posting record brings it back. Until then the page is known by its id.
            "index_number": self._index_number(p), "written_date": signed,
            "publish_date": (m.embargo or ctx.released_at)[:10], "disclosure": PROACTIVE,
            "forms": [material_form(m.kind, m.interpreter_role)],
            "interpreters": [m.byline] if m.byline else [], "embargo": m.embargo,
            "related_documents": [self._document_ref()],
        })
        if self._has_chart(p):
            entry["images"] = [{"png": self._image(p, "png"), "svg": self._image(p, "svg"),
                                "alt": chart_alt(m), "source": m.chart.source}]
        entry["media"] = [{"kind": item.kind, "title": item.title, "alt": item.alt,
                           "source": item.source, "sha256": item.sha256,
                           "file": self._media_path(p, k, item.mime) if item.sha256 else "",
                           "url": item.url} for k, item in enumerate(m.media, 1)]
        return entry

    def _document_ref(self) -> dict[str, str]:
        doc = self.ctx.package.document
        in_pack = any(p.is_document for p in self.pages)
        return {"index_number": doc.index_number or self.ctx.index_numbers.get(DOCUMENT_PART, ""),
                "title": doc.title,
                "doc_number": doc.doc_number, "href": DOCUMENT_PAGE if in_pack else ""}

    def _index_number(self, p: WebPage) -> str:
        part = DOCUMENT_PART if p.is_document else material_part(p.material.id)
        return self.ctx.index_numbers.get(part, "")

    def _interpretation_ref(self, p: WebPage) -> dict[str, str]:
        return {"id": p.page_id, "index_number": self._index_number(p), "title": p.title,
                "href": p.href,
                "form": material_form(p.material.kind, p.material.interpreter_role)}


def _index_note(index_number: str) -> str:
    return f"索引号 {index_number}" if index_number else ""


def metadata_json(tree: dict[str, Any]) -> str:
    """Stable JSON text of the metadata."""
    return json.dumps(tree, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_XML_LISTS = {"forms": "form", "interpreters": "interpreter", "related_documents": "document",
              "related_interpretations": "interpretation", "images": "image", "media": "item"}


def metadata_xml(tree: dict[str, Any]) -> bytes:
    """The same metadata as XML (UTF-8), the form many CMS importers take."""
    import xml.etree.ElementTree as ET

    root = ET.Element("webPack", {"format": METADATA_FORMAT,
                                  "version": str(METADATA_VERSION)})
    package = ET.SubElement(root, "package", {"id": str(tree["package"]["id"]),
                                              "revision": str(tree["package"]["revision"])})
    for key in ("title", "department"):
        ET.SubElement(package, key).text = str(tree["package"][key])
    for key in ("digest", "released_at", "generated_at"):
        ET.SubElement(root, key).text = str(tree[key])
    pages = ET.SubElement(root, "pages")
    for entry in tree["pages"]:
        element = ET.SubElement(pages, "page", {"id": entry["id"], "file": entry["file"],
                                                "type": entry["type"], "part": entry["part"]})
        for key in ("title", "publisher", "doc_number", "index_number", "written_date",
                    "publish_date", "topic", "disclosure", "embargo", "digest"):
            child = ET.SubElement(element, key, {"label": FIELD_LABELS[key]})
            child.text = str(entry[key])
        for key, item in _XML_LISTS.items():
            holder = ET.SubElement(element, key, {"label": FIELD_LABELS[key]})
            for value in entry[key]:
                if isinstance(value, dict):
                    ET.SubElement(holder, item, {k: str(v) for k, v in sorted(value.items())})
                else:
                    ET.SubElement(holder, item).text = str(value)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
