"""Authoring from the command line: `material`, `plan`, `document` and `embargo-override`.

Departments script packages with these; they call the same services (permissions, checks,
row versions) as the window. Fields are named in Chinese or English; list fields take several
values (`plan set 7 解读形式 文字解读 政策问答`)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from .cli_commands import EXIT_OK, _actor, _emit, _open
from .domain.errors import ValidationError
from .domain.model import Interpreter, Material, Person, QAPair, to_dict
from .domain.vocabulary import DOCUMENT_FIELD_LABELS, PLAN_FIELD_LABELS, PRESS_FIELD_LABELS

# plan field → how its command-line values are read: "text", "list", "person", "interpreters",
# "timing" or "press"; the names come from domain/vocabulary.py.
_PLAN_KINDS = {
    "outline": "text", "forms": "list", "channels": "list", "timing": "timing",
    "first_interpreter": "person", "interpreters": "interpreters", "proposed_doc_number": "text",
    "lead_unit": "text", "joint_units": "list", "audiences": "text", "risk_level": "text",
    "key_risks": "text", "response_plan": "text", "response_lines": "text",
    **dict.fromkeys(PRESS_FIELD_LABELS, "press"), "contact_person": "text", "contact_phone": "text",
}
_PLAN_LABELS = {**PLAN_FIELD_LABELS, **PRESS_FIELD_LABELS, "timing": "解读时间"}
PLAN_FIELDS: dict[str, tuple[str, str]] = {k: (_PLAN_LABELS[k], kind) for k, kind in _PLAN_KINDS.items()}
DOCUMENT_FIELDS: dict[str, str] = {k: v for k, v in DOCUMENT_FIELD_LABELS.items()
                                   if k not in ("disclosure_reason", "source_file")}
# Other names writers use for the same fields.
_ALIASES = {"解读重点": "outline", "解读提纲/解读重点": "outline", "牵头单位": "lead_unit",
            "风险等级": "risk_level", "联合单位": "joint_units", "发布会时间": "press_conference.time",
            "发布会地点": "press_conference.place", "主持人": "press_conference.host",
            "发布人": "press_conference.speakers", "邀请媒体": "press_conference.media",
            "其他解读人": "interpreters", "公开方式": "disclosure"}


def add_authoring_parsers(sub) -> None:
    """The `material`, `plan`, `document` and `embargo-override` commands."""
    mat = sub.add_parser("material", help="解读材料：添加、列出、修改").add_subparsers(
        dest="action", required=True)
    m_add = mat.add_parser("add", help="添加解读材料")
    m_add.add_argument("id", type=int)
    m_add.add_argument("kind", help="材料类型：article、qa、chart、speech… 或中文名称（文字解读、政策问答…）")
    m_add.add_argument("--title", default="")
    source = m_add.add_mutually_exclusive_group()
    source.add_argument("--from-template", action="store_true", help="以该类型的模板开始")
    source.add_argument("--file", type=Path,
                        help="正文文件（问答类按“问：”“答：”分行；图解为逗号分隔的表：项目,系列名）")
    _material_options(m_add)
    m_list = mat.add_parser("list", help="列出解读材料")
    m_list.add_argument("id", type=int)
    m_list.add_argument("--as", dest="actor")
    m_set = mat.add_parser("set", help="修改解读材料")
    m_set.add_argument("id", type=int)
    m_set.add_argument("mid", help="材料编号（material list 所示的 ID 或序号）")
    m_set.add_argument("--file", type=Path, help="新的正文文件")
    m_set.add_argument("--title")
    _material_options(m_set)

    plan = sub.add_parser("plan", help="解读方案：查看、设置字段").add_subparsers(
        dest="action", required=True)
    p_show = plan.add_parser("show", help="显示解读方案")
    p_show.add_argument("id", type=int)
    p_show.add_argument("--as", dest="actor")
    p_set = plan.add_parser("set", help="设置解读方案字段（列表字段可给多个值）")
    p_set.add_argument("id", type=int)
    p_set.add_argument("field", help="字段：" + "、".join(v[0] for v in PLAN_FIELDS.values()))
    p_set.add_argument("values", nargs="*", help="值；列表字段每项一个；不给值则清空")
    p_set.add_argument("--file", type=Path, help="从文件读取值（长文本）")
    p_set.add_argument("--as", dest="actor", required=True)

    doc = sub.add_parser("document", help="政策文件：设置字段").add_subparsers(
        dest="action", required=True)
    d_set = doc.add_parser("set", help="设置政策文件字段")
    d_set.add_argument("id", type=int)
    d_set.add_argument("field", help="字段：" + "、".join(DOCUMENT_FIELDS.values()))
    d_set.add_argument("values", nargs="*")
    d_set.add_argument("--file", type=Path, help="从文件读取值（如正文）")
    d_set.add_argument("--as", dest="actor", required=True)

    emb = sub.add_parser("embargo-override", help="管理员登记在发布时间限制前发布的理由")
    emb.add_argument("id", type=int)
    emb.add_argument("--reason", required=True)
    emb.add_argument("--as", dest="actor", required=True)


def _material_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--audience", choices=["public", "internal"])
    p.add_argument("--embargo", help="发布时间限制，如 2026-03-25T10:00；空字符串清除")
    p.add_argument("--as", dest="actor", required=True)


# -- commands ------------------------------------------------------------------------------

def cmd_material(args) -> int:
    wb = _open(args)
    try:
        actor = _actor(wb, args.actor)
        if args.action == "add":
            material = wb.authoring.add_material(actor, args.id, _new_material(wb, actor, args))
            print(f"已添加解读材料 {material.id}：{material.title}")
        elif args.action == "set":
            material = _changed_material(wb, actor, args)
            wb.authoring.save_material(actor, args.id, material)
            print(f"已保存解读材料 {material.id}：{material.title}")
        else:
            package = wb.authoring.get(actor, args.id)
            _emit(args, [to_dict(m) for m in package.materials], _material_lines(package))
    finally:
        wb.close()
    return EXIT_OK


def _kind_code(kind: str) -> str:
    from .domain.kinds import MATERIAL_KINDS

    for k in MATERIAL_KINDS:
        if kind in (k.code, k.label):
            return k.code
    raise ValidationError(f"未知的材料类型：{kind}（可用：{'、'.join(k.code for k in MATERIAL_KINDS)}）")


def _new_material(wb, actor, args) -> Material:
    from .domain.material_templates import template_material

    kind = _kind_code(args.kind)
    title = wb.authoring.get(actor, args.id).title
    if args.from_template:
        material = template_material(kind, title)
    else:
        material = Material.new(kind, args.title or "")
        if args.file:
            material = _with_text(material, _read(args.file))
    if args.title:
        material = dataclasses.replace(material, title=args.title)
    if not material.title:
        from .domain.kinds import material_kind

        material = dataclasses.replace(material, title=material_kind(kind).label)
    return _with_options(material, args)


def _changed_material(wb, actor, args) -> Material:
    package = wb.authoring.get(actor, args.id)
    found = [m for i, m in enumerate(package.materials, 1) if args.mid in (m.id, str(i))]
    if not found:
        raise ValidationError(f"解读包 {args.id} 中没有材料 {args.mid}（用 material list 查看）")
    material = found[0]
    if args.file:
        material = _with_text(material, _read(args.file))
    if args.title:
        material = dataclasses.replace(material, title=args.title)
    return _with_options(material, args)


def _with_options(material: Material, args) -> Material:
    if args.audience:
        material = dataclasses.replace(material, audience=args.audience)
    if args.embargo is not None:
        material = dataclasses.replace(material, embargo=args.embargo)
    return material


def _with_text(material: Material, text: str) -> Material:
    """Body text, or question/answer pairs (问：… / 答：…) for the Q&A kinds."""
    from .domain.kinds import material_kind

    editor = material_kind(material.kind).editor
    if editor == "chart":
        return dataclasses.replace(material, chart=_chart_from_table(material, text))
    if editor != "qa":
        return dataclasses.replace(material, body=text)
    pairs: list[QAPair] = []
    for line in text.splitlines():
        line = line.strip()
        if line[:2] in ("问：", "问:"):
            pairs.append(QAPair(line[2:].strip(), ""))
        elif line[:2] in ("答：", "答:") and pairs:
            pairs[-1].answer = line[2:].strip()
        elif line and pairs and pairs[-1].answer:
            pairs[-1].answer += "\n" + line
    if not pairs:
        raise ValidationError("问答类材料的文件应按“问：”“答：”分行书写")
    return dataclasses.replace(material, qa=pairs)


def _chart_from_table(material: Material, text: str):
    """A chart from comma-separated lines: a header (项目,系列名…) then one category a line."""
    from .domain.model import ChartSpec, Series

    rows = [[c.strip() for c in line.replace("，", ",").split(",")] for line in text.splitlines()
            if line.strip()]
    if len(rows) < 2 or len(rows[0]) < 2:
        raise ValidationError("图表文件应为逗号分隔：首行“项目,系列名”，其后每行“分类,数值”")
    series = [Series(name, []) for name in rows[0][1:]]
    for row in rows[1:]:
        for i, s in enumerate(series):
            cell = row[i + 1] if i + 1 < len(row) else ""
            try:
                s.values.append(float(cell) if cell else None)
            except ValueError:
                raise ValidationError(f"图表数值“{cell}”不是数字") from None
    base = material.chart or ChartSpec(title=material.title)
    return dataclasses.replace(base, categories=[r[0] for r in rows[1:]], series=series)


def _material_lines(package) -> str:
    from .domain.checks.parts import material_text
    from .domain.kinds import AUDIENCE_LABELS, material_kind
    from .domain.text import char_count

    return "\n".join(
        f"{i:>3}  {m.id}  [{material_kind(m.kind).label}/{AUDIENCE_LABELS[m.audience]}] {m.title}"
        f"（{char_count(material_text(m))}字）" for i, m in enumerate(package.materials, 1)) or "（无）"


def _read(path: Path) -> str:
    """The paragraphs of a .txt or .docx file (other files, the database among them, refused)."""
    from .domain.importing import read_file

    return read_file(Path(path)).text


def cmd_plan(args) -> int:
    wb = _open(args)
    try:
        actor = _actor(wb, args.actor)
        package = wb.authoring.get(actor, args.id)
        if args.action == "show":
            _emit(args, to_dict(package.plan), plan_lines(package.plan))
            return EXIT_OK
        field = _field_name(args.field, {k: v[0] for k, v in PLAN_FIELDS.items()}, "解读方案")
        plan = set_plan_field(package.plan, field, _values(args))
        wb.authoring.save_plan(actor, args.id, plan, package.plan_version)
        print(f"已设置解读方案“{PLAN_FIELDS[field][0]}”")
    finally:
        wb.close()
    return EXIT_OK


def cmd_document(args) -> int:
    wb = _open(args)
    try:
        actor = _actor(wb, args.actor)
        package = wb.authoring.get(actor, args.id)
        field = _field_name(args.field, DOCUMENT_FIELDS, "政策文件")
        values = _values(args)
        value = values if field in ("joint_issuers", "attachments") else "\n".join(values)
        document = dataclasses.replace(package.document, **{field: value})
        wb.authoring.save_document(actor, args.id, document, package.document_version)
        print(f"已设置政策文件“{DOCUMENT_FIELDS[field]}”")
    finally:
        wb.close()
    return EXIT_OK


def cmd_embargo_override(args) -> int:
    wb = _open(args)
    try:
        wb.review.override_embargo(_actor(wb, args.actor), args.id, args.reason)
        print(f"已登记解读包 {args.id} 提前发布的理由")
    finally:
        wb.close()
    return EXIT_OK


def _values(args) -> list[str]:
    if args.file:
        return [_read(args.file)]
    return list(args.values)


def _field_name(name: str, names: dict[str, str], what: str) -> str:
    name = _ALIASES.get(name, name)
    for key, label in names.items():
        if name in (key, label):
            return key
    raise ValidationError(f"{what}没有字段“{name}”（可用：{'、'.join(names.values())}）")


def set_plan_field(plan, field: str, values: list[str]):
    """The plan with one field set from command-line values."""
    kind = PLAN_FIELDS[field][1]
    if kind == "list":
        return dataclasses.replace(plan, **{field: [v for v in values if v.strip()]})
    text = " ".join(values).strip() if kind != "text" else "\n".join(values)
    if kind == "person":
        name, _, title = text.partition(" ")
        return dataclasses.replace(plan, first_interpreter=Person(name.strip(), title.strip()))
    if kind == "interpreters":
        return dataclasses.replace(plan, interpreters=[_interpreter(v) for v in values if v.strip()])
    if kind == "timing":
        return _timing(plan, text)
    if kind == "press":
        sub = field.split(".", 1)[1]
        return dataclasses.replace(plan, press_conference=dataclasses.replace(
            plan.press_conference, **{sub: text}))
    return dataclasses.replace(plan, **{field: text})


def _interpreter(value: str) -> Interpreter:
    """“姓名 职务 角色” (角色: 主要负责人/分管领导/处室负责人/专家)."""
    parts = value.split()
    return Interpreter(*(parts + ["", "", ""])[:3])


def _timing(plan, text: str):
    if text in ("same_day", "同日", "与文件同日"):
        return dataclasses.replace(plan, timing="same_day")
    digits = "".join(ch for ch in text if ch.isdigit())
    if digits:
        return dataclasses.replace(plan, timing="within_days", timing_days=int(digits))
    raise ValidationError("解读时间应为“同日”或“N个工作日内”")


def plan_lines(plan) -> str:
    """The plan as `名称：值` lines."""
    lines = []
    for field, (label, kind) in PLAN_FIELDS.items():
        value = plan
        for name in field.split("."):
            value = getattr(value, name)
        if kind == "list":
            value = "、".join(value)
        elif kind == "person":
            value = f"{value.name} {value.title}".strip()
        elif kind == "interpreters":
            value = "；".join(f"{i.name} {i.title} {i.role}".strip() for i in value)
        elif kind == "timing":
            value = "与文件同日" if value == "same_day" else f"文件发布后{plan.timing_days}个工作日内"
        lines.append(f"{label}：{value or '—'}")
    return "\n".join(lines)


AUTHORING_COMMANDS = {"material": cmd_material, "plan": cmd_plan, "document": cmd_document,
                      "embargo-override": cmd_embargo_override}
