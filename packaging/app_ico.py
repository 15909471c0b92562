"""The Windows icon (app.ico) assembled from the rendered PNGs in resources/icons.

Used by build.py and by the PyInstaller spec (so a plain `pyinstaller packaging/interpreter-app.spec`
on Windows finds the icon too). Needs Pillow, which matplotlib already brings into the build venv.
"""

from __future__ import annotations

from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def make_ico(icons_dir: Path, out: Path) -> Path:
    """Write `out` with every size in ICO_SIZES, each taken from the nearest larger PNG."""
    from PIL import Image

    pngs = {size: icons_dir / f"app-{size}.png" for size in PNG_SIZES}
    missing = [str(p) for p in pngs.values() if not p.is_file()]
    if missing:
        raise FileNotFoundError("icon PNGs missing (run packaging/make_icons.py): " + ", ".join(missing))
    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    frames = []
    for size in ICO_SIZES:
        source = images.get(size) or images[min(s for s in PNG_SIZES if s >= size)]
        frames.append(source if source.size == (size, size)
                      else source.resize((size, size), Image.Resampling.LANCZOS))
    out.parent.mkdir(parents=True, exist_ok=True)
    largest = frames[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=frames[:-1])
    return out
