"""The interpretation-work dashboard as chart specs built from Statistics (no drawing here)."""

from __future__ import annotations

from interpreter_app.domain.chartdata import MAX_CATEGORIES
from interpreter_app.domain.model import ChartSpec, Series
from interpreter_app.domain.statistics import Statistics, period_label

DASHBOARD_KEYS: tuple[str, ...] = (
    "annual_figures", "released_per_month", "by_form", "by_department", "by_role", "timeliness",
    "cycle_time", "issued_vs_interpreted", "concerns",
)
SOURCE = "政策解读工作台统计"
MAX_DEPARTMENTS = 15  # the rest are summed as 其他 so the chart stays readable


def dashboard_specs(stats: Statistics) -> dict[str, ChartSpec]:
    """One ChartSpec per dashboard key, in DASHBOARD_KEYS order."""
    source = _source(stats)
    specs = {
        "annual_figures": _annual_figures(stats),
        "released_per_month": _per_month(stats),
        "by_form": _counts("barh", "解读形式分布", stats.by_form, "篇"),
        "by_department": _counts("barh", "各部门发布政策解读", _top(stats.by_department), "篇"),
        "by_role": _counts("bar", "解读人参与解读情况", stats.by_role, "次"),
        "timeliness": _timeliness(stats),
        "cycle_time": _cycle_time(stats),
        "issued_vs_interpreted": _issued_vs_interpreted(stats),
        "concerns": _counts("barh", f"回应社会关切（共{stats.concerns}次，按回应渠道）",
                            stats.concerns_by_channel, "次"),
    }
    for spec in specs.values():
        spec.source = spec.source or source
    return specs


def _source(stats: Statistics) -> str:
    scope = period_label(stats) + (f"，{stats.department}" if stats.department else "")
    return f"{SOURCE}（统计范围：{scope}）"


def _counts(kind: str, title: str, counts: dict[str, int], unit: str) -> ChartSpec:
    if not any(counts.values()):
        return ChartSpec(type=kind, title=title)
    return ChartSpec(type=kind, title=title, categories=list(counts),
                     series=[Series("数量", [float(n) for n in counts.values()])], unit=unit)


def _top(counts: dict[str, int]) -> dict[str, int]:
    if len(counts) <= MAX_DEPARTMENTS:
        return counts
    items = list(counts.items())
    head = dict(items[: MAX_DEPARTMENTS - 1])
    head["其他"] = sum(n for _, n in items[MAX_DEPARTMENTS - 1:])
    return head


def _per_month(stats: Statistics) -> ChartSpec:
    months = stats.released_per_month
    if not stats.released:
        return ChartSpec(type="bar", title="各月发布政策解读数量")
    if len(months) > MAX_CATEGORIES:
        months = _per_year(months)
    years = {m[:4] for m, _ in months}
    labels = [_month_label(m, len(years) == 1) for m, _ in months]
    kind = "bar" if len(months) <= 24 else "line"
    return ChartSpec(type=kind, title="各月发布政策解读数量", categories=labels,
                     series=[Series("解读", [float(n) for _, n in months])], unit="篇")


def _per_year(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    years: dict[str, int] = {}
    for month, n in months:
        years[month[:4]] = years.get(month[:4], 0) + n
    return list(years.items())


def _month_label(month: str, one_year: bool) -> str:
    if len(month) == 4:
        return f"{month}年"
    year, number = month.split("-")
    return f"{int(number)}月" if one_year else f"{year}年{int(number)}月"


def _timeliness(stats: Statistics) -> ChartSpec:
    shown = {k: n for k, n in stats.timeliness.items() if n}
    return ChartSpec(type="donut",
                     title=f"解读发布及时性（时限：文件发布后{stats.limit_days}个工作日内）",
                     categories=list(shown),
                     series=[Series("解读", [float(n) for n in shown.values()])], unit="篇")


def _cycle_time(stats: Statistics) -> ChartSpec:
    ct = stats.cycle_time
    title = "审签用时（提交核稿至签发）"
    if not ct.count:
        return ChartSpec(type="big_number", title=title)
    return ChartSpec(
        type="big_number", title=title, categories=["用时中位数", "最长用时", "已签发解读包"],
        series=[Series("数值", [ct.median_days or 0.0, ct.longest_days or 0.0, float(ct.count)])],
        unit="天；天；件")


def _annual_figures(stats: Statistics) -> ChartSpec:
    """The key figures of the annual-report sentence as one card (recorded acts only)."""
    title = "政策解读主要数据（年度报告）"
    values = [float(stats.released), float(stats.main_interpretations),
              float(stats.press_conferences), float(stats.leader_attendances),
              float(stats.concerns)]
    if not any(values):
        return ChartSpec(type="big_number", title=title)
    return ChartSpec(
        type="big_number", title=title,
        categories=["发布政策解读", "主要负责人解读", "举办新闻发布会", "领导出席", "回应社会关切"],
        series=[Series("数值", values)], unit="篇；次；场；人次；次")


def _issued_vs_interpreted(stats: Statistics) -> ChartSpec:
    rate = stats.interpretation_rate
    title = "发文登记与解读" + (f"（解读率{rate * 100:.1f}%）" if rate is not None
                            else "（未录入发文登记）")
    values = [float(stats.documents_issued), float(stats.interpreted)]
    if not any(values):
        return ChartSpec(type="bar", title=title)
    return ChartSpec(type="bar", title=title, categories=["登记印发的政策文件", "其中已解读"],
                     series=[Series("数量", values)], unit="件", highlight="其中已解读")
