"""The network map as a file: self-contained, stable, drawn in the schema's visual language,
focused as asked, and safe with any text a document may hold. (The browser tests are in
test_map_browser.py.)"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from graph071.errors import Graph071Error
from graph071.schema import EDGE_KINDS, HELIX_SIDES, NO_TREKKER, NODE_KINDS, Node
from graph071.viz import layout, payload
from graph071.viz.network_map import (lineage_positions, read_payload, render_page,
                                      write_lineage_map, write_map)
from graph071.viz.selection import View, parse_kinds, select

VIZ = Path(__file__).resolve().parent.parent / "viz"
HOSTILE = "<img src=x onerror=alert(1)>"


map_payload = read_payload  # the data a written map carries, read back from the file


def small_graph(name: str = "Stichting Voorbeeld") -> nx.MultiDiGraph:
    """Two organisations, two actions (one without trekker) and a theme."""
    graph = nx.MultiDiGraph()
    graph.add_node("theme:t/1", kind="Theme", name="Thema een", number=1, programme="t",
                   document="doc-t", line=3, quote="1. Thema een")
    graph.add_node("org:a", kind="Organisation", name=name, helix="ondernemers",
                   aliases=[name], document="organisations.csv", line=0, quote=name)
    graph.add_node("org:b", kind="Organisation", name="gemeente Voorbeeld", helix="overheid",
                   aliases=["gemeente Voorbeeld"], document="organisations.csv", line=0)
    for number, title in ((1, "Eerste actie"), (2, "Tweede actie")):
        graph.add_node(f"action:t/{number}", kind="Action", name=f"{number}. {title}",
                       number=number, title=title, document="doc-t", line=10 * number,
                       quote=f"{number}. {title} {HOSTILE}" if number == 2 else title)
        graph.add_edge(f"action:t/{number}", "theme:t/1", key="IN_THEME", kind="IN_THEME",
                       document="doc-t", line=10 * number, quote=title)
    graph.add_edge("org:a", "action:t/1", key="TREKKER", kind="TREKKER", role="trekker",
                   document="doc-t", line=11, quote=f"Trekker: {name}")
    graph.add_edge("org:b", "action:t/1", key="PARTNER", kind="PARTNER", role="partner",
                   document="doc-t", line=12, quote="Partners: gemeente Voorbeeld")
    graph.add_edge("org:a", "action:t/2", key="PARTNER", kind="PARTNER", role="partner",
                   document="doc-t", line=21, quote=f"Partners: {name}")
    return graph


@pytest.fixture(scope="module")
def bundled_map(graph, tmp_path_factory) -> Path:
    return write_map(graph, tmp_path_factory.mktemp("map") / "kaart.html")



def test_the_map_file_loads_nothing_from_anywhere(bundled_map):
    html = bundled_map.read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|iframe)[^>]*\bsrc\s*=", html, re.IGNORECASE)
    assert not re.search(r"<link\b", html, re.IGNORECASE)
    assert "@import" not in html
    assert "default-src 'none'" in html  # and the page forbids itself any request
    assert "vis-network" in html and "@license" in html  # inlined with its licence header


def test_the_same_graph_gives_the_same_file(graph, tmp_path):
    first = write_map(graph, tmp_path / "een.html").read_bytes()
    second = write_map(graph, tmp_path / "twee.html").read_bytes()
    assert first == second


def test_positions_do_not_depend_on_the_order_nodes_were_added():
    graph = small_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    assert layout.positions(graph) == layout.positions(shuffled)


def test_every_node_of_the_overview_is_on_the_map_except_documents(graph, bundled_map):
    drawn = {node["id"] for node in map_payload(bundled_map)["nodes"]}
    expected = {n for n, d in graph.nodes(data=True) if d["kind"] != "Document"}
    assert drawn == expected


def test_no_two_labels_cover_each_other_on_the_bundled_map(bundled_map):
    nodes = map_payload(bundled_map)["nodes"]
    boxes = [(n["x"], n["y"], *payload.label_box(n)) for n in nodes]
    covered = [(nodes[i]["id"], nodes[j]["id"])
               for i, (x1, y1, w1, h1) in enumerate(boxes)
               for j, (x2, y2, w2, h2) in enumerate(boxes[:i])
               if abs(x1 - x2) < (w1 + w2) / 2 and abs(y1 - y2) < (h1 + h2) / 2]
    assert covered == []


def test_colours_shapes_and_labels_come_from_the_schema(bundled_map):
    legend = map_payload(bundled_map)["legend"]
    for kind in legend["kinds"]:
        declared = NODE_KINDS[kind["name"]]
        assert (kind["label"], kind["color"], kind["shape"]) == (declared.label_nl, declared.color,
                                                                 declared.shape)
    for side in legend["sides"]:
        assert (side["label"], side["color"]) == (HELIX_SIDES[side["name"]].label_nl,
                                                  HELIX_SIDES[side["name"]].color)
    for edge in legend["edges"]:
        declared = EDGE_KINDS[edge["name"]]
        assert (edge["label"], edge["color"], edge["width"], edge["dashes"], edge["arrow"]) == (
            declared.label_nl, declared.color, declared.width, declared.dashes, declared.arrow)
    assert legend["mark"]["color"] == NO_TREKKER.color


def test_no_schema_colour_is_written_again_in_the_map_code():
    colours = {k.color.lower() for k in NODE_KINDS.values()}
    colours |= {k.color.lower() for k in EDGE_KINDS.values()}
    colours |= {s.color.lower() for s in HELIX_SIDES.values()} | {NO_TREKKER.color.lower()}
    for path in [*VIZ.glob("*.py"), *VIZ.glob("*.html")]:
        text = path.read_text(encoding="utf-8").lower()
        assert not [c for c in colours if c in text], path.name


def test_organisations_are_coloured_by_triple_helix_side(bundled_map):
    nodes = {n["id"]: n for n in map_payload(bundled_map)["nodes"]}
    assert nodes["org:gemeente-leiden"]["side"] == "overheid"
    assert nodes["org:universiteit-leiden"]["side"] == "onderwijs/kennis"


def test_gemeente_leiden_is_drawn_bigger_than_an_organisation_with_one_role(graph, bundled_map):
    from graph071.analytics.roles import hubs

    nodes = {n["id"]: n for n in map_payload(bundled_map)["nodes"]}
    small = min(hubs(graph, top=None), key=lambda row: row["score"])["id"]
    assert nodes["org:gemeente-leiden"]["size"] > nodes[small]["size"]
    assert nodes["org:gemeente-leiden"]["landmark"] is True


def test_action_17_stands_out_as_geen_trekker(bundled_map):
    nodes = {n["id"]: n for n in map_payload(bundled_map)["nodes"]}
    action = nodes["action:2013-2015/17"]
    assert action["orphan"] is True
    assert action["label"].endswith("\ngeen trekker")
    assert action["info"]["warning"] == "geen trekker"
    assert ["Trekker", "geen trekker (“onbekend”)"] in action["info"]["rows"]
    assert "orphan" not in nodes["action:2013-2015/1"]


def test_a_tooltip_gives_name_role_and_the_quote_with_document_and_line(bundled_map):
    data = map_payload(bundled_map)
    nodes = {n["id"]: n for n in data["nodes"]}
    info = nodes["action:2013-2015/17"]["info"]
    assert info["title"] == "17. Haalbaarheidsstudie bedrijfshuisvesting"
    assert info["kind"] == "Actie"
    assert info["source"] == "uitvoeringsprogramma-2013-2015, regel 638"
    assert info["quote"].startswith("17. Haalbaarheidsstudie")
    partner = next(e for e in data["edges"]
                   if e["to"] == "action:2013-2015/17" and e["kind"] == "PARTNER")
    assert partner["info"]["source"].startswith("uitvoeringsprogramma-2013-2015, regel ")
    assert partner["info"]["quote"]


def test_a_hostile_name_is_never_written_as_html(tmp_path):
    page = write_map(small_graph(HOSTILE), tmp_path / "kaart.html").read_text(encoding="utf-8")
    assert "<img" not in page.lower()
    assert "onerror=alert(1)\\u003e" in page  # the name is there, as escaped data
    script_end = render_page({**map_payload(tmp_path / "kaart.html"),
                              "title": "</script><script>alert(2)</script>"})
    assert "<script>alert(2)" not in script_end


def test_search_finds_a_node_by_alias_and_by_action_number(bundled_map):
    nodes = {n["id"]: n for n in map_payload(bundled_map)["nodes"]}
    assert "UvL" in nodes["org:universiteit-leiden"]["names"]
    assert "Actie 17" in nodes["action:2013-2015/17"]["names"]


def test_focus_on_uvl_shows_uvl_and_its_direct_neighbours(graph):
    shown = select(graph, View(focus="UvL", depth=1))
    neighbours = set(nx.all_neighbors(graph, "org:universiteit-leiden")) - {
        n for n, d in graph.nodes(data=True) if d["kind"] == "Document"}
    assert set(shown) == neighbours | {"org:universiteit-leiden"}


def test_focus_takes_an_action_number(graph):
    shown = select(graph, View(focus="actie 17", depth=1))
    assert "action:2013-2015/17" in shown and "org:regiogemeenten" in shown


def test_a_deeper_focus_shows_more(graph):
    assert len(select(graph, View(focus="UvL", depth=2))) > len(select(graph, View(focus="UvL")))


def test_theme_2_shows_its_actions_and_who_works_on_them_but_no_other_themes(graph):
    shown = select(graph, View(theme="Ondernemerschap & starters"))
    assert {"theme:2013-2015/2", "action:2013-2015/17", "org:regiogemeenten"} <= set(shown)
    kinds_of_themes = {n for n, d in shown.nodes(data=True) if d["kind"] == "Theme"}
    assert kinds_of_themes == {"theme:2013-2015/2"}
    assert "action:2013-2015/1" not in shown  # an action of theme 1


def test_kinds_can_be_named_in_dutch_or_english():
    assert parse_kinds(["organisatie", "Actie", "Project"]) == ("Organisation", "Action", "Project")


def test_only_organisations_and_actions_when_asked(graph):
    shown = select(graph, View(kinds=parse_kinds(["Organisatie", "Actie"])))
    assert {d["kind"] for _, d in shown.nodes(data=True)} == {"Organisation", "Action"}


def test_an_edition_shows_what_that_edition_says(graph):
    shown = select(graph, View(edition="2013"))
    assert "action:2013-2015/17" in shown
    assert not [n for n, d in shown.nodes(data=True)
                if d["kind"] == "Project" and not any(str(e).startswith("2013")
                                                      for e in d.get("editions") or [])]


@pytest.mark.parametrize("view, words", [
    (View(kinds=("Organisation",), focus="actie 17"), "staat niet op deze kaart"),
    (View(theme="99"), "geen thema '99'"),
    (View(edition="1999"), "geen editie '1999'"),
    (View(focus="Gemeente Leidn"), "bedoelde u 'gemeente Leiden'"),
])
def test_a_view_that_cannot_be_drawn_says_what_to_do(graph, view, words):
    with pytest.raises(Graph071Error) as error:
        select(graph, view)
    assert words in str(error.value)


def test_an_unknown_kind_lists_the_kinds_there_are():
    with pytest.raises(Graph071Error, match=r"onbekende knoopsoort 'Bedrijf'.*Organisation \(Organisatie\)"):
        parse_kinds(["Bedrijf"])


def test_a_new_node_kind_just_works(tmp_path, monkeypatch):
    from graph071 import schema

    monkeypatch.setitem(schema.NODE_KINDS, "Meeting", schema.NodeKind(
        "Meeting", "Bijeenkomst", "meeting", "#123456", "star"))
    graph = small_graph()
    graph.add_node("meeting:1", kind="Meeting", name="Ondernemersdag", document="doc-t", line=5)
    graph.add_edge("org:a", "meeting:1", key="LINKS_TO", kind="LINKS_TO", document="doc-t", line=5)
    legend = map_payload(write_map(graph, tmp_path / "kaart.html"))["legend"]
    assert {"name": "Meeting", "label": "Bijeenkomst", "color": "#123456", "shape": "star",
            "count": 1} in legend["kinds"]


def test_the_lineage_map_runs_left_to_right_by_edition(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("action:t/5", kind="Action", name="5. Oude actie", editions=["2013-10"])
    graph.add_node("project:b", kind="Project", name="Nieuw project", editions=["2018-10", "2019-06"])
    graph.add_node("project:c", kind="Project", name="Nieuwer project", editions=["2022-01"])
    graph.add_edge("project:b", "action:t/5", key="SUCCEEDS", kind="SUCCEEDS", document="d", line=1)
    graph.add_edge("project:c", "project:b", key="SUCCEEDS", kind="SUCCEEDS", document="d", line=2)
    chain = ["action:t/5", "project:b", "project:c"]
    places, axis = lineage_positions(graph, chain)
    assert places["action:t/5"][0] < places["project:b"][0] < places["project:c"][0]
    assert [tick["label"] for tick in axis] == ["2013-10", "2018-10", "2022-01"]
    data = map_payload(write_lineage_map(graph, chain, tmp_path / "lijn.html"))
    assert data["mode"] == "lineage" and len(data["nodes"]) == 3 and len(data["edges"]) == 2


def test_the_map_command_writes_the_file_and_names_it(tmp_path):
    target = tmp_path / "kaart.html"
    result = subprocess.run([sys.executable, "-m", "graph071", "map", "--focus", "UvL",
                             "--depth", "2", "--kind", "Organisatie", "--kind", "Actie",
                             "-o", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"Kaart geschreven: {target}" in result.stdout
    assert {n["kind"] for n in map_payload(target)["nodes"]} == {"Organisation", "Action"}


def test_a_mistake_in_the_map_command_is_one_line_and_exit_code_1(tmp_path):
    result = subprocess.run([sys.executable, "-m", "graph071", "map", "--theme", "99",
                             "-o", str(tmp_path / "k.html")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Fout: geen thema '99' (thema's: 1. ")
    assert "Traceback" not in result.stderr


def test_lineage_map_of_talent_op_maat_runs_from_2019_to_wijij_in_2022(tmp_path):
    target = tmp_path / "lijn.html"
    result = subprocess.run([sys.executable, "-m", "graph071", "lineage", "Talent op Maat",
                             "--json", "--map", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Talent op Maat"  # --json output stays clean
    assert f"Tijdlijn geschreven: {target}" in result.stderr
    data = map_payload(target)
    x = {n["info"]["title"]: n["x"] for n in data["nodes"]}
    assert x["Talent op Maat"] < x["WIJIJ"]
    assert [tick["label"] for tick in data["axis"]] == ["2019-06", "2022-01"]


def test_an_inferred_succession_is_drawn_dashed_and_says_it_is_inferred(graph):
    from graph071.viz.payload import build_payload

    payload = build_payload(graph, title="test")
    inferred = [e for e in payload["edges"] if e.get("inferred")]
    assert inferred, "the bundled corpus has inferred links to 2013-2015 actions"
    assert all(e["kind"] == "SUCCEEDS" for e in inferred)
    assert all(e["info"]["rows"][0][0] == "Afgeleid" for e in inferred)
    explicit = [e for e in payload["edges"] if e["kind"] == "SUCCEEDS" and not e.get("inferred")]
    assert explicit and not any(row[0] == "Afgeleid" for e in explicit
                                for row in e["info"].get("rows", []))


# ---------------------------------------------------------------- moments and programmes

def test_the_slider_lists_per_moment_the_orphans_and_hubs_the_commands_give(graph, bundled_map):
    import graph071

    net = graph071.Network(graph)
    moments = map_payload(bundled_map)["time"]["moments"]
    assert moments[0]["orphans"] == ["action:2013-2015/17", "action:2013-2015/39",
                                     "action:2013-2015/42"]
    assert sorted(moments[-1]["orphans"]) == sorted(o["id"] for o in net.orphans(rows=True))
    assert [h[0] for h in moments[0]["hubs"][:3]] == \
        [h["id"] for h in net.at("2014").hubs(top=3, rows=True)]
    # A project without a trekker in June 2019 only is marked too, so the slider can show it.
    marked = {n["id"] for n in map_payload(bundled_map)["nodes"] if n.get("orphan")}
    assert {o for m in moments for o in m["orphans"]} <= marked


def test_with_two_programmes_every_action_says_its_programme(graph, tmp_path):
    from graph071.build.pipeline import build
    from graph071.viz.network_map import map_payload as payload_of

    from .conftest import two_programme_corpus

    two = build(two_programme_corpus(tmp_path / "corpus")).graph
    nodes = {n["id"]: n for n in payload_of(two, View())["nodes"]}
    first, second = nodes["action:2013-2015/17"], nodes["action:2016-2018/17"]
    assert (first["ref"], second["ref"]) == ("2013-2015/17", "2016-2018/17")
    assert "(2013-2015)" in first["label"].split("\n") and "(2016-2018)" in second["label"].split("\n")
    assert first["info"]["title"] != second["info"]["title"]
    assert "Actie 17" not in first["names"] and "Actie 2013-2015/17" in first["names"]
    # A view of one programme's action still says which: the corpus has two.
    focused = {n["id"]: n for n in payload_of(two, View(focus="2013-2015/17"))["nodes"]}
    assert "(2013-2015)" in focused["action:2013-2015/17"]["label"].split("\n")
    # With one programme (the bundled corpus) the plain numbers stay.
    alone = {n["id"]: n for n in payload_of(graph, View(focus="17"))["nodes"]}["action:2013-2015/17"]
    assert "Actie 17" in alone["names"] and "2013-2015" not in alone["label"]


# ---------------------------------------------------------------- the vector SVG

SVG_NS = "{http://www.w3.org/2000/svg}"


def test_map_svg_is_vector_shapes_and_text_with_the_orphans_and_themes_by_name(graph, tmp_path):
    import xml.etree.ElementTree as ET

    from graph071.analytics.time import as_of
    from graph071.viz.network_map import map_payload as payload_of

    from .conftest import run  # inside: test_map_browser loads this module by path

    written = tmp_path / "kaart.svg"
    run("--as-of", "2014", "map", "-o", str(written), "--size", "1600x900")
    svg = ET.parse(written).getroot()
    assert svg.tag == SVG_NS + "svg" and svg.get("viewBox") == "0 0 1600 900"
    assert (svg.get("width"), svg.get("height")) == ("1600", "900")
    assert not list(svg.iter(SVG_NS + "image")) and b"base64" not in written.read_bytes()
    expected = payload_of(as_of(graph, "2014"), View())
    on_map = [n for n in expected["nodes"] if n["kind"] not in expected["start_hidden"]]
    nodes = svg.find(f"{SVG_NS}g[@id='nodes']")
    shapes = [child.tag for group in nodes for child in group if child.tag != SVG_NS + "title"]
    assert len(shapes) == len(on_map)
    assert {SVG_NS + "circle", SVG_NS + "rect", SVG_NS + "path"} <= set(shapes)
    assert len(svg.find(f"{SVG_NS}g[@id='edges']")) > 100
    texts = [t.text for t in svg.iter(SVG_NS + "text")]
    # The orphans 17, 39 and 42 and the six themes of 2013-2015 are named on the picture.
    for node in on_map:
        if node.get("orphan") or node["kind"] == "Theme":
            first_line = (node.get("short") or node["label"]).split("\n")[0]
            assert first_line in texts, first_line
    assert "Netwerkkaart Economie071" in texts and "rode rand: geen trekker (3)" in " ".join(texts)


def test_map_svg_of_now_names_the_orphans_of_the_latest_editions(graph, tmp_path):
    import xml.etree.ElementTree as ET

    import graph071

    from .conftest import run

    written = tmp_path / "kaart.svg"
    run("map", "-o", str(written))
    svg = ET.parse(written).getroot()
    assert svg.get("viewBox") == "0 0 1920 1080"
    texts = " ".join(t.text for t in svg.iter(SVG_NS + "text"))
    now = graph071.Network(graph).orphans(rows=True)
    assert len(now) == 4 and f"geen trekker ({len(now)})" in texts
    for orphan in now:
        assert orphan["name"].split()[0] in texts, orphan["name"]
    assert "Haalbaarheidsstudie" not in texts  # action 17 is of 2013-2015: faded, not named


def test_the_svg_of_now_is_framed_on_the_latest_state_not_on_every_edition(graph, tmp_path):
    from graph071.viz.network_map import map_payload as payload_of
    from graph071.viz.svg import HEADER_PX, LEGEND_PX, MARGIN_PX, svg_of_map

    payload = payload_of(graph, View())
    now = payload["time"]["moments"][payload["time"]["start"]]
    svg = svg_of_map(payload, (1920, 1080)).decode("utf-8")
    # The picture's zoom, from where two organisations of now are drawn.
    places = {n["id"]: n for n in payload["nodes"]}
    first, second = now["hubs"][0][0], now["hubs"][1][0]

    def drawn_at(node: str) -> tuple[float, float]:
        shape = svg.split(f"<title>{places[node]['info']['title']}</title>")[1]
        return float(shape.split('cx="')[1].split('"')[0]), float(shape.split('cy="')[1].split('"')[0])

    (x1, y1), (x2, y2) = drawn_at(first), drawn_at(second)
    zoom = math.dist((x1, y1), (x2, y2)) / math.dist((places[first]["x"], places[first]["y"]),
                                                     (places[second]["x"], places[second]["y"]))
    on_map = [n for n in payload["nodes"] if n["kind"] not in payload["start_hidden"]]
    span_x = max(n["x"] for n in on_map) - min(n["x"] for n in on_map)
    span_y = max(n["y"] for n in on_map) - min(n["y"] for n in on_map)
    whole = min((1920 - LEGEND_PX - 2 * MARGIN_PX) / span_x, (1080 - HEADER_PX - 2 * MARGIN_PX) / span_y)
    assert zoom > 1.5 * whole
    for node in now["orphans"] + [hub for hub, _ in now["hubs"][:8]]:
        if places[node]["kind"] == Node.ORGANISATION:
            x, y = drawn_at(node)
            assert 0 < x < 1920 - LEGEND_PX and HEADER_PX - 20 < y < 1080, node


def test_the_layout_puts_the_centre_nodes_in_the_middle_of_their_part():
    chain = nx.MultiDiGraph([(f"n{i}", f"n{i + 1}") for i in range(12)])
    def middle(places: dict) -> np.ndarray:
        return np.mean(list(places.values()), axis=0)

    plain = layout.positions(chain)
    pulled = layout.positions(chain, centre={"n0", "n1"})
    assert (math.dist(pulled["n0"], middle(pulled)) < 0.6 * math.dist(plain["n0"], middle(plain)))
    assert layout.positions(chain, centre={"n0", "n1"}) == pulled  # one layout, every time

