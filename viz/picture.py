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
        shown = suffix or "zonder extensie"
        raise Graph071Error(f"{path}: een kaart kan niet als {shown} worden geschreven",
                            hint="kies .html (interactief) of .png, .svg of .pdf (afbeelding)")
    folder = Path(path).parent
    if not folder.exists():
        raise Graph071Error(f"map {folder} bestaat niet",
                            hint="maak hem eerst aan of kies een ander pad voor -o")


def parse_size(text: str) -> tuple[int, int]:
    """Return (width, height) from "1920x1080" (also "1920×1080" or "1920,1080").

    >>> parse_size("1280x720"), parse_size(" 800 × 600 ")
    ((1280, 720), (800, 600))
    """
    match = re.fullmatch(r"\s*(\d{2,5})\s*[x×X,]\s*(\d{2,5})\s*", text)
    if not match:
        raise Graph071Error(f"ongeldige afmeting {text!r}",
                            hint="schrijf breedte x hoogte in pixels, bijvoorbeeld --size 1920x1080")
    width, height = int(match.group(1)), int(match.group(2))
    if not (100 <= width <= 10_000 and 100 <= height <= 10_000):
        raise Graph071Error(f"afmeting {width}x{height} valt buiten 100-10000 pixels",
                            hint="bijvoorbeeld --size 1920x1080")
    return width, height


def find_chromium() -> str:
    """Return the Chromium program to draw with, or raise Graph071Error saying how to get one."""
    named = os.environ.get("GRAPH071_CHROMIUM")
    if named:
        if Path(named).exists():
            return named
        raise Graph071Error(f"GRAPH071_CHROMIUM wijst naar {named}, maar dat bestand bestaat niet",
                            hint="zet GRAPH071_CHROMIUM op het Chromium-programma of haal hem weg")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise Graph071Error("geen Chromium gevonden om de afbeelding te tekenen",
                        hint="installeer Chromium (Debian/Ubuntu: apt install chromium) of zet "
                             "GRAPH071_CHROMIUM; een .html-kaart werkt zonder")


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
        raise Graph071Error(f"{path}: een SVG wordt uit de kaartgegevens getekend, niet door Chromium",
                            hint="gebruik graph071.viz.network_map.write_map")
    size = A4_LANDSCAPE_PX if suffix == ".pdf" else (size or DEFAULT_SIZE)
    chromium = find_chromium()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise Graph071Error("het pakket playwright ontbreekt om een afbeelding te tekenen",
                            hint="pip install 'graph071[afbeeldingen]'") from None
    with tempfile.TemporaryDirectory(prefix="graph071-") as folder:
        html = Path(folder) / "kaart.html"
        html.write_text(page, encoding="utf-8")
        try:
            with sync_playwright() as playwright:
                data = _photograph(playwright, chromium, html, suffix, size, fragment)
        except PlaywrightError as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else "onbekend"
            raise Graph071Error(f"Chromium kon de kaart niet tekenen: {first}",
                                hint="controleer GRAPH071_CHROMIUM of schrijf een .html-kaart") from None
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
