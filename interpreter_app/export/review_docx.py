"""The 征求意见稿 .docx of a whole package: document, plan and materials in one file that a
reader edits in Word, WPS or LibreOffice and that comes back in (review_reader, review_merge).

Every paragraph carries a bookmark naming its target and line, the file carries the package's
identity in custom properties (review_format). One paragraph per line of a target's text, the
line written exactly as it is, so the text read back compares character for character."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ..domain.changes import PLAN_TEXT_FIELDS
from ..domain.kinds import material_kind
from ..domain.model import Material
from ..domain.vocabulary import field_label
from . import docx_layout as L
from . import review_format as F
from .context import DRAFT_FOR_COMMENT, ExportContext
from .docx_builder import GovDocument
from .filenames import safe_name

CN_NUMBERS = "一二三四五六七八九十"
INSTRUCTIONS = ("说明：请在“修订”（跟踪修改、留痕）状态下修改，用“批注”提出意见，不要删除文中的书签。"
                "改好后保存为 .docx，由拟稿人在解读包中“导入修改稿”，修改和批注会回到各自的位置。")
PLAN_LABELS = {"outline": "解读提纲", "audiences": "解读对象", "key_risks": "主要风险",
               "response_plan": "应对预案", "response_lines": "回应口径"}
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


@dataclass
class _Writer:
    """A GovDocument that bookmarks every line it writes with its target and line number."""

    gov: GovDocument
    entries: list[F.TargetEntry] = field(default_factory=list)
    next_id: int = 1

    def target(self, target: str, text: str, *, prefix: str = "", role: str = "body",
               style: str | None = None, align: str | None = None,
               indent: dict[str, float] | None = None) -> None:
        """The lines of one target, each a bookmarked paragraph; `prefix` leads the first."""
        index = len(self.entries)
        lines = text.split("\n")
        self.entries.append(F.TargetEntry(index, target, len(lines), F.text_hash(text)))
        for n, line in enumerate(lines):
            lead = prefix if n == 0 else ""
            if role == "body" and style is None:
                line_style, runs = L.body_paragraph_parts(line)
            else:
                line_style, runs = style or "Normal", [(line, role)]
            p = self.gov.paragraph([(lead, role)] if lead else [], style=line_style, align=align,
                                   indent=indent)
            self._bookmark_start(p, F.content_bookmark(index, n, line))
            for piece, piece_role in runs:
                if piece:
                    L.format_run(p.add_run(piece), self.gov.roles[piece_role])
            self._bookmark_end(p)

    def _bookmark_start(self, p: Any, name: str) -> None:
        from docx.oxml import OxmlElement

        start = OxmlElement("w:bookmarkStart")
        start.set(L.qn("w:id"), str(self.next_id))
        start.set(L.qn("w:name"), name)
        p._p.append(start)

    def _bookmark_end(self, p: Any) -> None:
        from docx.oxml import OxmlElement

        end = OxmlElement("w:bookmarkEnd")
        end.set(L.qn("w:id"), str(self.next_id))
        p._p.append(end)
        self.next_id += 1

    def mark_structure(self) -> None:
        """Our headings and labels get a bookmark of their own, so that a paragraph a reader
        adds after them is never taken for part of the text above."""
        body = self.gov.doc.element.body
        n = 0
        for p in body.iter(L.qn("w:p")):
            names = [b.get(L.qn("w:name"), "") for b in p.iter(L.qn("w:bookmarkStart"))]
            if not any(name.startswith("_PR") for name in names):
                p.insert(1 if p.pPr is not None else 0, _structure_start(self.next_id, n))
                p.append(_structure_end(self.next_id))
                self.next_id += 1
                n += 1


def _structure_start(bookmark_id: int, n: int) -> Any:
    from docx.oxml import OxmlElement

    start = OxmlElement("w:bookmarkStart")
    start.set(L.qn("w:id"), str(bookmark_id))
    start.set(L.qn("w:name"), f"_PRS{n}")
    return start


def _structure_end(bookmark_id: int) -> Any:
    from docx.oxml import OxmlElement

    end = OxmlElement("w:bookmarkEnd")
    end.set(L.qn("w:id"), str(bookmark_id))
    return end


def review_file_name(ctx: ExportContext) -> str:
    """《title》征求意见稿 (第N版).docx, safe on every system."""
    name = f"{safe_name(ctx.package.title, '解读包', limit=40)}-{DRAFT_FOR_COMMENT}"
    if ctx.package.revision > 1:
        name += f"-第{ctx.package.revision}版"
    return name + ".docx"


def review_docx_bytes(ctx: ExportContext) -> bytes:
    """The 征求意见稿 of the whole package as .docx bytes, identity and bookmarks included."""
    package = ctx.package
    gov = GovDocument(ctx.settings, marks=(DRAFT_FOR_COMMENT,))
    L.set_core_properties(gov.doc, title=f"{package.title}（{DRAFT_FOR_COMMENT}）",
                          author=ctx.department_name, created=ctx.generated_at,
                          digest=ctx.digest)
    gov.doc.core_properties.last_modified_by = ""  # whoever saves it next writes their name
    w = _Writer(gov)
    gov.mark_line(DRAFT_FOR_COMMENT)
    gov.blank()
    w.target("document.title", package.document.title, role="title", style="Title")
    gov.blank()
    gov.paragraph([(INSTRUCTIONS, "kai")])
    sections = [("政策文件", lambda: _document(w, package.document.body))]
    if any(getattr(package.plan, f) for f in PLAN_TEXT_FIELDS):
        sections.append(("解读方案", lambda: _plan(w, package.plan)))
    if package.materials:
        sections.append(("解读材料", lambda: _materials(w, package.materials)))
    for n, (label, write) in enumerate(sections):
        gov.blank()
        gov.paragraph([(f"第{CN_NUMBERS[n]}部分　{label}", "title")], style="Title")
        gov.blank()
        write()
    w.mark_structure()
    return with_identity(gov.to_bytes(), _properties(ctx, w.entries))


def _document(w: _Writer, body: str) -> None:
    w.target("document.body", body)


def _plan(w: _Writer, plan) -> None:
    n = 0
    for name in PLAN_TEXT_FIELDS:
        text = getattr(plan, name)
        if not text:
            continue
        if n:
            w.gov.blank()
        w.gov.plain(f"【{PLAN_LABELS.get(name) or field_label(name)}】", "h1")
        w.target(f"plan.{name}", text)
        n += 1


def _materials(w: _Writer, materials: Sequence[Material]) -> None:
    for n, m in enumerate(materials):
        if n:
            w.gov.blank()
        number = CN_NUMBERS[n] if n < 10 else str(n + 1)
        w.gov.plain(f"【材料{number}　{material_kind(m.kind).label}】", "h1")
        if m.title:
            w.target(f"material:{m.id}.title", m.title, role="h1", style="Normal",
                     align="center", indent={})
        base = f"material:{m.id}"
        if m.body:
            w.target(f"{base}.body", m.body)
        for i, qa in enumerate(m.qa):
            number = f"{i + 1}." if len(m.qa) > 1 else ""
            w.target(f"{base}.qa.{i}.question", qa.question, prefix=f"问{number}：", role="h1",
                     style="Normal")
            w.target(f"{base}.qa.{i}.answer", qa.answer, prefix="答：")
        if m.caption:
            w.target(f"{base}.caption", m.caption, prefix="图注：")
        if m.byline:
            w.target(f"{base}.byline", m.byline, prefix="署名：", style="Normal", role="body",
                     align="right")


def _properties(ctx: ExportContext, entries: list[F.TargetEntry]) -> list[tuple[str, str]]:
    props = [(F.PROP_FORMAT, F.FORMAT_VERSION), (F.PROP_PACKAGE, str(ctx.package.id)),
             (F.PROP_REVISION, str(ctx.package.revision)), (F.PROP_DIGEST, ctx.digest)]
    props += [(f"{F.PROP_TARGETS}{i}", chunk)
              for i, chunk in enumerate(F.encode_targets(entries), 1)]
    return props


def custom_properties_xml(props: list[tuple[str, str]]) -> bytes:
    """docProps/custom.xml holding text properties."""
    items = "".join(
        f'<property fmtid="{FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props, 2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{items}</Properties>').encode()


def with_identity(docx: bytes, props: list[tuple[str, str]]) -> bytes:
    """The .docx with docProps/custom.xml added (python-docx has no custom properties)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/{CUSTOM_PART}" ContentType="{CUSTOM_TYPE}"/>'
                    "</Types>").encode())
            elif info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdReview1" Type="{CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
                    "</Relationships>").encode())
            if info.filename != CUSTOM_PART:
                dst.writestr(info, data)
        dst.writestr(CUSTOM_PART, custom_properties_xml(props))
    return out.getvalue()


def write_review_docx(ctx: ExportContext, out_dir: Path, *, force: bool = False) -> Path:
    """Write the 征求意见稿 into out_dir (atomically); TargetExistsError unless `force`."""
    import os
    import secrets

    from ..domain.errors import StorageError, TargetExistsError

    out_dir = Path(out_dir)
    target = out_dir / review_file_name(ctx)
    data = review_docx_bytes(ctx)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        if target.exists() and not force:
            raise TargetExistsError(target)
        temp = out_dir / f".{target.name}.partial-{secrets.token_hex(4)}"
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError as exc:
        raise StorageError(f"无法写入“{target}”：{exc.strerror or exc}") from exc
    return target
