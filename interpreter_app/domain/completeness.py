"""The completeness gate of submit (三同步: no part moves alone)."""

from __future__ import annotations

from .checks import BLOCKING, Finding
from .department_rules import DepartmentRules
from .kinds import PRESS_CONFERENCE_FORMS
from .model import Package
from .validation import check_doc_number

MISSING = "missing"  # the code of a checklist item for an empty part or field


def missing_for_submit(package: Package, rules: DepartmentRules | None = None,
                       overridden: frozenset[str] = frozenset()) -> list[str]:
    """What must be fixed before the package can be submitted, in Chinese; [] when complete.

    `rules` are the department's (机关代字, leaders); findings whose code is in `overridden`
    were let through with a recorded reason."""
    return [line for line, _place in submit_checklist(package, rules, overridden)]


def submit_checklist(package: Package, rules: DepartmentRules | None = None,
                     overridden: frozenset[str] = frozenset()) -> list[tuple[str, Finding]]:
    """Each line of `missing_for_submit` with the place it names, as a finding (part, field or
    paragraph) the window can show; a missing part is a finding with code 'missing'."""
    # The check engine pulls in every check module: imported on first submit, not at start-up.
    from .checks.engine import run_checks

    missing = [(line, Finding(MISSING, BLOCKING, part, -1, "", line, field=field))
               for line, part, field in missing_items(package)]
    findings = [f for f in run_checks(package, rules)
                if f.blocking and f.code != "doc-number-format" and f.code not in overridden]
    return missing + refusal_items(package, findings)


def missing_parts(package: Package) -> list[str]:
    """The parts and fields submit needs that are empty or malformed (no text checks)."""
    return [line for line, _part, _field in missing_items(package)]


def missing_items(package: Package) -> list[tuple[str, str, str]]:
    """(line, part, field) of each part or field submit needs that is empty or malformed; the
    part 'materials' stands for the list of materials."""
    doc, plan = package.document, package.plan
    missing: list[tuple[str, str, str]] = []
    if not doc.title.strip():
        missing.append(("政策文件标题", "document", "title"))
    if not doc.body.strip():
        missing.append(("政策文件正文", "document", "body"))
    if doc.disclosure != "主动公开" and not doc.disclosure_reason.strip():
        missing.append((f"政策文件公开属性为“{doc.disclosure}”，须填写不公开（依申请公开）的理由",
                        "document", "disclosure_reason"))
    problem = check_doc_number(doc.doc_number)
    if problem:
        missing.append((f"发文字号格式不正确（{problem.message}）", "document", "doc_number"))
    plan_fields = (
        (not plan.outline.strip(), "解读方案：解读提纲/解读重点", "outline"),
        (not plan.forms, "解读方案：解读形式", "forms"),
        (not plan.channels, "解读方案：解读渠道", "channels"),
        (plan.timing not in ("same_day", "within_days"), "解读方案：解读时间", "timing"),
        (not plan.first_interpreter.name.strip(), "解读方案：第一解读人", "first_interpreter"),
        (bool(PRESS_CONFERENCE_FORMS & set(plan.forms)) and not plan.press_conference.time.strip(),
         "解读方案：新闻发布会时间", "press_time"),
    )
    missing += [(line, "plan", field) for empty, line, field in plan_fields if empty]
    if not any(m.is_public and _has_content(m) for m in package.materials):
        missing.append(("至少一份有内容的公开解读材料", "materials", ""))
    return missing


def blocking_for_release(package: Package, rules: DepartmentRules | None = None,
                         overridden: frozenset[str] = frozenset()) -> list[str]:
    """Blocking findings that still stand before sign-off or release (rules added since submit)."""
    from .checks.engine import run_checks

    return refusal_lines(package, [f for f in run_checks(package, rules)
                                   if f.blocking and f.code not in overridden])


def refusal_lines(package: Package, findings: list) -> list[str]:
    """One named reason per problem: findings of one kind in one part make one line."""
    return [line for line, _first in refusal_items(package, findings)]


def refusal_items(package: Package, findings: list) -> list[tuple[str, Finding]]:
    """Each line of `refusal_lines` with the first finding it stands for."""
    groups: dict[tuple[str, str], list] = {}
    for finding in findings:
        key = (finding.code, finding.part) if finding.part != "plan" else (finding.code, finding.excerpt)
        groups.setdefault(key, []).append(finding)
    return [(refusal_line(package, group[0], len(group)), group[0]) for group in groups.values()]


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
