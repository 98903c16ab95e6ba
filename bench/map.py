"""How fast a big map opens: graph071's map against pyvis's default output, same graph, same run.

For synthetic graphs of 2,000 and 5,000 nodes (bench/synthetic.py, shaped like the
bundled corpus) it writes both maps and opens each in headless Chromium (Debian's,
through Playwright) with every request to another host blocked, then reports:

- write s:   Python time to write the HTML file (graph071: layout included)
- MB:        file size (pyvis's default also needs lib/ and four CDN files beside it)
- drawn s:   from opening the page to the first frame with the nodes on it
- settled s: from opening the page to a still layout (physics stopped)
- requests:  requests to other hosts (blocked; pyvis's vis-network is served locally
             from its own package so that it can draw at all, with the CDN integrity
             hashes taken out of its page because that copy is a different build)

Target: a 5,000-node graph071 map is interactive (drawn and settled) within 3 s.

    .venv/bin/python bench/map.py [--sizes 2000 5000] [--runs 3] [--pyvis-runs 1] [--timeout 240]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from importlib import resources
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from graph071.viz.network_map import write_map
from synthetic import synthetic_graph

from graph071.schema import EDGE_KINDS, NODE_KINDS

OUT = Path(__file__).resolve().parent.parent / "out" / "bench" / "map"
STABILIZATION_ITERATIONS = 1000  # vis-network's default, which pyvis keeps
CHROMIUM = "/usr/bin/chromium"
SCREEN = {"width": 1600, "height": 1000}

# Runs before the page's own scripts. Both pages assign the vis.Network they create to a
# global `network` (pyvis: `network = new vis.Network(...)`; graph071: window.network),
# so a setter on window catches it the moment it exists, before its first frame.
PROBE = """
window.__bench = {drawn: null, settled: null, iterationsDone: null};
(() => {
  let current;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return current; },
    set(value) {
      current = value;
      const physics = value.physics && value.physics.options && value.physics.options.enabled;
      value.once("afterDrawing", () => {
        window.__bench.drawn = performance.now();
        if (!physics) window.__bench.settled = window.__bench.drawn;
      });
      value.once("stabilizationIterationsDone", () => { window.__bench.iterationsDone = performance.now(); });
      value.on("stabilized", () => {
        if (window.__bench.drawn !== null && window.__bench.settled === null) window.__bench.settled = performance.now();
      });
    },
  });
})();
"""


def graph_of(size: int) -> nx.MultiDiGraph:
    """Return a synthetic graph of exactly `size` nodes, without document nodes."""
    programmes = 1
    while True:
        graph = synthetic_graph(programmes)
        graph.remove_nodes_from([n for n, d in list(graph.nodes(data=True))
                                 if d["kind"] == "Document"])
        if len(graph) >= size:
            break
        programmes = max(programmes + 1, int(programmes * size / max(len(graph), 1)))
    # Trim the organisations with the fewest ties (the long tail of the pool) to hit `size`.
    spare = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "Organisation"),
                   key=lambda n: (graph.degree(n), n))
    graph.remove_nodes_from(spare[:len(graph) - size])
    return graph


def write_graph071(graph: nx.MultiDiGraph, path: Path) -> float:
    start = time.perf_counter()
    write_map(graph, path)
    return time.perf_counter() - start


def write_pyvis_default(graph: nx.MultiDiGraph, path: Path) -> float:
    """Write the map the way pyvis does by default, with the schema's colours and labels."""
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network(directed=True)  # defaults otherwise: physics on, CDN resources, local lib/
    for node, data in graph.nodes(data=True):
        kind = NODE_KINDS[data["kind"]]
        net.add_node(node, label=data["name"], color=kind.color, shape=kind.shape,
                     title=f"{kind.label_nl}: {data['name']}")
    for source, target, data in graph.edges(data=True):
        kind = EDGE_KINDS[data["kind"]]
        net.add_edge(source, target, color=kind.color, width=kind.width, title=kind.label_nl)
    page = net.generate_html()
    elapsed = time.perf_counter() - start
    # The CDN's build of vis-network 9.1.2 differs byte for byte from the copy in pyvis's
    # package, so its integrity hash would block the local copy we serve in its place.
    page = re.sub(r'\s+integrity="[^"]*"', "", page)
    path.write_text(page, encoding="utf-8")
    # pyvis's write_html copies its lib/ folder next to the page (utils.js is loaded from it).
    lib = path.parent / "lib"
    if not lib.exists():
        shutil.copytree(Path(str(resources.files("pyvis"))) / "templates" / "lib", lib)
    return elapsed


def open_in_browser(browser, path: Path, timeout_s: float) -> dict:
    """Open `path` offline and return drawn/settled times (s), node count and blocked requests."""
    vis = Path(str(resources.files("pyvis"))) / "lib" / "vis-9.1.2"
    blocked: list[str] = []
    page = browser.new_page(viewport=SCREEN)
    page.add_init_script(PROBE)

    def route(route):
        url = route.request.url
        if url.startswith("file://"):
            return route.continue_()
        blocked.append(url)
        # Serve pyvis's CDN vis-network from its own package, so its page can draw at all.
        for name, kind in (("vis-network.min.js", "application/javascript"),
                           ("vis-network.min.css", "text/css")):
            if "vis-network" in url and url.endswith(name):
                local = vis / ("vis-network.css" if name.endswith(".css") else name)
                return route.fulfill(status=200, content_type=kind, body=local.read_bytes())
        return route.abort()

    page.route("**/*", route)
    page.goto(path.resolve().as_uri(), wait_until="commit")
    deadline = time.monotonic() + timeout_s
    result = {"drawn": None, "settled": None}
    while time.monotonic() < deadline:
        result = page.evaluate("window.__bench")
        if result and result["drawn"] is not None and result["settled"] is not None:
            break
        time.sleep(0.2)  # the probe stamps the times in the page; polling only reads them
    nodes, iterations = page.evaluate(
        "window.network ? [network.body.nodeIndices.length,"
        " network.physics.physicsEnabled ? network.physics.stabilizationIterations : null]"
        " : [0, null]")
    settled = result["settled"] is not None
    if settled:  # a page still running physics can take minutes to answer a screenshot
        page.screenshot(path=str(path.with_suffix(".png")))
    page.close()
    return {"drawn": _seconds(result["drawn"]), "settled": _seconds(result["settled"]),
            "nodes": nodes, "blocked": len(blocked),
            "progress": None if settled or iterations is None else iterations}


def _seconds(milliseconds: float | None) -> float | None:
    return None if milliseconds is None else milliseconds / 1000


def _fmt(value: float | None, timeout_s: float) -> str:
    return f">{timeout_s:.0f}" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000])
    parser.add_argument("--runs", type=int, default=3,
                        help="page loads of each graph071 map (median shown)")
    parser.add_argument("--pyvis-runs", type=int, default=1,
                        help="page loads of each pyvis map (each can take minutes)")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds to wait to settle")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'map':<22} {'nodes':>6} {'edges':>6} {'write s':>8} {'MB':>6} {'drawn s':>8} "
          f"{'settled s':>9} {'requests':>8}  (Chromium {SCREEN['width']}x{SCREEN['height']}, "
          f"time limit {args.timeout:.0f} s)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        for size in args.sizes:
            graph = graph_of(size)
            for name, writer, loads in (("graph071", write_graph071, args.runs),
                                        ("pyvis default", write_pyvis_default, args.pyvis_runs)):
                path = OUT / f"{name.split()[0]}_{size}.html"
                written = writer(graph, path)
                runs = [open_in_browser(browser, path, args.timeout) for _ in range(loads)]

                def median(key: str) -> float | None:
                    values = [run[key] for run in runs if run[key] is not None]
                    return statistics.median(values) if len(values) == len(runs) else None

                print(f"{name + ' ' + str(size):<22} {runs[0]['nodes']:>6} "
                      f"{graph.number_of_edges():>6} {written:>8.2f} "
                      f"{path.stat().st_size / 1e6:>6.2f} {_fmt(median('drawn'), args.timeout):>8} "
                      f"{_fmt(median('settled'), args.timeout):>9} {runs[0]['blocked']:>8}"
                      + (f"  (physics still running at the time limit: "
                         f"{runs[0]['progress']} iterations, the first "
                         f"{STABILIZATION_ITERATIONS} before anything is drawn)"
                         if runs[0]["progress"] is not None else ""), flush=True)
        browser.close()
    print(f"\nfiles and screenshots: {OUT}")


if __name__ == "__main__":
    main()
