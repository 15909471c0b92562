"""Word's automatic list numbers (1.、（一）) rendered as text, since python-docx drops them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..numbers import int_to_cn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PPR, _NUMPR, _PSTYLE = f"{_W}pPr", f"{_W}numPr", f"{_W}pStyle"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Level:
    """One level of a list definition: number format, label template and start value."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class ListLabeler:
    """Counts list paragraphs in body order and renders their labels."""

    levels: dict[str, dict[int, Level]]  # numId → ilvl → Level
    style_numbering: dict[str, tuple[str, int]]  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, p: Any) -> str:
        """The label of paragraph element `p` ('' when it is not numbered or is a bullet)."""
        num = self._numbering_of(p)
        if num is None:
            return ""
        num_id, ilvl = num
        defs = self.levels.get(num_id)
        if not defs or ilvl not in defs:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, defs[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level restarts the levels below it
        return _render(defs, counts, ilvl)

    def _numbering_of(self, p: Any) -> tuple[str, int] | None:
        ppr = _child(p, _PPR)  # iterchildren: find() parses its path on every call
        if ppr is None:
            return None
        num_pr = _child(ppr, _NUMPR)
        if num_pr is not None:
            num_id = _val(_child(num_pr, f"{_W}numId"))
            ilvl = _int(_val(_child(num_pr, f"{_W}ilvl")), 0)
            return None if num_id in (None, "0") else (num_id, ilvl)
        style = _val(_child(ppr, _PSTYLE))
        return self.style_numbering.get(style) if style else None


def build_labeler(numbering: Any | None, styles: Any | None) -> ListLabeler:
    """A labeler from the numbering and styles parts (lxml roots; None when a part is absent)."""
    if numbering is None:
        return ListLabeler({}, {})
    abstract = {_val(a, "abstractNumId"): _levels(a) for a in numbering.findall(f"{_W}abstractNum")}
    levels: dict[str, dict[int, Level]] = {}
    for num in numbering.findall(f"{_W}num"):
        base = dict(abstract.get(_val(num.find(f"{_W}abstractNumId")), {}))
        for override in num.findall(f"{_W}lvlOverride"):
            ilvl = _int(_val(override, "ilvl"), 0)
            start = _val(override.find(f"{_W}startOverride"))
            if start is not None and ilvl in base:
                lvl = base[ilvl]
                base[ilvl] = Level(lvl.fmt, lvl.text, _int(start, 1))
        levels[_val(num, "numId") or ""] = base
    return ListLabeler(levels, _style_numbering(styles))


def _levels(abstract: Any) -> dict[int, Level]:
    out = {}
    for lvl in abstract.findall(f"{_W}lvl"):
        out[_int(_val(lvl, "ilvl"), 0)] = Level(
            _val(lvl.find(f"{_W}numFmt")) or "decimal",
            _val(lvl.find(f"{_W}lvlText")) or "",
            _int(_val(lvl.find(f"{_W}start")), 1),
        )
    return out


def _style_numbering(styles: Any | None) -> dict[str, tuple[str, int]]:
    """Numbering that paragraph styles carry (List Number), following basedOn links."""
    if styles is None:
        return {}
    own: dict[str, tuple[str, int] | None] = {}
    based: dict[str, str] = {}
    for style in styles.findall(f"{_W}style"):
        sid = _val(style, "styleId") or ""
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            own[sid] = (_val(num_pr.find(f"{_W}numId")) or "0", _int(_val(num_pr.find(f"{_W}ilvl")), 0))
        parent = _val(style.find(f"{_W}basedOn"))
        if parent:
            based[sid] = parent
    result = {}
    for start in set(own) | set(based):
        sid, seen, found = start, set(), None
        while sid and sid not in seen:
            seen.add(sid)
            found = own.get(sid)
            if found:
                break
            sid = based.get(sid, "")
        if found and found[0] != "0":
            result[start] = found
    return result


def _render(defs: dict[int, Level], counts: dict[int, int], ilvl: int) -> str:
    level = defs[ilvl]
    if level.fmt in ("bullet", "none"):
        return ""
    text = level.text
    for n in range(ilvl + 1, 0, -1):
        token = f"%{n}"
        if token in text:
            lvl = defs.get(n - 1, Level())
            text = text.replace(token, format_number(counts.get(n - 1, lvl.start), lvl.fmt))
    return text


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of Word's number formats (decimal, chineseCounting, upperRoman…)."""
    if not 0 <= n < 10**16:
        return str(n)  # only from corrupt start values; no other format handles it
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return int_to_cn(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return int_to_cn(n).translate(_LEGAL)
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _child(el: Any, tag: str) -> Any | None:
    return next(el.iterchildren(tag), None)


def _val(el: Any, attr: str = "val") -> str | None:
    return None if el is None else el.get(f"{_W}{attr}")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
