"""Shared helpers of the services: permission-checked loading, text checks, error mapping."""

from __future__ import annotations

import functools
import inspect
import re
import sqlite3

from ..domain import permissions
from ..domain.errors import NotFoundError, PermissionDenied, ValidationError
from ..domain.model import Package, User
from ..domain.text import drop_hidden_controls
from ..domain.validation import TITLE_MAX, clean_line
from ..store.db import storage_error
from ..store.store import Store

PACKAGE_ID_MAX = 2**63 - 1  # SQLite's largest rowid; ids are 1 and up
LINE_MAX = 500  # one-line fields without a tighter limit of their own
TEXT_MAX = 1_000_000  # characters in one multi-line text: far beyond any real document

_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that XML 1.0 (and so every Word file) cannot hold, plus DEL.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Line breaks that are not \n: a one-line field would show them as a second line (NEL, U+0085,
# is a C1 control and dropped before this check).
_OTHER_BREAKS = re.compile("[\u2028\u2029]")


def _code_point(match: re.Match) -> str:
    return f"U+{ord(match.group()):04X}"


def check_encodable(value: str, what: str) -> None:
    """ValidationError when the text holds a lone surrogate (cannot be stored as UTF-8)."""
    bad = _SURROGATE.search(value)
    if bad:
        raise ValidationError(f"{what}含有无法保存的字符（{_code_point(bad)}，通常来自损坏的复制粘贴"
                              "或错误的编码），请删除后重试")


def check_text(value: str, what: str, max_len: int = TEXT_MAX) -> str:
    """Multi-line text checked for length and unstorable characters, hidden controls dropped;
    line ends become \\n."""
    value = value or ""
    if len(value) > max_len:
        raise ValidationError(f"{what}过长（{len(value)}字），不能超过{max_len}字")
    check_encodable(value, what)
    value = drop_hidden_controls(value)
    if "\x00" in value:
        raise ValidationError(f"{what}含有空字符（NUL），请检查粘贴来源")
    bad = _XML_INVALID.search(value)
    if bad:
        raise ValidationError(f"{what}含有不可见的控制字符（{_code_point(bad)}），请删除后重试")
    return value.replace("\r\n", "\n").replace("\r", "\n")


def check_line(value: str, what: str, max_len: int = LINE_MAX) -> str:
    """A one-line field without hidden controls, otherwise as it is (no trimming): no breaks,
    controls or lone surrogates."""
    value = value or ""
    if len(value) > max_len:
        raise ValidationError(f"{what}过长（{len(value)}字），不能超过{max_len}字")
    value = drop_hidden_controls(value)
    if "\n" in value or "\r" in value or _OTHER_BREAKS.search(value):
        raise ValidationError(f"{what}不能换行")
    check_text(value, what, max_len)
    clean_line(value, what, required=False, max_len=max_len)  # the remaining control characters
    return value


def clean_field(value: str, what: str, *, required: bool = True, max_len: int = TITLE_MAX) -> str:
    """clean_line (trimmed, NFC) plus the checks it lacks: lone surrogates, other line breaks."""
    value = value or ""
    if len(value) > max_len * 4:  # don't normalise megabytes only to refuse them afterwards
        raise ValidationError(f"{what}过长（{len(value)}字），不能超过{max_len}字")
    check_encodable(value, what)
    value = drop_hidden_controls(value)
    if _OTHER_BREAKS.search(value):
        raise ValidationError(f"{what}不能换行")
    text = clean_line(value, what, required=required, max_len=max_len)
    bad = _XML_INVALID.search(text)
    if bad:
        raise ValidationError(f"{what}含有不可见的控制字符（{_code_point(bad)}），请删除后重试")
    return text


def check_lines(values: list[str], what: str, max_len: int = LINE_MAX) -> list[str]:
    """Every item of a list of one-line values checked."""
    return [check_line(v, what, max_len) for v in values or []]


def _unstorable(exc: UnicodeError) -> ValidationError:
    """The message for text that reached SQLite unchecked and could not be encoded."""
    where = ""
    if isinstance(exc, UnicodeEncodeError) and exc.object:
        where = f"（U+{ord(exc.object[exc.start]):04X}）"
    return ValidationError(f"输入的内容含有无法保存的字符{where}，通常来自损坏的复制粘贴或错误的编码，"
                           "请删除后重试")


def guarded(method):
    """Low-level failures of a use case reach the caller as StorageError or ValidationError."""
    @functools.wraps(method)
    def call(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            store = getattr(args[0], "store", None) if args else None
            raise storage_error(exc, getattr(store, "path", "")) from exc
        except UnicodeEncodeError as exc:
            raise _unstorable(exc) from exc
    return call


class ServiceBase:
    """A service over one store with an injectable clock."""

    def __init_subclass__(cls, **kwargs) -> None:
        # The GUI and CLI show AppError messages; a raw "database is locked" or a
        # UnicodeEncodeError from any public use case must never reach them instead.
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(value):
                setattr(cls, name, guarded(value))

    def __init__(self, store: Store, clock) -> None:
        self.store = store
        self.clock = clock

    def _load(self, actor: User, package_id: int, action: str = permissions.VIEW) -> Package:
        """The package if the actor may take `action` on it; else NotFound/PermissionDenied."""
        missing = NotFoundError(f"没有编号为 {package_id} 的解读包")
        if isinstance(package_id, bool) or not isinstance(package_id, int) or \
                not 1 <= package_id <= PACKAGE_ID_MAX:
            raise missing  # SQLite cannot even bind a number beyond 64 bits
        try:
            package = self.store.packages.get(package_id)
        except NotFoundError:
            raise missing from None
        return self._check(actor, action, package)

    @staticmethod
    def _require(actor: User, action: str) -> None:
        """PermissionDenied unless the actor may take an action that is not about one package."""
        reason = permissions.why_not(actor, action)
        if reason:
            raise PermissionDenied(reason)

    @staticmethod
    def _check(actor: User, action: str, package: Package) -> Package:
        """The package itself if the actor may take `action` on it (already loaded)."""
        if not permissions.can_see(actor, package):
            # Other departments' packages are not even confirmed to exist.
            raise NotFoundError(f"解读包 {package.id} 不存在或无权查看")
        reason = permissions.why_not(actor, action, package)
        if reason:
            raise PermissionDenied(reason)
        return package
