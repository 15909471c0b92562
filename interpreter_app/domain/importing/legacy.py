"""Old binary Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice when present."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .common import ImportFailed
from .docx_reader import read_docx

CONVERT_TIMEOUT = 120  # seconds; a first LibreOffice start can take a while on a slow disk
LEGACY_MAX_BYTES = 50 * 1024 * 1024
SAVE_AS = "旧版 .doc/.wps 文件无法直接读取，请在 Word 或 WPS 中“另存为” .docx 后再导入"


def office_executable() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(path: Path) -> list[str]:
    """The lines of a .doc/.wps file via a LibreOffice conversion in a temporary folder."""
    exe = office_executable()
    if exe is None:
        raise ImportFailed(SAVE_AS)
    if path.stat().st_size > LEGACY_MAX_BYTES:
        raise ImportFailed(f"文件过大，超过 {LEGACY_MAX_BYTES // 1048576} MB 的上限；请拆分后再导入")
    with tempfile.TemporaryDirectory(prefix="interp-import-") as tmp:
        work = Path(tmp)
        # A plain copy name keeps odd file names away from the command line and lock files
        # away from the writer's folder.
        source = work / ("source" + path.suffix.lower())
        shutil.copyfile(path, source)
        converted = _convert(exe, source, work)
        return read_docx(converted)


def _convert(exe: str, source: Path, work: Path) -> Path:
    profile = (work / "profile").as_uri()
    args = [exe, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile}",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(source)]
    try:
        subprocess.run(args, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise ImportFailed(f"转换旧版文件超时（超过 {CONVERT_TIMEOUT} 秒）；" + SAVE_AS) from None
    except OSError:
        raise ImportFailed(SAVE_AS) from None
    out = work / "out" / (source.stem + ".docx")
    if not out.is_file() or out.stat().st_size == 0:
        raise ImportFailed("LibreOffice 未能转换此文件（文件可能已损坏或加密）；" + SAVE_AS)
    return out
