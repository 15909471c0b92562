"""The texts of a package that checks read, each named as findings name their part."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Material, Package
from ..text import paragraphs

EXCERPT_MAX = 40


@dataclass(frozen=True)
class PartText:
    """One part's text as paragraphs, with whether it is published."""

    part: str  # "document", "plan" or "material:<index>"
    paragraphs: list[str]
    public: bool
    material: Material | None = None


def material_text(material: Material) -> str:
    """The readable text of a material: body, then question/answer pairs, then the caption."""
    lines = [material.body]
    for pair in material.qa:
        lines.append(f"问：{pair.question}")
        lines.append(f"答：{pair.answer}")
    lines.append(material.caption)
    return "\n".join(line for line in lines if line and line.strip())


def document_part(package: Package) -> PartText:
    """The policy document's body."""
    return PartText("document", paragraphs(package.document.body), True)


def material_parts(package: Package) -> Iterator[PartText]:
    """Every material, in order, as `material:<index>`."""
    for index, material in enumerate(package.materials):
        yield PartText(f"material:{index}", paragraphs(material_text(material)),
                       material.is_public, material)


def text_parts(package: Package, *, plan: bool = True) -> Iterator[PartText]:
    """Document body, the plan outline (when asked) and every material."""
    yield document_part(package)
    if plan:
        yield PartText("plan", paragraphs(package.plan.outline), False)
    yield from material_parts(package)


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = EXCERPT_MAX) -> str:
    """At most `width` characters of `text` around text[start:end]."""
    end = start if end is None else end
    if len(text) <= width:
        return text
    span = max(end - start, 0)
    if span >= width:
        return text[start:start + width]
    before = (width - span) // 2
    lo = max(0, min(start - before, len(text) - width))
    return text[lo:lo + width]
