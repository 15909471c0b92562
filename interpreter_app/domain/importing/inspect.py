"""`inspect FILE`: what an import would yield, as JSON-ready data and as readable Chinese text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checks import SEVERITY_LABELS
from ..checks.engine import run_checks
from ..model import Package
from ..vocabulary import DOCUMENT_FIELD_LABELS as FIELD_LABELS
from .files import read_file
from .parse import ParsedDocument, parse_document

# Findings about the package as a whole, which say nothing about a file on its own.
PACKAGE_LEVEL_CODES = frozenset({"missing-element", "speech-length"})

CODE_LABELS = {
    "doc-number-format": "发文字号格式", "duplicate-paragraph": "段落重复", "web-leftover": "网页残留",
    "traditional-script": "繁体字", "variant-term": "用语规范", "heading-sequence": "标题序号",
    "punctuation": "标点", "date-format": "日期格式", "fact-mismatch": "与原文不符",
    "missing-element": "解读要素缺失", "speech-length": "发布稿过长", "long-sentence": "长句",
    "garbage-chars": "疑似乱码",
}


def inspect_path(path: Path, encoding: str | None = None) -> dict[str, Any]:
    """Encoding, metadata, outline, key tasks and check findings of one file."""
    imported = read_file(Path(path), encoding=encoding)
    parsed = parse_document(imported, simplify=False)  # findings point at the text as written
    return {
        "encoding": imported.encoding,
        "source": imported.source,
        "notices": imported.warnings + parsed.notices,
        "metadata": parsed.metadata(),
        "outline": [{"level": h.level, "text": h.text} for h in parsed.outline],
        "tasks": [{"text": t.text, "lead_departments": list(t.lead_departments),
                   "other_departments": list(t.other_departments), "deadlines": list(t.deadlines)}
                  for t in parsed.tasks],
        "findings": [{"code": f.code, "severity": f.severity, "part": f.part,
                      "paragraph": f.paragraph, "excerpt": f.excerpt, "suggestion": f.suggestion,
                      "message": f.message, "span": f.span, "count": f.count,
                      "places": list(f.places)}
                     for f in document_findings(parsed)],
    }


def document_findings(parsed: ParsedDocument) -> list:
    """Check findings for the document alone (empty plan and materials)."""
    package = Package(id=None, department_id=0, created_by=0, document=parsed.document)
    return [f for f in run_checks(package) if f.code not in PACKAGE_LEVEL_CODES]


def _where(f: dict[str, Any]) -> str:
    if f["paragraph"] < 0:
        return "元数据"
    if f.get("span", 1) > 1:
        return f"正文第{f['paragraph'] + 1}–{f['paragraph'] + f['span']}段"
    if f.get("count", 1) > 1:
        return f"正文{f['count']}处（首处第{f['paragraph'] + 1}段）"
    return f"正文第{f['paragraph'] + 1}段"


def format_inspection(result: dict[str, Any]) -> str:
    """The inspection as readable Chinese text for the terminal."""
    lines = [f"编码：{result['encoding']}"]
    lines += [f"说明：{n}" for n in result.get("notices", [])]
    lines += ["", "文件信息："]
    for name, value in result["metadata"].items():
        shown = "、".join(value) if isinstance(value, list) else value
        lines.append(f"  {FIELD_LABELS.get(name, name)}：{shown}")
    if not result["metadata"]:
        lines.append("  （未识别到）")
    lines += ["", f"提纲（{len(result['outline'])}项）："]
    lines += ["  " + "  " * (h["level"] - 1) + h["text"] for h in result["outline"]]
    lines += ["", f"重点任务（{len(result['tasks'])}项）："]
    for n, task in enumerate(result["tasks"], 1):
        lines.append(f"  {n}. {task['text'][:60]}")
        lines.append(f"     牵头：{'、'.join(task['lead_departments']) or '—'}；"
                     f"配合：{'、'.join(task['other_departments']) or '—'}；"
                     f"时限：{'；'.join(task['deadlines']) or '—'}")
    lines += ["", f"检查结果（{len(result['findings'])}条）："]
    for f in result["findings"]:
        where = _where(f)
        tip = f" → 建议：{f['suggestion']}" if f["suggestion"] else ""
        label = CODE_LABELS.get(f["code"], f["code"])
        text = f["message"] if f.get("count", 1) > 1 or f.get("span", 1) > 1 else f["excerpt"]
        lines.append(f"  [{SEVERITY_LABELS.get(f['severity'], f['severity'])}] {label}（{f['code']}）"
                     f"{where}：{text}{tip}")
    if not result["findings"]:
        lines.append("  未发现问题")
    return "\n".join(lines)
