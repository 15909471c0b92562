"""Release and time: embargoes, the document's 发布日期, and the day statistics count.

Choice made here (三同步): the package releases the policy document together with its
interpretation. The typed 发布日期 is the planned day. A release before it needs a recorded
reason; an embargo (禁发时间) blocks release until it passes unless an administrator records an
override. For statistics the document's publication day is the typed 发布日期 when that day
is on or before the release (the document was already out: the interpretation may be late),
and the release day otherwise (the document went out with the package, so both appeared the
same day). The signed content is never rewritten at release: the digest stays the one signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Package
from .validation import format_date_cn, format_datetime_cn

EMBARGO = "embargo"
BEFORE_PUBLISH_DATE = "before-publish-date"


@dataclass(frozen=True)
class ReleaseHold:
    """Why a release should wait, and who may let it through with a reason."""

    code: str
    message: str
    override_by: str  # "admin" (recorded beforehand) or "releaser" (reason given at release)


def release_holds(package: Package, now: str) -> list[ReleaseHold]:
    """Embargoes not yet passed and a 发布日期 still ahead, as of `now` (ISO date-time)."""
    moment = _moment(now)
    holds = []
    embargoes = sorted({m.embargo for m in package.materials if m.embargo and _moment(m.embargo) > moment})
    if embargoes:
        titles = "、".join(m.title for m in package.materials if m.embargo in embargoes)[:60]
        holds.append(ReleaseHold(
            EMBARGO, f"材料“{titles}”设置了发布时间限制，{format_datetime_cn(embargoes[-1])}前不得发布；"
                     "如确需提前发布，须由管理员登记理由", "admin"))
    publish = package.document.publish_date
    if publish and publish[:10] > moment.date().isoformat():
        holds.append(ReleaseHold(
            BEFORE_PUBLISH_DATE, f"政策文件的发布日期为{format_date_cn(publish[:10])}，"
                                 "早于该日期发布须填写理由", "releaser"))
    return holds


def publication_day(document_publish_date: str, released_at: str) -> str:
    """The ISO day statistics take as the document's publication (see the module docstring)."""
    typed, released = document_publish_date[:10], released_at[:10]
    if not released:
        return typed
    if typed and typed <= released:
        return typed
    return released


def _moment(value: str) -> dt.datetime:
    """An ISO date or date-time as a naive local date-time (aware ones converted to local)."""
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment
