"""Edit an exported 征求意见稿 the way Word and WPS write their edits: tracked insertions and
deletions (w:ins/w:del with rsids, w:delText), comments (commentRangeStart/End, a
commentReference run, comments.xml), untracked edits, properties. For the review tests."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WPS = "http://www.wps.cn/officeDocument/2013/wpsCustomData"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


class EditedDocx:
    """An exported file opened for editing; `save(path)` writes the edited copy."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.comments: list[tuple[str, str, str, str, str]] = []
        self.next_id = 900

    # -- finding text --------------------------------------------------------------------
    def _split(self, phrase: str) -> etree._Element:
        """The run holding exactly `phrase`, split off from the text around it."""
        for t in self.root.iter(f"{W}t"):
            text = t.text or ""
            at = text.find(phrase)
            if at < 0:
                continue
            run = t.getparent()
            before, after = text[:at], text[at + len(phrase):]
            t.text = phrase
            if before:
                run.addprevious(_clone(run, before))
            if after:
                run.addnext(_clone(run, after))
            return run
        raise AssertionError(f"not in the file: {phrase}")

    # -- tracked changes as Word writes them ----------------------------------------------
    def delete(self, phrase: str, author: str, date: str, *, replace_with: str = "",
               rsid: str = "00A1B2C3") -> None:
        """A tracked deletion (and insertion of `replace_with` after it, as Word replaces)."""
        run = self._split(phrase)
        deleted = etree.Element(f"{W}del", {f"{W}id": self._id(), f"{W}author": author,
                                            f"{W}date": date})
        run.addprevious(deleted)
        run.set(f"{W}rsidDel", rsid)
        for t in run.findall(f"{W}t"):
            t.tag = f"{W}delText"
        deleted.append(run)
        if replace_with:
            self._insert_after(deleted, replace_with, author, date, rsid, model=run)

    def insert_after(self, phrase: str, text: str, author: str, date: str,
                     rsid: str = "00A1B2C3") -> None:
        """A tracked insertion right after `phrase`."""
        run = self._split(phrase)
        self._insert_after(run, text, author, date, rsid, model=run)

    def _insert_after(self, where, text: str, author: str, date: str, rsid: str, model) -> None:
        inserted = etree.Element(f"{W}ins", {f"{W}id": self._id(), f"{W}author": author,
                                             f"{W}date": date})
        new = _clone(model, text)
        for d in new.findall(f"{W}delText"):
            d.tag = f"{W}t"
        new.attrib.pop(f"{W}rsidDel", None)
        new.set(f"{W}rsidR", rsid)
        inserted.append(new)
        where.addnext(inserted)

    # -- untracked edits -----------------------------------------------------------------
    def retype(self, phrase: str, text: str) -> None:
        """Replace `phrase` without tracking."""
        run = self._split(phrase)
        run.find(f"{W}t").text = text

    def add_paragraph_after(self, phrase: str, text: str) -> None:
        """A new paragraph after the one holding `phrase`, typed without tracking (no bookmark)."""
        run = self._split(phrase)
        p = run.getparent()
        while p.tag != f"{W}p":
            p = p.getparent()
        new = etree.SubElement(p.getparent(), f"{W}p")
        p.addnext(new)
        r = etree.SubElement(new, f"{W}r")
        etree.SubElement(r, f"{W}t").text = text

    # -- comments ------------------------------------------------------------------------
    def comment(self, phrase: str, text: str, author: str, date: str, initials: str = "") -> None:
        """A comment on `phrase` as Word writes it: range start/end and a reference run."""
        run = self._split(phrase)
        cid = str(len(self.comments))
        run.addprevious(etree.Element(f"{W}commentRangeStart", {f"{W}id": cid}))
        end = etree.Element(f"{W}commentRangeEnd", {f"{W}id": cid})
        run.addnext(end)
        ref = etree.Element(f"{W}r")
        rpr = etree.SubElement(ref, f"{W}rPr")
        etree.SubElement(rpr, f"{W}rStyle", {f"{W}val": "CommentReference"})
        etree.SubElement(ref, f"{W}commentReference", {f"{W}id": cid})
        end.addnext(ref)
        self.comments.append((cid, text, author, date, initials))

    def wps_marks(self) -> None:
        """What WPS adds around the same markup: w14 paragraph ids and its own custom data."""
        nsmap = {**self.root.nsmap, "w14": W14, "wpsCustomData": WPS}
        root = etree.Element(self.root.tag, nsmap=nsmap)
        root[:] = list(self.root)
        for i, p in enumerate(root.iter(f"{W}p")):
            p.set(f"{{{W14}}}paraId", f"{i + 1:08X}")
            p.set(f"{{{W14}}}textId", "77777777")
        body = root.find(f"{W}body")
        etree.SubElement(body[0], f"{{{WPS}}}customData", {"value": "wps"})
        self.root = root

    # -- properties ----------------------------------------------------------------------
    def set_property(self, name: str, value: str) -> None:
        """Change one of our custom properties."""
        xml = self.parts["docProps/custom.xml"].decode()
        pattern = rf'(name="{re.escape(name)}"><vt:lpwstr>)[^<]*'
        self.parts["docProps/custom.xml"] = re.sub(pattern, rf"\g<1>{value}", xml).encode()

    def drop_custom_properties(self) -> None:
        """The file as another program would have written it without our identity."""
        self.parts.pop("docProps/custom.xml")

    def last_modified_by(self, name: str) -> None:
        """Who saved the file last (docProps/core.xml)."""
        xml = self.parts["docProps/core.xml"].decode()
        if "<cp:lastModifiedBy" in xml:
            xml = re.sub(r"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>|<cp:lastModifiedBy/>",
                         f"<cp:lastModifiedBy>{name}</cp:lastModifiedBy>", xml)
        else:
            xml = xml.replace("</cp:coreProperties>",
                              f"<cp:lastModifiedBy>{name}</cp:lastModifiedBy></cp:coreProperties>")
        self.parts["docProps/core.xml"] = xml.encode()

    # -- writing -------------------------------------------------------------------------
    def save(self, path: Path) -> Path:
        """Write the edited .docx."""
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True,
                                                    encoding="UTF-8", standalone=True)
        if self.comments:
            parts["word/comments.xml"] = self._comments_xml()
            parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
                b"</Types>", f'<Override PartName="/word/comments.xml" ContentType='
                             f'"{COMMENTS_TYPE}"/></Types>'.encode())
            rels = "word/_rels/document.xml.rels"
            parts[rels] = parts[rels].replace(
                b"</Relationships>", f'<Relationship Id="rIdC1" Type="{COMMENTS_REL}" '
                                     f'Target="comments.xml"/></Relationships>'.encode())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        Path(path).write_bytes(buffer.getvalue())
        return Path(path)

    def _comments_xml(self) -> bytes:
        root = etree.Element(f"{W}comments", nsmap={"w": W_NS})
        for cid, text, author, date, initials in self.comments:
            c = etree.SubElement(root, f"{W}comment", {f"{W}id": cid, f"{W}author": author,
                                                       f"{W}date": date, f"{W}initials": initials})
            p = etree.SubElement(c, f"{W}p")
            ref = etree.SubElement(p, f"{W}r")
            etree.SubElement(ref, f"{W}annotationRef")
            r = etree.SubElement(p, f"{W}r")
            etree.SubElement(r, f"{W}t").text = text
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _id(self) -> str:
        self.next_id += 1
        return str(self.next_id)


def _clone(run, text: str):
    new = copy.deepcopy(run)
    for t in new.findall(f"{W}t") + new.findall(f"{W}delText"):
        t.text = text
    return new
