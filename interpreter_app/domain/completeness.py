"""The completeness gate of submit (三同步: no part moves alone)."""

from __future__ import annotations

from .department_rules import DepartmentRules
from .kinds import PRESS_CONFERENCE_FORMS
from .model import Package
from .validation import check_doc_number


def missing_for_submit(package: Package, rules: DepartmentRules | None = None,
                       overridden: frozenset[str] = frozenset()) -> list[str]:
    """What must be fixed before the package can be submitted, in Chinese; [] when complete.

    `rules` are the department's (机关代字, leaders); findings whose code is in `overridden`
    were let through with a recorded reason."""
    missing = missing_parts(package)
    # The check engine pulls in every check module: imported on first submit, not at start-up.
    from .checks.engine import run_checks

    findings = [f for f in run_checks(package, rules)
                if f.blocking and f.code != "doc-number-format" and f.code not in overridden]
    return missing + refusal_lines(package, findings)


def missing_parts(package: Package) -> list[str]:
    """The parts and fields submit needs that are empty or malformed (no text checks)."""
    doc, plan = package.document, package.plan
    missing: list[str] = []
    if not doc.title.strip():
        missing.append("政策文件标题")
    if not doc.body.strip():
        missing.append("政策文件正文")
    if doc.disclosure != "主动公开" and not doc.disclosure_reason.strip():
        missing.append(f"政策文件公开属性为“{doc.disclosure}”，须填写不公开（依申请公开）的理由")
    problem = check_doc_number(doc.doc_number)
    if problem:
        missing.append(f"发文字号格式不正确（{problem.message}）")
    if not plan.outline.strip():
        missing.append("解读方案：解读提纲/解读重点")
    if not plan.forms:
        missing.append("解读方案：解读形式")
    if not plan.channels:
        missing.append("解读方案：解读渠道")
    if plan.timing not in ("same_day", "within_days"):
        missing.append("解读方案：解读时间")
    if not plan.first_interpreter.name.strip():
        missing.append("解读方案：第一解读人")
    if PRESS_CONFERENCE_FORMS & set(plan.forms) and not plan.press_conference.time.strip():
        missing.append("解读方案：新闻发布会时间")
    if not any(m.is_public and _has_content(m) for m in package.materials):
        missing.append("至少一份有内容的公开解读材料")
    return missing


def blocking_for_release(package: Package, rules: DepartmentRules | None = None,
                         overridden: frozenset[str] = frozenset()) -> list[str]:
    """Blocking findings that still stand before sign-off or release (rules added since submit)."""
    from .checks.engine import run_checks

    return refusal_lines(package, [f for f in run_checks(package, rules)
                                   if f.blocking and f.code not in overridden])


def refusal_lines(package: Package, findings: list) -> list[str]:
    """One named reason per problem: findings of one kind in one part make one line."""
    groups: dict[tuple[str, str], list] = {}
    for finding in findings:
        key = (finding.code, finding.part) if finding.part != "plan" else (finding.code, finding.excerpt)
        groups.setdefault(key, []).append(finding)
    return [refusal_line(package, group[0], len(group)) for group in groups.values()]


def refusal_line(package: Package, finding, count: int = 1) -> str:
    """Where it is and what is wrong (with the excerpt when the message does not quote it)."""
    where = _where(package, finding.part)
    quoted = "“" in finding.message or not finding.excerpt
    text = finding.message if quoted else f"{finding.message}（{finding.excerpt[:20]}）"
    if count > 1:
        text += f"（同类问题共{count}处）"
    return f"{where}：{text}"


def _where(package: Package, part: str) -> str:
    if part == "document":
        return "政策文件"
    if part == "plan":
        return "解读方案"
    if part.startswith("material:"):
        index = int(part.split(":", 1)[1])
        if 0 <= index < len(package.materials):
            from .kinds import material_kind

            m = package.materials[index]
            label = material_kind(m.kind).label
            return label if m.title.strip() in ("", label) else f"{label}“{m.title[:20]}”"
    return "检查"


def _has_content(material) -> bool:
    if material.body.strip():
        return True
    if any(p.question.strip() and p.answer.strip() for p in material.qa):
        return True
    return bool(material.chart and material.chart.categories and material.chart.series)
