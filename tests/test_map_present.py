"""The map in the meeting room, in a real headless Chromium: names readable at the overview
zoom, the orphans at one click, deep links, sources inside the page, presentations and the
pictures `graph071 map -o kaart.png|.svg|.pdf` writes. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from graph071.viz.network_map import document_sources, read_payload, write_map
from graph071.viz.presentation import write_presentation

from .conftest import graph071, two_programme_corpus  # the CLI in a fresh process, as a user runs it

pytestmark = pytest.mark.browser
SCREEN = {"width": 1600, "height": 1000}
UVL = "org:universiteit-leiden"
ACTION_17 = "action:2013-2015/17"


@pytest.fixture(scope="module")
def sources(bundled) -> dict[str, list[str]]:
    return document_sources(bundled.data_dir, bundled.documents)


@pytest.fixture(scope="module")
def overview(graph, sources, tmp_path_factory) -> Path:
    return write_map(graph, tmp_path_factory.mktemp("present") / "kaart.html", sources=sources)


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path: Path, fragment: str = "", size: dict | None = None) -> Page:
        page = browser.new_page(viewport=size or SCREEN)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith("file://") else route.abort())
        page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        settled(page)
        page.errors = errors
        pages.append(page)
        return page

    yield opener
    for page in pages:
        assert page.errors == []
        page.close()


def settled(page: Page, view: int | None = None) -> None:
    """Wait until the page says its view has moved into place and the names are drawn."""
    wanted = f"[data-views='{view}']" if view else ""
    page.wait_for_selector(f"body[data-settled='true']{wanted}", state="attached", timeout=30_000)


def move_slider(page: Page, position: int) -> None:
    """Move the time slider to `position` with the keyboard, as a presenter does, and wait
    until the map has settled there."""
    before = view_number(page)
    slider = page.locator("#time-slider")
    slider.focus()
    for _ in range(abs(position - page.evaluate("graph071.moment()"))):
        page.keyboard.press("ArrowRight" if position > page.evaluate("graph071.moment()") else "ArrowLeft")
    if view_number(page) != before:
        settled(page, view_number(page))
    assert page.evaluate("graph071.moment()") == position


def view_number(page: Page) -> int:
    return int(page.evaluate("document.body.dataset.views"))


def shown(page: Page) -> set[str]:
    return set(page.evaluate("graph071.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id)"))


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if not (a["right"] < b["left"] or a["left"] > b["right"]
                    or a["bottom"] < b["top"] or a["top"] > b["bottom"])]


def test_the_overview_names_every_orphan_theme_and_the_top_hubs_without_overlap(
        overview, open_page, artifacts):
    page = open_page(overview)
    page.screenshot(path=str(artifacts / "present_overview_1600x1000.png"))
    payload = read_payload(overview)
    themes = {n["id"] for n in payload["nodes"] if n["kind"] == "Theme"}
    hubs = [n["id"] for n in sorted(payload["nodes"], key=lambda n: -n.get("score", 0))][:12]
    # At every moment of the slider: its orphans and themes named, most of its big hubs
    # too, and nothing named that did not hold then (it is drawn faded).
    for position in (payload["time"]["start"], 2, 0):
        moment = payload["time"]["moments"][position]
        move_slider(page, position)
        labels = page.evaluate("graph071.labels()")
        named = {label["id"] for label in labels}
        assert set(moment["orphans"]) <= named, moment["label"]
        assert themes & set(moment["nodes"]) <= named, moment["label"]
        assert named <= set(moment["nodes"])
        # A project without a trekker in another edition only is not named as a landmark.
        # (A project or hub of now is named as that, at the moments it holds.)
        assert named & {n["id"] for n in payload["nodes"]
                        if n.get("orphan") and not n.get("current")} <= set(moment["orphans"])
        assert len(set(hubs) & set(moment["nodes"]) - named) <= 4, moment["label"]
        assert overlapping(labels) == []
        assert all(label["px"] >= 14 for label in labels)
    assert {"action:2013-2015/17", "action:2013-2015/39", "action:2013-2015/42"} <= named
    assert {t for t in themes if t.startswith("theme:2013-2015/")} <= named
    page.screenshot(path=str(artifacts / "present_overview_2013_1600x1000.png"))
    # The two "Economische structuurversterking" themes read apart, by their programme.
    theme_names = [n["label"] for n in payload["nodes"] if n["kind"] == "Theme"]
    assert any(name.endswith("(2013-2015)") for name in theme_names)
    assert any(name.endswith("(2018)") for name in theme_names)


def test_the_overview_opens_without_people_and_the_monitor_and_one_click_brings_people(
        overview, open_page):
    page = open_page(overview)
    kinds = {n["id"]: n["kind"] for n in read_payload(overview)["nodes"]}
    assert {kinds[n] for n in shown(page)}.isdisjoint({"Person", "Indicator", "Basket", "Index"})
    page.check("#legend-kinds input[data-kind='Person']")
    assert "Person" in {kinds[n] for n in shown(page)}


def test_alleen_zonder_trekker_shows_the_orphans_of_the_moment_with_their_themes(
        overview, open_page, artifacts):
    page = open_page(overview)
    payload = read_payload(overview)
    orphans = set(payload["time"]["moments"][payload["time"]["start"]]["orphans"])
    assert len(orphans) == 4  # graph071 orphans: the projects of January 2022 without a trekker
    before = view_number(page)
    page.check("#only-orphans")
    settled(page, before + 1)
    page.screenshot(path=str(artifacts / "present_only_orphans.png"))
    kinds = {n["id"]: n["kind"] for n in payload["nodes"]}
    assert orphans <= shown(page)
    assert {kinds[n] for n in shown(page) - orphans} == {"Theme"}
    assert orphans <= {label["id"] for label in page.evaluate("graph071.labels()")}
    move_slider(page, 0)  # 2013-2015: the programme's actions 17, 39 and 42
    then = {"action:2013-2015/17", "action:2013-2015/39", "action:2013-2015/42"}
    assert then <= shown(page) and not orphans & shown(page)
    assert {kinds[n] for n in shown(page) - then} == {"Theme"}
    page.uncheck("#only-orphans")
    settled(page, view_number(page) + 1)
    assert len(shown(page)) > 150


def test_searching_geen_trekker_offers_all_orphans_at_once(overview, open_page):
    page = open_page(overview)
    page.fill("#search", "geen trekker")
    assert "Alle 4 zonder trekker tonen" in page.inner_text("#suggestions")  # as graph071 orphans
    before = view_number(page)
    page.press("#search", "Enter")
    settled(page, before + 1)
    assert page.is_checked("#only-orphans")
    assert len(shown(page)) < 40


def test_a_deep_link_opens_the_map_on_universiteit_leiden_in_theme_4(overview, open_page,
                                                                      artifacts):
    page = open_page(overview, f"focus={UVL}&thema=4")
    page.screenshot(path=str(artifacts / "present_deep_link_uvl_thema_4.png"))
    assert page.evaluate("network.getSelectedNodes()") == [UVL]
    assert page.inner_text("#details").startswith("Universiteit Leiden")
    assert page.input_value("#theme-filter") == "n:4"  # theme 4 of every programme
    themes = {n["id"]: n.get("themes", []) for n in read_payload(overview)["nodes"]}
    fours = {i for i, t in enumerate(read_payload(overview)["themes"]) if t["number"] == 4}
    assert all(set(themes[n]) & fours for n in shown(page) - {UVL})
    x, y = page.evaluate(f"(() => {{ const p = network.canvasToDOM(network.getPositions(['{UVL}'])"
                         f"['{UVL}']); return [p.x, p.y]; }})()")
    box = page.evaluate("[document.getElementById('network').clientWidth,"
                        " document.getElementById('network').clientHeight]")
    assert 0 < x < box[0] and 0 < y < box[1]  # on screen


def test_the_details_group_the_roles_and_bron_opens_the_quoted_line(overview, open_page,
                                                                    artifacts):
    page = open_page(overview, f"focus={UVL}")
    details = page.inner_text("#details")
    assert "ROLLEN" in details.upper() and "Trekker van" in details and "Partner van" in details
    assert details.count("Universiteit Leiden") >= 1 and page.is_hidden("#tooltip")
    page.click("#details .rel-list .bron >> nth=0")
    page.wait_for_selector("#source-view:not([hidden])")
    doc, line = page.evaluate("document.body.dataset.source").rsplit(":", 1)
    quoted = page.locator("#source-lines div.quoted").first
    assert quoted.get_attribute("data-line") == line
    view = page.locator("#source-lines").bounding_box()
    at = quoted.bounding_box()
    assert view["y"] <= at["y"] <= view["y"] + view["height"]  # scrolled to the line
    page.screenshot(path=str(artifacts / "present_bron_passage.png"))
    assert doc.startswith("uitvoeringsprogramma") or doc.startswith("projectkaarten") \
        or doc.startswith("projectoverzicht")
    page.keyboard.press("Escape")
    assert page.is_hidden("#source-view")


def test_the_overview_tabs_focus_the_map_on_their_rows(overview, open_page):
    page = open_page(overview)
    page.click("#overview .tabs button[data-tab='hubs']")
    first = page.get_attribute("#overview-list button >> nth=0", "data-id")
    assert first.startswith("org:")
    page.click("#overview-list button >> nth=0")
    assert page.evaluate("network.getSelectedNodes()") == [first]
    page.click("#overview .tabs button[data-tab='projects']")
    assert page.locator("#overview-list button").count() == 10  # the cards of January 2022


def tab_rows(page: Page, tab: str) -> list[str]:
    page.click(f"#overview .tabs button[data-tab='{tab}']")
    return page.evaluate("[...document.querySelectorAll('#overview-list button')].map((b) => b.dataset.id)")


def test_the_zonder_trekker_tab_answers_for_the_slider_s_moment_as_the_orphans_command_does(
        overview, open_page, artifacts):
    page = open_page(overview)
    now = json.loads(graph071("orphans", "--json", check=True).stdout)
    then = json.loads(graph071("--as-of", "2014", "orphans", "--json", check=True).stdout)
    hubs_then = json.loads(graph071("--as-of", "2014", "hubs", "--top", "3", "--json",
                                    check=True).stdout)
    positions = page.evaluate("network.getPositions()")
    canvas = page.locator("#network").bounding_box()
    assert sorted(tab_rows(page, "orphans")) == sorted(o["id"] for o in now)
    assert "projectkaarten januari 2022" in page.inner_text("#overview-moment")
    assert page.inner_text("#mark-count") == str(len(now))
    hubs_now = tab_rows(page, "hubs")
    projects_now = tab_rows(page, "projects")
    move_slider(page, 0)
    assert sorted(tab_rows(page, "orphans")) == sorted(o["id"] for o in then) == [
        "action:2013-2015/17", "action:2013-2015/39", "action:2013-2015/42"]
    assert "uitvoeringsprogramma 2013-2015" in page.inner_text("#overview-moment")
    assert page.inner_text("#mark-count") == "3"
    assert tab_rows(page, "hubs")[:3] == [h["id"] for h in hubs_then] != hubs_now[:3]
    assert tab_rows(page, "projects") != projects_now
    page.screenshot(path=str(artifacts / "present_tabs_2013.png"))
    assert page.evaluate("network.getPositions()") == positions  # the layout does not move
    assert page.locator("#network").bounding_box() == canvas  # nor the header around it


def test_with_two_programmes_the_search_for_17_lists_both_and_picks_neither(tmp_path, open_page):
    folder = two_programme_corpus(tmp_path / "corpus")
    written = tmp_path / "kaart.html"
    graph071("--data", str(folder), "map", "-o", str(written), check=True)
    page = open_page(written)
    for asked in ("17", "actie 17"):
        page.fill("#search", asked)
        offered = page.inner_text("#suggestions")
        assert "2013-2015/17" in offered and "2016-2018/17" in offered, offered
        page.press("#search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == []  # not silently one of them
    page.fill("#search", "2013-2015/17")
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["action:2013-2015/17"]
    # Labels and the overview's rows say the programme.
    assert "(2013-2015)" in page.inner_text("#details")
    rows = page.inner_text("#overview-list")
    assert "(2016-2018)" in rows or "(2013-2015)" in rows


def test_the_presentation_steps_through_its_views_with_keys_and_clicks(
        graph, sources, tmp_path, open_page, artifacts):
    sheet = tmp_path / "verhaal.csv"
    sheet.write_text("titel,tekst,focus,diepte,thema,soorten,as-of\n"
                     "Het netwerk,Wie werkt met wie,,,,,\n"
                     "Zonder trekker,Wie pakt ze op?,,,,zonder trekker,2018\n"
                     "De universiteit,De spil van kennis,UvL,1,,,\n", encoding="utf-8")
    page = open_page(write_presentation(graph, sheet, tmp_path / "presentatie.html", sources))
    assert page.evaluate("document.body.dataset.slide") == "1"
    assert page.inner_text("#slide-title") == "Het netwerk"
    whole = shown(page)
    before = view_number(page)
    page.keyboard.press("ArrowRight")
    settled(page, before + 1)
    assert page.evaluate("document.body.dataset.slide") == "2"
    assert page.inner_text("#title") == "Zonder trekker"  # the header names the slide shown
    assert shown(page) < whole and page.is_checked("#only-orphans")
    assert "stand 2018" in page.inner_text("#slide")
    # The slide's as-of moves the time slider: the cards of October 2018 and their orphans.
    assert page.evaluate("graph071.moment()") == 2
    assert page.inner_text("#time-label") == "projectkaarten oktober 2018"
    orphans_2018 = {o["id"] for o in json.loads(graph071("--as-of", "2018-12", "orphans", "--json",
                                                          check=True).stdout)}
    assert {n for n in shown(page) if not n.startswith("theme:")} == orphans_2018
    page.screenshot(path=str(artifacts / "present_slide_2.png"))
    page.click("#slide")  # a click on the slide goes on too
    settled(page, before + 2)
    assert page.evaluate("network.getSelectedNodes()") == [UVL]
    assert page.inner_text("#title") == "De universiteit"
    assert page.inner_text("#time-label") == "projectkaarten januari 2022"  # no as-of: now
    page.screenshot(path=str(artifacts / "present_slide_3.png"))
    page.keyboard.press("ArrowLeft")
    settled(page, before + 3)
    assert page.evaluate("document.body.dataset.slide") == "2"


def test_a_wrong_slide_row_is_refused_with_its_row_and_column(graph, tmp_path):
    sheet = tmp_path / "verhaal.csv"
    sheet.write_text("titel,focus,diepte\nA,Nergensland,9\n", encoding="utf-8")
    result = graph071("presentatie", str(sheet), "-o", str(tmp_path / "p.html"))
    assert result.returncode == 1
    assert "rij 2, kolom 'focus'" in result.stderr and "rij 2, kolom 'diepte'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "p.html").exists()


def test_a_slide_as_of_before_the_corpus_is_refused_as_as_of_refuses_it(tmp_path):
    sheet = tmp_path / "verhaal.csv"
    sheet.write_text("titel,as-of\nVroeger,2010\n", encoding="utf-8")
    result = graph071("presentatie", str(sheet), "-o", str(tmp_path / "p.html"))
    assert result.returncode == 1 and "rij 2, kolom 'as-of'" in result.stderr
    assert "2013" in result.stderr and not (tmp_path / "p.html").exists()


def test_the_presentation_file_moves_the_slider_to_each_slide_s_as_of(tmp_path):
    sheet = tmp_path / "verhaal.csv"
    sheet.write_text("titel,as-of\nToen,2014\nLater,2019-06\nNu,\n", encoding="utf-8")
    written = tmp_path / "p.html"
    graph071("presentatie", str(sheet), "-o", str(written), check=True)
    payload = read_payload(written)
    labels = [payload["time"]["moments"][s["moment"]]["label"] if "moment" in s else None
              for s in payload["slides"]]
    assert labels == ["uitvoeringsprogramma 2013-2015", "projectkaarten juni 2019", None]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_map_png_is_a_1920x1080_picture_with_something_on_it(tmp_path, artifacts):
    result = graph071("map", "-o", str(tmp_path / "kaart.png"), check=True)
    assert "Afbeelding geschreven" in result.stdout
    data = (tmp_path / "kaart.png").read_bytes()
    assert png_size(data) == (1920, 1080)
    (artifacts / "present_kaart_1920x1080.png").write_bytes(data)
    from matplotlib.image import imread

    pixels = imread(str(tmp_path / "kaart.png"))
    colours = {tuple(p) for p in pixels[::7, ::7, :3].reshape(-1, 3).round(2).tolist()}
    assert len(colours) > 100  # not a blank page: nodes, edges, names in many colours
    assert (pixels[:, :, :3].mean(axis=2) < 0.5).mean() > 0.005  # dark ink: names and edges


def test_map_png_takes_a_size_and_svg_and_pdf_are_written_too(tmp_path):
    graph071("map", "-o", str(tmp_path / "klein.png"), "--size", "1280x720", check=True)
    assert png_size((tmp_path / "klein.png").read_bytes()) == (1280, 720)
    graph071("map", "-o", str(tmp_path / "kaart.svg"), check=True)
    import xml.etree.ElementTree as ET

    svg = ET.parse(tmp_path / "kaart.svg").getroot()
    assert (svg.get("width"), svg.get("height")) == ("1920", "1080")
    graph071("map", "-o", str(tmp_path / "kaart.pdf"), check=True)
    from pypdf import PdfReader

    pdf = PdfReader(tmp_path / "kaart.pdf")
    assert len(pdf.pages) == 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert abs(width - 842) < 3 and abs(height - 595) < 3  # A4 landscape, in points
    assert "Netwerkkaart Economie071" in pdf.pages[0].extract_text()


def test_map_refuses_an_extension_it_cannot_write(tmp_path):
    result = graph071("map", "-o", str(tmp_path / "kaart.docx"))
    assert result.returncode == 1 and not (tmp_path / "kaart.docx").exists()
    assert len(result.stderr.strip().splitlines()) == 1 and ".png" in result.stderr


def test_map_png_without_chromium_says_how_to_get_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "GRAPH071_CHROMIUM"}
    env["PATH"] = str(Path(sys.executable).parent)  # no chromium on this PATH
    result = graph071("map", "-o", str(tmp_path / "kaart.png"), env=env)
    assert result.returncode == 1 and not (tmp_path / "kaart.png").exists()
    assert "geen Chromium gevonden" in result.stderr and "apt install chromium" in result.stderr
    assert "Traceback" not in result.stderr
