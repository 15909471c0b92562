"""Files and links of materials: attach, remove, read back; each change is a material edit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..domain import permissions
from ..domain.errors import NotFoundError, ValidationError
from ..domain.media import MEDIA_KINDS, MEDIA_MAX_BYTES, media_problems, sniff
from ..domain.model import Material, MediaItem, User
from .authoring import AuthoringService, SaveResult
from .base import ServiceBase, clean_field


class MediaService(ServiceBase):
    """一图读懂 images, video, audio, H5 links and transcripts carried by materials."""

    def attach_file(self, actor: User, package_id: int, material_id: str, kind: str,
                    path: Path, *, title: str = "", alt: str = "", source: str = "") -> Material:
        """Attach a file (checked by its content, stored once by hash) to a material."""
        path = Path(path)
        if self.store.is_database_file(path):
            raise ValidationError(f"“{path}”是正在使用的数据库文件，不能作为附件")
        if not path.is_file():
            raise ValidationError(f"找不到文件“{path}”")
        if path.stat().st_size > MEDIA_MAX_BYTES:
            raise ValidationError(f"“{path.name}”超过 {MEDIA_MAX_BYTES // 1048576} MB：请上传到视频平台后登记链接")
        data = path.read_bytes()
        return self.attach_bytes(actor, package_id, material_id, kind, data, file_name=path.name,
                                 title=title, alt=alt, source=source)

    def attach_bytes(self, actor: User, package_id: int, material_id: str, kind: str,
                     data: bytes, *, file_name: str, title: str = "", alt: str = "",
                     source: str = "") -> Material:
        """Attach file content to a material."""
        material = self._editable(actor, package_id, material_id)
        mime = sniff(kind, data)
        item = self._item(kind, title or Path(file_name).stem, alt, source,
                          file_name=clean_field(file_name, "文件名", max_len=200), mime=mime,
                          size=len(data))
        with self.store.transaction():
            digest = self.store.media.put(data, mime, self.clock())
        return self._save(actor, package_id, material, replace(item, sha256=digest))

    def attach_link(self, actor: User, package_id: int, material_id: str, kind: str, url: str,
                    *, title: str = "", alt: str = "", source: str = "") -> Material:
        """Attach a link (a video platform's page, an H5 page) to a material."""
        material = self._editable(actor, package_id, material_id)
        item = self._item(kind, title, alt, source, url=url.strip())
        return self._save(actor, package_id, material, item)

    def remove(self, actor: User, package_id: int, material_id: str, index: int) -> Material:
        """Take one file or link off a material (the stored file stays for older revisions)."""
        material = self._editable(actor, package_id, material_id)
        if not 0 <= index < len(material.media):
            raise NotFoundError("该附件不存在")
        media = [m for i, m in enumerate(material.media) if i != index]
        return self._store(actor, package_id, replace(material, media=media))

    def file_bytes(self, actor: User, package_id: int, digest: str) -> bytes:
        """A file of the package (only one the package refers to)."""
        package = self._load(actor, package_id)
        if not any(item.sha256 == digest for m in package.materials for item in m.media):
            raise NotFoundError("该附件不属于此解读包")
        return self.store.media.get(digest)

    # -- helpers --------------------------------------------------------------------------
    def _editable(self, actor: User, package_id: int, material_id: str) -> Material:
        package = self._load(actor, package_id, permissions.EDIT)
        for material in package.materials:
            if material.id == material_id:
                return material
        raise NotFoundError("该解读材料不存在（可能已被他人删除）")

    @staticmethod
    def _item(kind: str, title: str, alt: str, source: str, **fields) -> MediaItem:
        if kind not in MEDIA_KINDS:
            raise ValidationError(f"附件类型应为 {'、'.join(MEDIA_KINDS.values())} 之一：{kind}")
        item = MediaItem(kind=kind, title=clean_field(title, "附件标题", required=False),
                         alt=clean_field(alt, "替代文字", required=False, max_len=2000),
                         source=clean_field(source, "数据来源", required=False), **fields)
        placeholder = replace(item, sha256=item.sha256 or ("0" * 64 if "mime" in fields else ""))
        problems = media_problems(placeholder)
        if problems:
            raise ValidationError("；".join(problems))
        return item

    def _save(self, actor: User, package_id: int, material: Material,
              item: MediaItem) -> Material:
        return self._store(actor, package_id, replace(material, media=[*material.media, item]))

    def _store(self, actor: User, package_id: int, material: Material) -> Material:
        result: SaveResult = AuthoringService(self.store, self.clock).save_material(
            actor, package_id, material)
        return replace(material, row_version=result.version)
