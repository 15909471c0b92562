"""Starting content for a new material of each kind (the text is document content, in Chinese)."""

from __future__ import annotations

from .kinds import material_kind
from .model import ChartSpec, Material, QAPair, Series
from .validation import TITLE_MAX

# 文字解读 laid out by the 解读要素, each heading with a note of what belongs under it.
ARTICLE_SECTIONS = (
    ("出台背景", "说明政策出台的背景、依据和必要性。"),
    ("目标任务", "说明政策要达到的目标和主要任务。"),
    ("主要内容", "逐条说明主要措施，不简单摘抄或压缩原文。"),
    ("涉及范围", "说明适用对象和适用范围。"),
    ("执行标准", "说明补贴、收费、认定等具体标准。"),
    ("操作方法", "说明受理单位、办事条件、所需材料、办理程序和时限。"),
    ("注意事项", "说明办理中需要注意的问题。"),
    ("关键词诠释", "解释文件中的专业术语和关键词。"),
    ("惠民利民举措", "说明群众和企业能得到的实惠。"),
    ("新旧政策差异", "说明与原有政策相比的变化。"),
)
_CN = "一二三四五六七八九十"

TITLE_PATTERNS = {
    "article": "《{t}》政策解读", "qa": "《{t}》政策问答", "chart": "图解《{t}》",
    "press_release": "新闻通稿：{t}", "speech": "《{t}》新闻发布稿", "reporter_lines": "答问口径",
    "host_script": "新闻发布会主持词", "media_script": "《{t}》音视频脚本",
    "interview_outline": "《{t}》在线访谈提纲", "background": "《{t}》背景材料",
}
QA_QUESTIONS = ("为什么要出台《{t}》？", "《{t}》的主要内容是什么？", "哪些对象可以享受这些政策？",
                "如何申请办理？")
HOST_SCRIPT = ("各位记者朋友，大家上午好！欢迎出席今天的新闻发布会。\n"
               "一、发布主题\n二、出席发布会的领导和嘉宾\n三、发布内容\n四、答记者问\n"
               "五、结束语\n今天的新闻发布会到此结束，谢谢大家！")
SPEECH = ("各位记者朋友：\n大家好！下面，我就《{t}》有关情况作简要介绍。\n"
          "一、出台背景\n二、主要内容\n三、下一步工作\n谢谢大家！")
MEDIA_SCRIPT = "一、选题和时长\n二、分镜脚本\n三、解说词\n四、字幕与配乐"
INTERVIEW = "一、访谈主题\n二、访谈嘉宾\n三、访谈提纲\n四、网民关注问题"


def article_body() -> str:
    """The 文字解读 skeleton: one numbered heading a 解读要素, each with its note."""
    lines = []
    for number, (heading, note) in zip(_CN, ARTICLE_SECTIONS, strict=True):
        lines.append(f"{number}、{heading}")
        lines.append(f"（{note}）")
    return "\n".join(lines)


def template_material(kind: str, document_title: str) -> Material:
    """A new material of the kind with a title and starting content for the document."""
    short = document_title.strip() or "本文件"
    title = TITLE_PATTERNS.get(kind, material_kind(kind).label).format(t=short)[:TITLE_MAX]
    if kind in ("qa", "reporter_lines"):
        pairs = [QAPair(q.format(t=short), "") for q in QA_QUESTIONS]
        return Material.new(kind, title, qa=pairs)
    if material_kind(kind).editor == "chart":
        spec = ChartSpec("bar", title, ["2024年", "2025年", "2026年"], [Series("数值", [None] * 3)])
        return Material.new(kind, title, chart=spec)
    bodies = {"article": article_body(), "host_script": HOST_SCRIPT, "speech": SPEECH.format(t=short),
              "media_script": MEDIA_SCRIPT, "interview_outline": INTERVIEW}
    return Material.new(kind, title, body=bodies.get(kind, ""))


def template_notes() -> frozenset[str]:
    """The instruction lines of every template (e.g. “（说明政策要达到的目标和主要任务。）”)."""
    return frozenset(f"（{note}）" for _heading, note in ARTICLE_SECTIONS)


def template_paragraphs(kind: str, document_title: str) -> list[str]:
    """The paragraphs a new material of the kind starts with (questions for Q&A kinds)."""
    from .text import paragraphs

    material = template_material(kind, document_title)
    return paragraphs(material.body) + [p.question for p in material.qa]
