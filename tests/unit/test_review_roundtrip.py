"""The 征求意见稿 round trip: export the whole package to .docx, edit it the way Word and WPS
write edits, import it back as external tracked changes and anchored comments."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from interpreter_app.domain.changes import targets_of, text_at
from interpreter_app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from interpreter_app.export import review_format as F
from interpreter_app.export.review_merge import merge_review
from interpreter_app.export.review_reader import read_review_file
from tests.factories import released_package
from tests.support.make_review_fixture import create_sample
from tests.support.review_ooxml import W_NS, EditedDocx

WORD_DATE = "2026-06-18T09:00:00Z"


@pytest.fixture
def sample(seeded):
    return create_sample(seeded.wb, seeded["writer"])


@pytest.fixture
def exported(seeded, sample, tmp_path) -> Path:
    return seeded.wb.exports.export_review(seeded["writer"], sample.id, tmp_path / "out")


def merged(seeded, package_id: int, path: Path):
    package = seeded.wb.authoring.get(seeded["writer"], package_id)
    return merge_review(package, read_review_file(path), source=path.name,
                        now="2026-06-20T10:00:00")


def apply(package, changes) -> dict[str, str]:
    """Each target's text with the changes applied (highest offset first)."""
    texts = {t: text_at(package, t) for t in targets_of(package)}
    for c in sorted(changes, key=lambda c: -c.offset):
        text = texts[c.target]
        assert text[c.offset:c.offset + len(c.old)] == c.old, c
        texts[c.target] = text[:c.offset] + c.new + text[c.offset + len(c.old):]
    return texts


# ---- export --------------------------------------------------------------------------------

def test_export_carries_package_identity_and_a_bookmark_per_line(exported, sample):
    review = read_review_file(exported)
    assert (review.package_id, review.revision) == (sample.id, sample.revision)
    targets = {e.target: e for e in review.targets.values()}
    assert {"document.title", "document.body", "plan.outline"} <= set(targets)
    assert targets["document.body"].lines == len(sample.document.body.split("\n"))
    body = [a for a in review.anchors if review.targets[a.index].target == "document.body"]
    assert [a.was for a in body] == sample.document.body.split("\n")
    with zipfile.ZipFile(exported) as z:
        xml = z.read("word/document.xml").decode()
    assert all(len(name) <= 40 for name in _bookmark_names(xml))


def test_unedited_file_brings_nothing(seeded, sample, exported):
    result = merged(seeded, sample.id, exported)
    assert result.changes == [] and result.comments == [] and result.not_placed == []


def test_export_command_writes_the_review_file(cli, seeded, sample, tmp_path):
    code, out, _ = cli("export", str(sample.id), "--pack", "review", "--out", str(tmp_path),
                       "--as", "writer")
    assert code == 0
    files = list(tmp_path.glob("*征求意见稿*.docx"))
    assert len(files) == 1 and read_review_file(files[0]).package_id == sample.id


# ---- Word and WPS markup -------------------------------------------------------------------

def test_word_tracked_replacement_becomes_external_change_with_author_and_time(
        seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.delete("1500元", "张三", WORD_DATE, replace_with="2000元")
    result = merged(seeded, sample.id, doc.save(tmp_path / "word.docx"))
    (change,) = result.changes
    assert (change.old, change.new, change.author_name) == ("1500元", "2000元", "张三")
    assert change.external and change.made_at == "2026-06-18T09:00:00"
    assert change.target == "document.body"
    assert sample.document.body[change.offset:].startswith("1500元给予一次性吸纳")
    assert change.context.endswith("按每人")


def test_word_comment_is_anchored_at_its_paragraph_and_quote(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.comment("专场招聘活动", "场次太少", "李四", WORD_DATE, "LS")
    result = merged(seeded, sample.id, doc.save(tmp_path / "c.docx"))
    (comment,) = result.comments
    assert (comment.part, comment.quote, comment.author_name) == ("document", "专场招聘活动", "李四")
    lines = [p for p in sample.document.body.split("\n") if p.strip()]
    assert "专场招聘活动" in lines[comment.paragraph]


def test_wps_markup_reads_the_same(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.insert_after("确保各项措施落地见效", "，按月调度", "王五", "2026-06-18T11:00:00Z")
    doc.delete("答记者问口径", "王五", "2026-06-18T11:01:00Z")
    doc.comment("补贴标准是多少", "请补充依据", "王五", "2026-06-18T11:02:00Z")
    doc.wps_marks()
    result = merged(seeded, sample.id, doc.save(tmp_path / "wps.docx"))
    texts = apply(sample, result.changes)
    assert texts["document.body"].endswith("确保各项措施落地见效，按月调度。")
    reporter = next(m for m in sample.materials if m.kind == "reporter_lines")
    assert texts[f"material:{reporter.id}.title"] == ""
    (comment,) = result.comments
    qa = next(m for m in sample.materials if m.kind == "qa")
    assert comment.part == f"material:{qa.id}" and comment.quote == "补贴标准是多少"
    assert result.not_placed == []


def test_untracked_edits_are_found_by_comparison_and_signed_by_the_last_saver(
        seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.retype("每季度至少举办1次", "每月至少举办2次")
    doc.add_paragraph_after("确保各项措施落地见效", "四、附则")
    doc.last_modified_by("赵六")
    result = merged(seeded, sample.id, doc.save(tmp_path / "plain.docx"))
    assert result.untracked == 2 and result.tracked == 0
    assert {c.author_name for c in result.changes} == {"赵六"}
    body = apply(sample, result.changes)["document.body"]
    assert "每月至少举办2次专场招聘活动" in body and body.endswith("落地见效。\n四、附则")


def test_untracked_edit_without_a_saver_name_is_unsigned(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.retype("城镇新增就业", "城镇新增就业岗位")
    (change,) = merged(seeded, sample.id, doc.save(tmp_path / "u.docx")).changes
    assert change.author_name == "未署名" and change.new.endswith("岗位")


# ---- refusals ------------------------------------------------------------------------------

def test_file_of_another_package_is_refused(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.set_property(F.PROP_PACKAGE, "99")
    path = doc.save(tmp_path / "other.docx")
    with pytest.raises(ValidationError, match="属于解读包 99"):
        seeded.wb.review_import.import_review(seeded["writer"], sample.id, path)


def test_file_without_our_identity_is_refused(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.drop_custom_properties()
    with pytest.raises(ValidationError, match="不是本程序导出的征求意见稿"):
        seeded.wb.review_import.import_review(seeded["writer"], sample.id,
                                              doc.save(tmp_path / "plain.docx"))


def test_corrupt_file_is_refused_with_a_clear_message(seeded, sample, exported, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(exported.read_bytes()[:3000])
    with pytest.raises(ValidationError, match="不是有效的 .docx|已损坏"):
        seeded.wb.review_import.import_review(seeded["writer"], sample.id, broken)


def test_only_writers_or_who_acts_now_may_import(seeded, sample, exported):
    with pytest.raises(PermissionDenied):
        seeded.wb.review_import.import_review(seeded["reviewer"], sample.id, exported)
    with pytest.raises(NotFoundError):
        seeded.wb.review_import.import_review(seeded["writer_b"], sample.id, exported)
    seeded.wb.review.submit(seeded["writer"], sample.id)
    report = seeded.wb.review_import.import_review(seeded["reviewer"], sample.id, exported)
    assert report.changes == report.comments == 0


# ---- another revision ----------------------------------------------------------------------

def test_file_of_an_earlier_revision_merges_what_it_can_and_reports_the_rest(seeded, tmp_path):
    writer = seeded["writer"]
    package = released_package(seeded)
    old = seeded.wb.exports.export_review(writer, package.id, tmp_path / "v1")
    seeded.wb.review.revise(writer, package.id, "补充")
    current = seeded.wb.authoring.get(writer, package.id)
    lines = current.document.body.split("\n")
    changed = next(i for i, line in enumerate(lines) if "专场招聘" in line)
    lines[changed] = "1.每季度至少举办2次专场招聘活动。"  # changed in revision 2
    document = current.document
    document.body = "\n".join(lines)
    seeded.wb.authoring.save_document(writer, package.id, document, current.document_version)
    doc = EditedDocx(old)
    doc.delete("1500元", "张三", WORD_DATE, replace_with="2000元")  # in an unchanged line
    doc.retype("举办1次专场", "举办3次专场")  # untracked, in the line revision 2 changed
    doc.comment("落地见效", "好", "张三", WORD_DATE)
    report = seeded.wb.review_import.import_review(writer, package.id,
                                                   doc.save(tmp_path / "v1-edited.docx"))
    result = merged(seeded, package.id, tmp_path / "v1-edited.docx")
    assert [(c.old, c.new) for c in result.changes] == [("1500元", "2000元")]
    assert any("第1版" in n for n in report.notes)
    (lost,) = report.not_placed
    assert "举办3次专场" in lost  # the file's text is shown, not dropped
    assert report.comments == 1


# ---- comments stored -----------------------------------------------------------------------

@pytest.mark.both_stores
def test_imported_comment_keeps_the_files_author_and_is_marked_external(
        seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.comment("专场招聘活动", "场次太少", "李四", WORD_DATE)
    report = seeded.wb.review_import.import_review(seeded["writer"], sample.id,
                                                   doc.save(tmp_path / "c.docx"))
    assert report.comments == 1
    (anchored,) = seeded.wb.comments.list(seeded["writer"], sample.id)
    c = anchored.comment
    assert (c.author_name, c.external, c.author_id) == ("李四", True, seeded["writer"].id)
    assert not anchored.detached and c.text == "场次太少"


def test_import_review_command_reports_counts(cli, seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.comment("专场招聘活动", "场次太少", "李四", WORD_DATE)
    code, out, err = cli("import-review", str(sample.id), str(doc.save(tmp_path / "c.docx")),
                         "--as", "writer")
    assert code == 0, err
    assert "批注 1 条" in out


def test_import_review_command_needs_a_user(cli, sample, exported):
    code, _, err = cli("import-review", str(sample.id), str(exported))
    assert code == 2 and "--as" in err


def _bookmark_names(xml: str) -> list[str]:
    import re

    return re.findall(r'w:bookmarkStart[^>]*w:name="([^"]+)"', xml)




def test_oversized_file_is_refused_before_it_is_read(seeded, sample, tmp_path):
    big = tmp_path / "big.docx"
    with big.open("wb") as fh:
        fh.truncate(60 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ValidationError, match="文件过大"):
        seeded.wb.review_import.import_review(seeded["writer"], sample.id, big)


def test_comment_on_a_title_is_kept_unanchored_and_reported(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.comment("关于做好2026年高校毕业生", "标题太长", "李四", WORD_DATE)
    result = merged(seeded, sample.id, doc.save(tmp_path / "t.docx"))
    (comment,) = result.comments
    assert comment.paragraph == -1 and comment.text == "标题太长"
    assert any("标题太长" in line for line in result.not_placed)


def test_paragraph_split_with_tracking_is_an_inserted_line_break(seeded, sample, exported,
                                                                 tmp_path):
    doc = EditedDocx(exported)
    doc.add_paragraph_after("确保各项措施落地见效。", "（此段为新增）")
    mark = doc.root.xpath("//w:p[w:r/w:t='（此段为新增）']", namespaces={"w": W_NS})[0]
    previous = mark.getprevious()
    ppr = previous.find(f"{{{W_NS}}}pPr")
    if ppr is None:
        ppr = etree.Element(f"{{{W_NS}}}pPr")
        previous.insert(0, ppr)
    rpr = ppr.find(f"{{{W_NS}}}rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, f"{{{W_NS}}}rPr")
    etree.SubElement(rpr, f"{{{W_NS}}}ins", {f"{{{W_NS}}}id": "7", f"{{{W_NS}}}author": "张三",
                                           f"{{{W_NS}}}date": WORD_DATE})
    run = mark.find(f"{{{W_NS}}}r")
    ins = etree.SubElement(mark, f"{{{W_NS}}}ins", {f"{{{W_NS}}}id": "8",
                                                   f"{{{W_NS}}}author": "张三",
                                                   f"{{{W_NS}}}date": WORD_DATE})
    ins.append(run)
    result = merged(seeded, sample.id, doc.save(tmp_path / "split.docx"))
    (change,) = result.changes
    assert change.new == "\n（此段为新增）" and change.author_name == "张三"
    assert apply(sample, result.changes)["document.body"].endswith("落地见效。\n（此段为新增）")


def test_the_same_file_is_not_imported_twice(seeded, sample, exported, tmp_path):
    doc = EditedDocx(exported)
    doc.comment("专场招聘活动", "场次太少", "李四", WORD_DATE)
    path = doc.save(tmp_path / "c.docx")
    seeded.wb.review_import.import_review(seeded["writer"], sample.id, path)
    with pytest.raises(ValidationError, match="导入过"):
        seeded.wb.review_import.import_review(seeded["writer"], sample.id, path)
    assert len(seeded.wb.comments.list(seeded["writer"], sample.id)) == 1
