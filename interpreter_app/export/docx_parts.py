"""Word files for the policy document, the interpretation plan and a pack's index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.model import InterpretationPlan, SignOff
from ..domain.validation import format_date_cn, format_datetime_cn
from .context import INTERNAL_MARK, ExportContext
from .docx_builder import GovDocument
from .docx_layout import set_core_properties

TIMING_SAME_DAY = "与政策文件同日发布"
LABEL_WIDTH_MM, VALUE_WIDTH_MM = 44, 112


@dataclass(frozen=True)
class IndexEntry:
    """One file listed in a pack's index document."""

    number: str
    file_name: str
    title: str
    kind: str
    audience: str  # 公开 / 内部
    formats: str = "docx"  # e.g. docx/png/svg for a chart


def new_part(ctx: ExportContext, title: str, *, internal: bool) -> GovDocument:
    """A document marked 内部资料 and/or with the draft mark, with its core properties set."""
    marks = tuple(m for m in (INTERNAL_MARK if internal else "", ctx.draft_mark) if m)
    gov = GovDocument(ctx.settings, marks=marks, top_line=ctx.draft_mark)
    signoff = ctx.signoff
    set_core_properties(
        gov.doc, title=title, author=ctx.department_name, digest=ctx.digest,
        created=signoff.signed_at if signoff else ctx.generated_at,
    )
    return gov


def save_docx(doc: Any, path: Path) -> Path:
    """Write a python-docx Document to a path and return the path."""
    doc.save(str(path))
    return path


# ---- 政策文件 -------------------------------------------------------------------------------

def policy_document_docx(ctx: ExportContext) -> Any:
    """政策文件: title, 发文字号, body, then issuers centred over the right-aligned 成文日期."""
    document = ctx.package.document
    gov = new_part(ctx, document.title, internal=False)
    if document.masthead:  # 版头: 发文机关标志, 发文字号 and 签发人 over the red line
        gov.masthead(document.masthead)
        _number_line(gov, document)
        gov.red_rule()
        gov.title(document.title)
    else:
        gov.title(document.title)
        _number_line(gov, document)
    gov.blank()
    gov.body(document.body)
    gov.attachment_note(document.attachments)
    issuers = [n for n in (document.issuer, *document.joint_issuers) if n]
    date_text = format_date_cn(document.written_date)
    if issuers or date_text:
        gov.signature_block(issuers, date_text)
    gov.note(document.note)
    gov.imprint(document.copy_to, document.printer, format_date_cn(document.print_date))
    return gov.doc


def _number_line(gov: GovDocument, document) -> None:
    if document.doc_number and document.signer:
        gov.number_and_signer(document.doc_number, document.signer)
    elif document.doc_number:
        gov.centered(document.doc_number)


# ---- 解读方案 -------------------------------------------------------------------------------

def plan_title(ctx: ExportContext) -> str:
    """《文件标题》解读方案."""
    return f"《{ctx.package.document.title}》解读方案"


def plan_docx(ctx: ExportContext) -> Any:
    """解读方案 (internal): fields table, key tasks and the sign-off block."""
    title = plan_title(ctx)
    gov = new_part(ctx, title, internal=True)
    gov.title(title)
    gov.blank()
    plan = ctx.package.plan
    gov.heading("一、方案要点")
    gov.table(plan_rows(plan), (LABEL_WIDTH_MM, VALUE_WIDTH_MM), header=False, label_column=True)
    if plan.key_tasks:
        gov.blank()
        gov.heading("二、重点任务")
        rows = [["序号", "任务", "牵头单位", "完成时限"]]
        rows += [[str(i), t.task, t.lead, t.deadline] for i, t in enumerate(plan.key_tasks, 1)]
        gov.table(rows, (14, 64, 38, 40), centered_columns=(0, 3))
    gov.blank()
    gov.heading(f"{'三' if plan.key_tasks else '二'}、签发")
    _signoff_block(gov, ctx.current_signoffs)
    return gov.doc


def plan_rows(plan: InterpretationPlan) -> list[list[str]]:
    """The plan's fields as (label, value) rows, in the order of the domain notes."""
    first = plan.first_interpreter
    rows = [
        ["解读提纲", plan.outline],
        ["解读形式", "、".join(plan.forms)],
        ["解读渠道", "、".join(plan.channels)],
        ["解读时间", _timing(plan)],
        ["第一解读人", _person(first.name, first.title)],
        ["其他解读人", "\n".join(_person(i.name, i.title, i.role) for i in plan.interpreters)],
        ["拟发文号", plan.proposed_doc_number],
        ["起草（牵头）单位", plan.lead_unit],
        ["联合发文单位", "、".join(plan.joint_units)],
        ["受众", plan.audiences],
        ["舆情风险等级", plan.risk_level],
        ["主要风险", plan.key_risks],
        ["应对预案", plan.response_plan],
        ["回应口径", plan.response_lines],
    ]
    conference = _conference(plan)
    if conference:
        rows.append(["新闻发布会安排", conference])
    rows += [["责任人（联系人）", plan.contact_person], ["联系电话", plan.contact_phone]]
    return rows


def _timing(plan: InterpretationPlan) -> str:
    if plan.timing == "within_days":
        return f"政策文件发布后{plan.timing_days}个工作日内"
    return TIMING_SAME_DAY


def _person(name: str, title: str, role: str = "") -> str:
    extra = "，".join(x for x in (title, role) if x)
    return f"{name}（{extra}）" if name and extra else name


def _conference(plan: InterpretationPlan) -> str:
    pc = plan.press_conference
    parts = (("时间", format_datetime_cn(pc.time) if _is_iso(pc.time) else pc.time),
             ("地点", pc.place), ("主持人", pc.host), ("发布人", pc.speakers),
             ("邀请媒体", pc.media))
    return "\n".join(f"{label}：{value}" for label, value in parts if value)


def _is_iso(value: str) -> bool:
    return len(value) >= 16 and value[4:5] == "-" and value[10:11] in ("T", " ")


def signer_text(signoff: SignOff) -> str:
    """李四（副厅长，代张三签发）: the signer with title, and “代” when signing for someone."""
    extra = [signoff.signer_title] if signoff.signer_title else []
    if signoff.on_behalf_of:
        extra.append(f"代{signoff.on_behalf_of}签发")
    return f"{signoff.signer_name}（{'，'.join(extra)}）" if extra else signoff.signer_name


def _signoff_block(gov: GovDocument, signoffs: Sequence[SignOff]) -> None:
    widths = (LABEL_WIDTH_MM, VALUE_WIDTH_MM)
    if not signoffs:
        table = gov.table([["签发人", ""], ["签发意见", ""], ["签发日期", "　　年　　月　　日"]],
                          widths, header=False, label_column=True)
        _row_heights(table, (15, 40, 15))
        keep_together(table)
        return
    for signoff in signoffs:
        table = gov.table([["签发人", signer_text(signoff)], ["签发意见", signoff.opinion],
                           ["签发日期", format_date_cn(signoff.signed_at)]],
                          widths, header=False, label_column=True)
        keep_together(table)


def keep_together(table: Any) -> None:
    """A sign-off block is never split over two pages: every row keeps with the next."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def _row_heights(table: Any, heights_mm: Sequence[float]) -> None:
    """Room to write by hand in an unsigned block."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Mm

    for row, height in zip(table.rows, heights_mm, strict=False):
        row.height = Mm(height)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


# ---- 目录 -----------------------------------------------------------------------------------

def index_docx(ctx: ExportContext, entries: Sequence[IndexEntry], pack_label: str, *,
               internal: bool = False) -> Any:
    """The pack's index: files with numbers and titles, digest, signer, release or embargo time."""
    title = ctx.package.document.title
    gov = new_part(ctx, f"{title}（{pack_label}目录）", internal=internal)
    gov.title(title)
    gov.centered(f"{pack_label}　文件目录", "kai")
    gov.blank()
    rows = [["序号", "标题", "类别", "文件格式", "属性"]]
    rows += [[e.number, e.title, e.kind, e.formats, e.audience] for e in entries]
    gov.table(rows, (14, 64, 30, 34, 14), centered_columns=(0, 2, 3, 4))
    note = "注：文件名由序号和标题组成"
    if any("png" in e.formats for e in entries):
        note += "；图解的 PNG、SVG 图片在 charts 文件夹中"
    gov.plain(note + "。", "table")
    gov.blank()
    gov.table(index_facts(ctx), (52, 104), header=False, label_column=True)
    return gov.doc


def index_facts(ctx: ExportContext) -> list[list[str]]:
    """Who signed what and when, the release or embargo time, and the digest."""
    package = ctx.package
    signoffs = ctx.current_signoffs
    rows = [
        ["解读包编号", f"{package.id if package.id is not None else ''}（第{package.revision}版）"],
        ["发文字号", package.document.doc_number],
        ["起草单位", ctx.department_name],
        ["签发人", "；".join(signer_text(s) for s in signoffs) or "（未签发）"],
        ["签发时间", "；".join(format_datetime_cn(s.signed_at) for s in signoffs)],
        ["发布时间", format_datetime_cn(ctx.released_at) if ctx.released_at else "（未发布）"],
    ]
    embargoes = sorted({m.embargo for m in package.materials if m.embargo})
    if embargoes:
        rows.append(["禁发时间", f"{format_datetime_cn(embargoes[0])} 前不得发布"])
    rows += [["生成时间", format_datetime_cn(ctx.generated_at)],
             ["摘要（SHA-256）", f"{ctx.digest[:32]}\n{ctx.digest[32:]}"]]
    return rows
