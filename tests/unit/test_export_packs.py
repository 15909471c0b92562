"""Press and briefing packs: contents, manifest, atomic writing, safe names, verification."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from interpreter_app.domain.errors import (
    StorageError,
    TargetExistsError,
    ValidationError,
    WorkflowError,
)
from interpreter_app.domain.model import ChartSpec, Material, Package, SignOff, from_dict
from interpreter_app.export import packs
from interpreter_app.export.context import ExportContext
from interpreter_app.export.filenames import safe_name
from interpreter_app.export.packs import Cancelled, export_package
from interpreter_app.export.verify_pack import compare_pack, read_pack

DATA = Path(__file__).resolve().parents[1] / "data" / "export" / "package.json"
INTERNAL_TITLES = ("答问口径", "主持词", "解读方案")


def make_context(*, signed: bool = True, state: str = "signed",
                 materials: list[Material] | None = None) -> ExportContext:
    package = from_dict(Package, json.loads(DATA.read_text("utf-8")))
    package.state = state
    if materials is not None:
        package.materials = materials
    ctx = ExportContext.for_package(package, "江海省人力资源和社会保障厅",
                                    generated_at="2026-06-16T09:00:00")
    if not signed:
        return ctx
    signoff = SignOff(1, 42, 1, ctx.digest, 9, "王建国", "厅长", "同意发布。", "2026-06-15T16:30:00")
    return dataclasses.replace(ctx, signoffs=(signoff,))


def names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def header_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as zf:
        return "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/header"))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def press(tmp_path_factory):
    ctx = make_context()
    return ctx, export_package(ctx, tmp_path_factory.mktemp("press"), pack="press")


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    return export_package(make_context(), tmp_path_factory.mktemp("brief"), pack="briefing")


def test_press_pack_holds_public_parts_charts_index_and_manifest(press):
    _, result = press
    files = names(result.path)
    assert files[:3] == ["00-目录.docx", "01-政策文件.docx", "02-稳岗扩就业“组合拳”如何惠及企业和群众.docx"]
    assert "manifest.json" in files and "清单.txt" in files
    charts = [f for f in files if f.startswith("charts/")]
    assert charts == sorted([
        "charts/04-2021—2025年全省城镇新增就业人数.png", "charts/04-2021—2025年全省城镇新增就业人数.svg",
        "charts/05-稳岗返还资金和惠及企业数.png", "charts/05-稳岗返还资金和惠及企业数.svg"])
    assert not any(t in f for f in files for t in INTERNAL_TITLES)
    assert not any("内部资料" in header_text(result.path / f) for f in files if f.endswith(".docx"))


def test_chart_png_is_300_dpi(press):
    _, result = press
    png = (result.path / "charts/04-2021—2025年全省城镇新增就业人数.png").read_bytes()
    phys = png.index(b"pHYs")
    per_metre = int.from_bytes(png[phys + 4:phys + 8], "big")
    assert round(per_metre * 0.0254) == 300


def test_briefing_pack_adds_plan_and_marks_internal_files(briefing):
    files = names(briefing.path)
    assert "02-解读方案.docx" in files
    internal = [f for f in files if f.endswith(".docx") and any(t in f for t in INTERNAL_TITLES)]
    assert len(internal) == 3
    assert all("内部资料" in header_text(briefing.path / f) for f in internal)
    assert "内部资料" not in header_text(briefing.path / "01-政策文件.docx")


def test_manifest_hashes_match_files_and_listing_names_each(press):
    ctx, result = press
    manifest = json.loads((result.path / "manifest.json").read_text("utf-8"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(names(result.path)) - {"manifest.json", "清单.txt"}
    assert all(sha(result.path / p) == h for p, h in listed.items())
    listing = (result.path / "清单.txt").read_text("utf-8")
    assert all(f"{h}  {p}" in listing for p, h in listed.items())
    assert ctx.digest in listing and "王建国（厅长）" in listing
    assert "2026年6月18日 10:00 前不得发布" in listing


def test_manifest_records_package_digest_signer_and_embargo(press):
    ctx, result = press
    manifest = result.manifest
    assert manifest["pack"] == "press" and manifest["digest"] == ctx.digest
    assert manifest["package"] == {"id": 42, "title": ctx.package.title, "revision": 1,
                                   "state": "signed", "doc_number": "江人社发〔2026〕12号",
                                   "department": "江海省人力资源和社会保障厅"}
    assert manifest["signoffs"][0]["signer"] == "王建国"
    assert manifest["signoffs"][0]["signed_at"] == "2026-06-15T16:30:00"
    assert manifest["embargo"] == "2026-06-18T10:00"
    assert manifest["generated_at"] == "2026-06-16T09:00:00"
    assert manifest == json.loads((result.path / "manifest.json").read_text("utf-8"))


def test_progress_reports_every_file_and_names_are_deterministic(tmp_path, press):
    _, first = press
    calls = []
    result = export_package(make_context(), tmp_path, progress=lambda *a: calls.append(a))
    assert names(result.path) == names(first.path)
    assert [c[0] for c in calls] == list(range(1, len(calls) + 1))
    assert calls[-1][0] == calls[-1][1] == len(names(result.path))


def test_zip_holds_the_same_files_and_verifies(tmp_path, press):
    ctx, folder = press
    result = export_package(ctx, tmp_path, as_zip=True)
    assert result.path.suffix == ".zip" and result.path.is_file()
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == names(folder.path)
    assert compare_pack(read_pack(result.path), digest=ctx.digest, signoff_digests={ctx.digest}) == []
    assert [p.name for p in tmp_path.iterdir()] == [result.path.name]


def test_all_pack_holds_both_packs_and_verifies(tmp_path):
    ctx = make_context()
    result = export_package(ctx, tmp_path, pack="all")
    assert (result.path / "对外发布包/manifest.json").is_file()
    assert (result.path / "内部材料包/02-解读方案.docx").is_file()
    for folder in (result.path, result.path / "对外发布包", result.path / "内部材料包"):
        assert compare_pack(read_pack(folder), digest=ctx.digest, signoff_digests={ctx.digest}) == []


@pytest.mark.parametrize("pack", ["press", "briefing", "all"])
def test_unsigned_package_cannot_make_a_release_pack(tmp_path, pack):
    with pytest.raises(WorkflowError, match="尚未签发.*征求意见稿"):
        export_package(make_context(signed=False, state="in_review"), tmp_path, pack=pack)
    assert list(tmp_path.iterdir()) == []


def test_unsigned_parts_export_as_marked_drafts(tmp_path):
    result = export_package(make_context(signed=False, state="in_review"), tmp_path, pack="parts")
    assert result.path.name.endswith("-征求意见稿")
    assert "征求意见稿" in header_text(result.path / "01-政策文件.docx")
    assert result.manifest["signed"] is False and result.manifest["draft_mark"] == "征求意见稿"
    ctx = make_context(signed=False)
    draft = export_package(ctx, tmp_path, pack="press", draft=True)
    assert "草稿" in header_text(draft.path / "01-政策文件.docx")


def test_existing_target_refused_unless_forced(tmp_path):
    ctx = make_context()
    first = export_package(ctx, tmp_path)
    (first.path / "stale.txt").write_text("old")
    with pytest.raises(TargetExistsError) as refused:
        export_package(ctx, tmp_path)
    assert refused.value.path == first.path and "--force" not in str(refused.value)
    second = export_package(ctx, tmp_path, force=True)
    assert second.path == first.path and not (second.path / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == [first.path.name]


@pytest.mark.parametrize(("title", "expected"), [
    ("a/b", "a_b"), ("..", "图解"), ("CON", "_CON"), ("lpt1.txt", "_lpt1.txt"),
    ('  ..说明?:*"<>|\\.  ', "说明"), ("行一\n行二\x07", "行一 行二"), ("", "图解"),
])
def test_unsafe_titles_give_safe_names(title, expected):
    assert safe_name(title, "图解") == expected


def test_long_and_hostile_titles_stay_inside_the_pack(tmp_path):
    spec = ChartSpec(type="bar", categories=["甲"], series=[], source="x")
    spec.series = from_dict(ChartSpec, {"series": [{"name": "值", "values": [1]}]}).series
    materials = [Material.new("article", "字" * 300, body="正文。"),
                 Material.new("background", "../../逃逸", body="正文。"),
                 Material.new("background", "CON", body="正文。"),
                 Material.new("chart", "a/b", chart=spec)]
    result = export_package(make_context(materials=materials), tmp_path)
    files = names(result.path)
    assert f"02-{'字' * 60}.docx" in files
    assert "03-逃逸.docx" in files and "04-_CON.docx" in files
    assert "charts/05-a_b.png" in files and "05-a_b.docx" in files
    assert all(len(Path(f).name) <= 70 for f in files)
    assert [p.name for p in tmp_path.iterdir()] == [result.path.name]


def test_disk_full_leaves_no_folder_behind(tmp_path, monkeypatch):
    real = packs._write_bytes
    calls = []

    def failing(path, data):
        calls.append(path)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(packs, "_write_bytes", failing)
    with pytest.raises(StorageError, match="磁盘空间不足"):
        export_package(make_context(), tmp_path, as_zip=True)
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="无法创建导出目录"):
        export_package(make_context(), blocker / "out")


def test_cancel_between_files_removes_the_partial_pack(tmp_path):
    done = []
    with pytest.raises(Cancelled):
        export_package(make_context(), tmp_path, progress=lambda *a: done.append(a),
                       cancelled=lambda: len(done) >= 2)
    assert len(done) == 2 and list(tmp_path.iterdir()) == []


def test_bad_chart_is_refused_before_anything_is_written(tmp_path):
    broken = Material.new("chart", "空图", chart=ChartSpec(type="bar"))
    with pytest.raises(ValidationError, match="图解无法生成") as info:
        export_package(make_context(materials=[broken]), tmp_path)
    assert any("空图" in d for d in info.value.details)
    assert list(tmp_path.iterdir()) == []


# ---- verify_pack --------------------------------------------------------------------------

def fresh_pack(tmp_path: Path) -> tuple[ExportContext, Path]:
    ctx = make_context()
    return ctx, export_package(ctx, tmp_path).path


def test_intact_pack_verifies_clean(tmp_path):
    ctx, path = fresh_pack(tmp_path)
    assert compare_pack(read_pack(path), digest=ctx.digest, signoff_digests={ctx.digest}) == []


def test_verify_detects_a_modified_missing_and_extra_file(tmp_path):
    ctx, path = fresh_pack(tmp_path)
    with open(path / "01-政策文件.docx", "ab") as fh:
        fh.write(b"x")
    (path / "03-稳岗扩就业政策问答.docx").unlink()
    (path / "extra.txt").write_text("?")
    problems = compare_pack(read_pack(path), digest=ctx.digest, signoff_digests={ctx.digest})
    assert any("01-政策文件.docx" in p and "不符" in p for p in problems)
    assert any("缺少文件" in p and "03-" in p for p in problems)
    assert any("extra.txt" in p for p in problems)


def test_verify_detects_a_manifest_with_another_digest(tmp_path):
    ctx, path = fresh_pack(tmp_path)
    manifest_path = path / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["digest"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    problems = compare_pack(read_pack(path), digest=ctx.digest, signoff_digests={ctx.digest})
    assert any("当前摘要" in p for p in problems)
    assert any("没有对应的有效签发" in p for p in problems)
    assert any("清单" in p for p in problems)


def test_verify_reports_content_changed_since_export(tmp_path):
    ctx, path = fresh_pack(tmp_path)
    problems = compare_pack(read_pack(path), digest="f" * 64, signoff_digests={ctx.digest})
    assert len(problems) == 1 and "导出后解读包内容已改变" in problems[0]


@pytest.mark.parametrize("entry", ["../evil.txt", "/etc/evil", "a/../../evil"])
def test_zip_with_escaping_paths_is_rejected(tmp_path, entry):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"files": []}))
        zf.writestr(entry, "x")
    with pytest.raises(ValidationError, match="不安全的路径"):
        read_pack(bad)


def test_folder_without_manifest_is_not_a_pack(tmp_path):
    with pytest.raises(ValidationError, match="缺少 manifest.json"):
        read_pack(tmp_path)


def test_document_not_proactively_disclosed_stays_out_of_the_press_pack(tmp_path):
    from dataclasses import replace as _replace

    from interpreter_app.export.context import ExportContext
    from interpreter_app.export.packs import export_package

    base = make_context()
    package = _replace(base.package, document=_replace(base.package.document,
                                                       disclosure="不予公开",
                                                       disclosure_reason="涉及内部事项"))
    ctx = ExportContext.for_package(package, base.department_name, generated_at="2026-06-12T10:00:00")
    press = export_package(ctx, tmp_path / "p", pack="press", draft=True)
    assert not any("政策文件" in str(f) for f in press.files)
    briefing = export_package(ctx, tmp_path / "b", pack="briefing", draft=True)
    assert any("政策文件" in str(f) for f in briefing.files)


def test_a_revised_package_is_not_exported_under_the_previous_revisions_sign_off(seeded):
    """Sign-offs bind a revision: the new draft of a released package is a draft, even before
    anyone changes a word (domain/signoffs.py decides it for export, release and verify)."""
    from tests.factories import released_package

    pkg = released_package(seeded)
    seeded.wb.review.revise(seeded["writer"], pkg.id, "政策调整")
    ctx = seeded.wb.exports.context(seeded["writer"], pkg.id)
    assert ctx.signoffs and not ctx.is_signed and ctx.draft_mark == "草稿"
