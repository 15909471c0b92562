"""A child process that writes to the database without pause until it is killed.

    python save_loop.py DB LOG AUTOSAVE_ID CYCLE_ID EXPORT_DIR

It autosaves a 50,000-character document body carrying a counter and, every few saves,
moves a second package one step around the whole workflow (submit, pass, sign, release,
export a press pack, revise, ...). After each committed call returns it appends a line to
LOG and fsyncs it, so the parent knows what was committed before the kill:

    base <counter> <decisions>   the state found at start
    save <counter>               an autosave with this counter returned
    step <decisions>             a workflow step returned; the package now has this many
    export <n>                   the n-th press pack of this run was written
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from pathlib import Path

BODY_CHARS = 50_000
STEP_EVERY = 3
PASSWORD_ENV = "INTERPRETER_PASSWORD"
_FILLER = "各地各部门要加强组织领导，压实工作责任，确保各项政策措施落地见效。"
_COUNTER = re.compile(r"^计数 (\d{8})$", re.M)


def make_body(counter: int) -> str:
    """The exact body saved for `counter`: the counter at its start, middle and end."""
    mark = f"计数 {counter:08d}"
    lines = [mark]
    while sum(len(x) + 1 for x in lines) < BODY_CHARS - 2 * len(mark):
        lines.append(f"{len(lines)}.{_FILLER}")
        if len(lines) == 400:
            lines.append(mark)
    lines.append(mark)
    return "\n".join(lines)


def counter_of(body: str) -> int:
    """The counter a body was made for (-1 for a body that holds none)."""
    found = _COUNTER.findall(body)
    return int(found[0]) if found else -1


class Log:
    """Append-only progress log, forced to disk after every line."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.exports = 0

    def write(self, line: str) -> None:
        """Append one line and fsync, so a line on disk means the call had returned."""
        os.write(self.fd, (line + "\n").encode("ascii"))
        os.fsync(self.fd)


def export(wb, people: dict, package_id: int, out_dir: str, log: Log) -> None:
    """Write the released package's press pack (a folder or a .zip, in turn)."""
    log.exports += 1
    wb.exports.export(people["writer"], package_id, out_dir, pack="press",
                      as_zip=log.exports % 2 == 0, force=True)
    log.write(f"export {log.exports}")


def next_step(wb, people: dict, package_id: int, out_dir: str, log: Log) -> None:
    """Take the one workflow transition open from the package's current state."""
    state = wb.authoring.get(people["writer"], package_id).state
    review = wb.review
    if state == "draft":
        review.submit(people["writer"], package_id)
    elif state == "in_review":
        review.pass_review(people["reviewer"], package_id, "同意")
    elif state == "awaiting_signoff":
        review.sign(people["leader"], package_id, people["password"], "同意发布")
    elif state == "signed":
        releaser = people["writer"] if len(review.decisions(people["writer"], package_id)) % 2 \
            else people["leader"]
        review.release(releaser, package_id)
    else:
        # One export attempt per release, killed or not, so that the cycle keeps moving.
        attempt = Path(out_dir) / f".attempted-{wb.store.packages.get(package_id).revision}"
        if not attempt.exists():
            attempt.parent.mkdir(parents=True, exist_ok=True)
            attempt.touch()
            export(wb, people, package_id, out_dir, log)
        review.revise(people["writer"], package_id, "政策调整")


def run(db: str, log_path: str, autosave_id: int, cycle_id: int, out_dir: str) -> None:
    """Save and step until killed."""
    import interpreter_app.export.charts  # noqa: F401 - warm up before the clock starts
    import interpreter_app.export.packs  # noqa: F401
    from interpreter_app.services.workbench import Workbench

    wb = Workbench.open(db)
    password = os.environ[PASSWORD_ENV]
    people = {name: wb.accounts.login(name, password) for name in ("writer", "reviewer", "leader")}
    people["password"] = password
    writer = people["writer"]
    log = Log(log_path)
    package = wb.authoring.get(writer, autosave_id)
    counter, version = counter_of(package.document.body), package.document_version
    decisions = len(wb.review.decisions(writer, cycle_id))
    log.write(f"base {counter} {decisions}")
    while True:
        counter += 1
        doc = replace(package.document, body=make_body(counter))
        version = wb.authoring.save_document(writer, autosave_id, doc, version).version
        log.write(f"save {counter}")
        if counter % STEP_EVERY == 0:
            next_step(wb, people, cycle_id, out_dir, log)
            decisions += 1
            log.write(f"step {decisions}")


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
