"""Vocabularies of the domain: material kinds, interpretation forms, channels, roles."""

from __future__ import annotations

from dataclasses import dataclass

PUBLIC = "public"
INTERNAL = "internal"
AUDIENCES = (PUBLIC, INTERNAL)
AUDIENCE_LABELS = {PUBLIC: "公开", INTERNAL: "内部"}


@dataclass(frozen=True)
class MaterialKind:
    """One kind of interpretation material and how it is handled by default."""

    code: str
    label: str
    label_en: str
    default_audience: str
    editor: str  # "text", "qa" or "chart": which editor and export layout the kind uses
    note: str = ""


MATERIAL_KINDS: tuple[MaterialKind, ...] = (
    MaterialKind("article", "文字解读", "Explainer article", PUBLIC, "text",
                 "解释解读要素；可由领导或专家署名"),
    MaterialKind("qa", "政策问答", "Questions and answers", PUBLIC, "qa"),
    MaterialKind("chart", "图解", "Infographic chart", PUBLIC, "chart", "图表须注明数据来源"),
    MaterialKind("press_release", "新闻通稿", "Press release", PUBLIC, "text", "可设置发布时间（禁发线）"),
    MaterialKind("speech", "新闻发布稿", "Speaker remarks", PUBLIC, "text",
                 "不超过3000字、口播不超过20分钟；发布后公开"),
    MaterialKind("reporter_lines", "答问口径", "Prepared lines for reporters", INTERNAL, "qa"),
    MaterialKind("host_script", "主持词", "Host script", INTERNAL, "text", "主题、背景、发布人、议程"),
    MaterialKind("media_script", "音视频脚本", "Audio/video script", PUBLIC, "text", "脚本与分镜"),
    MaterialKind("interview_outline", "在线访谈提纲", "Online interview outline", PUBLIC, "text"),
    MaterialKind("background", "背景材料", "Background", PUBLIC, "text"),
)
KINDS_BY_CODE = {k.code: k for k in MATERIAL_KINDS}


def material_kind(code: str) -> MaterialKind:
    """The kind for a code; unknown codes raise KeyError with the code."""
    return KINDS_BY_CODE[code]


# 解读形式
FORMS: tuple[str, ...] = (
    "文字解读", "专家解读", "政策问答", "图表图解", "音频视频", "动漫/H5",
    "在线访谈", "媒体专访", "答记者问", "政策吹风会", "新闻发布会",
)
PRESS_CONFERENCE_FORMS = frozenset({"新闻发布会", "政策吹风会"})
# The 解读形式 a public material stands for on the website (a portal's 解读形式 column).
KIND_FORMS = {
    "article": "文字解读", "qa": "政策问答", "chart": "图表图解", "press_release": "文字解读",
    "speech": "新闻发布会", "media_script": "音频视频", "interview_outline": "在线访谈",
    "background": "文字解读", "reporter_lines": "答记者问", "host_script": "新闻发布会",
}


def material_form(kind: str, interpreter_role: str = "") -> str:
    """The 解读形式 of a material: an article signed by an expert is 专家解读."""
    if kind == "article" and interpreter_role == "专家":
        return "专家解读"
    return KIND_FORMS.get(kind, "文字解读")

# 解读渠道
CHANNELS: tuple[str, ...] = (
    "政府门户网站政策解读专栏", "政务新媒体（微信、微博、客户端）", "报刊", "广播电视",
    "新闻发布会", "政府公报",
)

# 解读人角色
INTERPRETER_ROLES: tuple[str, ...] = ("主要负责人", "分管领导", "处室负责人", "专家")

# 解读要素
ELEMENTS: tuple[str, ...] = (
    "背景依据", "目标任务", "主要内容", "涉及范围", "执行标准", "操作方法", "注意事项",
    "关键词诠释", "惠民利民举措", "新旧政策差异",
)
CITIZEN_ELEMENTS: tuple[str, ...] = ("受理单位", "办事条件", "材料", "程序", "时限")

VALIDITY = ("有效", "失效", "废止")
DISCLOSURE = ("主动公开", "依申请公开", "不予公开")
GENRES = ("通知", "意见", "办法", "规定", "方案", "决定", "通告", "规划", "细则", "批复", "函")
RISK_LEVELS = ("低", "中", "高")

CHART_TYPES: tuple[tuple[str, str], ...] = (
    ("bar", "柱状图"), ("barh", "条形图"), ("grouped", "分组柱状图"), ("stacked", "堆积柱状图"),
    ("line", "折线图"), ("pie", "饼图"), ("donut", "环形图"), ("big_number", "关键数字"),
)
CHART_TYPE_LABELS = dict(CHART_TYPES)

# Speaking rate used to estimate how long remarks take to deliver (characters a minute).
DEFAULT_SPEAKING_RATE = 180
SPEECH_MAX_CHARS = 3000
SPEECH_MAX_MINUTES = 20
