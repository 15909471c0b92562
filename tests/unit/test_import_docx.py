"""Importing .docx (python-docx and LibreOffice made), legacy .doc, and hostile files."""

from __future__ import annotations

import contextlib
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interpreter_app.domain.errors import ValidationError
from interpreter_app.domain.importing import ImportFailed, legacy, read_file

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def make_docx(path: Path) -> Path:
    """A notice with a heading, empty paragraphs, a numbered list, a table and a comment."""
    import docx

    document = docx.Document()
    document.add_heading("关于进一步优化政务服务的通知", level=1)
    document.add_paragraph("")
    document.add_paragraph("各州、市人民政府：")
    body = document.add_paragraph("现就有关事项通知如下。")
    document.add_comment(body.runs, text="审核意见：此处需要核实", author="审核人")
    document.add_paragraph("   ")
    for item in ("统一事项清单。", "规范办事指南。"):
        document.add_paragraph(item, style="List Number")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("任务", "牵头单位", "完成时限"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("统一事项清单", "省政务服务局", "2020年10月底前"), strict=True):
        cell.text = text
    document.add_paragraph("江海省人民政府办公厅")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory) -> bytes:
    return make_docx(tmp_path_factory.mktemp("docx") / "notice.docx").read_bytes()


def write(tmp_path: Path, data: bytes, name: str = "policy.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_docx_paragraphs_come_in_body_order_with_tables_and_list_numbers(tmp_path, docx_bytes):
    imported = read_file(write(tmp_path, docx_bytes))
    assert imported.source == "docx"
    assert imported.paragraphs == [
        "关于进一步优化政务服务的通知",
        "各州、市人民政府：",
        "现就有关事项通知如下。",
        "1.统一事项清单。",
        "2.规范办事指南。",
        "任务\t牵头单位\t完成时限",
        "统一事项清单\t省政务服务局\t2020年10月底前",
        "江海省人民政府办公厅",
    ]


def test_empty_table_cells_keep_columns_aligned(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text = "统一事项清单"
    table.rows[0].cells[2].text = "年内"
    document.save(str(tmp_path / "t.docx"))
    assert read_file(tmp_path / "t.docx").paragraphs == ["统一事项清单\t\t年内"]


def test_comments_are_not_imported_as_text(tmp_path, docx_bytes):
    imported = read_file(write(tmp_path, docx_bytes))
    assert not any("审核意见" in p for p in imported.paragraphs)


def test_tracked_insertions_count_and_deletions_do_not(tmp_path, docx_bytes):
    xml = _member(docx_bytes, "word/document.xml").decode()
    revised = xml.replace(
        "<w:t>现就有关事项通知如下。</w:t></w:r>",
        "<w:t>现就有关事项通知如下。</w:t></w:r>"
        '<w:ins w:id="91" w:author="a"><w:r><w:t>（新增）</w:t></w:r></w:ins>'
        '<w:del w:id="92" w:author="a"><w:r><w:delText>（删除）</w:delText></w:r></w:del>', 1)
    assert revised != xml
    imported = read_file(write(tmp_path, _replace_member(docx_bytes, "word/document.xml", revised.encode())))
    assert "现就有关事项通知如下。（新增）" in imported.paragraphs


def test_libreoffice_docx_reads_lists_and_tables():
    imported = read_file(DATA / "libreoffice_sample.docx")
    assert "1.统一政务服务事项清单，于2020年10月底前完成。" in imported.paragraphs
    assert "3\t建立“好差评”制度\t省政务服务局\t各州、市人民政府\t每季度" in imported.paragraphs


def test_legacy_doc_without_libreoffice_asks_to_save_as_docx(monkeypatch, tmp_path):
    monkeypatch.setattr(legacy, "office_executable", lambda: None)
    path = write(tmp_path, (DATA / "libreoffice_sample.doc").read_bytes(), "policy.doc")
    with pytest.raises(ImportFailed, match="另存为"):
        read_file(path)


def test_doc_renamed_to_docx_is_recognised(monkeypatch, tmp_path):
    monkeypatch.setattr(legacy, "office_executable", lambda: None)
    path = write(tmp_path, (DATA / "libreoffice_sample.doc").read_bytes(), "policy.docx")
    with pytest.raises(ImportFailed, match=r"\.doc/\.wps"):
        read_file(path)


@pytest.mark.libreoffice
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="no LibreOffice")
def test_legacy_doc_is_converted_with_libreoffice(tmp_path):
    path = write(tmp_path, (DATA / "libreoffice_sample.doc").read_bytes(), "旧版 文件.doc")
    imported = read_file(path)
    assert "江政办发〔2020〕33号" in imported.paragraphs
    assert any("LibreOffice" in w for w in imported.warnings)


def test_pdf_renamed_to_docx_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="PDF"):
        read_file(write(tmp_path, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))


def test_other_file_renamed_to_docx_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="不是有效的 .docx"):
        read_file(write(tmp_path, b"GIF89a" + b"\x00" * 100))


def test_zip_without_word_document_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportFailed, match="word/document.xml"):
        read_file(write(tmp_path, buffer.getvalue()))


def test_zip_bomb_is_refused_without_expanding(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(ImportFailed, match="压缩炸弹"):
        read_file(path)


def test_external_entity_is_never_resolved(tmp_path, docx_bytes):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = _member(docx_bytes, "word/document.xml").decode()
    header, rest = xml.split("?>", 1)
    evil = (f'{header}?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            + rest.replace("现就有关事项通知如下。", "&xxe;", 1))
    path = write(tmp_path, _replace_member(docx_bytes, "word/document.xml", evil.encode()))
    with pytest.raises(ImportFailed, match="不安全"):
        read_file(path)


def test_python_docx_parser_would_not_resolve_entities_either(tmp_path):
    # Defence in depth behind the DTD refusal: python-docx's own parser leaves entities alone.
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
           '<r xmlns="urn:x">&xxe;</r>')
    element = parse_xml(xml.encode())
    assert "TOP-SECRET" not in "".join(element.itertext())


def test_docx_over_the_cap_is_refused(tmp_path, monkeypatch):
    from interpreter_app.domain.importing import docx_reader

    monkeypatch.setattr(docx_reader, "DOCX_MAX_BYTES", 1000)
    with pytest.raises(ImportFailed, match="过大"):
        read_file(make_docx(tmp_path / "a.docx"))


def test_damaged_document_xml_gives_one_clear_message(tmp_path, docx_bytes):
    path = write(tmp_path, _replace_member(docx_bytes, "word/document.xml", b"<w:document><broken"))
    with pytest.raises(ImportFailed, match="损坏"):
        read_file(path)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=2000), suffix=st.sampled_from([".txt", ".docx", ".doc"]))
def test_random_bytes_raise_only_import_failed(tmp_path, monkeypatch, data, suffix):
    monkeypatch.setattr(legacy, "office_executable", lambda: None)
    path = write(tmp_path, data, "fuzz" + suffix)
    with contextlib.suppress(ValidationError):
        read_file(path)


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), min_size=1, max_size=8))
def test_mutated_docx_raises_only_import_failed(tmp_path, docx_bytes, flips):
    data = bytearray(docx_bytes)
    for pos, mask in flips:
        data[pos % len(data)] ^= mask
    path = write(tmp_path, bytes(data))
    with contextlib.suppress(ValidationError):
        read_file(path)


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()
