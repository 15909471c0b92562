"""Numbers, percentages and dates in Chinese text, normalised so that 二十六个 equals 26个."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)
# Multipliers written after Arabic numerals: 1.5万, 3亿, 1200万.
MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7,
               "百万": 10**6, "万": 10**4}
# Measure words that make a Chinese numeral a quantity rather than part of a word (一般, 十分).
MEASURE_WORDS = (
    "个工作日", "个百分点", "个月", "小时", "分钟", "公里", "千米", "平方米", "平方公里", "季度",
    "个", "项", "家", "次", "年", "天", "日", "元", "人", "名", "条", "所", "批", "类", "户", "套",
    "台", "处", "件", "座", "场", "期", "份", "张", "篇", "位", "辆", "亩", "米", "吨", "倍", "种",
    "级", "支", "间", "栋", "周", "岁", "轮", "宗", "例", "笔", "只", "单", "包", "箱",
)
# Names that contain numerals but are not quantities; masked before numbers are read.
SET_PHRASES = (
    "两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "三个代表", "五位一体", "八项规定",
    "两学一做", "三严三实", "十四五", "十三五", "十五五", "一带一路", "一网通办", "一网统管",
    "一窗受理", "一次办结", "最多跑一次", "一件事", "一站式", "千家万户", "千方百计", "万众一心",
    "三农", "一把手", "一线", "一体化", "一揽子", "一系列", "两会", "三公", "六稳", "六保",
    "双一流", "放管服", "一门式", "一次性",
)

_PLAIN_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
# Full-width digits read as ASCII; the full-width comma stays a separator (26，100 is two numbers).
_CN_PUNCT_FW = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


@dataclass(frozen=True)
class Quantity:
    """A number, percentage, percentage point or date found in a text, with its canonical value."""

    kind: str  # "number", "percent", "point" or "date"
    value: str  # Decimal string ("150000000", "3.5") or ISO prefix ("2020", "2020-10", "2020-10-31")
    text: str  # as written
    start: int
    end: int
    unit: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """What two quantities must share to state the same fact."""
        return (self.kind, self.value)


# ---- Chinese numerals ----------------------------------------------------------------------

def parse_cn_int(text: str) -> int | None:
    """二十六 → 26, 一百零五 → 105, 三亿五千万 → 350000000, 二〇二〇 → 2020; None if not a numeral."""
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return CN_DIGITS[text]
        # Digit-by-digit form (二〇二〇); 两 is never used that way.
        return None if "两" in text else int("".join(str(CN_DIGITS[ch]) for ch in text))
    return _parse_positional(text)


def _parse_positional(text: str) -> int | None:
    total = pending_wan = section = 0
    number: int | None = None
    last_unit = 10**5  # units within a section must fall: 千 > 百 > 十
    for ch in text:
        if ch in CN_DIGITS:
            if number not in (None, 0) and CN_DIGITS[ch] != 0:
                return None  # 二三 is not a positional numeral
            number = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if unit >= last_unit or (number == 0):
                return None
            section += (1 if number is None else number) * unit
            number, last_unit = None, unit
        elif ch == "万":
            if pending_wan or section + (number or 0) == 0:
                return None
            pending_wan = (section + (number or 0)) * 10**4
            section, number, last_unit = 0, None, 10**5
        else:  # 亿
            value = pending_wan + section + (number or 0)
            if value == 0:
                return None
            total = (total + value) * 10**8
            pending_wan, section, number, last_unit = 0, 0, None, 10**5
    return total + pending_wan + section + (number or 0)


def int_to_cn(n: int) -> str:
    """26 → 二十六, 105 → 一百零五, 100010 → 十万零一十 (the forms official texts use)."""
    if n < 0:
        raise ValueError("negative numbers have no Chinese numeral form here")
    if n == 0:
        return "零"
    out = _cn_positive(n)
    return out[1:] if out.startswith("一十") else out


def _cn_positive(n: int) -> str:
    for size, name in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            out = _cn_positive(high) + name
            if low:
                # A gap in the digits below is read as 零: 一万零五, 一亿零一十万.
                out += ("零" if low < size // 10 else "") + _cn_positive(low)
            return out
    return _group_to_cn(n)


def _group_to_cn(group: int) -> str:
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = group // unit % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += digits[d] + name
    return out


def parse_number(text: str) -> Decimal | None:
    """A number written in Arabic (1,000 / 1.5万) or Chinese (三点五亿) form, scaled; None if not."""
    text = text.translate(_CN_PUNCT_FW).replace(",", "").strip()
    multiplier = 1
    for word, factor in MULTIPLIERS.items():
        if text.endswith(word) and len(text) > len(word) and text[-len(word) - 1].isdigit():
            text, multiplier = text[: -len(word)], factor
            break
    if _PLAIN_DECIMAL.fullmatch(text):
        return Decimal(text) * multiplier
    whole, _, frac = text.partition("点")
    if not frac:
        value = parse_cn_int(whole)
        return None if value is None else Decimal(value)
    # 三点五亿: the multiplier follows the fraction.
    for word, factor in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if frac.endswith(word):
            frac, multiplier = frac[: -len(word)], factor
            break
    value = parse_cn_int(whole)
    if value is None or not frac or any(ch not in CN_DIGITS or ch == "两" for ch in frac):
        return None
    return Decimal(f"{value}." + "".join(str(CN_DIGITS[ch]) for ch in frac)) * multiplier


def canonical(value: Decimal) -> str:
    """A Decimal as a plain string without exponent or trailing zeros: 1.50E+8 → 150000000."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# ---- finding quantities --------------------------------------------------------------------

_CN = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_DATE_DIGIT = "〇○零一二三四五六七八九"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MULT = "|".join(MULTIPLIERS)
_MEASURE = "|".join(sorted(set(MEASURE_WORDS), key=len, reverse=True))
_DATE_RE = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}}|[{_CN_DATE_DIGIT}]{{4}})\s*年\s*"
    rf"(?:(?P<m>\d{{1,2}}|[{_CN_DATE_DIGIT}十]{{1,2}})\s*月\s*"
    rf"(?:(?P<d>\d{{1,2}}|[{_CN_DATE_DIGIT}十]{{1,3}})\s*[日号]|(?P<mend>底|末))?|(?P<yend>底|末))?"
)
_DATE_SEP_RE = re.compile(r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.])")
# A month and day without a year (3月25日) and a range of months (1—10月): dates, not numbers.
_MONTH_DAY_RE = re.compile(
    rf"(?<![\d年{_CN_DATE_DIGIT}十])(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]"
)
_MONTH_RANGE_RE = re.compile(
    r"(?<![\d年.])(?P<m1>\d{1,2})\s*(?:—|－|-|~|～|至|到)\s*(?P<m2>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])"
)
_DOCNO_RE = re.compile(r"[〔【\[［(（]\d{4}[〕】\]］)）]\s*第?\s*\d{1,6}\s*号")
_PERCENT_RE = re.compile(
    rf"百分之(?P<cn>[{_CN}点]+|{_ARABIC})|(?P<ar>{_ARABIC})\s*[%％]"
    rf"|(?P<pt>{_ARABIC}|[{_CN}点]+)\s*个?百分点"
)
_NUMBER_RE = re.compile(
    rf"(?<![A-Za-z0-9_.\-/])(?P<ar>{_ARABIC})(?P<mult>{_MULT})?(?![\dA-Za-z])"
    rf"|(?P<cn>[{_CN}]+(?:点[{_CN_DATE_DIGIT}]+(?:万亿|亿|万)?)?)(?:(?={_MEASURE})|(?<=[万亿]))",
)
_COMPARATOR_RE = re.compile(r"(不少于|至少|不低于|不超过|超过|达到|每年|每季度|每月|每周|满|累计|新增)$")
_LIST_NUMBER_RE = re.compile(r"^\s*(?:\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)])")


def normalize_quantities(text: str) -> list[Quantity]:
    """Every date, percentage, percentage point and number in a text, with canonical values."""
    work = _mask_set_phrases(text.translate(_CN_PUNCT_FW))
    found: list[Quantity] = []
    work = _take(work, _DOCNO_RE, lambda m: None, found)
    work = _take(work, _DATE_RE, _date_quantity, found)
    work = _take(work, _DATE_SEP_RE, _date_quantity, found)
    work = _take(work, _MONTH_RANGE_RE, _month_range_quantity, found)
    work = _take(work, _MONTH_DAY_RE, _month_day_quantity, found)
    work = _take(work, _PERCENT_RE, _percent_quantity, found)
    _take(work, _NUMBER_RE, _number_quantity, found)
    # Report the text as written, not as normalised (full-width digits stay full-width).
    found = [Quantity(q.kind, q.value, text[q.start:q.end], q.start, q.end, q.unit) for q in found]
    return sorted(found, key=lambda q: q.start)


def _mask_set_phrases(text: str) -> str:
    for phrase in SET_PHRASES:
        if phrase in text:
            text = text.replace(phrase, "\x00" * len(phrase))
    return text


_Maker = Callable[[re.Match[str]], "Quantity | None | bool"]


def _take(work: str, pattern: re.Pattern[str], make: _Maker, found: list[Quantity]) -> str:
    """Quantities of one pattern; their spans are blanked so later patterns do not read them again.

    `make` returns a Quantity, None (consumed but not a quantity, e.g. a 发文字号) or False
    (not a match after all: leave the text for later patterns).
    """
    pieces, last = [], 0
    for m in pattern.finditer(work):
        q = make(m)
        if q is False:
            continue
        if q is not None:
            found.append(q)
        pieces.append(work[last:m.start()])
        pieces.append("\x00" * (m.end() - m.start()))
        last = m.end()
    pieces.append(work[last:])
    return "".join(pieces)


def _date_quantity(m: re.Match[str]) -> Quantity | None | bool:
    year = _date_part(m["y"])
    if year is None or not 1900 <= year <= 2199:
        return False
    groups = m.groupdict()
    month = _date_part(groups.get("m"))
    day = _date_part(groups.get("d"))
    if groups.get("yend"):
        month, day = 12, 31
    elif groups.get("mend") and month:
        day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else None
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return False
    value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day and month else "")
    return Quantity("date", value, m[0], m.start(), m.end())


def _month_day_quantity(m: re.Match[str]) -> Quantity | bool:
    month, day = _date_part(m["m"]), _date_part(m["d"])
    if month is None or day is None or not 1 <= month <= 12:
        return False
    if not 1 <= day <= calendar.monthrange(2024, month)[1]:  # a leap year allows 2月29日
        return False
    return Quantity("monthday", f"{month:02d}-{day:02d}", m[0], m.start(), m.end())


def _month_range_quantity(m: re.Match[str]) -> Quantity | bool:
    first, last = int(m["m1"]), int(m["m2"])
    if not 1 <= first < last <= 12:
        return False
    return Quantity("months", f"{first:02d}..{last:02d}", m[0], m.start(), m.end())


def _date_part(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return parse_cn_int(text)


def _percent_quantity(m: re.Match[str]) -> Quantity | None | bool:
    raw = m["cn"] or m["ar"] or m["pt"]
    value = parse_number(raw)
    if value is None:
        return False
    kind = "point" if m["pt"] else "percent"
    return Quantity(kind, canonical(value), m[0], m.start(), m.end(), "百分点" if m["pt"] else "%")


def _number_quantity(m: re.Match[str]) -> Quantity | None | bool:
    raw, work = m["ar"] or m["cn"], m.string
    before = work[: m.start()]
    if before.endswith("第"):
        return None  # ordinals name a place in a list, not an amount
    if m["ar"]:
        line_start = before.rfind("\n") + 1
        if not before[line_start:].strip("（( \t　") and _LIST_NUMBER_RE.match(work[line_start:]):
            return None  # list numbering such as 1. or （1） at the start of a line
        raw += m["mult"] or ""
    elif not _plausible_cn(m["cn"], before):
        return False
    value = parse_number(raw)
    if value is None:
        return False
    unit = _unit_after(work, m.end())
    return Quantity("number", canonical(value), m[0], m.start(), m.end(), unit)


def _plausible_cn(raw: str, before: str) -> bool:
    if raw == "一":
        # 一 alone is mostly the article “a” (一项、一批); count it only after a comparator.
        return bool(_COMPARATOR_RE.search(before))
    # 百姓、千家、万家 and the adverb 千万 are words, not amounts.
    return not (len(raw) == 1 and raw in "百千万亿佰仟") and raw not in ("千万", "万万", "亿万")


def _unit_after(text: str, pos: int) -> str:
    for word in sorted(MEASURE_WORDS, key=len, reverse=True):
        if text.startswith(word, pos):
            return word
    return ""


# ---- dates as metadata ---------------------------------------------------------------------

def parse_date_text(text: str) -> str:
    """ISO date of a whole date string (2020年8月17日, 2020-08-17, 二〇二〇年八月十七日), or ''."""
    text = text.strip().translate(_CN_PUNCT_FW)
    for pattern in (_DATE_RE, _DATE_SEP_RE):
        m = pattern.fullmatch(text)
        if m:
            q = _date_quantity(m)
            if isinstance(q, Quantity) and len(q.value) == 10:
                return q.value
    return ""
