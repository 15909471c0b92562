"""Files and links of materials: checked by content, stored by hash, in the digest, in the packs,
previewed, and counted as 图解 and 视频 only when real."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest

from interpreter_app.domain.digest import canonical_json, package_digest
from interpreter_app.domain.errors import PermissionDenied, ValidationError
from interpreter_app.export.verify_pack import compare_pack, read_pack
from interpreter_app.resources import resource_path
from tests.factories import PASSWORD, complete_package

MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


def png_bytes(width: float = 2, height: float = 6) -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    fig.text(0.1, 0.5, "long")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)
    return buffer.getvalue()


def draft_with_image(seeded, tmp_path):
    pkg = complete_package(seeded.wb, seeded["writer"])
    image = tmp_path / "一图读懂.png"
    image.write_bytes(png_bytes())
    seeded.wb.media.attach_file(seeded["writer"], pkg.id, pkg.materials[0].id, "image", image,
                                title="一图读懂就业政策", alt="长图：三项补贴及标准",
                                source="省人力资源社会保障厅")
    return seeded.wb.authoring.get(seeded["writer"], pkg.id), image


def release(seeded, pkg):
    wb, writer = seeded.wb, seeded["writer"]
    wb.review.submit(writer, pkg.id)
    wb.review.pass_review(seeded["reviewer"], pkg.id)
    wb.review.sign(seeded["leader"], pkg.id, PASSWORD, "同意")
    return wb.review.release(writer, pkg.id)


def test_a_package_without_media_keeps_its_digest_shape(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    materials = json.loads(canonical_json(pkg))["materials"]
    assert all("media" not in m for m in materials)  # signatures made before media still bind


@pytest.mark.both_stores
def test_an_attached_file_is_in_the_digest_by_its_hash(seeded, tmp_path):
    before = package_digest(complete_package(seeded.wb, seeded["writer"]))
    pkg, image = draft_with_image(seeded, tmp_path)
    item = pkg.materials[0].media[0]
    assert item.mime == "image/png" and item.size == image.stat().st_size
    assert item.sha256 in canonical_json(pkg)
    assert package_digest(pkg) != before
    assert seeded.wb.media.file_bytes(seeded["writer"], pkg.id, item.sha256) == image.read_bytes()


@pytest.mark.parametrize("kind,data,alt,source,message", [
    ("image", b"not a png at all", "说明", "来源", "格式不符"),
    ("image", png_bytes(), "", "来源", "替代文字"),
    ("image", png_bytes(), "说明", "", "数据来源"),
    ("video", b"\x89PNG\r\n\x1a\n", "", "", "格式不符"),
    ("h5", b"<html>", "", "", "只能登记链接"),
])
def test_files_are_checked_by_content_and_images_need_alt_and_source(seeded, kind, data, alt,
                                                                    source, message):
    pkg = complete_package(seeded.wb, seeded["writer"])
    with pytest.raises(ValidationError, match=message):
        seeded.wb.media.attach_bytes(seeded["writer"], pkg.id, pkg.materials[0].id, kind, data,
                                     file_name="x.bin", alt=alt, source=source)


def test_links_must_be_http_addresses_and_images_cannot_be_links(seeded):
    pkg = complete_package(seeded.wb, seeded["writer"])
    mid = pkg.materials[0].id
    with pytest.raises(ValidationError, match="网址"):
        seeded.wb.media.attach_link(seeded["writer"], pkg.id, mid, "video", "javascript:alert(1)")
    with pytest.raises(ValidationError, match="图片文件"):
        seeded.wb.media.attach_link(seeded["writer"], pkg.id, mid, "image", "https://x.example/a",
                                    alt="说明", source="来源")


@pytest.mark.both_stores
def test_media_can_change_only_while_the_package_is_a_draft(seeded, tmp_path):
    pkg, _ = draft_with_image(seeded, tmp_path)
    seeded.wb.review.submit(seeded["writer"], pkg.id)
    with pytest.raises(PermissionDenied):
        seeded.wb.media.remove(seeded["writer"], pkg.id, pkg.materials[0].id, 0)


def test_verify_reports_a_file_changed_behind_the_applications_back(seeded, tmp_path):
    pkg, _ = draft_with_image(seeded, tmp_path)
    digest = pkg.materials[0].media[0].sha256
    conn = sqlite3.connect(seeded.path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE media_files SET data = x'00' WHERE sha256 = ?", (digest,))
    conn.execute("DROP TRIGGER media_files_no_update")
    conn.execute("UPDATE media_files SET data = x'00' WHERE sha256 = ?", (digest,))
    conn.commit()
    conn.close()
    assert any("附件文件" in p for p in seeded.wb.verify().problems)


@pytest.mark.both_stores
def test_web_and_press_packs_carry_the_files_and_verify(seeded, tmp_path):
    import html5lib
    import jsonschema

    pkg, image = draft_with_image(seeded, tmp_path)
    seeded.wb.media.attach_link(seeded["writer"], pkg.id, pkg.materials[0].id, "video",
                                "https://v.example.gov/play/1", title="政策短视频")
    pkg = release(seeded, pkg)
    web = seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path / "out", pack="web")
    assert (web.path / "media" / "jiedu-01-1.png").read_bytes() == image.read_bytes()
    page = (web.path / "jiedu-01.html").read_bytes()
    tree = html5lib.HTMLParser(strict=True).parse(page)
    imgs = [e for e in tree.iter() if e.tag.endswith("img")]
    assert imgs[0].get("src") == "media/jiedu-01-1.png" and imgs[0].get("alt") == "长图：三项补贴及标准"
    assert "数据来源：省人力资源社会保障厅" in page.decode()
    assert 'href="https://v.example.gov/play/1" rel="external"' in page.decode()
    meta = json.loads((web.path / "metadata.json").read_text("utf-8"))
    schema = json.loads(resource_path("schemas", "metadata.schema.json").read_text("utf-8"))
    jsonschema.validate(meta, schema)
    assert seeded.wb.exports.verify_pack(web.path)[1] == []
    press = seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path / "out", pack="press")
    manifest = read_pack(press.path).manifest
    assert any(f["path"].startswith("media/") and f["path"].endswith("-1.png")
               for f in manifest["files"])
    assert compare_pack(read_pack(press.path), digest=package_digest(pkg),
                        signoff_digests={package_digest(pkg)}) == []


@pytest.mark.both_stores
def test_a_long_image_counts_as_infographic_and_a_video_link_as_video(seeded, tmp_path):
    pkg, _ = draft_with_image(seeded, tmp_path)
    seeded.wb.media.attach_bytes(seeded["writer"], pkg.id, pkg.materials[1].id, "video", MP4,
                                 file_name="短视频.mp4", title="短视频")
    release(seeded, pkg)
    stats = seeded.wb.statistics.compute(seeded["writer"])
    assert stats.charts == 2  # the factory's chart with data and the long image
    assert stats.videos == 1


def test_verify_reports_a_file_deleted_behind_the_applications_back(seeded, tmp_path):
    pkg, _ = draft_with_image(seeded, tmp_path)
    conn = sqlite3.connect(seeded.path)
    conn.execute("DELETE FROM media_files")
    conn.commit()
    conn.close()
    assert any("不存在" in p for p in seeded.wb.verify().problems)


def test_imports_refuse_the_open_database_file(seeded):
    with pytest.raises(ValidationError, match="数据库"):
        seeded.wb.outreach.import_register(seeded["writer"], seeded.path)
    pkg = complete_package(seeded.wb, seeded["writer"])
    with pytest.raises(ValidationError, match="数据库"):
        seeded.wb.media.attach_file(seeded["writer"], pkg.id, pkg.materials[0].id, "image",
                                    seeded.path, alt="说明", source="来源")
