"""Annual figures counted from acts and records, each tried on data where the old count was wrong:
the plan's 第一解读人, planned attendance, video scripts and drafts with a 成文日期 all inflated it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from interpreter_app.domain.errors import PermissionDenied, ValidationError
from interpreter_app.domain.model import Interpreter, Material, Person, PressConference
from interpreter_app.domain.outreach import Attendee
from interpreter_app.domain.statistics import annual_sentence
from tests.factories import PASSWORD, complete_parts

pytestmark = pytest.mark.both_stores
TODAY = dt.date.today()


def make_package(seeded, *, materials=(), forms=("文字解读", "政策问答"), interpreters=(),
                 release=True, doc_number="江人社发〔2026〕12号", title=None):
    wb, writer = seeded.wb, seeded["writer"]
    document, plan, base = complete_parts()
    document = replace(document, doc_number=doc_number, title=title or document.title,
                       publish_date=TODAY.isoformat())
    plan = replace(plan, forms=list(forms), interpreters=list(interpreters),
                   first_interpreter=Person("王建国", "厅长"),
                   press_conference=PressConference(f"{TODAY} 10:00", "新闻发布厅", "孙志强",
                                                    "厅长 王建国；副厅长 李慧敏", "江海日报"))
    if "新闻发布会" in forms:  # the form needs its remarks and host script
        materials = [*materials,
                     Material.new("speech", "发布词", body="一、总体情况\n就业形势总体稳定。"),
                     Material.new("host_script", "主持词", body="各位记者朋友，上午好。")]
    pkg = wb.authoring.create(writer, document.title, document=document, plan=plan,
                              materials=[*base, *materials])
    if release:
        wb.review.submit(writer, pkg.id)
        wb.review.pass_review(seeded["reviewer"], pkg.id)
        wb.review.sign(seeded["leader"], pkg.id, PASSWORD, "同意")
        wb.review.release(writer, pkg.id)
    return wb.authoring.get(writer, pkg.id)


def stats(seeded):
    return seeded.wb.statistics.compute(seeded["writer"])


# ---- 主要负责人解读 ---------------------------------------------------------------------------

def test_a_named_first_interpreter_alone_is_no_interpretation_by_the_principal(seeded):
    make_package(seeded)  # 第一解读人 filled, as submit requires; he did nothing yet
    figures = stats(seeded)
    assert figures.main_interpretations == 0 and figures.by_role["主要负责人"] == 0
    assert "主要负责人" not in annual_sentence(figures)


def test_a_signed_article_and_an_attended_conference_each_count_their_package_once(seeded):
    article = Material.new("article", "厅长谈就业", body="一、背景\n正文。", byline="厅长 王建国",
                           interpreter_role="主要负责人")
    first = make_package(seeded, materials=[article])
    second = make_package(seeded, title="第二份通知", doc_number="江人社发〔2026〕13号")
    make_package(seeded, title="第三份通知", doc_number="江人社发〔2026〕14号")
    seeded.wb.outreach.record_event(seeded["writer"], "新闻发布会", TODAY.isoformat(),
                                    [Attendee("王建国", "厅长", "主要负责人")], package_id=second.id)
    seeded.wb.outreach.record_event(seeded["writer"], "新闻发布会", TODAY.isoformat(),
                                    [Attendee("王建国", "厅长", "主要负责人")], package_id=first.id)
    figures = stats(seeded)
    assert figures.main_interpretations == 2
    assert "主要负责人解读2次" in annual_sentence(figures)
    named = "\n".join(figures.explain["main_interpretations"])
    assert f"解读包 {first.id}" in named and f"解读包 {second.id}" in named
    assert "第三份通知" not in named


# ---- 领导出席 and 新闻发布会 -------------------------------------------------------------------

def test_planned_leaders_are_not_attendance(seeded):
    planned = [Interpreter("王建国", "厅长", "主要负责人"), Interpreter("李慧敏", "副厅长", "分管领导")]
    make_package(seeded, forms=("新闻发布会", "文字解读"), interpreters=planned)
    figures = stats(seeded)
    assert (figures.press_conferences, figures.leader_attendances) == (0, 0)


def test_attendance_recorded_after_the_event_counts_leaders_who_were_there(seeded):
    planned = [Interpreter("王建国", "厅长", "主要负责人"), Interpreter("李慧敏", "副厅长", "分管领导")]
    pkg = make_package(seeded, forms=("新闻发布会",), interpreters=planned)
    seeded.wb.outreach.record_event(
        seeded["writer"], "新闻发布会", TODAY.isoformat(),
        [Attendee("李慧敏", "副厅长", "分管领导"), Attendee("孙志强", "处长", "处室负责人"),
         Attendee("主持人", "新闻发言人", "")], package_id=pkg.id)
    figures = stats(seeded)
    assert (figures.press_conferences, figures.leader_attendances) == (1, 1)
    assert figures.main_interpretations == 0  # the principal was planned, not present
    assert "举办新闻发布会1场，领导出席1人次" in annual_sentence(figures)


def test_attendance_cannot_be_recorded_before_the_event(seeded):
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError, match="活动结束后"):
        seeded.wb.outreach.record_event(seeded["writer"], "新闻发布会", tomorrow,
                                        [Attendee("王建国", "厅长", "主要负责人")])


def test_attendee_role_must_be_a_known_interpreter_role(seeded):
    with pytest.raises(ValidationError, match="角色"):
        seeded.wb.outreach.record_event(seeded["writer"], "新闻发布会", TODAY.isoformat(),
                                        [Attendee("王建国", "厅长", "一把手")])


# ---- 图解 and 视频 -----------------------------------------------------------------------------

def test_a_video_script_is_no_video_until_its_page_is_posted(seeded):
    script = Material.new("media_script", "短视频脚本", body="镜头一：办事大厅。")
    pkg = make_package(seeded, materials=[script])
    assert stats(seeded).videos == 0
    page = next(p for p, _ in _pages(seeded, pkg) if p.startswith("material:")
                and pkg.materials[-1].id in p)
    seeded.wb.outreach.record_posting(seeded["writer"], pkg.id, page,
                                      "https://zwgk.example.gov/v/1.html", f"{TODAY}T10:00")
    figures = stats(seeded)
    assert figures.videos == 1 and "视频1个" in annual_sentence(figures)


def test_a_chart_without_data_is_no_infographic():
    from interpreter_app.domain.model import Package
    from interpreter_app.services.stats import facts_of

    document, plan, base = complete_parts()
    package = Package(1, 1, 1, document, plan, [*base, Material.new("chart", "待补数据的图解")],
                      state="released", released_at=f"{TODAY}T10:00:00")
    assert len(facts_of(package, "厅", "", "").charts) == 1  # the factory's chart with data


# ---- 解读率 -----------------------------------------------------------------------------------

def test_rate_comes_from_the_register_and_drafts_never_change_it(seeded):
    make_package(seeded)
    make_package(seeded, release=False, title="草稿中的通知", doc_number="江人社发〔2026〕20号")
    assert stats(seeded).interpretation_rate is None  # old: 1 of 2 packages with a 成文日期
    wb, writer = seeded.wb, seeded["writer"]
    wb.outreach.register_document(writer, "关于做好2026年高校毕业生就业创业工作的通知",
                                  TODAY.isoformat(), "江人社发[2026]12号")
    wb.outreach.register_document(writer, "草稿中的通知", TODAY.isoformat(), "江人社发〔2026〕20号")
    wb.outreach.register_document(writer, "另一件文件", TODAY.isoformat(), "江人社发〔2026〕30号")
    figures = stats(seeded)
    assert (figures.documents_issued, figures.interpreted) == (3, 1)
    assert "解读率33.3%" in annual_sentence(figures)


def test_register_imports_a_csv_with_a_header_and_skips_rows_already_there(seeded, tmp_path):
    csv = tmp_path / "发文登记.csv"
    csv.write_text("标题,发文日期,发文字号\n文件甲,2026-02-01,江人社发〔2026〕1号\n"
                   "文件乙,2026-03-01,江人社发〔2026〕2号\n", "utf-8-sig")
    assert seeded.wb.outreach.import_register(seeded["writer"], csv) == (2, 0)
    assert seeded.wb.outreach.import_register(seeded["writer"], csv) == (0, 2)
    assert [d.title for d in seeded.wb.outreach.register(seeded["writer_b"])] == []


# ---- 回应关切 -----------------------------------------------------------------------------------

def test_concern_responses_are_counted_and_linked_to_their_package(seeded):
    pkg = make_package(seeded)
    assert stats(seeded).concerns == 0
    seeded.wb.outreach.record_concern(seeded["writer"], TODAY.isoformat(), "补贴何时到账",
                                      "政府网站", "https://zwgk.example.gov/hy/1.html", pkg.id)
    seeded.wb.outreach.record_concern(seeded["writer"], TODAY.isoformat(), "线下能否办理",
                                      "热线电话")
    figures = stats(seeded)
    assert figures.concerns == 2 and figures.concerns_by_channel == {"政府网站": 1, "热线电话": 1}
    assert "回应社会关切2次" in annual_sentence(figures)
    assert stats_of(seeded, "writer_b").concerns == 0


def test_other_departments_cannot_record_for_us(seeded):
    pkg = make_package(seeded)
    with pytest.raises(Exception, match="不存在|无权"):
        seeded.wb.outreach.record_concern(seeded["writer_b"], TODAY.isoformat(), "x", "政府网站",
                                          package_id=pkg.id)
    with pytest.raises(PermissionDenied):
        seeded.wb.outreach.register_document(seeded["writer_b"], "x", TODAY.isoformat(),
                                             department_id=seeded.dept_a)


def stats_of(seeded, user: str):
    return seeded.wb.statistics.compute(seeded[user])


def _pages(seeded, pkg):
    status = seeded.wb.outreach.posting_status(seeded["writer"], pkg.id)
    return [(part, title) for part, title, _ in status.pages]


def _xlsx(path, rows) -> None:
    """A minimal .xlsx as Excel writes it: shared strings, a date as a serial number."""
    import zipfile

    strings = sorted({c for r in rows for c in r if isinstance(c, str)})
    def cell(ref, value):
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'
    sheet_rows = "".join(
        f'<row r="{i}">' + "".join(cell(f"{chr(65 + j)}{i}", v) for j, v in enumerate(r))
        + "</row>" for i, r in enumerate(rows, 1))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook {ns} {rel}><sheets>'
                   '<sheet name="发文" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
                   'Type="worksheet"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f"<sst {ns}>" + "".join(
            f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {ns}><sheetData>{sheet_rows}"
                   "</sheetData></worksheet>")


def test_register_imports_an_excel_workbook_with_date_serials(seeded, tmp_path):
    book = tmp_path / "2026年发文登记.xlsx"
    _xlsx(book, [["标题", "发文日期", "发文字号"],
                 ["文件甲", 46052, "江人社发〔2026〕1号"],  # Excel's serial for 2026-01-30
                 ["文件乙", "2026/3/1", "江人社发〔2026〕2号"]])
    assert seeded.wb.outreach.import_register(seeded["writer"], book) == (2, 0)
    rows = {d.title: d.issued_on for d in seeded.wb.outreach.register(seeded["writer"])}
    assert rows == {"文件甲": "2026-01-30", "文件乙": "2026-03-01"}


def test_a_damaged_workbook_is_one_line_not_a_traceback(seeded, tmp_path):
    book = tmp_path / "坏.xlsx"
    book.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationError, match="无法读取"):
        seeded.wb.outreach.import_register(seeded["writer"], book)
