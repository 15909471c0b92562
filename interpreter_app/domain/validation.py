"""Format rules for 发文字号, dates and titles, with the fix to offer."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .errors import ValidationError
from .text import drop_hidden_controls

TITLE_MAX = 200
NAME_MAX = 100

_DOC_NUMBER = re.compile(r"^(?P<code>[\u4e00-\u9fffA-Za-z]{1,20})〔(?P<year>(19|20)\d{2})〕(?P<serial>[1-9]\d{0,4})号$")
_DOC_NUMBER_LOOSE = re.compile(
    r"^(?P<code>[\u4e00-\u9fffA-Za-z]{1,20})\s*[〔【\[［(（{｛](?P<year>\d{4})[〕】\]］)）}｝]\s*"
    r"第?\s*(?P<serial>\d{1,6})\s*号$"
)


@dataclass(frozen=True)
class DocNumberProblem:
    """Why a 发文字号 is malformed and the corrected form when one is certain."""

    message: str
    suggestion: str | None


def check_doc_number(value: str) -> DocNumberProblem | None:
    """None if the 发文字号 is well-formed, else the problem and the fix (云政办发〔2020〕33号)."""
    value = value.strip()
    if not value or _DOC_NUMBER.match(value):
        return None
    m = _DOC_NUMBER_LOOSE.match(value)
    if not m:
        return DocNumberProblem("发文字号格式应为“机关代字〔年份〕序号号”，如 云政办发〔2020〕33号", None)
    fixed = f"{m['code']}〔{m['year']}〕{int(m['serial'])}号"
    reasons = []
    if "〔" not in value or "〕" not in value:
        reasons.append("年份应使用六角括号〔〕")
    if "第" in value:
        reasons.append("序号前不加“第”")
    if m["serial"].startswith("0"):
        reasons.append("序号不编虚位（不补0）")
    if not reasons:
        reasons.append("多余的空格")
    return DocNumberProblem("发文字号" + "、".join(reasons), fixed)


def doc_number_code(value: str) -> str | None:
    """The issuer code (机关代字) of a well-formed 发文字号, None when it is not one."""
    m = _DOC_NUMBER.match(value.strip())
    return m["code"] if m else None


def validate_doc_number(value: str) -> str:
    """The stripped 发文字号, or ValidationError naming the problem and the fix."""
    problem = check_doc_number(value)
    if problem:
        hint = f"，应为“{problem.suggestion}”" if problem.suggestion else ""
        raise ValidationError(f"{problem.message}{hint}")
    return value.strip()


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
)


def parse_date(value: str) -> dt.date:
    """A date from 2020年8月17日, 2020-08-17, 2020/8/17 or 2020.8.17; ValidationError otherwise."""
    text = unicodedata.normalize("NFKC", value).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                break
    raise ValidationError(f"日期“{value}”无法识别，请写成 2020年8月17日 或 2020-08-17")


def normalize_date(value: str) -> str:
    """'' stays ''; anything else becomes ISO yyyy-mm-dd or raises ValidationError."""
    return parse_date(value).isoformat() if value.strip() else ""


def format_date_cn(iso: str) -> str:
    """ISO date (or date-time) → 2020年8月17日, no zero padding; '' stays ''."""
    if not iso:
        return ""
    d = dt.date.fromisoformat(iso[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def format_datetime_cn(iso: str) -> str:
    """ISO date-time → 2020年8月17日 14:05."""
    if not iso:
        return ""
    t = dt.datetime.fromisoformat(iso)
    return f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_line(value: str, what: str, *, required: bool = True, max_len: int = TITLE_MAX) -> str:
    """A one-line field without hidden controls, stripped and checked for emptiness, length and
    control characters."""
    text = unicodedata.normalize("NFC", drop_hidden_controls(value or "")).strip()
    if required and not text:
        raise ValidationError(f"{what}不能为空")
    if "\n" in text or "\r" in text:
        raise ValidationError(f"{what}不能换行")
    if _CONTROL.search(text):
        raise ValidationError(f"{what}含有不可见的控制字符，请删除后重试")
    if len(text) > max_len:
        raise ValidationError(f"{what}过长（{len(text)}字），不能超过{max_len}字")
    return text


_PHONE = re.compile(r"^[0-9０-９\-－ ()（）转+]{5,30}$")


def check_phone(value: str) -> str | None:
    """None if the phone number looks plausible (or is empty), else the problem."""
    if not value.strip() or _PHONE.match(value.strip()):
        return None
    return "联系电话只能包含数字、“-”、括号和“转”"
