"""Decoding imported .txt files: BOM, UTF-16, UTF-8, GB18030 and Big5, in that order."""

from __future__ import annotations

import codecs

from .common import ImportFailed

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Punctuation that real Chinese text uses; text decoded with the wrong codec lacks it.
_CN_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·％　「」『』")
# Below this share of plausible characters a GB18030 reading is taken for a misread.
PLAUSIBLE = 0.97
NUL_MESSAGE = ("文件中含有空字符（NUL），不像是纯文本文件；请确认选择的是 .txt 文本，"
               "或在记事本中“另存为”UTF-8 编码后再导入")


def decode_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a .txt file and the encoding used; ImportFailed when it cannot be decoded."""
    if encoding:
        text = _decode_as(data, encoding)
        if "\x00" in text and not encoding.lower().startswith(("utf-16", "utf16", "utf-32", "utf32")):
            raise ImportFailed(NUL_MESSAGE)
        return text, encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name, bom=True), name + ("-sig" if name == "utf-8" else "")
    utf16 = _guess_utf16(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise ImportFailed(NUL_MESSAGE)
    return _guess_8bit(data)


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ImportFailed(f"不认识的编码“{encoding}”，请改选 UTF-8、GB18030 或 Big5") from None
    if data.startswith(codecs.BOM_UTF8) and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"按“{encoding}”编码无法读取此文件（第{exc.start + 1}字节处出错），"
                           "请改选其他编码或使用自动识别") from None


def _strict(data: bytes, name: str, *, bom: bool = False) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        hint = "文件开头标明" if bom else "文件看起来是"
        raise ImportFailed(f"{hint} {name.upper()} 编码，但内容无法按此编码读取，文件可能已损坏；"
                           "请用记事本打开后“另存为”UTF-8 再导入") from None


def _guess_utf16(data: bytes) -> str | None:
    """utf-16-le/be for a BOM-less file whose NUL bytes read as UTF-16 text, else None."""
    sample = data[:4096]
    if b"\x00" not in sample or len(data) % 2:
        return None
    # ASCII in UTF-16 leaves its NUL in the high byte: odd offsets for LE, even ones for BE.
    first = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
    second = "utf-16-be" if first == "utf-16-le" else "utf-16-le"
    for name in (first, second):
        text = _try(data, name)
        if text is not None and _looks_like_text(text):
            return name
    return None


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    return controls == 0 and plausibility(text) >= 0.9


def _guess_8bit(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _has_cjk(text):
            return text, "utf-8"
        gb = _try(data, "gb18030")
        # A short GBK text can also be valid UTF-8 (the classic “联通” case) without any CJK.
        return (gb, "gb18030") if gb and _has_cjk(gb) else (text, "utf-8")
    gb = _try(data, "gb18030")
    if gb is not None and plausibility(gb) >= PLAUSIBLE:
        return gb, "gb18030"
    big5 = _try(data, "big5") or _try(data, "cp950")
    if big5 is not None and (gb is None or plausibility(big5) > plausibility(gb)):
        return big5, "big5"
    if gb is not None:
        return gb, "gb18030"
    raise ImportFailed("无法识别文件的编码（既不是 UTF-8，也不是 GB18030 或 Big5）；"
                       "请在导入时手动选择编码，或用记事本“另存为”UTF-8 后再导入")


def _try(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def plausibility(text: str) -> float:
    """Share of non-ASCII characters that are CJK ideographs or Chinese punctuation (1.0 if none)."""
    total = good = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if "\u4e00" <= ch <= "\u9fff" or ch in _CN_PUNCT:
            good += 1
    return good / total if total else 1.0
