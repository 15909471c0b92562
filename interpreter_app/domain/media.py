"""Files and links a material carries, and what each kind needs before it can be published."""

from __future__ import annotations

from .errors import ValidationError
from .model import MediaItem
from .outreach import check_url

MEDIA_KINDS = {"image": "一图读懂长图", "video": "视频", "audio": "音频", "h5": "H5页面",
               "transcript": "访谈实录"}
# What a file of each kind may be, by its first bytes (never by its name).
_SIGNATURES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",),
    "video/mp4": (), "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "text/plain": (), "application/pdf": (b"%PDF-",),
}
FILE_TYPES = {"image": ("image/png", "image/jpeg"), "video": ("video/mp4",),
              "audio": ("audio/mpeg",), "transcript": ("text/plain", "application/pdf")}
EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "video/mp4": ".mp4",
              "audio/mpeg": ".mp3", "text/plain": ".txt", "application/pdf": ".pdf"}
MEDIA_MAX_BYTES = 50 * 1024 * 1024  # larger video stays on the video platform, as a link
LINK_KINDS = frozenset({"video", "audio", "h5", "transcript"})


def sniff(kind: str, data: bytes) -> str:
    """The MIME type of a file for a media kind, from its content; ValidationError otherwise."""
    label = MEDIA_KINDS.get(kind, kind)
    if kind not in FILE_TYPES:
        raise ValidationError(f"{label}只能登记链接，不能附加文件")
    if not data:
        raise ValidationError(f"{label}文件为空")
    if len(data) > MEDIA_MAX_BYTES:
        raise ValidationError(f"{label}文件超过 {MEDIA_MAX_BYTES // 1048576} MB：请上传到视频平台后登记链接")
    for mime in FILE_TYPES[kind]:
        if _matches(mime, data):
            return mime
    allowed = "、".join(EXTENSIONS[m] for m in FILE_TYPES[kind])
    raise ValidationError(f"{label}文件格式不符，应为 {allowed}")


def _matches(mime: str, data: bytes) -> bool:
    if mime == "video/mp4":
        return data[4:8] == b"ftyp"
    if mime == "text/plain":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return b"\x00" not in data
    return any(data.startswith(sig) for sig in _SIGNATURES[mime])


def media_problems(item: MediaItem) -> list[str]:
    """What keeps a media item from being published (empty when complete)."""
    label = MEDIA_KINDS.get(item.kind, item.kind)
    problems = []
    if item.kind not in MEDIA_KINDS:
        return [f"未知的附件类型：{item.kind}"]
    if not item.sha256 and not item.url:
        problems.append(f"{label}须附加文件或填写链接")
    if item.url and item.kind not in LINK_KINDS:
        problems.append(f"{label}须附加图片文件")
    if item.kind == "image":
        if not item.alt.strip():
            problems.append(f"{label}“{item.title or item.file_name}”须填写替代文字（图片内容的文字说明）")
        if not item.source.strip():
            problems.append(f"{label}“{item.title or item.file_name}”须注明数据来源")
    if item.url:
        try:
            check_url(item.url, f"{label}链接")
        except ValidationError as exc:
            problems.append(str(exc))
    return problems


def is_real(item: MediaItem) -> bool:
    """Whether the item is a real file or link (what 图解 and 视频 figures count)."""
    return bool(item.sha256 or item.url)
