"""Recognising the header (版头、标题、发文字号、portal metadata) and the signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..checks.web import furniture_blocks, is_web_furniture
from ..kinds import GENRES
from ..numbers import parse_date_text
from ..text import ATTACHMENT_NOTE, heading_level

HEADER_SCAN = 30  # the header never runs further than this many lines
FOOTER_SCAN = 12
TITLE_LINE_MAX = 80

KEY_FIELDS: dict[str, str] = {
    "索引号": "index_number", "发文机关": "issuer", "发布机构": "issuer", "发布机关": "issuer",
    "发布单位": "issuer", "发文单位": "issuer", "制发机关": "issuer", "发文字号": "doc_number",
    "文号": "doc_number", "发文号": "doc_number", "成文日期": "written_date", "成文时间": "written_date",
    "发布日期": "publish_date", "发布时间": "publish_date", "公布日期": "publish_date",
    "公开日期": "publish_date", "施行日期": "effective_date", "实施日期": "effective_date",
    "生效日期": "effective_date", "施行时间": "effective_date", "实施时间": "effective_date",
    "主题分类": "topic", "分类": "topic", "体裁": "genre", "公文种类": "genre", "文种": "genre",
    "有效性": "validity", "时效性": "validity", "效力状态": "validity", "标题": "title", "名称": "title",
    "文件名称": "title", "规范性文件统一编号": "normative_number", "统一编号": "normative_number",
    "登记号": "normative_number", "签发人": "signer", "颁布时间": "publish_date",
    "颁布日期": "publish_date", "颁布单位": "issuer",
    # Recognised so that the header line goes, but not kept.
    "来源": "", "信息来源": "", "主题词": "", "公开方式": "", "公开属性": "",
}
_KEYS = "|".join(sorted(KEY_FIELDS, key=len, reverse=True))
_KV = re.compile(rf"(?P<key>{_KEYS})\s*[：:]\s*")
DOC_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{1,20}\s*[〔【\[［(（{｛]\s*\d{4}\s*[〕】\]］)）}｝]\s*第?\s*\d{1,6}\s*号$")
_GENRE_WORDS = ("实施意见", "实施方案", "实施细则", "若干措施", "通知", "意见", "办法", "方案", "规定",
                "决定", "通告", "公告", "规划", "细则", "批复", "函", "条例", "规则", "纲要", "计划",
                "措施", "要点", "报告", "决议", "命令", "指引", "指南", "清单", "通报")
TITLE_END = re.compile(rf"({'|'.join(_GENRE_WORDS)})(\s*[（(][^（）()]{{1,15}}[）)])?$")
MASTHEAD = re.compile(r"^(?P<issuer>[\u4e00-\u9fff、\s]{2,40}?)\s*文\s*件$")
ORG_LINE = re.compile(r"(人民政府|政府|办公厅|办公室|委员会|厅|局|委|办|院|部|署|会|中心|党委|管委会)$")
DISCLOSURE_NOTE = re.compile(r"^[（(]此件(?P<how>[^）)]{1,10})[）)]$")
_KV_UNKNOWN = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")
_IMPRINT = re.compile(r"^抄送[：:]|印发$|^\s*[─—-]{3,}\s*$")
_COPY_TO = re.compile(r"^抄\s*送\s*[：:]\s*(?P<to>.+?)。?$")
_PRINTED = re.compile(r"^(?P<printer>.+?)\s*(?P<date>[\d〇零一二三四五六七八九十]{4}年\S+?月\S+?日)\s*印发$")
_NOTE = re.compile(r"^[（(](?P<note>[^（）()]{2,80})[）)]$")
_NUMBER_AND_SIGNER = re.compile(r"^(?P<number>.+?号)\s*签\s*发\s*人\s*[：:]\s*(?P<signer>\S.*)$")
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")


@dataclass
class Metadata:
    """Fields recognised in a document's lines and which lines they came from."""

    fields: dict[str, Any] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)

    def put(self, name: str, value: Any) -> None:
        """Keep the first value found for a field."""
        if name and value and not self.fields.get(name):
            self.fields[name] = value


def extract_metadata(lines: list[str]) -> Metadata:
    """The metadata of a document and the header/footer lines that carried it."""
    meta = Metadata()
    body_start = _read_header(lines, meta)
    _read_footer(lines, meta, body_start)
    title = meta.fields.get("title", "")
    if title and "genre" not in meta.fields:
        meta.put("genre", genre_of(title))
    return meta


def genre_of(title: str) -> str:
    """The 体裁 named by the end of a title (…的通知 → 通知), or ''."""
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title).strip()
    for genre in sorted(GENRES, key=len, reverse=True):
        if bare.endswith(genre):
            return genre
    return ""


# ---- header -------------------------------------------------------------------------------

def _read_header(lines: list[str], meta: Metadata) -> int:
    """Consumes header lines; returns the index where the body starts."""
    candidates: list[int] = []  # short lines that may form the title
    limit = min(len(lines), HEADER_SCAN)
    for i in range(limit):
        line = lines[i]
        paired = _NUMBER_AND_SIGNER.match(line)
        if paired and DOC_NUMBER_LINE.match(paired["number"].strip()):
            meta.put("doc_number", re.sub(r"\s+", "", paired["number"]))
            meta.put("signer", re.sub(r"\s+", "", paired["signer"]))
            meta.consumed.add(i)
        elif _read_key_values(line, meta):
            meta.consumed.add(i)
        elif DOC_NUMBER_LINE.match(line):
            meta.put("doc_number", re.sub(r"\s+", "", line))
            meta.consumed.add(i)
        elif i < 3 and not candidates and MASTHEAD.match(line) and not TITLE_END.search(line):
            meta.put("issuer", re.sub(r"\s+", "", MASTHEAD.match(line)["issuer"]))
            meta.put("masthead", re.sub(r"\s+", "", line))
            meta.consumed.add(i)
        elif meta.fields.get("title") and line == meta.fields["title"]:
            meta.consumed.add(i)
        elif _starts_body(line):
            _take_title(lines, candidates, meta)
            return i
        elif not is_web_furniture(line) and not _KV_UNKNOWN.match(line):
            candidates.append(i)
            if TITLE_END.search(line) and "title" not in meta.fields:
                _take_title(lines, candidates, meta)
                candidates = []
    _take_title(lines, candidates, meta)
    return limit


def _starts_body(line: str) -> bool:
    """主送机关 (ends with ：), numbered headings and full sentences start the body."""
    return bool(heading_level(line)) or len(line) > TITLE_LINE_MAX or line.endswith(("：", ":", "。", "；"))


def _take_title(lines: list[str], candidates: list[int], meta: Metadata) -> None:
    if "title" in meta.fields or not candidates:
        return
    ends = [i for i in candidates if TITLE_END.search(lines[i])]
    if not ends:
        chosen = [candidates[0]]
    else:
        chosen = [ends[0]]
        # A title wraps onto at most three lines; an issuer line above it is not part of it.
        for i in (ends[0] - 1, ends[0] - 2):
            if i not in candidates or ORG_LINE.search(lines[i]) or TITLE_END.search(lines[i]):
                break
            chosen.insert(0, i)
    meta.put("title", "".join(lines[i] for i in chosen))
    meta.consumed.update(chosen)
    above = chosen[0] - 1
    if above in candidates and _is_org_line(lines[above]):
        meta.put("issuer", lines[above].strip())  # portal pages put the issuer over the title
        meta.consumed.add(above)


def _read_key_values(line: str, meta: Metadata) -> bool:
    """Portal metadata such as “索引号：… 发布日期：…”; True when the whole line is metadata."""
    matches = list(_KV.finditer(line))
    if not matches or matches[0].start() != 0:
        return False
    for m, nxt in zip(matches, matches[1:] + [None], strict=True):
        value = line[m.end(): nxt.start() if nxt else len(line)].strip(" 　\t;；,，|")
        _store(meta, KEY_FIELDS[m["key"]], value)
    return True


def _store(meta: Metadata, name: str, value: str) -> None:
    if not name or not value:
        return
    if name.endswith("_date"):
        value = parse_date_text(value.split()[0]) if value.split() else ""
    elif name == "validity":
        value = next((v for v in ("失效", "废止", "有效") if v in value), "")
    elif name == "doc_number":
        value = re.sub(r"\s+", "", value)
    meta.put(name, value)


# ---- footer -------------------------------------------------------------------------------

def _read_footer(lines: list[str], meta: Metadata, body_start: int) -> None:
    """Consumes the signature block (issuer line(s) + date), 附件说明, 附注 and 版记
    (抄送, 印发机关和印发日期); website furniture below them is skipped, not counted."""
    furniture = {i for start, length in furniture_blocks(lines[body_start:])
                 for i in range(body_start + start, body_start + start + length)}
    floor = max(body_start, len(lines) - FOOTER_SCAN - len(furniture))
    notes: list[str] = []
    note_lines: list[int] = []
    for i in range(len(lines) - 1, floor - 1, -1):
        if i in furniture:
            continue
        before = len(notes)
        if _footer_extra(lines[i], meta, notes):
            meta.consumed.add(i)
            if len(notes) > before:
                note_lines.append(i)
            continue
        org, date = _date_line(lines[i])
        if date and (org or i - 1 >= floor and _is_org_line(lines[i - 1])):
            first = _take_signature(lines, meta, i, org, date, floor)
            _take_attachments(lines, meta, first, body_start)
            if notes:
                meta.put("note", "；".join(reversed(notes)))
            return
    meta.consumed.difference_update(note_lines)  # no signature: a bracketed line is body text


def _take_attachments(lines: list[str], meta: Metadata, end: int, body_start: int) -> None:
    """附件：1. … / 2. … right above the signature (GB/T 9704 7.3.5)."""
    j = end - 1
    items: list[int] = []
    while j > body_start and _ATTACHMENT_ITEM.match(lines[j]) and len(lines[j]) <= TITLE_LINE_MAX:
        items.insert(0, j)
        j -= 1
    if j < body_start or not ATTACHMENT_NOTE.match(lines[j]):
        return
    first = ATTACHMENT_NOTE.sub("", lines[j]).strip()
    names = ([first] if first else []) + [lines[k] for k in items]
    names = [re.sub(r"^\d{1,2}\s*[.．、]\s*", "", n).strip() for n in names]
    meta.put("attachments", [n for n in names if n])
    meta.consumed.update([j, *items])


def _take_signature(lines: list[str], meta: Metadata, i: int, org: str, date: str, floor: int) -> int:
    meta.put("written_date", date)
    meta.consumed.add(i)
    issuers = [org] if org else []
    j = i - 1
    while j >= floor and len(issuers) < 4 and _is_org_line(lines[j]):
        issuers.insert(0, lines[j])
        meta.consumed.add(j)
        j -= 1
    names = [n.strip() for line in issuers for n in re.split(r"\s{2,}|　+", line) if n.strip()]
    if names:
        meta.put("issuer", names[0])
        meta.put("joint_issuers", [n for n in names if n != meta.fields.get("issuer")])
    return j + 1


def _footer_extra(line: str, meta: Metadata, notes: list[str]) -> bool:
    m = DISCLOSURE_NOTE.match(line)
    if m:
        how = m["how"]
        meta.put("disclosure", "不予公开" if "不予" in how else
                 "依申请公开" if "依申请" in how else "主动公开")
        return True
    copy_to = _COPY_TO.match(line)
    if copy_to:
        meta.put("copy_to", copy_to["to"].strip())
        return True
    printed = _PRINTED.match(line.strip())
    if printed and parse_date_text(printed["date"]):
        meta.put("printer", printed["printer"].strip())
        meta.put("print_date", parse_date_text(printed["date"]))
        return True
    note = _NOTE.match(line.strip())
    if note and not heading_level(line):
        notes.append(note["note"].strip())  # 附注: （联系人：…，电话：…）
        return True
    return bool(_IMPRINT.search(line))


def _date_line(line: str) -> tuple[str, str]:
    """(issuer written on the same line, ISO date) when the line ends with a whole date."""
    date = parse_date_text(line)
    if date:
        return "", date
    parts = re.split(r"\s+", line.strip())
    if len(parts) >= 2:
        date = parse_date_text(parts[-1])
        org = " ".join(parts[:-1])
        if date and _is_org_line(org):
            return org, date
    return "", ""


def _is_org_line(line: str) -> bool:
    text = line.strip()
    return (0 < len(text) <= 60 and not re.search(r"[。，；：:,;]", text)
            and bool(ORG_LINE.search(text.split()[-1] if text.split() else text)))
