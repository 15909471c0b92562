"""fact-mismatch: numbers, dates, 发文字号 and department names in materials that the policy lacks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Package
from ..numbers import Quantity, normalize_quantities
from . import WARNING, Finding
from .numbering import DOC_NUMBER_IN_TEXT, doc_number_mentions, fix_doc_number_mention
from .parts import excerpt, material_parts

# Department names: an administrative prefix, a short name, an organ suffix.
DEPARTMENT = re.compile(
    r"(?:国务院|国家|自治区|省|市|州|县|区)[^\s，。、；：！？“”（）《》\d各级的了是在要将对与及等为把被从向和]{1,12}?"
    r"(?:委员会|办公厅|办公室|厅|局|委|办|中心)"
)
# Endings that make an ordinary word, not an organ (格局、大厅、督办、为中心).
_NOT_ORGAN = re.compile(r"(?:[格布大全开结当时政破]局|[大餐客展舞门]厅|[举承督主代帮协创交包开兴领联通易难能快网即好可必]办|为中心)$")
# Words of a sentence, never of an organ's name (区县均已实现网上可办 is not a department).
_SENTENCE_WORDS = re.compile(r"已|均|实现|可以|能够|进行|推进|开展|通过|网上|全面|统一|全部|逐步|加快|办理|不再|需要|应当")
DEADLINE_WORDS = ("年内", "每季度", "每半年", "每月", "每周", "每旬")
CODE_CONTEXT = 3  # characters of the issuer code compared for a 发文字号 mention


def organ_key(name: str) -> str:
    """A department name with the optional words dropped: 省人民政府 = 省政府, 发展和改革委员会 = 发展改革委."""
    return name.replace("人民政府", "政府").replace("委员会", "委").replace("和", "")


@dataclass(frozen=True)
class Mention:
    """One checkable fact in a material paragraph."""

    kind: str  # quantity kinds, "doc_number", "department" or "deadline"
    text: str
    start: int
    end: int
    quantity: Quantity | None = None


class DocumentFacts:
    """What the policy document states, normalised for comparison."""

    def __init__(self, text: str, dates: list[str]) -> None:
        self.text = text
        self.quantities = normalize_quantities(text)
        self.keys = {q.key for q in self.quantities}
        self.dates = [q.value for q in self.quantities if q.kind == "date"] + [d[:10] for d in dates if d]
        self.doc_numbers = DOC_NUMBER_IN_TEXT.sub(lambda m: fix_doc_number_mention(m[0]), text)
        self.organs = organ_key(text)

    @classmethod
    def of(cls, package: Package) -> DocumentFacts:
        """The facts of a package's policy document (metadata and body)."""
        doc = package.document
        text = "\n".join([doc.title, doc.doc_number, doc.issuer, *doc.joint_issuers, doc.body])
        return cls(text, [doc.written_date, doc.publish_date, doc.effective_date])

    def states(self, mention: Mention) -> bool:
        """Whether the document states the same fact."""
        q = mention.quantity
        if q is not None:
            return self._has_quantity(q)
        if mention.kind == "doc_number":
            m = DOC_NUMBER_IN_TEXT.fullmatch(fix_doc_number_mention(mention.text))
            return bool(m) and (m["code"][-CODE_CONTEXT:] + m["rest"]) in self.doc_numbers
        if mention.kind == "department":
            return organ_key(mention.text) in self.organs
        return mention.text in self.text

    def _has_quantity(self, q: Quantity) -> bool:
        if q.key in self.keys:
            return True
        if q.kind == "date":
            return any(d.startswith(q.value) for d in self.dates) or ("number", q.value) in self.keys
        if q.kind == "monthday":
            return any(d[5:10] == q.value for d in self.dates)
        if q.kind == "point":
            return q.value in self.percent_differences()
        if q.kind == "number" and q.value.isdigit() and 1900 <= int(q.value) <= 2199:
            return any(d.startswith(q.value) for d in self.dates)  # 2021—2025年 vs 2021年
        return False

    def percent_differences(self) -> dict[str, tuple[str, str]]:
        """Each difference between two percentages the document states (40%→70% gives 30),
        with the two percentages: a change in 百分点 is read against these."""
        from decimal import Decimal

        from ..numbers import canonical

        percents = list(dict.fromkeys((q.value, q.text) for q in self.quantities if q.kind == "percent"))
        out: dict[str, tuple[str, str]] = {}
        for i, (a, ta) in enumerate(percents):
            for b, tb in percents[i + 1:]:
                diff = canonical(abs(Decimal(a) - Decimal(b)))
                out.setdefault(diff, (ta, tb))
        return out

    def hint(self, q: Quantity) -> str:
        """What the document says instead, when something close is there."""
        if q.kind in ("percent", "point"):
            other = "point" if q.kind == "percent" else "percent"
            same = [d.text for d in self.quantities if d.key == (other, q.value)]
            if same:
                return f"；文件中为“{same[0]}”，注意百分比与百分点的区别"
            pair = self.percent_differences().get(q.value)
            if pair and q.kind == "percent":
                return (f"；文件中“{pair[0]}”与“{pair[1]}”相差{q.value}个百分点，"
                        f"两个百分比之差应写作“{q.value}个百分点”")
        if q.kind == "date":
            near = [d.text for d in self.quantities if d.kind == "date" and d.value[:4] == q.value[:4]]
            if near:
                return "；文件中同年的日期有：" + "、".join(dict.fromkeys(near[:3]))
        return ""


def check_fact_mismatch(package: Package) -> Iterable[Finding]:
    """Facts in the materials must be found in the policy document (after normalisation)."""
    if not package.document.body.strip() or not package.materials:
        return
    facts = DocumentFacts.of(package)
    for part in material_parts(package):
        for index, para in enumerate(part.paragraphs):
            for mention in mentions(para):
                if not facts.states(mention):
                    yield _finding(part.part, index, para, mention, facts)


def mentions(paragraph: str) -> Iterator[Mention]:
    """The checkable facts of one paragraph: quantities, 发文字号, departments, deadline words."""
    for q in normalize_quantities(paragraph):
        yield Mention(q.kind, q.text, q.start, q.end, q)
    for start, end, text in doc_number_mentions(paragraph):
        yield Mention("doc_number", text, start, end)
    for m in DEPARTMENT.finditer(paragraph):
        if not _NOT_ORGAN.search(m[0]) and not _SENTENCE_WORDS.search(m[0]):
            yield Mention("department", m[0], m.start(), m.end())
    for word in DEADLINE_WORDS:
        for m in re.finditer(word, paragraph):
            yield Mention("deadline", word, m.start(), m.end())


_WHAT = {"number": "数字", "percent": "百分比", "point": "百分点", "date": "日期/时限",
         "monthday": "日期", "months": "月份区间",
         "doc_number": "发文字号", "department": "单位名称", "deadline": "时限"}


def _finding(part: str, index: int, para: str, mention: Mention, facts: DocumentFacts) -> Finding:
    hint = facts.hint(mention.quantity) if mention.quantity else ""
    message = f"{_WHAT[mention.kind]}“{mention.text}”在政策文件中未找到，请与原文核对{hint}"
    return Finding("fact-mismatch", WARNING, part, index, excerpt(para, mention.start, mention.end),
                   message, None, "body")
