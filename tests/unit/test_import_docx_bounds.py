"""Large and crafted .docx files are refused (or read) within bounds: the expanded size of
word/document.xml is checked before parsing, and the body streams paragraph by paragraph.
The files are generated here (tests/support/hostile_docx.py), never committed."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from interpreter_app.domain.importing import ImportFailed, docx_parts, docx_reader, files, read_file
from interpreter_app.domain.importing.inspect import inspect_path
from tests.support import hostile_docx
from tests.support.make_hostile_packs import patch

_CJK = re.compile(r"[\u4e00-\u9fff]")


def refused(path: Path, words: str) -> str:
    with pytest.raises(ImportFailed) as err:
        inspect_path(path)
    message = err.value.message
    assert words in message and _CJK.search(message) and "\n" not in message, message
    return message


@pytest.fixture(scope="module")
def expanding(tmp_path_factory) -> Path:
    """A 5.5 MB .docx whose word/document.xml expands to 40 MB of ordinary-looking text."""
    return hostile_docx.expanding_text_docx(tmp_path_factory.mktemp("docx") / "expanding.docx", 40)


def test_expanding_docx_is_refused_before_its_xml_is_parsed(expanding, monkeypatch):
    path = expanding
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size / info.compress_size < docx_reader.MAX_RATIO  # no zip bomb by ratio

    def parsed(*args, **kwargs):
        raise AssertionError("word/document.xml was parsed")

    monkeypatch.setattr(docx_parts, "iterparse", parsed)
    refused(path, "word/document.xml”解压后过大")


def test_docx_whose_declared_size_lies_is_refused_as_damaged(expanding, tmp_path):
    path = tmp_path / "lying.docx"
    path.write_bytes(patch(expanding.read_bytes(), "word/document.xml", "size", 1024 * 1024))
    refused(path, "损坏")


def test_flood_of_tags_in_one_paragraph_is_refused_while_streaming(tmp_path):
    refused(hostile_docx.tag_flood_docx(tmp_path / "flood.docx", 5), "结构异常复杂")


def test_flood_of_tags_in_one_table_cell_is_refused_while_streaming(tmp_path):
    refused(hostile_docx.tag_flood_docx(tmp_path / "cell.docx", 5, "cell"), "结构异常复杂")


def test_too_many_empty_paragraphs_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "BODY_ITEMS_MAX", 100)
    refused(hostile_docx.empty_paragraphs_docx(tmp_path / "empty.docx", 200), "段落和表格行过多")


def test_too_much_text_is_refused_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "IMPORT_MAX_CHARS", 10_000)
    refused(hostile_docx.expanding_text_docx(tmp_path / "long.docx", 1), "文字过多")


def test_too_much_text_in_a_txt_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "IMPORT_MAX_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("第一条 政策文字。\n" * 200, "utf-8")
    refused(path, "文字过多")


def test_deeply_nested_content_controls_are_refused_as_damaged(tmp_path):
    path = tmp_path / "deep.docx"
    hostile_docx.write_docx(path, [b"<w:sdt><w:sdtContent>" * 1000, b"<w:p><w:r><w:t>x</w:t></w:r></w:p>",
                                   b"</w:sdtContent></w:sdt>" * 1000])
    refused(path, "损坏")


# -- streaming keeps the document order and what belongs together -----------------------------

def _para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def test_streamed_body_keeps_order_nested_tables_wrappers_and_text_boxes(tmp_path):
    cell = lambda *parts: b"<w:tc>" + b"".join(parts) + b"</w:tc>"  # noqa: E731
    inner = b"<w:tbl><w:tr>" + cell(_para("内表甲")) + cell(_para("内表乙")) + b"</w:tr></w:tbl>"
    textbox = ("<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><w:txbxContent>".encode()
               + _para("文本框") + b"</w:txbxContent></w:pict></w:r></w:p>")
    body = [_para("一、总体要求"),
            b"<w:sdt><w:sdtContent>" + _para("（一）控件中的段落") + b"</w:sdtContent></w:sdt>",
            b"<w:tbl><w:tr>" + cell(_para("任务")) + cell(_para("牵头单位")) + b"</w:tr>"
            b"<w:sdt><w:sdtContent><w:tr>" + cell(_para("稳岗")) + cell(inner) + b"</w:tr>"
            b"</w:sdtContent></w:sdt></w:tbl>",
            textbox, _para("二、保障措施")]
    path = hostile_docx.write_docx(tmp_path / "order.docx", body)
    assert read_file(path).paragraphs == [
        "一、总体要求", "（一）控件中的段落", "任务\t牵头单位", "稳岗\t内表甲 内表乙", "正文",
        "二、保障措施"]


def test_inspect_command_refuses_the_expanding_docx_in_one_line(expanding, capsys):
    from interpreter_app.cli import main

    code = main(["inspect", str(expanding)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("错误：") and err.count("\n") == 1
    assert "解压后过大" in err
