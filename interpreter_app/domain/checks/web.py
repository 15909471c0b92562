"""web-leftover: page furniture pasted along with a policy from a website or an encyclopedia page.

Two ways to recognise it: a list of phrases that only website chrome uses (打印本页、分享到、
相关词条…), and structure — a run of short key:value lines above the body (中文名：… 颁布时间：…)
and a run of short link lines below it (相关词条 followed by entry names). Lines are compared in
Simplified, so a Traditional page is recognised the same way. Each run is one finding whose fix
removes the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Package
from ..script import to_simplified
from . import BLOCKING, WARNING, Finding
from .parts import PartText, excerpt, text_parts

FURNITURE_MAX = 60
LINK_MAX = 24  # a link line names a page or an entry: short, no sentence punctuation
# Phrases that only ever appear in website chrome.
_STRONG = re.compile(
    r"打印本页|关闭窗口|【\s*字体[：:]|字体[：:]\s*大\s*中\s*小|字号[：:]\s*大\s*中\s*小|浏览次数|阅读次数"
    r"|点击数[：:]|点击量[：:]|访问量[：:]|责任编辑[：:]|上一篇[：:]?|下一篇[：:]?|扫一扫|分享到|网站地图"
    r"|ICP备|当前位置[：:]|您现在的位置|返回顶部|加入收藏|收藏本页|【\s*打印\s*】|【\s*关闭\s*】"
    r"|【\s*大\s*】|【\s*中\s*】|【\s*小\s*】|使用帮助|联系我们\s*[|｜丨]"
)
# Section headers of encyclopedia and portal pages: furniture when they stand alone on a line.
_HEADERS = re.compile(r"^(?:基本介绍|基本信息|全文|正文|文件全文|政策全文|原文|相关词条|热门词条|相关链接|"
                      r"相关文件|相关阅读|相关新闻|相关解读|延伸阅读|推荐阅读|联系我们|参考资料|词条标签|"
                      r"目录|分享|收藏|打印|关闭)[：:]?$")
# Words that also occur in real sentences; furniture only when the line is little else.
_WEAK = re.compile(r"相关链接|相关文件|热门词条|联系我们|版权所有|打印|关闭|[【】|｜丨·\s]")
_STRAY_KV = re.compile(r"^(来源|信息来源|文章来源|发布时间|发稿时间|作者|编辑|审核|字号|浏览量|主办单位|承办单位|"
                       r"网站标识码|技术支持|中文名|中文名称|外文名|颁布时间|颁布单位|发布单位|实施时间|"
                       r"施行时间|文件类型|文件编号|文号|类别|属性|时效性|效力级别|所属类别|发文时间)\s*[：:]")
_LIST_HEADERS = re.compile(r"^(?:相关词条|热门词条|相关链接|相关文件|相关阅读|相关新闻|相关解读|延伸阅读|"
                           r"推荐阅读|参考资料|词条标签)[：:]?$")
_SENTENCE = re.compile(r"[。；;，,！？!?]")


def is_web_furniture(paragraph: str) -> bool:
    """Whether a line is website chrome (打印本页、分享到、来源：… 发布时间：…) rather than text."""
    text = paragraph.strip()
    if not text or len(text) > FURNITURE_MAX:
        return False
    text = to_simplified(text)
    if _STRONG.search(text) or _STRAY_KV.match(text) or _HEADERS.match(text):
        return True
    stripped = _WEAK.sub("", text)
    return len(stripped) <= 2 and stripped != text


def furniture_blocks(paragraphs: list[str]) -> list[tuple[int, int]]:
    """(start, length) of each run of furniture lines, link lists after a list header included."""
    marks = [is_web_furniture(p) for p in paragraphs]
    _mark_link_lists(paragraphs, marks)
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        if not marks[i]:
            i += 1
            continue
        j = i
        while j < len(marks) and marks[j]:
            j += 1
        blocks.append((i, j - i))
        i = j
    return blocks


def _mark_link_lists(paragraphs: list[str], marks: list[bool]) -> None:
    """Short lines after 相关词条/热门词条… up to the next body sentence are links."""
    in_list = False
    for i, para in enumerate(paragraphs):
        simple = to_simplified(para.strip())
        if _LIST_HEADERS.match(simple):
            in_list, marks[i] = True, True
        elif in_list and len(simple) <= LINK_MAX and not _SENTENCE.search(simple):
            marks[i] = True
        elif not marks[i]:
            in_list = False


def check_web_leftovers(package: Package) -> Iterable[Finding]:
    """Published text must not carry page furniture; internal parts get a warning."""
    for part in text_parts(package):
        yield from _part_findings(part)


def _part_findings(part: PartText) -> Iterator[Finding]:
    severity = BLOCKING if part.public and part.part != "plan" else WARNING
    for start, length in furniture_blocks(part.paragraphs):
        first = part.paragraphs[start]
        if length == 1:
            message = f"疑似网页残留内容“{excerpt(first, width=20)}”，发布文本中应删除"
        else:
            message = (f"第{start + 1}–{start + length}段共{length}行疑似网页残留内容"
                       f"（“{excerpt(first, width=12)}”等），发布文本中应删除")
        yield Finding("web-leftover", severity, part.part, start, excerpt(first), message,
                      None, "body", span=length)
