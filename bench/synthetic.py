"""A synthetic graph with the shape of the bundled corpus, as big as a benchmark needs.

Each "programme" is one uitvoeringsprogramma like the bundled 2013-2015 one:
a Document, 6 themes and 62 actions, each action with trekkers, partners, "te
betrekken", a theme, its document and now and then a link, drawn from a shared
pool of organisations in which a few carry much of the work (as gemeente
Leiden and regiogemeenten do). Nodes and edges carry the same attributes,
with the same value types (None, lists, booleans, ints), as graph071.build.pipeline
gives, so whatever handles the real graph meets the same data at scale.

    import sys; sys.path.insert(0, "bench")
    from synthetic import synthetic_graph, programmes_for
    graph = synthetic_graph(programmes_for(relationships=100_000))
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Shape:
    """Counts per programme and per action, taken from the bundled corpus."""

    actions: int = 62
    themes: int = 6
    organisations: int = 68  # organisations in the pool per programme
    groups: int = 2  # groups (regiogemeenten, ...) per programme, with members
    members_per_group: int = 11
    trekkers: float = 1.21  # per action: 75 TREKKER edges on 62 actions
    partners: float = 2.0
    te_betrekken: float = 0.11
    links: float = 0.29
    # Share of actions with no trekker at all (3 of 62 in the bundled corpus); 0 keeps the
    # graph the push benchmark has always measured.
    without_trekker: float = 0.0


BUNDLED = Shape()


def relationships_per_programme(shape: Shape = BUNDLED) -> float:
    """Return how many relationships one programme brings, on average."""
    per_action = shape.trekkers + shape.partners + shape.te_betrekken + shape.links + 2  # theme, document
    return shape.actions * per_action + shape.groups * shape.members_per_group


def programmes_for(relationships: int, shape: Shape = BUNDLED) -> int:
    """Return how many programmes give at least `relationships` relationships (about)."""
    return max(1, math.ceil(relationships / relationships_per_programme(shape) * 1.02))


def _count(rng: random.Random, mean: float) -> int:
    # Whole number with the given mean: the integer part always, the rest by chance.
    whole = int(mean)
    return whole + (1 if rng.random() < mean - whole else 0)


def _text(rng: random.Random, words: list[str], length: int) -> str:
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < length:
        out.append(rng.choice(words))
    return " ".join(out)


_WORDS = ("regio ondernemers kennis onderwijs werkgelegenheid gemeente Leiden starters acquisitie "
          "bedrijven campus zorg innovatie arbeidsmarkt vestigingsklimaat bereikbaarheid "
          "toerisme economie samenwerking netwerk talent project haalbaarheid onderzoek").split()


def synthetic_graph(programmes: int = 1, seed: int = 71, shape: Shape = BUNDLED) -> nx.MultiDiGraph:
    """Return a graph of `programmes` synthetic programmes (1 is about the bundled corpus).

    The same arguments give the same graph.
    """
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    pool = shape.organisations * programmes
    # Zipf-like weights: organisation 0 is asked most, like gemeente Leiden.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(pool)]
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)

    def organisation(index: int, document: str, line: int) -> str:
        node = f"org:synthetic-{index}"
        if node not in graph:
            name = f"Organisatie {index}"
            graph.add_node(node, kind="Organisation", name=name, sector=rng.choice(
                ["overheid", "ondernemers", "onderwijs", "kennis", "zorg"]),
                helix=rng.choice(["overheid", "ondernemers", "onderwijs/kennis"]),
                is_group=False, resolved=index % 17 != 0, aliases=[name, f"Org {index}"][: 1 + index % 2],
                note="", document="organisations.csv", line=0, quote=name)
        return node

    def add_edge(source: str, target: str, kind: str, **attrs) -> None:
        existing = graph.get_edge_data(source, target) or {}
        same = [key for key, data in existing.items() if data["kind"] == kind]
        key = kind if not same else f"{kind}#{len(same) + 1}"
        graph.add_edge(source, target, key=key, kind=kind, **attrs)

    for number in range(1, programmes + 1):
        programme = f"synthetic-{number}"
        document = f"uitvoeringsprogramma-{programme}"
        doc_node = f"doc:{document}"
        graph.add_node(doc_node, kind="Document", name=f"Uitvoeringsprogramma {programme}",
                       document=document, edition=f"{2000 + number % 30}-10",
                       doc_kind="action_programme", file=f"documents/{document}.txt",
                       publisher="Synthetisch", line=1, quote=_text(rng, _WORDS, 56))
        themes = []
        for theme in range(1, shape.themes + 1):
            node = f"theme:{programme}/{theme}"
            graph.add_node(node, kind="Theme", name=f"Thema {theme}", document=document,
                           line=100 + theme, quote=f"{theme}. Thema {theme}", number=theme,
                           programme=programme)
            themes.append(node)
        line = 150
        actions = []
        for action in range(1, shape.actions + 1):
            line += 25
            node = f"action:{programme}/{action}"
            theme = rng.randrange(shape.themes) + 1
            categorie = rng.randint(1, 4)
            graph.add_node(node, kind="Action", name=f"{action}. {_text(rng, _WORDS, 32)}",
                           document=document, line=line, quote=_text(rng, _WORDS, 36),
                           number=action, title=_text(rng, _WORDS, 35), programme=programme,
                           theme=theme, theme_name=f"Thema {theme}",
                           voornemen_code=None if action % 10 == 0 else f"{theme}.{action % 5}",
                           voornemen=_text(rng, _WORDS, 84), description=_text(rng, _WORDS, 320),
                           result=_text(rng, _WORDS, 50), planning="2014-2015", categorie=categorie,
                           categorie_colour={1: "groen", 2: "groen", 3: "oranje", 4: "rood"}[categorie],
                           trekker_text="Organisatie", first_line=line, last_line=line + 20,
                           notes=[] if action % 7 else [_text(rng, _WORDS, 60)], remarks=[])
            actions.append(node)
            add_edge(node, themes[theme - 1], "IN_THEME", role="doelstelling", document=document,
                     line=line, quote=graph.nodes[node]["name"])
            add_edge(node, doc_node, "DESCRIBED_IN", role="", document=document, line=line,
                     quote=graph.nodes[node]["name"])
            for kind, mean, role in (("TREKKER", shape.trekkers, "trekker"),
                                     ("PARTNER", shape.partners, "partner"),
                                     ("TE_BETREKKEN", shape.te_betrekken, "te betrekken")):
                if kind == "TREKKER" and shape.without_trekker and rng.random() < shape.without_trekker:
                    graph.nodes[node]["trekker_text"] = "onbekend"
                    continue
                for _ in range(_count(rng, mean)):
                    index = _pick(rng, cumulative, total)
                    source = organisation(index, document, line)
                    add_edge(source, node, kind, role=role, document=document, line=line + 3,
                             quote=_text(rng, _WORDS, 75), name_as_written=graph.nodes[source]["name"])
        for node in actions:
            for _ in range(_count(rng, shape.links)):
                target = rng.choice(actions + themes)
                if target != node:
                    add_edge(node, target, "LINKS_TO", role="link", document=document,
                             line=graph.nodes[node]["line"] + 5, quote=_text(rng, _WORDS, 40),
                             link_kind="link")
        for group in range(shape.groups):
            group_node = organisation(_pick(rng, cumulative, total), document, line)
            graph.nodes[group_node]["is_group"] = True
            for _ in range(shape.members_per_group):
                member = organisation(rng.randrange(pool), document, line)
                if member != group_node and not graph.has_edge(member, group_node, "MEMBER_OF"):
                    graph.add_edge(member, group_node, key="MEMBER_OF", kind="MEMBER_OF",
                                   role="lid van", document=document, line=1600 + group,
                                   quote=_text(rng, _WORDS, 70))
    return graph


def _pick(rng: random.Random, cumulative: list[float], total: float) -> int:
    import bisect

    return bisect.bisect_left(cumulative, rng.random() * total)
