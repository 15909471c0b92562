"""Build the installable 政策解读工作台: PyInstaller onedir, then on Linux a .deb and a tarball,
then smoke tests of what was built. `make dist` runs this; exit status 0 only when all passed.

    .venv/bin/python packaging/build.py [--no-deb] [--no-tarball] [--smoke-only]

1. build/venv: a venv holding only the runtime dependencies (`pip install .`, not editable)
   and PyInstaller — never the test or dev extras, never a second Qt binding.
2. PyInstaller with packaging/interpreter-app.spec → dist/interpreter-app/
   (interpreter-app, interpreter-cli and the shared _internal/ folder).
3. Bundle checks: resources, Qt's qtbase_zh_CN.qm, python-docx templates, OpenCC dictionaries.
4. Smoke test of the bundle from a clean HOME and a working folder outside the checkout:
   demo database, verify, export of a released package and the statistics (Word, PNG, SVG),
   verify-pack, the Traditional→Simplified check, and `interpreter-app --screenshot` checked to
   be a real picture of the main window.
5. Linux: dist/interpreter-app_<version>_amd64.deb (dpkg-deb) and
   dist/interpreter-app-<version>-linux-x86_64.tar.gz; the .deb is extracted into an empty
   folder and started from there, and installed into and removed from a private dpkg root.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "venv"
SPEC = PACKAGING / "interpreter-app.spec"
BUNDLE = DIST / "interpreter-app"
APP = "interpreter-app"
CLI = "interpreter-cli"
PYINSTALLER = "pyinstaller>=6.10,<7"
DEMO_PASSWORD = "demo1234"
SCREENSHOT_USER = "writer"


def _screenshot_size() -> tuple[int, int]:
    """SIZE of interpreter_app/ui/screenshot.py, read without importing Qt."""
    text = (ROOT / "interpreter_app" / "ui" / "screenshot.py").read_text("utf-8")
    match = re.search(r"^SIZE = \((\d+), (\d+)\)", text, re.M)
    return (int(match.group(1)), int(match.group(2))) if match else (1440, 900)


SCREENSHOT_SIZE = _screenshot_size()
ICON_SIZES = (16, 32, 48, 64, 128, 256)
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")

# System libraries of the bundled Qt: what its binaries need and the bundle does not carry
# (checked at build time against readelf, see check_system_libraries), plus Qt's documented
# X11 requirements, which PyInstaller happens to copy today but may not tomorrow.
# Alternatives name the packages after the 64-bit time_t rename (Debian 13, Ubuntu 24.04).
DEB_DEPENDS = [
    "libc6 (>= {glibc})",
    "libglib2.0-0t64 | libglib2.0-0",
    "libegl1",
    "libgl1",
    "libdrm2",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libx11-6",
    "libx11-xcb1",
    "libxext6",
    "libxrender1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "zlib1g",
]
# A full CJK font for characters outside the bundled GB2312 subset; GTK for the GTK theme plugin.
DEB_RECOMMENDS = ["fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei",
                  "libgtk-3-0t64 | libgtk-3-0"]


class BuildFailed(Exception):
    """A step failed; the message says which and why."""


# ---- small helpers -----------------------------------------------------------------------------

def say(text: str) -> None:
    print(text, flush=True)


def run(cmd: Sequence[str | Path], *, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 1800, quiet: bool = False) -> subprocess.CompletedProcess:
    """Run a command; BuildFailed with its output when it fails."""
    args = [str(c) for c in cmd]
    if not quiet:
        say("  $ " + " ".join(args))
    result = subprocess.run(args, env=env, cwd=cwd, timeout=timeout, capture_output=True,
                            text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise BuildFailed(f"{' '.join(args)} exited with {result.returncode}\n"
                          f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def tree_size(path: Path) -> int:
    """Bytes of the regular files under path (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


class Timer:
    """Durations of the steps, for the summary."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.steps: list[tuple[str, float]] = []
        self._t = self.start

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.steps.append((name, now - self._t))
        self._t = now

    def total(self) -> float:
        return time.monotonic() - self.start


# ---- 1. the build venv -------------------------------------------------------------------------

def venv_bin(name: str) -> Path:
    return VENV / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def ensure_build_venv() -> None:
    """build/venv with our runtime dependencies and PyInstaller; the project reinstalled each time."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    constraint = os.environ.get("PIP_CONSTRAINT", "")
    constraints = [Path(c).read_text("utf-8") for c in constraint.split() if Path(c).is_file()]
    stamp_text = json.dumps([sys.version, project["dependencies"], PYINSTALLER, constraints])
    stamp = hashlib.sha256(stamp_text.encode()).hexdigest()[:16]
    stamp_file = VENV / f".deps-{stamp}"
    python = venv_bin("python")
    if not stamp_file.exists():
        if VENV.exists():
            say("  dependencies changed: recreating build/venv")
            shutil.rmtree(VENV)
        run([sys.executable, "-m", "venv", VENV])
        run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        run([python, "-m", "pip", "install", "--quiet", ROOT, PYINSTALLER], timeout=3600)
        stamp_file.touch()
    else:
        # Same dependencies: only our own package needs installing again (non-editable).
        run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ROOT])
    installed = run([python, "-m", "pip", "list", "--format=json"], quiet=True).stdout
    names = {p["name"].lower().replace("_", "-") for p in json.loads(installed)}
    foreign = sorted(names & {"pyqt5", "pyqt6", "pyside2", "pyside6-addons", "pytest", "ruff",
                              "hypothesis", "pytest-qt"})
    if foreign:
        raise BuildFailed("build venv holds packages that must not be bundled: " + ", ".join(foreign))
    run([python, "-m", "pip", "check"], quiet=True)
    versions = {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(installed)}
    say(f"  build venv: pyinstaller {versions.get('pyinstaller')}, "
        f"pyside6-essentials {versions.get('pyside6-essentials')}, {len(names)} packages")


# ---- 2. PyInstaller ----------------------------------------------------------------------------

def check_resources() -> None:
    missing = [p for p in ("fonts/InterpSansSC-Regular.otf", "fonts/OFL.txt", "icons/app.svg",
                           *(f"icons/app-{s}.png" for s in ICON_SIZES), "demo/people.json",
                           "calendar/holidays_cn.json", "schemas/metadata.xsd",
                           "schemas/metadata.schema.json")
               if not (ROOT / "resources" / p).is_file()]
    if not list((ROOT / "resources" / "i18n").glob("*_zh_CN.qm")):
        missing.append("i18n/*_zh_CN.qm — run `make translations`")
    if missing:
        raise BuildFailed("resources missing: " + ", ".join(missing))


def make_windows_icon() -> Path:
    """build/icons/app.ico from the rendered PNGs (the spec makes it too when run on Windows)."""
    sys.path.insert(0, str(PACKAGING))
    from app_ico import make_ico

    ico = make_ico(ROOT / "resources" / "icons", BUILD / "icons" / "app.ico")
    say(f"  {ico.relative_to(ROOT)}: {ico.stat().st_size // 1024} KB")
    return ico


def run_pyinstaller() -> None:
    if BUNDLE.exists():
        shutil.rmtree(BUNDLE)
    run([venv_bin("pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC], cwd=ROOT, timeout=3600)


# ---- 3. bundle contents ------------------------------------------------------------------------

def check_bundle() -> None:
    internal = BUNDLE / "_internal"
    exe = ".exe" if WINDOWS else ""
    required = [
        BUNDLE / f"{APP}{exe}",
        BUNDLE / f"{CLI}{exe}",
        internal / "resources" / "fonts" / "InterpSansSC-Regular.otf",
        internal / "resources" / "fonts" / "InterpSansSC-Bold.otf",
        internal / "resources" / "fonts" / "OFL.txt",
        internal / "resources" / "icons" / "app-256.png",
        internal / "resources" / "icons" / "chevron-down.svg",
        internal / "resources" / "demo" / "people.json",
        internal / "docx" / "templates" / "default.docx",
        internal / "docx" / "templates" / "default-footer.xml",
        internal / "docx" / "parts",  # docx reads docx/parts/../templates/default-footer.xml
        internal / "opencc" / "clib" / "share" / "opencc" / "t2s.json",
    ]
    problems = [f"missing {p.relative_to(DIST)}" for p in required if not p.exists()]
    for pattern in ("resources/i18n/*_zh_CN.qm", "PySide6/Qt/translations/qtbase_zh_CN.qm",
                    "interpreter_app-*.dist-info/METADATA", "PySide6/Qt/plugins/platforms/*"):
        if not list(internal.glob(pattern)):
            problems.append(f"nothing matches _internal/{pattern}")
    for forbidden in ("PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "pytest"):
        if list(internal.glob(forbidden)) or list(internal.glob(f"{forbidden}.*")):
            problems.append(f"_internal/{forbidden} must not be bundled")
    if list(internal.glob("resources/i18n/*.ts")):
        problems.append(".ts sources were bundled")
    if problems:
        raise BuildFailed("bundle incomplete:\n  " + "\n  ".join(problems))
    say(f"  bundle complete: {mb(tree_size(BUNDLE))} in {BUNDLE.relative_to(ROOT)}")


# ---- 4. smoke test -----------------------------------------------------------------------------

def clean_env(home: Path) -> dict[str, str]:
    """An environment like a fresh desktop user's: own HOME, nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "INTERPRETER_", "VIRTUAL_ENV", "QT_", "XDG_"))}
    for sub in ("", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update({
        "HOME": str(home), "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"), "QT_QPA_PLATFORM": "offscreen",
        "INTERPRETER_PASSWORD": DEMO_PASSWORD, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
    })
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def check_screenshot(png: Path) -> str:
    """A one-line description of the picture; BuildFailed when it is not a rendered window."""
    try:
        from PIL import Image
    except ImportError:  # run by a bare Python (Windows): Pillow is in the build venv
        purelib = run([venv_bin("python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
                       "['platlib'])"], quiet=True).stdout.strip()
        sys.path.append(purelib)
        from PIL import Image

    if not png.is_file() or png.stat().st_size == 0:
        raise BuildFailed(f"no screenshot written at {png}")
    with Image.open(png) as image:
        if image.size != SCREENSHOT_SIZE:
            raise BuildFailed(f"screenshot is {image.size}, expected {SCREENSHOT_SIZE}")
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
    pixels = SCREENSHOT_SIZE[0] * SCREENSHOT_SIZE[1]
    dominant = max(count for count, _ in colours) / pixels if colours else 1.0
    # Dark pixels are text: a window drawn without fonts (or not drawn) has almost none.
    dark = sum(count for count, (r, g, b) in colours if r + g + b < 240) / pixels
    summary = (f"{png.stat().st_size // 1024} KB, {SCREENSHOT_SIZE[0]}×{SCREENSHOT_SIZE[1]}, "
               f"{len(colours)} colours, most common colour {dominant:.0%}, text pixels {dark:.1%}")
    if len(colours) < 64 or dominant > 0.85 or dark < 0.005:
        raise BuildFailed("screenshot looks blank: " + summary)
    return summary


def smoke_test(app: Path, cli: Path, label: str) -> None:
    """Start the bundled programs from a clean folder and check what they produce."""
    say(f"  smoke test ({label}): {app}")
    with tempfile.TemporaryDirectory(prefix="interpreter-smoke-") as tmp:
        work = Path(tmp)
        env = clean_env(work / "home")
        db = work / "demo.db"
        run([cli, "--db", db, "demo"], env=env, cwd=work, timeout=300, quiet=True)
        run([cli, "--db", db, "verify"], env=env, cwd=work, timeout=300, quiet=True)
        packages = json.loads(run([cli, "--db", db, "--json", "list", "--as", "writer"], env=env,
                                  cwd=work, quiet=True).stdout)
        released = [p["id"] for p in packages if p["state"] == "released"]
        if not released:
            raise BuildFailed("the demo database has no released package")
        out = work / "export"
        run([cli, "--db", db, "export", released[0], "--out", out, "--pack", "all",
             "--as", "writer"], env=env, cwd=work, timeout=300, quiet=True)
        stats = run([cli, "--db", db, "stats", "--out", out / "stats", "--as", "admin"], env=env,
                    cwd=work, timeout=300, quiet=True)
        if "Glyph" in stats.stderr or "findfont" in stats.stderr:
            raise BuildFailed("charts drawn without the bundled CJK font:\n" + stats.stderr[-2000:])
        found = {s: len(list(out.rglob(f"*.{s}"))) for s in ("docx", "png", "svg")}
        if not all(found.values()):
            raise BuildFailed(f"export of package {released[0]} and statistics incomplete: {found}")
        press = next(out.rglob("对外发布包"), None)
        if press is None:
            raise BuildFailed("export wrote no press pack")
        run([cli, "--db", db, "verify-pack", press], env=env, cwd=work, timeout=120, quiet=True)
        traditional = work / "繁體.txt"
        traditional.write_text("關於做好就業工作的通知\n一、總體要求\n", "utf-8")
        inspected = run([cli, "inspect", traditional], env=env, cwd=work, quiet=True).stdout
        if "总体要求" not in inspected:
            raise BuildFailed("Traditional→Simplified (OpenCC) does not work in the bundle:\n"
                              + inspected)
        shot = work / "shot.png"
        started = time.monotonic()
        result = run([app, "--db", db, "--screenshot", shot, "--user", SCREENSHOT_USER],
                     env=env, cwd=work, timeout=300, quiet=True)
        seconds = time.monotonic() - started
        noise = [line for line in result.stderr.splitlines()
                 if line.strip() and "propagateSizeHints" not in line]
        if any("Traceback" in line or "警告" in line or "Error" in line for line in noise):
            raise BuildFailed("the app complained while taking the screenshot:\n" + "\n".join(noise))
        summary = check_screenshot(shot)
        keep = DIST / f"smoke-{label}.png"
        shutil.copyfile(shot, keep)
        say(f"    CLI: demo, verify, export and stats ({found['docx']} docx, {found['png']} png, "
            f"{found['svg']} svg), verify-pack, inspect (OpenCC) — ok")
        say(f"    screenshot as {SCREENSHOT_USER} in {seconds:.1f} s: {summary} → "
            f"{keep.relative_to(ROOT)}")


# ---- 5. Linux packages -------------------------------------------------------------------------

def elf_files(root: Path) -> list[Path]:
    files = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def glibc_needed(root: Path) -> str:
    """The newest GLIBC_x.y symbol version any bundled binary requires."""
    newest = (2, 17)
    pattern = re.compile(rb"GLIBC_(2\.\d+)(?:\.\d+)?\x00")
    for path in elf_files(root):
        for match in pattern.finditer(path.read_bytes()):
            newest = max(newest, tuple(int(x) for x in match.group(1).decode().split(".")))
    return ".".join(map(str, newest))


GLIBC_LIBS = {"ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0",
              "librt.so.1", "libresolv.so.2", "libutil.so.1"}
# Plugins Qt loads only when it finds their libraries (a GTK desktop's file dialogs and colours).
OPTIONAL_ELF = ("platformthemes/libqgtk3.so",)


def soname_package(soname: str) -> str:
    """The Debian package shipping a library: from dpkg when installed, else by Debian's naming
    rule (libxcb-icccm.so.4 → libxcb-icccm4, libfoo2.so.1 → libfoo2-1)."""
    if shutil.which("ldconfig") and shutil.which("dpkg-query"):
        listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
        for line in listing.splitlines():
            m = re.match(rf"\s*{re.escape(soname)} \(libc6,x86-64[^)]*\) => (\S+)", line)
            if m:
                owner = subprocess.run(["dpkg-query", "-S", os.path.realpath(m.group(1))],
                                       capture_output=True, text=True).stdout.split(":")[0]
                if owner:
                    return owner
    stem, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    return f"{stem}-{version}".lower() if stem[-1].isdigit() else f"{stem}{version}".lower()


def check_system_libraries(root: Path) -> int:
    """Every library a bundled binary needs and the bundle lacks is in DEB_DEPENDS (or glibc)."""
    if not shutil.which("readelf"):
        say("  (readelf missing: Depends not cross-checked)")
        return 0
    bundled = {p.name for p in root.rglob("*")}
    needed: dict[str, str] = {}
    for path in elf_files(root):
        if path.as_posix().endswith(OPTIONAL_ELF):
            continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True,
                                 text=True).stdout
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic):
            if soname not in bundled and soname not in GLIBC_LIBS:
                needed.setdefault(soname, str(path.relative_to(root)))
    declared = {alt.strip().split(" ")[0] for dep in DEB_DEPENDS for alt in dep.split("|")}
    uncovered = []
    for soname, user in sorted(needed.items()):
        package = soname_package(soname)
        if package not in declared:
            uncovered.append(f"{soname} ({package}), needed by {user}")
    if uncovered:
        raise BuildFailed("bundled binaries need system libraries the .deb does not depend on:\n  "
                          + "\n  ".join(uncovered))
    say(f"  Depends cover the {len(needed)} system libraries the bundle needs: "
        + ", ".join(sorted(needed)))
    return len(needed)


def write_deb_tree(stage: Path, version: str, glibc: str) -> None:
    """The installed layout: /opt/interpreter-app, /usr/bin links, menu entry, icons, docs."""
    linux = PACKAGING / "linux"
    opt = stage / "opt" / APP
    shutil.copytree(BUNDLE, opt, symlinks=True)
    usr = stage / "usr"
    (usr / "bin").mkdir(parents=True)
    for name in (APP, CLI):
        (usr / "bin" / name).symlink_to(f"/opt/{APP}/{name}")
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(linux / f"{APP}.desktop", apps / f"{APP}.desktop")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = usr / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copyfile(icons / f"app-{size}.png", target / f"{APP}.png")
    scalable = usr / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(icons / "app.svg", scalable / f"{APP}.svg")
    doc = usr / "share" / "doc" / APP
    doc.mkdir(parents=True)
    shutil.copyfile(linux / "copyright", doc / "copyright")
    debian = stage / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "postrm"):
        shutil.copyfile(linux / script, debian / script)
    installed_kib = (tree_size(stage) + 1023) // 1024
    depends = ", ".join(DEB_DEPENDS).format(glibc=glibc)
    (debian / "control").write_text(
        f"Package: {APP}\n"
        f"Version: {version}\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        "Maintainer: 政策解读工作台 <interpreter-app@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Description: 政策解读工作台 — policy document, interpretation plan and materials\n"
        " Policy Interpretation Workbench for government departments: the policy document,\n"
        " its interpretation plan and its interpretation materials are drafted, reviewed,\n"
        " signed off and released together (三同步), then exported as Word files, charts\n"
        " and press packs. Includes the interpreter-cli command line.\n", "utf-8")
    normalise_modes(stage)
    for script in ("postinst", "postrm"):
        (debian / script).chmod(0o755)


def normalise_modes(root: Path) -> None:
    """Directories and executables 0755, other files 0644 (whatever the checkout's umask)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)


def build_deb(version: str) -> Path:
    glibc = glibc_needed(BUNDLE)
    check_system_libraries(BUNDLE)
    stage = BUILD / "deb" / f"{APP}_{version}_amd64"
    if stage.exists():
        shutil.rmtree(stage)
    stage.parent.mkdir(parents=True, exist_ok=True)
    write_deb_tree(stage, version, glibc)
    deb = DIST / f"{APP}_{version}_amd64.deb"
    deb.unlink(missing_ok=True)
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, deb], timeout=3600)
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", stage / "usr/share/applications" / f"{APP}.desktop"],
            quiet=True)
    say(f"  {deb.relative_to(ROOT)}: {mb(deb.stat().st_size)} (installed {mb(tree_size(stage))}, "
        f"needs glibc ≥ {glibc})")
    return deb


def build_tarball(version: str) -> Path:
    """The onedir plus menu entry and icons, for distributions without dpkg."""
    out = DIST / f"{APP}-{version}-linux-x86_64.tar.gz"
    top = f"{APP}-{version}"
    readme = (
        "政策解读工作台 / Policy Interpretation Workbench\n\n"
        f"解压后运行 ./{APP}（窗口）或 ./{CLI}（命令行），无需安装。\n"
        "菜单项：把 share/applications/interpreter-app.desktop 中的 Exec= 改为本目录下 interpreter-app 的完整路径，\n"
        "复制到 ~/.local/share/applications/；图标复制到 ~/.local/share/icons/hicolor/。\n\n"
        f"Unpack and run ./{APP} (window) or ./{CLI} (command line); nothing to install.\n")

    def reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=top, filter=reset)
        tar.add(PACKAGING / "linux" / f"{APP}.desktop",
                arcname=f"{top}/share/applications/{APP}.desktop", filter=reset)
        for size in ICON_SIZES:
            tar.add(ROOT / "resources" / "icons" / f"app-{size}.png", filter=reset,
                    arcname=f"{top}/share/icons/hicolor/{size}x{size}/apps/{APP}.png")
        tar.add(ROOT / "resources" / "icons" / "app.svg", filter=reset,
                arcname=f"{top}/share/icons/hicolor/scalable/apps/{APP}.svg")
        data = readme.encode("utf-8")
        info = reset(tarfile.TarInfo(f"{top}/README.txt"))
        info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
        tar.addfile(info, io.BytesIO(data))
    say(f"  {out.relative_to(ROOT)}: {mb(out.stat().st_size)}")
    return out


def test_deb(deb: Path) -> None:
    """Extract into an empty folder and start from there; install and purge in a private root."""
    contents = run(["dpkg-deb", "--contents", deb], quiet=True).stdout
    for needed in (f"./opt/{APP}/{APP}", f"./opt/{APP}/{CLI}", f"./usr/bin/{APP}",
                   f"./usr/share/applications/{APP}.desktop",
                   f"./usr/share/icons/hicolor/256x256/apps/{APP}.png",
                   f"./usr/share/icons/hicolor/scalable/apps/{APP}.svg"):
        if needed not in contents:
            raise BuildFailed(f"{deb.name} lacks {needed}")
    with tempfile.TemporaryDirectory(prefix="interpreter-deb-") as tmp:
        root = Path(tmp) / "root"
        run(["dpkg-deb", "-x", deb, root], quiet=True)
        for name in (APP, CLI):
            link = root / "usr" / "bin" / name
            target = os.readlink(link)
            if not (root / target.lstrip("/")).is_file():
                raise BuildFailed(f"/usr/bin/{name} points to {target}, which the package lacks")
        # Started through a symbolic link, as /usr/bin/interpreter-app starts it once installed.
        via_link = Path(tmp) / "bin"
        via_link.mkdir()
        for name in (APP, CLI):
            (via_link / name).symlink_to(root / "opt" / APP / name)
        run([via_link / CLI, "--help"], quiet=True, env=clean_env(Path(tmp) / "home0"))
        smoke_test(via_link / APP, via_link / CLI, "deb")
    private_dpkg_round_trip(deb)


# Caches the postinst/postrm refresh for every application; on a real system they exist anyway.
SHARED_CACHES = {"usr/share/applications/mimeinfo.cache",
                 "usr/share/icons/hicolor/icon-theme.cache"}


def private_dpkg_round_trip(deb: Path) -> None:
    """dpkg -i, -r and -P in a throw-away root: nothing of ours may remain afterwards."""
    if os.geteuid() != 0:
        say("  (not root: install/remove round trip skipped; try `sudo dpkg -i` by hand)")
        return
    with tempfile.TemporaryDirectory(prefix="interpreter-dpkg-") as tmp:
        root = Path(tmp)
        admin = root / "var" / "lib" / "dpkg"
        for sub in ("updates", "info", "triggers"):
            (admin / sub).mkdir(parents=True, exist_ok=True)
        (admin / "status").touch()
        (admin / "available").touch()
        dpkg = ["dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends",
                "--force-not-root", "--force-bad-path"]
        env = dict(os.environ, DPKG_ROOT=str(root))
        run([*dpkg, "--install", deb], env=env, quiet=True)
        if not (root / "opt" / APP / APP).is_file():
            raise BuildFailed("dpkg --install did not place the program under /opt")
        run([*dpkg, "--remove", APP], env=env, quiet=True)
        if list((root / "opt").glob("*")):
            raise BuildFailed("dpkg --remove left files under /opt")
        run([*dpkg, "--purge", APP], env=env, quiet=True)
        left = [str(p.relative_to(root)) for p in root.rglob("*")
                if not p.is_relative_to(admin) and not p.is_dir()
                and p.relative_to(root).as_posix() not in SHARED_CACHES]
        left += [str(p.relative_to(root)) for p in (root / "opt").glob("*")]
        if left:
            raise BuildFailed("dpkg --purge left files behind:\n  " + "\n  ".join(sorted(left)[:20]))
        say("  dpkg --install / --remove / --purge in a private root: installs, leaves nothing behind")


# ---- main --------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb (Linux)")
    parser.add_argument("--no-tarball", action="store_true", help="skip the tar.gz (Linux)")
    parser.add_argument("--smoke-only", action="store_true",
                        help="only test the existing dist/ output")
    args = parser.parse_args(argv)
    version = project_version()
    timer = Timer()
    started_at = time.time()
    try:
        DIST.mkdir(exist_ok=True)
        deb = DIST / f"{APP}_{version}_amd64.deb"
        if not args.smoke_only:
            say(f"政策解读工作台 {version}: building in {BUILD.relative_to(ROOT)}/, output in "
                f"{DIST.relative_to(ROOT)}/")
            check_resources()
            say("[1/5] build venv")
            ensure_build_venv()
            timer.lap("build venv")
            say("[2/5] PyInstaller")
            make_windows_icon()
            run_pyinstaller()
            timer.lap("PyInstaller")
        say("[3/5] bundle contents")
        check_bundle()
        exe = ".exe" if WINDOWS else ""
        say("[4/5] smoke test of the bundle")
        smoke_test(BUNDLE / f"{APP}{exe}", BUNDLE / f"{CLI}{exe}", "bundle")
        timer.lap("bundle checks and smoke test")
        if LINUX and not args.no_deb:
            say("[5/5] Linux packages")
            if not args.smoke_only:
                deb = build_deb(version)
                timer.lap(".deb")
            test_deb(deb)
            timer.lap(".deb test")
        if LINUX and not args.no_tarball and not args.smoke_only:
            build_tarball(version)
            timer.lap("tarball")
    except BuildFailed as exc:
        say(f"\nBUILD FAILED: {exc}")
        return 1
    say("\nTimes: " + ", ".join(f"{name} {sec:.0f} s" for name, sec in timer.steps)
        + f"; total {timer.total():.0f} s")
    say(f"Bundle {BUNDLE.relative_to(ROOT)}: {mb(tree_size(BUNDLE))}")
    for path in sorted(DIST.glob(f"{APP}*{version}*")):
        if path.is_file() and path.stat().st_mtime >= started_at:
            say(f"  {path.relative_to(ROOT)}: {mb(path.stat().st_size)}")
    say("SMOKE TEST PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
