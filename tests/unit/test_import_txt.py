"""Importing .txt files and pasted text: encodings, overrides and refused input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from interpreter_app.domain.errors import ValidationError
from interpreter_app.domain.importing import ImportFailed, read_file, read_text

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "import" / "sample_policy.txt"
SIMPLIFIED = "关于进一步优化营商环境的通知\n各州、市人民政府：\n为贯彻落实国务院决策部署，现将有关事项通知如下。"
TRADITIONAL = "關於進一步優化營商環境的通知\n各縣（市、區）人民政府：\n為貫徹落實國務院決策部署，現將有關事項通知如下。"


def write(tmp_path: Path, data: bytes, name: str = "policy.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "expected"), [
    (SIMPLIFIED.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    ((SIMPLIFIED + "\n价格：100€").encode("gb18030"), "gb18030"),
    (SIMPLIFIED.encode("gbk"), "gb18030"),
    (TRADITIONAL.encode("big5"), "big5"),
    (TRADITIONAL.encode("gb18030"), "gb18030"),
])
def test_encodings_are_detected(tmp_path, data, expected):
    imported = read_file(write(tmp_path, data))
    assert imported.encoding == expected
    assert imported.paragraphs[0] in (SIMPLIFIED.split("\n")[0], TRADITIONAL.split("\n")[0])
    assert imported.source == "txt"


def test_short_gbk_that_is_also_valid_utf8_reads_as_gbk(tmp_path):
    imported = read_file(write(tmp_path, "联通".encode("gbk")))
    assert imported.paragraphs == ["联通"]


def test_explicit_encoding_overrides_detection(tmp_path):
    path = write(tmp_path, SIMPLIFIED.encode("utf-8"))
    assert read_file(path, encoding="latin-1").encoding == "latin-1"


def test_wrong_explicit_encoding_says_so(tmp_path):
    path = write(tmp_path, SIMPLIFIED.encode("gb18030"))
    with pytest.raises(ImportFailed, match="utf-8"):
        read_file(path, encoding="utf-8")


def test_unknown_encoding_name_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="不认识的编码"):
        read_file(write(tmp_path, b"abc"), encoding="no-such-codec")


def test_sample_reads_as_utf8():
    imported = read_file(SAMPLE)
    assert imported.encoding == "utf-8"
    assert imported.paragraphs[0] == "江海省人民政府办公厅文件"
    assert all(p == p.strip() and p for p in imported.paragraphs)


def test_crlf_and_indentation_are_normalised(tmp_path):
    imported = read_file(write(tmp_path, "标题\r\n\r\n　　正文第一段。\r\n".encode()))
    assert imported.paragraphs == ["标题", "正文第一段。"]


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="空的"):
        read_file(write(tmp_path, b""))


def test_whitespace_only_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="没有文字"):
        read_file(write(tmp_path, b" \r\n\t\n"))


def test_nul_bytes_in_non_utf16_text_are_refused(tmp_path):
    with pytest.raises(ImportFailed, match="空字符"):
        read_file(write(tmp_path, "正文".encode() + b"\x00\x01\x02" + "内容".encode()))


def test_text_over_the_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: created instantly
    with pytest.raises(ImportFailed, match="过大"):
        read_file(path)


def test_missing_file_and_unsupported_type(tmp_path):
    with pytest.raises(ImportFailed, match="找不到"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(ImportFailed, match="不支持的文件类型"):
        read_file(write(tmp_path, b"x", "policy.xlsx"))


def test_pdf_is_refused_with_advice(tmp_path):
    with pytest.raises(ImportFailed, match="PDF"):
        read_file(write(tmp_path, b"%PDF-1.7\n...", "policy.pdf"))


def test_import_failed_is_a_validation_error():
    assert issubclass(ImportFailed, ValidationError)


def test_paste_is_cleaned_of_invisible_characters():
    imported = read_text("标题\u200b\n\n正文\ufeff内容\x07\n")
    assert imported.paragraphs == ["标题", "正文内容"]
    assert imported.source == "paste"
    assert imported.warnings and "不可见" in imported.warnings[0]


def test_imported_text_drops_c1_controls_and_direction_overrides(tmp_path):
    path = tmp_path / "意见.txt"
    path.write_text("同意\u202e意同不\n\x93第一条\x94\u2066说明\u2069\n", "utf-8")
    imported = read_file(path)
    assert imported.paragraphs == ["同意意同不", "第一条说明"]
    assert "已删除5个" in imported.warnings[0]


def test_empty_paste_is_refused():
    with pytest.raises(ImportFailed, match="空的"):
        read_text(" \n\u3000\n")
