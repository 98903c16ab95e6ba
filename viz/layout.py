"""Stable map positions, computed in Python so the browser never has to run physics.

A force-directed layout (Fruchterman-Reingold) with a fixed seed and nodes taken in
id order: the same graph gives the same positions on every run, so a slide deck
made from a map stays valid. Each connected part is laid out on its own and the
parts are packed to fill a 16:10 screen. Small parts get exact repulsion between
every pair of nodes; big ones (thousands of nodes) bin the nodes into a grid,
repel exactly within neighbouring cells and treat far cells as one heavy node
(a one-level Barnes-Hut), so 5,000 nodes lay out in seconds with numpy alone.
Finally the labelled boxes are pushed apart until no label covers another.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 71
UNIT_PX = 110.0  # the ideal edge length of the layout, in pixels at zoom 1
PART_GAP_PX = 140.0  # space between separately laid-out parts of the graph
OVERLAP_MARGIN_PX = 12.0  # least free space between two nodes' labels
SPREAD_PERCENTILE = 50  # share of overlapping pairs that enlarging the part alone resolves
MAX_SPREAD = 2.0
STALL_ROUNDS = 10  # pushing rounds after which no progress means: enlarge a little
GRAVITY = 1.5  # in units of the ideal edge length; see _force_directed
CENTRE_PULL = 4.0  # how many times stronger the pull to the middle is on the `centre` nodes
EXACT_LIMIT = 300  # up to this many nodes every pair repels; beyond it far cells repel as one


def positions(graph: nx.Graph, boxes: dict[str, tuple[float, float]] | None = None,
              seed: int = SEED, centre: set[str] | None = None) -> dict[str, tuple[float, float]]:
    """Return screen positions (pixels, rounded to 0.1) for every node of `graph`.

    Each connected part is laid out on its own and the parts are then packed in
    rows, biggest first, so a few loose clusters do not push the main network into
    a corner. `boxes` (id -> width, height in pixels, label included) lets the
    layout push apart nodes that would cover each other. The result depends only
    on the node ids, the (undirected) edges and the boxes, never on the order in
    which nodes and edges were added. `centre` (the latest state of the corpus, on the
    map with a time slider) is pulled harder to the middle of its part, and the parts
    holding it come first, so the present opens large with the past around it; the
    positions are one layout for every moment.

    >>> G = nx.MultiDiGraph([("b", "a"), ("a", "c")])
    >>> positions(G) == positions(nx.MultiDiGraph([("a", "c"), ("b", "a")]))
    True
    >>> sorted(positions(G))
    ['a', 'b', 'c']
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    centre = centre or set()
    parts = sorted((sorted(part, key=str) for part in nx.connected_components(simple)),
                   key=lambda part: (not centre.intersection(part), -len(part), str(part[0])))
    boxes = boxes or {}
    placed = [_layout_part(simple, part, seed, boxes, centre) for part in parts]
    return _pack(placed, boxes)


def _layout_part(simple: nx.Graph, nodes: list, seed: int,
                 boxes: dict[str, tuple[float, float]], centre: set[str]) -> dict:
    """Return pixel positions of one connected part, centred on (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted((min(index[u], index[v]), max(index[u], index[v]))
                   for u, v in simple.subgraph(nodes).edges())
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    pull = np.array([CENTRE_PULL if node in centre else 1.0 for node in nodes])
    coords = _force_directed(len(nodes), edges, seed, GRAVITY * pull) * UNIT_PX
    if boxes:
        size = np.array([boxes.get(node, (0.0, 0.0)) for node in nodes], dtype=float)
        coords = _separate(coords, size)
    coords -= (coords.max(axis=0) + coords.min(axis=0)) / 2
    return dict(zip(nodes, coords))


def _separate(pos: np.ndarray, size: np.ndarray, rounds: int = 600) -> np.ndarray:
    """Return `pos` with overlapping boxes pushed apart, each pair along its easier axis.

    The force layout decides who sits near whom; this step only makes room for the
    labels, so the picture keeps its shape while every label becomes readable. Where
    pushes cancel out (a box squeezed between two others) the whole part is enlarged
    a little, which always makes progress.
    """
    n = len(pos)
    half = size / 2 + OVERLAP_MARGIN_PX / 2
    cell = float(max(size.max(), 1.0)) + OVERLAP_MARGIN_PX
    pos = pos * _spread_factor(pos, half, cell)
    best = None
    candidates = None
    for step in range(rounds):
        fresh = candidates is None or step % 5 == 0
        if fresh:
            # Boxes move little per round: pairs found in cells half as big again stay
            # valid for a few rounds, which saves most of the searching.
            cells = np.floor((pos - pos.min(axis=0)) / (cell * 1.5)).astype(np.int64)
            first, second = _near_pairs(cells)
            slack = half[first] + half[second] - np.abs(pos[first] - pos[second]) + cell / 2
            close = (slack[:, 0] > 0) & (slack[:, 1] > 0)
            candidates = first[close], second[close]
        first, second = candidates
        delta = pos[first] - pos[second]
        need = half[first] + half[second] - np.abs(delta)  # overlap per axis
        overlapping = (need[:, 0] > 0) & (need[:, 1] > 0)
        count = int(overlapping.sum())
        if count == 0:
            if fresh:
                break
            candidates = None  # make sure with a full search before stopping
            continue
        if step % STALL_ROUNDS == 0:
            if best is not None and count >= best:
                pos = pos * 1.04
                best = candidates = None
                continue
            best = count
        first, second, delta, need = (first[overlapping], second[overlapping],
                                      delta[overlapping], need[overlapping])
        axis = (need[:, 1] < need[:, 0]).astype(int)  # move along the axis that needs less
        rows = np.arange(len(first))
        amount = need[rows, axis] / 2
        sign = np.sign(delta[rows, axis])
        sign[sign == 0] = np.where(first[sign == 0] < second[sign == 0], -1.0, 1.0)
        push = np.zeros((len(first), 2))
        push[rows, axis] = sign * amount
        # Average, not sum, the pushes on a box: a box in a crowd would otherwise be
        # thrown far past its place and into new overlaps.
        crowd = np.maximum(np.bincount(first, minlength=n) + np.bincount(second, minlength=n), 1)
        pos += (_sum_by(first, push, n) - _sum_by(second, push, n)) / crowd[:, None]
    return pos


def _spread_factor(pos: np.ndarray, half: np.ndarray, cell: float) -> float:
    """Return how much to enlarge the whole part first, so most overlaps go away by scaling
    alone (which keeps the shape) and the pushing only settles the rest."""
    cells = np.floor((pos - pos.min(axis=0)) / cell).astype(np.int64)
    first, second = _near_pairs(cells)
    if not len(first):
        return 1.0
    distance = np.maximum(np.abs(pos[first] - pos[second]), 1e-6)
    # Scale at which the pair stops overlapping along its easier axis.
    needed = ((half[first] + half[second]) / distance).min(axis=1)
    needed = needed[needed > 1.0]
    if not len(needed):
        return 1.0
    return float(min(np.percentile(needed, SPREAD_PERCENTILE), MAX_SPREAD))


def _pack(parts: list[dict], sizes: dict[str, tuple[float, float]]
          ) -> dict[str, tuple[float, float]]:
    """Return all positions with the parts placed in rows ("shelves"), biggest first.

    Of the possible row widths the one whose packing fills a 16:10 screen best wins,
    so the whole map opens as large as it can.
    """
    boxes, lows = [], []
    for part in parts:
        coords = np.array(list(part.values()))
        extra = np.array([sizes.get(node, (0.0, 0.0)) for node in part], dtype=float)
        low = (coords - extra / 2).min(axis=0)
        high = (coords + extra / 2).max(axis=0)
        boxes.append(high - low + PART_GAP_PX)
        lows.append(low - PART_GAP_PX / 2)
    widths = [float(b[0]) for b in boxes]
    candidates = sorted({max(widths[0], sum(widths[:k])) for k in range(1, len(widths) + 1)})

    def fill(width: float) -> float:  # the zoom at which the packing fits a 16 x 10 screen
        _, (total_width, total_height) = _shelves(boxes, width)
        return min(16.0 / total_width, 10.0 / total_height)

    best = max(candidates, key=lambda width: (fill(width), -width))
    corners, _ = _shelves(boxes, best)
    result: dict[str, tuple[float, float]] = {}
    for part, low, corner in zip(parts, lows, corners):
        for node, point in part.items():
            px, py = np.round(point - low + corner, 1)
            result[node] = (float(px), float(py))
    return result


def _shelves(boxes: list[np.ndarray], row_width: float
             ) -> tuple[list[np.ndarray], tuple[float, float]]:
    """Return the top-left corner of each box, filling rows of `row_width` left to right,
    and the width and height of the whole."""
    corners = []
    x = y = row_height = total_width = 0.0
    for width, height in boxes:
        if x > 0 and x + width > row_width + 1e-6:
            x, y, row_height = 0.0, y + row_height, 0.0
        corners.append(np.array([x, y]))
        x += float(width)
        total_width = max(total_width, x)
        row_height = max(row_height, float(height))
    return corners, (total_width, y + row_height)


def _force_directed(n: int, edges: np.ndarray, seed: int, gravity: np.ndarray) -> np.ndarray:
    """Return n x 2 coordinates of one connected part, in units of the ideal edge length;
    `gravity` is each node's pull to the middle."""
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)  # about one node per unit square
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    iterations = min(300, 60 + 2 * n) if n <= EXACT_LIMIT else 120
    temperature = side / 8
    for step in range(iterations):
        shift = _repulsion(pos) if n <= EXACT_LIMIT else _grid_repulsion(pos)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            distance = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
            pull = delta * distance[:, None]  # |f| = d^2 / k with k = 1
            shift -= _sum_by(edges[:, 0], pull, n)
            shift += _sum_by(edges[:, 1], pull, n)
        # A pull towards the middle, growing with the distance, reels in long tails and
        # loose ends, so the part is round and opens large on the screen.
        shift -= gravity[:, None] * pos
        length = np.maximum(np.hypot(shift[:, 0], shift[:, 1]), 1e-9)
        # Linear cooling: big moves first to untangle, small ones at the end to settle.
        limit = temperature * (1.0 - step / iterations) + 0.01
        pos += shift * (np.minimum(length, limit) / length)[:, None]
    return pos


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """Return the exact repulsion on every node: sum over all others of k^2 / d."""
    delta = pos[:, None, :] - pos[None, :, :]
    square = np.einsum("ijk,ijk->ij", delta, delta)
    np.fill_diagonal(square, 1.0)
    square = np.maximum(square, 1e-4)
    force = delta / square[:, :, None]  # direction / d, i.e. magnitude 1 / d
    return force.sum(axis=1)


def _grid_repulsion(pos: np.ndarray) -> np.ndarray:
    """Return the repulsion on every node, exact from nearby nodes and approximated from far ones.

    The nodes are binned into a grid of cells. Nodes in the same or an adjacent cell
    repel exactly; a cell further away repels as one heavy node at its centre of
    mass (a one-level Barnes-Hut), so the cost grows with nodes x cells, not nodes^2.
    """
    n = len(pos)
    side = max(4, min(64, int(math.sqrt(n / 8))))
    low = pos.min(axis=0)
    size = float((pos.max(axis=0) - low).max()) / side + 1e-9
    cells = np.minimum(np.floor((pos - low) / size).astype(np.int64), side - 1)
    cell = cells[:, 0] * side + cells[:, 1]
    mass = np.bincount(cell, minlength=side * side).astype(float)
    occupied = np.flatnonzero(mass)
    weight = mass[occupied]
    centre = _sum_by(cell, pos, side * side)[occupied] / weight[:, None]
    grid = np.stack([occupied // side, occupied % side], axis=1)
    # Far field between cells that are not neighbours.
    delta = centre[:, None, :] - centre[None, :, :]
    square = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-4)
    near = np.abs(grid[:, None, :] - grid[None, :, :]).max(axis=2) <= 1
    far = np.where(near, 0.0, weight[None, :] / square)
    far_force = np.einsum("ijk,ij->ik", delta, far)
    lookup = np.full(side * side, -1, dtype=np.int64)
    lookup[occupied] = np.arange(len(occupied))
    shift = far_force[lookup[cell]]
    # Near field: every pair in the same or adjacent cells, exactly.
    first, second = _near_pairs(cells)
    pair_delta = pos[first] - pos[second]
    pair_square = np.maximum(np.einsum("ij,ij->i", pair_delta, pair_delta), 1e-4)
    force = pair_delta / pair_square[:, None]
    return shift + _sum_by(first, force, n) - _sum_by(second, force, n)


def _near_pairs(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return index arrays (i, j), i != j, of the nodes in the same or adjacent grid cells.

    `cells` holds each node's (column, row) of a grid with non-negative numbers.
    """
    n = len(cells)
    width = int(cells[:, 1].max()) + 3  # room for the row offsets -1..+1 without wrapping
    key = cells[:, 0] * width + cells[:, 1]
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    firsts, seconds = [], []
    # Half of the 3 x 3 neighbourhood, so each pair of cells is visited once.
    for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):
        wanted = key + dx * width + dy
        low = np.searchsorted(sorted_keys, wanted, side="left")
        high = np.searchsorted(sorted_keys, wanted, side="right")
        counts = high - low
        total = int(counts.sum())
        if total == 0:
            continue
        owner = np.repeat(np.arange(n), counts)
        offset = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        other = order[np.repeat(low, counts) + offset]
        keep = owner < other if (dx, dy) == (0, 0) else np.ones(total, dtype=bool)
        firsts.append(owner[keep])
        seconds.append(other[keep])
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _sum_by(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Return per-node sums of 2-d `values` grouped by `index` (bincount is deterministic)."""
    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n),
                     np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)
