"""Small tables a department keeps in Excel or CSV (发文登记, the website's posting list), read
within bounds: the first worksheet of an .xlsx, or a CSV in any encoding the import knows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
import re
import zipfile
from pathlib import Path

from ..errors import ValidationError
from .common import ImportFailed
from .docx_parts import Bounded
from .encoding import decode_text

TABLE_MAX_BYTES = 8 * 1024 * 1024  # the file as given
PART_MAX_BYTES = 32 * 1024 * 1024  # one part of an .xlsx, unpacked
ROWS_MAX = 20_000
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_COLUMN = re.compile(r"^([A-Z]+)")
EXCEL_EPOCH = dt.date(1899, 12, 30)


def read_table(path: Path) -> list[list[str]]:
    """The rows of a .csv or .xlsx file as text, blank rows dropped; ValidationError in one line."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"找不到文件“{path}”")
    if path.stat().st_size > TABLE_MAX_BYTES:
        raise ValidationError(f"“{path.name}”过大（超过 {TABLE_MAX_BYTES // 1048576} MB）")
    data = path.read_bytes()
    try:
        rows = _xlsx_rows(data) if data[:2] == b"PK" else _csv_rows(data)
    except (ImportFailed, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValidationError(f"“{path.name}”无法读取：{exc}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) > ROWS_MAX:
        raise ValidationError(f"“{path.name}”行数过多（超过 {ROWS_MAX} 行）")
    return [[c.strip() for c in r] for r in rows]


def cell_date(text: str) -> str:
    """A date cell as text: an Excel date serial (46000) becomes 2025-12-09; others stay."""
    if re.fullmatch(r"\d{5}(\.0+)?", text.strip()):
        return (EXCEL_EPOCH + dt.timedelta(days=int(float(text)))).isoformat()
    return text


def _csv_rows(data: bytes) -> list[list[str]]:
    text, _encoding = decode_text(data)
    return list(csv.reader(io.StringIO(text)))


def _xlsx_rows(data: bytes) -> list[list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        shared = _shared_strings(archive)
        root = _part(archive, _first_sheet(archive))
    rows = []
    for row in root.iter(f"{_NS}row"):
        cells: dict[int, str] = {}
        for cell in row.iter(f"{_NS}c"):
            column = _column_index(cell.get("r", ""), len(cells))
            cells[column] = _cell_text(cell, shared)
        if cells:
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)])
        if len(rows) > ROWS_MAX:
            break
    return rows


def _part(archive: zipfile.ZipFile, name: str):
    from lxml import etree

    info = archive.getinfo(name)
    if info.file_size > PART_MAX_BYTES:
        raise ImportFailed(f"表格中的“{name}”过大")
    with archive.open(info) as raw:
        stream = Bounded(raw, PART_MAX_BYTES, name)
        return etree.parse(stream, etree.XMLParser(**_SAFE)).getroot()


def _first_sheet(archive: zipfile.ZipFile) -> str:
    workbook = _part(archive, "xl/workbook.xml")
    sheet = workbook.find(f"{_NS}sheets/{_NS}sheet")
    if sheet is None:
        raise ImportFailed("工作簿中没有工作表")
    rels = _part(archive, "xl/_rels/workbook.xml.rels")
    target = next(r.get("Target") for r in rels.iter(_REL) if r.get("Id") == sheet.get(_R_ID))
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = _part(archive, "xl/sharedStrings.xml")
    return ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]


def _column_index(reference: str, fallback: int) -> int:
    m = _COLUMN.match(reference)
    if not m:
        return fallback
    index = 0
    for ch in m[1]:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _cell_text(cell, shared: list[str]) -> str:
    kind = cell.get("t", "")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_NS}t"))
    value = cell.find(f"{_NS}v")
    text = value.text if value is not None and value.text else ""
    if kind == "s" and text.isdigit() and int(text) < len(shared):
        return shared[int(text)]
    return text
