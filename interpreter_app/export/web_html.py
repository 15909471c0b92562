"""HTML5 pages of the web pack: one self-contained page per public part, readable on a phone."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from html import escape

from ..domain.kinds import material_kind
from ..domain.model import Material
from ..domain.text import heading_lead, heading_level, paragraphs
from ..domain.validation import format_datetime_cn
from .docx_materials import chart_table, embargo_line

# Small on purpose: the website's own template styles the page once it is in the CMS; this
# keeps the file readable when opened on its own, on a phone as on a desktop.
STYLE = """
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2329;font:17px/1.8 "Noto Sans CJK SC","Source Han Sans SC",
"PingFang SC","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}
main{max-width:46rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
header.site{max-width:46rem;margin:0 auto;padding:.6rem 1rem;background:#a61b1b;color:#fff;
font-size:.9rem}
header.site a{color:#fff}
h1{font-size:1.45rem;line-height:1.5;text-align:center;margin:1rem 0 .5rem}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
h4{font-size:1rem;margin:1rem 0 .2rem}
p{margin:.5rem 0;text-indent:2em;overflow-wrap:anywhere}
p.byline,p.note,p.docno,p.issuer,p.date{text-indent:0;text-align:center;color:#4e5969}
p.issuer,p.date{text-align:right}
p.source,p.formats{text-indent:0;font-size:.9rem;color:#4e5969}
span.lead{font-weight:700}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.95rem}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border:1px solid #c9cdd4;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th,table.meta th{background:#f2f3f5}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.meta th{width:7em;font-weight:400;color:#4e5969}
.scroll{overflow-x:auto}
figure{margin:1rem 0}
figure img{display:block;max-width:100%;height:auto;margin:0 auto}
video,audio{display:block;width:100%;margin:1rem 0}
figcaption{text-align:center;color:#4e5969;font-size:.95rem}
aside.related{border-top:2px solid #a61b1b;margin-top:2rem;padding-top:.5rem}
aside.related ul{padding-left:1.2rem}
dl.qa dt{font-weight:700;margin-top:1rem}
dl.qa dd{margin:0}
footer{max-width:46rem;margin:0 auto;padding:1rem;color:#86909c;font-size:.85rem}
@media (max-width:30rem){body{font-size:16px}main{padding:.75rem}h1{font-size:1.25rem}
table.meta th{width:5.5em}}
""".strip()


@dataclass(frozen=True)
class Link:
    """A link from one page to another page of the pack."""

    href: str
    title: str
    note: str = ""  # e.g. the 解读形式 or the 索引号


@dataclass(frozen=True)
class ChartImage:
    """A chart drawn for the page: its files, size and the text that stands in for it."""

    png: str
    svg: str
    png_bytes: bytes
    alt: str


@dataclass(frozen=True)
class MediaLink:
    """A file or link of a material as the page shows it: local path for a file, else the URL."""

    kind: str
    title: str
    href: str
    alt: str = ""
    source: str = ""
    data: bytes = b""  # the file, for an image's size
    is_file: bool = True


@dataclass(frozen=True)
class PageFrame:
    """What every page carries besides its body: kind, links, footer line."""

    kind_label: str  # 政策文件 / 政策解读 · 图解
    footer: str
    home: str = "index.html"
    related_heading: str = ""
    related: tuple[Link, ...] = ()
    meta_rows: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def page(title: str, frame: PageFrame, body: list[str]) -> str:
    """A complete HTML5 document: inline style, no script, no external resource."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        f'<header class="site"><a href="{_e(frame.home)}">本包目录</a> · {_e(frame.kind_label)}</header>',
        "<main>",
        "<article>",
        f"<h1>{_e(title)}</h1>",
        *_meta_table(frame.meta_rows),
        *body,
        "</article>",
        *_related(frame),
        "</main>",
        f"<footer>{_e(frame.footer)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _meta_table(rows: tuple[tuple[str, str], ...]) -> list[str]:
    shown = [(k, v) for k, v in rows if v]
    if not shown:
        return []
    lines = ['<table class="meta">', "<caption>文件信息</caption>", "<tbody>"]
    lines += [f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in shown]
    return lines + ["</tbody>", "</table>"]


def _related(frame: PageFrame) -> list[str]:
    if not frame.related:
        return []
    lines = ['<aside class="related">', f"<h2>{_e(frame.related_heading)}</h2>", "<ul>"]
    for link in frame.related:
        note = f"（{_e(link.note)}）" if link.note else ""
        lines.append(f'<li><a href="{_e(link.href)}">{_e(link.title)}</a>{note}</li>')
    return lines + ["</ul>", "</aside>"]


# ---- bodies ----------------------------------------------------------------------------------

def body_html(text: str) -> list[str]:
    """Plain-text body as HTML: 一、 → h2, （一） → h3, 1./（1） headings → h4, run-in leads bold."""
    out = []
    for para in paragraphs(text):
        level = heading_level(para)
        lead = heading_lead(para) if level else ""
        if level and lead == para:
            tag = f"h{min(level + 1, 4)}"
            out.append(f"<{tag}>{_e(para)}</{tag}>")
        elif level and lead:
            out.append(f'<p><span class="lead">{_e(lead)}</span>{_e(para[len(lead):])}</p>')
        else:
            out.append(f"<p>{_e(para)}</p>")
    return out


def document_body(body: str, issuers: list[str], date_text: str) -> list[str]:
    """The policy document's body with its issuers and 成文日期 at the end."""
    lines = body_html(body)
    lines += [f'<p class="issuer">{_e(name)}</p>' for name in issuers]
    if date_text:
        lines.append(f'<p class="date">{_e(date_text)}</p>')
    return lines


def material_body(material: Material, chart: ChartImage | None,
                  media: tuple[MediaLink, ...] = ()) -> list[str]:
    """The body of one public material in the layout of its kind, its files and links first."""
    lines = media_html(media)
    if material.byline:
        lines.append(f'<p class="byline">{_e(material.byline)}</p>')
    if material.kind == "press_release" and material.embargo:
        lines.append(f'<p class="note">{_e(embargo_line(material.embargo))}</p>')
    editor = material_kind(material.kind).editor
    if editor == "chart":
        lines += chart_html(material, chart)
    if editor == "qa":
        lines += body_html(material.body) + qa_html(material, material.kind == "qa")
    elif material.body.strip():
        lines += body_html(material.body)
    return lines


def media_html(media: tuple[MediaLink, ...]) -> list[str]:
    """一图读懂 images as figures, video and audio files as players, links as links."""
    from ..domain.media import MEDIA_KINDS

    lines = []
    for m in media:
        label = MEDIA_KINDS.get(m.kind, m.kind)
        if m.kind == "image" and m.is_file:
            width, height = png_size(m.data)
            size = f' width="{width}" height="{height}"' if width else ""
            lines += ["<figure>", f'<img src="{_e(m.href)}" alt="{_e(m.alt)}"{size}>',
                      f"<figcaption>{_e(m.title or label)}</figcaption>", "</figure>"]
            if m.source:
                lines.append(f'<p class="source">数据来源：{_e(m.source)}</p>')
        elif m.kind in ("video", "audio") and m.is_file:
            lines += [f'<{m.kind} controls preload="metadata" src="{_e(m.href)}">',
                      f'<a href="{_e(m.href)}">下载{label}</a>', f"</{m.kind}>",
                      f'<p class="formats">{_e(label)}：{_e(m.title)}</p>']
        else:
            rel = ' rel="external"' if not m.is_file else ""
            lines.append(f'<p class="formats">{_e(label)}：<a href="{_e(m.href)}"{rel}>'
                         f"{_e(m.title or m.href)}</a></p>")
    return lines


def qa_html(material: Material, numbered: bool) -> list[str]:
    """Questions and answers as a definition list."""
    if not material.qa:
        return []
    lines = ['<dl class="qa">']
    for n, pair in enumerate(material.qa, 1):
        lead = f"{n}. 问：" if numbered and len(material.qa) > 1 else "问："
        lines.append(f"<dt>{_e(lead + pair.question.strip())}</dt>")
        answer = paragraphs(pair.answer) or [""]
        lines.append(f"<dd><p>答：{_e(answer[0])}</p>")
        lines += [f"<p>{_e(p)}</p>" for p in answer[1:]]
        lines.append("</dd>")
    return lines + ["</dl>"]


def chart_html(material: Material, chart: ChartImage | None) -> list[str]:
    """The chart as a figure (PNG with alt text, SVG linked), its data as a table, its source."""
    spec = material.chart
    if spec is None or chart is None:
        return []
    width, height = png_size(chart.png_bytes)
    caption = material.caption or spec.title
    lines = ["<figure>",
             f'<img src="{_e(chart.png)}" alt="{_e(chart.alt)}" width="{width}" height="{height}">']
    if caption:
        lines.append(f"<figcaption>{_e(caption)}</figcaption>")
    lines.append("</figure>")
    lines.append(f'<p class="formats">图片下载：<a href="{_e(chart.png)}">PNG</a> · '
                 f'<a href="{_e(chart.svg)}">SVG（矢量图）</a></p>')
    if spec.categories:
        lines += data_table(spec.title or caption, chart_table(spec))
    if spec.source:
        lines.append(f'<p class="source">数据来源：{_e(spec.source)}</p>')
    return lines


def data_table(title: str, rows: list[list[str]]) -> list[str]:
    """A data table with a header row and the first column as row headers."""
    header, *body = rows
    lines = ['<div class="scroll">', "<table>", f"<caption>{_e(title or '数据')}</caption>",
             "<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
             + "</tr></thead>", "<tbody>"]
    for row in body:
        cells = "".join(f'<td class="num">{_e(c)}</td>' for c in row[1:])
        lines.append(f'<tr><th scope="row">{_e(row[0])}</th>{cells}</tr>')
    return lines + ["</tbody>", "</table>", "</div>"]


def chart_alt(material: Material) -> str:
    """Alt text that says what the chart shows: type of chart, title, every value, source."""
    from ..domain.kinds import CHART_TYPE_LABELS

    spec = material.chart
    if spec is None:
        return material.caption or material.title
    unit = spec.unit or ""
    parts = [f"{CHART_TYPE_LABELS.get(spec.type, '图表')}：{spec.title or material.title}"]
    for s in spec.series:
        values = [f"{c}{_value(v)}{unit}" for c, v in zip(spec.categories, s.values, strict=False)]
        if values:
            name = f"{s.name}：" if s.name and len(spec.series) > 1 else ""
            parts.append(name + "，".join(values))
    if spec.source:
        parts.append(f"数据来源：{spec.source}")
    return "。".join(parts) + "。"


def _value(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its IHDR chunk (so the page keeps its layout while loading)."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def index_body(rows: list[tuple[str, str, str]], note: str) -> list[str]:
    """The pack's index page: each page with its kind."""
    lines = [f'<p class="note">{_e(note)}</p>', "<ul>"]
    lines += [f'<li><a href="{_e(href)}">{_e(title)}</a>（{_e(kind)}）</li>'
              for href, title, kind in rows]
    return lines + ["</ul>"]


def when(iso: str) -> str:
    """A date-time in Chinese, or the text as it is when it cannot be read."""
    try:
        return format_datetime_cn(iso) if iso else ""
    except ValueError:
        return iso
