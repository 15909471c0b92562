"""A pack folder as one .zip with stable entry order and times."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def zip_time(stamp: str) -> tuple[int, int, int, int, int, int]:
    """The generation time as a zip entry time (local wall clock, as zip stores it)."""
    try:
        t = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return _EPOCH
    return max((t.year, t.month, t.day, t.hour, t.minute, t.second), _EPOCH)


def write_zip(folder: Path, zip_path: Path, stamp: str) -> list[str]:
    """Zip every file under folder (paths relative to it, sorted); returns the entry names."""
    when = zip_time(stamp)
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "x", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (folder / name).read_bytes())
    return names
