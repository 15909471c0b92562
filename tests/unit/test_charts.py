"""Charts: every type drawn to PNG and SVG with Chinese text, in the house style, repeatably."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from interpreter_app.domain.model import ChartSpec, Series
from interpreter_app.domain.statistics import PackageFacts, compute_statistics
from interpreter_app.export import charts, fonts

pytestmark = pytest.mark.filterwarnings("error:Glyph .* missing from font:UserWarning")

PX_AT_300DPI = 156 / 25.4 * 300

SPECS = {
    "bar": ChartSpec("bar", "2024年全省一般公共预算收入（分季度）", ["第一季度", "第二季度", "第三季度"],
                     [Series("收入", [1234.5, -320.4, 1890.0])], "亿元", "省财政厅", "第三季度"),
    "barh": ChartSpec("barh", "各市州新增就业人数", ["昆明市", "红河哈尼族彝族自治州", "曲靖市"],
                      [Series("新增", [152_300, 68_800, -3_200])], "人", "省人力资源社会保障厅"),
    "grouped": ChartSpec("grouped", "惠企资金对比", ["稳岗返还", "创业担保贷款贴息"],
                         [Series("2023年", [12.5, 8.3]), Series("2024年", [15.8, -1.5])],
                         "亿元", "省发展改革委"),
    "stacked": ChartSpec("stacked", "发布渠道构成", ["一月", "二月", "三月"],
                         [Series("门户网站", [12, 9, 15]), Series("政务新媒体", [8, -2, 11])],
                         "篇", "政策解读工作台"),
    "line": ChartSpec("line", "进出口同比增速", ["一月", "二月", "三月", "四月"],
                      [Series("出口", [5.2, -2.4, 1.5, 7.6]), Series("进口", [3.5, -4.3, 8.4, 1.8])],
                      "%", "海关总署", "三月"),
    "pie": ChartSpec("pie", "解读形式构成", ["文字解读", "政策问答", "图表图解"],
                     [Series("篇数", [156, 98, 64])], "篇", "政策解读工作台"),
    "donut": ChartSpec("donut", "民生支出结构", ["教育", "社会保障和就业", "其他"],
                       [Series("支出", [1.8e9, 1.5e9, 1.2e8])], "元", "省财政厅", "教育"),
    "big_number": ChartSpec("big_number", "2024年减税降费", ["新增减税降费", "惠及市场主体", "同比"],
                            [Series("数值", [1.238e9, 356_000, -12.5])], "元；户；%", "省税务局"),
}


def _texts(fig) -> list[str]:
    from matplotlib.text import Text

    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict[str, bytes]]:
    return {kind: {fmt: charts.render_chart(spec, fmt) for fmt in charts.FORMATS}
            for kind, spec in SPECS.items()}


# ---- import and fonts ----------------------------------------------------------------------

def test_importing_charts_does_not_import_matplotlib():
    code = "import interpreter_app.export.charts, sys; assert 'matplotlib' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_bundled_font_is_registered_first_and_only_installed_families_are_listed():
    from matplotlib import font_manager

    chain = fonts.configure_matplotlib()
    assert chain == fonts.configure_matplotlib()  # idempotent
    assert chain[0] == fonts.CJK_FAMILY and chain[-1] == "DejaVu Sans"
    installed = {e.name for e in font_manager.fontManager.ttflist}
    assert set(chain) <= installed
    found = font_manager.findfont(font_manager.FontProperties(family=fonts.CJK_FAMILY))
    assert Path(found) == fonts.cjk_font_path()
    assert fonts.cjk_font_path().is_file() and fonts.cjk_font_path().stat().st_size < 2_500_000


def test_charts_render_with_only_the_bundled_font():
    code = (
        "import warnings\n"
        "warnings.filterwarnings('error', message='Glyph .* missing from font')\n"
        "from matplotlib import font_manager as fm\n"
        "fm.fontManager.ttflist = [e for e in fm.fontManager.ttflist if 'CJK' not in e.name]\n"
        "from tests.unit.test_charts import SPECS\n"
        "from interpreter_app.export import charts\n"
        "for spec in SPECS.values():\n"
        "    charts.render_chart(spec, 'png', dpi=60)\n"
        "from interpreter_app.domain.model import ChartSpec, Series\n"
        "try:\n"
        "    charts.render_chart(ChartSpec('bar', '堉', ['甲'], [Series('', [1])]), 'png', dpi=60)\n"
        "except UserWarning:\n"
        "    print('missing glyph caught')\n")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "missing glyph caught"


# ---- every type ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(SPECS))
def test_png_is_300_dpi_at_text_width(rendered, kind):
    from PIL import Image

    image = Image.open(io.BytesIO(rendered[kind]["png"]))
    assert image.format == "PNG"
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)
    assert abs(image.width - PX_AT_300DPI) <= 1
    assert 0.2 < image.height / image.width < 1.5


@pytest.mark.parametrize("kind", list(SPECS))
def test_svg_draws_text_as_outlines_without_a_date(rendered, kind):
    svg = rendered[kind]["svg"]
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert b"<text" not in svg  # glyphs are paths, so the SVG looks right without the font
    assert b"<dc:date>" not in svg


@pytest.mark.parametrize("kind", list(SPECS))
def test_same_spec_gives_identical_bytes(rendered, kind):
    for fmt in charts.FORMATS:
        assert charts.render_chart(SPECS[kind], fmt) == rendered[kind][fmt]


@pytest.mark.parametrize("kind", list(SPECS))
def test_nothing_is_clipped_at_the_figure_edge(rendered, kind):
    from PIL import Image

    fig = charts.build_figure(SPECS[kind])
    tight = fig.get_tightbbox(fig.canvas.get_renderer())  # inches, drawn artists only
    assert tight.x0 >= 0 and tight.y0 >= 0
    assert tight.x1 <= fig.get_figwidth() and tight.y1 <= fig.get_figheight()
    image = Image.open(io.BytesIO(rendered[kind]["png"])).convert("L")
    w, h = image.size
    edges = [image.crop(box) for box in ((0, 0, w, 3), (0, h - 3, w, h), (0, 0, 3, h),
                                         (w - 3, 0, w, h))]
    assert all(edge.getextrema()[0] >= 250 for edge in edges)  # a white margin all round


def test_title_unit_and_source_lines_are_drawn():
    texts = _texts(charts.build_figure(SPECS["bar"]))
    assert "2024年全省一般公共预算收入（分季度）" in texts
    assert "单位：亿元" in texts and "数据来源：省财政厅" in texts


def test_value_labels_use_thousands_separators_and_the_minus_sign():
    texts = _texts(charts.build_figure(SPECS["bar"]))
    assert {"1,234.5", "\u2212320.4", "1,890.0"} <= set(texts)


def test_large_values_move_wan_into_the_unit_line():
    texts = _texts(charts.build_figure(SPECS["barh"]))
    assert "单位：万人" in texts and "15.23" in texts and "\u22120.32" in texts


def test_legend_names_the_series():
    texts = _texts(charts.build_figure(SPECS["grouped"]))
    assert "2023年" in texts and "2024年" in texts


def test_pie_table_lists_values_and_shares():
    texts = _texts(charts.build_figure(SPECS["pie"]))
    assert "156篇" in texts and "49.1%" in texts


def test_big_number_shows_each_figure_with_its_unit():
    texts = _texts(charts.build_figure(SPECS["big_number"]))
    assert {"12.38", "亿元", "35.6", "万户", "\u221212.5", "%"} <= set(texts)


def test_crowded_axes_still_draw():
    cats = [f"{y}年{m}月" for y in (2020, 2021, 2022, 2023, 2024) for m in range(1, 13)]
    for kind in ("bar", "line"):
        spec = ChartSpec(kind, "各月数据", cats, [Series("", [float(i % 7 - 2) for i in range(60)])])
        assert charts.render_chart(spec, "png", dpi=72)[:4] == b"\x89PNG"
    twelve = ChartSpec("pie", "十二项", [f"第{i}项" for i in range(12)], [Series("", [1.0] * 12)])
    assert charts.render_chart(twelve, "png", dpi=72)


def test_width_and_dpi_are_honoured():
    from PIL import Image

    image = Image.open(io.BytesIO(charts.render_chart(SPECS["line"], dpi=150, width_mm=80)))
    assert abs(image.width - 80 / 25.4 * 150) <= 1
    assert image.info["dpi"][0] == pytest.approx(150, abs=0.05)


# ---- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize("spec", [
    ChartSpec("bar"),
    ChartSpec("bar", "错", ["甲", "乙"], [Series("", [1.0])]),
    ChartSpec("line", "错", ["甲", "乙"], [Series("", [1.0, None])]),
    ChartSpec("pie", "错", ["甲", "乙"], [Series("", [1.0, -1.0])]),
    ChartSpec("bar", "错", [str(i) for i in range(200)], [Series("", [1.0] * 200)]),
    ChartSpec("big_number", "错", ["甲"], []),
    ChartSpec("radar", "错", ["甲"], [Series("", [1.0])]),
])
def test_bad_specs_raise_value_error_with_the_problems(spec):
    with pytest.raises(ValueError) as caught:
        charts.build_figure(spec)
    assert str(caught.value) == "；".join(charts.chart_problems(spec))


def test_save_chart_takes_the_format_from_the_suffix(tmp_path):
    png = charts.save_chart(SPECS["pie"], tmp_path / "图.png", dpi=72)
    svg = charts.save_chart(SPECS["pie"], tmp_path / "图.SVG", dpi=72)
    assert png.read_bytes()[:4] == b"\x89PNG" and b"<svg" in svg.read_bytes()
    with pytest.raises(ValueError, match="不支持的图片格式"):
        charts.save_chart(SPECS["pie"], tmp_path / "图.gif")


# ---- dashboard -----------------------------------------------------------------------------

KEYS = ["annual_figures", "released_per_month", "by_form", "by_department", "by_role",
        "timeliness", "cycle_time", "issued_vs_interpreted", "concerns"]


def _facts(i: int) -> PackageFacts:
    month = f"2024-{i % 12 + 1:02d}"
    return PackageFacts(
        i, ["省财政厅", "省教育厅"][i % 2], "released", f"文件{i}", f"{month}-05",
        f"{month}-{5 + i % 6:02d}T10:00:00", f"{month}-01T09:00:00", f"{month}-04T09:00:00",
        ("文字解读", "图表图解") if i % 3 else ("新闻发布会",),
        ("主要负责人",) if i % 4 == 0 else ("专家",), ("chart",),
        acts=((("主要负责人" if i % 4 == 0 else "专家"), "《署名文章》"),), charts=("图",))


def _stats():
    items = [_facts(i) for i in range(30)]
    return compute_statistics(items, date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))


def test_dashboard_has_stable_keys_and_draws_each_figure():
    figures = charts.dashboard_figures(_stats())
    assert list(figures) == KEYS
    for fig in figures.values():
        assert _texts(fig)


def test_dashboard_of_an_empty_period_shows_placeholders(tmp_path):
    empty = compute_statistics([], date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    figures = charts.dashboard_figures(empty)
    assert list(figures) == KEYS
    assert all("本期暂无数据" in _texts(fig) for fig in figures.values())


def test_save_dashboard_writes_every_key_in_every_format(tmp_path):
    paths = charts.save_dashboard(_stats(), tmp_path / "dash", dpi=72)
    assert sorted(p.name for p in paths) == sorted(f"{k}.{f}" for k in KEYS for f in ("png", "svg"))
    assert all(p.stat().st_size > 1000 for p in paths)


@pytest.mark.parametrize("series", [[Series("降低成本", [120, 150])],
                                    [Series("甲", [120, 150]), Series("乙", [90, 110])]])
def test_two_categories_stand_together_in_the_middle_not_at_the_edges(series):
    from matplotlib.patches import Rectangle

    spec = ChartSpec("bar", "两年对比", ["2025年", "2026年"], series, "亿元", "省统计局")
    fig = charts.build_figure(spec)
    ax = fig.axes[0]
    fig.canvas.draw()
    x_px = lambda x: ax.transData.transform((x, 0))[0]  # noqa: E731
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]
    first = [b for b in bars if b.get_x() + b.get_width() / 2 < 0.5]
    second = [b for b in bars if b not in first]
    box = ax.get_window_extent()
    start = x_px(min(b.get_x() for b in first))
    end = x_px(max(b.get_x() + b.get_width() for b in second))
    assert start - box.x0 > 0.15 * box.width and box.x1 - end > 0.15 * box.width
    bar = x_px(bars[0].get_width()) - x_px(0)
    gap = x_px(min(b.get_x() for b in second)) - x_px(max(b.get_x() + b.get_width()
                                                            for b in first))
    assert gap <= 2.0 * bar  # neighbours, not two islands
