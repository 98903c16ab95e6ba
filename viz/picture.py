"""Pictures of a map for slides: PNG and PDF drawn by headless Chromium (SVG: graph071.viz.svg).

The map page is opened in Chromium (Debian's, or whatever GRAPH071_CHROMIUM names)
through Playwright, in its picture mode (no search box, buttons or panels), and
photographed once its labels have settled: the page says so itself, so nothing
waits a fixed time. PNG is the screenshot; PDF is the page printed on A4 landscape
with its print stylesheet. An SVG is drawn in Python from the same payload and
layout, as vector shapes and text, without a browser. Every file is written by
write_bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from graph071 import i18n
from graph071.errors import Graph071Error

PICTURE_SUFFIXES = (".png", ".svg", ".pdf")
PAGE_SUFFIXES = (".html", ".htm")
DEFAULT_SIZE = (1920, 1080)
A4_LANDSCAPE_PX = (1123, 794)  # 297 x 210 mm at 96 px per inch: the PDF's screen
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SETTLE_TIMEOUT_MS = 60_000


def is_picture(path: Path | str) -> bool:
    """Return True when `path` asks for a picture (.png, .svg, .pdf) rather than a page.

    >>> is_picture("kaart.PNG"), is_picture("kaart.html")
    (True, False)
    """
    return Path(path).suffix.lower() in PICTURE_SUFFIXES


def check_picture_path(path: Path | str) -> None:
    """Raise Graph071Error unless `path` ends in .html, .htm, .png, .svg or .pdf."""
    suffix = Path(path).suffix.lower()
    if suffix not in PICTURE_SUFFIXES + PAGE_SUFFIXES:
        shown = suffix or i18n.text("error:picture.no_suffix", "without extension")
        raise Graph071Error(i18n.text("error:picture.format", "{path}: a map cannot be written as {suffix}", path=path,
                                      suffix=shown),
                            hint=i18n.text("error:picture.format.hint", "choose .html (interactive) or .png, .svg or "
                                           ".pdf (picture)"))
    folder = Path(path).parent
    if not folder.exists():
        raise Graph071Error(i18n.text("error:picture.folder", "folder {folder} does not exist", folder=folder),
                            hint=i18n.text("error:picture.folder.hint", "create it first or choose another path for "
                                           "-o"))


def parse_size(text: str) -> tuple[int, int]:
    """Return (width, height) from "1920x1080" (also "1920×1080" or "1920,1080").

    >>> parse_size("1280x720"), parse_size(" 800 × 600 ")
    ((1280, 720), (800, 600))
    """
    match = re.fullmatch(r"\s*(\d{2,5})\s*[x×X,]\s*(\d{2,5})\s*", text)
    if not match:
        raise Graph071Error(i18n.text("error:picture.size", "invalid size {text!r}", text=text),
                            hint=i18n.text("error:picture.size.hint", "write width x height in pixels, e.g. --size "
                                           "1920x1080"))
    width, height = int(match.group(1)), int(match.group(2))
    if not (100 <= width <= 10_000 and 100 <= height <= 10_000):
        raise Graph071Error(i18n.text("error:picture.range", "size {width}x{height} lies outside 100-10000 pixels",
                                      width=width, height=height),
                            hint=i18n.text("error:picture.range.hint", "e.g. --size 1920x1080"))
    return width, height


def find_chromium() -> str:
    """Return the Chromium program to draw with, or raise Graph071Error saying how to get one."""
    named = os.environ.get("GRAPH071_CHROMIUM")
    if named:
        if Path(named).exists():
            return named
        raise Graph071Error(i18n.text("error:picture.chromium_path", "GRAPH071_CHROMIUM points to {named}, but that "
                                      "file does not exist", named=named),
                            hint=i18n.text("error:picture.chromium_path.hint", "set GRAPH071_CHROMIUM to the Chromium "
                                           "program or unset it"))
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise Graph071Error(i18n.text("error:picture.no_chromium", "no Chromium found to draw the picture"),
                        hint=i18n.text("error:picture.no_chromium.hint", "install Chromium (Debian/Ubuntu: apt install "
                                       "chromium) or set GRAPH071_CHROMIUM; an .html map works without"))


def write_picture(page: str, path: Path | str, size: tuple[int, int] | None = None,
                  fragment: str = "") -> Path:
    """Write a picture of the map `page` (its HTML) to `path` (.png or .pdf; an .svg is drawn
    from the payload by graph071.viz.svg.svg_of_map instead).

    `size` is the screen in pixels (default 1920x1080; a PDF is always A4 landscape);
    `fragment` is a deep link such as "focus=org:universiteit-leiden" for the view.
    """
    path = Path(path)
    check_picture_path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":  # a screenshot in an .svg would hide that it is no vector picture
        raise Graph071Error(i18n.text("error:picture.svg", "{path}: an SVG is drawn from the map data, "
                                      "not by Chromium", path=path),
                            hint=i18n.text("error:picture.svg.hint", "use graph071.viz.network_map.write_map"))
    size = A4_LANDSCAPE_PX if suffix == ".pdf" else (size or DEFAULT_SIZE)
    chromium = find_chromium()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise Graph071Error(i18n.text("error:picture.playwright", "the package playwright is missing to draw a "
                                      "picture"), hint=i18n.text("error:picture.playwright.hint",
                                                      "pip install 'graph071[afbeeldingen]'")) from None
    with tempfile.TemporaryDirectory(prefix="graph071-") as folder:
        html = Path(folder) / "kaart.html"
        html.write_text(page, encoding="utf-8")
        try:
            with sync_playwright() as playwright:
                data = _photograph(playwright, chromium, html, suffix, size, fragment)
        except PlaywrightError as error:
            first = (str(error).strip().splitlines()[0] if str(error).strip()
                     else i18n.text("error:picture.unknown", "unknown"))
            raise Graph071Error(i18n.text("error:picture.failed", "Chromium could not draw the map: {why}", why=first),
                                hint=i18n.text("error:picture.failed.hint", "check GRAPH071_CHROMIUM or write an "
                                               ".html map")) from None
    return write_bytes(path, data)


def _photograph(playwright, chromium: str, html: Path, suffix: str, size: tuple[int, int],
                fragment: str) -> bytes:
    """Return the PNG screenshot or the PDF print of the page in `html`."""
    browser = playwright.chromium.launch(executable_path=chromium, headless=True)
    try:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith("file://") else route.abort())
        wanted = "&".join(part for part in ("beeld=1", fragment.lstrip("#")) if part)
        page.goto(html.as_uri() + "#" + wanted)
        page.wait_for_selector("body[data-settled='true']", state="attached",
                               timeout=SETTLE_TIMEOUT_MS)
        if suffix == ".pdf":
            return page.pdf(format="A4", landscape=True, print_background=True)
        return page.screenshot(type="png")
    finally:
        browser.close()


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` at once (graph071.io.safe) and return the path."""
    from graph071.io.safe import atomic_file

    with atomic_file(path, "wb", encoding=None) as handle:
        handle.write(data)
    return path
