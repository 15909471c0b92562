"""web-leftover: page furniture pasted along with a policy from a website."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Package
from . import BLOCKING, WARNING, Finding
from .parts import excerpt, text_parts

FURNITURE_MAX = 60
# Phrases that only ever appear in website chrome.
_STRONG = re.compile(
    r"打印本页|关闭窗口|【\s*字体[：:]|字体[：:]\s*大\s*中\s*小|字号[：:]\s*大\s*中\s*小|浏览次数|阅读次数"
    r"|点击数[：:]|点击量[：:]|访问量[：:]|责任编辑[：:]|上一篇[：:]?|下一篇[：:]?|扫一扫|分享到|网站地图"
    r"|ICP备|当前位置[：:]|您现在的位置|返回顶部|加入收藏|收藏本页|【\s*打印\s*】|【\s*关闭\s*】"
    r"|【\s*大\s*】|【\s*中\s*】|【\s*小\s*】"
)
# Words that also occur in real sentences; furniture only when the line is little else.
_WEAK = re.compile(r"相关链接|相关文件|热门词条|联系我们|版权所有|打印|关闭|[【】|｜丨·\s]")
_STRAY_KV = re.compile(r"^(来源|信息来源|文章来源|发布时间|发稿时间|作者|编辑|审核|字号|浏览量|主办单位|承办单位|网站标识码|技术支持)[：:]")


def is_web_furniture(paragraph: str) -> bool:
    """Whether a line is website chrome (打印本页、分享到、来源：… 发布时间：…) rather than text."""
    text = paragraph.strip()
    if not text or len(text) > FURNITURE_MAX:
        return False
    if _STRONG.search(text) or _STRAY_KV.match(text):
        return True
    stripped = _WEAK.sub("", text)
    return len(stripped) <= 2 and stripped != text


def check_web_leftovers(package: Package) -> Iterable[Finding]:
    """Published text must not carry page furniture; internal parts get a warning."""
    for part in text_parts(package):
        severity = BLOCKING if part.public and part.part != "plan" else WARNING
        for index, para in enumerate(part.paragraphs):
            if is_web_furniture(para):
                yield Finding("web-leftover", severity, part.part, index, excerpt(para),
                              f"疑似网页残留内容“{excerpt(para, width=20)}”，发布文本中应删除",
                              None, "body")
