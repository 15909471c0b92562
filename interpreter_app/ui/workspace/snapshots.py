"""Snapshots as readable lines, and a side-by-side paragraph diff as HTML (no widgets here)."""

from __future__ import annotations

import difflib
import html
import json
from typing import Any

from ...domain.digest import canonical_content
from ...domain.kinds import AUDIENCE_LABELS, CHART_TYPE_LABELS, KINDS_BY_CODE
from ...domain.model import Decision, Package, Revision
from ...domain.text import paragraphs
from ...domain.vocabulary import DOCUMENT_FIELD_LABELS, PLAN_FIELD_LABELS

CONTEXT = 2  # unchanged paragraphs shown around a change
DOCUMENT_FIELDS = tuple((k, DOCUMENT_FIELD_LABELS[k]) for k in (
    "title", "doc_number", "issuer", "index_number", "written_date", "publish_date",
    "effective_date", "validity", "genre", "topic", "disclosure", "masthead", "signer",
    "attachments", "note", "copy_to", "printer", "print_date"))
PLAN_FIELDS = tuple((k, PLAN_FIELD_LABELS[k]) for k in (
    "proposed_doc_number", "lead_unit", "audiences", "risk_level", "key_risks", "response_plan",
    "response_lines", "contact_person", "contact_phone"))
REVIEW_ACTIONS = ("pass", "return", "sign")


def content_of_package(package: Package) -> dict[str, Any]:
    """The canonical content tree of a (working) package."""
    return canonical_content(package.document, package.plan, package.materials)


def content_of_revision(revision: Revision) -> dict[str, Any]:
    """The canonical content tree stored in a snapshot."""
    return json.loads(revision.snapshot)


def lines_of(content: dict[str, Any]) -> list[str]:
    """The content as lines: section headings (■ …), fields and paragraphs."""
    return _document_lines(content["document"]) + _plan_lines(content["plan"]) + [
        line for index, m in enumerate(content["materials"], start=1)
        for line in _material_lines(index, m)]


def _document_lines(doc: dict) -> list[str]:
    lines = ["■ 政策文件"]
    lines += [f"{label}：{_shown(doc[key])}" for key, label in DOCUMENT_FIELDS if doc.get(key)]
    return lines + paragraphs(doc.get("body", ""))


def _shown(value: Any) -> str:
    return "、".join(value) if isinstance(value, list) else str(value)


def _plan_lines(plan: dict) -> list[str]:
    first = plan.get("first_interpreter") or {}
    lines = ["■ 解读方案", *paragraphs(plan.get("outline", "")),
             "解读形式：" + "、".join(plan.get("forms", [])),
             "解读渠道：" + "、".join(plan.get("channels", [])),
             "解读时间：" + ("与文件同日" if plan.get("timing") == "same_day"
                          else f"文件发布后{plan.get('timing_days')}个工作日内"),
             f"第一解读人：{first.get('name', '')} {first.get('title', '')}".rstrip()]
    lines += [f"解读人：{i['name']} {i['title']} {i['role']}".rstrip()
              for i in plan.get("interpreters", [])]
    lines += [f"{label}：{plan[key]}" for key, label in PLAN_FIELDS if plan.get(key)]
    lines += [f"重点任务：{t['task']}｜{t['lead']}｜{t['deadline']}" for t in plan.get("key_tasks", [])]
    return lines


def _material_lines(index: int, m: dict) -> list[str]:
    kind = KINDS_BY_CODE.get(m.get("kind", ""))
    label = kind.label if kind else m.get("kind", "")
    audience = AUDIENCE_LABELS.get(m.get("audience", ""), "")
    lines = [f"■ 材料{index}：{m.get('title', '')}（{label}，{audience}）"]
    if m.get("byline"):
        lines.append(f"署名：{m['byline']}")
    lines += paragraphs(m.get("body", ""))
    for pair in m.get("qa", []):
        lines += [f"问：{pair['question']}", f"答：{pair['answer']}"]
    chart = m.get("chart")
    if chart:
        lines.append(f"图表：{CHART_TYPE_LABELS.get(chart['type'], chart['type'])}｜{chart['title']}"
                     f"｜单位 {chart['unit']}｜来源 {chart['source']}")
        for s in chart.get("series", []):
            values = "、".join(f"{c} {v}" for c, v in zip(chart["categories"], s["values"],
                                                         strict=False))
            lines.append(f"数据 {s['name']}：{values}")
    if m.get("caption"):
        lines.append(f"图注：{m['caption']}")
    return lines


def last_review_snapshot(user_id: int, decisions: list[Decision],
                         revisions: list[Revision]) -> Revision | None:
    """The snapshot this user last passed, returned or signed (the latest one not after it)."""
    mine = [d for d in decisions if d.actor_id == user_id and d.action in REVIEW_ACTIONS]
    if not mine:
        return None
    at = mine[-1].at
    earlier = [r for r in revisions if r.created_at <= at]
    return earlier[-1] if earlier else None


# ---- diff -----------------------------------------------------------------------------------

def _cell(text: str, css: str = "") -> str:
    return f"<td class='{css}'>{text}</td>"


def _inline(a: str, b: str) -> tuple[str, str]:
    """Both lines with the changed characters marked."""
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = html.escape(a[i1:i2]), html.escape(b[j1:j2])
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            left.append(f"<span class='del'>{x}</span>" if x else "")
            right.append(f"<span class='ins'>{y}</span>" if y else "")
    return "".join(left), "".join(right)


def _rows_for(op: str, a: list[str], b: list[str]) -> list[str]:
    rows = []
    for k in range(max(len(a), len(b))):
        x = a[k] if k < len(a) else None
        y = b[k] if k < len(b) else None
        if x is not None and y is not None and op == "replace":
            lx, ry = _inline(x, y)
            rows.append(_cell(lx, "old") + _cell(ry, "new"))
        else:
            rows.append(_cell(html.escape(x) if x is not None else "", "old" if x is not None else "")
                        + _cell(html.escape(y) if y is not None else "",
                                "new" if y is not None else ""))
    return rows


def _equal_rows(lines: list[str], first: bool, last: bool) -> list[str]:
    show = [html.escape(line) for line in lines]
    if len(show) > 2 * CONTEXT + 1:
        head = [] if first else show[:CONTEXT]
        tail = [] if last else show[-CONTEXT:]
        skipped = len(show) - len(head) - len(tail)
        gap = f"<td colspan='2' class='gap'>… {skipped} …</td>"
        return [_cell(t) + _cell(t) for t in head] + [gap] + [_cell(t) + _cell(t) for t in tail]
    return [_cell(t) + _cell(t) for t in show]


def diff_html(left: list[str], right: list[str], left_title: str,
              right_title: str) -> tuple[str, int]:
    """Two-column HTML (removed red on the left, added green on the right) and the change count."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    codes = matcher.get_opcodes()
    rows = []
    for n, (op, i1, i2, j1, j2) in enumerate(codes):
        if op == "equal":
            rows += _equal_rows(left[i1:i2], n == 0, n == len(codes) - 1)
        else:
            rows += _rows_for(op, left[i1:i2], right[j1:j2])
    changed = sum(1 for c in codes if c[0] != "equal")
    head = (f"<tr><th>{html.escape(left_title)}</th><th>{html.escape(right_title)}</th></tr>")
    body = "".join(f"<tr>{r}</tr>" for r in rows)
    return STYLE + f"<table width='100%' cellspacing='0' cellpadding='4'>{head}{body}</table>", changed


STYLE = ("<style>th{background:#eef1f5;text-align:left;} td{vertical-align:top;"
         "border-bottom:1px solid #eceff3;width:50%;} td.old{background:#fdecea;} "
         "td.new{background:#e6f4ea;} span.del{background:#f5b7b1;text-decoration:line-through;} "
         "span.ins{background:#a8dab5;} td.gap{color:#80868b;text-align:center;"
         "background:#f8f9fa;}</style>")
