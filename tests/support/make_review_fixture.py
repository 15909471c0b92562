"""Make tests/data/review/: a 征求意见稿 of the test package, and the same file after a reviewer
edited it in LibreOffice with change tracking on (one insertion, one deletion) and a comment.

    python tests/support/make_review_fixture.py [--out DIR]

exports the package of tests/factories.py (created as package 1 in a fresh database), then runs
itself with `--edit IN OUT` under a Python that has LibreOffice's `uno` module (this one, or
/usr/bin/python3 with python3-uno), which starts a headless soffice on a free port and edits
the file through UNO. tests/unit/test_review_libreoffice.py runs it live when soffice exists.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "review"
EXPORTED, EDITED = "exported.docx", "libreoffice_edited.docx"
REVIEWER = "王审核"  # the name LibreOffice writes on the changes and the comment
INSERT_AFTER, INSERTED = "城镇新增就业不少于50万人", "（含灵活就业）"
DELETED = "省人力资源社会保障厅制定本通知"  # in the article material: “省人力资源社会保障厅” goes
DELETED_PART = "省人力资源社会保障厅"
COMMENTED = "专场招聘活动"
COMMENT_TEXT = "建议写明每季度的具体场次安排。"
COMMENT_DATE = "2026-06-18T10:30:00"


def create_sample(wb, writer):
    """The package of factories.complete_parts with fixed material ids, so that a fresh
    database holds the very package the committed files were exported from."""
    from dataclasses import replace

    from tests.factories import complete_parts

    document, plan, materials = complete_parts()
    materials = [replace(m, id=f"{i + 1:032x}") for i, m in enumerate(materials)]
    return wb.authoring.create(writer, document.title, document=document, plan=plan,
                               materials=materials)


def export_sample(out: Path) -> Path:
    """The 征求意见稿 of create_sample, as package 1 of a fresh database."""
    sys.path.insert(0, str(ROOT))
    from interpreter_app.services import crypto
    from tests.factories import seed

    crypto.SCRYPT_N = 2**8
    with tempfile.TemporaryDirectory() as tmp:
        data = seed(Path(tmp) / "fixture.db")
        try:
            package = create_sample(data.wb, data["writer"])
            assert package.id == 1, package.id
            path = data.wb.exports.export_review(data["writer"], package.id, Path(tmp))
            target = out / EXPORTED
            shutil.copyfile(path, target)
        finally:
            data.wb.close()
    return target


def uno_python() -> str:
    """A Python that can import uno."""
    try:
        import uno  # noqa: F401

        return sys.executable
    except ImportError:
        for candidate in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
            if Path(candidate).exists() and subprocess.run(
                    [candidate, "-c", "import uno"], capture_output=True).returncode == 0:
                return candidate
    raise SystemExit("no Python with LibreOffice's uno module: apt-get install python3-uno")


def edit_in_libreoffice(src: Path, dst: Path, timeout: float = 120) -> None:
    """Run the --edit step in a Python that has uno."""
    subprocess.run([uno_python(), __file__, "--edit", str(src), str(dst)], check=True,
                   timeout=timeout)


# ---- the UNO side (runs under LibreOffice's Python) -----------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _connect(port: int, proc: subprocess.Popen):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            return resolver.resolve(
                f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _prop(name: str, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _set_user_name(ctx, name: str) -> None:
    smgr = ctx.ServiceManager
    provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider",
                                              ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (_prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", name)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def _find(doc, text: str):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f"text not found in the exported file: {text}")
    return found


def _edit(doc) -> None:
    """The two tracked edits, made through LibreOffice's own API."""
    doc.RecordChanges = True
    # 1. an insertion after a phrase of the policy document's body
    found = _find(doc, INSERT_AFTER)
    cursor = found.getText().createTextCursorByRange(found.getEnd())
    cursor.getText().insertString(cursor, INSERTED, False)
    # 2. a deletion inside a material's body
    found = _find(doc, DELETED)
    cursor = found.getText().createTextCursorByRange(found.getStart())
    cursor.goRight(len(DELETED_PART), True)
    cursor.setString("")


def _add_comment(fodt: Path) -> None:
    """A comment on COMMENTED in the flat ODF file, as LibreOffice writes an annotation.

    Inserting one through UNO makes Writer build the comment's side window, and the nogui
    LibreOffice of our machines and CI lacks that window's UI file and aborts; a conversion
    builds no windows, so the comment goes into the ODF text and LibreOffice writes the OOXML."""
    text = fodt.read_text("utf-8")
    at = text.find(COMMENTED)
    if at < 0 or text.find(COMMENTED, at + 1) >= 0:
        raise SystemExit(f"the phrase to comment on is not in the file once: {COMMENTED}")
    note = (f'<office:annotation office:name="review1"><dc:creator>{REVIEWER}</dc:creator>'
            f"<dc:date>{COMMENT_DATE}</dc:date><text:p>{COMMENT_TEXT}</text:p>"
            "</office:annotation>")
    end = '<office:annotation-end office:name="review1"/>'
    fodt.write_text(text[:at] + note + COMMENTED + end + text[at + len(COMMENTED):], "utf-8")


def uno_edit(src: Path, dst: Path) -> None:
    """Open `src` in a headless LibreOffice, edit it with changes tracked, add a comment and
    let LibreOffice save it as the .docx `dst`."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        fodt = Path(work) / "edited.fodt"
        _tracked_edits(src, fodt, profile)
        _add_comment(fodt)
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, str(fodt)],
                       check=True, timeout=120, capture_output=True)
        shutil.copyfile(Path(work) / "edited.docx", dst)


def _tracked_edits(src: Path, fodt: Path, profile: Path) -> None:
    import uno

    port = _free_port()
    proc = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--invisible", "--norestore", "--nologo",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(port, proc)
        _set_user_name(ctx, REVIEWER)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                               ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(src.resolve())),
                                           "_blank", 0, (_prop("Hidden", True),))
        _edit(doc)
        doc.storeToURL(uno.systemPathToFileUrl(str(fodt.resolve())),
                       (_prop("FilterName", "OpenDocument Text Flat XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes away while terminate returns
            desktop.terminate()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edit", nargs=2, type=Path, metavar=("IN", "OUT"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if args.edit:
        uno_edit(*args.edit)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    exported = export_sample(args.out)
    edit_in_libreoffice(exported, args.out / EDITED)
    print(f"wrote {exported} and {args.out / EDITED}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
