"""A 征求意见稿 edited in LibreOffice comes back: two tracked changes and a comment, in place,
with the name LibreOffice wrote. The committed file runs everywhere; where soffice exists (and
always on CI) the file is made again, live, by tests/support/make_review_fixture.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interpreter_app.domain.changes import text_at
from interpreter_app.export.review_merge import merge_review
from interpreter_app.export.review_reader import read_review_file
from tests.support import make_review_fixture as fixture

DATA = Path(__file__).resolve().parents[1] / "data" / "review"


@pytest.fixture
def sample(seeded):
    package = fixture.create_sample(seeded.wb, seeded["writer"])
    assert package.id == 1  # the id the committed files carry
    return package


def check_comes_back_in_place(seeded, package, path: Path) -> None:
    review = read_review_file(path)
    exported = read_review_file(DATA / fixture.EXPORTED)
    assert review.targets == exported.targets  # LibreOffice kept the custom properties
    result = merge_review(package, review, source=path.name, now="2026-06-20T10:00:00")
    assert result.not_placed == [] and result.untracked == 0
    inserted, deleted = sorted(result.changes, key=lambda c: c.target)
    assert inserted.target == "document.body" and inserted.new == fixture.INSERTED
    body = package.document.body
    assert body[:inserted.offset].endswith(fixture.INSERT_AFTER) and inserted.old == ""
    article = next(m for m in package.materials if m.kind == "article")
    assert deleted.target == f"material:{article.id}.body"
    assert deleted.old == fixture.DELETED_PART and deleted.new == ""
    assert text_at(package, deleted.target)[deleted.offset:].startswith(fixture.DELETED)
    assert {c.author_name for c in result.changes} == {fixture.REVIEWER}
    assert all(c.external and c.made_at for c in result.changes)
    (comment,) = result.comments
    assert (comment.part, comment.quote) == ("document", fixture.COMMENTED)
    assert (comment.author_name, comment.text) == (fixture.REVIEWER, fixture.COMMENT_TEXT)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    assert fixture.COMMENTED in paragraphs[comment.paragraph]


def test_committed_libreoffice_file_comes_back_in_place(seeded, sample):
    check_comes_back_in_place(seeded, sample, DATA / fixture.EDITED)


def test_committed_file_imports_through_the_service(seeded, sample):
    report = seeded.wb.review_import.import_review(seeded["writer"], sample.id,
                                                   DATA / fixture.EDITED)
    assert (report.changes, report.untracked, report.comments) == (2, 0, 1)
    assert report.authors == (fixture.REVIEWER,)
    (listed,) = seeded.wb.comments.list(seeded["writer"], sample.id)
    assert listed.comment.external and not listed.detached


def _uno_python() -> str | None:
    try:
        return fixture.uno_python()
    except SystemExit:
        return None


def test_live_libreoffice_round_trip(seeded, sample, tmp_path):
    """Export, edit in a headless LibreOffice through UNO, import (CI must run it)."""
    missing = [what for what, ok in (("soffice", shutil.which("soffice")),
                                     ("python3-uno", _uno_python())) if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the LibreOffice round trip: {', '.join(missing)} missing "
                        "(make system-deps; apt-get install python3-uno)")
        pytest.skip(f"needs LibreOffice with UNO: {', '.join(missing)} not found")
    subprocess.run([sys.executable, fixture.__file__, "--out", str(tmp_path)], check=True,
                   timeout=300, env={**os.environ, "PYTHONPATH": str(fixture.ROOT)})
    check_comes_back_in_place(seeded, sample, tmp_path / fixture.EDITED)


def test_libreoffice_edits_become_pending_external_changes_the_writer_can_accept(seeded, sample):
    writer = seeded["writer"]
    report = seeded.wb.review_import.import_review(writer, sample.id, DATA / fixture.EDITED)
    assert report.changes_saved
    pending = seeded.wb.changes.pending(writer, sample.id)
    assert len(pending) == 2
    assert all(c.external and c.author_name == fixture.REVIEWER for c in pending)
    assert {c.source for c in pending} == {fixture.EDITED}
    for change in pending:
        seeded.wb.changes.accept(writer, sample.id, change.id)
    package = seeded.wb.authoring.get(writer, sample.id)
    assert fixture.INSERT_AFTER + fixture.INSERTED in package.document.body
    article = next(m for m in package.materials if m.kind == "article")
    assert fixture.DELETED not in article.body
    assert fixture.DELETED[len(fixture.DELETED_PART):] in article.body
