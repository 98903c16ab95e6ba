"""A synthetic corpus with the whole shape of the bundled one, at any multiple of its size.

bench/synthetic.py gives the uitvoeringsprogramma part (62 actions per programme, with
trekkers, partners, "te betrekken", themes and links). This adds what the project cards
bring, scaled the same way: per multiple 20 projects spread over three editions of the
projectkaarten (2018-10, 2019-06, 2022-01), each with its categorie and name per edition,
its organisations in the roles the cards name (trekker for about half of them, partners,
projectboard, betrokken, financier), a projectleider who works for an organisation, links
between projects and successions (a project that continues an older one, explicitly, or
grew out of an action, inferred). Organisations are drawn from one shared pool in which a
few carry much of the work. Everything carries the attributes and value types
graph071.build.pipeline gives, so the analytics meet the same data at 10x and 100x.

    import sys; sys.path.insert(0, "bench")
    from synthetic_corpus import corpus_graph
    graph = corpus_graph(100)   # ~6,200 actions, 2,000 projects, thousands of organisations
"""

from __future__ import annotations

import bisect
import random
from dataclasses import replace

import networkx as nx
from synthetic import BUNDLED, Shape, synthetic_graph

# Three editions of the projectkaarten, as the bundled manifest has them.
EDITIONS = (("projectkaarten-synthetic-2018", "2018-10"),
            ("projectoverzicht-synthetic-2019", "2019-06"),
            ("projectkaarten-synthetic-2022", "2022-01"))
PROJECTS = 20  # per multiple of the bundled corpus
CARD_THEMES = ("Economische structuurversterking", "Starters en Ondernemerschap",
               "Onderwijs en arbeidsmarkt", "Vestigingsklimaat", "Regiomarketing",
               "Duurzaamheid", "Arbeidsmarkt van de toekomst")
CATEGORIES = ("nieuw project", "aanjaagfase", "lopend project", "doorstart project",
              "afgerond project", "verzelfstandiging in 2019")
# Role kind -> mean number per project card, from the bundled cards (20 projects).
CARD_ROLES = (("TREKKER", 0.55), ("PARTNER", 2.0), ("PROJECTBOARD", 2.9),
              ("BETROKKEN", 1.9), ("FINANCIER", 1.0))
WITH_ORPHANS = replace(BUNDLED, without_trekker=3 / 62)


def corpus_graph(scale: int = 1, seed: int = 71, shape: Shape = WITH_ORPHANS) -> nx.MultiDiGraph:
    """Return a synthetic corpus `scale` times the bundled one (programmes and project cards).

    The same arguments give the same graph.
    """
    graph = synthetic_graph(scale, seed=seed, shape=shape)
    rng = random.Random(seed * 1000 + scale)
    organisations = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "Organisation"),
                           key=lambda n: int(n.rsplit("-", 1)[1]))
    cumulative, total = [], 0.0
    for rank in range(len(organisations)):
        total += 1.0 / (rank + 1) ** 0.8
        cumulative.append(total)

    def pick_organisation() -> str:
        return organisations[bisect.bisect_left(cumulative, rng.random() * total)]

    for document, edition in EDITIONS:
        graph.add_node(f"doc:{document}", kind="Document", name=f"Projectkaarten {edition}",
                       document=document, edition=edition, doc_kind="project_cards",
                       file=f"documents/{document}.txt", publisher="Synthetisch", line=1,
                       quote=f"Projectkaarten {edition}")
    themes = []
    for number, name in enumerate(CARD_THEMES, start=1):
        node = f"theme:kaarten-synthetic/{number}"
        graph.add_node(node, kind="Theme", name=name, document=EDITIONS[0][0], line=100 + number,
                       number=number, edition=EDITIONS[0][1], programme="kaarten-synthetic",
                       quote=name)
        themes.append(node)
    actions = [n for n, d in graph.nodes(data=True) if d["kind"] == "Action"]
    projects: list[str] = []
    for index in range(PROJECTS * scale):
        projects.append(_add_project(graph, rng, index, themes, pick_organisation))
    for number, project in enumerate(projects):
        first = graph.nodes[project]["editions"][0]
        if rng.random() < 0.25:
            other = rng.choice(projects)
            if other != project:
                _edge(graph, project, other, "LINKS_TO", role="verbonden met",
                      document=_document_of(first), line=graph.nodes[project]["line"] + 40,
                      quote="Verbonden met een ander project", edition=first)
        if rng.random() < 0.10:
            older = [p for p in projects[:number] if graph.nodes[p]["editions"][-1] <= first]
            if older and rng.random() < 0.6:
                _edge(graph, project, rng.choice(older), "SUCCEEDS", role="volgende fase van",
                      document=_document_of(first), line=graph.nodes[project]["line"] + 5,
                      quote="De volgende fase van het project", edition=first, explicit=True,
                      cue="volgende fase van")
            elif actions:
                _edge(graph, project, rng.choice(actions), "SUCCEEDS",
                      role="afgeleid (niet in de tekst)", document=_document_of(first),
                      line=graph.nodes[project]["line"], quote="", edition=first,
                      explicit=False, reason="Synthetic: the project continues the action.",
                      cue="afgeleid")
    return graph


def _document_of(edition: str) -> str:
    return next(document for document, written in EDITIONS if written == edition)


def _edge(graph: nx.MultiDiGraph, source: str, target: str, kind: str, **attrs) -> None:
    existing = graph.get_edge_data(source, target) or {}
    same = [key for key, data in existing.items() if data["kind"] == kind]
    graph.add_edge(source, target, key=kind if not same else f"{kind}#{len(same) + 1}",
                   kind=kind, **attrs)


def _count(rng: random.Random, mean: float) -> int:
    # Whole number with the given mean, spread like the cards (0 happens often).
    return sum(1 for _ in range(int(mean * 2)) if rng.random() < 0.5) + (
        1 if rng.random() < (mean * 2 - int(mean * 2)) / 2 else 0)


def _add_project(graph: nx.MultiDiGraph, rng: random.Random, index: int, themes: list[str],
                 pick_organisation) -> str:
    node = f"project:synthetic-{index}"
    name = f"Project {index}"
    start = rng.choice((0, 0, 1, 2))
    run = EDITIONS[start:start + rng.randint(1, 3 - start)]
    line = 200 + (index % 500) * 30
    theme = rng.choice(themes) if rng.random() < 0.6 else None
    roles: dict[str, list[str]] = {}
    for kind, mean in CARD_ROLES:
        chosen: list[str] = []
        for _ in range(_count(rng, mean)):
            organisation = pick_organisation()
            if organisation not in chosen:
                chosen.append(organisation)
        roles[kind] = chosen
    leader = f"person:synthetic-{index}"
    graph.add_node(leader, kind="Person", name=f"Projectleider {index}", organisation="",
                   document=run[0][0], line=line + 3, quote=f"Projectleider {index}")
    if rng.random() < 0.6:
        _edge(graph, leader, pick_organisation(), "WORKS_FOR", role="projectleider",
              document=run[0][0], line=line + 3, quote="", edition=run[0][1], function="")
    names, timeline = [], []
    for step, (document, edition) in enumerate(run):
        written = name if step == 0 or rng.random() < 0.85 else f"{name} (vervolg)"
        categorie = rng.choice(CATEGORIES[:3]) if step < len(run) - 1 else rng.choice(CATEGORIES)
        listed = []
        for kind, chosen in roles.items():
            for organisation in chosen:
                if step and rng.random() < 0.08:
                    continue  # now and then a card leaves a name out
                listed.append(f"{kind}|{graph.nodes[organisation]['name']}")
        if step and rng.random() < 0.1:
            listed.append(f"PARTNER|{graph.nodes[pick_organisation()]['name']}")
        listed.append(f"PROJECTLEIDER|Projectleider {index}")
        _edge(graph, node, f"doc:{document}", "APPEARS_IN", role=categorie, document=document,
              line=line, quote=f"Projectkaart {written}", edition=edition, categorie=categorie,
              categorie_line=line + 20, name_as_written=written, first_line=line - 1,
              last_line=line + 28, roles=listed,
              trekkers=[graph.nodes[o]["name"] for o in roles["TREKKER"]])
        if written not in names:
            names.append(written)
        timeline.append(f"{edition}: {categorie}")
    first_document, first_edition = run[0]
    graph.add_node(node, kind="Project", name=name, document=first_document, line=line,
                   quote=f"Projectkaart {name}", title=name, names=names, aliases=list(names),
                   note="", editions=[edition for _, edition in run], timeline=timeline,
                   trekker_text="" if roles["TREKKER"] else "geen bestuurlijk trekker",
                   theme_name=graph.nodes[theme]["name"] if theme else "",
                   theme=graph.nodes[theme]["number"] if theme else None,
                   theme_id=theme or "")
    for kind, chosen in roles.items():
        for organisation in chosen:
            _edge(graph, organisation, node, kind, role=kind.capitalize(), document=first_document,
                  line=line + 10, quote=f"{kind.capitalize()}: {graph.nodes[organisation]['name']}",
                  edition=first_edition, name_as_written=graph.nodes[organisation]["name"],
                  label_as_written=kind.capitalize())
    _edge(graph, leader, node, "PROJECTLEIDER", role="Projectleider", document=first_document,
          line=line + 3, quote=f"Projectleider: Projectleider {index}", edition=first_edition,
          function="")
    if theme:
        _edge(graph, node, theme, "IN_THEME", role=f"Thema {graph.nodes[theme]['number']}",
              document=first_document, line=line + 1, quote=graph.nodes[theme]["name"],
              edition=first_edition)
    return node


if __name__ == "__main__":
    import time
    from collections import Counter

    for scale in (1, 10, 100):
        started = time.perf_counter()
        made = corpus_graph(scale)
        kinds = Counter(d["kind"] for _, d in made.nodes(data=True))
        print(f"{scale:>4}x: {made.number_of_nodes():,} nodes, {made.number_of_edges():,} edges "
              f"({time.perf_counter() - started:.1f} s): {dict(sorted(kinds.items()))}")
