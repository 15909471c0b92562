"""Build the bundled CJK font: Noto Sans CJK SC subset to GB2312, renamed to "Interp Sans SC".

Run with the project's venv python (needs fontTools):

    .venv/bin/python packaging/make_font_subset.py [--source-dir /usr/share/fonts/opentype/noto]

Writes resources/fonts/InterpSansSC-Regular.otf (and -Bold.otf when the pair stays small),
plus OFL.txt. The source is the Debian package fonts-noto-cjk.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Interp Sans SC"
PS_PREFIX = "InterpSansSC"
SC_FACE = "Noto Sans CJK SC"  # the Simplified Chinese face inside the .ttc collection
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
# Both weights together must stay below this, or only Regular is shipped.
MAX_TOTAL_BYTES = 4_200_000

EXTRA_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: ¥ · × ÷ ° ± and friends
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x205E),  # ‰ ′ ″ ※ and more
    (0x2103, 0x2103),  # ℃
    (0x2116, 0x2116),  # №
    (0x2160, 0x216B),  # Ⅰ–Ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2212, 0x2212),  # minus sign for negative axis ticks
    (0x2460, 0x2473),  # ①–⑳
    (0x25A0, 0x25CF),  # ■ □ ▲ △ ◆ ◇ ○ ●
    (0x3000, 0x303F),  # CJK punctuation incl. 〔〕 used in 发文字号
    (0xFF00, 0xFFEF),  # full-width forms
)
# Characters outside GB2312 that are common in officials' names (朱镕基, 堃, 喆 …).
EXTRA_CHARS = "镕堃喆玥珺昇赟頔旻犇垚燊"

NEW_NAMES = {1: FAMILY, 16: FAMILY}


def gb2312_chars() -> set[int]:
    """Every code point encodable in GB2312 (rows 0xA1–0xF7, cells 0xA1–0xFE)."""
    found: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def wanted_unicodes() -> set[int]:
    """GB2312 plus ASCII, punctuation, symbols and the extra name characters."""
    codes = gb2312_chars()
    for first, last in EXTRA_RANGES:
        codes.update(range(first, last + 1))
    codes.update(ord(c) for c in EXTRA_CHARS)
    return codes


def sc_face_index(path: Path) -> int:
    """Index of the Simplified Chinese face in a Noto CJK collection."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SC_FACE:
            return index
    raise SystemExit(f"{SC_FACE} not found in {path}")


def subset_options() -> subset.Options:
    """Subsetter options: all default layout features except locl, which doubles the size."""
    options = subset.Options()
    options.layout_features = [f for f in options.layout_features if f != "locl"]
    options.name_IDs = [0, 2, 3, 5, 8, 9, 10, 11, 12, 13, 14]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.recalc_bounds = True
    return options


def rename(font: TTFont, style: str) -> None:
    """Give the font its own family so it never shadows an installed Noto Sans CJK."""
    ps_name = f"{PS_PREFIX}-{style}"
    names = dict(NEW_NAMES)
    names.update({2: style, 4: f"{FAMILY} {style}" if style != "Regular" else FAMILY,
                  6: ps_name, 17: style})
    version = font["name"].getDebugName(5) or ""
    names[3] = f"{ps_name};{version.split(';')[0]}"
    table = font["name"]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    _rename_cff(font, ps_name, style)


def _rename_cff(font: TTFont, ps_name: str, style: str) -> None:
    cff = font["CFF "].cff
    old = cff.fontNames[0]
    cff.fontNames[0] = ps_name
    top = cff.topDictIndex[0]
    top.FullName = f"{FAMILY} {style}"
    top.FamilyName = FAMILY
    for fd in getattr(top, "FDArray", []) or []:
        if getattr(fd, "FontName", "").startswith(old):
            fd.FontName = ps_name + fd.FontName[len(old):]


def build(source: Path, style: str, out: Path) -> Path:
    """Subset one weight of the collection and write it as OTF/CFF."""
    index = sc_face_index(source)
    font = TTFont(str(source), fontNumber=index, lazy=False)
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=wanted_unicodes())
    subsetter.subset(font)
    rename(font, style)
    font.recalcTimestamp = False  # keep rebuilds byte-identical
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out


def write_licence(source: Path, out: Path) -> Path:
    """OFL 1.1 text taken from the Debian copyright file, headed by the font's copyright line."""
    face = TTFont(str(source), fontNumber=sc_face_index(source), lazy=True)
    copyright_line = face["name"].getDebugName(0) or "© 2014-2021 Adobe (http://www.adobe.com/)."
    text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    match = re.search(r"^License: SIL-1\.1\n((?: .*\n)+)", text, re.MULTILINE)
    if not match:
        raise SystemExit(f"OFL text not found in {DEBIAN_COPYRIGHT}")
    body = "\n".join("" if line == " ." else line[1:] for line in match.group(1).splitlines())
    notice = copyright_line.replace("©", "Copyright").rstrip(".")
    header = (
        f"{notice}, with Reserved Font Name 'Source'.\n"
        "Noto is a trademark of Google Inc.\n"
        f"Modified (subset to GB2312 and renamed to \"{FAMILY}\") from Noto Sans CJK SC.\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n\n"
    )
    out.write_text(header + body.rstrip() + "\n", encoding="utf-8")
    return out


def source_version(source: Path) -> str:
    """The version string of the source font, for the README."""
    face = TTFont(str(source), fontNumber=sc_face_index(source), lazy=True)
    return (face["name"].getDebugName(5) or "").split(";")[0]


def debian_version() -> str:
    """The Debian package version of fonts-noto-cjk, when the changelog is present."""
    changelog = Path("/usr/share/doc/fonts-noto-cjk/changelog.Debian.gz")
    if not changelog.exists():
        return "unknown"
    with gzip.open(changelog, "rt", encoding="utf-8") as fh:
        first = fh.readline()
    found = re.search(r"\(([^)]+)\)", first)
    return found.group(1) if found else "unknown"


def main(argv: list[str] | None = None) -> int:
    """Build Regular (and Bold when small enough) and the licence file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    regular_src = args.source_dir / "NotoSansCJK-Regular.ttc"
    bold_src = args.source_dir / "NotoSansCJK-Bold.ttc"
    regular = build(regular_src, "Regular", args.out_dir / f"{PS_PREFIX}-Regular.otf")
    outputs = [regular]
    if bold_src.exists():
        bold = build(bold_src, "Bold", args.out_dir / f"{PS_PREFIX}-Bold.otf")
        if regular.stat().st_size + bold.stat().st_size > MAX_TOTAL_BYTES:
            bold.unlink()
            print("Bold skipped: Regular + Bold exceed the size budget")
        else:
            outputs.append(bold)
    outputs.append(write_licence(regular_src, args.out_dir / "OFL.txt"))
    print(f"source: {SC_FACE} {source_version(regular_src)} (fonts-noto-cjk {debian_version()})")
    for path in outputs:
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
