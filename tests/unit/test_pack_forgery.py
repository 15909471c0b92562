"""Forged press packs, checked as a journalist would: verify-pack on a machine with no database,
with the fingerprint the department published.

The forger edits files and then makes the manifest and 清单.txt agree with them, exactly as the
exporter would; the only thing they cannot redo is a signature by a key the root certified.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from interpreter_app.cli import main
from interpreter_app.domain import signatures as sig
from interpreter_app.domain import trust
from interpreter_app.export.manifest import manifest_bytes, render_listing, sha256_bytes
from tests.factories import released_package, signed_package


@pytest.fixture
def exported(seeded, tmp_path):
    """A released package's press pack and briefing pack, and the root's fingerprint."""
    pkg = released_package(seeded)
    wb = seeded.wb
    press = wb.exports.export(seeded["writer"], pkg.id, tmp_path / "out", pack="press").path
    briefing = wb.exports.export(seeded["writer"], pkg.id, tmp_path / "out", pack="briefing").path
    return press, briefing, wb.trust.fingerprint()


def journalist(capsys, path, *args: str) -> tuple[int, str]:
    """verify-pack with no database anywhere (no --db, an empty data folder)."""
    capsys.readouterr()
    code = main(["verify-pack", str(path), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def rewrite_manifest(pack: Path, change=None) -> None:
    """Recompute every file hash, apply `change` to the manifest, rewrite 清单.txt to match."""
    manifest = json.loads((pack / "manifest.json").read_text("utf-8"))
    if change:
        change(manifest)
    listed = {e["path"] for e in manifest["files"]}
    for entry in manifest["files"]:
        data = (pack / entry["path"]).read_bytes()
        entry["sha256"], entry["size"] = sha256_bytes(data), len(data)
    for extra in sorted(p for p in pack.rglob("*") if p.is_file()):
        rel = extra.relative_to(pack).as_posix()
        if rel not in listed and rel not in ("manifest.json", "清单.txt"):
            manifest["files"].append({"path": rel, "sha256": sha256_bytes(extra.read_bytes()),
                                      "size": extra.stat().st_size, "title": rel,
                                      "kind": "解读方案", "audience": "公开"})
    (pack / "manifest.json").write_bytes(manifest_bytes(manifest))
    (pack / "清单.txt").write_text(render_listing(manifest), "utf-8")


def change_docx_text(path: Path, old: str, new: str) -> None:
    """Edit the text of a Word file in place, as anyone with a zip tool can."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            dst.writestr(item, data)
    path.write_bytes(buffer.getvalue())


def test_intact_pack_proves_itself_offline_with_the_published_fingerprint(exported, capsys):
    press, _, fp = exported
    code, out = journalist(capsys, press, "--trust", sig.grouped(fp))
    assert code == 0, out
    assert "结论：发布包与签发版本完全一致" in out
    assert "签发：用户leader（厅长）" in out and "签名有效" in out
    assert "导出：用户writer（科员）" in out and "发布：" in out


def test_intact_pack_without_a_fingerprint_proves_nothing_yet(exported, capsys):
    press, _, fp = exported
    code, out = journalist(capsys, press)
    assert code == 1 and "尚未核对根密钥指纹" in out and sig.grouped(fp) in out


def test_zipped_pack_proves_itself_too(seeded, tmp_path, capsys):
    pkg = released_package(seeded)
    path = seeded.wb.exports.export(seeded["writer"], pkg.id, tmp_path, as_zip=True).path
    code, out = journalist(capsys, path, "--trust", seeded.wb.trust.fingerprint())
    assert code == 0, out


def test_a_figure_changed_in_the_policy_document_with_a_consistent_manifest_is_refused(
        exported, capsys):
    press, _, fp = exported
    change_docx_text(press / "01-政策文件.docx", "1500", "1600")
    rewrite_manifest(press)
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1 and "清单的签名无效" in out and "完全一致" not in out


def test_internal_plan_copied_into_the_press_pack_marked_public_is_refused(exported, capsys):
    press, briefing, fp = exported
    plan = next(briefing.glob("*解读方案.docx"))
    shutil.copyfile(plan, press / plan.name)
    rewrite_manifest(press)
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1
    assert f"对外发布包中含有内部文件：{plan.name}" in out and "清单的签名无效" in out


def test_signer_renamed_in_manifest_and_listing_is_refused(exported, capsys):
    press, _, fp = exported

    def rename(manifest):
        manifest["signoffs"][0]["signer"] = "某某"
        manifest["signoffs"][0]["title"] = "省长"

    rewrite_manifest(press, rename)
    assert "签发：某某（省长）" in (press / "清单.txt").read_text("utf-8")
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1 and "签发人、职务或签发时间与签发人的签名和证书不符" in out


@pytest.mark.parametrize("how", ["added", "removed", "renamed"])
def test_file_added_removed_or_renamed_is_caught(exported, capsys, how):
    press, _, fp = exported
    target = next(press.glob("04-*.docx"))
    if how == "added":
        (press / "说明.txt").write_text("补充说明", "utf-8")
    elif how == "removed":
        target.unlink()
    else:
        target.rename(press / "04-改名.docx")
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1
    assert {"added": "多出清单中没有的文件：说明.txt", "removed": f"缺少文件：{target.name}",
            "renamed": "多出清单中没有的文件：04-改名.docx"}[how] in out


def test_pack_re_signed_under_a_root_of_the_forgers_own_is_refused(exported, capsys):
    """Everything consistent and validly signed, by a root the department never published."""
    press, _, fp = exported
    raw, public = sig.new_key()
    own_fp = sig.fingerprint(public)

    def resign(manifest):
        block = manifest["trust"]
        statement = trust.make(json.loads(block["root"]["statement"]["body"]) |
                               {"public_key": public, "fingerprint": own_fp}, raw)
        block["root"] = {"alg": "ed25519", "public_key": public, "fingerprint": own_fp,
                         "statement": {"body": statement.body, "signature": statement.signature}}
        for group in ("certificates", "decisions"):
            resigned = []
            for item in block[group]:
                data = json.loads(item["body"])
                if group == "certificates":
                    data |= {"root": own_fp, "public_key": public}
                s = trust.make(data, raw)
                resigned.append({"body": s.body, "signature": s.signature})
            block[group] = resigned
        block["revocations"] = []

    change_docx_text(press / "01-政策文件.docx", "1500", "1600")
    rewrite_manifest(press, resign)
    manifest = json.loads((press / "manifest.json").read_text("utf-8"))
    body = {k: v for k, v in manifest.items() if k != "signature"}
    manifest["signature"]["value"] = sig.sign(raw, sig.canonical(body))
    (press / "manifest.json").write_bytes(manifest_bytes(manifest))
    (press / "清单.txt").write_text(render_listing(manifest), "utf-8")
    code, out = journalist(capsys, press, "--trust", own_fp)
    assert code == 0, out  # self-consistent: only the published fingerprint can tell
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1 and "与 --trust 或信任文件中的不符" in out


def test_pack_of_the_old_unsigned_format_cannot_prove_itself(exported, capsys):
    press, _, fp = exported

    def old(manifest):
        manifest["format_version"] = 1
        del manifest["trust"], manifest["signature"], manifest["chain"]

    rewrite_manifest(press, old)
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1 and "没有签名" in out


def test_unknown_signature_algorithm_is_named(exported, capsys):
    press, _, fp = exported
    manifest = json.loads((press / "manifest.json").read_text("utf-8"))
    manifest["signature"]["alg"] = "sm2"
    (press / "manifest.json").write_bytes(manifest_bytes(manifest))
    code, out = journalist(capsys, press, "--trust", fp)
    assert code == 1 and "不支持的签名算法“sm2”" in out


def test_wrong_trust_value_is_bad_input(exported, capsys):
    press, _, _ = exported
    code, out = journalist(capsys, press, "--trust", "not-a-fingerprint")
    assert code == 2 and "--trust" in out


def test_trust_file_from_the_administrator_is_read(seeded, exported, capsys, tmp_path):
    press, _, _ = exported
    trust_file = Path(seeded.wb.trust.pin("江海省人社厅"))
    code, out = journalist(capsys, press)  # the user's trust.txt
    assert code == 0 and "与江海省人社厅一致" in out, out
    copy = tmp_path / "给记者的trust.txt"
    shutil.copyfile(trust_file, copy)
    assert journalist(capsys, press, "--trust", str(copy))[0] == 0


def test_export_of_a_signed_pack_needs_the_exporters_own_key(seeded, tmp_path):
    from interpreter_app.domain.errors import PermissionDenied
    from interpreter_app.domain.model import User

    pkg = signed_package(seeded)
    stranger = User(id=0, username="system", display_name="系统", department_id=None,
                    roles=frozenset({"writer"}), all_departments=True)
    with pytest.raises(PermissionDenied, match="导出人"):
        seeded.wb.exports.export(stranger, pkg.id, tmp_path)


def test_verify_against_a_pack_checks_the_database_still_extends_its_chain(seeded, exported,
                                                                        capsys):
    press, _, _ = exported
    capsys.readouterr()
    assert main(["--db", str(seeded.path), "verify", "--against", str(press)]) == 0
    manifest = json.loads((press / "manifest.json").read_text("utf-8"))
    manifest["chain"]["head"] = "0" * 64
    (press / "manifest.json").write_bytes(manifest_bytes(manifest))
    assert main(["--db", str(seeded.path), "verify", "--against", str(press)]) == 1
    assert "历史被改写" in capsys.readouterr().out
