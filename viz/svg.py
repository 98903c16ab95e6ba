"""The map as a vector SVG for slides: shapes, lines and <text>, drawn in Python, no browser.

The picture is the view the HTML map opens with (graph071.viz.network_map): the same
payload, the same fixed layout positions, fitted into the screen left of the legend.
Nodes take their kind's shape and colour from the schema (organisations their side's),
edges their kind's colour, width and dashes, and what does not hold at the slider's
start moment is faded as on the page. The names that matter (orphans, themes, the
biggest hubs) are <text>, each at the first free place around its node, as the page
places them; the title, the moment and the legend are text too, so a slide editor
can change or translate any of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from graph071.i18n import text
from graph071.io.safe import xml_text
from graph071.viz.payload import RANK_ORPHAN
from graph071.schema import Node

HEADER_PX = 96  # title and subtitle above the map
LEGEND_PX = 360  # the legend right of the map
MARGIN_PX = 28
LABEL_PX = 17  # the names at the overview zoom (the page draws them at 15 px on 1600 px)
FADED = 0.12  # opacity of what does not hold at the moment shown, as on the page
FONT = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif"
LABEL_GAPS = (3, 24, 52, 90, 140)  # how far out a name may stand from its node, in px
DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Box:
    """A rectangle on the picture, in pixels."""

    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: Box) -> bool:
        return not (self.right < other.left or self.left > other.right
                    or self.bottom < other.top or self.top > other.bottom)


@dataclass(frozen=True)
class Frame:
    """How layout positions map onto the picture: scale and offset."""

    scale: float
    dx: float
    dy: float

    def at(self, x: float, y: float) -> tuple[float, float]:
        return (round(x * self.scale + self.dx, 1), round(y * self.scale + self.dy, 1))


def svg_of_map(payload: dict[str, Any], size: tuple[int, int]) -> bytes:
    """Return the SVG picture (UTF-8) of the map `payload` at `size` pixels (width, height)."""
    width, height = size
    shown = _shown_nodes(payload)
    moment = _start_moment(payload)
    held = set(moment["nodes"]) if moment else {n["id"] for n in shown}
    orphans = set(moment["orphans"]) if moment else {n["id"] for n in shown if n.get("orphan")}
    # Framed on what holds at the moment shown, as the page opens: the faded work of other
    # editions around it may fall outside the picture (the header and legend cover it).
    frame = _frame(_framed(shown, held, moment), width - LEGEND_PX, height)
    kinds = {k["name"]: k for k in payload["legend"]["kinds"]}
    sides = {s["name"]: s for s in payload["legend"]["sides"]}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
             f"<title>{_text(payload['title'])}</title>",
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             _arrow_markers(payload), '<g id="edges">']
    parts += _edges(payload, shown, held, moment, frame)
    parts.append('</g><g id="nodes">')
    parts += [_node(n, kinds, sides, frame, n["id"] in held, n["id"] in orphans, payload)
              for n in shown]
    parts.append('</g><g id="labels">')
    mark = payload["legend"]["mark"]
    parts += _labels(shown, held, orphans, frame, (width - LEGEND_PX, height), mark)
    parts.append("</g>")
    parts += _header(payload, moment, width)
    parts += _legend(payload, shown, orphans, width, height)
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def _shown_nodes(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the nodes the page shows on opening: all but the kinds it starts with off."""
    hidden = set(payload.get("start_hidden") or ())
    return [n for n in payload["nodes"] if n["kind"] not in hidden]


def _start_moment(payload: dict[str, Any]) -> dict[str, Any] | None:
    time = payload.get("time")
    return time["moments"][time["start"]] if time and time.get("moments") else None


def _framed(shown: list[dict[str, Any]], held: set[str], moment: dict[str, Any] | None
            ) -> list[dict[str, Any]]:
    """Return the nodes the picture is framed on, as the page frames its opening view: what
    holds at the moment, of the organisations only those with a role then (its hubs)."""
    now = [n for n in shown if n["id"] in held]
    roles = {hub[0] for hub in moment["hubs"]} if moment else None
    core = [n for n in now if roles is None or n["kind"] != Node.ORGANISATION or n["id"] in roles]
    return core or now or shown


def _frame(nodes: list[dict[str, Any]], width: float, height: float) -> Frame:
    """Return the frame that fits `nodes` into the map area (below the header)."""
    if not nodes:
        return Frame(1.0, width / 2, height / 2)
    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    span_x, span_y = max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0)
    area_w, area_h = width - 2 * MARGIN_PX, height - HEADER_PX - 2 * MARGIN_PX
    scale = min(area_w / span_x, area_h / span_y, 1.2)  # the page's fit zooms in to 1.2 at most
    dx = MARGIN_PX + (area_w - span_x * scale) / 2 - min(xs) * scale
    dy = HEADER_PX + MARGIN_PX + (area_h - span_y * scale) / 2 - min(ys) * scale
    return Frame(scale, dx, dy)


def _edges(payload: dict[str, Any], shown: list[dict[str, Any]], held: set[str],
           moment: dict[str, Any] | None, frame: Frame) -> list[str]:
    """Return a <line> per edge the page draws at its opening moment."""
    places = {n["id"]: frame.at(n["x"], n["y"]) for n in shown}
    kinds = {e["name"]: e for e in payload["legend"]["edges"]}
    drawn = set(moment["edges"]) if moment else set(range(len(payload["edges"])))
    lines = []
    for i, edge in enumerate(payload["edges"]):
        if i not in drawn or edge["from"] not in places or edge["to"] not in places:
            continue
        kind = kinds[edge["kind"]]
        (x1, y1), (x2, y2) = places[edge["from"]], places[edge["to"]]
        dashes = ' stroke-dasharray="6 4"' if kind["dashes"] or edge.get("inferred") else ""
        arrow = f' marker-end="url(#arrow-{kind["name"]})"' if kind["arrow"] else ""
        lines.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{kind["color"]}" '
                     f'stroke-width="{max(0.6, round(kind["width"] * 0.6, 2))}" '
                     f'stroke-opacity="0.85"{dashes}{arrow}/>')
    return lines


def _arrow_markers(payload: dict[str, Any]) -> str:
    markers = [f'<marker id="arrow-{e["name"]}" viewBox="0 0 10 10" refX="10" refY="5" '
               f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
               f'<path d="M0,0 L10,5 L0,10 z" fill="{e["color"]}"/></marker>'
               for e in payload["legend"]["edges"] if e["arrow"]]
    return "<defs>" + "".join(markers) + "</defs>"


def _node(n: dict[str, Any], kinds: dict[str, Any], sides: dict[str, Any], frame: Frame,
          held: bool, orphan: bool, payload: dict[str, Any]) -> str:
    """Return the shape of one node, with the "geen trekker" mark when it is an orphan now."""
    kind = kinds[n["kind"]]
    fill = sides[n["side"]]["color"] if n.get("side") in sides else kind["color"]
    x, y = frame.at(n["x"], n["y"])
    radius = max(3.5, n["size"] * frame.scale * 1.4)
    mark = payload["legend"]["mark"]
    if orphan and mark:
        stroke = f'stroke="{mark["color"]}" stroke-width="3" stroke-dasharray="5 3"'
    else:
        stroke = 'stroke="#1f2933" stroke-opacity="0.45" stroke-width="1"'
    opacity = "" if held else f' opacity="{FADED}"'
    body = _shape(kind["shape"], x, y, radius)
    return f'<g{opacity}><title>{_text(n["info"]["title"])}</title>{body} fill="{fill}" {stroke}/></g>'


def _shape(shape: str, x: float, y: float, r: float) -> str:
    """Return the opening of the SVG element that draws `shape` (a vis-network shape name)."""
    if shape in ("dot", "circle", "ellipse"):
        return f'<circle cx="{x}" cy="{y}" r="{round(r, 1)}"'
    if shape in ("box", "square", "database", "text"):
        w, h = (2.2 * r, 1.3 * r) if shape != "square" else (1.8 * r, 1.8 * r)
        return (f'<rect x="{round(x - w / 2, 1)}" y="{round(y - h / 2, 1)}" width="{round(w, 1)}" '
                f'height="{round(h, 1)}" rx="2"')
    corners = {"diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
               "triangle": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
               "triangleDown": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
               "hexagon": [(math.cos(a) * 1.1, math.sin(a) * 1.1)
                           for a in (i * math.pi / 3 for i in range(6))],
               "star": [((1.3 if i % 2 == 0 else 0.55) * math.sin(i * math.pi / 5),
                         -(1.3 if i % 2 == 0 else 0.55) * math.cos(i * math.pi / 5))
                        for i in range(10)]}.get(shape, [(0, -1), (1, 0), (0, 1), (-1, 0)])
    points = " L".join(f"{round(x + dx * r, 1)},{round(y + dy * r, 1)}" for dx, dy in corners)
    return f'<path d="M{points} z"'


def _labels(shown: list[dict[str, Any]], held: set[str], orphans: set[str], frame: Frame,
            area: tuple[float, float], mark: dict[str, Any] | None) -> list[str]:
    """Return the names of the landmarks that hold, orphans first, each where it covers no
    other name and no node of another landmark; a name with no free place is left out."""
    todo = sorted((n for n in shown if n.get("landmark") and n["id"] in held
                   and (n.get("rank") != RANK_ORPHAN or n["id"] in orphans or n.get("current"))),
                  key=lambda n: (0 if n["id"] in orphans else n.get("rank") or 9, -n["size"], n["id"]))
    spots = {n["id"]: (frame.at(n["x"], n["y"]), max(5.0, n["size"] * frame.scale * 1.4))
             for n in todo}
    taken = [Box(x - r, y - r, x + r, y + r) for (x, y), r in spots.values()]
    out = []
    for n in todo:
        lines = _label_lines(n, n["id"] in orphans, mark["label"] if mark else None)
        w = max(len(line) for line in lines) * LABEL_PX * 0.58 + 8
        h = len(lines) * LABEL_PX * 1.2 + 6
        box = _free_place(spots[n["id"]], w, h, taken, area)
        if box is None:
            continue
        taken.append(box)
        out.append(_label(n, lines, box, spots[n["id"]], mark["color"] if mark and n["id"] in orphans else None))
    return out


def _label_lines(n: dict[str, Any], orphan: bool, mark_label: str | None) -> list[str]:
    """Return a name's lines: an orphan's short label (the frame says "geen trekker"), else
    its label without the mark's line (a node that has a trekker at this moment)."""
    if orphan and n.get("short"):
        return n["short"].split("\n")
    return [line for line in n["label"].split("\n") if line and line != mark_label]


def _free_place(spot: tuple[tuple[float, float], float], w: float, h: float, taken: list[Box],
                area: tuple[float, float]) -> Box | None:
    (x, y), r = spot
    for gap in LABEL_GAPS:
        for dx, dy in DIRECTIONS:
            cx, cy = x + dx * (r + gap + w / 2), y + dy * (r + gap + h / 2)
            box = Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if box.left < 4 or box.top < HEADER_PX or box.right > area[0] - 4 or box.bottom > area[1] - 4:
                continue
            if not any(box.meets(other) for other in taken):
                return box
    return None


def _label(n: dict[str, Any], lines: list[str], box: Box,
           spot: tuple[tuple[float, float], float], orphan: str | None) -> str:
    """Return one name: a frame in the mark's colour (`orphan`) for an orphan, a leader line
    when the name stands away from its node."""
    parts = ['<g class="label">']
    (x0, y0), radius = spot
    tx, ty = min(max(x0, box.left), box.right), min(max(y0, box.top), box.bottom)
    if math.hypot(tx - x0, ty - y0) > radius + 8:
        parts.append(f'<line x1="{x0}" y1="{y0}" x2="{round(tx, 1)}" y2="{round(ty, 1)}" '
                     'stroke="#52606d" stroke-width="1.2"/>')
    if orphan:
        parts.append(f'<rect x="{round(box.left, 1)}" y="{round(box.top, 1)}" '
                     f'width="{round(box.right - box.left, 1)}" height="{round(box.bottom - box.top, 1)}" '
                     f'fill="#ffffff" fill-opacity="0.94" stroke="{orphan}" stroke-width="2"/>')
    colour = "#2f6b2a" if n["kind"] == Node.THEME else "#1f2933"
    weight = 600 if orphan else 700
    x = round((box.left + box.right) / 2, 1)
    for i, line in enumerate(lines):
        y = round(box.top + 3 + (i + 0.85) * LABEL_PX * 1.2, 1)
        halo = "" if orphan else ' stroke="#ffffff" stroke-width="4" paint-order="stroke"'
        parts.append(f'<text x="{x}" y="{y}" font-size="{LABEL_PX}" font-weight="{weight}" '
                     f'text-anchor="middle" fill="{colour}"{halo}>{_text(line)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _header(payload: dict[str, Any], moment: dict[str, Any] | None, width: int) -> list[str]:
    subtitle = " · ".join(p for p in (payload.get("subtitle"), moment["text"] if moment else "") if p)
    return [f'<rect width="{width}" height="{HEADER_PX - 20}" fill="#f8fafc"/>',
            f'<line x1="0" y1="{HEADER_PX - 20}" x2="{width}" y2="{HEADER_PX - 20}" stroke="#d9e2ec"/>',
            f'<text x="{MARGIN_PX}" y="38" font-size="28" font-weight="700" fill="#1f2933">'
            f'{_text(payload["title"])}</text>',
            f'<text x="{MARGIN_PX}" y="64" font-size="17" fill="#52606d">{_text(subtitle)}</text>']


def _legend(payload: dict[str, Any], shown: list[dict[str, Any]], orphans: set[str],
            width: int, height: int) -> list[str]:
    """Return the legend right of the map: the orphan key first, then kinds, sides and roles."""
    legend = payload["legend"]
    left, y = width - LEGEND_PX + 20, HEADER_PX + 8
    out = [f'<g id="legend"><rect x="{width - LEGEND_PX}" y="{HEADER_PX - 20}" width="{LEGEND_PX}" '
           f'height="{height - HEADER_PX + 20}" fill="#f8fafc" stroke="#d9e2ec"/>']
    if legend["mark"]:
        mark = legend["mark"]
        out.append(f'<rect x="{left - 6}" y="{y}" width="{LEGEND_PX - 28}" height="34" rx="6" '
                   f'fill="#ffffff" stroke="{mark["color"]}" stroke-width="2"/>'
                   f'<rect x="{left + 2}" y="{y + 9}" width="16" height="16" fill="#ffffff" '
                   f'stroke="{mark["color"]}" stroke-width="3"/>'
                   f'<text x="{left + 28}" y="{y + 23}" font-size="16">'
                   f'{_text(text("map:svg_orphan_key", "red border: {label}", label=mark["label"]))} '
                   f'({len(orphans)})</text>')
        y += 52
    present = {n["kind"] for n in shown}
    rows = [("heading", text("map:svg_kinds", "Kinds"))]
    rows += [("kind", k) for k in legend["kinds"] if k["name"] in present]
    if legend["sides"]:
        rows += [("heading", text("map:svg_sides", "Organisations by side"))]
        rows += [("side", s) for s in legend["sides"]]
    roles = [e for e in legend["edges"] if e["group"] == "rollen"]
    if roles:
        rows += [("heading", text("map:svg_roles", "Roles"))]
        rows += [("edge", e) for e in roles]
    for what, item in rows:
        if y > height - 30:
            break  # a small picture keeps what fits
        out.append(_legend_row(what, item, left, y, legend))
        y += 30 if what == "heading" else 24
    out.append("</g>")
    return out


def _legend_row(what: str, item: Any, left: float, y: float, legend: dict[str, Any]) -> str:
    if what == "heading":
        return (f'<text x="{left - 6}" y="{y + 20}" font-size="14" font-weight="700" '
                f'letter-spacing="1" fill="#52606d">{_text(str(item).upper())}</text>')
    if what == "edge":
        dashes = ' stroke-dasharray="6 4"' if item["dashes"] else ""
        sample = (f'<line x1="{left}" y1="{y + 12}" x2="{left + 36}" y2="{y + 12}" stroke="{item["color"]}" '
                  f'stroke-width="{max(1.5, min(item["width"] * 1.2, 6))}"{dashes}/>')
        return sample + f'<text x="{left + 46}" y="{y + 17}" font-size="15">{_text(item["label"])}</text>'
    colour = item["color"]
    shape = item.get("shape", "dot") if what == "kind" else "dot"
    if what == "kind" and item["name"] == Node.ORGANISATION and legend["sides"]:
        colour = "#ffffff"  # organisations are coloured by side, listed below
    swatch = _shape(shape, left + 9, y + 12, 7)
    count = f' ({item["count"]})' if what == "kind" else ""
    return (f'{swatch} fill="{colour}" stroke="#1f2933" stroke-opacity="0.45"/>'
            f'<text x="{left + 28}" y="{y + 17}" font-size="15">{_text(item["label"])}{count}</text>')


def _text(value: str) -> str:
    """Return `value` as SVG text or attribute value: escaped, without what XML cannot carry."""
    return escape(xml_text(str(value)), {'"': "&quot;"})
