"""The bundled CJK font and the matplotlib font set-up that charts rely on (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from interpreter_app.resources import resource_path

CJK_FAMILY = "Interp Sans SC"
REGULAR_FILE = "InterpSansSC-Regular.otf"
BOLD_FILE = "InterpSansSC-Bold.otf"
# System fonts that cover characters outside the bundled GB2312 subset (rare name characters).
SYSTEM_FALLBACKS: tuple[str, ...] = (
    "Microsoft YaHei", "SimHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC",
)
LATIN_FALLBACK = "DejaVu Sans"

_configured = False


def cjk_font_path() -> Path:
    """Path of the bundled regular CJK font."""
    return resource_path("fonts", REGULAR_FILE)


def bundled_font_paths() -> list[Path]:
    """All bundled font files that exist (regular first), e.g. for Qt registration."""
    paths = [cjk_font_path(), resource_path("fonts", BOLD_FILE)]
    return [p for p in paths if p.is_file()]


def font_family_chain() -> list[str]:
    """Families for rcParams["font.family"]: bundled, installed CJK fallbacks, DejaVu Sans."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    # Listing absent families makes matplotlib log "findfont: Font family … not found" per text.
    chain = [name for name in (CJK_FAMILY, *SYSTEM_FALLBACKS) if name in installed]
    return [*chain, LATIN_FALLBACK]


def configure_matplotlib() -> list[str]:
    """Register the bundled font and make it matplotlib's default family; safe to call again."""
    global _configured
    import matplotlib

    if not _configured:
        from matplotlib import font_manager

        for path in bundled_font_paths():
            font_manager.fontManager.addfont(str(path))
        _configured = True
    chain = font_family_chain()
    matplotlib.rcParams["font.family"] = chain
    matplotlib.rcParams["font.sans-serif"] = chain
    # The subset carries U+2212, so negative ticks may use the proper minus sign.
    matplotlib.rcParams["axes.unicode_minus"] = CJK_FAMILY in chain
    # Outlines instead of font references: SVGs look the same where the font is not installed.
    matplotlib.rcParams["svg.fonttype"] = "path"
    return chain
