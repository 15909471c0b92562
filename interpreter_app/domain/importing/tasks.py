"""Key tasks (重点任务) with their lead departments, deadlines and quantities."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import KeyTask
from ..numbers import normalize_quantities
from ..text import heading_level
from .departments import looks_like_department, normalise_department

_CN = "〇零一二三四五六七八九十"
_DATE = (rf"(?:\d{{4}}|[{_CN}]{{4}})年(?:(?:\d{{1,2}}|[{_CN}]{{1,2}})月)?"
         rf"(?:(?:\d{{1,2}}|[{_CN}]{{1,3}})日)?")
DEADLINE = re.compile(
    rf"(?:于|在|到|截至|截止到?)?{_DATE}(?:底|末|上半年|下半年|内)?(?:前|以前|之前)"
    rf"|(?:于|在|到|截至|截止到?){_DATE}(?:底|末|上半年|下半年|内)?"
    rf"|{_DATE}(?:底|末|内)"
    r"|年内|年底前|每季度|每半年|每月|每年|长期坚持|持续推进|持续开展"
)
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|"
                        r"\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)])\s*")
_NOT_DUTY = re.compile(r"负责同志|负责人|主要负责")  # people, not who is responsible
_ENDS_WITH_NOTE = re.compile(r"[（(][^（）()]{2,200}(?:牵头|负责|配合)[^（）()]{0,40}[）)][。；;]?$")
_PAREN = re.compile(r"[（(]([^（）()]{2,200})[）)]")
_RESPONSIBILITY = re.compile(r"牵头|负责|配合|责任单位|责任部门|按职责|参与")
_KEYED = re.compile(r"^(?P<key>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|完成时限|完成时间|时间|时限)[：:](?P<value>.*)$")
_DUTY_SUFFIX = re.compile(r"(按职责分工负责|按职责分工落实|分工负责|按职责落实|共同负责|负责落实|负责|配合|参与|落实)$")
_COMPARATOR = re.compile(r"(不少于|至少|不低于|不超过|不高于|超过|达到|新增|累计|力争)$")
# 各州、市人民政府 is one addressee: keep 、 between single-character administrative units.
_ADMIN_PAIR = re.compile(r"([州市县区盟])、([市县区旗])")
_TABLE_TASK = re.compile(r"重点任务|工作任务|主要任务|任务|具体措施|工作内容|工作措施|目录事项|事项|工作事项")
_TABLE_LEAD = re.compile(r"牵头")
_TABLE_OTHER = re.compile(r"配合|参与|责任单位|责任部门")
_TABLE_DEADLINE = re.compile(r"时限|时间|期限")


@dataclass(frozen=True)
class ExtractedTask:
    """One numbered task with who leads it, who else takes part, and by when."""

    text: str
    lead_departments: list[str]
    other_departments: list[str]
    deadlines: list[str]
    quantities: list[str]
    paragraph: int


def extract_tasks(paragraphs: list[str]) -> list[ExtractedTask]:
    """Numbered items carrying a responsibility note (in the item, or on 牵头单位：… lines
    under it), and rows of a task table."""
    tasks = []
    for index, para in enumerate(paragraphs):
        if heading_level(para):
            keyed = _keyed_lines_after(paragraphs, index)
            task = _numbered_task(index, para, keyed)
        elif _ENDS_WITH_NOTE.search(para):
            task = _numbered_task(index, para)  # 一、heading, then the task as a paragraph
        else:
            task = None
        if task:
            tasks.append(task)
    return tasks + _table_tasks(paragraphs)


def _keyed_lines_after(paragraphs: list[str], index: int) -> str:
    """牵头单位：…；配合单位：…；完成时限：… lines right under a numbered item, as one note."""
    notes = []
    for para in paragraphs[index + 1: index + 4]:
        if not _KEYED.match(_plain(para).split("；")[0].split(";")[0]):
            break
        notes.append(_plain(para).rstrip("。"))
    return "；".join(notes)


def tasks_to_key_tasks(tasks: list[ExtractedTask]) -> list[KeyTask]:
    """Rows for the plan's key-task table (task, lead, deadline)."""
    rows = []
    for t in tasks:
        lead = "、".join(t.lead_departments or t.other_departments)
        rows.append(KeyTask(task=t.text, lead=lead, deadline="；".join(t.deadlines)))
    return rows


def _numbered_task(index: int, para: str, keyed: str = "") -> ExtractedTask | None:
    note = _responsibility_note(para)
    if note is None and not keyed:
        return None
    if note is not None:
        leads, others, note_deadlines = parse_responsibility(note[1])
        text = (para[: note.start()] + para[note.end():]).strip()
    else:
        leads, others, note_deadlines = parse_responsibility(keyed)
        text = para.strip()
    if not leads and not others:
        return None
    text = _NUMBERING.sub("", text, count=1).rstrip("。；; ").strip()
    deadlines = _unique(find_deadlines(text) + note_deadlines)
    return ExtractedTask(text, leads, others, deadlines, find_quantities(text), index)


def _responsibility_note(para: str) -> re.Match[str] | None:
    """The parenthesis naming who is responsible: of those that name departments, the last.

    A parenthesis such as （由各部门主要负责同志担任第一解读人） says 负责 but names nobody, and
    a task may hold such a remark after its real note."""
    best = None
    for m in _PAREN.finditer(para):
        if not _RESPONSIBILITY.search(_NOT_DUTY.sub("", m[1])):
            continue
        leads, others, _ = parse_responsibility(m[1])
        if leads or others:
            best = m
    return best


def _plain(text: str) -> str:
    """Full-width digits and letters as ASCII (２０２６年 → 2026年), as scraped pages have them."""
    return unicodedata.normalize("NFKC", text).replace(",", "，").replace(";", "；").replace(":", "：")


def parse_responsibility(note: str) -> tuple[list[str], list[str], list[str]]:
    """(lead departments, other departments, deadlines) of a note like （省发展改革委牵头，…负责）."""
    leads: list[str] = []
    others: list[str] = []
    deadlines: list[str] = []
    note = _plain(note)
    for segment in re.split(r"[，,；;]", note):
        segment = segment.strip()
        keyed = _KEYED.match(segment)
        if keyed:
            _keyed_segment(keyed["key"], keyed["value"], leads, others, deadlines)
        elif "牵头" in segment:
            head, _, tail = segment.partition("牵头")
            leads += split_departments(head)
            others += split_departments(_DUTY_SUFFIX.sub("", tail.strip()))
        elif DEADLINE.search(segment) and not _DUTY_SUFFIX.search(segment):
            deadlines += [m[0] for m in DEADLINE.finditer(segment)]
        else:
            others += split_departments(_DUTY_SUFFIX.sub("", segment))
    if not leads and "牵头" not in note:
        leads, others = others, []  # （各州、市人民政府负责）: the one responsible leads
    return _unique(leads), _unique(o for o in others if o not in leads), _unique(deadlines)


def _keyed_segment(key: str, value: str, leads: list[str], others: list[str],
                   deadlines: list[str]) -> None:
    if key.startswith(("完成", "时")):
        deadlines.append(value.strip())
    elif key.startswith("牵头") or (key.startswith("责任") and not leads):
        leads += split_departments(value)
    else:
        others += split_departments(value)


def split_departments(text: str) -> list[str]:
    """省财政厅、省自然资源厅 → two names; 各州、市人民政府 stays one; full names become the
    usual short names, and pieces that name no department (noise, stray words) are dropped."""
    protected = _ADMIN_PAIR.sub("\\1\x00\\2", text.strip())
    names = [n.replace("\x00", "、").strip(" 　由和及") for n in re.split(r"[、/]", protected)]
    names = [normalise_department(n) for n in names if n]
    return [n for n in names if looks_like_department(n)]


def find_deadlines(text: str) -> list[str]:
    """Deadline expressions: 于2020年底前、2020年10月底前、年内、每季度、长期坚持…"""
    return _unique(m[0] for m in DEADLINE.finditer(_plain(text)))


def find_quantities(text: str) -> list[str]:
    """Targets such as 不少于1次、26个、90%, with the comparator in front when there is one."""
    out = []
    for q in normalize_quantities(text):
        if q.kind == "date":
            continue
        prefix = _COMPARATOR.search(text[: q.start])
        out.append((prefix[0] if prefix else "") + q.text + (q.unit if q.kind == "number" else ""))
    return _unique(out)


def _table_tasks(paragraphs: list[str]) -> list[ExtractedTask]:
    """Rows of a tab-separated task table whose header names the lead department column."""
    tasks: list[ExtractedTask] = []
    columns: dict[str, int] | None = None
    for index, para in enumerate(paragraphs):
        cells = para.split("\t")
        if len(cells) < 2:
            columns = None
            continue
        header = _table_columns(cells)
        if header:
            columns = header
        elif columns and len(cells) > columns["task"]:
            tasks.append(_row_task(index, cells, columns))
    return tasks


def _table_columns(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for name, pattern in (("lead", _TABLE_LEAD), ("other", _TABLE_OTHER),
                              ("deadline", _TABLE_DEADLINE), ("task", _TABLE_TASK)):
            if len(cell) <= 8 and pattern.search(cell) and name not in found:
                found[name] = i
                break
    return found if "task" in found and "lead" in found else None


def _row_task(index: int, cells: list[str], columns: dict[str, int]) -> ExtractedTask:
    row = {name: cells[i].strip() if i < len(cells) else "" for name, i in columns.items()}
    text = _NUMBERING.sub("", row["task"]).rstrip("。")
    deadline = row.get("deadline", "")
    deadlines = _unique(([deadline] if deadline else []) + find_deadlines(text))
    return ExtractedTask(text, split_departments(row["lead"]), split_departments(row.get("other", "")),
                         deadlines, find_quantities(text), index)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
