"""Placing what a 征求意见稿 brings back (review_reader.ReviewFile) in the package.

Tracked insertions and deletions become external Changes on their target; text that differs
from the package without being tracked becomes Changes too, attributed to whoever saved the
file last; comments are anchored at (part, paragraph, quote). A target whose text is as it was
exported compares as a whole; otherwise each line is found again by the hash its bookmark
carries, and what cannot be placed is reported with its text, never dropped silently."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..domain.changes import Change, UnknownTarget, target_label, text_at
from ..domain.model import Package
from . import review_format as F
from .review_reader import DEL, INS, SAME, FileAnchor, FileComment, ReviewFile, Seg

UNSIGNED = "未署名"
CONTEXT = 20
NEAR = 4  # edits this few characters apart are one edit
QUOTE_MAX = 60
Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class ImportedComment:
    """A comment of the file as the package will hold it (paragraph -1: not anchored)."""

    part: str
    paragraph: int
    quote: str
    text: str
    author_name: str
    made_at: str


@dataclass
class MergeResult:
    """What the file brings: changes, comments, and what could not be placed (in Chinese)."""

    changes: list[Change] = field(default_factory=list)
    comments: list[ImportedComment] = field(default_factory=list)
    not_placed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tracked: int = 0
    untracked: int = 0


def merge_review(package: Package, rf: ReviewFile, *, source: str, now: str) -> MergeResult:
    """Everything of the file placed against the package's accepted text."""
    result = MergeResult()
    if rf.revision != package.revision:
        result.notes.append(f"文件导出自第{rf.revision}版，解读包现为第{package.revision}版："
                            "能找到原文的修改已合入，找不到的列在下面")
    groups: dict[int, list[FileAnchor]] = {}
    for a in rf.anchors:
        groups.setdefault(a.index, []).append(a)
    placers: dict[int, _Placer] = {}
    for index, entry in sorted(rf.targets.items()):
        placer = _Placer(package, entry, groups.get(index, []), rf, source, now, result)
        placer.run()
        placers[index] = placer
    for comment in rf.comments:
        result.comments.append(_comment(package, comment, placers, rf, now, result))
    for text in rf.orphans:
        result.not_placed.append(f"文件中新增的段落不属于任何一段原文，未合入：“{_short(text)}”")
    return result


class _Placer:
    """One target: its changes, and where a position of the file's text is in the package."""

    def __init__(self, package: Package, entry: F.TargetEntry, anchors: list[FileAnchor],
                 rf: ReviewFile, source: str, now: str, result: MergeResult) -> None:
        self.package, self.entry, self.anchors = package, entry, anchors
        self.rf, self.source, self.now, self.result = rf, source, now, result
        self.label = target_label(entry.target, package)
        self.text: str | None = None
        # id(anchor) → (its start in the file's text, the base's start in the target, opcodes)
        self.spans: dict[int, tuple[int, int, list[Opcode]] | None] = {}
        self.starts: dict[int, int] = {}  # id(anchor) → where its text starts in the whole

    def run(self) -> None:
        try:
            self.text = text_at(self.package, self.entry.target)
        except UnknownTarget:
            self._gone()
            return
        if F.text_hash(self.text) == self.entry.digest:
            self._whole()
        else:
            self._by_line()

    # -- the target as exported: compare it whole ------------------------------------------
    def _whole(self) -> None:
        segs: list[Seg] = []
        for k, a in enumerate(self.anchors):
            if k:
                segs.append(self.anchors[k - 1].mark)
            self.starts[id(a)] = sum(len(s.text) for s in segs if s.kind != INS)
            segs += a.segs
        assert self.text is not None
        ops = self._place(self.text, 0, segs)
        for a in self.anchors:
            self.spans[id(a)] = (self.starts[id(a)], 0, ops)

    # -- the target changed since export: find each line by its hash -------------------------
    def _by_line(self) -> None:
        assert self.text is not None
        lines = self.text.split("\n")
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        used: set[int] = set()
        for a in self.anchors:
            j = _locate(lines, a, used)
            if j is None:
                self._unlocated(a)
                self.spans[id(a)] = None
                continue
            used.add(j)
            ops = self._place(lines[j], starts[j], a.segs)
            self.spans[id(a)] = (0, starts[j], ops)
        present = {a.line for a in self.anchors}
        for k in range(self.entry.lines):
            if k not in present:
                self.result.not_placed.append(
                    f"{self.label}第{k + 1}段在文件中被删去（未留痕），但解读包中的这部分在导出后已改动，"
                    "删除未合入，请对照处理")

    def _unlocated(self, a: FileAnchor) -> None:
        if F.line_hash(a.was) != a.hash:
            self.result.not_placed.append(
                f"{self.label}第{a.line + 1}段在导出后已在解读包中改动，文件中对该段的直接修改未能合入；"
                f"文件中该段现为：“{_short(a.now)}”")
        for old, new, w0, author, date in _tracked_groups(a.segs):
            was = a.was
            at = _search(self.text or "", was[max(0, w0 - CONTEXT):w0], old,
                         was[w0 + len(old):w0 + len(old) + CONTEXT])
            if at is None:
                self.result.not_placed.append(
                    f"{self.label}：{author or UNSIGNED}的修改（{_describe(old, new)}）在解读包中"
                    "找不到原文，未合入")
                continue
            self._add(at, old, new, author, date, tracked=True)

    def _gone(self) -> None:
        for a in self.anchors:
            edited = F.line_hash(a.was) != a.hash or any(s.kind != SAME for s in a.segs)
            if edited:
                self.result.not_placed.append(
                    f"{self.label}已不在解读包中，文件中对它的修改未合入；文件中该段现为：“{_short(a.now)}”")

    # -- both ------------------------------------------------------------------------------
    def _place(self, base: str, offset: int, segs: list[Seg]) -> list[Opcode]:
        """Untracked and tracked changes of `segs` against `base` (at `offset` in the target);
        returns the opcodes that map the file's text onto the base."""
        was = "".join(s.text for s in segs if s.kind != INS)
        ops = text_opcodes(base, was)
        author = self.rf.last_modified_by or UNSIGNED
        for tag, a0, a1, b0, b1 in ops:
            if tag != "equal":
                self._add(offset + a0, base[a0:a1], was[b0:b1], author, "", tracked=False)
        for old, new, w0, by, date in _tracked_groups(segs):
            a = _map_span(ops, w0, w0 + len(old))
            if a is None:
                self.result.not_placed.append(
                    f"{self.label}：{by or UNSIGNED}的修改（{_describe(old, new)}）与未留痕的改动重叠，"
                    "未合入")
                continue
            self._add(offset + a, old, new, by, date, tracked=True)
        return ops

    def _add(self, offset: int, old: str, new: str, author: str, date: str, *,
             tracked: bool) -> None:
        if old == new:
            return
        text = self.text or ""
        self.result.changes.append(Change(
            target=self.entry.target, offset=offset, old=old, new=new,
            author_name=(author or UNSIGNED)[:100], made_at=file_time(date) or self.now,
            package_id=self.package.id, revision=self.package.revision,
            context=text[max(0, offset - CONTEXT):offset], external=True, source=self.source))
        if tracked:
            self.result.tracked += 1
        else:
            self.result.untracked += 1

    def position(self, anchor: FileAnchor, pos: int) -> int | None:
        """Where offset `pos` of the anchor's file text is in the target's accepted text."""
        span = self.spans.get(id(anchor))
        if span is None:
            return None
        file_start, base_start, ops = span
        return base_start + map_position(ops, file_start + pos)


def _tracked_groups(segs: list[Seg]):
    """(old, new, offset in the file's was-text, author, date) of each run of tracked segments."""
    was_pos = 0
    group: list[Seg] = []
    start = 0
    for s in [*segs, Seg("")]:
        if group and (s.kind == SAME or s.author != group[0].author):
            old = "".join(g.text for g in group if g.kind == DEL)
            new = "".join(g.text for g in group if g.kind == INS)
            yield old, new, start, group[0].author, group[0].date
            group = []
        if s.kind != SAME:
            if not group:
                start = was_pos
            group.append(s)
        if s.kind != INS:
            was_pos += len(s.text)


def text_opcodes(a: str, b: str) -> list[Opcode]:
    """Character opcodes turning `a` into `b`: lines first, then characters inside changed
    lines (a character diff of a whole document is slow and matches stray characters)."""
    la, lb = a.splitlines(keepends=True), b.splitlines(keepends=True)
    pa, pb = _prefix_sums(la), _prefix_sums(lb)
    ops: list[Opcode] = []
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        a0, a1, b0, b1 = pa[i0], pa[i1], pb[j0], pb[j1]
        if tag == "equal":
            ops.append(("equal", a0, a1, b0, b1))
            continue
        inner = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
        for t, x0, x1, y0, y1 in inner.get_opcodes():
            ops.append((t, a0 + x0, a0 + x1, b0 + y0, b0 + y1))
    return _merge_near(ops, a, b)


def _merge_near(ops: list[Opcode], a: str, b: str) -> list[Opcode]:
    """Edits a few characters apart read as one edit (改“补贴”为“奖励” is one change)."""
    out: list[Opcode] = []
    for op in ops:
        if out and op[0] != "equal" and len(out) >= 2 and out[-1][0] == "equal" \
                and out[-2][0] != "equal" and out[-1][2] - out[-1][1] <= NEAR:
            _, a0, _, b0, _ = out[-2]
            out[-2:] = [("replace", a0, op[2], b0, op[4])]
        else:
            out.append(op)
    return out


def _prefix_sums(lines: list[str]) -> list[int]:
    sums = [0]
    for line in lines:
        sums.append(sums[-1] + len(line))
    return sums


def map_position(ops: list[Opcode], b: int) -> int:
    """A position of the file's text in the package's text (start of an edit inside one)."""
    for tag, a0, _a1, b0, b1 in ops:
        if b0 <= b <= b1 and tag == "equal":
            return a0 + (b - b0)
    for _tag, a0, a1, b0, b1 in ops:
        if b0 <= b <= b1:
            return a0 if b < b1 else a1
    return ops[-1][2] if ops else 0


def _map_span(ops: list[Opcode], w0: int, w1: int) -> int | None:
    """Where [w0, w1) of the file's text is in the package, if it lies in unchanged text."""
    for tag, a0, _a1, b0, b1 in ops:
        if tag == "equal" and b0 <= w0 and w1 <= b1:
            return a0 + (w0 - b0)
    if not ops and w0 == w1 == 0:
        return 0
    return None


def _locate(lines: list[str], a: FileAnchor, used: set[int]) -> int | None:
    if a.line < len(lines) and a.line not in used and F.line_hash(lines[a.line]) == a.hash:
        return a.line
    found = [j for j, line in enumerate(lines) if j not in used and F.line_hash(line) == a.hash]
    return min(found, key=lambda j: abs(j - a.line)) if found else None


def _search(text: str, before: str, old: str, after: str) -> int | None:
    """The offset of `old` in `text` where its surroundings match, when there is one place."""
    for lead, tail in ((before, after), (before, ""), ("", after)):
        needle = lead + old + tail
        if not needle or (not old and not (lead and tail)):
            continue
        first = text.find(needle)
        if first >= 0 and text.find(needle, first + 1) < 0:
            return first + len(lead)
    return None


# ---- comments -------------------------------------------------------------------------------

def _comment(package: Package, c: FileComment, placers: dict[int, _Placer], rf: ReviewFile,
             now: str, result: MergeResult) -> ImportedComment:
    author, made_at = (c.author or UNSIGNED)[:100], file_time(c.date) or now
    detached = f"批注“{_short(c.text)}”（{author}）"
    if c.start is None:
        result.not_placed.append(f"{detached}不在正文段落上，已作为未定位批注保存")
        return ImportedComment("document", -1, "", c.text, author, made_at)
    anchor, pos = c.start
    placer = placers.get(anchor.index)
    entry = rf.targets.get(anchor.index)
    target = entry.target if entry else "document.body"
    part = part_of(target)
    start = placer.position(anchor, pos) if placer and placer.text is not None else None
    if start is None:
        result.not_placed.append(f"{detached}所在的段落在导出后已改动，已作为未定位批注保存")
        return ImportedComment(part, -1, _short(anchor.was[pos:pos + QUOTE_MAX]), c.text, author,
                               made_at)
    text = placer.text or ""
    end = start
    if c.end is not None and c.end[0].index == anchor.index:
        end = placer.position(*c.end) or start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    quote = text[start:max(start, min(end, line_end))].strip()[:QUOTE_MAX]
    line = text[line_start:line_end]
    if not quote:
        quote = line.strip()[:QUOTE_MAX]
    paragraph = paragraph_of(package, target, text.count("\n", 0, start))
    if paragraph < 0:
        result.not_placed.append(f"{detached}落在{target_label(target, package)}上，"
                                 "本程序只在正文段落上挂批注，已作为未定位批注保存")
    return ImportedComment(part, paragraph, quote, c.text, author, made_at)


def part_of(target: str) -> str:
    """The comment part of a target: 'document', 'plan' or 'material:<id>'."""
    head = target.split(".", 1)[0]
    return head if head.startswith("material:") or head == "plan" else "document"


def paragraph_of(package: Package, target: str, line: int) -> int:
    """The index in services.comments.part_paragraphs of line `line` of the target, or -1
    when comments cannot hang there (titles, the plan's other fields, blank lines)."""
    lines = text_at(package, target).split("\n")
    if not (0 <= line < len(lines)) or not lines[line].strip():
        return -1
    before = _count(lines[:line])
    if target in ("document.body", "plan.outline"):
        return before
    head, _, rest = target.partition(".")
    if not head.startswith("material:"):
        return -1
    material = next(m for m in package.materials if f"material:{m.id}" == head)
    if rest == "body":
        return before
    pieces = rest.split(".")
    if len(pieces) != 3 or pieces[0] != "qa":
        return -1
    i = int(pieces[1])
    base = _count(material.body.split("\n"))
    for qa in material.qa[:i]:
        base += _count(qa.question.split("\n")) + _count(qa.answer.split("\n"))
    if pieces[2] == "answer":
        base += _count(material.qa[i].question.split("\n"))
    return base + before


def _count(lines: list[str]) -> int:
    return sum(1 for line in lines if line.strip())


# ---- wording --------------------------------------------------------------------------------

def file_time(value: str) -> str:
    """w:date as the app writes times (yyyy-mm-ddThh:mm:ss); '' when absent or malformed."""
    value = (value or "").strip().rstrip("Z")[:19]
    return value if len(value) == 19 and value[4] == "-" and value[10] == "T" else ""


def _describe(old: str, new: str) -> str:
    if old and new:
        return f"把“{_short(old, 20)}”改为“{_short(new, 20)}”"
    return f"插入“{_short(new, 20)}”" if new else f"删去“{_short(old, 20)}”"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
