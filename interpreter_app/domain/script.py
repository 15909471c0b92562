"""Traditional script and Taiwan/Hong Kong terms: detection, t2s conversion, term suggestions.

Shared by import and the checks, so neither has to import the other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .text import paragraphs

# A text with at least this share of Traditional characters is treated as written in Traditional.
TRADITIONAL_RATIO = 0.1
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class ScriptReport:
    """How much of a text is in Traditional characters, with a few examples."""

    cjk_chars: int
    traditional_chars: int
    samples: tuple[str, ...] = ()

    @property
    def ratio(self) -> float:
        """Share of CJK characters that are Traditional."""
        return self.traditional_chars / self.cjk_chars if self.cjk_chars else 0.0

    @property
    def is_traditional(self) -> bool:
        """Whether the text as a whole is written in Traditional characters."""
        return self.ratio >= TRADITIONAL_RATIO


@dataclass(frozen=True)
class TermSuggestion:
    """A Taiwan/Hong Kong term with the mainland term to offer; positions are in the paragraph."""

    paragraph: int
    start: int
    end: int
    found: str
    replacement: str
    note: str


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # C++ extension: loaded only when script is checked

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The text with Traditional characters converted to Simplified (characters only, no terms)."""
    return _converter().convert(text) if text else text


def traditional_positions(text: str) -> list[int]:
    """Indexes of CJK characters that t2s would change."""
    converted = to_simplified(text)
    if len(converted) == len(text):
        # Whole-text conversion keeps phrase context (乾坤 stays, 乾燥 becomes 干燥).
        return [i for i, (a, b) in enumerate(zip(text, converted, strict=True))
                if a != b and _CJK.match(a)]
    return [i for i, ch in enumerate(text) if _CJK.match(ch) and to_simplified(ch) != ch]


def script_report(text: str) -> ScriptReport:
    """Counts of CJK and Traditional characters in the text."""
    positions = traditional_positions(text)
    samples = tuple(dict.fromkeys(text[i] for i in positions))[:10]
    return ScriptReport(len(_CJK.findall(text)), len(positions), samples)


# ---- term suggestions ---------------------------------------------------------------------

_IT = ("上传|下载|附件|开启|打开|储存|存储|保存|格式|压缩|PDF|pdf|Word|WORD|Excel|点击|另存|传送|"
       "传输|删除|扫描|系统|参数|密码|账号|帐号|页面|选项|软件|软体|手机|浏览器|网站|程序|程式|电脑|"
       "计算机|界面|介面|用户|登录|登入|APP|App|app")


@dataclass(frozen=True)
class TermRule:
    """One curated term: where it applies (require) and where it must be left alone (avoid)."""

    pattern: re.Pattern[str]
    replacement: str
    note: str
    require: re.Pattern[str] | None = None
    avoid: re.Pattern[str] | None = None


# The computer context may sit a few words away; the exceptions are set phrases next to the term.
REQUIRE_WINDOW = 8
AVOID_WINDOW = 4


def _rule(pattern: str, replacement: str, note: str, require: str = "", avoid: str = "") -> TermRule:
    return TermRule(re.compile(pattern), replacement, note,
                    re.compile(require) if require else None, re.compile(avoid) if avoid else None)


TW = "台湾地区用语"
TERM_RULES: tuple[TermRule, ...] = (
    _rule("最佳化", "优化", TW + "，规范用语为“优化”"),
    _rule("(?<!方)程式(?!化)", "程序", TW + "，指计算机程序时用“程序”"),
    _rule("[檔档]案", "文件", "指电脑文件时用“文件”；人事档案、档案馆等仍用“档案”", _IT,
          "人事|档案馆|档案局|档案室|档案管理|健康档案|信用档案|学籍|干部档案|归档|档案法|户籍|诚信档案|电子档案"),
    _rule("[檔档]名", "文件名", TW + "，规范用语为“文件名”"),
    _rule("入口[網网]站", "门户网站", TW + "，规范用语为“门户网站”"),
    _rule("[資资]料[庫库]", "数据库", TW + "，规范用语为“数据库”"),
    _rule("[網网]際[網网]路|网际网路", "互联网", TW + "，规范用语为“互联网”"),
    _rule("[線线]上", "在线", "正式文件多用“在线”“网上”；“线上线下”并用时保留", "",
          "[线線]下|[一红底前热专边防主阵战航天]线上|命线上|平线上|戒线上|准线上|跑线上|在线上"),
    _rule("[設设]定", "设置", "指系统、软件的设置时用“设置”；“设定目标”“行政许可的设定”等保留", _IT,
          "设定目标|设定标准|设定条件|设定期限|设定依据|许可的设定|许可设定|设定和实施"),
    _rule("[許许]可[權权]", "权限", "指系统访问权限时用“权限”", "",
          "行政许可权|审批许可权|专利许可权|经营许可权|特许|许可权限"),
    _rule("[軟软][體体](?!动物)", "软件", TW + "，规范用语为“软件”"),
    _rule("[硬][體体]", "硬件", TW + "，规范用语为“硬件”"),
    _rule("(?<![电管路铁光水气])[網网]路(?![径由线面况])", "网络", TW + "，规范用语为“网络”"),
    _rule("[資资][訊讯](?=科技|安全|系统|系統|化|技术|技術|产业|產業|工程|管理|中心|部门|部門|公开|公開)",
          "信息", "指信息技术、政府信息时用“信息”；“新闻资讯”等保留"),
    _rule("(?<=短)影片|影片(?=上传|上傳|分享|平台|平臺|直播)", "视频", TW + "，网络视频用“视频”", "",
          "电影|影院|影展"),
    _rule("[行][動动](?=支付|装置|裝置|电话|電話|应用|應用|通讯|通訊|网络|網路)", "移动",
          TW + "，规范用语为“移动”"),
    _rule("品[質质](?=管理|管控|控制|保证|保證|检验|檢驗|检测|檢測|认证|認證|监督|監督|稽核)", "质量",
          "指质量管理时用“质量”；“高品质”“品质生活”等保留"),
    _rule("伺服器", "服务器", TW + "，规范用语为“服务器”"),
    _rule("[數数]位(?=化|经济|經濟|政府|转型|轉型|技术|技術|治理|平台|平臺|内容|內容|科技)", "数字",
          TW + "，规范用语为“数字”，如数字化、数字经济"),
    _rule("列印", "打印", TW + "，规范用语为“打印”"),
    _rule("智慧型手[機机]", "智能手机", TW + "，规范用语为“智能手机”"),
    _rule("部落格", "博客", TW + "，规范用语为“博客”"),
    _rule("[視视][訊讯](?=会议|會議|通话|通話|服务|服務)", "视频", TW + "，规范用语为“视频”"),
    _rule("[寬宽][頻频]", "宽带", TW + "，规范用语为“宽带”"),
    _rule("作[業业]系[統统]", "操作系统", TW + "，规范用语为“操作系统”"),
    _rule("介面", "界面", TW + "，规范用语为“界面”"),
    _rule("[預预][設设](?=值|为|為|的|密码|密碼)", "默认", "指软件默认值时用“默认”", _IT),
    _rule("[帳帐](?=[號号戶户])", "账", "规范用字为“账号”“账户”"),
)


def variant_term_suggestions(text: str) -> list[TermSuggestion]:
    """Curated term changes to offer one by one (never applied without the writer's consent)."""
    out: list[TermSuggestion] = []
    for index, para in enumerate(paragraphs(text)):
        out.extend(_paragraph_suggestions(index, para))
    return out


def _paragraph_suggestions(index: int, para: str) -> list[TermSuggestion]:
    found: list[TermSuggestion] = []
    for rule in TERM_RULES:
        for m in rule.pattern.finditer(para):
            if rule.require and not rule.require.search(_context(para, m, REQUIRE_WINDOW)):
                continue
            if rule.avoid and rule.avoid.search(_context(para, m, AVOID_WINDOW)):
                continue
            found.append(TermSuggestion(index, m.start(), m.end(), m[0], rule.replacement, rule.note))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[TermSuggestion] = []
    for s in found:
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    return kept


def _context(para: str, m: re.Match[str], width: int) -> str:
    # Simplified so that one pattern serves text in either script.
    return to_simplified(para[max(0, m.start() - width): m.end() + width])


def apply_suggestions(text: str, accepted: list[TermSuggestion]) -> str:
    """The text with the accepted suggestions applied; stale ones (text changed) are skipped."""
    lines = text.replace("\r\n", "\n").split("\n")
    starts = _paragraph_lines(lines)
    for s in sorted(accepted, key=lambda s: (s.paragraph, s.start), reverse=True):
        if s.paragraph >= len(starts):
            continue
        line_no, offset = starts[s.paragraph]
        line = lines[line_no]
        a, b = offset + s.start, offset + s.end
        if line[a:b] == s.found:
            lines[line_no] = line[:a] + s.replacement + line[b:]
    return "\n".join(lines)


def _paragraph_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(line number, offset of the stripped text) of each paragraph as domain.text counts them."""
    out = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            out.append((number, len(line) - len(line.lstrip())))
    return out
