"""The network map in a real headless Chromium (Debian's, driven by Playwright), with the
network cable pulled: every request that is not the file itself is blocked and counted."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page

from graph071.viz.network_map import read_payload as map_payload
from graph071.viz.network_map import write_lineage_map, write_map
from graph071.viz.selection import View, select


def _sibling(name: str):
    # The suite imports test modules by path (--import-mode=importlib), so the example
    # graphs of test_map.py are loaded the same way rather than copied here.
    spec = importlib.util.spec_from_file_location(f"_graph071_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_examples = _sibling("test_map")
HOSTILE, small_graph = _examples.HOSTILE, _examples.small_graph

pytestmark = pytest.mark.browser
SCREEN = {"width": 1600, "height": 1000}


@dataclass
class OpenMap:
    """A map page and everything it tried to do that a presenter would not want."""

    page: Page
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def node_on_screen(self, node: str) -> tuple[float, float]:
        """Where `node` is drawn, in page coordinates."""
        return tuple(self.page.evaluate("""(id) => {
            const box = document.getElementById("network").getBoundingClientRect();
            const at = network.canvasToDOM(network.getPositions([id])[id]);
            return [box.left + at.x, box.top + at.y];
        }""", node))

    def wait_until_still(self) -> None:
        """Wait for the page to say its focus animation has ended (body[data-view=still])."""
        self.page.wait_for_selector("body[data-view='still']", state="attached", timeout=30_000)

    def hover(self, node: str) -> str:
        """Point at `node` and return the tooltip's text."""
        x, y = self.node_on_screen(node)
        self.page.mouse.move(x - 30, y - 30)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_selector("#tooltip:not([hidden])")
        return self.page.inner_text("#tooltip")


@pytest.fixture
def open_map(browser):
    pages = []

    def opener(path: Path) -> OpenMap:
        page = browser.new_page(viewport=SCREEN)
        seen = OpenMap(page)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("console", lambda message: seen.errors.append(message.text)
                if message.type == "error" else None)

        def dialog(d):
            seen.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

        def route(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                seen.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        # A selector, not a JavaScript predicate: the page's own security policy forbids eval.
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=30_000)
        pages.append(page)
        return seen

    yield opener
    for page in pages:
        page.close()


@pytest.fixture(scope="module")
def bundled_map(graph, tmp_path_factory) -> Path:
    return write_map(graph, tmp_path_factory.mktemp("browser") / "kaart.html")


def drawn_nodes(seen: OpenMap) -> int:
    return seen.page.evaluate("network.body.nodeIndices.length")


def test_the_bundled_map_works_offline_draws_every_node_and_raises_no_error(
        graph, bundled_map, open_map, artifacts):
    seen = open_map(bundled_map)
    seen.wait_until_still()
    seen.page.screenshot(path=str(artifacts / "map_bundled_1600x1000.png"))
    assert seen.blocked == []
    assert seen.requests == [bundled_map.resolve().as_uri()]
    assert seen.errors == []
    payload = map_payload(bundled_map)
    assert len(payload["nodes"]) == len(select(graph, View()))
    # The overview opens without people and the Index071 cluster; one click brings them back.
    assert drawn_nodes(seen) == sum(1 for n in payload["nodes"] if n["kind"] not in payload["start_hidden"])
    seen.page.click("#reset")
    assert drawn_nodes(seen) == len(payload["nodes"])
    assert seen.page.evaluate("network.physics.options.enabled") is False  # nothing moves


def test_the_search_finds_uvl_and_focuses_universiteit_leiden(bundled_map, open_map, artifacts):
    seen = open_map(bundled_map)
    seen.page.fill("#search", "UvL")
    assert "Universiteit Leiden" in seen.page.inner_text("#suggestions")
    seen.page.press("#search", "Enter")
    seen.wait_until_still()  # the page's own word that the focus animation has ended
    assert seen.page.evaluate("network.getSelectedNodes()") == ["org:universiteit-leiden"]
    assert seen.page.inner_text("#details").startswith("Universiteit Leiden")
    x, y = seen.node_on_screen("org:universiteit-leiden")
    box = seen.page.evaluate("(() => { const b = document.getElementById('network')"
                             ".getBoundingClientRect(); return [b.left + b.width / 2,"
                             " b.top + b.height / 2]; })()")
    assert abs(x - box[0]) < 2 and abs(y - box[1]) < 2  # centred on the screen
    seen.page.screenshot(path=str(artifacts / "map_search_uvl.png"))
    # Dimming the rest keeps every edge in its own kind's colour (not its node's).
    legend = {e["name"]: e["color"] for e in map_payload(bundled_map)["legend"]["edges"]}
    colours = seen.page.evaluate("graph071.payload.edges.map((e, i) => [e.kind,"
                                 " graph071.edges.get(i).color.color,"
                                 " graph071.edges.get(i).color.inherit])")
    assert all(colour == legend[kind] and inherit is False for kind, colour, inherit in colours)
    assert seen.errors == [] and seen.blocked == []


def test_hovering_action_17_shows_geen_trekker_and_the_source_line(bundled_map, open_map):
    seen = open_map(bundled_map)
    seen.page.evaluate("graph071.showMoment(0)")  # the map opens today; action 17 is of 2013-2015
    seen.page.evaluate("network.moveTo({position: network.getPositions(['action:2013-2015/17'])"
                       "['action:2013-2015/17'], scale: 1})")
    seen.wait_until_still()
    text = seen.hover("action:2013-2015/17")
    assert "17. Haalbaarheidsstudie bedrijfshuisvesting" in text
    assert "geen trekker" in text
    assert "Bron: uitvoeringsprogramma-2013-2015, regel 638" in text
    # A click shows the same facts once: in the panel, and the tooltip goes away.
    x, y = seen.node_on_screen("action:2013-2015/17")
    seen.page.mouse.click(x, y)
    seen.page.wait_for_selector("#details:not([hidden])")
    assert seen.page.is_hidden("#tooltip")
    assert "17. Haalbaarheidsstudie bedrijfshuisvesting" in seen.page.inner_text("#details")
    seen.page.mouse.move(x + 2, y + 1)
    assert seen.page.is_hidden("#tooltip")


def test_a_hostile_name_shows_as_text_and_runs_nothing(tmp_path, open_map, artifacts):
    graph = small_graph(HOSTILE)
    graph.nodes["theme:t/1"]["name"] = f"Thema {HOSTILE}"
    seen = open_map(write_map(graph, tmp_path / "kaart.html"))
    text = seen.hover("org:a")
    assert HOSTILE in text
    seen.page.fill("#search", "onerror")
    assert HOSTILE in seen.page.inner_text("#suggestions")
    seen.page.press("#search", "Enter")
    seen.wait_until_still()
    assert HOSTILE in seen.page.inner_text("#details")
    seen.hover("action:t/2")  # its quote holds the name too
    seen.page.screenshot(path=str(artifacts / "map_hostile_name.png"))
    assert seen.page.evaluate("document.querySelectorAll('img, script[src], iframe').length") == 0
    assert seen.dialogs == []
    assert seen.errors == [] and seen.blocked == []


def test_the_kind_boxes_and_the_theme_list_filter_the_map(graph, bundled_map, open_map):
    seen = open_map(bundled_map)
    seen.page.click("#reset")  # everything, people and the monitor too
    organisations = sum(1 for n in map_payload(bundled_map)["nodes"] if n["kind"] == "Organisation")
    seen.page.uncheck("#legend-kinds input[data-kind='Organisation']")
    assert drawn_nodes(seen) == len(map_payload(bundled_map)["nodes"]) - organisations
    seen.page.click("#reset")
    assert drawn_nodes(seen) == len(map_payload(bundled_map)["nodes"])
    themes = map_payload(bundled_map)["themes"]
    index = next(i for i, t in enumerate(themes) if t["id"] == "theme:2013-2015/2")
    seen.page.select_option("#theme-filter", str(index))
    shown = set(seen.page.evaluate(
        "graph071.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id)"))
    assert shown == set(select(graph, View(theme="Ondernemerschap & starters")))


def test_the_lineage_map_draws_its_chain_offline(tmp_path, open_map, artifacts):
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("action:t/5", kind="Action", name="5. Oude actie", editions=["2013-10"])
    graph.add_node("project:b", kind="Project", name="Nieuw project", editions=["2018-10"])
    graph.add_edge("project:b", "action:t/5", key="SUCCEEDS", kind="SUCCEEDS", document="d",
                   line=1, quote="gaat verder als")
    seen = open_map(write_lineage_map(graph, ["action:t/5", "project:b"], tmp_path / "lijn.html"))
    seen.page.screenshot(path=str(artifacts / "map_lineage.png"))
    assert drawn_nodes(seen) == 2
    assert seen.errors == [] and seen.blocked == []


# ---------------------------------------------------------------- the time slider

def test_the_time_slider_changes_what_is_drawn_and_the_layout_does_not_move(bundled_map, open_map,
                                                                           artifacts):
    seen = open_map(bundled_map)
    payload = map_payload(bundled_map)
    moments = payload["time"]["moments"]
    assert seen.page.evaluate("graph071.moment()") == payload["time"]["start"] == len(moments) - 1
    assert seen.page.inner_text("#time-label") == "projectkaarten januari 2022"

    def drawn():
        return seen.page.evaluate("""() => {
            const faded = graph071.nodes.get({filter: (n) => n.opacity !== undefined && n.opacity < 1});
            const hidden = graph071.edges.get({filter: (e) => e.hidden});
            return [faded.map((n) => n.id).sort(), hidden.length, network.getPositions()];
        }""")

    faded_now, hidden_now, positions_now = drawn()
    assert "action:2013-2015/17" in faded_now and "project:centrum-voor-vitaliteit" in faded_now
    slider = seen.page.locator("#time-slider")
    slider.focus()
    seen.page.keyboard.press("Home")  # the first edition: the programme 2013-2015
    assert seen.page.evaluate("graph071.moment()") == 0
    assert seen.page.inner_text("#time-label") == "uitvoeringsprogramma 2013-2015"
    faded_then, hidden_then, positions_then = drawn()
    assert "action:2013-2015/17" not in faded_then and "project:centrum-voor-vitaliteit" in faded_then
    assert faded_then != faded_now and hidden_then != hidden_now
    assert positions_then == positions_now  # the layout does not move
    seen.page.screenshot(path=str(artifacts / "map_time_2013.png"))
    assert seen.errors == []


def on_canvas(seen: OpenMap, node: str) -> tuple[float, float]:
    """Where `node` is drawn, in pixels from the map's top left corner."""
    return tuple(seen.page.evaluate("""(id) => {
        const at = network.canvasToDOM(network.getPositions([id])[id]);
        return [at.x, at.y];
    }""", node))


def test_the_map_opens_framed_on_the_latest_state_with_its_orphans_and_hubs_readable(
        bundled_map, open_map, artifacts):
    seen = open_map(bundled_map)
    seen.page.wait_for_selector("body[data-settled='true']", state="attached", timeout=30_000)
    seen.page.screenshot(path=str(artifacts / "map_opening_latest_state.png"))
    payload = map_payload(bundled_map)
    now = payload["time"]["moments"][payload["time"]["start"]]
    kinds = {n["id"]: n["kind"] for n in payload["nodes"]}
    projects = {n for n in now["nodes"] if kinds[n] == "Project"}  # who works on what now
    wanted = set(now["orphans"]) | {hub for hub, _ in now["hubs"][:8]} | projects
    canvas = seen.page.evaluate("""() => {
        const box = document.getElementById("network").getBoundingClientRect();
        return [box.width, box.height];
    }""")
    # Each orphan and top hub of now is on the screen with its name drawn in full size.
    labels = {label["id"]: label for label in seen.page.evaluate("graph071.labels()")}
    for node in wanted:
        x, y = on_canvas(seen, node)
        assert 0 <= x <= canvas[0] and 0 <= y <= canvas[1], node
        assert node in labels and labels[node]["px"] >= 14, node
        assert labels[node]["left"] >= 0 and labels[node]["right"] <= canvas[0], node
    # Framed on now, not on every edition: at least half as large again as the whole.
    opening = seen.page.evaluate("network.getScale()")
    whole = seen.page.evaluate("""() => {
        const ids = graph071.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id);
        const view = [network.getViewPosition(), network.getScale()];
        network.fit({nodes: ids, animation: false});
        const scale = network.getScale();
        network.moveTo({position: view[0], scale: view[1], animation: false});
        return scale;
    }""")
    assert opening > 1.5 * whole


def test_moving_the_slider_keeps_the_camera_and_passend_fits_the_moment(bundled_map, open_map):
    seen = open_map(bundled_map)
    seen.page.wait_for_selector("body[data-settled='true']", state="attached", timeout=30_000)
    camera = "[network.getViewPosition(), network.getScale(), network.getPositions()]"
    before = seen.page.evaluate(camera)
    seen.page.locator("#time-slider").focus()
    seen.page.keyboard.press("Home")  # 2013-2015
    assert seen.page.evaluate(camera) == before  # no jump, and the layout does not move
    seen.page.click("#fit-moment")
    seen.wait_until_still()
    seen.page.wait_for_selector("body[data-settled='true']", state="attached", timeout=30_000)
    then = map_payload(bundled_map)["time"]["moments"][0]
    width, height = seen.page.evaluate("""() => {
        const box = document.getElementById("network").getBoundingClientRect();
        return [box.width, box.height];
    }""")
    for node in then["orphans"]:  # actions 17, 39 and 42 come into view
        x, y = on_canvas(seen, node)
        assert 0 <= x <= width and 0 <= y <= height, node
    assert seen.page.evaluate("network.getPositions()") == before[2]
    assert seen.page.inner_text("#fit-moment") == "⤢ passend op deze stand"


def test_the_subtitle_counts_what_is_drawn_for_the_moment(bundled_map, open_map):
    seen = open_map(bundled_map)
    payload = map_payload(bundled_map)
    now = payload["time"]["moments"][payload["time"]["start"]]
    kinds = {n["id"]: n["kind"] for n in payload["nodes"]}
    drawn = [n for n in now["nodes"] if kinds[n] not in payload["start_hidden"]]
    assert len(drawn) < len(now["nodes"]) < len(payload["nodes"])
    assert seen.page.inner_text("#subtitle") == (
        f"{len(drawn)} van de {len(now['nodes'])} knopen van deze stand in beeld")
    seen.page.click("#reset")  # every kind: all that holds now is drawn, the faded rest not counted
    edges = seen.page.evaluate("graph071.edges.get({filter: (e) => !e.hidden}).length")
    assert seen.page.inner_text("#subtitle") == (
        f"{len(now['nodes'])} knopen · {edges} verbindingen op deze stand")
